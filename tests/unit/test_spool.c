/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_spool.c - the durable queue: on-disk format (fixtures written by an
 * independent encoder, tests/data/spool/make-fixtures.py), recovery after a
 * cut at every byte offset and after a flip of every byte, ack and
 * compaction, overflow accounting, seq persistence and the lock.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "spool.h"
#include "util.h"

#define MAXL 64

struct seen {
    uint64_t seq[MAXL];
    char line[MAXL][1100];
    size_t n;
};

static int seen_cb(void *ctx, uint64_t seq, const char *line, size_t len)
{
    struct seen *s = ctx;

    assert_true(s->n < MAXL);
    assert_true(len < sizeof s->line[0]);
    s->seq[s->n] = seq;
    memcpy(s->line[s->n], line, len);
    s->line[s->n][len] = '\0';
    s->n++;
    return 0;
}

static char tmpdir[64];
static char path[128], state[128];

static int setup(void **st)
{
    (void)st;
    util_diag_quiet = 1;
    (void)util_strlcpy(tmpdir, "/tmp/iothunt-spool-XXXXXX", sizeof tmpdir);
    assert_non_null(mkdtemp(tmpdir));
    assert_int_equal(util_fmt(path, sizeof path, "%s/q", tmpdir), IH_OK);
    assert_int_equal(util_fmt(state, sizeof state, "%s/seq", tmpdir), IH_OK);
    return 0;
}

static int teardown(void **st)
{
    char p[160];
    static const char *const names[] = { "q", "q.lock", "q.tmp", "seq", "seq.tmp" };
    size_t i;

    (void)st;
    for (i = 0; i < sizeof names / sizeof names[0]; i++) {
        (void)util_fmt(p, sizeof p, "%s/%s", tmpdir, names[i]);
        (void)unlink(p);
    }
    (void)rmdir(tmpdir);
    return 0;
}

static unsigned char *load(const char *p, size_t *len)
{
    char *buf = NULL;

    assert_int_equal(util_read_file(p, 1 << 20, &buf, len), IH_OK);
    return (unsigned char *)buf;
}

static void store(const char *p, const unsigned char *buf, size_t len)
{
    int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0600);

    assert_true(fd >= 0);
    assert_int_equal(write(fd, buf, len), (ssize_t)len);
    close(fd);
}

static void open_spool(struct spool *s, uint64_t max, const char *st_path, int64_t now)
{
    struct spool_opts o = { path, st_path, max, 0, now };

    assert_int_equal(spool_open(s, &o), IH_OK);
}

static uint64_t add(struct spool *s, const char *text)
{
    char line[600];
    uint64_t seq;

    assert_int_equal(spool_reserve(s, &seq), IH_OK);
    assert_int_equal(util_fmt(line, sizeof line, "{\"n\":\"%s\",\"seq\":%llu}", text,
                              (unsigned long long)seq), IH_OK);
    assert_int_equal(spool_append(s, seq, line, strlen(line)), IH_OK);
    return seq;
}

static void test_crc32(void **st)
{
    (void)st;
    assert_int_equal(spool_crc32(0, "123456789", 9), 0xcbf43926u);
    assert_int_equal(spool_crc32(0, "", 0), 0);
    /* continuing a CRC equals one pass */
    assert_int_equal(spool_crc32(spool_crc32(0, "1234", 4), "56789", 5), 0xcbf43926u);
}

static void test_header_big_endian(void **st)
{
    unsigned char h[SPOOL_HDR_LEN];
    static const unsigned char want[20] = {
        'I', 'Q', 1, 0, 0, 0, 0x01, 0x02, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,
        0xa0, 0xb0, 0xc0, 0xd0,
    };

    static unsigned char payload[0x0102];

    (void)st;
    spool_put_header(h, SPOOL_KIND_LINE, 0x0102, 0x0102030405060708ULL, 0xa0b0c0d0u, payload);
    assert_memory_equal(h, want, sizeof want);
    /* header CRC over the first 20 bytes, big-endian */
    {
        uint32_t c = spool_crc32(0, h, 20);

        assert_int_equal(h[20], (c >> 24) & 0xff);
        assert_int_equal(h[23], c & 0xff);
    }
}

