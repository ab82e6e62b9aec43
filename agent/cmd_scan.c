/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * cmd_scan.c - `iothunt scan`: one hunt, printed for a person (verdict
 * first) or as NDJSON (--json).
 */
#include "cmd.h"
#include "finding.h"
#include "scan.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

const char cmd_exit_text[] =
    "exit status: 0 clean, 1 findings, 2 error (usage, or a file at fault),\n"
    "             3 incomplete (nothing found, but a source the hunt needs was not read)\n";

/* Human output holds the finding lines until the verdict is known. */
#define SCAN_SCREEN_MAX 200

struct scan_line {
    unsigned char sev;
    char text[199];
};

struct scan_out {
    int json;
    unsigned long shown, hidden;
    struct scan_line *lines;
};

static int scan_out_emit(void *ctx, const struct finding *f)
{
    struct scan_out *o = ctx;

    if (o->json) {
        char buf[2048];
        size_t len;

        if (finding_to_json(f, 0, buf, sizeof buf - 1, &len) != IH_OK) {
            return IH_ETRUNC;
        }
        buf[len] = '\n';
        return util_write_all(1, buf, len + 1);
    }
    if (o->shown >= SCAN_SCREEN_MAX) {
        o->hidden++;
        return IH_OK;
    }
    o->lines[o->shown].sev = (unsigned char)f->severity;
    (void)util_fmt(o->lines[o->shown].text, sizeof o->lines[0].text, "%-8s %-20s %s",
                   finding_severity_name(f->severity), finding_type_name(f->type), f->summary);
    o->shown++;
    return IH_OK;
}

/* The first line of `iothunt --help`, and of the scan's own usage. */
const char cmd_scan_usage[] =
    "usage: iothunt scan   [--root DIR] [--rules PATH]... [--iocs PATH]... [--allow PATH] [--bundle PATH] [--json] "
    "[--sockets]\n";

/* The usage on FD; returns CODE. */
static int scan_usage(int fd, int code)
{
    util_print(fd, "%s                      [--no-resolve] [--no-builtin]\n%s", cmd_scan_usage, cmd_exit_text);
    return code;
}

/*
 * Colour: standard output is a terminal (it answers TIOCGWINSZ, musl's
 * isatty() test, made through the syscall() that privsep links anyway)
 * and NO_COLOR is not set (https://no-color.org; the environment read by
 * hand).  isatty() and getenv() would be linked for this alone.
 */
static int scan_color(void)
{
    struct winsize ws;
    char **e;

    if (syscall(SYS_ioctl, 1, TIOCGWINSZ, &ws) != 0) {
        return 0;
    }
    for (e = environ; e && *e; e++) {
        if (strncmp(*e, "NO_COLOR=", 9) == 0) {
            return 0;
        }
    }
    return 1;
}

static void scan_print_screen(const struct scan_out *o, const struct scan_summary *s)
{
    const char *on = "", *off = "", *advice;
    char unread[256];
    unsigned long i;
    int sev;

    scan_unread_text(s, unread, sizeof unread, &advice);
    if (scan_color()) {
        off = "\033[0m";
        on = s->verdict == VERDICT_INFECTED ? "\033[1;31m" :
             s->verdict == VERDICT_SUSPICIOUS || s->verdict == VERDICT_INCOMPLETE ? "\033[1;33m" :
             "\033[1;32m";
    }
    util_print(1, "%s%s%s%s  (%lu processes, %lu sockets inspected; /proc/net byte order %s by %s)\n",
           on, scan_verdict_name(s->verdict), off,
           unread[0] && s->verdict != VERDICT_INCOMPLETE ? " (incomplete)" : "",
           s->processes, s->sockets, s->byte_order, s->byte_order_how);
    /* worst first, in the order found within a severity */
    for (sev = SEV_CRITICAL; sev >= SEV_LOW; sev--) {
        for (i = 0; i < o->shown; i++) {
            if (o->lines[i].sev == sev) {
                util_print(1, "  %s\n", o->lines[i].text);
            }
        }
    }
    if (o->hidden) {
        util_print(1, "  ... and %lu more (use --json for all)\n", o->hidden);
    }
    if (s->suppressed) {
        util_print(1, "  %lu finding(s) suppressed by the allowlist\n", s->suppressed);
    }
    if (s->intel_stale) {
        util_print(1, "  note: the intel bundle has expired; recent C2s are not hunted (iothunt update)\n");
    }
    if (s->bad_records) {
        util_print(1, "  note: %lu malformed record(s) skipped\n", s->bad_records);
    }
    if (unread[0]) {
        util_print(1, "  not read: %s\n", unread);
    }
    switch (s->verdict) {
    case VERDICT_INFECTED:
        util_print(1, "next: isolate the device (unplug WAN), keep it powered (the worm lives in RAM), "
             "report the findings (iothunt report), then reboot, reflash the firmware, change every "
             "password and close telnet and TR-069 (7547) to the WAN, or it is back within minutes.\n");
        break;
    case VERDICT_SUSPICIOUS:
        util_print(1, "next: review the findings above; if one is expected, declare it in the allowlist "
             "(--allow, see rules/allowlist.example), otherwise treat the device as infected.\n");
        break;
    case VERDICT_INCOMPLETE:
        util_print(1, "next: the hunt is incomplete, so this is not a clean bill of health: %s.%s\n",
             advice, o->shown || o->hidden ? " The low findings above are informational." : "");
        return;
    default:
        if (o->shown || o->hidden) {
            util_print(1, "next: nothing urgent; the low findings above are informational (declare them "
                 "in the allowlist to silence them).\n");
        } else {
            util_print(1, "next: nothing to do.\n");
        }
        break;
    }
    if (unread[0]) {
        util_print(1, "      the hunt was incomplete as well: %s.\n", advice);
    }
}

