/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * config.c - strict parser of the agent's configuration file (config.h,
 * docs/CONFIG.md).  Table-driven: each key names its field, its kind and,
 * for numbers, its range.  Unknown keys, repeated keys, bad numbers and
 * over-long values are errors, reported with file and line: a typo in a
 * device's config must never silently fall back to a default.
 */
#include "config.h"
#include "spool.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

enum config_kind {
    CK_PATH,        /* a file path, 1..CONFIG_PATH_MAX-1 bytes, absolute */
    CK_NAME,        /* a host name for the certificate check */
    CK_HOSTPORT,    /* host:port, [v6]:port; an ordered list of them */
    CK_U32,
    CK_U64,
    CK_BOOL,
    CK_LIST         /* a path; repeatable, up to CONFIG_MAX_LISTS */
};

struct config_key {
    const char *name;
    enum config_kind kind;
    size_t off;             /* of the field in struct config */
    size_t size;            /* of a string field */
    uint64_t min, max;      /* numbers */
    size_t count_off;       /* CK_LIST: offset of the unsigned counter */
};

#define F(field) offsetof(struct config, field), sizeof(((struct config *)0)->field)
#define N(field) offsetof(struct config, field), 0

static const struct config_key config_keys[] = {
    { "collector", CK_HOSTPORT, N(port), 0, 0, 0 },
    { "server_name", CK_NAME, F(server_name), 0, 0, 0 },
    { "ca", CK_PATH, F(ca), 0, 0, 0 },
    { "cert", CK_PATH, F(cert), 0, 0, 0 },
    { "key", CK_PATH, F(key), 0, 0, 0 },
    { "spool_path", CK_PATH, F(spool_path), 0, 0, 0 },
    { "state_path", CK_PATH, F(state_path), 0, 0, 0 },
    { "spool_max_bytes", CK_U64, N(spool_max_bytes), SPOOL_MIN_BYTES, 64u << 20, 0 },
    { "spool_sync", CK_BOOL, N(spool_sync), 0, 1, 0 },
    { "interval", CK_U32, N(interval), 10, 7 * 24 * 3600, 0 },
    { "jitter", CK_U32, N(jitter), 0, 24 * 3600, 0 },
    { "timeout", CK_U32, N(timeout), 1, 600, 0 },
    { "backoff_max", CK_U32, N(backoff_max), 1, 24 * 3600, 0 },
    { "batch_max_bytes", CK_U32, N(batch_max_bytes), SPOOL_HDR_LEN + SPOOL_PAYLOAD_MAX,
      1u << 20, 0 },
    { "rules", CK_LIST, offsetof(struct config, rules), sizeof(((struct config *)0)->rules[0]),
      0, 0, offsetof(struct config, n_rules) },
    { "iocs", CK_LIST, offsetof(struct config, iocs), sizeof(((struct config *)0)->iocs[0]),
      0, 0, offsetof(struct config, n_iocs) },
    { "allow", CK_PATH, F(allow), 0, 0, 0 },
    { "root", CK_PATH, F(root), 0, 0, 0 },
    { "builtin", CK_BOOL, N(builtin), 0, 1, 0 },
    { "resolve", CK_BOOL, N(resolve), 0, 1, 0 },
    { "user", CK_NAME, F(user), 0, 0, 0 },
    { "bundle", CK_PATH, F(bundle), 0, 0, 0 },
    { "bundle_key", CK_PATH, F(bundle_key), 0, 0, 0 },
    { "bundle_key_next", CK_PATH, F(bundle_key_next), 0, 0, 0 },
    { "bundle_max_bytes", CK_U32, N(bundle_max_bytes), 4096, 16u << 20, 0 },
    { "bundle_interval", CK_U32, N(bundle_interval), 0, 7 * 24 * 3600, 0 },
};

#define CONFIG_NKEYS (sizeof config_keys / sizeof config_keys[0])

