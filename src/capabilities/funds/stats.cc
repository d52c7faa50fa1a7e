#include "funds/stats.h"

#include "base/xlsx_out.h"
#include "benefits/calc.h"

namespace bhxh {

namespace {
constexpr const char* kCounts =
    "COUNT(DISTINCT CASE WHEN d.retirement_er + d.retirement_ee > 0 THEN d.person_id END), "
    "COUNT(DISTINCT CASE WHEN d.sickness_er + d.sickness_ee > 0 THEN d.person_id END), "
    "COUNT(DISTINCT CASE WHEN d.accident_er + d.accident_ee > 0 THEN d.person_id END), "
    "COUNT(DISTINCT CASE WHEN d.unemployment_er + d.unemployment_ee > 0 THEN d.person_id END), "
    "COUNT(DISTINCT CASE WHEN d.health_er + d.health_ee > 0 THEN d.person_id END)";

void Fill(FundPersons& f, Stmt& st, int from) {
  f.retirement = st.Int(from);
  f.sickness = st.Int(from + 1);
  f.accident = st.Int(from + 2);
  f.unemployment = st.Int(from + 3);
  f.health = st.Int(from + 4);
}
}  // namespace

Result<YearStatistics> ComputeStatistics(Db& db, const FundsCatalog& cat, int year, const std::string& province) {
  if (year < 2016 || year > 2200)
    return Status::Invalid("year", "Năm thống kê phải từ 2016", "the statistics year must be 2016 or later");
  YearStatistics s;
  s.year = year;
  // The year's last collected month, from the runs (dues by month have only
  // a BRIN on PostgreSQL, which cannot give a maximum without a scan).
  BHXH_ASSIGN_OR_RETURN(int64_t last,
                        db.QueryInt("SELECT COALESCE(MAX(month), -1) FROM collection_runs WHERE workers > 0 "
                                    "AND month <= " +
                                    std::to_string(Month::Of(year, 12).index()) +
                                    " AND month >= " + std::to_string(Month::Of(year, 1).index())));
  if (last >= 0) {
    s.month = Month::FromIndex(static_cast<int32_t>(last));
    std::string where = " FROM dues d JOIN employers e ON e.id = d.employer_id WHERE d.month = ?";
    if (!province.empty()) where += " AND e.province = ?";
    {
      BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(std::string("SELECT ") + kCounts + where));
      st->BindInt(1, last);
      if (!province.empty()) st->BindText(2, province);
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (row) Fill(s.national, *st, 0);
      s.national.province = province;
    }
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(std::string("SELECT e.province, ") + kCounts + where +
                                              " GROUP BY e.province ORDER BY e.province"));
    st->BindInt(1, last);
    if (!province.empty()) st->BindText(2, province);
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      FundPersons f;
      f.province = st->Text(0);
      Fill(f, *st, 1);
      s.by_province.push_back(f);
    }
  }
  {
    const int64_t end = Month::Of(year, 12).index();
    std::string sql =
        // In payment in December: a benefit that ended earlier in the year
        // is not counted, and of a benefit paid in stretches (survivors
        // whose family changes) only December's.
        "SELECT regime, COUNT(*), SUM(monthly) FROM beneficiaries WHERE start_month <= ? AND (end_month IS NULL OR "
        "end_month >= ?)";
    if (!province.empty()) sql += " AND province = ?";
    sql += " GROUP BY regime ORDER BY regime";
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(sql));
    st->Bind(end, end);
    if (!province.empty()) st->BindText(3, province);
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      auto r = ParseRegime(st->Text(0));
      s.beneficiaries.push_back({st->Text(0), r.ok() ? RegimeNameVi(*r) : st->Text(0), st->Int(1), st->Int(2)});
    }
  }
  Span span{Month::Of(year, 1), Month::Of(year, 12), "năm " + std::to_string(year)};
  for (const auto& f : cat.funds()) {
    if (f.code == "unallocated") continue;
    BHXH_ASSIGN_OR_RETURN(FundStatement st, ComputeStatement(db, cat, f.code, span, province));
    s.finances.push_back(std::move(st));
  }
  return s;
}

Result<std::string> StatisticsXlsx(const YearStatistics& s, const FundsCatalog& cat) {
  (void)cat;
  std::vector<XlsxSheet> sheets;
  const std::string when = s.month ? " (tháng " + s.month->ToVi() + ")" : "";
  XlsxSheet p;
  p.name = "Người tham gia";
  p.header = {"Tỉnh", "Hưu trí - tử tuất", "Ốm đau - thai sản", "TNLĐ - BNN", "BHTN", "BHYT (theo đơn vị)"};
  p.widths = {12, 18, 18, 14, 14, 18};
  auto row = [](const FundPersons& f, const std::string& label) {
    return std::vector<XlsxCell>{label,
                                 static_cast<double>(f.retirement),
                                 static_cast<double>(f.sickness),
                                 static_cast<double>(f.accident),
                                 static_cast<double>(f.unemployment),
                                 static_cast<double>(f.health)};
  };
  for (const auto& f : s.by_province) p.rows.push_back(row(f, f.province));
  p.rows.push_back(row(s.national, "Tổng" + when));
  sheets.push_back(std::move(p));
  XlsxSheet b;
  b.name = "Người hưởng";
  b.header = {"Chế độ", "Số người", "Số tiền hằng tháng (đồng)"};
  b.widths = {24, 14, 24};
  for (const auto& r : s.beneficiaries)
    b.rows.push_back({r.name_vi, static_cast<double>(r.persons), static_cast<double>(r.monthly)});
  sheets.push_back(std::move(b));
  XlsxSheet f;
  f.name = "Thu chi các quỹ " + std::to_string(s.year);
  f.header = {"Quỹ", "Số dư đầu năm", "Thu", "Chi", "Số dư cuối năm"};
  f.widths = {48, 20, 20, 20, 20};
  for (const auto& st : s.finances)
    f.rows.push_back({st.fund_name_vi, static_cast<double>(st.opening), static_cast<double>(st.revenue),
                      static_cast<double>(st.expenditure), static_cast<double>(st.closing)});
  sheets.push_back(std::move(f));
  return WriteXlsx(sheets, {"Thống kê BHXH, BHYT, BHTN năm " + std::to_string(s.year) + when, Date::Today()});
}

}  // namespace bhxh
