#!/bin/bash
# tests/tls/run.sh TLS_HELLO: the MIPS TLS client against `openssl s_server`
# on 127.0.0.1, under qemu on every CPU in QEMU_CPUS:
#   - TLS 1.3 handshake with a client certificate (must succeed, TLSv1.3);
#   - TLS 1.2 handshake (must succeed, TLSv1.2);
#   - a server certificate from another CA (must fail).
# Bounded: every server accepts one connection and every step has a timeout.
set -u
prog=$1
qemu=${QEMU:-qemu-mips-static}
cpus=${QEMU_CPUS:-4Kc 24Kc}
work=build/test-out/tls
certs=$work/certs
mkdir -p "$work"
scripts/mkcerts.sh "$certs" tls-dev >/dev/null 2>&1 || { echo "FAIL mkcerts"; exit 1; }
[ -x build/host/tests/freeport ] || { echo "FAIL: build/host/tests/freeport missing"; exit 1; }

srv_pid=
cleanup() {
    if [ -n "$srv_pid" ]; then
        kill "$srv_pid" 2>/dev/null
        wait "$srv_pid" 2>/dev/null
    fi
    srv_pid=
}
trap cleanup EXIT INT TERM

# start_server PROTO_FLAG CERT KEY: s_server for one connection on a free port
start_server() {
    port=$(build/host/tests/freeport) || return 1
    timeout 60 openssl s_server -accept "127.0.0.1:$port" "$1" -cert "$2" -key "$3" \
        -CAfile "$certs/ca.crt" -verify 1 -naccept 1 -quiet \
        >"$work/server.log" 2>&1 </dev/null &
    srv_pid=$!
    for _ in $(seq 50); do
        if ss -ltnH "sport = :$port" 2>/dev/null | grep -q .; then
            return 0
        fi
        sleep 0.1
    done
    echo "s_server did not start:"; cat "$work/server.log"
    return 1
}

fail=0
check() { # NAME EXPECT(ok|fail) PATTERN CMD...
    local name=$1 expect=$2 pat=$3 out rc
    shift 3
    out=$(timeout 60 "$@" 2>&1); rc=$?
    if [ "$expect" = ok ] && [ $rc -eq 0 ] && grep -q "$pat" <<<"$out"; then
        echo "PASS $name: $out"
    elif [ "$expect" = fail ] && [ $rc -ne 0 ] && grep -q "$pat" <<<"$out"; then
        echo "PASS $name (refused as it must: $(tr '\n' ' ' <<<"$out"))"
    else
        echo "FAIL $name (exit $rc): $out"
        fail=1
    fi
    cleanup
}

for cpu in $cpus; do
    start_server -tls1_3 "$certs/collector.crt" "$certs/collector.key" || exit 1
    check "tls1.3/$cpu" ok 'TLSv1.3' "$qemu" -cpu "$cpu" "$prog" 127.0.0.1 "$port" \
        "$certs/ca.crt" 127.0.0.1 "$certs/devices/tls-dev.crt" "$certs/devices/tls-dev.key"
    start_server -tls1_2 "$certs/collector.crt" "$certs/collector.key" || exit 1
    check "tls1.2/$cpu" ok 'TLSv1.2' "$qemu" -cpu "$cpu" "$prog" 127.0.0.1 "$port" \
        "$certs/ca.crt" localhost "$certs/devices/tls-dev.crt" "$certs/devices/tls-dev.key" --tls12
    start_server -tls1_3 "$certs/rogue/collector.crt" "$certs/rogue/collector.key" || exit 1
    check "rogue-ca/$cpu" fail 'handshake failed' "$qemu" -cpu "$cpu" "$prog" 127.0.0.1 "$port" \
        "$certs/ca.crt" 127.0.0.1 "$certs/devices/tls-dev.crt" "$certs/devices/tls-dev.key"
    start_server -tls1_3 "$certs/collector.crt" "$certs/collector.key" || exit 1
    check "wrong-name/$cpu" fail 'handshake failed' "$qemu" -cpu "$cpu" "$prog" 127.0.0.1 "$port" \
        "$certs/ca.crt" collector.invalid "$certs/devices/tls-dev.crt" "$certs/devices/tls-dev.key"
done
exit $fail
