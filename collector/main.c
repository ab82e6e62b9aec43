/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * iothunt-collector: receives findings from iothunt agents over mutual TLS,
 * stores them in SQLite or PostgreSQL (each batch one transaction,
 * acknowledged after the commit), and forwards them as CEF over syslog and
 * as JSON lines. Several collectors may share one PostgreSQL database.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>

#include "addr.h"
#include "bundlegen.h"
#include "cef.h"
#include "clog.h"
#include "forward.h"
#include "http.h"
#include "jsonl.h"
#include "num.h"
#include "query.h"
#include "retro.h"
#include "silent.h"
#include "store.h"
#include "web.h"
#include "web_auth.h"

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
	uint64_t threads;
	uint64_t per_ip;
	uint64_t retain_days;
	const char *bundle;
	int verbose;
	const char *web;
	const char *web_cert;
	const char *web_key;
	const char *web_operator_ca;
	const char *web_passwd;
};

/* Housekeeping (partitions ahead, retention) runs this often, seconds. */
#define MAIN_MAINTAIN_EVERY 60

static void
main_print_usage(FILE *f)
{
	fprintf(f,
	    "usage: iothunt-collector [serve] --cert F --key F --client-ca F\n"
	    "           --db PATH | --store postgresql://...\n"
	    "           [--listen IP:PORT] [--cef udp://IP:PORT|tcp://IP:PORT]\n"
	    "           [--cef-format rfc5424|rfc3164] [--cef-framing octet|lf]\n"
	    "           [--cef-queue N] [--jsonl PATH] [--max-body BYTES]\n"
	    "           [--max-conns N] [--per-ip N] [--threads N]\n"
	    "           [--conn-timeout S] [--request-timeout S]\n"
	    "           [--silent-check S] [--retain-days N] [--bundle FILE] [--verbose]\n"
	    "           [--web IP:PORT [--web-cert F --web-key F]\n"
	    "            [--web-operator-ca F] [--web-passwd F]]\n"
	    "       iothunt-collector query --db PATH | --store postgresql://...\n"
	    "           [--agent ID] [--type T] [--since TS] [--limit N] [--json]\n"
	    "       iothunt-collector web-passwd FILE USER\n"
	    "       iothunt-collector bundle keygen --out KEY.pem --pub PUB.pem\n"
	    "       iothunt-collector bundle build --key KEY.pem --out FILE ... (docs/BUNDLE.md)\n"
	    "       iothunt-collector retro --db PATH --bundle NEW [--previous OLD] [--days N]\n"
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
		{ "store", required_argument, NULL, 'd' },
		{ "threads", required_argument, NULL, 'P' },
		{ "per-ip", required_argument, NULL, 'I' },
		{ "retain-days", required_argument, NULL, 'r' },
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
		{ "bundle", required_argument, NULL, 'B' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "web", required_argument, NULL, 'W' },
		{ "web-cert", required_argument, NULL, 'X' },
		{ "web-key", required_argument, NULL, 'Y' },
		{ "web-operator-ca", required_argument, NULL, 'O' },
		{ "web-passwd", required_argument, NULL, 'U' },
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
		case 'P':
			if (main_parse_number("--threads", optarg, 1, 256,
			    &o->threads) != 0) {
				return -EINVAL;
			}
			break;
		case 'I':
			if (main_parse_number("--per-ip", optarg, 0, 1000000,
			    &o->per_ip) != 0) {
				return -EINVAL;
			}
			break;
		case 'r':
			if (main_parse_number("--retain-days", optarg, 0, 36500,
			    &o->retain_days) != 0) {
				return -EINVAL;
			}
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
			if (main_parse_number("--max-conns", optarg, 1, 1000000,
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
		case 'B':
			o->bundle = optarg;
			break;
		case 'v':
			o->verbose = 1;
			break;
		case 'W':
			o->web = optarg;
			break;
		case 'X':
			o->web_cert = optarg;
			break;
		case 'Y':
			o->web_key = optarg;
			break;
		case 'O':
			o->web_operator_ca = optarg;
			break;
		case 'U':
			o->web_passwd = optarg;
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
		    "--db (or --store) are required\n");
		main_print_usage(stderr);
		return -EINVAL;
	}
	if (o->web != NULL && o->web_operator_ca == NULL && o->web_passwd == NULL) {
		fprintf(stderr, "iothunt-collector: --web needs --web-operator-ca "
		    "and/or --web-passwd (who may log in)\n");
		return -EINVAL;
	}
	if (o->web == NULL && (o->web_cert != NULL || o->web_key != NULL ||
	    o->web_operator_ca != NULL || o->web_passwd != NULL)) {
		fprintf(stderr, "iothunt-collector: --web-* options need --web\n");
		return -EINVAL;
	}
	if ((o->web_cert == NULL) != (o->web_key == NULL)) {
		fprintf(stderr, "iothunt-collector: --web-cert and --web-key go "
		    "together\n");
		return -EINVAL;
	}
	return 0;
}

/*
 * Start the fleet view if --web was given: its own certificate (or the
 * ingest listener's), the operator CA and/or the password file. The PEM
 * buffers and users are kept in *wc's strings (freed by main_stop_web).
 */
struct main_web {
	struct web_config cfg;
	struct web_users users;
	char *cert;
	char *key;
	char *ca;
	struct web_server *srv;
};

static void
main_stop_web(struct main_web *w)
{
	web_stop(w->srv);
	w->srv = NULL;
	if (w->key != NULL) {
		gnutls_memset(w->key, 0, strlen(w->key));
	}
	free(w->cert);
	free(w->key);
	free(w->ca);
	gnutls_memset(&w->users, 0, sizeof(w->users));
}

static int main_read_pem(const char *path, char **out);

static int
main_start_web(const struct main_options *o, const struct store_backend *be,
    const char *cert, const char *key, struct main_web *w)
{
	struct addr_endpoint ep;
	char err[256];
	int rc;

	memset(w, 0, sizeof(*w));
	if (addr_parse_endpoint(o->web, strlen(o->web), &ep) != 0 ||
	    addr_to_sockaddr(&ep, &w->cfg.listen, &w->cfg.listen_len) != 0) {
		clog_write(CLOG_ERROR, "--web wants IP:PORT or [IPv6]:PORT, not '%s'",
		    o->web);
		return -EINVAL;
	}
	if (o->web_cert != NULL) {
		if ((rc = main_read_pem(o->web_cert, &w->cert)) != 0 ||
		    (rc = main_read_pem(o->web_key, &w->key)) != 0) {
			clog_write(CLOG_ERROR, "cannot read --web-cert/--web-key: %s",
			    strerror(-rc));
			return rc;
		}
	}
	if (o->web_operator_ca != NULL &&
	    (rc = main_read_pem(o->web_operator_ca, &w->ca)) != 0) {
		clog_write(CLOG_ERROR, "cannot read --web-operator-ca %s: %s",
		    o->web_operator_ca, strerror(-rc));
		return rc;
	}
	if (o->web_passwd != NULL) {
		rc = web_auth_load_passwd(o->web_passwd, &w->users, err, sizeof(err));
		if (rc != 0) {
			clog_write(CLOG_ERROR, "--web-passwd: %s", err);
			return rc;
		}
		if (w->users.count == 0) {
			clog_write(CLOG_ERROR, "--web-passwd %s names no user "
			    "(iothunt-collector web-passwd FILE USER adds one)",
			    o->web_passwd);
			return -EINVAL;
		}
	}
	w->cfg.cert_pem = w->cert != NULL ? w->cert : cert;
	w->cfg.key_pem = w->key != NULL ? w->key : key;
	w->cfg.operator_ca_pem = w->ca;
	w->cfg.users = o->web_passwd != NULL ? &w->users : NULL;
	w->cfg.backend = be;
	w->cfg.db = o->db;
	w->cfg.max_conns = 32;
	rc = web_start(&w->cfg, &w->srv);
	if (rc != 0) {
		clog_write(CLOG_ERROR, "cannot start the fleet view on %s "
		    "(certificate, key or CA unusable, or address in use)", o->web);
		return rc;
	}
	clog_write(CLOG_INFO, "fleet view on %s port %u (%s%s%s)", ep.ip,
	    web_get_port(w->srv), w->ca != NULL ? "operator certificates" : "",
	    w->ca != NULL && o->web_passwd != NULL ? ", " : "",
	    o->web_passwd != NULL ? "passwords" : "");
	return 0;
}

static int64_t
main_now(void)
{
	return (int64_t)time(NULL);
}

/*
 * Each connection is a descriptor: lift the soft RLIMIT_NOFILE towards the
 * hard limit so that the connection ceiling can be reached.
 */
static void
main_raise_nofile(uint64_t conns)
{
	struct rlimit rl;
	rlim_t want = (rlim_t)conns + 256;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0) {
		return;
	}
	if (rl.rlim_cur >= want) {
		return;
	}
	rl.rlim_cur = rl.rlim_max == RLIM_INFINITY || rl.rlim_max > want ?
	    want : rl.rlim_max;
	if (setrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur < want) {
		clog_write(CLOG_WARN, "open files limited to %llu: fewer than the "
		    "%llu connections allowed", (unsigned long long)rl.rlim_cur,
		    (unsigned long long)conns);
	}
}

