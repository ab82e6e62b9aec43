/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_allow.c - the allowlist parser, then every parsed list matched
 * against findings whose evidence fields come from the same input.
 */
#include "allow.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const eps[] = {
        "192.168.1.7:23", "[2001:db8::1]:53", "8.8.8.8:53", "[::ffff:1.2.3.4]:80", "x:1", ":", ""
    };
    struct allowlist a;
    struct finding f;
    unsigned long bad = 0;
    size_t i;

    util_diag_quiet = 1;
    allow_init(&a);
    (void)allow_parse(&a, "fuzz", (const char *)data, size, &bad);
    for (i = 0; i < FT__COUNT; i++) {
        finding_init(&f, (enum finding_type)i, SEV_HIGH, 0);
        finding_set(f.remote, sizeof f.remote, eps[i % 7]);
        finding_set(f.local, sizeof f.local, eps[(i + 3) % 7]);
        /* evidence text from the input itself, cut to each field */
        if (size) {
            size_t n = size < sizeof f.exe - 1 ? size : sizeof f.exe - 1;

            memcpy(f.exe, data, n);
            f.exe[n] = '\0';
            memcpy(f.cmdline, data, n);
            f.cmdline[n] = '\0';
            n = size < sizeof f.ioc - 1 ? size : sizeof f.ioc - 1;
            memcpy(f.ioc, data, n);
            f.ioc[n] = '\0';
            n = size < sizeof f.rule - 1 ? size : sizeof f.rule - 1;
            memcpy(f.rule, data, n);
            f.rule[n] = '\0';
        }
        (void)allow_match(&a, &f);
    }
    for (i = 0; i < a.n; i++) {
        (void)allow_glob(a.v[i].value, a.v[i].cmdline);
    }
    allow_free(&a);
    return 0;
}
