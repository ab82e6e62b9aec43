/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * retro.h - `iothunt-collector retro`: the IOCs a new bundle brings, hunted
 * in the remote endpoints the devices reported before (docs/BUNDLE.md).
 */
#ifndef IOTHUNT_COLLECTOR_RETRO_H
#define IOTHUNT_COLLECTOR_RETRO_H

/* Run `retro ARGS...` (argv[0] is "retro"); returns the exit status. */
int retro_run_command(int argc, char **argv);

#endif
