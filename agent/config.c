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

/*
 * 16 bytes a key (the table was 40 a key): a number's bounds fit 32 bits
 * (its minimum 16), an offset or size in struct config 16 bits, and a
 * CK_LIST counter is the unsigned that follows its array (all checked
 * below, or by -Woverflow for the bounds).
 */
struct config_key {
    const char *name;
    uint32_t max;           /* numbers */
    uint16_t min;           /* numbers */
    uint16_t off;           /* of the field in struct config */
    uint16_t size;          /* of a string field (CK_LIST: of one entry) */
    uint8_t kind;           /* enum config_kind */
};

#define CONFIG_FIELD_SIZE(field) sizeof(((struct config *)0)->field)
#define S(name, kind, field) \
    { name, 0, 0, offsetof(struct config, field), CONFIG_FIELD_SIZE(field), kind }
#define N(name, kind, field, min, max) { name, max, min, offsetof(struct config, field), 0, kind }

_Static_assert(sizeof(struct config) <= UINT16_MAX, "struct config offsets fit 16 bits");
_Static_assert(offsetof(struct config, n_rules) ==
               offsetof(struct config, rules) + CONFIG_FIELD_SIZE(rules), "n_rules follows rules");
_Static_assert(offsetof(struct config, n_iocs) ==
               offsetof(struct config, iocs) + CONFIG_FIELD_SIZE(iocs), "n_iocs follows iocs");

/* "jitter" comes first: config_parse asks whether it was given (index 0). */
static const struct config_key config_keys[] = {
    N("jitter", CK_U32, jitter, 0, 24 * 3600),
    N("collector", CK_HOSTPORT, port, 0, 0),
    S("server_name", CK_NAME, server_name),
    S("ca", CK_PATH, ca),
    S("cert", CK_PATH, cert),
    S("key", CK_PATH, key),
    S("spool_path", CK_PATH, spool_path),
    S("state_path", CK_PATH, state_path),
    N("spool_max_bytes", CK_U64, spool_max_bytes, SPOOL_MIN_BYTES, 64u << 20),
    N("spool_sync", CK_BOOL, spool_sync, 0, 1),
    N("interval", CK_U32, interval, 10, 7 * 24 * 3600),
    N("timeout", CK_U32, timeout, 1, 600),
    N("backoff_max", CK_U32, backoff_max, 1, 24 * 3600),
    N("batch_max_bytes", CK_U32, batch_max_bytes, SPOOL_HDR_LEN + SPOOL_PAYLOAD_MAX, 1u << 20),
    S("rules", CK_LIST, rules[0]),
    S("iocs", CK_LIST, iocs[0]),
    S("allow", CK_PATH, allow),
    S("root", CK_PATH, root),
    N("builtin", CK_BOOL, builtin, 0, 1),
    N("resolve", CK_BOOL, resolve, 0, 1),
    S("user", CK_NAME, user),
    S("bundle", CK_PATH, bundle),
    S("bundle_key", CK_PATH, bundle_key),
    S("bundle_key_next", CK_PATH, bundle_key_next),
    N("bundle_max_bytes", CK_U32, bundle_max_bytes, 4096, 16u << 20),
    N("bundle_interval", CK_U32, bundle_interval, 0, 7 * 24 * 3600),
};

#define CONFIG_NKEYS (sizeof config_keys / sizeof config_keys[0])
#define CONFIG_JITTER 0     /* index of "jitter" in config_keys */

_Static_assert(CONFIG_NKEYS <= 32, "config_parse keeps the keys seen in 32 bits");

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

/* 1 when S[0..N) is exactly the NUL-terminated word W. */
static int config_is(const char *w, const char *s, size_t n)
{
    return strlen(w) == n && memcmp(w, s, n) == 0;
}

/*
 * 1 when the bytes S[0..N) are all of a host name (RFC 1123 letters,
 * digits, '-', '.'; an IPv4 address is one too) or, with V6, of an IPv6
 * address (hex digits, ':', '.').  One loop for both: ch | 0x20 is a small
 * letter exactly when ch is a letter of either case.
 */
