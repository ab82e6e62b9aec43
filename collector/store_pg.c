/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * store_pg.c - the PostgreSQL backend of store.h, through libpq.
 *
 * Several collectors may share one database; each is stateless apart from
 * it. Exactly-once across them: a batch is one call of the server-side
 * function iothunt_put_batch (one transaction, one round trip) which first
 * locks the agent's row in agent_seq (batches of one agent are serialized
 * whichever collector took them), then inserts each finding whose seq is
 * above the agent's high-water mark max_seq, or at or below it and not
 * stored yet, and raises max_seq. The answer (acked = max_seq) is read
 * from the committed call.
 *
 * findings is partitioned by day of `received` (collector clock), so that
 * retention drops whole partitions instead of deleting rows; a unique
 * index on a partitioned table would have to include the partition key,
 * which is why uniqueness of (agent, seq) is kept by the lock and the
 * NOT EXISTS probe rather than by a constraint.
 *
 * Connections: a small pool, one connection per concurrent request; a
 * connection that broke (server restart) is reset on its next use, and a
 * batch that failed on a broken connection is retried once on the fresh
 * one (safe: inserts are idempotent).
 */
#include "store.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libpq-fe.h>

#include "clog.h"
#include "num.h"

/* Connections held at most (the HTTP thread pool plus housekeeping). */
#define STORE_PG_CONNS 32

/* Schema version this build writes (table schema_migrations). */
#define STORE_PG_VERSION 2

/* Partitions made ahead of today, and rows deleted per statement in a
 * partition that is only partly expired. */
#define STORE_PG_DAYS_AHEAD 3
#define STORE_PG_EXPIRE_ROWS 5000

/* pg_advisory_xact_lock key serializing schema and partition changes
 * between collectors ("iothunt" in ASCII). */
#define STORE_PG_DDL_LOCK "7598819155914356"

struct store_pg_conn {
	PGconn *pg;
	int busy;
};

struct store {
	pthread_mutex_t lock;
	pthread_cond_t freed;
	int readonly;
	char *target;
	struct store_pg_conn conns[STORE_PG_CONNS];
};

/*
 * Migrations, applied in order under the DDL lock, each in the transaction
 * that records it in schema_migrations.
 */
static const char *const store_pg_migrations[STORE_PG_VERSION] = {
	"CREATE SEQUENCE findings_id_seq;"
	"CREATE TABLE findings ("
	" id bigint NOT NULL DEFAULT nextval('findings_id_seq'),"
	" agent text NOT NULL,"
	" seq bigint NOT NULL,"
	" type text NOT NULL,"
	" severity text NOT NULL,"
	" ts bigint NOT NULL,"
	" received bigint NOT NULL,"
	" json text NOT NULL"
	") PARTITION BY RANGE (received);"
	"CREATE TABLE findings_default PARTITION OF findings DEFAULT;"
	"CREATE INDEX findings_agent_seq ON findings (agent, seq);"
	"CREATE INDEX findings_id ON findings (id);"
	"CREATE INDEX findings_ts ON findings (ts);"
	"CREATE INDEX findings_type ON findings (type);"
	"CREATE TABLE agent_seq ("
	" agent text PRIMARY KEY,"
	" max_seq bigint NOT NULL DEFAULT 0,"
	" min_seq bigint NOT NULL DEFAULT 0);"
	"CREATE TABLE agents ("
	" agent text PRIMARY KEY,"
	" last_seen bigint NOT NULL,"
	" \"interval\" bigint NOT NULL,"
	" silent_raised integer NOT NULL DEFAULT 0);"
	"CREATE TABLE leases ("
	" name text PRIMARY KEY,"
	" holder text NOT NULL,"
	" expires bigint NOT NULL);"
	/* rows: a JSON array of the stamped findings, first occurrence of each
	 * seq only; returns (0, acked) then (1, seq) per inserted finding */
	"CREATE FUNCTION iothunt_put_batch(p_agent text, p_received bigint,"
	" p_rows json, p_interval bigint)"
	" RETURNS TABLE (out_kind integer, out_v bigint) LANGUAGE plpgsql AS $f$"
	" DECLARE v_max bigint; v_new bigint; v_ins bigint[];"
	" BEGIN"
	"  INSERT INTO agent_seq AS a (agent) VALUES (p_agent)"
	"   ON CONFLICT (agent) DO UPDATE SET agent = a.agent"
	"   RETURNING a.max_seq INTO v_max;"
	"  WITH ins AS ("
	"   INSERT INTO findings (agent, seq, type, severity, ts, received, json)"
	"   SELECT p_agent, r.s, r.v->>'type', r.v->>'severity',"
	"    (r.v->>'ts')::bigint, p_received, r.v::text"
	"   FROM (SELECT e.v, (e.v->>'seq')::bigint AS s"
	"         FROM json_array_elements(p_rows) AS e(v)) AS r"
	"   WHERE r.s > v_max OR NOT EXISTS (SELECT 1 FROM findings f"
	"    WHERE f.agent = p_agent AND f.seq = r.s)"
	"   RETURNING findings.seq)"
	"  SELECT coalesce(array_agg(ins.seq), '{}') INTO v_ins FROM ins;"
	"  SELECT max(x) INTO v_new FROM unnest(v_ins) AS x;"
	"  IF v_new IS NOT NULL AND v_new > v_max THEN"
	"   UPDATE agent_seq SET max_seq = v_new WHERE agent = p_agent;"
	"   v_max := v_new;"
	"  END IF;"
	"  IF p_interval > 0 THEN"
	"   INSERT INTO agents (agent, last_seen, \"interval\", silent_raised)"
	"    VALUES (p_agent, p_received, p_interval, 0)"
	"    ON CONFLICT (agent) DO UPDATE SET last_seen = excluded.last_seen,"
	"    \"interval\" = excluded.\"interval\", silent_raised = 0;"
	"  END IF;"
	"  RETURN QUERY SELECT 0, v_max;"
	"  RETURN QUERY SELECT 1, x FROM unnest(v_ins) AS x;"
	" END $f$;",
	/* 2: the fleet view's read paths: a device's newest summaries, and
	 * findings newest first / per day (made on every partition) */
	"CREATE INDEX findings_fleet_agent ON findings (agent, type, seq);"
	"CREATE INDEX findings_fleet_received ON findings"
	" (received, type, severity);",
};

