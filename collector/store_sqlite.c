/* SPDX-License-Identifier: BSD-2-Clause */
#include "store.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "clog.h"

#define STORE_BUSY_MS 5000

/* Schema version this build writes (PRAGMA user_version). */
#define STORE_SQLITE_VERSION 3

/* A batch waiting for (or in) a group commit. */
struct store_job {
	const char *agent;
	struct ingest_batch *batch;
	int64_t received;
	int64_t acked;
	int rc;
	int done;
	struct store_job *next;
};

struct store {
	sqlite3 *db;
	pthread_mutex_t lock;
	pthread_mutex_t qlock;     /* the group-commit queue below */
	pthread_cond_t qdone;
	struct store_job *qhead;
	struct store_job **qtail;
	int committing;
	int readonly;
	sqlite3_stmt *insert;
	sqlite3_stmt *max_seq;
	sqlite3_stmt *heartbeat;
	sqlite3_stmt *overdue;
	sqlite3_stmt *flag_silent;
	sqlite3_stmt *min_seq;
	sqlite3_stmt *insert_strict;
	sqlite3_stmt *lease;
	sqlite3_stmt *expire;
};

/* Rows removed per retention transaction: short enough that a batch
 * waiting for the lock is not held up noticeably. */
#define STORE_EXPIRE_ROWS 2000

/*
 * Versioned migrations: PRAGMA user_version is the version applied; each
 * step runs once, in order, in the same transaction as the version bump.
 * Version 1 is the original schema (IF NOT EXISTS: a database created
 * before versioning, at user_version 0, already has it).
 */
static const char *const store_migrations[STORE_SQLITE_VERSION] = {
	"CREATE TABLE IF NOT EXISTS findings ("
	" agent TEXT NOT NULL,"
	" seq INTEGER NOT NULL,"
	" type TEXT NOT NULL,"
	" severity TEXT NOT NULL,"
	" ts INTEGER NOT NULL,"
	" received INTEGER NOT NULL,"
	" json TEXT NOT NULL,"
	" UNIQUE (agent, seq));"
	"CREATE INDEX IF NOT EXISTS findings_ts ON findings (ts);"
	"CREATE INDEX IF NOT EXISTS findings_type ON findings (type);"
	"CREATE TABLE IF NOT EXISTS agents ("
	" agent TEXT PRIMARY KEY,"
	" last_seen INTEGER NOT NULL,"
	" interval INTEGER NOT NULL,"
	" silent_raised INTEGER NOT NULL DEFAULT 0);",
	/* 2: retention by receive time; leases for periodic jobs */
	"CREATE INDEX IF NOT EXISTS findings_received ON findings (received);"
	"CREATE TABLE IF NOT EXISTS leases ("
	" name TEXT PRIMARY KEY,"
	" holder TEXT NOT NULL,"
	" expires INTEGER NOT NULL);",
	/* 3: the fleet view's read paths: a device's newest summaries, and
	 * findings newest first / per day (covering: no table lookups for
	 * the chart) */
	"CREATE INDEX IF NOT EXISTS findings_fleet_agent ON findings"
	" (agent, type, seq);"
	"CREATE INDEX IF NOT EXISTS findings_fleet_received ON findings"
	" (received, type, severity);",
};

static int
store_fail(struct store *st, const char *what)
{
	clog_write(CLOG_ERROR, "store: %s: %s", what, sqlite3_errmsg(st->db));
	return -EIO;
}

static int
store_exec(struct store *st, const char *sql)
{
	char *err = NULL;

	if (sqlite3_exec(st->db, sql, NULL, NULL, &err) != SQLITE_OK) {
		clog_write(CLOG_ERROR, "store: %s: %s", sql, err != NULL ? err : "?");
		sqlite3_free(err);
		return -EIO;
	}
	return 0;
}

static int
store_prepare(struct store *st, sqlite3_stmt **stmt, const char *sql)
{
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt,
	    NULL) != SQLITE_OK) {
		return store_fail(st, "prepare");
	}
	return 0;
}

static void
store_sqlite_close(struct store *st)
{
	if (st == NULL) {
		return;
	}
	sqlite3_finalize(st->insert);
	sqlite3_finalize(st->max_seq);
	sqlite3_finalize(st->heartbeat);
	sqlite3_finalize(st->overdue);
	sqlite3_finalize(st->flag_silent);
	sqlite3_finalize(st->min_seq);
	sqlite3_finalize(st->insert_strict);
	sqlite3_finalize(st->lease);
	sqlite3_finalize(st->expire);
	sqlite3_close(st->db);
	pthread_cond_destroy(&st->qdone);
	pthread_mutex_destroy(&st->qlock);
	pthread_mutex_destroy(&st->lock);
	free(st);
}

