/* SPDX-License-Identifier: BSD-2-Clause */
#include "cef.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "addr.h"
#include "clog.h"

#define CEF_SUMMARY_CUT 512
#define CEF_VALUE_CUT 1024
#define CEF_IO_TIMEOUT_MS 1000
#define CEF_BACKOFF_MIN_MS 250
#define CEF_BACKOFF_MAX_MS 30000
#define CEF_FACILITY_LOCAL4 20

/* A bounded output cursor: writes past cap set overflow instead. */
struct cef_out {
	char *buf;
	size_t cap;
	size_t len;
	int overflow;
	int next_ext;   /* 1 once an extension was written */
};

int
cef_map_severity(const char *severity)
{
	if (severity == NULL) {
		return 5;
	}
	if (strcmp(severity, "low") == 0) {
		return 3;
	}
	if (strcmp(severity, "medium") == 0) {
		return 5;
	}
	if (strcmp(severity, "high") == 0) {
		return 8;
	}
	if (strcmp(severity, "critical") == 0) {
		return 10;
	}
	return 5;
}

static void
cef_put_char(struct cef_out *o, char c)
{
	/* keep one byte for the NUL */
	if (o->len + 1 >= o->cap) {
		o->overflow = 1;
		return;
	}
	o->buf[o->len++] = c;
}

static void
cef_put_raw(struct cef_out *o, const char *s)
{
	for (; *s != '\0'; s++) {
		cef_put_char(o, *s);
	}
}

/*
 * Length of s cut to at most max bytes, never inside a UTF-8 sequence: the
 * cut goes before the last character that starts within the first max + 1
 * bytes. Reads no further than s[max].
 */
static size_t
cef_cut_utf8(const char *s, size_t max)
{
	size_t cut = 0;
	size_t i;

	for (i = 0; i <= max && s[i] != '\0'; i++) {
		if (((unsigned char)s[i] & 0xc0) != 0x80) {
			cut = i;
		}
	}
	if (i <= max) {
		return i;   /* the whole string fits */
	}
	return cut;
}

/* Header field: '\' and '|' escaped, CR/LF and other controls become SP. */
static void
cef_put_header(struct cef_out *o, const char *s, size_t max)
{
	size_t n = cef_cut_utf8(s, max);
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\\' || c == '|') {
			cef_put_char(o, '\\');
			cef_put_char(o, (char)c);
		} else if (c < 0x20 || c == 0x7f) {
			cef_put_char(o, ' ');
		} else {
			cef_put_char(o, (char)c);
		}
	}
	cef_put_char(o, '|');
}

/* Extension value: '\' and '=' escaped, CR as \r, LF as \n. */
static void
cef_put_value(struct cef_out *o, const char *s, size_t max)
{
	size_t n = cef_cut_utf8(s, max);
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\\' || c == '=') {
			cef_put_char(o, '\\');
			cef_put_char(o, (char)c);
		} else if (c == '\n') {
			cef_put_char(o, '\\');
			cef_put_char(o, 'n');
		} else if (c == '\r') {
			cef_put_char(o, '\\');
			cef_put_char(o, 'r');
		} else if (c < 0x20 || c == 0x7f) {
			cef_put_char(o, ' ');
		} else {
			cef_put_char(o, (char)c);
		}
	}
}

static void
cef_put_ext(struct cef_out *o, const char *key, const char *value, size_t max)
{
	if (value == NULL) {
		return;
	}
	if (o->next_ext) {
		cef_put_char(o, ' ');
	}
	o->next_ext = 1;
	cef_put_raw(o, key);
	cef_put_char(o, '=');
	cef_put_value(o, value, max);
}

static void
cef_put_ext_int(struct cef_out *o, const char *key, long long v)
{
	char num[24];
	int n = snprintf(num, sizeof(num), "%lld", v);

	if (n < 0 || (size_t)n >= sizeof(num)) {
		o->overflow = 1;
		return;
	}
	cef_put_ext(o, key, num, sizeof(num));
}

static const char *
cef_get_string(json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);

	if (!json_is_string(v)) {
		return NULL;
	}
	return json_string_value(v);
}

