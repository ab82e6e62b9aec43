#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# check-no-float.sh BUSYBOX_BUILD_DIR: fail if an object linked into busybox
# calls a soft-float helper.  The device runtime (toolchain/rt/rt.c) provides
# those helpers only as traps that abort, so an applet doing floating point
# would link and then die when used; this catches it at build time.  The
# linked objects are read from the link map (built-in.o files, and the
# members of busybox's own archives that the linker pulled in).  musl's
# strtod and scanf reference the helpers (its printf has no floating point:
# toolchain/patches/musl/); they are not checked here.
set -eu
dir=$1
map=$dir/busybox_unstripped.map
[ -f "$map" ] || { echo "check-no-float: $map missing" >&2; exit 1; }
cd "$dir"
members=$(grep -oE '^[A-Za-z0-9_/.-]+/lib\.a\([A-Za-z0-9_.-]+\.o\)' busybox_unstripped.map | sort -u)
[ -n "$members" ] || { echo "check-no-float: no archive members in $map (format changed?)" >&2; exit 1; }
float=' U __((add|sub|mul|div|neg)[sd]f3|(eq|ne|lt|le|gt|ge|unord)[sd]f2|fix(uns)?[sd]f[sd]i|float(un)?[sd]i[sd]f|extendsfdf2|truncdfsf2)$'
bad=$(
    for a in $(echo "$members" | sed 's/(.*//' | sort -u); do
        mips-linux-gnu-nm -A -u "$a" 2>/dev/null | grep -E "$float" | while IFS= read -r l; do
            m=${l#"$a":}
            m=${m%%:*}
            if echo "$members" | grep -qxF "$a($m)"; then echo "$l"; fi
        done
    done
    find . -name built-in.o -print0 | xargs -0 mips-linux-gnu-nm -A -u 2>/dev/null | grep -E "$float" | grep -v '^\./[^/]*/built-in.o' || true
)
if [ -n "$bad" ]; then
    echo "check-no-float: floating-point helpers used by:" >&2
    echo "$bad" >&2
    exit 1
fi
echo "check-no-float: $(echo "$members" | wc -l) archive members, no floating point"
