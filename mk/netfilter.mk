# SPDX-License-Identifier: BSD-2-Clause
# netfilter.mk - the netfilter check's helper tool and its live test.
#
#   make build/host/nf-tool       capture / swap / parse / scan helper
#   make check-netfilter-live     worm rules in a private network namespace
#                                 (iptables-legacy and iptables-nft), read back
#                                 through the kernel, iptables-save and nft
#                                 paths; needs root, iptables and nftables

build/host/nf-tool: build/host/obj/tests/data/netfilter/nf_tool.o $(HOST_LIB_OBJS) build/host/mbedtls/.built
	@mkdir -p $(@D)
	$(HOST_CC) $(SANITIZE) -o $@ $< $(HOST_LIB_OBJS) $(HOST_MBEDTLS_LIBS)

.PHONY: check-netfilter-live
check-netfilter-live: build/host/nf-tool
	tests/data/netfilter/live-test.sh build/host/nf-tool

CHECK_EXTRA += check-netfilter-live
