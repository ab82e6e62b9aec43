/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * detect_net.c - socket findings: ioc_connection, ioc_domain (a socket to
 * an address an IOC domain resolved to), mirai_lock_port, port_grab,
 * scanner_activity and dns_bypass, each with the owning process's evidence.
 */
#include "detect.h"
#include "ioc.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static const uint8_t zero16[16];

static int is_tcp(enum sock_proto p)
{
    return p == SP_TCP || p == SP_TCP6;
}

static int is_udp(enum sock_proto p)
{
    return p == SP_UDP || p == SP_UDP6;
}

static int is_raw(enum sock_proto p)
{
    return p == SP_RAW || p == SP_RAW6;
}

static int grab_port(uint16_t port)
{
    return port == 22 || port == 23 || port == 80 || port == 2323;
}

static int addr_set(const struct procnet_entry *e, const uint8_t *a)
{
    return memcmp(a, zero16, e->family == 6 ? 16 : 4) != 0;
}

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');

    return s ? s + 1 : p;
}

/* 1 if the process's name (exe basename when known, else comm) is in LIST. */
static int name_in(const char *exe, const char *comm, const char *const *list)
{
    const char *n = exe && exe[0] ? base_name(exe) : comm;
    size_t i;

    if (!n || !n[0]) {
        return 0;
    }
    for (i = 0; list[i]; i++) {
        if (strcmp(n, list[i]) == 0) {
            return 1;
        }
    }
    return 0;
}

int detect_expected_listener(uint16_t port, const char *exe, const char *comm)
{
    static const char *const ssh[] = { "dropbear", "sshd", "dropbearmulti", NULL };
    static const char *const telnet[] = { "telnetd", "utelnetd", "in.telnetd", "busybox", NULL };
    static const char *const web[] = {
        "uhttpd", "httpd", "lighttpd", "nginx", "mini_httpd", "boa", "goahead", "thttpd",
        "webs", "busybox", NULL
    };

    /* Mirai can name itself after any daemon, never run it from flash:
     * an "expected" daemon executing from tmpfs is not expected */
    if (exe && exe[0] && proc_path_in_tmpfs(exe, NULL)) {
        return 0;
    }
    switch (port) {
    case 22: return name_in(exe, comm, ssh);
    case 23:
    case 2323: return name_in(exe, comm, telnet);
    case 80: return name_in(exe, comm, web);
    default: return 1;
    }
}

int detect_is_resolver(const char *exe, const char *comm)
{
    static const char *const res[] = {
        "dnsmasq", "unbound", "named", "kresd", "dnscrypt-proxy", "stubby", "https-dns-proxy",
        "https_dns_proxy", "smartdns", "AdGuardHome", "systemd-resolved", "pdnsd", "odhcpd",
        "nscd", NULL
    };

    return name_in(exe, comm, res);
}

/* DNS client tools an administrator runs by hand: reported low. */
static int is_dns_tool(const char *exe, const char *comm)
{
    static const char *const tools[] = { "nslookup", "dig", "host", "drill", "kdig", "busybox", NULL };

    return name_in(exe, comm, tools);
}

int detect_is_raw_tool(const char *exe, const char *comm)
{
    static const char *const tools[] = {
        "traceroute", "traceroute6", "tcptraceroute", "mtr", "mtr-packet", "nmap", "nping",
        "hping", "hping2", "hping3", "tcpdump", "busybox", NULL
    };

    return name_in(exe, comm, tools);
}

int detect_addr_public(int family, const uint8_t *a)
{
    static const uint8_t mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

    if (family == 6 && memcmp(a, mapped, 12) == 0) {
        a += 12;
        family = 4;
    }
    if (family == 4) {
        if (a[0] == 0 || a[0] == 10 || a[0] == 127 || a[0] >= 224) {
            return 0;
        }
        if ((a[0] == 100 && (a[1] & 0xc0) == 64) || (a[0] == 169 && a[1] == 254) ||
            (a[0] == 172 && (a[1] & 0xf0) == 16) || (a[0] == 192 && a[1] == 168)) {
            return 0;
        }
        return 1;
    }
    if (memcmp(a, zero16, 15) == 0 && (a[15] == 0 || a[15] == 1)) {
        return 0;   /* :: and ::1 */
    }
    if ((a[0] == 0xfe && (a[1] & 0xc0) == 0x80) || (a[0] & 0xfe) == 0xfc || a[0] == 0xff) {
        return 0;   /* link-local, unique local, multicast */
    }
    return 1;
}

const struct detect_addr *detect_addr_find(const struct detect_run *r, int family,
                                           const uint8_t *addr)
{
    static const uint8_t mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
    size_t i;

    if (family == 6 && memcmp(addr, mapped, 12) == 0) {
        addr += 12;
        family = 4;
    }
    for (i = 0; i < r->n_addrs; i++) {
        const struct detect_addr *d = &r->addrs[i];

        if (d->family == family && memcmp(d->addr, addr, family == 6 ? 16 : 4) == 0) {
            return d;
        }
    }
    return NULL;
}

