# SPDX-License-Identifier: BSD-2-Clause
################################################################################
#
# iothunt
#
################################################################################

IOTHUNT_VERSION = 0.1.0
# A checkout of the iothunt repository (BR2_EXTERNAL or a local override);
# see packaging/README.md.
IOTHUNT_SITE = $(IOTHUNT_PKGDIR)/../../..
IOTHUNT_SITE_METHOD = local
IOTHUNT_LICENSE = BSD-2-Clause
IOTHUNT_LICENSE_FILES = LICENSE
IOTHUNT_DEPENDENCIES = mbedtls

# TARGET_CONFIGURE_OPTS puts CC, CFLAGS, LDFLAGS... on the command line: the
# iothunt Makefile then builds with this toolchain (config.mak).
IOTHUNT_MAKE_OPTS = MBEDTLS=system PREFIX=/usr INIT=none

define IOTHUNT_BUILD_CMDS
	$(TARGET_MAKE_ENV) $(MAKE) $(TARGET_CONFIGURE_OPTS) $(IOTHUNT_MAKE_OPTS) -C $(@D) agent
endef

define IOTHUNT_INSTALL_TARGET_CMDS
	$(TARGET_MAKE_ENV) $(MAKE) $(TARGET_CONFIGURE_OPTS) $(IOTHUNT_MAKE_OPTS) -C $(@D) \
		DESTDIR=$(TARGET_DIR) install
endef

define IOTHUNT_INSTALL_INIT_SYSV
	$(INSTALL) -D -m 0755 $(IOTHUNT_PKGDIR)/S99iothunt $(TARGET_DIR)/etc/init.d/S99iothunt
endef

$(eval $(generic-package))
