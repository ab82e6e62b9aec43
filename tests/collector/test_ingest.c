/* SPDX-License-Identifier: BSD-2-Clause */
/* Unit tests: NDJSON batch parsing and finding validation. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ingest.h"

#define OK1 "{\"type\":\"ioc_connection\",\"severity\":\"high\",\"summary\":\"s\",\"ts\":1700000000,\"seq\":1}"
#define OK2 "{\"type\":\"summary\",\"severity\":\"low\",\"summary\":\"CLEAN\",\"ts\":1700000001,\"seq\":2}"

/* A finding with one field changed: TYPE, SEV, SUM, TS, SEQ as JSON text. */
#define F(type, sev, sum, ts, seq) \
	"{\"type\":" type ",\"severity\":" sev ",\"summary\":" sum \
	",\"ts\":" ts ",\"seq\":" seq "}"

struct batch_case {
	const char *name;
	const char *body;
	size_t len;          /* 0: strlen(body) */
	int rc;
	size_t count;        /* findings on success */
	size_t line;         /* error line on failure */
	const char *msg;     /* substring of the error on failure */
};

static const struct batch_case batch_cases[] = {
	{ "one line with LF", OK1 "\n", 0, 0, 1, 0, NULL },
	{ "one line without LF", OK1, 0, 0, 1, 0, NULL },
	{ "two lines", OK1 "\n" OK2 "\n", 0, 0, 2, 0, NULL },
	{ "CRLF", OK1 "\r\n" OK2 "\r\n", 0, 0, 2, 0, NULL },
	{ "blank lines skipped", "\n" OK1 "\n \t\r\n\n" OK2, 0, 0, 2, 0, NULL },
	{ "unknown fields kept", "{\"type\":\"x\",\"severity\":\"low\",\"summary\":\"s\","
	    "\"ts\":0,\"seq\":9,\"extra\":[1,{\"a\":null}]}", 0, 0, 1, 0, NULL },
	{ "all optional fields", "{\"type\":\"rule_match\",\"severity\":\"critical\","
	    "\"summary\":\"s\",\"ts\":1,\"seq\":3,\"pid\":0,\"exe\":\"/tmp/x\","
	    "\"cmdline\":\"x y\",\"local\":\"1.2.3.4:1\",\"remote\":\"5.6.7.8:2\","
	    "\"md5\":\"m\",\"sha1\":\"s1\",\"sha256\":\"s2\",\"rule\":\"r\",\"ioc\":\"i\","
	    "\"ioc_source\":\"threatfox\",\"action\":\"alert\",\"host\":\"h\"}",
	    0, 0, 1, 0, NULL },
	{ "pids of copies of one image", "{\"type\":\"exe_deleted\",\"severity\":\"high\","
	    "\"summary\":\"s\",\"ts\":1,\"seq\":4,\"pid\":50,\"pids\":[50,51,52]}",
	    0, 0, 1, 0, NULL },
	{ "pids not an array", "{\"type\":\"x\",\"severity\":\"low\",\"summary\":\"s\","
	    "\"ts\":0,\"seq\":1,\"pids\":50}", 0, -EINVAL, 0, 1, "\"pids\"" },
	{ "pids empty", "{\"type\":\"x\",\"severity\":\"low\",\"summary\":\"s\","
	    "\"ts\":0,\"seq\":1,\"pids\":[]}", 0, -EINVAL, 0, 1, "\"pids\"" },
	{ "pids with a string", "{\"type\":\"x\",\"severity\":\"low\",\"summary\":\"s\","
	    "\"ts\":0,\"seq\":1,\"pids\":[50,\"51\"]}", 0, -EINVAL, 0, 1, "\"pids\"" },
	{ "pids with zero", "{\"type\":\"x\",\"severity\":\"low\",\"summary\":\"s\","
	    "\"ts\":0,\"seq\":1,\"pids\":[0]}", 0, -EINVAL, 0, 1, "\"pids\"" },
	{ "incomplete summary", "{\"type\":\"summary\",\"severity\":\"low\",\"summary\":"
	    "\"INCOMPLETE: 0 finding(s)\",\"ts\":1,\"seq\":5,\"verdict\":\"INCOMPLETE\","
	    "\"complete\":false,\"unreadable\":\"the firewall rules\",\"advice\":\"run as root\"}",
	    0, 0, 1, 0, NULL },
	{ "unreadable not a string", "{\"type\":\"summary\",\"severity\":\"low\",\"summary\":"
	    "\"s\",\"ts\":1,\"seq\":5,\"unreadable\":[1]}", 0, -EINVAL, 0, 1, "\"unreadable\"" },
	{ "empty body", "", 0, -EINVAL, 0, 0, "empty body" },
	{ "only blank lines", "\n\r\n \n", 0, -EINVAL, 0, 0, "no findings" },
	{ "not JSON", "hello\n", 0, -EINVAL, 0, 1, "invalid JSON" },
	{ "bad second line, nothing kept", OK1 "\n{\n", 0, -EINVAL, 0, 2, "invalid JSON" },
	{ "line numbers count blank lines", "\n\n" OK1 "\n[1]\n", 0, -EINVAL, 0, 4,
	    "not a JSON object" },
	{ "array", "[" OK1 "]", 0, -EINVAL, 0, 1, "not a JSON object" },
	{ "string", "\"x\"", 0, -EINVAL, 0, 1, "invalid JSON" },
	{ "two objects on a line", OK1 " " OK2, 0, -EINVAL, 0, 1, "invalid JSON" },
	{ "trailing garbage", OK1 " x", 0, -EINVAL, 0, 1, "invalid JSON" },
	{ "duplicate key", "{\"type\":\"a\",\"type\":\"b\",\"severity\":\"low\","
	    "\"summary\":\"s\",\"ts\":0,\"seq\":1}", 0, -EINVAL, 0, 1, "invalid JSON" },
	{ "missing type", "{\"severity\":\"low\",\"summary\":\"s\",\"ts\":0,\"seq\":1}",
	    0, -EINVAL, 0, 1, "\"type\"" },
	{ "type not a string", F("1", "\"low\"", "\"s\"", "0", "1"), 0, -EINVAL, 0, 1,
	    "\"type\" must be a string" },
	{ "type upper case", F("\"IOC\"", "\"low\"", "\"s\"", "0", "1"), 0, -EINVAL,
	    0, 1, "[a-z0-9_]" },
	{ "type empty", F("\"\"", "\"low\"", "\"s\"", "0", "1"), 0, -EINVAL, 0, 1,
	    "[a-z0-9_]" },
	{ "type with pipe", F("\"a|b\"", "\"low\"", "\"s\"", "0", "1"), 0, -EINVAL,
	    0, 1, "[a-z0-9_]" },
	{ "type too long", F("\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"",
	    "\"low\"", "\"s\"", "0", "1"), 0, -EINVAL, 0, 1, "\"type\"" },
	{ "severity unknown", F("\"x\"", "\"urgent\"", "\"s\"", "0", "1"), 0, -EINVAL,
	    0, 1, "low|medium|high|critical" },
	{ "severity case", F("\"x\"", "\"HIGH\"", "\"s\"", "0", "1"), 0, -EINVAL, 0, 1,
	    "low|medium|high|critical" },
	{ "severity missing", "{\"type\":\"x\",\"summary\":\"s\",\"ts\":0,\"seq\":1}", 0,
	    -EINVAL, 0, 1, "\"severity\"" },
	{ "summary empty", F("\"x\"", "\"low\"", "\"\"", "0", "1"), 0, -EINVAL, 0, 1,
	    "\"summary\" must not be empty" },
	{ "summary not string", F("\"x\"", "\"low\"", "null", "0", "1"), 0, -EINVAL,
	    0, 1, "\"summary\" must be a string" },
	{ "summary with NUL escape", F("\"x\"", "\"low\"", "\"a\\u0000b\"", "0", "1"),
	    0, -EINVAL, 0, 1, "invalid JSON" },
	{ "ts negative", F("\"x\"", "\"low\"", "\"s\"", "-1", "1"), 0, -EINVAL, 0, 1,
	    "\"ts\"" },
	{ "ts real", F("\"x\"", "\"low\"", "\"s\"", "1.5", "1"), 0, -EINVAL, 0, 1,
	    "\"ts\"" },
	{ "ts string", F("\"x\"", "\"low\"", "\"s\"", "\"1\"", "1"), 0, -EINVAL, 0, 1,
	    "\"ts\"" },
	{ "seq zero", F("\"x\"", "\"low\"", "\"s\"", "0", "0"), 0, -EINVAL, 0, 1,
	    "\"seq\" must be an integer >= 1" },
	{ "seq negative", F("\"x\"", "\"low\"", "\"s\"", "0", "-5"), 0, -EINVAL, 0, 1,
	    "\"seq\"" },
	{ "seq real", F("\"x\"", "\"low\"", "\"s\"", "0", "1.0"), 0, -EINVAL, 0, 1,
	    "\"seq\"" },
	{ "seq string", F("\"x\"", "\"low\"", "\"s\"", "0", "\"1\""), 0, -EINVAL, 0, 1,
	    "\"seq\"" },
	{ "seq too big for int64", F("\"x\"", "\"low\"", "\"s\"", "0",
	    "99999999999999999999"), 0, -EINVAL, 0, 1, "invalid JSON" },
	{ "seq int64 max", F("\"x\"", "\"low\"", "\"s\"", "0", "9223372036854775807"),
	    0, 0, 1, 0, NULL },
	{ "seq missing", "{\"type\":\"x\",\"severity\":\"low\",\"summary\":\"s\",\"ts\":0}",
	    0, -EINVAL, 0, 1, "\"seq\"" },
	{ "pid string", "{\"type\":\"x\",\"severity\":\"low\",\"summary\":\"s\",\"ts\":0,"
	    "\"seq\":1,\"pid\":\"12\"}", 0, -EINVAL, 0, 1, "\"pid\"" },
	{ "remote not string", "{\"type\":\"x\",\"severity\":\"low\",\"summary\":\"s\","
	    "\"ts\":0,\"seq\":1,\"remote\":5}", 0, -EINVAL, 0, 1, "\"remote\"" },
	{ "interval zero", "{\"type\":\"summary\",\"severity\":\"low\",\"summary\":\"s\","
	    "\"ts\":0,\"seq\":1,\"interval\":0}", 0, -EINVAL, 0, 1, "\"interval\"" },
	{ "raw NUL byte", OK1 "\n{\"type\":\"x\0\"}", sizeof(OK1 "\n{\"type\":\"x\0\"}") - 1,
	    -EINVAL, 0, 2, "invalid JSON" },
	{ "invalid UTF-8", F("\"x\"", "\"low\"", "\"\xff\xfe\"", "0", "1"), 0, -EINVAL,
	    0, 1, "invalid JSON" },
};

