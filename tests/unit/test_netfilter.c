/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_netfilter.c - the TR-069 block check: text parsers over captured and
 * hand-made inputs, the kernel table parser over tables built byte by byte
 * in both byte orders and over a real captured table (and its big-endian
 * rewrite), truncated and corrupted tables, and netfilter_scan over --root
 * fixtures (worm vs ISP lockdown).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "finding.h"
#include "netfilter.h"
#include "root.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define D "tests/data/netfilter/"

static char *slurp(const char *path, size_t *len)
{
    char *b = NULL;
    int rc = util_read_file(path, 4u << 20, &b, len);

    if (rc != IH_OK) {
        fail_msg("cannot read %s: %s (tests run from the repository root)", path,
                 util_strerror(rc));
    }
    return b;
}

/* ------------------------------------------------------------------ */
/* text parsers                                                         */

struct text_case {
    const char *file;
    enum nf_grammar g;
    unsigned flags;
    unsigned long rules, bad;
    unsigned n;
    unsigned ports[6];          /* per block */
    enum nf_verdict verdict[6];
    unsigned long line0;        /* line of the first block */
    const char *text0;          /* text of the first block (prefix) */
};

#define DR NF_VERDICT_DROP
#define RJ NF_VERDICT_REJECT
#define C NF_PORT_CWMP
#define A NF_PORT_ADB

static const struct text_case text_cases[] = {
    { D "save-worm-legacy-1.8.txt", NF_G_SAVE, 0, 4, 0, 2, { C, A }, { DR, DR }, 8,
      "-A INPUT -p tcp -m tcp --dport 7547 -j DROP" },
    /* INPUT jumps to the user chain "custom", which drops 5555 */
    { D "live-legacy-1.8.9-save.txt", NF_G_SAVE, 0, 7, 0, 5, { C, A, C, C, A }, { DR, DR, RJ, DR, DR }, 8,
      "-A INPUT -p tcp -m tcp --dport 7547 -j DROP" },
    { D "live-iptables-nft-1.8.9-save.txt", NF_G_SAVE, 0, 2, 0, 2, { C, A }, { DR, DR }, 6,
      "-A INPUT -p tcp -m tcp --dport 7547 -j DROP" },
    { D "save-worm-counters-1.4.txt", NF_G_SAVE, 0, 4, 0, 3, { C, A, C }, { DR, DR, DR }, 18,
      "-A INPUT -p tcp -m tcp --dport 7547 -j DROP" },
    { D "save-variants.txt", NF_G_SAVE, 0, 12, 0, 4, { C, C | A, C, C | A }, { DR, RJ, DR, DR }, 5,
      "-A INPUT -i eth0 -p tcp -m tcp --destination-port 7547 -j DROP" },
    /* fw3's Block-TR069 in input_wan_rule: INPUT -> zone_wan_input -> input_wan_rule */
    { D "save-clean-openwrt-fw3.txt", NF_G_SAVE, 0, 5, 0, 1, { C }, { DR }, 16,
      "-A input_wan_rule" },
    { D "save-clean-openwrt-fw3.txt", NF_G_SAVE, NF_F_CONFIG, 9, 0, 1, { C }, { DR }, 16,
      "-A input_wan_rule" },
    { D "save-malformed.txt", NF_G_SAVE, 0, 1, 10, 1, { A }, { DR }, 13,
      "-A INPUT -p tcp -m tcp --dport 5555 -j DROP" },
    { D "restore-rules.v4", NF_G_SAVE, NF_F_CONFIG, 2, 0, 2, { C, A }, { DR, RJ }, 6,
      "-I INPUT 1 -p tcp --dport 7547 -j DROP" },
    { D "live-iptables-nft-ruleset.txt", NF_G_NFT, 0, 2, 0, 2, { C, A }, { DR, DR }, 4,
      "ip filter INPUT: tcp dport 7547 counter packets 0 bytes 0 drop" },
    { D "live-fw4-style-ruleset.txt", NF_G_NFT, 0, 1, 0, 1, { C | A }, { DR }, 9,
      "inet fw4 input: tcp dport { 5555, 7547 }" },
    { D "nft-variants.txt", NF_G_NFT, 0, 11, 0, 5, { C, C | A, C, A, A }, { DR, RJ, DR, DR, DR }, 4,
      "ip filter INPUT: iifname \"eth0\" meta l4proto tcp tcp dport 7547" },
    /* the ip6 table's INPUT, then fw4's input_wan (input jumps to it) */
    { D "nft-fw4-clean.txt", NF_G_NFT, 0, 6, 0, 2, { C, C }, { DR, DR }, 30,
      "ip6 filter INPUT: tcp dport 7547 drop" },
    { D "nft-fw4-clean.txt", NF_G_NFT, NF_F_CONFIG, 9, 0, 2, { C, C }, { DR, DR }, 18,
      "inet fw4 input_wan: tcp dport 7547" },
    { D "nft-malformed.txt", NF_G_NFT, 0, 6, 9, 2, { C, A }, { DR, DR }, 5, "ip filter INPUT:" },
    { D "nftables.conf", NF_G_NFT, NF_F_CONFIG, 1, 0, 1, { C | A }, { DR }, 8,
      "inet filter input: tcp dport { 7547, 5555 } drop" },
    { D "uci-firewall-lockdown", NF_G_UCI, NF_F_CONFIG, 3, 0, 2, { C, A }, { DR, RJ }, 19,
      "config rule 'Block-TR069-WAN'" },
    { D "uci-firewall-not-declaring", NF_G_UCI, NF_F_CONFIG, 5, 0, 0, { 0 }, { 0 }, 0, NULL },
    { D "uci-firewall-ranges", NF_G_UCI, NF_F_CONFIG, 2, 0, 2, { C, A }, { RJ, DR }, 1,
      "config rule 'range dash'" },
    { D "uci-firewall-malformed", NF_G_UCI, NF_F_CONFIG, 2, 7, 1, { A }, { DR }, 10,
      "config rule ''" },
    { D "firewall.user-lockdown", NF_G_SHELL, NF_F_CONFIG, 2, 0, 2, { C, A }, { DR, DR }, 10,
      "iptables -I INPUT -p tcp --dport 7547 -j DROP" },
    { D "firewall.user-variants", NF_G_SHELL, NF_F_CONFIG, 4, 0, 3, { C, C, A }, { DR, RJ, DR }, 3,
      "$IPT -A INPUT -p tcp --dport 7547 -j DROP" },
    { D "firewall.user-malformed", NF_G_SHELL, NF_F_CONFIG, 2, 4, 1, { C | A }, { DR }, 5,
      "iptables -A INPUT -p tcp --dport 7547 -j DROP" },
    /* "DROP;" then the next command: both are read */
    { D "firewall.user-chained", NF_G_SHELL, NF_F_CONFIG, 3, 0, 3, { C, A, A }, { DR, RJ, DR }, 3,
      "iptables -A OUTPUT -p tcp --dport 23 -j DROP; iptables -A INPUT -p tcp --dport 7547 -j DROP" },
};

