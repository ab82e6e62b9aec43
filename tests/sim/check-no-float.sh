#!/bin/sh
# check-no-float.sh BUSYBOX_BUILD_DIR: fail if any busybox object calls a
# soft-float helper.  The device runtime (toolchain/rt/rt.c) provides those
# helpers only as traps that abort, so an applet doing floating point would
# link and then die when used; this catches it at build time.  musl's own
# printf references them for %f, which busybox never formats.
set -eu
dir=$1
bad=$(find "$dir" -name '*.o' ! -name 'built-in.o' -print0 |
      xargs -0 mips-linux-gnu-nm -u -A 2>/dev/null |
      grep -E ' U __((add|sub|mul|div|neg)[sd]f3|(eq|ne|lt|le|gt|ge|unord)[sd]f2|fix(uns)?[sd]f[sd]i|float(un)?[sd]i[sd]f|extendsfdf2|truncdfsf2)$' || true)
if [ -n "$bad" ]; then
    echo "check-no-float: floating-point helpers used by:" >&2
    echo "$bad" >&2
    exit 1
fi
