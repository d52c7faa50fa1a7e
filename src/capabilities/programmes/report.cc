#include "programmes/report.h"

#include <algorithm>
#include <cstdio>

#include "base/html.h"
#include "base/parse.h"
#include "base/text.h"
#include "base/xlsx_out.h"

namespace bhxh {
namespace {

std::string UnitNames(const std::vector<std::string>& ids, const UnitRegistry& units) {
  std::string out;
  for (const auto& id : ids) {
    const Unit* u = units.ById(id);
    out += (out.empty() ? "" : "; ") + (u ? u->name : id);
  }
  return out;
}

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  std::replace(s.begin(), s.end(), '.', ',');  // Vietnamese decimal comma
  return s;
}

std::string Deadline(const TaskState& s) {
  if (s.overdue) return "quá hạn " + std::to_string(s.days_overdue) + " ngày (hạn " + s.deadline->ToVi() + ")";
  if (!s.missing_periods.empty()) {
    std::string p;
    for (const auto& x : s.missing_periods) p += (p.empty() ? "" : ", ") + x;
    return "thiếu báo cáo kỳ " + p;
  }
  return s.deadline ? "hạn " + s.deadline->ToVi() : s.task.timeframe.text;
}

std::string LatestText(const IndicatorStatus& s) {
  if (s.values.empty()) return "—";
  return s.values.back().value + " (" + std::to_string(s.values.back().year) + ")";
}

std::string TargetsText(const StoredIndicator& i) {
  std::string out;
  for (const auto& [y, t] : i.targets) out += (out.empty() ? "" : "; ") + y + ": " + t;
  return out;
}

std::string Html(const std::string& s) { return HtmlEscape(s); }

std::string Md(const std::string& s) {  // a table cell: no pipes or line breaks
  std::string o;
  for (char c : s) o += c == '|' ? std::string("\\|") : c == '\n' ? std::string(" ") : std::string(1, c);
  return o;
}

// The report's content as titled tables, rendered by each format below.
struct Table {
  std::string title;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<size_t> numeric = {};  // columns holding numbers (typed as numbers in XLSX)
};

std::vector<Table> Tables(const AnnualReport& r, const UnitRegistry& units) {
  std::vector<Table> out;
  Table summary{"1. Kết quả đạt được", {"Nội dung", "Số lượng"}, {}, {1}};
  summary.rows = {{"Tổng số nhiệm vụ", std::to_string(r.total)},
                  {"Hoàn thành", std::to_string(r.done)},
                  {"Đang thực hiện", std::to_string(r.in_progress)},
                  {"Vướng mắc", std::to_string(r.blocked)},
                  {"Chưa bắt đầu / chưa báo cáo", std::to_string(r.not_started)},
                  {"Quá hạn hoặc thiếu báo cáo kỳ", std::to_string(r.overdue)}};
  out.push_back(summary);
  Table ind{
      "1.1. Chỉ tiêu",
      {"Mã", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu", "Giá trị mới nhất", "Lộ trình năm đó", "Đánh giá", "Cách tính"},
      {},
      {5}};
  for (const auto& s : r.indicators)
    ind.rows.push_back({s.indicator.key, s.indicator.name, s.indicator.measure, TargetsText(s.indicator), LatestText(s),
                        s.expected ? Num(*s.expected) : "—", StatusVi(s.status),
                        s.values.empty() ? "" : s.values.back().method});
  if (!r.indicators.empty()) out.push_back(ind);
  Table done{"2. Nhiệm vụ đã hoàn thành", {"Mã", "Nội dung", "Đơn vị chủ trì", "Thời gian", "Kết quả"}, {}};
  for (const auto& s : r.tasks_done)
    done.rows.push_back(
        {s.task.key, s.task.content, UnitNames(s.task.lead_units, units), s.task.timeframe.text, s.last_note});
  out.push_back(done);
  Table open{"3. Nhiệm vụ chưa hoàn thành",
             {"Mã", "Nội dung", "Đơn vị chủ trì", "Trạng thái", "Tỷ lệ (%)", "Thời hạn", "Ghi chú"},
             {},
             {4}};
  for (const auto& s : r.tasks_not_done)
    open.rows.push_back({s.task.key, s.task.content, UnitNames(s.task.lead_units, units), StatusVi(s.status),
                         std::to_string(s.percent), Deadline(s), s.last_note});
  out.push_back(open);
  Table diff{"4. Khó khăn, vướng mắc", {"Mã nhiệm vụ", "Đơn vị", "Nội dung"}, {}};
  for (const auto& d : r.difficulties) diff.rows.push_back({d.task_key, UnitNames({d.unit}, units), d.text});
  out.push_back(diff);
  Table less{"5. Bài học kinh nghiệm", {"Mã nhiệm vụ", "Đơn vị", "Nội dung"}, {}};
  for (const auto& d : r.lessons) less.rows.push_back({d.task_key, UnitNames({d.unit}, units), d.text});
  out.push_back(less);
  return out;
}

std::string Heading(const AnnualReport& r) {
  return "Báo cáo kết quả thực hiện năm " + std::to_string(r.year) + " — " + r.programme.number;
}

std::string Subheading(const AnnualReport& r) {
  std::string s = r.programme.programme_title.empty() ? r.programme.title : r.programme.programme_title;
  s += " (số liệu đến ngày " + r.as_of.ToVi() + ")";
  for (const auto& o : r.obligations) {
    std::string due = o.recurrence == "yearly" && Date::IsValidYmd(r.year, o.month, o.day)
                          ? Date::FromYmd(r.year, o.month, o.day).ToVi()
                          : (o.date ? o.date->ToVi() : "");
    s += "\n" + o.name + ": hạn " + due + (o.recipients.empty() ? "" : ", gửi " + o.recipients);
  }
  return s;
}

}  // namespace

std::string StatusVi(const std::string& s) {
  if (s == "done") return "Hoàn thành";
  if (s == "in_progress") return "Đang thực hiện";
  if (s == "blocked") return "Vướng mắc";
  if (s == "not_started") return "Chưa bắt đầu";
  if (s == "achieved") return "Đã đạt";
  if (s == "on_track") return "Đúng lộ trình";
  if (s == "behind") return "Chậm so với lộ trình";
  if (s == "no_baseline") return "Chưa có mốc để so sánh";
  return "Chưa có số liệu";
}

Result<AnnualReport> BuildAnnualReport(Db& db, const MeasureBook& measures, int64_t programme_id, int year,
                                       Date today) {
  if (year < 2000 || year > today.year())
    return Status::Invalid("year", "Năm báo cáo phải từ 2000 đến năm hiện tại", "year must be 2000..current");
  AnnualReport r;
  BHXH_ASSIGN_OR_RETURN(r.programme, FindProgramme(db, std::to_string(programme_id)));
  r.year = year;
  r.as_of = std::min(today, Date::FromYmd(year, 12, 31));
  BHXH_ASSIGN_OR_RETURN(auto states, TaskStates(db, programme_id, r.as_of));
  for (auto& s : states) {
    ++r.total;
    if (s.status == "done")
      ++r.done;
    else if (s.status == "in_progress")
      ++r.in_progress;
    else if (s.status == "blocked")
      ++r.blocked;
    else
      ++r.not_started;
    if (s.overdue || !s.missing_periods.empty()) ++r.overdue;
    (s.status == "done" && s.missing_periods.empty() ? r.tasks_done : r.tasks_not_done).push_back(s);
  }
  BHXH_ASSIGN_OR_RETURN(r.indicators, IndicatorStatuses(db, measures, programme_id, ""));
  // Difficulties and lessons about the year: posted during it (for no
  // period or this year's), or about a period of the year whenever posted.
  BHXH_ASSIGN_OR_RETURN(
      auto st,
      db.Prepare(
          "SELECT task_key, unit, difficulties, lessons FROM task_progress WHERE programme_id = ? AND ((reported_at >= "
          "? AND reported_at <= ? AND (period = '' OR substr(period, 1, 4) = ?)) OR substr(period, 1, 4) = ?) ORDER BY "
          "id"));
  st->Bind(programme_id, std::to_string(year) + "-01-01", r.as_of.ToString() + "T23:59:59Z", std::to_string(year),
           std::to_string(year));
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    if (!st->Text(2).empty()) r.difficulties.push_back({st->Text(0), st->Text(1), st->Text(2)});
    if (!st->Text(3).empty()) r.lessons.push_back({st->Text(0), st->Text(1), st->Text(3)});
  }
  BHXH_ASSIGN_OR_RETURN(auto reports, LoadReports(db, programme_id));
  for (const auto& o : reports)
    if (o.recurrence == "yearly" || (o.date && o.date->year() == year)) r.obligations.push_back(o);
  return r;
}