static void test_text_parsers(void **state)
{
    size_t i;

    (void)state;
    for (i = 0; i < sizeof text_cases / sizeof text_cases[0]; i++) {
        const struct text_case *c = &text_cases[i];
        struct nf_blocks b;
        size_t len;
        char *buf = slurp(c->file, &len);
        unsigned k;

        print_message("text case %zu: %s\n", i, c->file);
        assert_int_equal(netfilter_parse_text(c->g, c->flags, buf, len, c->file, &b), IH_OK);
        assert_int_equal(b.rules, c->rules);
        assert_int_equal(b.bad, c->bad);
        assert_int_equal(b.n, c->n);
        assert_int_equal(b.over, 0);
        for (k = 0; k < b.n; k++) {
            assert_int_equal(b.v[k].ports, c->ports[k]);
            assert_int_equal(b.v[k].verdict, c->verdict[k]);
        }
        if (c->n > 0) {
            assert_int_equal(b.v[0].line, c->line0);
            assert_memory_equal(b.v[0].text, c->text0, strlen(c->text0));
        }
        free(buf);
    }
}

/* Every prefix of every text input parses without harm and never finds a
 * block the whole text does not have. */
static void test_text_truncated(void **state)
{
    size_t i, cut;

    (void)state;
    for (i = 0; i < sizeof text_cases / sizeof text_cases[0]; i++) {
        const struct text_case *c = &text_cases[i];
        struct nf_blocks b;
        size_t len;
        char *buf = slurp(c->file, &len);

        for (cut = 0; cut <= len; cut++) {
            char *copy = malloc(cut + 1);

            assert_non_null(copy);
            memcpy(copy, buf, cut);
            assert_int_equal(netfilter_parse_text(c->g, c->flags, copy, cut, c->file, &b), IH_OK);
            assert_true(b.n <= c->n + 1); /* a cut port "75" is not 7547; "7000:" widens */
            free(copy);
        }
        free(buf);
    }
}