/* journal_mode answers with the mode in force: it must say "wal". */
static int
store_enable_wal(struct store *st)
{
	sqlite3_stmt *stmt = NULL;
	int rc = -EIO;

	if (sqlite3_prepare_v2(st->db, "PRAGMA journal_mode=WAL", -1, &stmt,
	    NULL) != SQLITE_OK) {
		rc = store_fail(st, "journal_mode");
		goto out;
	}
	if (sqlite3_step(stmt) != SQLITE_ROW ||
	    sqlite3_column_text(stmt, 0) == NULL ||
	    strcmp((const char *)sqlite3_column_text(stmt, 0), "wal") != 0) {
		clog_write(CLOG_ERROR, "store: database refuses WAL mode");
		goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(stmt);
	return rc;
}

/* Bring the schema to STORE_SQLITE_VERSION, one transaction per step. */
static int
store_migrate(struct store *st)
{
	sqlite3_stmt *stmt = NULL;
	char sql[48];
	int64_t version;
	int rc = 0;
	int n;

	for (;;) {
		rc = store_exec(st, "BEGIN IMMEDIATE");
		if (rc != 0) {
			return rc;
		}
		if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &stmt,
		    NULL) != SQLITE_OK || sqlite3_step(stmt) != SQLITE_ROW) {
			rc = store_fail(st, "user_version");
			goto out;
		}
		version = sqlite3_column_int64(stmt, 0);
		sqlite3_finalize(stmt);
		stmt = NULL;
		if (version > STORE_SQLITE_VERSION) {
			clog_write(CLOG_ERROR, "store: database schema version %lld is "
			    "newer than this collector's (%d)", (long long)version,
			    STORE_SQLITE_VERSION);
			rc = -EPROTO;
			goto out;
		}
		if (version == STORE_SQLITE_VERSION) {
			return store_exec(st, "COMMIT");
		}
		rc = store_exec(st, store_migrations[version]);
		if (rc != 0) {
			goto out;
		}
		n = snprintf(sql, sizeof(sql), "PRAGMA user_version = %lld",
		    (long long)(version + 1));
		if (n < 0 || (size_t)n >= sizeof(sql)) {
			rc = -EINVAL;
			goto out;
		}
		rc = store_exec(st, sql);
		if (rc == 0) {
			rc = store_exec(st, "COMMIT");
		}
		if (rc != 0) {
			goto out;
		}
		clog_write(CLOG_INFO, "store: schema migrated to version %lld",
		    (long long)(version + 1));
	}
out:
	sqlite3_finalize(stmt);
	if (!sqlite3_get_autocommit(st->db)) {
		store_exec(st, "ROLLBACK");
	}
	return rc;
}

static int
store_sqlite_open(const char *path, int readonly, struct store **out)
{
	struct store *st;
	int flags;
	int rc;

	*out = NULL;
	st = calloc(1, sizeof(*st));
	if (st == NULL) {
		return -ENOMEM;
	}
	pthread_mutex_init(&st->lock, NULL);
	pthread_mutex_init(&st->qlock, NULL);
	pthread_cond_init(&st->qdone, NULL);
	st->qtail = &st->qhead;
	st->readonly = readonly;
	flags = readonly ? SQLITE_OPEN_READONLY :
	    (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
	flags |= SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_NOFOLLOW;
	if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
		rc = store_fail(st, path);
		goto out;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, STORE_BUSY_MS);
	if (readonly) {
		*out = st;
		return 0;
	}
	rc = store_enable_wal(st);
	if (rc != 0) {
		goto out;
	}
	/* FULL in WAL mode: the WAL is synced at every commit, so an
	 * acknowledged batch survives power loss, not only a crash */
	rc = store_exec(st, "PRAGMA synchronous=FULL");
	if (rc == 0) {
		rc = store_migrate(st);
	}
	if (rc == 0) {
		rc = store_prepare(st, &st->insert,
		    "INSERT OR IGNORE INTO findings"
		    " (agent, seq, type, severity, ts, received, json)"
		    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	}
	if (rc == 0) {
		rc = store_prepare(st, &st->insert_strict,
		    "INSERT INTO findings"
		    " (agent, seq, type, severity, ts, received, json)"
		    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	}
	if (rc == 0) {
		rc = store_prepare(st, &st->max_seq,
		    "SELECT MAX(seq) FROM findings WHERE agent = ?1 AND seq > 0");
	}
	if (rc == 0) {
		rc = store_prepare(st, &st->min_seq,
		    "SELECT MIN(seq) FROM findings WHERE agent = ?1 AND seq < 0");
	}
	if (rc == 0) {
		rc = store_prepare(st, &st->heartbeat,
		    "INSERT INTO agents (agent, last_seen, interval, silent_raised)"
		    " VALUES (?1, ?2, ?3, 0) ON CONFLICT (agent) DO UPDATE SET"
		    " last_seen = excluded.last_seen, interval = excluded.interval,"
		    " silent_raised = 0");
	}
	if (rc == 0) {
		rc = store_prepare(st, &st->overdue,
		    "SELECT agent, last_seen, interval FROM agents"
		    " WHERE silent_raised = 0"
		    " AND ?1 - max(last_seen, ?2) >= 3 * interval"
		    " ORDER BY agent LIMIT ?3");
	}
	if (rc == 0) {
		rc = store_prepare(st, &st->flag_silent,
		    "UPDATE agents SET silent_raised = 1"
		    " WHERE agent = ?1 AND silent_raised = 0 AND last_seen = ?2");
	}
	if (rc == 0) {
		rc = store_prepare(st, &st->lease,
		    "INSERT INTO leases (name, holder, expires) VALUES (?1, ?2, ?4)"
		    " ON CONFLICT (name) DO UPDATE SET holder = excluded.holder,"
		    " expires = excluded.expires"
		    " WHERE leases.holder = excluded.holder OR leases.expires <= ?3");
	}
	if (rc == 0) {
		rc = store_prepare(st, &st->expire,
		    "DELETE FROM findings WHERE rowid IN (SELECT rowid FROM findings"
		    " WHERE received < ?1 LIMIT ?2)");
	}
	if (rc != 0) {
		goto out;
	}
	*out = st;
	return 0;
out:
	store_sqlite_close(st);
	return rc;
}

static void
store_rollback(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db)) {
		store_exec(st, "ROLLBACK");
	}
}

