/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * cmd_report.c - the delivering commands (DESIGN.md sections 2 and 5):
 *
 *   iothunt report   [--config PATH]   scan once, spool, deliver, exit
 *   iothunt daemon   [--config PATH]   scan every interval (+- jitter), deliver
 *   iothunt selftest [--config PATH]   check clock, certificates, rules, spool
 *                                      and the collector; one line per check
 *
 * Test-only options (docs/DELIVERY.md): `report --synthetic N` spools N
 * synthetic findings (type "test_synthetic") instead of scanning the device,
 * `daemon --cycles N` exits after N cycles, `--spool-only` skips delivery,
 * `report --deliver-only` only delivers what is already spooled.
 *
 * The daemon never writes its own binary and listens on no port; SIGTERM
 * or SIGINT lets the current spool write finish, then it exits 0.
 */
#include "cmd.h"
#include "bundle.h"
#include "config.h"
#include "finding.h"
#include "privsep.h"
#include "scan.h"
#include "spool.h"
#include "transport.h"
#include "util.h"

#include <mbedtls/ssl.h>
#include <mbedtls/x509.h>

#include <errno.h>
#include <stdarg.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static volatile int report_stop;

struct report_args {
    const char *config;
    unsigned long synthetic;    /* test only: spool N synthetic findings */
    unsigned long cycles;       /* test only: daemon exits after N cycles */
    int spool_only;             /* test only: do not deliver */
    int deliver_only;           /* test only: do not scan or spool */
};

static int report_usage(const char *cmd)
{
    util_print(2, "usage: iothunt %s [--config PATH]\n", cmd);
    return EXIT_ERROR;
}

static int report_parse_args(int argc, char **argv, struct report_args *a)
{
    int i;

    memset(a, 0, sizeof *a);
    a->config = CONFIG_DEFAULT_PATH;
    for (i = 1; i < argc; i++) {
        uint64_t v;

        if (i + 1 < argc && strcmp(argv[i], "--config") == 0) {
            a->config = argv[++i];
        } else if (i + 1 < argc && strcmp(argv[i], "--synthetic") == 0) {
            if (util_parse_dec(argv[i + 1], strlen(argv[i + 1]), 10000000, &v) != IH_OK) {
                return IH_EINVAL;
            }
            a->synthetic = (unsigned long)v;
            i++;
        } else if (i + 1 < argc && strcmp(argv[i], "--cycles") == 0) {
            if (util_parse_dec(argv[i + 1], strlen(argv[i + 1]), 1000000, &v) != IH_OK) {
                return IH_EINVAL;
            }
            a->cycles = (unsigned long)v;
            i++;
        } else if (strcmp(argv[i], "--spool-only") == 0) {
            a->spool_only = 1;
        } else if (strcmp(argv[i], "--deliver-only") == 0) {
            a->deliver_only = 1;
        } else {
            util_print(2, "iothunt %s: unknown or incomplete option '%s'\n", argv[0], argv[i]);
            return IH_EINVAL;
        }
    }
    return IH_OK;
}

/* Device time, or 0 when the clock is before the build (not believable). */
static int64_t report_clock(void)
{
    int64_t now = (int64_t)time(NULL);

    return now < (int64_t)IOTHUNT_BUILD_TIME ? 0 : now;
}

static int report_open_spool(const struct config *c, struct spool *s)
{
    struct spool_opts o;
    int rc;

    memset(&o, 0, sizeof o);
    o.path = c->spool_path;
    o.state_path = c->state_path;
    o.max_bytes = c->spool_max_bytes;
    o.sync = c->spool_sync;
    o.now = report_clock();
    rc = spool_open(s, &o);
    if (rc != IH_OK) {
        util_diag(c->spool_path, 0, "cannot open the spool: %s",
                  errno == EWOULDBLOCK ? "in use by another iothunt"
                                       : util_errno_text(errno));
    }
    return rc;
}

