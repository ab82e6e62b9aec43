/*
 * fuzz_ioc.c - the IOC loaders (ThreatFox CSV, JSON, plain lists).
 *
 * Input: one mode byte (low 2 bits: auto, CSV, JSON, plain), then the
 * feed.  After loading, every indicator must be found again by its own
 * key (a store whose sort and search disagree is a bug even without a
 * crash), and its source must format.
 */
#include "ioc.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fuzz_check(const struct ioc_store *s)
{
    int k;

    for (k = 0; k < IOC__KIND_COUNT; k++) {
        const struct ioc_entry *e, *f;
        size_t it = 0;
        char src[96];

        while ((e = ioc_next(s, (enum ioc_kind)k, &it)) != NULL) {
            switch (k) {
            case IOC_IP:
            case IOC_IP_PORT:
                f = ioc_find_ip(s, e->family, e->addr, e->port);
                break;
            case IOC_DOMAIN:
                f = ioc_find_domain(s, e->value);
                break;
            case IOC_URL:
                f = e;  /* a URL may refang again: no oracle */
                break;
            default:
                f = ioc_find_hash(s, e->value);
                break;
            }
            if (f != e) {
                abort();
            }
            (void)ioc_format_source(e, src, sizeof src);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const enum ioc_format fmts[4] = { IOC_FMT_AUTO, IOC_FMT_CSV, IOC_FMT_JSON, IOC_FMT_PLAIN };
    struct ioc_store *s = NULL;
    struct ioc_stats st;
    char *buf;

    util_diag_quiet = 1;
    if (size < 1 || ioc_store_new(&s) != IH_OK) {
        return 0;
    }
    /* an exact-size copy, so reading past the end is caught */
    buf = malloc(size - 1 ? size - 1 : 1);
    if (buf) {
        memcpy(buf, data + 1, size - 1);
        memset(&st, 0, sizeof st);
        (void)ioc_load_buf(s, "fuzz", buf, size - 1, fmts[data[0] & 3], &st);
        fuzz_check(s);
        free(buf);
    }
    ioc_store_free(s);
    return 0;
}
