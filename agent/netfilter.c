/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * netfilter.c - the iptables_tr069_block check: gathers live INPUT rules
 * (kernel, iptables-save, nft; or a --root dump) and the persistent
 * firewall configuration, and reports each blocking rule with a severity
 * that says whether the configuration declares it.
 *
 * Text sources are streamed through a fixed line window (no whole-file
 * buffers): the device's heap budget is small and an iptables-save of a
 * busy router is not.
 */
#include "netfilter.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* A command gets this long to print its ruleset. */
#define NF_CMD_TIMEOUT_MS 5000
#define NF_WINDOW (NF_MAX_LINE + 512)

enum nf_src {
    NF_SRC_KERNEL,
    NF_SRC_SAVE,
    NF_SRC_LEGACY_SAVE,
    NF_SRC_NFT,
    NF_SRC_ROOT_SAVE,
    NF_SRC_ROOT_NFT,
    NF_SRC_SAVE6,
    NF_SRC_LEGACY_SAVE6,
    NF_SRC_ROOT_SAVE6
};

static const char *const nf_src_names[] = {
    [NF_SRC_KERNEL] = "kernel",
    [NF_SRC_SAVE] = "iptables-save",
    [NF_SRC_LEGACY_SAVE] = "iptables-legacy-save",
    [NF_SRC_NFT] = "nft",
    [NF_SRC_ROOT_SAVE] = "root dump iptables-save.txt",
    [NF_SRC_ROOT_NFT] = "root dump nft-ruleset.txt",
    [NF_SRC_SAVE6] = "ip6tables-save",
    [NF_SRC_LEGACY_SAVE6] = "ip6tables-legacy-save",
    [NF_SRC_ROOT_SAVE6] = "root dump ip6tables-save.txt",
};

/* Persistent configuration that may declare a lockdown, by grammar. */
static const struct {
    const char *path;
    enum nf_grammar g;
} nf_configs[] = {
    { "/etc/config/firewall", NF_G_UCI },
    { "/etc/firewall.user", NF_G_SHELL },
    { "/etc/iptables/rules.v6", NF_G_SAVE },
    { "/etc/iptables/rules.v4", NF_G_SAVE },
    { "/etc/iptables/iptables.rules", NF_G_SAVE },
    { "/etc/iptables.rules", NF_G_SAVE },
    { "/etc/iptables.up.rules", NF_G_SAVE },
    { "/etc/sysconfig/iptables", NF_G_SAVE },
    { "/etc/nftables.conf", NF_G_NFT },
    { "/etc/sysconfig/nftables.conf", NF_G_NFT },
};
#define NF_NCONFIGS (sizeof nf_configs / sizeof nf_configs[0])
#define NF_CONFIG_V6 2      /* /etc/iptables/rules.v6: ip6tables-restore */

struct nf_decl {
    unsigned ports;                 /* NF_PORT_* declared somewhere */
    int cwmp_file, adb_file;        /* index into nf_configs, -1 none */
};

struct nf_state {
    const struct root *r;
    int64_t now;
    struct finding_sink *sink;
    struct netfilter_stats *st;
    struct nf_decl decl;
    unsigned reported[NF_MAX_BLOCKS * 4];   /* ports | verdict << 8 | family << 12 | source << 16 */
    unsigned n_reported;
    struct nf_blocks blocks;
};

/*
 * Feed FD line by line into P until EOF, at most NF_MAX_TEXT bytes and,
 * when DEADLINE_MS > 0, no later than that many ms from now.  A line longer
 * than the window is dropped (counted by the parser as too long).
 */
