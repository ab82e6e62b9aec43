#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# check-elf-load.sh BINARY...: fail unless every PT_LOAD segment of a static
# MIPS binary can be mapped by a kernel with 4, 16 or 64 KiB pages: file
# offset and address congruent modulo 64 KiB, and no two segments sharing a
# 64 KiB page of address space (the kernel would map one over the other).
# Guards the link layout (Makefile MIPS_LDFLAGS) against a linker option
# that would break loading on some page size.
set -eu
READELF=${READELF:-mips-linux-gnu-readelf}
status=0
for bin in "$@"; do
    if ! out=$("$READELF" -lW "$bin" | awk '
        function hex(s,    i, v) {
            s = tolower(substr(s, 3)); v = 0
            for (i = 1; i <= length(s); i++) {
                v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
            }
            return v
        }
        $1 == "LOAD" {
            off = hex($2); va = hex($3); mem = hex($6)
            if ((va - off) % 65536 != 0) {
                printf "segment at 0x%x: offset 0x%x not congruent modulo 64 KiB\n", va, off
                bad = 1
            }
            first = int(va / 65536); last = int((va + mem - 1) / 65536)
            if (n > 0 && first <= prev_last) {
                printf "segment at 0x%x shares a 64 KiB page with the one before\n", va
                bad = 1
            }
            prev_last = last; n++
        }
        END {
            if (n == 0) { print "no PT_LOAD segment"; bad = 1 }
            exit bad
        }' 2>&1); then
        echo "$bin: not loadable with every page size:" >&2
        echo "$out" >&2
        status=1
    else
        echo "$bin: PT_LOAD layout fits 4/16/64 KiB pages"
    fi
done
exit $status
