# SPDX-License-Identifier: BSD-2-Clause
# torture.mk - the failure-torture harness (tests/torture, docs/DEVELOPING.md):
# allocation failures at every allocation of a rule load, an IOC load, a
# scan and a report; short reads and EINTR on every read; a full spool file
# system; a clock at 1970 and one that jumps by years.  The wrappers of
# tests/torture/wrap.c replace libc's through -Wl,--wrap (host: the agent's
# and Mbed TLS's calls; MIPS: musl's too, everything is static).
#
#   make test-torture   host (ASan+UBSan) and MIPS under qemu (4Kc and 24Kc),
#                       every failure point of the four operations; the
#                       delivery (~25,000 allocations, a collector on
#                       127.0.0.1: tests/torture/run.sh) at 400 points on the
#                       host, 2 under qemu; part of check (about 3 minutes)

TORTURE_WRAPS := malloc calloc realloc free read pread recv recvfrom write
TORTURE_LDFLAGS := $(foreach w,$(TORTURE_WRAPS) time clock_gettime nanosleep,-Wl,--wrap=$(w))
# musl's 64-bit time_t on MIPS: its headers redirect the clock functions
TORTURE_MIPS_LDFLAGS := $(foreach w,$(TORTURE_WRAPS) __time64 __clock_gettime64 __nanosleep_time64,-Wl,--wrap=$(w))

build/host/tests/torture: build/host/obj/tests/torture/torture.o build/host/obj/tests/torture/wrap.o \
                          $(HOST_LIB_OBJS) build/host/mbedtls/.built
	@mkdir -p $(@D)
	$(HOST_CC) $(SANITIZE) $(TORTURE_LDFLAGS) -o $@ build/host/obj/tests/torture/torture.o \
	    build/host/obj/tests/torture/wrap.o $(HOST_LIB_OBJS) $(HOST_MBEDTLS_LIBS)
build/mips/tests/torture: build/mips/obj/tests/torture/torture.o build/mips/obj/tests/torture/wrap.o \
                          $(MIPS_LIB_OBJS) $(MIPS_LINK_DEPS)
	@mkdir -p $(@D)
	$(call mips_link,$@,build/mips/obj/tests/torture/torture.o build/mips/obj/tests/torture/wrap.o \
	    $(MIPS_LIB_OBJS),-fno-lto $(TORTURE_MIPS_LDFLAGS))

.PHONY: test-torture
test-torture: build/host/tests/torture build/mips/tests/torture build/host/iothunt-collector
	timeout 900 tests/torture/run.sh

CHECK_EXTRA += test-torture
