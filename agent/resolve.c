/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * resolve.c - host names to addresses (resolve.h), in place of libc's
 * getaddrinfo(): musl's resolver, with its stdio, locale and sorting
 * dependencies, was about 20 KiB of the static agent.
 *
 * The shape follows musl (src/network/resolvconf.c, res_msend.c): files
 * read line by line through a fixed buffer, a truncated line dropped, not
 * half-parsed; resolv.conf values clamped; one UDP socket, every query sent
 * to every nameserver, resent every timeout/attempts, answers accepted
 * only from a nameserver's address and port.  Differences: the caller's
 * deadline bounds the whole lookup; the answer must repeat our question;
 * addresses are taken only for the query name or the end of its CNAME
 * chain, not for any owner in the answer section.
 */
#include "ioc.h"
#include "resolve.h"
#include "util.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define RS_LINE_MAX  512                /* longer lines are dropped */
#define RS_FILE_MAX  (8L * 1024 * 1024) /* bytes of one file read at most */
#define RS_UDP_MAX   512                /* no EDNS0: answers fit 512 bytes */
#define RR_A         1
#define RR_CNAME     5
#define RR_AAAA      28

static const char *rs_hosts_path = "/etc/hosts";
static const char *rs_conf_path = "/etc/resolv.conf";
static unsigned rs_port = 53;

void resolve_set_paths(const char *hosts, const char *resolv_conf, unsigned port)
{
    rs_hosts_path = hosts ? hosts : "/etc/hosts";
    rs_conf_path = resolv_conf ? resolv_conf : "/etc/resolv.conf";
    rs_port = port ? port : 53;
}

const char *resolve_strerror(int code)
{
    static const char *const msg[] = {
        "name not found", "name has no address", "server failure", "query refused",
        "timed out", "no nameserver answered", "invalid name",
    };

    if (code <= RESOLVE_ENOTFOUND && code >= RESOLVE_EBADNAME) {
        return msg[RESOLVE_ENOTFOUND - code];
    }
    return code == IH_EPARSE ? "malformed answer" : util_strerror(code);
}

socklen_t resolve_sockaddr(const struct resolve_addr *a, unsigned port,
                           struct sockaddr_storage *ss)
{
    memset(ss, 0, sizeof *ss);
    ss->ss_family = (sa_family_t)a->family;
    if (a->family == AF_INET) {
        struct sockaddr_in *in = (struct sockaddr_in *)(void *)ss;

        in->sin_port = htons((uint16_t)port);
        memcpy(&in->sin_addr, a->addr, 4);
        return sizeof *in;
    } else {
        struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)(void *)ss;

        in6->sin6_port = htons((uint16_t)port);
        memcpy(&in6->sin6_addr, a->addr, 16);
        return sizeof *in6;
    }
}

/* An IPv4 or IPv6 literal W[0..N) into *A; 0, or -1 if it is none. */
static int rs_addr(const char *w, size_t n, struct resolve_addr *a)
{
    int fam;

    memset(a, 0, sizeof *a);
    fam = ioc_parse_addr(w, n, a->addr);
    a->family = fam == 4 ? AF_INET : AF_INET6;
    return fam ? 0 : -1;
}

/*
 * Name grammar: label *("." label) ["."], label = 1*63(ALPHA / DIGIT /
 * "-" / "_"), at most 253 bytes without the final dot.  Written to OUT in
 * wire form (length-prefixed labels, a zero byte), lower-cased.
 */
static int rs_encode(const char *name, uint8_t *out)
{
    size_t len = strlen(name), i, lab = 0;

    if (len > 0 && name[len - 1] == '.') {
        len--;
    }
    if (len == 0 || len > 253) {
        return RESOLVE_EBADNAME;
    }
    for (i = 0; i <= len; i++) {
        int c = i < len ? util_lower((unsigned char)name[i]) : '.';

        if (c == '.') {
            if (i == lab || i - lab > 63) {
                return RESOLVE_EBADNAME;
            }
            out[lab] = (uint8_t)(i - lab);
            lab = i + 1;
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
            out[i + 1] = (uint8_t)c;
        } else {
            return RESOLVE_EBADNAME;
        }
    }
    out[len + 1] = 0;
    return (int)len + 2;
}