static int
store_pg_fail(PGconn *pg, const char *what)
{
	const char *msg = pg != NULL ? PQerrorMessage(pg) : "no connection";
	char line[512];
	size_t n = 0;
	size_t i;

	/* libpq's messages span lines (and repeat them): one log line */
	for (i = 0; msg[i] != '\0' && n + 1 < sizeof(line); i++) {
		if (msg[i] == '\n' || msg[i] == '\r' || msg[i] == '\t') {
			if (n > 0 && line[n - 1] != ' ') {
				line[n++] = ' ';
			}
		} else {
			line[n++] = msg[i];
		}
	}
	while (n > 0 && line[n - 1] == ' ') {
		n--;
	}
	line[n] = '\0';
	clog_write(CLOG_ERROR, "store: postgresql: %s: %s", what, line);
	return -EIO;
}

/* A text result cell as a signed 64-bit integer. */
static int
store_pg_get_i64(const PGresult *res, int row, int col, int64_t *v)
{
	const char *s = PQgetvalue(res, row, col);
	uint64_t u;
	int neg = 0;

	if (s == NULL || PQgetisnull(res, row, col)) {
		return -EINVAL;
	}
	if (*s == '-') {
		neg = 1;
		s++;
	}
	if (num_parse_str_u64(s, neg ? (uint64_t)INT64_MAX + 1 : INT64_MAX, &u) != 0) {
		return -EINVAL;
	}
	*v = neg ? (int64_t)(0 - u) : (int64_t)u;
	return 0;
}

/* Run a statement expecting status want; the result is cleared. */
static int
store_pg_exec(PGconn *pg, const char *sql, ExecStatusType want)
{
	PGresult *res = PQexec(pg, sql);
	int rc = 0;

	if (PQresultStatus(res) != want) {
		rc = store_pg_fail(pg, sql);
	}
	PQclear(res);
	return rc;
}

static PGconn *
store_pg_connect(const char *target, int readonly)
{
	const char *keys[] = { "connect_timeout", "application_name", "options",
	    "dbname", NULL };
	const char *vals[] = { "5", "iothunt-collector",
	    readonly ? "-c default_transaction_read_only=on -c statement_timeout=60000"
	    " -c jit=off" : "-c statement_timeout=30000 -c lock_timeout=10000",
	    target, NULL };
	PGconn *pg;

	/* expand_dbname: the URI's own parameters override the defaults
	 * above (they come after them). Read-only connections serve the
	 * fleet view and query: JIT compilation made the fleet view's
	 * per-device subqueries about 3 times slower (10,000 devices:
	 * 4.6 s with it, 1.4 s without) */
	pg = PQconnectdbParams(keys, vals, 1);
	if (pg != NULL && PQstatus(pg) != CONNECTION_OK) {
		store_pg_fail(pg, "connect");
		PQfinish(pg);
		return NULL;
	}
	if (pg != NULL && store_pg_exec(pg, "SET client_min_messages = warning",
	    PGRES_COMMAND_OK) != 0) {
		PQfinish(pg);
		return NULL;
	}
	return pg;
}

/* Take a connection from the pool (waiting for one), connected. */
static int
store_pg_get(struct store *st, struct store_pg_conn **out)
{
	struct store_pg_conn *c = NULL;
	size_t i;

	*out = NULL;
	pthread_mutex_lock(&st->lock);
	while (c == NULL) {
		/* prefer one that is already connected */
		for (i = 0; i < STORE_PG_CONNS && c == NULL; i++) {
			if (!st->conns[i].busy && st->conns[i].pg != NULL) {
				c = &st->conns[i];
			}
		}
		for (i = 0; i < STORE_PG_CONNS && c == NULL; i++) {
			if (!st->conns[i].busy) {
				c = &st->conns[i];
			}
		}
		if (c == NULL) {
			pthread_cond_wait(&st->freed, &st->lock);
		}
	}
	c->busy = 1;
	pthread_mutex_unlock(&st->lock);
	if (c->pg != NULL && PQstatus(c->pg) != CONNECTION_OK) {
		PQfinish(c->pg);
		c->pg = NULL;
	}
	if (c->pg == NULL) {
		c->pg = store_pg_connect(st->target, st->readonly);
	}
	if (c->pg == NULL) {
		pthread_mutex_lock(&st->lock);
		c->busy = 0;
		pthread_cond_signal(&st->freed);
		pthread_mutex_unlock(&st->lock);
		return -EIO;
	}
	*out = c;
	return 0;
}

static void
store_pg_put(struct store *st, struct store_pg_conn *c)
{
	if (c == NULL) {
		return;
	}
	if (c->pg != NULL && PQtransactionStatus(c->pg) != PQTRANS_IDLE) {
		/* a failed step left a transaction open: drop it */
		PQfinish(c->pg);
		c->pg = NULL;
	}
	pthread_mutex_lock(&st->lock);
	c->busy = 0;
	pthread_cond_signal(&st->freed);
	pthread_mutex_unlock(&st->lock);
}

/* Whether the connection broke (so the step may be retried on a new one). */
static int
store_pg_broken(struct store_pg_conn *c)
{
	if (c->pg != NULL && PQstatus(c->pg) == CONNECTION_OK) {
		return 0;
	}
	PQfinish(c->pg);
	c->pg = NULL;
	return 1;
}

static void
store_pg_close(struct store *st)
{
	size_t i;

	if (st == NULL) {
		return;
	}
	for (i = 0; i < STORE_PG_CONNS; i++) {
		PQfinish(st->conns[i].pg);
	}
	pthread_cond_destroy(&st->freed);
	pthread_mutex_destroy(&st->lock);
	free(st->target);
	free(st);
}

/* Name and bounds of the daily partition holding unix time t. */
static int
store_pg_partition(int64_t t, char *name, size_t cap, int64_t *lo, int64_t *hi)
{
	time_t day = (time_t)(t - (t % 86400 + 86400) % 86400);
	struct tm tm;
	int n;

	if (gmtime_r(&day, &tm) == NULL) {
		return -EINVAL;
	}
	n = snprintf(name, cap, "findings_p%04d%02d%02d", tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday);
	if (n < 0 || (size_t)n >= cap) {
		return -EINVAL;
	}
	*lo = (int64_t)day;
	*hi = (int64_t)day + 86400;
	return 0;
}

/*
 * Partitions for yesterday .. today + STORE_PG_DAYS_AHEAD, in a
 * transaction holding the DDL lock (collectors may race here).
 */
