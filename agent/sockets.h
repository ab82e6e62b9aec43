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
    int32_t pid;            /* owning process, 0 until mapped (-1: several) */
};

struct sock_table {
    struct sock_rec *v;
    size_t n, cap;
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

/* Parse one table's bytes into T (used by sockets_load and by tests). */
int sockets_add_buffer(struct sock_table *t, enum sock_proto p, const char *buf, size_t len);

/* Find a socket by inode; NULL if none. (Linear; the table is small.) */
struct sock_rec *sockets_find_inode(struct sock_table *t, uint64_t inode);

void sockets_free(struct sock_table *t);

#endif
