/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * rules_match.c - compiling a rule set into one atom table and matching it
 * against a file or buffer in a single pass.
 *
 * Every string variant (ascii, wide, each xor key; hex; each place a regex
 * match can begin) contributes an atom of at most ATOM_MAX bytes,
 * case-folded, to one table behind bit filters over the bytes read.  An
 * atom hit is confirmed by comparing the whole string (or running its hex
 * elements, or its regex) in a sliding window that keeps span+2 bytes
 * behind and ahead of the filter, so memory is the window plus the table
 * whatever the file size.  Conditions are evaluated after the pass, with YARA's rules for
 * undefined values (rules_eval below).
 */
#include "rules_int.h"
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define ATOM_MAX 4u
/* Filters (struct rules.filt), on the bytes as they are (every case of an
 * atom's letters is set): 256 bits for the 1-byte atoms; 65536 for the
 * last two bytes of every atom (F2); 65536 for the 2-byte atoms (TWO);
 * then three of 2^fbits bits, hashed: the last three bytes of the longer
 * atoms (LAYER 0), the atoms of 3 and 4 bytes (folded, LAYER 3, 4). */
#define F2_WORDS 2048u
#define TWO(rs) ((rs)->filt + 8 + F2_WORDS)
#define LAYER(rs, len) (TWO(rs) + F2_WORDS + ((len) ? (size_t)(len) - 2 : 0) * ((size_t)1 << ((rs)->fbits - 5)))
#define BIT(s, p) (((s)[(p) >> 5] >> ((p) & 31)) & 1u)
#define SETBIT(s, p) ((s)[(p) >> 5] |= 1u << ((p) & 31))

static uint8_t fold(uint8_t c)
{
    return (c >= 'A' && c <= 'Z') ? (uint8_t)(c + 32) : c;
}