int resolve_build_query(const char *name, unsigned qtype, unsigned id, uint8_t *q)
{
    int n = rs_encode(name, q + 12);

    if (n < 0) {
        return n;
    }
    memset(q, 0, 12);
    q[0] = (uint8_t)(id >> 8);
    q[1] = (uint8_t)id;
    q[2] = 1;                   /* RD: the nameserver recurses */
    q[5] = 1;                   /* one question */
    q += 12 + n;
    q[0] = (uint8_t)(qtype >> 8);
    q[1] = (uint8_t)qtype;
    q[2] = 0;
    q[3] = 1;                   /* class IN */
    return 12 + n + 4;
}

/*
 * Read the name at *POS of PKT[0..LEN) into OUT[256] in wire form,
 * lower-cased, and move *POS past it.  Compression pointers must point
 * below the name's start and each below the previous target, so a chain
 * always ends; the expanded name is at most 255 bytes.  Returns its length.
 */
static int rs_name(const uint8_t *pkt, size_t len, size_t *pos, uint8_t *out)
{
    size_t p = *pos, limit = *pos, n = 0, i;
    int jumped = 0;

    for (;;) {
        unsigned c;

        if (p >= len) {
            return IH_EPARSE;
        }
        c = pkt[p];
        if (c >= 0xc0) {
            if (p + 1 >= len || (((c & 0x3f) << 8) | pkt[p + 1]) >= limit) {
                return IH_EPARSE;
            }
            if (!jumped) {
                *pos = p + 2;
                jumped = 1;
            }
            p = limit = ((c & 0x3f) << 8) | pkt[p + 1];
            continue;
        }
        if (c >= 0x40 || n + c + 1 > 255 || c + 1 > len - p) {
            return IH_EPARSE;
        }
        out[n++] = (uint8_t)c;
        for (i = 1; i <= c; i++) {
            out[n++] = (uint8_t)util_lower(pkt[p + i]);
        }
        p += c + 1;
        if (c == 0) {
            break;
        }
    }
    if (!jumped) {
        *pos = p;
    }
    return (int)n;
}

/*
 * Response grammar (RFC 1035 4.1): header(12) question answer*ANCOUNT
 * [authority additional, not read]; question = name type(2) class(2);
 * answer = name type(2) class(2) ttl(4) rdlength(2) rdata.
 */
int resolve_parse_response(const uint8_t *pkt, size_t len, const uint8_t *q, size_t qlen,
                           struct resolve_addr *out, int max)
{
    uint8_t cur[256], owner[256];
    size_t p = 12, start, qn = qlen - 16;
    unsigned an, i, hop, rcode, qtype = q[qlen - 3];
    int n = 0, cl, tc;

