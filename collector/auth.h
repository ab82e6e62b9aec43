/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef IOTHUNT_COLLECTOR_AUTH_H
#define IOTHUNT_COLLECTOR_AUTH_H

#include <stddef.h>

#include <gnutls/gnutls.h>

/*
 * Make a fresh server session demand a client certificate and verify it
 * during the handshake against the session's trust list (the --client-ca),
 * for TLS client authentication (extended key usage): a client without a
 * certificate, or with one from another CA, fails the handshake.
 * Call before the handshake. Returns 0 or -EINVAL.
 */
int auth_require_client_cert(gnutls_session_t session);

/*
 * Verify the peer certificate of an established session again and copy its
 * subject CN (the agent id) to cn. The CN must be the only one in the subject
 * and pass ingest_check_agent. Returns 0, or -EACCES with cn = "".
 */
int auth_get_peer_cn(gnutls_session_t session, char *cn, size_t cap);

#endif
