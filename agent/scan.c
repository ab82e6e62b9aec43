/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * scan.c - the hunt's life cycle: load rules, IOCs and the allowlist once
 * (scan_open), run cycles (scan_run) through the producers of detect.h and
 * netfilter.h, and turn what they find into a verdict.
 */
#include "scan.h"
#include "allow.h"
#include "bundle.h"
#include "builtin.h"
#include "detect.h"
#include "ioc.h"
#include "json.h"
#include "netfilter.h"
#include "privsep.h"
#include "root.h"
#include "rules.h"
#include "sockets.h"
#include "util.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct scan_ctx {
    struct root root;
    int sockets;
    int resolve;
    struct rules *rules;            /* NULL: no rules at all (hashes only) */
    struct ioc_store *iocs;
    struct allowlist allow;
    char bundle[256];               /* active bundle path, "" none */
    struct endpoints eps;           /* remote endpoints since scan_endpoints() */
    struct detect_cache cache;
    size_t resolve_pos;             /* next IOC domain to resolve */
    uint32_t net_uid, net_gid;      /* ... as this user (detect_dns.c) */
    /* per-run */
    struct finding_sink *out;
    struct scan_summary *sum;
};

void scan_opts_init(struct scan_opts *o)
{
    memset(o, 0, sizeof *o);
}

const char *scan_verdict_name(enum scan_verdict v)
{
    switch (v) {
    case VERDICT_INFECTED: return "INFECTED";
    case VERDICT_SUSPICIOUS: return "SUSPICIOUS";
    case VERDICT_INCOMPLETE: return "INCOMPLETE";
    default: return "CLEAN";
    }
}

static size_t name_ends(const char *name, const char *sfx)
{
    size_t n = strlen(name), s = strlen(sfx);

    return n >= s && strcmp(name + n - s, sfx) == 0;
}

static int scan_load_rules(struct scan_ctx *c, const struct scan_opts *o)
{
    size_t i;
    int rc, any = 0;

    rc = rules_new(&c->rules);
    if (rc != IH_OK) {
        return rc;
    }
    for (i = 0; !o->no_builtin && i < builtin_count(); i++) {
        const char *name = builtin_name(i);
        char label[96];
        char *buf;
        size_t len;

        if (!name || !name_ends(name, ".yar")) {
            continue;
        }
        rc = builtin_get_at(i, &buf, &len);
        if (rc != IH_OK) {
            util_diag(name, 0, "built-in rules damaged: %s", util_strerror(rc));
            return rc;
        }
        (void)util_fmt(label, sizeof label, "builtin:%s", name);
        rc = rules_load_buffer(c->rules, label, buf, len);
        free(buf);
        if (rc != IH_OK) {
            return rc;
        }
        any = 1;
    }
    for (i = 0; i < o->n_rules; i++) {
        rc = rules_load_file(c->rules, o->rules[i]);
        if (rc != IH_OK) {
            return rc;
        }
        any = 1;
    }
    if (!any) {
        rules_free(c->rules);
        c->rules = NULL;
    }
    return IH_OK;
}

static int scan_load_iocs(struct scan_ctx *c, const struct scan_opts *o)
{
    struct ioc_stats st;
    size_t i;
    int rc;

    memset(&st, 0, sizeof st);
    rc = ioc_store_new(&c->iocs);
    if (rc != IH_OK) {
        return rc;
    }
    if (!o->no_builtin) {
        rc = ioc_load_builtin(c->iocs, &st);
        if (rc != IH_OK) {
            return rc;
        }
    }
    for (i = 0; i < o->n_iocs; i++) {
        unsigned long bad = st.bad;

        rc = ioc_load_file(c->iocs, o->iocs[i], &st);
        if (rc != IH_OK) {
            return rc;
        }
        if (st.bad != bad) {
            /* records already named on stderr with file:line */
            return IH_EPARSE;
        }
    }
    return IH_OK;
}

