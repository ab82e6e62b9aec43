/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * netfilter.h - the TR-069 worm's firewall rules, told apart from an ISP
 * lockdown (DESIGN.md section 4, type iptables_tr069_block).
 *
 * The worm (a Mirai variant, 2016) runs, on every device it takes, an
 * iptables command appending a DROP rule for tcp destination port 7547
 * (TR-069/CWMP) and another for 5555 to the INPUT chain, so that other bots
 * cannot come in the same way.  Some ISPs add the very same rule on purpose;
 * they then declare it in the device's persistent firewall configuration.
 *
 * Live rules are read from:
 *   - the kernel: IPT_SO_GET_INFO / IPT_SO_GET_ENTRIES on a raw socket,
 *     parsed from bytes with an explicit byte order (netfilter_kernel.c);
 *   - failing that, the text of `iptables-save` (fixed argv, bounded);
 *   - `ip6tables-save` (IPv6);
 *   - `nft list ruleset` (iptables-nft and fw4 routers keep rules there).
 * Under --root: DIR/proc/net/ip_tables_names, DIR/iptables-save.txt,
 * DIR/ip6tables-save.txt and DIR/nft-ruleset.txt.  Rules in user chains
 * INPUT jumps to count as INPUT's.
 * Declarations are read from /etc/config/firewall (UCI), /etc/firewall.user
 * (shell), iptables-restore files and /etc/nftables.conf.
 *
 * All parsers are pure (bytes in, struct nf_blocks out), bounded, and skip
 * and count malformed records after a util_diag(file, line, ...).
 */
#ifndef IOTHUNT_NETFILTER_H
#define IOTHUNT_NETFILTER_H

#include "finding.h"
#include "procnet.h"
#include "root.h"

#include <stddef.h>
#include <stdint.h>

/* The ports the worm closes, as bits of nf_block.ports. */
#define NF_PORT_CWMP    0x1u    /* tcp 7547, TR-069 */
#define NF_PORT_ADB     0x2u    /* tcp 5555 */
#define NF_PORT_NUM_CWMP 7547
#define NF_PORT_NUM_ADB  5555

/* NF_PORT_* bits of the worm's ports that the range LO..HI covers (both parsers). */
unsigned nf_port_mask(unsigned lo, unsigned hi);

/* Caps on untrusted input. */
#define NF_MAX_LINE     4096    /* longer text lines are dropped, not cut */
#define NF_MAX_TOKENS   128     /* words in one rule */
#define NF_MAX_TEXT     (1u << 20) /* bytes of one text source */
#define NF_MAX_BLOB     (1u << 20) /* bytes of the kernel's rule table */
#define NF_MAX_ENTRIES  20000u  /* rules walked in the kernel's table */
#define NF_MAX_BLOCKS   16      /* blocking rules kept per source */
#define NF_RULE_TEXT    160
#define NF_MAX_CHAINS   32      /* chains remembered per source (user chains followed) */
#define NF_MAX_EDGES    64      /* jumps between them */
#define NF_MAX_PENDING  16      /* blocking rules in chains not yet known reachable */
#define NF_MAX_SETS     16      /* nft named sets and maps of ports */
#define NF_MAX_VARS     8       /* shell variables that name iptables */

enum nf_verdict {
    NF_VERDICT_NONE = 0,
    NF_VERDICT_DROP,
    NF_VERDICT_REJECT
};

/* One rule that blocks tcp 7547 and/or 5555 in the INPUT path. */
struct nf_block {
    unsigned ports;             /* NF_PORT_* bits it drops */
    unsigned family;            /* 4 IPv4, 6 IPv6, 0 both (nft inet) */
    enum nf_verdict verdict;
    unsigned long line;         /* 1-based line (text) or rule number (kernel) */
    uint64_t packets;           /* counter when the source has one, else 0 */
    char text[NF_RULE_TEXT];    /* the rule as its source prints it */
};

/* What one source said. */
struct nf_blocks {
    struct nf_block v[NF_MAX_BLOCKS];
    unsigned n;
    unsigned long rules;        /* INPUT rules (or config rules) examined */
    unsigned long bad;          /* malformed lines / entries skipped */
    unsigned long over;         /* blocking rules beyond NF_MAX_BLOCKS */
};