/* "ip:port" field of the finding onto an address key and a port key. */
static void
cef_put_endpoint(struct cef_out *o, json_t *obj, const char *field,
    const char *ip_key, const char *port_key)
{
	const char *s = cef_get_string(obj, field);
	struct addr_endpoint ep;

	if (s == NULL || addr_parse_endpoint(s, strlen(s), &ep) != 0) {
		return;
	}
	cef_put_ext(o, ip_key, ep.ip, sizeof(ep.ip));
	cef_put_ext_int(o, port_key, (long long)ep.port);
}

/* A custom string and its label, only when the finding has the field. */
static void
cef_put_custom(struct cef_out *o, json_t *obj, const char *field,
    const char *key, const char *label_key)
{
	const char *s = cef_get_string(obj, field);

	if (s == NULL) {
		return;
	}
	cef_put_ext(o, key, s, CEF_VALUE_CUT);
	cef_put_ext(o, label_key, field, CEF_VALUE_CUT);
}

/*
 * "pids" (copies of one image) as flexString1 "50,51,52" labelled "pids";
 * integers only, as many as fit CEF_VALUE_CUT.
 */
static void
cef_put_pids(struct cef_out *o, json_t *obj)
{
	json_t *pids = json_object_get(obj, "pids");
	char list[CEF_VALUE_CUT + 1];
	size_t i, l = 0;
	int n;

	if (!json_is_array(pids) || json_array_size(pids) == 0) {
		return;
	}
	list[0] = '\0';
	for (i = 0; i < json_array_size(pids); i++) {
		json_t *v = json_array_get(pids, i);

		if (!json_is_integer(v)) {
			continue;
		}
		n = snprintf(list + l, sizeof(list) - l, "%s%lld", l ? "," : "",
		    (long long)json_integer_value(v));
		if (n < 0 || (size_t)n >= sizeof(list) - l) {
			list[l] = '\0';
			break;
		}
		l += (size_t)n;
	}
	if (l > 0) {
		cef_put_ext(o, "flexString1", list, sizeof(list));
		cef_put_ext(o, "flexString1Label", "pids", 8);
	}
}

/* A summary's verdict as outcome ("clean", "incomplete", ...). */
static void
cef_put_verdict(struct cef_out *o, json_t *obj)
{
	const char *v = cef_get_string(obj, "verdict");
	char low[16];
	size_t i;

	if (v == NULL || strlen(v) >= sizeof(low)) {
		return;
	}
	for (i = 0; v[i] != '\0'; i++) {
		low[i] = (char)tolower((unsigned char)v[i]);
	}
	low[i] = '\0';
	cef_put_ext(o, "outcome", low, sizeof(low));
}

