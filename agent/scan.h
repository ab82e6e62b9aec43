/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * scan.h - the hunt over a device (live, or a --root image).
 *
 * Life cycle, for one-shot `scan` and for the `report`/`daemon` loop alike:
 *
 *   scan_open()   load rules, IOCs and the allowlist once (errors name the
 *                 file and line); set up the hash cache
 *   scan_run()    one cycle: read the device, send every reported finding
 *                 to a sink, fill a summary with the verdict and counts;
 *                 call it as often as wanted on the same context
 *   scan_close()  free everything
 *
 * The hash cache is keyed by (dev, inode, size, mtime) and lives in the
 * context, so an unchanged binary is hashed (and rule-scanned) once per
 * daemon lifetime.  scan_once() is open + run + close.
 */
#ifndef IOTHUNT_SCAN_H
#define IOTHUNT_SCAN_H

#include "endpoints.h"
#include "finding.h"

#include <stddef.h>
#include <stdint.h>

#define SCAN_MAX_PATHS 16

enum scan_verdict {
    VERDICT_CLEAN,
    VERDICT_SUSPICIOUS,
    VERDICT_INFECTED,
    VERDICT_INCOMPLETE      /* nothing serious found, but a needed source was not read */
};

/*
 * The sources the hunt needs.  A scan that could not read one of them
 * counts it in scan_summary.unread[] and is never CLEAN (DESIGN.md 2).
 */
enum scan_source {
    SRC_PROC,               /* the process list (/proc) */
    SRC_SOCKETS,            /* socket tables (/proc/net/tcp, udp, raw, ...) */
    SRC_EXE,                /* a process's executable link (permission) */
    SRC_FDS,                /* a process's open files (permission) */
    SRC_IMAGES,             /* an image or file that could not be read to hash */
    SRC_FIREWALL,           /* the live firewall rules (or the --root dump) */
    SRC_FW_CONFIG,          /* a persistent firewall configuration file */
    SRC_DNS_FILES,          /* a hosts file, dnsmasq lease or log */
    SRC__COUNT
};

struct scan_opts {
    const char *root;                       /* NULL or "/": live device */
    const char *rules[SCAN_MAX_PATHS];      /* --rules files, in order */
    unsigned n_rules;
    const char *iocs[SCAN_MAX_PATHS];       /* --iocs files */
    unsigned n_iocs;
    const char *allow;                      /* --allow file or NULL */
    const char *bundle;                     /* active intel bundle or NULL (bundle.h) */
    int sockets;                            /* also emit FT_SOCKET inventory */
    int no_builtin;                         /* skip the compiled-in rules and IOCs */
    int no_resolve;                         /* never resolve IOC domains with DNS */
    const char *user;                       /* DNS lookups run as this user (NULL: nobody) */
    int64_t now;                            /* scan time for scan_once() (unix seconds) */
};

struct scan_summary {
    enum scan_verdict verdict;
    int64_t ts;
    unsigned long counts[FT__COUNT];        /* reported findings per type */
    unsigned long by_severity[4];
    unsigned long suppressed;               /* dropped by the allowlist */
    unsigned long processes;                /* processes inspected */
    unsigned long sockets;                  /* sockets parsed */
    unsigned long bad_records;              /* malformed input lines skipped */
    unsigned long errors;                   /* sources that could not be read (sum of unread) */
    unsigned long unread[SRC__COUNT];       /* ... per kind of source */
    char fw_why[80];                        /* why the firewall rules were not read */
    int not_root;                           /* live scan without root (advice) */
    unsigned long files_hashed;             /* images and files hashed this cycle */
    unsigned long hash_cache_hits;          /* ... answered from the cache instead */
    int clock_unset;                        /* device time before build time */
    int intel_stale;                        /* the active bundle has expired */
    char byte_order[8];                     /* of /proc/net: "be" or "le" */
    char byte_order_how[32];                /* "probe", "elf", "guess", ... */
};

/* Opaque: rules, IOCs, allowlist, hash cache and scan root. */
struct scan_ctx;

/* Zero O (all sources empty, live device, built-ins on, DNS on when live). */
void scan_opts_init(struct scan_opts *o);

/*
 * Load everything O names (rules, IOCs, allowlist; the built-in rules and
 * IOCs unless O->no_builtin) into a new context *CTX, owned by the caller
 * (free with scan_close).  O's strings are copied; O may go away after.
 * Returns IH_OK, or a negative IH_E* code when a file is missing or
 * malformed (already reported on stderr with file:line).
 */
int scan_open(const struct scan_opts *o, struct scan_ctx **ctx);

/*
 * Run one cycle at time NOW (unix seconds), sending every reported finding
 * to SINK and filling *SUM.  Returns IH_OK when the scan ran (findings or
 * not; unreadable sources are counted in SUM->errors), or the first
 * negative code SINK returned, or IH_ENOMEM.
 */
int scan_run(struct scan_ctx *ctx, int64_t now, struct finding_sink *sink,
             struct scan_summary *sum);

/* Free CTX and everything it holds.  NULL is fine. */
void scan_close(struct scan_ctx *ctx);

/* scan_open(O) + scan_run(O->now) + scan_close, for one-shot callers. */
int scan_once(const struct scan_opts *o, struct finding_sink *sink, struct scan_summary *sum);

/* The remote endpoints the cycles of CTX saw since the caller last emptied
 * them (endpoints_to_json does). */
struct endpoints *scan_endpoints(struct scan_ctx *ctx);

/* "CLEAN", "SUSPICIOUS", "INFECTED" or "INCOMPLETE". */
const char *scan_verdict_name(enum scan_verdict v);

/*
 * Process exit code for a summary (DESIGN.md section 2): 1 when any finding
 * was reported, else 3 when a needed source was not read, else 0.
 */
int scan_exit_code(const struct scan_summary *s);

/* 1 if every source the hunt needs was read. */
int scan_complete(const struct scan_summary *s);

/*
 * What was not read, in plain words, "; "-separated, into OUT[N] ("" when
 * complete), and *ADVICE what to do about it.
 */
void scan_unread_text(const struct scan_summary *s, char *out, size_t n, const char **advice);

/*
 * The summary as one JSON object ({"type":"summary",...}); SEQ > 0 adds
 * "seq", INTERVAL > 0 adds "interval" (daemon heartbeat period, seconds).
 * "complete" says whether every source was read; when not, "unreadable"
 * names what was not and "advice" what to do.
 */
int scan_summary_to_json(const struct scan_summary *s, uint64_t seq, int64_t interval,
                         char *buf, size_t cap, size_t *len);

#endif
