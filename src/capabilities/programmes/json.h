// JSON for programmes (issue #3): the import's stable shape —
//   {"decision": {number, date, place, issuer, title, signing_line, signer,
//                 legal_bases: [{kind, number, date, text}]},
//    "programme": {title, period: {start, end}, sections: [...],
//                  objectives: [...], targets: [...]},
//    "appendices": [...], "groups": [...],
//    "tasks": [{id, key, appendix (1, 2, ...; 0 for tasks set out in the
//               programme's text), group, group_key, content, lead and
//               coordinating (the bodies by name: registry names, then
//               names it does not know as written), lead_units,
//               coordinating_units (ids), unknown_units, timeframe: {text, kind,
//               start, end, recurrence, condition}, leader, plan, lines}],
//    "indicators": [{key, id, part_of, name, unit, targets: {"2025": 45},
//                    targets_text, targets_merged, lead_units, ...}],
//    "reports": [{name, kind, recurrence, due: {day, month} | {date}, ...}],
//    "footnotes": [...], "unplaced": [{lines: [first, last], text}],
//    "counts": {...}}
// Names in this shape stay; fields may be added.
#pragma once

#include <nlohmann/json.hpp>

#include "programmes/import.h"
#include "programmes/report.h"

namespace bhxh {

nlohmann::json ToJson(const TimeFrame& t);
nlohmann::json ToJson(const ImportedProgramme& p);
nlohmann::json IndicatorJson(const IndicatorRow& r);
nlohmann::json ReportJson(const ReportDue& r);

// Stored programmes and their tracking.
nlohmann::json ToJson(const StoredProgramme& p);
nlohmann::json ToJson(const StoredTask& t, const UnitRegistry& units);
nlohmann::json ToJson(const StoredReport& r);
nlohmann::json ToJson(const ProgressEntry& e);
nlohmann::json ToJson(const TaskState& s, const UnitRegistry& units);
nlohmann::json ToJson(const FollowUpGroup& g, const UnitRegistry& units);
nlohmann::json ToJson(const Deadline& d);
nlohmann::json ToJson(const IndicatorValue& v);
nlohmann::json ToJson(const IndicatorStatus& s);
nlohmann::json ToJson(const AnnualReport& r, const UnitRegistry& units);
nlohmann::json ToJson(const Unit& u);

}  // namespace bhxh
