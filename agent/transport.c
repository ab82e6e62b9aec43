/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * transport.c - mutual-TLS HTTPS/1.1 delivery of the spool (transport.h).
 *
 * Steps, each bounded by cfg->timeout: resolve + connect (non-blocking
 * connect, poll for writability), handshake, write the request, read the
 * response.  Mbed TLS is driven through non-blocking socket callbacks; a
 * WANT_READ/WANT_WRITE becomes a poll() on the socket until the step's
 * deadline.  The body is streamed from the spool in two passes (plan the
 * batch, then send it), so RAM use does not grow with the batch size.
 */
#include "transport.h"
#include "httpc.h"
#include "resolve.h"
#include "util.h"

#include <mbedtls/entropy.h>
#include <mbedtls/error.h>
#include <mbedtls/net_sockets.h>
#include <mbedtls/oid.h>
#include <mbedtls/platform_util.h>
#include <mbedtls/x509.h>
#include <psa/crypto.h>

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <sys/syscall.h>
#include <unistd.h>

#define TP_FILE_MAX   (64 * 1024)
#define TP_OUT_BUF    4096
#define TP_BACKOFF_MIN 10

static void tp_error(struct transport *t, const char *step, int code)
{
    if (code < 0 && code > -0x10000) {
        (void)util_fmt(t->last_error, sizeof t->last_error, "%s: mbedtls -0x%04x", step,
                       (unsigned)-code);
    } else {
        (void)util_fmt(t->last_error, sizeof t->last_error, "%s", step);
    }
}

static int tp_send(void *ctx, const unsigned char *buf, size_t len)
{
    int fd = *(int *)ctx;
    ssize_t r = send(fd, buf, len, MSG_NOSIGNAL | MSG_DONTWAIT);

    if (r < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
            return MBEDTLS_ERR_SSL_WANT_WRITE;
        }
        return MBEDTLS_ERR_NET_SEND_FAILED;
    }
    return (int)r;
}

static int tp_recv(void *ctx, unsigned char *buf, size_t len)
{
    int fd = *(int *)ctx;
    ssize_t r = recv(fd, buf, len, MSG_DONTWAIT);

    if (r < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
            return MBEDTLS_ERR_SSL_WANT_READ;
        }
        return MBEDTLS_ERR_NET_RECV_FAILED;
    }
    return (int)r;
}

/* Wait until FD is readable (or writable) or DEADLINE (ms) passes. */
static int tp_wait(struct transport *t, int want_write, int64_t deadline)
{
    for (;;) {
        struct pollfd p = { t->fd, (short)(want_write ? POLLOUT : POLLIN), 0 };
        int64_t left = deadline - util_now_ms();
        int r;

        if (left <= 0 || (t->stop && *t->stop)) {
            /* out of time, or SIGTERM: an unanswered request is resent later */
            return IH_ENET;
        }
        r = poll(&p, 1, left > 1000 ? 1000 : (int)left);
        if (r > 0) {
            return IH_OK;
        }
        if (r < 0 && errno != EINTR) {
            return IH_ENET;
        }
    }
}

/*
 * Verify callback: runs once per certificate of the chain during a full
 * handshake.  With an unset clock, only the validity-period flags are
 * cleared; everything else (signature, chain, name) stands.
 */
static int tp_verify(void *ctx, mbedtls_x509_crt *crt, int depth, uint32_t *flags)
{
    struct transport *t = ctx;

    (void)crt;
    (void)depth;
    t->verified = 1;
    if (t->clock_unset) {
        *flags &= ~(uint32_t)(MBEDTLS_X509_BADCERT_EXPIRED | MBEDTLS_X509_BADCERT_FUTURE);
    }
    return 0;
}

/*
 * Randomness for TLS (key shares, ECDSA nonces, the client random) comes
 * straight from the kernel's generator: no DRBG of our own to seed, and
 * none inside the crypto library (MBEDTLS_PSA_CRYPTO_EXTERNAL_RNG).
 */
