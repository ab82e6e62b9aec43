/* SPDX-License-Identifier: BSD-2-Clause */
#include "root.h"
#include "util.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int root_init(struct root *r, const char *dir)
{
    size_t l;

    r->dir[0] = '\0';
    if (!dir || dir[0] == '\0' || strcmp(dir, "/") == 0) {
        return IH_OK;
    }
    if (util_strlcpy(r->dir, dir, sizeof r->dir) != IH_OK) {
        r->dir[0] = '\0';
        return IH_ETRUNC;
    }
    /* no trailing slash: root_path() adds the device path's own */
    l = strlen(r->dir);
    while (l > 1 && r->dir[l - 1] == '/') {
        r->dir[--l] = '\0';
    }
    return IH_OK;
}

int root_is_live(const struct root *r)
{
    return r->dir[0] == '\0';
}

int root_check(const struct root *r)
{
    char p[ROOT_PATH_MAX];
    struct stat st;

    if (root_is_live(r)) {
        return IH_OK;
    }
    if (stat(r->dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        util_diag(r->dir, 0, "--root: no such directory");
        return IH_EINVAL;
    }
    if (root_path(r, "/proc", p, sizeof p) != IH_OK || stat(p, &st) != 0 ||
        !S_ISDIR(st.st_mode)) {
        util_diag(r->dir, 0, "--root: no proc/ in it (not a device image)");
        return IH_EINVAL;
    }
    return IH_OK;
}

int root_path(const struct root *r, const char *abs, char *out, size_t n)
{
    if (abs[0] != '/') {
        return IH_EINVAL;
    }
    if (root_is_live(r)) {
        return util_strlcpy(out, abs, n);
    }
    return util_fmt(out, n, "%s%s", r->dir, abs);
}

int root_readlink(const struct root *r, const char *abs, char *out, size_t n)
{
    char p[ROOT_PATH_MAX];
    ssize_t l;
    int rc;

    if (n == 0) {
        return IH_ETRUNC;
    }
    rc = root_path(r, abs, p, sizeof p);
    if (rc != IH_OK) {
        return rc;
    }
    l = readlink(p, out, n);
    if (l < 0) {
        return (errno == ENOENT || errno == ESRCH || errno == ENOTDIR) ? IH_ENOENT : IH_EIO;
    }
    if ((size_t)l >= n) {
        out[n - 1] = '\0';
        return IH_ETRUNC;
    }
    out[l] = '\0';
    return IH_OK;
}
