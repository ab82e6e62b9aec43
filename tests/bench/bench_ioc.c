/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * bench_ioc.c - IOC store load and lookup speed for a large feed.
 *
 *   bench_ioc [N]         N indicators (default 50000), a third each ip:port,
 *                         domains and SHA-256 hashes, as a ThreatFox CSV export
 *   bench_ioc N ip [L]    N IPv4 indicators, half ip:port and half ip, and L
 *                         lookups (default 1000000): the device's C2 lists
 *
 * Prints a Markdown section: load time, store memory (per indicator in ip
 * mode), and the cost of a lookup (half hits, half misses) for each kind.
 */
#include "ioc.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define LOOKUPS 1000000

static long long now_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void line(char *b, size_t cap, size_t i, size_t *len)
{
    unsigned k = (unsigned)i;

    switch (i % 3) {
    case 0:
        *len += (size_t)snprintf(b + *len, cap - *len,
                                 "\"2024-01-01 00:00:00\", \"%u\", \"10.%u.%u.%u:%u\", \"ip:port\", "
                                 "\"botnet_cc\", \"elf.mirai\", \"None\", \"Mirai\", \"\", \"100\"\n",
                                 k, (k >> 16) & 255, (k >> 8) & 255, k & 255, 1024 + k % 1000);
        break;
    case 1:
        *len += (size_t)snprintf(b + *len, cap - *len,
                                 "\"2024-01-01 00:00:00\", \"%u\", \"c2-%u.example.net\", \"domain\", "
                                 "\"botnet_cc\", \"elf.mirai\", \"None\", \"Mirai\", \"\", \"75\"\n", k, k);
        break;
    default:
        *len += (size_t)snprintf(b + *len, cap - *len,
                                 "\"2024-01-01 00:00:00\", \"%u\", \"%056x%08x\", \"sha256_hash\", "
                                 "\"payload\", \"elf.mirai\", \"None\", \"Mirai\", \"\", \"50\"\n", k, 0u, k);
        break;
    }
}

/* One IPv4 record: even I an ip:port, odd I an ip. */
static void line_ip(char *b, size_t cap, size_t i, size_t *len)
{
    unsigned k = (unsigned)i;

    if (i % 2 == 0) {
        *len += (size_t)snprintf(b + *len, cap - *len,
                                 "\"2024-01-01 00:00:00\", \"%u\", \"10.%u.%u.%u:%u\", \"ip:port\", "
                                 "\"botnet_cc\", \"elf.mirai\", \"None\", \"Mirai\", \"\", \"100\"\n",
                                 k, (k >> 16) & 255, (k >> 8) & 255, k & 255, 1024 + k % 1000);
    } else {
        *len += (size_t)snprintf(b + *len, cap - *len,
                                 "\"2024-01-02 00:00:00\", \"%u\", \"11.%u.%u.%u\", \"ip\", "
                                 "\"botnet_cc\", \"elf.mirai\", \"None\", \"Mirai\", \"\", \"75\"\n",
                                 k, (k >> 16) & 255, (k >> 8) & 255, k & 255);
    }
}

#ifdef __mips__
#define BENCH_WHERE "MIPS, `qemu-mips-static -cpu 24Kc` (emulated)"
#define BENCH_CMD "make bench-ioc-mips"
#else
#define BENCH_WHERE "host, -O2"
#define BENCH_CMD "make bench-ioc-ip"
#endif

static int bench_ip(size_t n, size_t lookups)
{
    size_t i, len = 0, cap = n * 128 + 1;
    char *buf = malloc(cap);
    struct ioc_store *s;
    struct ioc_stats st;
    long long t0, t_load, t_ip;
    unsigned long hits = 0;

    if (!buf || ioc_store_new(&s) != IH_OK) {
        return 2;
    }
    for (i = 0; i < n; i++) {
        line_ip(buf, cap, i, &len);
    }
    memset(&st, 0, sizeof st);
    t0 = now_ns();
    if (ioc_load_buf(s, "bench.csv", buf, len, IOC_FMT_CSV, &st) != IH_OK || st.loaded != n) {
        fprintf(stderr, "bench_ioc: loaded %lu of %zu\n", st.loaded, n);
        return 1;
    }
    t_load = now_ns() - t0;
    free(buf);
    t0 = now_ns();
    for (i = 0; i < lookups; i++) {
        unsigned k = (unsigned)((i * 2654435761u) % n);
        uint8_t a[16] = { (uint8_t)(k % 2 ? 11 : 10), (uint8_t)(k >> 16), (uint8_t)(k >> 8), (uint8_t)k };

        /* even i: indicator k (an ip:port with its port, an ip on any
         * port); odd i: the same host bytes under 12/8, in no indicator */
        if (i & 1) {
            a[0] = 12;
        }
        hits += ioc_find_ip(s, 4, a, (uint16_t)(1024 + k % 1000)) != NULL;
    }
    t_ip = now_ns() - t0;
    printf("## IOC store, IPv4 indicators (%s)\n\n", BENCH_WHERE);
    printf("A ThreatFox CSV export of %zu IPv4 indicators (half ip:port, half ip), %zu bytes, loaded\n", n, len);
    printf("into the store, then %zu ioc_find_ip lookups.\n\n", lookups);
    printf("| measure | value |\n|---|---:|\n");
    printf("| load (parse, sort, dedup) | %lld ms |\n", t_load / 1000000);
    printf("| store memory, resident after the load | %zu bytes (%zu KiB) |\n", ioc_store_bytes(s),
           ioc_store_bytes(s) / 1024);
    /* integers only: the MIPS build has no floating point */
    printf("| per indicator | %zu.%zu bytes |\n", ioc_store_bytes(s) / n, ioc_store_bytes(s) * 10 / n % 10);
    printf("| ioc_find_ip | %lld ns/lookup, %lld lookups/s |\n", t_ip / (long long)lookups,
           (long long)lookups * 1000000000LL / (t_ip > 0 ? t_ip : 1));
    printf("\nMeasured with: `%s` (`bench_ioc %zu ip %zu`).\n", BENCH_CMD, n, lookups);
    ioc_store_free(s);
    return hits == (lookups + 1) / 2 ? 0 : 1;
}

