/* SPDX-License-Identifier: BSD-2-Clause */
#include "bundle_serve.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>

#include "clog.h"

/* Read PATH (regular file, not a symlink, at most BUNDLE_SERVE_MAX bytes). */
static int
bundle_serve_read(const char *path, char **out, size_t *len)
{
	struct stat sb;
	char *buf = NULL;
	size_t got = 0;
	ssize_t n;
	int fd, rc = -EIO;

	fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		return -errno;
	}
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size <= 0 ||
	    (unsigned long long)sb.st_size > BUNDLE_SERVE_MAX) {
		goto out;
	}
	buf = malloc((size_t)sb.st_size);
	if (buf == NULL) {
		rc = -ENOMEM;
		goto out;
	}
	while (got < (size_t)sb.st_size) {
		n = read(fd, buf + got, (size_t)sb.st_size - got);
		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n <= 0) {
			goto out;
		}
		got += (size_t)n;
	}
	*out = buf;
	*len = got;
	buf = NULL;
	rc = 0;
out:
	free(buf);
	close(fd);
	return rc;
}

/* The agent id is a certificate CN: use it in a path only when plain. */
static int
bundle_serve_plain(const char *s)
{
	if (*s == '\0' || *s == '.') {
		return 0;
	}
	for (; *s != '\0'; s++) {
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '-' || *s == '_' || *s == '.')) {
			return 0;
		}
	}
	return 1;
}

static enum MHD_Result
bundle_serve_reply(struct MHD_Connection *conn, unsigned status, const char *etag,
    char *body, size_t len)
{
	struct MHD_Response *resp;
	enum MHD_Result ret;

	resp = MHD_create_response_from_buffer(len, body,
	    body != NULL ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
	if (resp == NULL) {
		free(body);
		return MHD_NO;
	}
	if ((etag != NULL &&
	    MHD_add_response_header(resp, MHD_HTTP_HEADER_ETAG, etag) != MHD_YES) ||
	    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE,
	    "application/octet-stream") != MHD_YES) {
		MHD_destroy_response(resp);
		return MHD_NO;
	}
	ret = MHD_queue_response(conn, status, resp);
	MHD_destroy_response(resp);
	return ret;
}

enum MHD_Result
bundle_serve(struct MHD_Connection *conn, const char *path, const char *agent)
{
	unsigned char digest[32];
	char file[4096], etag[40];
	const char *inm;
	char *buf = NULL;
	size_t len = 0;
	int i, rc = -ENOENT;

	if (path != NULL && bundle_serve_plain(agent) &&
	    snprintf(file, sizeof file, "%s.d/%s.bundle", path, agent) < (int)sizeof file) {
		rc = bundle_serve_read(file, &buf, &len);
	}
	if (rc == -ENOENT && path != NULL) {
		rc = bundle_serve_read(path, &buf, &len);
	}
	if (rc != 0) {
		if (rc != -ENOENT) {
			clog_write(CLOG_WARN, "http: bundle %s unreadable", path);
		}
		return bundle_serve_reply(conn, MHD_HTTP_NOT_FOUND, NULL, NULL, 0);
	}
	if (gnutls_hash_fast(GNUTLS_DIG_SHA256, buf, len, digest) < 0) {
		free(buf);
		return MHD_NO;
	}
	etag[0] = '"';
	for (i = 0; i < 16; i++) {
		snprintf(etag + 1 + 2 * i, 3, "%02x", digest[i]);
	}
	etag[33] = '"';
	etag[34] = '\0';
	inm = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_IF_NONE_MATCH);
	if (inm != NULL && strstr(inm, etag) != NULL) {
		free(buf);
		return bundle_serve_reply(conn, MHD_HTTP_NOT_MODIFIED, etag, NULL, 0);
	}
	return bundle_serve_reply(conn, MHD_HTTP_OK, etag, buf, len);
}
