/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_allow.c - the allowlist: parsing (good, malformed, truncated,
 * over-long), globs, and which findings each kind of entry matches.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "allow.h"
#include "util.h"

static void test_example_file(void **state)
{
    struct allowlist a;

    (void)state;
    allow_init(&a);
    assert_int_equal(allow_load_file(&a, "rules/allowlist.example"), IH_OK);
    assert_int_equal(a.n, 7);
    assert_int_equal(a.v[0].kind, ALLOW_LOCKDOWN);
    assert_int_equal(a.v[0].port, 7547);
    assert_int_equal(a.v[5].kind, ALLOW_EXE);
    assert_string_equal(a.v[5].value, "/usr/bin/nc");
    assert_string_equal(a.v[5].cmdline, "nc -l -p 23 -e /usr/lib/provision/*");
    allow_free(&a);
}

/* Each bad line is reported with its line number and counted; good lines
 * around it are kept. */
static void test_bad_lines(void **state)
{
    static const struct {
        const char *text;
        unsigned long bad;
        size_t kept;
    } cases[] = {
        { "ip 10.0.0.0/8\n", 0, 1 },
        { "ip 10.0.0.0/33\n", 1, 0 },
        { "ip 10.0.0.256\n", 1, 0 },
        { "ip ::1/129\n", 1, 0 },
        { "ip 2001:db8::/32 port=0\n", 1, 0 },
        { "ip 2001:db8::/32 port=65536\n", 1, 0 },
        { "ip 2001:db8::/32 port=53\n", 0, 1 },
        { "ip\n", 1, 0 },
        { "exe relative\n", 1, 0 },
        { "exe */nc\n", 0, 1 },
        { "exe /a cmdline=\n", 1, 0 },
        { "exe /a port=3\n", 1, 0 },
        { "hash 123\n", 1, 0 },
        { "hash d41d8cd98f00b204e9800998ecf8427G\n", 1, 0 },
        { "hash D41D8CD98F00B204E9800998ECF8427E\n", 0, 1 },
        { "domain -bad..example\n", 1, 0 },
        { "domain Example.ORG.\n", 0, 1 },
        { "lockdown 0\n", 1, 0 },
        { "lockdown 7547 type=port_grab\n", 1, 0 },
        { "type nope\n", 1, 0 },
        { "type port_grab\n", 0, 1 },
        { "ip 1.2.3.4 type=port_grab,\n", 1, 0 },
        { "ip 1.2.3.4 type=\n", 1, 0 },
        { "ip 1.2.3.4 type=port_grab,exe_deleted\n", 0, 1 },
        { "frob 1\n", 1, 0 },
        { "exe \"/tmp/a b\" # comment\n", 0, 1 },
        { "exe \"/tmp/unterminated\n", 1, 0 },
        { "exe \"/tmp/\\q\"\n", 1, 0 },
        { "exe /a\x01\n", 1, 0 },
        { "   # only a comment\n\n\t\n", 0, 0 },
        { "ip 1.2.3.4\nip bad\nip 5.6.7.8", 1, 2 },     /* no final newline */
        { "ip 1.2.3.4 a b c d e f g h i\n", 1, 0 },     /* too many tokens */
    };
    size_t i;

    util_diag_quiet = 1;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct allowlist a;
        unsigned long bad = 0;
        int rc;

        allow_init(&a);
        rc = allow_parse(&a, "t.allow", cases[i].text, strlen(cases[i].text), &bad);
        if (bad != cases[i].bad || a.n != cases[i].kept ||
            rc != (cases[i].bad ? IH_EPARSE : IH_OK)) {
            fail_msg("case %zu '%s': bad %lu kept %zu rc %d", i, cases[i].text, bad, a.n, rc);
        }
        allow_free(&a);
    }
    util_diag_quiet = 0;
}

static void test_limits(void **state)
{
    struct allowlist a;
    char *big;
    size_t i, n = (ALLOW_MAX_ENTRIES + 1) * 16;

    (void)state;
    util_diag_quiet = 1;
    big = malloc(n + ALLOW_MAX_LINE + 16);
    assert_non_null(big);
    /* one line over ALLOW_MAX_LINE */
    memcpy(big, "exe /", 5);
    memset(big + 5, 'a', ALLOW_MAX_LINE);
    allow_init(&a);
    assert_int_equal(allow_parse(&a, "t", big, ALLOW_MAX_LINE + 5, NULL), IH_EPARSE);
    assert_int_equal(a.n, 0);
    /* more entries than the cap */
    for (i = 0; i <= ALLOW_MAX_ENTRIES; i++) {
        memcpy(big + i * 16, "type port_grab \n", 16);
    }
    assert_int_equal(allow_parse(&a, "t", big, n, NULL), IH_ETOOBIG);
    assert_int_equal(a.n, ALLOW_MAX_ENTRIES);
    allow_free(&a);
    free(big);
    util_diag_quiet = 0;
}

