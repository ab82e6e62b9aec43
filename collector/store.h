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
};

/* SQLite in WAL mode, synchronous=FULL. */
extern const struct store_backend store_sqlite;

#endif
