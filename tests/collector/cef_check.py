#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Parse CEF records the way Microsoft Sentinel fills CommonSecurityLog, and
check them against expectations.

usage: cef_check.py LOGFILE EXPECT.json [THREATFOX.kql]

LOGFILE holds what rsyslog wrote, one syslog message per line; the CEF record
starts at the first "CEF:" of a line (as the Azure Monitor agent finds it).
EXPECT.json:
  {"count": N,                       # records expected in total (optional)
   "unique": ["DeviceExternalID", "DeviceCustomNumber1"],  # no two records
                                     # share these columns (optional)
   "records": [{"desc": "...", "match": {COLUMN: VALUE, ...},
                "expect": {COLUMN: VALUE, ...}}, ...]}
Each "records" entry needs exactly one record matching "match", whose
columns equal "expect". Prints "CHECK ok DESC" / "CHECK fail DESC" lines and
exits 1 if any check failed.
With THREATFOX.kql, the "ip:port" IOCs of its datatable are joined to
DestinationIP the way the query does: every IOC address must hit a record.
"""
import json
import re
import sys

# CEF extension key -> CommonSecurityLog column (Sentinel's CEF mapping).
EXT_COLUMNS = {
    "act": "DeviceAction",
    "dvchost": "DeviceName",
    "deviceExternalId": "DeviceExternalID",
    "src": "SourceIP",
    "spt": "SourcePort",
    "dst": "DestinationIP",
    "dpt": "DestinationPort",
    "fname": "FileName",
    "fileHash": "FileHash",
    "dvcpid": "ProcessID",
    "msg": "Message",
    "rt": "ReceiptTime",
    "start": "StartTime",
    "cn1": "DeviceCustomNumber1",
    "cn1Label": "DeviceCustomNumber1Label",
    "outcome": "EventOutcome",
    "flexString1": "FlexString1",
    "flexString1Label": "FlexString1Label",
    "flexString2": "FlexString2",
    "flexString2Label": "FlexString2Label",
}
for _i in range(1, 7):
    EXT_COLUMNS["cs%d" % _i] = "DeviceCustomString%d" % _i
    EXT_COLUMNS["cs%dLabel" % _i] = "DeviceCustomString%dLabel" % _i

HEADER_COLUMNS = ["CEFVersion", "DeviceVendor", "DeviceProduct", "DeviceVersion",
                  "DeviceEventClassID", "Activity", "LogSeverity"]


def split_header(text):
    """Split the 7 header fields on unescaped '|'; return (fields, rest)."""
    fields = []
    cur = []
    i = 0
    while i < len(text) and len(fields) < 7:
        c = text[i]
        if c == "\\" and i + 1 < len(text) and text[i + 1] in "|\\":
            cur.append(text[i + 1])
            i += 2
            continue
        if c == "|":
            fields.append("".join(cur))
            cur = []
            i += 1
            continue
        cur.append(c)
        i += 1
    if len(fields) != 7:
        raise ValueError("CEF header has %d fields, want 7" % len(fields))
    return fields, text[i:]


KEY_RE = re.compile(r"(?:^| )([A-Za-z0-9_]+)=")


def unescape_value(v):
    out = []
    i = 0
    while i < len(v):
        c = v[i]
        if c == "\\" and i + 1 < len(v):
            n = v[i + 1]
            out.append({"\\": "\\", "=": "=", "n": "\n", "r": "\r"}.get(n, "\\" + n))
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def split_extension(text):
    """key=value pairs; a key starts after a space with an unescaped '='."""
    keys = []
    for m in KEY_RE.finditer(text):
        # an '=' preceded by an odd number of backslashes is escaped
        j = m.end() - 2
        bs = 0
        while j >= 0 and text[j] == "\\":
            bs += 1
            j -= 1
        if bs % 2 == 0:
            keys.append(m)
    pairs = {}
    for n, m in enumerate(keys):
        end = keys[n + 1].start() if n + 1 < len(keys) else len(text)
        pairs[m.group(1)] = unescape_value(text[m.end():end])
    return pairs


def parse_record(line):
    at = line.find("CEF:")
    if at < 0:
        return None
    fields, rest = split_header(line[at:].rstrip("\n"))
    row = dict(zip(HEADER_COLUMNS, fields))
    row["CEFVersion"] = row["CEFVersion"][len("CEF:"):]
    extra = []
    for k, v in split_extension(rest).items():
        if k in EXT_COLUMNS:
            row[EXT_COLUMNS[k]] = v
        else:
            extra.append("%s=%s" % (k, v))
    row["AdditionalExtensions"] = ";".join(extra)
    return row


def main():
    log, spec_path = sys.argv[1], sys.argv[2]
    with open(spec_path) as f:
        spec = json.load(f)
    rows = []
    bad = 0
    with open(log, encoding="utf-8", errors="replace") as f:
        for line in f:
            try:
                r = parse_record(line)
            except ValueError as e:
                print("CHECK fail parse: %s: %r" % (e, line[:200]))
                bad += 1
                continue
            if r is not None:
                rows.append(r)
    failed = bad
    if bad == 0:
        print("CHECK ok every CEF line parses (%d records)" % len(rows))

    def report(ok, desc):
        nonlocal failed
        print("CHECK %s %s" % ("ok" if ok else "fail", desc))
        if not ok:
            failed += 1

    if "count" in spec:
        report(len(rows) == spec["count"],
               "record count %d == %d" % (len(rows), spec["count"]))
    if "unique" in spec:
        seen = {}
        for r in rows:
            k = tuple(r.get(c) for c in spec["unique"])
            seen[k] = seen.get(k, 0) + 1
        dups = [k for k, n in seen.items() if n > 1]
        report(not dups, "no duplicate (%s): %s" % (",".join(spec["unique"]), dups[:3]))
    report(all(r["DeviceVendor"] == "iothunt" and r["DeviceProduct"] == "iothunt"
               for r in rows), "DeviceVendor/DeviceProduct are iothunt")
    report(all(r["AdditionalExtensions"] == "" for r in rows),
           "every extension maps to a CommonSecurityLog column")
    for rec in spec.get("records", []):
        hits = [r for r in rows
                if all(r.get(k) == v for k, v in rec["match"].items())]
        if len(hits) != 1:
            report(False, "%s: %d records match %s" % (rec["desc"], len(hits), rec["match"]))
            continue
        diff = {k: (hits[0].get(k), v) for k, v in rec["expect"].items()
                if hits[0].get(k) != v}
        report(not diff, "%s%s" % (rec["desc"], (": got/want " + repr(diff)) if diff else ""))
    if len(sys.argv) > 3:
        with open(sys.argv[3]) as f:
            kql = f.read()
        iocs = re.findall(r'"(\d{1,3}(?:\.\d{1,3}){3}):(\d+)"', kql)
        report(len(iocs) > 0, "ThreatFox query lists %d ip:port IOCs" % len(iocs))
        for ip, port in iocs:
            hits = [r for r in rows if r.get("DestinationIP") == ip]
            report(len(hits) > 0 and any(r.get("DestinationPort") == port for r in hits),
                   "ThreatFox query joins %s:%s on DestinationIP (%d records)" % (ip, port, len(hits)))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