static int nf_feed_fd(int fd, struct nf_parser *p, int deadline_ms)
{
    char *w;
    size_t have = 0, total = 0;
    int skipping = 0, rc = IH_OK;
    int64_t t0;

    w = malloc(NF_WINDOW);
    if (!w) {
        return IH_ENOMEM;
    }
    t0 = util_now_ms();
    for (;;) {
        ssize_t r;
        size_t i, start;

        if (deadline_ms > 0) {
            struct pollfd pf = { fd, POLLIN, 0 };
            long el = (long)(util_now_ms() - t0);
            int pr;

            if (el >= deadline_ms) {
                rc = IH_EIO;
                goto out;
            }
            pr = poll(&pf, 1, (int)(deadline_ms - el));
            if (pr < 0 && errno == EINTR) {
                continue;
            }
            if (pr <= 0) {
                rc = IH_EIO;
                goto out;
            }
        }
        r = read(fd, w + have, NF_WINDOW - have);
        if (r < 0) {
            if (errno == EINTR) {
                continue;
            }
            rc = IH_EIO;
            goto out;
        }
        if (r == 0) {
            break;
        }
        total += (size_t)r;
        if (total > NF_MAX_TEXT) {
            util_diag(p->file, 0, "larger than %u bytes", NF_MAX_TEXT);
            rc = IH_ETOOBIG;
            goto out;
        }
        have += (size_t)r;
        start = 0;
        for (i = 0; i < have; i++) {
            if (w[i] != '\n') {
                continue;
            }
            if (skipping) {
                skipping = 0;
            } else {
                rc = netfilter_parser_line(p, w + start, i - start);
                if (rc != IH_OK) {
                    goto out;
                }
            }
            start = i + 1;
        }
        if (start == 0 && have == NF_WINDOW) {
            /* no newline in a full window: report once, drop the rest */
            if (!skipping) {
                (void)netfilter_parser_line(p, w, NF_MAX_LINE + 1);
            }
            skipping = 1;
            have = 0;
            continue;
        }
        memmove(w, w + start, have - start);
        have -= start;
    }
    if (have > 0 && !skipping) {
        rc = netfilter_parser_line(p, w, have);
    }
    if (rc == IH_OK) {
        rc = netfilter_parser_end(p);
    }
out:
    free(w);
    return rc;
}

/*
 * Parse device file ABS under R with grammar G into *OUT (zeroed).
 * IH_ENOENT when it does not exist.
 */
static int nf_parse_file(const struct root *r, const char *abs, enum nf_grammar g,
                         unsigned flags, struct nf_blocks *out)
{
    char path[ROOT_PATH_MAX];
    struct nf_parser *p = NULL;
    int fd = -1, rc;

    memset(out, 0, sizeof *out);
    rc = root_path(r, abs, path, sizeof path);
    if (rc != IH_OK) {
        return rc;
    }
    rc = util_open_ro(path, 1, &fd, NULL);
    if (rc != IH_OK) {
        return rc;
    }
    p = malloc(sizeof *p);
    if (!p) {
        rc = IH_ENOMEM;
        goto out;
    }
    /* diagnostics name the file as the host sees it: that is what to fix */
    netfilter_parser_init(p, g, flags, path, out);
    rc = nf_feed_fd(fd, p, 0);
out:
    free(p);
    close(fd);
    return rc;
}

/*
 * The directories a firewall tool may be in, searched in this order; a
 * tool that is only ever installed in some of them looks in the first
 * few (see nf_tools).
 */
static const char *const nf_dirs[] = { "/usr/sbin/", "/sbin/", "/usr/bin/", "/bin/" };

/* The first NDIRS of nf_dirs holding an executable NAME: its path in PATH[N]. */
static int nf_find_prog(const char *name, unsigned ndirs, char *path, size_t n)
{
    unsigned i;

    for (i = 0; i < ndirs; i++) {
        (void)util_fmt(path, n, "%s%s", nf_dirs[i], name);
        if (access(path, X_OK) == 0) {
            return 1;
        }
    }
    return 0;
}

/*
 * The first line of the child's stderr E[0..N), printable ASCII only, as
 * "TOOL: LINE" into WHY[WN] (the tool's words, not its raw bytes).
 */
static void nf_why(const char *prog, const char *e, size_t n, const char *dflt, char *why,
                   size_t wn)
{
    const char *b = strrchr(prog, '/');
    char line[64];
    size_t i, k = 0;

    for (i = 0; i < n && e[i] != '\n' && k + 1 < sizeof line; i++) {
        line[k++] = (e[i] >= ' ' && e[i] < 0x7f) ? e[i] : '?';
    }
    line[k] = '\0';
    (void)util_fmt(why, wn, "%s: %s", b ? b + 1 : prog, k ? line : dflt);
}

/*
 * Run PROG with ARGV (no shell, a fixed small environment, stdin on
 * /dev/null, stderr captured) and parse its stdout with grammar G into
 * *OUT.  Bounded by NF_CMD_TIMEOUT_MS and NF_MAX_TEXT; the child is killed
 * when it overruns.  IH_EIO when it fails or exits non-zero; WHY[WN] then
 * says why in the tool's first line of stderr (never shown raw).
 */
static int nf_run(const char *prog, char *const argv[], enum nf_grammar g, unsigned flags,
                  struct nf_blocks *out, char *why, size_t wn)
{
    static char e_path[] = "PATH=/usr/sbin:/usr/bin:/sbin:/bin", e_lc[] = "LC_ALL=C";
    static char *const envp[] = { e_path, e_lc, NULL };
    struct nf_parser *p = NULL;
    /* stdout's pipe, then stderr's: closed in one loop */
    int fds[4] = { -1, -1, -1, -1 }, *pfd = fds, *efd = fds + 2, status = 0, rc, i;
    char err[128];
    ssize_t en = 0;
    pid_t pid;

