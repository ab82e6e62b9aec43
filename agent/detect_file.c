/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * detect_file.c - rule_match and hash_match: running images and files in
 * tmpfs locations, hashed once per (dev, inode, size, mtime) per daemon
 * lifetime through a cache that outlives the cycle.
 */
#include "detect.h"
#include "ioc.h"
#include "rules.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int same_file(const struct stat *a, const struct stat *b)
{
    return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
           a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

static struct detect_cache_entry *cache_find(struct detect_cache *c, const struct stat *st)
{
    size_t i;

    for (i = 0; i < c->n; i++) {
        struct detect_cache_entry *e = &c->v[i];

        if (e->dev == (uint64_t)st->st_dev && e->ino == (uint64_t)st->st_ino &&
            e->size == (uint64_t)st->st_size && e->mtime_s == (int64_t)st->st_mtim.tv_sec &&
            e->mtime_ns == (int64_t)st->st_mtim.tv_nsec) {
            return e;
        }
    }
    return NULL;
}

static void cache_put(struct detect_cache *c, const struct stat *st, const struct detect_result *res)
{
    struct detect_cache_entry *e;

    if (c->n >= DETECT_CACHE_MAX) {
        return;
    }
    if (c->n == c->cap) {
        size_t ncap = c->cap ? c->cap * 2 : 16;
        struct detect_cache_entry *nv;

        if (ncap > DETECT_CACHE_MAX) {
            ncap = DETECT_CACHE_MAX;
        }
        nv = realloc(c->v, ncap * sizeof *nv);
        if (!nv) {
            return;     /* not cached: hashed again next cycle */
        }
        c->v = nv;
        c->cap = ncap;
    }
    e = &c->v[c->n++];
    e->dev = (uint64_t)st->st_dev;
    e->ino = (uint64_t)st->st_ino;
    e->size = (uint64_t)st->st_size;
    e->mtime_s = (int64_t)st->st_mtim.tv_sec;
    e->mtime_ns = (int64_t)st->st_mtim.tv_nsec;
    e->used = c->cycle;
    e->r = *res;
}

void detect_cache_trim(struct detect_cache *c)
{
    size_t i, k = 0;

    for (i = 0; i < c->n; i++) {
        if (c->v[i].used == c->cycle) {
            c->v[k++] = c->v[i];
        }
    }
    c->n = k;
}

void detect_cache_free(struct detect_cache *c)
{
    free(c->v);
    c->v = NULL;
    c->n = c->cap = 0;
}

static int rule_cb(const char *rule, void *ctx)
{
    struct detect_result *res = ctx;
    size_t l = strlen(res->rules);

    if (l && l + 1 < sizeof res->rules) {
        res->rules[l++] = ' ';
        res->rules[l] = '\0';
    }
    (void)util_strlcpy(res->rules + l, rule, sizeof res->rules - l);
    return 0;
}

int detect_scan_fd(struct detect_run *r, int fd, const struct stat *st, struct detect_result *res)
{
    struct detect_cache_entry *e;
    struct stat after;
    int rc;

    memset(res, 0, sizeof *res);
    e = cache_find(r->cache, st);
    if (e) {
        e->used = r->cache->cycle;
        *res = e->r;
        r->cache_hits++;
        return IH_OK;
    }
    if (st->st_size < 0 || (uint64_t)st->st_size > DETECT_FILE_MAX) {
        return IH_ETOOBIG;
    }
    if ((uint64_t)st->st_size > r->bytes_left) {
        return IH_ETOOBIG;
    }
    r->bytes_left -= (uint64_t)st->st_size;
    if (r->rules) {
        rc = rules_match_fd(r->rules, fd, RULES_MATCH_HASHES, &res->h, rule_cb, res);
    } else {
        rc = hash_fd(fd, DETECT_FILE_MAX, HASH_ALL, &res->h, NULL);
    }
    if (rc != IH_OK) {
        return rc;
    }
    /* a file rewritten while it was read gives a result for no one file */
    if (fstat(fd, &after) != 0 || !same_file(st, &after)) {
        return IH_EIO;
    }
    res->hashed = 1;
    r->hashed++;
    cache_put(r->cache, st, res);
    return IH_OK;
}

int detect_emit_result(struct detect_run *r, const struct finding *tmpl,
                       const struct detect_result *res, int group)
{
    const char *hs[3];
    int i, rc;

    if (!res->hashed) {
        return IH_OK;
    }
    /* rule_match: one finding per image, naming every rule that matched */
    if (res->rules[0]) {
        struct finding f = *tmpl;
        const char *several = strchr(res->rules, ' ');

        f.type = FT_RULE_MATCH;
        f.severity = SEV_HIGH;
        finding_set(f.rule, sizeof f.rule, res->rules);
        finding_set(f.md5, sizeof f.md5, res->h.md5);
        finding_set(f.sha1, sizeof f.sha1, res->h.sha1);
        finding_set(f.sha256, sizeof f.sha256, res->h.sha256);
        if (f.pid > 0) {
            (void)util_fmt(f.summary, sizeof f.summary, "rule%s %s match%s the running image of pid %ld (%s)",
                           several ? "s" : "", res->rules, several ? "" : "es", (long)f.pid, f.exe);
        } else {
            (void)util_fmt(f.summary, sizeof f.summary, "rule%s %s match%s file %s",
                           several ? "s" : "", res->rules, several ? "" : "es", f.exe);
        }
        rc = group ? detect_group_add(r, &f) : detect_emit(r, &f);
        if (rc != IH_OK) {
            return rc;
        }
    }
    if (!r->iocs) {
        return IH_OK;
    }
    hs[0] = res->h.sha256;
    hs[1] = res->h.sha1;
    hs[2] = res->h.md5;
    for (i = 0; i < 3; i++) {
        const struct ioc_entry *ioc;
        struct finding f;

        if (!hs[i][0] || !(ioc = ioc_find_hash(r->iocs, hs[i]))) {
            continue;
        }
        f = *tmpl;
        f.type = FT_HASH_MATCH;
        f.severity = SEV_CRITICAL;
        finding_set(f.md5, sizeof f.md5, res->h.md5);
        finding_set(f.sha1, sizeof f.sha1, res->h.sha1);
        finding_set(f.sha256, sizeof f.sha256, res->h.sha256);
        finding_set(f.ioc, sizeof f.ioc, ioc->value);
        (void)ioc_format_source(ioc, f.ioc_source, sizeof f.ioc_source);
        if (f.pid > 0) {
            (void)util_fmt(f.summary, sizeof f.summary, "running image of pid %ld (%s) has IOC hash %.16s...",
                           (long)f.pid, f.exe, ioc->value);
        } else {
            (void)util_fmt(f.summary, sizeof f.summary, "file %s has IOC hash %.16s...", f.exe, ioc->value);
        }
        /* one finding per file: the strongest digest that is an IOC */
        return group ? detect_group_add(r, &f) : detect_emit(r, &f);
    }
    return IH_OK;
}

static int image_seen(const struct detect_run *r, const struct stat *st)
{
    size_t i;

    for (i = 0; i < r->n_images; i++) {
        if (r->images[i].dev == (uint64_t)st->st_dev && r->images[i].ino == (uint64_t)st->st_ino) {
            return 1;
        }
    }
    return 0;
}

struct walk {
    struct detect_run *r;
    unsigned files;
};

static int walk_file(struct walk *w, const char *devpath)
{
    struct detect_run *r = w->r;
    struct detect_result res;
    struct finding f;
    struct stat st;
    int fd, rc;

    rc = proc_open_device_file(r->root, devpath, &fd, &st);
    if (rc != IH_OK) {
        return IH_OK;   /* vanished, a fifo, a symlink: not a file to scan */
    }
    if (st.st_size == 0 || image_seen(r, &st)) {
        close(fd);
        return IH_OK;
    }
    rc = detect_scan_fd(r, fd, &st, &res);
    close(fd);
    if (rc == IH_ETOOBIG) {
        return IH_OK;
    }
    if (rc != IH_OK) {
        r->unread[SRC_IMAGES]++;
        return IH_OK;
    }
    finding_init(&f, FT_RULE_MATCH, SEV_HIGH, r->now);
    finding_set(f.exe, sizeof f.exe, devpath);
    return detect_emit_result(r, &f, &res, 0);
}

static int walk_dir(struct walk *w, const char *devdir, int depth)
{
    char host[ROOT_PATH_MAX];
    struct dirent *de;
    DIR *d;
    int fd, rc = IH_OK;

    if (root_path(w->r->root, devdir, host, sizeof host) != IH_OK) {
        return IH_OK;
    }
    fd = open(host, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        return IH_OK;
    }
    d = fdopendir(fd);
    if (!d) {
        w->r->unread[SRC_IMAGES] += errno == ENOMEM;    /* a folder left unread */
        close(fd);
        return IH_OK;
    }
    while ((de = readdir(d)) != NULL && w->files < DETECT_WALK_FILES) {
        char child[ROOT_PATH_MAX];
        struct stat st;

        if (de->d_name[0] == '.' && (de->d_name[1] == '\0' ||
                                     (de->d_name[1] == '.' && de->d_name[2] == '\0'))) {
            continue;
        }
        if (util_fmt(child, sizeof child, "%s/%s", strcmp(devdir, "/") == 0 ? "" : devdir,
                     de->d_name) != IH_OK) {
            continue;
        }
        if (fstatat(fd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            if (depth + 1 < DETECT_WALK_DEPTH) {
                rc = walk_dir(w, child, depth + 1);
            }
        } else if (S_ISREG(st.st_mode)) {
            w->files++;
            rc = walk_file(w, child);
        }
        if (rc != IH_OK) {
            break;
        }
    }
    closedir(d);
    return rc;
}

/* 1 if device path P is DIR or below it. */
static int under(const char *p, const char *dir)
{
    size_t l = strlen(dir);

    return strncmp(p, dir, l) == 0 && (p[l] == '/' || p[l] == '\0');
}

int detect_files(struct detect_run *r)
{
    const char *dirs[3 + PROC_MOUNTS_MAX];
    struct walk w = { r, 0 };
    unsigned n = 0, i, j;
    int rc;

    dirs[n++] = "/tmp";
    dirs[n++] = "/dev/shm";
    /* /var is a tmpfs (or a link to /tmp) on routers; on a live device it is
     * walked only when it is one, in the mount loop below */
    if (!root_is_live(r->root)) {
        dirs[n++] = "/var";
    }
    for (i = 0; i < r->mounts.n; i++) {
        const char *m = r->mounts.dir[i];

        if (strcmp(m, "/dev") == 0 || under(m, "/sys") || under(m, "/proc") || strcmp(m, "/") == 0) {
            continue;
        }
        dirs[n++] = m;
    }
    for (i = 0; i < n; i++) {
        int dup = 0;

        for (j = 0; j < n; j++) {
            if (j != i && under(dirs[i], dirs[j]) && (strcmp(dirs[i], dirs[j]) != 0 || j < i)) {
                dup = 1;
            }
        }
        if (dup) {
            continue;
        }
        rc = walk_dir(&w, dirs[i], 0);
        if (rc != IH_OK) {
            return rc;
        }
    }
    return IH_OK;
}
