# SPDX-License-Identifier: BSD-2-Clause
# bench.mk - `make bench`: every part in BENCH_PARTS writes its section to
# build/bench/NAME.md; scripts/bench-assemble.sh joins them into
# docs/BENCHMARKS.md.  Also the heap meter builds (tests/bench/heapstat.c):
#   build/mips/iothunt-heapstat   MIPS agent that prints its heap peak at exit
#   build/bench/iothunt-heapstat  the same for the host

HEAPSTAT_WRAP := -Wl,--wrap=malloc,--wrap=free,--wrap=calloc,--wrap=realloc

build/mips/obj/tests/bench/heapstat.o: tests/bench/heapstat.c $(MIPS_SYSROOT)/lib/libc.a
	@mkdir -p $(@D)
	$(MIPS_CC) $(MIPS_BASE_CFLAGS) -std=c11 -Wall -Wextra -Werror -c $< -o $@

build/mips/iothunt-heapstat: build/mips/obj/agent/main.o $(MIPS_LIB_OBJS) build/mips/obj/tests/bench/heapstat.o $(MIPS_LINK_DEPS)
	$(call mips_link,$@.unstripped,$(HEAPSTAT_WRAP) build/mips/obj/agent/main.o $(MIPS_LIB_OBJS) build/mips/obj/tests/bench/heapstat.o)
	$(CROSS)strip -o $@ $@.unstripped

build/bench/obj/tests/bench/heapstat.o: tests/bench/heapstat.c
	@mkdir -p $(@D)
	$(HOST_CC) -O2 -g -std=c11 -Wall -Wextra -Werror -c $< -o $@

build/bench/iothunt-heapstat: build/bench/obj/agent/main.o $(BENCH_LIB_OBJS) build/bench/obj/tests/bench/heapstat.o build/host/mbedtls/.built
	$(HOST_CC) $(HEAPSTAT_WRAP) -o $@ build/bench/obj/agent/main.o $(BENCH_LIB_OBJS) \
	    build/bench/obj/tests/bench/heapstat.o $(HOST_MBEDTLS_LIBS)

# Size of the device binary against DESIGN.md's budget.
BENCH_PARTS := bench-size $(BENCH_PARTS)
.PHONY: bench-size
bench-size: build/mips/iothunt build/mips/iothunt.unstripped
	scripts/bench-size.sh > build/bench/size.md

