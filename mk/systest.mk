# SPDX-License-Identifier: BSD-2-Clause
# systest.mk - full-system test: a MIPS Malta big-endian kernel built from
# Debian's linux-source-6.1 (the archive's current 6.1.x: toolchain/debs.txt,
# toolchain/fetch-deb.sh), booted in qemu-system-mips with build/rootfs as
# initramfs.
#
#   make systest-kernel   build/systest/vmlinux (cached: rebuilt only when
#                         tests/systest/kernel.config or debs.txt changes)
#   make systest          the full-system test (tests/systest/run.sh)
#
# Part of `make check`: a cold kernel build takes about three minutes on two
# cores, well inside CI's budget (times in docs/SYSTEST.md); later runs reuse
# the cached kernel.
CHECK_EXTRA += systest

SYSTEST_DIR    := build/systest
LINUX_DEB      := $(SYSTEST_DIR)/linux-source-6.1.deb
LINUX_SRC      := $(SYSTEST_DIR)/linux-source-6.1
LINUX_OBJ      := $(SYSTEST_DIR)/kbuild
LINUX_MAKE      = $(MAKE) -C $(LINUX_SRC) O=$(CURDIR)/$(LINUX_OBJ) ARCH=mips CROSS_COMPILE=$(CROSS)
SYSTEST_JOBS   ?= 2

# fetch-deb.sh prints the version it used and records it beside the .deb
# (build/systest/linux-source-6.1.version).
$(LINUX_SRC)/.unpacked: toolchain/debs.txt toolchain/fetch-deb.sh toolchain/apt-private.sh
	toolchain/fetch-deb.sh linux-source-6.1 $(SYSTEST_DIR)
	rm -rf $(LINUX_SRC)
	dpkg-deb --fsys-tarfile $(LINUX_DEB) | tar -xO ./usr/src/linux-source-6.1.tar.xz | xz -dc | tar -x -C $(SYSTEST_DIR)
	touch $@

# The build time goes to build/systest/kernel-build-time.txt for the docs.
$(SYSTEST_DIR)/vmlinux: $(LINUX_SRC)/.unpacked tests/systest/kernel.config
	mkdir -p $(LINUX_OBJ)
	$(LINUX_MAKE) KCONFIG_ALLCONFIG=$(CURDIR)/tests/systest/kernel.config allnoconfig >/dev/null
	tests/systest/check-kconfig.sh tests/systest/kernel.config $(LINUX_OBJ)/.config
	start=$$(date +%s); \
	nice -n 10 $(LINUX_MAKE) -j$(SYSTEST_JOBS) vmlinux >$(SYSTEST_DIR)/kernel-build.log 2>&1 || \
	    { tail -30 $(SYSTEST_DIR)/kernel-build.log; exit 1; }; \
	echo "$$(( $$(date +%s) - start )) s, -j$(SYSTEST_JOBS), $$(date -u +%F)" > $(SYSTEST_DIR)/kernel-build-time.txt
	cp $(LINUX_OBJ)/vmlinux $@
	@echo "systest kernel: linux-source-6.1 $$(cat $(SYSTEST_DIR)/linux-source-6.1.version)"

.PHONY: systest-kernel systest
systest-kernel: $(SYSTEST_DIR)/vmlinux

systest: $(SYSTEST_DIR)/vmlinux build/rootfs/.built build/host/iothunt-collector
	tests/systest/run.sh
