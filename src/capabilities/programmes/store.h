// Programmes in the store (issue #3): an imported decision is saved whole
// in one transaction — the programme, its tasks, reporting obligations and
// indicators, plus the import's JSON as extracted — with an audit row.
//
// Importing the same text again is a replay (same programme, nothing
// written). Importing a different text under a decision number already
// stored is a conflict unless `replace` is set; a replacement keeps the
// progress and indicator values already reported (they are keyed by task
// and indicator key, which a corrected text normally keeps).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "platform/audit/audit.h"
#include "programmes/import.h"
#include "store/db.h"

namespace bhxh {

struct StoredProgramme {
  int64_t id = 0;
  std::string number, title, programme_title, signer, signing_line, imported_at, imported_by;
  std::optional<Date> decision_date, period_start, period_end;
  int tasks = 0, indicators = 0, reports = 0;
};

struct StoredTask {
  int64_t programme_id = 0;
  std::string programme_number;
  std::string key, id_text, group_key, group_title, content, leader;
  std::vector<std::string> lead_units, coordinating_units, unknown_units;
  std::vector<std::string> unknown_cells;  // lead | coordinating, one per unknown name ("" when imported before)
  TimeFrame timeframe;
  int first_line = 0;
  std::string plan, product, notes;  // where the table has those columns
};

struct StoredReport {
  int64_t programme_id = 0;
  std::string programme_number;
  int seq = 0;
  std::string name, kind, recurrence, recipients;
  int day = 0, month = 0;
  std::optional<Date> date;
};

struct StoredIndicator {
  int64_t programme_id = 0;
  std::string key, name, measure;
  std::map<std::string, std::string> targets;  // year → as written
  std::vector<std::string> lead_units, coordinating_units;
};

struct SaveOutcome {
  StoredProgramme programme;
  bool replayed = false, replaced = false;
};

Result<SaveOutcome> SaveProgramme(Db& db, const ImportedProgramme& p, std::string_view source, bool replace,
                                  const Actor& actor);

Result<std::vector<StoredProgramme>> ListProgrammes(Db& db);
// `ref`: the programme's id or its decision number ("249/QĐ-BHXH"; "249-QĐ-BHXH"
// and any case or diacritics variant of the symbol also match).
Result<StoredProgramme> FindProgramme(Db& db, const std::string& ref);
// programme_id 0: every programme.
Result<std::vector<StoredTask>> LoadTasks(Db& db, int64_t programme_id);
Result<std::vector<StoredReport>> LoadReports(Db& db, int64_t programme_id);
Result<std::vector<StoredIndicator>> LoadIndicators(Db& db, int64_t programme_id);
// The import's JSON as it was extracted.
Result<std::string> LoadExtract(Db& db, int64_t programme_id);

// Units an officer mapped after an import listed them as unknown.
Status SaveUnitAlias(Db& db, const std::string& name, const std::string& unit_id, const Actor& actor);
Result<std::vector<std::pair<std::string, std::string>>> LoadUnitAliases(Db& db);  // (name, unit id)
// Re-resolves the unknown unit names of stored tasks after a new alias:
// a name that now resolves moves into the task's coordinating units.
Result<int> ApplyUnitAlias(Db& db, const std::string& name, const std::string& unit_id, const Actor& actor);

std::string JoinIds(const std::vector<std::string>& ids);
std::vector<std::string> SplitIds(const std::string& joined);

}  // namespace bhxh
