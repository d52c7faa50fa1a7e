// The schema of the funds capability. Applied migrations are history:
// change the schema with a new migration, never by editing one.
#include "store/migrations.h"

namespace bhxh {

std::vector<Migration> FundsMigrations() {
  return {
      {2026120120, "funds", R"SQL(
CREATE TABLE fund_entries (
  id {ID},
  posted_on TEXT NOT NULL,
  period INTEGER NOT NULL,
  description TEXT NOT NULL,
  source_kind TEXT NOT NULL,
  source_ref TEXT NOT NULL,
  reverses BIGINT UNIQUE REFERENCES fund_entries(id),
  idempotency_key TEXT NOT NULL UNIQUE,
  body_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  UNIQUE (source_kind, source_ref)
);
CREATE INDEX fund_entries_period ON fund_entries(period);
CREATE TABLE fund_lines (
  entry_id BIGINT NOT NULL REFERENCES fund_entries(id),
  line_no INTEGER NOT NULL,
  period INTEGER NOT NULL,
  account TEXT NOT NULL,
  fund TEXT NOT NULL,
  province TEXT NOT NULL,
  debit BIGINT NOT NULL,
  credit BIGINT NOT NULL,
  PRIMARY KEY (entry_id, line_no)
);
CREATE INDEX fund_lines_period ON fund_lines(period, fund);
CREATE TABLE fund_periods (
  period INTEGER PRIMARY KEY,
  closed_at TEXT NOT NULL,
  closed_by TEXT NOT NULL
);
{APPEND_ONLY fund_entries}
{APPEND_ONLY fund_lines}
{APPEND_ONLY fund_periods}
CREATE TABLE fund_investments (
  id {ID},
  fund TEXT NOT NULL,
  kind TEXT NOT NULL,
  issuer TEXT NOT NULL,
  reference TEXT NOT NULL UNIQUE,
  amount BIGINT NOT NULL,
  rate_micro BIGINT NOT NULL,
  purchased_on TEXT NOT NULL,
  matures_on TEXT NOT NULL,
  entry_id BIGINT NOT NULL REFERENCES fund_entries(id),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE TABLE fund_investment_plans (
  year INTEGER NOT NULL,
  kind TEXT NOT NULL,
  amount BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  PRIMARY KEY (year, kind)
);
CREATE TABLE published_parameters (
  key TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  value TEXT NOT NULL,
  unit TEXT NOT NULL,
  law TEXT NOT NULL,
  source TEXT NOT NULL,
  note TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  PRIMARY KEY (key, effective_from)
);
CREATE TABLE fund_estimates (
  year INTEGER NOT NULL,
  version INTEGER NOT NULL,
  province TEXT NOT NULL,
  fund TEXT NOT NULL,
  kind TEXT NOT NULL,
  base BIGINT NOT NULL,
  amount BIGINT NOT NULL,
  method TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  PRIMARY KEY (year, version, province, fund, kind)
);
{APPEND_ONLY fund_estimates}
)SQL"},
      // The month's dues by province and fund (sources.cc) read one month of
      // the collection's dues; without this index every posting scanned the
      // whole history (6.4 s a month at 1M workers × 12 months, growing).
      {2026120121, "dues_month", R"SQL(
CREATE INDEX dues_month ON dues(month, employer_id);
)SQL"},
      // Manual entries wait for a second person (proposals.h).
      {2026120230, "fund_proposals", R"SQL(
CREATE TABLE fund_proposals (
  id {ID},
  status TEXT NOT NULL,            -- pending | posted | rejected
  posted_on TEXT NOT NULL,
  description TEXT NOT NULL,
  lines TEXT NOT NULL,             -- JSON: account, fund, province, debit, credit
  total BIGINT NOT NULL,
  prepared_by TEXT NOT NULL,
  prepared_at TEXT NOT NULL,
  decided_by TEXT,
  decided_at TEXT,
  note TEXT,
  entry_id BIGINT,
  idempotency_key TEXT NOT NULL UNIQUE
);
)SQL"},
      // Reversals wait for a second person too: a reversal moves money back.
      {2026120311, "fund_proposal_reversals", R"SQL(
ALTER TABLE fund_proposals ADD COLUMN reverses BIGINT;
ALTER TABLE fund_proposals ADD COLUMN reason TEXT;
)SQL"},
  };
}

}  // namespace bhxh
