/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * rules_regex.c - YARA's regular expressions: a parser that compiles one
 * into a program for a Pike VM, and the VM.
 *
 * The VM runs every thread of the program in step over the input, one
 * byte (wide: two) at a time, so the work for one start offset is at most
 * program length x match length, whatever the expression: no
 * backtracking (a rule is untrusted input).  Threads are kept in priority
 * order, so the match found is the one of YARA's (Perl's) semantics:
 * greedy quantifiers take the longest, lazy ones the shortest (one
 * expression has one kind: YARA refuses a mix).  A match is at most
 * RULES_RE_SCAN_LIMIT bytes long, as in YARA.
 */
#include "rules_int.h"
#include "util.h"

#include <stddef.h>
#include <string.h>

enum { RE_CLASS, RE_SPLIT, RE_JMP, RE_MATCH, RE_BOL, RE_EOL, RE_WORDB, RE_NWORDB };

struct reinst {
    uint8_t op;
    uint16_t x, y;          /* CLASS: class index; SPLIT: x preferred, y; JMP: x */
};

struct regex {
    struct reinst *prog;
    unsigned n, cap;
    uint8_t (*cls)[32];
    unsigned ncls, capcls;
    unsigned flags;         /* RE_F_* */
    uint16_t *list, *mark, *stack;  /* VM scratch: 3 x n */
    uint16_t gen;
};

/*
 * Grammar (YARA's dialect):
 *   alt    := concat { '|' concat }      (only the last may be empty)
 *   concat := { repeat }
 *   repeat := atom [ ( '*' | '+' | '?' | '{' [n] [ ',' [m] ] '}' ) [ '?' ] ]
 *   atom   := '(' alt ')' | '[' ['^'] class ']' | '.' | '^' | '$' | '\' esc | byte
 * '{' that does not start a valid quantifier is a byte, as in YARA.
 */
struct reparse {
    struct rules *rs;
    struct regex *re;
    const uint8_t *p, *end;
    unsigned depth;
    unsigned quant;         /* quantifiers seen: 1 greedy, 2 lazy */
    const char *err;
};

#define RE_MAX_INST   8192u
#define RE_MAX_REPEAT 32767u
#define RE_MAX_DEPTH  64u

