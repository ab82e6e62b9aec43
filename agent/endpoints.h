/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * endpoints.h - the remote endpoints a device talked to, deduplicated and
 * bounded, carried by each report so the collector can hunt them again when
 * new IOCs arrive (retro-hunting, docs/BUNDLE.md).
 */
#ifndef IOTHUNT_ENDPOINTS_H
#define IOTHUNT_ENDPOINTS_H

#include <stddef.h>
#include <stdint.h>

#define ENDPOINTS_MAX 96    /* per report: the line stays under SPOOL_PAYLOAD_MAX */

struct endpoint {
    uint8_t family;         /* 4 or 6 */
    uint16_t port;
    uint8_t addr[16];
};

struct endpoints {
    struct endpoint v[ENDPOINTS_MAX];
    unsigned n;
    unsigned long dropped;  /* distinct endpoints beyond ENDPOINTS_MAX (or the line) */
};

/* Add FAMILY ADDR:PORT to S unless present; counted in S->dropped when full. */
void endpoints_add(struct endpoints *s, int family, const uint8_t *addr, uint16_t port);

/*
 * S as one report line into BUF[CAP] ({"type":"endpoints","severity":"low",
 * "summary":...,"ts":TS,"seq":SEQ,"endpoints":["a.b.c.d:p",...],"dropped":N}),
 * then empty S.  IH_OK or IH_ETRUNC.
 */
int endpoints_to_json(struct endpoints *s, int64_t ts, uint64_t seq, char *buf, size_t cap,
                      size_t *len);

#endif
