/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Simulated fleet for the scale-out fault test: AGENTS agents (threads),
 * each with its own client certificate CERTS/devices/bench-NNN.{crt,key}
 * and FINDINGS findings (seq 1..FINDINGS) to deliver in batches of BATCH,
 * as the agent does: a batch holds the oldest findings not yet acked; a
 * 200 {"acked":N} drops everything up to N; any failure (connection
 * refused or cut, TLS, 5xx, no answer) moves on to the next collector of
 * its ordered list, and when all failed it waits (backoff 100 ms doubling
 * to 1 s) and starts again from the first. Agent i's list is the PORTS
 * rotated by i, so the load is spread and every collector is someone's
 * first. PACE_MS between batches keeps the stream going while faults are
 * injected. Stops at DEADLINE_S seconds. Prints:
 *   sent S          findings generated (AGENTS * FINDINGS)
 *   acked A         findings acknowledged (sum of the agents' final acked)
 *   posts P failures F failovers V
 *   incomplete I    agents that did not get everything acked in time
 * usage: fleet_sim CERTS AGENTS FINDINGS BATCH PACE_MS DEADLINE_S PORT...
 * Everything goes to 127.0.0.1. Exit 0 when every agent is complete.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <gnutls/gnutls.h>

#include "num.h"

#define SIM_AGENTS_MAX 512
#define SIM_PORTS_MAX 8
#define SIM_IO_TIMEOUT_MS 10000

struct sim_agent {
	pthread_t thread;
	unsigned idx;
	uint64_t acked;
	unsigned long posts;
	unsigned long failures;
	unsigned long failovers;
};

static const char *sim_certs;
static unsigned sim_findings;
static unsigned sim_batch;
static unsigned sim_pace_ms;
static double sim_deadline_ms;
static unsigned sim_ports[SIM_PORTS_MAX];
static unsigned sim_nports;

static double
sim_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static void
sim_sleep_ms(unsigned ms)
{
	struct timespec d = { (time_t)(ms / 1000), (long)(ms % 1000) * 1000000L };

	while (nanosleep(&d, &d) != 0 && errno == EINTR) {
	}
}

static int
sim_connect(unsigned port)
{
	struct sockaddr_in sin;
	struct timeval tv = { SIM_IO_TIMEOUT_MS / 1000, 0 };
	int one = 1;
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

	if (fd < 0) {
		return -errno;
	}
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons((uint16_t)port);
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	if (connect(fd, (struct sockaddr *)&sin, sizeof(sin)) != 0) {
		close(fd);
		return -errno;
	}
	return fd;
}

/* Findings from..to of agent as NDJSON; returns the length or 0. */
static size_t
sim_make_body(char *buf, size_t cap, unsigned agent, uint64_t from, uint64_t to)
{
	size_t off = 0;
	uint64_t seq;
	int n;

	for (seq = from; seq <= to; seq++) {
		n = snprintf(buf + off, cap - off, "{\"type\":\"ioc_connection\","
		    "\"severity\":\"high\",\"summary\":\"sim %u finding %llu\","
		    "\"ts\":1700000000,\"seq\":%llu,\"local\":\"192.168.1.%u:40000\","
		    "\"remote\":\"103.245.27.100:80\"}\n", agent,
		    (unsigned long long)seq, (unsigned long long)seq, agent % 250 + 1);
		if (n < 0 || (size_t)n >= cap - off) {
			return 0;
		}
		off += (size_t)n;
	}
	return off;
}

/* POST body to port; *acked from a 200 answer. Returns 0 or -1. */
static int
sim_post(gnutls_certificate_credentials_t cred, unsigned port, const char *body,
    size_t len, uint64_t *acked)
{
	gnutls_session_t s = NULL;
	char head[256];
	char resp[2048];
	size_t got = 0;
	const char *p;
	uint64_t v;
	ssize_t n;
	int fd;
	int rc = -1;
	int w;

	fd = sim_connect(port);
	if (fd < 0) {
		return -1;
	}
	if (gnutls_init(&s, GNUTLS_CLIENT) != 0 ||
	    gnutls_set_default_priority(s) != 0 ||
	    gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, cred) != 0) {
		goto out;
	}
	gnutls_session_set_verify_cert(s, "127.0.0.1", 0);
	gnutls_handshake_set_timeout(s, SIM_IO_TIMEOUT_MS);
	gnutls_record_set_timeout(s, SIM_IO_TIMEOUT_MS);
	gnutls_transport_set_int(s, fd);
	do {
		rc = gnutls_handshake(s);
	} while (rc < 0 && gnutls_error_is_fatal(rc) == 0);
	if (rc < 0) {
		rc = -1;
		goto out;
	}
	rc = -1;
	w = snprintf(head, sizeof(head), "POST /v1/findings HTTP/1.1\r\n"
	    "Host: 127.0.0.1\r\nContent-Type: application/x-ndjson\r\n"
	    "Content-Length: %zu\r\nConnection: close\r\n\r\n", len);
	if (w < 0 || (size_t)w >= sizeof(head) ||
	    gnutls_record_send(s, head, (size_t)w) != w ||
	    gnutls_record_send(s, body, len) != (ssize_t)len) {
		goto out;
	}
	for (;;) {
		n = gnutls_record_recv(s, resp + got, sizeof(resp) - 1 - got);
		if (n == GNUTLS_E_AGAIN || n == GNUTLS_E_INTERRUPTED) {
			continue;
		}
		if (n <= 0 || got + (size_t)n >= sizeof(resp) - 1) {
			break;
		}
		got += (size_t)n;
	}
	resp[got] = '\0';
	if (strncmp(resp, "HTTP/1.1 200", 12) != 0) {
		goto out;
	}
	p = strstr(resp, "{\"acked\":");
	if (p == NULL) {
		goto out;
	}
	p += 9;
	if (num_parse_u64(p, p + strcspn(p, "}"), UINT64_MAX, &v) != 0) {
		goto out;
	}
	*acked = v;
	rc = 0;
out:
	if (s != NULL) {
		gnutls_bye(s, GNUTLS_SHUT_WR);
		gnutls_deinit(s);
	}
	close(fd);
	return rc;
}

