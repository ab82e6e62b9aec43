/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * resolve.h - host names to addresses: numeric literals, the hosts file,
 * then DNS over UDP to the resolv.conf nameservers, with a deadline.
 *
 * The pure parts (query building, response, resolv.conf and hosts
 * parsers) take bytes and fill structs; the I/O around them is in
 * resolve_name() only, so tests and the fuzzer drive the parsers directly.
 *
 * Not done, on purpose (docs/DELIVERY.md): search/domain lines (names are
 * looked up as given; a final dot is accepted), TCP for truncated answers
 * (the addresses in a truncated answer are used), zone ids on IPv6
 * nameservers, inet_aton forms such as "127.1", and address sorting
 * (IPv4 answers come first, then IPv6, each in answer order).
 */
#ifndef IOTHUNT_RESOLVE_H
#define IOTHUNT_RESOLVE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#define RESOLVE_NS_MAX     3    /* nameservers used, like musl's MAXNS */
#define RESOLVE_ADDRS_MAX  8    /* addresses kept per query type */
#define RESOLVE_QUERY_MAX  (12 + 255 + 4)
#define RESOLVE_CNAME_MAX  8    /* CNAME hops followed in one answer */

/* Errors beside IH_EPARSE (malformed or not our answer), IH_ENET (socket). */
#define RESOLVE_ENOTFOUND  (-20)    /* NXDOMAIN */
#define RESOLVE_ENODATA    (-21)    /* the name has no address of the family */
#define RESOLVE_ESERVFAIL  (-22)    /* SERVFAIL (and other server errors) */
#define RESOLVE_EREFUSED   (-23)    /* REFUSED */
#define RESOLVE_ETIMEDOUT  (-24)    /* the caller's deadline passed */
#define RESOLVE_ENOANSWER  (-25)    /* resolv.conf's timeout passed, no answer */
#define RESOLVE_EBADNAME   (-26)    /* not a host name we send */

struct resolve_addr {
    int family;                 /* AF_INET or AF_INET6 */
    uint8_t addr[16];           /* network order; AF_INET uses 4 bytes */
};

struct resolve_conf {
    struct resolve_addr ns[RESOLVE_NS_MAX];
    int nns;
    int timeout;                /* seconds for the whole lookup, 1..60 */
    int attempts;               /* sends to each server in that time, 1..10 */
};

/*
 * Resolve NAME to at most MAX addresses in OUT, of FAMILY (AF_UNSPEC,
 * AF_INET or AF_INET6), giving up at DEADLINE (util_now_ms() clock).
 * Order: an IPv4/IPv6 literal (no I/O); else every hosts-file line naming
 * NAME; else DNS (A, then AAAA for AF_UNSPEC).  Returns the number of
 * addresses (>= 1) or a negative RESOLVE_E*, IH_ENET or IH_EPARSE code,
 * with a one-line reason ("name not found", "timed out") in ERR.
 */
int resolve_name(const char *name, int family, int64_t deadline, struct resolve_addr *out,
                 int max, char *err, size_t errlen);

/* A static human string for a code returned by resolve_name(). */
const char *resolve_strerror(int code);

/* Fill *SS with A and PORT; returns its length for connect()/sendto(). */
socklen_t resolve_sockaddr(const struct resolve_addr *a, unsigned port,
                           struct sockaddr_storage *ss);

/*
 * Tests only: read HOSTS and RESOLV_CONF instead of /etc/hosts and
 * /etc/resolv.conf, and send to PORT instead of 53 (NULL, 0: defaults).
 */
void resolve_set_paths(const char *hosts, const char *resolv_conf, unsigned port);

/*
 * Build the query for NAME (a final dot allowed), type QTYPE (1 A, 28
 * AAAA), transaction ID, into Q[RESOLVE_QUERY_MAX].  Returns its length or
 * RESOLVE_EBADNAME (empty label, label over 63 or name over 253 bytes, a
 * byte other than letter, digit, '-' or '_').
 */
int resolve_build_query(const char *name, unsigned qtype, unsigned id, uint8_t *q);

/*
 * Parse PKT[0..LEN), a response to the query Q[0..QLEN) built above: it is
 * accepted only with Q's id, QR set, standard opcode, and Q's question.
 * The addresses of Q's type owned by the query name, or by the end of its
 * CNAME chain (at most RESOLVE_CNAME_MAX hops, in any order), go to
 * OUT[0..MAX).  Returns their number (0: the name has none of that type),
 * RESOLVE_ENOTFOUND / ESERVFAIL / EREFUSED for those response codes, or
 * IH_EPARSE for anything malformed or not ours.  With TC set, the records
 * up to the cut are used; without, a cut record is malformed.
 */
int resolve_parse_response(const uint8_t *pkt, size_t len, const uint8_t *q, size_t qlen,
                           struct resolve_addr *out, int max);

/*
 * Set *C to the defaults: no nameserver, timeout 5, attempts 2 (musl's).
 * resolve_name() uses 127.0.0.1 when no nameserver line was accepted.
 */
void resolve_conf_init(struct resolve_conf *c);

/*
 * Add the lines of BUF[0..LEN) to *C (call once per chunk of whole lines).
 * Grammar (resolv.conf(5), the part used; words split by blanks):
 *   line    = "nameserver" addr *word | "options" *option | *word
 *   option  = "timeout:" 1*DIGIT | "attempts:" 1*DIGIT | word
 * A nameserver that is not an IPv4/IPv6 literal, and any past the third,
 * is ignored; numbers are clamped (timeout 1..60, attempts 1..10).
 */
void resolve_parse_conf(const char *buf, size_t len, struct resolve_conf *c);

/*
 * Hosts grammar (hosts(5)): line = addr 1*blank name *(1*blank alias)
 * ["#" comment].  Every line of BUF[0..LEN) naming NAME (its name or an
 * alias, case-insensitively; a final dot on NAME ignored) adds its address,
 * when of FAMILY, to OUT[N..MAX).  Returns the new count.
 */
int resolve_hosts_find(const char *buf, size_t len, const char *name, int family,
                       struct resolve_addr *out, int n, int max);

#endif
