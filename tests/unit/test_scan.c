/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_scan.c - the hunt over the --root fixtures of tests/data/fixtures:
 * every DESIGN.md finding type with the right pid on the infected device,
 * CLEAN on the clean one, not INFECTED on the ISP-lockdown one, no crash
 * and counted bad records on the malformed one; the allowlist suppresses
 * and counts; the hash cache answers the second cycle; the byte order of
 * /proc/net is taken from the device's ELF binaries.
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
#include <sys/stat.h>
#include <unistd.h>

#include "finding.h"
#include "scan.h"
#include "sockets.h"
#include "util.h"

#define FIX "tests/data/fixtures/"
#define MAXF 256

struct got {
    struct finding f[MAXF];
    size_t n;
    int json_bad;
};

static int got_emit(void *ctx, const struct finding *f)
{
    struct got *g = ctx;
    char buf[2048];
    size_t len;

    /* every finding must serialise */
    if (finding_to_json(f, 0, buf, sizeof buf, &len) != IH_OK) {
        g->json_bad++;
    }
    if (g->n < MAXF) {
        g->f[g->n++] = *f;
    }
    return IH_OK;
}

static void run(const char *root, const char *allow, int with_iocs, struct got *g,
                struct scan_summary *sum)
{
    struct scan_opts o;
    struct finding_sink sink = { got_emit, g };

    memset(g, 0, sizeof *g);
    scan_opts_init(&o);
    o.root = root;
    o.no_resolve = 1;
    o.now = 1781340000;
    if (with_iocs) {
        o.iocs[o.n_iocs++] = FIX "infected.iocs";
    }
    o.allow = allow;
    assert_int_equal(scan_once(&o, &sink, sum), IH_OK);
    assert_int_equal(g->json_bad, 0);
}

static const struct finding *find(const struct got *g, enum finding_type t, int32_t pid)
{
    size_t i;

    for (i = 0; i < g->n; i++) {
        if (g->f[i].type == t && g->f[i].pid == pid) {
            return &g->f[i];
        }
    }
    return NULL;
}

static size_t count(const struct got *g, enum finding_type t)
{
    size_t i, n = 0;

    for (i = 0; i < g->n; i++) {
        n += g->f[i].type == t;
    }
    return n;
}

/* "TYPE PID" lines of tests/data/fixtures/infected.expect (written by
 * mkfixtures.py next to the fixture it describes). */
static void test_infected_every_type(void **state)
{
    struct got *g = calloc(1, sizeof *g);
    struct scan_summary sum;
    char *buf;
    size_t len, pos = 0;
    unsigned types = 0;

    (void)state;
    assert_non_null(g);
    run(FIX "infected", NULL, 1, g, &sum);
    assert_int_equal(sum.verdict, VERDICT_INFECTED);
    assert_string_equal(sum.byte_order, "be");
    assert_string_equal(sum.byte_order_how, "elf");
    assert_int_equal(sum.bad_records, 0);
    assert_int_equal(scan_exit_code(&sum), 1);
    assert_int_equal(util_read_file(FIX "infected.expect", 4096, &buf, &len), IH_OK);
    while (pos < len) {
        char *line = buf + pos, *nl = memchr(line, '\n', len - pos), *sp;
        uint64_t pid;
        int t;

        assert_non_null(nl);
        *nl = '\0';
        pos = (size_t)(nl - buf) + 1;
        if (line[0] == '#' || line[0] == '\0') {
            continue;
        }
        sp = strchr(line, ' ');
        assert_non_null(sp);
        *sp = '\0';
        t = finding_type_parse(line);
        assert_true(t >= 0);
        assert_int_equal(util_parse_dec(sp + 1, strlen(sp + 1), INT32_MAX, &pid), IH_OK);
        if (!find(g, (enum finding_type)t, (int32_t)pid)) {
            fail_msg("no %s finding with pid %lu", line, (unsigned long)pid);
        }
        assert_true(sum.counts[t] > 0);
        types |= 1u << t;
    }
    free(buf);
    /* the expectation file covers every type of DESIGN.md section 4 */
    assert_int_equal(types, (1u << FT_FILELESS_EXEC) - 1);
    free(g);
}

