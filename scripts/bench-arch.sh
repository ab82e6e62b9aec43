#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# bench-arch.sh: the "Agent size per architecture" section of
# docs/BENCHMARKS.md from build/ARCH/iothunt (static, bundled musl and
# Mbed TLS) and build/ARCH/shared/iothunt (MBEDTLS=system: the target's
# shared Mbed TLS 3.6; `make ARCH=A size-shared`).  A missing binary is
# reported as such, never guessed.
set -eu
echo "## Agent size per architecture"
echo
echo "Stripped agent, bytes. *static*: \`make ARCH=A\` (bundled musl and Mbed TLS, static, as shipped"
echo "standalone). *shared Mbed TLS*: \`make ARCH=A size-shared\`, the agent built the way a package"
echo "build does it with \`MBEDTLS=system\` (the Debian cross compiler, its glibc, PIE, dynamically"
echo "linked against Mbed TLS 3.6 shared libraries built from the pinned source with the default"
echo "configuration); the libraries themselves, already on an OpenWrt image, are listed apart."
echo
echo "| ARCH | static | shared Mbed TLS (agent only) | libmbed{tls,x509,crypto}.so (sum) | \`file\` (static) |"
echo "|---|---:|---:|---:|---|"
for a in mips mipsel arm aarch64; do
    st=build/$a/iothunt sh=build/$a/shared/iothunt
    s1=MISSING s2=MISSING s3=MISSING f=
    [ -f "$st" ] && s1=$(stat -c %s "$st") && f=$(file -b "$st" | cut -d, -f1-3)
    [ -f "$sh" ] && s2=$(stat -c %s "$sh")
    if ls build/$a/staging/usr/lib/libmbedcrypto.so.* >/dev/null 2>&1; then
        s3=$(for l in libmbedtls.so.21 libmbedx509.so.7 libmbedcrypto.so.16; do
                 stat -L -c %s build/$a/staging/usr/lib/$l; done | awk '{ t += $1 } END { print t }')
    fi
    echo "| $a | $s1 | $s2 | $s3 | $f |"
done
echo
echo "The shared libraries are unstripped here (as built by Mbed TLS's own Makefile with \`-Os\`)."
echo "Measured with: \`make ARCH=A && make ARCH=A size-shared && scripts/bench-arch.sh\`."
