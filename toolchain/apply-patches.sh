#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# apply-patches.sh NAME DIR: apply toolchain/patches/NAME/*.patch, in name
# order, to DIR (a build copy of the unpacked source, never build/src
# itself).  Every hunk must apply without fuzz and not reversed; anything
# else fails the build.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
name=$1
dir=$2
for p in "$here/patches/$name"/*.patch; do
    [ -e "$p" ] || continue
    patch -d "$dir" -p1 --forward --fuzz=0 --no-backup-if-mismatch -s < "$p" || {
        echo "apply-patches.sh: $p does not apply to $dir" >&2; exit 1; }
done
