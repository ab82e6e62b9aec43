#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
# Integration test of iothunt-collector: mutual TLS with curl, SQLite
# durability across kill -9, CEF to a private rsyslog on 127.0.0.1, silent
# agents. Everything runs on loopback, bounded in time; every process
# started here is stopped on exit.
#   COLLECTOR=path/to/iothunt-collector  (default build/host/iothunt-collector)
#   KEEP=1 keeps the temporary directory.
#   STORE=postgresql runs it all against a PostgreSQL server started for the
#   test (tests/collector/pg.sh), stopped on exit.
set -u

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
COLLECTOR=${COLLECTOR:-$ROOT/build/host/iothunt-collector}
case $COLLECTOR in /*) ;; *) COLLECTOR=$ROOT/$COLLECTOR ;; esac
HERE=$ROOT/tests/collector
T=$(mktemp -d /tmp/iothunt-collector-test.XXXXXX)
DB=$T/db.sqlite
. "$HERE/pg.sh"
PASS=0
FAIL=0
CPID=
RPID=

ok() { PASS=$((PASS + 1)); echo "ok - $*"; }
nok() { FAIL=$((FAIL + 1)); echo "not ok - $*"; }
check() {
	local desc=$1
	shift
	if "$@"; then ok "$desc"; else nok "$desc"; fi
}
eq() { [ "$1" = "$2" ] || { echo "   got '$1', want '$2'" >&2; return 1; }; }

stop_collector() {
	if [ -n "$CPID" ]; then
		kill -TERM "$CPID" 2>/dev/null
		for _ in $(seq 50); do kill -0 "$CPID" 2>/dev/null || break; sleep 0.1; done
		kill -KILL "$CPID" 2>/dev/null
		wait "$CPID" 2>/dev/null
		CPID=
	fi
}

cleanup() {
	stop_collector
	pg_stop immediate
	if [ -n "$RPID" ]; then
		kill -TERM "$RPID" 2>/dev/null
		for _ in $(seq 30); do kill -0 "$RPID" 2>/dev/null || break; sleep 0.1; done
		kill -KILL "$RPID" 2>/dev/null
		wait "$RPID" 2>/dev/null
	fi
	if [ "${KEEP:-0}" = 1 ]; then
		echo "# kept $T"
	else
		rm -rf "$T"
	fi
}
trap cleanup EXIT
trap 'exit 2' INT TERM

free_port() { # tcp|udp
	python3 - "$1" <<'PY'
import socket, sys
kind = socket.SOCK_STREAM if sys.argv[1] == "tcp" else socket.SOCK_DGRAM
s = socket.socket(socket.AF_INET, kind)
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
PY
}

# start_collector LOG [ARGS...]: start on $PORT (0 picks one), wait for it
start_collector() {
	local log=$1
	shift
	: >"$log"
	"$COLLECTOR" --listen "127.0.0.1:${PORT:-0}" --cert "$T/certs/collector.crt" \
		--key "$T/certs/collector.key" --client-ca "$T/certs/ca.crt" \
		--db "$DB" "$@" 2>>"$log" &
	CPID=$!
	for _ in $(seq 100); do
		if grep -q "listening on" "$log"; then
			PORT=$(sed -n 's/.*listening on 127\.0\.0\.1 port \([0-9]*\),.*/\1/p' "$log" | tail -n 1)
			return 0
		fi
		kill -0 "$CPID" 2>/dev/null || break
		sleep 0.1
	done
	echo "# collector did not start:" >&2
	cat "$log" >&2
	return 1
}

# post AGENT FILE [curl args]: prints "HTTPCODE BODY"
post() {
	local agent=$1 file=$2
	shift 2
	local out
	out=$(timeout 20 curl -sS -o "$T/resp" -w '%{http_code}' --max-time 15 \
		--cacert "$T/certs/ca.crt" --cert "$T/certs/devices/$agent.crt" \
		--key "$T/certs/devices/$agent.key" \
		-H 'Content-Type: application/x-ndjson' --data-binary "@$file" "$@" \
		"https://127.0.0.1:$PORT/v1/findings" 2>"$T/curl.err")
	echo "$out $(cat "$T/resp" 2>/dev/null)"
}

