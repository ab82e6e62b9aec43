#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# check-banned.sh: reject calls to functions the project bans (STYLE.md):
# unbounded copies and formats, and number parsers that hide overflow.
# Use util_strlcpy/util_fmt/util_parse_dec/util_parse_hex instead.
set -u
cd "$(dirname "$0")/.."
status=0

# reject NAMES (an alternation) called in the C files under DIRS, saying WHY
reject() {
    names=$1 why=$2
    shift 2
    hits=$(grep -nE "(^|[^_a-zA-Z0-9.>])($names)[[:space:]]*\(" \
            $(find "$@" -name '*.[ch]' 2>/dev/null) |
           grep -vE '^\S+:[0-9]+:\s*(\*|//|/\*)' || true)
    if [ -n "$hits" ]; then
        echo "$why (see docs/DEVELOPING.md):" >&2
        echo "$hits" >&2
        status=1
    fi
}

reject 'strcpy|strcat|sprintf|vsprintf|gets|strtok|strtok_r|atoi|atol|atoll|sscanf|strtol|strtoul|strtoll|strtoull|strncpy|alloca' \
    "banned functions used" agent collector tests/unit tests/fuzz tests/sim tests/torture
# The device binary's size budget: libc's stdio, sort and substring search
# would come back with any one call.  Use util_print/util_fmt, util_sort,
# util_memmem.
reject 'printf|fprintf|vprintf|vfprintf|snprintf|vsnprintf|dprintf|puts|fputs|fputc|putchar|fwrite|fopen|fdopen|fgets|qsort|strstr' \
    "libc functions kept out of the agent used" agent
[ $status -eq 0 ] && echo "check-banned: ok"
exit $status
