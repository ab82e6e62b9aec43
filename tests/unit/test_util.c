/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_util.c - the agent's own printf (util_fmt, util_print): every
 * conversion, flag, width and precision the agent uses, checked against
 * expected text and against the C library's snprintf; truncation at every
 * buffer size; output to a descriptor in pieces larger than its window;
 * a failed write to standard output is remembered; util_sort.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

/* Both formatters on the same arguments: same text, same status. */
#define SAME(...)                                                             \
    do {                                                                      \
        char a_[160], b_[160];                                                \
        int ra_ = util_fmt(a_, sizeof a_, __VA_ARGS__);                       \
        int rb_ = snprintf(b_, sizeof b_, __VA_ARGS__);                       \
        assert_int_equal(ra_, IH_OK);                                         \
        assert_true(rb_ >= 0 && (size_t)rb_ < sizeof b_);                     \
        assert_string_equal(a_, b_);                                          \
    } while (0)

static void test_conversions(void **state)
{
    const char *volatile nul = NULL;    /* hidden from the format checker */
    char buf[64];

    (void)state;
    assert_int_equal(util_fmt(buf, sizeof buf, "%d|%i|%u", -42, 7, 4294967295u), IH_OK);
    assert_string_equal(buf, "-42|7|4294967295");
    assert_int_equal(util_fmt(buf, sizeof buf, "%lld|%llu", LLONG_MIN, ULLONG_MAX), IH_OK);
    assert_string_equal(buf, "-9223372036854775808|18446744073709551615");
    assert_int_equal(util_fmt(buf, sizeof buf, "%x|%X|%04x|%02x", 0xbeefu, 0xbeefu, 0xau, 0u), IH_OK);
    assert_string_equal(buf, "beef|BEEF|000a|00");
    assert_int_equal(util_fmt(buf, sizeof buf, "[%-8s][%8s][%.3s][%.*s]", "ab", "cd", "abcdef", 2,
                              "xyz"), IH_OK);
    assert_string_equal(buf, "[ab      ][      cd][abc][xy]");
    assert_int_equal(util_fmt(buf, sizeof buf, "%c%c 100%% %s", 'o', 'k', "done"), IH_OK);
    assert_string_equal(buf, "ok 100% done");
    assert_int_equal(util_fmt(buf, sizeof buf, "%04d-%02d-%02d", 2026, 1, 9), IH_OK);
    assert_string_equal(buf, "2026-01-09");
    assert_int_equal(util_fmt(buf, sizeof buf, "%05d|%-5d|%5d", -42, -42, -42), IH_OK);
    assert_string_equal(buf, "-0042|-42  |  -42");
    assert_int_equal(util_fmt(buf, sizeof buf, "%zu %lu %ld", (size_t)123, 456ul, -789l), IH_OK);
    assert_string_equal(buf, "123 456 -789");
    assert_int_equal(util_fmt(buf, sizeof buf, "%*d|%-*d|%.0u|", 4, 7, 3, 7, 0u), IH_OK);
    assert_string_equal(buf, "   7|7  ||");
    assert_int_equal(util_fmt(buf, sizeof buf, "%s", nul), IH_OK);
    assert_string_equal(buf, "(null)");
    assert_int_equal(util_fmt(buf, sizeof buf, "%s", ""), IH_OK);
    assert_string_equal(buf, "");
}

static void test_against_libc(void **state)
{
    static const long long nums[] = { 0, 1, -1, 9, 10, 99, 100, 255, 65535, 65536, -2147483647 - 1,
                                      2147483647, 4294967295LL, 4294967296LL, 1000000000000LL,
                                      LLONG_MAX, LLONG_MIN };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof nums / sizeof nums[0]; i++) {
        long long v = nums[i];

        SAME("%lld %llu %llx %04lld %20lld %-20lld|", v, (unsigned long long)v,
             (unsigned long long)v, v, v, v);
        SAME("%d %u %x %X %08x %-8u| %.5d", (int)v, (unsigned)v, (unsigned)v, (unsigned)v,
             (unsigned)v, (unsigned)v, (int)v);
        SAME("%ld %lu %zu", (long)v, (unsigned long)v, (size_t)v);
    }
    SAME("%-4s %-10s %s", "OK", "cert", "a long string with spaces");
    SAME("%.16s|%.200s|%.100s", "0123456789abcdefXYZ", "short", "");
}