static void test_text_limits(void **state)
{
    struct nf_blocks b;
    size_t n = NF_MAX_LINE + 100, i;
    char *big = malloc(n + 64);
    static const char rule[] = "\n-A INPUT -p tcp -m tcp --dport 7547 -j DROP\n";
    static const char nul[] = "-A INPUT -p tcp --dport 5555 -j DROP\0 x\n";

    (void)state;
    assert_non_null(big);
    /* an over-long line is dropped whole, the next line still parses */
    memset(big, 'x', n);
    memcpy(big + n, rule, sizeof rule - 1);
    assert_int_equal(netfilter_parse_text(NF_G_SAVE, 0, big, n + sizeof rule - 1, "long", &b), IH_OK);
    assert_int_equal(b.bad, 1);
    assert_int_equal(b.n, 1);
    /* a NUL byte makes the line malformed */
    assert_int_equal(netfilter_parse_text(NF_G_SAVE, 0, nul, sizeof nul - 1, "nul", &b), IH_OK);
    assert_int_equal(b.bad, 1);
    assert_int_equal(b.n, 0);
    /* more than NF_MAX_TOKENS words */
    for (i = 0; i + 2 < n; i += 2) {
        big[i] = 'a';
        big[i + 1] = ' ';
    }
    assert_int_equal(netfilter_parse_text(NF_G_SAVE, 0, big, 2 * (NF_MAX_TOKENS + 2), "words",
                                          &b), IH_OK);
    assert_int_equal(b.bad, 1);
    /* over the text cap: refused whole */
    assert_int_equal(netfilter_parse_text(NF_G_SAVE, 0, big, NF_MAX_TEXT + 1, "huge", &b),
                     IH_ETOOBIG);
    free(big);
    /* more blocks than kept: counted in over */
    {
        size_t cap = 40 * 64, l = 0;
        char *many = malloc(cap);

        assert_non_null(many);
        for (i = 0; i < 40; i++) {
            l += (size_t)snprintf(many + l, cap - l, "-A INPUT -p tcp --dport 7547 -j DROP\n");
        }
        assert_int_equal(netfilter_parse_text(NF_G_SAVE, 0, many, l, "many", &b), IH_OK);
        assert_int_equal(b.n, NF_MAX_BLOCKS);
        assert_int_equal(b.over, 40 - NF_MAX_BLOCKS);
        free(many);
    }
}

/* ------------------------------------------------------------------ */
/* kernel tables, built byte by byte                                    */

struct bld {
    uint8_t b[16384];
    size_t n;
    enum procnet_order o;
};

static void put16(struct bld *x, size_t off, unsigned v)
{
    if (x->o == PROCNET_ORDER_BE) {
        x->b[off] = (uint8_t)(v >> 8);
        x->b[off + 1] = (uint8_t)v;
    } else {
        x->b[off] = (uint8_t)v;
        x->b[off + 1] = (uint8_t)(v >> 8);
    }
}

static void put32(struct bld *x, size_t off, uint32_t v)
{
    if (x->o == PROCNET_ORDER_BE) {
        put16(x, off, v >> 16);
        put16(x, off + 2, v & 0xffff);
    } else {
        put16(x, off, v & 0xffff);
        put16(x, off + 2, v >> 16);
    }
}

static void put64(struct bld *x, size_t off, uint64_t v)
{
    if (x->o == PROCNET_ORDER_BE) {
        put32(x, off, (uint32_t)(v >> 32));
        put32(x, off + 4, (uint32_t)v);
    } else {
        put32(x, off, (uint32_t)v);
        put32(x, off + 4, (uint32_t)(v >> 32));
    }
}

/* A rule of the hand-built table. */
struct krule {
    const char *iface;
    unsigned proto;
    unsigned ipinv;             /* ipt_ip.invflags */
    int tcp;                    /* add a tcp match with dport lo..hi */
    unsigned lo, hi, tcpinv;
    int mp;                     /* multiport revision + 1, 0: none */
    unsigned mpflags, mpcount, mpports[15], mppflags[15], mpinv;
    const char *target;         /* "" standard, "REJECT", ... */
    int32_t verdict;
    uint64_t pkts;
    /* expectations */
    unsigned want_ports;
    enum nf_verdict want_v;
    const char *want_text;
};

#define XT_ALIGN8(n) (((n) + 7u) & ~7u)

/* Append one entry at x->n; returns its offset. */
static size_t add_entry(struct bld *x, const struct krule *r)
{
    size_t e = x->n, p = e + 112, t;

    memset(x->b + e, 0, 112);
    if (r->iface) {
        memcpy(x->b + e + 16, r->iface, strlen(r->iface));
        memset(x->b + e + 48, 0xff, strlen(r->iface) + 1);
    }
    put16(x, e + 80, r->proto);
    x->b[e + 83] = (uint8_t)r->ipinv;
    put64(x, e + 96, r->pkts);
    put64(x, e + 104, r->pkts * 60);
    if (r->tcp) {
        memset(x->b + p, 0, 48);
        put16(x, p, 32 + XT_ALIGN8(12));
        memcpy(x->b + p + 2, "tcp", 3);
        put16(x, p + 32, 0);
        put16(x, p + 34, 0xffff);
        put16(x, p + 36, r->lo);
        put16(x, p + 38, r->hi);
        x->b[p + 43] = (uint8_t)r->tcpinv;
        p += 48;
    }
    if (r->mp) {
        size_t dl = r->mp == 1 ? 32 : 48, i;

        memset(x->b + p, 0, 32 + dl);
        put16(x, p, (unsigned)(32 + XT_ALIGN8(dl)));
        memcpy(x->b + p + 2, "multiport", 9);
        x->b[p + 31] = (uint8_t)(r->mp - 1);
        x->b[p + 32] = (uint8_t)r->mpflags;
        x->b[p + 33] = (uint8_t)r->mpcount;
        for (i = 0; i < 15; i++) {
            put16(x, p + 34 + 2 * i, r->mpports[i]);
            if (r->mp > 1) {
                x->b[p + 64 + i] = (uint8_t)r->mppflags[i];
            }
        }
        if (r->mp > 1) {
            x->b[p + 79] = (uint8_t)r->mpinv;
        }
        p += 32 + XT_ALIGN8(dl);
    }
    t = p;
    memset(x->b + t, 0, 40);
    if (r->target && strcmp(r->target, "ERROR") == 0) {
        put16(x, t, 64);
        memcpy(x->b + t + 2, "ERROR", 5);
        memset(x->b + t + 32, 0, 32);
        memcpy(x->b + t + 32, "ERROR", 5);
        p = t + 64;
    } else {
        put16(x, t, 40);
        if (r->target) {
            memcpy(x->b + t + 2, r->target, strlen(r->target));
        }
        put32(x, t + 32, (uint32_t)r->verdict);
        p = t + 40;
    }
    put16(x, e + 88, (unsigned)(t - e));
    put16(x, e + 90, (unsigned)(p - e));
    x->n = p;
    return e;
}

