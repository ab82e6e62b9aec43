# SPDX-License-Identifier: BSD-2-Clause
# target.mk - the agent for other router architectures (ARCH), each with a
# Debian cross compiler and musl, Mbed TLS and cmocka built from the pinned
# sources, output in build/ARCH/.  ARCH=mips (the default) is the Makefile's
# own MIPS big-endian build, untouched here.
#
#   make ARCH=mipsel        build/mipsel/iothunt   MIPS32r2 LE soft-float (ramips MT7621)
#   make ARCH=arm           build/arm/iothunt      ARMv7-A Thumb-2 hard-float (ipq40xx)
#   make ARCH=aarch64       build/aarch64/iothunt  ARMv8-A (filogic, qualcommax)
#   make ARCH=A test-arch   unit tests under qemu-A-static, fixture scan
#   make check-arch-units   every non-default ARCH: agent + unit tests (in check)
#   make check-all-arch     every ARCH: agent, unit tests, fixture scans
#
# The file name sorts after builtin.mk on purpose: the object lists below
# are expanded when read and must include the generated sources that
# earlier fragments add to AGENT_LIB_SRCS.
#
# Compiler helpers (toolchain/README.md, Other architectures): mipsel links
# toolchain/rt/rt.c like mips (Debian's mipsel libgcc is hard-float);
# arm (gnueabihf) and aarch64 link the cross compiler's own libgcc.a, whose
# ABI is the target's.

ARCHES      := mips mipsel arm aarch64
ARCH        ?= mips
ifndef EXTERNAL_TOOLCHAIN
ifeq ($(filter $(ARCH),$(ARCHES)),)
$(error ARCH=$(ARCH): one of $(ARCHES))
endif
endif

# Per-architecture settings: cross prefix, code generation, musl target,
# qemu CPU, and how compiler helpers are provided.
XA_CROSS_mipsel   := mipsel-linux-gnu-
XA_FLAGS_mipsel   := -march=mips32r2 -mtune=24kc -msoft-float -mno-abicalls -fno-pic -mno-check-zero-division
XA_TRIPLE_mipsel  := mipsel-linux-gnu
XA_QCPU_mipsel    := 24Kc
XA_RT_mipsel      := rt
XA_CMOCKA_mipsel  := $(CMOCKA_MIPS_DEFS)

XA_CROSS_arm      := arm-linux-gnueabihf-
XA_FLAGS_arm      := -march=armv7-a -mfpu=vfpv3-d16 -mfloat-abi=hard -mthumb -fno-pie
XA_TRIPLE_arm     := arm-linux-gnueabihf
XA_QCPU_arm       := cortex-a7
XA_RT_arm         := libgcc
XA_CMOCKA_arm     := $(CMOCKA_DEFS)

XA_CROSS_aarch64  := aarch64-linux-gnu-
XA_FLAGS_aarch64  := -march=armv8-a -mno-outline-atomics -fno-pie
XA_TRIPLE_aarch64 := aarch64-linux-gnu
XA_QCPU_aarch64   := cortex-a53
XA_RT_aarch64     := libgcc
XA_CMOCKA_aarch64 := $(CMOCKA_DEFS)

.PHONY: all agent test-arch check-arch-units check-all-arch

ifdef EXTERNAL_TOOLCHAIN
# --- external toolchain (config.mak): what package builders pass ----------
# CC (or CROSS_COMPILE), CFLAGS, CPPFLAGS, LDFLAGS, STRIP, SYSROOT; the
# toolchain's own libc.  Warnings stay on but are not errors: another
# compiler version may warn where ours does not.  STATIC=1 links statically.
XD         := $(or $(IOTHUNT_TARGET_DIR),build/target)
ECC        := $(if $(filter command line,$(origin CC)),$(CC),$(CROSS_COMPILE)gcc)
ECROSS     := $(or $(CROSS_COMPILE),$(patsubst %gcc,%,$(filter %gcc,$(firstword $(ECC)))))
ESTRIP     := $(if $(filter command line environment,$(origin STRIP)),$(STRIP),$(ECROSS)strip)
CFLAGS     ?= -Os
ESYSROOT   := $(if $(SYSROOT),--sysroot=$(SYSROOT))
# 64-bit file offsets and inode numbers: musl always has them; a 32-bit
# glibc without this fails readdir() with EOVERFLOW on large directory
# offsets (seen under qemu-user on ext4: no process found).
EDEFS      := -D_FILE_OFFSET_BITS=64 $(filter-out $(MBEDTLS_INC),$(DEFS)) $(if $(filter bundled,$(MBEDTLS)),$(MBEDTLS_INC))
ECFLAGS    := $(ESYSROOT) $(CPPFLAGS) $(CFLAGS) -ffunction-sections -fdata-sections \
              $(filter-out -Werror,$(WARN)) $(EDEFS)