static int is_alnum(uint8_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

void rules_uncompile(struct rules *rs)
{
    unsigned i;

    rules_mem_free(rs, rs->filt);
    rules_mem_free(rs, rs->bstart);
    rules_mem_free(rs, rs->outs);
    rules_mem_free(rs, rs->anchorless);
    for (i = 0; i < rs->nstrs; i++) {
        rules_mem_free(rs, rs->strs[i].first);
        rs->strs[i].first = NULL;
    }
    rs->filt = NULL;
    rs->bstart = NULL;
    rs->outs = NULL;
    rs->anchorless = NULL;
    rs->lens = rs->nanchorless = 0;
    rs->compiled = 0;
}

/* ---- atoms ---------------------------------------------------------- */

struct atom {
    uint8_t b[ATOM_MAX];
    unsigned len;
    unsigned back;          /* offset of the atom's last byte from the start */
    unsigned range;         /* ... or up to RANGE more (after variable jumps) */
    uint32_t key;           /* compiled: the folded bytes, the last lowest */
    uint32_t bucket;
};

/* A rough rarity score, in bits: filler bytes make poor atoms, zero the
 * poorest (binaries are full of small little-endian integers). */
static unsigned atom_score(const uint8_t *b, unsigned n)
{
    /* bytes frequent in code and data (each above 1 in 180 of the ELF
     * files of the public-rules benchmark), and 0xcc, 0x90 */
    static const uint8_t common[32] = {
        0x7e, 0xc1, 0x01, 0x00, 0x11, 0x00, 0x00, 0x00, 0x13, 0x11, 0x00, 0x80,
        0x20, 0x00, 0x10, 0x00, 0x08, 0x2a, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x10, 0x00, 0x00, 0x00, 0x01, 0x00, 0x80
    };
    unsigned s = 0, i, j;

    for (i = 0; i < n; i++) {
        uint8_t c = b[i];
        int dup = 0;

        for (j = 0; j < i; j++) {
            dup |= fold(b[j]) == fold(c);
        }
        s += c == 0 ? 1 : RULES_HAS(common, c) ? 5 : 8;
        s += !dup;
    }
    return s;
}

/* Best window of at most ATOM_MAX bytes in LIT[0..N) (offset OFF0 in the string). */
static void atom_pick(const uint8_t *lit, unsigned n, unsigned off0, struct atom *best, unsigned *best_score)
{
    unsigned w = n < ATOM_MAX ? n : ATOM_MAX, i;

    for (i = 0; i + w <= n; i++) {
        unsigned sc = atom_score(lit + i, w);

        if (sc > *best_score) {
            *best_score = sc;
            memcpy(best->b, lit + i, w);
            best->len = w;
            best->back = off0 + i + w - 1;
            best->range = 0;
        }
    }
}

/* Variant VAR of string S as literal bytes (text), into OUT[cap]; length. */
static unsigned text_variant(const struct rstring *s, int wide, uint8_t *out)
{
    size_t i;

    if (!wide) {
        memcpy(out, s->bytes, s->len);
        return (unsigned)s->len;
    }
    for (i = 0; i < s->len; i++) {
        out[2 * i] = s->bytes[i];
        out[2 * i + 1] = 0;
    }
    return (unsigned)(2 * s->len);
}

/* Shortest and longest branch of the alternative at I (kept by the parser). */
static void hex_alt_range(const struct htok *t, unsigned i, unsigned *mn, unsigned *mx)
{
    *mn = t[i].b;
    *mx = (unsigned)t[i].val | (unsigned)t[i].mask << 8;
}

/*
 * Atoms of a hex string, each at a known offset from the start, or within
 * a range of offsets after variable jumps (a hit then gives a range of
 * possible starts, each verified).
 */
struct pending {
    struct atom atom;
    uint32_t str;
    uint8_t wide;
};

/*
 * Best atom among the runs of exact bytes from element I (at offset OFF)
 * to the end of its branch or string, outside alternatives, into *BEST if
 * its score, less the log2 of the starts a hit leaves (at most 256), beats
 * *BEST_SCORE.  *ALT gets 1 + the first alternative at a fixed offset
 * (*ALT_OFF) if it was 0.
 */
static void hex_atom(const struct htok *t, unsigned i, unsigned off, struct atom *best, unsigned *best_score,
                     unsigned *alt, unsigned *alt_off)
{
    uint8_t run[RULES_MAX_HEX_TOKENS];
    unsigned rl = 0, rlo = 0, lo = off, hi = off, a, b, w;

    for (;;) {
        if (t[i].kind == HT_BYTE && t[i].mask == 0xff) {
            rlo = rl ? rlo : lo;
            run[rl++] = t[i].val;
        } else if (rl) {
            struct atom c;
            unsigned sc = 0, pen = 0;

            atom_pick(run, rl, rlo, &c, &sc);
            for (w = hi - lo; w; w >>= 1) {
                pen++;
            }
            if (hi - lo <= 255 && sc > pen + *best_score) {
                *best = c;
                best->range = hi - lo;
                *best_score = sc - pen;
            }
            rl = 0;
        }
        if (t[i].kind == HT_ALT) {
            if (!*alt && lo == hi) {
                *alt = i + 1;
                *alt_off = lo;
            }
            hex_alt_range(t, i, &a, &b);
            i = t[i].a;
        } else if (t[i].kind == HT_END || t[i].kind == HT_GOTO) {
            return;
        } else {
            a = t[i].kind == HT_JUMP ? t[i].a : 1u;
            b = t[i].kind == HT_JUMP ? t[i].b : 1u;
            i++;
        }
        lo += a;
        hi += b;
    }
}

/* Into P (at most MAX): the best atom of the string, or else one per
 * branch of its first alternative at a fixed offset.  The number written;
 * 0 if there is no anchor: the string is then tried at every offset. */
static unsigned hex_atoms(const struct rstring *s, struct pending *p, unsigned max)
{
    unsigned score = 0, alt = 0, off = 0, n = 0, br, x;

    p[0].atom.len = 0;
    hex_atom(s->tok, 0, 0, &p[0].atom, &score, &alt, &off);
    if (score || !alt) {
        return score ? 1 : 0;
    }
    for (br = alt; br; br = s->tok[br].a) {
        score = x = 0;
        if (n == max) {
            return 0;
        }
        hex_atom(s->tok, br + 1, off, &p[n].atom, &score, &x, &x);
        if (!score) {
            return 0;
        }
        n++;
    }
    return n;
}

/* ---- atom table ------------------------------------------------------- */

/* Table bucket of the atom of LEN folded bytes KEY. */
static uint32_t atom_bucket(const struct rules *rs, uint32_t key, unsigned len)
{
    return ((key ^ len) * 0x9e3779b1u) >> (32 - rs->nbits);
}

/* Bit of the last three bytes of V in the first filter: the low fbits
 * bits of V xor its bits from 24 - fbits to 23 (no multiply per byte). */
static uint32_t atom_bit0(const struct rules *rs, uint32_t v)
{
    return (v ^ v >> (24 - rs->fbits)) & ((1u << rs->fbits) - 1);
}

/* Bit of the atom KEY in the filter of its length (2-4). */
static uint32_t atom_bit(const struct rules *rs, uint32_t key)
{
    return (key * 0x9e3779b1u) >> (32 - rs->fbits);
}

int rules_compile(struct rules *rs)
{
    struct pending *pend = NULL;
    unsigned npend = 0, i, j, maxatoms, c, nb, bits, var, nlong;
    size_t fwords;
    uint8_t lit[2 * RULES_MAX_STRING_LEN];
    int rc = IH_ENOMEM;

    rules_uncompile(rs);
    for (i = 0, maxatoms = 1; i < rs->nstrs; i++) {
        maxatoms += 2 * (1 + rs->strs[i].xhi - rs->strs[i].xlo) + rs->strs[i].ntok +   /* atoms at most */
                    (rs->strs[i].flags & RS_REGEX ? 2 * RULES_RE_BRANCHES : 0);
    }
    pend = malloc((size_t)maxatoms * sizeof *pend);
    rs->anchorless = rules_mem_alloc(rs, ((size_t)rs->nstrs + 1) * sizeof *rs->anchorless);
    if (!pend || !rs->anchorless) {
        goto out;
    }
    rs->span = 1;
    for (i = 0; i < rs->nstrs; i++) {
        struct rstring *st = &rs->strs[i];

        if (st->maxlen > rs->span) {
            rs->span = st->maxlen;
        }
        if (st->flags & RS_HEX) {
            /* nesting of alternatives at each element: ALTs still open */
            st->levels = 0;
            for (j = 0; j < st->ntok; j++) {
                unsigned depth = 1, k;

                if (st->tok[j].kind != HT_JUMP && st->tok[j].kind != HT_ALT) {
                    continue;
                }
                for (k = 0; k < j; k++) {
                    depth += st->tok[k].kind == HT_ALT && st->tok[k].a > j;
                }
                depth += st->tok[j].kind == HT_ALT;
                if (depth > st->levels) {
                    st->levels = depth;
                }
            }
            {
                unsigned na = hex_atoms(st, pend + npend, maxatoms - npend), k;

                if (na == 0) {
                    rs->anchorless[rs->nanchorless++] = i;
                    continue;
                }
                for (k = 0; k < na; k++) {
                    pend[npend].str = i;
                    pend[npend].wide = 0;
                    npend++;
                }
            }
            continue;
        }
        if (st->flags & RS_REGEX) {
            uint16_t pre[16], br[RULES_RE_BRANCHES];
            uint8_t first[32];
            unsigned nbr, np, k, e, score, b0 = npend, bi;
            int fr = rules_re_first(st->re, first, br, &nbr);

            for (j = 0; j < 2 && nbr; j++) {
                for (bi = 0; bi < nbr && (st->flags & (j ? RS_WIDE : RS_ASCII)); bi++) {
                    /* each place a match can begin: the best run of literal
                     * characters at a fixed offset; with several, a better
                     * atom than one letter, or none at all */
                    np = rules_re_prefix(st->re, br[bi], pre, 16);
                    score = 0;
                    pend[npend].atom.len = 0;
                    for (k = 0; k < np; k = e) {
                        for (e = k; e < np && pre[e] < 256; e++) {
                            lit[(e - k) << j] = (uint8_t)pre[e];
                            lit[((e - k) << j) + j] = j ? 0 : (uint8_t)pre[e];
                        }
                        atom_pick(lit, (e - k) << j, k << j, &pend[npend].atom, &score);
                        e += e == k;
                    }
                    if (pend[npend].atom.len == 0 || (nbr > 1 && score < 12)) {
                        nbr = 0;
                        break;
                    }
                    pend[npend].str = i;
                    pend[npend].wide = (uint8_t)j;
                    npend++;
                }
            }
            if (nbr == 0) {    /* no atoms: tried where a match can begin */
                npend = b0;
                rs->anchorless[rs->nanchorless++] = i;
                st->req = rules_re_required(st->re, st->lit, &st->litlen);
                st->flags &= ~RS_WSTART;
                if (fr) {
                    st->first = rules_mem_alloc(rs, 32);
                    if (!st->first) {
                        goto out;
                    }
                    memcpy(st->first, first, 32);
                    /* ascii only: a wide \b looks two bytes back */
                    st->flags |= fr == 2 && !(st->flags & RS_WIDE) ? RS_WSTART : 0;
                }
                if (st->flags & RS_WIDE) {
                    st->litlen = 0;     /* its literal is not contiguous */
                }
            }
            continue;
        }
        for (j = 0; j < 2; j++) {
            unsigned n, score, key, k;

            if (!(st->flags & (j ? RS_WIDE : RS_ASCII))) {
                continue;
            }
            n = text_variant(st, (int)j, lit);
            /* one atom per xor key (a string without xor has the key 0 only) */
            for (k = 0; k < n; k++) {
                lit[k] ^= st->xlo;
            }
            for (key = st->xlo;; key++) {
                score = 0;
                atom_pick(lit, n, 0, &pend[npend].atom, &score);
                pend[npend].str = i;
                pend[npend].wide = (uint8_t)j;
                npend++;
                if (key >= st->xhi) {
                    break;
                }
                for (k = 0; k < n; k++) {
                    lit[k] ^= (uint8_t)(key ^ (key + 1));
                }
            }
        }
    }
    /* the atom table: atoms by bucket (a hash of their folded bytes and
     * length), and the filter bits that let most bytes pass without a look
     * at the table */
    for (nb = 2; nb < npend; nb *= 2) {
    }
    for (bits = 0; (1u << bits) < nb; bits++) {
    }
    rs->nbits = bits;
    /* hashed filters of 16 bits or more per atom of 3 or 4 bytes, from
     * 2^12 to 2^18 bits */
    for (i = 0, nlong = 0; i < npend; i++) {
        nlong += pend[i].atom.len > 2;
    }
    for (rs->fbits = 12; rs->fbits < 18 && (1u << rs->fbits) < 16 * nlong; rs->fbits++) {
    }
    fwords = 8 + 2 * F2_WORDS + ((size_t)3 << (rs->fbits - 5));
    rs->filt = rules_mem_alloc(rs, fwords * sizeof *rs->filt);
    rs->bstart = rules_mem_alloc(rs, ((size_t)nb + 1) * sizeof *rs->bstart);
    rs->outs = rules_mem_alloc(rs, ((size_t)npend + 1) * sizeof *rs->outs);
    if (!rs->filt || !rs->bstart || !rs->outs) {
        goto out;
    }
    memset(rs->filt, 0, fwords * sizeof *rs->filt);
    memset(rs->bstart, 0, ((size_t)nb + 1) * sizeof *rs->bstart);
    for (i = 0; i < npend; i++) {
        struct atom *at = &pend[i].atom;
        uint32_t key = 0;

        for (j = 0; j < at->len; j++) {
            key = key << 8 | fold(at->b[j]);
        }
        at->key = key;
        at->bucket = atom_bucket(rs, key, at->len);
        rs->bstart[at->bucket + 1]++;
        rs->lens |= 1u << at->len;
        if (at->len > 2) {
            SETBIT(LAYER(rs, at->len), atom_bit(rs, key));
        }
        /* the first filters: every case of the last three bytes (VAR), and
         * every byte (C) before a shorter atom */
        for (var = 0; var < 8; var++) {
            uint32_t raw = 0;

            for (j = at->len > 3 ? at->len - 3 : 0; j < at->len; j++) {
                uint8_t f = fold(at->b[j]);

                raw = raw << 8 | (f >= 'a' && f <= 'z' && (var >> (at->len - 1 - j) & 1) ? f - 32 : f);
            }
            if (at->len < 3) {
                SETBIT(at->len == 1 ? rs->filt : TWO(rs), raw);
            } else {
                SETBIT(LAYER(rs, 0), atom_bit0(rs, raw));
            }
            for (c = 0; c < 256; c++) {
                SETBIT(rs->filt + 8, at->len == 1 ? c << 8 | raw : raw & 0xffff);
            }
        }
    }
    for (i = 0; i < nb; i++) {
        rs->bstart[i + 1] += rs->bstart[i];
    }
    for (i = 0; i < npend; i++) {   /* bstart[b] moves to the end of b */
        struct acout *o = &rs->outs[rs->bstart[pend[i].atom.bucket]++];

        o->str = pend[i].str;
        o->wide = pend[i].wide;
        o->back = (uint16_t)pend[i].atom.back;
        o->range = (uint8_t)pend[i].atom.range;
        o->key = pend[i].atom.key;
        o->len = (uint8_t)pend[i].atom.len;
    }
    for (i = nb; i > 0; i--) {
        rs->bstart[i] = rs->bstart[i - 1];
    }
    rs->bstart[0] = 0;
    rs->compiled = 1;
    rc = IH_OK;
out:
    free(pend);
    if (rc != IH_OK) {
        rules_uncompile(rs);
    }
    return rc;
}

/* ---- matching ----------------------------------------------------------- */

struct mctx {
    struct rules *rs;
    int fd;                 /* -1: memory */
    const uint8_t *mem;
    uint64_t size;          /* known after the pass */
    uint8_t *buf;           /* window (fd) or the memory itself */
    size_t cap, have;
    uint64_t base;          /* offset of buf[0] */
    int eof;
    uint32_t state;
    uint8_t *memo;          /* hex: offset sets (struct hsim pool) */
    size_t memo_bytes;
    struct hash_ctx h;
    int hashing;
    struct hash_hex hx;
    unsigned hx_have;
    /* conditions */
    int64_t var[RULES_MAX_LOOPS];   /* loop variables */
    uint8_t vdef[RULES_MAX_LOOPS];  /* ... defined */
    uint32_t cur;                   /* the string of the for-of body */
    uint32_t iters;                 /* loop bodies evaluated */
    int rc;                         /* IH_ETOOBIG: RULES_MAX_ITERATIONS reached */
    int64_t ep[2];                  /* elf.entry_point, entrypoint: a walk of */
    uint8_t ep_have[2];             /* the headers, once (1 defined, 2 undefined) */
};

static int add_match(struct mctx *m, struct rstring *s, uint64_t off, unsigned len)
{
    uint32_t k;

    if (s->nmatch == s->capm) {
        uint32_t ncap;
        uint64_t *n;

        if (s->nmatch >= RULES_MAX_MATCHES) {
            /* kept offsets are full: count only what lies beyond them */
            if (off > MOFF(s->off[s->nmatch - 1]) && s->count < UINT32_MAX) {
                s->count++;
            }
            return IH_OK;
        }
        ncap = s->capm ? s->capm * 4 : 4;
        if (ncap > RULES_MAX_MATCHES) {
            ncap = RULES_MAX_MATCHES;
        }
        n = rules_mem_realloc(m->rs, s->off, ncap * sizeof *n);
        if (!n) {
            return IH_ENOMEM;
        }
        s->off = n;
        s->capm = ncap;
    }
    /* hits come nearly in order: insert from the end, unique */
    k = s->nmatch;
    while (k > 0 && MOFF(s->off[k - 1]) > off) {
        k--;
    }
    if (k > 0 && MOFF(s->off[k - 1]) == off) {
        return IH_OK;
    }
    memmove(&s->off[k + 1], &s->off[k], (s->nmatch - k) * sizeof *s->off);
    s->off[k] = off << 16 | len;
    s->nmatch++;
    s->count++;
    return IH_OK;
}

/* A 'fullword' string S matched at buf[i..i+len): no alphanumeric character
 * (CS bytes: 1, or 2 for wide) right before or after it. */
static int fullword_ok(const struct mctx *m, const struct rstring *s, size_t cs, size_t i, size_t len)
{
    const uint8_t *q;

    if (!(s->flags & RS_FULLWORD)) {
        return 1;
    }
    if (i >= cs) {
        q = m->buf + i - cs;
        if (is_alnum(q[0]) && (cs == 1 || q[1] == 0)) {
            return 0;
        }
    }
    q = m->buf + i + len;
    return !(i + len + cs <= m->have && is_alnum(q[0]) && (cs == 1 || q[1] == 0));
}

/* Does text variant WIDE of S match at buf[i]?  N bytes are valid in buf. */
static int verify_text(const struct mctx *m, const struct rstring *s, int wide, size_t i)
{
    const uint8_t *d = m->buf + i;
    size_t cs = wide ? 2 : 1, len = s->len * cs, k;
    uint8_t key;

    if (i + len > m->have) {
        return 0;
    }
    key = (s->flags & RS_XOR) ? (uint8_t)(d[0] ^ s->bytes[0]) : 0;   /* xor: the first byte's */
    if (key < s->xlo || key > s->xhi) {
        return 0;
    }
    for (k = 0; k < s->len; k++) {
        uint8_t b = d[k * cs] ^ key, p = s->bytes[k];

        if (s->flags & RS_NOCASE) {
            if (fold(b) != fold(p)) {
                return 0;
            }
        } else if (b != p) {
            return 0;
        }
        if (wide && d[k * 2 + 1] != key) {
            return 0;
        }
    }
    return fullword_ok(m, s, cs, i, len) ? (int)len + 1 : 0;
}

/* Regular expression S in variant WIDE anchored at buf[i]: rules_re_exec. */
static long re_at(const struct mctx *m, const struct rstring *s, int wide, size_t i)
{
    return rules_re_exec(s->re, m->buf + i, m->have - i, i, m->base + i == 0, m->eof, wide);
}

/* Does variant WIDE of regular expression S match at buf[i]?  As YARA,
 * the wide form only where the ascii one does not match (not even empty). */
static int verify_re(const struct mctx *m, const struct rstring *s, int wide, size_t i)
{
    size_t cs = wide ? 2 : 1, len;
    long r;

    if (wide && (s->flags & RS_ASCII) && re_at(m, s, 0, i) >= 0) {
        return 0;
    }
    r = re_at(m, s, wide, i);
    if (r <= 0) {
        return 0;       /* YARA reports no empty match */
    }
    len = (size_t)r;
    return fullword_ok(m, s, cs, i, len) ? (int)len + 1 : 0;
}

static int verify_hex(struct mctx *m, const struct rstring *s, size_t i);

/* Does variant WIDE (text, regex) or S (hex) match at buf[i]?  The match
 * length + 1, 0 if not, -1: no memory.  (The verify_* functions alike.) */
static int verify(struct mctx *m, const struct rstring *s, int wide, size_t i)
{
    if (s->flags & RS_HEX) {
        return verify_hex(m, s, i);
    }
    return (s->flags & RS_REGEX) ? verify_re(m, s, wide, i) : verify_text(m, s, wide, i);
}

/* Any variant of S at buf[i]? */
static int verify_any(struct mctx *m, const struct rstring *s, size_t i)
{
    int ok = verify(m, s, !(s->flags & RS_ASCII), i);

    if (ok == 0 && (s->flags & (RS_ASCII | RS_WIDE)) == (RS_ASCII | RS_WIDE)) {
        ok = verify(m, s, 1, i);
    }
    return ok;
}

/*
 * Hex strings with jumps or alternatives are matched by simulating the
 * set of offsets (relative to the candidate start, 0..LIM) reachable after
 * each element, as bit sets: the work per candidate is elements x span
 * whatever the jumps combine into (backtracking would be exponential).
 * Each nesting level of alternatives has three sets in the pool.
 */
struct hsim {
    uint32_t *pool;
    size_t words;
    const uint8_t *d;
    size_t lim;
};

#define HSET(h, l, k) ((h)->pool + ((size_t)(l) * 3 + (k)) * (h)->words)
/*
 * Run elements from I over the offsets in CUR (a set of level L) until the
 * end of the string or of a branch (*STOP: that element).  Returns the set
 * holding the offsets reached, NULL if none.
 */
static uint32_t *hex_sim(struct hsim *h, const struct htok *t, unsigned i, unsigned l, uint32_t *cur,
                         unsigned *stop)
{
    uint32_t *tmp = cur == HSET(h, l, 0) ? HSET(h, l, 1) : HSET(h, l, 0);
    size_t w, q, bytes = h->words * sizeof *cur;

    for (;;) {
        const struct htok *e = &t[i];
        uint32_t *swap;
        int any = 0;

        switch (e->kind) {
        case HT_END:
        case HT_GOTO:
            *stop = i;
            return cur;
        case HT_BRANCH:
            i++;
            continue;
        case HT_BYTE:
            memset(tmp, 0, bytes);
            for (w = 0; w < h->words; w++) {
                uint32_t bits = cur[w];
                unsigned k;

                for (k = 0; bits; k++, bits >>= 1) {
                    size_t p = w * 32 + k;

                    if ((bits & 1u) && p < h->lim && (h->d[p] & e->mask) == e->val) {
                        SETBIT(tmp, p + 1);
                        any = 1;
                    }
                }
            }
            i++;
            break;
        case HT_JUMP: {
            size_t n = 0;

            memset(tmp, 0, bytes);
            for (q = 0; q <= h->lim; q++) {
                if (q >= e->a && BIT(cur, q - e->a)) {
                    n++;
                }
                if (q >= (size_t)e->b + 1 && BIT(cur, q - e->b - 1)) {
                    n--;
                }
                if (n) {
                    SETBIT(tmp, q);
                    any = 1;
                }
            }
            i++;
            break;
        }
        case HT_ALT: {
            uint32_t *acc = HSET(h, l, 2);
            unsigned br, bstop;

            memset(acc, 0, bytes);
            for (br = i + 1; br; br = t[br].a) {
                uint32_t *bc = HSET(h, l + 1, 0), *res;

                memcpy(bc, cur, bytes);
                res = hex_sim(h, t, br + 1, l + 1, bc, &bstop);
                if (res) {
                    for (w = 0; w < h->words; w++) {
                        acc[w] |= res[w];
                    }
                    any = 1;
                }
            }
            memcpy(tmp, acc, bytes);
            i = e->a;
            break;
        }
        default:
            return NULL;
        }
        if (!any) {
            return NULL;
        }
        swap = cur;
        cur = tmp;
        tmp = swap;
    }
}

/* Does hex string S match at buf[i]?  Its length + 1, 0 if not, -1 if the
 * pool is too small. */
static int verify_hex(struct mctx *m, const struct rstring *s, size_t i)
{
    const uint8_t *d = m->buf + i;
    size_t lim = m->have - i, k, off = 0;
    struct hsim h;
    unsigned stop;

    if (lim > s->maxlen) {
        lim = s->maxlen;
    }
    if (lim < s->minlen) {
        return 0;
    }
    /* the elements at fixed offsets first, compared directly */
    for (k = 0;; k++) {
        const struct htok *e = &s->tok[k];

        if (e->kind == HT_BYTE) {
            if (off >= lim || (d[off] & e->mask) != e->val) {
                return 0;
            }
            off++;
        } else if (e->kind == HT_JUMP && e->a == e->b) {
            off += e->a;
        } else {
            break;
        }
    }
    if (s->tok[k].kind == HT_END) {
        return (int)off + 1;
    }
    h.words = (lim + 1 + 31) / 32;
    if ((size_t)s->levels * 3 * h.words * sizeof *h.pool > m->memo_bytes) {
        return -1;
    }
    h.pool = (uint32_t *)(void *)m->memo;
    h.d = d;
    h.lim = lim;
    memset(HSET(&h, 0, 0), 0, h.words * sizeof *h.pool);
    SETBIT(HSET(&h, 0, 0), off);
    {
        /* the shortest match is the one YARA reports (its jumps are lazy) */
        const uint32_t *end = hex_sim(&h, s->tok, (unsigned)k, 0, HSET(&h, 0, 0), &stop);

        for (k = 0; end && k <= lim; k++) {
            if (BIT(end, k)) {
                return (int)k + 1;
            }
        }
        return 0;
    }
}

/* The atom of entry O ends at buf[i]: verify the string's possible starts,
 * in order. */
static int on_hit(struct mctx *m, const struct acout *o, size_t i)
{
    struct rstring *s = &m->rs->strs[o->str];
    const struct htok *t = s->tok;
    size_t at, b;
    int ok;

    for (b = (size_t)o->back + o->range;; b--) {
        at = i - b;
        /* a hex string's first element, here: most starts of a range end */
        if (m->base + i >= b && !(t && t->kind == HT_BYTE && (m->buf[at] & t->mask) != t->val)) {
            ok = verify(m, s, o->wide, at);
            if (ok < 0) {
                return IH_ENOMEM;
            }
            if (ok && add_match(m, s, m->base + at, (unsigned)ok - 1) != IH_OK) {
                return IH_ENOMEM;
            }
        }
        if (b == o->back) {
            return IH_OK;
        }
    }
}

/* buf[i] passed the filter (V: the last four bytes, folded): the atoms of
 * each length that end there. */
static int atom_hits(struct mctx *m, uint32_t v, size_t i)
{
    const struct rules *rs = m->rs;
    unsigned len;
    uint32_t f = 0;
    int rc;

    for (len = 0; len < 32; len += 8) {     /* fold V */
        f |= (uint32_t)fold((uint8_t)(v >> len)) << len;
    }
    v = f;
    for (len = 1; len <= ATOM_MAX; len++) {
        uint32_t key = len < 4 ? v & ((1u << 8 * len) - 1) : v, e, end;

        if (!(rs->lens >> len & 1) ||
            !(len < 3 ? BIT(len == 1 ? rs->filt : TWO(rs), key) : BIT(LAYER(rs, len), atom_bit(rs, key))) ||
            m->base + i + 1 < len) {
            continue;
        }
        e = atom_bucket(rs, key, len);
        for (end = rs->bstart[e + 1], e = rs->bstart[e]; e < end; e++) {
            const struct acout *o = &rs->outs[e];

            if (o->key == key && o->len == len && (rc = on_hit(m, o, i)) != IH_OK) {
                return rc;
            }
        }
    }
    return IH_OK;
}

/* Run the atom filter over buf[from..to), then the strings without atoms. */
static int feed(struct mctx *m, size_t from, size_t to)
{
    const struct rules *rs = m->rs;
    const uint32_t *one = rs->filt, *f2 = rs->filt + 8, *two = TWO(rs), *f0 = LAYER(rs, 0);
    const uint8_t *b = m->buf, *q, *end = b + to;
    uint32_t v = m->state, h, sh = 24 - rs->fbits, mask = (1u << rs->fbits) - 1;
    size_t i, k;
    int rc;

    /* the last two bytes; then atom_bit0() and the 1-byte filter, inline */
    for (q = b + from; q < end; q++) {
        v = v << 8 | *q;
        if (BIT(f2, v & 0xffff)) {
            h = (v ^ v >> sh) & mask;
            if ((BIT(f0, h) | BIT(one, v & 0xff) | BIT(two, v & 0xffff)) &&
                (rc = atom_hits(m, v, (size_t)(q - b))) != IH_OK) {
                return rc;
            }
        }
    }
    m->state = v;
    for (k = 0; k < rs->nanchorless; k++) {
        struct rstring *st = &rs->strs[rs->anchorless[k]];
        size_t req = from;      /* the first offset >= i with st->req's byte (literal) */

        for (i = from; i < to; i++) {
            int ok;

            /* a regex whose every match takes a byte of st->req (and the
             * literal from it): a start with none in the scan limit (wide:
             * twice) cannot match; req is looked for again only when i
             * passes it, so this costs one pass */
            if (st->req) {
                if (req < i || i == from) {
                    for (req = i; req < m->have && !(RULES_HAS(st->req, b[req]) &&
                                                     (st->litlen < 2 || (req + st->litlen <= m->have &&
                                                                         memcmp(b + req, st->lit, st->litlen) == 0)));) {
                        const uint8_t *hit = st->litlen ? memchr(b + req + 1, st->lit[0], m->have - req - 1) : NULL;

                        req = hit ? (size_t)(hit - b) : st->litlen ? m->have : req + 1;
                    }
                }
                if (req >= m->have) {
                    break;
                }
                if (req - i >= 2 * RULES_RE_SCAN_LIMIT) {
                    i = req - 2 * RULES_RE_SCAN_LIMIT;  /* the first start in reach, next */
                    continue;
                }
            }
            if (st->first && !RULES_HAS(st->first, b[i])) {
                continue;   /* no match begins with this byte */
            }
            if ((st->flags & RS_WSTART) && i > 0 && (is_alnum(b[i - 1]) || b[i - 1] == '_')) {
                continue;   /* \b then a word character: not inside a word */
            }
            ok = verify_any(m, st, i);

            if (ok < 0) {
                return IH_ENOMEM;
            }
            if (ok && add_match(m, st, m->base + i, (unsigned)ok - 1) != IH_OK) {
                return IH_ENOMEM;
            }
        }
    }
    return IH_OK;
}

static int read_at(int fd, uint8_t *p, size_t n, uint64_t off, size_t *got)
{
    size_t done = 0;

    while (done < n) {
        ssize_t r = pread(fd, p + done, n - done, (off_t)(off + done));

        if (r < 0) {
            if (errno == EINTR) {
                continue;
            }
            return IH_EIO;
        }
        if (r == 0) {
            break;
        }
        done += (size_t)r;
    }
    *got = done;
    return IH_OK;
}

/* The single pass: atom filter, verification and (optional) hashes. */
static int scan(struct mctx *m)
{
    size_t hist = m->rs->span + 2, ahead = m->rs->span + 2, fed = 0;
    int rc;

    if (m->fd < 0) {
        m->buf = (uint8_t *)(uintptr_t)m->mem;
        m->have = (size_t)m->size;
        m->eof = 1;
        if (m->hashing) {
            hash_update(&m->h, m->mem, m->have);
        }
        return feed(m, 0, m->have);
    }
    m->cap = hist + RULES_CHUNK + ahead;
    m->buf = rules_mem_alloc(m->rs, m->cap);
    if (!m->buf) {
        return IH_ENOMEM;
    }
    if (m->rs->nstrs == 0 && !m->hashing) {
        struct stat st;     /* nothing to look for: no pass over a regular file */

        if (fstat(m->fd, &st) == 0 && S_ISREG(st.st_mode)) {
            m->size = (uint64_t)st.st_size;
            return IH_OK;
        }
    }
    for (;;) {
        size_t limit, got, drop;

        while (m->have < m->cap && !m->eof) {
            rc = read_at(m->fd, m->buf + m->have, m->cap - m->have, m->base + m->have, &got);
            if (rc != IH_OK) {
                return rc;
            }
            if (got == 0) {
                m->eof = 1;
            }
            if (m->hashing) {
                hash_update(&m->h, m->buf + m->have, got);
            }
            m->have += got;
        }
        limit = m->eof ? m->have : m->have - ahead;
        if (limit > fed) {
            rc = feed(m, fed, limit);
            if (rc != IH_OK) {
                return rc;
            }
            fed = limit;
        }
        if (m->eof) {
            break;
        }
        drop = fed > hist ? fed - hist : 0;
        memmove(m->buf, m->buf + drop, m->have - drop);
        m->base += drop;
        m->have -= drop;
        fed -= drop;
    }
    m->size = m->base + m->have;
    return IH_OK;
}

/* ---- conditions ------------------------------------------------------- */

/*
 * Values of conditions: the evaluators store an integer in *OUT and
 * return 1, or return 0 for YARA's undefined value (*OUT untouched).
 */

/*
 * Digest ALG of the whole target, hashing it now unless the pass did.  The
 * first digest asked for brings every digest the set uses, in one read.
 */
static int need_hash(struct mctx *m, unsigned alg, const char **hex)
{
    if (!(m->hx_have & alg)) {
        unsigned want = (m->rs->hash_used | alg) & ~m->hx_have;
        struct hash_ctx h;
        struct hash_hex got;
        uint64_t off = 0;

        hash_init(&h, want);
        if (m->fd < 0) {
            hash_update(&h, m->mem, (size_t)m->size);
        } else {
            for (;;) {
                size_t n;

                if (read_at(m->fd, m->buf, m->cap, off, &n) != IH_OK) {
                    hash_abort(&h);
                    return IH_EIO;
                }
                if (n == 0) {
                    break;
                }
                hash_update(&h, m->buf, n);
                off += n;
            }
            m->have = 0;    /* the window is gone */
            m->base = m->size;
        }
        hash_final(&h, &got);
        if (want & HASH_MD5) {
            memcpy(m->hx.md5, got.md5, sizeof got.md5);
        }
        if (want & HASH_SHA1) {
            memcpy(m->hx.sha1, got.sha1, sizeof got.sha1);
        }
        if (want & HASH_SHA256) {
            memcpy(m->hx.sha256, got.sha256, sizeof got.sha256);
        }
        m->hx_have |= want;
    }
    *hex = alg == HASH_MD5 ? m->hx.md5 : alg == HASH_SHA1 ? m->hx.sha1 : m->hx.sha256;
    return IH_OK;
}

uint64_t rules_target_size(const struct mctx *m)
{
    return m->size;
}

/*
 * N bytes at OFF, from the window when they lie in it (memory: always);
 * otherwise the window moves there, RULES_PEEK bytes read at once, so that
 * a rule set's uint16(0), uint32(0x3c)... cost one read per target.
 */
int rules_read_bytes(struct mctx *m, uint64_t off, void *p, size_t n)
{
    uint64_t rel = off - m->base;   /* huge when OFF is before the window */
    size_t got;

    if (off + n > m->size) {
        return 0;   /* (wrapped past 2^64: the read below fails) */
    }
    if (rel > m->have || m->have - (size_t)rel < n) {
        if (read_at(m->fd, m->buf, RULES_PEEK, off, &got) != IH_OK || got < n) {
            return 0;
        }
        m->base = off;
        m->have = got;
        rel = 0;
    }
    memcpy(p, m->buf + rel, n);
    return 1;
}

/* intN/uintN[be](off): undefined outside the target. */
int rules_read(struct mctx *m, int64_t off, unsigned how, int64_t *out)
{
    unsigned size = how & 15u, k;
    uint8_t b[8];
    uint64_t v = 0;

    if (off < 0 || !rules_read_bytes(m, (uint64_t)off, b, size)) {
        return 0;
    }
    for (k = 0; k < size; k++) {
        unsigned idx = (how & RN_READ_BE) ? k : size - 1 - k;

        v = (v << 8) | b[idx];
    }
    if ((how & RN_READ_SIGNED) && (v & ((uint64_t)1 << (size * 8 - 1)))) {
        v |= ~(uint64_t)0 << (size * 8);    /* signed reads are 1 to 4 bytes */
    }
    *out = (int64_t)v;
    return 1;
}

static int eval(struct mctx *m, uint32_t ni, int64_t *out);

/*
 * Past the RULES_MAX_MATCHES kept offsets of S, look for a match starting
 * in [LO, HI] by reading that part of the target again (in chunks) and
 * confirming S at each offset, so that '$a at' and '$a in' stay exact.
 */
static int rescan(struct mctx *m, struct rstring *s, uint64_t lo, uint64_t hi)
{
    size_t chunk = 4096, cap = 2 + chunk + s->maxlen + 2;
    struct mctx t = *m;
    uint8_t *tmp = NULL;
    uint64_t pos;
    int found = 0;

    if (m->fd >= 0) {
        tmp = rules_mem_alloc(m->rs, cap);
        if (!tmp) {
            return 0;
        }
    }
    for (pos = lo; !found && pos <= hi && pos < m->size; pos += chunk) {
        uint64_t start = pos >= 2 ? pos - 2 : 0, p;
        size_t got;

        if (m->fd < 0) {
            t.buf = (uint8_t *)(uintptr_t)m->mem;
            t.base = 0;
            t.have = (size_t)m->size;
            start = 0;
        } else {
            size_t want = m->size - start < cap ? (size_t)(m->size - start) : cap;

            if (read_at(m->fd, tmp, want, start, &got) != IH_OK) {
                break;
            }
            t.buf = tmp;
            t.base = start;
            t.have = got;
        }
        for (p = pos; !found && p <= hi && p < pos + chunk && p < m->size; p++) {
            size_t i = (size_t)(p - start);

            found = verify_any(&t, s, i) > 0;
        }
    }
    rules_mem_free(m->rs, tmp);
    return found;
}

/* Has S a match starting in [LO, HI]? */
static int found_in(struct mctx *m, struct rstring *s, int64_t lo, int64_t hi)
{
    uint32_t k;

    if (hi < 0 || lo > hi) {
        return 0;
    }
    if (lo < 0) {
        lo = 0;
    }
    for (k = 0; k < s->nmatch; k++) {
        if ((int64_t)MOFF(s->off[k]) >= lo && (int64_t)MOFF(s->off[k]) <= hi) {
            return 1;
        }
    }
    if (s->count > s->nmatch && s->nmatch > 0 && (uint64_t)hi > MOFF(s->off[s->nmatch - 1])) {
        uint64_t from = MOFF(s->off[s->nmatch - 1]) + 1;

        return rescan(m, s, (uint64_t)lo > from ? (uint64_t)lo : from, (uint64_t)hi);
    }
    return 0;
}

/* Node NI as a boolean: undefined is false. */
static int truth(struct mctx *m, uint32_t ni)
{
    int64_t v;

    return eval(m, ni, &v) && v != 0;
}

/* A string operand: a constant, a digest or a section name (read into BUF
 * of STR_BUF bytes, or into *HEAP when longer). */
#define STR_BUF 128u
static int str_operand(struct mctx *m, uint32_t ni, const char **p, size_t *n, char *buf, char **heap)
{
    const struct rnode *nd = &m->rs->nodes[ni];
    uint64_t at;
    int64_t i;
    long l;

    if (nd->op == RN_STR) {
        *p = m->rs->consts[nd->sidx];
        *n = m->rs->constlen[nd->sidx];
        return IH_OK;
    }
    if (nd->op == RN_ELF) {
        if (!eval(m, nd->a, &i) || (l = rules_elf_name(m, i, &at)) == -1) {
            return IH_ENOENT;
        }
        if (l < 0 || (l > (long)STR_BUF && !(buf = *heap = rules_mem_alloc(m->rs, (size_t)l)))) {
            m->rc = l < 0 ? IH_ETOOBIG : IH_ENOMEM;     /* never a verdict on a cut name */
            return m->rc;
        }
        *p = buf;
        *n = (size_t)l;
        return rules_read_bytes(m, at, buf, (size_t)l) ? IH_OK : IH_EIO;
    }
    if (m->size == 0) {
        return IH_ENOENT;   /* YARA's hash module: no data, no digest */
    }
    if (need_hash(m, (unsigned)nd->v, p) != IH_OK) {
        return IH_EIO;
    }
    *n = strlen(*p);
    return IH_OK;
}

/* memcmp, ASCII case folded when FOLD */
static int str_cmpn(const char *p, const char *q, size_t n, int fold)
{
    size_t i;

    for (i = 0; i < n; i++) {
        int a = (unsigned char)p[i], b = (unsigned char)q[i];

        if (fold) {
            a = a >= 'A' && a <= 'Z' ? a + 32 : a;
            b = b >= 'A' && b <= 'Z' ? b + 32 : b;
        }
        if (a != b) {
            return a - b;
        }
    }
    return 0;
}

/* P OP Q for the string operators (SC_*), as YARA compares: bytes, then length. */
static int str_compare(unsigned op, const char *p, size_t pn, const char *q, size_t qn)
{
    int fold = op == SC_ICONTAINS || op == SC_ISTARTSWITH || op == SC_IENDSWITH || op == SC_IEQUALS;
    size_t i;
    int c;

    switch (op) {
    case SC_CONTAINS:
    case SC_ICONTAINS:
        for (i = 0; i + qn <= pn; i++) {
            if (str_cmpn(p + i, q, qn, fold) == 0) {
                return 1;
            }
        }
        return 0;
    case SC_STARTSWITH:
    case SC_ISTARTSWITH:
        return qn <= pn && str_cmpn(p, q, qn, fold) == 0;
    case SC_ENDSWITH:
    case SC_IENDSWITH:
        return qn <= pn && str_cmpn(p + pn - qn, q, qn, fold) == 0;
    default:
        break;
    }
    c = str_cmpn(p, q, pn < qn ? pn : qn, fold);
    if (c == 0) {
        c = pn < qn ? -1 : pn > qn;
    }
    switch (op) {
    case SC_NE: return c != 0;
    case SC_LT: return c < 0;
    case SC_LE: return c <= 0;
    case SC_GT: return c > 0;
    case SC_GE: return c >= 0;
    default: return c == 0;     /* SC_EQ, SC_IEQUALS */
    }
}

/*
 * for/of (RN_FOR): how many of the items make the body true, against the
 * quantifier.  As YARA: an empty or undefined range is false; an undefined
 * body counts as false; a list item that is undefined leaves its variable
 * undefined.
 */
/* Has P[0..N) a match of RE (anywhere)?  An empty text has none, as in YARA. */
static int str_matches(struct regex *re, const char *p, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (rules_re_exec(re, (const uint8_t *)p + i, n - i, i, i == 0, 1, 0) >= 0) {
            return 1;
        }
    }
    return 0;
}

