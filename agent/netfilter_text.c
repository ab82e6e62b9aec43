/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * netfilter_text.c - text parsers for firewall rules: iptables-save /
 * iptables-restore, nft rulesets, OpenWrt UCI firewall config, and
 * firewall.user shell lines.  Pure: lines in, struct nf_blocks out.
 *
 * Each parser recognises one thing: a rule that drops or rejects tcp
 * destination port 7547 and/or 5555 on the way in.  Everything else in the
 * text is read only as far as needed to know where a rule sits (table,
 * chain) and skipped.  A negated port match (`! --dport 7547`,
 * `tcp dport != 7547`) is not a block of that port.
 */
#include "netfilter.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/*
 * The words the grammars look for.  nf_split numbers each word it cuts
 * (nf_tok.kw) by this one list, so the parsers compare small numbers: a
 * string compare per keyword tested was most of this file's code on the
 * device.  The iptables options come first, with what nf_ipt_args does
 * with each; then the other words, in groups that are tested as ranges
 * (keep each group together and in order).
 */
enum ipt_opt { IO_APPEND, IO_INSERT, IO_TABLE, IO_PROTO, IO_DPORT, IO_DPORTS, IO_JUMP,
               IO_VALUE, IO_NEWCHAIN };

#define NF_OPTS(O) \
    O("-A", IO_APPEND) O("--append", IO_APPEND) O("-I", IO_INSERT) \
    O("--insert", IO_INSERT) O("-t", IO_TABLE) O("--table", IO_TABLE) \
    O("-p", IO_PROTO) O("--protocol", IO_PROTO) O("--dport", IO_DPORT) \
    O("--destination-port", IO_DPORT) O("--dports", IO_DPORTS) \
    O("--destination-ports", IO_DPORTS) O("--ports", IO_DPORTS) O("-j", IO_JUMP) \
    O("--jump", IO_JUMP) O("-g", IO_JUMP) O("--goto", IO_JUMP) O("-m", IO_VALUE) \
    O("--match", IO_VALUE) O("--comment", IO_VALUE) O("-i", IO_VALUE) \
    O("--in-interface", IO_VALUE) O("-o", IO_VALUE) O("--out-interface", IO_VALUE) \
    O("-s", IO_VALUE) O("--source", IO_VALUE) O("-d", IO_VALUE) \
    O("--destination", IO_VALUE) O("--sport", IO_VALUE) O("--source-port", IO_VALUE) \
    O("--sports", IO_VALUE) O("--source-ports", IO_VALUE) O("-N", IO_NEWCHAIN) \
    O("--new-chain", IO_NEWCHAIN)

#define NF_WORDS(W) \
    W(JUMP, "jump") W(GOTO, "goto") W(L4PROTO, "l4proto") W(PROTOCOL, "protocol") \
    W(TCP, "tcp") W(TH, "th") W(DPORT, "dport") W(EQ, "==") W(EQ_W, "eq") \
    W(NE, "!=") W(NE_W, "ne") W(VMAP, "vmap") W(LBRACE, "{") W(RBRACE, "}") \
    W(COMMA, ",") W(COLON, ":") W(COUNTER, "counter") W(PACKETS, "packets") \
    W(DROP, "drop") W(REJECT, "reject") \
    /* verdicts that end what a rule does: ACCEPT..CONTINUE */ \
    W(ACCEPT, "accept") W(RETURN, "return") W(CONTINUE, "continue") \
    W(IP, "ip") W(IP6, "ip6") W(INET, "inet") W(TABLE, "table") W(ADD, "add") \
    W(INSERT, "insert") W(RULE, "rule") W(SET, "set") W(MAP, "map") W(CHAIN, "chain") \
    W(HOOK, "hook") W(INPUT_HOOK, "input") W(FILTER, "filter") W(INPUT, "INPUT") \
    /* a set's attributes SIZE..COMMENT; a chain's POLICY..DEVICES */ \
    W(SIZE, "size") W(TIMEOUT, "timeout") W(GC_INTERVAL, "gc-interval") \
    W(FLAGS, "flags") W(TYPE, "type") W(POLICY, "policy") W(COMMENT, "comment") \
    W(DEVICES, "devices") \
    W(NOT, "!") W(SIX, "6") W(DROP_U, "DROP") W(REJECT_U, "REJECT") \
    /* what ends a shell command: SEMI..PIPE (ANDAND..OROR: an nft one) */ \
    W(SEMI, ";") W(ANDAND, "&&") W(OROR, "||") W(PIPE, "|") \
    /* programs: IPTABLES.. and IP6TABLES.., three each */ \
    W(NFT, "nft") W(IPTABLES, "iptables") W(IPTABLES_LEGACY, "iptables-legacy") \
    W(IPTABLES_NFT, "iptables-nft") W(IP6TABLES, "ip6tables") \
    W(IP6TABLES_LEGACY, "ip6tables-legacy") W(IP6TABLES_NFT, "ip6tables-nft") \
    W(CONFIG, "config") W(OPTION, "option") W(LIST, "list") W(NAME, "name") \
    W(TARGET, "target") W(PROTO, "proto") W(DEST_PORT, "dest_port") W(DEST, "dest") \
    W(ENABLED, "enabled") W(ZERO, "0")

#define OPT_KIND(s, kind) kind,
#define OPT_TEXT(s, kind) s "\0"
#define WORD_ENUM(id, s) K_##id,
#define WORD_TEXT(id, s) s "\0"

/* ipt_kind[K - 1]: the enum ipt_opt of option word K (1..K_OPTS) */
static const unsigned char ipt_kind[] = { NF_OPTS(OPT_KIND) };

enum nf_kw { K_NONE, K_OPTS = sizeof ipt_kind, NF_WORDS(WORD_ENUM) K_END };

/* every word, NUL-separated, in number order; an empty one ends the list */
static const char nf_words[] = NF_OPTS(OPT_TEXT) NF_WORDS(WORD_TEXT);

struct nf_tok {
    const char *p;
    size_t n;
    unsigned kw;    /* enum nf_kw of the word, | TOK_QUOTED when it was quoted */
};

/* A quoted word is never a keyword of the grammars but UCI's. */
#define TOK_QUOTED 0x80u
_Static_assert(K_END <= TOK_QUOTED, "nf_words: too many words for nf_tok.kw");
_Static_assert(NF_VERDICT_DROP == 1 && NF_VERDICT_REJECT == 2, "nf_uci_line: target words");

/* The enum nf_kw of S[0..N), K_NONE when it is no keyword. */
static unsigned nf_kw(const char *s, size_t n)
{
    const char *w = nf_words;
    unsigned k;

    for (k = 1; *w; k++) {
        size_t l = strlen(w);

        if (l == n && memcmp(w, s, n) == 0) {
            return k;
        }
        w += l + 1;
    }
    return K_NONE;
}

/* T is the unquoted keyword K. */
static int tok_is(const struct nf_tok *t, unsigned k)
{
    return t->kw == k;
}

/* T is the keyword K, quoted or not (UCI quotes keys and values at will). */
static int tok_eq(const struct nf_tok *t, unsigned k)
{
    return (t->kw & ~TOK_QUOTED) == k;
}

static int tok_quoted(const struct nf_tok *t)
{
    return (t->kw & TOK_QUOTED) != 0;
}

/* T is one of the N keywords from K on (a group of NF_WORDS). */
static int tok_in(const struct nf_tok *t, unsigned k, unsigned n)
{
    return t->kw - k < n;
}

