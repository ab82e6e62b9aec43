/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * torture.c - the failure-torture harness (docs/DEVELOPING.md, Torture).
 * Linked with the fault-injecting wrappers of wrap.c.
 *
 * Operations: a rule load (rules/mirai.yar), an IOC load (the ThreatFox CSV
 * and a JSON feed), a scan (tests/data/fixtures/infected with the built-in
 * rules and IOCs) and a report (`iothunt report --spool-only` on that
 * fixture: configuration, scanner, spool).  For each:
 *
 *   allocation failures  fail allocation N for N = 1, 2, ... until the
 *                        operation completes without reaching N; every run
 *                        must end with a clean error or the same result as
 *                        the undisturbed run (or, for a scan, a result that
 *                        counts the source it lost as unreadable), and with
 *                        as many live blocks as before (no leak);
 *   short reads + EINTR  every read, pread, recv and recvfrom returns EINTR
 *                        every other call and at most 1 byte otherwise:
 *                        the result must be the undisturbed one.
 *
 * Then: a full spool file system (ENOSPC on every write, and a short write
 * followed by ENOSPC) keeps old findings and says "spool full"; a clock at
 * 1970 and a clock that jumps by years between daemon cycles keep seq
 * order, intervals (monotonic) and backoff, and are said on the screen.
 *
 * With $TORTURE_COLLECTOR and $TORTURE_CERTS (tests/torture/run.sh starts a
 * collector): a delivery as well, whose TLS reads go short and EINTR too;
 * its ~25,000 allocations (certificate and key parsing, TLS) are sampled:
 * about P failure points spread over them (default 400).
 *
 * Usage: torture [--step K] [--max N] [--only NAME] [--trace N] [--deliver-points P]
 * [--no-deliver-reads]: try every K-th failure
 * point (default 1), at most N per operation (default: all).
 * Ends with "N passed, N failed"; exit 1 when anything failed.
 */
#include "cmd.h"
#include "finding.h"
#include "ioc.h"
#include "rules.h"
#include "scan.h"
#include "spool.h"
#include "util.h"
#include "wrap.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define OUT_MAX (64 * 1024)
#define FIX "tests/data/fixtures/"
#define NOW ((int64_t)IOTHUNT_BUILD_TIME + 86400)   /* a set clock */

static int passed, failed;
/* argv strings for cmd_report and cmd_daemon (writable, as argv is) */
static char s_report[] = "report", s_daemon[] = "daemon", s_config[] = "--config",
            s_spool_only[] = "--spool-only", s_cycles[] = "--cycles", s_3[] = "3", s_2[] = "2";
static char tmpdir[64], conf_path[128], conf_d_path[128], conf_b_path[128], spool_path[128], state_path[128];

