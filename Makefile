# SPDX-License-Identifier: BSD-2-Clause
# iothunt - one Makefile; cross settings in config.mak, third-party builds
# in toolchain/toolchain.mk, the collector in collector/collector.mk, and
# per-feature fragments in mk/*.mk.
#
#   make            MIPS agent: build/mips/iothunt (static, stripped);
#                   ARCH=mipsel|arm|aarch64 for other routers (mk/target.mk)
#   make host       host agent (ASan+UBSan) and collector
#   make check      lint, banned functions, host tests, MIPS tests under qemu
#   make bench      benchmarks, results in docs/BENCHMARKS.md
#   make fuzz       build the fuzz targets (clang libFuzzer)
#   make demo       the end-to-end demonstration
#   make clean      remove build outputs (keeps downloaded sources)

.DEFAULT_GOAL := all
# Keep every intermediate object: fuzz and test objects are shared by targets.
.SECONDARY:
SHELL := /bin/bash

include config.mak
include toolchain/toolchain.mk

VERSION    := $(shell cat VERSION)
# The build time is the commit time: reproducible, and the agent's floor
# for a believable clock (DESIGN.md section 5).
# Package builders (OpenWrt, Buildroot) build outside the repository and
# give SOURCE_DATE_EPOCH instead.
BUILD_TIME := $(or $(SOURCE_DATE_EPOCH),$(shell git log -1 --format=%ct 2>/dev/null),0)

WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
        -Wpointer-arith -Wcast-qual -Wwrite-strings -Wformat=2 -Wvla
DEFS := -std=c11 -D_GNU_SOURCE -DIOTHUNT_VERSION='"$(VERSION)"' -DIOTHUNT_BUILD_TIME=$(BUILD_TIME)LL \
        -Iagent -Iagent/rules -Ibuild/gen $(MBEDTLS_INC)

SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
HOST_CFLAGS := -O1 -g $(WARN) $(DEFS) $(SANITIZE)
MIPS_CFLAGS := $(MIPS_BASE_CFLAGS) $(WARN) $(DEFS)
BENCH_CFLAGS := -O2 -g $(WARN) $(DEFS)