int cmd_scan(int argc, char **argv)
{
    struct scan_opts opts;
    struct scan_summary sum;
    struct scan_out out = { 0 };
    struct finding_sink sink = { scan_out_emit, &out };
    int i, rc, code;

    scan_opts_init(&opts);
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];

        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            return scan_usage(1, EXIT_CLEAN);
        } else if (strcmp(a, "--json") == 0) {
            out.json = 1;
        } else if (strcmp(a, "--sockets") == 0) {
            opts.sockets = 1;
        } else if (strcmp(a, "--no-resolve") == 0) {
            opts.no_resolve = 1;
        } else if (strcmp(a, "--no-builtin") == 0) {
            opts.no_builtin = 1;
        } else if (i + 1 < argc && strcmp(a, "--root") == 0) {
            opts.root = argv[++i];
        } else if (i + 1 < argc && (strcmp(a, "--rules") == 0 || strcmp(a, "--iocs") == 0)) {
            /* the two path lists share one bound and one message */
            unsigned *n = a[2] == 'r' ? &opts.n_rules : &opts.n_iocs;

            if (*n == SCAN_MAX_PATHS) {
                util_print(2, "iothunt: too many %s (max %d)\n", a, SCAN_MAX_PATHS);
                return EXIT_ERROR;
            }
            (a[2] == 'r' ? opts.rules : opts.iocs)[(*n)++] = argv[++i];
        } else if (i + 1 < argc && strcmp(a, "--allow") == 0) {
            opts.allow = argv[++i];
        } else if (i + 1 < argc && strcmp(a, "--bundle") == 0) {
            opts.bundle = argv[++i];
        } else {
            util_print(2, "iothunt scan: unknown or incomplete option '%s'\n", a);
            return scan_usage(2, EXIT_ERROR);
        }
    }
    opts.now = (int64_t)time(NULL);
    if (!out.json) {
        out.lines = calloc(SCAN_SCREEN_MAX, sizeof *out.lines);
        if (!out.lines) {
            util_print(2, "iothunt: out of memory\n");
            return EXIT_ERROR;
        }
    }
    rc = scan_once(&opts, &sink, &sum);
    if (rc != IH_OK) {
        if (rc != IH_EINVAL) {  /* a usage error has been named already */
            util_print(2, "iothunt scan: %s\n", util_strerror(rc));
        }
        code = EXIT_ERROR;
        goto out;
    }
    if (out.json) {
        char buf[2048];
        size_t len;

        if (scan_summary_to_json(&sum, 0, 0, buf, sizeof buf - 1, &len) == IH_OK) {
            buf[len] = '\n';
            (void)util_write_all(1, buf, len + 1);
        }
    } else {
        scan_print_screen(&out, &sum);
    }
    code = scan_exit_code(&sum);
out:
    free(out.lines);
    if (util_out_status() != IH_OK) {
        code = EXIT_ERROR;
    }
    return code;
}
