#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# bench-size.sh: the stripped MIPS agent against the DESIGN.md budget
# (<= 320 KiB, goal 256 KiB), and what takes the space.
set -eu
bin=build/mips/iothunt
size=$(stat -c %s "$bin")
kib=$(( (size + 1023) / 1024 ))
verdict="within budget"
[ "$size" -le $((320 * 1024)) ] || verdict="OVER BUDGET"
[ "$size" -le $((256 * 1024)) ] && verdict="within budget and goal"
echo "## Agent binary size"
echo
echo "Command: \`make bench-size\` (\`stat -c %s build/mips/iothunt\`; sections with \`mips-linux-gnu-size\`)"
echo
echo "| binary | bytes | KiB | budget 320 KiB / goal 256 KiB |"
echo "|---|---|---|---|"
echo "| build/mips/iothunt (static, stripped, MIPS32 BE soft-float) | $size | $kib | $verdict |"
echo
echo '```'
mips-linux-gnu-size -A build/mips/iothunt.unstripped | awk '$2 > 1024 || NR <= 2'
echo '```'
echo
echo "Largest contributors (object files and archive members, bytes in the file: text, rodata, data; from the link map, kept sections only; the agent and Mbed TLS are one LTO program, compiled as one ltrans partition):"
echo
echo '```'
# Sum section sizes per input file from the linker map: only the memory map
# (the list of discarded sections comes before it), and only sections that
# occupy the file (no .bss).
python3 - build/mips/iothunt.unstripped.map <<'PY'
import re, sys, collections
tot = collections.Counter()
pend = None
live = False
for line in open(sys.argv[1], errors="replace"):
    if not live:
        live = line.startswith("Linker script and memory map")
        continue
    m = re.match(r"^ (\.(?:text|rodata|data|sdata)\S*)(?:\s+(0x[0-9a-f]+)\s+(0x[0-9a-f]+)\s+(\S+))?\s*$", line)
    if m and m.group(2):
        tot[re.sub(r".*/", "", m.group(4))] += int(m.group(3), 16); pend = None; continue
    if m:
        pend = True; continue
    if pend:
        m2 = re.match(r"^\s+(0x[0-9a-f]+)\s+(0x[0-9a-f]+)\s+(\S+)", line)
        if m2:
            tot[re.sub(r".*/", "", m2.group(3))] += int(m2.group(2), 16)
        pend = None
for k, v in tot.most_common(15):
    print("%8d  %s" % (v, k))
PY
echo '```'
