#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# tests/toolchain/run.sh: the source fetch, offline (no network, seconds).
#
#  1. pick-revision.sh over recorded `apt-cache showsrc musl` output
#     (tests/data/toolchain/): the pinned revision is found; a newer Debian
#     revision carrying the same tarball is accepted and preferred; the same
#     tarball name with another SHA-256 is refused (exit 3, both sums named);
#     a new upstream version fails (exit 4) saying how to update the pin.
#  2. fetch.sh on a copy of toolchain/ pinning a small generated tarball,
#     with the tarball in SOURCES_DIR and IOTHUNT_OFFLINE=1: it unpacks;
#     a tampered copy is set aside and the offline fetch fails naming both
#     sums; leftovers of a killed run (temporaries in both folders, a tree
#     without .unpacked) do not break the next run; 6 fetches at once into
#     one folder all succeed and leave one complete tree.
#  3. fetch-deb.sh offline: the newest verified .deb of SOURCES_DIR is used,
#     a corrupted one is ignored, and with none the fetch fails.
# Prints "ok"/"FAIL" per check, then "N passed, N failed".
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
cd "$TOP"
W=$TOP/build/test-toolchain
rm -rf "$W" && mkdir -p "$W"
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok   $*"; }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

# ---- 1. revision choice over recorded showsrc output -------------------------
rec=tests/data/toolchain/showsrc-musl.txt
orig=musl_1.2.5.orig.tar.gz
sha=$(awk -v f="$orig" '$2 == f { print $1 }' toolchain/SHA256SUMS)
pick() { toolchain/pick-revision.sh musl "$orig" "$sha" 2>"$W/pick.err"; }

v=$(pick < "$rec"); rc=$?
[ $rc = 0 ] && [ "$v" = "1.2.5-3.1~deb13u1" ] && ok "recorded archive: pinned tarball found in musl $v" ||
    bad "recorded archive: exit $rc, revision '$v'"

# a point release replaced the revision: same tarball, newer revision
sed 's/1\.2\.5-3\.1~deb13u1/1.2.5-3.1~deb13u2/g' "$rec" > "$W/newer.txt"
v=$(pick < "$W/newer.txt"); rc=$?
[ $rc = 0 ] && [ "$v" = "1.2.5-3.1~deb13u2" ] && ok "superseded revision: 1.2.5-3.1~deb13u2 accepted (same tarball)" ||
    bad "superseded revision: exit $rc, revision '$v'"

# both revisions listed (two suites): the newest carrying the tarball wins;
# a still newer one with another upstream version does not count
{ cat "$rec"; echo; cat "$W/newer.txt"; echo
  printf 'Package: musl\nVersion: 1.2.6-1\nChecksums-Sha256:\n %s 1100000 musl_1.2.6.orig.tar.gz\nDirectory: pool/main/m/musl\n' \
      "$(printf '%064d' 6)"; } > "$W/both.txt"
v=$(pick < "$W/both.txt"); rc=$?
[ $rc = 0 ] && [ "$v" = "1.2.5-3.1~deb13u2" ] && ok "several revisions: the newest with the pinned tarball (1.2.5-3.1~deb13u2), not 1.2.6-1" ||
    bad "several revisions: exit $rc, revision '$v'"

# the tarball changed under the same name
sed "s/$sha/$(printf '%064d' 1)/" "$rec" > "$W/tampered.txt"
v=$(pick < "$W/tampered.txt"); rc=$?
if [ $rc = 3 ] && [ -z "$v" ] && grep -q REFUSED "$W/pick.err" && grep -q "pinned SHA-256: $sha" "$W/pick.err" &&
   grep -q "carries SHA-256: $(printf '%064d' 1)" "$W/pick.err" && grep -q "toolchain/SHA256SUMS" "$W/pick.err"; then
    ok "tampered tarball refused (exit 3, both sums and the pin file named)"
else
    bad "tampered tarball: exit $rc, revision '$v':"; sed 's/^/    /' "$W/pick.err"
fi

