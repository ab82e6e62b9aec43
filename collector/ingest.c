/* SPDX-License-Identifier: BSD-2-Clause */
#include "ingest.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const ingest_severities[] = {
	"low", "medium", "high", "critical"
};

static const char *const ingest_string_fields[] = {
	"exe", "cmdline", "local", "remote", "md5", "sha1", "sha256", "rule",
	"ioc", "ioc_source", "action", "host", "verdict", "unreadable", "advice"
};

int
ingest_rank_severity(const char *severity)
{
	size_t i;

	if (severity == NULL) {
		return -EINVAL;
	}
	for (i = 0; i < sizeof(ingest_severities) / sizeof(ingest_severities[0]); i++) {
		if (strcmp(severity, ingest_severities[i]) == 0) {
			return (int)i;
		}
	}
	return -EINVAL;
}

int
ingest_check_agent(const char *agent)
{
	size_t i;

	if (agent == NULL || agent[0] == '\0') {
		return 0;
	}
	for (i = 0; agent[i] != '\0'; i++) {
		char c = agent[i];

		if (i >= INGEST_AGENT_MAX) {
			return 0;
		}
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) {
			return 0;
		}
	}
	return 1;
}

/* type = 1*64( %x61-7A / DIGIT / "_" ) */
static int
ingest_check_type(const char *type)
{
	size_t i;

	for (i = 0; type[i] != '\0'; i++) {
		char c = type[i];

		if (i >= INGEST_TYPE_MAX) {
			return 0;
		}
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
			return 0;
		}
	}
	return i > 0;
}

/* Reasons are short literals or built in small buffers: a small cap only
 * shortens the message, which still starts with what went wrong. */
static int
ingest_fail(char *msg, size_t cap, const char *text)
{
	if (cap > 0 && snprintf(msg, cap, "%s", text) < 0) {
		msg[0] = '\0';
	}
	return -EINVAL;
}

static int
ingest_get_string(json_t *obj, const char *key, size_t max, int required,
    const char **out, char *msg, size_t cap)
{
	json_t *v = json_object_get(obj, key);
	char text[96];
	int n;

	*out = NULL;
	if (v == NULL) {
		if (!required) {
			return 0;
		}
		n = snprintf(text, sizeof(text), "missing required field \"%s\"", key);
		return ingest_fail(msg, cap, n > 0 ? text : "missing required field");
	}
	if (!json_is_string(v)) {
		n = snprintf(text, sizeof(text), "field \"%s\" must be a string", key);
		return ingest_fail(msg, cap, n > 0 ? text : "field must be a string");
	}
	if (json_string_length(v) > max) {
		n = snprintf(text, sizeof(text), "field \"%s\" longer than %zu bytes",
		    key, max);
		return ingest_fail(msg, cap, n > 0 ? text : "field too long");
	}
	*out = json_string_value(v);
	return 0;
}

static int
ingest_get_integer(json_t *obj, const char *key, json_int_t min, int required,
    int *present, json_int_t *out, char *msg, size_t cap)
{
	json_t *v = json_object_get(obj, key);
	char text[96];
	int n;

	*present = 0;
	if (v == NULL) {
		if (!required) {
			return 0;
		}
		n = snprintf(text, sizeof(text), "missing required field \"%s\"", key);
		return ingest_fail(msg, cap, n > 0 ? text : "missing required field");
	}
	if (!json_is_integer(v) || json_integer_value(v) < min) {
		n = snprintf(text, sizeof(text),
		    "field \"%s\" must be an integer >= %lld", key, (long long)min);
		return ingest_fail(msg, cap, n > 0 ? text : "bad integer field");
	}
	*present = 1;
	*out = json_integer_value(v);
	return 0;
}

/* Optional "pids": an array of 1..INGEST_PIDS_MAX integers >= 1. */
static int
ingest_check_pids(json_t *obj, char *msg, size_t cap)
{
	json_t *v = json_object_get(obj, "pids");
	size_t i;

	if (v == NULL) {
		return 0;
	}
	if (!json_is_array(v) || json_array_size(v) == 0 ||
	    json_array_size(v) > INGEST_PIDS_MAX) {
		return ingest_fail(msg, cap,
		    "field \"pids\" must be an array of 1-64 pids");
	}
	for (i = 0; i < json_array_size(v); i++) {
		json_t *p = json_array_get(v, i);

		if (!json_is_integer(p) || json_integer_value(p) < 1) {
			return ingest_fail(msg, cap,
			    "field \"pids\" must hold integers >= 1");
		}
	}
	return 0;
}

