/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * bundle_serve.h - GET /v1/bundle: the signed intel bundle for the agents,
 * with an ETag so an unchanged bundle costs a 304 and no transfer.
 */
#ifndef IOTHUNT_COLLECTOR_BUNDLE_SERVE_H
#define IOTHUNT_COLLECTOR_BUNDLE_SERVE_H

#include <microhttpd.h>

#define BUNDLE_SERVE_MAX (16u << 20)

/*
 * Answer GET /v1/bundle for AGENT from PATH (NULL: no bundle configured).
 * A group bundle "PATH.d/AGENT.bundle" wins over PATH when it exists.
 * 200 with the bytes and ETag "<sha256 prefix>", 304 when If-None-Match
 * names that ETag, 404 when there is no bundle.  The bytes are served as
 * they are: the agents check the signature, the collector need not hold
 * the signing key.
 */
enum MHD_Result bundle_serve(struct MHD_Connection *conn, const char *path, const char *agent);

#endif