/* Bind and run one insert; *changed tells whether a row was added. */
static int
store_insert(struct store *st, sqlite3_stmt *stmt, const char *agent,
    int64_t seq, const char *type, const char *severity, int64_t ts,
    int64_t received, const char *json, int *changed)
{
	int rc = 0;

	sqlite3_reset(stmt);
	if (sqlite3_bind_text(stmt, 1, agent, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(stmt, 2, seq) != SQLITE_OK ||
	    sqlite3_bind_text(stmt, 3, type, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(stmt, 4, severity, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(stmt, 5, ts) != SQLITE_OK ||
	    sqlite3_bind_int64(stmt, 6, received) != SQLITE_OK ||
	    sqlite3_bind_text(stmt, 7, json, -1, SQLITE_STATIC) != SQLITE_OK) {
		rc = store_fail(st, "bind");
		goto out;
	}
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		rc = store_fail(st, "insert");
		goto out;
	}
	*changed = sqlite3_changes(st->db) > 0;
out:
	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
	return rc;
}

/* One-row, one-integer query; NULL result gives *v = 0. */
static int
store_get_int(struct store *st, sqlite3_stmt *stmt, const char *agent,
    int64_t *v)
{
	int rc = 0;

	sqlite3_reset(stmt);
	if (sqlite3_bind_text(stmt, 1, agent, -1, SQLITE_STATIC) != SQLITE_OK) {
		rc = store_fail(st, "bind");
		goto out;
	}
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		rc = store_fail(st, "select");
		goto out;
	}
	*v = sqlite3_column_int64(stmt, 0);
out:
	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
	return rc;
}

static int
store_put_heartbeat(struct store *st, const char *agent, int64_t received,
    int64_t interval)
{
	int rc = 0;

	sqlite3_reset(st->heartbeat);
	if (sqlite3_bind_text(st->heartbeat, 1, agent, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st->heartbeat, 2, received) != SQLITE_OK ||
	    sqlite3_bind_int64(st->heartbeat, 3, interval) != SQLITE_OK) {
		rc = store_fail(st, "bind");
		goto out;
	}
	if (sqlite3_step(st->heartbeat) != SQLITE_DONE) {
		rc = store_fail(st, "heartbeat");
	}
out:
	sqlite3_reset(st->heartbeat);
	sqlite3_clear_bindings(st->heartbeat);
	return rc;
}

/*
 * Store one batch inside the group's open transaction, under a savepoint
 * so that a batch that fails leaves the others of the group alone.
 * job->acked is the agent's highest seq so far in the transaction.
 */
static int
store_put_one(struct store *st, struct store_job *job)
{
	struct ingest_batch *batch = job->batch;
	struct ingest_finding *f;
	int64_t interval = 0;
	int64_t hb_seq = 0;
	char *json = NULL;
	size_t i;
	int rc;

	rc = store_exec(st, "SAVEPOINT batch");
	if (rc != 0) {
		return rc;
	}
	for (i = 0; i < batch->count; i++) {
		f = &batch->items[i];
		f->inserted = 0;
		json = json_dumps(f->obj, JSON_COMPACT);
		if (json == NULL) {
			rc = -ENOMEM;
			goto out;
		}
		rc = store_insert(st, st->insert, job->agent, f->seq, f->type,
		    f->severity, f->ts, job->received, json, &f->inserted);
		free(json);
		json = NULL;
		if (rc != 0) {
			goto out;
		}
		/* the newest summary line of the batch sets the interval */
		if (f->interval > 0 && f->seq >= hb_seq) {
			hb_seq = f->seq;
			interval = f->interval;
		}
	}
	if (interval > 0) {
		rc = store_put_heartbeat(st, job->agent, job->received, interval);
		if (rc != 0) {
			goto out;
		}
	}
	rc = store_get_int(st, st->max_seq, job->agent, &job->acked);
out:
	if (rc != 0 && !sqlite3_get_autocommit(st->db)) {
		store_exec(st, "ROLLBACK TO batch");
	}
	if (!sqlite3_get_autocommit(st->db)) {
		store_exec(st, "RELEASE batch");
	}
	return rc;
}

/*
 * Commit a group of batches in one transaction (one fsync for all). A
 * batch that failed gets its own rc; when the transaction itself is lost
 * (commit failed, or an error ended it), every batch of the group fails.
 */
static void
store_commit_group(struct store *st, struct store_job *group)
{
	struct store_job *j;
	size_t i;
	int rc;

	pthread_mutex_lock(&st->lock);
	rc = store_exec(st, "BEGIN IMMEDIATE");
	for (j = group; j != NULL && rc == 0; j = j->next) {
		j->rc = store_put_one(st, j);
		if (sqlite3_get_autocommit(st->db)) {
			rc = -EIO;   /* the error ended the transaction */
		}
	}
	if (rc == 0) {
		rc = store_exec(st, "COMMIT");
	}
	if (rc != 0) {
		store_rollback(st);
	}
	pthread_mutex_unlock(&st->lock);
	for (j = group; j != NULL; j = j->next) {
		if (rc != 0) {
			j->rc = rc;
		}
		if (j->rc != 0) {
			for (i = 0; i < j->batch->count; i++) {
				j->batch->items[i].inserted = 0;
			}
		}
	}
}

/*
 * Group commit: a batch joins the queue; the first thread that finds no
 * commit in progress becomes the leader, takes every batch queued so far
 * (its own among them) and commits them together, then wakes their
 * threads; batches queued meanwhile go with the next leader. Each thread
 * answers its agent only once its batch is done, i.e. committed.
 */
static int
store_sqlite_put_batch(struct store *st, const char *agent,
    struct ingest_batch *batch, int64_t received, int64_t *acked)
{
	struct store_job job;
	struct store_job *group;
	struct store_job *j;

	if (st->readonly) {
		return -EROFS;
	}
	memset(&job, 0, sizeof(job));
	job.agent = agent;
	job.batch = batch;
	job.received = received;
	pthread_mutex_lock(&st->qlock);
	/* job lives on this stack until it is done, and it is done only once a
	 * leader has taken it off the queue (qtail then points elsewhere) */
	*st->qtail = &job;
	/* cppcheck-suppress autoVariables */
	st->qtail = &job.next;
	while (!job.done) {
		if (st->committing) {
			pthread_cond_wait(&st->qdone, &st->qlock);
			continue;
		}
		st->committing = 1;
		group = st->qhead;
		st->qhead = NULL;
		st->qtail = &st->qhead;
		pthread_mutex_unlock(&st->qlock);
		store_commit_group(st, group);
		pthread_mutex_lock(&st->qlock);
		for (j = group; j != NULL; j = j->next) {
			j->done = 1;
		}
		st->committing = 0;
		pthread_cond_broadcast(&st->qdone);
	}
	pthread_mutex_unlock(&st->qlock);
	if (job.rc == 0) {
		*acked = job.acked;
	}
	return job.rc;
}

static int
store_sqlite_list_overdue(struct store *st, int64_t now, int64_t alive_since,
    struct store_overdue *out, size_t max, size_t *count)
{
	const char *agent;
	size_t n = 0;
	int step;
	int rc = 0;
	int w;

	*count = 0;
	if (st->readonly) {
		return -EROFS;
	}
	pthread_mutex_lock(&st->lock);
	sqlite3_reset(st->overdue);
	if (sqlite3_bind_int64(st->overdue, 1, now) != SQLITE_OK ||
	    sqlite3_bind_int64(st->overdue, 2, alive_since) != SQLITE_OK ||
	    sqlite3_bind_int64(st->overdue, 3, (sqlite3_int64)max) != SQLITE_OK) {
		rc = store_fail(st, "bind");
		goto out;
	}
	while ((step = sqlite3_step(st->overdue)) == SQLITE_ROW && n < max) {
		agent = (const char *)sqlite3_column_text(st->overdue, 0);
		if (agent == NULL) {
			continue;
		}
		w = snprintf(out[n].agent, sizeof(out[n].agent), "%s", agent);
		if (w < 0 || (size_t)w >= sizeof(out[n].agent)) {
			continue;   /* not an id we would have stored */
		}
		out[n].last_seen = sqlite3_column_int64(st->overdue, 1);
		out[n].interval = sqlite3_column_int64(st->overdue, 2);
		n++;
	}
	if (step != SQLITE_DONE && step != SQLITE_ROW) {
		rc = store_fail(st, "overdue");
		goto out;
	}
	*count = n;
out:
	sqlite3_reset(st->overdue);
	sqlite3_clear_bindings(st->overdue);
	pthread_mutex_unlock(&st->lock);
	return rc;
}

static int
store_sqlite_put_silent(struct store *st, const char *agent, json_t *obj,
    int64_t last_seen, int64_t received)
{
	json_t *v;
	int64_t min_seq = 0;
	int64_t ts = received;
	char *json = NULL;
	int changed = 0;
	int rc;

	if (st->readonly) {
		return -EROFS;
	}
	pthread_mutex_lock(&st->lock);
	rc = store_exec(st, "BEGIN IMMEDIATE");
	if (rc != 0) {
		goto out;
	}
	sqlite3_reset(st->flag_silent);
	if (sqlite3_bind_text(st->flag_silent, 1, agent, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st->flag_silent, 2, last_seen) != SQLITE_OK) {
		rc = store_fail(st, "bind");
		goto out;
	}
	if (sqlite3_step(st->flag_silent) != SQLITE_DONE) {
		rc = store_fail(st, "flag silent");
		goto out;
	}
	if (sqlite3_changes(st->db) == 0) {
		rc = -EAGAIN;
		goto out;
	}
	rc = store_get_int(st, st->min_seq, agent, &min_seq);
	if (rc != 0) {
		goto out;
	}
	if (min_seq > 0) {
		min_seq = 0;
	}
	if (json_object_set_new(obj, "seq", json_integer((json_int_t)(min_seq - 1))) != 0) {
		rc = -ENOMEM;
		goto out;
	}
	v = json_object_get(obj, "ts");
	if (json_is_integer(v)) {
		ts = (int64_t)json_integer_value(v);
	}
	json = json_dumps(obj, JSON_COMPACT);
	if (json == NULL) {
		rc = -ENOMEM;
		goto out;
	}
	rc = store_insert(st, st->insert_strict, agent, min_seq - 1,
	    json_string_value(json_object_get(obj, "type")),
	    json_string_value(json_object_get(obj, "severity")), ts, received,
	    json, &changed);
	if (rc != 0) {
		goto out;
	}
	rc = store_exec(st, "COMMIT");
out:
	sqlite3_reset(st->flag_silent);
	sqlite3_clear_bindings(st->flag_silent);
	free(json);
	if (rc != 0) {
		store_rollback(st);
	}
	pthread_mutex_unlock(&st->lock);
	return rc;
}

static int
store_sqlite_query(struct store *st, const struct store_filter *flt,
    int (*fn)(const struct store_row *row, void *arg), void *arg)
{
	char sql[320];
	sqlite3_stmt *stmt = NULL;
	struct store_row row;
	int idx = 1;
	int step;
	int rc = 0;
	int n;

	n = snprintf(sql, sizeof(sql), "SELECT agent, seq, type, severity, ts,"
	    " received, json FROM findings WHERE 1 = 1%s%s%s ORDER BY rowid%s",
	    flt->agent != NULL ? " AND agent = ?" : "",
	    flt->type != NULL ? " AND type = ?" : "",
	    flt->since >= 0 ? " AND ts >= ?" : "",
	    flt->limit > 0 ? " LIMIT ?" : "");
	if (n < 0 || (size_t)n >= sizeof(sql)) {
		return -EINVAL;
	}
	pthread_mutex_lock(&st->lock);
	if (sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL) != SQLITE_OK) {
		rc = store_fail(st, "query");
		goto out;
	}
	if ((flt->agent != NULL &&
	    sqlite3_bind_text(stmt, idx++, flt->agent, -1, SQLITE_STATIC) != SQLITE_OK) ||
	    (flt->type != NULL &&
	    sqlite3_bind_text(stmt, idx++, flt->type, -1, SQLITE_STATIC) != SQLITE_OK) ||
	    (flt->since >= 0 &&
	    sqlite3_bind_int64(stmt, idx++, flt->since) != SQLITE_OK) ||
	    (flt->limit > 0 &&
	    sqlite3_bind_int64(stmt, idx++, (sqlite3_int64)flt->limit) != SQLITE_OK)) {
		rc = store_fail(st, "bind");
		goto out;
	}
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		row.agent = (const char *)sqlite3_column_text(stmt, 0);
		row.seq = sqlite3_column_int64(stmt, 1);
		row.type = (const char *)sqlite3_column_text(stmt, 2);
		row.severity = (const char *)sqlite3_column_text(stmt, 3);
		row.ts = sqlite3_column_int64(stmt, 4);
		row.received = sqlite3_column_int64(stmt, 5);
		row.json = (const char *)sqlite3_column_text(stmt, 6);
		if (row.agent == NULL || row.type == NULL || row.severity == NULL ||
		    row.json == NULL) {
			continue;
		}
		rc = fn(&row, arg);
		if (rc != 0) {
			goto out;
		}
	}
	if (step != SQLITE_DONE) {
		rc = store_fail(st, "query");
	}
