/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * libFuzzer target for the fleet view's untrusted input: the password file
 * parser (web_auth_parse_passwd), and the escapers every device-supplied
 * string goes through on its way to a page (HTML, URL, CSV) and the
 * User-Agent version stamp.
 *   make -f collector/collector.mk fuzz-collector
 *   build/fuzz/fuzz_collector_web CORPUS_DIR...   (fuzz)
 *   build/fuzz/fuzz_collector_web FILE...         (replay)
 * Invariants beyond the sanitizers: escaped HTML holds none of < > " ' and
 * no '&' that does not start a reference; a URL value only unreserved
 * characters and %XX; a parsed user is a non-empty name with a hash.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "web_auth.h"
#include "web_out.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
fuzz_check_html(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] == '<' || s[i] == '>' || s[i] == '"' || s[i] == '\'') {
			abort();
		}
		if (s[i] == '&' && strncmp(s + i, "&amp;", 5) != 0 &&
		    strncmp(s + i, "&lt;", 4) != 0 && strncmp(s + i, "&gt;", 4) != 0 &&
		    strncmp(s + i, "&quot;", 6) != 0 && strncmp(s + i, "&#39;", 5) != 0) {
			abort();
		}
	}
}

static void
fuzz_check_url(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
		    c == '~' || c == '%')) {
			abort();
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct web_users users;
	struct web_out o;
	char err[256];
	char *text;
	char *s;
	size_t len;
	size_t i;

	if (web_auth_parse_passwd((const char *)data, size, "fuzz", &users, err,
	    sizeof(err)) == 0) {
		for (i = 0; i < users.count; i++) {
			if (users.user[i].name[0] == '\0' ||
			    users.user[i].hash[0] != '$') {
				abort();
			}
		}
	}
	s = malloc(size + 1);
	if (s == NULL) {
		return 0;
	}
	memcpy(s, data, size);
	s[size] = '\0';
	web_out_init(&o, 16 * size + 64);
	web_out_html(&o, s);
	if (web_out_take(&o, &text, &len) == 0) {
		fuzz_check_html(text, len);
		free(text);
	}
	web_out_init(&o, 16 * size + 64);
	web_out_url(&o, s);
	if (web_out_take(&o, &text, &len) == 0) {
		fuzz_check_url(text, len);
		free(text);
	}
	web_out_init(&o, 16 * size + 64);
	web_out_csv(&o, s);
	if (web_out_take(&o, &text, &len) == 0) {
		free(text);
	}
	free(s);
	return 0;
}
