#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# tests/toolchain/offline-build.sh: firmware builders build offline.
# `make sources` fills the sources folder (SOURCES_DIR, default dl/; online
# once, a no-op when it is full), then a copy of the tracked tree, with no
# build/ of its own, is built with the archive unreachable
# (IOTHUNT_APT_URI pointing at a closed local port): the MIPS agent (musl,
# Mbed TLS), every other source unpacked (cmocka, busybox), and the
# systest kernel package taken from the folder.  The folder must not change.
# Prints "ok"/"FAIL" per check, then "N passed, N failed".
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
cd "$TOP"
W=$TOP/build/test-offline
SRC=${SOURCES_DIR:-$TOP/dl}
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok   $*"; }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

make --no-print-directory SOURCES_DIR="$SRC" sources || { bad "make sources"; echo "$pass passed, 1 failed"; exit 1; }
ok "make sources: $(ls "$SRC" | grep -cv '\.sha256$') files in $SRC"
# names, sizes and times (not ls -l: fetch-deb.sh hard-links the kernel
# package into build/systest, which changes its link count only)
listing() { find "$SRC" -maxdepth 1 -type f ! -name '.*' -printf '%f %s %T@\n' | sort; }
before=$(listing)

rm -rf "$W" && mkdir -p "$W/repo"
git ls-files -z | tar --null -T - -cf - | tar -xf - -C "$W/repo"
# port 9 on 127.0.0.1: nothing listens, every connection is refused
export IOTHUNT_APT_URI=http://127.0.0.1:9/debian IOTHUNT_APT_DIR=$W/apt SOURCES_DIR=$SRC
cd "$W/repo"
start=$(date +%s)
if nice make --no-print-directory -j2 mips build/src/cmocka/.unpacked build/src/busybox/.unpacked >"$W/build.log" 2>&1; then
    ok "clean tree, archive unreachable: make mips and the unpacks pass ($(( $(date +%s) - start )) s); $(stat -c %s build/mips/iothunt) bytes"
else
    bad "offline build failed:"; tail -n 20 "$W/build.log" | sed 's/^/    /'
fi
for n in musl mbedtls cmocka busybox; do
    [ -f "build/src/$n/.unpacked" ] && ok "$n unpacked from $SRC" || bad "$n not unpacked"
done
[ ! -e "$W/apt" ] && ok "fetch.sh never used apt (every tarball in the folder)" || bad "fetch.sh used apt: $W/apt exists"
if toolchain/fetch-deb.sh linux-source-6.1 build/systest 2>"$W/deb.err" &&
   grep -q "the archive cannot be used; taking linux-source-6.1_" "$W/deb.err" && [ -s build/systest/linux-source-6.1.deb ]; then
    ok "systest kernel package from the folder: $(grep -o 'using version .*' "$W/deb.err")"
else
    bad "systest kernel package offline:"; sed 's/^/    /' "$W/deb.err"
fi
after=$(listing)
[ "$before" = "$after" ] && ok "the sources folder is unchanged" || bad "the sources folder changed"
cd "$TOP" && rm -rf "$W"
echo "$pass passed, $fail failed"
[ $fail = 0 ]
