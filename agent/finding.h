/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * finding.h - what the hunt reports (DESIGN.md section 4).
 *
 * A finding is a fixed-size record: no allocation while scanning, and a
 * known RAM cost per finding.  Text fields are NUL-terminated and silently
 * truncated to their size by finding_set() (evidence, not identity).
 * Producers fill a struct finding and hand it to a finding_sink; the sink
 * decides whether to print, spool or count it.
 */
#ifndef IOTHUNT_FINDING_H
#define IOTHUNT_FINDING_H

#include <stddef.h>
#include <stdint.h>

enum finding_type {
    FT_IOC_CONNECTION,
    FT_IOC_DOMAIN,
    FT_IPTABLES_TR069_BLOCK,
    FT_MIRAI_LOCK_PORT,
    FT_PORT_GRAB,
    FT_EXE_DELETED,
    FT_EXE_IN_TMPFS,
    FT_SCANNER_ACTIVITY,
    FT_DNS_BYPASS,
    FT_RULE_MATCH,
    FT_HASH_MATCH,
    FT_FILELESS_EXEC,   /* an executable with no file (memfd, anonymous) */
    FT_SOCKET,          /* inventory: a socket seen (only with --sockets) */
    FT_SPOOL_DROPPED,   /* the spool overflowed and dropped findings */
    FT_INTEL_STALE,     /* the active intel bundle is past its expiry */
    FT_BUNDLE_REJECTED, /* an offered intel bundle was refused (reason) */
    FT__COUNT
};

enum finding_severity {
    SEV_LOW,
    SEV_MEDIUM,
    SEV_HIGH,
    SEV_CRITICAL
};

/* Pids listed in one finding that covers copies of one image. */
#define FINDING_PIDS_MAX 16

struct finding {
    enum finding_type type;
    enum finding_severity severity;
    int64_t ts;             /* unix seconds */
    int32_t pid;            /* 0: unknown / not a process; the lowest of pids[] */
    uint32_t n_pids;        /* processes this finding covers (> 1: copies of one image) */
    int32_t pids[FINDING_PIDS_MAX]; /* the first FINDING_PIDS_MAX of them, ascending */
    char summary[192];
    char exe[192];
    char cmdline[192];
    char local[64];         /* "ip:port", IPv6 as "[addr]:port" */
    char remote[64];
    char md5[33];
    char sha1[41];
    char sha256[65];
    char rule[96];          /* rule name(s), space-separated, or the firewall rule */
    char ioc[128];
    char ioc_source[96];    /* feed name and context, e.g. "threatfox:botnet_cc" */
    char reason[96];        /* why this severity (e.g. "declared in /etc/config/firewall") */
    char proto[8];          /* "tcp", "udp", "tcp6", "raw" ... for socket evidence */
    char state[12];         /* "LISTEN", "ESTABLISHED", "SYN_SENT" ... */
    uint64_t inode;         /* socket inode, 0: none */
};

/* Name of a type as on the wire ("ioc_connection"), NULL if out of range. */
const char *finding_type_name(enum finding_type t);
/* Parse a wire type name; -1 if unknown. */
int finding_type_parse(const char *name);
/* "low" ... "critical". */
const char *finding_severity_name(enum finding_severity s);

/* Zero F and set type, severity and ts. */
void finding_init(struct finding *f, enum finding_type type, enum finding_severity sev, int64_t ts);

/* Copy SRC into a fixed field DST[N], truncating (evidence may be cut). */
void finding_set(char *dst, size_t n, const char *src);

/*
 * Serialise F as one JSON object (no newline) into BUF of CAP bytes; empty
 * fields and pid 0 are omitted; "pids" (an array) when it covers more than
 * one process, with "pids_more" when it lists fewer than it covers.  SEQ > 0
 * adds "seq".  IH_OK or IH_ETRUNC.
 */
int finding_to_json(const struct finding *f, uint64_t seq, char *buf, size_t cap, size_t *len);

/* Where producers send findings.  emit returns 0 or a negative IH_E* code. */
struct finding_sink {
    int (*emit)(void *ctx, const struct finding *f);
    void *ctx;
};

#endif