std::string ReportMarkdown(const AnnualReport& r, const UnitRegistry& units) {
  std::string out = "# " + Heading(r) + "\n\n";
  for (const auto& line : Split(Subheading(r), '\n')) out += line + "  \n";
  for (const auto& t : Tables(r, units)) {
    out += "\n## " + t.title + "\n\n";
    if (t.rows.empty()) {
      out += "_Không có._\n";
      continue;
    }
    out += "|";
    for (const auto& h : t.header) out += " " + h + " |";
    out += "\n|";
    for (size_t i = 0; i < t.header.size(); ++i) out += "---|";
    out += "\n";
    for (const auto& row : t.rows) {
      out += "|";
      for (const auto& c : row) out += " " + Md(c) + " |";
      out += "\n";
    }
  }
  return out;
}

// In the administrative layout of Decree 30/2020/NĐ-CP (Appendix I): the
// issuing body and the number to fill in on the left, the national motto
// with the place and date on the right, the title, the content, then
// "Nơi nhận" and the signature block.
std::string ReportHtml(const AnnualReport& r, const UnitRegistry& units) {
  std::string out;
  for (const auto& line : Split(Subheading(r), '\n')) out += "<p>" + Html(line) + "</p>\n";
  for (const auto& t : Tables(r, units)) {
    out += "<h2>" + Html(t.title) + "</h2>\n";
    if (t.rows.empty()) {
      out += "<p><em>Không có.</em></p>\n";
      continue;
    }
    out += "<table><tr>";
    for (const auto& h : t.header) out += "<th>" + Html(h) + "</th>";
    out += "</tr>\n";
    for (const auto& row : t.rows) {
      out += "<tr>";
      for (size_t i = 0; i < row.size(); ++i)
        out += (std::find(t.numeric.begin(), t.numeric.end(), i) != t.numeric.end() ? "<td class=\"num\">" : "<td>") +
               Html(row[i]) + "</td>";
      out += "</tr>\n";
    }
    out += "</table>\n";
  }
  std::string recipients = "Như trên";
  for (const auto& o : r.obligations)
    if (!o.recipients.empty()) recipients = o.recipients;
  out += "<div class=\"sign\"><div style=\"text-align:left\"><b><i>Nơi nhận:</i></b><br>- " + Html(recipients) +
         ";<br>- Lưu: VT.</div><div><b>THỦ TRƯỞNG ĐƠN VỊ</b><br><i>(Ký, ghi rõ họ tên, đóng dấu)</i></div></div>\n";
  auto y = r.as_of.ymd();
  char place_date[96];
  std::snprintf(place_date, sizeof place_date, "Hà Nội, ngày %02d tháng %02d năm %d", y.day, y.month, y.year);
  return OfficialPage("", "<b>BẢO HIỂM XÃ HỘI VIỆT NAM</b><br>Số: ......../BC-BHXH", Heading(r), out, place_date);
}