static void
test_ingest_batch_table(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(batch_cases) / sizeof(batch_cases[0]); i++) {
		const struct batch_case *c = &batch_cases[i];
		struct ingest_batch b = { NULL, 0, 0 };
		struct ingest_error err;
		size_t len = c->len != 0 ? c->len : strlen(c->body);
		int rc = ingest_parse_batch(c->body, len, &b, &err);
		int bad = rc != c->rc;

		if (rc == 0) {
			bad |= b.count != c->count;
		} else {
			bad |= b.count != 0 || b.items != NULL || err.line != c->line ||
			    strstr(err.msg, c->msg) == NULL;
		}
		if (bad) {
			print_error("case \"%s\": rc %d count %zu line %zu msg \"%s\"\n",
			    c->name, rc, b.count, err.line, err.msg);
			ingest_free_batch(&b);
			fail();
		}
		ingest_free_batch(&b);
	}
}

static void
test_ingest_fields(void **state)
{
	const char *body = OK1 "\n"
	    "{\"type\":\"summary\",\"severity\":\"low\",\"summary\":\"s\",\"ts\":5,\"seq\":2}\n"
	    "{\"type\":\"summary\",\"severity\":\"low\",\"summary\":\"s\",\"ts\":5,\"seq\":3,"
	    "\"interval\":99999999}\n"
	    "{\"type\":\"summary\",\"severity\":\"low\",\"summary\":\"s\",\"ts\":5,\"seq\":4,"
	    "\"interval\":60}\n"
	    "{\"type\":\"scan\",\"severity\":\"low\",\"summary\":\"s\",\"ts\":5,\"seq\":5,"
	    "\"interval\":60}\n";
	struct ingest_batch b = { NULL, 0, 0 };
	struct ingest_error err;

	(void)state;
	assert_int_equal(ingest_parse_batch(body, strlen(body), &b, &err), 0);
	assert_int_equal(b.count, 5);
	assert_string_equal(b.items[0].type, "ioc_connection");
	assert_string_equal(b.items[0].severity, "high");
	assert_int_equal(b.items[0].seq, 1);
	assert_int_equal(b.items[0].ts, 1700000000);
	assert_int_equal(b.items[0].interval, 0);
	assert_int_equal(b.items[1].interval, INGEST_INTERVAL_DEFAULT);
	assert_int_equal(b.items[2].interval, INGEST_INTERVAL_MAX);
	assert_int_equal(b.items[3].interval, 60);
	assert_int_equal(b.items[4].interval, 0);   /* only summary lines beat */
	ingest_free_batch(&b);
	assert_null(b.items);
	assert_int_equal(b.count, 0);
}

