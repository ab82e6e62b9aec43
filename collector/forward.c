/* SPDX-License-Identifier: BSD-2-Clause */
#include "forward.h"

void
forward_send_finding(const struct forward *fw, json_t *obj, const char *agent,
    int64_t rt_ms)
{
	if (fw == NULL) {
		return;
	}
	if (fw->jsonl != NULL) {
		jsonl_write(fw->jsonl, obj);
	}
	if (fw->cef != NULL) {
		cef_sender_send(fw->cef, obj, agent, rt_ms);
	}
}
