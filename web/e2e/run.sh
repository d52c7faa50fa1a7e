#!/usr/bin/env bash
# The console's end-to-end tests: a demo database made here, the real
# server on a free port, and the tests in headless Chromium (Debian's
# package, driven by playwright-core; nothing downloads a browser).
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN="$PWD/${BHXH_BUILD_DIR:-build}/bhxh"
[ -x "$BIN" ] || { echo "e2e: $BIN is missing" >&2; exit 1; }
[ -f web/dist/index.html ] || { echo "e2e: web/dist is missing (bash scripts/web.sh)" >&2; exit 1; }
CHROMIUM="${CHROMIUM:-$(command -v chromium || true)}"
[ -n "$CHROMIUM" ] || { echo "e2e: chromium is not installed (apt install chromium)" >&2; exit 1; }
DIR=$(mktemp -d)
PID=""
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$DIR"' EXIT
DB="$DIR/e2e.db"
"$BIN" --db "$DB" --json init --demo --persons 3000 --from 2025-06 --to 2026-10 --claims-days 14 >"$DIR/init.json"
SEEDS="${BHXH_SEEDS:-$PWD/../shared/seeds}"
ls "$SEEDS"/*.txt >/dev/null 2>&1 || { echo "e2e: seed decisions not found in $SEEDS" >&2; exit 1; }
ls "$SEEDS"/*.txt >/dev/null 2>&1 && "$BIN" --db "$DB" programmes import "$SEEDS"/*.txt >/dev/null
"$BIN" claims synth --facility 01901 --encounters 4 --seed 77 --defect 2:line_price --out "$DIR/envelope.xml"
PORT=$((21000 + RANDOM % 20000))
# Messages the system sends (login and enrolment codes) land here, as an SMS gateway's pickup folder would.
"$BIN" --db "$DB" serve --port "$PORT" --no-access-log --outbox-dir "$DIR/outbox" >"$DIR/serve.log" 2>&1 &
PID=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/api/v1/healthz" >/dev/null && break; sleep 0.1; done
export BHXH_URL="http://127.0.0.1:$PORT" CHROMIUM BHXH_E2E_DIR="$DIR" BHXH_E2E_ENVELOPE="$DIR/envelope.xml" BHXH_OUTBOX="$DIR/outbox"
export BHXH_DEMO_CCCD=$(python3 -c "import json,sys; print(json.load(open('$DIR/init.json'))['demo_cccd'])")
export BHXH_SHOTS="$PWD/docs/screenshots"
mkdir -p "$BHXH_SHOTS"
cd web
node --test --test-concurrency=1 ${BHXH_E2E_ONLY:-e2e/}  # BHXH_E2E_ONLY=e2e/x.test.mjs: one file
