#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# scan-live.sh AGENT: the MIPS agent scans the host's own /proc under
# qemu-user (a little-endian kernel under a big-endian program: the live
# byte-order probe must notice).  Must not crash: exit 0, 1 or 3 and valid
# NDJSON with a final summary.  Then, as an unprivileged user: never CLEAN,
# the screen says what was not read and to run as root, and no tool's raw
# stderr reaches the screen.  Two runs, each bounded by `timeout`:
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
    if [ $rc -ne 0 ] && [ $rc -ne 1 ] && [ $rc -ne 3 ]; then
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

# unprivileged (nobody): other users' processes and the firewall cannot be
# read, so the scan is incomplete whatever it finds
if command -v setpriv >/dev/null && [ "$(id -u)" = 0 ]; then
    d=$(mktemp -d)
    cp "$agent" "$d/iothunt" && chmod 755 "$d" "$d/iothunt"
    (cd / && NO_COLOR= timeout 300 setpriv --reuid=65534 --regid=65534 --clear-groups \
        "$qemu" -cpu 24Kc "$d/iothunt" scan --no-resolve) >"$out/nobody.txt" 2>"$out/nobody.err"
    rc=$?
    rm -rf "$d"
    if { [ $rc = 3 ] || [ $rc = 1 ]; } &&
       head -n 1 "$out/nobody.txt" | grep -Eq '^(INCOMPLETE|[A-Z]+ \(incomplete\)) ' &&
       grep -q '^  not read: the executable of [0-9]* process(es)' "$out/nobody.txt" &&
       grep -q 'run iothunt as root and scan again' "$out/nobody.txt" && [ ! -s "$out/nobody.err" ]; then
        echo "PASS scan-live nobody: exit $rc, $(grep '^  not read' "$out/nobody.txt" | cut -c1-120)"
    else
        echo "FAIL scan-live nobody (exit $rc):"
        sed 's/^/    /' "$out/nobody.txt" | grep -v '^     ' | head; sed 's/^/    stderr: /' "$out/nobody.err" | head
        fail=1
    fi
else
    echo "FAIL scan-live: the unprivileged run needs root and setpriv"
    fail=1
fi
exit $fail
