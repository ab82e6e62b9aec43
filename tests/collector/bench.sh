#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
# Collector ingest benchmark on loopback: AGENTS concurrent agents (own client
# certificates), each posting BATCHES batches of FINDINGS findings, one TLS
# connection per batch with session resumption, against the production
# build. Writes a Markdown section to stdout; bounded by `timeout`.
#   COLLECTOR, BENCH (bench_ingest binary), AGENTS=50 BATCHES=20 FINDINGS=50
# Then the scale-out table: the same load against SQLite and against
# PostgreSQL (a server started for it, tests/collector/pg.sh) with 1, 2 and 3
# collectors, each beside a raw batched INSERT of the same rows into the
# same database (one client, one transaction per batch of FINDINGS rows) as
# the bound. SCALE=0 skips it.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
COLLECTOR=${COLLECTOR:-$ROOT/build/host/iothunt-collector}
BENCH=${BENCH:-$ROOT/build/host/collector/tests/bench_ingest}
AGENTS=${AGENTS:-50}
BATCHES=${BATCHES:-20}
FINDINGS=${FINDINGS:-50}
T=$(mktemp -d /tmp/iothunt-collector-bench.XXXXXX)
CPID=

. "$ROOT/tests/collector/pg.sh"
SPIDS=()

stop_pid() {
	[ -n "$1" ] || return 0
	kill -TERM "$1" 2>/dev/null
	for _ in $(seq 50); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
	kill -KILL "$1" 2>/dev/null
	wait "$1" 2>/dev/null
}

