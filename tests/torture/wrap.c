/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * wrap.c - fault injection for the failure-torture harness (tests/torture),
 * linked with -Wl,--wrap=SYMBOL for every symbol below, so the agent's own
 * calls (and, on MIPS, musl's and Mbed TLS's, all linked statically) come
 * here instead of libc:
 *
 *   malloc calloc realloc free   count allocations; fail the Nth one
 *                                (one-shot, as SQLite's test_malloc); count
 *                                live blocks (a header before each) so a
 *                                leak is seen even without LeakSanitizer
 *   read pread recv recvfrom     short reads (at most 1 byte) and EINTR
 *                                before every other call
 *   write                        ENOSPC once a byte budget on regular files
 *                                is spent (a full spool file system)
 *   time                         the wall clock: fixed, or jumping
 *   clock_gettime nanosleep      a fake monotonic clock that sleeping
 *                                advances (daemon intervals without waiting)
 *
 * Every allocation wrapper calls only __real_malloc and __real_free: musl's
 * calloc and realloc call malloc themselves, which would be wrapped twice.
 */
#include "wrap.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct tw_state tw;

/* musl on 32-bit targets (MIPS) has a 64-bit time_t: its headers redirect
 * time, clock_gettime and nanosleep to these symbols, which are wrapped
 * instead (mk/torture.mk) */
#ifdef __mips__
#define TW_TIME          __time64
#define TW_CLOCK_GETTIME __clock_gettime64
#define TW_NANOSLEEP     __nanosleep_time64
#else
#define TW_TIME          time
#define TW_CLOCK_GETTIME clock_gettime
#define TW_NANOSLEEP     nanosleep
#endif
#define TW_CAT(a, b) a##b
#define TW_NAME(a, b) TW_CAT(a, b)
#define REAL(f) TW_NAME(__real_, f)
#define WRAP(f) TW_NAME(__wrap_, f)

#define TW_MAGIC 0x1a2b3c4du
#define TW_HDR   16u

void *__real_malloc(size_t n);
void __real_free(void *p);
ssize_t __real_read(int fd, void *buf, size_t n);
ssize_t __real_pread(int fd, void *buf, size_t n, off_t off);
ssize_t __real_recv(int fd, void *buf, size_t n, int flags);
ssize_t __real_recvfrom(int fd, void *buf, size_t n, int flags, struct sockaddr *a,
                        socklen_t *al);
ssize_t __real_write(int fd, const void *buf, size_t n);
time_t REAL(TW_TIME)(time_t *t);
int REAL(TW_CLOCK_GETTIME)(clockid_t id, struct timespec *ts);
int REAL(TW_NANOSLEEP)(const struct timespec *d, struct timespec *rem);

void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t a, size_t b);
void *__wrap_realloc(void *p, size_t n);
void __wrap_free(void *p);
ssize_t __wrap_read(int fd, void *buf, size_t n);
ssize_t __wrap_pread(int fd, void *buf, size_t n, off_t off);
ssize_t __wrap_recv(int fd, void *buf, size_t n, int flags);
ssize_t __wrap_recvfrom(int fd, void *buf, size_t n, int flags, struct sockaddr *a,
                        socklen_t *al);
ssize_t __wrap_write(int fd, const void *buf, size_t n);
time_t WRAP(TW_TIME)(time_t *t);
int WRAP(TW_CLOCK_GETTIME)(clockid_t id, struct timespec *ts);
int WRAP(TW_NANOSLEEP)(const struct timespec *d, struct timespec *rem);

/* ASan's, on the host: where the failed allocation came from (--trace) */
extern void __sanitizer_print_stack_trace(void) __attribute__((weak));

void *__wrap_malloc(size_t n)
{
    unsigned char *p;

    tw.allocs++;
    if (tw.fail_at && tw.allocs == tw.fail_at) {
        tw.injected++;
        if (tw.trace && __sanitizer_print_stack_trace) {
            __sanitizer_print_stack_trace();
        }
        errno = ENOMEM;
        return NULL;
    }
    if (n > SIZE_MAX - TW_HDR) {
        errno = ENOMEM;
        return NULL;
    }
    p = __real_malloc(n + TW_HDR);
    if (!p) {
        return NULL;
    }
    ((uint32_t *)(void *)p)[0] = TW_MAGIC;
    ((size_t *)(void *)p)[1] = n;
    tw.live++;
    return p + TW_HDR;
}

void *__wrap_calloc(size_t a, size_t b)
{
    void *p;

    if (b && a > SIZE_MAX / b) {
        errno = ENOMEM;
        return NULL;
    }
    p = __wrap_malloc(a * b);
    if (p) {
        memset(p, 0, a * b);
    }
    return p;
}

