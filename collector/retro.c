/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * retro.c - `iothunt-collector retro`: hunt a new bundle's IOCs in the
 * remote endpoints the devices reported before it existed.
 *
 *   iothunt-collector retro --db PATH --bundle NEW [--previous OLD]
 *       [--days N] [--now UNIX]
 *
 * The IOCs of NEW (minus those already in OLD) are loaded with the agent's
 * own store (agent/ioc.c, agent/bundle.c: the same parser, the same
 * lookups).  Every "endpoints" line stored in the last N days (default 30)
 * is matched; each device that talked to a now-known C2 gets one ioc_retro
 * finding per IOC, stored under the device with a collector seq derived
 * from (bundle version, IOC), so running retro twice stores nothing twice,
 * and printed as NDJSON.
 */
#include "retro.h"

#include <arpa/inet.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>
#include <psa/crypto.h>

#include "bundle.h"
#include "ioc.h"
#include "store.h"
#include "util.h"

#define RETRO_MAX_HITS 100000

/*
 * The agent's Mbed TLS (linked for agent/bundle.c) takes its randomness
 * from the program, as on the device (agent/transport.c).  Nothing here
 * signs or encrypts with it; util_random is the agent's getrandom().
 */
psa_status_t mbedtls_psa_external_get_random(mbedtls_psa_external_random_context_t *ctx,
    uint8_t *out, size_t n, size_t *got);

psa_status_t
mbedtls_psa_external_get_random(mbedtls_psa_external_random_context_t *ctx,
    uint8_t *out, size_t n, size_t *got)
{
	(void)ctx;
	*got = 0;
	if (util_random(out, n) != IH_OK) {
		return PSA_ERROR_INSUFFICIENT_ENTROPY;
	}
	*got = n;
	return PSA_SUCCESS;
}

struct retro_hit {
	char agent[INGEST_AGENT_MAX + 1];
	char endpoint[64];
	char ioc[128];
	char source[96];
	int64_t ts;
};

struct retro_run {
	struct ioc_store *fresh, *old;
	struct retro_hit *hits;
	size_t n, cap;
	unsigned long rows, endpoints;
	int failed;
};

/* Load the IOC files of the bundle at PATH into *OUT; *VERSION gets its version. */
static int
retro_load(const char *path, struct ioc_store **out, uint64_t *version)
{
	struct bundle *b = malloc(sizeof(*b));
	char *buf = NULL;
	unsigned i;
	int rc = -1;

	if (b == NULL || ioc_store_new(out) != IH_OK) {
		goto out;
	}
	if (bundle_load_active(path, &buf, b) != IH_OK) {
		fprintf(stderr, "iothunt-collector retro: %s is not a readable bundle\n", path);
		goto out;
	}
	for (i = 0; i < b->n_files; i++) {
		size_t n = strlen(b->files[i].name);

		if ((n > 4 && strcmp(b->files[i].name + n - 4, ".yar") == 0) ||
		    (n > 6 && strcmp(b->files[i].name + n - 6, ".allow") == 0)) {
			continue;
		}
		if (ioc_load_buf(*out, b->files[i].name, b->files[i].data, b->files[i].len,
		    IOC_FMT_AUTO, NULL) != IH_OK) {
			goto out;
		}
	}
	*version = b->version;
	rc = 0;
out:
	free(buf);
	free(b);
	return rc;
}

/* "a.b.c.d:port" or "[v6]:port" into FAMILY, A, PORT. */
static int
retro_parse_endpoint(const char *s, int *family, uint8_t *a, uint16_t *port)
{
	char host[64];
	const char *colon = strrchr(s, ':');
	uint64_t p;
	size_t n;

	if (colon == NULL || (n = (size_t)(colon - s)) == 0 || n >= sizeof(host) ||
	    util_parse_dec(colon + 1, strlen(colon + 1), 65535, &p) != IH_OK) {
		return -1;
	}
	memcpy(host, s, n);
	host[n] = '\0';
	*port = (uint16_t)p;
	memset(a, 0, 16);
	if (host[0] == '[' && host[n - 1] == ']') {
		host[n - 1] = '\0';
		*family = 6;
		return inet_pton(AF_INET6, host + 1, a) == 1 ? 0 : -1;
	}
	*family = 4;
	return inet_pton(AF_INET, host, a) == 1 ? 0 : -1;
}