cleanup() {
	stop_pid "$CPID"
	for p in "${SPIDS[@]}"; do stop_pid "$p"; done
	pg_stop immediate
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
stop_pid "$CPID"
CPID=
ok=0
[ "$rc" -eq 0 ] && [ "$rc2" -eq 0 ] && [ "$stored" = "$want" ] && [ "$stored2" = "$want" ] && ok=1
[ "${SCALE:-1}" = 0 ] && { [ $ok = 1 ]; exit $?; }

# ---- scale-out: SQLite and PostgreSQL with 1, 2, 3 collectors vs raw INSERT ----
# rows.py KIND AGENTS BATCHES FINDINGS: SQL of the same rows the agents send
# (as the collector stores them), one transaction per batch
cat >"$T/rows.py" <<'PY'
import json, sys, time
kind, agents, batches, findings = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
now = int(time.time())
out = sys.stdout
if kind == "sqlite":
    out.write("PRAGMA journal_mode=WAL;\nPRAGMA synchronous=FULL;\n")
for b in range(batches):
    for a in range(agents):
        rows = []
        for i in range(findings):
            seq = b * findings + i + 1
            obj = {"type": "ioc_connection", "severity": "high",
                   "summary": "bench %d finding %d" % (a, seq), "ts": 1700000000,
                   "seq": seq, "local": "192.168.1.%d:40000" % (a % 250 + 1),
                   "remote": "103.245.27.100:80", "pid": i + 100, "exe": "/tmp/.x",
                   "ioc": "103.245.27.100:80", "ioc_source": "threatfox",
                   "agent": "raw-%03d" % a, "received": now}
            j = json.dumps(obj, separators=(",", ":")).replace("'", "''")
            rows.append("('raw-%03d',%d,'ioc_connection','high',1700000000,%d,'%s')" % (a, seq, now, j))
        if kind == "sqlite":
            out.write("BEGIN;\n")
        out.write("INSERT INTO findings (agent,seq,type,severity,ts,received,json) VALUES %s;\n" % ",".join(rows))
        if kind == "sqlite":
            out.write("COMMIT;\n")
PY
now_s() { date +%s.%N; }
rate() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%d", n / (b - a) }'; }

start_scale() { # LOG STORE: start a collector, its port in $p
	"$COLLECTOR" --listen 127.0.0.1:0 --cert "$T/certs/collector.crt" --key "$T/certs/collector.key" \
		--client-ca "$T/certs/ca.crt" --store "$2" --silent-check 0 >/dev/null 2>"$1" &
	SPIDS+=($!)
	for _ in $(seq 100); do
		p=$(sed -n 's/.*listening on 127\.0\.0\.1 port \([0-9]*\),.*/\1/p' "$1")
		[ -n "$p" ] && return 0
		sleep 0.1
	done
	cat "$1" >&2
	return 1
}

rows=$((AGENTS * BATCHES * FINDINGS))
python3 "$T/rows.py" sqlite "$AGENTS" "$BATCHES" "$FINDINGS" >"$T/raw-sqlite.sql"
python3 "$T/rows.py" pg "$AGENTS" "$BATCHES" "$FINDINGS" >"$T/raw-pg.sql"
# the same rows in one transaction: what the database takes without a
# commit per batch (the ceiling group commit works towards)
{ grep '^PRAGMA' "$T/raw-sqlite.sql"; echo "BEGIN;"
  grep -v '^BEGIN;$\|^COMMIT;$\|^PRAGMA' "$T/raw-sqlite.sql"; echo "COMMIT;"; } >"$T/raw1-sqlite.sql"
{ echo "BEGIN;"; cat "$T/raw-pg.sql"; echo "COMMIT;"; } >"$T/raw1-pg.sql"
TABLE=()

# SQLite: the collector into a fresh file, the raw INSERT into another
start_scale "$T/s-sqlite.log" "$T/scale.sqlite" || exit 2
t0=$(now_s); timeout 300 "$BENCH" "$p" "$T/certs" "$AGENTS" "$BATCHES" "$FINDINGS" >"$T/s-sqlite.out"; src=$?; t1=$(now_s)
for x in "${SPIDS[@]}"; do stop_pid "$x"; done; SPIDS=()
# the collector's schema in a fresh file for the raw INSERT
start_scale "$T/raw-schema.log" "$T/raw.sqlite" || exit 2
for x in "${SPIDS[@]}"; do stop_pid "$x"; done; SPIDS=()
cp "$T/raw.sqlite" "$T/raw1.sqlite"
r0=$(now_s); sqlite3 "$T/raw.sqlite" <"$T/raw-sqlite.sql" >/dev/null; r1=$(now_s)
q0=$(now_s); sqlite3 "$T/raw1.sqlite" <"$T/raw1-sqlite.sql" >/dev/null; q1=$(now_s)
c=$(val findings_per_s "$T/s-sqlite.out")
r=$(rate "$rows" "$r0" "$r1")
r1x=$(rate "$rows" "$q0" "$q1")
n=$("$COLLECTOR" query --db "$T/scale.sqlite" --json | wc -l)
TABLE+=("| SQLite (WAL, synchronous=FULL) | 1 | $c | $r | $((c * 100 / r)) % | $r1x | $((c * 100 / r1x)) % | $n of $rows; errors $(val errors "$T/s-sqlite.out") |")
[ "$src" = 0 ] || ok=0

# PostgreSQL: one server; for each collector count a fresh schema
pg_start "$T/pg" >/dev/null || exit 2
for k in 1 2 3; do
	pg_sql "DROP SCHEMA public CASCADE; CREATE SCHEMA public" >/dev/null 2>&1
	ports=""
	for i in $(seq "$k"); do
		start_scale "$T/s-pg$k-$i.log" "$PG_URL" || exit 2
		ports=${ports:+$ports,}$p
	done
	timeout 300 "$BENCH" "$ports" "$T/certs" "$AGENTS" "$BATCHES" "$FINDINGS" >"$T/s-pg$k.out"; src=$?
	n=$(pg_sql "SELECT count(*) FROM findings")
	[ "$src" = 0 ] && [ "$n" = "$rows" ] || ok=0
	for x in "${SPIDS[@]}"; do stop_pid "$x"; done; SPIDS=()
	# the bound: the same rows into the same (emptied) table, one client
	pg_sql "TRUNCATE findings" >/dev/null
	r0=$(now_s); "$PG_BIN/psql" -X -q -h "$PG_DIR" -U iothunt -d iothunt -f "$T/raw-pg.sql" >/dev/null; r1=$(now_s)
	pg_sql "TRUNCATE findings" >/dev/null
	q0=$(now_s); "$PG_BIN/psql" -X -q -h "$PG_DIR" -U iothunt -d iothunt -f "$T/raw1-pg.sql" >/dev/null; q1=$(now_s)
	c=$(val findings_per_s "$T/s-pg$k.out")
	r=$(rate "$rows" "$r0" "$r1")
	r1x=$(rate "$rows" "$q0" "$q1")
	TABLE+=("| PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') | $k | $c | $r | $((c * 100 / r)) % | $r1x | $((c * 100 / r1x)) % | $n of $rows; errors $(val errors "$T/s-pg$k.out") |")
done

echo
echo "## Collector scale-out: SQLite, PostgreSQL with 1-3 collectors"
echo
echo "The same load ($AGENTS agents x $BATCHES batches x $FINDINGS findings, one TLS connection"
echo "per batch, sessions resumed) against each store; with several collectors agent i"
echo "talks to collector i mod k, all on one PostgreSQL server (Unix socket, fsync on,"
echo "default settings but shared_buffers 64 MB). The bound: the same $rows rows,"
echo "as the collector stores them, written by one client with a raw batched INSERT"
echo "($FINDINGS rows per INSERT, one transaction each) into the same database;"
echo "ratio = collector / bound. A second bound puts all $rows rows in one"
echo "transaction (no commit per batch: the most the database takes here)."
echo "SQLite commits batches from many connections"
echo "together (group commit); PostgreSQL runs batches in parallel on up to 32"
echo "connections per collector. Everything on this 2-core host, so the"
echo "collectors, the load generator and the database share the same two cores."
echo
echo "| store | collectors | collector findings/s | raw INSERT rows/s (a transaction per batch) | ratio | raw INSERT rows/s (one transaction) | ratio | stored |"
echo "|---|---:|---:|---:|---:|---:|---:|---|"
for l in "${TABLE[@]}"; do echo "$l"; done
echo
echo "Measured with: \`make bench\` (part bench-collector, tests/collector/bench.sh)."
[ $ok = 1 ]