/* Expected content of the tests/data/spool fixtures (see make-fixtures.py). */
static const uint64_t fixture_seqs[] = { 7, 8, 9, 300000000000ULL };

static void check_fixture(const char *name, size_t want_lines, uint64_t skip_seq,
                          unsigned long want_bad, int want_clean)
{
    char p[128];
    unsigned char *buf;
    size_t len, i, j = 0;
    struct seen s = { .n = 0 };
    uint64_t max;
    unsigned long lines, bad;
    int clean;

    assert_int_equal(util_fmt(p, sizeof p, "tests/data/spool/%s", name), IH_OK);
    buf = load(p, &len);
    assert_int_equal(spool_parse(buf, len, seen_cb, &s, &max, &lines, &bad, &clean), IH_OK);
    assert_int_equal(s.n, want_lines);
    assert_int_equal(lines, want_lines);
    assert_int_equal(bad, want_bad);
    assert_int_equal(clean, want_clean);
    assert_true(max == 300000000000ULL);
    for (i = 0; i < sizeof fixture_seqs / sizeof fixture_seqs[0]; i++) {
        if (fixture_seqs[i] == skip_seq) {
            continue;
        }
        assert_true(j < s.n);
        assert_true(s.seq[j] == fixture_seqs[i]);
        j++;
    }
    assert_non_null(strstr(s.line[0], "\"seq\":"));
    free(buf);
}

static void test_fixtures(void **st)
{
    (void)st;
    check_fixture("good.spool", 4, 0, 0, 1);
    check_fixture("torn.spool", 4, 0, 1, 0);
    check_fixture("flipped.spool", 3, 7, 1, 0);
    check_fixture("backwards.spool", 4, 0, 1, 0);
}

static void test_fixture_open_and_recover(void **st)
{
    struct spool s;
    struct seen seen = { .n = 0 };
    unsigned char *buf;
    size_t len;

    (void)st;
    buf = load("tests/data/spool/torn.spool", &len);
    store(path, buf, len);
    free(buf);
    open_spool(&s, 65536, NULL, 0);
    assert_int_equal(s.recovered_bad, 1);
    assert_int_equal(s.lines, 4);
    assert_true(s.next_seq == 300000000001ULL);
    assert_int_equal(spool_scan(&s, 8, seen_cb, &seen), IH_OK);
    assert_int_equal(seen.n, 2);
    assert_true(seen.seq[0] == 9);
    spool_close(&s);
    /* the torn tail was cut: the file is clean now */
    open_spool(&s, 65536, NULL, 0);
    assert_int_equal(s.recovered_bad, 0);
    assert_int_equal(s.lines, 4);
    spool_close(&s);
}

/* Build a spool of N lines through the API; return its image. */
static unsigned char *build(size_t n, size_t *len, uint64_t *seqs)
{
    struct spool s;
    size_t i;
    char text[32];

    (void)unlink(path);
    open_spool(&s, 65536, NULL, 0);
    for (i = 0; i < n; i++) {
        (void)util_fmt(text, sizeof text, "record-%zu", i);
        seqs[i] = add(&s, text);
    }
    spool_close(&s);
    return load(path, len);
}

