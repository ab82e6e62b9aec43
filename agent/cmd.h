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

int cmd_scan(int argc, char **argv);
int cmd_match(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_daemon(int argc, char **argv);
int cmd_selftest(int argc, char **argv);
int cmd_update(int argc, char **argv);

struct config;
struct transport;
/*
 * Fetch the collector's bundle for C over T (connects and disconnects) and
 * install it at time NOW: 1 unchanged (304 or the same bytes), 0 installed,
 * IH_ENET (WHY says why; nothing noted), or a refusal code (WHY, noted for
 * the next scan as bundle_rejected).
 */
int update_fetch(const struct config *c, struct transport *t, int64_t now, char *why, size_t wn);

#endif
