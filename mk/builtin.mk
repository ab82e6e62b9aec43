# SPDX-License-Identifier: BSD-2-Clause
# builtin.mk - the shipped rules and IOCs (rules/) compiled into the agent
# encoded (agent/builtin.h), and the self-scan that proves the agent binary
# does not look like the worm it hunts.

BUILTIN_FILES := $(sort $(wildcard rules/*.yar rules/*.csv rules/*.json rules/*.txt))

build/host/embed: scripts/embed.c agent/builtin.h
	@mkdir -p $(@D)
	$(HOST_CC) -O1 -g $(WARN) -std=c11 -D_GNU_SOURCE -Iagent -o $@ $<

build/gen/builtin.c: build/host/embed $(BUILTIN_FILES)
	@mkdir -p $(@D)
	build/host/embed $@ $(BUILTIN_FILES)

GEN_SRCS += build/gen/builtin.c
# The Makefile turns GEN_SRCS into object lists before it includes the
# fragments, so a fragment's generated source must join those lists itself
# (once: the guard keeps this right if GEN_SRCS is ever read later).
ifeq ($(filter build/gen/builtin.c,$(AGENT_LIB_SRCS)),)
AGENT_LIB_SRCS += build/gen/builtin.c
HOST_LIB_OBJS  += $(call obj,build/host,build/gen/builtin.c)
MIPS_LIB_OBJS  += $(call obj,build/mips,build/gen/builtin.c)
BENCH_LIB_OBJS += $(call obj,build/bench,build/gen/builtin.c)
endif

# Negative control for the self-scan: the host agent linked with a table
# written in clear (embed --plain).  The self-scan must flag it.
build/selfscan/gen/builtin_plain.c: build/host/embed $(BUILTIN_FILES)
	@mkdir -p $(@D)
	build/host/embed --plain $@ $(BUILTIN_FILES)
build/selfscan/builtin_plain.o: build/selfscan/gen/builtin_plain.c build/host/mbedtls/.built
	$(HOST_CC) $(HOST_CFLAGS) -c $< -o $@
build/selfscan/iothunt-plain: build/host/obj/agent/main.o build/selfscan/builtin_plain.o \
        $(filter-out build/host/obj/gen/builtin.o,$(HOST_LIB_OBJS)) build/host/mbedtls/.built
	$(HOST_CC) $(SANITIZE) -o $@ build/host/obj/agent/main.o build/selfscan/builtin_plain.o \
	    $(filter-out build/host/obj/gen/builtin.o,$(HOST_LIB_OBJS)) $(HOST_MBEDTLS_LIBS)

.PHONY: selfscan
selfscan: build/mips/iothunt build/host/iothunt build/selfscan/iothunt-plain
	tests/selfscan/run.sh build/mips/iothunt build/host/iothunt -- build/selfscan/iothunt-plain

CHECK_EXTRA += selfscan

# IOC store speed for a large feed (host, -O2).
build/bench/bench_ioc: tests/bench/bench_ioc.c $(call obj,build/bench,agent/ioc.c agent/util.c agent/procnet.c agent/builtin.c build/gen/builtin.c)
	@mkdir -p $(@D)
	$(HOST_CC) $(BENCH_CFLAGS) -o $@ $^

.PHONY: bench-ioc
bench-ioc: build/bench/bench_ioc
	@mkdir -p build/bench
	build/bench/bench_ioc 50000 > build/bench/ioc.md
	@cat build/bench/ioc.md

BENCH_PARTS += bench-ioc
