#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
# diff-elf.py [SEED [COUNT]]: differential test of the 'elf' module and the
# 'entrypoint' keyword between `yara` and `iothunt match` (build/host/iothunt,
# and the MIPS build under qemu-mips-static -cpu 4Kc).
#
# Targets: COUNT random ELF files of both classes and byte orders (section
# and program header tables, a name table, entry points inside and outside
# them) with random damage (tables past the end, counts, name indexes,
# truncation, bad e_ident), random PE headers (for entrypoint), and real
# binaries (this machine's /bin/ls, the MIPS agent).  For each target one
# rule file asks, for every field and entry (and indexes out of range),
# `defined FIELD` and `FIELD == V`, V from this script's own reading of the
# headers.  Both tools must report the same rules; a field that this
# script and yara read alike shows as a match in both (the count of those
# is printed, so a test that never matches anything would show).
# Fixed seeds: the same targets on every run.
import os
import random
import subprocess
import sys
import tempfile

HOST = "build/host/iothunt"
MIPS = "build/mips/iothunt"
QEMU = os.environ.get("QEMU", "qemu-mips-static")

# field: (offset, size) in ELF32, then ELF64
HDR = {"type": (16, 2, 16, 2), "machine": (18, 2, 18, 2), "entry": (24, 4, 24, 8),
       "ph_offset": (28, 4, 32, 8), "sh_offset": (32, 4, 40, 8), "ph_entry_size": (42, 2, 54, 2),
       "number_of_segments": (44, 2, 56, 2), "sh_entry_size": (46, 2, 58, 2),
       "number_of_sections": (48, 2, 60, 2), "shstrndx": (50, 2, 62, 2)}
SEC = {"name": (0, 4, 0, 4), "type": (4, 4, 4, 4), "flags": (8, 4, 8, 8), "address": (12, 4, 16, 8),
       "offset": (16, 4, 24, 8), "size": (20, 4, 32, 8)}
SEG = {"type": (0, 4, 0, 4), "flags": (24, 4, 4, 4), "offset": (4, 4, 8, 8),
       "virtual_address": (8, 4, 16, 8), "physical_address": (12, 4, 24, 8),
       "file_size": (16, 4, 32, 8), "memory_size": (20, 4, 40, 8), "alignment": (28, 4, 48, 8)}


def run(cmd, timeout=120):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


class Elf:
    def __init__(self, d, is64, be):
        self.d, self.is64, self.be = d, is64, be

    def rd(self, off, size):
        if off < 0 or off + size > len(self.d):
            return None
        return int.from_bytes(self.d[off:off + size], "big" if self.be else "little")

    def get(self, base, spec):
        o, s = (spec[2], spec[3]) if self.is64 else (spec[0], spec[1])
        return self.rd(base + o, s)

    def h(self, name):
        return self.get(0, HDR[name])

    def table(self, sec):
        off = self.h("sh_offset" if sec else "ph_offset")
        n = self.h("number_of_sections" if sec else "number_of_segments")
        es = (64 if self.is64 else 40) if sec else (56 if self.is64 else 32)
        return off, n, es, off + n * es <= len(self.d)

    def rva(self, rva):
        sec = self.h("type") != 2
        off, n, es, fits = self.table(sec)
        if not fits or off == 0 or n == 0:
            return None
        for i in range(n):
            b = off + i * es
            t = self.get(b, SEC["type"]) if sec else 1
            a = self.get(b, SEC["address"] if sec else SEG["virtual_address"])
            end = a + self.get(b, SEC["size"] if sec else SEG["memory_size"])
            end &= (1 << 64) - 1 if self.is64 else 0xffffffff
            if t not in (0, 8) and a <= rva < end:
                return (self.get(b, SEC["offset"] if sec else SEG["offset"]) + rva - a) & ((1 << 64) - 1)
        return None

    def element(self, sec, i):
        off, n, es, fits = self.table(sec)
        if not fits or off >= len(self.d) or i < 0 or i >= n:
            return None
        if sec and (n >= 0xff00 or self.h("shstrndx") >= n):
            return None
        if not sec and n >= 0xffff:
            return None
        return off + i * es

    def name(self, i):
        b = self.element(True, i)
        t = self.element(True, self.h("shstrndx"))
        if b is None or t is None:
            return None
        st, nm = self.get(t, SEC["offset"]), self.get(b, SEC["name"])
        d = self.d
        if st == 0 or st >= len(d) or nm >= len(d) or d[st] != 0 or st + nm >= len(d):
            return None
        z = d.find(b"\0", st + nm)
        return None if z < 0 else d[st + nm:z]


