/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_ioc.c - the IOC loaders (ThreatFox CSV, JSON, plain lists).
 *
 * Input: one mode byte, then the feed.  Mode bits 0-1 pick the format
 * given to ioc_load_buf() (auto, CSV, JSON, plain).  With bit 2 set (and
 * auto), the same bytes are also loaded through ioc_load_stream() in
 * chunks whose sizes come from bits 3-7, and both stores must agree: the
 * stream's carry-over of partial lines must not change what is loaded.
 * After loading, every indicator must be found again by its own key (a
 * store whose sort and search disagree is a bug even without a crash).
 */
#include "ioc.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct fuzz_reader {
    const char *p;
    size_t left;
    unsigned step;
    unsigned k;
};

static int fuzz_read(void *ctx, char *buf, size_t cap, size_t *got)
{
    struct fuzz_reader *r = ctx;
    size_t n = 1 + (r->k++ * 7919u + r->step) % (r->step * 97u + 1);

    if (n > cap) {
        n = cap;
    }
    if (n > r->left) {
        n = r->left;
    }
    memcpy(buf, r->p, n);
    r->p += n;
    r->left -= n;
    *got = n;
    return IH_OK;
}

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
    struct ioc_store *s = NULL, *t = NULL;
    struct ioc_stats st, tt;
    char *buf;
    int k;

    util_diag_quiet = 1;
    if (size < 1 || ioc_store_new(&s) != IH_OK) {
        return 0;
    }
    /* an exact-size copy, so reading past the end is caught */
    buf = malloc(size - 1 ? size - 1 : 1);
    if (!buf) {
        goto out;
    }
    memcpy(buf, data + 1, size - 1);
    memset(&st, 0, sizeof st);
    (void)ioc_load_buf(s, "fuzz", buf, size - 1, fmts[data[0] & 3], &st);
    fuzz_check(s);
    if ((data[0] & 7) == 4 && ioc_store_new(&t) == IH_OK) {
        struct fuzz_reader r = { buf, size - 1, (unsigned)(data[0] >> 3), 0 };

        memset(&tt, 0, sizeof tt);
        (void)ioc_load_stream(t, "fuzz", fuzz_read, &r, &tt);
        fuzz_check(t);
        if (tt.loaded != st.loaded || tt.bad != st.bad || tt.dups != st.dups ||
            tt.dropped != st.dropped || tt.derived != st.derived) {
            abort();
        }
        for (k = 0; k <= IOC__KIND_COUNT; k++) {
            if (ioc_count(s, (enum ioc_kind)k) != ioc_count(t, (enum ioc_kind)k)) {
                abort();
            }
        }
    }
    free(buf);
out:
    ioc_store_free(t);
    ioc_store_free(s);
    return 0;
}
