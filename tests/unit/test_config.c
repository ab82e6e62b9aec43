/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_config.c - the configuration parser: real files under
 * tests/data/config (every key, CRLF, IPv6) and a table of malformed and
 * truncated inputs, each of which must be refused naming the file and line.
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

#include "config.h"
#include "spool.h"
#include "util.h"

/* Run config_parse on TEXT with stderr captured into DIAG. */
static int parse_capture(const char *text, size_t len, struct config *c, char *diag, size_t cap)
{
    char tmpl[] = "/tmp/iothunt-cfg-XXXXXX";
    int fd = mkstemp(tmpl), saved, rc;
    ssize_t n;

    assert_true(fd >= 0);
    (void)unlink(tmpl);
    fflush(stderr);
    saved = dup(2);
    assert_true(saved >= 0);
    assert_true(dup2(fd, 2) == 2);
    config_defaults(c);
    rc = config_parse(text, len, "t.conf", c);
    fflush(stderr);
    assert_true(dup2(saved, 2) == 2);
    close(saved);
    n = pread(fd, diag, cap - 1, 0);
    close(fd);
    diag[n > 0 ? n : 0] = '\0';
    return rc;
}

static void test_full_file(void **st)
{
    struct config c;

    (void)st;
    assert_int_equal(config_load("tests/data/config/full.conf", &c), IH_OK);
    assert_string_equal(c.host, "collector.example.net");
    assert_int_equal(c.port, 8443);
    assert_string_equal(c.server_name, "collector.example.net");
    assert_string_equal(c.ca, "/etc/iothunt/ca.crt");
    assert_string_equal(c.cert, "/etc/iothunt/device.crt");
    assert_string_equal(c.key, "/etc/iothunt/device.key");
    assert_string_equal(c.spool_path, "/tmp/iothunt/spool");
    assert_string_equal(c.state_path, "/etc/iothunt.seq");
    assert_true(c.spool_max_bytes == 131072);
    assert_int_equal(c.spool_sync, 0);
    assert_int_equal(c.interval, 600);
    assert_int_equal(c.jitter, 60);
    assert_int_equal(c.timeout, 20);
    assert_int_equal(c.backoff_max, 1800);
    assert_int_equal(c.batch_max_bytes, 32768);
    assert_int_equal(c.n_rules, 2);
    assert_string_equal(c.rules[1], "/etc/iothunt/local.rules");
    assert_int_equal(c.n_iocs, 1);
    assert_string_equal(c.allow, "/etc/iothunt/allow.txt");
    assert_int_equal(c.builtin, 1);
    assert_int_equal(c.resolve, 0);
    assert_string_equal(c.root, "");
    assert_int_equal(config_check_delivery(&c, "full.conf"), IH_OK);
}

static void test_minimal_and_crlf(void **st)
{
    struct config c;

    (void)st;
    assert_int_equal(config_load("tests/data/config/minimal.conf", &c), IH_OK);
    assert_string_equal(c.host, "127.0.0.1");
    assert_int_equal(c.port, 8443);
    /* defaults stay */
    assert_int_equal(c.interval, 300);
    assert_int_equal(c.jitter, 30);
    assert_true(c.spool_max_bytes == 256 * 1024);
    assert_string_equal(c.spool_path, "/tmp/iothunt/spool");
    assert_int_equal(c.builtin, 1);
    assert_int_equal(config_load("tests/data/config/crlf-v6.conf", &c), IH_OK);
    assert_string_equal(c.host, "fd00::1");
    assert_int_equal(c.port, 443);
    assert_string_equal(c.key, "/k");
    assert_int_equal(config_load("tests/data/config/no-such.conf", &c), IH_ENOENT);
}

struct bad_case {
    const char *name;
    const char *text;       /* NULL: read tests/data/config/NAME */
    const char *diag;       /* expected in stderr */
};

static const struct bad_case bad_cases[] = {
    { "bad-unknown-key.conf", NULL, "t.conf:3: unknown key 'device_id'" },
    { "bad-port.conf", NULL, "t.conf:1: collector: bad port" },
    { "bad-twice.conf", NULL, "t.conf:2: 'interval' given twice" },
    { "bad-relative.conf", NULL, "t.conf:2: ca: path must be absolute" },
    { "bad-jitter.conf", NULL, "t.conf: jitter (61) larger than interval (60)" },
    { "bad-bool.conf", NULL, "t.conf:1: spool_sync: expected yes or no" },
    { "bad-noeq.conf", NULL, "t.conf:1: expected 'key = value'" },
    { "bad-overflow.conf", NULL, "t.conf:1: spool_max_bytes: number out of range" },
    { "no value", "timeout =\n", "t.conf:1: 'timeout' has no value" },
    { "zero port", "collector = host:0\n", "bad port" },
    { "no port", "collector = host\n", "expected host:port" },
    { "empty port", "collector = host:\n", "bad port" },
    { "bad host", "collector = ho_st:1\n", "bad host name" },
    { "list bad second", "collector = a:1 b:0\n", "bad port" },
    { "list too long", "collector = a:1 b:2 c:3 d:4 e:5\n", "too many collectors" },
    { "list empty", "collector = , ,\n", "expected host:port" },
    { "v6 unclosed", "collector = [fd00::1:443\n", "expected [IPv6]:port" },
    { "v6 no port", "collector = [fd00::1]\n", "expected [IPv6]:port" },
    { "v6 junk", "collector = [fd0g::1]:1\n", "bad IPv6 address" },
    { "interval low", "interval = 9\n", "number out of range" },
    { "interval sign", "interval = -5\n", "number out of range" },
    { "spool small", "spool_max_bytes = 1000\n", "number out of range" },
    { "timeout zero", "timeout = 0\n", "number out of range" },
    { "control", "ca = /a\x01" "b\n", "t.conf:1: control character" },
    { "line 3", "# x\n\nrules = relative\n", "t.conf:3: rules: path must be absolute" },
    { "server name", "server_name = a/b\n", "bad host name" },
    { "bad key chars", "Interval = 5\n", "unknown key 'Interval'" },
};

