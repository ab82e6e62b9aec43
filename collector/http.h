/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef IOTHUNT_COLLECTOR_HTTP_H
#define IOTHUNT_COLLECTOR_HTTP_H

#include <stddef.h>
#include <sys/socket.h>

#include "forward.h"
#include "store.h"

struct http_config {
	struct sockaddr_storage listen;
	socklen_t listen_len;
	const char *cert_pem;     /* server certificate chain, PEM */
	const char *key_pem;      /* its private key, PEM */
	const char *ca_pem;       /* CA(s) that sign agent certificates, PEM */
	size_t max_body;          /* bytes; larger bodies get 413 */
	unsigned max_conns;       /* simultaneous connections */
	unsigned per_ip;          /* of them from one address; 0: no limit */
	unsigned threads;         /* epoll threads serving the connections */
	unsigned conn_timeout;    /* seconds of inactivity before a close */
	unsigned request_timeout; /* seconds from headers to the whole body */
	const struct store_backend *backend;
	struct store *store;
	const struct forward *fw;
	const char *bundle_path;  /* GET /v1/bundle serves it; NULL: 404 */
};

struct http_server;

/*
 * Start the HTTPS server (TLS 1.2+, client certificate required): a pool of
 * cfg->threads threads, each serving its share of the connections with
 * epoll, at most cfg->max_conns connections and cfg->per_ip from one
 * address; a connection idle for cfg->conn_timeout seconds (including one
 * stuck in the TLS handshake or the request head) is closed. Routes:
 *   POST /v1/findings  NDJSON batch -> 200 {"acked":N} after the commit,
 *                      400/413/415 {"error":...} storing nothing,
 *                      503 if the store fails (the agent retries)
 *   GET  /v1/health    200 {"agent":CN} (a reachability check)
 *   GET  /v1/bundle    the signed intel bundle, ETag / If-None-Match -> 304
 *                      (bundle_serve.h)
 * cfg and what it points to must outlive the server. Returns 0 with *out or
 * a negative errno. The bound port is available from http_get_port.
 */
int http_start(const struct http_config *cfg, struct http_server **out);

/* The TCP port the server listens on (useful with port 0). */
unsigned http_get_port(struct http_server *srv);

/*
 * Stop accepting, wait for the pool threads (a batch being committed
 * finishes), free srv. NULL is a no-op.
 */
void http_stop(struct http_server *srv);

#endif
