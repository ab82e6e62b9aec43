# ui.mk - the collector's fleet view: `make test-ui` (curl and headless
# Chromium against a collector filled over mutual TLS, tests/ui/run.sh) and
# the render benchmark for 10,000 devices (bench-web, tests/ui/bench.sh).
# Paths are spelled out: collector/collector.mk is read after this file.

.PHONY: test-ui bench-web
test-ui: build/host/collector/asan/iothunt-collector
	COLLECTOR=build/host/collector/asan/iothunt-collector timeout 900 bash tests/ui/run.sh

bench-web: build/host/iothunt-collector
	@mkdir -p build/bench
	COLLECTOR=build/host/iothunt-collector timeout 900 bash tests/ui/bench.sh > build/bench/web.md
	@cat build/bench/web.md

CHECK_EXTRA += test-ui
BENCH_PARTS += bench-web