/* Token-splitting modes. */
#define TK_NFT   0x1    /* '{' '}' ',' ';' are tokens of their own */
#define TK_HASH  0x2    /* '#' at the start of a token ends the line */
#define TK_RULE  0x4    /* the line is one rule (for the message) */

/* Report a malformed line at LINE and count it; always IH_OK (skip it). */
static int nf_bad(struct nf_parser *p, unsigned long line, const char *why)
{
    util_diag(p->file, line, "%s", why);
    p->out->bad++;
    return IH_OK;
}

/*
 * Split S[0..N) into at most MAX tokens: words separated by blanks;
 * '...' and "..." are one token without the quotes (inside "...", a
 * backslash keeps the next byte).  An unterminated quote or too many
 * tokens is reported (at LINE, as P's malformed line) and is IH_EPARSE /
 * IH_ETOOBIG.
 */
static int nf_split(struct nf_parser *p, unsigned long line, const char *s, size_t n,
                    unsigned mode, struct nf_tok *t, size_t max, size_t *count)
{
    size_t i = 0, k = 0;

    while (i < n) {
        char c = s[i];
        size_t st = i, end;
        unsigned q = 0;

        if (c == ' ' || c == '\t' || c == '\r') {
            i++;
            continue;
        }
        if ((mode & TK_HASH) && c == '#') {
            break;
        }
        if (k == max) {
            (void)nf_bad(p, line, (mode & TK_RULE) ? "rule has too many words" :
                         "too many words");
            return IH_ETOOBIG;
        }
        if (c == '"' || c == '\'') {
            st = ++i;
            while (i < n && s[i] != c) {
                if (c == '"' && s[i] == '\\' && i + 1 < n) {
                    i++;
                }
                i++;
            }
            if (i >= n) {
                (void)nf_bad(p, line, "unterminated quote");
                return IH_EPARSE;
            }
            end = i++;
            q = TOK_QUOTED;
        } else if ((mode & TK_NFT) && memchr("{},;", c, 4)) {
            end = ++i;
        } else {
            while (i < n && !memchr(" \t\r\"'", s[i], 5) &&
                   !((mode & TK_NFT) && memchr("{},;", s[i], 4))) {
                i++;
            }
            end = i;
        }
        t[k].p = s + st;
        t[k].n = end - st;
        t[k].kw = nf_kw(s + st, end - st) | q;
        k++;
    }
    *count = k;
    return IH_OK;
}

/*
 * Which of WORDS ("a|b|c", lower case) T is, in any case: 1 for the first,
 * 0 for none.  One call for a list keeps the callers small.
 */
static int tok_icase(const struct nf_tok *t, const char *words)
{
    int k;

    for (k = 1; *words; k++) {
        size_t l = 0, i;

        while (words[l] && words[l] != '|') {
            l++;
        }
        for (i = 0; i < l && i < t->n; i++) {
            char a = t->p[i];

            if (a >= 'A' && a <= 'Z') {
                a = (char)(a - 'A' + 'a');
            }
            if (a != words[i]) {
                break;
            }
        }
        if (i == l && l == t->n) {
            return k;
        }
        words += l;
        if (*words) {
            words++;
        }
    }
    return 0;
}

/* 1 if T (a chain name) holds "input" in any case. */
static int tok_has_input(const struct nf_tok *t)
{
    size_t i;

    for (i = 0; i + 5 <= t->n; i++) {
        struct nf_tok sub = { t->p + i, 5, 0 };

        if (tok_icase(&sub, "input")) {
            return 1;
        }
    }
    return 0;
}

/* A decimal port S[0..N), 0-65535 (parsed wide, kept narrow). */
static int nf_port(const char *s, size_t n, unsigned *port)
{
    uint64_t v;

    if (util_parse_dec(s, n, 65535, &v) != IH_OK) {
        return IH_EPARSE;
    }
    *port = (unsigned)v;
    return IH_OK;
}

unsigned nf_port_mask(unsigned lo, unsigned hi)
{
    return (lo <= NF_PORT_NUM_CWMP && NF_PORT_NUM_CWMP <= hi ? NF_PORT_CWMP : 0) |
           (lo <= NF_PORT_NUM_ADB && NF_PORT_NUM_ADB <= hi ? NF_PORT_ADB : 0);
}

/*
 * One port item S[0..N):  port | port SEP port, and with SEP ':' either
 * side may be empty (":1024" is 0-1024, "1024:" is 1024-65535).  Ports are
 * decimal, 0-65535; a reversed range is malformed.  Adds to *MASK.
 */
static int nf_port_item(const char *s, size_t n, char sep, unsigned *mask)
{
    const char *d = memchr(s, sep, n);
    size_t a = d ? (size_t)(d - s) : n, b = d ? n - a - 1 : 0;
    unsigned lo = 0, hi = 65535;

    /* without SEP, the whole item is the one port (n > 0, so a > 0) */
    if (n == 0 || (d && (a == 0 || b == 0) && (sep != ':' || a + b == 0))) {
        return IH_EPARSE;
    }
    if ((a > 0 && nf_port(s, a, &lo) != IH_OK) || (b > 0 && nf_port(d + 1, b, &hi) != IH_OK)) {
        return IH_EPARSE;
    }
    if (!d) {
        hi = lo;
    }
    if (lo > hi) {
        return IH_EPARSE;
    }
    *mask |= nf_port_mask(lo, hi);
    return IH_OK;
}

/* A list "a,b:c,d" of port items (multiport, at most 15 ports). */
static int nf_port_list(const char *s, size_t n, char sep, unsigned *mask)
{
    size_t i = 0, items = 0;

    while (i <= n) {
        size_t st = i;

        while (i < n && s[i] != ',') {
            i++;
        }
        if (++items > 15 || nf_port_item(s + st, i - st, sep, mask) != IH_OK) {
            return IH_EPARSE;
        }
        i++;
    }
    return IH_OK;
}

static void nf_fill_block(struct nf_block *b, unsigned ports, unsigned fam, enum nf_verdict v,
                          unsigned long line, uint64_t packets, const char *pfx,
                          const char *s, size_t n)
{
    size_t l = 0;

    memset(b, 0, sizeof *b);
    b->ports = ports;
    b->family = fam;
    b->verdict = v;
    b->line = line;
    b->packets = packets;
    if (pfx) {
        (void)util_strlcpy(b->text, pfx, sizeof b->text);
        l = strlen(b->text);
    }
    while (n > 0 && (*s == ' ' || *s == '\t')) {
        s++;
        n--;
    }
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) {
        n--;
    }
    if (n > sizeof b->text - 1 - l) {
        n = sizeof b->text - 1 - l;
    }
    memcpy(b->text + l, s, n);
    b->text[l + n] = '\0';
}

/* ------------------------------------------------------------------ */
/* user chains                                                          */

/*
 * KEY[48] of NAME in P's chains and sets: "FAMILY TABLE NAME" in the
 * current nft table when NFT, else NAME (iptables chains).
 */
static void nf_key(const struct nf_parser *p, int nft, const struct nf_tok *name, char *key)
{
    (void)util_fmt(key, sizeof p->chains[0], "%s%s%.*s", nft ? p->tbl : "", nft ? " " : "",
                   (int)name->n, name->p);
}

/* P's current nft table: "FAMILY TABLE". */
static void nf_set_tbl(struct nf_parser *p, const struct nf_tok *fam, const struct nf_tok *name)
{
    (void)util_fmt(p->tbl, sizeof p->tbl, "%.*s %.*s", (int)fam->n, fam->p, (int)name->n,
                   name->p);
}

