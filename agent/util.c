#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

int util_fmt(char *dst, size_t n, const char *fmt, ...)
{
    va_list ap;
    int r;

    va_start(ap, fmt);
    r = vsnprintf(dst, n, fmt, ap);
    va_end(ap);
    if (r < 0) {
        if (n) {
            dst[0] = '\0';
        }
        return IH_EINVAL;
    }
    return ((size_t)r >= n) ? IH_ETRUNC : IH_OK;
}

void util_diag(const char *file, unsigned long line, const char *fmt, ...)
{
    va_list ap;

    if (util_diag_quiet) {
        return;
    }
    if (line) {
        fprintf(stderr, "%s:%lu: ", file, line);
    } else {
        fprintf(stderr, "%s: ", file);
    }
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
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
