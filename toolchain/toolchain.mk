# SPDX-License-Identifier: BSD-2-Clause
# toolchain.mk - third-party source, fetched pinned (fetch.sh), built into
# build/.  Every output is a file target, so a second `make` rebuilds nothing.
#
#   build/mips/sysroot        musl libc, MIPS32 BE soft-float, static
#   build/mips/mbedtls        Mbed TLS static libraries for MIPS
#   build/host/mbedtls        the same for the host (tests, fuzzing)
#   build/{host,mips}/cmocka  cmocka unit-test library
#   build/mips/rt/rt.o        compiler helpers replacing libgcc (see rt/rt.c)

TC_DIR        := toolchain
SRC_DIR       := build/src
MIPS_SYSROOT  := build/mips/sysroot
MIPS_CC       := $(CROSS)gcc
MIPS_GCC_INC  := $(shell $(MIPS_CC) -print-file-name=include 2>/dev/null)
MBEDTLS_CFG   := -I$(CURDIR)/$(TC_DIR) '-DMBEDTLS_CONFIG_FILE=<mbedtls_config.h>'
MBEDTLS_INC   := -I$(SRC_DIR)/mbedtls/include $(MBEDTLS_CFG)
MBEDTLS_CONFIG_HEADERS := $(TC_DIR)/mbedtls_config.h $(TC_DIR)/mbedtls_psa_config.h
# Library sources patched in the build copy (toolchain/patches/mbedtls/,
# .c files only: the headers the agent compiles against stay the pristine
# ones in build/src/mbedtls/include).
MBEDTLS_PATCHES := $(sort $(wildcard $(TC_DIR)/patches/mbedtls/*.patch))
MBEDTLS_INPUTS := $(MBEDTLS_CONFIG_HEADERS) $(MBEDTLS_PATCHES) $(TC_DIR)/apply-patches.sh

# Flags shared by everything compiled for the device (not musl, which builds
# its own way).  -mno-abicalls -fno-pic: a static executable needs no
# PIC/GOT call sequences; on MIPS they cost about a third of the code size.
# -flto -ffat-lto-objects: the agent is linked with link-time optimisation
# (about 7% smaller); the objects also carry ordinary code, so test programs
# link quickly without it.  See MIPS_LTO in the Makefile.
MIPS_BASE_CFLAGS := -Os -flto -ffat-lto-objects $(MIPS_ARCH) -mno-abicalls -fno-pic \
                    -mno-check-zero-division -nostdinc -isystem $(CURDIR)/$(MIPS_SYSROOT)/include \
                    -isystem $(MIPS_GCC_INC) -ffunction-sections -fdata-sections \
                    -fno-asynchronous-unwind-tables -fno-unwind-tables -fno-ident

# Every downloaded third-party source goes to one folder, SOURCES_DIR
# (default dl/, kept by `make distclean`); `make sources` fills it, and a
# build finding a source there with the pinned SHA-256 uses no network
# (IOTHUNT_OFFLINE=1 forbids it outright).  See toolchain/README.md.
SOURCES_DIR ?= $(CURDIR)/dl
export SOURCES_DIR
TC_SOURCE_NAMES := $(shell awk '!/^\#/ && NF { print $$1 }' $(TC_DIR)/sources.txt)
TC_DEB_NAMES    := $(shell awk '!/^\#/ && NF { print $$1 }' $(TC_DIR)/debs.txt)

# A package is fetched again only when its own pin (its line in sources.txt
# and its sums) changes: pinning another package rebuilds nothing.
.PHONY: FORCE sources
FORCE:
$(SRC_DIR)/%.pin: FORCE
	@mkdir -p $(@D)
	@t=$@.new.$$$$; { grep -E '^$* ' $(TC_DIR)/sources.txt; grep -E ' $*_' $(TC_DIR)/SHA256SUMS; } > $$t || true; \
	if cmp -s $$t $@; then rm -f $$t; else mv $$t $@; fi

sources:
	@for n in $(TC_SOURCE_NAMES); do $(TC_DIR)/fetch.sh $$n || exit 1; done
	@for n in $(TC_DEB_NAMES); do $(TC_DIR)/fetch-deb.sh $$n || exit 1; done
	@echo "sources: every third-party source is in $(SOURCES_DIR)"
.PRECIOUS: $(SRC_DIR)/%.pin $(SRC_DIR)/%/.unpacked
# Objects depend on the flags they were built with: changing flags (here or
# in config.mak) rebuilds the libraries as well as the agent.
build/mips/cflags.stamp: FORCE
	@mkdir -p $(@D)
	$(shell mkdir -p $(@D))$(file >$@.new,$(MIPS_BASE_CFLAGS) $(MBEDTLS_CFG))
	@if cmp -s $@.new $@; then rm -f $@.new; else mv $@.new $@; fi

# fetch.sh writes .unpacked inside the tree it renames into place: a fetch
# that was killed leaves no .unpacked, and the next make fetches again.
$(SRC_DIR)/%/.unpacked: $(SRC_DIR)/%.pin
	$(TC_DIR)/fetch.sh $* $(SRC_DIR)
	touch $@

# musl: configure detects soft-float from the flags and picks the mips-sf
# subarch; only the static library is built.  musl is non-PIC like every
# program linked with it (-mno-abicalls -fno-pic: no GOT loads and $25 call
# sequences, 6.6 KiB smaller than -mno-shared abicalls code).  Three of its
# MIPS assembly files called through the GOT with $gp computed from $25,
# which non-PIC callers do not set: toolchain/patches/musl/0003.  Programs
# linked against it must be non-PIC too (a PIC callback called from musl
# would compute a wrong $gp): the agent's flags, rootfs/mips-cc.sh.  The
# PIC start files (Scrt1.o, rcrt1.o) are not built.
MUSL_CFLAGS := -Os $(MIPS_ARCH) -mno-abicalls -fno-pic -ffunction-sections -fdata-sections
# The recipe lines running it start with `+`: make passes its job slots only
# to lines it knows are recursive, and $(MAKE) hidden in a variable is not
# seen (musl then built with one job: 25 min on a loaded 2-core machine).
MUSL_MAKE = $(MAKE) -C build/mips/musl-build CRT_LIBS='lib/crt1.o lib/crti.o lib/crtn.o'
build/mips/musl.stamp: FORCE
	@mkdir -p $(@D)
	$(shell mkdir -p $(@D))$(file >$@.new,$(MUSL_CFLAGS))
	@if cmp -s $@.new $@; then rm -f $@.new; else mv $@.new $@; fi

# The build copies the source to build/mips/musl-src and applies
# toolchain/patches/musl/ there (see toolchain/README.md).
MUSL_PATCHES := $(sort $(wildcard $(TC_DIR)/patches/musl/*.patch))
$(MIPS_SYSROOT)/lib/libc.a: $(SRC_DIR)/musl/.unpacked build/mips/musl.stamp $(MUSL_PATCHES) $(TC_DIR)/apply-patches.sh
	rm -rf build/mips/musl-build build/mips/musl-src $(MIPS_SYSROOT) && mkdir -p build/mips/musl-build
	cp -a $(SRC_DIR)/musl build/mips/musl-src
	$(TC_DIR)/apply-patches.sh musl build/mips/musl-src
	cd build/mips/musl-build && $(CURDIR)/build/mips/musl-src/configure \
	    --target=mips-linux-gnu CC=$(MIPS_CC) CFLAGS='$(MUSL_CFLAGS)' \
	    --disable-shared --prefix=$(CURDIR)/$(MIPS_SYSROOT) >configure.log
	grep -q 'soft_float... true' build/mips/musl-build/configure.log
	+$(MUSL_MAKE) >/dev/null
	+$(MUSL_MAKE) install >/dev/null

MIPS_CRT_BEGIN := $(MIPS_SYSROOT)/lib/crt1.o $(MIPS_SYSROOT)/lib/crti.o
MIPS_CRT_END   := $(MIPS_SYSROOT)/lib/crtn.o
# What every MIPS link (Makefile mips_link, busybox) depends on.  Defined
# here, before the mk/*.mk fragments are read: their prerequisite lists are
# expanded when read, and a later definition left them empty (busybox, the
# simulator and tls_hello were not relinked after musl or rt.c changed).
MIPS_LINK_DEPS := build/mips/rt/rt.o $(MIPS_SYSROOT)/lib/libc.a build/mips/mbedtls/.built

build/mips/rt/rt.o: $(TC_DIR)/rt/rt.c $(MIPS_SYSROOT)/lib/libc.a build/mips/cflags.stamp
	@mkdir -p $(@D)
	$(MIPS_CC) $(MIPS_BASE_CFLAGS) -fno-lto -std=c11 -Wall -Wextra -Werror -c $< -o $@

# Mbed TLS: built out of the shared unpacked tree by copying the library
# sources per target, so host and MIPS objects never mix.
MBEDTLS_LIBS_NAMES := libmbedtls.a libmbedx509.a libmbedcrypto.a

build/mips/mbedtls/.built: $(SRC_DIR)/mbedtls/.unpacked $(MBEDTLS_INPUTS) $(MIPS_SYSROOT)/lib/libc.a build/mips/cflags.stamp
	@mkdir -p build
	flock build/.mbedtls-mips.lock $(MAKE) --no-print-directory -f toolchain/toolchain.mk TC_STAGE=build/mips/mbedtls \
	    TC_CC=$(MIPS_CC) TC_AR=$(CROSS)gcc-ar TC_CFLAGS="$(MIPS_BASE_CFLAGS) $(MBEDTLS_CFG)" mbedtls-stage

build/host/mbedtls/.built: $(SRC_DIR)/mbedtls/.unpacked $(MBEDTLS_INPUTS)
	@mkdir -p build
	flock build/.mbedtls-host.lock $(MAKE) --no-print-directory -f toolchain/toolchain.mk TC_STAGE=build/host/mbedtls \
	    TC_CC=$(HOST_CC) TC_AR=ar TC_CFLAGS="-O2 -g -fPIC $(MBEDTLS_CFG)" mbedtls-stage

# Build Mbed TLS into a private directory and move it into place: several
# makes may run at once in one tree, and none may see a half-built library.
# Called under a lock; a make that waited for the lock rebuilds only if the
# libraries are still older than their inputs.  Leftovers of a killed build
# (TC_STAGE.tmp.PID) are removed first.
.PHONY: mbedtls-stage
mbedtls-stage:
	@if [ -e $(TC_STAGE)/.built ] && [ -z "$$(find $(SRC_DIR)/mbedtls/.unpacked $(MBEDTLS_INPUTS) \
	        $(dir $(TC_STAGE))cflags.stamp -newer $(TC_STAGE)/.built 2>/dev/null)" ]; then exit 0; fi; \
	rm -rf $(TC_STAGE).tmp.*; tmp=$(TC_STAGE).tmp.$$$$; mkdir -p $$tmp && cp -a $(SRC_DIR)/mbedtls/. $$tmp/ && \
	$(TC_DIR)/apply-patches.sh mbedtls $$tmp && \
	$(MAKE) -C $$tmp/library CC=$(TC_CC) AR=$(TC_AR) CFLAGS="$(TC_CFLAGS)" $(MBEDTLS_LIBS_NAMES) >/dev/null && \
	touch $$tmp/.built && rm -rf $(TC_STAGE) && mv $$tmp $(TC_STAGE)

MIPS_MBEDTLS_LIBS := $(addprefix build/mips/mbedtls/library/,$(MBEDTLS_LIBS_NAMES))
HOST_MBEDTLS_LIBS := $(addprefix build/host/mbedtls/library/,$(MBEDTLS_LIBS_NAMES))
$(MIPS_MBEDTLS_LIBS): build/mips/mbedtls/.built ;
$(HOST_MBEDTLS_LIBS): build/host/mbedtls/.built ;

# cmocka: one C file; compiled per target with the target's flags.
CMOCKA_INC := -I$(SRC_DIR)/cmocka/include
CMOCKA_DEFS := -DHAVE_SIGNAL_H -DHAVE_STRSIGNAL -DHAVE_INTTYPES_H -DHAVE_SIGLONGJMP
# cmocka sums test run times in a double even when it does not measure
# them; the MIPS agent runtime has no floating point (rt/rt.c traps it), so
# the MIPS copy keeps those sums in a long.  Only the (unused) timing
# figures of XML output are affected.
CMOCKA_MIPS_DEFS := $(CMOCKA_DEFS) -Ddouble=long

build/host/cmocka/cmocka.o: $(SRC_DIR)/cmocka/.unpacked
	@mkdir -p $(@D)
	$(HOST_CC) -O1 -g $(CMOCKA_DEFS) $(CMOCKA_INC) $(SANITIZE) -c $(SRC_DIR)/cmocka/src/cmocka.c -o $@

build/mips/cmocka/cmocka.o: $(SRC_DIR)/cmocka/.unpacked $(MIPS_SYSROOT)/lib/libc.a build/mips/cflags.stamp
	@mkdir -p $(@D)
	$(MIPS_CC) $(MIPS_BASE_CFLAGS) $(CMOCKA_MIPS_DEFS) $(CMOCKA_INC) -c $(SRC_DIR)/cmocka/src/cmocka.c -o $@

.PHONY: toolchain
toolchain: $(MIPS_SYSROOT)/lib/libc.a build/mips/rt/rt.o build/mips/mbedtls/.built \
           build/host/mbedtls/.built build/host/cmocka/cmocka.o build/mips/cmocka/cmocka.o
