// The services capability's tables: dossiers and their steps, attachments
// and ratings; feedback (PAKN); officers' corrections of the calendar.
#include "services/module.h"

namespace bhxh {

std::vector<Migration> ServicesMigrations() {
  return {
      {2026120320, "services", R"SQL(
CREATE TABLE service_calendar (
  day TEXT PRIMARY KEY,
  kind TEXT NOT NULL,            -- holiday | day_off | working_day
  name TEXT NOT NULL,
  source TEXT NOT NULL,
  set_by TEXT NOT NULL,
  set_at TEXT NOT NULL
);
CREATE TABLE dossiers (
  id {ID},
  number TEXT NOT NULL UNIQUE,
  procedure TEXT NOT NULL,
  province TEXT NOT NULL,
  channel TEXT NOT NULL,         -- online | desk
  filer_kind TEXT NOT NULL,      -- citizen | employer | facility
  filer_id TEXT NOT NULL,
  filer_name TEXT NOT NULL,
  cccd TEXT,
  employer_code TEXT,
  contact TEXT NOT NULL,
  payload TEXT NOT NULL,         -- JSON
  received_at TEXT NOT NULL,     -- Vietnam local time YYYY-MM-DDTHH:MM
  counted_from TEXT NOT NULL,
  due_on TEXT NOT NULL,
  deadline_notes TEXT NOT NULL,  -- JSON array
  new_due_on TEXT,
  apology_on TEXT,
  apology_late INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL,          -- received | processing | supplement | returned | refused
  outcome TEXT,                  -- early | on_time | late
  returned_on TEXT,
  holder_unit TEXT NOT NULL,
  holder_officer TEXT NOT NULL,
  result TEXT,                   -- JSON: what the procedure's action did
  refusal TEXT,                  -- JSON array of reasons
  missing TEXT,                  -- JSON array of documents requested
  idempotency_key TEXT NOT NULL UNIQUE,
  created_by TEXT NOT NULL
);
CREATE INDEX dossiers_open ON dossiers(province, status, due_on);
CREATE INDEX dossiers_cccd ON dossiers(cccd);
CREATE INDEX dossiers_employer ON dossiers(employer_code);
CREATE INDEX dossiers_received ON dossiers(received_at);
CREATE TABLE dossier_steps (
  dossier_id BIGINT NOT NULL REFERENCES dossiers(id),
  seq INTEGER NOT NULL,
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  from_unit TEXT NOT NULL,
  from_officer TEXT NOT NULL,
  to_unit TEXT NOT NULL,
  to_officer TEXT NOT NULL,
  note TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  PRIMARY KEY (dossier_id, seq)
);
CREATE TABLE dossier_attachments (
  dossier_id BIGINT NOT NULL REFERENCES dossiers(id),
  seq INTEGER NOT NULL,
  name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  content TEXT NOT NULL,         -- base64
  added_by TEXT NOT NULL,
  added_at TEXT NOT NULL,
  PRIMARY KEY (dossier_id, seq)
);
CREATE TABLE dossier_ratings (
  dossier_id BIGINT PRIMARY KEY REFERENCES dossiers(id),
  accessibility INTEGER NOT NULL,
  procedures INTEGER NOT NULL,
  service_quality INTEGER NOT NULL,
  results INTEGER NOT NULL,
  feedback_handling INTEGER NOT NULL,
  comment TEXT NOT NULL,
  rated_by TEXT NOT NULL,
  rated_at TEXT NOT NULL
);
CREATE TABLE service_feedback (
  id {ID},
  received_on TEXT NOT NULL,
  province TEXT NOT NULL,
  from_name TEXT NOT NULL,
  cccd TEXT,
  subject TEXT NOT NULL,
  content TEXT NOT NULL,
  due_on TEXT NOT NULL,
  answered_on TEXT,
  answer TEXT,
  answered_by TEXT,
  satisfied INTEGER,             -- the sender's verdict on the answer: 1, 0, or NULL (none given)
  idempotency_key TEXT NOT NULL UNIQUE,
  created_by TEXT NOT NULL
);
)SQL"},
      // A dossier number's daily sequence as a row per prefix (agency,
      // province, day, system): the upsert locks that row, so two filings
      // at once get consecutive numbers instead of one COUNT each and a
      // clash on the unique number. Seeded from the numbers given so far.
      {2026120411, "dossier_sequences", R"SQL(
CREATE TABLE dossier_sequences (
  prefix TEXT PRIMARY KEY,
  last BIGINT NOT NULL
);
INSERT INTO dossier_sequences (prefix, last)
  SELECT substr(number, 1, length(number) - 4), MAX(CAST(substr(number, length(number) - 3) AS INTEGER))
  FROM dossiers GROUP BY substr(number, 1, length(number) - 4);
)SQL"},
  };
}

}  // namespace bhxh
