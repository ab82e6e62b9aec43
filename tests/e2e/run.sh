#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# tests/e2e/run.sh AGENT: end-to-end delivery with injected faults.
#
# The MIPS agent (AGENT, run under qemu-mips-static) reports to
# build/host/iothunt-collector on 127.0.0.1 (free ports only), through a
# connection-cutting relay (tests/e2e/tcpcut.c) where asked.  Faults: the
# relay cuts connections at many byte offsets, the collector is killed with
# SIGKILL mid-stream and restarted, the agent is killed with SIGKILL while
# writing its spool.  Afterwards every finding spooled is in the database
# exactly once (counted per run, by seq and by the synthetic index "n").
# Must-fail cases: a collector with a certificate from another CA (the agent
# refuses), an unknown client certificate (the collector refuses), lines and
# bodies the collector refuses with 400/413 (the agent drops only the line
# at fault, delivers the rest and does not loop).
#
# Bounded: every process has a timeout, loops have fixed counts, and every
# process started here is killed on exit.  Prints PASS/FAIL lines; exit 1
# when any check failed.
set -u
agent=$1
qemu=${QEMU:-qemu-mips-static}
cpu=${E2E_CPU:-24Kc}
collector=${COLLECTOR:-build/host/iothunt-collector}
work=build/test-out/e2e
freeport=build/host/tests/freeport
tcpcut=build/host/tests/tcpcut
rm -rf "$work"
mkdir -p "$work"
for f in "$agent" "$collector" "$freeport" "$tcpcut"; do
    [ -x "$f" ] || { echo "FAIL e2e: $f missing"; exit 1; }
done
command -v sqlite3 >/dev/null || { echo "FAIL e2e: sqlite3 missing"; exit 1; }
command -v python3 >/dev/null || { echo "FAIL e2e: python3 missing"; exit 1; }

fails=0
pids=()
pass() { echo "PASS $*"; }
fail() { echo "FAIL $*"; fails=$((fails + 1)); }
cleanup() {
    local p
    for p in "${pids[@]}"; do
        kill -9 "$p" 2>/dev/null
    done
    wait 2>/dev/null
}
trap cleanup EXIT INT TERM

certs=$work/certs
scripts/mkcerts.sh "$certs" e2e-dev1 e2e-dev2 e2e-dev3 >/dev/null 2>&1 || { echo "FAIL e2e: mkcerts"; exit 1; }

wait_port() { # PORT: wait (5 s max) until something listens on 127.0.0.1:PORT
    local i
    for i in $(seq 50); do
        ss -ltnH "sport = :$1" 2>/dev/null | grep -q . && return 0
        sleep 0.1
    done
    return 1
}

# start_collector NAME PORT DB CERT KEY [ARGS...]: sets $coll_pid
start_collector() {
    local name=$1 port=$2 db=$3 cert=$4 key=$5
    shift 5
    # no wrapper: $coll_pid must be the collector itself (SIGKILL test);
    # the EXIT trap ends it
    "$collector" --listen "127.0.0.1:$port" --cert "$cert" --key "$key" \
        --client-ca "$certs/ca.crt" --db "$db" "$@" >>"$work/$name.log" 2>&1 &
    coll_pid=$!
    pids+=("$coll_pid")
    wait_port "$port" || { fail "$name: collector did not start"; cat "$work/$name.log"; exit 1; }
}

# conf FILE PORT DEVICE [KEY=VALUE lines]: an agent configuration; the
# extra lines replace the defaults of the same keys
conf() {
    local file=$1 port=$2 dev=$3 l d k
    shift 3
    {
        for d in "collector = 127.0.0.1:$port" \
                 "ca = $PWD/$certs/ca.crt" \
                 "cert = $PWD/$certs/devices/$dev.crt" \
                 "key = $PWD/$certs/devices/$dev.key" \
                 "spool_path = $PWD/$work/spool-$dev/q" \
                 "state_path = $PWD/$work/spool-$dev/seq" \
                 "spool_max_bytes = 4194304" \
                 "timeout = 5" \
                 "batch_max_bytes = 16384" \
                 "builtin = no" \
                 "resolve = no"; do
            k=${d%% *}
            for l in "$@"; do
                [ "${l%% *}" = "$k" ] && continue 2
            done
            echo "$d"
        done
        for l in "$@"; do echo "$l"; done
    } >"$file"
}

