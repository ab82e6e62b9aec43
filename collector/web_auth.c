/* SPDX-License-Identifier: BSD-2-Clause */
#include "web_auth.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <argon2.h>
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>

#include "num.h"

#define WEB_SALT_LEN 16
#define WEB_HASH_LEN 32

static int
web_auth_fail(char *err, size_t errcap, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
web_auth_fail(char *err, size_t errcap, const char *fmt, ...)
{
	va_list ap;

	if (errcap > 0) {
		va_start(ap, fmt);
		if (vsnprintf(err, errcap, fmt, ap) < 0) {
			err[0] = '\0';
		}
		va_end(ap);
	}
	return -EINVAL;
}

static int
web_auth_user_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' || c == '@';
}

static int
web_auth_b64_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '+' || c == '/';
}

/* [p, end) is a decimal number in min..max followed by stop; *pp after it */
static int
web_auth_take_num(const char **pp, const char *end, char stop, uint64_t min,
    uint64_t max)
{
	const char *p = *pp;
	const char *q = p;
	uint64_t v;

	while (q < end && *q >= '0' && *q <= '9') {
		q++;
	}
	if (q == end || *q != stop || q - p > 8 ||
	    num_parse_u64(p, q, max, &v) != 0 || v < min) {
		return -EINVAL;
	}
	*pp = q + 1;
	return 0;
}

/* 1*b64 followed by stop (or by end when stop is 0) */
static int
web_auth_take_b64(const char **pp, const char *end, char stop)
{
	const char *p = *pp;

	while (p < end && web_auth_b64_char(*p)) {
		p++;
	}
	if (p == *pp || (stop != 0 && (p == end || *p != stop)) ||
	    (stop == 0 && p != end)) {
		return -EINVAL;
	}
	*pp = stop != 0 ? p + 1 : p;
	return 0;
}

/* hash as in the grammar of web_auth_parse_passwd, over [p, end) */
static int
web_auth_check_hash(const char *p, const char *end)
{
	static const char head[] = "$argon2id$v=19$m=";
	size_t n = sizeof(head) - 1;

	if ((size_t)(end - p) > WEB_HASH_MAX || (size_t)(end - p) < n ||
	    memcmp(p, head, n) != 0) {
		return -EINVAL;
	}
	p += n;
	if (web_auth_take_num(&p, end, ',', 8, 4194304) != 0 ||
	    end - p < 2 || memcmp(p, "t=", 2) != 0) {
		return -EINVAL;
	}
	p += 2;
	if (web_auth_take_num(&p, end, ',', 1, 16) != 0 ||
	    end - p < 2 || memcmp(p, "p=", 2) != 0) {
		return -EINVAL;
	}
	p += 2;
	if (web_auth_take_num(&p, end, '$', 1, 16) != 0 ||
	    web_auth_take_b64(&p, end, '$') != 0 ||
	    web_auth_take_b64(&p, end, 0) != 0) {
		return -EINVAL;
	}
	return 0;
}

int
web_auth_parse_passwd(const char *text, size_t len, const char *name,
    struct web_users *out, char *err, size_t errcap)
{
	const char *p = text;
	const char *end = text + len;
	const char *eol;
	const char *colon;
	struct web_user *u;
	size_t line = 0;
	size_t i;

