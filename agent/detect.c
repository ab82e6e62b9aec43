/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * detect.c - the per-cycle state shared by the finding producers.
 */
#include "detect.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

void detect_run_begin(struct detect_run *r, int64_t now)
{
    r->now = now;
    r->n_addrs = 0;
    r->n_owners = 0;
    r->n_images = 0;
    r->bytes_left = DETECT_CYCLE_BYTES;
    r->processes = r->bad = r->errors = r->hashed = r->cache_hits = 0;
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
