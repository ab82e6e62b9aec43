/*
 * hash.c - MD5, SHA-1 and SHA-256 in one pass with Mbed TLS.
 */
#include "hash.h"
#include "util.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

static void hash_hex_put(char *out, const unsigned char *d, size_t n)
{
    static const char hx[] = "0123456789abcdef";
    size_t i;

    for (i = 0; i < n; i++) {
        out[2 * i] = hx[d[i] >> 4];
        out[2 * i + 1] = hx[d[i] & 15];
    }
    out[2 * n] = '\0';
}

void hash_init(struct hash_ctx *h, unsigned which)
{
    h->which = which & HASH_ALL;
    if (h->which & HASH_MD5) {
        mbedtls_md5_init(&h->md5);
        (void)mbedtls_md5_starts(&h->md5);
    }
    if (h->which & HASH_SHA1) {
        mbedtls_sha1_init(&h->sha1);
        (void)mbedtls_sha1_starts(&h->sha1);
    }
    if (h->which & HASH_SHA256) {
        mbedtls_sha256_init(&h->sha256);
        (void)mbedtls_sha256_starts(&h->sha256, 0);
    }
}

void hash_update(struct hash_ctx *h, const void *p, size_t n)
{
    if (n == 0) {
        return;
    }
    if (h->which & HASH_MD5) {
        (void)mbedtls_md5_update(&h->md5, p, n);
    }
    if (h->which & HASH_SHA1) {
        (void)mbedtls_sha1_update(&h->sha1, p, n);
    }
    if (h->which & HASH_SHA256) {
        (void)mbedtls_sha256_update(&h->sha256, p, n);
    }
}

void hash_abort(struct hash_ctx *h)
{
    if (h->which & HASH_MD5) {
        mbedtls_md5_free(&h->md5);
    }
    if (h->which & HASH_SHA1) {
        mbedtls_sha1_free(&h->sha1);
    }
    if (h->which & HASH_SHA256) {
        mbedtls_sha256_free(&h->sha256);
    }
    h->which = 0;
}

void hash_final(struct hash_ctx *h, struct hash_hex *out)
{
    unsigned char d[32];

    out->md5[0] = out->sha1[0] = out->sha256[0] = '\0';
    if (h->which & HASH_MD5) {
        (void)mbedtls_md5_finish(&h->md5, d);
        hash_hex_put(out->md5, d, 16);
    }
    if (h->which & HASH_SHA1) {
        (void)mbedtls_sha1_finish(&h->sha1, d);
        hash_hex_put(out->sha1, d, 20);
    }
    if (h->which & HASH_SHA256) {
        (void)mbedtls_sha256_finish(&h->sha256, d);
        hash_hex_put(out->sha256, d, 32);
    }
    hash_abort(h);
}

int hash_fd(int fd, uint64_t max_bytes, unsigned which, struct hash_hex *out, uint64_t *nread)
{
    unsigned char buf[HASH_CHUNK];
    struct hash_ctx h;
    uint64_t total = 0;
    int rc;

    hash_init(&h, which);
    for (;;) {
        ssize_t r = read(fd, buf, sizeof buf);

        if (r < 0) {
            if (errno == EINTR) {
                continue;
            }
            rc = IH_EIO;
            goto out;
        }
        if (r == 0) {
            break;
        }
        total += (uint64_t)r;
        if (max_bytes && total > max_bytes) {
            rc = IH_ETOOBIG;
            goto out;
        }
        hash_update(&h, buf, (size_t)r);
    }
    hash_final(&h, out);
    if (nread) {
        *nread = total;
    }
    return IH_OK;
out:
    hash_abort(&h);
    return rc;
}
