/* SPDX-License-Identifier: BSD-2-Clause */
/* Unit tests: overflow-checked number parsing and ip:port endpoints. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "addr.h"
#include "num.h"

struct num_case {
	const char *in;
	uint64_t max;
	int rc;
	uint64_t want;
};

static const struct num_case num_cases[] = {
	{ "0", 10, 0, 0 },
	{ "10", 10, 0, 10 },
	{ "11", 10, -ERANGE, 0 },
	{ "1", 0, -ERANGE, 0 },
	{ "0", 0, 0, 0 },
	{ "65535", 65535, 0, 65535 },
	{ "65536", 65535, -ERANGE, 0 },
	{ "18446744073709551615", UINT64_MAX, 0, UINT64_MAX },
	{ "18446744073709551616", UINT64_MAX, -ERANGE, 0 },
	{ "99999999999999999999999", UINT64_MAX, -ERANGE, 0 },
	{ "9223372036854775807", INT64_MAX, 0, INT64_MAX },
	{ "9223372036854775808", INT64_MAX, -ERANGE, 0 },
	{ "", 10, -EINVAL, 0 },
	{ "-1", 10, -EINVAL, 0 },
	{ "+1", 10, -EINVAL, 0 },
	{ " 1", 10, -EINVAL, 0 },
	{ "1 ", 10, -EINVAL, 0 },
	{ "0x1", 100, -EINVAL, 0 },
	{ "1a", 100, -EINVAL, 0 },
	{ "007", 100, 0, 7 },
};

static void
test_num_parse_table(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(num_cases) / sizeof(num_cases[0]); i++) {
		const struct num_case *c = &num_cases[i];
		uint64_t v = 12345;
		int rc = num_parse_str_u64(c->in, c->max, &v);

		if (rc != c->rc || (rc == 0 && v != c->want) || (rc != 0 && v != 12345)) {
			print_error("case \"%s\" max %llu: rc %d v %llu\n", c->in,
			    (unsigned long long)c->max, rc, (unsigned long long)v);
			fail();
		}
	}
	assert_int_equal(num_parse_str_u64(NULL, 1, NULL), -EINVAL);
}

struct addr_case {
	const char *in;
	int rc;
	int family;
	const char *ip;
	unsigned port;
};

static const struct addr_case addr_cases[] = {
	{ "127.0.0.1:8443", 0, AF_INET, "127.0.0.1", 8443 },
	{ "103.245.27.100:80", 0, AF_INET, "103.245.27.100", 80 },
	{ "0.0.0.0:0", 0, AF_INET, "0.0.0.0", 0 },
	{ "1.2.3.4:65535", 0, AF_INET, "1.2.3.4", 65535 },
	{ "[::1]:443", 0, AF_INET6, "::1", 443 },
	{ "[2001:DB8::1]:23", 0, AF_INET6, "2001:db8::1", 23 },
	{ "[::ffff:152.236.6.8]:28291", 0, AF_INET, "152.236.6.8", 28291 },
	{ "1.2.3.4:65536", -EINVAL, 0, NULL, 0 },
	{ "1.2.3.4:", -EINVAL, 0, NULL, 0 },
	{ "1.2.3.4", -EINVAL, 0, NULL, 0 },
	{ ":80", -EINVAL, 0, NULL, 0 },
	{ "256.1.1.1:80", -EINVAL, 0, NULL, 0 },
	{ "1.2.3:80", -EINVAL, 0, NULL, 0 },
	{ "1.2.3.4:8a", -EINVAL, 0, NULL, 0 },
	{ "1.2.3.4:-1", -EINVAL, 0, NULL, 0 },
	{ "1.2.3.4:80:80", -EINVAL, 0, NULL, 0 },
	{ "::1:80", -EINVAL, 0, NULL, 0 },
	{ "[::1]80", -EINVAL, 0, NULL, 0 },
	{ "[::1]:", -EINVAL, 0, NULL, 0 },
	{ "[::1", -EINVAL, 0, NULL, 0 },
	{ "[]:80", -EINVAL, 0, NULL, 0 },
	{ "[1.2.3.4]:80", -EINVAL, 0, NULL, 0 },
	{ "host.example:80", -EINVAL, 0, NULL, 0 },
	{ "", -EINVAL, 0, NULL, 0 },
};

static void
test_addr_parse_table(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(addr_cases) / sizeof(addr_cases[0]); i++) {
		const struct addr_case *c = &addr_cases[i];
		struct addr_endpoint ep;
		int rc;

		memset(&ep, 0, sizeof(ep));
		rc = addr_parse_endpoint(c->in, strlen(c->in), &ep);
		if (rc != c->rc || (rc == 0 && (ep.family != c->family ||
		    strcmp(ep.ip, c->ip) != 0 || ep.port != c->port))) {
			print_error("case \"%s\": rc %d family %d ip %s port %u\n", c->in,
			    rc, ep.family, ep.ip, ep.port);
			fail();
		}
	}
}

static void
test_addr_length_bound(void **state)
{
	struct addr_endpoint ep;
	/* the length argument bounds the parse: no NUL needed */
	const char buf[] = { '1', '.', '2', '.', '3', '.', '4', ':', '8', '0', 'X' };

	(void)state;
	assert_int_equal(addr_parse_endpoint(buf, 10, &ep), 0);
	assert_string_equal(ep.ip, "1.2.3.4");
	assert_int_equal(ep.port, 80);
	assert_int_equal(addr_parse_endpoint(buf, 11, &ep), -EINVAL);
}

static void
test_addr_sockaddr(void **state)
{
	struct addr_endpoint ep;
	struct sockaddr_storage ss;
	struct sockaddr_in *sin = (struct sockaddr_in *)&ss;
	socklen_t len;

	(void)state;
	assert_int_equal(addr_parse_endpoint("127.0.0.1:8443", 14, &ep), 0);
	assert_int_equal(addr_to_sockaddr(&ep, &ss, &len), 0);
	assert_int_equal(len, sizeof(struct sockaddr_in));
	assert_int_equal(sin->sin_family, AF_INET);
	assert_int_equal(ntohs(sin->sin_port), 8443);
	assert_int_equal(ntohl(sin->sin_addr.s_addr), 0x7f000001);
	ep.family = 0;
	assert_int_equal(addr_to_sockaddr(&ep, &ss, &len), -EINVAL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_num_parse_table),
		cmocka_unit_test(test_addr_parse_table),
		cmocka_unit_test(test_addr_length_bound),
		cmocka_unit_test(test_addr_sockaddr),
	};

	return cmocka_run_group_tests_name("collector num/addr", tests, NULL, NULL);
}
