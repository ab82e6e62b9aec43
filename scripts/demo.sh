#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# demo.sh - iothunt end to end, from a fresh clone: builds the toolchain, the
# MIPS agent, the collector, the busybox router rootfs with the benign
# infection simulator and the certificates, then runs the live scenario
# (tests/live/run.sh --demo): the infected verdict on the device, the
# findings in the collector's database, the CEF lines, the clean rescan.
#
# Bounded (each build step 30 min, the scenario 5 min); every process it
# starts runs in the scenario's namespaces and ends with it.  Exit status 0
# when every step and check passed, non-zero at the first failing step.
set -u
cd "$(dirname "$0")/.."
DEMO_PAUSE=${DEMO_PAUSE:-1}
export DEMO_PAUSE

step() {
    echo
    echo "### $1"
    shift
    # --foreground: the step stays in our process group, so Ctrl-C (or a
    # kill of the group) reaches the make and all it started
    if ! timeout --foreground 1800 "$@"; then
        echo "demo: FAILED at: $*" >&2
        exit 1
    fi
}

step "System packages (scripts/install-deps.sh; needs root when some are missing)" \
    scripts/install-deps.sh
step "Toolchain and MIPS agent (make -j2 mips)" make -j2 --no-print-directory mips
step "Collector (make build/host/iothunt-collector)" \
    make -j2 --no-print-directory build/host/iothunt-collector
step "Router rootfs: busybox, agent, simulator, certificates (make rootfs)" \
    make -j2 --no-print-directory rootfs
echo
echo "### The scenario"
tests/live/run.sh --demo
rc=$?
echo
if [ $rc = 0 ]; then
    echo "demo: every step passed (infected verdict, findings in the collector, CEF, clean rescan)"
else
    echo "demo: FAILED (see the 'not ok' lines above)" >&2
fi
exit $rc
