#include "scan.h"
#include "json.h"
#include "root.h"
#include "sockets.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

struct scan_ctx {
    struct root root;
    int sockets;
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
    default: return "CLEAN";
    }
}

static int scan_emit(struct finding_sink *sink, struct scan_summary *sum, const struct finding *f)
{
    if (f->type != FT_SOCKET) {
        sum->counts[f->type]++;
        sum->by_severity[f->severity]++;
    }
    return sink->emit(sink->ctx, f);
}

static int scan_socket_inventory(struct sock_table *t, int64_t now, struct finding_sink *sink,
                                 struct scan_summary *sum)
{
    size_t i;
    int rc;

    for (i = 0; i < t->n; i++) {
        const struct sock_rec *s = &t->v[i];
        struct finding f;

        finding_init(&f, FT_SOCKET, SEV_LOW, now);
        f.pid = s->pid > 0 ? s->pid : 0;
        finding_set(f.proto, sizeof f.proto, sockets_proto_name(s->proto));
        finding_set(f.state, sizeof f.state, sockets_state_name(s->proto, s->e.state));
        (void)procnet_format_endpoint(s->e.family, s->e.laddr, s->e.lport, f.local, sizeof f.local);
        (void)procnet_format_endpoint(s->e.family, s->e.raddr, s->e.rport, f.remote, sizeof f.remote);
        f.inode = s->e.inode;
        (void)util_fmt(f.summary, sizeof f.summary, "%s %s %s -> %s", f.proto,
                       f.state[0] ? f.state : "-", f.local, f.remote);
        rc = scan_emit(sink, sum, &f);
        if (rc != IH_OK) {
            return rc;
        }
    }
    return IH_OK;
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
    rc = root_init(&c->root, o->root);
    if (rc != IH_OK) {
        util_diag(o->root, 0, "root directory path too long");
        free(c);
        return rc;
    }
    c->sockets = o->sockets;
    *ctx = c;
    return IH_OK;
}

void scan_close(struct scan_ctx *ctx)
{
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

int scan_exit_code(const struct scan_summary *s)
{
    return (s->by_severity[0] + s->by_severity[1] + s->by_severity[2] + s->by_severity[3]) ? 1 : 0;
}

int scan_run(struct scan_ctx *c, int64_t now, struct finding_sink *sink, struct scan_summary *sum)
{
    struct sock_table socks;
    int rc;

    memset(sum, 0, sizeof *sum);
    sum->ts = now;
    rc = sockets_load(&c->root, &socks);
    sum->sockets = socks.n;
    sum->bad_records += socks.bad;
    sum->errors += socks.missing;
    (void)util_strlcpy(sum->byte_order, socks.order == PROCNET_ORDER_BE ? "be" : "le",
                       sizeof sum->byte_order);
    (void)util_strlcpy(sum->byte_order_how, socks.order_how ? socks.order_how : "",
                       sizeof sum->byte_order_how);
    if (rc == IH_OK && c->sockets) {
        rc = scan_socket_inventory(&socks, now, sink, sum);
    }
    sockets_free(&socks);
    if (sum->by_severity[SEV_CRITICAL] || sum->by_severity[SEV_HIGH]) {
        sum->verdict = VERDICT_INFECTED;
    } else if (sum->by_severity[SEV_MEDIUM]) {
        sum->verdict = VERDICT_SUSPICIOUS;
    } else {
        sum->verdict = VERDICT_CLEAN;
    }
    return rc;
}

int scan_summary_to_json(const struct scan_summary *s, uint64_t seq, int64_t interval,
                         char *buf, size_t cap, size_t *len)
{
    struct json_writer w;
    char counts[512];
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
    {
        char line[128];

        (void)util_fmt(line, sizeof line, "%s: %lu finding(s), %lu suppressed by allowlist",
                       scan_verdict_name(s->verdict),
                       s->by_severity[0] + s->by_severity[1] + s->by_severity[2] + s->by_severity[3],
                       s->suppressed);
        json_str(&w, "summary", line);
    }
    json_int(&w, "ts", s->ts);
    if (seq > 0) {
        json_int(&w, "seq", (int64_t)seq);
    }
    json_str(&w, "verdict", scan_verdict_name(s->verdict));
    json_raw(&w, "counts", counts);
    json_int(&w, "findings", (int64_t)(s->by_severity[0] + s->by_severity[1] +
                                         s->by_severity[2] + s->by_severity[3]));
    json_int(&w, "suppressed", (int64_t)s->suppressed);
    json_int(&w, "processes", (int64_t)s->processes);
    json_int(&w, "sockets", (int64_t)s->sockets);
    json_int(&w, "bad_records", (int64_t)s->bad_records);
    json_int(&w, "errors", (int64_t)s->errors);
    json_bool(&w, "clock_unset", s->clock_unset);
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