/* The id in the body is never trusted: stamping replaces it. */
static void
test_ingest_stamp(void **state)
{
	const char *body = "{\"type\":\"x\",\"severity\":\"low\",\"summary\":\"s\","
	    "\"ts\":0,\"seq\":1,\"agent\":\"victim\",\"received\":1}";
	struct ingest_batch b = { NULL, 0, 0 };
	struct ingest_error err;

	(void)state;
	assert_int_equal(ingest_parse_batch(body, strlen(body), &b, &err), 0);
	assert_int_equal(ingest_stamp_batch(&b, "dev1", 1234), 0);
	assert_string_equal(json_string_value(json_object_get(b.items[0].obj, "agent")),
	    "dev1");
	assert_int_equal(json_integer_value(json_object_get(b.items[0].obj, "received")),
	    1234);
	assert_string_equal(b.items[0].type, "x");
	ingest_free_batch(&b);
}

static void
test_ingest_limits(void **state)
{
	struct ingest_batch b = { NULL, 0, 0 };
	struct ingest_error err;
	size_t line_len = INGEST_LINE_MAX + 100;
	size_t n = INGEST_FINDINGS_MAX + 1;
	size_t off = 0;
	size_t i;
	char *body;
	int w;

	(void)state;
	/* a line over the cap is refused before JSON parsing */
	body = malloc(line_len + 1);
	assert_non_null(body);
	memset(body, ' ', line_len);
	memcpy(body, "{\"a\":\"", 6);
	body[line_len - 2] = '"';
	body[line_len - 1] = '}';
	assert_int_equal(ingest_parse_batch(body, line_len, &b, &err), -EINVAL);
	assert_int_equal(err.line, 1);
	assert_non_null(strstr(err.msg, "longer than"));
	free(body);

	/* more findings than the cap */
	body = malloc(n * 96);
	assert_non_null(body);
	for (i = 0; i < n; i++) {
		w = snprintf(body + off, n * 96 - off, "{\"type\":\"x\",\"severity\":\"low\","
		    "\"summary\":\"s\",\"ts\":0,\"seq\":%zu}\n", i + 1);
		assert_true(w > 0 && (size_t)w < n * 96 - off);
		off += (size_t)w;
	}
	assert_int_equal(ingest_parse_batch(body, off, &b, &err), -EINVAL);
	assert_int_equal(err.line, n);
	assert_non_null(strstr(err.msg, "more than"));
	assert_int_equal(b.count, 0);
	/* exactly the cap is fine */
	off -= (size_t)w;
	assert_int_equal(ingest_parse_batch(body, off, &b, &err), 0);
	assert_int_equal(b.count, INGEST_FINDINGS_MAX);
	ingest_free_batch(&b);
	free(body);
}

