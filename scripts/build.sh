#!/usr/bin/env bash
# Configures and builds bhxh into build/ (Release with debug info).
#   bash scripts/build.sh            everything (tests, benchmarks)
#   bash scripts/build.sh bhxh       only the bhxh command (what run.sh needs)
#   BHXH_WERROR=1 ...                warnings are errors (CI)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
WERROR=OFF; [ "${BHXH_WERROR:-0}" = 1 ] && WERROR=ON
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBHXH_WERROR="$WERROR" >/dev/null
if [ $# -gt 0 ]; then
  cmake --build build -j"$(nproc)" --target "$@"
else
  cmake --build build -j"$(nproc)"
fi
