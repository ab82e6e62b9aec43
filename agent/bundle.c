/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * bundle.c - signed intel bundles: parse, verify, check, activate (see
 * bundle.h and docs/BUNDLE.md).
 */
#include "bundle.h"
#include "allow.h"
#include "hash.h"
#include "ioc.h"
#include "rules.h"
#include "util.h"

#include <mbedtls/pk.h>
#include <mbedtls/sha256.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define BUNDLE_MAGIC "iothunt-bundle 1\n"
#define BUNDLE_NOTE_MAX 200

/* ---- parsing ------------------------------------------------------------ */

struct bundle_cur {
    const char *p, *end;
};

/* The line at the cursor (without LF) into *L, *N; the cursor moves past it. */
static int bundle_line(struct bundle_cur *c, const char **l, size_t *n)
{
    const char *lf = memchr(c->p, '\n', (size_t)(c->end - c->p));

    if (!lf) {
        return IH_EPARSE;
    }
    *l = c->p;
    *n = (size_t)(lf - c->p);
    c->p = lf + 1;
    return IH_OK;
}

/* A line "KEY SP num" into *V. */
static int bundle_num(struct bundle_cur *c, const char *key, uint64_t *v)
{
    const char *l;
    size_t n, k = strlen(key);

    if (bundle_line(c, &l, &n) != IH_OK || n <= k + 1 || memcmp(l, key, k) != 0 || l[k] != ' ' ||
        n - k - 1 > 19) {
        return IH_EPARSE;
    }
    return util_parse_dec(l + k + 1, n - k - 1, INT64_MAX, v);
}

static int bundle_name_ok(const char *p, size_t n)
{
    static const char *const sfx[] = { ".yar", ".csv", ".json", ".txt", ".allow" };
    size_t i;

    if (n == 0 || n > BUNDLE_NAME_MAX || p[0] == '.') {
        return 0;
    }
    for (i = 0; i < n; i++) {
        char ch = p[i];

        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '.' || ch == '_' || ch == '-')) {
            return 0;
        }
    }
    for (i = 0; i < sizeof sfx / sizeof sfx[0]; i++) {
        size_t s = strlen(sfx[i]);

        if (n > s && memcmp(p + n - s, sfx[i], s) == 0) {
            return 1;
        }
    }
    return 0;
}

static int bundle_fail(char *why, size_t wn, const char *what)
{
    (void)util_strlcpy(why, what, wn);
    return IH_EPARSE;
}

int bundle_parse(const char *buf, size_t len, struct bundle *b, char *why, size_t wn)
{
    struct bundle_cur c = { buf, buf + len };
    uint64_t v[3];
    const char *l;
    size_t n, i;

    memset(b, 0, sizeof *b);
    if (len < sizeof BUNDLE_MAGIC - 1 || memcmp(buf, BUNDLE_MAGIC, sizeof BUNDLE_MAGIC - 1) != 0) {
        return bundle_fail(why, wn, "not an iothunt bundle");
    }
    c.p += sizeof BUNDLE_MAGIC - 1;
    if (bundle_num(&c, "version", &v[0]) != IH_OK || v[0] == 0 ||
        bundle_num(&c, "created", &v[1]) != IH_OK || bundle_num(&c, "expires", &v[2]) != IH_OK) {
        return bundle_fail(why, wn, "bad header (version, created, expires)");
    }
    b->version = v[0];
    b->created = (int64_t)v[1];
    b->expires = (int64_t)v[2];
    for (;;) {
        const char *sp;
        uint64_t flen;

        b->signed_len = (size_t)(c.p - buf);
        if (bundle_line(&c, &l, &n) != IH_OK) {
            return bundle_fail(why, wn, "truncated");
        }
        if (n > 4 && memcmp(l, "sig ", 4) == 0) {
            break;
        }
        if (n < 8 || memcmp(l, "file ", 5) != 0 || !(sp = memchr(l + 5, ' ', n - 5)) ||
            !bundle_name_ok(l + 5, (size_t)(sp - l - 5)) ||
            util_parse_dec(sp + 1, (size_t)(l + n - sp - 1), len, &flen) != IH_OK) {
            return bundle_fail(why, wn, "bad file line");
        }
        if (b->n_files == BUNDLE_MAX_FILES) {
            return bundle_fail(why, wn, "too many files");
        }
        if ((size_t)(c.end - c.p) < flen + 1 || c.p[flen] != '\n') {
            return bundle_fail(why, wn, "truncated");
        }
        memcpy(b->files[b->n_files].name, l + 5, (size_t)(sp - l - 5));
        b->files[b->n_files].data = c.p;
        b->files[b->n_files].len = (size_t)flen;
        b->n_files++;
        c.p += flen + 1;
    }
    n -= 4;
    if (c.p != c.end || n % 2 || n / 2 > BUNDLE_SIG_MAX || n == 0) {
        return bundle_fail(why, wn, c.p != c.end ? "data after the signature" : "bad signature line");
    }
    for (i = 0; i < n / 2; i++) {
        uint64_t byte;

        if (util_parse_hex(l + 4 + 2 * i, 2, &byte) != IH_OK) {
            return bundle_fail(why, wn, "bad signature line");
        }
        b->sig[i] = (unsigned char)byte;
    }
    b->sig_len = n / 2;
    return IH_OK;
}

