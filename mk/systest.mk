# systest.mk - full-system test: a MIPS Malta big-endian kernel built from
# Debian's linux-source-6.1 (pinned in toolchain/debs.txt + SHA256SUMS),
# booted in qemu-system-mips with build/rootfs as initramfs.
#
#   make systest-kernel   build/systest/vmlinux (cached: rebuilt only when
#                         tests/systest/kernel.config or the pin changes)
#   make systest          the full-system test (tests/systest/run.sh)
#
# Part of `make check`: a cold kernel build takes about three minutes on two
# cores, well inside CI's budget (times in docs/SYSTEST.md); later runs reuse
# the cached kernel.
CHECK_EXTRA += systest

SYSTEST_DIR    := build/systest
LINUX_DEB      := $(shell awk '$$1 == "linux-source-6.1" { print $$4 }' toolchain/debs.txt)
LINUX_SRC      := $(SYSTEST_DIR)/linux-source-6.1
LINUX_OBJ      := $(SYSTEST_DIR)/kbuild
LINUX_MAKE      = $(MAKE) -C $(LINUX_SRC) O=$(CURDIR)/$(LINUX_OBJ) ARCH=mips CROSS_COMPILE=$(CROSS)
SYSTEST_JOBS   ?= 2

build/dl/$(LINUX_DEB): toolchain/debs.txt toolchain/SHA256SUMS toolchain/fetch-deb.sh
	toolchain/fetch-deb.sh linux-source-6.1 build/dl

$(LINUX_SRC)/.unpacked: build/dl/$(LINUX_DEB)
	rm -rf $(LINUX_SRC) && mkdir -p $(SYSTEST_DIR)
	dpkg-deb --fsys-tarfile $< | tar -xO ./usr/src/linux-source-6.1.tar.xz | xz -dc | tar -x -C $(SYSTEST_DIR)
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

.PHONY: systest-kernel systest
systest-kernel: $(SYSTEST_DIR)/vmlinux

systest: $(SYSTEST_DIR)/vmlinux build/rootfs/.built build/host/iothunt-collector
	tests/systest/run.sh
