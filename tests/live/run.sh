#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# tests/live/run.sh - the live scenario: the test router's rootfs under
# qemu-mips-static, infected by tests/sim/mirai_sim, scanned live by the
# MIPS agent, which reports over mutual TLS to iothunt-collector on
# 127.0.0.1; the collector forwards CEF (UDP) to a local sink.  Then the
# simulator is stopped and the next scan must be clean.
#
# Isolation: the scenario runs in its own PID, mount and network namespaces
# (unshare), so the agent's live view - /proc, /proc/net/tcp, /tmp - holds
# the device's processes, sockets and files only, not the host's; its
# loopback is private too, so nothing here can reach or be reached from
# outside.  Needs root (or unprivileged user namespaces).
#
#   tests/live/run.sh [--demo]     --demo: pauses between screens (DEMO_PAUSE s)
#   KEEP=1                         keep build/live afterwards
#   LIVE_CPU=24Kc|4Kc              qemu CPU (default 24Kc)
#
# Exit status: 0 when every check passed; 1 otherwise; 2 when a prerequisite
# is missing (the message names it).  Bounded: 300 s in all.
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
cd "$TOP"

DEMO=0
[ "${1:-}" = --demo ] && DEMO=1
QEMU=${QEMU:-qemu-mips-static}
CPU=${LIVE_CPU:-24Kc}
T=$TOP/build/live
ROOTFS=$TOP/build/rootfs
COLLECTOR=$TOP/build/host/iothunt-collector
CERTS=$TOP/build/certs
DEVICE=${RFS_DEVICE:-router-01}
C2_PORT=28291

if [ -z "${IOTHUNT_LIVE_NS:-}" ]; then
    missing=""
    for f in "$ROOTFS/.built" "$COLLECTOR" "$CERTS/collector.crt" "$CERTS/ca.crt"; do
        [ -e "$f" ] || missing="$missing $f"
    done
    for c in "$QEMU" unshare ip python3 sqlite3; do
        command -v "$c" >/dev/null || missing="$missing $c(command)"
    done
    if [ -n "$missing" ]; then
        echo "live: missing:$missing (run: make rootfs host)" >&2
        exit 2
    fi
    export IOTHUNT_LIVE_NS=1 DEMO_PAUSE=${DEMO_PAUSE:-0}
    args=(--pid --fork --mount --net --mount-proc)
    [ "$(id -u)" = 0 ] || args=(--user --map-root-user "${args[@]}")
    timeout -k 5 300 unshare "${args[@]}" "$0" "$@"
    rc=$?
    if [ $rc = 124 ]; then
        echo "live: timed out after 300 s" >&2
        exit 1
    fi
    exit $rc
fi

# ---- inside the namespaces: we are PID 1; everything we start dies with us.
PASS=0
FAIL=0
ok() { PASS=$((PASS + 1)); echo "ok - $*"; }
nok() { FAIL=$((FAIL + 1)); echo "not ok - $*"; }
heading() {
    [ $DEMO = 1 ] && [ "$DEMO_PAUSE" != 0 ] && sleep "$DEMO_PAUSE"
    echo
    echo "=================================================================="
    echo "  $*"
    echo "=================================================================="
}
die() {
    echo "live: $*" >&2
    echo "# $PASS passed, $((FAIL + 1)) failed"
    exit 1
}
# Run a MIPS program of the rootfs under qemu-user.
mips() { QEMU_CPU=$CPU "$QEMU" "$@"; }

