#include "funds/forecast.h"

#include <cmath>
#include <set>

namespace bhxh {

namespace {

std::string Pct(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.2f%%", v);
  std::string s = b;
  for (auto& c : s)
    if (c == '.') c = ',';
  return s;
}

double NominalGrowth(const Assumptions& a) {
  return (1 + a.Get("wage_growth_real") / 100) * (1 + a.Get("inflation") / 100) * (1 + a.Get("labour_force_growth") / 100) - 1;
}

// Revenue / expenditure sums per (period, fund, province, kind).
struct Flow {
  Vnd revenue = 0, expenditure = 0;
};
Result<std::map<std::tuple<int32_t, std::string, std::string>, Flow>> Flows(Db& db, const FundsCatalog& cat, Month from,
                                                                           Month to, const std::string& fund) {
  std::string sql =
      "SELECT period, fund, province, account, SUM(debit), SUM(credit) FROM fund_lines WHERE period >= ? AND period <= ?";
  if (!fund.empty()) sql += " AND fund = ?";
  sql += " GROUP BY period, fund, province, account";
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(sql));
  st->Bind(static_cast<int64_t>(from.index()), static_cast<int64_t>(to.index()));
  if (!fund.empty()) st->BindText(3, fund);
  std::map<std::tuple<int32_t, std::string, std::string>, Flow> out;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    const AccountDef* a = cat.Account(st->Text(3));
    if (!a) continue;
    auto& f = out[{static_cast<int32_t>(st->Int(0)), st->Text(1), st->Text(2)}];
    if (a->kind == "revenue") f.revenue += st->Int(5) - st->Int(4);
    if (a->kind == "expense") f.expenditure += st->Int(4) - st->Int(5);
  }
  return out;
}

}  // namespace

Result<std::vector<SeriesPoint>> FundSeries(Db& db, const FundsCatalog& cat, const std::string& fund, Month from,
                                            Month to) {
  BHXH_ASSIGN_OR_RETURN(auto flows, Flows(db, cat, from, to, fund));
  std::vector<SeriesPoint> out;
  for (Month m = from; m <= to; m = m.Next()) out.push_back({m, 0, 0});
  for (const auto& [k, f] : flows) {
    size_t i = static_cast<size_t>(std::get<0>(k) - from.index());
    if (i < out.size()) {
      out[i].revenue += f.revenue;
      out[i].expenditure += f.expenditure;
    }
  }
  return out;
}

