/* SPDX-License-Identifier: BSD-2-Clause */
#include "proc.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char deleted_sfx[] = " (deleted)";
#define DELETED_LEN (sizeof deleted_sfx - 1)

/*
 * Grammar (Linux fs/proc/array.c; one "Key:\tvalue" per line):
 *
 *   status = *(line LF) [line]
 *   line   = key ":" *(SP | TAB) value
 *   Name   = any bytes but LF (the kernel escapes LF and backslash)
 *   PPid   = dec
 *   Uid    = dec TAB dec TAB dec TAB dec      (real effective saved fs)
 *
 * A line longer than 4 KiB, a bad number or a repeated key is malformed.
 */
int proc_parse_status(const char *buf, size_t len, struct proc_info *pi, unsigned long *bad_line)
{
    size_t pos = 0;
    unsigned long line = 0;
    int have_name = 0, have_ppid = 0, have_uid = 0;

    pi->ppid = -1;
    pi->uid = UINT32_MAX;
    if (bad_line) {
        *bad_line = 0;
    }
    while (pos < len) {
        const char *s = buf + pos;
        const char *nl = memchr(s, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - s) : len - pos;
        const char *colon;
        size_t k, v, e;
        uint64_t num;

        pos += n + (nl ? 1 : 0);
        line++;
        if (n > 4096) {
            goto bad;
        }
        colon = memchr(s, ':', n);
        if (!colon) {
            if (n == 0) {
                continue;
            }
            goto bad;
        }
        k = (size_t)(colon - s);
        v = k + 1;
        while (v < n && (s[v] == ' ' || s[v] == '\t')) {
            v++;
        }
        if (k == 4 && memcmp(s, "Name", 4) == 0) {
            size_t m = n - v;

            if (have_name++) {
                goto bad;
            }
            if (m >= sizeof pi->comm) {
                m = sizeof pi->comm - 1;
            }
            memcpy(pi->comm, s + v, m);
            pi->comm[m] = '\0';
        } else if (k == 4 && memcmp(s, "PPid", 4) == 0) {
            if (have_ppid++ || util_parse_dec(s + v, n - v, INT32_MAX, &num) != IH_OK) {
                goto bad;
            }
            pi->ppid = (int32_t)num;
        } else if (k == 3 && memcmp(s, "Uid", 3) == 0) {
            e = v;
            while (e < n && s[e] != '\t' && s[e] != ' ') {
                e++;
            }
            if (have_uid++ || util_parse_dec(s + v, e - v, UINT32_MAX - 1, &num) != IH_OK) {
                goto bad;
            }
            pi->uid = (uint32_t)num;
        }
        continue;
bad:
        if (bad_line) {
            *bad_line = line;
        }
        return IH_EPARSE;
    }
    if (!have_name || !have_ppid || !have_uid) {
        return IH_EPARSE;
    }
    return IH_OK;
}

/* Grammar: cmdline = *(arg NUL) [arg]; arg = any bytes but NUL. */
int proc_parse_cmdline(const char *buf, size_t len, char *out, size_t n)
{
    size_t i, k = 0;
    int rc = IH_OK;

    if (n == 0) {
        return IH_ETRUNC;
    }
    while (len > 0 && buf[len - 1] == '\0') {
        len--;
    }
    for (i = 0; i < len; i++) {
        if (k + 1 >= n) {
            rc = IH_ETRUNC;
            break;
        }
        out[k++] = buf[i] == '\0' ? ' ' : buf[i];
    }
    out[k] = '\0';
    return rc;
}

/* Grammar: link = "socket:[" dec "]" | anything else (not a socket). */
int proc_parse_fd_link(const char *s, size_t n, uint64_t *inode)
{
    static const char pfx[] = "socket:";

    if (n < sizeof pfx - 1 || memcmp(s, pfx, sizeof pfx - 1) != 0) {
        return IH_ENOENT;
    }
    s += sizeof pfx - 1;
    n -= sizeof pfx - 1;
    if (n < 3 || s[0] != '[' || s[n - 1] != ']') {
        return IH_EPARSE;
    }
    return util_parse_dec(s + 1, n - 2, UINT64_MAX, inode);
}

