/* SPDX-License-Identifier: BSD-2-Clause */
#include "web.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gnutls/gnutls.h>
#include <microhttpd.h>

#include "auth.h"
#include "clog.h"
#include "web_out.h"
#include "web_page.h"

/* A page may be this big (10,000 devices take about 3 MB). */
#define WEB_PAGE_MAX (64 * 1024 * 1024)
/* Bytes of a login or logout form. */
#define WEB_FORM_MAX 4096
#define WEB_CONN_MEMORY (32 * 1024)
#define WEB_COOKIE_SESSION "iothunt_session"
#define WEB_COOKIE_LOGIN "iothunt_login"

static const char web_csp[] =
    "default-src 'none'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

struct web_server {
	struct MHD_Daemon *daemon;
	const struct web_config *cfg;
	struct sockaddr_storage listen;
	struct store *st;
	struct web_auth *auth;   /* NULL: certificates only */
};

enum web_route {
	WEB_ROUTE_NONE,
	WEB_ROUTE_LOGIN,
	WEB_ROUTE_LOGOUT
};

struct web_request {
	enum web_route route;
	struct MHD_PostProcessor *pp;
	size_t body;
	int too_big;
	char user[WEB_USER_MAX + 1];
	char password[WEB_PASSWORD_MAX + 1];
	char csrf[WEB_TOKEN_LEN + 1];
	int bad_field;
};

static int64_t
web_now(void)
{
	return (int64_t)time(NULL);
}

/* Queue a response with the security headers every answer carries. */
static enum MHD_Result
web_send(struct MHD_Connection *conn, unsigned status, char *text, size_t len,
    const char *type, const char *cookie, const char *location,
    const char *extra_name, const char *extra_value)
{
	struct MHD_Response *resp;
	enum MHD_Result ret;

	resp = MHD_create_response_from_buffer(len, text, MHD_RESPMEM_MUST_FREE);
	if (resp == NULL) {
		free(text);
		return MHD_NO;
	}
	if (MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, type) != MHD_YES ||
	    MHD_add_response_header(resp, "Content-Security-Policy", web_csp) != MHD_YES ||
	    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff") != MHD_YES ||
	    MHD_add_response_header(resp, "X-Frame-Options", "DENY") != MHD_YES ||
	    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer") != MHD_YES ||
	    MHD_add_response_header(resp, "Cross-Origin-Opener-Policy",
	    "same-origin") != MHD_YES ||
	    MHD_add_response_header(resp, "Cache-Control", "no-store") != MHD_YES ||
	    MHD_add_response_header(resp, "Strict-Transport-Security",
	    "max-age=31536000") != MHD_YES ||
	    (cookie != NULL &&
	    MHD_add_response_header(resp, MHD_HTTP_HEADER_SET_COOKIE, cookie) != MHD_YES) ||
	    (location != NULL &&
	    MHD_add_response_header(resp, MHD_HTTP_HEADER_LOCATION, location) != MHD_YES) ||
	    (extra_name != NULL &&
	    MHD_add_response_header(resp, extra_name, extra_value) != MHD_YES)) {
		MHD_destroy_response(resp);
		return MHD_NO;
	}
	ret = MHD_queue_response(conn, status, resp);
	MHD_destroy_response(resp);
	return ret;
}

static enum MHD_Result
web_send_out(struct MHD_Connection *conn, unsigned status, struct web_out *o,
    const char *type, const char *cookie, const char *extra_name,
    const char *extra_value)
{
	char *text;
	size_t len;

	if (web_out_take(o, &text, &len) != 0) {
		return MHD_NO;
	}
	return web_send(conn, status, text, len, type, cookie, NULL, extra_name,
	    extra_value);
}

static enum MHD_Result
web_send_error(struct MHD_Connection *conn, unsigned status, const char *msg)
{
	struct web_out o;

	web_out_init(&o, 16384);
	web_page_error(&o, status, msg);
	return web_send_out(conn, status, &o, "text/html; charset=utf-8", NULL,
	    NULL, NULL);
}