Result<ShortForecast> ForecastShort(Db& db, const FundsCatalog& cat, const Assumptions& a, const std::string& fund,
                                    Month last_actual) {
  if (!fund.empty() && !cat.Fund(fund))
    return Status::Invalid("fund", "Quỹ không tồn tại: \"" + fund + "\"", "unknown fund \"" + fund + "\"");
  ShortForecast f;
  f.fund = fund;
  BHXH_ASSIGN_OR_RETURN(f.history, FundSeries(db, cat, fund, last_actual.Add(-35), last_actual));
  // Months with any movement, counted from the first one.
  size_t first = 0;
  while (first < f.history.size() && f.history[first].revenue == 0 && f.history[first].expenditure == 0) ++first;
  f.history.erase(f.history.begin(), f.history.begin() + static_cast<long>(first));
  const size_t n = f.history.size();
  if (n == 0)
    return Status::NotFound("fund", "Sổ quỹ chưa có số liệu đến tháng " + last_actual.ToVi(),
                            "the journal has no movements up to " + last_actual.ToString());
  const double g = NominalGrowth(a);
  auto at = [&](size_t back) -> const SeriesPoint& { return f.history[n - back]; };  // back = 1: last month
  if (n >= 24) {
    double r12 = 0, r24 = 0, e12 = 0, e24 = 0;
    for (size_t k = 1; k <= 12; ++k) r12 += at(k).revenue, e12 += at(k).expenditure;
    for (size_t k = 13; k <= 24; ++k) r24 += at(k).revenue, e24 += at(k).expenditure;
    double gr = r24 != 0 ? r12 / r24 : 1 + g, ge = e24 != 0 ? e12 / e24 : 1 + g;
    for (int h = 1; h <= 12; ++h) {
      const SeriesPoint& same = at(static_cast<size_t>(13 - h));
      f.months.push_back({last_actual.Add(h), same.revenue * gr, same.expenditure * ge});
    }
    f.method_vi = "Cùng tháng năm trước × tăng trưởng 12 tháng gần nhất so với 12 tháng trước đó (thu " +
                  Pct(100 * (gr - 1)) + ", chi " + Pct(100 * (ge - 1)) + ")";
  } else if (n >= 12) {
    for (int h = 1; h <= 12; ++h) {
      const SeriesPoint& same = at(static_cast<size_t>(13 - h));
      f.months.push_back({last_actual.Add(h), same.revenue * (1 + g), same.expenditure * (1 + g)});
    }
    f.method_vi = "Cùng tháng năm trước × (1 + tăng lương danh nghĩa và lực lượng lao động giả định " + Pct(100 * g) +
                  "); chưa đủ 24 tháng để ước tính tăng trưởng";
  } else {
    double r = 0, e = 0;
    for (const auto& p : f.history) r += static_cast<double>(p.revenue), e += static_cast<double>(p.expenditure);
    r /= static_cast<double>(n);
    e /= static_cast<double>(n);
    for (int h = 1; h <= 12; ++h) f.months.push_back({last_actual.Add(h), r, e});
    f.method_vi = "Bình quân " + std::to_string(n) + " tháng đã có (chưa đủ 12 tháng để tính mùa vụ)";
  }
  return f;
}

Result<std::vector<MediumForecast>> ForecastMedium(Db& db, const FundsCatalog& cat, const Assumptions& a,
                                                   const Projection& model, Month last_actual) {
  BHXH_ASSIGN_OR_RETURN(auto flows, Flows(db, cat, last_actual.Add(-11), last_actual, ""));
  std::map<std::string, Flow> base;
  std::set<int32_t> months;
  for (const auto& [k, f] : flows) {
    base[std::get<1>(k)].revenue += f.revenue;
    base[std::get<1>(k)].expenditure += f.expenditure;
    months.insert(std::get<0>(k));
  }
  if (months.empty())
    return Status::NotFound("month", "Sổ quỹ chưa có số liệu 12 tháng đến " + last_actual.ToVi(),
                            "no journal movements in the 12 months to " + last_actual.ToString());
  const double annualise = 12.0 / static_cast<double>(months.size());
  const double g = NominalGrowth(a);
  std::vector<MediumForecast> out;
  for (const auto& fd : cat.funds()) {
    if (fd.code == "unallocated") continue;
    MediumForecast m;
    m.fund = fd.code;
    m.fund_name_vi = fd.name_vi;
    m.base_revenue = static_cast<double>(base[fd.code].revenue) * annualise;
    m.base_expenditure = static_cast<double>(base[fd.code].expenditure) * annualise;
    const bool model_path = fd.code == "retirement" && model.years.size() >= 6 && model.years[0].expenditure > 0;
    for (int k = 1; k <= 5; ++k) {
      YearForecast y;
      y.year = last_actual.year() + k;
      y.revenue = m.base_revenue * std::pow(1 + g, k);
      y.expenditure = model_path ? m.base_expenditure * model.years[static_cast<size_t>(k)].expenditure /
                                       model.years[0].expenditure
                                 : m.base_expenditure * std::pow(1 + g, k);
      y.balance = y.revenue - y.expenditure;
      m.years.push_back(y);
    }
    m.method_vi = "Cơ sở: thu, chi " + std::to_string(months.size()) + " tháng đến " + last_actual.ToVi() +
                  (months.size() < 12 ? " (quy ra 12 tháng)" : "") + "; thu tăng " + Pct(100 * g) +
                  "/năm (lương thực tế, lạm phát, lực lượng lao động)" +
                  (model_path ? "; chi theo đường chi của mô hình cân đối quỹ" : "; chi tăng cùng tỷ lệ");
    out.push_back(std::move(m));
  }
  return out;
}

