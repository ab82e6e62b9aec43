/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef IOTHUNT_COLLECTOR_JSONL_H
#define IOTHUNT_COLLECTOR_JSONL_H

#include <jansson.h>

struct jsonl_writer;

/*
 * Open path for appending (created 0640, O_NOFOLLOW, must be a regular file).
 * Returns 0 with *out or a negative errno.
 */
int jsonl_open(const char *path, struct jsonl_writer **out);

/*
 * Append obj as one compact JSON line with a single write(2), so concurrent
 * writers and readers never see half a line. Thread-safe.
 * Returns 0 or a negative errno (the line is then lost and counted).
 */
int jsonl_write(struct jsonl_writer *w, json_t *obj);

/* Reopen the path (after log rotation). Returns 0 or a negative errno. */
int jsonl_reopen(struct jsonl_writer *w);

/* Lines lost to write errors since open. */
unsigned long long jsonl_get_errors(struct jsonl_writer *w);

/* Close and free. NULL is a no-op. */
void jsonl_close(struct jsonl_writer *w);

#endif