static void
retro_add(struct retro_run *r, const char *agent, const char *ep, const struct ioc_entry *e,
    int64_t ts)
{
	struct retro_hit *h;
	size_t i;

	for (i = 0; i < r->n; i++) {
		h = &r->hits[i];
		if (strcmp(h->agent, agent) == 0 && strcmp(h->ioc, e->value) == 0) {
			if (ts < h->ts) {
				h->ts = ts;	/* the first time it was seen */
				snprintf(h->endpoint, sizeof(h->endpoint), "%s", ep);
			}
			return;
		}
	}
	if (r->n == r->cap) {
		size_t ncap = r->cap ? r->cap * 2 : 64;

		if (ncap > RETRO_MAX_HITS ||
		    (h = realloc(r->hits, ncap * sizeof(*h))) == NULL) {
			r->failed = 1;
			return;
		}
		r->hits = h;
		r->cap = ncap;
	}
	h = &r->hits[r->n++];
	snprintf(h->agent, sizeof(h->agent), "%s", agent);
	snprintf(h->endpoint, sizeof(h->endpoint), "%s", ep);
	snprintf(h->ioc, sizeof(h->ioc), "%s", e->value);
	if (ioc_format_source(e, h->source, sizeof(h->source)) != IH_OK) {
		h->source[sizeof(h->source) - 1] = '\0';
	}
	h->ts = ts;
}

static int
retro_visit(const struct store_row *row, void *arg)
{
	struct retro_run *r = arg;
	json_t *obj, *eps, *v;
	size_t i;

	r->rows++;
	obj = json_loads(row->json, 0, NULL);
	eps = obj != NULL ? json_object_get(obj, "endpoints") : NULL;
	json_array_foreach(eps, i, v) {
		const char *s = json_string_value(v);
		const struct ioc_entry *e;
		uint8_t a[16];
		uint16_t port;
		int family;

		r->endpoints++;
		if (s == NULL || retro_parse_endpoint(s, &family, a, &port) != 0) {
			continue;
		}
		e = ioc_find_ip(r->fresh, family, a, port);
		if (e != NULL && (r->old == NULL || ioc_find_ip(r->old, family, a, port) == NULL)) {
			retro_add(r, row->agent, s, e, row->ts);
		}
	}
	json_decref(obj);
	return 0;
}

/* The collector seq of the finding for (VERSION, IOC): negative, stable. */
static int64_t
retro_seq(uint64_t version, const char *ioc)
{
	uint64_t h = 1469598103934665603ULL ^ version;

	for (; *ioc != '\0'; ioc++) {
		h = (h ^ (unsigned char)*ioc) * 1099511628211ULL;
	}
	return -(int64_t)((1ULL << 40) + (h & ((1ULL << 40) - 1)));
}

static int
retro_store(struct store *st, const struct retro_hit *h, uint64_t version, int64_t now,
    int *inserted)
{
	struct ingest_finding f;
	struct ingest_batch batch;
	char summary[400], reason[96], when[32];
	time_t t = (time_t)h->ts;
	struct tm tm;
	int64_t acked;
	char *line;
	int rc;

	gmtime_r(&t, &tm);
	strftime(when, sizeof(when), "%Y-%m-%d %H:%M UTC", &tm);
	snprintf(summary, sizeof(summary), "%s talked to %s on %s, before bundle v%llu made it "
	    "a known IOC (%s)", h->agent, h->endpoint, when, (unsigned long long)version, h->ioc);
	snprintf(reason, sizeof(reason), "retro-hunt: bundle v%llu", (unsigned long long)version);
	memset(&f, 0, sizeof(f));
	f.obj = json_pack("{s:s,s:s,s:s,s:I,s:I,s:s,s:s,s:s,s:s}", "type", "ioc_retro",
	    "severity", "high", "summary", summary, "ts", (json_int_t)h->ts,
	    "seq", (json_int_t)retro_seq(version, h->ioc), "remote", h->endpoint,
	    "ioc", h->ioc, "ioc_source", h->source, "reason", reason);
	if (f.obj == NULL) {
		return -1;
	}
	f.type = "ioc_retro";
	f.severity = "high";
	f.seq = retro_seq(version, h->ioc);
	f.ts = h->ts;
	batch.items = &f;
	batch.count = 1;
	batch.cap = 1;
	rc = store_sqlite.put_batch(st, h->agent, &batch, now, &acked);
	*inserted = f.inserted;
	line = json_dumps(f.obj, JSON_COMPACT);
	if (line != NULL) {
		json_t *out = json_pack("{s:s,s:o}", "agent", h->agent, "finding", f.obj);

		free(line);
		line = out != NULL ? json_dumps(out, JSON_COMPACT) : NULL;
		if (line != NULL) {
			printf("%s\n", line);
		}
		free(line);
		json_decref(out);
	} else {
		json_decref(f.obj);
	}
	return rc;
}

