#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# tests/torture/run.sh - run the torture harness (host, then MIPS under qemu
# on QEMU_CPUS) with a collector on 127.0.0.1 for its delivery part: the
# collector (build/host/iothunt-collector) on a free port, certificates
# made for this run by scripts/mkcerts.sh.  Results go through
# scripts/run-tests.sh; ends with its PASS/FAIL lines.
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
cd "$TOP"
T=build/torture
COLLECTOR=build/host/iothunt-collector
CPID=
cleanup() {
    [ -n "$CPID" ] && kill -TERM "$CPID" 2>/dev/null && wait "$CPID" 2>/dev/null
    rm -rf "$T/db"
}
trap cleanup EXIT
for f in "$COLLECTOR" build/host/tests/torture build/mips/tests/torture; do
    [ -x "$f" ] || { echo "torture: missing $f" >&2; exit 2; }
done
rm -rf "$T" && mkdir -p "$T/db"
scripts/mkcerts.sh "$T/certs" torture >/dev/null 2>&1 || { echo "torture: mkcerts failed" >&2; exit 1; }
"$COLLECTOR" --listen 127.0.0.1:0 --cert "$T/certs/collector.crt" --key "$T/certs/collector.key" \
    --client-ca "$T/certs/ca.crt" --db "$T/db/collector.db" 2>"$T/collector.log" &
CPID=$!
for _ in $(seq 100); do grep -q "listening on" "$T/collector.log" && break; sleep 0.1; done
PORT=$(sed -n 's/.*listening on 127\.0\.0\.1 port \([0-9]*\).*/\1/p' "$T/collector.log" | tail -n 1)
[ -n "$PORT" ] || { echo "torture: the collector did not start" >&2; cat "$T/collector.log"; exit 1; }
export TORTURE_COLLECTOR=127.0.0.1:$PORT TORTURE_CERTS=$TOP/$T/certs
st=0
scripts/run-tests.sh host build/host/tests/torture || st=1
# qemu is slower: 2 failure points of the delivery (each a TLS handshake, ~15 s);
# its TLS with 1-byte reads takes qemu minutes: host only
TEST_ARGS="--deliver-points 2 --no-deliver-reads" scripts/run-tests.sh mips build/mips/tests/torture || st=1
exit $st
