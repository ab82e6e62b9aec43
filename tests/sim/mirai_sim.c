/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * mirai_sim - a benign stand-in for the Mirai TR-069 worm on a MIPS router.
 *
 * It reproduces, on the device, only the traces iothunt looks for, and
 * nothing else: no attack, no scanning payload, no propagation, no traffic
 * beyond 127.0.0.0/8.  What it does, in the order Mirai does it:
 *
 *   1. copies its own image to ROOT/tmp/.<random> and executes the copy,
 *      which deletes the file it runs from (exe_deleted, exe_in_tmpfs);
 *   2. renames itself: prctl(PR_SET_NAME) and argv[0] overwritten with a
 *      random name, as Mirai's main() does;
 *   3. binds 127.0.0.1:48101, Mirai's single-instance lock (mirai_lock_port);
 *   4. takes the telnet port the way Mirai's killer does (bind + listen,
 *      never accept), here on 127.0.0.1 only (port_grab);
 *   5. holds a TCP connection to a simulated C2 on 127.0.0.0/8 and
 *      reconnects when it drops (ioc_connection, with a test IOC);
 *   6. keeps a set of non-blocking connect()s to port 23 of loopback
 *      addresses in SYN_SENT (scanner_activity): the targets are the grabbed
 *      listener itself, whose accept queue is full and never drained, so the
 *      kernel drops their SYNs and they stay in SYN_SENT, on a loopback
 *      interface, without touching any firewall;
 *   7. closes the TR-069 ports behind itself: it adds the worm's two INPUT
 *      DROP rules to the device's netfilter dump (ROOT/iptables-save.txt and
 *      ROOT/proc/net/ip_tables_names, DESIGN.md section 3) or, only when
 *      asked with --kernel-rules (on a test kernel of its own), to the
 *      kernel's filter table with IPT_SO_SET_REPLACE.
 *
 * Its binary carries the Mirai_MIPS_MSB strings (below), so a rule scan of
 * its image matches as it would on the worm.
 *
 * It ends by itself after --lifetime seconds, or on SIGTERM/SIGINT, and then
 * undoes step 7 (the dump is restored; kernel rules are removed).
 *
 * On qemu-user without binfmt_misc the host kernel cannot execve() a MIPS
 * image: with --exec-via QEMU (or IOTHUNT_SIM_QEMU) the copy is then run
 * through the emulator, which is how it would run there anyway.
 *
 *   mirai_sim [--root DIR] [--c2 IP:PORT] [--lifetime S] [--syn N]
 *             [--grab-port P] [--exec-via QEMU] [--kernel-rules] [--pidfile F]
 *   mirai_sim c2 [--listen IP:PORT] [--lifetime S]    the simulated C2
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifdef SIM_KERNEL_RULES
/* The UAPI headers' XT_ALIGN uses GNU typeof; this file is strict C11. */
#define typeof __typeof__
#include <linux/netfilter/x_tables.h>
#include <linux/netfilter/xt_tcpudp.h>
#include <linux/netfilter_ipv4/ip_tables.h>
#endif

/*
 * The Mirai_MIPS_MSB strings, kept in the binary on purpose (used, so the
 * linker keeps them).
 */
static const char *const mirai_strings[] = {
    "Myname--is:",
    "/proc/net/tcp",
    "busybox iptables -A INPUT -p tcp --destination-port 7547 -j DROP",
    "busybox iptables -A INPUT -p tcp --destination-port 5555 -j DROP",
};

#define SIM_LOCK_PORT     48101
#define SIM_C2_PORT       28291
#define SIM_GRAB_PORT     23
#define SIM_LIFETIME_DEF  120
#define SIM_LIFETIME_MAX  3600
#define SIM_SYN_DEF       8
#define SIM_SYN_MAX       32
#define SIM_C2_CONN_MAX   16
#define SIM_IMAGE_MAX     (4u << 20)
#define SIM_DUMP_MAX      (64u * 1024)
#define SIM_PATH_MAX      512

static volatile sig_atomic_t sim_stop;

struct sim_opts {
    char root[256];
    uint32_t c2_addr;           /* host order, in 127.0.0.0/8 */
    uint16_t c2_port;
    unsigned lifetime;
    unsigned syn;
    uint16_t grab_port;
    char *exec_via;
    char *pidfile;
    char *image;          /* stage 2: the file to delete */
    int kernel_rules;
    int stage2;
};

