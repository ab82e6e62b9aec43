/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef IOTHUNT_COLLECTOR_WEB_H
#define IOTHUNT_COLLECTOR_WEB_H

#include <stddef.h>
#include <sys/socket.h>

#include "store.h"
#include "web_auth.h"

/*
 * The fleet view: a read-only HTTPS listener of its own (not the agents'
 * ingest listener) serving server-rendered pages from the store.
 */
struct web_config {
	struct sockaddr_storage listen;
	socklen_t listen_len;
	const char *cert_pem;        /* server certificate chain, PEM */
	const char *key_pem;         /* its private key, PEM */
	const char *operator_ca_pem; /* CA of operator client certificates, PEM;
	                              * NULL: passwords only */
	const struct web_users *users; /* NULL or empty: certificates only */
	const struct store_backend *backend;
	const char *db;              /* the store, opened read-only here */
	unsigned max_conns;
};

struct web_server;

/*
 * Start the fleet view (TLS 1.2+, one thread per connection). Operators
 * authenticate with a client certificate of operator_ca (its CN is the
 * user), or with a password of users and then a session cookie (Secure,
 * HttpOnly, SameSite=Strict, random 256-bit token, held in memory: a
 * restart logs everyone out). At least one of the two must be configured.
 * Routes (GET unless said):
 *   /, /devices.csv              devices (?verdict= &silent=1 &q=)
 *   /device?id=                  one device: chart, scans, findings
 *   /findings, /findings.csv     findings (?kind= &severity= &family=
 *                                &agent= &since= &until= &limit=)
 *   /style.css                   the stylesheet (no login needed)
 *   /login (GET form, POST)      password login, CSRF-checked, rate-limited
 *   POST /logout                 CSRF-checked
 * Every answer carries a strict Content-Security-Policy. cfg and what it
 * points to must outlive the server. Returns 0 with *out or a negative
 * errno.
 */
int web_start(const struct web_config *cfg, struct web_server **out);

/* The TCP port the fleet view listens on (useful with port 0). */
unsigned web_get_port(struct web_server *srv);

/* Stop, wait for the connection threads, free srv. NULL is a no-op. */
void web_stop(struct web_server *srv);

#endif