/* Truncation: every size from 0 up, always NUL-terminated, IH_ETRUNC. */
static void test_truncation(void **state)
{
    const char *want = "seq 18446744073709551615 at host";
    char buf[64];
    size_t n;

    (void)state;
    for (n = 0; n <= strlen(want) + 1; n++) {
        int rc;

        memset(buf, 'Z', sizeof buf);
        rc = util_fmt(buf, n, "seq %llu at %s", 18446744073709551615ULL, "host");
        if (n > strlen(want)) {
            assert_int_equal(rc, IH_OK);
            assert_string_equal(buf, want);
        } else {
            assert_int_equal(rc, IH_ETRUNC);
            if (n > 0) {
                assert_int_equal(strlen(buf), n - 1);
                assert_memory_equal(buf, want, n - 1);
            }
            assert_int_equal(buf[n], 'Z');      /* nothing past the buffer */
        }
    }
}

static void test_bad_conversion(void **state)
{
    char buf[16];
    const char *fmt = "%f";     /* not a format the agent has; a variable, unchecked */

    (void)state;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    assert_int_equal(util_fmt(buf, sizeof buf, fmt, 1.0), IH_EINVAL);
#pragma GCC diagnostic pop
    assert_string_equal(buf, "");
}

/* util_print writes everything, in several windows, before returning. */
static void test_print_fd(void **state)
{
    char big[1000], back[2048];
    int p[2];
    ssize_t got;
    size_t i;

    (void)state;
    for (i = 0; i + 1 < sizeof big; i++) {
        big[i] = (char)('a' + i % 26);
    }
    big[sizeof big - 1] = '\0';
    assert_int_equal(pipe(p), 0);
    assert_int_equal(util_print(p[1], "<%s|%d>", big, -5), IH_OK);
    close(p[1]);
    got = read(p[0], back, sizeof back);
    close(p[0]);
    assert_int_equal(got, (ssize_t)strlen(big) + 5);
    assert_memory_equal(back + 1, big, strlen(big));
    assert_memory_equal(back + got - 4, "|-5>", 4);
}

/* A write to a closed pipe fails; on standard output it is remembered. */
static void test_print_failure(void **state)
{
    int p[2], saved;

    (void)state;
    assert_int_equal(util_out_status(), IH_OK);
    assert_int_equal(pipe(p), 0);
    close(p[0]);
    saved = dup(1);
    assert_true(saved >= 0);
    assert_int_equal(dup2(p[1], 1), 1);
    close(p[1]);
    assert_int_equal(util_print(1, "lost %s\n", "line"), IH_EIO);
    assert_int_equal(dup2(saved, 1), 1);
    close(saved);
    assert_int_equal(util_out_status(), IH_EIO);
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x, y;

    memcpy(&x, a, 4);
    memcpy(&y, b, 4);
    return x < y ? -1 : x > y;
}

/* util_sort: sizes 0..300, random, sorted, reversed and equal keys; the
 * result is ordered and a permutation of the input (sum and xor kept). */
