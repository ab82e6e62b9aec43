/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_hash.c - MD5 (RFC 1321), SHA-1 and SHA-256 (FIPS 180 / RFC 3174,
 * RFC 6234) known answers, one-shot and streamed in odd pieces, and
 * hash_fd over a file with and without a size limit.
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

#include "hash.h"
#include "util.h"

static const struct {
    const char *in;
    unsigned repeat;        /* the input this many times */
    const char *md5, *sha1, *sha256;
} vectors[] = {
    { "", 1, "d41d8cd98f00b204e9800998ecf8427e", "da39a3ee5e6b4b0d3255bfef95601890afd80709",
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
    { "a", 1, "0cc175b9c0f1b6a831c399e269772661", "86f7e437faa5a7fce15d1ddcb9eaeaea377667b8",
      "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb" },
    { "abc", 1, "900150983cd24fb0d6963f7d28e17f72", "a9993e364706816aba3e25717850c26c9cd0d89d",
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
    { "message digest", 1, "f96b697d7cb7938d525a2f31aaf161d0", "c12252ceda8be8994d5fa0290a47231c1d16aae3",
      "f7846f55cf23e14eebeab5b4e1550cad5b509e3348fbc4efa3a1413d393cb650" },
    { "abcdefghijklmnopqrstuvwxyz", 1, "c3fcd3d76192e4007dfb496cca67e13b",
      "32d10c7b8cf96570ca04ce37f2a19d84240d3a89",
      "71c480df93d6ae2f1efad1447c66c9525e316218cf51fc8d9ed832f2daf18b73" },
    { "12345678901234567890123456789012345678901234567890123456789012345678901234567890", 1,
      "57edf4a22be3c955ac49da2e2107b67a", "50abf5706a150990a08b2c5ea40fa0e585554732",
      "f371bc4a311f2b009eef952dd83ca80e2b60026c8e935592d0f9c308453c813e" },
    { "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1,
      "8215ef0796a20bcaaae116d3876c664a", "84983e441c3bd26ebaae4aa1f95129e5e54670f1",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
    { "a", 1000000, "7707d6ae4e027c70eea2a935c2296f21", "34aa973cd4c4daa4f61eeb2bdbad27316534016f",
      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0" },
};

static void check(const struct hash_hex *h, size_t i)
{
    assert_string_equal(h->md5, vectors[i].md5);
    assert_string_equal(h->sha1, vectors[i].sha1);
    assert_string_equal(h->sha256, vectors[i].sha256);
}

static void test_vectors_oneshot(void **state)
{
    size_t i;

    (void)state;
    for (i = 0; i < sizeof vectors / sizeof vectors[0]; i++) {
        size_t n = strlen(vectors[i].in), total = n * vectors[i].repeat;
        unsigned char *buf = malloc(total + 1);
        struct hash_ctx h;
        struct hash_hex out;
        unsigned r;

        assert_non_null(buf);
        for (r = 0; r < vectors[i].repeat; r++) {
            memcpy(buf + (size_t)r * n, vectors[i].in, n);
        }
        hash_init(&h, HASH_ALL);
        hash_update(&h, buf, total);
        hash_final(&h, &out);
        check(&out, i);
        free(buf);
    }
}

/* The same digests when the data comes in pieces of 1, 63, 64, 65, ... bytes. */
static void test_vectors_streamed(void **state)
{
    static const size_t pieces[] = { 1, 3, 63, 64, 65, 4096, 100000 };
    size_t i, p;

    (void)state;
    for (i = 0; i < sizeof vectors / sizeof vectors[0]; i++) {
        size_t n = strlen(vectors[i].in), total = n * vectors[i].repeat;
        unsigned char *buf = malloc(total + 1);
        unsigned r;

        assert_non_null(buf);
        for (r = 0; r < vectors[i].repeat; r++) {
            memcpy(buf + (size_t)r * n, vectors[i].in, n);
        }
        for (p = 0; p < sizeof pieces / sizeof pieces[0]; p++) {
            struct hash_ctx h;
            struct hash_hex out;
            size_t off = 0;

            hash_init(&h, HASH_ALL);
            while (off < total) {
                size_t k = total - off < pieces[p] ? total - off : pieces[p];

                hash_update(&h, buf + off, k);
                off += k;
            }
            hash_final(&h, &out);
            check(&out, i);
        }
        free(buf);
    }
}

/* Only the selected digests are computed; the others stay empty. */
static void test_select(void **state)
{
    static const unsigned sel[] = { HASH_MD5, HASH_SHA1, HASH_SHA256, HASH_MD5 | HASH_SHA256, 0 };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof sel / sizeof sel[0]; i++) {
        struct hash_ctx h;
        struct hash_hex out;

        hash_init(&h, sel[i]);
        hash_update(&h, "abc", 3);
        hash_final(&h, &out);
        assert_string_equal(out.md5, (sel[i] & HASH_MD5) ? vectors[2].md5 : "");
        assert_string_equal(out.sha1, (sel[i] & HASH_SHA1) ? vectors[2].sha1 : "");
        assert_string_equal(out.sha256, (sel[i] & HASH_SHA256) ? vectors[2].sha256 : "");
    }
}

static int temp_file(const void *data, size_t n)
{
    char path[] = "/tmp/iothunt-test-hash-XXXXXX";
    int fd = mkstemp(path);

    assert_true(fd >= 0);
    unlink(path);
    assert_int_equal(write(fd, data, n), (ssize_t)n);
    assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
    return fd;
}

/* hash_fd over files across HASH_CHUNK boundaries, with the size limit. */
static void test_fd(void **state)
{
    static const struct {
        size_t size;
        uint64_t max;
        int rc;
    } cases[] = {
        { 0, 0, IH_OK }, { 1, 1, IH_OK }, { HASH_CHUNK - 1, 0, IH_OK }, { HASH_CHUNK, HASH_CHUNK, IH_OK },
        { HASH_CHUNK + 1, 0, IH_OK }, { 3 * HASH_CHUNK + 7, 0, IH_OK },
        { HASH_CHUNK + 1, HASH_CHUNK, IH_ETOOBIG }, { 10, 9, IH_ETOOBIG },
    };
    size_t i, k;

    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        unsigned char *buf = malloc(cases[i].size + 1);
        struct hash_ctx h;
        struct hash_hex want, got;
        uint64_t nread = 12345;
        int fd;

        assert_non_null(buf);
        for (k = 0; k < cases[i].size; k++) {
            buf[k] = (unsigned char)(k * 7 + (k >> 8));
        }
        hash_init(&h, HASH_ALL);
        hash_update(&h, buf, cases[i].size);
        hash_final(&h, &want);
        fd = temp_file(buf, cases[i].size);
        assert_int_equal(hash_fd(fd, cases[i].max, HASH_ALL, &got, &nread), cases[i].rc);
        if (cases[i].rc == IH_OK) {
            assert_int_equal(nread, cases[i].size);
            assert_string_equal(got.md5, want.md5);
            assert_string_equal(got.sha1, want.sha1);
            assert_string_equal(got.sha256, want.sha256);
        }
        close(fd);
        free(buf);
    }
    /* a closed descriptor is an I/O error, not a digest */
    {
        struct hash_hex got;
        int fd = temp_file("x", 1);

        close(fd);
        assert_int_equal(hash_fd(fd, 0, HASH_ALL, &got, NULL), IH_EIO);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vectors_oneshot),
        cmocka_unit_test(test_vectors_streamed),
        cmocka_unit_test(test_select),
        cmocka_unit_test(test_fd),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
