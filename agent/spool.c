/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * spool.c - durable queue of findings (format and rules in spool.h and
 * docs/DELIVERY.md).
 *
 * Reading never trusts the file: every record is re-checked (magic, header
 * CRC, length cap, payload CRC, seq increasing) where it is read, through a
 * small window buffer, so RAM use does not grow with the spool size.
 */
#include "spool.h"
#include "finding.h"
#include "privsep.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* seq stays far from int64 overflow in JSON and in +1 arithmetic */
#define SPOOL_SEQ_MAX   ((uint64_t)1 << 62)
#define SPOOL_WIN       (2 * (SPOOL_HDR_LEN + SPOOL_PAYLOAD_MAX))
/* room kept for the spool_dropped line when making space */
#define SPOOL_DROP_LINE 256

uint32_t spool_crc32(uint32_t crc, const void *buf, size_t len)
{
    /* nibble table: 64 bytes of table instead of 1 KiB */
    static const uint32_t t[16] = {
        0x00000000u, 0x1db71064u, 0x3b6e20c8u, 0x26d930acu, 0x76dc4190u, 0x6b6b51f4u,
        0x4db26158u, 0x5005713cu, 0xedb88320u, 0xf00f9344u, 0xd6d6a3e8u, 0xcb61b38cu,
        0x9b64c2b0u, 0x86d3d2d4u, 0xa00ae278u, 0xbdbdf21cu,
    };
    const unsigned char *p = buf;
    size_t i;

    crc = ~crc;
    for (i = 0; i < len; i++) {
        crc ^= p[i];
        crc = (crc >> 4) ^ t[crc & 15];
        crc = (crc >> 4) ^ t[crc & 15];
    }
    return ~crc;
}

static void put_be32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
}

static uint32_t get_be32(const unsigned char *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

static void put_be64(unsigned char *p, uint64_t v)
{
    put_be32(p, (uint32_t)(v >> 32));
    put_be32(p + 4, (uint32_t)v);
}

static uint64_t get_be64(const unsigned char *p)
{
    return ((uint64_t)get_be32(p) << 32) | get_be32(p + 4);
}

void spool_put_header(unsigned char hdr[SPOOL_HDR_LEN], unsigned kind, uint32_t len,
                      uint64_t seq, uint32_t aux, const void *payload)
{
    hdr[0] = 'I';
    hdr[1] = 'Q';
    hdr[2] = (unsigned char)kind;
    hdr[3] = 0;
    put_be32(hdr + 4, len);
    put_be64(hdr + 8, seq);
    put_be32(hdr + 16, aux);
    put_be32(hdr + 20, spool_crc32(0, hdr, 20));
    put_be32(hdr + 24, spool_crc32(0, payload, len));
}

/* ---- reading: a bounded window over a file, or a memory image ---------- */

struct spool_rd {
    int fd;                         /* -1: MEM */
    const unsigned char *mem;
    uint64_t len;
    unsigned char *win;
    uint64_t win_off;
    size_t win_len;
};

/* Bytes [OFF, OFF+N) of the image, or NULL if they are not all there. */
static const unsigned char *rd_get(struct spool_rd *r, uint64_t off, size_t n)
{
    ssize_t got;
    size_t want;

    if (off > r->len || n > r->len - off || n > SPOOL_WIN) {
        return NULL;
    }
    if (r->mem) {
        return r->mem + off;
    }
    if (off >= r->win_off && off + n <= r->win_off + r->win_len) {
        return r->win + (off - r->win_off);
    }
    want = r->len - off < SPOOL_WIN ? (size_t)(r->len - off) : SPOOL_WIN;
    /* at least N bytes: pread may return fewer than asked, or EINTR */
    r->win_len = 0;
    while (r->win_len < n) {
        got = pread(r->fd, r->win + r->win_len, want - r->win_len, (off_t)(off + r->win_len));
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got <= 0) {
            r->win_len = 0;
            return NULL;
        }
        r->win_len += (size_t)got;
    }
    r->win_off = off;
    return r->win;
}

struct spool_rec {
    unsigned kind;
    uint32_t len;
    uint64_t seq;
    uint32_t aux;
    const unsigned char *payload;   /* valid until the next rd_get, and right
                                     * after the record's header there */
};

