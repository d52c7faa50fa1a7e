#!/usr/bin/env bash
# Runs every benchmark (long: about 10 minutes on 2 cores). Not part of the
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