static int config_chars(const char *s, size_t n, int v6)
{
    size_t i;

    for (i = 0; i < n; i++) {
        char ch = s[i], lc = (char)(ch | 0x20);

        if (!((ch >= '0' && ch <= '9') || ch == '.' ||
              (v6 ? (lc >= 'a' && lc <= 'f') || ch == ':'
                  : (lc >= 'a' && lc <= 'z') || ch == '-'))) {
            return 0;
        }
    }
    return 1;
}

/*
 * hostport = name ":" port / "[" v6 "]" ":" port
 * name     = 1..CONFIG_HOST_MAX-1 of ALPHA / DIGIT / "-" / "."
 * v6       = 2..45 of HEXDIG / ":" / "."
 * port     = 1..65535, decimal
 * Into collector IDX of C (host_list[IDX], port_list[IDX]).  NULL, or why not.
 */
static const char *config_parse_hostport(const char *v, size_t n, struct config *c, unsigned idx)
{
    const char *host = v, *colon;
    size_t hl;
    uint64_t port;

    if (n > 0 && v[0] == '[') {
        colon = memchr(v, ']', n);
        if (!colon || colon + 1 >= v + n || colon[1] != ':') {
            return "expected [IPv6]:port";
        }
        host = v + 1;
        hl = (size_t)(colon - host);
        colon++;
        if (hl < 2 || hl > 45 || !config_chars(host, hl, 1)) {
            return "bad IPv6 address";
        }
    } else {
        for (colon = v + n; colon > v && colon[-1] != ':'; colon--) {
        }
        if (colon == v) {
            return "expected host:port";
        }
        colon--;
        hl = (size_t)(colon - v);
        if (hl == 0 || hl >= CONFIG_HOST_MAX || !config_chars(v, hl, 0)) {
            return "bad host name";
        }
    }
    memcpy(c->host_list[idx], host, hl);
    c->host_list[idx][hl] = '\0';
    if (util_parse_dec(colon + 1, (size_t)(v + n - colon - 1), 65535, &port) != IH_OK ||
        port == 0) {
        return "bad port (1-65535)";
    }
    c->port_list[idx] = (uint16_t)port;
    return NULL;
}

/*
 * collectors = hostport *( 1*( WS / "," ) hostport )  ; at most
 * CONFIG_MAX_COLLECTORS, in the order the agent tries them.  The first is
 * also copied to host/port (the one tried first, named in messages).
 */
static const char *config_parse_collectors(const char *v, size_t n, struct config *c)
{
    size_t i = 0, j;
    const char *why;

    c->n_collectors = 0;
    while (i < n) {
        if (v[i] == ' ' || v[i] == '\t' || v[i] == ',') {
            i++;
            continue;
        }
        for (j = i; j < n && v[j] != ' ' && v[j] != '\t' && v[j] != ','; j++) {
        }
        if (c->n_collectors >= CONFIG_MAX_COLLECTORS) {
            return "too many collectors (max 4)";
        }
        why = config_parse_hostport(v + i, j - i, c, c->n_collectors);
        if (why) {
            return why;
        }
        c->n_collectors++;
        i = j;
    }
    if (c->n_collectors == 0) {
        return "expected host:port";
    }
    config_use_collector(c, 0);
    return NULL;
}

void config_use_collector(struct config *c, unsigned idx)
{
    (void)util_strlcpy(c->host, c->host_list[idx], sizeof c->host);
    c->port = c->port_list[idx];
}

/*
 * Store VALUE[0..N) (N > 0, no control bytes) for key K into C.  NULL, or
 * the reason it was refused.
 */
