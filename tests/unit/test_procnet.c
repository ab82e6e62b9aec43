/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_procnet.c - /proc/net/{tcp,udp}[6] parsing from big- and
 * little-endian captures, malformed and truncated input.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "procnet.h"
#include "util.h"

#define MAXE 64

struct collect {
    struct procnet_entry e[MAXE];
    size_t n;
};

static int collect_cb(void *ctx, const struct procnet_entry *e)
{
    struct collect *c = ctx;

    if (c->n < MAXE) {
        c->e[c->n++] = *e;
    }
    return 0;
}

static char *load(const char *path, size_t *len)
{
    char *buf = NULL;

    assert_int_equal(util_read_file(path, 1 << 20, &buf, len), IH_OK);
    return buf;
}

static void parse_file(const char *path, int ipv6, enum procnet_order order, struct collect *c,
                       struct procnet_stats *st)
{
    size_t len;
    char *buf = load(path, &len);

    memset(c, 0, sizeof *c);
    assert_int_equal(procnet_parse(buf, len, ipv6, order, collect_cb, c, st), IH_OK);
    free(buf);
}

static void endpoint(const struct procnet_entry *e, int remote, char *out, size_t n)
{
    assert_int_equal(procnet_format_endpoint(e->family, remote ? e->raddr : e->laddr,
                                             remote ? e->rport : e->lport, out, n), IH_OK);
}

/* Expected decode of the router socket set (both captures hold it). */
static const struct {
    const char *local, *remote;
    uint8_t state;
    uint64_t inode;
} router_tcp[] = {
    { "0.0.0.0:22", "0.0.0.0:0", TCPS_LISTEN, 301 },
    { "0.0.0.0:23", "0.0.0.0:0", TCPS_LISTEN, 302 },
    { "192.168.1.1:80", "0.0.0.0:0", TCPS_LISTEN, 303 },
    { "127.0.0.1:48101", "0.0.0.0:0", TCPS_LISTEN, 4001 },
    { "192.168.1.1:41234", "152.236.6.8:28291", TCPS_ESTABLISHED, 4002 },
    { "192.168.1.1:50123", "103.245.27.100:80", TCPS_TIME_WAIT, 0 },
    { "192.168.1.1:39000", "10.20.30.40:23", TCPS_SYN_SENT, 4003 },
};

static void check_router_tcp(const struct collect *c)
{
    size_t i;

    assert_int_equal(c->n, sizeof router_tcp / sizeof router_tcp[0]);
    for (i = 0; i < c->n; i++) {
        char l[64], r[64];

        endpoint(&c->e[i], 0, l, sizeof l);
        endpoint(&c->e[i], 1, r, sizeof r);
        assert_string_equal(l, router_tcp[i].local);
        assert_string_equal(r, router_tcp[i].remote);
        assert_int_equal(c->e[i].state, router_tcp[i].state);
        assert_int_equal(c->e[i].inode, router_tcp[i].inode);
        assert_int_equal(c->e[i].family, 4);
    }
}

static void test_router_be(void **state)
{
    struct collect c;
    struct procnet_stats st;

    (void)state;
    parse_file("tests/data/procnet/router-mips-be.tcp", 0, PROCNET_ORDER_BE, &c, &st);
    assert_int_equal(st.bad, 0);
    check_router_tcp(&c);
}

static void test_router_le(void **state)
{
    struct collect c;
    struct procnet_stats st;

    (void)state;
    /* the same sockets printed by a little-endian kernel, 64-bit pointers */
    parse_file("tests/data/procnet/router-x86-le.tcp", 0, PROCNET_ORDER_LE, &c, &st);
    assert_int_equal(st.bad, 0);
    check_router_tcp(&c);
}

static void test_wrong_order_misreads(void **state)
{
    struct collect c;
    char l[64];

    (void)state;
    /* reading a big-endian file as little-endian gives reversed octets:
     * this is the bug the order detection exists to prevent */
    parse_file("tests/data/procnet/router-mips-be.tcp", 0, PROCNET_ORDER_LE, &c, NULL);
    endpoint(&c.e[3], 0, l, sizeof l);
    assert_string_equal(l, "1.0.0.127:48101");
}

