/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_proc.c - /proc/PID parsers (status, cmdline, fd and exe links,
 * mounts) on good, malformed and truncated input, and the readers on the
 * --root fixtures: exe targets resolved under the root, " (deleted)" tried
 * first, ".." refused, fd -> socket inodes.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "proc.h"
#include "util.h"

#define FIX "tests/data/fixtures/"

static int proc_read_at(const char *dir, int32_t pid, struct proc_info *pi)
{
    struct root r;

    assert_int_equal(root_init(&r, dir), IH_OK);
    return proc_read(&r, pid, pi);
}

static void test_status(void **state)
{
    static const struct {
        const char *text;
        int rc;
        unsigned long bad_line;
        const char *comm;
        int32_t ppid;
        uint32_t uid;
    } cases[] = {
        { "Name:\tdropbear\nUmask:\t0022\nPPid:\t1\nUid:\t0\t0\t0\t0\nGid:\t0\n", IH_OK, 0, "dropbear", 1, 0 },
        { "Name:\tdnsmasq\nPPid:\t1\nUid:\t453\t453\t453\t453\n", IH_OK, 0, "dnsmasq", 1, 453 },
        { "Name:\tx\nPPid:\t1\nUid:\t7", IH_OK, 0, "x", 1, 7 },      /* no final newline */
        { "Name:\twith space\nPPid:\t0\nUid:\t1 2 3 4\n", IH_OK, 0, "with space", 0, 1 },
        { "Name:\t0123456789012345678901234567890123456789\nPPid:\t2\nUid:\t0\n", IH_OK, 0,
          "0123456789012345678901234567890", 2, 0 },                  /* comm cut to fit */
        { "Name:\tx\nPPid:\t-1\nUid:\t0\n", IH_EPARSE, 2, NULL, 0, 0 },
        { "Name:\tx\nPPid:\t1\nUid:\t4294967295\n", IH_EPARSE, 3, NULL, 0, 0 },
        { "Name:\tx\nPPid:\t99999999999\nUid:\t0\n", IH_EPARSE, 2, NULL, 0, 0 },
        { "Name:\tx\nName:\ty\nPPid:\t1\nUid:\t0\n", IH_EPARSE, 2, NULL, 0, 0 },
        { "Name:\tx\nPPid:\t1\n", IH_EPARSE, 0, NULL, 0, 0 },          /* no Uid */
        { "garbage without colon\n", IH_EPARSE, 1, NULL, 0, 0 },
        { "", IH_EPARSE, 0, NULL, 0, 0 },
        { "Name:\tx\nPPid:\t\nUid:\t0\n", IH_EPARSE, 2, NULL, 0, 0 },
        { "Name:\tx\nPPid:\t1\nUid:\t\t0\n", IH_OK, 0, "x", 1, 0 },     /* extra blanks */
    };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct proc_info pi;
        unsigned long bad = 99;
        int rc;

        memset(&pi, 0, sizeof pi);
        rc = proc_parse_status(cases[i].text, strlen(cases[i].text), &pi, &bad);
        if (rc != cases[i].rc || bad != cases[i].bad_line) {
            fail_msg("case %zu: rc %d bad line %lu", i, rc, bad);
        }
        if (rc == IH_OK) {
            assert_string_equal(pi.comm, cases[i].comm);
            assert_int_equal(pi.ppid, cases[i].ppid);
            assert_int_equal(pi.uid, cases[i].uid);
        }
    }
}

static void test_cmdline(void **state)
{
    static const struct {
        const char *b;
        size_t n, cap;
        int rc;
        const char *want;
    } cases[] = {
        { "/usr/sbin/dropbear\0-F\0-p\0" "22\0", 28, 64, IH_OK, "/usr/sbin/dropbear -F -p 22" },
        { "abc", 3, 64, IH_OK, "abc" },
        { "", 0, 64, IH_OK, "" },
        { "\0\0\0", 3, 64, IH_OK, "" },
        { "a\0\0b\0", 5, 64, IH_OK, "a  b" },
        { "abcdef\0", 7, 4, IH_ETRUNC, "abc" },
        { "\xff\xfe\0\x01", 4, 64, IH_OK, "\xff\xfe \x01" },
    };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[64];

        assert_int_equal(proc_parse_cmdline(cases[i].b, cases[i].n, out, cases[i].cap), cases[i].rc);
        assert_string_equal(out, cases[i].want);
    }
}