Result<std::string> ReportXlsx(const AnnualReport& r, const UnitRegistry& units) {
  std::vector<XlsxSheet> sheets;
  for (const auto& t : Tables(r, units)) {
    XlsxSheet s;
    // Sheet names: at most 31 bytes of the title, without characters Excel refuses.
    std::string name = Utf8Prefix(t.title, 31);
    for (char& c : name)
      if (std::string("[]:*?/\\").find(c) != std::string::npos) c = ' ';
    s.name = name;
    s.header = t.header;
    for (const auto& row : t.rows) {
      std::vector<XlsxCell> cells;
      for (size_t i = 0; i < row.size(); ++i) {
        // A number column's cell as a number Excel can add up ("95,5" is
        // written with the Vietnamese decimal comma); "—" stays text.
        bool numeric = std::find(t.numeric.begin(), t.numeric.end(), i) != t.numeric.end();
        std::string dot = row[i];
        std::replace(dot.begin(), dot.end(), ',', '.');
        auto v = numeric ? ParseDouble(dot, "cell") : Result<double>(Status::Invalid("cell", "", ""));
        if (v.ok())
          cells.emplace_back(std::in_place_type<double>, *v);
        else
          cells.push_back(DateCell(row[i]));  // a deadline or a report date as a date Excel can sort
      }
      s.rows.push_back(std::move(cells));
    }
    for (const auto& h : t.header) s.widths.push_back(h == "Nội dung" || h == "Chỉ tiêu" ? 60 : 18);
    sheets.push_back(std::move(s));
  }
  return WriteXlsx(sheets, {Heading(r), r.as_of});
}

}  // namespace bhxh