static void test_infected_evidence(void **state)
{
    struct got *g = calloc(1, sizeof *g);
    struct scan_summary sum;
    const struct finding *f;

    (void)state;
    assert_non_null(g);
    run(FIX "infected", NULL, 1, g, &sum);
    f = find(g, FT_IOC_CONNECTION, 1301);
    assert_non_null(f);
    assert_string_equal(f->remote, "152.236.6.8:28291");
    assert_string_equal(f->local, "192.168.1.1:41234");
    assert_string_equal(f->ioc, "152.236.6.8:28291");
    assert_string_equal(f->exe, "/tmp/.x");
    assert_int_equal(f->severity, SEV_CRITICAL);
    assert_int_equal(f->inode, 3002);
    assert_true(strncmp(f->ioc_source, "threatfox:botnet_cc", 19) == 0);
    f = find(g, FT_MIRAI_LOCK_PORT, 1301);
    assert_non_null(f);
    assert_string_equal(f->local, "127.0.0.1:48101");
    /* the lock socket is shared with 1302: attributed to the lowest pid only */
    assert_null(find(g, FT_MIRAI_LOCK_PORT, 1302));
    f = find(g, FT_IOC_DOMAIN, 1301);
    assert_non_null(f);
    assert_string_equal(f->ioc, "vbotnt1.duckdns.org");
    assert_string_equal(f->remote, "152.236.6.20:23");
    f = find(g, FT_HASH_MATCH, 1301);
    assert_non_null(f);
    assert_int_equal(strlen(f->sha256), 64);
    assert_int_equal(strlen(f->md5), 32);
    assert_int_equal(strlen(f->sha1), 40);
    assert_string_equal(f->ioc, f->sha256);
    f = find(g, FT_RULE_MATCH, 0);
    assert_non_null(f);
    assert_string_equal(f->exe, "/tmp/mips");
    f = find(g, FT_DNS_BYPASS, 1301);
    assert_non_null(f);
    assert_string_equal(f->remote, "8.8.8.8:53");
    /* dnsmasq's own upstream query to 8.8.8.8 is not a bypass */
    assert_null(find(g, FT_DNS_BYPASS, 900));
    /* dropbear on 22 and uhttpd on 80 are the expected daemons */
    assert_int_equal(count(g, FT_PORT_GRAB), 1);
    f = find(g, FT_PORT_GRAB, 1302);
    assert_non_null(f);
    assert_string_equal(f->local, "0.0.0.0:23");
    f = find(g, FT_IPTABLES_TR069_BLOCK, 0);
    assert_non_null(f);
    assert_int_equal(f->severity, SEV_HIGH);
    assert_int_equal(count(g, FT_IPTABLES_TR069_BLOCK), 2);
    /* the image file in /tmp that runs is reported through its process,
     * not a second time as a file */
    assert_int_equal(sum.counts[FT_SOCKET], 0);
    free(g);
}

static void test_clean(void **state)
{
    struct got *g = calloc(1, sizeof *g);
    struct scan_summary sum;

    (void)state;
    assert_non_null(g);
    run(FIX "clean", NULL, 0, g, &sum);
    assert_int_equal(sum.verdict, VERDICT_CLEAN);
    assert_int_equal(g->n, 0);
    assert_int_equal(scan_exit_code(&sum), 0);
    assert_int_equal(sum.processes, 6);
    assert_int_equal(sum.sockets, 5);
    assert_int_equal(sum.bad_records, 0);
    assert_int_equal(sum.errors, 0);
    free(g);
}

static void test_lockdown(void **state)
{
    struct got *g = calloc(1, sizeof *g);
    struct scan_summary sum;
    const struct finding *f;

    (void)state;
    assert_non_null(g);
    run(FIX "lockdown", NULL, 0, g, &sum);
    assert_true(sum.verdict != VERDICT_INFECTED);
    assert_int_equal(g->n, 1);
    f = find(g, FT_IPTABLES_TR069_BLOCK, 0);
    assert_non_null(f);
    assert_int_equal(f->severity, SEV_LOW);
    /* with the example allowlist's lockdown entry it is suppressed, and counted */
    run(FIX "lockdown", FIX "lockdown.allow", 0, g, &sum);
    assert_int_equal(g->n, 0);
    assert_int_equal(sum.suppressed, 1);
    assert_int_equal(sum.verdict, VERDICT_CLEAN);
    assert_int_equal(scan_exit_code(&sum), 0);
    free(g);
}

