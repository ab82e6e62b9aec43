/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_resolve.c - the resolver: query bytes, crafted responses
 * (compression, pointer loops, truncation at every byte, wrong id or
 * question, CNAME chains, response codes, AAAA), resolv.conf and hosts
 * parsing (good, malformed, long lines), and lookups against a small DNS
 * responder process on 127.0.0.1 (answering, lying, silent).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "detect.h"
#include "ioc.h"
#include "resolve.h"
#include "root.h"
#include "util.h"

/* ------------------------------------------------------------ packets */

struct pkt {
    uint8_t b[1024];
    size_t n;
};

static void p8(struct pkt *p, unsigned v)
{
    assert_true(p->n < sizeof p->b);
    p->b[p->n++] = (uint8_t)v;
}

static void p16(struct pkt *p, unsigned v)
{
    p8(p, v >> 8);
    p8(p, v);
}

static void pbytes(struct pkt *p, const void *d, size_t n)
{
    assert_true(p->n + n <= sizeof p->b);
    memcpy(p->b + p->n, d, n);
    p->n += n;
}

/* Dotted NAME as labels, then a pointer to PTR, or the root if PTR < 0. */
static void pname(struct pkt *p, const char *name, int ptr)
{
    while (*name) {
        const char *dot = strchr(name, '.');
        size_t l = dot ? (size_t)(dot - name) : strlen(name);

        p8(p, (unsigned)l);
        pbytes(p, name, l);
        name += l + (dot ? 1 : 0);
    }
    if (ptr >= 0) {
        p16(p, 0xc000 | (unsigned)ptr);
    } else {
        p8(p, 0);
    }
}

/* A record's fixed part after its owner: TYPE, CLASS, TTL, RDLENGTH. */
static void prr(struct pkt *p, unsigned type, unsigned cls, unsigned rdlen)
{
    p16(p, type);
    p16(p, cls);
    p16(p, 0);
    p16(p, 300);
    p16(p, rdlen);
}

/* An A/AAAA record owned by the name at offset OWNER (a pointer). */
static void paddr(struct pkt *p, unsigned owner, const char *text)
{
    uint8_t a[16];
    int v6 = strchr(text, ':') != NULL;

    assert_int_equal(inet_pton(v6 ? AF_INET6 : AF_INET, text, a), 1);
    p16(p, 0xc000 | owner);
    prr(p, v6 ? 28 : 1, 1, v6 ? 16 : 4);
    pbytes(p, a, v6 ? 16 : 4);
}

/* The start of a response to Q: its header and question, RCODE, ANCOUNT. */
static void presp(struct pkt *p, const uint8_t *q, int qlen, unsigned rcode, unsigned an)
{
    p->n = 0;
    pbytes(p, q, (size_t)qlen);
    p->b[2] = 0x81;     /* QR, RD */
    p->b[3] = (uint8_t)(0x80 | rcode);  /* RA */
    p->b[6] = (uint8_t)(an >> 8);
    p->b[7] = (uint8_t)an;
}

static int query(const char *name, unsigned qtype, unsigned id, uint8_t *q)
{
    int n = resolve_build_query(name, qtype, id, q);

    assert_true(n > 0);
    return n;
}

/* Parse from an exactly sized heap copy, so ASan sees any over-read. */
static int parse(const struct pkt *p, size_t len, const uint8_t *q, int qlen,
                 struct resolve_addr *out, int max)
{
    uint8_t *copy = malloc(len ? len : 1);
    int rc;

    assert_non_null(copy);
    memcpy(copy, p->b, len);
    rc = resolve_parse_response(copy, len, q, (size_t)qlen, out, max);
    free(copy);
    return rc;
}

static void assert_addr(const struct resolve_addr *a, const char *text)
{
    char s[64];

    assert_non_null(inet_ntop(a->family, a->addr, s, sizeof s));
    assert_string_equal(s, text);
}

/* ------------------------------------------------------------- queries */

static void test_build_query(void **st)
{
    static const uint8_t want[] = {
        0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0,
        3, 'w', 'w', 'w', 7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 3, 'c', 'o', 'm', 0,
        0x00, 0x1c, 0x00, 0x01,
    };
    uint8_t q[RESOLVE_QUERY_MAX];
    char name[300];
    size_t i;

    (void)st;
    /* upper case folded, a final dot accepted, big-endian fields */
    assert_int_equal(resolve_build_query("WWW.Example.com.", 28, 0x1234, q), (int)sizeof want);
    assert_memory_equal(q, want, sizeof want);
    assert_int_equal(resolve_build_query("a", 1, 0xfffe, q), 12 + 3 + 4);
    assert_int_equal(q[0], 0xff);
    assert_int_equal(q[1], 0xfe);
    assert_int_equal(q[16], 0x01);     /* type A */
    assert_int_equal(q[18], 0x01);     /* class IN */

    /* longest label (63) and longest name (253) */
    memset(name, 'a', 63);
    name[63] = '\0';
    assert_int_equal(resolve_build_query(name, 1, 1, q), 12 + 65 + 4);
    name[63] = 'a';
    name[64] = '\0';
    assert_int_equal(resolve_build_query(name, 1, 1, q), RESOLVE_EBADNAME);
    for (i = 0; i < 253; i++) {
        name[i] = (i % 50 == 49) ? '.' : 'b';
    }
    name[253] = '\0';
    assert_int_equal(resolve_build_query(name, 1, 1, q), 12 + 255 + 4);
    name[253] = '.';
    name[254] = '\0';
    assert_int_equal(resolve_build_query(name, 1, 1, q), 12 + 255 + 4);
    name[254] = 'c';
    name[255] = '\0';
    assert_int_equal(resolve_build_query(name, 1, 1, q), RESOLVE_EBADNAME);
    {
        static const char *const bad[] = {
            "", ".", "..", "a..b", ".a", "a b", "a\tb", "a/b", "a\xc3\xa4.b", "a.b..",
            "a%b", "a:b", "1.2.3.4:53",
        };

        for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
            assert_int_equal(resolve_build_query(bad[i], 1, 1, q), RESOLVE_EBADNAME);
        }
    }
    assert_true(resolve_build_query("_dmarc.x-y.0-9.example", 1, 1, q) > 0);
}

/* ----------------------------------------------------------- responses */

