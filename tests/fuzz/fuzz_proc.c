/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_proc.c - /proc/PID parsers: status, cmdline, fd link, exe link,
 * maps (the qemu-user guest image) and /proc/mounts, all fed the same bytes (each must reject what is not its
 * own grammar), plus the tmpfs test on what the exe parser returns.
 */
#include "proc.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *buf = (const char *)data;
    struct proc_info pi;
    struct proc_mounts *m;
    unsigned long bad = 0;
    char out[PROC_CMDLINE_MAX], *z;
    uint64_t ino;
    int del;

    util_diag_quiet = 1;
    memset(&pi, 0, sizeof pi);
    (void)proc_parse_status(buf, size, &pi, &bad);
    if (strlen(pi.comm) >= sizeof pi.comm) {
        abort();
    }
    (void)proc_parse_cmdline(buf, size, out, sizeof out);
    (void)proc_parse_cmdline(buf, size, out, 1 + (size % sizeof out));
    (void)proc_parse_fd_link(buf, size, &ino);
    m = malloc(sizeof *m);
    if (!m) {
        return 0;
    }
    (void)proc_parse_mounts(buf, size, m, &bad);
    if (m->n > PROC_MOUNTS_MAX) {
        abort();
    }
    z = malloc(size + 1);
    if (z) {
        memcpy(z, data, size);
        z[size] = '\0';
        if (proc_parse_exe_link(z, pi.exe, sizeof pi.exe, &del) == IH_OK) {
            (void)proc_path_in_tmpfs(pi.exe, m);
            (void)proc_exe_fileless(pi.exe);
            (void)proc_exe_is_qemu_user(pi.exe);
        }
        if (proc_parse_maps_guest(buf, size, "/usr/bin/qemu-mips-static", pi.exe, sizeof pi.exe,
                                  pi.guest_map, sizeof pi.guest_map, &bad) == IH_OK &&
            (strlen(pi.exe) >= sizeof pi.exe || pi.exe[0] != '/' ||
             strlen(pi.guest_map) >= sizeof pi.guest_map)) {
            abort();
        }
        free(z);
    }
    free(m);
    return 0;
}
