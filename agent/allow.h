/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * allow.h - the allowlist (`scan --allow FILE`): findings an administrator
 * has looked at and declared expected.  A finding that an entry matches is
 * not reported, but counted in the summary ("suppressed"), so a known
 * false positive is silenced by an explicit, reviewable line, never by the
 * code.  Format (docs/FINDINGS.md, rules/allowlist.example):
 *
 *   # comment                         blank lines and comments are ignored
 *   ip ADDR[/PREFIX] [port=N] [type=T[,T]...]
 *   exe GLOB [cmdline=GLOB] [type=T[,T]...]
 *   hash HEX [type=...]               an MD5, SHA-1 or SHA-256
 *   domain NAME [type=...]            an IOC domain (and names below it)
 *   lockdown PORT                     iptables_tr069_block for tcp PORT
 *   type T                            every finding of type T
 *
 * ip matches a finding's remote or local address (admin hosts, management
 * servers); exe matches the finding's executable path, and cmdline=, when
 * given, its command line (netcat in a known script).  GLOB: `*` any run of
 * characters, `?` one character, everything else literal.  type= narrows
 * an entry to the finding types listed.  A value with spaces is written in
 * double quotes ("..."; \" and \\ inside).
 */
#ifndef IOTHUNT_ALLOW_H
#define IOTHUNT_ALLOW_H

#include "finding.h"

#include <stddef.h>
#include <stdint.h>

#define ALLOW_MAX_ENTRIES 512
#define ALLOW_MAX_LINE    1024
#define ALLOW_MAX_FILE    (256u * 1024)
#define ALLOW_MAX_VALUE   192

enum allow_kind {
    ALLOW_IP,
    ALLOW_EXE,
    ALLOW_HASH,
    ALLOW_DOMAIN,
    ALLOW_LOCKDOWN,
    ALLOW_TYPE
};

struct allow_entry {
    uint8_t kind;               /* enum allow_kind */
    uint8_t family;             /* ALLOW_IP: 4 or 6 */
    uint8_t prefix;             /* ALLOW_IP: prefix length */
    uint8_t addr[16];           /* ALLOW_IP: network byte order */
    int32_t port;               /* ALLOW_IP port=, ALLOW_LOCKDOWN; -1: any */
    uint32_t types;             /* bit per enum finding_type; 0: every type */
    unsigned long line;         /* where it was declared */
    char value[ALLOW_MAX_VALUE];    /* glob, hex, domain (lower case) */
    char cmdline[ALLOW_MAX_VALUE];  /* ALLOW_EXE cmdline= glob, "" if none */
};

struct allowlist {
    struct allow_entry *v;
    size_t n, cap;
    char file[128];             /* for messages */
};

/* Empty list A (matches nothing). */
void allow_init(struct allowlist *a);

/*
 * Parse BUF[0..LEN) (need not be NUL-terminated) named NAME, appending
 * entries to A.  Every malformed line is reported with util_diag(NAME,
 * line, ...) and counted in *BAD (if not NULL); the good lines are kept.
 * Returns IH_OK when every line was good, IH_EPARSE when one was not,
 * IH_ETOOBIG beyond ALLOW_MAX_ENTRIES, IH_ENOMEM.
 */
int allow_parse(struct allowlist *a, const char *name, const char *buf, size_t len,
                unsigned long *bad);

/* Read PATH (util_open_ro, at most ALLOW_MAX_FILE bytes) and allow_parse it. */
int allow_load_file(struct allowlist *a, const char *path);

/*
 * The first entry of A that matches F, or NULL.  Evidence is read from the
 * finding's text fields ("ip:port" / "[v6]:port", exe, cmdline, hashes,
 * ioc).
 */
const struct allow_entry *allow_match(const struct allowlist *a, const struct finding *f);

/* 1 if GLOB (`*`, `?`) matches all of S. */
int allow_glob(const char *glob, const char *s);

/* Free A's entries (A stays usable, empty). */
void allow_free(struct allowlist *a);

#endif