static void test_router_be_v6(void **state)
{
    static const char *const want[][2] = {
        { "192.168.1.1:80", "[::]:0" },
        { "[::1]:2323", "[::]:0" },
        { "[2001:db8::1]:443", "[2001:db8::2]:51000" },
    };
    struct collect c;
    struct procnet_stats st;
    size_t i;

    (void)state;
    parse_file("tests/data/procnet/router-mips-be.tcp6", 1, PROCNET_ORDER_BE, &c, &st);
    assert_int_equal(st.bad, 0);
    assert_int_equal(c.n, 3);
    for (i = 0; i < c.n; i++) {
        char l[64], r[64];

        endpoint(&c.e[i], 0, l, sizeof l);
        endpoint(&c.e[i], 1, r, sizeof r);
        assert_string_equal(l, want[i][0]);
        assert_string_equal(r, want[i][1]);
    }
}

static void test_router_be_udp(void **state)
{
    struct collect c;
    char r[64];

    (void)state;
    parse_file("tests/data/procnet/router-mips-be.udp", 0, PROCNET_ORDER_BE, &c, NULL);
    assert_int_equal(c.n, 2);
    endpoint(&c.e[1], 1, r, sizeof r);
    assert_string_equal(r, "8.8.8.8:53");
    assert_int_equal(c.e[1].inode, 4005);
}

static int has_endpoint(const struct collect *c, int remote, const char *want)
{
    size_t i;

    for (i = 0; i < c->n; i++) {
        char s[64];

        endpoint(&c->e[i], remote, s, sizeof s);
        if (strcmp(s, want) == 0) {
            return 1;
        }
    }
    return 0;
}

static void test_host_captures(void **state)
{
    struct collect c;
    struct procnet_stats st;

    (void)state;
    parse_file("tests/data/procnet/host-x86_64-le.tcp", 0, PROCNET_ORDER_LE, &c, &st);
    assert_int_equal(st.bad, 0);
    assert_true(has_endpoint(&c, 0, "127.0.0.1:48101"));
    parse_file("tests/data/procnet/host-x86_64-le.tcp6", 1, PROCNET_ORDER_LE, &c, &st);
    assert_int_equal(st.bad, 0);
    assert_true(has_endpoint(&c, 0, "[::1]:2323"));
    parse_file("tests/data/procnet/host-x86_64-le.udp", 0, PROCNET_ORDER_LE, &c, &st);
    assert_int_equal(st.bad, 0);
    assert_true(has_endpoint(&c, 1, "127.0.0.53:53"));
    parse_file("tests/data/procnet/host-x86_64-le.udp6", 1, PROCNET_ORDER_LE, &c, &st);
    assert_int_equal(st.bad, 0);
    assert_true(has_endpoint(&c, 0, "[::]:5353"));
}

static void test_malformed(void **state)
{
    struct collect c;
    struct procnet_stats st;

    (void)state;
    parse_file("tests/data/procnet/malformed.tcp", 0, PROCNET_ORDER_BE, &c, &st);
    /* the good first and last lines survive; every bad one is counted */
    assert_int_equal(c.n, 2);
    assert_int_equal(c.e[0].inode, 4001);
    assert_int_equal(c.e[1].inode, 4002);
    assert_int_equal(st.bad, 10);
    assert_int_equal(st.first_bad_line, 3);
}