ip link set lo up || die "cannot bring up the namespace's loopback"
# The device's /tmp is about to cover /tmp: a checkout that lives under /tmp
# is first given a second name outside it (this mount namespace only).
case "$TOP/" in
/tmp/*)
    alias=/run/iothunt-live-top.$$
    mkdir -p "$alias" && mount --bind "$TOP" "$alias" || die "cannot bind $TOP to $alias"
    TOP=$alias
    cd "$TOP" || die "cannot enter $TOP"
    T=$TOP/build/live
    ROOTFS=$TOP/build/rootfs
    COLLECTOR=$TOP/build/host/iothunt-collector
    CERTS=$TOP/build/certs
    ;;
esac
rm -rf "$T"
mkdir -p "$T"
cp -a "$ROOTFS" "$T/rootfs"
R=$T/rootfs
# The device's /tmp is /tmp for everything in this namespace (the agent
# hunts there), and /dev/shm is empty.
mount --bind "$R/tmp" /tmp || die "cannot bind the device's /tmp"
mount -t tmpfs tmpfs /dev/shm 2>/dev/null || true
mkdir -p /tmp/iothunt

# ---------------------------------------------------------------- collector
python3 - "$T/cef.log" 240 >"$T/cef-sink.port" 2>"$T/cef-sink.err" <<'PY' &
# A CEF/syslog sink: UDP on 127.0.0.1, one datagram per line into a file.
import socket, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1], flush=True)
s.settimeout(0.5)
end = time.time() + int(sys.argv[2])
with open(sys.argv[1], "ab", buffering=0) as f:
    while time.time() < end:
        try:
            d = s.recv(65535)
        except socket.timeout:
            continue
        f.write(d.rstrip(b"\n") + b"\n")
PY
for _ in $(seq 50); do [ -s "$T/cef-sink.port" ] && break; sleep 0.1; done
CEF_PORT=$(cat "$T/cef-sink.port")
[ -n "$CEF_PORT" ] || die "CEF sink did not start: $(cat "$T/cef-sink.err")"

"$COLLECTOR" --listen 127.0.0.1:0 --cert "$CERTS/collector.crt" --key "$CERTS/collector.key" \
    --client-ca "$CERTS/ca.crt" --db "$T/collector.db" --cef "udp://127.0.0.1:$CEF_PORT" \
    --jsonl "$T/findings.jsonl" 2>"$T/collector.log" &
for _ in $(seq 100); do grep -q "listening on" "$T/collector.log" && break; sleep 0.1; done
PORT=$(sed -n 's/.*listening on 127\.0\.0\.1 port \([0-9]*\).*/\1/p' "$T/collector.log" | tail -n 1)
[ -n "$PORT" ] || die "collector did not start: $(tail -5 "$T/collector.log")"

# The device's configuration, with host paths: under qemu-user the agent
# opens files through the host kernel (see docs/DEMO.md).
cat > "$T/iothunt.conf" <<EOF
collector = 127.0.0.1:$PORT
ca = $R/etc/iothunt/ca.crt
cert = $R/etc/iothunt/device.crt
key = $R/etc/iothunt/device.key
spool_path = /tmp/iothunt/spool
iocs = $R/etc/iothunt/live-iocs.csv
interval = 600
jitter = 0
timeout = 10
builtin = yes
resolve = no
EOF
sed "/^iocs =/a root = $R" "$T/iothunt.conf" > "$T/iothunt-image.conf"
# The simulated C2 is the ThreatFox botnet_cc entry's port on loopback.
cat > "$R/etc/iothunt/live-iocs.csv" <<EOF
# "first_seen_utc","ioc_id","ioc_value","ioc_type","threat_type","fk_malware","malware_alias","malware_printable","last_seen_utc","confidence_level","reference","tags","anonymous","reporter"
"", "", "127.0.0.1:$C2_PORT", "ip:port", "botnet_cc", "elf.mirai", "None", "Mirai", "", "100", "None", "Mirai", "0", "iothunt-live-test"
EOF

scan_live() { # OUT: exit status in $?, output in OUT
    mips "$R/usr/sbin/iothunt" scan --iocs "$R/etc/iothunt/live-iocs.csv" --no-resolve "$@"
}
types_of() { # NDJSON file -> sorted unique finding types
    sed -n 's/^{"type":"\([a-z_0-9]*\)".*/\1/p' "$1" | grep -v '^summary$' | sort -u | tr '\n' ' '
}

# ------------------------------------------------------------------- device
heading "1. The device: busybox router rootfs, MIPS32 big-endian (qemu-user, -cpu $CPU)"
file -b "$R/bin/busybox" | cut -d, -f1-3
echo "$ mips busybox uname -m: $(mips "$R/bin/busybox" uname -m)"
echo "$ iothunt --version: $(mips "$R/usr/sbin/iothunt" --version)"
echo "agent: $(stat -c %s "$R/usr/sbin/iothunt") bytes; collector on 127.0.0.1:$PORT; CEF to udp 127.0.0.1:$CEF_PORT"

mips "$R/usr/sbin/iothunt" scan --no-resolve --json >"$T/scan0.json" 2>"$T/scan0.err"
rc=$?
if [ $rc = 0 ]; then ok "baseline scan before the infection is clean"; else
    nok "baseline scan before the infection is clean (exit $rc: $(types_of "$T/scan0.json"))"; fi

