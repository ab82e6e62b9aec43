/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * detect.h - the finding producers of the Mirai hunt (DESIGN.md section 4),
 * driven by scan.c once per cycle:
 *
 *   detect_dns_collect()   IOC domains in hosts files, dnsmasq leases and
 *                          logs; IOC domains resolved now (live) or through
 *                          DIR/etc/hosts (--root) -> addresses to watch
 *   sockets_load_keep(detect_sock_keep)   only sockets a detector can use
 *   detect_process()       per process: exe_deleted, exe_in_tmpfs, IOC
 *                          domains in its cmdline, rule_match/hash_match
 *                          over its running image; maps its socket fds
 *   detect_sockets()       ioc_connection, ioc_domain (resolved address),
 *                          mirai_lock_port, port_grab, scanner_activity,
 *                          dns_bypass, with the owning process's evidence
 *   detect_files()         rule_match/hash_match over files in tmpfs
 *
 * Severities and their reasons are documented in docs/FINDINGS.md.
 */
#ifndef IOTHUNT_DETECT_H
#define IOTHUNT_DETECT_H

#include "endpoints.h"
#include "finding.h"
#include "hash.h"
#include "proc.h"
#include "root.h"
#include "scan.h"
#include "sockets.h"

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

struct ioc_store;
struct rules;

/* Policy figures (documented in docs/FINDINGS.md). */
#define DETECT_SYN_THRESHOLD   5            /* SYN_SENT to 23/2323 from one process */
#define DETECT_LOCK_PORT       48101        /* Mirai's single-instance lock */
#define DETECT_FILE_MAX        (8u << 20)   /* largest file or image hashed */
#define DETECT_CYCLE_BYTES     (64u << 20)  /* bytes read for hashing per cycle */
#define DETECT_WALK_FILES      1024         /* files looked at in tmpfs per cycle */
#define DETECT_WALK_DEPTH      4
#define DETECT_RESOLVE_MAX     32           /* IOC domains resolved per cycle */
#define DETECT_RESOLVE_SECONDS 8            /* stop resolving after this long */
#define DETECT_ADDRS_MAX       256          /* addresses watched (resolved IOC domains) */
#define DETECT_OWNERS_MAX      4096         /* processes kept as socket owners */
#define DETECT_CACHE_MAX       256          /* hash cache entries */
#define DETECT_TEXT_MAX        (1u << 20)   /* hosts/lease/log file read */
#define DETECT_GROUPS_MAX      512          /* process findings held for grouping */

/* An address an IOC domain resolved to, with where that was learnt. */
struct detect_addr {
    uint8_t family;
    uint8_t addr[16];
    char domain[96];
    char how[48];           /* "dns", "/etc/hosts:3", "/tmp/dnsmasq.log:12" */
};

/* What a scanned file or image gave; cached by (dev, inode, size, mtime). */
struct detect_result {
    struct hash_hex h;
    char rules[96];         /* matching rule names, space-separated ("" none) */
    int hashed;             /* h is valid */
};

struct detect_cache_entry {
    uint64_t dev, ino, size;
    int64_t mtime_s, mtime_ns;
    uint32_t used;          /* cycle number it was last used in */
    struct detect_result r;
};

struct detect_cache {
    struct detect_cache_entry *v;
    size_t n, cap;
    uint32_t cycle;
};

/* One cycle's state; scan.c owns it. */
struct detect_run {
    const struct root *root;
    int64_t now;
    const struct ioc_store *iocs;       /* may be NULL */
    struct rules *rules;                /* may be NULL */
    struct detect_cache *cache;
    struct finding_sink sink;           /* allowlist + counting (scan.c) */
    int32_t self_pid;                   /* our own pid (live), else 0 */
    int resolve;                        /* live DNS resolution allowed */
    size_t *resolve_pos;                /* next IOC domain to resolve (persists) */
    uint32_t net_uid, net_gid;          /* the lookups run as this user (not 0) */
    int keep_all;                       /* --sockets: keep every socket */
    struct endpoints *eps;              /* remote endpoints seen, or NULL */
    struct proc_mounts mounts;
    struct detect_addr *addrs;          /* resolved IOC domains */
    size_t n_addrs;
    struct sock_table socks;
    struct proc_info *owners;           /* processes that hold kept sockets */
    size_t n_owners, cap_owners;
    struct finding *groups;             /* process findings, one per image (see below) */
    size_t n_groups, cap_groups;
    struct { uint64_t dev, ino; } *images; /* running images scanned this cycle */
    size_t n_images, cap_images;
    uint64_t bytes_left;                /* hashing budget left this cycle */
    unsigned long processes, bad, hashed, cache_hits;
    unsigned long unread[SRC__COUNT];   /* sources not read, by kind (scan.h) */
    int stop;                           /* a sink error: unwind */
    int rc;
};

