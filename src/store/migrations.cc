#include "store/migrations.h"

#include <chrono>
#include <ctime>

#include "base/text.h"

namespace bhxh {

const std::vector<Migration>& AllMigrations() {
  static const std::vector<Migration> kAll = {
      {1, "registry", R"SQL(
CREATE TABLE accounts (
  token_sha256 TEXT PRIMARY KEY,
  actor TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL,            -- officer | employer | facility | citizen
  province TEXT,
  employer_code TEXT,
  facility_code TEXT
);
CREATE TABLE audit_log (
  id {ID},
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_key TEXT,
  detail TEXT
);
CREATE TABLE idempotency (
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  response TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (scope, key)
);
CREATE TABLE persons (
  id {ID},
  cccd TEXT NOT NULL UNIQUE,
  si_number TEXT UNIQUE,
  full_name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  dob TEXT NOT NULL,             -- YYYY, YYYY-MM or YYYY-MM-DD
  sex INTEGER NOT NULL,
  province TEXT,                 -- residence, code as at registration
  commune TEXT,
  deceased_on TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX persons_name_key ON persons(name_key);
CREATE TABLE employers (
  id {ID},
  code TEXT NOT NULL UNIQUE,
  tax_code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  type TEXT NOT NULL,            -- enterprise | state_agency | cooperative | household_business | other
  province TEXT NOT NULL,
  region INTEGER NOT NULL,       -- wage region 1-4
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE TABLE employer_status (
  employer_id BIGINT NOT NULL REFERENCES employers(id),
  effective_from TEXT NOT NULL,
  status TEXT NOT NULL,          -- active | suspended | dissolved | bankrupt
  recorded_by TEXT NOT NULL,
  PRIMARY KEY (employer_id, effective_from)
);
CREATE TABLE periods (
  id {ID},
  person_id BIGINT NOT NULL REFERENCES persons(id),
  employer_id BIGINT REFERENCES employers(id),   -- NULL: voluntary or household
  from_month INTEGER NOT NULL,                   -- year*12 + month-1
  to_month INTEGER,                              -- inclusive; NULL = open
  salary BIGINT NOT NULL,
  funds INTEGER NOT NULL,                        -- bit mask of funds covered
  group_code TEXT NOT NULL,
  declaration_id BIGINT
);
CREATE INDEX periods_employer ON periods(employer_id);
CREATE INDEX periods_person ON periods(person_id);
CREATE TABLE hi_cards (
  id {ID},
  person_id BIGINT NOT NULL REFERENCES persons(id),
  code TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT NOT NULL,
  facility TEXT NOT NULL,
  five_year_date TEXT,
  status TEXT NOT NULL,          -- active | withdrawn
  issued_by TEXT NOT NULL
);
CREATE INDEX hi_cards_person ON hi_cards(person_id);
CREATE INDEX hi_cards_code ON hi_cards(code);
)SQL"},
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
      {4, "claims", R"SQL(
CREATE TABLE facilities (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  level TEXT NOT NULL,           -- central | province | district | commune
  province TEXT NOT NULL
);
CREATE TABLE claim_submissions (
  id {ID},
  txn TEXT NOT NULL UNIQUE,
  facility TEXT NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  received_at TEXT NOT NULL,
  encounters INTEGER NOT NULL,
  response TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE TABLE claims (
  id {ID},
  facility TEXT NOT NULL,
  ma_lk TEXT NOT NULL,
  version INTEGER NOT NULL,
  is_current INTEGER NOT NULL,
  submission_id BIGINT NOT NULL,
  patient_key TEXT NOT NULL,
  card_code TEXT NOT NULL,
  kind TEXT NOT NULL,            -- MA_LOAI_KCB
  admitted_at BIGINT,            -- minutes since 1970-01-01
  discharged_at BIGINT,
  day TEXT NOT NULL,             -- discharge date, YYYY-MM-DD
  treatment_days INTEGER NOT NULL,
  total_bv BIGINT NOT NULL,      -- thousandths of a dong
  claimed BIGINT NOT NULL,       -- fund share claimed (T_BHTT)
  approved BIGINT NOT NULL,
  rejected BIGINT NOT NULL,
  drug_lines INTEGER NOT NULL,
  high_cost BIGINT NOT NULL,     -- fund share of high-cost services (surgery, imaging)
  xml1 TEXT NOT NULL,            -- XML1 as received
  others TEXT NOT NULL           -- XML4.. as received (JSON)
);
CREATE UNIQUE INDEX claims_version ON claims(facility, ma_lk, version);
CREATE INDEX claims_day ON claims(day, facility);
CREATE INDEX claims_patient ON claims(patient_key, admitted_at);
CREATE TABLE claim_lines (
  claim_id BIGINT NOT NULL,
  tbl TEXT NOT NULL,
  stt TEXT NOT NULL,
  code TEXT NOT NULL,
  group_code TEXT NOT NULL,
  quantity BIGINT NOT NULL,
  unit_price BIGINT NOT NULL,
  claimed BIGINT NOT NULL,
  approved BIGINT NOT NULL,
  rejected BIGINT NOT NULL,
  reasons TEXT NOT NULL
);
CREATE INDEX claim_lines_claim ON claim_lines(claim_id);
CREATE TABLE claim_findings (
  claim_id BIGINT NOT NULL,
  rule TEXT NOT NULL,
  severity TEXT NOT NULL,
  tbl TEXT NOT NULL,
  stt TEXT NOT NULL,
  field TEXT NOT NULL,
  message TEXT NOT NULL
);
CREATE INDEX claim_findings_claim ON claim_findings(claim_id);
CREATE TABLE drug_prices (
  facility TEXT NOT NULL,
  drug_code TEXT NOT NULL,
  name TEXT NOT NULL,
  tt_thau TEXT NOT NULL,
  unit_price BIGINT NOT NULL,    -- thousandths of a dong
  valid_from TEXT NOT NULL,
  valid_to TEXT NOT NULL,
  PRIMARY KEY (facility, drug_code, tt_thau, valid_from)
);
CREATE TABLE service_prices (
  facility TEXT NOT NULL,
  service_code TEXT NOT NULL,
  name TEXT NOT NULL,
  group_code TEXT NOT NULL,
  unit_price BIGINT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT NOT NULL,
  PRIMARY KEY (facility, service_code, valid_from)
);
CREATE TABLE advances (
  id {ID},
  facility TEXT NOT NULL,
  quarter TEXT NOT NULL,         -- YYYY-Qn
  amount BIGINT NOT NULL,        -- dong
  paid_on TEXT NOT NULL,
  reference TEXT NOT NULL UNIQUE,
  created_by TEXT NOT NULL
);
)SQL"},
      {5, "supply_prices", R"SQL(
CREATE TABLE supply_prices (
  facility TEXT NOT NULL,
  supply_code TEXT NOT NULL,
  name TEXT NOT NULL,
  group_code TEXT NOT NULL,
  unit_price BIGINT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT NOT NULL,
  PRIMARY KEY (facility, supply_code, valid_from)
);
)SQL"},
      {6, "claim_line_order_time", R"SQL(
ALTER TABLE claim_lines ADD COLUMN ordered_at BIGINT;
)SQL"},
      {7, "programmes", R"SQL(
CREATE TABLE programmes (
  id {ID},
  number TEXT NOT NULL UNIQUE,   -- 249/QĐ-BHXH
  decision_date TEXT NOT NULL,
  title TEXT NOT NULL,
  programme_title TEXT NOT NULL,
  signer TEXT NOT NULL,
  signing_line TEXT NOT NULL,
  period_start TEXT,
  period_end TEXT,
  source_sha256 TEXT NOT NULL,
  extracted TEXT NOT NULL,       -- the import's JSON, as printed by --dry-run
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL
);
CREATE TABLE programme_tasks (
  programme_id BIGINT NOT NULL REFERENCES programmes(id),
  task_key TEXT NOT NULL,
  id_text TEXT NOT NULL,
  group_key TEXT NOT NULL,
  group_title TEXT NOT NULL,
  content TEXT NOT NULL,
  lead_units TEXT NOT NULL,      -- unit ids joined by '|'
  coordinating_units TEXT NOT NULL,
  unknown_units TEXT NOT NULL,   -- names to map, joined by '|'
  leader TEXT NOT NULL,
  tf_text TEXT NOT NULL,
  tf_kind TEXT NOT NULL,
  tf_start TEXT,
  tf_end TEXT,
  tf_recurrence TEXT NOT NULL,
  first_line INTEGER NOT NULL,
  PRIMARY KEY (programme_id, task_key)
);
CREATE TABLE programme_reports (
  programme_id BIGINT NOT NULL REFERENCES programmes(id),
  seq INTEGER NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  recurrence TEXT NOT NULL,      -- yearly | once
  due_day INTEGER,
  due_month INTEGER,
  due_date TEXT,
  recipients TEXT NOT NULL,
  PRIMARY KEY (programme_id, seq)
);
CREATE TABLE programme_indicators (
  programme_id BIGINT NOT NULL REFERENCES programmes(id),
  indicator_key TEXT NOT NULL,
  name TEXT NOT NULL,
  measure TEXT NOT NULL,
  targets TEXT NOT NULL,         -- JSON {"2025": "45", ...} as written
  lead_units TEXT NOT NULL,
  coordinating_units TEXT NOT NULL,
  PRIMARY KEY (programme_id, indicator_key)
);
CREATE TABLE task_progress (
  id {ID},
  programme_id BIGINT NOT NULL REFERENCES programmes(id),
  task_key TEXT NOT NULL,
  unit TEXT NOT NULL,
  status TEXT NOT NULL,          -- not_started | in_progress | done | blocked
  percent INTEGER NOT NULL,
  period TEXT NOT NULL,          -- YYYY, YYYY-Qn or YYYY-MM reported on
  note TEXT NOT NULL,
  evidence TEXT NOT NULL,
  difficulties TEXT NOT NULL,
  lessons TEXT NOT NULL,
  reported_at TEXT NOT NULL,
  reported_by TEXT NOT NULL
);
CREATE INDEX task_progress_task ON task_progress (programme_id, task_key, id);
CREATE TABLE indicator_values (
  id {ID},
  programme_id BIGINT NOT NULL REFERENCES programmes(id),
  indicator_key TEXT NOT NULL,
  year INTEGER NOT NULL,
  province TEXT NOT NULL,        -- '' for the whole country
  value TEXT NOT NULL,           -- a number (percent) or a text target ("Hoàn thành")
  source TEXT NOT NULL,          -- entered | computed
  method TEXT NOT NULL,          -- how a computed value was computed
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  UNIQUE (programme_id, indicator_key, year, province)
);
CREATE TABLE denominators (
  kind TEXT NOT NULL,            -- labour_force | population
  province TEXT NOT NULL,        -- '' for the whole country
  year INTEGER NOT NULL,
  value BIGINT NOT NULL,
  source TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  PRIMARY KEY (kind, province, year)
);
CREATE TABLE unit_aliases (
  alias_key TEXT PRIMARY KEY,    -- folded name
  alias TEXT NOT NULL,
  unit_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
)SQL"},
      {8, "programme_task_columns", R"SQL(
ALTER TABLE programme_tasks ADD COLUMN plan TEXT NOT NULL DEFAULT '';
ALTER TABLE programme_tasks ADD COLUMN product TEXT NOT NULL DEFAULT '';
ALTER TABLE programme_tasks ADD COLUMN notes TEXT NOT NULL DEFAULT '';
)SQL"},
  };
  return kAll;
}

namespace {
std::string NowIso() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

std::string Substitute(const std::string& sql, Dialect d) {
  std::string id = d == Dialect::kSqlite ? "INTEGER PRIMARY KEY" : "BIGSERIAL PRIMARY KEY";
  std::string out = sql;
  for (size_t p; (p = out.find("{ID}")) != std::string::npos;) out.replace(p, 4, id);
  return out;
}
}  // namespace

Result<int> Migrate(Db& db) {
  BHXH_RETURN_IF_ERROR(db.Exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
      "applied_at TEXT NOT NULL)"));
  BHXH_ASSIGN_OR_RETURN(int64_t current, db.QueryInt("SELECT MAX(version) FROM schema_migrations"));
  int applied = 0;
  for (const Migration& m : AllMigrations()) {
    if (m.version <= current) continue;
    Tx tx(db);
    BHXH_RETURN_IF_ERROR(tx.status());
    BHXH_RETURN_IF_ERROR(db.Exec(Substitute(m.sql, db.dialect())));
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("INSERT INTO schema_migrations VALUES (?, ?, ?)"));
    BHXH_RETURN_IF_ERROR(st->Bind(m.version, m.name, NowIso()).Run());
    BHXH_RETURN_IF_ERROR(tx.Commit());
    ++applied;
  }
  return applied;
}

}  // namespace bhxh