int
cef_format_finding(json_t *obj, const char *agent, int64_t rt_ms, char *buf,
    size_t cap, size_t *len)
{
	struct cef_out o = { buf, cap, 0, 0, 0 };
	const char *type = cef_get_string(obj, "type");
	const char *summary = cef_get_string(obj, "summary");
	const char *action = cef_get_string(obj, "action");
	const char *host = cef_get_string(obj, "host");
	json_t *v;
	char sev[8];
	int n;

	if (cap == 0) {
		return -ENOSPC;
	}
	buf[0] = '\0';
	if (type == NULL) {
		return -EINVAL;
	}
	if (summary == NULL) {
		summary = type;
	}
	n = snprintf(sev, sizeof(sev), "%d",
	    cef_map_severity(cef_get_string(obj, "severity")));
	if (n < 0 || (size_t)n >= sizeof(sev)) {
		return -EINVAL;
	}
	cef_put_raw(&o, "CEF:0|");
	cef_put_header(&o, "iothunt", 64);
	cef_put_header(&o, "iothunt", 64);
	cef_put_header(&o, IOTHUNT_VERSION, 64);
	cef_put_header(&o, type, 64);
	cef_put_header(&o, summary, CEF_SUMMARY_CUT);
	cef_put_header(&o, sev, sizeof(sev));

	cef_put_ext_int(&o, "rt", (long long)rt_ms);
	v = json_object_get(obj, "ts");
	if (json_is_integer(v) && json_integer_value(v) >= 0 &&
	    json_integer_value(v) <= INT64_MAX / 1000) {
		cef_put_ext_int(&o, "start", (long long)json_integer_value(v) * 1000);
	}
	cef_put_ext(&o, "act", action != NULL ? action : "detected", 64);
	cef_put_ext(&o, "dvchost", host != NULL ? host : agent, 255);
	cef_put_ext(&o, "deviceExternalId", agent, 255);
	cef_put_endpoint(&o, obj, "local", "src", "spt");
	cef_put_endpoint(&o, obj, "remote", "dst", "dpt");
	cef_put_ext(&o, "fname", cef_get_string(obj, "exe"), CEF_VALUE_CUT);
	cef_put_ext(&o, "fileHash", cef_get_string(obj, "sha256"), 128);
	v = json_object_get(obj, "pid");
	if (json_is_integer(v)) {
		cef_put_ext_int(&o, "dvcpid", (long long)json_integer_value(v));
	}
	cef_put_ext(&o, "msg", summary, CEF_SUMMARY_CUT);
	v = json_object_get(obj, "seq");
	if (json_is_integer(v)) {
		cef_put_ext_int(&o, "cn1", (long long)json_integer_value(v));
		cef_put_ext(&o, "cn1Label", "seq", 8);
	}
	cef_put_custom(&o, obj, "rule", "cs1", "cs1Label");
	cef_put_custom(&o, obj, "ioc", "cs2", "cs2Label");
	cef_put_custom(&o, obj, "ioc_source", "cs3", "cs3Label");
	cef_put_custom(&o, obj, "cmdline", "cs4", "cs4Label");
	cef_put_custom(&o, obj, "md5", "cs5", "cs5Label");
	cef_put_custom(&o, obj, "sha1", "cs6", "cs6Label");
	cef_put_pids(&o, obj);
	/* a summary (heartbeat): its verdict, and what it could not read */
	cef_put_verdict(&o, obj);
	cef_put_custom(&o, obj, "unreadable", "flexString2", "flexString2Label");

	if (o.overflow) {
		buf[0] = '\0';
		return -ENOSPC;
	}
	buf[o.len] = '\0';
	*len = o.len;
	return 0;
}

static int
cef_syslog_severity(int cef_severity)
{
	if (cef_severity >= 10) {
		return 2;   /* crit */
	}
	if (cef_severity >= 8) {
		return 3;   /* err */
	}
	if (cef_severity >= 5) {
		return 4;   /* warning */
	}
	return 5;       /* notice */
}

int
cef_frame_syslog(enum cef_syslog_format format, int tcp,
    enum cef_tcp_framing framing, int cef_severity, time_t now,
    const char *host, const char *rec, size_t rec_len, char *buf, size_t cap,
    size_t *len)
{
	static const char *const months[] = {
		"Jan", "Feb", "Mar", "Apr", "May", "Jun",
		"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
	};
	char head[160];
	char prefix[24];
	struct tm tm;
	size_t hl;
	size_t pl = 0;
	size_t total;
	int pri = CEF_FACILITY_LOCAL4 * 8 + cef_syslog_severity(cef_severity);
	int n;

	if (gmtime_r(&now, &tm) == NULL) {
		return -EINVAL;
	}
	if (format == CEF_SYSLOG_RFC3164) {
		n = snprintf(head, sizeof(head), "<%d>%s %2d %02d:%02d:%02d %s iothunt: ",
		    pri, months[tm.tm_mon % 12], tm.tm_mday, tm.tm_hour, tm.tm_min,
		    tm.tm_sec, host);
	} else {
		n = snprintf(head, sizeof(head),
		    "<%d>1 %04d-%02d-%02dT%02d:%02d:%02dZ %s iothunt - CEF - ",
		    pri, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		    tm.tm_min, tm.tm_sec, host);
	}
	if (n < 0 || (size_t)n >= sizeof(head)) {
		return -ENOSPC;
	}
	hl = (size_t)n;
	if (rec_len > SIZE_MAX - hl - 1) {
		return -ENOSPC;
	}
	if (tcp && framing == CEF_FRAMING_OCTET) {
		n = snprintf(prefix, sizeof(prefix), "%zu ", hl + rec_len);
		if (n < 0 || (size_t)n >= sizeof(prefix)) {
			return -ENOSPC;
		}
		pl = (size_t)n;
	}
	total = pl + hl + rec_len + ((tcp && framing == CEF_FRAMING_LF) ? 1 : 0);
	if (total + 1 > cap) {
		return -ENOSPC;
	}
	memcpy(buf, prefix, pl);
	memcpy(buf + pl, head, hl);
	memcpy(buf + pl + hl, rec, rec_len);
	if (tcp && framing == CEF_FRAMING_LF) {
		buf[total - 1] = '\n';
	}
	buf[total] = '\0';
	*len = total;
	return 0;
}

