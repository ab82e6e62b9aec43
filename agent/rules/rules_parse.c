/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * rules_parse.c - loading YARA-subset rule sources into a rule set.
 *
 * Pure parser: bytes in, struct rules out (rules_int.h).  Every input is
 * untrusted: bounded cursor (p, end), explicit caps (rules.h), numbers
 * overflow-checked, the first error reported as NAME:LINE and the load
 * undone.  What the subset refuses is refused by name, never skipped.
 */
#include "rules_int.h"
#include "util.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ---- engine allocator ---------------------------------------------- */

/* Each block carries its size in front so that the set knows its heap. */
#define MEM_HDR 16u

void *rules_mem_alloc(struct rules *rs, size_t n)
{
    unsigned char *p;

    if (n > SIZE_MAX - MEM_HDR) {
        return NULL;
    }
    p = malloc(n + MEM_HDR);
    if (!p) {
        return NULL;
    }
    memcpy(p, &n, sizeof n);
    rs->heap_cur += n;
    if (rs->heap_cur > rs->heap_peak) {
        rs->heap_peak = rs->heap_cur;
    }
    return p + MEM_HDR;
}

void rules_mem_free(struct rules *rs, void *q)
{
    unsigned char *p = q;
    size_t n;

    if (!p) {
        return;
    }
    p -= MEM_HDR;
    memcpy(&n, p, sizeof n);
    rs->heap_cur -= n;
    free(p);
}

void *rules_mem_realloc(struct rules *rs, void *q, size_t n)
{
    unsigned char *p = q, *np;
    size_t old = 0;

    if (n > SIZE_MAX - MEM_HDR) {
        return NULL;
    }
    if (p) {
        p -= MEM_HDR;
        memcpy(&old, p, sizeof old);
    }
    np = realloc(p, n + MEM_HDR);
    if (!np) {
        return NULL;
    }
    memcpy(np, &n, sizeof n);
    rs->heap_cur = rs->heap_cur - old + n;
    if (rs->heap_cur > rs->heap_peak) {
        rs->heap_peak = rs->heap_cur;
    }
    return np + MEM_HDR;
}

/* Grow array *ARR (element size ES, *CAP elements) to hold NEED, at most MAX. */
static int grow(struct rules *rs, void **arr, unsigned *cap, unsigned need, size_t es, unsigned max)
{
    unsigned ncap;
    void *n;

    if (need <= *cap) {
        return IH_OK;
    }
    if (need > max) {
        return IH_ETOOBIG;
    }
    ncap = *cap ? *cap * 2 : 16;
    if (ncap < need) {
        ncap = need;
    }
    if (ncap > max) {
        ncap = max;
    }
    n = rules_mem_realloc(rs, *arr, (size_t)ncap * es);
    if (!n) {
        return IH_ENOMEM;
    }
    *arr = n;
    *cap = ncap;
    return IH_OK;
}

