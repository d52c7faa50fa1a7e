// The benefits capability's tables: cases (each version a row), the
// register of beneficiaries, payrolls with their payments and findings,
// overpayments to recover, the communes' urban/rural type, and the
// expenditure postings the funds' books read.
#include "benefits/module.h"
#include "store/migrations.h"

namespace bhxh {

std::vector<Migration> BenefitsMigrations() {
  return {
      {2026120110, "benefits", R"SQL(
CREATE TABLE benefit_cases (
  id {ID},
  version INTEGER NOT NULL,
  supersedes BIGINT,
  person_id BIGINT NOT NULL REFERENCES persons(id),
  cccd TEXT NOT NULL,
  province TEXT NOT NULL,
  regime TEXT NOT NULL,
  event_date TEXT NOT NULL,
  status TEXT NOT NULL,
  eligible INTEGER NOT NULL,
  monthly BIGINT NOT NULL,
  lump_sum BIGINT NOT NULL,
  request TEXT NOT NULL,
  result TEXT NOT NULL,
  excluded TEXT NOT NULL,
  checks TEXT NOT NULL,
  payee TEXT NOT NULL,
  bank TEXT NOT NULL,
  bank_account TEXT NOT NULL,
  cash_point TEXT NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  prepared_by TEXT NOT NULL,
  prepared_at TEXT NOT NULL,
  decided_by TEXT,
  decided_at TEXT,
  note TEXT
);
CREATE INDEX benefit_cases_person ON benefit_cases(person_id);
CREATE INDEX benefit_cases_status ON benefit_cases(status, province);
CREATE TABLE beneficiaries (
  id {ID},
  case_id BIGINT NOT NULL REFERENCES benefit_cases(id),
  person_id BIGINT NOT NULL REFERENCES persons(id),
  cccd TEXT NOT NULL,
  province TEXT NOT NULL,
  regime TEXT NOT NULL,
  monthly BIGINT NOT NULL,
  start_month INTEGER NOT NULL,
  end_month INTEGER,
  payee TEXT NOT NULL,
  bank TEXT NOT NULL,
  bank_account TEXT NOT NULL,
  cash_point TEXT NOT NULL,
  status TEXT NOT NULL,
  stop_reason TEXT
);
CREATE INDEX beneficiaries_person ON beneficiaries(person_id);
CREATE INDEX beneficiaries_status ON beneficiaries(status, start_month);
CREATE TABLE benefit_payrolls (
  month INTEGER PRIMARY KEY,
  paid BIGINT NOT NULL,
  total BIGINT NOT NULL,
  summary TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE TABLE benefit_payments (
  month INTEGER NOT NULL,
  beneficiary_id BIGINT NOT NULL,
  province TEXT NOT NULL,
  regime TEXT NOT NULL,
  amount BIGINT NOT NULL,
  channel TEXT NOT NULL,
  PRIMARY KEY (month, beneficiary_id)
);
CREATE INDEX benefit_payments_beneficiary ON benefit_payments(beneficiary_id);
CREATE TABLE benefit_findings (
  id {ID},
  month INTEGER NOT NULL,
  rule TEXT NOT NULL,
  beneficiary_id BIGINT NOT NULL,
  cccd TEXT NOT NULL,
  amount BIGINT NOT NULL,
  withheld INTEGER NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX benefit_findings_month ON benefit_findings(month);
CREATE TABLE benefit_overpayments (
  id {ID},
  beneficiary_id BIGINT NOT NULL,
  cccd TEXT NOT NULL,
  death_date TEXT NOT NULL,
  months INTEGER NOT NULL,
  amount BIGINT NOT NULL,
  status TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE TABLE commune_types (
  province TEXT NOT NULL,
  commune TEXT NOT NULL,
  type TEXT NOT NULL,
  PRIMARY KEY (province, commune)
);
CREATE TABLE fund_postings (
  id {ID},
  month INTEGER NOT NULL,
  fund TEXT NOT NULL,
  kind TEXT NOT NULL,
  source TEXT NOT NULL,
  amount BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX fund_postings_month ON fund_postings(month, fund);
)SQL"},
      // The payroll reads the dead among the beneficiaries through the
      // partial index persons_deceased (collection's) and this one, instead
      // of joining every beneficiary to persons.
      {2026120111, "beneficiaries_person_status", R"SQL(
CREATE INDEX beneficiaries_person_status ON beneficiaries(person_id, status);
)SQL"},
      // Back pay (truy lĩnh): what a payroll pays for months already paid
      // (payroll.h), beside the month's own amount, and line by line.
      {2026120901, "benefit_back_pay", R"SQL(
ALTER TABLE benefit_payments ADD COLUMN back_pay BIGINT NOT NULL DEFAULT 0;
CREATE TABLE benefit_back_pay (
  month INTEGER NOT NULL,
  beneficiary_id BIGINT NOT NULL,
  for_month INTEGER NOT NULL,
  amount BIGINT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (month, beneficiary_id, for_month)
);
CREATE INDEX benefit_back_pay_for ON benefit_back_pay(for_month, beneficiary_id);
)SQL"},
      // On PostgreSQL the monthly payments (3.3 million rows a month) become
      // a table partitioned by the beneficiary's province, as dues and
      // claims are: a partition may live on a shard, where the payroll
      // writes it in a transaction prepared there (store/partitioned.h).
      // Its key (month, beneficiary) becomes a plain index — a unique one
      // cannot span foreign partitions; one payroll per month is kept by
      // benefit_payrolls' key, in the same transaction. SQLite keeps its
      // table as it is (it already has the province).
      {2026121002, "benefit_payments_by_province", "SELECT 1;",
       R"SQL(
ALTER TABLE benefit_payments RENAME TO benefit_payments_before_partitioning;
DROP INDEX IF EXISTS benefit_payments_beneficiary;
CREATE TABLE benefit_payments (
  month INTEGER NOT NULL,
  beneficiary_id BIGINT NOT NULL,
  province TEXT NOT NULL,
  regime TEXT NOT NULL,
  amount BIGINT NOT NULL,
  channel TEXT NOT NULL,
  back_pay BIGINT NOT NULL DEFAULT 0
) PARTITION BY LIST (province);
{PARTITIONS_BY_PROVINCE benefit_payments}
INSERT INTO benefit_payments (month, beneficiary_id, province, regime, amount, channel, back_pay)
  SELECT month, beneficiary_id, province, regime, amount, channel, back_pay FROM benefit_payments_before_partitioning;
DROP TABLE benefit_payments_before_partitioning;
CREATE INDEX benefit_payments_month ON benefit_payments(month, beneficiary_id);
CREATE INDEX benefit_payments_beneficiary ON benefit_payments(beneficiary_id);
)SQL"},
      // A month's payments are written together, once, and never changed:
      // each partition holds them as runs of one month. On PostgreSQL a
      // BRIN index (the lowest and highest month of every 128 pages) finds a
      // month's rows as well as a B-tree does for the reads by month (the
      // month's list, its totals, a range of months), for almost nothing at
      // write time — the B-tree on (month, beneficiary) was a third of the
      // payroll's write (a COPY of 3.3 million payments: 9.6 s with both
      // B-trees, 6.9 s with the BRIN instead). A lookup of one beneficiary's
      // month uses benefit_payments_beneficiary (a dozen rows a year per
      // beneficiary). SQLite has no BRIN and keeps its B-tree. A partition
      // already moved to a shard keeps the index it was given there
      // (scripts/shard/shard.sh copies the parent's indexes when it moves one).
      {2026121301, "benefit_payments_month_brin", "SELECT 1;",
       R"SQL(
DROP INDEX IF EXISTS benefit_payments_month;
CREATE INDEX benefit_payments_month ON benefit_payments USING brin (month);
)SQL"},
      // A survivors' monthly benefit is a share of the reference level
      // (58/2014 Art.68.1, 41/2024 Art.87.1) and follows it: the level the
      // approved amount was computed at, kept with the entry, lets the
      // payroll pay the share at each month's level.
      {2026121801, "beneficiaries_reference_level", R"SQL(
ALTER TABLE beneficiaries ADD COLUMN reference_level BIGINT;
)SQL"},
  };
}

}  // namespace bhxh
