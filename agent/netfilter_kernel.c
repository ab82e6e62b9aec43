/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * netfilter_kernel.c - the INPUT chain straight from the kernel's ip_tables
 * filter table (IPT_SO_GET_INFO / IPT_SO_GET_ENTRIES), parsed from bytes.
 *
 * The table is an array of variable-length struct ipt_entry records in the
 * byte order of the kernel that wrote it.  The parser never overlays kernel
 * structs on the buffer: it reads each field at its offset through a
 * bounds-checked cursor with an explicit byte order, so a big-endian table
 * captured on a router parses the same on an x86 host, and the fuzzer can
 * feed it anything.  Layout (include/uapi/linux/netfilter_ipv4/ip_tables.h,
 * identical on MIPS o32 and x86_64; see docs/NETFILTER.md for the check):
 *
 *   ipt_entry (112 bytes, then matches, then the target)
 *     0  ipt_ip: src dst smsk dmsk (4 x 4 bytes, network order)
 *    16         iniface[16] outiface[16] iniface_mask[16] outiface_mask[16]
 *    80         proto:u16  flags:u8  invflags:u8
 *    84  nfcache:u32   88 target_offset:u16   90 next_offset:u16
 *    92  comefrom:u32  96 counters: pcnt:u64 bcnt:u64
 *   112  xt_entry_match*  (each: match_size:u16 name[29] revision:u8 data)
 *   target_offset: xt_entry_target (target_size:u16 name[29] revision:u8 data)
 *
 * Match and target sizes are XT_ALIGN()ed by iptables; the parser follows
 * the sizes in the table rather than recomputing the alignment.
 */
#include "netfilter.h"
#include "util.h"

#include <errno.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#define IPT_ENTRY_SIZE      112
#define XT_HDR_SIZE         32      /* xt_entry_match / xt_entry_target header */
#define NF_HOOK_LOCAL_IN    1
#define IPT_INV_VIA_IN      0x01
#define IPT_INV_PROTO       0x40
#define XT_TCP_INV_DSTPT    0x02
#define XT_MULTIPORT_DEST   1
#define XT_MULTIPORT_EITHER 2
#define NF_VERDICT_KDROP    (-1)    /* -NF_DROP - 1 */

/* getsockopt numbers (linux/netfilter_ipv4/ip_tables.h): IPT_BASE_CTL 64 */
#define NF_IPT_SO_GET_INFO    64
#define NF_IPT_SO_GET_ENTRIES 65

static uint16_t rd16(const uint8_t *p, enum procnet_order o)
{
    if (o == PROCNET_ORDER_BE) {
        return (uint16_t)((p[0] << 8) | p[1]);
    }
    return (uint16_t)((p[1] << 8) | p[0]);
}

static uint32_t rd32(const uint8_t *p, enum procnet_order o)
{
    if (o == PROCNET_ORDER_BE) {
        return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
    }
    return ((uint32_t)p[3] << 24) | ((uint32_t)p[2] << 16) | ((uint32_t)p[1] << 8) | p[0];
}

static uint64_t rd64(const uint8_t *p, enum procnet_order o)
{
    uint64_t hi, lo;

    if (o == PROCNET_ORDER_BE) {
        hi = rd32(p, o);
        lo = rd32(p + 4, o);
    } else {
        lo = rd32(p, o);
        hi = rd32(p + 4, o);
    }
    return (hi << 32) | lo;
}

/* A NUL-terminated name in a fixed field P[0..N); IH_EPARSE if unterminated. */
static int nf_name(const uint8_t *p, size_t n, const char **out)
{
    if (!memchr(p, '\0', n)) {
        return IH_EPARSE;
    }
    *out = (const char *)p;
    return IH_OK;
}

/*
 * ipt_getinfo (84 bytes):
 *   name[32] (NUL-terminated) valid_hooks:u32 hook_entry[5]:u32
 *   underflow[5]:u32 num_entries:u32 size:u32
 */
int netfilter_parse_kinfo(const uint8_t *buf, size_t len, enum procnet_order order,
                          struct nf_kinfo *ki)
{
    const char *name;
    size_t i;

    memset(ki, 0, sizeof *ki);
    if (len < NF_GETINFO_SIZE || (order != PROCNET_ORDER_BE && order != PROCNET_ORDER_LE)) {
        return IH_EPARSE;
    }
    if (nf_name(buf, 32, &name) != IH_OK) {
        return IH_EPARSE;
    }
    (void)util_strlcpy(ki->name, name, sizeof ki->name);
    ki->valid_hooks = rd32(buf + 32, order);
    for (i = 0; i < 5; i++) {
        ki->hook_entry[i] = rd32(buf + 36 + 4 * i, order);
        ki->underflow[i] = rd32(buf + 56 + 4 * i, order);
    }
    ki->num_entries = rd32(buf + 76, order);
    ki->size = rd32(buf + 80, order);
    return IH_OK;
}

