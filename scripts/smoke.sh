#!/usr/bin/env bash
# End-to-end smoke test of the CLI and the HTTP server as a user runs them:
# demo data, the calculator, a collection run, a real server on loopback
# answered with curl, clean exit codes for bad input, and a graceful
# shutdown that loses no request in flight.
set -euo pipefail
BIN="$1"
DIR=$(mktemp -d)
PID=""
trap 'kill $PID 2>/dev/null || true; rm -rf "$DIR"' EXIT
DB="$DIR/smoke.db"
fail() { echo "smoke: $*" >&2; exit 1; }
SEEDS="${BHXH_SEEDS:-$(dirname "$0")/../../shared/seeds}"
[ -f "$SEEDS/003_254a1e4a17401211.txt" ] || fail "seed decisions not found in $SEEDS"

"$BIN" --version | grep -q "^bhxh " || fail "--version"
set +e
"$BIN" nosuchcommand >/dev/null 2>&1; rc=$?
"$BIN" --db "$DIR/none.db" person show 001085012345 >/dev/null 2>&1; rc2=$?
set -e
[ "$rc" = 1 ] || fail "an unknown command should exit 1, got $rc"
[ "$rc2" = 2 ] || fail "a database that does not exist should exit 2, got $rc2"
[ ! -e "$DIR/none.db" ] || fail "a read command created a database"

"$BIN" --db "$DB" init --demo --persons 3000 --from 2025-01 --to 2025-06 >/dev/null
out=$("$BIN" calc contribution --month 2025-08 --salary 10000000 --region 1 --group DN --json)
grep -q '"total": 3200000' <<<"$out" || fail "calculator total"
out=$("$BIN" calc contribution --month 2025-08 --salary 10000000 --region 1 --group DN)
grep -q "Tổng cộng: 3.200.000 đ" <<<"$out" || fail "calculator for people"
set +e
"$BIN" calc contribution --month 2025-13 --salary 1 --region 1 --json >/dev/null; rc=$?
set -e
[ "$rc" = 2 ] || fail "bad month should exit 2, got $rc"
out=$("$BIN" --db "$DB" collect --month 2025-07 --json) || fail "collect"
grep -q '"month": "2025-07"' <<<"$out" || fail "collect output"
out=$("$BIN" --db "$DB" arrears --as-of 2025-09-30) || fail "arrears"
grep -q "Hợp tác xã" <<<"$out" || fail "arrears report"
# The demo's late raise (init --demo: from 05/2025, declared today) is this
# month's B.4; the notice prints in the administrative layout.
out=$("$BIN" --db "$DB" c12 --employer 01A00001 --month "$(TZ=Asia/Ho_Chi_Minh date +%Y-%m)") || fail "c12"
grep -q "tháng 05/2025 (lao động" <<<"$out" || fail "c12: the late raise is not in B.4"
"$BIN" --db "$DB" c12 --employer 01A00001 --month 2025-06 --html "$DIR/c12.html" >/dev/null || fail "c12 --html"
grep -q "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "$DIR/c12.html" || fail "c12 printable page"
# A worker's estimate from the record: the request it saves, computed by the
# calculator alone, gives the same answer.
WORKER=$(sqlite3 "$DB" "select p.cccd from persons p join periods d on d.person_id = p.id limit 1")
out=$("$BIN" --db "$DB" benefits estimate "$WORKER" --event-date 2030-06-30 --continue --save-request "$DIR/req.json") || fail "benefits estimate"
grep -q "Hưu trí · sự kiện ngày 30/06/2030" <<<"$out" || fail "benefits estimate for people"
a=$("$BIN" --db "$DB" --json benefits estimate "$WORKER" --event-date 2030-06-30 --continue) || fail "benefits estimate --json"
b=$("$BIN" --json calc benefit "$DIR/req.json") || fail "calc benefit of the saved request"
[ "$a" = "$b" ] || fail "the estimate and the calculator on its saved request differ"

PORT=$((20000 + RANDOM % 20000))
"$BIN" --db "$DB" serve --port "$PORT" --shutdown-grace 20 >"$DIR/serve.log" 2>&1 &
PID=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/api/v1/healthz" >/dev/null && break; sleep 0.1; done
U="http://127.0.0.1:$PORT/api/v1"
H="Authorization: Bearer demo-officer-token"
curl -sf "$U/readyz" | grep -q '"database":"ok"' || fail "readyz"
CCCD=$(sqlite3 "$DB" "select p.cccd from persons p join hi_cards c on c.person_id=p.id limit 1")
# Outputs are captured before grep: under pipefail, grep -q closing the pipe early would fail curl.
out=$(curl -sf -H "$H" "$U/eligibility?id=$CCCD") || fail "eligibility request"
grep -q '"code"' <<<"$out" || fail "eligibility over HTTP"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "$H" -X POST -d '{oops' "$U/persons")
[ "$code" = 400 ] || fail "malformed JSON should be 400, got $code"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "$H" -X POST --data-binary @<(head -c 20000000 /dev/zero) "$U/persons")
[ "$code" = 413 ] || fail "oversized body should be 413, got $code"
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST --data-binary @<(head -c 20000000 /dev/zero) "$U/persons")
[ "$code" = 401 ] || fail "a body without a token is refused before it is read (401), got $code"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "$H" -X DELETE "$U/persons")
[ "$code" = 405 ] || fail "DELETE /persons should be 405, got $code"
out=$(curl -sf "$U/openapi.json") || fail "openapi request"
grep -q '"openapi"' <<<"$out" || fail "openapi"
out=$(curl -sf "http://127.0.0.1:$PORT/api/docs") || fail "docs page"
grep -q "redoc" <<<"$out" || fail "docs page content"
out=$(curl -sf "$U/metrics") || fail "metrics"
grep -q 'bhxh_http_requests_total{route="GET /eligibility",status="200"}' <<<"$out" || fail "metrics by route"
out=$("$BIN" claims synth --facility 01901 --encounters 3 --defect 1:line_price | curl -sf -H "Authorization: Bearer demo-facility-token" \
      -H "Idempotency-Key: smoke-1" --data-binary @- "$U/claims") || fail "claims submission"