/*
 * The chain NAME (in the current nft table when NFT), remembered when new
 * (ADD); its index, or -1 when unknown (and not ADD) or the table is full.
 */
static int nf_chain(struct nf_parser *p, int nft, const struct nf_tok *name, int add)
{
    char key[sizeof p->chains[0]];
    unsigned i;

    nf_key(p, nft, name, key);
    for (i = 0; i < p->n_chains; i++) {
        if (strcmp(p->chains[i], key) == 0) {
            return (int)i;
        }
    }
    if (!add || p->n_chains >= NF_MAX_CHAINS) {
        return -1;
    }
    (void)util_strlcpy(p->chains[p->n_chains], key, sizeof p->chains[0]);
    p->chain_root[p->n_chains] = 0;
    return (int)p->n_chains++;
}

/* Chain C is a root (INPUT, a base input chain) when ROOT. */
static void nf_root(struct nf_parser *p, int c, int root)
{
    if (root && c >= 0) {
        p->chain_root[c] = 1;
    }
}

static void nf_edge(struct nf_parser *p, int from, int to)
{
    unsigned i;

    if (from < 0 || to < 0 || from == to) {
        return;
    }
    for (i = 0; i < p->n_edges; i++) {
        if (p->edges[i][0] == from && p->edges[i][1] == to) {
            return;
        }
    }
    if (p->n_edges < NF_MAX_EDGES) {
        p->edges[p->n_edges][0] = (unsigned char)from;
        p->edges[p->n_edges][1] = (unsigned char)to;
        p->n_edges++;
    }
}

/*
 * A blocking rule found in chain CHAIN: out at once when the chain is a
 * root (INPUT, a base input chain), else held until the end tells whether
 * a root jumps to it.
 */
static void nf_block_in(struct nf_parser *p, int chain, int root, unsigned ports, unsigned fam,
                        enum nf_verdict v, unsigned long line, uint64_t packets,
                        const char *pfx, const char *s, size_t n)
{
    struct nf_blocks *out = p->out;

    if (root) {
        if (out->n >= NF_MAX_BLOCKS) {
            out->over++;
            return;
        }
        nf_fill_block(&out->v[out->n++], ports, fam, v, line, packets, pfx, s, n);
        return;
    }
    if (chain < 0 || p->n_pending >= NF_MAX_PENDING) {
        return;
    }
    p->pending[p->n_pending].chain = (unsigned char)chain;
    nf_fill_block(&p->pending[p->n_pending].b, ports, fam, v, line, packets, pfx, s, n);
    p->n_pending++;
}

/* Held blocks in chains reachable from a root chain join the output. */
static void nf_resolve(struct nf_parser *p)
{
    unsigned char reach[NF_MAX_CHAINS];
    unsigned i;
    int changed = 1;

    memcpy(reach, p->chain_root, sizeof reach);
    while (changed) {
        changed = 0;
        for (i = 0; i < p->n_edges; i++) {
            if (reach[p->edges[i][0]] && !reach[p->edges[i][1]]) {
                reach[p->edges[i][1]] = 1;
                changed = 1;
            }
        }
    }
    for (i = 0; i < p->n_pending; i++) {
        if (!reach[p->pending[i].chain]) {
            continue;
        }
        if (p->out->n >= NF_MAX_BLOCKS) {
            p->out->over++;
        } else {
            p->out->v[p->out->n++] = p->pending[i].b;
        }
    }
    p->n_pending = 0;
}

/* ------------------------------------------------------------------ */
/* iptables command words (iptables-save rules and shell invocations)   */

struct nf_ipt {
    int add;            /* -A / -I seen */
    int chain_ok;       /* the chain is INPUT (or input-ish, config) */
    int filter;         /* table is filter */
    int tcp;            /* -p tcp, not negated */
    int port_neg;       /* a destination-port match is negated */
    unsigned ports;
    enum nf_verdict verdict;
    uint64_t packets;
    const struct nf_tok *chain;     /* -A / -I / -N CHAIN */
    const struct nf_tok *target;    /* -j / -g TARGET */
    int newchain;                   /* -N */
};

/* The enum ipt_opt of T, -1 when T is no option nf_ipt_args knows. */
static int ipt_opt_find(const struct nf_tok *t)
{
    /* K_NONE wraps around, a quoted word is past K_OPTS: neither is one */
    return t->kw - 1 < K_OPTS ? ipt_kind[t->kw - 1] : -1;
}

/*
 * The words of one iptables rule (after the program name):
 *
 *   args   = word*
 *   word   = "!" | "-A" CHAIN | "--append" CHAIN | "-I" CHAIN [NUM]
 *          | "--insert" CHAIN [NUM] | ("-N" | "--new-chain") CHAIN
 *          | "-t" TABLE | "-p" ["!"] PROTO
 *          | ("--dport" | "--destination-port") ["!"] PORTSPEC
 *          | ("--dports" | "--destination-ports" | "--ports") ["!"] PORTLIST
 *          | ("-j" | "--jump" | "-g" | "--goto") TARGET
 *          | ("-m" | "--match" | "--comment" | "-i" | "-o" | "-s" | "-d"
 *             | "--sport" | "--sports" | ...) VALUE | other
 *   PORTSPEC = [PORT] ":" [PORT] | PORT      PORTLIST = PORTSPEC ("," PORTSPEC)*
 *
 * "!" before an option (or before its value, the old syntax) negates it.
 * Options not listed are skipped word by word: their values never look
 * like the options above unless quoted, and quoted words are not options.
 */
static int nf_ipt_args(const struct nf_tok *t, size_t n, unsigned flags, struct nf_ipt *r)
{
    size_t i;
    int neg = 0;

    for (i = 0; i < n; i++) {
        const struct nf_tok *v;
        unsigned m = 0;
        int kind;

        if (tok_is(&t[i], K_NOT)) {
            neg = 1;
            continue;
        }
        kind = ipt_opt_find(&t[i]);
        if (kind < 0) {
            neg = 0;
            continue;
        }
        /* the value, which may be written old-style: "--dport ! 7547" */
        if (++i < n && tok_is(&t[i], K_NOT)) {
            neg = 1;
            i++;
        }
        if (i >= n) {
            return IH_EPARSE;
        }
        v = &t[i];
        switch (kind) {
        case IO_NEWCHAIN:
            r->chain = v;
            r->newchain = 1;
            break;
        case IO_APPEND:
        case IO_INSERT:
            r->add = 1;
            r->chain = v;
            r->chain_ok = (flags & NF_F_CONFIG) ? tok_has_input(v) : tok_is(v, K_INPUT);
            if (kind == IO_INSERT && i + 1 < n && t[i + 1].n > 0 && t[i + 1].p[0] >= '0' &&
                t[i + 1].p[0] <= '9') {
                i++;    /* the rule number */
            }
            break;
        case IO_TABLE:
            r->filter = tok_is(v, K_FILTER);
            break;
        case IO_PROTO:
            r->tcp = !neg && (tok_icase(v, "tcp") || tok_is(v, K_SIX));
            break;
        case IO_DPORT:
        case IO_DPORTS:
            if ((kind == IO_DPORT ? nf_port_item(v->p, v->n, ':', &m) :
                 nf_port_list(v->p, v->n, ':', &m)) != IH_OK) {
                return IH_EPARSE;
            }
            if (neg) {
                r->port_neg = 1;
            } else {
                r->ports |= m;
            }
            break;
        case IO_JUMP:
            r->target = v;
            r->verdict = tok_is(v, K_DROP_U) ? NF_VERDICT_DROP :
                         tok_is(v, K_REJECT_U) ? NF_VERDICT_REJECT : NF_VERDICT_NONE;
            break;
        default:
            break;
        }
        neg = 0;
    }
    return IH_OK;
}