static void sim_on_signal(int sig)
{
    (void)sig;
    sim_stop = 1;
}

static void sim_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void sim_log(const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "mirai_sim[%ld]: ", (long)getpid());
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

/* Decimal in [0, max]; -1 otherwise. */
static long sim_parse_num(const char *s, long max)
{
    long v = 0;

    if (!*s) {
        return -1;
    }
    for (; *s; s++) {
        if (*s < '0' || *s > '9') {
            return -1;
        }
        v = v * 10 + (*s - '0');
        if (v > max) {
            return -1;
        }
    }
    return v;
}

/*
 * "A.B.C.D:PORT" with A.B.C.D in 127.0.0.0/8 only: the simulator talks to
 * nothing else.  0 on success, -1 otherwise.
 */
static int sim_parse_loopback(const char *s, uint32_t *addr, uint16_t *port)
{
    char buf[32];
    const char *colon = strrchr(s, ':');
    struct in_addr in;
    long p;
    size_t n;

    if (!colon || (n = (size_t)(colon - s)) >= sizeof buf) {
        return -1;
    }
    memcpy(buf, s, n);
    buf[n] = '\0';
    if (inet_pton(AF_INET, buf, &in) != 1) {
        return -1;
    }
    p = sim_parse_num(colon + 1, 65535);
    if (p <= 0) {
        return -1;
    }
    *addr = ntohl(in.s_addr);
    if ((*addr >> 24) != 127) {
        return -1;
    }
    *port = (uint16_t)p;
    return 0;
}

static void sim_sockaddr(struct sockaddr_in *sa, uint32_t addr, uint16_t port)
{
    memset(sa, 0, sizeof *sa);
    sa->sin_family = AF_INET;
    sa->sin_addr.s_addr = htonl(addr);
    sa->sin_port = htons(port);
}

/* A loopback listener; backlog BL.  fd or -1. */
static int sim_listen(uint32_t addr, uint16_t port, int bl)
{
    struct sockaddr_in sa;
    int one = 1;
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

    if (fd < 0) {
        return -1;
    }
    (void)setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sim_sockaddr(&sa, addr, port);
    if (bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0 || listen(fd, bl) < 0) {
        close(fd);
        return -1;
    }
    return fd;
}

/* A non-blocking connect to a loopback ADDR:PORT.  fd or -1. */
static int sim_connect_nb(uint32_t addr, uint16_t port)
{
    struct sockaddr_in sa;
    int fd;

    if ((addr >> 24) != 127) {
        return -1;
    }
    fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return -1;
    }
    sim_sockaddr(&sa, addr, port);
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0 && errno != EINPROGRESS) {
        close(fd);
        return -1;
    }
    return fd;
}

/*
 * Close with a reset (SO_LINGER 0): a stopped bot leaves no TIME_WAIT
 * sockets to the C2 behind, so the scan after it is clean at once.
 */
static void sim_close_rst(int fd)
{
    struct linger l = { 1, 0 };

    (void)setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    close(fd);
}

/* 1 while a non-blocking connect is pending or connected, 0 once it failed. */
static int sim_conn_alive(int fd)
{
    int err = 0;
    socklen_t len = sizeof err;
    char b;

    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0 || err != 0) {
        return 0;
    }
    /* Connected and closed by the peer: recv() says 0. */
    if (recv(fd, &b, 1, MSG_DONTWAIT | MSG_PEEK) == 0) {
        return 0;
    }
    return 1;
}

static unsigned sim_rand(void)
{
    static unsigned s;
    unsigned char b[4];
    int fd;

    if (s == 0) {
        fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
        if (fd >= 0 && read(fd, b, sizeof b) == (ssize_t)sizeof b) {
            s = ((unsigned)b[0] << 24) | ((unsigned)b[1] << 16) | ((unsigned)b[2] << 8) | b[3];
        }
        if (fd >= 0) {
            close(fd);
        }
        s ^= (unsigned)time(NULL) ^ ((unsigned)getpid() << 16);
        if (s == 0) {
            s = 0x2545f491u;
        }
    }
    /* xorshift32: names, not secrets. */
    s ^= s << 13;
    s ^= s >> 17;
    s ^= s << 5;
    return s;
}

