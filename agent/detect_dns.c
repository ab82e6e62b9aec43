/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * detect_dns.c - ioc_domain from text sources (hosts files, dnsmasq leases
 * and logs) and the addresses IOC domains resolve to, which detect_net.c
 * then matches against the sockets (dynamic-DNS C2 such as duckdns moves
 * between addresses faster than IP feeds follow).
 *
 * Resolution: live, each IOC domain is resolved with resolve_name() (hosts
 * file, then DNS) at scan time, in a child without root (resolve_live), at most DETECT_RESOLVE_MAX names and
 * DETECT_RESOLVE_SECONDS per cycle, the latter as the lookups' deadline
 * (unless --no-resolve); under --root only DIR/etc/hosts and the
 * other text sources say where a name points (no network).
 */
#include "detect.h"
#include "ioc.h"
#include "privsep.h"
#include "resolve.h"
#include "util.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define DNS_TOKEN_MAX 253
#define DNS_SEEN_MAX  32

static int dom_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '_' || c == '.';
}

/*
 * Token grammar: token = 1*( ALPHA | DIGIT | "-" | "_" | "." ), longest
 * runs; only tokens holding a dot, of at most 253 bytes, are looked up.
 */
unsigned detect_domains_in_text(const struct ioc_store *iocs, const char *text,
                                void (*cb)(void *ctx, const char *domain, const void *ioc),
                                void *ctx)
{
    const char *p = text;
    unsigned hits = 0;

    while (*p) {
        const char *s;
        char tok[DNS_TOKEN_MAX + 1];
        const struct ioc_entry *ioc;
        size_t n;

        while (*p && !dom_char(*p)) {
            p++;
        }
        s = p;
        while (*p && dom_char(*p)) {
            p++;
        }
        n = (size_t)(p - s);
        if (n < 3 || n > DNS_TOKEN_MAX || !memchr(s, '.', n)) {
            continue;
        }
        memcpy(tok, s, n);
        tok[n] = '\0';
        ioc = ioc_find_domain(iocs, tok);
        if (ioc) {
            hits++;
            cb(ctx, tok, ioc);
        }
    }
    return hits;
}

static int addr_add(struct detect_run *r, int family, const uint8_t *addr, const char *domain,
                    const char *how)
{
    struct detect_addr *d;

    if (detect_addr_find(r, family, addr)) {
        return IH_OK;
    }
    if (!r->addrs) {
        r->addrs = calloc(DETECT_ADDRS_MAX, sizeof *r->addrs);
        if (!r->addrs) {
            r->unread[SRC_DNS_FILES]++;     /* the caller goes on: the hunt is incomplete */
            return IH_ENOMEM;
        }
    }
    if (r->n_addrs >= DETECT_ADDRS_MAX) {
        return IH_ETOOBIG;
    }
    d = &r->addrs[r->n_addrs++];
    memset(d, 0, sizeof *d);
    d->family = (uint8_t)family;
    memcpy(d->addr, addr, family == 6 ? 16 : 4);
    finding_set(d->domain, sizeof d->domain, domain);
    finding_set(d->how, sizeof d->how, how);
    return IH_OK;
}

/* Parse S as an IPv4 or IPv6 address; family or 0. */
static int parse_addr(const char *s, uint8_t *out)
{
    memset(out, 0, 16);
    return ioc_parse_addr(s, strlen(s), out);
}

/* A hosts entry pointing here or nowhere blocks a name: it is a sinkhole. */
static int sinkhole(int family, const uint8_t *a)
{
    static const uint8_t z[16];

    if (family == 4) {
        return a[0] == 0 || a[0] == 127;
    }
    return memcmp(a, z, 15) == 0 && (a[15] == 0 || a[15] == 1);
}

struct text_src {
    struct detect_run *r;
    const char *file;           /* device path */
    unsigned long line;
    int hosts;                  /* hosts grammar: first token is the address */
    int family;                 /* hosts: the line's address */
    uint8_t addr[16];
    char seen[DNS_SEEN_MAX][96];
    unsigned n_seen;
    const char *line_text;
};

