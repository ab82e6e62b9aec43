/* SPDX-License-Identifier: BSD-2-Clause */
#include "web_page.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "ingest.h"
#include "num.h"

#define WEB_DAY 86400

/* Verdicts as the agent's summary line names them (any case). */
static const char *const web_verdicts[] = {
	"infected", "suspicious", "incomplete", "clean"
};
#define WEB_VERDICTS 4

static const char *const web_severities[] = {
	"low", "medium", "high", "critical"
};

/* Evidence fields shown in a findings table, in this order. */
static const char *const web_evidence[] = {
	"pid", "pids", "exe", "cmdline", "local", "remote", "proto", "state",
	"rule", "ioc", "ioc_source", "host", "sha256", "md5", "reason", "action"
};

const char web_page_css[] =
    "body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#1b1f24;"
    "background:#f6f7f9}\n"
    "header{display:flex;align-items:center;gap:1.5em;background:#1d2b3a;"
    "color:#fff;padding:.6em 1.2em}\n"
    "header a{color:#cfe3ff;text-decoration:none;margin-right:1em}\n"
    "header .brand{font-weight:700;letter-spacing:.03em}\n"
    "header form{margin-left:auto}\n"
    "header .who,header .muted{margin-left:auto;color:#cfe3ff}\n"
    "table#device{width:auto;min-width:40em}table#device th{width:12em}\n"
    "main{padding:1em 1.2em}\n"
    "h1{font-size:1.4em;margin:.2em 0 .6em}h2{font-size:1.1em;margin:1.2em 0 .4em}\n"
    "table{border-collapse:collapse;background:#fff;width:100%}\n"
    "th,td{border-bottom:1px solid #e3e6ea;padding:.3em .5em;text-align:left;"
    "vertical-align:top}\n"
    "th{background:#eef1f4;position:sticky;top:0}\n"
    "td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
    "td.z{color:#b8bec6}\n"
    ".badge{display:inline-block;padding:0 .5em;border-radius:.7em;"
    "font-size:.85em;font-weight:600}\n"
    ".v-infected{background:#fde2e1;color:#9b1c1c}\n"
    ".v-suspicious{background:#fff1c2;color:#7a5200}\n"
    ".v-incomplete{background:#e5e7eb;color:#374151}\n"
    ".v-clean{background:#dcf5e3;color:#17612f}\n"
    ".v-none,.v-other{background:#eef1f4;color:#5b6470}\n"
    ".silent{background:#3b3b3b;color:#fff}\n"
    ".s-critical{color:#9b1c1c;font-weight:700}.s-high{color:#c2410c}"
    ".s-medium{color:#7a5200}.s-low{color:#5b6470}\n"
    ".tiles{display:flex;gap:.8em;flex-wrap:wrap;margin-bottom:1em}\n"
    ".tile{background:#fff;border:1px solid #e3e6ea;border-radius:6px;"
    "padding:.5em 1em;min-width:7em;color:inherit;text-decoration:none}\n"
    ".tile b{display:block;font-size:1.6em}\n"
    "form.filters{display:flex;gap:.6em;align-items:end;flex-wrap:wrap;"
    "margin:.6em 0}\n"
    "form.filters label{display:flex;flex-direction:column;font-size:.85em}\n"
    ".muted{color:#5b6470}\n"
    "code,pre{font:12px/1.35 ui-monospace,monospace;white-space:pre-wrap;"
    "word-break:break-all}\n"
    "dl.ev{margin:0;display:grid;grid-template-columns:max-content 1fr;"
    "gap:0 .6em}dl.ev dt{color:#5b6470}dl.ev dd{margin:0}\n"
    "svg.chart{background:#fff;border:1px solid #e3e6ea;border-radius:6px}\n"
    "svg .critical{fill:#b91c1c}svg .high{fill:#ea580c}"
    "svg .medium{fill:#eab308}svg .low{fill:#94a3b8}\n"
    "svg text{font-size:10px;fill:#5b6470}\n"
    ".login{max-width:22em;margin:4em auto;background:#fff;padding:1.5em;"
    "border:1px solid #e3e6ea;border-radius:6px}\n"
    ".login label{display:block;margin:.6em 0}\n"
    ".login input{width:100%;box-sizing:border-box;padding:.4em}\n"
    ".error{color:#9b1c1c}\n";

/* State of one page render. */
struct web_render {
	const struct web_page_ctx *ctx;
	struct web_out *o;
	int csv;
	/* devices */
	const char *verdict;
	int silent_only;
	const char *q;
	size_t shown;
	size_t total;
	size_t by_verdict[WEB_VERDICTS + 1];   /* + "none/other" */
	size_t silent;
	/* findings */
	const char *family;
	size_t limit;
	size_t rows;
	int64_t days[WEB_CHART_DAYS][4];
};

static const char *
web_page_arg(const struct web_page_ctx *ctx, const char *name)
{
	const char *v = ctx->arg(ctx->arg_ctx, name);

	return v != NULL && v[0] != '\0' ? v : NULL;
}

static int
web_page_bad(char *msg, size_t cap, const char *what)
{
	if (snprintf(msg, cap, "%s", what) < 0 && cap > 0) {
		msg[0] = '\0';
	}
	return -EINVAL;
}

