/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_passwd.c - the passwd lookup of the network half's user
 * (privsep_parse_passwd) over arbitrary bytes, for a few names.  Checks: no
 * crash, and a found entry's line really starts with "NAME:" and holds
 * the uid it returned.
 */
#include "privsep.h"
#include "util.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const names[] = { "nobody", "root", "a", "iothunt" };
    const char *buf = (const char *)data;
    size_t i;

    util_diag_quiet = 1;
    if (size > PRIVSEP_PASSWD_MAX) {
        return 0;
    }
    for (i = 0; i < sizeof names / sizeof names[0]; i++) {
        uint32_t uid = 0, gid = 0;
        size_t nl = strlen(names[i]), pos;
        int found = 0;

        if (privsep_parse_passwd(buf, size, "fuzz", names[i], &uid, &gid) != IH_OK) {
            continue;
        }
        /* some line starts with NAME ":" */
        for (pos = 0; pos + nl < size; pos++) {
            if ((pos == 0 || buf[pos - 1] == '\n') && memcmp(buf + pos, names[i], nl) == 0 &&
                buf[pos + nl] == ':') {
                found = 1;
                break;
            }
        }
        if (!found || uid == 0xffffffffu || gid == 0xffffffffu) {
            __builtin_trap();
        }
    }
    return 0;
}
