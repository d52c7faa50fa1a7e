#!/usr/bin/env bash
# End-to-end smoke test of the CLI and the HTTP server as a user runs them:
# demo data, the calculator, a collection run, a real server on loopback
# answered with curl, and clean exit codes for bad input.
set -euo pipefail
BIN="$1"
DIR=$(mktemp -d)
PID=""
trap 'kill $PID 2>/dev/null || true; rm -rf "$DIR"' EXIT
DB="$DIR/smoke.db"
fail() { echo "smoke: $*" >&2; exit 1; }

"$BIN" --db "$DB" init --demo --persons 3000 --from 2025-01 --to 2025-06 >/dev/null
out=$("$BIN" calc contribution --month 2025-08 --salary 10000000 --region 1 --group DN --json)
grep -q '"total": 3200000' <<<"$out" || fail "calculator total"
set +e
"$BIN" calc contribution --month 2025-13 --salary 1 --region 1 --json >/dev/null; rc=$?
set -e
[ "$rc" = 2 ] || fail "bad month should exit 2, got $rc"
out=$("$BIN" --db "$DB" collect --month 2025-07 --json) || fail "collect"
grep -q '"month": "2025-07"' <<<"$out" || fail "collect output"
out=$("$BIN" --db "$DB" arrears --as-of 2025-09-30) || fail "arrears"
grep -q "Hợp tác xã" <<<"$out" || fail "arrears report"

PORT=$((20000 + RANDOM % 20000))
"$BIN" --db "$DB" serve --port "$PORT" >"$DIR/serve.log" 2>&1 &
PID=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/api/v1/health" >/dev/null && break; sleep 0.1; done
H="Authorization: Bearer demo-officer-token"
CCCD=$(sqlite3 "$DB" "select p.cccd from persons p join hi_cards c on c.person_id=p.id limit 1")
# Outputs are captured before grep: under pipefail, grep -q closing the pipe early would fail curl.
out=$(curl -sf -H "$H" "http://127.0.0.1:$PORT/api/v1/eligibility?id=$CCCD") || fail "eligibility request"
grep -q '"code"' <<<"$out" || fail "eligibility over HTTP"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "$H" -X POST -d '{oops' "http://127.0.0.1:$PORT/api/v1/persons")
[ "$code" = 400 ] || fail "malformed JSON should be 400, got $code"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "$H" -X POST --data-binary @<(head -c 20000000 /dev/zero) "http://127.0.0.1:$PORT/api/v1/persons")
[ "$code" = 413 ] || fail "oversized body should be 413, got $code"
out=$(curl -sf "http://127.0.0.1:$PORT/api/v1/openapi.json") || fail "openapi request"
grep -q '"openapi"' <<<"$out" || fail "openapi"
out=$("$BIN" claims synth --encounters 3 --defect 1:line_price | curl -sf -H "Authorization: Bearer demo-facility-token" \
      -H "Idempotency-Key: smoke-1" --data-binary @- "http://127.0.0.1:$PORT/api/v1/claims") || fail "claims submission"
grep -q '"maGiaoDich"' <<<"$out" || fail "claims answer"
# Programmes (issue #3): import from the raw text by CLI and over HTTP, follow up, report.
SEEDS="$(dirname "$0")/../../shared/seeds"
if [ -f "$SEEDS/003_254a1e4a17401211.txt" ]; then
  out=$("$BIN" --db "$DB" programs import "$SEEDS/003_254a1e4a17401211.txt") || fail "programs import"
  grep -q "40 nhiệm vụ (17 nhóm)" <<<"$out" || fail "programs import summary"
  out=$("$BIN" programs import --dry-run --json "$SEEDS/001_76d0ab86a136d09b.txt") || fail "dry run"
  grep -q '"number": "249/QĐ-BHXH"' <<<"$out" || fail "dry run json"
  code=$(curl -s -o "$DIR/imp.json" -w '%{http_code}' -H "$H" --data-binary @"$SEEDS/001_76d0ab86a136d09b.txt" \
         "http://127.0.0.1:$PORT/api/v1/programmes")
  [ "$code" = 201 ] || fail "programme import over HTTP should be 201, got $code"
  out=$(curl -sf -H "$H" "http://127.0.0.1:$PORT/api/v1/programmes/249%2FQ%C4%90-BHXH/indicators") || fail "indicators"
  grep -q '"Tỷ lệ dân số tham gia BHYT"' <<<"$out" || fail "indicators over HTTP"
  out=$(curl -sf -H "$H" -H "Idempotency-Key: smoke-p1" -d '{"unit":"TCKT","status":"done","period":"2024"}' \
        "http://127.0.0.1:$PORT/api/v1/programmes/88%2FQ%C4%90-BHXH/tasks/1.1/progress") || fail "progress"
  grep -q '"percent":100' <<<"$out" || fail "progress answer"
  out=$("$BIN" --db "$DB" programs followup --unit TCKT) || fail "followup"
  grep -q "Vụ Tài chính - Kế toán" <<<"$out" || fail "followup list"
  "$BIN" --db "$DB" programs report 88/QĐ-BHXH --year 2024 --format xlsx --out "$DIR/r.xlsx" >/dev/null || fail "report xlsx"
  [ "$(head -c 2 "$DIR/r.xlsx")" = "PK" ] || fail "report is not an XLSX file"
fi
# A demo left half-written by a failed run is reported, not silently reused.
DB2="$DIR/half.db"
"$BIN" --db "$DB2" init --demo --persons 300 --from 2025-05 --to 2025-06 --claims-days 0 >/dev/null
sqlite3 "$DB2" "DELETE FROM audit_log WHERE action = 'generate-complete'"
set +e
"$BIN" --db "$DB2" init --demo >/dev/null 2>&1; rc=$?
set -e
[ "$rc" = 2 ] || fail "a half-written demo should exit 2, got $rc"
echo "1 passed, 0 failed"
