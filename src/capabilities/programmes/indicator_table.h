// Indicator tables of a decision's appendices (249/QĐ-BHXH Appendix I: the
// strategy's 14 indicators). Header cells give the roles: the indicator
// name ("Chỉ tiêu"), the unit of measure ("Đơn vị tính"), one target column
// per year ("Chỉ tiêu phấn đấu năm 2025"), the unit in charge of reporting
// ("chủ trì") and the coordinating unit ("phối hợp"); a column "Thực hiện
// năm 2023" gives what was achieved (the baseline). A row starts at the
// next number in sequence (so a target "5" is not taken for row 5); a cell
// "Trong đó: ..." starts a sub-indicator of the row above.
//
// The page drops merged cells: a unit cell that spans rows appears only in
// its first row, and one target written across both year columns appears
// once. So a row with fewer unit cells than unit columns fills the
// rightmost columns and inherits the rest from the row above (marked
// inherited), and a single target applies to every year (marked merged).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "programmes/tasks.h"

namespace bhxh {

struct IndicatorRow {
  std::string id;       // as written; empty for a "Trong đó" sub-indicator
  std::string key;      // "1", "1.1" for the first sub-indicator of 1
  std::string part_of;  // key of the indicator a sub-indicator belongs to
  std::string name, measure;
  std::map<std::string, std::string> targets;  // year → as written ("2,5", "Hoàn thành")
  std::map<std::string, std::string> actuals;  // year → achieved, where the table has "Thực hiện năm ..."
  bool targets_merged = false;
  std::vector<std::string> lead_units, coordinating_units, unknown_units;
  bool lead_inherited = false, coordinating_inherited = false;
  int first_line = 0, last_line = 0;
};

struct IndicatorTable {
  std::vector<std::string> years;  // target columns, in order
  std::vector<IndicatorRow> rows;
  std::vector<Unplaced> unplaced;
  int header_line = 0;
};

// True when header cells name a unit of measure and target years.
bool IsIndicatorHeader(const std::vector<std::string>& header);

// Reads the indicator table whose "TT" line is at or after `from`, in [from, end).
Result<IndicatorTable> ReadIndicatorTable(const std::vector<SourceLine>& lines, size_t from, size_t end,
                                          const std::set<std::string>& vocab, const UnitRegistry& units);

// The numeric value of a target as written ("2,5" → 2.5), if it is a number.
std::optional<double> TargetNumber(const std::string& written);
// How indicator values are stored: two decimals, a point ("92.36").
std::string DecimalText(double v);

}  // namespace bhxh
