/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Unit tests of the fleet view's pieces: escaping (HTML, URL, CSV), the
 * password file parser, login rate limits and sessions on a moved clock,
 * the family of a finding, and the store's read functions (devices with
 * their open findings, newest-first findings, findings per day).
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "ingest.h"
#include "store.h"
#include "web_auth.h"
#include "web_out.h"
#include "web_page.h"

/* A real hash of "right-password" (t=1, m=8 KiB to keep the test quick). */
static const char test_hash[] =
    "$argon2id$v=19$m=8,t=1,p=1$c29tZXNhbHRzb21lc2FsdA"
    "$BEixYrSzzazZszJNILR7L5zSJEHKivrHDLNN43eeBcY";

static char *
test_render(void (*fn)(struct web_out *, const char *), const char *in)
{
	struct web_out o;
	char *text;
	size_t len;

	web_out_init(&o, 4096);
	fn(&o, in);
	assert_int_equal(web_out_take(&o, &text, &len), 0);
	assert_int_equal(strlen(text), len);
	return text;
}

static void
test_html_escape(void **state)
{
	static const struct {
		const char *in;
		const char *want;
	} cases[] = {
		{ "plain /tmp/x", "plain /tmp/x" },
		{ "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;" },
		{ "\"><img src=x onerror=alert(1)>", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" },
		{ "a'b&c", "a&#39;b&amp;c" },
		{ "bell\a\x1b[31m", "bell\xef\xbf\xbd\xef\xbf\xbd[31m" },
		{ "", "" },
	};
	size_t i;
	char *s;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		s = test_render(web_out_html, cases[i].in);
		assert_string_equal(s, cases[i].want);
		free(s);
	}
}

static void
test_url_csv(void **state)
{
	static const struct {
		const char *in;
		const char *want;
	} csv[] = {
		{ "plain", "plain" },
		{ "a,b", "\"a,b\"" },
		{ "say \"hi\"", "\"say \"\"hi\"\"\"" },
		{ "=cmd|' /C calc'!A0", "\"'=cmd|' /C calc'!A0\"" },
		{ "@SUM(1)", "\"'@SUM(1)\"" },
		{ "line\nbreak", "\"line\nbreak\"" },
	};
	size_t i;
	char *s;

	(void)state;
	s = test_render(web_out_url, "dev-1.a_b~ &x=<y>");
	assert_string_equal(s, "dev-1.a_b~%20%26x%3D%3Cy%3E");
	free(s);
	for (i = 0; i < sizeof(csv) / sizeof(csv[0]); i++) {
		s = test_render(web_out_csv, csv[i].in);
		assert_string_equal(s, csv[i].want);
		free(s);
	}
}

static void
test_out_cap(void **state)
{
	struct web_out o;
	char *text;
	size_t len;

	(void)state;
	web_out_init(&o, 8);
	web_out_puts(&o, "12345");
	web_out_puts(&o, "6789");
	assert_int_equal(web_out_take(&o, &text, &len), -E2BIG);
	assert_null(text);
}

static void
test_passwd_parse(void **state)
{
	static const struct {
		const char *text;
		const char *err;   /* NULL: accepted */
		size_t users;
	} cases[] = {
		{ "", NULL, 0 },
		{ "# comment\n\nadmin:$H\n", NULL, 1 },
		{ "admin:$H\nops@example:$H\n", NULL, 2 },
		{ "admin:$H", "f:1: line without a final newline", 0 },
		{ "\nadmin\n", "f:2: want USER:HASH", 0 },
		{ "ad min:$H\n", "f:1: user names", 0 },
		{ "admin:$H\nadmin:$H\n", "f:2: user admin named twice", 0 },
		{ "admin:$argon2i$v=19$m=8,t=1,p=1$c2FsdA$aGFzaA\n", "f:1: not an Argon2id", 0 },
		{ "admin:$argon2id$v=19$m=8,t=0,p=1$c2FsdA$aGFzaA\n", "f:1: not an Argon2id", 0 },
		{ "admin:$argon2id$v=19$m=99999999,t=1,p=1$c2FsdA$aGFzaA\n", "f:1: not an Argon2id", 0 },
		{ "admin:$argon2id$v=19$m=8,t=1,p=1$c2FsdA$\n", "f:1: not an Argon2id", 0 },
		{ "admin:$argon2id$v=19$m=8,t=1,p=1$c2F*dA$aGFzaA\n", "f:1: not an Argon2id", 0 },
		{ ":$H\n", "f:1: want USER:HASH", 0 },
	};
	struct web_users users;
	char text[512];
	char err[160];
	const char *p;
	size_t i;
	size_t n;
	int rc;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		/* $H stands for the real test hash */
		n = 0;
		for (p = cases[i].text; *p != '\0'; p++) {
			if (p[0] == '$' && p[1] == 'H') {
				memcpy(text + n, test_hash, strlen(test_hash));
				n += strlen(test_hash);
				p++;
			} else {
				text[n++] = *p;
			}
		}
		text[n] = '\0';
		err[0] = '\0';
		rc = web_auth_parse_passwd(text, n, "f", &users, err, sizeof(err));
		if (cases[i].err == NULL) {
			assert_int_equal(rc, 0);
			assert_int_equal(users.count, cases[i].users);
		} else {
			assert_int_equal(rc, -EINVAL);
			if (strncmp(err, cases[i].err, strlen(cases[i].err)) != 0) {
				fail_msg("case %zu: error '%s', want '%s...'", i, err,
				    cases[i].err);
			}
		}
	}
}