/* The files of the active bundle at PATH (checked when it was installed). */
static int scan_load_bundle(struct scan_ctx *c, const char *path)
{
    struct bundle *b = malloc(sizeof *b);
    char *buf = NULL;
    unsigned i;
    int rc = b ? IH_OK : IH_ENOMEM;

    if (rc == IH_OK && util_strlcpy(c->bundle, path, sizeof c->bundle) != IH_OK) {
        rc = IH_ETRUNC;
    }
    if (rc == IH_OK) {
        /* none, or unreadable (reported): hunt with the rest */
        rc = bundle_load_active(path, &buf, b);
        if (rc != IH_OK && rc != IH_ENOMEM) {
            b->n_files = 0;
            rc = IH_OK;
        }
    }
    for (i = 0; rc == IH_OK && i < b->n_files; i++) {
        const struct bundle_file *f = &b->files[i];

        if (name_ends(f->name, ".yar")) {
            if (!c->rules) {
                rc = rules_new(&c->rules);
            }
            if (rc == IH_OK) {
                rc = rules_load_buffer(c->rules, f->name, f->data, f->len);
            }
        } else if (name_ends(f->name, ".allow")) {
            rc = allow_parse(&c->allow, f->name, f->data, f->len, NULL);
        } else {
            rc = ioc_load_buf(c->iocs, f->name, f->data, f->len, IOC_FMT_AUTO, NULL);
        }
    }
    free(buf);
    free(b);
    return rc;
}

/*
 * The user DNS lookups run as (config `user`, as delivery's network half):
 * a uid, or a name in the live /etc/passwd; 65534 (nobody) when neither
 * gives a user other than root.
 */
static void scan_net_user(const char *user, uint32_t *uid, uint32_t *gid)
{
    char *buf = NULL;
    size_t len;
    uint64_t v;

    *uid = *gid = 65534;
    if (util_parse_dec(user, strlen(user), 0xfffffffeu, &v) == IH_OK) {
        *uid = *gid = (uint32_t)v;
    } else if (util_read_file("/etc/passwd", PRIVSEP_PASSWD_MAX, &buf, &len) == IH_OK) {
        (void)privsep_parse_passwd(buf, len, "/etc/passwd", user, uid, gid);
    }
    free(buf);
    if (*uid == 0 || *gid == 0) {
        *uid = *gid = 65534;
    }
}

int scan_open(const struct scan_opts *o, struct scan_ctx **ctx)
{
    struct scan_ctx *c;
    int rc;

    *ctx = NULL;
    c = calloc(1, sizeof *c);
    if (!c) {
        return IH_ENOMEM;
    }
    allow_init(&c->allow);
    rc = root_init(&c->root, o->root);
    if (rc != IH_OK) {
        util_diag(o->root, 0, "root directory path too long");
        goto out;
    }
    rc = root_check(&c->root);
    if (rc != IH_OK) {
        goto out;
    }
    c->sockets = o->sockets;
    c->resolve = !o->no_resolve;
    if (c->resolve) {
        scan_net_user(o->user ? o->user : "nobody", &c->net_uid, &c->net_gid);
    }
    rc = scan_load_rules(c, o);
    if (rc != IH_OK) {
        goto out;
    }
    rc = scan_load_iocs(c, o);
    if (rc != IH_OK) {
        goto out;
    }
    if (o->allow) {
        rc = allow_load_file(&c->allow, o->allow);
        if (rc != IH_OK) {
            goto out;
        }
    }
    if (o->bundle && (rc = scan_load_bundle(c, o->bundle)) != IH_OK) {
        goto out;
    }
    *ctx = c;
    c = NULL;
out:
    scan_close(c);
    return rc;
}

void scan_close(struct scan_ctx *ctx)
{
    if (!ctx) {
        return;
    }
    rules_free(ctx->rules);
    ioc_store_free(ctx->iocs);
    allow_free(&ctx->allow);
    detect_cache_free(&ctx->cache);
    free(ctx);
}

