/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_libc.c - behaviour of the device C library that the project relies
 * on.  The MIPS musl is built without floating-point and wide-character
 * formatting (toolchain/patches/musl/): every %e %f %g %a conversion, upper
 * case too, with flags, precision, length or a positional argument, and
 * every %lc %ls %C %S conversion fails with -1 and EINVAL instead of
 * printing; integer, character and string conversions are unaffected.  On
 * the host (glibc) only the unaffected part is checked.
 *
 * musl is also built non-PIC, with its PIC-only MIPS assembly rewritten
 * (toolchain/patches/musl/0003): sigsetjmp/siglongjmp with and without the
 * signal mask, and the error path of pipe(), run here on every target.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include <wchar.h>

/* Formats are assembled at run time: '?' in a template stands for the
 * conversion letter (the lint rejects these formats in literals). */
static void make_fmt(char *out, size_t cap, const char *tmpl, char conv)
{
    size_t i;

    for (i = 0; tmpl[i] && i + 1 < cap; i++) {
        out[i] = tmpl[i] == '?' ? conv : tmpl[i];
    }
    out[i] = '\0';
}

static int fmt_v(char *buf, size_t cap, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(buf, cap, fmt, ap);
    va_end(ap);
    return n;
}

static void test_integers_and_strings(void **state)
{
    char buf[64];

    (void)state;
    assert_int_equal(fmt_v(buf, sizeof buf, "%d|%5u|%-3s|%x|%lld|%%", -7, 42u, "ab", 0xbeefu,
                           -1234567890123LL), 34);
    assert_string_equal(buf, "-7|   42|ab |beef|-1234567890123|%");
    assert_int_equal(fmt_v(buf, sizeof buf, "%2$s-%1$d", 5, "x"), 3);
    assert_string_equal(buf, "x-5");
}

static void test_float_conversions_fail(void **state)
{
    static const char convs[] = "eEfFgGaA";
    static const char *const tmpls[] = { "%?", "x=%d y=%?", "%5.2?", "%+#0?", "%L?", "%1$?" };
    char fmt[16], buf[64];
    size_t c, t;
    int n;

    (void)state;
#ifndef __mips__
    skip();
#endif
    for (c = 0; c < sizeof convs - 1; c++) {
        for (t = 0; t < sizeof tmpls / sizeof tmpls[0]; t++) {
            make_fmt(fmt, sizeof fmt, tmpls[t], convs[c]);
            errno = 0;
            if (tmpls[t][1] == 'L') {
                n = fmt_v(buf, sizeof buf, fmt, (long double)1.5);
            } else if (tmpls[t][0] == 'x') {
                n = fmt_v(buf, sizeof buf, fmt, 1, 1.5);
            } else {
                n = fmt_v(buf, sizeof buf, fmt, 1.5);
            }
            if (n != -1 || errno != EINVAL) {
                fail_msg("format \"%s\": returned %d, errno %d", fmt, n, errno);
            }
        }
    }
}

static void test_wide_conversions_fail(void **state)
{
    static const wchar_t ws[] = { 'a', 'b', 0 };
    static const char *const tmpls[] = { "%l?", "x=%d y=%l?", "%5l?", "%1$l?" };
    char fmt[16], buf[64];
    size_t c, t;
    int n;

    (void)state;
#ifndef __mips__
    skip();
#endif
    for (c = 0; c < 4; c++) {
        for (t = 0; t < sizeof tmpls / sizeof tmpls[0]; t++) {
            /* %lc and %ls, then the same as %C and %S */
            make_fmt(fmt, sizeof fmt, tmpls[t], "cscs"[c]);
            if (c >= 2) {
                char *l = strchr(fmt, 'l');

                memmove(l, l + 1, strlen(l));
                *l = c == 2 ? 'C' : 'S';
            }
            errno = 0;
            if (tmpls[t][0] == 'x' && c % 2) {
                n = fmt_v(buf, sizeof buf, fmt, 1, ws);
            } else if (tmpls[t][0] == 'x') {
                n = fmt_v(buf, sizeof buf, fmt, 1, (wint_t)'a');
            } else if (c % 2) {
                n = fmt_v(buf, sizeof buf, fmt, ws);
            } else {
                n = fmt_v(buf, sizeof buf, fmt, (wint_t)'a');
            }
            if (n != -1 || errno != EINVAL) {
                fail_msg("format \"%s\": returned %d, errno %d", fmt, n, errno);
            }
        }
    }
    /* the narrow ones still work */
    assert_int_equal(fmt_v(buf, sizeof buf, "[%c|%3s]", 'z', "ab"), 7);
    assert_string_equal(buf, "[z| ab]");
}

static sigjmp_buf jump_env;

static int sigusr1_blocked(void)
{
    sigset_t now;

    assert_int_equal(sigprocmask(SIG_BLOCK, NULL, &now), 0);
    return sigismember(&now, SIGUSR1);
}

static void block_sigusr1_and_jump(int value)
{
    sigset_t set;

    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    assert_int_equal(sigprocmask(SIG_BLOCK, &set, NULL), 0);
    siglongjmp(jump_env, value);
}

static void test_sigsetjmp(void **state)
{
    volatile int rounds = 0;
    int r;

    (void)state;
    assert_false(sigusr1_blocked());
    /* savemask 1: the jump restores the mask saved by sigsetjmp */
    r = sigsetjmp(jump_env, 1);
    rounds++;
    if (r == 0) {
        block_sigusr1_and_jump(7);
    }
    assert_int_equal(r, 7);
    assert_int_equal(rounds, 2);
    assert_false(sigusr1_blocked());
    /* savemask 0: the mask set before the jump stays */
    r = sigsetjmp(jump_env, 0);
    rounds++;
    if (r == 0) {
        block_sigusr1_and_jump(0); /* siglongjmp(env, 0) returns 1 */
    }
    assert_int_equal(r, 1);
    assert_int_equal(rounds, 4);
    assert_true(sigusr1_blocked());
    {
        sigset_t set;

        sigemptyset(&set);
        sigaddset(&set, SIGUSR1);
        assert_int_equal(sigprocmask(SIG_UNBLOCK, &set, NULL), 0);
    }
}

static void test_pipe(void **state)
{
    struct rlimit old, none;
    int fd[2] = { -1, -1 };
    int r, err;

    (void)state;
    assert_int_equal(pipe(fd), 0);
    assert_true(fd[0] >= 0 && fd[1] >= 0 && fd[0] != fd[1]);
    assert_int_equal(write(fd[1], "x", 1), 1);
    {
        char c = 0;

        assert_int_equal(read(fd[0], &c, 1), 1);
        assert_int_equal(c, 'x');
    }
    close(fd[0]);
    close(fd[1]);
    /* no descriptor may be opened: pipe() fails through its error path */
    assert_int_equal(getrlimit(RLIMIT_NOFILE, &old), 0);
    none = old;
    none.rlim_cur = 0;
    assert_int_equal(setrlimit(RLIMIT_NOFILE, &none), 0);
    errno = 0;
    r = pipe(fd);
    err = errno;
    assert_int_equal(setrlimit(RLIMIT_NOFILE, &old), 0);
    assert_int_equal(r, -1);
    assert_int_equal(err, EMFILE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_integers_and_strings),
        cmocka_unit_test(test_float_conversions_fail),
        cmocka_unit_test(test_wide_conversions_fail),
        cmocka_unit_test(test_sigsetjmp),
        cmocka_unit_test(test_pipe),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
