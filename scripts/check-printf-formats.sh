#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# check-printf-formats.sh: reject printf-style conversions that the device
# C library does not have, in string literals of the code linked against it
# (agent/, tests/unit/, tests/sim/): floating point (%e %f %g %a and upper
# case) and wide characters (%lc %ls %C %S), with any flags, width,
# precision or length.  That musl is built without them
# (toolchain/patches/musl/): such a conversion would fail with EINVAL at run
# time on the device.  "%%" is a literal percent sign, not a conversion.
# A line that says "not a format" is skipped (data that merely contains a
# percent sign, or a test that feeds a bad conversion on purpose).
set -u
cd "$(dirname "$0")/.."
spec='%[-+ #0]*([0-9]+|\*)?(\.([0-9]+|\*)?)?'
conv="$spec(hh|h|ll|l|L|j|z|t)?[aAeEfFgG]|${spec}(l[cs]|[CS])"
hits=$(
    for f in $(find agent tests/unit tests/sim -name '*.[ch]' 2>/dev/null | LC_ALL=C sort); do
        # Character literals ('"', '\'') would pair quotes wrongly: drop them,
        # then look at each string literal with "%%" removed.
        sed -E -e '/not a format/s/.*//' -e "s/'(\\\\.|[^'\\\\])'/''/g" "$f" |
            grep -noE '"([^"\\]|\\.)*"' |
            sed 's/%%//g' |
            grep -E "$conv" |
            sed "s|^|$f:|"
    done
)
if [ -n "$hits" ]; then
    echo "floating-point or wide-character conversions used (the device printf has none;" \
        "see toolchain/README.md):" >&2
    echo "$hits" >&2
    exit 1
fi
echo "check-printf-formats: ok"