# only a new upstream version is left
grep -v "$orig" "$rec" | sed 's/1\.2\.5-3\.1~deb13u1/1.2.6-1/g' > "$W/upstream.txt"
v=$(pick < "$W/upstream.txt"); rc=$?
if [ $rc = 4 ] && [ -z "$v" ] && grep -q "new upstream version" "$W/pick.err" && grep -q "toolchain/sources.txt" "$W/pick.err"; then
    ok "new upstream version: exit 4 with how to update the pin"
else
    bad "new upstream version: exit $rc, revision '$v':"; sed 's/^/    /' "$W/pick.err"
fi

: > "$W/empty.txt"
toolchain/pick-revision.sh musl "$orig" "$sha" < "$W/empty.txt" >/dev/null 2>&1; rc=$?
[ $rc = 4 ] && ok "no source package: exit 4" || bad "no source package: exit $rc"

# ---- 2. fetch.sh from the sources folder, offline ----------------------------
tc=$W/tc
mkdir -p "$tc" "$W/mk/demo-1.0/src"
cp toolchain/fetch.sh toolchain/pick-revision.sh toolchain/apt-private.sh "$tc/"
echo 'int demo;' > "$W/mk/demo-1.0/src/demo.c"
tar -czf "$W/demo_1.0.orig.tar.gz" -C "$W/mk" demo-1.0
dsha=$(sha256sum "$W/demo_1.0.orig.tar.gz" | awk '{ print $1 }')
echo "demo  1.0  demo_1.0.orig.tar.gz" > "$tc/sources.txt"
echo "$dsha  demo_1.0.orig.tar.gz" > "$tc/SHA256SUMS"
export SOURCES_DIR=$W/dl IOTHUNT_OFFLINE=1 IOTHUNT_APT_DIR=$W/apt-must-not-exist
mkdir -p "$SOURCES_DIR"
out=$W/src

"$tc/fetch.sh" demo "$out" >/dev/null 2>"$W/f.err"; rc=$?
[ $rc != 0 ] && grep -q "IOTHUNT_OFFLINE=1 forbids the network" "$W/f.err" && ok "offline, tarball absent: fails saying so" ||
    bad "offline, tarball absent: exit $rc: $(cat "$W/f.err")"

cp "$W/demo_1.0.orig.tar.gz" "$SOURCES_DIR/"
"$tc/fetch.sh" demo "$out" 2>"$W/f.err"; rc=$?
if [ $rc = 0 ] && [ -f "$out/demo/src/demo.c" ] && grep -q "$dsha" "$out/demo/.unpacked"; then
    ok "offline, tarball in SOURCES_DIR: unpacked, .unpacked names the sum"
else
    bad "offline fetch: exit $rc: $(cat "$W/f.err")"
fi
[ ! -e "$W/apt-must-not-exist" ] && ok "no apt directory touched when the tarball is present" ||
    bad "the apt directory was created"

# leftovers of a killed run: temporaries, a tree without .unpacked
mkdir -p "$SOURCES_DIR/.tmp.demo.Xk1ll3" "$out/.tmp.demo.Xk1ll3/demo-1.0"
: > "$SOURCES_DIR/.tmp.demo.Xk1ll3/demo_1.0.orig.tar.gz"
rm -f "$out/demo/.unpacked" "$out/demo/src/demo.c"
"$tc/fetch.sh" demo "$out" 2>"$W/f.err"; rc=$?
if [ $rc = 0 ] && [ -f "$out/demo/src/demo.c" ] && [ -f "$out/demo/.unpacked" ] &&
   [ -z "$(ls -A "$SOURCES_DIR" | grep '^\.tmp\.')" ] && [ -z "$(ls -A "$out" | grep '^\.tmp\.')" ]; then
    ok "after a killed run: temporaries removed, tree complete again"
else
    bad "after a killed run: exit $rc: $(cat "$W/f.err"); left: $(ls -A "$SOURCES_DIR" "$out" | tr '\n' ' ')"
fi

