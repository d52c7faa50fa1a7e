#!/usr/bin/env bash
# Configures and builds bhxh into build/ (Release with debug info).
#   bash scripts/build.sh            everything (tests, benchmarks)
#   bash scripts/build.sh bhxh       only the bhxh command (what run.sh needs)
#   BHXH_WERROR=1 ...                warnings are errors (CI)
#   BHXH_BUILD_DIR=build-check BHXH_BUILD_TYPE=Check ...
#                                    the test command's build (-O1, its own directory)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
WERROR=OFF; [ "${BHXH_WERROR:-0}" = 1 ] && WERROR=ON
DIR="${BHXH_BUILD_DIR:-build}"
cmake -S . -B "$DIR" -DCMAKE_BUILD_TYPE="${BHXH_BUILD_TYPE:-RelWithDebInfo}" -DBHXH_WERROR="$WERROR" >/dev/null
if [ $# -gt 0 ]; then
  cmake --build "$DIR" -j"$(nproc)" --target "$@"
else
  cmake --build "$DIR" -j"$(nproc)"
fi
