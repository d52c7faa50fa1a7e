#!/usr/bin/env bash
# The engine tests on a coordinator with two shards, as the national layout
# runs: three PostgreSQL servers on Unix sockets; every test database made
# on the coordinator gets its twin on each shard, and every province
# partition (dues; employers' payments; periods; claims, their lines and findings; benefit payments) is placed on one of the shards in turn before the
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
counts_on() {  # counts_on URL TABLE...: rows of each TABLE's partitions in that database, in one query
  local url=$1 sql="" t
  shift
  for t in "$@"; do
    sql+="${sql:+, }(select coalesce(sum((xpath('/row/c/text()', query_to_xml(format('select count(*) as c from %I', tablename),
      false, true, '')))[1]::text::bigint), 0) from pg_tables join pg_class on relname = tablename and relkind = 'r'
      where tablename ~ '^${t}_p')"
  done
  psql "$url" -XAtq -F ' ' -c "select $sql"
}
shard_counts() {  # shard_counts PORT: a line per test database on that shard
  local db
  for db in $(psql "host=$DIR port=$1 dbname=postgres user=bhxh" -XAtqc "select datname from pg_database where datname ~ '^t[0-9]'"); do
    counts_on "host=$DIR port=$1 dbname=$db user=bhxh" dues claims benefit_payments payments periods
  done
}
# Both shards counted at once: a count per partition of ~240 databases.
pids=""
for port in $((BASE + 1)) $((BASE + 2)); do
  shard_counts $port >"$DIR/counts-$port" &
  pids+=" $!"
done
for p in $pids; do wait "$p" || fail "counting the tests' rows on the shards"; done
claims_total=0 payments_total=0 received_total=0 periods_total=0
for port in $((BASE + 1)) $((BASE + 2)); do
  dbs=0 rows=0 claims=0 payments=0 received=0 periods=0 prepared=0
  while read -r d c b r p; do
    rows=$((rows + d)) claims=$((claims + c)) payments=$((payments + b)) received=$((received + r)) periods=$((periods + p))
    dbs=$((dbs + 1))
  done <"$DIR/counts-$port"
  claims_total=$((claims_total + claims))
  payments_total=$((payments_total + payments))
  received_total=$((received_total + received))
  periods_total=$((periods_total + periods))
  prepared=$(psql "host=$DIR port=$port dbname=postgres user=bhxh" -XAtqc "select count(*) from pg_prepared_xacts")
  say "shard on port $port: $dbs test databases, $rows dues rows, $claims claims, $received employers' payments, $payments benefit payments, $periods periods, $prepared transactions left prepared"
  if [ -z "${2:-}" ]; then  # the whole suite, not a chosen few
    [ "$dbs" -gt 50 ] && [ "$rows" -gt 0 ] || fail "the tests did not write to the shard on port $port"
  fi
  [ "$prepared" -eq 0 ] || fail "$prepared transactions left prepared on port $port"
done
if [ -z "${2:-}" ]; then
  [ "$claims_total" -gt 0 ] || fail "the tests did not write claims to the shards"
  [ "$payments_total" -gt 0 ] || fail "the tests did not write benefit payments to the shards"
  [ "$received_total" -gt 0 ] || fail "the tests did not write employers' payments to the shards"
  [ "$periods_total" -gt 0 ] || fail "the tests did not write periods to the shards"
fi