int main(int argc, char **argv)
{
    size_t n = 50000, i, len = 0, cap;
    struct ioc_store *s;
    struct ioc_stats st;
    long long t0, t_load, t_ip, t_dom, t_hash;
    unsigned long hits = 0;
    char *buf;
    uint64_t v;

    if (argc > 1 && util_parse_dec(argv[1], strlen(argv[1]), IOC_MAX_ENTRIES, &v) == IH_OK) {
        n = (size_t)v;
    }
    if (argc > 2 && strcmp(argv[2], "ip") == 0) {
        uint64_t l = 1000000;

        if (argc > 3) {
            (void)util_parse_dec(argv[3], strlen(argv[3]), 100000000, &l);
        }
        return bench_ip(n, (size_t)l);
    }
    cap = n * 200 + 1;
    buf = malloc(cap);
    if (!buf || ioc_store_new(&s) != IH_OK) {
        return 2;
    }
    for (i = 0; i < n; i++) {
        line(buf, cap, i, &len);
    }
    memset(&st, 0, sizeof st);
    t0 = now_ns();
    if (ioc_load_buf(s, "bench.csv", buf, len, IOC_FMT_CSV, &st) != IH_OK || st.loaded != n) {
        fprintf(stderr, "bench_ioc: loaded %lu of %zu\n", st.loaded, n);
        return 1;
    }
    t_load = now_ns() - t0;
    t0 = now_ns();
    for (i = 0; i < LOOKUPS; i++) {
        unsigned k = (unsigned)((i * 2654435761u) % (n / 3)) * 3;
        uint8_t a[16] = { 10, (uint8_t)(k >> 16), (uint8_t)(k >> 8), (uint8_t)k };

        hits += ioc_find_ip(s, 4, a, (uint16_t)(1024 + k % 1000 + (i & 1))) != NULL;
    }
    t_ip = now_ns() - t0;
    t0 = now_ns();
    for (i = 0; i < LOOKUPS; i++) {
        char name[64];
        unsigned k = (unsigned)((i * 2654435761u) % (n / 3)) * 3 + 1;

        snprintf(name, sizeof name, "%s.c2-%u.example.net", (i & 1) ? "x" : "www", k + (unsigned)(i & 1) * 3 * (unsigned)n);
        hits += ioc_find_domain(s, name) != NULL;
    }
    t_dom = now_ns() - t0;
    t0 = now_ns();
    for (i = 0; i < LOOKUPS; i++) {
        char hex[65];
        unsigned k = (unsigned)((i * 2654435761u) % (n / 3)) * 3 + 2;

        snprintf(hex, sizeof hex, "%056x%08x", (unsigned)(i & 1), k);
        hits += ioc_find_hash(s, hex) != NULL;
    }
    t_hash = now_ns() - t0;
    printf("## IOC store\n\n");
    printf("A ThreatFox CSV export of %zu indicators (a third each ip:port, domain, sha256), %zu bytes,\n", n, len);
    printf("loaded into the store, then %d lookups of each kind, half of them hits (%lu hits in all).\n\n",
           LOOKUPS, hits);
    printf("| measure | value |\n|---|---:|\n");
    printf("| load (parse, sort, dedup) | %lld ms |\n", t_load / 1000000);
    printf("| store memory (entries + strings) | %zu KiB |\n", ioc_store_bytes(s) / 1024);
    printf("| ioc_find_ip | %lld ns/lookup |\n", t_ip / LOOKUPS);
    printf("| ioc_find_domain (a subdomain, so two searches) | %lld ns/lookup |\n", t_dom / LOOKUPS);
    printf("| ioc_find_hash | %lld ns/lookup |\n", t_hash / LOOKUPS);
    printf("\nMeasured with: `make bench-ioc` (`build/bench/bench_ioc %zu`, host, -O2).\n", n);
    ioc_store_free(s);
    free(buf);
    return hits == 3 * (LOOKUPS / 2) ? 0 : 1;
}
