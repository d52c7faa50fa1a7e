// How the CLI writes for people: Vietnamese number and date forms and
// tables aligned by what a terminal shows, not by bytes ("Hợp tác xã" is 10
// columns but 14 bytes).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace bhxh {

// 1234567 → "1.234.567"
std::string NumberVi(int64_t v);
// 1234567 → "1.234.567 đ"
std::string MoneyVi(int64_t v);
// 12.5 → "12,5"; `decimals` after the comma, trailing zeros kept.
std::string DecimalVi(double v, int decimals);
// "17.5" (a percent as the API writes it) → "17,5%"
std::string PercentTextVi(std::string_view text);
// "2025-07-01" → "01/07/2025", "2025-07" → "07/2025", "2025-07-01T03:04:05Z" → "01/07/2025 10:04"
// (Vietnam time); anything else unchanged.
std::string DateVi(std::string_view iso);
// Columns a terminal uses for `s` (East Asian wide characters count 2, marks 0).
size_t DisplayWidth(std::string_view s);
// `s` cut to at most `width` columns, "…" marking the cut.
std::string FitWidth(std::string_view s, size_t width);

class TextTable {
 public:
  enum class Align { kLeft, kRight };
  struct Column {
    std::string title;
    Align align = Align::kLeft;
    size_t max_width = 48;
  };
  explicit TextTable(std::vector<Column> columns) : cols_(std::move(columns)) {}
  void Row(std::vector<std::string> cells);
  size_t rows() const { return rows_.size(); }
  // Header, a rule, the rows; columns padded to their widest cell.
  void Print(std::ostream& out) const;

 private:
  std::vector<Column> cols_;
  std::vector<std::vector<std::string>> rows_;
};

// "Nhãn: giá trị" lines with the values aligned.
void PrintFields(std::ostream& out, const std::vector<std::pair<std::string, std::string>>& fields, int indent = 0);

}  // namespace bhxh
