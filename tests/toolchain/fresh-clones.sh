#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# tests/toolchain/fresh-clones.sh [N]: a stranger's clone, N times (default 3).
#
# Each clone is made in an empty folder of its own (nothing beside it, so no
# file outside the repository can be read), from this repository's HEAD.
#  - Clone 1: `make -j4 demo` is killed (SIGKILL to its whole process group)
#    while `apt-get update` of the source fetch runs; clone 2: killed while
#    toolchain/fetch.sh downloads or unpacks a tarball.  Then `make -j4 demo`
#    is run again in the same tree, with no manual step, and must pass.
#  - Every other clone: `make -j4 demo` once, and it must pass.
# The clones share nothing with this tree (no dl/, no build/); each builds
# the toolchain, the agent, the collector and the rootfs from scratch.
# Bounded: each make 40 min.  Long (a full build per clone): in
# `make check-all`, not in `make check`.  Prints "ok"/"FAIL" per check.
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
N=${1:-3}
W=${FRESH_DIR:-/tmp/iothunt-fresh}
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok   $*"; }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

# demo DIR LOG: `make -j4 demo` in DIR, in a process group of its own
demo_start() {
    (cd "$1" && DEMO_PAUSE=0 exec setsid timeout -k 10 2400 make -j4 demo >"$2" 2>&1) &
    DEMO_PID=$!
}
# wait_for PATTERN SECONDS: until a process whose command line matches
# PATTERN runs (1 if the demo ended or the time passed first)
wait_for() {
    local i
    for i in $(seq $(($2 * 10))); do
        pgrep -f -- "$1" >/dev/null && return 0
        kill -0 "$DEMO_PID" 2>/dev/null || return 1
        sleep 0.1
    done
    return 1
}
# setsid and timeout: the demo's processes are in process group DEMO_PID
# (scripts/demo.sh keeps its steps in it); then none may be left running
# in the clone
kill_group() {
    local p left=""
    kill -KILL -- "-$DEMO_PID" 2>/dev/null
    wait "$DEMO_PID" 2>/dev/null
    sleep 0.5
    for p in $(pgrep -f .); do
        case $(readlink "/proc/$p/cwd" 2>/dev/null) in "$1"|"$1"/*) left="$left $p" ;; esac
    done
    [ -z "$left" ] && return 0
    kill -KILL $left 2>/dev/null
    bad "processes of the killed make still ran in $1:$left"
}

rm -rf "$W"
for i in $(seq "$N"); do
    d=$W/$i
    mkdir -p "$d"
    git clone -q "$TOP" "$d/iothunt" || { bad "clone $i: git clone"; continue; }
    c=$d/iothunt
    [ -e "$d/shared" ] && { bad "clone $i: $d is not empty"; continue; }
    what=""
    case $i in
    1) what="apt-get .*$c/build/apt.* update" ;;
    2) what="toolchain/fetch.sh" ;;
    esac
    if [ -n "$what" ]; then
        demo_start "$c" "$d/killed.log"
        if wait_for "$what" 1200; then
            sleep 0.3
            kill_group "$c"
            ok "clone $i: make -j4 demo killed while '${what%% *}' ran"
        else
            kill_group "$c"
            bad "clone $i: never saw '$what' (see $d/killed.log)"
        fi
    fi
    start=$(date +%s)
    demo_start "$c" "$d/demo.log"
    wait "$DEMO_PID"
    rc=$?
    secs=$(($(date +%s) - start))
    if [ $rc = 0 ] && grep -q '^demo: every step passed' "$d/demo.log"; then
        ok "clone $i: make -j4 demo passed (${secs} s$([ -n "$what" ] && echo ", after the kill, no manual step"))"
        grep -E '^(ok|not ok) - live scan names the bot' "$d/demo.log" | sed 's/^/     /'
    else
        bad "clone $i: make -j4 demo exit $rc after ${secs} s:"
        tail -n 15 "$d/demo.log" | sed 's/^/     /'
    fi
done
echo "$pass passed, $fail failed"
[ $fail = 0 ] && rm -rf "$W"
[ $fail = 0 ]