/* N random alphanumerics + NUL into OUT (Mirai's rand_alphastr). */
static void sim_rand_name(char *out, size_t n)
{
    static const char al[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    size_t i;

    for (i = 0; i + 1 < n; i++) {
        out[i] = al[sim_rand() % (sizeof al - 1)];
    }
    out[n - 1] = '\0';
}

static int sim_path(char *out, size_t n, const char *root, const char *abs)
{
    int len;

    if (root[0] == '\0' || strcmp(root, "/") == 0) {
        len = snprintf(out, n, "%s", abs);
    } else {
        len = snprintf(out, n, "%s%s", root, abs);
    }
    return (len < 0 || (size_t)len >= n) ? -1 : 0;
}

static int sim_read_file(const char *path, char **buf, size_t *len, size_t max)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    size_t cap = 65536, n = 0;
    char *b = NULL, *nb;
    ssize_t r;
    int rc = -1;

    if (fd < 0) {
        return -1;
    }
    for (;;) {
        if (n == cap || b == NULL) {
            if (b && cap >= max) {
                goto out;
            }
            cap = b ? cap * 2 : cap;
            nb = realloc(b, cap);
            if (!nb) {
                goto out;
            }
            b = nb;
        }
        r = read(fd, b + n, cap - n);
        if (r < 0 && errno == EINTR) {
            continue;
        }
        if (r < 0) {
            goto out;
        }
        if (r == 0) {
            break;
        }
        n += (size_t)r;
    }
    *buf = b;
    *len = n;
    b = NULL;
    rc = 0;
out:
    free(b);
    close(fd);
    return rc;
}

static int sim_write_file(const char *path, const char *buf, size_t len, mode_t mode)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, mode);
    size_t off = 0;
    ssize_t w;

    if (fd < 0) {
        return -1;
    }
    while (off < len) {
        w = write(fd, buf + off, len - off);
        if (w < 0 && errno == EINTR) {
            continue;
        }
        if (w <= 0) {
            close(fd);
            return -1;
        }
        off += (size_t)w;
    }
    return close(fd);
}

/*
 * Stage 1: copy /proc/self/exe to ROOT/tmp/.<random> and execute it with
 * the same options plus "--stage2 --image PATH".  Returns only on failure.
 */
static int sim_stage1(const struct sim_opts *o, int argc, char **argv)
{
    static char opt_stage2[] = "--stage2", opt_image[] = "--image";
    char name[12], rel[32], path[SIM_PATH_MAX];
    char *img = NULL;
    size_t len = 0;
    char *nargv[64];
    int i, k = 0;

    if (sim_read_file("/proc/self/exe", &img, &len, SIM_IMAGE_MAX) < 0) {
        sim_log("cannot read own image: %s", strerror(errno));
        return -1;
    }
    sim_rand_name(name, sizeof name);
    snprintf(rel, sizeof rel, "/tmp/.%s", name);
    if (sim_path(path, sizeof path, o->root, rel) < 0 || sim_write_file(path, img, len, 0700) < 0) {
        sim_log("cannot write the copy: %s", strerror(errno));
        free(img);
        return -1;
    }
    free(img);
    if (o->exec_via) {
        nargv[k++] = o->exec_via;
    }
    nargv[k++] = path;
    nargv[k++] = opt_stage2;
    nargv[k++] = opt_image;
    nargv[k++] = path;
    for (i = 1; i < argc && k < 62; i++) {
        nargv[k++] = argv[i];
    }
    nargv[k] = NULL;
    if (o->exec_via) {
        execv(o->exec_via, nargv);
    } else {
        execv(path, nargv);
        if (errno == ENOEXEC) {
            sim_log("%s", "cannot execute a MIPS image here (qemu-user without binfmt_misc?): use --exec-via");
        }
    }
    sim_log("exec failed: %s", strerror(errno));
    unlink(path);
    return -1;
}

/*
 * Netfilter dump under ROOT: the two DROP rules go into the *filter table
 * of ROOT/iptables-save.txt (after its chain declarations; a filter table
 * is added when there is none) and "filter" into
 * ROOT/proc/net/ip_tables_names.  The original contents are kept in
 * SAVED[] for sim_dump_restore.
 */
struct sim_dump {
    char path[2][SIM_PATH_MAX];
    char *orig[2];              /* NULL: the file did not exist */
    size_t orig_len[2];
    int written;
};

static const char sim_rules_text[] =
    "-A INPUT -p tcp -m tcp --dport 7547 -j DROP\n"
    "-A INPUT -p tcp -m tcp --dport 5555 -j DROP\n";

