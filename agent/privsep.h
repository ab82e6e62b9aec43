/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * privsep.h - privilege separation of delivery (docs/PRIVSEP.md).
 *
 * `report` and `daemon` split in two processes after the certificates and
 * the key are loaded: the privileged half (root) scans and owns the spool;
 * the network half (config `user`, default nobody; no capabilities, no new
 * privileges, not dumpable) resolves, connects, speaks TLS and parses the
 * collector's answers.  They talk over a socketpair of datagrams
 * (SOCK_SEQPACKET: one message per recv, never run together):
 *
 *   privileged -> network   'G' lines:u64 next_seq:u64     deliver now
 *                           'B' etag...                    fetch the bundle
 *                           'L' seq:u64 line...            a spooled line
 *                           'E' rc:i32 lines:u64 next_seq:u64   end of answer
 *   network -> privileged   'S' after:u64 budget:u32       lines after AFTER
 *                           'A' acked:u64                  the collector acked
 *                           'D' rc:i32 clock_unset:u8 stats:8*u32
 *                               last_error...              delivery done
 *                           'C' bytes...                   bundle body, in parts
 *                           'F' rc:i32 len:u32 last_error...    fetch done
 *
 * Integers are big-endian.  The privileged half checks every message's
 * type and exact length, passes seqs only to spool_scan/spool_ack (which
 * bound them), takes the bundle's bytes only into its buffer of
 * bundle_max_bytes and only when 'F' says that length, and never takes a path, a file name or a length from the
 * network half beyond the bounded 'S' budget.
 */
#ifndef IOTHUNT_PRIVSEP_H
#define IOTHUNT_PRIVSEP_H

#include "spool.h"

#include <stddef.h>
#include <stdint.h>

struct transport;

#define PRIVSEP_PASSWD_MAX (64 * 1024)

struct privsep {
    int fd;         /* privileged end of the socketpair; -1: none */
    int pid;        /* the network half; 0: none */
};

/*
 * Find NAME in the passwd text BUF[0..LEN) of FILE:
 *   line  = name ":" password ":" uid ":" gid [":" anything]
 *   uid, gid = decimal, 0..4294967294
 * Lines of other names are not looked at beyond their name.  IH_OK with
 * *UID, *GID; IH_ENOENT (no such user); IH_EPARSE (NAME's line is bad,
 * reported with util_diag(FILE, line)).
 */
int privsep_parse_passwd(const char *buf, size_t len, const char *file, const char *name,
                         uint32_t *uid, uint32_t *gid);

/*
 * The uid and gid of USER: a decimal uid (gid = uid) or a name looked up
 * in /etc/passwd.  Errors are reported on stderr.  IH_OK, IH_ENOENT,
 * IH_EPARSE, IH_EIO, IH_EINVAL (uid 0 or gid 0: that would not be a drop).
 */
int privsep_user(const char *user, uint32_t *uid, uint32_t *gid);

/*
 * Become UID/GID for good, when root: no supplementary groups, real,
 * effective and saved ids all changed; then no_new_privs and not
 * dumpable (other processes of UID cannot read our memory, nor
 * /proc/self/mem).  Checks that it worked: no id is 0 and setuid(0)
 * fails.  Not root: only no_new_privs, not dumpable and the check.
 * IH_OK, IH_EIO (a call failed), IH_EAUTH (the check failed).
 */
int privsep_drop(uint32_t uid, uint32_t gid);

/*
 * Fork the network half, which drops to UID/GID and then serves delivery
 * requests with T (loaded: certificates and key in memory) until the
 * privileged end closes.  In the privileged process: IH_OK and P set.
 */
int privsep_start(struct privsep *p, struct transport *t, uint32_t uid, uint32_t gid);

/*
 * Deliver the spool S through the network half, serving its spool
 * requests; its result, statistics and last error are copied into T, and
 * T's backoff starts over when a batch went through.  STOP (may be NULL) set by a signal is passed on to the
 * network half.  Returns transport_deliver's result, or IH_ENET when the
 * network half died or broke the protocol (P is then closed).
 */
int privsep_deliver(struct privsep *p, struct transport *t, struct spool *s,
                    volatile int *stop);

/*
 * Fetch the bundle through the network half (update_get on the collectors
 * in order, If-None-Match ETAG): IH_OK with its body in BUF[CAP], *LEN
 * bytes; 1 unchanged; IH_ETOOBIG; IH_ENET (t->last_error says why; when
 * the network half died or broke the protocol, P is closed).  The network
 * half writes no file: the bytes are the caller's to check.
 */
int privsep_fetch(struct privsep *p, struct transport *t, const char *etag, char *buf, size_t cap,
                  size_t *len);

/* Close the channel and wait for the network half.  Safe on a closed P. */
void privsep_stop(struct privsep *p);

/*
 * The network half's side of spool_scan/spool_ack on a spool whose
 * `remote` is set (spool.c forwards to these).
 */
int privsep_remote_scan(struct spool *s, uint64_t after, spool_visit_fn fn, void *ctx);
int privsep_remote_ack(struct spool *s, uint64_t acked);

#endif