static void test_truncated_prefixes(void **state)
{
    struct collect full, c;
    size_t len, p;
    char *buf = load("tests/data/procnet/router-mips-be.tcp", &len);

    (void)state;
    memset(&full, 0, sizeof full);
    assert_int_equal(procnet_parse(buf, len, 0, PROCNET_ORDER_BE, collect_cb, &full, NULL), IH_OK);
    /* every prefix parses only whole, correct entries: a cut line is
     * rejected, never half-parsed */
    for (p = 0; p <= len; p++) {
        size_t i;
        char *copy = malloc(p ? p : 1);

        assert_non_null(copy);
        memcpy(copy, buf, p);
        memset(&c, 0, sizeof c);
        assert_int_equal(procnet_parse(copy, p, 0, PROCNET_ORDER_BE, collect_cb, &c, NULL), IH_OK);
        assert_true(c.n <= full.n);
        for (i = 0; i < c.n; i++) {
            assert_memory_equal(&c.e[i], &full.e[i], sizeof c.e[i]);
        }
        free(copy);
    }
    /* the whole file but its final newline: the last entry is dropped */
    memset(&c, 0, sizeof c);
    assert_int_equal(procnet_parse(buf, len - 1, 0, PROCNET_ORDER_BE, collect_cb, &c, NULL), IH_OK);
    assert_int_equal(c.n, full.n - 1);
    free(buf);
}

static void test_order_detection(void **state)
{
    static const unsigned char elf_be[] = { 0x7f, 'E', 'L', 'F', 1, 2, 1, 0 };
    static const unsigned char elf_le[] = { 0x7f, 'E', 'L', 'F', 1, 1, 1, 0 };
    static const unsigned char not_elf[] = { '#', '!', '/', 'b', 'i', 'n' };
    size_t len;
    char *buf;

    (void)state;
    assert_int_equal(procnet_order_from_elf(elf_be, sizeof elf_be), PROCNET_ORDER_BE);
    assert_int_equal(procnet_order_from_elf(elf_le, sizeof elf_le), PROCNET_ORDER_LE);
    assert_int_equal(procnet_order_from_elf(not_elf, sizeof not_elf), PROCNET_ORDER_UNKNOWN);
    assert_int_equal(procnet_order_from_elf(elf_be, 4), PROCNET_ORDER_UNKNOWN);

    buf = load("tests/data/procnet/router-mips-be.tcp", &len);
    assert_int_equal(procnet_order_guess(buf, len), PROCNET_ORDER_BE);
    free(buf);
    buf = load("tests/data/procnet/router-x86-le.tcp", &len);
    assert_int_equal(procnet_order_guess(buf, len), PROCNET_ORDER_LE);
    free(buf);
    buf = load("tests/data/procnet/host-x86_64-le.tcp", &len);
    assert_int_equal(procnet_order_guess(buf, len), PROCNET_ORDER_LE);
    free(buf);
    assert_int_equal(procnet_order_guess("", 0), PROCNET_ORDER_UNKNOWN);
}

static void test_format_endpoint(void **state)
{
    static const struct {
        int family;
        uint8_t addr[16];
        uint16_t port;
        const char *want;
    } cases[] = {
        { 4, { 127, 0, 0, 1 }, 48101, "127.0.0.1:48101" },
        { 6, { 0 }, 0, "[::]:0" },
        { 6, { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }, 22, "[::1]:22" },
        { 6, { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 10, 0, 0, 1 }, 80, "10.0.0.1:80" },
        { 6, { 0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0x02, 0x11, 0x22, 0xff, 0xfe, 0x33, 0x44, 0x55 }, 7547,
          "[fe80::211:22ff:fe33:4455]:7547" },
        { 6, { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1 }, 1, "[2001:db8:0:1::1]:1" },
    };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[64];

        assert_int_equal(procnet_format_endpoint(cases[i].family, cases[i].addr, cases[i].port,
                                                 out, sizeof out), IH_OK);
        assert_string_equal(out, cases[i].want);
    }
    {
        char tiny[8];
        static const uint8_t a[4] = { 192, 168, 100, 100 };

        assert_int_equal(procnet_format_endpoint(4, a, 65535, tiny, sizeof tiny), IH_ETRUNC);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_router_be),
        cmocka_unit_test(test_router_le),
        cmocka_unit_test(test_wrong_order_misreads),
        cmocka_unit_test(test_router_be_v6),
        cmocka_unit_test(test_router_be_udp),
        cmocka_unit_test(test_host_captures),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_truncated_prefixes),
        cmocka_unit_test(test_order_detection),
        cmocka_unit_test(test_format_endpoint),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
