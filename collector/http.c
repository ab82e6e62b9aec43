/* SPDX-License-Identifier: BSD-2-Clause */
#include "http.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <gnutls/gnutls.h>
#include <microhttpd.h>

#include "auth.h"
#include "bundle_serve.h"
#include "clog.h"
#include "ingest.h"
#include "num.h"

/* Bytes of an oversized chunked body read (and dropped) before a close. */
#define HTTP_DISCARD_FACTOR 4

/* Headers of a request, before any body: generous for HTTP/1.1, small. */
#define HTTP_CONN_MEMORY (16 * 1024)

enum http_route {
	HTTP_ROUTE_FINDINGS = 1,
	HTTP_ROUTE_HEALTH = 2
};

struct http_server {
	struct MHD_Daemon *daemon;
	const struct http_config *cfg;
	struct sockaddr_storage listen;
	gnutls_datum_t ticket_key;
};

struct http_request {
	enum http_route route;
	char agent[INGEST_AGENT_MAX + 1];
	char *body;
	size_t len;
	size_t cap;
	int too_big;
	size_t discarded;
	int64_t started_ms;
};

static int64_t
http_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int64_t
http_wall_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static enum MHD_Result
http_reply_text(struct MHD_Connection *conn, unsigned status, const char *text)
{
	struct MHD_Response *resp;
	enum MHD_Result ret;
	size_t len = strlen(text);
	char *copy;

	/* a private copy: the library frees it with the response */
	copy = malloc(len + 1);
	if (copy == NULL) {
		return MHD_NO;
	}
	memcpy(copy, text, len + 1);
	resp = MHD_create_response_from_buffer(len, copy, MHD_RESPMEM_MUST_FREE);
	if (resp == NULL) {
		free(copy);
		return MHD_NO;
	}
	if (MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE,
	    "application/json") != MHD_YES) {
		MHD_destroy_response(resp);
		return MHD_NO;
	}
	ret = MHD_queue_response(conn, status, resp);
	MHD_destroy_response(resp);
	return ret;
}

/* {"error": msg[, "line": N]} with msg JSON-escaped. */
static enum MHD_Result
http_reply_error(struct MHD_Connection *conn, unsigned status, const char *msg,
    size_t line)
{
	enum MHD_Result ret;
	json_t *obj;
	char *text;

	obj = json_pack("{s:s}", "error", msg);
	if (obj != NULL && line > 0) {
		json_object_set_new(obj, "line", json_integer((json_int_t)line));
	}
	text = obj != NULL ? json_dumps(obj, JSON_COMPACT) : NULL;
	json_decref(obj);
	if (text == NULL) {
		return http_reply_text(conn, status, "{\"error\":\"internal\"}");
	}
	ret = http_reply_text(conn, status, text);
	free(text);
	return ret;
}

/* media-type = "application/x-ndjson" [ *SP ";" parameters ], any case */
static int
http_check_content_type(const char *ct)
{
	static const char want[] = "application/x-ndjson";
	size_t n = sizeof(want) - 1;

	if (ct == NULL || strncasecmp(ct, want, n) != 0) {
		return 0;
	}
	ct += n;
	while (*ct == ' ' || *ct == '\t') {
		ct++;
	}
	return *ct == '\0' || *ct == ';';
}

