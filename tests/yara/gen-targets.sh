#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# gen-targets.sh common DIR        benign files exercising every construct
#                                  of tests/yara/rules/ (headers, sizes,
#                                  hex patterns, strings across read chunks)
# gen-targets.sh from RULES DIR    files built from the strings of each rule
#                                  in RULES: all of them, all but one, upper
#                                  case, UTF-16LE, glued to letters, behind
#                                  an ELF header
# Nothing here is malware: the files only hold the rules' own strings.
set -eu

# bytes HEX...: write the bytes given as hex pairs
bytes() {
    local h out=""
    for h in "$@"; do out+="\\x$h"; done
    printf "$out"
}

# wide TEXT: UTF-16LE of ASCII TEXT
wide() {
    printf '%s' "$1" | iconv -f ISO-8859-1 -t UTF-16LE
}

elf_be() { bytes 7f 45 4c 46 01 02 01 00 00 00 00 00 00 00 00 00; }
elf_le() { bytes 7f 45 4c 46 01 01 01 00 00 00 00 00 00 00 00 00; }

mirai_strings() {
    printf 'Myname--is:\0'
    printf 'busybox iptables -A INPUT -p tcp --destination-port 7547 -j DROP\0'
    printf 'busybox iptables -A INPUT -p tcp --destination-port 5555 -j DROP\0'
    printf '/proc/net/tcp\0/dev/watchdog\0'
}

hex_patterns() {
    bytes de ab ce ef ca fe 00
    bytes ca fe ba be 00 00 00 00 11 22 00
    bytes ca fe ba be 01 02 03 33 44 00
    bytes 55 66 77 88 99 aa 00
    bytes 10 20 30 40 03 04 05 50 00
    bytes 10 20 30 40 06 08 ff 60 00
    bytes 10 20 30 40 09 00 00 0a 60 00
    bytes c3 d4 e5 f6 00
    bytes 00 5a 5a 5a 5a 71 00
    bytes 4a 55 4d 50 00 00 4a 4b 01 02 03 4c 00
    bytes ab cd 00 ab cd 00 ab 00
}

hex_near_misses() {
    bytes de ab ce ee ca fe 00
    bytes ca fe ba be 00 00 00 11 22 00
    bytes ca fe ba be 01 02 03 04 05 06 07 33 44 00
    bytes 55 66 77 88 01 02 03 04 99 aa 00
    bytes 10 20 30 40 03 04 50 00
    bytes 10 20 30 40 06 09 60 00
    bytes 10 20 30 40 09 0a 60 00
    bytes c3 d5 e5 f6 00
    bytes 5a 5a 5a 5a 71 00
    bytes 4a 55 4d 50 00 00 00 00 00 00 00 00 00 00 4a 4b 4c 00
}

text_positives() {
    printf 'iothunt-marker\n'
    printf 'xx mixed-case-token yy\n'
    wide 'wide-only-token'
    printf '\ndual-token\n'
    wide 'dual-token'
    printf '\nDUAL-TOKEN\n a word, '
    wide ' wword '
    printf '\nWord word xWord\n'
    printf 'tab\there\nnew "quoted" back\\slash \x01\x02\xfe\n'
    printf 'anon-one anon-two QQQQ\n'
}

text_negatives() {
    printf 'iothunt-markeR\nmixed-case-tokeN\nwide-only-token\n'
    printf 'dual-token\nswordy xwordx\n'
    wide 'xwwordx'
    printf 'tab\there\nnew "quoted" back\\slash \x01\x02\xff\nanon-one Q\n'
}

cond_file() {
    # "alpha-token" exactly at 16, then the others
    printf 'HDR-0123456789ab'
    printf 'alpha-token beta-token gamma-token rep-rep-rep-rep-rep-\n'
}

