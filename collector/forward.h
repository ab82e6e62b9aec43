/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef IOTHUNT_COLLECTOR_FORWARD_H
#define IOTHUNT_COLLECTOR_FORWARD_H

#include <stdint.h>

#include <jansson.h>

#include "cef.h"
#include "jsonl.h"

/* Where stored findings go after the commit; either may be NULL. */
struct forward {
	struct cef_sender *cef;
	struct jsonl_writer *jsonl;
};

/*
 * Hand one committed finding to the CEF sender and the JSON lines file.
 * Never blocks on the network; failures are counted by the sinks. Thread-safe.
 */
void forward_send_finding(const struct forward *fw, json_t *obj,
    const char *agent, int64_t rt_ms);

#endif
