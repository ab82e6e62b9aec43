/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * cmd_update.c - `iothunt update`: fetch the intel bundle from the
 * collector (GET /v1/bundle over the report connection, If-None-Match with
 * the active bundle's ETag) or install one carried to the device with
 * --file (USB stick, scp).  The fetch runs in the network half of
 * privsep (update_get, as `user`); the bytes come back over the channel
 * and the checks and the activation are bundle_install()'s, here.
 */
#include "bundle.h"
#include "cmd.h"
#include "config.h"
#include "finding.h"
#include "privsep.h"
#include "transport.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Largest file read before the bundle's own cap is applied. */
#define UPDATE_READ_MAX (64u << 20)

/*
 * response = "HTTP/1." DIGIT SP 3DIGIT *(any) CRLF *(header CRLF) CRLF body
 * The head of BUF[0..LEN) when complete: its length, the status, and the
 * Content-Length (-1 when absent; at most UPDATE_READ_MAX, so a long is
 * enough, and 32-bit arithmetic on 32-bit routers); 0 while incomplete.
 */
static size_t update_head(const char *buf, size_t len, int *status, long *clen)
{
    const char *end = util_memmem(buf, len, "\r\n\r\n", 4), *p;
    uint64_t v;

    *status = 0;
    *clen = -1;
    if (!end) {
        return 0;
    }
    if (end - buf >= 12 && memcmp(buf, "HTTP/1.", 7) == 0 && buf[8] == ' ' &&
        util_parse_dec(buf + 9, 3, 599, &v) == IH_OK) {
        *status = (int)v;
    }
    for (p = buf; p && p < end; p = memchr(p, '\n', (size_t)(end - p))) {
        const char *e;

        p++;
        if (end - p > 15 && util_caseeq(p, "content-length:", 15)) {
            for (p += 15; *p == ' '; p++) {
            }
            e = memchr(p, '\r', (size_t)(end + 1 - p));
            if (e && util_parse_dec(p, (size_t)(e - p), UPDATE_READ_MAX, &v) == IH_OK) {
                *clen = (long)v;
            }
        }
    }
    return (size_t)(end - buf) + 4;
}

static int update_done(const char *buf, size_t len)
{
    int status;
    long clen;
    size_t h = update_head(buf, len, &status, &clen);

    return h && (status != 200 || clen < 0 || len >= h + (size_t)clen);
}

int update_get(struct transport *t, const char *etag, char *buf, size_t cap, size_t *body,
               size_t *blen)
{
    char head[512];
    size_t len = 0, h;
    long clen;
    int rc, status;

    rc = util_fmt(head, sizeof head, "GET /v1/bundle HTTP/1.1\r\nHost: %s\r\n"
                  "User-Agent: iothunt/" IOTHUNT_VERSION "\r\nIf-None-Match: %s\r\n\r\n",
                  t->cfg->host, etag);
    if (rc != IH_OK) {
        return IH_ENOMEM;
    }
    rc = transport_connect(t);
    if (rc == IH_OK) {
        rc = transport_exchange(t, head, buf, cap, &len, update_done);
    }
    transport_disconnect(t);
    if (rc != IH_OK) {
        return rc == IH_ETOOBIG ? rc : IH_ENET;
    }
    h = update_head(buf, len, &status, &clen);
    if (status == 304) {
        return 1;
    }
    if (status != 200 || clen < 0 || !h || (size_t)clen > len - h) {
        (void)util_fmt(t->last_error, sizeof t->last_error,
                       "collector answered %d to GET /v1/bundle", status);
        return IH_ENET;
    }
    if ((uint64_t)clen > t->cfg->bundle_max_bytes) {
        return IH_ETOOBIG;
    }
    *body = h;
    *blen = (size_t)clen;
    return IH_OK;
}

int update_fetch(const struct config *c, struct privsep *ps, struct transport *t, int64_t now,
                 char *why, size_t wn)
{
    struct bundle_cfg bc;
    char etag[35] = "\"\"";
    char *buf;
    size_t len = 0;
    int rc;

    memset(&bc, 0, sizeof bc);
    bc.path = c->bundle;
    bc.keys[0] = c->bundle_key;
    bc.keys[1] = c->bundle_key_next;
    bc.max_bytes = c->bundle_max_bytes;
    (void)bundle_etag(c->bundle, etag);
    (void)util_strlcpy(why, "", wn);
    buf = malloc(c->bundle_max_bytes);
    if (!buf) {
        return IH_ENOMEM;
    }
    /* the network half fetches; the bytes are checked here, as root */
    rc = privsep_fetch(ps, t, etag, buf, c->bundle_max_bytes, &len);
    if (rc == IH_ETOOBIG) {
        (void)util_fmt(why, wn, "over the cap of %lu bytes", (unsigned long)c->bundle_max_bytes);
        bundle_refuse(&bc, why);
    } else if (rc == IH_OK) {
        rc = bundle_install(&bc, buf, len, now, why, wn);
    } else if (rc != 1) {
        (void)util_strlcpy(why, t->last_error, wn);
        rc = IH_ENET;
    }
    free(buf);
    return rc;
}

int cmd_update(int argc, char **argv)
{
    const char *cfg_path = CONFIG_DEFAULT_PATH, *file = NULL;
    struct bundle_cfg bc;
    struct config c;
    struct finding f;
    char why[160], line[1024], *buf = NULL;
    size_t len = 0, n;
    int64_t now = (int64_t)time(NULL);
    int i, rc;

    for (i = 1; i < argc; i++) {
        if (i + 1 < argc && strcmp(argv[i], "--config") == 0) {
            cfg_path = argv[++i];
        } else if (i + 1 < argc && strcmp(argv[i], "--file") == 0) {
            file = argv[++i];
        } else {
            util_print(2, "usage: iothunt update [--config PATH] [--file PATH]\n");
            return EXIT_ERROR;
        }
    }
    if (config_load(cfg_path, &c) != IH_OK) {
        return EXIT_ERROR;
    }
    if (!c.bundle[0]) {
        util_diag(cfg_path, 0, "no bundle path configured");
        return EXIT_ERROR;
    }
    memset(&bc, 0, sizeof bc);
    bc.path = c.bundle;
    bc.keys[0] = c.bundle_key;
    bc.keys[1] = c.bundle_key_next;
    bc.max_bytes = c.bundle_max_bytes;
    if (!file) {
        struct transport *t = calloc(1, sizeof *t);
        struct privsep ps = { -1, 0 };
        uint32_t uid, gid;

        file = "collector";
        if (!t || config_check_delivery(&c, cfg_path) != IH_OK || transport_init(t, &c, now) != IH_OK) {
            free(t);
            return EXIT_ERROR;
        }
        rc = privsep_user(c.user, &uid, &gid);
        if (rc == IH_OK) {
            rc = privsep_start(&ps, t, uid, gid);
        }
        if (rc == IH_OK) {
            rc = update_fetch(&c, &ps, t, now, why, sizeof why);
            privsep_stop(&ps);
        } else {
            (void)util_strlcpy(why, "cannot start the network half", sizeof why);
            rc = IH_ENET;
        }
        transport_free(t);
        free(t);
        if (rc == IH_ENET) {
            util_print(2, "iothunt update: %s\n", why);
            return EXIT_ERROR;
        }
    } else {
        rc = util_read_file(file, UPDATE_READ_MAX, &buf, &len);
        if (rc != IH_OK) {
            util_diag(file, 0, "cannot read the bundle: %s", util_strerror(rc));
            return EXIT_ERROR;
        }
        rc = bundle_install(&bc, buf, len, now, why, sizeof why);
        free(buf);
    }
    if (rc == 1) {
        util_print(1, "%s: unchanged, the active bundle (nothing written)\n", file);
        return EXIT_CLEAN;
    }
    if (rc == IH_OK) {
        bundle_describe(c.bundle, now, line, sizeof line);
        util_print(1, "%s: installed, %s\n", file, line);
        return EXIT_CLEAN;
    }
    /* refused: the active bundle stays; the finding also goes with the next report */
    finding_init(&f, FT_BUNDLE_REJECTED, SEV_LOW, now);
    finding_set(f.reason, sizeof f.reason, why);
    (void)util_fmt(f.summary, sizeof f.summary, "intel bundle refused: %s", why);
    if (finding_to_json(&f, 0, line, sizeof line - 1, &n) == IH_OK) {
        line[n] = '\n';
        (void)util_write_all(1, line, n + 1);
    }
    util_diag(file, 0, "bundle refused: %s", why);
    return EXIT_ERROR;
}