	memset(out, 0, sizeof(*out));
	if (len > WEB_PASSWD_FILE_MAX) {
		return web_auth_fail(err, errcap, "%s: larger than %d bytes", name,
		    WEB_PASSWD_FILE_MAX);
	}
	while (p < end) {
		line++;
		eol = memchr(p, '\n', (size_t)(end - p));
		if (eol == NULL) {
			return web_auth_fail(err, errcap, "%s:%zu: line without a "
			    "final newline", name, line);
		}
		if (eol == p || *p == '#') {
			p = eol + 1;
			continue;
		}
		colon = memchr(p, ':', (size_t)(eol - p));
		if (colon == NULL || colon == p || colon - p > WEB_USER_MAX) {
			return web_auth_fail(err, errcap, "%s:%zu: want USER:HASH "
			    "with a user of 1-%d characters", name, line, WEB_USER_MAX);
		}
		for (i = 0; p + i < colon; i++) {
			if (!web_auth_user_char(p[i])) {
				return web_auth_fail(err, errcap, "%s:%zu: user names "
				    "are made of A-Z a-z 0-9 . _ - @", name, line);
			}
		}
		if (web_auth_check_hash(colon + 1, eol) != 0) {
			return web_auth_fail(err, errcap, "%s:%zu: not an Argon2id "
			    "hash as web-passwd writes it", name, line);
		}
		if (out->count == WEB_USERS_MAX) {
			return web_auth_fail(err, errcap, "%s:%zu: more than %d users",
			    name, line, WEB_USERS_MAX);
		}
		u = &out->user[out->count];
		memcpy(u->name, p, (size_t)(colon - p));
		u->name[colon - p] = '\0';
		memcpy(u->hash, colon + 1, (size_t)(eol - colon - 1));
		u->hash[eol - colon - 1] = '\0';
		for (i = 0; i < out->count; i++) {
			if (strcmp(out->user[i].name, u->name) == 0) {
				return web_auth_fail(err, errcap, "%s:%zu: user %s "
				    "named twice", name, line, u->name);
			}
		}
		out->count++;
		p = eol + 1;
	}
	return 0;
}

/* Read a small regular file (not a symlink) into a NUL-terminated buffer. */
static int
web_auth_read_file(const char *path, char **out, size_t *len)
{
	struct stat sb;
	char *buf = NULL;
	size_t got = 0;
	ssize_t n;
	int fd;
	int rc = 0;

	*out = NULL;
	*len = 0;
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		return -errno;
	}
	if (fstat(fd, &sb) != 0) {
		rc = -errno;
		goto out;
	}
	if (!S_ISREG(sb.st_mode) || sb.st_size > WEB_PASSWD_FILE_MAX) {
		rc = -EINVAL;
		goto out;
	}
	buf = malloc((size_t)sb.st_size + 1);
	if (buf == NULL) {
		rc = -ENOMEM;
		goto out;
	}
	while (got < (size_t)sb.st_size) {
		n = read(fd, buf + got, (size_t)sb.st_size - got);
		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n <= 0) {
			rc = n < 0 ? -errno : -EIO;
			goto out;
		}
		got += (size_t)n;
	}
	buf[got] = '\0';
	*out = buf;
	*len = got;
	buf = NULL;
out:
	free(buf);
	close(fd);
	return rc;
}

int
web_auth_load_passwd(const char *path, struct web_users *out, char *err,
    size_t errcap)
{
	char *text = NULL;
	size_t len = 0;
	int rc;

	memset(out, 0, sizeof(*out));
	rc = web_auth_read_file(path, &text, &len);
	if (rc != 0) {
		web_auth_fail(err, errcap, "%s: %s", path, rc == -EINVAL ?
		    "not a regular file of at most 64 KiB" : strerror(-rc));
		return rc;
	}
	rc = web_auth_parse_passwd(text, len, path, out, err, errcap);
	free(text);
	return rc;
}

int
web_auth_hash_password(const char *password, char *out, size_t cap)
{
	unsigned char salt[WEB_SALT_LEN];

	if (gnutls_rnd(GNUTLS_RND_RANDOM, salt, sizeof(salt)) != 0) {
		return -EIO;
	}
	if (argon2_encodedlen(WEB_ARGON2_T, WEB_ARGON2_M, WEB_ARGON2_P,
	    WEB_SALT_LEN, WEB_HASH_LEN, Argon2_id) > cap ||
	    argon2id_hash_encoded(WEB_ARGON2_T, WEB_ARGON2_M, WEB_ARGON2_P,
	    password, strlen(password), salt, sizeof(salt), WEB_HASH_LEN, out,
	    cap) != ARGON2_OK) {
		return -EIO;
	}
	return 0;
}