/* ---- sender ---------------------------------------------------------- */

struct cef_frame {
	char *data;
	size_t len;
};

struct cef_sender {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	pthread_t thread;
	int tcp;
	struct sockaddr_storage peer;
	socklen_t peer_len;
	enum cef_syslog_format format;
	enum cef_tcp_framing framing;
	char host[65];
	struct cef_frame *ring;
	size_t ring_cap;
	size_t head;
	size_t count;
	int stopping;
	int64_t deadline_ms;
	int fd;
	int64_t next_connect_ms;
	int backoff_ms;
	struct cef_sender_stats stats;
};

static int64_t
cef_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * url = ("udp" / "tcp") "://" endpoint   ; endpoint as addr_parse_endpoint
 */
static int
cef_parse_url(const char *url, int *tcp, struct addr_endpoint *ep)
{
	if (strncmp(url, "udp://", 6) == 0) {
		*tcp = 0;
	} else if (strncmp(url, "tcp://", 6) == 0) {
		*tcp = 1;
	} else {
		return -EINVAL;
	}
	if (addr_parse_endpoint(url + 6, strlen(url + 6), ep) != 0 || ep->port == 0) {
		return -EINVAL;
	}
	return 0;
}

static void
cef_close_peer(struct cef_sender *s)
{
	if (s->fd >= 0) {
		close(s->fd);
		s->fd = -1;
	}
}

static void
cef_fail_peer(struct cef_sender *s)
{
	cef_close_peer(s);
	s->next_connect_ms = cef_now_ms() + s->backoff_ms;
	s->backoff_ms *= 2;
	if (s->backoff_ms > CEF_BACKOFF_MAX_MS) {
		s->backoff_ms = CEF_BACKOFF_MAX_MS;
	}
}

static int
cef_wait_fd(int fd, short events, int timeout_ms)
{
	struct pollfd pfd = { fd, events, 0 };
	int rc;

	do {
		rc = poll(&pfd, 1, timeout_ms);
	} while (rc < 0 && errno == EINTR);
	if (rc == 0) {
		return -ETIMEDOUT;
	}
	if (rc < 0) {
		return -errno;
	}
	return 0;
}

static int
cef_connect_peer(struct cef_sender *s)
{
	int fd;
	int err = 0;
	socklen_t errlen = sizeof(err);
	int rc;

	fd = socket(s->peer.ss_family, (s->tcp ? SOCK_STREAM : SOCK_DGRAM) |
	    SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		return -errno;
	}
	if (connect(fd, (struct sockaddr *)&s->peer, s->peer_len) != 0) {
		if (errno != EINPROGRESS) {
			rc = -errno;
			goto out;
		}
		rc = cef_wait_fd(fd, POLLOUT, CEF_IO_TIMEOUT_MS);
		if (rc != 0) {
			goto out;
		}
		if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &errlen) != 0) {
			rc = -errno;
			goto out;
		}
		if (err != 0) {
			rc = -err;
			goto out;
		}
	}
	s->fd = fd;
	s->backoff_ms = CEF_BACKOFF_MIN_MS;
	return 0;
out:
	close(fd);
	return rc;
}

/* A TCP peer that closed (or sent us something) is reconnected. */
static int
cef_peer_closed(struct cef_sender *s)
{
	char tmp[256];
	ssize_t n;

	if (!s->tcp || cef_wait_fd(s->fd, POLLIN, 0) != 0) {
		return 0;
	}
	n = recv(s->fd, tmp, sizeof(tmp), MSG_DONTWAIT);
	if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) {
		return 1;
	}
	return 0;
}