static void test_allowlist_infected(void **state)
{
    struct got *g = calloc(1, sizeof *g);
    struct scan_summary sum, all;

    (void)state;
    assert_non_null(g);
    run(FIX "infected", NULL, 1, g, &all);
    run(FIX "infected", FIX "infected.allow", 1, g, &sum);
    /* the allowlist names the C2 address and the /tmp/mips file's rules */
    assert_null(find(g, FT_IOC_CONNECTION, 1301));
    assert_null(find(g, FT_RULE_MATCH, 0));
    assert_non_null(find(g, FT_MIRAI_LOCK_PORT, 1301));
    assert_true(sum.suppressed > 0);
    assert_int_equal(sum.suppressed + g->n, all.counts[0] + all.counts[1] + all.counts[2] +
                     all.counts[3] + all.counts[4] + all.counts[5] + all.counts[6] +
                     all.counts[7] + all.counts[8] + all.counts[9] + all.counts[10]);
    free(g);
}

static void test_malformed(void **state)
{
    struct got *g = calloc(1, sizeof *g);
    struct scan_summary sum;

    (void)state;
    assert_non_null(g);
    util_diag_quiet = 1;
    run(FIX "malformed", NULL, 0, g, &sum);
    util_diag_quiet = 0;
    /* bad /proc/net lines, bad status files, bad fd links, bad hosts and
     * mounts lines, the bad iptables line: all skipped and counted */
    assert_true(sum.bad_records >= 15);
    assert_int_equal(sum.sockets, 1);
    /* the one good socket is mapped through the one good fd link */
    assert_non_null(find(g, FT_PORT_GRAB, 100));
    /* an exe link escaping the root is never opened */
    assert_non_null(find(g, FT_EXE_DELETED, 101));
    assert_null(find(g, FT_RULE_MATCH, 101));
    free(g);
}

/* Two cycles on one context: the second is answered from the hash cache. */
static void test_cycles_cache(void **state)
{
    struct got *g = calloc(1, sizeof *g);
    struct scan_opts o;
    struct scan_summary s1, s2;
    struct finding_sink sink = { got_emit, g };
    struct scan_ctx *c;
    size_t n1;

    (void)state;
    assert_non_null(g);
    scan_opts_init(&o);
    o.root = FIX "infected";
    o.no_resolve = 1;
    o.iocs[o.n_iocs++] = FIX "infected.iocs";
    assert_int_equal(scan_open(&o, &c), IH_OK);
    assert_int_equal(scan_run(c, 1781340000, &sink, &s1), IH_OK);
    n1 = g->n;
    g->n = 0;
    assert_int_equal(scan_run(c, 1781340300, &sink, &s2), IH_OK);
    scan_close(c);
    assert_int_equal(g->n, n1);
    /* the image, /tmp/mips and /tmp/dhcp.leases: every file in tmpfs */
    assert_int_equal(s1.files_hashed, 3);
    assert_int_equal(s2.files_hashed, 0);
    assert_true(s2.hash_cache_hits >= 2);
    assert_int_equal(s2.verdict, VERDICT_INFECTED);
    assert_int_equal(s2.ts, 1781340300);
    free(g);
}

static void test_bad_allowlist_fails_open(void **state)
{
    struct scan_opts o;
    struct scan_ctx *c = NULL;

    (void)state;
    scan_opts_init(&o);
    o.root = FIX "clean";
    o.allow = FIX "bad.allow";
    util_diag_quiet = 1;
    assert_int_equal(scan_open(&o, &c), IH_EPARSE);
    o.allow = FIX "no-such.allow";
    assert_int_equal(scan_open(&o, &c), IH_ENOENT);
    util_diag_quiet = 0;
    assert_null(c);
}