agent() { # CONF ARGS...: run the MIPS agent, bounded
    local c=$1
    shift
    timeout 120 "$qemu" -cpu "$cpu" "$agent" "$@" --config "$c"
}

db=$work/db.sqlite
q() { sqlite3 "$db" "$1"; }

port=$("$freeport")
start_collector collector "$port" "$db" "$certs/collector.crt" "$certs/collector.key"
conf "$work/dev1.conf" "$port" e2e-dev1

# --- 1. clean delivery: 300 findings + summary, also on the r1 CPU -----------
out=$(E2E_CPU=4Kc; timeout 120 "$qemu" -cpu 4Kc "$agent" report --synthetic 300 --config "$work/dev1.conf" 2>&1)
rc=$?
n=$(q "select count(*) from findings where agent='e2e-dev1' and json_extract(json,'$.summary') like '% of 300'")
if [ $rc -eq 1 ] && [ "$n" = 300 ]; then
    pass "clean report (4Kc): 300 findings stored, exit 1 (findings); $out"
else
    fail "clean report: rc $rc, $n stored: $out"
fi

# --- 1b. a real hunt: report on the infected --root fixture -------------------
fx=$PWD/tests/data/fixtures
conf "$work/fixture.conf" "$port" e2e-dev3 "root = $fx/infected" "iocs = $fx/infected.iocs" \
    "builtin = yes"
want=$(timeout 120 "$qemu" -cpu "$cpu" "$agent" scan --root "$fx/infected" --iocs "$fx/infected.iocs" \
    --json 2>/dev/null | grep -vc '"type":"summary"')
out=$(agent "$work/fixture.conf" report 2>&1)
rc=$?
got=$(q "select count(*) from findings where agent='e2e-dev3' and type not in ('summary', 'endpoints')")
verdict=$(q "select json_extract(json,'$.verdict') from findings where agent='e2e-dev3' and type='summary'")
if [ $rc -eq 1 ] && [ "$want" -gt 0 ] && [ "$got" = "$want" ] && [ "$verdict" = INFECTED ]; then
    pass "report on the infected fixture: $got findings (as scan --json) and an INFECTED summary stored"
else
    fail "report on the infected fixture: rc $rc, scan found $want, stored $got, verdict '$verdict': $out"
fi

# --- 2. connections cut at many byte offsets ------------------------------------
agent "$work/dev1.conf" report --spool-only --synthetic 401 >/dev/null 2>&1
rport=$("$freeport")
"$tcpcut" "$rport" "$port" 300 0 1 100 517 1500 4000 9000 17000 30000 45000 >"$work/tcpcut.log" 2>&1 &
pids+=($!)
wait_port "$rport" || { fail "relay did not start"; exit 1; }
conf "$work/dev1-cut.conf" "$rport" e2e-dev1
tries=0
while [ $tries -lt 20 ]; do
    tries=$((tries + 1))
    agent "$work/dev1-cut.conf" report --deliver-only >>"$work/cut-agent.log" 2>&1 && break
done
n=$(q "select count(*) from findings where agent='e2e-dev1' and json_extract(json,'$.summary') like '% of 401'")
cuts=$(grep -c 'cut after\|refused' "$work/tcpcut.log")
if [ "$n" = 401 ] && [ "$cuts" -ge 5 ]; then
    pass "cut connections: $cuts cuts, delivered after $tries runs, 401 of 401 stored"
else
    fail "cut connections: $n of 401 stored after $tries runs ($cuts cuts); see $work/cut-agent.log"
fi