out:
	sqlite3_finalize(stmt);
	pthread_mutex_unlock(&st->lock);
	return rc;
}

/*
 * The devices of the fleet view. dev: every agent with a heartbeat or a
 * finding (a skip-scan of the (agent, seq) index, one lookup per agent);
 * s1/s0: the newest and the previous summary's seq; open findings are the
 * agent's own (seq >= 1) after s0, summaries excluded.
 */
#define STORE_DEVICES_ALL \
    "WITH RECURSIVE fa(agent) AS (SELECT MIN(agent) FROM findings" \
    " UNION ALL SELECT (SELECT MIN(agent) FROM findings f WHERE f.agent > fa.agent)" \
    " FROM fa WHERE fa.agent IS NOT NULL)," \
    " dev(agent) AS (SELECT agent FROM fa WHERE agent IS NOT NULL" \
    " UNION SELECT agent FROM agents),"
#define STORE_DEVICES_ONE \
    "WITH dev(agent) AS (SELECT ?1 WHERE EXISTS (SELECT 1 FROM agents" \
    " WHERE agent = ?1) OR EXISTS (SELECT 1 FROM findings WHERE agent = ?1)),"
#define STORE_DEVICES_REST \
    " s AS (SELECT dev.agent AS agent, (SELECT MAX(seq) FROM findings f" \
    " WHERE f.agent = dev.agent AND f.type = 'summary' AND f.seq > 0) AS s1" \
    " FROM dev)," \
    " p AS MATERIALIZED (SELECT s.agent AS agent, s.s1 AS s1," \
    " COALESCE((SELECT MAX(seq) FROM findings f WHERE f.agent = s.agent" \
    " AND f.type = 'summary' AND f.seq > 0 AND f.seq < s.s1), 0) AS s0" \
    " FROM s)" \
    " SELECT p.agent, a.last_seen, a.interval, a.silent_raised," \
    " (SELECT received FROM findings r WHERE r.agent = p.agent" \
    " ORDER BY r.seq DESC LIMIT 1)," \
    " json_extract(v.json, '$.verdict'), v.received," \
    " json_extract(v.json, '$.agent_version')," \
    " json_extract(v.json, '$.bundle_version')," \
    " SUM(f.severity = 'low'), SUM(f.severity = 'medium')," \
    " SUM(f.severity = 'high'), SUM(f.severity = 'critical')" \
    " FROM p LEFT JOIN agents a ON a.agent = p.agent" \
    " LEFT JOIN findings v ON v.agent = p.agent AND v.seq = p.s1" \
    " LEFT JOIN findings f ON f.agent = p.agent AND f.seq > p.s0" \
    " AND f.type <> 'summary'" \
    " GROUP BY p.agent ORDER BY p.agent"