/* Why spooling failed, in words: a full file system is said as such. */
static void report_spool_failed(const char *cmd, const struct spool *s, int rc)
{
    if (s->full) {
        util_print(2, "iothunt %s: spool full: no space left for %s; %lu finding(s) kept\n",
                   cmd, s->path, s->lines);
    } else {
        util_print(2, "iothunt %s: spooling failed: %s\n", cmd, util_strerror(rc));
    }
}

static void selftest_time(char *buf, size_t cap, int64_t t);

/*
 * Seconds on the monotonic clock.  Not inlined: the daemon asks in seven
 * places, and each inlined copy carries its own 64-bit division call.
 */
static __attribute__((noinline)) int64_t mono_s(void)
{
    return util_now_ms() / 1000;
}

/* ---- spooling findings --------------------------------------------------- */

struct spool_sink {
    struct spool *s;
    unsigned long lines;
    int rc;
};

static int report_emit(void *ctx, const struct finding *f)
{
    struct spool_sink *k = ctx;
    static char buf[SPOOL_PAYLOAD_MAX + 1];
    struct finding g;
    uint64_t seq;
    size_t len;
    int rc, tries;

    if (report_stop) {
        return IH_EINVAL;       /* stop the scan: SIGTERM */
    }
    rc = spool_reserve(k->s, &seq);
    if (rc != IH_OK) {
        return rc;
    }
    g = *f;
    for (tries = 0;; tries++) {
        rc = finding_to_json(&g, seq, buf, sizeof buf, &len);
        if (rc != IH_ETRUNC || tries == 2) {
            break;
        }
        /* escaped binary evidence can outgrow a record: shed the bulkiest */
        g.cmdline[0] = '\0';
        if (tries == 1) {
            g.exe[0] = '\0';
            g.reason[0] = '\0';
        }
    }
    if (rc == IH_OK) {
        rc = spool_append(k->s, seq, buf, len);
    }
    if (rc == IH_OK) {
        k->lines++;
    }
    return rc;
}

static int report_spool_summary(struct spool *s, struct scan_summary *sum, int64_t interval)
{
    static char buf[SPOOL_PAYLOAD_MAX + 1];
    uint64_t seq;
    size_t len;
    int rc;

    rc = spool_reserve(s, &seq);
    if (rc == IH_OK) {
        rc = scan_summary_to_json(sum, seq, interval, buf, sizeof buf, &len);
    }
    if (rc == IH_OK) {
        rc = spool_append(s, seq, buf, len);
    }
    return rc;
}

/* The remote endpoints since the last report, for retro-hunting. */
static int report_spool_endpoints(struct spool *s, struct endpoints *e, int64_t ts)
{
    static char buf[SPOOL_PAYLOAD_MAX + 1];
    uint64_t seq;
    size_t len;
    int rc;

    if (!e->n && !e->dropped) {
        return IH_OK;
    }
    rc = spool_reserve(s, &seq);
    if (rc == IH_OK) {
        rc = endpoints_to_json(e, ts, seq, buf, sizeof buf, &len);
    }
    if (rc == IH_OK) {
        rc = spool_append(s, seq, buf, len);
    }
    return rc;
}

/* Test only: N findings that look like real ones to the collector. */
static int report_synthetic(struct spool *s, unsigned long n, struct scan_summary *sum)
{
    unsigned long i;
    int64_t now = (int64_t)time(NULL);

    memset(sum, 0, sizeof *sum);
    sum->ts = now;
    for (i = 0; i < n && !report_stop; i++) {
        char line[256];
        uint64_t seq;
        int rc;

        rc = spool_reserve(s, &seq);
        if (rc != IH_OK) {
            return rc;
        }
        /* a fixed shape with nothing to escape: one format, not a JSON writer */
        rc = util_fmt(line, sizeof line, "{\"type\":\"test_synthetic\",\"severity\":\"low\","
                      "\"summary\":\"synthetic finding %lu of %lu\",\"ts\":%lld,\"seq\":%llu,"
                      "\"n\":%lu}", i + 1, n, (long long)now, (unsigned long long)seq, i + 1);
        if (rc == IH_OK) {
            rc = spool_append(s, seq, line, strlen(line));
        }
        if (rc != IH_OK) {
            return rc;
        }
        sum->by_severity[SEV_LOW]++;
    }
    return IH_OK;
}

