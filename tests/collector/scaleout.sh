#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
# scaleout.sh - fault test of several collectors on one PostgreSQL.
#
# A PostgreSQL server (tests/collector/pg.sh) and 3 collectors sharing it;
# 50 simulated agents (tests/collector/fleet_sim.c: ordered collector
# lists, failover, backoff, resend of what is not acked). Mid-stream one
# collector is killed with SIGKILL and restarted on its port, then
# PostgreSQL is restarted (immediate stop: a crash, then recovery). At the
# end it prints the findings sent, stored, lost and duplicated; lost and
# duplicated must be 0 and every agent must have everything acked.
# Also: an agent that falls silent is reported by exactly one collector
# (the silent-check lease).
# Bounded: the simulated fleet stops at DEADLINE seconds, the whole test is
# under `timeout` in the make target. Every process started here is
# stopped on exit, also on failure.
#   COLLECTOR, SIM (fleet_sim binary), AGENTS=50 FINDINGS=1000 BATCH=10
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
COLLECTOR=${COLLECTOR:-$ROOT/build/host/iothunt-collector}
SIM=${SIM:-$ROOT/build/host/collector/tests/fleet_sim}
AGENTS=${AGENTS:-50}
FINDINGS=${FINDINGS:-1000}   # 100 paced batches per agent: at least 15 s of sending, longer than the fault window (about 10 s) on any machine
BATCH=${BATCH:-10}
PACE_MS=${PACE_MS:-150}
DEADLINE=${DEADLINE:-180}
T=$(mktemp -d /tmp/iothunt-scaleout.XXXXXX)
PASS=0
FAIL=0
CPIDS=("" "" "")
PORTS=("" "" "")
SPID=

ok() { PASS=$((PASS + 1)); echo "ok - $*"; }
nok() { FAIL=$((FAIL + 1)); echo "not ok - $*"; }

. "$ROOT/tests/collector/pg.sh"

