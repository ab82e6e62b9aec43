#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# tests/systest/run.sh - the full-system test: the router rootfs as the
# initramfs of a big-endian MIPS Malta kernel (build/systest/vmlinux) in
# qemu-system-mips.  Inside (tests/systest/guest.sh as /etc/rc.local), the
# simulator installs real netfilter rules and real sockets; the agent scans
# the real big-endian /proc and reports through qemu's user network: the
# guest's 10.0.2.2 is slirp's alias of the host's 127.0.0.1, where the
# collector listens.  The host then checks the collector's database.
#
# Bounded: the guest has 300 s (timeout), then it is killed.
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
cd "$TOP"
S=$TOP/build/systest
T=$S/run
KERNEL=$S/vmlinux
COLLECTOR=$TOP/build/host/iothunt-collector
DEVICE=router-sys
PASS=0
FAIL=0
CPID=
SINKPID=
ok() { PASS=$((PASS + 1)); echo "ok - $*"; }
nok() { FAIL=$((FAIL + 1)); echo "not ok - $*"; }
cleanup() {
    for p in $CPID $SINKPID; do
        kill -TERM "$p" 2>/dev/null
        wait "$p" 2>/dev/null
    done
}
trap cleanup EXIT
trap 'exit 2' INT TERM

for f in "$KERNEL" "$TOP/build/rootfs/.built" "$COLLECTOR"; do
    [ -e "$f" ] || { echo "systest: missing $f (make systest-kernel rootfs host)" >&2; exit 2; }
done
command -v qemu-system-mips >/dev/null || { echo "systest: qemu-system-mips missing (.ci/packages.txt)" >&2; exit 2; }
echo "systest: kernel from linux-source-6.1 $(cat "$S/linux-source-6.1.version" 2>/dev/null || echo '(version not recorded)')"

rm -rf "$T"
mkdir -p "$T"
# Certificates of this test: the collector's also names 10.0.2.2, the
# address the guest reaches it by.
COLLECTOR_NAMES=IP:10.0.2.2 scripts/mkcerts.sh "$T/certs" "$DEVICE" >/dev/null

python3 - "$T/cef.log" 400 >"$T/cef-sink.port" <<'PY' &
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
SINKPID=$!
for _ in $(seq 50); do [ -s "$T/cef-sink.port" ] && break; sleep 0.1; done
"$COLLECTOR" --listen 127.0.0.1:0 --cert "$T/certs/collector.crt" --key "$T/certs/collector.key" \
    --client-ca "$T/certs/ca.crt" --db "$T/collector.db" \
    --cef "udp://127.0.0.1:$(cat "$T/cef-sink.port")" 2>"$T/collector.log" &
CPID=$!
for _ in $(seq 100); do grep -q "listening on" "$T/collector.log" && break; sleep 0.1; done
PORT=$(sed -n 's/.*listening on 127\.0\.0\.1 port \([0-9]*\).*/\1/p' "$T/collector.log" | tail -n 1)
[ -n "$PORT" ] || { echo "systest: collector did not start" >&2; cat "$T/collector.log"; exit 1; }

# The guest's root: the router rootfs with this test's certificates,
# configuration and boot hook; the agent service is started by the hook.
cp -a build/rootfs "$T/root"
R=$T/root
rm -f "$R/.built" "$R"/etc/rc.d/S99iothunt
install -m 0644 "$T/certs/ca.crt" "$R/etc/iothunt/ca.crt"
install -m 0644 "$T/certs/devices/$DEVICE.crt" "$R/etc/iothunt/device.crt"
install -m 0600 "$T/certs/devices/$DEVICE.key" "$R/etc/iothunt/device.key"
cat > "$R/etc/iothunt.conf" <<EOF2
collector = 10.0.2.2:$PORT
ca = /etc/iothunt/ca.crt
cert = /etc/iothunt/device.crt
key = /etc/iothunt/device.key
spool_path = /tmp/iothunt/spool
iocs = /etc/iothunt/live-iocs.csv
interval = 600
jitter = 0
timeout = 20
builtin = yes
resolve = no
EOF2
cat > "$R/etc/iothunt/live-iocs.csv" <<'EOF2'
"", "", "127.0.0.1:28291", "ip:port", "botnet_cc", "elf.mirai", "None", "Mirai", "", "100", "None", "Mirai", "0", "iothunt-systest"
EOF2
install -m 0755 tests/systest/guest.sh "$R/etc/rc.local"
(cd "$R" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet | gzip -1 > "$T/initramfs.cpio.gz")

echo "systest: booting (kernel $(stat -c %s "$KERNEL") bytes, initramfs $(stat -c %s "$T/initramfs.cpio.gz") bytes, collector 127.0.0.1:$PORT)"
start=$(date +%s)
timeout -k 5 300 qemu-system-mips -M malta -cpu 24Kc -m 256 -nographic -no-reboot \
    -kernel "$KERNEL" -initrd "$T/initramfs.cpio.gz" \
    -append "console=ttyS0 panic=-1 iothunt.systest=1 iothunt.time=$(date +%s)" \
    -nic user,model=pcnet </dev/null >"$T/console.log" 2>&1
qrc=$?
echo "systest: guest ran $(( $(date +%s) - start )) s (qemu exit $qrc)"
sed -n '/SYSTEST begin/,$p' "$T/console.log" | grep -v '^Please press Enter'
[ $qrc = 124 ] && nok "guest finished within 300 s"

grep -q '^SYSTEST end' "$T/console.log" && ok "guest ran to the end" || nok "guest ran to the end"
while read -r _ st name; do
    if [ "$st" = pass ]; then ok "guest: $name"; else nok "guest: $name"; fi
done < <(grep -E '^SYSTEST (pass|fail) ' "$T/console.log" | tr -d '\r')

echo "--- collector: iothunt-collector query --agent $DEVICE"
"$COLLECTOR" query --db "$T/collector.db" --agent "$DEVICE" | tee "$T/query.txt"
for t in iptables_tr069_block scanner_activity mirai_lock_port exe_deleted rule_match; do
    grep -q " $t " "$T/query.txt" && ok "collector has $t from the guest" || nok "collector has $t from the guest"
done
grep -q 'CEF:0|iothunt|iothunt|.*|iptables_tr069_block|' "$T/cef.log" 2>/dev/null &&
    ok "CEF line for iptables_tr069_block" || nok "CEF line for iptables_tr069_block"
echo "# $PASS passed, $FAIL failed"
[ $FAIL = 0 ]