/* 1..max characters of [a-z0-9_] (a finding type) */
static int
web_page_check_word(const char *s, size_t max, int upper_ok, const char *more)
{
	size_t i;

	for (i = 0; s[i] != '\0'; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
		    (upper_ok && c >= 'A' && c <= 'Z') ||
		    (more != NULL && strchr(more, c) != NULL))) {
			return 0;
		}
	}
	return i > 0 && i <= max;
}

/*
 * A time bound: unix seconds (1*12DIGIT) or a UTC date YYYY-MM-DD (its
 * midnight; with end_of_day, the next midnight, so that "until" includes
 * the day named). Returns 0 with *out, or -EINVAL.
 */
static int
web_page_parse_time(const char *s, int end_of_day, int64_t *out)
{
	uint64_t y, m, d, v;
	int64_t days;
	size_t len = strlen(s);

	if (len == 10 && s[4] == '-' && s[7] == '-') {
		if (num_parse_u64(s, s + 4, 9999, &y) != 0 || y < 1970 ||
		    num_parse_u64(s + 5, s + 7, 12, &m) != 0 || m < 1 ||
		    num_parse_u64(s + 8, s + 10, 31, &d) != 0 || d < 1) {
			return -EINVAL;
		}
		/* days from civil (H. Hinnant's algorithm), March-based year */
		{
			int64_t yy = (int64_t)y - (m <= 2);
			int64_t era = yy / 400;
			int64_t yoe = yy - era * 400;
			int64_t mp = ((int64_t)m + 9) % 12;
			int64_t doy = (153 * mp + 2) / 5 + (int64_t)d - 1;
			int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

			days = era * 146097 + doe - 719468;
		}
		*out = (days + (end_of_day ? 1 : 0)) * WEB_DAY;
		return 0;
	}
	if (len > 12 || num_parse_str_u64(s, 999999999999ULL, &v) != 0) {
		return -EINVAL;
	}
	*out = (int64_t)v;
	return 0;
}

static const char *
web_page_verdict_class(const char *verdict)
{
	size_t i;

	if (verdict == NULL) {
		return "none";
	}
	for (i = 0; i < WEB_VERDICTS; i++) {
		if (strcasecmp(verdict, web_verdicts[i]) == 0) {
			return web_verdicts[i];
		}
	}
	return "other";
}

/* "YYYY-MM-DD" (UTC) of unix time t. */
static void
web_page_date(struct web_out *o, int64_t t)
{
	char buf[16];
	time_t tt = (time_t)t;
	struct tm tm;

	if (gmtime_r(&tt, &tm) == NULL ||
	    strftime(buf, sizeof(buf), "%Y-%m-%d", &tm) == 0) {
		return;
	}
	web_out_puts(o, buf);
}

static int
web_page_is_silent(const struct store_device *d, int64_t now)
{
	return d->silent_raised ||
	    (d->interval > 0 && now - d->last_seen >= 3 * d->interval);
}

static void
web_page_head(struct web_out *o, const struct web_page_ctx *ctx,
    const char *title)
{
	web_out_puts(o, "<!DOCTYPE html>\n<html lang=\"en\"><head>"
	    "<meta charset=\"utf-8\">"
	    "<meta name=\"viewport\" content=\"width=device-width\">"
	    "<title>");
	web_out_html(o, title);
	web_out_puts(o, " - iothunt fleet</title>"
	    "<link rel=\"stylesheet\" href=\"/style.css\"></head><body>\n");
	if (ctx == NULL) {
		return;
	}
	web_out_puts(o, "<header><span class=\"brand\">iothunt fleet</span><nav>"
	    "<a href=\"/\">Devices</a><a href=\"/findings\">Findings</a>");
	web_out_printf(o, "<a href=\"/findings?since=%lld\">Last 24 h</a>",
	    (long long)(ctx->now - WEB_DAY));
	web_out_puts(o, "</nav>");
	if (ctx->csrf != NULL) {
		web_out_puts(o, "<form method=\"post\" action=\"/logout\">"
		    "<input type=\"hidden\" name=\"csrf\" value=\"");
		web_out_html(o, ctx->csrf);
		web_out_puts(o, "\"><span class=\"muted\" id=\"user\">");
		web_out_html(o, ctx->user);
		web_out_puts(o, "</span> <button type=\"submit\" id=\"logout\">"
		    "Log out</button></form>");
	} else {
		web_out_puts(o, "<span class=\"who\" id=\"user\">");
		web_out_html(o, ctx->user);
		web_out_puts(o, " (certificate)</span>");
	}
	web_out_puts(o, "</header>\n<main>\n");
}

static void
web_page_foot(struct web_out *o)
{
	web_out_puts(o, "</main></body></html>\n");
}

static void
web_page_ago(struct web_out *o, int64_t now, int64_t t)
{
	int64_t d = now - t;

	if (t <= 0) {
		return;
	}
	if (d < 0) {
		d = 0;
	}
	if (d < 120) {
		web_out_printf(o, " <span class=\"muted\">(%llds ago)</span>",
		    (long long)d);
	} else if (d < 7200) {
		web_out_printf(o, " <span class=\"muted\">(%lld min ago)</span>",
		    (long long)(d / 60));
	} else if (d < 2 * WEB_DAY) {
		web_out_printf(o, " <span class=\"muted\">(%lld h ago)</span>",
		    (long long)(d / 3600));
	} else {
		web_out_printf(o, " <span class=\"muted\">(%lld days ago)</span>",
		    (long long)(d / WEB_DAY));
	}
}