int
ingest_check_finding(json_t *obj, struct ingest_finding *f, char *msg,
    size_t cap)
{
	const char *type;
	const char *severity;
	const char *summary;
	const char *s;
	json_int_t v;
	int present;
	int rc;
	size_t i;

	memset(f, 0, sizeof(*f));
	if (!json_is_object(obj)) {
		return ingest_fail(msg, cap, "not a JSON object");
	}
	rc = ingest_get_string(obj, "type", INGEST_TYPE_MAX, 1, &type, msg, cap);
	if (rc != 0) {
		return rc;
	}
	if (!ingest_check_type(type)) {
		return ingest_fail(msg, cap,
		    "field \"type\" must be 1-64 of [a-z0-9_]");
	}
	rc = ingest_get_string(obj, "severity", 16, 1, &severity, msg, cap);
	if (rc != 0) {
		return rc;
	}
	if (ingest_rank_severity(severity) < 0) {
		return ingest_fail(msg, cap,
		    "field \"severity\" must be one of low|medium|high|critical");
	}
	rc = ingest_get_string(obj, "summary", INGEST_SUMMARY_MAX, 1, &summary,
	    msg, cap);
	if (rc != 0) {
		return rc;
	}
	if (summary[0] == '\0') {
		return ingest_fail(msg, cap, "field \"summary\" must not be empty");
	}
	rc = ingest_get_integer(obj, "ts", 0, 1, &present, &v, msg, cap);
	if (rc != 0) {
		return rc;
	}
	f->ts = (int64_t)v;
	rc = ingest_get_integer(obj, "seq", 1, 1, &present, &v, msg, cap);
	if (rc != 0) {
		return rc;
	}
	f->seq = (int64_t)v;
	for (i = 0; i < sizeof(ingest_string_fields) / sizeof(ingest_string_fields[0]); i++) {
		rc = ingest_get_string(obj, ingest_string_fields[i],
		    INGEST_STRING_MAX, 0, &s, msg, cap);
		if (rc != 0) {
			return rc;
		}
	}
	rc = ingest_get_integer(obj, "pid", 0, 0, &present, &v, msg, cap);
	if (rc != 0) {
		return rc;
	}
	rc = ingest_check_pids(obj, msg, cap);
	if (rc != 0) {
		return rc;
	}
	rc = ingest_get_integer(obj, "interval", 1, 0, &present, &v, msg, cap);
	if (rc != 0) {
		return rc;
	}
	if (strcmp(type, "summary") == 0) {
		if (!present) {
			v = INGEST_INTERVAL_DEFAULT;
		}
		if (v < INGEST_INTERVAL_MIN) {
			v = INGEST_INTERVAL_MIN;
		}
		if (v > INGEST_INTERVAL_MAX) {
			v = INGEST_INTERVAL_MAX;
		}
		f->interval = (int64_t)v;
	}
	f->obj = obj;
	f->type = type;
	f->severity = severity;
	return 0;
}

static int
ingest_grow_batch(struct ingest_batch *batch)
{
	struct ingest_finding *items;
	size_t cap;

	if (batch->count < batch->cap) {
		return 0;
	}
	cap = batch->cap == 0 ? 16 : batch->cap * 2;
	if (cap > INGEST_FINDINGS_MAX) {
		cap = INGEST_FINDINGS_MAX;
	}
	if (cap <= batch->count) {
		return -E2BIG;
	}
	items = realloc(batch->items, cap * sizeof(*items));
	if (items == NULL) {
		return -ENOMEM;
	}
	batch->items = items;
	batch->cap = cap;
	return 0;
}

static int
ingest_is_blank(const char *p, const char *end)
{
	for (; p < end; p++) {
		if (*p != ' ' && *p != '\t' && *p != '\r') {
			return 0;
		}
	}
	return 1;
}

static void
ingest_set_error(struct ingest_error *err, size_t line, const char *what)
{
	int n;

	err->line = line;
	if (line > 0) {
		n = snprintf(err->msg, sizeof(err->msg), "line %zu: %s", line, what);
	} else {
		n = snprintf(err->msg, sizeof(err->msg), "%s", what);
	}
	if (n < 0) {
		err->msg[0] = '\0';
	}
	/* a longer reason is cut at the buffer: still names the line */
}