static int
store_pg_make_partitions(PGconn *pg, int64_t now)
{
	char name[40];
	char sql[256];
	int64_t lo;
	int64_t hi;
	int d;
	int n;
	int rc;

	rc = store_pg_exec(pg, "BEGIN", PGRES_COMMAND_OK);
	if (rc == 0) {
		rc = store_pg_exec(pg, "SELECT pg_advisory_xact_lock("
		    STORE_PG_DDL_LOCK ")", PGRES_TUPLES_OK);
	}
	for (d = -1; rc == 0 && d <= STORE_PG_DAYS_AHEAD; d++) {
		rc = store_pg_partition(now + (int64_t)d * 86400, name, sizeof(name),
		    &lo, &hi);
		if (rc != 0) {
			break;
		}
		n = snprintf(sql, sizeof(sql), "CREATE TABLE IF NOT EXISTS %s"
		    " PARTITION OF findings FOR VALUES FROM (%lld) TO (%lld)",
		    name, (long long)lo, (long long)hi);
		if (n < 0 || (size_t)n >= sizeof(sql)) {
			rc = -EINVAL;
			break;
		}
		rc = store_pg_exec(pg, sql, PGRES_COMMAND_OK);
	}
	if (rc == 0) {
		return store_pg_exec(pg, "COMMIT", PGRES_COMMAND_OK);
	}
	store_pg_exec(pg, "ROLLBACK", PGRES_COMMAND_OK);
	return rc;
}

/* Bring the schema to STORE_PG_VERSION under the DDL lock. */
static int
store_pg_migrate(PGconn *pg)
{
	PGresult *res = NULL;
	int64_t version = 0;
	char sql[96];
	int rc;
	int n;

	rc = store_pg_exec(pg, "BEGIN", PGRES_COMMAND_OK);
	if (rc == 0) {
		rc = store_pg_exec(pg, "SELECT pg_advisory_xact_lock("
		    STORE_PG_DDL_LOCK ")", PGRES_TUPLES_OK);
	}
	if (rc == 0) {
		rc = store_pg_exec(pg, "CREATE TABLE IF NOT EXISTS schema_migrations"
		    " (version integer PRIMARY KEY,"
		    " applied timestamptz NOT NULL DEFAULT now())", PGRES_COMMAND_OK);
	}
	if (rc != 0) {
		goto out;
	}
	res = PQexec(pg, "SELECT coalesce(max(version), 0) FROM schema_migrations");
	if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) != 1 ||
	    store_pg_get_i64(res, 0, 0, &version) != 0) {
		rc = store_pg_fail(pg, "schema version");
		goto out;
	}
	if (version > STORE_PG_VERSION) {
		clog_write(CLOG_ERROR, "store: database schema version %lld is newer "
		    "than this collector's (%d)", (long long)version, STORE_PG_VERSION);
		rc = -EPROTO;
		goto out;
	}
	for (; version < STORE_PG_VERSION; version++) {
		rc = store_pg_exec(pg, store_pg_migrations[version], PGRES_COMMAND_OK);
		if (rc != 0) {
			goto out;
		}
		n = snprintf(sql, sizeof(sql), "INSERT INTO schema_migrations"
		    " (version) VALUES (%lld)", (long long)(version + 1));
		if (n < 0 || (size_t)n >= sizeof(sql)) {
			rc = -EINVAL;
			goto out;
		}
		rc = store_pg_exec(pg, sql, PGRES_COMMAND_OK);
		if (rc != 0) {
			goto out;
		}
		clog_write(CLOG_INFO, "store: schema migrated to version %lld",
		    (long long)(version + 1));
	}
	rc = store_pg_exec(pg, "COMMIT", PGRES_COMMAND_OK);
out:
	PQclear(res);
	if (rc != 0 && PQtransactionStatus(pg) != PQTRANS_IDLE) {
		store_pg_exec(pg, "ROLLBACK", PGRES_COMMAND_OK);
	}
	return rc;
}

static int
store_pg_open(const char *path, int readonly, struct store **out)
{
	struct store_pg_conn *c = NULL;
	struct store *st;
	int rc;

	*out = NULL;
	st = calloc(1, sizeof(*st));
	if (st == NULL) {
		return -ENOMEM;
	}
	pthread_mutex_init(&st->lock, NULL);
	pthread_cond_init(&st->freed, NULL);
	st->readonly = readonly;
	st->target = strdup(path);
	if (st->target == NULL) {
		rc = -ENOMEM;
		goto out;
	}
	rc = store_pg_get(st, &c);
	if (rc != 0 || readonly) {
		goto out;
	}
	rc = store_pg_migrate(c->pg);
	if (rc == 0) {
		rc = store_pg_make_partitions(c->pg, (int64_t)time(NULL));
	}
out:
	store_pg_put(st, c);
	if (rc != 0) {
		store_pg_close(st);
		return rc;
	}
	*out = st;
	return 0;
}

static int
store_pg_cmp_seq(const void *a, const void *b)
{
	const struct ingest_finding *const *x = a;
	const struct ingest_finding *const *y = b;

	if ((*x)->seq != (*y)->seq) {
		return (*x)->seq < (*y)->seq ? -1 : 1;
	}
	/* the same seq twice: the earlier line wins, as in SQLite */
	return *x < *y ? -1 : (*x > *y ? 1 : 0);
}

/*
 * The batch as one JSON array text in the batch's order, first occurrence
 * of each seq only (one INSERT cannot see its own rows, so a repeat would
 * be stored twice).
 */
static int
store_pg_rows(struct ingest_batch *batch, char **out)
{
	struct ingest_finding **order = NULL;
	unsigned char *skip = NULL;
	char *buf = NULL;
	char *json;
	size_t len = 1;
	size_t cap = 4096;
	size_t n;
	size_t i;
	char *p;
	int rc = 0;

	*out = NULL;
	order = calloc(batch->count + 1, sizeof(*order));
	skip = calloc(batch->count + 1, 1);
	buf = malloc(cap);
	if (order == NULL || skip == NULL || buf == NULL) {
		rc = -ENOMEM;
		goto out;
	}
	for (i = 0; i < batch->count; i++) {
		order[i] = &batch->items[i];
	}
	qsort(order, batch->count, sizeof(*order), store_pg_cmp_seq);
	for (i = 1; i < batch->count; i++) {
		if (order[i]->seq == order[i - 1]->seq) {
			skip[order[i] - batch->items] = 1;
		}
	}
	buf[0] = '[';
	for (i = 0; i < batch->count; i++) {
		if (skip[i]) {
			continue;
		}
		json = json_dumps(batch->items[i].obj, JSON_COMPACT);
		if (json == NULL) {
			rc = -ENOMEM;
			goto out;
		}
		n = strlen(json);
		if (len + n + 3 > cap) {
			while (len + n + 3 > cap) {
				cap *= 2;
			}
			p = realloc(buf, cap);
			if (p == NULL) {
				free(json);
				rc = -ENOMEM;
				goto out;
			}
			buf = p;
		}
		if (len > 1) {
			buf[len++] = ',';
		}
		memcpy(buf + len, json, n);
		len += n;
		free(json);
	}
	buf[len++] = ']';
	buf[len] = '\0';
	*out = buf;
	buf = NULL;
out:
	free(order);
	free(skip);
	free(buf);
	return rc;
}

