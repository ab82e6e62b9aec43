/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_procnet.c - /proc/net/{tcp,udp,raw}[6] parsing.  The first byte
 * picks the address width and byte order; the rest is the file.  Every
 * entry is formatted back and put through the socket table and the scan's
 * keep filter inputs.
 */
#include "procnet.h"
#include "sockets.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int entry_cb(void *ctx, const struct procnet_entry *e)
{
    char l[64], r[64];

    (void)ctx;
    (void)procnet_format_endpoint(e->family, e->laddr, e->lport, l, sizeof l);
    (void)procnet_format_endpoint(e->family, e->raddr, e->rport, r, sizeof r);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct procnet_stats st;
    struct sock_table t;
    const char *buf;
    size_t len, i;
    int ipv6, p;

    util_diag_quiet = 1;
    if (size < 1) {
        return 0;
    }
    ipv6 = data[0] & 1;
    buf = (const char *)data + 1;
    len = size - 1;
    (void)procnet_parse(buf, len, ipv6, (data[0] & 2) ? PROCNET_ORDER_BE : PROCNET_ORDER_LE,
                        entry_cb, NULL, &st);
    (void)procnet_order_guess(buf, len);
    (void)procnet_order_from_elf(data, size);
    memset(&t, 0, sizeof t);
    t.order = (data[0] & 4) ? PROCNET_ORDER_BE : PROCNET_ORDER_LE;
    p = (data[0] >> 3) % SP__COUNT;
    (void)sockets_add_buffer(&t, (enum sock_proto)p, buf, len);
    sockets_sort(&t);
    for (i = 0; i < t.n; i++) {
        if (sockets_find_inode(&t, t.v[i].e.inode) == NULL && t.v[i].e.inode != 0) {
            abort();    /* a parsed inode must be found again */
        }
        (void)sockets_state_name(t.v[i].proto, t.v[i].e.state);
    }
    sockets_free(&t);
    return 0;
}
