#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# scan-fixtures.sh AGENT [RUNNER...]: the command line over the --root
# fixtures (tests/data/fixtures): exit codes, verdicts, the human screen and
# the NDJSON contract of DESIGN.md section 2.  RUNNER (e.g.
# "qemu-mips-static -cpu 4Kc") runs a cross-built agent.
set -u
agent=$1; shift
runner=("$@")
fx=tests/data/fixtures
out=build/test-out/scan-fixtures
mkdir -p "$out"
fail=0

check() {   # NAME WANT_EXIT CHECK-ARGS -- SCAN-ARGS...
    local name=$1 want=$2; shift 2
    local chk=()
    while [ "$1" != -- ]; do chk+=("$1"); shift; done
    shift
    timeout 120 "${runner[@]}" "$agent" scan --json --no-resolve "$@" >"$out/$name.ndjson" 2>"$out/$name.err"
    local rc=$?
    if [ $rc -ne "$want" ]; then
        echo "FAIL $name: exit $rc, want $want"; tail -n 5 "$out/$name.err" | sed 's/^/    /'; fail=1; return
    fi
    if ! python3 tests/detect/check-ndjson.py "$out/$name.ndjson" "${chk[@]}"; then
        echo "FAIL $name"; fail=1; return
    fi
    echo "PASS $name"
}

all=ioc_connection,ioc_domain,iptables_tr069_block,mirai_lock_port,port_grab,exe_deleted,exe_in_tmpfs,scanner_activity,dns_bypass,rule_match,hash_match
check infected 1 --verdict INFECTED --types $all -- --root $fx/infected --iocs $fx/infected.iocs
check clean 0 --verdict CLEAN -- --root $fx/clean
check lockdown 1 --verdict CLEAN --types iptables_tr069_block -- --root $fx/lockdown
check lockdown-allowed 0 --verdict CLEAN -- --root $fx/lockdown --allow rules/allowlist.example
check malformed 1 -- --root $fx/malformed
grep -q '"bad_records":[1-9]' "$out/malformed.ndjson" || { echo "FAIL malformed: no bad records counted"; fail=1; }
grep -q '"suppressed":1' "$out/lockdown-allowed.ndjson" || { echo "FAIL lockdown-allowed: suppression not counted"; fail=1; }

# errors: exit 2 with the file and line at fault
timeout 60 "${runner[@]}" "$agent" scan --root $fx/clean --allow $fx/bad.allow >"$out/bad-allow.out" 2>"$out/bad-allow.err"
rc=$?
if [ $rc -ne 2 ] || ! grep -q "bad.allow:2:" "$out/bad-allow.err"; then
    echo "FAIL bad allowlist: exit $rc, stderr:"; sed 's/^/    /' "$out/bad-allow.err"; fail=1
else
    echo "PASS bad allowlist (exit 2, file:line on stderr)"
fi
timeout 60 "${runner[@]}" "$agent" scan --bogus >/dev/null 2>&1
[ $? -eq 2 ] && echo "PASS unknown option (exit 2)" || { echo "FAIL unknown option"; fail=1; }

# the human screen: verdict first, one line per finding, then what to do;
# no colour when stdout is not a terminal
NO_COLOR= timeout 60 "${runner[@]}" "$agent" scan --no-resolve --root $fx/infected >"$out/screen.txt" 2>/dev/null
if ! head -n 1 "$out/screen.txt" | grep -q '^INFECTED ' || ! tail -n 1 "$out/screen.txt" | grep -q '^next: ' ||
   grep -q $'\033' "$out/screen.txt"; then
    echo "FAIL human screen:"; sed 's/^/    /' "$out/screen.txt" | head; fail=1
else
    echo "PASS human screen ($(wc -l <"$out/screen.txt") lines)"
fi

# the fixture's stand-in image is real enough for the public rule
if command -v yara >/dev/null; then
    if yara tests/data/yara-rules/MALW_Mirai.yar "$fx/infected/tmp/.x (deleted)" | grep -q '^Mirai_Generic_Arch '; then
        echo "PASS yara: the infected fixture's image matches the public Mirai_Generic_Arch"
    else
        echo "FAIL yara does not match the fixture image"; fail=1
    fi
else
    echo "FAIL yara not installed (.ci/packages.txt)"; fail=1
fi
exit $fail
