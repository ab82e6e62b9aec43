#!/bin/bash
# SPDX-License-Identifier: BSD-2-Clause
# store-pg.sh - the store unit tests against a real PostgreSQL server:
# starts one (tests/collector/pg.sh: initdb into a temporary directory, Unix
# socket only), runs TEST_STORE pg, stops the server (also on failure).
# Usage: TEST_STORE=build/host/collector/tests/test_store store-pg.sh
set -u
cd "$(dirname "$0")/../.."
. tests/collector/pg.sh
TEST_STORE=${TEST_STORE:-build/host/collector/tests/test_store}
WORK=$(mktemp -d /tmp/iothunt-pg-XXXXXX)
cleanup() {
	pg_stop immediate
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
pg_start "$WORK" || exit 1
IOTHUNT_TEST_PG=$PG_URL ASAN_OPTIONS=detect_leaks=1 \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	timeout 300 "$TEST_STORE" pg
