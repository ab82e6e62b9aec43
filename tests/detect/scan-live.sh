#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# scan-live.sh AGENT: the MIPS agent scans the host's own /proc under
# qemu-user (a little-endian kernel under a big-endian program: the live
# byte-order probe must notice).  Must not crash: exit 0 or 1 and valid
# NDJSON with a final summary.  Two runs, each bounded by `timeout`:
#   1. in the host's network namespace with --no-resolve (real sockets, no
#      DNS traffic: tests talk only to 127.0.0.0/8);
#   2. in a fresh, empty network namespace without --no-resolve, so the
#      resolver path runs and fails fast without any packet leaving.
set -u
agent=${1:-build/mips/iothunt}
qemu=${QEMU:-qemu-mips-static}
out=build/test-out/scan-live
mkdir -p "$out"
fail=0

run() {   # NAME CPU PREFIX... -- ARGS...
    local name=$1 cpu=$2; shift 2
    local pre=()
    while [ "$1" != -- ]; do pre+=("$1"); shift; done
    shift
    timeout 300 "${pre[@]}" "$qemu" -cpu "$cpu" "$agent" scan --json "$@" \
        >"$out/$name.ndjson" 2>"$out/$name.err"
    local rc=$?
    if [ $rc -ne 0 ] && [ $rc -ne 1 ]; then
        echo "FAIL scan-live $name: exit $rc (stderr in $out/$name.err)"
        tail -n 5 "$out/$name.err" | sed 's/^/    /'
        fail=1
        return
    fi
    if ! python3 tests/detect/check-ndjson.py "$out/$name.ndjson"; then
        echo "FAIL scan-live $name: bad output"
        fail=1
        return
    fi
    if [ "$name" = host-4Kc ] && ! grep -q '"proc_net_byte_order":"le","proc_net_byte_order_from":"probe"' "$out/$name.ndjson"; then
        echo "FAIL scan-live $name: the probe did not find the host's little-endian /proc/net"
        fail=1
        return
    fi
    echo "PASS scan-live $name (exit $rc)"
}

run host-4Kc 4Kc -- --no-resolve
run host-24Kc 24Kc -- --no-resolve
if unshare -n true 2>/dev/null; then
    run netns-resolve-4Kc 4Kc unshare -n -- 
else
    echo "FAIL scan-live: cannot create a network namespace (unshare -n) for the resolver run"
    fail=1
fi
exit $fail