/* This collector's name among those sharing a database: host, pid, random. */
static void
main_make_holder(char *buf, size_t cap)
{
	char host[64];
	unsigned char r[4] = { 0, 0, 0, 0 };
	int n;

	if (gethostname(host, sizeof(host)) != 0) {
		host[0] = '\0';
	}
	host[sizeof(host) - 1] = '\0';
	(void)gnutls_rnd(GNUTLS_RND_NONCE, r, sizeof(r));
	n = snprintf(buf, cap, "%s:%ld:%02x%02x%02x%02x", host, (long)getpid(),
	    r[0], r[1], r[2], r[3]);
	if (n < 0 || (size_t)n >= cap) {
		buf[cap - 1] = '\0';
	}
}

/*
 * The silent-agent check runs on one collector of those sharing the
 * database: the holder of the "silent" lease, renewed at each check and
 * lapsing after three periods without one (a dead holder is replaced).
 */
static void
main_run_silent(const struct store_backend *be, struct store *st,
    const struct forward *fw, const char *holder, int64_t every,
    int64_t started)
{
	int held = 0;
	int rc;

	rc = be->lease(st, "silent", holder, main_now(), 3 * every + 5, &held);
	if (rc != 0 || !held) {
		return;
	}
	rc = silent_check_agents(be, st, fw, main_now(), started);
	if (rc < 0) {
		clog_write(CLOG_ERROR, "silent-agent check failed");
	}
}