/* First call for a request: authenticate, route, check the headers. */
static enum MHD_Result
http_begin_request(struct http_server *srv, struct MHD_Connection *conn,
    const char *url, const char *method, struct http_request *req)
{
	const union MHD_ConnectionInfo *info;
	const char *cl;
	uint64_t length;

	info = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_GNUTLS_SESSION);
	if (info == NULL || auth_get_peer_cn((gnutls_session_t)info->tls_session,
	    req->agent, sizeof(req->agent)) != 0) {
		clog_write(CLOG_WARN, "http: connection without a valid client "
		    "certificate closed");
		return MHD_NO;
	}
	if (strcmp(url, "/v1/health") == 0) {
		if (strcmp(method, MHD_HTTP_METHOD_GET) != 0) {
			return http_reply_error(conn, MHD_HTTP_METHOD_NOT_ALLOWED,
			    "use GET", 0);
		}
		req->route = HTTP_ROUTE_HEALTH;
		return MHD_YES;
	}
	if (strcmp(url, "/v1/bundle") == 0) {
		if (strcmp(method, MHD_HTTP_METHOD_GET) != 0) {
			return http_reply_error(conn, MHD_HTTP_METHOD_NOT_ALLOWED,
			    "use GET", 0);
		}
		return bundle_serve(conn, srv->cfg->bundle_path, req->agent);
	}
	if (strcmp(url, "/v1/findings") != 0) {
		return http_reply_error(conn, MHD_HTTP_NOT_FOUND, "no such resource", 0);
	}
	if (strcmp(method, MHD_HTTP_METHOD_POST) != 0) {
		return http_reply_error(conn, MHD_HTTP_METHOD_NOT_ALLOWED,
		    "use POST", 0);
	}
	if (!http_check_content_type(MHD_lookup_connection_value(conn,
	    MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE))) {
		return http_reply_error(conn, MHD_HTTP_UNSUPPORTED_MEDIA_TYPE,
		    "Content-Type must be application/x-ndjson", 0);
	}
	cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_CONTENT_LENGTH);
	if (cl != NULL) {
		if (num_parse_str_u64(cl, UINT64_MAX, &length) != 0) {
			return http_reply_error(conn, MHD_HTTP_BAD_REQUEST,
			    "bad Content-Length", 0);
		}
		if (length > srv->cfg->max_body) {
			clog_write(CLOG_WARN, "http: %s: body of %llu bytes refused "
			    "(limit %zu)", req->agent, (unsigned long long)length,
			    srv->cfg->max_body);
			return http_reply_error(conn, MHD_HTTP_CONTENT_TOO_LARGE,
			    "body too large", 0);
		}
	}
	req->route = HTTP_ROUTE_FINDINGS;
	return MHD_YES;
}

static int
http_append_body(struct http_server *srv, struct http_request *req,
    const char *data, size_t size)
{
	size_t cap;
	char *p;

	if (req->too_big || size > srv->cfg->max_body - req->len) {
		req->too_big = 1;
		free(req->body);
		req->body = NULL;
		req->len = 0;
		req->cap = 0;
		return -E2BIG;
	}
	if (req->len + size > req->cap) {
		cap = req->cap == 0 ? 4096 : req->cap;
		while (cap < req->len + size) {
			cap *= 2;
		}
		if (cap > srv->cfg->max_body) {
			cap = srv->cfg->max_body;
		}
		p = realloc(req->body, cap);
		if (p == NULL) {
			return -ENOMEM;
		}
		req->body = p;
		req->cap = cap;
	}
	memcpy(req->body + req->len, data, size);
	req->len += size;
	return 0;
}

/* The whole body is in: validate, store, acknowledge, forward. */
static enum MHD_Result
http_finish_findings(struct http_server *srv, struct MHD_Connection *conn,
    struct http_request *req)
{
	const struct http_config *cfg = srv->cfg;
	struct ingest_batch batch = { NULL, 0, 0 };
	struct ingest_error err;
	enum MHD_Result ret;
	int64_t rt_ms = http_wall_ms();
	int64_t received = rt_ms / 1000;
	int64_t acked = 0;
	size_t stored = 0;
	size_t i;
	char text[48];
	int n;