static void report_scan_opts(const struct config *c, struct scan_opts *o)
{
    unsigned i;

    scan_opts_init(o);
    o->root = c->root[0] ? c->root : NULL;
    for (i = 0; i < c->n_rules && i < SCAN_MAX_PATHS; i++) {
        o->rules[o->n_rules++] = c->rules[i];
    }
    for (i = 0; i < c->n_iocs && i < SCAN_MAX_PATHS; i++) {
        o->iocs[o->n_iocs++] = c->iocs[i];
    }
    o->allow = c->allow[0] ? c->allow : NULL;
    o->no_builtin = !c->builtin;
    o->no_resolve = !c->resolve;
    o->user = c->user;
    o->bundle = c->bundle[0] ? c->bundle : NULL;
}

/*
 * One cycle: scan (or synthesise), spool every finding and the summary
 * (the heartbeat, with INTERVAL, and clock_unset as the clock was when the
 * cycle began).  *SUM gets the summary.
 */
static int report_cycle(struct scan_ctx *ctx, const struct report_args *a, struct spool *s,
                        int64_t interval, struct scan_summary *sum)
{
    struct spool_sink k = { s, 0, IH_OK };
    struct finding_sink sink = { report_emit, &k };
    int clock_unset = (int64_t)time(NULL) < (int64_t)IOTHUNT_BUILD_TIME, rc;

    if (a->synthetic) {
        rc = report_synthetic(s, a->synthetic, sum);
    } else {
        rc = scan_run(ctx, (int64_t)time(NULL), &sink, sum);
        if (rc == IH_OK) {
            rc = report_spool_endpoints(s, scan_endpoints(ctx), sum->ts);
        }
    }
    if (rc != IH_OK) {
        return rc;
    }
    sum->clock_unset = clock_unset;
    return report_spool_summary(s, sum, interval);
}

static void report_print_stats(const char *cmd, const struct transport *t, const struct spool *s)
{
    util_print(1, "%s: delivered %lu line(s) in %lu batch(es); %lu full handshake(s), %lu resumed; "
           "%lu line(s) refused by the collector; %lu line(s) waiting in the spool%s\n",
           cmd, t->st.lines_acked, t->st.batches, t->st.handshakes, t->st.resumed,
           t->st.lines_rejected, s->lines, t->clock_unset ? "; clock_unset" : "");
}

/* What `report` and `daemon` share: options, configuration, TLS, scanner, spool. */
struct report_run {
    struct report_args a;
    struct config c;
    struct spool s;
    struct transport *t;
    struct scan_ctx *ctx;
    struct privsep ps;  /* the network half (delivering runs only) */
    int64_t wall, mono; /* the clocks at the last report_check_clock */
    int said_unset;
    int tls;            /* transport_init succeeded */
    int spool_open;
};

/*
 * Say on stderr when the wall clock is before the build (an RTC-less
 * router before NTP) and when it jumped against the monotonic clock since
 * the last call.  Intervals and retries use the monotonic clock and the
 * spool orders by seq, so both are only said, not acted on.
 */
static void report_check_clock(const char *cmd, struct report_run *r)
{
    int64_t wall = (int64_t)time(NULL), mono = mono_s(), skew;
    int unset = wall < (int64_t)IOTHUNT_BUILD_TIME;

    char a[32], b[32];

    selftest_time(b, sizeof b, wall);
    if (unset && !r->said_unset) {
        util_print(2, "iothunt %s: clock %s is before the build: clock_unset\n", cmd, b);
    }
    r->said_unset = unset;
    skew = (wall - r->wall) - (mono - r->mono);
    if (r->wall && (skew > 300 || skew < -300)) {
        selftest_time(a, sizeof a, r->wall);
        util_print(2, "iothunt %s: clock jumped by %llds (%s to %s); intervals keep the "
                   "monotonic clock\n", cmd, (long long)skew, a, b);
    }
    r->wall = wall;
    r->mono = mono;
}

