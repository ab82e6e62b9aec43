/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * root.h - paths of the device being scanned (DESIGN.md section 3).
 *
 * With a root directory DIR, every absolute device path P is read as DIR/P,
 * and every absolute symlink target read from DIR is resolved under DIR as
 * well, never on the host.  With no root (or "/"), paths are used as they
 * are.
 */
#ifndef IOTHUNT_ROOT_H
#define IOTHUNT_ROOT_H

#include <stddef.h>

#define ROOT_PATH_MAX 512

struct root {
    char dir[256];      /* "" for the live device */
};

/* Set up R for DIR (NULL or "/" means live).  IH_ETRUNC if DIR is too long. */
int root_init(struct root *r, const char *dir);

/* 1 if R is the live device. */
int root_is_live(const struct root *r);

/*
 * A --root must be a directory holding proc/ (a device image or fixture):
 * IH_OK for the live device or such a directory; otherwise IH_EINVAL,
 * after a message naming the directory and what is wrong (a usage error).
 */
int root_check(const struct root *r);

/* Host path of device path ABS into OUT[N].  IH_OK, IH_EINVAL, IH_ETRUNC. */
int root_path(const struct root *r, const char *abs, char *out, size_t n);

/*
 * Read the symlink at device path ABS into OUT[N] as the device sees it
 * (e.g. "/tmp/.x (deleted)").  IH_ENOENT if gone, IH_ETRUNC if too long.
 */
int root_readlink(const struct root *r, const char *abs, char *out, size_t n);

#endif
