/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef IOTHUNT_COLLECTOR_WEB_PAGE_H
#define IOTHUNT_COLLECTOR_WEB_PAGE_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "store.h"
#include "web_out.h"

/*
 * The fleet view's pages, rendered from the store's read functions into a
 * web_out buffer: HTML (every device-supplied string through web_out_html)
 * or CSV. No JavaScript anywhere; the chart is inline SVG.
 */

enum web_page {
	WEB_PAGE_DEVICES,        /* GET /            ?verdict= &silent=1 &q= */
	WEB_PAGE_DEVICES_CSV,    /* GET /devices.csv (same parameters) */
	WEB_PAGE_DEVICE,         /* GET /device      ?id= */
	WEB_PAGE_FINDINGS,       /* GET /findings    ?kind= &severity= &family=
	                          *   &agent= &since= &until= &limit= */
	WEB_PAGE_FINDINGS_CSV    /* GET /findings.csv (same parameters) */
};

/* Days of the findings-per-day chart. */
#define WEB_CHART_DAYS 30
/* Rows of a findings list unless ?limit= says otherwise (1..WEB_LIMIT_MAX). */
#define WEB_LIMIT_DEFAULT 500
#define WEB_LIMIT_MAX 100000

struct web_page_ctx {
	const struct store_backend *be;
	struct store *st;
	int64_t now;            /* unix seconds */
	const char *user;       /* operator shown in the header */
	const char *csrf;       /* session CSRF token for the logout form; NULL:
	                         * certificate login, no form */
	/* request parameter by name, NULL when absent */
	const char *(*arg)(void *arg_ctx, const char *name);
	void *arg_ctx;
};

/*
 * Render page into o. Returns 0, -EINVAL with msg (a bad parameter: 400),
 * -ENOENT (no such device: 404) or -EIO (store failure: 503).
 */
int web_page_render(const struct web_page_ctx *ctx, enum web_page page,
    struct web_out *o, char *msg, size_t msgcap);

/*
 * The login form: csrf is the value of the login cookie to echo in the
 * form; message (NULL: none) is shown above it, escaped.
 */
void web_page_login(struct web_out *o, const char *csrf, const char *message);

/* A small error page: status line and msg (escaped). */
void web_page_error(struct web_out *o, unsigned status, const char *msg);

/* The stylesheet served at /style.css (NUL-terminated, static). */
extern const char web_page_css[];

/*
 * The malware family of a finding, for the family filter: its "family"
 * field; else the third field of a ThreatFox ioc_source
 * ("threatfox:botnet_cc:Mirai:100" gives "Mirai"); else the YARA rule
 * name ([A-Za-z0-9_]+) up to its first "_" ("Mirai_MIPS_MSB" gives
 * "Mirai"; a netfilter rule's text gives nothing). Copies at most cap-1
 * bytes into out; "" when none. Returns out.
 */
const char *web_page_family(json_t *obj, char *out, size_t cap);

#endif