/* Mark the first item with seq as inserted. */
static void
store_pg_mark(struct ingest_batch *batch, int64_t seq)
{
	size_t i;

	for (i = 0; i < batch->count; i++) {
		if (batch->items[i].seq == seq) {
			batch->items[i].inserted = 1;
			return;
		}
	}
}

static int
store_pg_put_batch(struct store *st, const char *agent,
    struct ingest_batch *batch, int64_t received, int64_t *acked)
{
	struct store_pg_conn *c = NULL;
	const char *params[4];
	PGresult *res = NULL;
	char recv_text[24];
	char ival_text[24];
	int64_t interval = 0;
	int64_t hb_seq = 0;
	int64_t kind;
	int64_t v;
	int64_t max_seq = -1;
	char *rows = NULL;
	size_t i;
	int attempt;
	int rc;
	int r;

	if (st->readonly) {
		return -EROFS;
	}
	for (i = 0; i < batch->count; i++) {
		batch->items[i].inserted = 0;
		/* the newest summary line of the batch sets the interval */
		if (batch->items[i].interval > 0 && batch->items[i].seq >= hb_seq) {
			hb_seq = batch->items[i].seq;
			interval = batch->items[i].interval;
		}
	}
	rc = store_pg_rows(batch, &rows);
	if (rc != 0) {
		return rc;
	}
	if (snprintf(recv_text, sizeof(recv_text), "%lld", (long long)received) <= 0 ||
	    snprintf(ival_text, sizeof(ival_text), "%lld", (long long)interval) <= 0) {
		rc = -EINVAL;
		goto out;
	}
	params[0] = agent;
	params[1] = recv_text;
	params[2] = rows;
	params[3] = ival_text;
	for (attempt = 0; attempt < 2; attempt++) {
		rc = store_pg_get(st, &c);
		if (rc != 0) {
			goto out;
		}
		res = PQexecParams(c->pg, "SELECT out_kind, out_v FROM"
		    " iothunt_put_batch($1, $2::bigint, $3::json, $4::bigint)",
		    4, NULL, params, NULL, NULL, 0);
		if (PQresultStatus(res) == PGRES_TUPLES_OK) {
			break;
		}
		rc = store_pg_fail(c->pg, "put batch");
		PQclear(res);
		res = NULL;
		r = store_pg_broken(c);
		store_pg_put(st, c);
		c = NULL;
		if (!r) {
			goto out;   /* the server refused it: retrying will not help */
		}
	}
	if (res == NULL) {
		rc = -EIO;
		goto out;
	}
	rc = 0;
	for (r = 0; r < PQntuples(res); r++) {
		if (store_pg_get_i64(res, r, 0, &kind) != 0 ||
		    store_pg_get_i64(res, r, 1, &v) != 0) {
			rc = store_pg_fail(c->pg, "put batch result");
			break;
		}
		if (kind == 0) {
			max_seq = v;
		} else {
			store_pg_mark(batch, v);
		}
	}
	if (rc == 0 && max_seq < 0) {
		rc = store_pg_fail(c->pg, "put batch without acked");
	}
	if (rc == 0) {
		*acked = max_seq;
	}
out:
	if (rc != 0) {
		for (i = 0; i < batch->count; i++) {
			batch->items[i].inserted = 0;
		}
	}
	PQclear(res);
	store_pg_put(st, c);
	free(rows);
	return rc;
}

static int
store_pg_list_overdue(struct store *st, int64_t now, int64_t alive_since,
    struct store_overdue *out, size_t max, size_t *count)
{
	struct store_pg_conn *c = NULL;
	const char *params[3];
	PGresult *res = NULL;
	char t_now[24];
	char t_since[24];
	char t_max[24];
	size_t n = 0;
	int r;
	int w;
	int rc;

	*count = 0;
	if (st->readonly) {
		return -EROFS;
	}
	if (snprintf(t_now, sizeof(t_now), "%lld", (long long)now) <= 0 ||
	    snprintf(t_since, sizeof(t_since), "%lld", (long long)alive_since) <= 0 ||
	    snprintf(t_max, sizeof(t_max), "%zu", max) <= 0) {
		return -EINVAL;
	}
	params[0] = t_now;
	params[1] = t_since;
	params[2] = t_max;
	rc = store_pg_get(st, &c);
	if (rc != 0) {
		return rc;
	}
	res = PQexecParams(c->pg, "SELECT agent, last_seen, \"interval\" FROM agents"
	    " WHERE silent_raised = 0"
	    " AND $1::bigint - greatest(last_seen, $2::bigint) >= 3 * \"interval\""
	    " ORDER BY agent LIMIT $3::bigint", 3, NULL, params, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		rc = store_pg_fail(c->pg, "overdue");
		goto out;
	}
	for (r = 0; r < PQntuples(res) && n < max; r++) {
		w = snprintf(out[n].agent, sizeof(out[n].agent), "%s",
		    PQgetvalue(res, r, 0));
		if (w <= 0 || (size_t)w >= sizeof(out[n].agent) ||
		    store_pg_get_i64(res, r, 1, &out[n].last_seen) != 0 ||
		    store_pg_get_i64(res, r, 2, &out[n].interval) != 0) {
			continue;   /* not a row we would have stored */
		}
		n++;
	}
	*count = n;
out:
	PQclear(res);
	store_pg_put(st, c);
	return rc;
}

/* Run a parameterized command; *rows gets the affected row count. */
static int
store_pg_command(PGconn *pg, const char *sql, int nparams,
    const char *const *params, ExecStatusType want, PGresult **keep,
    int64_t *rows)
{
	PGresult *res;
	uint64_t u = 0;
	int rc = 0;

	res = PQexecParams(pg, sql, nparams, NULL, params, NULL, NULL, 0);
	if (PQresultStatus(res) != want) {
		rc = store_pg_fail(pg, sql);
		PQclear(res);
		return rc;
	}
	if (rows != NULL) {
		if (num_parse_str_u64(PQcmdTuples(res), INT64_MAX, &u) != 0) {
			u = 0;
		}
		*rows = (int64_t)u;
	}
	if (keep != NULL) {
		*keep = res;
	} else {
		PQclear(res);
	}
	return rc;
}