    memset(out, 0, sizeof *out);
    p = malloc(sizeof *p);
    if (!p) {
        return IH_ENOMEM;
    }
    if (pipe2(pfd, O_CLOEXEC) != 0 || pipe2(efd, O_CLOEXEC | O_NONBLOCK) != 0) {
        rc = IH_EIO;
        goto out;
    }
    /* _Fork: one thread, no atfork handlers (see privsep_start) */
    pid = _Fork();
    if (pid < 0) {
        rc = IH_EIO;
        goto out;
    }
    if (pid == 0) {
        int nul = open("/dev/null", O_RDWR | O_CLOEXEC);

        if (nul < 0 || dup2(nul, 0) < 0 || dup2(pfd[1], 1) < 0 || dup2(efd[1], 2) < 0) {
            _exit(127);
        }
        execve(prog, argv, envp);
        _exit(127);
    }
    close(pfd[1]);
    pfd[1] = -1;
    close(efd[1]);
    efd[1] = -1;
    netfilter_parser_init(p, g, flags, prog, out);
    rc = nf_feed_fd(pfd[0], p, NF_CMD_TIMEOUT_MS);
    if (rc != IH_OK) {
        kill(pid, SIGKILL);
    }
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    /* what it said (a pipe holds far more than this: never blocks it) */
    do {
        en = read(efd[0], err, sizeof err);
    } while (en < 0 && errno == EINTR);
    if (rc == IH_OK && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
        rc = IH_EIO;
    }
    if (rc != IH_OK) {
        nf_why(prog, err, en > 0 ? (size_t)en : 0,
               rc == IH_EIO && WIFEXITED(status) ? "failed" : "no answer in time", why, wn);
    }
out:
    for (i = 0; i < 4; i++) {
        if (fds[i] >= 0) {
            close(fds[i]);
        }
    }
    free(p);
    return rc;
}

static void nf_add_source(struct netfilter_stats *st, const char *name)
{
    size_t l = strlen(st->sources);

    (void)util_fmt(st->sources + l, sizeof st->sources - l, "%s%s", l ? "," : "", name);
}

static void nf_read_config(struct nf_state *s)
{
    size_t i;

    s->decl.ports = 0;
    s->decl.cwmp_file = -1;
    s->decl.adb_file = -1;
    for (i = 0; i < NF_NCONFIGS; i++) {
        unsigned k;
        int rc;

        rc = nf_parse_file(s->r, nf_configs[i].path, nf_configs[i].g,
                           NF_F_CONFIG | (i == NF_CONFIG_V6 ? NF_F_IPV6 : 0),
                           &s->blocks);
        s->st->bad += s->blocks.bad;
        if (rc == IH_ENOENT) {
            continue;
        }
        if (rc != IH_OK) {
            util_diag(nf_configs[i].path, 0, "not read: %s", util_strerror(rc));
            s->st->config_errors++;
        }
        for (k = 0; k < s->blocks.n; k++) {
            unsigned m = s->blocks.v[k].ports;

            if ((m & NF_PORT_CWMP) && s->decl.cwmp_file < 0) {
                s->decl.cwmp_file = (int)i;
            }
            if ((m & NF_PORT_ADB) && s->decl.adb_file < 0) {
                s->decl.adb_file = (int)i;
            }
            s->decl.ports |= m;
        }
    }
}

static void nf_ports_text(unsigned m, char *out, size_t n)
{
    (void)util_fmt(out, n, "%s%s%s", (m & NF_PORT_CWMP) ? "7547" : "",
                   (m & NF_PORT_CWMP) && (m & NF_PORT_ADB) ? "," : "",
                   (m & NF_PORT_ADB) ? "5555" : "");
}

