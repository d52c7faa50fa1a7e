#include "programs/tasks.h"

#include <regex>

#include "base/text.h"

namespace bhxh {
namespace {

std::string Fold(const std::string& s) {
  auto f = FoldForSearch(s);
  return f.ok() ? *f : s;
}

bool IsId(const std::string& s) {
  static const std::regex id(R"(^(\d{1,2}(\.\d{1,2}){0,3}\.?|[IVX]{1,5}|[a-zđ]\))$)");
  return std::regex_match(s, id);
}

bool IsDocNumber(const std::string& s) {
  static const std::regex doc(R"(^\d+[\d/]*\s*/\s*[A-ZĐ]+[-A-ZĐa-z/ ]*$)");
  return s.size() < 40 && std::regex_match(s, doc);
}

bool IsLeader(const std::string& s) {
  std::string f = Fold(s);
  return f.rfind("ptgd", 0) == 0 || f.rfind("pho tgd", 0) == 0 || f.rfind("tong giam doc", 0) == 0 ||
         f.rfind("tgd", 0) == 0 || f.rfind("pho tong giam doc", 0) == 0;
}

// The bytes of the first UTF-8 code point of `s` (empty for empty input).
std::string FirstCodePoint(std::string_view s) {
  if (s.empty()) return "";
  unsigned char c = static_cast<unsigned char>(s[0]);
  size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  return std::string(s.substr(0, std::min(n, s.size())));
}

bool StartsUpper(std::string_view s) {
  std::string c = FirstCodePoint(s);
  return !c.empty() && CaseFold(c) != c;
}

bool StartsLower(std::string_view s) {
  std::string c = FirstCodePoint(s);
  if (c.empty()) return false;
  unsigned char b = static_cast<unsigned char>(c[0]);
  if (b < 0x80) return b >= 'a' && b <= 'z';
  return CaseFold(c) == c;  // a letter that folds to itself is lower case (or caseless)
}

bool StartsLikeUnit(const std::string& s) {
  std::string t = s;
  if (!t.empty() && (t[0] == '-' || t[0] == '+')) t = Trim(t.substr(1));
  std::string f = Fold(t);
  for (const char* p : {"cac don vi", "mot so don vi", "cac vu", "cac ban", "cac co quan", "bhxh ", "bao hiem xa hoi "})
    if (f.rfind(p, 0) == 0) return true;
  for (const char* k : {"Vụ ", "Ban ", "Cục ", "Bộ ", "Trung tâm ", "Viện ", "Sở ", "Tổng cục ", "Ngân hàng ", "Hội đồng ",
                        "Báo ", "Tạp chí ", "Kiểm toán ", "Thanh tra ", "Ủy ban "}) {
    std::string key(k);
    if (t.rfind(key, 0) == 0 && StartsUpper(std::string_view(t).substr(key.size()))) return true;  // "Ban Thực hiện", not "Ban hành"
  }
  for (const char* k : {"Văn phòng", "Đảng ủy", "Công đoàn", "UBND"})
    if (t.rfind(k, 0) == 0) return true;
  return false;
}

struct Cell {
  int first = 0, last = 0;
  std::string text;
};

}  // namespace

Result<TaskTable> ReadTaskTable(const std::vector<SourceLine>& lines, size_t from, const std::set<std::string>& vocab,
                                const UnitRegistry& units) {
  TaskTable t;
  // Header: "STT" or "TT" and the cells up to the first id.
  size_t h = from;
  while (h < lines.size() && lines[h].text != "STT" && lines[h].text != "TT") ++h;
  if (h == lines.size()) return Status::NotFound("table", "Không thấy bảng nhiệm vụ (dòng tiêu đề STT/TT)", "no task table header");
  size_t i = h + 1;
  std::vector<std::string> header;
  while (i < lines.size() && !IsId(lines[i].text)) {
    if (lines[i].indented && !header.empty()) header.back() += " " + lines[i].text;
    else header.push_back(lines[i].text);
    ++i;
  }
  int time_cols = 0;
  bool has_leader = false, has_count = false, has_lead = false, has_plan = false;
  for (const auto& hc : header) {
    std::string f = Fold(hc);
    std::string role = "other";
    if (f.find("tong so") != std::string::npos) role = "count", has_count = true;
    else if (f.find("da giao") != std::string::npos) role = "plan", has_plan = true;
    else if (f.find("noi dung") != std::string::npos || f.find("nhiem vu") != std::string::npos) role = "content";
    else if (f.find("chu tri") != std::string::npos) role = "lead", has_lead = true;
    else if (f.find("phoi hop") != std::string::npos) role = "coordinating";
    else if (f.find("da giao") != std::string::npos) role = "plan", has_plan = true;
    else if (f.find("thoi gian") != std::string::npos || f.find("thoi diem") != std::string::npos) role = "time", ++time_cols;
    else if (f.find("lanh dao") != std::string::npos) role = "leader", has_leader = true;
    t.columns.push_back(role);
  }
  // Cells of the body.
  std::vector<Cell> cells;
  for (; i < lines.size(); ++i) {
    const SourceLine& l = lines[i];
    std::string f = Fold(l.text);
    if (f.rfind("tai van ban", 0) == 0 || f.rfind("phu luc", 0) == 0) break;  // the page's footer / next appendix
    bool cont = false;
    if (!cells.empty() && !IsId(l.text)) {
      unsigned char c0 = static_cast<unsigned char>(l.text[0]);
      cont = l.indented || IsDocNumber(l.text) || StartsLower(l.text) ||
             std::string(".,;:)(").find(static_cast<char>(c0)) != std::string::npos;
      if (!cont) {  // a syllable broken across lines
        std::string joined = JoinLines({{0, false, cells.back().text}, {0, false, l.text}}, 0, 2, vocab);
        cont = joined.size() == cells.back().text.size() + l.text.size();
      }
    }
    if (cont) {
      cells.back().text = JoinLines({{0, false, cells.back().text}, {0, l.indented, l.text}}, 0, 2, vocab);
      cells.back().last = l.number;
    } else {
      cells.push_back({l.number, l.number, l.text});
    }
  }
  // Rows.
  struct RawRow { std::vector<Cell> cells; };
  std::vector<RawRow> rows;
  for (size_t k = 0; k < cells.size(); ++k) {
    std::string f = Fold(cells[k].text);
    if (f == "tong so" || f == "tong cong") {
      if (k + 1 < cells.size() && IsDigits(cells[k + 1].text)) t.stated_total = std::stoi(cells[k + 1].text);
      break;
    }
    bool id = IsId(cells[k].text);
    // A bare number right after a group title, before the group's first child, is the group's task count.
    if (id && has_count && !rows.empty() && rows.back().cells.size() == 2 && IsDigits(cells[k].text) &&
        k + 1 < cells.size() && cells[k + 1].text.rfind(rows.back().cells[0].text + ".", 0) == 0) {
      rows.back().cells.push_back(cells[k]);
      continue;
    }
    if (id || rows.empty()) rows.push_back({});
    rows.back().cells.push_back(cells[k]);
  }
  auto parent_of = [](const std::string& id) {
    size_t dot = id.rfind('.');
    return dot == std::string::npos ? std::string() : id.substr(0, dot);
  };
  for (size_t r = 0; r < rows.size(); ++r) {
    auto& c = rows[r].cells;
    if (c.empty() || !IsId(c[0].text)) {
      for (const auto& x : c) t.unplaced.push_back({x.first, x.last, x.text});
      continue;
    }
    std::string id = c[0].text;
    if (!id.empty() && id.back() == '.') id.pop_back();
    static const std::regex roman(R"(^[IVX]{1,5}$)");
    bool has_child = r + 1 < rows.size() && !rows[r + 1].cells.empty() &&
                     (parent_of(rows[r + 1].cells[0].text) == id ||
                      (std::regex_match(id, roman) && !std::regex_match(rows[r + 1].cells[0].text, roman)));
    if (has_child) {
      TaskGroup g;
      g.id = id;
      if (c.size() > 1) g.title = c[1].text;
      if (c.size() > 2 && IsDigits(c[2].text)) g.stated_count = std::stoi(c[2].text);
      UnitResolution ur = units.ResolveList(g.title);
      if (ur.unknown.empty()) g.units = ur.ids;
      for (size_t k = (g.stated_count >= 0 ? 3 : 2); k < c.size(); ++k) t.unplaced.push_back({c[k].first, c[k].last, c[k].text});
      t.groups.push_back(std::move(g));
      continue;
    }
    TaskRow task;
    task.id = id;
    task.first_line = c.front().first;
    task.last_line = c.back().last;
    for (size_t gi = t.groups.size(); gi-- > 0;)
      if (parent_of(id) == t.groups[gi].id || id.rfind(t.groups[gi].id + ".", 0) == 0 ||
          (std::regex_match(t.groups[gi].id, roman) && parent_of(id).empty())) {
        task.group_id = t.groups[gi].id;
        ++t.groups[gi].tasks;
        task.lead_units = t.groups[gi].units;
        break;
      }
    size_t end = c.size();
    if (has_leader && end > 1 && IsLeader(c[end - 1].text)) task.leader = c[--end].text;
    std::vector<TimeFrame> times;
    while (end > 2 && static_cast<int>(times.size()) < std::max(time_cols, 1)) {
      TimeFrame tf = ParseTimeFrame(c[end - 1].text);
      if (tf.kind == "unknown") break;
      times.insert(times.begin(), tf);
      --end;
    }
    if (times.size() == 2) task.timeframe = CombineTimeFrames(times[0], times[1]);
    else if (times.size() == 1) task.timeframe = times[0];
    // The plan the task was already assigned in (1541's fifth column): the
    // cells before the time frame that name a programme, plan or decision.
    if (has_plan) {
      size_t p = end;
      while (p > 2) {
        std::string f = Fold(c[p - 1].text);
        bool plan_like = false;
        for (const char* k : {"chuong trinh", "ke hoach", "de an", "nhiem vu", "quyet dinh", "nghi quyet", "chi thi"})
          plan_like |= f.rfind(k, 0) == 0;
        if (!plan_like) break;
        --p;
      }
      for (size_t k = p; k < end; ++k) task.plan += (task.plan.empty() ? "" : "; ") + c[k].text;
      end = p;
    }
    // Units: from the first cell after the content's first that starts like a unit.
    size_t unit_from = end;
    for (size_t k = 2; k < end; ++k)
      if (StartsLikeUnit(c[k].text)) { unit_from = k; break; }
    for (size_t k = 1; k < unit_from; ++k) task.content += (task.content.empty() ? "" : " ") + c[k].text;
    // With a unit-in-charge column, its cell comes first; the rest coordinate.
    for (size_t k = unit_from; k < end; ++k) {
      UnitResolution ur = units.ResolveList(c[k].text);
      bool lead_cell = has_lead && k == unit_from;
      for (const auto& u : ur.ids) (lead_cell ? task.lead_units : task.coordinating_units).push_back(u);
      for (const auto& u : ur.unknown) task.unknown_units.push_back(u);
    }
    t.tasks.push_back(std::move(task));
  }
  return t;
}

}  // namespace bhxh
