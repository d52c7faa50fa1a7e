#include "inspection/risk.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "base/csv.h"
#include "base/money.h"
#include "base/parse.h"
#include "base/text.h"
#include "collection/arrears.h"
#include "platform/audit/audit.h"

namespace bhxh {

namespace {

struct Param3 {
  double weight = 0, threshold = 0, full = 1;
  std::string source;
};

Result<Param3> FactorParams(const ParamTable& p, const std::string& factor, Date d, std::vector<std::string>* cited) {
  Param3 out;
  for (const char* part : {"weight", "threshold", "full"}) {
    std::string key = "risk." + factor + "." + part;
    BHXH_ASSIGN_OR_RETURN(LawParam row, p.Param(key, d));
    BHXH_ASSIGN_OR_RETURN(int64_t micro, p.Micro(key, d));
    double v = static_cast<double>(micro) / 1e6;
    if (std::string(part) == "weight") {
      out.weight = v;
      out.source = row.law;
    } else if (std::string(part) == "threshold") {
      out.threshold = v;
    } else {
      out.full = v;
    }
    cited->push_back(key + " = " + row.value + (row.law.empty() ? "" : " (" + row.law + ")"));
  }
  if (out.full <= out.threshold)
    return Status::Invalid("risk." + factor + ".full", "Mức tối đa của yếu tố " + factor + " phải lớn hơn ngưỡng",
                           "the full value of " + factor + " must exceed its threshold");
  return out;
}

double Points(const Param3& p, double value) {
  double x = (value - p.threshold) / (p.full - p.threshold);
  return p.weight * std::clamp(x, 0.0, 1.0);
}

// One decimal with the Vietnamese comma: 12,5.
std::string Dec1(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  std::replace(s.begin(), s.end(), '.', ',');
  return s;
}
std::string Pct(double share) { return Dec1(share * 100) + "%"; }

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

}  // namespace

Result<RiskRanking> RankEmployers(Db& db, const LawBook& law, const Geo& geo, const ParamTable& params,
                                  const RiskOptions& opt) {
  RiskRanking out;
  out.as_of = opt.as_of;
  const Date d = opt.as_of;
  const Month m = Month::OfDate(d);
  static const char* kFactors[] = {"arrears_months",    "evasion",           "salary_below_minimum",
                                   "salary_below_peers", "workforce_gap",     "late_declarations",
                                   "sickness_above_peers"};
  std::unordered_map<std::string, Param3> fp;
  for (const char* f : kFactors) {
    BHXH_ASSIGN_OR_RETURN(Param3 p, FactorParams(params, f, d, &out.parameters));
    fp[f] = p;
  }
  BHXH_ASSIGN_OR_RETURN(int64_t mandatory_months, params.Integer("risk.mandatory_arrears_months", d));
  out.parameters.push_back("risk.mandatory_arrears_months = " + std::to_string(mandatory_months) + " (CV 3511/BHXH-TST)");

  // Employers in scope.
  struct Emp {
    int64_t id;
    EmployerRisk r;
    double salary_sum = 0;
    int below_min = 0, late_decl = 0, sick = 0;
    int64_t tax_employees = -1;
    bool evasion = false;
  };
  std::vector<Emp> emps;
  std::unordered_map<int64_t, size_t> by_id;
  std::unordered_map<std::string, size_t> by_tax, by_code;
  {
    std::string sql = "SELECT id, code, name, tax_code, type, province, region FROM employers";
    if (!opt.provinces.empty()) {
      sql += " WHERE province IN (";
      for (size_t i = 0; i < opt.provinces.size(); ++i) sql += i ? ",?" : "?";
      sql += ")";
    }
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(sql + " ORDER BY code"));
    for (size_t i = 0; i < opt.provinces.size(); ++i) st->BindText(static_cast<int>(i + 1), opt.provinces[i]);
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      Emp e;
      e.id = st->Int(0);
      e.r.code = st->Text(1);
      e.r.name = st->Text(2);
      e.r.tax_code = st->Text(3);
      e.r.type = st->Text(4);
      e.r.province = st->Text(5);
      e.r.region = static_cast<int>(st->Int(6));
      by_id[e.id] = emps.size();
      by_tax[e.r.tax_code] = emps.size();
      by_code[e.r.code] = emps.size();
      emps.push_back(std::move(e));
    }
  }
  // Workers and declared salaries at the as-of month; who works where.
  std::unordered_map<int64_t, int64_t> employer_of_person;
  {
    std::vector<Vnd> min_wage(5, 0);
    for (int r = 1; r <= 4; ++r) {
      BHXH_ASSIGN_OR_RETURN(Vnd w, law.Amount("region_min_wage." + std::to_string(r), d));
      min_wage[r] = w;
    }
    out.parameters.push_back("region_min_wage.1..4 (" + law.Param("region_min_wage.1", d).value().law + ")");
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT employer_id, person_id, salary FROM periods WHERE employer_id IS NOT NULL "
                                              "AND from_month <= ? AND (to_month IS NULL OR to_month >= ?)"));
    st->BindInt(1, m.index());
    st->BindInt(2, m.index());
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      employer_of_person[st->Int(1)] = st->Int(0);
      auto it = by_id.find(st->Int(0));
      if (it == by_id.end()) continue;
      Emp& e = emps[it->second];
      ++e.r.workers;
      e.salary_sum += static_cast<double>(st->Int(2));
      int reg = std::clamp(e.r.region, 1, 4);
      if (st->Int(2) < min_wage[reg]) ++e.below_min;
    }
  }
  // Ledgers of the employers that owe (the arrears report loads them in bulk).
  {
    ArrearsOptions ao;
    ao.as_of = d;
    ao.current_units = false;
    ao.within = opt.provinces;
    ao.top_n = INT_MAX;
    BHXH_ASSIGN_OR_RETURN(ArrearsReport ar, BuildArrearsReport(db, law, geo, ao));
    for (const auto& ea : ar.top) {
      auto it = by_code.find(ea.code);
      if (it == by_code.end()) continue;
      Emp& e = emps[it->second];
      e.r.months_owed = ea.ledger.months_owed;
      e.r.balance = ea.ledger.balance;
      e.evasion = ea.ledger.classification == "evasion";
    }
  }
  // Declarations of the last 12 months that join workers from an earlier month.
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT d.employer_id, COUNT(DISTINCT d.id) FROM declarations d JOIN periods p "
                                              "ON p.declaration_id = d.id WHERE p.from_month < d.month AND d.month > ? "
                                              "AND d.month <= ? GROUP BY d.employer_id"));
    st->BindInt(1, m.index() - 12);
    st->BindInt(2, m.index());
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      if (auto it = by_id.find(st->Int(0)); it != by_id.end()) emps[it->second].late_decl = static_cast<int>(st->Int(1));
    }
  }
  // Sickness cases of the last 12 months, counted to the worker's employer now.
  int64_t sick_total = 0, workers_total = 0;
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT person_id FROM benefit_cases WHERE regime = 'sickness' AND "
                                              "event_date > ? AND event_date <= ? AND supersedes IS NULL"));
    st->BindText(1, d.AddDays(-365).ToString());
    st->BindText(2, d.ToString());
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      ++sick_total;
      auto pe = employer_of_person.find(st->Int(0));
      if (pe == employer_of_person.end()) continue;
      if (auto it = by_id.find(pe->second); it != by_id.end()) ++emps[it->second].sick;
    }
    workers_total = static_cast<int64_t>(employer_of_person.size());
  }
  // The tax authority's workforce, latest year not after the as-of year.
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT tax_code, employees, year FROM tax_workforce WHERE year <= ? ORDER BY year"));
    st->BindInt(1, d.ymd().year);
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      out.tax_data = true;
      if (auto it = by_tax.find(st->Text(0)); it != by_tax.end()) emps[it->second].tax_employees = st->Int(1);
    }
  }
  // Peers: the median of employers' average salaries by type and wage region.
  std::unordered_map<std::string, std::vector<double>> peer_avgs;
  for (const auto& e : emps)
    if (e.r.workers > 0) peer_avgs[e.r.type + "|" + std::to_string(e.r.region)].push_back(e.salary_sum / e.r.workers);
  std::unordered_map<std::string, double> peer_median;
  for (auto& [k, v] : peer_avgs) peer_median[k] = v.size() >= 3 ? Median(v) : 0;  // fewer than 3: no comparison
  double national_sick_rate = workers_total > 0 ? static_cast<double>(sick_total) / static_cast<double>(workers_total) : 0;

  for (auto& e : emps) {
    EmployerRisk& r = e.r;
    const bool evasion = e.evasion;
    auto add = [&](const std::string& f, double value, std::string why) {
      const Param3& p = fp[f];
      RiskFactor x;
      x.factor = f;
      x.value = value;
      x.points = Points(p, value);
      x.weight = p.weight;
      x.threshold = p.threshold;
      x.full = p.full;
      x.explanation = std::move(why);
      x.source = p.source;
      r.factors.push_back(std::move(x));
    };
    add("arrears_months", r.months_owed,
        r.months_owed > 0 ? "Nợ " + std::to_string(r.months_owed) + " tháng, số tiền " + FormatVnd(r.balance) + " đồng"
                          : "Không nợ tháng nào đã quá hạn");
    add("evasion", evasion ? 1 : 0, evasion ? "Khoản nợ được xác định là trốn đóng (Luật BHXH 2024 Điều 39)" : "Không có khoản trốn đóng");
    double below_min = r.workers > 0 ? static_cast<double>(e.below_min) / r.workers : 0;
    add("salary_below_minimum", below_min,
        e.below_min > 0 ? std::to_string(e.below_min) + "/" + std::to_string(r.workers) +
                              " lao động khai lương thấp hơn lương tối thiểu vùng " + std::to_string(r.region)
                        : "Không có lao động khai lương dưới lương tối thiểu vùng");
    double med = peer_median[r.type + "|" + std::to_string(r.region)];
    double avg = r.workers > 0 ? e.salary_sum / r.workers : 0;
    double gap = med > 0 && r.workers > 0 ? std::max(0.0, 1 - avg / med) : 0;
    add("salary_below_peers", gap,
        med > 0 && r.workers > 0
            ? "Lương bình quân " + FormatVnd(static_cast<Vnd>(std::llround(avg))) + " đồng, thấp hơn trung vị các đơn vị cùng loại, cùng vùng (" +
                  FormatVnd(static_cast<Vnd>(std::llround(med))) + " đồng) " + Pct(gap)
            : "Không đủ đơn vị cùng loại, cùng vùng để so sánh");
    double missing = e.tax_employees > 0 ? std::max(0.0, 1 - static_cast<double>(r.workers) / static_cast<double>(e.tax_employees)) : 0;
    add("workforce_gap", missing,
        e.tax_employees >= 0 ? "Cơ quan thuế ghi nhận " + std::to_string(e.tax_employees) + " lao động, đơn vị khai " +
                                   std::to_string(r.workers) + " (thiếu " + Pct(missing) + ")"
                             : "Chưa có dữ liệu lao động của cơ quan thuế");
    add("late_declarations", e.late_decl,
        e.late_decl > 0 ? std::to_string(e.late_decl) + " lần khai tăng lao động từ tháng trước trong 12 tháng qua"
                        : "Không có lần khai muộn trong 12 tháng qua");
    double sick_rate = r.workers > 0 ? static_cast<double>(e.sick) / r.workers : 0;
    double multiple = national_sick_rate > 0 ? sick_rate / national_sick_rate : 0;
    add("sickness_above_peers", multiple,
        e.sick > 0 ? std::to_string(e.sick) + " hồ sơ ốm đau trong 12 tháng, gấp " + Dec1(multiple) +
                         " lần tỷ lệ chung"
                   : "Không có hồ sơ ốm đau trong 12 tháng qua");
    r.score = 0;
    for (const auto& f : r.factors) r.score += f.points;
    r.score = std::round(std::min(100.0, r.score) * 10) / 10;
    r.mandatory = r.months_owed >= mandatory_months;
    std::stable_sort(r.factors.begin(), r.factors.end(),
                     [](const RiskFactor& a, const RiskFactor& b) { return a.points > b.points; });
  }
  std::vector<EmployerRisk> ranked;
  ranked.reserve(emps.size());
  for (auto& e : emps) {
    if (e.r.score < opt.min_score && !e.r.mandatory) continue;
    out.mandatory += e.r.mandatory ? 1 : 0;
    ranked.push_back(std::move(e.r));
  }
  out.employers = static_cast<int>(ranked.size());
  std::stable_sort(ranked.begin(), ranked.end(), [](const EmployerRisk& a, const EmployerRisk& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.mandatory > b.mandatory;
  });
  if (static_cast<int>(ranked.size()) > opt.limit) ranked.resize(opt.limit);
  out.top = std::move(ranked);
  return out;
}