/*
 * Record grammar (all big-endian):
 *   rec = "IQ" kind(1: 1|2) 0x00 len(4, <= SPOOL_PAYLOAD_MAX; 0 for kind 2)
 *         seq(8, LAST < seq <= SPOOL_SEQ_MAX) aux(4) hcrc(4) pcrc(4) payload(len)
 * where hcrc covers the first 20 bytes and pcrc the payload.  Returns 1 and
 * fills *REC if a valid record starts at OFF, else 0.
 */
static int rd_record(struct spool_rd *r, uint64_t off, uint64_t last, struct spool_rec *rec)
{
    const unsigned char *h = rd_get(r, off, SPOOL_HDR_LEN);
    const unsigned char *p;

    if (!h || h[0] != 'I' || h[1] != 'Q' || h[3] != 0 ||
        (h[2] != SPOOL_KIND_LINE && h[2] != SPOOL_KIND_MARK)) {
        return 0;
    }
    if (spool_crc32(0, h, 20) != get_be32(h + 20)) {
        return 0;
    }
    rec->kind = h[2];
    rec->len = get_be32(h + 4);
    rec->seq = get_be64(h + 8);
    rec->aux = get_be32(h + 16);
    if (rec->len > SPOOL_PAYLOAD_MAX || (rec->kind == SPOOL_KIND_MARK && rec->len != 0) ||
        rec->seq <= last || rec->seq > SPOOL_SEQ_MAX) {
        return 0;
    }
    {
        uint32_t pcrc = get_be32(h + 24);

        p = rd_get(r, off, SPOOL_HDR_LEN + (size_t)rec->len);
        if (!p) {
            return 0;
        }
        p += SPOOL_HDR_LEN;
        if (spool_crc32(0, p, rec->len) != pcrc) {
            return 0;
        }
    }
    rec->payload = p;
    return 1;
}

/* Per-record callback of the walk (internal): kind, offset, record. */
typedef int (*spool_walk_fn)(void *ctx, uint64_t off, const struct spool_rec *rec);

struct walk_result {
    uint64_t max_seq;
    unsigned long lines;
    unsigned long bad;
    uint64_t bad_bytes;
    int clean;
    uint64_t len;               /* bytes of the image walked */
};

/*
 * Walk every valid record of R in order from offset OFF (a record
 * boundary; records must have seq > LAST), resynchronising byte by byte
 * after a bad stretch.  FN may stop the walk (return 1) or fail it (< 0).
 */
static int rd_walk(struct spool_rd *r, uint64_t off, uint64_t last, spool_walk_fn fn, void *ctx,
                   struct walk_result *res)
{
    int in_bad = 0, rc;
    struct spool_rec rec;

    memset(res, 0, sizeof *res);
    res->clean = 1;
    res->len = r->len;
    while (off < r->len) {
        if (!rd_record(r, off, last, &rec)) {
            if (!in_bad) {
                res->bad++;
                in_bad = 1;
            }
            res->clean = 0;
            res->bad_bytes++;
            off++;
            continue;
        }
        in_bad = 0;
        last = rec.seq;
        res->max_seq = rec.seq;
        if (rec.kind == SPOOL_KIND_LINE) {
            res->lines++;
        }
        if (fn) {
            rc = fn(ctx, off, &rec);
            if (rc != 0) {
                return rc < 0 ? rc : IH_OK;
            }
        }
        off += SPOOL_HDR_LEN + rec.len;
    }
    return IH_OK;
}

struct visit_adapter {
    spool_visit_fn fn;
    void *ctx;
    uint64_t after;
};

static int visit_lines(void *ctx, uint64_t off, const struct spool_rec *rec)
{
    struct visit_adapter *a = ctx;

    (void)off;
    if (rec->kind != SPOOL_KIND_LINE || rec->seq <= a->after || !a->fn) {
        return 0;
    }
    return a->fn(a->ctx, rec->seq, (const char *)rec->payload, rec->len);
}

int spool_parse(const unsigned char *buf, size_t len, spool_visit_fn fn, void *ctx,
                uint64_t *max_seq, unsigned long *lines, unsigned long *bad, int *clean)
{
    struct spool_rd r = { -1, buf, len, NULL, 0, 0 };
    struct visit_adapter a = { fn, ctx, 0 };
    struct walk_result res;
    int rc;

    rc = rd_walk(&r, 0, 0, visit_lines, &a, &res);
    *max_seq = res.max_seq;
    *lines = res.lines;
    *bad = res.bad;
    *clean = res.clean;
    return rc;
}