/* 1 if R drops tcp 7547/5555 in whatever chain it sits in. */
static int nf_ipt_blocks(const struct nf_ipt *r)
{
    return r->add && r->filter && r->tcp && !r->port_neg && r->ports &&
           r->verdict != NF_VERDICT_NONE;
}

/*
 * Place the iptables rule R (filter table) among the chains: a -N
 * declares a chain, a jump to a known chain is an edge, a block in INPUT
 * goes out, a block elsewhere waits for nf_resolve.  Text S[0..N) is the
 * evidence.
 */
static void nf_ipt_place(struct nf_parser *p, const struct nf_ipt *r, unsigned fam,
                         unsigned long line, const char *s, size_t n)
{
    int c;

    if (!r->filter || !r->chain) {
        return;
    }
    c = nf_chain(p, 0, r->chain, 1);
    if (r->newchain || !r->add) {
        return;
    }
    nf_root(p, c, r->chain_ok);
    if (r->target && r->verdict == NF_VERDICT_NONE) {
        nf_edge(p, c, nf_chain(p, 0, r->target, 0));
    }
    if (nf_ipt_blocks(r)) {
        nf_block_in(p, c, r->chain_ok, r->ports, fam, r->verdict, line, r->packets, NULL, s, n);
    }
}

/*
 * iptables-save output and iptables-restore files:
 *
 *   file    = line*
 *   line    = "" | "#" any | "*" TABLE | ":" CHAIN SP POLICY [SP COUNTERS]
 *           | "COMMIT" | [COUNTERS SP] rule
 *   COUNTERS = "[" DEC ":" DEC "]"
 *   rule    = ("-A" | "-I" | ...) CHAIN args      (args: see nf_ipt_args)
 *
 * Rules before any "*TABLE" line belong to filter (iptables's default).
 */
static int nf_save_line(struct nf_parser *p, const char *s, size_t n)
{
    struct nf_tok t[NF_MAX_TOKENS];
    struct nf_ipt r;
    size_t nt, first = 0;
    int kind;

    while (n > 0 && (*s == ' ' || *s == '\t')) {
        s++;
        n--;
    }
    if (n == 0 || s[0] == '#') {
        return IH_OK;
    }
    if (s[0] == '*') {
        while (n > 1 && (s[n - 1] == ' ' || s[n - 1] == '\t')) {
            n--;
        }
        p->table_ok = n == 7 && memcmp(s + 1, "filter", 6) == 0;
        return IH_OK;
    }
    if (s[0] == ':') {
        /* a chain declaration: jumps to it can be followed */
        struct nf_tok name = { s + 1, 0, 0 };

        while (name.n + 1 < n && s[1 + name.n] != ' ' && s[1 + name.n] != '\t') {
            name.n++;
        }
        if (p->table_ok && name.n) {
            (void)nf_chain(p, 0, &name, 1);
        }
        return IH_OK;
    }
    if (n >= 6 && memcmp(s, "COMMIT", 6) == 0) {
        return IH_OK;
    }
    if (nf_split(p, p->line, s, n, TK_RULE, t, NF_MAX_TOKENS, &nt) != IH_OK) {
        return IH_OK;
    }
    memset(&r, 0, sizeof r);
    if (nt > 0 && t[0].n >= 5 && t[0].p[0] == '[' && t[0].p[t[0].n - 1] == ']') {
        const char *c = memchr(t[0].p, ':', t[0].n);
        uint64_t bytes;

        if (!c || util_parse_dec(t[0].p + 1, (size_t)(c - t[0].p - 1), UINT64_MAX,
                                 &r.packets) != IH_OK ||
            util_parse_dec(c + 1, (size_t)(t[0].p + t[0].n - 1 - c - 1), UINT64_MAX,
                           &bytes) != IH_OK) {
            return nf_bad(p, p->line, "bad rule counters");
        }
        first = 1;
    }
    kind = nt > first ? ipt_opt_find(&t[first]) : -1;
    if (kind != IO_APPEND && kind != IO_INSERT) {
        return nf_bad(p, p->line, "not a rule, table, chain or COMMIT line");
    }
    r.filter = p->table_ok;
    if (nf_ipt_args(t + first, nt - first, p->flags, &r) != IH_OK) {
        return nf_bad(p, p->line, "malformed rule");
    }
    if (r.chain_ok && r.filter) {
        p->out->rules++;
    }
    /* evidence without the counters prefix */
    nf_ipt_place(p, &r, (p->flags & NF_F_IPV6) ? 6 : 4, p->line, t[first].p,
                 n - (size_t)(t[first].p - s));
    return IH_OK;
}

/* ------------------------------------------------------------------ */
/* nft                                                                  */

/* The named set or map NAME of the current table, or -1. */
static int nf_set_find(const struct nf_parser *p, const struct nf_tok *name)
{
    char key[sizeof p->sets[0].name];
    unsigned i;

    nf_key(p, 1, name, key);
    for (i = 0; i < p->n_sets; i++) {
        if (strcmp(p->sets[i].name, key) == 0) {
            return (int)i;
        }
    }
    return -1;
}

/*
 * Elements of a set or map T[0..N) ("{" "}" "," "=" "elements" skipped):
 *   ITEM = PORT | PORT "-" PORT ; in a map: ITEM ":" VERDICT
 * A set adds every item covering 7547/5555 to *PORTS; a map only items
 * mapped to drop or reject (and sets *V).  Other words are skipped.
 */
static void nf_set_elems(const struct nf_tok *t, size_t n, int map, unsigned *ports,
                         int *v)
{
    size_t i;

    for (i = 0; i < n; i++) {
        unsigned m = 0;

        if (tok_quoted(&t[i]) || nf_port_item(t[i].p, t[i].n, '-', &m) != IH_OK) {
            continue;
        }
        if (map) {
            int d = 0;

            if (i + 2 < n && tok_is(&t[i + 1], K_COLON)) {
                d = tok_is(&t[i + 2], K_DROP) ? NF_VERDICT_DROP :
                    tok_is(&t[i + 2], K_REJECT) ? NF_VERDICT_REJECT : 0;
                i += 2;
            }
            if (!d) {
                continue;
            }
            *v = d;
        }
        *ports |= m;
    }
}

/*
 * The statements of one nft rule:
 *
 *   rule   = stmt* ; blocks when it has a positive tcp dport match and a
 *            final "drop" or "reject" verdict, or a verdict map that
 *            sends 7547/5555 to drop or reject
 *   match  = ("tcp" | "th") "dport" ["==" | "eq" | "!=" | "ne"] PORTS
 *          | ("tcp" | "th") "dport" "vmap" ("@" NAME | "{" PAIR ("," PAIR)* "}")
 *   PORTS  = PORT | PORT "-" PORT | "{" ITEM ("," ITEM)* [","] "}" | "@" NAME
 *   ITEM   = PORT | PORT "-" PORT        PAIR = ITEM ":" VERDICT
 *   jump   = ("jump" | "goto") CHAIN     ; anywhere, vmap values too
 *   "th dport" counts as tcp only after "l4proto tcp" / "protocol tcp";
 *   "counter packets N bytes M" gives the packet count.  "@NAME" is a
 *   named set or map of the same table, declared before (as nft prints).
 *   Jumps from chain FROM (-1: none) become edges of P.
 */
