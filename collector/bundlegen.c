/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * bundlegen.c - `iothunt-collector bundle keygen` and `bundle build`.
 *
 * keygen makes an ECDSA P-256 signing key (PKCS#8 PEM, mode 0600) and its
 * public key (SubjectPublicKeyInfo PEM, what the agents trust); it is not
 * the TLS CA and need not live on the host that serves bundles.
 *
 * build reads ThreatFox exports and plain lists, YARA rule files and an
 * allowlist with the agent's own parsers (agent/ioc.c, agent/rules_*.c,
 * agent/allow.c are linked in): what does not load on the device does not
 * get into a bundle.  The IOCs are deduplicated by the agent's store,
 * filtered (age, malware family, type), capped, and written back as one
 * canonical ThreatFox CSV; the bundle is signed with the key.
 */
#include "bundlegen.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <gnutls/abstract.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include "allow.h"
#include "ioc.h"
#include "rules.h"
#include "util.h"

#define BG_MAX_INPUTS 32
#define BG_FILE_MAX (16u << 20)

struct bg_ioc {
	int kind;
	char *value;
	char threat[40];
	char malware[40];
	unsigned conf;
	int64_t first_seen;
};

struct bg_opts {
	const char *key, *out;
	const char *iocs[BG_MAX_INPUTS], *rules[BG_MAX_INPUTS];
	int n_iocs, n_rules;
	const char *allow;
	const char *families[BG_MAX_INPUTS];
	int n_families;
	int types[IOC__KIND_COUNT];	/* 1: kept; all 1 when no --type */
	unsigned long long version;
	long long now;
	unsigned long expires_days, max_age_days, max_iocs, max_bytes;
};

/* A growing output buffer. */
struct bg_buf {
	char *p;
	size_t len, cap;
	int failed;
};

