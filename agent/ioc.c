/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ioc.c - the IOC store (see ioc.h and docs/IOC.md).
 *
 * IPv4 ip and ip:port indicators live packed (struct ioc_v4, 16 bytes: no
 * text, the source an index into the shared source table) in two arrays
 * sorted by (address, port); lookups format the one found into the
 * store's scratch entry.  Every other indicator is a struct ioc_entry in
 * one array sorted by (kind, key), with its strings in an append-only pool
 * of blocks (pointers stay valid when the array grows).  Arrays are trimmed
 * to size after every load.  Every feed record, whatever its format, goes through
 * ioc_add_rec(): refang, parse by type (given or inferred), add.
 */
#include "ioc.h"
#include "builtin.h"
#include "procnet.h"
#include "util.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define IOC_POOL_BLOCK   4096
#define IOC_MAX_SOURCES  4096  /* distinct source strings shared by entries */
#define IOC_MAX_FIELDS   32    /* CSV columns */
#define IOC_MAX_CTX      32    /* threat_type / malware kept in a source */
#define IOC_JSON_DEPTH   16
#define IOC_DOMAIN_MAX   253

struct ioc_pool {
    struct ioc_pool *next;
    size_t used, cap;
    char data[];
};

/* A packed IPv4 indicator: the address in network order as read, the
 * source an index into ioc_store.src, first seen in unix seconds. */
struct ioc_v4 {
    uint8_t addr[4];
    uint32_t seen;
    uint16_t port;
    uint16_t src;
    uint8_t conf;
};

/* What a lookup of a packed indicator returns (one per store). */
struct ioc_tmp {
    struct ioc_entry e;
    char value[24];                         /* "255.255.255.255:65535" */
};

struct ioc_store {
    struct ioc_entry *v;
    size_t n, cap;
    size_t kind_start[IOC__KIND_COUNT + 1];
    struct ioc_v4 *v4[2];                   /* [0] IOC_IP, [1] IOC_IP_PORT */
    size_t n4[2], cap4[2];
    struct ioc_tmp *tmp;
    struct ioc_pool *pool;
    size_t bytes;                           /* arrays + pool blocks + source table */
    const char **sources;
    size_t nsources, cap_sources, last_source;
    int oom;                                /* a pool or source allocation failed */
};

/* One record of any format, fields as found (not NUL-terminated). */
struct ioc_field {
    const char *p;
    size_t n;
};

/* The columns of a record, as ThreatFox names them (ioc_col_names). */
enum { COL_VALUE, COL_TYPE, COL_THREAT, COL_MALWARE, COL_CONF, COL_SEEN, COL__N };

/* One record: its fields by column (p NULL: absent). */
struct ioc_rec {
    struct ioc_field f[COL__N];
};

struct ioc_load {
    struct ioc_store *s;
    const char *name;
    struct ioc_stats *st;
    long list_source;       /* source index of a plain list, -1 until known */
    int over_cap_said;
};

static int ioc_format_addr(int family, const uint8_t *a, uint16_t port, char *out, size_t n);

/* ---- store memory ---------------------------------------------------- */

int ioc_store_new(struct ioc_store **out)
{
    struct ioc_store *s = calloc(1, sizeof *s);

    if (s && !(s->tmp = calloc(1, sizeof *s->tmp))) {
        free(s);
        s = NULL;
    }
    *out = s;
    return s ? IH_OK : IH_ENOMEM;
}

void ioc_store_free(struct ioc_store *s)
{
    struct ioc_pool *b, *nb;

    if (!s) {
        return;
    }
    for (b = s->pool; b; b = nb) {
        nb = b->next;
        free(b);
    }
    free(s->v);
    free(s->v4[0]);
    free(s->v4[1]);
    free(s->sources);
    free(s->tmp);
    free(s);
}

/* N bytes of pool memory, or NULL (out of memory or over IOC_MAX_BYTES). */
static char *ioc_pool_alloc(struct ioc_store *s, size_t n)
{
    struct ioc_pool *b = s->pool;

    if (!b || b->cap - b->used < n) {
        size_t cap = n > IOC_POOL_BLOCK ? n : IOC_POOL_BLOCK;

        if (s->bytes + cap + sizeof *b > IOC_MAX_BYTES) {
            return NULL;
        }
        b = malloc(sizeof *b + cap);
        if (!b) {
            s->oom = 1;
            return NULL;
        }
        b->used = 0;
        b->cap = cap;
        b->next = s->pool;
        s->pool = b;
        s->bytes += cap + sizeof *b;
    }
    b->used += n;
    return b->data + b->used - n;
}

static const char *ioc_pool_str(struct ioc_store *s, const char *p, size_t n)
{
    char *d = ioc_pool_alloc(s, n + 1);

    if (d) {
        memcpy(d, p, n);
        d[n] = '\0';
    }
    return d;
}

/*
 * V (*CAP elements of SIZE bytes, N used) grown to hold one more, within
 * MAX elements and IOC_MAX_BYTES: the array (V itself when it has room),
 * or NULL with *RC set to IH_ETOOBIG (over a cap) or IH_ENOMEM.
 */
static void *ioc_grow(struct ioc_store *s, void *v, size_t *cap, size_t n, size_t size, size_t max,
                      int *rc)
{
    size_t ncap = *cap ? *cap * 2 : 16;
    void *nv;

    if (n < *cap) {
        return v;
    }
    if (ncap > max) {
        ncap = max;
    }
    if (s->bytes + (ncap - *cap) * size > IOC_MAX_BYTES) {
        /* near the cap: half of what still fits, the rest for the pool */
        ncap = *cap + ((IOC_MAX_BYTES - s->bytes) / size + 1) / 2;
    }
    *rc = IH_ETOOBIG;
    if (n >= ncap) {
        return NULL;
    }
    nv = realloc(v, ncap * size);
    *rc = nv ? IH_OK : IH_ENOMEM;
    if (nv) {
        s->bytes += (ncap - *cap) * size;
        *cap = ncap;
    }
    return nv;
}

/* V (*CAP elements of SIZE bytes) trimmed to its N used ones. */
static void *ioc_trim(struct ioc_store *s, void *v, size_t *cap, size_t n, size_t size)
{
    void *nv;

    if (n == *cap || n == 0) {
        return v;
    }
    nv = realloc(v, n * size);
    if (!nv) {
        return v;
    }
    s->bytes -= (*cap - n) * size;
    *cap = n;
    return nv;
}

/* The index of source SRC in the source table, added if new; -1 when the
 * table is full or out of memory. */
static long ioc_intern_source(struct ioc_store *s, const char *src)
{
    size_t i, k;
    const char *d, **nv;
    int rc;

    /* from the last one used: the records of a feed mostly share theirs */
    for (i = s->last_source, k = 0; k < s->nsources; k++, i = i + 1 < s->nsources ? i + 1 : 0) {
        if (strcmp(s->sources[i], src) == 0) {
            s->last_source = i;
            return (long)i;
        }
    }
    nv = ioc_grow(s, s->sources, &s->cap_sources, s->nsources, sizeof *s->sources, IOC_MAX_SOURCES, &rc);
    if (!nv) {
        s->oom |= rc == IH_ENOMEM;
        return -1;
    }
    s->sources = nv;
    d = ioc_pool_str(s, src, strlen(src));
    if (!d) {
        return -1;
    }
    s->sources[s->nsources] = d;
    s->last_source = s->nsources;
    return (long)s->nsources++;
}

/* ---- ordering and lookup --------------------------------------------- */

static int ioc_is_ip_kind(int kind)
{
    return kind == IOC_IP || kind == IOC_IP_PORT;
}

static int ioc_cmp_key(const void *pa, const void *pb)
{
    const struct ioc_entry *a = pa, *b = pb;
    int c;

    if (a->kind != b->kind) {
        return a->kind < b->kind ? -1 : 1;
    }
    if (!ioc_is_ip_kind(a->kind)) {
        return strcmp(a->value, b->value);
    }
    if (a->family != b->family) {
        return a->family < b->family ? -1 : 1;
    }
    c = memcmp(a->addr, b->addr, sizeof a->addr);
    if (c) {
        return c;
    }
    return a->port == b->port ? 0 : (a->port < b->port ? -1 : 1);
}

/* Same key: the most confident, then the oldest, then by source, first. */
static int ioc_cmp_sort(const void *pa, const void *pb)
{
    const struct ioc_entry *a = pa, *b = pb;
    int c = ioc_cmp_key(a, b);

    if (c) {
        return c;
    }
    if (a->confidence != b->confidence) {
        return a->confidence > b->confidence ? -1 : 1;
    }
    if (a->first_seen != b->first_seen) {
        return a->first_seen < b->first_seen ? -1 : 1;
    }
    return strcmp(a->source, b->source);
}

static int ioc_cmp_v4key(const void *pa, const void *pb)
{
    const struct ioc_v4 *a = pa, *b = pb;
    int c = memcmp(a->addr, b->addr, 4);

    if (c) {
        return c;
    }
    return a->port == b->port ? 0 : (a->port < b->port ? -1 : 1);
}