static int tp_rng(void *ctx, unsigned char *out, size_t n)
{
    (void)ctx;
    return util_random(out, n) == IH_OK ? 0 : MBEDTLS_ERR_ENTROPY_SOURCE_FAILED;
}

#if defined(MBEDTLS_PSA_CRYPTO_EXTERNAL_RNG)
psa_status_t mbedtls_psa_external_get_random(mbedtls_psa_external_random_context_t *ctx,
                                             uint8_t *out, size_t n, size_t *got)
{
    (void)ctx;
    if (util_random(out, n) != IH_OK) {
        *got = 0;
        return PSA_ERROR_INSUFFICIENT_ENTROPY;
    }
    *got = n;
    return PSA_SUCCESS;
}
#endif

/* Parse a PEM or DER file of certificates into CRT. */
static int tp_load_crt(mbedtls_x509_crt *crt, const char *path)
{
    char *buf = NULL;
    size_t len = 0;
    int rc, r;

    rc = util_read_file(path, TP_FILE_MAX, &buf, &len);
    if (rc != IH_OK) {
        util_diag(path, 0, "cannot read certificate: %s", util_strerror(rc));
        return rc;
    }
    /* PEM is parsed with its terminating NUL, DER without */
    r = mbedtls_x509_crt_parse(crt, (const unsigned char *)buf,
                               util_memmem(buf, len, "-----BEGIN", 10) ? len + 1 : len);
    free(buf);
    if (r != 0) {
        util_diag(path, 0, "not a valid certificate (mbedtls -0x%04x)", (unsigned)-r);
        return IH_EPARSE;
    }
    return IH_OK;
}

static int tp_load_key(struct transport *t, const char *path)
{
    char *buf = NULL;
    size_t len = 0;
    int rc, r;

    rc = util_read_file(path, TP_FILE_MAX, &buf, &len);
    if (rc != IH_OK) {
        util_diag(path, 0, "cannot read private key: %s", util_strerror(rc));
        return rc;
    }
    r = mbedtls_pk_parse_key(&t->key, (const unsigned char *)buf,
                             util_memmem(buf, len, "-----BEGIN", 10) ? len + 1 : len, NULL, 0,
                             tp_rng, NULL);
    mbedtls_platform_zeroize(buf, len);
    free(buf);
    if (r != 0) {
        util_diag(path, 0, "not a valid private key (mbedtls -0x%04x)", (unsigned)-r);
        return IH_EPARSE;
    }
    return IH_OK;
}

int transport_init(struct transport *t, const struct config *cfg, int64_t now)
{
    int rc, r;

    memset(t, 0, sizeof *t);
    t->cfg = cfg;
    t->fd = -1;
    t->clock_unset = now < (int64_t)IOTHUNT_BUILD_TIME;
    mbedtls_ssl_config_init(&t->conf);
    mbedtls_x509_crt_init(&t->ca);
    mbedtls_x509_crt_init(&t->own);
    mbedtls_pk_init(&t->key);
    mbedtls_ssl_session_init(&t->session);
    mbedtls_ssl_init(&t->ssl);
    if (psa_crypto_init() != PSA_SUCCESS) {
        util_diag("iothunt", 0, "crypto initialisation failed");
        rc = IH_EIO;
        goto out;
    }
    rc = tp_load_crt(&t->ca, cfg->ca);
    if (rc == IH_OK) {
        rc = tp_load_crt(&t->own, cfg->cert);
    }
    if (rc == IH_OK) {
        rc = tp_load_key(t, cfg->key);
    }
    if (rc != IH_OK) {
        goto out;
    }
    r = mbedtls_pk_check_pair(&t->own.pk, &t->key, tp_rng, NULL);
    if (r != 0) {
        util_diag(cfg->key, 0, "private key does not match the certificate %s", cfg->cert);
        rc = IH_EAUTH;
        goto out;
    }
    r = mbedtls_ssl_config_defaults(&t->conf, MBEDTLS_SSL_IS_CLIENT, MBEDTLS_SSL_TRANSPORT_STREAM,
                                    MBEDTLS_SSL_PRESET_DEFAULT);
    if (r == 0) {
        r = mbedtls_ssl_conf_own_cert(&t->conf, &t->own, &t->key);
    }
    if (r != 0) {
        util_diag("iothunt", 0, "TLS configuration failed (mbedtls -0x%04x)", (unsigned)-r);
        rc = IH_EIO;
        goto out;
    }
    mbedtls_ssl_conf_rng(&t->conf, tp_rng, NULL);
    mbedtls_ssl_conf_authmode(&t->conf, MBEDTLS_SSL_VERIFY_REQUIRED);
    mbedtls_ssl_conf_ca_chain(&t->conf, &t->ca, NULL);
    mbedtls_ssl_conf_verify(&t->conf, tp_verify, t);
    mbedtls_ssl_conf_min_tls_version(&t->conf, MBEDTLS_SSL_VERSION_TLS1_3);
    mbedtls_ssl_conf_max_tls_version(&t->conf, MBEDTLS_SSL_VERSION_TLS1_3);
    mbedtls_ssl_conf_session_tickets(&t->conf, MBEDTLS_SSL_SESSION_TICKETS_ENABLED);
    mbedtls_ssl_conf_tls13_enable_signal_new_session_tickets(
        &t->conf, MBEDTLS_SSL_TLS1_3_SIGNAL_NEW_SESSION_TICKETS_ENABLED);
    rc = IH_OK;
out:
    if (rc != IH_OK) {
        transport_free(t);
    }
    return rc;
}

