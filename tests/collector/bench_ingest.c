/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Load generator for iothunt-collector: N agents (threads), each with its own
 * client certificate CERTS/devices/bench-NNN.{crt,key}, posts B batches of F
 * findings, one TLS connection per batch as the agent does per report cycle,
 * resuming the TLS session after the first. Checks every answer is 200 with
 * the expected acked, and prints:
 *   agents N batches B findings F
 *   findings_per_s X
 *   latency_ms p50 X p99 Y max Z
 *   resumed R of C
 *   errors E
 * usage: bench_ingest PORT[,PORT...] CERTS AGENTS BATCHES FINDINGS [SEQ0 [ACKED_FLOOR]]
 * With several ports (collectors sharing a database), agent i uses port
 * i mod n.
 * SEQ0 offsets the seqs; ACKED_FLOOR is the acked already stored (a resend
 * run expects acked = max(floor, its own highest seq)). Everything goes to 127.0.0.1; the run is bounded by AGENTS * BATCHES.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <gnutls/gnutls.h>

#include "num.h"

#define BENCH_AGENTS_MAX 256
#define BENCH_IO_TIMEOUT_MS 15000

struct bench_agent {
	pthread_t thread;
	unsigned idx;
	double *lat_ms;       /* one per batch */
	unsigned resumed;
	unsigned errors;
};

#define BENCH_PORTS_MAX 8

static unsigned bench_ports[BENCH_PORTS_MAX];
static unsigned bench_nports;
static const char *bench_certs;
static unsigned bench_batches;
static unsigned bench_findings;
static uint64_t bench_seq0;
static uint64_t bench_floor;

static double
bench_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static int
bench_connect(unsigned port)
{
	struct sockaddr_in sin;
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
	if (connect(fd, (struct sockaddr *)&sin, sizeof(sin)) != 0) {
		close(fd);
		return -errno;
	}
	return fd;
}

/* Build the NDJSON body of batch b; returns its length or 0. */
static size_t
bench_make_body(char *buf, size_t cap, unsigned agent, unsigned b)
{
	size_t off = 0;
	unsigned i;
	int n;

	for (i = 0; i < bench_findings; i++) {
		unsigned long long seq = bench_seq0 + (unsigned long long)b * bench_findings + i + 1;

		n = snprintf(buf + off, cap - off, "{\"type\":\"ioc_connection\","
		    "\"severity\":\"high\",\"summary\":\"bench %u finding %llu\","
		    "\"ts\":1700000000,\"seq\":%llu,\"local\":\"192.168.1.%u:40000\","
		    "\"remote\":\"103.245.27.100:80\",\"pid\":%u,\"exe\":\"/tmp/.x\","
		    "\"ioc\":\"103.245.27.100:80\",\"ioc_source\":\"threatfox\"}\n",
		    agent, seq, seq, agent % 250 + 1, i + 100);
		if (n < 0 || (size_t)n >= cap - off) {
			return 0;
		}
		off += (size_t)n;
	}
	return off;
}

/* One batch on a fresh connection. Returns 0 if acked as expected. */
static int
bench_post(struct bench_agent *a, gnutls_certificate_credentials_t cred,
    gnutls_datum_t *resume, const char *body, size_t len,
    unsigned long long want_acked)
{
	gnutls_session_t s = NULL;
	char head[256];
	char resp[1024];
	char want[64];
	size_t got = 0;
	ssize_t n;
	int fd;
	int rc = -1;
	int w;

	fd = bench_connect(bench_ports[a->idx % bench_nports]);
	if (fd < 0) {
		return -1;
	}
	if (gnutls_init(&s, GNUTLS_CLIENT) != 0 ||
	    gnutls_set_default_priority(s) != 0 ||
	    gnutls_credentials_set(s, GNUTLS_CRD_CERTIFICATE, cred) != 0) {
		goto out;
	}
	gnutls_session_set_verify_cert(s, "127.0.0.1", 0);
	gnutls_handshake_set_timeout(s, BENCH_IO_TIMEOUT_MS);
	gnutls_record_set_timeout(s, BENCH_IO_TIMEOUT_MS);
	if (resume->data != NULL) {
		gnutls_session_set_data(s, resume->data, resume->size);
	}
	gnutls_transport_set_int(s, fd);
	do {
		rc = gnutls_handshake(s);
	} while (rc < 0 && gnutls_error_is_fatal(rc) == 0);
	if (rc < 0) {
		goto out;
	}
	rc = -1;
	if (gnutls_session_is_resumed(s)) {
		a->resumed++;
	}
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
	w = snprintf(want, sizeof(want), "{\"acked\":%llu}", want_acked);
	if (w > 0 && strncmp(resp, "HTTP/1.1 200", 12) == 0 && strstr(resp, want) != NULL) {
		rc = 0;
	}
	/* keep the newest session data (TLS 1.3 tickets arrive after the
	 * handshake) for the next connection */
	gnutls_free(resume->data);
	resume->data = NULL;
	if (gnutls_session_get_data2(s, resume) != 0) {
		resume->data = NULL;
	}
out:
	if (s != NULL) {
		gnutls_bye(s, GNUTLS_SHUT_WR);
		gnutls_deinit(s);
	}
	close(fd);
	return rc;
}

