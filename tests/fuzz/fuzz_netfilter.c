/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_netfilter.c - every netfilter parser behind one target.  The first
 * byte picks the parser (low 3 bits) and the config flag (bit 7):
 *   0 iptables-save   1 nft   2 UCI   3 firewall.user
 *   4 kernel table, big-endian   5 kernel table, little-endian
 *   6 ipt_getinfo header alone, big-endian
 * The rest is the input.
 */
#include "netfilter.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const enum nf_grammar gs[] = { NF_G_SAVE, NF_G_NFT, NF_G_UCI, NF_G_SHELL };
    struct nf_blocks *b;
    unsigned mode, flags;
    uint8_t *copy;
    unsigned i;

    util_diag_quiet = 1;
    if (size < 1) {
        return 0;
    }
    mode = data[0] & 7u;
    flags = ((data[0] & 0x80u) ? NF_F_CONFIG : 0) | ((data[0] & 0x40u) ? NF_F_IPV6 : 0);
    data++;
    size--;
    /* an exact-size copy, so ASan sees any read past the end */
    copy = malloc(size ? size : 1);
    b = malloc(sizeof *b);
    if (!copy || !b) {
        free(copy);
        free(b);
        return 0;
    }
    memcpy(copy, data, size);
    if (mode < 4) {
        (void)netfilter_parse_text(gs[mode], flags, (const char *)copy, size, "fuzz", b);
    } else if (mode < 6) {
        (void)netfilter_parse_capture(copy, size, mode == 4 ? PROCNET_ORDER_BE :
                                      PROCNET_ORDER_LE, "fuzz", b);
    } else {
        struct nf_kinfo ki;

        (void)netfilter_parse_kinfo(copy, size, PROCNET_ORDER_BE, &ki);
        memset(b, 0, sizeof *b);
    }
    /* what came out is sane */
    if (b->n > NF_MAX_BLOCKS) {
        abort();
    }
    for (i = 0; i < b->n; i++) {
        if (b->v[i].ports == 0 || (b->v[i].ports & ~3u) || b->v[i].verdict == NF_VERDICT_NONE ||
            memchr(b->v[i].text, '\0', sizeof b->v[i].text) == NULL) {
            abort();
        }
    }
    free(copy);
    free(b);
    return 0;
}
