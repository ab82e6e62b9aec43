/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * detect_proc.c - per-process findings (exe_deleted, exe_in_tmpfs, IOC
 * domains on the command line, rules and hashes over the running image)
 * and the fd -> socket:[inode] mapping that attributes sockets to pids.
 */
#include "detect.h"
#include "ioc.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void evidence(struct finding *f, const struct proc_info *pi)
{
    f->pid = pi->pid;
    finding_set(f->exe, sizeof f->exe, pi->exe);
    finding_set(f->cmdline, sizeof f->cmdline, pi->cmdline);
}

struct cmd_dom {
    struct detect_run *r;
    const struct proc_info *pi;
};

static void cmdline_domain_cb(void *ctx, const char *domain, const void *iocp)
{
    struct cmd_dom *c = ctx;
    const struct ioc_entry *ioc = iocp;
    struct finding f;

    if (c->r->stop) {
        return;
    }
    finding_init(&f, FT_IOC_DOMAIN, SEV_HIGH, c->r->now);
    evidence(&f, c->pi);
    finding_set(f.ioc, sizeof f.ioc, ioc->value);
    (void)ioc_format_source(ioc, f.ioc_source, sizeof f.ioc_source);
    finding_set(f.reason, sizeof f.reason, "in the process command line");
    (void)util_fmt(f.summary, sizeof f.summary, "pid %ld (%s) command line names IOC domain %s",
                   (long)c->pi->pid, c->pi->comm, domain);
    (void)detect_group_add(c->r, &f);
}

struct fd_map {
    struct detect_run *r;
    const struct proc_info *pi;
    long slot;              /* index in r->owners, -1 until the process owns one */
};

static long owner_add(struct detect_run *r, const struct proc_info *pi)
{
    if (r->n_owners == r->cap_owners) {
        size_t ncap = r->cap_owners ? r->cap_owners * 2 : 16;
        struct proc_info *nv;

        if (r->cap_owners >= DETECT_OWNERS_MAX) {
            return -1;
        }
        if (ncap > DETECT_OWNERS_MAX) {
            ncap = DETECT_OWNERS_MAX;
        }
        nv = realloc(r->owners, ncap * sizeof *nv);
        if (!nv) {
            r->unread[SRC_FDS]++;   /* sockets go unattributed: the hunt is incomplete */
            return -1;
        }
        r->owners = nv;
        r->cap_owners = ncap;
    }
    r->owners[r->n_owners] = *pi;
    return (long)r->n_owners++;
}

static int fd_cb(void *ctx, uint64_t inode)
{
    struct fd_map *m = ctx;
    struct sock_rec *s = sockets_find_inode(&m->r->socks, inode);

    if (!s) {
        return 0;
    }
    if (s->owners < UINT16_MAX) {
        s->owners++;
    }
    /* a socket shared by forked processes is attributed to the lowest pid
     * (the parent, usually), whatever order /proc lists them in */
    if (s->pid != 0 && s->pid < m->pi->pid) {
        return 0;
    }
    if (m->slot < 0) {
        m->slot = owner_add(m->r, m->pi);
        if (m->slot < 0) {
            return 0;   /* over the cap: the socket stays unattributed */
        }
    }
    s->pid = m->pi->pid;
    s->owner_slot = (uint16_t)(m->slot + 1 > UINT16_MAX ? 0 : m->slot + 1);
    return 0;
}