static const char *config_set(struct config *c, const struct config_key *k, const char *v, size_t n)
{
    /* the false words, then the true ones */
    static const char *const bools[] = { "no", "false", "off", "0", "yes", "true", "on", "1" };
    char *dst = (char *)c + k->off;
    uint64_t num;
    unsigned i;

    switch (k->kind) {
    case CK_HOSTPORT:
        return config_parse_collectors(v, n, c);
    case CK_BOOL:
        for (i = 0; i < sizeof bools / sizeof bools[0]; i++) {
            if (config_is(bools[i], v, n)) {
                *(int *)(void *)dst = i >= 4;
                return NULL;
            }
        }
        return "expected yes or no";
    case CK_U32:
    case CK_U64:
        if (util_parse_dec(v, n, k->max, &num) != IH_OK || num < k->min) {
            return "number out of range";
        }
        if (k->kind == CK_U32) {
            *(uint32_t *)(void *)dst = (uint32_t)num;
        } else {
            *(uint64_t *)(void *)dst = num;
        }
        return NULL;
    case CK_NAME:
        /* k->size <= CONFIG_HOST_MAX */
        if (n >= k->size || !config_chars(v, n, 0)) {
            return "bad host name";
        }
        break;
    default:    /* CK_PATH, CK_LIST */
        if (n >= k->size) {
            return "path too long";
        }
        if (v[0] != '/') {
            return "path must be absolute";
        }
        if (k->kind == CK_LIST) {
            unsigned *cnt = (unsigned *)(void *)(dst + CONFIG_MAX_LISTS * k->size);

            if (*cnt >= CONFIG_MAX_LISTS) {
                return "too many entries (max 16)";
            }
            dst += (size_t)*cnt * k->size;
            (*cnt)++;
        }
        break;
    }
    memcpy(dst, v, n);
    dst[n] = '\0';
    return NULL;
}

static int is_blank(char ch)
{
    return ch == ' ' || ch == '\t';
}

#define CONFIG_STR_(x) #x
#define CONFIG_STR(x) CONFIG_STR_(x)

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
    uint32_t seen = 0;          /* bit per config_keys entry */
    size_t pos = 0;
    unsigned long lineno = 0;
    int errors = 0;

    while (pos < len) {
        const char *line = buf + pos, *nl, *p, *end, *eq;
        size_t ll, i, kl;
        const char *why;
        const struct config_key *k;

        lineno++;
        nl = memchr(line, '\n', len - pos);
        ll = nl ? (size_t)(nl - line) : len - pos;
        pos += ll + (nl ? 1 : 0);
        if (ll > 0 && line[ll - 1] == '\r') {
            ll--;
        }
        why = "line longer than " CONFIG_STR(CONFIG_LINE_MAX) " bytes";
        if (ll > CONFIG_LINE_MAX) {
            goto bad;
        }
        for (i = 0; i < ll; i++) {
            unsigned char ch = (unsigned char)line[i];

            if ((ch < 0x20 && ch != '\t') || ch == 0x7f) {
                break;
            }
        }
        why = "control character in line";
        if (i < ll) {
            goto bad;
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
        why = "expected 'key = value'";
        if (!eq) {
            goto bad;
        }
        kl = (size_t)(eq - p);
        while (kl > 0 && is_blank(p[kl - 1])) {
            kl--;
        }
        for (i = 0; i < CONFIG_NKEYS && !config_is(config_keys[i].name, p, kl); i++) {
        }
        if (i == CONFIG_NKEYS) {
            util_diag(file, lineno, "unknown key '%.*s'", (int)(kl > 40 ? 40 : kl), p);
            errors++;
            continue;
        }
        k = &config_keys[i];
        why = "given twice";
        if ((seen & (1u << i)) && k->kind != CK_LIST) {
            goto bad_key;
        }
        seen |= 1u << i;
        eq++;
        while (eq < end && is_blank(*eq)) {
            eq++;
        }
        why = "has no value";
        if (eq == end) {
            goto bad_key;
        }
        why = config_set(c, k, eq, (size_t)(end - eq));
        if (!why) {
            continue;
        }
        util_diag(file, lineno, "%s: %s", k->name, why);
        errors++;
        continue;
bad_key:
        /* "'interval' given twice", "'timeout' has no value" */
        util_diag(file, lineno, "'%s' %s", k->name, why);
        errors++;
        continue;
bad:
        util_diag(file, lineno, "%s", why);
        errors++;
    }
    if (!(seen & (1u << CONFIG_JITTER)) && c->jitter > c->interval / 10) {
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
