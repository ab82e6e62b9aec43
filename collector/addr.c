/* SPDX-License-Identifier: BSD-2-Clause */
#include "addr.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "num.h"

/*
 * endpoint = ipv4 ":" port / "[" ipv6 "]" ":" port
 * The port is the text after the last ':' (IPv4) or after "]:" (IPv6).
 */
int
addr_parse_endpoint(const char *s, size_t len, struct addr_endpoint *ep)
{
	const char *end = s + len;
	const char *ip_start;
	const char *ip_end;
	const char *colon;
	char tmp[ADDR_IP_MAX];
	unsigned char bin[16];
	uint64_t port;
	size_t iplen;
	int family;

	if (s == NULL || len == 0 || len > ADDR_IP_MAX + 8) {
		return -EINVAL;
	}
	if (s[0] == '[') {
		ip_start = s + 1;
		ip_end = memchr(ip_start, ']', (size_t)(end - ip_start));
		if (ip_end == NULL || ip_end + 1 >= end || ip_end[1] != ':') {
			return -EINVAL;
		}
		colon = ip_end + 1;
		family = AF_INET6;
	} else {
		ip_start = s;
		colon = memchr(s, ':', len);
		if (colon == NULL) {
			return -EINVAL;
		}
		ip_end = colon;
		family = AF_INET;
	}
	iplen = (size_t)(ip_end - ip_start);
	if (iplen == 0 || iplen >= sizeof(tmp)) {
		return -EINVAL;
	}
	if (num_parse_u64(colon + 1, end, 65535, &port) != 0) {
		return -EINVAL;
	}
	memcpy(tmp, ip_start, iplen);
	tmp[iplen] = '\0';
	if (inet_pton(family, tmp, bin) != 1) {
		return -EINVAL;
	}
	if (family == AF_INET6 && IN6_IS_ADDR_V4MAPPED((struct in6_addr *)bin)) {
		memmove(bin, bin + 12, 4);
		family = AF_INET;
	}
	if (inet_ntop(family, bin, ep->ip, sizeof(ep->ip)) == NULL) {
		return -EINVAL;
	}
	ep->family = family;
	ep->port = (unsigned)port;
	return 0;
}

int
addr_to_sockaddr(const struct addr_endpoint *ep, struct sockaddr_storage *ss,
    socklen_t *sslen)
{
	struct sockaddr_in *sin;
	struct sockaddr_in6 *sin6;

	memset(ss, 0, sizeof(*ss));
	if (ep->family == AF_INET) {
		sin = (struct sockaddr_in *)ss;
		sin->sin_family = AF_INET;
		sin->sin_port = htons((uint16_t)ep->port);
		if (inet_pton(AF_INET, ep->ip, &sin->sin_addr) != 1) {
			return -EINVAL;
		}
		*sslen = sizeof(*sin);
		return 0;
	}
	if (ep->family == AF_INET6) {
		sin6 = (struct sockaddr_in6 *)ss;
		sin6->sin6_family = AF_INET6;
		sin6->sin6_port = htons((uint16_t)ep->port);
		if (inet_pton(AF_INET6, ep->ip, &sin6->sin6_addr) != 1) {
			return -EINVAL;
		}
		*sslen = sizeof(*sin6);
		return 0;
	}
	return -EINVAL;
}
