#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
# gen-table.py - build table.jsonl from cases.py by running the real `yara`
# (4.2.3, Debian's) on every case: the table stores yara's answer, not what
# YARA's own test expected (the two differ where the test suite is newer
# than the installed yara or uses its "tests" module).
#
#   tests/yara/testrules/gen-table.py > tests/yara/testrules/table.jsonl
#
# One JSON object per line: id, group, rule, data (hex; "" for the empty
# input of a NULL case), yara ("match" | "nomatch" | "error"), matched (rule
# names yara printed, sorted), msg (yara's first error line, file name
# removed), expect (what test-rules.c expected).
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cases  # noqa: E402
import common  # noqa: E402


def main():
    ver = subprocess.run(["yara", "--version"], capture_output=True, text=True).stdout.strip()
    if ver != "4.2.3":
        sys.stderr.write("gen-table: yara %s, the table is made with 4.2.3\n" % ver)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        for i, (group, rule, data, expect) in enumerate(cases.CASES, 1):
            r = common.run_yara(tmp, rule, data or b"")
            row = {"id": i, "group": group, "rule": rule, "data": (data or b"").hex(),
                   "yara": r[0], "matched": r[1], "msg": r[2], "expect": expect}
            print(json.dumps(row, sort_keys=True))
    sys.stderr.write("gen-table: %d cases; not ported: %d\n" % (len(cases.CASES), len(cases.NOT_PORTED)))
    for why, n in sorted(__import__("collections").Counter(w for _, w in cases.NOT_PORTED).items()):
        sys.stderr.write("gen-table:   %3d x %s\n" % (n, why))
    return 0


if __name__ == "__main__":
    sys.exit(main())
