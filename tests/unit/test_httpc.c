/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_httpc.c - the HTTP response parser over responses captured from
 * iothunt-collector (tests/data/http/collector-*.txt), hand-made framings
 * (chunked, EOF-delimited, 204) and malformed ones; every good response is
 * also fed one byte at a time, as it arrives off a slow link.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "httpc.h"
#include "util.h"

struct good_case {
    const char *file;
    int eof;                /* the response ends with the connection */
    int status;
    int keep_alive;
    const char *body;
    int has_acked;
    uint64_t acked;
};

static const struct good_case good_cases[] = {
    { "collector-200.txt", 0, 200, 1, "{\"acked\":5}", 1, 5 },
    { "collector-400.txt", 0, 400, 1,
      "{\"error\":\"line 1: invalid JSON at column 5: '[' or '{' expected near 'hello'\",\"line\":1}",
      0, 0 },
    { "collector-413.txt", 0, 413, 0, "{\"error\":\"body too large\"}", 0, 0 },
    { "chunked-200.txt", 0, 200, 1, "{\"acked\":42}", 1, 42 },
    { "eof-503.txt", 1, 503, 0, "{\"error\":\"store unavailable, retry later\"}", 0, 0 },
    { "nocontent-204.txt", 0, 204, 1, "", 0, 0 },
};

struct bad_case {
    const char *file;
    int rc;
};

static const struct bad_case bad_cases[] = {
    { "bad-bare-lf.txt", IH_EPARSE },
    { "bad-cl-and-te.txt", IH_EPARSE },
    { "bad-cl-conflict.txt", IH_EPARSE },
    { "bad-folded.txt", IH_EPARSE },
    { "bad-te-gzip.txt", IH_EUNSUPP },
    { "bad-100.txt", IH_EUNSUPP },
    { "bad-chunk-size.txt", IH_EPARSE },
    { "bad-cl-toobig.txt", IH_ETOOBIG },
    { "bad-version.txt", IH_EPARSE },
    { "bad-status.txt", IH_EPARSE },
    { "bad-chunk-crlf.txt", IH_EPARSE },
    { "bad-cl-negative.txt", IH_EPARSE },
};

static char *load(const char *name, size_t *len)
{
    char path[128], *buf = NULL;

    assert_int_equal(util_fmt(path, sizeof path, "tests/data/http/%s", name), IH_OK);
    assert_int_equal(util_read_file(path, 1 << 16, &buf, len), IH_OK);
    return buf;
}

static void test_good(void **st)
{
    size_t i;

    (void)st;
    for (i = 0; i < sizeof good_cases / sizeof good_cases[0]; i++) {
        const struct good_case *g = &good_cases[i];
        struct httpc_response r;
        size_t len, n;
        char *buf = load(g->file, &len);
        uint64_t acked;

        /* byte by byte: incomplete until the last byte, never an error */
        for (n = 0; n < len; n++) {
            assert_int_equal(httpc_parse_response(buf, n, 0, &r), IH_OK);
            if (r.complete) {
                print_error("%s: complete after %zu of %zu bytes\n", g->file, n, len);
                fail();
            }
        }
        assert_int_equal(httpc_parse_response(buf, len, g->eof, &r), IH_OK);
        assert_int_equal(r.complete, 1);
        assert_int_equal(r.status, g->status);
        assert_int_equal(r.keep_alive, g->keep_alive);
        assert_int_equal(r.consumed, len);
        assert_string_equal(r.body, g->body);
        assert_int_equal(r.body_len, strlen(g->body));
        if (g->has_acked) {
            assert_int_equal(httpc_parse_acked(r.body, r.body_len, &acked), IH_OK);
            assert_true(acked == g->acked);
        }
        /* cut short and closed: malformed, never taken as complete */
        if (!g->eof && len > 0) {
            int rc = httpc_parse_response(buf, len - 1, 1, &r);

            assert_int_equal(rc, IH_EPARSE);
        }
        free(buf);
    }
}

static void test_bad(void **st)
{
    size_t i;

    (void)st;
    for (i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
        struct httpc_response r;
        size_t len;
        char *buf = load(bad_cases[i].file, &len);
        int rc = httpc_parse_response(buf, len, 1, &r);

        if (rc != bad_cases[i].rc) {
            print_error("%s: rc %d, want %d\n", bad_cases[i].file, rc, bad_cases[i].rc);
            fail();
        }
        free(buf);
    }
}

