#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
# hostile.sh - one address holding thousands of idle and half-open
# connections must not lock devices on other addresses out.
#
# Phase 1 (default limits): 127.0.0.2 opens HOLD connections (half of them
#   idle after the TCP handshake, half stopped in the middle of a TLS
#   ClientHello); the per-address limit keeps at most --per-ip of them.
# Phase 2 (--per-ip 0, no per-address limit): the same HOLD connections
#   are all held; the epoll thread pool still serves DEVICES devices from
#   127.0.0.3.. with every batch acknowledged within DELIVERY_MAX seconds;
#   after --conn-timeout the held connections are closed (in both
#   phases; checked every second, bounded at 20 s).
# Every batch must be stored exactly once. Bounded: about a minute.
#   COLLECTOR=path (default build/host/iothunt-collector)
#   HOLD (default 3000), DEVICES (default 10), BATCHES (per device, 5)
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
COLLECTOR=${COLLECTOR:-$ROOT/build/host/iothunt-collector}
case $COLLECTOR in /*) ;; *) COLLECTOR=$ROOT/$COLLECTOR ;; esac
HOLD=${HOLD:-3000}
DEVICES=${DEVICES:-10}
BATCHES=${BATCHES:-5}
DELIVERY_MAX=${DELIVERY_MAX:-5}
T=$(mktemp -d /tmp/iothunt-hostile.XXXXXX)
PASS=0
FAIL=0
CPID=
HPID=

ok() { PASS=$((PASS + 1)); echo "ok - $*"; }
nok() { FAIL=$((FAIL + 1)); echo "not ok - $*"; }

stop_pid() {
	[ -n "$1" ] || return 0
	kill -TERM "$1" 2>/dev/null
	for _ in $(seq 50); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
	kill -KILL "$1" 2>/dev/null
	wait "$1" 2>/dev/null
}
cleanup() {
	stop_pid "$HPID"
	stop_pid "$CPID"
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 2' INT TERM

# the holder and the collector need descriptors beyond the usual 1024
ulimit -n 16384 2>/dev/null || ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" -lt $((HOLD + 200)) ]; then
	echo "not ok - open files limit $(ulimit -n) too low for HOLD=$HOLD"
	echo "0 passed, 1 failed"
	exit 1
fi

devs=""
for i in $(seq "$DEVICES"); do devs="$devs dev$i"; done
# shellcheck disable=SC2086
"$ROOT/scripts/mkcerts.sh" "$T/certs" $devs >/dev/null 2>&1 || {
	echo "not ok - mkcerts"; echo "0 passed, 1 failed"; exit 1; }

start_collector() { # LOG ARGS...
	local log=$1
	shift
	"$COLLECTOR" --listen 127.0.0.1:0 --cert "$T/certs/collector.crt" \
		--key "$T/certs/collector.key" --client-ca "$T/certs/ca.crt" \
		--db "$T/db.sqlite" --silent-check 0 "$@" 2>>"$log" &
	CPID=$!
	for _ in $(seq 100); do
		PORT=$(sed -n 's/.*listening on [0-9.]* port \([0-9]*\),.*/\1/p' "$log" | tail -n 1)
		[ -n "$PORT" ] && return 0
		sleep 0.1
	done
	cat "$log" >&2
	return 1
}

# The holder: opens HOLD connections from 127.0.0.2, prints "opened N",
# then on each line read from its stdin prints "held N" (how many the
# collector has not closed).
cat >"$T/holder.py" <<'PY'
import os, socket, sys, select
port, n = int(sys.argv[1]), int(sys.argv[2])
# the first bytes of a TLS 1.2 ClientHello record, cut short
hello = bytes([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03]) + os.urandom(20)
socks = []
for i in range(n):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("127.0.0.2", 0))
    s.settimeout(2)
    try:
        s.connect(("127.0.0.1", port))
        if i % 2:
            s.send(hello)
    except OSError:
        s.close()
        continue
    s.setblocking(False)
    socks.append(s)
print("opened %d" % len(socks), flush=True)
def alive(s):
    # what the collector sent before closing (a TLS alert) is read through
    # to the end: closed means end of stream or an error, not "readable"
    try:
        while True:
            p = select.poll()
            p.register(s, select.POLLIN)
            if not p.poll(0):
                return True
            if s.recv(4096) == b"":
                return False
    except OSError:
        return False
for line in sys.stdin:
    socks = [s for s in socks if alive(s)]
    print("held %d" % len(socks), flush=True)
PY

