#!/usr/bin/env bash
# The benefit calculator over HTTP on loopback: `bhxh serve` on a small demo
# database, driven by wrk (one thread, 32 connections; the other core
# serves) with the same pension request as bench_calc, as the demo officer.
#   bash bench/calc_http.sh [build]
set -euo pipefail
BUILD="${1:-build}"
HERE="$(cd "$(dirname "$0")" && pwd)"
DIR=$(mktemp -d)
PORT=$((30000 + RANDOM % 20000))
trap '[ -n "${PID:-}" ] && kill "$PID" 2>/dev/null; rm -rf "$DIR"' EXIT
BHXH_DATA="$HERE/../data" "$BUILD/bhxh" --db "$DIR/calc.db" init --demo --persons 200 --claims-days 0 >/dev/null
BHXH_DATA="$HERE/../data" "$BUILD/bhxh" --db "$DIR/calc.db" serve --port "$PORT" --no-access-log >"$DIR/serve.log" 2>&1 &
PID=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/api/v1/healthz" >/dev/null && break; sleep 0.1; done
wrk -t1 -c32 -d3s -s "$HERE/calc.lua" "http://127.0.0.1:$PORT" >/dev/null   # warm-up
wrk -t1 -c32 -d10s --latency -s "$HERE/calc.lua" "http://127.0.0.1:$PORT" | grep -E "Requests/sec|Latency|50%|99%|Non-2xx"