/*
 * Parse CMD's options and open what it needs: the daemon always delivers
 * and scans; `report` skips TLS with --spool-only and the scanner with
 * --deliver-only (both skip the scanner with --synthetic).  EXIT_CLEAN or
 * the exit code; report_close() releases what was opened either way.
 */
static int report_open(struct report_run *r, int argc, char **argv, const char *cmd, int daemon)
{
    int deliver, scan;

    memset(r, 0, sizeof *r);
    if (report_parse_args(argc, argv, &r->a) != IH_OK) {
        return report_usage(cmd);
    }
    deliver = daemon || !r->a.spool_only;
    scan = !r->a.synthetic && (daemon || !r->a.deliver_only);
    if (config_load(r->a.config, &r->c) != IH_OK ||
        (deliver && config_check_delivery(&r->c, r->a.config) != IH_OK)) {
        return EXIT_ERROR;
    }
    r->t = calloc(1, sizeof *r->t);
    if (!r->t || (deliver && transport_init(r->t, &r->c, (int64_t)time(NULL)) != IH_OK)) {
        return EXIT_ERROR;
    }
    r->tls = deliver;
    r->t->stop = &report_stop;
    if (deliver) {
        uint32_t uid, gid;

        /* the key is in memory: from here on the network is someone else's */
        if (privsep_user(r->c.user, &uid, &gid) != IH_OK ||
            privsep_start(&r->ps, r->t, uid, gid) != IH_OK) {
            return EXIT_ERROR;
        }
    }
    if (scan) {
        struct scan_opts o;

        report_scan_opts(&r->c, &o);
        if (scan_open(&o, &r->ctx) != IH_OK) {
            return EXIT_ERROR;
        }
    }
    if (report_open_spool(&r->c, &r->s) != IH_OK) {
        return EXIT_ERROR;
    }
    r->spool_open = 1;
    return EXIT_CLEAN;
}

static void report_close(struct report_run *r)
{
    privsep_stop(&r->ps);
    if (r->spool_open) {
        spool_close(&r->s);
    }
    scan_close(r->ctx);
    if (r->tls) {
        transport_free(r->t);
    }
    free(r->t);
}

int cmd_report(int argc, char **argv)
{
    struct report_run r;
    struct scan_summary sum;
    int rc, code = report_open(&r, argc, argv, "report", 0);

    if (code != EXIT_CLEAN) {
        goto out;
    }
    code = EXIT_ERROR;
    memset(&sum, 0, sizeof sum);
    report_check_clock("report", &r);
    rc = r.a.deliver_only ? IH_OK : report_cycle(r.ctx, &r.a, &r.s, 0, &sum);
    if (rc != IH_OK) {
        report_spool_failed("report", &r.s, rc);
        goto out;
    }
    if (!r.a.spool_only) {
        rc = privsep_deliver(&r.ps, r.t, &r.s, &report_stop);
        report_print_stats("report", r.t, &r.s);
        if (rc != IH_OK) {
            util_print(2, "iothunt report: delivery failed: %s; findings kept in %s\n",
                       r.t->last_error[0] ? r.t->last_error : util_strerror(rc), r.c.spool_path);
            goto out;
        }
    }
    code = scan_exit_code(&sum);
out:
    report_close(&r);
    return code;
}

/* ---- daemon ------------------------------------------------------------ */

static void report_on_signal(int sig)
{
    (void)sig;
    report_stop = 1;
}

/*
 * Sleep until monotonic second UNTIL or a stop signal, at most a second at
 * a time (nanosleep: the sleeps the torture harness observes and shifts).
 */
