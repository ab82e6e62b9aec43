/* SPDX-License-Identifier: BSD-2-Clause */
#include "allow.h"
#include "util.h"

#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define ALLOW_MAX_TOKENS 8

void allow_init(struct allowlist *a)
{
    memset(a, 0, sizeof *a);
}

void allow_free(struct allowlist *a)
{
    free(a->v);
    a->v = NULL;
    a->n = a->cap = 0;
}

int allow_glob(const char *g, const char *s)
{
    const char *star = NULL, *mark = NULL;

    /* iterative matcher with one backtrack point: linear in practice,
     * never exponential on hostile patterns */
    while (*s) {
        if (*g == '*') {
            star = g++;
            mark = s;
        } else if (*g == '?' || *g == *s) {
            g++;
            s++;
        } else if (star) {
            g = star + 1;
            s = ++mark;
        } else {
            return 0;
        }
    }
    while (*g == '*') {
        g++;
    }
    return *g == '\0';
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/*
 * Split one line into tokens.  token = 1*( quoted | char ), quoted =
 * '"' *( '\"' | '\\' | char-but-quote ) '"'; an unquoted '#' at the start
 * of a token begins a comment.  Tokens are written NUL-terminated into
 * OUT (each ALLOW_MAX_VALUE + 16 bytes).  Returns the count, or -1.
 */
static int allow_tokens(const char *s, size_t n, char out[][ALLOW_MAX_VALUE + 16], int max)
{
    size_t i = 0;
    int k = 0;

    for (;;) {
        size_t o = 0;

        while (i < n && is_space(s[i])) {
            i++;
        }
        if (i >= n || s[i] == '#') {
            return k;
        }
        if (k == max) {
            return -1;
        }
        while (i < n && !is_space(s[i])) {
            char c = s[i];

            if (c == '"') {
                i++;
                for (;;) {
                    if (i >= n) {
                        return -1;          /* unterminated quote */
                    }
                    c = s[i++];
                    if (c == '"') {
                        break;
                    }
                    if (c == '\\') {
                        if (i >= n || (s[i] != '"' && s[i] != '\\')) {
                            return -1;
                        }
                        c = s[i++];
                    }
                    if (o + 1 >= sizeof out[0]) {
                        return -1;
                    }
                    out[k][o++] = c;
                }
                continue;
            }
            if (c == '\0' || (unsigned char)c < 0x20) {
                return -1;
            }
            if (o + 1 >= sizeof out[0]) {
                return -1;
            }
            out[k][o++] = c;
            i++;
        }
        out[k][o] = '\0';
        k++;
    }
}

static int allow_port(const char *s, int32_t *port)
{
    uint64_t v;

    if (util_parse_dec(s, strlen(s), 65535, &v) != IH_OK || v == 0) {
        return IH_EPARSE;
    }
    *port = (int32_t)v;
    return IH_OK;
}

/* "ADDR[/PREFIX]" */
static int allow_ip(const char *s, struct allow_entry *e)
{
    char a[64];
    const char *slash = strchr(s, '/');
    size_t al = slash ? (size_t)(slash - s) : strlen(s);
    int maxp;

    if (al == 0 || al >= sizeof a) {
        return IH_EPARSE;
    }
    memcpy(a, s, al);
    a[al] = '\0';
    if (inet_pton(AF_INET, a, e->addr) == 1) {
        e->family = 4;
        maxp = 32;
    } else if (inet_pton(AF_INET6, a, e->addr) == 1) {
        e->family = 6;
        maxp = 128;
    } else {
        return IH_EPARSE;
    }
    e->prefix = (uint8_t)maxp;
    if (slash) {
        uint64_t v;

        if (util_parse_dec(slash + 1, strlen(slash + 1), (uint64_t)maxp, &v) != IH_OK) {
            return IH_EPARSE;
        }
        e->prefix = (uint8_t)v;
    }
    return IH_OK;
}

static int allow_hex(const char *s, struct allow_entry *e)
{
    size_t l = strlen(s), i;

    if (l != 32 && l != 40 && l != 64) {
        return IH_EPARSE;
    }
    for (i = 0; i < l; i++) {
        char c = s[i];

        if (c >= 'A' && c <= 'F') {
            c = (char)(c - 'A' + 'a');
        }
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return IH_EPARSE;
        }
        e->value[i] = c;
    }
    e->value[l] = '\0';
    return IH_OK;
}

