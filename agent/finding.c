/* SPDX-License-Identifier: BSD-2-Clause */
#include "finding.h"
#include "json.h"
#include "util.h"

#include <string.h>

static const char *const finding_names[FT__COUNT] = {
    [FT_IOC_CONNECTION] = "ioc_connection",
    [FT_IOC_DOMAIN] = "ioc_domain",
    [FT_IPTABLES_TR069_BLOCK] = "iptables_tr069_block",
    [FT_MIRAI_LOCK_PORT] = "mirai_lock_port",
    [FT_PORT_GRAB] = "port_grab",
    [FT_EXE_DELETED] = "exe_deleted",
    [FT_EXE_IN_TMPFS] = "exe_in_tmpfs",
    [FT_SCANNER_ACTIVITY] = "scanner_activity",
    [FT_DNS_BYPASS] = "dns_bypass",
    [FT_RULE_MATCH] = "rule_match",
    [FT_HASH_MATCH] = "hash_match",
    [FT_FILELESS_EXEC] = "fileless_exec",
    [FT_SOCKET] = "socket",
    [FT_SPOOL_DROPPED] = "spool_dropped",
    [FT_INTEL_STALE] = "intel_stale",
    [FT_BUNDLE_REJECTED] = "bundle_rejected",
};

static const char *const severity_names[] = { "low", "medium", "high", "critical" };

const char *finding_type_name(enum finding_type t)
{
    if ((unsigned)t >= FT__COUNT) {
        return NULL;
    }
    return finding_names[t];
}

int finding_type_parse(const char *name)
{
    int i;

    for (i = 0; i < FT__COUNT; i++) {
        if (strcmp(finding_names[i], name) == 0) {
            return i;
        }
    }
    return -1;
}

const char *finding_severity_name(enum finding_severity s)
{
    if ((unsigned)s > SEV_CRITICAL) {
        return "low";
    }
    return severity_names[s];
}

void finding_init(struct finding *f, enum finding_type type, enum finding_severity sev, int64_t ts)
{
    memset(f, 0, sizeof *f);
    f->type = type;
    f->severity = sev;
    f->ts = ts;
}

void finding_set(char *dst, size_t n, const char *src)
{
    (void)util_strlcpy(dst, src ? src : "", n);
}

static void opt_str(struct json_writer *w, const char *key, const char *v)
{
    if (v[0]) {
        json_str(w, key, v);
    }
}

int finding_to_json(const struct finding *f, uint64_t seq, char *buf, size_t cap, size_t *len)
{
    struct json_writer w;
    const char *tn = finding_type_name(f->type);
    int rc;

    json_begin(&w, buf, cap);
    json_str(&w, "type", tn ? tn : "unknown");
    json_str(&w, "severity", finding_severity_name(f->severity));
    json_str(&w, "summary", f->summary);
    json_int(&w, "ts", f->ts);
    if (seq > 0) {
        json_int(&w, "seq", (int64_t)seq);
    }
    if (f->pid > 0) {
        json_int(&w, "pid", f->pid);
    }
    if (f->n_pids > 1) {
        char list[FINDING_PIDS_MAX * 12 + 2];
        uint32_t i, k = f->n_pids < FINDING_PIDS_MAX ? f->n_pids : FINDING_PIDS_MAX;
        size_t l = 1;

        list[0] = '[';
        for (i = 0; i < k; i++) {
            (void)util_fmt(list + l, sizeof list - l, "%s%ld", i ? "," : "", (long)f->pids[i]);
            l += strlen(list + l);
        }
        (void)util_fmt(list + l, sizeof list - l, "]");
        json_raw(&w, "pids", list);
        if (f->n_pids > k) {
            json_int(&w, "pids_more", (int64_t)(f->n_pids - k));
        }
    }
    opt_str(&w, "exe", f->exe);
    opt_str(&w, "cmdline", f->cmdline);
    opt_str(&w, "local", f->local);
    opt_str(&w, "remote", f->remote);
    opt_str(&w, "md5", f->md5);
    opt_str(&w, "sha1", f->sha1);
    opt_str(&w, "sha256", f->sha256);
    opt_str(&w, "rule", f->rule);
    opt_str(&w, "ioc", f->ioc);
    opt_str(&w, "ioc_source", f->ioc_source);
    opt_str(&w, "reason", f->reason);
    opt_str(&w, "proto", f->proto);
    opt_str(&w, "state", f->state);
    if (f->inode > 0) {
        json_int(&w, "inode", (int64_t)f->inode);
    }
    rc = json_end(&w);
    if (len) {
        *len = w.len;
    }
    return rc;
}
