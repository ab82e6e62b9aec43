# SPDX-License-Identifier: BSD-2-Clause
# rules.mk - the rule engine (agent/rules/): its library, differential
# tests and benchmark.
#
#   build/host/librules.a   the engine alone (agent/rules/*.c), for host
#   build/mips/librules.a   programs (the collector's bundle builder) and
#                           MIPS ones; it calls util_* and hash_* (agent/
#                           util.c, agent/hash.c), which the program links
#   make rules-diff         iothunt match (host and MIPS under qemu) against
#                           yara over the public Mirai rules, rules/ and
#                           tests/yara/rules
#   make rules-modifiers    xor, base64, base64wide: random strings and
#                           encodings (fixed seeds), iothunt (host and MIPS)
#                           against yara's match counts
#   make rules-regex        regular expressions (alternatives, optional first
#                           elements, greedy and lazy quantifiers, nocase,
#                           wide, fullword): random cases (fixed seeds),
#                           iothunt (host and MIPS) against yara's match
#                           counts and offsets; the differences still known
#                           are listed (docs/RULES.md) and must stay so
#   make rules-elf          the elf module and entrypoint: random ELF (both
#                           classes and byte orders, damaged tables) and PE
#                           headers and real binaries (fixed seeds), iothunt
#                           (host and MIPS) against yara
#   make rules-testsuite    YARA 4.2.3's own test cases (tests/yara/testrules)
#                           against yara and iothunt match: agree / wrong /
#                           refused counts, fails on any wrong answer
#   make bench-rules        throughput against yara on >= 200 MiB of generated
#                           files, and the engine's heap high-water
#                           (build/bench/rules.md)
#   make bench-regex        pathological regular expressions over growing
#                           files, iothunt and yara (build/bench/regex.md)
#   make bench-rules-public throughput against yara with about 1,000 public
#                           rules (tests/data/yara-public) over >= 128 MiB of
#                           this machine's ELF files (build/bench/rules-public.md)
#   make bench-hash         hash.md5/sha1/sha256 of the MIPS agent against
#                           busybox md5sum/sha1sum/sha256sum under qemu-mips
#                           -cpu 24Kc, 16 MiB (build/bench/hash.md)
#   make size               bytes of the stripped MIPS agent per module, the
#                           rule engine on its own line (scripts/size-modules.py)

.PHONY: rules-diff rules-modifiers rules-regex rules-elf rules-testsuite bench-rules bench-regex \
        bench-rules-public bench-hash size

RULES_HOST_OBJS := $(call obj,build/host,$(RULES_SRCS))
RULES_MIPS_OBJS := $(call obj,build/mips,$(RULES_SRCS))

build/host/librules.a: $(RULES_HOST_OBJS)
	rm -f $@ && ar rcs $@ $^
build/mips/librules.a: $(RULES_MIPS_OBJS)
	rm -f $@ && $(CROSS)ar rcs $@ $^

host: build/host/librules.a
mips: build/mips/librules.a

rules-diff: build/host/iothunt build/mips/iothunt
	tests/yara/rules-diff.sh

CHECK_EXTRA += rules-diff

RULES_MODIFIER_SEEDS ?= 1 2
rules-modifiers: build/host/iothunt build/mips/iothunt
	@for s in $(RULES_MODIFIER_SEEDS); do tests/yara/diff-modifiers.py $$s 150 || exit 1; done

CHECK_EXTRA += rules-modifiers

rules-regex: build/host/iothunt build/mips/iothunt
	@for s in 1 2 3; do tests/yara/diff-regex.py $$s 200 || exit 1; done

CHECK_EXTRA += rules-regex

RULES_ELF_SEEDS ?= 1 2
rules-elf: build/host/iothunt build/mips/iothunt
	@for s in $(RULES_ELF_SEEDS); do tests/yara/diff-elf.py $$s 60 || exit 1; done

CHECK_EXTRA += rules-elf

rules-testsuite: build/host/iothunt
	tests/yara/testrules/run.py -- build/host/iothunt

CHECK_EXTRA += rules-testsuite

bench-rules: build/bench/iothunt build/bench/iothunt-heapstat build/mips/iothunt-heapstat
	@mkdir -p build/bench
	tests/yara/bench-rules.sh > build/bench/rules.md

BENCH_PARTS += bench-rules

# Pathological regular expressions at growing file sizes, iothunt and yara
# (tests/yara/bench-regex.sh; BENCH_REGEX_SIZES in KiB, each run bounded).
BENCH_REGEX_SIZES ?= 16 64 256
bench-regex: build/bench/iothunt
	@mkdir -p build/bench
	tests/yara/bench-regex.sh build/bench/iothunt $(BENCH_REGEX_SIZES) > build/bench/regex.md

BENCH_PARTS += bench-regex

# About 1,000 public rules over real ELF files (tests/yara/bench-public.sh;
# fails when iothunt and yara do not print the same matches).
bench-rules-public: build/bench/iothunt
	@mkdir -p build/bench
	tests/yara/bench-public.sh > build/bench/rules-public.md.tmp
	mv build/bench/rules-public.md.tmp build/bench/rules-public.md

BENCH_PARTS += bench-rules-public

# Hashing against busybox under qemu (tests/yara/bench-hash.sh).  The
# router's busybox has no sha1sum: a second build of it with CONFIG_SHA1SUM=y
# gives the sha1sum to compare with.
BENCH_BB_SHA1 := build/bench/busybox-sha1
BENCH_BB_MAKE  = $(MAKE) -C $(BENCH_BB_SHA1) CC=$(CURDIR)/rootfs/mips-cc.sh AR=$(CROSS)ar \
                 STRIP=$(CROSS)strip CROSS_COMPILE=$(CROSS)
$(BENCH_BB_SHA1)/busybox: $(BB_DIR)/.config $(RFS_WORK)/uapi/.staged rootfs/mips-cc.sh $(MIPS_LINK_DEPS)
	rm -rf $(BENCH_BB_SHA1) && mkdir -p build/bench
	cp -a build/src/busybox $(BENCH_BB_SHA1)
	cp $(BB_DIR)/.config $(BENCH_BB_SHA1)/.config
	echo CONFIG_SHA1SUM=y > $(BENCH_BB_SHA1)/sha1.config
	rootfs/apply-config.sh $(BENCH_BB_SHA1)/sha1.config $(BENCH_BB_SHA1)/.config
	yes "" | $(BENCH_BB_MAKE) oldconfig >/dev/null
	grep -qx CONFIG_SHA1SUM=y $(BENCH_BB_SHA1)/.config
	+$(BENCH_BB_MAKE) busybox >$(BENCH_BB_SHA1)/build.log 2>&1 || { tail -30 $(BENCH_BB_SHA1)/build.log; exit 1; }

bench-hash: build/mips/iothunt $(BB_DIR)/busybox $(BENCH_BB_SHA1)/busybox
	@mkdir -p build/bench
	tests/yara/bench-hash.sh > build/bench/hash.md.tmp
	mv build/bench/hash.md.tmp build/bench/hash.md

BENCH_PARTS += bench-hash

size: build/mips/iothunt build/mips/iothunt.unstripped build/host/obj/agent/main.o $(HOST_LIB_OBJS)
	scripts/size-modules.py build/mips/iothunt build/mips/iothunt.unstripped
