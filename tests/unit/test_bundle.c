/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_bundle.c - signed intel bundles (agent/bundle.c): the parser on good
 * and damaged input, the signature against trusted and untrusted keys, the
 * version, expiry, size and content checks, atomic install with the active
 * bundle kept on every refusal, the refusal note and the findings a scan
 * reports.  Data: tests/data/bundle (mkbundles.sh).
 */
#include "bundle.h"
#include "util.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#define D "tests/data/bundle/"
#define NOW 1765100000LL    /* 2025-12-07: after every creation time */

static char *slurp(const char *path, size_t *len)
{
    char *buf = NULL;

    assert_int_equal(util_read_file(path, 1 << 20, &buf, len), IH_OK);
    return buf;
}

static void cfg(struct bundle_cfg *c, const char *path, const char *key)
{
    memset(c, 0, sizeof *c);
    c->path = path;
    c->keys[0] = key;
}

static void test_parse_good(void **state)
{
    struct bundle b;
    char why[96];
    size_t len;
    char *buf = slurp(D "good-v5.bundle", &len);

    (void)state;
    assert_int_equal(bundle_parse(buf, len, &b, why, sizeof why), IH_OK);
    assert_int_equal(b.version, 5);
    assert_int_equal(b.created, 1764979200);
    assert_int_equal(b.expires, 4102444800LL);
    assert_int_equal(b.n_files, 3);
    assert_string_equal(b.files[0].name, "iocs.csv");
    assert_string_equal(b.files[1].name, "unit.yar");
    assert_string_equal(b.files[2].name, "site.allow");
    assert_memory_equal(b.files[2].data, "ip 192.0.2.1", 12);
    assert_true(b.sig_len >= 64 && b.sig_len <= 72);
    assert_memory_equal(buf + b.signed_len, "sig ", 4);
    free(buf);
}

/* Every prefix is refused without a fault; so are damaged headers. */
static void test_parse_bad(void **state)
{
    static const char *const bad[] = {
        "", "iothunt-bundle 2\nversion 1\ncreated 1\nexpires 2\nsig 00\n",
        "iothunt-bundle 1\nversion 0\ncreated 1\nexpires 2\nsig 00\n",
        "iothunt-bundle 1\nversion 1\ncreated 1\nsig 00\n",
        "iothunt-bundle 1\nversion 1\ncreated 1\nexpires 2\nfile ../x.yar 1\na\nsig 00\n", /* a hostile name, not a repository path */
        "iothunt-bundle 1\nversion 1\ncreated 1\nexpires 2\nfile x.sh 1\na\nsig 00\n",
        "iothunt-bundle 1\nversion 1\ncreated 1\nexpires 2\nfile x.yar 5\na\nsig 00\n",
        "iothunt-bundle 1\nversion 1\ncreated 1\nexpires 2\nfile x.yar 99999999999\na\nsig 00\n",
        "iothunt-bundle 1\nversion 1\ncreated 1\nexpires 2\nsig 0\n",
        "iothunt-bundle 1\nversion 1\ncreated 1\nexpires 2\nsig zz\n",
        "iothunt-bundle 1\nversion 1\ncreated 1\nexpires 2\nsig 00\nmore",
        "iothunt-bundle 1\nversion 1\ncreated 1\nexpires 2\nsig \n",
    };
    struct bundle b;
    char why[96];
    size_t i, len;
    char *buf = slurp(D "good-v5.bundle", &len);

    (void)state;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(bundle_parse(bad[i], strlen(bad[i]), &b, why, sizeof why), IH_EPARSE);
        assert_true(why[0] != '\0');
    }
    for (i = 0; i < len; i++) {
        assert_int_equal(bundle_parse(buf, i, &b, why, sizeof why), IH_EPARSE);
    }
    free(buf);
}