static void test_summary_json(void **state)
{
    struct got *g = calloc(1, sizeof *g);
    struct scan_summary sum;
    char buf[1024];
    size_t len;

    (void)state;
    assert_non_null(g);
    run(FIX "lockdown", FIX "lockdown.allow", 0, g, &sum);
    assert_int_equal(scan_summary_to_json(&sum, 0, 0, buf, sizeof buf, &len), IH_OK);
    assert_non_null(strstr(buf, "\"type\":\"summary\""));
    assert_non_null(strstr(buf, "\"verdict\":\"CLEAN\""));
    assert_non_null(strstr(buf, "\"suppressed\":1"));
    assert_non_null(strstr(buf, "\"proc_net_byte_order\":\"be\""));
    assert_int_equal(strlen(buf), len);
    free(g);
}

/* Write a file under build/test-out (tests run from the repository root). */
static void put(const char *path, const void *data, size_t n)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);

    assert_true(fd >= 0);
    assert_int_equal(write(fd, data, n), (ssize_t)n);
    close(fd);
}

/* A device image where a source the hunt needs cannot be read is never
 * CLEAN: INCOMPLETE, exit 3, the summary says what and what to do. */
static void test_incomplete(void **state)
{
    struct got *g = calloc(1, sizeof *g);
    struct scan_summary sum;
    char buf[2048], text[256];
    const char *advice;
    size_t len;

    (void)state;
    assert_non_null(g);
    /* the clean device, but its /proc/net/raw and its firewall dump gone */
    assert_int_equal(system("rm -rf build/test-out/incomplete && mkdir -p build/test-out && "
                            "cp -a " FIX "clean build/test-out/incomplete && "
                            "rm build/test-out/incomplete/proc/net/raw "
                            "build/test-out/incomplete/iptables-save.txt"), 0);
    util_diag_quiet = 1;
    run("build/test-out/incomplete", NULL, 0, g, &sum);
    util_diag_quiet = 0;
    assert_int_equal(g->n, 0);
    assert_int_equal(sum.verdict, VERDICT_INCOMPLETE);
    assert_string_equal(scan_verdict_name(sum.verdict), "INCOMPLETE");
    assert_false(scan_complete(&sum));
    assert_int_equal(scan_exit_code(&sum), 3);
    assert_int_equal(sum.unread[SRC_SOCKETS], 1);
    assert_int_equal(sum.unread[SRC_FIREWALL], 1);
    assert_int_equal(sum.errors, 2);
    scan_unread_text(&sum, text, sizeof text, &advice);
    assert_string_equal(text, "1 socket table(s) in /proc/net; the firewall rules");
    assert_non_null(strstr(advice, "/proc"));
    assert_int_equal(scan_summary_to_json(&sum, 0, 0, buf, sizeof buf, &len), IH_OK);
    assert_non_null(strstr(buf, "\"verdict\":\"INCOMPLETE\""));
    assert_non_null(strstr(buf, "\"complete\":false"));
    assert_non_null(strstr(buf, "\"unreadable\":\"1 socket table(s) in /proc/net; the firewall rules\""));
    assert_non_null(strstr(buf, "\"advice\":"));
    /* with findings the verdict stays, and says it is incomplete */
    sum.by_severity[SEV_HIGH] = 1;
    assert_int_equal(scan_exit_code(&sum), 1);
    sum.verdict = VERDICT_INFECTED;
    assert_int_equal(scan_summary_to_json(&sum, 0, 0, buf, sizeof buf, &len), IH_OK);
    assert_non_null(strstr(buf, "\"summary\":\"INFECTED: 1 finding(s), 0 suppressed by allowlist; "
                               "incomplete, not read: 1 socket table(s)"));
    /* the complete clean device says so */
    run(FIX "clean", NULL, 0, g, &sum);
    assert_true(scan_complete(&sum));
    assert_int_equal(scan_summary_to_json(&sum, 0, 0, buf, sizeof buf, &len), IH_OK);
    assert_non_null(strstr(buf, "\"complete\":true"));
    assert_null(strstr(buf, "unreadable"));
    free(g);
}