# --- 3. collector SIGKILLed mid-stream and restarted ---------------------------
agent "$work/dev1.conf" report --spool-only --synthetic 1500 >/dev/null 2>&1
agent "$work/dev1.conf" report --deliver-only >"$work/kill-agent.log" 2>&1 &
apid=$!
pids+=("$apid")
# kill as soon as the first batch of this run has been committed
for i in $(seq 400); do
    n=$(q "select count(*) from findings where json_extract(json,'$.summary') like '% of 1500'" 2>/dev/null)
    [ "${n:-0}" -gt 0 ] && break
    sleep 0.05
done
kill -9 "$coll_pid"
killed_at=${n:-0}
wait "$apid"
arc=$?
start_collector collector "$port" "$db" "$certs/collector.crt" "$certs/collector.key"
tries=0
while [ $tries -lt 10 ]; do
    tries=$((tries + 1))
    agent "$work/dev1.conf" report --deliver-only >>"$work/kill-agent.log" 2>&1 && break
    sleep 1
done
n=$(q "select count(*) from findings where json_extract(json,'$.summary') like '% of 1500'")
if [ "$killed_at" -gt 0 ] && [ "$killed_at" -lt 1500 ] && [ $arc -eq 2 ] && [ "$n" = 1500 ]; then
    pass "collector SIGKILL after $killed_at of 1500 committed: agent exit 2, then all 1500 stored"
else
    fail "collector SIGKILL: killed at $killed_at, agent exit $arc, $n of 1500 stored"
fi

# --- 4. agent SIGKILLed while writing its spool ---------------------------------
# qemu itself in the background (no wrapper), so the kill hits the agent
"$qemu" -cpu "$cpu" "$agent" report --spool-only --synthetic 50000 --config "$work/dev1.conf" \
    >/dev/null 2>&1 &
apid=$!
pids+=("$apid")
spool=$work/spool-e2e-dev1/q
for i in $(seq 2000); do
    s=$(stat -c %s "$spool" 2>/dev/null || echo 0)
    [ "$s" -gt 200000 ] && break
    sleep 0.01
done
alive=0
kill -0 "$apid" 2>/dev/null && alive=1
kill -9 "$apid" 2>/dev/null
wait "$apid" 2>/dev/null
tries=0
while [ $tries -lt 10 ]; do
    tries=$((tries + 1))
    agent "$work/dev1.conf" report --deliver-only >>"$work/kill9-agent.log" 2>&1 && break
done
# the spool kept a prefix of the run: n = 1..k, each once, no summary line
read -r cnt dist maxn <<<"$(q "select count(*), count(distinct json_extract(json,'$.n')), max(json_extract(json,'$.n')) from findings where json_extract(json,'$.summary') like '% of 50000'" | tr '|' ' ')"
sum=$(q "select count(*) from findings where type='summary' and json_extract(json,'$.findings')=50000")
if [ $alive -eq 1 ] && [ "${cnt:-0}" -gt 0 ] && [ "$cnt" = "$dist" ] && [ "$cnt" = "$maxn" ] &&
   [ "$cnt" -lt 50000 ] && [ "$sum" = 0 ]; then
    pass "agent SIGKILL mid-spool: the first $cnt of 50000 lines kept and stored, each once"
else
    fail "agent SIGKILL mid-spool: alive=$alive count=$cnt distinct=$dist max=$maxn summary=$sum"
fi

# --- 5. daemon: cycles, heartbeat with interval, resumption, SIGTERM -----------
conf "$work/dev2.conf" "$port" e2e-dev2 "interval = 10" "jitter = 0"
agent "$work/dev2.conf" daemon --synthetic 20 --cycles 2 >"$work/daemon.log" 2>&1
drc=$?
hb=$(q "select count(*) from findings where agent='e2e-dev2' and type='summary' and json_extract(json,'$.interval')=10")
n=$(q "select count(*) from findings where agent='e2e-dev2' and type='test_synthetic'")
if [ $drc -eq 0 ] && [ "$hb" = 2 ] && [ "$n" = 40 ]; then
    pass "daemon: 2 cycles, 2 heartbeats (interval 10), 40 findings; $(tail -n 1 "$work/daemon.log")"
