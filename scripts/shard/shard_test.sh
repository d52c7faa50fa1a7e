#!/usr/bin/env bash
# A coordinator and two shards, as they will run: three PostgreSQL servers
# on Unix sockets, a demo province collected on the coordinator, then
# provinces placed on the shards, moved between them and brought back with
# scripts/shard/shard.sh, while bhxh runs unchanged against the coordinator.
# After every step the month's dues by province (count and total), a
# worker's book and the employer's C12-TS are the same as on one server,
# the rows are where the placement says, a new month's collection writes
# straight into the shards, and national sums are pushed down to them.
#
#   bash scripts/shard/shard_test.sh [path/to/bhxh]
set -euo pipefail
cd "$(dirname "$0")/../.."
NAME=shard
source scripts/lib/pgtest.sh
SHARD=$(realpath scripts/shard/shard.sh)
BASE=$((30000 + RANDOM % 20000))
cleanup() {
  for n in coord a b; do $AS "$PGBIN/pg_ctl" -D "$DIR/$n" -m immediate stop >/dev/null 2>&1 || true; done
  rm -rf "$DIR"
}
trap cleanup EXIT
port() { case $1 in coord) echo $BASE ;; a) echo $((BASE + 1)) ;; b) echo $((BASE + 2)) ;; esac; }
url() { echo "host=$DIR port=$(port "$1") dbname=bhxh user=bhxh"; }
for n in coord a b; do
  $AS "$PGBIN/initdb" -D "$DIR/$n" -U bhxh --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb-$n.log" 2>&1 || fail "initdb $n"
  $AS "$PGBIN/pg_ctl" -D "$DIR/$n" -l "$DIR/server-$n.log" -w \
    -o "-k $DIR -p $(port $n) -c listen_addresses='' -c fsync=off -c enable_partitionwise_aggregate=on -c max_prepared_transactions=20" \
    start >/dev/null || fail "start $n"
  psql "host=$DIR port=$(port $n) dbname=postgres user=bhxh" -XAtqc "create database bhxh" >/dev/null || fail "createdb $n"
done
C=$(url coord)
q() { psql "$1" -XAtq -v ON_ERROR_STOP=1 -c "$2"; }
bhxh() { "$BIN" --db "$C" "$@"; }