static void test_response_basic(void **st)
{
    uint8_t q[RESOLVE_QUERY_MAX], q6[RESOLVE_QUERY_MAX];
    struct resolve_addr a[8];
    struct pkt p;
    int ql = query("www.example.com", 1, 0xbeef, q);
    int ql6 = query("www.example.com", 28, 0xbeef, q6);

    (void)st;
    /* two A records, owners compressed to the question */
    presp(&p, q, ql, 0, 2);
    paddr(&p, 12, "192.0.2.1");
    paddr(&p, 12, "198.51.100.77");
    assert_int_equal(parse(&p, p.n, q, ql, a, 8), 2);
    assert_int_equal(a[0].family, AF_INET);
    assert_addr(&a[0], "192.0.2.1");
    assert_addr(&a[1], "198.51.100.77");
    /* OUT is bounded by MAX */
    assert_int_equal(parse(&p, p.n, q, ql, a, 1), 1);
    assert_int_equal(parse(&p, p.n, q, ql, a, 0), 0);
    /* the answer of an A query does not answer the AAAA query (type) */
    assert_int_equal(parse(&p, p.n, q6, ql6, a, 8), IH_EPARSE);

    /* AAAA; an A record in the same answer is not of the asked type */
    presp(&p, q6, ql6, 0, 2);
    paddr(&p, 12, "192.0.2.1");
    paddr(&p, 12, "2001:db8::53");
    assert_int_equal(parse(&p, p.n, q6, ql6, a, 8), 1);
    assert_int_equal(a[0].family, AF_INET6);
    assert_addr(&a[0], "2001:db8::53");

    /* the owner written out in other case, uncompressed */
    presp(&p, q, ql, 0, 1);
    pname(&p, "WWW.EXAMPLE.Com", -1);
    prr(&p, 1, 1, 4);
    pbytes(&p, "\x0a\x01\x02\x03", 4);
    assert_int_equal(parse(&p, p.n, q, ql, a, 8), 1);
    assert_addr(&a[0], "10.1.2.3");

    /* a record of another name, and of class CH, are not ours */
    presp(&p, q, ql, 0, 2);
    pname(&p, "evil.example.com", -1);
    prr(&p, 1, 1, 4);
    pbytes(&p, "\x06\x06\x06\x06", 4);
    p16(&p, 0xc00c);
    prr(&p, 1, 3, 4);
    pbytes(&p, "\x06\x06\x06\x07", 4);
    assert_int_equal(parse(&p, p.n, q, ql, a, 8), 0);

    /* no data: rcode 0, no answer */
    presp(&p, q, ql, 0, 0);
    assert_int_equal(parse(&p, p.n, q, ql, a, 8), 0);
    /* authority and additional sections are not read */
    presp(&p, q, ql, 0, 0);
    p.b[9] = 1;
    pbytes(&p, "\xc0\x0c\x00\x06", 4);
    assert_int_equal(parse(&p, p.n, q, ql, a, 8), 0);
}

static void test_response_codes(void **st)
{
    static const struct {
        unsigned rcode;
        int want;
    } cases[] = {
        { 1, RESOLVE_ESERVFAIL }, { 2, RESOLVE_ESERVFAIL }, { 3, RESOLVE_ENOTFOUND },
        { 4, RESOLVE_ESERVFAIL }, { 5, RESOLVE_EREFUSED }, { 9, RESOLVE_ESERVFAIL },
    };
    uint8_t q[RESOLVE_QUERY_MAX];
    struct resolve_addr a[4];
    struct pkt p;
    int ql = query("gone.example", 1, 7, q);
    size_t i;

    (void)st;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        presp(&p, q, ql, cases[i].rcode, 0);
        assert_int_equal(parse(&p, p.n, q, ql, a, 4), cases[i].want);
    }
    assert_string_equal(resolve_strerror(RESOLVE_ENOTFOUND), "name not found");
    assert_string_equal(resolve_strerror(RESOLVE_ETIMEDOUT), "timed out");
    assert_string_equal(resolve_strerror(RESOLVE_ENOANSWER), "no nameserver answered");
    assert_string_equal(resolve_strerror(RESOLVE_EBADNAME), "invalid name");
    assert_string_equal(resolve_strerror(IH_EPARSE), "malformed answer");
}

/* Responses that are not an answer to our query. */
static void test_response_not_ours(void **st)
{
    uint8_t q[RESOLVE_QUERY_MAX], other[RESOLVE_QUERY_MAX];
    struct resolve_addr a[4];
    struct pkt p, good;
    int ql = query("c2.example.net", 1, 0x4242, q);
    int ol = query("c3.example.net", 1, 0x4242, other);

    (void)st;
    presp(&good, q, ql, 0, 1);
    paddr(&good, 12, "192.0.2.9");
    assert_int_equal(parse(&good, good.n, q, ql, a, 4), 1);

    p = good;                   /* wrong id, either byte */
    p.b[0] ^= 1;
    assert_int_equal(parse(&p, p.n, q, ql, a, 4), IH_EPARSE);
    p = good;
    p.b[1] ^= 0x80;
    assert_int_equal(parse(&p, p.n, q, ql, a, 4), IH_EPARSE);
    p = good;                   /* a query, not a response */
    p.b[2] &= 0x7f;
    assert_int_equal(parse(&p, p.n, q, ql, a, 4), IH_EPARSE);
    p = good;                   /* opcode 2 (status) */
    p.b[2] |= 0x10;
    assert_int_equal(parse(&p, p.n, q, ql, a, 4), IH_EPARSE);
    p = good;                   /* two questions */
    p.b[5] = 2;
    assert_int_equal(parse(&p, p.n, q, ql, a, 4), IH_EPARSE);
    p = good;                   /* no question */
    p.b[5] = 0;
    assert_int_equal(parse(&p, p.n, q, ql, a, 4), IH_EPARSE);
    p = good;                   /* qdcount over 255 */
    p.b[4] = 1;
    assert_int_equal(parse(&p, p.n, q, ql, a, 4), IH_EPARSE);
    /* another name's question with the same id */
    presp(&p, other, ol, 0, 1);
    paddr(&p, 12, "192.0.2.66");
    assert_int_equal(parse(&p, p.n, q, ql, a, 4), IH_EPARSE);
    p = good;                   /* question class CH */
    p.b[ql - 1] = 3;
    assert_int_equal(parse(&p, p.n, q, ql, a, 4), IH_EPARSE);
    /* an NXDOMAIN for another name is not ours either */
    presp(&p, other, ol, 3, 0);
    assert_int_equal(parse(&p, p.n, q, ql, a, 4), IH_EPARSE);
    /* the question compressed into the header: no longer our name */
    p = good;
    p.n = 12;
    p16(&p, 0xc000);
    assert_int_equal(parse(&p, p.n, q, ql, a, 4), IH_EPARSE);
    /* bad rdlength for A */
    presp(&p, q, ql, 0, 1);
    p16(&p, 0xc00c);
    prr(&p, 1, 1, 5);
    pbytes(&p, "\x01\x02\x03\x04\x05", 5);
    assert_int_equal(parse(&p, p.n, q, ql, a, 4), IH_EPARSE);
    /* rdlength past the end */
    presp(&p, q, ql, 0, 1);
    p16(&p, 0xc00c);
    prr(&p, 1, 1, 4);
    pbytes(&p, "\x01\x02\x03", 3);
    assert_int_equal(parse(&p, p.n, q, ql, a, 4), IH_EPARSE);
    /* extended label types 01 and 10 */
    presp(&p, q, ql, 0, 1);
    p8(&p, 0x41);
    assert_int_equal(parse(&p, p.n + 20, q, ql, a, 4), IH_EPARSE);
    presp(&p, q, ql, 0, 1);
    p8(&p, 0x81);
    assert_int_equal(parse(&p, p.n + 20, q, ql, a, 4), IH_EPARSE);
    assert_int_equal(parse(&p, 11, q, ql, a, 4), IH_EPARSE);
    assert_int_equal(parse(&p, 0, q, ql, a, 4), IH_EPARSE);
}

