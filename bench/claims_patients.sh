#!/usr/bin/env bash
# A patient's stored claims found across provinces (issue #16), against the
# natural alternatives in the same run. Claims are partitioned by province
# and, inside each, by month (as on PostgreSQL in bhxh); a partitioned table
# has no index across its partitions, so the review's look at an envelope's
# 500 patients' recent claims either asks every province's recent months
# for every patient, or first asks the national table of where each
# patient's claims are (claim_patients, migration 2026121701) and then only
# the provinces it names.
#
#   bash bench/claims_patients.sh "host=... port=... user=... dbname=..." [claims_per_partition] [envelopes]
#
# The database must exist and be empty (bench/run_all.sh makes one on its
# throwaway server). Defaults: 35 provinces × 3 months × 20,000 claims
# (2.1 million), 20 envelopes. Each envelope names 500 patients, half of
# them with claims in the months read (anywhere: the worst spread), half
# without. Reported, per envelope, the three ways giving the same rows:
#   in-list     one statement, patient_key IN (500 values) over every
#               province (what the review ran before; planned each time)
#   generic     the same as = ANY(array) with a cached generic plan
#   directory   claim_patients first, then each province named, for its
#               own patients only (what the review runs now)
set -euo pipefail
URL=${1:?usage: claims_patients.sh PG_URL [claims_per_partition] [envelopes]}
PER=${2:-20000}
ENV=${3:-20}
[[ "$PER" =~ ^[0-9]+$ && "$ENV" =~ ^[0-9]+$ && "$PER" -ge 1000 && "$ENV" -ge 1 ]] ||
  { echo "claims_per_partition (≥ 1000) and envelopes (≥ 1) must be whole numbers" >&2; exit 2; }
export PGOPTIONS="-c client_min_messages=warning"
q() { psql "$URL" -XAtq -v ON_ERROR_STOP=1 <<<"$1"; }
[ "$(q "select count(*) from pg_tables where schemaname = 'public'")" = 0 ] || { echo "the database is not empty" >&2; exit 2; }
PROVINCES=35
MONTHS="202609 202610 202611"
TOTAL=$((PER * PROVINCES * 3))
echo "claims: $PROVINCES provinces × 3 months × $PER = $TOTAL; $ENV envelopes of 500 patients"
q "CREATE TABLE claims (id BIGINT NOT NULL, facility TEXT NOT NULL, ma_lk TEXT NOT NULL, is_current INTEGER NOT NULL,
     patient_key TEXT NOT NULL, kind TEXT NOT NULL, admitted_at BIGINT, discharged_at BIGINT, month INTEGER NOT NULL,
     province TEXT NOT NULL) PARTITION BY LIST (province)"
for ((p = 1; p <= PROVINCES; p++)); do
  code=$(printf '%02d' "$p")
  q "CREATE TABLE claims_p$code PARTITION OF claims FOR VALUES IN ('$code') PARTITION BY RANGE (month);
     CREATE TABLE claims_p${code}_other PARTITION OF claims_p$code DEFAULT"
  for m in $MONTHS; do q "CREATE TABLE claims_p${code}_m$m PARTITION OF claims_p$code FOR VALUES FROM ($m) TO ($((m + 1)))"; done
done
q "CREATE INDEX claims_patient ON claims(patient_key, admitted_at)"
t0=$(date +%s.%N)
# Claim g: province g % 35, month (g / 35) % 3, a patient out of 100 million.
q "INSERT INTO claims SELECT g, lpad((1 + g % $PROVINCES)::text, 2, '0') || '001', 'LK' || g, 1,
     'si:' || lpad(((g::bigint * 2654435761) % 100000000)::text, 10, '0'), '01', 29000000 + g % 40000,
     29000060 + g % 40000, (ARRAY[202609, 202610, 202611])[1 + (g / $PROVINCES) % 3], lpad((1 + g % $PROVINCES)::text, 2, '0')
   FROM generate_series(0, $TOTAL - 1) g"
q "CREATE TABLE claim_patients (patient_key TEXT NOT NULL, month INTEGER NOT NULL, province TEXT NOT NULL,
     PRIMARY KEY (patient_key, month, province));
   INSERT INTO claim_patients SELECT DISTINCT patient_key, month, province FROM claims;
   ANALYZE claims; ANALYZE claim_patients"
t1=$(date +%s.%N)
awk -v a="$t0" -v b="$t1" 'BEGIN { printf "loaded (claims, their index, claim_patients) in %.1f s\n", b - a }'
cols="id, patient_key, facility, ma_lk, kind, admitted_at, discharged_at, month, province"
# Envelope e: 250 patients with claims (g = e·7919 + i·104729, any province) and 250 without.
keys="SELECT array_agg(CASE WHEN i % 2 = 0
          THEN 'si:' || lpad((((((e * 7919 + i * 104729) % $TOTAL)::bigint) * 2654435761) % 100000000)::text, 10, '0')
          ELSE 'none:' || e || '-' || i END) FROM generate_series(1, 500) i"
run() {  # $1: label, $2: the plpgsql reading envelope e's keys k into found n, $3: settings
  local t0 t1 out
  t0=$(date +%s.%N)
  out=$(q "${3:-}
    DO \$\$ DECLARE e int; k text[]; n int; m int; total int := 0; r record; BEGIN
      FOR e IN 1..$ENV LOOP
        $keys INTO k;
        n := 0;
        $2
        total := total + n;
      END LOOP;
      RAISE WARNING 'found %', total;
    END \$\$" 2>&1 | grep -o "found [0-9]*" || true)
  [ -n "$out" ] || { echo "$1: the statement failed" >&2; exit 1; }
  [ -z "${FOUND:-}" ] || [ "$out" = "$FOUND" ] || { echo "$1: $out, the first way $FOUND" >&2; exit 1; }
  FOUND=$out
  t1=$(date +%s.%N)
  awk -v l="$1" -v a="$t0" -v b="$t1" -v n="$ENV" -v f="$out" \
    'BEGIN { printf "%-62s %8.1f ms an envelope (%s)\n", l, (b - a) * 1000 / n, f }'
}
# The IN list as the engine sent it (500 values, planned each time).
run "in-list over every province (before)" \
  "EXECUTE 'SELECT count(*) FROM (SELECT $cols FROM claims WHERE is_current = 1 AND month >= 202610 AND patient_key IN ('
           || (SELECT string_agg(quote_literal(x), ',') FROM unnest(k) x) || ')) s' INTO n;"
run "= ANY(array), cached generic plan" \
  "SELECT count(*) INTO n FROM (SELECT $cols FROM claims WHERE is_current = 1 AND month >= 202610 AND patient_key = ANY(k)) s;" \
  "SET plan_cache_mode = force_generic_plan;"
run "claim_patients, then the provinces named (now)" \
  "FOR r IN SELECT province, array_agg(DISTINCT patient_key) AS pk FROM claim_patients
              WHERE patient_key = ANY(k) AND month >= 202610 GROUP BY province LOOP
     EXECUTE 'SELECT count(*) FROM (SELECT $cols FROM claims WHERE province = \$1 AND is_current = 1
              AND month >= 202610 AND patient_key = ANY(\$2)) s' INTO m USING r.province, r.pk;
     n := n + m;
   END LOOP;"
echo "sizes: claims $(q "select pg_size_pretty(sum(pg_total_relation_size(c.oid))) from pg_class c where c.relname like 'claims_p%' and c.relkind in ('r','i')"), claim_patients $(q "select pg_size_pretty(pg_total_relation_size('claim_patients'))")"