else
    fail "daemon: exit $drc, $hb heartbeats, $n findings; $(cat "$work/daemon.log")"
fi
"$qemu" -cpu "$cpu" "$agent" daemon --synthetic 5 --config "$work/dev2.conf" \
    >>"$work/daemon.log" 2>&1 &
apid=$!
pids+=("$apid")
sleep 3
t0=$(date +%s)
kill -TERM "$apid"
# qemu-user delivers the signal to the agent
wait "$apid"
drc=$?
dt=$(($(date +%s) - t0))
if [ $drc -eq 0 ] && [ $dt -le 3 ]; then
    pass "daemon SIGTERM: exit 0 after ${dt}s"
else
    fail "daemon SIGTERM: exit $drc after ${dt}s"
fi

# --- 5b. SIGTERM while the collector does not answer (black hole) -------------
bport=$("$freeport")
python3 -c "import socket,time; s=socket.socket(); s.bind(('127.0.0.1',$bport)); s.listen(8); time.sleep(40)" &
pids+=($!)
wait_port "$bport" || { fail "black hole did not start"; exit 1; }
conf "$work/dev2-hole.conf" "$bport" e2e-dev2 "timeout = 60"
"$qemu" -cpu "$cpu" "$agent" daemon --synthetic 5 --config "$work/dev2-hole.conf" \
    >>"$work/daemon-hole.log" 2>&1 &
apid=$!
pids+=("$apid")
sleep 3
t0=$(date +%s)
kill -TERM "$apid"
wait "$apid"
drc=$?
dt=$(($(date +%s) - t0))
if [ $drc -eq 0 ] && [ $dt -le 3 ]; then
    pass "daemon SIGTERM during a stalled handshake (timeout 60 s): exit 0 after ${dt}s"
else
    fail "daemon SIGTERM while stalled: exit $drc after ${dt}s: $(cat "$work/daemon-hole.log")"
fi

# --- 6. 400 for one bad line: only that line is dropped ------------------------
conf "$work/dev2.conf" "$port" e2e-dev2
agent "$work/dev2.conf" report --spool-only --synthetic 30 >/dev/null 2>&1
last=$(python3 - "$work/spool-e2e-dev2/seq" <<'EOF'
import sys
print(int(open(sys.argv[1]).read()))
EOF
)
bad_seq=$((last + 5))
python3 tests/e2e/spool-inject.py "$work/spool-e2e-dev2/q" "$bad_seq" \
    "{\"type\":\"test_synthetic\",\"summary\":\"no severity\",\"ts\":1,\"seq\":$bad_seq}"
conf "$work/dev2.conf" "$port" e2e-dev2 "state_path = $PWD/$work/spool-e2e-dev2/seq2"
agent "$work/dev2.conf" report --spool-only --synthetic 31 >/dev/null 2>&1
out=$(agent "$work/dev2.conf" report --deliver-only 2>&1)
rc=$?
a=$(q "select count(*) from findings where agent='e2e-dev2' and json_extract(json,'$.summary') like '% of 30'")
b=$(q "select count(*) from findings where agent='e2e-dev2' and json_extract(json,'$.summary') like '% of 31'")
c=$(q "select count(*) from findings where agent='e2e-dev2' and seq=$bad_seq")
if [ $rc -eq 0 ] && [ "$a" = 30 ] && [ "$b" = 31 ] && [ "$c" = 0 ] && grep -q "1 line(s) refused" <<<"$out"; then
    pass "400 on one line: that line dropped, 61 others stored"
else
    fail "400 on one line: rc $rc, $a/30 + $b/31 stored, bad stored $c: $out"
fi