/* Compression pointers that loop, point forward, or grow a name past 255. */
static void test_response_pointers(void **st)
{
    uint8_t q[RESOLVE_QUERY_MAX];
    struct resolve_addr a[4];
    struct pkt p;
    int ql = query("a.example", 1, 1, q);
    size_t at;

    (void)st;
    /* owner: a pointer to itself */
    presp(&p, q, ql, 0, 1);
    at = p.n;
    p16(&p, 0xc000 | (unsigned)at);
    prr(&p, 1, 1, 4);
    pbytes(&p, "\x01\x01\x01\x01", 4);
    assert_int_equal(parse(&p, p.n, q, ql, a, 4), IH_EPARSE);

    /* owner: a pointer forward to a valid name */
    presp(&p, q, ql, 0, 1);
    p16(&p, 0xc000 | (unsigned)(p.n + 16));
    prr(&p, 1, 1, 4);
    pbytes(&p, "\x01\x01\x01\x01", 4);
    pname(&p, "a.example", -1);
    assert_int_equal(parse(&p, p.n, q, ql, a, 4), IH_EPARSE);

    /* two names pointing at each other: x -> y -> x (x's pointer goes forward) */
    presp(&p, q, ql, 0, 1);
    at = p.n;
    pname(&p, "x", (int)at + 4);        /* x at AT, then a pointer to AT+4 */
    pname(&p, "y", (int)at);            /* y at AT+4, a pointer back to AT */
    prr(&p, 1, 1, 4);
    pbytes(&p, "\x01\x01\x01\x01", 4);
    assert_int_equal(parse(&p, p.n, q, ql, a, 4), IH_EPARSE);

    /* a label that ends in a pointer into itself */
    presp(&p, q, ql, 0, 1);
    at = p.n;
    pname(&p, "loop", (int)at);
    prr(&p, 1, 1, 4);
    pbytes(&p, "\x01\x01\x01\x01", 4);
    assert_int_equal(parse(&p, p.n, q, ql, a, 4), IH_EPARSE);

    /* a pointer cut after its first byte */
    presp(&p, q, ql, 0, 1);
    p8(&p, 0xc0);
    assert_int_equal(parse(&p, p.n, q, ql, a, 4), IH_EPARSE);

    /* 4 labels of 63 bytes: 257 bytes expanded, plain and through pointers */
    {
        char l63[64], name[300];

        memset(l63, 'z', 63);
        l63[63] = '\0';
        assert_int_equal(util_fmt(name, sizeof name, "%s.%s.%s.%s", l63, l63, l63, l63), IH_OK);
        presp(&p, q, ql, 0, 1);
        pname(&p, name, -1);
        prr(&p, 1, 1, 4);
        pbytes(&p, "\x01\x01\x01\x01", 4);
        assert_int_equal(parse(&p, p.n, q, ql, a, 4), IH_EPARSE);

        presp(&p, q, ql, 0, 2);
        at = p.n;                       /* zzz.zzz (129 bytes) owns a CH record */
        assert_int_equal(util_fmt(name, sizeof name, "%s.%s", l63, l63), IH_OK);
        pname(&p, name, -1);
        prr(&p, 1, 3, 4);
        pbytes(&p, "\x01\x01\x01\x01", 4);
        pname(&p, name, (int)at);       /* 128 + 129 = 257 */
        prr(&p, 1, 1, 4);
        pbytes(&p, "\x01\x01\x01\x01", 4);
        assert_int_equal(parse(&p, p.n, q, ql, a, 4), IH_EPARSE);
    }

    /* legitimate chains of pointers: w.b.example, two pointers deep */
    presp(&p, q, ql, 0, 2);
    at = p.n;
    pname(&p, "b", 14);                 /* b + "example" of the question */
    prr(&p, 5, 1, 2);
    p16(&p, 0xc000 | (unsigned)at);     /* b.example CNAME b.example: not our name */
    pname(&p, "w", (int)at);            /* w + b.example */
    prr(&p, 1, 1, 4);
    pbytes(&p, "\x01\x01\x01\x01", 4);
    assert_int_equal(parse(&p, p.n, q, ql, a, 4), 0);   /* well formed, not ours */
}

static void test_response_cname(void **st)
{
    uint8_t q[RESOLVE_QUERY_MAX];
    struct resolve_addr a[4];
    struct pkt p;
    int ql = query("www.example.com", 1, 99, q);
    size_t t1, t2;
    unsigned i;

    (void)st;
    /* www -> edge.cdn.net -> e1.cdn.net (compressed) -> A; plus a decoy */
    presp(&p, q, ql, 0, 4);
    p16(&p, 0xc00c);
    prr(&p, 5, 1, 14);
    t1 = p.n;
    pname(&p, "edge.cdn.net", -1);
    p16(&p, 0xc000 | (unsigned)t1);
    prr(&p, 5, 1, 5);
    t2 = p.n;
    pname(&p, "e1", (int)t1 + 5);       /* e1 + pointer to "cdn.net" */
    paddr(&p, 12, "6.6.6.6");           /* www itself has a CNAME: not used */
    paddr(&p, (unsigned)t2, "203.0.113.5");
    assert_int_equal(parse(&p, p.n, q, ql, a, 4), 1);
    assert_addr(&a[0], "203.0.113.5");

    /* the same chain in reverse order */
    presp(&p, q, ql, 0, 3);
    t1 = p.n;
    pname(&p, "e1.cdn.net", -1);
    prr(&p, 1, 1, 4);
    pbytes(&p, "\xcb\x00\x71\x06", 4);
    t2 = p.n;
    pname(&p, "edge", (int)t1 + 3);
    prr(&p, 5, 1, 2);
    p16(&p, 0xc000 | (unsigned)t1);
    p16(&p, 0xc00c);
    prr(&p, 5, 1, 2);
    p16(&p, 0xc000 | (unsigned)t2);
    assert_int_equal(parse(&p, p.n, q, ql, a, 4), 1);
    assert_addr(&a[0], "203.0.113.6");

    /* a CNAME whose target has no address: no data */
    presp(&p, q, ql, 0, 1);
    p16(&p, 0xc00c);
    prr(&p, 5, 1, 5);
    pname(&p, "x.y", -1);
    assert_int_equal(parse(&p, p.n, q, ql, a, 4), 0);

    /* CNAME rdata longer than its name, or cut */
    presp(&p, q, ql, 0, 1);
    p16(&p, 0xc00c);
    prr(&p, 5, 1, 6);
    pname(&p, "x.y", -1);
    p8(&p, 0);
    assert_int_equal(parse(&p, p.n, q, ql, a, 4), IH_EPARSE);
    presp(&p, q, ql, 0, 1);
    p16(&p, 0xc00c);
    prr(&p, 5, 1, 4);
    pname(&p, "x.y", -1);
    assert_int_equal(parse(&p, p.n, q, ql, a, 4), IH_EPARSE);

    /* a loop: www -> x -> www */
    presp(&p, q, ql, 0, 2);
    p16(&p, 0xc00c);
    prr(&p, 5, 1, 5);
    t1 = p.n;
    pname(&p, "x", 16);                 /* x.example.com */
    p16(&p, 0xc000 | (unsigned)t1);
    prr(&p, 5, 1, 2);
    p16(&p, 0xc00c);
    assert_int_equal(parse(&p, p.n, q, ql, a, 4), IH_EPARSE);

    /* chains of RESOLVE_CNAME_MAX hops are followed, one more is refused */
    for (i = RESOLVE_CNAME_MAX; i <= RESOLVE_CNAME_MAX + 1; i++) {
        unsigned h, prev = 12;

        presp(&p, q, ql, 0, i + 1);
        for (h = 0; h < i; h++) {
            char lab[8];

            p16(&p, 0xc000 | prev);
            prr(&p, 5, 1, 5);
            prev = (unsigned)p.n;
            assert_int_equal(util_fmt(lab, sizeof lab, "h%u", h), IH_OK);
            pname(&p, lab, 16);         /* hN.example.com */
        }
        paddr(&p, prev, "192.0.2.200");
        if (i == RESOLVE_CNAME_MAX) {
            assert_int_equal(parse(&p, p.n, q, ql, a, 4), 1);
            assert_addr(&a[0], "192.0.2.200");
        } else {
            assert_int_equal(parse(&p, p.n, q, ql, a, 4), IH_EPARSE);
        }
    }
}

