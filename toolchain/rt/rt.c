/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * rt.c - compiler runtime helpers for the MIPS agent.
 *
 * Debian's cross libgcc.a is built for MIPS32r2 with a hard-float ABI: its
 * __bswapsi2 uses the r2-only `wsbh` instruction (SIGILL on a 4Kc) and its
 * double helpers take arguments in FPU registers, which soft-float callers
 * never load.  The agent therefore links without libgcc: this file provides
 * every helper the agent, musl and Mbed TLS need, in portable C compiled for
 * MIPS32r1 soft-float.
 *
 * The agent does no floating point, and its musl printf has no
 * floating-point conversions (toolchain/patches/musl/), so nothing the agent
 * links references a double helper.  Other programs linked this way
 * (busybox) pull in musl's strtod and scanf, which do: for them the helpers
 * are provided as traps that say so and abort, so floating point can never
 * silently compute garbage.  Unreferenced, the traps are not linked at all.
 * scripts/check-mips-isa.sh verifies that the linked binary contains no FPU
 * and no MIPS32r2-only instruction.
 *
 * Every function here must avoid operations that the compiler would turn back
 * into a call to itself: 64-bit shifts by a variable amount and 64-bit
 * division are written with 32-bit halves.
 */
#include <stdint.h>

/* Declarations, to keep -Wmissing-prototypes quiet: these names are the
 * compiler's, not ours. */
uint32_t __bswapsi2(uint32_t x);
uint64_t __bswapdi2(uint64_t x);
int64_t __ashldi3(int64_t a, int b);
int64_t __ashrdi3(int64_t a, int b);
uint64_t __lshrdi3(uint64_t a, int b);
uint64_t __udivmoddi4(uint64_t n, uint64_t d, uint64_t *rem);
uint64_t __udivdi3(uint64_t n, uint64_t d);
uint64_t __umoddi3(uint64_t n, uint64_t d);
int64_t __divdi3(int64_t n, int64_t d);
int64_t __moddi3(int64_t n, int64_t d);
int __clzsi2(uint32_t x);
int __ctzsi2(uint32_t x);
int __popcountsi2(uint32_t x);
int __ucmpdi2(uint64_t a, uint64_t b);
int __cmpdi2(int64_t a, int64_t b);

union dw {
    uint64_t all;
    struct {
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        uint32_t hi, lo;
#else
        uint32_t lo, hi;
#endif
    } s;
};

uint32_t __bswapsi2(uint32_t x)
{
    return (x >> 24) | ((x >> 8) & 0xff00u) | ((x << 8) & 0xff0000u) | (x << 24);
}

uint64_t __bswapdi2(uint64_t x)
{
    union dw in, out;

    in.all = x;
    out.s.hi = __bswapsi2(in.s.lo);
    out.s.lo = __bswapsi2(in.s.hi);
    return out.all;
}

uint64_t __lshrdi3(uint64_t a, int b)
{
    union dw in, out;

    in.all = a;
    b &= 63;
    if (b == 0) {
        return a;
    }
    if (b >= 32) {
        out.s.hi = 0;
        out.s.lo = in.s.hi >> (b - 32);
    } else {
        out.s.hi = in.s.hi >> b;
        out.s.lo = (in.s.lo >> b) | (in.s.hi << (32 - b));
    }
    return out.all;
}

int64_t __ashldi3(int64_t a, int b)
{
    union dw in, out;

    in.all = (uint64_t)a;
    b &= 63;
    if (b == 0) {
        return a;
    }
    if (b >= 32) {
        out.s.lo = 0;
        out.s.hi = in.s.lo << (b - 32);
    } else {
        out.s.lo = in.s.lo << b;
        out.s.hi = (in.s.hi << b) | (in.s.lo >> (32 - b));
    }
    return (int64_t)out.all;
}

int64_t __ashrdi3(int64_t a, int b)
{
    union dw in, out;
    uint32_t sign;

    in.all = (uint64_t)a;
    b &= 63;
    if (b == 0) {
        return a;
    }
    sign = (in.s.hi & 0x80000000u) ? 0xffffffffu : 0;
    if (b >= 32) {
        out.s.hi = sign;
        out.s.lo = (uint32_t)((int32_t)in.s.hi >> (b - 32));
    } else {
        out.s.hi = (uint32_t)((int32_t)in.s.hi >> b);
        out.s.lo = (in.s.lo >> b) | (in.s.hi << (32 - b));
    }
    return (int64_t)out.all;
}

/* Restoring binary long division, one quotient bit per step, with the
 * 64-bit shifts by one done on 32-bit halves.  Division by zero returns
 * all ones (the hardware divider's habit), it does not trap. */