static void ok(int cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void ok(int cond, const char *fmt, ...)
{
    va_list ap;

    printf("%s - ", cond ? "ok" : "not ok");
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    fflush(stdout);
    if (cond) {
        passed++;
    } else {
        failed++;
    }
}

/* The decimal number at P (leading digits; 0 when none). */
static long long num(const char *p)
{
    long long v = 0;

    while (*p >= '0' && *p <= '9' && v < 100000000000000LL) {
        v = v * 10 + (*p++ - '0');
    }
    return v;
}

/* What an operation produced: its code and a text of its result. */
struct result {
    int rc;
    int incomplete;     /* the operation said it could not read everything */
    size_t len;
    char text[OUT_MAX];
};

static void res_add(struct result *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void res_add(struct result *r, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(r->text + r->len, sizeof r->text - r->len, fmt, ap);
    va_end(ap);
    if (n > 0) {
        r->len += (size_t)n;
        if (r->len >= sizeof r->text) {
            r->len = sizeof r->text - 1;
        }
    }
}

/* ---- quiet: the operations' own output goes to /dev/null ----------------- */

static int saved_out = -1, saved_err = -1;

static void quiet(int on)
{
    static int verbose = -1;

    if (verbose < 0) {
        verbose = getenv("TORTURE_VERBOSE") != NULL;    /* debugging: keep the output */
    }
    if (verbose) {
        return;
    }
    if (on) {
        int nul = open("/dev/null", O_WRONLY);

        fflush(stdout);
        saved_out = dup(1);
        saved_err = dup(2);
        dup2(nul, 1);
        dup2(nul, 2);
        close(nul);
        util_diag_quiet = 1;
    } else {
        dup2(saved_out, 1);
        dup2(saved_err, 2);
        close(saved_out);
        close(saved_err);
        util_diag_quiet = 0;
    }
}

/* Faults off, the wall clock fixed (findings carry it). */
static void reset(void)
{
    tw_reset();
    tw.wall_set = 1;
    tw.wall = NOW;
}

static unsigned long count_lines_(const struct result *r)
{
    unsigned long n = 0;
    size_t i;

    for (i = 0; i < r->len; i++) {
        n += r->text[i] == '\n';
    }
    return n;
}

/* ---- the operations -------------------------------------------------------- */

static int rules_hit(const char *rule, void *ctx)
{
    res_add(ctx, "match %s\n", rule);
    return 0;
}

/* Match the rules over the simulated bot (tests/sim is built from source,
 * so use a fixture file that carries Mirai strings). */
static int rules_match_file(struct rules *rs, struct result *r)
{
    int fd = open(FIX "infected/tmp/mips", O_RDONLY);
    int rc;

    if (fd < 0) {
        res_add(r, "no sample\n");
        return IH_OK;
    }
    rc = rules_match_fd(rs, fd, 0, NULL, rules_hit, r);
    close(fd);
    return rc;
}

static void op_rules(struct result *r)
{
    struct rules *rs = NULL;

    r->rc = rules_new(&rs);
    if (r->rc == IH_OK) {
        r->rc = rules_load_file(rs, "rules/mirai.yar");
    }
    if (r->rc == IH_OK) {
        res_add(r, "rules %u\n", rules_count(rs));
        r->rc = rules_match_file(rs, r);
    }
    rules_free(rs);
}

static void op_ioc(struct result *r)
{
    static const char *const files[] = { "rules/threatfox-mirai.csv", "tests/data/ioc/good.json",
                                         "tests/data/ioc/good.csv" };
    struct ioc_store *s = NULL;
    size_t i;

    r->rc = ioc_store_new(&s);
    for (i = 0; r->rc == IH_OK && i < sizeof files / sizeof files[0]; i++) {
        struct ioc_stats st;

        memset(&st, 0, sizeof st);
        r->rc = ioc_load_file(s, files[i], &st);
        res_add(r, "%s: loaded %lu derived %lu dups %lu bad %lu dropped %lu\n", files[i],
                st.loaded, st.derived, st.dups, st.bad, st.dropped);
    }
    if (r->rc == IH_OK) {
        res_add(r, "count %zu\n", ioc_count(s, IOC__KIND_COUNT));
    }
    ioc_store_free(s);
}

static int op_scan_emit(void *ctx, const struct finding *f)
{
    struct result *r = ctx;
    char buf[8192];
    size_t len;

    if (finding_to_json(f, 1, buf, sizeof buf, &len) != IH_OK) {
        res_add(r, "UNSERIALISABLE %d\n", (int)f->type);
        return IH_OK;
    }
    res_add(r, "%.*s\n", (int)len, buf);
    return IH_OK;
}

static void op_scan(struct result *r)
{
    struct scan_opts o;
    struct scan_summary sum;
    struct finding_sink sink = { op_scan_emit, r };
    struct scan_ctx *c = NULL;

    scan_opts_init(&o);
    o.root = FIX "infected";
    o.no_resolve = 1;
    o.iocs[o.n_iocs++] = FIX "infected.iocs";
    memset(&sum, 0, sizeof sum);
    r->rc = scan_open(&o, &c);
    if (r->rc == IH_OK) {
        r->rc = scan_run(c, NOW, &sink, &sum);
    }
    scan_close(c);
    if (r->rc == IH_OK) {
        /* not files_hashed: a hash cache that could not grow hashes again */
        res_add(r, "verdict %d processes %lu sockets %lu bad %lu errors %lu\n",
                (int)sum.verdict, sum.processes, sum.sockets, sum.bad_records, sum.errors);
        r->incomplete = sum.errors > 0;
    }
}

static int spool_line(void *ctx, uint64_t seq, const char *line, size_t len)
{
    struct result *r = ctx;

    res_add(r, "%llu %.*s\n", (unsigned long long)seq, (int)len, line);
    return 0;
}

static void cleanup_spool(void)
{
    char p[160];

    (void)unlink(spool_path);
    (void)unlink(state_path);
    (void)util_fmt(p, sizeof p, "%s.lock", spool_path);
    (void)unlink(p);
    (void)util_fmt(p, sizeof p, "%s.tmp", spool_path);
    (void)unlink(p);
    (void)util_fmt(p, sizeof p, "%s.tmp", state_path);
    (void)unlink(p);
}

/* The spool's lines (read with no fault injected). */
static void read_spool(struct result *r)
{
    struct spool_opts o = { spool_path, state_path, 1 << 20, 0, 0 };
    struct tw_state keep = tw;
    struct spool s;

    tw_reset();
    if (spool_open(&s, &o) != IH_OK) {
        res_add(r, "spool cannot be opened\n");
    } else {
        if (spool_scan(&s, 0, spool_line, r) != IH_OK) {
            res_add(r, "spool cannot be read\n");
        }
        spool_close(&s);
    }
    tw = keep;
}

/* Blank the digits after KEY everywhere in R (statistics allowed to differ). */
static void scrub(struct result *r, const char *key)
{
    size_t kl = strlen(key), i;

    for (i = 0; i + kl <= r->len; i++) {
        if (memcmp(r->text + i, key, kl) == 0) {
            size_t j = i + kl;

            while (j < r->len && r->text[j] >= '0' && r->text[j] <= '9') {
                r->text[j++] = '#';
            }
        }
    }
}

static void op_report(struct result *r)
{
    char *argv[] = { s_report, s_config, conf_path, s_spool_only,
                     NULL };

    cleanup_spool();
    r->rc = cmd_report(4, argv);
    if (r->rc != EXIT_ERROR) {
        read_spool(r);
        /* a hash cache that could not grow hashes again next time */
        scrub(r, "\"files_hashed\":");
        scrub(r, "\"hash_cache_hits\":");
        /* the summary counts sources it could not read: an honest result */
        r->incomplete = util_memmem(r->text, r->len, "\"errors\":0,", 11) == NULL;
    }
    cleanup_spool();
}

/*
 * Delivery to the collector of $TORTURE_COLLECTOR (tests/torture/run.sh):
 * `report --synthetic 3` spools and delivers through the network half (a
 * fork, which inherits the fault injection: TLS reads are short or EINTR
 * there).  The result: the exit code and the lines left in the spool.
 */
static char conf_n_path[128];
static char s_synthetic[] = "--synthetic";

static void op_deliver(struct result *r)
{
    char *argv[] = { s_report, s_config, conf_n_path, s_synthetic, s_3, NULL };
    static struct result left;

    cleanup_spool();
    r->rc = cmd_report(5, argv);
    memset(&left, 0, sizeof left);
    read_spool(&left);
    res_add(r, "lines left %lu\n", count_lines_(&left));
    cleanup_spool();
}

struct op {
    const char *name;
    void (*run)(struct result *r);
    int clean_error;    /* the code of a clean failure (besides negative IH_E*) */
};

static const struct op ops[] = {
    { "rule-load", op_rules, -1000 },
    { "ioc-load", op_ioc, -1000 },
    { "scan", op_scan, -1000 },
    { "report", op_report, EXIT_ERROR },
    { "deliver", op_deliver, EXIT_ERROR },  /* with $TORTURE_COLLECTOR only */
};

/* ---- allocation failures ---------------------------------------------------- */

static struct result base, cur;

static int result_is_clean_error(const struct op *o, const struct result *r)
{
    return o->clean_error == -1000 ? r->rc < 0 : r->rc == o->clean_error;
}

/*
 * Fail each allocation of O in turn (every STEP-th; POINTS > 0: about
 * POINTS of them, spread evenly), at most MAX runs (0: no limit).
 */
static void torture_alloc(const struct op *o, long step, long max, long points)
{
    long n, tried = 0, errors = 0, same = 0, incomplete = 0, bad = 0, leaks = 0, base_allocs;

    reset();
    memset(&base, 0, sizeof base);
    quiet(1);
    o->run(&base);
    quiet(0);
    base_allocs = tw.allocs;
    if (points > 0 && base_allocs / points > step) {
        step = base_allocs / points;
    }
    ok(tw.live == 0 && tw.foreign == 0 && !result_is_clean_error(o, &base),
       "%s: undisturbed run: rc %d, %ld allocations, %ld live after, %ld foreign frees",
       o->name, base.rc, tw.allocs, tw.live, tw.foreign);
    for (n = 1; max == 0 || tried < max; n += step) {
        reset();
        tw.fail_at = n;
        memset(&cur, 0, sizeof cur);
        quiet(1);
        o->run(&cur);
        quiet(0);
        if (tw.injected == 0) {
            break;      /* completed before allocation N: every point was tried */
        }
        tried++;
        if (tw.live != 0 || tw.foreign != 0) {
            leaks++;
            if (leaks <= 5) {
                printf("# %s: failing allocation %ld: %ld block(s) leaked, %ld foreign\n",
                       o->name, n, tw.live, tw.foreign);
            }
        }
        if (result_is_clean_error(o, &cur)) {
            errors++;
        } else if (cur.rc == base.rc && cur.len == base.len &&
                   memcmp(cur.text, base.text, cur.len) == 0) {
            same++;
        } else if (cur.incomplete) {
            incomplete++;
        } else {
            bad++;
            if (bad <= 40) {
                size_t i = 0;

                while (i < cur.len && i < base.len && cur.text[i] == base.text[i]) {
                    i++;
                }
                printf("# %s: failing allocation %ld: rc %d (undisturbed %d), result differs "
                       "at byte %zu: got '%.80s' want '%.80s'\n", o->name, n, cur.rc, base.rc, i,
                       cur.text + i, base.text + i);
            }
        }
    }
    printf("torture: %s: %ld allocations, %ld failure points tried (step %ld), %ld clean errors, "
           "%ld correct results, %ld honest incomplete results, %ld wrong results, %ld leaking\n",
           o->name, base_allocs, tried, step, errors, same, incomplete, bad, leaks);
    ok(bad == 0 && leaks == 0 && (max || step > 1 || tried >= base_allocs),
       "%s: every allocation failure ends in a clean error or a correct result, no leak",
       o->name);
}

/* ---- short reads and EINTR --------------------------------------------------- */

static void torture_reads(const struct op *o)
{
    reset();
    memset(&base, 0, sizeof base);
    quiet(1);
    o->run(&base);
    quiet(0);
    reset();
    tw.short_reads = 1;
    memset(&cur, 0, sizeof cur);
    quiet(1);
    o->run(&cur);
    quiet(0);
    if (cur.len != base.len || memcmp(cur.text, base.text, cur.len) != 0) {
        size_t i = 0;

        while (i < cur.len && i < base.len && cur.text[i] == base.text[i]) {
            i++;
        }
        printf("# %s: short reads: result differs at byte %zu: got '%.100s' want '%.100s'\n",
               o->name, i, cur.text + i, base.text + i);
    }
    ok(cur.rc == base.rc && cur.len == base.len && memcmp(cur.text, base.text, cur.len) == 0 &&
       tw.reads > 2,
       "%s: every read short (1 byte) or EINTR (%lu reads): the same result (rc %d, want %d)",
       o->name, tw.reads, cur.rc, base.rc);
    reset();
}

/* ---- spool full ------------------------------------------------------------ */

static int grep_file(const char *path, const char *needle)
{
    char *buf = NULL;
    size_t len;
    int found;

    if (util_read_file(path, 1 << 20, &buf, &len) != IH_OK) {
        return 0;
    }
    found = util_memmem(buf, len, needle, strlen(needle)) != NULL;
    free(buf);
    return found;
}

static unsigned long count_lines(const struct result *r)
{
    unsigned long n = 0;
    size_t i;

    for (i = 0; i < r->len; i++) {
        n += r->text[i] == '\n';
    }
    return n;
}

/* Run `report --spool-only` with stderr in ERR; returns the exit code. */
static int report_capture(const char *err)
{
    char *argv[] = { s_report, s_config, conf_path, s_spool_only,
                     NULL };
    int fd, rc;

    quiet(1);
    fd = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(fd, 2);
    close(fd);
    rc = cmd_report(4, argv);
    quiet(0);
    return rc;
}

static void torture_enospc(void)
{
    static struct result before, after;
    char err[160];
    long long budgets[] = { 0, 100, 3000 };
    size_t i;

    (void)util_fmt(err, sizeof err, "%s/err", tmpdir);
    for (i = 0; i < sizeof budgets / sizeof budgets[0]; i++) {
        int rc;

        cleanup_spool();
        reset();
        rc = report_capture(err);            /* the old findings */
        memset(&before, 0, sizeof before);
        read_spool(&before);
        tw.write_budget = budgets[i];
        rc = report_capture(err);
        tw.write_budget = -1;
        memset(&after, 0, sizeof after);
        read_spool(&after);
        ok(rc == EXIT_ERROR && grep_file(err, "spool full") && after.len >= before.len &&
           memcmp(after.text, before.text, before.len) == 0 && count_lines(&before) > 3,
           "spool on a full file system (%lld bytes free): exit %d, says \"spool full\", "
           "the %lu old line(s) intact, %lu line(s) now", budgets[i], rc,
           count_lines(&before), count_lines(&after));
        /* the same file system, freed: the next report spools again */
        rc = report_capture(err);
        memset(&after, 0, sizeof after);
        read_spool(&after);
        ok(rc != EXIT_ERROR && count_lines(&after) > count_lines(&before),
           "after space is freed the next report spools (exit %d, %lu lines)", rc,
           count_lines(&after));
    }
    /* compaction (rewrite + rename) on a full file system keeps the file */
    {
        struct spool_opts o = { spool_path, state_path, 1 << 20, 0, 0 };
        struct spool s;
        unsigned long lines = 0;

        reset();
        memset(&before, 0, sizeof before);
        read_spool(&before);
        if (spool_open(&s, &o) == IH_OK) {
            lines = s.lines;
            tw.write_budget = 0;
            (void)spool_ack(&s, s.first_seq + 1);   /* two lines delivered */
            spool_close(&s);                        /* tries to compact */
            tw.write_budget = -1;
        }
        memset(&after, 0, sizeof after);
        read_spool(&after);
        ok(lines > 2 && count_lines(&after) + 2 >= lines && count_lines(&after) <= lines &&
           tw.enospc > 0,
           "compaction on a full file system (%lu write(s) refused): %lu line(s) before, %lu "
           "after (old file kept)", tw.enospc, lines, count_lines(&after));
    }
    cleanup_spool();
    reset();
}

/* ---- clocks ---------------------------------------------------------------- */

/* Seqs of the spool's lines strictly increasing, and how many summaries
 * carry clock_unset true. */
static int spool_order(const struct result *r, unsigned long *unset, unsigned long *lines)
{
    const char *p = r->text, *end = r->text + r->len;
    unsigned long long last = 0;

    *unset = *lines = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        unsigned long long seq = (unsigned long long)num(p);

        if (!nl) {
            break;
        }
        if (seq <= last) {
            return 0;
        }
        last = seq;
        (*lines)++;
        if (util_memmem(p, (size_t)(nl - p), "\"clock_unset\":true", 18)) {
            (*unset)++;
        }
        p = nl + 1;
    }
    return 1;
}

static void torture_clock(void)
{
    static struct result r;
    char err[160], *argv[] = { s_daemon, s_config, conf_d_path,
                               s_spool_only, s_cycles, s_3, NULL };
    char *argv2[] = { s_daemon, s_config, conf_d_path, s_cycles,
                      s_2, NULL };
    unsigned long unset, lines;
    int64_t mono0;
    int rc, order;

    (void)util_fmt(err, sizeof err, "%s/err", tmpdir);
    /* 1970: a router without an RTC before NTP */
    cleanup_spool();
    tw_reset();
    tw.wall_set = 1;
    tw.wall = 86400;
    rc = report_capture(err);
    memset(&r, 0, sizeof r);
    read_spool(&r);
    order = spool_order(&r, &unset, &lines);
    ok(rc == EXIT_FINDINGS && order && unset == 1 && lines > 3 &&
       grep_file(err, "clock"),
       "clock at 1970: exit %d, %lu line(s) in seq order, summary says clock_unset (%lu), "
       "the screen says so", rc, lines, unset);

    /* jumps by years between daemon cycles: +20 years, then back to 1970 */
    cleanup_spool();
    tw_reset();
    tw.mono_fake = 1;
    mono0 = tw.mono_ms;
    tw.wall_set = 1;
    tw.wall = NOW;
    tw.wall_step = 0;
    {
        /* time() is called a few times per cycle: jump on every call is
         * enough to make each cycle see another year */
        tw.wall_step = 20LL * 365 * 86400 / 8;
    }
    quiet(1);
    {
        int fd = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0600);

        dup2(fd, 2);
        close(fd);
    }
    rc = cmd_daemon(6, argv);
    quiet(0);
    memset(&r, 0, sizeof r);
    read_spool(&r);
    order = spool_order(&r, &unset, &lines);
    ok(rc == EXIT_CLEAN && order && lines > 9,
       "clock jumping by years in a daemon: exit %d, %lu line(s) in seq order", rc, lines);
    /* interval 10, jitter 0: 3 cycles wait 2 x 10 s on the monotonic clock,
     * whatever the wall clock does */
    ok(tw.slept_ms >= 20000 && tw.slept_ms <= 21000 && tw.mono_ms - mono0 >= 20000,
       "daemon intervals follow the monotonic clock: slept %lld ms for 3 cycles of 10 s",
       (long long)tw.slept_ms);
    ok(grep_file(err, "clock jumped"), "the screen says the clock jumped");

    /* backoff while the wall clock jumps: a collector that refuses (a closed
     * port), interval 120 s: retries after ~10, ~20, ~40 s (+-25%), then the
     * next cycle at 120 s on the monotonic clock */
    cleanup_spool();
    tw_reset();
    tw.mono_fake = 1;
    tw.wall_set = 1;
    tw.wall = NOW;
    tw.wall_step = -3LL * 365 * 86400;      /* backwards, years per call */
    quiet(1);
    {
        int fd = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0600);

        dup2(fd, 2);
        close(fd);
    }
    argv2[2] = conf_b_path;
    rc = cmd_daemon(5, argv2);
    quiet(0);
    {
        char *buf = NULL;
        size_t len = 0, i;
        long waits[16];
        unsigned nw = 0, good = 1;

        (void)util_read_file(err, 1 << 20, &buf, &len);
        for (i = 0; buf && i + 9 < len && nw < 16; i++) {
            if (memcmp(buf + i, "retry in ", 9) == 0) {
                waits[nw++] = (long)num(buf + i + 9);
            }
        }
        /* 10 s doubling, +-25% */
        for (i = 0; i < nw && i < 4; i++) {
            long want = 10L << i;

            good &= waits[i] >= want - want / 4 - 1 && waits[i] <= want + want / 4 + 1;
        }
        ok(rc == EXIT_CLEAN && nw >= 4 && good && tw.slept_ms >= 119000 && tw.slept_ms <= 121000,
           "backoff with the wall clock going back years: exit %d, %u retries (%ld, %ld, %ld, "
           "%ld s), slept %lld ms for a 120 s interval", rc, nw, nw > 0 ? waits[0] : -1L,
           nw > 1 ? waits[1] : -1L, nw > 2 ? waits[2] : -1L, nw > 3 ? waits[3] : -1L,
           (long long)tw.slept_ms);
        free(buf);
    }
    memset(&r, 0, sizeof r);
    read_spool(&r);
    order = spool_order(&r, &unset, &lines);
    ok(order && lines > 6,
       "findings kept in seq order while delivery fails: %lu line(s)", lines);
    cleanup_spool();
    tw_reset();
}