static int nf_nft_rule(struct nf_parser *p, int from, const struct nf_tok *t, size_t n,
                       unsigned *ports, enum nf_verdict *v, uint64_t *packets)
{
    size_t i;
    int tcp = 0, neg_port = 0, vmap_v = NF_VERDICT_NONE;

    *ports = 0;
    *v = NF_VERDICT_NONE;
    for (i = 0; i < n; i++) {
        unsigned k = t[i].kw;

        if ((k == K_JUMP || k == K_GOTO) && i + 1 < n) {
            if (from >= 0) {
                nf_edge(p, from, nf_chain(p, 1, &t[i + 1], 1));
            }
            *v = NF_VERDICT_NONE;
            i++;
        } else if ((k == K_L4PROTO || k == K_PROTOCOL) && i + 1 < n &&
                   tok_is(&t[i + 1], K_TCP)) {
            tcp = 1;
        } else if ((k == K_TCP || (tcp && k == K_TH)) && i + 1 < n &&
                   tok_is(&t[i + 1], K_DPORT)) {
            unsigned m = 0;
            int neg = 0, sv = 0;

            i += 2;
            if (i < n && tok_in(&t[i], K_EQ, 4)) {
                /* "==" "eq" "!=" "ne" */
                neg = t[i].kw >= K_NE;
                i++;
            }
            if (i < n && tok_is(&t[i], K_VMAP)) {
                size_t st = ++i;

                if (i < n && tok_is(&t[i], K_LBRACE)) {
                    while (i < n && !tok_is(&t[i], K_RBRACE)) {
                        i++;
                    }
                    if (i >= n) {
                        return IH_EPARSE;
                    }
                    nf_set_elems(t + st, i - st, 1, &m, &sv);
                } else if (i < n && t[i].n > 1 && t[i].p[0] == '@') {
                    struct nf_tok nm = { t[i].p + 1, t[i].n - 1, 0 };
                    int s = nf_set_find(p, &nm);

                    if (s >= 0) {
                        m = p->sets[s].ports;
                        sv = p->sets[s].verdict;
                    }
                } else {
                    return IH_EPARSE;
                }
                if (!neg && m) {
                    *ports |= m;
                    vmap_v = sv;
                }
                continue;
            }
            if (i >= n) {
                return IH_EPARSE;
            }
            if (tok_is(&t[i], K_LBRACE)) {
                int items = 0;

                for (i++; i < n && !tok_is(&t[i], K_RBRACE); i++) {
                    if (tok_is(&t[i], K_COMMA)) {
                        continue;
                    }
                    if (nf_port_item(t[i].p, t[i].n, '-', &m) != IH_OK) {
                        return IH_EPARSE;
                    }
                    items++;
                }
                if (i >= n || items == 0) {
                    return IH_EPARSE;
                }
            } else if (t[i].n > 0 && t[i].p[0] == '@') {
                struct nf_tok nm = { t[i].p + 1, t[i].n - 1, 0 };
                int s = nf_set_find(p, &nm);

                if (s >= 0 && !p->sets[s].verdict) {
                    m = p->sets[s].ports;
                }
            } else if (nf_port_item(t[i].p, t[i].n, '-', &m) != IH_OK) {
                return IH_EPARSE;
            }
            if (neg) {
                neg_port = 1;
            } else {
                *ports |= m;
            }
        } else if (k == K_COUNTER && i + 2 < n && tok_is(&t[i + 1], K_PACKETS)) {
            if (util_parse_dec(t[i + 2].p, t[i + 2].n, UINT64_MAX, packets) != IH_OK) {
                return IH_EPARSE;
            }
            i += 2;
        } else if (k == K_DROP) {
            *v = NF_VERDICT_DROP;
        } else if (k == K_REJECT) {
            *v = NF_VERDICT_REJECT;
        } else if (tok_in(&t[i], K_ACCEPT, 3)) {
            *v = NF_VERDICT_NONE;
        }
    }
    if (vmap_v != NF_VERDICT_NONE) {
        *v = (enum nf_verdict)vmap_v;
    }
    if (neg_port) {
        *ports = 0;
    }
    return IH_OK;
}

/* nf_block.family of an nft family word (ip 4, ip6 6, inet 0), -1 others. */
static int nf_nft_family(const struct nf_tok *f)
{
    static const signed char fam[] = { 4, 6, 0 };

    return tok_in(f, K_IP, 3) ? fam[f->kw - K_IP] : -1;
}

/*
 * An nft command "add|insert rule FAMILY TABLE CHAIN rule" (nft -f, a
 * script): T[0..N) from FAMILY on.  ROOT: the chain is an input chain.
 * SHELL (a firewall script) counts the rule before it is parsed and keeps
 * no packet count; a malformed rule is reported at LINE as WHY when ROOT.
 * The evidence is S[0..SN).
 */
static void nf_nft_cmd(struct nf_parser *p, const struct nf_tok *t, size_t n, int root,
                       int shell, unsigned long line, const char *why, const char *s,
                       size_t sn)
{
    int f = nf_nft_family(&t[0]), c;
    unsigned ports;
    enum nf_verdict v;
    uint64_t packets = 0;

    if (f < 0) {
        return;
    }
    nf_set_tbl(p, &t[0], &t[1]);
    c = nf_chain(p, 1, &t[2], 1);
    nf_root(p, c, root);
    if (shell && root && c >= 0) {
        p->out->rules++;
    }
    if (nf_nft_rule(p, c, t + 3, n - 3, &ports, &v, &packets) != IH_OK) {
        if (root) {
            (void)nf_bad(p, line, why);
        }
    } else {
        if (!shell && root) {
            p->out->rules++;
        }
        if (ports && v != NF_VERDICT_NONE) {
            nf_block_in(p, c, root, ports, (unsigned)f, v, line, shell ? 0 : packets, NULL, s,
                        sn);
        }
    }
    p->tbl[0] = '\0';
}

/*
 * `nft list ruleset` output and nft -f files:
 *
 *   ruleset = (table | command)*
 *   table   = "table" [FAMILY] NAME "{" (chain | set | block | line)* "}"
 *   chain   = "chain" NAME "{" (hook | rule)* "}"
 *   hook    = "type" TYPE "hook" HOOK "priority" PRIO ";" ["policy" POLICY ";"]
 *   set     = ("set" | "map") NAME "{" (("type" | "flags" | ...) any
 *             | "elements" "=" "{" ELEM ("," ELEM)* "}")* "}"   ; may span lines
 *   block   = ("flowtable" | ...) NAME "{" ... "}"
 *   command = ("add" | "insert") "rule" FAMILY TABLE CHAIN rule   (nft -f)
 *
 * One statement per line, as nft prints it.  FAMILY ip, ip6, inet (default
 * ip); others are skipped.  Rules count in a chain of type filter on hook
 * input, or named INPUT (iptables-nft), or, in configuration, any chain
 * whose name holds "input" -- and in any chain those jump or go to,
 * directly or through others (resolved at the end).
 */
