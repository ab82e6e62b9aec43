/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef IOTHUNT_COLLECTOR_INGEST_H
#define IOTHUNT_COLLECTOR_INGEST_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

/* Hard caps on one request body, whatever --max-body says. */
#define INGEST_LINE_MAX (64 * 1024)
#define INGEST_FINDINGS_MAX 10000
#define INGEST_TYPE_MAX 64
#define INGEST_SUMMARY_MAX 1024
#define INGEST_STRING_MAX 4096
#define INGEST_PIDS_MAX 64      /* entries of a finding's "pids" */
#define INGEST_AGENT_MAX 64
#define INGEST_VERSION_MAX 32

/* Heartbeat interval of a summary line without "interval", and its range. */
#define INGEST_INTERVAL_DEFAULT 300
#define INGEST_INTERVAL_MIN 1
#define INGEST_INTERVAL_MAX (7 * 24 * 3600)

struct ingest_finding {
	json_t *obj;           /* owned reference to the finding object */
	const char *type;      /* borrowed from obj */
	const char *severity;  /* borrowed from obj */
	int64_t seq;           /* >= 1 from agents; < 0 for collector findings */
	int64_t ts;            /* device clock, unix seconds */
	int64_t interval;      /* summary lines: heartbeat interval, else 0 */
	int inserted;          /* set by the store: 1 if new, 0 if duplicate */
};

struct ingest_batch {
	struct ingest_finding *items;
	size_t count;
	size_t cap;
};

struct ingest_error {
	size_t line;    /* 1-based line of the body at fault, 0 for the body */
	char msg[192];
};

/*
 * Parse and validate an NDJSON request body.
 * Grammar: body = *(line LF) [line]   ; a final LF is optional
 *          line = blank / object      ; blank = *(SP / HTAB / CR), skipped
 *          object = one JSON object (RFC 8259), duplicate keys rejected,
 *                   optionally followed by CR
 * Every object must satisfy ingest_check_finding. All or nothing: on the first
 * bad line the batch is freed, err names the line and -EINVAL is returned; an
 * empty body or more than INGEST_FINDINGS_MAX findings is also -EINVAL.
 * On success *batch (zeroed by the caller) owns one reference per finding;
 * release it with ingest_free_batch. -ENOMEM on allocation failure.
 */
int ingest_parse_batch(const char *body, size_t len, struct ingest_batch *batch,
    struct ingest_error *err);

/*
 * Check one finding object and fill *f (borrowing from obj; f->obj is set but
 * no reference is taken). Required: "type" (1-64 of [a-z0-9_]), "severity"
 * (low|medium|high|critical), "summary" (non-empty string, <= 1024 bytes),
 * "ts" (integer >= 0), "seq" (integer >= 1). Optional known fields must have
 * the right JSON type: strings exe, cmdline, local, remote, md5, sha1, sha256,
 * rule, ioc, ioc_source, action, host (<= 4096 bytes); integers pid >= 0,
 * interval >= 1 (summary lines; clamped to the range above). Unknown fields
 * are kept. Returns 0, or -EINVAL with a reason in msg.
 */
int ingest_check_finding(json_t *obj, struct ingest_finding *f, char *msg,
    size_t cap);

/*
 * Stamp every finding of the batch with the authenticated agent id and the
 * collector's receive time: sets "agent" and "received", replacing whatever
 * the body said (an id in the body is never trusted).
 * Returns 0 or -ENOMEM.
 */
int ingest_stamp_batch(struct ingest_batch *batch, const char *agent,
    int64_t received);

/*
 * Give each summary line (heartbeat) without an "agent_version" the version
 * the agent's HTTP client names in its User-Agent ("iothunt/VERSION", the
 * version 1-32 of [A-Za-z0-9.+~_-]), for the fleet view. Anything else in
 * user_agent (or NULL) stamps nothing. Returns 0 or -ENOMEM.
 */
int ingest_stamp_version(struct ingest_batch *batch, const char *user_agent);

/* Release the references held by batch and its array; batch is zeroed. */
void ingest_free_batch(struct ingest_batch *batch);

/*
 * Map a severity name to 0 (low) .. 3 (critical).
 * Returns the rank or -EINVAL for anything else.
 */
int ingest_rank_severity(const char *severity);

/*
 * Whether an agent id (certificate CN) is acceptable: 1-64 characters of
 * [A-Za-z0-9._-]. Returns 1 or 0.
 */
int ingest_check_agent(const char *agent);

#endif
