#!/bin/sh
# check-banned.sh: reject calls to functions the project bans (STYLE.md):
# unbounded copies and formats, and number parsers that hide overflow.
# Use util_strlcpy/util_fmt/util_parse_dec/util_parse_hex instead.
set -u
cd "$(dirname "$0")/.."
banned='strcpy|strcat|sprintf|vsprintf|gets|strtok|strtok_r|atoi|atol|atoll|sscanf|strtol|strtoul|strtoll|strtoull|strncpy|alloca'
hits=$(grep -nE "(^|[^_a-zA-Z0-9.>])($banned)[[:space:]]*\(" \
        $(find agent collector tests/unit tests/fuzz tests/sim -name '*.[ch]' 2>/dev/null) |
       grep -vE '^\S+:[0-9]+:\s*(\*|//|/\*)' || true)
if [ -n "$hits" ]; then
    echo "banned functions used (see docs/DEVELOPING.md):" >&2
    echo "$hits" >&2
    exit 1
fi
# The device binary's size budget: libc's stdio, sort and substring search
# would come back with any one call.  Use util_print/util_fmt, util_sort,
# util_memmem.
heavy='printf|fprintf|vprintf|vfprintf|snprintf|vsnprintf|dprintf|puts|fputs|fputc|putchar|fwrite|fopen|fdopen|fgets|qsort|strstr'
hits=$(grep -nE "(^|[^_a-zA-Z0-9.>])($heavy)[[:space:]]*\(" $(find agent -name '*.[ch]') |
       grep -vE '^\S+:[0-9]+:\s*(\*|//|/\*)' || true)
if [ -n "$hits" ]; then
    echo "libc functions kept out of the agent used (see docs/DEVELOPING.md):" >&2
    echo "$hits" >&2
    exit 1
fi
echo "check-banned: ok"