static void text_domain_cb(void *ctx, const char *domain, const void *iocp)
{
    struct text_src *t = ctx;
    const struct ioc_entry *ioc = iocp;
    struct detect_run *r = t->r;
    enum finding_severity sev = SEV_MEDIUM;
    struct finding f;
    char how[48];
    unsigned i;

    (void)util_fmt(how, sizeof how, "%s:%lu", t->file, t->line);
    if (t->hosts) {
        if (t->family && sinkhole(t->family, t->addr)) {
            sev = SEV_LOW;
        } else if (t->family) {
            (void)addr_add(r, t->family, t->addr, ioc->value, how);
        }
    } else {
        /* a log or cache line naming an IOC domain: any address on it is
         * (usually) the answer, e.g. dnsmasq's "reply NAME is ADDR" */
        char tok[64];
        const char *p = t->line_text;

        while (*p) {
            size_t n = 0;
            uint8_t a[16];
            int fam;

            while (*p && (*p == ' ' || *p == '\t' || *p == ',' || *p == ';')) {
                p++;
            }
            while (p[n] && p[n] != ' ' && p[n] != '\t' && p[n] != ',' && p[n] != ';') {
                n++;
            }
            if (n > 0 && n < sizeof tok) {
                memcpy(tok, p, n);
                tok[n] = '\0';
                fam = parse_addr(tok, a);
                if (fam && !sinkhole(fam, a)) {
                    (void)addr_add(r, fam, a, ioc->value, how);
                }
            }
            p += n;
        }
    }
    for (i = 0; i < t->n_seen; i++) {
        if (strcmp(t->seen[i], ioc->value) == 0) {
            return;     /* one finding per domain per file */
        }
    }
    if (t->n_seen < DNS_SEEN_MAX) {
        finding_set(t->seen[t->n_seen++], sizeof t->seen[0], ioc->value);
    }
    if (r->stop) {
        return;
    }
    finding_init(&f, FT_IOC_DOMAIN, sev, r->now);
    finding_set(f.ioc, sizeof f.ioc, ioc->value);
    (void)ioc_format_source(ioc, f.ioc_source, sizeof f.ioc_source);
    (void)util_fmt(f.reason, sizeof f.reason, "%s %s", sev == SEV_LOW ? "sinkholed in" : "seen in", how);
    finding_set(f.exe, sizeof f.exe, "");
    (void)util_fmt(f.summary, sizeof f.summary, "IOC domain %s %s %s", domain,
                   sev == SEV_LOW ? "is blocked in" : "appears in", how);
    (void)detect_emit(r, &f);
}

/*
 * Hosts grammar (hosts(5)):  line = addr 1*WS name *(1*WS alias) ["#" ...]
 * Other sources: any line; domains found by token.
 */
static void text_scan(struct detect_run *r, const char *devpath, int hosts)
{
    struct text_src *t;
    char host[ROOT_PATH_MAX];
    char *buf = NULL;
    size_t len, pos = 0;
    int rc;

    if (root_path(r->root, devpath, host, sizeof host) != IH_OK) {
        return;
    }
    rc = util_read_file(host, DETECT_TEXT_MAX, &buf, &len);
    if (rc != IH_OK) {
        if (rc != IH_ENOENT) {
            r->unread[SRC_DNS_FILES]++;
        }
        return;
    }
    t = calloc(1, sizeof *t);
    if (!t) {
        r->unread[SRC_DNS_FILES]++;
        free(buf);
        return;
    }
    t->r = r;
    t->file = devpath;
    t->hosts = hosts;
    while (pos < len && !r->stop) {
        char *s = buf + pos;
        char *nl = memchr(s, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - s) : len - pos;
        char *hash;

        pos += n + 1;
        t->line++;
        s[n] = '\0';    /* the buffer is ours, and NUL-terminated at len */
        if (memchr(s, '\0', n)) {
            r->bad++;
            continue;
        }
        if (hosts) {
            char a[64];
            size_t k = 0;

            hash = strchr(s, '#');
            if (hash) {
                *hash = '\0';
            }
            while (*s == ' ' || *s == '\t') {
                s++;
            }
            while (s[k] && s[k] != ' ' && s[k] != '\t') {
                k++;
            }
            if (k == 0) {
                continue;
            }
            if (k >= sizeof a) {
                util_diag(host, t->line, "malformed hosts line");
                r->bad++;
                continue;
            }
            memcpy(a, s, k);
            a[k] = '\0';
            t->family = parse_addr(a, t->addr);
            if (!t->family) {
                util_diag(host, t->line, "malformed address '%s'", a);
                r->bad++;
                continue;
            }
            s += k;
        }
        t->line_text = s;
        (void)detect_domains_in_text(r->iocs, s, text_domain_cb, t);
    }
    free(t);
    free(buf);
}

/* Regular files of device directory DIR (OpenWrt's /tmp/hosts/). */
static void text_scan_dir(struct detect_run *r, const char *dir, int hosts)
{
    char host[ROOT_PATH_MAX];
    struct dirent *de;
    unsigned n = 0;
    DIR *d;

    if (root_path(r->root, dir, host, sizeof host) != IH_OK || !(d = opendir(host))) {
        return;
    }
    while ((de = readdir(d)) != NULL && n < 16 && !r->stop) {
        char dev[ROOT_PATH_MAX];

        if (de->d_name[0] == '.') {
            continue;
        }
        if (util_fmt(dev, sizeof dev, "%s/%s", dir, de->d_name) == IH_OK) {
            n++;
            text_scan(r, dev, hosts);
        }
    }
    closedir(d);
}

