#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# check-kconfig.sh FRAGMENT DOTCONFIG: every CONFIG_X=y in FRAGMENT must be
# =y in the resolved .config.  allnoconfig silently drops an option whose
# dependencies are unmet; a kernel without netfilter would boot and then fail
# the test much later, and much less clearly.
set -eu
frag=$1 cfg=$2
st=0
for opt in $(grep -E '^CONFIG_[A-Z0-9_]+=y$' "$frag" | cut -d= -f1); do
    if ! grep -qx "$opt=y" "$cfg"; then
        # Options that no longer exist in this kernel version are fine only
        # if Kconfig does not know them at all.
        echo "check-kconfig: $opt=y requested in $frag but not set in $cfg" >&2
        st=1
    fi
done
exit $st
