#include "benefits/benefit_law.h"

#include <algorithm>
#include <map>

#include "base/csv.h"
#include "base/money.h"
#include "base/parse.h"

namespace bhxh {

const char* SexWord(Sex s) { return s == Sex::kMale ? "male" : "female"; }

namespace {

struct File {
  std::string path;
  CsvTable table;
  std::vector<int> col;
  std::string Where(const CsvRow& r) const { return path + ":" + std::to_string(r.line); }
  const std::string& Cell(const CsvRow& r, int i) const { return r.cells[col[i]]; }
};

Result<File> Open(const std::string& path, const std::vector<std::string>& names) {
  File f{path, {}, {}};
  BHXH_ASSIGN_OR_RETURN(f.table, ReadCsvFile(path));
  for (const auto& n : names) {
    int c = f.table.Column(n);
    if (c < 0) return Status::Invalid(path, "Thiếu cột \"" + n + "\" trong " + path, "missing column \"" + n + "\"");
    f.col.push_back(c);
  }
  return f;
}

Result<Sex> ParseSexWord(const std::string& s, const std::string& where) {
  if (s == "male") return Sex::kMale;
  if (s == "female") return Sex::kFemale;
  return Status::Invalid(where, "Giới tính phải là male hoặc female", "sex must be male or female");
}

LawParam Cite(std::string key, Date from, std::string value, std::string unit, std::string law, std::string source,
              std::string note) {
  return LawParam{std::move(key), from,         std::move(value), std::move(unit), std::move(law), std::move(source),
                  std::move(note)};
}

}  // namespace

Vnd Indexation::Apply(Vnd monthly, Month pension_start, bool top_up) const {
  Vnd a = ApplyRate(monthly, kMicroPerUnit + percent);
  if (!top_up || !topup_started_before || !(pension_start < topup_before_month)) return a;
  if (a <= topup_up_to) return a + topup_add;
  return a < topup_floor ? topup_floor : a;
}

Result<BenefitLaw> BenefitLaw::Load(const std::string& dir) {
  BenefitLaw b;
  BHXH_ASSIGN_OR_RETURN(b.params_, ParamTable::LoadFile(dir + "/parameters.csv"));
  {
    BHXH_ASSIGN_OR_RETURN(
        File f, Open(dir + "/retirement_age.csv",
                     {"sex", "from_year", "age_years", "age_months", "in_force_from", "law", "source", "note"}));
    for (const auto& r : f.table.rows) {
      AgeRow a;
      BHXH_ASSIGN_OR_RETURN(a.sex, ParseSexWord(f.Cell(r, 0), f.Where(r)));
      BHXH_ASSIGN_OR_RETURN(a.from_year, ParseInt32(f.Cell(r, 1), f.Where(r), 1900, 2200));
      BHXH_ASSIGN_OR_RETURN(a.years, ParseInt32(f.Cell(r, 2), f.Where(r), 30, 90));
      BHXH_ASSIGN_OR_RETURN(a.months, ParseInt32(f.Cell(r, 3), f.Where(r), 0, 11));
      BHXH_ASSIGN_OR_RETURN(a.in_force_from, Date::Parse(f.Cell(r, 4), f.Where(r) + " in_force_from"));
      a.law = f.Cell(r, 5), a.source = f.Cell(r, 6), a.note = f.Cell(r, 7);
      b.ages_.push_back(a);
    }
    std::stable_sort(b.ages_.begin(), b.ages_.end(),
                     [](const AgeRow& x, const AgeRow& y) { return x.from_year < y.from_year; });
  }
  {
    BHXH_ASSIGN_OR_RETURN(File f, Open(dir + "/revaluation.csv", {"benefit_year", "scheme", "contribution_year",
                                                                  "coefficient", "law", "source", "note"}));
    for (const auto& r : f.table.rows) {
      RevalRow v;
      BHXH_ASSIGN_OR_RETURN(v.benefit_year, ParseInt32(f.Cell(r, 0), f.Where(r), 1990, 2200));
      v.scheme = f.Cell(r, 1);
      if (v.scheme != "compulsory" && v.scheme != "voluntary")
        return Status::Invalid(f.Where(r), "scheme phải là compulsory hoặc voluntary",
                               "scheme must be compulsory or voluntary");
      BHXH_ASSIGN_OR_RETURN(v.contribution_year, ParseInt32(f.Cell(r, 2), f.Where(r), 1900, 2200));
      BHXH_ASSIGN_OR_RETURN(v.coefficient, ParseScaled(f.Cell(r, 3), 6, f.Where(r)));
      if (v.coefficient <= 0) return Status::Invalid(f.Where(r), "Hệ số phải dương", "coefficient must be positive");
      v.law = f.Cell(r, 4), v.source = f.Cell(r, 5), v.note = f.Cell(r, 6);
      b.reval_.push_back(v);
    }
  }
  {
    BHXH_ASSIGN_OR_RETURN(File f, Open(dir + "/averaging.csv", {"entry_from_year", "years", "law", "source", "note"}));
    for (const auto& r : f.table.rows) {
      AvgRow a;
      BHXH_ASSIGN_OR_RETURN(a.entry_from_year, ParseInt32(f.Cell(r, 0), f.Where(r), 1800, 2200));
      BHXH_ASSIGN_OR_RETURN(a.years, ParseInt32(f.Cell(r, 1), f.Where(r), 0, 60));
      a.law = f.Cell(r, 2), a.source = f.Cell(r, 3), a.note = f.Cell(r, 4);
      b.averaging_.push_back(a);
    }
    std::stable_sort(b.averaging_.begin(), b.averaging_.end(),
                     [](const AvgRow& x, const AvgRow& y) { return x.entry_from_year < y.entry_from_year; });
  }
  {
    BHXH_ASSIGN_OR_RETURN(
        File f, Open(dir + "/indexation.csv", {"effective_from", "percent", "law", "source", "note",
                                               "topup_started_before", "topup_up_to", "topup_add", "topup_floor"}));
    for (const auto& r : f.table.rows) {
      Indexation i;
      BHXH_ASSIGN_OR_RETURN(i.effective_from, Date::Parse(f.Cell(r, 0), f.Where(r)));
      BHXH_ASSIGN_OR_RETURN(i.percent, ParsePercent(f.Cell(r, 1), f.Where(r)));
      if (!f.Cell(r, 5).empty()) {
        BHXH_ASSIGN_OR_RETURN(Date before, Date::Parse(f.Cell(r, 5), f.Where(r) + " topup_started_before"));
        i.topup_started_before = before;
        i.topup_before_month = Month::OfDate(before);
        BHXH_ASSIGN_OR_RETURN(i.topup_up_to, ParseInt(f.Cell(r, 6), f.Where(r) + " topup_up_to", 1, 1'000'000'000));
        BHXH_ASSIGN_OR_RETURN(i.topup_add, ParseInt(f.Cell(r, 7), f.Where(r) + " topup_add", 1, 1'000'000'000));
        BHXH_ASSIGN_OR_RETURN(i.topup_floor, ParseInt(f.Cell(r, 8), f.Where(r) + " topup_floor", 1, 1'000'000'000));
        if (i.topup_floor <= i.topup_up_to)
          return Status::Invalid(f.Where(r) + " topup_floor", "topup_floor phải lớn hơn topup_up_to",
                                 "topup_floor must be above topup_up_to");
      } else if (!f.Cell(r, 6).empty() || !f.Cell(r, 7).empty() || !f.Cell(r, 8).empty()) {
        return Status::Invalid(f.Where(r) + " topup_started_before",
                               "Mức điều chỉnh tăng thêm cần topup_started_before (nghỉ hưu trước ngày nào)",
                               "a top-up needs topup_started_before");
      }
      i.cite = Cite("pension.indexation", i.effective_from, f.Cell(r, 1), "percent", f.Cell(r, 2), f.Cell(r, 3),
                    f.Cell(r, 4));
      b.indexation_.push_back(i);
    }
    std::stable_sort(b.indexation_.begin(), b.indexation_.end(),
                     [](const Indexation& x, const Indexation& y) { return x.effective_from < y.effective_from; });
  }
  {
    BHXH_ASSIGN_OR_RETURN(File f, Open(dir + "/one_time_reasons.csv", {"reason", "effective_from", "allowed", "max_years",
                                                                       "joined_before", "law", "name_vi"}));
    for (const auto& r : f.table.rows) {
      OneTimeReason o;
      o.reason = f.Cell(r, 0);
      BHXH_ASSIGN_OR_RETURN(o.effective_from, Date::Parse(f.Cell(r, 1), f.Where(r)));
      if (f.Cell(r, 2) != "yes" && f.Cell(r, 2) != "no")
        return Status::Invalid(f.Where(r), "allowed phải là yes hoặc no", "allowed must be yes or no");
      o.allowed = f.Cell(r, 2) == "yes";
      if (!f.Cell(r, 3).empty()) {
        BHXH_ASSIGN_OR_RETURN(int y, ParseInt32(f.Cell(r, 3), f.Where(r), 1, 60));
        o.max_years = y;
      }
      if (!f.Cell(r, 4).empty()) {
        BHXH_ASSIGN_OR_RETURN(Date d, Date::Parse(f.Cell(r, 4), f.Where(r)));
        o.joined_before = d;
      }
      o.law = f.Cell(r, 5), o.name_vi = f.Cell(r, 6);
      b.reasons_.push_back(o);
    }
    std::stable_sort(b.reasons_.begin(), b.reasons_.end(),
                     [](const OneTimeReason& x, const OneTimeReason& y) { return x.effective_from < y.effective_from; });
  }
  return b;
}

Result<RetirementAge> BenefitLaw::AgeForYear(Sex sex, int year, std::optional<Date> as_of) const {
  const AgeRow* best = nullptr;
  for (const auto& a : ages_)
    if (a.sex == sex && a.from_year <= year && (!as_of || a.in_force_from <= *as_of)) best = &a;
  if (!best)
    return Status::NotFound("retirement_age", "Chưa có tuổi nghỉ hưu cho năm " + std::to_string(year),
                            "no retirement age for " + std::to_string(year));
  RetirementAge r{best->years, best->months, {}};
  r.cite = Cite(std::string("retirement_age.") + SexWord(sex), Date::FromYmd(best->from_year, 1, 1),
                std::to_string(best->years) + "y" + std::to_string(best->months) + "m", "age", best->law, best->source,
                best->note);
  return r;
}

Result<std::pair<Date, RetirementAge>> BenefitLaw::RetirementDate(Sex sex, Date birth, int reduce_months,
                                                                  std::optional<Date> as_of) const {
  auto ymd = birth.ymd();
  for (int year = ymd.year + 30; year <= ymd.year + 80; ++year) {
    BHXH_ASSIGN_OR_RETURN(RetirementAge age, AgeForYear(sex, year, as_of));
    Date reached = birth.AddMonths(age.total_months() - reduce_months);
    if (reached.year() <= year) return std::make_pair(reached, age);
  }
  return Status::NotFound("retirement_age", "Không xác định được tuổi nghỉ hưu", "no retirement age found");
}

std::string CoefficientText(int64_t micro) { return FixedText(micro, 1'000'000, '.', 2); }

bool BenefitLaw::HasRevaluation(int benefit_year, const std::string& scheme) const {
  for (const auto& v : reval_)
    if (v.benefit_year == benefit_year && v.scheme == scheme) return true;
  return false;
}

Result<std::pair<int64_t, LawParam>> BenefitLaw::Revaluation(int benefit_year, const std::string& scheme,
                                                             int contribution_year) const {
  const RevalRow* best = nullptr;
  const int row_year = RevaluationRowYear(contribution_year);
  bool table = false;
  for (const auto& v : reval_) {
    if (v.benefit_year != benefit_year || v.scheme != scheme) continue;
    table = true;
    if (v.contribution_year == row_year) best = &v;
  }
  if (!table)
    return Status::Error("missing_revaluation", "event_date",
                         "Chưa có bảng hệ số điều chỉnh tiền lương đã đóng BHXH (" +
                             std::string(scheme == "voluntary" ? "tự nguyện" : "bắt buộc") + ") áp dụng năm " +
                             std::to_string(benefit_year) +
                             "; bổ sung vào data/benefits/revaluation.csv, hoặc để tính thử, ghi các hệ số của "
                             "thông tư năm đó trong revaluation của yêu cầu",
                         "no revaluation table for benefits decided in " + std::to_string(benefit_year) + " (" +
                             scheme + "); add it to data/benefits/revaluation.csv, or for an estimate give the "
                             "year's coefficients in the request's revaluation");
  if (!best)
    return Status::Error("missing_revaluation", "history",
                         "Bảng hệ số năm " + std::to_string(benefit_year) + " không có hệ số cho năm đóng " +
                             std::to_string(contribution_year),
                         "the " + std::to_string(benefit_year) + " table has no coefficient for contribution year " +
                             std::to_string(contribution_year));
  return std::make_pair(best->coefficient,
                        Cite("revaluation." + std::to_string(benefit_year) + "." + scheme + "." +
                                 std::to_string(best->contribution_year),
                             Date::FromYmd(benefit_year, 1, 1), CoefficientText(best->coefficient), "coefficient",
                             best->law, best->source, best->note));
}

Result<std::pair<int, LawParam>> BenefitLaw::AveragingYears(int entry_year) const {
  const AvgRow* best = nullptr;
  for (const auto& a : averaging_)
    if (a.entry_from_year <= entry_year) best = &a;
  if (!best)
    return Status::NotFound("averaging", "Không có quy định số năm tính bình quân cho năm tham gia " +
                                             std::to_string(entry_year),
                            "no averaging rule for entry year " + std::to_string(entry_year));
  return std::make_pair(best->years, Cite("averaging_years", Date::FromYmd(best->entry_from_year, 1, 1),
                                          std::to_string(best->years), "years", best->law, best->source, best->note));
}

Result<OneTimeReason> BenefitLaw::Reason(const std::string& reason, Date d) const {
  const OneTimeReason* best = nullptr;
  bool known = false;
  for (const auto& o : reasons_) {
    if (o.reason != reason) continue;
    known = true;
    if (o.effective_from <= d) best = &o;
  }
  if (!known)
    return Status::Invalid("facts.reason", "Lý do hưởng BHXH một lần không hợp lệ: \"" + reason + "\"",
                           "unknown one-time reason \"" + reason + "\"");
  if (!best)
    return Status::Invalid("facts.reason", "Lý do \"" + reason + "\" chưa có hiệu lực ngày " + d.ToVi(),
                           "reason not in force on " + d.ToString());
  return *best;
}

std::vector<std::string> BenefitLaw::ReasonCodes() const {
  std::vector<std::string> out;
  for (const auto& o : reasons_)
    if (std::find(out.begin(), out.end(), o.reason) == out.end()) out.push_back(o.reason);
  return out;
}

}  // namespace bhxh
