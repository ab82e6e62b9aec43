/* SPDX-License-Identifier: BSD-2-Clause */
#include "sockets.h"
#include "util.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const proto_names[SP__COUNT] = { "tcp", "tcp6", "udp", "udp6", "raw", "raw6" };
static const char *const proto_files[SP__COUNT] = {
    "/proc/net/tcp", "/proc/net/tcp6", "/proc/net/udp",
    "/proc/net/udp6", "/proc/net/raw", "/proc/net/raw6"
};

/* A kernel built without IPv6 (common on small routers) has neither
 * /proc/net/if_inet6 nor the tcp6/udp6/raw6 tables: their absence is then
 * no unread source, provided the IPv4 table V4 is there (an image with no
 * /proc/net at all tells nothing).  With IPv6 present, a missing v6 table
 * is one. */
static int sockets_no_ipv6(const struct root *r, const char *v4)
{
    char path[ROOT_PATH_MAX];
    struct stat sb;

    return root_path(r, "/proc/net/if_inet6", path, sizeof path) == IH_OK &&
           lstat(path, &sb) != 0 && errno == ENOENT &&
           root_path(r, v4, path, sizeof path) == IH_OK && stat(path, &sb) == 0;
}

const char *sockets_proto_name(enum sock_proto p)
{
    return (unsigned)p < SP__COUNT ? proto_names[p] : "?";
}

const char *sockets_state_name(enum sock_proto p, uint8_t state)
{
    static const char *const tcp[] = {
        "", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2",
        "TIME_WAIT", "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING"
    };

    if ((p == SP_TCP || p == SP_TCP6) && state < sizeof tcp / sizeof tcp[0]) {
        return tcp[state];
    }
    return "";
}

struct add_ctx {
    struct sock_table *t;
    enum sock_proto p;
    const struct sock_keep *keep;
};

static int sockets_add_cb(void *ctx, const struct procnet_entry *e)
{
    struct add_ctx *a = ctx;
    struct sock_table *t = a->t;
    struct sock_rec *r;

    t->total++;
    if (a->keep && a->keep->fn && !a->keep->fn(a->keep->ctx, a->p, e)) {
        return 0;
    }
    if (t->n == t->cap) {
        size_t ncap = t->cap ? t->cap * 2 : 64;
        struct sock_rec *nv;

        if (t->cap >= SOCKETS_MAX) {
            return IH_ETOOBIG;
        }
        if (ncap > SOCKETS_MAX) {
            ncap = SOCKETS_MAX;
        }
        nv = realloc(t->v, ncap * sizeof *nv);
        if (!nv) {
            return IH_ENOMEM;
        }
        t->v = nv;
        t->cap = ncap;
    }
    r = &t->v[t->n++];
    memset(r, 0, sizeof *r);
    r->e = *e;
    r->proto = a->p;
    t->sorted = 0;
    return 0;
}

static int sockets_is_v6(enum sock_proto p)
{
    return p == SP_TCP6 || p == SP_UDP6 || p == SP_RAW6;
}

int sockets_add_buffer(struct sock_table *t, enum sock_proto p, const char *buf, size_t len)
{
    struct add_ctx a = { t, p, NULL };
    struct procnet_stats st;
    int rc;

    rc = procnet_parse(buf, len, sockets_is_v6(p), t->order, sockets_add_cb, &a, &st);
    t->bad += st.bad;
    return rc;
}

/*
 * Stream PATH through a fixed buffer, handing FN whole lines (each ending
 * in '\n') a bufferful at a time.  A line longer than the buffer is
 * skipped up to its newline and counted in *OVERLONG; the bytes after the
 * last newline at EOF are handed over as they are (the parser drops a
 * line cut short).  FN's non-zero result stops the stream and is returned.
 */
#define SK_CHUNK 8192

