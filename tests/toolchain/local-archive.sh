#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# tests/toolchain/local-archive.sh: fetch.sh end to end against a local,
# signed file:// archive (no network): the whole apt path (private lists,
# apt-get update, apt-cache showsrc, apt-get source) as a build uses it.
#
# The archive is made here: source package "demo" with one upstream
# tarball, revision 1.0-1 in bookworm and 1.0-2 in trixie (dpkg-source,
# dpkg-scansources), a Release file signed with a throwaway key.
#  1. the pinned tarball is taken from the newest revision carrying it,
#     1.0-2, and unpacked;
#  2. a point release replaces 1.0-2 by 1.0-3 (same tarball) while the
#     private lists still name 1.0-2, now gone: the fetch refreshes the
#     lists and takes 1.0-3;
#  3. the archive then carries a different tarball under the same name
#     (1.0-4): refused, nothing lands in the sources folder;
#  4. a new upstream version only (2.0-1): refused, saying how to update.
# Prints "ok"/"FAIL" per check, then "N passed, N failed".
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
cd "$TOP"
W=$TOP/build/test-archive
rm -rf "$W" && mkdir -p "$W"
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok   $*"; }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

for tool in dpkg-source dpkg-scansources gpg gpgv apt-get; do
    command -v $tool >/dev/null || { bad "$tool not installed (.ci/packages.txt)"; echo "$pass passed, $fail failed"; exit 1; }
done

export GNUPGHOME=$W/gnupg
mkdir -m 700 "$GNUPGHOME"
trap 'gpgconf --kill gpg-agent 2>/dev/null' EXIT
gpg --batch -q --passphrase '' --quick-gen-key 'iothunt test archive <test@localhost>' ed25519 sign never 2>"$W/gpg.err" ||
    { bad "gpg key: $(cat "$W/gpg.err")"; echo "$pass passed, $fail failed"; exit 1; }
gpg --batch -q --export > "$W/keyring.gpg"

# tarball NAME VERSION CONTENT: an upstream tarball in $W/up
tarball() {
    rm -rf "$W/mk" && mkdir -p "$W/mk/$1-$2/src" "$W/up"
    echo "$3" > "$W/mk/$1-$2/src/demo.c"
    tar --owner=0 --group=0 --mtime=@0 -czf "$W/up/$1_$2.orig.tar.gz" -C "$W/mk" "$1-$2"
}
# srcpkg UPSTREAM REVISION SUITE: a source package into the pool of SUITE
srcpkg() {
    local b=$W/b/$2 v=$1-$2
    rm -rf "$b" && mkdir -p "$b" "$W/archive/pool/$3"
    cp "$W/up/demo_$1.orig.tar.gz" "$b/"
    tar -xzf "$b/demo_$1.orig.tar.gz" -C "$b"
    mkdir -p "$b/demo-$1/debian/source"
    echo "3.0 (quilt)" > "$b/demo-$1/debian/source/format"
    printf 'Source: demo\nMaintainer: Test <test@localhost>\nSection: misc\nPriority: optional\nStandards-Version: 4.6.2\n\nPackage: demo\nArchitecture: all\nDescription: test\n test\n' \
        > "$b/demo-$1/debian/control"
    printf 'demo (%s) %s; urgency=medium\n\n  * test\n\n -- Test <test@localhost>  Sun, 06 Dec 2026 00:00:00 +0000\n' "$v" "$3" \
        > "$b/demo-$1/debian/changelog"
    printf '#!/usr/bin/make -f\n%%:\n\tdh $@\n' > "$b/demo-$1/debian/rules"
    (cd "$b" && dpkg-source -b "demo-$1" >/dev/null 2>&1) || return 1
    cp "$b/demo_$1.orig.tar.gz" "$b/demo_$v.dsc" "$b/demo_$v.debian.tar.xz" "$W/archive/pool/$3/"
}
# index SUITE...: Sources and a signed InRelease for each suite
index() {
    local s f
    for s in "$@"; do
        f=$W/archive/dists/$s/main/source
        mkdir -p "$f"
        (cd "$W/archive" && dpkg-scansources "pool/$s" /dev/null 2>/dev/null) > "$f/Sources"
        {
            printf 'Origin: test\nLabel: test\nSuite: %s\nCodename: %s\nDate: %s\nComponents: main\nArchitectures: all\nSHA256:\n' \
                "$s" "$s" "$(LC_ALL=C date -u -R)"
            printf ' %s %s main/source/Sources\n' "$(sha256sum < "$f/Sources" | awk '{ print $1 }')" "$(stat -c %s "$f/Sources")"
        } > "$W/archive/dists/$s/Release"
        rm -f "$W/archive/dists/$s/InRelease"
        gpg --batch -q --clearsign -o "$W/archive/dists/$s/InRelease" "$W/archive/dists/$s/Release"
    done
}

