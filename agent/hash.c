/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * hash.c - MD5, SHA-1 and SHA-256 in one pass.  SHA-256 is Mbed TLS's; MD5
 * (RFC 1321) and SHA-1 (FIPS 180-4) are written here as compact loops (see
 * hash.h for why), with every word loaded and stored byte by byte so the
 * same code is right on both byte orders.
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

static uint32_t hash_rol(uint32_t x, unsigned n)
{
    return (x << n) | (x >> (32 - n));
}

static uint32_t hash_le32(const unsigned char *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static uint32_t hash_be32(const unsigned char *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

#define MD5_ROUND(f, g0, step, rot)                            \
    for (j = 0, g = g0; j < 16; j++, g = (g + step) & 15) {    \
        uint32_t t = a + (f) + *kp++ + w[g];                   \
        unsigned n = rot[j & 3];                               \
                                                               \
        a = d;                                                 \
        d = c;                                                 \
        c = b;                                                 \
        b += (t << n) | (t >> (32 - n));                       \
    }

/* Four loops of 16 steps, one per round: its function of b, c, d (F), its
 * message words (G0 + STEP * j, mod 16) and rotations (ROT[j mod 4]) without
 * a test in the loop. */
static void md5_block(uint32_t *s, const unsigned char *p)
{
    /* K[i] = floor(abs(sin(i + 1)) * 2^32), RFC 1321 section 3.4 */
    static const uint32_t k[64] = {
        0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
        0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
        0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
        0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
        0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
        0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
        0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
        0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391
    };
    static const unsigned char r[16] = { 7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21 };
    const uint32_t *kp = k;
    uint32_t w[16], a = s[0], b = s[1], c = s[2], d = s[3];
    unsigned j, g;

    for (j = 0; j < 16; j++) {
        w[j] = hash_le32(p + 4 * j);
    }
    MD5_ROUND(d ^ (b & (c ^ d)), 0, 1, r)
    MD5_ROUND(c ^ (d & (b ^ c)), 1, 5, (r + 4))
    MD5_ROUND(b ^ c ^ d, 5, 3, (r + 8))
    MD5_ROUND(c ^ (b | ~d), 0, 7, (r + 12))
    s[0] += a;
    s[1] += b;
    s[2] += c;
    s[3] += d;
}

#define SHA1_ROUND(f, k, sched)                                \
    for (j = 0; j < 20; j++, i++) {                            \
        uint32_t t;                                            \
                                                               \
        if (sched) {                                           \
            t = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16];   \
            w[i] = hash_rol(t, 1);                             \
        }                                                      \
        t = (f) + w[i] + e + hash_rol(a, 5) + (k);             \
        e = d;                                                 \
        d = c;                                                 \
        c = hash_rol(b, 30);                                   \
        b = a;                                                 \
        a = t;                                                 \
    }

/* One loop per round, with its function of b, c, d (F) and constant (K);
 * each step past the first 16 extends the message schedule W as it goes
 * (SCHED: a test in the first round only). */
static void sha1_block(uint32_t *s, const unsigned char *p)
{
    uint32_t w[80], a = s[0], b = s[1], c = s[2], d = s[3], e = s[4];
    unsigned i, j;

    for (i = 0; i < 16; i++) {
        w[i] = hash_be32(p + 4 * i);
    }
    i = 0;
    SHA1_ROUND(d ^ (b & (c ^ d)), 0x5a827999, i >= 16)
    SHA1_ROUND(b ^ c ^ d, 0x6ed9eba1, 1)
    SHA1_ROUND((b & c) | (d & (b | c)), 0x8f1bbcdc, 1)
    SHA1_ROUND(b ^ c ^ d, 0xca62c1d6, 1)
    s[0] += a;
    s[1] += b;
    s[2] += c;
    s[3] += d;
    s[4] += e;
}

static void block_update(struct hash_block *hb, void (*fn)(uint32_t *, const unsigned char *),
                         const unsigned char *p, size_t n)
{
    size_t used = (size_t)(hb->len & 63);

    hb->len += n;
    if (used) {
        size_t take = 64 - used < n ? 64 - used : n;

        memcpy(hb->buf + used, p, take);
        p += take;
        n -= take;
        if (used + take < 64) {
            return;
        }
        fn(hb->s, hb->buf);
    }
    while (n >= 64) {
        fn(hb->s, p);
        p += 64;
        n -= 64;
    }
    memcpy(hb->buf, p, n);
}

/* Pad with 0x80, zeros and the bit length, and put the digest (WORDS
 * words) in OUT: little-endian for MD5, big-endian for SHA-1 (BE 1), by
 * flipping the byte index within each word (3) or the length (7). */
static void block_final(struct hash_block *hb, void (*fn)(uint32_t *, const unsigned char *),
                        unsigned be, unsigned words, unsigned char *out)
{
    uint64_t bits = hb->len * 8;
    size_t used = (size_t)(hb->len & 63);
    unsigned i;

    hb->buf[used++] = 0x80;
    if (used > 56) {
        memset(hb->buf + used, 0, 64 - used);
        fn(hb->s, hb->buf);
        used = 0;
    }
    memset(hb->buf + used, 0, 56 - used);
    for (i = 0; i < 8; i++) {
        hb->buf[56 + (i ^ (7 * be))] = (unsigned char)(bits >> (8 * i));
    }
    fn(hb->s, hb->buf);
    for (i = 0; i < 4 * words; i++) {
        out[i] = (unsigned char)(hb->s[i >> 2] >> (8 * ((i & 3) ^ (3 * be))));
    }
}

void hash_init(struct hash_ctx *h, unsigned which)
{
    /* SHA-1's initial state; MD5's is its first four words */
    static const uint32_t iv[5] = { 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0 };

    h->which = which & HASH_ALL;
    memcpy(h->md5.s, iv, 4 * sizeof iv[0]);
    memcpy(h->sha1.s, iv, sizeof iv);
    h->md5.len = h->sha1.len = 0;
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
        block_update(&h->md5, md5_block, p, n);
    }
    if (h->which & HASH_SHA1) {
        block_update(&h->sha1, sha1_block, p, n);
    }
    if (h->which & HASH_SHA256) {
        (void)mbedtls_sha256_update(&h->sha256, p, n);
    }
}

void hash_abort(struct hash_ctx *h)
{
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
        block_final(&h->md5, md5_block, 0, 4, d);
        hash_hex_put(out->md5, d, 16);
    }
    if (h->which & HASH_SHA1) {
        block_final(&h->sha1, sha1_block, 1, 5, d);
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
