#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# tests/bundle/run.sh COLLECTOR AGENT [RUNNER...]: signed intel bundles end
# to end, with the real collector (host) and the real agent (AGENT run
# through RUNNER, e.g. qemu-mips-static -cpu 24Kc).
#
#   1. keygen; a bundle built from a ThreatFox export WITHOUT the bot's C2
#      (152.236.6.20:23, an ESTABLISHED connection in the infected fixture)
#      installs; the scan misses the C2.
#   2. a bundle from an export WITH it installs (update --file); the next
#      scan reports the connection (ioc_connection, ioc 152.236.6.20:23).
#   3. refusals, each leaving the previous bundle active (same bytes, no
#      write to it) with a bundle_rejected finding (update's output and the
#      next scan): a flipped byte in the body, in the signature, another
#      key, older version, same version, expired, truncated, over the cap,
#      a valid signature over a rule the agent cannot parse.
#   4. the same bundle again: exit 0, no file written (counted with strace).
#   5. key rotation (bundle_key_next), intel_stale on an expired active bundle.
# Ends with "N passed, N failed".
set -u
collector=$1
agent=$2
shift 2
runner=("$@")
name=$(basename "$agent")${runner[*]:+-$(basename "${runner[0]}")}
work=build/test-out/bundle-$name-$$
rm -rf "$work"
mkdir -p "$work"
work=$(cd "$work" && pwd)
fx=tests/data/fixtures
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   $*"; }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
check() { # DESCRIPTION COMMAND...
    local d=$1
    shift
    if "$@"; then ok "$d"; else bad "$d"; fi
}

now=$(date +%s)
C2=152.236.6.20:23

# --- inputs --------------------------------------------------------------
export_csv() { # FILE WITH_C2
    {
        echo '# "first_seen_utc","ioc_id","ioc_value","ioc_type","threat_type","fk_malware","malware_alias","malware_printable","last_seen_utc","confidence_level","reference","tags","anonymous","reporter"'
        echo "\"$(date -u -d @$((now - 86400)) '+%F %T')\", \"1\", \"198.51.100.7:23\", \"ip:port\", \"botnet_cc\", \"elf.mirai\", \"None\", \"Mirai\", \"\", \"75\", \"None\", \"\", \"0\", \"t\""
        echo "\"$(date -u -d @$((now - 40 * 86400)) '+%F %T')\", \"2\", \"198.51.100.8:23\", \"ip:port\", \"botnet_cc\", \"elf.mirai\", \"None\", \"Mirai\", \"\", \"75\", \"None\", \"\", \"0\", \"t\""
        echo "\"$(date -u -d @$((now - 86400)) '+%F %T')\", \"3\", \"198.51.100.9:80\", \"ip:port\", \"botnet_cc\", \"elf.gafgyt\", \"None\", \"Bashlite\", \"\", \"75\", \"None\", \"\", \"0\", \"t\""
        echo "\"$(date -u -d @$((now - 86400)) '+%F %T')\", \"4\", \"198.51.100.7:23\", \"ip:port\", \"botnet_cc\", \"elf.mirai\", \"None\", \"Mirai\", \"\", \"50\", \"None\", \"\", \"0\", \"t\""
        if [ "$2" = 1 ]; then
            echo "\"$(date -u -d @$((now - 3600)) '+%F %T')\", \"5\", \"152[.]236[.]6[.]20:23\", \"ip:port\", \"botnet_cc\", \"elf.mirai\", \"None\", \"Mirai\", \"\", \"100\", \"None\", \"\", \"0\", \"t\""
        fi
    } >"$1"
}
export_csv "$work/old.csv" 0
export_csv "$work/new.csv" 1
printf 'rule Bundle_Test { strings: $a = "bundle-test-marker" condition: $a }\n' >"$work/extra.yar"

# --- keys --------------------------------------------------------------------
check "keygen" bash -c "'$collector' bundle keygen --out '$work/a.key' --pub '$work/a.pub' >/dev/null"
"$collector" bundle keygen --out "$work/b.key" --pub "$work/b.pub" >/dev/null
"$collector" bundle keygen --out "$work/c.key" --pub "$work/c.pub" >/dev/null
check "keygen refuses to overwrite a key" \
    bash -c "! '$collector' bundle keygen --out '$work/a.key' --pub '$work/x.pub' 2>/dev/null"
check "signing key is private (0600)" test "$(stat -c %a "$work/a.key")" = 600

conf() { # FILE [extra lines]
    local f=$1
    shift
    {
        echo "bundle = $work/active.bundle"
        echo "bundle_key = $work/a.pub"
        printf '%s\n' "$@"
    } >"$f"
}
conf "$work/agent.conf"

