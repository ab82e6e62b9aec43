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

struct nf_tok {
    const char *p;
    size_t n;
    int quoted;
};

/* Token-splitting modes. */
#define TK_NFT   0x1    /* '{' '}' ',' ';' are tokens of their own */
#define TK_HASH  0x2    /* '#' at the start of a token ends the line */

/*
 * Split S[0..N) into at most MAX tokens: words separated by blanks;
 * '...' and "..." are one token without the quotes (inside "...", a
 * backslash keeps the next byte).  IH_EPARSE on an unterminated quote,
 * IH_ETOOBIG on too many tokens.
 */
static int nf_split(const char *s, size_t n, unsigned mode, struct nf_tok *t, size_t max,
                    size_t *count)
{
    size_t i = 0, k = 0;

    while (i < n) {
        char c = s[i];

        if (c == ' ' || c == '\t' || c == '\r') {
            i++;
            continue;
        }
        if ((mode & TK_HASH) && c == '#') {
            break;
        }
        if (k == max) {
            return IH_ETOOBIG;
        }
        if (c == '"' || c == '\'') {
            size_t st = ++i;

            while (i < n && s[i] != c) {
                if (c == '"' && s[i] == '\\' && i + 1 < n) {
                    i++;
                }
                i++;
            }
            if (i >= n) {
                return IH_EPARSE;
            }
            t[k].p = s + st;
            t[k].n = i - st;
            t[k].quoted = 1;
            k++;
            i++;
            continue;
        }
        if ((mode & TK_NFT) && (c == '{' || c == '}' || c == ',' || c == ';')) {
            t[k].p = s + i;
            t[k].n = 1;
            t[k].quoted = 0;
            k++;
            i++;
            continue;
        }
        {
            size_t st = i;

            while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '"' &&
                   s[i] != '\'' &&
                   !((mode & TK_NFT) && (s[i] == '{' || s[i] == '}' || s[i] == ',' ||
                                         s[i] == ';'))) {
                i++;
            }
            t[k].p = s + st;
            t[k].n = i - st;
            t[k].quoted = 0;
            k++;
        }
    }
    *count = k;
    return IH_OK;
}

/* Report a malformed line at LINE and count it; always IH_OK (skip it). */
static int nf_bad(struct nf_parser *p, unsigned long line, const char *why)
{
    util_diag(p->file, line, "%s", why);
    p->out->bad++;
    return IH_OK;
}

static int tok_is(const struct nf_tok *t, const char *s)
{
    size_t l = strlen(s);

    return !t->quoted && t->n == l && memcmp(t->p, s, l) == 0;
}

/* Like tok_is, quoted or not (UCI quotes keys and values at will). */
static int tok_eq(const struct nf_tok *t, const char *s)
{
    size_t l = strlen(s);

    return t->n == l && memcmp(t->p, s, l) == 0;
}