static size_t tw_size(void *p)
{
    unsigned char *h = (unsigned char *)p - TW_HDR;

    if (((uint32_t *)(void *)h)[0] != TW_MAGIC) {
        tw.foreign++;       /* freed a block that never came through here */
        return 0;
    }
    return ((size_t *)(void *)h)[1];
}

void __wrap_free(void *p)
{
    unsigned char *h;

    if (!p) {
        return;
    }
    (void)tw_size(p);
    h = (unsigned char *)p - TW_HDR;
    ((uint32_t *)(void *)h)[0] = 0;
    tw.live--;
    __real_free(h);
}

void *__wrap_realloc(void *p, size_t n)
{
    void *q;
    size_t old;

    if (!p) {
        return __wrap_malloc(n);
    }
    if (n == 0) {
        __wrap_free(p);
        return NULL;
    }
    old = tw_size(p);
    q = __wrap_malloc(n);
    if (!q) {
        return NULL;
    }
    memcpy(q, p, old < n ? old : n);
    __wrap_free(p);
    return q;
}

/* Short read and EINTR mode: every other call fails with EINTR, the
 * others return at most one byte. */
static int tw_read_fault(size_t *n)
{
    if (!tw.short_reads || *n == 0) {
        return 0;
    }
    tw.reads++;
    if (tw.reads % 2 == 1) {
        errno = EINTR;
        return 1;
    }
    *n = 1;
    return 0;
}

ssize_t __wrap_read(int fd, void *buf, size_t n)
{
    if (tw_read_fault(&n)) {
        return -1;
    }
    return __real_read(fd, buf, n);
}

ssize_t __wrap_pread(int fd, void *buf, size_t n, off_t off)
{
    if (tw_read_fault(&n)) {
        return -1;
    }
    return __real_pread(fd, buf, n, off);
}

ssize_t __wrap_recv(int fd, void *buf, size_t n, int flags)
{
    int type = 0;
    socklen_t tl = sizeof type;
    size_t k = n;

    /* a stream can be read in pieces; a datagram or a SEQPACKET message
     * cannot (the kernel would truncate it): EINTR only */
    if (tw_read_fault(&k)) {
        return -1;
    }
    if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &tl) == 0 && type == SOCK_STREAM) {
        n = k;
    }
    return __real_recv(fd, buf, n, flags);
}

ssize_t __wrap_recvfrom(int fd, void *buf, size_t n, int flags, struct sockaddr *a,
                        socklen_t *al)
{
    /* a datagram cannot be read in pieces: EINTR only */
    size_t k = n;

    if (tw_read_fault(&k)) {
        return -1;
    }
    return __real_recvfrom(fd, buf, n, flags, a, al);
}

ssize_t __wrap_write(int fd, const void *buf, size_t n)
{
    struct stat st;

    if (tw.write_budget >= 0 && fd > 2 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        if ((long long)n > tw.write_budget) {
            if (tw.write_budget == 0) {
                tw.enospc++;
                errno = ENOSPC;
                return -1;
            }
            n = (size_t)tw.write_budget;    /* a short write, then ENOSPC */
        }
        tw.write_budget -= (long long)n;
    }
    return __real_write(fd, buf, n);
}

time_t WRAP(TW_TIME)(time_t *t)
{
    time_t now;

    if (tw.wall_set) {
        now = (time_t)tw.wall;
        tw.wall += tw.wall_step;
        if (tw.wall < 0) {
            tw.wall = 0;        /* back to 1970, no further */
        }
        tw.time_calls++;
    } else {
        now = REAL(TW_TIME)(NULL);
    }
    if (t) {
        *t = now;
    }
    return now;
}

int WRAP(TW_CLOCK_GETTIME)(clockid_t id, struct timespec *ts)
{
    if (tw.mono_fake && id == CLOCK_MONOTONIC) {
        ts->tv_sec = (time_t)(tw.mono_ms / 1000);
        ts->tv_nsec = (long)(tw.mono_ms % 1000) * 1000000L;
        return 0;
    }
    if (tw.wall_set && id == CLOCK_REALTIME) {
        ts->tv_sec = (time_t)tw.wall;
        ts->tv_nsec = 0;
        return 0;
    }
    return REAL(TW_CLOCK_GETTIME)(id, ts);
}

int WRAP(TW_NANOSLEEP)(const struct timespec *d, struct timespec *rem)
{
    if (tw.mono_fake) {
        tw.mono_ms += (int64_t)d->tv_sec * 1000 + d->tv_nsec / 1000000;
        tw.slept_ms += (int64_t)d->tv_sec * 1000 + d->tv_nsec / 1000000;
        if (rem) {
            rem->tv_sec = 0;
            rem->tv_nsec = 0;
        }
        return 0;
    }
    return REAL(TW_NANOSLEEP)(d, rem);
}

void tw_reset(void)
{
    int64_t mono = tw.mono_ms;

    memset(&tw, 0, sizeof tw);
    tw.write_budget = -1;
    tw.mono_ms = mono;
}