int
web_auth_make_token(char *out, size_t cap)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char raw[WEB_TOKEN_LEN / 2];
	size_t i;

	if (cap < WEB_TOKEN_LEN + 1 ||
	    gnutls_rnd(GNUTLS_RND_KEY, raw, sizeof(raw)) != 0) {
		return -EIO;
	}
	for (i = 0; i < sizeof(raw); i++) {
		out[2 * i] = hex[raw[i] >> 4];
		out[2 * i + 1] = hex[raw[i] & 15];
	}
	out[WEB_TOKEN_LEN] = '\0';
	gnutls_memset(raw, 0, sizeof(raw));
	return 0;
}

int
web_auth_equal(const char *a, const char *b)
{
	size_t la = strlen(a);
	size_t lb = strlen(b);
	unsigned char d = 0;
	size_t i;

	if (la != lb) {
		return 0;
	}
	for (i = 0; i < la; i++) {
		d |= (unsigned char)(a[i] ^ b[i]);
	}
	return d == 0;
}

int
web_auth_init(struct web_auth *a, const struct web_users *users)
{
	memset(a, 0, sizeof(*a));
	a->users = *users;
	if (web_auth_hash_password("iothunt-no-such-user", a->dummy_hash,
	    sizeof(a->dummy_hash)) != 0) {
		return -EIO;
	}
	pthread_mutex_init(&a->lock, NULL);
	return 0;
}

void
web_auth_destroy(struct web_auth *a)
{
	pthread_mutex_destroy(&a->lock);
	gnutls_memset(a->session, 0, sizeof(a->session));
}

/* The rate slot of addr; a fresh one (a free or else the oldest) if none. */
static struct web_rate_slot *
web_auth_addr_slot(struct web_auth *a, const char *addr, int64_t now)
{
	struct web_rate_slot *victim = NULL;
	struct web_rate_slot *c;
	size_t i;

	for (i = 0; i < WEB_RATE_ADDRS; i++) {
		c = &a->addr[i];
		if (c->key[0] != '\0' && strcmp(c->key, addr) == 0) {
			if (now - c->start >= WEB_RATE_ADDR_WINDOW) {
				c->start = now;
				c->fails = 0;
			}
			return c;
		}
		if (victim == NULL || (victim->key[0] != '\0' &&
		    (c->key[0] == '\0' || c->start < victim->start))) {
			victim = c;
		}
	}
	if (snprintf(victim->key, sizeof(victim->key), "%s", addr) < 0) {
		victim->key[0] = '\0';
	}
	victim->start = now;
	victim->fails = 0;
	return victim;
}

static int
web_auth_find_user(const struct web_auth *a, const char *user)
{
	size_t i;

	for (i = 0; i < a->users.count; i++) {
		if (strcmp(a->users.user[i].name, user) == 0) {
			return (int)i;
		}
	}
	return -1;
}

static int
web_auth_new_session(struct web_auth *a, const char *user, int64_t now,
    struct web_session *out)
{
	struct web_session *s = NULL;
	size_t i;

	for (i = 0; i < WEB_SESSIONS_MAX; i++) {
		struct web_session *c = &a->session[i];

		if (c->token[0] != '\0' && (now - c->last >= WEB_SESSION_IDLE ||
		    now - c->created >= WEB_SESSION_LIFE)) {
			memset(c, 0, sizeof(*c));
		}
		if (c->token[0] == '\0' && s == NULL) {
			s = c;
		}
	}
	if (s == NULL) {
		return -ENOSPC;
	}
	if (web_auth_make_token(s->token, sizeof(s->token)) != 0 ||
	    web_auth_make_token(s->csrf, sizeof(s->csrf)) != 0 ||
	    snprintf(s->user, sizeof(s->user), "%s", user) < 0) {
		memset(s, 0, sizeof(*s));
		return -EIO;
	}
	s->created = now;
	s->last = now;
	*out = *s;
	return 0;
}