Result<TaxImport> ImportTaxWorkforce(Db& db, const std::string& csv, const std::string& source, const Actor& actor) {
  BHXH_ASSIGN_OR_RETURN(CsvTable t, ParseCsv(csv, "tax_workforce"));
  int ct = t.Column("tax_code"), cy = t.Column("year"), ce = t.Column("employees"), cw = t.Column("wage_bill");
  if (ct < 0 || cy < 0 || ce < 0)
    return Status::Invalid("header", "Tệp dữ liệu thuế cần các cột tax_code, year, employees",
                           "the tax file needs tax_code, year, employees");
  struct Row {
    std::string tax;
    int64_t year, employees, wage;
  };
  std::vector<Row> rows;
  std::vector<RowError> errors;
  for (const auto& r : t.rows) {
    Row x;
    x.tax = Trim(r.cells[ct]);
    bool ok = x.tax.size() >= 10 && x.tax.size() <= 14 &&
              std::all_of(x.tax.begin(), x.tax.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-'; });
    if (!ok) {
      errors.push_back({r.line, "tax_code", "invalid", "Mã số thuế phải có 10 hoặc 13 chữ số: \"" + Utf8Prefix(x.tax, 30) + "\"",
                        "a tax code has 10 or 13 digits"});
      continue;
    }
    auto y = ParseInt(r.cells[cy], "year", 2000, 2200);
    auto e = ParseInt(r.cells[ce], "employees", 0, 10'000'000);
    auto w = cw >= 0 && !Trim(r.cells[cw]).empty() ? ParseInt(r.cells[cw], "wage_bill", 0, INT64_MAX) : Result<int64_t>(int64_t{0});
    for (const Status* s : {&y.status(), &e.status(), &w.status()})
      if (!s->ok()) errors.push_back({r.line, s->field(), s->code(), s->message_vi(), s->message_en()});
    if (!y.ok() || !e.ok() || !w.ok()) continue;
    x.year = *y;
    x.employees = *e;
    x.wage = *w;
    rows.push_back(std::move(x));
  }
  TaxImport out;
  if (!errors.empty()) {
    out.errors = std::move(errors);  // the whole file is refused: nothing stored
    return out;
  }
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto del, db.Prepare("DELETE FROM tax_workforce WHERE tax_code = ? AND year = ?"));
  BHXH_ASSIGN_OR_RETURN(auto ins, db.Prepare("INSERT INTO tax_workforce (tax_code, year, employees, wage_bill, source, "
                                             "loaded_at, loaded_by) VALUES (?,?,?,?,?,?,?)"));
  BHXH_ASSIGN_OR_RETURN(auto known, db.Prepare("SELECT 1 FROM employers WHERE tax_code = ?"));
  for (const auto& r : rows) {
    del->Reset();
    BHXH_RETURN_IF_ERROR(del->Bind(r.tax, r.year).Run());
    ins->Reset();
    BHXH_RETURN_IF_ERROR(ins->Bind(r.tax, r.year, r.employees, r.wage, source, NowIsoUtc(), actor.id).Run());
    known->Reset();
    known->BindText(1, r.tax);
    BHXH_ASSIGN_OR_RETURN(bool found, known->Step());
    if (!found && out.unknown_tax_codes.size() < 1000) out.unknown_tax_codes.push_back(r.tax);
    ++out.rows;
  }
  BHXH_RETURN_IF_ERROR(WriteAudit(db, actor, "import", "tax_workforce", source, std::to_string(out.rows) + " rows"));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return out;
}

}  // namespace bhxh
