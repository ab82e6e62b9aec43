# SPDX-License-Identifier: BSD-2-Clause
# ydiff.py: what the random differential tests against yara share
# (diff-modifiers.py, diff-regex.py): yara's offsets for one rule over one
# file, the rule rewritten to ask for them, and the loop that runs each case
# through build/host/iothunt and the MIPS build under qemu-mips-static
# -cpu 4Kc.  Fixed seeds: the same cases on every run.
import os
import random
import subprocess
import sys
import tempfile

HOST = os.environ.get("HOST", "build/host/iothunt")
MIPS = "build/mips/iothunt"
QEMU = os.environ.get("QEMU", "qemu-mips-static")


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60)


def settle(rule, data, d, ask):
    """RULE (one string $a, its condition '%s') over DATA, written to D:
    yara's match offsets, and the rule rewritten with ASK(offsets) as its
    condition.  Returns (rule, expected iothunt output), the expected output
    None when yara refuses the rule (iothunt must refuse it too)."""
    dat = os.path.join(d, "d.bin")
    yar = os.path.join(d, "r.yar")
    with open(dat, "wb") as f:
        f.write(data)
    with open(yar, "w") as f:
        f.write(rule % "$a or not $a")
    y = run(["yara", "-s", yar, dat])
    if y.returncode != 0 or "error" in y.stderr:
        return rule % "true", None
    offs = [int(line.split(":", 1)[0], 16) for line in y.stdout.splitlines() if line.startswith("0x")]
    with open(yar, "w") as f:
        f.write(rule % ask(offs))
    return rule % ask(offs), "r " + dat  # exit 1: a match


def main(name, case, known=frozenset()):
    """Run COUNT cases (argv: SEED COUNT, default 1 200) of CASE(rng, dir)
    through both builds.  A (seed, case) in KNOWN is a difference still
    known: it must still differ.  Prints failures and the counts."""
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    for tool in ("yara", QEMU):
        if run(["sh", "-c", "command -v " + tool]).returncode != 0:
            print("%s: FAIL: %s not installed\n0 passed, 1 failed" % (name, tool))
            return 1
    rng = random.Random(seed)
    passed = failed = nknown = 0
    with tempfile.TemporaryDirectory() as d:
        yar, dat = os.path.join(d, "r.yar"), os.path.join(d, "d.bin")
        for i in range(count):
            rule, want = case(rng, d)
            for tname, cmd in (("host", [HOST]), ("mips", [QEMU, "-cpu", "4Kc", MIPS])):
                r = run(cmd + ["match", yar, dat])
                ok = (r.returncode == 2) if want is None else (r.returncode == 1 and r.stdout.strip() == want)
                if (seed, i) in known:
                    if ok:
                        failed += 1
                        print("FIXED %s case %d: %s (remove it from the known differences)" % (tname, i, rule))
                    else:
                        nknown += 1
                elif ok:
                    passed += 1
                else:
                    failed += 1
                    print("FAIL %s case %d: %s\n    data %r\n    iothunt: exit %d %s %s" % (
                        tname, i, rule, open(dat, "rb").read(), r.returncode, r.stdout.strip(),
                        r.stderr.strip()[:200]))
    print("%s: seed %d: %d passed, %d failed, %d known differences" % (name, seed, passed, failed, nknown))
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 and passed > 0 else 1
