#!/usr/bin/env bash
# The engine tests on a coordinator with two shards, as the national layout
# runs: three PostgreSQL servers on Unix sockets; every test database made
# on the coordinator gets its twin on each shard, and every province
# partition (dues; employers' payments; claims, their lines and findings; benefit payments) is placed on one of the shards in turn before the
# test starts (src/testing/test_support.cc, $BHXH_TEST_SHARDS). Then every
# engine test that runs on PostgreSQL runs here, unchanged: what it writes
# and reads of those tables crosses postgres_fdw, and the collection writes
# each province, and a claims submission its facility's province, straight
# to the shard in two-phase commit.
#
#   bash scripts/shard/engines_test.sh [build-dir [ctest-regex]]   (after scripts/build.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=$(realpath "${1:-build}")
NAME=engines-on-shards
source scripts/lib/pgtest.sh "$BUILD/bhxh"
BASE=$((30000 + RANDOM % 20000))
cleanup() {
  for n in coord a b; do $AS "$PGBIN/pg_ctl" -D "$DIR/$n" -m immediate stop >/dev/null 2>&1 || true; done
  rm -rf "$DIR"
}
trap cleanup EXIT
i=0
for n in coord a b; do
  $AS "$PGBIN/initdb" -D "$DIR/$n" -U bhxh --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb-$n.log" 2>&1 || fail "initdb $n"
  $AS "$PGBIN/pg_ctl" -D "$DIR/$n" -l "$DIR/server-$n.log" -w \
    -o "-k $DIR -p $((BASE + i)) -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c max_prepared_transactions=20" \
    start >/dev/null || fail "start $n"
  i=$((i + 1))
done
export BHXH_TEST_PG="host=$DIR port=$BASE user=bhxh"
export BHXH_TEST_SHARDS="host=$DIR port=$((BASE + 1)) user=bhxh;host=$DIR port=$((BASE + 2)) user=bhxh"
say "coordinator on port $BASE, shards on $((BASE + 1)) and $((BASE + 2))"
cd "$BUILD"
ctest --output-on-failure -j2 -R "${2:-/postgres|Postgres|Sharding[.]}" || fail "engine tests on the sharded coordinator"
# The tests really ran sharded: their dues and claims are on the shards,
# and nothing was left prepared there.
rows_on() {  # rows_on URL TABLE: rows of TABLE's partitions in that database
  local sql
  sql=$(psql "$1" -XAtqc "select coalesce(string_agg('select count(*) from ' || tablename, ' union all '), 'select 0') from pg_tables where tablename ~ '^$2_p'")
  psql "$1" -XAtqc "select coalesce(sum(count), 0) from ($sql) t(count)"
}
claims_total=0 payments_total=0 received_total=0
for port in $((BASE + 1)) $((BASE + 2)); do
  dbs=0 rows=0 claims=0 payments=0 received=0 prepared=0
  for db in $(psql "host=$DIR port=$port dbname=postgres user=bhxh" -XAtqc "select datname from pg_database where datname ~ '^t[0-9]'"); do
    u="host=$DIR port=$port dbname=$db user=bhxh"
    rows=$((rows + $(rows_on "$u" dues)))
    claims=$((claims + $(rows_on "$u" claims)))
    payments=$((payments + $(rows_on "$u" benefit_payments)))
    received=$((received + $(rows_on "$u" payments)))
    dbs=$((dbs + 1))
  done
  claims_total=$((claims_total + claims))
  payments_total=$((payments_total + payments))
  received_total=$((received_total + received))
  prepared=$(psql "host=$DIR port=$port dbname=postgres user=bhxh" -XAtqc "select count(*) from pg_prepared_xacts")
  say "shard on port $port: $dbs test databases, $rows dues rows, $claims claims, $received employers' payments, $payments benefit payments, $prepared transactions left prepared"
  if [ -z "${2:-}" ]; then  # the whole suite, not a chosen few
    [ "$dbs" -gt 50 ] && [ "$rows" -gt 0 ] || fail "the tests did not write to the shard on port $port"
  fi
  [ "$prepared" -eq 0 ] || fail "$prepared transactions left prepared on port $port"
done
if [ -z "${2:-}" ]; then
  [ "$claims_total" -gt 0 ] || fail "the tests did not write claims to the shards"
  [ "$payments_total" -gt 0 ] || fail "the tests did not write benefit payments to the shards"
  [ "$received_total" -gt 0 ] || fail "the tests did not write employers' payments to the shards"
fi