def s64(v):
    return v - (1 << 64) if v is not None and v >= 1 << 63 else v


def model(d):
    """(expression, value or None) pairs: what this script reads."""
    out = []
    n = len(d)
    # entrypoint: PE first, then ELF read little-endian
    ep = None
    pe = None
    if n >= 64 and d[:2] == b"MZ":
        lf = int.from_bytes(d[0x3c:0x40], "little", signed=True)
        if lf >= 0 and n >= lf + 24 and d[lf:lf + 4] == b"PE\0\0" and \
                int.from_bytes(d[lf + 4:lf + 6], "little") in (0x14c, 0x8664) and n > lf + 248:
            pe = lf
    if pe is not None:
        rva = int.from_bytes(d[pe + 40:pe + 44], "little")
        nsec = int.from_bytes(d[pe + 6:pe + 8], "little")
        first = 24 + int.from_bytes(d[pe + 20:pe + 22], "little")
        srva = soff = 0
        ep = None
        for i in range(min(nsec, 60)):
            s = first + i * 40
            if s + 40 >= n - pe:
                ep = 0
                break
            va = int.from_bytes(d[pe + s + 12:pe + s + 16], "little")
            if rva >= va and srva <= va:
                srva, soff = va, int.from_bytes(d[pe + s + 20:pe + s + 24], "little")
        if ep is None:
            ep = soff + rva - srva
    elif n >= 16 and d[:4] == b"\x7fELF" and d[4] in (1, 2) and n >= (64 if d[4] == 2 else 52):
        e = Elf(d, d[4] == 2, False)
        ep = e.rva(e.h("entry"))
        ep = 0 if ep is None else ep
    out.append(("entrypoint", s64(ep)))
    if not (n >= 16 and d[:4] == b"\x7fELF" and d[4] in (1, 2) and d[5] in (1, 2)
            and n > (64 if d[4] == 2 else 52)):
        out += [("elf.%s" % f, None) for f in HDR if f not in ("entry", "shstrndx")]
        out += [("elf.entry_point", None), ("elf.sections[0].type", None), ("elf.segments[0].type", None)]
        return out
    e = Elf(d, d[4] == 2, d[5] == 2)
    for f in HDR:
        if f == "entry":
            v = e.h("entry")
            out.append(("elf.entry_point", s64(e.rva(v)) if v else None))
        elif f != "shstrndx":
            out.append(("elf.%s" % f, s64(e.h(f))))
    for sec, arr, spec in ((True, "sections", SEC), (False, "segments", SEG)):
        cnt = e.h("number_of_sections" if sec else "number_of_segments")
        for i in list(range(min(cnt, 6))) + [-1, cnt, cnt + 1]:
            b = e.element(sec, i)
            for f in spec:
                x = "elf.%s[%d].%s" % (arr, i, f)
                if f == "name":
                    out.append((x, e.name(i)))
                else:
                    out.append((x, None if b is None else s64(e.get(b, spec[f]))))
    return out


NAMES = [b"", b".text", b".data", b".bss", b".shstrtab", b".init", b"UPX!", b".rodata", b"x" * 300]