static void *
sim_run_agent(void *arg)
{
	struct sim_agent *a = arg;
	gnutls_certificate_credentials_t cred = NULL;
	char crt[512];
	char key[512];
	char ca[512];
	size_t cap = (size_t)sim_batch * 256 + 1;
	char *body = malloc(cap);
	unsigned backoff = 100;
	unsigned k;
	uint64_t next = 1;
	uint64_t to;
	uint64_t acked;
	size_t len;
	int done;

	if (body == NULL ||
	    snprintf(crt, sizeof(crt), "%s/devices/bench-%03u.crt", sim_certs, a->idx) <= 0 ||
	    snprintf(key, sizeof(key), "%s/devices/bench-%03u.key", sim_certs, a->idx) <= 0 ||
	    snprintf(ca, sizeof(ca), "%s/ca.crt", sim_certs) <= 0 ||
	    gnutls_certificate_allocate_credentials(&cred) != 0 ||
	    gnutls_certificate_set_x509_trust_file(cred, ca, GNUTLS_X509_FMT_PEM) <= 0 ||
	    gnutls_certificate_set_x509_key_file(cred, crt, key, GNUTLS_X509_FMT_PEM) != 0) {
		goto out;
	}
	while (next <= sim_findings && sim_now_ms() < sim_deadline_ms) {
		to = next + sim_batch - 1;
		if (to > sim_findings) {
			to = sim_findings;
		}
		len = sim_make_body(body, cap, a->idx, next, to);
		if (len == 0) {
			break;
		}
		done = 0;
		for (k = 0; k < sim_nports && !done; k++) {
			a->posts++;
			if (sim_post(cred, sim_ports[(a->idx + k) % sim_nports], body, len,
			    &acked) == 0) {
				done = 1;
				if (acked >= next) {
					next = acked + 1;
					a->acked = acked;
				}
			} else {
				a->failures++;
				if (k + 1 < sim_nports) {
					a->failovers++;
				}
			}
		}
		if (done) {
			backoff = 100;
			sim_sleep_ms(sim_pace_ms);
		} else {
			sim_sleep_ms(backoff);
			backoff = backoff * 2 > 1000 ? 1000 : backoff * 2;
		}
	}
out:
	if (cred != NULL) {
		gnutls_certificate_free_credentials(cred);
	}
	free(body);
	return NULL;
}

int
main(int argc, char **argv)
{
	struct sim_agent *agents;
	uint64_t v;
	uint64_t nagents = 0;
	uint64_t acked = 0;
	unsigned long posts = 0;
	unsigned long failures = 0;
	unsigned long failovers = 0;
	unsigned incomplete = 0;
	unsigned i;
	uint64_t n[4];

	if (argc < 8 || argc - 7 > SIM_PORTS_MAX) {
		fprintf(stderr, "usage: fleet_sim CERTS AGENTS FINDINGS BATCH PACE_MS "
		    "DEADLINE_S PORT...\n");
		return 2;
	}
	sim_certs = argv[1];
	if (num_parse_str_u64(argv[2], SIM_AGENTS_MAX, &nagents) != 0 || nagents == 0 ||
	    num_parse_str_u64(argv[3], 1000000, &n[0]) != 0 || n[0] == 0 ||
	    num_parse_str_u64(argv[4], 10000, &n[1]) != 0 || n[1] == 0 ||
	    num_parse_str_u64(argv[5], 60000, &n[2]) != 0 ||
	    num_parse_str_u64(argv[6], 3600, &n[3]) != 0 || n[3] == 0) {
		fprintf(stderr, "fleet_sim: bad numbers\n");
		return 2;
	}
	sim_findings = (unsigned)n[0];
	sim_batch = (unsigned)n[1];
	sim_pace_ms = (unsigned)n[2];
	for (i = 7; i < (unsigned)argc; i++) {
		if (num_parse_str_u64(argv[i], 65535, &v) != 0 || v == 0) {
			fprintf(stderr, "fleet_sim: bad port '%s'\n", argv[i]);
			return 2;
		}
		sim_ports[sim_nports++] = (unsigned)v;
	}
	/* a collector killed mid-request must not kill the fleet */
	signal(SIGPIPE, SIG_IGN);
	gnutls_global_init();
	agents = calloc((size_t)nagents, sizeof(*agents));
	if (agents == NULL) {
		return 2;
	}
	sim_deadline_ms = sim_now_ms() + (double)n[3] * 1000.0;
	for (i = 0; i < nagents; i++) {
		agents[i].idx = i;
		if (pthread_create(&agents[i].thread, NULL, sim_run_agent, &agents[i]) != 0) {
			return 2;
		}
	}
	for (i = 0; i < nagents; i++) {
		pthread_join(agents[i].thread, NULL);
		acked += agents[i].acked;
		posts += agents[i].posts;
		failures += agents[i].failures;
		failovers += agents[i].failovers;
		if (agents[i].acked < sim_findings) {
			incomplete++;
		}
	}
	printf("sent %llu\n", (unsigned long long)(nagents * sim_findings));
	printf("acked %llu\n", (unsigned long long)acked);
	printf("posts %lu failures %lu failovers %lu\n", posts, failures, failovers);
	printf("incomplete %u\n", incomplete);
	free(agents);
	gnutls_global_deinit();
	return incomplete == 0 ? 0 : 1;
}