/* Report the blocks in s->blocks read from SRC. */
static int nf_report(struct nf_state *s, enum nf_src src)
{
    unsigned i, j;
    int rc;

    s->st->rules += s->blocks.rules;
    s->st->bad += s->blocks.bad;
    for (i = 0; i < s->blocks.n; i++) {
        const struct nf_block *b = &s->blocks.v[i];
        unsigned key = b->ports | ((unsigned)b->verdict << 8) | ((b->family & 0xfu) << 12);
        struct finding f;
        char ports[16];
        int declared;

        s->st->blocks++;
        for (j = 0; j < s->n_reported; j++) {
            if ((s->reported[j] & 0xffffu) == key && (s->reported[j] >> 16) != (unsigned)src) {
                break;
            }
        }
        if (j < s->n_reported) {
            continue;   /* the same rule seen through another source */
        }
        if (s->n_reported < sizeof s->reported / sizeof s->reported[0]) {
            s->reported[s->n_reported++] = key | ((unsigned)src << 16);
        }
        declared = (b->ports & ~s->decl.ports) == 0;
        finding_init(&f, FT_IPTABLES_TR069_BLOCK, declared ? SEV_LOW : SEV_HIGH, s->now);
        nf_ports_text(b->ports, ports, sizeof ports);
        (void)util_fmt(f.summary, sizeof f.summary, "INPUT %s tcp dport %s%s [%s]: %s",
                       b->verdict == NF_VERDICT_REJECT ? "rejects" : "drops", ports,
                       b->family == 6 ? " (IPv6)" : "",
                       nf_src_names[src], b->text);
        finding_set(f.rule, sizeof f.rule, b->text);
        if (!util_memmem(b->text, strlen(b->text), "7547", 4) &&
            !util_memmem(b->text, strlen(b->text), "5555", 4)) {
            /* a named set or map: the ports it holds, for the reader and
             * for the allowlist's lockdown entries */
            size_t l = strlen(f.rule);

            (void)util_fmt(f.rule + l, sizeof f.rule - l, " (ports %s)", ports);
        }
        finding_set(f.proto, sizeof f.proto, "tcp");
        if (declared) {
            int fi = (b->ports & NF_PORT_CWMP) ? s->decl.cwmp_file : s->decl.adb_file;

            s->st->declared++;
            (void)util_fmt(f.reason, sizeof f.reason, "declared in %s", nf_configs[fi].path);
        } else {
            finding_set(f.reason, sizeof f.reason,
                        "not declared in the persistent firewall config");
        }
        rc = s->sink->emit(s->sink->ctx, &f);
        if (rc != IH_OK) {
            return rc;
        }
    }
    return IH_OK;
}

/* 1 if the device's /proc/net/ip_tables_names lists the filter table. */
static int nf_filter_loaded(const struct root *r)
{
    char path[ROOT_PATH_MAX];
    char *names = NULL;
    size_t len = 0;
    int loaded = 0;

    if (root_path(r, "/proc/net/ip_tables_names", path, sizeof path) == IH_OK &&
        util_read_file(path, 4096, &names, &len) == IH_OK) {
        const char *q = util_memmem(names, len, "filter", 6);

        loaded = q && (q == names || q[-1] == '\n') &&
                 ((size_t)(q - names) + 6 == len || q[6] == '\n');
        free(names);
    }
    return loaded;
}

/* Under --root: the text dumps (DESIGN.md section 3). */
static int nf_scan_root(struct nf_state *s)
{
    static const struct {
        const char *path, *source;
        unsigned char g, flags, src;
    } dumps[] = {
        { "/iptables-save.txt", "root-save", NF_G_SAVE, 0, NF_SRC_ROOT_SAVE },
        { "/ip6tables-save.txt", "root-save6", NF_G_SAVE, NF_F_IPV6, NF_SRC_ROOT_SAVE6 },
        { "/nft-ruleset.txt", "root-nft", NF_G_NFT, 0, NF_SRC_ROOT_NFT },
    };
    char path[ROOT_PATH_MAX];
    int rc, filter_loaded = nf_filter_loaded(s->r);
    size_t i;

    for (i = 0; i < sizeof dumps / sizeof dumps[0]; i++) {
        rc = nf_parse_file(s->r, dumps[i].path, (enum nf_grammar)dumps[i].g, dumps[i].flags,
                           &s->blocks);
        if (rc == IH_OK) {
            nf_add_source(s->st, dumps[i].source);
            rc = nf_report(s, (enum nf_src)dumps[i].src);
            if (rc != IH_OK) {
                return rc;
            }
        } else if (rc != IH_ENOENT || (i == 0 && filter_loaded)) {
            /* only the IPv4 dump is expected whenever the filter table is */
            (void)root_path(s->r, dumps[i].path, path, sizeof path);
            util_diag(path, 0, "%s", rc == IH_ENOENT ?
                      "missing, but the filter table is loaded" : util_strerror(rc));
            s->st->errors++;
            s->st->bad += s->blocks.bad;
        }
    }
    return IH_OK;
}

/*
 * The live tools, in the order they are run: each is named as its source
 * is (nf_src_names) and found in the first NDIRS of nf_dirs; ARGV picks
 * nf_live_cmd's argument vector.  The first two read what the kernel
 * table would, and run only when it could not be read.
 */
