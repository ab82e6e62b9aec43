/* SPDX-License-Identifier: BSD-2-Clause */
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

int util_diag_quiet;

const char *util_strerror(int code)
{
    switch (code) {
    case IH_OK: return "ok";
    case IH_EIO: return "I/O error";
    case IH_EPARSE: return "malformed input";
    case IH_ENOMEM: return "out of memory";
    case IH_ETOOBIG: return "input too large";
    case IH_EUNSUPP: return "not supported";
    case IH_ENOENT: return "not found";
    case IH_ETRUNC: return "value too long";
    case IH_EINVAL: return "invalid argument";
    case IH_ENET: return "network error";
    case IH_EAUTH: return "authentication failed";
    default: return "unknown error";
    }
}

int util_open_ro(const char *path, int regular_only, int *fd, struct stat *st)
{
    struct stat sb;
    int f;

    f = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (f < 0) {
        return (errno == ENOENT || errno == ESRCH) ? IH_ENOENT : IH_EIO;
    }
    if (fstat(f, &sb) != 0) {
        close(f);
        return IH_EIO;
    }
    if (regular_only && !S_ISREG(sb.st_mode)) {
        close(f);
        return IH_EINVAL;
    }
    *fd = f;
    if (st) {
        *st = sb;
    }
    return IH_OK;
}

int util_read_file(const char *path, size_t max, char **buf, size_t *len)
{
    char *b = NULL;
    size_t cap = 0, used = 0;
    int fd = -1, rc;

    *buf = NULL;
    *len = 0;
    rc = util_open_ro(path, 1, &fd, NULL);
    if (rc != IH_OK) {
        return rc;
    }
    for (;;) {
        ssize_t r;

        if (used == cap) {
            size_t ncap = cap ? cap * 2 : 4096;
            char *nb;

            if (cap > max) {
                rc = IH_ETOOBIG;
                goto out;
            }
            if (ncap > max + 1) {
                ncap = max + 1;
            }
            nb = realloc(b, ncap + 1);
            if (!nb) {
                rc = IH_ENOMEM;
                goto out;
            }
            b = nb;
            cap = ncap;
        }
        r = read(fd, b + used, cap - used);
        if (r < 0) {
            if (errno == EINTR) {
                continue;
            }
            rc = (errno == ESRCH || errno == ENOENT) ? IH_ENOENT : IH_EIO;
            goto out;
        }
        if (r == 0) {
            break;
        }
        used += (size_t)r;
        if (used > max) {
            rc = IH_ETOOBIG;
            goto out;
        }
    }
    if (!b) {
        b = malloc(1);
        if (!b) {
            rc = IH_ENOMEM;
            goto out;
        }
    }
    b[used] = '\0';
    *buf = b;
    *len = used;
    b = NULL;
    rc = IH_OK;
out:
    free(b);
    close(fd);
    return rc;
}