static int tok_icase(const struct nf_tok *t, const char *s)
{
    size_t l = strlen(s), i;

    if (t->n != l) {
        return 0;
    }
    for (i = 0; i < l; i++) {
        char a = t->p[i], b = s[i];

        if (a >= 'A' && a <= 'Z') {
            a = (char)(a - 'A' + 'a');
        }
        if (a != b) {
            return 0;
        }
    }
    return 1;
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

static unsigned nf_range_mask(uint64_t lo, uint64_t hi)
{
    unsigned m = 0;

    if (lo <= NF_PORT_NUM_CWMP && NF_PORT_NUM_CWMP <= hi) {
        m |= NF_PORT_CWMP;
    }
    if (lo <= NF_PORT_NUM_ADB && NF_PORT_NUM_ADB <= hi) {
        m |= NF_PORT_ADB;
    }
    return m;
}

/*
 * One port item S[0..N):  port | port SEP port, and with SEP ':' either
 * side may be empty (":1024" is 0-1024, "1024:" is 1024-65535).  Ports are
 * decimal, 0-65535; a reversed range is malformed.  Adds to *MASK.
 */
static int nf_port_item(const char *s, size_t n, char sep, unsigned *mask)
{
    uint64_t lo = 0, hi = 65535;
    const char *d = memchr(s, sep, n);

    if (n == 0) {
        return IH_EPARSE;
    }
    if (!d) {
        if (util_parse_dec(s, n, 65535, &lo) != IH_OK) {
            return IH_EPARSE;
        }
        hi = lo;
    } else {
        size_t a = (size_t)(d - s), b = n - a - 1;

        if ((a == 0 || b == 0) && sep != ':') {
            return IH_EPARSE;
        }
        if (a == 0 && b == 0) {
            return IH_EPARSE;
        }
        if (a > 0 && util_parse_dec(s, a, 65535, &lo) != IH_OK) {
            return IH_EPARSE;
        }
        if (b > 0 && util_parse_dec(d + 1, b, 65535, &hi) != IH_OK) {
            return IH_EPARSE;
        }
        if (lo > hi) {
            return IH_EPARSE;
        }
    }
    *mask |= nf_range_mask(lo, hi);
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

static void nf_add_block(struct nf_blocks *out, unsigned ports, enum nf_verdict v,
                         unsigned long line, uint64_t packets, const char *pfx,
                         const char *s, size_t n)
{
    if (out->n >= NF_MAX_BLOCKS) {
        out->over++;
        return;
    }
    nf_fill_block(&out->v[out->n++], ports, 4, v, line, packets, pfx, s, n);
}

/* ------------------------------------------------------------------ */
/* user chains                                                          */

/*
 * The chain PFX+NAME, remembered when new (ADD); its index, or -1 when
 * unknown (and not ADD) or the table is full.
 */
static int nf_chain(struct nf_parser *p, const char *pfx, const struct nf_tok *name, int add)
{
    char key[sizeof p->chains[0]];
    unsigned i;

    (void)util_fmt(key, sizeof key, "%s%.*s", pfx, (int)name->n, name->p);
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

/* Value of an option that may be written old-style "--dport ! 7547". */
static const struct nf_tok *ipt_value(const struct nf_tok *t, size_t n, size_t *i, int *neg)
{
    if (*i + 1 >= n) {
        return NULL;
    }
    (*i)++;
    if (tok_is(&t[*i], "!")) {
        *neg = 1;
        if (*i + 1 >= n) {
            return NULL;
        }
        (*i)++;
    }
    return &t[*i];
}

enum ipt_opt { IO_APPEND, IO_INSERT, IO_TABLE, IO_PROTO, IO_DPORT, IO_DPORTS, IO_JUMP,
               IO_VALUE, IO_NEWCHAIN };

/* The options nf_ipt_args knows; one table, not a chain of compares. */
static const struct {
    char name[20];
    unsigned char kind;
} ipt_opts[] = {
    { "-A", IO_APPEND }, { "--append", IO_APPEND }, { "-I", IO_INSERT },
    { "--insert", IO_INSERT }, { "-t", IO_TABLE }, { "--table", IO_TABLE },
    { "-p", IO_PROTO }, { "--protocol", IO_PROTO }, { "--dport", IO_DPORT },
    { "--destination-port", IO_DPORT }, { "--dports", IO_DPORTS },
    { "--destination-ports", IO_DPORTS }, { "--ports", IO_DPORTS }, { "-j", IO_JUMP },
    { "--jump", IO_JUMP }, { "-g", IO_JUMP }, { "--goto", IO_JUMP }, { "-m", IO_VALUE },
    { "--match", IO_VALUE }, { "--comment", IO_VALUE }, { "-i", IO_VALUE },
    { "--in-interface", IO_VALUE }, { "-o", IO_VALUE }, { "--out-interface", IO_VALUE },
    { "-s", IO_VALUE }, { "--source", IO_VALUE }, { "-d", IO_VALUE },
    { "--destination", IO_VALUE }, { "--sport", IO_VALUE }, { "--source-port", IO_VALUE },
    { "--sports", IO_VALUE }, { "--source-ports", IO_VALUE }, { "-N", IO_NEWCHAIN },
    { "--new-chain", IO_NEWCHAIN },
};

static int ipt_opt_find(const struct nf_tok *t)
{
    size_t k;

    if (t->quoted || t->n < 2 || t->p[0] != '-' || t->n >= sizeof ipt_opts[0].name) {
        return -1;
    }
    for (k = 0; k < sizeof ipt_opts / sizeof ipt_opts[0]; k++) {
        if (tok_is(t, ipt_opts[k].name)) {
            return ipt_opts[k].kind;
        }
    }
    return -1;
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

        if (tok_is(&t[i], "!")) {
            neg = 1;
            continue;
        }
        kind = ipt_opt_find(&t[i]);
        if (kind < 0) {
            neg = 0;
            continue;
        }
        v = ipt_value(t, n, &i, &neg);
        if (!v) {
            return IH_EPARSE;
        }
        switch (kind) {
        case IO_NEWCHAIN:
            r->chain = v;
            r->newchain = 1;
            break;
        case IO_APPEND:
        case IO_INSERT:
            r->add = 1;
            r->chain = v;
            r->chain_ok = (flags & NF_F_CONFIG) ? tok_has_input(v) : tok_is(v, "INPUT");
            if (kind == IO_INSERT && i + 1 < n && t[i + 1].n > 0 && t[i + 1].p[0] >= '0' &&
                t[i + 1].p[0] <= '9') {
                i++;    /* the rule number */
            }
            break;
        case IO_TABLE:
            r->filter = tok_is(v, "filter");
            break;
        case IO_PROTO:
            r->tcp = !neg && (tok_icase(v, "tcp") || tok_is(v, "6"));
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
            r->verdict = tok_is(v, "DROP") ? NF_VERDICT_DROP :
                         tok_is(v, "REJECT") ? NF_VERDICT_REJECT : NF_VERDICT_NONE;
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
    c = nf_chain(p, "", r->chain, 1);
    if (r->newchain || !r->add) {
        return;
    }
    if (r->chain_ok && c >= 0) {
        p->chain_root[c] = 1;
    }
    if (r->target && r->verdict == NF_VERDICT_NONE) {
        nf_edge(p, c, nf_chain(p, "", r->target, 0));
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
    int rc, kind;

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
            (void)nf_chain(p, "", &name, 1);
        }
        return IH_OK;
    }
    if (n >= 6 && memcmp(s, "COMMIT", 6) == 0) {
        return IH_OK;
    }
    rc = nf_split(s, n, 0, t, NF_MAX_TOKENS, &nt);
    if (rc != IH_OK) {
        return nf_bad(p, p->line, rc == IH_ETOOBIG ? "rule has too many words" :
                      "unterminated quote");
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
    rc = nf_ipt_args(t + first, nt - first, p->flags, &r);
    if (rc != IH_OK) {
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

/* The named set or map "TABLE NAME" of the current table, or -1. */
static int nf_set_find(const struct nf_parser *p, const struct nf_tok *name)
{
    char key[sizeof p->sets[0].name];
    unsigned i;

    (void)util_fmt(key, sizeof key, "%s %.*s", p->tbl, (int)name->n, name->p);
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

        if (t[i].quoted || nf_port_item(t[i].p, t[i].n, '-', &m) != IH_OK) {
            continue;
        }
        if (map) {
            int d = 0;

            if (i + 2 < n && tok_is(&t[i + 1], ":")) {
                d = tok_is(&t[i + 2], "drop") ? NF_VERDICT_DROP :
                    tok_is(&t[i + 2], "reject") ? NF_VERDICT_REJECT : 0;
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
 *   Jumps from chain FROM (-1: none) become edges of P (NULL: none).
 */
static int nf_nft_rule(struct nf_parser *p, int from, const struct nf_tok *t, size_t n,
                       unsigned *ports, enum nf_verdict *v, uint64_t *packets)
{
    size_t i;
    int tcp = 0, neg_port = 0, vmap_v = NF_VERDICT_NONE;

    *ports = 0;
    *v = NF_VERDICT_NONE;
    for (i = 0; i < n; i++) {
        if (t[i].quoted) {
            continue;
        }
        if ((tok_is(&t[i], "jump") || tok_is(&t[i], "goto")) && i + 1 < n) {
            if (p && from >= 0) {
                char pfx[sizeof p->tbl + 1];

                (void)util_fmt(pfx, sizeof pfx, "%s ", p->tbl);
                nf_edge(p, from, nf_chain(p, pfx, &t[i + 1], 1));
            }
            *v = NF_VERDICT_NONE;
            i++;
        } else if ((tok_is(&t[i], "l4proto") || tok_is(&t[i], "protocol")) && i + 1 < n &&
            tok_is(&t[i + 1], "tcp")) {
            tcp = 1;
        } else if ((tok_is(&t[i], "tcp") || (tcp && tok_is(&t[i], "th"))) && i + 1 < n &&
                   tok_is(&t[i + 1], "dport")) {
            unsigned m = 0;
            int neg = 0, sv = 0;

            i += 2;
            if (i < n && (tok_is(&t[i], "==") || tok_is(&t[i], "eq"))) {
                i++;
            } else if (i < n && (tok_is(&t[i], "!=") || tok_is(&t[i], "ne"))) {
                neg = 1;
                i++;
            }
            if (i < n && tok_is(&t[i], "vmap")) {
                size_t st = ++i;

                if (i < n && tok_is(&t[i], "{")) {
                    while (i < n && !tok_is(&t[i], "}")) {
                        i++;
                    }
                    if (i >= n) {
                        return IH_EPARSE;
                    }
                    nf_set_elems(t + st, i - st, 1, &m, &sv);
                } else if (i < n && t[i].n > 1 && t[i].p[0] == '@' && p) {
                    struct nf_tok nm = { t[i].p + 1, t[i].n - 1, 0 };
                    int k = nf_set_find(p, &nm);

                    if (k >= 0) {
                        m = p->sets[k].ports;
                        sv = p->sets[k].verdict;
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
            if (tok_is(&t[i], "{")) {
                int items = 0;

                for (i++; i < n && !tok_is(&t[i], "}"); i++) {
                    if (tok_is(&t[i], ",")) {
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
                struct nf_tok nm = { t[i].p + 1, t[i].n > 0 ? t[i].n - 1 : 0, 0 };
                int k = p ? nf_set_find(p, &nm) : -1;

                if (k >= 0 && !p->sets[k].verdict) {
                    m = p->sets[k].ports;
                }
            } else if (nf_port_item(t[i].p, t[i].n, '-', &m) != IH_OK) {
                return IH_EPARSE;
            }
            if (neg) {
                neg_port = 1;
            } else {
                *ports |= m;
            }
        } else if (tok_is(&t[i], "counter") && i + 2 < n && tok_is(&t[i + 1], "packets")) {
            if (util_parse_dec(t[i + 2].p, t[i + 2].n, UINT64_MAX, packets) != IH_OK) {
                return IH_EPARSE;
            }
            i += 2;
        } else if (tok_is(&t[i], "drop")) {
            *v = NF_VERDICT_DROP;
        } else if (tok_is(&t[i], "reject")) {
            *v = NF_VERDICT_REJECT;
        } else if (tok_is(&t[i], "accept") || tok_is(&t[i], "return") ||
                   tok_is(&t[i], "continue")) {
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
    return tok_is(f, "ip") ? 4 : tok_is(f, "ip6") ? 6 : tok_is(f, "inet") ? 0 : -1;
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
    int opens = 0, closes = 0, rc;
    unsigned ports;
    enum nf_verdict v;
    uint64_t packets = 0;

    rc = nf_split(s, n, TK_NFT | TK_HASH, t, NF_MAX_TOKENS, &nt);
    if (rc != IH_OK) {
        return nf_bad(p, p->line, rc == IH_ETOOBIG ? "rule has too many words" :
                      "unterminated quote");
    }
    if (nt == 0) {
        return IH_OK;
    }
    for (i = 0; i < nt; i++) {
        if (tok_is(&t[i], "{")) {
            opens++;
        } else if (tok_is(&t[i], "}")) {
            closes++;
        }
    }
    if (p->depth == 0 && tok_is(&t[0], "table")) {
        static const struct nf_tok ip = { "ip", 2, 0 };
        const struct nf_tok *fam = &ip, *name;
        int f;

        if (nt >= 4 && tok_is(&t[3], "{")) {
            fam = &t[1];
            name = &t[2];
        } else if (nt >= 3 && tok_is(&t[2], "{")) {
            name = &t[1];
        } else {
            return nf_bad(p, p->line, "malformed table line");
        }
        f = nf_nft_family(fam);
        p->table_ok = f >= 0;
        p->fam = f >= 0 ? (unsigned)f : 4;
        (void)util_fmt(p->tbl, sizeof p->tbl, "%.*s %.*s", (int)fam->n, fam->p,
                       (int)name->n, name->p);
        p->depth = opens - closes;
        if (p->depth <= 0) {
            p->depth = 0;
            p->table_ok = 0;
        }
        return IH_OK;
    }
    if (p->depth == 0 && nt >= 6 && (tok_is(&t[0], "add") || tok_is(&t[0], "insert")) &&
        tok_is(&t[1], "rule")) {
        int chain_ok = tok_is(&t[4], "INPUT") ||
                       ((p->flags & NF_F_CONFIG) && tok_has_input(&t[4]));
        int f = nf_nft_family(&t[2]), c;

        if (f < 0) {
            return IH_OK;
        }
        (void)util_fmt(p->tbl, sizeof p->tbl, "%.*s %.*s", (int)t[2].n, t[2].p,
                       (int)t[3].n, t[3].p);
        {
            char pfx[sizeof p->tbl + 1];

            (void)util_fmt(pfx, sizeof pfx, "%s ", p->tbl);
            c = nf_chain(p, pfx, &t[4], 1);
        }
        if (chain_ok && c >= 0) {
            p->chain_root[c] = 1;
        }
        rc = nf_nft_rule(p, c, t + 5, nt - 5, &ports, &v, &packets);
        p->tbl[0] = '\0';
        if (rc != IH_OK) {
            return chain_ok ? nf_bad(p, p->line, "malformed rule") : IH_OK;
        }
        if (chain_ok) {
            p->out->rules++;
        }
        if (ports && v != NF_VERDICT_NONE) {
            nf_block_in(p, c, chain_ok, ports, (unsigned)f, v, p->line, packets, NULL, s, n);
        }
        return IH_OK;
    }
    if (p->depth == 1 && p->table_ok && (tok_is(&t[0], "set") || tok_is(&t[0], "map")) &&
        nt >= 3 && tok_is(&t[2], "{")) {
        /* a named set or map: its port elements, for "@NAME" in rules */
        if (p->n_sets < NF_MAX_SETS) {
            unsigned k = p->n_sets++;

            (void)util_fmt(p->sets[k].name, sizeof p->sets[k].name, "%s %.*s", p->tbl,
                           (int)t[1].n, t[1].p);
            p->sets[k].ports = 0;
            p->sets[k].verdict = 0;
            p->set_map = tok_is(&t[0], "map");
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
        if (!(tok_is(&t[0], "type") || tok_is(&t[0], "flags") || tok_is(&t[0], "size") ||
              tok_is(&t[0], "timeout") || tok_is(&t[0], "policy") ||
              tok_is(&t[0], "comment") || tok_is(&t[0], "gc-interval"))) {
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
    if (p->depth == 1 && tok_is(&t[0], "chain") && nt >= 3 && tok_is(&t[2], "{") &&
        closes == 0) {
        char pfx[sizeof p->tbl + 1];

        p->chain_ok = p->table_ok && (tok_is(&t[1], "INPUT") ||
                                      ((p->flags & NF_F_CONFIG) && tok_has_input(&t[1])));
        (void)util_fmt(p->where, sizeof p->where, "%s %.*s: ", p->tbl, (int)t[1].n, t[1].p);
        (void)util_fmt(pfx, sizeof pfx, "%s ", p->tbl);
        p->cur_chain = p->table_ok ? nf_chain(p, pfx, &t[1], 1) : -1;
        if (p->chain_ok && p->cur_chain >= 0) {
            p->chain_root[p->cur_chain] = 1;
        }
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
        if (tok_is(&t[0], "type")) {
            for (i = 0; i + 1 < nt; i++) {
                if (tok_is(&t[i], "hook") && tok_is(&t[i + 1], "input") && nt > 1 &&
                    tok_is(&t[1], "filter")) {
                    p->chain_ok = p->table_ok;
                    if (p->chain_ok && p->cur_chain >= 0) {
                        p->chain_root[p->cur_chain] = 1;
                    }
                }
            }
            return IH_OK;
        }
        if (tok_is(&t[0], "policy") || tok_is(&t[0], "comment") || tok_is(&t[0], "devices")) {
            return IH_OK;
        }
        if (!p->table_ok) {
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
        nf_add_block(p->out, p->u_ports, (enum nf_verdict)p->u_target, p->u_line, 0, NULL,
                     txt, strlen(txt));
    }
}

static int nf_uci_proto(const struct nf_tok *v)
{
    size_t i = 0;

    /* VALUE may itself be a blank-separated list: "tcp udp" */
    while (i < v->n) {
        struct nf_tok w;
        size_t st;

        while (i < v->n && v->p[i] == ' ') {
            i++;
        }
        st = i;
        while (i < v->n && v->p[i] != ' ') {
            i++;
        }
        w.p = v->p + st;
        w.n = i - st;
        w.quoted = 0;
        if (tok_icase(&w, "tcp") || tok_icase(&w, "tcpudp") || tok_icase(&w, "all") ||
            tok_is(&w, "6")) {
            return 1;
        }
    }
    return 0;
}

static int nf_uci_ports(const struct nf_tok *v, unsigned *mask)
{
    size_t i = 0;

    while (i < v->n) {
        size_t st;
        char sep;
        const char *d;

        while (i < v->n && v->p[i] == ' ') {
            i++;
        }
        st = i;
        while (i < v->n && v->p[i] != ' ') {
            i++;
        }
        if (i == st) {
            break;
        }
        if (v->p[st] == '!') {
            continue; /* a negated port blocks everything else: not this */
        }
        d = memchr(v->p + st, ':', i - st);
        sep = d ? ':' : '-';
        if (nf_port_item(v->p + st, i - st, sep, mask) != IH_OK) {
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
    int rc;

    rc = nf_split(s, n, TK_HASH, t, 8, &nt);
    if (rc != IH_OK) {
        return nf_bad(p, p->line, rc == IH_ETOOBIG ? "too many words" :
                      "unterminated quote");
    }
    if (nt == 0) {
        return IH_OK;
    }
    if (tok_eq(&t[0], "config")) {
        if (nt < 2 || nt > 3) {
            (void)nf_bad(p, p->line, "malformed config line");
            nf_uci_flush(p);
            return IH_OK;
        }
        nf_uci_flush(p);
        p->in_rule = tok_eq(&t[1], "rule");
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
    if (!(tok_eq(&t[0], "option") || tok_eq(&t[0], "list")) || nt != 3) {
        return nf_bad(p, p->line, "expected config, option or list");
    }
    if (!p->in_rule) {
        return IH_OK;
    }
    if (tok_eq(&t[1], "name")) {
        (void)util_fmt(p->u_name, sizeof p->u_name, "%.*s", (int)t[2].n, t[2].p);
    } else if (tok_eq(&t[1], "target")) {
        p->u_target = tok_icase(&t[2], "drop") ? NF_VERDICT_DROP :
                      tok_icase(&t[2], "reject") ? NF_VERDICT_REJECT : NF_VERDICT_NONE;
    } else if (tok_eq(&t[1], "proto")) {
        int ok = nf_uci_proto(&t[2]);

        if (tok_eq(&t[0], "list")) {
            /* the first list entry replaces the default */
            p->u_proto_ok = (p->u_proto_ok & 2) ? (p->u_proto_ok | (unsigned)ok) :
                            (2u | (unsigned)ok);
        } else {
            p->u_proto_ok = (unsigned)ok;
        }
    } else if (tok_eq(&t[1], "dest_port")) {
        if (nf_uci_ports(&t[2], &p->u_ports) != IH_OK) {
            (void)nf_bad(p, p->line, "bad dest_port");
        }
    } else if (tok_eq(&t[1], "dest")) {
        p->u_has_dest = 1;
    } else if (tok_eq(&t[1], "enabled")) {
        p->u_enabled = !(tok_eq(&t[2], "0") || tok_icase(&t[2], "no") ||
                         tok_icase(&t[2], "off") || tok_icase(&t[2], "false"));
    }
    return IH_OK;
}

/* ------------------------------------------------------------------ */
/* firewall.user                                                        */

static int tok_basename_is(const struct nf_tok *t, const char *name)
{
    size_t l = strlen(name);
    const char *b = t->p;
    size_t n = t->n, i;

    for (i = 0; i < t->n; i++) {
        if (t->p[i] == '/') {
            b = t->p + i + 1;
            n = t->n - i - 1;
        }
    }
    return n == l && memcmp(b, name, l) == 0;
}

/* 4 for an iptables command word, 6 for ip6tables, 0 neither. */
static int nf_ipt_word(const struct nf_tok *t)
{
    static const char *const v4[] = { "iptables", "iptables-legacy", "iptables-nft" };
    static const char *const v6[] = { "ip6tables", "ip6tables-legacy", "ip6tables-nft" };
    size_t k;

    for (k = 0; k < 3; k++) {
        if (tok_basename_is(t, v4[k])) {
            return 4;
        }
        if (tok_basename_is(t, v6[k])) {
            return 6;
        }
    }
    return 0;
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
    name->quoted = 0;
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
        if (k > i && !t[k].quoted && wn > 0 && w[wn - 1] != ')' && w[wn - 1] != '`' &&
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
    size_t nt, i, j;
    int rc;

    rc = nf_split(s, n, TK_HASH, t, NF_MAX_TOKENS, &nt);
    if (rc != IH_OK) {
        return nf_bad(p, p->pend_line, rc == IH_ETOOBIG ? "too many words" :
                      "unterminated quote");
    }
    for (i = 0; i < nt; i++) {
        struct nf_tok var;
        size_t end;
        int fam;

        if (!t[i].quoted && t[i].n > 1 && t[i].p[0] != '-' && t[i].p[0] != '$' &&
            memchr(t[i].p, '=', t[i].n)) {
            nf_var_assign(p, t, nt, i);
            continue;
        }
        fam = nf_var_ref(&t[i], &var) ? nf_var_fam(p, &var) : t[i].quoted ? 0 : nf_ipt_word(&t[i]);
        if (fam) {
            struct nf_ipt r;

            for (end = i + 1; end < nt; end++) {
                if (!t[end].quoted && (tok_is(&t[end], ";") || tok_is(&t[end], "&&") ||
                                       tok_is(&t[end], "||") || tok_is(&t[end], "|"))) {
                    break;
                }
                if (!t[end].quoted && t[end].n > 1 && t[end].p[t[end].n - 1] == ';') {
                    t[end].n--;
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
            i = end;
        } else if (!t[i].quoted && tok_basename_is(&t[i], "nft") && i + 6 < nt &&
                   (tok_is(&t[i + 1], "add") || tok_is(&t[i + 1], "insert")) &&
                   tok_is(&t[i + 2], "rule")) {
            unsigned ports;
            enum nf_verdict v;
            uint64_t packets = 0;
            int nfam = nf_nft_family(&t[i + 3]), root, c;
            char pfx[sizeof p->tbl + 1];

            for (end = i + 6; end < nt; end++) {
                if (!t[end].quoted && (tok_is(&t[end], "&&") || tok_is(&t[end], "||"))) {
                    break;
                }
            }
            j = i + 5;
            if (nfam < 0) {
                i = end;
                continue;
            }
            root = tok_has_input(&t[j]);
            (void)util_fmt(p->tbl, sizeof p->tbl, "%.*s %.*s", (int)t[i + 3].n, t[i + 3].p,
                           (int)t[i + 4].n, t[i + 4].p);
            (void)util_fmt(pfx, sizeof pfx, "%s ", p->tbl);
            c = nf_chain(p, pfx, &t[j], 1);
            if (root && c >= 0) {
                p->chain_root[c] = 1;
                p->out->rules++;
            }
            if (nf_nft_rule(p, c, t + j + 1, end - j - 1, &ports, &v, &packets) != IH_OK) {
                if (root) {
                    (void)nf_bad(p, p->pend_line, "malformed nft command");
                }
            } else if (ports && v != NF_VERDICT_NONE) {
                nf_block_in(p, c, root, ports, (unsigned)nfam, v, p->pend_line, 0, NULL, s, n);
            }
            p->tbl[0] = '\0';
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
