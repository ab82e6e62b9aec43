/* SPDX-License-Identifier: BSD-2-Clause */
/* Unit tests: SQLite store, unique (agent, seq), acked, rollback, query. */
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
#include <sqlite3.h>

#include "ingest.h"
#include "store.h"

struct test_ctx {
	char dir[64];
	char path[96];
	struct store *st;
};

static const struct store_backend *be = &store_sqlite;

/* Parse a batch of findings with the given seqs (0 ends the list). */
static void
test_make_batch(struct ingest_batch *b, const char *agent, const int64_t *seqs,
    const char *type)
{
	char body[4096];
	struct ingest_error err;
	size_t off = 0;
	int n;

	memset(b, 0, sizeof(*b));
	for (; *seqs != 0; seqs++) {
		n = snprintf(body + off, sizeof(body) - off, "{\"type\":\"%s\","
		    "\"severity\":\"medium\",\"summary\":\"f%lld\",\"ts\":%lld,"
		    "\"seq\":%lld}\n", type, (long long)*seqs,
		    (long long)(*seqs < 1000000 ? 1000 + *seqs : *seqs),
		    (long long)*seqs);
		assert_true(n > 0 && (size_t)n < sizeof(body) - off);
		off += (size_t)n;
	}
	assert_int_equal(ingest_parse_batch(body, off, b, &err), 0);
	assert_int_equal(ingest_stamp_batch(b, agent, 5000), 0);
}

static int
test_setup(void **state)
{
	struct test_ctx *t = calloc(1, sizeof(*t));

	assert_non_null(t);
	assert_true(snprintf(t->dir, sizeof(t->dir), "%s",
	    "/tmp/iothunt-store-XXXXXX") > 0);
	assert_non_null(mkdtemp(t->dir));
	assert_true(snprintf(t->path, sizeof(t->path), "%s/db.sqlite", t->dir) > 0);
	assert_int_equal(be->open(t->path, 0, &t->st), 0);
	*state = t;
	return 0;
}

static int
test_teardown(void **state)
{
	struct test_ctx *t = *state;
	char p[128];

	be->close(t->st);
	assert_true(snprintf(p, sizeof(p), "%s-wal", t->path) > 0);
	unlink(p);
	assert_true(snprintf(p, sizeof(p), "%s-shm", t->path) > 0);
	unlink(p);
	unlink(t->path);
	rmdir(t->dir);
	free(t);
	return 0;
}

struct put_step {
	const char *agent;
	int64_t seqs[8];
	int64_t acked;
	size_t inserted;
};

static const struct put_step put_steps[] = {
	{ "dev1", { 1, 2, 3 }, 3, 3 },
	{ "dev1", { 1, 2, 3 }, 3, 0 },          /* a resend: all duplicates */
	{ "dev1", { 2, 4 }, 4, 1 },             /* half resend */
	{ "dev2", { 1 }, 1, 1 },                /* agents have their own seqs */
	{ "dev1", { 10, 5 }, 10, 2 },           /* acked is the highest, gaps ok */
	{ "dev1", { 5, 11, 11 }, 11, 1 },       /* duplicates inside a batch */
	{ "dev2", { 1, 1 }, 1, 0 },
	{ "dev3", { 9223372036854775807LL }, 9223372036854775807LL, 1 },
};

static int
test_count_row(const struct store_row *row, void *arg)
{
	size_t *n = arg;

	(void)row;
	(*n)++;
	return 0;
}

static size_t
test_count(struct store *st, const char *agent, const char *type, int64_t since,
    size_t limit)
{
	struct store_filter flt = { agent, type, since, limit };
	size_t n = 0;

	assert_int_equal(be->query(st, &flt, test_count_row, &n), 0);
	return n;
}