/* As ioc_cmp_sort, the source tie broken by its table index. */
static int ioc_cmp_v4sort(const void *pa, const void *pb)
{
    const struct ioc_v4 *a = pa, *b = pb;
    int c = ioc_cmp_v4key(a, b);

    if (c) {
        return c;
    }
    if (a->conf != b->conf) {
        return a->conf > b->conf ? -1 : 1;
    }
    if (a->seen != b->seen) {
        return a->seen < b->seen ? -1 : 1;
    }
    return a->src == b->src ? 0 : (a->src < b->src ? -1 : 1);
}

/*
 * Sort V (*N elements of SIZE bytes, *CAP allocated) by SORT, keep the
 * first of each run of elements equal by KEY and trim the array to them:
 * the array, *N its new count, the others counted in *DROPPED.
 */
static void *ioc_dedupe(struct ioc_store *s, void *v, size_t *n, size_t *cap, size_t size,
                        int (*sort)(const void *, const void *),
                        int (*key)(const void *, const void *), size_t *dropped)
{
    char *b = v;
    size_t i, w = 0;

    if (*n > 1) {
        util_sort(b, *n, size, sort);
    }
    for (i = 0; i < *n; i++) {
        if (w == 0 || key(b + (w - 1) * size, b + i * size) != 0) {
            memmove(b + w * size, b + i * size, size);
            w++;
        }
    }
    *dropped += *n - w;
    *n = w;
    return ioc_trim(s, v, cap, w, size);
}

/* Sort, drop duplicate keys, trim, index the kinds; returns the number dropped. */
static size_t ioc_store_index(struct ioc_store *s)
{
    size_t i = 0, dropped = 0;
    int k;

    for (k = 0; k < 2; k++) {
        s->v4[k] = ioc_dedupe(s, s->v4[k], &s->n4[k], &s->cap4[k], sizeof *s->v4[k], ioc_cmp_v4sort,
                              ioc_cmp_v4key, &dropped);
    }
    s->v = ioc_dedupe(s, s->v, &s->n, &s->cap, sizeof *s->v, ioc_cmp_sort, ioc_cmp_key, &dropped);
    for (k = 0; k <= IOC__KIND_COUNT; k++) {
        while (i < s->n && s->v[i].kind < k) {
            i++;
        }
        s->kind_start[k] = i;
    }
    return dropped;
}

/*
 * The element of V[LO..HI) (SIZE bytes each, sorted by CMP) that CMP finds
 * equal to KEY, by binary search, or NULL.
 */
static const void *ioc_bsearch(const void *key, const void *v, size_t lo, size_t hi, size_t size,
                               int (*cmp)(const void *, const void *))
{
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const void *m = (const char *)v + mid * size;
        int c = cmp(m, key);

        if (c == 0) {
            return m;
        }
        if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return NULL;
}

/* The entry of KEY's kind equal to KEY, or NULL. */
static const struct ioc_entry *ioc_search(const struct ioc_store *s, const struct ioc_entry *key)
{
    return ioc_bsearch(key, s->v, s->kind_start[key->kind], s->kind_start[key->kind + 1],
                       sizeof *s->v, ioc_cmp_key);
}

/* Packed entry I of kind K as the store's scratch entry. */
static const struct ioc_entry *ioc_v4_entry(const struct ioc_store *s, int k, size_t i)
{
    const struct ioc_v4 *p = &s->v4[k][i];
    struct ioc_entry *e = &s->tmp->e;

    memset(e, 0, sizeof *e);
    e->kind = (uint8_t)(k ? IOC_IP_PORT : IOC_IP);
    e->family = 4;
    e->port = p->port;
    memcpy(e->addr, p->addr, 4);
    e->confidence = p->conf;
    e->first_seen = p->seen;
    e->source = s->sources[p->src];
    (void)ioc_format_addr(4, p->addr, p->port, s->tmp->value, sizeof s->tmp->value);
    e->value = s->tmp->value;
    return e;
}

/* The packed entry of kind K for ADDR[0..4):PORT, by binary search, or NULL. */
static const struct ioc_entry *ioc_v4_search(const struct ioc_store *s, int k, const uint8_t *addr,
                                             uint16_t port)
{
    const struct ioc_v4 *p;
    struct ioc_v4 key;

    memcpy(key.addr, addr, 4);
    key.port = port;
    p = ioc_bsearch(&key, s->v4[k], 0, s->n4[k], sizeof key, ioc_cmp_v4key);
    return p ? ioc_v4_entry(s, k, (size_t)(p - s->v4[k])) : NULL;
}

size_t ioc_store_bytes(const struct ioc_store *s)
{
    return s->bytes;
}

size_t ioc_count(const struct ioc_store *s, enum ioc_kind kind)
{
    if ((unsigned)kind >= IOC__KIND_COUNT) {
        return s->n + s->n4[0] + s->n4[1];
    }
    return s->kind_start[kind + 1] - s->kind_start[kind] +
           (ioc_is_ip_kind(kind) ? s->n4[kind == IOC_IP_PORT] : 0);
}

const struct ioc_entry *ioc_next(const struct ioc_store *s, enum ioc_kind kind, size_t *iter)
{
    size_t i;

    if ((unsigned)kind >= IOC__KIND_COUNT) {
        return NULL;
    }
    i = *iter;
    if (ioc_is_ip_kind(kind)) {
        int k = kind == IOC_IP_PORT;

        if (i < s->n4[k]) {
            (*iter)++;
            return ioc_v4_entry(s, k, i);
        }
        i -= s->n4[k];
    }
    i += s->kind_start[kind];
    if (i >= s->kind_start[kind + 1]) {
        return NULL;
    }
    (*iter)++;
    return &s->v[i];
}

/* The kinds' names, as ThreatFox's ioc_type gives them. */
static const char *const ioc_kind_names[IOC__KIND_COUNT] = {
    "ip", "ip:port", "domain", "url", "md5_hash", "sha1_hash", "sha256_hash"
};

const char *ioc_kind_name(enum ioc_kind kind)
{
    return (unsigned)kind < IOC__KIND_COUNT ? ioc_kind_names[kind] : NULL;
}

/* ---- value syntax ----------------------------------------------------- */

static int ioc_is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* The length of LIT (lower case) when P[0..N) starts with it in any case, else 0. */
static size_t ioc_ieq_prefix(const char *p, size_t n, const char *lit)
{
    size_t i, l = strlen(lit);

    if (n < l) {
        return 0;
    }
    for (i = 0; i < l; i++) {
        if (util_lower(p[i]) != lit[i]) {
            return 0;
        }
    }
    return l;
}

/*
 * Refang P[0..N) into OUT[IOC_MAX_VALUE + 1], trimmed of blanks:
 *   "[.]" "(.)" "{.}" "[dot]" -> "."   "[:]" -> ":"   "[://]" -> "://"
 *   leading "hxxp" "hxxps" "fxp" (any case, before ':' or '[') -> http, https, ftp
 * Returns the length, or -1 if the result is empty or over IOC_MAX_VALUE.
 */
static long ioc_refang(const char *p, size_t n, char *out)
{
    /* each defanged form and what it stands for */
    static const char subs[][2][6] = {
        { "[.]", "." }, { "(.)", "." }, { "{.}", "." }, { "[dot]", "." },
        { "[:]", ":" }, { "[://]", "://" },
    };
    size_t i = 0, o = 0, k, l;
    const char *to = "http";

    while (n > 0 && (p[0] == ' ' || p[0] == '\t')) {
        p++;
        n--;
    }
    while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r')) {
        n--;
    }
    l = ioc_ieq_prefix(p, n, "hxxp");
    if (!l) {
        l = ioc_ieq_prefix(p, n, "fxp");
        to = "ftp";
    }
    if (l) {
        size_t after = l + (n > l && util_lower(p[l]) == 's' ? 1 : 0);

        if (after < n && (p[after] == ':' || p[after] == '[')) {
            memcpy(out, to, l);
            o = i = l;
        }
    }
    while (i < n) {
        const char *from = p + i;    /* L bytes from FROM replace ADV of P */
        size_t adv = 1;

        l = 1;
        for (k = 0; k < sizeof subs / sizeof subs[0]; k++) {
            size_t m = ioc_ieq_prefix(p + i, n - i, subs[k][0]);

            if (m) {
                from = subs[k][1];
                l = strlen(from);
                adv = m;
                break;
            }
        }
        i += adv;
        if (o + l > IOC_MAX_VALUE) {
            return -1;
        }
        while (l--) {
            out[o++] = *from++;
        }
    }
    out[o] = '\0';
    return o ? (long)o : -1;
}

/*
 * P[0..N) exactly as inet_pton(3) reads it for AF (AF_INET: a dotted quad
 * of 0-255 without leading zeros; AF_INET6: the RFC 4291 text form, the
 * last 32 bits optionally a dotted quad) into A (4 or 16 bytes).  Every
 * address is shorter than 64 characters.
 */