static int allow_domain(const char *s, struct allow_entry *e)
{
    size_t l = strlen(s), i;

    while (l > 0 && s[l - 1] == '.') {
        l--;
    }
    if (l == 0 || l >= sizeof e->value || s[0] == '.') {
        return IH_EPARSE;
    }
    for (i = 0; i < l; i++) {
        char c = s[i];

        if (c >= 'A' && c <= 'Z') {
            c = (char)(c - 'A' + 'a');
        }
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
              c == '.')) {
            return IH_EPARSE;
        }
        if (c == '.' && i > 0 && e->value[i - 1] == '.') {
            return IH_EPARSE;
        }
        e->value[i] = c;
    }
    e->value[l] = '\0';
    return IH_OK;
}

/* "T[,T]..." into a bit set. */
static int allow_types(const char *s, uint32_t *bits)
{
    if (*s == '\0') {
        return IH_EPARSE;
    }
    while (*s) {
        char name[32];
        const char *comma = strchr(s, ',');
        size_t l = comma ? (size_t)(comma - s) : strlen(s);
        int t;

        if (l == 0 || l >= sizeof name) {
            return IH_EPARSE;
        }
        memcpy(name, s, l);
        name[l] = '\0';
        t = finding_type_parse(name);
        if (t < 0 || t >= 32) {
            return IH_EPARSE;
        }
        *bits |= 1u << t;
        s += l + (comma ? 1 : 0);
        if (comma && *s == '\0') {
            return IH_EPARSE;
        }
    }
    return IH_OK;
}

static int allow_entry_parse(char tok[][ALLOW_MAX_VALUE + 16], int nt, struct allow_entry *e,
                             const char **why)
{
    static const char *const kinds[] = { "ip", "exe", "hash", "domain", "lockdown", "type" };
    int i, k = -1;

    memset(e, 0, sizeof *e);
    e->port = -1;
    for (i = 0; i < (int)(sizeof kinds / sizeof kinds[0]); i++) {
        if (strcmp(tok[0], kinds[i]) == 0) {
            k = i;
        }
    }
    if (k < 0) {
        *why = "unknown entry kind (ip, exe, hash, domain, lockdown, type)";
        return IH_EPARSE;
    }
    if (nt < 2) {
        *why = "missing value";
        return IH_EPARSE;
    }
    e->kind = (uint8_t)k;
    switch (k) {
    case ALLOW_IP:
        *why = "bad address or prefix";
        if (allow_ip(tok[1], e) != IH_OK) {
            return IH_EPARSE;
        }
        break;
    case ALLOW_EXE:
        *why = "executable pattern must be absolute (or start with '*') and fit";
        if ((tok[1][0] != '/' && tok[1][0] != '*') ||
            util_strlcpy(e->value, tok[1], sizeof e->value) != IH_OK) {
            return IH_EPARSE;
        }
        break;
    case ALLOW_HASH:
        *why = "hash must be 32, 40 or 64 hex digits";
        if (allow_hex(tok[1], e) != IH_OK) {
            return IH_EPARSE;
        }
        break;
    case ALLOW_DOMAIN:
        *why = "bad domain name";
        if (allow_domain(tok[1], e) != IH_OK) {
            return IH_EPARSE;
        }
        break;
    case ALLOW_LOCKDOWN:
        *why = "lockdown needs a port 1-65535";
        if (allow_port(tok[1], &e->port) != IH_OK) {
            return IH_EPARSE;
        }
        e->types = 1u << FT_IPTABLES_TR069_BLOCK;
        break;
    default: {
        int t = finding_type_parse(tok[1]);

        *why = "unknown finding type";
        if (t < 0 || t >= 32) {
            return IH_EPARSE;
        }
        e->types = 1u << t;
        break;
    }
    }
    for (i = 2; i < nt; i++) {
        const char *q = tok[i];

        if (strncmp(q, "type=", 5) == 0 && k != ALLOW_LOCKDOWN && k != ALLOW_TYPE) {
            *why = "bad type= list";
            if (allow_types(q + 5, &e->types) != IH_OK) {
                return IH_EPARSE;
            }
        } else if (strncmp(q, "port=", 5) == 0 && k == ALLOW_IP) {
            *why = "bad port=";
            if (allow_port(q + 5, &e->port) != IH_OK) {
                return IH_EPARSE;
            }
        } else if (strncmp(q, "cmdline=", 8) == 0 && k == ALLOW_EXE) {
            *why = "cmdline= pattern too long or empty";
            if (q[8] == '\0' || util_strlcpy(e->cmdline, q + 8, sizeof e->cmdline) != IH_OK) {
                return IH_EPARSE;
            }
        } else {
            *why = "unknown or misplaced qualifier";
            return IH_EPARSE;
        }
    }
    return IH_OK;
}