int scan_once(const struct scan_opts *o, struct finding_sink *sink, struct scan_summary *sum)
{
    struct scan_ctx *c;
    int rc;

    memset(sum, 0, sizeof *sum);
    rc = scan_open(o, &c);
    if (rc != IH_OK) {
        return rc;
    }
    rc = scan_run(c, o->now, sink, sum);
    scan_close(c);
    return rc;
}

static unsigned long scan_total(const struct scan_summary *s)
{
    return s->by_severity[0] + s->by_severity[1] + s->by_severity[2] + s->by_severity[3];
}

int scan_complete(const struct scan_summary *s)
{
    int i;

    for (i = 0; i < SRC__COUNT; i++) {
        if (s->unread[i]) {
            return 0;
        }
    }
    return 1;
}

int scan_exit_code(const struct scan_summary *s)
{
    return scan_total(s) ? 1 : scan_complete(s) ? 0 : 3;
}

void scan_unread_text(const struct scan_summary *s, char *out, size_t n, const char **advice)
{
    /* plain words: "<pre>[count]<post>" (the count shown when post is not empty) */
    static const char *const what[SRC__COUNT][2] = {
        [SRC_PROC] = { "the process list (/proc)", "" },
        [SRC_SOCKETS] = { "", " socket table(s) in /proc/net" },
        [SRC_EXE] = { "the executable of ", " process(es)" },
        [SRC_FDS] = { "the open sockets of ", " process(es)" },
        [SRC_IMAGES] = { "", " executable(s) or file(s) to hash" },
        [SRC_FIREWALL] = { "the firewall rules", "" },
        [SRC_FW_CONFIG] = { "", " firewall configuration file(s)" },
        [SRC_DNS_FILES] = { "", " hosts or resolver file(s)" },
    };
    size_t l = 0;
    int i;

    out[0] = '\0';
    for (i = 0; i < SRC__COUNT; i++) {
        const char *why = i == SRC_FIREWALL && s->fw_why[0] ? s->fw_why : NULL;

        if (!s->unread[i]) {
            continue;
        }
        /* one piece per source ("%.0lu" of 0 is empty): a cut text is
         * the same prefix as when written piece by piece */
        (void)util_fmt(out + l, n - l, "%s%s%.0lu%s%s%s%s", l ? "; " : "", what[i][0],
                       what[i][1][0] ? s->unread[i] : 0, what[i][1], why ? " (" : "",
                       why ? why : "", why ? ")" : "");
        l = strlen(out);
    }
    *advice = s->not_root ? "run iothunt as root and scan again" :
              s->unread[SRC_PROC] || s->unread[SRC_SOCKETS] ?
              "check that /proc is mounted (or that --root is a full image) and scan again" :
              "check the sources named above and scan again";
}

/* The sink the producers see: allowlist first, then count, then pass on. */
static int scan_filter_emit(void *vctx, const struct finding *f)
{
    struct scan_ctx *c = vctx;

    if (f->type != FT_SOCKET) {
        if (allow_match(&c->allow, f)) {
            c->sum->suppressed++;
            return IH_OK;
        }
        if ((unsigned)f->type < FT__COUNT) {
            c->sum->counts[f->type]++;
        }
        if ((unsigned)f->severity <= SEV_CRITICAL) {
            c->sum->by_severity[f->severity]++;
        }
    }
    return c->out->emit(c->out->ctx, f);
}

