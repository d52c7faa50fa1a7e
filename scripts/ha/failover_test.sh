#!/usr/bin/env bash
# High availability, tested as it runs: a pg_auto_failover formation (a
# monitor, a primary and a synchronous secondary) on loopback holds the
# record; the primary is killed — keeper and server, as a machine dies — in
# the middle of a monthly collection run, then (after the old primary has
# rejoined as the secondary) the new primary is killed in the middle of a
# claims submission, with an API server running through both. After each
# failover the work is sent again and is done exactly once, and nothing that
# was committed before is lost.
#
#   bash scripts/ha/failover_test.sh [path/to/bhxh]
#
# The monitor's timeouts are shortened so the test takes about a minute; a
# real deployment keeps pg_auto_failover's defaults (README, "High
# availability").
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v pg_autoctl >/dev/null || { echo "failover: pg_autoctl missing (bash scripts/setup.sh installs it)" >&2; exit 1; }
NAME=failover
source scripts/lib/pgtest.sh
# pg_autoctl's servers keep their Unix sockets in the Debian default.
[ "$(id -u)" -eq 0 ] && install -d -o postgres -g postgres /var/run/postgresql
PORT0=$((30000 + RANDOM % 20000))
MONP=$PORT0
declare -A NODEP=([node1]=$((PORT0 + 1)) [node2]=$((PORT0 + 2)))
API=$((PORT0 + 3))
SERVE=""
LOCKER=""

ctl() { $AS env PATH="$PGBIN:$PATH" pg_autoctl "$@"; }
keeper() {  # starts a node's keeper in its own process group (killed whole)
  setsid $AS env PATH="$PGBIN:$PATH" pg_autoctl run --pgdata "$DIR/$1" >>"$DIR/$1.log" 2>&1 &
  echo $! >"$DIR/$1.pid"
  disown  # killed on purpose: no "Killed" notice from the shell
}
kill_node() {  # as a machine dies: the keeper, its server and every backend
  local pm
  pm=$(head -1 "$DIR/$1/postmaster.pid" 2>/dev/null || true)
  kill -9 -- "-$(cat "$DIR/$1.pid")" 2>/dev/null || true
  if [ -n "$pm" ]; then
    pkill -9 -P "$pm" 2>/dev/null || true
    kill -9 "$pm" 2>/dev/null || true
  fi
  return 0
}
cleanup() {
  # (every step may fail — the process already gone — and the rest must still run)
  [ -z "$SERVE" ] || kill "$SERVE" 2>/dev/null || true
  [ -z "$LOCKER" ] || kill "$LOCKER" 2>/dev/null || true
  for n in node1 node2 monitor; do [ -f "$DIR/$n.pid" ] && kill_node "$n"; done
  # Anything of this run still alive (a keeper that forked away from its
  # group): every process whose command line names this run's directory.
  pkill -9 -f -- "$DIR/" 2>/dev/null || true
  sleep 0.5
  [ -n "${BHXH_HA_KEEP:-}" ] || rm -rf "$DIR"  # BHXH_HA_KEEP=1 keeps the logs
}
trap cleanup EXIT

MON_URL="postgres://autoctl_node@127.0.0.1:$MONP/pg_auto_failover?sslmode=disable"
URL="host=127.0.0.1,127.0.0.1 port=${NODEP[node1]},${NODEP[node2]} dbname=bhxh user=bhxh target_session_attrs=read-write connect_timeout=2"
q() { psql "$URL" -XAtqc "$1"; }
states() { psql "$MON_URL" -XAtqc "select string_agg(nodename || '=' || reportedstate, ' ' order by nodename) from pgautofailover.node"; }
wait_for() {  # wait_for SECONDS WHAT COMMAND...
  local until=$((SECONDS + $1)) what=$2
  shift 2
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $until ] || fail "timed out waiting for $what (nodes: $(states 2>/dev/null || echo '?'))"
    sleep 0.2
  done
}
states_are() { [ "$(states)" = "$1" ]; }
writable() { [ "$(psql "$URL" -XAtqc 'select pg_is_in_recovery()' 2>/dev/null)" = f ]; }
waiting_on() {  # a backend is waiting for a lock on table $1
  [ "$(q "select count(*) from pg_locks l join pg_class c on c.oid = l.relation where c.relname = '$1' and not l.granted")" -ge 1 ]
}
lock_table() {  # holds a SHARE lock on $1 (writes to it wait) until killed
  psql "$URL" -Xq -c "BEGIN" -c "LOCK TABLE $1 IN SHARE MODE" -c "SELECT pg_sleep(600)" >/dev/null 2>&1 &
  LOCKER=$!
  wait_for 20 "the lock on $1" bash -c "[ \"\$(psql \"$URL\" -XAtqc \"select count(*) from pg_locks l join pg_class c on c.oid = l.relation where c.relname = '$1' and l.mode = 'ShareLock' and l.granted\")\" = 1 ]"
}
primary() { q "select inet_server_port()"; }
node_on() {  # the node listening on port $1
  local n
  for n in node1 node2; do [ "${NODEP[$n]}" = "$1" ] && echo "$n"; done
  return 0
}
failover_after_killing() {  # kills the primary, waits until the other node takes writes; prints seconds
  local victim=$1 t0
  t0=$(date +%s.%N)
  kill_node "$victim"
  wait_for 90 "a new primary" writable
  echo "$(date +%s.%N) - $t0" | bc | xargs printf '%.1f'
}
interrupt() {  # interrupt TABLE LOG WHAT CMD...: CMD held at its first write to TABLE, then the primary killed
  local table=$1 log=$2 what=$3 victim pid rc
  shift 3
  lock_table "$table"
  "$@" >"$log" 2>&1 &
  pid=$!
  wait_for 60 "the $what to reach its write" waiting_on "$table"
  victim=$(node_on "$(primary)")
  say "the $what is writing; killing the primary $victim"
  SECS=$(failover_after_killing "$victim")
  set +e
  wait $pid
  rc=$?
  set -e
  kill $LOCKER 2>/dev/null || true
  LOCKER=""
  [ $rc -ne 0 ] || fail "the interrupted $what reported success"
  grep -q "cơ sở dữ liệu" "$log" || fail "the interrupted $what did not say the database was lost: $(cat "$log")"
  say "failover in ${SECS} s: $(states)"
}