/* Every prefix of a good response: malformed, unless TC marks it cut. */
static void test_response_truncated(void **st)
{
    uint8_t q[RESOLVE_QUERY_MAX];
    struct resolve_addr a[4];
    struct pkt p;
    int ql = query("cut.example.org", 28, 0x0102, q);
    size_t k, ans;

    (void)st;
    presp(&p, q, ql, 0, 3);
    ans = p.n;
    paddr(&p, 12, "2001:db8::1");
    paddr(&p, 12, "2001:db8::2");
    paddr(&p, 12, "2001:db8::3");
    assert_int_equal(parse(&p, p.n, q, ql, a, 4), 3);
    for (k = 0; k < p.n; k++) {
        assert_int_equal(parse(&p, k, q, ql, a, 4), IH_EPARSE);
    }
    p.b[2] |= 2;                        /* TC */
    assert_int_equal(parse(&p, p.n, q, ql, a, 4), 3);
    for (k = 0; k < p.n; k++) {
        int want = k < ans ? IH_EPARSE : (int)((k - ans) / 28);

        assert_int_equal(parse(&p, k, q, ql, a, 4), want);
    }
    assert_addr(&a[1], "2001:db8::2");
}

static void test_sockaddr(void **st)
{
    struct resolve_addr a;
    struct sockaddr_storage ss;
    const uint8_t *b = (const uint8_t *)&ss;

    (void)st;
    memset(&a, 0, sizeof a);
    a.family = AF_INET;
    memcpy(a.addr, "\x7f\x00\x00\x01", 4);
    assert_int_equal(resolve_sockaddr(&a, 0x1f90, &ss), sizeof(struct sockaddr_in));
    assert_int_equal(ss.ss_family, AF_INET);
    assert_int_equal(b[offsetof(struct sockaddr_in, sin_port)], 0x1f);
    assert_int_equal(b[offsetof(struct sockaddr_in, sin_port) + 1], 0x90);
    assert_memory_equal(b + offsetof(struct sockaddr_in, sin_addr), "\x7f\x00\x00\x01", 4);
    a.family = AF_INET6;
    assert_int_equal(resolve_sockaddr(&a, 53, &ss), sizeof(struct sockaddr_in6));
    assert_int_equal(b[offsetof(struct sockaddr_in6, sin6_port) + 1], 53);
}

/* ------------------------------------------------------ resolv.conf */

static void test_conf(void **st)
{
    static const struct {
        const char *text;
        int nns;
        const char *ns0, *ns2;
        int timeout, attempts;
    } cases[] = {
        { "", 0, NULL, NULL, 5, 2 },
        { "nameserver 192.0.2.53\n", 1, "192.0.2.53", NULL, 5, 2 },
        { "nameserver 192.0.2.53", 1, "192.0.2.53", NULL, 5, 2 },      /* no final newline */
        { "nameserver\t 2001:db8::53  # comment\r\n", 1, "2001:db8::53", NULL, 5, 2 },
        { "nameserver 10.0.0.1\nnameserver ::1\nnameserver 10.0.0.3\nnameserver 10.0.0.4\n",
          3, "10.0.0.1", "10.0.0.3", 5, 2 },
        { "nameserver bogus\nnameserver 10.0.0.9\n", 1, "10.0.0.9", NULL, 5, 2 },
        { "nameserver fe80::1%eth0\nnameserver 1.2.3\nnameserver 1.2.3.4.5\n", 0, NULL, NULL, 5, 2 }, /* not a format */
        { "nameserver9.9.9.9\n nameserver 9.9.9.8\n# nameserver 9.9.9.7\n;nameserver 9.9.9.6\n",
          1, "9.9.9.8", NULL, 5, 2 },
        { "nameserver\n", 0, NULL, NULL, 5, 2 },
        { "search lan example.com\ndomain lan\n", 0, NULL, NULL, 5, 2 },
        { "options timeout:3 attempts:4 ndots:2\n", 0, NULL, NULL, 3, 4 },
        { "options attempts:4\noptions timeout:7\n", 0, NULL, NULL, 7, 4 },
        { "options timeout:0 attempts:0\n", 0, NULL, NULL, 1, 1 },
        { "options timeout:100 attempts:99\n", 0, NULL, NULL, 60, 10 },
        { "options timeout:99999999999999999999 attempts:-1\n", 0, NULL, NULL, 5, 2 },
        { "options timeout: attempts:x timeout:3x\n", 0, NULL, NULL, 5, 2 },
        { "options rotate timeout:2\n", 0, NULL, NULL, 2, 2 },
        { "optionstimeout:2\nnameserver 1.1.1.1 9.9.9.9\n", 1, "1.1.1.1", NULL, 5, 2 },
        { "nameserver 1.1.1.1\0nameserver 2.2.2.2\n", 0, NULL, NULL, 5, 2 },
    };
    size_t i;

    (void)st;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct resolve_conf c;
        size_t len = strlen(cases[i].text);

        if (i == sizeof cases / sizeof cases[0] - 1) {
            len = sizeof "nameserver 1.1.1.1\0nameserver 2.2.2.2\n" - 1;
        }
        resolve_conf_init(&c);
        resolve_parse_conf(cases[i].text, len, &c);
        print_message("case %zu\n", i);
        assert_int_equal(c.nns, cases[i].nns);
        assert_int_equal(c.timeout, cases[i].timeout);
        assert_int_equal(c.attempts, cases[i].attempts);
        if (cases[i].ns0) {
            assert_addr(&c.ns[0], cases[i].ns0);
        }
        if (cases[i].ns2) {
            assert_addr(&c.ns[2], cases[i].ns2);
        }
    }
}

/* An OpenWrt resolv.conf and the WAN one dnsmasq reads. */
static void test_conf_files(void **st)
{
    struct resolve_conf c;
    char *buf;
    size_t len;

    (void)st;
    assert_int_equal(util_read_file("tests/data/resolve/resolv.conf.openwrt", 4096, &buf, &len),
                     IH_OK);
    resolve_conf_init(&c);
    resolve_parse_conf(buf, len, &c);
    free(buf);
    assert_int_equal(c.nns, 2);
    assert_addr(&c.ns[0], "127.0.0.1");
    assert_addr(&c.ns[1], "::1");
    assert_int_equal(util_read_file("tests/data/resolve/resolv.conf.auto", 4096, &buf, &len),
                     IH_OK);
    resolve_conf_init(&c);
    resolve_parse_conf(buf, len, &c);
    free(buf);
    assert_int_equal(c.nns, 3);
    assert_addr(&c.ns[0], "192.0.2.53");
    assert_addr(&c.ns[1], "2001:db8:53::1");
    assert_addr(&c.ns[2], "198.51.100.53");
    assert_int_equal(c.timeout, 2);
    assert_int_equal(c.attempts, 3);
}

