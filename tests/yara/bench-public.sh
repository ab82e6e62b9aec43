#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# bench-public.sh: throughput of `iothunt match` against `yara` with about
# a thousand public YARA rules nobody on the project wrote
# (tests/data/yara-public, see its SOURCE.md) over >= 128 MiB of real ELF
# files of this machine (build/bench/elf-corpus, tests/yara/gen-elf-corpus.sh,
# not committed).  Writes a Markdown section on stdout (mk/rules.mk sends it
# to build/bench/rules-public.md).
#
# An iothunt rule set holds at most 32768 strings and 8192 rules, and one
# source at most 8 MiB (agent/rules/rules.h): the rules are cut into the
# fewest sets that load (one, for these), whole files in MANIFEST.tsv
# order, and iothunt makes one pass per set.  yara is timed with every rule
# in one set (its normal use) and with the same sets as iothunt.
#
# Before timing, both tools must print the same "RULE FILE" lines for every
# set over the whole corpus; any difference fails the script (exit 1) and is
# listed on stderr and in build/bench/rules-public-diff.txt.
set -eu
cd "$(dirname "$0")/../.."
PUB=${YARA_PUBLIC_DIR:-tests/data/yara-public}
B=build/bench
IOTHUNT=${IOTHUNT:-$B/iothunt}
CORPUS=$B/elf-corpus
RULES=$B/public-rules.yar          # every rule
SETS=$B/public-rules               # $SETS-N.yar: the sets iothunt loads
RUNS=${BENCH_RUNS:-5}
ELF_MIB=${BENCH_ELF_MIB:-128}
EMPTY=$B/empty

for tool in yara hyperfine python3; do
    command -v $tool >/dev/null || { echo "bench-public: $tool not installed" >&2; exit 1; }
done
[ -x "$IOTHUNT" ] || { echo "bench-public: $IOTHUNT not built" >&2; exit 1; }
mkdir -p $B
: > $EMPTY

# The rule files, in MANIFEST.tsv order; every one must compile with yara.
mapfile -t files < <(awk -F'\t' 'NR > 1 { print $1 }' "$PUB/MANIFEST.tsv")
for f in "${files[@]}"; do
    [ -f "$PUB/$f" ] || { echo "bench-public: $PUB/$f missing" >&2; exit 1; }
done
for f in "${files[@]}"; do cat "$PUB/$f"; echo; done > "$RULES"
if ! yara -w "$RULES" $EMPTY > /dev/null; then
    echo "bench-public: yara does not compile $RULES" >&2
    exit 1
fi
# Rules: yara prints every non-private rule once, matching (-n: not).
nrules=$( { yara -w "$RULES" $EMPTY; yara -w -n "$RULES" $EMPTY; } | wc -l)
nprivate=$(cat "${files[@]/#/$PUB/}" | grep -cE '^[[:space:]]*(global[[:space:]]+)?private[[:space:]]+(global[[:space:]]+)?rule[[:space:]]' || true)

# Cut into sets: greedy by an estimate of the strings (lines "$x = "),
# then each set is loaded by iothunt and halved while it is over a limit.
rm -f "$SETS"-*.yar
python3 - "$PUB" "$SETS" "$IOTHUNT" "$EMPTY" "${files[@]}" <<'PY' >&2
import re, subprocess, sys
pub, sets, iothunt, empty, files = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
text = {f: open("%s/%s" % (pub, f), "rb").read() for f in files}
nstr = {f: len(re.findall(rb"(?m)^\s*\$\w*\s*=", text[f])) for f in files}
def load(group, path):
    with open(path, "wb") as o:
        for f in group:
            o.write(text[f] + b"\n")
    r = subprocess.run([iothunt, "match", path, empty], capture_output=True)
    return r.returncode, r.stderr.decode(errors="replace").strip()
LIMIT = re.compile(r"more than|too large|too long|input too large")
groups, cur, n = [], [], 0
for f in files:
    if cur and n + nstr[f] > 32000:
        groups.append(cur); cur, n = [], 0
    cur.append(f); n += nstr[f]
if cur:
    groups.append(cur)
