#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# fetch-deb.sh NAME [OUTDIR]: get the current Debian *binary* package NAME
# (see debs.txt: its version must start with the prefix given there) into the
# sources folder, print the version used, and copy it to OUTDIR/NAME.deb
# (its version in OUTDIR/NAME.version).  Without OUTDIR only the download is
# done (`make sources`).
#
# No exact revision is pinned (the archive drops superseded ones): the
# package is taken from the archive's signed index (apt-get download checks
# it), through a private apt configuration (apt-private.sh).  Its SHA-256 is
# kept beside it as NAME_VERSION_ARCH.deb.sha256, so that a later offline
# build (IOTHUNT_OFFLINE=1, or the archive unreachable) uses the newest
# verified copy in the sources folder.
#
# Environment: SOURCES_DIR, IOTHUNT_OFFLINE (see fetch.sh), IOTHUNT_APT_DIR
# (default build/apt-deb), and those of apt-private.sh.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
[ $# -ge 1 ] && [ $# -le 2 ] || { echo "usage: fetch-deb.sh NAME [OUTDIR]" >&2; exit 2; }
name=$1
out=${2:-}
dl=${SOURCES_DIR:-$here/../dl}

line=$(awk -v n="$name" '$1 == n { print; exit }' "$here/debs.txt")
[ -n "$line" ] || { echo "fetch-deb.sh: $name: not in debs.txt" >&2; exit 2; }
set -- $line
suite=$2 prefix=$3

mkdir -p "$dl"
dl=$(cd "$dl" && pwd)

# local_best: the newest NAME_*.deb in the sources folder whose SHA-256
# matches the one recorded when it was downloaded and verified.
local_best() {
    best="" bestv=""
    for f in "$dl/${name}"_*.deb; do
        [ -f "$f" ] && [ -f "$f.sha256" ] || continue
        (cd "$dl" && sha256sum -c --quiet --strict "$(basename "$f").sha256") >/dev/null 2>&1 || {
            echo "fetch-deb.sh: $f does not match $f.sha256: ignored" >&2; continue; }
        v=$(dpkg-deb -f "$f" Version)
        if [ -z "$bestv" ] || dpkg --compare-versions "$v" gt "$bestv"; then best=$f bestv=$v; fi
    done
    [ -n "$best" ] && echo "$best"
}

# online: print the path of the archive's current NAME in the sources
# folder, downloading it if needed; non-zero if the archive cannot be used.
online() {
    . "$here/apt-private.sh"
    apt_private_init deb "${IOTHUNT_APT_DIR:-$here/../build/apt-deb}" "$suite" || return 1
    tmp=$(mktemp -d "$dl/.tmp.$name.XXXXXX")
    for attempt in 1 2; do
        if [ $attempt = 1 ]; then apt_private_update; else apt_private_update force; fi || continue
        v=$(apt_private_run apt-cache show --no-all-versions "$name" 2>/dev/null | awk '/^Version:/ { print $2; exit }')
        [ -n "$v" ] || { echo "fetch-deb.sh: $name: not in the archive's $suite index" >&2; continue; }
        case $v in
        "$prefix"*) ;;
        *) echo "fetch-deb.sh: $name: the archive offers version $v, not $prefix*: update toolchain/debs.txt" >&2
           rm -rf "$tmp"; return 1 ;;
        esac
        for f in "$dl/${name}_$(echo "$v" | sed 's/:/%3a/')_"*.deb; do
            if [ -f "$f" ] && [ -f "$f.sha256" ] &&
               (cd "$dl" && sha256sum -c --quiet --strict "$(basename "$f").sha256") >/dev/null 2>&1; then
                rm -rf "$tmp"
                echo "$f"
                return 0
            fi
        done
        (cd "$tmp" && apt_private_run apt-get -q download "$name=$v" >&2) || continue
        set -- "$tmp/${name}"_*.deb
        [ $# = 1 ] && [ -f "$1" ] || { echo "fetch-deb.sh: $name $v: no .deb downloaded" >&2; continue; }
        f=$(basename "$1")
        (cd "$tmp" && sha256sum "$f" > "$f.sha256")
        mv "$tmp/$f.sha256" "$dl/$f.sha256"
        mv "$tmp/$f" "$dl/$f"
        rm -rf "$tmp"
        echo "$dl/$f"
        return 0
    done
    rm -rf "$tmp"
    return 1
}

deb=$(
    flock 9
    rm -rf "$dl/.tmp.$name."*
    if [ "${IOTHUNT_OFFLINE:-0}" = 1 ]; then
        local_best || { echo "fetch-deb.sh: $name: no verified ${name}_*.deb in $dl and IOTHUNT_OFFLINE=1 forbids the network" >&2
                        echo "  run \`make sources\` where the archive is reachable and copy that folder here (SOURCES_DIR)" >&2; exit 1; }
    elif ! online; then
        f=$(local_best) || { echo "fetch-deb.sh: $name: the archive cannot be used and $dl holds no verified copy" >&2; exit 1; }
        echo "fetch-deb.sh: $name: the archive cannot be used; taking $(basename "$f") from $dl" >&2
        echo "$f"
    fi
) 9>"$dl/.$name.deb.lock"
version=$(dpkg-deb -f "$deb" Version)
echo "fetch-deb.sh: $name: using version $version ($(basename "$deb"))" >&2
[ -n "$out" ] || exit 0

mkdir -p "$out"
# a hard link when the folders share a file system (files in the sources
# folder are only ever replaced, never changed in place)
t=$(mktemp "$out/.$name.deb.XXXXXX")
rm -f "$t"
ln "$deb" "$t" 2>/dev/null || cp "$deb" "$t"
mv "$t" "$out/$name.deb"
t=$(mktemp "$out/.$name.version.XXXXXX")
echo "$version" > "$t" && chmod 644 "$t" && mv "$t" "$out/$name.version"
