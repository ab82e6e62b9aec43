#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
# Fleet view render time: a store holding DEVICES devices (10 scans each,
# a few findings per device over 30 days, written straight into SQLite),
# pages fetched over HTTPS with a logged-in session against the production
# build. Writes a Markdown section to stdout; bounded by `timeout`.
#   COLLECTOR (default build/host/iothunt-collector), DEVICES=10000, RUNS=5
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
COLLECTOR=${COLLECTOR:-$ROOT/build/host/iothunt-collector}
DEVICES=${DEVICES:-10000}
RUNS=${RUNS:-5}
T=$(mktemp -d /tmp/iothunt-web-bench.XXXXXX)
CPID=

cleanup() {
	if [ -n "$CPID" ]; then
		kill -TERM "$CPID" 2>/dev/null
		for _ in $(seq 50); do kill -0 "$CPID" 2>/dev/null || break; sleep 0.1; done
		kill -KILL "$CPID" 2>/dev/null
		wait "$CPID" 2>/dev/null
	fi
	if [ "${KEEP:-0}" = 1 ]; then echo "# kept $T" >&2; else rm -rf "$T"; fi
}
trap cleanup EXIT
trap 'exit 2' INT TERM

"$ROOT/scripts/mkcerts.sh" "$T/certs" >/dev/null 2>&1 || exit 2
printf 'bench-password\n' | "$COLLECTOR" web-passwd "$T/passwd" admin 2>/dev/null || exit 2

# the schema as the collector makes it: start it once, then fill
start() {
	: >"$T/collector.log"
	"$COLLECTOR" --listen 127.0.0.1:0 --cert "$T/certs/collector.crt" --key "$T/certs/collector.key" \
		--client-ca "$T/certs/ca.crt" --db "$T/db.sqlite" --silent-check 0 \
		--web 127.0.0.1:0 --web-passwd "$T/passwd" 2>"$T/collector.log" &
	CPID=$!
	W=
	for _ in $(seq 100); do
		W=$(sed -n 's/.*fleet view on 127\.0\.0\.1 port \([0-9]*\) .*/\1/p' "$T/collector.log")
		[ -n "$W" ] && return 0
		sleep 0.1
	done
	cat "$T/collector.log" >&2
	exit 2
}
start
python3 - "$T/db.sqlite" "$DEVICES" >"$T/fill.out" <<'PY'
import json, random, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], timeout=30)
ndev = int(sys.argv[2])
rnd = random.Random(17)
now = int(time.time())
kinds = [("ioc_connection", "critical"), ("rule_match", "high"), ("port_grab", "high"),
         ("scanner_activity", "medium"), ("dns_bypass", "low"), ("exe_in_tmpfs", "medium")]
rows = agents = 0
batch = []
for d in range(ndev):
    agent = "rt-%05d" % d
    r = rnd.random()
    verdict = "INFECTED" if r < .03 else "SUSPICIOUS" if r < .08 else "incomplete" if r < .10 else "CLEAN"
    seq = 0
    for scan in range(10):
        t = now - (9 - scan) * 3 * 86400 - rnd.randrange(86400)
        last = scan == 9
        nf = (rnd.randrange(1, 5) if verdict in ("INFECTED", "SUSPICIOUS") else 0) if last else \
             (1 if rnd.random() < .1 else 0)
        for _ in range(nf):
            seq += 1
            k, sev = rnd.choice(kinds)
            o = {"type": k, "severity": sev, "summary": "%s on %s" % (k, agent), "ts": t, "seq": seq,
                 "pid": rnd.randrange(100, 30000), "exe": "/tmp/.x%d" % seq,
                 "cmdline": "/tmp/.x%d -s 45.95.169.%d" % (seq, rnd.randrange(256)),
                 "ioc_source": "threatfox:botnet_cc:Mirai:100", "agent": agent, "received": t}
            batch.append((agent, seq, k, sev, t, t, json.dumps(o)))
        seq += 1
        v = verdict if last else "CLEAN"
        o = {"type": "summary", "severity": "low", "summary": v, "ts": t, "seq": seq, "verdict": v,
             "interval": 300, "agent_version": "0.%d.0" % (1 + d % 3), "agent": agent, "received": t}
        batch.append((agent, seq, "summary", "low", t, t, json.dumps(o)))
    db.execute("INSERT INTO agents VALUES (?,?,?,?)", (agent, t, 300, 1 if rnd.random() < .02 else 0))
    agents += 1
    if len(batch) > 20000:
        db.executemany("INSERT INTO findings VALUES (?,?,?,?,?,?,?)", batch)
        rows += len(batch)
        batch = []