# ---------------------------------------------------------------- infection
heading "2. Infection: mirai_sim (benign) drops itself into /tmp and runs"
QEMU_CPU=$CPU "$QEMU" "$R/usr/libexec/iothunt-test/mirai_sim" c2 --listen "127.0.0.1:$C2_PORT" \
    --lifetime 200 2>"$T/c2.log" &
C2PID=$!
sleep 0.5
IOTHUNT_SIM_QEMU=$(command -v "$QEMU") QEMU_CPU=$CPU \
    "$QEMU" "$R/usr/libexec/iothunt-test/mirai_sim" --root "$R" --lifetime 180 \
    --pidfile "$T/sim.pid" 2>"$T/sim.log" &
for _ in $(seq 100); do [ -s "$T/sim.pid" ] && break; sleep 0.1; done
SIM=$(cat "$T/sim.pid" 2>/dev/null)
[ -n "$SIM" ] || die "simulator did not start: $(cat "$T/sim.log")"
sleep 2
cat "$T/sim.log"
echo "--- the bot's process (pid $SIM): comm '$(cat /proc/$SIM/comm)', cmdline:"
tr '\0' ' ' </proc/$SIM/cmdline; echo
echo "--- its image, deleted from the device's /tmp:"
grep -m1 ' (deleted)$' /proc/$SIM/maps | sed 's/.* \//\//'
echo "--- its sockets (ss, host view of the namespace):"
ss -tanp | grep -E "pid=$SIM," | awk '{ print $1, $4, $5 }' | sort | uniq -c
echo "--- the device's netfilter dump (/iptables-save.txt):"
grep -- '-A INPUT' "$R/iptables-save.txt"

# --------------------------------------------------------------------- scan
heading "3. On the device: iothunt scan (live process table, qemu-user)"
scan_live >"$T/scan1.txt" 2>"$T/scan1.err"
rc=$?
cat "$T/scan1.txt"
[ -s "$T/scan1.err" ] && sed 's/^/stderr: /' "$T/scan1.err" | head -5
if [ $rc = 1 ] && head -n 1 "$T/scan1.txt" | grep -q '^INFECTED'; then
    ok "live scan says INFECTED (exit 1)"
else
    nok "live scan says INFECTED (exit $rc)"
fi
scan_live --json >"$T/scan1.json" 2>/dev/null
got=$(types_of "$T/scan1.json")
for t in mirai_lock_port ioc_connection scanner_activity port_grab exe_deleted rule_match; do
    case " $got " in
    *" $t "*) ok "live finding $t" ;;
    *) nok "live finding $t (got: $got)" ;;
    esac
done
# the culprit is the bot's own image (the guest qemu-user runs, from
# /proc/PID/maps), never the emulator
BOT=$(grep -m1 ' (deleted)$' /proc/$SIM/maps | sed 's/^[^/]*//; s/ (deleted)$//')
echo "--- the bot's image: $BOT"
# (its image is the simulator's binary, so the C2 stand-in running that binary
# shares the rule_match: one finding listing both pids)
if [ -n "$BOT" ] && grep -q "\"type\":\"exe_deleted\".*\"pid\":$SIM,.*\"exe\":\"$BOT\"" "$T/scan1.json" &&
   grep -Eq "\"type\":\"rule_match\".*(\"pid\":$SIM,|\"pids\":\[([0-9]+,)*$SIM[],])" "$T/scan1.json"; then
    ok "live scan names the bot's own image $BOT (exe_deleted; its rule_match covers pid $SIM)"
else
    nok "live scan names the bot's own image '$BOT'"
    grep -E '"(exe_deleted|rule_match)"' "$T/scan1.json" | cut -c1-240
fi
if grep -q '"exe":"[^"]*qemu-mips-static"' "$T/scan1.json"; then
    nok "no finding blames the emulator"
    grep '"exe":"[^"]*qemu-mips-static"' "$T/scan1.json" | cut -c1-200
else
    ok "no finding blames the emulator"
fi

echo
echo "--- the device image (offline, --root): netfilter dump and files"
mips "$R/usr/sbin/iothunt" scan --root "$R" --no-resolve >"$T/scan1-root.txt" 2>&1
rc=$?
cat "$T/scan1-root.txt"
if [ $rc = 1 ] && grep -q 'iptables_tr069_block' "$T/scan1-root.txt"; then
    ok "image scan finds the TR-069 DROP rules"