enum web_login_result
web_auth_login(struct web_auth *a, const char *addr, const char *user,
    const char *password, int64_t now, struct web_session *out)
{
	struct web_rate_slot *slot;
	char hash[WEB_HASH_MAX + 1];
	enum web_login_result res;
	int ok;
	int u;

	pthread_mutex_lock(&a->lock);
	slot = web_auth_addr_slot(a, addr, now);
	u = web_auth_find_user(a, user);
	if (u >= 0 && now - a->user_start[u] >= WEB_RATE_USER_WINDOW) {
		a->user_start[u] = now;
		a->user_fails[u] = 0;
	}
	if (slot->fails >= WEB_RATE_ADDR_FAILS ||
	    (u >= 0 && a->user_fails[u] >= WEB_RATE_USER_FAILS)) {
		pthread_mutex_unlock(&a->lock);
		return WEB_LOGIN_LIMITED;
	}
	/* count the attempt before the slow check: parallel guesses from one
	 * address cannot outrun the limit; a success gives it back */
	slot->fails++;
	if (u >= 0) {
		a->user_fails[u]++;
	}
	memcpy(hash, u >= 0 ? a->users.user[u].hash : a->dummy_hash, sizeof(hash));
	pthread_mutex_unlock(&a->lock);

	ok = argon2id_verify(hash, password, strlen(password)) == ARGON2_OK &&
	    u >= 0;

	pthread_mutex_lock(&a->lock);
	if (!ok) {
		res = WEB_LOGIN_BAD;
	} else {
		slot = web_auth_addr_slot(a, addr, now);
		if (slot->fails > 0) {
			slot->fails--;
		}
		if (a->user_fails[u] > 0) {
			a->user_fails[u]--;
		}
		res = web_auth_new_session(a, user, now, out) == 0 ?
		    WEB_LOGIN_OK : WEB_LOGIN_ERROR;
	}
	pthread_mutex_unlock(&a->lock);
	return res;
}

int
web_auth_get_session(struct web_auth *a, const char *token, int64_t now,
    struct web_session *out)
{
	size_t i;
	int rc = -ENOENT;

	if (token == NULL || strlen(token) != WEB_TOKEN_LEN) {
		return -ENOENT;
	}
	pthread_mutex_lock(&a->lock);
	for (i = 0; i < WEB_SESSIONS_MAX; i++) {
		struct web_session *s = &a->session[i];

		if (s->token[0] == '\0' || !web_auth_equal(s->token, token)) {
			continue;
		}
		if (now - s->last >= WEB_SESSION_IDLE ||
		    now - s->created >= WEB_SESSION_LIFE) {
			memset(s, 0, sizeof(*s));
			break;
		}
		s->last = now;
		*out = *s;
		rc = 0;
		break;
	}
	pthread_mutex_unlock(&a->lock);
	return rc;
}

void
web_auth_end_session(struct web_auth *a, const char *token)
{
	size_t i;

	if (token == NULL || strlen(token) != WEB_TOKEN_LEN) {
		return;
	}
	pthread_mutex_lock(&a->lock);
	for (i = 0; i < WEB_SESSIONS_MAX; i++) {
		if (a->session[i].token[0] != '\0' &&
		    web_auth_equal(a->session[i].token, token)) {
			memset(&a->session[i], 0, sizeof(a->session[i]));
		}
	}
	pthread_mutex_unlock(&a->lock);
}

/* One line of a password from fd 0 without its newline; echo off on a tty. */
static int
web_auth_read_password(const char *prompt, char *out, size_t cap)
{
	struct termios old;
	struct termios quiet;
	int tty = isatty(0);
	size_t len = 0;
	ssize_t n;
	char c;
	int rc = 0;

	if (tty) {
		fprintf(stderr, "%s", prompt);
		if (tcgetattr(0, &old) != 0) {
			return -errno;
		}
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		if (tcsetattr(0, TCSAFLUSH, &quiet) != 0) {
			return -errno;
		}
	}
	for (;;) {
		n = read(0, &c, 1);
		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n <= 0 || c == '\n') {
			break;
		}
		if (len + 1 >= cap) {
			rc = -E2BIG;
			continue;
		}
		out[len++] = c;
	}
	if (len > 0 && out[len - 1] == '\r') {
		len--;
	}
	out[len] = '\0';
	if (tty) {
		tcsetattr(0, TCSAFLUSH, &old);
		fprintf(stderr, "\n");
	}
	if (rc == 0 && len == 0) {
		rc = -EINVAL;
	}
	return rc;
}