static int sim_dump_install(const char *root, struct sim_dump *d)
{
    static const char table[] =
        "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n";
    char dir[SIM_PATH_MAX];
    char *nb = NULL;
    size_t at, nlen;
    const char *o;
    const char *f;
    int i;

    memset(d, 0, sizeof *d);
    if (sim_path(d->path[0], sizeof d->path[0], root, "/iptables-save.txt") < 0 ||
        sim_path(d->path[1], sizeof d->path[1], root, "/proc/net/ip_tables_names") < 0 ||
        sim_path(dir, sizeof dir, root, "/proc/net") < 0) {
        return -1;
    }
    for (i = 0; i < 2; i++) {
        if (sim_read_file(d->path[i], &d->orig[i], &d->orig_len[i], SIM_DUMP_MAX) < 0) {
            d->orig[i] = NULL;
            d->orig_len[i] = 0;
        }
    }
    /* iptables-save.txt: insert after "*filter" and its ":CHAIN" lines. */
    o = d->orig[0] ? d->orig[0] : "";
    nlen = d->orig_len[0];
    f = NULL;
    for (at = 0; at < nlen; ) {
        const char *nl = memchr(o + at, '\n', nlen - at);
        size_t ll = nl ? (size_t)(nl - (o + at)) + 1 : nlen - at;

        if (ll >= 7 && memcmp(o + at, "*filter", 7) == 0) {
            f = o + at;
        } else if (f && o[at] != ':') {
            break;
        }
        at += ll;
    }
    nb = malloc(nlen + sizeof table + sizeof sim_rules_text + 16);
    if (!nb) {
        return -1;
    }
    if (f) {
        memcpy(nb, o, at);
        memcpy(nb + at, sim_rules_text, sizeof sim_rules_text - 1);
        memcpy(nb + at + sizeof sim_rules_text - 1, o + at, nlen - at);
        nlen += sizeof sim_rules_text - 1;
    } else {
        size_t k = 0;

        memcpy(nb, o, nlen);
        k = nlen;
        if (k > 0 && nb[k - 1] != '\n') {
            nb[k++] = '\n';
        }
        memcpy(nb + k, table, sizeof table - 1);
        k += sizeof table - 1;
        memcpy(nb + k, sim_rules_text, sizeof sim_rules_text - 1);
        k += sizeof sim_rules_text - 1;
        memcpy(nb + k, "COMMIT\n", 7);
        nlen = k + 7;
    }
    (void)mkdir(dir, 0755);
    if (sim_write_file(d->path[0], nb, nlen, 0644) < 0) {
        free(nb);
        return -1;
    }
    free(nb);
    d->written = 1;
    if (!d->orig[1] || !memmem(d->orig[1], d->orig_len[1], "filter", 6)) {
        (void)sim_write_file(d->path[1], "filter\n", 7, 0444);
    }
    return 0;
}

static void sim_dump_restore(struct sim_dump *d)
{
    int i;

    if (!d->written) {
        return;
    }
    for (i = 0; i < 2; i++) {
        if (d->orig[i]) {
            (void)sim_write_file(d->path[i], d->orig[i], d->orig_len[i], i ? 0444 : 0644);
        } else {
            (void)unlink(d->path[i]);
        }
        free(d->orig[i]);
        d->orig[i] = NULL;
    }
    d->written = 0;
}

#ifdef SIM_KERNEL_RULES
/*
 * Kernel rules: the current filter table is read (IPT_SO_GET_INFO,
 * IPT_SO_GET_ENTRIES) and replaced (IPT_SO_SET_REPLACE) by the same table
 * with the two DROP rules first in INPUT.  The structures are the kernel's
 * own ABI on this machine (native byte order by definition).  Tables with
 * jumps to user chains are left alone: offsets would have to be rewritten.
 */
struct sim_kernel {
    int fd;
    int installed;
    struct ipt_getinfo info;
};

#define SIM_RULE_SIZE (XT_ALIGN(sizeof(struct ipt_entry)) + \
                       XT_ALIGN(sizeof(struct xt_entry_match) + sizeof(struct xt_tcp)) + \
                       XT_ALIGN(sizeof(struct xt_standard_target)))

