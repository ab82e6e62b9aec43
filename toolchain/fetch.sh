#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# fetch.sh NAME [OUTDIR]: get the pinned upstream tarball of NAME (see
# sources.txt) into the sources folder, verify its SHA-256 (SHA256SUMS), and
# unpack it into OUTDIR/NAME.  Without OUTDIR only the download is done
# (`make sources`).
#
# The pin is the upstream tarball, not a Debian revision: the tarball is
# taken from the sources folder when it is there with the pinned SHA-256
# (no network at all), else from the newest Debian source package revision
# that carries it (pick-revision.sh over `apt-cache showsrc`, through a
# private apt configuration: apt-private.sh).  A changed tarball or a new
# upstream version fails with a message saying what changed and how to
# update the pin.
#
# Safe under make -jN and several makes in one tree: one lock per tarball
# and one per unpacked tree, unique temporary names, atomic renames; a run
# that was killed leaves only temporaries, which the next run removes.
#
# Environment: SOURCES_DIR (default: dl/ at the top of the repository),
# IOTHUNT_OFFLINE=1 (never use the network: the tarball must be in
# SOURCES_DIR), IOTHUNT_APT_DIR (private apt directory, default build/apt),
# and those of apt-private.sh.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
[ $# -ge 1 ] && [ $# -le 2 ] || { echo "usage: fetch.sh NAME [OUTDIR]" >&2; exit 2; }
name=$1
out=${2:-}
dl=${SOURCES_DIR:-$here/../dl}
suites="bookworm trixie"

line=$(awk -v n="$name" '$1 == n { print; exit }' "$here/sources.txt")
[ -n "$line" ] || { echo "fetch.sh: $name: not in sources.txt" >&2; exit 2; }
set -- $line
upstream=$2 orig=$3
sha=$(awk -v f="$orig" '$2 == f { print $1; exit }' "$here/SHA256SUMS")
[ -n "$sha" ] || { echo "fetch.sh: $name: SHA256SUMS pins no $orig" >&2; exit 2; }

mkdir -p "$dl"
dl=$(cd "$dl" && pwd)

sum_of() { sha256sum "$1" | awk '{ print $1 }'; }

# download: put the pinned tarball at $dl/$orig (called under its lock).
download() {
    if [ "${IOTHUNT_OFFLINE:-0}" = 1 ]; then
        echo "fetch.sh: $name: $orig is not in $dl and IOTHUNT_OFFLINE=1 forbids the network" >&2
        echo "  run \`make sources\` where the archive is reachable and copy that folder here (SOURCES_DIR)" >&2
        return 1
    fi
    . "$here/apt-private.sh"
    apt_private_init deb-src "${IOTHUNT_APT_DIR:-$here/../build/apt}" "$suites"
    tmp=$(mktemp -d "$dl/.tmp.$name.XXXXXX")
    for attempt in 1 2; do
        # the second attempt refreshes the lists: a revision named in old
        # lists may be gone from the archive since
        if [ $attempt = 1 ]; then apt_private_update; else apt_private_update force; fi || continue
        if ! apt_private_run apt-cache showsrc "$name" > "$tmp/showsrc" 2> "$tmp/showsrc.err"; then
            sed 's/^/  /' "$tmp/showsrc.err" >&2
            continue
        fi
        rc=0
        rev=$("$here/pick-revision.sh" "$name" "$orig" "$sha" < "$tmp/showsrc") || rc=$?
        case $rc in
        0) ;;
        3|4) [ $attempt = 2 ] && { rm -rf "$tmp"; return 1; }; continue ;;
        *) rm -rf "$tmp"; return 1 ;;
        esac
        echo "fetch.sh: $name: $orig from Debian source package $name $rev" >&2
        # Only the tarball is needed: apt-get source verifies every file it
        # downloads against the signed index; the pin is checked below.
        (cd "$tmp" && apt_private_run apt-get -q source --download-only "$name=$rev" >&2) || continue
        [ -f "$tmp/$orig" ] || { echo "fetch.sh: $name $rev: $orig not downloaded" >&2; continue; }
        got=$(sum_of "$tmp/$orig")
        if [ "$got" != "$sha" ]; then
            echo "fetch.sh: $name: REFUSED: downloaded $orig has SHA-256 $got, pinned $sha" >&2
            rm -rf "$tmp"
            return 1
        fi
        mv "$tmp/$orig" "$dl/$orig"
        rm -rf "$tmp"
        return 0
    done
    rm -rf "$tmp"
    echo "fetch.sh: $name: could not download $orig (see above)" >&2
    return 1
}

# The tarball, under its lock: stale temporaries of killed runs go first.
(
    flock 9
    rm -rf "$dl/.tmp.$name."*
    if [ -f "$dl/$orig" ]; then
        got=$(sum_of "$dl/$orig")
        if [ "$got" != "$sha" ]; then
            echo "fetch.sh: $name: $dl/$orig has SHA-256 $got, pinned $sha: set aside as $orig.rejected" >&2
            mv -f "$dl/$orig" "$dl/$orig.rejected"
        fi
    fi
    if [ ! -f "$dl/$orig" ]; then
        download
    fi
) 9>"$dl/.$orig.lock"

[ -n "$out" ] || { echo "fetch.sh: $name $upstream: $dl/$orig ok" >&2; exit 0; }

# Unpack into a private directory, then one rename: OUTDIR/NAME is either
# the previous tree or the complete new one.  OUTDIR/NAME/.unpacked is
# written inside before the rename.
mkdir -p "$out"
out=$(cd "$out" && pwd)
(
    flock 9
    rm -rf "$out/.tmp.$name."*
    tmp=$(mktemp -d "$out/.tmp.$name.XXXXXX")
    tar --no-same-owner -xf "$dl/$orig" -C "$tmp"
    set -- "$tmp"/*
    [ $# = 1 ] && [ -d "$1" ] || { echo "fetch.sh: $name: $orig does not hold one top directory" >&2; rm -rf "$tmp"; exit 1; }
    echo "$sha  $orig" > "$1/.unpacked"
    mv "$1" "$tmp/tree"
    rm -rf "$out/$name"
    mv "$tmp/tree" "$out/$name"
    rm -rf "$tmp"
) 9>"$out/.$name.lock"
echo "fetch.sh: $name $upstream ($orig) ok" >&2
