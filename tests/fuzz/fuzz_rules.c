/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_rules.c - the rule parser, and matching of what it accepts.
 *
 * Input: a rule source, then optionally a NUL byte and data to match the
 * loaded rules against (in memory: the same engine path as files, minus
 * the reads).  Loading the source a second time into the same set must
 * fail cleanly (duplicate names) or succeed, never corrupt the set.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "rules.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int count_cb(const char *rule, void *ctx)
{
    unsigned *n = ctx;

    (void)rule;
    (*n)++;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *nul = memchr(data, 0, size);
    size_t srclen = nul ? (size_t)(nul - data) : size;
    struct rules *rs = NULL;
    struct hash_hex hx;
    unsigned n = 0;

    util_diag_quiet = 1;
    if (rules_new(&rs) != IH_OK) {
        return 0;
    }
    if (rules_load_buffer(rs, "fuzz", (const char *)data, srclen) == IH_OK) {
        unsigned before = rules_count(rs);

        if (rules_load_buffer(rs, "fuzz2", (const char *)data, srclen) != IH_OK &&
            rules_count(rs) != before) {
            __builtin_trap();
        }
        if (nul) {
            (void)rules_match_buffer(rs, nul + 1, size - srclen - 1, 0, NULL, count_cb, &n);
            (void)rules_match_buffer(rs, nul + 1, size - srclen - 1, RULES_MATCH_HASHES, &hx,
                                     count_cb, &n);
        }
    }
    rules_free(rs);
    return 0;
}