/* Partitions ahead and retention, on the holder of the "maintain" lease. */
static void
main_run_maintain(const struct store_backend *be, struct store *st,
    const char *holder, int64_t retain_days)
{
	uint64_t removed = 0;
	int64_t now = main_now();
	int held = 0;

	if (be->lease(st, "maintain", holder, now, 3 * MAIN_MAINTAIN_EVERY,
	    &held) != 0 || !held) {
		return;
	}
	if (be->maintain(st, now, retain_days > 0 ? now - retain_days * 86400 : 0,
	    &removed) != 0) {
		clog_write(CLOG_ERROR, "store housekeeping failed");
		return;
	}
	if (removed > 0) {
		clog_write(CLOG_INFO, "retention: %llu findings older than %lld days "
		    "removed", (unsigned long long)removed, (long long)retain_days);
	}
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
		.max_conns = 4096,
		.threads = 8,
		.per_ip = 64,
		.conn_timeout = 10,
		.request_timeout = 60,
		.silent_check = 30,
	};
	const struct store_backend *be = NULL;
	struct cef_sender_config cef_cfg;
	struct cef_sender_stats cef_stats;
	struct http_config cfg;
	struct http_server *srv = NULL;
	struct forward fw = { NULL, NULL };
	struct addr_endpoint ep;
	struct store *st = NULL;
	struct main_web web;
	struct timespec wait;
	siginfo_t si;
	sigset_t set;
	char *cert = NULL;
	char *key = NULL;
	char *ca = NULL;
	int64_t started;
	int64_t next_check;
	int64_t next_maintain;
	char holder[96];
	int status = 2;
	int sig;
	int rc;

	memset(&cfg, 0, sizeof(cfg));
	memset(&web, 0, sizeof(web));
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

	main_raise_nofile(o.max_conns);
	be = store_pick_backend(o.db);
	rc = be->open(o.db, 0, &st);
	if (rc != 0) {
		/* a URI may carry a password: name the backend only */
		clog_write(CLOG_ERROR, "cannot open the %s store%s%s", be->name,
		    be == &store_sqlite ? " " : "", be == &store_sqlite ? o.db : "");
		goto out;
	}
	main_make_holder(holder, sizeof(holder));
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
	cfg.threads = (unsigned)o.threads;
	cfg.per_ip = (unsigned)o.per_ip;
	cfg.backend = be;
	cfg.store = st;
	cfg.fw = &fw;
	cfg.bundle_path = o.bundle;
	rc = http_start(&cfg, &srv);
	if (rc != 0) {
		clog_write(CLOG_ERROR, "cannot start the HTTPS server on %s "
		    "(certificate, key or CA unusable, or address in use)", o.listen);
		goto out;
	}
	if (o.web != NULL && main_start_web(&o, be, cert, key, &web) != 0) {
		goto out;
	}
	clog_write(CLOG_INFO, "listening on %s port %u, %s store%s%s%s%s, %llu "
	    "threads, %llu connections (%llu per address)", ep.ip,
	    http_get_port(srv), be->name, be == &store_sqlite ? " " : "",
	    be == &store_sqlite ? o.db : "", o.cef != NULL ? ", CEF to " : "",
	    o.cef != NULL ? o.cef : "", (unsigned long long)o.threads,
	    (unsigned long long)o.max_conns, (unsigned long long)o.per_ip);

	started = main_now();
	next_check = started + (int64_t)o.silent_check;
	next_maintain = started;
	for (;;) {
		wait.tv_sec = 1;
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
			main_run_silent(be, st, &fw, holder, (int64_t)o.silent_check,
			    started);
			next_check = main_now() + (int64_t)o.silent_check;
		}
		if (main_now() >= next_maintain) {
			main_run_maintain(be, st, holder, (int64_t)o.retain_days);
			next_maintain = main_now() + MAIN_MAINTAIN_EVERY;
		}
	}
	status = 0;
out:
	main_stop_web(&web);
	http_stop(srv);
	if (fw.cef != NULL) {
		cef_sender_stop(fw.cef, 2000, &cef_stats);
		clog_write(CLOG_INFO, "cef: %llu sent, %llu dropped",
		    (unsigned long long)cef_stats.sent,
		    (unsigned long long)cef_stats.dropped);
	}
	jsonl_close(fw.jsonl);
	if (be != NULL) {
		be->close(st);
	}
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
	if (argc >= 2 && strcmp(argv[1], "web-passwd") == 0) {
		return web_auth_run_passwd(argc - 1, argv + 1);
	}
	if (argc >= 2 && strcmp(argv[1], "bundle") == 0) {
		return bundlegen_run_command(argc - 1, argv + 1);
	}
	if (argc >= 2 && strcmp(argv[1], "retro") == 0) {
		return retro_run_command(argc - 1, argv + 1);
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
