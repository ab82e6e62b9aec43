#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# rules-diff.sh: differential test of `iothunt match` against `yara`.
#
# For every rule source (the public Mirai/IoT rules of
# tests/data/yara-rules, or $YARA_RULES_DIR; the built-in rules/*.yar; our own
# tests/yara/rules/*.yar) and every generated target file (common ones
# plus files built from that source's strings), the "RULE FILE" lines of
# build/host/iothunt and of the MIPS build under qemu (-cpu 4Kc) must equal
# yara's.  Rule files that use helper rules from elsewhere are put behind
# tests/yara/rules/elf_prelude.yar, the same combined file for both tools.
# Random rules from tests/yara/gen-random-rules.py (fixed seeds) are matched
# over the common files too.
# Prints one line per failing pair, counts per source, then
# "N passed, N failed"; exit status 1 on any failure or if a tool is missing.
set -u
cd "$(dirname "$0")/../.."
PUB=${YARA_RULES_DIR:-tests/data/yara-rules}
OUT=build/yara-diff
HOST=build/host/iothunt
MIPS=build/mips/iothunt
QEMU=${QEMU:-qemu-mips-static}
CPU=${DIFF_CPU:-4Kc}
PRELUDE=tests/yara/rules/elf_prelude.yar

for tool in yara "$QEMU" iconv python3; do
    command -v "$tool" >/dev/null || { echo "rules-diff: FAIL: $tool not installed"; echo "0 passed, 1 failed"; exit 1; }
done
for b in "$HOST" "$MIPS"; do
    [ -x "$b" ] || { echo "rules-diff: FAIL: $b not built"; echo "0 passed, 1 failed"; exit 1; }
done
[ -d "$PUB" ] || { echo "rules-diff: FAIL: public rules not found in $PUB"; echo "0 passed, 1 failed"; exit 1; }

rm -rf "$OUT" && mkdir -p "$OUT/rules" "$OUT/t"
tests/yara/gen-targets.sh common "$OUT/t/common"

sources=()
for f in "$PUB"/*.yar; do
    base=$(basename "$f" .yar)
    if yara -w "$f" /dev/null >/dev/null 2>&1; then
        sources+=("$f")
    elif grep -q 'is__elf' "$f" && ! grep -q 'rule is__elf' "$f"; then
        echo "rules-diff: $base.yar uses is__elf from another file: yara refuses it alone; tested behind $(basename $PRELUDE)"
        cat "$PRELUDE" "$f" > "$OUT/rules/$base+prelude.yar"
        sources+=("$OUT/rules/$base+prelude.yar")
    else
        echo "rules-diff: skipped $base.yar: yara refuses it: $(yara -w "$f" /dev/null 2>&1 | head -n 1)"
    fi
done
for f in rules/*.yar tests/yara/rules/*.yar; do
    [ -f "$f" ] || continue
    [ "$f" = "$PRELUDE" ] && continue
    sources+=("$f")
done

pass=0 fail=0
# Random rules of the subset (fixed seeds): matched over the common files
# only; a rule file yara refuses must be refused by iothunt too.
for seed in ${DIFF_SEEDS:-1 2 3 4 5 6}; do
    r=$OUT/rules/random-$seed.yar
    python3 tests/yara/gen-random-rules.py "$seed" 150 > "$r"
    if ! yara -w "$r" /dev/null >/dev/null 2>"$OUT/yara.err"; then
        if "$HOST" match "$r" "$OUT/t/common/empty" >/dev/null 2>&1; [ $? -eq 2 ]; then
            pass=$((pass + 1))
            echo "rules-diff: $r: refused by both: $(head -n 1 "$OUT/yara.err")"
        else
            fail=$((fail + 1))
            echo "FAIL $r: yara refuses it, iothunt does not: $(head -n 1 "$OUT/yara.err")"
        fi
        continue
    fi
    sources+=("random:$r")
done

for r in "${sources[@]}"; do
    common_only=0
    if [ "${r#random:}" != "$r" ]; then
        r=${r#random:}
        common_only=1
    fi
    base=$(basename "$r" .yar)
    tdir=$OUT/t/from-$base
    mkdir -p "$tdir"
    [ $common_only -eq 1 ] || tests/yara/gen-targets.sh from "$r" "$tdir"
    targets=("$OUT"/t/common/*)
    for t in "$tdir"/*; do
        [ -e "$t" ] && targets+=("$t")
    done
    # one iothunt run per rules file over all targets (several FILEs)
    "$HOST" match "$r" "${targets[@]}" > "$OUT/host.out" 2> "$OUT/host.err"
    hrc=$?
    "$QEMU" -cpu "$CPU" "$MIPS" match "$r" "${targets[@]}" > "$OUT/mips.out" 2> "$OUT/mips.err"
    mrc=$?
    if [ $hrc -gt 1 ] || [ $mrc -gt 1 ]; then
        echo "FAIL $r: iothunt exit $hrc (host) $mrc (mips): $(head -n 2 "$OUT/host.err" "$OUT/mips.err")"
        fail=$((fail + ${#targets[@]}))
        continue
    fi
    p0=$pass f0=$fail
    for t in "${targets[@]}"; do
        want=$(yara -w "$r" "$t" 2>&1)
        for which in host mips; do
            got=$(awk -v t="$t" '{ r = $1; sub(/^[^ ]* /, ""); if ($0 == t) print r " " $0 }' "$OUT/$which.out")
            if [ "$got" = "$want" ]; then
                pass=$((pass + 1))
            else
                fail=$((fail + 1))
                echo "FAIL $which $r $t"
                diff <(echo "$want") <(echo "$got") | sed 's/^/    /' | head -n 10
            fi
        done
    done
    echo "rules-diff: $r: ${#targets[@]} files, $((pass - p0)) passed, $((fail - f0)) failed"
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ] && [ $pass -gt 0 ]
