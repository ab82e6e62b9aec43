/* SPDX-License-Identifier: BSD-2-Clause */
#include "allow.h"
#include "ioc.h"
#include "util.h"

#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

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
        int quoted = 0;

        while (i < n && is_space(s[i])) {
            i++;
        }
        if (i >= n || s[i] == '#') {
            return k;
        }
        if (k == max) {
            return -1;
        }
        /* inside quotes blanks and control bytes are part of the token */
        while (i < n && (quoted || !is_space(s[i]))) {
            char c = s[i++];

            if (c == '"') {
                quoted = !quoted;
                continue;
            }
            if (quoted && c == '\\') {
                if (i >= n || (s[i] != '"' && s[i] != '\\')) {
                    return -1;
                }
                c = s[i++];
            } else if (!quoted && (unsigned char)c < 0x20) {
                return -1;
            }
            if (o + 1 >= sizeof out[0]) {
                return -1;
            }
            out[k][o++] = c;
        }
        if (quoted) {
            return -1;              /* unterminated quote */
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

/* The address S[0..N) into ADDR[16] (zero-filled): its family, 4 or 6, or 0. */
static int allow_addr(const char *s, size_t n, uint8_t *addr)
{
    memset(addr, 0, 16);
    return ioc_parse_addr(s, n, addr);
}

/* "ADDR[/PREFIX]" */
static int allow_ip(const char *s, struct allow_entry *e)
{
    const char *slash = strchr(s, '/');
    uint64_t v;

    e->family = (uint8_t)allow_addr(s, slash ? (size_t)(slash - s) : strlen(s), e->addr);
    if (!e->family) {
        return IH_EPARSE;
    }
    e->prefix = e->family == 4 ? 32 : 128;
    if (slash) {
        if (util_parse_dec(slash + 1, strlen(slash + 1), e->prefix, &v) != IH_OK) {
            return IH_EPARSE;
        }
        e->prefix = (uint8_t)v;
    }
    return IH_OK;
}

/*
 * S[0..L) lower-cased into OUT (NUL-terminated): with HEX only hex digits
 * may appear, else a domain name's letters, digits, '-', '_' and single
 * dots.  IH_EPARSE on any other byte.
 */
static int allow_lower(const char *s, size_t l, char *out, int hex)
{
    size_t i;

    for (i = 0; i < l; i++) {
        char c = (char)util_lower(s[i]);

        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= (hex ? 'f' : 'z')) ||
              (!hex && (c == '-' || c == '_' || (c == '.' && (i == 0 || out[i - 1] != '.')))))) {
            return IH_EPARSE;
        }
        out[i] = c;
    }
    out[l] = '\0';
    return IH_OK;
}

/* Finding type NAME into the bit set *BITS. */
static int allow_type(const char *name, uint32_t *bits)
{
    int t = finding_type_parse(name);

    if (t < 0 || t >= 32) {
        return IH_EPARSE;
    }
    *bits |= 1u << t;
    return IH_OK;
}

/* "T[,T]..." into a bit set (S is cut at its commas). */
static int allow_types(char *s, uint32_t *bits)
{
    for (;;) {
        char *comma = strchr(s, ',');

        if (comma) {
            *comma = '\0';
        }
        /* an empty name (a leading, doubled or trailing comma) is no type */
        if (allow_type(s, bits) != IH_OK) {
            return IH_EPARSE;
        }
        if (!comma) {
            return IH_OK;
        }
        s = comma + 1;
    }
}

/* Entry E from the NT tokens of a line (TOK[0] the kind): NULL, or why not. */
static const char *allow_entry_parse(char tok[][ALLOW_MAX_VALUE + 16], int nt,
                                     struct allow_entry *e)
{
    static const char *const kinds[] = { "ip", "exe", "hash", "domain", "lockdown", "type" };
    const char *v = tok[1];
    size_t l;
    int i, k = -1;

