/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_privsep.c - the two halves of delivery (agent/privsep.h): the passwd
 * lookup, the privilege drop and its proof, the channel between the halves
 * (a scripted network half asks for lines, acks some, reports done), and a
 * hostile network half (every malformed message ends the channel, the spool
 * keeps every line).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "config.h"
#include "privsep.h"
#include "spool.h"
#include "transport.h"
#include "util.h"

static void test_passwd(void **st)
{
    static const char pw[] =
        "root:x:0:0:root:/root:/bin/ash\n"
        "nobodyx:*:7:7:x:/:/bin/false\n"
        "bad:*:12a:5:x\n"
        "short:*:12\n"
        "big:*:4294967295:1:x\n"
        "nobody:*:65534:65533:nobody:/var:/bin/false\n"
        "last:x:101:102";
    uint32_t uid = 1, gid = 1;

    (void)st;
    util_diag_quiet = 1;
    assert_int_equal(privsep_parse_passwd(pw, strlen(pw), "pw", "nobody", &uid, &gid), IH_OK);
    assert_int_equal(uid, 65534);
    assert_int_equal(gid, 65533);
    assert_int_equal(privsep_parse_passwd(pw, strlen(pw), "pw", "root", &uid, &gid), IH_OK);
    assert_int_equal(uid, 0);
    assert_int_equal(privsep_parse_passwd(pw, strlen(pw), "pw", "last", &uid, &gid), IH_OK);
    assert_int_equal(uid, 101);
    assert_int_equal(gid, 102);
    assert_int_equal(privsep_parse_passwd(pw, strlen(pw), "pw", "nobod", &uid, &gid), IH_ENOENT);
    assert_int_equal(privsep_parse_passwd(pw, strlen(pw), "pw", "bad", &uid, &gid), IH_EPARSE);
    assert_int_equal(privsep_parse_passwd(pw, strlen(pw), "pw", "short", &uid, &gid), IH_EPARSE);
    assert_int_equal(privsep_parse_passwd(pw, strlen(pw), "pw", "big", &uid, &gid), IH_EPARSE);
    assert_int_equal(privsep_parse_passwd("", 0, "pw", "nobody", &uid, &gid), IH_ENOENT);
    /* a NUL inside a line is just a byte that does not match */
    assert_int_equal(privsep_parse_passwd("no\0body:*:1:1\n", 14, "pw", "nobody", &uid, &gid),
                     IH_ENOENT);
    /* numeric users need no passwd; root is refused */
    assert_int_equal(privsep_user("4321", &uid, &gid), IH_OK);
    assert_int_equal(uid, 4321);
    assert_int_equal(gid, 4321);
    assert_int_equal(privsep_user("0", &uid, &gid), IH_EINVAL);
}

/* The drop in a child: report (rc, ruid, euid, suid, setuid(0) result). */
static void test_drop(void **st)
{
    int pfd[2], status;
    long got[5];
    pid_t pid;

    (void)st;
    assert_int_equal(pipe(pfd), 0);
    pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        long r[5];
        uid_t a, b, c;

        r[0] = privsep_drop(65534, 65534);
        (void)getresuid(&a, &b, &c);
        r[1] = (long)a;
        r[2] = (long)b;
        r[3] = (long)c;
        r[4] = setuid(0);
        _exit(write(pfd[1], r, sizeof r) == (ssize_t)sizeof r ? 0 : 1);
    }
    close(pfd[1]);
    assert_int_equal(read(pfd[0], got, sizeof got), (ssize_t)sizeof got);
    close(pfd[0]);
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_int_equal(got[0], IH_OK);
    if (getuid() == 0) {
        assert_int_equal(got[1], 65534);
        assert_int_equal(got[2], 65534);
        assert_int_equal(got[3], 65534);
    } else {
        assert_int_equal(got[1], (long)getuid());
    }
    assert_int_equal(got[4], -1);
}

/* ---- the channel ---------------------------------------------------------- */

static char tmpdir[64], path[128];

static int setup(void **st)
{
    (void)st;
    util_diag_quiet = 1;
    (void)util_strlcpy(tmpdir, "/tmp/iothunt-privsep-XXXXXX", sizeof tmpdir);
    assert_non_null(mkdtemp(tmpdir));
    assert_int_equal(util_fmt(path, sizeof path, "%s/q", tmpdir), IH_OK);
    return 0;
}

static int teardown(void **st)
{
    static const char *const names[] = { "q", "q.lock", "q.tmp" };
    char p[160];
    size_t i;

    (void)st;
    for (i = 0; i < sizeof names / sizeof names[0]; i++) {
        (void)util_fmt(p, sizeof p, "%s/%s", tmpdir, names[i]);
        (void)unlink(p);
    }
    (void)rmdir(tmpdir);
    return 0;
}