static void test_check(void **state)
{
    struct bundle_cfg c;
    struct bundle b;
    char why[160];
    size_t len, len7, len8;
    char *buf = slurp(D "good-v5.bundle", &len);
    char *bad7 = slurp(D "bad-rule-v7.bundle", &len7);
    char *bad8 = slurp(D "bad-ioc-v8.bundle", &len8);
    char keep;

    (void)state;
    util_diag_quiet = 1;
    cfg(&c, "/nonexistent", D "test.pub");
    assert_int_equal(bundle_check(&c, buf, len, 0, NOW, &b, why, sizeof why), IH_OK);
    assert_int_equal(bundle_check(&c, buf, len, 4, NOW, &b, why, sizeof why), IH_OK);
    /* older or equal version */
    assert_int_not_equal(bundle_check(&c, buf, len, 5, NOW, &b, why, sizeof why), IH_OK);
    assert_string_equal(why, "version 5 is not newer than the active 5");
    assert_int_not_equal(bundle_check(&c, buf, len, 9, NOW, &b, why, sizeof why), IH_OK);
    /* expired */
    assert_int_not_equal(bundle_check(&c, buf, len, 0, 4102444800LL, &b, why, sizeof why), IH_OK);
    assert_string_equal(why, "version 5 expired");
    /* size cap */
    c.max_bytes = len - 1;
    assert_int_equal(bundle_check(&c, buf, len, 0, NOW, &b, why, sizeof why), IH_ETOOBIG);
    assert_non_null(strstr(why, "over the cap"));
    c.max_bytes = 0;
    /* one flipped bit in the body, then in the signature */
    buf[100] ^= 1;
    assert_int_equal(bundle_check(&c, buf, len, 0, NOW, &b, why, sizeof why), IH_EAUTH);
    buf[100] ^= 1;
    keep = buf[len - 10];
    buf[len - 10] = keep == '0' ? '1' : '0';
    assert_int_not_equal(bundle_check(&c, buf, len, 0, NOW, &b, why, sizeof why), IH_OK);
    assert_non_null(strstr(why, "signature"));
    buf[len - 10] = keep;
    /* another key; the next key of a rotation; no readable key */
    cfg(&c, "/nonexistent", D "other.pub");
    assert_int_equal(bundle_check(&c, buf, len, 0, NOW, &b, why, sizeof why), IH_EAUTH);
    c.keys[1] = D "test.pub";
    assert_int_equal(bundle_check(&c, buf, len, 0, NOW, &b, why, sizeof why), IH_OK);
    cfg(&c, "/nonexistent", "/nonexistent/key.pub");
    assert_int_equal(bundle_check(&c, buf, len, 0, NOW, &b, why, sizeof why), IH_EAUTH);
    assert_string_equal(why, "no trusted bundle key readable");
    /* valid signatures over content the agent cannot load */
    cfg(&c, "/nonexistent", D "test.pub");
    assert_int_not_equal(bundle_check(&c, bad7, len7, 0, NOW, &b, why, sizeof why), IH_OK);
    assert_non_null(strstr(why, "bad.yar does not load"));
    assert_int_not_equal(bundle_check(&c, bad8, len8, 0, NOW, &b, why, sizeof why), IH_OK);
    assert_non_null(strstr(why, "bad.txt does not load"));
    util_diag_quiet = 0;
    free(buf);
    free(bad7);
    free(bad8);
}

struct sink_rec {
    int n;
    enum finding_type type[4];
    char reason[4][96];
};

static int sink_emit(void *ctx, const struct finding *f)
{
    struct sink_rec *r = ctx;

    if (r->n < 4) {
        r->type[r->n] = f->type;
        (void)util_strlcpy(r->reason[r->n], f->reason, sizeof r->reason[0]);
        r->n++;
    }
    return IH_OK;
}

