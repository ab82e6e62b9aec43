/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * proc.h - process inspection: /proc/PID/{exe,cmdline,comm,status,fd/N}
 * and /proc/mounts, live or under a --root image.
 *
 * The parsers (proc_parse_*) are pure: bytes in, fields out, so the live
 * device, --root fixtures and the fuzzers feed the same code.  The readers
 * (proc_read, proc_fd_sockets, proc_open_image) do the I/O at the edge.
 * Processes that exit while they are being read are normal: readers return
 * IH_ENOENT and the caller moves on.
 */
#ifndef IOTHUNT_PROC_H
#define IOTHUNT_PROC_H

#include "root.h"

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#define PROC_COMM_MAX    32
#define PROC_EXE_MAX     256
#define PROC_CMDLINE_MAX 256
/* Largest /proc/PID/status and cmdline read; the kernel's are < 4 KiB. */
#define PROC_FILE_MAX    (64u * 1024)
/* Largest /proc/PID/maps read (qemu-user processes only). */
#define PROC_MAPS_MAX    (256u * 1024)
/* At most this many fds are looked at per process. */
#define PROC_FD_MAX      4096
/* tmpfs mount points remembered from /proc/mounts. */
#define PROC_MOUNTS_MAX  32

struct proc_info {
    int32_t pid;
    int32_t ppid;               /* -1: unknown */
    uint32_t uid;               /* real uid; UINT32_MAX: unknown */
    char comm[PROC_COMM_MAX];   /* kernel's task name (may be forged) */
    char exe[PROC_EXE_MAX];     /* exe link target without " (deleted)"; "" for kernel threads */
    int exe_deleted;            /* the image was unlinked while running */
    int exe_unreadable;         /* the exe link exists but could not be read (permission) */
    int fileless;               /* the image has no file: memfd, shared memory, anonymous */
    char emulator[64];          /* qemu-user running the guest image in exe ("": none) */
    char guest_map[40];         /* live: "START-END" of the guest image in map_files */
    char cmdline[PROC_CMDLINE_MAX]; /* argv joined by spaces; cut to fit */
};

struct proc_mounts {
    unsigned n;
    char dir[PROC_MOUNTS_MAX][96];  /* mount points of tmpfs/ramfs filesystems */
};

/*
 * Parse a /proc/PID/status buffer: Name (into PI->comm), PPid and the real
 * Uid.  IH_OK when Name, PPid and Uid were all present and well formed;
 * IH_EPARSE otherwise (*BAD_LINE, if not NULL, gets the 1-based line at
 * fault, 0 when a field is missing).  Unknown keys are ignored.
 */
int proc_parse_status(const char *buf, size_t len, struct proc_info *pi, unsigned long *bad_line);

/*
 * Join the NUL-separated argv in BUF[0..LEN) with spaces into OUT[N]
 * (NUL-terminated; a trailing NUL is dropped; cut to fit: evidence).
 * Returns IH_OK, or IH_ETRUNC when it was cut.
 */
int proc_parse_cmdline(const char *buf, size_t len, char *out, size_t n);

/*
 * Parse an fd link target S[0..N) of the form "socket:[INODE]" into *INODE.
 * IH_OK; IH_ENOENT when the fd is not a socket (a file, pipe, anon_inode);
 * IH_EPARSE when it starts with "socket:" but is malformed.
 */
int proc_parse_fd_link(const char *s, size_t n, uint64_t *inode);

/*
 * Split an exe link target ("/tmp/.x (deleted)") into the path OUT[N]
 * without the suffix and *DELETED.  IH_EPARSE if it is not absolute,
 * IH_ETRUNC if it does not fit.
 */
int proc_parse_exe_link(const char *target, char *out, size_t n, int *deleted);

/*
 * 1 if device path EXE names no file but memory: a memfd ("/memfd:NAME"),
 * System V shared memory ("/SYSV..."), /dev/zero or an anonymous huge page
 * mapping ("/anon_hugepage").
 */
int proc_exe_fileless(const char *exe);

/*
 * 1 if EXE is a qemu-user emulator (basename "qemu-ARCH" or
 * "qemu-ARCH-static", not qemu-system-*).
 */
int proc_exe_is_qemu_user(const char *exe);

/*
 * From a /proc/PID/maps buffer of a qemu-user process, the guest image:
 * the first file mapping at offset 0 whose path is not EMU (the emulator's
 * own image, with or without " (deleted)").  Grammar per line:
 *   START "-" END SP PERMS SP OFFSET SP DEV SP INODE [SP+ PATH]
 * (hex START/END/OFFSET).  Copies the path (with any " (deleted)") into
 * OUT[N] and "START-END" into RANGE[RN].  IH_OK; IH_ENOENT when no file
 * mapping but the emulator's (the guest runs from anonymous memory);
 * IH_EPARSE on a malformed line (*BAD_LINE gets its number).
 */
int proc_parse_maps_guest(const char *buf, size_t len, const char *emu, char *out, size_t n,
                          char *range, size_t rn, unsigned long *bad_line);

/*
 * Parse /proc/mounts (fields: source mountpoint fstype options dump pass;
 * octal escapes \040 in the mount point) and keep tmpfs/ramfs mount points
 * in *M.  Bad lines are counted in *BAD (if not NULL).  Always IH_OK.
 */
int proc_parse_mounts(const char *buf, size_t len, struct proc_mounts *m, unsigned long *bad);

/*
 * 1 if device path PATH lies in a tmpfs location: /tmp, /var, /dev/shm or
 * under one of M's mount points (M may be NULL).
 */
int proc_path_in_tmpfs(const char *path, const struct proc_mounts *m);

/*
 * Call CB(CTX, pid) for every numeric entry of the device's /proc, in
 * directory order.  Stops at CB's first non-zero result and returns it.
 * IH_EIO when /proc cannot be listed.
 */
int proc_walk(const struct root *r, int (*cb)(void *ctx, int32_t pid), void *ctx);

/*
 * Read process PID into *PI (exe link, cmdline, comm, status).  Returns
 * IH_OK; IH_ENOENT when the process is gone; IH_EPARSE when its status is
 * malformed (reported with util_diag, PI still holds what could be read).
 * A missing exe link (kernel thread, no permission) leaves PI->exe empty.
 */
int proc_read(const struct root *r, int32_t pid, struct proc_info *pi);

/*
 * Call CB(CTX, inode) for every socket among PID's open fds (at most
 * PROC_FD_MAX fds looked at).  *BAD (if not NULL) counts malformed links.
 * IH_OK, IH_ENOENT if the process is gone, or CB's first non-zero result.
 */
int proc_fd_sockets(const struct root *r, int32_t pid, int (*cb)(void *ctx, uint64_t inode),
                    void *ctx, unsigned long *bad);

/*
 * Open the running image of PI for reading into *FD (caller closes), with
 * its fstat in *ST.  Live: /proc/PID/exe (the kernel's own link, which
 * still reaches an unlinked image).  Under --root: the link target resolved
 * in the root, " (deleted)" kept as part of the name first and then
 * dropped, opened O_NOFOLLOW; targets with ".." components are refused.
 * Regular files only.  IH_ENOENT when there is nothing to open.
 */
int proc_open_image(const struct root *r, const struct proc_info *pi, int *fd, struct stat *st);

/*
 * Open device path PATH (resolved under R) O_NOFOLLOW as a regular file.
 * ".." components are refused (IH_EINVAL) so a --root image cannot point
 * outside itself.
 */
int proc_open_device_file(const struct root *r, const char *path, int *fd, struct stat *st);

#endif