static void sim_kernel_rule(unsigned char *p, uint16_t dport)
{
    struct ipt_entry *e = (struct ipt_entry *)p;
    struct xt_entry_match *m;
    struct xt_tcp *t;
    struct xt_standard_target *st;
    size_t moff = XT_ALIGN(sizeof(struct ipt_entry));
    size_t msize = XT_ALIGN(sizeof(struct xt_entry_match) + sizeof(struct xt_tcp));

    memset(p, 0, SIM_RULE_SIZE);
    e->ip.proto = IPPROTO_TCP;
    e->target_offset = (uint16_t)(moff + msize);
    e->next_offset = (uint16_t)SIM_RULE_SIZE;
    m = (struct xt_entry_match *)(p + moff);
    m->u.user.match_size = (uint16_t)msize;
    snprintf(m->u.user.name, sizeof m->u.user.name, "%s", "tcp");
    t = (struct xt_tcp *)m->data;
    t->spts[0] = 0;
    t->spts[1] = 0xffff;
    t->dpts[0] = dport;
    t->dpts[1] = dport;
    st = (struct xt_standard_target *)(p + moff + msize);
    st->target.u.user.target_size = (uint16_t)XT_ALIGN(sizeof(struct xt_standard_target));
    st->verdict = -NF_DROP - 1;
}

/* Replace the filter table: ENTRIES[SIZE] with NUM entries. */
static int sim_kernel_replace(struct sim_kernel *k, const unsigned char *entries, size_t size,
                              unsigned num, const unsigned *hook, const unsigned *under)
{
    struct ipt_replace *r;
    struct xt_counters *c;
    int rc;

    r = calloc(1, sizeof *r + size);
    c = calloc(k->info.num_entries ? k->info.num_entries : 1, sizeof *c);
    if (!r || !c) {
        free(r);
        free(c);
        return -1;
    }
    snprintf(r->name, sizeof r->name, "%s", "filter");
    r->valid_hooks = k->info.valid_hooks;
    r->num_entries = num;
    r->size = (unsigned)size;
    memcpy(r->hook_entry, hook, sizeof r->hook_entry);
    memcpy(r->underflow, under, sizeof r->underflow);
    r->num_counters = k->info.num_entries;
    r->counters = c;
    memcpy(r->entries, entries, size);
    rc = setsockopt(k->fd, IPPROTO_IP, IPT_SO_SET_REPLACE, r, (socklen_t)(sizeof *r + size));
    free(r);
    free(c);
    return rc;
}

static int sim_kernel_get(struct sim_kernel *k, struct ipt_get_entries **out)
{
    struct ipt_get_entries *g;
    socklen_t len = sizeof k->info;

    memset(&k->info, 0, sizeof k->info);
    snprintf(k->info.name, sizeof k->info.name, "%s", "filter");
    if (getsockopt(k->fd, IPPROTO_IP, IPT_SO_GET_INFO, &k->info, &len) < 0) {
        return -1;
    }
    len = (socklen_t)(sizeof *g + k->info.size);
    g = calloc(1, len);
    if (!g) {
        return -1;
    }
    snprintf(g->name, sizeof g->name, "%s", "filter");
    g->size = k->info.size;
    if (getsockopt(k->fd, IPPROTO_IP, IPT_SO_GET_ENTRIES, g, &len) < 0) {
        free(g);
        return -1;
    }
    *out = g;
    return 0;
}