/* Reset R for a cycle at NOW (fields that persist are left to scan.c). */
void detect_run_begin(struct detect_run *r, int64_t now);

/* Free what R allocated during the cycle. */
void detect_run_end(struct detect_run *r);

/* Emit F through R's sink; a sink error stops the cycle.  IH_OK or the error. */
int detect_emit(struct detect_run *r, const struct finding *f);

/* Keep filter for sockets_load_keep() (CTX is the struct detect_run). */
int detect_sock_keep(void *ctx, enum sock_proto p, const struct procnet_entry *e);

/* Read /proc/mounts (tmpfs mount points) into R->mounts. */
void detect_mounts_load(struct detect_run *r);

/* IOC domains in text sources, and resolved to addresses (see top). */
int detect_dns_collect(struct detect_run *r);

/*
 * Scan IOC domains in the NUL-terminated TEXT (a cmdline, a line of a
 * file): for each token that is an IOC domain call CB.  Tokens are runs of
 * letters, digits, '-', '_' and '.'.  Returns the number of IOC tokens.
 */
unsigned detect_domains_in_text(const struct ioc_store *iocs, const char *text,
                                void (*cb)(void *ctx, const char *domain, const void *ioc),
                                void *ctx);

/* The watched address matching FAMILY/ADDR, or NULL. */
const struct detect_addr *detect_addr_find(const struct detect_run *r, int family,
                                           const uint8_t *addr);

/*
 * Walk the device's processes: detect_process() each, map socket fds, then
 * detect_groups_flush().
 */
int detect_processes(struct detect_run *r);

/*
 * Per-process findings for PI (already read); also maps PI's socket fds.
 * The findings are held (detect_group_add) until detect_groups_flush().
 */
int detect_process(struct detect_run *r, const struct proc_info *pi);

/*
 * Hold process finding F: copies of one image (the same type, rule and IOC,
 * and the same exe path or the same SHA-256) become one finding whose pids
 * lists them all, evidence from the lowest pid.  When the table is full F
 * is emitted at once.  IH_OK or the sink's error.
 */
int detect_group_add(struct detect_run *r, const struct finding *f);

/*
 * Emit the held findings in the order first seen; a finding covering
 * several processes says "pids 50, 51, 52" where it said "pid 50".
 */
int detect_groups_flush(struct detect_run *r);

/* Socket findings over R->socks (after detect_processes). */
int detect_sockets(struct detect_run *r);

/* rule_match / hash_match over regular files in tmpfs locations. */
int detect_files(struct detect_run *r);

/*
 * Scan the open file FD (fstat *ST) with R's rules and hashes, through the
 * cache; *RES gets the result.  The file is re-checked with fstat after
 * reading: a file that changed meanwhile gives IH_EIO.  Files over
 * DETECT_FILE_MAX or over the cycle's budget give IH_ETOOBIG.
 */
int detect_scan_fd(struct detect_run *r, int fd, const struct stat *st, struct detect_result *res);

/*
 * Emit the rule_match and hash_match findings RES calls for, with TEMPLATE's
 * evidence (pid, exe, cmdline) and the hashes: one rule_match per image
 * naming every rule that matched (space-separated in `rule`), one
 * hash_match for the strongest digest that is an IOC.  With GROUP they go
 * through detect_group_add (running images), else straight out (files).
 */
int detect_emit_result(struct detect_run *r, const struct finding *tmpl,
                       const struct detect_result *res, int group);

/* Drop cache entries not used in the cycle that just ended; free all at CLOSE. */
void detect_cache_trim(struct detect_cache *c);
void detect_cache_free(struct detect_cache *c);

/* Name tests used by the socket detectors (exposed for tests). */
/* 1 if a process with EXE/COMM is an expected daemon for listening PORT. */
int detect_expected_listener(uint16_t port, const char *exe, const char *comm);
/* 1 if EXE/COMM is the device's DNS resolver (dnsmasq, unbound, ...). */
int detect_is_resolver(const char *exe, const char *comm);
/* 1 if EXE/COMM is a known tool that uses raw TCP sockets (traceroute -T, nmap...). */
int detect_is_raw_tool(const char *exe, const char *comm);
/* 1 if the IPv4/IPv6 address is public (not loopback, private, link-local, ...). */
int detect_addr_public(int family, const uint8_t *addr);

#endif
