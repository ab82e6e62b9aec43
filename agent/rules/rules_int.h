/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * rules_int.h - internals shared by the rule engine's parser
 * (rules_parse.c), compiler and matcher (rules_match.c).  Not for other
 * modules: they use rules.h.
 */
#ifndef IOTHUNT_RULES_INT_H
#define IOTHUNT_RULES_INT_H

#include "rules.h"

#include <stddef.h>
#include <stdint.h>

/* Text string modifiers (struct rstring.flags) */
#define RS_NOCASE   0x01u
#define RS_WIDE     0x02u
#define RS_ASCII    0x04u
#define RS_FULLWORD 0x08u
#define RS_HEX      0x10u
#define RS_PRIVATE  0x20u
#define RS_ANON     0x40u   /* "$ = ..." */
#define RS_REGEX    0x80u   /* "/.../": re */
#define RS_XOR      0x100u  /* xor: keys xlo..xhi (text) */
#define RS_B64      0x200u  /* parse time: base64, base64wide (str_mods' order */
#define RS_WSTART   0x800u  /* compiled: a regex begins at \b, with a word character */
#define RS_B64W     0x400u  /* after xor); the string becomes a hex string */

/* Regular expressions (rules_regex.c) */
#define RE_F_NOCASE 1u      /* /i or nocase */
#define RE_F_DOTALL 2u      /* /s: '.' matches '\n' */
#define RULES_RE_SCAN_LIMIT 4096u   /* longest match, in characters (YARA's) */

struct regex;

/*
 * Compile SRC[0..N) (YARA's dialect, between the slashes) with RE_F_*
 * FLAGS into *OUT (freed with rules_re_free).  IH_EPARSE with *ERR naming
 * the problem; IH_ENOMEM.
 */
int rules_re_compile(struct rules *rs, const uint8_t *src, size_t n, unsigned flags, struct regex **out,
                     const char **err);
void rules_re_free(struct rules *rs, struct regex *re);
/*
 * The characters at fixed offsets from RE's instruction PC on (at most MAX)
 * into OUT: a byte (a letter also stands for its other case), or 256 for a
 * class of several.
 */
unsigned rules_re_prefix(const struct regex *re, unsigned pc, uint16_t *out, unsigned max);

/* Is byte C in the 256-bit class S? */
#define RULES_HAS(s, c) (((s)[(c) >> 3] >> ((c) & 7)) & 1)
/*
 * A byte class every match of RE takes a byte from (the narrowest one all
 * paths to the match go through), or NULL: a start with no byte of it
 * within the scan limit cannot match.
 */
const uint8_t *rules_re_required(struct regex *re, uint8_t *lit, uint8_t *litlen);
#define RULES_RE_LIT 8u     /* ... and the literal it begins (LIT, *LITLEN) */
/* The bytes a match of RE can begin with into the class SET; 0 when RE
 * can match the empty string (any start), 2 when RE begins with \b and
 * every byte in SET is a word character.  Where matches begin, into BR
 * and *NBR: the first instruction taking a byte on each path from the
 * start (a leading '^' skipped), at most RULES_RE_BRANCHES; *NBR is 0 when
 * a path meets an assertion first, or there are more. */
int rules_re_first(struct regex *re, uint8_t *set, uint16_t *br, unsigned *nbr);
#define RULES_RE_BRANCHES 8u    /* a power of two */
/*
 * Length of the match of RE anchored at D (YARA's choice among matches),
 * -1 if none.  AVAIL bytes readable at D, BEFORE before it; BOD, EOD: D is
 * the start, D + AVAIL the end of the data; WIDE: characters are followed
 * by a zero byte.  Linear: program size x AVAIL steps at most.
 */
long rules_re_exec(struct regex *re, const uint8_t *d, size_t avail, size_t before, int bod, int eod,
                   int wide);

/* Hex string elements (struct htok.kind), flattened:
 *   ALT(end) BRANCH(next) ..branch.. GOTO(end) BRANCH(0) ..branch.. GOTO(end)
 * then END at the very end of the string. */
enum htok_kind {
    HT_BYTE,        /* data & mask == val */
    HT_JUMP,        /* skip min..max bytes */
    HT_ALT,         /* alternatives: branches follow; a = index after group */
    HT_BRANCH,      /* start of one branch; a = next BRANCH or 0 */
    HT_GOTO,        /* end of a branch: continue at a */
    HT_END
};

struct htok {
    uint8_t kind;
    uint8_t val, mask;  /* BYTE; ALT: its longest branch, low and high byte */
    uint16_t a, b;      /* JUMP: min, max; ALT/BRANCH/GOTO: token index (a);
                         * ALT: its shortest branch (b) */
};

/* Caps on hex string structure (docs/RULES.md). */
#define RULES_MAX_HEX_BRANCHING 32u  /* JUMP + ALT elements in one hex string */

