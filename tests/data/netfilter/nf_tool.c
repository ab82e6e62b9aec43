/*
 * nf_tool.c - capture and inspection helper for the netfilter tests
 * (built as build/host/nf-tool by mk/netfilter.mk; not part of the agent).
 *
 *   nf-tool capture OUT          write the live kernel's filter table
 *                                (ipt_getinfo + entries, native order)
 *   nf-tool swap IN OUT          rewrite a little-endian capture in
 *                                big-endian order (every integer field of
 *                                the entries, matches and targets it knows)
 *   nf-tool parse le|be FILE     parse a capture, print the blocks
 *   nf-tool text save|nft|uci|shell FILE   parse a text source
 *   nf-tool scan [ROOT]          netfilter_scan (live, or under ROOT),
 *                                findings as NDJSON, then a stats line
 */
#include "finding.h"
#include "netfilter.h"
#include "root.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int write_file(const char *path, const uint8_t *b, size_t n)
{
    FILE *f = fopen(path, "wb");

    if (!f || fwrite(b, 1, n, f) != n) {
        perror(path);
        if (f) {
            fclose(f);
        }
        return 2;
    }
    return fclose(f) == 0 ? 0 : 2;
}

static void sw16(uint8_t *p)
{
    uint8_t t = p[0];

    p[0] = p[1];
    p[1] = t;
}

static void sw32(uint8_t *p)
{
    uint8_t t = p[0];

    p[0] = p[3];
    p[3] = t;
    t = p[1];
    p[1] = p[2];
    p[2] = t;
}

static void sw64(uint8_t *p)
{
    size_t i;

    for (i = 0; i < 4; i++) {
        uint8_t t = p[i];

        p[i] = p[7 - i];
        p[7 - i] = t;
    }
}

static uint16_t le16(const uint8_t *p)
{
    return (uint16_t)(p[0] | (p[1] << 8));
}

/* LE -> BE, walking every entry of the table (all chains). */
static int swap_capture(uint8_t *b, size_t n)
{
    size_t i, off;

    if (n < NF_GETINFO_SIZE) {
        return -1;
    }
    for (i = 32; i < NF_GETINFO_SIZE; i += 4) {
        sw32(b + i);
    }
    b += NF_GETINFO_SIZE;
    n -= NF_GETINFO_SIZE;
    for (off = 0; off < n;) {
        uint8_t *e = b + off;
        size_t to, next, m;

        if (n - off < 112) {
            return -1;
        }
        to = le16(e + 88);
        next = le16(e + 90);
        if (next < 112 || next > n - off || to < 112 || to + 32 > next) {
            return -1;
        }
        sw16(e + 80);
        sw32(e + 84);
        sw16(e + 88);
        sw16(e + 90);
        sw32(e + 92);
        sw64(e + 96);
        sw64(e + 104);
        for (m = 112; m < to;) {
            size_t ms = le16(e + m);
            const char *name = (const char *)e + m + 2;

            if (ms < 32 || ms > to - m) {
                return -1;
            }
            if (strcmp(name, "tcp") == 0 || strcmp(name, "udp") == 0) {
                for (i = 0; i < 4; i++) {
                    sw16(e + m + 32 + 2 * i);
                }
            } else if (strcmp(name, "multiport") == 0) {
                for (i = 0; i < 15; i++) {
                    sw16(e + m + 34 + 2 * i);
                }
            } else if (strcmp(name, "comment") != 0) {
                fprintf(stderr, "swap: match %s left as is\n", name);
            }
            sw16(e + m);
            m += ms;
        }
        {
            const char *name = (const char *)e + to + 2;

            if (name[0] == '\0' || strcmp(name, "REJECT") == 0) {
                sw32(e + to + 32);
            } else if (strcmp(name, "ERROR") != 0) {
                fprintf(stderr, "swap: target %s left as is\n", name);
            }
            sw16(e + to);
        }
        off += next;
    }
    return 0;
}