/* Add (ADD=1) or remove (ADD=0) the two DROP rules at the head of INPUT. */
static int sim_kernel_rules(struct sim_kernel *k, int add)
{
    struct ipt_get_entries *g = NULL;
    unsigned char *nb = NULL;
    unsigned hook[NF_INET_NUMHOOKS], under[NF_INET_NUMHOOKS];
    unsigned in, h, num, off;
    size_t nsize, delta = 2 * SIM_RULE_SIZE;
    int rc = -1;

    if (sim_kernel_get(k, &g) < 0) {
        goto out;
    }
    /* No user-chain jumps: every standard verdict must be negative. */
    for (off = 0; off + sizeof(struct ipt_entry) <= g->size; ) {
        struct ipt_entry *e = (struct ipt_entry *)((unsigned char *)g->entrytable + off);
        struct xt_entry_target *t = (struct xt_entry_target *)((unsigned char *)e + e->target_offset);

        if (e->next_offset == 0) {
            goto out;
        }
        if (t->u.user.name[0] == '\0' && ((struct xt_standard_target *)t)->verdict >= 0) {
            sim_log("%s", "filter table has user chains; not touching it");
            goto out;
        }
        off += e->next_offset;
    }
    in = k->info.hook_entry[NF_INET_LOCAL_IN];
    memcpy(hook, k->info.hook_entry, sizeof hook);
    memcpy(under, k->info.underflow, sizeof under);
    if (add) {
        nsize = g->size + delta;
        nb = malloc(nsize);
        if (!nb) {
            goto out;
        }
        memcpy(nb, g->entrytable, in);
        sim_kernel_rule(nb + in, 7547);
        sim_kernel_rule(nb + in + SIM_RULE_SIZE, 5555);
        memcpy(nb + in + delta, (unsigned char *)g->entrytable + in, g->size - in);
        num = k->info.num_entries + 2;
        for (h = 0; h < NF_INET_NUMHOOKS; h++) {
            if (hook[h] > in) {
                hook[h] += (unsigned)delta;
            }
            if (under[h] >= in) {
                under[h] += (unsigned)delta;
            }
        }
    } else {
        if (g->size < in + delta) {
            goto out;
        }
        nsize = g->size - delta;
        nb = malloc(nsize);
        if (!nb) {
            goto out;
        }
        memcpy(nb, g->entrytable, in);
        memcpy(nb + in, (unsigned char *)g->entrytable + in + delta, g->size - in - delta);
        num = k->info.num_entries - 2;
        for (h = 0; h < NF_INET_NUMHOOKS; h++) {
            if (hook[h] > in) {
                hook[h] -= (unsigned)delta;
            }
            if (under[h] >= in + delta) {
                under[h] -= (unsigned)delta;
            }
        }
    }
    rc = sim_kernel_replace(k, nb, nsize, num, hook, under);
out:
    free(g);
    free(nb);
    return rc;
}

/*
 * The kernel's firewall is touched only on the full-system test's own
 * kernel, which boots with "iothunt.systest" on its command line: never on
 * a developer's or CI host, whatever the options say.
 */
static int sim_kernel_is_test(void)
{
    char *b = NULL;
    size_t n = 0;
    int yes;

    if (sim_read_file("/proc/cmdline", &b, &n, 4096) < 0) {
        return 0;
    }
    yes = memmem(b, n, "iothunt.systest", 15) != NULL;
    free(b);
    return yes;
}

static int sim_kernel_install(struct sim_kernel *k)
{
    k->installed = 0;
    k->fd = -1;
    if (!sim_kernel_is_test()) {
        sim_log("%s", "--kernel-rules refused: not the full-system test kernel (no iothunt.systest in /proc/cmdline)");
        errno = EPERM;
        return -1;
    }
    k->fd = socket(AF_INET, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_RAW);
    if (k->fd < 0) {
        return -1;
    }
    if (sim_kernel_rules(k, 1) < 0) {
        close(k->fd);
        k->fd = -1;
        return -1;
    }
    k->installed = 1;
    return 0;
}

static void sim_kernel_remove(struct sim_kernel *k)
{
    if (k->installed && sim_kernel_rules(k, 0) < 0) {
        sim_log("cannot remove the kernel rules: %s", strerror(errno));
    }
    if (k->fd >= 0) {
        close(k->fd);
    }
    k->installed = 0;
    k->fd = -1;
}
#endif

/* The simulated C2: accept connections and hold them, send nothing. */
static int sim_c2(int argc, char **argv)
{
    uint32_t addr = 0x7f000001u;
    uint16_t port = SIM_C2_PORT;
    long lifetime = SIM_LIFETIME_DEF;
    int conns[SIM_C2_CONN_MAX];
    int nconn = 0, lfd, i;
    time_t end;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--listen") == 0 && i + 1 < argc) {
            if (sim_parse_loopback(argv[++i], &addr, &port) < 0) {
                sim_log("bad --listen '%s' (127.0.0.0/8 only)", argv[i]);
                return 2;
            }
        } else if (strcmp(argv[i], "--lifetime") == 0 && i + 1 < argc) {
            lifetime = sim_parse_num(argv[++i], SIM_LIFETIME_MAX);
            if (lifetime <= 0) {
                sim_log("bad --lifetime '%s'", argv[i]);
                return 2;
            }
        } else {
            sim_log("unknown option '%s'", argv[i]);
            return 2;
        }
    }
    lfd = sim_listen(addr, port, 16);
    if (lfd < 0) {
        sim_log("c2: cannot listen: %s", strerror(errno));
        return 1;
    }
    end = time(NULL) + lifetime;
    while (!sim_stop && time(NULL) < end) {
        struct pollfd p = { lfd, POLLIN, 0 };

        if (poll(&p, 1, 500) > 0 && nconn < SIM_C2_CONN_MAX) {
            int c = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);

            if (c >= 0) {
                conns[nconn++] = c;
            }
        }
        for (i = 0; i < nconn; i++) {
            if (!sim_conn_alive(conns[i])) {
                close(conns[i]);
                conns[i--] = conns[--nconn];
            }
        }
    }
    for (i = 0; i < nconn; i++) {
        sim_close_rst(conns[i]);
    }
    close(lfd);
    return 0;
}