static void test_sort(void **state)
{
    uint32_t v[300], seed = 12345;
    size_t n, i, kind;

    (void)state;
    for (kind = 0; kind < 4; kind++) {
        for (n = 0; n <= 300; n += (n < 20 ? 1 : 37)) {
            uint32_t sum = 0, x = 0, sum2 = 0, x2 = 0;

            for (i = 0; i < n; i++) {
                seed = seed * 1103515245u + 12345u;
                v[i] = kind == 0 ? seed >> 8 : kind == 1 ? (uint32_t)i :
                       kind == 2 ? (uint32_t)(n - i) : 7u;
                sum += v[i];
                x ^= v[i];
            }
            util_sort(v, n, sizeof v[0], cmp_u32);
            for (i = 0; i < n; i++) {
                if (i > 0) {
                    assert_true(v[i - 1] <= v[i]);
                }
                sum2 += v[i];
                x2 ^= v[i];
            }
            assert_int_equal(sum, sum2);
            assert_int_equal(x, x2);
        }
    }
}

/* util_fmt_utc against libc's gmtime_r over 1900..9999, both signs. */
static void test_fmt_utc(void **st)
{
    static const int64_t fixed[] = { 0, -1, 86399, 86400, 951782400 /* 2000-02-29 */,
                                     4107542400LL /* 2100-03-01 */, -2208988800LL /* 1900 */,
                                     253402300799LL /* 9999-12-31T23:59:59 */ };
    int64_t t;
    uint32_t x = 12345;
    size_t i;

    (void)st;
    for (i = 0; i < sizeof fixed / sizeof fixed[0] + 20000; i++) {
        char got[32], want[32];
        struct tm tm;
        time_t tt;

        if (i < sizeof fixed / sizeof fixed[0]) {
            t = fixed[i];
        } else {
            x = x * 1103515245u + 12345u;
            /* spread over 1900 .. 9999 */
            t = -2208988800LL + (int64_t)((uint64_t)x * 2777u + (x >> 7)) % 255611289600LL;
        }
        tt = (time_t)t;
        if ((int64_t)tt != t) {
            continue;       /* a 32-bit time_t host */
        }
        assert_non_null(gmtime_r(&tt, &tm));
        assert_int_equal(util_fmt(want, sizeof want, "%04d-%02d-%02dT%02d:%02d:%02dZ",
                                  tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                                  tm.tm_min, tm.tm_sec), IH_OK);
        assert_int_equal(util_fmt_utc(got, sizeof got, t), IH_OK);
        assert_string_equal(got, want);
    }
    assert_int_equal(util_fmt_utc((char[8]){ 0 }, 8, 0), IH_ETRUNC);
}

/* util_caseeq against libc's strncasecmp and strcasecmp (ASCII case only:
 * both run in the C locale), on short strings over a small alphabet with
 * the bytes either side of the letters. */
static void test_caseeq(void **state)
{
    static const char alpha[] = "aAzZ@[`{0\xc4\xe4";
    char a[5], b[5];
    unsigned long i, j;
    size_t n;

    (void)state;
    srand(7);
    for (i = 0; i < 200000; i++) {
        size_t la = (size_t)rand() % 5, lb = (size_t)rand() % 5;

        for (j = 0; j < la; j++) {
            a[j] = alpha[rand() % (int)(sizeof alpha - 1)];
        }
        for (j = 0; j < lb; j++) {
            if (j < la && rand() % 2) {
                b[j] = (char)(a[j] ^ (rand() % 2 ? 0x20 : 0));
            } else {
                b[j] = alpha[rand() % (int)(sizeof alpha - 1)];
            }
        }
        a[la] = b[lb] = '\0';
        for (n = 0; n <= 5; n++) {
            assert_int_equal(util_caseeq(a, b, n), strncasecmp(a, b, n) == 0);
        }
        assert_int_equal(util_caseeq(a, b, SIZE_MAX), strcasecmp(a, b) == 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_conversions),
        cmocka_unit_test(test_against_libc),
        cmocka_unit_test(test_truncation),
        cmocka_unit_test(test_bad_conversion),
        cmocka_unit_test(test_print_fd),
        cmocka_unit_test(test_print_failure),
        cmocka_unit_test(test_sort),
        cmocka_unit_test(test_fmt_utc),
        cmocka_unit_test(test_caseeq),
    };

    signal(SIGPIPE, SIG_IGN);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