static void
test_store_put_table(void **state)
{
	struct test_ctx *t = *state;
	struct ingest_batch b;
	int64_t acked;
	size_t inserted;
	size_t i;
	size_t j;

	for (i = 0; i < sizeof(put_steps) / sizeof(put_steps[0]); i++) {
		const struct put_step *s = &put_steps[i];

		test_make_batch(&b, s->agent, s->seqs, "ioc_connection");
		acked = -1;
		assert_int_equal(be->put_batch(t->st, s->agent, &b, 5000, &acked), 0);
		inserted = 0;
		for (j = 0; j < b.count; j++) {
			inserted += (size_t)b.items[j].inserted;
		}
		if (acked != s->acked || inserted != s->inserted) {
			print_error("step %zu (%s): acked %lld want %lld, inserted %zu "
			    "want %zu\n", i, s->agent, (long long)acked,
			    (long long)s->acked, inserted, s->inserted);
			ingest_free_batch(&b);
			fail();
		}
		ingest_free_batch(&b);
	}
	assert_int_equal(test_count(t->st, NULL, NULL, -1, 0), 9);
	assert_int_equal(test_count(t->st, "dev1", NULL, -1, 0), 7);
	assert_int_equal(test_count(t->st, "dev2", NULL, -1, 0), 1);
	assert_int_equal(test_count(t->st, "nobody", NULL, -1, 0), 0);
	assert_int_equal(test_count(t->st, NULL, "ioc_connection", -1, 0), 9);
	assert_int_equal(test_count(t->st, NULL, "summary", -1, 0), 0);
	/* ts = 1000 + seq: since 1005 keeps dev1 5, 10, 11 and dev3 */
	assert_int_equal(test_count(t->st, NULL, NULL, 1005, 0), 4);
	assert_int_equal(test_count(t->st, "dev1", NULL, 1005, 2), 2);
}

struct row_check {
	size_t n;
	int64_t seqs[8];
	char agent_in_json[8][16];
};

static int
test_collect_row(const struct store_row *row, void *arg)
{
	struct row_check *rc = arg;
	json_t *obj;

	if (rc->n >= 8) {
		return 1;
	}
	rc->seqs[rc->n] = row->seq;
	obj = json_loads(row->json, 0, NULL);
	assert_non_null(obj);
	assert_int_equal(snprintf(rc->agent_in_json[rc->n], 16, "%s",
	    json_string_value(json_object_get(obj, "agent"))) > 0, 1);
	assert_int_equal(json_integer_value(json_object_get(obj, "seq")), row->seq);
	assert_int_equal(row->received, 5000);
	json_decref(obj);
	rc->n++;
	return 0;
}

/* Rows come back oldest first, with the agent stamped into the JSON. */
static void
test_store_query_rows(void **state)
{
	struct test_ctx *t = *state;
	struct store_filter flt = { "dev1", NULL, -1, 0 };
	static const int64_t seqs[] = { 3, 1, 2, 0 };
	struct row_check rc;
	struct ingest_batch b;
	int64_t acked;

	memset(&rc, 0, sizeof(rc));
	test_make_batch(&b, "dev1", seqs, "rule_match");
	assert_int_equal(be->put_batch(t->st, "dev1", &b, 5000, &acked), 0);
	ingest_free_batch(&b);
	assert_int_equal(be->query(t->st, &flt, test_collect_row, &rc), 0);
	assert_int_equal(rc.n, 3);
	assert_int_equal(rc.seqs[0], 3);
	assert_int_equal(rc.seqs[1], 1);
	assert_int_equal(rc.seqs[2], 2);
	assert_string_equal(rc.agent_in_json[0], "dev1");
	/* a callback's non-zero value stops the walk and is returned */
	rc.n = 8;
	assert_int_equal(be->query(t->st, &flt, test_collect_row, &rc), 1);
}