ELIB_OBJS  := $(call obj,$(XD),$(AGENT_LIB_SRCS))
ifeq ($(MBEDTLS),bundled)
EMBEDTLS_DEP  := $(XD)/mbedtls/.built
EMBEDTLS_LIBS := $(addprefix $(XD)/mbedtls/library/,$(MBEDTLS_LIBS_NAMES))
else ifeq ($(MBEDTLS),system)
# What the agent needs of the target's Mbed TLS is checked when building
# (toolchain/check-mbedtls.c against its headers); at run time the library
# sonames (libmbedtls.so.21, libmbedx509.so.7, libmbedcrypto.so.16 for 3.6)
# keep the loader from pairing the agent with another major version.
EMBEDTLS_DEP  := $(XD)/mbedtls-system.checked
EMBEDTLS_LIBS := -lmbedtls -lmbedx509 -lmbedcrypto
else
$(error MBEDTLS=$(MBEDTLS): bundled or system)
endif

all agent: $(XD)/iothunt

$(XD)/flags.stamp: FORCE
	@mkdir -p $(@D)
	$(shell mkdir -p $(@D))$(file >$@.new,$(ECC) $(ECFLAGS) $(LDFLAGS) $(MBEDTLS) $(STATIC))
	@if cmp -s $@.new $@; then rm -f $@.new; else mv $@.new $@; fi

$(XD)/mbedtls/.built: $(SRC_DIR)/mbedtls/.unpacked $(MBEDTLS_INPUTS) $(XD)/flags.stamp
	@mkdir -p build
	flock build/.mbedtls-target.lock $(MAKE) --no-print-directory -f toolchain/toolchain.mk TC_STAGE=$(XD)/mbedtls \
	    TC_CC="$(ECC)" TC_AR="$(or $(filter command line environment,$(origin AR)),$(ECROSS)ar)" \
	    TC_CFLAGS="$(ESYSROOT) $(CPPFLAGS) $(CFLAGS) -ffunction-sections -fdata-sections $(MBEDTLS_CFG)" mbedtls-stage

$(XD)/mbedtls-system.checked: toolchain/check-mbedtls.c $(XD)/flags.stamp
	@mkdir -p $(@D)
	$(ECC) $(ESYSROOT) $(CPPFLAGS) $(CFLAGS) -c $< -o $(XD)/check-mbedtls.o
	touch $@

$(XD)/obj/%.o: %.c $(EMBEDTLS_DEP) $(XD)/flags.stamp
	@mkdir -p $(@D)
	$(ECC) $(ECFLAGS) -MMD -MP -c $< -o $@
$(XD)/obj/gen/%.o: build/gen/%.c $(EMBEDTLS_DEP) $(XD)/flags.stamp
	@mkdir -p $(@D)
	$(ECC) $(ECFLAGS) -MMD -MP -c $< -o $@
-include $(shell find $(XD)/obj -name '*.d' 2>/dev/null)

$(XD)/iothunt.unstripped: $(XD)/obj/agent/main.o $(ELIB_OBJS) $(EMBEDTLS_DEP)
	$(ECC) $(ESYSROOT) $(CFLAGS) $(LDFLAGS) $(if $(STATIC),-static) -Wl,--gc-sections -o $@ \
	    $(XD)/obj/agent/main.o $(ELIB_OBJS) $(EMBEDTLS_LIBS)
$(XD)/iothunt: $(XD)/iothunt.unstripped
	$(ESTRIP) -R .comment -o $@ $<

