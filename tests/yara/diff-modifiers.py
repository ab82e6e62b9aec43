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
import sys

import ydiff


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
    return ydiff.settle(rule, bytes(data), d, lambda offs: "#a == %d" % len(offs))


if __name__ == "__main__":
    sys.exit(ydiff.main("diff-modifiers", case))