static int sockets_stream(const char *path, int (*fn)(void *ctx, const char *b, size_t n),
                          void *ctx, unsigned long *overlong)
{
    char *buf;
    size_t have = 0;
    int fd = -1, rc, skipping = 0;

    rc = util_open_ro(path, 1, &fd, NULL);
    if (rc != IH_OK) {
        return rc;
    }
    buf = malloc(SK_CHUNK);
    if (!buf) {
        close(fd);
        return IH_ENOMEM;
    }
    for (;;) {
        ssize_t got = read(fd, buf + have, SK_CHUNK - have);
        char *last;
        size_t done;

        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            rc = IH_EIO;
            break;
        }
        if (got == 0) {
            if (have && !skipping) {
                rc = fn(ctx, buf, have);
            }
            break;
        }
        have += (size_t)got;
        if (skipping) {
            char *nl = memchr(buf, '\n', have);

            if (!nl) {
                have = 0;
                continue;
            }
            done = (size_t)(nl - buf) + 1;
            memmove(buf, buf + done, have - done);
            have -= done;
            skipping = 0;
        }
        last = have ? memrchr(buf, '\n', have) : NULL;
        if (!last) {
            if (have == SK_CHUNK) {
                (*overlong)++;
                skipping = 1;
                have = 0;
            }
            continue;
        }
        done = (size_t)(last - buf) + 1;
        rc = fn(ctx, buf, done);
        if (rc != 0) {
            break;
        }
        memmove(buf, buf + done, have - done);
        have -= done;
    }
    free(buf);
    close(fd);
    return rc;
}

static int sockets_parse_chunk(void *ctx, const char *b, size_t n)
{
    struct add_ctx *a = ctx;
    struct procnet_stats st;
    int rc;

    rc = procnet_parse(b, n, sockets_is_v6(a->p), a->t->order, sockets_add_cb, a, &st);
    a->t->bad += st.bad;
    return rc;
}

/*
 * Live byte-order probe.  Under qemu-user a big-endian agent reads the
 * host's /proc/net files, which are little-endian; on a router they are
 * big-endian.  Rather than trust the build, ask the kernel: connect a UDP
 * socket (no packet is sent by connect) to 127.1.2.3, an address whose two
 * byte orders differ, find our socket's line by its inode and see how the
 * kernel printed the peer.
 */
struct probe_ctx {
    char ino[24];
    enum procnet_order found;
};

static int sockets_probe_chunk(void *ctx, const char *b, size_t len)
{
    struct probe_ctx *p = ctx;
    size_t pos = 0, il = strlen(p->ino);

    while (pos < len) {
        const char *line = b + pos;
        const char *nl = memchr(line, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - line) : len - pos;

        pos += n + 1;
        if (!util_memmem(line, n, p->ino, il)) {
            continue;
        }
        if (util_memmem(line, n, " 7F010203:0009 ", 15)) {
            p->found = PROCNET_ORDER_BE;
        } else if (util_memmem(line, n, " 0302017F:0009 ", 15)) {
            p->found = PROCNET_ORDER_LE;
        }
        return 1;
    }
    return 0;
}

static enum procnet_order sockets_probe_order(const struct root *r)
{
    struct probe_ctx pc;
    struct sockaddr_in sa;
    struct stat st;
    char path[ROOT_PATH_MAX];
    unsigned long overlong = 0;
    int fd;

    pc.found = PROCNET_ORDER_UNKNOWN;
    fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return PROCNET_ORDER_UNKNOWN;
    }
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons(9);
    sa.sin_addr.s_addr = htonl(0x7f010203u);
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0 || fstat(fd, &st) != 0) {
        goto out;
    }
    if (root_path(r, "/proc/net/udp", path, sizeof path) != IH_OK ||
        util_fmt(pc.ino, sizeof pc.ino, " %lu ", (unsigned long)st.st_ino) != IH_OK) {
        goto out;
    }
    (void)sockets_stream(path, sockets_probe_chunk, &pc, &overlong);
out:
    close(fd);
    return pc.found;
}

/* Byte order of a --root image: its own binaries' ELF header. */
static enum procnet_order sockets_elf_order(const struct root *r)
{
    static const char *const cand[] = { "/bin/busybox", "/sbin/init", "/bin/sh", "/proc/1/exe" };
    size_t i;

