#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
# make test-ui: the fleet view against a collector filled over mutual TLS
# (curl with device certificates, the way tests/collector/run.sh talks to
# it), checked with curl (headers, CSRF, rate limits, operator
# certificates, CSV) and in headless Chromium (tests/ui/browser.py: DOM
# counts, filters, escaping of hostile device data, screenshots).
# Everything on 127.0.0.0/8 with ports the kernel picks; every process
# started here is stopped on exit.
#   COLLECTOR=path (default build/host/iothunt-collector)
#   CHROMIUM=path (default chromium)   OUT=dir (default build/test-out/ui)
#   UPDATE_DOCS=1 copies the screenshots to docs/   KEEP=1 keeps the temp dir
#   UI_STORE=postgresql runs it all on a PostgreSQL store (a throw-away
#   server from tests/collector/pg.sh) instead of a SQLite file
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
COLLECTOR=${COLLECTOR:-$ROOT/build/host/iothunt-collector}
case $COLLECTOR in /*) ;; *) COLLECTOR=$ROOT/$COLLECTOR ;; esac
CHROMIUM=${CHROMIUM:-chromium}
OUT=${OUT:-$ROOT/build/test-out/ui}
T=$(mktemp -d /tmp/iothunt-ui-test.XXXXXX)
PASS=0
FAIL=0
CPID=
OPID=
UI_STORE=${UI_STORE:-sqlite}

ok() { PASS=$((PASS + 1)); echo "ok - $*"; }
nok() { FAIL=$((FAIL + 1)); echo "not ok - $*"; }
check() {
	local desc=$1
	shift
	if "$@"; then ok "$desc"; else nok "$desc"; fi
}
eq() { [ "$1" = "$2" ] || { echo "   got '$1', want '$2'" >&2; return 1; }; }

cleanup() {
	[ -n "$OPID" ] && kill -KILL "$OPID" 2>/dev/null
	if [ -n "$CPID" ]; then
		kill -TERM "$CPID" 2>/dev/null
		for _ in $(seq 50); do kill -0 "$CPID" 2>/dev/null || break; sleep 0.1; done
		kill -KILL "$CPID" 2>/dev/null
		wait "$CPID" 2>/dev/null
	fi
	declare -F pg_stop >/dev/null && pg_stop
	if [ "${KEEP:-0}" = 1 ]; then echo "# kept $T"; else rm -rf "$T"; fi
}
trap cleanup EXIT
trap 'exit 2' INT TERM

summary_line() { echo "$PASS passed, $FAIL failed"; }
case $UI_STORE in
sqlite) DBTOOL=sqlite3 ;;
postgresql) DBTOOL=psql ;;
*) nok "UI_STORE is sqlite or postgresql, not '$UI_STORE'"; summary_line; exit 1 ;;
esac
for tool in "$COLLECTOR" curl python3 "$DBTOOL" "$CHROMIUM"; do
	if ! command -v "$tool" >/dev/null 2>&1 && [ ! -x "$tool" ]; then
		nok "$tool is missing (scripts/install-deps.sh installs it)"
		summary_line
		exit 1
	fi
done
mkdir -p "$OUT"
echo "# collector: $COLLECTOR"
echo "# temp: $T"
echo "# store: $UI_STORE"
if [ "$UI_STORE" = postgresql ]; then
	# shellcheck source=tests/collector/pg.sh
	. "$ROOT/tests/collector/pg.sh"
	pg_start "$T/pg" || { nok "PostgreSQL server started (tests/collector/pg.sh)"; summary_line; exit 1; }
	STORE=(--store "$PG_URL")
	sql() { psql -X -q -At -v ON_ERROR_STOP=1 "$PG_URL"; }
else
	STORE=(--db "$T/db.sqlite")
	sql() { sqlite3 -bail -cmd ".timeout 10000" "$T/db.sqlite"; }
fi

DEVS="fv-router-01 fv-router-02 fv-router-03 fv-router-04 fv-router-05 fv-router-06 fv-router-07 fv-router-08 fv-router-09"
# shellcheck disable=SC2086
"$ROOT/scripts/mkcerts.sh" "$T/certs" $DEVS >/dev/null 2>&1 || { nok "mkcerts"; summary_line; exit 1; }
# operators: a CA of their own, and alice's certificate
"$ROOT/scripts/mkcerts.sh" "$T/ops" alice >/dev/null 2>&1 || { nok "mkcerts ops"; summary_line; exit 1; }

PW=correct-horse-battery
printf '%s\n' "$PW" | "$COLLECTOR" web-passwd "$T/passwd" admin 2>/dev/null
printf '%s\n' "ops-$PW" | "$COLLECTOR" web-passwd "$T/passwd" ops 2>/dev/null
check "web-passwd writes two Argon2id users, mode 0600" \
	eq "$(grep -c '^[a-z]*:\$argon2id\$v=19\$m=65536,t=3,p=1\$' "$T/passwd") $(stat -c %a "$T/passwd")" "2 600"
printf 'x\n' | "$COLLECTOR" web-passwd "$T/passwd" 'bad user' 2>/dev/null
check "web-passwd refuses a bad user name" eq "$?" 2
printf 'admin:plain\n' >"$T/badpw"
"$COLLECTOR" --listen 127.0.0.1:0 --cert "$T/certs/collector.crt" --key "$T/certs/collector.key" \
	--client-ca "$T/certs/ca.crt" --db "$T/bad.sqlite" --web 127.0.0.1:0 --web-passwd "$T/badpw" \
	2>"$T/badpw.log" &
bpid=$!
for _ in $(seq 50); do kill -0 $bpid 2>/dev/null || break; sleep 0.1; done
kill -KILL $bpid 2>/dev/null
wait $bpid
check "a malformed password file stops the start, naming file and line" \
	grep -q "badpw:1: not an Argon2id hash" "$T/badpw.log"

"$COLLECTOR" --listen 127.0.0.1:0 --cert "$T/certs/collector.crt" --key "$T/certs/collector.key" \
	--client-ca "$T/certs/ca.crt" "${STORE[@]}" --silent-check 1 \
	--web 127.0.0.1:0 --web-passwd "$T/passwd" --web-operator-ca "$T/ops/ca.crt" 2>"$T/collector.log" &
CPID=$!
P= W=
for _ in $(seq 100); do
	P=$(sed -n 's/.*listening on 127\.0\.0\.1 port \([0-9]*\),.*/\1/p' "$T/collector.log")
	W=$(sed -n 's/.*fleet view on 127\.0\.0\.1 port \([0-9]*\) .*/\1/p' "$T/collector.log")
	[ -n "$P" ] && [ -n "$W" ] && break
	kill -0 "$CPID" 2>/dev/null || break
	sleep 0.1
