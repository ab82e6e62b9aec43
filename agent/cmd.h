/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * cmd.h - the agent's subcommands.  Each takes the arguments after its name
 * (argv[0] is the subcommand) and returns the process exit code:
 * 0 clean / ok, 1 findings, 2 error, 3 incomplete (DESIGN.md section 2).
 */
#ifndef IOTHUNT_CMD_H
#define IOTHUNT_CMD_H

#include <stddef.h>
#include <stdint.h>

#define EXIT_CLEAN    0
#define EXIT_FINDINGS 1
#define EXIT_ERROR    2
#define EXIT_INCOMPLETE 3

/* The exit-status paragraph of every usage text (README, docs/FINDINGS.md). */
extern const char cmd_exit_text[];
extern const char cmd_scan_usage[];

int cmd_scan(int argc, char **argv);
int cmd_match(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_daemon(int argc, char **argv);
int cmd_selftest(int argc, char **argv);
int cmd_update(int argc, char **argv);

struct config;
struct privsep;
struct transport;
/*
 * Fetch the collector's bundle for C through the network half PS (which
 * does GET /v1/bundle with T: update_get) and install it at time NOW:
 * 1 unchanged (304 or the same bytes), 0 installed, IH_ENET (WHY says
 * why; nothing noted), or a refusal code (WHY, noted for the next scan as
 * bundle_rejected).
 */
int update_fetch(const struct config *c, struct privsep *ps, struct transport *t, int64_t now,
                 char *why, size_t wn);

/*
 * The network half's part: GET /v1/bundle If-None-Match ETAG on T
 * (connects to t->cfg->host, disconnects), the response read into
 * BUF[CAP].  IH_OK with the body at BUF + *BODY, *BLEN bytes
 * (<= cfg->bundle_max_bytes); 1 (304, unchanged); IH_ETOOBIG (over the
 * cap); IH_ENET (t->last_error says why); IH_ENOMEM.
 */
int update_get(struct transport *t, const char *etag, char *buf, size_t cap, size_t *body,
               size_t *blen);

#endif
