#!/bin/bash
# mkbundles.sh: (re)make the signed test bundles of this directory with
# openssl and test.key (a key made for these tests only; other.pub's private
# key was discarded).  Fixed times, far expiry: the tests pass their own
# clock to bundle_check().
set -eu
cd "$(dirname "$0")"
body() { # OUT VERSION CREATED EXPIRES [NAME FILE]...
    local out=$1
    printf 'iothunt-bundle 1\nversion %s\ncreated %s\nexpires %s\n' "$2" "$3" "$4" >"$out"
    shift 4
    while [ $# -ge 2 ]; do
        printf 'file %s %s\n' "$1" "$(wc -c <"$2")" >>"$out"
        cat "$2" >>"$out"
        printf '\n' >>"$out"
        shift 2
    done
}
sign() { # BODY OUT
    cp "$1" "$2"
    printf 'sig %s\n' "$(openssl dgst -sha256 -sign test.key "$1" | od -An -tx1 -v | tr -d ' \n')" >>"$2"
    rm "$1"
}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
cat >"$t/iocs.csv" <<'CSV'
# "first_seen_utc","ioc_id","ioc_value","ioc_type","threat_type","fk_malware","malware_alias","malware_printable","last_seen_utc","confidence_level"
"2025-12-01 10:00:00", "1", "198.51.100.77:6667", "ip:port", "botnet_cc", "elf.mirai", "None", "Mirai", "", "100"
"2025-12-01 11:00:00", "2", "c2.bundle-test.example", "domain", "botnet_cc", "elf.mirai", "None", "Mirai", "", "75"
CSV
printf 'rule Bundle_Unit { strings: $a = "bundle-unit-marker" condition: $a }\n' >"$t/unit.yar"
printf 'ip 192.0.2.1 type=ioc_connection\n' >"$t/site.allow"
printf 'rule Broken { condition: $nothing }\n' >"$t/bad.yar"
printf '198.51.100.78:23\n999.1.1.1\n' >"$t/bad.txt"
body "$t/b" 5 1764979200 4102444800 iocs.csv "$t/iocs.csv" unit.yar "$t/unit.yar" site.allow "$t/site.allow"
sign "$t/b" good-v5.bundle
body "$t/b" 6 1765065600 4102444800 iocs.csv "$t/iocs.csv"
sign "$t/b" good-v6.bundle
body "$t/b" 7 1765065600 4102444800 bad.yar "$t/bad.yar"
sign "$t/b" bad-rule-v7.bundle
body "$t/b" 8 1765065600 4102444800 bad.txt "$t/bad.txt"
sign "$t/b" bad-ioc-v8.bundle