count() { # [query args]: number of stored findings
	"$COLLECTOR" query --db "$DB" --json "$@" | wc -l | tr -d ' '
}

# wait_lines FILE N: until FILE has at least N lines (10 s at most)
wait_lines() {
	for _ in $(seq 100); do
		[ "$(wc -l <"$1" 2>/dev/null || echo 0)" -ge "$2" ] && return 0
		sleep 0.1
	done
	return 1
}

finding() { # seq type severity summary [extra json members]
	printf '{"type":"%s","severity":"%s","summary":"%s","ts":1700000000,"seq":%s%s}\n' \
		"$2" "$3" "$4" "$1" "${5:+,$5}"
}

echo "# collector: $COLLECTOR"
echo "# temp: $T"
if [ "${STORE:-sqlite}" = postgresql ]; then
	pg_start "$T/pg" || { echo "0 passed, 1 failed"; exit 1; }
	DB=$PG_URL
	echo "# store: PostgreSQL ($("$PG_BIN/postgres" --version))"
fi
[ -x "$COLLECTOR" ] || { nok "collector binary $COLLECTOR missing"; echo "$PASS passed, $FAIL failed"; exit 1; }

# ---- certificates -----------------------------------------------------
check "mkcerts makes CA, server, device and rogue certificates" \
	"$ROOT/scripts/mkcerts.sh" "$T/certs" dev1 dev2
before=$(cd "$T/certs" && sha256sum ca.crt devices/dev1.crt)
"$ROOT/scripts/mkcerts.sh" "$T/certs" dev1 dev2 dev3
after=$(cd "$T/certs" && sha256sum ca.crt devices/dev1.crt)
check "mkcerts is idempotent (keeps the CA and existing devices)" eq "$before" "$after"
check "mkcerts adds a new device signed by the same CA" \
	sh -c 'openssl verify -CAfile "$0" "$1" >/dev/null' "$T/certs/ca.crt" "$T/certs/devices/dev3.crt"
check "mkcerts refuses a bad device id" \
	sh -c '! "$0" "$1" "bad id" 2>/dev/null' "$ROOT/scripts/mkcerts.sh" "$T/certs"

# ---- rsyslog on loopback ----------------------------------------------
UDP_PORT=$(free_port udp)
TCP_PORT=$(free_port tcp)
mkdir -p "$T/rsyslog"
cat >"$T/rsyslog.conf" <<EOC
global(workDirectory="$T/rsyslog" maxMessageSize="16k")
module(load="imudp")
module(load="imtcp")
template(name="msgonly" type="string" string="%msg%\n")
ruleset(name="cef") {
  action(type="omfile" file="$T/cef.log" template="msgonly")
}
input(type="imudp" address="127.0.0.1" port="$UDP_PORT" ruleset="cef")
input(type="imtcp" address="127.0.0.1" port="$TCP_PORT" ruleset="cef")
EOC
timeout 10 rsyslogd -N1 -f "$T/rsyslog.conf" >"$T/rsyslog-check.log" 2>&1
check "private rsyslog config is valid" eq "$?" 0
rsyslogd -n -f "$T/rsyslog.conf" -i "$T/rsyslog.pid" >"$T/rsyslog.log" 2>&1 &
RPID=$!
up=1
for _ in $(seq 50); do
	python3 -c "import socket,sys; socket.create_connection(('127.0.0.1',$TCP_PORT),1)" 2>/dev/null && { up=0; break; }
	sleep 0.1
done
check "rsyslogd listens on 127.0.0.1 (udp $UDP_PORT, tcp $TCP_PORT)" eq "$up" 0

# ---- phase 1: UDP CEF, RFC 5424 ---------------------------------------
PORT=0
start_collector "$T/c1.log" --cef "udp://127.0.0.1:$UDP_PORT" --jsonl "$T/out.jsonl" \
	--max-body 65536 -v
