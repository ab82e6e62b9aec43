/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * privsep.c - the two halves of delivery (privsep.h, docs/PRIVSEP.md).
 */
#include "privsep.h"
#include "cmd.h"
#include "config.h"
#include "transport.h"
#include "util.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#define PS_MSG_MAX  (1 + 8 + SPOOL_PAYLOAD_MAX)
#define PS_DONE_MIN (1 + 4 + 1 + 8 * 4)
#define PS_BUDGET_MAX (1u << 20)
#define PS_ETAG_MAX 34

_Static_assert(sizeof(struct transport_stats) == 8 * sizeof(unsigned long),
               "the 'D' message carries 8 counters");

/* N big-endian bytes of V at P. */
static void ps_put(unsigned char *p, uint64_t v, unsigned n)
{
    while (n-- > 0) {
        p[n] = (unsigned char)v;
        v >>= 8;
    }
}

static uint64_t ps_get(const unsigned char *p, unsigned n)
{
    uint64_t v = 0;
    unsigned i;

    for (i = 0; i < n; i++) {
        v = v << 8 | p[i];
    }
    return v;
}

int privsep_parse_passwd(const char *buf, size_t len, const char *file, const char *name,
                         uint32_t *uid, uint32_t *gid)
{
    size_t nl = strlen(name), pos = 0;
    unsigned long line = 0;

    while (pos < len) {
        const char *l = buf + pos, *end = memchr(l, '\n', len - pos), *p, *q;
        uint64_t v[2];
        int k;

        end = end ? end : buf + len;
        pos = (size_t)(end - buf) + 1;
        line++;
        if ((size_t)(end - l) <= nl || memcmp(l, name, nl) != 0 || l[nl] != ':') {
            continue;
        }
        /* past the password: uid ":" gid, each up to the next ':' */
        p = memchr(l + nl + 1, ':', (size_t)(end - l) - nl - 1);
        for (k = 0; k < 2 && p; k++) {
            p++;
            q = memchr(p, ':', (size_t)(end - p));
            if (util_parse_dec(p, (size_t)((q ? q : end) - p), 0xfffffffeu, &v[k]) != IH_OK ||
                (!q && k == 0)) {
                break;
            }
            p = q;
        }
        if (k < 2) {
            util_diag(file, line, "bad entry for '%s'", name);
            return IH_EPARSE;
        }
        *uid = (uint32_t)v[0];
        *gid = (uint32_t)v[1];
        return IH_OK;
    }
    return IH_ENOENT;
}

int privsep_user(const char *user, uint32_t *uid, uint32_t *gid)
{
    static const char passwd[] = "/etc/passwd";
    char *buf = NULL;
    size_t len;
    uint64_t v;
    int rc;

    if (util_parse_dec(user, strlen(user), 0xfffffffeu, &v) == IH_OK) {
        *uid = *gid = (uint32_t)v;
        rc = IH_OK;
    } else {
        rc = util_read_file(passwd, PRIVSEP_PASSWD_MAX, &buf, &len);
        if (rc == IH_OK) {
            rc = privsep_parse_passwd(buf, len, passwd, user, uid, gid);
        }
        free(buf);
        if (rc != IH_OK) {
            util_diag(passwd, 0, "user '%s': %s", user,
                      rc == IH_ENOENT ? "no such user" : util_strerror(rc));
            return rc;
        }
    }
    if (*uid == 0 || *gid == 0) {
        util_diag("config", 0, "user '%s' is root", user);
        return IH_EINVAL;
    }
    return IH_OK;
}

/* Real, effective and saved uids all non-zero? */
static int ps_not_root(void)
{
    uid_t id[3];

    return syscall(SYS_getresuid, &id[0], &id[1], &id[2]) == 0 && id[0] && id[1] && id[2];
}

