// The annual report of a programme (issue #3 §5), in the structure 249/QĐ-
// BHXH §V.1 asks for: results achieved with figures (indicators against
// their targets, tasks by status), tasks done and not done, difficulties
// and lessons — all from the tracking data as of the end of the year (or
// the as-of date when earlier). Rendered as Markdown, HTML (a standalone
// page, escaped) and XLSX (one sheet per part).
#pragma once

#include <string>
#include <vector>

#include "programmes/indicator_values.h"
#include "programmes/tracking.h"

namespace bhxh {

struct Remark {
  std::string task_key, unit, text;
};

struct AnnualReport {
  StoredProgramme programme;
  int year = 0;
  Date as_of;
  int total = 0, done = 0, in_progress = 0, blocked = 0, not_started = 0, overdue = 0;
  std::vector<TaskState> tasks_done, tasks_not_done;
  std::vector<IndicatorStatus> indicators;
  std::vector<Remark> difficulties, lessons;
  std::vector<StoredReport> obligations;  // the programme's reports due that year
};

// Vietnamese labels for task states (done, in_progress, blocked, not_started)
// and indicator states (achieved, on_track, behind, no_data).
std::string StatusVi(const std::string& status);

Result<AnnualReport> BuildAnnualReport(Db& db, const MeasureBook& measures, int64_t programme_id, int year, Date today);

std::string ReportMarkdown(const AnnualReport& r, const UnitRegistry& units);
std::string ReportHtml(const AnnualReport& r, const UnitRegistry& units);
Result<std::string> ReportXlsx(const AnnualReport& r, const UnitRegistry& units);

}  // namespace bhxh
