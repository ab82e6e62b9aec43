/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Unit tests of both store backends: unique (agent, seq), acked, rollback,
 * query, reopen, collector seqs, leases, retention, the fleet view's reads.
 * `test_store` runs them on SQLite; `test_store pg` on the PostgreSQL
 * database named by IOTHUNT_TEST_PG (a URI; tests/collector/store-pg.sh
 * starts a server),
 * emptied before each test, and adds exactly-once between two store
 * handles (two collectors) writing the same batches from two threads.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <libpq-fe.h>
#include <pthread.h>
#include <sqlite3.h>

#include "ingest.h"
#include "store.h"

struct test_ctx {
	char dir[64];
	char path[256];
	struct store *st;
};

static const struct store_backend *be = &store_sqlite;
static const char *pg_url;

/* Run SQL on the PostgreSQL test database (a separate connection). */
static void
test_pg_exec(const char *sql)
{
	PGconn *pg = PQconnectdb(pg_url);
	PGresult *res;

	assert_int_equal(PQstatus(pg), CONNECTION_OK);
	PQclear(PQexec(pg, "SET client_min_messages = warning"));
	res = PQexec(pg, sql);
	if (PQresultStatus(res) != PGRES_COMMAND_OK &&
	    PQresultStatus(res) != PGRES_TUPLES_OK) {
		print_error("%s: %s\n", sql, PQerrorMessage(pg));
		fail();
	}
	PQclear(res);
	PQfinish(pg);
}

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
	if (be == &store_pg) {
		test_pg_exec("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
		assert_true(snprintf(t->path, sizeof(t->path), "%s", pg_url) > 0 &&
		    strlen(pg_url) < sizeof(t->path) - 1);
	}
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

	if (be == &store_pg) {
		test_pg_exec("CREATE FUNCTION fail666() RETURNS trigger LANGUAGE plpgsql"
		    " AS $$ BEGIN IF NEW.seq = 666 THEN RAISE EXCEPTION 'injected';"
		    " END IF; RETURN NEW; END $$");
	}

	test_make_batch(&b, "dev1", first, "x");
	assert_int_equal(be->put_batch(t->st, "dev1", &b, 5000, &acked), 0);
	ingest_free_batch(&b);
	assert_int_equal(acked, 1);

	if (be == &store_pg) {
		test_pg_exec("CREATE TRIGGER fail666 BEFORE INSERT ON findings"
		    " FOR EACH ROW EXECUTE FUNCTION fail666()");
	} else {
		assert_int_equal(sqlite3_open(t->path, &db), SQLITE_OK);
		assert_int_equal(sqlite3_exec(db, "CREATE TRIGGER fail666 BEFORE "
		    "INSERT ON findings WHEN NEW.seq = 666 BEGIN SELECT "
		    "RAISE(ABORT, 'injected'); END", NULL, NULL, NULL), SQLITE_OK);
		sqlite3_close(db);
	}

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

/* One holder at a time; the holder renews; an expired lease changes hands. */
static void
test_store_lease(void **state)
{
	struct test_ctx *t = *state;
	int held = -1;

	assert_int_equal(be->lease(t->st, "silent", "a", 100, 30, &held), 0);
	assert_int_equal(held, 1);
	assert_int_equal(be->lease(t->st, "silent", "b", 110, 30, &held), 0);
	assert_int_equal(held, 0);
	assert_int_equal(be->lease(t->st, "silent", "a", 120, 30, &held), 0);
	assert_int_equal(held, 1);
	assert_int_equal(be->lease(t->st, "other", "b", 120, 30, &held), 0);
	assert_int_equal(held, 1);
	assert_int_equal(be->lease(t->st, "silent", "b", 149, 30, &held), 0);
	assert_int_equal(held, 0);
	assert_int_equal(be->lease(t->st, "silent", "b", 150, 30, &held), 0);
	assert_int_equal(held, 1);
	assert_int_equal(be->lease(t->st, "silent", "a", 151, 30, &held), 0);
	assert_int_equal(held, 0);
}

/* Retention removes exactly the findings received before the cut. */
static void
test_store_retention(void **state)
{
	struct test_ctx *t = *state;
	struct ingest_batch b;
	int64_t now = (int64_t)time(NULL);
	int64_t day;
	int64_t acked;
	uint64_t removed = 99;
	int64_t seqs[2] = { 0, 0 };
	int i;

	/* 10 findings a day over 6 days, the oldest 5 days back; ages
	 * straddle day boundaries, so PostgreSQL both drops whole partitions
	 * and deletes from a partly expired one; maintain at a past "now"
	 * makes the partitions of those days */
	assert_int_equal(be->maintain(t->st, now - 5 * 86400, 0, &removed), 0);
	for (day = 5; day >= 0; day--) {
		for (i = 0; i < 10; i++) {
			seqs[0] = (5 - day) * 10 + i + 1;
			test_make_batch(&b, "dev1", seqs, "x");
			assert_int_equal(be->put_batch(t->st, "dev1", &b,
			    now - day * 86400 - i * 3600, &acked), 0);
			ingest_free_batch(&b);
		}
	}
	assert_int_equal(test_count(t->st, NULL, NULL, -1, 0), 60);
	assert_int_equal(be->maintain(t->st, now, 0, &removed), 0);
	assert_int_equal(removed, 0);
	/* keep 2.5 days: days 5, 4, 3 go (30), day 2 keeps i < 12 h (all 10) */
	assert_int_equal(be->maintain(t->st, now, now - 5 * 43200, &removed), 0);
	assert_int_equal(removed, 30);
	assert_int_equal(test_count(t->st, NULL, NULL, -1, 0), 30);
	/* keep 1.25 days: day 2 (10) and day 1's i > 6 (3) */
	assert_int_equal(be->maintain(t->st, now, now - 30 * 3600, &removed), 0);
	assert_int_equal(removed, 13);
	assert_int_equal(test_count(t->st, NULL, NULL, -1, 0), 17);
	assert_int_equal(be->maintain(t->st, now, now - 30 * 3600, &removed), 0);
	assert_int_equal(removed, 0);
	/* acked is not taken back by retention */
	seqs[0] = 60;
	test_make_batch(&b, "dev1", seqs, "x");
	assert_int_equal(be->put_batch(t->st, "dev1", &b, now, &acked), 0);
	assert_int_equal(acked, 60);
	ingest_free_batch(&b);
}

struct race_arg {
	struct store *st;
	int id;
	size_t inserted;
	int64_t last_acked;
	int failed;
};

#define RACE_BATCHES 200

/* One "collector": every batch of seqs k, k+1 (k = 1..RACE_BATCHES). */
static void *
test_race_thread(void *p)
{
	struct race_arg *a = p;
	struct ingest_batch b;
	int64_t seqs[3];
	int64_t acked;
	int k;
	size_t j;

	for (k = 1; k <= RACE_BATCHES; k++) {
		seqs[0] = k;
		seqs[1] = k + 1;
		seqs[2] = 0;
		test_make_batch(&b, "race", seqs, "x");
		if (be->put_batch(a->st, "race", &b, 5000, &acked) != 0) {
			a->failed++;
		} else {
			a->last_acked = acked;
		}
		for (j = 0; j < b.count; j++) {
			a->inserted += (size_t)b.items[j].inserted;
		}
		ingest_free_batch(&b);
	}
	return NULL;
}

/* Two store handles (two collectors) on one database, same batches at the
 * same time: every finding stored once, and each reported new once. */
static void
test_store_two_writers(void **state)
{
	struct test_ctx *t = *state;
	struct race_arg a[2];
	pthread_t th[2];
	struct store *other = NULL;
	int i;

	assert_int_equal(be->open(t->path, 0, &other), 0);
	memset(a, 0, sizeof(a));
	a[0].st = t->st;
	a[1].st = other;
	for (i = 0; i < 2; i++) {
		assert_int_equal(pthread_create(&th[i], NULL, test_race_thread, &a[i]), 0);
	}
	for (i = 0; i < 2; i++) {
		assert_int_equal(pthread_join(th[i], NULL), 0);
	}
	be->close(other);
	assert_int_equal(a[0].failed + a[1].failed, 0);
	assert_int_equal(a[0].inserted + a[1].inserted, RACE_BATCHES + 1);
	assert_int_equal(test_count(t->st, "race", NULL, -1, 0), RACE_BATCHES + 1);
	assert_int_equal(a[0].last_acked, RACE_BATCHES + 1);
	assert_int_equal(a[1].last_acked, RACE_BATCHES + 1);
}

struct group_arg {
	struct store *st;
	char agent[16];
	int failed;
	int bad_failed;
	size_t inserted;
};

#define GROUP_THREADS 8
#define GROUP_BATCHES 40

/* One connection's batches; batch 20 carries seq 666 (refused by a trigger). */
static void *
test_group_thread(void *p)
{
	struct group_arg *a = p;
	struct ingest_batch b;
	int64_t seqs[3];
	int64_t acked;
	size_t j;
	int k;
	int rc;

	for (k = 1; k <= GROUP_BATCHES; k++) {
		seqs[0] = k == 20 ? 666 : 1000 + k;
		seqs[1] = k == 20 ? 0 : 2000 + k;
		seqs[2] = 0;
		test_make_batch(&b, a->agent, seqs, "x");
		rc = be->put_batch(a->st, a->agent, &b, 5000, &acked);
		if (k == 20) {
			a->bad_failed += rc == -EIO;
		} else if (rc != 0) {
			a->failed++;
		}
		for (j = 0; j < b.count; j++) {
			a->inserted += (size_t)b.items[j].inserted;
		}
		ingest_free_batch(&b);
	}
	return NULL;
}

/* Batches of many threads on one handle (grouped into shared commits by
 * SQLite): each stored or refused on its own; a refused one takes nothing
 * else with it. */
static void
test_store_group_commit(void **state)
{
	struct test_ctx *t = *state;
	struct group_arg a[GROUP_THREADS];
	pthread_t th[GROUP_THREADS];
	sqlite3 *db;
	int i;

	if (be == &store_pg) {
		test_pg_exec("CREATE FUNCTION fail666() RETURNS trigger LANGUAGE plpgsql"
		    " AS $$ BEGIN IF NEW.seq = 666 THEN RAISE EXCEPTION 'injected';"
		    " END IF; RETURN NEW; END $$");
		test_pg_exec("CREATE TRIGGER fail666 BEFORE INSERT ON findings"
		    " FOR EACH ROW EXECUTE FUNCTION fail666()");
	} else {
		assert_int_equal(sqlite3_open(t->path, &db), SQLITE_OK);
		assert_int_equal(sqlite3_exec(db, "CREATE TRIGGER fail666 BEFORE "
		    "INSERT ON findings WHEN NEW.seq = 666 BEGIN SELECT "
		    "RAISE(ABORT, 'injected'); END", NULL, NULL, NULL), SQLITE_OK);
		sqlite3_close(db);
	}
	memset(a, 0, sizeof(a));
	for (i = 0; i < GROUP_THREADS; i++) {
		a[i].st = t->st;
		assert_true(snprintf(a[i].agent, sizeof(a[i].agent), "g%d", i) > 0);
		assert_int_equal(pthread_create(&th[i], NULL, test_group_thread, &a[i]), 0);
	}
	for (i = 0; i < GROUP_THREADS; i++) {
		assert_int_equal(pthread_join(th[i], NULL), 0);
	}
	for (i = 0; i < GROUP_THREADS; i++) {
		assert_int_equal(a[i].failed, 0);
		assert_int_equal(a[i].bad_failed, 1);
		assert_int_equal(a[i].inserted, 2 * (GROUP_BATCHES - 1));
		assert_int_equal(test_count(t->st, a[i].agent, NULL, -1, 0),
		    2 * (GROUP_BATCHES - 1));
	}
}

/* Parse an NDJSON body and store it for agent at received. */
static void
test_put_body(struct store *st, const char *agent, const char *body,
    int64_t received)
{
	struct ingest_batch b;
	struct ingest_error err;
	int64_t acked;

	memset(&b, 0, sizeof(b));
	assert_int_equal(ingest_parse_batch(body, strlen(body), &b, &err), 0);
	assert_int_equal(ingest_stamp_batch(&b, agent, received), 0);
	assert_int_equal(be->put_batch(st, agent, &b, received, &acked), 0);
	ingest_free_batch(&b);
}

struct fleet_seen {
	int n;
	char agent[4][16];
	int64_t open[4][4];
	char verdict[4][16];
	int64_t verdict_ts[4];
	int64_t last_seen[4];
	int64_t interval[4];
	int64_t seq[8];
	int64_t days[4][4];   /* day - FLEET_DAY0, severity rank */
	int stop_after;
};

#define FLEET_DAY0 20000

static int
test_fleet_device(const struct store_device *d, void *arg)
{
	struct fleet_seen *s = arg;

	assert_true(s->n < 4);
	assert_true(snprintf(s->agent[s->n], sizeof(s->agent[0]), "%s",
	    d->agent) > 0);
	memcpy(s->open[s->n], d->open, sizeof(d->open));
	assert_true(snprintf(s->verdict[s->n], sizeof(s->verdict[0]), "%s",
	    d->verdict != NULL ? d->verdict : "-") > 0);
	s->verdict_ts[s->n] = d->verdict_ts;
	s->last_seen[s->n] = d->last_seen;
	s->interval[s->n] = d->interval;
	s->n++;
	return 0;
}

static int
test_fleet_row(const struct store_row *row, void *arg)
{
	struct fleet_seen *s = arg;

	assert_true(s->n < 8);
	s->seq[s->n++] = row->seq;
	return s->n == s->stop_after ? 7 : 0;
}

static int
test_fleet_day(int64_t day, const char *severity, int64_t count, void *arg)
{
	struct fleet_seen *s = arg;
	int rank = ingest_rank_severity(severity);

	assert_true(day >= FLEET_DAY0 && day < FLEET_DAY0 + 4 && rank >= 0);
	s->days[day - FLEET_DAY0][rank] += count;
	s->n++;
	return 0;
}

/*
 * The fleet view's reads, on a read-only handle as the fleet view opens it:
 * devices with their newest verdict and open findings (since the previous
 * summary), findings newest first with filters and an early stop, and
 * findings per day and severity without summaries.
 */
static void
test_store_fleet_reads(void **state)
{
	struct test_ctx *t = *state;
	const int64_t d0 = (int64_t)FLEET_DAY0 * 86400;
	struct store_find flt = { NULL, NULL, "summary", NULL, -1, -1 };
	struct fleet_seen s;
	struct store *ro = NULL;

	test_put_body(t->st, "dev1",
	    "{\"type\":\"rule_match\",\"severity\":\"high\",\"summary\":\"a\",\"ts\":1,\"seq\":1}\n"
	    "{\"type\":\"summary\",\"severity\":\"low\",\"summary\":\"s\",\"ts\":2,\"seq\":2,"
	    "\"verdict\":\"INFECTED\",\"interval\":300}\n"
	    "{\"type\":\"rule_match\",\"severity\":\"critical\",\"summary\":\"b\",\"ts\":3,\"seq\":3}\n",
	    d0 + 10);
	test_put_body(t->st, "dev1",
	    "{\"type\":\"summary\",\"severity\":\"low\",\"summary\":\"s\",\"ts\":4,\"seq\":4,"
	    "\"verdict\":\"CLEAN\",\"interval\":600}\n"
	    "{\"type\":\"dns_bypass\",\"severity\":\"low\",\"summary\":\"c\",\"ts\":5,\"seq\":5}\n",
	    d0 + 86400 + 5);
	test_put_body(t->st, "dev2",
	    "{\"type\":\"port_grab\",\"severity\":\"high\",\"summary\":\"d\",\"ts\":6,\"seq\":1}\n",
	    d0 + 86400 + 7);
	assert_int_equal(be->open(t->path, 1, &ro), 0);

	memset(&s, 0, sizeof(s));
	assert_int_equal(be->list_devices(ro, NULL, test_fleet_device, &s), 0);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.agent[0], "dev1");
	assert_string_equal(s.verdict[0], "CLEAN");
	assert_int_equal(s.verdict_ts[0], d0 + 86400 + 5);
	assert_int_equal(s.last_seen[0], d0 + 86400 + 5);
	assert_int_equal(s.interval[0], 600);
	/* open: after the previous summary (seq 2): 3 critical, 5 low */
	assert_int_equal(s.open[0][0], 1);
	assert_int_equal(s.open[0][1], 0);
	assert_int_equal(s.open[0][2], 0);
	assert_int_equal(s.open[0][3], 1);
	assert_string_equal(s.agent[1], "dev2");
	assert_string_equal(s.verdict[1], "-");
	assert_int_equal(s.interval[1], 0);
	assert_int_equal(s.last_seen[1], d0 + 86400 + 7);
	assert_int_equal(s.open[1][2], 1);
	memset(&s, 0, sizeof(s));
	assert_int_equal(be->list_devices(ro, "dev2", test_fleet_device, &s), 0);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.agent[0], "dev2");
	memset(&s, 0, sizeof(s));
	assert_int_equal(be->list_devices(ro, "nope", test_fleet_device, &s), 0);
	assert_int_equal(s.n, 0);

	/* newest received first; the callback's value stops the walk */
	memset(&s, 0, sizeof(s));
	assert_int_equal(be->find(ro, &flt, test_fleet_row, &s), 0);
	assert_int_equal(s.n, 4);
	assert_int_equal(s.seq[0], 1);   /* dev2 */
	assert_int_equal(s.seq[1], 5);
	memset(&s, 0, sizeof(s));
	s.stop_after = 2;
	assert_int_equal(be->find(ro, &flt, test_fleet_row, &s), 7);
	assert_int_equal(s.n, 2);
	memset(&s, 0, sizeof(s));
	flt.not_type = NULL;
	flt.agent = "dev1";
	flt.since = d0 + 86400;
	assert_int_equal(be->find(ro, &flt, test_fleet_row, &s), 0);
	assert_int_equal(s.n, 2);
	memset(&s, 0, sizeof(s));
	flt.agent = NULL;
	flt.since = -1;
	flt.severity = "critical";
	assert_int_equal(be->find(ro, &flt, test_fleet_row, &s), 0);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.seq[0], 3);
	memset(&s, 0, sizeof(s));
	flt.severity = NULL;
	flt.type = "summary";
	flt.until = d0 + 86400;
	assert_int_equal(be->find(ro, &flt, test_fleet_row, &s), 0);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.seq[0], 2);

	/* per day and severity, summaries excluded */
	memset(&s, 0, sizeof(s));
	assert_int_equal(be->count_days(ro, NULL, d0, d0 + 4 * 86400,
	    test_fleet_day, &s), 0);
	assert_int_equal(s.n, 4);
	assert_int_equal(s.days[0][2], 1);
	assert_int_equal(s.days[0][3], 1);
	assert_int_equal(s.days[1][0], 1);
	assert_int_equal(s.days[1][2], 1);
	memset(&s, 0, sizeof(s));
	assert_int_equal(be->count_days(ro, "dev2", d0, d0 + 4 * 86400,
	    test_fleet_day, &s), 0);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.days[1][2], 1);
	memset(&s, 0, sizeof(s));
	assert_int_equal(be->count_days(ro, NULL, d0 + 86400, d0 + 86400 + 6,
	    test_fleet_day, &s), 0);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.days[1][0], 1);
	be->close(ro);
}