done = []
while groups:
    g = groups.pop(0)
    rc, err = load(g, sets + "-tmp.yar")
    if rc == 0:
        done.append(g)
    elif LIMIT.search(err) and len(g) > 1:
        groups[:0] = [g[:len(g) // 2], g[len(g) // 2:]]
    else:
        sys.exit("bench-public: iothunt refuses %s: %s" % (g[0] if len(g) == 1 else "a set", err))
import os
os.unlink(sets + "-tmp.yar")
for i, g in enumerate(done, 1):
    load(g, "%s-%d.yar" % (sets, i))
print("bench-public: %d files in %d sets" % (len(files), len(done)))
PY
sets=()
for ((i = 1; ; i++)); do
    [ -f "$SETS-$i.yar" ] || break
    sets+=("$SETS-$i.yar")
done
nsets=${#sets[@]}

read -r nfiles bytes < <(tests/yara/gen-elf-corpus.sh "$CORPUS" "$ELF_MIB")
mib=$(python3 -c "print('%.1f' % ($bytes / 1048576))")
arches=$(for f in "$CORPUS"/*; do od -An -tx1 -j18 -N2 "$f"; done | sort | uniq -c |
    awk '{ m = $2 $3; n = (m == "3e00" ? "x86-64" : m == "0008" || m == "0800" ? "MIPS" : m == "2800" ? "ARM" : m == "b700" ? "AArch64" : "other " m); c[n] += $1 }
         END { for (k in c) printf "%s%s %d", (s++ ? ", " : ""), k, c[k] }')

# Same matches from both tools, set by set, before any timing.
fail=0
: > $B/rules-public-diff.txt
: > $B/rules-public-matches.txt
for s in "${sets[@]}"; do
    "$IOTHUNT" match "$s" "$CORPUS"/* 2> $B/rules-public-iothunt.err | LC_ALL=C sort > $B/rules-public-iothunt.out || true
    if [ -s $B/rules-public-iothunt.err ]; then
        echo "bench-public: iothunt errors with $s:" >&2
        head $B/rules-public-iothunt.err >&2
        fail=1
    fi
    yara -w -p 1 "$s" "$CORPUS" 2> $B/rules-public-yara.err | LC_ALL=C sort > $B/rules-public-yara.out || true
    if [ -s $B/rules-public-yara.err ]; then
        echo "bench-public: yara errors with $s:" >&2
        head $B/rules-public-yara.err >&2
        fail=1
    fi
    if ! cmp -s $B/rules-public-yara.out $B/rules-public-iothunt.out; then
        {
            echo "# $s: lines only yara prints (<), only iothunt prints (>)"
            diff $B/rules-public-yara.out $B/rules-public-iothunt.out | grep '^[<>]'
        } >> $B/rules-public-diff.txt
        fail=1
    fi
    cat $B/rules-public-yara.out >> $B/rules-public-matches.txt
done
# And yara with every rule in one set finds the same.
yara -w -p 1 "$RULES" "$CORPUS" 2>/dev/null | LC_ALL=C sort > $B/rules-public-yara-all.out || true
if ! LC_ALL=C sort $B/rules-public-matches.txt | cmp -s - $B/rules-public-yara-all.out; then
    echo "# yara, all rules in one set against the sets (<: sets, >: one set)" >> $B/rules-public-diff.txt
    LC_ALL=C sort $B/rules-public-matches.txt | diff - $B/rules-public-yara-all.out | grep '^[<>]' >> $B/rules-public-diff.txt
    fail=1
fi
if [ $fail -ne 0 ]; then
    echo "bench-public: iothunt and yara disagree on $CORPUS (build/bench/rules-public-diff.txt):" >&2
    head -40 $B/rules-public-diff.txt >&2
    exit 1
fi
matches=$(wc -l < $B/rules-public-matches.txt)
mfiles=$(awk '{ print $2 }' $B/rules-public-matches.txt | sort -u | wc -l)
mrules=$(awk '{ print $1 }' $B/rules-public-matches.txt | sort -u | tr '\n' ' ' | sed 's/ $//')
if [ "$matches" -eq 0 ]; then
    sameout="no match (these rules target Windows malware: the check is that neither tool reports a false positive the other does not)"
else
    sameout="$matches matches ($mfiles files; rules: $mrules)"
fi

cat "$CORPUS"/* > /dev/null     # page cache warm for everyone
args=$(echo "$CORPUS"/*)
cmds=()
for s in "${sets[@]}"; do cmds+=("$IOTHUNT match $s $args"); done
for s in "${sets[@]}"; do cmds+=("yara -w -p 1 $s $CORPUS"); done
cmds+=("yara -w -p 1 $RULES $CORPUS" "yara -w $RULES $CORPUS")
# loading alone: the rules over one empty file
for s in "${sets[@]}"; do cmds+=("$IOTHUNT match $s $EMPTY"); done
cmds+=("yara -w -p 1 $RULES $EMPTY")
hyperfine -i --runs "$RUNS" --warmup 1 --export-json $B/rules-public.json -N "${cmds[@]}" > $B/rules-public.txt 2>&1

# table rows from hyperfine's JSON: per set, and the sums
rows() {
    python3 - "$B/rules-public.json" "$nsets" "$mib" <<'PY'
import json, sys
res = json.load(open(sys.argv[1]))["results"]
k, mib = int(sys.argv[2]), float(sys.argv[3])
io = res[0:k]; ys = res[k:2 * k]; y1, yt = res[2 * k], res[2 * k + 1]
ioload = res[2 * k + 2:3 * k + 2]; yload = res[3 * k + 2]
cpu = lambda r: r["user"] + r["system"]
def tot(rs):
    return {"mean": sum(r["mean"] for r in rs), "user": sum(r["user"] for r in rs),
            "system": sum(r["system"] for r in rs), "stddev": sum(r["stddev"] or 0 for r in rs)}
iot = tot(io)
def row(name, r):
    print("| %s | %.2f ± %.2f | %.2f | %.0f | %.2f | %.2f |" % (
        name, r["mean"], r["stddev"] or 0, cpu(r), mib / cpu(r), r["mean"] / iot["mean"], cpu(r) / cpu(iot)))
row("iothunt match, %d sets (sum)" % k, iot)
row("yara -p 1, the same %d sets (sum)" % k, tot(ys))
row("yara -p 1, one set", y1)
row("yara (threads), one set", yt)
print()
print("Per set, and the cost of loading the rules alone (one empty file):")
print()
print("| command | mean wall time (s) | mean CPU time (s) | loading alone, CPU (s) |")
print("|---|---|---|---|")
for i in range(k):
    print("| iothunt match, set %d | %.2f | %.2f | %.3f |" % (i + 1, io[i]["mean"], cpu(io[i]), cpu(ioload[i])))
for i in range(k):
    print("| yara -p 1, set %d | %.2f | %.2f | |" % (i + 1, ys[i]["mean"], cpu(ys[i])))
print("| yara -p 1, one set | %.2f | %.2f | %.3f |" % (y1["mean"], cpu(y1), cpu(yload)))
PY
}
setdesc=$(for s in "${sets[@]}"; do
    printf '%s (%s rules)\n' "$(basename "$s")" "$( { yara -w "$s" $EMPTY; yara -w -n "$s" $EMPTY; } | wc -l)"
done | paste -sd, - | sed 's/,/, /g')

cat <<EOT
## Rule matching with public rules: \`iothunt match\` against \`yara\`

Generated by \`make bench-rules-public\` (tests/yara/bench-public.sh) on $(date -u +%F), $(nproc) cores.

- Rules: $nrules rules ($nprivate more private ones) in ${#files[@]} files of public rule
  sets (ReversingLabs, Mandiant, JPCERT/CC, Trellix ATR, Chronicle, Volexity, ESET,
  LOLDrivers; origin and licences in \`$PUB/SOURCE.md\`), copied unchanged, every file
  that yara 4.2.3 and iothunt both accept.  An iothunt set holds at most 32768 strings,
  8192 rules and 8 MiB of source (agent/rules/rules.h); iothunt loads them as $nsets set(s),
  whole files in \`MANIFEST.tsv\` order: $setdesc.
- Corpus: $nfiles real ELF files of this machine ($arches), $mib MiB
  (\`$CORPUS\`, tests/yara/gen-elf-corpus.sh: Debian's cross-toolchain libraries, the
  project's MIPS builds, then \`/usr/bin\`, \`/usr/sbin\`, \`/usr/libexec\`,
  \`/usr/lib/x86_64-linux-gnu\`).
- Same output: $sameout, identical for iothunt and \`yara -p 1\` set by set,
  and for yara with every rule in one set (checked before timing; a difference
  fails the benchmark).
- Command: \`hyperfine --runs $RUNS --warmup 1 -N\` over
  - \`build/bench/iothunt match SET $CORPUS/*\`, one command per set (one thread)
  - \`yara -w -p 1 SET $CORPUS\` per set, and \`yara -w -p 1 $RULES $CORPUS\` (one thread)
  - \`yara -w $RULES $CORPUS\` (yara's default thread pool)

| tool | mean wall time (s) | mean CPU time (s) | MiB per CPU second | wall ratio tool / iothunt | CPU ratio tool / iothunt |
|---|---|---|---|---|---|
$(rows)

Ratios above 1: iothunt is faster.  The times include loading (compiling) the
rules; the machine is shared, so wall times are noisy and CPU time (user +
system, from hyperfine) is the steadier measure.  Wall time with threads is
yara's on $(nproc) cores.
EOT
