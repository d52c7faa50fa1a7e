// The schema of this capability: its migrations, in the global version
// order kept by the store (store/migrations.h). Applied migrations are
// history: change the schema with a new migration, never by editing one.
#include "store/migrations.h"

namespace bhxh {

std::vector<Migration> CollectionMigrations() {
  return {
      {2, "collection", R"SQL(
CREATE TABLE declarations (
  id {ID},
  employer_id BIGINT NOT NULL REFERENCES employers(id),
  month INTEGER NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  row_count INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE TABLE collection_runs (
  id {ID},
  month INTEGER NOT NULL,
  law TEXT NOT NULL,
  workers INTEGER NOT NULL,
  employers INTEGER NOT NULL,
  total BIGINT NOT NULL,
  params TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE TABLE dues (
  month INTEGER NOT NULL,
  employer_id BIGINT NOT NULL,
  person_id BIGINT NOT NULL,
  period_id BIGINT NOT NULL,
  run_id BIGINT NOT NULL,
  group_code TEXT NOT NULL,
  retirement_base BIGINT NOT NULL, retirement_er BIGINT NOT NULL, retirement_ee BIGINT NOT NULL,
  sickness_base BIGINT NOT NULL, sickness_er BIGINT NOT NULL, sickness_ee BIGINT NOT NULL,
  accident_base BIGINT NOT NULL, accident_er BIGINT NOT NULL, accident_ee BIGINT NOT NULL,
  unemployment_base BIGINT NOT NULL, unemployment_er BIGINT NOT NULL, unemployment_ee BIGINT NOT NULL,
  health_base BIGINT NOT NULL, health_er BIGINT NOT NULL, health_ee BIGINT NOT NULL,
  total BIGINT NOT NULL
);
CREATE INDEX dues_person ON dues(person_id);
CREATE TABLE employer_dues (
  month INTEGER NOT NULL,
  employer_id BIGINT NOT NULL REFERENCES employers(id),
  run_id BIGINT NOT NULL,
  workers INTEGER NOT NULL,
  amount BIGINT NOT NULL,
  PRIMARY KEY (month, employer_id)
);
CREATE INDEX employer_dues_employer ON employer_dues(employer_id);
CREATE TABLE payments (
  id {ID},
  employer_id BIGINT NOT NULL REFERENCES employers(id),
  paid_on TEXT NOT NULL,
  amount BIGINT NOT NULL,
  reference TEXT NOT NULL,
  source TEXT NOT NULL,          -- api | bank_csv | generator
  idempotency_key TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX payments_employer ON payments(employer_id);
)SQL"},
      {3, "deceased_index", R"SQL(
CREATE INDEX persons_deceased ON persons(deceased_on) WHERE deceased_on IS NOT NULL;
)SQL"},
      // An employer's month by fund group (the C12-TS notice's columns) kept
      // with its total, so the notice reads one row per month instead of
      // every worker's dues. That lets dues drop their (month, employer_id)
      // index: the run writes dues in period order, employers at random, and
      // that index alone took the write of 2M workers from 5 s to 13 s
      // (measured with sqlite3); an index on month alone is appended in
      // order and serves the month-wide readers (re-running a month, the
      // funds' postings). Existing months are filled from their dues first,
      // in one pass over dues.
      {2026120701, "employer_dues_by_fund", R"SQL(
ALTER TABLE employer_dues ADD COLUMN bhxh_due BIGINT NOT NULL DEFAULT 0;
ALTER TABLE employer_dues ADD COLUMN bhyt_due BIGINT NOT NULL DEFAULT 0;
ALTER TABLE employer_dues ADD COLUMN bhtn_due BIGINT NOT NULL DEFAULT 0;
ALTER TABLE employer_dues ADD COLUMN bhtnld_due BIGINT NOT NULL DEFAULT 0;
ALTER TABLE employer_dues ADD COLUMN retirement_base BIGINT NOT NULL DEFAULT 0;
ALTER TABLE employer_dues ADD COLUMN health_base BIGINT NOT NULL DEFAULT 0;
ALTER TABLE employer_dues ADD COLUMN unemployment_base BIGINT NOT NULL DEFAULT 0;
ALTER TABLE employer_dues ADD COLUMN accident_base BIGINT NOT NULL DEFAULT 0;
UPDATE employer_dues SET
  bhxh_due = s.bhxh, bhyt_due = s.bhyt, bhtn_due = s.bhtn, bhtnld_due = s.bhtnld,
  retirement_base = s.rb, health_base = s.hb, unemployment_base = s.ub, accident_base = s.ab
FROM (SELECT month, employer_id,
             SUM(retirement_er + retirement_ee + sickness_er + sickness_ee) AS bhxh,
             SUM(health_er + health_ee) AS bhyt, SUM(unemployment_er + unemployment_ee) AS bhtn,
             SUM(accident_er + accident_ee) AS bhtnld, SUM(retirement_base) AS rb, SUM(health_base) AS hb,
             SUM(unemployment_base) AS ub, SUM(accident_base) AS ab
      FROM dues GROUP BY month, employer_id) AS s
WHERE employer_dues.month = s.month AND employer_dues.employer_id = s.employer_id;
DROP INDEX IF EXISTS dues_month;
CREATE INDEX dues_by_month ON dues(month);
)SQL"},
      // Dues carry the province of the employer that owes them (as recorded
      // on the employer, history under the code of its time). On PostgreSQL
      // dues become a table partitioned by province: one partition per
      // province of today holding its own code and the codes merged into it
      // (Resolution 202/2025/QH15), so a province's month is one partition,
      // and a partition can live on another server as a postgres_fdw foreign
      // table (scripts/shard/). Dues have no key or constraint a partitioned
      // table could not keep. SQLite keeps one table with the column.
      {2026120801, "dues_by_province",
       R"SQL(
ALTER TABLE dues ADD COLUMN province TEXT NOT NULL DEFAULT '';
UPDATE dues SET province = COALESCE((SELECT e.province FROM employers e WHERE e.id = dues.employer_id), '');
)SQL",
       R"SQL(
ALTER TABLE dues RENAME TO dues_before_partitioning;
DROP INDEX IF EXISTS dues_person;
DROP INDEX IF EXISTS dues_by_month;
CREATE TABLE dues (
  month INTEGER NOT NULL,
  employer_id BIGINT NOT NULL,
  person_id BIGINT NOT NULL,
  period_id BIGINT NOT NULL,
  run_id BIGINT NOT NULL,
  group_code TEXT NOT NULL,
  retirement_base BIGINT NOT NULL, retirement_er BIGINT NOT NULL, retirement_ee BIGINT NOT NULL,
  sickness_base BIGINT NOT NULL, sickness_er BIGINT NOT NULL, sickness_ee BIGINT NOT NULL,
  accident_base BIGINT NOT NULL, accident_er BIGINT NOT NULL, accident_ee BIGINT NOT NULL,
  unemployment_base BIGINT NOT NULL, unemployment_er BIGINT NOT NULL, unemployment_ee BIGINT NOT NULL,
  health_base BIGINT NOT NULL, health_er BIGINT NOT NULL, health_ee BIGINT NOT NULL,
  total BIGINT NOT NULL,
  province TEXT NOT NULL
) PARTITION BY LIST (province);
{PARTITIONS_BY_PROVINCE dues}
INSERT INTO dues SELECT d.*, COALESCE(e.province, '') FROM dues_before_partitioning d
  LEFT JOIN employers e ON e.id = d.employer_id;
DROP TABLE dues_before_partitioning;
CREATE INDEX dues_person ON dues(person_id);
CREATE INDEX dues_by_month ON dues(month);
)SQL"},
      // What a run that recomputes an earlier month changed for each
      // employer, by C12 fund group, recorded in the month the change was
      // made: the C12-TS shows it there as B.4 "điều chỉnh kỳ trước", and
      // the months before it as they were known then. A month's first run
      // records nothing (its dues are the month's own, B.3).
      {2026121101, "dues_adjustments", R"SQL(
CREATE TABLE dues_adjustments (
  id {ID},
  employer_id BIGINT NOT NULL REFERENCES employers(id),
  for_month INTEGER NOT NULL,
  recorded_month INTEGER NOT NULL,
  run_id BIGINT NOT NULL,
  workers_before INTEGER NOT NULL,
  workers_after INTEGER NOT NULL,
  bhxh BIGINT NOT NULL,
  bhyt BIGINT NOT NULL,
  bhtn BIGINT NOT NULL,
  bhtnld BIGINT NOT NULL,
  amount BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX dues_adjustments_employer ON dues_adjustments(employer_id, recorded_month);
)SQL"},
      // Payments carry the province of the employer that paid (as the
      // employer was registered when the payment was stored: history stays
      // under the province that recorded it). On PostgreSQL the table is
      // partitioned by it like dues, so a partition may live on a shard; a
      // partitioned table whose partitions may be foreign keeps no unique
      // index and no foreign key, so the idempotency key's national
      // uniqueness moves to payment_keys, a table of the coordinator that
      // a payment's key is entered in, in the same transaction, before its
      // row is written where its province lives (collection/payments.h),
      // and the employer is checked by the engine before writing. SQLite
      // keeps one table with the column, and the key table too.
      {2026121201, "payments_by_province",
       R"SQL(
ALTER TABLE payments ADD COLUMN province TEXT NOT NULL DEFAULT '';
UPDATE payments SET province = COALESCE((SELECT e.province FROM employers e WHERE e.id = payments.employer_id), '');
CREATE TABLE payment_keys (
  idempotency_key TEXT PRIMARY KEY,
  payment_id BIGINT NOT NULL,
  province TEXT NOT NULL
);
INSERT INTO payment_keys (idempotency_key, payment_id, province) SELECT idempotency_key, id, province FROM payments;
CREATE INDEX payment_keys_payment ON payment_keys(payment_id);
)SQL",
       R"SQL(
CREATE TABLE payment_keys (
  idempotency_key TEXT PRIMARY KEY,
  payment_id BIGINT NOT NULL,
  province TEXT NOT NULL
);
ALTER TABLE payments RENAME TO payments_before_partitioning;
ALTER SEQUENCE payments_id_seq OWNED BY NONE;
DROP INDEX IF EXISTS payments_employer;
CREATE TABLE payments (
  id BIGINT NOT NULL DEFAULT nextval('payments_id_seq'),
  employer_id BIGINT NOT NULL,
  paid_on TEXT NOT NULL,
  amount BIGINT NOT NULL,
  reference TEXT NOT NULL,
  source TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  province TEXT NOT NULL DEFAULT ''
) PARTITION BY LIST (province);
{PARTITIONS_BY_PROVINCE payments}
INSERT INTO payments (id, employer_id, paid_on, amount, reference, source, idempotency_key, created_at, created_by,
                      province)
  SELECT p.id, p.employer_id, p.paid_on, p.amount, p.reference, p.source, p.idempotency_key, p.created_at,
         p.created_by, COALESCE(e.province, '')
  FROM payments_before_partitioning p LEFT JOIN employers e ON e.id = p.employer_id;
INSERT INTO payment_keys (idempotency_key, payment_id, province) SELECT idempotency_key, id, province FROM payments;
ALTER SEQUENCE payments_id_seq OWNED BY payments.id;
DROP TABLE payments_before_partitioning;
CREATE INDEX payments_id ON payments(id);
CREATE INDEX payments_employer ON payments(employer_id);
CREATE INDEX payment_keys_payment ON payment_keys(payment_id);
)SQL"},
      // On PostgreSQL dues by month are found through a BRIN instead of a
      // B-tree: a month's dues are written together by its run and not
      // changed after, so each partition holds them as runs of pages, and
      // a B-tree entry per row cost the run's write about as much as the row
      // itself (as measured for benefit payments). What asked a B-tree for
      // the latest month (the yearly statistics) reads the runs table. A
      // person's dues are still found through dues_person. SQLite has no
      // BRIN and keeps its B-tree. A partition already moved to a shard
      // keeps the index it was given there.
      {2026121401, "dues_month_brin", "SELECT 1;",
       R"SQL(
DROP INDEX IF EXISTS dues_by_month;
CREATE INDEX dues_by_month ON dues USING brin (month);
)SQL"},
  };
}

}  // namespace bhxh