# --- the formation -----------------------------------------------------------
say "starting a monitor and two nodes in $DIR"
ctl create monitor --pgdata "$DIR/monitor" --pgport "$MONP" --listen 127.0.0.1 --hostname 127.0.0.1 \
  --auth trust --no-ssl >"$DIR/create-monitor.log" 2>&1 || fail "create monitor"
keeper monitor
wait_for 30 "the monitor" psql "$MON_URL" -XAtqc "select 1"
# Detect a dead node in ~3 s instead of 20, and give a silent old primary 3 s
# (not 30) to demote itself before the secondary is promoted.
$AS psql -h /var/run/postgresql -p "$MONP" -d pg_auto_failover -Xq \
  -c "alter system set pgautofailover.health_check_period = 1000" \
  -c "alter system set pgautofailover.health_check_retry_delay = 500" \
  -c "alter system set pgautofailover.health_check_timeout = 1000" \
  -c "alter system set pgautofailover.health_check_max_retries = 1" \
  -c "alter system set pgautofailover.node_considered_unhealthy_timeout = 3000" \
  -c "alter system set pgautofailover.primary_demote_timeout = 3000" \
  -c "select pg_reload_conf()" >/dev/null || fail "monitor settings"
for n in node1 node2; do
  ctl create postgres --pgdata "$DIR/$n" --pgport "${NODEP[$n]}" --listen 127.0.0.1 --hostname 127.0.0.1 \
    --auth trust --no-ssl --monitor "$MON_URL" --name "$n" --dbname bhxh --username bhxh \
    >"$DIR/create-$n.log" 2>&1 || fail "create $n"
  keeper "$n"
  [ "$n" = node1 ] && wait_for 60 "node1 alone" states_are "node1=single"
done
wait_for 90 "primary and secondary" states_are "node1=primary node2=secondary"
say "formation up: $(states)"

# --- the record --------------------------------------------------------------
"$BIN" --db "$URL" init --demo --persons 2000 --from 2026-01 --to 2026-09 --claims-days 0 >"$DIR/init.log" 2>&1 ||
  fail "init --demo"
PERSONS=$(q "select count(*) from persons")
DUES_BEFORE=$(q "select count(*) || ':' || sum(total) from dues")
AUDIT_BEFORE=$(q "select count(*) from audit_log")
say "record loaded: $PERSONS persons, dues $DUES_BEFORE"

"$BIN" --db "$URL" serve --port "$API" >"$DIR/serve.log" 2>&1 &
SERVE=$!
wait_for 30 "the API" curl -sf "http://127.0.0.1:$API/api/v1/readyz"
U="http://127.0.0.1:$API/api/v1"
H="Authorization: Bearer demo-officer-token"
EMPLOYER=$(q "select code from employers order by id limit 1")
post_payment() {  # post_payment KEY -> HTTP status
  curl -s -o "$DIR/payment-$1.json" -w '%{http_code}' -H "$H" -H "Idempotency-Key: $1" -H 'Content-Type: application/json' \
    -d "{\"employer_code\":\"$EMPLOYER\",\"paid_on\":\"2026-10-15\",\"amount\":1000000,\"reference\":\"UNC $1\"}" "$U/payments"
}
[ "$(post_payment ha-p1)" = 201 ] || fail "a payment before the failover"