    memset(e, 0, sizeof *e);
    e->port = -1;
    for (i = 0; i < (int)(sizeof kinds / sizeof kinds[0]); i++) {
        if (strcmp(tok[0], kinds[i]) == 0) {
            k = i;
        }
    }
    if (k < 0) {
        return "unknown entry kind (ip, exe, hash, domain, lockdown, type)";
    }
    if (nt < 2) {
        return "missing value";
    }
    e->kind = (uint8_t)k;
    l = strlen(v);
    switch (k) {
    case ALLOW_IP:
        if (allow_ip(v, e) != IH_OK) {
            return "bad address or prefix";
        }
        break;
    case ALLOW_EXE:
        if ((v[0] != '/' && v[0] != '*') || util_strlcpy(e->value, v, sizeof e->value) != IH_OK) {
            return "executable pattern must be absolute (or start with '*') and fit";
        }
        break;
    case ALLOW_HASH:
        if ((l != 32 && l != 40 && l != 64) || allow_lower(v, l, e->value, 1) != IH_OK) {
            return "hash must be 32, 40 or 64 hex digits";
        }
        break;
    case ALLOW_DOMAIN:
        while (l > 0 && v[l - 1] == '.') {
            l--;
        }
        if (l == 0 || l >= sizeof e->value || v[0] == '.' ||
            allow_lower(v, l, e->value, 0) != IH_OK) {
            return "bad domain name";
        }
        break;
    case ALLOW_LOCKDOWN:
        if (allow_port(v, &e->port) != IH_OK) {
            return "lockdown needs a port 1-65535";
        }
        e->types = 1u << FT_IPTABLES_TR069_BLOCK;
        break;
    default:
        if (allow_type(v, &e->types) != IH_OK) {
            return "unknown finding type";
        }
        break;
    }
    for (i = 2; i < nt; i++) {
        char *q = tok[i];

        /* type= narrows every kind but lockdown and type */
        if (strncmp(q, "type=", 5) == 0 && k < ALLOW_LOCKDOWN) {
            if (allow_types(q + 5, &e->types) != IH_OK) {
                return "bad type= list";
            }
        } else if (strncmp(q, "port=", 5) == 0 && k == ALLOW_IP) {
            if (allow_port(q + 5, &e->port) != IH_OK) {
                return "bad port=";
            }
        } else if (strncmp(q, "cmdline=", 8) == 0 && k == ALLOW_EXE) {
            if (q[8] == '\0' || util_strlcpy(e->cmdline, q + 8, sizeof e->cmdline) != IH_OK) {
                return "cmdline= pattern too long or empty";
            }
        } else {
            return "unknown or misplaced qualifier";
        }
    }
    return NULL;
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
        const char *why;
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
        why = allow_entry_parse(tok, nt, &e);
        if (why) {
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
    if (util_parse_dec(colon + 1, strlen(colon + 1), 65535, &v) != IH_OK) {
        return IH_EPARSE;
    }
    *port = (int32_t)v;
    *family = allow_addr(as, al, addr);
    return *family ? IH_OK : IH_EPARSE;
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

/*
 * 1 if the decimal number PORT (1-65535) stands alone somewhere in S.  A
 * run of digits stops being counted once over 65535: it cannot be PORT.
 */
static int has_port_token(const char *s, int32_t port)
{
    while (*s) {
        uint32_t v = 0;

        if (*s < '0' || *s > '9') {
            s++;
            continue;
        }
        for (; *s >= '0' && *s <= '9'; s++) {
            if (v <= 65535) {
                v = v * 10 + (uint32_t)(*s - '0');
            }
        }
        if (v == (uint32_t)port) {
            return 1;
        }
    }
    return 0;
}

static int domain_match(const char *pat, const char *name)
{
    size_t pl = strlen(pat), nl = strlen(name);

    while (nl > 0 && name[nl - 1] == '.') {
        nl--;
    }
    if (nl < pl || !util_caseeq(name + nl - pl, pat, pl)) {
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
        return util_caseeq(e->value, f->md5, SIZE_MAX) || util_caseeq(e->value, f->sha1, SIZE_MAX) ||
               util_caseeq(e->value, f->sha256, SIZE_MAX);
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
