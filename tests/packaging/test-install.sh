#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# test-install.sh AGENT_BIN: run `make install` and `make install-collector`
# into scratch DESTDIRs and compare the installed trees, file by file (mode
# and path), with tests/packaging/agent.files and collector.files; the
# installed programs must be the built ones; a second install must keep an
# edited /etc/iothunt.conf.  Ends with "N passed, N failed".
set -u
agent=$1
out=build/test-out/install
rm -rf "$out" && mkdir -p "$out"
pass=0 fail=0
ok()  { echo "PASS $*"; pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

listing() {   # DIR: "MODE PATH" of every file and symlink, sorted
    (cd "$1" && find . \( -type f -o -type l \) -printf '%m %P\n' | awk '{ printf "%04d %s\n", $1, $2 }' | LC_ALL=C sort)
}
compare() {   # NAME DIR EXPECTED
    grep -v '^#' "$3" | LC_ALL=C sort > "$out/$1.want"
    listing "$2" > "$out/$1.got"
    if diff -u "$out/$1.want" "$out/$1.got" > "$out/$1.diff"; then
        ok "$1: $(wc -l < "$out/$1.got") files as listed in $3"
    else
        bad "$1: installed tree differs from $3:"; sed 's/^/    /' "$out/$1.diff"
    fi
}

d=$PWD/$out/agent
if make --no-print-directory install DESTDIR="$d" PREFIX=/usr AGENT_BIN="$agent" > "$out/agent.log" 2>&1; then
    compare agent "$d" tests/packaging/agent.files
    cmp -s "$agent" "$d/usr/sbin/iothunt" && ok "agent: usr/sbin/iothunt is $agent" || bad "agent: usr/sbin/iothunt is not $agent"
    echo "collector = edited.example:1" >> "$d/etc/iothunt.conf"
    make --no-print-directory install DESTDIR="$d" PREFIX=/usr AGENT_BIN="$agent" >> "$out/agent.log" 2>&1
    if grep -q edited.example "$d/etc/iothunt.conf" && [ -e "$d/etc/iothunt.conf.example" ]; then
        ok "agent: reinstall keeps the edited /etc/iothunt.conf (new copy as iothunt.conf.example)"
    else
        bad "agent: reinstall overwrote /etc/iothunt.conf"
    fi
else
    bad "make install:"; tail -n 20 "$out/agent.log" | sed 's/^/    /'
fi

d=$PWD/$out/collector
if make --no-print-directory install-collector DESTDIR="$d" PREFIX=/usr > "$out/collector.log" 2>&1; then
    compare collector "$d" tests/packaging/collector.files
    u=$d/lib/systemd/system/iothunt-collector.service
    if grep -q '^ExecStart=/usr/sbin/iothunt-collector ' "$u" && ! grep -q @ "$u"; then
        ok "collector: unit runs /usr/sbin/iothunt-collector, no placeholder left"
    else
        bad "collector: unit ExecStart or placeholders:"; grep -n 'ExecStart\|@' "$u" | sed 's/^/    /'
    fi
    if ! command -v systemd-analyze >/dev/null; then
        bad "collector: systemd-analyze not installed (package systemd)"
    else
        # the unit with its paths pointed into DESTDIR (verify checks that
        # the program exists)
        sed "s|/usr/sbin/|$d/usr/sbin/|; s|/etc/default/|$d/etc/default/|" "$u" > "$out/iothunt-collector.service"
        if systemd-analyze verify --man=no "$out/iothunt-collector.service" > "$out/verify.log" 2>&1; then ok "collector: systemd-analyze verify"
        else bad "collector: systemd-analyze verify:"; sed 's/^/    /' "$out/verify.log"; fi
    fi
else
    bad "make install-collector:"; tail -n 20 "$out/collector.log" | sed 's/^/    /'
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