check "collector starts on a free port ($PORT)" test -n "$PORT"

health=$(timeout 20 curl -sS --max-time 15 --cacert "$T/certs/ca.crt" \
	--cert "$T/certs/devices/dev1.crt" --key "$T/certs/devices/dev1.key" \
	"https://127.0.0.1:$PORT/v1/health")
check "GET /v1/health names the agent from its certificate" eq "$health" '{"agent":"dev1"}'

{
	finding 1 ioc_connection high 'Mirai C2 103.245.27.100:80' \
		'"local":"192.168.1.20:40312","remote":"103.245.27.100:80","pid":912,"exe":"/tmp/.x","ioc":"103.245.27.100:80","ioc_source":"threatfox","sha256":"aa11"'
	finding 2 ioc_connection critical 'C2 152.236.6.8:28291' \
		'"local":"192.168.1.20:51000","remote":"152.236.6.8:28291","action":"blocked"'
	finding 3 rule_match high 'pipe | backslash \\ equals = newline\nend' \
		'"rule":"Mirai_Generic","cmdline":"a=b c\\d","md5":"m5","sha1":"s1"'
	finding 4 mirai_lock_port medium 'listener on 127.0.0.1:48101' '"local":"127.0.0.1:48101"'
	finding 5 summary low 'INFECTED: 4 findings' '"interval":300,"verdict":"INFECTED"'
} >"$T/b1"
r=$(post dev1 "$T/b1")
check "valid batch: 200 with acked 5" eq "$r" '200 {"acked":5}'
check "valid batch: 5 findings stored" eq "$(count)" 5
r=$(post dev1 "$T/b1")
check "same batch again: 200, same acked" eq "$r" '200 {"acked":5}'
check "same batch again: duplicates ignored" eq "$(count)" 5

{ finding 4 mirai_lock_port medium 'listener on 127.0.0.1:48101' '"local":"127.0.0.1:48101"'
  finding 6 exe_deleted high 'deleted exe' '"exe":"/tmp/.x (deleted)"'
  finding 7 port_grab high 'telnetd replaced' '"local":"0.0.0.0:23"'; } >"$T/b2"
r=$(post dev1 "$T/b2")
check "overlapping batch: acked 7" eq "$r" '200 {"acked":7}'
check "overlapping batch: only new findings stored" eq "$(count --agent dev1)" 7

finding 1 ioc_domain medium 'vbotnt1.duckdns.org in hosts' '"agent":"dev1"' >"$T/b3"
r=$(post dev2 "$T/b3")
check "second agent has its own seq space" eq "$r" '200 {"acked":1}'
check "an id in the body is ignored: stored under the certificate CN" \
	eq "$(count --agent dev2)" 1
check "an id in the body is ignored: dev1 unchanged" eq "$(count --agent dev1)" 7

{ finding 100 exe_deleted high 'good line'
  finding 101 exe_deleted urgent 'bad severity'; } >"$T/bad1"