int detect_process(struct detect_run *r, const struct proc_info *pi)
{
    struct finding f;
    int in_tmpfs = pi->exe[0] && !pi->fileless && proc_path_in_tmpfs(pi->exe, &r->mounts);
    int fd, rc;
    struct stat st;

    if (pi->exe_unreadable) {
        r->unread[SRC_EXE]++;
    }
    if (pi->fileless) {
        /* a memfd is "deleted" too: it is this, not exe_deleted */
        finding_init(&f, FT_FILELESS_EXEC, SEV_HIGH, r->now);
        evidence(&f, pi);
        if (!f.exe[0]) {
            finding_set(f.exe, sizeof f.exe, "(anonymous memory)");
        }
        (void)util_fmt(f.summary, sizeof f.summary, "pid %ld (%s) executes with no file: %s",
                       (long)pi->pid, pi->comm, f.exe);
    } else if (pi->exe_deleted) {
        finding_init(&f, FT_EXE_DELETED, SEV_HIGH, r->now);
        evidence(&f, pi);
        (void)util_fmt(f.summary, sizeof f.summary, "pid %ld (%s) runs a deleted executable %s",
                       (long)pi->pid, pi->comm, pi->exe);
    }
    if (pi->fileless || pi->exe_deleted) {
        if (pi->emulator[0]) {
            (void)util_fmt(f.reason, sizeof f.reason, "guest image of %s", pi->emulator);
        }
        rc = detect_group_add(r, &f);
        if (rc != IH_OK) {
            return rc;
        }
    }
    if (in_tmpfs) {
        finding_init(&f, FT_EXE_IN_TMPFS, SEV_MEDIUM, r->now);
        evidence(&f, pi);
        (void)util_fmt(f.summary, sizeof f.summary, "pid %ld (%s) runs from tmpfs: %s",
                       (long)pi->pid, pi->comm, pi->exe);
        rc = detect_group_add(r, &f);
        if (rc != IH_OK) {
            return rc;
        }
    }
    if (r->iocs && pi->cmdline[0]) {
        struct cmd_dom c = { r, pi };

        (void)detect_domains_in_text(r->iocs, pi->cmdline, cmdline_domain_cb, &c);
        if (r->stop) {
            return r->rc;
        }
    }
    /* the running image: rules and hashes */
    rc = proc_open_image(r->root, pi, &fd, &st);
    if (rc == IH_EIO) {
        r->unread[SRC_IMAGES]++;   /* permission: another user's process */
    } else if (rc == IH_OK) {
        struct detect_result res;

        rc = detect_scan_fd(r, fd, &st, &res);
        close(fd);
        if (rc == IH_OK) {
            if (r->n_images == r->cap_images) {
                size_t ncap = r->cap_images ? r->cap_images * 2 : 32;
                void *nv = realloc(r->images, ncap * sizeof *r->images);

                if (nv) {
                    r->images = nv;
                    r->cap_images = ncap;
                }
            }
            if (r->n_images < r->cap_images) {
                r->images[r->n_images].dev = (uint64_t)st.st_dev;
                r->images[r->n_images].ino = (uint64_t)st.st_ino;
                r->n_images++;
            }
            finding_init(&f, FT_RULE_MATCH, SEV_HIGH, r->now);
            evidence(&f, pi);
            rc = detect_emit_result(r, &f, &res, 1);
            if (rc != IH_OK) {
                return rc;
            }
        } else if (rc != IH_ETOOBIG) {
            r->unread[SRC_IMAGES]++;
        }
    }
    {
        struct fd_map m = { r, pi, -1 };
        unsigned long bad = 0;

        rc = proc_fd_sockets(r->root, pi->pid, fd_cb, &m, &bad);
        /* permission or out of memory leaves its sockets unattributed */
        if (rc == IH_EIO || rc == IH_ENOMEM) {
            r->unread[SRC_FDS]++;
        }
        r->bad += bad;
    }
    return IH_OK;
}

static int walk_cb(void *ctx, int32_t pid)
{
    struct detect_run *r = ctx;
    struct proc_info pi;
    int rc;

    if (pid == r->self_pid) {
        return 0;
    }
    rc = proc_read(r->root, pid, &pi);
    if (rc == IH_ENOENT) {
        return 0;   /* exited meanwhile */
    }
    if (rc == IH_ENOMEM) {
        return rc;
    }
    if (rc == IH_EPARSE) {
        r->bad++;
    }
    r->processes++;
    rc = detect_process(r, &pi);
    return rc == IH_OK ? 0 : rc;
}

int detect_processes(struct detect_run *r)
{
    int rc = proc_walk(r->root, walk_cb, r);

    if (rc == IH_EIO) {
        r->unread[SRC_PROC]++;
        rc = IH_OK;
    }
    if (rc == IH_OK) {
        rc = detect_groups_flush(r);
    }
    r->n_groups = 0;
    return rc;
}
