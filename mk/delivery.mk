# SPDX-License-Identifier: BSD-2-Clause
# delivery.mk - agent delivery: the TLS size probe (tests/tls), the
# end-to-end and fault tests (tests/e2e), and the delivery benchmarks.

# --- TLS handshake probe: static MIPS, linked exactly like the agent ------
build/mips/tls_hello.unstripped: build/mips/obj/tests/tls/tls_hello.o $(MIPS_LINK_DEPS)
	$(call mips_link,$@,build/mips/obj/tests/tls/tls_hello.o,$(MIPS_LTO))
build/mips/tls_hello: build/mips/tls_hello.unstripped scripts/check-mips-isa.sh
	$(CROSS)strip -o $@ $<
	scripts/check-mips-isa.sh $@ >/dev/null

# Small host helpers for test scripts (no sanitizers needed: trivial).
build/host/tests/freeport: tests/e2e/freeport.c
	@mkdir -p $(@D)
	$(HOST_CC) -O1 -Wall -Wextra -Werror -o $@ $<

.PHONY: test-tls bench-tls
test-tls: build/mips/tls_hello build/host/tests/freeport
	tests/tls/run.sh build/mips/tls_hello

bench-tls: build/mips/tls_hello
	@mkdir -p build/bench
	@{ echo "## TLS client size"; echo; \
	   echo "A static MIPS program that completes a TLS 1.3 handshake (client certificate, pinned CA)"; \
	   echo "with \`openssl s_server -tls1_3\` on 127.0.0.1 under \`qemu-mips-static -cpu 4Kc\` and \`-cpu 24Kc\`"; \
	   echo "(\`make test-tls\`), built with the agent's Mbed TLS configuration (toolchain/mbedtls_config.h)."; \
	   echo; echo "| binary | stripped bytes | KiB |"; echo "|---|---:|---:|"; \
	   s=$$(stat -c %s build/mips/tls_hello); echo "| build/mips/tls_hello | $$s | $$((s / 1024)) |"; \
	   echo; echo "Measured with: \`make build/mips/tls_hello && stat -c %s build/mips/tls_hello\`"; } \
	   > build/bench/tls.md
	@cat build/bench/tls.md

CHECK_EXTRA += test-tls
BENCH_PARTS += bench-tls

# --- end-to-end delivery with injected faults (tests/e2e/run.sh) ----------
build/host/tests/tcpcut: tests/e2e/tcpcut.c
	@mkdir -p $(@D)
	$(HOST_CC) -O1 -Wall -Wextra -Werror -o $@ $<

.PHONY: test-e2e
test-e2e: build/mips/iothunt build/host/iothunt-collector build/host/tests/freeport build/host/tests/tcpcut
	timeout 900 tests/e2e/run.sh build/mips/iothunt

CHECK_EXTRA += test-e2e

# --- delivery benchmarks (tests/e2e/bench.sh) -------------------------------
.PHONY: bench-delivery
bench-delivery: build/mips/iothunt build/mips/tls_hello build/mips/iothunt-heapstat \
                build/bench/iothunt build/host/iothunt-collector build/host/tests/freeport
	@mkdir -p build/bench
	timeout 900 tests/e2e/bench.sh > build/bench/delivery.md.new
	mv build/bench/delivery.md.new build/bench/delivery.md
	@cat build/bench/delivery.md

BENCH_PARTS += bench-delivery
