# SPDX-License-Identifier: BSD-2-Clause
# iothunt-collector: make fragment, included by the top-level Makefile and
# usable alone:
#   make -f collector/collector.mk build/host/iothunt-collector collector-check
# Targets: build/host/iothunt-collector, collector-check (unit tests with
# ASan+UBSan, then tests/collector/run.sh), fuzz-collector (libFuzzer build),
# fuzz-collector-run (FUZZ_TIME seconds, default 60), bench-collector (ingest
# benchmark, Markdown section in build/bench/collector.md).
# Everything here is prefixed COLLECTOR_ so it cannot clash with the agent's
# variables; only CC, CLANG and PKG_CONFIG are shared, with ?= defaults.

CC ?= cc
CLANG ?= clang
PKG_CONFIG ?= pkg-config

COLLECTOR_VERSION ?= $(or $(shell cat VERSION 2>/dev/null),0.1.0)
COLLECTOR_PKGS := libmicrohttpd jansson sqlite3 gnutls libargon2 libpq
COLLECTOR_HOST_CFLAGS ?= -O2 -g -Wall -Wextra -Werror -std=c11 -D_GNU_SOURCE
COLLECTOR_SAN_FLAGS ?= -fsanitize=address,undefined -fno-omit-frame-pointer
COLLECTOR_PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(COLLECTOR_PKGS))
COLLECTOR_PKG_LIBS := $(shell $(PKG_CONFIG) --libs $(COLLECTOR_PKGS)) -lpthread
COLLECTOR_CPPFLAGS := -DIOTHUNT_VERSION='"$(COLLECTOR_VERSION)"' -Icollector

COLLECTOR_LIB_NAMES := addr auth bundle_serve cef clog forward http ingest jsonl num \
	query silent store_pg store_sqlite web web_auth web_out web_page
COLLECTOR_OBJ_DIR := build/host/collector
COLLECTOR_ASAN_DIR := build/host/collector/asan
COLLECTOR_TEST_DIR := build/host/collector/tests

COLLECTOR_OBJS := $(COLLECTOR_LIB_NAMES:%=$(COLLECTOR_OBJ_DIR)/%.o) \
	$(COLLECTOR_OBJ_DIR)/main.o
COLLECTOR_ASAN_LIB_OBJS := $(COLLECTOR_LIB_NAMES:%=$(COLLECTOR_ASAN_DIR)/%.o)
COLLECTOR_ASAN_BIN := $(COLLECTOR_ASAN_DIR)/iothunt-collector

COLLECTOR_UNIT_TESTS := test_num_addr test_ingest test_cef test_store test_silent \
	test_web
COLLECTOR_UNIT_BINS := $(COLLECTOR_UNIT_TESTS:%=$(COLLECTOR_TEST_DIR)/%)

COLLECTOR_FUZZ_BIN := build/fuzz/fuzz_collector_ingest
COLLECTOR_FUZZ_SRCS := tests/fuzz/fuzz_collector_ingest.c collector/ingest.c \
	collector/cef.c collector/addr.c collector/num.c collector/clog.c
COLLECTOR_WEB_FUZZ_BIN := build/fuzz/fuzz_collector_web
COLLECTOR_WEB_FUZZ_SRCS := tests/fuzz/fuzz_collector_web.c collector/web_auth.c \
	collector/web_out.c collector/num.c
COLLECTOR_PAGE_FUZZ_BIN := build/fuzz/fuzz_collector_page
COLLECTOR_PAGE_FUZZ_SRCS := tests/fuzz/fuzz_collector_page.c collector/web_page.c \
	collector/web_out.c collector/num.c collector/ingest.c
FUZZ_TIME ?= 60

.PHONY: collector-check fuzz-collector fuzz-collector-run bench-collector

# COLLECTOR_EXTRA_OBJS / COLLECTOR_ASAN_EXTRA_OBJS / COLLECTOR_EXTRA_LIBS:
# parts a fragment of mk/ links in (mk/bundle.mk: the bundle builder).
build/host/iothunt-collector: $(COLLECTOR_OBJS) $(COLLECTOR_EXTRA_OBJS)
	@mkdir -p $(@D)
	$(CC) $(COLLECTOR_HOST_CFLAGS) -o $@ $(COLLECTOR_OBJS) $(COLLECTOR_EXTRA_OBJS) \
		$(COLLECTOR_PKG_LIBS) $(COLLECTOR_EXTRA_LIBS)

