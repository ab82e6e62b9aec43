/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef IOTHUNT_COLLECTOR_ADDR_H
#define IOTHUNT_COLLECTOR_ADDR_H

#include <stddef.h>
#include <sys/socket.h>
#include <netinet/in.h>

#define ADDR_IP_MAX 46 /* INET6_ADDRSTRLEN */

struct addr_endpoint {
	int family;            /* AF_INET or AF_INET6 */
	char ip[ADDR_IP_MAX];  /* canonical text form (inet_ntop) */
	unsigned port;         /* 0..65535 */
};

/*
 * Parse "ip:port" in [s, s + len) into *ep.
 * Grammar: endpoint = ipv4 ":" port / "[" ipv6 "]" ":" port
 *          port     = 1*5DIGIT, value 0..65535
 * The address is checked with inet_pton and stored canonical; an IPv4-mapped
 * IPv6 address ([::ffff:a.b.c.d]) is stored as plain IPv4 so that it joins
 * with IPv4 indicator lists. Returns 0, or -EINVAL for anything else.
 */
int addr_parse_endpoint(const char *s, size_t len, struct addr_endpoint *ep);

/*
 * Fill *ss / *sslen with the socket address of ep.
 * Returns 0, or -EINVAL if ep->ip does not parse.
 */
int addr_to_sockaddr(const struct addr_endpoint *ep,
    struct sockaddr_storage *ss, socklen_t *sslen);

#endif
