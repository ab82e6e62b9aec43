#!/bin/sh
# fetch.sh NAME OUTDIR: download the pinned Debian source package NAME (see
# sources.txt), verify every downloaded file that SHA256SUMS names, and unpack
# its upstream tarball into OUTDIR/NAME.  The system's apt configuration is not
# touched: a private sources list and lists directory under build/apt are
# derived from the system's own archive URIs.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
name=$1
out=$2
apt=${IOTHUNT_APT_DIR:-$here/../build/apt}

line=$(awk -v n="$name" '$1 == n { print; exit }' "$here/sources.txt")
[ -n "$line" ] || { echo "fetch.sh: $name: not in sources.txt" >&2; exit 2; }
set -- $line
suite=$2 version=$3 orig=$4

mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/dl"
# Archive URIs from the system's own configuration (deb822 and one-line).
uris=$( { awk '/^URIs:/ { for (i = 2; i <= NF; i++) print $i }' /etc/apt/sources.list.d/*.sources 2>/dev/null
          awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^(https?|file):/) { print $i; break } }' \
              /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null; } |
        grep -v -- '-security' | grep '/debian/\?$' | sort -u | head -n 1)
[ -n "$uris" ] || { echo "fetch.sh: no Debian archive URI in the system apt configuration" >&2; exit 2; }
src="$apt/sources.list"
{
    for s in bookworm trixie; do
        echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uris $s main"
    done
} > "$src.new"
if ! cmp -s "$src.new" "$src" 2>/dev/null || [ ! -e "$apt/lists/.updated" ]; then
    mv "$src.new" "$src"
    opts="-o Dir::Etc::SourceList=$src -o Dir::Etc::SourceParts=/dev/null -o Dir::State::Lists=$apt/lists -o Dir::Cache=$apt/cache -o Debug::NoLocking=1"
    # shellcheck disable=SC2086
    apt-get -q $opts update >&2
    touch "$apt/lists/.updated"
else
    rm -f "$src.new"
fi
opts="-o Dir::Etc::SourceList=$src -o Dir::Etc::SourceParts=/dev/null -o Dir::State::Lists=$apt/lists -o Dir::Cache=$apt/cache -o Debug::NoLocking=1 -o APT::Sandbox::User=root"

dsc="${name}_$(echo "$version" | sed 's/^[0-9]*://').dsc"
if ! (cd "$apt/dl" && grep -E " ($orig|$dsc)\$" "$here/SHA256SUMS" | sha256sum -c --quiet - >/dev/null 2>&1); then
    # apt-get source fails as a whole if one file of the package is gone from
    # the archive; only the .dsc and the upstream tarball matter here.
    # shellcheck disable=SC2086
    (cd "$apt/dl" && apt-get -q $opts source --download-only "$name=$version" >&2) || true
fi
(cd "$apt/dl" && grep -E " ($orig|$dsc)\$" "$here/SHA256SUMS" | sha256sum -c --strict -) >&2 || {
    echo "fetch.sh: $name $version: SHA-256 mismatch or missing file (see above)" >&2; exit 2; }
[ "$(grep -cE " ($orig|$dsc)\$" "$here/SHA256SUMS")" = 2 ] || {
    echo "fetch.sh: $name: SHA256SUMS must pin both $orig and $dsc" >&2; exit 2; }

rm -rf "$out/$name.tmp" && mkdir -p "$out/$name.tmp"
tar -xf "$apt/dl/$orig" -C "$out/$name.tmp"
rm -rf "$out/$name"
mv "$out/$name.tmp"/* "$out/$name"
rmdir "$out/$name.tmp"
echo "fetch.sh: $name $version ok" >&2