$(COLLECTOR_OBJ_DIR)/%.o: collector/%.c
	@mkdir -p $(@D)
	$(CC) $(COLLECTOR_HOST_CFLAGS) $(COLLECTOR_CPPFLAGS) $(COLLECTOR_PKG_CFLAGS) \
		-MMD -MP -c -o $@ $<

$(COLLECTOR_ASAN_DIR)/%.o: collector/%.c
	@mkdir -p $(@D)
	$(CC) $(COLLECTOR_HOST_CFLAGS) $(COLLECTOR_SAN_FLAGS) $(COLLECTOR_CPPFLAGS) \
		$(COLLECTOR_PKG_CFLAGS) -MMD -MP -c -o $@ $<

$(COLLECTOR_ASAN_BIN): $(COLLECTOR_ASAN_LIB_OBJS) $(COLLECTOR_ASAN_DIR)/main.o $(COLLECTOR_ASAN_EXTRA_OBJS)
	$(CC) $(COLLECTOR_HOST_CFLAGS) $(COLLECTOR_SAN_FLAGS) -o $@ $^ \
		$(COLLECTOR_PKG_LIBS) $(COLLECTOR_EXTRA_LIBS)

$(COLLECTOR_TEST_DIR)/%: tests/collector/%.c $(COLLECTOR_ASAN_LIB_OBJS)
	@mkdir -p $(@D)
	$(CC) $(COLLECTOR_HOST_CFLAGS) $(COLLECTOR_SAN_FLAGS) $(COLLECTOR_CPPFLAGS) \
		$(COLLECTOR_PKG_CFLAGS) -MMD -MP -o $@ $< $(COLLECTOR_ASAN_LIB_OBJS) \
		$(COLLECTOR_PKG_LIBS) -lcmocka

# Unit tests first (each prints cmocka's summary), then the TLS/syslog
# integration test against the sanitized daemon; then the store tests and
# the same integration test against a PostgreSQL server started for them
# (tests/collector/pg.sh; needs the postgresql package).
collector-check: $(COLLECTOR_UNIT_BINS) $(COLLECTOR_ASAN_BIN) build/host/iothunt-collector
	@set -e; for t in $(COLLECTOR_UNIT_BINS); do \
		echo "== $$t"; \
		ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
			timeout 120 $$t; \
	done
	COLLECTOR=$(COLLECTOR_ASAN_BIN) timeout 600 bash tests/collector/run.sh
	TEST_STORE=$(COLLECTOR_TEST_DIR)/test_store timeout 600 bash tests/collector/store-pg.sh
	STORE=postgresql COLLECTOR=$(COLLECTOR_ASAN_BIN) timeout 600 bash tests/collector/run.sh

# One address holding thousands of idle and half-open connections while
# devices on other addresses deliver (tests/collector/hostile.sh).
.PHONY: test-hostile
test-hostile: build/host/iothunt-collector
	COLLECTOR=build/host/iothunt-collector timeout 300 bash tests/collector/hostile.sh

COLLECTOR_BENCH_BIN := $(COLLECTOR_TEST_DIR)/bench_ingest
$(COLLECTOR_BENCH_BIN): tests/collector/bench_ingest.c $(COLLECTOR_OBJ_DIR)/num.o
	@mkdir -p $(@D)
	$(CC) $(COLLECTOR_HOST_CFLAGS) $(COLLECTOR_CPPFLAGS) $(COLLECTOR_PKG_CFLAGS) \
		-o $@ $< $(COLLECTOR_OBJ_DIR)/num.o $(COLLECTOR_PKG_LIBS)

COLLECTOR_SIM_BIN := $(COLLECTOR_TEST_DIR)/fleet_sim
$(COLLECTOR_SIM_BIN): tests/collector/fleet_sim.c $(COLLECTOR_OBJ_DIR)/num.o
	@mkdir -p $(@D)
	$(CC) $(COLLECTOR_HOST_CFLAGS) $(COLLECTOR_CPPFLAGS) $(COLLECTOR_PKG_CFLAGS) \
		-o $@ $< $(COLLECTOR_OBJ_DIR)/num.o $(COLLECTOR_PKG_LIBS)