/* ---- checks --------------------------------------------------------------- */

/* IH_OK when B's signature over BUF verifies with one of C's keys. */
static int bundle_verify(const struct bundle_cfg *c, const char *buf, const struct bundle *b,
                         char *why, size_t wn)
{
    unsigned char hash[32];
    int i, rc = IH_EAUTH, keys = 0;

    if (mbedtls_sha256((const unsigned char *)buf, b->signed_len, hash, 0) != 0) {
        return IH_EIO;
    }
    for (i = 0; i < BUNDLE_MAX_KEYS && rc != IH_OK; i++) {
        mbedtls_pk_context pk;
        char *pem;
        size_t len;

        if (!c->keys[i] || !c->keys[i][0] || util_read_file(c->keys[i], 8192, &pem, &len) != IH_OK) {
            continue;
        }
        keys++;
        mbedtls_pk_init(&pk);
        /* PEM wants its terminating NUL counted; util_read_file adds one */
        if (mbedtls_pk_parse_public_key(&pk, (const unsigned char *)pem, len + 1) == 0 &&
            mbedtls_pk_verify(&pk, MBEDTLS_MD_SHA256, hash, sizeof hash, b->sig, b->sig_len) == 0) {
            rc = IH_OK;
        }
        mbedtls_pk_free(&pk);
        free(pem);
    }
    if (rc != IH_OK) {
        (void)util_strlcpy(why, keys ? "bad signature (no trusted key verifies it)" :
                           "no trusted bundle key readable", wn);
    }
    return rc;
}

/* Every file of B through the agent's own parsers. */
static int bundle_check_files(const struct bundle *b, char *why, size_t wn)
{
    struct rules *rs = NULL;
    struct ioc_store *is = NULL;
    struct allowlist al;
    unsigned i;
    int rc;

    allow_init(&al);
    rc = rules_new(&rs);
    if (rc == IH_OK) {
        rc = ioc_store_new(&is);
    }
    for (i = 0; i < b->n_files && rc == IH_OK; i++) {
        const struct bundle_file *f = &b->files[i];
        size_t n = strlen(f->name);

        if (n > 4 && strcmp(f->name + n - 4, ".yar") == 0) {
            rc = rules_load_buffer(rs, f->name, f->data, f->len);
        } else if (n > 6 && strcmp(f->name + n - 6, ".allow") == 0) {
            rc = allow_parse(&al, f->name, f->data, f->len, NULL);
        } else {
            struct ioc_stats st;

            memset(&st, 0, sizeof st);
            rc = ioc_load_buf(is, f->name, f->data, f->len, IOC_FMT_AUTO, &st);
            if (rc == IH_OK && (st.bad || st.dropped)) {
                rc = IH_EPARSE;
            }
        }
        if (rc != IH_OK) {
            (void)util_fmt(why, wn, "%s does not load: %s", f->name, util_strerror(rc));
        }
    }
    allow_free(&al);
    ioc_store_free(is);
    rules_free(rs);
    return rc;
}

int bundle_check(const struct bundle_cfg *c, const char *buf, size_t len, uint64_t active,
                 int64_t now, struct bundle *b, char *why, size_t wn)
{
    int rc;

    if (len > (c->max_bytes ? c->max_bytes : BUNDLE_DEFAULT_MAX)) {
        (void)util_fmt(why, wn, "%zu bytes, over the cap of %zu", len,
                       c->max_bytes ? c->max_bytes : (size_t)BUNDLE_DEFAULT_MAX);
        return IH_ETOOBIG;
    }
    rc = bundle_parse(buf, len, b, why, wn);
    if (rc == IH_OK) {
        rc = bundle_verify(c, buf, b, why, wn);
    }
    if (rc != IH_OK) {
        return rc;
    }
    if (b->version <= active) {
        (void)util_fmt(why, wn, "version %llu is not newer than the active %llu",
                       (unsigned long long)b->version, (unsigned long long)active);
        return IH_EINVAL;
    }
    if (b->expires <= now) {
        (void)util_fmt(why, wn, "version %llu expired", (unsigned long long)b->version);
        return IH_EINVAL;
    }
    return bundle_check_files(b, why, wn);
}

/* ---- activation ------------------------------------------------------------ */

/* Write BUF[0..LEN) to PATH atomically, through PATH.new (util_write_file_atomic). */
static int bundle_write(const char *path, const char *buf, size_t len)
{
    char tmp[300];

    if (util_fmt(tmp, sizeof tmp, "%s.new", path) != IH_OK) {
        return IH_ETRUNC;
    }
    return util_write_file_atomic(tmp, path, buf, len);
}

int bundle_etag(const char *path, char out[35])
{
    struct hash_hex hx;
    int fd, rc = util_open_ro(path, 1, &fd, NULL);

    if (rc != IH_OK) {
        return rc;
    }
    rc = hash_fd(fd, 64u << 20, HASH_SHA256, &hx, NULL);
    close(fd);
    if (rc == IH_OK) {
        (void)util_fmt(out, 35, "\"%.32s\"", hx.sha256);
    }
    return rc;
}