static void report_sleep_until(int64_t until)
{
    while (!report_stop) {
        int64_t left = until - mono_s();
        struct timespec d;

        if (left <= 0) {
            return;
        }
        d.tv_sec = (time_t)(left > 1 ? 1 : left);
        d.tv_nsec = 0;
        (void)nanosleep(&d, NULL);
    }
}

/* INTERVAL +- JITTER seconds. */
static int64_t report_next_wait(const struct config *c)
{
    if (c->jitter == 0) {
        return c->interval;
    }
    return (int64_t)c->interval - c->jitter + (int64_t)(util_random_u32() % (2 * c->jitter + 1));
}

/*
 * The daemon's bundle check: fetch, and on a new bundle reopen the scanner
 * so the next cycle hunts with it.  A refusal is noted by bundle_install
 * (the next cycle reports bundle_rejected).
 */
static int report_bundle_check(struct report_run *r)
{
    struct scan_opts o;
    struct scan_ctx *nc;
    char why[160];
    int rc = update_fetch(&r->c, &r->ps, r->t, (int64_t)time(NULL), why, sizeof why);

    if (rc == IH_OK) {
        report_scan_opts(&r->c, &o);
        rc = scan_open(&o, &nc);
        if (rc == IH_OK) {
            scan_close(r->ctx);
            r->ctx = nc;
        }
        util_print(2, "iothunt daemon: new intel bundle installed%s\n",
                   rc == IH_OK ? "" : ", but the scanner failed to load it (old intel kept)");
    } else if (rc < 0) {
        util_print(2, "iothunt daemon: bundle check: %s\n", why);
    }
    return rc;
}

int cmd_daemon(int argc, char **argv)
{
    struct report_run r;
    struct transport *t;
    struct sigaction sa;
    unsigned long cycles = 0;
    int64_t bundle_due = 0;
    int code;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = report_on_signal;     /* no SA_RESTART: wake the sleep */
    /* sa_mask: empty, as the memset left it */
    (void)sigaction(SIGTERM, &sa, NULL);
    (void)sigaction(SIGINT, &sa, NULL);
    sa.sa_handler = SIG_IGN;
    (void)sigaction(SIGPIPE, &sa, NULL);
    code = report_open(&r, argc, argv, "daemon", 1);
    if (code != EXIT_CLEAN) {
        goto out;
    }
    t = r.t;
    util_print(2, "iothunt daemon: every %lus (+-%lus) to %s:%u, spool %s\n",
               (unsigned long)r.c.interval, (unsigned long)r.c.jitter, r.c.host,
               (unsigned)r.c.port, r.c.spool_path);
    while (!report_stop) {
        struct scan_summary sum;
        int64_t next = mono_s() + report_next_wait(&r.c);
        int rc;

        report_check_clock("daemon", &r);
        if (r.c.bundle_interval && r.c.bundle[0] && mono_s() >= bundle_due && !r.a.spool_only) {
            rc = report_bundle_check(&r);
            bundle_due = mono_s() + r.c.bundle_interval - r.c.bundle_interval / 10 +
                         (int64_t)(util_random_u32() % (r.c.bundle_interval / 5 + 1));
        }
        rc = report_cycle(r.ctx, &r.a, &r.s, r.c.interval, &sum);
        if (rc != IH_OK && !report_stop) {
            /* a full or broken spool: say so, keep hunting */
            report_spool_failed("daemon", &r.s, rc);
        }
        cycles++;
        /* deliver, retrying with backoff until the next cycle is due */
        while (!report_stop && !r.a.spool_only) {
            int64_t retry;

            rc = privsep_deliver(&r.ps, t, &r.s, &report_stop);
            if (rc == IH_OK || report_stop) {
                break;
            }
            if (r.ps.pid == 0) {
                /* the service manager starts a fresh pair */
                util_print(2, "iothunt daemon: %s; exiting\n", t->last_error);
                code = EXIT_ERROR;
                goto out;
            }
            retry = mono_s() + transport_backoff_next(t);
            util_print(2, "iothunt daemon: delivery failed: %s; %lu line(s) kept, retry in %llds\n",
                       t->last_error[0] ? t->last_error : util_strerror(rc), r.s.lines,
                       (long long)(retry - mono_s()));
            if (retry >= next || (r.a.cycles && cycles >= r.a.cycles)) {
                break;
            }
            report_sleep_until(retry);
        }
        if (r.a.cycles && cycles >= r.a.cycles) {
            break;
        }
        report_sleep_until(next);
    }
    report_print_stats("daemon", t, &r.s);
out:
    report_close(&r);
    return code;
}