static char *mem_strndup(struct rules *rs, const char *s, size_t n)
{
    char *d = rules_mem_alloc(rs, n + 1);

    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

/* ---- lexer ----------------------------------------------------------- */

enum tk {
    T_EOF, T_IDENT, T_SID, T_CID, T_OID, T_LID, T_INT, T_TEXT,
    T_LP, T_RP, T_LB, T_RB, T_LC, T_RC, T_COMMA, T_COLON, T_ASSIGN,
    T_EQ, T_NE, T_LT, T_LE, T_GT, T_GE, T_PLUS, T_MINUS, T_STAR, T_BSLASH,
    T_PCT, T_AMP, T_PIPE, T_CARET, T_TILDE, T_SHL, T_SHR, T_DOTDOT, T_DOT,
    T_SLASH, T_FLOAT
};

/* Decoded text literals (meta values included) are at most this long. */
#define TEXT_MAX 4096u

struct tok {
    enum tk kind;
    unsigned long line;
    const char *s;          /* IDENT/SID/...: the characters */
    size_t n;
    int64_t ival;           /* INT */
};

struct parser {
    struct rules *rs;
    const char *name;       /* source name for diagnostics */
    const char *p, *end;
    unsigned long line;
    struct tok t;
    unsigned depth;
    unsigned rule;          /* rule being parsed */
    uint32_t first_node;    /* its first condition node */
    const char *var[RULES_MAX_LOOPS];   /* loop variables in scope (source text) */
    size_t varlen[RULES_MAX_LOOPS];
    unsigned loops;         /* enclosing for loops */
    int in_of;              /* inside a for-of body: '$' '#' '@' '!' name its string */
    int quant;              /* parse_primary: a quantifier, no trailing 'of' */
    uint8_t text[TEXT_MAX]; /* last T_TEXT, decoded */
    size_t textlen;
};

static int perr(struct parser *ps, unsigned long line, int rc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int perr(struct parser *ps, unsigned long line, int rc, const char *fmt, ...)
{
    char msg[256];
    va_list ap;

    va_start(ap, fmt);
    (void)util_vfmt(msg, sizeof msg, fmt, ap);
    va_end(ap);
    util_diag(ps->name, line, "%s", msg);
    return rc;
}

static int unsup(struct parser *ps, unsigned long line, const char *what, size_t n)
{
    return perr(ps, line, IH_EUNSUPP, "unsupported construct '%.*s'", (int)n, what);
}

static int is_idc(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

static int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

/* Skip blanks and comments, counting lines.  IH_EPARSE on an open comment. */
static int skip_space(struct parser *ps)
{
    while (ps->p < ps->end) {
        char c = *ps->p;

        if (c == '\n') {
            ps->line++;
            ps->p++;
        } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            ps->p++;
        } else if (c == '/' && ps->end - ps->p >= 2 && ps->p[1] == '/') {
            while (ps->p < ps->end && *ps->p != '\n') {
                ps->p++;
            }
        } else if (c == '/' && ps->end - ps->p >= 2 && ps->p[1] == '*') {
            unsigned long l0 = ps->line;

            ps->p += 2;
            for (;;) {
                if (ps->end - ps->p < 2) {
                    return perr(ps, l0, IH_EPARSE, "unterminated comment");
                }
                if (ps->p[0] == '*' && ps->p[1] == '/') {
                    ps->p += 2;
                    break;
                }
                if (*ps->p == '\n') {
                    ps->line++;
                }
                ps->p++;
            }
        } else {
            break;
        }
    }
    return IH_OK;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/*
 * text := '"' { char | '\' ( '"' | '\' | 't' | 'n' | 'r' | 'x' HEX HEX ) } '"'
 * on one line; decoded into ps->text.
 */
static int lex_text(struct parser *ps)
{
    size_t n = 0;

    ps->p++;
    for (;;) {
        int c;

        if (ps->p >= ps->end || *ps->p == '\n') {
            return perr(ps, ps->line, IH_EPARSE, "unterminated string");
        }
        c = (unsigned char)*ps->p++;
        if (c == '"') {
            break;
        }
        if (c == '\\') {
            if (ps->p >= ps->end) {
                return perr(ps, ps->line, IH_EPARSE, "unterminated string");
            }
            c = (unsigned char)*ps->p++;
            switch (c) {
            case '"': case '\\':
                break;
            case 't': c = '\t'; break;
            case 'n': c = '\n'; break;
            case 'r': c = '\r'; break;
            case 'x': {
                int h, l;

                if (ps->end - ps->p < 2 || (h = hexval(ps->p[0])) < 0 || (l = hexval(ps->p[1])) < 0) {
                    return perr(ps, ps->line, IH_EPARSE, "illegal escape sequence");
                }
                c = h * 16 + l;
                ps->p += 2;
                break;
            }
            default:
                return perr(ps, ps->line, IH_EPARSE, "illegal escape sequence");
            }
        }
        if (n >= TEXT_MAX) {
            return perr(ps, ps->line, IH_ETOOBIG, "string longer than %u bytes", TEXT_MAX);
        }
        ps->text[n++] = (uint8_t)c;
    }
    ps->textlen = n;
    ps->t.kind = T_TEXT;
    return IH_OK;
}

/*
 * int := DEC [ 'KB' | 'MB' ] | '0x' HEX | '0o' OCT    (value < 2^63)
 */
static int lex_int(struct parser *ps)
{
    const char *s = ps->p;
    uint64_t v = 0;
    size_t n;

    if (ps->end - s >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        const char *d = s + 2, *e = d;

        while (e < ps->end && hexval(*e) >= 0) {
            e++;
        }
        while (e - d > 1 && *d == '0') {
            d++;
        }
        if (util_parse_hex(d, (size_t)(e - d), &v) != IH_OK || v > (uint64_t)INT64_MAX) {
            return perr(ps, ps->line, IH_EPARSE, "invalid integer");
        }
        ps->p = e;
    } else if (ps->end - s >= 2 && s[0] == '0' && s[1] == 'o') {
        const char *e = s + 2;

        while (e < ps->end && *e >= '0' && *e <= '7') {
            if (v > ((uint64_t)INT64_MAX >> 3)) {
                return perr(ps, ps->line, IH_EPARSE, "invalid integer");
            }
            v = v * 8 + (uint64_t)(*e - '0');
            e++;
        }
        if (e == s + 2) {
            return perr(ps, ps->line, IH_EPARSE, "invalid integer");
        }
        ps->p = e;
    } else {
        const char *e = s;

        while (e < ps->end && is_digit(*e)) {
            e++;
        }
        n = (size_t)(e - s);
        if (util_parse_dec(s, n, (uint64_t)INT64_MAX, &v) != IH_OK) {
            return perr(ps, ps->line, IH_EPARSE, "invalid integer");
        }
        ps->p = e;
        if (ps->end - ps->p >= 2 && ps->p[1] == 'B' && (ps->p[0] == 'K' || ps->p[0] == 'M')) {
            uint64_t m = ps->p[0] == 'K' ? 1024u : 1024u * 1024u;

            if (v > (uint64_t)INT64_MAX / m) {
                return perr(ps, ps->line, IH_EPARSE, "invalid integer");
            }
            v *= m;
            ps->p += 2;
        } else if (ps->end - ps->p >= 2 && ps->p[0] == '.' && is_digit(ps->p[1])) {
            ps->t.kind = T_FLOAT;
            return IH_OK;
        }
    }
    if (ps->p < ps->end && is_idc(*ps->p)) {
        return perr(ps, ps->line, IH_EPARSE, "invalid integer");
    }
    ps->t.kind = T_INT;
    ps->t.ival = (int64_t)v;
    return IH_OK;
}

/* Operators: two-character ones first (longest match), then one-character. */
static const char punct2[] = "==!=<=<<>=>>..";
static const uint8_t punct2_kind[] = { T_EQ, T_NE, T_LE, T_SHL, T_GE, T_SHR, T_DOTDOT };
static const char punct1[] = "()[]{},:+-*\\%&|^~/=<>.";
static const uint8_t punct1_kind[] = {
    T_LP, T_RP, T_LB, T_RB, T_LC, T_RC, T_COMMA, T_COLON, T_PLUS, T_MINUS, T_STAR, T_BSLASH,
    T_PCT, T_AMP, T_PIPE, T_CARET, T_TILDE, T_SLASH, T_ASSIGN, T_LT, T_GT, T_DOT
};
_Static_assert(sizeof punct2 == 2 * sizeof punct2_kind + 1, "punct2 table");
_Static_assert(sizeof punct1 == sizeof punct1_kind + 1, "punct1 table");

/* Read the next token into ps->t. */
static int lex(struct parser *ps)
{
    const char *s, *q;
    size_t i;
    int rc;
    char c;

    rc = skip_space(ps);
    if (rc != IH_OK) {
        return rc;
    }
    ps->t.line = ps->line;
    ps->t.s = ps->p;
    ps->t.n = 0;
    if (ps->p >= ps->end) {
        ps->t.kind = T_EOF;
        return IH_OK;
    }
    s = ps->p;
    c = *s;
    if (c == '"') {
        return lex_text(ps);
    }
    if (is_digit(c)) {
        return lex_int(ps);
    }
    if (is_idc(c) || c == '$' || c == '#' || c == '@' || (c == '!' && (ps->end - s < 2 || s[1] != '='))) {
        const char *e = s + 1;

        if (is_idc(c)) {
            ps->t.kind = T_IDENT;
        } else {
            ps->t.kind = c == '$' ? T_SID : c == '#' ? T_CID : c == '@' ? T_OID : T_LID;
        }
        while (e < ps->end && is_idc(*e)) {
            e++;
        }
        if (ps->t.kind == T_SID && e < ps->end && *e == '*') {
            e++;
        }
        if ((size_t)(e - s) > RULES_MAX_NAME) {
            return perr(ps, ps->line, IH_ETOOBIG, "identifier longer than %u", RULES_MAX_NAME);
        }
        ps->t.n = (size_t)(e - s);
        ps->p = e;
        return IH_OK;
    }
    for (i = 0; i + 1 < sizeof punct2; i += 2) {
        if (ps->end - s >= 2 && c == punct2[i] && s[1] == punct2[i + 1]) {
            ps->t.kind = (enum tk)punct2_kind[i / 2];
            ps->p += 2;
            ps->t.n = 2;
            return IH_OK;
        }
    }
    q = memchr(punct1, c, sizeof punct1 - 1);
    if (!q) {
        if ((unsigned char)c >= 0x20 && (unsigned char)c < 0x7f) {
            return perr(ps, ps->line, IH_EPARSE, "syntax error, unexpected '%c'", c);
        }
        return perr(ps, ps->line, IH_EPARSE, "syntax error, unexpected byte 0x%02x",
                    (unsigned)(unsigned char)c);
    }
    ps->t.kind = (enum tk)punct1_kind[q - punct1];
    ps->p++;
    ps->t.n = 1;
    return IH_OK;
}

static int is_kw(const struct parser *ps, const char *kw)
{
    size_t n = strlen(kw);

    return ps->t.kind == T_IDENT && ps->t.n == n && memcmp(ps->t.s, kw, n) == 0;
}

static int expect(struct parser *ps, enum tk kind, const char *what)
{
    if (ps->t.kind != kind) {
        return perr(ps, ps->t.line, IH_EPARSE, "syntax error, expected %s", what);
    }
    return lex(ps);
}

static int expect_kw(struct parser *ps, const char *kw)
{
    if (!is_kw(ps, kw)) {
        return perr(ps, ps->t.line, IH_EPARSE, "syntax error, expected '%s'", kw);
    }
    return lex(ps);
}

/*
 * Index of S[0..N) in LIST, words separated by NULs and ended by an empty
 * word ("a\0b\0"), or -1.
 */
static int word_index(const char *list, const char *s, size_t n)
{
    int i;

    for (i = 0; *list; i++) {
        size_t l = strlen(list);

        if (l == n && memcmp(list, s, n) == 0) {
            return i;
        }
        list += l + 1;
    }
    return -1;
}

/*
 * YARA 4.2 keywords: never rule names; the unsupported ones are refused.
 * The intN/uintN readers, the string operators and the string modifiers
 * come first, each group in the order of its table (kw_group).
 */
#define KW_READERS   0      /* 12, RN_READ size and flags in reader_v */
#define KW_STR_OPS   12     /* 8, SC_* order (rules_int.h) */
#define KW_STR_MODS  20     /* 8, flags in str_mod_flag, then the refused */
static const char keywords[] =
    "uint8\0uint16\0uint32\0uint8be\0uint16be\0uint32be\0"
    "int8\0int16\0int32\0int8be\0int16be\0int32be\0"
    "contains\0icontains\0startswith\0istartswith\0endswith\0iendswith\0iequals\0matches\0"
    "nocase\0wide\0ascii\0fullword\0private\0xor\0base64\0base64wide\0"
    "all\0and\0any\0at\0condition\0defined\0entrypoint\0false\0filesize\0for\0global\0"
    "import\0in\0include\0meta\0none\0not\0of\0or\0rule\0strings\0them\0true\0";

static int is_keyword(const char *s, size_t n)
{
    return word_index(keywords, s, n) >= 0;
}

/* The index of the current word in the N keywords from FROM, or -1. */
static int kw_group(const struct parser *ps, int from, int n)
{
    int k = word_index(keywords, ps->t.s, ps->t.n) - from;

    return k >= 0 && k < n ? k : -1;
}

/* ---- hex strings -------------------------------------------------------- */

struct hexbuild {
    struct htok tok[RULES_MAX_HEX_TOKENS];
    unsigned n;
    unsigned branching;
    int unbounded;          /* has a [n-] jump */
};

static int hex_add(struct parser *ps, struct hexbuild *hb, uint8_t kind, uint8_t val, uint8_t mask,
                   unsigned a, unsigned b)
{
    if (hb->n >= RULES_MAX_HEX_TOKENS) {
        return perr(ps, ps->line, IH_ETOOBIG, "hex string longer than %u elements",
                    RULES_MAX_HEX_TOKENS);
    }
    hb->tok[hb->n].kind = kind;
    hb->tok[hb->n].val = val;
    hb->tok[hb->n].mask = mask;
    hb->tok[hb->n].a = (uint16_t)a;
    hb->tok[hb->n].b = (uint16_t)b;
    hb->n++;
    return IH_OK;
}

static int hex_skip(struct parser *ps)
{
    int rc = skip_space(ps);

    if (rc == IH_OK && ps->p >= ps->end) {
        return perr(ps, ps->line, IH_EPARSE, "unterminated hex string");
    }
    return rc;
}

/* One bound of a jump: optional decimal digits, then blanks.  *HAVE says
 * whether digits were there. */
static int hex_jump_bound(struct parser *ps, uint64_t *v, int *have)
{
    const char *d = ps->p;

    while (ps->p < ps->end && is_digit(*ps->p)) {
        ps->p++;
    }
    if (ps->p > d) {
        *have = 1;
        if (util_parse_dec(d, (size_t)(ps->p - d), RULES_MAX_SPAN, v) != IH_OK) {
            return perr(ps, ps->line, IH_ETOOBIG, "jump longer than %u", RULES_MAX_SPAN);
        }
    }
    return hex_skip(ps);
}

#define HEX_UNBOUNDED 0xffffffffu

/* jump := '[' [ DEC ] [ '-' [ DEC ] ] ']'   (cursor after '['; [n-] and [-]:
 * *HI = HEX_UNBOUNDED) */
static int hex_jump(struct parser *ps, unsigned *lo, unsigned *hi)
{
    uint64_t a = 0, b = 0;
    int rc, have_a = 0, have_b = 0, dash = 0;

    rc = hex_skip(ps);
    if (rc == IH_OK) {
        rc = hex_jump_bound(ps, &a, &have_a);
    }
    if (rc != IH_OK) {
        return rc;
    }
    if (*ps->p == '-') {
        dash = 1;
        ps->p++;
        rc = hex_skip(ps);
        if (rc == IH_OK) {
            rc = hex_jump_bound(ps, &b, &have_b);
        }
        if (rc != IH_OK) {
            return rc;
        }
    }
    if (*ps->p != ']') {
        return perr(ps, ps->line, IH_EPARSE, "invalid jump in hex string");
    }
    ps->p++;
    if (dash && !have_b) {
        /* [n-], [-]: up to YARA's scan limit (HEX_UNBOUNDED) */
        *lo = (unsigned)a;
        *hi = HEX_UNBOUNDED;
        return IH_OK;
    }
    if (!have_a) {
        return perr(ps, ps->line, IH_EPARSE, "invalid jump in hex string");
    }
    if (!dash) {
        if (a == 0) {
            return perr(ps, ps->line, IH_EPARSE, "invalid jump length");
        }
        b = a;
    }
    if (a > b) {
        return perr(ps, ps->line, IH_EPARSE, "invalid jump length");
    }
    *lo = (unsigned)a;
    *hi = (unsigned)b;
    return IH_OK;
}

/*
 * seq  := item { item }            (no jump first or last)
 * item := byte | jump | '(' seq { '|' seq } ')'
 * byte := ( HEX | '?' ) ( HEX | '?' )
 * Blanks and comments may separate items.  The span goes to MINL and MAXL.
 */
static int hex_seq(struct parser *ps, struct hexbuild *hb, unsigned level, unsigned *minl, unsigned *maxl)
{
    unsigned items = 0, mn = 0, mx = 0;
    int last_jump = 0, rc;

    if (level > 8) {
        return perr(ps, ps->line, IH_ETOOBIG, "hex alternatives nested too deeply");
    }
    for (;;) {
        char c;

        rc = hex_skip(ps);
        if (rc != IH_OK) {
            return rc;
        }
        c = *ps->p;
        if (c == '}' || c == '|' || c == ')') {
            break;
        }
        if (c == '[') {
            unsigned lo = 0, hi = 0;

            if (items == 0) {
                return perr(ps, ps->line, IH_EPARSE, "invalid hex string: leading jump");
            }
            ps->p++;
            rc = hex_jump(ps, &lo, &hi);
            if (rc != IH_OK) {
                return rc;
            }
            if (++hb->branching > RULES_MAX_HEX_BRANCHING) {
                return perr(ps, ps->line, IH_ETOOBIG, "more than %u jumps and alternatives",
                            RULES_MAX_HEX_BRANCHING);
            }
            if (hi == HEX_UNBOUNDED) {
                /* as YARA: not inside alternatives; the match stays within
                 * the scan limit, RULES_MAX_SPAN */
                if (level > 0) {
                    return perr(ps, ps->line, IH_EPARSE, "invalid hex string: unbounded jump in alternatives");
                }
                hb->unbounded = 1;
                hi = RULES_MAX_SPAN;
                rc = hex_add(ps, hb, HT_JUMP, 0, 0, lo, hi);
                hi = 0;
            } else {
                rc = hex_add(ps, hb, HT_JUMP, 0, 0, lo, hi);
            }
            mn += lo;
            mx += hi;
            last_jump = 1;
        } else if (c == '(') {
            unsigned alt = hb->n, br, bmin = UINT32_MAX, bmax = 0;

            ps->p++;
            if (++hb->branching > RULES_MAX_HEX_BRANCHING) {
                return perr(ps, ps->line, IH_ETOOBIG, "more than %u jumps and alternatives",
                            RULES_MAX_HEX_BRANCHING);
            }
            rc = hex_add(ps, hb, HT_ALT, 0, 0, 0, 0);
            for (;;) {
                unsigned smin = 0, smax = 0;

                if (rc != IH_OK) {
                    return rc;
                }
                br = hb->n;
                rc = hex_add(ps, hb, HT_BRANCH, 0, 0, 0, 0);
                if (rc == IH_OK) {
                    rc = hex_seq(ps, hb, level + 1, &smin, &smax);
                }
                if (rc == IH_OK) {
                    rc = hex_add(ps, hb, HT_GOTO, 0, 0, 0, 0);
                }
                if (rc != IH_OK) {
                    return rc;
                }
                bmin = smin < bmin ? smin : bmin;
                bmax = smax > bmax ? smax : bmax;
                if (*ps->p == ')') {
                    ps->p++;
                    break;
                }
                if (*ps->p != '|') {
                    return perr(ps, ps->line, IH_EPARSE, "invalid hex string: expected '|' or ')'");
                }
                ps->p++;
                hb->tok[br].a = (uint16_t)hb->n;   /* next BRANCH */
            }
            /* point every GOTO and the ALT at the end of the group; the
             * ALT keeps its shortest and longest branch */
            hb->tok[alt].a = (uint16_t)hb->n;
            hb->tok[alt].b = (uint16_t)bmin;
            hb->tok[alt].val = (uint8_t)bmax;
            hb->tok[alt].mask = (uint8_t)(bmax >> 8);
            for (br = alt + 1; br < hb->n; br++) {
                if (hb->tok[br].kind == HT_GOTO && hb->tok[br].a == 0) {
                    hb->tok[br].a = (uint16_t)hb->n;
                }
            }
            mn += bmin;
            mx += bmax;
            last_jump = 0;
        } else if (c == '~') {
            return unsup(ps, ps->line, "~", 1);
        } else {
            int h, l;
            uint8_t val = 0, mask = 0;

            if (ps->end - ps->p < 2) {
                return perr(ps, ps->line, IH_EPARSE, "unterminated hex string");
            }
            h = ps->p[0] == '?' ? 16 : hexval(ps->p[0]);
            l = ps->p[1] == '?' ? 16 : hexval(ps->p[1]);
            if (h < 0 || l < 0) {
                return perr(ps, ps->line, IH_EPARSE, "invalid hex string: unexpected '%c'",
                            hexval(ps->p[0]) < 0 && ps->p[0] != '?' ? ps->p[0] : ps->p[1]);
            }
            if (h < 16) {
                val |= (uint8_t)(h << 4);
                mask |= 0xf0;
            }
            if (l < 16) {
                val |= (uint8_t)l;
                mask |= 0x0f;
            }
            ps->p += 2;
            rc = hex_add(ps, hb, HT_BYTE, val, mask, 0, 0);
            mn++;
            mx++;
            last_jump = 0;
        }
        if (rc != IH_OK) {
            return rc;
        }
        items++;
        if (mx > RULES_MAX_SPAN) {
            return perr(ps, ps->line, IH_ETOOBIG, "hex string may match more than %u bytes",
                        RULES_MAX_SPAN);
        }
    }
    if (items == 0) {
        return perr(ps, ps->line, IH_EPARSE, "empty hex string or alternative");
    }
    if (last_jump) {
        return perr(ps, ps->line, IH_EPARSE, "invalid hex string: trailing jump");
    }
    *minl = mn;
    *maxl = mx;
    return IH_OK;
}

/* ---- nodes ---------------------------------------------------------- */

static int node_new(struct parser *ps, uint8_t op, uint8_t type, uint32_t *out)
{
    struct rules *rs = ps->rs;
    struct rnode *n;
    int rc;

    rc = grow(rs, (void **)&rs->nodes, &rs->capnodes, rs->nnodes + 1, sizeof *rs->nodes,
              RULES_MAX_NODES);
    if (rc != IH_OK) {
        return perr(ps, ps->t.line, rc, "conditions larger than %u nodes", RULES_MAX_NODES);
    }
    n = &rs->nodes[rs->nnodes];
    memset(n, 0, sizeof *n);
    n->op = op;
    n->type = type;
    *out = rs->nnodes++;
    return IH_OK;
}

#define NODE(i) (ps->rs->nodes[(i)])

static const struct rrule *cur_rule(const struct parser *ps)
{
    return &ps->rs->rules[ps->rule];
}

/* Index of string NAME[0..N) of the current rule, or -1. */
static long find_string(struct parser *ps, const char *name, size_t n)
{
    const struct rrule *r = cur_rule(ps);
    uint32_t i;

    for (i = r->str_first; i < r->str_first + r->str_count; i++) {
        const char *sn = ps->rs->strs[i].name;

        if (!(ps->rs->strs[i].flags & RS_ANON) && strlen(sn) == n && memcmp(sn, name, n) == 0) {
            return (long)i;
        }
    }
    return -1;
}

/* The string named by token T ("$a", "#a", "@a": same string "$a"). */
static int string_ref(struct parser *ps, uint32_t *idx)
{
    char name[RULES_MAX_NAME + 1];
    long i;

    if (ps->t.n < 2) {
        if (!ps->in_of) {
            return perr(ps, ps->t.line, IH_EPARSE, "wrong use of anonymous string");
        }
        *idx = RN_CUR;
        return IH_OK;
    }
    if (ps->t.s[ps->t.n - 1] == '*') {
        return perr(ps, ps->t.line, IH_EPARSE, "string wildcard outside 'of'");
    }
    name[0] = '$';
    memcpy(name + 1, ps->t.s + 1, ps->t.n - 1);
    i = find_string(ps, name, ps->t.n);
    if (i < 0) {
        return perr(ps, ps->t.line, IH_EPARSE, "undefined string \"%.*s\"", (int)ps->t.n, name);
    }
    ps->rs->strs[i].used = 1;
    *idx = (uint32_t)i;
    return IH_OK;
}

static int parse_or(struct parser *ps, uint32_t *out);
static int parse_arith(struct parser *ps, uint32_t *out);
static int parse_primary(struct parser *ps, uint32_t *out);

static int need_type(struct parser *ps, uint32_t n, int boolish, unsigned long line)
{
    uint8_t t = NODE(n).type;

    if (boolish ? (t == RT_BOOL || t == RT_INT) : t == RT_INT) {
        return IH_OK;
    }
    return perr(ps, line, IH_EPARSE, "wrong type: %s expected", boolish ? "boolean" : "integer");
}

/* set := 'them' | '(' SID ['*'] { ',' SID ['*'] } ')' */
static int parse_set(struct parser *ps, uint32_t *first, uint32_t *count)
{
    struct rules *rs = ps->rs;
    const struct rrule *r = cur_rule(ps);
    uint32_t i, start = rs->nsets;
    int rc;

    if (is_kw(ps, "them")) {
        if (r->str_count == 0) {
            return perr(ps, ps->t.line, IH_EPARSE, "'them' in a rule without strings");
        }
        rc = grow(rs, (void **)&rs->sets, &rs->capsets, rs->nsets + r->str_count,
                  sizeof *rs->sets, RULES_MAX_NODES);
        if (rc != IH_OK) {
            return perr(ps, ps->t.line, rc, "string sets too large");
        }
        for (i = r->str_first; i < r->str_first + r->str_count; i++) {
            rs->strs[i].used = 1;
            rs->sets[rs->nsets++] = i;
        }
        *first = start;
        *count = r->str_count;
        return lex(ps);
    }
    rc = expect(ps, T_LP, "'them' or '('");
    if (rc != IH_OK) {
        return rc;
    }
    for (;;) {
        unsigned found = 0;
        size_t plen;
        int wild;

        if (ps->t.kind != T_SID || ps->t.n < 2) {
            return perr(ps, ps->t.line, IH_EPARSE, "syntax error, expected a string identifier");
        }
        wild = ps->t.s[ps->t.n - 1] == '*';
        plen = ps->t.n - (size_t)wild;
        for (i = r->str_first; i < r->str_first + r->str_count; i++) {
            const char *sn = rs->strs[i].name;
            size_t sl = strlen(sn);

            if ((rs->strs[i].flags & RS_ANON) && !(wild && plen == 1)) {
                continue;   /* '$*' takes the anonymous strings too */
            }
            if (wild ? (sl >= plen && memcmp(sn, ps->t.s, plen) == 0)
                     : (sl == plen && memcmp(sn, ps->t.s, plen) == 0)) {
                rc = grow(rs, (void **)&rs->sets, &rs->capsets, rs->nsets + 1, sizeof *rs->sets,
                          RULES_MAX_NODES);
                if (rc != IH_OK) {
                    return perr(ps, ps->t.line, rc, "string sets too large");
                }
                rs->strs[i].used = 1;
                rs->sets[rs->nsets++] = i;
                found++;
            }
        }
        if (!found) {
            return perr(ps, ps->t.line, IH_EPARSE, "undefined string \"%.*s\"", (int)ps->t.n, ps->t.s);
        }
        rc = lex(ps);
        if (rc != IH_OK) {
            return rc;
        }
        if (ps->t.kind == T_RP) {
            break;
        }
        rc = expect(ps, T_COMMA, "',' or ')'");
        if (rc != IH_OK) {
            return rc;
        }
    }
    *first = start;
    *count = rs->nsets - start;
    return lex(ps);
}

/* An integer expression: arith, of type integer. */
static int parse_int(struct parser *ps, uint32_t *out)
{
    unsigned long line = ps->t.line;
    int rc = parse_arith(ps, out);

    return rc == IH_OK ? need_type(ps, *out, 0, line) : rc;
}

/*
 * iter := '(' int '..' int ')' | '(' int { ',' int } ')'   (LIST: lists allowed)
 * A range sets *LO, *HI and returns FOR_RANGE; a list is stored in
 * rs->sets from *LO, *HI items, and gives FOR_LIST.
 */
static int parse_iter(struct parser *ps, int list, uint32_t *lo, uint32_t *hi, unsigned *kind)
{
    struct rules *rs = ps->rs;
    uint32_t first = rs->nsets, x;
    int rc;

    if (list && ps->t.kind == T_IDENT) {     /* a module's array or dictionary */
        return unsup(ps, ps->t.line, "for ... in array", 16);
    }
    rc = expect(ps, T_LP, "'('");
    if (rc == IH_OK) {
        rc = parse_int(ps, lo);
    }
    if (rc != IH_OK) {
        return rc;
    }
    if (ps->t.kind == T_DOTDOT || !list) {
        *kind = FOR_RANGE;
        rc = expect(ps, T_DOTDOT, "'..'");
        if (rc == IH_OK) {
            rc = parse_int(ps, hi);
        }
        return rc == IH_OK ? expect(ps, T_RP, "')'") : rc;
    }
    *kind = FOR_LIST;
    x = *lo;
    for (;;) {
        rc = grow(rs, (void **)&rs->sets, &rs->capsets, rs->nsets + 1, sizeof *rs->sets, RULES_MAX_NODES);
        if (rc != IH_OK) {
            return perr(ps, ps->t.line, rc, "string sets too large");
        }
        rs->sets[rs->nsets++] = x;
        if (ps->t.kind != T_COMMA) {
            break;
        }
        rc = lex(ps);
        if (rc == IH_OK) {
            rc = parse_int(ps, &x);
        }
        if (rc != IH_OK) {
            return rc;
        }
    }
    *lo = first;
    *hi = rs->nsets - first;
    return expect(ps, T_RP, "')'");
}

/* 'in' range (cursor on 'in'): *LO, *HI the bounds' nodes */
static int parse_in(struct parser *ps, uint32_t *lo, uint32_t *hi)
{
    unsigned kind;
    int rc = lex(ps);

    return rc == IH_OK ? parse_iter(ps, 0, lo, hi, &kind) : rc;
}

/* ':' '(' bool ')' : the body of a for loop */
static int parse_body(struct parser *ps, uint32_t *body)
{
    unsigned long line = ps->t.line;
    int rc = expect(ps, T_COLON, "':'");

    if (rc == IH_OK) {
        rc = expect(ps, T_LP, "'('");
    }
    if (rc == IH_OK) {
        rc = parse_or(ps, body);
    }
    if (rc == IH_OK) {
        rc = need_type(ps, *body, 1, line);
    }
    return rc == IH_OK ? expect(ps, T_RP, "')'") : rc;
}

/*
 * of     := quant 'of' set [ 'in' iter ]            (Q: quantifier, PCT: a percentage)
 * for-of := 'for' quant 'of' set ':' '(' bool ')'   (FOR)
 * Both are RN_FOR over the set's strings; a plain 'of' has the body '$'
 * (or '$ in (..)').
 */
static int parse_of(struct parser *ps, uint32_t q, unsigned pct, int isfor, uint32_t *out)
{
    uint32_t n, body = 0, first = 0, count = 0, lo = 0, hi = 0;
    unsigned long line = ps->t.line;
    int rc;

    if (!IS_OF_CONST(q)) {
        rc = need_type(ps, q, 0, line);
        if (rc != IH_OK) {
            return rc;
        }
        if (pct && NODE(q).op == RN_INT && (NODE(q).v < 1 || NODE(q).v > 100)) {
            return perr(ps, line, IH_EPARSE, "percentage must be between 1 and 100 (inclusive)");
        }
    }
    rc = expect_kw(ps, "of");
    if (rc == IH_OK) {
        rc = parse_set(ps, &first, &count);
    }
    if (rc != IH_OK) {
        return rc;
    }
    if (isfor) {
        if (ps->in_of) {
            return perr(ps, line, IH_EPARSE, "'for <quantifier> of <string set>' loops can't be nested");
        }
        ps->in_of = 1;
        rc = parse_body(ps, &body);
        ps->in_of = 0;
    } else if (is_kw(ps, "in")) {
        rc = parse_in(ps, &lo, &hi);
        if (rc == IH_OK) {
            rc = node_new(ps, RN_IN, RT_BOOL, &body);
        }
    } else {
        rc = node_new(ps, RN_FOUND, RT_BOOL, &body);
    }
    if (rc == IH_OK) {
        rc = node_new(ps, RN_FOR, RT_BOOL, &n);
    }
    if (rc != IH_OK) {
        return rc;
    }
    if (!isfor) {
        NODE(body).sidx = RN_CUR;
        NODE(body).a = lo;
        NODE(body).b = hi;
    }
    NODE(n).a = q;
    NODE(n).b = first;
    NODE(n).c = count;
    NODE(n).sidx = body;
    NODE(n).v = FOR_OF | pct;
    *out = n;
    return IH_OK;
}

/* for := 'for' quant ( 'of' set | ID 'in' iter ) ':' '(' bool ')'   (cursor after 'for') */
static int parse_for(struct parser *ps, uint32_t *out)
{
    unsigned long line = ps->t.line;
    unsigned kind = 0, slot = ps->loops;
    uint32_t q, n, lo = 0, hi = 0, body = 0;
    int rc, qi = word_index("all\0any\0none\0", ps->t.s, ps->t.n);

    if (slot >= RULES_MAX_LOOPS) {
        return perr(ps, line, IH_EPARSE, "loop nesting limit exceeded");
    }
    if (ps->t.kind == T_IDENT && qi >= 0) {
        q = OF_ALL - (uint32_t)qi;
        rc = lex(ps);
    } else {
        ps->quant = 1;
        rc = parse_primary(ps, &q);
    }
    if (rc != IH_OK) {
        return rc;
    }
    ps->loops++;
    if (is_kw(ps, "of")) {
        rc = parse_of(ps, q, 0, 1, out);
        ps->loops--;
        return rc;
    }
    if (!IS_OF_CONST(q)) {
        rc = need_type(ps, q, 0, line);
    }
    if (rc == IH_OK && (ps->t.kind != T_IDENT || is_keyword(ps->t.s, ps->t.n))) {
        rc = perr(ps, ps->t.line, IH_EPARSE, "syntax error, expected a loop variable");
    }
    if (rc == IH_OK) {
        size_t vl = ps->t.n;
        unsigned k;

        for (k = 0; k < slot; k++) {
            if (ps->varlen[k] == vl && memcmp(ps->var[k], ps->t.s, vl) == 0) {
                rc = perr(ps, ps->t.line, IH_EPARSE, "duplicated loop identifier \"%.*s\"", (int)vl,
                          ps->t.s);
            }
        }
        ps->var[slot] = ps->t.s;
        ps->varlen[slot] = 0;   /* not in scope in its own range */
        if (rc == IH_OK) {
            rc = lex(ps);
        }
        if (rc == IH_OK) {
            rc = expect_kw(ps, "in");
        }
        if (rc == IH_OK) {
            rc = parse_iter(ps, 1, &lo, &hi, &kind);
        }
        ps->varlen[slot] = vl;
    }
    if (rc == IH_OK) {
        rc = parse_body(ps, &body);
    }
    if (rc == IH_OK) {
        rc = node_new(ps, RN_FOR, RT_BOOL, &n);
    }
    ps->loops--;
    if (rc == IH_OK) {
        NODE(n).a = q;
        NODE(n).b = lo;
        NODE(n).c = hi;
        NODE(n).sidx = body;
        NODE(n).v = kind | slot << FOR_SLOT;
        *out = n;
    }
    return rc;
}

/* intN/uintN readers (KW_READERS): their RN_READ size and flags. */
static const uint8_t reader_v[] = {
    1, 2, 4, 1 | RN_READ_BE, 2 | RN_READ_BE, 4 | RN_READ_BE,
    1 | RN_READ_SIGNED, 2 | RN_READ_SIGNED, 4 | RN_READ_SIGNED,
    1 | RN_READ_SIGNED | RN_READ_BE, 2 | RN_READ_SIGNED | RN_READ_BE,
    4 | RN_READ_SIGNED | RN_READ_BE,
};

static const char modules[] =
    "pe\0elf\0math\0cuckoo\0magic\0dotnet\0time\0console\0string\0";

/* MOD '.' NAME: the cursor on MOD, then on NAME. */
static int parse_member(struct parser *ps, const char *mod, unsigned long line)
{
    int rc = lex(ps);

    if (rc == IH_OK) {
        rc = expect(ps, T_DOT, "'.'");
    }
    if (rc == IH_OK && ps->t.kind != T_IDENT) {
        rc = perr(ps, line, IH_EPARSE, "syntax error after '%s.'", mod);
    }
    return rc;
}

/* MOD.NAME, NAME at the cursor, is valid YARA this engine does not have. */
static int unsup_member(struct parser *ps, const char *mod, unsigned long line)
{
    char what[RULES_MAX_NAME + 8];

    (void)util_fmt(what, sizeof what, "%s.%.*s", mod, (int)ps->t.n, ps->t.s);
    return unsup(ps, line, what, strlen(what));
}

/* hash.NAME '(' 0 ',' filesize ')' ; cursor on 'hash' */
static int parse_hash(struct parser *ps, uint32_t *out)
{
    unsigned long line = ps->t.line;
    uint32_t n, a0, a1;
    unsigned alg;
    int rc;

    if (!(ps->rs->imported & IMPORT_HASH)) {
        return perr(ps, line, IH_EPARSE, "undefined identifier \"hash\"");
    }
    rc = parse_member(ps, "hash", line);
    if (rc != IH_OK) {
        return rc;
    }
    if (is_kw(ps, "md5")) {
        alg = HASH_MD5;
    } else if (is_kw(ps, "sha1")) {
        alg = HASH_SHA1;
    } else if (is_kw(ps, "sha256")) {
        alg = HASH_SHA256;
    } else {
        return unsup_member(ps, "hash", line);
    }
    rc = lex(ps);
    if (rc == IH_OK) {
        rc = expect(ps, T_LP, "'('");
    }
    if (rc != IH_OK) {
        return rc;
    }
    if (ps->t.kind == T_TEXT) {
        return unsup(ps, line, "hash of a string", 16);
    }
    rc = parse_arith(ps, &a0);
    if (rc == IH_OK) {
        rc = expect(ps, T_COMMA, "','");
    }
    if (rc == IH_OK) {
        rc = parse_arith(ps, &a1);
    }
    if (rc == IH_OK) {
        rc = expect(ps, T_RP, "')'");
    }
    if (rc != IH_OK) {
        return rc;
    }
    if (NODE(a0).op != RN_INT || NODE(a0).v != 0 || NODE(a1).op != RN_FILESIZE) {
        return unsup(ps, line, "hash range other than (0, filesize)", 35);
    }
    rc = node_new(ps, RN_HASH, RT_STR, &n);
    if (rc != IH_OK) {
        return rc;
    }
    NODE(n).v = alg;
    ps->rs->hash_used |= alg;
    *out = n;
    return IH_OK;
}

/* Module 'elf': header fields (EF_* order), members of sections[] and
 * segments[], and the constants with their values (elf_cval; 0xff and 0xfe
 * stand for PT_GNU_EH_FRAME and PT_GNU_STACK). */
static const char elf_fields[] =
    "type\0machine\0entry_point\0ph_offset\0sh_offset\0ph_entry_size\0number_of_segments\0"
    "sh_entry_size\0number_of_sections\0";
static const char elf_sec[] = "name\0type\0flags\0address\0offset\0size\0";
static const char elf_seg[] =
    "type\0flags\0offset\0virtual_address\0physical_address\0file_size\0memory_size\0alignment\0";
static const char elf_consts[] =
    "ET_NONE\0ET_REL\0ET_EXEC\0ET_DYN\0ET_CORE\0"
    "EM_NONE\0EM_M32\0EM_SPARC\0EM_386\0EM_68K\0EM_88K\0EM_860\0EM_MIPS\0EM_MIPS_RS3_LE\0EM_PPC\0"
    "EM_PPC64\0EM_ARM\0EM_X86_64\0EM_AARCH64\0"
    "SHT_NULL\0SHT_PROGBITS\0SHT_SYMTAB\0SHT_STRTAB\0SHT_RELA\0SHT_HASH\0SHT_DYNAMIC\0SHT_NOTE\0"
    "SHT_NOBITS\0SHT_REL\0SHT_SHLIB\0SHT_DYNSYM\0"
    "SHF_WRITE\0SHF_ALLOC\0SHF_EXECINSTR\0"
    "PT_NULL\0PT_LOAD\0PT_DYNAMIC\0PT_INTERP\0PT_NOTE\0PT_SHLIB\0PT_PHDR\0PT_TLS\0"
    "PT_GNU_EH_FRAME\0PT_GNU_STACK\0"
    "PF_X\0PF_W\0PF_R\0";
static const uint8_t elf_cval[] = {
    0, 1, 2, 3, 4,
    0, 1, 2, 3, 4, 5, 7, 8, 10, 20, 21, 40, 62, 183,
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
    1, 2, 4,
    0, 1, 2, 3, 4, 5, 6, 7, 0xff, 0xfe,
    1, 2, 4,
};

/* elf.FIELD | elf.CONST | elf.(sections|segments) '[' arith ']' '.' MEMBER ;
 * cursor on 'elf' */
static int parse_elf(struct parser *ps, uint32_t *out)
{
    unsigned long line = ps->t.line;
    uint32_t n, idx = UINT32_MAX;
    int rc, f, arr;

    rc = parse_member(ps, "elf", line);
    if (rc != IH_OK) {
        return rc;
    }
    f = word_index(elf_consts, ps->t.s, ps->t.n);
    if (f >= 0) {   /* a value, not a constant of YARA's compile-time checks */
        rc = node_new(ps, RN_INT, RT_INT, &n);
        if (rc == IH_OK) {
            NODE(n).v = elf_cval[f] >= 0xfe ? 0x6474e551 - (elf_cval[f] & 1) : elf_cval[f];
            *out = n;
            rc = lex(ps);
        }
        return rc;
    }
    f = word_index(elf_fields, ps->t.s, ps->t.n);
    arr = word_index("sections\0segments\0", ps->t.s, ps->t.n);
    if (f < 0 && arr < 0) {     /* dynamic[], symtab[], dynsym[], their constants */
        return unsup_member(ps, "elf", line);
    }
    rc = lex(ps);
    if (rc == IH_OK && arr >= 0) {
        if (ps->t.kind != T_LB) {
            return perr(ps, line, IH_EPARSE, "wrong usage of identifier \"%s\"", arr ? "segments" : "sections");
        }
        rc = lex(ps);
        if (rc == IH_OK) {
            rc = parse_int(ps, &idx);
        }
        if (rc == IH_OK) {
            rc = expect(ps, T_RB, "']'");
        }
        if (rc == IH_OK) {
            rc = expect(ps, T_DOT, "'.'");
        }
        if (rc != IH_OK) {
            return rc;
        }
        f = ps->t.kind == T_IDENT ? word_index(arr ? elf_seg : elf_sec, ps->t.s, ps->t.n) : -1;
        if (f < 0) {
            return perr(ps, line, IH_EPARSE, "invalid field name \"%.*s\"", (int)ps->t.n, ps->t.s);
        }
        f += arr ? EF_P_TYPE : EF_S_NAME;
        rc = lex(ps);
    }
    if (rc == IH_OK) {
        rc = node_new(ps, RN_ELF, f == EF_S_NAME ? RT_STR : RT_INT, &n);
    }
    if (rc == IH_OK) {
        NODE(n).v = f;
        NODE(n).a = idx;
        *out = n;
    }
    return rc;
}

/* A string constant of a condition, kept in rs->consts. */
static int add_const(struct parser *ps, uint32_t *idx)
{
    struct rules *rs = ps->rs;
    unsigned cap = rs->capconsts;
    char *s;
    int rc;

    rc = grow(rs, (void **)&rs->consts, &rs->capconsts, rs->nconsts + 1, sizeof *rs->consts,
              RULES_MAX_NODES);
    if (rc == IH_OK && rs->capconsts != cap) {
        void *nl = rules_mem_realloc(rs, rs->constlen, (size_t)rs->capconsts * sizeof *rs->constlen);

        if (!nl) {
            rc = IH_ENOMEM;
        } else {
            rs->constlen = nl;
        }
    }
    if (rc != IH_OK) {
        return perr(ps, ps->t.line, rc, "too many string constants");
    }
    s = mem_strndup(rs, (const char *)ps->text, ps->textlen);
    if (!s) {
        return perr(ps, ps->t.line, IH_ENOMEM, "out of memory");
    }
    rs->consts[rs->nconsts] = s;
    rs->constlen[rs->nconsts] = ps->textlen;
    *idx = rs->nconsts++;
    return IH_OK;
}

/*
 * primary := '(' expr ')' | INT | TEXT | 'true' | 'false' | 'filesize'
 *          | READER '(' arith ')' | 'hash' '.' ALG '(' '0' ',' 'filesize' ')'
 *          | '$a' [ 'at' arith | 'in' '(' arith '..' arith ')' ]
 *          | '#a' | '@a' [ '[' arith ']' ] | RULE
 *          | ( 'all' | 'any' | primary ) 'of' set
 */
static int parse_primary(struct parser *ps, uint32_t *out)
{
    unsigned long line = ps->t.line;
    uint32_t n = 0, s;
    size_t i;
    int rc, ri, quant = ps->quant;

    ps->quant = 0;
    if (++ps->depth > RULES_MAX_DEPTH) {
        return perr(ps, line, IH_ETOOBIG, "condition nested deeper than %u", RULES_MAX_DEPTH);
    }
    switch (ps->t.kind) {
    case T_LP:
        rc = lex(ps);
        if (rc == IH_OK) {
            rc = parse_or(ps, &n);
        }
        if (rc == IH_OK) {
            rc = expect(ps, T_RP, "')'");
        }
        break;
    case T_INT:
        rc = node_new(ps, RN_INT, RT_INT, &n);
        if (rc == IH_OK) {
            NODE(n).v = NODE(n).cv = ps->t.ival;
            NODE(n).cconst = 1;
            rc = lex(ps);
        }
        break;
    case T_FLOAT:
        rc = unsup(ps, line, "float", 5);
        break;
    case T_TEXT:
        rc = add_const(ps, &s);
        if (rc == IH_OK) {
            rc = node_new(ps, RN_STR, RT_STR, &n);
        }
        if (rc == IH_OK) {
            NODE(n).sidx = s;
            rc = lex(ps);
        }
        break;
    case T_SLASH:
        rc = unsup(ps, line, "regular expression", 18);
        break;
    case T_SID:
        rc = string_ref(ps, &s);
        if (rc == IH_OK) {
            rc = lex(ps);
        }
        if (rc != IH_OK) {
            break;
        }
        if (is_kw(ps, "at")) {
            uint32_t off;

            rc = lex(ps);
            if (rc == IH_OK) {
                rc = parse_arith(ps, &off);
            }
            if (rc == IH_OK) {
                rc = need_type(ps, off, 0, line);
            }
            if (rc == IH_OK) {
                rc = node_new(ps, RN_AT, RT_BOOL, &n);
            }
            if (rc == IH_OK) {
                NODE(n).a = off;
            }
        } else if (is_kw(ps, "in")) {
            uint32_t lo = 0, hi = 0;

            rc = parse_in(ps, &lo, &hi);
            if (rc == IH_OK) {
                rc = node_new(ps, RN_IN, RT_BOOL, &n);
            }
            if (rc == IH_OK) {
                NODE(n).a = lo;
                NODE(n).b = hi;
            }
        } else {
            rc = node_new(ps, RN_FOUND, RT_BOOL, &n);
        }
        if (rc == IH_OK) {
            NODE(n).sidx = s;
        }
        break;
    case T_CID:
        rc = string_ref(ps, &s);
        if (rc == IH_OK) {
            rc = lex(ps);
        }
        if (rc == IH_OK) {
            uint32_t lo = 0, hi = 0;
            int in = is_kw(ps, "in");

            if (in) {
                rc = parse_in(ps, &lo, &hi);
            }
            if (rc == IH_OK) {
                rc = node_new(ps, RN_COUNT, RT_INT, &n);
            }
            if (rc == IH_OK) {
                NODE(n).sidx = s;
                NODE(n).a = lo;
                NODE(n).b = hi;
                NODE(n).c = (uint32_t)in;
            }
        }
        break;
    case T_OID:
    case T_LID: {
        uint8_t op = ps->t.kind == T_OID ? RN_OFFSET : RN_LENGTH;
        uint32_t idx;

        rc = string_ref(ps, &s);
        if (rc == IH_OK) {
            rc = lex(ps);
        }
        if (rc != IH_OK) {
            break;
        }
        if (ps->t.kind == T_LB) {
            rc = lex(ps);
            if (rc == IH_OK) {
                rc = parse_arith(ps, &idx);
            }
            if (rc == IH_OK) {
                rc = need_type(ps, idx, 0, line);
            }
            if (rc == IH_OK) {
                rc = expect(ps, T_RB, "']'");
            }
        } else {
            rc = node_new(ps, RN_INT, RT_INT, &idx);
            if (rc == IH_OK) {
                NODE(idx).v = 1;
            }
        }
        if (rc == IH_OK) {
            rc = node_new(ps, op, RT_INT, &n);
        }
        if (rc == IH_OK) {
            NODE(n).sidx = s;
            NODE(n).a = idx;
        }
        break;
    }
    case T_IDENT:
        ri = word_index("false\0true\0filesize\0all\0any\0none\0hash\0for\0", ps->t.s, ps->t.n);
        if (ri == 0 || ri == 1) {
            rc = node_new(ps, RN_BOOL, RT_BOOL, &n);
            if (rc == IH_OK) {
                NODE(n).v = ri;
                rc = lex(ps);
            }
            break;
        }
        if (ri == 2) {
            rc = node_new(ps, RN_FILESIZE, RT_INT, &n);
            if (rc == IH_OK) {
                rc = lex(ps);
            }
            break;
        }
        if (ri >= 3 && ri <= 5) {
            rc = lex(ps);
            if (rc == IH_OK) {
                rc = parse_of(ps, OF_ALL + 3 - (uint32_t)ri, 0, 0, &n);
            }
            break;
        }
        if (ri == 6) {
            rc = parse_hash(ps, &n);
            break;
        }
        if (ri == 7) {
            rc = lex(ps);
            if (rc == IH_OK) {
                rc = parse_for(ps, &n);
            }
            break;
        }
        for (i = 0; i < ps->loops; i++) {
            if (ps->varlen[i] == ps->t.n && memcmp(ps->var[i], ps->t.s, ps->t.n) == 0) {
                break;
            }
        }
        if (i < ps->loops) {
            rc = node_new(ps, RN_VAR, RT_INT, &n);
            if (rc == IH_OK) {
                NODE(n).sidx = (uint32_t)i;
                rc = lex(ps);
            }
            break;
        }
        ri = kw_group(ps, KW_READERS, 12);
        if (ri >= 0) {
            uint32_t off;

            rc = lex(ps);
            if (rc == IH_OK) {
                rc = expect(ps, T_LP, "'('");
            }
            if (rc == IH_OK) {
                rc = parse_int(ps, &off);
            }
            if (rc == IH_OK) {
                rc = expect(ps, T_RP, "')'");
            }
            if (rc == IH_OK) {
                rc = node_new(ps, RN_READ, RT_INT, &n);
            }
            if (rc == IH_OK) {
                NODE(n).a = off;
                NODE(n).v = reader_v[ri];
            }
            break;
        }
        if (is_kw(ps, "elf") && (ps->rs->imported & IMPORT_ELF)) {
            rc = parse_elf(ps, &n);
            break;
        }
        if (word_index(modules, ps->t.s, ps->t.n) >= 0) {
            return unsup(ps, line, ps->t.s, ps->t.n);
        }
        if (is_keyword(ps->t.s, ps->t.n)) {
            if (is_kw(ps, "entrypoint")) {
                rc = node_new(ps, RN_ENTRY, RT_INT, &n);
                if (rc == IH_OK) {
                    rc = lex(ps);
                }
                break;
            }
            return perr(ps, line, IH_EPARSE, "syntax error, unexpected '%.*s'", (int)ps->t.n, ps->t.s);
        }
        /* a rule declared earlier */
        for (i = 0; i < ps->rule; i++) {
            const char *rn = ps->rs->rules[i].name;

            if (strlen(rn) == ps->t.n && memcmp(rn, ps->t.s, ps->t.n) == 0) {
                break;
            }
        }
        if (i == ps->rule) {
            return perr(ps, line, IH_EPARSE, "undefined identifier \"%.*s\"", (int)ps->t.n, ps->t.s);
        }
        rc = node_new(ps, RN_RULE, RT_BOOL, &n);
        if (rc == IH_OK) {
            NODE(n).sidx = (uint32_t)i;
            rc = lex(ps);
        }
        if (rc == IH_OK && ps->t.kind == T_DOT) {
            rc = unsup(ps, line, "structure field", 15);
        }
        break;
    case T_EOF:
        rc = perr(ps, line, IH_EPARSE, "syntax error, unexpected end of file");
        break;
    default:
        rc = perr(ps, line, IH_EPARSE, "syntax error, unexpected '%.*s'", (int)ps->t.n, ps->t.s);
        break;
    }
    if (rc == IH_OK && !quant && is_kw(ps, "of")) {
        rc = parse_of(ps, n, 0, 0, &n);
    }
    ps->depth--;
    if (rc == IH_OK) {
        *out = n;
    }
    return rc;
}

/* unary := '-' unary | '~' unary | primary */
static int parse_unary(struct parser *ps, uint32_t *out)
{
    unsigned long line = ps->t.line;
    enum tk k = ps->t.kind;
    uint32_t a, n;
    int rc;

    if (k != T_MINUS && k != T_TILDE) {
        return parse_primary(ps, out);
    }
    if (++ps->depth > RULES_MAX_DEPTH) {
        return perr(ps, line, IH_ETOOBIG, "condition nested deeper than %u", RULES_MAX_DEPTH);
    }
    rc = lex(ps);
    if (rc == IH_OK) {
        rc = parse_unary(ps, &a);
    }
    ps->depth--;
    if (rc == IH_OK) {
        rc = need_type(ps, a, 0, line);
    }
    if (rc != IH_OK) {
        return rc;
    }
    if (NODE(a).op == RN_INT) {
        NODE(a).v = k == T_MINUS ? (int64_t)(0 - (uint64_t)NODE(a).v) : ~NODE(a).v;
        NODE(a).cv = k == T_MINUS ? (int64_t)(0 - (uint64_t)NODE(a).cv) : ~NODE(a).cv;
        *out = a;
        return IH_OK;
    }
    rc = node_new(ps, k == T_MINUS ? RN_NEG : RN_BNOT, RT_INT, &n);
    if (rc == IH_OK) {
        NODE(n).a = a;
        NODE(n).cconst = NODE(a).cconst;
        NODE(n).cv = k == T_MINUS ? (int64_t)(0 - (uint64_t)NODE(a).cv) : ~NODE(a).cv;
        *out = n;
    }
    return rc;
}

/* Binary integer operator levels, loosest first. */
static const struct {
    enum tk tok;
    uint8_t op;
    uint8_t level;
} binops[] = {
    { T_PIPE, RN_BOR, 0 }, { T_CARET, RN_BXOR, 1 }, { T_AMP, RN_BAND, 2 },
    { T_SHL, RN_SHL, 3 }, { T_SHR, RN_SHR, 3 },
    { T_PLUS, RN_ADD, 4 }, { T_MINUS, RN_SUB, 4 },
    { T_STAR, RN_MUL, 5 }, { T_BSLASH, RN_DIV, 5 }, { T_PCT, RN_MOD, 5 },
};
#define BIN_LEVELS 6

/*
 * A op B for constants, with the evaluator's semantics (wrapping); also
 * IH_EPARSE if a sum, difference or product does not fit 64 bits.
 */
static int fold_const(uint8_t op, int64_t a, int64_t b, int64_t *out)
{
    /* YARA: llabs(a) > INT64_MAX / llabs(b), llabs wrapping at INT64_MIN */
    int64_t la = a < 0 ? (int64_t)(0 - (uint64_t)a) : a;
    int64_t lb = b < 0 ? (int64_t)(0 - (uint64_t)b) : b;

    (void)rules_arith(op, a, b, out);   /* a divisor 0 is refused before */
    switch (op) {
    case RN_ADD:
        return (b > 0 && a > INT64_MAX - b) || (b < 0 && a < INT64_MIN - b) ? IH_EPARSE : IH_OK;
    case RN_SUB:
        return (b < 0 && a > INT64_MAX + b) || (b > 0 && a < INT64_MIN + b) ? IH_EPARSE : IH_OK;
    case RN_MUL:
        return b != 0 && la > INT64_MAX / lb ? IH_EPARSE : IH_OK;
    default:
        return IH_OK;
    }
}

/*
 * arith(level) := arith(level+1) { OP(level) arith(level+1) }
 * levels: '|'  '^'  '&'  '<<' '>>'  '+' '-'  '*' '\' '%'
 */
static int parse_bin(struct parser *ps, unsigned level, uint32_t *out)
{
    uint32_t l, r, n;
    int rc;

    rc = level >= BIN_LEVELS ? parse_unary(ps, &l) : parse_bin(ps, level + 1, &l);
    if (rc != IH_OK) {
        return rc;
    }
    for (;;) {
        unsigned long line = ps->t.line;
        size_t i;

        for (i = 0; i < sizeof binops / sizeof binops[0]; i++) {
            if (binops[i].level == level && binops[i].tok == ps->t.kind) {
                break;
            }
        }
        if (i == sizeof binops / sizeof binops[0]) {
            break;
        }
        rc = lex(ps);
        if (rc == IH_OK && binops[i].tok == T_PCT && is_kw(ps, "of")) {
            /* N% of set */
            rc = parse_of(ps, l, FOR_PCT, 0, &l);
            if (rc != IH_OK) {
                return rc;
            }
            continue;
        }
        if (rc == IH_OK) {
            rc = level + 1 >= BIN_LEVELS ? parse_unary(ps, &r) : parse_bin(ps, level + 1, &r);
        }
        if (rc == IH_OK) {
            rc = need_type(ps, l, 0, line);
        }
        if (rc == IH_OK) {
            rc = need_type(ps, r, 0, line);
        }
        if (rc != IH_OK) {
            return rc;
        }
        {
            uint8_t op = binops[i].op;
            int cc = NODE(l).cconst && NODE(r).cconst;
            int64_t cv = 0, v;

            /*
             * YARA's compiler computes constant operands to refuse a
             * constant divisor of 0 and a constant sum, difference or
             * product that overflows; it computes '>>' as '<<' there (the
             * code it runs is right).  Its refusals are reproduced with the
             * same values (cv); the values used (v) are the true ones.
             */
            if (cc && (op == RN_DIV || op == RN_MOD) && NODE(r).cv == 0) {
                return perr(ps, line, IH_EPARSE, "division by zero");
            }
            if ((op == RN_SHL || op == RN_SHR) && NODE(r).cconst && NODE(r).cv < 0) {
                return perr(ps, line, IH_EPARSE, "negative shift count");
            }
            if (cc && fold_const(op == RN_SHR ? RN_SHL : op, NODE(l).cv, NODE(r).cv, &cv) != IH_OK) {
                return perr(ps, line, IH_EPARSE, "integer overflow");
            }
            if (NODE(l).op == RN_INT && NODE(r).op == RN_INT &&
                !((op == RN_DIV || op == RN_MOD) && NODE(r).v == 0)) {
                (void)fold_const(op, NODE(l).v, NODE(r).v, &v);
                if (r == ps->rs->nnodes - 1) {
                    ps->rs->nnodes--;
                }
                NODE(l).v = v;
                NODE(l).cv = cv;
                continue;
            }
            rc = node_new(ps, op, RT_INT, &n);
            if (rc != IH_OK) {
                return rc;
            }
            NODE(n).a = l;
            NODE(n).b = r;
            NODE(n).cconst = (uint8_t)cc;
            NODE(n).cv = cv;
            l = n;
        }
    }
    *out = l;
    return IH_OK;
}

static int parse_arith(struct parser *ps, uint32_t *out)
{
    return parse_bin(ps, 0, out);
}

static int regex_literal(struct parser *ps, const uint8_t **src, size_t *n, unsigned *flags);

/* L 'matches' regex (cursor on 'matches'): RN_SCMP SC_MATCHES, b = the regex's const */
static int parse_matches(struct parser *ps, uint32_t l, uint32_t *out)
{
    struct rules *rs = ps->rs;
    unsigned long line = ps->t.line;
    const uint8_t *src = NULL;
    struct regex *re = NULL;
    const char *err = "";
    unsigned flags = 0;
    uint32_t n = 0, c = 0;
    size_t len = 0;
    int rc = lex(ps);

    if (rc == IH_OK && (ps->t.kind != T_SLASH || NODE(l).type != RT_STR)) {
        rc = perr(ps, line, IH_EPARSE, "wrong type: 'matches' takes a string and a regular expression");
    }
    if (rc == IH_OK) {
        rc = regex_literal(ps, &src, &len, &flags);
    }
    if (rc == IH_OK) {
        ps->textlen = 0;
        rc = add_const(ps, &c);
    }
    if (rc == IH_OK) {
        rc = rules_re_compile(rs, src, len, flags, &re, &err);
        if (rc != IH_OK) {
            return perr(ps, line, rc, "invalid regular expression: %s", err);
        }
        rules_mem_free(rs, rs->consts[c]);
        rs->consts[c] = (char *)re;
        rs->constlen[c] = RULES_CONST_REGEX;
        rc = lex(ps);
    }
    if (rc == IH_OK) {
        rc = node_new(ps, RN_SCMP, RT_BOOL, &n);
    }
    if (rc == IH_OK) {
        NODE(n).a = l;
        NODE(n).b = c;
        NODE(n).v = SC_MATCHES;
        *out = n;
    }
    return rc;
}

/*
 * cmp := arith [ ( '==' | '!=' | '<' | '<=' | '>' | '>=' | 'contains' |
 *                  'icontains' | 'startswith' | 'istartswith' | 'endswith' |
 *                  'iendswith' | 'iequals' ) arith ]
 * Both sides integers, or both strings; the word operators take strings.
 */
static int parse_cmp(struct parser *ps, uint32_t *out)
{
    uint32_t l, r, n;
    unsigned long line;
    uint8_t op;
    int rc, sop;

    rc = parse_arith(ps, &l);
    if (rc != IH_OK) {
        return rc;
    }
    line = ps->t.line;
    sop = ps->t.kind == T_IDENT ? kw_group(ps, KW_STR_OPS, 8) : -1;   /* SC_* */
    if (sop == SC_MATCHES - SC_CONTAINS) {
        return parse_matches(ps, l, out);
    }
    switch (ps->t.kind) {
    case T_EQ: op = RN_EQ; break;
    case T_NE: op = RN_NE; break;
    case T_LT: op = RN_LT; break;
    case T_LE: op = RN_LE; break;
    case T_GT: op = RN_GT; break;
    case T_GE: op = RN_GE; break;
    default:
        if (sop >= 0) {
            op = RN_SCMP;
            break;
        }
        if (NODE(l).type == RT_STR) {
            return perr(ps, line, IH_EPARSE, "wrong type: a string must be compared");
        }
        *out = l;
        return IH_OK;
    }
    rc = lex(ps);
    if (rc == IH_OK) {
        rc = parse_arith(ps, &r);
    }
    if (rc != IH_OK) {
        return rc;
    }
    if (op == RN_SCMP || NODE(l).type == RT_STR || NODE(r).type == RT_STR) {
        if (NODE(l).type != RT_STR || NODE(r).type != RT_STR) {
            return perr(ps, line, IH_EPARSE, "wrong type: a string compares with a string");
        }
        sop = op == RN_SCMP ? sop + SC_CONTAINS : op - RN_EQ;
        op = RN_SCMP;
    } else {
        rc = need_type(ps, l, 0, line);
        if (rc == IH_OK) {
            rc = need_type(ps, r, 0, line);
        }
        if (rc != IH_OK) {
            return rc;
        }
    }
    rc = node_new(ps, op, RT_BOOL, &n);
    if (rc != IH_OK) {
        return rc;
    }
    NODE(n).a = l;
    NODE(n).b = r;
    NODE(n).v = sop;
    *out = n;
    if (ps->t.kind >= T_EQ && ps->t.kind <= T_GE) {
        return perr(ps, ps->t.line, IH_EPARSE, "wrong type: comparison of a comparison");
    }
    return IH_OK;
}

/* not := ( 'not' | 'defined' ) not | cmp */
static int parse_not(struct parser *ps, uint32_t *out)
{
    unsigned long line = ps->t.line;
    int def = is_kw(ps, "defined");
    uint32_t a, n;
    int rc;

    if (!def && !is_kw(ps, "not")) {
        return parse_cmp(ps, out);
    }
    if (++ps->depth > RULES_MAX_DEPTH) {
        return perr(ps, line, IH_ETOOBIG, "condition nested deeper than %u", RULES_MAX_DEPTH);
    }
    rc = lex(ps);
    if (rc == IH_OK) {
        rc = parse_not(ps, &a);
    }
    ps->depth--;
    if (rc == IH_OK) {
        rc = need_type(ps, a, 1, line);
    }
    if (rc == IH_OK) {
        rc = node_new(ps, def ? RN_DEFINED : RN_NOT, RT_BOOL, &n);
    }
    if (rc == IH_OK) {
        NODE(n).a = a;
        *out = n;
    }
    return rc;
}

/* and := not { 'and' not } ;  or := and { 'or' and } */
static int parse_andor(struct parser *ps, int is_or, uint32_t *out)
{
    uint32_t l, r, n;
    int rc;

    rc = is_or ? parse_andor(ps, 0, &l) : parse_not(ps, &l);
    while (rc == IH_OK && is_kw(ps, is_or ? "or" : "and")) {
        unsigned long line = ps->t.line;

        rc = lex(ps);
        if (rc == IH_OK) {
            rc = is_or ? parse_andor(ps, 0, &r) : parse_not(ps, &r);
        }
        if (rc == IH_OK) {
            rc = need_type(ps, l, 1, line);
        }
        if (rc == IH_OK) {
            rc = need_type(ps, r, 1, line);
        }
        if (rc == IH_OK) {
            rc = node_new(ps, is_or ? RN_OR : RN_AND, RT_BOOL, &n);
        }
        if (rc == IH_OK) {
            NODE(n).a = l;
            NODE(n).b = r;
            l = n;
        }
    }
    if (rc == IH_OK) {
        *out = l;
    }
    return rc;
}

static int parse_or(struct parser *ps, uint32_t *out)
{
    int rc;

    if (++ps->depth > RULES_MAX_DEPTH) {
        return perr(ps, ps->t.line, IH_ETOOBIG, "condition nested deeper than %u", RULES_MAX_DEPTH);
    }
    rc = parse_andor(ps, 1, out);
    ps->depth--;
    return rc;
}

/* ---- rules ------------------------------------------------------------ */

/*
 * Children are always created before their parent, so the heights of the
 * nodes of a condition are known in one pass in index order.  The height
 * bounds the evaluator's recursion (long 'and' chains are deep).
 */
static int check_height(struct parser *ps, unsigned long line)
{
    struct rules *rs = ps->rs;
    uint32_t i;

    for (i = ps->first_node; i < rs->nnodes; i++) {
        struct rnode *n = &rs->nodes[i];
        uint32_t h = 0, j, k[4] = { UINT32_MAX, UINT32_MAX, UINT32_MAX, UINT32_MAX };

        switch (n->op) {
        case RN_INT: case RN_BOOL: case RN_STR: case RN_FILESIZE: case RN_FOUND:
        case RN_HASH: case RN_RULE: case RN_VAR: case RN_ENTRY:
            break;
        case RN_NOT: case RN_NEG: case RN_BNOT: case RN_OFFSET: case RN_LENGTH: case RN_AT: case RN_READ:
        case RN_DEFINED: case RN_ELF:
            k[0] = n->a;
            break;
        case RN_COUNT:
            if (n->c) {
                k[0] = n->a;
                k[1] = n->b;
            }
            break;
        case RN_SCMP:
            k[0] = n->a;
            k[1] = n->v == SC_MATCHES ? UINT32_MAX : n->b;
            break;
        case RN_FOR:
            k[0] = IS_OF_CONST(n->a) ? UINT32_MAX : n->a;
            k[1] = n->sidx;
            if ((n->v & FOR_KIND) == FOR_RANGE) {
                k[2] = n->b;
                k[3] = n->c;
            } else if ((n->v & FOR_KIND) == FOR_LIST) {
                for (j = n->b; j < n->b + n->c; j++) {
                    if (rs->nodes[rs->sets[j]].height > h) {
                        h = rs->nodes[rs->sets[j]].height;
                    }
                }
            }
            break;
        default:
            k[0] = n->a;
            k[1] = n->b;
            break;
        }
        for (j = 0; j < 4; j++) {
            if (k[j] != UINT32_MAX && rs->nodes[k[j]].height > h) {
                h = rs->nodes[k[j]].height;
            }
        }
        n->height = h + 1;
        if (n->height > RULES_MAX_HEIGHT) {
            return perr(ps, line, IH_ETOOBIG, "condition deeper than %u operations", RULES_MAX_HEIGHT);
        }
    }
    return IH_OK;
}

/* String modifiers (KW_STR_MODS): the flags of the first ones. */
static const uint8_t str_mod_flag[] = { RS_NOCASE, RS_WIDE, RS_ASCII, RS_FULLWORD, RS_PRIVATE };

/*
 * regex := '/' { byte | '\' byte } '/' { 'i' | 's' }   (cursor after the
 * first '/'; no newline inside).  Sets *SRC, *N to the text between the
 * slashes and *FLAGS; the cursor ends after the flags.
 */
static int regex_literal(struct parser *ps, const uint8_t **src, size_t *n, unsigned *flags)
{
    const char *b = ps->p, *e = ps->p;

    while (e < ps->end && *e != '/' && *e != '\n') {
        e += (*e == '\\' && e + 1 < ps->end && e[1] != '\n') ? 2 : 1;
    }
    if (e >= ps->end || *e != '/') {
        return perr(ps, ps->line, IH_EPARSE, "unterminated regular expression");
    }
    *src = (const uint8_t *)b;
    *n = (size_t)(e - b);
    *flags = 0;
    for (e++; e < ps->end && (*e == 'i' || *e == 's'); e++) {
        *flags |= *e == 'i' ? RE_F_NOCASE : RE_F_DOTALL;
    }
    ps->p = e;
    return IH_OK;
}

/* A regular expression string: regex { text_mod } (cursor after the '/'). */
static int parse_regex_def(struct parser *ps, struct rstring *st)
{
    unsigned long line = ps->t.line;
    const uint8_t *src = NULL;
    const char *err;
    unsigned reflags = 0;
    size_t n = 0;
    int rc;

    rc = regex_literal(ps, &src, &n, &reflags);
    if (rc == IH_OK) {
        rc = lex(ps);
    }
    while (rc == IH_OK && ps->t.kind == T_IDENT) {
        int mi = kw_group(ps, KW_STR_MODS, 8);

        if (mi < 0) {
            break;
        }
        if (mi >= (int)sizeof str_mod_flag) {
            return perr(ps, ps->t.line, IH_EPARSE, "invalid modifier for a regular expression");
        }
        if (st->flags & str_mod_flag[mi]) {
            return perr(ps, ps->t.line, IH_EPARSE, "duplicated modifier");
        }
        st->flags |= str_mod_flag[mi];
        rc = lex(ps);
    }
    if (rc != IH_OK) {
        return rc;
    }
    if (st->flags & RS_NOCASE) {
        reflags |= RE_F_NOCASE;
    }
    rc = rules_re_compile(ps->rs, src, n, reflags, &st->re, &err);
    if (rc != IH_OK) {
        return perr(ps, line, rc, "invalid regular expression \"%s\": %s", st->name, err);
    }
    if (!(st->flags & RS_WIDE)) {
        st->flags |= RS_ASCII;
    }
    st->flags |= RS_REGEX;
    st->minlen = 0;
    st->maxlen = RULES_RE_SCAN_LIMIT * ((st->flags & RS_WIDE) ? 2 : 1);
    return IH_OK;
}

/* The arguments of xor and base64/base64wide (parse-time only) */
struct variants {
    unsigned xlo, xhi;      /* xor keys */
    char alpha[65];         /* base64 alphabet; "" until given */
};

/* xor '(' INT [ '-' INT ] ')' | base64[wide] '(' TEXT ')'   (cursor on '(') */
static int mod_args(struct parser *ps, unsigned f, struct variants *v)
{
    unsigned long line = ps->t.line;
    int rc = lex(ps);

    if (rc != IH_OK) {
        return rc;
    }
    if (f == RS_XOR) {
        int64_t lo = ps->t.ival, hi = lo;

        rc = expect(ps, T_INT, "an integer");
        if (rc == IH_OK && ps->t.kind == T_MINUS) {
            rc = lex(ps);
            hi = ps->t.ival;
            if (rc == IH_OK) {
                rc = expect(ps, T_INT, "an integer");
            }
        }
        if (rc != IH_OK) {
            return rc;
        }
        if (lo < 0 || hi > 255) {
            return perr(ps, line, IH_EPARSE, "invalid xor range");
        }
        if (lo > hi) {
            return perr(ps, line, IH_EPARSE, "xor lower bound exceeds upper bound");
        }
        v->xlo = (unsigned)lo;
        v->xhi = (unsigned)hi;
    } else {
        if (ps->t.kind != T_TEXT || ps->textlen != 64 || memchr(ps->text, 0, 64)) {
            return perr(ps, line, IH_EPARSE, "length of base64 alphabet must be 64");
        }
        if (v->alpha[0] && memcmp(v->alpha, ps->text, 64) != 0) {
            return perr(ps, line, IH_EPARSE, "can not specify multiple alphabets");
        }
        memcpy(v->alpha, ps->text, 64);
        rc = lex(ps);
    }
    return rc == IH_OK ? expect(ps, T_RP, "')'") : rc;
}

/* Byte P of the string S (the wide form: FORM 1) after K bytes 'A'; 0 past its end */
static uint8_t b64_src(const struct rstring *s, unsigned form, size_t k, size_t p)
{
    if (p < k) {
        return 'A';
    }
    p -= k;
    return p < s->len << form && !(p & form) ? s->bytes[p >> form] : 0;
}

/*
 * xor: the key range, matched by the text matcher.  base64/base64wide: the
 * string becomes a hex string, the alternation of its variants: for the
 * ascii and/or the wide form, YARA's three base64 encodings (after 0, 1
 * and 2 bytes 'A', without the characters that depend on the neighbouring
 * bytes: the first k + 1 and, with padding, the last pad + 1), for
 * base64wide each character followed by 0.  Two passes: count, then write.
 */
static int text_variants(struct parser *ps, unsigned long line, struct rstring *st, struct variants *v)
{
    static const char std64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const char *alpha = v->alpha[0] ? v->alpha : std64, *bad = NULL;
    unsigned f = st->flags, pass, var, t = 0, prev = 0;
    struct htok *tok = NULL;

    if (f & RS_NOCASE) {
        bad = f & RS_XOR ? "xor nocase" : "base64 nocase";
    } else if ((f & RS_XOR) && (f & (RS_B64 | RS_B64W))) {
        bad = "base64 xor";
    } else if (!(f & RS_XOR) && (f & RS_FULLWORD)) {
        bad = "base64 fullword";
    }
    if (bad) {
        return perr(ps, line, IH_EPARSE, "invalid modifier combination: %s", bad);
    }
    st->xlo = (uint8_t)v->xlo;
    st->xhi = (uint8_t)v->xhi;
    if (f & RS_XOR) {
        return IH_OK;
    }
    st->minlen = UINT32_MAX;
    st->maxlen = 0;
    for (pass = 0; pass < 2; pass++) {
        for (t = 1, var = 0; var < 12; var++) {    /* form (ascii, wide) x base64[wide] x shift */
            unsigned form = var / 6, w = var / 3 % 2;
            size_t k = var % 3, slen = st->len << form, len = slen + k, pad = (3 - len % 3) % 3;
            size_t lead = k ? k + 1 : 0, n = (len + 2) / 3 * 4 - lead - (pad ? pad + 1 : 0), i;

            if (!(f & (form ? RS_WIDE : RS_ASCII)) || !(f & (w ? RS_B64W : RS_B64)) || (k == 1 && slen == 1)) {
                continue;
            }
            if (pass) {
                tok[t].kind = HT_BRANCH;
                tok[prev].a = (uint16_t)(prev ? t : 0);
                prev = t;
                for (i = 0; i < n << w; i++) {
                    size_t c = lead + (i >> w), q = c / 4 * 3;
                    uint32_t b = (uint32_t)b64_src(st, form, k, q) << 16 |
                                 (uint32_t)b64_src(st, form, k, q + 1) << 8 | b64_src(st, form, k, q + 2);

                    tok[t + 1 + i].kind = HT_BYTE;
                    tok[t + 1 + i].mask = 0xff;
                    tok[t + 1 + i].val = (i & w) ? 0 : (uint8_t)alpha[(b >> (18 - 6 * (c % 4))) & 63];
                }
                tok[t + 1 + i].kind = HT_GOTO;
            } else {
                st->minlen = (unsigned)(n << w) < st->minlen ? (unsigned)(n << w) : st->minlen;
                st->maxlen = (unsigned)(n << w) > st->maxlen ? (unsigned)(n << w) : st->maxlen;
            }
            t += 2 + (unsigned)(n << w);
        }
        if (!pass) {
            if (t >= RULES_MAX_HEX_TOKENS) {
                return perr(ps, line, IH_ETOOBIG, "base64 variants longer than %u elements", RULES_MAX_HEX_TOKENS);
            }
            tok = rules_mem_alloc(ps->rs, (t + 1) * sizeof *tok);
            if (!tok) {
                return perr(ps, line, IH_ENOMEM, "out of memory");
            }
            memset(tok, 0, (t + 1) * sizeof *tok);
        }
    }
    tok[0].kind = HT_ALT;
    tok[0].b = (uint16_t)st->minlen;
    tok[0].val = (uint8_t)st->maxlen;
    tok[0].mask = (uint8_t)(st->maxlen >> 8);
    for (var = 0; var < t; var++) {
        if (var == 0 || tok[var].kind == HT_GOTO) {
            tok[var].a = (uint16_t)t;
        }
    }
    tok[t].kind = HT_END;
    st->tok = tok;
    st->ntok = t + 1;
    st->flags = (f & (RS_PRIVATE | RS_ANON)) | RS_HEX;
    return IH_OK;
}

/*
 * string_def := SID '=' ( TEXT { text_mod } | regex { text_mod } | '{' hex '}' [ 'private' ] )
 * text_mod   := 'nocase' | 'wide' | 'ascii' | 'fullword' | 'private'
 */
static int parse_string_def(struct parser *ps)
{
    struct rules *rs = ps->rs;
    struct rrule *r = &rs->rules[ps->rule];
    struct variants v = { 0, 255, "" };
    struct rstring *st;
    unsigned long line = ps->t.line;
    struct hexbuild *hb = NULL;
    int rc;

    if (ps->t.n > 1 && ps->t.s[ps->t.n - 1] == '*') {
        return perr(ps, line, IH_EPARSE, "syntax error, unexpected '*'");
    }
    if (ps->t.n > 1 && find_string(ps, ps->t.s, ps->t.n) >= 0) {
        return perr(ps, line, IH_EPARSE, "duplicated string identifier \"%.*s\"", (int)ps->t.n, ps->t.s);
    }
    if (r->str_count >= RULES_MAX_RULE_STRINGS) {
        return perr(ps, line, IH_ETOOBIG, "more than %u strings in a rule", RULES_MAX_RULE_STRINGS);
    }
    rc = grow(rs, (void **)&rs->strs, &rs->capstrs, rs->nstrs + 1, sizeof *rs->strs, RULES_MAX_STRINGS);
    if (rc != IH_OK) {
        return perr(ps, line, rc, "more than %u strings", RULES_MAX_STRINGS);
    }
    st = &rs->strs[rs->nstrs];
    memset(st, 0, sizeof *st);
    st->rule = ps->rule;
    st->name = mem_strndup(rs, ps->t.s, ps->t.n);
    if (!st->name) {
        return perr(ps, line, IH_ENOMEM, "out of memory");
    }
    if (ps->t.n == 1) {
        st->flags |= RS_ANON;
    }
    rs->nstrs++;            /* owned by the set from here (undone on error) */
    r->str_count++;
    rc = lex(ps);
    if (rc == IH_OK) {
        rc = expect(ps, T_ASSIGN, "'='");
    }
    if (rc != IH_OK) {
        return rc;
    }
    if (ps->t.kind == T_TEXT) {
        if (ps->textlen == 0) {
            return perr(ps, line, IH_EPARSE, "empty string \"%s\"", st->name);
        }
        if (ps->textlen > RULES_MAX_STRING_LEN) {
            return perr(ps, line, IH_ETOOBIG, "string longer than %u bytes", RULES_MAX_STRING_LEN);
        }
        st->bytes = rules_mem_alloc(rs, ps->textlen);
        if (!st->bytes) {
            return perr(ps, line, IH_ENOMEM, "out of memory");
        }
        memcpy(st->bytes, ps->text, ps->textlen);
        st->len = ps->textlen;
        rc = lex(ps);
        while (rc == IH_OK && ps->t.kind == T_IDENT) {
            int mi = kw_group(ps, KW_STR_MODS, 8);
            unsigned f;

            if (mi < 0) {
                break;
            }
            f = mi < (int)sizeof str_mod_flag ? str_mod_flag[mi] : RS_XOR << (mi - (int)sizeof str_mod_flag);
            if (st->flags & f) {
                return perr(ps, ps->t.line, IH_EPARSE, "duplicated modifier");
            }
            st->flags |= f;
            rc = lex(ps);
            if (rc == IH_OK && f >= RS_XOR && ps->t.kind == T_LP) {
                rc = mod_args(ps, f, &v);
            }
        }
        if (rc != IH_OK) {
            return rc;
        }
        if (!(st->flags & RS_WIDE)) {
            st->flags |= RS_ASCII;
        }
        st->minlen = (unsigned)st->len;
        st->maxlen = (unsigned)((st->flags & RS_WIDE) ? 2 * st->len : st->len);
        return (st->flags & (RS_XOR | RS_B64 | RS_B64W)) ? text_variants(ps, line, st, &v) : IH_OK;
    }
    if (ps->t.kind == T_SLASH) {
        return parse_regex_def(ps, st);
    }
    if (ps->t.kind != T_LC) {
        return perr(ps, ps->t.line, IH_EPARSE, "syntax error, expected a string");
    }
    hb = malloc(sizeof *hb);
    if (!hb) {
        return perr(ps, line, IH_ENOMEM, "out of memory");
    }
    hb->n = 0;
    hb->branching = 0;
    hb->unbounded = 0;
    rc = hex_seq(ps, hb, 0, &st->minlen, &st->maxlen);
    if (hb->unbounded) {
        st->maxlen = RULES_MAX_SPAN;
    }
    if (rc == IH_OK && *ps->p != '}') {
        rc = perr(ps, ps->line, IH_EPARSE, "invalid hex string: unexpected '%c'", *ps->p);
    }
    if (rc == IH_OK) {
        ps->p++;
        rc = hex_add(ps, hb, HT_END, 0, 0, 0, 0);
    }
    if (rc == IH_OK) {
        st->tok = rules_mem_alloc(rs, hb->n * sizeof *hb->tok);
        if (!st->tok) {
            rc = perr(ps, line, IH_ENOMEM, "out of memory");
        }
    }
    if (rc == IH_OK) {
        memcpy(st->tok, hb->tok, hb->n * sizeof *hb->tok);
        st->ntok = hb->n;
        st->flags |= RS_HEX;
        rc = lex(ps);
    }
    free(hb);
    while (rc == IH_OK && ps->t.kind == T_IDENT) {
        if (is_kw(ps, "private") && !(st->flags & RS_PRIVATE)) {
            st->flags |= RS_PRIVATE;
            rc = lex(ps);
        } else if (kw_group(ps, KW_STR_MODS, 8) >= 0) {
            rc = perr(ps, ps->t.line, IH_EPARSE, "invalid modifier for a hex string");
        } else {
            break;
        }
    }
    return rc;
}

/* meta := 'meta' ':' { IDENT '=' ( TEXT | ['-'] INT | 'true' | 'false' ) } */
static int parse_meta(struct parser *ps)
{
    int rc = expect(ps, T_COLON, "':'");

    while (rc == IH_OK && ps->t.kind == T_IDENT && !is_kw(ps, "strings") && !is_kw(ps, "condition")) {
        rc = lex(ps);
        if (rc == IH_OK) {
            rc = expect(ps, T_ASSIGN, "'='");
        }
        if (rc != IH_OK) {
            return rc;
        }
        if (ps->t.kind == T_MINUS) {
            rc = lex(ps);
            if (rc == IH_OK && ps->t.kind != T_INT) {
                rc = perr(ps, ps->t.line, IH_EPARSE, "syntax error, expected a number");
            }
        } else if (ps->t.kind != T_TEXT && ps->t.kind != T_INT && !is_kw(ps, "true") &&
                   !is_kw(ps, "false")) {
            rc = perr(ps, ps->t.line, IH_EPARSE, "syntax error, bad meta value");
        }
        if (rc == IH_OK) {
            rc = lex(ps);
        }
    }
    return rc;
}

/*
 * rule := { 'private' | 'global' } 'rule' IDENT [ ':' IDENT { IDENT } ]
 *         '{' [ meta ] [ 'strings' ':' string_def { string_def } ]
 *         'condition' ':' or '}'
 */
static int parse_rule(struct parser *ps)
{
    struct rules *rs = ps->rs;
    struct rrule *r;
    struct {
        const char *s;
        size_t n;
    } tags[RULES_MAX_TAGS];
    unsigned flags = 0, ntags = 0;
    unsigned long line;
    uint32_t cond, i;
    int rc = IH_OK;

    while (is_kw(ps, "private") || is_kw(ps, "global")) {
        unsigned f = is_kw(ps, "private") ? RR_PRIVATE : RR_GLOBAL;

        if (flags & f) {
            return perr(ps, ps->t.line, IH_EPARSE, "duplicated rule modifier");
        }
        flags |= f;
        rc = lex(ps);
        if (rc != IH_OK) {
            return rc;
        }
    }
    rc = expect_kw(ps, "rule");
    if (rc != IH_OK) {
        return rc;
    }
    line = ps->t.line;
    if (ps->t.kind != T_IDENT || is_keyword(ps->t.s, ps->t.n)) {
        return perr(ps, line, IH_EPARSE, "syntax error, expected a rule name");
    }
    for (i = 0; i < rs->nrules; i++) {
        if (strlen(rs->rules[i].name) == ps->t.n && memcmp(rs->rules[i].name, ps->t.s, ps->t.n) == 0) {
            return perr(ps, line, IH_EPARSE, "duplicated identifier \"%.*s\"", (int)ps->t.n, ps->t.s);
        }
    }
    if ((rs->imported << 1 >> (word_index("hash\0elf\0", ps->t.s, ps->t.n) + 1)) & 1) {   /* a module */
        return perr(ps, line, IH_EPARSE, "duplicated identifier \"%.*s\"", (int)ps->t.n, ps->t.s);
    }
    rc = grow(rs, (void **)&rs->rules, &rs->caprules, rs->nrules + 1, sizeof *rs->rules, RULES_MAX_RULES);
    if (rc != IH_OK) {
        return perr(ps, line, rc, "more than %u rules", RULES_MAX_RULES);
    }
    r = &rs->rules[rs->nrules];
    memset(r, 0, sizeof *r);
    r->name = mem_strndup(rs, ps->t.s, ps->t.n);
    if (!r->name) {
        return perr(ps, line, IH_ENOMEM, "out of memory");
    }
    r->flags = flags;
    r->str_first = rs->nstrs;
    ps->rule = rs->nrules++;
    if (flags & RR_GLOBAL) {
        rs->has_global = 1;
    }
    rc = lex(ps);
    if (rc == IH_OK && ps->t.kind == T_COLON) {
        rc = lex(ps);
        if (rc == IH_OK && ps->t.kind != T_IDENT) {
            rc = perr(ps, ps->t.line, IH_EPARSE, "syntax error, expected a tag");
        }
        while (rc == IH_OK && ps->t.kind == T_IDENT) {
            unsigned k;

            for (k = 0; k < ntags; k++) {
                if (tags[k].n == ps->t.n && memcmp(tags[k].s, ps->t.s, ps->t.n) == 0) {
                    break;
                }
            }
            if (k < ntags) {
                rc = perr(ps, ps->t.line, IH_EPARSE, "duplicated tag identifier \"%.*s\"",
                          (int)ps->t.n, ps->t.s);
                break;
            }
            if (ntags == RULES_MAX_TAGS) {
                rc = perr(ps, ps->t.line, IH_ETOOBIG, "more than %u tags", RULES_MAX_TAGS);
                break;
            }
            tags[ntags].s = ps->t.s;
            tags[ntags++].n = ps->t.n;
            rc = lex(ps);
        }
    }
    if (rc == IH_OK) {
        rc = expect(ps, T_LC, "'{'");
    }
    if (rc == IH_OK && is_kw(ps, "meta")) {
        rc = lex(ps);
        if (rc == IH_OK) {
            rc = parse_meta(ps);
        }
    }
    if (rc == IH_OK && is_kw(ps, "strings")) {
        rc = lex(ps);
        if (rc == IH_OK) {
            rc = expect(ps, T_COLON, "':'");
        }
        if (rc == IH_OK && ps->t.kind != T_SID) {
            rc = perr(ps, ps->t.line, IH_EPARSE, "syntax error, expected a string identifier");
        }
        while (rc == IH_OK && ps->t.kind == T_SID) {
            rc = parse_string_def(ps);
        }
    }
    if (rc == IH_OK) {
        rc = expect_kw(ps, "condition");
    }
    if (rc == IH_OK) {
        rc = expect(ps, T_COLON, "':'");
    }
    ps->first_node = rs->nnodes;
    if (rc == IH_OK) {
        rc = parse_or(ps, &cond);
    }
    if (rc == IH_OK) {
        rc = need_type(ps, cond, 1, ps->t.line);
    }
    if (rc == IH_OK) {
        rc = expect(ps, T_RC, "'}'");
    }
    if (rc != IH_OK) {
        return rc;
    }
    r = &rs->rules[ps->rule];
    r->cond = cond;
    rc = check_height(ps, line);
    if (rc != IH_OK) {
        return rc;
    }
    for (i = r->str_first; i < r->str_first + r->str_count; i++) {
        if (!rs->strs[i].used && !(rs->strs[i].flags & RS_ANON)) {
            return perr(ps, line, IH_EPARSE, "unreferenced string \"%s\"", rs->strs[i].name);
        }
    }
    return IH_OK;
}

/* import := 'import' TEXT   ("hash"; "pe" only as long as it is not used) */
static int parse_import(struct parser *ps)
{
    unsigned long line = ps->t.line;
    int rc = lex(ps);

    if (rc != IH_OK) {
        return rc;
    }
    if (ps->t.kind != T_TEXT) {
        return perr(ps, line, IH_EPARSE, "syntax error, expected a module name");
    }
    if (ps->textlen == 4 && memcmp(ps->text, "hash", 4) == 0) {
        ps->rs->imported |= IMPORT_HASH;
    } else if (ps->textlen == 3 && memcmp(ps->text, "elf", 3) == 0) {
        ps->rs->imported |= IMPORT_ELF;
    } else if (!(ps->textlen == 2 && memcmp(ps->text, "pe", 2) == 0)) {
        char what[64];

        (void)util_fmt(what, sizeof what, "import \"%.*s\"",
                       (int)(ps->textlen > 32 ? 32 : ps->textlen), (const char *)ps->text);
        return unsup(ps, line, what, strlen(what));
    }
    return lex(ps);
}

/* Free what entries [nr.., ns.., nc..) own and cut the arrays back. */
static void truncate_set(struct rules *rs, unsigned nr, unsigned ns, unsigned nn, unsigned nsets,
                         unsigned nc)
{
    while (rs->nrules > nr) {
        rules_mem_free(rs, rs->rules[--rs->nrules].name);
    }
    while (rs->nstrs > ns) {
        struct rstring *s = &rs->strs[--rs->nstrs];

        rules_mem_free(rs, s->name);
        rules_mem_free(rs, s->bytes);
        rules_mem_free(rs, s->tok);
        rules_re_free(rs, s->re);
        rules_mem_free(rs, s->off);
    }
    while (rs->nconsts > nc) {
        char *c = rs->consts[--rs->nconsts];

        if (rs->constlen[rs->nconsts] == RULES_CONST_REGEX) {
            rules_re_free(rs, (struct regex *)c);
        } else {
            rules_mem_free(rs, c);
        }
    }
    rs->nnodes = nn;
    rs->nsets = nsets;
}

/*
 * source := { import | rule }   (blanks, // and / * * / comments between)
 * 'include' is refused.
 */
int rules_load_buffer(struct rules *rs, const char *name, const char *buf, size_t len)
{
    unsigned nr = rs->nrules, ns = rs->nstrs, nn = rs->nnodes, nsets = rs->nsets, nc = rs->nconsts;
    unsigned imported = rs->imported;
    int has_global = rs->has_global;
    unsigned hash_used = rs->hash_used;
    struct parser *ps;
    int rc;

    if (len > RULES_MAX_SOURCE) {
        util_diag(name, 0, "rule source larger than %u bytes", RULES_MAX_SOURCE);
        return IH_ETOOBIG;
    }
    ps = malloc(sizeof *ps);
    if (!ps) {
        return IH_ENOMEM;
    }
    memset(ps, 0, sizeof *ps);
    ps->rs = rs;
    ps->name = name;
    ps->p = buf;
    ps->end = buf + len;
    ps->line = 1;
    rules_uncompile(rs);
    rc = lex(ps);
    while (rc == IH_OK && ps->t.kind != T_EOF) {
        if (is_kw(ps, "import")) {
            rc = parse_import(ps);
        } else if (is_kw(ps, "include")) {
            rc = unsup(ps, ps->t.line, "include", 7);
        } else if (is_kw(ps, "rule") || is_kw(ps, "private") || is_kw(ps, "global")) {
            rc = parse_rule(ps);
        } else {
            rc = perr(ps, ps->t.line, IH_EPARSE, "syntax error, expected 'rule' or 'import'");
        }
    }
    if (rc != IH_OK) {
        truncate_set(rs, nr, ns, nn, nsets, nc);
        rs->imported = imported;
        rs->has_global = has_global;
        rs->hash_used = hash_used;
    }
    free(ps);
    return rc;
}

int rules_load_file(struct rules *rs, const char *path)
{
    char *buf = NULL;
    size_t len;
    int rc;

    rc = util_read_file(path, RULES_MAX_SOURCE, &buf, &len);
    if (rc != IH_OK) {
        util_diag(path, 0, "cannot read rules: %s", util_strerror(rc));
        return rc;
    }
    rc = rules_load_buffer(rs, path, buf, len);
    free(buf);
    return rc;
}

int rules_new(struct rules **out)
{
    struct rules *rs = calloc(1, sizeof *rs);

    if (!rs) {
        return IH_ENOMEM;
    }
    rs->heap_cur = rs->heap_peak = sizeof *rs;
    *out = rs;
    return IH_OK;
}

unsigned rules_count(const struct rules *rs)
{
    return rs->nrules;
}

size_t rules_heap_peak(const struct rules *rs)
{
    return rs->heap_peak;
}

void rules_free(struct rules *rs)
{
    if (!rs) {
        return;
    }
    rules_uncompile(rs);
    truncate_set(rs, 0, 0, 0, 0, 0);
    rules_mem_free(rs, rs->rules);
    rules_mem_free(rs, rs->strs);
    rules_mem_free(rs, rs->nodes);
    rules_mem_free(rs, rs->sets);
    rules_mem_free(rs, rs->consts);
    rules_mem_free(rs, rs->constlen);
    free(rs);
}
