// The schema of this capability: its migrations, in the global version
// order kept by the store (store/migrations.h). Applied migrations are
// history: change the schema with a new migration, never by editing one.
#include "store/migrations.h"

namespace bhxh {

std::vector<Migration> ClaimsMigrations() {
  return {
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
      // An advance moves money to a facility: prepared by one officer, paid
      // only when another approves it (segregation of duties, 1712/QĐ-BHXH
      // §II.2). Advances recorded before this rule stand as approved.
      {2026120310, "advance_approval", R"SQL(
ALTER TABLE advances ADD COLUMN status TEXT NOT NULL DEFAULT 'approved';
ALTER TABLE advances ADD COLUMN decided_by TEXT;
ALTER TABLE advances ADD COLUMN decided_at TEXT;
ALTER TABLE advances ADD COLUMN note TEXT;
)SQL"},
      // The check-in table (XML0, QĐ 4750): who is being treated, before
      // the claim; one row per facility and MA_LK, replaced when re-sent.
      {2026120520, "claim_checkins", R"SQL(
CREATE TABLE claim_checkins (
  id {ID},
  facility TEXT NOT NULL,
  ma_lk TEXT NOT NULL,
  card_code TEXT NOT NULL,
  cccd TEXT NOT NULL,
  full_name TEXT NOT NULL,
  patient_group TEXT NOT NULL,   -- MA_DOITUONG_KCB
  kind TEXT NOT NULL,            -- MA_LOAI_KCB
  admitted_at BIGINT NOT NULL,   -- minutes since 1970-01-01
  card_result TEXT NOT NULL,     -- the card check's code on the admission date ('' without a card)
  card_message TEXT NOT NULL,
  received_at TEXT NOT NULL,
  received_by TEXT NOT NULL,
  UNIQUE (facility, ma_lk)
);
CREATE INDEX claim_checkins_day ON claim_checkins(admitted_at, facility);
)SQL"},
  };
}

}  // namespace bhxh
