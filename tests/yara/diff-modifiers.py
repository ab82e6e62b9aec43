#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
# diff-modifiers.py [SEED [COUNT]]: differential test of the xor, base64 and
# base64wide string modifiers (with ascii, wide, fullword, key ranges)
# between `yara` and `iothunt match` (build/host/iothunt, and the MIPS
# build under qemu-mips-static -cpu 4Kc).  Each case is a random string
# with random modifiers over a file holding random bytes and encodings of
# the string (xored with random keys, base64 after 0-2 random bytes, wide);
# the rule asks for the exact match count that yara reports (`yara -s`).
# A rule yara refuses must be refused by iothunt too.  Fixed seeds: the
# same cases on every run.  Prints failures and "N passed, N failed".
import base64
import os
import random
import subprocess
import sys
import tempfile

HOST = "build/host/iothunt"
MIPS = "build/mips/iothunt"
QEMU = os.environ.get("QEMU", "qemu-mips-static")


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60)


def case(rng, d):
    s = bytes(rng.choice(b"abcdefghXYZ01 /.\x00\xff") for _ in range(rng.randint(1, 12)))
    mods = []
    kind = rng.choice(["xor", "b64", "b64"])
    if kind == "xor":
        lo = rng.randint(0, 255)
        hi = rng.randint(lo, 255)
        mods.append(rng.choice(["xor", "xor(%d)" % lo, "xor(%d-%d)" % (lo, hi)]))
        if rng.random() < 0.3:
            mods.append("fullword")
    else:
        mods.append(rng.choice(["base64", "base64wide", "base64 base64wide"]))
    if rng.random() < 0.4:
        mods.append(rng.choice(["wide", "ascii wide", "ascii"]))
    rng.shuffle(mods)
    lit = "".join("\\x%02x" % c for c in s)
    rule = 'rule r { strings: $a = "%s" %s condition: %%s }' % (lit, " ".join(mods))
    data = bytearray(rng.randbytes(rng.randint(0, 40)))
    for _ in range(rng.randint(0, 4)):
        c = rng.choice(["xor", "b64", "b64w", "raw", "wide"])
        w = s.decode("latin1").encode("utf-16-le")
        if c == "xor":
            k = rng.randint(0, 255)
            data += bytes(x ^ k for x in (s if rng.random() < 0.5 else w))
        elif c in ("b64", "b64w"):
            e = base64.b64encode(rng.randbytes(rng.randint(0, 2)) + (s if rng.random() < 0.7 else w)
                                 + rng.randbytes(rng.randint(0, 2)))
            data += bytes(x for ch in e for x in (ch, 0)) if c == "b64w" else e
        else:
            data += s if c == "raw" else w
        data += rng.randbytes(rng.randint(0, 5))
    dat = os.path.join(d, "d.bin")
    yar = os.path.join(d, "r.yar")
    with open(dat, "wb") as f:
        f.write(data)
    with open(yar, "w") as f:
        f.write(rule % "$a or not $a")
    y = run(["yara", "-s", yar, dat])
    if y.returncode != 0 or "error" in y.stderr:
        return rule % "true", None
    n = sum(1 for line in y.stdout.splitlines() if line.startswith("0x"))
    with open(yar, "w") as f:
        f.write(rule % ("#a == %d" % n))
    return rule % ("#a == %d" % n), "r " + dat  # exit 1: a match


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    for tool in ("yara", QEMU):
        if run(["sh", "-c", "command -v " + tool]).returncode != 0:
            print("diff-modifiers: FAIL: %s not installed\n0 passed, 1 failed" % tool)
            return 1
    rng = random.Random(seed)
    passed = failed = 0
    with tempfile.TemporaryDirectory() as d:
        yar, dat = os.path.join(d, "r.yar"), os.path.join(d, "d.bin")
        for i in range(count):
            rule, want = case(rng, d)
            for name, cmd in (("host", [HOST]), ("mips", [QEMU, "-cpu", "4Kc", MIPS])):
                r = run(cmd + ["match", yar, dat])
                ok = (r.returncode == 2) if want is None else (r.returncode == 1 and r.stdout.strip() == want)
                if ok:
                    passed += 1
                else:
                    failed += 1
                    print("FAIL %s case %d: %s\n    data %s\n    iothunt: exit %d %s %s" % (
                        name, i, rule, open(dat, "rb").read().hex(), r.returncode, r.stdout.strip(),
                        r.stderr.strip()[:200]))
    print("diff-modifiers: seed %d: %d passed, %d failed" % (seed, passed, failed))
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
