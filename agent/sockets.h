/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * sockets.h - the device's socket table, read once per scan from
 * /proc/net/{tcp,tcp6,udp,udp6,raw,raw6} (under the scan root).
 */
#ifndef IOTHUNT_SOCKETS_H
#define IOTHUNT_SOCKETS_H

#include "procnet.h"
#include "root.h"

#include <stddef.h>

enum sock_proto { SP_TCP, SP_TCP6, SP_UDP, SP_UDP6, SP_RAW, SP_RAW6, SP__COUNT };

/* Hard cap on sockets kept per scan (a router has hundreds). */
#define SOCKETS_MAX 65536

struct sock_rec {
    struct procnet_entry e;
    enum sock_proto proto;
    int32_t pid;            /* first process found holding it, 0: none yet */
    uint16_t owners;        /* processes holding it (forked daemons share) */
    uint16_t owner_slot;    /* caller's index for PID's record (scan.c) */
};

/*
 * Keep filter for sockets_load_keep(): 1 keeps entry E of table P.  A scan
 * keeps only sockets a detector can use, so memory does not grow with the
 * device's socket count.
 */
struct sock_keep {
    int (*fn)(void *ctx, enum sock_proto p, const struct procnet_entry *e);
    void *ctx;
};

struct sock_table {
    struct sock_rec *v;
    size_t n, cap;
    int sorted;                     /* v is in inode order (sockets_sort) */
    unsigned long total;            /* entries parsed, kept or not */
    unsigned long bad;              /* malformed lines skipped, all files */
    unsigned long missing;          /* files that could not be read */
    enum procnet_order order;       /* byte order the tables were read in */
    const char *order_how;          /* how ORDER was decided (static string) */
};

/* "tcp", "tcp6", ... */
const char *sockets_proto_name(enum sock_proto p);
/* "LISTEN", "ESTABLISHED", ... for a TCP state; "" for others. */
const char *sockets_state_name(enum sock_proto p, uint8_t state);

/*
 * Decide the byte order of R's /proc/net files (see sockets.c for how:
 * a probe socket live, the device's ELF binaries under --root, address
 * plausibility, then big-endian), then read all socket tables into *T.
 * Missing files are counted, not fatal (IPv6 may be compiled out).
 * The caller frees with sockets_free().
 */
int sockets_load(const struct root *r, struct sock_table *t);

/*
 * As sockets_load(), but the files are streamed through a fixed buffer and
 * only entries KEEP (may be NULL: all) accepts are stored; every entry is
 * counted in T->total.  The table comes back sorted by inode.
 */
int sockets_load_keep(const struct root *r, struct sock_table *t, const struct sock_keep *keep);

/* Sort T by inode so sockets_find_inode() is a binary search. */
void sockets_sort(struct sock_table *t);

/* Parse one table's bytes into T (used by sockets_load and by tests). */
int sockets_add_buffer(struct sock_table *t, enum sock_proto p, const char *buf, size_t len);

/*
 * Find a socket by inode; NULL if none (inode 0, kernel-internal, never
 * matches).  Binary search once sorted, linear before.
 */
struct sock_rec *sockets_find_inode(struct sock_table *t, uint64_t inode);

void sockets_free(struct sock_table *t);

#endif