static const struct krule krules[] = {
    { .proto = 6, .tcp = 1, .lo = 7547, .hi = 7547, .target = "", .verdict = -1,
      .pkts = 0x0102030405060708ull, .want_ports = NF_PORT_CWMP, .want_v = NF_VERDICT_DROP,
      .want_text = "-A INPUT -p tcp -m tcp --dport 7547 -j DROP" },
    { .proto = 6, .tcp = 1, .lo = 5555, .hi = 5555, .target = "", .verdict = -1, .pkts = 17,
      .want_ports = NF_PORT_ADB, .want_v = NF_VERDICT_DROP,
      .want_text = "-A INPUT -p tcp -m tcp --dport 5555 -j DROP" },
    { .iface = "eth0", .proto = 6, .mp = 2, .mpflags = 1, .mpcount = 2, .mpports = { 23, 7547 },
      .target = "REJECT", .verdict = 0, .want_ports = NF_PORT_CWMP, .want_v = NF_VERDICT_REJECT,
      .want_text = "-A INPUT -i eth0 -p tcp -m multiport --dports 23,7547 -j REJECT" },
    { .proto = 6, .tcp = 1, .lo = 5000, .hi = 8000, .target = "", .verdict = -1,
      .want_ports = NF_PORT_CWMP | NF_PORT_ADB, .want_v = NF_VERDICT_DROP,
      .want_text = "-A INPUT -p tcp -m tcp --dport 5000:8000 -j DROP" },
    { .proto = 6, .mp = 2, .mpflags = 2, .mpcount = 3, .mpports = { 22, 7000, 8000 },
      .mppflags = { 0, 1, 0 }, .target = "", .verdict = -1, .want_ports = NF_PORT_CWMP,
      .want_v = NF_VERDICT_DROP,
      .want_text = "-A INPUT -p tcp -m multiport --ports 22,7000:8000 -j DROP" },
    { .proto = 6, .mp = 1, .mpflags = 1, .mpcount = 1, .mpports = { 5555 }, .target = "",
      .verdict = -1, .want_ports = NF_PORT_ADB, .want_v = NF_VERDICT_DROP,
      .want_text = "-A INPUT -p tcp -m multiport --dports 5555 -j DROP" },
    /* not blocks */
    { .proto = 6, .tcp = 1, .lo = 7547, .hi = 7547, .tcpinv = 2, .target = "", .verdict = -1 },
    { .proto = 6, .ipinv = 0x40, .tcp = 1, .lo = 7547, .hi = 7547, .target = "", .verdict = -1 },
    { .proto = 17, .tcp = 1, .lo = 7547, .hi = 7547, .target = "", .verdict = -1 },
    { .proto = 6, .tcp = 1, .lo = 7547, .hi = 7547, .target = "", .verdict = -2 },
    { .proto = 6, .tcp = 1, .lo = 7547, .hi = 7547, .target = "", .verdict = 1234 },
    { .proto = 6, .mp = 2, .mpflags = 0, .mpcount = 1, .mpports = { 7547 }, .target = "",
      .verdict = -1 },
    { .proto = 6, .mp = 2, .mpflags = 1, .mpcount = 1, .mpports = { 7547 }, .mpinv = 1,
      .target = "", .verdict = -1 },
    { .proto = 6, .tcp = 1, .lo = 0, .hi = 0xffff, .target = "", .verdict = -1 },
    { .proto = 6, .tcp = 1, .lo = 7547, .hi = 7547, .target = "LOG", .verdict = 0 },
};
#define NKRULES (sizeof krules / sizeof krules[0])

/*
 * A filter table: INPUT (the rules, then its ACCEPT policy), FORWARD and
 * OUTPUT policies, the ERROR terminator.  The capture format: 84-byte
 * getinfo, then the entries.
 */