/* A JSON value as text, or NULL unless it is a short string. */
static const char *
store_column_short(sqlite3_stmt *stmt, int col)
{
	if (sqlite3_column_type(stmt, col) != SQLITE_TEXT ||
	    sqlite3_column_bytes(stmt, col) > 64) {
		return NULL;
	}
	return (const char *)sqlite3_column_text(stmt, col);
}

static int
store_sqlite_list_devices(struct store *st, const char *agent,
    int (*fn)(const struct store_device *dev, void *arg), void *arg)
{
	static const char sql_all[] = STORE_DEVICES_ALL STORE_DEVICES_REST;
	static const char sql_one[] = STORE_DEVICES_ONE STORE_DEVICES_REST;
	struct store_device d;
	sqlite3_stmt *stmt = NULL;
	int step;
	int rc = 0;
	int i;

	pthread_mutex_lock(&st->lock);
	if (sqlite3_prepare_v2(st->db, agent != NULL ? sql_one : sql_all, -1,
	    &stmt, NULL) != SQLITE_OK) {
		rc = store_fail(st, "devices");
		goto out;
	}
	if (agent != NULL &&
	    sqlite3_bind_text(stmt, 1, agent, -1, SQLITE_STATIC) != SQLITE_OK) {
		rc = store_fail(st, "bind");
		goto out;
	}
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		memset(&d, 0, sizeof(d));
		d.agent = (const char *)sqlite3_column_text(stmt, 0);
		if (d.agent == NULL) {
			continue;
		}
		if (sqlite3_column_type(stmt, 1) != SQLITE_NULL) {
			d.last_seen = sqlite3_column_int64(stmt, 1);
			d.interval = sqlite3_column_int64(stmt, 2);
			d.silent_raised = sqlite3_column_int(stmt, 3) != 0;
		} else {
			d.last_seen = sqlite3_column_int64(stmt, 4);
		}
		d.verdict = store_column_short(stmt, 5);
		d.verdict_ts = sqlite3_column_int64(stmt, 6);
		d.agent_version = store_column_short(stmt, 7);
		d.bundle_version = store_column_short(stmt, 8);
		for (i = 0; i < 4; i++) {
			d.open[i] = sqlite3_column_int64(stmt, 9 + i);
		}
		rc = fn(&d, arg);
		if (rc != 0) {
			goto out;
		}
	}
	if (step != SQLITE_DONE) {
		rc = store_fail(st, "devices");
	}
