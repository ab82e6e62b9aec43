/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * libFuzzer target for the fleet view's pages: request parameters and the
 * device data a store returns (ids, verdicts, versions, stored JSON) both
 * come from the input, through a fake backend, into web_page_render.
 *   make -f collector/collector.mk fuzz-collector
 *   build/fuzz/fuzz_collector_page CORPUS_DIR...   (fuzz)
 * Input: fields separated by LF: verdict, silent, q, kind, severity,
 * family, since, until, limit, id, agent, then per row: agent, verdict,
 * agent_version, json. Invariant beyond the sanitizers: every HTML tag in
 * the output is one the pages write, and no tag has an on* attribute (a
 * device string never becomes markup).
 */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store.h"
#include "web_out.h"
#include "web_page.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_ARGS 11
#define FUZZ_FIELDS 64

static const char *const fuzz_arg_names[FUZZ_ARGS] = {
	"verdict", "silent", "q", "kind", "severity", "family", "since",
	"until", "limit", "id", "agent"
};

struct fuzz_input {
	char *field[FUZZ_FIELDS];
	size_t n;
};

static const char *
fuzz_arg(void *ctx, const char *name)
{
	struct fuzz_input *in = ctx;
	size_t i;

	for (i = 0; i < FUZZ_ARGS && i < in->n; i++) {
		if (strcmp(fuzz_arg_names[i], name) == 0) {
			return in->field[i];
		}
	}
	return NULL;
}

static struct fuzz_input *fuzz_cur;

static int
fuzz_list_devices(struct store *st, const char *agent,
    int (*fn)(const struct store_device *dev, void *arg), void *arg)
{
	struct store_device d;
	size_t i;
	int rc;

	(void)st;
	for (i = FUZZ_ARGS; i + 3 < fuzz_cur->n; i += 4) {
		memset(&d, 0, sizeof(d));
		d.agent = agent != NULL ? agent : fuzz_cur->field[i];
		d.verdict = fuzz_cur->field[i + 1][0] != '\0' ? fuzz_cur->field[i + 1] : NULL;
		d.agent_version = fuzz_cur->field[i + 2];
		d.bundle_version = fuzz_cur->field[i + 3];
		d.last_seen = (int64_t)(i * 1000);
		d.interval = (int64_t)i;
		d.open[i % 4] = (int64_t)i;
		rc = fn(&d, arg);
		if (rc != 0 || agent != NULL) {
			return rc;
		}
	}
	return 0;
}

static int
fuzz_find(struct store *st, const struct store_find *flt,
    int (*fn)(const struct store_row *row, void *arg), void *arg)
{
	struct store_row row;
	size_t i;
	int rc;

	(void)st;
	for (i = FUZZ_ARGS; i + 3 < fuzz_cur->n; i += 4) {
		row.agent = fuzz_cur->field[i];
		row.seq = (int64_t)i;
		row.type = flt->type != NULL ? flt->type : fuzz_cur->field[i + 1];
		row.severity = fuzz_cur->field[i + 2];
		row.ts = 1;
		row.received = 2;
		row.json = fuzz_cur->field[i + 3];
		rc = fn(&row, arg);
		if (rc != 0) {
			return rc;
		}
	}
	return 0;
}

static int
fuzz_count_days(struct store *st, const char *agent, int64_t since,
    int64_t until, int (*fn)(int64_t day, const char *severity,
    int64_t count, void *arg), void *arg)
{
	size_t i;
	int rc;

	(void)st;
	(void)agent;
	(void)until;
	for (i = FUZZ_ARGS; i + 3 < fuzz_cur->n; i += 4) {
		rc = fn(since / 86400 + (int64_t)(i % 40), fuzz_cur->field[i + 2],
		    (int64_t)strlen(fuzz_cur->field[i + 3]), arg);
		if (rc != 0) {
			return rc;
		}
	}
	return 0;
}

static const struct store_backend fuzz_backend = {
	.name = "fuzz",
	.list_devices = fuzz_list_devices,
	.find = fuzz_find,
	.count_days = fuzz_count_days,
};

static void
fuzz_check_tags(const char *s, size_t len)
{
	static const char *const ok[] = {
		"!DOCTYPE", "html", "head", "meta", "title", "link", "body",
		"header", "span", "nav", "a", "form", "input", "button", "main",
		"h1", "h2", "section", "b", "svg", "text", "g", "rect", "label",
		"select", "option", "p", "table", "thead", "tbody", "tr", "th",
		"td", "dl", "dt", "dd", "code", "details", "summary", "pre"
	};
	const char *end = s + len;
	const char *p = s;
	const char *q;
	const char *gt;
	size_t n;
	size_t i;

	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		p++;
		if (p < end && *p == '/') {
			p++;
		}
		q = p;
		while (q < end && (isalnum((unsigned char)*q) || *q == '!')) {
			q++;
		}
		n = (size_t)(q - p);
		for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
			if (strlen(ok[i]) == n && strncmp(ok[i], p, n) == 0) {
				break;
			}
		}
		if (i == sizeof(ok) / sizeof(ok[0])) {
			abort();
		}
		gt = memchr(q, '>', (size_t)(end - q));
		if (gt == NULL) {
			abort();
		}
		for (; q + 3 < gt; q++) {
			if ((q[0] == ' ' || q[0] == '\t' || q[0] == '\n' || q[0] == '/') &&
			    strncasecmp(q + 1, "on", 2) == 0) {
				abort();
			}
		}
		p = gt;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_input in;
	struct web_page_ctx ctx;
	struct web_out o;
	char msg[160];
	char *buf;
	char *p;
	char *text;
	size_t len;
	int page;

	if (size > 65536) {
		return 0;
	}
	buf = malloc(size + 1);
	if (buf == NULL) {
		return 0;
	}
	memcpy(buf, data, size);
	buf[size] = '\0';
	memset(&in, 0, sizeof(in));
	for (p = buf; in.n < FUZZ_FIELDS; ) {
		in.field[in.n++] = p;
		p = strchr(p, '\n');
		if (p == NULL) {
			break;
		}
		*p++ = '\0';
	}
	fuzz_cur = &in;
	memset(&ctx, 0, sizeof(ctx));
	ctx.be = &fuzz_backend;
	ctx.now = 1800000000;
	ctx.user = "fuzz<user>";
	ctx.csrf = "0123";
	ctx.arg = fuzz_arg;
	ctx.arg_ctx = &in;
	for (page = WEB_PAGE_DEVICES; page <= WEB_PAGE_FINDINGS_CSV; page++) {
		web_out_init(&o, 1 << 24);
		if (web_page_render(&ctx, (enum web_page)page, &o, msg, sizeof(msg)) == 0 &&
		    web_out_take(&o, &text, &len) == 0) {
			if (page == WEB_PAGE_DEVICES || page == WEB_PAGE_DEVICE ||
			    page == WEB_PAGE_FINDINGS) {
				fuzz_check_tags(text, len);
			}
			free(text);
		} else {
			web_out_free(&o);
		}
	}
	free(buf);
	return 0;
}