static enum MHD_Result
web_redirect(struct MHD_Connection *conn, const char *location,
    const char *cookie)
{
	char *empty = malloc(1);

	if (empty == NULL) {
		return MHD_NO;
	}
	empty[0] = '\0';
	return web_send(conn, MHD_HTTP_SEE_OTHER, empty, 0,
	    "text/plain; charset=utf-8", cookie, location, NULL, NULL);
}

/* The login form with a fresh login (CSRF) cookie. */
static enum MHD_Result
web_send_login(struct MHD_Connection *conn, unsigned status,
    const char *message, const char *extra_name, const char *extra_value)
{
	char token[WEB_TOKEN_LEN + 1];
	char cookie[192];
	struct web_out o;

	const char *have = MHD_lookup_connection_value(conn, MHD_COOKIE_KIND,
	    WEB_COOKIE_LOGIN);

	/* keep a login cookie the browser has (another tab's form stays
	 * valid); it only proves the form came from this site */
	if (have != NULL && strlen(have) == WEB_TOKEN_LEN &&
	    strspn(have, "0123456789abcdef") == WEB_TOKEN_LEN) {
		memcpy(token, have, sizeof(token));
	} else if (web_auth_make_token(token, sizeof(token)) != 0) {
		return MHD_NO;
	}
	if (snprintf(cookie, sizeof(cookie), WEB_COOKIE_LOGIN "=%s; Path=/login; "
	    "Max-Age=900; Secure; HttpOnly; SameSite=Strict", token) >=
	    (int)sizeof(cookie)) {
		return MHD_NO;
	}
	web_out_init(&o, 16384);
	web_page_login(&o, token, message);
	return web_send_out(conn, status, &o, "text/html; charset=utf-8", cookie,
	    extra_name, extra_value);
}

/* The client's address for the rate limit: IPv4 as is, IPv6 as its /64. */
static void
web_client_addr(struct MHD_Connection *conn, char *out, size_t cap)
{
	const union MHD_ConnectionInfo *info;
	struct in6_addr a6;
	const struct sockaddr *sa;

	snprintf(out, cap, "?");
	info = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (info == NULL || info->client_addr == NULL) {
		return;
	}
	sa = info->client_addr;
	if (sa->sa_family == AF_INET) {
		inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr,
		    out, (socklen_t)cap);
	} else if (sa->sa_family == AF_INET6) {
		a6 = ((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr;
		memset(&a6.s6_addr[8], 0, 8);
		if (inet_ntop(AF_INET6, &a6, out, (socklen_t)cap) != NULL) {
			strncat(out, "/64", cap - strlen(out) - 1);
		}
	}
}

/* The operator's certificate CN, if one was presented and verifies. */
static int
web_cert_user(struct web_server *srv, struct MHD_Connection *conn, char *user,
    size_t cap)
{
	const union MHD_ConnectionInfo *info;

	if (srv->cfg->operator_ca_pem == NULL) {
		return -EACCES;
	}
	info = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_GNUTLS_SESSION);
	if (info == NULL || info->tls_session == NULL ||
	    gnutls_certificate_get_peers((gnutls_session_t)info->tls_session,
	    NULL) == NULL) {
		return -EACCES;
	}
	return auth_get_peer_cn((gnutls_session_t)info->tls_session, user, cap);
}

static enum MHD_Result
web_iterate_form(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *filename, const char *content_type,
    const char *transfer_encoding, const char *data, uint64_t off,
    size_t size)
{
	struct web_request *req = cls;
	char *dst = NULL;
	size_t cap = 0;
	size_t have;

	(void)kind;
	(void)filename;
	(void)content_type;
	(void)transfer_encoding;
	if (strcmp(key, "user") == 0) {
		dst = req->user;
		cap = sizeof(req->user);
	} else if (strcmp(key, "password") == 0) {
		dst = req->password;
		cap = sizeof(req->password);
	} else if (strcmp(key, "csrf") == 0) {
		dst = req->csrf;
		cap = sizeof(req->csrf);
	} else {
		return MHD_YES;   /* the submit button, or unknown: ignored */
	}
	have = strlen(dst);
	if (off != have || size >= cap - have) {
		req->bad_field = 1;
		return MHD_YES;
	}
	if (memchr(data, '\0', size) != NULL) {
		req->bad_field = 1;
		return MHD_YES;
	}
	memcpy(dst + have, data, size);
	dst[have + size] = '\0';
	return MHD_YES;
}