/* rd_walk over the spool file as it is now, through a window of its own. */
static int spool_walk(struct spool *s, uint64_t off, uint64_t last, spool_walk_fn fn, void *ctx,
                      struct walk_result *res)
{
    struct spool_rd r = { s->fd, NULL, 0, NULL, 0, 0 };
    struct stat st;
    int rc = IH_EIO;

    if (fstat(s->fd, &st) == 0) {
        r.len = (uint64_t)st.st_size;
        r.win = malloc(SPOOL_WIN);
        rc = r.win ? rd_walk(&r, off, last, fn, ctx, res) : IH_ENOMEM;
        free(r.win);
    }
    return rc;
}

/* ---- writing ----------------------------------------------------------- */

static int open_append(const char *path, int *fd)
{
    struct stat st;
    int f = open(path, O_RDWR | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0600);

    if (f < 0) {
        return IH_EIO;
    }
    if (fstat(f, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(f);
        errno = EINVAL;
        return IH_EIO;
    }
    *fd = f;
    return IH_OK;
}

/*
 * State file grammar: digits(1..19) [LF], the seq ceiling.  Anything else
 * is reported with file:line and ignored (the spool and clock still give a
 * floor).
 */
static uint64_t state_read(const char *path)
{
    char *buf = NULL;
    size_t len = 0;
    uint64_t v = 0;

    if (!path[0] || util_read_file(path, 32, &buf, &len) != IH_OK) {
        free(buf);
        return 0;
    }
    if (len > 0 && buf[len - 1] == '\n') {
        len--;
    }
    if (util_parse_dec(buf, len, SPOOL_SEQ_MAX, &v) != IH_OK) {
        util_diag(path, 1, "bad seq ceiling, ignored");
        v = 0;
    }
    free(buf);
    return v;
}

static int state_write(const char *path, uint64_t ceiling)
{
    char tmp[SPOOL_PATH_MAX + 8], text[24];

    if (util_fmt(tmp, sizeof tmp, "%s.tmp", path) != IH_OK) {
        return IH_ETRUNC;
    }
    /* at most 19 digits (ceiling <= SPOOL_SEQ_MAX + SPOOL_SEQ_BLOCK): fits */
    (void)util_fmt(text, sizeof text, "%llu\n", (unsigned long long)ceiling);
    return util_write_file_atomic(tmp, path, text, strlen(text));
}

struct rewrite {
    int fd;
    uint64_t after;             /* drop lines with seq <= after (acked) */
    unsigned long drop_n;       /* then drop this many oldest lines */
    unsigned long dropped;      /* findings those stood for */
    uint64_t size;
    unsigned long lines;
    uint64_t first;             /* seq of the first line kept */
    uint64_t last;              /* ... and of the last */
};

static int rewrite_visit(void *ctx, uint64_t off, const struct spool_rec *rec)
{
    struct rewrite *w = ctx;
    int rc;

    (void)off;
    if (rec->kind != SPOOL_KIND_LINE || rec->seq <= w->after) {
        return 0;
    }
    if (w->drop_n > 0) {
        w->drop_n--;
        w->dropped += rec->aux ? rec->aux : 1;
        return 0;
    }
    /* the record as read: verified, so byte for byte the header that
     * spool_put_header() would make of it again, and its payload */
    rc = util_write_all(w->fd, rec->payload - SPOOL_HDR_LEN, SPOOL_HDR_LEN + rec->len);
    if (rc != IH_OK) {
        return rc;
    }
    if (w->lines == 0) {
        w->first = rec->seq;
    }
    w->last = rec->seq;
    w->size += SPOOL_HDR_LEN + rec->len;
    w->lines++;
    return 0;
}

/*
 * Rewrite the spool: every valid line with seq > AFTER except the DROP_N
 * oldest of those, then a mark with the seq high-water, into PATH.tmp,
 * then rename over PATH.  *DROPPED gets how many findings were dropped.
 */
/* Did the write that just failed (errno) find the file system full? */
static int spool_no_space(void)
{
    return errno == ENOSPC || errno == EDQUOT || errno == EFBIG;
}

static int spool_rewrite(struct spool *s, uint64_t after, unsigned long drop_n,
                         unsigned long *dropped)
{
    char tmp[SPOOL_PATH_MAX + 8];
    struct walk_result res;
    struct rewrite w = { -1, after, drop_n, 0, 0, 0, 0, 0 };
    unsigned char hdr[SPOOL_HDR_LEN];
    int rc, nfd = -1;

    if (util_fmt(tmp, sizeof tmp, "%s.tmp", s->path) != IH_OK) {
        return IH_ETRUNC;
    }
    w.fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (w.fd < 0) {
        rc = IH_EIO;
        goto out;
    }
    rc = spool_walk(s, 0, 0, rewrite_visit, &w, &res);
    if (rc != IH_OK) {
        goto out;
    }
    /* the mark goes last: seq stays increasing along the file */
    if (s->high > w.last) {
        spool_put_header(hdr, SPOOL_KIND_MARK, 0, s->high, 0, "");
        rc = util_write_all(w.fd, hdr, sizeof hdr);
        if (rc != IH_OK) {
            goto out;
        }
        w.size += sizeof hdr;
    }
    if (s->sync && fsync(w.fd) != 0) {
        rc = IH_EIO;
        goto out;
    }
    if (close(w.fd) != 0) {
        w.fd = -1;
        rc = IH_EIO;
        goto out;
    }
    w.fd = -1;
    if (rename(tmp, s->path) != 0) {
        rc = IH_EIO;
        goto out;
    }
    if (s->sync) {
        util_sync_dir(s->path);
    }
    rc = open_append(s->path, &nfd);
    if (rc != IH_OK) {
        goto out;
    }
    close(s->fd);
    s->fd = nfd;
    s->size = w.size;
    s->lines = w.lines;
    s->first_seq = w.first;
    s->head = 0;
    if (dropped) {
        *dropped = w.dropped;
    }
out:
    if (rc != IH_OK) {
        s->full = spool_no_space();
    }
    if (w.fd >= 0) {
        close(w.fd);
    }
    if (rc != IH_OK) {
        (void)unlink(tmp);
    }
    return rc;
}

void spool_close(struct spool *s)
{
    if (s->fd >= 0 && s->lock_fd >= 0 && s->head > 0) {
        /* best effort: a clean exit leaves no acknowledged line to resend */
        (void)spool_rewrite(s, s->acked, 0, NULL);
    }
    if (s->fd > 0) {
        close(s->fd);
    }
    if (s->lock_fd > 0) {
        close(s->lock_fd);     /* releases the flock */
    }
    s->fd = -1;
    s->lock_fd = -1;
}

static int first_line(void *ctx, uint64_t off, const struct spool_rec *rec)
{
    uint64_t *first = ctx;

    (void)off;
    if (rec->kind == SPOOL_KIND_LINE && *first == 0) {
        *first = rec->seq;
    }
    return 0;
}

/* Make the directory holding PATH (one level, mode 0700) if missing. */
static void make_parent(const char *path)
{
    char dir[SPOOL_PATH_MAX];
    char *slash;

    if (util_strlcpy(dir, path, sizeof dir) != IH_OK) {
        return;
    }
    slash = strrchr(dir, '/');
    if (!slash || slash == dir) {
        return;
    }
    *slash = '\0';
    (void)mkdir(dir, 0700);
}

int spool_open(struct spool *s, const struct spool_opts *o)
{
    char lock[SPOOL_PATH_MAX + 8];
    struct walk_result res;
    uint64_t next, ceil;
    int rc;

    memset(s, 0, sizeof *s);
    s->fd = -1;
    s->lock_fd = -1;
    if (!o->path || !o->path[0] || o->max_bytes < SPOOL_MIN_BYTES ||
        util_strlcpy(s->path, o->path, sizeof s->path) != IH_OK ||
        util_strlcpy(s->state_path, o->state_path ? o->state_path : "",
                     sizeof s->state_path) != IH_OK ||
        util_fmt(lock, sizeof lock, "%s.lock", o->path) != IH_OK) {
        return IH_EINVAL;
    }
    s->max_bytes = o->max_bytes;
    s->sync = o->sync;
    make_parent(s->path);
    s->lock_fd = open(lock, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (s->lock_fd < 0) {
        rc = IH_EIO;
        goto out;
    }
    if (flock(s->lock_fd, LOCK_EX | LOCK_NB) != 0) {
        rc = IH_EIO;
        goto out;
    }
    rc = open_append(s->path, &s->fd);
    if (rc != IH_OK) {
        goto out;
    }
    rc = spool_walk(s, 0, 0, first_line, &s->first_seq, &res);
    if (rc != IH_OK) {
        goto out;
    }
    s->size = res.len;
    s->lines = res.lines;
    s->high = res.max_seq;
    ceil = state_read(s->state_path);
    next = res.max_seq + 1;
    if (ceil > next) {
        next = ceil;
    }
    if (o->now > 0 && (uint64_t)o->now > next) {
        next = (uint64_t)o->now;
    }
    s->next_seq = next;
    s->ceiling = ceil;
    if (!res.clean) {
        s->recovered_bad = res.bad;
        s->recovered_bytes = res.bad_bytes;
        util_diag(s->path, 0, "%lu damaged stretch(es), %llu byte(s), dropped; %lu record(s) kept",
                  res.bad, (unsigned long long)res.bad_bytes, res.lines);
        rc = spool_rewrite(s, 0, 0, NULL);
        if (rc != IH_OK) {
            goto out;
        }
    }
    rc = IH_OK;
out:
    if (rc != IH_OK) {
        int e = errno;

        spool_close(s);
        errno = e;
    }
    return rc;
}

int spool_reserve(struct spool *s, uint64_t *seq)
{
    if (s->next_seq >= SPOOL_SEQ_MAX) {
        return IH_ETOOBIG;
    }
    if (s->state_path[0] && s->next_seq >= s->ceiling) {
        uint64_t c = s->next_seq + SPOOL_SEQ_BLOCK;

        if (state_write(s->state_path, c) != IH_OK) {
            util_diag(s->state_path, 0, "cannot save the seq ceiling: %s", util_errno_text(errno));
        }
        /* in memory anyway: one complaint per block, not per record */
        s->ceiling = c;
    }
    *seq = s->next_seq++;
    return IH_OK;
}

static int spool_write_record(struct spool *s, uint64_t seq, uint32_t aux,
                              const char *line, size_t len)
{
    unsigned char rec[SPOOL_HDR_LEN + SPOOL_PAYLOAD_MAX];
    int rc;

    spool_put_header(rec, SPOOL_KIND_LINE, (uint32_t)len, seq, aux, line);
    memcpy(rec + SPOOL_HDR_LEN, line, len);
    rc = util_write_all(s->fd, rec, SPOOL_HDR_LEN + len);
    s->full = rc != IH_OK && spool_no_space();
    if (rc != IH_OK) {
        int e = errno;

        /* never leave a half record behind for the next append to follow */
        (void)ftruncate(s->fd, (off_t)s->size);
        errno = e;
        return rc;
    }
    if (s->sync && fsync(s->fd) != 0) {
        return IH_EIO;
    }
    if (s->lines == 0) {
        s->first_seq = seq;
    }
    s->high = seq;
    s->size += SPOOL_HDR_LEN + len;
    s->lines++;
    return IH_OK;
}

struct sizer {
    uint64_t need;          /* bytes of lines that must go */
    unsigned long n;        /* lines to drop */
};

static int sizer_visit(void *ctx, uint64_t off, const struct spool_rec *rec)
{
    struct sizer *z = ctx;

    (void)off;
    if (rec->kind != SPOOL_KIND_LINE) {
        return 0;
    }
    if (z->need == 0) {
        return 1;
    }
    z->n++;
    z->need = z->need > SPOOL_HDR_LEN + rec->len ? z->need - (SPOOL_HDR_LEN + rec->len) : 0;
    return 0;
}

/*
 * Drop the oldest lines so that NEED more bytes plus a drop line fit;
 * *DROPPED gets how many findings went.
 */
static int spool_make_room(struct spool *s, size_t need, unsigned long *dropped)
{
    struct walk_result res;
    struct sizer z;
    uint64_t budget;
    int rc;

    *dropped = 0;
    if (s->head > 0) {
        /* acknowledged lines go first, and cost nothing */
        rc = spool_rewrite(s, s->acked, 0, NULL);
        if (rc != IH_OK || s->size + need <= s->max_bytes) {
            return rc;
        }
    }
    budget = s->max_bytes - SPOOL_HDR_LEN - (SPOOL_HDR_LEN + SPOOL_DROP_LINE) - need;
    z.n = 0;
    z.need = s->size > budget ? s->size - budget : 0;
    rc = spool_walk(s, 0, 0, sizer_visit, &z, &res);
    if (rc != IH_OK) {
        return rc;
    }
    return spool_rewrite(s, s->acked, z.n, dropped);
}

/* Queue the spool_dropped finding for DROPPED findings, with its own seq. */
static int spool_append_dropped(struct spool *s, unsigned long dropped)
{
    char line[SPOOL_DROP_LINE];
    uint64_t seq;
    int rc;

    s->dropped += dropped;
    rc = spool_reserve(s, &seq);
    if (rc != IH_OK) {
        return rc;
    }
    /* a fixed shape with nothing to escape: one format, not a JSON writer */
    rc = util_fmt(line, sizeof line, "{\"type\":\"%s\",\"severity\":\"medium\",\"summary\":"
                  "\"spool full: %lu finding(s) dropped before delivery\",\"ts\":%lld,"
                  "\"seq\":%llu,\"dropped\":%lu}", finding_type_name(FT_SPOOL_DROPPED), dropped,
                  (long long)time(NULL), (unsigned long long)seq, dropped);
    if (rc != IH_OK) {
        return rc;
    }
    return spool_write_record(s, seq, (uint32_t)(dropped > 0xffffffffUL ? 0xffffffffUL : dropped),
                              line, strlen(line));
}

int spool_append(struct spool *s, uint64_t seq, const char *line, size_t len)
{
    unsigned long dropped = 0;
    int rc;

    if (len > SPOOL_PAYLOAD_MAX || len == 0) {
        return IH_ETOOBIG;
    }
    if (seq == 0 || seq >= s->next_seq) {
        return IH_EINVAL;
    }
    if (s->size + SPOOL_HDR_LEN + len > s->max_bytes) {
        rc = spool_make_room(s, SPOOL_HDR_LEN + len, &dropped);
        if (rc != IH_OK) {
            return rc;
        }
    }
    rc = spool_write_record(s, seq, 0, line, len);
    /* after LINE: the counter's seq is newer than LINE's */
    if (rc == IH_OK && dropped > 0) {
        rc = spool_append_dropped(s, dropped);
    }
    return rc;
}

int spool_scan(struct spool *s, uint64_t after, spool_visit_fn fn, void *ctx)
{
    struct walk_result res;
    struct visit_adapter a = { fn, ctx, after };

    if (s->remote) {
        return privsep_remote_scan(s, after, fn, ctx);
    }
    if (after < s->acked) {
        a.after = s->acked;
    }
    return spool_walk(s, s->head, s->acked, visit_lines, &a, &res);
}

struct advance {
    uint64_t acked;
    uint64_t head;          /* offset just past the last acknowledged line */
    unsigned long n;        /* acknowledged lines passed */
    uint64_t first;         /* seq of the first line still waiting, 0: none */
};

static int advance_visit(void *ctx, uint64_t off, const struct spool_rec *rec)
{
    struct advance *v = ctx;

    if (rec->kind == SPOOL_KIND_LINE && rec->seq > v->acked) {
        v->first = rec->seq;
        return 1;
    }
    if (rec->kind == SPOOL_KIND_LINE) {
        v->n++;
    }
    v->head = off + SPOOL_HDR_LEN + rec->len;
    return 0;
}

int spool_ack(struct spool *s, uint64_t acked)
{
    struct walk_result res;
    struct advance v;
    int rc;

    if (s->remote) {
        return privsep_remote_ack(s, acked);
    }
    if (acked > SPOOL_SEQ_MAX) {
        return IH_EINVAL;
    }
    if (acked >= s->next_seq) {
        util_diag(s->path, 0, "collector acknowledged seq %llu beyond ours (%llu): "
                  "sequence state was lost; continuing after it",
                  (unsigned long long)acked, (unsigned long long)s->next_seq);
        s->next_seq = acked + 1;
        s->high = acked;
        if (s->lines == 0) {
            /* nothing to rewrite, but the jump must outlive us */
            return spool_rewrite(s, acked, 0, NULL);
        }
    }
    if (s->lines == 0 || acked < s->first_seq) {
        return IH_OK;
    }
    /* move the head past the acknowledged lines: O(batch), no writing */
    v.acked = acked;
    v.head = s->head;
    v.n = 0;
    v.first = 0;
    rc = spool_walk(s, s->head, s->acked, advance_visit, &v, &res);
    if (rc != IH_OK) {
        return rc;
    }
    s->acked = acked;
    s->head = v.head;
    s->lines = v.n > s->lines ? 0 : s->lines - v.n;
    s->first_seq = v.first;
    /* compact when everything is delivered or half the file is dead */
    if (s->lines == 0 || s->head >= s->size / 2) {
        return spool_rewrite(s, acked, 0, NULL);
    }
    return IH_OK;
}