void config_defaults(struct config *c)
{
    memset(c, 0, sizeof *c);
    (void)util_strlcpy(c->spool_path, "/tmp/iothunt/spool", sizeof c->spool_path);
    (void)util_strlcpy(c->state_path, "/etc/iothunt.seq", sizeof c->state_path);
    c->spool_max_bytes = 256 * 1024;
    c->interval = 300;
    c->jitter = 30;
    c->timeout = 15;
    c->backoff_max = 900;
    c->batch_max_bytes = 64 * 1024;
    c->builtin = 1;
    c->resolve = 1;
    (void)util_strlcpy(c->user, "nobody", sizeof c->user);
    (void)util_strlcpy(c->bundle, "/etc/iothunt.bundle", sizeof c->bundle);
    c->bundle_max_bytes = 2u << 20;
    c->bundle_interval = 3600;
}

/* Host name grammar (RFC 1123 letters, digits, '-', '.'), or IPv4. */
static int config_valid_name(const char *s, size_t n)
{
    size_t i;

    if (n == 0 || n >= CONFIG_HOST_MAX) {
        return 0;
    }
    for (i = 0; i < n; i++) {
        char ch = s[i];

        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '-' || ch == '.')) {
            return 0;
        }
    }
    return 1;
}

/*
 * hostport = name ":" port / "[" v6 "]" ":" port
 * v6       = 2..45 of HEXDIG / ":" / "."
 * port     = 1..65535, decimal
 * Into collector I of C (host_list[I], port_list[I]).
 */
static int config_parse_hostport(const char *v, size_t n, struct config *c, unsigned idx,
                                 const char **why)
{
    char *host = c->host_list[idx];
    const char *colon;
    size_t hl, i;
    uint64_t port;

    if (n > 0 && v[0] == '[') {
        const char *close = memchr(v, ']', n);

        if (!close || close + 1 >= v + n || close[1] != ':') {
            *why = "expected [IPv6]:port";
            return IH_EPARSE;
        }
        hl = (size_t)(close - v - 1);
        if (hl < 2 || hl > 45) {
            *why = "bad IPv6 address";
            return IH_EPARSE;
        }
        for (i = 1; i <= hl; i++) {
            char ch = v[i];

            if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F') ||
                  ch == ':' || ch == '.')) {
                *why = "bad IPv6 address";
                return IH_EPARSE;
            }
        }
        memcpy(host, v + 1, hl);
        host[hl] = '\0';
        colon = close + 1;
    } else {
        colon = NULL;
        for (i = n; i > 0; i--) {
            if (v[i - 1] == ':') {
                colon = v + i - 1;
                break;
            }
        }
        if (!colon) {
            *why = "expected host:port";
            return IH_EPARSE;
        }
        hl = (size_t)(colon - v);
        if (!config_valid_name(v, hl)) {
            *why = "bad host name";
            return IH_EPARSE;
        }
        memcpy(host, v, hl);
        host[hl] = '\0';
    }
    if (util_parse_dec(colon + 1, (size_t)(v + n - colon - 1), 65535, &port) != IH_OK ||
        port == 0) {
        *why = "bad port (1-65535)";
        return IH_EPARSE;
    }
    c->port_list[idx] = (uint16_t)port;
    return IH_OK;
}

/*
 * collectors = hostport *( 1*( WS / "," ) hostport )  ; at most
 * CONFIG_MAX_COLLECTORS, in the order the agent tries them.  The first is
 * also copied to host/port (the one tried first, named in messages).
 */
static int config_parse_collectors(const char *v, size_t n, struct config *c, const char **why)
{
    size_t i = 0, j;

    c->n_collectors = 0;
    while (i < n) {
        if (v[i] == ' ' || v[i] == '\t' || v[i] == ',') {
            i++;
            continue;
        }
        for (j = i; j < n && v[j] != ' ' && v[j] != '\t' && v[j] != ','; j++) {
        }
        if (c->n_collectors >= CONFIG_MAX_COLLECTORS) {
            *why = "too many collectors (max 4)";
            return IH_EPARSE;
        }
        if (config_parse_hostport(v + i, j - i, c, c->n_collectors, why) != IH_OK) {
            return IH_EPARSE;
        }
        c->n_collectors++;
        i = j;
    }
    if (c->n_collectors == 0) {
        *why = "expected host:port";
        return IH_EPARSE;
    }
    config_use_collector(c, 0);
    return IH_OK;
}

void config_use_collector(struct config *c, unsigned idx)
{
    (void)util_strlcpy(c->host, c->host_list[idx], sizeof c->host);
    c->port = c->port_list[idx];
}