struct rstring {
    char *name;             /* "$a" (owned); "$" for anonymous */
    unsigned rule;          /* owning rule */
    unsigned flags;         /* RS_* */
    uint8_t *bytes;         /* text: literal bytes (owned) */
    size_t len;             /* text: byte count */
    struct htok *tok;       /* hex: tokens (owned), END-terminated */
    struct regex *re;       /* regular expression (owned) */
    const uint8_t *req;     /* regex without an atom: rules_re_required() */
    uint8_t lit[RULES_RE_LIT], litlen; /* ... and its literal */
    uint8_t *first;         /* ... and the bytes it can begin with (owned), or NULL */
    unsigned ntok;
    unsigned minlen, maxlen;/* span of a match (text: len, wide 2*len) */
    uint8_t xlo, xhi;       /* xor: the keys (text; 0, 0 without xor) */
    int used;               /* referenced by the condition */
    unsigned levels;        /* hex with jumps/alternatives: nesting + 1, else 0 */
    /* per match call */
    uint32_t count;         /* matches seen (exact up to 2^32-1) */
    uint32_t nmatch, capm;  /* stored offsets */
    uint64_t *off;          /* sorted, unique, at most RULES_MAX_MATCHES:
                             * offset << 16 | match length (MOFF, MLEN) */
};

/* Condition nodes (struct rnode.op) */
enum rnode_op {
    RN_INT,         /* v */
    RN_BOOL,        /* v (0/1) */
    RN_STR,         /* text constant: sidx = index in rs->consts */
    RN_FILESIZE,
    RN_AND, RN_OR, RN_NOT,
    RN_EQ, RN_NE, RN_LT, RN_LE, RN_GT, RN_GE,
    RN_SCMP,        /* strings a OP b, OP = v (SC_*) */
    RN_ADD, RN_SUB, RN_MUL, RN_DIV, RN_MOD,
    RN_SHL, RN_SHR, RN_BAND, RN_BOR, RN_BXOR, RN_NEG, RN_BNOT,
    RN_FOUND,       /* $a: sidx (RN_CUR: the string of the enclosing for-of) */
    RN_COUNT,       /* #a: sidx; c = 1: #a in (a..b) */
    RN_OFFSET,      /* @a[a]: sidx, a = index node */
    RN_LENGTH,      /* !a[a]: sidx, a = index node */
    RN_AT,          /* $a at a */
    RN_IN,          /* $a in (a..b) */
    RN_FOR,         /* for/of: a = quantifier node or OF_*, sidx = body node,
                     * v = FOR_* kind | FOR_PCT | slot << FOR_SLOT; items:
                     * FOR_OF: strings sets[b..b+c), FOR_LIST: value nodes
                     * sets[b..b+c), FOR_RANGE: nodes b..c */
    RN_VAR,         /* loop variable: sidx = slot */
    RN_DEFINED,     /* defined a */
    RN_READ,        /* intN/uintN(a): v = size | signed<<4 | be<<5 */
    RN_HASH,        /* v = HASH_MD5/SHA1/SHA256 */
    RN_RULE,        /* sidx = rule index */
    RN_ELF,         /* elf.FIELD: v = EF_*, a = index node (sections[], segments[]) */
    RN_ENTRY        /* entrypoint */
};

/* RN_SCMP operators: == != < <= > >= (same order as RN_EQ..RN_GE), then
 * the word operators in the order of rules_parse.c's str_ops. */
enum {
    SC_EQ, SC_NE, SC_LT, SC_LE, SC_GT, SC_GE,
    SC_CONTAINS, SC_ICONTAINS, SC_STARTSWITH, SC_ISTARTSWITH, SC_ENDSWITH,
    SC_IENDSWITH, SC_IEQUALS, SC_MATCHES
};

#define MOFF(x) ((x) >> 16)
#define MLEN(x) ((x) & 0xffffu)

#define OF_ALL 0xffffffffu
#define OF_ANY 0xfffffffeu
#define OF_NONE 0xfffffffdu
#define IS_OF_CONST(q) ((q) >= OF_NONE)

#define FOR_OF    0u        /* 'of' and 'for ... of': body over each string */
#define FOR_RANGE 1u
#define FOR_LIST  2u
#define FOR_KIND  3u
#define FOR_PCT   4u        /* the quantifier is a percentage */
#define FOR_SLOT  3         /* shift of the loop variable's slot */
#define RN_CUR    0xffffffffu   /* sidx: the string of the enclosing for-of */

#define RN_READ_SIGNED 0x10
#define RN_READ_BE     0x20

struct rnode {
    uint8_t op;
    uint8_t type;           /* RT_* */
    uint8_t cconst;         /* a constant for YARA's compile-time checks */
    uint32_t a, b, c;
    uint32_t sidx;
    uint32_t height;        /* of the subtree (capped by RULES_MAX_HEIGHT) */
    int64_t v;
    int64_t cv;             /* its value as YARA's compiler computes it */
};

/* Fields of the 'elf' module (RN_ELF v): the header, then sections[i] and
 * segments[i] members (rules_elf.c's table follows this order). */