uint64_t __udivmoddi4(uint64_t n, uint64_t d, uint64_t *rem)
{
    union dw num, den, q, r;
    int i;

    num.all = n;
    den.all = d;
    if (den.s.hi == 0 && num.s.hi == 0) {
        if (den.s.lo == 0) {
            if (rem) {
                *rem = n;
            }
            return ~(uint64_t)0;
        }
        q.s.hi = 0;
        q.s.lo = num.s.lo / den.s.lo;
        if (rem) {
            r.s.hi = 0;
            r.s.lo = num.s.lo % den.s.lo;
            *rem = r.all;
        }
        return q.all;
    }
    if (den.all == 0) {
        if (rem) {
            *rem = n;
        }
        return ~(uint64_t)0;
    }
    q.all = 0;
    r.all = 0;
    for (i = 63; i >= 0; i--) {
        uint32_t bit = (i >= 32) ? (num.s.hi >> (i - 32)) & 1u : (num.s.lo >> i) & 1u;

        /* r = (r << 1) | bit */
        r.s.hi = (r.s.hi << 1) | (r.s.lo >> 31);
        r.s.lo = (r.s.lo << 1) | bit;
        /* q <<= 1 */
        q.s.hi = (q.s.hi << 1) | (q.s.lo >> 31);
        q.s.lo <<= 1;
        if (r.s.hi > den.s.hi || (r.s.hi == den.s.hi && r.s.lo >= den.s.lo)) {
            uint32_t borrow = r.s.lo < den.s.lo;

            r.s.lo -= den.s.lo;
            r.s.hi -= den.s.hi + borrow;
            q.s.lo |= 1u;
        }
    }
    if (rem) {
        *rem = r.all;
    }
    return q.all;
}

uint64_t __udivdi3(uint64_t n, uint64_t d)
{
    return __udivmoddi4(n, d, 0);
}

uint64_t __umoddi3(uint64_t n, uint64_t d)
{
    uint64_t r;

    __udivmoddi4(n, d, &r);
    return r;
}

static uint64_t rt_abs64(int64_t v)
{
    return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

int64_t __divdi3(int64_t n, int64_t d)
{
    uint64_t q = __udivmoddi4(rt_abs64(n), rt_abs64(d), 0);

    return ((n < 0) != (d < 0)) ? (int64_t)((uint64_t)0 - q) : (int64_t)q;
}

int64_t __moddi3(int64_t n, int64_t d)
{
    uint64_t r;

    __udivmoddi4(rt_abs64(n), rt_abs64(d), &r);
    return n < 0 ? (int64_t)((uint64_t)0 - r) : (int64_t)r;
}

int __clzsi2(uint32_t x)
{
    int n = 0;

    if (x == 0) {
        return 32;
    }
    while (!(x & 0x80000000u)) {
        x <<= 1;
        n++;
    }
    return n;
}

int __ctzsi2(uint32_t x)
{
    int n = 0;

    if (x == 0) {
        return 32;
    }
    while (!(x & 1u)) {
        x >>= 1;
        n++;
    }
    return n;
}

int __popcountsi2(uint32_t x)
{
    x = x - ((x >> 1) & 0x55555555u);
    x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
    x = (x + (x >> 4)) & 0x0f0f0f0fu;
    return (int)((x * 0x01010101u) >> 24);
}

int __ucmpdi2(uint64_t a, uint64_t b)
{
    return a < b ? 0 : (a > b ? 2 : 1);
}

int __cmpdi2(int64_t a, int64_t b)
{
    return a < b ? 0 : (a > b ? 2 : 1);
}

#ifdef __mips_soft_float
/* Floating-point traps: see the comment at the top of this file. */
#include <unistd.h>
#include <stdlib.h>

static void rt_no_float(void) __attribute__((noreturn));
static void rt_no_float(void)
{
    static const char msg[] = "iothunt: internal error: floating point used\n";

    (void)write(2, msg, sizeof msg - 1);
    abort();
}

#define RT_TRAP(name) void name(void); void name(void) { rt_no_float(); }
RT_TRAP(__adddf3)
RT_TRAP(__subdf3)
RT_TRAP(__muldf3)
RT_TRAP(__divdf3)
RT_TRAP(__nedf2)
RT_TRAP(__eqdf2)
RT_TRAP(__ltdf2)
RT_TRAP(__ledf2)
RT_TRAP(__gtdf2)
RT_TRAP(__gedf2)
RT_TRAP(__unorddf2)
RT_TRAP(__fixdfsi)
RT_TRAP(__fixunsdfsi)
RT_TRAP(__fixdfdi)
RT_TRAP(__fixunsdfdi)
RT_TRAP(__floatsidf)
RT_TRAP(__floatunsidf)
RT_TRAP(__floatdidf)
RT_TRAP(__floatundidf)
RT_TRAP(__extendsfdf2)
RT_TRAP(__truncdfsf2)
RT_TRAP(__addsf3)
RT_TRAP(__subsf3)
RT_TRAP(__mulsf3)
RT_TRAP(__divsf3)
RT_TRAP(__fixsfsi)
RT_TRAP(__floatsisf)
RT_TRAP(__nesf2)
RT_TRAP(__eqsf2)
RT_TRAP(__ltsf2)
RT_TRAP(__gtsf2)
#endif
