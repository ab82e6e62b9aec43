/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * iothunt - on-device Mirai hunter.  main() only dispatches; each
 * subcommand lives in its own cmd_*.c.
 */
#include "bundle.h"
#include "cmd.h"
#include "config.h"
#include "util.h"

#include <string.h>
#include <time.h>

/* after cmd_scan_usage, the first line */
static const char usage[] =
    "       iothunt match  RULES FILE...\n"
    "       iothunt report [--config PATH]\n"
    "       iothunt daemon [--config PATH]\n"
    "       iothunt selftest [--config PATH]\n"
    "       iothunt update [--config PATH] [--file PATH]\n"
    "       iothunt --version | --help\n";

#if defined(__mips__) && !defined(__mips_abicalls)
/*
 * The agent's own small variables are reached from $gp (-G, MIPS_SDATA in
 * the Makefile), but musl's start code leaves $gp at 0 in a static non-PIC
 * link.  The entry point main sets it to _gp, then goes on to the C main.
 */
__asm__(".text\n.globl main\n.type main, @function\n.set push\n.set noreorder\nmain:\n"
        "lui $28, %hi(_gp)\nj iothunt_main\naddiu $28, $28, %lo(_gp)\n.set pop\n");
#define main iothunt_main
int main(int argc, char **argv) __attribute__((used, externally_visible));
#endif

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
        { "update", cmd_update },
    };
    size_t i;

    if (argc < 2) {
        util_print(2, "%s%s%s", cmd_scan_usage, usage, cmd_exit_text);
        return EXIT_ERROR;
    }
    if (strcmp(argv[1], "--version") == 0) {
        struct config c;
        char b[128];

        util_diag_quiet = 1;
        if (config_load(argc > 3 && strcmp(argv[2], "--config") == 0 ? argv[3] : CONFIG_DEFAULT_PATH,
                        &c) != IH_OK) {
            config_defaults(&c);
        }
        util_diag_quiet = 0;
        bundle_describe(c.bundle, (int64_t)time(NULL), b, sizeof b);
        util_print(1, "iothunt %s, %s\n", IOTHUNT_VERSION, b);
        return EXIT_CLEAN;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        util_print(1, "%s%s%s", cmd_scan_usage, usage, cmd_exit_text);
        return EXIT_CLEAN;
    }
    for (i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        if (strcmp(argv[1], cmds[i].name) == 0) {
            /* `iothunt CMD --help`: that command's line of the usage */
            if (argc == 3 && (strcmp(argv[2], "--help") == 0 || strcmp(argv[2], "-h") == 0) &&
                cmds[i].fn != cmd_scan) {
                const char *l = util_memmem(usage, sizeof usage, cmds[i].name, strlen(cmds[i].name));
                const char *e = strchr(l, '\n');

                util_print(1, "usage: iothunt %.*s\n%s", (int)(e - l), l, cmd_exit_text);
                return EXIT_CLEAN;
            }
            return cmds[i].fn(argc - 1, argv + 1);
        }
    }
    util_print(2, "iothunt: unknown command '%s'\n%s%s", argv[1], cmd_scan_usage, usage);
    return EXIT_ERROR;
}