static struct web_auth *
test_auth(void)
{
	struct web_users users;
	struct web_auth *a = malloc(sizeof(*a));

	assert_non_null(a);
	memset(&users, 0, sizeof(users));
	users.count = 2;
	snprintf(users.user[0].name, sizeof(users.user[0].name), "admin");
	snprintf(users.user[0].hash, sizeof(users.user[0].hash), "%s", test_hash);
	snprintf(users.user[1].name, sizeof(users.user[1].name), "ops");
	snprintf(users.user[1].hash, sizeof(users.user[1].hash), "%s", test_hash);
	assert_int_equal(web_auth_init(a, &users), 0);
	return a;
}

static void
test_login_limits(void **state)
{
	struct web_auth *a = test_auth();
	struct web_session s;
	char addr[32];
	int64_t t = 1000000;
	int i;

	(void)state;
	assert_int_equal(web_auth_login(a, "10.0.0.1", "admin", "right-password",
	    t, &s), WEB_LOGIN_OK);
	assert_int_equal(strlen(s.token), WEB_TOKEN_LEN);
	assert_int_equal(strlen(s.csrf), WEB_TOKEN_LEN);
	assert_string_not_equal(s.token, s.csrf);
	/* per address: WEB_RATE_ADDR_FAILS failures, then even the right
	 * password is refused until the window has passed */
	for (i = 0; i < WEB_RATE_ADDR_FAILS; i++) {
		assert_int_equal(web_auth_login(a, "10.0.0.2", "admin", "wrong", t,
		    &s), WEB_LOGIN_BAD);
	}
	assert_int_equal(web_auth_login(a, "10.0.0.2", "admin", "right-password",
	    t + 1, &s), WEB_LOGIN_LIMITED);
	assert_int_equal(web_auth_login(a, "10.0.0.3", "admin", "right-password",
	    t + 1, &s), WEB_LOGIN_OK);
	assert_int_equal(web_auth_login(a, "10.0.0.2", "admin", "right-password",
	    t + WEB_RATE_ADDR_WINDOW, &s), WEB_LOGIN_OK);
	/* unknown users fail like wrong passwords, and count per address */
	assert_int_equal(web_auth_login(a, "10.0.0.4", "nobody", "right-password",
	    t, &s), WEB_LOGIN_BAD);
	/* per user, from many addresses */
	t += 10000;
	for (i = 0; i < WEB_RATE_USER_FAILS; i++) {
		snprintf(addr, sizeof(addr), "10.1.0.%d", i);
		assert_int_equal(web_auth_login(a, addr, "ops", "wrong", t, &s),
		    WEB_LOGIN_BAD);
	}
	assert_int_equal(web_auth_login(a, "10.2.0.1", "ops", "right-password",
	    t, &s), WEB_LOGIN_LIMITED);
	assert_int_equal(web_auth_login(a, "10.2.0.1", "admin", "right-password",
	    t, &s), WEB_LOGIN_OK);
	assert_int_equal(web_auth_login(a, "10.2.0.1", "ops", "right-password",
	    t + WEB_RATE_USER_WINDOW, &s), WEB_LOGIN_OK);
	web_auth_destroy(a);
	free(a);
}