static void build_table(struct bld *x, enum procnet_order o, const struct krule *rules, size_t n)
{
    static const struct krule policy = { .target = "", .verdict = -2 };
    static const struct krule error = { .target = "ERROR" };
    size_t i, in_under, fwd, out;
    struct bld *t = x;

    memset(x, 0, sizeof *x);
    x->o = o;
    x->n = NF_GETINFO_SIZE;
    for (i = 0; i < n; i++) {
        (void)add_entry(t, &rules[i]);
    }
    in_under = add_entry(t, &policy) - NF_GETINFO_SIZE;
    fwd = add_entry(t, &policy) - NF_GETINFO_SIZE;
    out = add_entry(t, &policy) - NF_GETINFO_SIZE;
    (void)add_entry(t, &error);
    memcpy(x->b, "filter", 6);
    put32(x, 32, 0x0e);
    put32(x, 36 + 4 * 1, 0);
    put32(x, 36 + 4 * 2, (uint32_t)fwd);
    put32(x, 36 + 4 * 3, (uint32_t)out);
    put32(x, 56 + 4 * 1, (uint32_t)in_under);
    put32(x, 56 + 4 * 2, (uint32_t)fwd);
    put32(x, 56 + 4 * 3, (uint32_t)out);
    put32(x, 76, (uint32_t)(n + 4));
    put32(x, 80, (uint32_t)(x->n - NF_GETINFO_SIZE));
}

static void check_krules(const struct nf_blocks *b)
{
    size_t i;
    unsigned k = 0;

    assert_int_equal(b->rules, NKRULES);
    assert_int_equal(b->bad, 0);
    for (i = 0; i < NKRULES; i++) {
        if (!krules[i].want_ports) {
            continue;
        }
        assert_true(k < b->n);
        assert_int_equal(b->v[k].ports, krules[i].want_ports);
        assert_int_equal(b->v[k].verdict, krules[i].want_v);
        assert_int_equal(b->v[k].line, i + 1);
        assert_int_equal(b->v[k].packets, krules[i].pkts);
        assert_string_equal(b->v[k].text, krules[i].want_text);
        k++;
    }
    assert_int_equal(b->n, k);
}

static void test_kernel_built(void **state)
{
    static const enum procnet_order orders[] = { PROCNET_ORDER_BE, PROCNET_ORDER_LE };
    struct bld *x = malloc(sizeof *x);
    struct nf_blocks b;
    size_t i;

    (void)state;
    assert_non_null(x);
    for (i = 0; i < 2; i++) {
        enum procnet_order other = orders[i] == PROCNET_ORDER_BE ? PROCNET_ORDER_LE :
                                   PROCNET_ORDER_BE;
        int rc;

        build_table(x, orders[i], krules, NKRULES);
        assert_int_equal(netfilter_parse_capture(x->b, x->n, orders[i], "built", &b), IH_OK);
        check_krules(&b);
        /* read in the wrong order, the table does not make sense */
        rc = netfilter_parse_capture(x->b, x->n, other, "built", &b);
        assert_true(rc != IH_OK || b.n == 0);
    }
    /* an empty INPUT chain; a table without INPUT */
    build_table(x, PROCNET_ORDER_BE, NULL, 0);
    assert_int_equal(netfilter_parse_capture(x->b, x->n, PROCNET_ORDER_BE, "empty", &b), IH_OK);
    assert_int_equal(b.rules, 0);
    assert_int_equal(b.n, 0);
    build_table(x, PROCNET_ORDER_BE, krules, 1);
    put32(x, 32, 0x0c);
    assert_int_equal(netfilter_parse_capture(x->b, x->n, PROCNET_ORDER_BE, "nohook", &b), IH_OK);
    assert_int_equal(b.n, 0);
    free(x);
}