/* Grammar: target = "/" path [" (deleted)"]. */
int proc_parse_exe_link(const char *target, char *out, size_t n, int *deleted)
{
    size_t l = strlen(target);

    *deleted = 0;
    if (l == 0 || target[0] != '/') {
        return IH_EPARSE;
    }
    if (l > DELETED_LEN && memcmp(target + l - DELETED_LEN, deleted_sfx, DELETED_LEN) == 0) {
        *deleted = 1;
        l -= DELETED_LEN;
    }
    if (l >= n) {
        return IH_ETRUNC;
    }
    memcpy(out, target, l);
    out[l] = '\0';
    return IH_OK;
}

int proc_exe_fileless(const char *exe)
{
    static const char *const pfx[] = { "/memfd:", "/SYSV", "/dev/zero", "/anon_hugepage" };
    size_t i;

    for (i = 0; i < sizeof pfx / sizeof pfx[0]; i++) {
        if (strncmp(exe, pfx[i], strlen(pfx[i])) == 0) {
            return 1;
        }
    }
    return 0;
}

int proc_exe_is_qemu_user(const char *exe)
{
    const char *b = strrchr(exe, '/');

    b = b ? b + 1 : exe;
    return strncmp(b, "qemu-", 5) == 0 && strncmp(b, "qemu-system-", 12) != 0 && b[5] != '\0';
}

/* 1 if S[0..N) is 1-16 hex digits. */
static int maps_hex(const char *s, size_t n)
{
    size_t i;

    if (n == 0 || n > 16) {
        return 0;
    }
    for (i = 0; i < n; i++) {
        char c = s[i];

        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
            return 0;
        }
    }
    return 1;
}

int proc_parse_maps_guest(const char *buf, size_t len, const char *emu, char *out, size_t n,
                          char *range, size_t rn, unsigned long *bad_line)
{
    size_t pos = 0, el = strlen(emu);
    unsigned long line = 0;

    if (el > DELETED_LEN && memcmp(emu + el - DELETED_LEN, deleted_sfx, DELETED_LEN) == 0) {
        el -= DELETED_LEN;
    }
    while (pos < len) {
        const char *s = buf + pos, *f[5] = { NULL };
        const char *nl = memchr(s, '\n', len - pos);
        size_t ln = nl ? (size_t)(nl - s) : len - pos, fl[5] = { 0 }, i = 0, k = 0, pl;
        const char *dash;

        pos += ln + (nl ? 1 : 0);
        line++;
        if (ln == 0) {
            continue;
        }
        while (i < ln && k < 5) {
            while (i < ln && s[i] == ' ') {
                i++;
            }
            f[k] = s + i;
            while (i < ln && s[i] != ' ') {
                i++;
            }
            fl[k] = (size_t)(s + i - f[k]);
            k++;
        }
        while (i < ln && s[i] == ' ') {
            i++;
        }
        dash = k == 5 ? memchr(f[0], '-', fl[0]) : NULL;
        if (ln > 4096 || !dash || !maps_hex(f[0], (size_t)(dash - f[0])) ||
            !maps_hex(dash + 1, fl[0] - (size_t)(dash - f[0]) - 1) || fl[1] != 4 ||
            !maps_hex(f[2], fl[2])) {
            if (bad_line) {
                *bad_line = line;
            }
            return IH_EPARSE;
        }
        pl = ln - i;
        if (pl == 0 || s[i] != '/') {
            continue;       /* anonymous, [heap], [stack], [vdso] */
        }
        for (k = 0; k < fl[2] && f[2][k] == '0'; k++) {
        }
        if (k != fl[2]) {
            continue;       /* not the start of a file */
        }
        if ((pl == el || (pl == el + DELETED_LEN &&
                          memcmp(s + i + el, deleted_sfx, DELETED_LEN) == 0)) &&
            memcmp(s + i, emu, el) == 0) {
            continue;       /* the emulator itself */
        }
        if (pl >= n || fl[0] >= rn) {
            return IH_ETRUNC;
        }
        memcpy(out, s + i, pl);
        out[pl] = '\0';
        /* map_files names drop the leading zeros maps prints: "%lx-%lx" */
        {
            const char *h[2] = { f[0], dash + 1 };
            size_t hl[2] = { (size_t)(dash - f[0]), fl[0] - (size_t)(dash - f[0]) - 1 };

            for (i = 0, k = 0; i < 2; i++) {
                while (hl[i] > 1 && *h[i] == '0') {
                    h[i]++;
                    hl[i]--;
                }
                memcpy(range + k, h[i], hl[i]);
                k += hl[i];
                if (i == 0) {
                    range[k++] = '-';
                }
            }
        }
        range[k] = '\0';
        return IH_OK;
    }
    return IH_ENOENT;
}