void transport_disconnect(struct transport *t)
{
    if (t->fd >= 0 && t->ssl_ready) {
        int64_t deadline = util_now_ms() + 1000;
        int r;

        /* best effort, one second at most */
        do {
            r = mbedtls_ssl_close_notify(&t->ssl);
        } while (r == MBEDTLS_ERR_SSL_WANT_WRITE && tp_wait(t, 1, deadline) == IH_OK);
    }
    if (t->fd >= 0) {
        close(t->fd);
        t->fd = -1;
    }
    if (t->ssl_ready) {
        mbedtls_ssl_free(&t->ssl);
        mbedtls_ssl_init(&t->ssl);
        t->ssl_ready = 0;
    }
}

void transport_free(struct transport *t)
{
    transport_disconnect(t);
    mbedtls_ssl_free(&t->ssl);
    mbedtls_ssl_session_free(&t->session);
    mbedtls_pk_free(&t->key);
    mbedtls_x509_crt_free(&t->own);
    mbedtls_x509_crt_free(&t->ca);
    mbedtls_ssl_config_free(&t->conf);
    mbedtls_psa_crypto_free();
}

/* Keep the session (ticket) of the live connection for the next one. */
static void tp_save_session(struct transport *t)
{
    mbedtls_ssl_session_free(&t->session);
    mbedtls_ssl_session_init(&t->session);
    t->have_session = mbedtls_ssl_get_session(&t->ssl, &t->session) == 0;
}

