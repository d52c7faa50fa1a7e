#!/usr/bin/env bash
# Claims split by month (issue #16), against the natural alternative in the
# same run: one province's claims in one table (as before the split), in a
# table split by month (as now), and the directory of current versions
# (claim_keys) a new version looks up instead of every month.
#
#   bash bench/claims_months.sh "host=... port=... user=... dbname=..." [claims_per_month] [months]
#
# The database must exist and be empty (bench/run_all.sh makes one on its
# throwaway server). Defaults: 100,000 claims a month for 24 months (a
# province of about 4 million people: Hồ Chí Minh City sends about ten
# times that). Reported, each on both layouts:
#   load       the months' rows written (INSERT ... SELECT, same indexes)
#   versions   200 envelopes of 500 encounters of one facility, half of them
#              corrections of claims of earlier months: their stored
#              versions found (the query the review ran before claim_keys)
#   month      one month's amounts by facility (the settlement's read)
#   retire     the oldest month taken out of the live store (DELETE against
#              DETACH + DROP of its partition)
set -euo pipefail
URL=${1:?usage: claims_months.sh PG_URL [claims_per_month] [months]}
PER=${2:-100000}
MONTHS=${3:-24}
[[ "$PER" =~ ^[0-9]+$ && "$MONTHS" =~ ^[0-9]+$ && "$MONTHS" -ge 2 ]] || { echo "claims_per_month and months must be whole numbers (months ≥ 2)" >&2; exit 2; }
export PGOPTIONS="-c client_min_messages=warning"
q() { psql "$URL" -XAtq -v ON_ERROR_STOP=1 <<<"$1"; }  # each statement its own transaction
timed() {  # $1: label, $2: SQL; prints seconds
  local t0 t1
  t0=$(date +%s.%N)
  q "$2" >/dev/null
  t1=$(date +%s.%N)
  awk -v l="$1" -v a="$t0" -v b="$t1" 'BEGIN { printf "%-70s %8.3f s\n", l, b - a }'
}
[ "$(q "select count(*) from pg_tables where schemaname = 'public'")" = 0 ] || { echo "the database is not empty" >&2; exit 2; }
TOTAL=$((PER * MONTHS))
# Each envelope corrects 250 distinct claims of one facility (one in 200).
[ $((TOTAL / 200)) -ge 500 ] || { echo "at least 100,000 claims in all (claims_per_month × months)" >&2; exit 2; }
echo "claims of one province: $PER a month for $MONTHS months ($TOTAL claims), 200 facilities"

cols="id BIGINT NOT NULL, facility TEXT NOT NULL, ma_lk TEXT NOT NULL, version INTEGER NOT NULL,
      is_current INTEGER NOT NULL, day TEXT NOT NULL, claimed BIGINT NOT NULL, patient_key TEXT NOT NULL,
      month INTEGER NOT NULL"
q "CREATE TABLE flat ($cols); CREATE TABLE split ($cols) PARTITION BY RANGE (month);
   CREATE TABLE split_other PARTITION OF split DEFAULT;
   CREATE TABLE keys (facility TEXT NOT NULL, ma_lk TEXT NOT NULL, version INTEGER NOT NULL, claim_id BIGINT NOT NULL,
                      month INTEGER NOT NULL)"
for ((m = 0; m < MONTHS; m++)); do
  from=$(date -d "2025-01-01 +$m month" +%Y%m)
  to=$(date -d "2025-01-01 +$((m + 1)) month" +%Y%m)
  q "CREATE TABLE split_m$from PARTITION OF split FOR VALUES FROM ($from) TO ($to)"
done
for t in flat split; do
  q "CREATE INDEX ${t}_id ON $t(id); CREATE INDEX ${t}_version ON $t(facility, ma_lk, version);
     CREATE INDEX ${t}_day ON $t(day, facility); CREATE INDEX ${t}_patient ON $t(patient_key)"