/* Copy a /proc/mounts field, decoding \ooo octal escapes; 0 or -1. */
static int pm_unescape(const char *s, size_t n, char *out, size_t cap)
{
    size_t i = 0, k = 0;

    while (i < n) {
        char c = s[i];

        if (c == '\\') {
            unsigned v = 0, j;

            if (i + 3 >= n) {
                return -1;
            }
            for (j = 1; j <= 3; j++) {
                if (s[i + j] < '0' || s[i + j] > '7') {
                    return -1;
                }
                v = v * 8 + (unsigned)(s[i + j] - '0');
            }
            if (v == 0 || v > 255) {
                return -1;
            }
            c = (char)v;
            i += 4;
        } else {
            i++;
        }
        if (k + 1 >= cap) {
            return -1;
        }
        out[k++] = c;
    }
    out[k] = '\0';
    return 0;
}

/*
 * Grammar (fs/proc_namespace.c):
 *   line = source SP mountpoint SP fstype SP options SP dec SP dec
 * Fields hold no spaces (escaped as \040).  Only tmpfs/ramfs lines are kept.
 */
int proc_parse_mounts(const char *buf, size_t len, struct proc_mounts *m, unsigned long *bad)
{
    size_t pos = 0;

    m->n = 0;
    while (pos < len) {
        const char *s = buf + pos;
        const char *nl = memchr(s, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - s) : len - pos;
        const char *f[6];
        size_t fl[6], i = 0, k = 0;

        pos += n + (nl ? 1 : 0);
        if (n == 0) {
            continue;
        }
        while (i < n && k < 6) {
            while (i < n && s[i] == ' ') {
                i++;
            }
            if (i >= n) {
                break;
            }
            f[k] = s + i;
            while (i < n && s[i] != ' ') {
                i++;
            }
            fl[k] = (size_t)(s + i - f[k]);
            k++;
        }
        if (k < 4 || n > 4096) {
            if (bad) {
                (*bad)++;
            }
            continue;
        }
        if (!((fl[2] == 5 && memcmp(f[2], "tmpfs", 5) == 0) ||
              (fl[2] == 5 && memcmp(f[2], "ramfs", 5) == 0))) {
            continue;
        }
        if (m->n >= PROC_MOUNTS_MAX) {
            continue;
        }
        if (pm_unescape(f[1], fl[1], m->dir[m->n], sizeof m->dir[0]) != 0 || m->dir[m->n][0] != '/') {
            if (bad) {
                (*bad)++;
            }
            continue;
        }
        m->n++;
    }
    return IH_OK;
}

/* 1 if PATH is DIR or below it. */
static int path_under(const char *path, const char *dir)
{
    size_t l = strlen(dir);

    while (l > 1 && dir[l - 1] == '/') {
        l--;
    }
    if (l == 1 && dir[0] == '/') {
        return 0;   /* a tmpfs root would make everything suspicious */
    }
    return strncmp(path, dir, l) == 0 && (path[l] == '/' || path[l] == '\0');
}