done
if [ -z "$P" ] || [ -z "$W" ]; then
	cat "$T/collector.log" >&2
	nok "collector with --web started"
	summary_line
	exit 1
fi
ok "collector with --web started (ingest port $P, fleet view port $W)"
WEB=https://127.0.0.1:$W

# post DEVICE: NDJSON on stdin to the ingest listener, as the agent does
post() {
	curl -sS -o "$T/resp" -w '%{http_code}' --max-time 20 --cacert "$T/certs/ca.crt" \
		--cert "$T/certs/devices/$1.crt" --key "$T/certs/devices/$1.key" \
		-A "iothunt/0.4.2" -H 'Content-Type: application/x-ndjson' --data-binary @- \
		"https://127.0.0.1:$P/v1/findings"
}
f() { # seq type severity summary [extra members]
	python3 -c 'import json,sys
o={"type":sys.argv[2],"severity":sys.argv[3],"summary":sys.argv[4],"ts":1764979200,"seq":int(sys.argv[1])}
if len(sys.argv)>5: o.update(json.loads(sys.argv[5]))
print(json.dumps(o))' "$@"
}
s() { # seq verdict [interval]
	f "$1" summary low "$2: scan done" "{\"verdict\":\"$2\",\"interval\":${3:-300}}"
}
HOSTILE_CMD='<script>alert(1)</script>"><img src=x onerror=alert(2)>'"'"
HOSTILE_EXE='/tmp/.x/a" onmouseover="alert(3)'
HOSTILE_SUM='payload <img src=x onerror=alert(4)> & "more"'
WEIRD='"><b id=pwn>x</b>'