static int is_word(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

static int emit(struct reparse *rp, uint8_t op, unsigned x, unsigned y)
{
    struct regex *re = rp->re;

    if (re->n >= RE_MAX_INST) {
        rp->err = "regex too large";
        return -1;
    }
    if (re->n == re->cap) {
        unsigned nc = re->cap ? re->cap * 2 : 32;
        struct reinst *np = rules_mem_realloc(rp->rs, re->prog, nc * sizeof *np);

        if (!np) {
            rp->err = "out of memory";
            return -1;
        }
        re->prog = np;
        re->cap = nc;
    }
    re->prog[re->n].op = op;
    re->prog[re->n].x = (uint16_t)x;
    re->prog[re->n].y = (uint16_t)y;
    return (int)re->n++;
}

/* Insert K instructions at AT (the end fragment moves; its targets too). */
static int insert(struct reparse *rp, unsigned at, unsigned k)
{
    struct regex *re = rp->re;
    unsigned i, old = re->n;

    for (i = 0; i < k; i++) {
        if (emit(rp, RE_JMP, 0, 0) < 0) {
            return -1;
        }
    }
    memmove(&re->prog[at + k], &re->prog[at], (old - at) * sizeof *re->prog);
    for (i = at + k; i < re->n; i++) {
        struct reinst *in = &re->prog[i];

        if (in->op == RE_SPLIT || in->op == RE_JMP) {
            in->x = (uint16_t)(in->x >= at ? in->x + k : in->x);
            in->y = (uint16_t)(in->op == RE_SPLIT && in->y >= at ? in->y + k : in->y);
        }
    }
    return 0;
}

/* Append a copy of [S, E) (relocated). */
static int copy_frag(struct reparse *rp, unsigned s, unsigned e)
{
    unsigned i, d = rp->re->n - s;

    for (i = s; i < e; i++) {
        struct reinst in = rp->re->prog[i];
        int k;

        if (in.op == RE_SPLIT || in.op == RE_JMP) {
            in.x = (uint16_t)(in.x + d);
            in.y = (uint16_t)(in.op == RE_SPLIT ? in.y + d : in.y);
        }
        k = emit(rp, in.op, in.x, in.y);
        if (k < 0) {
            return -1;
        }
    }
    return 0;
}


/* With nocase, a letter in S brings its other case. */
static void fold_set(const struct regex *re, uint8_t s[32])
{
    unsigned i;

    for (i = 'A'; i <= 'Z' && (re->flags & RE_F_NOCASE); i++) {
        if (RULES_HAS(s, i) || RULES_HAS(s, i + 32)) {
            s[i >> 3] |= (uint8_t)(1u << (i & 7));
            s[(i + 32) >> 3] |= (uint8_t)(1u << ((i + 32) & 7));
        }
    }
}

static int add_class(struct reparse *rp, const uint8_t set[32])
{
    struct regex *re = rp->re;
    uint8_t s[32];
    unsigned i;

    memcpy(s, set, 32);
    fold_set(re, s);
    for (i = 0; i < re->ncls; i++) {
        if (memcmp(re->cls[i], s, 32) == 0) {
            return emit(rp, RE_CLASS, i, 0);
        }
    }
    if (re->ncls == re->capcls) {
        unsigned nc = re->capcls ? re->capcls * 2 : 8;
        uint8_t (*np)[32] = rules_mem_realloc(rp->rs, re->cls, nc * sizeof *np);

        if (!np) {
            rp->err = "out of memory";
            return -1;
        }
        re->cls = np;
        re->capcls = nc;
    }
    memcpy(re->cls[re->ncls], s, 32);
    return emit(rp, RE_CLASS, re->ncls++, 0);
}

static void set_range(uint8_t s[32], unsigned lo, unsigned hi)
{
    for (; lo <= hi; lo++) {
        s[lo >> 3] |= (uint8_t)(1u << (lo & 7));
    }
}

static int hexval(int c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/*
 * Escape after '\' into S (a set) or *BYTE; returns 1 for a set (\w \s \d
 * and their negations), 0 for one byte, -1 on error.  \b \B are handled
 * by the caller outside classes.
 */
static int escape(struct reparse *rp, uint8_t s[32], unsigned *byte)
{
    int c, h1, h2;
    unsigned i;

    if (rp->p >= rp->end) {
        rp->err = "bad escape";
        return -1;
    }
    c = *rp->p++;
    if (c && strchr("wWsSdD", c)) {
        memset(s, 0, 32);
        if ((c | 0x20) == 's') {
            set_range(s, '\t', '\r');
            set_range(s, ' ', ' ');
        } else {
            set_range(s, '0', '9');
            if ((c | 0x20) == 'w') {
                set_range(s, 'a', 'z');
                set_range(s, 'A', 'Z');
                set_range(s, '_', '_');
            }
        }
        for (i = 0; c < 'a' && i < 32; i++) {
            s[i] = (uint8_t)~s[i];
        }
        return 1;
    }
    switch (c) {
    case 't': *byte = '\t'; return 0;
    case 'n': *byte = '\n'; return 0;
    case 'r': *byte = '\r'; return 0;
    case 'f': *byte = '\f'; return 0;
    case 'a': *byte = '\a'; return 0;
    case 'x':
        h1 = rp->p < rp->end ? hexval(rp->p[0]) : -1;
        h2 = rp->p + 1 < rp->end ? hexval(rp->p[1]) : -1;
        if (h1 < 0 || h2 < 0) {
            rp->err = "bad \\x escape";
            return -1;
        }
        rp->p += 2;
        *byte = (unsigned)(h1 * 16 + h2);
        return 0;
    default:
        *byte = (unsigned)c;
        return 0;
    }
}

/* class := '[' ['^'] [']'] { item } ']'  (cursor after '[') */
static int parse_class(struct reparse *rp)
{
    uint8_t s[32], t[32];
    int neg = 0, first = 1;
    unsigned i;

    memset(s, 0, sizeof s);
    if (rp->p < rp->end && *rp->p == '^') {
        neg = 1;
        rp->p++;
    }
    for (;;) {
        unsigned lo, hi;
        int k;

        if (rp->p >= rp->end) {
            rp->err = "unterminated class";
            return -1;
        }
        if (*rp->p == ']' && !first) {
            rp->p++;
            break;
        }
        first = 0;
        if (*rp->p == '\\') {
            rp->p++;
            k = escape(rp, t, &lo);
            if (k < 0) {
                return -1;
            }
            if (k == 1) {
                for (i = 0; i < 32; i++) {
                    s[i] |= t[i];
                }
                continue;
            }
        } else {
            lo = *rp->p++;
        }
        hi = lo;
        if (rp->end - rp->p >= 2 && rp->p[0] == '-' && rp->p[1] != ']') {
            rp->p++;
            if (*rp->p == '\\') {
                rp->p++;
                k = escape(rp, t, &hi);
                if (k != 0) {
                    rp->err = k < 0 ? rp->err : "bad class range";
                    return -1;
                }
            } else {
                hi = *rp->p++;
            }
            if (hi < lo) {
                rp->err = "bad class range";
                return -1;
            }
        }
        set_range(s, lo, hi);
    }
    fold_set(rp->re, s);    /* before negating: [^D] with nocase excludes d, as in YARA */
    if (neg) {
        for (i = 0; i < 32; i++) {
            s[i] = (uint8_t)~s[i];
        }
    }
    return add_class(rp, s);
}

static int parse_alt(struct reparse *rp);

/* Parse "{n}", "{n,}", "{,m}", "{n,m}" at the cursor (on '{'); 0 if it is not one. */
static int parse_range(struct reparse *rp, unsigned *lo, unsigned *hi)
{
    const uint8_t *p = rp->p + 1;
    unsigned long a = 0, b = 0;
    int da = 0, db = 0, comma = 0;

    while (p < rp->end && *p >= '0' && *p <= '9') {
        a = a * 10 + (unsigned long)(*p++ - '0');
        da = 1;
        if (a > 0xffffffffu) {
            return -1;
        }
    }
    if (p < rp->end && *p == ',') {
        comma = 1;
        p++;
        while (p < rp->end && *p >= '0' && *p <= '9') {
            b = b * 10 + (unsigned long)(*p++ - '0');
            db = 1;
            if (b > 0xffffffffu) {
                return -1;
            }
        }
    }
    if (p >= rp->end || *p != '}' || (!da && !db)) {
        return 0;
    }
    rp->p = p + 1;
    *lo = (unsigned)a;
    *hi = comma ? (db ? (unsigned)b : UINT32_MAX) : (unsigned)a;
    return 1;
}

/* repeat := atom [ quantifier [ '?' ] ] */
static int parse_repeat(struct reparse *rp)
{
    unsigned s = rp->re->n, e, lo, hi, i;
    int c = *rp->p, lazy, k;

    if (c == '(') {
        rp->p++;
        if (++rp->depth > RE_MAX_DEPTH) {
            rp->err = "regex nested too deep";
            return -1;
        }
        if (parse_alt(rp) < 0) {
            return -1;
        }
        rp->depth--;
        if (rp->p >= rp->end || *rp->p != ')') {
            rp->err = "missing ')'";
            return -1;
        }
        rp->p++;
    } else if (c == '[') {
        rp->p++;
        if (parse_class(rp) < 0) {
            return -1;
        }
    } else if (c == '^' || c == '$') {
        rp->p++;
        return emit(rp, c == '^' ? RE_BOL : RE_EOL, 0, 0) < 0 ? -1 : 0;
    } else if (c == '*' || c == '+' || c == '?') {
        rp->err = "quantifier without an operand";
        return -1;
    } else {
        uint8_t set[32];
        unsigned byte = (unsigned)c;

        memset(set, 0, sizeof set);
        rp->p++;
        if (c == '\\' && rp->p < rp->end && (*rp->p == 'b' || *rp->p == 'B')) {
            return emit(rp, *rp->p++ == 'b' ? RE_WORDB : RE_NWORDB, 0, 0) < 0 ? -1 : 0;
        }
        if (c == '.') {
            set_range(set, 0, 255);
            if (!(rp->re->flags & RE_F_DOTALL)) {
                set[1] &= (uint8_t)~(1u << 2);   /* '\n' */
            }
        } else if (c == '\\') {
            k = escape(rp, set, &byte);
            if (k < 0) {
                return -1;
            }
            if (k == 0) {
                set_range(set, byte, byte);
            }
        } else {
            set_range(set, byte, byte);
        }
        if (add_class(rp, set) < 0) {
            return -1;
        }
    }
    e = rp->re->n;
    if (rp->p >= rp->end) {
        return 0;
    }
    c = *rp->p;
    if (c == '*' || c == '+' || c == '?') {
        rp->p++;
        lo = c == '+';
        hi = c == '?' ? 1 : UINT32_MAX;
    } else if (c == '{') {
        k = parse_range(rp, &lo, &hi);
        if (k == 0) {
            return 0;       /* a literal '{' follows */
        }
        if (k < 0 || lo > RE_MAX_REPEAT || (hi != UINT32_MAX && (hi > RE_MAX_REPEAT || hi < lo)) || hi == 0) {
            rp->err = "bad repeat interval";
            return -1;
        }
    } else {
        return 0;
    }
    lazy = rp->p < rp->end && *rp->p == '?';
    rp->p += lazy;
    rp->quant |= 1u << lazy;
    if (rp->quant == 3) {   /* as YARA: one kind per expression */
        rp->err = "greedy and lazy quantifiers mixed";
        return -1;
    }
    /* x{lo,hi}: lo copies, then x* or (hi - lo) optional copies */
    for (i = 1; i < lo; i++) {
        if (copy_frag(rp, s, e) < 0) {
            return -1;
        }
    }
    if (lo == 0) {
        /* the first copy itself becomes optional (x?), or x*:
         * L: SPLIT body, out; body [; JMP L] */
        if (insert(rp, s, 1) < 0 || (hi == UINT32_MAX && emit(rp, RE_JMP, s, 0) < 0)) {
            return -1;
        }
        rp->re->prog[s].op = RE_SPLIT;
        rp->re->prog[s].x = (uint16_t)(lazy ? rp->re->n : s + 1);
        rp->re->prog[s].y = (uint16_t)(lazy ? s + 1 : rp->re->n);
        if (hi == UINT32_MAX) {
            return 0;
        }
        e++;
        s++;
        lo = 1;
    }
    if (hi == UINT32_MAX) {
        /* one more: L: body; SPLIT L, out  (x+ after the lo - 1 copies) */
        unsigned last = rp->re->n - (e - s);

        k = emit(rp, RE_SPLIT, 0, 0);
        if (k < 0) {
            return -1;
        }
        rp->re->prog[k].x = (uint16_t)(lazy ? rp->re->n : last);
        rp->re->prog[k].y = (uint16_t)(lazy ? last : rp->re->n);
        return 0;
    }
    for (i = lo; i < hi; i++) {
        unsigned at = rp->re->n;

        k = emit(rp, RE_SPLIT, 0, 0);
        if (k < 0 || copy_frag(rp, s, e) < 0) {
            return -1;
        }
        rp->re->prog[at].x = (uint16_t)(lazy ? rp->re->n : at + 1);
        rp->re->prog[at].y = (uint16_t)(lazy ? at + 1 : rp->re->n);
    }
    return 0;
}

/* alt := concat { '|' concat } */
static int parse_alt(struct reparse *rp)
{
    unsigned start = rp->re->n, jumps[RE_MAX_DEPTH * 4], nj = 0, i;

    for (;;) {
        unsigned branch = rp->re->n;

        while (rp->p < rp->end && *rp->p != '|' && *rp->p != ')') {
            if (parse_repeat(rp) < 0) {
                return -1;
            }
        }
        if (rp->p >= rp->end || *rp->p != '|') {
            break;
        }
        if (rp->re->n == branch) {
            rp->err = "empty alternative";
            return -1;
        }
        rp->p++;
        if (nj == sizeof jumps / sizeof jumps[0]) {
            rp->err = "too many alternatives";
            return -1;
        }
        /* SPLIT before the branch so far; JMP to the end after it */
        if (insert(rp, start, 1) < 0) {
            return -1;
        }
        rp->re->prog[start].op = RE_SPLIT;
        rp->re->prog[start].x = (uint16_t)(start + 1);
        jumps[nj] = (unsigned)emit(rp, RE_JMP, 0, 0);
        if ((int)jumps[nj] < 0) {
            return -1;
        }
        nj++;
        rp->re->prog[start].y = (uint16_t)rp->re->n;
        start = rp->re->n;
    }
    for (i = 0; i < nj; i++) {
        rp->re->prog[jumps[i]].x = (uint16_t)rp->re->n;
    }
    return 0;
}

void rules_re_free(struct rules *rs, struct regex *re)
{
    if (re) {
        rules_mem_free(rs, re->prog);
        rules_mem_free(rs, re->cls);
        rules_mem_free(rs, re->list);
        rules_mem_free(rs, re);
    }
}

int rules_re_compile(struct rules *rs, const uint8_t *src, size_t n, unsigned flags, struct regex **out,
                     const char **err)
{
    struct reparse rp;
    struct regex *re = rules_mem_alloc(rs, sizeof *re);

    *out = NULL;
    *err = "out of memory";
    if (!re) {
        return IH_ENOMEM;
    }
    memset(re, 0, sizeof *re);
    re->flags = flags;
    memset(&rp, 0, sizeof rp);
    rp.rs = rs;
    rp.re = re;
    rp.p = src;
    rp.end = src + n;
    if (n == 0 || parse_alt(&rp) < 0 || rp.p < rp.end || emit(&rp, RE_MATCH, 0, 0) < 0) {
        *err = rp.err ? rp.err : rp.p < rp.end ? "unbalanced ')'" : "empty regular expression";
        rules_re_free(rs, re);
        return IH_EPARSE;
    }
    /* two thread lists, marks, and the stack (each pc expanded once, two
     * pushes per split) */
    re->list = rules_mem_alloc(rs, ((size_t)re->n * 5 + 2) * sizeof *re->list);
    if (!re->list) {
        rules_re_free(rs, re);
        return IH_ENOMEM;
    }
    re->mark = re->list + 2 * re->n;
    re->stack = re->mark + re->n;
    memset(re->mark, 0, re->n * sizeof *re->mark);
    *out = re;
    return IH_OK;
}

/*
 * Characters at the fixed offsets from PC on (at most MAX; a letter allowed
 * in both cases counts, the atom table folds case): the literal an atom is
 * taken from.
 */
/* The number of bytes in class S; *FIRST: the lowest of them. */
static unsigned cls_count(const uint8_t *s, unsigned *first)
{
    unsigned c, cnt = 0;

    for (c = 256; c-- > 0;) {
        if (RULES_HAS(s, c)) {
            *first = c;
            cnt++;
        }
    }
    return cnt;
}

unsigned rules_re_prefix(const struct regex *re, unsigned pc, uint16_t *out, unsigned max)
{
    unsigned n = 0;

    while (n < max && pc < re->n && re->prog[pc].op == RE_CLASS) {
        const uint8_t *s = re->cls[re->prog[pc].x];
        unsigned first = 0, cnt = cls_count(s, &first);

        /* one byte, or a letter in both cases (the atom table folds case) */
        out[n++] = (uint16_t)(cnt == 1 || (cnt == 2 && first >= 'A' && first <= 'Z' && RULES_HAS(s, first + 32))
                              ? first : 256);
        pc++;
    }
    return n;
}

struct vmin {
    const uint8_t *d;
    size_t avail;           /* bytes at d (limited to the scan limit) */
    size_t before;          /* bytes readable before d */
    int bod, eod;           /* d is the start of the data; d + avail its end */
    unsigned cs;            /* 1, or 2 for wide */
};

/* A word character at POS (wide: followed by a zero byte), as YARA's \b sees it. */
static int word_at(const struct vmin *v, ptrdiff_t pos)
{
    if (pos < -(ptrdiff_t)v->before || pos + (ptrdiff_t)v->cs > (ptrdiff_t)v->avail) {
        return 0;
    }
    return is_word(v->d[pos]) && (v->cs == 1 || v->d[pos + 1] == 0);
}

/* Add PC and what it leads to (priority order) to LIST at POS. */
static void addthread(struct regex *re, const struct vmin *v, uint16_t *list, unsigned *nl, unsigned pc,
                      size_t pos)
{
    unsigned sp = 0;

    re->stack[sp++] = (uint16_t)pc;
    while (sp) {
        const struct reinst *in;

        pc = re->stack[--sp];
        if (re->mark[pc] == re->gen) {
            continue;
        }
        re->mark[pc] = re->gen;
        in = &re->prog[pc];
        switch (in->op) {
        case RE_JMP:
            re->stack[sp++] = in->x;
            break;
        case RE_SPLIT:
            re->stack[sp++] = in->y;
            re->stack[sp++] = in->x;
            break;
        case RE_BOL:
            if (pos == 0 && v->bod) {
                re->stack[sp++] = (uint16_t)(pc + 1);
            }
            break;
        case RE_EOL:
            if (pos == v->avail && v->eod) {
                re->stack[sp++] = (uint16_t)(pc + 1);
            }
            break;
        case RE_WORDB:
        case RE_NWORDB: {
            /* as YARA: a boundary at the start with nothing before, and at the end */
            int a = (pos == 0 && v->before < v->cs) || pos + v->cs > v->avail ||
                    word_at(v, (ptrdiff_t)pos - (ptrdiff_t)v->cs) != word_at(v, (ptrdiff_t)pos);

            if (a == (in->op == RE_WORDB)) {
                re->stack[sp++] = (uint16_t)(pc + 1);
            }
            break;
        }
        default:
            list[(*nl)++] = (uint16_t)pc;
            break;
        }
    }
}

static void next_gen(struct regex *re)
{
    if (++re->gen == 0) {
        memset(re->mark, 0, re->n * sizeof *re->mark);
        re->gen = 1;
    }
}

/*
 * A CLASS instruction is required when the match cannot be reached from
 * the start without going through it (a walk of the program that skips
 * it).  Of the required ones, the class with the fewest bytes; programs
 * over 1024 instructions are not looked at (NULL).
 */
int rules_re_first(struct regex *re, uint8_t *set, uint16_t *br, unsigned *nbr)
{
    unsigned sp = 0, c, w = re->prog[0].op == RE_WORDB, n = 0, ok = 1;

    memset(set, 0, 32);
    next_gen(re);
    re->stack[sp++] = re->prog[0].op == RE_BOL;     /* '^' takes no byte */
    *nbr = 0;
    while (sp) {
        unsigned pc = re->stack[--sp];
        const struct reinst *in = &re->prog[pc];

        if (re->mark[pc] == re->gen) {
            continue;
        }
        re->mark[pc] = re->gen;
        if (in->op == RE_MATCH || sp + 2 > re->n) {
            return 0;
        }
        if (in->op == RE_CLASS) {
            for (c = 0; c < 256; c++) {
                if (RULES_HAS(re->cls[in->x], c)) {
                    set[c >> 3] |= (uint8_t)(1u << (c & 7));
                    w &= (unsigned)is_word((int)c);
                }
            }
            ok &= n < RULES_RE_BRANCHES;
            br[n & (RULES_RE_BRANCHES - 1)] = (uint16_t)pc;
            n++;
            continue;
        }
        /* an assertion before the first byte: no branch list */
        ok &= in->op == RE_SPLIT || in->op == RE_JMP;
        if (in->op == RE_SPLIT) {
            re->stack[sp++] = in->y;
        }
        re->stack[sp++] = (uint16_t)(in->op == RE_SPLIT || in->op == RE_JMP ? in->x : pc + 1);
    }
    *nbr = ok ? n : 0;
    return 1 + (int)w;
}

const uint8_t *rules_re_required(struct regex *re, uint8_t *lit, uint8_t *litlen)
{
    const uint8_t *best = NULL;
    unsigned i, c, bestn = 256, k;

    *litlen = 0;
    for (i = 0; i < re->n && re->n <= 1024; i++) {
        const uint8_t *s;
        unsigned sp = 0, cnt, reach = 0;

        if (re->prog[i].op != RE_CLASS) {
            continue;
        }
        s = re->cls[re->prog[i].x];
        cnt = cls_count(s, &c);
        if (cnt >= bestn) {
            continue;
        }
        next_gen(re);
        re->stack[sp++] = 0;
        while (sp && !reach) {
            unsigned pc = re->stack[--sp];
            const struct reinst *in = &re->prog[pc];

            if (pc == i || re->mark[pc] == re->gen) {
                continue;
            }
            re->mark[pc] = re->gen;
            reach = in->op == RE_MATCH;
            if (in->op == RE_SPLIT) {
                re->stack[sp++] = in->y;
            }
            re->stack[sp++] = (uint16_t)(in->op == RE_SPLIT || in->op == RE_JMP ? in->x : pc + 1);
        }
        if (!reach) {
            best = s;
            bestn = cnt;
            /* a single byte: the literal that starts there (single
             * bytes that follow, where no jump leads) */
            for (*litlen = 0; *litlen < RULES_RE_LIT && i + *litlen < re->n; ++*litlen) {
                unsigned pc = i + *litlen, n1, c1 = 0;

                if (re->prog[pc].op != RE_CLASS) {
                    break;
                }
                n1 = cls_count(re->cls[re->prog[pc].x], &c1);
                for (k = 0; *litlen && k < re->n; k++) {
                    const struct reinst *j = &re->prog[k];

                    if ((j->op == RE_JMP || j->op == RE_SPLIT) && (j->x == pc || (j->op == RE_SPLIT && j->y == pc))) {
                        break;
                    }
                }
                if (n1 != 1 || (*litlen && k < re->n)) {
                    break;
                }
                lit[*litlen] = (uint8_t)c1;
            }
        }
    }
    return best;
}

/*
 * Run RE anchored at D: the length in bytes of the match YARA reports
 * there (priority order), or -1.  AVAIL bytes are readable at D, BEFORE
 * before it; BOD/EOD: D is the start / D + AVAIL the end of the data.
 */
long rules_re_exec(struct regex *re, const uint8_t *d, size_t avail, size_t before, int bod, int eod, int wide)
{
    struct vmin v;
    uint16_t *cl = re->list, *nl = re->list + re->n;
    unsigned ncl = 0, nnl, k;
    size_t pos = 0;
    long found = -1;

    v.d = d;
    v.before = before;
    v.bod = bod;
    v.cs = wide ? 2u : 1u;
    if (avail > RULES_RE_SCAN_LIMIT * v.cs) {
        avail = RULES_RE_SCAN_LIMIT * v.cs;
        eod = 0;
    }
    v.avail = avail;
    v.eod = eod;
    next_gen(re);
    addthread(re, &v, cl, &ncl, 0, 0);
    while (ncl) {
        uint16_t *t;

        nnl = 0;
        next_gen(re);
        for (k = 0; k < ncl; k++) {
            const struct reinst *in = &re->prog[cl[k]];

            if (in->op == RE_MATCH) {
                found = (long)pos;
                break;      /* lower-priority threads lose */
            }
            if (pos + v.cs <= avail && RULES_HAS(re->cls[in->x], d[pos]) &&
                (v.cs == 1 || d[pos + 1] == 0)) {
                addthread(re, &v, nl, &nnl, cl[k] + 1u, pos + v.cs);
            }
        }
        pos += v.cs;
        t = cl;
        cl = nl;
        nl = t;
        ncl = nnl;
    }
    return found;
}
