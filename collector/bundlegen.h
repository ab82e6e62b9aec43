/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * bundlegen.h - `iothunt-collector bundle keygen|build`: the signing key and
 * the signed intel bundles the agents install (docs/BUNDLE.md; the format
 * is agent/bundle.h's).
 */
#ifndef IOTHUNT_COLLECTOR_BUNDLEGEN_H
#define IOTHUNT_COLLECTOR_BUNDLEGEN_H

/* Run `bundle ARGS...` (argv[0] is "bundle"); returns the exit status. */
int bundlegen_run_command(int argc, char **argv);

#endif
