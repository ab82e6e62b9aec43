/* SPDX-License-Identifier: BSD-2-Clause */
#include "procnet.h"
#include "util.h"

#include <string.h>

/*
 * Grammar of one data line (fields separated by one or more spaces; the
 * kernel pads lines with trailing spaces; the socket pointer field is 8 or
 * 16 hex digits depending on the kernel's word size, so fields are found by
 * position in the field list, never by byte offset):
 *
 *   line   = sp* sl ":" sp+ local sp+ remote sp+ st sp+ txrx sp+ trwhen
 *            sp+ retr sp+ uid sp+ timeout sp+ inode (sp+ extra)* sp*
 *   local  = addr ":" port        addr = 8 hex (v4) | 32 hex (v6)
 *   port   = 4 hex                st   = 2 hex
 *   uid, timeout, inode = decimal
 */

#define PN_MIN_FIELDS 10

struct pn_field {
    const char *p;
    size_t n;
};

static size_t pn_split(const char *s, size_t n, struct pn_field *f, size_t max)
{
    size_t i = 0, k = 0;

    while (i < n && k < max) {
        size_t start;

        while (i < n && (s[i] == ' ' || s[i] == '\t')) {
            i++;
        }
        if (i >= n) {
            break;
        }
        start = i;
        while (i < n && s[i] != ' ' && s[i] != '\t') {
            i++;
        }
        f[k].p = s + start;
        f[k].n = i - start;
        k++;
    }
    return k;
}

/* Decode one 8-hex-digit word written in ORDER into 4 network-order bytes. */
static int pn_word(const char *s, enum procnet_order order, uint8_t *out)
{
    uint64_t v;

    if (util_parse_hex(s, 8, &v) != IH_OK) {
        return IH_EPARSE;
    }
    if (order == PROCNET_ORDER_BE) {
        out[0] = (uint8_t)(v >> 24);
        out[1] = (uint8_t)(v >> 16);
        out[2] = (uint8_t)(v >> 8);
        out[3] = (uint8_t)v;
    } else {
        out[0] = (uint8_t)v;
        out[1] = (uint8_t)(v >> 8);
        out[2] = (uint8_t)(v >> 16);
        out[3] = (uint8_t)(v >> 24);
    }
    return IH_OK;
}

static int pn_endpoint(const struct pn_field *f, int ipv6, enum procnet_order order,
                       uint8_t *addr, uint16_t *port)
{
    size_t alen = ipv6 ? 32 : 8, w;
    uint64_t pv;

    if (f->n != alen + 5 || f->p[alen] != ':') {
        return IH_EPARSE;
    }
    memset(addr, 0, 16);
    for (w = 0; w < alen / 8; w++) {
        if (pn_word(f->p + w * 8, order, addr + w * 4) != IH_OK) {
            return IH_EPARSE;
        }
    }
    if (util_parse_hex(f->p + alen + 1, 4, &pv) != IH_OK) {
        return IH_EPARSE;
    }
    *port = (uint16_t)pv;
    return IH_OK;
}

static int pn_line(const char *s, size_t n, int ipv6, enum procnet_order order,
                   struct procnet_entry *e)
{
    struct pn_field f[PN_MIN_FIELDS];
    uint64_t v;
    size_t k;

    k = pn_split(s, n, f, PN_MIN_FIELDS);
    if (k < PN_MIN_FIELDS) {
        return IH_EPARSE;
    }
    /* "sl:" - a decimal slot number and a colon */
    if (f[0].n < 2 || f[0].p[f[0].n - 1] != ':' ||
        util_parse_dec(f[0].p, f[0].n - 1, UINT32_MAX, &v) != IH_OK) {
        return IH_EPARSE;
    }
    memset(e, 0, sizeof *e);
    e->family = ipv6 ? 6 : 4;
    if (pn_endpoint(&f[1], ipv6, order, e->laddr, &e->lport) != IH_OK ||
        pn_endpoint(&f[2], ipv6, order, e->raddr, &e->rport) != IH_OK) {
        return IH_EPARSE;
    }
    if (f[3].n != 2 || util_parse_hex(f[3].p, 2, &v) != IH_OK) {
        return IH_EPARSE;
    }
    e->state = (uint8_t)v;
    if (util_parse_dec(f[7].p, f[7].n, UINT32_MAX, &v) != IH_OK) {
        return IH_EPARSE;
    }
    e->uid = (uint32_t)v;
    if (util_parse_dec(f[9].p, f[9].n, UINT64_MAX, &v) != IH_OK) {
        return IH_EPARSE;
    }
    e->inode = v;
    return IH_OK;
}

static int pn_is_header(const char *s, size_t n)
{
    size_t i = 0;

    while (i < n && s[i] == ' ') {
        i++;
    }
    return n - i >= 2 && s[i] == 's' && s[i + 1] == 'l';
}

int procnet_parse(const char *buf, size_t len, int ipv6, enum procnet_order order,
                  int (*cb)(void *ctx, const struct procnet_entry *e), void *ctx,
                  struct procnet_stats *st)
{
    size_t pos = 0;
    unsigned long lineno = 0;
    struct procnet_stats local;

