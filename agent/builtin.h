/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * builtin.h - the rules and IOC files of rules/, compiled into the agent.
 *
 * A bare `iothunt scan` hunts Mirai with no files (DESIGN.md section 2), so
 * the .yar, .csv, .json and .txt files of rules/ are embedded at build time by
 * scripts/embed.c into build/gen/builtin.c.  They are stored ENCODED: the
 * agent must not carry `Myname--is:`, the worm's iptables lines or killer
 * strings in clear, or public Mirai YARA rules (and Mirai's own killer)
 * would take the agent for the worm.  Each file is XORed with a keystream
 * (below) seeded per file, and decoded into a fresh heap buffer only when
 * asked for; a checksum of the clear bytes catches a corrupt table.
 *
 * File names are kept in clear ("mirai.yar", "threatfox-mirai.csv").
 */
#ifndef IOTHUNT_BUILTIN_H
#define IOTHUNT_BUILTIN_H

#include <stddef.h>
#include <stdint.h>

/* Number of embedded files. */
size_t builtin_count(void);

/* Name of embedded file I (I < builtin_count()), NULL otherwise. */
const char *builtin_name(size_t i);

/*
 * Decode embedded file I into a fresh NUL-terminated heap buffer *BUF
 * (caller frees; the NUL is not counted in *LEN).  IH_ENOENT if there is no
 * file I, IH_ENOMEM, or IH_EPARSE if the decoded bytes fail the checksum.
 */
int builtin_get_at(size_t i, char **buf, size_t *len);

/* As builtin_get_at() for the file called NAME (IH_ENOENT if none). */
int builtin_get(const char *name, char **buf, size_t *len);

/*
 * The keystream shared by the encoder (scripts/embed.c, on the build host)
 * and the decoder: a 32-bit xorshift generator whose top byte is XORed
 * into each data byte.  It hides text from string scanners; it is not
 * cryptography.  *STATE must start non-zero.
 */
static inline uint8_t builtin_key_next(uint32_t *state)
{
    uint32_t x = *state;

    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *state = x;
    return (uint8_t)(x >> 24);
}

/* FNV-1a over the clear bytes: the table's integrity check. */
static inline uint32_t builtin_checksum(const uint8_t *p, size_t n)
{
    uint32_t h = 2166136261u;
    size_t i;

    for (i = 0; i < n; i++) {
        h ^= p[i];
        h *= 16777619u;
    }
    return h;
}

/* One embedded file, as scripts/embed.c writes it (internal to builtin.c). */
struct builtin_blob {
    const char *name;
    const uint8_t *data;    /* encoded bytes */
    uint32_t len;
    uint32_t seed;          /* keystream seed, non-zero */
    uint32_t sum;           /* builtin_checksum of the clear bytes */
};

extern const struct builtin_blob builtin_blobs[];
extern const size_t builtin_nblobs;

#endif