else ifeq ($(ARCH),mips)
all agent: build/mips/iothunt
test-arch: test-mips test-scan-fixtures
else
XA         := $(ARCH)
XD         := build/$(XA)
XCROSS     := $(XA_CROSS_$(XA))
XCC        := $(XCROSS)gcc
XQEMU      := qemu-$(XA)-static
XSYSROOT   := $(XD)/sysroot
XGCC_INC   := $(shell $(XCC) -print-file-name=include 2>/dev/null)
XBASE_CFLAGS := -Os -flto -ffat-lto-objects $(XA_FLAGS_$(XA)) -nostdinc -isystem $(CURDIR)/$(XSYSROOT)/include \
                -isystem $(XGCC_INC) -ffunction-sections -fdata-sections \
                -fno-asynchronous-unwind-tables -fno-unwind-tables -fno-ident
XCFLAGS    := $(XBASE_CFLAGS) $(WARN) $(DEFS)
XMUSL_CFLAGS := -Os $(XA_FLAGS_$(XA)) -ffunction-sections -fdata-sections
XLIB_OBJS  := $(call obj,$(XD),$(AGENT_LIB_SRCS))
XMBEDTLS_LIBS := $(addprefix $(XD)/mbedtls/library/,$(MBEDTLS_LIBS_NAMES))
XRT        := $(if $(filter rt,$(XA_RT_$(XA))),$(XD)/rt/rt.o,$(shell $(XCC) $(XA_FLAGS_$(XA)) -print-libgcc-file-name 2>/dev/null))
XLINK_DEPS := $(XSYSROOT)/lib/libc.a $(XD)/mbedtls/.built $(filter $(XD)/%,$(XRT))
XTESTS     := $(patsubst tests/unit/%.c,$(XD)/tests/%,$(wildcard tests/unit/test_*.c))

all agent: $(XD)/iothunt

$(XD)/cflags.stamp: FORCE
	@mkdir -p $(@D)
	$(shell mkdir -p $(@D))$(file >$@.new,$(XBASE_CFLAGS) $(MBEDTLS_CFG))
	@if cmp -s $@.new $@; then rm -f $@.new; else mv $@.new $@; fi

# musl, static only, from the same patched source as the MIPS build.  ARCH
# is passed explicitly: ours (e.g. mipsel) is not musl's (mips).
XMUSL_MAKE = $(MAKE) -C $(XD)/musl-build ARCH=$$(sed -n 's/^ARCH = //p' $(XD)/musl-build/config.mak) \
             CRT_LIBS='lib/crt1.o lib/crti.o lib/crtn.o'
$(XD)/musl.stamp: FORCE
	@mkdir -p $(@D)
	$(shell mkdir -p $(@D))$(file >$@.new,$(XA_TRIPLE_$(XA)) $(XMUSL_CFLAGS))
	@if cmp -s $@.new $@; then rm -f $@.new; else mv $@.new $@; fi
$(XSYSROOT)/lib/libc.a: $(SRC_DIR)/musl/.unpacked $(XD)/musl.stamp $(MUSL_PATCHES) $(TC_DIR)/apply-patches.sh
	rm -rf $(XD)/musl-build $(XD)/musl-src $(XSYSROOT) && mkdir -p $(XD)/musl-build
	cp -a $(SRC_DIR)/musl $(XD)/musl-src
	$(TC_DIR)/apply-patches.sh musl $(XD)/musl-src
	cd $(XD)/musl-build && $(CURDIR)/$(XD)/musl-src/configure \
	    --target=$(XA_TRIPLE_$(XA)) CC=$(XCC) CFLAGS='$(XMUSL_CFLAGS)' \
	    --disable-shared --prefix=$(CURDIR)/$(XSYSROOT) >configure.log
	+$(XMUSL_MAKE) >/dev/null
	+$(XMUSL_MAKE) install >/dev/null

$(XD)/mbedtls/.built: $(SRC_DIR)/mbedtls/.unpacked $(MBEDTLS_INPUTS) $(XSYSROOT)/lib/libc.a $(XD)/cflags.stamp
	@mkdir -p build
	flock build/.mbedtls-$(XA).lock $(MAKE) --no-print-directory -f toolchain/toolchain.mk TC_STAGE=$(XD)/mbedtls \
	    TC_CC=$(XCC) TC_AR=$(XCROSS)gcc-ar TC_CFLAGS="$(XBASE_CFLAGS) $(MBEDTLS_CFG)" mbedtls-stage
$(XMBEDTLS_LIBS): $(XD)/mbedtls/.built ;

