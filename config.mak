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