db.executemany("INSERT INTO findings VALUES (?,?,?,?,?,?,?)", batch)
rows += len(batch)
db.commit()
print(agents, rows)
PY
read -r agents rows <"$T/fill.out"

curl_s() { curl -sk --max-time 60 "$@"; }
curl_s -c "$T/jar" -o /dev/null "https://127.0.0.1:$W/login"
tok=$(awk '$6 == "iothunt_login" { print $7 }' "$T/jar")
code=$(curl_s -b "$T/jar" -c "$T/jar" -o /dev/null -w '%{http_code}' \
	-d "csrf=$tok&user=admin&password=bench-password" "https://127.0.0.1:$W/login")
[ "$code" = 303 ] || { echo "login failed: $code" >&2; exit 2; }

# measure PATH: RUNS fetches; prints "median max bytes rows"
measure() {
	local i times=() size=0
	for i in $(seq "$RUNS"); do
		times+=("$(curl_s -b "$T/jar" -o "$T/page" -w '%{time_total}' "https://127.0.0.1:$W$1")")
		size=$(stat -c %s "$T/page")
	done
	printf '%s\n' "${times[@]}" | sort -n | awk -v size="$size" -v n="$RUNS" \
		'{ a[NR] = $1 } END { printf "%.3f %.3f %d\n", a[int((n + 1) / 2)], a[n], size }'
}
read -r d_med d_max d_size < <(measure /)
d_rows=$(grep -c '<tr class="dev-' "$T/page")
read -r i_med i_max i_size < <(measure "/?verdict=infected")
read -r c_med c_max c_size < <(measure /devices.csv)
read -r f_med f_max f_size < <(measure /findings)
read -r v_med v_max v_size < <(measure "/device?id=rt-00017")
verdict=$(awk -v t="$d_med" 'BEGIN { print (t < 1.0) ? "yes" : "NO" }')

echo "## Fleet view"
echo
echo "\`iothunt-collector --web\` (production build) over HTTPS on 127.0.0.1, one logged-in"
echo "session, a store of $agents devices and $rows stored lines (10 scans per device and a few"
echo "findings each over 30 days). Time is curl's \`time_total\` per request (new TLS connection,"
echo "query, render, transfer), median and worst of $RUNS runs; $(nproc) cores, load average"
echo "$(cut -d' ' -f1-3 /proc/loadavg) at the end of the run (other work on the host counts in)."
echo
echo "| page | median s | max s | bytes |"
echo "|---|---:|---:|---:|"
echo "| device list, all $d_rows devices (\`/\`) | $d_med | $d_max | $d_size |"
echo "| device list filtered to infected (\`/?verdict=infected\`) | $i_med | $i_max | $i_size |"
echo "| device list as CSV (\`/devices.csv\`) | $c_med | $c_max | $c_size |"
echo "| findings, newest 500 (\`/findings\`) | $f_med | $f_max | $f_size |"
echo "| one device (\`/device?id=rt-00017\`) | $v_med | $v_max | $v_size |"
echo
echo "A page for $d_rows devices in under a second: **$verdict** (median $d_med s)."
echo
echo "Measured with: \`make bench-web\` (tests/ui/bench.sh; DEVICES=$DEVICES RUNS=$RUNS)."
[ "$verdict" = yes ] && [ "$d_rows" = "$DEVICES" ]