static int
store_pg_put_silent(struct store *st, const char *agent, json_t *obj,
    int64_t last_seen, int64_t received)
{
	struct store_pg_conn *c = NULL;
	const char *params[7];
	PGresult *res = NULL;
	json_t *v;
	int64_t ts = received;
	int64_t seq = 0;
	int64_t rows = 0;
	char t_last[24];
	char t_recv[24];
	char t_seq[24];
	char t_ts[24];
	char *json = NULL;
	int rc;

	if (st->readonly) {
		return -EROFS;
	}
	v = json_object_get(obj, "ts");
	if (json_is_integer(v)) {
		ts = (int64_t)json_integer_value(v);
	}
	if (snprintf(t_last, sizeof(t_last), "%lld", (long long)last_seen) <= 0 ||
	    snprintf(t_recv, sizeof(t_recv), "%lld", (long long)received) <= 0 ||
	    snprintf(t_ts, sizeof(t_ts), "%lld", (long long)ts) <= 0) {
		return -EINVAL;
	}
	rc = store_pg_get(st, &c);
	if (rc != 0) {
		return rc;
	}
	rc = store_pg_exec(c->pg, "BEGIN", PGRES_COMMAND_OK);
	if (rc != 0) {
		goto out;
	}
	/* the conditional update is the race guard: of several collectors
	 * (or a heartbeat racing in) exactly one changes the row */
	params[0] = agent;
	params[1] = t_last;
	rc = store_pg_command(c->pg, "UPDATE agents SET silent_raised = 1"
	    " WHERE agent = $1 AND silent_raised = 0 AND last_seen = $2::bigint",
	    2, params, PGRES_COMMAND_OK, NULL, &rows);
	if (rc != 0) {
		goto out;
	}
	if (rows == 0) {
		rc = -EAGAIN;
		goto out;
	}
	rc = store_pg_command(c->pg, "INSERT INTO agent_seq AS a (agent, min_seq)"
	    " VALUES ($1, -1) ON CONFLICT (agent) DO UPDATE"
	    " SET min_seq = least(a.min_seq, 0) - 1 RETURNING a.min_seq",
	    1, params, PGRES_TUPLES_OK, &res, NULL);
	if (rc != 0) {
		goto out;
	}
	if (PQntuples(res) != 1 || store_pg_get_i64(res, 0, 0, &seq) != 0) {
		rc = store_pg_fail(c->pg, "collector seq");
		goto out;
	}
	if (json_object_set_new(obj, "seq", json_integer((json_int_t)seq)) != 0) {
		rc = -ENOMEM;
		goto out;
	}
	json = json_dumps(obj, JSON_COMPACT);
	if (json == NULL || snprintf(t_seq, sizeof(t_seq), "%lld",
	    (long long)seq) <= 0) {
		rc = -ENOMEM;
		goto out;
	}
	params[1] = t_seq;
	params[2] = json_string_value(json_object_get(obj, "type"));
	params[3] = json_string_value(json_object_get(obj, "severity"));
	params[4] = t_ts;
	params[5] = t_recv;
	params[6] = json;
	if (params[2] == NULL || params[3] == NULL) {
		rc = -EINVAL;
		goto out;
	}
	rc = store_pg_command(c->pg, "INSERT INTO findings"
	    " (agent, seq, type, severity, ts, received, json) VALUES"
	    " ($1, $2::bigint, $3, $4, $5::bigint, $6::bigint, $7)",
	    7, params, PGRES_COMMAND_OK, NULL, NULL);
	if (rc == 0) {
		rc = store_pg_exec(c->pg, "COMMIT", PGRES_COMMAND_OK);
	}
out:
	if (rc != 0 && c->pg != NULL && PQtransactionStatus(c->pg) == PQTRANS_INTRANS) {
		store_pg_exec(c->pg, "ROLLBACK", PGRES_COMMAND_OK);
	}
	if (rc != 0 && c->pg != NULL && PQtransactionStatus(c->pg) == PQTRANS_INERROR) {
		store_pg_exec(c->pg, "ROLLBACK", PGRES_COMMAND_OK);
	}
	PQclear(res);
	free(json);
	store_pg_put(st, c);
	return rc;
}

/*
 * Append one formatted clause (fmt takes one int, or "%s" with "") at
 * offset n of sql; returns the new length, or -1 once anything did not fit
 * (and stays -1).
 */
static int
store_pg_append(char *sql, size_t cap, int n, const char *fmt, ...)
{
	va_list ap;
	int w;

	if (n < 0 || (size_t)n >= cap) {
		return -1;
	}
	va_start(ap, fmt);
	w = vsnprintf(sql + n, cap - (size_t)n, fmt, ap);
	va_end(ap);
	if (w < 0 || (size_t)w >= cap - (size_t)n) {
		return -1;
	}
	return n + w;
}

static int
store_pg_query(struct store *st, const struct store_filter *flt,
    int (*fn)(const struct store_row *row, void *arg), void *arg)
{
	struct store_pg_conn *c = NULL;
	struct store_row row;
	const char *params[4];
	PGresult *res = NULL;
	char t_since[24];
	char t_limit[24];
	char sql[320];
	int idx = 0;
	int rc;
	int n;
	int r;

	/* placeholders are numbered as the filters are present */
	n = snprintf(sql, sizeof(sql), "SELECT agent, seq, type, severity, ts,"
	    " received, json FROM findings WHERE true");
	if (flt->agent != NULL) {
		params[idx++] = flt->agent;
		n = store_pg_append(sql, sizeof(sql), n, " AND agent = $%d", idx);
	}
	if (flt->type != NULL) {
		params[idx++] = flt->type;
		n = store_pg_append(sql, sizeof(sql), n, " AND type = $%d", idx);
	}
	if (flt->since >= 0) {
		if (snprintf(t_since, sizeof(t_since), "%lld",
		    (long long)flt->since) <= 0) {
			return -EINVAL;
		}
		params[idx++] = t_since;
		n = store_pg_append(sql, sizeof(sql), n, " AND ts >= $%d::bigint", idx);
	}
	n = store_pg_append(sql, sizeof(sql), n, " ORDER BY id%s", "");
	if (flt->limit > 0) {
		if (snprintf(t_limit, sizeof(t_limit), "%zu", flt->limit) <= 0) {
			return -EINVAL;
		}
		params[idx++] = t_limit;
		n = store_pg_append(sql, sizeof(sql), n, " LIMIT $%d::bigint", idx);
	}
	if (n < 0) {
		return -EINVAL;
	}
	rc = store_pg_get(st, &c);
	if (rc != 0) {
		return rc;
	}
	res = PQexecParams(c->pg, sql, idx, NULL, params, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		rc = store_pg_fail(c->pg, "query");
		goto out;
	}
	for (r = 0; r < PQntuples(res); r++) {
		row.agent = PQgetvalue(res, r, 0);
		row.type = PQgetvalue(res, r, 2);
		row.severity = PQgetvalue(res, r, 3);
		row.json = PQgetvalue(res, r, 6);
		if (store_pg_get_i64(res, r, 1, &row.seq) != 0 ||
		    store_pg_get_i64(res, r, 4, &row.ts) != 0 ||
		    store_pg_get_i64(res, r, 5, &row.received) != 0) {
			continue;
		}
		rc = fn(&row, arg);
		if (rc != 0) {
			goto out;
		}
	}
out:
	PQclear(res);
	store_pg_put(st, c);
	return rc;
}