static int tp_tcp_connect(struct transport *t, int64_t deadline)
{
    struct resolve_addr a[4];
    char why[64];
    int i, n, rc = IH_ENET;

    n = resolve_name(t->cfg->host, AF_UNSPEC, deadline, a, 4, why, sizeof why);
    if (n < 0) {
        (void)util_fmt(t->last_error, sizeof t->last_error, "resolve %s: %s", t->cfg->host, why);
        return IH_ENET;
    }
    for (i = 0; i < n; i++) {
        struct sockaddr_storage ss;
        socklen_t sl = resolve_sockaddr(&a[i], t->cfg->port, &ss);
        int err = 0;
        socklen_t el = sizeof err;

        t->fd = socket(a[i].family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (t->fd < 0) {
            continue;
        }
        /* getsockopt as a system call: musl's adds only a time64 fallback
         * for SOL_SOCKET timeouts */
        if (connect(t->fd, (const struct sockaddr *)&ss, sl) == 0 ||
            (errno == EINPROGRESS && tp_wait(t, 1, deadline) == IH_OK &&
             syscall(SYS_getsockopt, t->fd, SOL_SOCKET, SO_ERROR, &err, &el) == 0 && err == 0)) {
            rc = IH_OK;
            break;
        }
        (void)util_fmt(t->last_error, sizeof t->last_error, "connect %s:%u: %s", t->cfg->host,
                       (unsigned)t->cfg->port,
                       err ? util_errno_text(err)
                           : (util_now_ms() >= deadline ? "timed out" : util_errno_text(errno)));
        close(t->fd);
        t->fd = -1;
    }
    return rc;
}

void transport_verify_text(uint32_t flags, char *buf, size_t cap)
{
    /* the reasons a pinned-CA client can meet; mbedtls's own table is long */
    static const struct {
        uint32_t flag;
        const char *text;
    } why[] = {
        { MBEDTLS_X509_BADCERT_NOT_TRUSTED, "not signed by the pinned CA" },
        { MBEDTLS_X509_BADCERT_CN_MISMATCH, "name does not match" },
        { MBEDTLS_X509_BADCERT_EXPIRED, "expired" },
        { MBEDTLS_X509_BADCERT_FUTURE, "not valid yet" },
        { MBEDTLS_X509_BADCERT_KEY_USAGE | MBEDTLS_X509_BADCERT_EXT_KEY_USAGE |
          MBEDTLS_X509_BADCERT_NS_CERT_TYPE, "key usage does not allow it" },
        { MBEDTLS_X509_BADCERT_BAD_MD | MBEDTLS_X509_BADCERT_BAD_PK |
          MBEDTLS_X509_BADCERT_BAD_KEY, "unacceptable signature or key" },
        { MBEDTLS_X509_BADCERT_REVOKED, "revoked" },
    };
    size_t i, len = 0;

    buf[0] = '\0';
    for (i = 0; i < sizeof why / sizeof why[0] && len < cap; i++) {
        if (flags & why[i].flag) {
            (void)util_fmt(buf + len, cap - len, "%s%s", len ? "; " : "", why[i].text);
            len += strlen(buf + len);
        }
    }
    if (!len) {
        (void)util_fmt(buf, cap, "verification failed (flags 0x%x)", (unsigned)flags);
    }
}

int transport_connect(struct transport *t)
{
    const char *name = t->cfg->server_name[0] ? t->cfg->server_name : t->cfg->host;
    int64_t deadline = util_now_ms() + (int64_t)t->cfg->timeout * 1000;
    int r, rc;

    transport_disconnect(t);
    t->verify_flags = 0;
    t->last_error[0] = '\0';
    /* the clock of this handshake: NTP may have set it since start-up,
     * or an RTC-less router may have lost it */
    t->clock_unset = (int64_t)time(NULL) < (int64_t)IOTHUNT_BUILD_TIME;
    rc = tp_tcp_connect(t, deadline);
    if (rc != IH_OK) {
        return rc;
    }
    t->st.connects++;
    r = mbedtls_ssl_setup(&t->ssl, &t->conf);
    if (r == 0) {
        t->ssl_ready = 1;
        r = mbedtls_ssl_set_hostname(&t->ssl, name);
    }
    if (r == 0 && t->have_session) {
        /* a stale or refused ticket just means a full handshake */
        (void)mbedtls_ssl_set_session(&t->ssl, &t->session);
    }
    if (r != 0) {
        tp_error(t, "TLS setup", r);
        transport_disconnect(t);
        return IH_ENET;
    }
    mbedtls_ssl_set_bio(&t->ssl, &t->fd, tp_send, tp_recv, NULL);
    deadline = util_now_ms() + (int64_t)t->cfg->timeout * 1000;
    t->verified = 0;
    for (;;) {
        r = mbedtls_ssl_handshake(&t->ssl);
        if (r == 0) {
            break;
        }
        if (r == MBEDTLS_ERR_SSL_WANT_READ || r == MBEDTLS_ERR_SSL_WANT_WRITE) {
            if (tp_wait(t, r == MBEDTLS_ERR_SSL_WANT_WRITE, deadline) != IH_OK) {
                tp_error(t, "TLS handshake timed out", 0);
                transport_disconnect(t);
                return IH_ENET;
            }
            continue;
        }
        if (r == MBEDTLS_ERR_SSL_RECEIVED_NEW_SESSION_TICKET) {
            tp_save_session(t);
            continue;
        }
        t->verify_flags = mbedtls_ssl_get_verify_result(&t->ssl);
        if (r == MBEDTLS_ERR_X509_CERT_VERIFY_FAILED) {
            char why[96];

            transport_verify_text(t->verify_flags, why, sizeof why);
            (void)util_fmt(t->last_error, sizeof t->last_error,
                           "collector certificate refused: %s", why);
            transport_disconnect(t);
            /* a refused collector is not retried with the same ticket */
            mbedtls_ssl_session_free(&t->session);
            mbedtls_ssl_session_init(&t->session);
            t->have_session = 0;
            return IH_EAUTH;
        }
        /* the client offers TLS 1.3, ChaCha20-Poly1305 and P-256 only: a
         * collector without them answers the ClientHello with an alert */
        tp_error(t, r == MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE
                        ? "TLS handshake refused by the collector (TLS 1.3 with ChaCha20-Poly1305 "
                          "and P-256 required)"
                        : "TLS handshake", r);
        transport_disconnect(t);
        return IH_ENET;
    }
    if (t->verified) {
        t->st.handshakes++;
    } else {
        t->st.resumed++;
    }
    return IH_OK;
}

static int tp_write(struct transport *t, const unsigned char *buf, size_t len, int64_t deadline)
{
    while (len > 0) {
        int r = mbedtls_ssl_write(&t->ssl, buf, len);

        if (r > 0) {
            buf += r;
            len -= (size_t)r;
            continue;
        }
        if ((r == MBEDTLS_ERR_SSL_WANT_WRITE || r == MBEDTLS_ERR_SSL_WANT_READ) &&
            tp_wait(t, r == MBEDTLS_ERR_SSL_WANT_WRITE, deadline) == IH_OK) {
            continue;
        }
        if (r == MBEDTLS_ERR_SSL_RECEIVED_NEW_SESSION_TICKET) {
            tp_save_session(t);
            continue;
        }
        tp_error(t, r == MBEDTLS_ERR_SSL_WANT_WRITE || r == MBEDTLS_ERR_SSL_WANT_READ
                        ? "write timed out" : "write", r);
        return IH_ENET;
    }
    return IH_OK;
}

/* The two-pass batch: plan (count, bytes, last seq), then send. */
struct tp_batch {
    struct transport *t;
    size_t cap_bytes;
    unsigned long cap_lines;
    unsigned long lines;
    size_t bytes;
    uint64_t first, last;
    /* sending */
    unsigned char out[TP_OUT_BUF];
    size_t out_len;
    size_t sent;
    int64_t deadline;
    int write_failed;               /* the request could not be sent whole */
    int rc;
};

static int tp_plan_visit(void *ctx, uint64_t seq, const char *line, size_t len)
{
    struct tp_batch *b = ctx;

    (void)line;
    if (b->lines > 0 && (b->bytes + len + 1 > b->cap_bytes || b->lines >= b->cap_lines)) {
        return 1;
    }
    if (b->lines == 0) {
        b->first = seq;
    }
    b->lines++;
    b->bytes += len + 1;
    b->last = seq;
    return 0;
}

static int tp_flush(struct tp_batch *b)
{
    int rc = tp_write(b->t, b->out, b->out_len, b->deadline);

    b->sent += b->out_len;
    b->out_len = 0;
    return rc;
}

static int tp_put(struct tp_batch *b, const char *p, size_t n)
{
    while (n > 0) {
        size_t k = sizeof b->out - b->out_len;
        int rc;

        if (k > n) {
            k = n;
        }
        memcpy(b->out + b->out_len, p, k);
        b->out_len += k;
        p += k;
        n -= k;
        if (b->out_len == sizeof b->out) {
            rc = tp_flush(b);
            if (rc != IH_OK) {
                return rc;
            }
        }
    }
    return IH_OK;
}

static int tp_send_visit(void *ctx, uint64_t seq, const char *line, size_t len)
{
    struct tp_batch *b = ctx;
    int rc;

    if (seq > b->last) {
        return 1;
    }
    rc = tp_put(b, line, len);
    if (rc == IH_OK) {
        rc = tp_put(b, "\n", 1);
    }
    return rc;
}

/* Read one response into R (bounded by HTTPC_RESP_MAX and the deadline). */
static int tp_read_response(struct transport *t, struct httpc_response *r, int64_t deadline)
{
    char *buf = malloc(HTTPC_RESP_MAX);
    size_t len = 0;
    int rc = IH_ENET, eof = 0;

    if (!buf) {
        return IH_ENOMEM;
    }
    for (;;) {
        int n;

        rc = httpc_parse_response(buf, len, eof, r);
        if (rc != IH_OK) {
            (void)util_fmt(t->last_error, sizeof t->last_error,
                           "malformed HTTP response from the collector (%s)", util_strerror(rc));
            rc = IH_ENET;
            break;
        }
        if (r->complete) {
            break;
        }
        if (eof) {
            tp_error(t, "connection closed before the response", 0);
            rc = IH_ENET;
            break;
        }
        n = mbedtls_ssl_read(&t->ssl, (unsigned char *)buf + len, HTTPC_RESP_MAX - len);
        if (n > 0) {
            len += (size_t)n;
            continue;
        }
        if (n == 0 || n == MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY) {
            eof = 1;
            continue;
        }
        if (n == MBEDTLS_ERR_SSL_RECEIVED_NEW_SESSION_TICKET) {
            tp_save_session(t);
            continue;
        }
        if ((n == MBEDTLS_ERR_SSL_WANT_READ || n == MBEDTLS_ERR_SSL_WANT_WRITE) &&
            tp_wait(t, n == MBEDTLS_ERR_SSL_WANT_WRITE, deadline) == IH_OK) {
            continue;
        }
        tp_error(t, n == MBEDTLS_ERR_SSL_WANT_READ ? "response timed out" : "read", n);
        rc = IH_ENET;
        break;
    }
    free(buf);
    return rc;
}

/*
 * One POST of the lines planned in B.  Fills *RESP.  IH_OK when a complete
 * response came back (whatever its status).
 */
static int tp_post(struct transport *t, struct spool *s, struct tp_batch *b,
                   struct httpc_response *resp)
{
    char head[512];
    size_t hl;
    int rc;

    rc = httpc_format_post(head, sizeof head, t->cfg->host, t->cfg->port, b->bytes, &hl);
    if (rc != IH_OK) {
        tp_error(t, "request head too long", 0);
        return IH_ENET;
    }
    b->deadline = util_now_ms() + (int64_t)t->cfg->timeout * 1000;
    b->out_len = 0;
    b->sent = 0;
    rc = tp_put(b, head, hl);
    if (rc == IH_OK) {
        rc = spool_scan(s, b->first - 1, tp_send_visit, b);
    }
    if (rc == IH_OK) {
        rc = tp_flush(b);
    }
    if (rc == IH_OK && b->sent != hl + b->bytes) {
        /* the spool changed between the passes: the length would lie */
        tp_error(t, "spool changed while sending", 0);
        rc = IH_EIO;
    }
    if (rc == IH_ENET) {
        /* a collector refusing the body (413) answers and closes before
         * reading it all: the answer may still be there to read */
        char why[sizeof t->last_error];

        (void)util_strlcpy(why, t->last_error, sizeof why);
        if (tp_read_response(t, resp, util_now_ms() + 2000) == IH_OK) {
            resp->keep_alive = 0;
            return IH_OK;
        }
        (void)util_strlcpy(t->last_error, why, sizeof t->last_error);
        b->write_failed = 1;
    }
    if (rc != IH_OK) {
        return rc;
    }
    return tp_read_response(t, resp, util_now_ms() + (int64_t)t->cfg->timeout * 1000);
}

uint32_t transport_backoff_next(struct transport *t)
{
    uint32_t base, span;

    base = t->backoff ? t->backoff * 2 : TP_BACKOFF_MIN;
    if (base > t->cfg->backoff_max) {
        base = t->cfg->backoff_max;
    }
    t->backoff = base;
    /* +-25%: base - span/2 + random % (span + 1) */
    span = base / 2;
    return base - span / 2 + (span ? util_random_u32() % (span + 1) : 0);
}

int transport_deliver(struct transport *t, struct spool *s)
{
    static struct httpc_response resp;  /* 4 KiB body: keep it off the stack */
    unsigned long cap_lines = (unsigned long)-1;
    unsigned long on_conn = 0;          /* requests sent on this connection */
    unsigned halvings = 0;              /* batch halvings after failed sends */
    int rc = IH_OK;

    while (s->lines > 0) {
        struct tp_batch *b;
        uint64_t acked;

        if (t->stop && *t->stop) {
            rc = IH_ENET;
            tp_error(t, "stopped", 0);
            break;
        }
        b = calloc(1, sizeof *b);
        if (!b) {
            rc = IH_ENOMEM;
            break;
        }
        b->t = t;
        b->cap_bytes = t->cfg->batch_max_bytes;
        b->cap_lines = cap_lines;
        rc = spool_scan(s, 0, tp_plan_visit, b);
        if (rc != IH_OK || b->lines == 0) {
            free(b);
            rc = rc != IH_OK ? IH_EIO : IH_OK;
            break;
        }
        if (t->fd < 0) {
            rc = transport_connect(t);
            on_conn = 0;
            if (rc != IH_OK) {
                free(b);
                break;
            }
        }
        rc = tp_post(t, s, b, &resp);
        if (rc == IH_ENET && on_conn > 0) {
            /* the collector may have closed an idle kept-alive connection */
            transport_disconnect(t);
            rc = transport_connect(t);
            on_conn = 0;
            if (rc == IH_OK) {
                rc = tp_post(t, s, b, &resp);
            }
        }
        on_conn++;
        if (rc == IH_ENET && b->write_failed && b->lines > 1 && halvings < 32) {
            /* a collector refusing an oversized body may reset the
             * connection before its 413 can be read: resend smaller */
            halvings++;
            cap_lines = b->lines / 2;
            free(b);
            transport_disconnect(t);
            continue;
        }
        if (rc != IH_OK) {
            free(b);
            transport_disconnect(t);
            break;
        }
        t->last_status = resp.status;
        if (!resp.keep_alive) {
            transport_disconnect(t);
        }
        if (resp.status == 200) {
            if (httpc_parse_acked(resp.body, resp.body_len, &acked) != IH_OK) {
                tp_error(t, "200 without a valid {\"acked\": N} body", 0);
                free(b);
                rc = IH_ENET;
                break;
            }
            if (acked < b->last) {
                /* not committed: never loop on a collector that does not store */
                (void)util_fmt(t->last_error, sizeof t->last_error,
                               "collector acknowledged %llu, short of %llu",
                               (unsigned long long)acked, (unsigned long long)b->last);
                if (acked >= b->first) {
                    (void)spool_ack(s, acked);
                }
                free(b);
                rc = IH_ENET;
                break;
            }
            {
                unsigned long before = s->lines;

                /* delete what this batch carried; an ack beyond even our
                 * next seq means our sequence went backwards: spool_ack
                 * then moves it past the collector's */
                rc = spool_ack(s, acked > b->last && acked < s->next_seq ? b->last : acked);
                t->st.lines_acked += before - s->lines;
            }
            t->st.batches++;
            t->backoff = 0;
            halvings = 0;
            cap_lines = (unsigned long)-1;
            free(b);
            if (rc != IH_OK) {
                break;
            }
            continue;
        }
        if ((resp.status == 400 || resp.status == 413) && b->lines > 1) {
            /* find the line at fault by halving, then drop only it */
            cap_lines = b->lines / 2;
            free(b);
            continue;
        }
        if (resp.status == 400 || resp.status == 413) {
            util_diag("collector", 0, "refused seq %llu with %d: %.200s; dropped",
                      (unsigned long long)b->first, resp.status, resp.body);
            t->st.rejected++;
            t->st.lines_rejected += b->lines;
            rc = spool_ack(s, b->last);
            cap_lines = (unsigned long)-1;
            free(b);
            if (rc != IH_OK) {
                break;
            }
            continue;
        }
        /* 5xx, 401/403/404/415/429 ...: the collector (or its set-up) is at
         * fault, not the findings: keep them and retry later */
        (void)util_fmt(t->last_error, sizeof t->last_error, "collector answered %d: %.100s",
                       resp.status, resp.body);
        free(b);
        transport_disconnect(t);
        rc = IH_ENET;
        break;
    }
    if (rc != IH_OK) {
        t->st.failures++;
    }
    return rc;
}

int transport_own_cn(const struct transport *t, char *buf, size_t cap)
{
    const mbedtls_x509_name *n;

    for (n = &t->own.subject; n; n = n->next) {
        if (MBEDTLS_OID_CMP(MBEDTLS_OID_AT_CN, &n->oid) == 0) {
            if (n->val.len >= cap) {
                return IH_ETRUNC;
            }
            memcpy(buf, n->val.p, n->val.len);
            buf[n->val.len] = '\0';
            return IH_OK;
        }
    }
    return IH_ENOENT;
}

int transport_health(struct transport *t, int *status, char *agent, size_t agent_cap)
{
    static struct httpc_response resp;
    char head[256];
    int rc;

    rc = util_fmt(head, sizeof head, "GET /v1/health HTTP/1.1\r\nHost: %s\r\n"
                  "User-Agent: iothunt/" IOTHUNT_VERSION "\r\n\r\n", t->cfg->host);
    if (rc != IH_OK) {
        return rc;
    }
    rc = tp_write(t, (const unsigned char *)head, strlen(head),
                  util_now_ms() + (int64_t)t->cfg->timeout * 1000);
    if (rc == IH_OK) {
        rc = tp_read_response(t, &resp, util_now_ms() + (int64_t)t->cfg->timeout * 1000);
    }
    if (rc != IH_OK) {
        return rc;
    }
    *status = resp.status;
    (void)util_strlcpy(agent, resp.body, agent_cap);
    return IH_OK;
}

int transport_exchange(struct transport *t, const char *head, char *buf, size_t cap, size_t *len,
                       int (*done)(const char *buf, size_t len))
{
    int64_t deadline = util_now_ms() + (int64_t)t->cfg->timeout * 1000;
    int rc = tp_write(t, (const unsigned char *)head, strlen(head), deadline);

    *len = 0;
    while (rc == IH_OK && !done(buf, *len)) {
        int n;

        if (*len == cap) {
            return IH_ETOOBIG;
        }
        n = mbedtls_ssl_read(&t->ssl, (unsigned char *)buf + *len, cap - *len);
        if (n > 0) {
            *len += (size_t)n;
        } else if (n == MBEDTLS_ERR_SSL_RECEIVED_NEW_SESSION_TICKET) {
            tp_save_session(t);
        } else if ((n != MBEDTLS_ERR_SSL_WANT_READ && n != MBEDTLS_ERR_SSL_WANT_WRITE) ||
                   tp_wait(t, n == MBEDTLS_ERR_SSL_WANT_WRITE, deadline) != IH_OK) {
            tp_error(t, "read", n);
            rc = IH_ENET;
        }
    }
    return rc;
}

int transport_check_own(struct transport *t, uint32_t *flags)
{
    int r = mbedtls_x509_crt_verify(&t->own, &t->ca, NULL, NULL, flags, tp_verify, t);

    return r == 0 ? IH_OK : IH_EAUTH;
}

/* Mbed TLS's clock for certificate validity (MBEDTLS_PLATFORM_GMTIME_R_ALT). */
struct tm *mbedtls_platform_gmtime_r(const mbedtls_time_t *tt, struct tm *tm_buf)
{
    return util_utc_tm((int64_t)*tt, tm_buf) == IH_OK ? tm_buf : NULL;
}
