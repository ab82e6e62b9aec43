/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_privsep.c - the privileged half's side of the privsep channel
 * (privsep_deliver, privsep_fetch) against a network half that sends
 * arbitrary messages.
 *
 * Input: byte 0 picks the request (even: deliver a 3-line spool, odd:
 * fetch the bundle into a 256-byte buffer); the rest is a list of messages,
 * each a 2-byte big-endian length and that many bytes.  They are queued on
 * the network end of a SOCK_SEQPACKET pair, whose sending side is then shut
 * down (the "network half" says nothing more); a child that only waits
 * stands in for the network half's process, so that privsep_stop has one
 * to end.  Checks: no crash; a fetch's body stays in the buffer and comes
 * only with IH_OK; the spool's file keeps every line that was not acked
 * in an 'A' message (a line is forgotten only when the network half says
 * it was acked).
 */
#include "config.h"
#include "privsep.h"
#include "spool.h"
#include "transport.h"
#include "util.h"

#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_MSGS_MAX (48 * 1024)

static char dir[64], path[128];

static void spool_reopen(struct spool *s)
{
    struct spool_opts o = { path, NULL, SPOOL_MIN_BYTES, 0, 0 };

    if (spool_open(s, &o) != IH_OK) {
        abort();
    }
}

static void spool_fresh(struct spool *s)
{
    unsigned i;

    (void)unlink(path);
    spool_reopen(s);
    for (i = 0; i < 3; i++) {
        uint64_t seq;

        if (spool_reserve(s, &seq) != IH_OK || spool_append(s, seq, "{\"x\":1}", 7) != IH_OK) {
            abort();
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct transport t;
    static struct config c;
    struct privsep p;
    struct spool s;
    size_t off = 1;
    int sv[2], acked = 0;
    pid_t pid;

    if (size < 1 || size > FUZZ_MSGS_MAX) {
        return 0;
    }
    util_diag_quiet = 1;
    if (!dir[0]) {
        (void)util_strlcpy(dir, "/tmp/iothunt-fuzz-privsep-XXXXXX", sizeof dir);
        if (!mkdtemp(dir)) {
            abort();
        }
        (void)util_fmt(path, sizeof path, "%s/q", dir);
        (void)signal(SIGPIPE, SIG_IGN);
    }
    if (socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv) != 0) {
        abort();
    }
    /* every message before any is read: the queue holds FUZZ_MSGS_MAX */
    while (off + 2 <= size) {
        size_t n = (size_t)data[off] << 8 | data[off + 1];

        off += 2;
        n = n < size - off ? n : size - off;
        if (n && data[off] == 'A') {
            acked = 1;
        }
        if (send(sv[1], data + off, n, MSG_DONTWAIT | MSG_NOSIGNAL) < 0) {
            break;
        }
        off += n;
    }
    (void)shutdown(sv[1], SHUT_WR);
    pid = fork();
    if (pid < 0) {
        abort();
    }
    if (pid == 0) {
        close(sv[0]);
        close(sv[1]);
        pause();
        _exit(0);
    }
    memset(&t, 0, sizeof t);
    config_defaults(&c);
    c.timeout = 1;
    c.bundle_max_bytes = 256;
    t.cfg = &c;
    p.fd = sv[0];
    p.pid = (int)pid;
    if (data[0] & 1) {
        char buf[256];
        size_t len = 0;
        int rc = privsep_fetch(&p, &t, "\"e\"", buf, sizeof buf, &len);

        if (len > sizeof buf || (len && rc != IH_OK)) {
            abort();
        }
    } else {
        spool_fresh(&s);
        (void)privsep_deliver(&p, &t, &s, NULL);
        spool_close(&s);
        /* reopened, the file says how many lines it holds */
        spool_reopen(&s);
        if (!acked && s.lines != 3) {
            abort();
        }
        spool_close(&s);
    }
    privsep_stop(&p);       /* ends the stand-in, if the channel did not already */
    close(sv[1]);
    return 0;
}