static int
store_pg_lease(struct store *st, const char *name, const char *holder,
    int64_t now, int64_t ttl, int *held)
{
	struct store_pg_conn *c = NULL;
	const char *params[4];
	char t_now[24];
	char t_exp[24];
	int64_t rows = 0;
	int rc;

	*held = 0;
	if (st->readonly) {
		return -EROFS;
	}
	if (snprintf(t_now, sizeof(t_now), "%lld", (long long)now) <= 0 ||
	    snprintf(t_exp, sizeof(t_exp), "%lld", (long long)(now + ttl)) <= 0) {
		return -EINVAL;
	}
	params[0] = name;
	params[1] = holder;
	params[2] = t_now;
	params[3] = t_exp;
	rc = store_pg_get(st, &c);
	if (rc != 0) {
		return rc;
	}
	rc = store_pg_command(c->pg, "INSERT INTO leases AS l (name, holder, expires)"
	    " VALUES ($1, $2, $4::bigint) ON CONFLICT (name) DO UPDATE"
	    " SET holder = excluded.holder, expires = excluded.expires"
	    " WHERE l.holder = excluded.holder OR l.expires <= $3::bigint",
	    4, params, PGRES_COMMAND_OK, NULL, &rows);
	if (rc == 0) {
		*held = rows > 0;
	}
	store_pg_put(st, c);
	return rc;
}

/* Delete rows received before `before` from one partition, in slices. */
static int
store_pg_expire_rows(PGconn *pg, const char *part, int64_t before,
    uint64_t *removed)
{
	const char *params[1];
	char t_before[24];
	char sql[256];
	int64_t rows;
	int rc;
	int n;

	if (snprintf(t_before, sizeof(t_before), "%lld", (long long)before) <= 0) {
		return -EINVAL;
	}
	params[0] = t_before;
	n = snprintf(sql, sizeof(sql), "DELETE FROM %s WHERE ctid = ANY (ARRAY("
	    "SELECT ctid FROM %s WHERE received < $1::bigint LIMIT %d))",
	    part, part, STORE_PG_EXPIRE_ROWS);
	if (n < 0 || (size_t)n >= sizeof(sql)) {
		return -EINVAL;
	}
	do {
		rows = 0;
		rc = store_pg_command(pg, sql, 1, params, PGRES_COMMAND_OK, NULL,
		    &rows);
		*removed += (uint64_t)rows;
	} while (rc == 0 && rows == STORE_PG_EXPIRE_ROWS);
	return rc;
}

/*
 * Partition names are findings_pYYYYMMDD (the day's first second, UTC);
 * grammar checked before the name is used in SQL.
 */
static int
store_pg_parse_day(const char *name, int64_t *lo)
{
	struct tm tm;
	uint64_t ymd;
	time_t t;

	if (strncmp(name, "findings_p", 10) != 0 || strlen(name) != 18 ||
	    num_parse_str_u64(name + 10, 99991231, &ymd) != 0) {
		return -EINVAL;
	}
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = (int)(ymd / 10000) - 1900;
	tm.tm_mon = (int)(ymd / 100 % 100) - 1;
	tm.tm_mday = (int)(ymd % 100);
	t = timegm(&tm);
	if (t == (time_t)-1) {
		return -EINVAL;
	}
	*lo = (int64_t)t;
	return 0;
}

static int
store_pg_maintain(struct store *st, int64_t now, int64_t before,
    uint64_t *removed)
{
	struct store_pg_conn *c = NULL;
	PGresult *res = NULL;
	PGresult *cnt = NULL;
	const char *name;
	char sql[160];
	int64_t lo;
	int64_t rows;
	int rc;
	int r;
	int n;

	*removed = 0;
	if (st->readonly) {
		return -EROFS;
	}
	rc = store_pg_get(st, &c);
	if (rc != 0) {
		return rc;
	}
	rc = store_pg_make_partitions(c->pg, now);
	if (rc != 0 || before <= 0) {
		goto out;
	}
	res = PQexec(c->pg, "SELECT c.relname FROM pg_inherits i"
	    " JOIN pg_class c ON c.oid = i.inhrelid"
	    " WHERE i.inhparent = 'findings'::regclass ORDER BY c.relname");
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		rc = store_pg_fail(c->pg, "list partitions");
		goto out;
	}
	for (r = 0; r < PQntuples(res) && rc == 0; r++) {
		name = PQgetvalue(res, r, 0);
		if (strcmp(name, "findings_default") == 0) {
			rc = store_pg_expire_rows(c->pg, name, before, removed);
			continue;
		}
		if (store_pg_parse_day(name, &lo) != 0) {
			continue;   /* not one of ours: leave it alone */
		}
		if (lo >= before) {
			continue;
		}
		if (lo + 86400 > before) {
			rc = store_pg_expire_rows(c->pg, name, before, removed);
			continue;
		}
		/* wholly expired: count, then drop, in one short transaction
		 * that gives up rather than queue inserts behind its lock */
		rc = store_pg_exec(c->pg, "BEGIN", PGRES_COMMAND_OK);
		if (rc == 0) {
			rc = store_pg_exec(c->pg, "SET LOCAL lock_timeout = '2s'",
			    PGRES_COMMAND_OK);
		}
		n = snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s", name);
		if (rc == 0 && (n < 0 || (size_t)n >= sizeof(sql))) {
			rc = -EINVAL;
		}
		if (rc == 0) {
			cnt = PQexec(c->pg, sql);
			if (PQresultStatus(cnt) != PGRES_TUPLES_OK ||
			    store_pg_get_i64(cnt, 0, 0, &rows) != 0) {
				rc = store_pg_fail(c->pg, sql);
			}
			PQclear(cnt);
			cnt = NULL;
		}
		n = snprintf(sql, sizeof(sql), "DROP TABLE %s", name);
		if (rc == 0 && (n < 0 || (size_t)n >= sizeof(sql))) {
			rc = -EINVAL;
		}
		if (rc == 0) {
			rc = store_pg_exec(c->pg, sql, PGRES_COMMAND_OK);
		}
		if (rc == 0) {
			rc = store_pg_exec(c->pg, "COMMIT", PGRES_COMMAND_OK);
		}
		if (rc == 0) {
			*removed += (uint64_t)rows;
			clog_write(CLOG_INFO, "store: retention dropped partition %s "
			    "(%lld findings)", name, (long long)rows);
		} else if (PQtransactionStatus(c->pg) != PQTRANS_IDLE) {
			store_pg_exec(c->pg, "ROLLBACK", PGRES_COMMAND_OK);
		}
	}