    if (len < 12 || pkt[0] != q[0] || pkt[1] != q[1] || (pkt[2] & 0xf8) != 0x80 ||
        pkt[4] != 0 || pkt[5] != 1) {
        return IH_EPARSE;
    }
    cl = rs_name(pkt, len, &p, cur);
    if (cl != (int)qn || memcmp(cur, q + 12, qn) != 0 || len - p < 4 ||
        memcmp(pkt + p, q + 12 + qn, 4) != 0) {
        return IH_EPARSE;
    }
    rcode = pkt[3] & 15;
    if (rcode != 0) {
        return rcode == 3 ? RESOLVE_ENOTFOUND
                          : rcode == 5 ? RESOLVE_EREFUSED : RESOLVE_ESERVFAIL;
    }
    tc = pkt[2] & 2;
    an = (unsigned)pkt[6] << 8 | pkt[7];
    start = p + 4;
    for (hop = 0;; hop++) {
        int moved = 0;

        n = 0;
        p = start;
        for (i = 0; i < an; i++) {
            unsigned type, rdlen;
            int ol = rs_name(pkt, len, &p, owner);

            if (ol < 0 || len - p < 10 || (rdlen = (unsigned)pkt[p + 8] << 8 | pkt[p + 9]) >
                                              len - p - 10) {
                if (tc) {
                    break;      /* cut by the server: use what came */
                }
                return IH_EPARSE;
            }
            type = (unsigned)pkt[p] << 8 | pkt[p + 1];
            p += 10;
            if (ol != cl || memcmp(owner, cur, (size_t)cl) != 0) {
                /* another name's record */
            } else if (type == RR_CNAME) {
                size_t r = p;

                cl = rs_name(pkt, len, &r, cur);
                if (cl < 0 || r != p + rdlen) {
                    return IH_EPARSE;
                }
                moved = 1;
                break;
            } else if (type == qtype && pkt[p - 8] == 0 && pkt[p - 7] == 1) {
                if (rdlen != (type == RR_A ? 4u : 16u)) {
                    return IH_EPARSE;
                }
                if (n < max) {
                    memset(&out[n], 0, sizeof out[n]);
                    out[n].family = type == RR_A ? AF_INET : AF_INET6;
                    memcpy(out[n].addr, pkt + p, rdlen);
                    n++;
                }
            }
            p += rdlen;
        }
        if (!moved) {
            return n;
        }
        if (hop == RESOLVE_CNAME_MAX) {
            return IH_EPARSE;   /* a CNAME loop, or a chain too long */
        }
    }
}

void resolve_conf_init(struct resolve_conf *c)
{
    memset(c, 0, sizeof *c);
    c->timeout = 5;
    c->attempts = 2;
}

/* Next blank-separated word of S[*I..N): at *W, its length (0: none). */
static size_t rs_word(const char *s, size_t n, size_t *i, const char **w)
{
    while (*i < n && (s[*i] == ' ' || s[*i] == '\t' || s[*i] == '\r')) {
        (*i)++;
    }
    *w = s + *i;
    while (*i < n && s[*i] != ' ' && s[*i] != '\t' && s[*i] != '\r') {
        (*i)++;
    }
    return (size_t)(s + *i - *w);
}

/* The line at BUF[*POS..LEN) without its newline: at *S, its length. */
static size_t rs_line(const char *buf, size_t len, size_t *pos, const char **s)
{
    const char *nl;
    size_t n;

    *s = buf + *pos;
    nl = memchr(*s, '\n', len - *pos);
    n = nl ? (size_t)(nl - *s) : len - *pos;
    *pos += n + 1;
    return n;
}

/* Value of option word W[0..N) named KEY (with ':'), clamped to LO..HI. */
static void rs_option(const char *w, size_t n, const char *key, int lo, int hi, int *val)
{
    size_t k = strlen(key);
    uint64_t v;

    if (n > k && memcmp(w, key, k) == 0 && util_parse_dec(w + k, n - k, 1000000, &v) == IH_OK) {
        *val = v < (uint64_t)lo ? lo : v > (uint64_t)hi ? hi : (int)v;
    }
}

void resolve_parse_conf(const char *buf, size_t len, struct resolve_conf *c)
{
    size_t pos = 0;

    while (pos < len) {
        const char *s, *w;
        size_t i = 0, n = rs_line(buf, len, &pos, &s), k = rs_word(s, n, &i, &w);

        if (k == 10 && memcmp(w, "nameserver", 10) == 0) {
            k = rs_word(s, n, &i, &w);
            if (c->nns < RESOLVE_NS_MAX && rs_addr(w, k, &c->ns[c->nns]) == 0) {
                c->nns++;
            }
        } else if (k == 7 && memcmp(w, "options", 7) == 0) {
            while ((k = rs_word(s, n, &i, &w)) > 0) {
                rs_option(w, k, "timeout:", 1, 60, &c->timeout);
                rs_option(w, k, "attempts:", 1, 10, &c->attempts);
            }
        }
    }
}

