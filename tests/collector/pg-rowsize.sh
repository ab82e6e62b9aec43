#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
# pg-rowsize.sh - bytes a stored summary row takes in PostgreSQL with the
# collector's schema and indexes (docs/SCALE.md): a server from pg.sh, the
# collector started once on it (migrations, partitions), ROWS rows like the
# collector's inserted, then sum(pg_total_relation_size) / count(*).
#   COLLECTOR (default build/host/iothunt-collector), ROWS (default 500000)
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
COLLECTOR=${COLLECTOR:-build/host/iothunt-collector}
ROWS=${ROWS:-500000}
. tests/collector/pg.sh
W=$(mktemp -d /tmp/iothunt-rowsize-XXXXXX)
CP=
cleanup() {
	[ -n "$CP" ] && kill "$CP" 2>/dev/null && wait "$CP" 2>/dev/null
	pg_stop immediate
	rm -rf "$W"
}
trap cleanup EXIT
trap 'exit 2' INT TERM
pg_start "$W/pg" >/dev/null || exit 1
scripts/mkcerts.sh "$W/c" >/dev/null 2>&1 || exit 1
"$COLLECTOR" --listen 127.0.0.1:0 --cert "$W/c/collector.crt" --key "$W/c/collector.key" \
	--client-ca "$W/c/ca.crt" --store "$PG_URL" 2>"$W/log" &
CP=$!
for _ in $(seq 100); do grep -q "listening on" "$W/log" && break; sleep 0.1; done
kill "$CP"; wait "$CP" 2>/dev/null; CP=
now=$(date +%s)
pg_sql "INSERT INTO findings (agent, seq, type, severity, ts, received, json)
 SELECT 'router-' || lpad((g % 100000)::text, 7, '0'), g, 'summary', 'low', $now, $now,
  '{\"type\":\"summary\",\"severity\":\"low\",\"summary\":\"clean: 0 finding(s); 84 processes, 37 sockets, 1204 IOCs checked\",\"ts\":' || $now || ',\"seq\":' || g || ',\"interval\":900,\"verdict\":\"clean\",\"agent\":\"router-' || lpad((g % 100000)::text, 7, '0') || '\",\"received\":' || $now || '}'
 FROM generate_series(1, $ROWS) g" >/dev/null || exit 1
pg_sql "VACUUM ANALYZE findings" >/dev/null
pg_sql "SELECT 'rows ' || (SELECT count(*) FROM findings) || ', json ' || (SELECT round(avg(length(json))) FROM findings) || ' bytes, total ' || pg_size_pretty(sum(pg_total_relation_size(i.inhrelid))) || ', ' || round(sum(pg_total_relation_size(i.inhrelid)) / (SELECT count(*) FROM findings)) || ' bytes per row' FROM pg_inherits i WHERE i.inhparent = 'findings'::regclass"
