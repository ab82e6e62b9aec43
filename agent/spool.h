/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * spool.h - the agent's durable, size-bounded queue of findings waiting for
 * the collector's acknowledgement (docs/DELIVERY.md describes the design).
 *
 * One append-only file of records; every integer is big-endian on disk,
 * written byte by byte, whatever the host:
 *
 *   offset size  field
 *   0      2     magic "IQ"
 *   2      1     kind: 1 = finding line, 2 = mark (sequence high-water)
 *   3      1     reserved, 0
 *   4      4     payload length (<= SPOOL_PAYLOAD_MAX; 0 for a mark)
 *   8      8     seq (strictly increasing along the file)
 *   16     4     aux: findings this record stands for beyond itself
 *                (the count of a spool_dropped record), else 0
 *   20     4     CRC-32 of bytes 0..19
 *   24     4     CRC-32 of the payload
 *   28     len   payload: one NDJSON line (the wire line, "seq" included),
 *                without the newline
 *
 * Crash safety: a record is appended with one write(); a torn or corrupt
 * record is found by its CRCs on open and dropped, never misread, and the
 * file is rewritten without it.  Records are deleted only by rewriting the
 * survivors into PATH.tmp and rename()ing it over PATH (atomic), after the
 * collector acknowledged them (batched: see spool_ack).  Every rewrite ends with a mark record
 * holding the highest seq ever used, so seq survives an empty spool.  A
 * small state file (optional, for flash) keeps a seq ceiling across
 * reboots that wipe a tmpfs spool; it is written once per SPOOL_SEQ_BLOCK.
 *
 * One process owns a spool at a time (an flock on PATH.lock).
 */
#ifndef IOTHUNT_SPOOL_H
#define IOTHUNT_SPOOL_H

#include <stddef.h>
#include <stdint.h>

#define SPOOL_HDR_LEN      28
#define SPOOL_PAYLOAD_MAX  4096
#define SPOOL_KIND_LINE    1
#define SPOOL_KIND_MARK    2
#define SPOOL_SEQ_BLOCK    1024
#define SPOOL_PATH_MAX     240
/* The smallest useful spool: a mark, a drop counter and one full record. */
#define SPOOL_MIN_BYTES    (3 * (SPOOL_HDR_LEN + SPOOL_PAYLOAD_MAX))

struct spool {
    char path[SPOOL_PATH_MAX];
    char state_path[SPOOL_PATH_MAX];    /* "" : no seq ceiling file */
    int fd;                             /* PATH, open O_APPEND */
    int lock_fd;                        /* PATH.lock, flock'ed */
    int sync;                           /* fsync after every change (flash) */
    uint64_t max_bytes;
    uint64_t size;                      /* bytes of PATH */
    uint64_t next_seq;                  /* seq of the next record */
    uint64_t high;                      /* highest seq written (or acked) */
    uint64_t ceiling;                   /* seqs below it are reserved on disk */
    unsigned long lines;                /* finding lines not yet acknowledged */
    uint64_t first_seq;                 /* seq of the oldest one (0: none) */
    uint64_t acked;                     /* lines <= acked are delivered ... */
    uint64_t head;                      /* ... and lie before this offset */
    /* what open found (for selftest and logs) */
    unsigned long recovered_bad;        /* corrupt or torn records dropped */
    uint64_t recovered_bytes;           /* bytes of them */
    /* counters since open */
    unsigned long dropped;              /* findings dropped because full */
    int full;                           /* the last write found no space */
    /* the network half's mirror (privsep.h): scan and ack go over the
     * channel REMOTE_FD; max_bytes is then the budget of one scan */
    int remote;
    int remote_fd;
};

struct spool_opts {
    const char *path;                   /* the queue file */
    const char *state_path;             /* NULL or "": none */
    uint64_t max_bytes;                 /* >= SPOOL_MIN_BYTES */
    int sync;                           /* fsync every change */
    int64_t now;                        /* for the clock floor of seq; 0: none */
};