/* Text grammars (see the grammar comments in netfilter_text.c). */
enum nf_grammar {
    NF_G_SAVE,      /* iptables-save output and iptables-restore files */
    NF_G_NFT,       /* `nft list ruleset` output and nft -f files */
    NF_G_UCI,       /* OpenWrt /etc/config/firewall */
    NF_G_SHELL      /* /etc/firewall.user: iptables / nft command lines */
};

/*
 * Parser flag: the text is persistent configuration, not a live listing.
 * Configuration rules count as declarations in any chain whose name holds
 * "input" (fw3's input_wan_rule, fw4's input_wan), not only INPUT.
 */
#define NF_F_CONFIG 0x1u
/* Parser flag: iptables text is ip6tables's (IPv6). */
#define NF_F_IPV6   0x2u

/* Line-by-line parser state; fields are private to netfilter_text.c. */
struct nf_parser {
    enum nf_grammar g;
    unsigned flags;             /* NF_F_* */
    const char *file;           /* for diagnostics; not owned */
    unsigned long line;
    struct nf_blocks *out;
    int table_ok;               /* SAVE: in *filter / NFT: in an ip/inet table */
    int depth;                  /* NFT: brace depth */
    int chain_ok;               /* NFT: current chain is an input chain */
    int chain_depth;            /* NFT: depth of the current chain's body */
    char tbl[40];               /* NFT: "FAMILY TABLE" of the current table */
    char where[72];             /* NFT: "FAMILY TABLE CHAIN: " of the current chain */
    int in_rule;                /* UCI: inside a `config rule` section */
    unsigned u_ports;           /* UCI: ports of dest_port */
    unsigned u_proto_ok;        /* UCI: proto includes tcp (default yes) */
    int u_target;               /* UCI: enum nf_verdict */
    int u_enabled;
    int u_has_dest;             /* UCI: a forward rule, not input */
    unsigned long u_line;       /* UCI: line of `config rule` */
    char u_name[48];
    char pend[NF_MAX_LINE];     /* SHELL: a line continued with '\' */
    size_t pend_n;
    unsigned long pend_line;
    /* user chains: a block in a chain INPUT jumps to (directly or through
     * other chains) counts; resolved at netfilter_parser_end */
    char chains[NF_MAX_CHAINS][48]; /* "TABLE CHAIN" (nft) or "CHAIN" */
    unsigned char chain_root[NF_MAX_CHAINS]; /* INPUT, a base input chain */
    unsigned n_chains;
    unsigned char edges[NF_MAX_EDGES][2];
    unsigned n_edges;
    int cur_chain;              /* NFT: the chain being read, -1 none */
    unsigned fam;               /* NFT: family of the current table (nf_block.family) */
    struct {
        unsigned char chain;
        struct nf_block b;
    } pending[NF_MAX_PENDING];
    unsigned n_pending;
    struct {                    /* NFT: named sets and maps of ports */
        char name[48];          /* "TABLE NAME" */
        unsigned ports;         /* set: elements; map: keys mapped to drop/reject */
        int verdict;            /* map: enum nf_verdict of those keys */
    } sets[NF_MAX_SETS];
    unsigned n_sets;
    int set_idx;                /* NFT: inside this set/map's body, -1 none */
    int set_depth;
    int set_map;
    char vars[NF_MAX_VARS][24]; /* SHELL: IPT=/usr/sbin/iptables */
    unsigned char var_fam[NF_MAX_VARS];
    unsigned n_vars;
};

/*
 * Start P for grammar G with FLAGS (NF_F_*); FILE names the source in
 * diagnostics and must outlive P.  OUT is not cleared (sources add up).
 */
void netfilter_parser_init(struct nf_parser *p, enum nf_grammar g, unsigned flags,
                           const char *file, struct nf_blocks *out);
/*
 * Feed one line S[0..N) (no newline; need not be NUL-terminated).
 * Returns IH_OK; a malformed line is counted in out->bad, never fatal.
 */
int netfilter_parser_line(struct nf_parser *p, const char *s, size_t n);
/* Finish (flushes a pending UCI section or continued shell line). */
int netfilter_parser_end(struct nf_parser *p);