# --- 7. 413 from a small body limit: batches shrink until they fit -------------
port2=$("$freeport")
db2=$work/db-small.sqlite
start_collector collector-small "$port2" "$db2" "$certs/collector.crt" "$certs/collector.key" \
    --max-body 4096
conf "$work/dev2-small.conf" "$port2" e2e-dev2 "batch_max_bytes = 65536"
agent "$work/dev2-small.conf" report --spool-only --synthetic 200 >/dev/null 2>&1
out=$(agent "$work/dev2-small.conf" report --deliver-only 2>&1)
rc=$?
n=$(sqlite3 "$db2" "select count(*) from findings where json_extract(json,'$.summary') like '% of 200'")
if [ $rc -eq 0 ] && [ "$n" = 200 ]; then
    pass "413 from a 4 KiB body limit: batches halved, 200 of 200 stored"
else
    fail "413: rc $rc, $n of 200 stored: $out"
fi
kill -9 "$coll_pid" 2>/dev/null

# --- 8. must fail: collector certificate from another CA -----------------------
port3=$("$freeport")
db3=$work/db-rogue.sqlite
start_collector collector-rogue "$port3" "$db3" "$certs/rogue/collector.crt" \
    "$certs/rogue/collector.key"
conf "$work/dev1-rogue.conf" "$port3" e2e-dev1
out=$(agent "$work/dev1-rogue.conf" report --synthetic 3 2>&1)
rc=$?
n=$(sqlite3 "$db3" "select count(*) from findings" 2>/dev/null || echo 0)
if [ $rc -eq 2 ] && [ "${n:-0}" = 0 ] && grep -q "certificate refused" <<<"$out"; then
    pass "rogue collector certificate refused: $(grep -o 'certificate refused[^;]*' <<<"$out" | head -n 1)"
else
    fail "rogue collector: rc $rc, $n stored: $out"
fi
kill -9 "$coll_pid" 2>/dev/null

# --- 9. must fail: unknown client certificate ----------------------------------
conf "$work/rogue-client.conf" "$port" e2e-dev1 \
    "spool_path = $PWD/$work/spool-rogue/q" "state_path = $PWD/$work/spool-rogue/seq"
sed -i "s|^cert = .*|cert = $PWD/$certs/rogue/client.crt|; s|^key = .*|key = $PWD/$certs/rogue/client.key|" \
    "$work/rogue-client.conf"
before=$(q "select count(*) from findings")
out=$(agent "$work/rogue-client.conf" report --synthetic 3 2>&1)
rc=$?
st=$(agent "$work/rogue-client.conf" selftest 2>&1)
src=$?
after=$(q "select count(*) from findings")
if [ $rc -eq 2 ] && [ "$before" = "$after" ] && [ $src -eq 2 ]; then
    pass "unknown client certificate refused by the collector (agent exit 2, selftest exit 2)"
else
    fail "unknown client: rc $rc selftest $src, rows $before -> $after: $out / $st"
fi

# --- 10. selftest against the real collector ----------------------------------
st=$(agent "$work/dev1.conf" selftest 2>&1)
src=$?
if [ $src -eq 0 ] && grep -q "^OK   identity" <<<"$st"; then
    pass "selftest: $(grep -c '^OK' <<<"$st") checks OK"
else
    fail "selftest: exit $src: $st"
fi