# history of the showcase device over the last 14 days, seq 1..: the
# collector stamps receive times itself, so past days go straight to the
# store (as SQL both stores take; the count on fd 3)
python3 - 3>"$T/history.n" >"$T/history.sql" <<'PY'
import json, os, time
out = os.fdopen(3, "w")
def q(v):
    return str(v) if isinstance(v, int) else "'" + v.replace("'", "''") + "'"
class Db:
    def execute(self, _sql, row):
        print("INSERT INTO findings (agent, seq, type, severity, ts, received, json)"
              " VALUES (%s);" % ", ".join(q(v) for v in row))
db = Db()
print("BEGIN;")
now = int(time.time())
seq = 0
n = 0
for k in range(14, 0, -1):
    t = now - k * 86400
    for i in range(k % 3 + 1):
        seq += 1
        n += 1
        o = {"type": "ioc_connection", "severity": "high", "summary": "TIME_WAIT to a Mirai C2",
             "ts": t, "seq": seq, "remote": "45.95.169.%d:23" % (10 + i),
             "ioc_source": "threatfox:botnet_cc:Mirai:100", "agent": "fv-router-01", "received": t}
        db.execute("INSERT INTO findings VALUES (?,?,?,?,?,?,?)",
                   ("fv-router-01", seq, o["type"], o["severity"], t, t, json.dumps(o)))
    seq += 1
    o = {"type": "summary", "severity": "high", "summary": "INFECTED", "verdict": "INFECTED",
         "ts": t, "seq": seq, "interval": 300, "agent": "fv-router-01", "received": t}
    db.execute("INSERT INTO findings VALUES (?,?,?,?,?,?,?)",
               ("fv-router-01", seq, "summary", "high", t, t, json.dumps(o)))
print("COMMIT;")
out.write("%d\n" % n)
out.close()
PY
sql <"$T/history.sql" >/dev/null
check "history of fv-router-01 written to the $UI_STORE store" eq "$?" 0
H=$(cat "$T/history.n")

codes=$(
{ f 101 ioc_connection critical "live connection to a Mirai C2" \
	'{"pid":812,"exe":"/tmp/.mips (deleted)","cmdline":"/tmp/.mips -s","remote":"45.95.169.12:23","ioc":"45.95.169.12:23","ioc_source":"threatfox:botnet_cc:Mirai:100:2026-11-02"}'
  f 102 rule_match high "Mirai_MIPS_MSB matches /tmp/.mips" '{"pid":812,"rule":"Mirai_MIPS_MSB","sha256":"4f0e5a8a9c1b2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e"}'
  f 103 iptables_tr069_block high "INPUT drops tcp/7547 (the TR-069 worm's lock)" '{"rule":"-A INPUT -p tcp --dport 7547 -j DROP"}'
  s 104 INFECTED; } | post fv-router-01
{ f 1 exe_deleted critical "$HOSTILE_SUM" "$(python3 -c 'import json,sys; print(json.dumps({"pid":4242,"pids":[4242,4243],"cmdline":sys.argv[1],"exe":sys.argv[2]}))' "$HOSTILE_CMD" "$HOSTILE_EXE")"
  s 2 INFECTED; } | post fv-router-02
{ f 1 scanner_activity medium "SYN_SENT to 23 on many hosts" '{"pid":77,"cmdline":"=HYPERLINK(\"http://x.example\")"}'
  s 2 SUSPICIOUS; } | post fv-router-03
{ f 1 port_grab high "telnet listener by /tmp/x"; s 2 INFECTED; s 3 CLEAN; } | post fv-router-04
s 1 CLEAN | post fv-router-05
{ f 1 dns_bypass low "resolver 8.8.8.8 used directly"; s 2 incomplete; } | post fv-router-06
s 1 CLEAN 1 | post fv-router-07
f 1 hash_match critical "known Gafgyt sample" '{"family":"Gafgyt","sha256":"00aa"}' | post fv-router-08
f 1 summary low "odd" "$(python3 -c 'import json,sys; print(json.dumps({"verdict":sys.argv[1],"interval":300}))' "$WEIRD")" | post fv-router-09
)
check "nine devices delivered their findings over mutual TLS" eq "$codes" "200200200200200200200200200"

