#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# tests/tls/run.sh TLS_HELLO: the MIPS TLS client against `openssl s_server`
# on 127.0.0.1, under qemu on every CPU in QEMU_CPUS:
#   - TLS 1.3 handshake with a client certificate (must succeed, TLSv1.3);
#   - a TLS 1.2-only server, EC and RSA certificates (must be refused with
#     "server refused the handshake (TLS 1.3 with ChaCha20-Poly1305
#     required)": the client is 1.3 only);
#   - a server certificate from another CA, or for another name (must fail);
#   - an RSA server certificate signed by an RSA CA (PKCS#1 v1.5 certificate
#     signatures, RSA-PSS CertificateVerify), and the same server against
#     the EC CA (must fail);
#   - P-256 alone (the only key exchange group built), and an X25519-only
#     server (must be refused the same way);
#   - a server that offers only AES-128-GCM (must be refused the same way:
#     ChaCha20-Poly1305 is the only cipher built);
#   - resumption with a TLS 1.3 session ticket;
#   - an RSA client key (must be refused: RSA keys only verify).
# Bounded: every server accepts one or two connections and every step has a
# timeout.
set -u
prog=$1
qemu=${QEMU:-qemu-mips-static}
cpus=${QEMU_CPUS:-4Kc 24Kc}
work=build/test-out/tls
certs=$work/certs
mkdir -p "$work"
scripts/mkcerts.sh "$certs" tls-dev >/dev/null 2>&1 || { echo "FAIL mkcerts"; exit 1; }
# RSA 2048 CA and server certificate (127.0.0.1, localhost), SHA-256 with
# PKCS#1 v1.5 signatures; made once, like mkcerts.sh's.
rsa=$work/certs-rsa
mkrsa() {
    mkdir -p "$rsa" || return 1
    [ -s "$rsa/server.crt" ] && return 0
    openssl req -x509 -newkey rsa:2048 -nodes -keyout "$rsa/ca.key" -out "$rsa/ca.crt" \
        -subj "/O=iothunt test/CN=RSA test CA" -days 3650 -sha256 \
        -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
        -addext "keyUsage=critical,keyCertSign,cRLSign" || return 1
    openssl req -newkey rsa:2048 -nodes -keyout "$rsa/server.key" -out "$rsa/server.csr" \
        -subj "/O=iothunt test/CN=127.0.0.1" || return 1
    printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature" \
        "extendedKeyUsage=serverAuth" "subjectAltName=IP:127.0.0.1,DNS:localhost" >"$rsa/server.ext"
    openssl x509 -req -in "$rsa/server.csr" -CA "$rsa/ca.crt" -CAkey "$rsa/ca.key" \
        -set_serial 1 -days 3650 -sha256 -extfile "$rsa/server.ext" -out "$rsa/server.crt.tmp" &&
        mv "$rsa/server.crt.tmp" "$rsa/server.crt"
}
mkrsa >/dev/null 2>&1 || { echo "FAIL RSA certificates"; exit 1; }
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

