#!/bin/sh
# check-no-float-format.sh: reject printf-style floating-point conversions
# (%e %f %g %a and their upper-case forms, with any flags, width, precision
# or length) in string literals of the code that is linked against the
# device C library: agent/, tests/unit/ and tests/sim/.  That musl is built
# without floating-point formatting (toolchain/patches/musl/): such a
# conversion would fail with EINVAL at run time on the device.  "%%" is a
# literal percent sign and is not a conversion.
set -u
cd "$(dirname "$0")/.."
conv='%[-+ #0]*([0-9]+|\*)?(\.([0-9]+|\*)?)?(hh|h|ll|l|L|j|z|t)?[aAeEfFgG]'
hits=$(
    for f in $(find agent tests/unit tests/sim -name '*.[ch]' 2>/dev/null | LC_ALL=C sort); do
        # Character literals ('"', '\'') would pair quotes wrongly: drop them,
        # then look at each string literal with "%%" removed.
        sed -E "s/'(\\\\.|[^'\\\\])'/''/g" "$f" |
            grep -noE '"([^"\\]|\\.)*"' |
            sed 's/%%//g' |
            grep -E "$conv" |
            sed "s|^|$f:|"
    done
)
if [ -n "$hits" ]; then
    echo "floating-point conversions used (the device printf has none; see toolchain/README.md):" >&2
    echo "$hits" >&2
    exit 1
fi
echo "check-no-float-format: ok"