int resolve_hosts_find(const char *buf, size_t len, const char *name, int family,
                       struct resolve_addr *out, int n, int max)
{
    size_t nl = strlen(name), pos = 0;

    if (nl > 0 && name[nl - 1] == '.') {
        nl--;
    }
    while (pos < len && n < max) {
        struct resolve_addr a;
        const char *s, *w, *hash;
        size_t i = 0, ln = rs_line(buf, len, &pos, &s), k;

        hash = memchr(s, '#', ln);
        if (hash) {
            ln = (size_t)(hash - s);
        }
        k = rs_word(s, ln, &i, &w);
        if (rs_addr(w, k, &a) != 0 || (family != AF_UNSPEC && family != a.family)) {
            continue;
        }
        while ((k = rs_word(s, ln, &i, &w)) > 0) {
            if (k == nl && util_caseeq(w, name, nl)) {
                out[n++] = a;
                break;
            }
        }
    }
    return n;
}

/*
 * Open the regular file PATH, following symlinks, unlike util_open_ro():
 * /etc/resolv.conf is a symlink on OpenWrt (to /tmp/resolv.conf...) and on
 * systemd hosts, and /etc/hosts on some read-only firmwares.  These paths
 * are fixed, never taken from scanned data.  Returns the fd or -1.
 */
static int rs_open(const char *path)
{
    struct stat st;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);

    if (fd >= 0 && (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))) {
        close(fd);
        fd = -1;
    }
    return fd;
}

/*
 * Feed PATH to FN in chunks of whole lines, through a RS_LINE_MAX buffer:
 * a longer line is dropped up to its newline, like musl's resolv.conf
 * reader does; reading stops after RS_FILE_MAX bytes.
 */
static void rs_read_lines(const char *path, void (*fn)(void *ctx, const char *buf, size_t len),
                          void *ctx)
{
    char buf[RS_LINE_MAX];
    size_t have = 0, k;
    long total = 0;
    int fd, skip = 0;

    fd = rs_open(path);
    if (fd < 0) {
        return;     /* no file: nothing to add (musl's behaviour too) */
    }
    for (;;) {
        const char *nl;
        ssize_t r = read(fd, buf + have, sizeof buf - have);

        if (r < 0 && errno == EINTR) {
            continue;
        }
        if (r <= 0 || (total += r) > RS_FILE_MAX) {
            break;
        }
        have += (size_t)r;
        if (skip) {
            nl = memchr(buf, '\n', have);
            if (!nl) {
                have = 0;
                continue;
            }
            skip = 0;
            k = (size_t)(nl + 1 - buf);
            memmove(buf, buf + k, have -= k);
        }
        nl = memrchr(buf, '\n', have);
        if (nl) {
            k = (size_t)(nl + 1 - buf);
            fn(ctx, buf, k);
            memmove(buf, buf + k, have -= k);
        } else if (have == sizeof buf) {
            skip = 1;
            have = 0;
        }
    }
    if (have > 0 && !skip) {
        fn(ctx, buf, have);     /* the last line, without a newline */
    }
    close(fd);
}

static void rs_conf_fn(void *ctx, const char *buf, size_t len)
{
    resolve_parse_conf(buf, len, ctx);
}

struct rs_hosts {
    const char *name;
    int family, n, max;
    struct resolve_addr *out;
};

static void rs_hosts_fn(void *ctx, const char *buf, size_t len)
{
    struct rs_hosts *h = ctx;

    h->n = resolve_hosts_find(buf, len, h->name, h->family, h->out, h->n, h->max);
}

/* A random transaction id: getrandom(), /dev/urandom on kernels before 3.17. */
static unsigned rs_id(void)
{
    int64_t t = util_now_ms();
    uint8_t b[2] = { (uint8_t)t, (uint8_t)(t >> 8) };   /* the last resort */
    int fd;

    if (getrandom(b, sizeof b, GRND_NONBLOCK) != (ssize_t)sizeof b &&
        util_open_ro("/dev/urandom", 0, &fd, NULL) == IH_OK) {
        ssize_t r = read(fd, b, sizeof b);      /* on failure b is unchanged */

        (void)r;
        close(fd);
    }
    return (unsigned)b[0] << 8 | b[1];
}