build() { # OUT [options]
    local out=$1
    shift
    "$collector" bundle build --key "$work/a.key" --out "$out" "$@" >>"$work/build.log" 2>&1
}
update() { # BUNDLE [conf] -> exit status; output in $work/update.out
    timeout 120 "${runner[@]}" "$agent" update --config "${2:-$work/agent.conf}" --file "$1" \
        >"$work/update.out" 2>"$work/update.err"
}
scan() { # -> NDJSON in $work/scan.out
    timeout 120 "${runner[@]}" "$agent" scan --json --no-builtin --no-resolve --root "$fx/infected" \
        --bundle "$work/active.bundle" >"$work/scan.out" 2>"$work/scan.err"
}
has_c2() { grep '"type":"ioc_connection"' "$work/scan.out" | grep -q "\"ioc\":\"$C2\""; }
state() { stat -c '%i %s %Y' "$work/active.bundle" 2>/dev/null; sha256sum "$work/active.bundle" 2>/dev/null; }

# --- 1. a bundle without the C2 ----------------------------------------------
check "build v10 without the C2" build "$work/v10.bundle" --version 10 --iocs "$work/old.csv" \
    --rules "$work/extra.yar" --max-age-days 30 --family Mirai
check "v10: the 40-day-old IOC and the Bashlite one are not in it" \
    bash -c "! grep -q -e 198.51.100.8 -e 198.51.100.9 '$work/v10.bundle'"
check "v10: the duplicate IOC is in it once" test "$(grep -c 198.51.100.7 "$work/v10.bundle")" = 1
check "update --file v10 installs" update "$work/v10.bundle"
check "active bundle is v10" cmp -s "$work/v10.bundle" "$work/active.bundle"
scan
check "scan with v10 misses the C2" bash -c "! grep -q '$C2' '$work/scan.out'"

# --- 2. a bundle with it -------------------------------------------------------
check "build v11 from an export with the C2" build "$work/v11.bundle" --version 11 \
    --iocs "$work/new.csv" --rules "$work/extra.yar" --max-age-days 30 --family Mirai
check "update --file v11 installs" update "$work/v11.bundle"
scan
check "the next scan reports the connection to the C2" has_c2
check "--version shows the bundle" bash -c "timeout 60 ${runner[*]} '$agent' --version --config '$work/agent.conf' | grep -q 'bundle v11, created'"