static void test_pipelined_consumed(void **st)
{
    static const char two[] =
        "HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n{\"acked\":7}"
        "HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n{\"acked\":9}";
    struct httpc_response r;
    uint64_t a;

    (void)st;
    assert_int_equal(httpc_parse_response(two, sizeof two - 1, 0, &r), IH_OK);
    assert_int_equal(r.complete, 1);
    assert_int_equal(r.consumed, (sizeof two - 1) / 2);
    assert_int_equal(httpc_parse_acked(r.body, r.body_len, &a), IH_OK);
    assert_true(a == 7);
}

static void test_caps(void **st)
{
    char *big = malloc(HTTPC_RESP_MAX + 64);
    struct httpc_response r;
    size_t n;

    (void)st;
    assert_non_null(big);
    /* a head that never ends */
    memcpy(big, "HTTP/1.1 200 OK\r\nX: ", 20);
    memset(big + 20, 'a', HTTPC_HEAD_MAX);
    assert_int_equal(httpc_parse_response(big, HTTPC_HEAD_MAX + 20, 0, &r), IH_ETOOBIG);
    /* too many header lines */
    n = (size_t)snprintf(big, 64, "HTTP/1.1 200 OK\r\n");
    while (n + 8 < 4000) {
        memcpy(big + n, "A: b\r\n", 6);
        n += 6;
    }
    memcpy(big + n, "\r\n", 2);
    assert_int_equal(httpc_parse_response(big, n + 2, 0, &r), IH_ETOOBIG);
    /* an EOF-delimited body over the cap */
    n = (size_t)snprintf(big, 64, "HTTP/1.1 200 OK\r\n\r\n");
    memset(big + n, 'b', HTTPC_BODY_MAX + 1);
    assert_int_equal(httpc_parse_response(big, n + HTTPC_BODY_MAX + 1, 1, &r), IH_ETOOBIG);
    free(big);
}

static void test_acked(void **st)
{
    static const struct {
        const char *s;
        int rc;
        uint64_t v;
    } t[] = {
        { "{\"acked\":0}", IH_OK, 0 },
        { " {\n \"acked\" : 123456789012 }\r\n", IH_OK, 123456789012ULL },
        { "{\"acked\":9223372036854775807}", IH_OK, 9223372036854775807ULL },
        { "{\"acked\":9223372036854775808}", IH_EPARSE, 0 },
        { "{\"acked\":-1}", IH_EPARSE, 0 },
        { "{\"acked\":1.5}", IH_EPARSE, 0 },
        { "{\"acked\":\"5\"}", IH_EPARSE, 0 },
        { "{\"acked\":5,\"x\":1}", IH_EPARSE, 0 },
        { "{\"ack\":5}", IH_EPARSE, 0 },
        { "{\"acked\":5}x", IH_EPARSE, 0 },
        { "{\"acked\":}", IH_EPARSE, 0 },
        { "{\"acked\":5", IH_EPARSE, 0 },
        { "", IH_EPARSE, 0 },
    };
    size_t i;

    (void)st;
    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        uint64_t v = 0;
        int rc = httpc_parse_acked(t[i].s, strlen(t[i].s), &v);

        if (rc != t[i].rc || (rc == IH_OK && v != t[i].v)) {
            print_error("'%s': rc %d\n", t[i].s, rc);
            fail();
        }
    }
}

static void test_format_post(void **st)
{
    char buf[512];
    size_t len;

    (void)st;
    assert_int_equal(httpc_format_post(buf, sizeof buf, "127.0.0.1", 8443, 1234, &len), IH_OK);
    assert_int_equal(len, strlen(buf));
    assert_non_null(strstr(buf, "POST /v1/findings HTTP/1.1\r\nHost: 127.0.0.1:8443\r\n"));
    assert_non_null(strstr(buf, "\r\nContent-Type: application/x-ndjson\r\n"));
    assert_non_null(strstr(buf, "\r\nContent-Length: 1234\r\n\r\n"));
    assert_int_equal(httpc_format_post(buf, sizeof buf, "fd00::1", 443, 0, &len), IH_OK);
    assert_non_null(strstr(buf, "Host: [fd00::1]\r\n"));
    assert_int_equal(httpc_format_post(buf, 40, "127.0.0.1", 8443, 1, &len), IH_ETRUNC);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good),
        cmocka_unit_test(test_bad),
        cmocka_unit_test(test_pipelined_consumed),
        cmocka_unit_test(test_caps),
        cmocka_unit_test(test_acked),
        cmocka_unit_test(test_format_post),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
