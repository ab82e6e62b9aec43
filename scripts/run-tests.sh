#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# run-tests.sh host TEST...   run unit-test programs on the host
# run-tests.sh mips TEST...   run them under qemu-mips-static on every CPU
#                             in QEMU_CPUS (default "4Kc 24Kc")
# run-tests.sh ARCH TEST...   (mipsel, arm, aarch64) the same under
#                             $QEMU (default qemu-ARCH-static), QEMU_CPUS
#                             (TEST_ARGS: arguments for every program)
# run-tests.sh record NAME STATUS   record an integration test's result
# run-tests.sh summary        print "N passed, N failed" over everything
#                             recorded since the last `make check` began
#
# Results are appended to build/test-out/results (one "STATUS NAME" line),
# and each program's output is kept in build/test-out/NAME.log.
set -u
out=build/test-out
mkdir -p "$out"
mode=$1; shift

record() {
    echo "$2 $1" >> "$out/results"
}

case "$mode" in
host|mips|mipsel|arm|aarch64)
    cpus=${QEMU_CPUS:-4Kc 24Kc}
    [ "$mode" = host ] && cpus=native
    fail=0
    for t in "$@"; do
        for cpu in $cpus; do
            name="$mode/$cpu/$(basename "$t")"
            log="$out/${name//\//_}.log"
            if [ "$mode" = host ]; then
                timeout 300 "$t" ${TEST_ARGS:-} >"$log" 2>&1
            else
                timeout 600 ${QEMU:-qemu-$mode-static} -cpu "$cpu" "$t" ${TEST_ARGS:-} >"$log" 2>&1
            fi
            rc=$?
            if [ $rc -eq 0 ]; then
                record "$name" pass
                printf 'PASS %s (%s)\n' "$name" "$(grep -E 'PASSED|[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1 | sed 's/^ *//')"
            else
                record "$name" fail
                fail=1
                printf 'FAIL %s (exit %d), log %s:\n' "$name" "$rc" "$log"
                tail -n 30 "$log" | sed 's/^/    /'
            fi
        done
    done
    exit $fail
    ;;
record)
    record "$1" "$2"
    ;;
reset)
    rm -f "$out/results"
    ;;
summary)
    p=$(grep -c '^pass ' "$out/results" 2>/dev/null); p=${p:-0}
    f=$(grep -c '^fail ' "$out/results" 2>/dev/null); f=${f:-0}
    if [ "$f" -gt 0 ]; then
        grep '^fail ' "$out/results" | sed 's/^fail /failed: /'
    fi
    echo "$p passed, $f failed"
    [ "$f" -eq 0 ] && [ "$p" -gt 0 ]
    ;;
*)
    echo "usage: run-tests.sh host|mips|mipsel|arm|aarch64|record|reset|summary ..." >&2
    exit 2
    ;;
esac