# Agent sources: every agent/*.c and the rule engine's agent/rules/*.c
# (also built alone as librules.a, mk/rules.mk), listed here only: every
# target's object list derives from AGENT_LIB_SRCS.  main.c is the program,
# the rest is the library that tests and fuzzers link.  GEN_SRCS (generated
# C, from fragments) are compiled from build/gen.
AGENT_SRCS := $(sort $(wildcard agent/*.c))
RULES_SRCS := $(sort $(wildcard agent/rules/*.c))
GEN_SRCS   ?=
AGENT_LIB_SRCS := $(filter-out agent/main.c,$(AGENT_SRCS)) $(RULES_SRCS) $(GEN_SRCS)

obj = $(patsubst %.c,$(1)/obj/%.o,$(patsubst build/gen/%,gen/%,$(2)))

HOST_LIB_OBJS  := $(call obj,build/host,$(AGENT_LIB_SRCS))
MIPS_LIB_OBJS  := $(call obj,build/mips,$(AGENT_LIB_SRCS))
BENCH_LIB_OBJS := $(call obj,build/bench,$(AGENT_LIB_SRCS))

-include $(sort $(wildcard mk/*.mk))
-include collector/collector.mk
CHECK_EXTRA += collector-check test-hostile test-scaleout
BENCH_PARTS += bench-collector

# After every fragment has added its parts.
bench: $(BENCH_PARTS)
	scripts/bench-assemble.sh $(patsubst bench-%,%,$(BENCH_PARTS)) > docs/BENCHMARKS.md
	@echo "wrote docs/BENCHMARKS.md"

build/host/obj/%.o: %.c build/host/mbedtls/.built
	@mkdir -p $(@D)
	$(HOST_CC) $(HOST_CFLAGS) -MMD -MP -c $< -o $@
build/host/obj/gen/%.o: build/gen/%.c build/host/mbedtls/.built
	@mkdir -p $(@D)
	$(HOST_CC) $(HOST_CFLAGS) -MMD -MP -c $< -o $@
build/bench/obj/%.o: %.c build/host/mbedtls/.built
	@mkdir -p $(@D)
	$(HOST_CC) $(BENCH_CFLAGS) -MMD -MP -c $< -o $@
build/bench/obj/gen/%.o: build/gen/%.c build/host/mbedtls/.built
	@mkdir -p $(@D)
	$(HOST_CC) $(BENCH_CFLAGS) -MMD -MP -c $< -o $@
build/mips/obj/%.o: %.c build/mips/mbedtls/.built $(MIPS_SYSROOT)/lib/libc.a
	@mkdir -p $(@D)
	$(MIPS_CC) $(MIPS_CFLAGS) -MMD -MP -c $< -o $@
build/mips/obj/gen/%.o: build/gen/%.c build/mips/mbedtls/.built $(MIPS_SYSROOT)/lib/libc.a
	@mkdir -p $(@D)
	$(MIPS_CC) $(MIPS_CFLAGS) -MMD -MP -c $< -o $@

-include $(shell find build/host/obj build/mips/obj build/bench/obj build/fuzz/obj -name '*.d' 2>/dev/null)

# Sources that read IOTHUNT_BUILD_TIME are recompiled when it changes (a
# new commit): a test compiled with another value than the library it
# links disagrees with it about the clock floor.
BUILD_TIME_USERS := $(shell grep -l IOTHUNT_BUILD_TIME agent/*.c agent/*/*.c tests/unit/*.c 2>/dev/null)
build/build-time.stamp: FORCE
	@mkdir -p $(@D)
	$(shell mkdir -p $(@D))$(file >$@.new,$(BUILD_TIME))
	@if cmp -s $@.new $@; then rm -f $@.new; else mv $@.new $@; fi
$(foreach d,host mips bench fuzz $(filter-out mips,$(ARCH)) $(if $(EXTERNAL_TOOLCHAIN),target),$(call obj,build/$(d),$(BUILD_TIME_USERS))): build/build-time.stamp

# Static MIPS link without libgcc or gcc's crtbegin/crtend: see
# toolchain/rt/rt.c and toolchain/README.md.  The compiler helpers in rt.o
# are plain code (-fno-lto): calls to them appear only after optimisation.
# Programs that ship (the agent) are linked with MIPS_LTO; everything else
# with -fno-lto (gcc would otherwise run LTO on the fat objects with its
# default, PIC, code generation).  One LTO partition: the whole program is
# optimised as one unit (1 KiB smaller than the default split into six).
# -G 1024 (the agent's link only): its own variables of up to 1 KiB go to
# the small-data section and are reached in one instruction from $$gp
# (which agent/main.c sets: another program would need the same) instead
# of two; other objects' variables (musl, Mbed TLS, built with
# -G 0) are not assumed to be there (-mno-extern-sdata).  About 900 bytes
# smaller; a small-data area over 64 KiB would fail the link, never the
# program.
MIPS_SDATA := -G 1024 -mno-extern-sdata
# -mbranch-likely: MIPS32r1/r2 branch-likely instructions (beql, bnel...)
# fill delay slots that would otherwise hold a nop: 384 bytes smaller
# (gone in MIPS32r6, which the -march=mips32 encoding cannot run anyway).
# -fipa-pta: 176 bytes smaller, no slower a link.
MIPS_LTO := -Os -flto=2 -flto-partition=one -mno-abicalls -fno-pic -mno-check-zero-division \
    -mbranch-likely -fipa-pta
# Layout: the data segment follows the text in the file with no padding:
# its address is the text's end plus 64 KiB, so address and file offset
# stay congruent modulo 64 KiB and the binary loads under any MIPS page
# size (4, 16, 64 KiB); a common page size of 16 bytes keeps ld from
# moving it to a fresh 4 KiB page, which cost up to 4095 bytes of file
# padding.  (A 64 KiB common page size pads the file up to the next 64 KiB
# boundary instead: 18 KiB here.)
# scripts/check-elf-load.sh checks the layout on every agent link.  No
# build-id note: nothing reads it.  Warnings are errors: "linking abicalls
# files with non-abicalls files" means PIC code got in, which breaks at run
# time (toolchain/README.md, Target and ABI).  See toolchain/README.md (Link).
MIPS_LDFLAGS := -Wl,--build-id=none -Wl,--fatal-warnings -Wl,-z,common-page-size=16
# Stripping also drops .comment (the compiler's name) and .gnu.attributes
# (the float ABI, which the loaded .MIPS.abiflags also records).
MIPS_STRIP := $(CROSS)strip -R .comment -R .gnu.attributes
define mips_link
$(MIPS_CC) $(or $(3),-fno-lto) $(MIPS_ARCH) -static -nostdlib -Wl,--gc-sections $(MIPS_LDFLAGS) -Wl,-Map,$(1).map -o $(1) \
    $(MIPS_CRT_BEGIN) $(2) $(MIPS_MBEDTLS_LIBS) \
    -Wl,--start-group $(MIPS_SYSROOT)/lib/libc.a build/mips/rt/rt.o -Wl,--end-group $(MIPS_CRT_END)
endef

build/mips/iothunt.unstripped: build/mips/obj/agent/main.o $(MIPS_LIB_OBJS) $(MIPS_LINK_DEPS)
	$(call mips_link,$@,build/mips/obj/agent/main.o $(MIPS_LIB_OBJS),$(MIPS_LTO) $(MIPS_SDATA))
build/mips/iothunt: build/mips/iothunt.unstripped scripts/check-mips-isa.sh scripts/check-elf-load.sh
	$(MIPS_STRIP) -o $@ $<
	scripts/check-mips-isa.sh $@ >/dev/null
	scripts/check-elf-load.sh $@ >/dev/null

build/host/iothunt: build/host/obj/agent/main.o $(HOST_LIB_OBJS) build/host/mbedtls/.built
	$(HOST_CC) $(SANITIZE) -o $@ build/host/obj/agent/main.o $(HOST_LIB_OBJS) $(HOST_MBEDTLS_LIBS)
build/bench/iothunt: build/bench/obj/agent/main.o $(BENCH_LIB_OBJS) build/host/mbedtls/.built
	$(HOST_CC) -o $@ build/bench/obj/agent/main.o $(BENCH_LIB_OBJS) $(HOST_MBEDTLS_LIBS)

# Unit tests: tests/unit/test_NAME.c, one cmocka program each, built for the
# host (sanitizers) and for MIPS (run under qemu on every CPU in QEMU_CPUS).
UNIT_SRCS  := $(wildcard tests/unit/test_*.c)
UNIT_NAMES := $(patsubst tests/unit/%.c,%,$(UNIT_SRCS))
HOST_TESTS := $(addprefix build/host/tests/,$(UNIT_NAMES))
MIPS_TESTS := $(addprefix build/mips/tests/,$(UNIT_NAMES))

build/host/tests/%: build/host/obj/tests/unit/%.o $(HOST_LIB_OBJS) build/host/cmocka/cmocka.o
	@mkdir -p $(@D)
	$(HOST_CC) $(SANITIZE) -o $@ $< $(HOST_LIB_OBJS) build/host/cmocka/cmocka.o $(HOST_MBEDTLS_LIBS)
build/host/obj/tests/unit/%.o: tests/unit/%.c build/host/mbedtls/.built build/src/cmocka/.unpacked
	@mkdir -p $(@D)
	$(HOST_CC) $(HOST_CFLAGS) $(CMOCKA_INC) -Wno-missing-prototypes -MMD -MP -c $< -o $@
build/mips/tests/%: build/mips/obj/tests/unit/%.o $(MIPS_LIB_OBJS) build/mips/cmocka/cmocka.o $(MIPS_LINK_DEPS)
	@mkdir -p $(@D)
	$(call mips_link,$@,$< $(MIPS_LIB_OBJS) build/mips/cmocka/cmocka.o)
build/mips/obj/tests/unit/%.o: tests/unit/%.c build/mips/mbedtls/.built build/src/cmocka/.unpacked $(MIPS_SYSROOT)/lib/libc.a
	@mkdir -p $(@D)
	$(MIPS_CC) $(MIPS_CFLAGS) $(CMOCKA_INC) -Wno-missing-prototypes -MMD -MP -c $< -o $@

# Fuzz targets: tests/fuzz/fuzz_NAME.c with LLVMFuzzerTestOneInput; each
# also links a replay main (tests/fuzz/replay.c) into build/fuzz/replay_NAME
# so a crash file can be replayed under gdb without libFuzzer.
FUZZ_SRCS  := $(filter-out tests/fuzz/fuzz_collector%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_NAMES := $(patsubst tests/fuzz/%.c,%,$(FUZZ_SRCS))
FUZZ_FLAGS := -O1 -g $(DEFS) -fsanitize=fuzzer-no-link,address,undefined
FUZZ_LIB_OBJS := $(call obj,build/fuzz,$(AGENT_LIB_SRCS))
build/fuzz/obj/%.o: %.c build/host/mbedtls/.built
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_FLAGS) -MMD -MP -c $< -o $@
build/fuzz/obj/gen/%.o: build/gen/%.c build/host/mbedtls/.built
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_FLAGS) -MMD -MP -c $< -o $@
build/fuzz/%: build/fuzz/obj/tests/fuzz/%.o $(FUZZ_LIB_OBJS)
	$(FUZZ_CC) -fsanitize=fuzzer,address,undefined -o $@ $^ $(HOST_MBEDTLS_LIBS)
build/fuzz/replay_%: build/fuzz/obj/tests/fuzz/%.o build/fuzz/obj/tests/fuzz/replay.o $(FUZZ_LIB_OBJS)
	$(FUZZ_CC) -fsanitize=address,undefined -o $@ $^ $(HOST_MBEDTLS_LIBS)

.PHONY: mips host check check-all test-host test-mips lint fuzz fuzz-run bench demo clean distclean toolchain-check

mips: build/mips/iothunt
host: build/host/iothunt $(if $(wildcard collector/collector.mk),build/host/iothunt-collector)

lint:
	scripts/check-banned.sh
	scripts/check-printf-formats.sh
	cppcheck --quiet --error-exitcode=1 --std=c11 --inline-suppr \
	    --suppress=missingIncludeSystem --suppress=unusedFunction -Iagent -Iagent/rules agent collector 2>&1

test-host: $(HOST_TESTS) build/host/iothunt
	scripts/run-tests.sh host $(HOST_TESTS)

test-mips: $(MIPS_TESTS) build/mips/iothunt
	scripts/check-mips-isa.sh build/mips/iothunt $(MIPS_TESTS)
	scripts/run-tests.sh mips $(MIPS_TESTS)

# Extra check targets from fragments (integration tests) are collected in
# CHECK_EXTRA; their results are counted by scripts/run-tests.sh too.
# Every part runs even when an earlier one failed, so one run shows all.
CHECK_EXTRA ?=
check:
	@scripts/run-tests.sh reset
	@st=0; for t in lint test-host test-mips $(CHECK_EXTRA); do \
	    echo "== make $$t"; \
	    if $(MAKE) --no-print-directory $$t; then scripts/run-tests.sh record "make $$t" pass; \
	    else scripts/run-tests.sh record "make $$t" fail; st=1; fi; \
	done; scripts/run-tests.sh summary && exit $$st

# The deeper runs that do not fit CI's time: everything of `make check`, then
# every architecture's fixture scans, an offline build from `make sources`,
# `make -j4 demo` in three fresh clones (two killed mid-fetch first),
# and every fuzzer for FUZZ_TIME seconds (set FUZZ_TIME=600 for a long run).
CHECK_ALL_EXTRA := check-all-arch test-offline-build test-fresh-clones fuzz-run
check-all:
	@st=0; for t in check $(CHECK_ALL_EXTRA); do \
	    echo "== make $$t"; $(MAKE) --no-print-directory $$t || { echo "failed: make $$t"; st=1; }; \
	done; exit $$st

fuzz: $(addprefix build/fuzz/,$(FUZZ_NAMES)) $(addprefix build/fuzz/replay_,$(FUZZ_NAMES))

# One fuzzer at a time (the machine has two cores); FUZZ_TIME seconds each.
FUZZ_TIME ?= 60
fuzz-run: fuzz
	for f in $(FUZZ_NAMES); do scripts/fuzz-run.sh $$f $(FUZZ_TIME) || exit 1; done

clean:
	rm -rf build/host build/mips/obj build/mips/tests build/mips/iothunt* build/bench build/fuzz build/gen build/test-out
	rm -rf $(foreach a,mipsel arm aarch64,build/$(a)/obj build/$(a)/tests build/$(a)/iothunt*) \
	    $(foreach a,mips mipsel arm aarch64,build/$(a)/shared) build/target build/pkgtest

distclean:
	rm -rf build