/* Corruptions at known places: each must be refused or skipped, named. */
static void test_kernel_corrupt(void **state)
{
    struct bld *x = malloc(sizeof *x);
    struct nf_blocks b;
    size_t e0 = NF_GETINFO_SIZE, m0 = NF_GETINFO_SIZE + 112;

    (void)state;
    assert_non_null(x);
    util_diag_quiet = 1;
    /* next_offset 0: the walk cannot go on */
    build_table(x, PROCNET_ORDER_BE, krules, 2);
    put16(x, e0 + 90, 0);
    assert_int_equal(netfilter_parse_capture(x->b, x->n, PROCNET_ORDER_BE, "c", &b), IH_EPARSE);
    /* next_offset past the table */
    build_table(x, PROCNET_ORDER_BE, krules, 2);
    put16(x, e0 + 90, 0xfff0);
    assert_int_equal(netfilter_parse_capture(x->b, x->n, PROCNET_ORDER_BE, "c", &b), IH_EPARSE);
    /* next_offset skips the policy entry */
    build_table(x, PROCNET_ORDER_BE, krules, 2);
    put16(x, e0 + 90, 160 + 8);
    assert_int_equal(netfilter_parse_capture(x->b, x->n, PROCNET_ORDER_BE, "c", &b), IH_EPARSE);
    /* a match larger than its entry: that rule is skipped, the next one found */
    build_table(x, PROCNET_ORDER_BE, krules, 2);
    put16(x, m0, 0x4000);
    assert_int_equal(netfilter_parse_capture(x->b, x->n, PROCNET_ORDER_BE, "c", &b), IH_OK);
    assert_int_equal(b.bad, 1);
    assert_int_equal(b.n, 1);
    assert_int_equal(b.v[0].ports, NF_PORT_ADB);
    /* a match name without NUL */
    build_table(x, PROCNET_ORDER_BE, krules, 2);
    memset(x->b + m0 + 2, 'a', 29);
    assert_int_equal(netfilter_parse_capture(x->b, x->n, PROCNET_ORDER_BE, "c", &b), IH_OK);
    assert_int_equal(b.bad, 1);
    assert_int_equal(b.n, 1);
    /* target_offset inside the header */
    build_table(x, PROCNET_ORDER_BE, krules, 2);
    put16(x, e0 + 88, 100);
    assert_int_equal(netfilter_parse_capture(x->b, x->n, PROCNET_ORDER_BE, "c", &b), IH_OK);
    assert_int_equal(b.bad, 1);
    /* size in getinfo disagrees with the data */
    build_table(x, PROCNET_ORDER_BE, krules, 2);
    put32(x, 80, (uint32_t)(x->n - NF_GETINFO_SIZE + 8));
    assert_int_equal(netfilter_parse_capture(x->b, x->n, PROCNET_ORDER_BE, "c", &b), IH_EPARSE);
    /* underflow before hook_entry, underflow past the end */
    build_table(x, PROCNET_ORDER_BE, krules, 2);
    put32(x, 36 + 4, 1000);
    assert_int_equal(netfilter_parse_capture(x->b, x->n, PROCNET_ORDER_BE, "c", &b), IH_EPARSE);
    build_table(x, PROCNET_ORDER_BE, krules, 2);
    put32(x, 56 + 4, 0x7fffffff);
    assert_int_equal(netfilter_parse_capture(x->b, x->n, PROCNET_ORDER_BE, "c", &b), IH_EPARSE);
    /* table name not terminated */
    build_table(x, PROCNET_ORDER_BE, krules, 2);
    memset(x->b, 'f', 32);
    assert_int_equal(netfilter_parse_capture(x->b, x->n, PROCNET_ORDER_BE, "c", &b), IH_EPARSE);
    /* a multiport count over 15 */
    build_table(x, PROCNET_ORDER_BE, &krules[2], 1);
    x->b[m0 + 33] = 16;
    assert_int_equal(netfilter_parse_capture(x->b, x->n, PROCNET_ORDER_BE, "c", &b), IH_OK);
    assert_int_equal(b.bad, 1);
    assert_int_equal(b.n, 0);
    /* bad order argument */
    build_table(x, PROCNET_ORDER_BE, krules, 2);
    assert_int_equal(netfilter_parse_capture(x->b, x->n, PROCNET_ORDER_UNKNOWN, "c", &b),
                     IH_EPARSE);
    free(x);
}

/* Every truncation and every single-byte flip of a table: no crash, and a
 * truncated table is never read as more than the whole one. */
static void test_kernel_truncate_flip(void **state)
{
    struct bld *x = malloc(sizeof *x);
    uint8_t *copy;
    struct nf_blocks b;
    size_t cut, i;

    (void)state;
    assert_non_null(x);
    build_table(x, PROCNET_ORDER_BE, krules, NKRULES);
    copy = malloc(x->n);
    assert_non_null(copy);
    util_diag_quiet = 1;
    for (cut = 0; cut < x->n; cut++) {
        memcpy(copy, x->b, cut);
        (void)netfilter_parse_capture(copy, cut, PROCNET_ORDER_BE, "cut", &b);
        assert_true(b.n <= 6);
    }
    for (i = 0; i < x->n; i++) {
        memcpy(copy, x->b, x->n);
        copy[i] ^= 0xff;
        (void)netfilter_parse_capture(copy, x->n, PROCNET_ORDER_BE, "flip", &b);
        assert_true(b.n <= NF_MAX_BLOCKS);
    }
    free(copy);
    free(x);
}

/* The table read from a real kernel (x86_64, little-endian), and the same
 * table rewritten big-endian: the same four blocks either way. */
