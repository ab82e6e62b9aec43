/* SPDX-License-Identifier: BSD-2-Clause */
#include "num.h"

#include <errno.h>
#include <string.h>

/* number = 1*DIGIT ; value <= max, checked before every multiply-add */
int
num_parse_u64(const char *p, const char *end, uint64_t max, uint64_t *out)
{
	uint64_t v = 0;
	unsigned d;

	if (p == NULL || end == NULL || p >= end) {
		return -EINVAL;
	}
	for (; p < end; p++) {
		if (*p < '0' || *p > '9') {
			return -EINVAL;
		}
		d = (unsigned)(*p - '0');
		if (d > max || v > (max - d) / 10) {
			return -ERANGE;
		}
		v = v * 10 + d;
	}
	*out = v;
	return 0;
}

int
num_parse_str_u64(const char *s, uint64_t max, uint64_t *out)
{
	if (s == NULL) {
		return -EINVAL;
	}
	return num_parse_u64(s, s + strlen(s), max, out);
}
