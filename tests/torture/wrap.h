/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * wrap.h - the control block of the fault-injecting wrappers (wrap.c).
 */
#ifndef IOTHUNT_TORTURE_WRAP_H
#define IOTHUNT_TORTURE_WRAP_H

#include <stdint.h>

struct tw_state {
    /* allocations */
    long allocs;            /* allocation calls since tw_reset */
    long fail_at;           /* fail allocation number FAIL_AT (1-based); 0: never */
    long injected;          /* failures injected */
    long live;              /* blocks allocated through us and not freed */
    long foreign;           /* frees of blocks we never handed out */
    int trace;              /* print the stack of the failed allocation (host) */
    /* reads */
    int short_reads;        /* 1: EINTR on every other read, 1 byte on the rest */
    unsigned long reads;
    /* writes */
    long long write_budget; /* bytes regular files may still take; -1: no limit */
    unsigned long enospc;   /* writes refused */
    /* clocks */
    int wall_set;           /* time() returns WALL, then adds WALL_STEP */
    int64_t wall, wall_step;
    unsigned long time_calls;
    int mono_fake;          /* CLOCK_MONOTONIC is MONO_MS; nanosleep adds to it */
    int64_t mono_ms, slept_ms;
};

extern struct tw_state tw;

/* Everything off (the fake monotonic clock keeps its value: it never goes back). */
void tw_reset(void);

#endif