static void test_kernel_captured(void **state)
{
    static const struct {
        const char *file;
        enum procnet_order o;
    } caps[] = {
        { D "live-legacy-x86_64-le.ipt", PROCNET_ORDER_LE },
        { D "live-legacy-x86_64-swapped-be.ipt", PROCNET_ORDER_BE },
    };
    static const char *const want[] = {
        "-A INPUT -p tcp -m tcp --dport 7547 -j DROP",
        "-A INPUT -p tcp -m tcp --dport 5555 -j DROP",
        "-A INPUT -i eth0 -p tcp -m multiport --dports 23,2323,7547 -j REJECT",
        "-A INPUT -p tcp -m tcp --dport 7000:8000 -j DROP",
        /* the user chain INPUT jumps to, followed in the kernel's table */
        "-A custom -p tcp -m tcp --dport 5555 -j DROP",
    };
    size_t i, k;

    (void)state;
    for (i = 0; i < 2; i++) {
        struct nf_blocks b;
        size_t len;
        char *buf = slurp(caps[i].file, &len);
        int rc;

        assert_int_equal(netfilter_parse_capture((const uint8_t *)buf, len, caps[i].o,
                                                 caps[i].file, &b), IH_OK);
        assert_int_equal(b.rules, 8);
        assert_int_equal(b.bad, 0);
        assert_int_equal(b.n, 5);
        for (k = 0; k < 5; k++) {
            assert_string_equal(b.v[k].text, want[k]);
        }
        assert_int_equal(b.v[2].verdict, NF_VERDICT_REJECT);
        util_diag_quiet = 1;
        rc = netfilter_parse_capture((const uint8_t *)buf, len,
                                     caps[i].o == PROCNET_ORDER_LE ? PROCNET_ORDER_BE :
                                     PROCNET_ORDER_LE, caps[i].file, &b);
        assert_true(rc != IH_OK);
        free(buf);
    }
}

/* ------------------------------------------------------------------ */
/* netfilter_scan over --root fixtures                                  */

#define MAXF 8

struct collect {
    unsigned n;
    struct finding f[MAXF];
};

static int collect_emit(void *ctx, const struct finding *f)
{
    struct collect *c = ctx;

    if (c->n >= MAXF) {
        return IH_ETOOBIG;
    }
    c->f[c->n++] = *f;
    return IH_OK;
}

struct root_case {
    const char *dir;
    unsigned n;
    enum finding_severity sev[3];
    const char *reason[3];
    const char *summary0;
    unsigned long errors, declared;
    const char *sources;
    unsigned long bad;
};

#define NOT_DECL "not declared in the persistent firewall config"

static const struct root_case root_cases[] = {
    /* the third: zone_wan_input, which INPUT jumps to */
    { D "root-worm", 3, { SEV_HIGH, SEV_HIGH, SEV_HIGH }, { NOT_DECL, NOT_DECL, NOT_DECL },
      "INPUT drops tcp dport 7547 [root dump iptables-save.txt]: -A INPUT -p tcp -m tcp --dport 7547 -j DROP",
      0, 0, "root-save", 0 },
    { D "root-lockdown-uci", 2, { SEV_LOW, SEV_LOW },
      { "declared in /etc/config/firewall", "declared in /etc/config/firewall" },
      "INPUT drops tcp dport 7547", 0, 2, "root-save", 0 },
    { D "root-lockdown-user", 2, { SEV_LOW, SEV_LOW },
      { "declared in /etc/firewall.user", "declared in /etc/firewall.user" },
      "INPUT drops tcp dport 7547", 0, 2, "root-save", 0 },
    { D "root-partial", 2, { SEV_LOW, SEV_HIGH },
      { "declared in /etc/iptables/rules.v4", NOT_DECL },
      "INPUT drops tcp dport 7547 [root dump", 0, 1, "root-save", 0 },
    { D "root-nft", 2, { SEV_HIGH, SEV_HIGH }, { NOT_DECL, NOT_DECL },
      "INPUT drops tcp dport 7547 [root dump iptables-save.txt]", 0, 0, "root-save,root-nft", 0 },
    { D "root-fw4-lockdown", 1, { SEV_LOW }, { "declared in /etc/nftables.conf" },
      "INPUT drops tcp dport 7547,5555 [root dump nft-ruleset.txt]: inet fw4 input: tcp dport { 5555, 7547 }",
      0, 1, "root-nft", 0 },
    { D "root-missing-dump", 0, { 0 }, { NULL }, NULL, 1, 0, "", 0 },
    /* fw3's and fw4's own Block-TR069 (in zone chains INPUT jumps to) and
     * an ip6 INPUT rule: declared in /etc/config/firewall, low */
    { D "root-clean", 3, { SEV_LOW, SEV_LOW, SEV_LOW },
      { "declared in /etc/config/firewall", "declared in /etc/config/firewall",
        "declared in /etc/config/firewall" },
      "INPUT drops tcp dport 7547 [root dump iptables-save.txt]: -A input_wan_rule", 0, 3,
      "root-save,root-nft", 0 },
    /* user chains: INPUT -> wan_in (5555) -> wan_tr069 (7547); "orphan" is
     * reached from nowhere */
    { D "root-userchain", 2, { SEV_HIGH, SEV_HIGH }, { NOT_DECL, NOT_DECL },
      "INPUT rejects tcp dport 5555 [root dump iptables-save.txt]: -A wan_in -p tcp", 0, 0,
      "root-save", 0 },
    /* an ISP lockdown in its own chain, IPv4 and IPv6, declared by a
     * firewall script that calls iptables through variables */
    { D "root-ipt-var", 3, { SEV_LOW, SEV_LOW, SEV_LOW },
      { "declared in /etc/firewall.user", "declared in /etc/firewall.user",
        "declared in /etc/firewall.user" },
      "INPUT drops tcp dport 7547 [root dump iptables-save.txt]: -A isp_lock", 0, 3,
      "root-save,root-save6", 0 },
    /* nft: a named set and a verdict map of ports in a chain input jumps
     * to; an ip6 table; a chain nothing jumps to */
    { D "root-nft-sets", 3, { SEV_HIGH, SEV_HIGH, SEV_HIGH }, { NOT_DECL, NOT_DECL, NOT_DECL },
      "INPUT rejects tcp dport 7547 (IPv6) [root dump nft-ruleset.txt]: ip6 v6filter INPUT:", 0,
      0, "root-nft", 0 },
    /* CRLF lines and a 10 kB line between the two rules (the fd line window) */
    { D "root-longline", 2, { SEV_HIGH, SEV_HIGH }, { NOT_DECL, NOT_DECL },
      "INPUT drops tcp dport 7547", 0, 0, "root-save", 1 },
};