int
main(int argc, char **argv)
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
		cmocka_unit_test_setup_teardown(test_store_lease, test_setup,
		    test_teardown),
		cmocka_unit_test_setup_teardown(test_store_retention, test_setup,
		    test_teardown),
		cmocka_unit_test_setup_teardown(test_store_two_writers, test_setup,
		    test_teardown),
		cmocka_unit_test_setup_teardown(test_store_group_commit, test_setup,
		    test_teardown),
		cmocka_unit_test_setup_teardown(test_store_fleet_reads, test_setup,
		    test_teardown),
	};

	if (argc == 2 && strcmp(argv[1], "pg") == 0) {
		pg_url = getenv("IOTHUNT_TEST_PG");
		if (pg_url == NULL || strncmp(pg_url, "postgresql://", 13) != 0) {
			fprintf(stderr, "test_store pg: IOTHUNT_TEST_PG must name the "
			    "test database (postgresql://...)\n");
			return 1;
		}
		be = &store_pg;
		return cmocka_run_group_tests_name("collector store (postgresql)",
		    tests, NULL, NULL);
	}
	if (argc != 1) {
		fprintf(stderr, "usage: test_store [pg]\n");
		return 2;
	}
	return cmocka_run_group_tests_name("collector store (sqlite)", tests,
	    NULL, NULL);
}
