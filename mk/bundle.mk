# SPDX-License-Identifier: BSD-2-Clause
# bundle.mk - signed intel bundles (docs/BUNDLE.md): the collector's bundle
# builder linked with the agent's own parsers, and `make test-bundle`.

# The agent objects the bundle builder links: the parsers it validates with.
BUNDLE_AGENT_SRCS := agent/bundle.c agent/ioc.c $(RULES_SRCS) agent/allow.c \
	agent/util.c agent/procnet.c agent/builtin.c agent/hash.c agent/finding.c agent/json.c \
	build/gen/builtin.c
BUNDLE_GEN_CFLAGS = $(DEFS) -Icollector -Iagent

# collector/collector.mk links these (its objects are named there).
COLLECTOR_EXTRA_OBJS += build/host/collector/bundlegen.o build/host/collector/retro.o \
	$(call obj,build/bench,$(BUNDLE_AGENT_SRCS))
COLLECTOR_ASAN_EXTRA_OBJS += build/host/collector/asan/bundlegen.o build/host/collector/asan/retro.o \
	$(call obj,build/host,$(BUNDLE_AGENT_SRCS))
COLLECTOR_EXTRA_LIBS += $(HOST_MBEDTLS_LIBS)

# Collector sources that include agent headers (agent/ and Mbed TLS on the path).
build/host/collector/bundlegen.o build/host/collector/retro.o: build/host/collector/%.o: \
		collector/%.c build/host/mbedtls/.built
	@mkdir -p $(@D)
	$(CC) $(COLLECTOR_HOST_CFLAGS) $(BUNDLE_GEN_CFLAGS) $(COLLECTOR_PKG_CFLAGS) -MMD -MP -c -o $@ $<
build/host/collector/asan/bundlegen.o build/host/collector/asan/retro.o: build/host/collector/asan/%.o: \
		collector/%.c build/host/mbedtls/.built
	@mkdir -p $(@D)
	$(CC) $(COLLECTOR_HOST_CFLAGS) $(COLLECTOR_SAN_FLAGS) $(BUNDLE_GEN_CFLAGS) $(COLLECTOR_PKG_CFLAGS) \
		-MMD -MP -c -o $@ $<

# `make test-bundle`: tests/bundle/run.sh with the host agent (ASan+UBSan)
# and with the MIPS agent under qemu-mips-static (-cpu 24Kc); the collector
# on the host either way.
.PHONY: test-bundle
test-bundle: build/host/iothunt-collector build/host/iothunt build/mips/iothunt build/host/tests/freeport
	@p=0; f=0; for r in "build/host/iothunt" "build/mips/iothunt $${QEMU:-qemu-mips-static} -cpu 24Kc"; do \
	    set -- $$r; \
	    out=$$(timeout 900 tests/bundle/run.sh build/host/iothunt-collector "$$@" 2>&1); \
	    echo "$$out"; \
	    line=$$(echo "$$out" | tail -n 1); \
	    case "$$line" in *" passed, "*" failed") \
	        p=$$((p + $$(echo "$$line" | sed 's/.*: \([0-9]*\) passed.*/\1/'))); \
	        f=$$((f + $$(echo "$$line" | sed 's/.* \([0-9]*\) failed.*/\1/')));; \
	    *) f=$$((f + 1));; esac; \
	done; echo "test-bundle: $$p passed, $$f failed"; [ $$f -eq 0 ]
CHECK_EXTRA += test-bundle

# IOC store with the device's kind of list: 100,000 IPv4 indicators (half
# ip:port, half ip), resident bytes, load time and lookup rate, on the host
# and on MIPS under qemu (DESIGN.md budget: <= 24 bytes per indicator).
BENCH_IOC_OBJS = agent/ioc.c agent/util.c agent/procnet.c agent/builtin.c build/gen/builtin.c
build/mips/bench_ioc: build/mips/obj/tests/bench/bench_ioc.o $(call obj,build/mips,$(BENCH_IOC_OBJS)) $(MIPS_LINK_DEPS)
	$(call mips_link,$@,build/mips/obj/tests/bench/bench_ioc.o $(call obj,build/mips,$(BENCH_IOC_OBJS)))
build/mips/obj/tests/bench/bench_ioc.o: tests/bench/bench_ioc.c build/mips/mbedtls/.built $(MIPS_SYSROOT)/lib/libc.a
	@mkdir -p $(@D)
	$(MIPS_CC) $(MIPS_CFLAGS) -MMD -MP -c $< -o $@

.PHONY: bench-ioc-ip bench-ioc-mips
bench-ioc-ip: build/bench/bench_ioc
	@mkdir -p build/bench
	build/bench/bench_ioc 100000 ip > build/bench/ioc-ip.md
	@cat build/bench/ioc-ip.md
bench-ioc-mips: build/mips/bench_ioc
	@mkdir -p build/bench
	timeout 600 $${QEMU:-qemu-mips-static} -cpu 24Kc build/mips/bench_ioc 100000 ip 200000 > build/bench/ioc-mips.md
	@cat build/bench/ioc-mips.md
BENCH_PARTS += bench-ioc-ip bench-ioc-mips