int privsep_drop(uint32_t uid, uint32_t gid)
{
    /* raw system calls: the process has one thread, and musl's wrappers
     * would pull in the all-threads machinery */
    if (!ps_not_root() &&
        (syscall(SYS_setgroups, 0, NULL) != 0 ||
         syscall(SYS_setresgid, (gid_t)gid, (gid_t)gid, (gid_t)gid) != 0 ||
         syscall(SYS_setresuid, (uid_t)uid, (uid_t)uid, (uid_t)uid) != 0)) {
        return IH_EIO;
    }
    if (syscall(SYS_prctl, PR_SET_NO_NEW_PRIVS, 1L, 0L, 0L, 0L) != 0 ||
        syscall(SYS_prctl, PR_SET_DUMPABLE, 0L, 0L, 0L, 0L) != 0) {
        return IH_EIO;
    }
    /* the proof: no uid is 0 and none can come back */
    if (!ps_not_root() || syscall(SYS_setuid, (uid_t)0) == 0) {
        return IH_EAUTH;
    }
    return IH_OK;
}

/*
 * One whole message, retrying EINTR (STOP set: pass it on to PID once).
 * -1 on an error, an oversized message, or the privileged end's receive
 * timeout (SO_RCVTIMEO: the peer went silent).
 */
static ssize_t ps_recv(int fd, unsigned char *buf, size_t cap, volatile int *stop, int pid)
{
    for (;;) {
        ssize_t got = recv(fd, buf, cap, MSG_TRUNC);

        if (got >= 0) {
            return got > (ssize_t)cap ? -1 : got;
        }
        if (errno != EINTR) {
            return -1;
        }
        if (stop && *stop && pid > 0) {
            (void)kill(pid, SIGTERM);
            stop = NULL;
        }
    }
}

static int ps_send(int fd, const unsigned char *buf, size_t n)
{
    ssize_t w;

    do {
        w = send(fd, buf, n, MSG_NOSIGNAL);
    } while (w < 0 && errno == EINTR);
    return w == (ssize_t)n ? IH_OK : IH_EIO;
}

/* ---- the network half ---------------------------------------------------- */

/* 'E': rc, lines, next_seq into the mirror S.  Returns rc. */
static int ps_end(struct spool *s, const unsigned char *m, ssize_t n)
{
    if (n != 1 + 4 + 8 + 8 || m[0] != 'E') {
        return IH_EIO;
    }
    s->lines = (unsigned long)ps_get(m + 5, 8);
    s->next_seq = ps_get(m + 13, 8);
    return (int)(int32_t)(uint32_t)ps_get(m + 1, 4);
}

int privsep_remote_scan(struct spool *s, uint64_t after, spool_visit_fn fn, void *ctx)
{
    static unsigned char m[PS_MSG_MAX];
    int rc = IH_OK, stopped = 0;

    m[0] = 'S';
    ps_put(m + 1, after, 8);
    ps_put(m + 9, s->max_bytes, 4);
    if (ps_send(s->remote_fd, m, 13) != IH_OK) {
        return IH_EIO;
    }
    for (;;) {
        ssize_t n = ps_recv(s->remote_fd, m, sizeof m, NULL, 0);

        if (n >= 9 && m[0] == 'L') {
            if (!stopped) {
                int r = fn(ctx, ps_get(m + 1, 8), (const char *)m + 9, (size_t)n - 9);

                stopped = r != 0;
                rc = r < 0 ? r : IH_OK;
            }
            continue;
        }
        n = ps_end(s, m, n);
        return n != IH_OK ? (int)n : rc;
    }
}

int privsep_remote_ack(struct spool *s, uint64_t acked)
{
    unsigned char m[1 + 4 + 8 + 8];

    m[0] = 'A';
    ps_put(m + 1, acked, 8);
    if (ps_send(s->remote_fd, m, 9) != IH_OK) {
        return IH_EIO;
    }
    return ps_end(s, m, ps_recv(s->remote_fd, m, sizeof m, NULL, 0));
}