static void test_install(void **state)
{
    char dir[64], path[96], note[112], why[160], desc[128];
    struct bundle_cfg c;
    struct sink_rec rec;
    struct finding_sink sink = { sink_emit, &rec };
    struct stat st1, st2;
    size_t l5, l6, l7;
    char *v5 = slurp(D "good-v5.bundle", &l5);
    char *v6 = slurp(D "good-v6.bundle", &l6);
    char *v7 = slurp(D "bad-rule-v7.bundle", &l7);
    char *now_buf;
    size_t now_len;
    int stale;

    (void)state;
    util_diag_quiet = 1;
    (void)util_strlcpy(dir, "/tmp/iothunt-bundle-XXXXXX", sizeof dir);
    assert_non_null(mkdtemp(dir));
    assert_int_equal(util_fmt(path, sizeof path, "%s/active", dir), IH_OK);
    assert_int_equal(util_fmt(note, sizeof note, "%s/active.rejected", dir), IH_OK);
    cfg(&c, path, D "test.pub");
    bundle_describe(path, NOW, desc, sizeof desc);
    assert_string_equal(desc, "no bundle");
    assert_int_equal(bundle_install(&c, v5, l5, NOW, why, sizeof why), 0);
    bundle_describe(path, NOW, desc, sizeof desc);
    assert_string_equal(desc, "bundle v5, created 2025-12-06, age 1d");
    /* the same bytes: nothing written */
    assert_int_equal(stat(path, &st1), 0);
    assert_int_equal(bundle_install(&c, v5, l5, NOW, why, sizeof why), 1);
    assert_int_equal(stat(path, &st2), 0);
    assert_int_equal(st1.st_ino, st2.st_ino);
    /* a refusal keeps v5 and leaves a note; the scan reports it */
    assert_true(bundle_install(&c, v7, l7, NOW, why, sizeof why) < 0);
    now_buf = slurp(path, &now_len);
    assert_int_equal(now_len, l5);
    assert_memory_equal(now_buf, v5, l5);
    free(now_buf);
    assert_int_equal(access(note, F_OK), 0);
    memset(&rec, 0, sizeof rec);
    assert_int_equal(bundle_findings(path, NOW, &sink, &stale), IH_OK);
    assert_int_equal(rec.n, 1);
    assert_int_equal(rec.type[0], FT_BUNDLE_REJECTED);
    assert_non_null(strstr(rec.reason[0], "bad.yar does not load"));
    assert_int_equal(stale, 0);
    /* the same refusal again: the note is not rewritten */
    assert_int_equal(stat(note, &st1), 0);
    assert_true(bundle_install(&c, v7, l7, NOW, why, sizeof why) < 0);
    assert_int_equal(stat(note, &st2), 0);
    assert_int_equal(st1.st_ino, st2.st_ino);
    /* v6 replaces v5 and clears the note; v5 is now too old */
    assert_int_equal(bundle_install(&c, v6, l6, NOW, why, sizeof why), 0);
    assert_int_not_equal(access(note, F_OK), 0);
    assert_true(bundle_install(&c, v5, l5, NOW, why, sizeof why) < 0);
    assert_string_equal(why, "version 5 is not newer than the active 6");
    /* past its expiry: intel_stale (and the refusal still noted) */
    memset(&rec, 0, sizeof rec);
    assert_int_equal(bundle_findings(path, 4102444800LL, &sink, &stale), IH_OK);
    assert_int_equal(stale, 1);
    assert_int_equal(rec.n, 2);
    assert_int_equal(rec.type[0], FT_INTEL_STALE);
    assert_int_equal(rec.type[1], FT_BUNDLE_REJECTED);
    (void)unlink(note);
    (void)unlink(path);
    assert_int_equal(rmdir(dir), 0);
    util_diag_quiet = 0;
    free(v5);
    free(v6);
    free(v7);
}

/* The ETag: the first 16 bytes of the file's SHA-256 in hex, quoted; a
 * missing file leaves OUT as it was. */
static void test_etag(void **state)
{
    char dir[64], path[96], etag[35] = "\"\"";
    FILE *f;

    (void)state;
    (void)util_strlcpy(dir, "/tmp/iothunt-etag-XXXXXX", sizeof dir);
    assert_non_null(mkdtemp(dir));
    assert_int_equal(util_fmt(path, sizeof path, "%s/active", dir), IH_OK);
    assert_int_equal(bundle_etag(path, etag), IH_ENOENT);
    assert_string_equal(etag, "\"\"");
    f = fopen(path, "w");
    assert_non_null(f);
    assert_int_equal(fputs("abc", f) >= 0, 1);
    assert_int_equal(fclose(f), 0);
    assert_int_equal(bundle_etag(path, etag), IH_OK);
    assert_string_equal(etag, "\"ba7816bf8f01cfea414140de5dae2223\"");
    assert_int_equal(unlink(path), 0);
    assert_int_equal(rmdir(dir), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_good),
        cmocka_unit_test(test_parse_bad),
        cmocka_unit_test(test_check),
        cmocka_unit_test(test_install),
        cmocka_unit_test(test_etag),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
