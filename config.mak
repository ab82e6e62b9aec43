# SPDX-License-Identifier: BSD-2-Clause
# Cross-build settings (included by Makefile).  Override on the command line.
CROSS      ?= mips-linux-gnu-
MIPS_ARCH  ?= -march=mips32 -msoft-float
QEMU       ?= qemu-mips-static
# Every MIPS test runs on both: 4Kc is MIPS32r1 without an FPU, 24Kc is r2.
QEMU_CPUS  ?= 4Kc 24Kc
HOST_CC    ?= cc
FUZZ_CC    ?= clang
FUZZ_TIME  ?= 600

# Target architecture (mk/target.mk): mips (default, this file's MIPS BE
# settings), mipsel, arm, aarch64; output in build/ARCH/.
ARCH       ?= mips

# External toolchain (package builders: OpenWrt SDK, Buildroot).  Giving CC
# or CROSS_COMPILE on the command line builds build/target/iothunt with
# that compiler, its CFLAGS/CPPFLAGS/LDFLAGS and its own libc (musl), instead
# of the bundled musl; SYSROOT, if given, is passed as --sysroot.
# MBEDTLS=bundled links the pinned Mbed TLS (built with the same compiler,
# statically); MBEDTLS=system the target's shared libmbedtls 3.6.
MBEDTLS    ?= bundled
ifneq ($(filter command line,$(origin CC))$(CROSS_COMPILE),)
EXTERNAL_TOOLCHAIN := 1
endif
ifdef EXTERNAL_TOOLCHAIN
AGENT_BIN  := $(or $(IOTHUNT_TARGET_DIR),build/target)/iothunt
else
AGENT_BIN  := build/$(ARCH)/iothunt
endif
