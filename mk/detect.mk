# SPDX-License-Identifier: BSD-2-Clause
# detect.mk - the Mirai hunt (`iothunt scan`): integration tests over the
# --root fixtures and the live host under qemu-user, and the scan benchmark.

.PHONY: test-scan-fixtures test-scan-live bench-scan

# The command line over tests/data/fixtures, host agent and MIPS agent.
test-scan-fixtures: build/host/iothunt build/mips/iothunt
	tests/detect/scan-fixtures.sh build/host/iothunt
	tests/detect/scan-fixtures.sh build/mips/iothunt $(QEMU) -cpu 4Kc

# The MIPS agent on the host's own /proc (cross-endian) must not crash.
test-scan-live: build/mips/iothunt
	tests/detect/scan-live.sh build/mips/iothunt

bench-scan: build/bench/iothunt build/mips/iothunt
	tests/detect/bench-scan.sh

CHECK_EXTRA += test-scan-fixtures test-scan-live
BENCH_PARTS += bench-scan
