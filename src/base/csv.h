// A small RFC 4180 CSV reader for the dated law files, province lists and
// bank statements. Quoted fields may hold commas, quotes ("") and newlines.
// Rows keep their 1-based line number so errors can point at the source.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace bhxh {

struct CsvRow {
  int line = 0;
  std::vector<std::string> cells;
};

struct CsvTable {
  std::vector<std::string> header;
  std::vector<CsvRow> rows;
  // Index of a header column, or -1.
  int Column(std::string_view name) const;
};

// Parses text whose first row is the header. Lines starting with '#' before
// the header are comments. Blank lines are skipped. A UTF-8 byte-order mark
// is ignored, and the separator is ',' or ';' (Excel in Vietnamese), as the
// header line shows.
Result<CsvTable> ParseCsv(std::string_view text, const std::string& source);
Result<CsvTable> ReadCsvFile(const std::string& path);
Result<std::string> ReadFile(const std::string& path);

}  // namespace bhxh