# --- 11. OpenWrt: the configuration generated from UCI works as it is -------
# (uci2iothunt.sh run by the MIPS busybox when the rootfs is built, else sh)
ushell=sh
[ -x build/rootfs/bin/busybox ] && ushell="$qemu -cpu $cpu build/rootfs/bin/busybox sh"
{
    echo "iothunt.agent=agent"
    echo "iothunt.agent.collector='127.0.0.1:$port'"
    echo "iothunt.agent.ca='$PWD/$certs/ca.crt'"
    echo "iothunt.agent.cert='$PWD/$certs/devices/e2e-dev1.crt'"
    echo "iothunt.agent.key='$PWD/$certs/devices/e2e-dev1.key'"
    echo "iothunt.agent.spool_path='$PWD/$work/spool-e2e-dev1/q'"
    echo "iothunt.agent.state_path='$PWD/$work/spool-e2e-dev1/seq'"
    echo "iothunt.agent.builtin='no'"
    echo "iothunt.agent.iocs='$PWD/tests/data/fixtures/infected.iocs' '$PWD/tests/data/fixtures/infected.iocs'"
} >"$work/uci-show.txt"
UCI=tests/e2e/uci-stub.sh UCI_SHOW=$work/uci-show.txt $ushell scripts/uci2iothunt.sh >"$work/uci.conf" 2>"$work/uci.err"
urc=$?
st=$(agent "$work/uci.conf" selftest 2>&1)
src=$?
echo "iothunt.agent.device_id='x'" >>"$work/uci-show.txt"
UCI=tests/e2e/uci-stub.sh UCI_SHOW=$work/uci-show.txt $ushell scripts/uci2iothunt.sh >/dev/null 2>&1
brc=$?
if [ $urc -eq 0 ] && [ $src -eq 0 ] && [ "$(grep -c '^iocs = ' "$work/uci.conf")" = 2 ] && [ $brc -eq 2 ]; then
    pass "uci2iothunt ($ushell): generated config passes selftest; an unknown option is refused"
else
    fail "uci2iothunt: rc $urc, selftest $src, bad-option rc $brc: $(cat "$work/uci.err") $st"
fi

# --- 12. collector failover: an ordered list, back to the first when it is up ---
fa=$("$freeport")
fb=$("$freeport")
dba=$work/db-first.sqlite
dbb=$work/db-second.sqlite
start_collector collector-second "$fb" "$dbb" "$certs/collector.crt" "$certs/collector.key"
conf "$work/dev3-list.conf" "$fa" e2e-dev3 "collector = 127.0.0.1:$fa, 127.0.0.1:$fb" \
    "spool_path = $PWD/$work/spool-list/q" "state_path = $PWD/$work/spool-list/seq"
out=$(agent "$work/dev3-list.conf" report --synthetic 20 2>&1)
rc=$?
nb=$(sqlite3 "$dbb" "select count(*) from findings where json_extract(json,'$.summary') like '% of 20'")
if [ $rc -eq 1 ] && [ "$nb" = 20 ] && grep -q "trying 127.0.0.1:$fb" <<<"$out"; then
    pass "failover: first collector down, 20 of 20 delivered to the second"
else
    fail "failover: rc $rc, $nb of 20 on the second: $out"
fi
start_collector collector-first "$fa" "$dba" "$certs/collector.crt" "$certs/collector.key"
out=$(agent "$work/dev3-list.conf" report --synthetic 10 2>&1)
rc=$?
na=$(sqlite3 "$dba" "select count(*) from findings where json_extract(json,'$.summary') like '% of 10'")
nb=$(sqlite3 "$dbb" "select count(*) from findings where json_extract(json,'$.summary') like '% of %'")
if [ $rc -eq 1 ] && [ "$na" = 10 ] && [ "$nb" = 20 ]; then
    pass "failover: the first collector is back and takes the next 10"
else
    fail "failover back: rc $rc, first $na of 10, second $nb of 20: $out"
fi

# --- totals: exactly once, nothing lost -----------------------------------------
read -r total distinct <<<"$(q "select count(*), count(distinct agent || ':' || seq) from findings" | tr '|' ' ')"
faulted=$(q "select count(*) from findings where json_extract(json,'$.summary') like '% of 401' or json_extract(json,'$.summary') like '% of 1500' or json_extract(json,'$.summary') like '% of 50000'")
if [ "$total" = "$distinct" ] && [ "$faulted" -ge 1000 ]; then
    pass "exactly once: $total rows, $distinct distinct (agent, seq); $faulted findings delivered through injected faults"
else
    fail "totals: $total rows, $distinct distinct, $faulted through faults"
fi
echo "e2e: $fails failure(s)"
[ $fails -eq 0 ]