r=$(post dev1 "$T/bad1")
check "malformed line: 400" eq "${r%% *}" 400
check "malformed line: error names line 2" eq "$(printf '%s' "${r#* }" | python3 -c 'import json,sys; print(json.load(sys.stdin)["line"])')" 2
check "malformed line: nothing stored (not even line 1)" eq "$(count --agent dev1)" 7
printf '{"type":"x",\n' >"$T/bad2"
r=$(post dev1 "$T/bad2")
check "invalid JSON: 400" eq "${r%% *}" 400
: >"$T/empty"
r=$(post dev1 "$T/empty")
check "empty body: 400" eq "${r%% *}" 400
code=$(timeout 20 curl -sS -o /dev/null -w '%{http_code}' --max-time 15 --cacert "$T/certs/ca.crt" \
	--cert "$T/certs/devices/dev1.crt" --key "$T/certs/devices/dev1.key" \
	-H 'Content-Type: text/plain' --data-binary "@$T/b1" "https://127.0.0.1:$PORT/v1/findings")
check "wrong Content-Type: 415" eq "$code" 415
code=$(timeout 20 curl -sS -o /dev/null -w '%{http_code}' --max-time 15 --cacert "$T/certs/ca.crt" \
	--cert "$T/certs/devices/dev1.crt" --key "$T/certs/devices/dev1.key" \
	"https://127.0.0.1:$PORT/v1/findings")
check "GET /v1/findings: 405" eq "$code" 405
code=$(timeout 20 curl -sS -o /dev/null -w '%{http_code}' --max-time 15 --cacert "$T/certs/ca.crt" \
	--cert "$T/certs/devices/dev1.crt" --key "$T/certs/devices/dev1.key" \
	"https://127.0.0.1:$PORT/nope")
check "unknown path: 404" eq "$code" 404

python3 - "$T/big" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    seq = 200
    while f.tell() < 70000:
        f.write('{"type":"x","severity":"low","summary":"%s","ts":1,"seq":%d}\n' % ("A" * 900, seq))
        seq += 1
PY
r=$(post dev1 "$T/big")
check "oversized body (70000 > 65536): 413" eq "${r%% *}" 413
r=$(post dev1 "$T/big" -H 'Transfer-Encoding: chunked')
check "oversized chunked body (no Content-Length): 413" eq "${r%% *}" 413
check "oversized bodies: nothing stored" eq "$(count --agent dev1)" 7

tls_refused() { # curl args: the request must fail before HTTP
	local code
	code=$(timeout 20 curl -sS -o /dev/null -w '%{http_code}' --max-time 15 \
		-H 'Content-Type: application/x-ndjson' --data-binary "@$T/b1" "$@" \
		"https://127.0.0.1:$PORT/v1/findings" 2>/dev/null)
	[ "$code" = 000 ]
}
check "no client certificate: TLS refused" tls_refused --cacert "$T/certs/ca.crt"
check "rogue CA client certificate (same CN): TLS refused" tls_refused \
	--cacert "$T/certs/ca.crt" --cert "$T/certs/rogue/client.crt" --key "$T/certs/rogue/client.key"
check "server certificate used as a client certificate: TLS refused" tls_refused \
	--cacert "$T/certs/ca.crt" --cert "$T/certs/collector.crt" --key "$T/certs/collector.key"
check "client pinning the rogue CA refuses the collector" tls_refused \
	--cacert "$T/certs/rogue/ca.crt" --cert "$T/certs/devices/dev1.crt" --key "$T/certs/devices/dev1.key"
check "TLS 1.1 refused" tls_refused --tls-max 1.1 --cacert "$T/certs/ca.crt" \
	--cert "$T/certs/devices/dev1.crt" --key "$T/certs/devices/dev1.key"
check "refused clients stored nothing" eq "$(count)" 8

# latency of one small batch, new TLS connection each time
finding 8 summary low 'CLEAN' '"interval":300' >"$T/b4"
lat=$(timeout 20 curl -sS -o /dev/null -w '%{time_total}' --max-time 15 --cacert "$T/certs/ca.crt" \
	--cert "$T/certs/devices/dev1.crt" --key "$T/certs/devices/dev1.key" \
	-H 'Content-Type: application/x-ndjson' --data-binary "@$T/b4" \
	"https://127.0.0.1:$PORT/v1/findings")
echo "# one-finding POST incl. TLS handshake: ${lat}s"
check "jsonl: one line per stored finding" wait_lines "$T/out.jsonl" 9
check "jsonl: no extra lines" eq "$(wc -l <"$T/out.jsonl" | tr -d ' ')" 9
check "jsonl lines carry the agent id" \
	eq "$(grep -c '"agent":"dev1"' "$T/out.jsonl")" 8

# ---- kill -9 and restart ----------------------------------------------
exec 3>&2 2>/dev/null   # no "Killed" notice from the shell
kill -KILL "$CPID"
wait "$CPID"
exec 2>&3 3>&-
CPID=
check "after kill -9: data still there" eq "$(count)" 9
check "after kill -9: query by type" eq "$(count --type ioc_connection)" 2
check "after kill -9: query --since" eq "$("$COLLECTOR" query --db "$DB" --since 1700000001 --json | wc -l | tr -d ' ')" 0
start_collector "$T/c2.log" --cef "udp://127.0.0.1:$UDP_PORT" --jsonl "$T/out.jsonl"
r=$(post dev1 "$T/b1")
check "after restart: resend is acked from the database" eq "$r" '200 {"acked":8}'
finding 9 hash_match critical 'known Mirai sample' '"sha256":"bb22","exe":"/var/tmp/mips"' >"$T/b5"
r=$(post dev1 "$T/b5")
check "after restart: new finding acked" eq "$r" '200 {"acked":9}'
text=$("$COLLECTOR" query --db "$DB" --agent dev1 --type hash_match)
check "query text table shows the finding" sh -c 'printf "%s" "$0" | grep -q "dev1.*9.*critical.*hash_match.*known Mirai sample"' "$text"
stop_collector
check "SIGTERM: clean shutdown logged" grep -q "SIGTERM: shutting down" "$T/c2.log"

# ---- phase 2: TCP CEF, octet counting, then RFC 3164 + LF -------------
start_collector "$T/c3.log" --cef "tcp://127.0.0.1:$TCP_PORT" --cef-framing octet
finding 10 dns_bypass medium 'resolver bypass to 8.8.8.8' '"remote":"8.8.8.8:53","local":"192.168.1.20:33333"' >"$T/b6"
r=$(post dev1 "$T/b6")
check "tcp/octet phase: stored" eq "$r" '200 {"acked":10}'
stop_collector
start_collector "$T/c4.log" --cef "tcp://127.0.0.1:$TCP_PORT" --cef-format rfc3164 --cef-framing lf
finding 11 scanner_activity high 'raw socket scanner' '"local":"192.168.1.20:0"' >"$T/b7"
r=$(post dev1 "$T/b7")
check "tcp/lf rfc3164 phase: stored" eq "$r" '200 {"acked":11}'
stop_collector

# ---- phase 3: silent agent --------------------------------------------
start_collector "$T/c5.log" --cef "udp://127.0.0.1:$UDP_PORT" --silent-check 1
finding 2 summary low 'CLEAN' '"interval":1' >"$T/b8"
r=$(post dev2 "$T/b8")
check "dev2 heartbeat with interval 1" eq "$r" '200 {"acked":2}'
silent=1
for _ in $(seq 80); do
	[ "$(count --agent dev2 --type agent_silent)" = 1 ] && { silent=0; break; }
	sleep 0.1
done
check "agent_silent raised for dev2 after 3 missed intervals" eq "$silent" 0
sleep 2
check "agent_silent raised once" eq "$(count --agent dev2 --type agent_silent)" 1
check "agent_silent uses the collector seq space (-1)" \
	eq "$("$COLLECTOR" query --db "$DB" --type agent_silent --json | python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["seq"])')" -1
stop_collector

# ---- phase 3b: connection limits and timeouts (slow clients) ------------
start_collector "$T/c7.log" --max-conns 3 --conn-timeout 2 --request-timeout 2
timeout 30 python3 - "$PORT" "$T/certs" >"$T/limits.out" 2>&1 <<'PY'
import socket, ssl, sys, time
port, certs = int(sys.argv[1]), sys.argv[2]

def closed_after(sock, limit):
    """seconds until the server closes sock, or None within limit"""
    t0 = time.monotonic()
    sock.settimeout(limit)
    try:
        while True:
            if not sock.recv(4096):
                return time.monotonic() - t0
    except (ConnectionResetError, ssl.SSLError, OSError):
        return time.monotonic() - t0
    except socket.timeout:
        return None

# an idle connection (no TLS hello) is closed after --conn-timeout
s = socket.create_connection(("127.0.0.1", port))
t = closed_after(s, 8)
print("CHECK %s idle connection closed after %s s (conn-timeout 2)"
      % ("ok" if t is not None and 1.5 <= t <= 6 else "fail", t if t is None else round(t, 2)))
s.close()

ctx = ssl.create_default_context(cafile=certs + "/ca.crt")
ctx.load_cert_chain(certs + "/devices/dev3.crt", certs + "/devices/dev3.key")

def handshake(limit):
    """True if a new TLS connection completes its handshake within limit"""
    try:
        raw = socket.create_connection(("127.0.0.1", port), timeout=limit)
        raw.settimeout(limit)
        s = ctx.wrap_socket(raw, server_hostname="127.0.0.1")
        s.close()
        return True
    except (OSError, ssl.SSLError):
        return False

# past --max-conns a new connection is not served (it waits in the listen
# backlog, or is closed) until a slot frees
idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(3)]
time.sleep(0.3)
print("CHECK %s 4th connection over max-conns 3 not served"
      % ("ok" if not handshake(1.0) else "fail"))
