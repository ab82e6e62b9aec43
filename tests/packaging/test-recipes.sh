#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# test-recipes.sh CROSS QEMU STAGING: the OpenWrt and Buildroot recipes
# (packaging/) run against this Makefile as those systems run them, with a
# Debian cross compiler (CROSS, e.g. mips-linux-gnu-) standing in for the
# SDK toolchain and STAGING (build/ARCH/staging) for the staging directory
# holding a shared Mbed TLS 3.6:
#   - OpenWrt: tests/packaging/openwrt-sdk (rules.mk, package.mk as
#     OpenWrt defines them) + packaging/openwrt/iothunt/Makefile: prepare,
#     compile, install, Package/install; the package root file by file
#     against openwrt.files, conffiles present, DEPENDS on libmbedtls;
#   - Buildroot: tests/packaging/buildroot/Makefile (generic-package
#     stand-in) + packaging/buildroot/iothunt/iothunt.mk: the target
#     directory against buildroot.files; S99iothunt syntax; iothunt.hash;
#   - both agents: built for the target, linked against the 3.6 sonames,
#     and run under QEMU with the staging libraries: a clean fixture scans
#     clean.
# Ends with "N passed, N failed".
set -u
cross=$1 qemu=$2 staging=$(cd "$3" && pwd)
top=$PWD
out=$top/build/pkgtest/$(basename "$(dirname "$staging")")
log=$top/build/test-out/recipes
rm -rf "$out" && mkdir -p "$out" "$log"
pass=0 fail=0
ok()  { echo "PASS $*"; pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }
listing() { (cd "$1" && find . \( -type f -o -type l \) ! -path './CONTROL/*' -printf '%m %P\n' |
             awk '{ printf "%04d %s\n", $1, $2 }' | LC_ALL=C sort); }
compare() {   # NAME DIR EXPECTED
    grep -v '^#' "$3" | LC_ALL=C sort > "$log/$1.want"
    listing "$2" > "$log/$1.got"
    if diff -u "$log/$1.want" "$log/$1.got" > "$log/$1.diff"; then ok "$1: $(wc -l < "$log/$1.got") files as listed in $3"
    else bad "$1: tree differs from $3:"; sed 's/^/    /' "$log/$1.diff"; fi
}
agent_checks() {   # NAME BINARY
    local needed
    needed=$("${cross}readelf" -d "$2" | sed -n 's/.*NEEDED.*\[\(.*\)\]/\1/p' | tr '\n' ' ')
    local so miss=
    for so in libmbedtls.so.21 libmbedx509.so.7 libmbedcrypto.so.16; do
        case " $needed" in *" $so "*) ;; *) miss="$miss $so" ;; esac
    done
    [ -z "$miss" ] && ok "$1: $(file -b "$2" | cut -d, -f1-2); needs $needed" ||
        bad "$1: not linked against the Mbed TLS 3.6 sonames (missing$miss): $needed"
    # the Debian cross toolchain's libc, where qemu finds the loader
    local sysroot=/usr/${cross%-}
    timeout 120 "$qemu" -L "$sysroot" -E LD_LIBRARY_PATH="$staging/usr/lib" "$2" scan --no-resolve \
        --root tests/data/fixtures/clean > "$log/$1.scan" 2>&1
    local rc=$?
    if [ $rc -eq 0 ] && head -n 1 "$log/$1.scan" | grep -q '^CLEAN '; then ok "$1: runs under $qemu, clean fixture: $(head -n 1 "$log/$1.scan" | cut -c1-60)"
    else bad "$1: scan exit $rc:"; head -n 5 "$log/$1.scan" | sed 's/^/    /'; fi
}

# --- OpenWrt ---------------------------------------------------------------
ow=$out/openwrt
if make -C packaging/openwrt/iothunt TOPDIR="$top/tests/packaging/openwrt-sdk" BUILD_DIR="$ow" \
        STAGING_DIR="$staging" TARGET_CROSS="$cross" ARCH="${cross%%-*}" IOTHUNT_SRCDIR="$top" \
        package > "$log/openwrt.log" 2>&1; then
    root=$ow/ipkg-iothunt
    compare openwrt "$root" tests/packaging/openwrt.files
    missing=
    while read -r c; do
        [ -e "$root$c" ] || [ "${c%/}" != "$c" ] || missing="$missing $c"
    done < "$root/CONTROL/conffiles"
    [ -z "$missing" ] && ok "openwrt: conffiles ($(tr '\n' ' ' < "$root/CONTROL/conffiles")) installed" ||
        bad "openwrt: conffiles not in the package:$missing"
    grep -q 'libmbedtls' "$root/CONTROL/control" && ok "openwrt: $(cat "$root/CONTROL/control")" ||
        bad "openwrt: DEPENDS lacks libmbedtls"
    grep -q -- ' MBEDTLS=system ' "$log/openwrt.log" && grep -q "CC=\"${cross}gcc\"" "$log/openwrt.log" &&
        ok "openwrt: built with the SDK's CC and MBEDTLS=system" || bad "openwrt: build command lacks CC or MBEDTLS=system"
    agent_checks openwrt "$root/usr/sbin/iothunt"
else
    bad "openwrt: package build failed:"; tail -n 20 "$log/openwrt.log" | sed 's/^/    /'
fi

# --- Buildroot -------------------------------------------------------------
br=$out/buildroot
if make -f tests/packaging/buildroot/Makefile TARGET_CROSS="$cross" STAGING_DIR="$staging" \
        BUILD_DIR="$br/build" TARGET_DIR="$br/target" iothunt > "$log/buildroot.log" 2>&1; then
    compare buildroot "$br/target" tests/packaging/buildroot.files
    agent_checks buildroot "$br/target/usr/sbin/iothunt"
else
    bad "buildroot: package build failed:"; tail -n 20 "$log/buildroot.log" | sed 's/^/    /'
fi
if command -v busybox >/dev/null && busybox sh -n packaging/buildroot/iothunt/S99iothunt; then
    ok "buildroot: busybox sh -n S99iothunt"
else
    bad "buildroot: S99iothunt syntax (or no busybox)"
fi
# iothunt.hash: every "sha256 HASH FILE" line must match the file in the tree
while read -r type hash file; do
    case $type in ''|'#'*) continue ;; esac
    if [ ! -f "$file" ]; then bad "buildroot: iothunt.hash names $file, which is not in the tree"
    elif [ "$(sha256sum < "$file" | cut -d' ' -f1)" = "$hash" ]; then ok "buildroot: iothunt.hash matches $file"
    else bad "buildroot: iothunt.hash: $file has changed"; fi
done < packaging/buildroot/iothunt/iothunt.hash
grep -q '^config BR2_PACKAGE_IOTHUNT$' packaging/buildroot/iothunt/Config.in &&
    grep -q 'select BR2_PACKAGE_MBEDTLS' packaging/buildroot/iothunt/Config.in &&
    ok "buildroot: Config.in declares BR2_PACKAGE_IOTHUNT and selects mbedtls" || bad "buildroot: Config.in"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