# One server first: the demo province, then a third of its employers
# re-homed to 79 (Hồ Chí Minh) and a third to 48 (Đà Nẵng) so that June's
# dues span three provinces (earlier months stay under 01, where they were
# recorded).
bhxh init --demo --persons 1500 --from 2026-01 --to 2026-05 --claims-days 1 >"$DIR/init.log" 2>&1 || fail "init --demo"
q "$C" "update employers set province = case id % 3 when 1 then '79' when 2 then '48' else province end" >/dev/null
bhxh collect --month 2026-06 >"$DIR/collect.log" 2>&1 || fail "collect June"
JUNE=$((2026 * 12 + 5))
JULY=$((JUNE + 1))
by_province() { q "$C" "select month || ' ' || province || ' ' || count(*) || ' ' || sum(total) from dues group by month, province order by 1"; }
EMP79=$(q "$C" "select code from employers where province = '79' order by id limit 1")
CCCD79=$(q "$C" "select p.cccd from dues d join persons p on p.id = d.person_id join employers e on e.id = d.employer_id
                 where e.code = '$EMP79' and d.month = $JUNE order by p.id limit 1")
[ -n "$CCCD79" ] || fail "no worker of $EMP79 in June"
claims_view() {  # the demo's claims (province 01): by facility, their lines, their findings
  q "$C" "select facility || ' ' || count(*) || ' ' || sum(approved) || ' ' || sum(is_current) from claims group by facility order by 1" &&
    q "$C" "select count(*) || ' ' || sum(claimed) || ' ' || sum(approved) from claim_lines" &&
    q "$C" "select rule || ' ' || count(*) from claim_findings group by rule order by 1"
}
views() {
  by_province && claims_view &&
  bhxh history --cccd "$CCCD79" --as-of 2026-08-01 --json &&
  bhxh c12 --employer "$EMP79" --month 2026-06 --json
}
views >"$DIR/one-server.txt" || fail "read on one server"
[ "$(grep -c " 79 " "$DIR/one-server.txt")" -ge 1 ] || fail "no dues under 79"
say "one server: $(by_province | wc -l) month-province groups, June in $(q "$C" "select count(distinct province) from dues where month = $JUNE") provinces"

same() {  # the views equal those on one server
  views >"$DIR/now.txt" || fail "read after $1"
  diff -u "$DIR/one-server.txt" "$DIR/now.txt" >"$DIR/diff.log" || fail "different after $1"
}
where_is() { q "$C" "select coalesce(s.srvname, 'local') from pg_class c left join pg_foreign_table f on f.ftrelid = c.oid
                     left join pg_foreign_server s on s.oid = f.ftserver where c.oid = '$1'::regclass"; }
rows_on() { q "$(url "$1")" "select count(*) from $2"; }

bash "$SHARD" add-server "$C" shard_a "host=$DIR port=$(port a) dbname=bhxh user=bhxh" >/dev/null || fail "add shard_a"
bash "$SHARD" add-server "$C" shard_b "host=$DIR port=$(port b) dbname=bhxh user=bhxh" >/dev/null || fail "add shard_b"
N79=$(q "$C" "select count(*) from dues_p79")
N48=$(q "$C" "select count(*) from dues_p48")
bash "$SHARD" move "$C" dues_p79 shard_a >"$DIR/move1.log" 2>&1 || fail "move 79 to shard_a"
bash "$SHARD" move "$C" dues_p48 shard_b >"$DIR/move2.log" 2>&1 || fail "move 48 to shard_b"
[ "$(where_is dues_p79)" = shard_a ] && [ "$(where_is dues_p48)" = shard_b ] || fail "placement after the moves"
[ "$(rows_on a dues_p79)" = "$N79" ] && [ "$(rows_on b dues_p48)" = "$N48" ] || fail "rows on the shards"
same "placing 79 on shard_a and 48 on shard_b"
say "79 ($N79 rows) on shard_a, 48 ($N48 rows) on shard_b: same dues, book and C12-TS"

# The month run again on the coordinator writes into the shards (the old
# run's rows deleted there, the new ones written there by the engine in a
# transaction prepared on each shard and committed with the coordinator's);
# July is new.
bhxh collect --month 2026-06 >>"$DIR/collect.log" 2>&1 || fail "collect June again, sharded"
same "collecting June again across the shards"
[ "$(rows_on a dues_p79)" = "$N79" ] || fail "June again: rows on shard_a"
bhxh collect --month 2026-07 >>"$DIR/collect.log" 2>&1 || fail "collect July, sharded"
J79=$(rows_on a "dues_p79 where month = $JULY")
[ "$J79" -gt 0 ] || fail "July's dues of 79 are not on shard_a"
[ "$(q "$C" "select count(*) from dues where month = $JULY")" = "$(q "$C" "select workers from collection_runs where month = $JULY order by id desc limit 1")" ] ||
  fail "July: dues counted through the coordinator differ from the run's workers"
for n in a b; do
  [ "$(q "$(url $n)" "select count(*) from pg_prepared_xacts")" = 0 ] || fail "work left prepared on shard $n"
done
say "June again and July collected through the coordinator: July's 79 ($J79 rows) written on shard_a, nothing left prepared"

# A national sum is computed on the shards: each foreign partition's
# aggregate is sent to its server. (The plan uses the shards' statistics;
# their autovacuum analyzes a month's new rows within a minute, done here
# at once.)
for n in a b; do q "$(url $n)" "analyze" >/dev/null; done
PLAN=$(q "$C" "explain (verbose, costs off) select province, sum(total) from dues where month = $JULY group by province")
echo "$PLAN" >"$DIR/plan.log"
[ "$(grep -c "Relations: Aggregate on" <<<"$PLAN")" = 2 ] || fail "the aggregate is not pushed down to both shards (plan.log)"
[ "$(grep -c "Async Foreign Scan" <<<"$PLAN")" = 2 ] || fail "the shards are not scanned at the same time (plan.log)"
say "national sums pushed down to both shards, scanned at the same time"

# Moving a province between shards, then home.
views >"$DIR/one-server.txt"  # July is part of what must stay the same from here
bash "$SHARD" move "$C" dues_p79 shard_b >"$DIR/move3.log" 2>&1 || fail "move 79 from shard_a to shard_b"
[ "$(where_is dues_p79)" = shard_b ] || fail "79 is not on shard_b"
[ "$(q "$(url a)" "select count(*) from pg_tables where tablename = 'dues_p79'")" = 0 ] || fail "79's old copy is left on shard_a"
same "moving 79 from shard_a to shard_b"
bash "$SHARD" move "$C" dues_p79 local >"$DIR/move4.log" 2>&1 || fail "move 79 home"
[ "$(where_is dues_p79)" = local ] || fail "79 is not home"
[ "$(q "$C" "select count(*) from pg_indexes where tablename = 'dues_p79'")" -ge 2 ] || fail "79 came home without its indexes"
same "bringing 79 home"
say "79 moved shard_a → shard_b → coordinator: same dues, book and C12-TS after each move"

# A whole province with its claims: every partition of 01 (dues, claims,
# their lines and findings) to shard_a; then an envelope of one of its
# facilities submitted through the coordinator is stored there.
[ "$(q "$C" "select count(*) from claims_p01")" -gt 0 ] || fail "the demo has no claims in 01"
bash "$SHARD" move-province "$C" 01 shard_a >"$DIR/move5.log" 2>&1 || fail "move province 01 to shard_a"
for t in dues payments periods claims claim_lines claim_findings claim_keys; do
  [ "$(where_is "${t}_p01")" = shard_a ] || fail "${t}_p01 is not on shard_a"
done
same "moving province 01 with its claims to shard_a"
# Its periods went with it: June collected again reads them from shard_a
# (same dues), and a worker's leave declared through the coordinator
# closes the period there.
bhxh collect --month 2026-06 >>"$DIR/collect.log" 2>&1 || fail "collect June with 01's periods on shard_a"
same "collecting June with 01's periods on shard_a"
read -r EMPL CCCDL < <(q "$C" "select e.code, p.cccd from periods pe join employers e on e.id = pe.employer_id
    join persons p on p.id = pe.person_id where pe.province = '01' and pe.to_month is null and p.deceased_on is null
    order by pe.id limit 1" | tr '|' ' ')
[ -n "$CCCDL" ] || fail "no open period of 01"
printf '{"employer_code":"%s","month":"2026-08","idempotency_key":"shard-leave-1","rows":[{"action":"leave","cccd":"%s","effective_month":"2026-08"}]}' \
  "$EMPL" "$CCCDL" >"$DIR/leave.json"
bhxh declare "$DIR/leave.json" >"$DIR/declare.log" 2>&1 || fail "a leave declared through the coordinator (declare.log)"
[ "$(q "$(url a)" "select count(*) from periods_p01 pe where pe.to_month = $JULY and pe.person_id =
     $(q "$C" "select id from persons where cccd = '$CCCDL'")")" = 1 ] || fail "the leave did not close the period on shard_a"
[ "$(q "$(url a)" "select count(*) from pg_prepared_xacts")" = 0 ] || fail "the declaration left work prepared on shard_a"
N01=$(rows_on a claims_p01)
FAC=$(q "$C" "select facility from claims order by facility limit 1")
bhxh claims synth --from-record --facility "$FAC" --encounters 20 --out "$DIR/env.xml" >/dev/null 2>&1 || fail "claims synth"
bhxh claims submit "$DIR/env.xml" >"$DIR/submit.log" 2>&1 || fail "claims submit on the sharded coordinator"
[ "$(rows_on a claims_p01)" = $((N01 + 20)) ] || fail "the envelope's claims are not on shard_a"
[ "$(rows_on a claim_lines_p01)" = "$(q "$C" "select count(*) from claim_lines")" ] || fail "claim lines off the shard"
[ "$(q "$(url a)" "select count(*) from pg_prepared_xacts")" = 0 ] || fail "claims left prepared on shard_a"
# Claims are split by month where they live: on shard_a the demo's months
# came with the move, the envelope's month was made as it arrived; a
# partition moved home is split the same way on the coordinator.
in_months() {  # $1: url, $2: table → rows not in their month's partition
  q "$1" "select count(*) from $2 where month <> 0 and tableoid::regclass::text <> '$2_m' || month"
}
for t in claims_p01 claim_lines_p01 claim_findings_p01; do
  [ "$(in_months "$(url a)" $t)" = 0 ] || fail "rows of $t on shard_a outside their month's partition"
done
[ "$(rows_on a claim_keys_p01)" = "$(q "$(url a)" "select count(*) from claims_p01 where is_current = 1")" ] ||
  fail "the directory of current versions on shard_a does not follow its claims"
NL=$(q "$C" "select count(*) from claim_lines_p01")
bash "$SHARD" move "$C" claim_lines_p01 local >"$DIR/move6.log" 2>&1 || fail "move claim_lines_p01 home"
[ "$(where_is claim_lines_p01)" = local ] && [ "$(q "$C" "select count(*) from claim_lines_p01")" = "$NL" ] ||
  fail "claim_lines_p01 did not come home whole"
[ "$(in_months "$C" claim_lines_p01)" = 0 ] || fail "claim_lines_p01 home, but not split by month"
[ "$(q "$C" "select count(*) from pg_indexes where tablename like 'claim\_lines\_p01\_m%'")" -ge 1 ] ||
  fail "claim_lines_p01's months came home without their indexes"
# A payment of one of 01's employers, posted twice through the coordinator:
# stored once, on shard_a.
EMP01=$(q "$C" "select code from employers where province = '01' order by id limit 1")
P01=$(rows_on a payments_p01)
for _ in 1 2; do
  bhxh pay --employer "$EMP01" --amount 1234567 --date 2026-07-20 --reference "UNC-SHARD-01" >>"$DIR/pay.log" 2>&1 ||
    fail "payment through the coordinator"
done
[ "$(rows_on a payments_p01)" = $((P01 + 1)) ] || fail "the payment is not on shard_a once"
[ "$(q "$C" "select count(*) from payments where reference = 'UNC-SHARD-01'")" = 1 ] || fail "the payment is not read once through the coordinator"
say "province 01 (dues, payments, periods, $N01 claims, their lines and findings) moved to shard_a, split by month there; June collected again from its periods there, a leave of $CCCDL closing its period there; an envelope of $FAC and a payment of $EMP01 (posted twice, stored once) stored there through the coordinator; its claim lines moved home, split by month"
views >"$DIR/one-server.txt"  # the envelope is part of what must stay the same from here

# Refusals: a move to where it is, to an unknown server, of a table that is
# not a partition; nothing changes.
bash "$SHARD" move "$C" dues_p48 shard_b >/dev/null 2>&1 && fail "a move to where it is was accepted"
bash "$SHARD" move "$C" dues_p48 shard_z >/dev/null 2>&1 && fail "a move to an unknown server was accepted"
bash "$SHARD" move "$C" employers shard_a >/dev/null 2>&1 && fail "a table that is not a partition was moved"
same "the refused moves"
bash "$SHARD" placement "$C" >"$DIR/placement.log" || fail placement
grep -q "^dues dues_p48 shard_b FOR VALUES IN ('48', '49')" "$DIR/placement.log" || fail "placement does not show 48 on shard_b"
bhxh audit verify >"$DIR/audit.log" 2>&1 || fail "audit verify"
say "refusals change nothing; placement listed; audit verify passes"