static void
retro_usage(void)
{
	fprintf(stderr, "usage: iothunt-collector retro --db PATH --bundle NEW [--previous OLD] "
	    "[--days N] [--now UNIX]\n");
}

int
retro_run_command(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "bundle", required_argument, NULL, 'b' },
		{ "previous", required_argument, NULL, 'p' },
		{ "days", required_argument, NULL, 'D' },
		{ "now", required_argument, NULL, 'N' },
		{ NULL, 0, NULL, 0 }
	};
	const char *db = NULL, *bpath = NULL, *prev = NULL;
	struct retro_run r;
	struct store_filter flt;
	struct store *st = NULL;
	uint64_t version = 0, pv = 0, days = 30, now = (uint64_t)time(NULL);
	size_t i;
	int c, rc = 1, stored = 0;

	memset(&r, 0, sizeof(r));
	optind = 1;
	while ((c = getopt_long(argc, argv, "", lo, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'b': bpath = optarg; break;
		case 'p': prev = optarg; break;
		case 'D':
		case 'N':
			if (util_parse_dec(optarg, strlen(optarg), c == 'D' ? 3650 : INT64_MAX / 2,
			    c == 'D' ? &days : &now) != IH_OK) {
				retro_usage();
				return 2;
			}
			break;
		default:
			retro_usage();
			return 2;
		}
	}
	if (optind != argc || db == NULL || bpath == NULL) {
		retro_usage();
		return 2;
	}
	if (retro_load(bpath, &r.fresh, &version) != 0 ||
	    (prev != NULL && retro_load(prev, &r.old, &pv) != 0)) {
		goto out;
	}
	if (store_sqlite.open(db, 0, &st) != 0) {
		fprintf(stderr, "iothunt-collector retro: cannot open %s\n", db);
		goto out;
	}
	memset(&flt, 0, sizeof(flt));
	flt.type = "endpoints";
	flt.since = (int64_t)now - (int64_t)days * 86400;
	if (store_sqlite.query(st, &flt, retro_visit, &r) != 0 || r.failed) {
		fprintf(stderr, "iothunt-collector retro: the store query failed\n");
		goto out;
	}
	for (i = 0; i < r.n; i++) {
		int ins = 0;

		if (retro_store(st, &r.hits[i], version, (int64_t)now, &ins) != 0) {
			fprintf(stderr, "iothunt-collector retro: cannot store a finding\n");
			goto out;
		}
		stored += ins;
	}
	fprintf(stderr, "retro: bundle v%llu, %zu new IOC(s)%s; %lu endpoint report(s), %lu "
	    "endpoint(s) in the last %llu days; %zu ioc_retro finding(s), %d new\n",
	    (unsigned long long)version, ioc_count(r.fresh, IOC__KIND_COUNT),
	    prev ? " before removing the previous bundle's" : "", r.rows, r.endpoints,
	    (unsigned long long)days, r.n, stored);
	rc = 0;
out:
	if (st != NULL) {
		store_sqlite.close(st);
	}
	free(r.hits);
	ioc_store_free(r.fresh);
	ioc_store_free(r.old);
	return rc;
}
