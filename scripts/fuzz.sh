#!/usr/bin/env bash
# Fuzzes the readers of outside input — claim envelopes, decision texts,
# JSON bodies — with libFuzzer (clang, ASan, UBSan), for a bounded time per
# target (default 600 s), starting from the corpus in fuzz/corpus/. New
# interesting inputs are kept in build-fuzz/corpus/; a crash stops with the
# input that caused it in build-fuzz/.
#   bash scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
SECS="${1:-600}"; shift || true
TARGETS=("${@:-envelope decision decision_file json}")
read -r -a TARGETS <<<"${TARGETS[*]}"
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DBHXH_FUZZ=ON \
      -DBHXH_TESTS=OFF -DBHXH_BENCH=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target $(printf 'fuzz_%s ' "${TARGETS[@]}")
export BHXH_DATA="$PWD/data"
for t in "${TARGETS[@]}"; do
  mkdir -p "build-fuzz/corpus/$t"
  echo "fuzz_$t: ${SECS}s"
  (cd build-fuzz && ./fuzz/"fuzz_$t" -max_total_time="$SECS" -max_len=262144 -rss_limit_mb=4096 -timeout=20 \
      -print_final_stats=1 "corpus/$t" "../fuzz/corpus/$t" 2>&1 | tail -15)
done
