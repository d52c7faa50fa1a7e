#!/usr/bin/env bash
# The second command: install, build and run every test — unit, engine (on
# SQLite and on a throwaway PostgreSQL the tests start themselves), API and
# the CLI/HTTP smoke test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
export BHXH_REQUIRE_PG=1
cd build
ctest --output-on-failure -j2