static int scan_socket_inventory(struct detect_run *r)
{
    size_t i;
    int rc;

    for (i = 0; i < r->socks.n; i++) {
        const struct sock_rec *s = &r->socks.v[i];
        struct finding f;

        finding_init(&f, FT_SOCKET, SEV_LOW, r->now);
        f.pid = s->pid > 0 ? s->pid : 0;
        finding_set(f.proto, sizeof f.proto, sockets_proto_name(s->proto));
        finding_set(f.state, sizeof f.state, sockets_state_name(s->proto, s->e.state));
        (void)procnet_format_endpoint(s->e.family, s->e.laddr, s->e.lport, f.local, sizeof f.local);
        (void)procnet_format_endpoint(s->e.family, s->e.raddr, s->e.rport, f.remote, sizeof f.remote);
        f.inode = s->e.inode;
        if (s->owner_slot) {
            finding_set(f.exe, sizeof f.exe, r->owners[s->owner_slot - 1].exe);
        }
        (void)util_fmt(f.summary, sizeof f.summary, "%s %s %s -> %s", f.proto,
                       f.state[0] ? f.state : "-", f.local, f.remote);
        rc = detect_emit(r, &f);
        if (rc != IH_OK) {
            return rc;
        }
    }
    return IH_OK;
}

int scan_run(struct scan_ctx *c, int64_t now, struct finding_sink *sink, struct scan_summary *sum)
{
    struct detect_run r;
    struct sock_keep keep;
    struct netfilter_stats nst;
    int rc;

    memset(sum, 0, sizeof *sum);
    memset(&r, 0, sizeof r);
    sum->ts = now;
    sum->clock_unset = now < (int64_t)IOTHUNT_BUILD_TIME;
    c->out = sink;
    c->sum = sum;
    r.root = &c->root;
    r.iocs = c->iocs;
    r.rules = c->rules;
    r.cache = &c->cache;
    r.sink.emit = scan_filter_emit;
    r.sink.ctx = c;
    r.self_pid = root_is_live(&c->root) ? (int32_t)getpid() : 0;
    r.resolve = c->resolve;
    r.resolve_pos = &c->resolve_pos;
    r.net_uid = c->net_uid;
    r.net_gid = c->net_gid;
    r.keep_all = c->sockets;
    r.eps = &c->eps;
    detect_run_begin(&r, now);

    detect_mounts_load(&r);
    rc = detect_dns_collect(&r);
    if (rc != IH_OK) {
        goto out;
    }
    keep.fn = detect_sock_keep;
    keep.ctx = &r;
    rc = sockets_load_keep(&c->root, &r.socks, &keep);
    sum->sockets = r.socks.total;
    sum->bad_records += r.socks.bad;
    (void)util_strlcpy(sum->byte_order, r.socks.order == PROCNET_ORDER_BE ? "be" : "le",
                       sizeof sum->byte_order);
    (void)util_strlcpy(sum->byte_order_how, r.socks.order_how ? r.socks.order_how : "",
                       sizeof sum->byte_order_how);
    if (rc != IH_OK) {
        goto out;
    }
    rc = detect_processes(&r);
    if (rc != IH_OK) {
        goto out;
    }
    rc = detect_sockets(&r);
    if (rc == IH_OK && c->sockets) {
        rc = scan_socket_inventory(&r);
    }
    if (rc != IH_OK) {
        goto out;
    }
    rc = detect_files(&r);
    if (rc == IH_OK && c->bundle[0]) {
        rc = bundle_findings(c->bundle, now, &r.sink, &sum->intel_stale);
    }
    if (rc != IH_OK) {
        goto out;
    }
    memset(&nst, 0, sizeof nst);
    rc = netfilter_scan(&c->root, now, &r.sink, &nst);
    sum->bad_records += nst.bad;
    sum->unread[SRC_FIREWALL] += nst.errors;
    sum->unread[SRC_FW_CONFIG] += nst.config_errors;
    (void)util_strlcpy(sum->fw_why, nst.why, sizeof sum->fw_why);
out:
    sum->processes = r.processes;
    sum->bad_records += r.bad;
    sum->unread[SRC_SOCKETS] += r.socks.missing;
    {
        int i;

        for (i = 0; i < SRC__COUNT; i++) {
            sum->unread[i] += r.unread[i];
            sum->errors += sum->unread[i];
        }
    }
    sum->not_root = root_is_live(&c->root) && geteuid() != 0;
    sum->files_hashed = r.hashed;
    sum->hash_cache_hits = r.cache_hits;
    detect_run_end(&r);
    if (sum->by_severity[SEV_CRITICAL] || sum->by_severity[SEV_HIGH]) {
        sum->verdict = VERDICT_INFECTED;
    } else if (sum->by_severity[SEV_MEDIUM]) {
        sum->verdict = VERDICT_SUSPICIOUS;
    } else {
        /* an incomplete read is never CLEAN */
        sum->verdict = scan_complete(sum) ? VERDICT_CLEAN : VERDICT_INCOMPLETE;
    }
    c->out = NULL;
    c->sum = NULL;
    return rc;
}