/* Write users to path aside (mode 0600), fsync, rename over path. */
static int
web_auth_write_passwd(const char *path, const struct web_users *users)
{
	char tmp[4096];
	FILE *f = NULL;
	size_t i;
	int fd = -1;
	int rc = 0;

	if (snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= (int)sizeof(tmp)) {
		return -ENAMETOOLONG;
	}
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0) {
		return -errno;
	}
	f = fdopen(fd, "w");
	if (f == NULL) {
		rc = -errno;
		close(fd);
		goto out;
	}
	fprintf(f, "# iothunt-collector fleet view operators: USER:ARGON2ID-HASH\n");
	for (i = 0; i < users->count; i++) {
		fprintf(f, "%s:%s\n", users->user[i].name, users->user[i].hash);
	}
	if (fflush(f) != 0 || fsync(fileno(f)) != 0) {
		rc = -errno;
	}
	if (fclose(f) != 0 && rc == 0) {
		rc = -errno;
	}
	if (rc == 0 && rename(tmp, path) != 0) {
		rc = -errno;
	}
out:
	if (rc != 0) {
		unlink(tmp);
	}
	return rc;
}

int
web_auth_run_passwd(int argc, char **argv)
{
	static struct web_users users;
	char password[WEB_PASSWORD_MAX + 1];
	char again[WEB_PASSWORD_MAX + 1];
	char err[256];
	const char *file;
	const char *user;
	size_t i;
	int status = 2;
	int rc;

	if (argc != 3) {
		fprintf(stderr, "usage: iothunt-collector web-passwd FILE USER\n"
		    "  (the password is read from the terminal, or one line of "
		    "stdin)\n");
		return 2;
	}
	file = argv[1];
	user = argv[2];
	if (user[0] == '\0' || strlen(user) > WEB_USER_MAX) {
		fprintf(stderr, "iothunt-collector: a user name has 1-%d "
		    "characters\n", WEB_USER_MAX);
		return 2;
	}
	for (i = 0; user[i] != '\0'; i++) {
		if (!web_auth_user_char(user[i])) {
			fprintf(stderr, "iothunt-collector: user names are made "
			    "of A-Z a-z 0-9 . _ - @\n");
			return 2;
		}
	}
	rc = web_auth_load_passwd(file, &users, err, sizeof(err));
	if (rc == -ENOENT) {
		memset(&users, 0, sizeof(users));
	} else if (rc != 0) {
		fprintf(stderr, "iothunt-collector: %s\n", err);
		return 2;
	}
	if (web_auth_read_password("Password: ", password, sizeof(password)) != 0) {
		fprintf(stderr, "iothunt-collector: want a password of 1-%d "
		    "bytes\n", WEB_PASSWORD_MAX);
		goto out;
	}
	if (isatty(0)) {
		if (web_auth_read_password("Again: ", again, sizeof(again)) != 0 ||
		    strcmp(password, again) != 0) {
			fprintf(stderr, "iothunt-collector: the passwords differ\n");
			goto out;
		}
	}
	for (i = 0; i < users.count; i++) {
		if (strcmp(users.user[i].name, user) == 0) {
			break;
		}
	}
	if (i == users.count) {
		if (users.count == WEB_USERS_MAX) {
			fprintf(stderr, "iothunt-collector: %s has %d users already\n",
			    file, WEB_USERS_MAX);
			goto out;
		}
		users.count++;
	}
	if (snprintf(users.user[i].name, sizeof(users.user[i].name), "%s",
	    user) < 0 || web_auth_hash_password(password, users.user[i].hash,
	    sizeof(users.user[i].hash)) != 0) {
		fprintf(stderr, "iothunt-collector: cannot hash the password\n");
		goto out;
	}
	rc = web_auth_write_passwd(file, &users);
	if (rc != 0) {
		fprintf(stderr, "iothunt-collector: cannot write %s: %s\n", file,
		    strerror(-rc));
		goto out;
	}
	fprintf(stderr, "iothunt-collector: %s: password of %s set\n", file, user);
	status = 0;
out:
	gnutls_memset(password, 0, sizeof(password));
	gnutls_memset(again, 0, sizeof(again));
	return status;
}
