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

struct store {
	sqlite3 *db;
	pthread_mutex_t lock;
	int readonly;
	sqlite3_stmt *insert;
	sqlite3_stmt *max_seq;
	sqlite3_stmt *heartbeat;
	sqlite3_stmt *overdue;
	sqlite3_stmt *flag_silent;
	sqlite3_stmt *min_seq;
	sqlite3_stmt *insert_strict;
};

static const char store_schema[] =
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
    " silent_raised INTEGER NOT NULL DEFAULT 0);";

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
	sqlite3_close(st->db);
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
		rc = store_exec(st, store_schema);
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

static int
store_sqlite_put_batch(struct store *st, const char *agent,
    struct ingest_batch *batch, int64_t received, int64_t *acked)
{
	struct ingest_finding *f;
	int64_t interval = 0;
	int64_t hb_seq = 0;
	int64_t max_seq = 0;
	char *json = NULL;
	size_t i;
	int rc;

	if (st->readonly) {
		return -EROFS;
	}
	pthread_mutex_lock(&st->lock);
	rc = store_exec(st, "BEGIN IMMEDIATE");
	if (rc != 0) {
		goto out;
	}
	for (i = 0; i < batch->count; i++) {
		f = &batch->items[i];
		f->inserted = 0;
		json = json_dumps(f->obj, JSON_COMPACT);
		if (json == NULL) {
			rc = -ENOMEM;
			goto out;
		}
		rc = store_insert(st, st->insert, agent, f->seq, f->type, f->severity,
		    f->ts, received, json, &f->inserted);
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
		rc = store_put_heartbeat(st, agent, received, interval);
		if (rc != 0) {
			goto out;
		}
	}
	rc = store_get_int(st, st->max_seq, agent, &max_seq);
	if (rc != 0) {
		goto out;
	}
	rc = store_exec(st, "COMMIT");
	if (rc != 0) {
		goto out;
	}
	*acked = max_seq;
out:
	if (rc != 0) {
		store_rollback(st);
		for (i = 0; i < batch->count; i++) {
			batch->items[i].inserted = 0;
		}
	}
	pthread_mutex_unlock(&st->lock);
	return rc;
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

const struct store_backend store_sqlite = {
	.name = "sqlite",
	.open = store_sqlite_open,
	.close = store_sqlite_close,
	.put_batch = store_sqlite_put_batch,
	.list_overdue = store_sqlite_list_overdue,
	.put_silent = store_sqlite_put_silent,
	.query = store_sqlite_query,
};