static void
web_page_verdict_badge(struct web_out *o, const char *verdict)
{
	const char *cls = web_page_verdict_class(verdict);

	web_out_printf(o, "<span class=\"badge v-%s\">", cls);
	if (verdict == NULL) {
		web_out_puts(o, "no scan yet");
	} else if (strcmp(cls, "other") == 0) {
		web_out_html(o, verdict);
	} else {
		web_out_puts(o, cls);
	}
	web_out_puts(o, "</span>");
}

/* One count cell; zero is greyed out. */
static void
web_page_count_cell(struct web_out *o, int64_t n, const char *cls)
{
	if (n == 0) {
		web_out_puts(o, "<td class=\"n z\">0</td>");
	} else {
		web_out_printf(o, "<td class=\"n %s\">%lld</td>", cls, (long long)n);
	}
}

static int
web_page_device_row(const struct store_device *d, void *arg)
{
	struct web_render *r = arg;
	struct web_out *o = r->o;
	const char *cls = web_page_verdict_class(d->verdict);
	int silent = web_page_is_silent(d, r->ctx->now);
	size_t i;

	r->total++;
	for (i = 0; i < WEB_VERDICTS; i++) {
		if (strcmp(cls, web_verdicts[i]) == 0) {
			break;
		}
	}
	r->by_verdict[i]++;
	r->silent += silent;
	if (r->verdict != NULL && strcmp(r->verdict, cls) != 0 &&
	    !(strcmp(r->verdict, "none") == 0 && strcmp(cls, "other") == 0)) {
		return 0;
	}
	if (r->silent_only && !silent) {
		return 0;
	}
	if (r->q != NULL && strstr(d->agent, r->q) == NULL) {
		return 0;
	}
	r->shown++;
	if (r->csv) {
		web_out_csv(o, d->agent);
		web_out_put(o, ",", 1);
		if (d->last_seen > 0) {
			web_out_time(o, d->last_seen);
		}
		web_out_put(o, ",", 1);
		web_out_csv(o, d->verdict != NULL ? cls : "");
		web_out_printf(o, ",%lld,%lld,%lld,%lld,", (long long)d->open[3],
		    (long long)d->open[2], (long long)d->open[1],
		    (long long)d->open[0]);
		web_out_csv(o, d->agent_version);
		web_out_put(o, ",", 1);
		web_out_csv(o, d->bundle_version);
		web_out_printf(o, ",%s\r\n", silent ? "yes" : "no");
		return 0;
	}
	web_out_printf(o, "<tr class=\"dev-%s%s\"><td><a href=\"/device?id=",
	    cls, silent ? " dev-silent" : "");
	web_out_url(o, d->agent);
	web_out_puts(o, "\">");
	web_out_html(o, d->agent);
	web_out_puts(o, "</a></td><td>");
	web_out_time(o, d->last_seen);
	web_page_ago(o, r->ctx->now, d->last_seen);
	web_out_puts(o, "</td><td>");
	web_page_verdict_badge(o, d->verdict);
	web_out_puts(o, "</td>");
	web_page_count_cell(o, d->open[3], "s-critical");
	web_page_count_cell(o, d->open[2], "s-high");
	web_page_count_cell(o, d->open[1], "s-medium");
	web_page_count_cell(o, d->open[0], "s-low");
	web_out_puts(o, "<td>");
	web_out_html(o, d->agent_version != NULL ? d->agent_version : "-");
	web_out_puts(o, "</td><td>");
	web_out_html(o, d->bundle_version != NULL ? d->bundle_version : "-");
	web_out_puts(o, "</td><td>");
	if (silent) {
		web_out_puts(o, "<span class=\"badge silent\">silent</span>");
	} else if (d->interval == 0) {
		web_out_puts(o, "<span class=\"muted\">no heartbeat</span>");
	}
	web_out_puts(o, "</td></tr>\n");
	return 0;
}

static int
web_page_day(int64_t day, const char *severity, int64_t count, void *arg)
{
	struct web_render *r = arg;
	int64_t first = r->ctx->now / WEB_DAY - (WEB_CHART_DAYS - 1);
	int rank = ingest_rank_severity(severity);

	if (day < first || day >= first + WEB_CHART_DAYS || rank < 0) {
		return 0;
	}
	r->days[day - first][rank] += count;
	return 0;
}

