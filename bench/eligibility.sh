#!/usr/bin/env bash
# Eligibility over HTTP on loopback: starts bench_eligibility_server with N
# persons, drives it with wrk (one thread, the other core serves), and
# prints requests/s, latency percentiles and the server's resident memory.
#   bash bench/eligibility.sh build 1000000 10000000
set -euo pipefail
BUILD="${1:-build}"; shift || true
SIZES=("${@:-1000000}")
HERE="$(cd "$(dirname "$0")" && pwd)"
for N in "${SIZES[@]}"; do
  PORT=$((30000 + RANDOM % 20000))
  LOG=$(mktemp)
  "$BUILD/bench_eligibility_server" --persons "$N" --port "$PORT" --ids /tmp/bhxh_ids.txt >"$LOG" 2>&1 &
  PID=$!
  for _ in $(seq 600); do grep -q '^ready' "$LOG" && break; sleep 0.5; done
  grep -v '^ready' "$LOG" | grep -v 'đang phục vụ'
  BHXH_IDS=/tmp/bhxh_ids.txt wrk -t1 -c32 -d5s -s "$HERE/eligibility.lua" "http://127.0.0.1:$PORT" >/dev/null  # warm-up
  BHXH_IDS=/tmp/bhxh_ids.txt wrk -t1 -c32 -d15s --latency -s "$HERE/eligibility.lua" "http://127.0.0.1:$PORT" \
    | grep -E "Requests/sec|Latency|50%|90%|99%|requests in|Non-2xx"
  echo "server VmRSS: $(grep VmRSS /proc/$PID/status | awk '{print $2/1024 " MiB"}')"
  kill $PID; wait $PID 2>/dev/null || true
  rm -f "$LOG"
done
