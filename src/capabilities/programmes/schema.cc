// The schema of this capability: its migrations, in the global version
// order kept by the store (store/migrations.h). Applied migrations are
// history: change the schema with a new migration, never by editing one.
#include "store/migrations.h"

namespace bhxh {

std::vector<Migration> ProgrammesMigrations() {
  return {
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
      // The cell each unknown unit name stood in, so mapping it later puts
      // the unit where the table put the name.
      {2026120410, "programme_task_unknown_cells", R"SQL(
ALTER TABLE programme_tasks ADD COLUMN unknown_cells TEXT NOT NULL DEFAULT '';
)SQL"},
      // The coverage counts of a day kept per residence province (số liệu
      // chốt), so the indicators read them instead of counting 100M persons.
      {2026120902, "coverage_snapshots", R"SQL(
CREATE TABLE coverage_snapshots (
  day TEXT NOT NULL,
  province TEXT NOT NULL,
  alive BIGINT NOT NULL,
  hi BIGINT NOT NULL,
  si BIGINT NOT NULL,
  ui BIGINT NOT NULL,
  voluntary BIGINT NOT NULL,
  computed_at TEXT NOT NULL,
  computed_by TEXT NOT NULL,
  PRIMARY KEY (day, province)
);
)SQL"},
  };
}

}  // namespace bhxh