$(XD)/rt/rt.o: $(TC_DIR)/rt/rt.c $(XSYSROOT)/lib/libc.a $(XD)/cflags.stamp
	@mkdir -p $(@D)
	$(XCC) $(XBASE_CFLAGS) -fno-lto -std=c11 -Wall -Wextra -Werror -c $< -o $@

# cmocka.h guesses uintptr_t from glibc's __WORDSIZE, which musl lacks
# (unsigned int on LP64): musl's <stdint.h> has the right one.
XCMOCKA_INC := $(CMOCKA_INC) -D_UINTPTR_T_DEFINED
$(XD)/cmocka/cmocka.o: $(SRC_DIR)/cmocka/.unpacked $(XSYSROOT)/lib/libc.a $(XD)/cflags.stamp
	@mkdir -p $(@D)
	$(XCC) $(XBASE_CFLAGS) $(XA_CMOCKA_$(XA)) $(XCMOCKA_INC) -c $(SRC_DIR)/cmocka/src/cmocka.c -o $@

$(XD)/obj/%.o: %.c $(XD)/mbedtls/.built $(XSYSROOT)/lib/libc.a
	@mkdir -p $(@D)
	$(XCC) $(XCFLAGS) -MMD -MP -c $< -o $@
$(XD)/obj/gen/%.o: build/gen/%.c $(XD)/mbedtls/.built $(XSYSROOT)/lib/libc.a
	@mkdir -p $(@D)
	$(XCC) $(XCFLAGS) -MMD -MP -c $< -o $@
$(XD)/obj/tests/unit/%.o: tests/unit/%.c $(XD)/mbedtls/.built build/src/cmocka/.unpacked $(XSYSROOT)/lib/libc.a
	@mkdir -p $(@D)
	$(XCC) $(XCFLAGS) $(XCMOCKA_INC) -Wno-missing-prototypes -MMD -MP -c $< -o $@
-include $(shell find $(XD)/obj -name '*.d' 2>/dev/null)

# Static link like the MIPS one: musl's start files, no gcc crtbegin/crtend.
define xa_link
$(XCC) $(or $(3),-fno-lto) $(XA_FLAGS_$(XA)) -static -nostdlib -Wl,--gc-sections $(MIPS_LDFLAGS) -Wl,-Map,$(1).map -o $(1) \
    $(XSYSROOT)/lib/crt1.o $(XSYSROOT)/lib/crti.o $(2) $(XMBEDTLS_LIBS) \
    -Wl,--start-group $(XSYSROOT)/lib/libc.a $(XRT) -Wl,--end-group $(XSYSROOT)/lib/crtn.o
endef
XLTO := -Os -flto=2 -flto-partition=one $(filter -mno-abicalls -fno-pic -fno-pie -mno-check-zero-division,$(XA_FLAGS_$(XA))) $(if $(filter mips%,$(XA)),$(MIPS_SDATA) -mbranch-likely -fipa-pta)

$(XD)/iothunt.unstripped: $(XD)/obj/agent/main.o $(XLIB_OBJS) $(XLINK_DEPS)
	$(call xa_link,$@,$(XD)/obj/agent/main.o $(XLIB_OBJS),$(XLTO))
$(XD)/iothunt: $(XD)/iothunt.unstripped
	$(XCROSS)strip -R .comment -R .gnu.attributes -o $@ $<
$(XD)/tests/%: $(XD)/obj/tests/unit/%.o $(XLIB_OBJS) $(XD)/cmocka/cmocka.o $(XLINK_DEPS)
	@mkdir -p $(@D)
	$(call xa_link,$@,$< $(XLIB_OBJS) $(XD)/cmocka/cmocka.o)

