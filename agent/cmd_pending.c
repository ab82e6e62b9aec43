/*
 * cmd_pending.c - subcommands whose modules are not in this build yet.
 * Each is replaced by its own cmd_*.c; until then it fails loudly.
 */
#include "cmd.h"

#include <stdio.h>

static int cmd_pending(const char *name)
{
    fprintf(stderr, "iothunt %s: not available in this build\n", name);
    return EXIT_ERROR;
}

int cmd_report(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return cmd_pending("report");
}

int cmd_daemon(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return cmd_pending("daemon");
}

int cmd_selftest(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return cmd_pending("selftest");
}