/*
 * Store VALUE[0..N) for key K into C.  *WHY gets a reason on IH_EPARSE.
 */
static int config_set(struct config *c, const struct config_key *k, const char *v, size_t n,
                      const char **why)
{
    char *base = (char *)c;
    uint64_t num;

    switch (k->kind) {
    case CK_HOSTPORT:
        return config_parse_collectors(v, n, c, why);
    case CK_NAME:
        if (!config_valid_name(v, n) || n >= k->size) {
            *why = "bad host name";
            return IH_EPARSE;
        }
        memcpy(base + k->off, v, n);
        base[k->off + n] = '\0';
        return IH_OK;
    case CK_PATH:
    case CK_LIST: {
        char *dst = base + k->off;

        if (n >= k->size) {
            *why = "path too long";
            return IH_EPARSE;
        }
        if (v[0] != '/') {
            *why = "path must be absolute";
            return IH_EPARSE;
        }
        if (k->kind == CK_LIST) {
            unsigned *cnt = (unsigned *)(void *)(base + k->count_off);

            if (*cnt >= CONFIG_MAX_LISTS) {
                *why = "too many entries (max 16)";
                return IH_EPARSE;
            }
            dst += (size_t)*cnt * k->size;
            (*cnt)++;
        }
        memcpy(dst, v, n);
        dst[n] = '\0';
        return IH_OK;
    }
    case CK_BOOL: {
        int b;

        if ((n == 3 && memcmp(v, "yes", 3) == 0) || (n == 4 && memcmp(v, "true", 4) == 0) ||
            (n == 2 && memcmp(v, "on", 2) == 0) || (n == 1 && v[0] == '1')) {
            b = 1;
        } else if ((n == 2 && memcmp(v, "no", 2) == 0) || (n == 5 && memcmp(v, "false", 5) == 0) ||
                   (n == 3 && memcmp(v, "off", 3) == 0) || (n == 1 && v[0] == '0')) {
            b = 0;
        } else {
            *why = "expected yes or no";
            return IH_EPARSE;
        }
        *(int *)(void *)(base + k->off) = b;
        return IH_OK;
    }
    case CK_U32:
    case CK_U64:
        if (util_parse_dec(v, n, k->max, &num) != IH_OK || num < k->min) {
            *why = "number out of range";
            return IH_EPARSE;
        }
        if (k->kind == CK_U32) {
            *(uint32_t *)(void *)(base + k->off) = (uint32_t)num;
        } else {
            *(uint64_t *)(void *)(base + k->off) = num;
        }
        return IH_OK;
    }
    *why = "internal: bad key kind";
    return IH_EPARSE;
}

static int config_seen(const unsigned char *seen, const char *name)
{
    size_t i;

    for (i = 0; i < CONFIG_NKEYS; i++) {
        if (strcmp(config_keys[i].name, name) == 0) {
            return seen[i];
        }
    }
    return 0;
}

static int is_blank(char ch)
{
    return ch == ' ' || ch == '\t';
}

/*
 * Grammar (one line at a time, at most CONFIG_LINE_MAX bytes, LF or CRLF):
 *   file    = *(line LF) [line]
 *   line    = *WS [ comment / setting ] *WS
 *   comment = "#" *any                     ; only as the first non-blank
 *   setting = key *WS "=" *WS value        ; value: rest of line, trimmed
 *   key     = 1*( a-z / "_" )              ; one of config_keys
 *   value   = 1*( printable, no control bytes )
 * Each key appears at most once, except rules and iocs (up to 16 each).
 * A NUL byte or any control byte other than TAB is an error.
 */
