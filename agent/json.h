/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * json.h - a bounded JSON object writer (no allocation).
 *
 * The writer appends to a caller-owned buffer; once anything does not fit,
 * `overflow` is set, further calls do nothing and json_end() returns
 * IH_ETRUNC.  Strings are escaped per RFC 8259; bytes that are not valid
 * UTF-8 (binary garbage from /proc/PID/cmdline) are written as \u00XX of
 * the byte, so the output is always valid JSON.
 */
#ifndef IOTHUNT_JSON_H
#define IOTHUNT_JSON_H

#include <stddef.h>
#include <stdint.h>

struct json_writer {
    char *buf;
    size_t cap;
    size_t len;
    int overflow;
    int first;      /* no member written yet in the current object */
};

/* Start an object "{" in BUF of CAP bytes. */
void json_begin(struct json_writer *w, char *buf, size_t cap);
/* Append "key":"value" (VALUE of length N; any bytes). */
void json_str_n(struct json_writer *w, const char *key, const char *value, size_t n);
/* Append "key":"value" for a NUL-terminated VALUE. */
void json_str(struct json_writer *w, const char *key, const char *value);
/* Append "key":number. */
void json_int(struct json_writer *w, const char *key, int64_t value);
/* Append "key":true/false. */
void json_bool(struct json_writer *w, const char *key, int value);
/* Append "key":RAW where RAW is already valid JSON (a nested object). */
void json_raw(struct json_writer *w, const char *key, const char *raw);
/* Close the object, NUL-terminate; IH_OK or IH_ETRUNC. len excludes NUL. */
int json_end(struct json_writer *w);

#endif
