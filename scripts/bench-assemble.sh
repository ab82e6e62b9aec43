#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# bench-assemble.sh PART...: join build/bench/PART.md into one document.
set -eu
echo "# Benchmarks"
echo
echo "Produced by \`make bench\` on $(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m) host,"
echo "$(qemu-mips-static --version | head -n 1 | sed 's/ *(.*//'), agent $(cat VERSION)."
echo "Each section names the command that produced it. Figures under qemu-user are emulated"
echo "MIPS timings on this host, not a router's."
echo
for p in "$@"; do
    f=build/bench/$p.md
    if [ -s "$f" ]; then
        cat "$f"
        echo
    else
        echo "## $p"
        echo
        echo "MISSING: build/bench/$p.md was not produced."
        echo
    fi
done