/* --root must be a directory with proc/ in it: a usage error otherwise. */
static void test_root_usage(void **state)
{
    struct scan_opts o;
    struct scan_ctx *c = NULL;

    (void)state;
    scan_opts_init(&o);
    util_diag_quiet = 1;
    o.root = "/nonexistent-iothunt-root";
    assert_int_equal(scan_open(&o, &c), IH_EINVAL);
    o.root = "tests/data/fixtures/infected.iocs";
    assert_int_equal(scan_open(&o, &c), IH_EINVAL);
    o.root = "tests/data";      /* a directory, but no proc/ */
    assert_int_equal(scan_open(&o, &c), IH_EINVAL);
    util_diag_quiet = 0;
    assert_null(c);
}

static const struct finding *find_exe(const struct got *g, enum finding_type t, const char *exe)
{
    size_t i;

    for (i = 0; i < g->n; i++) {
        if (g->f[i].type == t && strcmp(g->f[i].exe, exe) == 0) {
            return &g->f[i];
        }
    }
    return NULL;
}

/*
 * qemu-user: the guest image named by /proc/PID/maps is the culprit, not
 * the emulator; three forked copies are one finding per kind with their
 * pids; a memfd image and an anonymous guest are fileless_exec.
 */
static void test_emulated_attribution(void **state)
{
    struct got *g = calloc(1, sizeof *g);
    struct scan_summary sum;
    const struct finding *f;
    char buf[2048];
    size_t len, i;

    (void)state;
    assert_non_null(g);
    run(FIX "emulated", NULL, 1, g, &sum);
    assert_int_equal(sum.verdict, VERDICT_INFECTED);
    assert_true(scan_complete(&sum));
    for (i = 0; i < g->n; i++) {
        assert_string_not_equal(g->f[i].exe, "/usr/bin/qemu-mips-static");
    }
    /* one per kind for the three copies */
    assert_int_equal(count(g, FT_EXE_DELETED), 1);
    assert_int_equal(count(g, FT_EXE_IN_TMPFS), 1);
    assert_int_equal(count(g, FT_HASH_MATCH), 1);
    f = find(g, FT_EXE_DELETED, 1400);
    assert_non_null(f);
    assert_string_equal(f->exe, "/tmp/.bot");
    assert_string_equal(f->reason, "guest image of /usr/bin/qemu-mips-static");
    assert_int_equal(f->n_pids, 3);
    assert_int_equal(f->pids[0], 1400);
    assert_int_equal(f->pids[1], 1401);
    assert_int_equal(f->pids[2], 1402);
    assert_non_null(strstr(f->summary, "pids 1400, 1401, 1402 "));
    assert_int_equal(finding_to_json(f, 0, buf, sizeof buf, &len), IH_OK);
    assert_non_null(strstr(buf, "\"pid\":1400,\"pids\":[1400,1401,1402],"));
    /* rules: one finding per image, every rule named */
    f = find_exe(g, FT_RULE_MATCH, "/tmp/.bot");
    assert_non_null(f);
    assert_int_equal(f->n_pids, 3);
    assert_non_null(strstr(f->rule, "Mirai_MIPS_MSB"));
    assert_non_null(strchr(f->rule, ' '));
    assert_int_equal(strlen(f->sha256), 64);
    f = find(g, FT_HASH_MATCH, 1400);
    assert_non_null(f);
    assert_string_equal(f->exe, "/tmp/.bot");
    /* memfd: fileless, not exe_deleted; its image is still scanned */
    f = find(g, FT_FILELESS_EXEC, 1500);
    assert_non_null(f);
    assert_int_equal(f->severity, SEV_HIGH);
    assert_string_equal(f->exe, "/memfd:kworker");
    assert_null(find(g, FT_EXE_DELETED, 1500));
    assert_null(find(g, FT_EXE_IN_TMPFS, 1500));
    assert_non_null(find(g, FT_RULE_MATCH, 1500));
    /* a qemu-user guest with no file mapping */
    f = find(g, FT_FILELESS_EXEC, 1600);
    assert_non_null(f);
    assert_string_equal(f->exe, "(anonymous memory)");
    assert_int_equal(count(g, FT_FILELESS_EXEC), 2);
    free(g);
}

