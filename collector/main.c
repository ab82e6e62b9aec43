/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * iothunt-collector: receives findings from iothunt agents over mutual TLS,
 * stores them in SQLite (each batch one transaction, acknowledged after the
 * commit), and forwards them as CEF over syslog and as JSON lines.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <gnutls/gnutls.h>

#include "addr.h"
#include "cef.h"
#include "clog.h"
#include "forward.h"
#include "http.h"
#include "jsonl.h"
#include "num.h"
#include "query.h"
#include "silent.h"
#include "store.h"

#define MAIN_PEM_MAX (64 * 1024)
#define MAIN_BODY_DEFAULT (1024 * 1024)
#define MAIN_BODY_LIMIT (64 * 1024 * 1024)

struct main_options {
	const char *listen;
	const char *cert;
	const char *key;
	const char *client_ca;
	const char *db;
	const char *cef;
	const char *jsonl;
	enum cef_syslog_format cef_format;
	enum cef_tcp_framing cef_framing;
	uint64_t cef_queue;
	uint64_t max_body;
	uint64_t max_conns;
	uint64_t conn_timeout;
	uint64_t request_timeout;
	uint64_t silent_check;
	int verbose;
};

static void
main_print_usage(FILE *f)
{
	fprintf(f,
	    "usage: iothunt-collector [serve] --cert F --key F --client-ca F --db PATH\n"
	    "           [--listen IP:PORT] [--cef udp://IP:PORT|tcp://IP:PORT]\n"
	    "           [--cef-format rfc5424|rfc3164] [--cef-framing octet|lf]\n"
	    "           [--cef-queue N] [--jsonl PATH] [--max-body BYTES]\n"
	    "           [--max-conns N] [--conn-timeout S] [--request-timeout S]\n"
	    "           [--silent-check S] [--verbose]\n"
	    "       iothunt-collector query --db PATH [--agent ID] [--type T]\n"
	    "           [--since TS] [--limit N] [--json]\n"
	    "       iothunt-collector --version | --help\n");
}

/*
 * Read a whole PEM file (regular, not a symlink, at most MAIN_PEM_MAX bytes)
 * into a NUL-terminated buffer. Returns 0 with *out (caller frees) or a
 * negative errno.
 */
static int
main_read_pem(const char *path, char **out)
{
	struct stat sb;
	char *buf = NULL;
	size_t len = 0;
	ssize_t n;
	int fd;
	int rc = 0;

	*out = NULL;
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		return -errno;
	}
	if (fstat(fd, &sb) != 0) {
		rc = -errno;
		goto out;
	}
	if (!S_ISREG(sb.st_mode) || sb.st_size <= 0 || sb.st_size > MAIN_PEM_MAX) {
		rc = -EINVAL;
		goto out;
	}
	buf = malloc((size_t)sb.st_size + 1);
	if (buf == NULL) {
		rc = -ENOMEM;
		goto out;
	}
	while (len < (size_t)sb.st_size) {
		n = read(fd, buf + len, (size_t)sb.st_size - len);
		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n <= 0) {
			rc = n < 0 ? -errno : -EIO;
			goto out;
		}
		len += (size_t)n;
	}
	buf[len] = '\0';
	*out = buf;
	buf = NULL;
out:
	free(buf);
	close(fd);
	return rc;
}

static int
main_parse_number(const char *name, const char *text, uint64_t min,
    uint64_t max, uint64_t *out)
{
	if (num_parse_str_u64(text, max, out) != 0 || *out < min) {
		fprintf(stderr, "iothunt-collector: %s wants a number in %llu..%llu, "
		    "not '%s'\n", name, (unsigned long long)min,
		    (unsigned long long)max, text);
		return -EINVAL;
	}
	return 0;
}

