#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# gen-elf-corpus.sh DIR [MIB]: fill DIR with at least MIB MiB (default 128)
# of real ELF files of this machine, for tests/yara/bench-public.sh.
#
# Programs and shared objects (ELF e_type EXEC or DYN, not object files).
# Every foreign-architecture one first (the MIPS, ARM and AArch64 cross
# libraries of Debian's cross toolchains, the project's MIPS builds and
# busybox), then x86-64 programs and libraries (/usr/bin, /usr/sbin,
# /usr/libexec, /usr/lib/x86_64-linux-gnu) in sorted order until the size
# is reached.  Regular files only (no symbolic links), each inode once,
# files over 8 MiB skipped so that no single program dominates.  The files
# are hard links when DIR is on the same file system, copies otherwise;
# their names are the source paths with '/' and other unsafe characters as
# '_'.  Prints "FILES BYTES" on stdout.  Kept as it is when DIR already
# holds MIB MiB.
set -eu
dir=$1
mib=${2:-128}

python3 - "$dir" "$mib" <<'PY'
import os, re, shutil, stat, sys
out, want = sys.argv[1], int(sys.argv[2]) * 1048576
MAX = 8 * 1048576

def size_of(d):
    return sum(e.stat().st_size for e in os.scandir(d) if e.is_file(follow_symlinks=False)) \
        if os.path.isdir(d) else 0

if size_of(out) < want:
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    foreign = ["/usr/mips-linux-gnu", "/usr/mipsel-linux-gnu", "/usr/arm-linux-gnueabihf",
               "/usr/aarch64-linux-gnu", "build/mips", "build/rootfs-work/busybox/busybox"]
    host = ["/usr/bin", "/usr/sbin", "/usr/libexec", "/usr/lib/x86_64-linux-gnu"]
    def walk(top):
        if os.path.isfile(top):
            yield top
            return
        found = []
        for root, dirs, files in os.walk(top):
            found += [os.path.join(root, f) for f in files]
        yield from sorted(found)
    seen, total = set(), 0
    for top in foreign + host:
        for p in walk(top):
            if total >= want:
                break
            try:
                st = os.lstat(p)
            except OSError:
                continue
            if not stat.S_ISREG(st.st_mode) or not 64 < st.st_size <= MAX:
                continue
            if (st.st_dev, st.st_ino) in seen:
                continue
            try:
                with open(p, "rb") as f:
                    h = f.read(18)
                if h[:4] != b"\x7fELF" or len(h) < 18:
                    continue
                # programs and shared objects only (e_type EXEC or DYN)
                if int.from_bytes(h[16:18], "big" if h[5] == 2 else "little") not in (2, 3):
                    continue
            except OSError:
                continue
            seen.add((st.st_dev, st.st_ino))
            name = re.sub(r"[^A-Za-z0-9._+-]", "_", p.lstrip("/"))
            dst = os.path.join(out, name)
            if os.path.exists(dst):
                continue
            try:
                os.link(p, dst)
            except OSError:
                shutil.copyfile(p, dst)
            total += st.st_size
n = sum(1 for e in os.scandir(out) if e.is_file())
print(n, size_of(out))
PY