static int nf_nft_line(struct nf_parser *p, const char *s, size_t n)
{
    struct nf_tok t[NF_MAX_TOKENS];
    size_t nt, i;
    int opens = 0, closes = 0;
    unsigned ports;
    enum nf_verdict v;
    uint64_t packets = 0;

    if (nf_split(p, p->line, s, n, TK_NFT | TK_HASH | TK_RULE, t, NF_MAX_TOKENS, &nt) !=
        IH_OK || nt == 0) {
        return IH_OK;
    }
    for (i = 0; i < nt; i++) {
        opens += tok_is(&t[i], K_LBRACE);
        closes += tok_is(&t[i], K_RBRACE);
    }
    if (p->depth == 0 && tok_is(&t[0], K_TABLE)) {
        static const struct nf_tok ip = { "ip", 2, K_IP };
        const struct nf_tok *fam = &ip, *name;
        int f;

        if (nt >= 4 && tok_is(&t[3], K_LBRACE)) {
            fam = &t[1];
            name = &t[2];
        } else if (nt >= 3 && tok_is(&t[2], K_LBRACE)) {
            name = &t[1];
        } else {
            return nf_bad(p, p->line, "malformed table line");
        }
        f = nf_nft_family(fam);
        p->table_ok = f >= 0;
        p->fam = f >= 0 ? (unsigned)f : 4;
        nf_set_tbl(p, fam, name);
        p->depth = opens - closes;
        if (p->depth <= 0) {
            p->depth = 0;
            p->table_ok = 0;
        }
        return IH_OK;
    }
    if (p->depth == 0 && nt >= 6 && tok_in(&t[0], K_ADD, 2) && tok_is(&t[1], K_RULE)) {
        nf_nft_cmd(p, t + 2, nt - 2, tok_is(&t[4], K_INPUT) ||
                   ((p->flags & NF_F_CONFIG) && tok_has_input(&t[4])), 0, p->line,
                   "malformed rule", s, n);
        return IH_OK;
    }
    if (p->depth == 1 && p->table_ok && tok_in(&t[0], K_SET, 2) && nt >= 3 &&
        tok_is(&t[2], K_LBRACE)) {
        /* a named set or map: its port elements, for "@NAME" in rules */
        if (p->n_sets < NF_MAX_SETS) {
            unsigned k = p->n_sets++;

            nf_key(p, 1, &t[1], p->sets[k].name);
            p->sets[k].ports = 0;
            p->sets[k].verdict = 0;
            p->set_map = tok_is(&t[0], K_MAP);
            if (opens > closes) {
                p->set_idx = (int)k;
                p->set_depth = p->depth + opens - closes;
            } else {
                nf_set_elems(t + 3, nt - 3, p->set_map, &p->sets[k].ports, &p->sets[k].verdict);
            }
        }
        p->depth += opens - closes;
        return IH_OK;
    }
    if (p->set_idx >= 0 && p->depth >= p->set_depth) {
        if (!tok_in(&t[0], K_SIZE, K_COMMENT + 1 - K_SIZE)) {
            nf_set_elems(t, nt, p->set_map, &p->sets[p->set_idx].ports,
                         &p->sets[p->set_idx].verdict);
        }
        p->depth += opens - closes;
        if (p->depth < p->set_depth) {
            p->set_idx = -1;
        }
        if (p->depth < 0) {
            (void)nf_bad(p, p->line, "unbalanced '}'");
            p->depth = 0;
        }
        return IH_OK;
    }
    if (p->depth == 1 && tok_is(&t[0], K_CHAIN) && nt >= 3 && tok_is(&t[2], K_LBRACE) &&
        closes == 0) {
        p->chain_ok = p->table_ok && (tok_is(&t[1], K_INPUT) ||
                                      ((p->flags & NF_F_CONFIG) && tok_has_input(&t[1])));
        (void)util_fmt(p->where, sizeof p->where, "%s %.*s: ", p->tbl, (int)t[1].n, t[1].p);
        p->cur_chain = p->table_ok ? nf_chain(p, 1, &t[1], 1) : -1;
        nf_root(p, p->cur_chain, p->chain_ok);
        p->depth += opens;
        p->chain_depth = p->depth;
        return IH_OK;
    }
    if (p->chain_depth && p->depth == p->chain_depth && opens != closes &&
        !(opens == 0 && closes == 1 && nt == 1)) {
        /* one statement per line: a brace left open here is broken */
        return nf_bad(p, p->line, "unbalanced braces in a rule");
    }
    if (p->chain_depth && p->depth == p->chain_depth && opens == closes) {
        if (tok_is(&t[0], K_TYPE)) {
            for (i = 0; i + 1 < nt; i++) {
                if (tok_is(&t[i], K_HOOK) && tok_is(&t[i + 1], K_INPUT_HOOK) &&
                    tok_is(&t[1], K_FILTER)) {
                    p->chain_ok = p->table_ok;
                    nf_root(p, p->cur_chain, p->chain_ok);
                }
            }
            return IH_OK;
        }
        if (tok_in(&t[0], K_POLICY, 3) || !p->table_ok) {
            return IH_OK;
        }
        if (p->chain_ok) {
            p->out->rules++;
        }
        if (nf_nft_rule(p, p->cur_chain, t, nt, &ports, &v, &packets) != IH_OK) {
            /* a rule outside the input path is not ours to judge */
            return p->chain_ok ? nf_bad(p, p->line, "malformed rule") : IH_OK;
        }
        if (ports && v != NF_VERDICT_NONE) {
            nf_block_in(p, p->cur_chain, p->chain_ok, ports, p->fam, v, p->line, packets,
                        p->where, s, n);
        }
        return IH_OK;
    }
    p->depth += opens - closes;
    if (p->depth < 0) {
        (void)nf_bad(p, p->line, "unbalanced '}'");
        p->depth = 0;
    }
    if (p->chain_depth && p->depth < p->chain_depth) {
        p->where[0] = '\0';
        p->chain_depth = 0;
        p->chain_ok = 0;
        p->cur_chain = -1;
    }
    if (p->depth == 0) {
        p->table_ok = 0;
        p->tbl[0] = '\0';
    }
    return IH_OK;
}

/* ------------------------------------------------------------------ */
/* UCI                                                                  */

static void nf_uci_flush(struct nf_parser *p)
{
    if (!p->in_rule) {
        return;
    }
    p->in_rule = 0;
    p->out->rules++;
    if (p->u_enabled && !p->u_has_dest && (p->u_proto_ok & 1) && p->u_ports &&
        p->u_target != NF_VERDICT_NONE) {
        char txt[NF_RULE_TEXT];

        (void)util_fmt(txt, sizeof txt, "config rule '%s'", p->u_name);
        nf_block_in(p, -1, 1, p->u_ports, 4, (enum nf_verdict)p->u_target, p->u_line, 0, txt,
                    "", 0);
    }
}

/* The next blank-separated word of V from *I in *W; 0 when there is none. */
static int nf_uci_word(const struct nf_tok *v, size_t *i, struct nf_tok *w)
{
    while (*i < v->n && v->p[*i] == ' ') {
        (*i)++;
    }
    w->p = v->p + *i;
    while (*i < v->n && v->p[*i] != ' ') {
        (*i)++;
    }
    w->n = (size_t)(v->p + *i - w->p);
    w->kw = K_NONE;
    return w->n > 0;
}

static int nf_uci_proto(const struct nf_tok *v)
{
    struct nf_tok w;
    size_t i = 0;

    /* VALUE may itself be a blank-separated list: "tcp udp" */
    while (nf_uci_word(v, &i, &w)) {
        if (tok_icase(&w, "tcp|tcpudp|all") || (w.n == 1 && w.p[0] == '6')) {
            return 1;
        }
    }
    return 0;
}

static int nf_uci_ports(const struct nf_tok *v, unsigned *mask)
{
    struct nf_tok w;
    size_t i = 0;

    while (nf_uci_word(v, &i, &w)) {
        if (w.p[0] == '!') {
            continue; /* a negated port blocks everything else: not this */
        }
        if (nf_port_item(w.p, w.n, memchr(w.p, ':', w.n) ? ':' : '-', mask) != IH_OK) {
            return IH_EPARSE;
        }
    }
    return IH_OK;
}