# fv-router-07 said interval 1: silent after 3 s, raised by the checker
for _ in $(seq 100); do
	[ "$(echo "SELECT silent_raised FROM agents WHERE agent='fv-router-07';" | sql)" = 1 ] && break
	sleep 0.1
done
check "fv-router-07 raised as silent" eq "$(echo "SELECT count(*) FROM findings \
	WHERE agent='fv-router-07' AND type='agent_silent';" | sql)" 1

# --- curl: headers, no state-changing GET, CSRF, CSV, operator certificates
CSP="default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
# login SRC USER PASS [extra curl args]: prints the HTTP code; jar $T/jar.SRC
login() {
	local src=$1 u=$2 p=$3 tok
	shift 3
	rm -f "$T/jar.$src"
	curl -sk --interface "$src" -c "$T/jar.$src" -o /dev/null "$WEB/login"
	tok=$(awk '$6 == "iothunt_login" { print $7 }' "$T/jar.$src")
	curl -sk --interface "$src" -b "$T/jar.$src" -c "$T/jar.$src" -o /dev/null -w '%{http_code}' \
		--data-urlencode "csrf=$tok" --data-urlencode "user=$u" --data-urlencode "password=$p" \
		"$@" "$WEB/login"
}
get() { # SRC PATH [curl args]: code
	local src=$1 path=$2
	shift 2
	curl -sk --interface "$src" -b "$T/jar.$src" -o "$T/body" -D "$T/headers" -w '%{http_code}' "$@" "$WEB$path"
}
check "login over curl (303 to /)" eq "$(login 127.0.0.1 admin "$PW")" 303
check "session cookie flags" grep -q '#HttpOnly_127.0.0.1.*TRUE.*iothunt_session' "$T/jar.127.0.0.1"
for path in / "/device?id=fv-router-02" "/findings?kind=ioc_connection" /findings.csv /devices.csv /login /nope; do
	get 127.0.0.1 "$path" >/dev/null
	check "CSP on $path" grep -qiF "Content-Security-Policy: $CSP" "$T/headers"
done
check "devices page lists 9 devices" eq "$(get 127.0.0.1 / >/dev/null; grep -c '<tr class="dev-' "$T/body")" 9
check "GET /logout is refused (405)" eq "$(get 127.0.0.1 /logout)" 405
check "POST /logout without the CSRF field is refused (403)" \
	eq "$(get 127.0.0.1 /logout -X POST -d x=1)" 403
check "the session still works after both" eq "$(get 127.0.0.1 /)" 200
check "a POST to any other page is refused (405)" eq "$(get 127.0.0.1 / -X POST -d x=1)" 405
tok=$(curl -sk -c "$T/jar.x" -o /dev/null "$WEB/login"; awk '$6 == "iothunt_login" { print $7 }' "$T/jar.x")
check "login with a CSRF field that does not match the cookie: 403" \
	eq "$(curl -sk -b "$T/jar.x" -o /dev/null -w '%{http_code}' -d "csrf=${tok%?}0&user=admin&password=$PW" "$WEB/login")" 403
check "login from a cross-site form (Sec-Fetch-Site): 403" \
	eq "$(curl -sk -b "$T/jar.x" -o /dev/null -w '%{http_code}' -H 'Sec-Fetch-Site: cross-site' \
		--data-urlencode "csrf=$tok" -d "user=admin&password=$PW" "$WEB/login")" 403
check "stylesheet served without a session" eq "$(curl -sk -o /dev/null -w '%{http_code}' "$WEB/style.css")" 200