static const struct {
    unsigned char src, ndirs, argv, g, flags;
} nf_tools[] = {
    { NF_SRC_SAVE, 4, 0, NF_G_SAVE, 0 },
    { NF_SRC_LEGACY_SAVE, 2, 0, NF_G_SAVE, 0 },
    /* IPv6: no kernel reader (ip6t_entry differs); the tools' text */
    { NF_SRC_SAVE6, 4, 1, NF_G_SAVE, NF_F_IPV6 },
    { NF_SRC_LEGACY_SAVE6, 2, 1, NF_G_SAVE, NF_F_IPV6 },
    { NF_SRC_NFT, 3, 2, NF_G_NFT, 0 },
};
#define NF_NTOOLS (sizeof nf_tools / sizeof nf_tools[0])

/*
 * Run nf_tools[T] (the first of its paths that exists) and report what it
 * printed.  IH_ENOENT when it is not installed; a failing run is counted.
 */
static int nf_live_cmd(struct nf_state *s, size_t t)
{
    static char a0[] = "iptables-save", a1[] = "-c", a2[] = "-t", a3[] = "filter";
    /* argv[0] picks the personality of xtables-multi binaries (the
     * legacy tools too are asked as iptables-save / ip6tables-save) */
    static char c0[] = "ip6tables-save";
    static char b0[] = "nft", b1[] = "list", b2[] = "ruleset";
    static char *const argvs[][5] = {
        { a0, a1, a2, a3, NULL }, { c0, a1, a2, a3, NULL }, { b0, b1, b2, NULL },
    };
    const char *name = nf_src_names[nf_tools[t].src];
    char prog[40];
    char why[80] = "";
    int rc;

    if (!nf_find_prog(name, nf_tools[t].ndirs, prog, sizeof prog)) {
        return IH_ENOENT;
    }
    rc = nf_run(prog, argvs[nf_tools[t].argv], (enum nf_grammar)nf_tools[t].g,
                nf_tools[t].flags, &s->blocks, why, sizeof why);
    if (rc != IH_OK) {
        /* no raw tool output on the screen: the summary says it in words */
        if (!s->st->why[0]) {
            (void)util_strlcpy(s->st->why, why, sizeof s->st->why);
        }
        s->st->errors++;
        s->st->bad += s->blocks.bad;
        return IH_OK;
    }
    nf_add_source(s->st, name);
    return nf_report(s, (enum nf_src)nf_tools[t].src);
}

/*
 * Live: the kernel's table; failing that (no CAP_NET_ADMIN, no ip_tables,
 * qemu-user, which does not pass these getsockopts through), the text of
 * iptables-save and of iptables-legacy-save (a router whose iptables is
 * iptables-nft may still hold legacy tables); then nft.
 */
static int nf_scan_live(struct nf_state *s)
{
    uint8_t *blob = NULL;
    size_t len = 0, t;
    int rc;

    rc = netfilter_kernel_read(&blob, &len);
    if (rc == IH_OK) {
        rc = netfilter_parse_capture(blob, len, procnet_order_native(), "kernel", &s->blocks);
        free(blob);
        if (rc == IH_OK) {
            nf_add_source(s->st, "kernel");
            rc = nf_report(s, NF_SRC_KERNEL);
            if (rc != IH_OK) {
                return rc;
            }
        } else {
            s->st->bad += s->blocks.bad;
        }
    }
    for (t = rc == IH_OK ? 2 : 0; t < NF_NTOOLS; t++) {
        rc = nf_live_cmd(s, t);
        if (rc != IH_OK && rc != IH_ENOENT) {
            return rc;
        }
    }
    if (!s->st->sources[0] && !s->st->errors && nf_filter_loaded(s->r)) {
        /* rules are loaded, and nothing here could read them */
        s->st->errors++;
        (void)util_strlcpy(s->st->why, "no iptables-save or nft, and the kernel table needs root",
                           sizeof s->st->why);
    }
    return IH_OK;
}

int netfilter_scan(const struct root *r, int64_t now, struct finding_sink *sink,
                   struct netfilter_stats *st)
{
    struct netfilter_stats local;
    struct nf_state *s;
    int rc;

    if (!st) {
        st = &local;
    }
    memset(st, 0, sizeof *st);
    s = calloc(1, sizeof *s);
    if (!s) {
        return IH_ENOMEM;
    }
    s->r = r;
    s->now = now;
    s->sink = sink;
    s->st = st;
    nf_read_config(s);
    if (root_is_live(r)) {
        rc = nf_scan_live(s);
    } else {
        rc = nf_scan_root(s);
    }
    free(s);
    return rc;
}