/*
 * Grammar:
 *   file      = *( line LF ) [ line ]
 *   line      = *WS [ entry *WS ] [ "#" *any ]
 *   entry     = kind 1*WS value *( 1*WS qualifier )
 *   kind      = "ip" | "exe" | "hash" | "domain" | "lockdown" | "type"
 *   qualifier = "type=" name *( "," name ) | "port=" dec | "cmdline=" glob
 *   value, glob: a token, '"'-quoted when it holds spaces or '#'
 * Lines are at most ALLOW_MAX_LINE bytes; NUL and control bytes are
 * malformed.
 */
int allow_parse(struct allowlist *a, const char *name, const char *buf, size_t len,
                unsigned long *bad)
{
    char tok[ALLOW_MAX_TOKENS][ALLOW_MAX_VALUE + 16];
    size_t pos = 0;
    unsigned long line = 0;
    int rc = IH_OK;

    (void)util_strlcpy(a->file, name, sizeof a->file);
    while (pos < len) {
        const char *s = buf + pos;
        const char *nl = memchr(s, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - s) : len - pos;
        struct allow_entry e;
        const char *why = "malformed";
        int nt;

        pos += n + (nl ? 1 : 0);
        line++;
        if (n > ALLOW_MAX_LINE) {
            why = "line too long";
            goto bad;
        }
        nt = allow_tokens(s, n, tok, ALLOW_MAX_TOKENS);
        if (nt < 0) {
            why = "bad quoting, control byte, too many or too long tokens";
            goto bad;
        }
        if (nt == 0) {
            continue;
        }
        if (allow_entry_parse(tok, nt, &e, &why) != IH_OK) {
            goto bad;
        }
        if (a->n == a->cap) {
            size_t ncap = a->cap ? a->cap * 2 : 16;
            struct allow_entry *nv;

            if (a->n >= ALLOW_MAX_ENTRIES) {
                util_diag(name, line, "more than %d entries", ALLOW_MAX_ENTRIES);
                return IH_ETOOBIG;
            }
            if (ncap > ALLOW_MAX_ENTRIES) {
                ncap = ALLOW_MAX_ENTRIES;
            }
            nv = realloc(a->v, ncap * sizeof *nv);
            if (!nv) {
                return IH_ENOMEM;
            }
            a->v = nv;
            a->cap = ncap;
        }
        e.line = line;
        a->v[a->n++] = e;
        continue;
bad:
        util_diag(name, line, "%s", why);
        if (bad) {
            (*bad)++;
        }
        rc = IH_EPARSE;
    }
    return rc;
}

int allow_load_file(struct allowlist *a, const char *path)
{
    char *buf;
    size_t len;
    int rc;

    rc = util_read_file(path, ALLOW_MAX_FILE, &buf, &len);
    if (rc != IH_OK) {
        util_diag(path, 0, "cannot read allowlist: %s", util_strerror(rc));
        return rc;
    }
    rc = allow_parse(a, path, buf, len, NULL);
    free(buf);
    return rc;
}