/*
 * Parse the whole text BUF[0..LEN) with grammar G and FLAGS into *OUT
 * (zeroed first).  Lines over NF_MAX_LINE and lines holding NUL bytes are
 * malformed.  IH_OK, or IH_ETOOBIG when LEN > NF_MAX_TEXT (nothing parsed).
 */
int netfilter_parse_text(enum nf_grammar g, unsigned flags, const char *buf, size_t len,
                         const char *file, struct nf_blocks *out);

/*
 * The kernel path.  struct ipt_getinfo as the kernel returns it (84 bytes,
 * same layout on every ABI):
 *   name[32] valid_hooks:u32 hook_entry[5]:u32 underflow[5]:u32
 *   num_entries:u32 size:u32
 */
#define NF_GETINFO_SIZE 84

struct nf_kinfo {
    char name[33];
    uint32_t valid_hooks;
    uint32_t hook_entry[5];
    uint32_t underflow[5];
    uint32_t num_entries;
    uint32_t size;
};

/* Decode an ipt_getinfo BUF[0..LEN) written in byte order ORDER. */
int netfilter_parse_kinfo(const uint8_t *buf, size_t len, enum procnet_order order,
                          struct nf_kinfo *ki);

/*
 * Walk the INPUT chain (hook NF_INET_LOCAL_IN) of the rule table BLOB[0..LEN)
 * (the entrytable of IPT_SO_GET_ENTRIES), described by KI, whose integers
 * are in byte order ORDER, and collect blocking rules into *OUT (zeroed
 * first).  Every offset and size is checked against LEN; the walk is
 * bounded by NF_MAX_ENTRIES.  IH_OK, IH_EPARSE when the table's structure
 * is broken (OUT then holds what was found before the break), IH_ETOOBIG.
 */
int netfilter_parse_entries(const uint8_t *blob, size_t len, const struct nf_kinfo *ki,
                            enum procnet_order order, const char *file,
                            struct nf_blocks *out);

/*
 * A captured table: the 84-byte ipt_getinfo, then ki.size bytes of entries,
 * both in ORDER (the format of tests/data/netfilter/ *.ipt files, see
 * docs/NETFILTER.md).  IH_OK or IH_EPARSE / IH_ETOOBIG.
 */
int netfilter_parse_capture(const uint8_t *buf, size_t len, enum procnet_order order,
                            const char *file, struct nf_blocks *out);

/*
 * Read the live kernel's filter table into a fresh buffer (capture format
 * above, native byte order; caller frees *BUF).  IH_EUNSUPP when the kernel
 * or the process cannot (no ip_tables, no CAP_NET_ADMIN, qemu-user).
 */
int netfilter_kernel_read(uint8_t **buf, size_t *len);

/* Per-scan figures, for the summary. */
struct netfilter_stats {
    unsigned long rules;        /* live INPUT rules examined */
    unsigned long blocks;       /* blocking rules found (before dedup) */
    unsigned long declared;     /* of those, declared in the persistent config */
    unsigned long bad;          /* malformed records skipped, all sources */
    unsigned long errors;       /* rule sources that exist but could not be read */
    unsigned long config_errors; /* configuration files that exist but could not be read */
    char sources[64];           /* live sources read: "kernel,nft", "root-save" */
    char why[80];               /* why rules were not read, in plain words: the
                                   first line a failing tool printed on stderr */
};

/*
 * Read the device's live rules (or R's dump) and its persistent firewall
 * configuration, and emit one FT_IPTABLES_TR069_BLOCK finding per blocking
 * rule into SINK: severity high when no configuration declares it (the
 * worm), low with reason "declared in FILE" when one does (an ISP
 * lockdown).  A rule seen by two sources (iptables-nft shows in both
 * iptables-save and nft) is reported once.  The caller counts what SINK
 * receives; *ST (if not NULL) is filled.  Returns IH_OK, or the first
 * error SINK returned.  Unreadable sources are counted, never fatal.
 */
int netfilter_scan(const struct root *r, int64_t now, struct finding_sink *sink,
                   struct netfilter_stats *st);

#endif