out:
	sqlite3_finalize(stmt);
	pthread_mutex_unlock(&st->lock);
	return rc;
}

static int
store_sqlite_lease(struct store *st, const char *name, const char *holder,
    int64_t now, int64_t ttl, int *held)
{
	int rc = 0;

	*held = 0;
	if (st->readonly) {
		return -EROFS;
	}
	pthread_mutex_lock(&st->lock);
	sqlite3_reset(st->lease);
	if (sqlite3_bind_text(st->lease, 1, name, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st->lease, 2, holder, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st->lease, 3, now) != SQLITE_OK ||
	    sqlite3_bind_int64(st->lease, 4, now + ttl) != SQLITE_OK) {
		rc = store_fail(st, "bind");
		goto out;
	}
	if (sqlite3_step(st->lease) != SQLITE_DONE) {
		rc = store_fail(st, "lease");
		goto out;
	}
	/* the upsert's WHERE leaves the row alone when another holds it */
	*held = sqlite3_changes(st->db) > 0;
out:
	sqlite3_reset(st->lease);
	sqlite3_clear_bindings(st->lease);
	pthread_mutex_unlock(&st->lock);
	return rc;
}

static int
store_sqlite_find(struct store *st, const struct store_find *flt,
    int (*fn)(const struct store_row *row, void *arg), void *arg)
{
	char sql[400];
	sqlite3_stmt *stmt = NULL;
	struct store_row row;
	int idx = 1;
	int step;
	int rc = 0;
	int n;

	n = snprintf(sql, sizeof(sql), "SELECT agent, seq, type, severity, ts,"
	    " received, json FROM findings WHERE 1 = 1%s%s%s%s%s%s"
	    " ORDER BY received DESC, rowid DESC",
	    flt->agent != NULL ? " AND agent = ?" : "",
	    flt->type != NULL ? " AND type = ?" : "",
	    flt->not_type != NULL ? " AND type <> ?" : "",
	    flt->severity != NULL ? " AND severity = ?" : "",
	    flt->since >= 0 ? " AND received >= ?" : "",
	    flt->until >= 0 ? " AND received < ?" : "");
	if (n < 0 || (size_t)n >= sizeof(sql)) {
		return -EINVAL;
	}
	pthread_mutex_lock(&st->lock);
	if (sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL) != SQLITE_OK) {
		rc = store_fail(st, "find");
		goto out;
	}
	if ((flt->agent != NULL &&
	    sqlite3_bind_text(stmt, idx++, flt->agent, -1, SQLITE_STATIC) != SQLITE_OK) ||
	    (flt->type != NULL &&
	    sqlite3_bind_text(stmt, idx++, flt->type, -1, SQLITE_STATIC) != SQLITE_OK) ||
	    (flt->not_type != NULL &&
	    sqlite3_bind_text(stmt, idx++, flt->not_type, -1, SQLITE_STATIC) != SQLITE_OK) ||
	    (flt->severity != NULL &&
	    sqlite3_bind_text(stmt, idx++, flt->severity, -1, SQLITE_STATIC) != SQLITE_OK) ||
	    (flt->since >= 0 &&
	    sqlite3_bind_int64(stmt, idx++, flt->since) != SQLITE_OK) ||
	    (flt->until >= 0 &&
	    sqlite3_bind_int64(stmt, idx++, flt->until) != SQLITE_OK)) {
		rc = store_fail(st, "bind");
		goto out;
	}
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		row.agent = (const char *)sqlite3_column_text(stmt, 0);
		row.seq = sqlite3_column_int64(stmt, 1);
		row.type = (const char *)sqlite3_column_text(stmt, 2);
		row.severity = (const char *)sqlite3_column_text(stmt, 3);
		row.ts = sqlite3_column_int64(stmt, 4);
		row.received = sqlite3_column_int64(stmt, 5);
		row.json = (const char *)sqlite3_column_text(stmt, 6);
		if (row.agent == NULL || row.type == NULL || row.severity == NULL ||
		    row.json == NULL) {
			continue;
		}
		rc = fn(&row, arg);
		if (rc != 0) {
			goto out;
		}
	}
	if (step != SQLITE_DONE) {
		rc = store_fail(st, "find");
	}