# CSV: hostile fields round-trip, formulas defused, served as a download
get 127.0.0.1 "/findings.csv?agent=fv-router-02" >/dev/null
check "findings CSV is text/csv, an attachment" \
	eval 'grep -qi "^Content-Type: text/csv" "$T/headers" && grep -qi "^Content-Disposition: attachment" "$T/headers"'
csv_field() { # FILE ROW COLUMN
	python3 -c 'import csv,sys; r=list(csv.DictReader(open(sys.argv[1], newline=""))); print(r[int(sys.argv[2])][sys.argv[3]])' "$@"
}
check "CSV keeps the hostile cmdline byte for byte" eq "$(csv_field "$T/body" 0 cmdline)" "$HOSTILE_CMD"
check "CSV keeps the hostile exe byte for byte" eq "$(csv_field "$T/body" 0 exe)" "$HOSTILE_EXE"
get 127.0.0.1 "/findings.csv?agent=fv-router-03" >/dev/null
check "CSV defuses a formula in a cmdline" eq "$(csv_field "$T/body" 0 cmdline)" "'=HYPERLINK(\"http://x.example\")"
get 127.0.0.1 "/devices.csv?verdict=infected" >/dev/null
check "devices CSV with a filter: 2 infected rows" eq "$(python3 -c 'import csv,sys; print(len(list(csv.DictReader(open(sys.argv[1], newline="")))))' "$T/body")" 2
check "devices CSV carries the agent version from the User-Agent" \
	eq "$(csv_field "$T/body" 0 agent_version)" 0.4.2

check "operator certificate logs in without a password" \
	eval 'curl -sk --cert "$T/ops/devices/alice.crt" --key "$T/ops/devices/alice.key" "$WEB/" | grep -q "alice (certificate)"'
check "a device certificate is no operator certificate (303 to /login)" \
	eq "$(curl -sk -o /dev/null -w '%{http_code}' --cert "$T/certs/devices/fv-router-01.crt" \
		--key "$T/certs/devices/fv-router-01.key" "$WEB/")" 303

# certificates only: the handshake itself wants an operator certificate
"$COLLECTOR" --listen 127.0.0.1:0 --cert "$T/certs/collector.crt" --key "$T/certs/collector.key" \
	--client-ca "$T/certs/ca.crt" "${STORE[@]}" --silent-check 0 \
	--web 127.0.0.1:0 --web-operator-ca "$T/ops/ca.crt" 2>"$T/certonly.log" &
opid=$!
OPID=$opid
W2=
for _ in $(seq 100); do
	W2=$(sed -n 's/.*fleet view on 127\.0\.0\.1 port \([0-9]*\) .*/\1/p' "$T/certonly.log")
	[ -n "$W2" ] && break
	sleep 0.1
done
curl -sk -o /dev/null --max-time 10 "https://127.0.0.1:$W2/" 2>/dev/null
rc=$?
check "certificate-only fleet view: no certificate, no answer (curl $rc)" eval '[ "$rc" -ne 0 ]'
check "certificate-only fleet view: alice's certificate gets the device list" \
	eq "$(curl -sk -o /dev/null -w '%{http_code}' --max-time 10 --cert "$T/ops/devices/alice.crt" \
		--key "$T/ops/devices/alice.key" "https://127.0.0.1:$W2/")" 200
check "certificate-only fleet view: no password login (403)" \
	eq "$(curl -sk -o /dev/null -w '%{http_code}' --max-time 10 --cert "$T/ops/devices/alice.crt" \
		--key "$T/ops/devices/alice.key" -d 'user=a&password=b&csrf=c' "https://127.0.0.1:$W2/login")" 403
kill -TERM $opid 2>/dev/null
wait $opid 2>/dev/null
OPID=

# --- rate limits (5 failures per address, 10 per user, per window)
codes=
for _ in 1 2 3 4 5; do codes="$codes$(login 127.0.0.2 admin wrong)"; done
check "five wrong passwords from one address: 401 each" eq "$codes" 401401401401401
check "the sixth try from that address is refused even with the right password (429)" \
	eq "$(login 127.0.0.2 admin "$PW")" 429