/* Findings per day as stacked bars, inline SVG (no script, no style attr). */
static int
web_page_chart(struct web_render *r, const char *agent)
{
	const struct web_page_ctx *ctx = r->ctx;
	struct web_out *o = r->o;
	int64_t first = ctx->now / WEB_DAY - (WEB_CHART_DAYS - 1);
	int64_t max = 0;
	int64_t total;
	int64_t all = 0;
	const int bar = 16;
	const int height = 100;
	const int left = 34;
	int x;
	int y;
	int h;
	int i;
	int k;
	int rc;

	memset(r->days, 0, sizeof(r->days));
	rc = ctx->be->count_days(ctx->st, agent, first * WEB_DAY,
	    (first + WEB_CHART_DAYS) * WEB_DAY, web_page_day, r);
	if (rc != 0) {
		return rc;
	}
	for (i = 0; i < WEB_CHART_DAYS; i++) {
		total = 0;
		for (k = 0; k < 4; k++) {
			total += r->days[i][k];
		}
		all += total;
		if (total > max) {
			max = total;
		}
	}
	web_out_printf(o, "<h2>Findings per day, last %d days "
	    "<span class=\"muted\">(<span id=\"chart-total\">%lld</span>)"
	    "</span></h2>\n", WEB_CHART_DAYS, (long long)all);
	web_out_printf(o, "<svg class=\"chart\" id=\"chart\" role=\"img\" "
	    "xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
	    "viewBox=\"0 0 %d %d\"><title>Findings per day</title>",
	    left + WEB_CHART_DAYS * bar + 8, height + 30,
	    left + WEB_CHART_DAYS * bar + 8, height + 30);
	web_out_printf(o, "<text x=\"2\" y=\"14\">%lld</text>"
	    "<text x=\"2\" y=\"%d\">0</text>", (long long)max, height + 8);
	for (i = 0; i < WEB_CHART_DAYS; i++) {
		x = left + i * bar;
		y = height + 8;
		web_out_puts(o, "<g><title>");
		web_page_date(o, (first + i) * WEB_DAY);
		web_out_printf(o, ": %lld critical, %lld high, %lld medium, "
		    "%lld low</title>", (long long)r->days[i][3],
		    (long long)r->days[i][2], (long long)r->days[i][1],
		    (long long)r->days[i][0]);
		for (k = 3; k >= 0 && max > 0; k--) {
			if (r->days[i][k] == 0) {
				continue;
			}
			h = (int)(r->days[i][k] * (height - 10) / max);
			if (h < 1) {
				h = 1;
			}
			y -= h;
			web_out_printf(o, "<rect class=\"%s\" x=\"%d\" y=\"%d\" "
			    "width=\"%d\" height=\"%d\"/>", web_severities[k], x + 1,
			    y, bar - 2, h);
		}
		web_out_puts(o, "</g>");
	}
	web_out_puts(o, "<text x=\"34\" y=\"126\">");
	web_page_date(o, first * WEB_DAY);
	web_out_printf(o, "</text><text x=\"%d\" y=\"126\">today</text></svg>\n",
	    left + (WEB_CHART_DAYS - 2) * bar);
	return 0;
}

static void
web_page_select(struct web_out *o, const char *name, const char *label,
    const char *const *values, size_t n, const char *current)
{
	size_t i;

	web_out_printf(o, "<label>%s<select name=\"%s\" id=\"f-%s\">"
	    "<option value=\"\">any</option>", label, name, name);
	for (i = 0; i < n; i++) {
		web_out_printf(o, "<option%s>%s</option>",
		    current != NULL && strcmp(current, values[i]) == 0 ?
		    " selected" : "", values[i]);
	}
	web_out_puts(o, "</select></label>");
}

static void
web_page_input(struct web_out *o, const char *name, const char *label,
    const char *current)
{
	web_out_printf(o, "<label>%s<input name=\"%s\" id=\"f-%s\" value=\"",
	    label, name, name);
	web_out_html(o, current);
	web_out_puts(o, "\"></label>");
}

