/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_ioc.c - the IOC store: ThreatFox CSV and JSON exports, plain and
 * defanged lists, malformed records with their exact file:line, lookups,
 * caps, and every truncation of the good inputs.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ioc.h"
#include "util.h"

/* ThreatFox samples (tests/data/threatfox/SOURCE.md); tests run from the
 * repository root */
#define SHARED "tests/data/threatfox/"

/* ---- stderr capture: util_diag output is part of the contract -------- */

static FILE *cap_file;
static int cap_saved = -1;

static void capture_begin(void)
{
    fflush(stderr);
    cap_file = tmpfile();
    assert_non_null(cap_file);
    cap_saved = dup(2);
    assert_true(cap_saved >= 0);
    assert_true(dup2(fileno(cap_file), 2) >= 0);
}

/* Stop capturing; returns the captured text (caller frees). */
static char *capture_end(void)
{
    char *buf;
    long n;

    fflush(stderr);
    assert_true(dup2(cap_saved, 2) >= 0);
    close(cap_saved);
    n = ftell(cap_file);
    assert_true(n >= 0);
    buf = calloc(1, (size_t)n + 1);
    assert_non_null(buf);
    rewind(cap_file);
    assert_int_equal(fread(buf, 1, (size_t)n, cap_file), (size_t)n);
    fclose(cap_file);
    return buf;
}

static struct ioc_store *new_store(void)
{
    struct ioc_store *s = NULL;

    assert_int_equal(ioc_store_new(&s), IH_OK);
    assert_non_null(s);
    return s;
}

/* ---- whole files: counts and the exact diagnostics ------------------- */

static const struct {
    const char *path;
    int rc;
    unsigned long loaded, bad, dups;   /* loaded includes ip:port taken from URLs */
    const char *diags;      /* every diagnostic line, in order */
} files[] = {
    { "tests/data/ioc/good.csv", IH_OK, 8, 0, 1, "" },
    { "tests/data/ioc/bad.csv", IH_OK, 2, 9, 0,
      "tests/data/ioc/bad.csv:3: ioc_value does not fit its ioc_type: '192.0.2.300:80'\n"
      "tests/data/ioc/bad.csv:4: malformed CSV record (quotes or separators)\n"
      "tests/data/ioc/bad.csv:5: ioc_value does not fit its ioc_type: '192.0.2.3'\n"
      "tests/data/ioc/bad.csv:6: unsupported ioc_type: 'envelope_from'\n"
      "tests/data/ioc/bad.csv:7: CSV record has too few fields\n"
      "tests/data/ioc/bad.csv:8: ioc_value does not fit its ioc_type: 'not a domain'\n"
      "tests/data/ioc/bad.csv:9: ioc_value does not fit its ioc_type: '0123456789abcdef'\n"
      "tests/data/ioc/bad.csv:10: ioc_value does not fit its ioc_type: '192.0.2.4:0'\n"
      "tests/data/ioc/bad.csv:11: malformed CSV record (quotes or separators)\n" },
    { "tests/data/ioc/reordered.csv", IH_OK, 2, 0, 0, "" },
    { "tests/data/ioc/good.json", IH_OK, 3, 0, 0, "" },
    { "tests/data/ioc/bad-entries.json", IH_OK, 1, 3, 0,
      "tests/data/ioc/bad-entries.json:3: ioc_value does not fit its ioc_type: '203.0.113.1:99999'\n"
      "tests/data/ioc/bad-entries.json:10: IOC object without ioc_value or ioc_type\n"
      "tests/data/ioc/bad-entries.json:21: unsupported ioc_type: 'sha3_384_hash'\n" },
    { "tests/data/ioc/broken.json", IH_EPARSE, 1, 1, 0,
      "tests/data/ioc/broken.json:14: JSON: expected ',' or '}'\n" },
    { "tests/data/ioc/plain.txt", IH_OK, 13, 5, 0,
      "tests/data/ioc/plain.txt:13: more than one value on the line\n"
      "tests/data/ioc/plain.txt:14: not an ip, ip:port, domain, url or hash: '999.1.1.1'\n"
      "tests/data/ioc/plain.txt:15: not an ip, ip:port, domain, url or hash: '-bad-.example'\n"
      "tests/data/ioc/plain.txt:16: more than one value on the line\n"
      "tests/data/ioc/plain.txt:17: not an ip, ip:port, domain, url or hash: '203.0.113.55:65536'\n" },
    { "tests/data/ioc/longline.txt", IH_OK, 2, 1, 0, "tests/data/ioc/longline.txt:2: line too long\n" },
    { "tests/data/ioc/crlf.txt", IH_OK, 2, 0, 0, "" },
    { SHARED "mirai-seed.csv", IH_OK, 3, 0, 0, "" },
    { SHARED "mirai-seed-defanged.txt", IH_OK, 3, 0, 0, "" },
    { "tests/data/ioc/no-such-file.csv", IH_ENOENT, 0, 0, 0,
      "tests/data/ioc/no-such-file.csv: cannot load IOCs: not found\n" },
};

