/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef IOTHUNT_COLLECTOR_NUM_H
#define IOTHUNT_COLLECTOR_NUM_H

#include <stddef.h>
#include <stdint.h>

/*
 * Parse the decimal number in [p, end) into *out.
 * Grammar: number = 1*20DIGIT, nothing else (no sign, no spaces, no "0x").
 * Fails (-EINVAL) on an empty or non-digit input and (-ERANGE) when the
 * value exceeds max. *out is written only on success.
 */
int num_parse_u64(const char *p, const char *end, uint64_t max, uint64_t *out);

/* num_parse_u64 over a NUL-terminated string. */
int num_parse_str_u64(const char *s, uint64_t max, uint64_t *out);

#endif