enum elf_field {
    EF_TYPE, EF_MACHINE, EF_ENTRY, EF_PHOFF, EF_SHOFF, EF_PHENTSIZE, EF_PHNUM, EF_SHENTSIZE,
    EF_SHNUM, EF_SHSTRNDX,
    EF_S_NAME, EF_S_TYPE, EF_S_FLAGS, EF_S_ADDR, EF_S_OFFSET, EF_S_SIZE,
    EF_P_TYPE, EF_P_FLAGS, EF_P_OFFSET, EF_P_VADDR, EF_P_PADDR, EF_P_FILESZ, EF_P_MEMSZ, EF_P_ALIGN,
    EF_COUNT
};
#define RULES_ELF_NAME_MAX 65536u   /* longer section names: IH_ETOOBIG */

#define RULES_CONST_REGEX ((size_t)-1)

#define RT_BOOL 1
#define RT_INT  2
#define RT_STR  3

struct rrule {
    char *name;             /* owned */
    unsigned flags;         /* RR_* */
    uint32_t cond;          /* root node */
    uint32_t str_first, str_count;  /* its strings in rs->strs */
    /* per match call */
    int value;
};

#define IMPORT_HASH 1u
#define IMPORT_ELF  2u

#define RR_PRIVATE 1u
#define RR_GLOBAL  2u

/* Atom table entry: a string variant and its atom. */
struct acout {
    uint32_t str;           /* index in rs->strs */
    uint32_t key;           /* the atom's case-folded bytes, the last lowest */
    uint16_t back;          /* atom's last byte minus pattern start */
    uint8_t range;          /* ... up to RANGE more (hex, after variable jumps) */
    uint8_t wide;           /* variant: 0 ascii/hex, 1 wide */
    uint8_t len;            /* atom bytes, 1-4 */
};

struct rules {
    /* loaded */
    struct rrule *rules;
    unsigned nrules, caprules;
    struct rstring *strs;
    unsigned nstrs, capstrs;
    struct rnode *nodes;
    unsigned nnodes, capnodes;
    uint32_t *sets;         /* string index lists of "of" */
    unsigned nsets, capsets;
    char **consts;          /* text constants of conditions (hash values), and
                             * the expressions of 'matches' (struct regex *,
                             * constlen RULES_CONST_REGEX) */
    size_t *constlen;
    unsigned nconsts, capconsts;
    unsigned hash_used;     /* HASH_* bits the conditions need */
    unsigned imported;      /* IMPORT_* */
    int has_global;
    /* compiled (built at first match after a load) */
    int compiled;
    uint32_t *filt;         /* filters: 256 bits of the 1-byte atoms, then
                             * four of 2^fbits bits, hashed: the last three
                             * bytes of an atom (any byte before a 2-byte
                             * one), the atoms of 2, 3, 4 bytes */
    uint32_t *bstart;       /* 2^nbits + 1: first entry of each bucket */
    struct acout *outs;     /* entries, by bucket */
    unsigned nbits, lens;   /* lens: bit L set if an atom has L bytes */
    unsigned fbits;
    uint32_t *anchorless;   /* hex strings verified at every offset */
    unsigned nanchorless;
    unsigned span;          /* longest match of any string */
    /* accounting */
    size_t heap_cur, heap_peak;
};

/* The target of a match call (rules_match.c), for the modules. */
struct mctx;
/* Its size in bytes. */
uint64_t rules_target_size(const struct mctx *m);
/* Bytes [OFF, OFF + N) into P: 1, or 0 past the end (or a read error). */
int rules_read_bytes(struct mctx *m, uint64_t off, void *p, size_t n);
/* intN/uintN at OFF (HOW: size 1-8 | RN_READ_SIGNED | RN_READ_BE): 1 defined. */
int rules_read(struct mctx *m, int64_t off, unsigned how, int64_t *out);

/* Module 'elf' and 'entrypoint' (rules_elf.c): 1 defined, 0 undefined. */
int rules_elf(struct mctx *m, unsigned field, int64_t idx, int64_t *out);
/* elf.sections[IDX].name: its length and offset (*AT); -1 undefined, -2
 * longer than RULES_ELF_NAME_MAX. */
long rules_elf_name(struct mctx *m, int64_t idx, uint64_t *at);
int rules_entrypoint(struct mctx *m, int64_t *out);

/* Engine allocator: counts the heap held by a set (rules_heap_peak). */
void *rules_mem_alloc(struct rules *rs, size_t n);
void *rules_mem_realloc(struct rules *rs, void *p, size_t n);
void rules_mem_free(struct rules *rs, void *p);

/* A OP B for the integer operators (RN_ADD..RN_GE) as YARA computes them
 * (64-bit wrap-around); 0 for an undefined result (division by 0). */
int rules_arith(uint8_t op, int64_t a, int64_t b, int64_t *out);

/* Drop the compiled atom table (after a load). */
void rules_uncompile(struct rules *rs);

/* Build the atom table for the loaded strings. */
int rules_compile(struct rules *rs);

#endif