static void
bg_put(struct bg_buf *b, const void *p, size_t n)
{
	if (b->failed) {
		return;
	}
	if (b->len + n + 1 > b->cap) {
		size_t ncap = (b->cap ? b->cap * 2 : 65536);
		char *np;

		while (ncap < b->len + n + 1) {
			ncap *= 2;
		}
		np = realloc(b->p, ncap);
		if (np == NULL) {
			b->failed = 1;
			return;
		}
		b->p = np;
		b->cap = ncap;
	}
	memcpy(b->p + b->len, p, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void
bg_printf(struct bg_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
bg_printf(struct bg_buf *b, const char *fmt, ...)
{
	char tmp[1200];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof tmp) {
		b->failed = 1;
		return;
	}
	bg_put(b, tmp, (size_t)n);
}

static int
bg_write_file(const char *path, const void *p, size_t n, int mode, int excl)
{
	char tmp[4096];
	int fd, ok;

	if (snprintf(tmp, sizeof tmp, "%s.tmp", path) >= (int)sizeof tmp) {
		return -1;
	}
	if (excl && access(path, F_OK) == 0) {
		fprintf(stderr, "iothunt-collector bundle: %s exists, not overwritten\n", path);
		return -1;
	}
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
	if (fd < 0) {
		fprintf(stderr, "iothunt-collector bundle: %s: %s\n", tmp, strerror(errno));
		return -1;
	}
	ok = util_write_all(fd, p, n) == IH_OK && fsync(fd) == 0;
	ok = (close(fd) == 0) && ok;
	if (!ok || rename(tmp, path) != 0) {
		fprintf(stderr, "iothunt-collector bundle: cannot write %s: %s\n", path, strerror(errno));
		(void)unlink(tmp);
		return -1;
	}
	return 0;
}

/* ---- keygen ------------------------------------------------------------ */

static int
bg_keygen(int argc, char **argv)
{
	gnutls_privkey_t pk = NULL;
	gnutls_x509_privkey_t xk = NULL;
	gnutls_pubkey_t pub = NULL;
	gnutls_datum_t priv_pem = { NULL, 0 }, pub_pem = { NULL, 0 };
	const char *out = NULL, *pubout = NULL;
	int i, rc = 1;

	for (i = 1; i < argc; i++) {
		if (i + 1 < argc && strcmp(argv[i], "--out") == 0) {
			out = argv[++i];
		} else if (i + 1 < argc && strcmp(argv[i], "--pub") == 0) {
			pubout = argv[++i];
		} else {
			out = NULL;
			break;
		}
	}
	if (out == NULL || pubout == NULL) {
		fprintf(stderr, "usage: iothunt-collector bundle keygen --out KEY.pem --pub PUB.pem\n");
		return 2;
	}
	if (gnutls_privkey_init(&pk) < 0 ||
	    gnutls_privkey_generate(pk, GNUTLS_PK_ECDSA,
	    GNUTLS_CURVE_TO_BITS(GNUTLS_ECC_CURVE_SECP256R1), 0) < 0 ||
	    gnutls_privkey_export_x509(pk, &xk) < 0 ||
	    gnutls_x509_privkey_export2_pkcs8(xk, GNUTLS_X509_FMT_PEM, NULL,
	    GNUTLS_PKCS_PLAIN, &priv_pem) < 0 ||
	    gnutls_pubkey_init(&pub) < 0 ||
	    gnutls_pubkey_import_privkey(pub, pk, 0, 0) < 0 ||
	    gnutls_pubkey_export2(pub, GNUTLS_X509_FMT_PEM, &pub_pem) < 0) {
		fprintf(stderr, "iothunt-collector bundle keygen: GnuTLS could not make the key\n");
		goto out;
	}
	if (bg_write_file(out, priv_pem.data, priv_pem.size, 0600, 1) != 0 ||
	    bg_write_file(pubout, pub_pem.data, pub_pem.size, 0644, 0) != 0) {
		goto out;
	}
	printf("signing key %s (keep it off the serving host), public key %s "
	    "(bundle_key on the devices)\n", out, pubout);
	rc = 0;
out:
	gnutls_free(priv_pem.data);
	gnutls_free(pub_pem.data);
	if (pub != NULL) {
		gnutls_pubkey_deinit(pub);
	}
	if (xk != NULL) {
		gnutls_x509_privkey_deinit(xk);
	}
	if (pk != NULL) {
		gnutls_privkey_deinit(pk);
	}
	return rc;
}

/* ---- build ------------------------------------------------------------- */

static void
bg_usage(void)
{
	fprintf(stderr,
	    "usage: iothunt-collector bundle build --key KEY.pem --out FILE\n"
	    "           [--iocs EXPORT]... [--rules FILE.yar]... [--allow FILE]\n"
	    "           [--version N] [--expires-days D] [--max-age-days D]\n"
	    "           [--family NAME]... [--type T]... [--max-iocs N] [--max-bytes N]\n"
	    "           [--now UNIX]\n");
}

static int
bg_num(const char *s, unsigned long long max, unsigned long long *v)
{
	uint64_t x;

	if (util_parse_dec(s, strlen(s), max, &x) != IH_OK) {
		fprintf(stderr, "iothunt-collector bundle: bad number '%s'\n", s);
		return -1;
	}
	*v = x;
	return 0;
}

static int
bg_parse(int argc, char **argv, struct bg_opts *o)
{
	static const struct option lo[] = {
		{ "key", required_argument, NULL, 'k' },
		{ "out", required_argument, NULL, 'o' },
		{ "iocs", required_argument, NULL, 'i' },
		{ "rules", required_argument, NULL, 'r' },
		{ "allow", required_argument, NULL, 'a' },
		{ "version", required_argument, NULL, 'V' },
		{ "expires-days", required_argument, NULL, 'e' },
		{ "max-age-days", required_argument, NULL, 'g' },
		{ "family", required_argument, NULL, 'f' },
		{ "type", required_argument, NULL, 't' },
		{ "max-iocs", required_argument, NULL, 'n' },
		{ "max-bytes", required_argument, NULL, 'b' },
		{ "now", required_argument, NULL, 'N' },
		{ NULL, 0, NULL, 0 }
	};
	unsigned long long v;
	int c, k, any_type = 0;

	memset(o, 0, sizeof *o);
	o->now = (long long)time(NULL);
	o->expires_days = 7;
	o->max_iocs = 50000;
	o->max_bytes = 2u << 20;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", lo, NULL)) != -1) {
		switch (c) {
		case 'k': o->key = optarg; break;
		case 'o': o->out = optarg; break;
		case 'a': o->allow = optarg; break;
		case 'i':
		case 'r':
		case 'f':
			if ((c == 'i' ? o->n_iocs : c == 'r' ? o->n_rules : o->n_families) ==
			    BG_MAX_INPUTS) {
				fprintf(stderr, "iothunt-collector bundle: too many inputs\n");
				return -1;
			}
			if (c == 'i') {
				o->iocs[o->n_iocs++] = optarg;
			} else if (c == 'r') {
				o->rules[o->n_rules++] = optarg;
			} else {
				o->families[o->n_families++] = optarg;
			}
			break;
		case 't':
			for (k = 0; k < IOC__KIND_COUNT; k++) {
				if (strcmp(optarg, ioc_kind_name((enum ioc_kind)k)) == 0) {
					break;
				}
			}
			if (k == IOC__KIND_COUNT) {
				fprintf(stderr, "iothunt-collector bundle: unknown IOC type '%s'\n", optarg);
				return -1;
			}
			o->types[k] = 1;
			any_type = 1;
			break;
		case 'V':
		case 'e':
		case 'g':
		case 'n':
		case 'b':
		case 'N':
			if (bg_num(optarg, INT64_MAX / 2, &v) != 0) {
				return -1;
			}
			if (c == 'V') {
				o->version = v;
			} else if (c == 'e') {
				o->expires_days = (unsigned long)v;
			} else if (c == 'g') {
				o->max_age_days = (unsigned long)v;
			} else if (c == 'n') {
				o->max_iocs = (unsigned long)v;
			} else if (c == 'b') {
				o->max_bytes = (unsigned long)v;
			} else {
				o->now = (long long)v;
			}
			break;
		default:
			return -1;
		}
	}
	if (optind != argc || o->key == NULL || o->out == NULL || o->expires_days == 0) {
		return -1;
	}
	for (k = 0; k < IOC__KIND_COUNT; k++) {
		o->types[k] = o->types[k] || !any_type;
	}
	return 0;
}

/* The version of the bundle already at PATH, 0 if none. */
static unsigned long long
bg_previous_version(const char *path)
{
	static const char magic[] = "iothunt-bundle 1\nversion ";
	char *buf = NULL, *end;
	size_t len = 0;
	uint64_t v = 0;

	if (util_read_file(path, 64u << 20, &buf, &len) == IH_OK &&
	    len > sizeof(magic) && memcmp(buf, magic, sizeof(magic) - 1) == 0 &&
	    (end = memchr(buf + sizeof(magic) - 1, '\n', len - (sizeof(magic) - 1))) != NULL &&
	    util_parse_dec(buf + sizeof(magic) - 1, (size_t)(end - buf) - (sizeof(magic) - 1),
	    INT64_MAX, &v) != IH_OK) {
		v = 0;
	}
	free(buf);
	return v;
}

/* Split a store source "threatfox:THREAT:MALWARE[:CONF]" or "list:NAME". */
static void
bg_source(const struct ioc_entry *e, struct bg_ioc *d)
{
	const char *s = e->source, *a, *b;

	snprintf(d->threat, sizeof d->threat, "unknown");
	snprintf(d->malware, sizeof d->malware, "unknown");
	if (strncmp(s, "threatfox:", 10) != 0) {
		return;
	}
	a = s + 10;
	b = strchr(a, ':');
	if (b == NULL) {
		return;
	}
	snprintf(d->threat, sizeof d->threat, "%.*s", (int)(b - a), a);
	a = b + 1;
	b = strchr(a, ':');
	snprintf(d->malware, sizeof d->malware, "%.*s", (int)(b ? b - a : (long)strlen(a)), a);
}

static int
bg_cmp_newest(const void *pa, const void *pb)
{
	const struct bg_ioc *a = pa, *b = pb;

	if (a->first_seen != b->first_seen) {
		return a->first_seen > b->first_seen ? -1 : 1;
	}
	if (a->conf != b->conf) {
		return a->conf > b->conf ? -1 : 1;
	}
	return strcmp(a->value, b->value);
}

static int
bg_family_ok(const struct bg_opts *o, const char *malware)
{
	int i;

	for (i = 0; i < o->n_families; i++) {
		if (strcasecmp(o->families[i], malware) == 0) {
			return 1;
		}
	}
	return o->n_families == 0;
}

/* The CSV the bundle carries: canonical, in the export's default column order. */
static void
bg_csv(struct bg_buf *b, const struct bg_ioc *v, size_t n)
{
	size_t i;

	bg_printf(b, "# iothunt bundle IOCs (ThreatFox CSV export columns)\n"
	    "# \"first_seen_utc\",\"ioc_id\",\"ioc_value\",\"ioc_type\",\"threat_type\","
	    "\"fk_malware\",\"malware_alias\",\"malware_printable\",\"last_seen_utc\","
	    "\"confidence_level\"\n");
	for (i = 0; i < n; i++) {
		char seen[32] = "";
		const char *p;

		if (v[i].first_seen > 0) {
			time_t t = (time_t)v[i].first_seen;
			struct tm tm;

			gmtime_r(&t, &tm);
			strftime(seen, sizeof seen, "%Y-%m-%d %H:%M:%S", &tm);
		}
		bg_printf(b, "\"%s\", \"%zu\", \"", seen, i + 1);
		for (p = v[i].value; *p != '\0'; p++) {
			bg_put(b, p, 1);
			if (*p == '"') {
				bg_put(b, p, 1);
			}
		}
		bg_printf(b, "\", \"%s\", \"%s\", \"\", \"None\", \"%s\", \"\", \"%u\"\n",
		    ioc_kind_name((enum ioc_kind)v[i].kind), v[i].threat, v[i].malware, v[i].conf);
	}
}

static const char *
bg_base(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

/* The file section "file NAME LEN\n<data>\n". */
static void
bg_file(struct bg_buf *b, const char *name, const char *data, size_t len)
{
	bg_printf(b, "file %s %zu\n", name, len);
	bg_put(b, data, len);
	bg_put(b, "\n", 1);
}

static int
bg_sign(const char *keypath, struct bg_buf *b)
{
	gnutls_privkey_t pk = NULL;
	gnutls_datum_t kd = { NULL, 0 }, data, sig = { NULL, 0 };
	char *kbuf = NULL;
	size_t klen = 0, i;
	int rc = -1;

	if (util_read_file(keypath, 65536, &kbuf, &klen) != IH_OK) {
		fprintf(stderr, "iothunt-collector bundle: cannot read the key %s\n", keypath);
		return -1;
	}
	kd.data = (unsigned char *)kbuf;
	kd.size = (unsigned)klen;
	data.data = (unsigned char *)b->p;
	data.size = (unsigned)b->len;
	if (gnutls_privkey_init(&pk) < 0 ||
	    gnutls_privkey_import_x509_raw(pk, &kd, GNUTLS_X509_FMT_PEM, NULL, 0) < 0 ||
	    gnutls_privkey_get_pk_algorithm(pk, NULL) != GNUTLS_PK_ECDSA ||
	    gnutls_privkey_sign_data(pk, GNUTLS_DIG_SHA256, 0, &data, &sig) < 0) {
		fprintf(stderr, "iothunt-collector bundle: %s is not a usable ECDSA signing key\n",
		    keypath);
		goto out;
	}
	bg_printf(b, "sig ");
	for (i = 0; i < sig.size; i++) {
		bg_printf(b, "%02x", sig.data[i]);
	}
	bg_printf(b, "\n");
	rc = b->failed ? -1 : 0;
out:
	gnutls_free(sig.data);
	if (pk != NULL) {
		gnutls_privkey_deinit(pk);
	}
	if (kbuf != NULL) {
		memset(kbuf, 0, klen);
	}
	free(kbuf);
	return rc;
}

static int
bg_build(int argc, char **argv)
{
	struct bg_opts o;
	struct ioc_store *s = NULL;
	struct ioc_stats st;
	struct bg_ioc *v = NULL;
	struct bg_buf csv = { NULL, 0, 0, 0 }, out = { NULL, 0, 0, 0 };
	struct allowlist al;
	size_t n = 0, cap = 0, i, aged = 0, filtered = 0, capped = 0;
	unsigned long long prev;
	int k, rc = 1;

	allow_init(&al);
	if (bg_parse(argc, argv, &o) != 0) {
		bg_usage();
		return 2;
	}
	prev = bg_previous_version(o.out);
	if (o.version == 0) {
		o.version = prev + 1 > (unsigned long long)o.now ? prev + 1 :
		    (unsigned long long)o.now;
	}
	if (o.version <= prev) {
		fprintf(stderr, "iothunt-collector bundle: version %llu is not above %llu, the "
		    "version of %s\n", o.version, prev, o.out);
		return 1;
	}
	memset(&st, 0, sizeof st);
	if (ioc_store_new(&s) != IH_OK) {
		goto out;
	}
	for (k = 0; k < o.n_iocs; k++) {
		int r = ioc_load_file(s, o.iocs[k], &st);

		if (r != IH_OK && r != IH_EPARSE) {
			goto out;
		}
	}
	for (k = 0; k < IOC__KIND_COUNT; k++) {
		const struct ioc_entry *e;
		size_t it = 0;

		while ((e = ioc_next(s, (enum ioc_kind)k, &it)) != NULL) {
			struct bg_ioc d;

			memset(&d, 0, sizeof d);
			bg_source(e, &d);
			if (o.max_age_days && e->first_seen > 0 &&
			    e->first_seen < o.now - (long long)o.max_age_days * 86400) {
				aged++;
				continue;
			}
			if (!o.types[k] || !bg_family_ok(&o, d.malware)) {
				filtered++;
				continue;
			}
			if (n == cap) {
				struct bg_ioc *nv;

				cap = cap ? cap * 2 : 1024;
				nv = realloc(v, cap * sizeof *v);
				if (nv == NULL) {
					goto out;
				}
				v = nv;
			}
			d.kind = k;
			d.conf = e->confidence;
			d.first_seen = e->first_seen;
			d.value = strdup(e->value);
			if (d.value == NULL) {
				goto out;
			}
			v[n++] = d;
		}
	}
	if (n > o.max_iocs) {
		qsort(v, n, sizeof *v, bg_cmp_newest);
		for (i = o.max_iocs; i < n; i++) {
			free(v[i].value);
		}
		capped = n - o.max_iocs;
		n = o.max_iocs;
	}
	bg_csv(&csv, v, n);
	bg_printf(&out, "iothunt-bundle 1\nversion %llu\ncreated %lld\nexpires %lld\n", o.version,
	    o.now, o.now + (long long)o.expires_days * 86400);
	if (n > 0) {
		bg_file(&out, "threatfox.csv", csv.p, csv.len);
	}
	for (k = 0; k < o.n_rules; k++) {
		struct rules *rs = NULL;
		char *buf = NULL;
		size_t len = 0;
		int r = rules_new(&rs);

		if (r == IH_OK) {
			r = util_read_file(o.rules[k], BG_FILE_MAX, &buf, &len);
		}
		if (r == IH_OK) {
			r = rules_load_buffer(rs, o.rules[k], buf, len);
		}
		rules_free(rs);
		if (r != IH_OK) {
			fprintf(stderr, "iothunt-collector bundle: %s: rules refused by the agent's "
			    "parser (%s)\n", o.rules[k], util_strerror(r));
			free(buf);
			goto out;
		}
		bg_file(&out, bg_base(o.rules[k]), buf, len);
		free(buf);
	}
	if (o.allow != NULL) {
		char *buf = NULL;
		size_t len = 0;
		int r = util_read_file(o.allow, BG_FILE_MAX, &buf, &len);

		if (r == IH_OK) {
			r = allow_parse(&al, o.allow, buf, len, NULL);
		}
		if (r != IH_OK) {
			fprintf(stderr, "iothunt-collector bundle: %s: allowlist refused by the agent's "
			    "parser (%s)\n", o.allow, util_strerror(r));
			free(buf);
			goto out;
		}
		bg_file(&out, "allowlist.allow", buf, len);
		free(buf);
	}
	if (out.failed || csv.failed || bg_sign(o.key, &out) != 0) {
		goto out;
	}
	if (out.len > o.max_bytes) {
		fprintf(stderr, "iothunt-collector bundle: %zu bytes, over --max-bytes %lu "
		    "(lower --max-iocs)\n", out.len, o.max_bytes);
		goto out;
	}
	if (bg_write_file(o.out, out.p, out.len, 0644, 0) != 0) {
		goto out;
	}
	printf("bundle %s: version %llu, %zu bytes, %zu IOC(s) (%lu bad record(s) skipped, "
	    "%lu duplicate(s), %zu older than %lu days, %zu filtered out, %zu over the cap), "
	    "%d rule file(s)%s\n", o.out, o.version, out.len, n, st.bad, st.dups, aged,
	    o.max_age_days, filtered, capped, o.n_rules, o.allow ? ", an allowlist" : "");
	rc = 0;
out:
	for (i = 0; i < n; i++) {
		free(v[i].value);
	}
	free(v);
	free(csv.p);
	free(out.p);
	allow_free(&al);
	ioc_store_free(s);
	return rc;
}

int
bundlegen_run_command(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "keygen") == 0) {
		return bg_keygen(argc - 1, argv + 1);
	}
	if (argc >= 2 && strcmp(argv[1], "build") == 0) {
		return bg_build(argc - 1, argv + 1);
	}
	fprintf(stderr, "usage: iothunt-collector bundle keygen|build ...\n");
	return 2;
}
