#include "programmes/tasks.h"

#include <algorithm>
#include <regex>

#include "base/parse.h"
#include "base/re.h"
#include "base/text.h"
#include "programmes/table.h"

namespace bhxh {
namespace {

bool IsLeader(const std::string& s) {
  std::string f = FoldOrSelf(s);
  return f.rfind("ptgd", 0) == 0 || f.rfind("pho tgd", 0) == 0 || f.rfind("tong giam doc", 0) == 0 ||
         f.rfind("tgd", 0) == 0 || f.rfind("pho tong giam doc", 0) == 0;
}

std::string KeyPart(const std::string& id) { return id.back() == ')' ? id.substr(0, id.size() - 1) : id; }

using Cell = TableCell;

// One cell that names both roles by label, as tables with a single column
// "Cơ quan, đơn vị thực hiện" do: "Chủ trì: Sở Nội vụ; phối hợp: Bảo hiểm
// xã hội tỉnh, Liên đoàn Lao động tỉnh". Gives (role, text) in order; a cell
// without labels is one piece of `role`.
const Regex& RoleLabel() {
  static const Regex label(R"((chủ trì|phối hợp)\s*:\s*)", true);
  return label;
}

std::vector<std::pair<std::string, std::string>> RolesInCell(const std::string& x, const std::string& role) {
  const Regex& label = RoleLabel();
  std::vector<std::pair<std::string, std::string>> out;
  std::string current = role;
  size_t start = 0, from = 0;
  Regex::Groups g;
  auto flush = [&](size_t end) {
    std::string piece = Trim(x.substr(start, end - start));
    while (!piece.empty() && (piece.back() == ';' || piece.back() == ',' || piece.back() == '.')) piece.pop_back();
    piece = Trim(piece);
    if (!piece.empty()) out.emplace_back(current, piece);
  };
  if (!label.Search(x)) return {{role, x}};  // as written
  while (from < x.size() && label.SearchFrom(x, from, &g)) {
    const size_t at = static_cast<size_t>(g[0].data() - x.data());
    flush(at);
    current = FoldOrSelf(std::string(g[1])) == "chu tri" ? "lead" : "coordinating";
    start = from = at + g[0].size();
  }
  flush(x.size());
  return out;
}

bool StartsWithRoleLabel(const std::string& x) {
  Regex::Groups g;
  const std::string t = Trim(x);
  return RoleLabel().Search(t, &g) && g[0].data() == t.data();
}

// Resolves a units cell into the task, each labelled part into its role.
// Whether any of its names is in the registry.
bool AddUnits(const std::string& text, const std::vector<std::string>& parts, const std::string& role,
              const UnitRegistry& units, TaskRow& task) {
  bool resolved = false;
  auto roles = RolesInCell(text, role);
  for (const auto& [r, piece] : roles) {
    // A cell's paragraphs are separate names when the source kept them apart.
    const std::vector<std::string> items =
        roles.size() == 1 && parts.size() > 1 ? parts : std::vector<std::string>{piece};
    for (const auto& item : items) {
      UnitResolution ur = units.ResolveList(item);
      resolved |= !ur.ids.empty();
      for (const auto& u : ur.ids) {
        auto& into = r == "lead" ? task.lead_units : task.coordinating_units;
        if (std::find(into.begin(), into.end(), u) == into.end()) into.push_back(u);
      }
      for (const auto& u : ur.unknown) {
        task.unknown_units.push_back(u);
        task.unknown_cells.push_back(r);
      }
    }
  }
  return resolved;
}

// Cells placed by type from the row's end: leader, time frames, the plan
// already assigned, then units from the first cell that starts like a unit
// name; what remains is the content.
void ReadByType(const std::vector<TableCell>& c, bool has_leader, int time_cols, bool has_plan, bool has_lead,
                bool product_last, const UnitRegistry& units, TaskRow& task) {
  size_t end = c.size();
  if (product_last && end > 2 && ParseTimeFrame(c[end - 1].text).kind == "unknown" && !IsLeader(c[end - 1].text) &&
      !StartsLikeUnitName(c[end - 1].text))
    task.product = c[--end].text;
  if (has_leader && end > 1 && IsLeader(c[end - 1].text)) task.leader = c[--end].text;
  std::vector<TimeFrame> times;
  while (end > 2 && static_cast<int>(times.size()) < std::max(time_cols, 1)) {
    TimeFrame tf = ParseTimeFrame(c[end - 1].text);
    if (tf.kind == "unknown") break;
    times.insert(times.begin(), tf);
    --end;
  }
  if (times.size() == 2)
    task.timeframe = CombineTimeFrames(times[0], times[1]);
  else if (times.size() == 1)
    task.timeframe = times[0];
  // The plan the task was already assigned in (1541's fifth column): the
  // cells before the time frame that name a programme, plan or decision.
  if (has_plan) {
    size_t p = end;
    while (p > 2) {
      std::string f = FoldOrSelf(c[p - 1].text);
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
    if (StartsLikeUnitName(c[k].text) || StartsWithRoleLabel(c[k].text)) {
      unit_from = k;
      break;
    }
  // A dashed list of units ("- Cục quản lý ... của Bộ Tài chính." / "- Các Vụ, Ban liên quan")
  // starts at its first dash, even when that item does not look like a unit name.
  auto dashed = [&](size_t k) { return c[k].text.rfind("- ", 0) == 0; };
  if (unit_from < end && dashed(unit_from))
    while (unit_from > 2 && dashed(unit_from - 1)) --unit_from;
  for (size_t k = 1; k < unit_from; ++k) task.content += (task.content.empty() ? "" : " ") + c[k].text;
  // With a unit-in-charge column, its cell comes first; the rest coordinate.
  for (size_t k = unit_from; k < end; ++k)
    (void)AddUnits(c[k].text, {}, has_lead && k == unit_from ? "lead" : "coordinating", units, task);
}

// Cells read by the header's column roles; false when a cell does not fit.
bool ReadByColumns(const std::vector<TableCell>& c, const std::vector<std::string>& columns, const UnitRegistry& units,
                   const std::set<std::string>& vocab, TaskRow& task) {
  if (c.size() != columns.size() + 1) return false;
  TaskRow d = task;
  std::vector<TimeFrame> times;
  for (size_t k = 1; k < c.size(); ++k) {
    const std::string& role = columns[k - 1];
    const std::string& x = c[k].text;
    if (x.empty()) continue;  // an empty cell of a source that knew its grid
    if (role == "content") {
      d.content = d.content.empty() ? x : JoinLines({{0, false, d.content}, {0, false, x}}, 0, 2, vocab);
    } else if (role == "lead" || role == "coordinating") {
      // `d` is a copy: a cell that names no body leaves the task as it was.
      if (!AddUnits(x, c[k].parts, role, units, d) && !StartsWithRoleLabel(x) && !StartsLikeUnitName(x) &&
          !ShapedLikeName(x))
        return false;
    } else if (role == "time") {
      TimeFrame tf = ParseTimeFrame(x);
      if (tf.kind == "unknown") return false;
      times.push_back(tf);
    } else if (role == "leader") {
      if (!IsLeader(x)) return false;
      d.leader = x;
    } else if (role == "count") {
      if (!IsDigits(x)) return false;
    } else if (role == "plan") {
      if (ParseTimeFrame(x).kind != "unknown") return false;  // a time frame is not a plan's name
      d.plan = x;
    } else if (role == "product") {
      d.product = x;
    } else {
      d.notes += (d.notes.empty() ? "" : "; ") + x;
    }
  }
  if (d.content.empty()) return false;
  if (times.size() == 2)
    d.timeframe = CombineTimeFrames(times[0], times[1]);
  else if (times.size() == 1)
    d.timeframe = times[0];
  task = std::move(d);
  return true;
}

}  // namespace

Result<TaskTable> ReadTaskTable(const std::vector<SourceLine>& lines, size_t from, size_t end_line,
                                const std::set<std::string>& vocab, const UnitRegistry& units) {
  end_line = std::min(end_line, lines.size());
  TaskTable t;
  size_t h = FindTableHeader(lines, from, end_line);
  if (h == end_line)
    return Status::NotFound("table", "Không thấy bảng nhiệm vụ (dòng tiêu đề STT/TT)", "no task table header");
  t.header_line = lines[h].number;
  size_t i = 0;
  const bool gridded = lines[h].column >= 0;
  std::vector<std::string> header =
      gridded ? ReadHeaderColumns(lines, h, end_line, &i) : ReadHeaderCells(lines, h, end_line, &i);
  int time_cols = 0;
  bool has_leader = false, has_count = false, has_lead = false, has_plan = false, product_last = false;
  for (const auto& hc : header) {
    std::string f = FoldOrSelf(hc);
    std::string role = "other";
    if (f.find("tong so") != std::string::npos)
      role = "count", has_count = true;
    else if (f.find("da giao") != std::string::npos)
      role = "plan", has_plan = true;
    else if (f.find("san pham") != std::string::npos || f.find("ket qua") != std::string::npos)
      role = "product";
    else if (f.find("noi dung") != std::string::npos || f.find("nhiem vu") != std::string::npos ||
             f.find("cong viec") != std::string::npos)
      role = "content";
    // "Đơn vị phối hợp thực hiện" coordinates; "Đơn vị thực hiện" and
    // "Cơ quan chủ trì, phối hợp" lead.
    else if (f.find("chu tri") != std::string::npos)
      role = "lead", has_lead = true;
    else if (f.find("phoi hop") != std::string::npos)
      role = "coordinating";
    else if (f.find("don vi") != std::string::npos &&
             (f.find("phu trach") != std::string::npos || f.find("thuc hien") != std::string::npos))
      role = "lead", has_lead = true;
    else if (f.find("thoi gian") != std::string::npos || f.find("thoi diem") != std::string::npos ||
             f.find("thoi han") != std::string::npos || f.find("tien do") != std::string::npos ||
             f.find("han hoan thanh") != std::string::npos)
      role = "time", ++time_cols;
    else if (f.find("lanh dao") != std::string::npos || f.find("phu trach") != std::string::npos)
      role = "leader", has_leader = true;
    t.columns.push_back(role);
  }
  product_last = !t.columns.empty() && t.columns.back() == "product";
  std::vector<Cell> cells =
      ReadTableCells(lines, i, end_line, vocab, [&](const std::string& text) { return units.Find(text) != nullptr; });
  // Rows.
  struct RawRow {
    std::vector<Cell> cells;
  };
  std::vector<RawRow> rows;
  for (size_t k = 0; k < cells.size(); ++k) {
    std::string f = FoldOrSelf(cells[k].text);
    if (f == "tong so" || f == "tong cong") {
      if (k + 1 < cells.size() && DigitsValue(cells[k + 1].text) >= 0) t.stated_total = DigitsValue(cells[k + 1].text);
      break;
    }
    // A group row written as one cell across the table, its number and its
    // title together ("I. Tuyên truyền, vận động", as Word tables of
    // commune and provincial plans merge it): the number is the row's id,
    // the rest its title in the next column.
    // Written alone in its row (a page without colspan, a Markdown table),
    // its number must be marked as a heading's.
    const bool first_column = cells[k].column >= 0 && cells[k].column == lines[h].column;
    const bool alone = k + 1 == cells.size() || cells[k + 1].column == cells[k].column;
    if (first_column && !IsRowId(cells[k].text) && (cells[k].span > 1 || alone)) {
      if (auto split = NumberedTitle(cells[k].text, cells[k].span == 1)) {
        Cell head = cells[k];
        head.text = split->first;
        head.parts = {split->first};
        head.span = 1;
        Cell rest = cells[k];
        rest.text = split->second;
        if (!rest.parts.empty()) rest.parts.front() = split->second;
        rest.column = cells[k].column + 1;
        rest.span = std::max(1, cells[k].span - 1);
        cells[k] = std::move(head);
        cells.insert(cells.begin() + static_cast<std::ptrdiff_t>(k) + 1, std::move(rest));
      }
    }
    // In a known grid only the first column's cell starts a row.
    bool id = IsRowId(cells[k].text) && (cells[k].column < 0 || cells[k].column == lines[h].column);
    // A bare number right after a group title, before the group's first child, is the group's task count.
    if (id && has_count && !rows.empty() && rows.back().cells.size() == 2 && IsDigits(cells[k].text) &&
        k + 1 < cells.size() && cells[k + 1].text.rfind(rows.back().cells[0].text + ".", 0) == 0) {
      rows.back().cells.push_back(cells[k]);
      continue;
    }
    if (id || rows.empty()) rows.push_back({});
    rows.back().cells.push_back(cells[k]);
  }
  // Nesting: a stack of open rows; an id of a form already open closes
  // that level (1712's I, II, III, VI and 249's restart of 1, 2, ... under
  // each Roman section both fall out of this).
  std::vector<int> parent(rows.size(), -1);
  std::vector<bool> has_child(rows.size(), false);
  {
    std::vector<size_t> stack;
    for (size_t r = 0; r < rows.size(); ++r) {
      if (rows[r].cells.empty() || !IsRowId(rows[r].cells[0].text)) continue;
      std::string form = RowIdForm(NormalizeRowId(rows[r].cells[0].text));
      for (size_t k = 0; k < stack.size(); ++k)
        if (RowIdForm(NormalizeRowId(rows[stack[k]].cells[0].text)) == form) {
          stack.resize(k);
          break;
        }
      if (!stack.empty()) parent[r] = static_cast<int>(stack.back()), has_child[stack.back()] = true;
      stack.push_back(r);
    }
  }
  std::vector<std::string> keys(rows.size());
  std::vector<int> group_of_row(rows.size(), -1);
  for (size_t r = 0; r < rows.size(); ++r) {
    auto& c = rows[r].cells;
    if (c.empty() || !IsRowId(c[0].text)) {
      for (const auto& x : c) t.unplaced.push_back({x.first, x.last, x.text});
      continue;
    }
    std::string id = NormalizeRowId(c[0].text);
    std::string pkey = parent[r] >= 0 ? keys[parent[r]] : "";
    // "1.1" under "1" is already unique; "3" under "II" / "a)" becomes II.a.3.
    std::string pid = parent[r] >= 0 ? NormalizeRowId(rows[parent[r]].cells[0].text) : "";
    if (pkey.empty())
      keys[r] = KeyPart(id);
    else if (id.rfind(pid + ".", 0) == 0)
      keys[r] = pkey.substr(0, pkey.size() - KeyPart(pid).size()) + id;
    else
      keys[r] = pkey + "." + KeyPart(id);
    int pg = parent[r] >= 0 ? group_of_row[parent[r]] : -1;
    if (has_child[r]) {
      TaskGroup g;
      g.id = id;
      g.key = keys[r];
      g.parent_key = pkey;
      g.level = pg >= 0 ? t.groups[pg].level + 1 : 0;
      g.first_line = c.front().first;
      if (c.size() > 1) g.title = c[1].text;
      if (c.size() > 2 && DigitsValue(c[2].text) >= 0) g.stated_count = DigitsValue(c[2].text);
      UnitResolution ur = g.title.size() < 160 ? units.ResolveList(g.title) : UnitResolution{{}, {g.title}};
      if (ur.unknown.empty()) g.units = ur.ids;
      // "Trung tâm Truyền thông chủ trì, phối hợp với ...": the group names its unit in charge.
      else if (size_t at = g.title.find(" chủ trì"); at != std::string::npos && at < 120) {
        UnitResolution lead = units.ResolveList(g.title.substr(0, at));
        if (lead.unknown.empty()) g.units = lead.ids;
      }
      if (g.units.empty() && pg >= 0) g.units = t.groups[pg].units;
      // A group row's further cells continue its title (249's "a) ... Luật BHXH ; Luật BHYT").
      for (size_t k = (g.stated_count >= 0 ? 3 : 2); k < c.size(); ++k)
        g.title = JoinLines({{0, false, g.title}, {0, false, c[k].text}}, 0, 2, vocab);
      group_of_row[r] = static_cast<int>(t.groups.size());
      t.groups.push_back(std::move(g));
      continue;
    }
    TaskRow task;
    task.id = id;
    task.key = keys[r];
    task.first_line = c.front().first;
    task.last_line = c.back().last;
    if (pg >= 0) {
      task.group_id = t.groups[pg].id;
      task.group_key = t.groups[pg].key;
      for (int g = pg; g >= 0;) {
        ++t.groups[g].tasks;
        int up = -1;
        for (size_t k = 0; k < t.groups.size(); ++k)
          if (t.groups[k].key == t.groups[g].parent_key) up = static_cast<int>(k);
        g = up;
      }
    }
    // A row with one cell per column is read by the header; each cell must
    // then fit its column (a time frame parses, a unit cell names units, a
    // leader is a leader). Otherwise the page dropped empty cells, and the
    // cells are placed by type from the row's end.
    // A source that knew its grid places each cell in its own column.
    std::vector<Cell> by_column;
    if (gridded && c.front().column >= 0) {
      const int base = lines[h].column;
      by_column.assign(t.columns.size() + 1, Cell{});
      for (const auto& x : c) {
        int k = x.column - base;
        if (k < 0 || k >= static_cast<int>(by_column.size())) {
          by_column.clear();
          break;
        }
        Cell& slot = by_column[static_cast<size_t>(k)];
        slot.text += (slot.text.empty() ? "" : " ") + x.text;
        slot.parts.insert(slot.parts.end(), x.parts.begin(), x.parts.end());
      }
    }
    if ((by_column.empty() || !ReadByColumns(by_column, t.columns, units, vocab, task)) &&
        !ReadByColumns(c, t.columns, units, vocab, task)) {
      ReadByType(c, has_leader, time_cols, has_plan, has_lead, product_last, units, task);
    }
    if (task.lead_units.empty() && pg >= 0) task.lead_units = t.groups[pg].units;  // the group's unit in charge
    // Two earlier names of one unit ("Ban Sổ, thẻ" leads, "Ban Thu" coordinates): it is the unit in charge.
    std::erase_if(task.coordinating_units, [&](const std::string& u) {
      return std::find(task.lead_units.begin(), task.lead_units.end(), u) != task.lead_units.end();
    });
    t.tasks.push_back(std::move(task));
  }
  return t;
}

}  // namespace bhxh