static int
web_page_devices(struct web_render *r, char *msg, size_t msgcap)
{
	static const char *const filter[] = {
		"infected", "suspicious", "incomplete", "clean", "none"
	};
	const struct web_page_ctx *ctx = r->ctx;
	struct web_out *o = r->o;
	const char *silent = web_page_arg(ctx, "silent");
	size_t i;
	int rc;

	r->verdict = web_page_arg(ctx, "verdict");
	r->q = web_page_arg(ctx, "q");
	if (r->verdict != NULL) {
		for (i = 0; i < 5 && strcmp(r->verdict, filter[i]) != 0; i++) {
		}
		if (i == 5) {
			return web_page_bad(msg, msgcap, "verdict is infected, "
			    "suspicious, incomplete, clean or none");
		}
	}
	if (silent != NULL && strcmp(silent, "1") != 0) {
		return web_page_bad(msg, msgcap, "silent is 1 or absent");
	}
	r->silent_only = silent != NULL;
	if (r->q != NULL && !web_page_check_word(r->q, INGEST_AGENT_MAX, 1, ".-")) {
		return web_page_bad(msg, msgcap, "q is part of a device id: "
		    "A-Z a-z 0-9 . _ -");
	}
	if (r->csv) {
		web_out_puts(o, "device,last_seen,verdict,critical,high,medium,low,"
		    "agent_version,bundle_version,silent\r\n");
		return ctx->be->list_devices(ctx->st, NULL, web_page_device_row, r);
	}
	web_page_head(o, ctx, "Devices");
	web_out_puts(o, "<h1>Devices</h1>\n");
	/* the table first into its own buffer: the tiles above need totals */
	{
		struct web_out table;
		struct web_out *page = o;

		web_out_init(&table, page->cap);
		r->o = &table;
		rc = ctx->be->list_devices(ctx->st, NULL, web_page_device_row, r);
		r->o = page;
		if (rc != 0 || table.failed) {
			rc = rc != 0 ? rc : table.failed;
			web_out_free(&table);
			return rc;
		}
		web_out_puts(o, "<section class=\"tiles\">");
		web_out_printf(o, "<a class=\"tile\" href=\"/\"><b id=\"n-devices\">"
		    "%zu</b>devices</a>", r->total);
		for (i = 0; i < WEB_VERDICTS; i++) {
			web_out_printf(o, "<a class=\"tile\" href=\"/?verdict=%s\">"
			    "<b id=\"n-%s\">%zu</b><span class=\"badge v-%s\">%s"
			    "</span></a>", web_verdicts[i], web_verdicts[i],
			    r->by_verdict[i], web_verdicts[i], web_verdicts[i]);
		}
		web_out_printf(o, "<a class=\"tile\" href=\"/?verdict=none\">"
		    "<b id=\"n-none\">%zu</b>no verdict</a>", r->by_verdict[WEB_VERDICTS]);
		web_out_printf(o, "<a class=\"tile\" href=\"/?silent=1\">"
		    "<b id=\"n-silent\">%zu</b><span class=\"badge silent\">silent"
		    "</span></a></section>\n", r->silent);
		rc = web_page_chart(r, NULL);
		if (rc != 0) {
			web_out_free(&table);
			return rc;
		}
		web_out_puts(o, "<form method=\"get\" action=\"/\" class=\"filters\">");
		web_page_select(o, "verdict", "Verdict", filter, 5, r->verdict);
		web_out_printf(o, "<label>Silent only<input type=\"checkbox\" "
		    "name=\"silent\" value=\"1\" id=\"f-silent\"%s></label>",
		    r->silent_only ? " checked" : "");
		web_page_input(o, "q", "Device id contains", r->q);
		web_out_puts(o, "<button type=\"submit\" id=\"apply\">Apply</button> "
		    "<a id=\"csv\" href=\"/devices.csv?");
		web_out_puts(o, "verdict=");
		web_out_url(o, r->verdict);
		web_out_puts(o, r->silent_only ? "&amp;silent=1" : "");
		web_out_puts(o, "&amp;q=");
		web_out_url(o, r->q);
		web_out_puts(o, "\">CSV</a></form>\n");
		web_out_printf(o, "<p class=\"muted\"><span id=\"shown\">%zu</span> "
		    "of %zu devices. Open findings: those of the newest completed "
		    "scan and after. Silent: no heartbeat for 3 intervals.</p>\n",
		    r->shown, r->total);
		web_out_puts(o, "<table id=\"devices\"><thead><tr><th>Device</th>"
		    "<th>Last seen</th><th>Verdict</th><th>Critical</th><th>High</th>"
		    "<th>Medium</th><th>Low</th><th>Agent</th><th>Bundle</th>"
		    "<th>Silent</th></tr></thead><tbody>\n");
		web_out_put(o, table.p != NULL ? table.p : "", table.len);
		web_out_free(&table);
	}
	web_out_puts(o, "</tbody></table>\n");
	web_page_foot(o);
	return 0;
}

