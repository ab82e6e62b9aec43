/* SPDX-License-Identifier: BSD-2-Clause */
#include "clog.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define CLOG_LINE_MAX 1024

static int clog_level = CLOG_INFO;

static const char *const clog_names[] = { "error", "warning", "info", "debug" };

void
clog_set_level(int level)
{
	clog_level = level;
}

void
clog_vwrite(int level, const char *fmt, va_list ap)
{
	char line[CLOG_LINE_MAX];
	struct tm tm;
	time_t now;
	size_t off;
	size_t i;
	int n;

	if (level > clog_level || level < 0) {
		return;
	}
	now = time(NULL);
	if (gmtime_r(&now, &tm) == NULL) {
		memset(&tm, 0, sizeof(tm));
	}
	off = strftime(line, sizeof(line), "%Y-%m-%dT%H:%M:%SZ", &tm);
	n = snprintf(line + off, sizeof(line) - off, " iothunt-collector: %s: ",
	    clog_names[level]);
	if (n < 0 || (size_t)n >= sizeof(line) - off) {
		return;
	}
	off += (size_t)n;
	n = vsnprintf(line + off, sizeof(line) - off, fmt, ap);
	if (n < 0) {
		return;
	}
	if ((size_t)n >= sizeof(line) - off) {
		/* truncated: mark it and keep room for the newline */
		off = sizeof(line) - 5;
		memcpy(line + off, "...", 3);
		off += 3;
	} else {
		off += (size_t)n;
	}
	/* library messages bring their own newline */
	while (off > 0 && line[off - 1] == '\n') {
		off--;
	}
	for (i = 0; i < off; i++) {
		if ((unsigned char)line[i] < 0x20 || line[i] == 0x7f) {
			line[i] = '?';
		}
	}
	line[off++] = '\n';
	if (write(STDERR_FILENO, line, off) < 0) {
		return;
	}
}

void
clog_write(int level, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	clog_vwrite(level, fmt, ap);
	va_end(ap);
}
