/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_resolve.c - the resolver's parsers.  The first byte picks the
 * input: 0 resolv.conf, 1 hosts file, 2 a DNS response, 3 a name for the
 * query builder; its upper bits pick the family, query type and name.
 * A DNS response is checked against a query whose id is taken from the
 * input, so the fuzzer gets past the id check.
 */
#include "resolve.h"
#include "util.h"

#include <netinet/in.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const names[] = { "localhost", "a.example.com", "Host.Test.", "x" };

static void check_addrs(const struct resolve_addr *a, int n, int max, int family)
{
    int i;

    if (n > max) {
        abort();
    }
    for (i = 0; i < n; i++) {
        if ((a[i].family != AF_INET && a[i].family != AF_INET6) ||
            (family != AF_UNSPEC && a[i].family != family)) {
            abort();
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const int fams[] = { AF_UNSPEC, AF_INET, AF_INET6, AF_UNSPEC };
    struct resolve_addr a[RESOLVE_ADDRS_MAX];
    const char *name;
    const uint8_t *buf;
    size_t len;
    int sel, fam, n;

    util_diag_quiet = 1;
    if (size < 1) {
        return 0;
    }
    sel = data[0] & 3;
    fam = fams[(data[0] >> 2) & 3];
    name = names[(data[0] >> 4) & 3];
    buf = data + 1;
    len = size - 1;
    switch (sel) {
    case 0: {
        struct resolve_conf c;

        resolve_conf_init(&c);
        resolve_parse_conf((const char *)buf, len, &c);
        if (c.nns < 0 || c.nns > RESOLVE_NS_MAX || c.timeout < 1 || c.timeout > 60 ||
            c.attempts < 1 || c.attempts > 10) {
            abort();
        }
        check_addrs(c.ns, c.nns, RESOLVE_NS_MAX, AF_UNSPEC);
        break;
    }
    case 1:
        n = resolve_hosts_find((const char *)buf, len, name, fam, a, 1, RESOLVE_ADDRS_MAX);
        if (n < 1) {
            abort();
        }
        check_addrs(a + 1, n - 1, RESOLVE_ADDRS_MAX - 1, fam);
        break;
    case 2: {
        uint8_t q[RESOLVE_QUERY_MAX];
        unsigned qtype = (data[0] & 0x40) ? 28 : 1;
        int ql = resolve_build_query(name, qtype, len >= 2 ? (unsigned)buf[0] << 8 | buf[1] : 0, q);
        int max = 1 + (data[0] >> 7) * (RESOLVE_ADDRS_MAX - 1);

        if (ql <= 0) {
            abort();
        }
        n = resolve_parse_response(buf, len, q, (size_t)ql, a, max);
        if (n >= 0) {
            check_addrs(a, n, max, qtype == 1 ? AF_INET : AF_INET6);
        } else if (n != IH_EPARSE && n != RESOLVE_ENOTFOUND && n != RESOLVE_ESERVFAIL &&
                   n != RESOLVE_EREFUSED) {
            abort();
        }
        break;
    }
    default: {
        char s[300];
        uint8_t q[RESOLVE_QUERY_MAX];

        if (len >= sizeof s) {
            len = sizeof s - 1;
        }
        memcpy(s, buf, len);
        s[len] = '\0';
        n = resolve_build_query(s, 1, 0x1234, q);
        if (n == RESOLVE_EBADNAME) {
            break;
        }
        if (n < 18 || n > RESOLVE_QUERY_MAX) {
            abort();
        }
        {
            uint8_t r[RESOLVE_QUERY_MAX];

            /* the query turned into an empty answer is one */
            memcpy(r, q, (size_t)n);
            r[2] |= 0x80;
            if (resolve_parse_response(r, (size_t)n, q, (size_t)n, a, 1) != 0) {
                abort();
            }
        }
        break;
    }
    }
    return 0;
}