int proc_path_in_tmpfs(const char *path, const struct proc_mounts *m)
{
    static const char *const fixed[] = { "/tmp", "/var", "/dev/shm" };
    unsigned i;

    for (i = 0; i < sizeof fixed / sizeof fixed[0]; i++) {
        if (path_under(path, fixed[i])) {
            return 1;
        }
    }
    for (i = 0; m && i < m->n; i++) {
        /* /dev is a tmpfs on many routers but holds no programs;
         * only /dev/shm (above) counts there */
        if (strcmp(m->dir[i], "/dev") == 0 || strcmp(m->dir[i], "/sys/fs/cgroup") == 0) {
            continue;
        }
        if (path_under(path, m->dir[i])) {
            return 1;
        }
    }
    return 0;
}

static int parse_pid(const char *name, int32_t *pid)
{
    uint64_t v;

    if (util_parse_dec(name, strlen(name), INT32_MAX, &v) != IH_OK || v == 0) {
        return IH_EPARSE;
    }
    *pid = (int32_t)v;
    return IH_OK;
}

int proc_walk(const struct root *r, int (*cb)(void *ctx, int32_t pid), void *ctx)
{
    char path[ROOT_PATH_MAX];
    struct dirent *de;
    DIR *d;
    int rc = IH_OK;

    if (root_path(r, "/proc", path, sizeof path) != IH_OK) {
        return IH_EIO;
    }
    d = opendir(path);
    if (!d) {
        return IH_EIO;
    }
    while ((de = readdir(d)) != NULL) {
        int32_t pid;

        if (parse_pid(de->d_name, &pid) != IH_OK) {
            continue;
        }
        rc = cb(ctx, pid);
        if (rc != 0) {
            break;
        }
    }
    closedir(d);
    return rc;
}

static int proc_file(const struct root *r, int32_t pid, const char *what, char *path, size_t n)
{
    char dev[64];

    if (util_fmt(dev, sizeof dev, "/proc/%ld/%s", (long)pid, what) != IH_OK) {
        return IH_ETRUNC;
    }
    return root_path(r, dev, path, n);
}

/* Read /proc/PID/WHAT (small pseudo-file) into a fresh buffer. */
static int proc_slurp(const struct root *r, int32_t pid, const char *what, char **buf, size_t *len,
                      char *path, size_t pn)
{
    int rc = proc_file(r, pid, what, path, pn);

    if (rc != IH_OK) {
        return rc;
    }
    return util_read_file(path, PROC_FILE_MAX, buf, len);
}

/*
 * PI runs under qemu-user (its exe is the emulator, TARGET the raw link):
 * the guest image is the first other file mapping (proc_parse_maps_guest).
 * PI->exe becomes the guest's path, PI->emulator the emulator's.  A guest
 * with no file mapping runs from anonymous memory: fileless.
 */
static void proc_read_guest(const struct root *r, struct proc_info *pi, const char *target)
{
    char path[ROOT_PATH_MAX], dev[64], guest[PROC_EXE_MAX + 16];
    char *buf = NULL;
    size_t len;
    unsigned long bad_line = 0;
    int rc;

    if (util_fmt(dev, sizeof dev, "/proc/%ld/maps", (long)pi->pid) != IH_OK ||
        root_path(r, dev, path, sizeof path) != IH_OK ||
        util_read_file(path, PROC_MAPS_MAX, &buf, &len) != IH_OK) {
        return;     /* the emulator stays the culprit: better than nothing */
    }
    rc = proc_parse_maps_guest(buf, len, target, guest, sizeof guest, pi->guest_map,
                               sizeof pi->guest_map, &bad_line);
    free(buf);
    if (rc == IH_EPARSE) {
        util_diag(path, bad_line, "malformed maps line");
        return;
    }
    (void)util_strlcpy(pi->emulator, pi->exe, sizeof pi->emulator);
    pi->exe[0] = '\0';
    pi->exe_deleted = 0;
    if (rc == IH_ENOENT) {
        pi->fileless = 1;
    } else if (rc != IH_OK ||
               proc_parse_exe_link(guest, pi->exe, sizeof pi->exe, &pi->exe_deleted) != IH_OK) {
        pi->exe[0] = '\0';
        pi->guest_map[0] = '\0';
    }
}