/* Stage 2: the running "bot". */
static int sim_bot(struct sim_opts *o, int argc, char **argv)
{
    int lock_fd, grab_fd = -1, c2_fd = -1;
    int syn[SIM_SYN_MAX];
    char name[11];
    struct sim_dump dump;
    time_t end, next_c2 = 0;
    unsigned i, have_dump = 0;
    size_t alen;
    volatile size_t keep = 0;
#ifdef SIM_KERNEL_RULES
    struct sim_kernel kern = { -1, 0, { { 0 }, 0, { 0 }, { 0 }, 0, 0 } };
#endif

    memset(&dump, 0, sizeof dump);
    for (i = 0; i < sizeof mirai_strings / sizeof mirai_strings[0]; i++) {
        keep += strlen(mirai_strings[i]);
    }
    if (o->image && unlink(o->image) < 0) {
        sim_log("cannot delete own image: %s", strerror(errno));
    }
    /* Rename: task name and argv[0], as Mirai's main() does. */
    sim_rand_name(name, sizeof name);
    (void)prctl(PR_SET_NAME, name, 0, 0, 0);
    alen = strlen(argv[0]);
    memset(argv[0], 0, alen);
    memcpy(argv[0], name, alen < sizeof name - 1 ? alen : sizeof name - 1);
    (void)argc;

    lock_fd = sim_listen(0x7f000001u, SIM_LOCK_PORT, 1);
    if (lock_fd < 0) {
        sim_log("lock port 48101 busy (%s): another instance?", strerror(errno));
        return 1;
    }
    if (o->pidfile) {
        char pb[24];
        int n = snprintf(pb, sizeof pb, "%ld\n", (long)getpid());

        if (sim_write_file(o->pidfile, pb, (size_t)n, 0644) < 0) {
            sim_log("cannot write pidfile %s", o->pidfile);
        }
    }
    /* The killer's port grab: listen, never accept (backlog 1). */
    grab_fd = sim_listen(0x7f000001u, o->grab_port, 1);
    if (grab_fd < 0) {
        sim_log("cannot take the telnet port: %s", strerror(errno));
    }
#ifdef SIM_KERNEL_RULES
    if (o->kernel_rules) {
        if (sim_kernel_install(&kern) < 0) {
            sim_log("kernel rules not installed: %s", strerror(errno));
        }
    }
#endif
    if (!o->kernel_rules) {
        if (sim_dump_install(o->root, &dump) == 0) {
            have_dump = 1;
        } else {
            sim_log("netfilter dump not written: %s", strerror(errno));
        }
    }
    for (i = 0; i < o->syn; i++) {
        syn[i] = -1;
    }
    fprintf(stderr, "mirai_sim[%ld]: running as '%s' for %u s (c2 127.x:%u, lock %u, grab %u, %u SYN_SENT, keep %zu)\n",
            (long)getpid(), name, o->lifetime, (unsigned)o->c2_port, (unsigned)SIM_LOCK_PORT,
            (unsigned)o->grab_port, o->syn, (size_t)keep);

    end = time(NULL) + (time_t)o->lifetime;
    while (!sim_stop && time(NULL) < end) {
        time_t now = time(NULL);

        if (c2_fd >= 0 && !sim_conn_alive(c2_fd)) {
            close(c2_fd);
            c2_fd = -1;
        }
        if (c2_fd < 0 && now >= next_c2) {
            c2_fd = sim_connect_nb(o->c2_addr, o->c2_port);
            next_c2 = now + 2;
        }
        /* Scanner stand-in: keep o->syn connects pending to the grabbed
         * port, whose accept queue is full. */
        for (i = 0; grab_fd >= 0 && i < o->syn; i++) {
            if (syn[i] >= 0 && !sim_conn_alive(syn[i])) {
                close(syn[i]);
                syn[i] = -1;
            }
            if (syn[i] < 0) {
                syn[i] = sim_connect_nb(0x7f000001u, o->grab_port);
            }
        }
        (void)poll(NULL, 0, 500);
    }
    for (i = 0; i < o->syn; i++) {
        if (syn[i] >= 0) {
            sim_close_rst(syn[i]);
        }
    }
    if (c2_fd >= 0) {
        sim_close_rst(c2_fd);
    }
    if (grab_fd >= 0) {
        close(grab_fd);
    }
    close(lock_fd);
    if (have_dump) {
        sim_dump_restore(&dump);
    }
#ifdef SIM_KERNEL_RULES
    sim_kernel_remove(&kern);
#endif
    if (o->pidfile) {
        (void)unlink(o->pidfile);
    }
    fprintf(stderr, "mirai_sim[%ld]: stopped%s\n", (long)getpid(), sim_stop ? " (signal)" : " (lifetime)");
    return 0;
}