static void
test_sessions(void **state)
{
	struct web_auth *a = test_auth();
	struct web_session s;
	struct web_session got;
	char token[WEB_TOKEN_LEN + 1];
	int64_t t = 5000000;

	(void)state;
	assert_int_equal(web_auth_login(a, "10.0.0.1", "admin", "right-password",
	    t, &s), WEB_LOGIN_OK);
	assert_int_equal(web_auth_get_session(a, s.token, t + 10, &got), 0);
	assert_string_equal(got.user, "admin");
	assert_string_equal(got.csrf, s.csrf);
	/* a wrong token of the right length, and one of another length */
	memcpy(token, s.token, sizeof(token));
	token[0] = token[0] == 'a' ? 'b' : 'a';
	assert_int_equal(web_auth_get_session(a, token, t + 10, &got), -ENOENT);
	assert_int_equal(web_auth_get_session(a, "abc", t + 10, &got), -ENOENT);
	assert_int_equal(web_auth_get_session(a, NULL, t + 10, &got), -ENOENT);
	/* idle timeout counts from the last request */
	assert_int_equal(web_auth_get_session(a, s.token,
	    t + 10 + WEB_SESSION_IDLE - 1, &got), 0);
	assert_int_equal(web_auth_get_session(a, s.token,
	    t + 10 + 2 * WEB_SESSION_IDLE, &got), -ENOENT);
	/* logout ends it */
	assert_int_equal(web_auth_login(a, "10.0.0.1", "admin", "right-password",
	    t, &s), WEB_LOGIN_OK);
	web_auth_end_session(a, s.token);
	assert_int_equal(web_auth_get_session(a, s.token, t + 1, &got), -ENOENT);
	web_auth_destroy(a);
	free(a);
}

static void
test_family(void **state)
{
	static const struct {
		const char *json;
		const char *want;
	} cases[] = {
		{ "{\"family\":\"Gafgyt\",\"rule\":\"Mirai_X\"}", "Gafgyt" },
		{ "{\"ioc_source\":\"threatfox:botnet_cc:Mirai:100:2026-06-13\"}", "Mirai" },
		{ "{\"ioc_source\":\"threatfox:payload:Mozi\"}", "Mozi" },
		{ "{\"ioc_source\":\"list:feed.txt\",\"rule\":\"Mirai_MIPS_MSB\"}", "Mirai" },
		{ "{\"ioc_source\":\"list:feed.txt\"}", "" },
		{ "{\"rule\":\"Tsunami\"}", "Tsunami" },
		{ "{\"rule\":\"-A INPUT -p tcp --dport 7547 -j DROP\"}", "" },
		{ "{}", "" },
	};
	char out[16];
	json_t *obj;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		obj = json_loads(cases[i].json, 0, NULL);
		assert_non_null(obj);
		assert_string_equal(web_page_family(obj, out, sizeof(out)),
		    cases[i].want);
		json_decref(obj);
	}
}

/* store read functions */

struct test_devs {
	char agent[8][16];
	char verdict[8][16];
	int64_t open[8][4];
	int silent[8];
	size_t n;
};

static int
test_collect_dev(const struct store_device *d, void *arg)
{
	struct test_devs *t = arg;

	assert_true(t->n < 8);
	snprintf(t->agent[t->n], 16, "%s", d->agent);
	snprintf(t->verdict[t->n], 16, "%s", d->verdict != NULL ? d->verdict : "-");
	memcpy(t->open[t->n], d->open, sizeof(d->open));
	t->silent[t->n] = d->silent_raised;
	t->n++;
	return 0;
}

static int
test_count_rows(const struct store_row *row, void *arg)
{
	int64_t *last = arg;

	/* newest received first */
	assert_true(last[0] == 0 || row->received <= last[0]);
	last[0] = row->received;
	last[1]++;
	return 0;
}

static int
test_sum_days(int64_t day, const char *severity, int64_t count, void *arg)
{
	int64_t *sum = arg;

	(void)day;
	(void)severity;
	sum[0] += count;
	sum[1]++;
	return 0;
}

static void
test_put(const struct store_backend *be, struct store *st, const char *agent,
    const char *body, int64_t received)
{
	struct ingest_batch batch = { NULL, 0, 0 };
	struct ingest_error err;
	int64_t acked;

	assert_int_equal(ingest_parse_batch(body, strlen(body), &batch, &err), 0);
	assert_int_equal(ingest_stamp_batch(&batch, agent, received), 0);
	assert_int_equal(ingest_stamp_version(&batch, "iothunt/1.2.3 extra"), 0);
	assert_int_equal(be->put_batch(st, agent, &batch, received, &acked), 0);
	ingest_free_batch(&batch);
}

#define F(seq, type, sev) "{\"type\":\"" type "\",\"severity\":\"" sev \
    "\",\"summary\":\"s\",\"ts\":1,\"seq\":" #seq "}\n"
