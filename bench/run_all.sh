#!/usr/bin/env bash
# Runs every benchmark (long: about 40 minutes on 2 cores). Not part of the
# test command. Results go to BENCHMARKS.md by hand, with date and machine.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
echo "== monthly collection (issue #2) =="; ./build/bench_collect --sizes 1000000,2000000
echo "== eligibility over HTTP (issue #2) =="; bash bench/eligibility.sh build 1000000 10000000
echo "== claim review (issue #4) =="; ./build/bench_claims --encounters 50000,100000
echo "== claim review vs SQL over PostgreSQL (issue #4) =="; ./build/bench_claims_sql --encounters 50000
echo "== daily alerts (issue #4) =="; ./build/bench_alerts --scales 0.01,0.02
echo "== importing a decision (issue #3) =="; ./build/bench_import ../shared/seeds 50
echo "== coverage counts for the indicators (issue #3) =="; ./build/bench_coverage --sizes 1000000,5000000
echo "== benefit payroll vs SQL (issue #12) =="; BHXH_DATA=data ./build/bench_payroll --sizes 330000,3300000
echo "== benefit calculator in process and over HTTP (issue #12) =="; BHXH_DATA=data ./build/bench_calc; bash bench/calc_http.sh build
echo "== funds: the fund-balance model and a year of postings (issue #13) =="; BHXH_DATA=data ./build/bench_funds --workers 1000000 --months 12
echo "== integrity: access check, chained audit rows, audit verify over 10M rows (issue #15) =="; BHXH_DATA=data ./build/bench_integrity --rows 10000000
echo "== public services: deadlines, the dossier list of a province with 100,000 open dossiers (issue #14) =="; BHXH_DATA=data ./build/bench_services --dossiers 100000
echo "== participant development: the tax cross-match at national scale, engine vs SQL (issue #14) =="; BHXH_DATA=data ./build/bench_development --employers 900000 --workers 25000000 --db-scale 0.1

# Issue #16: the national figures on PostgreSQL, on a throwaway server started
# here (Unix socket, fsync off as in the test run, 2 GB of shared buffers).
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGDIR=$(mktemp -d /tmp/bhxh-bench-pg-XXXXXX)
AS=""; [ "$(id -u)" -eq 0 ] && { chown postgres "$PGDIR"; AS="runuser -u postgres --"; }
# Two more servers are the shards of the sharded collection (same machine:
# they show the mechanism, not a cluster's speed).
trap 'for n in data shard0 shard1; do $AS "$PGBIN/pg_ctl" -D "$PGDIR/$n" -m immediate stop >/dev/null 2>&1 || true; done; rm -rf "$PGDIR"' EXIT
port=55441
for n in data shard0 shard1; do
  $AS "$PGBIN/initdb" -D "$PGDIR/$n" -U bhxh --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  $AS "$PGBIN/pg_ctl" -D "$PGDIR/$n" -l "$PGDIR/$n.log" -w -o "-k $PGDIR -p $port -c listen_addresses='' \
    -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=$([ $n = data ] && echo 2GB || echo 1GB) \
    -c max_wal_size=8GB -c max_prepared_transactions=64" start >/dev/null
  port=$((port + 1))
done
PG="host=$PGDIR port=55441 user=bhxh"
SHARDS="host=$PGDIR port=55442 user=bhxh;host=$PGDIR port=55443 user=bhxh"
for d in coll2000000 coll5000000 coll2000000s coll5000000s pay3300000 months patients; do psql "$PG dbname=postgres" -qc "CREATE DATABASE $d"; done
echo "== claims at the national mix, ~10 lines an encounter, SQLite (issue #16) =="; ./build/bench_claims --encounters 50000 --mix national
echo "== the same on PostgreSQL, engine vs SQL (issue #16) =="; BHXH_TEST_PG="$PG" ./build/bench_claims_sql --encounters 50000 --mix national
echo "== claims split by month against one table, 24 months (issue #16) =="; bash bench/claims_months.sh "$PG dbname=months"
echo "== a patient's stored claims across 35 provinces: every province, generic plan, claim_patients (issue #16) =="; bash bench/claims_patients.sh "$PG dbname=patients"
echo "== monthly collection at 2M and 5M, SQLite and PostgreSQL (issue #16) =="; ./build/bench_collect --sizes 2000000,5000000 --postgres "$PG dbname=coll" --shards "$SHARDS"
echo "== benefit payroll on PostgreSQL (issues #12, #16) =="; BHXH_DATA=data ./build/bench_payroll --sizes 3300000 --db "$PG dbname=pay3300000"
