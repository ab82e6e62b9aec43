/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * transport.h - delivery of spooled findings to the collector over HTTPS/1.1
 * with mutual TLS (DESIGN.md section 5, docs/DELIVERY.md).
 *
 * TLS 1.3 only (a 1.2-only collector is refused); the collector is verified against the
 * pinned CA and the configured server name; the device presents its client
 * certificate.  Every step (resolve+connect, handshake, write, read) has
 * its own deadline of cfg->timeout seconds; sockets are non-blocking and
 * waited on with poll().  A session ticket from the collector is kept for
 * the next connection (resumption across daemon cycles).
 *
 * Unset clock: when time(NULL) < IOTHUNT_BUILD_TIME the device clock cannot
 * be right, so the certificate validity period alone is not checked (the
 * chain, signature and name still are); transport->clock_unset says so.
 */
#ifndef IOTHUNT_TRANSPORT_H
#define IOTHUNT_TRANSPORT_H

#include "config.h"
#include "spool.h"

#include <mbedtls/pk.h>
#include <mbedtls/ssl.h>
#include <mbedtls/x509_crt.h>

#include <stdint.h>

struct transport_stats {
    unsigned long connects;         /* TCP connections opened */
    unsigned long handshakes;       /* full TLS handshakes */
    unsigned long resumed;          /* abbreviated (ticket) handshakes */
    unsigned long batches;          /* POSTs answered 200 */
    unsigned long lines_acked;      /* spooled lines deleted after an ack */
    unsigned long rejected;         /* batches refused with a 4xx */
    unsigned long lines_rejected;   /* lines dropped with those batches */
    unsigned long failures;         /* network, TLS or 5xx failures */
};

struct transport {
    const struct config *cfg;
    mbedtls_ssl_config conf;
    mbedtls_x509_crt ca;
    mbedtls_x509_crt own;
    mbedtls_pk_context key;
    mbedtls_ssl_session session;    /* last ticket, for resumption */
    int have_session;
    mbedtls_ssl_context ssl;
    int ssl_ready;                  /* ssl is set up (connected or not) */
    int fd;                         /* -1: no connection */
    int clock_unset;
    int verified;                   /* the verify callback ran (full handshake) */
    uint32_t verify_flags;          /* of the last failed handshake */
    int last_status;                /* HTTP status of the last response */
    char last_error[160];           /* why the last attempt failed */
    uint32_t backoff;               /* seconds to wait before the next try */
    struct transport_stats st;
    volatile int *stop;             /* set by a signal: finish and return */
};

/*
 * Load the CA, the client certificate and key named by CFG (which must
 * outlive T), check that the key matches the certificate, and set up TLS.
 * NOW is the device time (decides clock_unset).  Errors are reported on
 * stderr naming the file.  IH_OK, IH_EIO, IH_EPARSE, IH_EAUTH (key and
 * certificate do not match).  On failure T is freed.
 */
int transport_init(struct transport *t, const struct config *cfg, int64_t now);

/* Close any connection and free everything T holds. */
void transport_free(struct transport *t);

/*
 * Connect and complete the TLS handshake (resuming the saved session when
 * there is one).  IH_OK, IH_ENET (network, timeout, TLS failure) or
 * IH_EAUTH (the collector's certificate was refused); t->last_error and
 * t->verify_flags say why.
 */
int transport_connect(struct transport *t);

/* Close the connection (close_notify first, bounded by the timeout). */
void transport_disconnect(struct transport *t);

/*
 * Send every spooled line to the collector in batches of at most
 * cfg->batch_max_bytes, deleting lines as the collector acknowledges them.
 * One connection is reused for all batches while the collector keeps it.
 * Returns IH_OK when the spool is empty (all acknowledged), IH_ENET or
 * IH_EAUTH when delivery stopped (what remains is kept for later), IH_EIO
 * on a spool error.  A batch answered 4xx is logged and dropped from the
 * spool (retrying cannot make it acceptable; see docs/DELIVERY.md).
 */
int transport_deliver(struct transport *t, struct spool *s);

/*
 * Next wait after a failure: exponential (timeout .. backoff_max) with
 * +-25% jitter from the DRBG; reset to 0 by a success.  Returns seconds.
 */
uint32_t transport_backoff_next(struct transport *t);

/*
 * GET /v1/health on a connected T: proves the collector accepted our
 * client certificate.  *STATUS gets the HTTP status and AGENT (AGENT_CAP
 * bytes) the body ({"agent":"<our CN>"}).  IH_OK when a response came.
 */
int transport_health(struct transport *t, int *status, char *agent, size_t agent_cap);

/*
 * Send the request HEAD on the connected T and read the response into
 * BUF[CAP] until DONE(BUF, LEN) returns non-zero (*LEN: bytes read).
 * IH_OK, IH_ETOOBIG when CAP fills first, IH_ENET (t->last_error says why).
 */
int transport_exchange(struct transport *t, const char *head, char *buf, size_t cap, size_t *len,
                       int (*done)(const char *buf, size_t len));

/*
 * Verify our own certificate against the pinned CA (as the collector
 * will), honouring the unset-clock rule.  IH_OK or IH_EAUTH; *FLAGS gets
 * the Mbed TLS verification flags.
 */
int transport_check_own(struct transport *t, uint32_t *flags);

/* The subject CN of our client certificate (the agent id) into BUF. */
int transport_own_cn(const struct transport *t, char *buf, size_t cap);

/*
 * Say in words why an X.509 verification failed: the mbedtls verify FLAGS
 * as "reason; reason" in BUF of CAP bytes (always NUL-terminated).
 */
void transport_verify_text(uint32_t flags, char *buf, size_t cap);

#endif
