/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_builtin.c - the files of rules/ compiled into the agent: every one
 * decodes to exactly its source bytes (on the big-endian target too), is
 * stored without its text, and is found by name.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtin.h"
#include "util.h"

/* Text that must never sit in the agent binary in clear (DESIGN.md s. 4). */
static const char *const needles[] = {
    "Myname--is:",
    "busybox iptables -A INPUT -p tcp --destination-port 7547 -j DROP",
    "busybox iptables -A INPUT -p tcp --destination-port 5555 -j DROP",
    "--destination-port",
    "/proc/net/tcp",
    "Mirai",
    "duckdns",
    "103.245.27.100",
};

/* The shipped files every build must carry. */
static const char *const required[] = { "mirai.yar", "threatfox-mirai.csv" };

static void test_roundtrip_matches_sources(void **state)
{
    size_t i, k;

    (void)state;
    assert_true(builtin_count() >= 2);
    for (i = 0; i < builtin_count(); i++) {
        const struct builtin_blob *b = &builtin_blobs[i];
        char path[128], *dec, *src;
        size_t dlen, slen;

        assert_non_null(builtin_name(i));
        assert_int_equal(util_fmt(path, sizeof path, "rules/%s", builtin_name(i)), IH_OK);
        assert_int_equal(util_read_file(path, 1 << 20, &src, &slen), IH_OK);
        assert_int_equal(builtin_get_at(i, &dec, &dlen), IH_OK);
        assert_int_equal(dlen, slen);
        assert_memory_equal(dec, src, slen);
        assert_int_equal(dec[dlen], '\0');
        /* the table holds the bytes encoded: no needle, and not the file */
        assert_int_not_equal(b->seed, 0);
        assert_int_equal(b->len, slen);
        if (slen >= 16) {
            assert_true(memcmp(b->data, src, 16) != 0);
        }
        for (k = 0; k < sizeof needles / sizeof needles[0]; k++) {
            assert_null(util_memmem(b->data, b->len, needles[k], strlen(needles[k])));
        }
        free(dec);
        free(src);
    }
    assert_null(builtin_name(builtin_count()));
}

static void test_by_name(void **state)
{
    size_t i;
    char *buf = (char *)1;
    size_t len = 99;

    (void)state;
    for (i = 0; i < sizeof required / sizeof required[0]; i++) {
        assert_int_equal(builtin_get(required[i], &buf, &len), IH_OK);
        assert_true(len > 0);
        assert_int_equal(strlen(buf), len);
        free(buf);
    }
    /* the seed rule and the Mirai IOCs are in them, in clear once decoded */
    assert_int_equal(builtin_get("mirai.yar", &buf, &len), IH_OK);
    assert_non_null(strstr(buf, "rule Mirai_MIPS_MSB"));
    for (i = 0; i < 3; i++) {
        assert_non_null(strstr(buf, needles[i]));
    }
    free(buf);
    assert_int_equal(builtin_get("threatfox-mirai.csv", &buf, &len), IH_OK);
    assert_non_null(strstr(buf, "\"103.245.27.100:80\", \"ip:port\", \"payload_delivery\""));
    assert_non_null(strstr(buf, "\"152.236.6.8:28291\", \"ip:port\", \"botnet_cc\""));
    assert_non_null(strstr(buf, "\"vbotnt1.duckdns.org\", \"domain\", \"botnet_cc\""));
    free(buf);
    buf = (char *)1;
    assert_int_equal(builtin_get("no-such.yar", &buf, &len), IH_ENOENT);
    assert_null(buf);
    assert_int_equal(len, 0);
    assert_int_equal(builtin_get_at(builtin_count(), &buf, &len), IH_ENOENT);
    assert_null(buf);
}

/* Known-answer values: the encoder ran on the (little-endian) build host,
 * the decoder may run big-endian; both must compute the same stream. */
static void test_keystream_known_answers(void **state)
{
    uint32_t st = 1;
    uint8_t got[8];
    size_t i;

    (void)state;
    /* xorshift32 from 1: 270369, 67634689, 2647435461, 307599695 ... */
    assert_int_equal(builtin_key_next(&st), (uint8_t)(270369u >> 24));
    assert_int_equal(st, 270369u);
    assert_int_equal(builtin_key_next(&st), (uint8_t)(67634689u >> 24));
    assert_int_equal(builtin_key_next(&st), (uint8_t)(2647435461u >> 24));
    assert_int_equal(builtin_key_next(&st), (uint8_t)(307599695u >> 24));
    /* FNV-1a 32 known answers */
    assert_int_equal(builtin_checksum((const uint8_t *)"", 0), 0x811c9dc5u);
    assert_int_equal(builtin_checksum((const uint8_t *)"a", 1), 0xe40c292cu);
    assert_int_equal(builtin_checksum((const uint8_t *)"foobar", 6), 0xbf9cf968u);
    /* encode then decode restores the bytes */
    for (i = 0; i < sizeof got; i++) {
        got[i] = (uint8_t)("Myname--"[i]);
    }
    st = 0x12345678u;
    for (i = 0; i < sizeof got; i++) {
        got[i] ^= builtin_key_next(&st);
    }
    assert_true(memcmp(got, "Myname--", 8) != 0);
    st = 0x12345678u;
    for (i = 0; i < sizeof got; i++) {
        got[i] ^= builtin_key_next(&st);
    }
    assert_memory_equal(got, "Myname--", 8);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_roundtrip_matches_sources),
        cmocka_unit_test(test_by_name),
        cmocka_unit_test(test_keystream_known_answers),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