static int ioc_pton(int af, const char *p, size_t n, uint8_t *a)
{
    char s[64];

    if (n >= sizeof s || memchr(p, '\0', n)) {
        return IH_EPARSE;
    }
    memcpy(s, p, n);
    s[n] = '\0';
    return inet_pton(af, s, a) == 1 ? IH_OK : IH_EPARSE;
}

/*
 * S[0..N) as an IPv4 dotted quad or an IPv6 address into A (4 or 16
 * bytes): 4, 6 or 0.
 */
int ioc_parse_addr(const char *s, size_t n, uint8_t *a)
{
    if (ioc_pton(AF_INET, s, n, a) == IH_OK) {
        return 4;
    }
    return ioc_pton(AF_INET6, s, n, a) == IH_OK ? 6 : 0;
}

/* An IPv4-mapped IPv6 address (::ffff:a.b.c.d) as family 4. */
static void ioc_unmap(int *family, uint8_t *a)
{
    static const uint8_t pfx[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

    if (*family == 6 && memcmp(a, pfx, sizeof pfx) == 0) {
        memmove(a, a + 12, 4);
        memset(a + 4, 0, 12);
        *family = 4;
    }
}

/* port = 1-65535 (decimal), P[0..N) exactly, into *PORT. */
static int ioc_parse_port(const char *p, size_t n, uint16_t *port)
{
    uint64_t v;

    if (util_parse_dec(p, n, 65535, &v) != IH_OK || v == 0) {
        return IH_EPARSE;
    }
    *port = (uint16_t)v;
    return IH_OK;
}

/*
 * endpoint = ipv4 [":" port] | ipv6 | "[" ipv6 "]" [":" port]
 * Sets *FAMILY, A, *PORT (0 when absent).
 */
static int ioc_parse_endpoint(const char *p, size_t n, int *family, uint8_t *a, uint16_t *port)
{
    const char *colon;
    size_t hostn = n;

    *port = 0;
    memset(a, 0, 16);
    if (n > 0 && p[0] == '[') {
        const char *rb = memchr(p, ']', n);

        if (!rb || ioc_pton(AF_INET6, p + 1, (size_t)(rb - p - 1), a) != IH_OK) {
            return IH_EPARSE;
        }
        *family = 6;
        hostn = (size_t)(rb - p) + 1;
        if (hostn < n &&
            (p[hostn] != ':' || ioc_parse_port(p + hostn + 1, n - hostn - 1, port) != IH_OK)) {
            return IH_EPARSE;
        }
        ioc_unmap(family, a);
        return IH_OK;
    }
    colon = memchr(p, ':', n);
    if (colon && memchr(colon + 1, ':', n - (size_t)(colon + 1 - p))) {
        *family = 6;    /* bare IPv6: no port possible */
        if (ioc_pton(AF_INET6, p, n, a) != IH_OK) {
            return IH_EPARSE;
        }
        ioc_unmap(family, a);
        return IH_OK;
    }
    if (colon) {
        hostn = (size_t)(colon - p);
        if (ioc_parse_port(colon + 1, n - hostn - 1, port) != IH_OK) {
            return IH_EPARSE;
        }
    }
    *family = 4;
    return ioc_pton(AF_INET, p, hostn, a);
}

/*
 * domain = label 1*("." label) ["."]  ; <= 253 chars, labels 1-63 of
 *          [A-Za-z0-9_-] not starting or ending with "-", the last not
 *          all digits (that is an address)
 * Writes the lower-case name without the trailing dot to OUT[254].
 */
static int ioc_parse_domain(const char *p, size_t n, char *out)
{
    size_t i, label = 0, labels = 1;
    int digits_only = 1;

    if (n > 0 && p[n - 1] == '.') {
        n--;
    }
    if (n == 0 || n > IOC_DOMAIN_MAX) {
        return IH_EPARSE;
    }
    for (i = 0; i < n; i++) {
        char c = p[i];

        if (c == '.') {
            if (label == 0 || p[i - 1] == '-') {
                return IH_EPARSE;
            }
            label = 0;
            labels++;
            digits_only = 1;
            out[i] = '.';
            continue;
        }
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_')) {
            return IH_EPARSE;
        }
        if (!(c >= '0' && c <= '9')) {
            digits_only = 0;
        }
        if (c == '-' && label == 0) {
            return IH_EPARSE;
        }
        if (++label > 63) {
            return IH_EPARSE;
        }
        out[i] = (char)util_lower(c);
    }
    if (label == 0 || p[n - 1] == '-' || labels < 2 || digits_only) {
        return IH_EPARSE;
    }
    out[n] = '\0';
    return IH_OK;
}

/* hash = 32 / 40 / 64 hex digits.  Lower-cases into OUT; sets *KIND. */
static int ioc_parse_hash(const char *p, size_t n, char *out, int *kind)
{
    size_t i;

    if (n != 32 && n != 40 && n != 64) {
        return IH_EPARSE;
    }
    for (i = 0; i < n; i++) {
        if (!ioc_is_hex(p[i])) {
            return IH_EPARSE;
        }
    }
    for (i = 0; i < n; i++) {
        out[i] = (char)util_lower(p[i]);
    }
    out[n] = '\0';
    *kind = n == 32 ? IOC_MD5 : n == 40 ? IOC_SHA1 : IOC_SHA256;
    return IH_OK;
}

/*
 * url = scheme "://" authority [path-etc]   ; printable ASCII, no blanks
 * scheme = ALPHA *(ALPHA / DIGIT / "+" / "-" / ".")
 * The scheme and the authority (up to "/", "?" or "#") are lower-cased.
 */
static int ioc_parse_url(const char *p, size_t n, char *out)
{
    size_t i, sep = 0;
    int in_auth = 0;
    const char *css = NULL;

    for (i = 0; i + 2 < n; i++) {
        if (p[i] == ':' && p[i + 1] == '/' && p[i + 2] == '/') {
            css = p + i;
            break;
        }
    }
    if (!css || css == p) {
        return IH_EPARSE;
    }
    sep = (size_t)(css - p);
    for (i = 0; i < n; i++) {
        char c = p[i];

        if ((unsigned char)c <= 0x20 || (unsigned char)c >= 0x7f) {
            return IH_EPARSE;
        }
        if (i < sep) {
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                  (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')))) {
                return IH_EPARSE;
            }
            out[i] = (char)util_lower(c);
            continue;
        }
        if (i == sep + 3) {
            in_auth = 1;
        }
        if (in_auth && (c == '/' || c == '?' || c == '#')) {
            if (i == sep + 3) {
                return IH_EPARSE;   /* empty host */
            }
            in_auth = 0;
        }
        out[i] = in_auth ? (char)util_lower(c) : c;
    }
    if (n <= sep + 3) {
        return IH_EPARSE;
    }
    out[n] = '\0';
    return IH_OK;
}

/* Canonical text of an address IOC: "1.2.3.4:80", "[2001:db8::1]:80",
 * and without a port "1.2.3.4", "2001:db8::1". */
static int ioc_format_addr(int family, const uint8_t *a, uint16_t port, char *out, size_t n)
{
    size_t l;
    int rc = procnet_format_endpoint(family, a, port, out, n);

    if (rc != IH_OK || port != 0) {
        return rc;
    }
    l = strlen(out);
    if (l < 2) {
        return IH_EPARSE;
    }
    l -= 2;     /* ":0" */
    if (out[0] == '[') {
        memmove(out, out + 1, l - 2);
        l -= 2;
    }
    out[l] = '\0';
    return IH_OK;
}

/*
 * url-endpoint = scheme "://" [userinfo "@"] host [":" port] *( "/" / "?" / "#" ...)
 * host = IPv4 / "[" IPv6 "]"; without a port, http 80, https 443, ftp 21.
 * IH_EPARSE when the host is a name (a shared host name says nothing
 * about its other sites) or the port is unknown.
 */
static int ioc_url_endpoint(const char *url, int *family, uint8_t *a, uint16_t *port)
{
    static const struct {
        const char *scheme;
        uint16_t port;
    } dflt[] = { { "http", 80 }, { "https", 443 }, { "ftp", 21 } };
    const char *css = util_memmem(url, strlen(url), "://", 3), *h, *end, *q;
    size_t i;

    if (!css) {
        return IH_EPARSE;
    }
    h = css + 3;
    for (end = h; *end && !strchr("/?#", *end); end++) {
    }
    for (q = h; q < end; q++) {
        if (*q == '@') {
            h = q + 1;
        }
    }
    if (h == end || ioc_parse_endpoint(h, (size_t)(end - h), family, a, port) != IH_OK) {
        return IH_EPARSE;
    }
    for (i = 0; *port == 0 && i < sizeof dflt / sizeof dflt[0]; i++) {
        if ((size_t)(css - url) == strlen(dflt[i].scheme) &&
            memcmp(url, dflt[i].scheme, (size_t)(css - url)) == 0) {
            *port = dflt[i].port;
        }
    }
    return *port ? IH_OK : IH_EPARSE;
}

/* ---- records ----------------------------------------------------------- */

static int ioc_field_is(const struct ioc_field *f, const char *lit)
{
    return f->n == strlen(lit) && memcmp(f->p, lit, f->n) == 0;
}

