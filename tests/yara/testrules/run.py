#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
# run.py - the differential table (table.jsonl, YARA's test-rules.c cases
# with the answers of yara 4.2.3) against `iothunt match` and, unless
# --no-yara, against the installed yara again (so a table that no longer
# matches yara is caught).
#
#   tests/yara/testrules/run.py [--no-yara] [--show-refused] -- IOTHUNT [ARGS...]
#
# Per case, iothunt's answer is:
#   agree    same matching rules as yara, or both reject the rule
#   refused  iothunt refuses a construct it does not support ("unsupported
#            construct"), yara accepts the rule
#   wrong    anything else (a different match set, an error yara does not
#            give, or a rule accepted that yara rejects)
# Prints each wrong case, counts per group and in total, then
# "N passed, N failed": a pass is every case not wrong, a failure every
# wrong case, every yara disagreement with the table and a missing tool.
import collections
import json
import os
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import common  # noqa: E402


def main(argv):
    check_yara = "--no-yara" not in argv
    show_refused = "--show-refused" in argv
    if "--" not in argv or argv.index("--") == len(argv) - 1:
        sys.stderr.write("usage: run.py [--no-yara] [--show-refused] -- IOTHUNT [ARGS...]\n")
        return 2
    cmd = argv[argv.index("--") + 1:]
    rows = [json.loads(line) for line in open(os.path.join(HERE, "table.jsonl"))]
    if check_yara and not shutil.which("yara"):
        print("testrules: FAIL: yara not installed")
        print("0 passed, 1 failed")
        return 1
    counts = collections.Counter()
    per_group = collections.defaultdict(collections.Counter)
    refused_why = collections.Counter()
    yara_bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for r in rows:
            data = bytes.fromhex(r["data"])
            if check_yara:
                y = common.run_yara(tmp, r["rule"], data)
                if y[0] != r["yara"] or y[1] != r["matched"]:
                    yara_bad += 1
                    print("testrules: yara disagrees with the table on case %d: %s %s" % (r["id"], y[0], y[1]))
            st, names, msg = common.run_iothunt(tmp, cmd, r["rule"], data)
            if r["yara"] == "error":
                verdict = "agree" if st in ("error", "refused") else "wrong"
            elif st == "refused":
                verdict = "refused"
                refused_why[msg.split("unsupported construct ", 1)[-1]] += 1
            elif st in ("match", "nomatch") and names == r["matched"]:
                verdict = "agree"
            else:
                verdict = "wrong"
            counts[verdict] += 1
            per_group[r["group"]][verdict] += 1
            if verdict == "wrong" or (verdict == "refused" and show_refused):
                print("testrules: %s case %d (%s): yara %s %s%s, iothunt %s %s %s" % (
                    verdict, r["id"], r["group"], r["yara"], r["matched"],
                    (" (" + r["msg"] + ")") if r["msg"] else "", st, names, msg))
                print("    rule: %s" % r["rule"].replace("\n", "\\n")[:300])
    for g in sorted(per_group):
        c = per_group[g]
        print("testrules: %-22s agree %4d  wrong %3d  refused %4d" % (g, c["agree"], c["wrong"], c["refused"]))
    for why, n in refused_why.most_common():
        print("testrules: refused %4d x %s" % (n, why))
    print("testrules: total %d cases: agree %d, wrong %d, refused %d" % (
        len(rows), counts["agree"], counts["wrong"], counts["refused"]))
    failed = counts["wrong"] + yara_bad
    print("%d passed, %d failed" % (len(rows) - counts["wrong"], failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