static int eval_for(struct mctx *m, const struct rnode *nd, int64_t *out)
{
    const struct rules *rs = m->rs;
    unsigned kind = (unsigned)nd->v & FOR_KIND, slot = (unsigned)(nd->v >> FOR_SLOT);
    int all = nd->a == OF_ALL, pct = (nd->v & FOR_PCT) != 0;
    int64_t need = 1, lo = nd->b, hi = (int64_t)nd->b + nd->c - 1, k, n = 0, found = 0;
    uint32_t cur = m->cur;

    if (nd->a == OF_NONE) {
        need = 0;
    } else if (!IS_OF_CONST(nd->a) && !eval(m, nd->a, &need)) {
        return 0;
    }
    *out = 0;
    if (kind == FOR_RANGE && (!eval(m, nd->b, &lo) || !eval(m, nd->c, &hi))) {
        return 1;
    }
    for (k = lo; k <= hi; k++) {
        if (m->iters >= RULES_MAX_ITERATIONS) {
            m->rc = IH_ETOOBIG;
            return 0;
        }
        m->iters++;
        if (kind == FOR_OF) {
            m->cur = rs->sets[k];
        } else {
            m->vdef[slot] = kind == FOR_LIST ? (uint8_t)eval(m, rs->sets[k], &m->var[slot]) : 1;
            if (kind == FOR_RANGE) {
                m->var[slot] = k;
            }
        }
        n++;
        found += truth(m, nd->sidx);
        if (k == INT64_MAX || (all ? found < n : !pct && need > 0 && found >= need)) {
            break;
        }
    }
    m->cur = cur;
    if (all) {
        need = n;
    } else if (pct) {
        need = (need * n + 99) / 100;
    }
    *out = n > 0 && (need == 0 ? found == 0 : found >= need);
    return m->rc == IH_OK;
}

