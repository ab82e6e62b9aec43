#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# mips-cc.sh: a C compiler for third-party programs built for the device
# (busybox).  It compiles with the agent's flags against the project's musl
# sysroot, and links the way the agent links (Makefile `mips_link`): static,
# no libgcc, no gcc crtbegin/crtend, compiler helpers from toolchain/rt/rt.c.
# Linux UAPI headers (<linux/*.h>, <asm/*.h>) come from the cross
# toolchain's linux-libc-dev copy, staged by mk/rootfs.mk into
# build/rootfs-work/uapi, never the cross glibc's own headers.
#
# Environment: IH_TOP (repository root; default: this script's parent).
set -eu
top=${IH_TOP:-$(cd "$(dirname "$0")/.." && pwd)}
cross=${CROSS:-mips-linux-gnu-}
sysroot=$top/build/mips/sysroot
gccinc=$("${cross}gcc" -print-file-name=include)
# Non-PIC like the agent and the musl it links (toolchain/toolchain.mk
# MUSL_CFLAGS): musl calls main and callbacks without setting $25, which
# PIC code needs to find its GOT.
arch="-march=mips32 -msoft-float -mno-abicalls -fno-pic"

link=1
for a in "$@"; do
    case $a in
    -c | -S | -E | -M | -MM | -r) link=0 ;;
    esac
done
if [ $link = 0 ]; then
    # shellcheck disable=SC2086
    exec "${cross}gcc" $arch -nostdinc -isystem "$sysroot/include" -isystem "$gccinc" \
        -idirafter "$top/build/rootfs-work/uapi" "$@"
fi
# shellcheck disable=SC2086
exec "${cross}gcc" $arch -nostdinc -isystem "$sysroot/include" -isystem "$gccinc" \
    -idirafter "$top/build/rootfs-work/uapi" \
    -static -nostdlib -Wl,--fatal-warnings -L"$sysroot/lib" "$sysroot/lib/crt1.o" "$sysroot/lib/crti.o" \
    "$@" -Wl,--start-group "$sysroot/lib/libc.a" "$top/build/mips/rt/rt.o" -Wl,--end-group \
    "$sysroot/lib/crtn.o"