static void test_cut_every_offset(void **st)
{
    uint64_t seqs[5];
    size_t len, cut, i;
    unsigned char *img;

    (void)st;
    img = build(5, &len, seqs);
    for (cut = 0; cut <= len; cut++) {
        struct seen a = { .n = 0 };
        uint64_t max;
        unsigned long lines, bad;
        int clean;

        assert_int_equal(spool_parse(img, cut, seen_cb, &a, &max, &lines, &bad, &clean), IH_OK);
        /* exactly the records wholly before the cut, in order, intact */
        for (i = 0; i < a.n; i++) {
            char want[64];

            assert_true(a.seq[i] == seqs[i]);
            (void)util_fmt(want, sizeof want, "{\"n\":\"record-%zu\",\"seq\":%llu}", i,
                           (unsigned long long)seqs[i]);
            assert_string_equal(a.line[i], want);
        }
        {
            /* clean exactly when the cut falls on a record boundary */
            size_t end = 0;
            int boundary = cut == 0;

            for (i = 0; i < 5; i++) {
                char l[64];

                (void)util_fmt(l, sizeof l, "{\"n\":\"record-%zu\",\"seq\":%llu}", i,
                               (unsigned long long)seqs[i]);
                end += SPOOL_HDR_LEN + strlen(l);
                boundary |= end == cut;
            }
            assert_int_equal(clean, boundary);
            assert_int_equal(bad, boundary ? 0 : 1);
        }
        if (cut == len) {
            assert_int_equal(a.n, 5);
        }
        /* the same through the file: open recovers, and appends continue */
        if (cut % 7 == 0 || cut == len) {
            struct spool s;
            struct seen b = { .n = 0 };

            store(path, img, cut);
            open_spool(&s, 65536, NULL, 0);
            assert_int_equal(spool_scan(&s, 0, seen_cb, &b), IH_OK);
            assert_int_equal(b.n, a.n);
            (void)add(&s, "after");
            spool_close(&s);
            b.n = 0;
            open_spool(&s, 65536, NULL, 0);
            assert_int_equal(s.recovered_bad, 0);
            assert_int_equal(spool_scan(&s, 0, seen_cb, &b), IH_OK);
            assert_int_equal(b.n, a.n + 1);
            assert_non_null(strstr(b.line[a.n], "\"after\""));
            assert_true(b.seq[a.n] > (a.n ? a.seq[a.n - 1] : 0));
            spool_close(&s);
        }
    }
    free(img);
}

static void test_flip_every_byte(void **st)
{
    uint64_t seqs[5];
    size_t len, off, i, j;
    unsigned char *img;
    static const unsigned char masks[] = { 0x01, 0x80, 0xff };

    (void)st;
    img = build(5, &len, seqs);
    for (off = 0; off < len; off++) {
        for (j = 0; j < sizeof masks; j++) {
            struct seen a = { .n = 0 };
            uint64_t max;
            unsigned long lines, bad;
            int clean;
            size_t k = 0;

            img[off] ^= masks[j];
            assert_int_equal(spool_parse(img, len, seen_cb, &a, &max, &lines, &bad, &clean),
                             IH_OK);
            img[off] ^= masks[j];
            /* never misread: every line seen is an original one, in order;
             * exactly one record (the flipped one) is lost */
            assert_int_equal(clean, 0);
            assert_int_equal(a.n, 4);
            for (i = 0; i < a.n; i++) {
                char want[64];

                while (k < 5 && seqs[k] != a.seq[i]) {
                    k++;
                }
                assert_true(k < 5);
                (void)util_fmt(want, sizeof want, "{\"n\":\"record-%zu\",\"seq\":%llu}", k,
                               (unsigned long long)seqs[k]);
                assert_string_equal(a.line[i], want);
            }
        }
    }
    free(img);
}

static void test_ack_and_seq_persist(void **st)
{
    struct spool s;
    struct seen a = { .n = 0 };
    uint64_t s1, s2, s3, s4;

    (void)st;
    (void)unlink(path);
    open_spool(&s, 65536, NULL, 0);
    s1 = add(&s, "a");
    s2 = add(&s, "b");
    s3 = add(&s, "c");
    assert_true(s1 == 1 && s2 == 2 && s3 == 3);
    assert_int_equal(spool_ack(&s, 2), IH_OK);
    assert_int_equal(s.lines, 1);
    assert_int_equal(spool_scan(&s, 0, seen_cb, &a), IH_OK);
    assert_int_equal(a.n, 1);
    assert_true(a.seq[0] == 3);
    /* an ack for nothing new changes nothing */
    assert_int_equal(spool_ack(&s, 1), IH_OK);
    assert_int_equal(s.lines, 1);
    assert_int_equal(spool_ack(&s, 3), IH_OK);
    assert_int_equal(s.lines, 0);
    spool_close(&s);
    /* empty spool: the mark keeps the high-water */
    open_spool(&s, 65536, NULL, 0);
    assert_int_equal(s.lines, 0);
    s4 = add(&s, "d");
    assert_true(s4 == 4);
    /* an ack beyond anything we used: the sequence jumps past it */
    assert_int_equal(spool_ack(&s, 1000), IH_OK);
    assert_int_equal(s.lines, 0);
    assert_true(add(&s, "e") == 1001);
    spool_close(&s);
}