def gen_elf(rng):
    is64, be = rng.random() < 0.5, rng.random() < 0.5
    bo = "big" if be else "little"
    w = 8 if is64 else 4
    eh, shes, phes = (64, 64, 56) if is64 else (52, 40, 32)
    nseg, nsec = rng.randint(0, 4), rng.randint(0, 6)
    d = bytearray(eh)
    d[:6] = b"\x7fELF" + bytes([2 if is64 else 1, 2 if be else 1])
    d[6] = 1

    def put(buf, off, size, v):
        buf[off:off + size] = (v & ((1 << (8 * size)) - 1)).to_bytes(size, bo)

    o = (lambda f: HDR[f][2:] if is64 else HDR[f][:2])
    put(d, *o("type"), rng.choice([1, 2, 2, 3, 3, 4, rng.randint(0, 0xffff)]))
    put(d, *o("machine"), rng.choice([8, 8, 3, 62, 40, 183, 20, rng.randint(0, 0xffff)]))
    # program headers right after the header
    phoff = eh
    segs = []
    for _ in range(nseg):
        va = rng.choice([0x400000, 0x10000, rng.randint(0, 0xffffffff), (1 << (8 * w)) - 0x100])
        segs.append(dict(type=rng.choice([1, 1, 2, 3, 4, 6, 7, 0x6474e551, 0]), flags=rng.randint(0, 7),
                         offset=rng.randint(0, 0x400), virtual_address=va, physical_address=va,
                         file_size=rng.randint(0, 0x2000), memory_size=rng.randint(0, 0x3000),
                         alignment=rng.choice([0, 4, 0x1000, 0x10000])))
    d += bytes(nseg * phes)
    for i, s in enumerate(segs):
        for f, v in s.items():
            off, size = SEG[f][2:] if is64 else SEG[f][:2]
            put(d, phoff + i * phes + off, size, v)
    # name table
    strtab = bytearray(b"\0")
    idx = []
    for _ in range(nsec):
        nm = rng.choice(NAMES)
        idx.append(len(strtab))
        strtab += nm + b"\0"
    stroff = len(d)
    d += strtab
    shoff = len(d)
    shstrndx = rng.randint(0, max(nsec - 1, 0))
    secs = []
    for i in range(nsec):
        a = rng.choice([0, 0x400000 + rng.randint(0, 0x1000), rng.randint(0, 0xffffffff)])
        secs.append(dict(name=idx[i], type=rng.choice([0, 1, 1, 2, 3, 8, 11, rng.randint(0, 20)]),
                         flags=rng.randint(0, 7), address=a, offset=rng.randint(0, 0x800),
                         size=rng.randint(0, 0x1000)))
    if nsec:
        secs[shstrndx].update(type=3, offset=stroff, size=len(strtab))
    d += bytes(nsec * shes)
    for i, s in enumerate(secs):
        for f, v in s.items():
            off, size = SEC[f][2:] if is64 else SEC[f][:2]
            put(d, shoff + i * shes + off, size, v)
    # entry: inside a segment or section, or anywhere
    cands = [s["virtual_address"] + rng.randint(0, 0x100) for s in segs] + \
            [s["address"] + rng.randint(0, 0x100) for s in secs] + [0, rng.randint(0, 0xffffffff)]
    put(d, *o("entry"), rng.choice(cands))
    put(d, *o("ph_offset"), phoff if nseg else rng.choice([0, phoff]))
    put(d, *o("sh_offset"), shoff)
    put(d, *o("ph_entry_size"), phes)
    put(d, *o("number_of_segments"), nseg)
    put(d, *o("sh_entry_size"), shes)
    put(d, *o("number_of_sections"), nsec)
    put(d, *o("shstrndx"), shstrndx)
    d += rng.randbytes(rng.randint(0, 64))
    # damage
    for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
        k = rng.randint(0, 11)
        if k == 0:
            put(d, *o("sh_offset"), rng.choice([0, len(d), len(d) - 1, rng.randint(0, 1 << 63)]))
        elif k == 1:
            put(d, *o("number_of_sections"), rng.choice([0, nsec + 1, 0xff00, 0xffff, rng.randint(0, 0xffff)]))
        elif k == 2:
            put(d, *o("shstrndx"), rng.choice([nsec, nsec + 5, 0, rng.randint(0, 0xffff)]))
        elif k == 3:
            put(d, *o("ph_offset"), rng.choice([0, len(d), rng.randint(0, 1 << 63)]))
        elif k == 4:
            put(d, *o("number_of_segments"), rng.choice([0, nseg + 1, 0xffff, rng.randint(0, 0xffff)]))
        elif k == 5:
            del d[rng.randint(0, len(d)):]
        elif k == 6 and len(d) > 6:
            d[rng.choice([4, 5])] = rng.choice([0, 1, 2, 3])
        elif k == 7 and nsec and stroff < len(d):
            d[stroff] = rng.randint(1, 255)
        elif k == 8 and nsec:
            put(d, shoff + rng.randrange(nsec) * shes, 4, rng.choice([len(d), len(strtab), 0x7fffffff]))
        elif k == 9:
            put(d, *o("entry"), 0)
        elif k == 10 and len(d) > eh:
            put(d, *o("type"), rng.choice([2, 3]))
        elif k == 11 and nsec:   # a name running into the end of the file
            del d[stroff + len(strtab) - 1:]
    return bytes(d)