int
ingest_parse_batch(const char *body, size_t len, struct ingest_batch *batch,
    struct ingest_error *err)
{
	const char *p = body;
	const char *end = body + len;
	const char *nl;
	const char *le;
	struct ingest_finding f;
	json_error_t jerr;
	json_t *obj;
	char reason[160];
	size_t line = 0;
	int rc = 0;
	int n;

	memset(err, 0, sizeof(*err));
	if (body == NULL || len == 0) {
		ingest_set_error(err, 0, "empty body");
		return -EINVAL;
	}
	while (p < end) {
		line++;
		nl = memchr(p, '\n', (size_t)(end - p));
		le = nl != NULL ? nl : end;
		if (ingest_is_blank(p, le)) {
			p = nl != NULL ? nl + 1 : end;
			continue;
		}
		if ((size_t)(le - p) > INGEST_LINE_MAX) {
			ingest_set_error(err, line, "line longer than 65536 bytes");
			rc = -EINVAL;
			goto out;
		}
		if (le > p && le[-1] == '\r') {
			le--;
		}
		obj = json_loadb(p, (size_t)(le - p), JSON_REJECT_DUPLICATES, &jerr);
		if (obj == NULL) {
			n = snprintf(reason, sizeof(reason), "invalid JSON at column %d: %s",
			    jerr.column, jerr.text);
			ingest_set_error(err, line, n > 0 ? reason : "invalid JSON");
			rc = -EINVAL;
			goto out;
		}
		rc = ingest_check_finding(obj, &f, reason, sizeof(reason));
		if (rc != 0) {
			json_decref(obj);
			ingest_set_error(err, line, reason);
			goto out;
		}
		rc = ingest_grow_batch(batch);
		if (rc != 0) {
			json_decref(obj);
			if (rc == -E2BIG) {
				ingest_set_error(err, line, "more than 10000 findings");
				rc = -EINVAL;
			} else {
				ingest_set_error(err, 0, "out of memory");
			}
			goto out;
		}
		batch->items[batch->count++] = f;
		p = nl != NULL ? nl + 1 : end;
	}
	if (batch->count == 0) {
		ingest_set_error(err, 0, "no findings in body");
		rc = -EINVAL;
	}
out:
	if (rc != 0) {
		ingest_free_batch(batch);
	}
	return rc;
}

int
ingest_stamp_batch(struct ingest_batch *batch, const char *agent,
    int64_t received)
{
	size_t i;

	for (i = 0; i < batch->count; i++) {
		json_t *obj = batch->items[i].obj;

		if (json_object_set_new(obj, "agent", json_string(agent)) != 0 ||
		    json_object_set_new(obj, "received",
		    json_integer((json_int_t)received)) != 0) {
			return -ENOMEM;
		}
		/* type and severity still point into obj: set_new above did not
		 * replace those keys */
	}
	return 0;
}

/* version = 1*32( ALPHA / DIGIT / "." / "+" / "~" / "-" / "_" ) */
static int
ingest_check_version(const char *p, size_t len)
{
	size_t i;

	if (len == 0 || len > INGEST_VERSION_MAX) {
		return 0;
	}
	for (i = 0; i < len; i++) {
		char c = p[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '.' || c == '+' || c == '~' ||
		    c == '-' || c == '_')) {
			return 0;
		}
	}
	return 1;
}

int
ingest_stamp_version(struct ingest_batch *batch, const char *user_agent)
{
	static const char prefix[] = "iothunt/";
	const char *v;
	size_t len;
	size_t i;

	if (user_agent == NULL ||
	    strncmp(user_agent, prefix, sizeof(prefix) - 1) != 0) {
		return 0;
	}
	v = user_agent + sizeof(prefix) - 1;
	len = strcspn(v, " ");
	if (!ingest_check_version(v, len)) {
		return 0;
	}
	for (i = 0; i < batch->count; i++) {
		json_t *obj = batch->items[i].obj;

		if (batch->items[i].interval <= 0 ||
		    json_object_get(obj, "agent_version") != NULL) {
			continue;
		}
		if (json_object_set_new(obj, "agent_version",
		    json_stringn(v, len)) != 0) {
			return -ENOMEM;
		}
	}
	return 0;
}

void
ingest_free_batch(struct ingest_batch *batch)
{
	size_t i;

	for (i = 0; i < batch->count; i++) {
		json_decref(batch->items[i].obj);
	}
	free(batch->items);
	memset(batch, 0, sizeof(*batch));
}
