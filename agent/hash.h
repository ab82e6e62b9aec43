/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * hash.h - MD5, SHA-1 and SHA-256 of one byte stream, in one pass.
 *
 * The three digests feed IOC matching (hash_match findings) and the rule
 * engine's hash.md5/sha1/sha256(0, filesize).  Digests are given as
 * lowercase hex, the form IOC feeds and YARA's hash module use.
 */
#ifndef IOTHUNT_HASH_H
#define IOTHUNT_HASH_H

#include <stddef.h>
#include <stdint.h>

#include "mbedtls/sha256.h"

#define HASH_MD5    1u
#define HASH_SHA1   2u
#define HASH_SHA256 4u
#define HASH_ALL    (HASH_MD5 | HASH_SHA1 | HASH_SHA256)

/* Read size of hash_fd(): one fixed buffer on the stack. */
#define HASH_CHUNK  4096

/*
 * MD5 and SHA-1 are computed here (hash.c), small and loop-based: the TLS
 * side needs neither, and Mbed TLS's unrolled versions cost 9 KiB more on
 * the device.  SHA-256 comes from Mbed TLS, which TLS needs anyway (its
 * compact version, with the working variables in registers by
 * toolchain/patches/mbedtls/0003).
 */
struct hash_block {
    uint32_t s[5];                  /* chaining state (MD5 uses 4 words) */
    uint64_t len;                   /* bytes hashed so far */
    unsigned char buf[64];          /* partial block */
};

struct hash_ctx {
    unsigned which;                 /* HASH_* bits being computed */
    struct hash_block md5;
    struct hash_block sha1;
    mbedtls_sha256_context sha256;
};

/* Lowercase hex digests; an algorithm not computed is left "". */
struct hash_hex {
    char md5[33];
    char sha1[41];
    char sha256[65];
};

/* Start computing the digests selected by WHICH (HASH_* bits) into H. */
void hash_init(struct hash_ctx *h, unsigned which);

/* Feed N bytes at P (N may be 0). */
void hash_update(struct hash_ctx *h, const void *p, size_t n);

/*
 * Finish: write the selected digests as lowercase hex into *OUT (others
 * ""), and release H (hash_init again to reuse it).
 */
void hash_final(struct hash_ctx *h, struct hash_hex *out);

/* Release H without a result (error paths). */
void hash_abort(struct hash_ctx *h);

/*
 * Hash what FD yields from its current position until EOF, reading
 * HASH_CHUNK bytes at a time.  More than MAX_BYTES bytes (0: no limit)
 * gives IH_ETOOBIG and no digest.  *NREAD (if not NULL) gets the byte
 * count.  IH_EIO on read errors.  The caller keeps FD.
 */
int hash_fd(int fd, uint64_t max_bytes, unsigned which, struct hash_hex *out, uint64_t *nread);

#endif