static const struct ioc_entry *ioc_for(const struct detect_run *r, const struct procnet_entry *e,
                                       int remote)
{
    const uint8_t *a = remote ? e->raddr : e->laddr;

    if (!r->iocs || !addr_set(e, a)) {
        return NULL;
    }
    return ioc_find_ip(r->iocs, e->family, a, remote ? e->rport : e->lport);
}

int detect_sock_keep(void *ctx, enum sock_proto p, const struct procnet_entry *e)
{
    const struct detect_run *r = ctx;

    if (r->eps && addr_set(e, e->raddr) && e->rport) {
        endpoints_add(r->eps, e->family, e->raddr, e->rport);
    }
    if (r->keep_all) {
        return 1;
    }
    if (is_tcp(p)) {
        if (e->state == TCPS_LISTEN && (grab_port(e->lport) || e->lport == DETECT_LOCK_PORT)) {
            return 1;
        }
        if (e->state == TCPS_SYN_SENT && (e->rport == 23 || e->rport == 2323)) {
            return 1;
        }
    }
    if (is_raw(p)) {
        return 1;
    }
    if (is_udp(p) && e->rport == 53 && addr_set(e, e->raddr)) {
        return 1;
    }
    if (ioc_for(r, e, 1) || ioc_for(r, e, 0)) {
        return 1;
    }
    return addr_set(e, e->raddr) && detect_addr_find(r, e->family, e->raddr) != NULL;
}

/* Start a socket finding with the socket's and its owner's evidence. */
static void sock_finding(const struct detect_run *r, struct finding *f, enum finding_type t,
                         enum finding_severity sev, const struct sock_rec *s,
                         const struct proc_info *owner)
{
    finding_init(f, t, sev, r->now);
    finding_set(f->proto, sizeof f->proto, sockets_proto_name(s->proto));
    finding_set(f->state, sizeof f->state, sockets_state_name(s->proto, s->e.state));
    (void)procnet_format_endpoint(s->e.family, s->e.laddr, s->e.lport, f->local, sizeof f->local);
    (void)procnet_format_endpoint(s->e.family, s->e.raddr, s->e.rport, f->remote, sizeof f->remote);
    f->inode = s->e.inode;
    if (owner) {
        f->pid = owner->pid;
        finding_set(f->exe, sizeof f->exe, owner->exe);
        finding_set(f->cmdline, sizeof f->cmdline, owner->cmdline);
    }
}

static const char *who(const struct proc_info *o, char *buf, size_t n)
{
    if (!o) {
        return "an unknown process";
    }
    (void)util_fmt(buf, n, "pid %ld (%s)", (long)o->pid, o->exe[0] ? o->exe : o->comm);
    return buf;
}

