#include "funds/base.h"

#include <unordered_map>

#include "base/csv.h"
#include "base/parse.h"
#include "funds/journal.h"

namespace bhxh {

namespace {

// Adds `n` persons with `amount` and `service` to one age cell, keeping the
// cell's averages.
void AddTo(SexAge& count, SexAge& avg, SexAge* svc, int s, int age, double n, double amount, double service) {
  if (age < kMinAge || age > kMaxAge || n <= 0) return;
  int i = age - kMinAge;
  double before = count.v[s][i];
  avg.v[s][i] = (avg.v[s][i] * before + amount * n) / (before + n);
  if (svc) svc->v[s][i] = (svc->v[s][i] * before + service * n) / (before + n);
  count.v[s][i] += n;
}

int AgeAt(const std::string& dob, Month m) {
  // dob is YYYY, YYYY-MM or YYYY-MM-DD; age in completed years at the start of the month's year.
  auto y = ParseInt32(dob.substr(0, 4), "dob");
  return y.ok() ? m.year() - *y : -1;
}

}  // namespace

Result<BasePopulation> NationalBase(const std::string& path) {
  BHXH_ASSIGN_OR_RETURN(CsvTable t, ReadCsvFile(path));
  std::vector<int> c;
  for (const char* n : {"group", "sex", "age_from", "age_to", "count", "average_amount", "average_service_years"}) {
    int i = t.Column(n);
    if (i < 0)
      return Status::Invalid(path, std::string("Thiếu cột \"") + n + "\" trong " + path,
                             std::string("missing column \"") + n + "\" in " + path);
    c.push_back(i);
  }
  BasePopulation b;
  b.source = "Tệp dân số gốc " + path;
  for (const auto& r : t.rows) {
    std::string where = path + ":" + std::to_string(r.line);
    const std::string& g = r.cells[c[0]];
    if (g == "reserve") {
      BHXH_ASSIGN_OR_RETURN(b.reserve, ParseDouble(r.cells[c[5]], where + " average_amount"));
      continue;
    }
    if (g == "year") {
      BHXH_ASSIGN_OR_RETURN(b.year, ParseInt32(r.cells[c[5]], where + " average_amount", 1900, 2200));
      continue;
    }
    if (g != "contributors" && g != "pensioners")
      return Status::Invalid(where, "Nhóm phải là contributors, pensioners, reserve hoặc year: \"" + g + "\"",
                             "group must be contributors, pensioners, reserve or year");
    int s = r.cells[c[1]] == "male" ? 0 : r.cells[c[1]] == "female" ? 1 : -1;
    if (s < 0) return Status::Invalid(where, "Giới tính phải là male hoặc female", "sex must be male or female");
    BHXH_ASSIGN_OR_RETURN(int from, ParseInt32(r.cells[c[2]], where + " age_from", kMinAge, kMaxAge));
    BHXH_ASSIGN_OR_RETURN(int to, ParseInt32(r.cells[c[3]], where + " age_to", from, kMaxAge));
    BHXH_ASSIGN_OR_RETURN(double n, ParseDouble(r.cells[c[4]], where + " count"));
    BHXH_ASSIGN_OR_RETURN(double amount, ParseDouble(r.cells[c[5]], where + " average_amount"));
    BHXH_ASSIGN_OR_RETURN(double svc, ParseDouble(r.cells[c[6]], where + " average_service_years"));
    if (n < 0 || amount < 0 || svc < 0)
      return Status::Invalid(where, "Số người, số tiền và số năm không được âm", "negative count, amount or years");
    for (int age = from; age <= to; ++age) {
      double each = n / (to - from + 1);
      if (g == "contributors") AddTo(b.contributors, b.wage, &b.service, s, age, each, amount, svc);
      else AddTo(b.pensioners, b.pension, nullptr, s, age, each, amount, svc);
    }
  }
  if (b.year == 0)
    return Status::Invalid(path, "Tệp thiếu dòng year (năm đầu dự báo)", "the file has no year row (first projected year)");
  return b;
}

Result<BasePopulation> BaseFromDb(Db& db, const FundsCatalog& cat, Month as_of) {
  BasePopulation b;
  b.year = as_of.year() + 1;
  b.source = "Cơ sở dữ liệu quốc gia, tháng " + as_of.ToVi();
  // Months with retirement dues per person, up to as_of.
  std::unordered_map<int64_t, int> months;
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT person_id, COUNT(DISTINCT month) FROM dues WHERE month <= ? AND "
                                              "retirement_er + retirement_ee > 0 GROUP BY person_id"));
    st->Bind(static_cast<int64_t>(as_of.index()));
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      months[st->Int(0)] = static_cast<int>(st->Int(1));
    }
  }
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT p.dob, p.sex, d.person_id, d.retirement_base FROM dues d JOIN "
                                              "persons p ON p.id = d.person_id WHERE d.month = ? AND "
                                              "d.retirement_er + d.retirement_ee > 0"));
    st->Bind(static_cast<int64_t>(as_of.index()));
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      int s = st->Int(1) == 2 ? 1 : 0;
      int age = AgeAt(st->Text(0), Month::Of(b.year, 1));
      AddTo(b.contributors, b.wage, &b.service, s, age, 1, static_cast<double>(st->Int(3)),
            months[st->Int(2)] / 12.0);
    }
  }
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT p.dob, p.sex, b.monthly FROM beneficiaries b JOIN persons p ON "
                                              "p.id = b.person_id WHERE b.regime = 'pension' AND b.status = 'active' "
                                              "AND b.start_month <= ?"));
    st->Bind(static_cast<int64_t>(as_of.index()));
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      int s = st->Int(1) == 2 ? 1 : 0;
      AddTo(b.pensioners, b.pension, nullptr, s, AgeAt(st->Text(0), Month::Of(b.year, 1)), 1,
            static_cast<double>(st->Int(2)), 0);
    }
  }
  BHXH_ASSIGN_OR_RETURN(FundBalance bal, FundBalanceAt(db, cat, "retirement", as_of));
  b.reserve = static_cast<double>(bal.balance);
  b.notes.push_back("Số năm đóng tính từ các tháng có trong cơ sở dữ liệu (chưa cộng sổ giấy trước đó) / years of "
                    "contributions count only months in the database");
  if (b.contributors.Sum() == 0)
    return Status::NotFound("base", "Không có người đóng quỹ hưu trí tháng " + as_of.ToVi() + " (chưa chạy thu?)",
                            "no retirement contributors in " + as_of.ToString() + " (no collection run?)");
  return b;
}

}  // namespace bhxh