    for (i = 0; i < sizeof cand / sizeof cand[0]; i++) {
        char path[ROOT_PATH_MAX];
        unsigned char hdr[16];
        enum procnet_order o;
        ssize_t got;
        int fd;

        if (root_path(r, cand[i], path, sizeof path) != IH_OK ||
            util_open_ro(path, 1, &fd, NULL) != IH_OK) {
            continue;
        }
        got = util_read_full(fd, hdr, sizeof hdr);
        close(fd);
        if (got < 6) {
            continue;
        }
        o = procnet_order_from_elf(hdr, (size_t)got);
        if (o != PROCNET_ORDER_UNKNOWN) {
            return o;
        }
    }
    return PROCNET_ORDER_UNKNOWN;
}

/* First bytes of R's /proc/net/tcp, for the plausibility guess. */
static enum procnet_order sockets_guess_order(const struct root *r)
{
    char path[ROOT_PATH_MAX], buf[4096];
    ssize_t got;
    int fd;

    if (root_path(r, "/proc/net/tcp", path, sizeof path) != IH_OK ||
        util_open_ro(path, 1, &fd, NULL) != IH_OK) {
        return PROCNET_ORDER_UNKNOWN;
    }
    got = util_read_full(fd, buf, sizeof buf);
    close(fd);
    if (got <= 0) {
        return PROCNET_ORDER_UNKNOWN;
    }
    return procnet_order_guess(buf, (size_t)got);
}

int sockets_load_keep(const struct root *r, struct sock_table *t, const struct sock_keep *keep)
{
    int p, rc = IH_OK;

    memset(t, 0, sizeof *t);
    if (root_is_live(r)) {
        t->order = sockets_probe_order(r);
        t->order_how = "probe";
    } else {
        t->order = sockets_elf_order(r);
        t->order_how = "elf";
    }
    if (t->order == PROCNET_ORDER_UNKNOWN) {
        t->order = sockets_guess_order(r);
        t->order_how = "guess";
    }
    if (t->order == PROCNET_ORDER_UNKNOWN) {
        /* a live kernel writes in the order we run in; images are routers */
        t->order = root_is_live(r) ? procnet_order_native() : PROCNET_ORDER_BE;
        t->order_how = "default";
    }
    for (p = 0; p < SP__COUNT; p++) {
        struct add_ctx a = { t, (enum sock_proto)p, keep };
        char path[ROOT_PATH_MAX];
        int src;

        if (root_path(r, proto_files[p], path, sizeof path) != IH_OK) {
            t->missing++;
            continue;
        }
        src = sockets_stream(path, sockets_parse_chunk, &a, &t->bad);
        if (src == IH_ENOENT && (p & 1) && sockets_no_ipv6(r, proto_files[p - 1])) {
            continue;       /* a kernel without IPv6 has no v6 tables: nothing unread */
        }
        if (src == IH_ENOENT || src == IH_EIO || src == IH_EINVAL) {
            t->missing++;
        } else if (src != IH_OK) {
            rc = src;
            break;
        }
    }
    sockets_sort(t);
    return rc;
}

int sockets_load(const struct root *r, struct sock_table *t)
{
    return sockets_load_keep(r, t, NULL);
}

static int sockets_cmp(const void *a, const void *b)
{
    const struct sock_rec *x = a, *y = b;

    return x->e.inode < y->e.inode ? -1 : x->e.inode > y->e.inode;
}

void sockets_sort(struct sock_table *t)
{
    if (t->n > 1) {
        util_sort(t->v, t->n, sizeof *t->v, sockets_cmp);
    }
    t->sorted = 1;
}

struct sock_rec *sockets_find_inode(struct sock_table *t, uint64_t inode)
{
    size_t i, lo = 0, hi = t->n;

    if (inode == 0) {
        return NULL;
    }
    if (t->sorted) {
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;

            if (t->v[mid].e.inode < inode) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < t->n && t->v[lo].e.inode == inode ? &t->v[lo] : NULL;
    }
    for (i = 0; i < t->n; i++) {
        if (t->v[i].e.inode == inode) {
            return &t->v[i];
        }
    }
    return NULL;
}

void sockets_free(struct sock_table *t)
{
    free(t->v);
    memset(t, 0, sizeof *t);
}
