#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# guest.sh - runs inside the full-system test's Malta guest as /etc/rc.local,
# after busybox init brought up /proc, /tmp and eth0 (udhcpc, 10.0.2.15).
# Everything here is the real thing: a big-endian kernel, its own
# /proc/net/tcp, its own netfilter filter table, /proc/PID/exe links.
# Lines starting with "SYSTEST " are read by tests/systest/run.sh.
PATH=/usr/sbin:/usr/bin:/sbin:/bin
export PATH
A=/usr/sbin/iothunt
SIM=/usr/libexec/iothunt-test/mirai_sim
IOCS=/etc/iothunt/live-iocs.csv

say() { echo "SYSTEST $*"; }
check() { # NAME CMD...: run CMD, report pass/fail
    n=$1
    shift
    if "$@"; then say "pass $n"; else say "fail $n"; fi
}
types() { sed -n 's/^{"type":"\([a-z_0-9]*\)".*/\1/p' "$1" | sort -u | tr '\n' ' '; }

# The guest has no RTC driver: the host passes its clock on the command line.
t=$(sed -n 's/.*iothunt\.time=\([0-9]*\).*/\1/p' /proc/cmdline)
[ -n "$t" ] && date -s "@$t" >/dev/null 2>&1

say "begin $(uname -r) $(uname -m)"
ifconfig eth0 | sed -n 's/.*inet addr:\([0-9.]*\).*/SYSTEST ip \1/p'

# The simulated C2, then the bot (it copies itself to /tmp and execs).
$SIM c2 --listen 127.0.0.1:28291 --lifetime 240 2>/tmp/c2.log &
c2=$!
sleep 1
$SIM --kernel-rules --lifetime 240 --pidfile /tmp/sim.pid 2>/tmp/sim.log &
i=0
while [ ! -s /tmp/sim.pid ] && [ $i -lt 50 ]; do sleep 1; i=$((i + 1)); done
sleep 2
bot=$(cat /tmp/sim.pid 2>/dev/null)
cat /tmp/sim.log
say "bot ${bot:-none}"
echo "--- /proc/$bot/exe -> $(readlink /proc/$bot/exe)"
echo "--- /proc/net/ip_tables_names: $(cat /proc/net/ip_tables_names 2>/dev/null)"
echo "--- /proc/net/tcp (big-endian hex: 127.0.0.1 is 7F000001):"
head -n 6 /proc/net/tcp

echo "=== iothunt scan (live, real kernel)"
$A scan --iocs $IOCS --no-resolve > /tmp/scan1.txt 2>&1
rc=$?
cat /tmp/scan1.txt
check "scan-infected-exit1" [ $rc = 1 ]
$A scan --iocs $IOCS --no-resolve --json > /tmp/scan1.json 2>/dev/null
got=$(types /tmp/scan1.json)
say "types $got"
for t in mirai_lock_port ioc_connection scanner_activity port_grab iptables_tr069_block \
         exe_deleted exe_in_tmpfs rule_match; do
    case " $got " in
    *" $t "*) say "pass finding-$t" ;;
    *) say "fail finding-$t" ;;
    esac
done
check "procnet-big-endian" grep -q 'byte order be' /tmp/scan1.txt

echo "=== iothunt report -> collector at 10.0.2.2 (qemu user network -> host 127.0.0.1)"
$A report --config /etc/iothunt.conf 2>&1
rc=$?
check "report-infected" [ $rc -lt 2 ]

echo "=== iothunt selftest (the collector checks run in the network half)"
$A selftest --config /etc/iothunt.conf > /tmp/selftest.txt 2>&1
cat /tmp/selftest.txt
check "selftest-privsep" grep -q '^OK   privsep .*uid 65534 gid 65534' /tmp/selftest.txt

echo "=== stop the bot (SIGTERM: it removes its kernel rules) and the C2"
kill -TERM "$bot" "$c2" 2>/dev/null
i=0
while kill -0 "$bot" 2>/dev/null && [ $i -lt 20 ]; do sleep 1; i=$((i + 1)); done
tail -n 1 /tmp/sim.log
$A scan --iocs $IOCS --no-resolve > /tmp/scan2.txt 2>&1
rc=$?
cat /tmp/scan2.txt
check "rescan-clean" [ $rc = 0 ]
$A report --config /etc/iothunt.conf 2>&1
check "report-clean" [ $? = 0 ]

echo "=== the procd-style service: start, respawn after kill, stop"
/etc/init.d/iothunt start
sleep 2
c1=$(cat /var/run/rc.common/iothunt.child 2>/dev/null)
check "service-running" [ "$(/etc/init.d/iothunt status)" = running ]
# privilege separation (docs/PRIVSEP.md): the daemon's child is the network
# half; its real, effective, saved and filesystem uids must not be 0.
net=
for st in /proc/[0-9]*/status; do
    if grep -q "^PPid:[[:space:]]*$c1\$" "$st" 2>/dev/null; then
        net=${st%/status}
        net=${net#/proc/}
    fi
done
uids() { sed -n 's/^Uid:[[:space:]]*//p' "/proc/$1/status" 2>/dev/null | tr -s '\t ' ' '; }
echo "--- daemon $c1 uids: $(uids "$c1"); network half ${net:-none} uids: $(uids "${net:-0}")"
grep -E '^(CapEff|NoNewPrivs)' "/proc/${net:-0}/status" 2>/dev/null | sed 's/^/--- network half /'
check "privsep-daemon-root" [ "$(uids "$c1")" = "0 0 0 0" ]
netuid_ok() {
    u=$(uids "${net:-0}")
    [ -n "$net" ] && [ -n "$u" ] || return 1
    for x in $u; do [ "$x" != 0 ] || return 1; done
    [ "$u" = "65534 65534 65534 65534" ]
}
check "privsep-network-half-not-root" netuid_ok
check "privsep-network-half-no-caps" grep -q '^CapEff:[[:space:]]*0*$' "/proc/${net:-0}/status"
check "privsep-network-half-no-new-privs" grep -q '^NoNewPrivs:[[:space:]]*1' "/proc/${net:-0}/status"
kill -KILL "$c1" 2>/dev/null
sleep 8
c2pid=$(cat /var/run/rc.common/iothunt.child 2>/dev/null)
respawned() { [ -n "$c2pid" ] && [ "$c2pid" != "$c1" ] && kill -0 "$c2pid" 2>/dev/null; }
check "service-respawned" respawned
/etc/init.d/iothunt stop
say "end"
sync
poweroff -f
