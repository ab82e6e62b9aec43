/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * rules.h - the YARA-subset rule engine (docs/RULES.md).
 *
 * A rule set is loaded from one or more sources (files, or in-memory
 * buffers for the built-in rules), all in one namespace as if the sources
 * were concatenated: a rule may use a rule of an earlier source.  Anything
 * outside the supported subset is refused at load time with
 * "NAME:LINE: unsupported construct 'X'" on stderr.
 *
 * Matching reads the target once, in fixed-size chunks, running every
 * string of every rule through one atom table; memory is bounded whatever
 * the file size (caps below).  Matching rules are reported in rule order,
 * private rules never.  A set keeps its per-match state inside: one match
 * at a time per set (the agent is single-threaded).
 *
 *   struct rules *rs;
 *   rules_new(&rs);
 *   rules_load_file(rs, "/etc/iothunt/extra.yar");
 *   rules_match_fd(rs, fd, 0, NULL, on_match, ctx);
 *   rules_free(rs);
 */
#ifndef IOTHUNT_RULES_H
#define IOTHUNT_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "hash.h"

/* Hard caps (documented in docs/RULES.md). */
#define RULES_MAX_SOURCE     (8u * 1024u * 1024u) /* bytes of one rule source */
#define RULES_MAX_RULES      8192u           /* rules in a set */
#define RULES_MAX_STRINGS    32768u          /* strings in a set */
#define RULES_MAX_RULE_STRINGS 256u          /* strings in one rule */
#define RULES_MAX_STRING_LEN 512u            /* bytes of one text string */
#define RULES_MAX_HEX_TOKENS 4096u           /* elements of one hex string */
#define RULES_MAX_SPAN       4096u           /* longest match of any string */
#define RULES_MAX_MATCHES    1024u           /* offsets kept per string */
#define RULES_MAX_NODES      65536u          /* condition nodes in a set */
#define RULES_MAX_DEPTH      64u             /* condition nesting (parentheses) */
#define RULES_MAX_HEIGHT     512u            /* condition tree height */
#define RULES_CHUNK          16384u          /* read size while matching */
#define RULES_PEEK           1024u           /* read size for a condition's bytes */
#define RULES_MAX_NAME       128u            /* identifier length */
#define RULES_MAX_TAGS       32u             /* tags of one rule */
#define RULES_MAX_LOOPS      4u              /* nested for loops (YARA's) */
#define RULES_MAX_ITERATIONS (1u << 22)      /* for-loop bodies per match call */

/* rules_match_*() flags */
#define RULES_MATCH_HASHES   1u  /* always compute md5/sha1/sha256 (for IOCs) */

struct rules;


/* Allocate an empty rule set into *RS (caller frees with rules_free). */
int rules_new(struct rules **rs);

/*
 * Add the rules of file PATH (opened with util_open_ro, at most
 * RULES_MAX_SOURCE bytes).  On a syntax error or unsupported construct,
 * prints "PATH:LINE: ..." and returns IH_EPARSE / IH_EUNSUPP /
 * IH_ETOOBIG; the set is then unchanged.
 */
int rules_load_file(struct rules *rs, const char *path);

/*
 * Add the rules in BUF[0..LEN) (need not be NUL-terminated; copied), NAME
 * naming the source in diagnostics (e.g. "builtin:mirai.yar").  Same
 * errors as rules_load_file.
 */
int rules_load_buffer(struct rules *rs, const char *name, const char *buf, size_t len);

/* Number of rules loaded (private ones included). */
unsigned rules_count(const struct rules *rs);

/*
 * Match the set against what FD holds from offset 0 (pread: FD's position
 * is not used or changed; FD must be seekable, as files and /proc/PID/exe
 * are).  Calls CB for each matching rule.  If HASHES is not NULL, or
 * FLAGS has RULES_MATCH_HASHES, all three digests are computed in the
 * same pass and stored in *HASHES; otherwise a digest is computed only if
 * a condition needs it.  IH_EIO if FD cannot be read.
 * CB is called for each matching (non-private) rule, in rule order; RULE
 * is valid during the call only.  CB returns 0 to go on, non-zero to stop
 * reporting (the call still returns IH_OK).
 */
int rules_match_fd(struct rules *rs, int fd, unsigned flags, struct hash_hex *hashes,
                   int (*cb)(const char *rule, void *ctx), void *ctx);

/* The same over the bytes BUF[0..LEN). */
int rules_match_buffer(struct rules *rs, const void *buf, size_t len, unsigned flags,
                       struct hash_hex *hashes, int (*cb)(const char *rule, void *ctx), void *ctx);

/*
 * Heap high-water of the engine in bytes: the largest amount the set and
 * its matching buffers held at once since rules_new.
 */
size_t rules_heap_peak(const struct rules *rs);

/* Free RS and everything it owns (NULL is fine). */
void rules_free(struct rules *rs);

#endif