out:
	PQclear(res);
	store_pg_put(st, c);
	return rc;
}

/* Rows fetched per round trip from a fleet view cursor. */
#define STORE_PG_FETCH "500"

/*
 * Run a read-only query through a cursor, STORE_PG_FETCH rows at a time,
 * calling row(res, r, arg) for each row; row returning non-zero stops the
 * walk with that value (so a caller's limit reads no further than needed).
 * Returns 0, row's value, or -EIO.
 */
static int
store_pg_walk(struct store *st, const char *what, const char *sql,
    int nparams, const char *const *params,
    int (*row)(const PGresult *res, int r, void *arg), void *arg)
{
	struct store_pg_conn *c = NULL;
	PGresult *res = NULL;
	char decl[2048];
	int n;
	int r;
	int rc;

	n = snprintf(decl, sizeof(decl), "DECLARE iothunt_walk NO SCROLL CURSOR"
	    " FOR %s", sql);
	if (n < 0 || (size_t)n >= sizeof(decl)) {
		return -EINVAL;
	}
	rc = store_pg_get(st, &c);
	if (rc != 0) {
		return rc;
	}
	rc = store_pg_exec(c->pg, "BEGIN READ ONLY", PGRES_COMMAND_OK);
	if (rc == 0) {
		rc = store_pg_command(c->pg, decl, nparams, params, PGRES_COMMAND_OK,
		    NULL, NULL);
	}
	while (rc == 0) {
		res = PQexec(c->pg, "FETCH " STORE_PG_FETCH " FROM iothunt_walk");
		if (PQresultStatus(res) != PGRES_TUPLES_OK) {
			rc = store_pg_fail(c->pg, what);
			break;
		}
		if (PQntuples(res) == 0) {
			break;
		}
		for (r = 0; r < PQntuples(res) && rc == 0; r++) {
			rc = row(res, r, arg);
		}
		PQclear(res);
		res = NULL;
	}
	PQclear(res);
	/* COMMIT ends the cursor too; after an error the transaction is
	 * aborted and COMMIT rolls it back */
	if (PQtransactionStatus(c->pg) != PQTRANS_IDLE &&
	    store_pg_exec(c->pg, "COMMIT", PGRES_COMMAND_OK) != 0 && rc == 0) {
		rc = -EIO;
	}
	store_pg_put(st, c);
	return rc;
}

/* A cell as an integer, 0 when NULL or not a number. */
static int64_t
store_pg_i64_or_0(const PGresult *res, int r, int col)
{
	int64_t v;

	return store_pg_get_i64(res, r, col, &v) == 0 ? v : 0;
}

/* A cell as a short string (at most 64 bytes), NULL otherwise. */
static const char *
store_pg_short(const PGresult *res, int r, int col)
{
	if (PQgetisnull(res, r, col) || PQgetlength(res, r, col) > 64) {
		return NULL;
	}
	return PQgetvalue(res, r, col);
}

/*
 * The devices of the fleet view, as in store_sqlite.c: every agent with a
 * heartbeat or a finding (agent_seq has a row for each agent that sent a
 * batch); s1/s0 the newest and the previous summary's seq; open findings
 * are the agent's own (seq >= 1) after s0, summaries excluded. Agents in
 * byte order (COLLATE "C", as SQLite's).
 */
#define STORE_PG_DEVICES_ALL \
    "WITH d AS (SELECT agent FROM agent_seq UNION SELECT agent FROM agents),"
#define STORE_PG_DEVICES_ONE \
    "WITH d AS (SELECT agent FROM agent_seq WHERE agent = $1" \
    " UNION SELECT agent FROM agents WHERE agent = $1),"
#define STORE_PG_DEVICES_REST \
    " s AS (SELECT d.agent, (SELECT max(seq) FROM findings f" \
    " WHERE f.agent = d.agent AND f.type = 'summary' AND f.seq > 0) AS s1" \
    " FROM d)," \
    " p AS MATERIALIZED (SELECT s.agent, s.s1," \
    " coalesce((SELECT max(seq) FROM findings f WHERE f.agent = s.agent" \
    " AND f.type = 'summary' AND f.seq > 0 AND f.seq < s.s1), 0) AS s0" \
    " FROM s)" \
    " SELECT p.agent, a.last_seen, a.\"interval\", a.silent_raised," \
    " (SELECT received FROM findings r WHERE r.agent = p.agent" \
    " ORDER BY r.seq DESC LIMIT 1)," \
    " CASE WHEN json_typeof(v.j->'verdict') = 'string'" \
    " THEN v.j->>'verdict' END, v.received," \
    " CASE WHEN json_typeof(v.j->'agent_version') = 'string'" \
    " THEN v.j->>'agent_version' END," \
    " CASE WHEN json_typeof(v.j->'bundle_version') = 'string'" \
    " THEN v.j->>'bundle_version' END," \
    " o.c0, o.c1, o.c2, o.c3" \
    " FROM p LEFT JOIN agents a ON a.agent = p.agent" \
    " LEFT JOIN LATERAL (SELECT f.received, f.json::json AS j FROM findings f" \
    " WHERE f.agent = p.agent AND f.seq = p.s1 LIMIT 1) v ON true" \
    " LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE severity = 'low') AS c0," \
    " count(*) FILTER (WHERE severity = 'medium') AS c1," \
    " count(*) FILTER (WHERE severity = 'high') AS c2," \
    " count(*) FILTER (WHERE severity = 'critical') AS c3" \
    " FROM findings f WHERE f.agent = p.agent AND f.seq > p.s0" \
    " AND f.type <> 'summary') o ON true" \
    " ORDER BY p.agent COLLATE \"C\""

struct store_pg_devices_arg {
	int (*fn)(const struct store_device *dev, void *arg);
	void *arg;
};

