#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
# diff-regex.py [SEED [COUNT]]: differential test of regular expressions
# whose matches begin in several ways (alternatives, optional or repeated
# first elements, classes, a leading ^ or \b), with nocase, wide, ascii and
# fullword, between `yara` and `iothunt match` (build/host/iothunt, and the
# MIPS build under qemu-mips-static -cpu 4Kc).  Each case is a random
# expression over a file of random bytes with strings it matches planted
# (some in another case, some wide); the rule asks for the match count and
# the offset and length of the first matches that yara reports
# (`yara -s`).  Fixed seeds: the same cases on every run.  A case listed in
# KNOWN is a difference still known (docs/RULES.md, "Known differences"): it
# is reported as such and must still differ, so the list stays true.  Prints
# failures and "N passed, N failed".
import os
import sys

import ydiff
ALPHA = "abcxyzAB01:-_ ."
# (seed, case) of the 200 cases per seed where iothunt still differs from
# yara: a wide match that yara never tries, because it verifies from its
# atom (not the start), and there the ascii form matches.
KNOWN = {(1, 105), (3, 90)}
LAZY = os.environ.get("LAZY", "1") == "1"
FULLWORD = os.environ.get("FULLWORD", "1") == "1"
WIDE = os.environ.get("WIDE", "1") == "1"


def piece(rng):
    """One element with an optional quantifier: (regex text, sampler)."""
    k = rng.random()
    if k < 0.6:
        c = rng.choice(ALPHA)
        text = "\\" + c if c in ".-" else c
        gen = lambda r, c=c: c
    elif k < 0.75:
        lo, hi = sorted(rng.sample("abcxyz01", 2))
        text = "[%s-%s]" % (lo, hi)
        gen = lambda r, lo=lo, hi=hi: chr(r.randint(ord(lo), ord(hi)))
    elif k < 0.85:
        text, pool = rng.choice([("\\d", "0123456789"), ("\\w", "abcXY_09"), ("\\s", " \t")])
        gen = lambda r, pool=pool: r.choice(pool)
    else:
        text = "."
        gen = lambda r: r.choice(ALPHA)
    q = rng.random()
    if q < 0.6:
        return text, gen
    lo, hi, qt = rng.choice([(0, 1, "?"), (0, 3, "*"), (1, 3, "+"), (1, 3, "{1,3}"), (2, 2, "{2}"), (0, 2, "{0,2}")])
    if LAZY and rng.random() < 0.2:
        qt += "?"      # lazy
    return text + qt, lambda r, g=gen, lo=lo, hi=hi: "".join(g(r) for _ in range(r.randint(lo, hi)))


def seq(rng, n):
    parts = [piece(rng) for _ in range(n)]
    return "".join(p[0] for p in parts), lambda r: "".join(p[1](r) for p in parts)


def expr(rng):
    branches = [seq(rng, rng.randint(1, 4)) for _ in range(rng.randint(1, 4))]
    alt = "|".join(b[0] for b in branches)
    pick = lambda r: r.choice(branches)[1](r)
    shape = rng.random()
    if shape < 0.4:
        text, gen = alt, pick
    else:
        pre = seq(rng, rng.randint(0, 2)) if rng.random() < 0.5 else ("", lambda r: "")
        suf = seq(rng, rng.randint(1, 3))
        text = pre[0] + "(" + alt + ")" + suf[0]
        gen = lambda r: pre[1](r) + pick(r) + suf[1](r)
    lead = rng.random()
    if lead < 0.1:
        text = "^" + text if shape >= 0.4 else "^(" + text + ")"
    elif lead < 0.2:
        text = "\\b" + text if shape >= 0.4 else "\\b(" + text + ")"
    return text, gen


def case(rng, d):
    text, gen = expr(rng)
    mods = []
    if rng.random() < 0.3:
        mods.append("nocase")
    if WIDE and rng.random() < 0.3:
        mods.append(rng.choice(["wide", "ascii wide"]))
    if FULLWORD and rng.random() < 0.2:
        mods.append("fullword")
    rng.shuffle(mods)
    rule = 'rule r { strings: $a = /%s/ %s condition: %%s }' % (text.replace("/", "\\/"), " ".join(mods))
    data = bytearray(ord(rng.choice(ALPHA)) for _ in range(rng.randint(0, 30)))
    for _ in range(rng.randint(0, 6)):
        s = gen(rng)
        if rng.random() < 0.3:
            s = s.swapcase()
        b = s.encode("latin1")
        data += s.encode("utf-16-le") if rng.random() < 0.3 else b
        data += bytes(ord(rng.choice(ALPHA)) for _ in range(rng.randint(0, 4)))
    return ydiff.settle(rule, bytes(data), d, ask)


def ask(offs):
    """The match count and the first offsets."""
    return " and ".join(["#a == %d" % len(offs)] + ["@a[%d] == %d" % (i, o) for i, o in enumerate(offs[:8], 1)])


if __name__ == "__main__":
    default = LAZY and FULLWORD and WIDE and (len(sys.argv) < 3 or sys.argv[2] == "200")
    sys.exit(ydiff.main("diff-regex", case, KNOWN if default else frozenset()))
