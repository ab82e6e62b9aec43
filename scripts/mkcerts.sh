#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# mkcerts.sh OUTDIR [device-id...]
#
# Makes the certificates of an iothunt deployment with openssl, all ECDSA P-256
# (the agent's TLS stack is built for P-256 only):
#
#   OUTDIR/ca.crt, ca.key                 the deployment CA (pinned by agents,
#                                         --client-ca of the collector)
#   OUTDIR/collector.crt, collector.key   collector server certificate:
#                                         CN 127.0.0.1, SAN IP:127.0.0.1,
#                                         DNS:localhost (+ $COLLECTOR_NAMES)
#   OUTDIR/devices/ID.crt, ID.key         one client certificate per device,
#                                         CN = device id (the agent's identity)
#   OUTDIR/rogue/ca.crt, ca.key           an unrelated CA, for must-fail tests
#   OUTDIR/rogue/collector.crt, .key      a server cert with the real names,
#                                         signed by the rogue CA
#   OUTDIR/rogue/client.crt, client.key   a client cert signed by the rogue CA,
#                                         CN = the first device id (an
#                                         impersonation attempt), or "rogue"
#
# Idempotent: existing files are kept, so re-running with a new device id adds
# that device without invalidating the others. Keys are mode 0600.
# COLLECTOR_NAMES="DNS:collector.example,IP:10.0.0.5" adds SAN entries.
# DAYS (default 3650) sets the validity of new certificates.
set -eu

usage() {
	echo "usage: $0 OUTDIR [device-id...]" >&2
	exit 2
}

[ $# -ge 1 ] || usage
out=$1
shift
days=${DAYS:-3650}
umask 077
mkdir -p "$out/devices" "$out/rogue"

# A device id becomes a certificate CN, a database key and a CEF value:
# keep it to a conservative alphabet.
check_id() {
	case $1 in
	'' | *[!A-Za-z0-9._-]*)
		echo "$0: bad device id '$1' (allowed: A-Z a-z 0-9 . _ -, 1-64 chars)" >&2
		exit 2
		;;
	esac
	if [ ${#1} -gt 64 ]; then
		echo "$0: device id '$1' longer than 64 characters" >&2
		exit 2
	fi
}

for id in "$@"; do
	check_id "$id"
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

newkey() {
	[ -s "$1" ] && return 0
	openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 \
		-pkeyopt ec_param_enc:named_curve -out "$1.tmp" 2>/dev/null
	chmod 600 "$1.tmp"
	mv "$1.tmp" "$1"
}

serial() {
	echo "0x$(openssl rand -hex 15)"
}

# mkca DIR CN
mkca() {
	newkey "$1/ca.key"
	[ -s "$1/ca.crt" ] && return 0
	openssl req -x509 -new -key "$1/ca.key" -sha256 -days "$days" \
		-subj "/O=iothunt/CN=$2" -set_serial "$(serial)" \
		-addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
		-addext "keyUsage=critical,keyCertSign,cRLSign" \
		-addext "subjectKeyIdentifier=hash" \
		-out "$1/ca.crt.tmp"
	mv "$1/ca.crt.tmp" "$1/ca.crt"
}

# mkleaf CADIR KEY CRT CN EXTFILE
mkleaf() {
	newkey "$2"
	[ -s "$3" ] && return 0
	openssl req -new -key "$2" -subj "/O=iothunt/CN=$4" -out "$tmp/req.csr"
	openssl x509 -req -in "$tmp/req.csr" -CA "$1/ca.crt" -CAkey "$1/ca.key" \
		-set_serial "$(serial)" -days "$days" -sha256 \
		-extfile "$5" -out "$3.tmp" 2>/dev/null
	mv "$3.tmp" "$3"
	chmod 644 "$3"
}

san="IP:127.0.0.1,DNS:localhost"
if [ -n "${COLLECTOR_NAMES:-}" ]; then
	san="$san,$COLLECTOR_NAMES"
fi
cat >"$tmp/server.ext" <<EOX
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth
subjectAltName=$san
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
EOX
cat >"$tmp/client.ext" <<EOX
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=clientAuth
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
EOX

mkca "$out" "iothunt CA"
chmod 644 "$out/ca.crt"
mkleaf "$out" "$out/collector.key" "$out/collector.crt" 127.0.0.1 "$tmp/server.ext"
for id in "$@"; do
	mkleaf "$out" "$out/devices/$id.key" "$out/devices/$id.crt" "$id" "$tmp/client.ext"
done

rogue_cn=${1:-rogue}
mkca "$out/rogue" "iothunt CA"
chmod 644 "$out/rogue/ca.crt"
mkleaf "$out/rogue" "$out/rogue/collector.key" "$out/rogue/collector.crt" 127.0.0.1 "$tmp/server.ext"
mkleaf "$out/rogue" "$out/rogue/client.key" "$out/rogue/client.crt" "$rogue_cn" "$tmp/client.ext"