int rules_arith(uint8_t op, int64_t a, int64_t b, int64_t *out)
{
    uint64_t ua = (uint64_t)a, ub = (uint64_t)b;
    int64_t r;

    switch (op) {
    case RN_ADD: r = (int64_t)(ua + ub); break;
    case RN_SUB: r = (int64_t)(ua - ub); break;
    case RN_MUL: r = (int64_t)(ua * ub); break;
    case RN_DIV:
        if (b == 0) {
            return 0;
        }
        r = (a == INT64_MIN && b == -1) ? INT64_MIN : a / b;
        break;
    case RN_MOD:
        if (b == 0) {
            return 0;
        }
        r = b == -1 ? 0 : a % b;
        break;
    case RN_SHL:
        r = b < 64 ? (int64_t)(ua << (ub & 63)) : 0;
        break;
    case RN_SHR:
        /* arithmetic shift, as the reference implementation's compiler does */
        r = b >= 64 ? 0 : a < 0 ? (int64_t)~(~ua >> (ub & 63)) : (int64_t)(ua >> (ub & 63));
        break;
    case RN_BAND: r = (int64_t)(ua & ub); break;
    case RN_BOR: r = (int64_t)(ua | ub); break;
    case RN_BXOR: r = (int64_t)(ua ^ ub); break;
    case RN_EQ: r = a == b; break;
    case RN_NE: r = a != b; break;
    case RN_LT: r = a < b; break;
    case RN_LE: r = a <= b; break;
    case RN_GT: r = a > b; break;
    case RN_GE: r = a >= b; break;
    default: return 0;
    }
    *out = r;
    return 1;
}