# Fixtures in the target's byte order: the committed ones are big-endian
# (MIPS routers); a little-endian router's /proc/net and ELF headers are
# little-endian (tests/data/fixtures/mkfixtures.py --little-endian).
XFIX := $(if $(filter mipsel arm aarch64,$(XA)),$(XD)/fixtures,tests/data/fixtures)
$(XD)/fixtures/.made: tests/data/fixtures/mkfixtures.py
	tests/data/fixtures/mkfixtures.py --little-endian $(XD)/fixtures
	cp tests/data/fixtures/*.allow $(XD)/fixtures/
	touch $@

test-arch: $(XTESTS) $(XD)/iothunt $(if $(filter $(XD)/%,$(XFIX)),$(XD)/fixtures/.made)
	@st=0; file $(XD)/iothunt; \
	QEMU=$(XQEMU) QEMU_CPUS=$(XA_QCPU_$(XA)) scripts/run-tests.sh $(XA) $(XTESTS) || st=1; \
	for fx in $(sort $(XFIX) tests/data/fixtures); do \
	    echo "== fixture scan: $$fx"; \
	    FIXTURES=$$fx tests/detect/scan-fixtures.sh $(XD)/iothunt $(XQEMU) -cpu $(XA_QCPU_$(XA)) || st=1; \
	done; exit $$st

test-arch-units: $(XTESTS) $(XD)/iothunt
	QEMU=$(XQEMU) QEMU_CPUS=$(XA_QCPU_$(XA)) scripts/run-tests.sh $(XA) $(XTESTS)
endif

# --- a package builder's staging sysroot, for testing MBEDTLS=system -----
# build/ARCH/staging/usr: Mbed TLS from the pinned source, built as shared
# libraries with its default configuration (as a distribution's libmbedtls
# 3.6 is: OpenWrt's, Buildroot's) by the Debian cross compiler, whose glibc
# stands in for the image's libc.  Used by `make size-shared` and the recipe
# tests (tests/packaging/); Debian's own libmbedtls is 2.28, not 3.6.
XA_CROSS_mips := $(CROSS)
STG_CROSS := $(XA_CROSS_$(ARCH))
STG       := build/$(ARCH)/staging
$(STG)/.built: $(SRC_DIR)/mbedtls/.unpacked
	rm -rf $(STG) $(STG)-src && mkdir -p $(STG)/usr
	cp -a $(SRC_DIR)/mbedtls $(STG)-src
	$(MAKE) -C $(STG)-src/library CC=$(STG_CROSS)gcc AR=$(STG_CROSS)ar SHARED=1 \
	    CFLAGS='-Os' shared >$(STG)-build.log 2>&1 || { tail -20 $(STG)-build.log; exit 1; }
	mkdir -p $(STG)/usr/lib $(STG)/usr/include
	cp -a $(STG)-src/include/mbedtls $(STG)-src/include/psa $(STG)/usr/include/
	cp -P $(STG)-src/library/*.so* $(STG)/usr/lib/
	touch $@

# The agent linked against that library (the MBEDTLS=system variant), to
# measure it: build/ARCH/shared/iothunt.
.PHONY: size-shared
size-shared: $(STG)/.built
	+$(MAKE) --no-print-directory CC=$(STG_CROSS)gcc MBEDTLS=system SYSROOT= \
	    CPPFLAGS=-I$(CURDIR)/$(STG)/usr/include LDFLAGS=-L$(CURDIR)/$(STG)/usr/lib CFLAGS=-Os \
	    IOTHUNT_TARGET_DIR=build/$(ARCH)/shared agent

# Every other architecture's agent and unit tests (part of make check).
check-arch-units:
	@st=0; for a in $(filter-out mips,$(ARCHES)); do \
	    echo "== make ARCH=$$a test-arch-units"; \
	    $(MAKE) --no-print-directory ARCH=$$a test-arch-units || st=1; \
	done; exit $$st

# Every architecture: agent, unit tests, fixture scans (both byte orders on
# little-endian targets).
check-all-arch:
	@scripts/run-tests.sh reset
	@st=0; for a in $(ARCHES); do \
	    echo "== make ARCH=$$a test-arch"; \
	    if $(MAKE) --no-print-directory ARCH=$$a test-arch; then scripts/run-tests.sh record "make ARCH=$$a test-arch" pass; \
	    else scripts/run-tests.sh record "make ARCH=$$a test-arch" fail; st=1; fi; \
	done; scripts/run-tests.sh summary && exit $$st

CHECK_EXTRA += check-arch-units

# Size of every architecture's agent, static and with the shared Mbed TLS.
.PHONY: bench-arch
bench-arch:
	for a in $(ARCHES); do $(MAKE) --no-print-directory ARCH=$$a agent size-shared || exit 1; done
	@mkdir -p build/bench
	scripts/bench-arch.sh > build/bench/arch.md
	@cat build/bench/arch.md
BENCH_PARTS += bench-arch