    if (!st) {
        st = &local;
    }
    memset(st, 0, sizeof *st);
    if (order != PROCNET_ORDER_BE && order != PROCNET_ORDER_LE) {
        return IH_EINVAL;
    }
    while (pos < len) {
        const char *s = buf + pos;
        const char *nl = memchr(s, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - s) : len - pos;
        struct procnet_entry e;
        int rc;

        pos += n + (nl ? 1 : 0);
        lineno++;
        if (n == 0) {
            continue;
        }
        if (lineno == 1 && pn_is_header(s, n)) {
            continue;
        }
        /* the kernel ends every line with '\n': a last line without one
         * was cut short (short read, truncated copy) and is dropped, never
         * half-parsed (a cut inode "4001" would read as "40") */
        if (!nl || n > PROCNET_MAX_LINE || pn_line(s, n, ipv6, order, &e) != IH_OK) {
            if (st->bad++ == 0) {
                st->first_bad_line = lineno;
            }
            continue;
        }
        st->entries++;
        rc = cb(ctx, &e);
        if (rc != 0) {
            return rc;
        }
    }
    return IH_OK;
}

enum procnet_order procnet_order_native(void)
{
    const uint16_t probe = 1;
    unsigned char b;

    memcpy(&b, &probe, 1);
    return b ? PROCNET_ORDER_LE : PROCNET_ORDER_BE;
}

enum procnet_order procnet_order_from_elf(const unsigned char *hdr, size_t len)
{
    if (len < 6 || memcmp(hdr, "\177ELF", 4) != 0) {
        return PROCNET_ORDER_UNKNOWN;
    }
    if (hdr[5] == 1) {
        return PROCNET_ORDER_LE;
    }
    if (hdr[5] == 2) {
        return PROCNET_ORDER_BE;
    }
    return PROCNET_ORDER_UNKNOWN;
}

/* Score how much a first address byte looks like a common network's. */
static int pn_plausible(const uint8_t *a)
{
    if (a[0] == 127 || a[0] == 10) {
        return 1;
    }
    if (a[0] == 192 && a[1] == 168) {
        return 1;
    }
    if (a[0] == 172 && a[1] >= 16 && a[1] <= 31) {
        return 1;
    }
    return 0;
}

struct pn_guess {
    long score;     /* > 0: big-endian reading is plausible */
};

static int pn_guess_cb(void *ctx, const struct procnet_entry *e)
{
    struct pn_guess *g = ctx;
    const uint8_t *addrs[2] = { e->laddr, e->raddr };
    int i;

    for (i = 0; i < 2; i++) {
        const uint8_t *a = addrs[i];
        uint8_t sw[4] = { a[3], a[2], a[1], a[0] };

        g->score += pn_plausible(a) - pn_plausible(sw);
    }
    return 0;
}

enum procnet_order procnet_order_guess(const char *buf, size_t len)
{
    struct pn_guess g = { 0 };

    (void)procnet_parse(buf, len, 0, PROCNET_ORDER_BE, pn_guess_cb, &g, NULL);
    if (g.score > 0) {
        return PROCNET_ORDER_BE;
    }
    if (g.score < 0) {
        return PROCNET_ORDER_LE;
    }
    return PROCNET_ORDER_UNKNOWN;
}

int procnet_format_endpoint(int family, const uint8_t *addr, uint16_t port, char *out, size_t n)
{
    static const uint8_t mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
    static const char hex[] = "0123456789abcdef";
    char a6[48];
    size_t k = 0;
    int i, best = -1, bestlen = 0, cur = -1, curlen = 0;

    if (family == 6 && memcmp(addr, mapped, 12) == 0) {
        addr += 12;
        family = 4;
    }
    if (family == 4) {
        return util_fmt(out, n, "%u.%u.%u.%u:%u", addr[0], addr[1], addr[2], addr[3], port);
    }
    /* RFC 5952: longest run of two or more zero groups becomes "::" */
    for (i = 0; i < 8; i++) {
        if (addr[2 * i] == 0 && addr[2 * i + 1] == 0) {
            if (cur < 0) {
                cur = i;
                curlen = 0;
            }
            curlen++;
            if (curlen > bestlen) {
                best = cur;
                bestlen = curlen;
            }
        } else {
            cur = -1;
        }
    }
    if (bestlen < 2) {
        best = -1;
    }
    for (i = 0; i < 8; i++) {
        unsigned g = ((unsigned)addr[2 * i] << 8) | addr[2 * i + 1];
        int started = 0, sh;

        if (i == best) {
            a6[k++] = ':';
            a6[k++] = ':';
            i += bestlen - 1;
            continue;
        }
        if (i > 0 && !(best >= 0 && i == best + bestlen)) {
            a6[k++] = ':';
        }
        for (sh = 12; sh >= 0; sh -= 4) {
            unsigned d = (g >> sh) & 15;

            if (d || started || sh == 0) {
                a6[k++] = hex[d];
                started = 1;
            }
        }
    }
    a6[k] = '\0';
    return util_fmt(out, n, "[%s]:%u", a6, port);
}
