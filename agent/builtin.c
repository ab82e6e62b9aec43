/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * builtin.c - decoding of the files embedded from rules/ (see builtin.h;
 * the table itself is generated into build/gen/builtin.c).
 */
#include "builtin.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

size_t builtin_count(void)
{
    return builtin_nblobs;
}

const char *builtin_name(size_t i)
{
    return i < builtin_nblobs ? builtin_blobs[i].name : NULL;
}

int builtin_get_at(size_t i, char **buf, size_t *len)
{
    const struct builtin_blob *b;
    uint32_t state;
    uint8_t *p;
    size_t k;

    *buf = NULL;
    *len = 0;
    if (i >= builtin_nblobs) {
        return IH_ENOENT;
    }
    b = &builtin_blobs[i];
    p = malloc((size_t)b->len + 1);
    if (!p) {
        return IH_ENOMEM;
    }
    /* Seed 0 marks a table written in clear (embed --plain): only the
     * self-scan's negative control builds one. */
    state = b->seed;
    for (k = 0; k < b->len; k++) {
        p[k] = state ? (uint8_t)(b->data[k] ^ builtin_key_next(&state)) : b->data[k];
    }
    p[b->len] = '\0';
    if (builtin_checksum(p, b->len) != b->sum) {
        free(p);
        return IH_EPARSE;
    }
    *buf = (char *)p;
    *len = b->len;
    return IH_OK;
}

int builtin_get(const char *name, char **buf, size_t *len)
{
    size_t i;

    for (i = 0; i < builtin_nblobs; i++) {
        if (strcmp(builtin_blobs[i].name, name) == 0) {
            return builtin_get_at(i, buf, len);
        }
    }
    *buf = NULL;
    *len = 0;
    return IH_ENOENT;
}
