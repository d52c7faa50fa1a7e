#include "programmes/table.h"

#include <algorithm>

#include "base/parse.h"
#include "base/re.h"
#include "base/text.h"

namespace bhxh {
namespace {

bool IsDocNumber(const std::string& s) {
  static const Regex doc(R"(\d+[\d/]*\s*/\s*[A-ZĐ]+[-A-ZĐa-z/ ]*)");
  return s.size() < 40 && doc.FullMatch(s);
}

std::string FirstCodePoint(std::string_view s) {
  if (s.empty()) return "";
  unsigned char c = static_cast<unsigned char>(s[0]);
  size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  return std::string(s.substr(0, std::min(n, s.size())));
}

// "S", "nh", "Ứ": too short to be a cell and without a vowel, or a lone
// non-ASCII letter — a piece of a word broken across lines.
bool IsFragment(const std::string& s) {
  if (s.size() > 4 || s.find(' ') != std::string::npos) return false;
  bool capitals = s.size() >= 2 && std::all_of(s.begin(), s.end(), [](char c) {
                    return (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
                  });
  if (capitals || IsRowId(s)) return false;  // "BHXH", "PC", "V": whole
  std::string f = FoldOrSelf(s);
  bool letters = std::all_of(f.begin(), f.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  return letters && !f.empty() && f.find_first_of("aeiouy") == std::string::npos;
}

bool StartsUpper(std::string_view s) {
  std::string c = FirstCodePoint(s);
  return !c.empty() && CaseFold(c) != c;
}

}  // namespace

bool StartsLikeUnitName(const std::string& s) {
  std::string t = s;
  if (!t.empty() && (t[0] == '-' || t[0] == '+')) t = Trim(t.substr(1));
  std::string f = FoldOrSelf(t);
  for (const char* p : {"cac don vi", "mot so don vi", "cac vu", "cac ban", "cac co quan", "bhxh ", "bao hiem xa hoi "})
    if (f.rfind(p, 0) == 0) return true;
  for (const char* k : {"Vụ ", "Ban ", "Cục ", "Bộ ", "Trung tâm ", "Viện ", "Sở ", "Tổng cục ", "Ngân hàng ",
                        "Hội đồng ", "Báo ", "Tạp chí ", "Kiểm toán ", "Thanh tra ", "Ủy ban "}) {
    std::string key(k);
    if (t.rfind(key, 0) == 0 && StartsUpper(std::string_view(t).substr(key.size())))
      return true;  // "Ban Thực hiện", not "Ban hành"
  }
  for (const char* k : {"Văn phòng", "Đảng ủy", "Công đoàn", "UBND"})
    if (t.rfind(k, 0) == 0) return true;
  return false;
}

bool ShapedLikeName(const std::string& s) {
  if (s.size() > 120 || !StartsUpper(s) || s.back() == '.' || s.back() == ':') return false;
  return std::count(s.begin(), s.end(), ' ') < 12;
}

bool IsRowId(const std::string& s) {
  static const Regex id(R"(\d{1,2}(\.\d{1,2}){0,3}\.?|\d \d|[IVX]{1,5}|[a-zđ]\))");
  return id.FullMatch(s);
}

std::optional<std::pair<std::string, std::string>> NumberedTitle(const std::string& s, bool marked) {
  static const Regex numbered(R"(([IVX]{1,5}|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ]\))\.?\s*[-–:]?\s+(\S.*))");
  Regex::Groups g;
  if (!numbered.FullMatch(s, &g) || !IsRowId(Str(g, 1))) return std::nullopt;
  std::string id = Str(g, 1);
  if (marked && RowIdForm(id) != "R" && id.back() != ')' && s[id.size()] != '.') return std::nullopt;
  return std::make_pair(id, Str(g, 2));
}

std::string NormalizeRowId(std::string id) {
  if (id.size() == 3 && id[1] == ' ') id.erase(1, 1);
  if (!id.empty() && id.back() == '.') id.pop_back();
  return id;
}

std::string RowIdForm(const std::string& id) {
  static const Regex roman(R"([IVX]{1,5})");
  if (roman.FullMatch(id)) return "R";
  if (!id.empty() && id.back() == ')') return "L";
  return "N" + std::to_string(std::count(id.begin(), id.end(), '.'));
}

size_t FindTableHeader(const std::vector<SourceLine>& lines, size_t from, size_t end) {
  end = std::min(end, lines.size());
  size_t h = from;
  auto header = [](const std::string& t) {
    if (t == "TT" || t == "STT") return true;
    std::string f = FoldOrSelf(t);
    return f == "so tt" || f == "so thu tu" || f == "stt." || f == "tt.";
  };
  while (h < end && !header(lines[h].text)) ++h;
  return h;
}

std::vector<std::string> ReadHeaderCells(const std::vector<SourceLine>& lines, size_t h, size_t end, size_t* body) {
  std::vector<std::string> header;
  size_t i = h + 1;
  end = std::min(end, lines.size());
  while (i < end && !IsRowId(lines[i].text)) {
    if (lines[i].indented && !header.empty())
      header.back() += " " + lines[i].text;
    else
      header.push_back(lines[i].text);
    ++i;
  }
  *body = i;
  return header;
}

std::vector<std::string> ReadHeaderColumns(const std::vector<SourceLine>& lines, size_t h, size_t end, size_t* body) {
  end = std::min(end, lines.size());
  const int base = lines[h].column;
  std::vector<std::string> columns;
  auto put = [&](int col, int span, const std::string& text) {
    for (int c = std::max(col, base + 1); c < col + span; ++c) {
      size_t k = static_cast<size_t>(c - base - 1);
      if (columns.size() <= k) columns.resize(k + 1);
      columns[k] += (columns[k].empty() ? "" : " ") + text;
    }
  };
  size_t i = h + 1;
  // A row's id, or a group row: its number and title in one cell merged
  // across the table, or alone in its row (a page without colspan).
  auto row_start = [&](size_t k) {
    if (lines[k].column != base) return false;
    if (IsRowId(lines[k].text)) return true;
    const bool alone = k + 1 >= end || lines[k + 1].column == base;
    return (lines[k].span > 1 && NumberedTitle(lines[k].text)) || (alone && NumberedTitle(lines[k].text, true));
  };
  for (; i < end && !row_start(i); ++i)
    if (lines[i].column >= 0)
      put(lines[i].column, lines[i].span, lines[i].text);
    else if (lines[i].indented && !columns.empty())
      columns.back() += " " + lines[i].text;
  // "1 | 2 | 3 ..." or "(1) | (2) ...": the columns' numbers, not a task.
  auto number_of = [](std::string t) {
    if (t.size() > 2 && t.front() == '(' && t.back() == ')') t = t.substr(1, t.size() - 2);
    return IsDigits(t) ? DigitsValue(t) : -1;
  };
  if (i < end && number_of(lines[i].text) == 1) {
    size_t j = i + 1;
    int expect = 2;
    while (j < end && lines[j].column > base && number_of(lines[j].text) == expect) ++j, ++expect;
    if (expect > 2 && (j >= end || row_start(j))) i = j;
  }
  *body = i;
  return columns;
}

std::vector<TableCell> ReadTableCells(const std::vector<SourceLine>& lines, size_t from, size_t end,
                                      const std::set<std::string>& vocab,
                                      const std::function<bool(const std::string&)>& complete) {
  std::vector<TableCell> cells;
  end = std::min(end, lines.size());
  for (size_t i = from; i < end; ++i) {
    const SourceLine& l = lines[i];
    if (FoldOrSelf(l.text).rfind("tai van ban", 0) == 0) break;  // the page's footer
    // A source that knew its grid says where each cell starts; its
    // paragraphs are whole, so they join with a space and nothing is guessed.
    if (l.column >= 0) {
      cells.push_back({i, i + 1, l.number, l.number, l.text, l.column, l.span, {l.text}});
      continue;
    }
    if (!cells.empty() && cells.back().column >= 0 && l.indented) {
      cells.back().end = i + 1;
      cells.back().last = l.number;
      cells.back().text += " " + l.text;
      cells.back().parts.push_back(l.text);
      continue;
    }
    // "5" / "." / "7": an id broken over three lines is 5.7.
    if (i + 2 < end && IsDigits(l.text) && lines[i + 1].text == "." && IsDigits(lines[i + 2].text) &&
        l.text.size() <= 2 && lines[i + 2].text.size() <= 2) {
      cells.push_back({i, i + 3, l.number, lines[i + 2].number, l.text + "." + lines[i + 2].text});
      i += 2;
      continue;
    }
    bool cont = false;
    if (!cells.empty() && !IsRowId(l.text) && !IsRowId(cells.back().text)) {
      unsigned char c0 = static_cast<unsigned char>(l.text[0]);
      bool fragment = IsFragment(l.text) && !(complete && StartsUpper(l.text) && complete(cells.back().text));
      cont = l.indented || IsDocNumber(l.text) || StartsLowerCase(l.text) || fragment ||
             (l.text.size() > 1 && l.text[0] == '-' && l.text[1] != ' ') ||         // "01/N" "Q" "-CP"
             cells.back().text.back() == '-' || cells.back().text.back() == '/' ||  // "63/NQ-" "CP"
             std::string(".,;:)(").find(static_cast<char>(c0)) != std::string::npos;
      // A whole known unit name on its own line starts its cell, however
      // the previous cell ends ("Nhiệm vụ B" / "Trung tâm Công nghệ thông tin").
      bool known_name = !l.indented && complete && StartsUpper(l.text) && complete(l.text);
      if (known_name) cont = false;
      if (!cont && !known_name) {  // a syllable broken across lines
        std::string joined = JoinLines({{0, false, cells.back().text}, {0, false, l.text}}, 0, 2, vocab);
        cont = joined.size() == cells.back().text.size() + l.text.size();
      }
    }
    if (cont) {
      cells.back().end = i + 1;
      cells.back().last = l.number;
      cells.back().text = JoinLines({{0, false, cells.back().text}, {0, l.indented, l.text}}, 0, 2, vocab);
    } else {
      cells.push_back({i, i + 1, l.number, l.number, l.text});
    }
  }
  // Rejoin each cell over its whole range, so a lone fragment line is read
  // with the line after it ("Ban" / "S" / "ổ, thẻ" is "Ban Sổ, thẻ").
  for (auto& c : cells)
    if (c.end - c.begin > 1 && c.column < 0 && !IsRowId(c.text)) c.text = JoinLines(lines, c.begin, c.end, vocab);
  return cells;
}

}  // namespace bhxh