struct rs_query {
    uint8_t q[RESOLVE_QUERY_MAX];
    int qlen;
    int n;                      /* addresses, or a RESOLVE_E* answer */
    int done;
    unsigned failed;            /* servers that answered SERVFAIL/REFUSED */
    struct resolve_addr got[RESOLVE_ADDRS_MAX];
};

/*
 * Ask the nameservers of C for NAME's A and/or AAAA records.  One UDP
 * socket (IPv6 with v4-mapped servers when one server is IPv6, as in
 * musl); all queries to all servers every timeout/attempts; until every
 * query has an answer, every server has refused it, the resolv.conf
 * timeout or the caller's DEADLINE.
 */
static int rs_dns(const char *name, int family, int64_t deadline, const struct resolve_conf *c,
                  struct resolve_addr *out, int max, char *err, size_t errlen)
{
    struct rs_query qs[2];
    struct sockaddr_storage ns[RESOLVE_NS_MAX];
    socklen_t nsl[RESOLVE_NS_MAX];
    uint8_t pkt[RS_UDP_MAX];
    int64_t now = util_now_ms(), end = now + (int64_t)c->timeout * 1000, next = now;
    /* at most 60000 ms (timeout 1..60, attempts 1..10): a 32-bit division */
    int64_t retry = c->timeout * 1000 / c->attempts;
    int sfam = AF_INET, fd, i, j, nq = 0, nns = 0, rc = RESOLVE_ENOANSWER;
    unsigned id = rs_id();