/* Whether a POST came from our own pages (as far as the browser says). */
static int
web_same_origin(struct MHD_Connection *conn)
{
	const char *site = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
	    "Sec-Fetch-Site");

	return site == NULL || strcmp(site, "same-origin") == 0 ||
	    strcmp(site, "none") == 0;
}

static enum MHD_Result
web_do_login(struct web_server *srv, struct MHD_Connection *conn,
    struct web_request *req)
{
	const char *cookie = MHD_lookup_connection_value(conn, MHD_COOKIE_KIND,
	    WEB_COOKIE_LOGIN);
	struct web_session s;
	enum web_login_result res;
	char addr[INET6_ADDRSTRLEN + 4];
	char set[256];

	if (srv->auth == NULL) {
		return web_send_error(conn, MHD_HTTP_FORBIDDEN, "this fleet view "
		    "takes operator certificates only");
	}
	if (req->too_big || req->bad_field || !web_same_origin(conn) ||
	    cookie == NULL || strlen(cookie) != WEB_TOKEN_LEN ||
	    !web_auth_equal(cookie, req->csrf)) {
		return web_send_login(conn, MHD_HTTP_FORBIDDEN, "The login form "
		    "expired or did not come from this site; try again.", NULL,
		    NULL);
	}
	web_client_addr(conn, addr, sizeof(addr));
	res = web_auth_login(srv->auth, addr, req->user, req->password,
	    web_now(), &s);
	gnutls_memset(req->password, 0, sizeof(req->password));
	switch (res) {
	case WEB_LOGIN_OK:
		clog_write(CLOG_INFO, "web: %s logged in from %s", s.user, addr);
		if (snprintf(set, sizeof(set), WEB_COOKIE_SESSION "=%s; Path=/; "
		    "Secure; HttpOnly; SameSite=Strict", s.token) >= (int)sizeof(set)) {
			return MHD_NO;
		}
		return web_redirect(conn, "/", set);
	case WEB_LOGIN_LIMITED:
		clog_write(CLOG_WARN, "web: login for '%s' from %s refused: too many "
		    "failures", req->user, addr);
		return web_send_login(conn, MHD_HTTP_TOO_MANY_REQUESTS, "Too many "
		    "failed logins from this address or for this user; wait a few "
		    "minutes.", MHD_HTTP_HEADER_RETRY_AFTER, "300");
	case WEB_LOGIN_BAD:
		clog_write(CLOG_WARN, "web: failed login for '%s' from %s",
		    req->user, addr);
		return web_send_login(conn, MHD_HTTP_UNAUTHORIZED, "Wrong user or "
		    "password.", NULL, NULL);
	default:
		return web_send_error(conn, MHD_HTTP_SERVICE_UNAVAILABLE,
		    "no session available, try again later");
	}
}

static const char *
web_get_arg(void *arg_ctx, const char *name)
{
	return MHD_lookup_connection_value(arg_ctx, MHD_GET_ARGUMENT_KIND, name);
}

static enum MHD_Result
web_do_page(struct web_server *srv, struct MHD_Connection *conn,
    enum web_page page, const char *user, const char *csrf)
{
	struct web_page_ctx ctx;
	struct web_out o;
	char msg[160];
	int csv = page == WEB_PAGE_DEVICES_CSV || page == WEB_PAGE_FINDINGS_CSV;
	int rc;