def gen_pe(rng):
    lf = rng.choice([0x40, 0x80, 0xe8, rng.randint(0, 0x200), 0x80000000])
    nsec = rng.randint(0, 5)
    sooh = rng.choice([0xe0, 0xf0, 0, rng.randint(0, 0x200)])
    size = max(64, (lf & 0xffff) + 24 + sooh + 40 * nsec + rng.randint(-64, 300))
    d = bytearray(rng.randbytes(size))
    d[:2] = b"MZ"
    d[0x3c:0x40] = lf.to_bytes(4, "little")
    lf &= 0x7fffffff
    if lf + 24 <= len(d):
        d[lf:lf + 4] = b"PE\0\0" if rng.random() < 0.9 else b"PX\0\0"
        d[lf + 4:lf + 6] = rng.choice([0x14c, 0x8664, 0x14c, 0x1c0]).to_bytes(2, "little")
        d[lf + 6:lf + 8] = nsec.to_bytes(2, "little")
        d[lf + 20:lf + 22] = sooh.to_bytes(2, "little")
    vas = []
    for i in range(nsec):
        s = lf + 24 + sooh + 40 * i
        va = rng.choice([0x1000 * (i + 1), rng.randint(0, 0x10000)])
        vas.append(va)
        if s + 24 <= len(d):
            d[s + 12:s + 16] = va.to_bytes(4, "little")
            d[s + 20:s + 24] = rng.randint(0, 0x4000).to_bytes(4, "little")
    if lf + 44 <= len(d):
        ep = rng.choice(vas + [0, rng.randint(0, 0xffff)]) + rng.randint(0, 0x200)
        d[lf + 40:lf + 44] = (ep & 0xffffffff).to_bytes(4, "little")
    return bytes(d)


def rules_for(pairs):
    r = ['import "elf"']
    for k, (x, v) in enumerate(pairs):
        if x.endswith(".name"):
            r.append('rule d%d { condition: defined (%s == "") }' % (k, x))
            if v is not None:
                lit = "".join("\\x%02x" % c for c in v)
                r.append('rule e%d { condition: %s == "%s" }' % (k, x, lit))
        else:
            r.append("rule d%d { condition: defined %s }" % (k, x))
            if v is not None:
                r.append("rule e%d { condition: %s == %d }" % (k, x, v))
    return "\n".join(r) + "\n"


def names(out, path):
    return sorted(line.split()[0] for line in out.splitlines() if line.endswith(" " + path))


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    rng = random.Random(seed)
    mips = os.path.exists(MIPS)
    passed = failed = equal = asked = 0
    with tempfile.TemporaryDirectory() as d:
        targets = []
        for i in range(count):
            targets.append(gen_pe(rng) if i % 5 == 4 else gen_elf(rng))
        for real in ("/bin/ls", MIPS):
            if os.path.exists(real):
                with open(real, "rb") as f:
                    targets.append(f.read())
        for i, data in enumerate(targets):
            dat = os.path.join(d, "t%d" % i)
            yar = os.path.join(d, "r%d.yar" % i)
            with open(dat, "wb") as f:
                f.write(data)
            pairs = model(data)
            with open(yar, "w") as f:
                f.write(rules_for(pairs))
            y = run(["yara", "-w", yar, dat])
            if y.returncode != 0:
                print("FAIL target %d: yara: %s" % (i, y.stderr.strip()))
                failed += 1
                continue
            want = names(y.stdout, dat)
            asked += sum(1 for _, v in pairs if v is not None)
            equal += sum(1 for n in want if n.startswith("e"))
            got = {"host": run([HOST, "match", yar, dat])}
            if mips:
                got["mips"] = run([QEMU, "-cpu", "4Kc", MIPS, "match", yar, dat])
            ok = True
            for k, r in got.items():
                if r.returncode not in (0, 1) or names(r.stdout, dat) != want:
                    gn = names(r.stdout, dat)
                    diff = sorted(set(gn) ^ set(want))[:8]
                    print("FAIL target %d (%s, %d bytes): rc %d, differ on %s %s" %
                          (i, k, len(data), r.returncode, diff, r.stderr.strip()[:200]))
                    for n in diff:
                        k2 = int(n[1:])
                        print("   %s: %s (script: %r)" % (n, pairs[k2][0], pairs[k2][1]))
                    ok = False
            if ok:
                passed += 1
            else:
                failed += 1
                with open("build/diff-elf-fail-%d.bin" % i, "wb") as f:
                    f.write(data)
    print("diff-elf seed %d: %d passed, %d failed; %d of %d values read alike by this script and yara"
          % (seed, passed, failed, equal, asked))
    if not mips:
        print("diff-elf: %s missing: the MIPS build was not checked" % MIPS)
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
