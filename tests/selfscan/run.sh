#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# run.sh BINARY... [-- CONTROL...]
#
# The agent must survive the thing it hunts (DESIGN.md section 4): scan each
# BINARY with Debian's yara and every public rule file of
# $YARA_RULES_DIR (each file alone when yara accepts it alone, else
# together with prelude.yar, which defines the rules Okiru/Satori borrow
# from elsewhere), plus the agent's own rules/mirai.yar, and require that
# nothing matches; then require that neither `strings` of the binary nor
# its raw bytes contain the worm's clear-text needles.
#
# Each CONTROL after `--` is an agent built without the encoding (embed
# --plain): the same checks must FLAG it, or this test proves nothing.
# A positive control file made of the needles must match too.  A check
# that cannot run (no yara, a rule file yara refuses) is a failure.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
rules_dir=${YARA_RULES_DIR:-$root/tests/data/yara-rules}
out=$root/build/selfscan
mkdir -p "$out"
fail=0

say() { printf '%s\n' "$*"; }
bad() { printf 'FAIL: %s\n' "$*"; fail=1; }

command -v yara >/dev/null || { bad "yara is not installed (apt-get install yara)"; exit 1; }
command -v strings >/dev/null || { bad "strings is not installed (binutils)"; exit 1; }

# --- the clear-text needles -------------------------------------------------
needles=$out/needles.txt
cat > "$needles" <<'N'
Myname--is:
busybox iptables -A INPUT -p tcp --destination-port 7547 -j DROP
busybox iptables -A INPUT -p tcp --destination-port 5555 -j DROP
--destination-port 7547 -j DROP
--destination-port 5555 -j DROP
REPORT %s:%s
HTTPFLOOD
LOLNOGTFO
zollard
N

# --- the rule sets ------------------------------------------------------------
sets=()
n_alone=0 n_prelude=0
for f in "$rules_dir"/*.yar; do
    [ -e "$f" ] || continue
    if yara -w "$f" /dev/null >/dev/null 2>"$out/yara.err"; then
        sets+=("$f")
        n_alone=$((n_alone + 1))
    else
        comb=$out/with-prelude-$(basename "$f")
        cat "$here/prelude.yar" "$f" > "$comb"
        if yara -w "$comb" /dev/null >/dev/null 2>"$out/yara.err"; then
            sets+=("$comb")
            n_prelude=$((n_prelude + 1))
        else
            bad "yara refuses $f even with prelude.yar: $(head -n 1 "$out/yara.err")"
        fi
    fi
done
sets+=("$root/rules/mirai.yar")
yara -w "$root/rules/mirai.yar" /dev/null >/dev/null 2>"$out/yara.err" ||
    bad "yara refuses rules/mirai.yar: $(head -n 1 "$out/yara.err")"
say "rule files: $n_alone alone, $n_prelude with prelude.yar, plus rules/mirai.yar"
[ $((n_alone + n_prelude)) -ge 8 ] || bad "expected the 8 public rule files in $rules_dir, found $((n_alone + n_prelude))"

# scan FILE: print every "RULE FILE" match of every set; 2 on a yara error
scan() {
    local s rc=0
    for s in "${sets[@]}"; do
        yara -w "$s" "$1" 2>"$out/yara.err" || { echo "yara error on $s: $(head -n 1 "$out/yara.err")" >&2; rc=2; }
    done
    return $rc
}

# hits FILE: needles found in `strings` of FILE and in its raw bytes
hits() {
    strings -a -n 6 "$1" | grep -F -f "$needles" | sed 's/^/strings: /'
    grep -a -o -F -f "$needles" "$1" | sort -u | sed 's/^/raw: /'
}

# --- positive control: the needles themselves must be caught -------------------
worm=$out/needles.bin
{ printf '\177ELF'; tr '\n' '\0' < "$needles"; printf '/proc/net/tcp\0'; } > "$worm"
m=$(scan "$worm")
if printf '%s\n' "$m" | grep -q '^Mirai_Generic_Arch ' && printf '%s\n' "$m" | grep -q '^Mirai_MIPS_MSB '; then
    say "ok   positive control matches Mirai_Generic_Arch and Mirai_MIPS_MSB"
else
    bad "positive control not matched by the rules (got: ${m:-nothing})"
fi
[ -n "$(hits "$worm")" ] || bad "positive control: needles not found by strings/grep"

# --- the agent binaries: nothing may match ---------------------------------------
control=0
for b in "$@"; do
    if [ "$b" = "--" ]; then
        control=1
        continue
    fi
    if [ ! -s "$b" ]; then
        bad "$b: missing"
        continue
    fi
    m=$(scan "$b"); rc=$?
    h=$(hits "$b")
    if [ $rc -ne 0 ]; then
        bad "$b: yara could not scan it"
    elif [ $control -eq 0 ]; then
        if [ -z "$m" ] && [ -z "$h" ]; then
            say "ok   $b: no yara match (${#sets[@]} rule files), no clear-text needle"
        else
            bad "$b looks like the worm:"
            printf '%s\n' "$m" "$h" | sed '/^$/d; s/^/    /'
        fi
    else
        if [ -n "$m" ] && [ -n "$h" ]; then
            say "ok   control $b (built without encoding) is flagged: $(printf '%s' "$m" | awk '{print $1}' | sort -u | tr '\n' ' ')"
        else
            bad "control $b (built without encoding) was NOT flagged: the self-scan cannot fail"
        fi
    fi
done
[ $fail -eq 0 ] && say "selfscan: ok" || say "selfscan: FAILED"
exit $fail