	ctx.be = srv->cfg->backend;
	ctx.st = srv->st;
	ctx.now = web_now();
	ctx.user = user;
	ctx.csrf = csrf;
	ctx.arg = web_get_arg;
	ctx.arg_ctx = conn;
	web_out_init(&o, WEB_PAGE_MAX);
	rc = web_page_render(&ctx, page, &o, msg, sizeof(msg));
	if (rc == -EINVAL) {
		web_out_free(&o);
		return web_send_error(conn, MHD_HTTP_BAD_REQUEST, msg);
	}
	if (rc == -ENOENT) {
		web_out_free(&o);
		return web_send_error(conn, MHD_HTTP_NOT_FOUND, "no such device");
	}
	if (rc != 0) {
		web_out_free(&o);
		clog_write(CLOG_ERROR, "web: page failed: %s", strerror(-rc));
		return web_send_error(conn, MHD_HTTP_SERVICE_UNAVAILABLE,
		    "the store did not answer, or the page grew too big");
	}
	return web_send_out(conn, MHD_HTTP_OK, &o, csv ?
	    "text/csv; charset=utf-8" : "text/html; charset=utf-8", NULL,
	    csv ? MHD_HTTP_HEADER_CONTENT_DISPOSITION : NULL,
	    page == WEB_PAGE_DEVICES_CSV ? "attachment; filename=\"devices.csv\"" :
	    "attachment; filename=\"findings.csv\"");
}

/* The page of a URL path, or -1 (404, before any login redirect). */
static int
web_route_page(const char *url)
{
	if (strcmp(url, "/") == 0 || strcmp(url, "/devices") == 0) {
		return WEB_PAGE_DEVICES;
	}
	if (strcmp(url, "/devices.csv") == 0) {
		return WEB_PAGE_DEVICES_CSV;
	}
	if (strcmp(url, "/device") == 0) {
		return WEB_PAGE_DEVICE;
	}
	if (strcmp(url, "/findings") == 0) {
		return WEB_PAGE_FINDINGS;
	}
	if (strcmp(url, "/findings.csv") == 0) {
		return WEB_PAGE_FINDINGS_CSV;
	}
	return -1;
}

static enum MHD_Result
web_dispatch(struct web_server *srv, struct MHD_Connection *conn,
    const char *url, const char *method, struct web_request *req)
{
	const char *token;
	struct web_session s;
	char cert_user[WEB_USER_MAX + 1];
	const char *user = NULL;
	const char *csrf = NULL;
	int get = strcmp(method, MHD_HTTP_METHOD_GET) == 0 ||
	    strcmp(method, MHD_HTTP_METHOD_HEAD) == 0;
	char *css;
	size_t len;
	int page;

	memset(&s, 0, sizeof(s));
	if (strcmp(url, "/style.css") == 0 && get) {
		len = strlen(web_page_css);
		css = malloc(len + 1);
		if (css == NULL) {
			return MHD_NO;
		}
		memcpy(css, web_page_css, len + 1);
		return web_send(conn, MHD_HTTP_OK, css, len, "text/css; charset=utf-8",
		    NULL, NULL, NULL, NULL);
	}
	if (web_cert_user(srv, conn, cert_user, sizeof(cert_user)) == 0) {
		user = cert_user;
	} else if (srv->auth != NULL) {
		token = MHD_lookup_connection_value(conn, MHD_COOKIE_KIND,
		    WEB_COOKIE_SESSION);
		if (web_auth_get_session(srv->auth, token, web_now(), &s) == 0) {
			user = s.user;
			csrf = s.csrf;
		}
	}
	if (strcmp(url, "/login") == 0) {
		if (req->route == WEB_ROUTE_LOGIN) {
			return web_do_login(srv, conn, req);
		}
		if (!get) {
			return web_send_error(conn, MHD_HTTP_METHOD_NOT_ALLOWED,
			    "use GET or POST");
		}
		if (user != NULL) {
			return web_redirect(conn, "/", NULL);
		}
		if (srv->auth == NULL) {
			return web_send_error(conn, MHD_HTTP_FORBIDDEN, "an operator "
			    "certificate is needed");
		}
		return web_send_login(conn, MHD_HTTP_OK, NULL, NULL, NULL);
	}
	if (strcmp(url, "/logout") == 0) {
		if (req->route != WEB_ROUTE_LOGOUT) {
			return web_send_error(conn, MHD_HTTP_METHOD_NOT_ALLOWED,
			    "log out with the button (POST)");
		}
		if (csrf == NULL || req->too_big || req->bad_field ||
		    !web_same_origin(conn) || !web_auth_equal(csrf, req->csrf)) {
			return web_send_error(conn, MHD_HTTP_FORBIDDEN, "logout refused "
			    "(no session, or the form did not come from this site)");
		}
		web_auth_end_session(srv->auth, s.token);
		clog_write(CLOG_INFO, "web: %s logged out", user);
		return web_redirect(conn, "/login", WEB_COOKIE_SESSION "=; Path=/; "
		    "Max-Age=0; Secure; HttpOnly; SameSite=Strict");
	}
	if (!get) {
		return web_send_error(conn, MHD_HTTP_METHOD_NOT_ALLOWED,
		    "the fleet view is read-only: GET");
	}
	page = web_route_page(url);
	if (page < 0) {
		return web_send_error(conn, MHD_HTTP_NOT_FOUND, "no such page");
	}
	if (user == NULL) {
		return web_redirect(conn, "/login", NULL);
	}
	return web_do_page(srv, conn, (enum web_page)page, user, csrf);
}

