#include "base/table_file.h"

#include <algorithm>

#include "base/text.h"
#include "base/xlsx.h"

namespace bhxh {

Result<CsvTable> ReadTableBytes(std::string_view bytes, const std::string& source) {
  if (LooksLikeXlsx(bytes)) return ReadXlsxFirstSheet(bytes, source);
  return ParseCsv(bytes, source);
}

std::string HeaderKey(const std::string& h) {
  std::string f = FoldOrSelf(h), out;
  int depth = 0;
  for (char c : f) {
    if (c == '(') ++depth;
    else if (c == ')') depth = std::max(0, depth - 1);
    else if (depth == 0) out.push_back(c == '_' ? ' ' : c);
  }
  std::string collapsed;
  for (char c : out)
    if (c != ' ' || (!collapsed.empty() && collapsed.back() != ' ')) collapsed.push_back(c);
  return Trim(collapsed);
}

int FindColumn(const CsvTable& t, const std::string& name, const std::vector<std::string>& aliases) {
  if (int i = t.Column(name); i >= 0) return i;
  for (size_t i = 0; i < t.header.size(); ++i)
    if (std::find(aliases.begin(), aliases.end(), HeaderKey(t.header[i])) != aliases.end()) return static_cast<int>(i);
  return -1;
}

}  // namespace bhxh