int proc_read(const struct root *r, int32_t pid, struct proc_info *pi)
{
    char path[ROOT_PATH_MAX], dev[64], target[PROC_EXE_MAX + 16];
    char *buf = NULL;
    size_t len;
    unsigned long bad_line;
    int rc, rc2, pr;

    memset(pi, 0, sizeof *pi);
    pi->pid = pid;
    pi->ppid = -1;
    pi->uid = UINT32_MAX;

    rc = proc_slurp(r, pid, "status", &buf, &len, path, sizeof path);
    if (rc == IH_OK) {
        rc = proc_parse_status(buf, len, pi, &bad_line);
        if (rc != IH_OK) {
            util_diag(path, bad_line, "malformed status");
        }
    } else if (rc == IH_ETOOBIG) {
        util_diag(path, 0, "status larger than %u bytes", PROC_FILE_MAX);
        rc = IH_EPARSE;
    } else if (rc == IH_ENOMEM) {
        goto out;
    } else {
        /* a process without a status is a process that is gone */
        rc = IH_ENOENT;
        goto out;
    }
    free(buf);
    buf = NULL;

    /* comm is the same task name, but status escapes it: prefer comm */
    pr = proc_slurp(r, pid, "comm", &buf, &len, path, sizeof path);
    if (pr == IH_OK) {
        while (len > 0 && buf[len - 1] == '\n') {
            len--;
        }
        if (len >= sizeof pi->comm) {
            len = sizeof pi->comm - 1;
        }
        memcpy(pi->comm, buf, len);
        pi->comm[len] = '\0';
    }
    free(buf);
    buf = NULL;
    if (pr != IH_ENOMEM) {
        pr = proc_slurp(r, pid, "cmdline", &buf, &len, path, sizeof path);
    }
    if (pr == IH_OK) {
        (void)proc_parse_cmdline(buf, len, pi->cmdline, sizeof pi->cmdline);
    }
    if (pr == IH_ENOMEM) {
        /* out of memory is no property of the process: never half a view */
        rc = pr;
        goto out;
    }

    if (util_fmt(dev, sizeof dev, "/proc/%ld/exe", (long)pid) != IH_OK) {
        goto out;
    }
    rc2 = root_readlink(r, dev, target, sizeof target);
    pi->exe_unreadable = rc2 == IH_EIO;
    if (rc2 == IH_OK) {
        if (proc_parse_exe_link(target, pi->exe, sizeof pi->exe, &pi->exe_deleted) != IH_OK) {
            pi->exe[0] = '\0';
            pi->exe_deleted = 0;
        } else if (pi->exe_deleted && root_is_live(r)) {
            struct stat st;

            /* a file may be named "x (deleted)" to look unlinked (or to
             * hide an unlinked one); the kernel's link count decides */
            if (stat(dev, &st) == 0 && st.st_nlink > 0) {
                pi->exe_deleted = 0;
                (void)util_strlcpy(pi->exe, target, sizeof pi->exe);
            }
        }
        if (pi->exe[0] && proc_exe_is_qemu_user(pi->exe)) {
            proc_read_guest(r, pi, target);
        }
        pi->fileless |= proc_exe_fileless(pi->exe);
    }
out:
    free(buf);
    return rc;
}

