# SPDX-License-Identifier: BSD-2-Clause
# rules.mk - the YARA-subset rule engine's integration test and benchmark.
#
#   make rules-diff    iothunt match (host and MIPS under qemu) against yara
#                      over the public Mirai rules, rules/ and tests/yara/rules
#   make bench-rules   throughput against yara on >= 200 MiB of generated
#                      files, and the engine's heap high-water
#                      (build/bench/rules.md)

.PHONY: rules-diff bench-rules

rules-diff: build/host/iothunt build/mips/iothunt
	tests/yara/rules-diff.sh

CHECK_EXTRA += rules-diff

bench-rules: build/bench/iothunt build/bench/iothunt-heapstat build/mips/iothunt-heapstat
	@mkdir -p build/bench
	tests/yara/bench-rules.sh > build/bench/rules.md

BENCH_PARTS += bench-rules
