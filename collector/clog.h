/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef IOTHUNT_COLLECTOR_CLOG_H
#define IOTHUNT_COLLECTOR_CLOG_H

#include <stdarg.h>

enum {
	CLOG_ERROR = 0,
	CLOG_WARN = 1,
	CLOG_INFO = 2,
	CLOG_DEBUG = 3
};

/* Messages above this level are not written. Default CLOG_INFO. */
void clog_set_level(int level);

/*
 * Write one log line to stderr: "<UTC time> iothunt-collector: <level>: msg".
 * The line is built in a fixed buffer and written with a single write(2),
 * so lines from different threads do not interleave; a longer message is
 * truncated and ends in "...". Control characters are shown as '?'.
 */
void clog_write(int level, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* clog_write with a va_list. */
void clog_vwrite(int level, const char *fmt, va_list ap);

#endif
