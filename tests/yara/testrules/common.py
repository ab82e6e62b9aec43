# SPDX-License-Identifier: BSD-2-Clause
# common.py - running yara and iothunt on one case (gen-table.py, run.py).
import os
import subprocess

TIMEOUT = 20


def _files(tmp, rule, data):
    rp = os.path.join(tmp, "t.yar")
    dp = os.path.join(tmp, "data")
    with open(rp, "wb") as f:
        f.write(rule.encode("latin-1"))
    with open(dp, "wb") as f:
        f.write(data)
    return rp, dp


def _names(out):
    return sorted(line.split(" ", 1)[0] for line in out.splitlines() if line.strip())


def run_yara(tmp, rule, data):
    """("match"|"nomatch"|"error", [rule names], first error line)"""
    rp, dp = _files(tmp, rule, data)
    p = subprocess.run(["yara", "-w", rp, dp], capture_output=True, timeout=TIMEOUT)
    err = p.stderr.decode("latin-1").strip()
    if p.returncode != 0:
        return "error", [], err.splitlines()[0].replace(rp, "t.yar") if err else "exit %d" % p.returncode
    names = _names(p.stdout.decode("latin-1"))
    return ("match" if names else "nomatch"), names, ""


def run_iothunt(tmp, cmd, rule, data):
    """("match"|"nomatch"|"error"|"refused", [rule names], first stderr line)"""
    rp, dp = _files(tmp, rule, data)
    p = subprocess.run(cmd + ["match", rp, dp], capture_output=True, timeout=TIMEOUT)
    err = p.stderr.decode("latin-1").strip()
    first = err.splitlines()[0].replace(rp, "t.yar") if err else ""
    if p.returncode == 2:
        if "unsupported construct" in err:
            return "refused", [], first
        return "error", [], first or "exit 2"
    if p.returncode not in (0, 1):
        return "error", [], first or "exit %d" % p.returncode
    names = _names(p.stdout.decode("latin-1"))
    return ("match" if names else "nomatch"), names, first
