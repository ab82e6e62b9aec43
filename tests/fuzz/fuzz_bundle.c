/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_bundle.c - the intel bundle parser (agent/bundle.c) on any bytes,
 * then the whole check (no trusted key: refused at the signature).
 */
#include "bundle.h"
#include "util.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct bundle b;
    struct bundle_cfg c;
    char why[128];
    unsigned i;
    size_t sum = 0;

    util_diag_quiet = 1;
    if (bundle_parse((const char *)data, size, &b, why, sizeof why) == IH_OK) {
        /* every file lies inside the input, before the signed end */
        for (i = 0; i < b.n_files; i++) {
            if (b.files[i].data < (const char *)data ||
                b.files[i].data + b.files[i].len > (const char *)data + b.signed_len) {
                __builtin_trap();
            }
            sum += b.files[i].len;
        }
        if (sum > size || b.sig_len == 0 || b.sig_len > BUNDLE_SIG_MAX) {
            __builtin_trap();
        }
    }
    memset(&c, 0, sizeof c);
    c.path = "/nonexistent/bundle";
    (void)bundle_check(&c, (const char *)data, size, 0, 0, &b, why, sizeof why);
    return 0;
}