static int
cef_write_frame(struct cef_sender *s, const struct cef_frame *f)
{
	size_t off = 0;
	ssize_t n;
	int retried = 0;
	int rc;

	while (off < f->len) {
		n = send(s->fd, f->data + off, f->len - off, MSG_NOSIGNAL | MSG_DONTWAIT);
		if (n >= 0) {
			off += (size_t)n;
			continue;
		}
		if (errno == EINTR) {
			continue;
		}
		if (errno == EAGAIN || errno == EWOULDBLOCK) {
			rc = cef_wait_fd(s->fd, POLLOUT, CEF_IO_TIMEOUT_MS);
			if (rc != 0) {
				return rc;
			}
			continue;
		}
		/* UDP reports an earlier datagram's ICMP error on this send */
		if (!s->tcp && errno == ECONNREFUSED && !retried) {
			retried = 1;
			continue;
		}
		return -errno;
	}
	return 0;
}

/* Send one frame, connecting first if needed. 0 sent, negative dropped. */
static int
cef_send_frame(struct cef_sender *s, const struct cef_frame *f)
{
	int rc;

	if (s->fd >= 0 && cef_peer_closed(s)) {
		cef_close_peer(s);
	}
	if (s->fd < 0) {
		rc = cef_connect_peer(s);
		if (rc != 0) {
			cef_fail_peer(s);
			return rc;
		}
	}
	rc = cef_write_frame(s, f);
	if (rc != 0) {
		if (s->tcp) {
			cef_fail_peer(s);
		}
		return rc;
	}
	return 0;
}

static void
cef_wait_until(struct cef_sender *s, int64_t when_ms)
{
	struct timespec ts;
	int64_t now_real;
	int64_t delta = when_ms - cef_now_ms();

	if (delta <= 0) {
		return;
	}
	/* the condition variable uses CLOCK_REALTIME (default attributes) */
	clock_gettime(CLOCK_REALTIME, &ts);
	now_real = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000 + delta;
	ts.tv_sec = (time_t)(now_real / 1000);
	ts.tv_nsec = (long)(now_real % 1000) * 1000000;
	pthread_cond_timedwait(&s->cond, &s->lock, &ts);
}

static void *
cef_run_sender(void *arg)
{
	struct cef_sender *s = arg;
	struct cef_frame f;
	int rc;

	pthread_mutex_lock(&s->lock);
	for (;;) {
		if (s->count == 0) {
			if (s->stopping) {
				break;
			}
			pthread_cond_wait(&s->cond, &s->lock);
			continue;
		}
		if (s->stopping && cef_now_ms() >= s->deadline_ms) {
			break;
		}
		if (s->tcp && s->fd < 0 && cef_now_ms() < s->next_connect_ms) {
			/* peer down: hold the queue until the next attempt; new
			 * frames are dropped by the producer when it is full */
			if (s->stopping) {
				break;
			}
			cef_wait_until(s, s->next_connect_ms);
			continue;
		}
		f = s->ring[s->head];
		s->ring[s->head].data = NULL;
		s->head = (s->head + 1) % s->ring_cap;
		s->count--;
		pthread_mutex_unlock(&s->lock);

		rc = cef_send_frame(s, &f);
		free(f.data);

		pthread_mutex_lock(&s->lock);
		if (rc == 0) {
			s->stats.sent++;
		} else {
			s->stats.dropped++;
			if (s->stats.dropped == 1 || s->stats.dropped % 1000 == 0) {
				clog_write(CLOG_WARN, "cef: syslog peer unreachable (%s), "
				    "%llu records dropped so far", strerror(-rc),
				    (unsigned long long)s->stats.dropped);
			}
		}
	}
	pthread_mutex_unlock(&s->lock);
	return NULL;
}

