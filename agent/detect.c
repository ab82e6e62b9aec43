/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * detect.c - the per-cycle state shared by the finding producers.
 */
#include "detect.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void detect_run_begin(struct detect_run *r, int64_t now)
{
    r->now = now;
    r->n_addrs = 0;
    r->n_owners = 0;
    r->n_images = 0;
    r->bytes_left = DETECT_CYCLE_BYTES;
    r->processes = r->bad = r->hashed = r->cache_hits = 0;
    memset(r->unread, 0, sizeof r->unread);
    r->stop = 0;
    r->rc = IH_OK;
    memset(&r->socks, 0, sizeof r->socks);
    memset(&r->mounts, 0, sizeof r->mounts);
    if (r->cache) {
        r->cache->cycle++;
    }
}

void detect_run_end(struct detect_run *r)
{
    sockets_free(&r->socks);
    free(r->owners);
    r->owners = NULL;
    r->n_owners = r->cap_owners = 0;
    free(r->groups);
    r->groups = NULL;
    r->n_groups = r->cap_groups = 0;
    free(r->images);
    r->images = NULL;
    r->n_images = r->cap_images = 0;
    free(r->addrs);
    r->addrs = NULL;
    r->n_addrs = 0;
    if (r->cache) {
        detect_cache_trim(r->cache);
    }
}

int detect_emit(struct detect_run *r, const struct finding *f)
{
    int rc;

    if (r->stop) {
        return r->rc;
    }
    rc = r->sink.emit(r->sink.ctx, f);
    if (rc != IH_OK) {
        r->stop = 1;
        r->rc = rc;
    }
    return rc;
}

static int group_same(const struct finding *a, const struct finding *b)
{
    if (a->type != b->type || strcmp(a->rule, b->rule) != 0 || strcmp(a->ioc, b->ioc) != 0) {
        return 0;
    }
    return (a->exe[0] && strcmp(a->exe, b->exe) == 0) ||
           (a->sha256[0] && strcmp(a->sha256, b->sha256) == 0);
}

int detect_group_add(struct detect_run *r, const struct finding *f)
{
    struct finding *g;
    uint32_t i, k;
    size_t j;

    for (j = 0; j < r->n_groups; j++) {
        g = &r->groups[j];
        if (!group_same(g, f)) {
            continue;
        }
        k = g->n_pids < FINDING_PIDS_MAX ? g->n_pids : FINDING_PIDS_MAX;
        for (i = 0; i < k && g->pids[i] < f->pid; i++) {
        }
        if (i < k && g->pids[i] == f->pid) {
            return IH_OK;   /* the same process twice (a domain named twice) */
        }
        if (i < FINDING_PIDS_MAX) {
            memmove(g->pids + i + 1, g->pids + i,
                    (k - i - (k == FINDING_PIDS_MAX ? 1 : 0)) * sizeof g->pids[0]);
            g->pids[i] = f->pid;
        }
        g->n_pids++;
        if (f->pid < g->pid) {
            /* evidence from the lowest pid (the parent, usually) */
            struct finding keep = *g;

            *g = *f;
            g->n_pids = keep.n_pids;
            memcpy(g->pids, keep.pids, sizeof g->pids);
        }
        return IH_OK;
    }
    if (r->n_groups == r->cap_groups) {
        size_t ncap = r->cap_groups ? r->cap_groups * 2 : 8;
        struct finding *nv;

        if (ncap > DETECT_GROUPS_MAX) {
            return detect_emit(r, f);
        }
        nv = realloc(r->groups, ncap * sizeof *nv);
        if (!nv) {
            return IH_ENOMEM;   /* an error, not a finding left out of its group */
        }
        r->groups = nv;
        r->cap_groups = ncap;
    }
    g = &r->groups[r->n_groups++];
    *g = *f;
    g->n_pids = 1;
    g->pids[0] = f->pid;
    return IH_OK;
}

/* "pid 50" in F's summary becomes "pids 50, 51, 52" (and "... and N more"). */
static void group_summary(struct finding *f)
{
    char who[24], list[FINDING_PIDS_MAX * 13 + 32], out[sizeof f->summary];
    uint32_t i, k = f->n_pids < FINDING_PIDS_MAX ? f->n_pids : FINDING_PIDS_MAX;
    size_t l = 0;
    const char *at;

    (void)util_fmt(who, sizeof who, "pid %ld", (long)f->pid);
    at = util_memmem(f->summary, strlen(f->summary), who, strlen(who));
    if (!at) {
        return;
    }
    list[0] = '\0';
    for (i = 0; i < k; i++) {
        (void)util_fmt(list + l, sizeof list - l, "%s%ld", i ? ", " : "pids ", (long)f->pids[i]);
        l += strlen(list + l);
    }
    if (f->n_pids > k) {
        (void)util_fmt(list + l, sizeof list - l, " and %lu more", (unsigned long)(f->n_pids - k));
    }
    (void)util_fmt(out, sizeof out, "%.*s%s%s", (int)(at - f->summary), f->summary, list,
                   at + strlen(who));
    (void)util_strlcpy(f->summary, out, sizeof f->summary);
}

int detect_groups_flush(struct detect_run *r)
{
    size_t j;
    int rc = IH_OK;

    for (j = 0; j < r->n_groups && rc == IH_OK; j++) {
        if (r->groups[j].n_pids > 1) {
            group_summary(&r->groups[j]);
        }
        rc = detect_emit(r, &r->groups[j]);
    }
    r->n_groups = 0;
    return rc;
}

void detect_mounts_load(struct detect_run *r)
{
    char path[ROOT_PATH_MAX];
    char *buf;
    size_t len;

    r->mounts.n = 0;
    if (root_path(r->root, "/proc/mounts", path, sizeof path) != IH_OK ||
        util_read_file(path, DETECT_TEXT_MAX, &buf, &len) != IH_OK) {
        return;
    }
    (void)proc_parse_mounts(buf, len, &r->mounts, &r->bad);
    free(buf);
}
