# SPDX-License-Identifier: BSD-2-Clause
# rootfs.mk - the test router's root filesystem (DESIGN: rootfs/, issue 6).
#
#   build/rootfs-work/busybox/busybox   busybox 1.37 (pinned Debian source),
#                                       MIPS32r1 BE soft-float, static, musl,
#                                       linked like the agent (rootfs/mips-cc.sh)
#   build/mips/mirai_sim                the benign infection simulator
#   build/rootfs/                       the tree: busybox, agent, simulator,
#                                       config, certificates, init scripts
#   build/rootfs.cpio.gz                the same tree as an initramfs
#
#   make rootfs     tree and initramfs

RFS_WORK   := build/rootfs-work
BB_DIR     := $(RFS_WORK)/busybox
BB_MAKE     = $(MAKE) -C $(BB_DIR) CC=$(CURDIR)/rootfs/mips-cc.sh AR=$(CROSS)ar \
              STRIP=$(CROSS)strip CROSS_COMPILE=$(CROSS)
RFS_CERTS  := build/certs
RFS_DEVICE ?= router-01

# Linux UAPI headers for busybox (only linux/, asm/, asm-generic/, mtd/ of
# the cross toolchain: never its glibc headers).
$(RFS_WORK)/uapi/.staged:
	rm -rf $(RFS_WORK)/uapi && mkdir -p $(RFS_WORK)/uapi
	for d in linux asm asm-generic mtd; do cp -a /usr/mips-linux-gnu/include/$$d $(RFS_WORK)/uapi/; done
	touch $@

$(BB_DIR)/.config: build/src/busybox/.unpacked rootfs/busybox.config rootfs/apply-config.sh rootfs/mips-cc.sh
	rm -rf $(BB_DIR) && mkdir -p $(RFS_WORK)
	cp -a build/src/busybox $(BB_DIR)
	$(BB_MAKE) allnoconfig >/dev/null
	rootfs/apply-config.sh rootfs/busybox.config $(BB_DIR)/.config
	yes "" | $(BB_MAKE) oldconfig >/dev/null
	tests/systest/check-kconfig.sh rootfs/busybox.config $(BB_DIR)/.config

$(BB_DIR)/busybox: $(BB_DIR)/.config $(RFS_WORK)/uapi/.staged rootfs/mips-cc.sh $(MIPS_LINK_DEPS)
	+$(BB_MAKE) busybox busybox.links >$(RFS_WORK)/busybox-build.log 2>&1 || { tail -30 $(RFS_WORK)/busybox-build.log; exit 1; }
	scripts/check-mips-isa.sh $@ >/dev/null
	tests/sim/check-no-float.sh $(BB_DIR)
	touch $@

# The simulator: one C file, linked like the agent.
SIM_CFLAGS := $(MIPS_BASE_CFLAGS) $(WARN) -std=c11 -D_GNU_SOURCE -DSIM_KERNEL_RULES \
              -idirafter $(CURDIR)/$(RFS_WORK)/uapi
build/mips/mirai_sim: tests/sim/mirai_sim.c $(MIPS_LINK_DEPS) $(RFS_WORK)/uapi/.staged
	@mkdir -p build/mips/obj/tests/sim
	$(MIPS_CC) $(SIM_CFLAGS) -c tests/sim/mirai_sim.c -o build/mips/obj/tests/sim/mirai_sim.o
	$(call mips_link,$@.unstripped,build/mips/obj/tests/sim/mirai_sim.o)
	$(CROSS)strip -o $@ $@.unstripped
	scripts/check-mips-isa.sh $@ >/dev/null

# Certificates (scripts/mkcerts.sh is idempotent).
$(RFS_CERTS)/devices/$(RFS_DEVICE).crt: scripts/mkcerts.sh
	scripts/mkcerts.sh $(RFS_CERTS) $(RFS_DEVICE) >/dev/null

build/rootfs/.built: $(BB_DIR)/busybox build/mips/iothunt build/mips/mirai_sim \
                     $(RFS_CERTS)/devices/$(RFS_DEVICE).crt rootfs/build.sh \
                     $(shell find rootfs/skel -type f 2>/dev/null)
	rootfs/build.sh build/rootfs $(BB_DIR) build/mips/iothunt build/mips/mirai_sim \
	    $(RFS_CERTS) $(RFS_DEVICE)
	touch $@

build/rootfs.cpio.gz: build/rootfs/.built
	cd build/rootfs && find . ! -name .built | LC_ALL=C sort | \
	    cpio -o -H newc -R 0:0 --quiet | gzip -9n > $(CURDIR)/$@.tmp
	mv $@.tmp $@

.PHONY: rootfs busybox
busybox: $(BB_DIR)/busybox
rootfs: build/rootfs/.built build/rootfs.cpio.gz