static void *
bench_run_agent(void *arg)
{
	struct bench_agent *a = arg;
	gnutls_certificate_credentials_t cred = NULL;
	gnutls_datum_t resume = { NULL, 0 };
	char crt[512];
	char key[512];
	char ca[512];
	size_t cap = (size_t)bench_findings * 512 + 1;
	char *body = malloc(cap);
	size_t len;
	unsigned b;
	uint64_t want;
	double t0;

	if (body == NULL ||
	    snprintf(crt, sizeof(crt), "%s/devices/bench-%03u.crt", bench_certs, a->idx) <= 0 ||
	    snprintf(key, sizeof(key), "%s/devices/bench-%03u.key", bench_certs, a->idx) <= 0 ||
	    snprintf(ca, sizeof(ca), "%s/ca.crt", bench_certs) <= 0 ||
	    gnutls_certificate_allocate_credentials(&cred) != 0 ||
	    gnutls_certificate_set_x509_trust_file(cred, ca, GNUTLS_X509_FMT_PEM) <= 0 ||
	    gnutls_certificate_set_x509_key_file(cred, crt, key, GNUTLS_X509_FMT_PEM) != 0) {
		a->errors = bench_batches;
		goto out;
	}
	for (b = 0; b < bench_batches; b++) {
		len = bench_make_body(body, cap, a->idx, b);
		want = bench_seq0 + (uint64_t)(b + 1) * bench_findings;
		if (want < bench_floor) {
			want = bench_floor;
		}
		t0 = bench_now_ms();
		if (len == 0 || bench_post(a, cred, &resume, body, len,
		    (unsigned long long)want) != 0) {
			a->errors++;
		}
		a->lat_ms[b] = bench_now_ms() - t0;
	}
out:
	gnutls_free(resume.data);
	if (cred != NULL) {
		gnutls_certificate_free_credentials(cred);
	}
	free(body);
	return NULL;
}

static int
bench_cmp_double(const void *x, const void *y)
{
	double a = *(const double *)x;
	double b = *(const double *)y;

	return (a > b) - (a < b);
}

int
main(int argc, char **argv)
{
	struct bench_agent *agents;
	uint64_t v[6] = { 0, 0, 0, 0, 0, 0 };
	unsigned nagents;
	unsigned i;
	unsigned total_err = 0;
	unsigned resumed = 0;
	double *all;
	size_t nall;
	double t0;
	double secs;

	if (argc < 6 || argc > 8) {
		fprintf(stderr, "usage: bench_ingest PORT CERTS AGENTS BATCHES FINDINGS "
		    "[SEQ0 [ACKED_FLOOR]]\n");
		return 2;
	}
	{
		const char *p = argv[1];
		const char *end;

		while (*p != '\0' && bench_nports < BENCH_PORTS_MAX) {
			end = p + strcspn(p, ",");
			if (num_parse_u64(p, end, 65535, &v[0]) != 0 || v[0] == 0) {
				fprintf(stderr, "bench_ingest: bad port list\n");
				return 2;
			}
			bench_ports[bench_nports++] = (unsigned)v[0];
			p = *end == ',' ? end + 1 : end;
		}
	}
	if (bench_nports == 0 ||
	    num_parse_str_u64(argv[3], BENCH_AGENTS_MAX, &v[1]) != 0 || v[1] == 0 ||
	    num_parse_str_u64(argv[4], 100000, &v[2]) != 0 || v[2] == 0 ||
	    num_parse_str_u64(argv[5], 1000, &v[3]) != 0 || v[3] == 0 ||
	    (argc >= 7 && num_parse_str_u64(argv[6], 1000000000000ULL, &v[4]) != 0) ||
	    (argc >= 8 && num_parse_str_u64(argv[7], 1000000000000ULL, &v[5]) != 0)) {
		fprintf(stderr, "bench_ingest: bad numbers\n");
		return 2;
	}
	bench_certs = argv[2];
	nagents = (unsigned)v[1];
	bench_batches = (unsigned)v[2];
	bench_findings = (unsigned)v[3];
	bench_seq0 = v[4];
	bench_floor = v[5];
	gnutls_global_init();
	agents = calloc(nagents, sizeof(*agents));
	all = calloc((size_t)nagents * bench_batches, sizeof(*all));
	if (agents == NULL || all == NULL) {
		return 2;
	}
	t0 = bench_now_ms();
	for (i = 0; i < nagents; i++) {
		agents[i].idx = i;
		agents[i].lat_ms = all + (size_t)i * bench_batches;
		if (pthread_create(&agents[i].thread, NULL, bench_run_agent, &agents[i]) != 0) {
			return 2;
		}
	}
	for (i = 0; i < nagents; i++) {
		pthread_join(agents[i].thread, NULL);
		total_err += agents[i].errors;
		resumed += agents[i].resumed;
	}
	secs = (bench_now_ms() - t0) / 1000.0;
	nall = (size_t)nagents * bench_batches;
	qsort(all, nall, sizeof(*all), bench_cmp_double);
	printf("agents %u batches %u findings %u\n", nagents, bench_batches, bench_findings);
	printf("findings_per_s %.0f\n",
	    (double)nagents * bench_batches * bench_findings / secs);
	printf("latency_ms p50 %.2f p99 %.2f max %.2f\n", all[nall / 2],
	    all[(nall * 99) / 100 < nall ? (nall * 99) / 100 : nall - 1], all[nall - 1]);
	printf("resumed %u of %zu\n", resumed, nall - nagents);
	printf("errors %u\n", total_err);
	free(all);
	free(agents);
	gnutls_global_deinit();
	return total_err == 0 ? 0 : 1;
}