/* -------------------------------------------------------------- hosts */

static void test_hosts(void **st)
{
    static const char hosts[] =
        "# comment 10.0.0.99 collector.lan\n"
        "127.0.0.1\tlocalhost\n"
        "::1 localhost ip6-localhost\n"
        "10.0.0.5 Collector.LAN collector   # the collector\n"
        "10.0.0.6 other.lan collector.lan.evil\n"
        "bogus collector.lan\n"
        "10.0.0.7/24 collector.lan\n"
        "  10.0.0.8   alias.lan collector.lan\r\n"
        "2001:db8::5 collector.lan\n"
        "10.0.0.9#collector.lan\n"
        "10.0.0.10";
    static const struct {
        const char *name;
        int family, n;
        const char *a0, *a1, *a2;
    } cases[] = {
        { "collector.lan", AF_UNSPEC, 3, "10.0.0.5", "10.0.0.8", "2001:db8::5" },
        { "COLLECTOR.lan.", AF_INET, 2, "10.0.0.5", "10.0.0.8", NULL },
        { "collector.lan", AF_INET6, 1, "2001:db8::5", NULL, NULL },
        { "collector", AF_UNSPEC, 1, "10.0.0.5", NULL, NULL },
        { "localhost", AF_UNSPEC, 2, "127.0.0.1", "::1", NULL },
        { "ip6-localhost", AF_INET, 0, NULL, NULL, NULL },
        { "alias.lan", AF_UNSPEC, 1, "10.0.0.8", NULL, NULL },
        { "collector.la", AF_UNSPEC, 0, NULL, NULL, NULL },
        { "comment", AF_UNSPEC, 0, NULL, NULL, NULL },
        { "10.0.0.10", AF_UNSPEC, 0, NULL, NULL, NULL },
    };
    struct resolve_addr a[4];
    size_t i;

    (void)st;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int n = resolve_hosts_find(hosts, sizeof hosts - 1, cases[i].name, cases[i].family, a,
                                   0, 4);

        print_message("case %zu\n", i);
        assert_int_equal(n, cases[i].n);
        if (cases[i].a0) {
            assert_addr(&a[0], cases[i].a0);
        }
        if (cases[i].a1) {
            assert_addr(&a[1], cases[i].a1);
        }
        if (cases[i].a2) {
            assert_addr(&a[2], cases[i].a2);
        }
    }
    /* bounded by MAX, appended after N */
    assert_int_equal(resolve_hosts_find(hosts, sizeof hosts - 1, "collector.lan", AF_UNSPEC, a,
                                        1, 2), 2);
    assert_addr(&a[1], "10.0.0.5");
    assert_int_equal(resolve_hosts_find(hosts, sizeof hosts - 1, "collector.lan", AF_UNSPEC, a,
                                        2, 2), 2);
    /* a line holding a NUL byte is skipped */
    assert_int_equal(resolve_hosts_find("10.1.1.1\0x y.lan\n10.1.1.2 y.lan", 31, "y.lan",
                                        AF_UNSPEC, a, 0, 4), 1);
    assert_addr(&a[0], "10.1.1.2");
}

/* ---------------------------------------------------- files and DNS I/O */

static char tmpdir[64], hosts_path[96], conf_path[96], uid_path[96];

static void write_file(const char *path, const char *text, size_t len)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, len), (ssize_t)len);
    close(fd);
}

static void write_conf(const char *text)
{
    write_file(conf_path, text, strlen(text));
}

static int setup_dir(void **st)
{
    (void)st;
    (void)util_strlcpy(tmpdir, "/tmp/iothunt-resolve-XXXXXX", sizeof tmpdir);
    if (!mkdtemp(tmpdir)) {
        return -1;
    }
    (void)util_fmt(hosts_path, sizeof hosts_path, "%s/hosts", tmpdir);
    (void)util_fmt(conf_path, sizeof conf_path, "%s/resolv.conf", tmpdir);
    write_file(hosts_path, "", 0);
    write_file(conf_path, "", 0);
    return 0;
}

static int teardown_dir(void **st)
{
    (void)st;
    (void)unlink(hosts_path);
    (void)unlink(conf_path);
    if (uid_path[0]) {
        (void)unlink(uid_path);
    }
    (void)rmdir(tmpdir);
    resolve_set_paths(NULL, NULL, 0);
    return 0;
}

/* A UDP socket on IP (127.0.0.0/8), ephemeral port in *PORT. */
static int udp_socket_on(const char *ip, unsigned *port)
{
    struct sockaddr_in sin;
    socklen_t sl = sizeof sin;
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);

    assert_true(fd >= 0);
    memset(&sin, 0, sizeof sin);
    sin.sin_family = AF_INET;
    assert_int_equal(inet_pton(AF_INET, ip, &sin.sin_addr), 1);
    assert_int_equal(bind(fd, (struct sockaddr *)&sin, sizeof sin), 0);
    assert_int_equal(getsockname(fd, (struct sockaddr *)&sin, &sl), 0);
    *port = ntohs(sin.sin_port);
    return fd;
}

static int udp_socket(unsigned *port)
{
    return udp_socket_on("127.0.0.1", port);
}

enum mode { R_ANSWER, R_NXDOMAIN, R_SERVFAIL, R_LIARS, R_A_ONLY, R_BIG, R_UID };

/*
 * R_UID answers as R_ANSWER and appends, for each query, the uid that owns
 * the socket it came from (/proc/net/udp: the line whose local port is
 * the sender's; the resolver's socket is not bound to an address) to
 * uid_path.
 */
static void record_uid(const struct sockaddr_storage *from)
{
    char want[32], line[256];
    unsigned port = ntohs(((const struct sockaddr_in *)from)->sin_port);
    FILE *f = fopen("/proc/net/udp", "r"), *out = fopen(uid_path, "a");

    (void)util_fmt(want, sizeof want, ":%04X", port);
    while (f && out && fgets(line, sizeof line, f)) {
        const char *field[8], *p = line;
        size_t k = 0, l;
        uint64_t uid;

        /* sl local_address rem_address st tx:rx tr:when retrnsmt uid ... */
        while (k < 8 && *p) {
            while (*p == ' ') {
                p++;
            }
            field[k++] = p;
            while (*p && *p != ' ') {
                p++;
            }
        }
        if (k < 8 || (l = strcspn(field[1], " ")) <= 5 ||
            memcmp(field[1] + l - 5, want, 5) != 0 ||
            util_parse_dec(field[7], strcspn(field[7], " "), 0xffffffffu, &uid) != IH_OK) {
            continue;
        }
        fprintf(out, "%lu\n", (unsigned long)uid);
    }
    if (f) {
        fclose(f);
    }
    if (out) {
        fclose(out);
    }
}