/*
 * OpenWrt UCI (/etc/config/firewall):
 *
 *   file   = line*
 *   line   = "" | "#" any | "config" TYPE [NAME] | "option" KEY VALUE
 *          | "list" KEY VALUE
 *   VALUE  = WORD | "'" any "'" | '"' any '"'
 *
 * A `config rule` section declares a block when it is enabled, has no
 * `dest` (that makes it a forward rule), its `proto` includes tcp (default
 * tcpudp), `target` is DROP or REJECT (any case) and a `dest_port` (option
 * or list; ports, "a-b" or "a:b" ranges, blank-separated) covers 7547 or
 * 5555.  `src` is not required: a rule with no src is an output rule to
 * fw3, but a lockdown is recognised generously (a false "declared" lowers
 * a severity, a false "undeclared" raises a false alarm).
 */
static int nf_uci_line(struct nf_parser *p, const char *s, size_t n)
{
    struct nf_tok t[8];
    size_t nt;

    if (nf_split(p, p->line, s, n, TK_HASH, t, 8, &nt) != IH_OK || nt == 0) {
        return IH_OK;
    }
    if (tok_eq(&t[0], K_CONFIG)) {
        if (nt < 2 || nt > 3) {
            (void)nf_bad(p, p->line, "malformed config line");
            nf_uci_flush(p);
            return IH_OK;
        }
        nf_uci_flush(p);
        p->in_rule = tok_eq(&t[1], K_RULE);
        p->u_ports = 0;
        p->u_proto_ok = 1;
        p->u_target = NF_VERDICT_NONE;
        p->u_enabled = 1;
        p->u_has_dest = 0;
        p->u_line = p->line;
        p->u_name[0] = '\0';
        if (nt == 3) {
            (void)util_fmt(p->u_name, sizeof p->u_name, "%.*s", (int)t[2].n, t[2].p);
        }
        return IH_OK;
    }
    if (!(tok_eq(&t[0], K_OPTION) || tok_eq(&t[0], K_LIST)) || nt != 3) {
        return nf_bad(p, p->line, "expected config, option or list");
    }
    if (!p->in_rule) {
        return IH_OK;
    }
    if (tok_eq(&t[1], K_NAME)) {
        (void)util_fmt(p->u_name, sizeof p->u_name, "%.*s", (int)t[2].n, t[2].p);
    } else if (tok_eq(&t[1], K_TARGET)) {
        /* 1 NF_VERDICT_DROP, 2 NF_VERDICT_REJECT, 0 NF_VERDICT_NONE */
        p->u_target = tok_icase(&t[2], "drop|reject");
    } else if (tok_eq(&t[1], K_PROTO)) {
        int ok = nf_uci_proto(&t[2]);

        if (tok_eq(&t[0], K_LIST)) {
            /* the first list entry replaces the default */
            p->u_proto_ok = (p->u_proto_ok & 2) ? (p->u_proto_ok | (unsigned)ok) :
                            (2u | (unsigned)ok);
        } else {
            p->u_proto_ok = (unsigned)ok;
        }
    } else if (tok_eq(&t[1], K_DEST_PORT)) {
        if (nf_uci_ports(&t[2], &p->u_ports) != IH_OK) {
            (void)nf_bad(p, p->line, "bad dest_port");
        }
    } else if (tok_eq(&t[1], K_DEST)) {
        p->u_has_dest = 1;
    } else if (tok_eq(&t[1], K_ENABLED)) {
        p->u_enabled = !(tok_eq(&t[2], K_ZERO) || tok_icase(&t[2], "no|off|false"));
    }
    return IH_OK;
}

/* ------------------------------------------------------------------ */
/* firewall.user                                                        */

/* The enum nf_kw of T's last path component ("/usr/sbin/nft": K_NFT). */
static unsigned tok_base_kw(const struct nf_tok *t)
{
    const char *b = t->p;
    size_t i;

    for (i = 0; i < t->n; i++) {
        if (t->p[i] == '/') {
            b = t->p + i + 1;
        }
    }
    return nf_kw(b, (size_t)(t->p + t->n - b));
}

/* 4 for an iptables program word K (tok_base_kw), 6 for ip6tables, 0 neither. */
static int nf_ipt_word(unsigned k)
{
    return k - K_IPTABLES < 3 ? 4 : k - K_IP6TABLES < 3 ? 6 : 0;
}

/*
 * A shell word that expands a variable: $NAME, ${NAME}, "$NAME" -> NAME in
 * *NAME.  1 if it is one.
 */
static int nf_var_ref(const struct nf_tok *t, struct nf_tok *name)
{
    if (t->n < 2 || t->p[0] != '$') {
        return 0;
    }
    name->p = t->p + 1;
    name->n = t->n - 1;
    name->kw = K_NONE;
    if (name->p[0] == '{') {
        if (name->n < 3 || name->p[name->n - 1] != '}') {
            return 0;
        }
        name->p++;
        name->n -= 2;
    }
    return 1;
}

/*
 * 4 or 6 when the variable NAME names iptables / ip6tables: assigned so
 * earlier in the script (IPT=/usr/sbin/iptables, IPT=$(which iptables)),
 * or, read generously as a declaration is, named like one (a name that
 * starts with IPT or IP6T: IPT, IPTABLES, IP6T...).  0 otherwise.
 */
static int nf_var_fam(const struct nf_parser *p, const struct nf_tok *name)
{
    unsigned i;

    for (i = 0; i < p->n_vars; i++) {
        if (strlen(p->vars[i]) == name->n && memcmp(p->vars[i], name->p, name->n) == 0) {
            return p->var_fam[i];
        }
    }
    {
        struct nf_tok sub = { name->p, 4, 0 };

        if (name->n >= 4 && tok_icase(&sub, "ip6t")) {
            return 6;
        }
        sub.n = 3;
        if (name->n >= 3 && tok_icase(&sub, "ipt")) {
            return 4;
        }
    }
    return 0;
}

/*
 * NAME=VALUE at T[I]: remember NAME when VALUE names iptables (4) or
 * ip6tables (6): "/usr/sbin/iptables", "$(command -v iptables)",
 * "`which ip6tables`" -- the first of those words in the assignment and
 * the next three words (a command substitution) decides.
 */
static void nf_var_assign(struct nf_parser *p, const struct nf_tok *t, size_t nt, size_t i)
{
    const char *eq = memchr(t[i].p, '=', t[i].n);
    size_t nl = (size_t)(eq - t[i].p), k, end = i + 4 < nt ? i + 4 : nt;
    int fam = 0;

    for (k = 0; k < nl; k++) {
        char c = t[i].p[k];

        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' ||
              (k > 0 && c >= '0' && c <= '9'))) {
            return;
        }
    }
    /* the value's words end where the substitution (or the word) does */
    for (k = i; k < end && !fam; k++) {
        const char *w = k == i ? eq + 1 : t[k].p;
        size_t wn = k == i ? t[i].n - nl - 1 : t[k].n;

        fam = util_memmem(w, wn, "ip6tables", 9) ? 6 : util_memmem(w, wn, "iptables", 8) ? 4 : 0;
        if (k > i && !tok_quoted(&t[k]) && wn > 0 && w[wn - 1] != ')' && w[wn - 1] != '`' &&
            !(k == i + 1 && (eq[1] == '$' || eq[1] == '`'))) {
            break;
        }
    }
    if (nl == 0 || !fam || p->n_vars >= NF_MAX_VARS || nl >= sizeof p->vars[0]) {
        return;
    }
    memcpy(p->vars[p->n_vars], t[i].p, nl);
    p->vars[p->n_vars][nl] = '\0';
    p->var_fam[p->n_vars++] = (unsigned char)fam;
}

