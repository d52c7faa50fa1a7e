#!/usr/bin/env bash
# Recovery to a point in time, tested as an operator would do it: a
# PostgreSQL server archiving its WAL, a base backup taken with
# pg_basebackup, a month's collection and a payment recorded through bhxh
# after the backup, then a mistake (every payment deleted by hand); the
# backup is restored and the archived WAL replayed up to the moment before
# the mistake. The restored record has the collection and the payment, not
# the mistake, and its audit chain verifies.
#
#   bash scripts/ha/pitr_test.sh [path/to/bhxh]
set -euo pipefail
cd "$(dirname "$0")/../.."
NAME=pitr
source scripts/lib/pgtest.sh
PORT=$((30000 + RANDOM % 20000))
stop() { $AS "$PGBIN/pg_ctl" -D "$1" -m immediate stop >/dev/null 2>&1 || true; }
cleanup() {
  stop "$DIR/data"
  stop "$DIR/restored"
  rm -rf "$DIR"
}
trap cleanup EXIT
URL="host=$DIR port=$PORT dbname=bhxh user=bhxh"
q() { psql "$URL" -XAtqc "$1"; }

# A server that archives every WAL segment it completes (archive_timeout
# closes a segment at least every minute in production; the test switches
# segments itself).
$AS mkdir "$DIR/wal"
$AS "$PGBIN/initdb" -D "$DIR/data" -U bhxh --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 || fail initdb
$AS "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -o "-k $DIR -p $PORT -c listen_addresses='' \
  -c wal_level=replica -c archive_mode=on -c archive_command='test ! -f $DIR/wal/%f && cp %p $DIR/wal/%f'" \
  start >/dev/null || fail "start the server"
psql "host=$DIR port=$PORT dbname=postgres user=bhxh" -XAtqc "create database bhxh" || fail "create database"
"$BIN" --db "$URL" init --demo --persons 1500 --from 2026-01 --to 2026-06 --claims-days 0 >"$DIR/init.log" 2>&1 ||
  fail "init --demo"

# The nightly base backup.
$AS "$PGBIN/pg_basebackup" -h "$DIR" -p "$PORT" -U bhxh -D "$DIR/base" -X none -c fast >"$DIR/basebackup.log" 2>&1 ||
  fail "pg_basebackup"
say "base backup taken ($(du -sh "$DIR/base" | cut -f1))"

# The day's work after the backup: July's collection and a payment.
"$BIN" --db "$URL" collect --month 2026-07 --json >"$DIR/collect.json" 2>"$DIR/collect.log" || fail "collect"
EMPLOYER=$(q "select code from employers order by id limit 1")
"$BIN" --db "$URL" pay --employer "$EMPLOYER" --amount 12345000 --date 2026-08-20 --reference "UNC 0001" \
  >"$DIR/pay.log" 2>&1 || fail "pay"
M=$((2026 * 12 + 6))
DUES=$(q "select count(*) || ':' || sum(total) from dues where month = $M")
PAYMENTS=$(q "select count(*) || ':' || sum(amount) from payments")
AUDIT=$(q "select count(*) from audit_log")
[ "${DUES%%:*}" -gt 0 ] || fail "the collection wrote no dues"
TARGET=$(q "select now()")
sleep 1.2

# The mistake, by hand, after TARGET.
q "delete from payments" >/dev/null
# The segment closed by the switch holds the mistake (its name, not the
# current position's: background writes such as autovacuum's may already
# have moved into the next segment).
SEGMENT=$(q "select pg_walfile_name(pg_switch_wal())")
[ "$(q "select count(*) from payments")" = 0 ] || fail "the mistake did not happen"
archived() {
  [ "$(q "select coalesce(last_archived_wal >= '$SEGMENT', false) from pg_stat_archiver")" = t ]
}
for _ in $(seq 50); do archived && break; sleep 0.2; done
archived || fail "the WAL segment holding the mistake was not archived in 10 s"
stop "$DIR/data"
say "the mistake at $(date -u +%H:%M:%S) UTC; the server stopped; restoring to $TARGET"

# The restore: the base backup, the archive, a target time.
$AS cp -a "$DIR/base" "$DIR/restored"
$AS chmod 700 "$DIR/restored"
$AS touch "$DIR/restored/recovery.signal"
$AS tee -a "$DIR/restored/postgresql.auto.conf" >/dev/null <<EOF
restore_command = 'cp $DIR/wal/%f %p'
recovery_target_time = '$TARGET'
recovery_target_action = 'promote'
archive_mode = off
EOF
$AS "$PGBIN/pg_ctl" -D "$DIR/restored" -l "$DIR/restored.log" -w -t 120 -o "-k $DIR -p $PORT -c listen_addresses=''" \
  start >/dev/null || fail "start the restored server"
for _ in $(seq 100); do [ "$(q "select pg_is_in_recovery()" 2>/dev/null)" = f ] && break; sleep 0.2; done
[ "$(q "select pg_is_in_recovery()")" = f ] || fail "the restored server is still recovering"
grep -q "recovery stopping before commit\|recovery stopping" "$DIR/restored.log" || fail "recovery did not stop at the target"

[ "$(q "select count(*) || ':' || sum(total) from dues where month = $M")" = "$DUES" ] || fail "July's dues are not as committed"
[ "$(q "select count(*) || ':' || sum(amount) from payments")" = "$PAYMENTS" ] || fail "the payment is not back ($PAYMENTS)"
[ "$(q "select count(*) from audit_log")" = "$AUDIT" ] || fail "the audit trail is not as it was at the target"
"$BIN" --db "$URL" audit verify >"$DIR/audit.log" 2>&1 || fail "the audit chain of the restored record"
"$BIN" --db "$URL" collect --month 2026-08 >"$DIR/collect-after.log" 2>&1 || fail "the restored record takes new work"
say "passed: restored to the moment before the mistake (dues $DUES, payments $PAYMENTS), audit chain whole, new work taken"
