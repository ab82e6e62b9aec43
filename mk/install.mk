# SPDX-License-Identifier: BSD-2-Clause
# install.mk - install targets, with the variables package builders pass.
#
#   make install DESTDIR=... PREFIX=/usr            the agent (AGENT_BIN)
#   make install-collector DESTDIR=... PREFIX=/usr  the collector
#   make test-install     both into build/install-test, compared file by
#                         file with tests/packaging/*.files (in make check)
#
# The agent installed is the one this build makes (AGENT_BIN, config.mak):
# build/ARCH/iothunt, or build/target/iothunt when an external toolchain is
# used (mk/target.mk).
# Nothing is built as root: `make` first, then `make install` (which
# rebuilds only if something is out of date).
PREFIX     ?= /usr/local
SBINDIR    ?= $(PREFIX)/sbin
DATADIR    ?= $(PREFIX)/share
MANDIR     ?= $(DATADIR)/man
# Configuration lives in /etc whatever the prefix (the agent's default
# --config is /etc/iothunt.conf); SYSCONFDIR=$(PREFIX)/etc for a private tree.
SYSCONFDIR ?= /etc
SYSTEMDUNITDIR ?= /lib/systemd/system
INSTALL    ?= install
# INIT=procd installs the OpenWrt init script and UCI file; INIT=none
# leaves the init system to the package (Buildroot installs its own).
INIT       ?= procd
DESTDIR    ?=

AGENT_DATA := rules/mirai.yar rules/threatfox-mirai.csv rules/allowlist.example
MAN_AGENT     := docs/man/iothunt.8 docs/man/iothunt.conf.5
MAN_COLLECTOR := docs/man/iothunt-collector.8

.PHONY: install install-agent install-collector test-install

install: install-agent

# The agent: program, example configuration (never overwriting the one in
# place: it holds the deployment's collector and certificates), OpenWrt
# init script and UCI file, the UCI converter, default rules and IOCs
# (also compiled in: these copies are for reading and for `rules =`), man
# pages.
install-agent: $(AGENT_BIN)
	$(INSTALL) -d $(DESTDIR)$(SBINDIR) $(DESTDIR)$(SYSCONFDIR) \
	    $(DESTDIR)$(DATADIR)/iothunt $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man8
	$(INSTALL) -m 0755 $(AGENT_BIN) $(DESTDIR)$(SBINDIR)/iothunt
	$(INSTALL) -m 0755 scripts/uci2iothunt.sh $(DESTDIR)$(SBINDIR)/uci2iothunt
	if [ -e $(DESTDIR)$(SYSCONFDIR)/iothunt.conf ]; then \
	    $(INSTALL) -m 0600 packaging/iothunt.conf $(DESTDIR)$(SYSCONFDIR)/iothunt.conf.example; \
	else $(INSTALL) -m 0600 packaging/iothunt.conf $(DESTDIR)$(SYSCONFDIR)/iothunt.conf; fi
ifeq ($(INIT),procd)
	$(INSTALL) -d $(DESTDIR)$(SYSCONFDIR)/init.d $(DESTDIR)$(SYSCONFDIR)/config
	$(INSTALL) -m 0755 packaging/openwrt/iothunt/files/iothunt.init $(DESTDIR)$(SYSCONFDIR)/init.d/iothunt
	[ -e $(DESTDIR)$(SYSCONFDIR)/config/iothunt ] || \
	    $(INSTALL) -m 0600 packaging/openwrt/iothunt/files/iothunt.config $(DESTDIR)$(SYSCONFDIR)/config/iothunt
endif
	$(INSTALL) -m 0644 $(AGENT_DATA) $(DESTDIR)$(DATADIR)/iothunt/
	$(INSTALL) -m 0644 docs/man/iothunt.8 $(DESTDIR)$(MANDIR)/man8/
	$(INSTALL) -m 0644 docs/man/iothunt.conf.5 $(DESTDIR)$(MANDIR)/man5/

# The collector: program, systemd unit, its environment file (example
# arguments; kept if present), man page.
install-collector: build/host/iothunt-collector
	$(INSTALL) -d $(DESTDIR)$(SBINDIR) $(DESTDIR)$(SYSTEMDUNITDIR) $(DESTDIR)$(SYSCONFDIR)/default \
	    $(DESTDIR)$(MANDIR)/man8
	$(INSTALL) -m 0755 build/host/iothunt-collector $(DESTDIR)$(SBINDIR)/iothunt-collector
	sed 's|@SBINDIR@|$(SBINDIR)|g; s|@SYSCONFDIR@|$(SYSCONFDIR)|g' packaging/systemd/iothunt-collector.service \
	    > $(DESTDIR)$(SYSTEMDUNITDIR)/iothunt-collector.service
	chmod 0644 $(DESTDIR)$(SYSTEMDUNITDIR)/iothunt-collector.service
	[ -e $(DESTDIR)$(SYSCONFDIR)/default/iothunt-collector ] || \
	    $(INSTALL) -m 0644 packaging/systemd/iothunt-collector.default $(DESTDIR)$(SYSCONFDIR)/default/iothunt-collector
	$(INSTALL) -m 0644 docs/man/iothunt-collector.8 $(DESTDIR)$(MANDIR)/man8/

# Both install targets into a scratch DESTDIR, compared with the expected
# lists (path, mode, and for programs the ELF machine).
test-install: $(AGENT_BIN) build/host/iothunt-collector
	tests/packaging/test-install.sh $(AGENT_BIN)

CHECK_EXTRA += test-install

# Man pages: mandoc's linter, warnings included.
.PHONY: lint-man
lint-man:
	@p=0; f=0; for m in $(MAN_AGENT) $(MAN_COLLECTOR); do \
	    if mandoc -Tlint -Wwarning $$m; then echo "PASS mandoc -Tlint $$m"; p=$$((p + 1)); \
	    else echo "FAIL mandoc -Tlint $$m"; f=$$((f + 1)); fi; done; \
	echo "$$p passed, $$f failed"; [ $$f -eq 0 ]

CHECK_EXTRA += lint-man

# The recipes (packaging/openwrt, packaging/buildroot) run as their build
# systems run them, with the Debian cross compiler of ARCH and a staging
# directory holding a shared Mbed TLS 3.6 (mk/target.mk), and the procd
# init script under busybox sh with a recorded procd function set.
.PHONY: test-packaging
test-packaging: build/$(ARCH)/staging/.built
	@st=0; tests/packaging/test-procd.sh || st=1; \
	tests/packaging/test-recipes.sh $(STG_CROSS) qemu-$(ARCH)-static build/$(ARCH)/staging || st=1; exit $$st

CHECK_EXTRA += test-packaging
