#!/usr/bin/env bash
# Runs every benchmark (long: about 5 minutes on 2 cores). Not part of the
# test command. Results go to BENCHMARKS.md by hand, with date and machine.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
echo "== monthly collection =="; ./build/bench_collect --sizes 1000000,2000000
echo "== eligibility over HTTP =="; bash bench/eligibility.sh build 1000000 10000000
