#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# test-procd.sh: the OpenWrt init script (packaging/openwrt/iothunt/files/
# iothunt.init) under busybox sh: its syntax, and the procd calls it makes
# with a recorded procd function set (tests/packaging/stub/procd-lib.sh):
# enabled with /etc/iothunt.conf, disabled, configured through UCI (the
# agent section converted by uci2iothunt), a bad UCI option (refused, no
# instance), and the jail switch with and without an executable ujail
# (ujail itself is never run: procd would run it).
# Ends with "N passed, N failed".
set -u
init=packaging/openwrt/iothunt/files/iothunt.init
out=$PWD/build/test-out/procd
rm -rf "$out" && mkdir -p "$out"
pass=0 fail=0
ok()  { echo "PASS $*"; pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }
bb=$(command -v busybox) || { bad "busybox not installed (.ci/packages.txt)"; echo "$pass passed, $fail failed"; exit 1; }

if "$bb" sh -n "$init"; then ok "busybox sh -n $init"; else bad "busybox sh -n $init"; fi

run() {   # NAME UCI_OPTS_TEXT UCI_SHOW_TEXT: start_service, log in $out/NAME.log
    local n=$1
    printf '%s' "$2" > "$out/$n.opts"
    printf '%s' "$3" > "$out/$n.show"
    : > "$out/$n.log"
    PATH=$PWD/tests/packaging/stub:$PATH UCI_OPTS=$out/$n.opts UCI_SHOW=$out/$n.show \
    PROCD_LOG=$out/$n.log TEST_UJAIL=${TEST_UJAIL:-/nonexistent/ujail} "$bb" sh -c '
        . tests/packaging/stub/procd-lib.sh
        . "$1"
        UCI2CONF=$PWD/scripts/uci2iothunt.sh
        GEN_CONF=$2/var/etc/iothunt.conf
        UJAIL=$TEST_UJAIL
        start_service; echo "rc=$?" >> "$PROCD_LOG"
        service_triggers' sh "$init" "$out/$n" > "$out/$n.out" 2>&1
}
expect() {   # NAME EXPECTED-LOG-TEXT
    if diff -u <(printf '%s\n' "$2") "$out/$1.log" > "$out/$1.diff"; then ok "$1: procd calls as expected"
    else bad "$1: procd calls differ:"; sed 's/^/    /' "$out/$1.diff"; fi
}
instance() {   # CONF [JAIL-LINES]: the expected instance
    printf '%s\n' "config_load iothunt" "procd_open_instance" \
        "procd_set_param command /usr/sbin/iothunt daemon --config $1" \
        "procd_set_param respawn 3600 5 0" "procd_set_param stdout 1" "procd_set_param stderr 1" \
        "procd_set_param file $1 /etc/config/iothunt"
    [ -n "${2:-}" ] && printf '%s\n' "$2"
    printf '%s\n' "procd_close_instance" "rc=0" "procd_add_reload_trigger iothunt"
}

run enabled $'main.enabled=1\n' ''
expect enabled "$(instance /etc/iothunt.conf)"

run disabled $'main.enabled=0\n' ''
expect disabled "config_load iothunt
rc=0
procd_add_reload_trigger iothunt"

run uci $'main.enabled=1\n' "iothunt.agent=agent
iothunt.agent.collector='c.example:8443'
iothunt.agent.ca='/etc/iothunt/ca.crt'
iothunt.agent.cert='/etc/iothunt/device.crt'
iothunt.agent.key='/etc/iothunt/device.key'
iothunt.agent.iocs='/etc/iothunt/a.csv' '/etc/iothunt/b.csv'
"
gen=$out/uci/var/etc/iothunt.conf
expect uci "$(instance "$gen")"
if [ -f "$gen" ] && grep -qx 'collector = c.example:8443' "$gen" && [ "$(grep -c '^iocs = ' "$gen")" = 2 ]; then
    ok "uci: agent section converted into $gen"
else
    bad "uci: converted file:"; sed 's/^/    /' "$gen" 2>/dev/null
fi

run badopt $'main.enabled=1\n' "iothunt.agent=agent
iothunt.agent.collector='c.example:8443'
iothunt.agent.colector='typo'
"
expect badopt "config_load iothunt
rc=1
procd_add_reload_trigger iothunt"
grep -q 'not converted' "$out/badopt.out" && ok "badopt: refused with a message" || bad "badopt: no message"

run jail-absent $'main.enabled=1\nmain.jail=1\n' ''
expect jail-absent "$(instance /etc/iothunt.conf)"
TEST_UJAIL=/bin/true run jail $'main.enabled=1\nmain.jail=1\n' ''
expect jail "$(instance /etc/iothunt.conf "procd_add_jail iothunt log procfs sysfs
procd_add_jail_mount /etc/iothunt.conf /etc/iothunt /etc/hosts /etc/resolv.conf /tmp/resolv.conf.d /usr/share/iothunt
procd_add_jail_mount_rw /tmp/iothunt")"
TEST_UJAIL=/bin/true run jail-off $'main.enabled=1\n' ''
expect jail-off "$(instance /etc/iothunt.conf)"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