static int
main_parse_options(int argc, char **argv, struct main_options *o)
{
	static const struct option opts[] = {
		{ "listen", required_argument, NULL, 'L' },
		{ "cert", required_argument, NULL, 'c' },
		{ "key", required_argument, NULL, 'k' },
		{ "client-ca", required_argument, NULL, 'C' },
		{ "db", required_argument, NULL, 'd' },
		{ "cef", required_argument, NULL, 'e' },
		{ "cef-format", required_argument, NULL, 'F' },
		{ "cef-framing", required_argument, NULL, 'R' },
		{ "cef-queue", required_argument, NULL, 'Q' },
		{ "jsonl", required_argument, NULL, 'j' },
		{ "max-body", required_argument, NULL, 'b' },
		{ "max-conns", required_argument, NULL, 'n' },
		{ "conn-timeout", required_argument, NULL, 't' },
		{ "request-timeout", required_argument, NULL, 'T' },
		{ "silent-check", required_argument, NULL, 's' },
		{ "verbose", no_argument, NULL, 'v' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "v", opts, NULL)) != -1) {
		switch (c) {
		case 'L':
			o->listen = optarg;
			break;
		case 'c':
			o->cert = optarg;
			break;
		case 'k':
			o->key = optarg;
			break;
		case 'C':
			o->client_ca = optarg;
			break;
		case 'd':
			o->db = optarg;
			break;
		case 'e':
			o->cef = optarg;
			break;
		case 'F':
			if (strcmp(optarg, "rfc5424") == 0) {
				o->cef_format = CEF_SYSLOG_RFC5424;
			} else if (strcmp(optarg, "rfc3164") == 0) {
				o->cef_format = CEF_SYSLOG_RFC3164;
			} else {
				fprintf(stderr, "iothunt-collector: --cef-format is rfc5424 "
				    "or rfc3164\n");
				return -EINVAL;
			}
			break;
		case 'R':
			if (strcmp(optarg, "octet") == 0) {
				o->cef_framing = CEF_FRAMING_OCTET;
			} else if (strcmp(optarg, "lf") == 0) {
				o->cef_framing = CEF_FRAMING_LF;
			} else {
				fprintf(stderr, "iothunt-collector: --cef-framing is octet "
				    "or lf\n");
				return -EINVAL;
			}
			break;
		case 'Q':
			if (main_parse_number("--cef-queue", optarg, 1, 1000000,
			    &o->cef_queue) != 0) {
				return -EINVAL;
			}
			break;
		case 'j':
			o->jsonl = optarg;
			break;
		case 'b':
			if (main_parse_number("--max-body", optarg, 1024,
			    MAIN_BODY_LIMIT, &o->max_body) != 0) {
				return -EINVAL;
			}
			break;
		case 'n':
			if (main_parse_number("--max-conns", optarg, 1, 10000,
			    &o->max_conns) != 0) {
				return -EINVAL;
			}
			break;
		case 't':
			if (main_parse_number("--conn-timeout", optarg, 1, 3600,
			    &o->conn_timeout) != 0) {
				return -EINVAL;
			}
			break;
		case 'T':
			if (main_parse_number("--request-timeout", optarg, 1, 3600,
			    &o->request_timeout) != 0) {
				return -EINVAL;
			}
			break;
		case 's':
			if (main_parse_number("--silent-check", optarg, 0, 86400,
			    &o->silent_check) != 0) {
				return -EINVAL;
			}
			break;
		case 'v':
			o->verbose = 1;
			break;
		default:
			main_print_usage(stderr);
			return -EINVAL;
		}
	}
	if (optind != argc) {
		fprintf(stderr, "iothunt-collector: unexpected argument '%s'\n",
		    argv[optind]);
		return -EINVAL;
	}
	if (o->cert == NULL || o->key == NULL || o->client_ca == NULL ||
	    o->db == NULL) {
		fprintf(stderr, "iothunt-collector: --cert, --key, --client-ca and "
		    "--db are required\n");
		main_print_usage(stderr);
		return -EINVAL;
	}
	return 0;
}

static int64_t
main_now(void)
{
	return (int64_t)time(NULL);
}

