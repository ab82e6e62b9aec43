#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# scan-fixtures.sh AGENT [RUNNER...]: the command line over the --root
# fixtures (tests/data/fixtures): exit codes, verdicts, the human screen and
# the NDJSON contract of DESIGN.md section 2.  RUNNER (e.g.
# "qemu-mips-static -cpu 4Kc") runs a cross-built agent.  FIXTURES names
# another fixture directory (default tests/data/fixtures): the little-endian
# set that mkfixtures.py --little-endian writes for LE targets.
set -u
agent=$1; shift
runner=("$@")
fx=${FIXTURES:-tests/data/fixtures}
tag=$(basename "$agent")-$(dirname "$agent" | tr / _)-$(echo "$fx" | tr / _)
out=build/test-out/scan-fixtures/$tag
mkdir -p "$out"
fail=0
passed=0
failed=0
pass() { echo "PASS $*"; passed=$((passed + 1)); }
flunk() { echo "FAIL $*"; failed=$((failed + 1)); fail=1; }

check() {   # NAME WANT_EXIT CHECK-ARGS -- SCAN-ARGS...
    local name=$1 want=$2; shift 2
    local chk=()
    while [ "$1" != -- ]; do chk+=("$1"); shift; done
    shift
    timeout 120 "${runner[@]}" "$agent" scan --json --no-resolve "$@" >"$out/$name.ndjson" 2>"$out/$name.err"
    local rc=$?
    if [ $rc -ne "$want" ]; then
        flunk "$name: exit $rc, want $want"; tail -n 5 "$out/$name.err" | sed 's/^/    /'; return
    fi
    if ! python3 tests/detect/check-ndjson.py "$out/$name.ndjson" "${chk[@]}"; then
        flunk "$name"; return
    fi
    pass "$name"
}

all=ioc_connection,ioc_domain,iptables_tr069_block,mirai_lock_port,port_grab,exe_deleted,exe_in_tmpfs,scanner_activity,dns_bypass,rule_match,hash_match
check infected 1 --verdict INFECTED --types $all --complete yes -- --root $fx/infected --iocs $fx/infected.iocs
check clean 0 --verdict CLEAN --complete yes -- --root $fx/clean
check lockdown 1 --verdict CLEAN --types iptables_tr069_block -- --root $fx/lockdown
check lockdown-allowed 0 --verdict CLEAN -- --root $fx/lockdown --allow rules/allowlist.example
check malformed 1 -- --root $fx/malformed
# a kernel without IPv6 (no if_inet6, no v6 tables) is read completely;
# with IPv6 present, a missing v6 table is an unread source
v4only=$out/v4only
rm -rf "$v4only" && cp -a "$fx/clean" "$v4only" && rm -f "$v4only"/proc/net/tcp6 "$v4only"/proc/net/udp6 "$v4only"/proc/net/raw6
check no-ipv6 0 --verdict CLEAN --complete yes -- --root "$v4only"
touch "$v4only/proc/net/if_inet6"
check ipv6-table-missing 3 --verdict INCOMPLETE --complete no -- --root "$v4only"
# no socket table at all (an image's /proc without net/): every table unread
rm -f "$v4only"/proc/net/if_inet6 "$v4only"/proc/net/tcp "$v4only"/proc/net/udp "$v4only"/proc/net/raw
check no-socket-tables 3 --verdict INCOMPLETE --complete no -- --root "$v4only"
grep -q '"bad_records":[1-9]' "$out/malformed.ndjson" || flunk "malformed: no bad records counted"
grep -q '"suppressed":1' "$out/lockdown-allowed.ndjson" || flunk "lockdown-allowed: suppression not counted"

# forked copies of one bot are one finding per kind with their pids
grep -q '"type":"exe_deleted".*"pid":1301,"pids":\[1301,1302,1303\]' "$out/infected.ndjson" &&
    [ "$(grep -c '"type":"rule_match".*"pid":1301' "$out/infected.ndjson")" = 1 ] &&
    pass "infected: copies of one image are one finding with pids [1301,1302,1303]" ||
    flunk "infected: copies of one image not grouped"

# qemu-user: the guest image from /proc/PID/maps; memfd and anonymous: fileless
check emulated 1 --verdict INFECTED --types exe_deleted,exe_in_tmpfs,rule_match,hash_match,fileless_exec --complete yes \
    -- --root $fx/emulated --iocs $fx/infected.iocs
if grep -q '"exe":"/usr/bin/qemu-mips-static"' "$out/emulated.ndjson" ||
   ! grep -q '"type":"exe_deleted".*"pids":\[1400,1401,1402\].*"exe":"/tmp/.bot"' "$out/emulated.ndjson" ||
   [ "$(grep -c '"type":"fileless_exec"' "$out/emulated.ndjson")" != 2 ]; then
    flunk "emulated: attribution"; grep -v summary "$out/emulated.ndjson" | cut -c1-160 | sed 's/^/    /'
else
    pass "emulated: the guest /tmp/.bot named (not qemu), pids 1400-1402, 2 fileless_exec"
fi

# a source the hunt needs is missing: INCOMPLETE, exit 3, never CLEAN
rm -rf "$out/incomplete" && cp -a $fx/clean "$out/incomplete" &&
    rm "$out/incomplete/proc/net/raw" "$out/incomplete/iptables-save.txt"
