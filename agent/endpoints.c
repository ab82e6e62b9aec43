/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * endpoints.c - remote endpoints for retro-hunting (see endpoints.h).
 */
#include "endpoints.h"
#include "json.h"
#include "procnet.h"
#include "util.h"

#include <string.h>

void endpoints_add(struct endpoints *s, int family, const uint8_t *addr, uint16_t port)
{
    struct endpoint e;
    unsigned i;

    memset(&e, 0, sizeof e);
    e.family = (uint8_t)family;
    e.port = port;
    memcpy(e.addr, addr, family == 6 ? 16 : 4);
    for (i = 0; i < s->n; i++) {
        if (memcmp(&s->v[i], &e, sizeof e) == 0) {
            return;
        }
    }
    if (s->n < ENDPOINTS_MAX) {
        s->v[s->n++] = e;
    } else {
        s->dropped++;
    }
}

int endpoints_to_json(struct endpoints *s, int64_t ts, uint64_t seq, char *buf, size_t cap,
                      size_t *len)
{
    struct json_writer w;
    char list[3072], one[64], sum[96];
    size_t l = 1;
    unsigned i;
    int rc;

    list[0] = '[';
    for (i = 0; i < s->n; i++) {
        size_t k;

        (void)procnet_format_endpoint(s->v[i].family, s->v[i].addr, s->v[i].port, one, sizeof one);
        k = strlen(one);
        if (l + k + 4 >= sizeof list) {
            s->dropped += s->n - i;
            break;
        }
        (void)util_fmt(list + l, sizeof list - l, "%s\"%s\"", l > 1 ? "," : "", one);
        l += k + 2 + (l > 1);
    }
    list[l++] = ']';
    list[l] = '\0';
    (void)util_fmt(sum, sizeof sum, "%u remote endpoint(s) since the last report, %lu not listed",
                   i, s->dropped);
    json_begin(&w, buf, cap);
    json_str(&w, "type", "endpoints");
    json_str(&w, "severity", "low");
    json_str(&w, "summary", sum);
    json_int(&w, "ts", ts);
    json_int(&w, "seq", (int64_t)seq);
    json_raw(&w, "endpoints", list);
    json_int(&w, "dropped", (int64_t)s->dropped);
    rc = json_end(&w);
    *len = w.len;
    s->n = 0;
    s->dropped = 0;
    return rc;
}