#define S(seq, verdict) "{\"type\":\"summary\",\"severity\":\"low\"," \
    "\"summary\":\"s\",\"ts\":1,\"seq\":" #seq ",\"verdict\":\"" verdict \
    "\",\"interval\":60}\n"

static void
test_store_reads(void **state)
{
	const struct store_backend *be = &store_sqlite;
	char dir[] = "/tmp/iothunt-web-XXXXXX";
	char db[64];
	char p[80];
	struct store *st;
	struct store *ro;
	struct test_devs devs;
	struct store_find flt = { NULL, NULL, "summary", NULL, -1, -1 };
	int64_t rows[2];
	int64_t sum[2];
	int64_t t0 = 1800000000;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(db, sizeof(db), "%s/db.sqlite", dir);
	assert_int_equal(be->open(db, 0, &st), 0);
	/* a: infected, then infected again with fewer findings: only the
	 * newest scan's findings are open */
	test_put(be, st, "a", F(1, "ioc_connection", "critical")
	    F(2, "yara_match", "high") S(3, "INFECTED"), t0 - 2 * 86400);
	test_put(be, st, "a", F(4, "ioc_connection", "critical") S(5, "INFECTED"),
	    t0);
	/* b: infected, then clean: nothing open */
	test_put(be, st, "b", F(1, "ioc_connection", "critical") S(2, "INFECTED"),
	    t0 - 86400);
	test_put(be, st, "b", S(3, "CLEAN"), t0);
	/* c: findings, no summary yet: all open, no verdict */
	test_put(be, st, "c", F(1, "tmp_exec", "medium") F(2, "tmp_exec", "low"), t0);
	assert_int_equal(be->open(db, 1, &ro), 0);

	memset(&devs, 0, sizeof(devs));
	assert_int_equal(be->list_devices(ro, NULL, test_collect_dev, &devs), 0);
	assert_int_equal(devs.n, 3);
	assert_string_equal(devs.agent[0], "a");
	assert_string_equal(devs.verdict[0], "INFECTED");
	assert_int_equal(devs.open[0][3], 1);
	assert_int_equal(devs.open[0][2], 0);
	assert_string_equal(devs.verdict[1], "CLEAN");
	assert_int_equal(devs.open[1][3], 0);
	assert_string_equal(devs.verdict[2], "-");
	assert_int_equal(devs.open[2][1], 1);
	assert_int_equal(devs.open[2][0], 1);

	memset(&devs, 0, sizeof(devs));
	assert_int_equal(be->list_devices(ro, "b", test_collect_dev, &devs), 0);
	assert_int_equal(devs.n, 1);
	assert_string_equal(devs.agent[0], "b");
	memset(&devs, 0, sizeof(devs));
	assert_int_equal(be->list_devices(ro, "zz", test_collect_dev, &devs), 0);
	assert_int_equal(devs.n, 0);

	memset(rows, 0, sizeof(rows));
	assert_int_equal(be->find(ro, &flt, test_count_rows, rows), 0);
	assert_int_equal(rows[1], 6);
	flt.agent = "a";
	flt.severity = "critical";
	memset(rows, 0, sizeof(rows));
	assert_int_equal(be->find(ro, &flt, test_count_rows, rows), 0);
	assert_int_equal(rows[1], 2);
	flt.since = t0 - 86400;
	memset(rows, 0, sizeof(rows));
	assert_int_equal(be->find(ro, &flt, test_count_rows, rows), 0);
	assert_int_equal(rows[1], 1);

	memset(sum, 0, sizeof(sum));
	assert_int_equal(be->count_days(ro, NULL, t0 - 10 * 86400, t0 + 1,
	    test_sum_days, sum), 0);
	assert_int_equal(sum[0], 6);
	memset(sum, 0, sizeof(sum));
	assert_int_equal(be->count_days(ro, "a", t0 - 86400, t0 + 1,
	    test_sum_days, sum), 0);
	assert_int_equal(sum[0], 1);

	be->close(ro);
	be->close(st);
	snprintf(p, sizeof(p), "%s-wal", db);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", db);
	unlink(p);
	unlink(db);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html_escape),
		cmocka_unit_test(test_url_csv),
		cmocka_unit_test(test_out_cap),
		cmocka_unit_test(test_passwd_parse),
		cmocka_unit_test(test_login_limits),
		cmocka_unit_test(test_sessions),
		cmocka_unit_test(test_family),
		cmocka_unit_test(test_store_reads),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
