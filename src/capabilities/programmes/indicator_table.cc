#include "programmes/indicator_table.h"

#include <cstdio>

#include "base/parse.h"
#include "base/re.h"
#include "base/text.h"
#include "programmes/table.h"

namespace bhxh {
namespace {

std::string YearIn(const std::string& s) {
  static const Regex year(R"((19|20)\d\d)");
  Regex::Groups m;
  return year.Search(s, &m) ? Str(m, 0) : "";
}

// "Thực hiện năm 2023", "Ước thực hiện 2024", "Năm gốc 2020": what was
// achieved, the baseline of the path to the targets.
bool IsActualYearHeader(const std::string& folded) {
  if (YearIn(folded).empty()) return false;
  return folded.find("thuc hien") != std::string::npos || folded.rfind("uoc ", 0) == 0 ||
         folded.find("dat duoc") != std::string::npos || folded.find("nam goc") != std::string::npos ||
         folded.find("co so") != std::string::npos;
}

// "Chỉ tiêu phấn đấu năm 2025", "Mục tiêu năm 2030", "Kế hoạch 2026", "Năm 2025".
bool IsTargetYearHeader(const std::string& folded) {
  if (IsActualYearHeader(folded)) return false;
  if (YearIn(folded).empty()) return false;
  return folded.find("chi tieu") != std::string::npos || folded.find("muc tieu") != std::string::npos ||
         folded.find("ke hoach") != std::string::npos || folded.rfind("nam ", 0) == 0;
}

bool IsMeasure(const std::string& s) {
  std::string f = FoldOrSelf(s);
  for (const char* m :
       {"%", "nguoi", "luot", "lan", "don vi", "ty dong", "trieu dong", "dong", "ngay", "ho so", "so", "diem"})
    if (f == m) return true;
  return false;
}

}  // namespace

std::optional<double> TargetNumber(const std::string& written) {
  static const Regex num(R"(\d{1,6}([.,]\d{1,4})?)");
  if (!num.FullMatch(written)) return std::nullopt;
  std::string s = written;
  std::replace(s.begin(), s.end(), ',', '.');
  auto v = ParseDouble(s, "value");
  return v.ok() ? std::optional<double>(*v) : std::nullopt;
}

std::string DecimalText(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

bool IsIndicatorHeader(const std::vector<std::string>& header) {
  bool measure = false, year = false;
  for (const auto& h : header) {
    std::string f = FoldOrSelf(h);
    measure |= f.find("don vi tinh") != std::string::npos;
    year |= IsTargetYearHeader(f);
  }
  return measure && year;
}

Result<IndicatorTable> ReadIndicatorTable(const std::vector<SourceLine>& lines, size_t from, size_t end,
                                          const std::set<std::string>& vocab, const UnitRegistry& units) {
  IndicatorTable t;
  end = std::min(end, lines.size());
  size_t h = FindTableHeader(lines, from, end);
  if (h == end)
    return Status::NotFound("table", "Không thấy bảng chỉ tiêu (dòng tiêu đề TT/STT)", "no indicator table header");
  t.header_line = lines[h].number;
  size_t body = 0;
  std::vector<std::string> header = ReadHeaderCells(lines, h, end, &body);
  if (!IsIndicatorHeader(header))
    return Status::Invalid("table", "Bảng không có cột đơn vị tính và chỉ tiêu theo năm", "not an indicator table");
  int unit_columns = 0;
  struct ValueColumn {
    bool actual;
    std::string year;
  };
  std::vector<ValueColumn> value_columns;  // in the header's order
  for (const auto& hc : header) {
    std::string f = FoldOrSelf(hc);
    if (f.find("don vi tinh") != std::string::npos) continue;
    if (IsActualYearHeader(f))
      value_columns.push_back({true, YearIn(f)});
    else if (IsTargetYearHeader(f))
      t.years.push_back(YearIn(f)), value_columns.push_back({false, YearIn(f)});
    else if (f.find("chu tri") != std::string::npos || f.find("phoi hop") != std::string::npos)
      ++unit_columns;
  }
  std::vector<TableCell> cells = ReadTableCells(lines, body, end, vocab);

  // Rows: a number cell that is the next in sequence and is followed by a name.
  std::vector<std::vector<TableCell>> rows;
  int next_id = 1;
  for (size_t k = 0; k < cells.size(); ++k) {
    const std::string& x = cells[k].text;
    bool starts = IsDigits(x) && DigitsValue(x) == next_id && k + 1 < cells.size() && !TargetNumber(cells[k + 1].text);
    if (starts) ++next_id;
    bool sub = FoldOrSelf(x).rfind("trong do", 0) == 0 && !rows.empty();
    if (starts || sub || rows.empty()) rows.push_back({});
    rows.back().push_back(cells[k]);
  }

  std::vector<std::string> lead, coord;  // spanning unit cells, inherited downwards
  int subs = 0;
  std::string last_key;
  for (auto& c : rows) {
    IndicatorRow r;
    size_t k = 0;
    if (IsDigits(c[0].text)) {
      r.id = r.key = c[0].text;
      last_key = r.key;
      subs = 0;
      k = 1;
    } else if (FoldOrSelf(c[0].text).rfind("trong do", 0) == 0) {
      r.part_of = last_key;
      r.key = last_key + "." + std::to_string(++subs);
      std::string name = c[0].text.substr(c[0].text.find(':') == std::string::npos ? 0 : c[0].text.find(':') + 1);
      c[0].text = Trim(name);
    } else {
      for (const auto& x : c) t.unplaced.push_back({x.first, x.last, x.text});
      continue;
    }
    r.first_line = c.front().first;
    r.last_line = c.back().last;
    std::vector<std::string> targets;
    std::vector<UnitResolution> unit_cells;
    for (; k < c.size(); ++k) {
      const std::string& x = c[k].text;
      UnitResolution ur;
      bool unit =
          StartsLikeUnitName(x) || (x.size() < 80 && (ur = units.ResolveList(x)).unknown.empty() && !ur.ids.empty());
      if (unit) {
        unit_cells.push_back(units.ResolveList(x));
      } else if (IsMeasure(x) && r.measure.empty() && !r.name.empty()) {
        r.measure = x;
      } else if (!r.name.empty() && (TargetNumber(x) || (targets.size() < value_columns.size() && x.size() < 40))) {
        targets.push_back(x);
      } else if (targets.empty() && r.measure.empty()) {
        r.name = r.name.empty() ? x : JoinLines({{0, false, r.name}, {0, false, x}}, 0, 2, vocab);
      } else {
        t.unplaced.push_back({c[k].first, c[k].last, x});
      }
    }
    // Values fill the value columns in order; one value for several target
    // columns is a merged cell and applies to each target year.
    if (targets.size() == value_columns.size()) {
      for (size_t i = 0; i < targets.size(); ++i)
        (value_columns[i].actual ? r.actuals : r.targets)[value_columns[i].year] = targets[i];
    } else if (targets.size() == 1 && t.years.size() > 1) {
      for (const auto& y : t.years) r.targets[y] = targets[0];
      r.targets_merged = true;
    } else {
      // Fewer values than columns: the targets are the last columns written.
      size_t skip = targets.size() > t.years.size() ? targets.size() - t.years.size() : 0;
      for (size_t i = 0; i < skip; ++i) t.unplaced.push_back({r.first_line, r.last_line, targets[i]});
      for (size_t i = skip; i < targets.size(); ++i) r.targets[t.years[i - skip]] = targets[i];
    }
    // Unit cells fill the rightmost unit columns; the rest continue from above.
    if (unit_columns >= 2) {
      if (unit_cells.size() >= 2)
        lead = unit_cells[0].ids, coord = unit_cells[1].ids;
      else if (unit_cells.size() == 1)
        coord = unit_cells[0].ids, r.lead_inherited = true;
      else
        r.lead_inherited = r.coordinating_inherited = true;
      r.lead_units = lead;
      r.coordinating_units = coord;
    } else if (!unit_cells.empty()) {
      lead = unit_cells[0].ids;
      r.lead_units = lead;
    } else {
      r.lead_units = lead;
      r.lead_inherited = true;
    }
    for (const auto& u : unit_cells)
      for (const auto& n : u.unknown) r.unknown_units.push_back(n);
    t.rows.push_back(std::move(r));
  }
  return t;
}

}  // namespace bhxh