static void spool_with(struct spool *s, unsigned n)
{
    struct spool_opts o = { path, NULL, SPOOL_MIN_BYTES, 0, 0 };
    unsigned i;

    assert_int_equal(spool_open(s, &o), IH_OK);
    for (i = 0; i < n; i++) {
        char line[64];
        uint64_t seq;

        assert_int_equal(spool_reserve(s, &seq), IH_OK);
        assert_int_equal(util_fmt(line, sizeof line, "{\"n\":%u,\"seq\":%llu}", i,
                                  (unsigned long long)seq), IH_OK);
        assert_int_equal(spool_append(s, seq, line, strlen(line)), IH_OK);
    }
}

static void put(unsigned char *p, uint64_t v, unsigned n)
{
    while (n-- > 0) {
        p[n] = (unsigned char)v;
        v >>= 8;
    }
}

static size_t done_msg(unsigned char *m, int32_t rc, const char *err)
{
    size_t el = strlen(err);

    memset(m, 0, 38);
    m[0] = 'D';
    put(m + 1, (uint32_t)rc, 4);
    put(m + 6 + 3 * 4, 1, 4);           /* st.batches */
    put(m + 6 + 4 * 4, 3, 4);           /* st.lines_acked */
    memcpy(m + 38, err, el);
    return 38 + el;
}

static uint64_t seen_seqs[16];
static unsigned seen_n;

static int seen_visit(void *ctx, uint64_t seq, const char *line, size_t len)
{
    (void)ctx;
    if (len == 0 || line[0] != '{' || seen_n >= 16) {
        return IH_EINVAL;
    }
    seen_seqs[seen_n++] = seq;
    return 0;
}

/*
 * A well-behaved network half through the real child-side functions: a
 * mirror spool, a scan with a small budget, an ack of the third line.
 */
static void net_scripted(int fd)
{
    unsigned char m[128];
    struct spool s;
    size_t dl;

    if (recv(fd, m, sizeof m, 0) != 17 || m[0] != 'G') {
        _exit(10);
    }
    memset(&s, 0, sizeof s);
    s.remote = 1;
    s.remote_fd = fd;
    s.max_bytes = 40;
    s.lines = (unsigned long)m[8];
    /* budget 40: the lines are ~17 bytes + 1: two fit, the third crosses */
    if (spool_scan(&s, 0, seen_visit, NULL) != IH_OK || seen_n != 3 || s.lines != 5) {
        _exit(11);
    }
    if (spool_ack(&s, seen_seqs[2]) != IH_OK || s.lines != 2) {
        _exit(12);
    }
    seen_n = 0;
    s.max_bytes = 1 << 20;
    if (spool_scan(&s, 0, seen_visit, NULL) != IH_OK || seen_n != 2) {
        _exit(13);
    }
    dl = done_msg(m, IH_OK, "");
    if (send(fd, m, dl, 0) != (ssize_t)dl) {
        _exit(14);
    }
    /* then the privileged end closes */
    _exit(recv(fd, m, sizeof m, 0) == 0 ? 0 : 15);
}

static void run_half(struct privsep *p, void (*fn)(int, const void *), const void *arg)
{
    int sv[2];
    pid_t pid;

    assert_int_equal(socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv), 0);
    pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(sv[0]);
        fn(sv[1], arg);
        _exit(0);
    }
    close(sv[1]);
    p->fd = sv[0];
    p->pid = (int)pid;
}

static void net_scripted_fn(int fd, const void *arg)
{
    (void)arg;
    net_scripted(fd);
}

static void test_channel(void **st)
{
    struct transport *t = calloc(1, sizeof *t);
    struct config c;
    struct privsep p;
    struct spool s;
    int status;
    pid_t pid;

    (void)st;
    assert_non_null(t);
    config_defaults(&c);
    t->cfg = &c;
    t->backoff = 40;
    spool_with(&s, 5);
    run_half(&p, net_scripted_fn, NULL);
    pid = p.pid;
    assert_int_equal(privsep_deliver(&p, t, &s, NULL), IH_OK);
    assert_int_equal(s.lines, 2);
    assert_int_equal(t->backoff, 0);   /* a batch went through */
    assert_int_equal(t->st.batches, 1);
    assert_int_equal(t->st.lines_acked, 3);
    close(p.fd);
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    spool_close(&s);
    free(t);
}

/* ---- a hostile network half ------------------------------------------------- */

struct bad_case {
    const char *what;
    unsigned char msg[48];
    size_t len;             /* 0: big (an oversized message) or exit */
    int big;
};