/*
 * Open (creating it if needed) the spool at O->path, take its lock, and
 * recover: every valid record is kept, a torn tail or a corrupt record is
 * dropped (counted in recovered_bad) and the file rewritten clean.  The
 * next seq is the highest of: the highest seq in the file + 1, the state
 * file's ceiling, and O->now when it is non-zero (a device whose spool and
 * state were both lost still never reuses a seq, as long as it averaged
 * under one record per second).  IH_OK, IH_EIO (errno kept; EWOULDBLOCK:
 * another process holds the lock), IH_EINVAL (bad options).  On failure
 * nothing is held.
 */
int spool_open(struct spool *s, const struct spool_opts *o);

/*
 * Compact away acknowledged lines (best effort), release the lock and the
 * descriptors.  Safe on a closed spool.
 */
void spool_close(struct spool *s);

/*
 * Reserve the next seq into *SEQ (persisting a new ceiling to the state
 * file when a block is used up).  The caller builds the line with it and
 * appends it with spool_append(); a reserved seq that is never appended is
 * just a gap.  IH_OK or IH_EIO.
 */
int spool_reserve(struct spool *s, uint64_t *seq);

/*
 * Append one line (LEN <= SPOOL_PAYLOAD_MAX bytes, no newline) carrying
 * SEQ (from spool_reserve).  When the file would grow over max_bytes, the
 * oldest lines are dropped first and a `spool_dropped` finding saying how
 * many (its own seq) is queued before LINE.  IH_OK, IH_ETOOBIG, IH_EIO.
 */
int spool_append(struct spool *s, uint64_t seq, const char *line, size_t len);

/* Record visitor for spool_scan(): return 0 to go on, 1 to stop, < 0 error. */
typedef int (*spool_visit_fn)(void *ctx, uint64_t seq, const char *line, size_t len);

/*
 * Call FN for each finding line not yet acknowledged, oldest first, with
 * seq > AFTER.  Records are re-verified as they are read (a record that changed
 * under us stops the scan with IH_EPARSE).  Returns IH_OK, FN's negative
 * code, or IH_EIO.
 */
int spool_scan(struct spool *s, uint64_t after, spool_visit_fn fn, void *ctx);

/*
 * The collector durably committed everything up to ACKED: those lines
 * are skipped from now on (an in-memory head moves past them, O(batch)),
 * and deleted by a rewrite + rename once nothing is left or they fill half
 * the file.  A crash before the rewrite only makes them be sent again,
 * which the collector ignores (duplicate (agent, seq)).  If
 * ACKED >= next_seq the sequence has gone backwards (a device that lost its
 * state): next_seq jumps past ACKED so that new findings are not taken for
 * duplicates.  IH_OK, IH_EINVAL (ACKED absurd), IH_EIO.
 */
int spool_ack(struct spool *s, uint64_t acked);

/*
 * Pure recovery over a byte image BUF[0..LEN) (used by spool_open and the
 * fuzzer): returns the length of the valid prefix (*GOOD), the highest seq
 * seen (*MAX_SEQ, 0 if none), the count of finding lines (*LINES), and
 * how many bad stretches were skipped (*BAD).  Records after a corrupt
 * stretch are resynchronised on the next valid header and kept only if
 * their seq is still increasing; *CLEAN is 1 when the whole image is valid.
 * FN (may be NULL) is called for each valid finding line with CTX.
 */
int spool_parse(const unsigned char *buf, size_t len, spool_visit_fn fn, void *ctx,
                uint64_t *max_seq, unsigned long *lines, unsigned long *bad, int *clean);

/* CRC-32 (IEEE 802.3, as zlib) of BUF[0..LEN) continued from CRC (0 to start). */
uint32_t spool_crc32(uint32_t crc, const void *buf, size_t len);

/* Serialise a record header for KIND/LEN/SEQ/AUX over PAYLOAD into HDR. */
void spool_put_header(unsigned char hdr[SPOOL_HDR_LEN], unsigned kind, uint32_t len,
                      uint64_t seq, uint32_t aux, const void *payload);

#endif