Result<Estimates> MakeEstimates(Db& db, const FundsCatalog& cat, const ParamTable& params, const Assumptions& a,
                                int year, Month as_of, const Actor& actor) {
  if (year <= as_of.year() - 1 || year > as_of.year() + 2)
    return Status::Invalid("year", "Năm dự toán phải là năm nay hoặc một, hai năm tới",
                           "the estimate year must be this year or one of the next two");
  Estimates e;
  e.year = year;
  e.base_from = as_of.Add(-11);
  e.base_to = as_of;
  BHXH_ASSIGN_OR_RETURN(auto flows, Flows(db, cat, e.base_from, e.base_to, ""));
  std::map<std::pair<std::string, std::string>, Flow> base;
  for (const auto& [k, f] : flows) {
    auto& b = base[{std::get<2>(k), std::get<1>(k)}];
    b.revenue += f.revenue;
    b.expenditure += f.expenditure;
  }
  if (base.empty())
    return Status::NotFound("as_of", "Sổ quỹ chưa có số liệu 12 tháng đến " + as_of.ToVi(),
                            "no journal movements in the 12 months to " + as_of.ToString());
  const double g = NominalGrowth(a);
  const int years_ahead = std::max(1, year - as_of.year());
  const double factor = std::pow(1 + g, years_ahead);
  e.growth = 100 * (factor - 1);
  e.method_vi = "Thực hiện 12 tháng " + e.base_from.ToVi() + "–" + as_of.ToVi() + " × (1 + " + Pct(100 * g) + ")^" +
                std::to_string(years_ahead) + " (lương thực tế " + Pct(a.Get("wage_growth_real")) + ", lạm phát " +
                Pct(a.Get("inflation")) + ", lực lượng lao động " + Pct(a.Get("labour_force_growth")) + ")";
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto v, db.Prepare("SELECT COALESCE(MAX(version), 0) FROM fund_estimates WHERE year = ?"));
  v->Bind(static_cast<int64_t>(year));
  BHXH_ASSIGN_OR_RETURN(bool row, v->Step());
  e.version = static_cast<int>(row ? v->Int(0) : 0) + 1;
  v.reset();
  e.created_at = NowIsoUtc();
  e.created_by = actor.id;
  BHXH_ASSIGN_OR_RETURN(auto w, db.Bulk("fund_estimates", {"year", "version", "province", "fund", "kind", "base",
                                                           "amount", "method", "created_at", "created_by"}));
  std::vector<EstimateRow> rows;
  // The organisation and operation cost (41/2024/QH15 Art.120): a dated
  // share of SI revenue + expenditure, of UI revenue + expenditure, and of
  // HI contributions, charged to the retirement, unemployment and HI
  // reserve funds, national.
  std::map<std::string, Vnd> group_base;  // si | ui | hi
  for (const auto& [key, f] : base) {
    for (int k = 0; k < 2; ++k) {
      Vnd b = k == 0 ? f.revenue : f.expenditure;
      if (b == 0) continue;
      EstimateRow r{key.first, key.second, k == 0 ? "revenue" : "expenditure", b,
                    static_cast<Vnd>(std::llround(static_cast<double>(b) * factor)), 0, 0};
      rows.push_back(r);
      const std::string& fund = key.second;
      if (fund == "unemployment") group_base["ui"] += r.amount;
      else if (fund == "health_medical" || fund == "health_reserve") {
        if (k == 0) group_base["hi"] += r.amount;
      } else if (fund != "unallocated") {
        group_base["si"] += r.amount;
      }
    }
  }
  std::string cost_vi;
  for (const auto& [group, fund] : std::vector<std::pair<std::string, std::string>>{
           {"si", "retirement"}, {"ui", "unemployment"}, {"hi", "health_reserve"}}) {
    auto rate = params.Percent("management_cost_rate." + group, Date::FromYmd(year, 1, 1));
    if (!rate.ok() || group_base[group] == 0) continue;
    Vnd cost = ApplyRate(group_base[group], *rate);
    rows.push_back({"", fund, "management_cost", group_base[group], cost, 0, 0});
    cost_vi += (cost_vi.empty() ? "" : ", ") + std::string(group == "si" ? "BHXH" : group == "ui" ? "BHTN" : "BHYT") +
               " " + Pct(static_cast<double>(*rate) / 10'000) + (group == "hi" ? " số thu" : " (thu + chi)");
  }
  if (!cost_vi.empty()) e.method_vi += "; chi phí quản lý (Luật 41/2024/QH15 Điều 120): " + cost_vi;
  for (const EstimateRow& r : rows) {
    w->Int(year);
    w->Int(e.version);
    w->Text(r.province);
    w->Text(r.fund);
    w->Text(r.kind);
    w->Int(r.base);
    w->Int(r.amount);
    w->Text(e.method_vi);
    w->Text(e.created_at);
    w->Text(e.created_by);
    BHXH_RETURN_IF_ERROR(w->EndRow());
    e.rows.push_back(r);
  }
  BHXH_RETURN_IF_ERROR(w->Finish());
  BHXH_RETURN_IF_ERROR(WriteAudit(db, actor, "funds.estimate", "fund_estimate", std::to_string(year),
                                  "version " + std::to_string(e.version)));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return e;
}