/* Append to the rule text (evidence: truncation is harmless). */
static void txt_add(char *t, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void txt_add(char *t, size_t n, const char *fmt, ...)
{
    size_t l = strlen(t);
    va_list ap;

    if (l + 1 >= n) {
        return;
    }
    va_start(ap, fmt);
    (void)util_vfmt(t + l, n - l, fmt, ap);
    va_end(ap);
}

struct nf_krule {
    int tcp;
    int neg;
    unsigned ports;
    enum nf_verdict verdict;
    long jump;              /* standard target: offset of the chain jumped to, -1 none */
    int chain_end;          /* a user chain's closing entry (no match, RETURN) or a head */
    char text[NF_RULE_TEXT];
};

/*
 * xt_tcp (12 bytes): spts[2]:u16 dpts[2]:u16 option:u8 flg_mask:u8
 * flg_cmp:u8 invflags:u8
 */
static int nf_match_tcp(const uint8_t *d, size_t n, enum procnet_order o, struct nf_krule *k)
{
    unsigned lo, hi;

    if (n < 12) {
        return IH_EPARSE;
    }
    lo = rd16(d + 4, o);
    hi = rd16(d + 6, o);
    if (lo == 0 && hi == 0xffff) {
        return IH_OK;   /* no destination port given */
    }
    txt_add(k->text, sizeof k->text, "-m tcp %s--dport %u", (d[11] & XT_TCP_INV_DSTPT) ? "! " : "",
            lo);
    if (hi != lo) {
        txt_add(k->text, sizeof k->text, ":%u", hi);
    }
    txt_add(k->text, sizeof k->text, " ");
    if (d[11] & XT_TCP_INV_DSTPT) {
        k->neg = 1;
    } else if (lo <= hi) {
        k->ports |= nf_port_mask(lo, hi);
    }
    return IH_OK;
}

/*
 * xt_multiport, revision 0 (32 bytes): flags:u8 count:u8 ports[15]:u16
 * revision >= 1 (48 bytes): the same, then pflags[15]:u8 invert:u8 (pflags[i]
 * set: ports[i]..ports[i+1] is a range)
 */
static int nf_match_multiport(const uint8_t *d, size_t n, unsigned rev, enum procnet_order o,
                              struct nf_krule *k)
{
    unsigned flags, count, i;

    if (n < (rev ? 48u : 32u)) {
        return IH_EPARSE;
    }
    flags = d[0];
    count = d[1];
    if (count > 15) {
        return IH_EPARSE;
    }
    if (flags != XT_MULTIPORT_DEST && flags != XT_MULTIPORT_EITHER) {
        return IH_OK;
    }
    if (rev && d[47]) {
        k->neg = 1;
    }
    txt_add(k->text, sizeof k->text, "-m multiport %s--%s ", rev && d[47] ? "! " : "",
            flags == XT_MULTIPORT_DEST ? "dports" : "ports");
    for (i = 0; i < count; i++) {
        unsigned lo = rd16(d + 2 + 2 * i, o), hi = lo;

        if (rev && d[32 + i] && i + 1 < count) {
            hi = rd16(d + 2 + 2 * (i + 1), o);
            txt_add(k->text, sizeof k->text, "%s%u:%u", i ? "," : "", lo, hi);
            i++;
        } else {
            txt_add(k->text, sizeof k->text, "%s%u", i ? "," : "", lo);
        }
        if (!k->neg && lo <= hi) {
            k->ports |= nf_port_mask(lo, hi);
        }
    }
    txt_add(k->text, sizeof k->text, " ");
    return IH_OK;
}

/* Parse the entry at E[0..N) (N = next_offset, checked by the caller). */
static int nf_entry(const uint8_t *e, size_t n, enum procnet_order o, const char *chain,
                    struct nf_krule *k)
{
    unsigned proto = rd16(e + 80, o), inv = e[83];
    size_t to = rd16(e + 88, o), moff;
    const char *name, *iface;
    size_t tsize;

    memset(k, 0, sizeof *k);
    k->jump = -1;
    if (to < IPT_ENTRY_SIZE || to + XT_HDR_SIZE > n) {
        return IH_EPARSE;
    }
    if (nf_name(e + 16, 16, &iface) != IH_OK) {
        return IH_EPARSE;
    }
    (void)util_fmt(k->text, sizeof k->text, "-A %s ", chain);
    if (iface[0]) {
        txt_add(k->text, sizeof k->text, "%s-i %s ", (inv & IPT_INV_VIA_IN) ? "! " : "", iface);
    }
    k->tcp = proto == 6 && !(inv & IPT_INV_PROTO);
    if (proto == 6) {
        txt_add(k->text, sizeof k->text, "%s-p tcp ", (inv & IPT_INV_PROTO) ? "! " : "");
    } else if (proto != 0) {
        txt_add(k->text, sizeof k->text, "%s-p %u ", (inv & IPT_INV_PROTO) ? "! " : "", proto);
    }
    for (moff = IPT_ENTRY_SIZE; moff < to;) {
        size_t msize;

        if (moff + XT_HDR_SIZE > to) {
            return IH_EPARSE;
        }
        msize = rd16(e + moff, o);
        if (msize < XT_HDR_SIZE || msize > to - moff) {
            return IH_EPARSE;
        }
        if (nf_name(e + moff + 2, 29, &name) != IH_OK) {
            return IH_EPARSE;
        }
        if (strcmp(name, "tcp") == 0) {
            if (nf_match_tcp(e + moff + XT_HDR_SIZE, msize - XT_HDR_SIZE, o, k) != IH_OK) {
                return IH_EPARSE;
            }
        } else if (strcmp(name, "multiport") == 0) {
            if (nf_match_multiport(e + moff + XT_HDR_SIZE, msize - XT_HDR_SIZE, e[moff + 31], o,
                                   k) != IH_OK) {
                return IH_EPARSE;
            }
        } else {
            txt_add(k->text, sizeof k->text, "-m %s ", name);
        }
        moff += msize;
    }
    tsize = rd16(e + to, o);
    if (tsize < XT_HDR_SIZE || tsize > n - to) {
        return IH_EPARSE;
    }
    if (nf_name(e + to + 2, 29, &name) != IH_OK) {
        return IH_EPARSE;
    }
    if (name[0] == '\0') {
        int32_t v;

        if (tsize < XT_HDR_SIZE + 4) {
            return IH_EPARSE;
        }
        v = (int32_t)rd32(e + to + XT_HDR_SIZE, o);
        if (v == NF_VERDICT_KDROP) {
            k->verdict = NF_VERDICT_DROP;
            name = "DROP";
        } else if (v == -2) {
            name = "ACCEPT";
        } else if (v == -5) {
            name = "RETURN";
            k->chain_end = to == IPT_ENTRY_SIZE;
        } else {
            txt_add(k->text, sizeof k->text, "-j (verdict %ld)", (long)v);
            k->jump = v >= 0 ? (long)v : -1;
            return IH_OK;
        }
    } else {
        if (strcmp(name, "REJECT") == 0) {
            k->verdict = NF_VERDICT_REJECT;
        }
        k->chain_end = strcmp(name, "ERROR") == 0;
    }
    /* a standard verdict is printed by its name, as iptables-save does */
    txt_add(k->text, sizeof k->text, "-j %s", name);
    return IH_OK;
}

/* User chains met on the way: where each starts, its name, walked yet. */
#define NF_KCHAINS 16

struct nf_kchains {
    size_t n;
    struct {
        size_t off;         /* first rule (after the ERROR head entry) */
        char name[32];
        int queued;
    } v[NF_KCHAINS];
};

/*
 * One pass over the whole table for the user chains: each starts after an
 * entry whose target is ERROR with the chain name as its data (the last
 * ERROR entry, named "ERROR", ends the table).
 */
static void nf_kchain_names(const uint8_t *blob, size_t len, enum procnet_order o,
                            struct nf_kchains *c)
{
    size_t off = 0;
    unsigned long count = 0;

    while (off + IPT_ENTRY_SIZE + XT_HDR_SIZE <= len && ++count <= NF_MAX_ENTRIES) {
        size_t next = rd16(blob + off + 90, o), to = rd16(blob + off + 88, o);
        const char *name;

        if (next < IPT_ENTRY_SIZE + XT_HDR_SIZE || next > len - off) {
            return;
        }
        if (to >= IPT_ENTRY_SIZE && to + XT_HDR_SIZE + 30 <= next &&
            nf_name(blob + off + to + 2, 29, &name) == IH_OK && strcmp(name, "ERROR") == 0 &&
            nf_name(blob + off + to + XT_HDR_SIZE, 30, &name) == IH_OK &&
            c->n < NF_KCHAINS && name[0] && strcmp(name, "ERROR") != 0) {
            c->v[c->n].off = off + next;
            (void)util_strlcpy(c->v[c->n].name, name, sizeof c->v[0].name);
            c->v[c->n].queued = 0;
            c->n++;
        }
        off += next;
    }
}

/*
 * Walk one chain from OFF: INPUT up to its policy entry END, a user chain
 * (END SIZE_MAX) up to its closing RETURN entry or the next chain's head.
 * Blocks go to OUT; jumps to user chains are queued in C.
 */
static int nf_kwalk(const uint8_t *blob, size_t len, size_t off, size_t end,
                    const char *chain, enum procnet_order order, const char *file,
                    struct nf_kchains *c, unsigned long *count, struct nf_blocks *out)
{
    while (off < end) {
        struct nf_krule k;
        size_t next, i;

        if (++*count > NF_MAX_ENTRIES) {
            util_diag(file, 0, "more than %u rules", NF_MAX_ENTRIES);
            return IH_ETOOBIG;
        }
        if (off > len || len - off < IPT_ENTRY_SIZE + XT_HDR_SIZE) {
            util_diag(file, *count, "rule at offset %zu truncated", off);
            out->bad++;
            return IH_EPARSE;
        }
        next = rd16(blob + off + 90, order);
        if (next < IPT_ENTRY_SIZE + XT_HDR_SIZE || next > len - off) {
            util_diag(file, *count, "rule at offset %zu: bad next_offset %zu", off, next);
            out->bad++;
            return IH_EPARSE;
        }
        if (nf_entry(blob + off, next, order, chain, &k) != IH_OK) {
            /* the chain is still walkable: skip just this rule */
            util_diag(file, *count, "malformed rule at offset %zu", off);
            out->bad++;
            out->rules++;
            off += next;
            continue;
        }
        if (end == SIZE_MAX && k.chain_end) {
            return IH_OK;
        }
        out->rules++;
        if (k.tcp && !k.neg && k.ports && k.verdict != NF_VERDICT_NONE) {
            struct nf_block *b;

            if (out->n >= NF_MAX_BLOCKS) {
                out->over++;
            } else {
                b = &out->v[out->n++];
                memset(b, 0, sizeof *b);
                b->ports = k.ports;
                b->family = 4;
                b->verdict = k.verdict;
                b->line = *count;
                b->packets = rd64(blob + off + 96, order);
                (void)util_strlcpy(b->text, k.text, sizeof b->text);
            }
        }
        if (k.jump >= 0) {
            /* only to a chain's start (after its ERROR head entry): an
             * offset anywhere else is not followed */
            for (i = 0; i < c->n && c->v[i].off != (size_t)k.jump; i++) {
            }
            if (i < c->n && !c->v[i].queued) {
                c->v[i].queued = 1;
            }
        }
        off += next;
    }
    if (off != end && end != SIZE_MAX) {
        util_diag(file, *count, "INPUT chain overruns its policy entry");
        out->bad++;
        return IH_EPARSE;
    }
    return IH_OK;
}

/*
 * The INPUT chain: entries from hook_entry[NF_INET_LOCAL_IN] walking by
 * next_offset up to underflow[NF_INET_LOCAL_IN], the chain's policy entry
 * (not a rule).  Each entry: IPT_ENTRY_SIZE + XT_HDR_SIZE <= next_offset,
 * inside the table.  Then every user chain INPUT jumps to (a standard
 * target whose verdict is an offset), and the chains those jump to, each
 * walked once, at most NF_KCHAINS.
 */
int netfilter_parse_entries(const uint8_t *blob, size_t len, const struct nf_kinfo *ki,
                            enum procnet_order order, const char *file,
                            struct nf_blocks *out)
{
    struct nf_kchains c;
    size_t off, end, i;
    unsigned long count = 0;
    int rc, more = 1;

    memset(out, 0, sizeof *out);
    if (len > NF_MAX_BLOB) {
        util_diag(file, 0, "rule table larger than %u bytes", NF_MAX_BLOB);
        return IH_ETOOBIG;
    }
    if (order != PROCNET_ORDER_BE && order != PROCNET_ORDER_LE) {
        return IH_EINVAL;
    }
    if (ki->size != len || (ki->valid_hooks & ~0x1fu)) {
        util_diag(file, 0, "table header does not match its %zu bytes (byte order?)", len);
        return IH_EPARSE;
    }
    if (!(ki->valid_hooks & (1u << NF_HOOK_LOCAL_IN))) {
        return IH_OK;   /* no INPUT chain in this table */
    }
    off = ki->hook_entry[NF_HOOK_LOCAL_IN];
    end = ki->underflow[NF_HOOK_LOCAL_IN];
    if (off > end || end >= len) {
        util_diag(file, 0, "INPUT chain offsets %zu..%zu outside the %zu-byte table", off, end,
                  len);
        return IH_EPARSE;
    }
    memset(&c, 0, sizeof c);
    nf_kchain_names(blob, len, order, &c);
    rc = nf_kwalk(blob, len, off, end, "INPUT", order, file, &c, &count, out);
    while (rc == IH_OK && more) {
        more = 0;
        for (i = 0; i < c.n && rc == IH_OK; i++) {
            if (c.v[i].queued == 1) {
                c.v[i].queued = 2;
                more = 1;
                if (c.v[i].off != end) {
                    rc = nf_kwalk(blob, len, c.v[i].off, SIZE_MAX, c.v[i].name, order, file, &c,
                                  &count, out);
                }
            }
        }
    }
    return rc;
}

int netfilter_parse_capture(const uint8_t *buf, size_t len, enum procnet_order order,
                            const char *file, struct nf_blocks *out)
{
    struct nf_kinfo ki;

    memset(out, 0, sizeof *out);
    if (netfilter_parse_kinfo(buf, len, order, &ki) != IH_OK) {
        util_diag(file, 0, "bad ipt_getinfo header");
        return IH_EPARSE;
    }
    if (len - NF_GETINFO_SIZE > NF_MAX_BLOB) {
        util_diag(file, 0, "rule table larger than %u bytes", NF_MAX_BLOB);
        return IH_ETOOBIG;
    }
    return netfilter_parse_entries(buf + NF_GETINFO_SIZE, len - NF_GETINFO_SIZE, &ki, order,
                                   file, out);
}

/* struct ipt_get_entries: name[32] size:u32, then the table, aligned as
 * struct ipt_entry (its u64 counters) on this ABI. */
struct nf_get_entries_hdr {
    char name[32];
    uint32_t size;
    uint64_t table[];
};

int netfilter_kernel_read(uint8_t **buf, size_t *len)
{
    enum procnet_order o = procnet_order_native();
    const size_t hdr = offsetof(struct nf_get_entries_hdr, table);
    uint8_t info[NF_GETINFO_SIZE];
    uint8_t *req = NULL;
    struct nf_kinfo ki;
    socklen_t sl;
    int fd, tries, rc = IH_EUNSUPP;

    *buf = NULL;
    *len = 0;
    fd = socket(AF_INET, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_RAW);
    if (fd < 0) {
        return IH_EUNSUPP;
    }
    for (tries = 0; tries < 3; tries++) {
        memset(info, 0, sizeof info);
        memcpy(info, "filter", 6);
        sl = sizeof info;
        /* the system call (also below): musl's getsockopt adds only a
         * time64 fallback for SOL_SOCKET timeouts */
        if (syscall(SYS_getsockopt, fd, IPPROTO_IP, NF_IPT_SO_GET_INFO, info, &sl) != 0 ||
            sl != sizeof info) {
            rc = IH_EUNSUPP;
            goto out;
        }
        if (netfilter_parse_kinfo(info, sizeof info, o, &ki) != IH_OK) {
            rc = IH_EPARSE;
            goto out;
        }
        if (ki.size > NF_MAX_BLOB) {
            rc = IH_ETOOBIG;
            goto out;
        }
        /* one buffer: room for the getinfo in front of the request, so
         * the capture is made in place (the table may be large) */
        free(req);
        req = calloc(1, NF_GETINFO_SIZE + hdr + ki.size);
        if (!req) {
            rc = IH_ENOMEM;
            goto out;
        }
        memcpy(req + NF_GETINFO_SIZE, "filter", 6);
        /* the kernel reads the size in its own (this process's) byte order */
        memcpy(req + NF_GETINFO_SIZE + 32, &ki.size, sizeof ki.size);
        sl = (socklen_t)(hdr + ki.size);
        if (syscall(SYS_getsockopt, fd, IPPROTO_IP, NF_IPT_SO_GET_ENTRIES, req + NF_GETINFO_SIZE, &sl) == 0) {
            break;
        }
        if (errno != EAGAIN) {
            rc = IH_EUNSUPP;
            goto out;
        }
        /* the table changed between the two calls: ask again */
    }
    if (tries == 3) {
        rc = IH_EIO;
        goto out;
    }
    memmove(req + NF_GETINFO_SIZE, req + NF_GETINFO_SIZE + hdr, ki.size);
    memcpy(req, info, NF_GETINFO_SIZE);
    *buf = req;
    *len = NF_GETINFO_SIZE + ki.size;
    req = NULL;
    rc = IH_OK;
out:
    free(req);
    close(fd);
    return rc;
}