out:
	sqlite3_finalize(stmt);
	pthread_mutex_unlock(&st->lock);
	return rc;
}

static int
store_sqlite_count_days(struct store *st, const char *agent, int64_t since,
    int64_t until, int (*fn)(int64_t day, const char *severity, int64_t count,
    void *arg), void *arg)
{
	sqlite3_stmt *stmt = NULL;
	const char *sev;
	int step;
	int rc = 0;

	pthread_mutex_lock(&st->lock);
	if (sqlite3_prepare_v2(st->db, agent != NULL ?
	    "SELECT received / 86400, severity, COUNT(*) FROM findings"
	    " WHERE agent = ?3 AND type <> 'summary' AND received >= ?1"
	    " AND received < ?2 GROUP BY 1, 2" :
	    "SELECT received / 86400, severity, COUNT(*) FROM findings"
	    " WHERE type <> 'summary' AND received >= ?1 AND received < ?2"
	    " GROUP BY 1, 2", -1, &stmt, NULL) != SQLITE_OK) {
		rc = store_fail(st, "days");
		goto out;
	}
	if (sqlite3_bind_int64(stmt, 1, since) != SQLITE_OK ||
	    sqlite3_bind_int64(stmt, 2, until) != SQLITE_OK ||
	    (agent != NULL &&
	    sqlite3_bind_text(stmt, 3, agent, -1, SQLITE_STATIC) != SQLITE_OK)) {
		rc = store_fail(st, "bind");
		goto out;
	}
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		sev = (const char *)sqlite3_column_text(stmt, 1);
		if (sev == NULL) {
			continue;
		}
		rc = fn(sqlite3_column_int64(stmt, 0), sev,
		    sqlite3_column_int64(stmt, 2), arg);
		if (rc != 0) {
			goto out;
		}
	}
	if (step != SQLITE_DONE) {
		rc = store_fail(st, "days");
	}