tc=$W/tc
mkdir -p "$tc"
cp toolchain/fetch.sh toolchain/pick-revision.sh toolchain/apt-private.sh "$tc/"
tarball demo 1.0 'int demo;'
sha=$(sha256sum "$W/up/demo_1.0.orig.tar.gz" | awk '{ print $1 }')
echo "demo  1.0  demo_1.0.orig.tar.gz" > "$tc/sources.txt"
echo "$sha  demo_1.0.orig.tar.gz" > "$tc/SHA256SUMS"
srcpkg 1.0 1 bookworm && srcpkg 1.0 2 trixie || { bad "dpkg-source failed"; echo "$pass passed, $fail failed"; exit 1; }
index bookworm trixie

export IOTHUNT_APT_URI=file://$W/archive IOTHUNT_APT_KEYRING=$W/keyring.gpg IOTHUNT_APT_DIR=$W/apt SOURCES_DIR=$W/dl
unset IOTHUNT_OFFLINE
out=$W/src
fetch() { timeout 120 "$tc/fetch.sh" demo "$out" >"$W/f.out" 2>"$W/f.err"; }

# 1. the newest revision carrying the pinned tarball
fetch; rc=$?
if [ $rc = 0 ] && grep -q "from Debian source package demo 1.0-2" "$W/f.err" && [ -f "$out/demo/src/demo.c" ] &&
   [ -f "$SOURCES_DIR/demo_1.0.orig.tar.gz" ]; then
    ok "signed local archive: tarball from demo 1.0-2 (trixie, newest of 1.0-1 and 1.0-2), unpacked, kept in SOURCES_DIR"
else
    bad "local archive fetch: exit $rc:"; tail -n 15 "$W/f.err" | sed 's/^/    /'
fi

# 2. point release: 1.0-2 replaced by 1.0-3, the lists still name 1.0-2
rm -rf "$W/archive/pool/trixie" "$SOURCES_DIR/demo_1.0.orig.tar.gz"
srcpkg 1.0 3 trixie && index trixie
fetch; rc=$?
if [ $rc = 0 ] && grep -q "from Debian source package demo 1.0-3" "$W/f.err" && [ -f "$out/demo/src/demo.c" ]; then
    ok "superseded revision gone from the archive: lists refreshed, demo 1.0-3 taken (same tarball)"
else
    bad "after the point release: exit $rc:"; tail -n 15 "$W/f.err" | sed 's/^/    /'
fi

# 3. a different tarball under the pinned name
rm -rf "$W/archive/pool" "$SOURCES_DIR/demo_1.0.orig.tar.gz"
tarball demo 1.0 'int demo_changed;'
srcpkg 1.0 4 trixie && srcpkg 1.0 4 bookworm && index bookworm trixie
fetch; rc=$?
if [ $rc != 0 ] && grep -q "REFUSED: the archive's demo_1.0.orig.tar.gz is not the pinned tarball" "$W/f.err" &&
   grep -q "pinned SHA-256: $sha" "$W/f.err" && [ ! -e "$SOURCES_DIR/demo_1.0.orig.tar.gz" ]; then
    ok "tampered tarball in the archive: refused (both sums named), nothing kept"
else
    bad "tampered archive: exit $rc:"; tail -n 15 "$W/f.err" | sed 's/^/    /'
fi

# 4. only a new upstream version
rm -rf "$W/archive/pool"
tarball demo 2.0 'int demo2;'
srcpkg 2.0 1 trixie && srcpkg 2.0 1 bookworm && index bookworm trixie
fetch; rc=$?
if [ $rc != 0 ] && grep -q "no Debian revision in the archive carries the pinned demo_1.0.orig.tar.gz" "$W/f.err" &&
   grep -q "2.0-1: demo_2.0.orig.tar.gz" "$W/f.err" && grep -q "toolchain/sources.txt" "$W/f.err"; then
    ok "new upstream version only: refused, names what the archive offers and how to update the pin"
else
    bad "new upstream: exit $rc:"; tail -n 15 "$W/f.err" | sed 's/^/    /'
fi

echo "$pass passed, $fail failed"
[ $fail = 0 ] && [ $pass -gt 0 ]
