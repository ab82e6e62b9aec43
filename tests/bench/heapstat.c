/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * heapstat.c - heap high-water meter for benchmarks.
 *
 * Linked into a benchmark build of the agent with
 * -Wl,--wrap=malloc,--wrap=free,--wrap=calloc,--wrap=realloc, so that
 * every allocation (the agent's, Mbed TLS's and libc's own) passes through
 * here.  Each block carries a 16-byte header with its size; the live total
 * and its maximum are kept, and printed to stderr at exit as
 * "heapstat: peak N bytes, live N bytes, N allocations".  Single-threaded
 * by design, like the agent.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *__real_malloc(size_t n);
void __real_free(void *p);
void *__real_calloc(size_t n, size_t m);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void __wrap_free(void *p);
void *__wrap_calloc(size_t n, size_t m);
void *__wrap_realloc(void *p, size_t n);

#define HS_HDR 16

static size_t hs_live, hs_peak;
static unsigned long hs_count;
static int hs_registered;

static void hs_report(void)
{
    fprintf(stderr, "heapstat: peak %lu bytes, live %lu bytes, %lu allocations\n",
            (unsigned long)hs_peak, (unsigned long)hs_live, hs_count);
}

static void *hs_track(unsigned char *base, size_t n)
{
    if (!base) {
        return NULL;
    }
    memcpy(base, &n, sizeof n);
    hs_live += n;
    hs_count++;
    if (hs_live > hs_peak) {
        hs_peak = hs_live;
    }
    if (!hs_registered) {
        hs_registered = 1;
        atexit(hs_report);
    }
    return base + HS_HDR;
}

static size_t hs_size(void *p)
{
    size_t n;

    memcpy(&n, (unsigned char *)p - HS_HDR, sizeof n);
    return n;
}

void *__wrap_malloc(size_t n)
{
    if (n > SIZE_MAX - HS_HDR) {
        return NULL;
    }
    return hs_track(__real_malloc(n + HS_HDR), n);
}

void __wrap_free(void *p)
{
    if (!p) {
        return;
    }
    hs_live -= hs_size(p);
    __real_free((unsigned char *)p - HS_HDR);
}

void *__wrap_calloc(size_t n, size_t m)
{
    void *p;

    if (m && n > (SIZE_MAX - HS_HDR) / m) {
        return NULL;
    }
    p = __wrap_malloc(n * m);
    if (p) {
        memset(p, 0, n * m);
    }
    return p;
}

void *__wrap_realloc(void *p, size_t n)
{
    unsigned char *base;
    size_t old;

    if (!p) {
        return __wrap_malloc(n);
    }
    if (n > SIZE_MAX - HS_HDR) {
        return NULL;
    }
    old = hs_size(p);
    base = __real_realloc((unsigned char *)p - HS_HDR, n + HS_HDR);
    if (!base) {
        return NULL;
    }
    hs_live -= old;
    hs_count--;
    return hs_track(base, n);
}
