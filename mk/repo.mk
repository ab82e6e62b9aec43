# SPDX-License-Identifier: BSD-2-Clause
# repo.mk - the repository itself: self-contained, and its third-party
# sources fetched safely (toolchain/fetch.sh, toolchain/fetch-deb.sh).
#
#   make check-paths    no tracked file refers to a path outside the repository
#   make test-fetch     source fetch offline: revision choice over recorded
#                       archive indexes, pins, the sources folder, killed and
#                       parallel fetches (tests/toolchain/run.sh); fetch.sh
#                       end to end against a signed local file:// archive
#                       (tests/toolchain/local-archive.sh)
#   make test-offline-build   `make sources`, then a clean copy of the tree
#                       builds the MIPS agent and unpacks every source with
#                       the archive unreachable (tests/toolchain/offline-build.sh;
#                       not in `make check`: it builds the toolchain again,
#                       several minutes)
#   make test-fresh-clones    `make -j4 demo` in 3 fresh clones of HEAD, the
#                       first two killed mid-fetch (during apt-get update,
#                       during a tarball fetch) and resumed with no manual
#                       step (tests/toolchain/fresh-clones.sh; in check-all)

.PHONY: check-paths test-fetch test-offline-build test-fresh-clones
check-paths:
	scripts/check-paths.sh

test-fetch:
	@st=0; tests/toolchain/run.sh || st=1; tests/toolchain/local-archive.sh || st=1; exit $$st

test-offline-build:
	tests/toolchain/offline-build.sh

test-fresh-clones:
	tests/toolchain/fresh-clones.sh 3

CHECK_EXTRA += check-paths test-fetch