int proc_fd_sockets(const struct root *r, int32_t pid, int (*cb)(void *ctx, uint64_t inode),
                    void *ctx, unsigned long *bad)
{
    char path[ROOT_PATH_MAX];
    struct dirent *de;
    unsigned seen = 0;
    DIR *d;
    int rc = IH_OK;

    rc = proc_file(r, pid, "fd", path, sizeof path);
    if (rc != IH_OK) {
        return rc;
    }
    d = opendir(path);
    if (!d) {
        return (errno == ENOENT || errno == ESRCH) ? IH_ENOENT
                                                   : errno == ENOMEM ? IH_ENOMEM : IH_EIO;
    }
    while ((de = readdir(d)) != NULL && seen < PROC_FD_MAX) {
        char dev[64], target[64];
        uint64_t ino;
        int prc;

        if (util_parse_dec(de->d_name, strlen(de->d_name), INT32_MAX, &ino) != IH_OK) {
            continue;
        }
        seen++;
        if (util_fmt(dev, sizeof dev, "/proc/%ld/fd/%s", (long)pid, de->d_name) != IH_OK) {
            continue;
        }
        prc = root_readlink(r, dev, target, sizeof target);
        if (prc == IH_ETRUNC) {
            /* long link: a file path, never a socket (which is short) */
            continue;
        }
        if (prc != IH_OK) {
            continue;   /* closed meanwhile */
        }
        prc = proc_parse_fd_link(target, strlen(target), &ino);
        if (prc == IH_EPARSE) {
            if (bad) {
                (*bad)++;
            }
            util_diag(path, 0, "fd %s: malformed socket link", de->d_name);
            continue;
        }
        if (prc != IH_OK) {
            continue;
        }
        rc = cb(ctx, ino);
        if (rc != 0) {
            break;
        }
    }
    closedir(d);
    return rc;
}

/* 1 if device path P has a ".." component. */
static int has_dotdot(const char *p)
{
    const char *s = p;

    while ((s = util_memmem(s, strlen(s), "..", 2)) != NULL) {
        if ((s == p || s[-1] == '/') && (s[2] == '/' || s[2] == '\0')) {
            return 1;
        }
        s += 2;
    }
    return 0;
}

int proc_open_device_file(const struct root *r, const char *path, int *fd, struct stat *st)
{
    char host[ROOT_PATH_MAX];
    int rc;

    if (path[0] != '/' || has_dotdot(path)) {
        return IH_EINVAL;
    }
    rc = root_path(r, path, host, sizeof host);
    if (rc != IH_OK) {
        return rc;
    }
    return util_open_ro(host, 1, fd, st);
}

int proc_open_image(const struct root *r, const struct proc_info *pi, int *fd, struct stat *st)
{
    char name[PROC_EXE_MAX + DELETED_LEN + 1];
    int rc, f;

    if (pi->exe[0] == '\0') {
        return IH_ENOENT;
    }
    if (root_is_live(r) && pi->emulator[0]) {
        char dev[80];

        /* a qemu-user guest: its mapping reaches the image even unlinked
         * (root only); an image still linked opens by name */
        if (pi->guest_map[0] &&
            util_fmt(dev, sizeof dev, "/proc/%ld/map_files/%s", (long)pi->pid,
                     pi->guest_map) == IH_OK &&
            (f = open(dev, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)) >= 0) {
            if (fstat(f, st) == 0 && S_ISREG(st->st_mode)) {
                *fd = f;
                return IH_OK;
            }
            close(f);
        } else if (pi->guest_map[0] && (errno == EACCES || errno == EPERM)) {
            return IH_EIO;
        }
        return pi->exe_deleted ? IH_ENOENT : proc_open_device_file(r, pi->exe, fd, st);
    }
    if (root_is_live(r)) {
        char dev[64];

        if (util_fmt(dev, sizeof dev, "/proc/%ld/exe", (long)pi->pid) != IH_OK) {
            return IH_ETRUNC;
        }
        /* the kernel's magic link, not a file-system symlink: following it
         * is the only way to reach an unlinked image */
        f = open(dev, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
        if (f < 0) {
            return (errno == ENOENT || errno == ESRCH) ? IH_ENOENT : IH_EIO;
        }
        if (fstat(f, st) != 0 || !S_ISREG(st->st_mode)) {
            close(f);
            return IH_EINVAL;
        }
        *fd = f;
        return IH_OK;
    }
    rc = IH_ENOENT;
    if (pi->exe_deleted && util_fmt(name, sizeof name, "%s%s", pi->exe, deleted_sfx) == IH_OK) {
        rc = proc_open_device_file(r, name, fd, st);
    }
    if (rc != IH_OK) {
        rc = proc_open_device_file(r, pi->exe, fd, st);
    }
    return rc;
}