check incomplete 3 --verdict INCOMPLETE --complete no -- --root "$out/incomplete"
NO_COLOR= timeout 60 "${runner[@]}" "$agent" scan --no-resolve --root "$out/incomplete" >"$out/incomplete.txt" 2>"$out/incomplete.err"
rc=$?
if [ $rc = 3 ] && head -n 1 "$out/incomplete.txt" | grep -q '^INCOMPLETE ' &&
   grep -q '^  not read: 1 socket table(s) in /proc/net; the firewall rules$' "$out/incomplete.txt" &&
   tail -n 1 "$out/incomplete.txt" | grep -q '^next: the hunt is incomplete'; then
    pass "incomplete screen (exit 3, what was not read, what to do)"
else
    flunk "incomplete screen (exit $rc):"; sed 's/^/    /' "$out/incomplete.txt"
fi

# --root must be an image: a usage error otherwise (exit 2, named)
for r in /nonexistent tests/data; do
    timeout 60 "${runner[@]}" "$agent" scan --root "$r" >"$out/badroot.out" 2>"$out/badroot.err"
    rc=$?
    if [ $rc = 2 ] && grep -q "^$r: --root: " "$out/badroot.err" && [ ! -s "$out/badroot.out" ]; then
        pass "--root $r: usage error (exit 2)"
    else
        flunk "--root $r: exit $rc"; sed 's/^/    /' "$out/badroot.err"
    fi
done

# every subcommand answers --help, with the exit codes README and
# docs/FINDINGS.md give
codes='0 clean, 1 findings, 2 error'
for c in "" scan match report daemon selftest; do
    timeout 60 "${runner[@]}" "$agent" $c --help >"$out/help.out" 2>&1
    rc=$?
    if [ $rc = 0 ] && grep -q "^usage: iothunt ${c:-scan}" "$out/help.out" &&
       grep -q "exit status: $codes" "$out/help.out" && grep -q "3 incomplete" "$out/help.out"; then
        pass "iothunt $c --help"
    else
        flunk "iothunt $c --help (exit $rc)"; sed 's/^/    /' "$out/help.out"
    fi
done
for d in README.md docs/FINDINGS.md; do
    grep -q "$codes, 3 incomplete" "$d" && pass "$d gives the exit codes 0-3" ||
        flunk "$d does not give the exit codes as --help does"
done

# netfilter: the worm's rules through user chains, nft sets and maps,
# ip6tables, and a lockdown declared by a script using $IPT; each on the
# clean device; the allowlist's lockdown entries still apply
nf=tests/data/netfilter
printf 'lockdown 7547\nlockdown 5555\n' >"$out/lockdown-both.allow"
for c in "root-userchain 1 INFECTED 2" "root-nft-sets 1 INFECTED 3" "root-ipt-var 1 CLEAN 3"; do
    set -- $c
    rm -rf "$out/$1" && cp -a $fx/clean "$out/$1" && cp -a "$nf/$1/." "$out/$1/"
    check "$1" "$2" --verdict "$3" --types iptables_tr069_block --complete yes -- --root "$out/$1"
    n=$(grep -c '"type":"iptables_tr069_block"' "$out/$1.ndjson")
    [ "$n" = "$4" ] && pass "$1: $4 blocking rules" || flunk "$1: $n blocking rules, want $4"
    check "$1-allowed" 0 --verdict CLEAN -- --root "$out/$1" --allow "$out/lockdown-both.allow"
    grep -q "\"suppressed\":$4" "$out/$1-allowed.ndjson" && pass "$1: the allowlist suppresses $4" ||
        flunk "$1: allowlist"
done

# errors: exit 2 with the file and line at fault
timeout 60 "${runner[@]}" "$agent" scan --root $fx/clean --allow $fx/bad.allow >"$out/bad-allow.out" 2>"$out/bad-allow.err"
rc=$?
if [ $rc -ne 2 ] || ! grep -q "bad.allow:2:" "$out/bad-allow.err"; then
    flunk "bad allowlist: exit $rc, stderr:"; sed 's/^/    /' "$out/bad-allow.err"
else
    pass "bad allowlist (exit 2, file:line on stderr)"
fi
timeout 60 "${runner[@]}" "$agent" scan --bogus >/dev/null 2>&1
[ $? -eq 2 ] && pass "unknown option (exit 2)" || flunk "unknown option"

# the human screen: verdict first, one line per finding, then what to do;
# no colour when stdout is not a terminal
NO_COLOR= timeout 60 "${runner[@]}" "$agent" scan --no-resolve --root $fx/infected >"$out/screen.txt" 2>/dev/null
if ! head -n 1 "$out/screen.txt" | grep -q '^INFECTED ' || ! tail -n 1 "$out/screen.txt" | grep -q '^next: ' ||
   grep -q $'\033' "$out/screen.txt"; then
    flunk "human screen:"; sed 's/^/    /' "$out/screen.txt" | head
else
    pass "human screen ($(wc -l <"$out/screen.txt") lines)"
fi

# the fixture's stand-in image is real enough for the public rule
if command -v yara >/dev/null; then
    if yara tests/data/yara-rules/MALW_Mirai.yar "$fx/infected/tmp/.x (deleted)" | grep -q '^Mirai_Generic_Arch '; then
        pass "yara: the infected fixture's image matches the public Mirai_Generic_Arch"
    else
        flunk "yara does not match the fixture image"
    fi
else
    flunk "yara not installed (.ci/packages.txt)"
fi
echo "scan-fixtures $agent: $passed passed, $failed failed"
exit $fail
