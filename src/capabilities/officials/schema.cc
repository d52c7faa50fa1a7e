// The officials capability's tables.
#include "officials/module.h"

namespace bhxh {

std::vector<Migration> OfficialsMigrations() {
  return {
      {2026120220, "officials", R"SQL(
CREATE TABLE officials (
  id {ID},
  code TEXT NOT NULL UNIQUE,
  full_name TEXT NOT NULL,
  sex TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  unit TEXT NOT NULL,
  province TEXT NOT NULL,
  position TEXT NOT NULL,
  position_since TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX officials_unit ON officials(unit);
CREATE TABLE official_positions (
  official_code TEXT NOT NULL,
  position TEXT NOT NULL,
  since TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  PRIMARY KEY (official_code, since)
);
CREATE TABLE asset_declarations (
  id {ID},
  official_code TEXT NOT NULL REFERENCES officials(code),
  kind TEXT NOT NULL,              -- first | annual | additional | appointment
  year INTEGER NOT NULL,
  submitted_on TEXT NOT NULL,
  items TEXT NOT NULL,             -- JSON: kind, description, value
  assets BIGINT NOT NULL,
  income BIGINT NOT NULL,
  change BIGINT,
  idempotency_key TEXT NOT NULL UNIQUE,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX asset_declarations_official ON asset_declarations(official_code);
CREATE TABLE verification_draws (
  id {ID},
  year INTEGER NOT NULL,
  unit TEXT NOT NULL,
  seed TEXT NOT NULL,
  eligible INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (year, unit)
);
CREATE TABLE verification_items (
  draw_id BIGINT NOT NULL REFERENCES verification_draws(id),
  seq INTEGER NOT NULL,
  official_code TEXT NOT NULL,
  leader INTEGER NOT NULL,
  result TEXT NOT NULL,            -- pending | consistent | inconsistent
  note TEXT,
  checked_by TEXT,
  checked_at TEXT,
  PRIMARY KEY (draw_id, official_code)
);
CREATE TABLE complaints (
  id {ID},
  kind TEXT NOT NULL,              -- complaint | denunciation
  received_on TEXT NOT NULL,
  complainant TEXT NOT NULL,
  subject TEXT NOT NULL,
  unit TEXT NOT NULL,
  province TEXT NOT NULL,
  complex INTEGER NOT NULL,
  status TEXT NOT NULL,            -- received | accepted | refused | answered
  accept_by TEXT NOT NULL,
  accepted_on TEXT,
  assigned_to TEXT,
  resolve_by TEXT,
  answered_on TEXT,
  answer TEXT,
  refusal_reason TEXT,
  idempotency_key TEXT NOT NULL UNIQUE,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
{APPEND_ONLY asset_declarations}
)SQL"},
  };
}

}  // namespace bhxh