static void test_bad_inputs(void **st)
{
    size_t i;

    (void)st;
    for (i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
        const struct bad_case *b = &bad_cases[i];
        struct config c;
        char diag[512], *buf = NULL, path[128];
        size_t len;
        int rc;

        if (b->text) {
            rc = parse_capture(b->text, strlen(b->text), &c, diag, sizeof diag);
        } else {
            assert_int_equal(util_fmt(path, sizeof path, "tests/data/config/%s", b->name), IH_OK);
            assert_int_equal(util_read_file(path, CONFIG_FILE_MAX, &buf, &len), IH_OK);
            rc = parse_capture(buf, len, &c, diag, sizeof diag);
            free(buf);
        }
        if (rc != IH_EPARSE || !strstr(diag, b->diag)) {
            print_error("case '%s': rc %d, diag '%s', want '%s'\n", b->name, rc, diag, b->diag);
            fail();
        }
    }
}

/* `collector` as an ordered list; the first is the one in use. */
static void test_collector_list(void **st)
{
    static const char text[] = "collector = a.example:1, [fd00::1]:2\tb:3\n";
    struct config c;
    char diag[512];

    (void)st;
    assert_int_equal(parse_capture(text, sizeof text - 1, &c, diag, sizeof diag), IH_OK);
    assert_int_equal(c.n_collectors, 3);
    assert_string_equal(c.host, "a.example");
    assert_int_equal(c.port, 1);
    assert_string_equal(c.host_list[1], "fd00::1");
    assert_int_equal(c.port_list[1], 2);
    assert_string_equal(c.host_list[2], "b");
    assert_int_equal(c.port_list[2], 3);
    config_use_collector(&c, 2);
    assert_string_equal(c.host, "b");
    assert_int_equal(c.port, 3);
    config_use_collector(&c, 0);
    assert_string_equal(c.host, "a.example");
    assert_int_equal(c.port, 1);
}

static void test_long_line_and_lists(void **st)
{
    struct config c;
    char text[2048], diag[512];
    size_t i, n = 0;

    (void)st;
    /* a line over the cap is refused, the following lines still parsed */
    memset(text, 'a', 600);
    memcpy(text, "ca = /", 6);
    text[600] = '\n';
    memcpy(text + 601, "interval = 60\n", 14);
    assert_int_equal(parse_capture(text, 615, &c, diag, sizeof diag), IH_EPARSE);
    assert_non_null(strstr(diag, "t.conf:1: line longer than"));
    assert_int_equal(c.interval, 60);
    /* a path of exactly the maximum length fits, one more does not */
    n = 0;
    memcpy(text, "ca = /", 6);
    n = 6;
    for (i = 0; i < CONFIG_PATH_MAX - 2; i++) {
        text[n++] = 'p';
    }
    text[n++] = '\n';
    assert_int_equal(parse_capture(text, n, &c, diag, sizeof diag), IH_OK);
    assert_int_equal(strlen(c.ca), CONFIG_PATH_MAX - 1);
    text[n - 1] = 'p';
    text[n++] = '\n';
    assert_int_equal(parse_capture(text, n, &c, diag, sizeof diag), IH_EPARSE);
    assert_non_null(strstr(diag, "path too long"));
    /* 16 rules fit, the 17th is refused */
    n = 0;
    for (i = 0; i < 17; i++) {
        assert_int_equal(util_fmt(text + n, sizeof text - n, "rules = /r%zu\n", i), IH_OK);
        n += strlen(text + n);
    }
    assert_int_equal(parse_capture(text, n, &c, diag, sizeof diag), IH_EPARSE);
    assert_non_null(strstr(diag, "t.conf:17: rules: too many entries"));
    assert_int_equal(c.n_rules, 16);
    assert_string_equal(c.rules[15], "/r15");
    /* no trailing newline, blank-only lines, CR only at the end */
    assert_int_equal(parse_capture("  \t\n   interval=20", 18, &c, diag, sizeof diag), IH_OK);
    assert_int_equal(c.interval, 20);
    /* the default jitter (30) follows a short interval down to a tenth */
    assert_int_equal(c.jitter, 2);
}

static void test_truncations_never_crash(void **st)
{
    char *buf = NULL;
    size_t len, cut;
    struct config c;
    char diag[1024];

    (void)st;
    /* every prefix of a good file parses or is refused, cleanly */
    assert_int_equal(util_read_file("tests/data/config/full.conf", CONFIG_FILE_MAX, &buf, &len),
                     IH_OK);
    for (cut = 0; cut <= len; cut++) {
        int rc = parse_capture(buf, cut, &c, diag, sizeof diag);

        assert_true(rc == IH_OK || rc == IH_EPARSE);
        if (rc == IH_EPARSE) {
            assert_non_null(strstr(diag, "t.conf"));
        }
    }
    free(buf);
}

static void test_missing_delivery_keys(void **st)
{
    struct config c;
    char diag[512];

    (void)st;
    assert_int_equal(parse_capture("interval = 60\n", 14, &c, diag, sizeof diag), IH_OK);
    assert_int_equal(config_check_delivery(&c, "x.conf"), IH_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_file),
        cmocka_unit_test(test_minimal_and_crlf),
        cmocka_unit_test(test_bad_inputs),
        cmocka_unit_test(test_long_line_and_lists),
        cmocka_unit_test(test_collector_list),
        cmocka_unit_test(test_truncations_never_crash),
        cmocka_unit_test(test_missing_delivery_keys),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
