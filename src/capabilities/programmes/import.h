// Importing a decision that issues a programme (issue #3 §1): the raw text
// of the decision page in, everything the agency tracks out.
//
// The text is cut by structure, not by the five seed files' quirks:
//   header      number, date, place, issuer, title, legal bases, signer
//               (ReadDecisionHeader);
//   articles    "Điều 1. ..." up to "Nơi nhận:" — scanned for reporting
//               obligations;
//   programme   after the signature, up to the first appendix: its title in
//               capitals, then an outline (I., 1., 1.1., a), -, +) nested by
//               the order the document first uses each form. Sections are
//               classified by their headings (objectives, requirements,
//               tasks, organisation, reporting); quantitative targets are
//               the percentages in the objective sections, each with the
//               year it is for; reporting obligations are the "trước ngày
//               ... / chậm nhất ngày ..." deadlines of sentences that send a
//               report, with the recipients named;
//   appendices  a heading block (PHỤ LỤC ..., a title in capitals, "(Ban
//               hành kèm theo ...)") then a table starting at "TT"/"STT":
//               an indicator table when its header has a unit of measure and
//               target years, otherwise a task table;
//   footnotes   "[1]" lines whose mark was already used in the text.
// Whatever cannot be placed is returned in `unplaced` with its lines.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "programmes/indicator_table.h"
#include "programmes/tasks.h"

namespace bhxh {

struct Section {
  std::string id;   // as written: II, 1, 1.1, a, -
  std::string key;  // unique: II.1.a
  std::string parent_key;
  int level = 0;
  std::string role;  // objectives | requirements | tasks | organisation | reporting | ""
  std::string text;
  int first_line = 0, last_line = 0;
};

struct QuantTarget {
  std::string text;       // the clause, as written
  std::string qualifier;  // khoảng | trên | tối thiểu | đạt | dưới | ""
  double value = 0;       // in `unit`
  std::string unit = "%";  // % | người | lao động | doanh nghiệp | đơn vị | hộ
  std::optional<int> year;
  std::string section_key;
  int line = 0;
};

struct ReportDue {
  std::string name;          // "Báo cáo năm", "báo cáo thực hiện Chương trình hành động ..."
  std::string kind;          // annual | midterm | final | other
  std::string recurrence;    // yearly | once
  int day = 0, month = 0;    // yearly: the day each year
  std::optional<Date> date;  // once: the date
  std::string recipients;    // as written
  std::vector<std::string> recipient_units;
  std::string text;  // the sentence
  int line = 0;
};

struct Appendix {
  std::string label;  // "PHỤ LỤC I", "" when the heading has none
  std::string title;
  std::string kind;  // tasks | indicators
  int first_line = 0, header_line = 0, last_line = 0;
};

struct Footnote {
  std::string mark, text;
  int first_line = 0, last_line = 0;
};

struct TaskEntry {  // a task with the appendix it came from
  int appendix = 0;
  TaskRow row;
};

struct ImportedProgramme {
  DecisionHeader decision;
  std::string programme_title;
  std::vector<Section> sections;
  std::vector<QuantTarget> targets;
  std::vector<ReportDue> reports;
  std::vector<Appendix> appendices;
  std::vector<TaskGroup> groups;
  std::vector<TaskEntry> tasks;
  std::vector<IndicatorRow> indicators;
  std::vector<Footnote> footnotes;
  std::vector<Unplaced> unplaced;
  int stated_total = -1;                         // "TỔNG SỐ" of a task table, when stated
  std::optional<Date> period_start, period_end;  // from the decision date to the last deadline or target year
  std::string source_format = "text";  // the file's kind (formats.h): text, docx, pdf, html, markdown
};

constexpr size_t kMaxDecisionBytes = 2 * 1024 * 1024;
constexpr size_t kMaxLineBytes = 8000;
constexpr size_t kMaxDecisionFileBytes = 20 * 1024 * 1024;  // a Word file with a scanned signature page

// Fails with code "not_a_decision" when the text is not such a decision,
// "invalid_input" when it is over kMaxDecisionBytes or has a line over
// kMaxLineBytes,
// and "no_programme" when it is one but has neither tasks, indicators nor
// programme text.
Result<ImportedProgramme> ImportDecision(std::string_view text, const UnitRegistry& units);

// A decision in any of the forms of formats.h: the file is read into the
// importer's text (`*text`, what is stored and what line numbers refer
// to), then imported. Unreadable files fail with field "file".
Result<ImportedProgramme> ImportDecisionFile(std::string_view bytes, const UnitRegistry& units, std::string* text);

}  // namespace bhxh