const char *
web_page_family(json_t *obj, char *out, size_t cap)
{
	const char *s;
	const char *p;
	const char *q;
	size_t n = 0;

	if (cap == 0) {
		return out;
	}
	out[0] = '\0';
	s = json_string_value(json_object_get(obj, "family"));
	if (s != NULL) {
		n = strlen(s);
		p = s;
	} else if ((s = json_string_value(json_object_get(obj, "ioc_source"))) !=
	    NULL && strncmp(s, "threatfox:", 10) == 0 &&
	    (p = strchr(s + 10, ':')) != NULL) {
		p++;
		q = strchr(p, ':');
		n = q != NULL ? (size_t)(q - p) : strlen(p);
	} else if ((s = json_string_value(json_object_get(obj, "rule"))) != NULL &&
	    s[strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789_")] == '\0') {
		/* a YARA rule name; not a netfilter rule's text */
		p = s;
		q = strchr(p, '_');
		n = q != NULL ? (size_t)(q - p) : strlen(p);
	} else {
		return out;
	}
	if (n >= cap) {
		n = cap - 1;
	}
	memcpy(out, p, n);
	out[n] = '\0';
	return out;
}

/* A JSON value as text: strings as they are, the rest compact JSON. */
static void
web_page_value(struct web_out *o, json_t *v, int csv)
{
	char *text;

	if (json_is_string(v)) {
		if (csv) {
			web_out_csv(o, json_string_value(v));
		} else {
			web_out_html(o, json_string_value(v));
		}
		return;
	}
	text = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
	if (text == NULL) {
		return;
	}
	if (csv) {
		web_out_csv(o, text);
	} else {
		web_out_html(o, text);
	}
	free(text);
}

static int
web_page_finding_row(const struct store_row *row, void *arg)
{
	struct web_render *r = arg;
	struct web_out *o = r->o;
	char family[65];
	json_t *obj;
	json_t *v;
	char *pretty;
	size_t i;
	int any = 0;

	obj = json_loads(row->json, 0, NULL);
	if (obj == NULL) {
		return 0;   /* not a stored finding: nothing to show */
	}
	web_page_family(obj, family, sizeof(family));
	if (r->family != NULL && strcasecmp(family, r->family) != 0) {
		json_decref(obj);
		return 0;
	}
	r->rows++;
	if (r->csv) {
		web_out_time(o, row->received);
		web_out_put(o, ",", 1);
		web_out_time(o, row->ts);
		web_out_put(o, ",", 1);
		web_out_csv(o, row->agent);
		web_out_printf(o, ",%lld,", (long long)row->seq);
		web_out_csv(o, row->type);
		web_out_put(o, ",", 1);
		web_out_csv(o, row->severity);
		web_out_put(o, ",", 1);
		web_out_csv(o, family);
		web_out_put(o, ",", 1);
		web_out_csv(o, json_string_value(json_object_get(obj, "summary")));
		for (i = 0; i < sizeof(web_evidence) / sizeof(web_evidence[0]); i++) {
			web_out_put(o, ",", 1);
			v = json_object_get(obj, web_evidence[i]);
			if (v != NULL) {
				web_page_value(o, v, 1);
			}
		}
		web_out_puts(o, "\r\n");
		json_decref(obj);
		return r->rows >= r->limit ? 1 : 0;
	}
	web_out_printf(o, "<tr class=\"finding\"><td>");
	web_out_time(o, row->received);
	web_out_puts(o, "</td><td><a href=\"/device?id=");
	web_out_url(o, row->agent);
	web_out_puts(o, "\">");
	web_out_html(o, row->agent);
	web_out_puts(o, "</a></td><td class=\"type\">");
	web_out_html(o, row->type);
	web_out_printf(o, "</td><td class=\"sev s-%s\">",
	    ingest_rank_severity(row->severity) >= 0 ? row->severity : "low");
	web_out_html(o, row->severity);
	web_out_puts(o, "</td><td class=\"family\">");
	web_out_html(o, family);
	web_out_puts(o, "</td><td class=\"summary\">");
	web_out_html(o, json_string_value(json_object_get(obj, "summary")));
	web_out_puts(o, "</td><td><dl class=\"ev\">");
	for (i = 0; i < sizeof(web_evidence) / sizeof(web_evidence[0]); i++) {
		v = json_object_get(obj, web_evidence[i]);
		if (v == NULL) {
			continue;
		}
		any = 1;
		web_out_printf(o, "<dt>%s</dt><dd class=\"ev-%s\"><code>",
		    web_evidence[i], web_evidence[i]);
		web_page_value(o, v, 0);
		web_out_puts(o, "</code></dd>");
	}
	web_out_puts(o, "</dl>");
	pretty = json_dumps(obj, JSON_INDENT(1) | JSON_SORT_KEYS);
	if (pretty != NULL) {
		web_out_puts(o, any ? "<details><summary>all fields</summary><pre>" :
		    "<details><summary>fields</summary><pre>");
		web_out_html(o, pretty);
		web_out_puts(o, "</pre></details>");
		free(pretty);
	}
	web_out_puts(o, "</td></tr>\n");
	json_decref(obj);
	return r->rows >= r->limit ? 1 : 0;
}

static void
web_page_findings_table_head(struct web_out *o, const char *id)
{
	web_out_printf(o, "<table id=\"%s\"><thead><tr><th>Received</th>"
	    "<th>Device</th><th>Kind</th><th>Severity</th><th>Family</th>"
	    "<th>Summary</th><th>Evidence</th></tr></thead><tbody>\n", id);
}

static int
web_page_findings(struct web_render *r, char *msg, size_t msgcap)
{
	static const char *const sev_desc[] = {
		"critical", "high", "medium", "low"
	};
	const struct web_page_ctx *ctx = r->ctx;
	struct web_out *o = r->o;
	struct store_find flt = { NULL, NULL, "summary", NULL, -1, -1 };
	const char *since = web_page_arg(ctx, "since");
	const char *until = web_page_arg(ctx, "until");
	const char *limit = web_page_arg(ctx, "limit");
	uint64_t n;
	int rc;

	flt.agent = web_page_arg(ctx, "agent");
	flt.type = web_page_arg(ctx, "kind");
	flt.severity = web_page_arg(ctx, "severity");
	r->family = web_page_arg(ctx, "family");
	r->limit = WEB_LIMIT_DEFAULT;
	if (flt.agent != NULL && !ingest_check_agent(flt.agent)) {
		return web_page_bad(msg, msgcap, "agent is a device id");
	}
	if (flt.type != NULL) {
		if (!web_page_check_word(flt.type, INGEST_TYPE_MAX, 0, NULL)) {
			return web_page_bad(msg, msgcap, "kind is a finding type "
			    "(a-z 0-9 _)");
		}
		if (strcmp(flt.type, "summary") == 0) {
			flt.not_type = NULL;
		}
	}
	if (flt.severity != NULL && ingest_rank_severity(flt.severity) < 0) {
		return web_page_bad(msg, msgcap, "severity is low, medium, high or "
		    "critical");
	}
	if (r->family != NULL &&
	    !web_page_check_word(r->family, 64, 1, ".-")) {
		return web_page_bad(msg, msgcap, "family is a name of A-Z a-z 0-9 "
		    ". _ -");
	}
	if (since != NULL && web_page_parse_time(since, 0, &flt.since) != 0) {
		return web_page_bad(msg, msgcap, "since is YYYY-MM-DD or unix "
		    "seconds");
	}
	if (until != NULL && web_page_parse_time(until, 1, &flt.until) != 0) {
		return web_page_bad(msg, msgcap, "until is YYYY-MM-DD (that day "
		    "included) or unix seconds");
	}
	if (limit != NULL) {
		if (num_parse_str_u64(limit, WEB_LIMIT_MAX, &n) != 0 || n == 0) {
			return web_page_bad(msg, msgcap, "limit is 1..100000");
		}
		r->limit = (size_t)n;
	}
	if (r->csv) {
		web_out_puts(o, "received,ts,device,seq,kind,severity,family,summary,"
		    "pid,pids,exe,cmdline,local,remote,proto,state,rule,ioc,"
		    "ioc_source,host,sha256,md5,reason,action\r\n");
		rc = ctx->be->find(ctx->st, &flt, web_page_finding_row, r);
		return rc == 1 ? 0 : rc;
	}
	web_page_head(o, ctx, "Findings");
	web_out_puts(o, "<h1>Findings</h1>\n<form method=\"get\" "
	    "action=\"/findings\" class=\"filters\">");
	web_page_input(o, "kind", "Kind", flt.type);
	web_page_select(o, "severity", "Severity", sev_desc, 4, flt.severity);
	web_page_input(o, "family", "Family", r->family);
	web_page_input(o, "agent", "Device", flt.agent);
	web_page_input(o, "since", "Since (date or unix s)", since);
	web_page_input(o, "until", "Until (date, included)", until);
	web_page_input(o, "limit", "Rows", limit);
	web_out_puts(o, "<button type=\"submit\" id=\"apply\">Apply</button> "
	    "<a id=\"csv\" href=\"/findings.csv?");
	{
		static const char *const keys[] = {
			"kind", "severity", "family", "agent", "since", "until", "limit"
		};
		size_t i;

		for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
			web_out_printf(o, "%s%s=", i > 0 ? "&amp;" : "", keys[i]);
			web_out_url(o, web_page_arg(ctx, keys[i]));
		}
	}
	web_out_puts(o, "\">CSV</a></form>\n");
	{
		struct web_out table;
		struct web_out *page = o;

		web_out_init(&table, page->cap);
		r->o = &table;
		rc = ctx->be->find(ctx->st, &flt, web_page_finding_row, r);
		r->o = page;
		if ((rc != 0 && rc != 1) || table.failed) {
			rc = rc != 0 && rc != 1 ? rc : table.failed;
			web_out_free(&table);
			return rc;
		}
		web_out_printf(o, "<p class=\"muted\"><span id=\"shown\">%zu</span> "
		    "findings%s, newest first (collector receive time, UTC; "
		    "heartbeats left out unless kind=summary).</p>\n", r->rows,
		    rc == 1 ? " (the limit; narrow the filter or raise it)" : "");
		web_page_findings_table_head(o, "findings");
		web_out_put(o, table.p != NULL ? table.p : "", table.len);
		web_out_free(&table);
	}
	web_out_puts(o, "</tbody></table>\n");
	web_page_foot(o);
	return 0;
}