/* Parse a finding endpoint "a.b.c.d:port" or "[v6]:port". */
static int allow_endpoint(const char *s, int *family, uint8_t *addr, int32_t *port)
{
    char a[64];
    const char *colon = strrchr(s, ':');
    const char *as = s;
    size_t al;
    uint64_t v;

    if (!colon) {
        return IH_EPARSE;
    }
    al = (size_t)(colon - s);
    if (s[0] == '[') {
        if (al < 2 || s[al - 1] != ']') {
            return IH_EPARSE;
        }
        as = s + 1;
        al -= 2;
    }
    if (al == 0 || al >= sizeof a) {
        return IH_EPARSE;
    }
    memcpy(a, as, al);
    a[al] = '\0';
    if (util_parse_dec(colon + 1, strlen(colon + 1), 65535, &v) != IH_OK) {
        return IH_EPARSE;
    }
    *port = (int32_t)v;
    memset(addr, 0, 16);
    if (inet_pton(AF_INET, a, addr) == 1) {
        *family = 4;
        return IH_OK;
    }
    if (inet_pton(AF_INET6, a, addr) == 1) {
        *family = 6;
        return IH_OK;
    }
    return IH_EPARSE;
}

static int prefix_match(const uint8_t *a, const uint8_t *b, unsigned bits)
{
    unsigned full = bits / 8, rest = bits % 8;

    if (memcmp(a, b, full) != 0) {
        return 0;
    }
    if (rest) {
        uint8_t mask = (uint8_t)(0xff << (8 - rest));

        return (a[full] & mask) == (b[full] & mask);
    }
    return 1;
}

static int allow_ip_match(const struct allow_entry *e, const char *ep)
{
    uint8_t addr[16];
    int family;
    int32_t port;

    if (!ep[0] || allow_endpoint(ep, &family, addr, &port) != IH_OK || family != e->family) {
        return 0;
    }
    if (e->port >= 0 && port != e->port) {
        return 0;
    }
    return prefix_match(addr, e->addr, e->prefix);
}

/* 1 if the decimal number PORT stands alone somewhere in S. */
static int has_port_token(const char *s, int32_t port)
{
    size_t i = 0, n = strlen(s);

    while (i < n) {
        uint64_t v;
        size_t j;

        if (s[i] < '0' || s[i] > '9') {
            i++;
            continue;
        }
        j = i;
        while (j < n && s[j] >= '0' && s[j] <= '9') {
            j++;
        }
        if (util_parse_dec(s + i, j - i, UINT32_MAX, &v) == IH_OK && v == (uint64_t)port) {
            return 1;
        }
        i = j;
    }
    return 0;
}

static int domain_match(const char *pat, const char *name)
{
    size_t pl = strlen(pat), nl = strlen(name);

    while (nl > 0 && name[nl - 1] == '.') {
        nl--;
    }
    if (nl < pl || strncasecmp(name + nl - pl, pat, pl) != 0) {
        return 0;
    }
    return nl == pl || name[nl - pl - 1] == '.';
}

static int allow_entry_match(const struct allow_entry *e, const struct finding *f)
{
    if (e->types && ((unsigned)f->type >= 32 || !(e->types & (1u << f->type)))) {
        return 0;
    }
    switch (e->kind) {
    case ALLOW_IP:
        return allow_ip_match(e, f->remote) || allow_ip_match(e, f->local);
    case ALLOW_EXE:
        return f->exe[0] && allow_glob(e->value, f->exe) &&
               (!e->cmdline[0] || allow_glob(e->cmdline, f->cmdline));
    case ALLOW_HASH:
        return strcasecmp(e->value, f->md5) == 0 || strcasecmp(e->value, f->sha1) == 0 ||
               strcasecmp(e->value, f->sha256) == 0;
    case ALLOW_DOMAIN:
        return f->ioc[0] && domain_match(e->value, f->ioc);
    case ALLOW_LOCKDOWN:
        return has_port_token(f->local, e->port) || has_port_token(f->rule, e->port);
    default:
        return 1;
    }
}

const struct allow_entry *allow_match(const struct allowlist *a, const struct finding *f)
{
    size_t i;

    for (i = 0; i < a->n; i++) {
        if (allow_entry_match(&a->v[i], f)) {
            return &a->v[i];
        }
    }
    return NULL;
}
