#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# check-paths.sh: the repository is self-contained.  Fails when a tracked
# file refers to a path outside the repository:
#   - a relative path that climbs out of it: `../NAME` that leaves the
#     repository both from the repository root (where make and the tests
#     run) and from the file's own folder, unless it stays inside and names
#     something present from one of them;
#   - an absolute path into a home or work folder (/work/, /home/, /root/,
#     /Users/) or into a folder beside the repository (`$(CURDIR)/..`);
#   - the retired IOTHUNT_SHARED setting.
# Paths on the device or in a fixture (a symlink target, /tmp/../x) are not
# repository paths: a line saying "not a repository path" is skipped, and so
# are the third-party rule files of tests/data/yara-public (their strings
# are indicators taken from malware).
# Prints one line per finding (FILE:LINE: the text), then "N passed,
# N failed" (files checked, files with a finding).
set -eu
cd "$(dirname "$0")/.."
command -v git >/dev/null && git rev-parse --git-dir >/dev/null 2>&1 || {
    echo "check-paths: FAIL: not a git checkout (the tracked files are what is checked)"; echo "0 passed, 1 failed"; exit 1; }
git ls-files -z | python3 -c '
import os, re, sys
root = os.getcwd()
files = [f for f in sys.stdin.read().split("\0") if f]
tracked_top = {f.split("/")[0] for f in files} | {"build", "dl"}
self_name = "scripts/check-paths.sh"
# "../" not glued to a path before it (/tmp/../x is an absolute path, on
# the device), or glued to a variable naming the folder of the file or the root
here_vars = r"\$here/|\$\(dirname \"?\$0\"?\)/|\$\{?(?:root|TOP)\}?/|\$\(CURDIR\)/"
climb = re.compile(r"(?:(?<![\w./])|(?P<var>" + here_vars + r"))((?:\.\./)+)([A-Za-z0-9_.-]*)")
absolute = re.compile(r"(?<![\w.~-])/(?:work|home|root|Users)/[A-Za-z0-9_.-]|\$[({]CURDIR[)}]/\.\.|IOTHUNT_SHARED")

def inside(p):
    return p == root or p.startswith(root + os.sep)

def present(p):
    rel = os.path.relpath(p, root)
    if rel == ".":
        return True
    return os.path.exists(p) or rel.split(os.sep)[0] in tracked_top and rel.split(os.sep)[0] in ("build", "dl")

bad_files = 0
checked = 0
# third-party rules copied unchanged: their strings are paths found in
# malware samples (indicators), never paths of this repository
third_party = ("tests/data/yara-public/",)
for f in files:
    if f == self_name or not os.path.isfile(f) or f.startswith(third_party):
        continue
    try:
        text = open(f, encoding="utf-8", errors="strict").read()
    except (UnicodeDecodeError, OSError):
        continue        # binary files hold no paths
    checked += 1
    found = []
    for n, line in enumerate(text.splitlines(), 1):
        if absolute.search(line):
            found.append((n, line))
            continue
        if "not a repository path" in line:
            continue
        for m in climb.finditer(line):
            var = m.group("var") or ""
            rest = m.group(3)
            rel = m.group(2) + rest
            ok = False
            if var.startswith(("$here", "$(dirname")):
                bases = (os.path.join(root, os.path.dirname(f)),)
            elif var:
                bases = (root,)
            else:
                bases = (root, os.path.join(root, os.path.dirname(f)))
            for base in bases:
                p = os.path.normpath(os.path.join(base, rel))
                if inside(p) and present(p):
                    ok = True
            if not ok:
                found.append((n, line))
                break
    if found:
        bad_files += 1
        for n, line in found:
            print("%s:%d: refers outside the repository: %s" % (f, n, line.strip()[:160]))
print("%d passed, %d failed" % (checked - bad_files, bad_files))
sys.exit(1 if bad_files or checked == 0 else 0)
'