check "another address still logs in" eq "$(login 127.0.0.3 admin "$PW")" 303
codes=
for i in $(seq 10 19); do codes="$codes$(login "127.0.0.$i" ops wrong)"; done
check "ten wrong passwords for one user from ten addresses: 401 each" \
	eq "$codes" 401401401401401401401401401401
check "that user is then refused from a fresh address (429)" eq "$(login 127.0.0.30 ops "ops-$PW")" 429
check "another user logs in from that address" eq "$(login 127.0.0.30 admin "$PW")" 303
check "refusals are logged" grep -q "refused: too many failures" "$T/collector.log"

# --- the browser
H1=$((H + 3))
cat >"$T/expect.json" <<JSON
{
 "devices": 9,
 "verdicts": {"infected": 2, "suspicious": 1, "incomplete": 1, "clean": 3, "none": 2},
 "silent": 1,
 "silent_devices": ["fv-router-07"],
 "open": {"fv-router-01": [1, 2, 0, 0], "fv-router-02": [1, 0, 0, 0], "fv-router-03": [0, 0, 1, 0],
          "fv-router-04": [0, 0, 0, 0], "fv-router-06": [0, 0, 0, 1], "fv-router-07": [0, 0, 0, 0],
          "fv-router-08": [1, 0, 0, 0]},
 "q": {"text": "router-05", "count": 1},
 "hostile": {"device": "fv-router-02", "cmdline": $(python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$HOSTILE_CMD"),
             "exe": $(python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$HOSTILE_EXE"),
             "summary": $(python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$HOSTILE_SUM"),
             "findings": 1},
 "showcase": "fv-router-01",
 "weird": {"device": "fv-router-09", "verdict": $(python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$WEIRD")},
 "findings": {
  "all": {"query": {}, "count": $((H + 9))},
  "kind": {"query": {"kind": "ioc_connection"}, "count": $((H + 1))},
  "severity": {"query": {"severity": "critical"}, "count": 3},
  "family": {"query": {"family": "mirai"}, "count": $((H + 2))},
  "device": {"query": {"agent": "fv-router-01"}, "count": $H1},
  "collector-raised": {"query": {"kind": "agent_silent"}, "count": 1},
  "until": {"query": {"until": "1970-01-02"}, "count": 0},
  "since": {"query": {"since": "$(date -u +%Y-%m-%d)"}, "count": 9},
  "limit": {"query": {"limit": "4"}, "count": 4}
 }
}
JSON
CHROMIUM=$CHROMIUM DBUS_SESSION_BUS_ADDRESS=disabled: timeout 300 python3 "$ROOT/tests/ui/browser.py" \
	"$WEB" admin "$PW" "$T/expect.json" "$T/browser" >"$T/browser.out" 2>"$T/browser.err"
rc=$?
cat "$T/browser.out"
bp=$(grep -c '^ok - ' "$T/browser.out")
bf=$(grep -c '^not ok - ' "$T/browser.out")
PASS=$((PASS + bp))
FAIL=$((FAIL + bf))
if [ "$rc" -ne 0 ] && [ "$bf" -eq 0 ]; then
	tail -20 "$T/browser.err" >&2
	nok "browser checks ran to the end (exit $rc)"
fi
for png in fleet-devices fleet-device fleet-findings; do
	if [ -s "$T/browser/$png.png" ]; then
		cp "$T/browser/$png.png" "$OUT/"
		[ "${UPDATE_DOCS:-0}" = 1 ] && cp "$T/browser/$png.png" "$ROOT/docs/"
		ok "screenshot $png.png saved in ${OUT#"$ROOT"/}"
	else
		nok "screenshot $png.png"
	fi
done
if grep -q "ERROR: AddressSanitizer\|runtime error:" "$T/collector.log"; then
	nok "sanitizers silent in the collector log"
	grep -A5 "AddressSanitizer\|runtime error:" "$T/collector.log" | head -30 >&2
else
	ok "sanitizers silent in the collector log"
fi
summary_line
[ "$FAIL" -eq 0 ]
