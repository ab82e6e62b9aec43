#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# uci-stub.sh: stands in for OpenWrt's `uci` in tests of
# scripts/uci2iothunt.sh: `uci -q show CONFIG.SECTION` prints the file
# $UCI_SHOW (a captured `uci show` output); anything else fails.
[ "$1" = -q ] && [ "$2" = show ] && [ -n "${UCI_SHOW:-}" ] || exit 1
case $3 in
iothunt.agent) cat "$UCI_SHOW" ;;
*) exit 1 ;;
esac
