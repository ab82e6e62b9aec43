# SPDX-License-Identifier: BSD-2-Clause
# package.mk stand-in: OpenWrt's package-defaults.mk variables and default
# build steps (as in OpenWrt's include/package-defaults.mk), and a
# BuildPackage that runs prepare, compile, install and the package's
# install into $(PKG_ROOT), with its conffiles in $(PKG_ROOT)/CONTROL.
PKG_BUILD_DIR   ?= $(BUILD_DIR)/$(PKG_NAME)-$(PKG_VERSION)
PKG_INSTALL_DIR ?= $(PKG_BUILD_DIR)/ipkg-install
PKG_ROOT        ?= $(BUILD_DIR)/ipkg-$(PKG_NAME)
PKG_JOBS        ?= -j2
export SOURCE_DATE_EPOCH ?= 1780000000

TARGET_CONFIGURE_OPTS = AR="$(TARGET_CROSS)gcc-ar" AS="$(TARGET_CC) -c" LD="$(TARGET_CROSS)ld" \
    NM="$(TARGET_CROSS)gcc-nm" CC="$(TARGET_CC)" GCC="$(TARGET_CC)" CXX="$(TARGET_CROSS)g++" \
    RANLIB="$(TARGET_CROSS)gcc-ranlib" STRIP="$(TARGET_CROSS)strip" OBJCOPY="$(TARGET_CROSS)objcopy" \
    OBJDUMP="$(TARGET_CROSS)objdump" SIZE="$(TARGET_CROSS)size"
MAKE_VARS = CFLAGS="$(TARGET_CFLAGS) $(EXTRA_CFLAGS) $(TARGET_CPPFLAGS) $(EXTRA_CPPFLAGS)" \
    CXXFLAGS="$(TARGET_CFLAGS)" LDFLAGS="$(TARGET_LDFLAGS) $(EXTRA_LDFLAGS)"
MAKE_FLAGS = $(TARGET_CONFIGURE_OPTS) CROSS="$(TARGET_CROSS)" ARCH="$(ARCH)"
MAKE_INSTALL_FLAGS = $(MAKE_FLAGS) DESTDIR="$(PKG_INSTALL_DIR)"
MAKE_PATH ?= .

define Build/Compile/Default
	+$(MAKE_VARS) $(MAKE) $(PKG_JOBS) -C $(PKG_BUILD_DIR)/$(MAKE_PATH) $(MAKE_FLAGS) $(1);
endef
define Build/Install/Default
	$(MAKE_VARS) $(MAKE) -C $(PKG_BUILD_DIR)/$(MAKE_PATH) $(MAKE_INSTALL_FLAGS) $(if $(1), $(1), install);
endef
Build/Compile = $(call Build/Compile/Default)
Build/Install = $(call Build/Install/Default)

define BuildPackage
$(eval $(Package/$(1)))
.PHONY: compile package
compile:
	rm -rf $(PKG_BUILD_DIR) $(PKG_ROOT)
	$$(Build/Prepare)
	$$(Build/Compile)
	$$(Build/Install)
package: compile
	mkdir -p $(PKG_ROOT)/CONTROL
	$$(call Package/$(1)/install,$(PKG_ROOT))
	printf '%s\n' $$(strip $$(Package/$(1)/conffiles)) > $(PKG_ROOT)/CONTROL/conffiles
	printf 'Depends: %s\n' '$(DEPENDS)' > $(PKG_ROOT)/CONTROL/control
endef
