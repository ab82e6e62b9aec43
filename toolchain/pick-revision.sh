#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# pick-revision.sh NAME ORIG SHA256 < SHOWSRC: choose the Debian revision
# of source package NAME to download the pinned upstream tarball ORIG from.
#
# Input: `apt-cache showsrc NAME` output (deb822 stanzas; the fields read
# are Package, Version and the " SHA256 SIZE FILE" lines of
# Checksums-Sha256).  Every revision whose Checksums-Sha256 lists ORIG
# with the pinned SHA256 is a candidate; the newest (dpkg --compare-versions)
# is printed on stdout.  The Debian revision does not matter to the build
# (only ORIG is unpacked), so any revision carrying the same tarball will do.
#
# Exit status: 0 a revision printed; 3 the archive's ORIG has another
# SHA-256 (the tarball changed under the same name: refused); 4 no
# revision carries ORIG (a new upstream version); 2 usage.  On 3 and 4 the
# message on stderr says what changed and how to update the pin.
set -eu
[ $# -eq 3 ] || { echo "usage: pick-revision.sh NAME ORIG SHA256 < showsrc" >&2; exit 2; }
name=$1 orig=$2 sha=$3

# One line per (revision, orig tarball): "VERSION SHA256 FILE".  Stanzas
# are separated by blank lines; Checksums-Sha256 continuation lines start
# with a space.
table=$(awk -v n="$name" '
    BEGIN { nf = 0 }
    function flush() { if (pkg == n && ver != "") for (i = 0; i < nf; i++) print ver, sums[i], files[i]
                       pkg = ""; ver = ""; nf = 0; insum = 0 }
    /^$/                  { flush(); next }
    /^Package:/           { pkg = $2; insum = 0; next }
    /^Version:/           { ver = $2; insum = 0; next }
    /^Checksums-Sha256:/  { insum = 1; next }
    /^[^ ]/               { insum = 0; next }
    insum && NF == 3 && $3 ~ /\.orig\.tar\.[a-z0-9]+$/ { sums[nf] = $1; files[nf] = $3; nf++ }
    END { flush() }')

best=""
for v in $(printf '%s\n' "$table" | awk -v f="$orig" -v s="$sha" '$3 == f && $2 == s { print $1 }'); do
    if [ -z "$best" ] || dpkg --compare-versions "$v" gt "$best"; then best=$v; fi
done
if [ -n "$best" ]; then
    echo "$best"
    exit 0
fi

changed=$(printf '%s\n' "$table" | awk -v f="$orig" '$3 == f')
if [ -n "$changed" ]; then
    {
        echo "pick-revision: $name: REFUSED: the archive's $orig is not the pinned tarball"
        echo "  pinned SHA-256: $sha"
        printf '%s\n' "$changed" | awk '{ print "  revision " $1 " carries SHA-256: " $2 }'
        echo "  The upstream tarball changed under the same name (or the archive was tampered with)."
        echo "  Compare it with the upstream release before trusting it; only then put its SHA-256"
        echo "  for $orig in toolchain/SHA256SUMS."
    } >&2
    exit 3
fi
{
    echo "pick-revision: $name: no Debian revision in the archive carries the pinned $orig"
    echo "  pinned SHA-256: $sha"
    if [ -n "$table" ]; then
        echo "  the archive offers:"
        printf '%s\n' "$table" | awk '{ print "    " $1 ": " $3 " (SHA-256 " $2 ")" }'
    else
        echo "  the archive offers no source package $name"
    fi
    echo "  A new upstream version replaced the pinned one.  To move to it: review the upstream"
    echo "  changes, then set its upstream version and tarball in toolchain/sources.txt and the"
    echo "  tarball's SHA-256 in toolchain/SHA256SUMS (and refresh toolchain/patches/$name if any)."
} >&2
exit 4