/*
 * Run OP (deliver S, or fetch the bundle) on the collectors of the
 * `collector` list in order, from the first each time (back on it as soon
 * as it answers): the next is tried when one fails; the last failure is
 * returned.  The list is in our copy of the config.
 */
static struct config ps_cfg;    /* the network half's copy of T's config */

static int ps_failover(struct transport *t, struct spool *s, const char *etag, char *buf,
                       size_t cap, size_t *body, size_t *blen)
{
    struct config *c = &ps_cfg;
    unsigned i;
    int rc = IH_ENET;

    for (i = 0; i < c->n_collectors; i++) {
        config_use_collector(c, i);
        if (s) {
            rc = transport_deliver(t, s);
            transport_disconnect(t);
        } else {
            rc = update_get(t, etag, buf, cap, body, blen);
        }
        if (rc != IH_ENET) {
            break;
        }
        if (i + 1 < c->n_collectors) {
            util_print(2, "iothunt: %s:%u: %s; trying %s:%u\n", c->host, (unsigned)c->port,
                       t->last_error, c->host_list[i + 1], (unsigned)c->port_list[i + 1]);
        }
    }
    return rc;
}

/*
 * 'B': fetch the bundle; its body goes back in 'C' messages, then
 * 'F' rc:i32 len:u32 last_error.
 */
static int ps_serve_bundle(int fd, struct transport *t, const unsigned char *m, ssize_t n)
{
    static unsigned char c[PS_MSG_MAX];
    char etag[PS_ETAG_MAX + 1], *buf;
    unsigned char f[9 + sizeof t->last_error];
    size_t cap = (size_t)t->cfg->bundle_max_bytes + 8192, body = 0, blen = 0, off, k, el;
    int rc = IH_ENOMEM;

    memcpy(etag, m + 1, (size_t)n - 1);
    etag[n - 1] = '\0';
    t->last_error[0] = '\0';
    buf = malloc(cap);
    if (buf) {
        rc = ps_failover(t, NULL, etag, buf, cap, &body, &blen);
    }
    if (rc != IH_OK) {
        blen = 0;
    }
    for (off = 0; off < blen; off += k) {
        k = blen - off < sizeof c - 1 ? blen - off : sizeof c - 1;
        c[0] = 'C';
        memcpy(c + 1, buf + body + off, k);
        if (ps_send(fd, c, 1 + k) != IH_OK) {
            free(buf);
            return IH_EIO;
        }
    }
    free(buf);
    f[0] = 'F';
    ps_put(f + 1, (uint32_t)rc, 4);
    ps_put(f + 5, blen, 4);
    el = strlen(t->last_error);
    memcpy(f + 9, t->last_error, el);
    return ps_send(fd, f, 9 + el);
}

/* Serve 'G' and 'B' requests until the privileged end closes. */
static void ps_serve_network(int fd, struct transport *t)
{
    unsigned char m[PS_DONE_MIN + sizeof t->last_error];
    struct spool s;

    ps_cfg = *t->cfg;
    t->cfg = &ps_cfg;
    for (;;) {
        unsigned long st[8];
        ssize_t n = ps_recv(fd, m, sizeof m, NULL, 0);
        size_t el;
        int rc, i;

        if (n >= 1 && n <= 1 + PS_ETAG_MAX && m[0] == 'B') {
            if (ps_serve_bundle(fd, t, m, n) != IH_OK) {
                return;
            }
            continue;
        }
        if (n != 17 || m[0] != 'G') {
            return;
        }
        memset(&s, 0, sizeof s);
        s.remote = 1;
        s.remote_fd = fd;
        s.max_bytes = t->cfg->batch_max_bytes;
        s.lines = (unsigned long)ps_get(m + 1, 8);
        s.next_seq = ps_get(m + 9, 8);
        t->last_error[0] = '\0';
        rc = ps_failover(t, &s, NULL, NULL, 0, NULL, NULL);
        memcpy(st, &t->st, sizeof st);
        m[0] = 'D';
        ps_put(m + 1, (uint32_t)rc, 4);
        m[5] = (unsigned char)t->clock_unset;
        for (i = 0; i < 8; i++) {
            ps_put(m + 6 + 4 * i, st[i], 4);
        }
        el = strlen(t->last_error);
        memcpy(m + PS_DONE_MIN, t->last_error, el);
        if (ps_send(fd, m, PS_DONE_MIN + el) != IH_OK) {
            return;
        }
    }
}