/* ---- main --------------------------------------------------------------- */

static void write_file(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

    if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text)) {
        perror(path);
        exit(2);
    }
    close(fd);
}

/* conf: report --spool-only; conf_d: a daemon (interval 10); conf_b: a
 * daemon delivering to a closed port (interval 120) */
static void write_conf(void)
{
    char text[2048], cwd[256], tls[1024];

    if (!getcwd(cwd, sizeof cwd)) {
        perror("getcwd");
        exit(2);
    }
    (void)util_fmt(text, sizeof text,
                   "root = %s/" FIX "infected\n"
                   "iocs = %s/" FIX "infected.iocs\n"
                   "spool_path = %s\n"
                   "state_path = %s\n"
                   "resolve = no\n"
                   "jitter = 0\n", cwd, cwd, spool_path, state_path);
    write_file(conf_path, text);
    (void)util_fmt(tls, sizeof tls, "%s"
                   "ca = %s/tests/data/tls/ca.crt\n"
                   "cert = %s/tests/data/tls/expired.crt\n"
                   "key = %s/tests/data/tls/expired.key\n"
                   "collector = 127.0.0.1:1\n"
                   "timeout = 2\n", text, cwd, cwd, cwd);
    (void)util_fmt(text, sizeof text, "%sinterval = 10\n", tls);
    write_file(conf_d_path, text);
    (void)util_fmt(text, sizeof text, "%sinterval = 120\n", tls);
    write_file(conf_b_path, text);
}