	if (req->too_big) {
		clog_write(CLOG_WARN, "http: %s: chunked body over %zu bytes refused",
		    req->agent, cfg->max_body);
		return http_reply_error(conn, MHD_HTTP_CONTENT_TOO_LARGE,
		    "body too large", 0);
	}
	if (ingest_parse_batch(req->body, req->len, &batch, &err) != 0) {
		clog_write(CLOG_WARN, "http: %s: batch refused: %s", req->agent, err.msg);
		return http_reply_error(conn, MHD_HTTP_BAD_REQUEST, err.msg, err.line);
	}
	if (ingest_stamp_batch(&batch, req->agent, received) != 0 ||
	    ingest_stamp_version(&batch, MHD_lookup_connection_value(conn,
	    MHD_HEADER_KIND, MHD_HTTP_HEADER_USER_AGENT)) != 0) {
		ret = http_reply_error(conn, MHD_HTTP_INTERNAL_SERVER_ERROR,
		    "out of memory", 0);
		goto out;
	}
	if (cfg->backend->put_batch(cfg->store, req->agent, &batch, received,
	    &acked) != 0) {
		ret = http_reply_error(conn, MHD_HTTP_SERVICE_UNAVAILABLE,
		    "store unavailable, retry later", 0);
		goto out;
	}
	n = snprintf(text, sizeof(text), "{\"acked\":%lld}", (long long)acked);
	if (n < 0 || (size_t)n >= sizeof(text)) {
		ret = MHD_NO;
		goto out;
	}
	ret = http_reply_text(conn, MHD_HTTP_OK, text);
	for (i = 0; i < batch.count; i++) {
		if (batch.items[i].inserted) {
			stored++;
			forward_send_finding(cfg->fw, batch.items[i].obj, req->agent, rt_ms);
		}
	}
	clog_write(CLOG_DEBUG, "http: %s: %zu findings, %zu new, acked %lld",
	    req->agent, batch.count, stored, (long long)acked);
out:
	ingest_free_batch(&batch);
	return ret;
}

static enum MHD_Result
http_handle_request(void *cls, struct MHD_Connection *conn, const char *url,
    const char *method, const char *version, const char *upload_data,
    size_t *upload_data_size, void **req_cls)
{
	struct http_server *srv = cls;
	struct http_request *req = *req_cls;
	char text[96];
	int n;

	(void)version;
	if (req == NULL) {
		req = calloc(1, sizeof(*req));
		if (req == NULL) {
			return MHD_NO;
		}
		req->started_ms = http_now_ms();
		*req_cls = req;
		return http_begin_request(srv, conn, url, method, req);
	}
	if (*upload_data_size > 0) {
		if (http_now_ms() - req->started_ms >
		    (int64_t)srv->cfg->request_timeout * 1000) {
			clog_write(CLOG_WARN, "http: %s: request too slow, closed",
			    req->agent);
			return MHD_NO;
		}
		if (req->route != HTTP_ROUTE_FINDINGS) {
			*upload_data_size = 0;
			return MHD_YES;
		}
		if (http_append_body(srv, req, upload_data, *upload_data_size) != 0) {
			if (!req->too_big) {
				return MHD_NO;
			}
			/* a body without Content-Length grew past the limit: read
			 * and drop the rest to answer 413, but not forever */
			req->discarded += *upload_data_size;
			if (req->discarded > HTTP_DISCARD_FACTOR * srv->cfg->max_body) {
				clog_write(CLOG_WARN, "http: %s: oversized chunked body, "
				    "closed", req->agent);
				return MHD_NO;
			}
		}
		*upload_data_size = 0;
		return MHD_YES;
	}
	if (req->route == HTTP_ROUTE_HEALTH) {
		n = snprintf(text, sizeof(text), "{\"agent\":\"%s\"}", req->agent);
		if (n < 0 || (size_t)n >= sizeof(text)) {
			return MHD_NO;
		}
		return http_reply_text(conn, MHD_HTTP_OK, text);
	}
	return http_finish_findings(srv, conn, req);
}

static void
http_complete_request(void *cls, struct MHD_Connection *conn, void **req_cls,
    enum MHD_RequestTerminationCode toe)
{
	struct http_request *req = *req_cls;

	(void)cls;
	(void)conn;
	(void)toe;
	if (req == NULL) {
		return;
	}
	free(req->body);
	free(req);
	*req_cls = NULL;
}

static void
http_notify_connection(void *cls, struct MHD_Connection *conn, void **socket_ctx,
    enum MHD_ConnectionNotificationCode toe)
{
	struct http_server *srv = cls;
	const union MHD_ConnectionInfo *info;
	gnutls_session_t session;

	(void)socket_ctx;
	if (toe != MHD_CONNECTION_NOTIFY_STARTED) {
		return;
	}
	info = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_GNUTLS_SESSION);
	if (info == NULL || info->tls_session == NULL) {
		return;   /* http_begin_request refuses the connection later */
	}
	session = (gnutls_session_t)info->tls_session;
	auth_require_client_cert(session);
	if (srv->ticket_key.data != NULL) {
		gnutls_session_ticket_enable_server(session, &srv->ticket_key);
	}
}

