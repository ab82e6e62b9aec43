/* SPDX-License-Identifier: BSD-2-Clause */
#include "silent.h"

#include <errno.h>
#include <stdio.h>
#include <time.h>

#include "clog.h"

#define SILENT_BATCH 64

json_t *
silent_make_finding(const char *agent, int64_t last_seen, int64_t interval,
    int64_t now)
{
	char summary[192];
	char when[32];
	struct tm tm;
	time_t t = (time_t)last_seen;
	int n;

	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm) == 0) {
		when[0] = '?';
		when[1] = '\0';
	}
	n = snprintf(summary, sizeof(summary),
	    "agent %s missed %d heartbeats (interval %llds, last seen %s)",
	    agent, SILENT_MISSED_INTERVALS, (long long)interval, when);
	if (n < 0 || (size_t)n >= sizeof(summary)) {
		return NULL;
	}
	return json_pack("{s:s, s:s, s:s, s:I, s:s, s:I, s:I, s:s, s:I}",
	    "type", "agent_silent",
	    "severity", "high",
	    "summary", summary,
	    "ts", (json_int_t)now,
	    "agent", agent,
	    "received", (json_int_t)now,
	    "last_seen", (json_int_t)last_seen,
	    "action", "silent",
	    "interval", (json_int_t)interval);
}

int
silent_check_agents(const struct store_backend *be, struct store *st,
    const struct forward *fw, int64_t now, int64_t alive_since)
{
	struct store_overdue due[SILENT_BATCH];
	size_t count = 0;
	size_t i;
	json_t *obj;
	int raised = 0;
	int rc;

	rc = be->list_overdue(st, now, alive_since, due, SILENT_BATCH, &count);
	if (rc != 0) {
		return rc;
	}
	for (i = 0; i < count; i++) {
		obj = silent_make_finding(due[i].agent, due[i].last_seen,
		    due[i].interval, now);
		if (obj == NULL) {
			return -ENOMEM;
		}
		rc = be->put_silent(st, due[i].agent, obj, due[i].last_seen, now);
		if (rc == 0) {
			clog_write(CLOG_WARN, "agent %s is silent: last heartbeat %llds ago"
			    " (interval %llds)", due[i].agent,
			    (long long)(now - due[i].last_seen),
			    (long long)due[i].interval);
			forward_send_finding(fw, obj, due[i].agent, now * 1000);
			raised++;
		}
		json_decref(obj);
		if (rc != 0 && rc != -EAGAIN) {
			return rc;
		}
	}
	return raised;
}