static void print_blocks(const struct nf_blocks *b)
{
    unsigned i;

    printf("rules=%lu bad=%lu over=%lu blocks=%u\n", b->rules, b->bad, b->over, b->n);
    for (i = 0; i < b->n; i++) {
        printf("block ports=%u verdict=%d line=%lu packets=%llu text=%s\n", b->v[i].ports,
               (int)b->v[i].verdict, b->v[i].line, (unsigned long long)b->v[i].packets,
               b->v[i].text);
    }
}

static int print_finding(void *ctx, const struct finding *f)
{
    char buf[2048];
    size_t len;

    (void)ctx;
    if (finding_to_json(f, 0, buf, sizeof buf, &len) != IH_OK) {
        return IH_ETRUNC;
    }
    printf("%s\n", buf);
    return IH_OK;
}

int main(int argc, char **argv)
{
    char *buf = NULL;
    size_t len = 0;
    int rc = 2;

    if (argc >= 3 && strcmp(argv[1], "capture") == 0) {
        uint8_t *b;

        if (netfilter_kernel_read(&b, &len) != IH_OK) {
            fprintf(stderr, "capture: kernel table not readable\n");
            return 2;
        }
        rc = write_file(argv[2], b, len);
        free(b);
        return rc;
    }
    if (argc >= 4 && strcmp(argv[1], "swap") == 0) {
        if (util_read_file(argv[2], NF_MAX_BLOB + NF_GETINFO_SIZE, &buf, &len) != IH_OK ||
            swap_capture((uint8_t *)buf, len) != 0) {
            fprintf(stderr, "swap: cannot read or walk %s\n", argv[2]);
            free(buf);
            return 2;
        }
        rc = write_file(argv[3], (uint8_t *)buf, len);
        free(buf);
        return rc;
    }
    if (argc >= 4 && strcmp(argv[1], "parse") == 0) {
        struct nf_blocks b;

        if (util_read_file(argv[3], NF_MAX_BLOB + NF_GETINFO_SIZE, &buf, &len) != IH_OK) {
            return 2;
        }
        rc = netfilter_parse_capture((uint8_t *)buf, len, strcmp(argv[2], "be") == 0 ?
                                     PROCNET_ORDER_BE : PROCNET_ORDER_LE, argv[3], &b);
        print_blocks(&b);
        free(buf);
        return rc == IH_OK ? 0 : 1;
    }
    if (argc >= 4 && strcmp(argv[1], "text") == 0) {
        struct nf_blocks b;
        enum nf_grammar g = NF_G_SAVE;

        if (strcmp(argv[2], "nft") == 0) {
            g = NF_G_NFT;
        } else if (strcmp(argv[2], "uci") == 0) {
            g = NF_G_UCI;
        } else if (strcmp(argv[2], "shell") == 0) {
            g = NF_G_SHELL;
        }
        if (util_read_file(argv[3], NF_MAX_TEXT, &buf, &len) != IH_OK) {
            return 2;
        }
        rc = netfilter_parse_text(g, argc > 4 ? NF_F_CONFIG : 0, buf, len, argv[3], &b);
        print_blocks(&b);
        free(buf);
        return rc == IH_OK ? 0 : 1;
    }
    if (argc >= 2 && strcmp(argv[1], "scan") == 0) {
        struct finding_sink sink = { print_finding, NULL };
        struct netfilter_stats st;
        struct root r;

        if (root_init(&r, argc > 2 ? argv[2] : NULL) != IH_OK) {
            return 2;
        }
        rc = netfilter_scan(&r, 1764000000, &sink, &st);
        printf("stats rules=%lu blocks=%lu declared=%lu bad=%lu errors=%lu sources=%s\n",
               st.rules, st.blocks, st.declared, st.bad, st.errors, st.sources);
        return rc == IH_OK ? 0 : 2;
    }
    fprintf(stderr, "usage: nf-tool capture OUT | swap IN OUT | parse le|be FILE |\n"
                    "       text save|nft|uci|shell FILE [config] | scan [ROOT]\n");
    return 2;
}
