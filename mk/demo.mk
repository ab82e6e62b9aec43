# SPDX-License-Identifier: BSD-2-Clause
# demo.mk - the live scenario and the demonstration (docs/DEMO.md).
#
#   make live    tests/live/run.sh: rootfs under qemu-user, simulator, live
#                scan, report over mutual TLS, CEF, clean rescan (in check)
#   make demo    scripts/demo.sh: builds what it needs, then the same
#                scenario, screen by screen

.PHONY: live demo
live: build/rootfs/.built build/host/iothunt-collector
	tests/live/run.sh

demo:
	scripts/demo.sh

CHECK_EXTRA += live