struct agent_case {
	const char *id;
	int ok;
};

static const struct agent_case agent_cases[] = {
	{ "dev1", 1 },
	{ "router-01.lab_A", 1 },
	{ "a", 1 },
	{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 1 },
	{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 0 },
	{ "", 0 },
	{ "dev 1", 0 },
	{ "dev|1", 0 },
	{ "dev=1", 0 },
	{ "dev\\1", 0 },
	{ "dév", 0 },
	{ "a/b", 0 },
};

static void
test_ingest_agent_table(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(agent_cases) / sizeof(agent_cases[0]); i++) {
		if (ingest_check_agent(agent_cases[i].id) != agent_cases[i].ok) {
			print_error("agent \"%s\"\n", agent_cases[i].id);
			fail();
		}
	}
	assert_int_equal(ingest_check_agent(NULL), 0);
}

static void
test_ingest_severity_rank(void **state)
{
	(void)state;
	assert_int_equal(ingest_rank_severity("low"), 0);
	assert_int_equal(ingest_rank_severity("medium"), 1);
	assert_int_equal(ingest_rank_severity("high"), 2);
	assert_int_equal(ingest_rank_severity("critical"), 3);
	assert_int_equal(ingest_rank_severity("info"), -EINVAL);
	assert_int_equal(ingest_rank_severity(NULL), -EINVAL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ingest_batch_table),
		cmocka_unit_test(test_ingest_fields),
		cmocka_unit_test(test_ingest_stamp),
		cmocka_unit_test(test_ingest_limits),
		cmocka_unit_test(test_ingest_agent_table),
		cmocka_unit_test(test_ingest_severity_rank),
	};

	return cmocka_run_group_tests_name("collector ingest", tests, NULL, NULL);
}