grep -q '"maGiaoDich"' <<<"$out" || fail "claims answer"
# Envelopes on the demo's own persons and cards: only the planted defect is rejected.
"$BIN" --db "$DB" claims synth --from-record --facility 01901 --date 2025-06-10 --encounters 3 --seed 5 \
  --defect 1:line_price --out "$DIR/real.xml" || fail "claims synth --from-record"
out=$("$BIN" --db "$DB" claims submit "$DIR/real.xml") || fail "claims submit of real patients"
grep -q "3 hồ sơ, .*1 hồ sơ bị xuất toán" <<<"$out" || fail "real patients: only the planted defect ($out)"
grep -q "request_id\|GET /api/v1/eligibility" "$DIR/serve.log" || fail "access log"

# Programmes: import from the raw text by CLI and over HTTP, follow up, report.
if [ -f "$SEEDS/003_254a1e4a17401211.txt" ]; then
  out=$("$BIN" --db "$DB" programmes import "$SEEDS/003_254a1e4a17401211.txt") || fail "programmes import"
  grep -q "40 nhiệm vụ (17 nhóm)" <<<"$out" || fail "programmes import summary"
  out=$("$BIN" programs import --dry-run --json "$SEEDS/001_76d0ab86a136d09b.txt") || fail "dry run"
  grep -q '"number": "249/QĐ-BHXH"' <<<"$out" || fail "dry run json"
  code=$(curl -s -o "$DIR/imp.json" -w '%{http_code}' -H "$H" --data-binary @"$SEEDS/001_76d0ab86a136d09b.txt" "$U/programmes")
  [ "$code" = 201 ] || fail "programme import over HTTP should be 201, got $code"
  out=$(curl -sf -H "$H" "$U/programmes/249%2FQ%C4%90-BHXH/indicators") || fail "indicators"
  grep -q '"Tỷ lệ dân số tham gia BHYT"' <<<"$out" || fail "indicators over HTTP"
  out=$(curl -sf -H "$H" -H "Idempotency-Key: smoke-p1" -d '{"unit":"TCKT","status":"done","period":"2024"}' \
        "$U/programmes/88%2FQ%C4%90-BHXH/tasks/1.1/progress") || fail "progress"
  grep -q '"percent":100' <<<"$out" || fail "progress answer"
  out=$("$BIN" --db "$DB" programmes followup --unit TCKT) || fail "followup"
  grep -q "Vụ Tài chính - Kế toán" <<<"$out" || fail "followup list"
  "$BIN" --db "$DB" programmes report 88/QĐ-BHXH --year 2024 --format xlsx --out "$DIR/r.xlsx" >/dev/null || fail "report xlsx"
  [ "$(head -c 2 "$DIR/r.xlsx")" = "PK" ] || fail "report is not an XLSX file"
fi

# Graceful shutdown: requests in flight when SIGTERM arrives all get their answer.
for i in 1 2 3 4 5 6; do
  curl -s -o "$DIR/inflight.$i" -w '%{http_code}' -H "$H" "$U/arrears?as_of=2025-09-30" >"$DIR/inflight.$i.code" &
done
# SIGTERM once all six are connected (ss counts them): on a loaded machine
# a fixed pause let a curl start after the signal, and a request that never
# reached the server is not in flight.
for _ in $(seq 100); do
  [ "$(ss -Htn state established "( dport = :$PORT )" | wc -l)" -ge 6 ] && break
  sleep 0.05
done
kill -TERM "$PID"
wait "$PID" || fail "the server exited with an error on SIGTERM"
PID=""
wait
for i in 1 2 3 4 5 6; do
  c=$(cat "$DIR/inflight.$i.code")
  [ "$c" = 200 ] || [ "$c" = 503 ] || fail "request $i in flight at shutdown got '$c' (expected an answer)"
done
grep -q "đã xử lý xong mọi yêu cầu đang chạy" "$DIR/serve.log" || fail "the server did not drain on SIGTERM"

# A demo left half-written by a failed run is reported, not silently reused.
DB2="$DIR/half.db"
"$BIN" --db "$DB2" init --demo --persons 300 --from 2025-05 --to 2025-06 --claims-days 0 >/dev/null
sqlite3 "$DB2" "DELETE FROM audit_log WHERE action = 'generate-complete'"
set +e
"$BIN" --db "$DB2" init --demo >/dev/null 2>&1; rc=$?
set -e
[ "$rc" = 2 ] || fail "a half-written demo should exit 2, got $rc"
echo "1 passed, 0 failed"