static int detect_one(struct detect_run *r, const struct sock_rec *s, const struct proc_info *o)
{
    const struct ioc_entry *ioc;
    const struct detect_addr *da;
    struct finding f;
    char wb[240];
    int rc;

    /* ioc_connection */
    ioc = ioc_for(r, &s->e, 1);
    if (ioc || (ioc = ioc_for(r, &s->e, 0)) != NULL) {
        int remote = ioc_for(r, &s->e, 1) != NULL;
        int live = is_tcp(s->proto) &&
                   (s->e.state == TCPS_ESTABLISHED || s->e.state == TCPS_SYN_SENT);

        sock_finding(r, &f, FT_IOC_CONNECTION, remote && (live || !is_tcp(s->proto)) ? SEV_CRITICAL
                     : SEV_HIGH, s, o);
        finding_set(f.ioc, sizeof f.ioc, ioc->value);
        (void)ioc_format_source(ioc, f.ioc_source, sizeof f.ioc_source);
        (void)util_fmt(f.summary, sizeof f.summary, "%s %s %s %s IOC %s", who(o, wb, sizeof wb),
                       f.proto, remote ? "connected to" : "bound to", remote ? f.remote : f.local,
                       ioc->value);
        if ((rc = detect_emit(r, &f)) != IH_OK) {
            return rc;
        }
    }
    /* ioc_domain: an address an IOC domain resolves to */
    if (addr_set(&s->e, s->e.raddr) && (da = detect_addr_find(r, s->e.family, s->e.raddr)) != NULL) {
        sock_finding(r, &f, FT_IOC_DOMAIN, SEV_CRITICAL, s, o);
        finding_set(f.ioc, sizeof f.ioc, da->domain);
        if (r->iocs && (ioc = ioc_find_domain(r->iocs, da->domain)) != NULL) {
            (void)ioc_format_source(ioc, f.ioc_source, sizeof f.ioc_source);
        }
        (void)util_fmt(f.reason, sizeof f.reason, "resolved via %s", da->how);
        (void)util_fmt(f.summary, sizeof f.summary, "%s connected to %s, address of IOC domain %s",
                       who(o, wb, sizeof wb), f.remote, da->domain);
        if ((rc = detect_emit(r, &f)) != IH_OK) {
            return rc;
        }
    }
    if (is_tcp(s->proto) && s->e.state == TCPS_LISTEN) {
        static const uint8_t lo[4] = { 127, 0, 0, 1 };

        if (s->e.lport == DETECT_LOCK_PORT) {
            int loopback = s->e.family == 4 && memcmp(s->e.laddr, lo, 4) == 0;

            sock_finding(r, &f, FT_MIRAI_LOCK_PORT, loopback ? SEV_CRITICAL : SEV_HIGH, s, o);
            (void)util_fmt(f.summary, sizeof f.summary, "%s listens on %s (Mirai single-instance lock)",
                           who(o, wb, sizeof wb), f.local);
            if ((rc = detect_emit(r, &f)) != IH_OK) {
                return rc;
            }
        }
        if (grab_port(s->e.lport) &&
            (!o || !detect_expected_listener(s->e.lport, o->exe, o->comm))) {
            sock_finding(r, &f, FT_PORT_GRAB, o ? SEV_HIGH : SEV_MEDIUM, s, o);
            if (!o) {
                finding_set(f.reason, sizeof f.reason, "no process found holding the socket");
            }
            (void)util_fmt(f.summary, sizeof f.summary, "%s holds port %u (%s), not its expected daemon",
                           who(o, wb, sizeof wb), s->e.lport, f.local);
            if ((rc = detect_emit(r, &f)) != IH_OK) {
                return rc;
            }
        }
    }
    if (is_raw(s->proto) && s->e.lport == 6) {
        int tool = o && detect_is_raw_tool(o->exe, o->comm);

        sock_finding(r, &f, FT_SCANNER_ACTIVITY, tool ? SEV_LOW : SEV_HIGH, s, o);
        if (tool) {
            finding_set(f.reason, sizeof f.reason, "known network tool");
        }
        (void)util_fmt(f.summary, sizeof f.summary, "%s holds a raw TCP socket (SYN scanner)",
                       who(o, wb, sizeof wb));
        if ((rc = detect_emit(r, &f)) != IH_OK) {
            return rc;
        }
    }
    if (is_udp(s->proto) && s->e.rport == 53 && detect_addr_public(s->e.family, s->e.raddr) &&
        !(o && detect_is_resolver(o->exe, o->comm))) {
        int tool = o && is_dns_tool(o->exe, o->comm);

        sock_finding(r, &f, FT_DNS_BYPASS, tool ? SEV_LOW : SEV_MEDIUM, s, o);
        if (tool) {
            finding_set(f.reason, sizeof f.reason, "DNS client tool");
        }
        (void)util_fmt(f.summary, sizeof f.summary, "%s queries public resolver %s directly, bypassing the device's resolver",
                       who(o, wb, sizeof wb), f.remote);
        if ((rc = detect_emit(r, &f)) != IH_OK) {
            return rc;
        }
    }
    return IH_OK;
}

int detect_sockets(struct detect_run *r)
{
    unsigned *syn;
    size_t i;
    int rc = IH_OK;

    /* SYN_SENT to telnet ports per owner; slot 0: unknown owner */
    syn = calloc(r->n_owners + 1, sizeof *syn);
    if (!syn) {
        return IH_ENOMEM;
    }
    for (i = 0; i < r->socks.n; i++) {
        const struct sock_rec *s = &r->socks.v[i];
        const struct proc_info *o = s->owner_slot ? &r->owners[s->owner_slot - 1] : NULL;

        if (is_tcp(s->proto) && s->e.state == TCPS_SYN_SENT && (s->e.rport == 23 || s->e.rport == 2323)) {
            syn[s->owner_slot]++;
        }
        rc = detect_one(r, s, o);
        if (rc != IH_OK) {
            goto out;
        }
    }
    for (i = 0; i <= r->n_owners; i++) {
        const struct proc_info *o = i ? &r->owners[i - 1] : NULL;
        struct sock_rec *first = NULL;
        struct finding f;
        char wb[240];
        size_t k;

        if (syn[i] < DETECT_SYN_THRESHOLD) {
            continue;
        }
        for (k = 0; k < r->socks.n && !first; k++) {
            struct sock_rec *s = &r->socks.v[k];

            if (s->owner_slot == i && is_tcp(s->proto) && s->e.state == TCPS_SYN_SENT &&
                (s->e.rport == 23 || s->e.rport == 2323)) {
                first = s;
            }
        }
        sock_finding(r, &f, FT_SCANNER_ACTIVITY, SEV_HIGH, first, o);
        (void)util_fmt(f.reason, sizeof f.reason, "%u SYN_SENT sockets to tcp 23/2323", syn[i]);
        (void)util_fmt(f.summary, sizeof f.summary, "%s has %u half-open connections to telnet ports (scanning)",
                       who(o, wb, sizeof wb), syn[i]);
        rc = detect_emit(r, &f);
        if (rc != IH_OK) {
            goto out;
        }
    }
out:
    free(syn);
    return rc;
}