static int
web_page_one_device(const struct store_device *d, void *arg)
{
	struct web_render *r = arg;
	struct web_out *o = r->o;
	int silent = web_page_is_silent(d, r->ctx->now);

	r->total++;
	web_page_head(o, r->ctx, d->agent);
	web_out_puts(o, "<h1>Device <span id=\"device-id\">");
	web_out_html(o, d->agent);
	web_out_puts(o, "</span></h1>\n<table id=\"device\"><tbody><tr><th>Verdict"
	    "</th><td id=\"verdict\">");
	web_page_verdict_badge(o, d->verdict);
	web_out_puts(o, " <span class=\"muted\">scan received ");
	web_out_time(o, d->verdict_ts);
	web_out_puts(o, "</span></td></tr><tr><th>Last seen</th><td>");
	web_out_time(o, d->last_seen);
	web_page_ago(o, r->ctx->now, d->last_seen);
	web_out_puts(o, "</td></tr><tr><th>Heartbeat interval</th><td>");
	if (d->interval > 0) {
		web_out_printf(o, "%lld s", (long long)d->interval);
	} else {
		web_out_puts(o, "no heartbeat yet");
	}
	web_out_printf(o, "</td></tr><tr><th>Silent</th><td id=\"silent\">%s"
	    "</td></tr>", silent ? "<span class=\"badge silent\">silent</span>" :
	    "no");
	web_out_printf(o, "<tr><th>Open findings</th><td id=\"open\">"
	    "<span class=\"s-critical\">%lld critical</span>, "
	    "<span class=\"s-high\">%lld high</span>, "
	    "<span class=\"s-medium\">%lld medium</span>, "
	    "<span class=\"s-low\">%lld low</span></td></tr>",
	    (long long)d->open[3], (long long)d->open[2], (long long)d->open[1],
	    (long long)d->open[0]);
	web_out_puts(o, "<tr><th>Agent version</th><td>");
	web_out_html(o, d->agent_version != NULL ? d->agent_version : "-");
	web_out_puts(o, "</td></tr><tr><th>Bundle version</th><td>");
	web_out_html(o, d->bundle_version != NULL ? d->bundle_version : "-");
	web_out_puts(o, "</td></tr></tbody></table>\n");
	return 0;
}

