/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * libFuzzer target for the collector's untrusted input: the NDJSON body of
 * POST /v1/findings (ingest_parse_batch), the CEF formatter and syslog framing
 * fed with whatever passed validation (and with any JSON object), and the
 * ip:port parser.
 *   make -f collector/collector.mk fuzz-collector
 *   build/fuzz/fuzz_collector_ingest CORPUS_DIR...   (fuzz)
 *   build/fuzz/fuzz_collector_ingest FILE...         (replay)
 * Invariants checked beyond the sanitizers: a CEF record has exactly seven
 * unescaped '|' before its extension, no control characters, and the length
 * the formatter reports.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "addr.h"
#include "cef.h"
#include "ingest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
fuzz_check_record(const char *rec, size_t len)
{
	size_t pipes = 0;
	size_t i;

	if (strlen(rec) != len) {
		abort();
	}
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)rec[i];

		if (c < 0x20 || c == 0x7f) {
			abort();
		}
		if (c == '\\' && pipes < 7) {
			i++;   /* an escaped character in the header */
			if (i >= len || (rec[i] != '\\' && rec[i] != '|')) {
				abort();
			}
			continue;
		}
		if (c == '|') {
			pipes++;
		}
	}
	if (pipes < 7 || strncmp(rec, "CEF:0|iothunt|iothunt|", 22) != 0) {
		abort();
	}
}

static void
fuzz_format(json_t *obj)
{
	char rec[CEF_RECORD_MAX];
	char frame[CEF_FRAME_MAX];
	size_t len = 0;
	size_t flen = 0;
	int rc;

	rc = cef_format_finding(obj, "fuzz-agent", 1700000000123LL, rec, sizeof(rec),
	    &len);
	if (rc == -EINVAL || rc == -ENOSPC) {
		return;
	}
	if (rc != 0) {
		abort();
	}
	fuzz_check_record(rec, len);
	rc = cef_frame_syslog(CEF_SYSLOG_RFC5424, 1, CEF_FRAMING_OCTET, 8,
	    1700000000, "host", rec, len, frame, sizeof(frame), &flen);
	if (rc != 0 && rc != -ENOSPC) {
		abort();
	}
	rc = cef_frame_syslog(CEF_SYSLOG_RFC3164, 0, CEF_FRAMING_LF, 3,
	    1700000000, "host", rec, len, frame, sizeof(frame), &flen);
	if (rc != 0 && rc != -ENOSPC) {
		abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ingest_batch batch = { NULL, 0, 0 };
	struct ingest_error err;
	struct addr_endpoint ep;
	const char *body = (const char *)data;
	size_t lines = 1;
	size_t i;
	json_t *obj;

	if (size > 256 * 1024) {
		return 0;
	}
	for (i = 0; i < size; i++) {
		lines += body[i] == '\n';
	}
	if (ingest_parse_batch(body, size, &batch, &err) == 0) {
		if (batch.count == 0 || batch.count > INGEST_FINDINGS_MAX) {
			abort();
		}
		if (ingest_stamp_batch(&batch, "fuzz-agent", 1700000000) != 0) {
			abort();
		}
		for (i = 0; i < batch.count; i++) {
			if (batch.items[i].seq < 1 || batch.items[i].ts < 0 ||
			    ingest_rank_severity(batch.items[i].severity) < 0) {
				abort();
			}
			fuzz_format(batch.items[i].obj);
		}
		ingest_free_batch(&batch);
	} else {
		if (err.msg[0] == '\0' || err.line > lines || batch.items != NULL) {
			abort();
		}
		/* the formatter must also cope with objects that fail validation */
		obj = json_loadb(body, size, JSON_DISABLE_EOF_CHECK, NULL);
		if (json_is_object(obj)) {
			fuzz_format(obj);
		}
		json_decref(obj);
	}
	if (addr_parse_endpoint(body, size, &ep) == 0) {
		if (ep.port > 65535 || ep.ip[0] == '\0' ||
		    (ep.family != AF_INET && ep.family != AF_INET6)) {
			abort();
		}
	}
	return 0;
}
