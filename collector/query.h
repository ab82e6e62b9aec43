/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef IOTHUNT_COLLECTOR_QUERY_H
#define IOTHUNT_COLLECTOR_QUERY_H

/*
 * The "query" subcommand: argv[0] is "query".
 *   query --db PATH [--agent ID] [--type T] [--since TS] [--limit N] [--json]
 * Prints the matching findings, oldest stored first: a text table, or with
 * --json the stored JSON objects one per line (NDJSON). --since is unix
 * seconds compared with the finding's own ts. The database is opened
 * read-only. Returns the exit status: 0 (even with no rows), 2 on error.
 */
int query_run_command(int argc, char **argv);

#endif