/* String operators (their own frame: the operands' buffers). */
static __attribute__((noinline)) int eval_scmp(struct mctx *m, const struct rnode *nd, int64_t *out)
{
    char ba[STR_BUF], bb[STR_BUF], *ha = NULL, *hb = NULL;
    const char *p, *q;
    size_t pn, qn;
    int d = str_operand(m, nd->a, &p, &pn, ba, &ha) == IH_OK;

    if (d && nd->v == SC_MATCHES) {
        *out = str_matches((struct regex *)m->rs->consts[nd->b], p, pn);
    } else if (d && (d = str_operand(m, nd->b, &q, &qn, bb, &hb) == IH_OK)) {
        *out = str_compare((unsigned)nd->v, p, pn, q, qn);
    }
    rules_mem_free(m->rs, ha);
    rules_mem_free(m->rs, hb);
    return d;
}

/* elf.entry_point (K 0) or entrypoint (K 1), computed once per target. */
static int entry(struct mctx *m, int k, int64_t *out)
{
    if (!m->ep_have[k]) {
        int d = k ? rules_entrypoint(m, &m->ep[k]) : rules_elf(m, EF_ENTRY, 0, &m->ep[k]);

        m->ep_have[k] = d ? 1 : 2;
    }
    *out = m->ep[k];
    return m->ep_have[k] == 1;
}

