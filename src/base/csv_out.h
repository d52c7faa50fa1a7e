// CSV for people to open in a spreadsheet: UTF-8 with a byte-order mark
// (without it Excel shows Vietnamese as mojibake), RFC 4180 quoting, and
// no cell that a spreadsheet would run as a formula — a cell starting with
// '=', '+', '-', '@', a tab or a carriage return gets a leading apostrophe
// (OWASP's advice against CSV injection), unless it is a plain number.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bhxh {

class CsvWriter {
 public:
  explicit CsvWriter(bool bom = true);
  void Row(const std::vector<std::string>& cells);
  const std::string& text() const { return out_; }

 private:
  std::string out_;
};

// One cell as written (quoted when needed, formulas neutralised).
std::string CsvCell(std::string_view s);

}  // namespace bhxh