for c in idle:
    c.close()
time.sleep(0.3)
print("CHECK %s a connection is served once the 3 idle ones are gone"
      % ("ok" if handshake(3.0) else "fail"))
time.sleep(0.5)


# a body dripping in slower than --request-timeout allows is cut off
s = ctx.wrap_socket(socket.create_connection(("127.0.0.1", port)), server_hostname="127.0.0.1")
s.sendall(b"POST /v1/findings HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\n"
          b"Content-Length: 200\r\n\r\n")
t0 = time.monotonic()
cut = None
for i in range(20):
    try:
        s.sendall(b" ")
        s.settimeout(0.5)
        if not s.recv(4096):
            cut = time.monotonic() - t0
            break
    except socket.timeout:
        continue
    except (ConnectionResetError, BrokenPipeError, ssl.SSLError, OSError):
        cut = time.monotonic() - t0
        break
print("CHECK %s slow body cut after %s s (request-timeout 2)"
      % ("ok" if cut is not None and cut <= 5 else "fail", cut if cut is None else round(cut, 2)))
s.close()

# and the server still serves
s = ctx.wrap_socket(socket.create_connection(("127.0.0.1", port)), server_hostname="127.0.0.1")
s.sendall(b"GET /v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
s.settimeout(5)
data = b""
while True:
    chunk = s.recv(4096)
    if not chunk:
        break
    data += chunk
print("CHECK %s still serving after the slow clients" % ("ok" if b'"agent":"dev3"' in data else "fail"))
PY
while read -r tag res desc; do
	[ "$tag" = CHECK ] || continue
	if [ "$res" = ok ]; then ok "limits: $desc"; else nok "limits: $desc"; fi
done <"$T/limits.out"
grep -q '^CHECK' "$T/limits.out" || { nok "limits test ran"; cat "$T/limits.out"; }
check "limits: slow clients stored nothing" eq "$(count --agent dev3)" 0
stop_collector

# ---- phase 4: syslog peer down never blocks ingest ----------------------
DEAD=$(free_port tcp)
start_collector "$T/c6.log" --cef "tcp://127.0.0.1:$DEAD" --cef-queue 4
python3 - "$T/b9" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    for seq in range(12, 62):
        f.write('{"type":"exe_in_tmpfs","severity":"medium","summary":"s%d","ts":1,"seq":%d}\n' % (seq, seq))
PY
t0=$(date +%s%N)
r=$(post dev1 "$T/b9")
t1=$(date +%s%N)
check "syslog down: batch still acked" eq "$r" '200 {"acked":61}'
ms=$(( (t1 - t0) / 1000000 ))
check "syslog down: ingest not blocked (${ms} ms < 3000)" test "$ms" -lt 3000
stop_collector
check "syslog down: drops counted" grep -Eq "cef: 0 sent, 50 dropped" "$T/c6.log"

# ---- CEF as Sentinel would read it --------------------------------------
# forwarded: phase 1: 9 + 1 (b5), phase 2: 2, phase 3: dev2 heartbeat + silent
check "rsyslog wrote the CEF records" wait_lines "$T/cef.log" 14
sleep 0.5
cat >"$T/expect.json" <<'EOJ'
{"count": 14,
 "unique": ["DeviceExternalID", "DeviceCustomNumber1"],
 "records": [
  {"desc": "ioc_connection: remote is DestinationIP/Port, local is SourceIP/Port",
   "match": {"DeviceEventClassID": "ioc_connection", "DeviceCustomNumber1": "1"},
   "expect": {"DestinationIP": "103.245.27.100", "DestinationPort": "80",
              "SourceIP": "192.168.1.20", "SourcePort": "40312",
              "DeviceAction": "detected", "Activity": "Mirai C2 103.245.27.100:80",
              "DeviceExternalID": "dev1", "DeviceName": "dev1", "LogSeverity": "8",
              "FileName": "/tmp/.x", "FileHash": "aa11", "ProcessID": "912",
              "DeviceCustomString2": "103.245.27.100:80", "DeviceCustomString2Label": "ioc",
              "DeviceCustomString3": "threatfox", "DeviceCustomString3Label": "ioc_source",
              "StartTime": "1700000000000"}},
  {"desc": "second C2 with an action",
   "match": {"DeviceEventClassID": "ioc_connection", "DeviceCustomNumber1": "2"},
   "expect": {"DestinationIP": "152.236.6.8", "DestinationPort": "28291",
              "DeviceAction": "blocked", "LogSeverity": "10"}},
  {"desc": "escaping round-trips through rsyslog (name and extension)",
   "match": {"DeviceEventClassID": "rule_match"},
   "expect": {"Activity": "pipe | backslash \\ equals = newline end",
              "Message": "pipe | backslash \\ equals = newline\nend",
              "DeviceCustomString1": "Mirai_Generic", "DeviceCustomString1Label": "rule",
              "DeviceCustomString4": "a=b c\\d", "DeviceCustomString4Label": "cmdline",
              "DeviceCustomString5": "m5", "DeviceCustomString6": "s1"}},
  {"desc": "body agent id ignored in CEF too",
   "match": {"DeviceEventClassID": "ioc_domain"},
   "expect": {"DeviceExternalID": "dev2"}},
  {"desc": "TCP octet-counted record",
   "match": {"DeviceEventClassID": "dns_bypass"},
   "expect": {"DestinationIP": "8.8.8.8", "DestinationPort": "53", "SourcePort": "33333"}},
  {"desc": "TCP LF-framed RFC 3164 record",
   "match": {"DeviceEventClassID": "scanner_activity"},
   "expect": {"SourceIP": "192.168.1.20", "Activity": "raw socket scanner"}},
  {"desc": "agent_silent forwarded with the silent device's id",
   "match": {"DeviceEventClassID": "agent_silent"},
   "expect": {"DeviceExternalID": "dev2", "DeviceAction": "silent",
              "DeviceCustomNumber1": "-1", "LogSeverity": "8"}}
 ]}
EOJ
python3 "$HERE/cef_check.py" "$T/cef.log" "$T/expect.json" \
	"$ROOT/docs/sentinel/threatfox_mirai_ip.kql" >"$T/cef-check.out" 2>&1
while read -r tag res desc; do
	[ "$tag" = CHECK ] || continue
	if [ "$res" = ok ]; then ok "cef: $desc"; else nok "cef: $desc"; fi
done <"$T/cef-check.out"
grep -q '^CHECK' "$T/cef-check.out" || { nok "cef_check.py ran"; cat "$T/cef-check.out"; }

# ---- sanitizer reports, if the binary has them -----------------------------
if grep -q "ERROR: AddressSanitizer\|runtime error:\|ERROR: LeakSanitizer" "$T"/c*.log; then
	nok "no sanitizer reports in collector logs"
	grep -h -A20 "ERROR: AddressSanitizer\|runtime error:\|ERROR: LeakSanitizer" "$T"/c*.log | head -60
else
	ok "no sanitizer reports in collector logs"
fi

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
