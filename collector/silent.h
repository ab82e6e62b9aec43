/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef IOTHUNT_COLLECTOR_SILENT_H
#define IOTHUNT_COLLECTOR_SILENT_H

#include <stdint.h>

#include <jansson.h>

#include "forward.h"
#include "store.h"

/* Missed heartbeats before an agent is declared silent. */
#define SILENT_MISSED_INTERVALS 3

/*
 * Build the agent_silent finding for agent (severity high, ts = now, no seq:
 * the store assigns a collector seq). Returns a new reference or NULL.
 */
json_t *silent_make_finding(const char *agent, int64_t last_seen,
    int64_t interval, int64_t now);

/*
 * Raise agent_silent, once, for every agent whose last summary line
 * (heartbeat) is more than SILENT_MISSED_INTERVALS intervals old, counting
 * from alive_since at the earliest (the collector's start: an agent cannot be
 * blamed for heartbeats the collector was not there to receive). Each raised
 * finding is stored, then forwarded. The flag clears with the agent's next
 * heartbeat. Returns the number raised, or a negative errno.
 */
int silent_check_agents(const struct store_backend *be, struct store *st,
    const struct forward *fw, int64_t now, int64_t alive_since);

#endif
