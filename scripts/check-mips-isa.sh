#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# check-mips-isa.sh BINARY...: fail if a MIPS binary contains an FPU
# instruction or an instruction that MIPS32r1 cores (4Kc) lack.  The run
# under `qemu-mips-static -cpu 4Kc` only proves the paths that ran; this
# proves the whole text.  `rdhwr` is allowed: Linux emulates it on r1 cores
# and musl reads the thread pointer with it.
set -eu
OBJDUMP=${OBJDUMP:-mips-linux-gnu-objdump}
status=0
for bin in "$@"; do
    bad=$("$OBJDUMP" -d --no-show-raw-insn "$bin" |
        awk -F'\t' 'NF >= 2 { print $2 }' |
        awk '{ print $1 }' |
        grep -E '^(ext|ins|wsbh|seb|seh|rotr|rotrv|di|ei|ehb|synci|rdpgpr|wrpgpr|jalr\.hb|jr\.hb|mfhc1|mthc1|lwc1|swc1|ldc1|sdc1|lwxc1|swxc1|mtc1|mfc1|ctc1|cfc1|bc1[tf]l?|(add|sub|mul|div|abs|neg|mov|sqrt|cvt|trunc|round|ceil|floor|c\.[a-z]+|madd|msub)\.[sdwl].*)$' |
        sort | uniq -c || true)
    if [ -n "$bad" ]; then
        echo "$bin: instructions a MIPS32r1 soft-float core cannot run:" >&2
        echo "$bad" >&2
        status=1
    else
        echo "$bin: MIPS32r1 soft-float clean"
    fi
done
exit $status