static int util_leap(int32_t y)
{
    return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

int util_utc_tm(int64_t t, struct tm *tm)
{
    static const unsigned char mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    /* 32-bit arithmetic only (no 64-bit division helpers): t >> 7 fits
     * an int32_t over years 0..9999, and 86400 = 128 * 675 */
    int32_t q, days, r, y = 1970, n;
    unsigned secs;
    int m = 0;

    if (t < -62167219200LL || t > 253402300799LL) {
        return IH_EINVAL;
    }
    q = (int32_t)(t >> 7);
    days = q / 675;
    r = q % 675;
    if (r < 0) {
        r += 675;
        days--;
    }
    secs = (unsigned)r * 128 + (unsigned)(t & 127);
    /* whole years, then months: at most 8000 steps, small code */
    while (days < 0) {
        days += 365 + util_leap(--y);
    }
    while (days >= (n = 365 + util_leap(y))) {
        days -= n;
        y++;
    }
    while (days >= (n = mdays[m] + (m == 1 && util_leap(y)))) {
        days -= n;
        m++;
    }
    memset(tm, 0, sizeof *tm);
    tm->tm_year = (int)y - 1900;
    tm->tm_mon = m;
    tm->tm_mday = (int)days + 1;
    tm->tm_hour = (int)(secs / 3600);
    tm->tm_min = (int)(secs / 60 % 60);
    tm->tm_sec = (int)(secs % 60);
    return IH_OK;
}

int util_fmt_utc(char *buf, size_t cap, int64_t t)
{
    struct tm tm;
    int rc = util_utc_tm(t, &tm);

    if (rc == IH_OK) {
        rc = util_fmt(buf, cap, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900,
                      tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
    }
    return rc;
}

int util_caseeq(const char *a, const char *b, size_t n)
{
    for (; n > 0; a++, b++, n--) {
        if (util_lower((unsigned char)*a) != util_lower((unsigned char)*b)) {
            return 0;
        }
        if (*a == '\0') {
            break;
        }
    }
    return 1;
}

const char *util_errno_text(int e)
{
    static const unsigned short codes[] = {
        ENOENT, EACCES, EPERM, EIO, ENOSPC, EDQUOT, EFBIG, EROFS, ENOTDIR, EISDIR, ELOOP,
        EEXIST, EINVAL, ENOMEM, EMFILE, EAGAIN, ETIMEDOUT, ECONNREFUSED, ECONNRESET,
        EHOSTUNREACH, ENETUNREACH, ENETDOWN, EADDRNOTAVAIL, EAFNOSUPPORT, ENOBUFS, EPIPE,
    };
    static const char texts[] =
        "No such file or directory\0Permission denied\0Operation not permitted\0I/O error\0"
        "No space left on device\0Quota exceeded\0File too large\0Read-only file system\0"
        "Not a directory\0Is a directory\0Symbolic link loop\0File exists\0"
        "Invalid argument\0Out of memory\0No file descriptors available\0"
        "Resource temporarily unavailable\0Operation timed out\0Connection refused\0"
        "Connection reset by peer\0Host is unreachable\0Network unreachable\0"
        "Network is down\0Address not available\0"
        "Address family not supported by protocol\0No buffer space available\0Broken pipe";
    static char other[24];
    const char *p = texts;
    size_t i;

    for (i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        if (codes[i] == e) {
            return p;
        }
        p += strlen(p) + 1;
    }
    (void)util_fmt(other, sizeof other, "errno %d", e);
    return other;
}

ssize_t util_read_full(int fd, void *p, size_t n)
{
    size_t got = 0;

    while (got < n) {
        ssize_t r = read(fd, (char *)p + got, n - got);

        if (r < 0 && errno == EINTR) {
            continue;
        }
        if (r < 0) {
            return -1;
        }
        if (r == 0) {
            break;
        }
        got += (size_t)r;
    }
    return (ssize_t)got;
}

int util_parse_dec(const char *s, size_t n, uint64_t max, uint64_t *out)
{
    uint64_t v = 0;
    size_t i;

    if (n == 0) {
        return IH_EPARSE;
    }
    for (i = 0; i < n; i++) {
        unsigned d;

        if (s[i] < '0' || s[i] > '9') {
            return IH_EPARSE;
        }
        d = (unsigned)(s[i] - '0');
        if (v > (max - d) / 10) {
            return IH_EPARSE;
        }
        v = v * 10 + d;
    }
    *out = v;
    return IH_OK;
}

int util_parse_hex(const char *s, size_t n, uint64_t *out)
{
    uint64_t v = 0;
    size_t i;

    if (n == 0 || n > 16) {
        return IH_EPARSE;
    }
    for (i = 0; i < n; i++) {
        char c = s[i];
        unsigned d;

        if (c >= '0' && c <= '9') {
            d = (unsigned)(c - '0');
        } else if (c >= 'a' && c <= 'f') {
            d = (unsigned)(c - 'a' + 10);
        } else if (c >= 'A' && c <= 'F') {
            d = (unsigned)(c - 'A' + 10);
        } else {
            return IH_EPARSE;
        }
        v = (v << 4) | d;
    }
    *out = v;
    return IH_OK;
}

int util_strlcpy(char *dst, const char *src, size_t n)
{
    size_t l = strlen(src);

    if (n == 0) {
        return IH_ETRUNC;
    }
    if (l >= n) {
        memcpy(dst, src, n - 1);
        dst[n - 1] = '\0';
        return IH_ETRUNC;
    }
    memcpy(dst, src, l + 1);
    return IH_OK;
}

/*
 * The agent's own printf: the conversions it uses and nothing else, so that
 * libc's stdio (and its floating-point formatter) stays out of the binary.
 *
 *   spec = "%" {"-" | "0"} [width] ["." precision] [length] conv
 *   width, precision = digits | "*"
 *   length = "l" | "ll" | "z"
 *   conv = "d" | "i" | "u" | "x" | "X" | "c" | "s" | "%"
 *
 * Output goes to a sink: a string (what does not fit is counted, not
 * written) or a descriptor (the window is written out when full).
 */
struct fmt_sink {
    char *buf;
    size_t cap, len;    /* window size and bytes in it */
    size_t total;       /* bytes produced */
    int fd;             /* -1: string */
    int failed;         /* a write to FD failed */
};

static int out_failed;  /* a write to standard output failed */

int util_write_all(int fd, const void *p, size_t n)
{
    const char *c = p;

    while (n > 0) {
        ssize_t w = write(fd, c, n);

        if (w < 0 && errno == EINTR) {
            continue;
        }
        if (w <= 0) {
            return IH_EIO;
        }
        c += w;
        n -= (size_t)w;
    }
    return IH_OK;
}

void util_sync_dir(const char *path)
{
    char dir[512];
    char *slash;
    int fd;

    if (util_strlcpy(dir, path, sizeof dir) != IH_OK) {
        return;
    }
    slash = strrchr(dir, '/');
    if (!slash) {
        (void)util_strlcpy(dir, ".", sizeof dir);
    } else {
        slash[slash == dir] = '\0';     /* "/x" -> "/" */
    }
    fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
}

int util_write_file_atomic(const char *tmp, const char *path, const void *buf, size_t len)
{
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600), rc;

    if (fd < 0) {
        return IH_EIO;
    }
    rc = util_write_all(fd, buf, len);
    if (rc == IH_OK && fsync(fd) != 0) {
        rc = IH_EIO;
    }
    close(fd);
    if (rc == IH_OK && rename(tmp, path) != 0) {
        rc = IH_EIO;
    }
    if (rc != IH_OK) {
        (void)unlink(tmp);
        return IH_EIO;
    }
    util_sync_dir(path);
    return IH_OK;
}

static void sink_flush(struct fmt_sink *k)
{
    if (k->fd >= 0 && k->len > 0) {
        if (util_write_all(k->fd, k->buf, k->len) != IH_OK) {
            k->failed = 1;
            out_failed |= k->fd == 1;
        }
        k->len = 0;
    }
}

static void sink_put(struct fmt_sink *k, const char *s, size_t n)
{
    k->total += n;
    while (n > 0) {
        size_t room = k->cap - k->len;

        if (room == 0) {
            if (k->fd < 0) {
                return;
            }
            sink_flush(k);
            continue;
        }
        if (room > n) {
            room = n;
        }
        memcpy(k->buf + k->len, s, room);
        k->len += room;
        s += room;
        n -= room;
    }
}

static void sink_pad(struct fmt_sink *k, char c, size_t n)
{
    while (n-- > 0) {
        sink_put(k, &c, 1);
    }
}

static size_t fmt_num(const char **f)
{
    size_t v = 0;

    while (**f >= '0' && **f <= '9') {
        v = v * 10 + (size_t)(*(*f)++ - '0');
        if (v > 4096) {
            v = 4096;   /* no field is wider than a line */
        }
    }
    return v;
}

static int fmt_core(struct fmt_sink *k, const char *f, va_list ap)
{
    while (*f) {
        const char *lit = f, *s;
        char tmp[24], sign = 0;
        size_t width, prec = (size_t)-1, n, zeros = 0;
        int left = 0, zero = 0, lng = 0, base = 10;
        unsigned long long v;

        while (*f && *f != '%') {
            f++;
        }
        sink_put(k, lit, (size_t)(f - lit));
        if (!*f++) {
            break;
        }
        for (;; f++) {
            if (*f == '-') {
                left = 1;
            } else if (*f == '0') {
                zero = 1;
            } else {
                break;
            }
        }
        if (*f == '*') {
            int a = va_arg(ap, int);

            f++;
            if (a < 0) {
                left = 1;
                a = a < -4096 ? 4096 : -a;
            }
            width = (size_t)a;
        } else {
            width = fmt_num(&f);
        }
        if (*f == '.') {
            if (*++f == '*') {
                int a = va_arg(ap, int);

                f++;
                prec = a < 0 ? (size_t)-1 : (size_t)a;
            } else {
                prec = fmt_num(&f);
            }
        }
        while (*f == 'l' || *f == 'z') {
            lng += *f++ == 'z' ? 3 : 1;     /* l: 1, ll: 2, z: 3 */
        }
        switch (*f++) {
        case '%':
            sink_put(k, "%", 1);
            continue;
        case 'c':
            tmp[0] = (char)va_arg(ap, int);
            s = tmp;
            n = 1;
            zero = 0;
            break;
        case 's':
            s = va_arg(ap, const char *);
            if (!s) {
                s = "(null)";
            }
            for (n = 0; n < prec && s[n]; n++) {
            }
            zero = 0;
            break;
        case 'd':
        case 'i':
            {
                long long sv = lng == 2 ? va_arg(ap, long long) :
                               lng == 1 ? va_arg(ap, long) :
                               lng == 3 ? (long long)va_arg(ap, ssize_t) : va_arg(ap, int);

                if (sv < 0) {
                    sign = '-';
                    v = 0 - (unsigned long long)sv;
                } else {
                    v = (unsigned long long)sv;
                }
            }
            goto num;
        case 'x':
        case 'X':
            base = 16;
            /* fall through */
        case 'u':
            v = lng == 2 ? va_arg(ap, unsigned long long) :
                lng == 1 ? va_arg(ap, unsigned long) :
                lng == 3 ? va_arg(ap, size_t) : va_arg(ap, unsigned);
        num:
            n = sizeof tmp;
            while (v > 0 || (n == sizeof tmp && prec != 0)) {
                unsigned d = (unsigned)(v % (unsigned)base);

                tmp[--n] = (char)(d < 10 ? '0' + d : (f[-1] == 'X' ? 'A' : 'a') + d - 10);
                v /= (unsigned)base;
            }
            s = tmp + n;
            n = sizeof tmp - n;
            if (prec != (size_t)-1) {
                zeros = prec > n ? prec - n : 0;
                zero = 0;
            }
            break;
        default:
            return IH_EINVAL;
        }
        {
            size_t body = (sign ? 1 : 0) + zeros + n;
            size_t pad = width > body ? width - body : 0;

            if (zero && !left) {
                zeros += pad;
                pad = 0;
            }
            if (!left) {
                sink_pad(k, ' ', pad);
            }
            if (sign) {
                sink_put(k, &sign, 1);
            }
            sink_pad(k, '0', zeros);
            sink_put(k, s, n);
            if (left) {
                sink_pad(k, ' ', pad);
            }
        }
    }
    return IH_OK;
}

int util_vfmt(char *dst, size_t n, const char *fmt, va_list ap)
{
    struct fmt_sink k = { dst, n ? n - 1 : 0, 0, 0, -1, 0 };
    int rc = fmt_core(&k, fmt, ap);

    if (n) {
        dst[k.len] = '\0';
    }
    if (rc != IH_OK) {
        if (n) {
            dst[0] = '\0';
        }
        return rc;
    }
    return k.total > k.len ? IH_ETRUNC : IH_OK;
}

int util_fmt(char *dst, size_t n, const char *fmt, ...)
{
    va_list ap;
    int rc;

    va_start(ap, fmt);
    rc = util_vfmt(dst, n, fmt, ap);
    va_end(ap);
    return rc;
}

int util_vprint(int fd, const char *fmt, va_list ap)
{
    char win[256];
    struct fmt_sink k = { win, sizeof win, 0, 0, fd, 0 };
    int rc = fmt_core(&k, fmt, ap);

    sink_flush(&k);
    return rc != IH_OK ? rc : k.failed ? IH_EIO : IH_OK;
}

int util_print(int fd, const char *fmt, ...)
{
    va_list ap;
    int rc;

    va_start(ap, fmt);
    rc = util_vprint(fd, fmt, ap);
    va_end(ap);
    return rc;
}

int util_out_status(void)
{
    return out_failed ? IH_EIO : IH_OK;
}

void util_diag(const char *file, unsigned long line, const char *fmt, ...)
{
    char msg[512];
    va_list ap;

    if (util_diag_quiet) {
        return;
    }
    va_start(ap, fmt);
    (void)util_vfmt(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (line) {
        (void)util_print(2, "%s:%lu: %s\n", file, line, msg);
    } else {
        (void)util_print(2, "%s: %s\n", file, msg);
    }
}

int util_random(void *buf, size_t n)
{
    unsigned char *p = buf;
    int fd = -1, rc = IH_OK;

    while (n > 0) {
        ssize_t r = fd < 0 ? getrandom(p, n, 0) : read(fd, p, n);

        if (r < 0 && errno == EINTR) {
            continue;
        }
        if (r < 0 && errno == ENOSYS && fd < 0) {
            rc = util_open_ro("/dev/urandom", 0, &fd, NULL);
            if (rc != IH_OK) {
                break;
            }
            continue;
        }
        if (r <= 0) {
            rc = IH_EIO;
            break;
        }
        p += r;
        n -= (size_t)r;
    }
    if (fd >= 0) {
        close(fd);
    }
    return rc == IH_OK ? IH_OK : IH_EIO;
}

int64_t util_now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

uint32_t util_random_u32(void)
{
    unsigned char b[4];

    if (util_random(b, sizeof b) != IH_OK) {
        return 0;
    }
    return ((uint32_t)b[0] << 24) | ((uint32_t)b[1] << 16) | ((uint32_t)b[2] << 8) | b[3];
}

static void sort_swap(unsigned char *a, unsigned char *b, size_t size)
{
    unsigned char t[32];

    while (size > 0) {
        size_t k = size < sizeof t ? size : sizeof t;

        memcpy(t, a, k);
        memcpy(a, b, k);
        memcpy(b, t, k);
        a += k;
        b += k;
        size -= k;
    }
}

/*
 * Let element ROOT sink to its place in the heap of the first N elements,
 * bottom-up (Floyd): follow the larger children down to a leaf with one
 * comparison a level, climb back to where ROOT's element belongs, then
 * shift that path up one level.  About half the comparisons of the
 * textbook sift, which matters with string keys.
 */
static void sort_sift(unsigned char *b, size_t root, size_t n, size_t size,
                      int (*cmp)(const void *, const void *))
{
    size_t j = root, c;

    while ((c = 2 * j + 1) < n) {
        if (c + 1 < n && cmp(b + c * size, b + (c + 1) * size) < 0) {
            c++;
        }
        j = c;
    }
    while (j > root && cmp(b + root * size, b + j * size) > 0) {
        j = (j - 1) / 2;
    }
    while (j > root) {
        sort_swap(b + root * size, b + j * size, size);
        j = (j - 1) / 2;
    }
}

void util_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    unsigned char *b = base;
    size_t i;

    for (i = n / 2; i-- > 0;) {
        sort_sift(b, i, n, size, cmp);
    }
    while (n-- > 1) {
        sort_swap(b, b + n * size, size);
        sort_sift(b, 0, n, size, cmp);
    }
}

const void *util_memmem(const void *hay, size_t hn, const void *needle, size_t nn)
{
    const unsigned char *h = hay, *n = needle;
    size_t i;

    if (nn == 0) {
        return hay;
    }
    if (hn < nn) {
        return NULL;
    }
    for (i = 0; i + nn <= hn; i++) {
        if (h[i] == n[0] && memcmp(h + i, n, nn) == 0) {
            return h + i;
        }
    }
    return NULL;
}
