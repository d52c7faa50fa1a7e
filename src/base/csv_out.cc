#include "base/csv_out.h"

namespace bhxh {
namespace {
bool PlainNumber(std::string_view s) {
  size_t i = s.size() > 1 && s[0] == '-' ? 1 : 0;
  if (i == s.size()) return false;
  bool dot = false;
  for (; i < s.size(); ++i) {
    if (s[i] == '.' && !dot) dot = true;
    else if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}
}  // namespace

std::string CsvCell(std::string_view s) {
  std::string v(s);
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r') &&
      !PlainNumber(v))
    v.insert(v.begin(), '\'');
  bool quote = v.find_first_of(",;\"\n\r") != std::string::npos || (!v.empty() && (v.front() == ' ' || v.back() == ' '));
  if (!quote) return v;
  std::string o = "\"";
  for (char c : v) {
    if (c == '"') o += "\"\"";
    else o.push_back(c);
  }
  return o + "\"";
}

CsvWriter::CsvWriter(bool bom) {
  if (bom) out_ = "\xEF\xBB\xBF";
}

void CsvWriter::Row(const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out_.push_back(',');
    out_ += CsvCell(cells[i]);
  }
  out_ += "\r\n";
}

}  // namespace bhxh