static void test_fd_link(void **state)
{
    static const struct {
        const char *s;
        int rc;
        uint64_t ino;
    } cases[] = {
        { "socket:[12345]", IH_OK, 12345 },
        { "socket:[18446744073709551615]", IH_OK, UINT64_MAX },
        { "socket:[18446744073709551616]", IH_EPARSE, 0 },
        { "socket:[]", IH_EPARSE, 0 },
        { "socket:[12", IH_EPARSE, 0 },
        { "socket:12]", IH_EPARSE, 0 },
        { "socket:[1 2]", IH_EPARSE, 0 },
        { "socket:", IH_EPARSE, 0 },
        { "pipe:[123]", IH_ENOENT, 0 },
        { "/dev/null", IH_ENOENT, 0 },
        { "anon_inode:[eventpoll]", IH_ENOENT, 0 },
        { "", IH_ENOENT, 0 },
    };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        uint64_t ino = 0;

        assert_int_equal(proc_parse_fd_link(cases[i].s, strlen(cases[i].s), &ino), cases[i].rc);
        if (cases[i].rc == IH_OK) {
            assert_true(ino == cases[i].ino);
        }
    }
}

static void test_exe_link(void **state)
{
    static const struct {
        const char *s;
        int rc, deleted;
        const char *want;
    } cases[] = {
        { "/usr/sbin/dropbear", IH_OK, 0, "/usr/sbin/dropbear" },
        { "/tmp/.x (deleted)", IH_OK, 1, "/tmp/.x" },
        { "/tmp/a (deleted) (deleted)", IH_OK, 1, "/tmp/a (deleted)" },
        { " (deleted)", IH_EPARSE, 0, NULL },
        { "relative", IH_EPARSE, 0, NULL },
        { "", IH_EPARSE, 0, NULL },
    };
    size_t i;
    char out[64];
    int del;

    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(proc_parse_exe_link(cases[i].s, out, sizeof out, &del), cases[i].rc);
        if (cases[i].rc == IH_OK) {
            assert_string_equal(out, cases[i].want);
            assert_int_equal(del, cases[i].deleted);
        }
    }
    assert_int_equal(proc_parse_exe_link("/0123456789", out, 8, &del), IH_ETRUNC);
}

static void test_mounts(void **state)
{
    static const char text[] =
        "/dev/root /rom squashfs ro 0 0\n"
        "tmpfs /tmp tmpfs rw,nosuid 0 0\n"
        "tmpfs /dev tmpfs rw 0 0\n"
        "ramfs /mnt/ram\\040disk ramfs rw 0 0\n"
        "tmpfs /bad\\09 tmpfs rw 0 0\n"       /* bad escape */
        "tmpfs /cut\\04 tmpfs rw 0 0\n"       /* cut escape */
        "tmpfs\n"                            /* too few fields */
        "tmpfs relative tmpfs rw 0 0\n"      /* not absolute */
        "tmpfs /overlay/upper tmpfs rw 0 0";
    struct proc_mounts m;
    unsigned long bad = 0;

    (void)state;
    assert_int_equal(proc_parse_mounts(text, sizeof text - 1, &m, &bad), IH_OK);
    assert_int_equal(bad, 4);
    assert_int_equal(m.n, 4);
    assert_string_equal(m.dir[0], "/tmp");
    assert_string_equal(m.dir[1], "/dev");
    assert_string_equal(m.dir[2], "/mnt/ram disk");
    assert_string_equal(m.dir[3], "/overlay/upper");
    assert_true(proc_path_in_tmpfs("/tmp/.x", &m));
    assert_true(proc_path_in_tmpfs("/var/run/x", NULL));
    assert_true(proc_path_in_tmpfs("/dev/shm/x", NULL));
    assert_true(proc_path_in_tmpfs("/mnt/ram disk/x", &m));
    assert_true(proc_path_in_tmpfs("/overlay/upper/usr/bin/x", &m));
    assert_false(proc_path_in_tmpfs("/dev/mtdblock3", &m));   /* /dev itself does not count */
    assert_false(proc_path_in_tmpfs("/tmpx/a", &m));
    assert_false(proc_path_in_tmpfs("/usr/sbin/dropbear", &m));
    assert_false(proc_path_in_tmpfs("/variable", NULL));
}

