/* SPDX-License-Identifier: BSD-2-Clause */
/* Unit tests: agent_silent raised once per silence, after 3 intervals. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "forward.h"
#include "ingest.h"
#include "jsonl.h"
#include "silent.h"
#include "store.h"

static const struct store_backend *be = &store_sqlite;

struct test_ctx {
	char dir[64];
	char db[96];
	char jsonl[96];
	struct store *st;
	struct forward fw;
};

static int
test_setup(void **state)
{
	struct test_ctx *t = calloc(1, sizeof(*t));

	assert_non_null(t);
	assert_true(snprintf(t->dir, sizeof(t->dir), "%s",
	    "/tmp/iothunt-silent-XXXXXX") > 0);
	assert_non_null(mkdtemp(t->dir));
	assert_true(snprintf(t->db, sizeof(t->db), "%s/db.sqlite", t->dir) > 0);
	assert_true(snprintf(t->jsonl, sizeof(t->jsonl), "%s/out.jsonl", t->dir) > 0);
	assert_int_equal(be->open(t->db, 0, &t->st), 0);
	assert_int_equal(jsonl_open(t->jsonl, &t->fw.jsonl), 0);
	*state = t;
	return 0;
}

static int
test_teardown(void **state)
{
	struct test_ctx *t = *state;
	char p[128];

	be->close(t->st);
	jsonl_close(t->fw.jsonl);
	assert_true(snprintf(p, sizeof(p), "%s-wal", t->db) > 0);
	unlink(p);
	assert_true(snprintf(p, sizeof(p), "%s-shm", t->db) > 0);
	unlink(p);
	unlink(t->db);
	unlink(t->jsonl);
	rmdir(t->dir);
	free(t);
	return 0;
}

/* Send one line for agent at collector time `received`. */
static void
test_send(struct test_ctx *t, const char *agent, const char *type,
    int64_t seq, int interval, int64_t received)
{
	struct ingest_batch b = { NULL, 0, 0 };
	struct ingest_error err;
	char body[256];
	int64_t acked;
	int n;

	if (interval > 0) {
		n = snprintf(body, sizeof(body), "{\"type\":\"%s\",\"severity\":\"low\","
		    "\"summary\":\"s\",\"ts\":0,\"seq\":%lld,\"interval\":%d}", type,
		    (long long)seq, interval);
	} else {
		n = snprintf(body, sizeof(body), "{\"type\":\"%s\",\"severity\":\"low\","
		    "\"summary\":\"s\",\"ts\":0,\"seq\":%lld}", type, (long long)seq);
	}
	assert_true(n > 0 && (size_t)n < sizeof(body));
	assert_int_equal(ingest_parse_batch(body, (size_t)n, &b, &err), 0);
	assert_int_equal(ingest_stamp_batch(&b, agent, received), 0);
	assert_int_equal(be->put_batch(t->st, agent, &b, received, &acked), 0);
	ingest_free_batch(&b);
}

struct silent_step {
	const char *what;
	const char *agent;      /* non-NULL: a line from this agent first */
	const char *type;
	int64_t seq;
	int interval;           /* 0: no "interval" field */
	int64_t at;             /* collector time of the line, then of the check */
	int64_t alive_since;
	int raised;             /* agent_silent findings the check raises */
};