/*
 * /etc/firewall.user and other firewall scripts (shell):
 *
 *   file    = line*            ; a line ending in "\" continues on the next
 *   line    = [words] ["#" comment]
 *   words   = ... IPT args [";" | "&&" | "||" | "|" ...]
 *           | ... NFT ("add" | "insert") "rule" FAMILY TABLE CHAIN rule
 *           | ["export" | "readonly" | "local"] NAME "=" VALUE
 *   IPT     = a word whose last path component is iptables, ip6tables,
 *             iptables-legacy, iptables-nft (or the ip6tables ones), or a
 *             variable holding one: "$IPT", "${IPT}" (assigned earlier in
 *             the script, or named like IPT / IPTABLES / IP6T)
 *
 * The iptables words are parsed as in iptables-save (nf_ipt_args); the
 * table is filter unless -t says otherwise; -N declares a chain that a
 * rule in an input chain may jump to.
 */
static int nf_shell_cmd(struct nf_parser *p, const char *s, size_t n)
{
    struct nf_tok t[NF_MAX_TOKENS];
    size_t nt, i;

    if (nf_split(p, p->pend_line, s, n, TK_HASH, t, NF_MAX_TOKENS, &nt) != IH_OK) {
        return IH_OK;
    }
    for (i = 0; i < nt; i++) {
        struct nf_tok var;
        size_t end;
        unsigned k;
        int fam;

        if (!tok_quoted(&t[i]) && t[i].n > 1 && t[i].p[0] != '-' && t[i].p[0] != '$' &&
            memchr(t[i].p, '=', t[i].n)) {
            nf_var_assign(p, t, nt, i);
            continue;
        }
        k = tok_quoted(&t[i]) ? K_NONE : tok_base_kw(&t[i]);
        fam = nf_var_ref(&t[i], &var) ? nf_var_fam(p, &var) : nf_ipt_word(k);
        if (fam) {
            struct nf_ipt r;

            for (end = i + 1; end < nt; end++) {
                if (tok_in(&t[end], K_SEMI, 4)) {
                    break;
                }
                if (!tok_quoted(&t[end]) && t[end].n > 1 && t[end].p[t[end].n - 1] == ';') {
                    /* "DROP;": the word, then the end; the next word is
                     * the next command's first */
                    t[end].n--;
                    t[end].kw = nf_kw(t[end].p, t[end].n);
                    end++;
                    break;
                }
            }
            memset(&r, 0, sizeof r);
            r.filter = 1;
            if (nf_ipt_args(t + i + 1, end - i - 1, p->flags, &r) != IH_OK) {
                (void)nf_bad(p, p->pend_line, "malformed iptables command");
            } else {
                if (r.add && r.chain_ok) {
                    p->out->rules++;
                }
                nf_ipt_place(p, &r, (unsigned)fam, p->pend_line, s, n);
            }
            i = end - 1;    /* on from the separator, or the next command's first word */
        } else if (k == K_NFT && i + 6 < nt && tok_in(&t[i + 1], K_ADD, 2) &&
                   tok_is(&t[i + 2], K_RULE)) {
            for (end = i + 6; end < nt && !tok_in(&t[end], K_ANDAND, 2); end++) {
            }
            nf_nft_cmd(p, t + i + 3, end - i - 3, tok_has_input(&t[i + 5]), 1, p->pend_line,
                       "malformed nft command", s, n);
            i = end;
        }
    }
    return IH_OK;
}

static int nf_shell_line(struct nf_parser *p, const char *s, size_t n)
{
    int cont = n > 0 && s[n - 1] == '\\';

    if (cont) {
        n--;
    }
    if (p->pend_n == 0) {
        p->pend_line = p->line;
    }
    if (p->pend_n + n + 1 > sizeof p->pend) {
        (void)nf_bad(p, p->pend_line, "continued line too long");
        p->pend_n = 0;
        return IH_OK;
    }
    memcpy(p->pend + p->pend_n, s, n);
    p->pend_n += n;
    if (cont) {
        p->pend[p->pend_n++] = ' ';
        return IH_OK;
    }
    n = p->pend_n;
    p->pend_n = 0;
    return nf_shell_cmd(p, p->pend, n);
}

/* ------------------------------------------------------------------ */

void netfilter_parser_init(struct nf_parser *p, enum nf_grammar g, unsigned flags,
                           const char *file, struct nf_blocks *out)
{
    memset(p, 0, sizeof *p);
    p->g = g;
    p->flags = flags;
    p->file = file;
    p->out = out;
    p->table_ok = 1;    /* iptables rules default to the filter table */
    p->cur_chain = -1;
    p->set_idx = -1;
    p->fam = (flags & NF_F_IPV6) ? 6 : 4;
    if (g == NF_G_NFT) {
        p->table_ok = 0;
    }
}

int netfilter_parser_line(struct nf_parser *p, const char *s, size_t n)
{
    p->line++;
    if (n > 0 && s[n - 1] == '\r') {
        n--;
    }
    if (n > NF_MAX_LINE || memchr(s, '\0', n)) {
        (void)nf_bad(p, p->line, n > NF_MAX_LINE ? "line too long" : "NUL byte");
        if (p->g == NF_G_SHELL) {
            p->pend_n = 0;
        }
        return IH_OK;
    }
    switch (p->g) {
    case NF_G_SAVE:
        return nf_save_line(p, s, n);
    case NF_G_NFT:
        return nf_nft_line(p, s, n);
    case NF_G_UCI:
        return nf_uci_line(p, s, n);
    case NF_G_SHELL:
        return nf_shell_line(p, s, n);
    }
    return IH_EINVAL;
}

int netfilter_parser_end(struct nf_parser *p)
{
    int rc = IH_OK;

    if (p->g == NF_G_UCI) {
        nf_uci_flush(p);
    } else if (p->g == NF_G_SHELL && p->pend_n > 0) {
        size_t n = p->pend_n;

        p->pend_n = 0;
        rc = nf_shell_cmd(p, p->pend, n);
    }
    nf_resolve(p);
    return rc;
}

int netfilter_parse_text(enum nf_grammar g, unsigned flags, const char *buf, size_t len,
                         const char *file, struct nf_blocks *out)
{
    struct nf_parser *p;
    size_t i = 0;
    int rc = IH_OK;

    memset(out, 0, sizeof *out);
    if (len > NF_MAX_TEXT) {
        util_diag(file, 0, "larger than %u bytes", NF_MAX_TEXT);
        return IH_ETOOBIG;
    }
    /* the parser holds a line buffer: keep it off small stacks */
    p = calloc(1, sizeof *p);
    if (!p) {
        return IH_ENOMEM;
    }
    netfilter_parser_init(p, g, flags, file, out);
    while (i < len && rc == IH_OK) {
        const char *nl = memchr(buf + i, '\n', len - i);
        size_t n = nl ? (size_t)(nl - (buf + i)) : len - i;

        rc = netfilter_parser_line(p, buf + i, n);
        i += n + 1;
    }
    if (rc == IH_OK) {
        rc = netfilter_parser_end(p);
    }
    free(p);
    return rc;
}
