/* SPDX-License-Identifier: BSD-2-Clause */
#include "query.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "clog.h"
#include "num.h"
#include "store.h"

struct query_state {
	int json;
	unsigned long long rows;
};

static void
query_print_usage(FILE *f)
{
	fprintf(f, "usage: iothunt-collector query --db PATH | --store postgresql://...\n"
	    "           [--agent ID] [--type T] [--since TS] [--limit N] [--json]\n");
}

/* Text for a terminal: control characters are shown as '?'. */
static void
query_print_clean(const char *s)
{
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		putchar(c < 0x20 || c == 0x7f ? '?' : c);
	}
}

static int
query_print_row(const struct store_row *row, void *arg)
{
	struct query_state *qs = arg;
	json_t *obj;
	json_t *summary;
	char when[32];
	struct tm tm;
	time_t t = (time_t)row->received;

	qs->rows++;
	if (qs->json) {
		printf("%s\n", row->json);
		return 0;
	}
	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm) == 0) {
		when[0] = '?';
		when[1] = '\0';
	}
	printf("%-20s  %-16s  %6lld  %-8s  %-20s  ", when, row->agent,
	    (long long)row->seq, row->severity, row->type);
	obj = json_loads(row->json, 0, NULL);
	summary = json_object_get(obj, "summary");
	query_print_clean(json_is_string(summary) ? json_string_value(summary) : "");
	putchar('\n');
	json_decref(obj);
	return 0;
}

int
query_run_command(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "store", required_argument, NULL, 'd' },
		{ "agent", required_argument, NULL, 'a' },
		{ "type", required_argument, NULL, 't' },
		{ "since", required_argument, NULL, 's' },
		{ "limit", required_argument, NULL, 'l' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct store_filter flt = { NULL, NULL, -1, 0 };
	struct query_state qs = { 0, 0 };
	const struct store_backend *be = NULL;
	struct store *st = NULL;
	const char *db = NULL;
	uint64_t v;
	int status = 2;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 'a':
			flt.agent = optarg;
			break;
		case 't':
			flt.type = optarg;
			break;
		case 's':
			if (num_parse_str_u64(optarg, INT64_MAX, &v) != 0) {
				fprintf(stderr, "iothunt-collector query: --since wants unix "
				    "seconds, not '%s'\n", optarg);
				goto out;
			}
			flt.since = (int64_t)v;
			break;
		case 'l':
			if (num_parse_str_u64(optarg, 100000000, &v) != 0 || v == 0) {
				fprintf(stderr, "iothunt-collector query: bad --limit '%s'\n",
				    optarg);
				goto out;
			}
			flt.limit = (size_t)v;
			break;
		case 'j':
			qs.json = 1;
			break;
		case 'h':
			query_print_usage(stdout);
			status = 0;
			goto out;
		default:
			query_print_usage(stderr);
			goto out;
		}
	}
	if (db == NULL || optind != argc) {
		query_print_usage(stderr);
		goto out;
	}
	be = store_pick_backend(db);
	if (be->open(db, 1, &st) != 0) {
		/* a URI may carry a password: name the backend only */
		fprintf(stderr, "iothunt-collector query: cannot open the %s store%s%s\n",
		    be->name, be == &store_sqlite ? " " : "",
		    be == &store_sqlite ? db : "");
		goto out;
	}
	if (!qs.json) {
		printf("%-20s  %-16s  %6s  %-8s  %-20s  %s\n", "RECEIVED", "AGENT",
		    "SEQ", "SEVERITY", "TYPE", "SUMMARY");
	}
	if (be->query(st, &flt, query_print_row, &qs) != 0) {
		fprintf(stderr, "iothunt-collector query: query failed\n");
		goto out;
	}
	if (fflush(stdout) != 0) {
		goto out;
	}
	status = 0;
out:
	if (st != NULL && be != NULL) {
		be->close(st);
	}
	return status;
}
