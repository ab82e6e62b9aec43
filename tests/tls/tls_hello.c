/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * tls_hello.c - the smallest program that proves the agent's TLS stack:
 * connect to HOST:PORT, complete a TLS 1.3 handshake (the only version
 * the configuration builds: a server without 1.3 is refused), verify the
 * server against a pinned CA and a server name, optionally present a client certificate, send one line, close.
 *
 *   tls_hello HOST PORT CA.crt SERVER_NAME [CLIENT.crt CLIENT.key] [--resume]
 *
 * Prints "tls_hello: TLSv1.3 TLS1-3-CHACHA20-POLY1305-SHA256" on success, exit 0;
 * any failure prints the step and the Mbed TLS code, exit 1.  With --resume
 * it keeps the session ticket of the first connection, connects a second
 * time with it and appends "resumed" if the server accepted the ticket (no
 * certificate was verified in the second handshake) or "full" if not.
 * Built static
 * for MIPS with the agent's Mbed TLS configuration (no net module: plain
 * sockets, as the agent does), it gives the size floor of the agent's TLS
 * client (build/bench/tls.md).
 */
#include <mbedtls/entropy.h>
#include <mbedtls/error.h>
#include <mbedtls/pk.h>
#include <mbedtls/ssl.h>
#include <mbedtls/x509_crt.h>
#include <psa/crypto.h>

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static int hello_send(void *ctx, const unsigned char *buf, size_t len)
{
    int fd = *(int *)ctx;
    ssize_t r = send(fd, buf, len, MSG_NOSIGNAL);

    if (r < 0) {
        return (errno == EINTR || errno == EAGAIN) ? MBEDTLS_ERR_SSL_WANT_WRITE : -1;
    }
    return (int)r;
}

static int hello_recv(void *ctx, unsigned char *buf, size_t len)
{
    int fd = *(int *)ctx;
    ssize_t r = recv(fd, buf, len, 0);

    if (r < 0) {
        return (errno == EINTR || errno == EAGAIN) ? MBEDTLS_ERR_SSL_WANT_READ : -1;
    }
    return (int)r;
}

/* Certificates verified (the chain, in the current handshake). */
static int hello_vrfy(void *ctx, mbedtls_x509_crt *crt, int depth, uint32_t *flags)
{
    (void)crt;
    (void)depth;
    (void)flags;
    (*(unsigned *)ctx)++;
    return 0;
}

/* Randomness as the agent takes it: the kernel's getrandom(), for TLS and
 * for PSA (MBEDTLS_PSA_CRYPTO_EXTERNAL_RNG). */
static int hello_random(unsigned char *out, size_t n)
{
    while (n > 0) {
        ssize_t r = getrandom(out, n, 0);

        if (r < 0 && errno == EINTR) {
            continue;
        }
        if (r <= 0) {
            return -1;
        }
        out += r;
        n -= (size_t)r;
    }
    return 0;
}

static int hello_rng(void *ctx, unsigned char *out, size_t n)
{
    (void)ctx;
    return hello_random(out, n) == 0 ? 0 : MBEDTLS_ERR_ENTROPY_SOURCE_FAILED;
}

psa_status_t mbedtls_psa_external_get_random(mbedtls_psa_external_random_context_t *ctx,
                                             uint8_t *out, size_t n, size_t *got);
psa_status_t mbedtls_psa_external_get_random(mbedtls_psa_external_random_context_t *ctx,
                                             uint8_t *out, size_t n, size_t *got)
{
    (void)ctx;
    *got = hello_random(out, n) == 0 ? n : 0;
    return *got == n ? PSA_SUCCESS : PSA_ERROR_INSUFFICIENT_ENTROPY;
}

static int hello_fail(const char *step, int code)
{
    fprintf(stderr, "tls_hello: %s failed: -0x%04x\n", step, (unsigned)-code);
    return 1;
}

/* Decimal port 1..65535; 0 if malformed. */
static uint16_t hello_port(const char *s)
{
    unsigned long v = 0;

    if (!*s) {
        return 0;
    }
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || v > 65535) {
            return 0;
        }
        v = v * 10 + (unsigned long)(*s - '0');
    }
    return v > 65535 ? 0 : (uint16_t)v;
}

/* Read the whole of PATH into a NUL-terminated buffer (PEM needs the NUL). */
static int hello_load(const char *path, unsigned char *buf, size_t cap, size_t *len)
{
    FILE *f = fopen(path, "rb");
    size_t n;

    if (!f) {
        return -1;
    }
    n = fread(buf, 1, cap - 1, f);
    fclose(f);
    if (n == cap - 1) {
        return -1;
    }
    buf[n] = '\0';
    *len = n + 1;
    return 0;
}