static const struct silent_step silent_steps[] = {
	{ "heartbeat, interval 10", "dev1", "summary", 1, 10, 1000, 0, 0 },
	{ "2.9 intervals later", NULL, NULL, 0, 0, 1029, 0, 0 },
	{ "3 intervals later", NULL, NULL, 0, 0, 1030, 0, 1 },
	{ "raised once", NULL, NULL, 0, 0, 1100, 0, 0 },
	{ "a finding is not a heartbeat", "dev1", "exe_deleted", 2, 0, 1101, 0, 0 },
	{ "a heartbeat clears the flag", "dev1", "summary", 3, 10, 1200, 0, 0 },
	{ "silent again", NULL, NULL, 0, 0, 1230, 0, 1 },
	{ "default interval 300", "dev2", "summary", 1, 0, 2000, 0, 0 },
	{ "dev2 not yet", NULL, NULL, 0, 0, 2899, 0, 0 },
	{ "dev2 silent", NULL, NULL, 0, 0, 2900, 0, 1 },
	{ "findings only: never tracked", "dev3", "rule_match", 1, 0, 3000, 0, 0 },
	{ "dev4 beats", "dev4", "summary", 1, 10, 4000, 0, 0 },
	{ "collector was down: grace from its start", NULL, NULL, 0, 0, 5029, 5000, 0 },
	{ "grace over", NULL, NULL, 0, 0, 5030, 5000, 1 },
};

static size_t
test_count_lines(const char *path)
{
	char buf[8192];
	size_t lines = 0;
	size_t n;
	size_t i;
	FILE *f = fopen(path, "r");

	assert_non_null(f);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		for (i = 0; i < n; i++) {
			lines += buf[i] == '\n';
		}
	}
	fclose(f);
	return lines;
}

static int
test_check_row(const struct store_row *row, void *arg)
{
	int64_t *next = arg;
	json_t *obj = json_loads(row->json, 0, NULL);

	assert_non_null(obj);
	assert_int_equal(row->seq, *next);
	assert_string_equal(json_string_value(json_object_get(obj, "type")),
	    "agent_silent");
	assert_string_equal(json_string_value(json_object_get(obj, "agent")),
	    row->agent);
	assert_string_equal(row->severity, "high");
	json_decref(obj);
	(*next)--;
	return 0;
}

static void
test_silent_steps(void **state)
{
	struct test_ctx *t = *state;
	struct store_filter flt = { "dev1", "agent_silent", -1, 0 };
	size_t total = 0;
	int64_t next = -1;
	size_t i;
	int rc;

	for (i = 0; i < sizeof(silent_steps) / sizeof(silent_steps[0]); i++) {
		const struct silent_step *s = &silent_steps[i];

		if (s->agent != NULL) {
			test_send(t, s->agent, s->type, s->seq, s->interval, s->at);
		}
		rc = silent_check_agents(be, t->st, &t->fw, s->at, s->alive_since);
		if (rc != s->raised) {
			print_error("step \"%s\": raised %d want %d\n", s->what, rc,
			    s->raised);
			fail();
		}
		total += (size_t)s->raised;
	}
	/* only raised findings were forwarded (lines from agents are
	 * forwarded by the HTTP layer, not by the store) */
	assert_int_equal(total, 4);
	assert_int_equal(test_count_lines(t->jsonl), total);
	/* dev1's collector findings are numbered -1, -2 */
	assert_int_equal(be->query(t->st, &flt, test_check_row, &next), 0);
	assert_int_equal(next, -3);
}

static void
test_silent_make(void **state)
{
	json_t *obj = silent_make_finding("dev7", 1700000000, 300, 1700000900);
	struct ingest_finding f;
	char msg[128];

	(void)state;
	assert_non_null(obj);
	/* the collector's own finding passes the agents' validation, once it
	 * has a seq, and names the device */
	json_object_set_new(obj, "seq", json_integer(1));
	assert_int_equal(ingest_check_finding(obj, &f, msg, sizeof(msg)), 0);
	assert_string_equal(f.type, "agent_silent");
	assert_string_equal(f.severity, "high");
	assert_int_equal(f.ts, 1700000900);
	assert_string_equal(json_string_value(json_object_get(obj, "agent")), "dev7");
	assert_string_equal(json_string_value(json_object_get(obj, "summary")),
	    "agent dev7 missed 3 heartbeats (interval 300s, last seen "
	    "2023-11-14T22:13:20Z)");
	json_decref(obj);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_silent_steps, test_setup,
		    test_teardown),
		cmocka_unit_test(test_silent_make),
	};

	return cmocka_run_group_tests_name("collector silent", tests, NULL, NULL);
}