stop_pid() {
	[ -n "$1" ] || return 0
	kill -TERM "$1" 2>/dev/null
	for _ in $(seq 50); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
	kill -KILL "$1" 2>/dev/null
	wait "$1" 2>/dev/null
}
cleanup() {
	stop_pid "$SPID"
	for i in 0 1 2; do stop_pid "${CPIDS[$i]}"; done
	pg_stop immediate
	[ "${KEEP:-0}" = 1 ] && echo "# kept $T" || rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 2' INT TERM

finish() {
	echo "$PASS passed, $FAIL failed"
	[ "$FAIL" = 0 ]
	exit $?
}

start_collector() { # INDEX PORT(0: pick one)
	local i=$1 log=$T/c$1.log
	echo "# start collector $i" >>"$log"
	"$COLLECTOR" --listen "127.0.0.1:$2" --cert "$T/certs/collector.crt" \
		--key "$T/certs/collector.key" --client-ca "$T/certs/ca.crt" \
		--store "$PG_URL" --silent-check 1 2>>"$log" &
	CPIDS[$i]=$!
	for _ in $(seq 100); do
		p=$(sed -n 's/.*listening on 127\.0\.0\.1 port \([0-9]*\),.*/\1/p' "$log" | tail -n 1)
		if [ -n "$p" ] && [ "$(grep -c 'listening on' "$log")" -ge "$(grep -c '^# start' "$log")" ]; then
			PORTS[$i]=$p
			return 0
		fi
		kill -0 "${CPIDS[$i]}" 2>/dev/null || break
		sleep 0.1
	done
	cat "$log" >&2
	return 1
}

ids=$(seq -f 'bench-%03g' 0 $((AGENTS - 1)))
# shellcheck disable=SC2086
"$ROOT/scripts/mkcerts.sh" "$T/certs" quiet $ids >/dev/null 2>&1 || {
	nok "mkcerts"; finish; }
pg_start "$T/pg" || { nok "PostgreSQL did not start"; finish; }
echo "# $("$PG_BIN/postgres" --version), socket in $T/pg"
for i in 0 1 2; do
	start_collector "$i" 0 || { nok "collector $i did not start"; finish; }
done
echo "# collectors on ports ${PORTS[*]}"

# one agent that reports a heartbeat (interval 1 s) and then falls silent
printf '{"type":"summary","severity":"low","summary":"ok","ts":1700000000,"seq":1,"interval":1}\n' >"$T/hb"
hb=$(timeout 20 curl -sS -o /dev/null -w '%{http_code}' --cacert "$T/certs/ca.crt" \
	--cert "$T/certs/devices/quiet.crt" --key "$T/certs/devices/quiet.key" \
	-H 'Content-Type: application/x-ndjson' --data-binary "@$T/hb" \
	"https://127.0.0.1:${PORTS[0]}/v1/findings")
[ "$hb" = 200 ] && ok "heartbeat of the agent that falls silent" || nok "heartbeat: $hb"

t0=$(date +%s.%N)
"$SIM" "$T/certs" "$AGENTS" "$FINDINGS" "$BATCH" "$PACE_MS" "$DEADLINE" \
	"${PORTS[@]}" >"$T/sim.out" 2>"$T/sim.err" &
SPID=$!

# faults, while the fleet is sending
sleep 3
kill -KILL "${CPIDS[1]}"
wait "${CPIDS[1]}" 2>/dev/null
CPIDS[1]=
echo "# $(date -u +%T) collector 1 killed (SIGKILL)"
sleep 2
if start_collector 1 "${PORTS[1]}"; then
	echo "# $(date -u +%T) collector 1 restarted on port ${PORTS[1]}"
	ok "collector 1 restarted after SIGKILL"
else
	nok "collector 1 did not restart"
fi
sleep 2
echo "# $(date -u +%T) PostgreSQL: immediate stop (crash)"
pg_stop immediate
sleep 2
if pg_launch; then
	echo "# $(date -u +%T) PostgreSQL restarted (crash recovery)"
	ok "PostgreSQL restarted mid-stream"
else
	nok "PostgreSQL did not restart"
fi
sim_running=0
kill -0 "$SPID" 2>/dev/null && sim_running=1

wait "$SPID"
src=$?
SPID=
t1=$(date +%s.%N)
cat "$T/sim.out" | sed 's/^/# fleet: /'
[ "$sim_running" = 1 ] && ok "the fleet was still sending when the faults were over" ||
	nok "the fleet finished before the faults (raise FINDINGS)"

sent=$(sed -n 's/^sent //p' "$T/sim.out")
stored=$(pg_sql "SELECT count(*) FROM findings WHERE agent LIKE 'bench-%'")
distinct=$(pg_sql "SELECT count(*) FROM (SELECT DISTINCT agent, seq FROM findings WHERE agent LIKE 'bench-%' AND seq BETWEEN 1 AND $FINDINGS) d")
lost=$((sent - distinct))
dup=$((stored - distinct))
failovers=$(sed -n 's/^posts .* failovers //p' "$T/sim.out")
echo "findings sent $sent, stored $stored, lost $lost, duplicated $dup" \
	"($AGENTS agents, 3 collectors, $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s, $failovers failovers)"
[ "$src" = 0 ] && ok "every agent got all its findings acked" || nok "fleet_sim exit $src"
[ "$lost" = 0 ] && ok "lost 0" || nok "lost $lost"
[ "$dup" = 0 ] && ok "duplicated 0" || nok "duplicated $dup"
[ "$((stored))" -eq "$((AGENTS * FINDINGS))" ] && ok "stored = sent" || nok "stored $stored of $sent"

# the silent agent: exactly one agent_silent, raised by exactly one collector
for _ in $(seq 100); do
	n=$(pg_sql "SELECT count(*) FROM findings WHERE agent = 'quiet' AND type = 'agent_silent'")
	[ "$n" -ge 1 ] && break
	sleep 0.1
done
sleep 3
n=$(pg_sql "SELECT count(*) FROM findings WHERE agent = 'quiet' AND type = 'agent_silent'")
raisers=$(grep -l "agent quiet is silent" "$T"/c*.log | wc -l)
echo "# agent_silent for 'quiet': $n stored, raised by $raisers collector(s)"
[ "$n" = 1 ] && [ "$raisers" = 1 ] && ok "one collector raised agent_silent, once" ||
	nok "agent_silent stored $n times by $raisers collectors"
holders=$(pg_sql "SELECT count(*) FROM leases WHERE name = 'silent'")
[ "$holders" = 1 ] && ok "one silent-check lease" || nok "leases: $holders"

# every collector still serves after the faults
for i in 0 1 2; do
	code=$(timeout 20 curl -sS -o /dev/null -w '%{http_code}' --cacert "$T/certs/ca.crt" \
		--cert "$T/certs/devices/bench-000.crt" --key "$T/certs/devices/bench-000.key" \
		"https://127.0.0.1:${PORTS[$i]}/v1/health")
	[ "$code" = 200 ] && ok "collector $i answers after the faults" || nok "collector $i: $code"
done
grep -h "store: postgresql" "$T"/c*.log | sed 's/^[^ ]* //' | sort | uniq -c | sort -rn | head -5 | sed 's/^/# log: /'
finish