static enum MHD_Result
web_handle_request(void *cls, struct MHD_Connection *conn, const char *url,
    const char *method, const char *version, const char *upload_data,
    size_t *upload_data_size, void **req_cls)
{
	struct web_server *srv = cls;
	struct web_request *req = *req_cls;

	(void)version;
	if (req == NULL) {
		req = calloc(1, sizeof(*req));
		if (req == NULL) {
			return MHD_NO;
		}
		*req_cls = req;
		if (strcmp(method, MHD_HTTP_METHOD_POST) == 0 &&
		    (strcmp(url, "/login") == 0 || strcmp(url, "/logout") == 0)) {
			req->route = strcmp(url, "/login") == 0 ? WEB_ROUTE_LOGIN :
			    WEB_ROUTE_LOGOUT;
			req->pp = MHD_create_post_processor(conn, 1024,
			    web_iterate_form, req);
			if (req->pp == NULL) {
				/* not a urlencoded form */
				req->bad_field = 1;
			}
		}
		return MHD_YES;
	}
	if (*upload_data_size > 0) {
		req->body += *upload_data_size;
		if (req->body > WEB_FORM_MAX) {
			req->too_big = 1;
		} else if (req->pp != NULL) {
			if (MHD_post_process(req->pp, upload_data,
			    *upload_data_size) != MHD_YES) {
				req->bad_field = 1;
			}
		}
		*upload_data_size = 0;
		return MHD_YES;
	}
	return web_dispatch(srv, conn, url, method, req);
}

static void
web_complete_request(void *cls, struct MHD_Connection *conn, void **req_cls,
    enum MHD_RequestTerminationCode toe)
{
	struct web_request *req = *req_cls;

	(void)cls;
	(void)conn;
	(void)toe;
	if (req == NULL) {
		return;
	}
	if (req->pp != NULL) {
		MHD_destroy_post_processor(req->pp);
	}
	gnutls_memset(req->password, 0, sizeof(req->password));
	free(req);
	*req_cls = NULL;
}

static void
web_notify_connection(void *cls, struct MHD_Connection *conn, void **socket_ctx,
    enum MHD_ConnectionNotificationCode toe)
{
	struct web_server *srv = cls;
	const union MHD_ConnectionInfo *info;

	(void)socket_ctx;
	if (toe != MHD_CONNECTION_NOTIFY_STARTED ||
	    srv->cfg->operator_ca_pem == NULL) {
		return;
	}
	info = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_GNUTLS_SESSION);
	if (info == NULL || info->tls_session == NULL) {
		return;
	}
	/* a certificate is checked at each request (web_cert_user); with
	 * passwords too, a browser without one may still connect */
	gnutls_certificate_server_set_request((gnutls_session_t)info->tls_session,
	    srv->auth != NULL ? GNUTLS_CERT_REQUEST : GNUTLS_CERT_REQUIRE);
}

