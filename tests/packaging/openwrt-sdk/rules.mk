# SPDX-License-Identifier: BSD-2-Clause
# rules.mk stand-in for tests/packaging/test-recipes.sh: the variables an
# OpenWrt SDK defines that packaging/openwrt/iothunt/Makefile uses.  The
# target toolchain is a Debian cross compiler (TARGET_CROSS), its staging
# directory the one of `make ARCH=... build/ARCH/staging/.built`.
INCLUDE_DIR  := $(TOPDIR)/include
TARGET_CC    := $(TARGET_CROSS)gcc
TARGET_CFLAGS ?= -Os -pipe -fno-caller-saves -fno-plt -fstack-protector-strong
TARGET_CPPFLAGS := -I$(STAGING_DIR)/usr/include -D_FORTIFY_SOURCE=1
TARGET_LDFLAGS := -L$(STAGING_DIR)/usr/lib -znow -zrelro
INSTALL_DIR  := install -d -m0755
INSTALL_BIN  := install -m0755
INSTALL_DATA := install -m0644
INSTALL_CONF := install -m0600
CP           := cp -fpR
