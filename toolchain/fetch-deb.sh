#!/bin/sh
# fetch-deb.sh NAME OUTDIR: download the pinned Debian *binary* package NAME
# (see debs.txt), verify it against SHA256SUMS and copy it to OUTDIR/.  Like
# fetch.sh, the system's apt configuration is not touched: a private sources
# list (one-line "deb" entries derived from the system's own archive URI) and
# a private lists directory live under build/apt-deb.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
name=$1
out=$2
apt=$(mkdir -p "${IOTHUNT_APT_DIR:-$here/../build/apt-deb}" && cd "${IOTHUNT_APT_DIR:-$here/../build/apt-deb}" && pwd)

line=$(awk -v n="$name" '$1 == n { print; exit }' "$here/debs.txt")
[ -n "$line" ] || { echo "fetch-deb.sh: $name: not in debs.txt" >&2; exit 2; }
set -- $line
suite=$2 version=$3 file=$4

mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$out"
if [ -f "$out/$file" ] && (cd "$out" && grep -E " $file\$" "$here/SHA256SUMS" | sha256sum -c --quiet -) >/dev/null 2>&1; then
    exit 0
fi
uris=$( { awk '/^URIs:/ { for (i = 2; i <= NF; i++) print $i }' /etc/apt/sources.list.d/*.sources 2>/dev/null
          awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^(https?|file):/) { print $i; break } }' \
              /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null; } |
        grep -v -- '-security' | grep '/debian/\?$' | sort -u | head -n 1)
[ -n "$uris" ] || { echo "fetch-deb.sh: no Debian archive URI in the system apt configuration" >&2; exit 2; }
src="$apt/sources.list"
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uris $suite main" > "$src.new"
opts="-o Dir::Etc::SourceList=$src -o Dir::Etc::SourceParts=/dev/null -o Dir::State::Lists=$apt/lists -o Dir::Cache=$apt/cache -o Debug::NoLocking=1 -o APT::Sandbox::User=root"
if ! cmp -s "$src.new" "$src" 2>/dev/null || [ ! -e "$apt/lists/.updated" ]; then
    mv "$src.new" "$src"
    # shellcheck disable=SC2086
    apt-get -q $opts update >&2
    touch "$apt/lists/.updated"
else
    rm -f "$src.new"
fi
# shellcheck disable=SC2086
(cd "$out" && apt-get -q $opts download "$name=$version" >&2)
(cd "$out" && grep -E " $file\$" "$here/SHA256SUMS" | sha256sum -c --strict -) >&2 || {
    echo "fetch-deb.sh: $name $version: SHA-256 mismatch or missing pin (see above)" >&2; exit 2; }
echo "fetch-deb.sh: $name $version ok" >&2