/*
 * Resolve up to DETECT_RESOLVE_MAX IOC domains, starting where the previous
 * cycle stopped (r->resolve_pos, kept by scan.c), so that with a large feed
 * every name gets its turn across daemon cycles.
 *
 * A DNS answer is network input: the lookups run in a child that first
 * drops to the network half's user (r->net_uid, r->net_gid; privsep_drop),
 * as delivery does (docs/PRIVSEP.md).  It writes one 20-byte record per
 * address on a pipe, idx:u16 family:u8 0 addr:16, idx being the name's
 * place in this cycle's list (which the child has, since it forked from
 * us), then idx 0xffff with the number of names tried in the next two
 * bytes.  We take a record only with a known idx and family 4 or 6; a
 * child that dies or overruns the deadline costs this cycle's lookups,
 * nothing else.
 */
#define DNS_REC 20

static void resolve_child(struct detect_run *r, int fd, const struct ioc_entry **names,
                          unsigned n, int64_t end)
{
    unsigned char rec[DNS_REC];
    unsigned i;

    if (privsep_drop(r->net_uid, r->net_gid) != IH_OK) {
        _exit(1);
    }
    for (i = 0; i < n && util_now_ms() < end; i++) {
        struct resolve_addr a[RESOLVE_ADDRS_MAX];
        char why[64];
        int j, k;

        /* the cycle's budget is the deadline: one dead nameserver cannot stall the scan */
        k = resolve_name(names[i]->value, AF_UNSPEC, end, a, RESOLVE_ADDRS_MAX, why, sizeof why);
        for (j = 0; j < k; j++) {
            memset(rec, 0, sizeof rec);
            rec[1] = (unsigned char)i;
            rec[2] = a[j].family == AF_INET ? 4 : 6;
            memcpy(rec + 4, a[j].addr, 16);
            if (util_write_all(fd, rec, sizeof rec) != IH_OK) {
                _exit(1);
            }
        }
    }
    memset(rec, 0xff, 2);
    rec[2] = (unsigned char)(i >> 8);
    rec[3] = (unsigned char)i;
    _exit(util_write_all(fd, rec, 4) != IH_OK);
}

static void resolve_live(struct detect_run *r)
{
    const struct ioc_entry *names[DETECT_RESOLVE_MAX], *e;
    unsigned char rec[DNS_REC];
    int64_t end = util_now_ms() + DETECT_RESOLVE_SECONDS * 1000;
    size_t total = ioc_count(r->iocs, IOC_DOMAIN), pos[DETECT_RESOLVE_MAX + 1];
    size_t it = r->resolve_pos && *r->resolve_pos < total ? *r->resolve_pos : 0;
    unsigned n = 0, tried;
    int fd[2];
    pid_t pid;

    pos[0] = it;
    while (n < DETECT_RESOLVE_MAX && n < total) {
        e = ioc_next(r->iocs, IOC_DOMAIN, &it);
        if (!e) {
            it = 0;     /* wrap around to the first name */
            continue;
        }
        names[n++] = e;
        pos[n] = it;
    }
    tried = n;
    if (n == 0 || pipe(fd) != 0) {
        return;
    }
    /* _Fork: one thread, no atfork handlers (see privsep_start) */
    pid = _Fork();
    if (pid == 0) {
        close(fd[0]);
        resolve_child(r, fd[1], names, n, end);
    }
    close(fd[1]);
    while (pid > 0) {
        struct pollfd pfd = { fd[0], POLLIN, 0 };
        int64_t left = end + 1000 - util_now_ms();

        if (left <= 0 || poll(&pfd, 1, (int)left) <= 0 || util_read_full(fd[0], rec, 4) != 4) {
            break;
        }
        if (rec[0] == 0xff && rec[1] == 0xff) {
            tried = (unsigned)rec[2] << 8 | rec[3];
            tried = tried < n ? tried : n;
            break;
        }
        if (rec[0] != 0 || rec[1] >= n || (rec[2] != 4 && rec[2] != 6) ||
            util_read_full(fd[0], rec + 4, 16) != 16) {
            break;
        }
        if (!sinkhole(rec[2], rec + 4)) {
            (void)addr_add(r, rec[2], rec + 4, names[rec[1]]->value, "dns");
        }
    }
    close(fd[0]);
    if (pid > 0) {
        (void)kill(pid, SIGKILL);
        (void)waitpid(pid, NULL, 0);
    }
    if (r->resolve_pos) {
        *r->resolve_pos = pos[tried];
    }
}

int detect_dns_collect(struct detect_run *r)
{
    static const char *const texts[] = {
        "/tmp/dhcp.leases", "/var/lib/misc/dnsmasq.leases", "/tmp/dnsmasq.log",
        "/var/log/dnsmasq.log", "/tmp/dnsmasq.cache", NULL
    };
    size_t i;

    if (!r->iocs || ioc_count(r->iocs, IOC_DOMAIN) == 0) {
        return IH_OK;
    }
    text_scan(r, "/etc/hosts", 1);
    text_scan_dir(r, "/tmp/hosts", 1);
    for (i = 0; texts[i] && !r->stop; i++) {
        text_scan(r, texts[i], 0);
    }
    if (r->resolve && !r->stop && root_is_live(r->root)) {
        resolve_live(r);
    }
    return r->stop ? r->rc : IH_OK;
}