int config_parse(const char *buf, size_t len, const char *file, struct config *c)
{
    unsigned char seen[CONFIG_NKEYS];
    size_t pos = 0;
    unsigned long lineno = 0;
    int errors = 0;

    memset(seen, 0, sizeof seen);
    while (pos < len) {
        const char *line = buf + pos, *nl, *p, *end, *eq;
        size_t ll, i, kl;
        const char *why = NULL;
        const struct config_key *k = NULL;

        lineno++;
        nl = memchr(line, '\n', len - pos);
        ll = nl ? (size_t)(nl - line) : len - pos;
        pos += ll + (nl ? 1 : 0);
        if (ll > 0 && line[ll - 1] == '\r') {
            ll--;
        }
        if (ll > CONFIG_LINE_MAX) {
            util_diag(file, lineno, "line longer than %d bytes", CONFIG_LINE_MAX);
            errors++;
            continue;
        }
        for (i = 0; i < ll; i++) {
            unsigned char ch = (unsigned char)line[i];

            if ((ch < 0x20 && ch != '\t') || ch == 0x7f) {
                break;
            }
        }
        if (i < ll) {
            util_diag(file, lineno, "control character in line");
            errors++;
            continue;
        }
        p = line;
        end = line + ll;
        while (p < end && is_blank(*p)) {
            p++;
        }
        while (end > p && is_blank(end[-1])) {
            end--;
        }
        if (p == end || *p == '#') {
            continue;
        }
        eq = memchr(p, '=', (size_t)(end - p));
        if (!eq) {
            util_diag(file, lineno, "expected 'key = value'");
            errors++;
            continue;
        }
        kl = (size_t)(eq - p);
        while (kl > 0 && is_blank(p[kl - 1])) {
            kl--;
        }
        for (i = 0; i < CONFIG_NKEYS; i++) {
            if (strlen(config_keys[i].name) == kl && memcmp(config_keys[i].name, p, kl) == 0) {
                k = &config_keys[i];
                break;
            }
        }
        if (!k) {
            util_diag(file, lineno, "unknown key '%.*s'", (int)(kl > 40 ? 40 : kl), p);
            errors++;
            continue;
        }
        if (seen[i] && k->kind != CK_LIST) {
            util_diag(file, lineno, "'%s' given twice", k->name);
            errors++;
            continue;
        }
        seen[i] = 1;
        eq++;
        while (eq < end && is_blank(*eq)) {
            eq++;
        }
        if (eq == end) {
            util_diag(file, lineno, "'%s' has no value", k->name);
            errors++;
            continue;
        }
        if (config_set(c, k, eq, (size_t)(end - eq), &why) != IH_OK) {
            util_diag(file, lineno, "%s: %s", k->name, why ? why : "bad value");
            errors++;
            continue;
        }
    }
    if (!config_seen(seen, "jitter") && c->jitter > c->interval / 10) {
        /* the default jitter follows a short interval down */
        c->jitter = c->interval / 10;
    }
    if (c->jitter > c->interval) {
        util_diag(file, 0, "jitter (%lu) larger than interval (%lu)", (unsigned long)c->jitter,
                  (unsigned long)c->interval);
        errors++;
    }
    if (c->spool_max_bytes < SPOOL_MIN_BYTES) {
        errors++;
    }
    return errors ? IH_EPARSE : IH_OK;
}

int config_load(const char *path, struct config *c)
{
    char *buf = NULL;
    size_t len = 0;
    int rc;

    config_defaults(c);
    rc = util_read_file(path, CONFIG_FILE_MAX, &buf, &len);
    if (rc != IH_OK) {
        if (rc == IH_ETOOBIG) {
            util_diag(path, 0, "larger than %d bytes", CONFIG_FILE_MAX);
        } else {
            util_diag(path, 0, "cannot read: %s", util_strerror(rc));
        }
        return rc;
    }
    if (memchr(buf, '\0', len)) {
        util_diag(path, 0, "NUL byte in file");
        rc = IH_EPARSE;
        goto out;
    }
    rc = config_parse(buf, len, path, c);
out:
    free(buf);
    return rc;
}

int config_check_delivery(const struct config *c, const char *file)
{
    int rc = IH_OK;

    if (c->port == 0) {
        util_diag(file, 0, "missing 'collector = host:port'");
        rc = IH_EINVAL;
    }
    if (!c->ca[0]) {
        util_diag(file, 0, "missing 'ca' (the collector's CA certificate)");
        rc = IH_EINVAL;
    }
    if (!c->cert[0]) {
        util_diag(file, 0, "missing 'cert' (this device's certificate)");
        rc = IH_EINVAL;
    }
    if (!c->key[0]) {
        util_diag(file, 0, "missing 'key' (this device's private key)");
        rc = IH_EINVAL;
    }
    return rc;
}