# --- 1. the primary dies in the middle of a collection run --------------------
M=$((2026 * 12 + 9))  # 2026-10 as stored (year*12 + month-1)
interrupt dues "$DIR/collect-1.log" "collection run for 10/2026" "$BIN" --db "$URL" collect --month 2026-10 --json
[ "$(q "select count(*) from collection_runs where month = $M")" = 0 ] || fail "the interrupted run left a run record"
[ "$(q "select count(*) from dues where month = $M")" = 0 ] || fail "the interrupted run left dues"
[ "$(q "select count(*) || ':' || sum(total) from dues")" = "$DUES_BEFORE" ] || fail "committed dues were lost"
[ "$(q "select count(*) from payments where idempotency_key like 'api:%:ha-p1'")" = 1 ] ||
  fail "a payment committed before the failover was lost"
"$BIN" --db "$URL" collect --month 2026-10 --json >"$DIR/collect-2.json" 2>"$DIR/collect-2.log" || fail "the collection run sent again"
WORKERS=$(grep -o '"workers": [0-9]*' "$DIR/collect-2.json" | head -1 | grep -o '[0-9]*$')
TOTAL=$(grep -o '"total": [0-9]*' "$DIR/collect-2.json" | head -1 | grep -o '[0-9]*$')
[ "$(q "select count(*) from collection_runs where month = $M")" = 1 ] || fail "not exactly one run record"
[ "$(q "select count(*) || ':' || sum(total) from dues where month = $M")" = "$WORKERS:$TOTAL" ] ||
  fail "dues of 10/2026 are not the run's ($WORKERS workers, $TOTAL)"
say "collection sent again: once, $WORKERS workers, $TOTAL đ"

# The API server's connections pointed at the dead primary: the first request
# may be told to send again (503); the same key then records it once.
tries=0
while :; do
  code=$(post_payment ha-p2)
  tries=$((tries + 1))
  [ "$code" = 201 ] && break
  { echo "try $tries: $code"; cat "$DIR/payment-ha-p2.json"; echo; } >>"$DIR/payment-tries.log"
  [ "$code" = 503 ] && [ $tries -lt 10 ] || fail "a payment after the failover answered $code: $(cat "$DIR/payment-ha-p2.json")"
  sleep 0.5
done
[ "$(post_payment ha-p2)" = 200 ] || fail "the same key again should be the first answer (200)"
[ "$(q "select count(*) from payments where idempotency_key like 'api:%:ha-p2'")" = 1 ] || fail "the payment is not stored once"
say "API after the failover: payment recorded once after $tries request(s)"
[ -f "$DIR/payment-tries.log" ] && sed 's/^/    /' "$DIR/payment-tries.log"

# --- the old primary rejoins as the secondary ---------------------------------
t0=$SECONDS
keeper node1
wait_for 120 "node1 to rejoin" states_are "node1=secondary node2=primary"
say "node1 rejoined as the secondary in $((SECONDS - t0)) s: $(states)"

# --- 2. the new primary dies in the middle of a claims submission -------------
"$BIN" --db "$URL" claims synth --from-record --encounters 120 --seed 7 --date 2026-11-20 --out "$DIR/claims.xml" \
  >"$DIR/synth.log" 2>&1 || fail "claims synth"
interrupt claims "$DIR/submit-1.log" "claims submission" "$BIN" --db "$URL" claims submit "$DIR/claims.xml"
[ "$(q "select count(*) from claims")" = 0 ] || fail "the interrupted submission left claims"
[ "$(q "select count(*) from claim_submissions")" = 0 ] || fail "the interrupted submission left a submission"
"$BIN" --db "$URL" claims submit "$DIR/claims.xml" >"$DIR/submit-2.log" 2>&1 || fail "the submission sent again"
grep -q "120 hồ sơ" "$DIR/submit-2.log" || fail "the submission sent again: $(cat "$DIR/submit-2.log")"
"$BIN" --db "$URL" claims submit "$DIR/claims.xml" >"$DIR/submit-3.log" 2>&1 || fail "the submission a third time"
grep -q "đã gửi trước đó" "$DIR/submit-3.log" || fail "the third submission is not the first answer"
[ "$(q "select count(*) from claim_submissions")" = 1 ] || fail "not exactly one submission"
[ "$(q "select count(*) from claims")" = 120 ] || fail "not exactly 120 claims"
say "claims sent again: once (120 encounters), a third time answered from the first"

# --- nothing lost, the audit trail whole ---------------------------------------
[ "$(q "select count(*) from persons")" = "$PERSONS" ] || fail "persons lost"
[ "$(q "select count(*) from payments where idempotency_key like 'api:%:ha-p%'")" = 2 ] || fail "payments lost"
[ "$(q "select count(*) from audit_log")" -gt "$AUDIT_BEFORE" ] || fail "no audit rows after the failovers"
"$BIN" --db "$URL" audit verify >"$DIR/audit.log" 2>&1 || fail "the audit chain after two failovers: $(cat "$DIR/audit.log")"
for _ in 1 2 3; do curl -sf "$U/readyz" >/dev/null && break; sleep 0.5; done
curl -sf "$U/readyz" >/dev/null || fail "the API is not ready after the failovers"
say "passed: two failovers, every piece of work done once, nothing lost, the audit chain whole"
