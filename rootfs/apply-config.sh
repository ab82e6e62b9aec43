#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# apply-config.sh FRAGMENT DOTCONFIG: set every CONFIG_X=value of FRAGMENT in
# DOTCONFIG (an allnoconfig result), replacing the existing line.  Busybox's
# kconfig ignores KCONFIG_ALLCONFIG, so the fragment is merged here and
# `make oldconfig` resolves the rest; afterwards check-config verifies it.
set -eu
frag=$1 cfg=$2
tmp=$cfg.merge
cp "$cfg" "$tmp"
grep -E '^CONFIG_[A-Z0-9_]+=' "$frag" | while IFS= read -r line; do
    opt=${line%%=*}
    val=${line#*=}
    grep -v -E "^(# )?$opt(=| is not set)" "$tmp" > "$tmp.1" || true
    if [ "$val" = n ]; then
        echo "# $opt is not set" >> "$tmp.1"
    else
        echo "$line" >> "$tmp.1"
    fi
    mv "$tmp.1" "$tmp"
done
mv "$tmp" "$cfg"