/* The library's messages are rare and about refused or broken connections
 * (a failed TLS handshake among them): worth an operator's eye. */
static void
http_log_library(void *cls, const char *fmt, va_list ap)
{
	char msg[512];
	int n;

	(void)cls;
	n = vsnprintf(msg, sizeof(msg), fmt, ap);
	if (n < 0) {
		return;
	}
	/* a longer message is cut at the buffer, which is fine for a log */
	clog_write(CLOG_INFO, "libmicrohttpd: %s", msg);
}

/*
 * The connection limit is shared out among the pool's threads, so there
 * are never more threads than connections allowed.
 */
static unsigned
http_pool_size(const struct http_config *cfg)
{
	unsigned n = cfg->threads > 1 ? cfg->threads : 1u;

	return n < cfg->max_conns ? n : (cfg->max_conns > 0 ? cfg->max_conns : 1u);
}

int
http_start(const struct http_config *cfg, struct http_server **out)
{
	struct http_server *srv;

	*out = NULL;
	srv = calloc(1, sizeof(*srv));
	if (srv == NULL) {
		return -ENOMEM;
	}
	srv->cfg = cfg;
	srv->listen = cfg->listen;
	/* session tickets let agents resume (a cheaper handshake); the key
	 * lives only in memory, so a restart just costs full handshakes */
	if (gnutls_session_ticket_key_generate(&srv->ticket_key) != 0) {
		srv->ticket_key.data = NULL;
	}
	/* epoll and a thread pool: an idle or half-open connection costs a
	 * descriptor and a little memory, not a thread, so one host holding
	 * many cannot lock devices out (the per-address limit caps it) */
	srv->daemon = MHD_start_daemon(MHD_USE_EPOLL_INTERNAL_THREAD |
	    MHD_USE_TLS | MHD_USE_ERROR_LOG |
	    (cfg->listen.ss_family == AF_INET6 ? MHD_USE_IPv6 : 0),
	    0, NULL, NULL, http_handle_request, srv,
	    MHD_OPTION_EXTERNAL_LOGGER, http_log_library, srv,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&srv->listen,
	    MHD_OPTION_HTTPS_MEM_CERT, cfg->cert_pem,
	    MHD_OPTION_HTTPS_MEM_KEY, cfg->key_pem,
	    MHD_OPTION_HTTPS_MEM_TRUST, cfg->ca_pem,
	    MHD_OPTION_HTTPS_PRIORITIES,
	    "NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2",
	    MHD_OPTION_THREAD_POOL_SIZE, http_pool_size(cfg),
	    MHD_OPTION_CONNECTION_LIMIT, cfg->max_conns,
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, cfg->per_ip,
	    MHD_OPTION_LISTEN_BACKLOG_SIZE, 4096u,
	    MHD_OPTION_CONNECTION_TIMEOUT, cfg->conn_timeout,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)HTTP_CONN_MEMORY,
	    MHD_OPTION_NOTIFY_CONNECTION, http_notify_connection, srv,
	    MHD_OPTION_NOTIFY_COMPLETED, http_complete_request, srv,
	    MHD_OPTION_END);
	if (srv->daemon == NULL) {
		gnutls_free(srv->ticket_key.data);
		free(srv);
		return -EIO;
	}
	*out = srv;
	return 0;
}

unsigned
http_get_port(struct http_server *srv)
{
	const union MHD_DaemonInfo *info;

	info = MHD_get_daemon_info(srv->daemon, MHD_DAEMON_INFO_BIND_PORT);
	if (info == NULL) {
		return 0;
	}
	return info->port;
}

void
http_stop(struct http_server *srv)
{
	if (srv == NULL) {
		return;
	}
	MHD_stop_daemon(srv->daemon);
	if (srv->ticket_key.data != NULL) {
		gnutls_memset(srv->ticket_key.data, 0, srv->ticket_key.size);
		gnutls_free(srv->ticket_key.data);
	}
	free(srv);
}