# start_server CONNECTIONS PROTO_FLAG CERT KEY [S_SERVER_OPTION...]: s_server
# for that many connections on a free port
start_server() {
    local n=$1 proto=$2 crt=$3 key=$4
    shift 4
    port=$(build/host/tests/freeport) || return 1
    timeout 60 openssl s_server -accept "127.0.0.1:$port" "$proto" -cert "$crt" -key "$key" \
        -CAfile "$certs/ca.crt" -verify 1 -naccept "$n" -quiet "$@" \
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
npass=0
nfail=0
# what the client says when a server has no TLS 1.3, ChaCha20-Poly1305 or P-256
refused='server refused the handshake (TLS 1.3 with ChaCha20-Poly1305 and P-256 required)'
check() { # NAME EXPECT(ok|fail) PATTERN CMD...
    local name=$1 expect=$2 pat=$3 out rc
    shift 3
    out=$(timeout 60 "$@" 2>&1); rc=$?
    if [ "$expect" = ok ] && [ $rc -eq 0 ] && grep -q "$pat" <<<"$out"; then
        echo "PASS $name: $out"
        npass=$((npass + 1))
    elif [ "$expect" = fail ] && [ $rc -ne 0 ] && grep -q "$pat" <<<"$out"; then
        echo "PASS $name (refused as it must: $(tr '\n' ' ' <<<"$out"))"
        npass=$((npass + 1))
    else
        echo "FAIL $name (exit $rc): $out"
        nfail=$((nfail + 1))
        fail=1
    fi
    cleanup
}

ec=("$certs/collector.crt" "$certs/collector.key")
rsasrv=("$rsa/server.crt" "$rsa/server.key")
dev=("$certs/devices/tls-dev.crt" "$certs/devices/tls-dev.key")
for cpu in $cpus; do
    run=("$qemu" -cpu "$cpu" "$prog" 127.0.0.1)
    start_server 1 -tls1_3 "${ec[@]}" || exit 1
    check "tls1.3/$cpu" ok 'TLSv1.3' "${run[@]}" "$port" "$certs/ca.crt" 127.0.0.1 "${dev[@]}"
    start_server 1 -tls1_2 "${ec[@]}" || exit 1
    check "tls1.2-refused/$cpu" fail "$refused" "${run[@]}" \
        "$port" "$certs/ca.crt" localhost "${dev[@]}"
    start_server 1 -tls1_3 "$certs/rogue/collector.crt" "$certs/rogue/collector.key" || exit 1
    check "rogue-ca/$cpu" fail 'handshake failed' "${run[@]}" "$port" "$certs/ca.crt" 127.0.0.1 "${dev[@]}"
    start_server 1 -tls1_3 "${ec[@]}" || exit 1
    check "wrong-name/$cpu" fail 'handshake failed' "${run[@]}" "$port" "$certs/ca.crt" \
        collector.invalid "${dev[@]}"

    start_server 1 -tls1_3 "${rsasrv[@]}" || exit 1
    check "rsa-tls1.3/$cpu" ok 'TLSv1.3' "${run[@]}" "$port" "$rsa/ca.crt" 127.0.0.1 "${dev[@]}"
    start_server 1 -tls1_2 "${rsasrv[@]}" || exit 1
    check "rsa-tls1.2-refused/$cpu" fail "$refused" "${run[@]}" \
        "$port" "$rsa/ca.crt" localhost "${dev[@]}"
    start_server 1 -tls1_3 "${rsasrv[@]}" || exit 1
    check "rsa-rogue-ca/$cpu" fail 'verify flags 0x00000008' "${run[@]}" "$port" "$certs/ca.crt" 127.0.0.1 \
        "${dev[@]}"

    # RSA keys only verify (toolchain/patches/mbedtls/0001-rsa-verify-only.patch):
    # an RSA client key is refused before any connection is made
    port=$(build/host/tests/freeport) || exit 1
    check "rsa-client-key/$cpu" fail 'parse client key failed' "${run[@]}" "$port" "$rsa/ca.crt" \
        127.0.0.1 "${rsasrv[@]}"

    start_server 1 -tls1_3 "${ec[@]}" -groups X25519 || exit 1
    check "x25519-refused/$cpu" fail "$refused" "${run[@]}" "$port" "$certs/ca.crt" 127.0.0.1 "${dev[@]}"
    start_server 1 -tls1_3 "${ec[@]}" -groups P-256 || exit 1
    check "p256/$cpu" ok 'TLSv1.3' "${run[@]}" "$port" "$certs/ca.crt" 127.0.0.1 "${dev[@]}"
    start_server 1 -tls1_3 "${ec[@]}" -ciphersuites TLS_AES_128_GCM_SHA256 || exit 1
    check "aes-gcm-refused/$cpu" fail "$refused" "${run[@]}" "$port" "$certs/ca.crt" 127.0.0.1 \
        "${dev[@]}"

    start_server 2 -tls1_3 "${ec[@]}" || exit 1
    check "resume-tls1.3/$cpu" ok 'TLSv1.3 .* resumed$' "${run[@]}" "$port" "$certs/ca.crt" \
        127.0.0.1 "${dev[@]}" --resume
done
echo "$npass passed, $nfail failed"
exit $fail