    memset(qs, 0, sizeof qs);
    if (family != AF_INET6) {
        qs[nq].qlen = resolve_build_query(name, RR_A, id, qs[nq].q);
        nq++;
    }
    if (family != AF_INET) {
        qs[nq].qlen = resolve_build_query(name, RR_AAAA, id ^ 1, qs[nq].q);
        nq++;
    }
    if (qs[0].qlen < 0) {
        return qs[0].qlen;
    }
    for (i = 0; i < c->nns; i++) {
        if (c->ns[i].family == AF_INET6) {
            sfam = AF_INET6;
        }
    }
    fd = socket(sfam, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0 && sfam == AF_INET6) {
        sfam = AF_INET;     /* a kernel without IPv6: the IPv4 servers only */
        fd = socket(sfam, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    }
    if (fd < 0) {
        (void)util_fmt(err, errlen, "socket: %s", util_errno_text(errno));
        return IH_ENET;
    }
    if (sfam == AF_INET6) {
        int off = 0;

        (void)setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof off);
    }
    for (i = 0; i < c->nns; i++) {
        struct resolve_addr a = c->ns[i];

        if (sfam == AF_INET6 && a.family == AF_INET) {
            memmove(a.addr + 12, a.addr, 4);
            memset(a.addr, 0, 10);
            a.addr[10] = a.addr[11] = 0xff;
            a.family = AF_INET6;
        }
        if (a.family == sfam) {
            nsl[nns] = resolve_sockaddr(&a, rs_port, &ns[nns]);
            nns++;
        }
    }
    if (end > deadline) {
        end = deadline;
        rc = RESOLVE_ETIMEDOUT;
    }
    while (nns > 0) {
        struct pollfd pfd = { fd, POLLIN, 0 };
        int64_t wait;

        for (i = 0; i < nq && qs[i].done; i++) {
        }
        now = util_now_ms();
        if (i == nq || now >= end) {
            break;
        }
        if (now >= next) {
            int sent = 0;

            for (i = 0; i < nq; i++) {
                for (j = 0; j < nns && !qs[i].done; j++) {
                    sent |= sendto(fd, qs[i].q, (size_t)qs[i].qlen, MSG_NOSIGNAL,
                                   (const struct sockaddr *)&ns[j], nsl[j]) > 0;
                }
            }
            if (!sent) {
                /* no route, no interface: waiting would not help */
                (void)util_fmt(err, errlen, "send: %s", util_errno_text(errno));
                rc = IH_ENET;
                break;
            }
            next = now + retry;
        }
        wait = (next < end ? next : end) - now;
        if (poll(&pfd, 1, (int)wait) <= 0) {
            continue;
        }
        for (;;) {
            struct sockaddr_storage from;
            socklen_t fl = sizeof from;
            ssize_t r = recvfrom(fd, pkt, sizeof pkt, MSG_TRUNC, (struct sockaddr *)&from, &fl);

            if (r < 0) {
                break;
            }
            if (r > (ssize_t)sizeof pkt) {
                r = sizeof pkt;     /* longer than asked for: use it as cut (TC) */
                pkt[2] |= 2;
            }
            for (j = 0; j < nns && (fl != nsl[j] || memcmp(&from, &ns[j], fl) != 0); j++) {
            }
            for (i = 0; i < nq && j < nns; i++) {
                struct rs_query *q = &qs[i];
                int n;

                if (q->done) {
                    continue;
                }
                n = resolve_parse_response(pkt, (size_t)r, q->q, (size_t)q->qlen, q->got,
                                           RESOLVE_ADDRS_MAX);
                if (n == RESOLVE_ESERVFAIL || n == RESOLVE_EREFUSED) {
                    /* another server may know better; when all said so, done */
                    rc = n;
                    q->failed |= 1u << j;
                    q->done = q->failed == (1u << nns) - 1;
                    q->n = n;
                } else if (n == RESOLVE_ENOTFOUND) {
                    qs[0].done = qs[1].done = 1;    /* the name does not exist */
                    q->n = n;
                    break;
                } else if (n != IH_EPARSE) {
                    q->done = 1;
                    q->n = n;
                }
            }
        }
    }
    close(fd);
    if (nns == 0) {
        (void)util_fmt(err, errlen, "no usable nameserver");
        return IH_ENET;
    }
    /* any NXDOMAIN settles it; else the addresses found, IPv4 first */
    j = 0;
    for (i = 0; i < nq; i++) {
        if (qs[i].done && qs[i].n == RESOLVE_ENOTFOUND) {
            return RESOLVE_ENOTFOUND;
        }
    }
    for (i = 0; i < nq; i++) {
        int k;

        for (k = 0; qs[i].done && k < qs[i].n && j < max; k++) {
            out[j++] = qs[i].got[k];
        }
        if (qs[i].done && qs[i].n >= 0 && rc != IH_ENET) {
            rc = RESOLVE_ENODATA;
        }
    }
    return j > 0 ? j : rc;
}

int resolve_name(const char *name, int family, int64_t deadline, struct resolve_addr *out,
                 int max, char *err, size_t errlen)
{
    struct resolve_conf c;
    struct rs_hosts h = { name, family, 0, max, out };
    uint8_t wire[256];
    int n;

    if (err && errlen > 0) {
        err[0] = '\0';
    }
    if (max <= 0) {
        n = IH_EINVAL;
    } else if (rs_addr(name, strlen(name), out) == 0) {
        n = family == AF_UNSPEC || family == out->family ? 1 : RESOLVE_ENODATA;
    } else if ((n = rs_encode(name, wire)) >= 0) {
        rs_read_lines(rs_hosts_path, rs_hosts_fn, &h);
        n = h.n;
        if (n == 0) {
            resolve_conf_init(&c);
            rs_read_lines(rs_conf_path, rs_conf_fn, &c);
            if (c.nns == 0) {
                (void)rs_addr("127.0.0.1", 9, &c.ns[c.nns++]);
            }
            n = rs_dns(name, family, deadline, &c, out, max, err, errlen);
        }
    }
    if (n < 0 && err && errlen > 0 && !err[0]) {
        (void)util_strlcpy(err, resolve_strerror(n), errlen);
    }
    return n;
}
