// The inspection capability's tables: the tax authority's workforce data,
// inspections with findings and recoveries, post-audit samples.
#include "inspection/module.h"

namespace bhxh {

std::vector<Migration> InspectionMigrations() {
  return {
      {2026120210, "inspection", R"SQL(
CREATE TABLE tax_workforce (
  tax_code TEXT NOT NULL,
  year INTEGER NOT NULL,
  employees INTEGER NOT NULL,
  wage_bill BIGINT NOT NULL,
  source TEXT NOT NULL,
  loaded_at TEXT NOT NULL,
  loaded_by TEXT NOT NULL,
  PRIMARY KEY (tax_code, year)
);
CREATE TABLE inspections (
  id {ID},
  employer_id BIGINT NOT NULL REFERENCES employers(id),
  decision_no TEXT NOT NULL,
  decided_on TEXT NOT NULL,
  kind TEXT NOT NULL,              -- planned | unannounced
  risk_score INTEGER NOT NULL,     -- tenths of a point at opening
  status TEXT NOT NULL,            -- open | concluded | recovered
  opened_by TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  concluded_by TEXT,
  concluded_on TEXT,
  idempotency_key TEXT NOT NULL UNIQUE
);
CREATE INDEX inspections_employer ON inspections(employer_id);
CREATE TABLE inspection_findings (
  id {ID},
  inspection_id BIGINT NOT NULL REFERENCES inspections(id),
  clause TEXT NOT NULL,            -- Decree 12/2022/NĐ-CP Art.39 clause, "39.5"
  description TEXT NOT NULL,
  total_due BIGINT NOT NULL,
  workers INTEGER NOT NULL,
  fine_min BIGINT NOT NULL,
  fine_max BIGINT NOT NULL,
  fine BIGINT NOT NULL,
  circumstance TEXT NOT NULL,
  basis TEXT NOT NULL,             -- JSON array of the parameters cited
  explanation TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX inspection_findings_inspection ON inspection_findings(inspection_id);
CREATE TABLE inspection_recoveries (
  id {ID},
  finding_id BIGINT NOT NULL REFERENCES inspection_findings(id),
  paid_on TEXT NOT NULL,
  amount BIGINT NOT NULL,
  reference TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX inspection_recoveries_finding ON inspection_recoveries(finding_id);
CREATE TABLE post_audits (
  id {ID},
  label TEXT NOT NULL UNIQUE,
  from_date TEXT NOT NULL,
  to_date TEXT NOT NULL,
  seed TEXT NOT NULL,
  strata TEXT NOT NULL,            -- JSON: kind, population, drawn, share
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE post_audit_items (
  post_audit_id BIGINT NOT NULL REFERENCES post_audits(id),
  kind TEXT NOT NULL,
  seq INTEGER NOT NULL,
  ref TEXT NOT NULL,
  summary TEXT NOT NULL,
  result TEXT NOT NULL,            -- pending | ok | discrepancy
  note TEXT,
  checked_by TEXT,
  checked_at TEXT,
  PRIMARY KEY (post_audit_id, kind, ref)
);
{APPEND_ONLY inspection_recoveries}
)SQL"},
  };
}

}  // namespace bhxh
