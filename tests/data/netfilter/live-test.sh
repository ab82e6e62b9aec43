#!/bin/bash
# live-test.sh NF_TOOL [CAPTURE_DIR]
#
# The worm's rules, for real, inside a private network namespace (never the
# host's own): read back through each live source of netfilter_scan.
#   1. iptables-legacy rules   -> the kernel path (IPT_SO_GET_ENTRIES)
#   2. the same table captured -> parsed from the capture file
#   3. iptables-nft rules, CAP_NET_RAW dropped (the raw socket fails)
#                              -> iptables-save fallback, plus nft; one
#                                 finding per rule (the two sources agree)
# With CAPTURE_DIR, the raw outputs are kept there (how the files in
# tests/data/netfilter/ named live-* were made).
# Needs root, ip, iptables-legacy, iptables-nft, nft, setpriv: anything
# missing is a failure, never a skip.
set -u
tool=$1
keep=${2:-}
ns=iothunt-nf-test-$$
fail=0

for p in ip iptables-legacy iptables-nft nft setpriv; do
    if ! command -v "$p" >/dev/null; then
        echo "FAIL live-test: $p not installed" >&2
        exit 1
    fi
done
if [ "$(id -u)" != 0 ]; then
    echo "FAIL live-test: needs root (network namespaces)" >&2
    exit 1
fi
ip netns add "$ns" || { echo "FAIL live-test: cannot create namespace" >&2; exit 1; }
trap 'ip netns del "$ns"' EXIT
tmp=$(mktemp -d)
trap 'ip netns del "$ns"; rm -rf "$tmp"' EXIT
run() { timeout 30 ip netns exec "$ns" "$@"; }

check() { # NAME OUTPUT PATTERN COUNT
    local got
    got=$(grep -c -- "$3" <<<"$2")
    if [ "$got" = "$4" ]; then
        echo "PASS live-test: $1"
    else
        echo "FAIL live-test: $1: expected $4 lines matching '$3', got $got" >&2
        echo "$2" | sed 's/^/    /' >&2
        fail=1
    fi
}

# 1. legacy rules through the kernel
run iptables-legacy -A INPUT -i lo -j ACCEPT
run iptables-legacy -A INPUT -p tcp --destination-port 7547 -j DROP
run iptables-legacy -A INPUT -p tcp --destination-port 5555 -j DROP
run iptables-legacy -A INPUT -i eth0 -p tcp -m multiport --dports 23,2323,7547 -j REJECT
run iptables-legacy -A INPUT -p tcp -m tcp ! --dport 7547 -m comment --comment "not a block" -j DROP
run iptables-legacy -A INPUT -p tcp --dport 7000:8000 -j DROP
run iptables-legacy -N custom
run iptables-legacy -A INPUT -j custom
run iptables-legacy -A custom -p tcp --dport 5555 -j DROP
out=$(run "$tool" scan 2>&1)
check "kernel: sources" "$out" 'sources=kernel' 1
check "kernel: high findings" "$out" '"severity":"high"' 5
check "kernel: user chain followed" "$out" '\[kernel\]: -A custom -p tcp -m tcp --dport 5555 -j DROP' 1
check "kernel: 7547 rule" "$out" '\[kernel\]: -A INPUT -p tcp -m tcp --dport 7547 -j DROP' 1
check "kernel: 5555 rule" "$out" '\[kernel\]: -A INPUT -p tcp -m tcp --dport 5555 -j DROP' 1
check "kernel: multiport reject" "$out" 'rejects tcp dport 7547 \[kernel\]: -A INPUT -i eth0 -p tcp -m multiport --dports 23,2323,7547' 1

# 2. capture and parse back
if run "$tool" capture "$tmp/live.ipt"; then
    out=$("$tool" parse "$(lscpu | grep -q 'Big Endian' && echo be || echo le)" "$tmp/live.ipt" 2>&1)
    check "capture: blocks" "$out" '^block ' 5
    check "capture: rules" "$out" '^rules=8 bad=0' 1
    if [ -n "$keep" ]; then
        cp "$tmp/live.ipt" "$keep/live-legacy-x86_64-le.ipt"
        run iptables-legacy-save >"$keep/live-legacy-1.8.9-save.txt"
    fi
else
    echo "FAIL live-test: capture" >&2
    fail=1
fi

# 3. iptables-nft, without CAP_NET_RAW: iptables-save fallback and nft
run iptables-legacy -F
run iptables-legacy -X
# IPv6: ip6tables-save (no kernel reader for ip6t)
run ip6tables-legacy -A INPUT -p tcp --dport 7547 -j DROP
out=$(run "$tool" scan 2>&1)
check "ip6: the rule, once" "$out" 'drops tcp dport 7547 (IPv6) \[ip6tables' 1
run ip6tables-legacy -F
run iptables-nft -A INPUT -p tcp --destination-port 7547 -j DROP
run iptables-nft -A INPUT -p tcp --destination-port 5555 -j DROP
out=$(run setpriv --bounding-set=-net_raw "$tool" scan 2>&1)
check "nft: sources" "$out" 'sources=iptables-save,ip6tables-save,nft' 1
check "nft: findings once each" "$out" '"type":"iptables_tr069_block"' 2
check "nft: via iptables-save" "$out" '\[iptables-save\]' 2
check "nft: blocks seen twice" "$out" 'blocks=4 ' 1
if [ -n "$keep" ]; then
    run nft list ruleset >"$keep/live-iptables-nft-ruleset.txt"
    run iptables-nft-save >"$keep/live-iptables-nft-1.8.9-save.txt"
fi

# 4. nft only (fw4 style): a base chain on hook input
run iptables-nft -F
run nft add table inet fw4
run nft add chain inet fw4 input '{ type filter hook input priority filter; policy accept; }'
run nft add rule inet fw4 input tcp dport '{ 5555, 7547 }' counter drop
out=$(run "$tool" scan 2>&1)
check "fw4: one finding for both ports" "$out" 'drops tcp dport 7547,5555 \[nft\]: inet fw4 input: tcp dport { 5555, 7547 }' 1
if [ -n "$keep" ]; then
    run nft list ruleset >"$keep/live-fw4-style-ruleset.txt"
fi
exit $fail
