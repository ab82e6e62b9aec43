/* SPDX-License-Identifier: BSD-2-Clause */
#include "web_out.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void
web_out_init(struct web_out *o, size_t cap)
{
	memset(o, 0, sizeof(*o));
	o->cap = cap;
}

void
web_out_free(struct web_out *o)
{
	free(o->p);
	o->p = NULL;
	o->len = 0;
	o->size = 0;
}

/* Room for n more bytes plus a NUL; 0 or -1 (o->failed set). */
static int
web_out_reserve(struct web_out *o, size_t n)
{
	size_t size;
	char *p;

	if (o->failed) {
		return -1;
	}
	if (n > o->cap || o->len > o->cap - n) {
		o->failed = -E2BIG;
		return -1;
	}
	if (o->len + n + 1 <= o->size) {
		return 0;
	}
	size = o->size == 0 ? 8192 : o->size;
	while (size < o->len + n + 1) {
		size *= 2;
	}
	p = realloc(o->p, size);
	if (p == NULL) {
		o->failed = -ENOMEM;
		return -1;
	}
	o->p = p;
	o->size = size;
	return 0;
}

void
web_out_put(struct web_out *o, const char *s, size_t n)
{
	if (web_out_reserve(o, n) != 0) {
		return;
	}
	memcpy(o->p + o->len, s, n);
	o->len += n;
	o->p[o->len] = '\0';
}

void
web_out_puts(struct web_out *o, const char *s)
{
	web_out_put(o, s, strlen(s));
}

void
web_out_printf(struct web_out *o, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(buf)) {
		o->failed = -E2BIG;
		return;
	}
	web_out_put(o, buf, (size_t)n);
}

void
web_out_html(struct web_out *o, const char *s)
{
	const char *run;
	const char *rep;
	unsigned char c;

	if (s == NULL) {
		return;
	}
	run = s;
	for (; *s != '\0'; s++) {
		c = (unsigned char)*s;
		switch (c) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default:
			rep = (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f ?
			    "\xef\xbf\xbd" : NULL;
			break;
		}
		if (rep != NULL) {
			web_out_put(o, run, (size_t)(s - run));
			web_out_puts(o, rep);
			run = s + 1;
		}
	}
	web_out_put(o, run, (size_t)(s - run));
}

void
web_out_url(struct web_out *o, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	char esc[3];
	unsigned char c;

	if (s == NULL) {
		return;
	}
	for (; *s != '\0'; s++) {
		c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
		    c == '~') {
			web_out_put(o, s, 1);
			continue;
		}
		esc[0] = '%';
		esc[1] = hex[c >> 4];
		esc[2] = hex[c & 15];
		web_out_put(o, esc, 3);
	}
}

void
web_out_csv(struct web_out *o, const char *s)
{
	const char *q;

	if (s == NULL || *s == '\0') {
		return;
	}
	if (strpbrk(s, ",\"\r\n") == NULL && strchr("=+-@\t\r", *s) == NULL) {
		web_out_puts(o, s);
		return;
	}
	web_out_put(o, "\"", 1);
	if (strchr("=+-@\t\r", *s) != NULL) {
		web_out_put(o, "'", 1);
	}
	while ((q = strchr(s, '"')) != NULL) {
		web_out_put(o, s, (size_t)(q - s + 1));
		web_out_put(o, "\"", 1);
		s = q + 1;
	}
	web_out_puts(o, s);
	web_out_put(o, "\"", 1);
}

void
web_out_time(struct web_out *o, int64_t t)
{
	char buf[32];
	time_t tt = (time_t)t;
	struct tm tm;

	if (t <= 0 || gmtime_r(&tt, &tm) == NULL ||
	    strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%SZ", &tm) == 0) {
		web_out_puts(o, "-");
		return;
	}
	web_out_puts(o, buf);
}

int
web_out_take(struct web_out *o, char **text, size_t *len)
{
	int rc = o->failed;

	*text = NULL;
	*len = 0;
	if (rc == 0 && o->p == NULL) {
		web_out_put(o, "", 0);
		rc = o->failed;
	}
	if (rc != 0) {
		web_out_free(o);
		return rc;
	}
	*text = o->p;
	*len = o->len;
	o->p = NULL;
	o->len = 0;
	o->size = 0;
	return 0;
}