/* The same socket line in a little-endian device's /proc/net/tcp must be
 * read little-endian when the device's busybox is a little-endian ELF. */
static void test_byte_order_from_elf(void **state)
{
    static const char tcp_le[] =
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
        "   0: 0100007F:BBE5 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 77 1 0000000000000000 100 0 0 10 0\n";
    static const unsigned char elf_le[16] = { 0x7f, 'E', 'L', 'F', 1, 1, 1 };
    static const unsigned char elf_be[16] = { 0x7f, 'E', 'L', 'F', 1, 2, 1 };
    struct sock_table t;
    struct root r;
    char ep[64];

    (void)state;
    (void)mkdir("build/test-out", 0755);
    (void)mkdir("build/test-out/le-root", 0755);
    (void)mkdir("build/test-out/le-root/bin", 0755);
    (void)mkdir("build/test-out/le-root/proc", 0755);
    (void)mkdir("build/test-out/le-root/proc/net", 0755);
    put("build/test-out/le-root/proc/net/tcp", tcp_le, sizeof tcp_le - 1);
    put("build/test-out/le-root/bin/busybox", elf_le, sizeof elf_le);
    assert_int_equal(root_init(&r, "build/test-out/le-root"), IH_OK);
    assert_int_equal(sockets_load(&r, &t), IH_OK);
    assert_int_equal(t.order, PROCNET_ORDER_LE);
    assert_string_equal(t.order_how, "elf");
    assert_int_equal(t.n, 1);
    assert_int_equal(procnet_format_endpoint(4, t.v[0].e.laddr, t.v[0].e.lport, ep, sizeof ep), IH_OK);
    assert_string_equal(ep, "127.0.0.1:48101");
    sockets_free(&t);
    /* a big-endian busybox over the same file misreads it: the ELF decides */
    put("build/test-out/le-root/bin/busybox", elf_be, sizeof elf_be);
    assert_int_equal(sockets_load(&r, &t), IH_OK);
    assert_int_equal(t.order, PROCNET_ORDER_BE);
    assert_int_equal(procnet_format_endpoint(4, t.v[0].e.laddr, t.v[0].e.lport, ep, sizeof ep), IH_OK);
    assert_string_equal(ep, "1.0.0.127:48101");
    sockets_free(&t);
    /* no ELF at all: the addresses' plausibility says little-endian */
    assert_int_equal(unlink("build/test-out/le-root/bin/busybox"), 0);
    assert_int_equal(sockets_load(&r, &t), IH_OK);
    assert_int_equal(t.order, PROCNET_ORDER_LE);
    assert_string_equal(t.order_how, "guess");
    sockets_free(&t);
}

/* Live: the probe socket decides, whatever order this build runs in (under
 * qemu-user a big-endian build reads the little-endian host's tables). */
static void test_byte_order_probe_live(void **state)
{
    struct sock_table t;
    struct root r;

    (void)state;
    assert_int_equal(root_init(&r, NULL), IH_OK);
    assert_int_equal(sockets_load(&r, &t), IH_OK);
    assert_string_equal(t.order_how, "probe");
    /* the host kernel of the test machine is little-endian x86 */
    assert_int_equal(t.order, PROCNET_ORDER_LE);
    sockets_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_infected_every_type),
        cmocka_unit_test(test_infected_evidence),
        cmocka_unit_test(test_clean),
        cmocka_unit_test(test_lockdown),
        cmocka_unit_test(test_allowlist_infected),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_cycles_cache),
        cmocka_unit_test(test_bad_allowlist_fails_open),
        cmocka_unit_test(test_summary_json),
        cmocka_unit_test(test_incomplete),
        cmocka_unit_test(test_root_usage),
        cmocka_unit_test(test_emulated_attribution),
        cmocka_unit_test(test_byte_order_from_elf),
        cmocka_unit_test(test_byte_order_probe_live),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