static void test_read_fixture(void **state)
{
    struct root r;
    struct proc_info pi;

    (void)state;
    assert_int_equal(root_init(&r, FIX "infected"), IH_OK);
    assert_int_equal(proc_read(&r, 1301, &pi), IH_OK);
    assert_int_equal(pi.pid, 1301);
    assert_int_equal(pi.ppid, 1);
    assert_int_equal(pi.uid, 0);
    assert_string_equal(pi.comm, "vbrxmr");
    assert_string_equal(pi.exe, "/tmp/.x");
    assert_int_equal(pi.exe_deleted, 1);
    assert_string_equal(pi.cmdline, "vbrxmr");
    assert_int_equal(proc_read(&r, 812, &pi), IH_OK);
    assert_string_equal(pi.exe, "/usr/sbin/dropbear");
    assert_int_equal(pi.exe_deleted, 0);
    assert_string_equal(pi.cmdline, "/usr/sbin/dropbear -F -P /var/run/dropbear.1.pid -p 22 -K 300");
    assert_int_equal(proc_read(&r, 900, &pi), IH_OK);
    assert_int_equal(pi.uid, 453);
    /* kernel thread: no exe */
    assert_int_equal(proc_read(&r, 2, &pi), IH_OK);
    assert_string_equal(pi.exe, "");
    /* gone */
    assert_int_equal(proc_read(&r, 4242, &pi), IH_ENOENT);
}

struct inodes {
    uint64_t v[16];
    size_t n;
};

static int ino_cb(void *ctx, uint64_t inode)
{
    struct inodes *s = ctx;

    if (s->n < 16) {
        s->v[s->n++] = inode;
    }
    return 0;
}

static int has(const struct inodes *s, uint64_t ino)
{
    size_t i;

    for (i = 0; i < s->n; i++) {
        if (s->v[i] == ino) {
            return 1;
        }
    }
    return 0;
}

static void test_fd_sockets(void **state)
{
    struct root r;
    struct inodes s;
    unsigned long bad = 0;

    (void)state;
    assert_int_equal(root_init(&r, FIX "infected"), IH_OK);
    memset(&s, 0, sizeof s);
    assert_int_equal(proc_fd_sockets(&r, 1303, ino_cb, &s, &bad), IH_OK);
    assert_int_equal(s.n, 7);
    assert_true(has(&s, 3301));
    assert_true(has(&s, 3206));
    assert_int_equal(bad, 0);
    assert_int_equal(proc_fd_sockets(&r, 4242, ino_cb, &s, &bad), IH_ENOENT);
    /* malformed links are counted, the good one still found; "x" is no fd */
    assert_int_equal(root_init(&r, FIX "malformed"), IH_OK);
    memset(&s, 0, sizeof s);
    util_diag_quiet = 1;
    assert_int_equal(proc_fd_sockets(&r, 100, ino_cb, &s, &bad), IH_OK);
    util_diag_quiet = 0;
    assert_int_equal(bad, 3);
    assert_int_equal(s.n, 1);
    assert_true(has(&s, 2001));
}

