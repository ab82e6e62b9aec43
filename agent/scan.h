/*
 * scan.h - one pass of the hunt over a device (live, or a --root image).
 *
 * scan_run() reads the device, produces findings into a sink, and fills a
 * summary with the verdict and counts.  The same call serves `scan`
 * (printing), `report` and `daemon` (spooling).
 */
#ifndef IOTHUNT_SCAN_H
#define IOTHUNT_SCAN_H

#include "finding.h"

#include <stdint.h>

#define SCAN_MAX_PATHS 16

enum scan_verdict {
    VERDICT_CLEAN,
    VERDICT_SUSPICIOUS,
    VERDICT_INFECTED
};

struct scan_opts {
    const char *root;                       /* NULL or "/": live device */
    const char *rules[SCAN_MAX_PATHS];      /* --rules files, in order */
    unsigned n_rules;
    const char *iocs[SCAN_MAX_PATHS];       /* --iocs files */
    unsigned n_iocs;
    const char *allow;                      /* --allow file or NULL */
    int sockets;                            /* also emit FT_SOCKET inventory */
    int64_t now;                            /* scan time (unix seconds) */
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
    unsigned long errors;                   /* sources that could not be read */
    int clock_unset;                        /* device time before build time */
    char byte_order[8];                     /* of /proc/net: "be" or "le" */
    char byte_order_how[32];                /* "probe", "elf", "guess", ... */
};

/* Zero O (all sources empty, live device). */
void scan_opts_init(struct scan_opts *o);

/*
 * Run one scan with O, sending every reported finding to SINK and filling
 * *SUM.  Returns IH_OK when the scan ran (findings or not), a negative
 * IH_E* code when it could not (bad rule or IOC file: already reported on
 * stderr with file:line).
 */
int scan_run(const struct scan_opts *o, struct finding_sink *sink, struct scan_summary *sum);

/* "CLEAN", "SUSPICIOUS" or "INFECTED". */
const char *scan_verdict_name(enum scan_verdict v);

/*
 * The summary as one JSON object ({"type":"summary",...}); SEQ > 0 adds
 * "seq", INTERVAL > 0 adds "interval" (daemon heartbeat period, seconds).
 */
int scan_summary_to_json(const struct scan_summary *s, uint64_t seq, int64_t interval,
                         char *buf, size_t cap, size_t *len);

#endif
