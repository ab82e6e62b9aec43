#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""check-ndjson.py FILE [--verdict V] [--types T,T] [--complete yes|no] :
validate `scan --json` output: every line a JSON object with the DESIGN.md
common fields, the last one the summary, whose counts agree with the
finding lines; "pids" (copies of one image) ascending, more than one, the
first being "pid"; a summary that is not complete names what was not read."""
import json
import sys

TYPES = {"ioc_connection", "ioc_domain", "iptables_tr069_block", "mirai_lock_port", "port_grab",
         "exe_deleted", "exe_in_tmpfs", "scanner_activity", "dns_bypass", "rule_match",
         "hash_match", "fileless_exec", "socket"}
SEVS = {"low", "medium", "high", "critical"}


def main():
    path = sys.argv[1]
    want_verdict = None
    want_complete = None
    want_types = []
    args = sys.argv[2:]
    while args:
        if args[0] == "--verdict":
            want_verdict = args[1]
        elif args[0] == "--types":
            want_types = args[1].split(",")
        elif args[0] == "--complete":
            want_complete = args[1] == "yes"
        args = args[2:]
    lines = open(path, encoding="utf-8").read().split("\n")
    if lines[-1] != "":
        sys.exit("%s: output does not end with a newline" % path)
    objs = [json.loads(l) for l in lines[:-1]]
    if not objs or objs[-1].get("type") != "summary":
        sys.exit("%s: no final summary line" % path)
    s = objs[-1]
    counts = {}
    for i, o in enumerate(objs[:-1], 1):
        for k in ("type", "severity", "summary", "ts"):
            if k not in o:
                sys.exit("%s:%d: no %s" % (path, i, k))
        if o["type"] not in TYPES or o["severity"] not in SEVS:
            sys.exit("%s:%d: bad type/severity %s/%s" % (path, i, o["type"], o["severity"]))
        if o["type"] != "socket":
            counts[o["type"]] = counts.get(o["type"], 0) + 1
        if "pids" in o:
            p = o["pids"]
            if (not isinstance(p, list) or len(p) < 2 or p != sorted(set(p)) or
                    o.get("pid") != p[0]):
                sys.exit("%s:%d: bad pids %s (pid %s)" % (path, i, p, o.get("pid")))
    if counts != s["counts"] or sum(counts.values()) != s["findings"]:
        sys.exit("%s: summary counts %s disagree with the lines %s" % (path, s["counts"], counts))
    if not isinstance(s.get("complete"), bool):
        sys.exit("%s: summary without \"complete\"" % path)
    if s["complete"] == ("unreadable" in s) or (not s["complete"] and not s["unreadable"]):
        sys.exit("%s: \"complete\" and \"unreadable\" disagree" % path)
    if s["verdict"] == "CLEAN" and not s["complete"]:
        sys.exit("%s: CLEAN although incomplete" % path)
    if want_complete is not None and s["complete"] != want_complete:
        sys.exit("%s: complete %s, want %s" % (path, s["complete"], want_complete))
    if s["verdict"] not in ("CLEAN", "SUSPICIOUS", "INFECTED", "INCOMPLETE"):
        sys.exit("%s: bad verdict %s" % (path, s["verdict"]))
    if want_verdict and s["verdict"] != want_verdict:
        sys.exit("%s: verdict %s, want %s" % (path, s["verdict"], want_verdict))
    for t in want_types:
        if t not in counts:
            sys.exit("%s: no %s finding" % (path, t))
    print("%s: %d finding(s), verdict %s%s, %s processes, %s sockets, order %s by %s" % (
        path, s["findings"], s["verdict"],
        "" if s["complete"] else " (not read: %s)" % s["unreadable"], s["processes"],
        s["sockets"], s["proc_net_byte_order"], s["proc_net_byte_order_from"]))


main()
