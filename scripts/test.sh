#!/usr/bin/env bash
# The second command: install, build everything with warnings as errors,
# build the web console, lint the generated OpenAPI document, and run every
# test — unit, engine (on SQLite and on a throwaway PostgreSQL started here
# for the whole run), API, the route catalogue, the CLI/HTTP smoke test and
# the console's end-to-end tests in headless Chromium; then high
# availability and recovery as they run (scripts/ha/: a pg_auto_failover
# formation losing its primary mid-run, a point-in-time restore) and a
# coordinator with two shards (scripts/shard/: provinces placed, moved and
# brought home while the collection runs through the coordinator; then
# every engine test that runs on PostgreSQL again, on a coordinator whose
# province partitions live on two shards).
set -euo pipefail
cd "$(dirname "$0")/.."
# Each phase's time, printed at the end (and when a phase fails), so that
# where a run's minutes go is read, not guessed.
PHASES=()
phase() {
  local name=$1 t0=$SECONDS
  shift
  local rc=0
  "$@" || rc=$?
  PHASES+=("$(printf '%-28s %4d s%s' "$name" $((SECONDS - t0)) "$([ $rc -eq 0 ] || echo "  FAILED ($rc)")")")
  return $rc
}
report() { printf 'test.sh: %s\n' "${PHASES[@]}" "$(printf '%-28s %4d s' total $SECONDS)"; }
trap report EXIT
# Its own build directory at -O1 (CMakeLists.txt, build type Check): a
# third faster to compile than the served -O2 build, the tests as fast.
export BHXH_BUILD_DIR=build-check BHXH_BUILD_TYPE=Check
B=$BHXH_BUILD_DIR
phase build env BHXH_WERROR=1 bash scripts/build.sh
phase console bash scripts/web.sh
phase openapi-lint bash -c 'cd web && npx redocly lint --config redocly.yaml openapi.json --format=summary'

# One throwaway PostgreSQL for the run (Unix socket only, no fsync).
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGDIR=$(mktemp -d /tmp/bhxh-pg-XXXXXX)
AS=""; [ "$(id -u)" -eq 0 ] && { chown postgres "$PGDIR"; AS="runuser -u postgres --"; }
cleanup() {
  report
  $AS "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGDIR"
}
trap cleanup EXIT
$AS "$PGBIN/initdb" -D "$PGDIR/data" -U bhxh --auth=trust -E UTF8 --locale=C.UTF-8 >"$PGDIR/initdb.log" 2>&1
$AS "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w \
  -o "-k $PGDIR -p 55433 -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c max_prepared_transactions=20" \
  start >/dev/null
export BHXH_TEST_PG="host=$PGDIR port=55433 user=bhxh"

phase ctest bash -c "cd $B && ctest --output-on-failure -j2"
phase browser bash web/e2e/run.sh
phase pitr bash scripts/ha/pitr_test.sh $B/bhxh
phase shards bash scripts/shard/shard_test.sh $B/bhxh
phase engines-on-shards bash scripts/shard/engines_test.sh $B
phase failover bash scripts/ha/failover_test.sh $B/bhxh
