// The participant-development tables: the tax authority's workers and the
// business register (its employers extend inspection's tax_workforce), the match runs with their findings and the people behind them,
// follow-ups (kept across runs, by kind, tax code and year), and the
// communes' targets.
#include "development/module.h"

namespace bhxh {

std::vector<Migration> DevelopmentMigrations() {
  return {
      {2026120510, "development", R"SQL(
CREATE TABLE dev_imports (
  id {ID},
  kind TEXT NOT NULL,
  year INTEGER NOT NULL,          -- 0 for the business register
  sha256 TEXT NOT NULL,
  rows BIGINT NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  UNIQUE (kind, year, sha256)
);
-- The tax authority's employers of a year are inspection's tax_workforce
-- (one table for both uses); the match also shows their names and provinces.
ALTER TABLE tax_workforce ADD COLUMN name TEXT;
ALTER TABLE tax_workforce ADD COLUMN province TEXT;
CREATE TABLE tax_workers (
  year INTEGER NOT NULL,
  tax_code TEXT NOT NULL,
  cccd TEXT NOT NULL,
  full_name TEXT NOT NULL,
  income BIGINT NOT NULL,
  import_id BIGINT NOT NULL,
  PRIMARY KEY (year, tax_code, cccd)
);
CREATE TABLE business_register (
  tax_code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  address TEXT NOT NULL,
  province TEXT NOT NULL,
  commune TEXT NOT NULL,
  registered_on TEXT NOT NULL,
  status TEXT NOT NULL,           -- active | suspended | dissolved | bankrupt
  declared_labour BIGINT NOT NULL,
  import_id BIGINT NOT NULL
);
CREATE TABLE dev_runs (
  id {ID},
  year INTEGER NOT NULL,
  as_of TEXT NOT NULL,
  ran_at TEXT NOT NULL,
  ran_by TEXT NOT NULL,
  findings BIGINT NOT NULL,
  unregistered BIGINT NOT NULL,
  under_declared BIGINT NOT NULL,
  at_stake BIGINT NOT NULL,
  first_finding_id BIGINT NOT NULL, -- the run's findings are numbered from here (never reused)
  parameters TEXT NOT NULL
);
CREATE TABLE dev_findings (
  id BIGINT PRIMARY KEY,          -- assigned by the run (bulk-loaded)
  run_id BIGINT NOT NULL REFERENCES dev_runs(id),
  year INTEGER NOT NULL,
  kind TEXT NOT NULL,             -- unregistered | under_declared
  tax_code TEXT NOT NULL,
  employer_code TEXT,
  name TEXT NOT NULL,
  province TEXT NOT NULL,
  commune TEXT NOT NULL,
  tax_workers BIGINT NOT NULL,
  si_workers BIGINT NOT NULL,
  gap_people BIGINT NOT NULL,
  tax_wage BIGINT NOT NULL,
  si_wage BIGINT NOT NULL,
  gap_wage BIGINT NOT NULL,
  missing_income BIGINT NOT NULL,
  at_stake BIGINT NOT NULL,
  days_past_deadline INTEGER,
  new_business INTEGER NOT NULL,
  estimated INTEGER NOT NULL,
  registered_on TEXT,
  stage TEXT NOT NULL             -- '' | within_deadline | late | evasion
);
CREATE INDEX dev_findings_list ON dev_findings(year, province, at_stake);
CREATE TABLE dev_finding_people (  -- names are read from tax_workers
  finding_id BIGINT NOT NULL,
  cccd TEXT NOT NULL,
  income BIGINT NOT NULL,
  PRIMARY KEY (finding_id, cccd)
);
CREATE TABLE dev_followups (
  id {ID},
  kind TEXT NOT NULL,
  tax_code TEXT NOT NULL,
  year INTEGER NOT NULL,
  status TEXT NOT NULL,           -- open | contacted | registered | referred_inspection | closed
  note TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL
);
CREATE INDEX dev_followups_key ON dev_followups(kind, tax_code, year);
CREATE TABLE commune_targets (
  year INTEGER NOT NULL,
  province TEXT NOT NULL,
  commune TEXT NOT NULL,
  voluntary_target BIGINT NOT NULL,
  hi_target BIGINT,
  set_by TEXT NOT NULL,
  set_at TEXT NOT NULL,
  PRIMARY KEY (year, province, commune)
);
)SQL"},
  };
}

}  // namespace bhxh