static int
main_serve(int argc, char **argv)
{
	struct main_options o = {
		.listen = "127.0.0.1:8443",
		.cef_format = CEF_SYSLOG_RFC5424,
		.cef_framing = CEF_FRAMING_OCTET,
		.cef_queue = 4096,
		.max_body = MAIN_BODY_DEFAULT,
		.max_conns = 64,
		.conn_timeout = 30,
		.request_timeout = 60,
		.silent_check = 30,
	};
	const struct store_backend *be = &store_sqlite;
	struct cef_sender_config cef_cfg;
	struct cef_sender_stats cef_stats;
	struct http_config cfg;
	struct http_server *srv = NULL;
	struct forward fw = { NULL, NULL };
	struct addr_endpoint ep;
	struct store *st = NULL;
	struct timespec wait;
	siginfo_t si;
	sigset_t set;
	char *cert = NULL;
	char *key = NULL;
	char *ca = NULL;
	int64_t started;
	int64_t next_check;
	int status = 2;
	int sig;
	int rc;

	memset(&cfg, 0, sizeof(cfg));
	if (main_parse_options(argc, argv, &o) != 0) {
		return 2;
	}
	if (o.verbose) {
		clog_set_level(CLOG_DEBUG);
	}
	if (addr_parse_endpoint(o.listen, strlen(o.listen), &ep) != 0 ||
	    addr_to_sockaddr(&ep, &cfg.listen, &cfg.listen_len) != 0) {
		clog_write(CLOG_ERROR, "--listen wants IP:PORT or [IPv6]:PORT, not '%s'",
		    o.listen);
		return 2;
	}
	if ((rc = main_read_pem(o.cert, &cert)) != 0 ||
	    (rc = main_read_pem(o.key, &key)) != 0 ||
	    (rc = main_read_pem(o.client_ca, &ca)) != 0) {
		clog_write(CLOG_ERROR, "cannot read --cert/--key/--client-ca: %s",
		    strerror(-rc));
		goto out;
	}

	/* every thread inherits this mask: signals are taken only by sigwait
	 * below, never in the middle of a commit */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	umask(027);

	rc = be->open(o.db, 0, &st);
	if (rc != 0) {
		clog_write(CLOG_ERROR, "cannot open database %s", o.db);
		goto out;
	}
	if (o.jsonl != NULL) {
		rc = jsonl_open(o.jsonl, &fw.jsonl);
		if (rc != 0) {
			clog_write(CLOG_ERROR, "cannot open --jsonl %s: %s", o.jsonl,
			    strerror(-rc));
			goto out;
		}
	}
	if (o.cef != NULL) {
		cef_cfg.url = o.cef;
		cef_cfg.format = o.cef_format;
		cef_cfg.framing = o.cef_framing;
		cef_cfg.queue_max = (size_t)o.cef_queue;
		rc = cef_sender_start(&cef_cfg, &fw.cef);
		if (rc != 0) {
			clog_write(CLOG_ERROR, "--cef wants udp://IP:PORT or tcp://IP:PORT,"
			    " not '%s'", o.cef);
			goto out;
		}
	}
	cfg.cert_pem = cert;
	cfg.key_pem = key;
	cfg.ca_pem = ca;
	cfg.max_body = (size_t)o.max_body;
	cfg.max_conns = (unsigned)o.max_conns;
	cfg.conn_timeout = (unsigned)o.conn_timeout;
	cfg.request_timeout = (unsigned)o.request_timeout;
	cfg.backend = be;
	cfg.store = st;
	cfg.fw = &fw;
	rc = http_start(&cfg, &srv);
	if (rc != 0) {
		clog_write(CLOG_ERROR, "cannot start the HTTPS server on %s "
		    "(certificate, key or CA unusable, or address in use)", o.listen);
		goto out;
	}
	clog_write(CLOG_INFO, "listening on %s port %u, database %s%s%s",
	    ep.ip, http_get_port(srv), o.db, o.cef != NULL ? ", CEF to " : "",
	    o.cef != NULL ? o.cef : "");

	started = main_now();
	next_check = started + (int64_t)o.silent_check;
	for (;;) {
		wait.tv_sec = o.silent_check > 0 ? 1 : 3600;
		wait.tv_nsec = 0;
		sig = sigtimedwait(&set, &si, &wait);
		if (sig == SIGINT || sig == SIGTERM) {
			clog_write(CLOG_INFO, "%s: shutting down",
			    sig == SIGINT ? "SIGINT" : "SIGTERM");
			break;
		}
		if (sig == SIGHUP && fw.jsonl != NULL) {
			rc = jsonl_reopen(fw.jsonl);
			clog_write(rc == 0 ? CLOG_INFO : CLOG_ERROR, "SIGHUP: reopen %s: %s",
			    o.jsonl, rc == 0 ? "ok" : strerror(-rc));
		}
		if (o.silent_check > 0 && main_now() >= next_check) {
			rc = silent_check_agents(be, st, &fw, main_now(), started);
			if (rc < 0) {
				clog_write(CLOG_ERROR, "silent-agent check failed");
			}
			next_check = main_now() + (int64_t)o.silent_check;
		}
	}
	status = 0;
out:
	http_stop(srv);
	if (fw.cef != NULL) {
		cef_sender_stop(fw.cef, 2000, &cef_stats);
		clog_write(CLOG_INFO, "cef: %llu sent, %llu dropped",
		    (unsigned long long)cef_stats.sent,
		    (unsigned long long)cef_stats.dropped);
	}
	jsonl_close(fw.jsonl);
	be->close(st);
	if (key != NULL) {
		gnutls_memset(key, 0, strlen(key));
	}
	free(cert);
	free(key);
	free(ca);
	return status;
}

int
main(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "query") == 0) {
		return query_run_command(argc - 1, argv + 1);
	}
	if (argc >= 2 && strcmp(argv[1], "--version") == 0) {
		printf("iothunt-collector %s\n", IOTHUNT_VERSION);
		return 0;
	}
	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0)) {
		main_print_usage(stdout);
		return 0;
	}
	if (argc >= 2 && strcmp(argv[1], "serve") == 0) {
		return main_serve(argc - 1, argv + 1);
	}
	return main_serve(argc, argv);
}