static void test_state_and_clock_floor(void **st)
{
    struct spool s;
    uint64_t a, b;

    (void)st;
    (void)unlink(path);
    (void)unlink(state);
    open_spool(&s, 65536, state, 0);
    a = add(&s, "x");
    assert_true(a == 1);
    assert_true(s.ceiling == 1 + SPOOL_SEQ_BLOCK);
    spool_close(&s);
    /* a reboot wiped the tmpfs spool; the state on flash remains */
    assert_int_equal(unlink(path), 0);
    open_spool(&s, 65536, state, 0);
    b = add(&s, "y");
    assert_true(b > a);
    assert_true(b == 1 + SPOOL_SEQ_BLOCK);
    spool_close(&s);
    /* both lost: the clock floor still moves forward */
    assert_int_equal(unlink(path), 0);
    assert_int_equal(unlink(state), 0);
    open_spool(&s, 65536, state, 1795600000);
    assert_true(add(&s, "z") == 1795600000ULL);
    spool_close(&s);
    /* a malformed state file is ignored, never trusted */
    store(state, (const unsigned char *)"12x\n", 4);
    assert_int_equal(unlink(path), 0);
    open_spool(&s, 65536, state, 0);
    assert_true(s.next_seq == 1);
    spool_close(&s);
}

static void test_overflow_drops_oldest(void **st)
{
    struct spool s;
    struct seen a = { .n = 0 };
    char big[1001];
    unsigned long kept = 0, dropped_reported = 0;
    size_t i;
    uint64_t seq;

    (void)st;
    (void)unlink(path);
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    open_spool(&s, SPOOL_MIN_BYTES, NULL, 0);
    for (i = 0; i < 40; i++) {
        assert_int_equal(spool_reserve(&s, &seq), IH_OK);
        assert_int_equal(spool_append(&s, seq, big, strlen(big)), IH_OK);
        assert_true(s.size <= SPOOL_MIN_BYTES);
    }
    assert_true(s.dropped > 0);
    spool_close(&s);
    open_spool(&s, SPOOL_MIN_BYTES, NULL, 0);
    assert_int_equal(s.recovered_bad, 0);
    assert_int_equal(spool_scan(&s, 0, seen_cb, &a), IH_OK);
    /* one drop counter at most survives; counters plus kept lines == 40 */
    for (i = 0; i < a.n; i++) {
        const char *d = strstr(a.line[i], "\"dropped\":");

        if (d) {
            uint64_t v;
            const char *e = d + 10;
            size_t n = 0;

            assert_non_null(strstr(a.line[i], "\"type\":\"spool_dropped\""));
            while (e[n] >= '0' && e[n] <= '9') {
                n++;
            }
            assert_int_equal(util_parse_dec(e, n, 1000, &v), IH_OK);
            dropped_reported += (unsigned long)v;
        } else {
            kept++;
        }
        if (i > 0) {
            assert_true(a.seq[i] > a.seq[i - 1]);
        }
    }
    assert_int_equal(kept + dropped_reported, 40);
    assert_true(kept >= 5);
    spool_close(&s);
}

static void test_lock_and_bad_opts(void **st)
{
    struct spool s, t;
    struct spool_opts o = { path, NULL, 65536, 0, 0 };
    struct spool_opts small = { path, NULL, 100, 0, 0 };

    (void)st;
    open_spool(&s, 65536, NULL, 0);
    assert_int_equal(spool_open(&t, &o), IH_EIO);
    assert_true(errno == EWOULDBLOCK || errno == EAGAIN);
    spool_close(&s);
    assert_int_equal(spool_open(&t, &small), IH_EINVAL);
    assert_int_equal(spool_open(&t, &o), IH_OK);
    /* oversized and empty lines are refused */
    {
        static char huge[SPOOL_PAYLOAD_MAX + 1];
        uint64_t seq;

        assert_int_equal(spool_reserve(&t, &seq), IH_OK);
        assert_int_equal(spool_append(&t, seq, huge, sizeof huge), IH_ETOOBIG);
        assert_int_equal(spool_append(&t, seq, "x", 0), IH_ETOOBIG);
        /* a seq never reserved is refused */
        assert_int_equal(spool_append(&t, seq + 5, "x", 1), IH_EINVAL);
    }
    spool_close(&t);
}

