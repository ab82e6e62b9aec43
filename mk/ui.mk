# SPDX-License-Identifier: BSD-2-Clause
# ui.mk - the collector's fleet view: `make test-ui` (curl and headless
# Chromium against a collector filled over mutual TLS, tests/ui/run.sh, on
# a SQLite store), `make test-ui-pg` (the same on a throw-away PostgreSQL
# server, tests/collector/pg.sh) and
# the render benchmark for 10,000 devices (bench-web, tests/ui/bench.sh).
# Paths are spelled out: collector/collector.mk is read after this file.

.PHONY: test-ui test-ui-pg bench-web
test-ui: build/host/collector/asan/iothunt-collector
	COLLECTOR=build/host/collector/asan/iothunt-collector timeout 900 bash tests/ui/run.sh

test-ui-pg: build/host/collector/asan/iothunt-collector
	UI_STORE=postgresql COLLECTOR=build/host/collector/asan/iothunt-collector \
		timeout 900 bash tests/ui/run.sh

bench-web: build/host/iothunt-collector
	@mkdir -p build/bench
	COLLECTOR=build/host/iothunt-collector timeout 900 bash tests/ui/bench.sh > build/bench/web.md
	@cat build/bench/web.md

CHECK_EXTRA += test-ui test-ui-pg
BENCH_PARTS += bench-web