int main(int argc, char **argv)
{
    long step = 1, max = 0, trace = 0, deliver_points = 400;
    int deliver_reads = 1;
    const char *only = NULL;
    int i;
    size_t k;

    for (i = 1; i < argc; i++) {
        if (i + 1 < argc && strcmp(argv[i], "--step") == 0) {
            step = (long)num(argv[++i]);
        } else if (i + 1 < argc && strcmp(argv[i], "--max") == 0) {
            max = (long)num(argv[++i]);
        } else if (strcmp(argv[i], "--no-deliver-reads") == 0) {
            deliver_reads = 0;
        } else if (i + 1 < argc && strcmp(argv[i], "--deliver-points") == 0) {
            deliver_points = (long)num(argv[++i]);
        } else if (i + 1 < argc && strcmp(argv[i], "--trace") == 0) {
            trace = (long)num(argv[++i]);
        } else if (i + 1 < argc && strcmp(argv[i], "--only") == 0) {
            only = argv[++i];
        } else {
            fprintf(stderr, "usage: torture [--step K] [--max N] [--only NAME]\n");
            return 2;
        }
    }
    if (step < 1) {
        step = 1;
    }
    (void)signal(SIGPIPE, SIG_IGN);
    tw_reset();
    (void)util_strlcpy(tmpdir, "/tmp/iothunt-torture-XXXXXX", sizeof tmpdir);
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 2;
    }
    (void)util_fmt(conf_path, sizeof conf_path, "%s/iothunt.conf", tmpdir);
    (void)util_fmt(conf_d_path, sizeof conf_d_path, "%s/daemon.conf", tmpdir);
    (void)util_fmt(conf_b_path, sizeof conf_b_path, "%s/backoff.conf", tmpdir);
    (void)util_fmt(spool_path, sizeof spool_path, "%s/spool", tmpdir);
    (void)util_fmt(state_path, sizeof state_path, "%s/seq", tmpdir);
    write_conf();
    if (getenv("TORTURE_COLLECTOR") && getenv("TORTURE_CERTS")) {
        char text[2048];

        (void)util_fmt(conf_n_path, sizeof conf_n_path, "%s/deliver.conf", tmpdir);
        (void)util_fmt(text, sizeof text,
                       "collector = %s\nca = %s/ca.crt\ncert = %s/devices/torture.crt\n"
                       "key = %s/devices/torture.key\nspool_path = %s\nstate_path = %s\n"
                       "timeout = 10\n", getenv("TORTURE_COLLECTOR"), getenv("TORTURE_CERTS"),
                       getenv("TORTURE_CERTS"), getenv("TORTURE_CERTS"), spool_path, state_path);
        write_file(conf_n_path, text);
    }
    tw_reset();
    tw.mono_ms = 1000000;
    for (k = 0; k < sizeof ops / sizeof ops[0]; k++) {
        if (only && strcmp(only, ops[k].name) != 0) {
            continue;
        }
        if (ops[k].run == op_deliver && !conf_n_path[0]) {
            /* tests/torture/run.sh (make test-torture) always gives one */
            printf("# deliver: not run: no collector (TORTURE_COLLECTOR, TORTURE_CERTS)\n");
            continue;
        }
        if (trace) {
            /* where allocation TRACE comes from, and what the run gave */
            reset();
            tw.fail_at = trace;
            tw.trace = 1;
            memset(&cur, 0, sizeof cur);
            ops[k].run(&cur);
            printf("rc %d\n%.*s", cur.rc, (int)cur.len, cur.text);
            continue;
        }
        torture_alloc(&ops[k], step, max, ops[k].run == op_deliver ? deliver_points : 0);
        if (ops[k].run == op_deliver && !deliver_reads) {
            printf("# deliver: short reads not run (--no-deliver-reads)\n");
            continue;
        }
        torture_reads(&ops[k]);
    }
    if (!only || strcmp(only, "spool") == 0) {
        torture_enospc();
    }
    if (!only || strcmp(only, "clock") == 0) {
        torture_clock();
    }
    cleanup_spool();
    {
        char p[160];

        (void)util_fmt(p, sizeof p, "%s/err", tmpdir);
        (void)unlink(p);
        (void)unlink(conf_path);
        (void)unlink(conf_d_path);
        (void)unlink(conf_b_path);
        if (conf_n_path[0]) {
            (void)unlink(conf_n_path);
        }
        (void)rmdir(tmpdir);
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