/*
 * YARA's semantics for undefined values (uint32 past the end, @a[9] of a
 * string with fewer matches, x \ 0): arithmetic, comparisons and 'not'
 * propagate them; 'and' and 'or' take them as false; a rule whose
 * condition is undefined does not match.
 */
static int eval(struct mctx *m, uint32_t ni, int64_t *out)
{
    const struct rnode *nd = &m->rs->nodes[ni];
    struct rstring *s = nd->op >= RN_FOUND && nd->op <= RN_IN
                        ? &m->rs->strs[nd->sidx == RN_CUR ? m->cur : nd->sidx] : NULL;
    int64_t a, b;
    int da, db;

    switch (nd->op) {
    case RN_INT:
    case RN_BOOL:
        *out = nd->v;
        return 1;
    case RN_FILESIZE:
        *out = (int64_t)m->size;
        return 1;
    case RN_AND:
        *out = truth(m, nd->a) && truth(m, nd->b);
        return 1;
    case RN_OR:
        *out = truth(m, nd->a) || truth(m, nd->b);
        return 1;
    case RN_NOT:
    case RN_NEG:
    case RN_BNOT:
        if (!eval(m, nd->a, &a)) {
            return 0;
        }
        *out = nd->op == RN_NOT ? !a : nd->op == RN_NEG ? (int64_t)(0 - (uint64_t)a) : ~a;
        return 1;
    case RN_SCMP:
        return eval_scmp(m, nd, out);
    case RN_FOUND:
        *out = s->count > 0;
        return 1;
    case RN_COUNT:
        if (nd->c) {    /* #a in (a..b): undefined when offsets beyond the kept ones count */
            uint32_t k, c = 0;

            if (!eval(m, nd->a, &a) || !eval(m, nd->b, &b) ||
                (s->count > s->nmatch && (uint64_t)b > MOFF(s->off[s->nmatch - 1]))) {
                return 0;
            }
            for (k = 0; k < s->nmatch; k++) {
                c += (int64_t)MOFF(s->off[k]) >= a && (int64_t)MOFF(s->off[k]) <= b;
            }
            *out = c;
            return 1;
        }
        *out = s->count;
        return 1;
    case RN_OFFSET:
    case RN_LENGTH:
        if (!eval(m, nd->a, &a) || a < 1 || (uint64_t)a > s->nmatch) {
            return 0;
        }
        *out = (int64_t)(nd->op == RN_OFFSET ? MOFF(s->off[a - 1]) : MLEN(s->off[a - 1]));
        return 1;
    case RN_AT:
        *out = eval(m, nd->a, &a) && a >= 0 && found_in(m, s, a, a);
        return 1;
    case RN_FOR:
        return eval_for(m, nd, out);
    case RN_VAR:
        *out = m->var[nd->sidx];
        return m->vdef[nd->sidx];
    case RN_DEFINED:
        *out = eval(m, nd->a, &a);
        return 1;
    case RN_READ:
        return eval(m, nd->a, &a) && rules_read(m, a, (unsigned)nd->v, out);
    case RN_RULE:
        *out = m->rs->rules[nd->sidx].value;
        return 1;
    case RN_ENTRY:
        return entry(m, 1, out);
    case RN_ELF:
        if (nd->v == EF_ENTRY) {
            return entry(m, 0, out);
        }
        return (nd->v < EF_S_NAME || eval(m, nd->a, &a)) && rules_elf(m, (unsigned)nd->v, a, out);
    case RN_STR:
    case RN_HASH:
        return 0;
    default:    /* RN_IN and the binary operators: both sides, always */
        da = eval(m, nd->a, &a);
        db = eval(m, nd->b, &b);
        if (!da || !db) {
            return 0;
        }
        if (nd->op == RN_IN) {
            *out = found_in(m, s, a, b);
            return 1;
        }
        return rules_arith(nd->op, a, b, out);
    }
}