# Three collectors on one PostgreSQL, 50 simulated agents, a collector
# killed and PostgreSQL restarted mid-stream (tests/collector/scaleout.sh).
.PHONY: test-scaleout
test-scaleout: build/host/iothunt-collector $(COLLECTOR_SIM_BIN)
	COLLECTOR=build/host/iothunt-collector SIM=$(COLLECTOR_SIM_BIN) \
		timeout 600 bash tests/collector/scaleout.sh

bench-collector: build/host/iothunt-collector $(COLLECTOR_BENCH_BIN)
	@mkdir -p build/bench
	COLLECTOR=build/host/iothunt-collector BENCH=$(COLLECTOR_BENCH_BIN) \
		timeout 900 bash tests/collector/bench.sh > build/bench/collector.md
	@cat build/bench/collector.md

fuzz-collector: $(COLLECTOR_FUZZ_BIN) $(COLLECTOR_WEB_FUZZ_BIN) $(COLLECTOR_PAGE_FUZZ_BIN)

$(COLLECTOR_PAGE_FUZZ_BIN): $(COLLECTOR_PAGE_FUZZ_SRCS) $(wildcard collector/*.h)
	@mkdir -p $(@D)
	$(CLANG) -O1 -g -std=c11 -D_GNU_SOURCE -Wall -Wextra \
		-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
		$(COLLECTOR_CPPFLAGS) $(COLLECTOR_PKG_CFLAGS) -o $@ \
		$(COLLECTOR_PAGE_FUZZ_SRCS) $(COLLECTOR_PKG_LIBS)

$(COLLECTOR_WEB_FUZZ_BIN): $(COLLECTOR_WEB_FUZZ_SRCS) $(wildcard collector/*.h)
	@mkdir -p $(@D)
	$(CLANG) -O1 -g -std=c11 -D_GNU_SOURCE -Wall -Wextra \
		-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
		$(COLLECTOR_CPPFLAGS) $(COLLECTOR_PKG_CFLAGS) -o $@ \
		$(COLLECTOR_WEB_FUZZ_SRCS) $(COLLECTOR_PKG_LIBS)

$(COLLECTOR_FUZZ_BIN): $(COLLECTOR_FUZZ_SRCS) $(wildcard collector/*.h)
	@mkdir -p $(@D)
	$(CLANG) -O1 -g -std=c11 -D_GNU_SOURCE -Wall -Wextra \
		-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
		$(COLLECTOR_CPPFLAGS) $(COLLECTOR_PKG_CFLAGS) -o $@ \
		$(COLLECTOR_FUZZ_SRCS) $(COLLECTOR_PKG_LIBS)

# One fuzzer at a time on this 2-core machine: bounded by FUZZ_TIME.
fuzz-collector-run: $(COLLECTOR_FUZZ_BIN) $(COLLECTOR_WEB_FUZZ_BIN) $(COLLECTOR_PAGE_FUZZ_BIN)
	@mkdir -p build/fuzz/corpus-collector-ingest
	$(COLLECTOR_FUZZ_BIN) -max_total_time=$(FUZZ_TIME) -max_len=65536 \
		-timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		build/fuzz/corpus-collector-ingest tests/fuzz/corpus/collector_ingest
	@mkdir -p build/fuzz/corpus-collector-web
	$(COLLECTOR_WEB_FUZZ_BIN) -max_total_time=$(FUZZ_TIME) -max_len=70000 \
		-timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		build/fuzz/corpus-collector-web tests/fuzz/corpus/collector_web
	@mkdir -p build/fuzz/corpus-collector-page
	$(COLLECTOR_PAGE_FUZZ_BIN) -max_total_time=$(FUZZ_TIME) -max_len=8192 \
		-timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		build/fuzz/corpus-collector-page tests/fuzz/corpus/collector_page

-include $(wildcard $(COLLECTOR_OBJ_DIR)/*.d $(COLLECTOR_ASAN_DIR)/*.d $(COLLECTOR_TEST_DIR)/*.d)