static int
store_pg_device_row(const PGresult *res, int r, void *arg)
{
	struct store_pg_devices_arg *a = arg;
	struct store_device d;
	int i;

	memset(&d, 0, sizeof(d));
	d.agent = PQgetvalue(res, r, 0);
	if (PQgetisnull(res, r, 0)) {
		return 0;
	}
	if (!PQgetisnull(res, r, 1)) {
		d.last_seen = store_pg_i64_or_0(res, r, 1);
		d.interval = store_pg_i64_or_0(res, r, 2);
		d.silent_raised = store_pg_i64_or_0(res, r, 3) != 0;
	} else {
		d.last_seen = store_pg_i64_or_0(res, r, 4);
	}
	d.verdict = store_pg_short(res, r, 5);
	d.verdict_ts = store_pg_i64_or_0(res, r, 6);
	d.agent_version = store_pg_short(res, r, 7);
	d.bundle_version = store_pg_short(res, r, 8);
	for (i = 0; i < 4; i++) {
		d.open[i] = store_pg_i64_or_0(res, r, 9 + i);
	}
	return a->fn(&d, a->arg);
}

static int
store_pg_list_devices(struct store *st, const char *agent,
    int (*fn)(const struct store_device *dev, void *arg), void *arg)
{
	static const char sql_all[] = STORE_PG_DEVICES_ALL STORE_PG_DEVICES_REST;
	static const char sql_one[] = STORE_PG_DEVICES_ONE STORE_PG_DEVICES_REST;
	struct store_pg_devices_arg a = { fn, arg };
	const char *params[1] = { agent };

	return store_pg_walk(st, "devices", agent != NULL ? sql_one : sql_all,
	    agent != NULL ? 1 : 0, params, store_pg_device_row, &a);
}

struct store_pg_rows_arg {
	int (*fn)(const struct store_row *row, void *arg);
	void *arg;
};

static int
store_pg_find_row(const PGresult *res, int r, void *arg)
{
	struct store_pg_rows_arg *a = arg;
	struct store_row row;

	row.agent = PQgetvalue(res, r, 0);
	row.type = PQgetvalue(res, r, 2);
	row.severity = PQgetvalue(res, r, 3);
	row.json = PQgetvalue(res, r, 6);
	if (store_pg_get_i64(res, r, 1, &row.seq) != 0 ||
	    store_pg_get_i64(res, r, 4, &row.ts) != 0 ||
	    store_pg_get_i64(res, r, 5, &row.received) != 0) {
		return 0;
	}
	return a->fn(&row, a->arg);
}

static int
store_pg_find(struct store *st, const struct store_find *flt,
    int (*fn)(const struct store_row *row, void *arg), void *arg)
{
	struct store_pg_rows_arg a = { fn, arg };
	const char *params[6];
	char t_since[24];
	char t_until[24];
	char sql[400];
	int idx = 0;
	int n;

	/* placeholders are numbered as the filters are present */
	n = snprintf(sql, sizeof(sql), "SELECT agent, seq, type, severity, ts,"
	    " received, json FROM findings WHERE true");
	if (flt->agent != NULL) {
		params[idx++] = flt->agent;
		n = store_pg_append(sql, sizeof(sql), n, " AND agent = $%d", idx);
	}
	if (flt->type != NULL) {
		params[idx++] = flt->type;
		n = store_pg_append(sql, sizeof(sql), n, " AND type = $%d", idx);
	}
	if (flt->not_type != NULL) {
		params[idx++] = flt->not_type;
		n = store_pg_append(sql, sizeof(sql), n, " AND type <> $%d", idx);
	}
	if (flt->severity != NULL) {
		params[idx++] = flt->severity;
		n = store_pg_append(sql, sizeof(sql), n, " AND severity = $%d", idx);
	}
	if (flt->since >= 0) {
		if (snprintf(t_since, sizeof(t_since), "%lld",
		    (long long)flt->since) <= 0) {
			return -EINVAL;
		}
		params[idx++] = t_since;
		n = store_pg_append(sql, sizeof(sql), n,
		    " AND received >= $%d::bigint", idx);
	}
	if (flt->until >= 0) {
		if (snprintf(t_until, sizeof(t_until), "%lld",
		    (long long)flt->until) <= 0) {
			return -EINVAL;
		}
		params[idx++] = t_until;
		n = store_pg_append(sql, sizeof(sql), n,
		    " AND received < $%d::bigint", idx);
	}
	n = store_pg_append(sql, sizeof(sql), n,
	    " ORDER BY received DESC, id DESC%s", "");
	if (n < 0) {
		return -EINVAL;
	}
	return store_pg_walk(st, "find", sql, idx, params, store_pg_find_row, &a);
}

struct store_pg_days_arg {
	int (*fn)(int64_t day, const char *severity, int64_t count, void *arg);
	void *arg;
};

static int
store_pg_day_row(const PGresult *res, int r, void *arg)
{
	struct store_pg_days_arg *a = arg;
	int64_t day;
	int64_t count;

	if (PQgetisnull(res, r, 1) || store_pg_get_i64(res, r, 0, &day) != 0 ||
	    store_pg_get_i64(res, r, 2, &count) != 0) {
		return 0;
	}
	return a->fn(day, PQgetvalue(res, r, 1), count, a->arg);
}

static int
store_pg_count_days(struct store *st, const char *agent, int64_t since,
    int64_t until, int (*fn)(int64_t day, const char *severity, int64_t count,
    void *arg), void *arg)
{
	struct store_pg_days_arg a = { fn, arg };
	const char *params[3];
	char t_since[24];
	char t_until[24];

	if (snprintf(t_since, sizeof(t_since), "%lld", (long long)since) <= 0 ||
	    snprintf(t_until, sizeof(t_until), "%lld", (long long)until) <= 0) {
		return -EINVAL;
	}
	params[0] = t_since;
	params[1] = t_until;
	params[2] = agent;
	return store_pg_walk(st, "days", agent != NULL ?
	    "SELECT received / 86400, severity, count(*) FROM findings"
	    " WHERE agent = $3 AND type <> 'summary' AND received >= $1::bigint"
	    " AND received < $2::bigint GROUP BY 1, 2" :
	    "SELECT received / 86400, severity, count(*) FROM findings"
	    " WHERE type <> 'summary' AND received >= $1::bigint"
	    " AND received < $2::bigint GROUP BY 1, 2",
	    agent != NULL ? 3 : 2, params, store_pg_day_row, &a);
}

const struct store_backend store_pg = {
	.name = "postgresql",
	.open = store_pg_open,
	.close = store_pg_close,
	.put_batch = store_pg_put_batch,
	.list_overdue = store_pg_list_overdue,
	.put_silent = store_pg_put_silent,
	.query = store_pg_query,
	.lease = store_pg_lease,
	.maintain = store_pg_maintain,
	.list_devices = store_pg_list_devices,
	.find = store_pg_find,
	.count_days = store_pg_count_days,
};