struct endpoints *scan_endpoints(struct scan_ctx *ctx)
{
    return &ctx->eps;
}

int scan_summary_to_json(const struct scan_summary *s, uint64_t seq, int64_t interval,
                         char *buf, size_t cap, size_t *len)
{
    /* the plain counters, in their order in the object: one call in a loop */
    static const struct {
        const char *name;
        size_t off;
    } plain[] = {
        { "suppressed", offsetof(struct scan_summary, suppressed) },
        { "processes", offsetof(struct scan_summary, processes) },
        { "sockets", offsetof(struct scan_summary, sockets) },
        { "bad_records", offsetof(struct scan_summary, bad_records) },
        { "errors", offsetof(struct scan_summary, errors) },
    };
    struct json_writer w;
    char counts[512], unread[256], line[384];
    const char *advice, *verdict = scan_verdict_name(s->verdict);
    unsigned long total = scan_total(s);
    struct json_writer cw;
    int i, rc;

    json_begin(&cw, counts, sizeof counts);
    for (i = 0; i < FT__COUNT; i++) {
        if (s->counts[i]) {
            json_int(&cw, finding_type_name((enum finding_type)i), (int64_t)s->counts[i]);
        }
    }
    rc = json_end(&cw);
    if (rc != IH_OK) {
        return rc;
    }
    json_begin(&w, buf, cap);
    json_str(&w, "type", "summary");
    json_str(&w, "severity", s->verdict == VERDICT_INFECTED ? "high" :
             s->verdict == VERDICT_SUSPICIOUS ? "medium" : "low");
    scan_unread_text(s, unread, sizeof unread, &advice);
    (void)util_fmt(line, sizeof line, "%s: %lu finding(s), %lu suppressed by allowlist%s%s",
                   verdict, total, s->suppressed, unread[0] ? "; incomplete, not read: " : "",
                   unread);
    json_str(&w, "summary", line);
    json_int(&w, "ts", s->ts);
    if (seq > 0) {
        json_int(&w, "seq", (int64_t)seq);
    }
    json_str(&w, "verdict", verdict);
    json_raw(&w, "counts", counts);
    json_int(&w, "findings", (int64_t)total);
    for (i = 0; i < (int)(sizeof plain / sizeof plain[0]); i++) {
        json_int(&w, plain[i].name,
                 (int64_t)*(const unsigned long *)(const void *)((const char *)s + plain[i].off));
    }
    /* json_raw for the booleans: json_bool would be linked for these three alone */
    json_raw(&w, "complete", unread[0] ? "false" : "true");
    if (unread[0]) {
        json_str(&w, "unreadable", unread);
        json_str(&w, "advice", advice);
    }
    if (s->intel_stale) {
        json_raw(&w, "intel_stale", "true");
    }
    json_int(&w, "files_hashed", (int64_t)s->files_hashed);
    json_int(&w, "hash_cache_hits", (int64_t)s->hash_cache_hits);
    json_raw(&w, "clock_unset", s->clock_unset ? "true" : "false");
    json_str(&w, "proc_net_byte_order", s->byte_order);
    json_str(&w, "proc_net_byte_order_from", s->byte_order_how);
    if (interval > 0) {
        json_int(&w, "interval", interval);
    }
    rc = json_end(&w);
    if (len) {
        *len = w.len;
    }
    return rc;
}