int bundle_load_active(const char *path, char **buf, struct bundle *b)
{
    char why[96];
    size_t len;
    int rc;

    *buf = NULL;
    rc = util_read_file(path, 64u << 20, buf, &len);
    if (rc == IH_OK && bundle_parse(*buf, len, b, why, sizeof why) != IH_OK) {
        util_diag(path, 0, "active bundle unreadable: %s", why);
        rc = IH_EPARSE;
    }
    if (rc != IH_OK) {
        free(*buf);
        *buf = NULL;
    }
    return rc;
}

void bundle_refuse(const struct bundle_cfg *c, const char *why)
{
    char note[300], *old = NULL;
    size_t olen = 0;

    /* written only when its text changes */
    if (util_fmt(note, sizeof note, "%s.rejected", c->path) == IH_OK &&
        (util_read_file(note, BUNDLE_NOTE_MAX, &old, &olen) != IH_OK || olen != strlen(why) ||
         memcmp(old, why, olen) != 0)) {
        (void)bundle_write(note, why, strlen(why));
    }
    free(old);
}

int bundle_install(const struct bundle_cfg *c, const char *buf, size_t len, int64_t now,
                   char *why, size_t wn)
{
    struct bundle *b = malloc(sizeof *b), *cur = malloc(sizeof *b);
    char note[300], *active = NULL;
    size_t alen = 0;
    int rc = IH_ENOMEM;

    why[0] = '\0';
    if (!b || !cur || util_fmt(note, sizeof note, "%s.rejected", c->path) != IH_OK) {
        goto out;
    }
    if (util_read_file(c->path, 64u << 20, &active, &alen) == IH_OK && alen == len &&
        memcmp(active, buf, len) == 0) {
        rc = 1;
        goto out;
    }
    free(active);
    rc = bundle_load_active(c->path, &active, cur);
    rc = bundle_check(c, buf, len, rc == IH_OK ? cur->version : 0, now, b, why, wn);
    if (rc == IH_OK) {
        rc = bundle_write(c->path, buf, len);
        if (rc == IH_OK) {
            (void)unlink(note);
        } else {
            (void)util_fmt(why, wn, "cannot write %s: %s", c->path, util_strerror(rc));
        }
        goto out;
    }
    bundle_refuse(c, why);
out:
    free(active);
    free(cur);
    free(b);
    return rc;
}

/* ---- reporting -------------------------------------------------------------- */

/* YYYY-MM-DD of T, "?" outside years 0..9999 (util_utc_tm: musl's
 * gmtime_r would bring its time-zone code in; strftime is not there). */
static void bundle_date(int64_t t, char *out, size_t n)
{
    struct tm tm;

    if (util_utc_tm(t, &tm) != IH_OK ||
        util_fmt(out, n, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) != IH_OK) {
        (void)util_strlcpy(out, "?", n);
    }
}

void bundle_describe(const char *path, int64_t now, char *out, size_t n)
{
    struct bundle *b = malloc(sizeof *b);
    char *buf = NULL, date[16];

    (void)util_strlcpy(out, "no bundle", n);
    if (b && path && path[0] && bundle_load_active(path, &buf, b) == IH_OK) {
        bundle_date(b->created, date, sizeof date);
        (void)util_fmt(out, n, "bundle v%llu, created %s, age %lldd%s", (unsigned long long)b->version,
                       date, (long long)((now - b->created) / 86400),
                       b->expires <= now ? ", expired" : "");
    }
    free(buf);
    free(b);
}

int bundle_findings(const char *path, int64_t now, struct finding_sink *sink, int *stale)
{
    struct bundle *b = malloc(sizeof *b);
    struct finding f;
    char note[300], *buf = NULL, date[16];
    size_t len;
    int rc = IH_OK;

    *stale = 0;
    if (!b || util_fmt(note, sizeof note, "%s.rejected", path) != IH_OK) {
        free(b);
        return IH_ENOMEM;
    }
    if (bundle_load_active(path, &buf, b) == IH_OK && b->expires <= now) {
        *stale = 1;
        bundle_date(b->expires, date, sizeof date);
        finding_init(&f, FT_INTEL_STALE, SEV_LOW, now);
        (void)util_fmt(f.summary, sizeof f.summary,
                       "intel bundle v%llu expired on %s: new C2s are not hunted",
                       (unsigned long long)b->version, date);
        rc = sink->emit(sink->ctx, &f);
    }
    free(buf);
    buf = NULL;
    if (rc == IH_OK && util_read_file(note, BUNDLE_NOTE_MAX, &buf, &len) == IH_OK) {
        finding_init(&f, FT_BUNDLE_REJECTED, SEV_LOW, now);
        finding_set(f.reason, sizeof f.reason, buf);
        (void)util_fmt(f.summary, sizeof f.summary, "intel bundle refused: %s", buf);
        rc = sink->emit(sink->ctx, &f);
    }
    free(buf);
    free(b);
    return rc;
}