/* The responder's answer to query Q (A: two addresses, AAAA: one). */
static void answer(struct pkt *p, const uint8_t *q, size_t ql, enum mode m)
{
    int aaaa = q[ql - 3] == 28;

    presp(p, q, (int)ql, m == R_NXDOMAIN ? 3 : m == R_SERVFAIL ? 2 : 0, 0);
    if (m == R_NXDOMAIN || m == R_SERVFAIL) {
        return;
    }
    if (m == R_BIG) {
        unsigned i;

        /* 40 records, 671 bytes, over 512 and without TC */
        p->b[7] = 40;
        for (i = 0; i < 40; i++) {
            char a[16];

            assert_int_equal(util_fmt(a, sizeof a, "10.0.1.%u", i), IH_OK);
            paddr(p, 12, a);
        }
        return;
    }
    p->b[7] = aaaa ? 1 : 2;
    if (m == R_UID && !aaaa) {
        char a[16];

        /* one address per name: 10.0.0.N, N its first letter */
        assert_int_equal(util_fmt(a, sizeof a, "10.0.0.%u", (unsigned)q[13]), IH_OK);
        p->b[7] = 1;
        paddr(p, 12, a);
    } else if (aaaa) {
        paddr(p, 12, "2001:db8::10");
    } else {
        paddr(p, 12, "10.0.0.1");
        paddr(p, 12, "10.0.0.2");
    }
}

/*
 * The responder process: answers what arrives on FD for 4 s at most.
 * Queries that arrive together are answered in reverse order (AAAA
 * first).  R_LIARS first sends, for each query, a wrong-id answer, an
 * answer from another port, an answer to another question, then the
 * real one.
 */
static void responder(int fd, enum mode m)
{
    int64_t end = util_now_ms() + 4000;
    unsigned other_port;
    int other = udp_socket(&other_port);

    while (util_now_ms() < end) {
        struct pollfd pfd = { fd, POLLIN, 0 };
        uint8_t q[2][RESOLVE_QUERY_MAX + 16];
        ssize_t ql[2];
        struct sockaddr_storage from[2];
        socklen_t fl[2];
        int n = 0, i;

        if (poll(&pfd, 1, 100) <= 0) {
            continue;
        }
        while (n < 2) {
            fl[n] = sizeof from[n];
            ql[n] = recvfrom(fd, q[n], sizeof q[n], MSG_DONTWAIT, (struct sockaddr *)&from[n],
                             &fl[n]);
            if (ql[n] < 18) {
                if (poll(&pfd, 1, n == 1 ? 50 : 100) <= 0) {
                    break;      /* a lone query (or none) */
                }
                continue;
            }
            n++;
        }
        for (i = n - 1; i >= 0; i--) {
            struct pkt p;

            if (m == R_UID) {
                record_uid(&from[i]);
            }
            if (m == R_A_ONLY && q[i][ql[i] - 3] == 28) {
                continue;
            }
            if (m == R_LIARS) {
                answer(&p, q[i], (size_t)ql[i], m);
                p.b[1] ^= 0x55;
                (void)sendto(fd, p.b, p.n, 0, (struct sockaddr *)&from[i], fl[i]);
                answer(&p, q[i], (size_t)ql[i], m);
                p.b[p.n - 1] = 66;
                (void)sendto(other, p.b, p.n, 0, (struct sockaddr *)&from[i], fl[i]);
                answer(&p, q[i], (size_t)ql[i], m);
                p.b[13] ^= 0x20;    /* first letter's case: still ours */
                p.b[14] ^= 1;       /* second letter: another name */
                (void)sendto(fd, p.b, p.n, 0, (struct sockaddr *)&from[i], fl[i]);
                usleep(20000);
            }
            answer(&p, q[i], (size_t)ql[i], m);
            (void)sendto(fd, p.b, p.n, 0, (struct sockaddr *)&from[i], fl[i]);
        }
    }
    close(other);
}

static pid_t responder_start(int fd, enum mode m)
{
    pid_t pid = fork();

    assert_true(pid >= 0);
    if (pid == 0) {
        responder(fd, m);
        _exit(0);
    }
    return pid;
}

static void responder_stop(pid_t pid, int fd)
{
    (void)kill(pid, SIGKILL);
    (void)waitpid(pid, NULL, 0);
    close(fd);
}

static void test_literals(void **st)
{
    struct resolve_addr a[2];
    char err[64];

    (void)st;
    resolve_set_paths("/nonexistent/hosts", "/nonexistent/resolv.conf", 9);
    assert_int_equal(resolve_name("192.0.2.1", AF_UNSPEC, 0, a, 2, err, sizeof err), 1);
    assert_addr(&a[0], "192.0.2.1");
    assert_int_equal(resolve_name("2001:db8::1", AF_INET6, 0, a, 2, err, sizeof err), 1);
    assert_addr(&a[0], "2001:db8::1");
    assert_int_equal(resolve_name("192.0.2.1", AF_INET6, 0, a, 2, err, sizeof err),
                     RESOLVE_ENODATA);
    assert_string_equal(err, "name has no address");
    assert_int_equal(resolve_name("bad..name", AF_UNSPEC, 0, a, 2, err, sizeof err),
                     RESOLVE_EBADNAME);
    assert_string_equal(err, "invalid name");
    assert_int_equal(resolve_name("x.test", AF_UNSPEC, 0, a, 0, err, sizeof err), IH_EINVAL);
    /* the deadline is already over: no wait, no file needed */
    assert_int_equal(resolve_name("x.test", AF_UNSPEC, 0, a, 2, err, sizeof err),
                     RESOLVE_ETIMEDOUT);
    assert_string_equal(err, "timed out");
}

static void test_dns_answers(void **st)
{
    struct resolve_addr a[8];
    char err[64], conf[128];
    unsigned port;
    int fd = udp_socket(&port);
    pid_t pid = responder_start(fd, R_ANSWER);

    (void)st;
    resolve_set_paths(hosts_path, conf_path, port);
    /* a dead server first (nothing on 127.0.0.2:PORT), then ours */
    (void)util_fmt(conf, sizeof conf, "nameserver 127.0.0.2\nnameserver 127.0.0.1\n"
                   "options timeout:2 attempts:2\n");
    write_conf(conf);
    assert_int_equal(resolve_name("host.test", AF_UNSPEC, util_now_ms() + 3000, a, 8, err,
                                  sizeof err), 3);
    assert_addr(&a[0], "10.0.0.1");     /* IPv4 first although AAAA came first */
    assert_addr(&a[1], "10.0.0.2");
    assert_addr(&a[2], "2001:db8::10");
    assert_int_equal(resolve_name("host.test.", AF_INET, util_now_ms() + 3000, a, 8, err,
                                  sizeof err), 2);
    assert_int_equal(resolve_name("Host.Test", AF_INET6, util_now_ms() + 3000, a, 8, err,
                                  sizeof err), 1);
    assert_addr(&a[0], "2001:db8::10");
    assert_int_equal(resolve_name("host.test", AF_UNSPEC, util_now_ms() + 3000, a, 2, err,
                                  sizeof err), 2);
    assert_addr(&a[1], "10.0.0.2");
    /* the hosts file comes first: this would time out on DNS */
    write_file(hosts_path, "10.9.8.7 pinned.test\n", 21);
    assert_int_equal(resolve_name("pinned.test", AF_UNSPEC, util_now_ms() + 3000, a, 8, err,
                                  sizeof err), 1);
    assert_addr(&a[0], "10.9.8.7");
    write_file(hosts_path, "", 0);
    responder_stop(pid, fd);
}

/*
 * resolv.conf and hosts through symlinks, as on OpenWrt (/etc/resolv.conf
 * -> /tmp/resolv.conf...).  The server is not the default 127.0.0.1, so
 * an unread resolv.conf shows.
 */
