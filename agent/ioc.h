/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ioc.h - the IOC store: indicators of compromise from ThreatFox CSV and
 * JSON exports and from plain lists, with fast lookups for the hunt.
 *
 * Formats (ioc_load_buf() detects them, see docs/IOC.md):
 *   - ThreatFox CSV export: `#` comment lines, records of quoted fields
 *     separated by `", "`; columns as in the export's header comment
 *     (first_seen_utc, ioc_id, ioc_value, ioc_type, threat_type, ...).
 *   - ThreatFox JSON export: an object keyed by ioc_id, each value an array
 *     of objects with ioc_value, ioc_type, threat_type, malware_printable,
 *     confidence_level, first_seen_utc ... (the API's {"data":[...]} too).
 *   - plain lists: one IOC per line (ip, ip:port, domain, url, md5, sha1,
 *     sha256; the type is inferred from the syntax), `#` comments.
 * Every format accepts defanged values: `[.]` `(.)` `{.}` `[dot]` `[:]`
 * `[://]` and the schemes `hxxp` `hxxps` `fxp`.  A URL whose host is an
 * address (`http://1.2.3.4/bins/mips`, typical of Mirai payload servers)
 * also yields the ip:port it is fetched from (port 80, 443 or 21 by
 * scheme when not given), so connections to it are found.
 *
 * A malformed record is reported with util_diag(file, line, reason),
 * skipped and counted; loading goes on.  Hard caps bound what a feed can
 * cost: IOC_MAX_LINE per line, IOC_MAX_VALUE per value, IOC_MAX_ENTRIES
 * indicators and IOC_MAX_BYTES of store memory in all; records beyond a
 * cap are dropped (counted, reported once).
 *
 * Lookups use binary search over arrays sorted after every load, so they
 * stay O(log n) for feeds of thousands of IOCs.  IPv4 ip and ip:port
 * indicators are kept packed (16 bytes each, no text): a lookup or
 * iteration that returns one fills the store's scratch entry, valid until
 * the next lookup or ioc_next() on the store.  Every other entry and its
 * strings live as long as the store.
 */
#ifndef IOTHUNT_IOC_H
#define IOTHUNT_IOC_H

#include <stddef.h>
#include <stdint.h>

#define IOC_MAX_LINE     4096        /* longest CSV/plain line accepted */
#define IOC_MAX_VALUE    1024        /* longest ioc_value (URLs) */
#define IOC_MAX_ENTRIES  200000      /* indicators per store */
#define IOC_MAX_BYTES    (4u << 20)  /* store memory (entries + strings) */
#define IOC_MAX_FILE     (16u << 20) /* largest feed file read */

enum ioc_kind {
    IOC_IP,         /* an address: matches any port */
    IOC_IP_PORT,    /* an address and port: matches only that port */
    IOC_DOMAIN,     /* a fully qualified domain name, lower case */
    IOC_URL,        /* a URL, scheme and host lower case */
    IOC_MD5,        /* hashes: lower-case hex */
    IOC_SHA1,
    IOC_SHA256,
    IOC__KIND_COUNT
};

enum ioc_format {
    IOC_FMT_AUTO,   /* decide from the first record (see ioc_load_buf) */
    IOC_FMT_CSV,
    IOC_FMT_JSON,
    IOC_FMT_PLAIN
};

struct ioc_entry {
    uint8_t kind;           /* enum ioc_kind */
    uint8_t family;         /* 4 or 6 for IOC_IP and IOC_IP_PORT, else 0 */
    uint16_t port;          /* IOC_IP_PORT only */
    uint8_t addr[16];       /* network byte order; IPv4 in the first 4 */
    uint8_t confidence;     /* 0-100; 0 when the feed does not say */
    int64_t first_seen;     /* unix seconds, 0 when unknown */
    const char *value;      /* canonical text: "1.2.3.4:80", "[::1]:80", "a.example", URL, hex */
    const char *source;     /* context for the finding's ioc_source:
                             * "threatfox:botnet_cc:Mirai:100", "list:FILE" */
};

struct ioc_stats {
    unsigned long loaded;   /* indicators added (duplicates excluded) */
    unsigned long derived;  /* of which ip:port taken from URLs with an address host */
    unsigned long dups;     /* records already in the store */
    unsigned long bad;      /* malformed or unsupported records skipped */
    unsigned long dropped;  /* records over IOC_MAX_ENTRIES / IOC_MAX_BYTES */
    unsigned long first_bad_line; /* 1-based line of the first bad record */
};

struct ioc_store;

/* Make an empty store in *OUT (caller frees with ioc_store_free). */
int ioc_store_new(struct ioc_store **out);

/* Free S and everything looked up from it (NULL is fine). */
void ioc_store_free(struct ioc_store *s);

/*
 * Parse BUF[0..LEN) (need not be NUL-terminated) in format FMT and add its
 * indicators to S.  NAME is the file name used in diagnostics and in the
 * source of plain lists ("list:NAME").  IOC_FMT_AUTO looks at the first
 * line that is not blank or a `#` comment: `{` is JSON, `"` is CSV, anything
 * else a plain list.  Bad records are reported, skipped and counted in *ST
 * (added to, may be NULL).  Returns IH_OK, IH_EPARSE if the JSON structure
 * itself is broken (indicators read before the fault are kept) or IH_ENOMEM.
 */
int ioc_load_buf(struct ioc_store *s, const char *name, const char *buf, size_t len,
                 enum ioc_format fmt, struct ioc_stats *st);

/*
 * Load the feed file PATH (opened with util_open_ro; a file over
 * IOC_MAX_FILE is refused) as ioc_load_buf(..., IOC_FMT_AUTO, ...) would.
 * CSV and plain lists are streamed through a buffer of 2 * IOC_MAX_LINE
 * bytes, so the file never sits in memory; JSON is read whole.  IH_ENOENT,
 * IH_EIO or IH_ETOOBIG (reported with the file name) when the file cannot
 * be used.
 */
int ioc_load_file(struct ioc_store *s, const char *path, struct ioc_stats *st);

/*
 * Load a feed read through READ_FN(CTX, ...), as ioc_load_file() does for a
 * file: CSV and plain lists streamed, JSON gathered (up to IOC_MAX_FILE).
 * READ_FN puts up to CAP bytes in BUF and their count in *GOT (0: end of
 * the feed) and returns IH_OK or a negative IH_E*.  NAME is used in
 * diagnostics.  Returns as ioc_load_buf(), or READ_FN's
 * error (reported), or IH_ETOOBIG for a JSON feed over the cap.
 */
int ioc_load_stream(struct ioc_store *s, const char *name,
                    int (*read_fn)(void *ctx, char *buf, size_t cap, size_t *got), void *ctx,
                    struct ioc_stats *st);

/*
 * Load every built-in IOC file compiled from rules/ (names ending in .csv,
 * .json or .txt, see builtin.h) into S.
 */
int ioc_load_builtin(struct ioc_store *s, struct ioc_stats *st);

/* Heap bytes S holds for indicators (entry array and string pool). */
size_t ioc_store_bytes(const struct ioc_store *s);

/* Number of indicators of KIND in S (IOC__KIND_COUNT: all of them). */
size_t ioc_count(const struct ioc_store *s, enum ioc_kind kind);

/*
 * The IOC for a connection endpoint: FAMILY 4 (ADDR[0..4)) or 6 (ADDR[0..16),
 * IPv4-mapped addresses are looked up as IPv4), PORT in host order.  An
 * ip:port IOC matches only its port and wins over a plain ip IOC, which
 * matches any port.  NULL when the endpoint is no IOC.
 */
const struct ioc_entry *ioc_find_ip(const struct ioc_store *s, int family, const uint8_t addr[16],
                                    uint16_t port);

/*
 * The IOC for domain NAME (case-insensitive, a trailing dot ignored).  A
 * name matches an IOC equal to it or to one of its parent domains with at
 * least two labels: `x.vbotnt1.duckdns.org` matches `vbotnt1.duckdns.org`
 * (whoever controls a name controls the names beneath it), while
 * `duckdns.org` matches nothing.  NULL when no IOC applies.
 */
const struct ioc_entry *ioc_find_domain(const struct ioc_store *s, const char *name);

/* The IOC for a hex MD5, SHA-1 or SHA-256 digest (either case), or NULL. */
const struct ioc_entry *ioc_find_hash(const struct ioc_store *s, const char *hex);

/* The IOC equal to URL after refanging and canonical case, or NULL. */
const struct ioc_entry *ioc_find_url(const struct ioc_store *s, const char *url);

/*
 * Iterate the indicators of KIND in canonical order: start with *ITER = 0;
 * each call returns the next entry and advances *ITER, NULL at the end.
 * The scanner resolves the domain IOCs (IOC_DOMAIN) this way at scan time.
 */
const struct ioc_entry *ioc_next(const struct ioc_store *s, enum ioc_kind kind, size_t *iter);

/* "ip", "ip:port", "domain", "url", "md5_hash", "sha1_hash", "sha256_hash". */
const char *ioc_kind_name(enum ioc_kind kind);

/*
 * Format E's source and first-seen date as the finding's ioc_source
 * ("threatfox:botnet_cc:Mirai:100", plus ":2026-06-13" when first seen is
 * known) into OUT[N].  IH_OK or IH_ETRUNC (OUT then holds a prefix).
 */
int ioc_format_source(const struct ioc_entry *e, char *out, size_t n);

/*
 * S[0..N) (no terminator needed) as an IPv4 dotted quad or an IPv6 address,
 * exactly what inet_pton(3) accepts, into A[16]: 4, 6, or 0 when it is
 * neither (A may then be partly written).
 */
int ioc_parse_addr(const char *s, size_t n, uint8_t *a);

#endif
