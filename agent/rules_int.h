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
    uint8_t val, mask;
    uint16_t a, b;      /* JUMP: min, max; ALT/BRANCH/GOTO: token index */
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
    unsigned ntok;
    unsigned minlen, maxlen;/* span of a match (text: len, wide 2*len) */
    int used;               /* referenced by the condition */
    unsigned levels;        /* hex with jumps/alternatives: nesting + 1, else 0 */
    /* per match call */
    uint32_t count;         /* matches seen (exact up to 2^32-1) */
    uint32_t nmatch, capm;  /* stored offsets */
    uint64_t *off;          /* sorted, unique, at most RULES_MAX_MATCHES */
};

/* Condition nodes (struct rnode.op) */
enum rnode_op {
    RN_INT,         /* v */
    RN_BOOL,        /* v (0/1) */
    RN_STR,         /* text constant: sidx = index in rs->consts */
    RN_FILESIZE,
    RN_AND, RN_OR, RN_NOT,
    RN_EQ, RN_NE, RN_LT, RN_LE, RN_GT, RN_GE,
    RN_SEQ, RN_SNE, /* string == / != */
    RN_ADD, RN_SUB, RN_MUL, RN_DIV, RN_MOD,
    RN_SHL, RN_SHR, RN_BAND, RN_BOR, RN_BXOR, RN_NEG, RN_BNOT,
    RN_FOUND,       /* $a: sidx */
    RN_COUNT,       /* #a: sidx */
    RN_OFFSET,      /* @a[a]: sidx, a = index node */
    RN_AT,          /* $a at a */
    RN_IN,          /* $a in (a..b) */
    RN_OF,          /* a = quantifier node or OF_ALL/OF_ANY; set in sets[b..b+c) */
    RN_READ,        /* intN/uintN(a): v = size | signed<<4 | be<<5 */
    RN_HASH,        /* v = HASH_MD5/SHA1/SHA256 */
    RN_RULE         /* sidx = rule index */
};

#define OF_ALL 0xffffffffu
#define OF_ANY 0xfffffffeu

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

#define RR_PRIVATE 1u
#define RR_GLOBAL  2u

/* Aho-Corasick output: a string variant whose atom ends in this state. */
struct acout {
    uint32_t str;           /* index in rs->strs */
    uint8_t wide;           /* variant: 0 ascii/hex, 1 wide */
    uint16_t back;          /* atom's last byte minus pattern start */
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
    char **consts;          /* text constants of conditions (hash values) */
    size_t *constlen;
    unsigned nconsts, capconsts;
    unsigned hash_used;     /* HASH_* bits the conditions need */
    int hash_imported;
    int has_global;
    /* compiled (built at first match after a load) */
    int compiled;
    uint16_t *delta;        /* nstates x ncls; bit 15: target has outputs */
    int rowoff;             /* cells hold row offsets (small sets), else states */
    unsigned nstates, ncls;
    uint8_t cls[256];
    uint32_t *out_start;    /* per state: first in outs */
    uint16_t *out_count;
    struct acout *outs;
    unsigned nouts;
    uint32_t *anchorless;   /* hex strings verified at every offset */
    unsigned nanchorless;
    unsigned span;          /* longest match of any string */
    /* accounting */
    size_t heap_cur, heap_peak;
};

/* Engine allocator: counts the heap held by a set (rules_heap_peak). */
void *rules_mem_alloc(struct rules *rs, size_t n);
void *rules_mem_realloc(struct rules *rs, void *p, size_t n);
void rules_mem_free(struct rules *rs, void *p);

/* Drop the compiled automaton (after a load). */
void rules_uncompile(struct rules *rs);

/* Build the automaton for the loaded strings. */
int rules_compile(struct rules *rs);

#endif
