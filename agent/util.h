/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * util.h - small shared helpers: error codes, bounded file reading,
 * overflow-checked number parsing, checked string formatting, diagnostics.
 *
 * Conventions (see docs/DEVELOPING.md): functions return 0 on success or a
 * negative IH_E* code; only main() exits.
 */
#ifndef IOTHUNT_UTIL_H
#define IOTHUNT_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>

#define IH_OK           0
#define IH_EIO         (-1)  /* read/open failed (errno kept) */
#define IH_EPARSE      (-2)  /* malformed input */
#define IH_ENOMEM      (-3)
#define IH_ETOOBIG     (-4)  /* input over a hard cap */
#define IH_EUNSUPP     (-5)  /* construct or feature not supported */
#define IH_ENOENT      (-6)  /* file or process vanished: normal on /proc */
#define IH_ETRUNC      (-7)  /* output buffer too small */
#define IH_EINVAL      (-8)  /* bad argument or option */
#define IH_ENET        (-9)  /* network or TLS failure */
#define IH_EAUTH       (-10) /* peer certificate or identity rejected */

/* Return a static human string for an IH_E* code. */
const char *util_strerror(int code);

/*
 * The words for errno value E (musl's wording) for the errors opening a
 * spool or connecting meet; "errno E" for the others.  Instead of libc's
 * strerror, whose table of every errno costs the agent 2.3 KiB.  The
 * fallback text lives in a static buffer (single-threaded program).
 */
const char *util_errno_text(int e);

/*
 * Open PATH read-only with O_NOFOLLOW|O_CLOEXEC and fstat it.  Fails with
 * IH_ENOENT if it does not exist, IH_EIO otherwise, IH_EINVAL if it is not a
 * regular file (when REGULAR_ONLY is set).  On success *FD is open and owned
 * by the caller, and *ST (if not NULL) holds the fstat result.
 */
int util_open_ro(const char *path, int regular_only, int *fd, struct stat *st);

/*
 * Read at most MAX bytes of PATH into a fresh NUL-terminated buffer *BUF
 * (caller frees), length in *LEN.  A file longer than MAX gives IH_ETOOBIG
 * (nothing returned).  /proc files report size 0, so the size is learnt by
 * reading, never from fstat.  Regular files and /proc pseudo-files only.
 */
int util_read_file(const char *path, size_t max, char **buf, size_t *len);

/*
 * Parse the decimal digits S[0..N) into *OUT.  No sign, no spaces, at
 * least one digit; IH_EPARSE on anything else or on overflow of MAX.
 */
int util_parse_dec(const char *s, size_t n, uint64_t max, uint64_t *out);

/* Parse hexadecimal digits S[0..N) (no 0x) into *OUT, N <= 16. */
int util_parse_hex(const char *s, size_t n, uint64_t *out);

/*
 * Copy SRC into DST of size N, always NUL-terminating when N > 0.
 * Returns IH_ETRUNC if SRC did not fit (DST then holds a prefix).
 */
int util_strlcpy(char *dst, const char *src, size_t n);

/*
 * snprintf for the conversions the agent uses (util.c lists them: %d %i %u
 * %x %X %c %s %% with flags - and 0, width and precision as digits or *,
 * lengths l ll z; no floating point).  Always NUL-terminates when N > 0;
 * returns IH_ETRUNC if the text did not fit (DST holds a prefix) and
 * IH_EINVAL for a conversion outside that set (DST is then empty).
 */
int util_fmt(char *dst, size_t n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int util_vfmt(char *dst, size_t n, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));

/*
 * printf to descriptor FD (1 or 2), unbuffered: the text is written before
 * the call returns, in 256-byte pieces.  IH_OK, IH_EIO if a write failed, or
 * IH_EINVAL as util_fmt().  A failed write to standard output is also
 * remembered for util_out_status().
 */
int util_print(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int util_vprint(int fd, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

/*
 * Read up to N bytes from FD into P, retrying short reads and EINTR until N
 * bytes or the end of the file.  Returns the count, or -1 (errno kept).
 */
ssize_t util_read_full(int fd, void *p, size_t n);

/* Write all N bytes of P to FD (retrying short writes and EINTR). */
int util_write_all(int fd, const void *p, size_t n);

/*
 * Replace PATH with BUF[0..LEN) so that a crash leaves the old or the new
 * content, never a mix: write TMP (mode 0600, not through a symlink),
 * fsync, rename over PATH, fsync PATH's folder.  TMP is removed on error.
 * IH_OK or IH_EIO.
 */
int util_write_file_atomic(const char *tmp, const char *path, const void *buf, size_t len);

/* fsync the folder holding PATH, so that a rename in it survives power loss. */
void util_sync_dir(const char *path);

/* IH_EIO if any write to standard output has failed so far. */
int util_out_status(void);

/*
 * Print "FILE:LINE: message" to stderr (LINE 0: "FILE: message").  Used for
 * every rejected input so the person at the screen knows what to fix.
 */
void util_diag(const char *file, unsigned long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Quiet util_diag() (fuzzers and tests that feed bad input on purpose). */
extern int util_diag_quiet;

/*
 * Fill BUF with N bytes from the kernel's random generator: getrandom(), or
 * /dev/urandom on kernels before 3.17.  Like getrandom() it waits at boot
 * until the kernel's pool is initialised.  IH_OK, or IH_EIO (BUF then holds
 * nothing usable).
 */
int util_random(void *buf, size_t n);

struct tm;

/*
 * Unix time T (UTC, proleptic Gregorian, years 0..9999, T may be
 * negative) broken down into *TM (year, month, day, hours, minutes,
 * seconds; the other fields 0), as gmtime_r would.  By hand: musl's
 * gmtime_r drags its time-zone code in (~5 KiB); Mbed TLS gets it too
 * (MBEDTLS_PLATFORM_GMTIME_R_ALT).  IH_OK or IH_EINVAL (out of range).
 */
int util_utc_tm(int64_t t, struct tm *tm);

/* T as "YYYY-MM-DDTHH:MM:SSZ" in BUF of CAP bytes: IH_OK, IH_ETRUNC, IH_EINVAL. */
int util_fmt_utc(char *buf, size_t cap, int64_t t);

/* Milliseconds on the monotonic clock (deadlines and timeouts). */
int64_t util_now_ms(void);

/* ASCII lower case; every other byte unchanged (no locale). */
static inline int util_lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

/* 1 if the first N bytes of A and B (or both up to their NUL) are equal
 * but for ASCII case, else 0: strncasecmp() == 0 (SIZE_MAX: strcasecmp). */
int util_caseeq(const char *a, const char *b, size_t n);

/* A random 32-bit number from util_random(); 0 if the kernel gives none. */
uint32_t util_random_u32(void);

/*
 * Sort N elements of SIZE bytes at BASE by CMP, like qsort() but a
 * heapsort: O(n log n) at worst, no recursion, no allocation, not stable.
 */
void util_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

/* Constant-time-free memmem (musl and glibc both have one, but not C11). */
const void *util_memmem(const void *hay, size_t hn, const void *needle, size_t nn);

#endif