common() {
    local d=$1 i
    mkdir -p "$d"
    : > "$d/empty"
    printf 'iothunt hash test\n' > "$d/hashtest.txt"
    printf 'aaaaaa\n' > "$d/aaaaaa.txt"
    printf 'Q' > "$d/one-byte"
    text_positives > "$d/text-pos.txt"
    text_negatives > "$d/text-neg.txt"
    { elf_le; text_positives; } > "$d/text-pos-elf"
    { elf_be; hex_patterns; } > "$d/hex-pos.bin"
    { elf_le; hex_near_misses; } > "$d/hex-neg.bin"
    { elf_be; mirai_strings; } > "$d/mirai-be.elf"
    { elf_le; mirai_strings; } > "$d/mirai-le.elf"
    { elf_be; mirai_strings | head -c 40; } > "$d/mirai-partial.elf"
    mirai_strings > "$d/mirai-noheader.bin"
    cond_file > "$d/cond.txt"
    { printf 'HDR-0123456789ab'; printf 'beta-token rep-rep-rep-\n'; } > "$d/cond-beta.txt"
    { printf 'HDR-0123456789abX'; printf 'alpha-token rep-rep-rep-rep-\n'; } > "$d/cond-shifted.txt"
    { elf_be; printf '\xff\xff\xff\xff'; head -c 300 /dev/zero; } > "$d/signed.bin"
    # ~100 KiB: every pattern once near the start, once straddling each
    # read-chunk boundary region, and once at the very end
    head -c 102400 /dev/zero | tr '\0' 'f' > "$d/big.bin"
    for i in 0 16370 16383 16390 32760 32768 49150 65530; do
        { text_positives; hex_patterns; mirai_strings; } | dd of="$d/big.bin" bs=1 seek=$i conv=notrunc status=none
    done
    { cat "$d/big.bin"; mirai_strings; hex_patterns; printf 'iothunt-marker'; } > "$d/big-tail.bin"
    # larger than 1 MiB, for filesize and KB/MB arithmetic
    { elf_be; head -c 1100000 /dev/zero; printf 'alpha-token beta-token'; } > "$d/over-1mb.bin"
}

# Parse RULES into lines "R name" and "S kind mods|value" (text/hex).
extract() {
    awk '
    function flush() { }
    /^[ \t]*(private[ \t]+|global[ \t]+)*rule[ \t]+[A-Za-z_]/ {
        line = $0; sub(/.*rule[ \t]+/, "", line); sub(/[^A-Za-z0-9_].*/, "", line)
        print "R " line; next
    }
    /^[ \t]*\$[A-Za-z0-9_]*[ \t]*=[ \t]*"/ {
        line = $0; sub(/^[^"]*"/, "", line)
        val = line; mods = line
        # value up to the last unescaped quote
        n = length(line); last = 0
        for (i = 1; i <= n; i++) {
            c = substr(line, i, 1)
            if (c == "\\") { i++; continue }
            if (c == "\"") { last = i; break }
        }
        val = substr(line, 1, last - 1); mods = substr(line, last + 1)
        w = (mods ~ /wide/) ? 1 : 0; a = (mods ~ /ascii/ || !w) ? 1 : 0
        print "T " a w "|" val; next
    }
    /^[ \t]*\$[A-Za-z0-9_]*[ \t]*=[ \t]*\{[^}\/]*\}/ {
        line = $0; sub(/^[^{]*\{/, "", line); sub(/\}.*/, "", line)
        if (line ~ /[\[\(]/) next
        gsub(/\?/, "0", line); gsub(/[ \t]/, "", line)
        print "H " line; next
    }' "$1"
}

# emit_rule DIR NAME: files from the strings collected in T_* arrays
from() {
    local rules=$1 d=$2 kind rest name="" n
    mkdir -p "$d"
    local -a txt=() hex=()
    flush_rule() {
        [ -n "$name" ] || return 0
        [ $((${#txt[@]} + ${#hex[@]})) -gt 0 ] || return 0
        local base=$d/$name s i
        : > "$base.all"; : > "$base.upper"; : > "$base.wide"; : > "$base.drop1"; : > "$base.glued"
        i=0
        for s in "${txt[@]}"; do
            printf '%b\n' "$s" >> "$base.all"
            printf '%b\n' "$s" | tr 'a-z' 'A-Z' >> "$base.upper"
            wide "$(printf '%b' "$s")" >> "$base.wide"; printf '\n' >> "$base.wide"
            [ $i -eq 0 ] || printf '%b\n' "$s" >> "$base.drop1"
            printf 'x%bx' "$s" >> "$base.glued"
            i=$((i + 1))
        done
        for s in "${hex[@]}"; do
            printf "$(echo "$s" | sed 's/../\\x&/g')" | tee -a "$base.all" "$base.upper" "$base.wide" "$base.glued" >> "$base.drop1"
        done
        { elf_be; cat "$base.all"; } > "$base.elf"
    }
    while IFS= read -r line; do
        kind=${line%% *}; rest=${line#* }
        case $kind in
        R) flush_rule; name=$rest; txt=(); hex=() ;;
        T) txt+=("${rest#*|}") ;;
        H) hex+=("$rest") ;;
        esac
    done < <(extract "$rules")
    flush_rule
}

case "${1:-}" in
common) common "$2" ;;
from) from "$2" "$3" ;;
*) echo "usage: gen-targets.sh common DIR | from RULES DIR" >&2; exit 2 ;;
esac