# parallel: 6 fetches of one source into one folder
rm -rf "$out"
pids=()
for i in 1 2 3 4 5 6; do
    "$tc/fetch.sh" demo "$out" 2>"$W/par.$i.err" & pids+=($!)
done
pfail=0
for p in "${pids[@]}"; do wait "$p" || pfail=$((pfail + 1)); done
if [ $pfail = 0 ] && [ -f "$out/demo/src/demo.c" ] && [ -f "$out/demo/.unpacked" ] &&
   [ "$(ls -A "$out" | grep -vc '^\.demo\.lock$')" = 1 ]; then
    ok "6 fetches at once: all succeed, one complete tree"
else
    bad "6 fetches at once: $pfail failed: $(cat "$W"/par.*.err | head -n 5); in $out: $(ls -A "$out" | tr '\n' ' ')"
fi

# a tampered tarball in the sources folder
printf 'x' >> "$SOURCES_DIR/demo_1.0.orig.tar.gz"
tsha=$(sha256sum "$SOURCES_DIR/demo_1.0.orig.tar.gz" | awk '{ print $1 }')
"$tc/fetch.sh" demo "$out" >/dev/null 2>"$W/f.err"; rc=$?
if [ $rc != 0 ] && grep -q "has SHA-256 $tsha, pinned $dsha" "$W/f.err" &&
   [ -f "$SOURCES_DIR/demo_1.0.orig.tar.gz.rejected" ] && [ ! -e "$SOURCES_DIR/demo_1.0.orig.tar.gz" ]; then
    ok "tampered tarball in SOURCES_DIR: set aside, refused, both sums named"
else
    bad "tampered tarball in SOURCES_DIR: exit $rc: $(cat "$W/f.err")"
fi

# ---- 3. fetch-deb.sh, offline ---------------------------------------------------
cp toolchain/fetch-deb.sh "$tc/"
echo "demo-deb  bookworm  6.1." > "$tc/debs.txt"
mkdeb() {   # mkdeb VERSION: a minimal binary package in SOURCES_DIR, with its sum
    local d=$W/deb-$1 f=demo-deb_$1_all.deb
    mkdir -p "$d/DEBIAN"
    printf 'Package: demo-deb\nVersion: %s\nArchitecture: all\nMaintainer: test <test@localhost>\nDescription: test\n' "$1" > "$d/DEBIAN/control"
    dpkg-deb -b --root-owner-group "$d" "$SOURCES_DIR/$f" >/dev/null
    (cd "$SOURCES_DIR" && sha256sum "$f" > "$f.sha256")
}
"$tc/fetch-deb.sh" demo-deb "$W/sys" 2>"$W/d.err"; rc=$?
[ $rc != 0 ] && grep -q "IOTHUNT_OFFLINE=1 forbids the network" "$W/d.err" && ok "fetch-deb offline, no .deb: fails saying so" ||
    bad "fetch-deb offline, no .deb: exit $rc: $(cat "$W/d.err")"
mkdeb 6.1.170-1
mkdeb 6.1.176-1
mkdeb 6.1.180-1
printf 'x' >> "$SOURCES_DIR/demo-deb_6.1.180-1_all.deb"
"$tc/fetch-deb.sh" demo-deb "$W/sys" 2>"$W/d.err"; rc=$?
if [ $rc = 0 ] && [ "$(cat "$W/sys/demo-deb.version")" = 6.1.176-1 ] && cmp -s "$W/sys/demo-deb.deb" "$SOURCES_DIR/demo-deb_6.1.176-1_all.deb" &&
   grep -q "using version 6.1.176-1" "$W/d.err" && grep -q "demo-deb_6.1.180-1_all.deb does not match" "$W/d.err"; then
    ok "fetch-deb offline: newest verified .deb used (6.1.176-1), corrupted 6.1.180-1 ignored, version printed"
else
    bad "fetch-deb offline: exit $rc, version $(cat "$W/sys/demo-deb.version" 2>/dev/null): $(cat "$W/d.err")"
fi

echo "$pass passed, $fail failed"
[ $fail = 0 ] && [ $pass -gt 0 ]
