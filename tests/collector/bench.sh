#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
# Collector ingest benchmark on loopback: AGENTS concurrent agents (own client
# certificates), each posting BATCHES batches of FINDINGS findings, one TLS
# connection per batch with session resumption, against the production
# build. Writes a Markdown section to stdout; bounded by `timeout`.
#   COLLECTOR, BENCH (bench_ingest binary), AGENTS=50 BATCHES=20 FINDINGS=50
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
COLLECTOR=${COLLECTOR:-$ROOT/build/host/iothunt-collector}
BENCH=${BENCH:-$ROOT/build/host/collector/tests/bench_ingest}
AGENTS=${AGENTS:-50}
BATCHES=${BATCHES:-20}
FINDINGS=${FINDINGS:-50}
T=$(mktemp -d /tmp/iothunt-collector-bench.XXXXXX)
CPID=

cleanup() {
	if [ -n "$CPID" ]; then
		kill -TERM "$CPID" 2>/dev/null
		for _ in $(seq 50); do kill -0 "$CPID" 2>/dev/null || break; sleep 0.1; done
		kill -KILL "$CPID" 2>/dev/null
		wait "$CPID" 2>/dev/null
	fi
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 2' INT TERM

ids=$(seq -f 'bench-%03g' 0 $((AGENTS - 1)))
# shellcheck disable=SC2086
"$ROOT/scripts/mkcerts.sh" "$T/certs" $ids || exit 2
"$COLLECTOR" --listen 127.0.0.1:0 --cert "$T/certs/collector.crt" --key "$T/certs/collector.key" \
	--client-ca "$T/certs/ca.crt" --db "$T/db.sqlite" --max-conns 128 \
	--jsonl "$T/out.jsonl" 2>"$T/collector.log" &
CPID=$!
PORT=
for _ in $(seq 100); do
	PORT=$(sed -n 's/.*listening on 127\.0\.0\.1 port \([0-9]*\),.*/\1/p' "$T/collector.log")
	[ -n "$PORT" ] && break
	sleep 0.1
done
[ -n "$PORT" ] || { cat "$T/collector.log" >&2; exit 2; }

timeout 300 "$BENCH" "$PORT" "$T/certs" "$AGENTS" "$BATCHES" "$FINDINGS" >"$T/bench.out"
rc=$?
stored=$("$COLLECTOR" query --db "$T/db.sqlite" --json | wc -l | tr -d ' ')
want=$((AGENTS * BATCHES * FINDINGS))
# a second pass resending everything: all duplicates, nothing stored twice
timeout 300 "$BENCH" "$PORT" "$T/certs" "$AGENTS" "$BATCHES" "$FINDINGS" 0 \
	$((BATCHES * FINDINGS)) >"$T/bench2.out"
rc2=$?
stored2=$("$COLLECTOR" query --db "$T/db.sqlite" --json | wc -l | tr -d ' ')

val() { sed -n "s/^$1 //p" "$2"; }
echo "## Collector ingest"
echo
echo "\`iothunt-collector\` (production build, SQLite WAL, synchronous=FULL, one"
echo "transaction per batch) on 127.0.0.1; $AGENTS concurrent agents with their own client"
echo "certificates, each posting $BATCHES batches of $FINDINGS findings, one TLS connection per"
echo "batch (as an agent's report cycle), TLS sessions resumed after the first."
echo
echo "| run | findings/s | batch latency p50 / p99 / max (ms) | TLS resumed | errors | stored |"
echo "|---|---:|---:|---:|---:|---:|"
echo "| new findings | $(val findings_per_s "$T/bench.out") | $(val latency_ms "$T/bench.out" | sed 's/p50 //; s/ p99 / \/ /; s/ max / \/ /') | $(val resumed "$T/bench.out") | $(val errors "$T/bench.out") | $stored of $want |"
echo "| same batches again (all duplicates) | $(val findings_per_s "$T/bench2.out") | $(val latency_ms "$T/bench2.out" | sed 's/p50 //; s/ p99 / \/ /; s/ max / \/ /') | $(val resumed "$T/bench2.out") | $(val errors "$T/bench2.out") | $stored2 of $want |"
echo
echo "Measured with: \`make -f collector/collector.mk bench-collector\` (tests/collector/bench.sh)."
[ "$rc" -eq 0 ] && [ "$rc2" -eq 0 ] && [ "$stored" = "$want" ] && [ "$stored2" = "$want" ]
