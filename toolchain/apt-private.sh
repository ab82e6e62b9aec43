# SPDX-License-Identifier: BSD-2-Clause
# apt-private.sh: sourced by fetch.sh and fetch-deb.sh.  A private apt
# configuration (sources list, lists, no package cache files) in a directory
# of the build tree; the system's apt configuration is read (its Debian
# archive URI) but never changed.
#
#   apt_private_init KIND DIR SUITES   KIND "deb-src" or "deb"; sets apt_opts
#   apt_private_update [force]         `apt-get update` when the list changed,
#                                      was never updated, or force
#   apt_private_run CMD ARGS...        CMD (apt-cache, apt-get) with apt_opts,
#                                      under a shared lock
#
# Several fetches may run at once (make -jN): the update holds DIR/lock
# exclusively, readers hold it shared.  DIR/lists/.updated is written, after
# a successful update only, as a copy of the sources list it was made from:
# an update that was killed or failed is simply done again by the next run.
#
# Environment: IOTHUNT_APT_URI (archive URI, default: the system's Debian
# archive), IOTHUNT_APT_KEYRING (default: Debian's archive keyring).

apt_system_uri() {
    { awk '/^URIs:/ { for (i = 2; i <= NF; i++) print $i }' /etc/apt/sources.list.d/*.sources 2>/dev/null
      awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^(https?|file):/) { print $i; break } }' \
          /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null; } |
        grep -v -- '-security' | grep '/debian/\?$' | sort -u | head -n 1
}

apt_private_init() {
    apt_kind=$1 apt_dir=$2
    mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial"
    apt_dir=$(cd "$apt_dir" && pwd)
    apt_uri=${IOTHUNT_APT_URI:-$(apt_system_uri)}
    [ -n "$apt_uri" ] || { echo "apt-private: no Debian archive URI in the system apt configuration (set IOTHUNT_APT_URI)" >&2; return 2; }
    apt_keyring=${IOTHUNT_APT_KEYRING:-/usr/share/keyrings/debian-archive-keyring.gpg}
    apt_want=$(for s in $3; do echo "$apt_kind [signed-by=$apt_keyring] $apt_uri $s main"; done)
    apt_opts="-o Dir::Etc::SourceList=$apt_dir/sources.list -o Dir::Etc::SourceParts=/dev/null
              -o Dir::State::Lists=$apt_dir/lists -o Dir::Cache=$apt_dir/cache
              -o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache=
              -o Debug::NoLocking=1 -o APT::Sandbox::User=root"
}

apt_private_update() {
    (
        flock 8
        if [ "${1:-}" = force ] || ! printf '%s\n' "$apt_want" | cmp -s - "$apt_dir/lists/.updated"; then
            rm -f "$apt_dir/lists/.updated"
            t=$(mktemp "$apt_dir/sources.list.XXXXXX")
            printf '%s\n' "$apt_want" > "$t" && mv "$t" "$apt_dir/sources.list"
            # shellcheck disable=SC2086
            apt-get -q $apt_opts update >&2 || { echo "apt-private: apt-get update failed ($apt_uri)" >&2; exit 1; }
            t=$(mktemp "$apt_dir/lists/.updated.XXXXXX")
            cp "$apt_dir/sources.list" "$t" && mv "$t" "$apt_dir/lists/.updated"
        fi
    ) 8>"$apt_dir/lock"
}

apt_private_run() {
    cmd=$1
    shift
    # shellcheck disable=SC2086
    flock -s "$apt_dir/lock" "$cmd" $apt_opts "$@"
}