static void test_ack_batched_compaction(void **st)
{
    struct spool s;
    struct seen a = { .n = 0 };
    uint64_t seqs[10], size;
    unsigned char *img;
    size_t i, len;

    (void)st;
    (void)unlink(path);
    open_spool(&s, 65536, NULL, 0);
    for (i = 0; i < 10; i++) {
        seqs[i] = add(&s, "0123456789");
    }
    size = s.size;
    /* a small ack only moves the head: nothing is written */
    assert_int_equal(spool_ack(&s, seqs[1]), IH_OK);
    assert_true(s.size == size);
    assert_int_equal(s.lines, 8);
    assert_true(s.first_seq == seqs[2]);
    assert_int_equal(spool_scan(&s, 0, seen_cb, &a), IH_OK);
    assert_int_equal(a.n, 8);
    assert_true(a.seq[0] == seqs[2]);
    /* a crash now: the image still holds the acknowledged lines, which are
     * then sent again (the collector ignores duplicates) - nothing lost */
    img = load(path, &len);
    assert_int_equal(len, size);
    free(img);
    /* past half the file: compacted */
    assert_int_equal(spool_ack(&s, seqs[5]), IH_OK);
    assert_true(s.size < size);
    assert_int_equal(s.lines, 4);
    assert_true(s.head == 0);
    a.n = 0;
    assert_int_equal(spool_scan(&s, 0, seen_cb, &a), IH_OK);
    assert_int_equal(a.n, 4);
    assert_true(a.seq[0] == seqs[6]);
    /* a clean close compacts what an ack left behind */
    assert_int_equal(spool_ack(&s, seqs[6]), IH_OK);
    size = s.size;
    spool_close(&s);
    img = load(path, &len);
    assert_true(len < size);
    free(img);
    open_spool(&s, 65536, NULL, 0);
    assert_int_equal(s.lines, 3);
    assert_true(s.first_seq == seqs[7]);
    spool_close(&s);
}

static void test_overflow_reclaims_acked_first(void **st)
{
    struct spool s;
    char big[1001];
    uint64_t seq, last = 0;
    size_t i;

    (void)st;
    (void)unlink(path);
    memset(big, 'y', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    open_spool(&s, SPOOL_MIN_BYTES, NULL, 0);
    for (i = 0; i < 11; i++) {
        assert_int_equal(spool_reserve(&s, &seq), IH_OK);
        assert_int_equal(spool_append(&s, seq, big, strlen(big)), IH_OK);
        last = seq;
    }
    assert_int_equal(s.dropped, 0);
    /* acknowledge a few (head moves, nothing rewritten) then keep filling:
     * the acknowledged lines make the room, nothing undelivered is dropped */
    assert_int_equal(spool_ack(&s, last - 8), IH_OK);
    for (i = 0; i < 3; i++) {
        assert_int_equal(spool_reserve(&s, &seq), IH_OK);
        assert_int_equal(spool_append(&s, seq, big, strlen(big)), IH_OK);
    }
    assert_int_equal(s.dropped, 0);
    assert_int_equal(s.lines, 11);
    spool_close(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_crc32, setup, teardown),
        cmocka_unit_test_setup_teardown(test_header_big_endian, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fixtures, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fixture_open_and_recover, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cut_every_offset, setup, teardown),
        cmocka_unit_test_setup_teardown(test_flip_every_byte, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ack_and_seq_persist, setup, teardown),
        cmocka_unit_test_setup_teardown(test_state_and_clock_floor, setup, teardown),
        cmocka_unit_test_setup_teardown(test_overflow_drops_oldest, setup, teardown),
        cmocka_unit_test_setup_teardown(test_lock_and_bad_opts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ack_batched_compaction, setup, teardown),
        cmocka_unit_test_setup_teardown(test_overflow_reclaims_acked_first, setup, teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
