#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
# size-modules.py STRIPPED UNSTRIPPED: bytes of the MIPS agent per module.
#
# The agent is one LTO program, so the link map cannot say which source a
# byte came from.  Instead every sized symbol of the unstripped program
# (functions, read-only and initialised data: what the stripped file holds)
# is attributed to the module whose object defines a symbol of that name
# (the host objects, build/host/obj/...: the MIPS fat LTO objects list their
# global symbols only, the host ones their static functions too); GCC's
# clone suffixes (.constprop.N, .isra.N, .part.N, .lto_priv.N) are dropped
# first.  Code inlined into another module counts for that module.  libc,
# Mbed TLS and the runtime are matched the same way against their archives.
# What no symbol covers (ELF headers, alignment, unnamed constants) is its
# own line; the rule engine (agent/rules/) is summed on its own line.
import collections
import glob
import os
import re
import subprocess
import sys

NM = os.environ.get("NM", "mips-linux-gnu-nm")


def defined(path, nm=NM):
    out = subprocess.run([nm, "--defined-only", path], capture_output=True, text=True).stdout
    names = set()
    for line in out.splitlines():
        f = line.split()
        if len(f) >= 3 and f[1].lower() in "tdrbgs":
            names.add(f[2])
    return names


def base(name):
    return re.split(r"\.(?:constprop|isra|part|lto_priv|cold|localalias)\b", name)[0]


def main():
    stripped, unstripped = sys.argv[1], sys.argv[2]
    owner = {}
    objs = sorted(glob.glob("build/host/obj/agent/**/*.o", recursive=True)) + \
        sorted(glob.glob("build/host/obj/gen/*.o"))
    for o in objs:
        mod = os.path.relpath(o, "build/host/obj")[:-2] + ".c"
        for n in defined(o, "nm"):
            owner.setdefault(n, mod)
    for lib, label in (("build/mips/mbedtls/library/libmbedcrypto.a", "Mbed TLS (crypto)"),
                       ("build/mips/mbedtls/library/libmbedtls.a", "Mbed TLS (tls)"),
                       ("build/mips/mbedtls/library/libmbedx509.a", "Mbed TLS (x509)"),
                       ("build/mips/sysroot/lib/libc.a", "musl libc"),
                       ("build/mips/rt/rt.o", "runtime (rt.o)")):
        for path, nm in ((lib.replace("build/mips/mbedtls", "build/host/mbedtls"), "nm"), (lib, NM)):
            if os.path.exists(path):
                for n in defined(path, nm):
                    owner.setdefault(n, label)
    out = subprocess.run([NM, "-S", "--size-sort", unstripped], capture_output=True, text=True).stdout
    per = collections.Counter()
    for line in out.splitlines():
        f = line.split()
        if len(f) != 4 or f[2].lower() not in "tdrg":
            continue
        size = int(f[1], 16)
        per[owner.get(base(f[3]), owner.get(f[3], "unattributed symbols"))] += size
    total = os.path.getsize(stripped)
    covered = sum(per.values())
    rules = sum(v for k, v in per.items() if k.startswith("agent/rules/"))
    print("Stripped MIPS agent: %d bytes (budget 327680)" % total)
    print("%8d  rule engine (agent/rules/, all files)" % rules)
    for k, v in per.most_common():
        print("%8d  %s" % (v, k))
    print("%8d  not in any symbol (headers, alignment, unnamed data)" % (total - covered))
    return 0 if total <= 327680 else 1


if __name__ == "__main__":
    sys.exit(main())