# --- 3. refusals ----------------------------------------------------------------
# A bundle body signed by KEY with openssl (no validation on the way).
sign() { # BODY KEY OUT
    cp "$1" "$3"
    printf 'sig %s\n' "$(openssl dgst -sha256 -sign "$2" "$1" | od -An -tx1 -v | tr -d ' \n')" >>"$3"
}
body() { # FILE VERSION CREATED EXPIRES [name data]...
    local f=$1
    printf 'iothunt-bundle 1\nversion %s\ncreated %s\nexpires %s\n' "$2" "$3" "$4" >"$f"
    shift 4
    while [ $# -ge 2 ]; do
        printf 'file %s %s\n' "$1" "$(printf '%s' "$2" | wc -c)" >>"$f"
        printf '%s\n' "$2" >>"$f"
        shift 2
    done
}
sigstart=$(grep -abo '^sig ' "$work/v11.bundle" | cut -d: -f1)
flip() { # IN OUT OFFSET: one bit of the first decimal digit at or after OFFSET
    python3 -c '
import sys
b = bytearray(open(sys.argv[1], "rb").read())
i = int(sys.argv[3])
while not 48 <= b[i] <= 57:
    i += 1
b[i] ^= 1
open(sys.argv[2], "wb").write(b)' "$1" "$2" "$3"
}
flip "$work/v11.bundle" "$work/r-body.bundle" 200
flip "$work/v11.bundle" "$work/r-sig.bundle" $((sigstart + 20))
"$collector" bundle build --key "$work/b.key" --out "$work/r-key.bundle" --version 12 \
    --iocs "$work/new.csv" >/dev/null 2>&1
build "$work/r-old.bundle" --version 9 --iocs "$work/new.csv"
build "$work/r-same.bundle" --version 11 --iocs "$work/old.csv"
build "$work/r-expired.bundle" --version 13 --iocs "$work/new.csv" --now $((now - 10 * 86400)) \
    --expires-days 2
head -c $(( $(stat -c %s "$work/v11.bundle") - 30 )) "$work/v11.bundle" >"$work/r-trunc.bundle"
awk 'BEGIN { for (i = 0; i < 3000; i++) printf "203.0.%d.%d:23\n", i / 250, i % 250 }' >"$work/big.txt"
build "$work/r-cap.bundle" --version 14 --iocs "$work/big.txt"
body "$work/r-rule.body" 15 "$now" $((now + 86400)) bad.yar 'rule Broken { condition: $missing }'
sign "$work/r-rule.body" "$work/a.key" "$work/r-rule.bundle"
conf "$work/cap.conf" "bundle_max_bytes = 40000"
for f in r-key r-old r-same r-expired r-cap; do
    [ -s "$work/$f.bundle" ] || bad "could not make $f.bundle (see $work/build.log)"
done

before=$(state)
refuse() { # DESCRIPTION BUNDLE EXPECTED-REASON [conf]
    local st
    update "$2" "${4:-}"
    st=$?
    if [ $st -ne 0 ] && grep -q '"type":"bundle_rejected"' "$work/update.out" &&
        grep -q "$3" "$work/update.out" && [ "$(state)" = "$before" ]; then
        scan
        if grep '"type":"bundle_rejected"' "$work/scan.out" | grep -q "$3" && has_c2; then
            ok "refused: $1 ($(sed -n 's/.*"reason":"\([^"]*\)".*/\1/p' "$work/update.out"))"
            return
        fi
        bad "refused: $1, but the next scan lacks the finding or the v11 IOCs"
        return
    fi
    bad "refused: $1 (exit $st, $(cat "$work/update.out" "$work/update.err" | head -c 300))"
}
refuse "one flipped byte in the body" "$work/r-body.bundle" "bad signature"
refuse "one flipped byte in the signature" "$work/r-sig.bundle" "signature"
refuse "signed by another key" "$work/r-key.bundle" "bad signature"
refuse "older version" "$work/r-old.bundle" "not newer than the active 11"
refuse "same version" "$work/r-same.bundle" "not newer than the active 11"
refuse "expired" "$work/r-expired.bundle" "expired"
refuse "truncated" "$work/r-trunc.bundle" "truncated\|signature"
refuse "over the cap" "$work/r-cap.bundle" "over the cap" "$work/cap.conf"
refuse "a valid signature over a rule the agent cannot parse" "$work/r-rule.bundle" "bad.yar does not load"

# --- 4. unchanged: no flash write ---------------------------------------------------
if command -v strace >/dev/null; then
    # (LeakSanitizer cannot run under ptrace: off for these runs of the host build)
    export ASAN_OPTIONS=detect_leaks=0
    strace -f -o "$work/strace.log" -e trace=openat,open,rename,renameat,renameat2,unlink,unlinkat \
        timeout 120 "${runner[@]}" "$agent" update --config "$work/agent.conf" --file "$work/v11.bundle" \
        >"$work/update.out" 2>&1
    st=$?
    writes=$(grep -c -e 'O_WRONLY' -e 'O_RDWR' -e 'rename' -e 'unlink' "$work/strace.log")
    check "the active bundle again: exit 0, $writes file write(s)" test $st -eq 0 -a "$writes" -eq 0
    update "$work/r-old.bundle"     # the note now says why v9 is refused
    strace -f -o "$work/strace2.log" -e trace=openat,open,rename,renameat,renameat2 \
        timeout 120 "${runner[@]}" "$agent" update --config "$work/agent.conf" --file "$work/r-old.bundle" \
        >/dev/null 2>&1
    writes=$(grep -c -e 'O_WRONLY' -e 'rename' "$work/strace2.log")
    check "the same refusal again: $writes file write(s) (the note is unchanged)" test "$writes" -eq 0
    unset ASAN_OPTIONS
else
    bad "strace is not installed: flash writes not counted"
fi

# --- 5. rotation and staleness ------------------------------------------------------
"$collector" bundle build --key "$work/c.key" --out "$work/v20.bundle" --version 20 \
    --iocs "$work/new.csv" >/dev/null 2>&1
update "$work/v20.bundle"
check "a bundle signed by the next key is refused while only the first is trusted" test $? -ne 0
conf "$work/rot.conf" "bundle_key_next = $work/c.pub"
check "... and installs with bundle_key_next = the new key" update "$work/v20.bundle" "$work/rot.conf"
scan
check "an accepted bundle clears bundle_rejected" bash -c "! grep -q bundle_rejected '$work/scan.out'"
"$collector" bundle build --key "$work/c.key" --out "$work/v21.bundle" --version 21 \
    --iocs "$work/new.csv" --now $((now - 3 * 86400)) --expires-days 1 >/dev/null 2>&1
# installed through a device clock set back (faketime-free: expiry is checked at install
# time against the device clock, so install it into a copy of the state first)
cp "$work/v21.bundle" "$work/active.bundle"
scan
check "an expired active bundle: intel_stale finding and the summary says so" \
    bash -c "grep -q '\"type\":\"intel_stale\"' '$work/scan.out' && grep '\"type\":\"summary\"' '$work/scan.out' | grep -q '\"intel_stale\":true'"
check "... and its IOCs are still hunted" has_c2

# --- 6. over the network, and retro-hunting ---------------------------------------
# The collector serves the bundle (GET /v1/bundle, mutual TLS); device dev-a
# (the agent under test, on the infected fixture) reports while its bundle
# lacks the C2: its report carries the endpoint; the collector builds a
# bundle with it and the retro-hunt flags dev-a; dev-a fetches the bundle
# (then a 304), and its next report has the ioc_connection.
pids=()
cleanup() { local p; for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; }
trap cleanup EXIT INT TERM
if scripts/mkcerts.sh "$work/certs" dev-a >/dev/null 2>&1 && [ -x build/host/tests/freeport ]; then
    port=$(build/host/tests/freeport)
    cp "$work/v10.bundle" "$work/serve.bundle"
    "$collector" --listen "127.0.0.1:$port" --cert "$work/certs/collector.crt" \
        --key "$work/certs/collector.key" --client-ca "$work/certs/ca.crt" --db "$work/db.sqlite" \
        --bundle "$work/serve.bundle" >"$work/collector.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 100); do
        ss -ltnH "sport = :$port" | grep -q . && break
        sleep 0.1
    done
    mkdir -p "$work/dev-a"
    {
        echo "collector = 127.0.0.1:$port"
        echo "ca = $work/certs/ca.crt"
        echo "cert = $work/certs/devices/dev-a.crt"
        echo "key = $work/certs/devices/dev-a.key"
        echo "spool_path = $work/dev-a/spool"
        echo "state_path = $work/dev-a/seq"
        echo "timeout = 60"
        echo "resolve = no"
        echo "builtin = no"
        echo "root = $PWD/$fx/infected"
        echo "bundle = $work/dev-a/bundle"
        echo "bundle_key = $work/a.pub"
    } >"$work/dev-a.conf"
    net() { timeout 300 "${runner[@]}" "$agent" "$@" --config "$work/dev-a.conf" >"$work/net.out" 2>"$work/net.err"; }
    q() { "$collector" query --db "$work/db.sqlite" --json "$@" 2>/dev/null; }
    net update
    check "update from the collector installs v10" cmp -s "$work/v10.bundle" "$work/dev-a/bundle"
    net report
    q --agent dev-a >"$work/q1.json"
    check "dev-a's report (bundle v10) carries the C2 endpoint" \
        bash -c "grep '\"type\":\"endpoints\"' '$work/q1.json' | grep -q '$C2'"
    check "... and no ioc_connection for it" bash -c "! grep ioc_connection '$work/q1.json' | grep -q '$C2'"
    cp "$work/v11.bundle" "$work/serve.bundle"
    "$collector" retro --db "$work/db.sqlite" --bundle "$work/serve.bundle" --previous "$work/v10.bundle" \
        >"$work/retro.out" 2>"$work/retro.err"
    q --type ioc_retro >"$work/q2.json"
    check "retro-hunt: an ioc_retro finding for dev-a, which talked to the C2 before v11" \
        bash -c "grep -q '\"agent\":\"dev-a\"' '$work/retro.out' && grep -q '$C2' '$work/q2.json'"
    "$collector" retro --db "$work/db.sqlite" --bundle "$work/serve.bundle" --previous "$work/v10.bundle" \
        >/dev/null 2>"$work/retro2.err"
    check "retro-hunt again: nothing stored twice" grep -q ', 0 new' "$work/retro2.err"
    net update
    check "update fetches v11 (GET /v1/bundle)" cmp -s "$work/v11.bundle" "$work/dev-a/bundle"
    ASAN_OPTIONS=detect_leaks=0 strace -f -o "$work/strace3.log" \
        -e trace=openat,open,rename,renameat,renameat2,unlink,unlinkat \
        timeout 300 "${runner[@]}" "$agent" update --config "$work/dev-a.conf" >"$work/net.out" 2>&1
    st=$?
    writes=$(grep -v -e "$work/dev-a/spool" -e "$work/dev-a/seq" "$work/strace3.log" |
        grep -c -e 'O_WRONLY' -e 'O_RDWR' -e 'rename' -e 'unlink')
    check "update again: 304 Not Modified, exit 0, $writes bundle file write(s)" \
        bash -c "[ $st -eq 0 ] && [ $writes -eq 0 ] && grep -q unchanged '$work/net.out'"
    net report
    q --agent dev-a --type ioc_connection >"$work/q3.json"
    check "dev-a's next report has the connection to the C2" grep -q "$C2" "$work/q3.json"
    mkdir -p "$work/serve.bundle.d"
    build "$work/serve.bundle.d/dev-a.bundle" --version 12 --iocs "$work/new.csv"
    net update
    check "a group bundle (serve.bundle.d/dev-a.bundle) wins for dev-a" \
        cmp -s "$work/serve.bundle.d/dev-a.bundle" "$work/dev-a/bundle"
else
    bad "could not make certificates or find build/host/tests/freeport: network part not run"
fi

echo "bundle ($name): $pass passed, $fail failed"
[ $fail -eq 0 ]