/* A failing insert rolls the whole batch back: nothing stored, no ack. */
static void
test_store_rollback(void **state)
{
	struct test_ctx *t = *state;
	static const int64_t first[] = { 1, 0 };
	static const int64_t seqs[] = { 2, 3, 666, 4, 0 };
	struct ingest_batch b;
	sqlite3 *db;
	int64_t acked = -1;
	size_t i;

	test_make_batch(&b, "dev1", first, "x");
	assert_int_equal(be->put_batch(t->st, "dev1", &b, 5000, &acked), 0);
	ingest_free_batch(&b);
	assert_int_equal(acked, 1);

	assert_int_equal(sqlite3_open(t->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TRIGGER fail666 BEFORE INSERT ON "
	    "findings WHEN NEW.seq = 666 BEGIN SELECT RAISE(ABORT, 'injected'); END",
	    NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);

	test_make_batch(&b, "dev1", seqs, "x");
	acked = -1;
	assert_int_equal(be->put_batch(t->st, "dev1", &b, 5000, &acked), -EIO);
	assert_int_equal(acked, -1);
	for (i = 0; i < b.count; i++) {
		assert_int_equal(b.items[i].inserted, 0);
	}
	ingest_free_batch(&b);
	assert_int_equal(test_count(t->st, "dev1", NULL, -1, 0), 1);

	/* the store is still usable after the rollback */
	test_make_batch(&b, "dev1", seqs + 1 + 2, "x");
	assert_int_equal(be->put_batch(t->st, "dev1", &b, 5000, &acked), 0);
	ingest_free_batch(&b);
	assert_int_equal(acked, 4);
}

/* Committed data survives close and reopen; acked is recomputed from it. */
static void
test_store_reopen(void **state)
{
	struct test_ctx *t = *state;
	static const int64_t seqs[] = { 1, 2, 7, 0 };
	struct ingest_batch b;
	struct store *ro = NULL;
	int64_t acked;

	test_make_batch(&b, "dev9", seqs, "x");
	assert_int_equal(be->put_batch(t->st, "dev9", &b, 5000, &acked), 0);
	ingest_free_batch(&b);
	be->close(t->st);
	t->st = NULL;
	assert_int_equal(be->open(t->path, 0, &t->st), 0);
	test_make_batch(&b, "dev9", seqs, "x");
	assert_int_equal(be->put_batch(t->st, "dev9", &b, 5000, &acked), 0);
	assert_int_equal(acked, 7);
	assert_int_equal(b.items[0].inserted + b.items[1].inserted +
	    b.items[2].inserted, 0);
	ingest_free_batch(&b);

	/* a read-only handle reads but refuses writes */
	assert_int_equal(be->open(t->path, 1, &ro), 0);
	assert_int_equal(test_count(ro, "dev9", NULL, -1, 0), 3);
	test_make_batch(&b, "dev9", seqs, "x");
	assert_int_equal(be->put_batch(ro, "dev9", &b, 5000, &acked), -EROFS);
	ingest_free_batch(&b);
	be->close(ro);
}

/* Collector findings take seq -1, -2, ... and never move acked. */
static void
test_store_collector_seq(void **state)
{
	struct test_ctx *t = *state;
	const char *hb = "{\"type\":\"summary\",\"severity\":\"low\",\"summary\":\"ok\","
	    "\"ts\":1,\"seq\":5,\"interval\":10}";
	struct ingest_batch b = { NULL, 0, 0 };
	struct ingest_error err;
	struct store_overdue due[4];
	size_t count;
	json_t *obj;
	int64_t acked;

	assert_int_equal(ingest_parse_batch(hb, strlen(hb), &b, &err), 0);
	assert_int_equal(ingest_stamp_batch(&b, "dev1", 100), 0);
	assert_int_equal(be->put_batch(t->st, "dev1", &b, 100, &acked), 0);
	ingest_free_batch(&b);
	assert_int_equal(acked, 5);

	assert_int_equal(be->list_overdue(t->st, 129, 0, due, 4, &count), 0);
	assert_int_equal(count, 0);
	assert_int_equal(be->list_overdue(t->st, 130, 0, due, 4, &count), 0);
	assert_int_equal(count, 1);
	assert_string_equal(due[0].agent, "dev1");
	assert_int_equal(due[0].last_seen, 100);
	assert_int_equal(due[0].interval, 10);

	obj = json_pack("{s:s, s:s, s:s, s:I}", "type", "agent_silent", "severity",
	    "high", "summary", "gone", "ts", (json_int_t)130);
	/* a stale last_seen means a heartbeat came in: nothing raised */
	assert_int_equal(be->put_silent(t->st, "dev1", obj, 99, 130), -EAGAIN);
	assert_int_equal(be->put_silent(t->st, "dev1", obj, 100, 130), 0);
	assert_int_equal(json_integer_value(json_object_get(obj, "seq")), -1);
	/* raised once: the flag is up */
	assert_int_equal(be->put_silent(t->st, "dev1", obj, 100, 130), -EAGAIN);
	assert_int_equal(be->list_overdue(t->st, 500, 0, due, 4, &count), 0);
	assert_int_equal(count, 0);
	json_decref(obj);
	assert_int_equal(test_count(t->st, "dev1", "agent_silent", -1, 0), 1);

	/* acked ignores collector seqs */
	assert_int_equal(ingest_parse_batch(hb, strlen(hb), &b, &err), 0);
	assert_int_equal(ingest_stamp_batch(&b, "dev1", 600), 0);
	assert_int_equal(be->put_batch(t->st, "dev1", &b, 600, &acked), 0);
	ingest_free_batch(&b);
	assert_int_equal(acked, 5);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_store_put_table, test_setup,
		    test_teardown),
		cmocka_unit_test_setup_teardown(test_store_query_rows, test_setup,
		    test_teardown),
		cmocka_unit_test_setup_teardown(test_store_rollback, test_setup,
		    test_teardown),
		cmocka_unit_test_setup_teardown(test_store_reopen, test_setup,
		    test_teardown),
		cmocka_unit_test_setup_teardown(test_store_collector_seq, test_setup,
		    test_teardown),
	};

	return cmocka_run_group_tests_name("collector store", tests, NULL, NULL);
}