static void test_files_symlinked(void **st)
{
    struct resolve_addr a[8];
    char err[64], conf_link[112], hosts_link[112];
    unsigned port;
    int fd = udp_socket_on("127.0.0.3", &port);
    pid_t pid = responder_start(fd, R_ANSWER);

    (void)st;
    assert_int_equal(util_fmt(conf_link, sizeof conf_link, "%s/resolv.link", tmpdir), IH_OK);
    assert_int_equal(util_fmt(hosts_link, sizeof hosts_link, "%s/hosts.link", tmpdir), IH_OK);
    (void)unlink(conf_link);
    (void)unlink(hosts_link);
    assert_int_equal(symlink(conf_path, conf_link), 0);
    assert_int_equal(symlink(hosts_path, hosts_link), 0);
    resolve_set_paths(hosts_link, conf_link, port);
    write_conf("nameserver 127.0.0.3\noptions timeout:2 attempts:2\n");
    write_file(hosts_path, "10.4.4.4 linked.test\n", 21);
    assert_int_equal(resolve_name("host.test", AF_INET, util_now_ms() + 3000, a, 8, err,
                                  sizeof err), 2);
    assert_addr(&a[0], "10.0.0.1");
    assert_int_equal(resolve_name("linked.test", AF_INET, util_now_ms() + 3000, a, 8, err,
                                  sizeof err), 1);
    assert_addr(&a[0], "10.4.4.4");
    write_file(hosts_path, "", 0);
    (void)unlink(conf_link);
    (void)unlink(hosts_link);
    responder_stop(pid, fd);
}

static void test_dns_liars(void **st)
{
    struct resolve_addr a[8];
    char err[64];
    unsigned port;
    int fd = udp_socket(&port);
    pid_t pid = responder_start(fd, R_LIARS);

    (void)st;
    resolve_set_paths(hosts_path, conf_path, port);
    write_conf("nameserver 127.0.0.1\noptions timeout:2 attempts:1\n");
    assert_int_equal(resolve_name("host.test", AF_UNSPEC, util_now_ms() + 3000, a, 8, err,
                                  sizeof err), 3);
    assert_addr(&a[0], "10.0.0.1");
    assert_addr(&a[1], "10.0.0.2");
    assert_addr(&a[2], "2001:db8::10");
    responder_stop(pid, fd);
}

static void test_dns_codes(void **st)
{
    struct resolve_addr a[8];
    char err[64];
    unsigned port;
    int fd = udp_socket(&port);
    pid_t pid = responder_start(fd, R_NXDOMAIN);
    int64_t t0;

    (void)st;
    resolve_set_paths(hosts_path, conf_path, port);
    write_conf("nameserver 127.0.0.1\noptions timeout:3 attempts:1\n");
    t0 = util_now_ms();
    assert_int_equal(resolve_name("gone.test", AF_UNSPEC, t0 + 3000, a, 8, err, sizeof err),
                     RESOLVE_ENOTFOUND);
    assert_string_equal(err, "name not found");
    assert_true(util_now_ms() - t0 < 2000);
    responder_stop(pid, fd);

    fd = udp_socket(&port);
    pid = responder_start(fd, R_SERVFAIL);
    resolve_set_paths(hosts_path, conf_path, port);
    t0 = util_now_ms();
    assert_int_equal(resolve_name("sick.test", AF_INET, t0 + 3000, a, 8, err, sizeof err),
                     RESOLVE_ESERVFAIL);
    assert_string_equal(err, "server failure");
    assert_true(util_now_ms() - t0 < 2000);  /* the only server said so: no wait */
    responder_stop(pid, fd);

    /* A answered, AAAA never: the A addresses after resolv.conf's timeout */
    fd = udp_socket(&port);
    pid = responder_start(fd, R_A_ONLY);
    resolve_set_paths(hosts_path, conf_path, port);
    write_conf("nameserver 127.0.0.1\noptions timeout:1 attempts:1\n");
    t0 = util_now_ms();
    assert_int_equal(resolve_name("half.test", AF_UNSPEC, t0 + 3000, a, 8, err, sizeof err), 2);
    assert_true(util_now_ms() - t0 >= 900);
    assert_int_equal(resolve_name("half.test", AF_INET6, t0 + 3000, a, 8, err, sizeof err),
                     RESOLVE_ENOANSWER);
    responder_stop(pid, fd);
}

/* An answer over 512 bytes without TC is used as cut, not dropped. */
static void test_dns_oversized(void **st)
{
    struct resolve_addr a[RESOLVE_ADDRS_MAX];
    char err[64];
    unsigned port;
    int fd = udp_socket(&port);
    pid_t pid = responder_start(fd, R_BIG);

    (void)st;
    resolve_set_paths(hosts_path, conf_path, port);
    write_conf("nameserver 127.0.0.1\noptions timeout:2 attempts:1\n");
    assert_int_equal(resolve_name("big.test", AF_INET, util_now_ms() + 3000, a,
                                  RESOLVE_ADDRS_MAX, err, sizeof err), RESOLVE_ADDRS_MAX);
    assert_addr(&a[0], "10.0.1.0");
    assert_addr(&a[RESOLVE_ADDRS_MAX - 1], "10.0.1.7");
    responder_stop(pid, fd);
}

static void test_dns_silent(void **st)
{
    struct resolve_addr a[8];
    char err[64];
    unsigned port;
    int fd = udp_socket(&port);     /* bound, never read */
    int64_t t0, dt;

    (void)st;
    resolve_set_paths(hosts_path, conf_path, port);
    write_conf("nameserver 127.0.0.1\noptions timeout:1 attempts:3\n");
    t0 = util_now_ms();
    assert_int_equal(resolve_name("quiet.test", AF_UNSPEC, t0 + 5000, a, 8, err, sizeof err),
                     RESOLVE_ENOANSWER);
    dt = util_now_ms() - t0;
    assert_string_equal(err, "no nameserver answered");
    assert_true(dt >= 950 && dt < 2500);
    /* the caller's deadline comes first */
    write_conf("nameserver 127.0.0.1\n");
    t0 = util_now_ms();
    assert_int_equal(resolve_name("quiet.test", AF_UNSPEC, t0 + 300, a, 8, err, sizeof err),
                     RESOLVE_ETIMEDOUT);
    dt = util_now_ms() - t0;
    assert_string_equal(err, "timed out");
    assert_true(dt >= 250 && dt < 1500);
    close(fd);
}

static char *put(char *p, const char *s)
{
    size_t n = strlen(s);

    memcpy(p, s, n);
    return p + n;
}

/*
 * In a network namespace of its own (loopback down), every send fails at
 * once: the lookup ends there instead of waiting out the timeout.
 */
static void test_dns_unreachable(void **st)
{
    int status;
    pid_t pid;

    (void)st;
    resolve_set_paths(hosts_path, conf_path, 53);
    write_conf("nameserver 127.0.0.1\nnameserver ::1\noptions timeout:5\n");
    pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        struct resolve_addr a[2];
        char err[64];
        int64_t t0;
        int rc;

        if (unshare(CLONE_NEWUSER | CLONE_NEWNET) != 0 && unshare(CLONE_NEWNET) != 0) {
            _exit(77);
        }
        t0 = util_now_ms();
        rc = resolve_name("far.test", AF_UNSPEC, t0 + 4000, a, 2, err, sizeof err);
        _exit(rc == IH_ENET && strncmp(err, "send: ", 6) == 0 && util_now_ms() - t0 < 1000
              ? 0 : 1);
    }
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    if (WEXITSTATUS(status) == 77) {
        print_message("no network namespace here: skipped\n");
        skip();
    }
    assert_int_equal(WEXITSTATUS(status), 0);
}