static void test_open_image(void **state)
{
    struct root r;
    struct proc_info pi;
    struct stat st;
    char head[4];
    int fd;

    (void)state;
    assert_int_equal(root_init(&r, FIX "infected"), IH_OK);
    /* "/tmp/.x (deleted)": the file with the suffix in its name is the image */
    assert_int_equal(proc_read(&r, 1302, &pi), IH_OK);
    assert_int_equal(proc_open_image(&r, &pi, &fd, &st), IH_OK);
    assert_int_equal(read(fd, head, 4), 4);
    assert_memory_equal(head, "\177ELF", 4);
    close(fd);
    /* without the suffixed file, the plain name is tried next */
    memset(&pi, 0, sizeof pi);
    pi.pid = 1;
    pi.exe_deleted = 1;
    (void)util_strlcpy(pi.exe, "/tmp/mips", sizeof pi.exe);
    assert_int_equal(proc_open_image(&r, &pi, &fd, &st), IH_OK);
    close(fd);
    /* ".." never leaves the root; a directory is not an image */
    (void)util_strlcpy(pi.exe, "/tmp/../../../clean/bin/busybox", sizeof pi.exe);
    assert_int_equal(proc_open_image(&r, &pi, &fd, &st), IH_EINVAL);
    (void)util_strlcpy(pi.exe, "/tmp", sizeof pi.exe);
    assert_int_equal(proc_open_image(&r, &pi, &fd, &st), IH_EINVAL);
    (void)util_strlcpy(pi.exe, "/tmp/nothing", sizeof pi.exe);
    assert_int_equal(proc_open_image(&r, &pi, &fd, &st), IH_ENOENT);
    /* a symlink is never followed: the fd links of the fixture point at /dev/null */
    assert_int_equal(proc_open_device_file(&r, "/proc/1301/fd/0", &fd, &st), IH_EIO);
}

static int walk_cb(void *ctx, int32_t pid)
{
    struct inodes *s = ctx;

    return ino_cb(s, (uint64_t)pid);
}

static void test_walk(void **state)
{
    struct root r;
    struct inodes s;

    (void)state;
    memset(&s, 0, sizeof s);
    assert_int_equal(root_init(&r, FIX "infected"), IH_OK);
    assert_int_equal(proc_walk(&r, walk_cb, &s), IH_OK);
    assert_int_equal(s.n, 9);   /* "net", "mounts" are no pids */
    assert_true(has(&s, 1) && has(&s, 1301) && has(&s, 1302) && has(&s, 1303));
    assert_int_equal(root_init(&r, FIX "no-such-root"), IH_OK);
    assert_int_equal(proc_walk(&r, walk_cb, &s), IH_EIO);
}

/* /proc/PID/maps of a qemu-user process (captured on this host from
 * qemu-mips-static running a deleted MIPS image): the guest image. */