static void test_glob(void **state)
{
    static const struct {
        const char *g, *s;
        int m;
    } cases[] = {
        { "/usr/bin/nc", "/usr/bin/nc", 1 },
        { "/usr/bin/nc", "/usr/bin/ncat", 0 },
        { "*/nc", "/usr/bin/nc", 1 },
        { "/tmp/*", "/tmp/a/b", 1 },
        { "/tmp/?", "/tmp/ab", 0 },
        { "/tmp/??", "/tmp/ab", 1 },
        { "*a*b*c*", "xxaxxbxxcxx", 1 },
        { "*a*b*c*", "xxaxxcxxbxx", 0 },
        { "", "", 1 },
        { "*", "", 1 },
        { "a", "", 0 },
        { "**************************b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 0 },
    };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (allow_glob(cases[i].g, cases[i].s) != cases[i].m) {
            fail_msg("glob '%s' on '%s'", cases[i].g, cases[i].s);
        }
    }
}

static void test_match(void **state)
{
    static const char list[] =
        "ip 192.168.1.0/24 type=ioc_connection\n"
        "ip 2001:db8::/32 port=53\n"
        "exe /tmp/tcpdump type=exe_in_tmpfs\n"
        "exe */nc cmdline=\"nc -l -p 23 *\" type=port_grab\n"
        "hash 0123456789abcdef0123456789abcdef\n"
        "domain example.org\n"
        "lockdown 7547\n"
        "type dns_bypass\n";
    static const struct {
        enum finding_type t;
        const char *remote, *local, *exe, *cmdline, *md5, *ioc, *rule;
        long line;      /* entry expected to match, 0: none */
    } cases[] = {
        { FT_IOC_CONNECTION, "192.168.1.77:23", "", "", "", "", "", "", 1 },
        { FT_IOC_CONNECTION, "192.168.2.77:23", "", "", "", "", "", "", 0 },
        { FT_PORT_GRAB, "192.168.1.77:23", "", "", "", "", "", "", 0 },     /* type= */
        { FT_IOC_CONNECTION, "", "192.168.1.1:80", "", "", "", "", "", 1 }, /* local too */
        { FT_PORT_GRAB, "[2001:db8::5]:53", "", "", "", "", "", "", 2 },
        { FT_PORT_GRAB, "[2001:db8::5]:54", "", "", "", "", "", "", 0 },
        { FT_PORT_GRAB, "[2001:db9::5]:53", "", "", "", "", "", "", 0 },
        { FT_EXE_IN_TMPFS, "", "", "/tmp/tcpdump", "", "", "", "", 3 },
        { FT_EXE_DELETED, "", "", "/tmp/tcpdump", "", "", "", "", 0 },
        { FT_PORT_GRAB, "", "", "/usr/bin/nc", "nc -l -p 23 -e /bin/sh", "", "", "", 4 },
        { FT_PORT_GRAB, "", "", "/usr/bin/nc", "nc -l -p 2323", "", "", "", 0 },
        { FT_PORT_GRAB, "", "", "/tmp/nc", "nc -l -p 23 x", "", "", "", 4 },
        { FT_HASH_MATCH, "", "", "", "", "0123456789ABCDEF0123456789ABCDEF", "", "", 5 },
        { FT_IOC_DOMAIN, "", "", "", "", "", "c2.example.org", "", 6 },
        { FT_IOC_DOMAIN, "", "", "", "", "", "badexample.org", "", 0 },
        { FT_IPTABLES_TR069_BLOCK, "", "", "", "", "", "",
          "-A INPUT -p tcp -m tcp --dport 7547 -j DROP", 7 },
        { FT_IPTABLES_TR069_BLOCK, "", "", "", "", "", "",
          "-A INPUT -p tcp -m tcp --dport 5555 -j DROP", 0 },
        { FT_IPTABLES_TR069_BLOCK, "", "", "", "", "", "",
          "-A INPUT -p tcp -m tcp --dport 75470 -j DROP", 0 },
        { FT_DNS_BYPASS, "8.8.8.8:53", "", "", "", "", "", "", 8 },
        { FT_SCANNER_ACTIVITY, "not-an-endpoint", "", "", "", "", "", "", 0 },
    };
    struct allowlist a;
    size_t i;

    (void)state;
    allow_init(&a);
    assert_int_equal(allow_parse(&a, "t", list, sizeof list - 1, NULL), IH_OK);
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct allow_entry *e;
        struct finding f;

        finding_init(&f, cases[i].t, SEV_HIGH, 0);
        finding_set(f.remote, sizeof f.remote, cases[i].remote);
        finding_set(f.local, sizeof f.local, cases[i].local);
        finding_set(f.exe, sizeof f.exe, cases[i].exe);
        finding_set(f.cmdline, sizeof f.cmdline, cases[i].cmdline);
        finding_set(f.md5, sizeof f.md5, cases[i].md5);
        finding_set(f.ioc, sizeof f.ioc, cases[i].ioc);
        finding_set(f.rule, sizeof f.rule, cases[i].rule);
        e = allow_match(&a, &f);
        if ((e ? (long)e->line : 0) != cases[i].line) {
            fail_msg("case %zu: matched line %ld, want %ld", i, e ? (long)e->line : 0L,
                     cases[i].line);
        }
    }
    allow_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_example_file),
        cmocka_unit_test(test_bad_lines),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_glob),
        cmocka_unit_test(test_match),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