# deliver: every device sends BATCHES batches of 3 findings from its own
# address; prints the slowest delivery in ms and the non-200 count
deliver() { # PHASE
	local phase=$1 worst=0 bad=0 i b ms code
	for i in $(seq "$DEVICES"); do
		for b in $(seq "$BATCHES"); do
			: >"$T/body"
			for k in 1 2 3; do
				printf '{"type":"ioc_connection","severity":"high","summary":"p%s b%s f%s","ts":1700000000,"seq":%s}\n' \
					"$phase" "$b" "$k" $(((phase - 1) * 1000 + (b - 1) * 3 + k)) >>"$T/body"
			done
			out=$(timeout 30 curl -sS -o /dev/null -w '%{http_code} %{time_total}' \
				--max-time 20 --interface "127.0.0.$((i + 2))" \
				--cacert "$T/certs/ca.crt" --cert "$T/certs/devices/dev$i.crt" \
				--key "$T/certs/devices/dev$i.key" -H 'Content-Type: application/x-ndjson' \
				--data-binary "@$T/body" "https://127.0.0.1:$PORT/v1/findings" 2>>"$T/curl.err")
			code=${out%% *}
			ms=$(awk -v t="${out#* }" 'BEGIN { printf "%d", t * 1000 }')
			[ "$code" = 200 ] || bad=$((bad + 1))
			[ "$ms" -gt "$worst" ] && worst=$ms
		done
	done
	echo "$worst $bad"
}

phase() { # N PER_IP MIN_HELD MAX_HELD
	local n=$1 per_ip=$2 want_min=$3 want_max=$4 opened held held_after worst bad stored
	start_collector "$T/c$n.log" --per-ip "$per_ip" --conn-timeout 5 || {
		nok "phase $n: collector did not start"; return; }
	coproc HOLDER { python3 "$T/holder.py" "$PORT" "$HOLD"; }
	HPID=$HOLDER_PID
	read -r _ opened <&"${HOLDER[0]}"
	sleep 1
	echo >&"${HOLDER[1]}"
	read -r _ held <&"${HOLDER[0]}"
	read -r worst bad < <(deliver "$n")
	echo >&"${HOLDER[1]}"
	read -r _ held_during <&"${HOLDER[0]}"
	echo "# phase $n (--per-ip $per_ip): 127.0.0.2 opened $opened, held $held" \
		"after 1 s, $held_during after the deliveries; $((DEVICES * BATCHES))" \
		"batches from $DEVICES devices on 127.0.0.3-127.0.0.$((DEVICES + 2)):" \
		"slowest $worst ms, $bad not acknowledged"
	if [ "$held" -ge "$want_min" ] && [ "$held" -le "$want_max" ]; then
		ok "phase $n: 127.0.0.2 holds $held connections ($want_min..$want_max)"
	else
		nok "phase $n: 127.0.0.2 holds $held connections (want $want_min..$want_max)"
	fi
	if [ "$bad" = 0 ] && [ "$worst" -le $((DELIVERY_MAX * 1000)) ]; then
		ok "phase $n: every device batch acknowledged, slowest $worst ms"
	else
		nok "phase $n: $bad batches not acknowledged, slowest $worst ms (limit ${DELIVERY_MAX}s)"
	fi
	# the idle and half-open ones are closed by the connection deadline:
	# every one within 4 x --conn-timeout of the deliveries' end (the
	# timeout runs from their last activity, before the deliveries), the
	# time it took printed
	local sec
	for sec in $(seq 20); do
		sleep 1
		echo >&"${HOLDER[1]}"
		read -r _ held_after <&"${HOLDER[0]}"
		[ "$held_after" = 0 ] && break
	done
	echo "# phase $n: 127.0.0.2 holds $held_after connections ${sec} s after the deliveries (--conn-timeout 5)"
	if [ "$held_after" = 0 ]; then
		ok "phase $n: idle and half-open connections closed by the deadline (${sec} s after the deliveries)"
	else
		nok "phase $n: $held_after connections still open ${sec} s after the deliveries (--conn-timeout 5)"
	fi
	exec {HOLDER[1]}>&-
	stop_pid "$HPID"
	HPID=
	stop_pid "$CPID"
	CPID=
	stored=$("$COLLECTOR" query --db "$T/db.sqlite" --json | wc -l)
	want=$((n * DEVICES * BATCHES * 3))
	if [ "$stored" = "$want" ]; then
		ok "phase $n: $stored findings stored, none lost or doubled"
	else
		nok "phase $n: $stored findings stored, want $want"
	fi
}

echo "# hostile load: $HOLD connections from 127.0.0.2, $DEVICES devices"
phase 1 64 1 64
phase 2 0 $((HOLD * 9 / 10)) "$HOLD"
echo "$PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