static int ioc_field_empty(const struct ioc_field *f)
{
    return f->n == 0 || ioc_field_is(f, "None") || ioc_field_is(f, "null");
}

/*
 * first_seen = YYYY "-" MM "-" DD [(" " / "T") hh ":" mm ":" ss ["Z" / " UTC"]]
 * Unix seconds, or 0 when absent or unreadable (context, never a reason to
 * drop an indicator).  A leap second on 9999-12-31 would be year 10000,
 * past util_utc_tm's range: unreadable too.  Days since 1970-01-01 by H. Hinnant's
 * days_from_civil (proleptic Gregorian): with the year at least 1970 every
 * step is a non-negative 32-bit number, and only the seconds need 64 bits
 * (64-bit arithmetic is costly on MIPS32).
 */
static int64_t ioc_parse_time(const struct ioc_field *f)
{
    static const uint8_t pos[6] = { 0, 5, 8, 11, 14, 17 };
    static const uint8_t len[6] = { 4, 2, 2, 2, 2, 2 };
    static const uint16_t max[6] = { 9999, 12, 31, 23, 59, 60 };
    uint32_t v[6] = { 0 }, y, m, era, yoe, days;
    int64_t t;
    int k, parts = f->n >= 19 ? 6 : 3;

    if (f->n < 10 || f->p[4] != '-' || f->p[7] != '-') {
        return 0;
    }
    for (k = 0; k < parts; k++) {
        uint64_t x;

        if (util_parse_dec(f->p + pos[k], len[k], max[k], &x) != IH_OK) {
            return 0;
        }
        v[k] = (uint32_t)x;
    }
    if (v[0] < 1970 || v[1] < 1 || v[2] < 1) {
        return 0;
    }
    m = v[1];
    y = v[0] - (m <= 2);
    era = y / 400;
    yoe = y - era * 400;
    days = era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 +
           (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + v[2] - 1 - 719468;
    t = (int64_t)days * 86400 + v[3] * 3600 + v[4] * 60 + v[5];
    return t <= 253402300799LL ? t : 0;    /* 9999-12-31T23:59:59 */
}

/* Copy context text for a source: at most IOC_MAX_CTX chars, ':' and
 * non-printing bytes replaced so the source stays one colon-separated line. */
static void ioc_ctx_copy(char *out, const struct ioc_field *f, const char *dflt)
{
    size_t i, n = f->n;

    if (ioc_field_empty(f)) {
        (void)util_strlcpy(out, dflt, IOC_MAX_CTX + 1);
        return;
    }
    if (n > IOC_MAX_CTX) {
        n = IOC_MAX_CTX;
    }
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)f->p[i];

        out[i] = (c < 0x20 || c >= 0x7f || c == ':' || c == '"' || c == '\\') ? '_' : (char)c;
    }
    out[n] = '\0';
}

static void ioc_bad(struct ioc_load *L, unsigned long line, const char *why, const struct ioc_field *v)
{
    if (L->st) {
        L->st->bad++;
        if (!L->st->first_bad_line) {
            L->st->first_bad_line = line;
        }
    }
    if (v && v->n) {
        util_diag(L->name, line, "%s: '%.*s'", why, (int)(v->n > 80 ? 80 : v->n), v->p);
    } else {
        util_diag(L->name, line, "%s", why);
    }
}

static void ioc_over_cap(struct ioc_load *L, unsigned long line)
{
    if (L->st) {
        L->st->dropped++;
    }
    if (!L->over_cap_said) {
        L->over_cap_said = 1;
        util_diag(L->name, line, "IOC store full (max %u indicators, %u bytes): rest dropped",
                  (unsigned)IOC_MAX_ENTRIES, (unsigned)IOC_MAX_BYTES);
    }
}

/* Add E with canonical text VAL and source SRC (an index into the source
 * table, -1 when it could not be added) to the store, within the caps. */
static int ioc_push(struct ioc_load *L, unsigned long line, struct ioc_entry *e, const char *val,
                    long src)
{
    struct ioc_store *s = L->s;
    int rc = IH_OK;

    if (s->oom) {
        return IH_ENOMEM;       /* out of memory is an error, not a full store */
    }
    if (s->n + s->n4[0] + s->n4[1] >= IOC_MAX_ENTRIES || src < 0) {
        ioc_over_cap(L, line);
        return IH_OK;
    }
    if (ioc_is_ip_kind(e->kind) && e->family == 4) {
        int k = e->kind == IOC_IP_PORT;
        struct ioc_v4 *v = ioc_grow(s, s->v4[k], &s->cap4[k], s->n4[k], sizeof *v, IOC_MAX_ENTRIES, &rc);

        if (!v) {
            goto out;
        }
        s->v4[k] = v;
        v += s->n4[k]++;
        memcpy(v->addr, e->addr, 4);
        v->port = e->port;
        v->conf = e->confidence;
        v->src = (uint16_t)src;
        v->seen = e->first_seen > 0 && e->first_seen <= UINT32_MAX ? (uint32_t)e->first_seen : 0;
    } else {
        struct ioc_entry *v = ioc_grow(s, s->v, &s->cap, s->n, sizeof *v, IOC_MAX_ENTRIES, &rc);

        if (!v) {
            goto out;
        }
        s->v = v;
        e->source = s->sources[src];
        e->value = ioc_pool_str(s, val, strlen(val));
        if (!e->value) {
            rc = s->oom ? IH_ENOMEM : IH_ETOOBIG;
            goto out;
        }
        s->v[s->n++] = *e;
    }
    if (L->st) {
        L->st->loaded++;
    }
out:
    if (rc == IH_ETOOBIG) {
        ioc_over_cap(L, line);
        rc = IH_OK;
    }
    return rc;
}

/*
 * Add the record R read at LINE.  The type is R->type when given (CSV and
 * JSON), else inferred from the value's syntax (plain lists): URL when it
 * has "://", hash when it is 32/40/64 hex digits, an address (with or
 * without port) when it parses as one, else a domain.  A bad record is
 * reported and counted; only IH_ENOMEM is an error.
 */
static int ioc_add_rec(struct ioc_load *L, unsigned long line, const struct ioc_rec *r)
{
    const struct ioc_field *value = &r->f[COL_VALUE], *type = &r->f[COL_TYPE];
    const struct ioc_field *conf = &r->f[COL_CONF];
    struct ioc_store *s = L->s;
    char val[IOC_MAX_VALUE + 1];
    char src[3 * IOC_MAX_CTX + 32];
    struct ioc_entry e;
    int want = -2, kind = -1, family = 0, rc;
    long vn, si;
    size_t i;

    memset(&e, 0, sizeof e);
    if (value->n == 0) {
        ioc_bad(L, line, "empty ioc_value", NULL);
        return IH_OK;
    }
    if (value->n > IOC_MAX_VALUE || memchr(value->p, '\0', value->n)) {
        ioc_bad(L, line, "ioc_value too long or binary", NULL);
        return IH_OK;
    }
    if (type->p) {
        for (i = 0; i < IOC__KIND_COUNT; i++) {
            if (ioc_field_is(type, ioc_kind_names[i])) {
                want = (int)i;
            }
        }
        if (want == -2) {
            ioc_bad(L, line, "unsupported ioc_type", type);
            return IH_OK;
        }
    }
    vn = ioc_refang(value->p, value->n, val);
    if (vn < 0) {
        ioc_bad(L, line, "empty or too long ioc_value", value);
        return IH_OK;
    }
    if (want == IOC_URL || (want == -2 && util_memmem(val, (size_t)vn, "://", 3))) {
        kind = ioc_parse_url(val, (size_t)vn, val) == IH_OK ? IOC_URL : -1;
    } else if (want >= IOC_MD5 ||
               (want == -2 && ioc_parse_hash(val, (size_t)vn, val, &kind) == IH_OK)) {
        /* a given hash type is parsed here; an inferred one was just parsed
         * (in place: parsing it again finds it as it is) */
        if (ioc_parse_hash(val, (size_t)vn, val, &kind) != IH_OK || (want != -2 && kind != want)) {
            kind = -1;
        }
    } else if (want == IOC_DOMAIN) {
        kind = ioc_parse_domain(val, (size_t)vn, val) == IH_OK ? IOC_DOMAIN : -1;
    } else if (ioc_parse_endpoint(val, (size_t)vn, &family, e.addr, &e.port) == IH_OK) {
        kind = e.port ? IOC_IP_PORT : IOC_IP;
        if (want != -2 && kind != want) {
            kind = -1;
        }
    } else if (want == -2 && ioc_parse_domain(val, (size_t)vn, val) == IH_OK) {
        kind = IOC_DOMAIN;
    }
    if (kind < 0) {
        ioc_bad(L, line, want == -2 ? "not an ip, ip:port, domain, url or hash" :
                "ioc_value does not fit its ioc_type", value);
        return IH_OK;
    }
    e.kind = (uint8_t)kind;
    if (ioc_is_ip_kind(kind)) {
        e.family = (uint8_t)family;
        if (ioc_format_addr(family, e.addr, e.port, val, sizeof val) != IH_OK) {
            ioc_bad(L, line, "unprintable address", value);
            return IH_OK;
        }
    }
    if (!ioc_field_empty(conf)) {
        uint64_t c = 0;
        size_t n = conf->n;

        while (n > 0 && conf->p[n - 1] == '0' && memchr(conf->p, '.', n)) {
            n--;    /* "100.0" */
        }
        if (n > 0 && conf->p[n - 1] == '.') {
            n--;
        }
        if (util_parse_dec(conf->p, n, 1000000, &c) == IH_OK) {
            e.confidence = (uint8_t)(c > 100 ? 100 : c);
        }
    }
    e.first_seen = ioc_parse_time(&r->f[COL_SEEN]);
    if (type->p) {
        char threat[IOC_MAX_CTX + 1], mal[IOC_MAX_CTX + 1];

        ioc_ctx_copy(threat, &r->f[COL_THREAT], "unknown");
        ioc_ctx_copy(mal, &r->f[COL_MALWARE], "unknown");
        if (e.confidence) {
            (void)util_fmt(src, sizeof src, "threatfox:%s:%s:%u", threat, mal, (unsigned)e.confidence);
        } else {
            (void)util_fmt(src, sizeof src, "threatfox:%s:%s", threat, mal);
        }
        si = ioc_intern_source(s, src);
    } else {
        if (L->list_source < 0) {
            const char *base = strrchr(L->name, '/');
            char ctx[IOC_MAX_CTX + 1];
            struct ioc_field bf;

            bf.p = base ? base + 1 : L->name;
            bf.n = strlen(bf.p);
            ioc_ctx_copy(ctx, &bf, "list");
            (void)util_fmt(src, sizeof src, "list:%s", ctx);
            L->list_source = ioc_intern_source(s, src);
        }
        si = L->list_source;
    }
    rc = ioc_push(L, line, &e, val, si);
    if (rc == IH_OK && kind == IOC_URL &&
        ioc_url_endpoint(val, &family, e.addr, &e.port) == IH_OK &&
        ioc_format_addr(family, e.addr, e.port, val, sizeof val) == IH_OK) {
        e.kind = IOC_IP_PORT;
        e.family = (uint8_t)family;
        rc = ioc_push(L, line, &e, val, si);
        if (L->st) {
            L->st->derived++;
        }
    }
    return rc;
}