out:
	sqlite3_finalize(stmt);
	pthread_mutex_unlock(&st->lock);
	return rc;
}

static int
store_sqlite_maintain(struct store *st, int64_t now, int64_t before,
    uint64_t *removed)
{
	int changes;
	int rc = 0;

	(void)now;
	*removed = 0;
	if (st->readonly) {
		return -EROFS;
	}
	if (before <= 0) {
		return 0;
	}
	/* one short transaction per slice, the lock released in between so
	 * that batches waiting for it go first */
	do {
		pthread_mutex_lock(&st->lock);
		sqlite3_reset(st->expire);
		if (sqlite3_bind_int64(st->expire, 1, before) != SQLITE_OK ||
		    sqlite3_bind_int64(st->expire, 2, STORE_EXPIRE_ROWS) != SQLITE_OK) {
			rc = store_fail(st, "bind");
		} else if (sqlite3_step(st->expire) != SQLITE_DONE) {
			rc = store_fail(st, "expire");
		}
		changes = rc == 0 ? sqlite3_changes(st->db) : 0;
		sqlite3_reset(st->expire);
		sqlite3_clear_bindings(st->expire);
		pthread_mutex_unlock(&st->lock);
		*removed += (uint64_t)changes;
	} while (rc == 0 && changes == STORE_EXPIRE_ROWS);
	return rc;
}

const struct store_backend store_sqlite = {
	.name = "sqlite",
	.open = store_sqlite_open,
	.close = store_sqlite_close,
	.put_batch = store_sqlite_put_batch,
	.list_overdue = store_sqlite_list_overdue,
	.put_silent = store_sqlite_put_silent,
	.query = store_sqlite_query,
	.list_devices = store_sqlite_list_devices,
	.find = store_sqlite_find,
	.count_days = store_sqlite_count_days,
	.lease = store_sqlite_lease,
	.maintain = store_sqlite_maintain,
};

const struct store_backend *
store_pick_backend(const char *target)
{
	if (strncmp(target, "postgresql://", 13) == 0 ||
	    strncmp(target, "postgres://", 11) == 0) {
		return &store_pg;
	}
	return &store_sqlite;
}