int main(int argc, char **argv)
{
    struct sim_opts o;
    struct sigaction sa;
    long v;
    int i;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = sim_on_signal;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    if (argc >= 2 && strcmp(argv[1], "c2") == 0) {
        return sim_c2(argc - 1, argv + 1);
    }
    memset(&o, 0, sizeof o);
    o.c2_addr = 0x7f000001u;
    o.c2_port = SIM_C2_PORT;
    o.lifetime = SIM_LIFETIME_DEF;
    o.syn = SIM_SYN_DEF;
    o.grab_port = SIM_GRAB_PORT;
    o.exec_via = getenv("IOTHUNT_SIM_QEMU");
    if (o.exec_via && !*o.exec_via) {
        o.exec_via = NULL;
    }
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;

        if (strcmp(a, "--stage2") == 0) {
            o.stage2 = 1;
        } else if (strcmp(a, "--kernel-rules") == 0) {
            o.kernel_rules = 1;
        } else if (!val) {
            sim_log("option '%s' needs a value (or is unknown)", a);
            return 2;
        } else if (strcmp(a, "--image") == 0) {
            o.image = argv[++i];
        } else if (strcmp(a, "--root") == 0) {
            if (snprintf(o.root, sizeof o.root, "%s", argv[++i]) >= (int)sizeof o.root) {
                sim_log("--root too long: %s", argv[i]);
                return 2;
            }
        } else if (strcmp(a, "--c2") == 0) {
            if (sim_parse_loopback(argv[++i], &o.c2_addr, &o.c2_port) < 0) {
                sim_log("bad --c2 '%s' (127.0.0.0/8 only)", argv[i]);
                return 2;
            }
        } else if (strcmp(a, "--lifetime") == 0) {
            v = sim_parse_num(argv[++i], SIM_LIFETIME_MAX);
            if (v <= 0) {
                sim_log("bad --lifetime '%s'", argv[i]);
                return 2;
            }
            o.lifetime = (unsigned)v;
        } else if (strcmp(a, "--syn") == 0) {
            v = sim_parse_num(argv[++i], SIM_SYN_MAX);
            if (v < 0) {
                sim_log("bad --syn '%s' (0-32)", argv[i]);
                return 2;
            }
            o.syn = (unsigned)v;
        } else if (strcmp(a, "--grab-port") == 0) {
            v = sim_parse_num(argv[++i], 65535);
            if (v <= 0) {
                sim_log("bad --grab-port '%s'", argv[i]);
                return 2;
            }
            o.grab_port = (uint16_t)v;
        } else if (strcmp(a, "--exec-via") == 0) {
            o.exec_via = argv[++i];
        } else if (strcmp(a, "--pidfile") == 0) {
            o.pidfile = argv[++i];
        } else {
            sim_log("unknown option '%s'", a);
            return 2;
        }
    }
#ifndef SIM_KERNEL_RULES
    if (o.kernel_rules) {
        sim_log("%s", "built without --kernel-rules support");
        return 2;
    }
#endif
    if (!o.stage2) {
        sim_stage1(&o, argc, argv);
        return 1;
    }
    return sim_bot(&o, argc, argv);
}