else
    nok "image scan finds the TR-069 DROP rules (exit $rc)"
fi

# ------------------------------------------------------------------- report
heading "4. iothunt report: findings over mutual TLS to the collector"
mips "$R/usr/sbin/iothunt" report --config "$T/iothunt.conf" >"$T/report1.out" 2>&1
rc=$?
cat "$T/report1.out"
if [ $rc -ge 2 ]; then
    nok "iothunt report (exit $rc)"
    die "iothunt report failed: the remaining steps need it"
fi
ok "iothunt report (exit $rc)"
mips "$R/usr/sbin/iothunt" report --config "$T/iothunt-image.conf" >"$T/report2.out" 2>&1
rc=$?
cat "$T/report2.out"
if [ $rc -lt 2 ]; then ok "iothunt report of the device image (exit $rc)"; else nok "iothunt report of the device image (exit $rc)"; fi

echo
echo "$ iothunt-collector query --db collector.db --agent $DEVICE"
"$COLLECTOR" query --db "$T/collector.db" --agent "$DEVICE" | tee "$T/query.txt"
for t in mirai_lock_port ioc_connection scanner_activity iptables_tr069_block; do
    if grep -q "$t" "$T/query.txt"; then ok "collector stored $t from $DEVICE"; else nok "collector stored $t from $DEVICE"; fi
done

# ---------------------------------------------------------------------- CEF
heading "5. CEF forwarded by the collector (syslog over UDP, for Sentinel)"
for _ in $(seq 30); do grep -q 'mirai_lock_port' "$T/cef.log" 2>/dev/null && break; sleep 0.2; done
grep 'CEF:0|iothunt|' "$T/cef.log" 2>/dev/null | grep -v '|summary|' | head -n 12
if grep -q 'CEF:0|iothunt|iothunt|.*|mirai_lock_port|' "$T/cef.log" 2>/dev/null; then
    ok "CEF line for mirai_lock_port"
else
    nok "CEF line for mirai_lock_port"
fi

# ------------------------------------------------------------------- rescan
heading "6. The simulator is stopped (SIGTERM); the next scan is clean"
kill -TERM "$SIM" 2>/dev/null
for _ in $(seq 100); do kill -0 "$SIM" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$SIM" 2>/dev/null; then nok "simulator exits on SIGTERM"; kill -KILL "$SIM"; else ok "simulator exits on SIGTERM"; fi
tail -n 1 "$T/sim.log"
kill -TERM "$C2PID" 2>/dev/null
wait "$C2PID" 2>/dev/null
# Sockets the bot held are in TIME_WAIT or gone; nothing listens any more.
scan_live >"$T/scan2.txt" 2>&1
rc=$?
cat "$T/scan2.txt"
if [ $rc = 0 ] && head -n 1 "$T/scan2.txt" | grep -q '^CLEAN'; then
    ok "live rescan is CLEAN (exit 0)"
else
    nok "live rescan is CLEAN (exit $rc)"
fi
mips "$R/usr/sbin/iothunt" scan --root "$R" --no-resolve >"$T/scan2-root.txt" 2>&1
rc=$?
# an offline image has no /proc/net: nothing found, but never called CLEAN
if [ $rc = 3 ] && head -n 1 "$T/scan2-root.txt" | grep -q '^INCOMPLETE ' &&
   grep -q 'not read: 6 socket table(s) in /proc/net' "$T/scan2-root.txt"; then
    ok "image rescan finds nothing (the simulator restored the dump) and says INCOMPLETE (exit 3): an image has no sockets"
else
    nok "image rescan: INCOMPLETE, nothing found (exit $rc)"; cat "$T/scan2-root.txt"; fi
mips "$R/usr/sbin/iothunt" report --config "$T/iothunt.conf" >"$T/report3.out" 2>&1
rc=$?
if [ $rc = 0 ]; then ok "clean report delivered (exit 0)"; else nok "clean report delivered (exit $rc)"; cat "$T/report3.out"; fi

echo
echo "# $PASS passed, $FAIL failed"
[ "${KEEP:-0}" = 1 ] && echo "# kept $T"
[ $FAIL = 0 ]
