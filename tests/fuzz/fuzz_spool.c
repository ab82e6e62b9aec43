/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_spool.c - spool recovery over arbitrary bytes.  The input is taken
 * as a spool file image: parsed in memory, then written to a file and
 * opened, scanned, appended to, acknowledged and reopened.  Invariants
 * (checked, trap on violation): lines come out with strictly increasing
 * seq and verified CRCs; after open the file is clean (a second open finds
 * nothing to repair) and holds the same lines plus what was appended.
 */
#include "spool.h"
#include "util.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct fz {
    uint64_t last;
    unsigned long n;
};

static int fz_visit(void *ctx, uint64_t seq, const char *line, size_t len)
{
    struct fz *f = ctx;

    if (seq <= f->last || len > SPOOL_PAYLOAD_MAX || (len && !line)) {
        __builtin_trap();
    }
    f->last = seq;
    f->n++;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char path[64];
    struct fz a = { 0, 0 }, b = { 0, 0 };
    struct spool s;
    struct spool_opts o;
    uint64_t max, seq;
    unsigned long lines, bad;
    int clean, fd;

    util_diag_quiet = 1;
    if (size > 256 * 1024) {
        return 0;
    }
    if (spool_parse(data, size, fz_visit, &a, &max, &lines, &bad, &clean) != IH_OK ||
        lines != a.n || (clean && bad)) {
        __builtin_trap();
    }
    if (!path[0]) {
        (void)util_fmt(path, sizeof path, "/tmp/fuzz-spool-%ld/q", (long)getpid());
    }
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        char dir[64];

        (void)util_fmt(dir, sizeof dir, "/tmp/fuzz-spool-%ld", (long)getpid());
        (void)mkdir(dir, 0700);
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0600);
        if (fd < 0) {
            return 0;
        }
    }
    if (write(fd, data, size) != (ssize_t)size) {
        close(fd);
        return 0;
    }
    close(fd);
    memset(&o, 0, sizeof o);
    o.path = path;
    o.max_bytes = 1 << 20;
    if (spool_open(&s, &o) != IH_OK) {
        __builtin_trap();
    }
    if (s.lines != lines || (s.recovered_bad != 0) != !clean || s.next_seq <= max) {
        __builtin_trap();
    }
    if (spool_reserve(&s, &seq) != IH_OK || spool_append(&s, seq, "{}", 2) != IH_OK) {
        __builtin_trap();
    }
    if (lines > 1 && spool_ack(&s, a.last - 1) != IH_OK) {
        __builtin_trap();
    }
    spool_close(&s);
    if (spool_open(&s, &o) != IH_OK || s.recovered_bad != 0) {
        __builtin_trap();
    }
    if (spool_scan(&s, 0, fz_visit, &b) != IH_OK || b.n != (lines > 1 ? 2 : lines + 1) ||
        b.last != seq) {
        __builtin_trap();
    }
    spool_close(&s);
    return 0;
}