/* ---- CSV and plain lists ---------------------------------------------- */

/* Column names of the ThreatFox CSV export, and their default positions. */
static const char *const ioc_col_names[COL__N] = {
    "ioc_value", "ioc_type", "threat_type", "malware_printable", "confidence_level", "first_seen_utc"
};
static const int ioc_col_default[COL__N] = { 2, 3, 4, 7, 9, 0 };

/*
 * csv-record = *WSP field *( *WSP "," *WSP field ) *WSP
 * field      = DQUOTE *( qchar / DQUOTE DQUOTE ) DQUOTE / *uchar
 * qchar      = any byte but DQUOTE; uchar = any byte but "," DQUOTE
 * Splits P[0..N) into at most IOC_MAX_FIELDS fields decoded into SCRATCH
 * (N bytes).  IH_EPARSE on an unterminated quote, junk after a quoted
 * field or too many fields.
 */
static int ioc_csv_split(const char *p, size_t n, char *scratch, struct ioc_field *f, size_t *nf)
{
    size_t i = 0, o = 0, k = 0;

    for (;;) {
        while (i < n && (p[i] == ' ' || p[i] == '\t')) {
            i++;
        }
        if (k == IOC_MAX_FIELDS) {
            return IH_EPARSE;
        }
        f[k].p = scratch + o;
        if (i < n && p[i] == '"') {
            i++;
            for (;;) {
                if (i >= n) {
                    return IH_EPARSE;
                }
                if (p[i] == '"') {
                    if (i + 1 < n && p[i + 1] == '"') {
                        scratch[o++] = '"';
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                scratch[o++] = p[i++];
            }
        } else {
            while (i < n && p[i] != ',' && p[i] != '"') {
                scratch[o++] = p[i++];
            }
            while (o > (size_t)(f[k].p - scratch) && (scratch[o - 1] == ' ' || scratch[o - 1] == '\t')) {
                o--;
            }
        }
        f[k].n = (size_t)(scratch + o - f[k].p);
        k++;
        while (i < n && (p[i] == ' ' || p[i] == '\t')) {
            i++;
        }
        if (i == n) {
            break;
        }
        if (p[i] != ',') {
            return IH_EPARSE;
        }
        i++;
    }
    *nf = k;
    return IH_OK;
}

struct ioc_lines {
    struct ioc_load *L;
    int fmt;
    int col[COL__N];
    int ncols;          /* fields a record needs */
    char *scratch;      /* IOC_MAX_LINE bytes */
    unsigned long line; /* lines seen so far */
    int skipping;       /* in the rest of a line reported too long */
};

/* A `#` comment that names the CSV columns sets the column positions. */
static void ioc_csv_header(struct ioc_lines *X, const char *p, size_t n)
{
    struct ioc_field f[IOC_MAX_FIELDS];
    int col[COL__N], c;
    size_t nf, i;

    while (n > 0 && (*p == '#' || *p == ' ' || *p == '\t')) {
        p++;
        n--;
    }
    if (ioc_csv_split(p, n, X->scratch, f, &nf) != IH_OK) {
        return;
    }
    for (c = 0; c < COL__N; c++) {
        col[c] = -1;
        for (i = 0; i < nf; i++) {
            if (ioc_field_is(&f[i], ioc_col_names[c])) {
                col[c] = (int)i;
            }
        }
    }
    if (col[COL_VALUE] < 0 || col[COL_TYPE] < 0) {
        return;
    }
    memcpy(X->col, col, sizeof col);
    X->ncols = col[COL_VALUE] > col[COL_TYPE] ? col[COL_VALUE] + 1 : col[COL_TYPE] + 1;
}

static int ioc_csv_line(struct ioc_lines *X, unsigned long line, const char *p, size_t n)
{
    struct ioc_field f[IOC_MAX_FIELDS];
    struct ioc_rec r;
    size_t nf;
    int c;

    if (ioc_csv_split(p, n, X->scratch, f, &nf) != IH_OK) {
        ioc_bad(X->L, line, "malformed CSV record (quotes or separators)", NULL);
        return IH_OK;
    }
    if ((int)nf < X->ncols) {
        ioc_bad(X->L, line, "CSV record has too few fields", NULL);
        return IH_OK;
    }
    memset(&r, 0, sizeof r);
    for (c = 0; c < COL__N; c++) {
        if (X->col[c] >= 0 && X->col[c] < (int)nf) {
            r.f[c] = f[X->col[c]];
        }
    }
    if (!r.f[COL_TYPE].p) {
        r.f[COL_TYPE].p = "";  /* an empty ioc_type is reported as unsupported */
    }
    return ioc_add_rec(X->L, line, &r);
}

/* plain-line = *WSP value [1*WSP "#" comment] *WSP */
static int ioc_plain_line(struct ioc_lines *X, unsigned long line, const char *p, size_t n)
{
    struct ioc_rec r;
    size_t i, m;

    for (i = 1; i < n; i++) {
        if (p[i] == '#' && (p[i - 1] == ' ' || p[i - 1] == '\t')) {
            n = i;
            break;
        }
    }
    memset(&r, 0, sizeof r);
    r.f[COL_VALUE].p = p;
    r.f[COL_VALUE].n = n;
    /* a blank before the last non-blank byte separates two values */
    for (m = n; m > 0 && (p[m - 1] == ' ' || p[m - 1] == '\t'); m--) {
    }
    for (i = 0; i < m; i++) {
        if (p[i] == ' ' || p[i] == '\t') {
            ioc_bad(X->L, line, "more than one value on the line", NULL);
            return IH_OK;
        }
    }
    return ioc_add_rec(X->L, line, &r);
}

/*
 * line = *(any byte but LF) [CR]   ; the CR of CRLF is dropped
 * Blank lines and lines whose first non-blank byte is `#` are comments
 * (a CSV comment naming the columns is read as the header).  A line over
 * IOC_MAX_LINE bytes is dropped whole, never cut.
 */
static int ioc_line(struct ioc_lines *X, const char *p, size_t n)
{
    size_t k = 0;

    X->line++;
    if (n > 0 && p[n - 1] == '\r') {
        n--;
    }
    if (n > IOC_MAX_LINE) {
        ioc_bad(X->L, X->line, "line too long", NULL);
        return IH_OK;
    }
    if (memchr(p, '\0', n)) {
        ioc_bad(X->L, X->line, "NUL byte in line", NULL);
        return IH_OK;
    }
    while (k < n && (p[k] == ' ' || p[k] == '\t')) {
        k++;
    }
    if (k == n) {
        return IH_OK;
    }
    if (p[k] == '#') {
        if (X->fmt == IOC_FMT_CSV && util_memmem(p, n, "\"ioc_value\"", 11)) {
            ioc_csv_header(X, p + k, n - k);
        }
        return IH_OK;
    }
    return X->fmt == IOC_FMT_CSV ? ioc_csv_line(X, X->line, p + k, n - k) :
           ioc_plain_line(X, X->line, p + k, n - k);
}

/*
 * lines = *(line LF) [line]
 * Handle every complete line of BUF[0..LEN), and with FINAL the last,
 * unterminated one too.  *USED is set to the bytes consumed: the rest is
 * the start of a line, to be fed again with what follows.  A partial line
 * already too long is reported at once and its remainder skipped, so a
 * stream needs no more than IOC_MAX_LINE + 2 bytes of carry-over.
 */
static int ioc_lines_feed(struct ioc_lines *X, const char *buf, size_t len, int final, size_t *used)
{
    size_t i = 0;
    int rc = IH_OK;

    while (i < len && rc == IH_OK) {
        const char *p = buf + i, *nl = memchr(p, '\n', len - i);
        size_t n;

        if (!nl && !final) {
            if (len - i > IOC_MAX_LINE + 1) {
                if (!X->skipping) {
                    X->line++;
                    ioc_bad(X->L, X->line, "line too long", NULL);
                    X->skipping = 1;
                }
                i = len;
            }
            break;
        }
        n = nl ? (size_t)(nl - p) : len - i;
        i += n + (nl ? 1 : 0);
        if (X->skipping) {
            X->skipping = 0;    /* the end of a line already reported */
            continue;
        }
        rc = ioc_line(X, p, n);
    }
    *used = i;
    return rc;
}

static int ioc_lines_init(struct ioc_lines *X, struct ioc_load *L, enum ioc_format fmt)
{
    int c;

    memset(X, 0, sizeof *X);
    X->L = L;
    X->fmt = fmt;
    for (c = 0; c < COL__N; c++) {
        X->col[c] = ioc_col_default[c];
    }
    X->ncols = ioc_col_default[COL_TYPE] + 1;
    X->scratch = malloc(IOC_MAX_LINE);
    return X->scratch ? IH_OK : IH_ENOMEM;
}

/* ---- JSON ------------------------------------------------------------- */

/*
 * The ThreatFox JSON export, read with a bounded recursive-descent reader
 * (RFC 8259 syntax, nesting up to IOC_JSON_DEPTH):
 *   export  = ws ( object-of-arrays / array-of-iocs ) ws
 *   object-of-arrays = "{" [ member *( "," member ) ] "}"
 *   member  = string ":" ( array-of-iocs / any-value )  ; key = ioc_id, "data", ...
 *   array-of-iocs = "[" [ ioc-or-value *( "," ioc-or-value ) ] "]"
 *   ioc     = "{" members "}"   ; ioc_value, ioc_type, threat_type,
 *             malware_printable, confidence_level, first_seen_utc (or
 *             first_seen) are read, the rest skipped
 * A structural error stops the load (what came before is kept); a bad
 * indicator inside a well-formed object is skipped like a bad line.
 */
struct ioc_json {
    struct ioc_load *L;
    const char *p, *end;
    unsigned long line;
};

static void ioc_json_ws(struct ioc_json *J)
{
    const char *p = J->p;

    while (p < J->end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')) {
        J->line += *p++ == '\n';
    }
    J->p = p;
}

static int ioc_json_fail(struct ioc_json *J, const char *what)
{
    ioc_bad(J->L, J->line, what, NULL);
    return IH_EPARSE;
}

/* After an object key: [ws] ":" [ws]. */
static int ioc_json_colon(struct ioc_json *J)
{
    ioc_json_ws(J);
    if (J->p >= J->end || *J->p != ':') {
        return ioc_json_fail(J, "JSON: expected ':'");
    }
    J->p++;
    ioc_json_ws(J);
    return IH_OK;
}

/*
 * After a member or element: [ws] then "," (1: another follows) or CLOSE
 * (0: the object or array ended); anything else fails with WHAT.
 */
static int ioc_json_next(struct ioc_json *J, char close, const char *what)
{
    ioc_json_ws(J);
    if (J->p < J->end && (*J->p == ',' || *J->p == close)) {
        return *J->p++ == ',';
    }
    return ioc_json_fail(J, what);
}

/* Code point CP (at most 0x10ffff) as UTF-8 into B[4]: the byte count. */
static size_t ioc_utf8(uint32_t cp, uint8_t *b)
{
    size_t n, k;

    if (cp < 0x80) {
        b[0] = (uint8_t)cp;
        return 1;
    }
    n = cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (k = n - 1; k > 0; k--) {
        b[k] = (uint8_t)(0x80 | (cp & 0x3f));
        cp >>= 6;
    }
    b[0] = (uint8_t)((0xff00 >> n) | cp);   /* 0xc0, 0xe0 or 0xf0 and the top bits */
    return n;
}

/*
 * string = DQUOTE *( unescaped / "\" ( ["\/bfnrt] / "u" 4HEXDIG ) ) DQUOTE
 * Decoded into OUT[CAP] (OUT NULL: skipped); *N is the decoded length and
 * *OVER is set when it did not fit (the string is still consumed).
 */
static int ioc_json_string(struct ioc_json *J, char *out, size_t cap, size_t *n, int *over)
{
    /* an escape's letter, and at the same index what it stands for */
    static const char esc[] = "\"\\/bfnrt", unesc[] = "\"\\/\b\f\n\r\t";
    const char *p = J->p, *end = J->end, *why = "JSON: expected a string";
    size_t o = 0;

    *over = 0;
    if (p >= end || *p++ != '"') {
        goto fail;
    }
    for (;;) {
        unsigned char c;
        uint8_t b[4];
        size_t bn = 1, k;
        uint32_t cp;
        uint64_t v;
        const char *q;

        why = "JSON: unterminated string";
        if (p >= end) {
            goto fail;
        }
        c = (unsigned char)*p++;
        if (c == '"') {
            break;
        }
        why = "JSON: control character in string";
        if (c < 0x20) {
            goto fail;
        }
        b[0] = c;
        if (c == '\\') {
            why = "JSON: unterminated string";
            if (p >= end) {
                goto fail;
            }
            c = (unsigned char)*p++;
            q = c ? strchr(esc, c) : NULL;
            why = "JSON: bad escape";
            if (q) {
                cp = (unsigned char)unesc[q - esc];
            } else if (c != 'u') {
                goto fail;
            } else {
                why = "JSON: bad \\u escape";
                if (end - p < 4 || util_parse_hex(p, 4, &v) != IH_OK) {
                    goto fail;
                }
                p += 4;
                cp = (uint32_t)v;
                why = "JSON: lone surrogate";
                if (cp >= 0xdc00 && cp < 0xe000) {
                    goto fail;
                }
                if (cp >= 0xd800 && cp < 0xdc00) {
                    /* a high surrogate: "\u" and the low one must follow */
                    if (end - p < 6 || p[0] != '\\' || p[1] != 'u' ||
                        util_parse_hex(p + 2, 4, &v) != IH_OK || v < 0xdc00 || v > 0xdfff) {
                        goto fail;
                    }
                    p += 6;
                    cp = 0x10000 + ((cp - 0xd800) << 10) + ((uint32_t)v - 0xdc00);
                }
            }
            bn = ioc_utf8(cp, b);
        }
        for (k = 0; k < bn; k++) {
            if (out && o < cap) {
                out[o] = (char)b[k];
            } else {
                *over = 1;
            }
            o++;
        }
    }
    J->p = p;
    *n = o > cap ? cap : o;
    return IH_OK;
fail:
    return ioc_json_fail(J, why);
}

/*
 * scalar = "true" / "false" / "null" / number
 * number = ["-"] int [frac] [exp]; the text is left in *F (for confidence).
 */
static int ioc_json_scalar(struct ioc_json *J, struct ioc_field *f)
{
    static const char *const words[] = { "true", "false", "null" };
    const char *s = J->p, *p = s, *end = J->end;
    size_t k;

    for (k = 0; k < 3; k++) {
        size_t l = strlen(words[k]);

        if ((size_t)(end - p) >= l && memcmp(p, words[k], l) == 0) {
            p += l;
            goto done;
        }
    }
    if (p < end && *p == '-') {
        p++;
    }
    if (p >= end || *p < '0' || *p > '9') {
        return ioc_json_fail(J, "JSON: expected a value");
    }
    while (p < end && *p && strchr("0123456789.eE+-", *p)) {
        p++;
    }
done:
    J->p = p;
    f->p = s;
    f->n = (size_t)(p - s);
    return IH_OK;
}

/*
 * The members of the object (CLOSE '}') or the elements of the array
 * (CLOSE ']') whose opening bracket is at J->p: for an object each key
 * (decoded into KEY, *KOVER set when it did not fit) and its ":" are read;
 * then EACH(J, KEY, KOVER, ARG) reads the value.  WHAT is the message
 * when neither "," nor CLOSE follows.  IH_OK at the closing bracket, else
 * the first error.
 */
static int ioc_json_each(struct ioc_json *J, char close, const char *what,
                         int (*each)(struct ioc_json *J, const char *key, int kover, void *arg),
                         void *arg)
{
    char key[24];
    size_t kn;
    int first = 1, kover = 0, rc;

    key[0] = '\0';
    J->p++;
    for (;;) {
        ioc_json_ws(J);
        if (first && J->p < J->end && *J->p == close) {
            J->p++;
            return IH_OK;
        }
        if (close == '}') {
            if (ioc_json_string(J, key, sizeof key - 1, &kn, &kover) != IH_OK ||
                ioc_json_colon(J) != IH_OK) {
                return IH_EPARSE;
            }
            key[kn] = '\0';
        }
        rc = each(J, key, kover, arg);
        if (rc != IH_OK) {
            return rc;
        }
        first = 0;
        rc = ioc_json_next(J, close, what);
        if (rc <= 0) {
            return rc;
        }
    }
}

static int ioc_json_skip(struct ioc_json *J, int depth);

/* A member or element inside a value being skipped (ARG: its depth). */
static int ioc_json_skip_in(struct ioc_json *J, const char *key, int kover, void *arg)
{
    (void)key;
    (void)kover;
    return ioc_json_skip(J, *(const int *)arg + 1);
}

static int ioc_json_skip(struct ioc_json *J, int depth)
{
    struct ioc_field f;
    size_t n;
    int over;

    ioc_json_ws(J);
    if (J->p >= J->end) {
        return ioc_json_fail(J, "JSON: unexpected end");
    }
    if (*J->p == '"') {
        return ioc_json_string(J, NULL, 0, &n, &over);
    }
    if (*J->p != '{' && *J->p != '[') {
        return ioc_json_scalar(J, &f);
    }
    if (depth >= IOC_JSON_DEPTH) {
        return ioc_json_fail(J, "JSON: nested too deeply");
    }
    return ioc_json_each(J, *J->p == '{' ? '}' : ']', "JSON: expected ',' or a closing bracket",
                         ioc_json_skip_in, &depth);
}

/* What an indicator object's members are read into. */
struct ioc_json_obj {
    struct ioc_rec r;
    char val[IOC_MAX_VALUE + 1];
    char ctx[COL__N][IOC_MAX_CTX + 8];
    int over_value;
};

/* One member of an indicator object: a column kept, anything else skipped. */
static int ioc_json_member(struct ioc_json *J, const char *key, int kover, void *arg)
{
    struct ioc_json_obj *o = arg;
    char *out;
    size_t n;
    int c, over;

    /* the CSV column names, and "first_seen" for first_seen_utc */
    for (c = 0; c < COL__N && (kover || strcmp(key, ioc_col_names[c]) != 0); c++) {
    }
    if (c == COL__N && !kover && strcmp(key, "first_seen") == 0) {
        c = COL_SEEN;
    }
    if (c == COL__N || J->p >= J->end || *J->p == '{' || *J->p == '[') {
        return ioc_json_skip(J, 2);
    }
    out = o->ctx[c];
    if (*J->p == '"') {
        if (c == COL_VALUE) {
            out = o->val;
        }
        if (ioc_json_string(J, out, c == COL_VALUE ? IOC_MAX_VALUE : sizeof o->ctx[c] - 1, &n,
                            &over) != IH_OK) {
            return IH_EPARSE;
        }
        if (c == COL_VALUE && over) {
            o->over_value = 1;
        }
    } else {
        struct ioc_field f;

        if (ioc_json_scalar(J, &f) != IH_OK) {
            return IH_EPARSE;
        }
        if (f.n >= sizeof o->ctx[c] || ioc_field_is(&f, "null")) {
            return IH_OK;
        }
        n = f.n;
        memcpy(out, f.p, n);
    }
    o->r.f[c].p = out;
    o->r.f[c].n = n;
    return IH_OK;
}

/* One indicator object; J->p is at its "{". */
static int ioc_json_ioc(struct ioc_json *J)
{
    struct ioc_json_obj o;
    unsigned long line = J->line;
    int rc;

    memset(&o.r, 0, sizeof o.r);
    o.over_value = 0;
    rc = ioc_json_each(J, '}', "JSON: expected ',' or '}'", ioc_json_member, &o);
    if (rc != IH_OK) {
        return rc;
    }
    if (o.over_value) {
        ioc_bad(J->L, line, "ioc_value too long", NULL);
        return IH_OK;
    }
    if (!o.r.f[COL_VALUE].p || !o.r.f[COL_TYPE].p) {
        ioc_bad(J->L, line, "IOC object without ioc_value or ioc_type", NULL);
        return IH_OK;
    }
    return ioc_add_rec(J->L, line, &o.r);
}

/* An element of an array of indicator objects (other values skipped). */
static int ioc_json_element(struct ioc_json *J, const char *key, int kover, void *arg)
{
    (void)key;
    (void)kover;
    (void)arg;
    return J->p < J->end && *J->p == '{' ? ioc_json_ioc(J) : ioc_json_skip(J, 2);
}

/* "[" ... "]" of indicator objects (other values skipped). */
static int ioc_json_array(struct ioc_json *J)
{
    return ioc_json_each(J, ']', "JSON: expected ',' or ']'", ioc_json_element, NULL);
}

/* A member of the export's top object: an array of indicators, or skipped. */
static int ioc_json_top(struct ioc_json *J, const char *key, int kover, void *arg)
{
    (void)key;
    (void)kover;
    (void)arg;
    return J->p < J->end && *J->p == '[' ? ioc_json_array(J) : ioc_json_skip(J, 1);
}

static int ioc_load_json(struct ioc_load *L, const char *buf, size_t len)
{
    struct ioc_json J = { L, buf, buf + len, 1 };
    int rc;

    ioc_json_ws(&J);
    if (J.p < J.end && *J.p == '[') {
        rc = ioc_json_array(&J);
    } else if (J.p < J.end && *J.p == '{') {
        rc = ioc_json_each(&J, '}', "JSON: expected ',' or '}'", ioc_json_top, NULL);
    } else {
        return ioc_json_fail(&J, "JSON: expected '{' or '['");
    }
    if (rc != IH_OK) {
        return rc;
    }
    ioc_json_ws(&J);
    if (J.p != J.end) {
        return ioc_json_fail(&J, "JSON: trailing data after the export");
    }
    return IH_OK;
}

/* ---- loading ----------------------------------------------------------- */

/*
 * The format of a feed from its first line that is not blank or a `#`
 * comment: `{` or `[` JSON, `"` CSV, anything else plain.  IOC_FMT_AUTO
 * when BUF[0..LEN) holds no such line (a stream must then look further).
 */
static enum ioc_format ioc_sniff(const char *buf, size_t len)
{
    size_t i = 0;

    while (i < len) {
        char c = buf[i];

        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            i++;
            continue;
        }
        if (c == '#') {
            const char *nl = memchr(buf + i, '\n', len - i);

            if (!nl) {
                break;
            }
            i = (size_t)(nl - buf) + 1;
            continue;
        }
        return c == '{' || c == '[' ? IOC_FMT_JSON : c == '"' ? IOC_FMT_CSV : IOC_FMT_PLAIN;
    }
    return IOC_FMT_AUTO;
}

static size_t ioc_skip_bom(const char *buf, size_t len)
{
    return len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
}

/* Index the store after a load and move duplicates from loaded to dups. */
static void ioc_load_done(struct ioc_store *s, struct ioc_stats *st)
{
    size_t dups = ioc_store_index(s);

    if (st) {
        st->dups += dups;
        st->loaded -= dups <= st->loaded ? dups : st->loaded;
    }
}

/* Fill BUF[*HAVE..CAP) from READ_FN; *EOF set at the end of the feed. */
static int ioc_fill(int (*read_fn)(void *, char *, size_t, size_t *), void *ctx, char *buf,
                    size_t cap, size_t *have, int *eof)
{
    while (*have < cap && !*eof) {
        size_t got = 0;
        int rc = read_fn(ctx, buf + *have, cap - *have, &got);

        if (rc != IH_OK) {
            return rc;
        }
        if (got == 0) {
            *eof = 1;
        }
        *have += got > cap - *have ? cap - *have : got;
    }
    return IH_OK;
}

/* The loading of the feed NAME into S, counted in ST (may be NULL). */
static void ioc_load_init(struct ioc_load *L, struct ioc_store *s, const char *name,
                          struct ioc_stats *st)
{
    memset(L, 0, sizeof *L);
    L->s = s;
    L->list_source = -1;
    L->name = name;
    L->st = st;
}

/*
 * A CSV (FMT IOC_FMT_CSV) or plain list, its first bytes in DATA[0..HAVE):
 * all of it with EOF set, else BUF (CAP bytes, DATA == BUF) is refilled
 * from READ_FN after each batch of complete lines until the feed ends.
 */
static int ioc_load_lines(struct ioc_load *L, enum ioc_format fmt, const char *data, size_t have,
                          int eof, char *buf, size_t cap,
                          int (*read_fn)(void *, char *, size_t, size_t *), void *ctx)
{
    struct ioc_lines X;
    size_t used;
    int rc = ioc_lines_init(&X, L, fmt == IOC_FMT_CSV ? IOC_FMT_CSV : IOC_FMT_PLAIN);

    if (rc != IH_OK) {
        return rc;
    }
    for (;;) {
        rc = ioc_lines_feed(&X, data, have, eof, &used);
        if (rc != IH_OK || eof) {
            break;
        }
        memmove(buf, buf + used, have - used);
        have -= used;
        rc = ioc_fill(read_fn, ctx, buf, cap, &have, &eof);
        if (rc != IH_OK) {
            util_diag(L->name, X.line + 1, "read error: %s", util_strerror(rc));
            break;
        }
    }
    free(X.scratch);
    ioc_load_done(L->s, L->st);
    return rc;
}

int ioc_load_buf(struct ioc_store *s, const char *name, const char *buf, size_t len,
                 enum ioc_format fmt, struct ioc_stats *st)
{
    struct ioc_load L;
    size_t bom = ioc_skip_bom(buf, len);
    int rc;

    ioc_load_init(&L, s, name, st);
    buf += bom;
    len -= bom;
    if (fmt == IOC_FMT_AUTO) {
        fmt = ioc_sniff(buf, len);
    }
    if (fmt != IOC_FMT_JSON) {
        return ioc_load_lines(&L, fmt, buf, len, 1, NULL, 0, NULL, NULL);
    }
    rc = ioc_load_json(&L, buf, len);
    ioc_load_done(s, st);
    return rc;
}

/* Bytes read at a time when a line-based feed is streamed. */
#define IOC_STREAM_BUF (2 * IOC_MAX_LINE + 2)

/* The rest of a feed after BUF[0..HAVE), into one buffer (JSON). */
static int ioc_slurp(int (*read_fn)(void *, char *, size_t, size_t *), void *ctx, char **buf,
                     size_t *have, size_t *cap, int *eof)
{
    int rc = IH_OK;

    while (!*eof && rc == IH_OK) {
        if (*have == *cap) {
            size_t ncap = *cap * 2;
            char *nb;

            if (*cap > IOC_MAX_FILE) {
                return IH_ETOOBIG;
            }
            nb = realloc(*buf, ncap);
            if (!nb) {
                return IH_ENOMEM;
            }
            *buf = nb;
            *cap = ncap;
        }
        rc = ioc_fill(read_fn, ctx, *buf, *cap, have, eof);
    }
    if (rc == IH_OK && *have > IOC_MAX_FILE) {
        rc = IH_ETOOBIG;
    }
    return rc;
}

int ioc_load_stream(struct ioc_store *s, const char *name,
                    int (*read_fn)(void *ctx, char *buf, size_t cap, size_t *got), void *ctx,
                    struct ioc_stats *st)
{
    struct ioc_load L;
    char *buf;
    size_t have = 0, bom, cap = IOC_STREAM_BUF;
    int eof = 0, rc;
    enum ioc_format fmt;

    buf = malloc(cap);
    rc = buf ? ioc_fill(read_fn, ctx, buf, cap, &have, &eof) : IH_ENOMEM;
    if (rc != IH_OK) {
        goto fail;
    }
    bom = ioc_skip_bom(buf, have);
    fmt = ioc_sniff(buf + bom, have - bom);
    if (fmt == IOC_FMT_JSON || (fmt == IOC_FMT_AUTO && !eof)) {
        /* JSON is parsed from memory: the whole feed (capped) is read. */
        rc = ioc_slurp(read_fn, ctx, &buf, &have, &cap, &eof);
        if (rc != IH_OK) {
            goto fail;
        }
        rc = ioc_load_buf(s, name, buf, have, IOC_FMT_AUTO, st);
        goto out;
    }
    /* CSV and plain lists are streamed: the feed never sits in memory. */
    ioc_load_init(&L, s, name, st);
    memmove(buf, buf + bom, have - bom);
    rc = ioc_load_lines(&L, fmt, buf, have - bom, eof, buf, cap, read_fn, ctx);
    goto out;
fail:
    util_diag(name, 0, "cannot load IOCs: %s", util_strerror(rc));
out:
    free(buf);
    return rc;
}

static int ioc_read_fd(void *ctx, char *buf, size_t cap, size_t *got)
{
    int fd = *(int *)ctx;

    for (;;) {
        ssize_t r = read(fd, buf, cap);

        if (r >= 0) {
            *got = (size_t)r;
            return IH_OK;
        }
        if (errno != EINTR) {
            return IH_EIO;
        }
    }
}

int ioc_load_file(struct ioc_store *s, const char *path, struct ioc_stats *st)
{
    struct stat sb;
    int fd = -1, rc;

    rc = util_open_ro(path, 1, &fd, &sb);
    if (rc == IH_OK && (uint64_t)sb.st_size > IOC_MAX_FILE) {
        close(fd);
        rc = IH_ETOOBIG;
    }
    if (rc != IH_OK) {
        util_diag(path, 0, "cannot load IOCs: %s", util_strerror(rc));
        return rc;
    }
    rc = ioc_load_stream(s, path, ioc_read_fd, &fd, st);
    close(fd);
    return rc;
}

int ioc_load_builtin(struct ioc_store *s, struct ioc_stats *st)
{
    size_t i;
    int rc = IH_OK;

    for (i = 0; i < builtin_count() && rc == IH_OK; i++) {
        const char *name = builtin_name(i), *dot = strrchr(name, '.');
        char label[80];
        char *buf;
        size_t len;

        if (!dot || (strcmp(dot, ".csv") != 0 && strcmp(dot, ".json") != 0 &&
                     strcmp(dot, ".txt") != 0)) {
            continue;   /* not ending in .csv, .json or .txt */
        }
        rc = builtin_get_at(i, &buf, &len);
        if (rc != IH_OK) {
            util_diag(name, 0, "built-in IOC file unusable: %s", util_strerror(rc));
            break;
        }
        (void)util_fmt(label, sizeof label, "builtin:%s", name);
        rc = ioc_load_buf(s, label, buf, len, IOC_FMT_AUTO, st);
        free(buf);
    }
    return rc;
}

/* ---- lookups ----------------------------------------------------------- */

const struct ioc_entry *ioc_find_ip(const struct ioc_store *s, int family, const uint8_t addr[16],
                                    uint16_t port)
{
    struct ioc_entry key;
    const struct ioc_entry *e = NULL;
    int fam = family;

    if (family != 4 && family != 6) {
        return NULL;
    }
    memset(&key, 0, sizeof key);
    memcpy(key.addr, addr, family == 4 ? 4 : 16);
    ioc_unmap(&fam, key.addr);
    if (fam == 4) {
        if (port) {
            e = ioc_v4_search(s, 1, key.addr, port);
        }
        return e ? e : ioc_v4_search(s, 0, key.addr, 0);
    }
    key.family = (uint8_t)fam;
    key.kind = IOC_IP_PORT;
    key.port = port;
    e = port ? ioc_search(s, &key) : NULL;
    if (!e) {
        key.kind = IOC_IP;
        key.port = 0;
        e = ioc_search(s, &key);
    }
    return e;
}

const struct ioc_entry *ioc_find_domain(const struct ioc_store *s, const char *name)
{
    char buf[IOC_DOMAIN_MAX + 1];
    struct ioc_entry key;
    const char *p;

    if (ioc_parse_domain(name, strlen(name), buf) != IH_OK) {
        return NULL;
    }
    memset(&key, 0, sizeof key);
    key.kind = IOC_DOMAIN;
    for (p = buf; p && strchr(p, '.'); ) {
        const struct ioc_entry *e;

        key.value = p;
        e = ioc_search(s, &key);
        if (e) {
            return e;
        }
        p = strchr(p, '.');
        p = p ? p + 1 : NULL;
    }
    return NULL;
}

const struct ioc_entry *ioc_find_hash(const struct ioc_store *s, const char *hex)
{
    char buf[65];
    struct ioc_entry key;
    size_t n = strlen(hex);
    int kind;

    if (n > 64 || ioc_parse_hash(hex, n, buf, &kind) != IH_OK) {
        return NULL;
    }
    memset(&key, 0, sizeof key);
    key.kind = (uint8_t)kind;
    key.value = buf;
    return ioc_search(s, &key);
}

const struct ioc_entry *ioc_find_url(const struct ioc_store *s, const char *url)
{
    char buf[IOC_MAX_VALUE + 1];
    struct ioc_entry key;
    size_t n = strlen(url);
    long vn;

    if (n > IOC_MAX_VALUE) {
        return NULL;
    }
    vn = ioc_refang(url, n, buf);
    if (vn < 0 || ioc_parse_url(buf, (size_t)vn, buf) != IH_OK) {
        return NULL;
    }
    memset(&key, 0, sizeof key);
    key.kind = IOC_URL;
    key.value = buf;
    return ioc_search(s, &key);
}

int ioc_format_source(const struct ioc_entry *e, char *out, size_t n)
{
    struct tm tm;

    if (e->first_seen <= 0 || util_utc_tm(e->first_seen, &tm) != IH_OK) {
        return util_fmt(out, n, "%s", e->source);
    }
    return util_fmt(out, n, "%s:%04d-%02d-%02d", e->source, tm.tm_year + 1900, tm.tm_mon + 1,
                    tm.tm_mday);
}
