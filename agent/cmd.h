/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * cmd.h - the agent's subcommands.  Each takes the arguments after its name
 * (argv[0] is the subcommand) and returns the process exit code:
 * 0 clean / ok, 1 findings, 2 error (DESIGN.md section 2).
 */
#ifndef IOTHUNT_CMD_H
#define IOTHUNT_CMD_H

#define EXIT_CLEAN    0
#define EXIT_FINDINGS 1
#define EXIT_ERROR    2

int cmd_scan(int argc, char **argv);
int cmd_match(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_daemon(int argc, char **argv);
int cmd_selftest(int argc, char **argv);

#endif
