/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef IOTHUNT_COLLECTOR_STORE_H
#define IOTHUNT_COLLECTOR_STORE_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "ingest.h"

/*
 * Storage of findings, as a struct of function pointers so that another
 * backend can stand beside SQLite. Sequence spaces, per agent:
 *   seq >= 1  the agent's own findings (its spool sequence)
 *   seq <= -1 findings the collector raised about that agent (agent_silent),
 *             numbered -1, -2, ... by the store
 * "acked" only ever counts seq >= 1.
 */

struct store;

struct store_filter {
	const char *agent;   /* NULL: every agent */
	const char *type;    /* NULL: every type */
	int64_t since;       /* ts >= since; negative: no bound */
	size_t limit;        /* 0: no limit */
};

struct store_row {
	const char *agent;
	int64_t seq;
	const char *type;
	const char *severity;
	int64_t ts;
	int64_t received;
	const char *json;
};

struct store_overdue {
	char agent[INGEST_AGENT_MAX + 1];
	int64_t last_seen;   /* collector clock, unix seconds */
	int64_t interval;    /* seconds */
};

/*
 * Fleet view (read side). One device as the store knows it: its heartbeat
 * (agents table), its newest summary line and its open findings, i.e. those
 * the device reported since its previous summary (the latest completed scan
 * and anything after it). Strings are borrowed for the callback only.
 */
struct store_device {
	const char *agent;
	int64_t last_seen;          /* collector clock of the newest heartbeat,
	                             * else of the newest finding; 0 unknown */
	int64_t interval;           /* heartbeat interval, 0: no heartbeat yet */
	int silent_raised;          /* agent_silent raised and not cleared */
	const char *verdict;        /* newest summary's "verdict", NULL: none */
	int64_t verdict_ts;         /* its collector receive time */
	const char *agent_version;  /* newest summary's "agent_version" or NULL */
	const char *bundle_version; /* newest summary's "bundle_version" or NULL */
	int64_t open[4];            /* open findings by severity rank 0..3 */
};

/* Findings for the fleet view: every bound optional. */
struct store_find {
	const char *agent;      /* NULL: every agent */
	const char *type;       /* NULL: every type */
	const char *not_type;   /* NULL: none excluded */
	const char *severity;   /* NULL: every severity */
	int64_t since;          /* received >= since; negative: no bound */
	int64_t until;          /* received < until; negative: no bound */
};

struct store_backend {
	const char *name;

	/*
	 * Open (creating if needed and !readonly) the store at path.
	 * Returns 0 with *out, or a negative errno; *out is NULL on failure.
	 */
	int (*open)(const char *path, int readonly, struct store **out);

	/* Close and free. NULL is a no-op. */
	void (*close)(struct store *st);

	/*
	 * Store a validated, stamped batch for agent in one transaction:
	 * each finding inserted unless (agent, seq) exists (then it is a
	 * duplicate; items[i].inserted tells which), the agent's heartbeat
	 * updated if the batch holds a summary line, then committed. *acked
	 * is the highest seq >= 1 stored for agent, set only after the commit
	 * succeeded. Returns 0, or -EIO (nothing stored, inserted all 0).
	 */
	int (*put_batch)(struct store *st, const char *agent,
	    struct ingest_batch *batch, int64_t received, int64_t *acked);

	/*
	 * Agents whose last heartbeat is overdue: silent flag not raised and
	 * now - max(last_seen, alive_since) >= 3 * interval. Up to max rows
	 * into out; *count gets how many. Returns 0 or -EIO.
	 */
	int (*list_overdue)(struct store *st, int64_t now, int64_t alive_since,
	    struct store_overdue *out, size_t max, size_t *count);

	/*
	 * Store a collector-raised finding about agent, in one transaction
	 * with raising the agent's silent flag, only if the agent's last_seen
	 * is still last_seen (no heartbeat came in meanwhile). Sets "seq" in
	 * obj to the next collector seq (-1, -2, ...) before storing it.
	 * Returns 0, -EAGAIN if the agent was heard from or already flagged,
	 * or -EIO.
	 */
	int (*put_silent)(struct store *st, const char *agent, json_t *obj,
	    int64_t last_seen, int64_t received);

	/*
	 * Call fn for each finding matching flt, oldest stored first; fn
	 * returning non-zero stops the walk with that value.
	 * Returns 0, fn's value, or -EIO.
	 */
	int (*query)(struct store *st, const struct store_filter *flt,
	    int (*fn)(const struct store_row *row, void *arg), void *arg);

	/*
	 * Fleet view: call fn for each device (agent) the store knows, by
	 * agent id, or only for agent when it is not NULL. fn returning
	 * non-zero stops the walk with that value. Read-only; works on a
	 * store opened readonly. Returns 0, fn's value, or -EIO.
	 */
	int (*list_devices)(struct store *st, const char *agent,
	    int (*fn)(const struct store_device *dev, void *arg), void *arg);

	/*
	 * Fleet view: call fn for each finding matching flt, newest received
	 * first; fn returning non-zero stops the walk with that value (the
	 * caller's limit). Returns 0, fn's value, or -EIO.
	 */
	int (*find)(struct store *st, const struct store_find *flt,
	    int (*fn)(const struct store_row *row, void *arg), void *arg);

	/*
	 * Fleet view: findings (summary lines excluded) received in
	 * [since, until), per UTC day (received / 86400) and severity, for
	 * agent or every agent (NULL). Calls fn(day, severity, count, arg)
	 * for each non-empty pair. Returns 0, fn's value, or -EIO.
	 */
	int (*count_days)(struct store *st, const char *agent, int64_t since,
	    int64_t until, int (*fn)(int64_t day, const char *severity,
	    int64_t count, void *arg), void *arg);

	/*
	 * Take or renew the lease called name for holder until now + ttl
	 * (seconds): *held is 1 if holder has it afterwards (it was free,
	 * expired, or already holder's), else 0. Several collectors sharing
	 * one database use it so that one of them runs a periodic job (the
	 * silent-agent check, retention). Returns 0 or -EIO.
	 */
	int (*lease)(struct store *st, const char *name, const char *holder,
	    int64_t now, int64_t ttl, int *held);

	/*
	 * Housekeeping: make sure storage for findings received up to a few
	 * days after now exists (PostgreSQL: daily partitions), and remove
	 * findings received before `before` (0: keep everything) without
	 * holding up ingest for long (SQLite: deletes of at most a few
	 * thousand rows per transaction; PostgreSQL: whole partitions
	 * dropped, rows of a partly expired one deleted). *removed gets the
	 * count. Returns 0 or -EIO.
	 */
	int (*maintain)(struct store *st, int64_t now, int64_t before,
	    uint64_t *removed);
};

/* SQLite in WAL mode, synchronous=FULL. path: a file name. */
extern const struct store_backend store_sqlite;

/*
 * PostgreSQL through libpq. path: a connection URI (postgresql://... or
 * postgres://...). Each batch is one server-side transaction; inserts are
 * idempotent on (agent, seq) across any number of collectors.
 */
extern const struct store_backend store_pg;

/*
 * The backend for a store target: a postgresql:// or postgres:// URI
 * selects PostgreSQL, anything else is a SQLite file name.
 */
const struct store_backend *store_pick_backend(const char *target);

#endif
