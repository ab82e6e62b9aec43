/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef IOTHUNT_COLLECTOR_WEB_AUTH_H
#define IOTHUNT_COLLECTOR_WEB_AUTH_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Operators of the fleet view: a password file of Argon2id hashes, login
 * rate limits per source address and per user, and sessions (random tokens
 * held in memory only). All functions take the time as an argument so the
 * tests can move the clock.
 */

#define WEB_USER_MAX 64          /* bytes of a user name */
#define WEB_USERS_MAX 64         /* users in one password file */
#define WEB_HASH_MAX 160         /* bytes of one encoded hash */
#define WEB_PASSWORD_MAX 256     /* bytes of a password */
#define WEB_PASSWD_FILE_MAX (64 * 1024)
#define WEB_TOKEN_LEN 64         /* hex characters of a session or CSRF token */
#define WEB_SESSIONS_MAX 256
#define WEB_SESSION_IDLE (30 * 60)       /* seconds without a request */
#define WEB_SESSION_LIFE (12 * 3600)     /* seconds after the login */
#define WEB_RATE_ADDR_FAILS 5            /* failed logins per address ... */
#define WEB_RATE_ADDR_WINDOW (5 * 60)    /* ... per this many seconds */
#define WEB_RATE_USER_FAILS 10           /* failed logins per user ... */
#define WEB_RATE_USER_WINDOW (15 * 60)   /* ... per this many seconds */
#define WEB_RATE_ADDRS 1024              /* addresses tracked at once */

/* Argon2id cost of new hashes (RFC 9106's second recommendation, 1 lane). */
#define WEB_ARGON2_T 3
#define WEB_ARGON2_M (64 * 1024)         /* KiB */
#define WEB_ARGON2_P 1

struct web_user {
	char name[WEB_USER_MAX + 1];
	char hash[WEB_HASH_MAX + 1];
};

struct web_users {
	struct web_user user[WEB_USERS_MAX];
	size_t count;
};

struct web_rate_slot {
	char key[48];       /* source address (an IPv6 one as its /64) */
	int64_t start;      /* window start */
	unsigned fails;
};

struct web_session {
	char token[WEB_TOKEN_LEN + 1];   /* "" : free slot */
	char csrf[WEB_TOKEN_LEN + 1];
	char user[WEB_USER_MAX + 1];
	int64_t created;
	int64_t last;
};

struct web_auth {
	pthread_mutex_t lock;
	struct web_users users;
	struct web_rate_slot addr[WEB_RATE_ADDRS];
	int64_t user_start[WEB_USERS_MAX];
	unsigned user_fails[WEB_USERS_MAX];
	struct web_session session[WEB_SESSIONS_MAX];
	char dummy_hash[WEB_HASH_MAX + 1];   /* verified for unknown users */
};

/*
 * Parse a password file.
 * Grammar: file  = *line            ; at most WEB_PASSWD_FILE_MAX bytes
 *          line  = ( blank / "#" *VCHAR / user ":" hash ) LF
 *          user  = 1*64( ALPHA / DIGIT / "." / "_" / "-" / "@" )
 *          hash  = "$argon2id$v=19$m=" m ",t=" t ",p=" p "$" b64 "$" b64
 *                  ; m 8..4194304 KiB, t 1..16, p 1..16, at most 160 bytes
 * A user named twice, a line without LF at the end of the file, more than
 * WEB_USERS_MAX users are errors. Returns 0 with *out filled, or -EINVAL
 * with err = "NAME:LINE: reason".
 */
int web_auth_parse_passwd(const char *text, size_t len, const char *name,
    struct web_users *out, char *err, size_t errcap);

/*
 * Read and parse the password file at path (regular file, not a symlink,
 * at most WEB_PASSWD_FILE_MAX bytes). Returns 0 or a negative errno with
 * err set.
 */
int web_auth_load_passwd(const char *path, struct web_users *out, char *err,
    size_t errcap);

/*
 * Hash password with Argon2id at the WEB_ARGON2_* cost and a random salt
 * into out (encoded form, NUL-terminated). Returns 0 or -EIO.
 */
int web_auth_hash_password(const char *password, char *out, size_t cap);

/*
 * `iothunt-collector web-passwd FILE USER`: read a password (twice from a
 * terminal without echo, else one line of stdin), and add USER to FILE or
 * replace its hash, writing the file aside and renaming it (mode 0600).
 * Returns the exit status.
 */
int web_auth_run_passwd(int argc, char **argv);

/* Set up auth with users (copied); 0 or -EIO. */
int web_auth_init(struct web_auth *a, const struct web_users *users);

/* Release what web_auth_init took. */
void web_auth_destroy(struct web_auth *a);

enum web_login_result {
	WEB_LOGIN_OK = 0,
	WEB_LOGIN_BAD = 1,       /* unknown user or wrong password */
	WEB_LOGIN_LIMITED = 2,   /* rate limit: not even checked */
	WEB_LOGIN_ERROR = 3      /* no free session, no randomness */
};

/*
 * Check a login from address addr at time now. A limited address or user
 * is answered WEB_LOGIN_LIMITED without running the KDF; a failure counts
 * against addr and (a known) user. On WEB_LOGIN_OK, *out is a new session
 * (copied out). Unknown users cost the same KDF as known ones.
 */
enum web_login_result web_auth_login(struct web_auth *a, const char *addr,
    const char *user, const char *password, int64_t now,
    struct web_session *out);

/*
 * Find the live session of token at time now and refresh its idle timer;
 * 0 with *out copied, or -ENOENT (unknown, idle or too old: then freed).
 */
int web_auth_get_session(struct web_auth *a, const char *token, int64_t now,
    struct web_session *out);

/* End the session of token (if any). */
void web_auth_end_session(struct web_auth *a, const char *token);

/* Fill out with WEB_TOKEN_LEN random hex characters and a NUL; 0 or -EIO. */
int web_auth_make_token(char *out, size_t cap);

/* Compare two NUL-terminated strings in time independent of where they
 * differ (length may leak). Returns 1 when equal. */
int web_auth_equal(const char *a, const char *b);

#endif
