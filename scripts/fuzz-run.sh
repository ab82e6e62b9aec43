#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# fuzz-run.sh NAME SECONDS: run build/fuzz/NAME for SECONDS on the corpus in
# tests/fuzz/corpus/NAME (seeds, committed) plus build/fuzz/corpus/NAME
# (grown, not committed).  Only one fuzzer runs at a time on this machine:
# the lock serialises concurrent callers.  Appends the final libFuzzer
# statistics to build/fuzz/NAME.stats.
set -eu
name=$1 secs=$2
seeds=tests/fuzz/corpus/$name
grown=build/fuzz/corpus/$name
mkdir -p "$grown" "$seeds"
exec 9>/tmp/iothunt-fuzz.lock
flock 9
log=build/fuzz/$name.log
build/fuzz/$name -max_total_time="$secs" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix=build/fuzz/"$name"- "$grown" "$seeds" >"$log" 2>&1 || {
    echo "fuzz-run: $name FAILED, see $log" >&2
    tail -n 40 "$log" >&2
    exit 1
}
runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
echo "$(date -u +%FT%TZ) $name ${secs}s runs=$runs" | tee -a build/fuzz/"$name".stats