Result<Estimates> CompareEstimates(Db& db, const FundsCatalog& cat, int year) {
  Estimates e;
  e.year = year;
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT version, province, fund, kind, base, amount, method, created_at, "
                                              "created_by FROM fund_estimates WHERE year = ? AND version = (SELECT "
                                              "MAX(version) FROM fund_estimates WHERE year = ?) ORDER BY province, "
                                              "fund, kind"));
    st->Bind(static_cast<int64_t>(year), static_cast<int64_t>(year));
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      e.version = static_cast<int>(st->Int(0));
      e.method_vi = st->Text(6);
      e.created_at = st->Text(7);
      e.created_by = st->Text(8);
      e.rows.push_back({st->Text(1), st->Text(2), st->Text(3), st->Int(4), st->Int(5), 0, 0});
    }
  }
  if (e.rows.empty())
    return Status::NotFound("year", "Chưa lập dự toán năm " + std::to_string(year),
                            "no estimate for " + std::to_string(year));
  BHXH_ASSIGN_OR_RETURN(auto flows, Flows(db, cat, Month::Of(year, 1), Month::Of(year, 12), ""));
  std::map<std::tuple<std::string, std::string, std::string>, Vnd> actual;
  for (const auto& [k, f] : flows) {
    actual[{std::get<2>(k), std::get<1>(k), "revenue"}] += f.revenue;
    actual[{std::get<2>(k), std::get<1>(k), "expenditure"}] += f.expenditure;
  }
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT fund, SUM(debit) - SUM(credit) FROM fund_lines WHERE account = "
                                              "'management_cost' AND period >= ? AND period <= ? GROUP BY fund"));
    st->Bind(static_cast<int64_t>(Month::Of(year, 1).index()), static_cast<int64_t>(Month::Of(year, 12).index()));
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      actual[{"", st->Text(0), "management_cost"}] += st->Int(1);
    }
  }
  for (auto& r : e.rows) {
    r.actual = actual[{r.province, r.fund, r.kind}];
    r.done = r.amount != 0 ? 100.0 * static_cast<double>(r.actual) / static_cast<double>(r.amount) : 0;
  }
  return e;
}

}  // namespace bhxh