static void test_load_files(void **state)
{
    size_t i;

    (void)state;
    for (i = 0; i < sizeof files / sizeof files[0]; i++) {
        struct ioc_store *s = new_store();
        struct ioc_stats st;
        char *diag;
        int rc;

        memset(&st, 0, sizeof st);
        capture_begin();
        rc = ioc_load_file(s, files[i].path, &st);
        diag = capture_end();
        if (rc != files[i].rc || st.loaded != files[i].loaded || st.bad != files[i].bad ||
            st.dups != files[i].dups || strcmp(diag, files[i].diags) != 0) {
            print_error("%s: rc %d loaded %lu bad %lu dups %lu\n%s", files[i].path, rc, st.loaded,
                        st.bad, st.dups, diag);
        }
        assert_int_equal(rc, files[i].rc);
        assert_int_equal(st.loaded, files[i].loaded);
        assert_int_equal(st.bad, files[i].bad);
        assert_int_equal(st.dups, files[i].dups);
        assert_string_equal(diag, files[i].diags);
        assert_int_equal(ioc_count(s, IOC__KIND_COUNT), files[i].loaded);
        free(diag);
        ioc_store_free(s);
    }
}

/* ---- one plain line each: type inference, refanging, canonical form -- */

static const struct {
    const char *line;
    int kind;               /* -1: rejected */
    const char *canon;
} lines[] = {
    { "103[.]245[.]27[.]100:80", IOC_IP_PORT, "103.245.27.100:80" },
    { "152.236.6.8:28291", IOC_IP_PORT, "152.236.6.8:28291" },
    { "vbotnt1[.]duckdns[.]org", IOC_DOMAIN, "vbotnt1.duckdns.org" },
    { "VBOTNT1.DuckDNS.org.", IOC_DOMAIN, "vbotnt1.duckdns.org" },
    { "10.0.0.1", IOC_IP, "10.0.0.1" },
    { "10.0.0.1[:]23", IOC_IP_PORT, "10.0.0.1:23" },
    { "[::1]:48101", IOC_IP_PORT, "[::1]:48101" },
    { "[::ffff:10.1.2.3]:80", IOC_IP_PORT, "10.1.2.3:80" },
    { "fe80::1", IOC_IP, "fe80::1" },
    { "1:2:3:4:5:6:7:8", IOC_IP, "1:2:3:4:5:6:7:8" },
    { "::", IOC_IP, "::" },
    { "hxxp://x[.]example/a", IOC_URL, "http://x.example/a" },
    { "hXXps[://]X.Example/Path?Q=A", IOC_URL, "https://x.example/Path?Q=A" },
    { "fxp://h.example/f", IOC_URL, "ftp://h.example/f" },
    { "http://h.example", IOC_URL, "http://h.example" },
    { "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", IOC_MD5, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" },
    { "a.b-c.d_e.example", IOC_DOMAIN, "a.b-c.d_e.example" },
    { "xn--bcher-kva.example", IOC_DOMAIN, "xn--bcher-kva.example" },
    /* rejected */
    { "localhost", -1, NULL },
    { "1.2.3", -1, NULL },
    { "1.2.3.4.5", -1, NULL },
    { "01.2.3.4", -1, NULL },
    { "1.2.3.4:", -1, NULL },
    { "1.2.3.4:x", -1, NULL },
    { "1.2.3.4:-1", -1, NULL },
    { "[::1]", IOC_IP, "::1" },
    { "[::1]:", -1, NULL },
    { "[::1", -1, NULL },
    { "1::2::3", -1, NULL },
    { "1:2:3:4:5:6:7:8:9", -1, NULL },
    { "1:2:3:4:5:6:7", -1, NULL },
    { "12345::1", -1, NULL },
    { "1:", -1, NULL },
    { ":1", -1, NULL },
    { "::1:", -1, NULL },
    { "://nohost", -1, NULL },
    { "http:///path", -1, NULL },
    { "http://", -1, NULL },
    { "1http://x.example", -1, NULL },
    { "a..example", -1, NULL },
    { "a.example-", -1, NULL },
    { "x.123", -1, NULL },
    { "[.]", -1, NULL },
    { "ab\x01.example", -1, NULL },
    /* 32/40/64 characters that are not hex (found by fuzz_ioc:
     * tests/data/ioc/regress/ctrl-hash-kind.bin) */
    { "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", -1, NULL },
    { "\x03zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", -1, NULL },
    { "a\xc3\xa9.example", -1, NULL },
};

static void test_plain_lines(void **state)
{
    size_t i;

    (void)state;
    util_diag_quiet = 1;
    for (i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        struct ioc_store *s = new_store();
        struct ioc_stats st;
        const struct ioc_entry *e;
        size_t it = 0;

        memset(&st, 0, sizeof st);
        assert_int_equal(ioc_load_buf(s, "t.txt", lines[i].line, strlen(lines[i].line),
                                      IOC_FMT_PLAIN, &st), IH_OK);
        if (lines[i].kind < 0) {
            if (st.loaded != 0) {
                print_error("accepted: '%s'\n", lines[i].line);
            }
            assert_int_equal(st.loaded, 0);
            assert_int_equal(st.bad, 1);
            assert_int_equal(st.first_bad_line, 1);
        } else {
            e = ioc_next(s, (enum ioc_kind)lines[i].kind, &it);
            if (!e || strcmp(e->value, lines[i].canon) != 0) {
                print_error("'%s' -> '%s'\n", lines[i].line, e ? e->value : "(none)");
            }
            assert_non_null(e);
            assert_string_equal(e->value, lines[i].canon);
            assert_string_equal(e->source, "list:t.txt");
            assert_int_equal(st.loaded, 1);
        }
        ioc_store_free(s);
    }
    util_diag_quiet = 0;
}

/* ---- URLs on an address host: the endpoint a download goes to -------- */

static const struct {
    const char *url;
    const char *endpoint;   /* NULL: none derived */
} urls[] = {
    { "http://1.2.3.4/x", "1.2.3.4:80" },
    { "https://1.2.3.4:8443/x", "1.2.3.4:8443" },
    { "ftp://user:pw@1.2.3.4/x", "1.2.3.4:21" },
    { "hxxp://[2001:db8::1]/bins/mips", "[2001:db8::1]:80" },
    { "http://1.2.3.4?q=1", "1.2.3.4:80" },
    { "HTTP://1.2.3.4#f", "1.2.3.4:80" },
    { "tftp://1.2.3.4/x", NULL },
    { "http://evil.example/x", NULL },
    { "http://1.2.3.4:0/x", NULL },
    { "http://1.2.3.4:99999/x", NULL },
    { "http://1.2.3/x", NULL },
    { "http://@/x", NULL },
};

static void test_url_endpoints(void **state)
{
    size_t i;

    (void)state;
    for (i = 0; i < sizeof urls / sizeof urls[0]; i++) {
        struct ioc_store *s = new_store();
        struct ioc_stats st;
        const struct ioc_entry *e;
        size_t it = 0;

        memset(&st, 0, sizeof st);
        assert_int_equal(ioc_load_buf(s, "u.txt", urls[i].url, strlen(urls[i].url), IOC_FMT_PLAIN, &st),
                         IH_OK);
        assert_int_equal(st.bad, 0);
        assert_int_equal(ioc_count(s, IOC_URL), 1);
        e = ioc_next(s, IOC_IP_PORT, &it);
        if (urls[i].endpoint) {
            if (!e || strcmp(e->value, urls[i].endpoint) != 0) {
                print_error("%s -> %s\n", urls[i].url, e ? e->value : "(none)");
            }
            assert_non_null(e);
            assert_string_equal(e->value, urls[i].endpoint);
            assert_non_null(ioc_find_ip(s, e->family, e->addr, e->port));
            assert_int_equal(st.derived, 1);
            assert_int_equal(st.loaded, 2);
        } else {
            assert_null(e);
            assert_int_equal(st.derived, 0);
            assert_int_equal(st.loaded, 1);
        }
        ioc_store_free(s);
    }
}

/* ---- lookups ----------------------------------------------------------- */

static struct ioc_store *load_all(const char *const *paths, size_t n)
{
    struct ioc_store *s = new_store();
    size_t i;

    util_diag_quiet = 1;
    for (i = 0; i < n; i++) {
        (void)ioc_load_file(s, paths[i], NULL);
    }
    util_diag_quiet = 0;
    return s;
}

static void v4(uint8_t *a, uint8_t x, uint8_t y, uint8_t z, uint8_t w)
{
    memset(a, 0, 16);
    a[0] = x;
    a[1] = y;
    a[2] = z;
    a[3] = w;
}

static void test_lookups(void **state)
{
    static const char *const paths[] = {
        "tests/data/ioc/good.csv", "tests/data/ioc/good.json", "tests/data/ioc/plain.txt"
    };
    struct ioc_store *s = load_all(paths, 3);
    const struct ioc_entry *e;
    uint8_t a[16];
    char src[96];

    (void)state;
    /* ip:port matches its port only; the more confident duplicate stays */
    v4(a, 198, 51, 100, 7);
    e = ioc_find_ip(s, 4, a, 23);
    assert_non_null(e);
    assert_int_equal(e->kind, IOC_IP_PORT);
    assert_string_equal(e->value, "198.51.100.7:23");
    assert_string_equal(e->source, "threatfox:botnet_cc:Mirai:75");
    assert_int_equal(e->confidence, 75);
    assert_true(e->first_seen == 1709296245LL);   /* 2024-03-01 12:30:45 UTC */
    assert_int_equal(ioc_format_source(e, src, sizeof src), IH_OK);
    assert_string_equal(src, "threatfox:botnet_cc:Mirai:75:2024-03-01");
    assert_null(ioc_find_ip(s, 4, a, 24));
    assert_null(ioc_find_ip(s, 4, a, 0));
    /* a plain ip matches every port */
    v4(a, 203, 0, 113, 50);
    e = ioc_find_ip(s, 4, a, 1);
    assert_non_null(e);
    assert_int_equal(e->kind, IOC_IP);
    assert_non_null(ioc_find_ip(s, 4, a, 65535));
    /* the IPv4-mapped form of an IPv4 IOC, and an IPv4 IOC given as ::ffff: */
    memset(a, 0, 16);
    a[10] = 0xff;
    a[11] = 0xff;
    a[12] = 203;
    a[13] = 0;
    a[14] = 113;
    a[15] = 50;
    assert_non_null(ioc_find_ip(s, 6, a, 80));
    v4(a, 203, 0, 113, 54);
    assert_non_null(ioc_find_ip(s, 4, a, 80));
    /* IPv6 */
    memset(a, 0, 16);
    a[0] = 0x20;
    a[1] = 0x01;
    a[2] = 0x0d;
    a[3] = 0xb8;
    a[15] = 5;
    e = ioc_find_ip(s, 6, a, 8080);
    assert_non_null(e);
    assert_string_equal(e->value, "[2001:db8::5]:8080");
    assert_null(ioc_find_ip(s, 6, a, 8081));
    assert_null(ioc_find_ip(s, 5, a, 8080));
    /* domains: case, trailing dot, subdomains, never the parent */
    e = ioc_find_domain(s, "Evil-C2.Example.NET.");
    assert_non_null(e);
    assert_string_equal(e->value, "evil-c2.example.net");
    assert_string_equal(e->source, "threatfox:botnet_cc:Mirai:100");
    assert_non_null(ioc_find_domain(s, "a.b.evil-c2.example.net"));
    assert_null(ioc_find_domain(s, "example.net"));
    assert_null(ioc_find_domain(s, "xevil-c2.example.net"));
    assert_null(ioc_find_domain(s, "net"));
    assert_null(ioc_find_domain(s, ""));
    assert_null(ioc_find_domain(s, "bad host"));
    e = ioc_find_domain(s, "bad-host.example.com");
    assert_non_null(e);
    assert_string_equal(e->source, "threatfox:botnet_cc:Mirai:75");
    assert_non_null(ioc_find_domain(s, "c2.example.net"));
    /* hashes, either case */
    e = ioc_find_hash(s, "0123456789ABCDEF0123456789abcdef");
    assert_non_null(e);
    assert_int_equal(e->kind, IOC_MD5);
    assert_string_equal(e->source, "threatfox:payload:Mirai:100");
    e = ioc_find_hash(s, "DA39A3EE5E6B4B0D3255BFEF95601890AFD80709");
    assert_non_null(e);
    assert_string_equal(e->source, "threatfox:payload:Bashlite:90");
    assert_non_null(ioc_find_hash(s, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    assert_null(ioc_find_hash(s, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b856"));
    assert_null(ioc_find_hash(s, "xyz"));
    assert_null(ioc_find_hash(s, ""));
    /* URLs: refanged and case-folded like the feed */
    e = ioc_find_url(s, "HTTP://203.0.113.9/bins/mips");
    assert_non_null(e);
    assert_string_equal(e->source, "threatfox:payload_delivery:Mirai:50");
    assert_null(ioc_find_url(s, "http://203.0.113.9/BINS/mips"));
    e = ioc_find_url(s, "https://files.example.org/bins/x86");
    assert_non_null(e);
    assert_int_equal(e->first_seen, 0);
    assert_int_equal(ioc_format_source(e, src, sizeof src), IH_OK);
    assert_string_equal(src, "threatfox:payload_delivery:Mirai:50");
    assert_non_null(ioc_find_url(s, "hxxps://payload[.]example[.]org/a?b=1"));
    /* URLs on an address host also give the endpoint they are fetched from */
    v4(a, 203, 0, 113, 9);
    e = ioc_find_ip(s, 4, a, 80);
    assert_non_null(e);
    assert_string_equal(e->value, "203.0.113.9:80");
    assert_string_equal(e->source, "threatfox:payload_delivery:Mirai:50");
    assert_null(ioc_find_ip(s, 4, a, 443));
    v4(a, 203, 0, 113, 56);
    e = ioc_find_ip(s, 4, a, 21);
    assert_non_null(e);
    assert_string_equal(e->source, "list:plain.txt");
    /* a too-small buffer is reported */
    assert_int_equal(ioc_format_source(e, src, 8), IH_ETRUNC);
    ioc_store_free(s);
}

/* The three Mirai IOCs, from the shared CSV, the defanged list and the
 * agent's built-in table, must be the same indicators. */
static void test_mirai_sources_agree(void **state)
{
    static const char *const one[] = { SHARED "mirai-seed.csv" };
    static const char *const two[] = { SHARED "mirai-seed-defanged.txt" };
    struct ioc_store *a = load_all(one, 1), *b = load_all(two, 1), *c = new_store();
    struct ioc_stats st;
    int k;

    (void)state;
    memset(&st, 0, sizeof st);
    assert_int_equal(ioc_load_builtin(c, &st), IH_OK);
    assert_int_equal(st.bad, 0);
    assert_true(st.loaded >= 3);
    for (k = 0; k < IOC__KIND_COUNT; k++) {
        const struct ioc_entry *ea, *eb;
        size_t ia = 0, ib = 0;

        assert_int_equal(ioc_count(a, (enum ioc_kind)k), ioc_count(b, (enum ioc_kind)k));
        while ((ea = ioc_next(a, (enum ioc_kind)k, &ia)) != NULL) {
            eb = ioc_next(b, (enum ioc_kind)k, &ib);
            assert_non_null(eb);
            assert_string_equal(ea->value, eb->value);
        }
    }
    {
        uint8_t addr[16];
        const struct ioc_entry *e;

        v4(addr, 103, 245, 27, 100);
        e = ioc_find_ip(c, 4, addr, 80);
        assert_non_null(e);
        assert_string_equal(e->source, "threatfox:payload_delivery:Mirai:100");
        v4(addr, 152, 236, 6, 8);
        e = ioc_find_ip(c, 4, addr, 28291);
        assert_non_null(e);
        assert_string_equal(e->source, "threatfox:botnet_cc:Mirai:100");
        assert_null(ioc_find_ip(c, 4, addr, 28292));
        e = ioc_find_domain(c, "vbotnt1.duckdns.org");
        assert_non_null(e);
        assert_string_equal(e->source, "threatfox:botnet_cc:Mirai:100");
        assert_non_null(ioc_find_domain(a, "vbotnt1.duckdns.org"));
        e = ioc_find_domain(b, "vbotnt1.duckdns.org");
        assert_non_null(e);
        assert_string_equal(e->source, "list:mirai-seed-defanged.txt");
        assert_null(ioc_find_domain(c, "duckdns.org"));
    }
    ioc_store_free(a);
    ioc_store_free(b);
    ioc_store_free(c);
}

/* ---- caps and scale ----------------------------------------------------- */

static void test_entry_cap_and_search(void **state)
{
    size_t n = IOC_MAX_ENTRIES + 10, i, len = 0;
    char *buf = malloc(n * 24);
    struct ioc_store *s = new_store();
    struct ioc_stats st;
    char *diag;

    (void)state;
    assert_non_null(buf);
    for (i = 0; i < n; i++) {
        /* 10.x.y.z:port, inserted in an order unrelated to the sort */
        size_t k = (i * 7919) % n;

        len += (size_t)snprintf(buf + len, 24, "10.%u.%u.%u:%u\n", (unsigned)(k >> 16) & 255,
                                (unsigned)(k >> 8) & 255, (unsigned)k & 255, 1000 + (unsigned)(k % 50));
    }
    memset(&st, 0, sizeof st);
    capture_begin();
    assert_int_equal(ioc_load_buf(s, "big.txt", buf, len, IOC_FMT_AUTO, &st), IH_OK);
    diag = capture_end();
    assert_int_equal(st.loaded, IOC_MAX_ENTRIES);
    assert_int_equal(st.dropped, 10);
    assert_int_equal(ioc_count(s, IOC_IP_PORT), IOC_MAX_ENTRIES);
    /* reported once, at the first line dropped */
    {
        char want[128];

        snprintf(want, sizeof want, "big.txt:%u: IOC store full (max %u indicators, 4194304 bytes): "
                 "rest dropped\n", (unsigned)IOC_MAX_ENTRIES + 1, (unsigned)IOC_MAX_ENTRIES);
        assert_string_equal(diag, want);
    }
    free(diag);
    /* every kept indicator is found by binary search, its neighbours not */
    for (i = 0; i < IOC_MAX_ENTRIES; i += 7) {
        size_t k = (i * 7919) % n;
        uint8_t a[16];

        v4(a, 10, (uint8_t)(k >> 16), (uint8_t)(k >> 8), (uint8_t)k);
        assert_non_null(ioc_find_ip(s, 4, a, (uint16_t)(1000 + k % 50)));
        assert_null(ioc_find_ip(s, 4, a, (uint16_t)(1050 + k % 50)));
    }
    free(buf);
    ioc_store_free(s);
}

/* IPv4 indicators are packed: at most 24 bytes of store each (the device
 * budget), their text and source still given by lookups and iteration. */
static void test_ipv4_packed(void **state)
{
    size_t n = 20000, i, len = 0, it = 0;
    char *buf = malloc(n * 120);
    struct ioc_store *s = new_store();
    struct ioc_stats st;
    const struct ioc_entry *e;
    uint8_t a[16];

    (void)state;
    assert_non_null(buf);
    for (i = 0; i < n; i++) {
        len += (size_t)snprintf(buf + len, 120, "\"2024-03-01 12:30:45\", \"%zu\", \"10.%u.%u.%u%s\", "
                                "\"%s\", \"botnet_cc\", \"elf.mirai\", \"None\", \"Mirai\", \"\", \"%u\"\n",
                                i, (unsigned)(i >> 16) & 255, (unsigned)(i >> 8) & 255, (unsigned)i & 255,
                                i % 2 ? "" : ":23", i % 2 ? "ip" : "ip:port", i % 3 ? 75u : 100u);
    }
    memset(&st, 0, sizeof st);
    assert_int_equal(ioc_load_buf(s, "v4.csv", buf, len, IOC_FMT_CSV, &st), IH_OK);
    assert_int_equal(st.loaded, n);
    assert_true(ioc_store_bytes(s) <= 24 * n);
    assert_int_equal(ioc_count(s, IOC_IP), n / 2);
    assert_int_equal(ioc_count(s, IOC_IP_PORT), n / 2);
    v4(a, 10, 0, 0, 4);
    e = ioc_find_ip(s, 4, a, 23);
    assert_non_null(e);
    assert_string_equal(e->value, "10.0.0.4:23");
    assert_string_equal(e->source, "threatfox:botnet_cc:Mirai:75");
    assert_int_equal(e->first_seen, 1709296245);
    assert_null(ioc_find_ip(s, 4, a, 24));
    v4(a, 10, 0, 0, 3);
    e = ioc_find_ip(s, 4, a, 999);
    assert_non_null(e);
    assert_string_equal(e->value, "10.0.0.3");
    assert_string_equal(e->source, "threatfox:botnet_cc:Mirai:100");
    /* iteration in canonical order */
    e = ioc_next(s, IOC_IP, &it);
    assert_string_equal(e->value, "10.0.0.1");
    e = ioc_next(s, IOC_IP, &it);
    assert_string_equal(e->value, "10.0.0.3");
    free(buf);
    ioc_store_free(s);
}

/* first_seen at the end of the supported range: 9999-12-31T23:59:59 is
 * shown; a leap second after it (year 10000) is an unreadable date like
 * any other: no date in the source, and the indicator still loads. */
static void test_first_seen_range(void **state)
{
    static const char csv[] =
        "\"9999-12-31 23:59:59\", \"1\", \"last.example.net\", \"domain\", \"botnet_cc\", "
        "\"elf.mirai\", \"None\", \"Mirai\", \"\", \"75\"\n"
        "\"9999-12-31 23:59:60\", \"2\", \"leap.example.net\", \"domain\", \"botnet_cc\", "
        "\"elf.mirai\", \"None\", \"Mirai\", \"\", \"75\"\n";
    struct ioc_store *s = new_store();
    struct ioc_stats st;
    const struct ioc_entry *e;
    char src[96];

    (void)state;
    memset(&st, 0, sizeof st);
    assert_int_equal(ioc_load_buf(s, "range.csv", csv, sizeof csv - 1, IOC_FMT_CSV, &st), IH_OK);
    assert_int_equal(st.loaded, 2);
    assert_int_equal(st.bad, 0);
    e = ioc_find_domain(s, "last.example.net");
    assert_non_null(e);
    assert_true(e->first_seen == 253402300799LL);
    assert_int_equal(ioc_format_source(e, src, sizeof src), IH_OK);
    assert_string_equal(src, "threatfox:botnet_cc:Mirai:75:9999-12-31");
    e = ioc_find_domain(s, "leap.example.net");
    assert_non_null(e);
    assert_true(e->first_seen == 0);
    assert_int_equal(ioc_format_source(e, src, sizeof src), IH_OK);
    assert_string_equal(src, "threatfox:botnet_cc:Mirai:75");
    ioc_store_free(s);
}

static void test_byte_cap(void **state)
{
    size_t n = 6000, i, len = 0, each = IOC_MAX_VALUE - 10;
    char *buf = malloc(n * (each + 1));
    struct ioc_store *s = new_store();
    struct ioc_stats st;

    (void)state;
    assert_non_null(buf);
    for (i = 0; i < n; i++) {
        int w = snprintf(buf + len, 32, "http://h%zu.example/", i);

        memset(buf + len + w, 'p', each - (size_t)w);
        len += each;
        buf[len++] = '\n';
    }
    memset(&st, 0, sizeof st);
    util_diag_quiet = 1;
    assert_int_equal(ioc_load_buf(s, "urls.txt", buf, len, IOC_FMT_PLAIN, &st), IH_OK);
    util_diag_quiet = 0;
    assert_true(st.dropped > 0);
    assert_int_equal(st.loaded + st.dropped, n);
    assert_true(st.loaded * each <= IOC_MAX_BYTES);
    assert_true(st.loaded > 3000);
    free(buf);
    ioc_store_free(s);
}

/* Every prefix of the good inputs loads without a fault, and never more
 * indicators than the whole file. */
static void test_truncations(void **state)
{
    static const struct {
        const char *path;
        unsigned long whole;
    } t[] = {
        { "tests/data/ioc/good.csv", 8 }, { "tests/data/ioc/good.json", 3 },
        { "tests/data/ioc/plain.txt", 13 },
    };
    size_t i, cut;

    (void)state;
    util_diag_quiet = 1;
    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        char *buf;
        size_t len;

        assert_int_equal(util_read_file(t[i].path, 1 << 20, &buf, &len), IH_OK);
        for (cut = 0; cut <= len; cut++) {
            struct ioc_store *s = new_store();
            struct ioc_stats st;
            char *copy = malloc(cut ? cut : 1);
            int rc;

            assert_non_null(copy);
            memcpy(copy, buf, cut);
            memset(&st, 0, sizeof st);
            rc = ioc_load_buf(s, t[i].path, copy, cut, IOC_FMT_AUTO, &st);
            assert_true(rc == IH_OK || rc == IH_EPARSE);
            assert_true(st.loaded <= t[i].whole);
            if (cut == len) {
                assert_int_equal(rc, IH_OK);
                assert_int_equal(st.loaded, t[i].whole);
            }
            free(copy);
            ioc_store_free(s);
        }
        free(buf);
    }
    util_diag_quiet = 0;
}

static void test_json_shapes(void **state)
{
    static const struct {
        const char *json;
        int rc;
        unsigned long loaded;
    } t[] = {
        { "{}", IH_OK, 0 },
        { "[]", IH_OK, 0 },
        { " {\"query_status\":\"ok\",\"data\":[{\"ioc\":\"x\",\"ioc_value\":\"a.example\",\"ioc_type\":\"domain\"}]}",
          IH_OK, 1 },
        { "[{\"ioc_value\":\"1.2.3.4:5\",\"ioc_type\":\"ip:port\",\"confidence_level\":100.0}]", IH_OK, 1 },
        { "{\"1\":[{\"ioc_value\":\"\\u0061.example\",\"ioc_type\":\"domain\"}]}", IH_OK, 1 },
        { "{\"1\":[{\"ioc_value\":\"\\ud83d\\ude00.example\",\"ioc_type\":\"domain\"}]}", IH_OK, 0 },
        { "{\"1\":[{\"ioc_value\":\"\\ud83d.example\",\"ioc_type\":\"domain\"}]}", IH_EPARSE, 0 },
        { "{\"1\":[{\"ioc_value\":\"a\\x.example\",\"ioc_type\":\"domain\"}]}", IH_EPARSE, 0 },
        { "{\"1\":[{\"ioc_value\":\"a.example\",\"ioc_type\":\"domain\"}]} x", IH_EPARSE, 1 },
        { "{\"1\":[{\"ioc_value\":\"a.example\",\"ioc_type\":\"domain\"},]}", IH_EPARSE, 1 },
        { "{\"1\":[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]}", IH_EPARSE, 0 },
        { "{\"1\":[{\"ioc_value\":\"a.example\",\"ioc_type\":\"domain\",\"t\":[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]}]}",
          IH_EPARSE, 0 },
        { "{\"1\":[{\"ioc_value\":\"a.example\",\"ioc_type\":\"domain\",\"n\":-1.5e+3}]}", IH_OK, 1 },
        { "{\"1\":[{\"ioc_value\":\"a.example\",\"ioc_type\":\"domain\",\"n\":-}]}", IH_EPARSE, 0 },
        { "{\"1\":[{\"ioc_value\":\"a\nb\",\"ioc_type\":\"domain\"}]}", IH_EPARSE, 0 },
        { "{\"1\":[{\"ioc_value\":\"a.example\",\"ioc_type\":\"domain\"", IH_EPARSE, 0 },
        { "{\"1\" [", IH_EPARSE, 0 },
        { "{", IH_EPARSE, 0 },
    };
    size_t i;

    (void)state;
    util_diag_quiet = 1;
    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        struct ioc_store *s = new_store();
        struct ioc_stats st;
        int rc;

        memset(&st, 0, sizeof st);
        rc = ioc_load_buf(s, "t.json", t[i].json, strlen(t[i].json), IOC_FMT_AUTO, &st);
        if (rc != t[i].rc || st.loaded != t[i].loaded) {
            print_error("case %zu: rc %d loaded %lu\n", i, rc, st.loaded);
        }
        assert_int_equal(rc, t[i].rc);
        assert_int_equal(st.loaded, t[i].loaded);
        ioc_store_free(s);
    }
    util_diag_quiet = 0;
}

/* ---- streamed files: lines across read boundaries, overlong lines ---- */

static char *write_temp(const char *text, size_t len, char *path, size_t n)
{
    int fd;

    assert_int_equal(util_fmt(path, n, "%s", "/tmp/test_ioc.XXXXXX"), IH_OK);
    fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, len), (ssize_t)len);
    close(fd);
    return path;
}

static void test_streamed_file(void **state)
{
    size_t cap = 1 << 20, len = 0, i;
    char *buf = malloc(cap), path[64], expect[256], *diag;
    struct ioc_store *a = new_store(), *b = new_store();
    struct ioc_stats sa, sb;
    int rc;

    (void)state;
    assert_non_null(buf);
    len += (size_t)snprintf(buf + len, cap - len, "# \"ioc_type\",\"ioc_value\",\"threat_type\"\n");
    for (i = 0; i < 3000; i++) {
        if (i == 700 || i == 2100) {
            /* overlong: 3 and 5 times the line cap, across read boundaries */
            len += (size_t)snprintf(buf + len, cap - len, "\"domain\",\"");
            memset(buf + len, 'a', IOC_MAX_LINE * (i == 700 ? 3 : 5));
            len += IOC_MAX_LINE * (i == 700 ? 3 : 5);
            buf[len++] = '\n';
        } else if (i == 2999) {
            len += (size_t)snprintf(buf + len, cap - len, "\"ip:port\",\"10.9.9.9\",\"botnet_cc\"");
        } else {
            len += (size_t)snprintf(buf + len, cap - len, "\"ip:port\",\"10.0.%u.%u:%u\",\"botnet_cc\"%s\n",
                                    (unsigned)(i >> 8), (unsigned)(i & 255), 1 + (unsigned)i,
                                    (i & 1) ? "\r" : "");
        }
    }
    write_temp(buf, len, path, sizeof path);
    memset(&sa, 0, sizeof sa);
    memset(&sb, 0, sizeof sb);
    capture_begin();
    rc = ioc_load_file(a, path, &sa);
    diag = capture_end();
    assert_int_equal(rc, IH_OK);
    /* line 702 and 2102 (header is line 1), and the unterminated last line */
    assert_int_equal(util_fmt(expect, sizeof expect,
                              "%s:702: line too long\n%s:2102: line too long\n"
                              "%s:3001: ioc_value does not fit its ioc_type: '10.9.9.9'\n",
                              path, path, path), IH_OK);
    assert_string_equal(diag, expect);
    free(diag);
    assert_int_equal(sa.loaded, 2997);
    assert_int_equal(sa.bad, 3);
    /* the same bytes from memory give the same store */
    util_diag_quiet = 1;
    assert_int_equal(ioc_load_buf(b, path, buf, len, IOC_FMT_AUTO, &sb), IH_OK);
    util_diag_quiet = 0;
    assert_int_equal(sb.loaded, sa.loaded);
    assert_int_equal(sb.bad, sa.bad);
    for (i = 0; i < 2999; i += 13) {
        uint8_t addr[16];

        if (i == 700 || i == 2100) {
            continue;
        }
        v4(addr, 10, 0, (uint8_t)(i >> 8), (uint8_t)i);
        assert_non_null(ioc_find_ip(a, 4, addr, (uint16_t)(1 + i)));
        assert_non_null(ioc_find_ip(b, 4, addr, (uint16_t)(1 + i)));
    }
    unlink(path);
    free(buf);
    ioc_store_free(a);
    ioc_store_free(b);
}

/* A reader that hands out STEP bytes at a time, failing after FAIL_AT. */
struct chunks {
    const char *p;
    size_t left, step, fail_at, given;
};

static int chunks_read(void *ctx, char *buf, size_t cap, size_t *got)
{
    struct chunks *c = ctx;
    size_t n = c->step < cap ? c->step : cap;

    if (c->fail_at && c->given >= c->fail_at) {
        return IH_EIO;
    }
    if (n > c->left) {
        n = c->left;
    }
    memcpy(buf, c->p, n);
    c->p += n;
    c->left -= n;
    c->given += n;
    *got = n;
    return IH_OK;
}

static void test_stream_chunks(void **state)
{
    static const size_t steps[] = { 1, 2, 7, 4096, 4097, 9000 };
    size_t i, k;

    (void)state;
    util_diag_quiet = 1;
    for (i = 0; i < sizeof files / sizeof files[0]; i++) {
        char *buf;
        size_t len;

        if (files[i].rc == IH_ENOENT) {
            continue;
        }
        assert_int_equal(util_read_file(files[i].path, 1 << 20, &buf, &len), IH_OK);
        for (k = 0; k < sizeof steps / sizeof steps[0]; k++) {
            struct chunks c = { buf, len, steps[k], 0, 0 };
            struct ioc_store *s = new_store();
            struct ioc_stats st;

            memset(&st, 0, sizeof st);
            assert_int_equal(ioc_load_stream(s, files[i].path, chunks_read, &c, &st), files[i].rc);
            assert_int_equal(st.loaded, files[i].loaded);
            assert_int_equal(st.bad, files[i].bad);
            assert_int_equal(st.dups, files[i].dups);
            ioc_store_free(s);
        }
        free(buf);
    }
    util_diag_quiet = 0;
    {
        /* a read error part-way: reported with the line it interrupted */
        static const char text[] = "10.0.0.1\n10.0.0.2\n10.0.0.3\n";
        struct chunks c = { text, sizeof text - 1, 9, 9, 0 };
        struct ioc_store *s = new_store();
        struct ioc_stats st;
        char *diag;

        memset(&st, 0, sizeof st);
        capture_begin();
        assert_int_equal(ioc_load_stream(s, "pipe", chunks_read, &c, &st), IH_EIO);
        diag = capture_end();
        assert_string_equal(diag, "pipe: cannot load IOCs: I/O error\n");
        free(diag);
        ioc_store_free(s);
    }
    {
        /* later: 910 whole lines fit the first 8194 bytes read */
        size_t n = 1333 * 9;
        char *text = malloc(n);
        struct chunks c;
        struct ioc_store *s = new_store();
        struct ioc_stats st;
        char *diag;

        assert_non_null(text);
        for (i = 0; i < 1333; i++) {
            memcpy(text + 9 * i, "10.0.0.1\n", 9);
            text[9 * i + 7] = (char)('0' + i % 10);
        }
        c.p = text;
        c.left = n;
        c.step = 9;
        c.fail_at = 9000;
        c.given = 0;
        memset(&st, 0, sizeof st);
        capture_begin();
        assert_int_equal(ioc_load_stream(s, "pipe", chunks_read, &c, &st), IH_EIO);
        diag = capture_end();
        assert_string_equal(diag, "pipe:911: read error: I/O error\n");
        assert_int_equal(st.loaded + st.dups, 910);
        assert_int_equal(ioc_count(s, IOC_IP), 10);
        free(diag);
        free(text);
        ioc_store_free(s);
    }
}

/* A file over IOC_MAX_FILE is refused before anything is read (sparse). */
static void test_file_cap(void **state)
{
    struct ioc_store *s = new_store();
    char path[64], expect[128], *diag;
    int fd;

    (void)state;
    write_temp("1.2.3.4\n", 8, path, sizeof path);
    fd = open(path, O_WRONLY);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, (off_t)IOC_MAX_FILE + 1), 0);
    close(fd);
    capture_begin();
    assert_int_equal(ioc_load_file(s, path, NULL), IH_ETOOBIG);
    diag = capture_end();
    assert_int_equal(util_fmt(expect, sizeof expect, "%s: cannot load IOCs: input too large\n", path), IH_OK);
    assert_string_equal(diag, expect);
    assert_int_equal(ioc_count(s, IOC__KIND_COUNT), 0);
    free(diag);
    unlink(path);
    ioc_store_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load_files),
        cmocka_unit_test(test_plain_lines),
        cmocka_unit_test(test_url_endpoints),
        cmocka_unit_test(test_lookups),
        cmocka_unit_test(test_mirai_sources_agree),
        cmocka_unit_test(test_entry_cap_and_search),
        cmocka_unit_test(test_ipv4_packed),
        cmocka_unit_test(test_first_seen_range),
        cmocka_unit_test(test_byte_cap),
        cmocka_unit_test(test_truncations),
        cmocka_unit_test(test_json_shapes),
        cmocka_unit_test(test_streamed_file),
        cmocka_unit_test(test_stream_chunks),
        cmocka_unit_test(test_file_cap),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