/* ---- selftest ---------------------------------------------------------- */

static int selftest_line(int ok, const char *what, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int selftest_line(int ok, const char *what, const char *fmt, ...)
{
    va_list ap;

    util_print(1, "%-4s %-10s ", ok ? "OK" : "FAIL", what);
    va_start(ap, fmt);
    (void)util_vprint(1, fmt, ap);
    va_end(ap);
    (void)util_print(1, "\n");
    return ok ? 0 : 1;
}

static void selftest_time(char *buf, size_t cap, int64_t t)
{
    if (util_fmt_utc(buf, cap, t) != IH_OK) {
        (void)util_strlcpy(buf, "?", cap);
    }
}

/* The collector checks, run by the network half (privsep.h). */
static int selftest_collector(struct transport *t, const struct config *c, const char *cn)
{
    int fails = 0, rc;

    rc = transport_connect(t);
    if (rc == IH_OK) {
        int status = 0;
        char body[128];

        selftest_line(1, "collector", "%s:%u: %s %s, certificate verified for '%s'%s", c->host,
                      (unsigned)c->port, mbedtls_ssl_get_version(&t->ssl),
                      mbedtls_ssl_get_ciphersuite(&t->ssl),
                      c->server_name[0] ? c->server_name : c->host,
                      t->clock_unset ? " (validity period not checked: clock_unset)" : "");
        body[0] = '\0';
        rc = transport_health(t, &status, body, sizeof body);
        if (rc == IH_OK && status == 200 && util_memmem(body, strlen(body), cn, strlen(cn))) {
            selftest_line(1, "identity", "the collector accepts us as '%s'", cn);
        } else {
            fails += selftest_line(0, "identity", "the collector did not accept our "
                                   "certificate (%s%s)", rc == IH_OK ? "HTTP " : "",
                                   rc == IH_OK ? body : t->last_error);
        }
    } else {
        fails += selftest_line(0, "collector", "%s:%u: %s", c->host, (unsigned)c->port,
                               t->last_error);
    }
    return fails;
}

int cmd_selftest(int argc, char **argv)
{
    struct report_args a;
    struct config c;
    struct transport *t = NULL;
    struct scan_ctx *ctx = NULL;
    struct scan_opts o;
    struct spool s;
    char when[32], built[32], cn[80], desc[96];
    int fails = 0, rc;
    int64_t now = (int64_t)time(NULL);
    uint32_t flags = 0;

    if (report_parse_args(argc, argv, &a) != IH_OK) {
        return report_usage("selftest");
    }
    if (config_load(a.config, &c) != IH_OK) {
        selftest_line(0, "config", "%s (see the error above)", a.config);
        return EXIT_ERROR;
    }
    fails += selftest_line(config_check_delivery(&c, a.config) == IH_OK, "config", "%s", a.config);
    selftest_time(when, sizeof when, now);
    selftest_time(built, sizeof built, (int64_t)IOTHUNT_BUILD_TIME);
    if (now < (int64_t)IOTHUNT_BUILD_TIME) {
        fails += selftest_line(0, "clock", "%s is before the build time %s: clock_unset, "
                               "certificate validity periods are not checked until it is set",
                               when, built);
    } else {
        selftest_line(1, "clock", "%s (build %s)", when, built);
    }
    t = calloc(1, sizeof *t);
    if (!t) {
        return EXIT_ERROR;
    }
    rc = c.ca[0] && c.cert[0] && c.key[0] ? transport_init(t, &c, now) : IH_EINVAL;
    if (rc != IH_OK) {
        fails += selftest_line(0, "certs", "ca %s, cert %s, key %s: %s", c.ca, c.cert, c.key,
                               rc == IH_EAUTH ? "the key does not match the certificate"
                                              : "cannot load (see the error above)");
        free(t);
        t = NULL;
    } else {
        selftest_line(1, "ca", "%s", c.ca);
        if (transport_own_cn(t, cn, sizeof cn) != IH_OK) {
            (void)util_strlcpy(cn, "?", sizeof cn);
        }
        if (transport_check_own(t, &flags) == IH_OK) {
            char until[32];
            const mbedtls_x509_time *v = &t->own.valid_to;

            (void)util_fmt(until, sizeof until, "%04d-%02d-%02d", v->year, v->mon, v->day);
            selftest_line(1, "cert", "%s: agent id '%s', chains to the CA, valid until %s",
                          c.cert, cn, until);
        } else {
            char why[128];

            transport_verify_text(flags, why, sizeof why);
            fails += selftest_line(0, "cert", "%s: agent id '%s' does not verify against %s: %s",
                                   c.cert, cn, c.ca, why);
        }
        selftest_line(1, "key", "%s matches the certificate", c.key);
    }
    report_scan_opts(&c, &o);
    if (scan_open(&o, &ctx) == IH_OK) {
        selftest_line(1, "rules", "%u rule file(s), %u IOC file(s)%s, allowlist %s", o.n_rules,
                      o.n_iocs, o.no_builtin ? "" : " and the built-in set",
                      o.allow ? o.allow : "none");
        scan_close(ctx);
        bundle_describe(o.bundle, now, desc, sizeof desc);
        selftest_line(1, "bundle", "%s: %s", c.bundle[0] ? c.bundle : "(none)", desc);
    } else {
        fails += selftest_line(0, "rules", "rules, IOCs or allowlist failed to load (see above)");
    }
    if (report_open_spool(&c, &s) == IH_OK) {
        selftest_line(1, "spool", "%s: %lu line(s) waiting, %llu of %llu bytes, next seq %llu",
                      c.spool_path, s.lines, (unsigned long long)s.size,
                      (unsigned long long)s.max_bytes, (unsigned long long)s.next_seq);
        spool_close(&s);
    } else if (errno == EWOULDBLOCK) {
        selftest_line(1, "spool", "%s: in use by a running iothunt daemon", c.spool_path);
    } else {
        fails += selftest_line(0, "spool", "%s: cannot open", c.spool_path);
    }
    if (t && c.port) {
        uint32_t uid, gid;
        pid_t pid;
        int st = 0;

        /* as in report and daemon: network input is parsed without root */
        /* _Fork: one thread, no atfork handlers (see privsep_start) */
        pid = privsep_user(c.user, &uid, &gid) == IH_OK ? _Fork() : -1;
        if (pid == 0) {
            rc = privsep_drop(uid, gid);
            if (rc != IH_OK) {
                selftest_line(0, "privsep", "cannot drop to uid %lu: %s", (unsigned long)uid,
                              util_strerror(rc));
                _exit(1);
            }
            selftest_line(1, "privsep", "network half runs as uid %lu gid %lu", (unsigned long)uid,
                          (unsigned long)gid);
            _exit(selftest_collector(t, &c, cn) ? 1 : 0);
        }
        if (pid < 0 || waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
            fails++;
        }
    } else {
        fails += selftest_line(0, "collector", "not checked (no usable certificates)");
    }
    if (t) {
        transport_free(t);
        free(t);
    }
    return fails ? EXIT_ERROR : EXIT_CLEAN;
}