static void net_hostile(int fd, const void *arg)
{
    const struct bad_case *k = arg;
    static unsigned char big[9000];
    unsigned char m[64];

    if (recv(fd, m, sizeof m, 0) != 17) {
        _exit(10);
    }
    if (k->big) {
        memset(big, 'L', sizeof big);
        (void)send(fd, big, sizeof big, 0);
    } else if (k->len) {
        (void)send(fd, k->msg, k->len, 0);
    }
    /* wait to be killed or closed */
    (void)recv(fd, m, sizeof m, 0);
    _exit(0);
}

static const struct bad_case bad_cases[] = {
    { "unknown type", { 'X', 0 }, 1, 0 },
    { "empty", { 0 }, 0, 0 },
    { "scan too short", { 'S', 0, 0, 0 }, 4, 0 },
    { "scan budget 0", { 'S', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, 13, 0 },
    { "scan budget 2 GiB", { 'S', 0, 0, 0, 0, 0, 0, 0, 0, 0x80, 0, 0, 0 }, 13, 0 },
    { "ack too long", { 'A', 0, 0, 0, 0, 0, 0, 0, 1, 0 }, 10, 0 },
    { "done rc positive", { 'D', 0, 0, 0, 5 }, 38, 0 },
    { "done rc -99", { 'D', 0xff, 0xff, 0xff, 0x9d }, 38, 0 },
    { "done too short", { 'D', 0, 0, 0, 0 }, 37, 0 },
    { "oversized message", { 0 }, 0, 1 },
};

static void test_hostile(void **st)
{
    size_t i;

    (void)st;
    for (i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
        struct transport *t = calloc(1, sizeof *t);
        struct config c;
        struct privsep p;
        struct spool s;

        assert_non_null(t);
        config_defaults(&c);
        c.timeout = 1;
        t->cfg = &c;
        spool_with(&s, 5);
        run_half(&p, net_hostile, &bad_cases[i]);
        if (privsep_deliver(&p, t, &s, NULL) != IH_ENET || p.pid != 0 || s.lines != 5 ||
            strstr(t->last_error, "network half") == NULL) {
            print_error("case '%s': lines %lu, pid %d, error '%s'\n", bad_cases[i].what, s.lines,
                        p.pid, t->last_error);
            fail();
        }
        spool_close(&s);
        /* the file still holds every line */
        spool_with(&s, 0);
        assert_int_equal(s.lines, 5);
        spool_close(&s);
        (void)unlink(path);
        free(t);
    }
}

/* A 'D' whose last_error is as long as the field allows (no NUL sent),
 * after a batch that did not go through (st.batches stays 1). */
static void net_long_error(int fd, const void *arg)
{
    unsigned char m[256];
    char err[sizeof ((struct transport *)0)->last_error];
    size_t dl;

    (void)arg;
    if (recv(fd, m, sizeof m, 0) != 17) {
        _exit(10);
    }
    memset(err, 'e', sizeof err - 1);
    err[sizeof err - 1] = '\0';
    dl = done_msg(m, IH_ENET, err);
    (void)send(fd, m, dl, 0);
    (void)recv(fd, m, sizeof m, 0);
    _exit(0);
}

static void test_long_error(void **st)
{
    struct transport *t = calloc(1, sizeof *t);
    struct config c;
    struct privsep p;
    struct spool s;

    (void)st;
    assert_non_null(t);
    config_defaults(&c);
    t->cfg = &c;
    t->backoff = 40;
    t->st.batches = 1;
    spool_with(&s, 1);
    run_half(&p, net_long_error, NULL);
    assert_int_equal(privsep_deliver(&p, t, &s, NULL), IH_ENET);
    assert_int_equal(t->backoff, 40);   /* no batch went through: the backoff goes on */
    assert_int_equal(strlen(t->last_error), sizeof t->last_error - 1);
    assert_true(p.pid > 0);
    privsep_stop(&p);
    assert_int_equal(p.pid, 0);
    spool_close(&s);
    free(t);
}

/* ---- the bundle fetch: 'B' etag, then 'C' parts and 'F' ------------------- */

struct fetch_script {
    const char *what;
    unsigned parts;             /* 'C' messages of PART_LEN bytes */
    int32_t rc;                 /* in 'F' */
    uint32_t len;               /* in 'F' (the length said) */
    size_t flen;                /* 'F' message length (9: no error text) */
    int other;                  /* send this message type instead of 'F' */
};

#define PART_LEN 100

static void net_fetch(int fd, const void *arg)
{
    const struct fetch_script *k = arg;
    unsigned char m[256];
    unsigned i;

    /* the etag comes as sent */
    if (recv(fd, m, sizeof m, 0) != 1 + 6 || memcmp(m, "B\"v7-a\"", 7) != 0) {
        _exit(10);
    }
    for (i = 0; i < k->parts; i++) {
        m[0] = 'C';
        memset(m + 1, 'a' + (int)i, PART_LEN);
        (void)send(fd, m, 1 + PART_LEN, 0);
    }
    memset(m, 'x', sizeof m);
    m[0] = k->other ? (unsigned char)k->other : 'F';
    put(m + 1, (uint32_t)k->rc, 4);
    put(m + 5, k->len, 4);
    (void)send(fd, m, k->flen, 0);
    (void)recv(fd, m, sizeof m, 0);
    _exit(0);
}

static const struct fetch_script fetch_good[] = {
    { "body in 3 parts", 3, IH_OK, 3 * PART_LEN, 9 + 5, 0 },
    { "unchanged (304)", 0, 1, 0, 9, 0 },
    { "collector unreachable", 0, IH_ENET, 0, 9 + 5, 0 },
};

static const struct fetch_script fetch_bad[] = {
    { "body over the buffer", 6, IH_OK, 6 * PART_LEN, 9, 0 },
    { "length said is not length sent", 2, IH_OK, 3 * PART_LEN, 9, 0 },
    { "a body with 'unchanged'", 1, 1, PART_LEN, 9, 0 },
    { "a body with an error", 1, IH_ENET, PART_LEN, 9, 0 },
    { "rc positive", 0, 5, 0, 9, 0 },
    { "rc -99", 0, -99, 0, 9, 0 },
    { "done too short", 0, IH_OK, 0, 8, 0 },
    { "done with an over-long error", 0, IH_ENET, 0, 9 + 200, 0 },
    { "unknown message", 0, IH_OK, 0, 9, 'X' },
    { "a delivery answer instead", 0, IH_OK, 0, 9, 'D' },
    { "empty part", 0, IH_OK, 0, 1, 'C' },
};

static void test_fetch(void **st)
{
    size_t i;

    (void)st;
    for (i = 0; i < sizeof fetch_good / sizeof fetch_good[0] + sizeof fetch_bad / sizeof fetch_bad[0]; i++) {
        int good = i < sizeof fetch_good / sizeof fetch_good[0];
        const struct fetch_script *k = good ? &fetch_good[i] : &fetch_bad[i - sizeof fetch_good / sizeof fetch_good[0]];
        struct transport *t = calloc(1, sizeof *t);
        char buf[4 * PART_LEN];
        struct config c;
        struct privsep p;
        size_t len = 77;
        int rc;

        assert_non_null(t);
        config_defaults(&c);
        c.timeout = 1;
        t->cfg = &c;
        run_half(&p, net_fetch, k);
        rc = privsep_fetch(&p, t, "\"v7-a\"", buf, sizeof buf, &len);
        if (good) {
            if (rc != k->rc || len != k->len || p.pid <= 0 ||
                (k->flen > 9 && strcmp(t->last_error, "xxxxx") != 0) ||
                (k->parts && (buf[0] != 'a' || buf[PART_LEN] != 'b' || buf[len - 1] != 'c'))) {
                print_error("case '%s': rc %d, len %zu, pid %d, error '%s'\n", k->what, rc, len,
                            p.pid, t->last_error);
                fail();
            }
            privsep_stop(&p);
        } else if (rc != IH_ENET || len != 0 || p.pid != 0 ||
                   strstr(t->last_error, "network half") == NULL) {
            /* a broken protocol ends the channel: nothing of the body is kept */
            print_error("case '%s': rc %d, len %zu, pid %d, error '%s'\n", k->what, rc, len,
                        p.pid, t->last_error);
            fail();
        }
        free(t);
    }
}

/* An etag longer than the channel carries is refused before anything is sent. */
static void test_fetch_long_etag(void **st)
{
    struct transport *t = calloc(1, sizeof *t);
    char etag[64], buf[16];
    struct config c;
    struct privsep p;
    size_t len = 5;

    (void)st;
    assert_non_null(t);
    config_defaults(&c);
    t->cfg = &c;
    memset(etag, 'e', sizeof etag - 1);
    etag[sizeof etag - 1] = '\0';
    run_half(&p, net_fetch, &fetch_good[0]);
    assert_int_equal(privsep_fetch(&p, t, etag, buf, sizeof buf, &len), IH_ENET);
    assert_int_equal(len, 0);
    assert_int_equal(p.pid, 0);
    free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_passwd),
        cmocka_unit_test(test_drop),
        cmocka_unit_test_setup_teardown(test_channel, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hostile, setup, teardown),
        cmocka_unit_test_setup_teardown(test_long_error, setup, teardown),
        cmocka_unit_test(test_fetch),
        cmocka_unit_test(test_fetch_long_etag),
    };

    (void)signal(SIGPIPE, SIG_IGN);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