static void
web_log_library(void *cls, const char *fmt, va_list ap)
{
	char msg[512];

	(void)cls;
	if (vsnprintf(msg, sizeof(msg), fmt, ap) < 0) {
		return;
	}
	clog_write(CLOG_INFO, "web: libmicrohttpd: %s", msg);
}

int
web_start(const struct web_config *cfg, struct web_server **out)
{
	struct web_server *srv;
	int rc;

	*out = NULL;
	if (cfg->operator_ca_pem == NULL &&
	    (cfg->users == NULL || cfg->users->count == 0)) {
		return -EINVAL;
	}
	if (cfg->backend->list_devices == NULL || cfg->backend->find == NULL ||
	    cfg->backend->count_days == NULL) {
		clog_write(CLOG_ERROR, "web: the %s store has no fleet view read "
		    "functions", cfg->backend->name);
		return -ENOTSUP;
	}
	srv = calloc(1, sizeof(*srv));
	if (srv == NULL) {
		return -ENOMEM;
	}
	srv->cfg = cfg;
	srv->listen = cfg->listen;
	rc = cfg->backend->open(cfg->db, 1, &srv->st);
	if (rc != 0) {
		goto out;
	}
	if (cfg->users != NULL && cfg->users->count > 0) {
		srv->auth = malloc(sizeof(*srv->auth));
		if (srv->auth == NULL) {
			rc = -ENOMEM;
			goto out;
		}
		rc = web_auth_init(srv->auth, cfg->users);
		if (rc != 0) {
			free(srv->auth);
			srv->auth = NULL;
			goto out;
		}
	}
	srv->daemon = MHD_start_daemon(MHD_USE_THREAD_PER_CONNECTION |
	    MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_TLS | MHD_USE_ERROR_LOG |
	    (cfg->listen.ss_family == AF_INET6 ? MHD_USE_IPv6 : 0),
	    0, NULL, NULL, web_handle_request, srv,
	    MHD_OPTION_EXTERNAL_LOGGER, web_log_library, srv,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&srv->listen,
	    MHD_OPTION_HTTPS_MEM_CERT, cfg->cert_pem,
	    MHD_OPTION_HTTPS_MEM_KEY, cfg->key_pem,
	    MHD_OPTION_HTTPS_PRIORITIES,
	    "NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2",
	    MHD_OPTION_CONNECTION_LIMIT, cfg->max_conns,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)60,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)WEB_CONN_MEMORY,
	    MHD_OPTION_NOTIFY_CONNECTION, web_notify_connection, srv,
	    MHD_OPTION_NOTIFY_COMPLETED, web_complete_request, srv,
	    cfg->operator_ca_pem != NULL ? MHD_OPTION_HTTPS_MEM_TRUST :
	    MHD_OPTION_END, cfg->operator_ca_pem,
	    MHD_OPTION_END);
	if (srv->daemon == NULL) {
		rc = -EIO;
		goto out;
	}
	*out = srv;
	return 0;
out:
	if (srv->auth != NULL) {
		web_auth_destroy(srv->auth);
		free(srv->auth);
	}
	cfg->backend->close(srv->st);
	free(srv);
	return rc;
}

unsigned
web_get_port(struct web_server *srv)
{
	const union MHD_DaemonInfo *info;

	info = MHD_get_daemon_info(srv->daemon, MHD_DAEMON_INFO_BIND_PORT);
	return info != NULL ? info->port : 0;
}

void
web_stop(struct web_server *srv)
{
	if (srv == NULL) {
		return;
	}
	MHD_stop_daemon(srv->daemon);
	if (srv->auth != NULL) {
		web_auth_destroy(srv->auth);
		free(srv->auth);
	}
	srv->cfg->backend->close(srv->st);
	free(srv);
}