int privsep_start(struct privsep *p, struct transport *t, uint32_t uid, uint32_t gid)
{
    int sv[2], rc;

    /* the system call: musl's socketpair carries a fallback for kernels
     * before 2.6.27 */
    if (syscall(SYS_socketpair, AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0) {
        return IH_EIO;
    }
    /* _Fork (here and in every fork of the agent): the agent has one
     * thread and no atfork handlers, and fork() adds only their locking,
     * which brings musl's thread-lock code in (1.8 KiB) */
    p->pid = (int)_Fork();
    if (p->pid < 0) {
        close(sv[0]);
        close(sv[1]);
        p->pid = 0;
        return IH_EIO;
    }
    if (p->pid == 0) {
        close(sv[0]);
        rc = privsep_drop(uid, gid);
        if (rc != IH_OK) {
            util_print(2, "iothunt: network half: cannot drop to uid %lu: %s\n",
                       (unsigned long)uid, util_strerror(rc));
            _exit(2);
        }
        ps_serve_network(sv[1], t);
        _exit(0);
    }
    close(sv[1]);
    p->fd = sv[0];
    return IH_OK;
}

/* ---- the privileged half ---------------------------------------------------- */

struct ps_feed {
    int fd;
    uint64_t budget;    /* stop after the line that crosses it */
    unsigned char *m;
};

static int ps_feed_visit(void *ctx, uint64_t seq, const char *line, size_t len)
{
    struct ps_feed *f = ctx;

    f->m[0] = 'L';
    ps_put(f->m + 1, seq, 8);
    memcpy(f->m + 9, line, len);
    if (ps_send(f->fd, f->m, 9 + len) != IH_OK) {
        return IH_EIO;
    }
    if (len + 1 >= f->budget) {
        return 1;
    }
    f->budget -= len + 1;
    return 0;
}

static int ps_send_end(int fd, int rc, const struct spool *s)
{
    unsigned char m[1 + 4 + 8 + 8];

    m[0] = 'E';
    ps_put(m + 1, (uint32_t)rc, 4);
    ps_put(m + 5, s->lines, 8);
    ps_put(m + 13, s->next_seq, 8);
    return ps_send(fd, m, sizeof m);
}

/*
 * The network half's every step is bounded by the timeout, for each
 * collector of the list: a silent one is stuck or hostile.
 */
static void ps_timeout(struct privsep *p, const struct transport *t)
{
    struct timeval tv;

    tv.tv_sec = (time_t)((t->cfg->timeout * 4 + 10) * (t->cfg->n_collectors ? t->cfg->n_collectors : 1));
    tv.tv_usec = 0;
    (void)setsockopt(p->fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
}

int privsep_deliver(struct privsep *p, struct transport *t, struct spool *s, volatile int *stop)
{
    static unsigned char m[PS_MSG_MAX];
    const char *why = "network half exited";
    int rc = IH_ENET;

    if (p->pid <= 0) {
        goto out;
    }
    ps_timeout(p, t);
    m[0] = 'G';
    ps_put(m + 1, s->lines, 8);
    ps_put(m + 9, s->next_seq, 8);
    if (ps_send(p->fd, m, 17) != IH_OK) {
        goto out;
    }
    for (;;) {
        ssize_t n = ps_recv(p->fd, m, sizeof m, stop, p->pid);
        unsigned long st[8];
        int i;

        if (n <= 0) {
            goto out;
        }
        why = "network half broke the protocol";
        if (m[0] == 'S' && n == 13) {
            struct ps_feed f = { p->fd, ps_get(m + 9, 4), m };

            if (f.budget == 0 || f.budget > PS_BUDGET_MAX) {
                goto out;
            }
            rc = spool_scan(s, ps_get(m + 1, 8), ps_feed_visit, &f);
        } else if (m[0] == 'A' && n == 9) {
            rc = spool_ack(s, ps_get(m + 1, 8));
        } else if (m[0] == 'D' && n >= PS_DONE_MIN && n < PS_DONE_MIN + (ssize_t)sizeof t->last_error) {
            rc = (int)(int32_t)(uint32_t)ps_get(m + 1, 4);
            if (rc > IH_OK || rc < IH_EAUTH) {
                goto out;
            }
            t->clock_unset = m[5] != 0;
            for (i = 0; i < 8; i++) {
                st[i] = (unsigned long)ps_get(m + 6 + 4 * i, 4);
            }
            /* a batch went through: the backoff starts over (the
             * privileged half keeps it: it decides when to retry) */
            if (st[3] != t->st.batches) {
                t->backoff = 0;
            }
            memcpy(&t->st, st, sizeof st);
            memcpy(t->last_error, m + PS_DONE_MIN, (size_t)n - PS_DONE_MIN);
            t->last_error[n - PS_DONE_MIN] = '\0';
            return rc;
        } else {
            goto out;
        }
        if (ps_send_end(p->fd, rc, s) != IH_OK) {
            why = "network half exited";
            goto out;
        }
    }
out:
    (void)util_strlcpy(t->last_error, why, sizeof t->last_error);
    privsep_stop(p);
    t->st.failures++;
    return IH_ENET;
}

int privsep_fetch(struct privsep *p, struct transport *t, const char *etag, char *buf, size_t cap,
                  size_t *len)
{
    static unsigned char m[PS_MSG_MAX];
    const char *why = "network half exited";
    size_t el = strlen(etag);
    int rc = IH_ENET;

    *len = 0;
    if (p->pid <= 0 || el > PS_ETAG_MAX) {
        goto out;
    }
    ps_timeout(p, t);
    m[0] = 'B';
    memcpy(m + 1, etag, el);
    if (ps_send(p->fd, m, 1 + el) != IH_OK) {
        goto out;
    }
    for (;;) {
        ssize_t n = ps_recv(p->fd, m, sizeof m, t->stop, p->pid);

        if (n <= 0) {
            goto out;
        }
        why = "network half broke the protocol";
        if (m[0] == 'C' && n > 1 && (size_t)n - 1 <= cap - *len) {
            memcpy(buf + *len, m + 1, (size_t)n - 1);
            *len += (size_t)n - 1;
        } else if (m[0] == 'F' && n >= 9 && n < 9 + (ssize_t)sizeof t->last_error) {
            rc = (int)(int32_t)(uint32_t)ps_get(m + 1, 4);
            /* the length said must be the length sent, and a body only
             * comes with IH_OK */
            if (rc > 1 || rc < IH_EAUTH || ps_get(m + 5, 4) != *len || (rc != IH_OK && *len)) {
                rc = IH_ENET;
                goto out;
            }
            memcpy(t->last_error, m + 9, (size_t)n - 9);
            t->last_error[n - 9] = '\0';
            return rc;
        } else {
            goto out;
        }
    }
out:
    (void)util_strlcpy(t->last_error, why, sizeof t->last_error);
    privsep_stop(p);
    *len = 0;
    return IH_ENET;
}

void privsep_stop(struct privsep *p)
{
    if (p->pid > 0) {
        close(p->fd);
        (void)kill(p->pid, SIGKILL);     /* it holds nothing to save */
        (void)waitpid(p->pid, NULL, 0);
    }
    p->fd = -1;
    p->pid = 0;
}