/* Connect to ADDR, complete the handshake on SSL, send one line.  0 or 1. */
static int hello_run(mbedtls_ssl_context *ssl, const struct sockaddr_in *sa, int *fd, int resume)
{
    struct timeval tv = { 20, 0 };
    unsigned char buf[64];
    uint32_t flags;
    int rc, i;

    *fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (*fd < 0) {
        return hello_fail("socket", -1);
    }
    (void)setsockopt(*fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    (void)setsockopt(*fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    if (connect(*fd, (const struct sockaddr *)sa, sizeof *sa) != 0) {
        return hello_fail("connect", -errno);
    }
    mbedtls_ssl_set_bio(ssl, fd, hello_send, hello_recv, NULL);
    while ((rc = mbedtls_ssl_handshake(ssl)) != 0) {
        if (rc != MBEDTLS_ERR_SSL_WANT_READ && rc != MBEDTLS_ERR_SSL_WANT_WRITE) {
            flags = mbedtls_ssl_get_verify_result(ssl);
            fprintf(stderr, "tls_hello: verify flags 0x%08x\n", (unsigned)flags);
            if (rc == MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE) {
                fputs("tls_hello: server refused the handshake (TLS 1.3 with ChaCha20-Poly1305 "
                      "and P-256 required)\n", stderr);
            }
            return hello_fail("handshake", rc);
        }
    }
    do {
        rc = mbedtls_ssl_write(ssl, (const unsigned char *)"iothunt tls_hello\n", 18);
    } while (rc == MBEDTLS_ERR_SSL_WANT_WRITE || rc == MBEDTLS_ERR_SSL_WANT_READ);
    if (rc < 0) {
        return hello_fail("write", rc);
    }
    /* TLS 1.3 tickets come after the handshake: read until one arrives
     * (at most 3 reads of up to 20 s; EOF or an error means no ticket). */
    if (resume) {
        for (i = 0; i < 3; i++) {
            rc = mbedtls_ssl_read(ssl, buf, sizeof buf);
            if (rc == MBEDTLS_ERR_SSL_RECEIVED_NEW_SESSION_TICKET || rc == 0 ||
                (rc < 0 && rc != MBEDTLS_ERR_SSL_WANT_READ && rc != MBEDTLS_ERR_SSL_WANT_WRITE)) {
                break;
            }
        }
        if (rc != MBEDTLS_ERR_SSL_RECEIVED_NEW_SESSION_TICKET) {
            return hello_fail("read ticket", rc);
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    static unsigned char pem[8192];
    mbedtls_ssl_context ssl;
    mbedtls_ssl_config conf;
    mbedtls_x509_crt ca, own;
    mbedtls_pk_context key;
    mbedtls_ssl_session session;
    struct sockaddr_in sa;
    int fd = -1, rc, status = 1, resume = 0, have_own = 0;
    unsigned verified = 0;
    size_t len;

    for (;;) {
        if (argc > 1 && strcmp(argv[argc - 1], "--resume") == 0) {
            resume = 1;
            argc--;
        } else {
            break;
        }
    }
    if (argc != 5 && argc != 7) {
        fputs("usage: tls_hello HOST PORT CA.crt SERVER_NAME [CLIENT.crt CLIENT.key] "
              "[--resume]\n", stderr);
        return 2;
    }
    mbedtls_ssl_init(&ssl);
    mbedtls_ssl_config_init(&conf);
    mbedtls_x509_crt_init(&ca);
    mbedtls_x509_crt_init(&own);
    mbedtls_pk_init(&key);
    mbedtls_ssl_session_init(&session);

    if (psa_crypto_init() != PSA_SUCCESS) {
        status = hello_fail("psa_crypto_init", -1);
        goto out;
    }
    if (hello_load(argv[3], pem, sizeof pem, &len) != 0) {
        status = hello_fail("read CA", -1);
        goto out;
    }
    rc = mbedtls_x509_crt_parse(&ca, pem, len);
    if (rc != 0) {
        status = hello_fail("parse CA", rc);
        goto out;
    }
    if (argc == 7) {
        if (hello_load(argv[5], pem, sizeof pem, &len) != 0) {
            status = hello_fail("read client cert", -1);
            goto out;
        }
        rc = mbedtls_x509_crt_parse(&own, pem, len);
        if (rc != 0) {
            status = hello_fail("parse client cert", rc);
            goto out;
        }
        if (hello_load(argv[6], pem, sizeof pem, &len) != 0) {
            status = hello_fail("read client key", -1);
            goto out;
        }
        rc = mbedtls_pk_parse_key(&key, pem, len, NULL, 0, hello_rng, NULL);
        if (rc != 0) {
            status = hello_fail("parse client key", rc);
            goto out;
        }
        have_own = 1;
    }
    rc = mbedtls_ssl_config_defaults(&conf, MBEDTLS_SSL_IS_CLIENT, MBEDTLS_SSL_TRANSPORT_STREAM,
                                     MBEDTLS_SSL_PRESET_DEFAULT);
    if (rc != 0) {
        status = hello_fail("config", rc);
        goto out;
    }
    mbedtls_ssl_conf_rng(&conf, hello_rng, NULL);
    mbedtls_ssl_conf_authmode(&conf, MBEDTLS_SSL_VERIFY_REQUIRED);
    mbedtls_ssl_conf_ca_chain(&conf, &ca, NULL);
    mbedtls_ssl_conf_verify(&conf, hello_vrfy, &verified);
    mbedtls_ssl_conf_session_tickets(&conf, MBEDTLS_SSL_SESSION_TICKETS_ENABLED);
    mbedtls_ssl_conf_tls13_enable_signal_new_session_tickets(
        &conf, MBEDTLS_SSL_TLS1_3_SIGNAL_NEW_SESSION_TICKETS_ENABLED);
    mbedtls_ssl_conf_min_tls_version(&conf, MBEDTLS_SSL_VERSION_TLS1_3);
    mbedtls_ssl_conf_max_tls_version(&conf, MBEDTLS_SSL_VERSION_TLS1_3);
    if (have_own) {
        rc = mbedtls_ssl_conf_own_cert(&conf, &own, &key);
        if (rc != 0) {
            status = hello_fail("own cert", rc);
            goto out;
        }
    }
    rc = mbedtls_ssl_setup(&ssl, &conf);
    if (rc != 0) {
        status = hello_fail("ssl setup", rc);
        goto out;
    }
    rc = mbedtls_ssl_set_hostname(&ssl, argv[4]);
    if (rc != 0) {
        status = hello_fail("hostname", rc);
        goto out;
    }

    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons(hello_port(argv[2]));
    if (sa.sin_port == 0) {
        status = hello_fail("port", -1);
        goto out;
    }
    if (inet_pton(AF_INET, argv[1], &sa.sin_addr) != 1) {
        status = hello_fail("address", -1);
        goto out;
    }
    if (hello_run(&ssl, &sa, &fd, resume) != 0) {
        goto out;
    }
    if (resume) {
        rc = mbedtls_ssl_get_session(&ssl, &session);
        if (rc != 0) {
            status = hello_fail("get session", rc);
            goto out;
        }
        (void)mbedtls_ssl_close_notify(&ssl);
        close(fd);
        fd = -1;
        rc = mbedtls_ssl_session_reset(&ssl);
        if (rc == 0) {
            rc = mbedtls_ssl_set_session(&ssl, &session);
        }
        if (rc != 0) {
            status = hello_fail("set session", rc);
            goto out;
        }
        verified = 0;
        if (hello_run(&ssl, &sa, &fd, 0) != 0) {
            goto out;
        }
    }
    printf("tls_hello: %s %s%s\n", mbedtls_ssl_get_version(&ssl), mbedtls_ssl_get_ciphersuite(&ssl),
           !resume ? "" : verified == 0 ? " resumed" : " full");
    (void)mbedtls_ssl_close_notify(&ssl);
    status = 0;
out:
    if (fd >= 0) {
        close(fd);
    }
    mbedtls_ssl_session_free(&session);
    mbedtls_pk_free(&key);
    mbedtls_x509_crt_free(&own);
    mbedtls_x509_crt_free(&ca);
    mbedtls_ssl_free(&ssl);
    mbedtls_ssl_config_free(&conf);
    mbedtls_psa_crypto_free();
    return status;
}

/* Mbed TLS's clock for certificate validity: the agent's configuration
 * (MBEDTLS_PLATFORM_GMTIME_R_ALT) leaves it to the program; the agent uses
 * its own UTC conversion, this probe musl's. */
struct tm *mbedtls_platform_gmtime_r(const mbedtls_time_t *tt, struct tm *tm_buf);
struct tm *mbedtls_platform_gmtime_r(const mbedtls_time_t *tt, struct tm *tm_buf)
{
    time_t t = (time_t)*tt;

    return gmtime_r(&t, tm_buf);
}