static void test_scan_root(void **state)
{
    size_t i;

    (void)state;
    util_diag_quiet = 1;
    for (i = 0; i < sizeof root_cases / sizeof root_cases[0]; i++) {
        const struct root_case *c = &root_cases[i];
        struct finding_sink sink;
        struct netfilter_stats st;
        struct collect col;
        struct root r;
        unsigned k;

        print_message("root case %s\n", c->dir);
        memset(&col, 0, sizeof col);
        sink.emit = collect_emit;
        sink.ctx = &col;
        assert_int_equal(root_init(&r, c->dir), IH_OK);
        assert_int_equal(netfilter_scan(&r, 1764000000, &sink, &st), IH_OK);
        assert_int_equal(col.n, c->n);
        assert_int_equal(st.errors, c->errors);
        assert_int_equal(st.declared, c->declared);
        assert_string_equal(st.sources, c->sources);
        assert_int_equal(st.bad, c->bad);
        for (k = 0; k < col.n; k++) {
            assert_int_equal(col.f[k].type, FT_IPTABLES_TR069_BLOCK);
            assert_int_equal(col.f[k].severity, c->sev[k]);
            assert_string_equal(col.f[k].reason, c->reason[k]);
            assert_string_equal(col.f[k].proto, "tcp");
            assert_true(col.f[k].rule[0] != '\0');
            assert_int_equal(col.f[k].ts, 1764000000);
        }
        if (c->summary0) {
            assert_memory_equal(col.f[0].summary, c->summary0, strlen(c->summary0));
        }
    }
}

/* The rules' evidence: a named set or map names its ports (the allowlist's
 * lockdown entries match on them); IPv6 says so. */
static void test_scan_root_sets(void **state)
{
    struct finding_sink sink;
    struct collect col;
    struct root r;

    (void)state;
    memset(&col, 0, sizeof col);
    sink.emit = collect_emit;
    sink.ctx = &col;
    assert_int_equal(root_init(&r, D "root-nft-sets"), IH_OK);
    assert_int_equal(netfilter_scan(&r, 1, &sink, NULL), IH_OK);
    assert_int_equal(col.n, 3);
    assert_string_equal(col.f[1].rule,
                        "inet filter wan_in: tcp dport @tr069_ports counter packets 3 bytes 180 "
                        "drop (ports 7547,5555)");
    assert_string_equal(col.f[2].rule, "inet filter wan_in: tcp dport vmap @wan_ports (ports 7547)");
    assert_non_null(strstr(col.f[0].summary, "(IPv6)"));
    assert_null(strstr(col.f[1].summary, "(IPv6)"));
}

/* A sink error stops the scan and is returned. */
static int refuse_emit(void *ctx, const struct finding *f)
{
    (void)ctx;
    (void)f;
    return IH_EIO;
}

static void test_scan_sink_error(void **state)
{
    struct finding_sink sink = { refuse_emit, NULL };
    struct root r;

    (void)state;
    assert_int_equal(root_init(&r, D "root-worm"), IH_OK);
    assert_int_equal(netfilter_scan(&r, 1, &sink, NULL), IH_EIO);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_parsers),
        cmocka_unit_test(test_text_truncated),
        cmocka_unit_test(test_text_limits),
        cmocka_unit_test(test_kernel_built),
        cmocka_unit_test(test_kernel_corrupt),
        cmocka_unit_test(test_kernel_truncate_flip),
        cmocka_unit_test(test_kernel_captured),
        cmocka_unit_test(test_scan_root),
        cmocka_unit_test(test_scan_root_sets),
        cmocka_unit_test(test_scan_sink_error),
    };

    util_diag_quiet = 1;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
