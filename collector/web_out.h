/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef IOTHUNT_COLLECTOR_WEB_OUT_H
#define IOTHUNT_COLLECTOR_WEB_OUT_H

#include <stddef.h>
#include <stdint.h>

/*
 * A growable output buffer for the fleet view's pages, capped at cap bytes:
 * a write past the cap (or a failed allocation) sets failed and drops the
 * rest, so a page is either whole or refused (web_out_take says which).
 */
struct web_out {
	char *p;
	size_t len;
	size_t size;
	size_t cap;
	int failed;
};

/* Start an empty buffer that may grow to cap bytes. */
void web_out_init(struct web_out *o, size_t cap);

/* Free the buffer; o is left empty. */
void web_out_free(struct web_out *o);

/* Append n raw bytes (markup the page itself writes, never device data). */
void web_out_put(struct web_out *o, const char *s, size_t n);

/* Append a NUL-terminated raw string. */
void web_out_puts(struct web_out *o, const char *s);

/* Append printf-style (raw: only for numbers and the page's own text). */
void web_out_printf(struct web_out *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * Append s (NULL: nothing) escaped for HTML text and for a double- or
 * single-quoted attribute value: & < > " ' become character references,
 * and control characters other than TAB/LF become U+FFFD. This is the only
 * way device data (ids, command lines, paths, summaries) reaches a page.
 */
void web_out_html(struct web_out *o, const char *s);

/*
 * Append s percent-encoded for a URL query value: everything but
 * ALPHA / DIGIT / "-" / "." / "_" / "~" becomes %XX.
 */
void web_out_url(struct web_out *o, const char *s);

/*
 * Append s as one CSV field (RFC 4180): quoted when it holds a comma, a
 * quote, CR or LF (quotes doubled); a field a spreadsheet would take as a
 * formula (first character = + - @ TAB CR) gets a leading "'" (the
 * OWASP CSV-injection rule). NULL is an empty field.
 */
void web_out_csv(struct web_out *o, const char *s);

/* Append "YYYY-MM-DD HH:MM:SSZ" (UTC) for unix time t, or "-" for t <= 0. */
void web_out_time(struct web_out *o, int64_t t);

/*
 * Hand over the NUL-terminated text (caller frees) and its length, leaving
 * o empty. Returns 0, or -E2BIG / -ENOMEM when the page failed (the buffer
 * is freed, *text NULL).
 */
int web_out_take(struct web_out *o, char **text, size_t *len);

#endif
