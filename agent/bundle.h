/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * bundle.h - signed intel bundles: rules, IOCs and an allowlist built and
 * signed by `iothunt-collector bundle build`, verified and activated on the
 * device (docs/BUNDLE.md).
 *
 * Format (untrusted input; bundle_parse() is bounded by the buffer and the
 * caps below):
 *
 *   bundle  = "iothunt-bundle 1" LF
 *             "version" SP num LF "created" SP num LF "expires" SP num LF
 *             *file sig
 *   file    = "file" SP name SP len LF <len bytes> LF
 *   sig     = "sig" SP 2*BUNDLE_SIG_MAX(HEXDIG HEXDIG) LF     ; then the end
 *   num     = 1*19DIGIT                  ; version >= 1, times unix seconds
 *   name    = 1*64(ALPHA / DIGIT / "." / "_" / "-"), not starting with "."
 *             ending in ".yar" (rules), ".csv" ".json" ".txt" (IOCs) or
 *             ".allow" (allowlist)
 *
 * The signature is ECDSA P-256 (DER) over the SHA-256 of every byte before
 * "sig".  Verification, the checks and activation run without the network:
 * whatever fetched the bytes (cmd_update.c) hands them over whole.
 */
#ifndef IOTHUNT_BUNDLE_H
#define IOTHUNT_BUNDLE_H

#include "finding.h"

#include <stddef.h>
#include <stdint.h>

#define BUNDLE_MAX_FILES 16
#define BUNDLE_NAME_MAX  64
#define BUNDLE_SIG_MAX   80              /* DER ECDSA P-256: at most 72 bytes */
#define BUNDLE_MAX_KEYS  2               /* the key in use and the next one */
#define BUNDLE_DEFAULT_MAX (2u << 20)    /* size cap of the device class */

struct bundle_file {
    char name[BUNDLE_NAME_MAX + 1];
    const char *data;                   /* into the parsed buffer */
    size_t len;
};

struct bundle {
    uint64_t version;
    int64_t created, expires;
    struct bundle_file files[BUNDLE_MAX_FILES];
    unsigned n_files;
    size_t signed_len;                  /* bytes covered by the signature */
    unsigned char sig[BUNDLE_SIG_MAX];
    size_t sig_len;
};

/* What the device trusts and where the active bundle lives. */
struct bundle_cfg {
    const char *path;                   /* the active bundle; "<path>.rejected" notes a refusal */
    const char *keys[BUNDLE_MAX_KEYS];  /* PEM public key files, NULL or "" unused */
    size_t max_bytes;                   /* 0: BUNDLE_DEFAULT_MAX */
};

/*
 * Parse BUF[0..LEN) into *B (pointers into BUF).  Structure only: no
 * signature check.  IH_OK, or IH_EPARSE with the reason in WHY[WN].
 */
int bundle_parse(const char *buf, size_t len, struct bundle *b, char *why, size_t wn);

/*
 * Check the bundle BUF[0..LEN) against C at time NOW: size cap, structure,
 * signature by one of C's keys, version above ACTIVE (0: none active), not
 * expired, and every file accepted by the agent's own parsers (rules,
 * IOCs without one bad record, allowlist).  IH_OK with *B filled, or a
 * negative code with the reason in WHY[WN].
 */
int bundle_check(const struct bundle_cfg *c, const char *buf, size_t len, uint64_t active,
                 int64_t now, struct bundle *b, char *why, size_t wn);

/*
 * Install BUF[0..LEN) as the active bundle of C at time NOW.  Returns 1 when
 * it is byte for byte the active one (nothing written), 0 when checked and
 * activated (written aside, fsynced, renamed over the active one; the
 * refusal note removed), or a negative code when refused: the active bundle
 * stays, the reason is in WHY[WN] and in the refusal note, which the next
 * scan reports as a bundle_rejected finding.
 */
int bundle_install(const struct bundle_cfg *c, const char *buf, size_t len, int64_t now,
                   char *why, size_t wn);

/* Note the refusal WHY for C (the refusal note, written only when it changes). */
void bundle_refuse(const struct bundle_cfg *c, const char *why);

/*
 * The ETag of the bundle file PATH as the collector gives it: the first 16
 * bytes of its SHA-256 in hex, quoted, into OUT[35].  IH_OK or IH_ENOENT.
 */
int bundle_etag(const char *path, char out[35]);

/*
 * Read the active bundle of PATH into *BUF (caller frees) and parse it into
 * *B.  IH_ENOENT when there is none; other errors reported naming PATH.
 */
int bundle_load_active(const char *path, char **buf, struct bundle *b);

/*
 * Findings about the intel of the bundle at PATH at time NOW, sent to SINK:
 * intel_stale when the active bundle has expired (*STALE set), and
 * bundle_rejected while a refusal note is present.  IH_OK or SINK's error.
 */
int bundle_findings(const char *path, int64_t now, struct finding_sink *sink, int *stale);

/* "bundle vN, created YYYY-MM-DD, age Nd[, expired]" for PATH into OUT[N];
 * "no bundle" when none is active. */
void bundle_describe(const char *path, int64_t now, char *out, size_t n);

#endif
