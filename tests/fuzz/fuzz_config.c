/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_config.c - the configuration parser over arbitrary bytes.  Checks:
 * no crash, and on success every string field is NUL-terminated within its
 * array, paths are absolute, numbers in range, lists within their caps.
 */
#include "config.h"
#include "spool.h"
#include "util.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fz_path(const char *p, size_t cap, int may_be_empty)
{
    size_t n = strnlen(p, cap);

    if (n == cap || (n == 0 && !may_be_empty) || (n > 0 && p[0] != '/')) {
        __builtin_trap();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct config c;
    unsigned i;

    util_diag_quiet = 1;
    if (size > CONFIG_FILE_MAX) {
        return 0;
    }
    config_defaults(&c);
    if (config_parse((const char *)data, size, "fuzz.conf", &c) != IH_OK) {
        return 0;
    }
    fz_path(c.ca, sizeof c.ca, 1);
    fz_path(c.cert, sizeof c.cert, 1);
    fz_path(c.key, sizeof c.key, 1);
    fz_path(c.spool_path, sizeof c.spool_path, 0);
    fz_path(c.allow, sizeof c.allow, 1);
    fz_path(c.root, sizeof c.root, 1);
    if (c.n_rules > CONFIG_MAX_LISTS || c.n_iocs > CONFIG_MAX_LISTS) {
        __builtin_trap();
    }
    for (i = 0; i < c.n_rules; i++) {
        fz_path(c.rules[i], sizeof c.rules[i], 0);
    }
    for (i = 0; i < c.n_iocs; i++) {
        fz_path(c.iocs[i], sizeof c.iocs[i], 0);
    }
    if (strnlen(c.host, sizeof c.host) == sizeof c.host ||
        strnlen(c.server_name, sizeof c.server_name) == sizeof c.server_name ||
        c.interval < 10 || c.jitter > c.interval || c.timeout < 1 ||
        c.spool_max_bytes < SPOOL_MIN_BYTES || (c.port == 0 && c.host[0])) {
        __builtin_trap();
    }
    return 0;
}