static int
web_page_scan_row(const struct store_row *row, void *arg)
{
	struct web_render *r = arg;
	struct web_out *o = r->o;
	json_t *obj = json_loads(row->json, 0, NULL);

	r->rows++;
	web_out_puts(o, "<tr><td>");
	web_out_time(o, row->received);
	web_out_puts(o, "</td><td>");
	web_page_verdict_badge(o, json_string_value(json_object_get(obj,
	    "verdict")));
	web_out_puts(o, "</td><td>");
	web_out_html(o, json_string_value(json_object_get(obj, "summary")));
	web_out_puts(o, "</td></tr>\n");
	json_decref(obj);
	return r->rows >= r->limit ? 1 : 0;
}

static int
web_page_device(struct web_render *r, char *msg, size_t msgcap)
{
	const struct web_page_ctx *ctx = r->ctx;
	struct web_out *o = r->o;
	const char *id = web_page_arg(ctx, "id");
	struct store_find flt = { NULL, "summary", NULL, NULL, -1, -1 };
	int rc;

	if (id == NULL || !ingest_check_agent(id)) {
		return web_page_bad(msg, msgcap, "id is a device id");
	}
	rc = ctx->be->list_devices(ctx->st, id, web_page_one_device, r);
	if (rc != 0) {
		return rc;
	}
	if (r->total == 0) {
		return -ENOENT;
	}
	rc = web_page_chart(r, id);
	if (rc != 0) {
		return rc;
	}
	web_out_puts(o, "<h2>Recent scans <span class=\"muted\">(newest 5)</span></h2>\n<table id=\"scans\"><thead><tr>"
	    "<th>Received</th><th>Verdict</th><th>Summary</th></tr></thead>"
	    "<tbody>\n");
	flt.agent = id;
	r->limit = 5;
	r->rows = 0;
	rc = ctx->be->find(ctx->st, &flt, web_page_scan_row, r);
	if (rc != 0 && rc != 1) {
		return rc;
	}
	web_out_puts(o, "</tbody></table>\n<h2>Findings <span class=\"muted\">"
	    "(newest first; <a id=\"csv\" href=\"/findings.csv?agent=");
	web_out_url(o, id);
	web_out_puts(o, "&amp;limit=100000\">CSV</a>, <a href=\"/findings?agent=");
	web_out_url(o, id);
	web_out_puts(o, "\">filter</a>)</span></h2>\n");
	web_page_findings_table_head(o, "findings");
	flt.type = NULL;
	flt.not_type = "summary";
	r->limit = WEB_LIMIT_DEFAULT;
	r->rows = 0;
	rc = ctx->be->find(ctx->st, &flt, web_page_finding_row, r);
	if (rc != 0 && rc != 1) {
		return rc;
	}
	web_out_puts(o, "</tbody></table>\n");
	web_page_foot(o);
	(void)msg;
	(void)msgcap;
	return 0;
}

int
web_page_render(const struct web_page_ctx *ctx, enum web_page page,
    struct web_out *o, char *msg, size_t msgcap)
{
	struct web_render *r;
	int rc = -EINVAL;

	if (msgcap > 0) {
		msg[0] = '\0';
	}
	/* the chart's day array makes this too big for a thread's stack */
	r = calloc(1, sizeof(*r));
	if (r == NULL) {
		return -ENOMEM;
	}
	r->ctx = ctx;
	r->o = o;
	switch (page) {
	case WEB_PAGE_DEVICES_CSV:
		r->csv = 1;
		/* fall through */
	case WEB_PAGE_DEVICES:
		rc = web_page_devices(r, msg, msgcap);
		break;
	case WEB_PAGE_DEVICE:
		rc = web_page_device(r, msg, msgcap);
		break;
	case WEB_PAGE_FINDINGS_CSV:
		r->csv = 1;
		/* fall through */
	case WEB_PAGE_FINDINGS:
		rc = web_page_findings(r, msg, msgcap);
		break;
	}
	free(r);
	if (rc == 0 && o->failed) {
		rc = o->failed;
	}
	return rc;
}

void
web_page_login(struct web_out *o, const char *csrf, const char *message)
{
	web_page_head(o, NULL, "Log in");
	web_out_puts(o, "<main><form class=\"login\" method=\"post\" "
	    "action=\"/login\"><h1>iothunt fleet</h1>");
	if (message != NULL) {
		web_out_puts(o, "<p class=\"error\" id=\"message\">");
		web_out_html(o, message);
		web_out_puts(o, "</p>");
	}
	web_out_puts(o, "<input type=\"hidden\" name=\"csrf\" value=\"");
	web_out_html(o, csrf);
	web_out_puts(o, "\"><label>User<input name=\"user\" id=\"login-user\" "
	    "autocomplete=\"username\" required></label>"
	    "<label>Password<input name=\"password\" id=\"login-password\" "
	    "type=\"password\" autocomplete=\"current-password\" required>"
	    "</label><button type=\"submit\" id=\"login\">Log in</button>"
	    "</form></main></body></html>\n");
}

void
web_page_error(struct web_out *o, unsigned status, const char *msg)
{
	web_page_head(o, NULL, "Error");
	web_out_printf(o, "<main><h1>%u</h1><p class=\"error\" id=\"message\">",
	    status);
	web_out_html(o, msg);
	web_out_puts(o, "</p><p><a href=\"/\">Devices</a></p></main></body>"
	    "</html>\n");
}
