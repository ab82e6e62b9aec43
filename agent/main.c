/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * iothunt - on-device Mirai hunter.  main() only dispatches; each
 * subcommand lives in its own cmd_*.c.
 */
#include "cmd.h"
#include "util.h"

#include <string.h>

static const char usage[] =
    "usage: iothunt scan   [--root DIR] [--rules PATH]... [--iocs PATH]... [--allow PATH] [--json] [--sockets]\n"
    "       iothunt match  RULES FILE...\n"
    "       iothunt report [--config PATH]\n"
    "       iothunt daemon [--config PATH]\n"
    "       iothunt selftest [--config PATH]\n"
    "       iothunt --version | --help\n"
    "exit status: 0 clean, 1 findings, 2 error\n";

int main(int argc, char **argv)
{
    static const struct {
        const char *name;
        int (*fn)(int, char **);
    } cmds[] = {
        { "scan", cmd_scan },
        { "match", cmd_match },
        { "report", cmd_report },
        { "daemon", cmd_daemon },
        { "selftest", cmd_selftest },
    };
    size_t i;

    if (argc < 2) {
        util_print(2, "%s", usage);
        return EXIT_ERROR;
    }
    if (strcmp(argv[1], "--version") == 0) {
        util_print(1, "iothunt %s\n", IOTHUNT_VERSION);
        return EXIT_CLEAN;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        util_print(1, "%s", usage);
        return EXIT_CLEAN;
    }
    for (i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        if (strcmp(argv[1], cmds[i].name) == 0) {
            return cmds[i].fn(argc - 1, argv + 1);
        }
    }
    util_print(2, "iothunt: unknown command '%s'\n%s", argv[1], usage);
    return EXIT_ERROR;
}