/* Long lines are dropped whole, at the buffer boundary (512 with "\n"). */
static void test_files_long_lines(void **st)
{
    struct resolve_addr a[4];
    char err[64], *text, *p;
    unsigned port;
    int fd = udp_socket(&port);     /* silent: a name not in hosts times out */
    size_t i;

    (void)st;
    resolve_set_paths(hosts_path, conf_path, port);
    write_conf("nameserver 127.0.0.1\n");
    text = malloc(8192);
    assert_non_null(text);
    p = text;
    /* 1: a 600-byte comment whose tail after 512 bytes reads as an entry */
    memset(p, '#', 512);
    p += 512;
    p = put(p, "10.6.6.6 tail.test\n");
    /* 2: exactly 511 bytes and a newline: kept */
    i = (size_t)(p - text);
    p = put(p, "10.1.1.1 edge.test");
    memset(p, ' ', 511 - 18);
    p += 511 - 18;
    *p++ = '\n';
    assert_int_equal((size_t)(p - text) - i, 512);
    /* 3: 512 bytes and a newline: dropped */
    p = put(p, "10.2.2.2 over.test");
    memset(p, ' ', 512 - 18);
    p += 512 - 18;
    *p++ = '\n';
    /* 4: a very long line (3 buffers) then a good one, with no final newline */
    memset(p, 'x', 1600);
    p += 1600;
    p = put(p, "\n10.3.3.3 last.test");
    write_file(hosts_path, text, (size_t)(p - text));
    free(text);

    assert_int_equal(resolve_name("edge.test", AF_UNSPEC, util_now_ms() + 200, a, 4, err,
                                  sizeof err), 1);
    assert_addr(&a[0], "10.1.1.1");
    assert_int_equal(resolve_name("last.test", AF_UNSPEC, util_now_ms() + 200, a, 4, err,
                                  sizeof err), 1);
    assert_addr(&a[0], "10.3.3.3");
    assert_int_equal(resolve_name("tail.test", AF_UNSPEC, util_now_ms() + 200, a, 4, err,
                                  sizeof err), RESOLVE_ETIMEDOUT);
    assert_int_equal(resolve_name("over.test", AF_UNSPEC, util_now_ms() + 200, a, 4, err,
                                  sizeof err), RESOLVE_ETIMEDOUT);
    write_file(hosts_path, "", 0);
    close(fd);
}

/*
 * The scan's lookups (detect_dns_collect, live, resolve on) go through a
 * child that drops to the network user first: the responder sees every
 * query come from a socket of that uid (65534 when the test runs as root),
 * and the addresses come back to the scan.  A child that cannot drop
 * (uid 0 asked of a root process) resolves nothing, and the scan goes on.
 */
static void test_scan_lookups_unprivileged(void **st)
{
    static const char feed[] = "host.test\nother.test\n";
    struct ioc_store *iocs;
    struct detect_run r;
    struct root root;
    unsigned port, i, seen = 0;
    int fd = udp_socket(&port);
    uint32_t want = getuid() == 0 ? 65534 : (uint32_t)getuid();
    size_t pos = 0;
    char line[32];
    FILE *f;
    pid_t pid;

    (void)st;
    assert_int_equal(util_fmt(uid_path, sizeof uid_path, "%s/uids", tmpdir), IH_OK);
    (void)unlink(uid_path);
    pid = responder_start(fd, R_UID);
    resolve_set_paths(hosts_path, conf_path, port);
    write_conf("nameserver 127.0.0.1\n");
    write_file(hosts_path, "", 0);
    assert_int_equal(ioc_store_new(&iocs), IH_OK);
    assert_int_equal(ioc_load_buf(iocs, "t", feed, sizeof feed - 1, IOC_FMT_PLAIN, NULL), IH_OK);
    assert_int_equal(root_init(&root, NULL), IH_OK);

    memset(&r, 0, sizeof r);
    r.root = &root;
    r.iocs = iocs;
    r.resolve = 1;
    r.resolve_pos = &pos;
    r.net_uid = r.net_gid = 65534;
    detect_run_begin(&r, 0);
    assert_int_equal(detect_dns_collect(&r), IH_OK);
    /* host.test: 10.0.0.104 and 2001:db8::10; other.test: 10.0.0.111 (its
     * AAAA is the same address, kept once) */
    assert_int_equal(r.n_addrs, 3);
    for (i = 0; i < r.n_addrs; i++) {
        assert_string_equal(r.addrs[i].how, "dns");
    }
    assert_int_equal(r.addrs[0].family, 4);
    assert_int_equal(r.addrs[0].addr[3], 'h');
    assert_string_equal(r.addrs[0].domain, "host.test");
    assert_int_equal(r.addrs[1].family, 6);
    assert_string_equal(r.addrs[1].domain, "host.test");
    assert_int_equal(r.addrs[2].family, 4);
    assert_int_equal(r.addrs[2].addr[3], 'o');
    assert_string_equal(r.addrs[2].domain, "other.test");
    assert_int_equal(pos, 2);           /* both names tried: the next cycle starts over */
    detect_run_end(&r);
    f = fopen(uid_path, "r");
    assert_non_null(f);
    while (fgets(line, sizeof line, f)) {
        uint64_t v;

        assert_int_equal(util_parse_dec(line, strcspn(line, "\n"), 0xffffffffu, &v), IH_OK);
        assert_int_equal(v, want);
        seen++;
    }
    fclose(f);
    assert_true(seen >= 4);             /* A and AAAA for each name */

    if (getuid() == 0) {
        memset(&r, 0, sizeof r);
        r.root = &root;
        r.iocs = iocs;
        r.resolve = 1;
        r.resolve_pos = &pos;
        r.net_uid = r.net_gid = 0;      /* not a drop: the child refuses to look up */
        detect_run_begin(&r, 0);
        assert_int_equal(detect_dns_collect(&r), IH_OK);
        assert_int_equal(r.n_addrs, 0);
        detect_run_end(&r);
    }
    ioc_store_free(iocs);
    responder_stop(pid, fd);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_build_query),
        cmocka_unit_test(test_response_basic),
        cmocka_unit_test(test_response_codes),
        cmocka_unit_test(test_response_not_ours),
        cmocka_unit_test(test_response_pointers),
        cmocka_unit_test(test_response_cname),
        cmocka_unit_test(test_response_truncated),
        cmocka_unit_test(test_sockaddr),
        cmocka_unit_test(test_conf),
        cmocka_unit_test(test_conf_files),
        cmocka_unit_test(test_hosts),
        cmocka_unit_test(test_literals),
        cmocka_unit_test(test_dns_answers),
        cmocka_unit_test(test_dns_liars),
        cmocka_unit_test(test_files_symlinked),
        cmocka_unit_test(test_dns_codes),
        cmocka_unit_test(test_dns_oversized),
        cmocka_unit_test(test_dns_silent),
        cmocka_unit_test(test_dns_unreachable),
        cmocka_unit_test(test_files_long_lines),
        cmocka_unit_test(test_scan_lookups_unprivileged),
    };

    return cmocka_run_group_tests(tests, setup_dir, teardown_dir);
}