int
cef_sender_start(const struct cef_sender_config *cfg, struct cef_sender **out)
{
	struct cef_sender *s;
	struct addr_endpoint ep;
	size_t i;
	int tcp;
	int rc;

	*out = NULL;
	if (cfg->url == NULL || cef_parse_url(cfg->url, &tcp, &ep) != 0 ||
	    cfg->queue_max == 0) {
		return -EINVAL;
	}
	s = calloc(1, sizeof(*s));
	if (s == NULL) {
		return -ENOMEM;
	}
	s->fd = -1;
	s->tcp = tcp;
	s->format = cfg->format;
	s->framing = cfg->framing;
	s->backoff_ms = CEF_BACKOFF_MIN_MS;
	if (addr_to_sockaddr(&ep, &s->peer, &s->peer_len) != 0) {
		free(s);
		return -EINVAL;
	}
	if (gethostname(s->host, sizeof(s->host) - 1) != 0 || s->host[0] == '\0') {
		rc = snprintf(s->host, sizeof(s->host), "%s", "iothunt-collector");
		if (rc < 0 || (size_t)rc >= sizeof(s->host)) {
			s->host[0] = '-';
			s->host[1] = '\0';
		}
	}
	for (i = 0; s->host[i] != '\0'; i++) {
		if ((unsigned char)s->host[i] <= 0x20 || (unsigned char)s->host[i] >= 0x7f) {
			s->host[i] = '-';
		}
	}
	s->ring = calloc(cfg->queue_max, sizeof(*s->ring));
	if (s->ring == NULL) {
		free(s);
		return -ENOMEM;
	}
	s->ring_cap = cfg->queue_max;
	pthread_mutex_init(&s->lock, NULL);
	pthread_cond_init(&s->cond, NULL);
	rc = pthread_create(&s->thread, NULL, cef_run_sender, s);
	if (rc != 0) {
		pthread_cond_destroy(&s->cond);
		pthread_mutex_destroy(&s->lock);
		free(s->ring);
		free(s);
		return -rc;
	}
	*out = s;
	return 0;
}

int
cef_sender_send(struct cef_sender *s, json_t *obj, const char *agent,
    int64_t rt_ms)
{
	char rec[CEF_RECORD_MAX];
	char frame[CEF_FRAME_MAX];
	size_t rec_len;
	size_t frame_len;
	char *copy = NULL;
	size_t slot;
	int rc;

	rc = cef_format_finding(obj, agent, rt_ms, rec, sizeof(rec), &rec_len);
	if (rc == 0) {
		rc = cef_frame_syslog(s->format, s->tcp, s->framing,
		    cef_map_severity(json_string_value(json_object_get(obj, "severity"))),
		    (time_t)(rt_ms / 1000), s->host, rec, rec_len, frame, sizeof(frame),
		    &frame_len);
	}
	if (rc == 0) {
		copy = malloc(frame_len);
		if (copy == NULL) {
			rc = -ENOMEM;
		} else {
			memcpy(copy, frame, frame_len);
		}
	}
	pthread_mutex_lock(&s->lock);
	if (rc == 0 && s->count >= s->ring_cap) {
		rc = -ENOBUFS;
	}
	if (rc == 0) {
		slot = (s->head + s->count) % s->ring_cap;
		s->ring[slot].data = copy;
		s->ring[slot].len = frame_len;
		s->count++;
		s->stats.queued++;
		copy = NULL;
		pthread_cond_signal(&s->cond);
	} else {
		s->stats.dropped++;
	}
	pthread_mutex_unlock(&s->lock);
	free(copy);
	return rc;
}

void
cef_sender_get_stats(struct cef_sender *s, struct cef_sender_stats *st)
{
	pthread_mutex_lock(&s->lock);
	*st = s->stats;
	pthread_mutex_unlock(&s->lock);
}

void
cef_sender_stop(struct cef_sender *s, int flush_ms,
    struct cef_sender_stats *last)
{
	if (s == NULL) {
		return;
	}
	pthread_mutex_lock(&s->lock);
	s->stopping = 1;
	s->deadline_ms = cef_now_ms() + flush_ms;
	pthread_cond_broadcast(&s->cond);
	pthread_mutex_unlock(&s->lock);
	pthread_join(s->thread, NULL);
	while (s->count > 0) {
		free(s->ring[s->head].data);
		s->head = (s->head + 1) % s->ring_cap;
		s->count--;
		s->stats.dropped++;
	}
	if (last != NULL) {
		*last = s->stats;
	}
	cef_close_peer(s);
	pthread_cond_destroy(&s->cond);
	pthread_mutex_destroy(&s->lock);
	free(s->ring);
	free(s);
}
