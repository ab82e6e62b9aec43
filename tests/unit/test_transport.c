/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_transport.c - certificate handling of the transport without a
 * network: the unset-clock rule (DESIGN.md section 5) clears only the
 * validity-period flags (an expired or not-yet-valid certificate passes
 * when the device clock is before the build time, and fails when it is
 * set), a certificate from another CA fails either way, and a key that does
 * not match its certificate is refused at start-up.  Certificates are
 * static files in tests/data/tls (see its README).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "transport.h"
#include "util.h"

#include <mbedtls/x509.h>

static void cfg_for(struct config *c, const char *cert, const char *key)
{
    config_defaults(c);
    (void)util_strlcpy(c->host, "127.0.0.1", sizeof c->host);
    c->port = 9;
    (void)util_strlcpy(c->ca, "tests/data/tls/ca.crt", sizeof c->ca);
    (void)util_fmt(c->cert, sizeof c->cert, "tests/data/tls/%s", cert);
    (void)util_fmt(c->key, sizeof c->key, "tests/data/tls/%s", key);
}

struct clock_case {
    const char *cert, *key;
    int clock_set;          /* device time now, else before the build */
    int rc;                 /* of transport_check_own */
    uint32_t must, must_not;
};

static const struct clock_case clock_cases[] = {
    { "expired.crt", "expired.key", 1, IH_EAUTH, MBEDTLS_X509_BADCERT_EXPIRED, 0 },
    { "expired.crt", "expired.key", 0, IH_OK, 0, MBEDTLS_X509_BADCERT_EXPIRED },
    { "future.crt", "future.key", 1, IH_EAUTH, MBEDTLS_X509_BADCERT_FUTURE, 0 },
    { "future.crt", "future.key", 0, IH_OK, 0, MBEDTLS_X509_BADCERT_FUTURE },
    /* only the validity period is forgiven: a foreign CA still fails */
    { "other-expired.crt", "expired.key", 0, IH_EAUTH, MBEDTLS_X509_BADCERT_NOT_TRUSTED,
      MBEDTLS_X509_BADCERT_EXPIRED },
    { "other-expired.crt", "expired.key", 1, IH_EAUTH,
      MBEDTLS_X509_BADCERT_NOT_TRUSTED | MBEDTLS_X509_BADCERT_EXPIRED, 0 },
};

static void test_unset_clock(void **st)
{
    size_t i;

    (void)st;
    for (i = 0; i < sizeof clock_cases / sizeof clock_cases[0]; i++) {
        const struct clock_case *k = &clock_cases[i];
        struct transport *t = calloc(1, sizeof *t);
        struct config c;
        uint32_t flags = 0;
        int64_t now = k->clock_set ? (int64_t)time(NULL) : (int64_t)IOTHUNT_BUILD_TIME - 86400;
        int rc;

        assert_non_null(t);
        cfg_for(&c, k->cert, k->key);
        assert_int_equal(transport_init(t, &c, now), IH_OK);
        assert_int_equal(t->clock_unset, !k->clock_set);
        rc = transport_check_own(t, &flags);
        if (rc != k->rc || (flags & k->must) != k->must || (flags & k->must_not)) {
            print_error("case %zu (%s, clock %s): rc %d flags 0x%x\n", i, k->cert,
                        k->clock_set ? "set" : "unset", rc, (unsigned)flags);
            fail();
        }
        transport_free(t);
        free(t);
    }
}

static void test_key_mismatch_and_bad_files(void **st)
{
    struct transport *t = calloc(1, sizeof *t);
    struct config c;
    char cn[80];

    (void)st;
    assert_non_null(t);
    util_diag_quiet = 1;
    cfg_for(&c, "expired.crt", "stranger.key");
    assert_int_equal(transport_init(t, &c, (int64_t)time(NULL)), IH_EAUTH);
    cfg_for(&c, "expired.crt", "no-such.key");
    assert_int_equal(transport_init(t, &c, (int64_t)time(NULL)), IH_ENOENT);
    /* a key file is not a certificate */
    cfg_for(&c, "expired.key", "expired.key");
    assert_int_equal(transport_init(t, &c, (int64_t)time(NULL)), IH_EPARSE);
    cfg_for(&c, "expired.crt", "expired.crt");
    assert_int_equal(transport_init(t, &c, (int64_t)time(NULL)), IH_EPARSE);
    util_diag_quiet = 0;
    /* the agent id is the certificate CN */
    cfg_for(&c, "future.crt", "future.key");
    assert_int_equal(transport_init(t, &c, (int64_t)time(NULL)), IH_OK);
    assert_int_equal(transport_own_cn(t, cn, sizeof cn), IH_OK);
    assert_string_equal(cn, "dev-future");
    assert_int_equal(transport_own_cn(t, cn, 5), IH_ETRUNC);
    transport_free(t);
    free(t);
}

static void test_backoff(void **st)
{
    struct transport *t = calloc(1, sizeof *t);
    struct config c;
    uint32_t prev = 0, w;
    int i;

    (void)st;
    assert_non_null(t);
    cfg_for(&c, "future.crt", "future.key");
    c.backoff_max = 300;
    assert_int_equal(transport_init(t, &c, (int64_t)time(NULL)), IH_OK);
    /* 10, 20, 40 ... capped at 300, each within +-25% */
    for (i = 0; i < 12; i++) {
        uint32_t base = 10u << (i < 5 ? i : 5);

        if (base > 300) {
            base = 300;
        }
        w = transport_backoff_next(t);
        /* base - span/2 .. base + span/2 with span = base/2 */
        assert_true(w >= base - base / 2 / 2 && w <= base - base / 2 / 2 + base / 2);
        assert_int_equal(t->backoff, base);
        prev = w;
    }
    (void)prev;
    t->backoff = 0;
    w = transport_backoff_next(t);
    assert_true(w >= 8 && w <= 13);
    transport_free(t);
    free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unset_clock),
        cmocka_unit_test(test_key_mismatch_and_bad_files),
        cmocka_unit_test(test_backoff),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