static int match(struct rules *rs, struct mctx *m, unsigned flags, struct hash_hex *hashes,
                 int (*cb)(const char *rule, void *ctx), void *ctx)
{
    size_t memo_bytes = 0;
    unsigned i;
    int rc, global_ok = 1;

    if (!rs->compiled) {
        rc = rules_compile(rs);
        if (rc != IH_OK) {
            return rc;
        }
    }
    for (i = 0; i < rs->nstrs; i++) {
        struct rstring *s = &rs->strs[i];
        size_t need = (size_t)s->levels * 3 * (((size_t)s->maxlen + 1 + 31) / 32) * sizeof(uint32_t);

        s->count = s->nmatch = 0;
        if (need > memo_bytes) {
            memo_bytes = need;
        }
    }
    if (memo_bytes) {
        m->memo = rules_mem_alloc(rs, memo_bytes);
        if (!m->memo) {
            return IH_ENOMEM;
        }
        m->memo_bytes = memo_bytes;
    }
    m->hashing = hashes != NULL || (flags & RULES_MATCH_HASHES);
    if (m->hashing) {
        hash_init(&m->h, HASH_ALL);
    }
    rc = scan(m);
    if (m->hashing) {
        if (rc == IH_OK) {
            hash_final(&m->h, &m->hx);
            m->hx_have = HASH_ALL;
        } else {
            hash_abort(&m->h);
        }
    }
    if (rc != IH_OK) {
        goto out;
    }
    for (i = 0; i < rs->nrules; i++) {
        rs->rules[i].value = truth(m, rs->rules[i].cond);
        if ((rs->rules[i].flags & RR_GLOBAL) && !rs->rules[i].value) {
            global_ok = 0;
        }
    }
    if (m->rc != IH_OK) {   /* a loop limit: the verdict would not be whole */
        rc = m->rc;
        goto out;
    }
    if (hashes) {
        *hashes = m->hx;
    }
    for (i = 0; global_ok && i < rs->nrules; i++) {
        if (rs->rules[i].value && !(rs->rules[i].flags & RR_PRIVATE)) {
            if (cb && cb(rs->rules[i].name, ctx) != 0) {
                break;
            }
        }
    }
out:
    for (i = 0; i < rs->nstrs; i++) {
        rules_mem_free(rs, rs->strs[i].off);
        rs->strs[i].off = NULL;
        rs->strs[i].capm = 0;
    }
    rules_mem_free(rs, m->memo);
    if (m->fd >= 0) {
        rules_mem_free(rs, m->buf);
    }
    return rc;
}

int rules_match_fd(struct rules *rs, int fd, unsigned flags, struct hash_hex *hashes,
                   int (*cb)(const char *rule, void *ctx), void *ctx)
{
    struct mctx m;

    memset(&m, 0, sizeof m);
    m.rs = rs;
    m.fd = fd;
    return match(rs, &m, flags, hashes, cb, ctx);
}

int rules_match_buffer(struct rules *rs, const void *buf, size_t len, unsigned flags,
                       struct hash_hex *hashes, int (*cb)(const char *rule, void *ctx), void *ctx)
{
    struct mctx m;

    memset(&m, 0, sizeof m);
    m.rs = rs;
    m.fd = -1;
    m.mem = buf;
    m.size = len;
    return match(rs, &m, flags, hashes, cb, ctx);
}