done
q "CREATE INDEX keys_key ON keys(facility, ma_lk)"
# Claim g: facility g % 200, discharged in month g / PER (days spread over it).
rows="SELECT g, '79' || lpad((g % 200)::text, 3, '0'), 'LK' || g, 1, 1,
        to_char(date '2025-01-01' + (g / $PER) * interval '1 month' + ((g % 28) || ' days')::interval, 'YYYY-MM-DD'),
        100000 + g % 900000, 'P' || (g % 3000000),
        CAST(to_char(date '2025-01-01' + (g / $PER) * interval '1 month', 'YYYYMM') AS INTEGER)
      FROM generate_series(0, $TOTAL - 1) g"
timed "load: one table ($TOTAL rows, 4 indexes)" "INSERT INTO flat $rows"
timed "load: split by month ($MONTHS partitions, same indexes)" "INSERT INTO split $rows"
timed "load: the directory of current versions" "INSERT INTO keys SELECT facility, ma_lk, version, id, month FROM flat"
q "ANALYZE flat; ANALYZE split; ANALYZE keys" >/dev/null

# 200 envelopes of 500 encounters of facility 79007: half new (never stored),
# half corrections of its claims of any earlier month.
envelopes="DO \$\$ DECLARE e int; k text[]; n int; total int := 0; BEGIN
  FOR e IN 1..200 LOOP
    SELECT array_agg(CASE WHEN i % 2 = 0 THEN 'LKnew' || e || '-' || i
                          ELSE 'LK' || (7 + 200 * ((e * 7919 + i * 104729) % ($TOTAL / 200))) END)
      INTO k FROM generate_series(1, 500) i;
    EXECUTE %QUERY% INTO n USING k;
    total := total + n;
  END LOOP;
  IF total <> 200 * 250 THEN RAISE EXCEPTION 'found % stored versions, expected %', total, 200 * 250; END IF;
END \$\$"
v_old="'SELECT count(*) FROM (SELECT ma_lk, MAX(version) FROM %T WHERE facility = ''79007'' AND ma_lk = ANY(\$1) GROUP BY ma_lk) s'"
v_keys="'SELECT count(*) FROM keys WHERE facility = ''79007'' AND ma_lk = ANY(\$1)'"
timed "versions: 200 envelopes × 500, one table" "${envelopes//%QUERY%/${v_old//%T/flat}}"
timed "versions: the same, split by month (every month probed)" "${envelopes//%QUERY%/${v_old//%T/split}}"
timed "versions: the same, directory of current versions (claim_keys)" "${envelopes//%QUERY%/$v_keys}"

month=$(date -d "2025-01-01 +$((MONTHS - 2)) month" +%Y-%m-01)
next=$(date -d "2025-01-01 +$((MONTHS - 1)) month" +%Y-%m-01)
msum="SELECT facility, count(*), sum(claimed) FROM %T WHERE is_current = 1 AND day >= '$month' AND day < '$next'
        AND month = ${month:0:4}${month:5:2} GROUP BY facility"
for t in flat split; do
  a=$(q "${msum//%T/$t}" | md5sum)
  [ -z "${first:-}" ] && first=$a
  [ "$a" = "$first" ] || { echo "the two layouts disagree on the month's amounts" >&2; exit 1; }
done
timed "month: ${month:0:7}'s amounts by facility, one table" "${msum//%T/flat}"
timed "month: the same, split by month" "${msum//%T/split}"

timed "retire: the oldest month, one table (DELETE, then VACUUM)" "DELETE FROM flat WHERE day < '2025-02-01'; VACUUM flat"
timed "retire: the oldest month, split (DETACH PARTITION, DROP)" "ALTER TABLE split DETACH PARTITION split_m202501;
DROP TABLE split_m202501"
[ "$(q "select count(*) from flat")" = "$(q "select count(*) from split")" ] || { echo "the layouts hold different rows after retiring" >&2; exit 1; }
echo "sizes: one table $(q "select pg_size_pretty(pg_total_relation_size('flat'))"), the directory $(q "select pg_size_pretty(pg_total_relation_size('keys'))")"