static void test_maps_guest(void **state)
{
    static const char maps[] =
        "00001000-00401000 ---p 00000000 00:00 0 \n"
        "00401000-0040b000 r--p 00000000 fe:00 10953640                           /tmp/i12a-sim (deleted)\n"
        "0041b000-0041c000 rw-p 0000a000 fe:00 10953640                           /tmp/i12a-sim (deleted)\n"
        "555560362000-5555603eb000 rw-p 00000000 00:00 0                          [heap]\n"
        "7f2721800000-7f2721a18000 r--p 00000000 fe:00 10977370                   /usr/bin/qemu-mips-static\n";
    static const char emu_first[] =
        "7f2721800000-7f2721a18000 r--p 00000000 fe:00 10977370  /usr/bin/qemu-mips-static (deleted)\n"
        "7f2721a18000-7f2721d53000 r-xp 00218000 fe:00 10977370  /lib/x.so\n"
        "00400000-00401000 r-xp 00000000 08:01 12 /memfd:bot (deleted)\n";
    char out[PROC_EXE_MAX], range[40], small[8];
    unsigned long bad = 0;
    struct proc_info pi;

    (void)state;
    assert_int_equal(proc_parse_maps_guest(maps, sizeof maps - 1, "/usr/bin/qemu-mips-static", out,
                                           sizeof out, range, sizeof range, &bad), IH_OK);
    assert_string_equal(out, "/tmp/i12a-sim (deleted)");
    assert_string_equal(range, "401000-40b000");   /* as map_files names it */
    /* the emulator (even unlinked) and mappings not at offset 0 are skipped */
    assert_int_equal(proc_parse_maps_guest(emu_first, sizeof emu_first - 1,
                                           "/usr/bin/qemu-mips-static", out, sizeof out, range,
                                           sizeof range, &bad), IH_OK);
    assert_string_equal(out, "/memfd:bot (deleted)");
    /* only anonymous memory and the emulator: no guest file */
    assert_int_equal(proc_parse_maps_guest(maps + 235, sizeof maps - 1 - 235,
                                           "/usr/bin/qemu-mips-static", out, sizeof out, range,
                                           sizeof range, &bad), IH_ENOENT);
    assert_int_equal(proc_parse_maps_guest("", 0, "/x", out, sizeof out, range, sizeof range, &bad),
                     IH_ENOENT);
    /* malformed lines name their line */
    {
        static const char *const badv[] = {
            "00400000-00401000 r-xp 0 08:01 1\nzz-1 r-xp 0 0 0 /b\n",
            "00400000 r-xp 0 08:01 1 /a\n",
            "00400000-1 rxp 0 08:01 1 /a\n",
            "00400000-1 r-xp 0x 08:01 1 /a\n",
            "00400000-1 r-xp 0 08:01\n",
        };
        size_t i;

        for (i = 0; i < sizeof badv / sizeof badv[0]; i++) {
            assert_int_equal(proc_parse_maps_guest(badv[i], strlen(badv[i]), "/x", out, sizeof out,
                                                   range, sizeof range, &bad), IH_EPARSE);
            assert_int_equal(bad, i == 0 ? 2 : 1);
        }
    }
    /* a path that does not fit */
    assert_int_equal(proc_parse_maps_guest(maps, sizeof maps - 1, "/usr/bin/qemu-mips-static", small,
                                           sizeof small, range, sizeof range, &bad), IH_ETRUNC);
    /* which exe is an emulator, which image has no file */
    assert_true(proc_exe_is_qemu_user("/usr/bin/qemu-mips-static"));
    assert_true(proc_exe_is_qemu_user("/usr/bin/qemu-mipsel"));
    assert_false(proc_exe_is_qemu_user("/usr/bin/qemu-system-mips"));
    assert_false(proc_exe_is_qemu_user("/usr/bin/qemu-"));
    assert_false(proc_exe_is_qemu_user("/usr/sbin/dropbear"));
    assert_true(proc_exe_fileless("/memfd:x"));
    assert_true(proc_exe_fileless("/SYSV00000000"));
    assert_false(proc_exe_fileless("/tmp/memfd:x"));
    /* the reader: exe is the guest, the emulator is kept as evidence */
    assert_int_equal(proc_read_at(FIX "emulated", 1401, &pi), IH_OK);
    assert_string_equal(pi.exe, "/tmp/.bot");
    assert_true(pi.exe_deleted);
    assert_string_equal(pi.emulator, "/usr/bin/qemu-mips-static");
    assert_false(pi.fileless);
    assert_int_equal(proc_read_at(FIX "emulated", 1500, &pi), IH_OK);
    assert_true(pi.fileless);
    assert_string_equal(pi.exe, "/memfd:kworker");
    assert_int_equal(proc_read_at(FIX "emulated", 1600, &pi), IH_OK);
    assert_true(pi.fileless);
    assert_string_equal(pi.exe, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_status),
        cmocka_unit_test(test_cmdline),
        cmocka_unit_test(test_fd_link),
        cmocka_unit_test(test_exe_link),
        cmocka_unit_test(test_mounts),
        cmocka_unit_test(test_read_fixture),
        cmocka_unit_test(test_fd_sockets),
        cmocka_unit_test(test_open_image),
        cmocka_unit_test(test_walk),
        cmocka_unit_test(test_maps_guest),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
