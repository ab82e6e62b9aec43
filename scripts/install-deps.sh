#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# install-deps.sh: install the Debian packages listed in .ci/packages.txt
# (build tools, cross compiler, qemu-user, test peers).  Needs root; does
# nothing when everything is already installed.  Third-party source code
# (musl, Mbed TLS, cmocka, busybox) is fetched later by the build itself,
# pinned, through toolchain/fetch.sh.
set -eu
cd "$(dirname "$0")/.."
pkgs=$(grep -vE '^\s*(#|$)' .ci/packages.txt | tr '\n' ' ')
missing=""
for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
if [ -z "$missing" ]; then
    echo "install-deps: all $(echo $pkgs | wc -w) packages present"
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "install-deps: missing packages:$missing (run as root)" >&2
    exit 2
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q $missing
