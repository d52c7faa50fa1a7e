#include "benefits/calc.h"

#include "base/citation.h"
#include "base/parse.h"

#include <algorithm>
#include <map>
#include <set>

namespace bhxh {

namespace {

const char* kRegimeCodes[] = {"sickness", "maternity",    "occupational",   "pension",          "one_time",
                              "survivor", "funeral",      "unemployment",   "social_pension",   "monthly_allowance"};
const char* kRegimeNames[] = {"Ốm đau",        "Thai sản",          "Tai nạn lao động, bệnh nghề nghiệp",
                              "Hưu trí",       "BHXH một lần",      "Tử tuất (trợ cấp tuất)",
                              "Trợ cấp mai táng", "Trợ cấp thất nghiệp", "Trợ cấp hưu trí xã hội",
                              "Trợ cấp hằng tháng (Điều 23 Luật BHXH 2024)"};
const char* kWorkCodes[] = {"normal", "heavy", "especially_heavy", "underground_coal"};

constexpr int64_t kMicro = 1'000'000;

// round_half_up(num / den) for non-negative values.
Vnd DivRound(__int128 num, __int128 den) {
  if (den <= 0) return 0;
  __int128 q = num / den, r = num % den;
  if (r * 2 >= den) ++q;
  return static_cast<Vnd>(q);
}

std::string DecimalVi(int64_t micro, int max_decimals = 2) {
  bool neg = micro < 0;
  if (neg) micro = -micro;
  int64_t scale = 1;
  for (int i = 0; i < 6 - max_decimals; ++i) scale *= 10;
  int64_t v = (micro + scale / 2) / scale;  // in 10^-max_decimals
  int64_t unit = 1;
  for (int i = 0; i < max_decimals; ++i) unit *= 10;
  std::string s = FormatVnd(v / unit);
  int64_t frac = v % unit;
  if (frac) {
    std::string f = std::to_string(frac);
    while (static_cast<int>(f.size()) < max_decimals) f = "0" + f;
    while (!f.empty() && f.back() == '0') f.pop_back();
    s += "," + f;
  }
  return (neg ? "-" : "") + s;
}

// Years counted by the odd-months rule (Decree 115/2015): 1 to `half_up_to`
// odd months are half a year, more are a whole year. In half years.
int HalfYears(int months, int half_up_to) {
  int y = months / 12, r = months % 12;
  if (r == 0) return y * 2;
  return r <= half_up_to ? y * 2 + 1 : y * 2 + 2;
}
std::string HalfYearsVi(int h) { return std::to_string(h / 2) + (h % 2 ? ",5" : "") + " năm"; }

// Contribution years as the lump sums count them (one-time SI: 58/2014
// Art.60.2, 41/2024 Art.70.3; settling abroad: Art.65.2 / 76.2; survivors:
// Art.70.1 / 89.1): whole years before 2014 at one rate, the odd months
// before 2014 carried into the period from 2014, whose length the odd-months
// rule rounds to half years.
struct YearsAt2014 {
  int years_before = 0, carried = 0, half_after = 0;
  // Months earned at `per_before` / `per_after` months a year, in millionths
  // and doubled, so that half years stay exact.
  int64_t DoubleMonthsMicro(int64_t per_before, int64_t per_after) const {
    return per_before * years_before * 2 + per_after * half_after;
  }
  std::string Vi(int64_t per_before, int64_t per_after) const {
    return "trước 2014: " + std::to_string(years_before) + " năm × " + DecimalVi(per_before) + " tháng" +
           (carried ? " (" + std::to_string(carried) + " tháng lẻ chuyển sang giai đoạn từ 2014)" : "") +
           "; từ 2014: " + HalfYearsVi(half_after) + " × " + DecimalVi(per_after) + " tháng";
  }
};

// A stretch of leave between two dates, as maternity leave is counted:
// whole months (the same day of a later month closes one) and the odd days
// after them (58/2014 Art.39.1.c; 41/2024 Art.59.3). `to` is exclusive.
struct MonthsDays {
  int months = 0, days = 0;
};
MonthsDays SpanOf(Date from, Date to) {
  MonthsDays s;
  while (from.AddMonths(s.months + 1) <= to) ++s.months;
  s.days = to.days() - from.AddMonths(s.months).days();
  return s;
}
std::string SpanVi(MonthsDays s) {
  if (s.months && s.days) return std::to_string(s.months) + " tháng " + std::to_string(s.days) + " ngày";
  return s.days ? std::to_string(s.days) + " ngày" : std::to_string(s.months) + " tháng";
}

struct MonthRec {
  Month m;
  Vnd salary = 0;           // nominal contribution salary of the month
  int64_t coefficient = 0;  // State pay: coefficient incl. allowances, millionths (0: given as salary)
  bool voluntary = false, state = false, ui = false;
  Work work = Work::kNormal;
  int64_t area = 0;
};

class Calc {
 public:
  Calc(const BenefitLaw& bl, const LawBook& law, const BenefitRequest& req, BenefitResult& out)
      : bl_(bl), law_(law), req_(req), f_(req.facts), d_(req.event_date), out_(out) {}

  Status Run();

 private:
  // --- parameters, cited ---
  Result<LawParam> P(const std::string& key) {
    auto p = bl_.params().Param(key, d_);
    if (!p.ok()) return p.status();
    Cite(*p);
    return *p;
  }
  void Cite(const LawParam& p) {
    CiteOnce(pending_, p);
    // One warning per source and note, not per row (a revaluation table
    // has thirty rows from one circular).
    if (p.uncertain() && warned_.insert(p.law + "|" + p.note).second)
      out_.warnings.push_back("Tham số chưa được xác nhận (" + p.key + " = " + p.value + ", " + CitationVi(p.law) + "): " + p.note);
  }
  Result<RateMicro> Pct(const std::string& key) {
    BHXH_ASSIGN_OR_RETURN(LawParam p, P(key));
    return ParsePercent(p.value, key);
  }
  Result<int64_t> Micro(const std::string& key) {
    BHXH_ASSIGN_OR_RETURN(LawParam p, P(key));
    return ParseScaled(p.value, 6, key);
  }
  Result<int> Int(const std::string& key) {
    BHXH_ASSIGN_OR_RETURN(LawParam p, P(key));
    return ParseInt32(p.value, key);
  }
  Result<Vnd> Amt(const std::string& key) {
    BHXH_ASSIGN_OR_RETURN(LawParam p, P(key));
    return ParseVnd(p.value, key);
  }
  // The band (1..bands) a value falls in, where band b >= 2 begins at the
  // value of `prefix + b` in the data (weeks of pregnancy, years of
  // contributions, a child's age): the law's thresholds stay data.
  Result<int> BandOf(const std::string& prefix, int value, int bands) {
    int band = 1;
    for (int b = 2; b <= bands; ++b) {
      BHXH_ASSIGN_OR_RETURN(int from, Int(prefix + std::to_string(b)));
      if (value >= from) band = b;
    }
    return band;
  }
  // The reference level (base salary before 2025-07-01) on a date.
  Result<Vnd> RefLevel(Date d) {
    auto p = law_.Param("reference_level", d);
    if (!p.ok()) return p.status();
    Cite(*p);
    return ParseVnd(p->value, "reference_level");
  }
  Result<Vnd> RefLevel() { return RefLevel(d_); }
  // The revaluation coefficient of `contribution_year` for benefits of
  // `year`: the data's table, or — only while the data has none for the
  // year and scheme — the coefficients given with the request.
  Result<std::pair<int64_t, LawParam>> Revalue(int year, bool voluntary, int contribution_year);
  void Step(std::string code, std::string vi, std::string en, std::string law) {
    // The step is read by people: its citation in Vietnamese (the parameters
    // keep the data's own citation).
    out_.steps.push_back({std::move(code), std::move(vi), std::move(en), CitationVi(law), std::move(pending_)});
    pending_.clear();
  }
  void Amount(std::string kind, std::string label, Vnd v, bool monthly = false, std::optional<Month> from = {},
              int months = 0) {
    out_.amounts.push_back({std::move(kind), std::move(label), v, monthly, from, months});
  }
  void NotEligible(const std::string& vi, const std::string& en) {
    out_.eligible = false;
    out_.reasons_vi.push_back(vi);
    out_.reasons_en.push_back(en);
  }
  void Condition(const std::string& vi, const std::string& en) {
    out_.reasons_vi.push_back(vi);
    out_.reasons_en.push_back(en);
  }
  const char* Art(const char* a2014, const char* a2024) const { return law2024_ ? a2024 : a2014; }
  std::string LawName(const std::string& article) const {
    return (law2024_ ? "Luật BHXH 41/2024/QH15, " : "Luật BHXH 58/2014/QH13, ") + article;
  }

  // --- history ---
  Status Expand();
  template <class Pred>
  int Months(Pred pred) const {
    int n = 0;
    for (const auto& r : months_) n += pred(r) ? 1 : 0;
    return n;
  }
  // Months matching `pred` in the `window` months before `ev` (0: all before).
  template <class Pred>
  int MonthsBefore(Month ev, int window, Pred pred) const {
    return Months([&](const MonthRec& r) { return r.m < ev && (window == 0 || r.m >= ev.Add(-window)) && pred(r); });
  }
  Result<Vnd> NominalOf(const MonthRec& r);
  // Σ adjusted salaries in 1e-12 dong, for the average (revaluation / base at the event).
  Result<Vnd> AverageSalary(const std::string& purpose);
  Result<Vnd> AverageOfLast(int n, bool (*pred)(const MonthRec&), Month before, const std::string& what,
                            int* used = nullptr);
  Result<Vnd> PreviousMonthSalary();
  Status ContributionStep();

  // --- regimes ---
  Status Pension();
  Status OneTime();
  Status EmigratingBeneficiary();
  // The area allowance paid once with a pension or one-time SI, at the base
  // salary of the month `at`; nothing when no month carries a coefficient.
  Status AreaAllowanceOnce(Month at);
  Status Sickness();
  Status Maternity();
  Status Occupational();
  Status Survivor();
  // A relative who qualifies for the monthly survivor benefit, and the
  // months they are paid: from the month after the death (a child born
  // after it: from the month of birth) through, for a child who qualifies by
  // age only, the month set by survivor.relative.child_paid_through.
  struct Entitled {
    size_t index = 0;
    Month from;
    std::optional<Month> through;
  };
  // The relatives who qualify, in the order given, with a step saying why
  // each does or does not.
  Result<std::vector<Entitled>> QualifyingRelatives(Vnd ref);
  // Under 58/2014 Art.69.3 a family that qualifies for the monthly benefit
  // may take the lump sum instead, unless one of them is a child under 6 or
  // a child or spouse with the 81% loss; 41/2024 Art.88.2.c names no such
  // exception (dated rows survivor.lump_choice.*). False with the reason
  // when the family may not.
  Result<bool> LumpSumChoiceAllowed(Vnd ref);
  // Whether a child is under `years` at the event, counted by months as the
  // ministry's letter 3432/LĐTBXH-BHXH (item 4.a) counts a child's age for
  // survivors' benefits: under 18 (or 6) through the month before the
  // birthday's month in that year (the offset survivor.relative.
  // child_paid_through, -1). A child born after the event is under any age.
  Result<bool> ChildUnder(Date birth, int years);
  // Convalescence days to pay: `asked`, at most `max_days` less, when the
  // limit is a year's (58/2014 Art.29; Circular 59/2015 Art.7; the letter
  // 3432/LĐTBXH-BHXH item 2.e after a birth), the days already taken this
  // year (facts.days_used_this_year). None left: not eligible, with a step
  // citing `law`, and paid 0. limit_vi is the limit as the step says it.
  struct RecoveryDays {
    int paid = 0;
    std::string limit_vi;
  };
  Result<RecoveryDays> RecoveryDaysOfYear(int asked, int max_days, bool per_year, const char* law);
  Status Funeral();
  Status Unemployment();
  Status SocialPension();
  Status MonthlyAllowance();
  Result<Vnd> OneTimeEntitlement(Vnd avg, bool only_compute);
  Result<YearsAt2014> SplitAt2014();
  Result<int> SicknessDayLimit(int years_months);

  const BenefitLaw& bl_;
  const LawBook& law_;
  const BenefitRequest& req_;
  const BenefitFacts& f_;
  Date d_;
  BenefitResult& out_;
  bool law2024_ = false;
  std::vector<LawParam> pending_;
  std::set<std::string> warned_;
  std::set<std::string> given_ignored_;  // schemes whose given coefficients the data's table overrode
  std::vector<MonthRec> months_;  // sorted, unique, up to the event month
  int half_up_to_ = 6;
};

bool IsCompulsory(const MonthRec& r) { return !r.voluntary; }
bool IsUi(const MonthRec& r) { return r.ui && !r.voluntary; }
// Heavy, hazardous or especially heavy work, or underground coal; or, where
// `area_from` > 0, a place whose area allowance coefficient is at least it
// (millionths: 0.7 → 700000; the threshold is data per law and use).
bool IsHeavy(const MonthRec& r, int64_t area_from) {
  return r.work == Work::kHeavy || r.work == Work::kEspeciallyHeavy || r.work == Work::kUndergroundCoal ||
         (area_from > 0 && r.area >= area_from);
}
bool IsCoal(const MonthRec& r) { return r.work == Work::kUndergroundCoal; }

Status Calc::Expand() {
  Month last = Month::OfDate(d_);
  for (const auto& h : req_.history) {
    for (Month m = h.from; m <= h.to && m <= last; m = m.Next()) {
      MonthRec r;
      r.m = m;
      r.voluntary = h.voluntary;
      r.state = h.state_pay;
      r.ui = h.unemployment && !h.voluntary;
      r.work = h.work;
      r.area = h.area_coefficient;
      if (h.salary_coefficient) {
        r.coefficient = static_cast<int64_t>(static_cast<__int128>(*h.salary_coefficient) * (kMicro + h.allowances) /
                                             kMicro);
      } else {
        r.salary = h.salary.value_or(0);
      }
      months_.push_back(r);
    }
    if (h.to > last)
      out_.warnings.push_back("Quá trình " + h.from.ToVi() + " – " + h.to.ToVi() +
                              " có tháng sau tháng của sự kiện; các tháng đó không được tính");
  }
  std::sort(months_.begin(), months_.end(), [](const MonthRec& a, const MonthRec& b) { return a.m < b.m; });
  return Status::Ok();
}

Result<Vnd> Calc::NominalOf(const MonthRec& r) {
  if (!r.coefficient) return r.salary;
  BHXH_ASSIGN_OR_RETURN(Vnd base, RefLevel(r.m.FirstDay()));
  return ApplyRate(base, r.coefficient);
}

Status Calc::ContributionStep() {
  int total = static_cast<int>(months_.size());
  int vol = total - Months(IsCompulsory);
  out_.contribution_months = total;
  std::string vi = "Thời gian đóng BHXH: " + YearsMonthsVi(total) + " (" + std::to_string(total) + " tháng";
  if (vol) vi += ", trong đó tự nguyện " + YearsMonthsVi(vol);
  vi += ")";
  Step("contribution_time", vi,
       "Contribution time: " + std::to_string(total) + " months (" + std::to_string(vol) + " voluntary)",
       LawName(Art("Điều 3", "Điều 4")));
  return Status::Ok();
}

Result<std::pair<int64_t, LawParam>> Calc::Revalue(int year, bool voluntary, int contribution_year) {
  const std::string scheme = voluntary ? "voluntary" : "compulsory";
  const std::string scheme_vi = voluntary ? "tự nguyện" : "bắt buộc";
  const int row_year = RevaluationRowYear(contribution_year);
  const GivenCoefficient* given = nullptr;
  bool any = false;
  for (const auto& g : req_.revaluation) {
    if (g.voluntary != voluntary) continue;
    any = true;
    if (g.contribution_year == row_year) given = &g;
  }
  if (!any || bl_.HasRevaluation(year, scheme)) {
    if (any && given_ignored_.insert(scheme).second)
      out_.warnings.push_back("Không dùng các hệ số điều chỉnh (" + scheme_vi +
                              ") ghi trong yêu cầu: dữ liệu đã có bảng hệ số áp dụng năm " + std::to_string(year) +
                              " (data/benefits/revaluation.csv)");
    return bl_.Revaluation(year, scheme, contribution_year);
  }
  if (!given) {
    const bool early = contribution_year <= kRevaluationFirstRow;
    return Status::Error(
        "missing_revaluation", "revaluation",
        "Các hệ số điều chỉnh (" + scheme_vi + ") ghi trong yêu cầu không có hệ số cho năm đóng " +
            std::to_string(contribution_year) + (early ? " (ghi là năm 1994: một hệ số cho các năm trước 1995)" : ""),
        "the coefficients given in the request (" + scheme + ") have none for contribution year " +
            std::to_string(contribution_year) + (early ? " (given as 1994: one coefficient for the years before 1995)" : ""));
  }
  LawParam p;
  p.key = "revaluation." + std::to_string(year) + "." + scheme + "." + std::to_string(given->contribution_year);
  p.effective_from = Date::FromYmd(year, 1, 1);
  p.value = CoefficientText(given->coefficient);
  p.unit = "coefficient";
  p.law = "hệ số ghi trong yêu cầu";
  p.source = "revaluation of the request";
  // Shown to the user as the warning of an unconfirmed parameter.
  p.note = "uncertain: hệ số do người yêu cầu ghi vì dữ liệu chưa có bảng năm " + std::to_string(year) +
           "; cần đối chiếu với thông tư của năm đó";
  return std::make_pair(given->coefficient, p);
}

// The average monthly salary on which long-term benefits are computed
// (58/2014/QH13 Art.62-63 and 79; 41/2024/QH15 Art.72-73): salaries set by the
// employer and voluntary incomes revalued by the year's coefficients; State
// pay scale salaries at the base salary of the event date, averaged over the
// last years set by the year of entry; the two parts weighted by months.
Result<Vnd> Calc::AverageSalary(const std::string& purpose) {
  if (f_.average_salary) {
    Step("average_salary",
         "Mức bình quân tiền lương tháng đóng BHXH do cán bộ nhập: " + VndVi(*f_.average_salary),
         "Average salary given: " + std::to_string(*f_.average_salary), "facts.average_salary");
    out_.average_salary = *f_.average_salary;
    return *f_.average_salary;
  }
  if (months_.empty())
    return Status::Invalid("history", "Cần quá trình đóng BHXH để tính mức bình quân tiền lương",
                           "a contribution history is needed for the average salary");
  const int year = d_.year();
  // Σ of adjusted salaries, in 1e-12 dong.
  __int128 other_sum = 0;
  int other_n = 0;
  std::vector<__int128> state;  // adjusted State pay months, oldest first
  Vnd base_event = 0;
  bool any_state = false, any_employer = false, any_vol = false;
  std::map<std::pair<bool, int>, int64_t> coefs;  // (voluntary, year) → coefficient
  std::map<std::pair<bool, int>, int> coef_months;  // (voluntary, year) → months
  for (const auto& r : months_) {
    if (r.state) {
      if (!any_state) {
        BHXH_ASSIGN_OR_RETURN(base_event, RefLevel());
        any_state = true;
      }
      __int128 adj;
      if (r.coefficient) {
        adj = static_cast<__int128>(r.coefficient) * base_event * kMicro;
      } else {
        BHXH_ASSIGN_OR_RETURN(Vnd base_m, RefLevel(r.m.FirstDay()));
        adj = static_cast<__int128>(r.salary) * base_event * kMicro * kMicro / base_m;
      }
      state.push_back(adj);
      continue;
    }
    // One lookup (and one citation) per scheme and contribution year.
    auto key = std::make_pair(r.voluntary, r.m.year());
    auto cached = coefs.find(key);
    if (cached == coefs.end()) {
      auto coef = Revalue(year, r.voluntary, r.m.year());
      if (!coef.ok()) return coef.status();
      Cite(coef->second);
      cached = coefs.emplace(key, coef->first).first;
    }
    const int64_t coef = cached->second;
    (r.voluntary ? any_vol : any_employer) = true;
    other_sum += static_cast<__int128>(r.salary) * coef * kMicro;
    ++other_n;
    ++coef_months[key];
  }
  const __int128 kPico = static_cast<__int128>(kMicro) * kMicro;
  std::string vi, en;
  Vnd avg = 0;
  if (any_employer || any_vol) {
    std::string list;
    for (const auto& [k, n] : coef_months)
      list += (list.empty() ? "" : "; ") + std::to_string(k.second) + (k.first ? " (tự nguyện)" : "") + " × " +
              DecimalVi(coefs.at(k)) + " (" + std::to_string(n) + " tháng)";
    vi += "Tiền lương do đơn vị quyết định" + std::string(any_vol ? " và thu nhập đóng BHXH tự nguyện" : "") +
          " điều chỉnh theo hệ số năm " + std::to_string(year) + ": " + list + "; tổng sau điều chỉnh " +
          VndVi(DivRound(other_sum, kPico)) + " trong " + std::to_string(other_n) + " tháng. ";
    en += "Employer-set salaries revalued with the " + std::to_string(year) + " coefficients over " +
          std::to_string(other_n) + " months. ";
  }
  int n_state = static_cast<int>(state.size());
  __int128 state_avg_pico = 0;
  if (n_state) {
    // Year of entry: the first compulsory month (or facts.first_joined).
    int entry = months_.front().m.year();
    for (const auto& r : months_)
      if (!r.voluntary) {
        entry = r.m.year();
        break;
      }
    if (f_.first_joined) {
      BHXH_ASSIGN_OR_RETURN(Month fj, Month::Parse(*f_.first_joined, "facts.first_joined"));
      entry = std::min(entry, fj.year());
    }
    BHXH_ASSIGN_OR_RETURN(auto window, bl_.AveragingYears(entry));
    Cite(window.second);
    int take = window.first == 0 ? n_state : std::min(n_state, window.first * 12);
    __int128 s = 0;
    for (int i = n_state - take; i < n_state; ++i) s += state[i];
    state_avg_pico = s / take;
    vi += "Tiền lương theo thang bảng lương Nhà nước (" + std::to_string(n_state) +
          " tháng) tính theo mức lương cơ sở tại thời điểm hưởng " + VndVi(base_event) + "; bình quân " +
          (window.first == 0 ? std::string("toàn bộ thời gian")
                             : std::to_string(window.first) + " năm cuối (tham gia từ năm " + std::to_string(entry) + ")") +
          ": " + VndVi(DivRound(state_avg_pico, kPico)) + ". ";
    en += "State pay scale salaries at the event's base salary, averaged over " +
          (window.first == 0 ? std::string("the whole career") : std::to_string(window.first) + " last years") + ". ";
  }
  __int128 total = state_avg_pico * n_state + other_sum;
  int n = n_state + other_n;
  avg = DivRound(total, kPico * n);
  vi += "Mức bình quân tiền lương tháng đóng BHXH = " +
        (n_state && other_n ? "(" + VndVi(DivRound(state_avg_pico, kPico)) + " × " + std::to_string(n_state) +
                                  " + " + VndVi(DivRound(other_sum, kPico)) + ") / " + std::to_string(n) + " = "
         : other_n ? VndVi(DivRound(total, kPico)) + " / " + std::to_string(n) + " = "
                   : std::string()) +
        VndVi(avg);
  en += "Average = " + std::to_string(avg);
  Step("average_salary", vi, en + " (" + purpose + ")",
       LawName(law2024_ ? "Điều 72, 73" : "Điều 62, 63; Điều 79 (tự nguyện)"));
  out_.average_salary = avg;
  return avg;
}

// Average nominal salary of the last `n` months matching `pred` before
// `before` (maternity: 6 months before the leave; unemployment: the last 6
// months of UI). Fewer months: the average of those there are.
Result<Vnd> Calc::AverageOfLast(int n, bool (*pred)(const MonthRec&), Month before, const std::string& what,
                                int* used) {
  if (f_.average_salary) {
    Step("average_salary", "Mức bình quân tiền lương do cán bộ nhập: " + VndVi(*f_.average_salary),
         "Average salary given", "facts.average_salary");
    out_.average_salary = *f_.average_salary;
    return *f_.average_salary;
  }
  __int128 sum = 0;
  int k = 0;
  std::string list;
  for (auto it = months_.rbegin(); it != months_.rend() && k < n; ++it) {
    if (it->m >= before || !pred(*it)) continue;
    BHXH_ASSIGN_OR_RETURN(Vnd s, NominalOf(*it));
    sum += s;
    ++k;
    list = it->m.ToVi() + ": " + FormatVnd(s) + (list.empty() ? "" : "; ") + list;
  }
  if (used) *used = k;
  if (k == 0)
    return Status::Invalid("history", "Không có tháng đóng nào trước " + before.ToVi() + " để tính " + what,
                           "no contribution month before " + before.ToString());
  Vnd avg = DivRound(sum, k);
  Step("average_salary",
       "Bình quân tiền lương " + std::to_string(k) + " tháng gần nhất (" + list + ") = " + VndVi(avg),
       "Average of the last " + std::to_string(k) + " months = " + std::to_string(avg), what);
  out_.average_salary = avg;
  return avg;
}

Result<Vnd> Calc::PreviousMonthSalary() {
  if (f_.previous_month_salary) {
    Step("salary", "Tiền lương tháng liền kề trước khi nghỉ (cán bộ nhập): " + VndVi(*f_.previous_month_salary),
         "Previous month's salary given", "facts.previous_month_salary");
    return *f_.previous_month_salary;
  }
  Month ev = Month::OfDate(d_);
  const MonthRec* prev = nullptr;
  const MonthRec* same = nullptr;
  for (const auto& r : months_) {
    if (r.voluntary) continue;
    if (r.m < ev) prev = &r;
    if (r.m == ev) same = &r;
  }
  // Sick or injured in the first month of participation, or of return after
  // a break: that month's salary (58/2014 Art.28.1; 41/2024 Art.45.1.b; the
  // OSH law 84/2015 Art.48.2, 49.2 alike).
  const bool first_month = same && (!prev || prev->m < ev.Prev());
  if (first_month) prev = same;
  if (!prev)
    return Status::Invalid("history", "Không có tháng đóng BHXH bắt buộc liền trước " + ev.ToVi(),
                           "no compulsory contribution month before " + ev.ToString());
  BHXH_ASSIGN_OR_RETURN(Vnd s, NominalOf(*prev));
  const char* which = first_month ? "Tiền lương tháng đầu tiên tham gia hoặc tham gia trở lại"
                                  : "Tiền lương tháng đóng BHXH liền kề trước khi nghỉ";
  Step("salary", std::string(which) + " (" + prev->m.ToVi() + "): " + VndVi(s),
       "Salary of " + prev->m.ToVi() + ": " + std::to_string(s), LawName(Art("Điều 28.1", "Điều 45.1")));
  out_.average_salary = s;
  return s;
}

// ---------------------------------------------------------------- pension

Status Calc::Pension() {
  BHXH_RETURN_IF_ERROR(ContributionStep());
  const Sex sex = req_.person.sex;
  const bool male = sex == Sex::kMale;
  const int total = static_cast<int>(months_.size());
  BHXH_ASSIGN_OR_RETURN(half_up_to_, Int("pension.odd_months.half_up_to"));
  const int half = HalfYears(total, half_up_to_);

  // 1. Age: normal, or lower for heavy work / coal / reduced capacity.
  Date birth = req_.person.BirthDate();
  BHXH_ASSIGN_OR_RETURN(auto normal, bl_.RetirementDate(sex, birth, 0, d_));
  Cite(normal.second.cite);
  BHXH_ASSIGN_OR_RETURN(int64_t area_from, Micro("pension.heavy.area_coefficient_from"));
  int heavy_months = Months([&](const MonthRec& r) { return IsHeavy(r, area_from); });
  int coal_months = Months(IsCoal);
  int reduce = 0;
  std::string why;
  BHXH_ASSIGN_OR_RETURN(int heavy_years, Int("pension.age_reduction.heavy_years"));
  if (coal_months >= heavy_years * 12) {
    BHXH_ASSIGN_OR_RETURN(int y, Int("pension.age_reduction.coal"));
    reduce = y * 12, why = "đủ " + std::to_string(heavy_years) + " năm làm việc trong hầm lò khai thác than";
  } else if (heavy_months >= heavy_years * 12) {
    BHXH_ASSIGN_OR_RETURN(int y, Int("pension.age_reduction.heavy"));
    reduce = y * 12, why = "đủ " + std::to_string(heavy_years) +
                           " năm làm nghề nặng nhọc, độc hại hoặc nơi có phụ cấp khu vực hệ số từ " +
                           DecimalVi(area_from, 1);
  }
  BHXH_ASSIGN_OR_RETURN(auto entitled, bl_.RetirementDate(sex, birth, reduce, d_));
  int loss = f_.capacity_loss_pct.value_or(0);
  // Capacity-loss bands (58/2014 Art.55.1; 41/2024 Art.65.1): 1 none, 2
  // from 61%, 3 from 81%, where each begins is data.
  BHXH_ASSIGN_OR_RETURN(int loss_band, BandOf("pension.capacity_loss_band_from_pct.", loss, 3));
  const std::string loss_key = "capacity_loss." + std::to_string(loss_band);
  int early_allowed = 0;
  if (loss_band > 1) {
    BHXH_ASSIGN_OR_RETURN(int y, Int("pension.age_reduction." + loss_key));
    early_allowed = y * 12;
  }
  BHXH_ASSIGN_OR_RETURN(auto earliest, bl_.RetirementDate(sex, birth, reduce + early_allowed, d_));
  // 58/2014 Art.55.1 as first enacted (2016-2020) set a fixed age instead of
  // "up to 5 (10) years below the normal age": 51/46 in 2016 rising a year a
  // year to 55/50 (61% to 80%), 50/45 (81% or more). 0 = the reduction rule.
  int fixed_early_age = 0;
  if (loss_band > 1) {
    BHXH_ASSIGN_OR_RETURN(fixed_early_age, Int("pension.early_age." + loss_key + "." + SexWord(sex)));
    if (fixed_early_age > 0) {
      earliest.first = birth.AddMonths(fixed_early_age * 12);
      early_allowed = std::max(0, normal.second.total_months() - fixed_early_age * 12);
    }
  }
  // 58/2014 Art.55.1.c (41/2024 Art.65.1.c): 15 years of especially heavy
  // work — underground coal mining is of it — and a loss from 61%: no age
  // condition (Circular 59/2015, example 26); the years before the age of
  // the regime reduce the rate as for the others. 0 in the row: no such rule.
  BHXH_ASSIGN_OR_RETURN(int any_age_years, Int("pension.capacity_loss.especially_heavy_years"));
  const int especially_months =
      Months([](const MonthRec& r) { return r.work == Work::kEspeciallyHeavy || r.work == Work::kUndergroundCoal; });
  const bool any_age = loss_band > 1 && any_age_years > 0 && especially_months >= any_age_years * 12;
  if (any_age) earliest.first = birth;
  std::string age_vi = std::to_string(normal.second.years) + " tuổi" +
                       (normal.second.months ? " " + std::to_string(normal.second.months) + " tháng" : "");
  Step("retirement_age",
       "Tuổi nghỉ hưu trong điều kiện bình thường: " + age_vi + " (đủ tuổi ngày " + normal.first.ToVi() + ")" +
           (reduce ? "; được nghỉ sớm " + std::to_string(reduce / 12) + " năm vì " + why + " (đủ tuổi ngày " +
                         entitled.first.ToVi() + ")"
                   : "") +
           (fixed_early_age
                ? "; suy giảm khả năng lao động " + std::to_string(loss) + "%: được nghỉ hưu từ đủ " +
                      std::to_string(fixed_early_age) + " tuổi (ngày " + earliest.first.ToVi() + "), có giảm tỷ lệ"
            : early_allowed
                ? "; suy giảm khả năng lao động " + std::to_string(loss) + "%: được nghỉ sớm đến " +
                      std::to_string(early_allowed / 12) + " năm (từ ngày " + earliest.first.ToVi() + "), có giảm tỷ lệ"
                : "") +
           (any_age
                ? "; đủ " + std::to_string(any_age_years) +
                      " năm làm nghề, công việc đặc biệt nặng nhọc, độc hại, nguy hiểm (kể cả hầm lò khai thác than) "
                      "và suy giảm khả năng lao động " +
                      std::to_string(loss) + "%: không phụ thuộc tuổi, có giảm tỷ lệ"
                : ""),
       "Retirement age " + std::to_string(normal.second.years) + "y" + std::to_string(normal.second.months) + "m",
       law2024_ ? "Luật BHXH 41/2024/QH15 Điều 64, 65; Nghị định 135/2020/NĐ-CP"
                : "Luật BHXH 58/2014/QH13 Điều 54, 55; Nghị định 135/2020/NĐ-CP");

  // 2. Conditions.
  out_.eligible = true;
  BHXH_ASSIGN_OR_RETURN(int min_years, Int("pension.min_years"));
  if (total < min_years * 12)
    NotEligible("Chưa đủ " + std::to_string(min_years) + " năm đóng BHXH (mới có " + YearsMonthsVi(total) + ")",
                "fewer than " + std::to_string(min_years) + " years of contributions");
  // Only the year of birth known: the age is reached, for the pension's
  // start, as if born in the row's month (12: from 01/01 of the year after,
  // Circular 59/2015 Art.18.2 and its example 32); the years early of a
  // reduced pension still count from 01/01 (its example 27).
  Date normal_at = entitled.first;
  if (req_.person.birth.month == 0) {
    BHXH_ASSIGN_OR_RETURN(int as_month, Int("pension.unknown_birth_month.counts_as"));
    if (as_month >= 1 && as_month <= 12) {
      BHXH_ASSIGN_OR_RETURN(auto late,
                            bl_.RetirementDate(sex, Date::FromYmd(req_.person.birth.year, as_month, 1), reduce, d_));
      normal_at = late.first;
    }
  }
  Date age_date = normal_at;
  int early_months = 0;
  if (d_ < normal_at) {
    if ((early_allowed || any_age) && d_ >= earliest.first) {
      Month a = Month::OfDate(entitled.first), b = Month::OfDate(d_);
      early_months = std::max(0, a.index() - b.index());
      age_date = d_;
    } else {
      NotEligible(
          "Chưa đủ tuổi nghỉ hưu (đủ tuổi ngày " + (early_allowed ? earliest.first.ToVi() : normal_at.ToVi()) + ")",
          "below the retirement age");
    }
  }
  Step("conditions",
       out_.eligible ? "Đủ điều kiện hưởng lương hưu: " + YearsMonthsVi(total) + " đóng BHXH (tối thiểu " +
                           std::to_string(min_years) + " năm) và đủ tuổi"
                     : "Không đủ điều kiện hưởng lương hưu",
       out_.eligible ? "Eligible for a pension" : "Not eligible for a pension", LawName(Art("Điều 54, 55", "Điều 64, 65")));
  if (!out_.eligible) return Status::Ok();

  // 3. Start: the first day of the month after both the event and the age.
  Month start = std::max(Month::OfDate(d_), Month::OfDate(age_date)).Next();

  // 4. Rate.
  RateMicro rate = 0;
  std::string rate_vi;
  // 41/2024 Art.66.1.b: a man with fewer years than those giving 45%.
  int male_base_years = 0;
  if (law2024_ && male) {
    BHXH_ASSIGN_OR_RETURN(male_base_years, Int("pension.base_years.male"));
  }
  if (law2024_ && male && total < male_base_years * 12) {
    BHXH_ASSIGN_OR_RETURN(RateMicro base, Pct("pension.short.base_rate.male"));
    BHXH_ASSIGN_OR_RETURN(RateMicro step, Pct("pension.short.step.male"));
    int extra_half = std::max(0, half - min_years * 2);
    rate = base + step * extra_half / 2;
    rate_vi = PctVi(base) + " cho " + std::to_string(min_years) + " năm + " + PctVi(step) + " × " +
              HalfYearsVi(extra_half) + " = " + PctVi(rate);
  } else {
    BHXH_ASSIGN_OR_RETURN(RateMicro base, Pct("pension.base_rate"));
    BHXH_ASSIGN_OR_RETURN(int base_years, Int(male ? "pension.base_years.male" : "pension.base_years.female"));
    BHXH_ASSIGN_OR_RETURN(RateMicro step, Pct(male ? "pension.step.male" : "pension.step.female"));
    int extra_half = std::max(0, half - base_years * 2);
    rate = base + step * extra_half / 2;
    rate_vi = PctVi(base) + " cho " + std::to_string(base_years) + " năm + " + PctVi(step) + " × " +
              HalfYearsVi(extra_half) + " = " + PctVi(rate);
  }
  BHXH_ASSIGN_OR_RETURN(RateMicro max_rate, Pct("pension.max_rate"));
  if (rate > max_rate) rate_vi += ", tối đa " + PctVi(max_rate), rate = max_rate;
  Step("rate",
       "Thời gian đóng tính tỷ lệ: " + HalfYearsVi(half) + " (tháng lẻ đến " + std::to_string(half_up_to_) +
           " tháng tính nửa năm, trên " + std::to_string(half_up_to_) + " tháng tính một năm). Tỷ lệ hưởng: " + rate_vi,
       "Rate " + PercentString(rate) + "%", LawName(Art("Điều 56", "Điều 66")));
  if (early_months > 0) {
    BHXH_ASSIGN_OR_RETURN(RateMicro per_year, Pct("pension.early_reduction"));
    BHXH_ASSIGN_OR_RETURN(int half_from, Int("pension.early_reduction.half_from_months"));
    int years = early_months / 12, odd = early_months % 12;
    RateMicro cut = per_year * years + (odd >= half_from ? per_year / 2 : 0);
    rate = std::max<RateMicro>(0, rate - cut);
    Step("early_reduction",
         "Nghỉ hưu trước tuổi " + YearsMonthsVi(early_months) + ": giảm " + PctVi(per_year) + " mỗi năm" +
             (odd ? (odd >= half_from ? ", tháng lẻ từ " + std::to_string(half_from) + " tháng giảm " + PctVi(per_year / 2)
                                      : ", tháng lẻ dưới " + std::to_string(half_from) + " tháng không giảm")
                  : "") +
             " → giảm " + PctVi(cut) + ", tỷ lệ còn " + PctVi(rate),
         "Early retirement: -" + PercentString(cut) + "%", LawName(Art("Điều 56.3", "Điều 66.3")));
  }
  out_.rate = rate;

  // 5. Average salary and the monthly pension.
  BHXH_ASSIGN_OR_RETURN(Vnd avg, AverageSalary("pension"));
  Vnd pension = ApplyRate(avg, rate);
  std::string pension_vi = VndVi(avg) + " × " + PctVi(rate) + " = " + VndVi(pension);
  BHXH_ASSIGN_OR_RETURN(int min_amount_years, Int("pension.min_amount.years"));
  int compulsory = Months(IsCompulsory);
  if (compulsory >= min_amount_years * 12) {
    BHXH_ASSIGN_OR_RETURN(int64_t mult, Micro("pension.min_amount.multiple"));
    BHXH_ASSIGN_OR_RETURN(Vnd ref, RefLevel());
    Vnd floor = ApplyRate(ref, mult);
    if (pension < floor) {
      pension_vi += "; thấp hơn mức tối thiểu " + VndVi(floor) + " (" + DecimalVi(mult) + " × " + VndVi(ref) +
                    ") nên hưởng " + VndVi(floor);
      pension = floor;
    }
  }
  Step("monthly_pension", "Lương hưu hằng tháng = " + pension_vi + "; hưởng từ " + start.FirstDay().ToVi(),
       "Monthly pension " + std::to_string(pension), LawName(Art("Điều 56", "Điều 66")));
  Amount("monthly_pension", "Lương hưu hằng tháng", pension, true, start);

  // 6. Lump sum for the years above those giving the maximum rate.
  {
    BHXH_ASSIGN_OR_RETURN(RateMicro base, Pct("pension.base_rate"));
    BHXH_ASSIGN_OR_RETURN(int base_years, Int(male ? "pension.base_years.male" : "pension.base_years.female"));
    BHXH_ASSIGN_OR_RETURN(RateMicro step, Pct(male ? "pension.step.male" : "pension.step.female"));
    int need_half = base_years * 2 + static_cast<int>((max_rate - base + step / 2 - 1) / (step / 2));
    if (half > need_half) {
      BHXH_ASSIGN_OR_RETURN(int64_t per_year, Micro("pension.lump_sum.months_per_year"));
      BHXH_ASSIGN_OR_RETURN(int64_t per_year_after, Micro("pension.lump_sum.after_age_months_per_year"));
      int extra = half - need_half;
      // 41/2024 Art.68.2: the years above that were contributed after the
      // worker already qualified for a pension (the age reached and the
      // minimum years in) count at a higher rate. They are the last years of
      // the career, so they are the first to be above the threshold. Under
      // 58/2014 Art.58 the data gives both rates alike.
      int after_half = 0;
      if (per_year_after != per_year) {
        const Month age_month = Month::OfDate(entitled.first);
        int counted = 0, after_months = 0;
        for (const auto& r : months_) {
          ++counted;
          if (r.m.index() > age_month.index() && counted > min_years * 12) ++after_months;
        }
        after_half = std::min(extra, HalfYears(after_months, half_up_to_));
      }
      const int before_half = extra - after_half;
      Vnd lump =
          DivRound(static_cast<__int128>(avg) * (per_year * before_half + per_year_after * after_half), 2 * kMicro);
      std::string vi = "Trợ cấp một lần khi nghỉ hưu: " + HalfYearsVi(extra) + " đóng cao hơn số năm tương ứng tỷ lệ " +
                       PctVi(max_rate) + " (" + HalfYearsVi(need_half) + ")";
      if (after_half == 0) {
        vi += " × " + DecimalVi(per_year) + " tháng × " + VndVi(avg);
      } else {
        vi += ": " + (before_half ? HalfYearsVi(before_half) + " × " + DecimalVi(per_year) + " tháng + " : "") +
              HalfYearsVi(after_half) + " đóng sau khi đã đủ điều kiện hưởng lương hưu (đủ tuổi ngày " +
              entitled.first.ToVi() + ") × " + DecimalVi(per_year_after) + " tháng; × " + VndVi(avg);
      }
      Step("lump_sum", vi + " = " + VndVi(lump), "Lump sum for years above the maximum rate",
           LawName(Art("Điều 58", "Điều 68")));
      Amount("lump_sum", "Trợ cấp một lần khi nghỉ hưu", lump);
    }
  }
  return AreaAllowanceOnce(start);
}

// The area allowance paid once (Decree 115/2015 Art.21.2.a; Circular
// 59/2015 Art.31.2 and its example 52): for the months contributed with the
// area allowance included (history rows with area_coefficient), Σ
// (coefficient × months × the rate of the row, 15%) × the base salary of the
// month the pension or the one-time benefit starts.
Status Calc::AreaAllowanceOnce(Month at) {
  int64_t coefficient_months = 0;  // millionths
  int months = 0;
  for (const auto& r : months_)
    if (r.area > 0) coefficient_months += r.area, ++months;
  if (months == 0) return Status::Ok();
  BHXH_ASSIGN_OR_RETURN(RateMicro rate, Pct("area_allowance.once_rate"));
  if (rate == 0) return Status::Ok();
  BHXH_ASSIGN_OR_RETURN(Vnd ref, RefLevel(at.FirstDay()));
  const Vnd amount = DivRound(static_cast<__int128>(coefficient_months) * rate * ref, kMicro * kMicro);
  Step("area_allowance",
       "Trợ cấp khu vực một lần: " + std::to_string(months) +
           " tháng đóng BHXH có phụ cấp khu vực, Σ(hệ số × số tháng) = " + DecimalVi(coefficient_months) + "; " +
           DecimalVi(coefficient_months) + " × " + PctVi(rate) + " × " + VndVi(ref) + " (mức lương cơ sở tháng " +
           at.ToVi() + ") = " + VndVi(amount),
       "Area allowance paid once", "Nghị định 115/2015/NĐ-CP Điều 21.2; Thông tư 59/2015/TT-BLĐTBXH Điều 31.2");
  Amount("area_allowance", "Trợ cấp khu vực một lần", amount);
  return Status::Ok();
}

// ---------------------------------------------------------------- one-time

// 1.5 months' average salary per year before 2014, 2 months per year from
// 2014 (odd months before 2014 carried into the later part); under a year:
// the contributions paid, at most 2 months.
Result<YearsAt2014> Calc::SplitAt2014() {
  BHXH_ASSIGN_OR_RETURN(half_up_to_, Int("pension.odd_months.half_up_to"));
  int before = 0, after = 0;
  for (const auto& r : months_) (r.m.year() < 2014 ? before : after)++;
  YearsAt2014 y;
  y.years_before = before / 12;
  y.carried = before % 12;
  y.half_after = HalfYears(after + y.carried, half_up_to_);
  return y;
}

Result<Vnd> Calc::OneTimeEntitlement(Vnd avg, bool only_compute) {
  const int total = static_cast<int>(months_.size());
  Vnd amount = 0;
  if (total < 12) {
    BHXH_ASSIGN_OR_RETURN(RateMicro rate, Pct("one_time.under_a_year.contribution_rate"));
    BHXH_ASSIGN_OR_RETURN(int64_t max_months, Micro("one_time.under_a_year.max_months"));
    Vnd paid = 0;
    for (const auto& r : months_) {
      BHXH_ASSIGN_OR_RETURN(Vnd s, NominalOf(r));
      paid += ApplyRate(s, rate);
    }
    Vnd cap = ApplyRate(avg, max_months);
    amount = std::min(paid, cap);
    Step("one_time_amount",
         "Thời gian đóng dưới một năm (" + std::to_string(total) + " tháng): số tiền đã đóng " + PctVi(rate) +
             " tiền lương = " + VndVi(paid) + ", tối đa " + DecimalVi(max_months) + " tháng bình quân = " + VndVi(cap) +
             " → " + VndVi(amount),
         "Under a year: contributions paid, capped", LawName(Art("Điều 60.2.c", "Điều 70.3.c")));
  } else {
    BHXH_ASSIGN_OR_RETURN(int64_t m_before, Micro("one_time.months_per_year.before_2014"));
    BHXH_ASSIGN_OR_RETURN(int64_t m_after, Micro("one_time.months_per_year.from_2014"));
    BHXH_ASSIGN_OR_RETURN(YearsAt2014 y, SplitAt2014());
    amount = DivRound(static_cast<__int128>(avg) * y.DoubleMonthsMicro(m_before, m_after), 2 * kMicro);
    Step("one_time_amount", "Số năm đóng " + y.Vi(m_before, m_after) + "; × " + VndVi(avg) + " = " + VndVi(amount),
         "One-time amount " + std::to_string(amount), LawName(Art("Điều 60.2", "Điều 70.3")));
  }
  if (!only_compute && f_.state_support_received && *f_.state_support_received > 0) {
    Vnd back = std::min(amount, *f_.state_support_received);
    amount -= back;
    Step("state_support", "Trừ số tiền Nhà nước đã hỗ trợ đóng BHXH tự nguyện: " + VndVi(back) + " → " + VndVi(amount),
         "Voluntary SI support deducted", law2024_ ? "Nghị định 159/2025/NĐ-CP" : "Nghị định 134/2015/NĐ-CP Điều 14");
  }
  return amount;
}

Status Calc::OneTime() {
  BHXH_RETURN_IF_ERROR(ContributionStep());
  std::string reason = f_.reason.value_or("");
  if (reason.empty())
    return Status::Invalid("facts.reason", "Cần lý do hưởng BHXH một lần (facts.reason)", "facts.reason is required");
  BHXH_ASSIGN_OR_RETURN(OneTimeReason r, bl_.Reason(reason, d_));
  out_.eligible = r.allowed;
  int total = static_cast<int>(months_.size());
  if (!r.allowed) NotEligible("Lý do \"" + r.name_vi + "\" không còn được hưởng BHXH một lần", "reason no longer allowed");
  if (r.max_years && total >= *r.max_years * 12)
    NotEligible("Đã đủ " + std::to_string(*r.max_years) + " năm đóng BHXH: không hưởng BHXH một lần vì lý do này",
                "too many years of contributions for this reason");
  if (r.joined_before && !months_.empty()) {
    Month first = months_.front().m;
    if (f_.first_joined) {
      auto fj = Month::Parse(*f_.first_joined, "facts.first_joined");
      if (fj.ok()) first = std::min(first, *fj);
    }
    if (first.FirstDay() >= *r.joined_before)
      NotEligible("Chỉ áp dụng cho người tham gia BHXH trước " + r.joined_before->ToVi(),
                  "only for persons who joined before " + r.joined_before->ToString());
  }
  if (reason == "reached_retirement_age") {
    BHXH_ASSIGN_OR_RETURN(auto age, bl_.RetirementDate(req_.person.sex, req_.person.BirthDate(), 0, d_));
    Cite(age.second.cite);
    if (d_ < age.first) NotEligible("Chưa đủ tuổi nghỉ hưu (ngày " + age.first.ToVi() + ")", "below retirement age");
  }
  if (reason == "out_of_work_12_months" && !months_.empty()) {
    Month last = months_.back().m;
    if (Month::OfDate(d_).index() - last.index() <= 12)
      NotEligible("Chưa đủ 12 tháng không đóng BHXH (tháng đóng cuối " + last.ToVi() + ")",
                  "not yet 12 months without contributions");
  }
  Step("conditions", (out_.eligible ? "Đủ điều kiện: " : "Không đủ điều kiện: ") + r.name_vi,
       out_.eligible ? "Eligible" : "Not eligible", r.law);
  if (!out_.eligible) return Status::Ok();
  if (reason == "emigration" && (f_.pensioner.value_or(false) || f_.monthly_pension || f_.monthly_benefit))
    return EmigratingBeneficiary();
  BHXH_ASSIGN_OR_RETURN(Vnd avg, AverageSalary("one-time SI"));
  BHXH_ASSIGN_OR_RETURN(Vnd amount, OneTimeEntitlement(avg, false));
  Amount("lump_sum", "BHXH một lần", amount);
  return AreaAllowanceOnce(Month::OfDate(d_));
}

// One who already draws a pension or a monthly SI benefit and settles abroad
// (58/2014 Art.65; 41/2024 Art.76): the lump sum is counted in months of the
// pension being paid — per year contributed, less half a month for each
// month already drawn, never under the floor — or is a fixed number of
// months of the monthly benefit. The years are split at 2014 as for
// one-time SI (odd months before 2014 carried over, then the odd-months
// rule), which neither article spells out.
// One who draws both a pension and a monthly benefit (a monthly accident
// benefit, say) is paid both lump sums: clause 2 for the pension, clause 3
// for the benefit (58/2014 Art.65; 41/2024 Art.76).
Status Calc::EmigratingBeneficiary() {
  Vnd benefit_part = 0;
  if (f_.monthly_benefit) {
    BHXH_ASSIGN_OR_RETURN(int64_t m, Micro("one_time.emigrating.benefit_months"));
    benefit_part = ApplyRate(*f_.monthly_benefit, m);
    Step("emigrating_benefit_lump",
         "Người đang hưởng trợ cấp BHXH hằng tháng ra nước ngoài để định cư: " + DecimalVi(m) + " tháng × " +
             VndVi(*f_.monthly_benefit) + " = " + VndVi(benefit_part),
         "Lump sum of a monthly beneficiary settling abroad", LawName(Art("Điều 65.3", "Điều 76.3")));
    if (!f_.monthly_pension && !f_.pensioner.value_or(false)) {
      Amount("lump_sum", "Trợ cấp một lần khi ra nước ngoài để định cư", benefit_part);
      return Status::Ok();
    }
  }
  if (!f_.monthly_pension || !f_.pension_months_received)
    return Status::Invalid("facts.monthly_pension",
                           "Người đang hưởng lương hưu ra nước ngoài để định cư: cần facts.monthly_pension (lương hưu "
                           "đang hưởng) và facts.pension_months_received (số tháng đã hưởng)",
                           "monthly_pension and pension_months_received are required for an emigrating pensioner");
  if (months_.empty())
    return Status::Invalid("history", "Cần quá trình đóng BHXH để tính số năm đóng",
                           "the contribution history is required to count the years");
  BHXH_ASSIGN_OR_RETURN(int64_t m_before, Micro("one_time.emigrating.months_per_year.before_2014"));
  BHXH_ASSIGN_OR_RETURN(int64_t m_after, Micro("one_time.emigrating.months_per_year.from_2014"));
  BHXH_ASSIGN_OR_RETURN(int64_t less, Micro("one_time.emigrating.less_per_month"));
  BHXH_ASSIGN_OR_RETURN(int64_t min_m, Micro("one_time.emigrating.min_months"));
  BHXH_ASSIGN_OR_RETURN(YearsAt2014 y, SplitAt2014());
  const int got = *f_.pension_months_received;
  const int64_t earned = y.DoubleMonthsMicro(m_before, m_after) / 2;
  const int64_t months = std::max(min_m, earned - less * got);
  const Vnd amount = ApplyRate(*f_.monthly_pension, months);
  Step("emigrating_lump",
       "Người đang hưởng lương hưu ra nước ngoài để định cư: " + y.Vi(m_before, m_after) + " = " + DecimalVi(earned) +
           " tháng; trừ " + DecimalVi(less) + " × " + std::to_string(got) + " tháng đã hưởng (tối thiểu " +
           DecimalVi(min_m) + ") = " + DecimalVi(months) + " tháng × " + VndVi(*f_.monthly_pension) + " = " +
           VndVi(amount),
       "Lump sum of a pensioner settling abroad", LawName(Art("Điều 65.2", "Điều 76.2")));
  if (benefit_part > 0)
    Step("emigrating_total",
         "Tổng trợ cấp một lần: " + VndVi(amount) + " (lương hưu) + " + VndVi(benefit_part) +
             " (trợ cấp hằng tháng) = " + VndVi(amount + benefit_part),
         "Both lump sums", LawName(Art("Điều 65.2, 65.3", "Điều 76.2, 76.3")));
  Amount("lump_sum", "Trợ cấp một lần khi ra nước ngoài để định cư", amount + benefit_part);
  return Status::Ok();
}

// ---------------------------------------------------------------- sickness

Result<int> Calc::SicknessDayLimit(int months) {
  // The heavy limits (58/2014 Art.26.1.b; 41/2024 Art.43.1.b): heavy work,
  // or under the 2014 law a place with an area allowance of 0.7 or more; the
  // 2024 law names instead an area of especially difficult socio-economic
  // conditions (facts.disadvantaged_area), and its row of the threshold is 0.
  BHXH_ASSIGN_OR_RETURN(int64_t area_from, Micro("sickness.heavy.area_coefficient_from"));
  // The work is the work when the sickness starts (Circular 59/2015 Art.4.2
  // and its examples 2 and 3): the event month's record, or the month
  // before's when the history stops there.
  bool heavy = law2024_ && f_.disadvantaged_area.value_or(false);
  const Month ev = Month::OfDate(d_);
  const bool has_event_month =
      std::any_of(months_.begin(), months_.end(), [&](const MonthRec& r) { return r.m == ev; });
  const Month at = has_event_month ? ev : ev.Prev();
  for (const auto& r : months_)
    if (r.m == at) heavy |= IsHeavy(r, area_from);
  BHXH_ASSIGN_OR_RETURN(int band, BandOf("sickness.band_from_years.", months / 12, 3));
  return Int(std::string("sickness.days.") + (heavy ? "heavy." : "normal.") + std::to_string(band));
}

Status Calc::Sickness() {
  BHXH_RETURN_IF_ERROR(ContributionStep());
  std::string kind = out_.kind;
  // Sickness is a benefit of compulsory insurance (voluntary insurance has
  // none: 58/2014 Art.4.2, 41/2024 Art.4.2), for one who is insured when
  // the leave starts: a compulsory month in the event's month or the one
  // before it.
  {
    const Month ev = Month::OfDate(d_);
    const MonthRec* last = nullptr;
    for (const auto& r : months_)
      if (r.m <= ev && !r.voluntary) last = &r;
    if (!last || last->m < ev.Prev()) {
      NotEligible(last ? "Không đang tham gia BHXH bắt buộc khi nghỉ (tháng đóng bắt buộc cuối: " + last->m.ToVi() + ")"
                       : "Không có tháng đóng BHXH bắt buộc: BHXH tự nguyện không có chế độ ốm đau",
                  "not in compulsory insurance when the leave starts");
      Step("conditions", "Không đủ điều kiện hưởng chế độ ốm đau", "Not eligible",
           LawName(Art("Điều 4.2, Điều 25", "Điều 4.2, Điều 42")));
      return Status::Ok();
    }
  }
  int days = f_.days.value_or(0);
  const bool halves_asked = kind != "recovery" && f_.half_days.value_or(0) > 0;
  if (days <= 0 && !halves_asked)
    return Status::Invalid("facts.days", "Cần số ngày nghỉ (facts.days > 0)", "facts.days is required");
  out_.eligible = true;
  BHXH_ASSIGN_OR_RETURN(int divisor, Int("sickness.daily_divisor"));
  if (kind == "recovery") {
    std::string k = f_.long_term.value_or(false) ? "long_term" : f_.surgery.value_or(false) ? "surgery" : "other";
    BHXH_ASSIGN_OR_RETURN(int max_days, Int("recovery.max_days." + k));
    BHXH_ASSIGN_OR_RETURN(RateMicro rate, Pct("recovery.daily_rate"));
    BHXH_ASSIGN_OR_RETURN(Vnd ref, RefLevel());
    // The most days are for the year (Art.29.2 "trong một năm"; Circular
    // 59/2015 Art.7 and its example 11).
    BHXH_ASSIGN_OR_RETURN(RecoveryDays rd, RecoveryDaysOfYear(days, max_days, true, Art("Điều 29", "Điều 46")));
    if (rd.paid == 0) return Status::Ok();
    Vnd per_day = ApplyRate(ref, rate);
    Vnd amount = per_day * rd.paid;
    Step("recovery",
         "Dưỡng sức, phục hồi sức khoẻ sau ốm đau: " + std::to_string(rd.paid) + " ngày" + rd.limit_vi + " × " +
             PctVi(rate) + " × " + VndVi(ref) + " = " + VndVi(amount),
         "Convalescence", LawName(Art("Điều 29", "Điều 46")));
    Amount("lump_sum", "Trợ cấp dưỡng sức, phục hồi sức khoẻ", amount);
    return Status::Ok();
  }
  BHXH_ASSIGN_OR_RETURN(Vnd salary, PreviousMonthSalary());
  BHXH_ASSIGN_OR_RETURN(RateMicro rate, Pct("sickness.rate"));
  int limit = 0;
  std::string limit_vi;
  // The bands of days and of long-term rates count compulsory years
  // (41/2024 Art.43.1, 45.3 say so; the 2014 law's sickness is compulsory
  // insurance's alone, Art.4.2).
  const int compulsory = Months(IsCompulsory);
  if (kind == "child") {
    const int age = f_.child_age_months.value_or(-1);
    BHXH_ASSIGN_OR_RETURN(int max_age, Int("sickness.child_max_age_months"));
    if (age < 0 || age >= max_age) {
      NotEligible("Con từ " + AgeVi(max_age) +
                      " trở lên (hoặc thiếu tuổi của con, facts.child_age_months): không hưởng chế độ con ốm",
                  "the child is too old");
      Step("conditions", "Không đủ điều kiện", "Not eligible", LawName(Art("Điều 27", "Điều 44")));
      return Status::Ok();
    }
    BHXH_ASSIGN_OR_RETURN(int band, BandOf("sickness.child_band_from_months.", age, 2));
    BHXH_ASSIGN_OR_RETURN(int second, Int("sickness.child_band_from_months.2"));
    BHXH_ASSIGN_OR_RETURN(limit, Int("sickness.child_days." + std::to_string(band)));
    limit_vi = "con " + (band == 1 ? "dưới " + AgeVi(second) : "từ " + AgeVi(second) + " đến dưới " + AgeVi(max_age)) +
               ": tối đa " + std::to_string(limit) + " ngày/năm";
  } else if (kind == "own") {
    if (f_.long_term.value_or(false)) {
      BHXH_ASSIGN_OR_RETURN(limit, Int("sickness.long_term.first_days"));
      if (limit == 0) {
        // 41/2024 Art.43.2: the year's ordinary limit first, at the ordinary
        // rate; the lower rates of Art.45.3 after it (58/2014 Art.26.2 gave a
        // fixed 180 days instead, which the data says by its own row).
        BHXH_ASSIGN_OR_RETURN(limit, SicknessDayLimit(compulsory));
        limit_vi = "bệnh dài ngày: số ngày tối đa trong năm (đóng " + YearsMonthsVi(compulsory) + ": " +
                   std::to_string(limit) + " ngày) hưởng " + PctVi(rate);
      } else {
        limit_vi = "bệnh dài ngày: " + std::to_string(limit) + " ngày đầu hưởng " + PctVi(rate);
      }
    } else {
      BHXH_ASSIGN_OR_RETURN(limit, SicknessDayLimit(compulsory));
      limit_vi = "đóng " + YearsMonthsVi(compulsory) + ": tối đa " + std::to_string(limit) + " ngày/năm";
    }
  } else {
    return Status::Invalid("facts.kind", "facts.kind của chế độ ốm đau: own, child, recovery",
                           "sickness kind must be own, child or recovery");
  }
  // Days are counted in halves: 41/2024 Art.45.5 pays a day off of less
  // than half a working day as half a day (from half a day, a whole one:
  // facts.days), at half the daily benefit. The 2014 law has no such rule
  // (its row is 0).
  int halves = 0;
  if (halves_asked) {
    BHXH_ASSIGN_OR_RETURN(int allowed, Int("sickness.half_days"));
    if (allowed)
      halves = *f_.half_days;
    else
      out_.warnings.push_back(
          "Nghỉ không trọn ngày được tính nửa ngày từ 01/7/2025 (Luật BHXH 41/2024/QH15, Điều 45.5): " +
          std::to_string(*f_.half_days) + " lần nghỉ dưới nửa ngày không được tính");
  }
  auto days_vi = [](int h) { return std::to_string(h / 2) + (h % 2 ? ",5" : ""); };
  const int used = f_.days_used_this_year.value_or(0);
  const int asked2 = days * 2 + halves, left2 = std::max(0, limit - used) * 2;
  if (asked2 == 0) {
    NotEligible("Không có ngày nghỉ nào được tính", "no day to pay");
    return Status::Ok();
  }
  const int paid2 = std::min(asked2, left2);
  Vnd amount = DivRound(static_cast<__int128>(ApplyRate(salary, rate)) * paid2, divisor * 2);
  std::string vi = "Số ngày được hưởng: " + limit_vi + (used ? ", đã hưởng " + std::to_string(used) + " ngày" : "") +
                   " → " + days_vi(paid2) + " ngày" +
                   (halves ? " (" + std::to_string(halves) + " lần nghỉ dưới nửa ngày tính nửa ngày)" : "") +
                   ". Mức hưởng = " + VndVi(salary) + " × " + PctVi(rate) + " / " + std::to_string(divisor) + " × " +
                   days_vi(paid2) + " = " + VndVi(amount);
  Vnd extra = 0;
  const int extra2 = asked2 - paid2;
  if (kind == "own" && f_.long_term.value_or(false) && extra2 > 0) {
    BHXH_ASSIGN_OR_RETURN(int band, BandOf("sickness.band_from_years.", compulsory / 12, 3));
    BHXH_ASSIGN_OR_RETURN(RateMicro later, Pct("sickness.long_term.rate." + std::to_string(band)));
    extra = DivRound(static_cast<__int128>(ApplyRate(salary, later)) * extra2, divisor * 2);
    vi += "; " + days_vi(extra2) + " ngày tiếp theo × " + PctVi(later) + " = " + VndVi(extra);
  } else if (extra2 > 0) {
    out_.warnings.push_back(days_vi(extra2) + " ngày vượt số ngày tối đa trong năm không được hưởng");
  }
  Step("sickness", vi, "Sickness benefit " + std::to_string(amount + extra), LawName(Art("Điều 26, 27, 28", "Điều 43, 44, 45")));
  Amount("lump_sum", kind == "child" ? "Trợ cấp chăm con ốm" : "Trợ cấp ốm đau", amount + extra);
  return Status::Ok();
}

// ---------------------------------------------------------------- maternity

Status Calc::Maternity() {
  BHXH_RETURN_IF_ERROR(ContributionStep());
  const std::string kind = out_.kind;
  if (kind == "birth" && req_.person.sex == Sex::kMale)
    out_.warnings.push_back(
        "Lao động nam chỉ hưởng thời gian nghỉ sinh con của người mẹ thay mẹ (mẹ chết hoặc không đủ sức khoẻ chăm "
        "con: facts.kind = father_care); khi vợ sinh con, chế độ của cha là trường hợp \"Lao động nam khi vợ sinh "
        "con\" (facts.kind = father)");
  if ((kind == "surrogate" || kind == "commissioning") && req_.person.sex == Sex::kMale)
    return Status::Invalid("person.sex",
                           kind == "surrogate" ? "Người mang thai hộ là lao động nữ (chồng của người mang thai hộ: "
                                                 "facts.kind = father)"
                                               : "Người nhờ mang thai hộ hưởng chế độ là lao động nữ",
                           "a surrogate or commissioning mother is a woman");
  Month ev = Month::OfDate(d_);
  int children = std::max(1, f_.children.value_or(1));
  if (f_.days_used_this_year && kind != "recovery")
    return Status::Invalid("facts.days_used_this_year",
                           "Số ngày đã nghỉ trong năm chỉ dùng cho dưỡng sức sau thai sản (facts.kind = recovery)",
                           "days_used_this_year is for post-natal convalescence (facts.kind = recovery)");
  if (f_.mother_eligible && kind != "father")
    return Status::Invalid("facts.mother_eligible",
                           "Điều kiện hưởng của mẹ chỉ dùng cho lao động nam khi vợ sinh con (facts.kind = father)",
                           "mother_eligible is for a father whose wife gave birth (facts.kind = father)");
  if (f_.mother_eligible.value_or(false) && f_.mother_insured == false)
    return Status::Invalid("facts.mother_eligible",
                           "Mẹ không tham gia BHXH (facts.mother_insured = false) thì không đủ điều kiện hưởng chế độ "
                           "thai sản",
                           "a mother who is not insured cannot qualify");
  if (f_.children_died && kind != "birth")
    return Status::Invalid("facts.children_died", "Số con đã chết chỉ dùng khi sinh con (facts.kind = birth)",
                           "children_died is for a birth (facts.kind = birth)");
  BHXH_ASSIGN_OR_RETURN(Vnd ref, RefLevel());
  out_.eligible = true;
  bool voluntary_now = !months_.empty() && months_.back().voluntary;
  if (kind == "voluntary_grant") {
    if (!law2024_) {
      NotEligible("Trợ cấp thai sản cho người tham gia BHXH tự nguyện áp dụng từ 01/7/2025",
                  "the voluntary maternity grant starts on 2025-07-01");
      Step("conditions", "Không đủ điều kiện", "Not eligible", "Luật BHXH 41/2024/QH15, Điều 95");
      return Status::Ok();
    }
    // 41/2024 Art.94.1: 6 months paid (voluntary, or both schemes) in the
    // 12 before the birth.
    BHXH_ASSIGN_OR_RETURN(int need, Int("maternity.voluntary_grant.min_months_in_12"));
    const int paid12 = MonthsBefore(ev, 12, [](const MonthRec&) { return true; });
    Step("conditions",
         "Đóng BHXH " + std::to_string(paid12) + " tháng trong 12 tháng trước khi sinh con (cần " +
             std::to_string(need) + ")",
         std::to_string(paid12) + " of the 12 months before", "Luật BHXH 41/2024/QH15, Điều 94.1");
    if (paid12 < need) {
      NotEligible("Chưa đóng đủ " + std::to_string(need) + " tháng BHXH trong 12 tháng trước khi sinh con",
                  "not enough months in the last 12");
      return Status::Ok();
    }
    BHXH_ASSIGN_OR_RETURN(Vnd per_child, Amt("maternity.voluntary_grant"));
    Vnd amount = per_child * children;
    Step("voluntary_grant",
         "Trợ cấp thai sản BHXH tự nguyện: " + std::to_string(children) + " con × " + VndVi(per_child) + " = " +
             VndVi(amount),
         "Voluntary maternity grant", "Luật BHXH 41/2024/QH15, Điều 95");
    Amount("grant", "Trợ cấp thai sản (BHXH tự nguyện)", amount);
    return Status::Ok();
  }
  if (voluntary_now && kind != "birth")
    out_.warnings.push_back("Người đang đóng BHXH tự nguyện chỉ được trợ cấp khi sinh con (kind voluntary_grant)");
  // Compulsory months contributed in the 12 and 24 months before the event
  // month — or, for a birth or an adoption (and the father's grant) on or
  // after the day of the month the row sets (15: Circular 59/2015 Art.9.1
  // and its examples 13-14), before the month after it when that month was
  // paid: the month of the birth then counts, for the conditions and the
  // average (Art.12.1.a, example 16).
  Month window_end = ev;
  if (kind == "birth" || kind == "adoption" || kind == "father") {
    BHXH_ASSIGN_OR_RETURN(int from_day, Int("maternity.window.birth_month_from_day"));
    const bool paid =
        std::any_of(months_.begin(), months_.end(), [&](const MonthRec& r) { return r.m == ev && IsCompulsory(r); });
    if (from_day > 0 && d_.ymd().day >= from_day && paid) {
      window_end = ev.Next();
      Step("window",
           "Sinh con/nhận con nuôi từ ngày " + std::to_string(from_day) + " của tháng và tháng " + ev.ToVi() +
               " có đóng BHXH: tháng này được tính vào 12 tháng trước khi sinh/nhận con (" + ev.Add(-11).ToVi() +
               " – " + ev.ToVi() + ")",
           "The month of the birth counts in the 12 months before it", "Thông tư 59/2015/TT-BLĐTBXH Điều 9.1");
    }
  }
  const int in12 = MonthsBefore(window_end, 12, IsCompulsory), in24 = MonthsBefore(window_end, 24, IsCompulsory);
  // The conditions for a birth's leave (58/2014 Art.31.2-3; 41/2024 Art.50.2,
  // 50.3 and 50.5): 6 of the 12 months before, 3 of 12 when a doctor ordered
  // rest during the pregnancy, and from 2025-07-01 6 of the 24 months before
  // for a mother who had to leave work for infertility treatment.
  auto birth_conditions = [&]() -> Result<bool> {
    // The 3 months of rest ordered apply to a mother giving birth who has
    // contributed 12 months in all (58/2014 Art.31.3; 41/2024 Art.50.3).
    bool rest = f_.rest_ordered_before_birth.value_or(false) && kind != "adoption" && kind != "commissioning";
    if (rest) {
      BHXH_ASSIGN_OR_RETURN(int total_need, Int("maternity.rest_ordered.min_total_months"));
      const int total = MonthsBefore(ev, 0, IsCompulsory);
      if (total < total_need) {
        rest = false;
        out_.warnings.push_back(
            "Nghỉ dưỡng thai theo chỉ định chỉ được tính điều kiện 3 tháng khi đã đóng BHXH bắt buộc đủ " +
            std::to_string(total_need) + " tháng (đã đóng " + std::to_string(total) + " tháng)");
      }
    }
    BHXH_ASSIGN_OR_RETURN(int need,
                          Int(rest ? "maternity.min_months_in_12.rest_ordered" : "maternity.min_months_in_12"));
    bool met = in12 >= need;
    std::string vi = "Đóng BHXH bắt buộc " + std::to_string(in12) +
                     " tháng trong 12 tháng trước khi sinh/nhận con (cần " + std::to_string(need) +
                     (rest ? ", nghỉ dưỡng thai theo chỉ định" : "") + ")";
    // Art.50.5 is for a mother giving birth to her own child (Art.50.1.b),
    // not for a surrogate (Art.54.3 names Art.50.2 and 50.3 only) nor for
    // one who receives a child.
    if (f_.infertility_treatment.value_or(false) && kind != "birth" && kind != "miscarriage") {
      out_.warnings.push_back(
          "Điều kiện điều trị vô sinh chỉ áp dụng cho lao động nữ sinh con (Luật BHXH 41/2024/QH15, Điều 50.5)");
    } else if (f_.infertility_treatment.value_or(false)) {
      if (!law2024_) {
        out_.warnings.push_back(
            "Điều kiện 6 tháng trong 24 tháng khi nghỉ điều trị vô sinh áp dụng từ 01/7/2025 (Luật BHXH 41/2024/QH15, "
            "Điều 50.5)");
      } else {
        BHXH_ASSIGN_OR_RETURN(int need24, Int("maternity.min_months_in_24.infertility"));
        met = met || in24 >= need24;
        vi += "; nghỉ việc điều trị vô sinh: " + std::to_string(in24) + " tháng trong 24 tháng (cần " +
              std::to_string(need24) + ")";
      }
    }
    Step("conditions", vi, std::to_string(in12) + " of the 12 months before, " + std::to_string(in24) + " of 24",
         LawName(Art("Điều 31", "Điều 50")));
    return met;
  };
  // The leave of a birth: the rate × the average × the months (58/2014
  // Art.34.1, 39; 41/2024 Art.53.1, 59); 41/2024 Art.52.2 pays a late
  // miscarriage the same leave.
  // A birth's months: 6, and 1 more a child from the second (in millionths).
  auto birth_months = [&](std::string* vi) -> Result<int64_t> {
    BHXH_ASSIGN_OR_RETURN(int64_t base, Micro("maternity.birth_months"));
    BHXH_ASSIGN_OR_RETURN(int64_t extra, Micro("maternity.extra_child_months"));
    *vi = DecimalVi(base) + " tháng" +
          (children > 1 ? " + " + DecimalVi(extra) + " × " + std::to_string(children - 1) + " con" : "");
    return base + extra * (children - 1);
  };
  auto birth_leave = [&](Vnd avg, RateMicro rate, const std::string& label, const char* law) -> Status {
    std::string months_vi;
    BHXH_ASSIGN_OR_RETURN(const int64_t months_micro, birth_months(&months_vi));
    Vnd leave = DivRound(static_cast<__int128>(ApplyRate(avg, rate)) * months_micro, kMicro);
    Step("maternity_leave",
         "Trợ cấp thai sản = " + VndVi(avg) + " × " + PctVi(rate) + " × " + months_vi + " = " + VndVi(leave),
         "Maternity benefit " + std::to_string(leave), LawName(law));
    Amount("leave", label, leave);
    return Status::Ok();
  };
  // Leave for a stretch between two dates: whole months at the monthly
  // benefit, odd days at the month / 30, at most a birth's months (58/2014
  // Art.34.3, 35.1, 39.1.c; 41/2024 Art.54.3.a, 59.3).
  auto span_leave = [&](Vnd avg, RateMicro rate, MonthsDays s, const std::string& what_vi, const std::string& label,
                        const char* law) -> Status {
    std::string cap_vi;
    BHXH_ASSIGN_OR_RETURN(const int64_t cap, birth_months(&cap_vi));
    BHXH_ASSIGN_OR_RETURN(int per_month, Int("maternity.daily_divisor.calendar"));
    const Vnd monthly = ApplyRate(avg, rate);
    Vnd leave = 0;
    std::string vi;
    if (static_cast<int64_t>(s.months) * kMicro + static_cast<int64_t>(s.days) * kMicro / per_month > cap) {
      leave = DivRound(static_cast<__int128>(monthly) * cap, kMicro);
      vi = VndVi(avg) + " × " + PctVi(rate) + " × " + DecimalVi(cap) + " tháng (" + SpanVi(s) +
           ", tối đa thời gian nghỉ khi sinh con: " + cap_vi + ")";
    } else {
      leave = monthly * s.months + DivRound(static_cast<__int128>(monthly) * s.days, per_month);
      const std::string days_vi =
          VndVi(monthly) + " / " + std::to_string(per_month) + " × " + std::to_string(s.days) + " ngày";
      vi = s.months ? VndVi(avg) + " × " + PctVi(rate) + " × " + std::to_string(s.months) + " tháng" +
                          (s.days ? " + " + days_vi : "")
                    : days_vi;
    }
    Step("maternity_leave", "Trợ cấp thai sản (" + what_vi + ") = " + vi + " = " + VndVi(leave),
         "Maternity benefit " + std::to_string(leave), LawName(law));
    Amount("leave", label, leave);
    return Status::Ok();
  };
  // A date among the facts, not before the event (the birth).
  auto fact_date = [&](const std::optional<std::string>& text,
                       const std::string& field) -> Result<std::optional<Date>> {
    if (!text) return std::optional<Date>();
    BHXH_ASSIGN_OR_RETURN(Date d, Date::Parse(*text, field));
    if (d < d_)
      return Status::Invalid(field, "Ngày " + d.ToVi() + " trước ngày sinh con (" + d_.ToVi() + ")",
                             "the date is before the birth (event_date)");
    return std::optional<Date>(d);
  };
  // The one-time grant for each child born or received: a multiple of the
  // base salary / reference level of the month (58/2014 Art.38; 41/2024
  // Art.58.4), to whoever `who_vi` names.
  int grant_children = children;  // fewer when children of a multiple birth died (Circular 59/2015 Art.10.3)
  auto pay_grant = [&](const std::string& who_vi, const std::string& en, const char* law,
                       const std::string& label) -> Status {
    BHXH_ASSIGN_OR_RETURN(int64_t mult, Micro("maternity.grant_multiple"));
    Vnd grant = ApplyRate(ref, mult) * grant_children;
    Step("birth_grant",
         who_vi + ": " + DecimalVi(mult) + " × " + VndVi(ref) + " × " + std::to_string(grant_children) +
             " con = " + VndVi(grant),
         en, LawName(law));
    Amount("grant", label, grant);
    return Status::Ok();
  };
  // A day of leave counted in working days (visits, the father's leave) is
  // the month / 24; one counted in calendar days (miscarriage) is / 30
  // (58/2014 Art.39.1.b-c; 41/2024 Art.59.2-3).
  BHXH_ASSIGN_OR_RETURN(int divisor,
                        Int(kind == "miscarriage" || kind == "contraception" ? "maternity.daily_divisor.calendar"
                                                                             : "maternity.daily_divisor.working"));
  BHXH_ASSIGN_OR_RETURN(RateMicro rate, Pct("maternity.rate"));
  BHXH_ASSIGN_OR_RETURN(int avg_months, Int("maternity.average_months"));
  // A birth; a child adopted; a child received by the mother who asked for
  // a surrogacy (58/2014 Art.31.2, 35.2; 41/2024 Art.50.2, 55): 6 of the
  // 12 months before, then leave until the child is 6 months old for the
  // last two (the event date is the day the child is received).
  if (kind == "birth" || kind == "adoption" || kind == "commissioning") {
    BHXH_ASSIGN_OR_RETURN(bool met, birth_conditions());
    if (!met) {
      NotEligible("Chưa đóng đủ số tháng BHXH bắt buộc trước khi sinh/nhận con", "not enough months before the birth");
      return Status::Ok();
    }
    const int age = f_.child_age_months.value_or(0);
    BHXH_ASSIGN_OR_RETURN(int until, Int("maternity.until_child_months"));
    if (kind != "birth" && age >= until) {
      NotEligible((kind == "adoption" ? "Con nuôi từ " : "Con từ ") + AgeVi(until) + " trở lên khi nhận",
                  "the child is too old");
      return Status::Ok();
    }
    BHXH_ASSIGN_OR_RETURN(Vnd avg,
                          AverageOfLast(avg_months, IsCompulsory, window_end, LawName(Art("Điều 39.1", "Điều 59.1"))));
    BHXH_ASSIGN_OR_RETURN(std::optional<Date> died, fact_date(f_.child_died_on, "facts.child_died_on"));
    if (kind == "birth" && died) {
      // 58/2014 Art.34.3: when the child dies, the mother's leave is 4
      // months from the birth if the child was under 2 months old, else 2
      // months from the death, never more than a birth's leave. 41/2024
      // Art.53 has no such rule: the leave of Art.53.1 stands.
      BHXH_ASSIGN_OR_RETURN(int shortens, Int("maternity.child_death.shortens"));
      if (!shortens) {
        Step("child_death",
             "Con chết sau khi sinh (" + died->ToVi() + "): thời gian nghỉ khi sinh con không bị rút ngắn",
             "The leave of a birth is not shortened when the child dies", LawName("Điều 53.1"));
        BHXH_RETURN_IF_ERROR(birth_leave(avg, rate, "Trợ cấp thai sản khi sinh con", "Điều 53, 59"));
      } else if (children > 1 && f_.children_died.value_or(1) < children) {
        // Circular 59/2015/TT-BLĐTBXH Art.10.3: when some of the children
        // of a multiple birth die, the leave and its benefit count every
        // child born, the dead ones too; the birth grant was for the living
        // (the circular: "giải quyết đối với con còn sống") until the
        // ministry's letter 3432/LĐTBXH-BHXH (08/09/2016, item 2.a) counted
        // every child born for it too (the dated row).
        const int died_n = f_.children_died.value_or(1);
        BHXH_ASSIGN_OR_RETURN(int counts_all, Int("maternity.multiple_birth_death.grant_counts_all"));
        if (!counts_all) grant_children = children - died_n;
        Step("child_death",
             "Sinh " + std::to_string(children) + " con, " + std::to_string(died_n) + " con chết (" + died->ToVi() +
                 "): thời gian nghỉ và trợ cấp thai sản tính theo số con được sinh ra, kể cả con đã chết; trợ cấp "
                 "một lần tính cho " +
                 (counts_all ? "mọi con được sinh ra" : "các con còn sống") + " (" + std::to_string(grant_children) +
                 " con)",
             "Some children of a multiple birth died: the leave counts every child born",
             counts_all ? "Thông tư 59/2015/TT-BLĐTBXH Điều 10.3; Công văn 3432/LĐTBXH-BHXH ngày 08/09/2016 mục 2.a"
                        : "Thông tư 59/2015/TT-BLĐTBXH Điều 10.3");
        BHXH_RETURN_IF_ERROR(birth_leave(avg, rate, "Trợ cấp thai sản khi sinh con", "Điều 34.1, 39"));
      } else {
        // One child who died, or every child of a multiple birth: the leave
        // of 58/2014 Art.34.3 from the death of the last of them (Circular
        // 59/2015 Art.10.3; facts.child_died_on is that death). The grant
        // counts them as the row says (none living: none, before the
        // ministry's letter of 08/09/2016).
        if (children > 1) {
          BHXH_ASSIGN_OR_RETURN(int counts_all, Int("maternity.multiple_birth_death.grant_counts_all"));
          if (!counts_all) grant_children = 0;
          Step("child_death",
               "Sinh " + std::to_string(children) +
                   " con, các con đều chết: thời gian nghỉ theo khoản 3 Điều 34 "
                   "Luật BHXH, tính theo con chết sau cùng (" +
                   died->ToVi() + "); trợ cấp một lần " +
                   (counts_all ? "tính cho mọi con được sinh ra (" + std::to_string(grant_children) + " con)"
                               : "không có (không còn con sống)"),
               "Every child of a multiple birth died: the leave of Art.34.3 from the last death",
               counts_all ? "Thông tư 59/2015/TT-BLĐTBXH Điều 10.3; Công văn 3432/LĐTBXH-BHXH ngày 08/09/2016 mục 2.a"
                          : "Thông tư 59/2015/TT-BLĐTBXH Điều 10.3");
        }
        BHXH_ASSIGN_OR_RETURN(int young, Int("maternity.child_death.young_months"));
        MonthsDays s;
        std::string why;
        if (*died < d_.AddMonths(young)) {
          BHXH_ASSIGN_OR_RETURN(s.months, Int("maternity.child_death.months_young"));
          why = "con chết dưới " + AgeVi(young) + " ngày " + died->ToVi() + ": " + std::to_string(s.months) +
                " tháng tính từ ngày sinh";
        } else {
          BHXH_ASSIGN_OR_RETURN(int after, Int("maternity.child_death.months_after"));
          s = SpanOf(d_, died->AddMonths(after));
          why = "con chết từ đủ " + AgeVi(young) + " ngày " + died->ToVi() + ": từ ngày sinh đến " +
                std::to_string(after) + " tháng sau ngày con chết, " + SpanVi(s);
        }
        BHXH_RETURN_IF_ERROR(
            span_leave(avg, rate, s, why, "Trợ cấp thai sản khi sinh con (con chết sau khi sinh)", "Điều 34.3, 39"));
      }
    } else if (kind == "birth") {
      BHXH_RETURN_IF_ERROR(birth_leave(avg, rate, "Trợ cấp thai sản khi sinh con", Art("Điều 34, 39", "Điều 53, 59")));
    } else {
      // Until the child is 6 months old; the mother who asked for a
      // surrogacy gets a month more for each child from the second under
      // 41/2024 Art.55.1 only (the 2014 row is 0).
      const bool asked = kind == "commissioning";
      int64_t extra = 0;
      if (asked) {
        BHXH_ASSIGN_OR_RETURN(extra, Micro("maternity.commissioning.extra_child_months"));
      }
      const int64_t months_micro = static_cast<int64_t>(until - age) * kMicro + extra * (children - 1);
      Vnd leave = DivRound(static_cast<__int128>(ApplyRate(avg, rate)) * months_micro, kMicro);
      Step("maternity_leave",
           std::string("Trợ cấp thai sản") + (asked ? " (nhờ mang thai hộ)" : "") + " = " + VndVi(avg) + " × " +
               PctVi(rate) + " × " + std::to_string(until - age) + " tháng (đến khi con đủ " + AgeVi(until) + ")" +
               (children > 1 && extra ? " + " + DecimalVi(extra) + " × " + std::to_string(children - 1) + " con" : "") +
               " = " + VndVi(leave),
           "Maternity benefit " + std::to_string(leave),
           LawName(asked ? Art("Điều 35.2, 39", "Điều 55.1, 59") : Art("Điều 36, 39", "Điều 56, 59")));
      Amount("leave", asked ? "Trợ cấp thai sản của người mẹ nhờ mang thai hộ" : "Trợ cấp thai sản khi nhận con nuôi",
             leave);
    }
    if (grant_children == 0) return Status::Ok();  // no child living, and the row counts the living
    if (kind != "commissioning")
      return pay_grant("Trợ cấp một lần khi sinh con/nhận con nuôi", "Birth grant", Art("Điều 38", "Điều 58"),
                       "Trợ cấp một lần khi sinh con");
    // The grant of a surrogacy is the surrogate's when she is eligible; the
    // mother who asked gets it otherwise (41/2024 Art.58.2).
    if (f_.surrogate_eligible.value_or(false)) {
      Step("birth_grant", "Người mang thai hộ đủ điều kiện: trợ cấp một lần khi sinh con trả cho người mang thai hộ",
           "The birth grant goes to the surrogate", LawName(Art("Điều 35, 38", "Điều 58.2")));
      return Status::Ok();
    }
    if (!law2024_)
      out_.warnings.push_back(
          "Trợ cấp một lần cho người mẹ nhờ mang thai hộ khi người mang thai hộ không đủ điều kiện: theo Nghị định "
          "115/2015/NĐ-CP (quy định chi tiết Điều 35.3), chưa đối chiếu văn bản");
    return pay_grant(
        "Người mang thai hộ không tham gia BHXH hoặc không đủ điều kiện: người mẹ nhờ mang thai hộ được trợ cấp một "
        "lần",
        "Birth grant to the commissioning mother", Art("Điều 35.3", "Điều 58.2"), "Trợ cấp một lần khi nhận con");
  }
  if (kind == "father_care") {
    // The father (or the one who raises the child) on leave when the mother
    // dies after the birth or is unfit to care for the child (58/2014
    // Art.34.4-6; 41/2024 Art.53.5-7): the rest of the mother's leave when
    // she was insured and eligible, else until the child is 6 months old.
    // The event date is the first day of his leave; his own average is used
    // (Art.59.1: of the months paid when under 6).
    if (in12 == 0) {
      NotEligible("Không tham gia BHXH bắt buộc trong 12 tháng trước khi nghỉ", "not in compulsory insurance");
      return Status::Ok();
    }
    int64_t months_micro = 0;
    std::string months_vi;
    if (f_.mother_insured.value_or(false)) {
      if (!f_.mother_leave_months_used)
        return Status::Invalid("facts.mother_leave_months_used",
                               "Mẹ có tham gia BHXH: cần số tháng mẹ đã nghỉ hưởng chế độ thai sản "
                               "(facts.mother_leave_months_used)",
                               "mother_leave_months_used is required when the mother was insured");
      std::string entitled_vi;
      BHXH_ASSIGN_OR_RETURN(const int64_t entitled, birth_months(&entitled_vi));
      months_micro = std::max<int64_t>(0, entitled - static_cast<int64_t>(*f_.mother_leave_months_used) * kMicro);
      months_vi = "thời gian còn lại của người mẹ: " + entitled_vi + " − " +
                  std::to_string(*f_.mother_leave_months_used) + " tháng mẹ đã nghỉ = " + DecimalVi(months_micro) +
                  " tháng";
    } else {
      if (!f_.child_age_months)
        return Status::Invalid("facts.child_age_months", "Cần tuổi của con (tháng) khi cha bắt đầu nghỉ",
                               "child_age_months is required");
      BHXH_ASSIGN_OR_RETURN(int until, Int("maternity.until_child_months"));
      const int left = std::max(0, until - *f_.child_age_months);
      months_micro = static_cast<int64_t>(left) * kMicro;
      months_vi = "đến khi con đủ " + AgeVi(until) + ": " + std::to_string(left) + " tháng";
    }
    if (months_micro == 0) {
      NotEligible("Không còn thời gian nghỉ hưởng chế độ thai sản (" + months_vi + ")", "no leave left");
      return Status::Ok();
    }
    BHXH_ASSIGN_OR_RETURN(Vnd avg, AverageOfLast(avg_months, IsCompulsory, ev, LawName(Art("Điều 39.1", "Điều 59.1"))));
    Vnd leave = DivRound(static_cast<__int128>(ApplyRate(avg, rate)) * months_micro, kMicro);
    Step("maternity_leave",
         "Trợ cấp thai sản của cha chăm con (" + months_vi + ") = " + VndVi(avg) + " × " + PctVi(rate) + " × " +
             DecimalVi(months_micro) + " tháng = " + VndVi(leave),
         "The father's leave to care for the child " + std::to_string(leave),
         LawName(Art("Điều 34", "Điều 53.5-7, 59")));
    Amount("leave", "Trợ cấp thai sản của cha chăm con", leave);
    return Status::Ok();
  }
  if (kind == "surrogate") {
    // A surrogate mother who meets a birth's conditions (58/2014 Art.31.2-3,
    // 35.1; 41/2024 Art.50.2-3, 54.3): leave from the birth until the child
    // is handed over (or dies before), at least 60 days and at most a
    // birth's leave; and the birth grant (Art.38 / 58.2). The event date is
    // the birth. Her husband's days are those of any father (kind father).
    BHXH_ASSIGN_OR_RETURN(bool met, birth_conditions());
    if (!met) {
      NotEligible("Chưa đóng đủ số tháng BHXH bắt buộc trước khi sinh con", "not enough months before the birth");
      return Status::Ok();
    }
    BHXH_ASSIGN_OR_RETURN(std::optional<Date> died, fact_date(f_.child_died_on, "facts.child_died_on"));
    BHXH_ASSIGN_OR_RETURN(std::optional<Date> handover, fact_date(f_.handover_date, "facts.handover_date"));
    if (!handover && !died)
      return Status::Invalid("facts.handover_date",
                             "Cần ngày giao đứa trẻ cho bên nhờ mang thai hộ (facts.handover_date)",
                             "handover_date is required");
    const bool died_first = died && (!handover || *died < *handover);
    const Date end = died_first ? *died : *handover;
    BHXH_ASSIGN_OR_RETURN(int min_days, Int("maternity.surrogate.min_days"));
    MonthsDays s = SpanOf(d_, end);
    std::string why = (died_first ? "đứa trẻ chết trước khi giao, ngày " : "giao đứa trẻ ngày ") + end.ToVi() + ": " +
                      SpanVi(s) + " từ ngày sinh";
    if (end.days() - d_.days() < min_days) {
      s = {0, min_days};
      why += ", chưa đủ " + std::to_string(min_days) + " ngày: hưởng đủ " + std::to_string(min_days) + " ngày";
    }
    BHXH_ASSIGN_OR_RETURN(Vnd avg, AverageOfLast(avg_months, IsCompulsory, ev, LawName(Art("Điều 39.1", "Điều 59.1"))));
    BHXH_RETURN_IF_ERROR(span_leave(avg, rate, s, "mang thai hộ, " + why, "Trợ cấp thai sản của người mang thai hộ",
                                    Art("Điều 35.1, 39", "Điều 54.3.a, 59")));
    return pay_grant("Trợ cấp một lần khi sinh con (người mang thai hộ)", "Birth grant to the surrogate",
                     Art("Điều 35, 38", "Điều 58.2"), "Trợ cấp một lần khi sinh con");
  }
  // Day-based events: average of the last 6 months / 24 per day.
  BHXH_ASSIGN_OR_RETURN(Vnd avg, AverageOfLast(avg_months, IsCompulsory, ev, LawName(Art("Điều 39.1", "Điều 59.1"))));
  int days = 0;
  std::string what, label;
  if (kind == "visit") {
    // 5 visits; under 58/2014 Art.32.1 a day each, 2 when far from a
    // facility or the pregnancy is abnormal (41/2024 Art.51.1: up to 2 for all).
    const bool far = f_.visit_far_or_abnormal.value_or(false);
    BHXH_ASSIGN_OR_RETURN(days, Int(far ? "maternity.visit_days.far_or_abnormal" : "maternity.visit_days"));
    days = std::min(days, f_.days.value_or(days));
    what = "khám thai", label = "Trợ cấp khám thai";
  } else if (kind == "miscarriage") {
    int w = f_.pregnancy_weeks.value_or(-1);
    if (w < 0) return Status::Invalid("facts.pregnancy_weeks", "Cần tuổi thai (tuần)", "pregnancy_weeks is required");
    // 41/2024 Art.52.2: from 22 weeks, a mother who meets a birth's
    // conditions takes the leave of a birth. The grant of Art.58 is for a
    // child born and is not paid. The 2014 law has no such rule.
    if (law2024_) {
      BHXH_ASSIGN_OR_RETURN(int as_birth, Int("maternity.miscarriage_as_birth.weeks"));
      if (w >= as_birth) {
        BHXH_ASSIGN_OR_RETURN(bool met, birth_conditions());
        if (met) {
          Step("miscarriage_as_birth",
               "Thai từ đủ " + std::to_string(as_birth) + " tuần tuổi (" + std::to_string(w) +
                   " tuần), đủ điều kiện như khi sinh con: nghỉ hưởng chế độ như lao động nữ sinh con",
               "A late miscarriage is paid the leave of a birth", "Luật BHXH 41/2024/QH15, Điều 52.2");
          return birth_leave(avg, rate,
                             "Trợ cấp thai sản (sảy thai, thai chết từ đủ " + std::to_string(as_birth) + " tuần)",
                             "Điều 52.2, 53.1, 59");
        }
      }
    }
    // Bands by weeks of pregnancy; where each begins is data (the last one
    // moved from 25 to 22 weeks with 41/2024 Art.52.1).
    BHXH_ASSIGN_OR_RETURN(int band, BandOf("maternity.miscarriage_weeks.", w, 4));
    BHXH_ASSIGN_OR_RETURN(days, Int("maternity.miscarriage_days." + std::to_string(band)));
    what = "sảy thai, phá thai, thai chết (" + std::to_string(w) + " tuần)", label = "Trợ cấp khi sảy thai";
  } else if (kind == "father") {
    bool surgery = f_.surgery.value_or(false);
    if (children >= 2) {
      BHXH_ASSIGN_OR_RETURN(days, Int(surgery ? "maternity.father_days.twins_surgery" : "maternity.father_days.twins"));
      // Days for each child from the third; by caesarean only under 41/2024
      // Art.53.2.d (the 2014 law's row for it is 0).
      if (children > 2) {
        BHXH_ASSIGN_OR_RETURN(int extra, Int(surgery ? "maternity.father_days.extra_child.surgery"
                                                     : "maternity.father_days.extra_child"));
        days += extra * (children - 2);
      }
    } else {
      BHXH_ASSIGN_OR_RETURN(days, Int(surgery ? "maternity.father_days.surgery" : "maternity.father_days.normal"));
    }
    what = "lao động nam khi vợ sinh con", label = "Trợ cấp thai sản của lao động nam";
    // His leave starts within 30 days of the birth (58/2014 Art.34.2, as
    // the ministry's letter 3432/LĐTBXH-BHXH item 2.đ reads it: taken in
    // parts, the last part starts within them, and its days may run past
    // the 30th) or within 60 (41/2024 Art.53.3): starting later, no days
    // are paid (the grant does not depend on it).
    BHXH_ASSIGN_OR_RETURN(std::optional<Date> start, fact_date(f_.leave_start, "facts.leave_start"));
    if (start) {
      BHXH_ASSIGN_OR_RETURN(int within, Int("maternity.father_days.start_within_days"));
      const int after = start->days() - d_.days();
      if (after >= within) {
        days = 0;
        out_.warnings.push_back("Cha bắt đầu nghỉ ngày " + start->ToVi() + ", ngoài " + std::to_string(within) +
                                " ngày kể từ ngày sinh con: không hưởng chế độ nghỉ việc");
        Step("father_window",
             "Nghỉ từ ngày " + start->ToVi() + ": ngoài " + std::to_string(within) + " ngày kể từ ngày sinh con (" +
                 d_.ToVi() + ")",
             "His leave starts too late", LawName(Art("Điều 34.2", "Điều 53.3")));
      } else {
        Step("father_window",
             "Bắt đầu nghỉ (lần cuối, nếu nghỉ nhiều lần) ngày " + start->ToVi() + ": trong " + std::to_string(within) +
                 " ngày kể từ ngày sinh con (" + d_.ToVi() + ")",
             "His leave starts within the window", LawName(Art("Điều 34.2", "Điều 53.3")));
      }
    }
    if (f_.mother_insured == false || f_.mother_eligible == false) {
      // The husband gets the grant when the mother is not insured, or is
      // but does not qualify, and he has 6 of the 12 months before the
      // birth: 41/2024 Art.58.1 (Art.50.2); for 58/2014 Art.38 the
      // ministry's letter 3432/LĐTBXH-BHXH (item 2.c) says the same of a
      // mother who does not qualify, the condition being Circular 59/2015
      // Art.9.2's (its number is a row flagged uncertain until read).
      BHXH_ASSIGN_OR_RETURN(int need, Int("maternity.father_grant.min_months_in_12"));
      const bool father_met = in12 >= need;
      if (!father_met)
        out_.warnings.push_back("Cha chưa đóng đủ " + std::to_string(need) +
                                " tháng BHXH bắt buộc trong 12 tháng trước khi sinh (đã đóng " + std::to_string(in12) +
                                "): không được trợ cấp một lần khi sinh con");
      if (father_met) {
        BHXH_RETURN_IF_ERROR(pay_grant(
            f_.mother_insured == false ? "Vợ không tham gia BHXH: cha được trợ cấp một lần"
                                       : "Vợ không đủ điều kiện hưởng chế độ thai sản: cha được trợ cấp một lần",
            "Birth grant to the father", Art("Điều 38", "Điều 58.1"), "Trợ cấp một lần khi sinh con"));
      }
    }
  } else if (kind == "recovery") {
    std::string k = children >= 2 ? "multiple" : f_.surgery.value_or(false) ? "surgery" : "other";
    BHXH_ASSIGN_OR_RETURN(int max_days, Int("maternity.recovery_days." + k));
    BHXH_ASSIGN_OR_RETURN(RateMicro r, Pct("recovery.daily_rate"));
    // The most days are for a calendar year (the ministry's letter
    // 3432/LĐTBXH-BHXH, item 2.e; the dated row).
    BHXH_ASSIGN_OR_RETURN(int per_year, Int("maternity.recovery_days.per_calendar_year"));
    BHXH_ASSIGN_OR_RETURN(RecoveryDays rd, RecoveryDaysOfYear(f_.days.value_or(max_days), max_days, per_year != 0,
                                                              Art("Điều 41.2", "Điều 60.2")));
    if (rd.paid == 0) return Status::Ok();
    Vnd amount = ApplyRate(ref, r) * rd.paid;
    Step("recovery",
         "Dưỡng sức sau sinh: " + std::to_string(rd.paid) + " ngày" + rd.limit_vi + " × " + PctVi(r) + " × " +
             VndVi(ref) + " = " + VndVi(amount),
         "Post-natal convalescence", LawName(Art("Điều 41", "Điều 60")));
    Amount("lump_sum", "Trợ cấp dưỡng sức sau thai sản", amount);
    return Status::Ok();
  } else if (kind == "contraception") {
    // 58/2014 Art.37; 41/2024 Art.57: the days a doctor orders, at most 7
    // for an intrauterine device (a woman), 15 for sterilisation (anyone),
    // counted in calendar days.
    const std::string method = f_.contraception_method.value_or("");
    if (method != "iud" && method != "sterilisation")
      return Status::Invalid("facts.contraception_method",
                             "Cần biện pháp tránh thai (facts.contraception_method): iud (đặt dụng cụ tử cung) hoặc "
                             "sterilisation (triệt sản)",
                             "contraception_method must be iud or sterilisation");
    if (method == "iud" && req_.person.sex == Sex::kMale)
      return Status::Invalid("facts.contraception_method", "Đặt dụng cụ tránh thai trong tử cung là của lao động nữ",
                             "an intrauterine device is a woman's");
    BHXH_ASSIGN_OR_RETURN(int max_days, Int("maternity.contraception_days." + method));
    days = std::min(max_days, f_.days.value_or(max_days));
    what = method == "iud" ? "đặt dụng cụ tránh thai trong tử cung (tối đa " + std::to_string(max_days) + " ngày)"
                           : "thực hiện biện pháp triệt sản (tối đa " + std::to_string(max_days) + " ngày)";
    label = "Trợ cấp khi thực hiện biện pháp tránh thai";
  } else {
    return Status::Invalid("facts.kind",
                           "facts.kind của chế độ thai sản: birth, adoption, visit, miscarriage, father, father_care, "
                           "surrogate, commissioning, recovery, contraception, voluntary_grant",
                           "unknown maternity kind");
  }
  if (kind == "father" && days == 0) {
    if (out_.amounts.empty())
      NotEligible("Nghỉ ngoài thời hạn được hưởng chế độ khi vợ sinh con", "the leave starts outside the window");
    return Status::Ok();
  }
  Vnd amount = DivRound(static_cast<__int128>(ApplyRate(avg, rate)) * days, divisor);
  Step("maternity_days",
       "Trợ cấp " + what + ": " + VndVi(avg) + " × " + PctVi(rate) + " / " + std::to_string(divisor) + " × " +
           std::to_string(days) + " ngày = " + VndVi(amount),
       "Maternity days benefit", LawName(Art("Điều 32, 33, 34, 37, 39", "Điều 51, 52, 53, 57, 59")));
  Amount("lump_sum", label, amount);
  return Status::Ok();
}

// ---------------------------------------------------------------- occupational accident and disease

Status Calc::Occupational() {
  BHXH_RETURN_IF_ERROR(ContributionStep());
  BHXH_ASSIGN_OR_RETURN(Vnd ref, RefLevel());
  const char* osh = "Luật An toàn, vệ sinh lao động 84/2015/QH13, ";
  if (f_.kind.value_or("") == "death" || f_.accident_death.value_or(false)) {
    BHXH_ASSIGN_OR_RETURN(int64_t mult, Micro("accident.death_multiple"));
    Vnd amount = ApplyRate(ref, mult);
    out_.eligible = true;
    Step("death", "Chết do tai nạn lao động, bệnh nghề nghiệp: thân nhân được " + DecimalVi(mult) + " × " + VndVi(ref) +
                      " = " + VndVi(amount),
         "Death from an occupational accident", std::string(osh) + "Điều 53");
    Amount("lump_sum", "Trợ cấp một lần khi chết do TNLĐ-BNN", amount);
    return Status::Ok();
  }
  if (!f_.capacity_loss_pct)
    return Status::Invalid("facts.capacity_loss_pct", "Cần tỷ lệ suy giảm khả năng lao động (facts.capacity_loss_pct)",
                           "capacity_loss_pct is required");
  int loss = *f_.capacity_loss_pct;
  BHXH_ASSIGN_OR_RETURN(RateMicro min_loss, Pct("accident.min_loss"));
  BHXH_ASSIGN_OR_RETURN(RateMicro monthly_from, Pct("accident.monthly_from_loss"));
  if (loss * 10'000 < min_loss) {
    NotEligible("Suy giảm khả năng lao động dưới " + PctVi(min_loss), "capacity loss below the minimum");
    Step("conditions", "Không đủ điều kiện", "Not eligible", std::string(osh) + "Điều 45");
    return Status::Ok();
  }
  out_.eligible = true;
  BHXH_ASSIGN_OR_RETURN(Vnd salary, PreviousMonthSalary());
  BHXH_ASSIGN_OR_RETURN(half_up_to_, Int("pension.odd_months.half_up_to"));
  int months = static_cast<int>(months_.size());
  // Years of contribution: up to one year counts as the first year; each
  // further year (odd months by the half-year rule) adds the step.
  int extra_half = months <= 12 ? 0 : HalfYears(months - 12, half_up_to_);
  if (loss * 10'000 < monthly_from) {
    BHXH_ASSIGN_OR_RETURN(int64_t base, Micro("accident.lump.base_multiple"));
    BHXH_ASSIGN_OR_RETURN(int64_t step, Micro("accident.lump.step_multiple"));
    BHXH_ASSIGN_OR_RETURN(int64_t s_first, Micro("accident.lump.seniority_first"));
    BHXH_ASSIGN_OR_RETURN(int64_t s_step, Micro("accident.lump.seniority_step"));
    int min_pct = static_cast<int>(min_loss / 10'000);
    int64_t mult = base + step * (loss - min_pct);
    Vnd part1 = ApplyRate(ref, mult);
    int64_t smult = s_first + s_step * extra_half / 2;
    Vnd part2 = ApplyRate(salary, smult);
    Step("lump_sum",
         "Suy giảm " + std::to_string(loss) + "%: (" + DecimalVi(base) + " + " + DecimalVi(step) + " × " +
             std::to_string(loss - min_pct) + ") × " + VndVi(ref) + " = " + VndVi(part1) + "; theo số năm đóng: (" +
             DecimalVi(s_first) + " + " + DecimalVi(s_step) + " × " + HalfYearsVi(extra_half) + ") × " +
             VndVi(salary) + " = " + VndVi(part2),
         "Lump sum for capacity loss", std::string(osh) + "Điều 48");
    Amount("lump_sum", "Trợ cấp TNLĐ-BNN một lần", part1 + part2);
    return Status::Ok();
  }
  BHXH_ASSIGN_OR_RETURN(RateMicro base, Pct("accident.monthly.base_percent"));
  BHXH_ASSIGN_OR_RETURN(RateMicro step, Pct("accident.monthly.step_percent"));
  BHXH_ASSIGN_OR_RETURN(RateMicro s_first, Pct("accident.monthly.seniority_first"));
  BHXH_ASSIGN_OR_RETURN(RateMicro s_step, Pct("accident.monthly.seniority_step"));
  int from_pct = static_cast<int>(monthly_from / 10'000);
  RateMicro r1 = base + step * (loss - from_pct);
  Vnd part1 = ApplyRate(ref, r1);
  RateMicro r2 = s_first + s_step * extra_half / 2;
  Vnd part2 = ApplyRate(salary, r2);
  Month start = Month::OfDate(d_).Next();
  Step("monthly",
       "Suy giảm " + std::to_string(loss) + "%: (" + PctVi(base) + " + " + PctVi(step) + " × " +
           std::to_string(loss - from_pct) + ") × " + VndVi(ref) + " = " + VndVi(part1) + "; theo số năm đóng: (" +
           PctVi(s_first) + " + " + PctVi(s_step) + " × " + HalfYearsVi(extra_half) + ") × " + VndVi(salary) +
           " = " + VndVi(part2) + "; hằng tháng " + VndVi(part1 + part2),
       "Monthly benefit for capacity loss", std::string(osh) + "Điều 49");
  Amount("monthly_benefit", "Trợ cấp TNLĐ-BNN hằng tháng", part1 + part2, true, start);
  return Status::Ok();
}

// ---------------------------------------------------------------- survivors and funeral

Status Calc::Funeral() {
  BHXH_RETURN_IF_ERROR(ContributionStep());
  int compulsory = Months(IsCompulsory), voluntary = static_cast<int>(months_.size()) - compulsory;
  BHXH_ASSIGN_OR_RETURN(int need_c, Int("funeral.min_months.compulsory"));
  BHXH_ASSIGN_OR_RETURN(int need_v, Int("funeral.min_months.voluntary"));
  // 58/2014 Art.66.1.c and 41/2024 Art.85.1.c: a monthly occupational
  // allowance drawn after leaving work counts as a pension does.
  bool ok = compulsory >= need_c || voluntary >= need_v || f_.pensioner.value_or(false) ||
            f_.accident_death.value_or(false) || f_.occupational_allowance.has_value();
  // Voluntary and compulsory months together reaching the voluntary
  // condition (Circular 59/2015 Art.24, example 45: 4 years 2 months
  // voluntary and 10 months compulsory make the 60).
  if (!ok && compulsory > 0 && voluntary > 0) {
    BHXH_ASSIGN_OR_RETURN(int together, Int("funeral.min_months.voluntary_counts_compulsory"));
    ok = together && compulsory + voluntary >= need_v;
  }
  out_.eligible = ok;
  if (!ok) {
    NotEligible("Chưa đủ " + std::to_string(need_c) + " tháng đóng bắt buộc hoặc " + std::to_string(need_v) +
                    " tháng tự nguyện, không hưởng lương hưu hoặc trợ cấp TNLĐ-BNN hằng tháng, không chết do TNLĐ-BNN",
                "funeral grant conditions not met");
    Step("conditions", "Không đủ điều kiện trợ cấp mai táng", "Not eligible", LawName(Art("Điều 66, 80", "Điều 85, 109")));
    return Status::Ok();
  }
  BHXH_ASSIGN_OR_RETURN(int64_t mult, Micro("funeral.multiple"));
  BHXH_ASSIGN_OR_RETURN(Vnd ref, RefLevel());
  Vnd amount = ApplyRate(ref, mult);
  Step("funeral", "Trợ cấp mai táng = " + DecimalVi(mult) + " × " + VndVi(ref) + " (tháng người tham gia chết) = " +
                      VndVi(amount),
       "Funeral grant", LawName(Art("Điều 66", "Điều 85")));
  Amount("grant", "Trợ cấp mai táng", amount);
  return Status::Ok();
}

namespace {

// Whole years of age on `on` (negative parts count as 0: one born after).
int FullYears(Date birth, Date on) {
  int y = on.year() - birth.year();
  if (y > 0 && birth.AddMonths(12 * y) > on) --y;
  return std::max(0, y);
}

std::string RelativeVi(const Relative& r) {
  const bool female = r.sex == Sex::kFemale;
  std::string who = r.relation == "child"           ? "Con"
                    : r.relation == "spouse"        ? (female ? "Vợ" : "Chồng")
                    : r.relation == "parent"        ? (female ? "Mẹ đẻ" : "Cha đẻ")
                    : r.relation == "parent_in_law" ? (female ? "Mẹ vợ/chồng" : "Cha vợ/chồng")
                                                    : "Thành viên gia đình đang phải nuôi dưỡng";
  if (!r.name.empty()) who += " " + r.name;
  return who + " (sinh " + r.birth.ToVi() + ")";
}

}  // namespace

// 58/2014 Art.67.2-3 and 41/2024 Art.86.2-3: children under the age, or
// older with the capacity loss; a spouse, parents (own and in-law) and
// other family members the deceased had to support, of age or with the
// capacity loss. "Of age" is a fixed age by sex under the 2014 law and the
// retirement age of Labour Code Art.169.2 under the 2024 law. The 2014 law
// then asks that they have no income or less than the base salary (not
// children); the 2024 law excludes those paid a wage under compulsory SI or
// a pension or monthly allowance of at least the reference level (not
// children under the age, but disabled adult children too). Each of these
// switches is a dated row.
Result<std::vector<Calc::Entitled>> Calc::QualifyingRelatives(Vnd ref) {
  BHXH_ASSIGN_OR_RETURN(int child_age, Int("survivor.relative.child_max_age"));
  BHXH_ASSIGN_OR_RETURN(int paid_through, Int("survivor.relative.child_paid_through"));
  BHXH_ASSIGN_OR_RETURN(int loss_min, Int("survivor.relative.capacity_loss_pct"));
  BHXH_ASSIGN_OR_RETURN(LawParam rule, P("survivor.relative.age_rule"));
  BHXH_ASSIGN_OR_RETURN(int income_test, Int("survivor.relative.income_test"));
  BHXH_ASSIGN_OR_RETURN(int benefit_test, Int("survivor.relative.benefit_test"));
  BHXH_ASSIGN_OR_RETURN(int test_disabled_child, Int("survivor.relative.test_disabled_child"));
  bool several_deaths = false;
  for (const Relative& r : f_.relatives) several_deaths = several_deaths || r.other_deaths > 0;
  int max_rates = 0;
  if (several_deaths) {
    BHXH_ASSIGN_OR_RETURN(max_rates, Int("survivor.relative.max_rates"));
  }
  const bool by_retirement_age = rule.value == "retirement_age";
  if (!by_retirement_age && rule.value != "fixed")
    return Status::Invalid("survivor.relative.age_rule", "Giá trị phải là fixed hoặc retirement_age: " + rule.value,
                           "the value must be fixed or retirement_age: " + rule.value);
  const std::string no_loss = "không suy giảm khả năng lao động từ " + std::to_string(loss_min) + "% trở lên";
  std::vector<Entitled> chosen;
  std::string lines;
  const Month first = Month::OfDate(d_).Next();
  for (size_t i = 0; i < f_.relatives.size(); ++i) {
    const Relative& r = f_.relatives[i];
    const Date birth = r.BirthDate();
    const int age = FullYears(birth, d_);
    const bool disabled = r.capacity_loss_pct >= loss_min;
    const std::string loss = "suy giảm khả năng lao động " + std::to_string(r.capacity_loss_pct) + "%";
    std::string why;
    bool ok = false, tested = true;
    Entitled e{i, first, std::nullopt};
    if (r.relation == "child") {
      BHXH_ASSIGN_OR_RETURN(bool under, ChildUnder(birth, child_age));
      if (under) {
        ok = true;
        tested = false;
        // A disabled child is paid on past the age; one who qualifies by
        // age only is paid through the month the age is reached (+ the row).
        const Date of_age = birth.AddMonths(12 * child_age);
        if (!disabled) e.through = Month::OfDate(of_age).Add(paid_through);
        why = d_ < birth ? "sinh sau khi người tham gia chết, hưởng từ tháng sinh " + Month::OfDate(birth).ToVi()
                         : std::to_string(age) + " tuổi";
        why += disabled ? ", " + loss
                        : ", hưởng đến khi đủ " + std::to_string(child_age) + " tuổi (" + of_age.ToVi() +
                              "): hết tháng " + e.through->ToVi();
        if (d_ < birth) e.from = Month::OfDate(birth);
      } else {
        ok = disabled;
        tested = test_disabled_child != 0;
        why = std::to_string(age) + " tuổi";
        if (age < child_age)  // of age by the month of the birthday (the row's offset)
          why += " (tính đủ " + std::to_string(child_age) + " tuổi từ tháng " +
                 Month::OfDate(birth.AddMonths(12 * child_age)).Add(paid_through + 1).ToVi() + ")";
        why += ", " + (disabled ? loss : no_loss);
      }
    } else {
      const Sex sex = r.sex.value_or(Sex::kMale);  // present: Validate requires it
      bool of_age = false;
      if (by_retirement_age) {
        BHXH_ASSIGN_OR_RETURN(auto reached, bl_.RetirementDate(sex, birth, 0, d_));
        Cite(reached.second.cite);
        of_age = reached.first <= d_;
        why = std::to_string(age) + " tuổi, " + (of_age ? "đã" : "chưa") + " đủ tuổi nghỉ hưu (" +
              AgeVi(reached.second.total_months()) + ", ngày " + reached.first.ToVi() + ")";
      } else {
        BHXH_ASSIGN_OR_RETURN(int min_age, Int(std::string("survivor.relative.age.") + SexWord(sex)));
        of_age = age >= min_age;
        why = std::to_string(age) + " tuổi (" + (of_age ? "từ đủ " : "dưới ") + std::to_string(min_age) + " tuổi)";
      }
      ok = of_age || disabled;
      if (!of_age) why += ", " + (disabled ? loss : no_loss);
    }
    if (ok && tested && income_test) {
      // A wage under compulsory SI is at least the regional minimum wage,
      // itself above the base salary.
      const Vnd income = r.monthly_income.value_or(0) + r.monthly_benefit.value_or(0);
      if (r.salaried_insured) {
        ok = false;
        why += "; đang hưởng tiền lương, đóng BHXH bắt buộc: thu nhập không thấp hơn mức lương cơ sở";
      } else if (income >= ref) {
        ok = false;
        why += "; thu nhập hằng tháng " + VndVi(income) + " không thấp hơn mức lương cơ sở " + VndVi(ref);
      }
    }
    if (ok && tested && benefit_test) {
      if (r.salaried_insured) {
        ok = false;
        why += "; đang hưởng tiền lương và tham gia BHXH bắt buộc";
      } else if (r.monthly_benefit && *r.monthly_benefit >= ref) {
        ok = false;
        why += "; đang hưởng lương hưu, trợ cấp hằng tháng " + VndVi(*r.monthly_benefit) +
               " không thấp hơn mức tham chiếu " + VndVi(ref);
      }
    }
    // A relative of two or more who died is paid twice the rate (58/2014
    // Art.68.2, 41/2024 Art.87.2): one rate from each death, read as the
    // row's number of rates at most — so one already paid that many from
    // other deaths is not paid from this one, and not counted among its four.
    if (ok && r.other_deaths > 0) {
      const std::string others = std::to_string(r.other_deaths);
      if (r.other_deaths >= max_rates) {
        ok = false;
        why += "; đang hưởng tuất hằng tháng của " + others + " người chết khác: đã đủ " + std::to_string(max_rates) +
               " lần mức trợ cấp";
      } else {
        why += "; đang hưởng tuất hằng tháng của " + others +
               " người chết khác: hưởng thêm mức của người chết này (tối đa " + std::to_string(max_rates) +
               " lần mức trợ cấp)";
      }
    }
    lines += (i ? "; " : "") + RelativeVi(r) + ": " + why + (ok ? " — đủ điều kiện" : " — không đủ điều kiện");
    if (ok) chosen.push_back(e);
  }
  Step("relatives",
       "Thân nhân hưởng tuất hằng tháng: " + lines + ". Đủ điều kiện: " + std::to_string(chosen.size()) + "/" +
           std::to_string(f_.relatives.size()) + " người",
       "Relatives qualifying for the monthly survivor benefit: " + std::to_string(chosen.size()) + " of " +
           std::to_string(f_.relatives.size()),
       LawName(several_deaths ? Art("Điều 67.2, 67.3, 68.2", "Điều 86.2, 86.3, 87.2")
                              : Art("Điều 67.2, 67.3", "Điều 86.2, 86.3")));
  return chosen;
}

Result<Calc::RecoveryDays> Calc::RecoveryDaysOfYear(int asked, int max_days, bool per_year, const char* law) {
  RecoveryDays rd;
  const int used = per_year ? std::clamp(f_.days_used_this_year.value_or(0), 0, max_days) : 0;
  const std::string year = std::to_string(d_.year());
  rd.paid = std::min(asked, max_days - used);
  rd.limit_vi = " (tối đa " + std::to_string(max_days) + " ngày" + (per_year ? " trong năm " + year : "") +
                (used ? ", đã nghỉ " + std::to_string(used) : "") + ")";
  if (rd.paid <= 0) {
    rd.paid = 0;
    NotEligible("Đã nghỉ đủ " + std::to_string(max_days) + " ngày dưỡng sức, phục hồi sức khoẻ trong năm " + year,
                "this year's convalescence days are used up");
    Step("recovery", "Đã nghỉ " + std::to_string(used) + " ngày dưỡng sức trong năm " + year + rd.limit_vi,
         "No days left this year", LawName(law));
  }
  return rd;
}

Result<bool> Calc::ChildUnder(Date birth, int years) {
  BHXH_ASSIGN_OR_RETURN(int offset, Int("survivor.relative.child_paid_through"));
  return d_ < birth || Month::OfDate(d_) <= Month::OfDate(birth).Add(12 * years + offset);
}

Result<bool> Calc::LumpSumChoiceAllowed(Vnd ref) {
  BHXH_ASSIGN_OR_RETURN(auto chosen, QualifyingRelatives(ref));
  if (chosen.empty()) {
    Step("lump_choice", "Không có thân nhân đủ điều kiện hưởng tuất hằng tháng: thân nhân hưởng trợ cấp tuất một lần",
         "No relative qualifies for the monthly benefit: the lump sum", LawName(Art("Điều 69.2", "Điều 88.2.b")));
    return true;
  }
  BHXH_ASSIGN_OR_RETURN(int young, Int("survivor.lump_choice.excluded_child_age"));
  BHXH_ASSIGN_OR_RETURN(int disabled_excluded, Int("survivor.lump_choice.excluded_disabled"));
  BHXH_ASSIGN_OR_RETURN(int loss_min, Int("survivor.relative.capacity_loss_pct"));
  std::string who;
  for (const auto& e : chosen) {
    const Relative& r = f_.relatives[e.index];
    const Date birth = r.BirthDate();
    const bool child = r.relation == "child";
    bool under = false;
    if (child && young > 0) {
      BHXH_ASSIGN_OR_RETURN(under, ChildUnder(birth, young));
    }
    const bool disabled = disabled_excluded && (child || r.relation == "spouse") && r.capacity_loss_pct >= loss_min;
    if (under || disabled)
      who += (who.empty() ? "" : "; ") + RelativeVi(r) +
             (under ? ": dưới " + std::to_string(young) + " tuổi"
                    : ": suy giảm khả năng lao động " + std::to_string(r.capacity_loss_pct) + "%");
  }
  const std::string n = std::to_string(chosen.size());
  if (!who.empty()) {
    NotEligible("Gia đình có thân nhân không được chọn trợ cấp tuất một lần (" + who +
                    "): hưởng trợ cấp tuất hằng tháng (facts.kind = monthly)",
                "a relative may not take the lump sum instead of the monthly benefit (a child under " +
                    std::to_string(young) + ", or a child or spouse with the capacity loss): the monthly benefit");
    Step("lump_choice",
         n + " thân nhân đủ điều kiện hưởng tuất hằng tháng; không được chọn trợ cấp tuất một lần vì " + who,
         "The family may not choose the lump sum", LawName(Art("Điều 69.3", "Điều 88.2.c")));
    return false;
  }
  Step("lump_choice",
       n + " thân nhân đủ điều kiện hưởng tuất hằng tháng chọn hưởng trợ cấp tuất một lần" +
           (young > 0 ? " (không có con dưới " + std::to_string(young) +
                            " tuổi, con hoặc vợ, chồng suy giảm khả năng lao động từ " + std::to_string(loss_min) +
                            "% trở lên)"
                      : ""),
       "The family chooses the lump sum instead of the monthly benefit", LawName(Art("Điều 69.3", "Điều 88.2.c")));
  return true;
}

Status Calc::Survivor() {
  BHXH_RETURN_IF_ERROR(ContributionStep());
  std::string kind = f_.kind.value_or("lump_sum");
  int total = static_cast<int>(months_.size());
  int compulsory = Months(IsCompulsory);
  bool pensioner = f_.pensioner.value_or(false) || f_.pension_months_received.has_value();
  BHXH_ASSIGN_OR_RETURN(Vnd ref, RefLevel());
  out_.eligible = true;
  // A monthly case (58/2014 Art.67.1; 41/2024 Art.86.1): 15 years of
  // compulsory contributions, a pension, a death from an occupational
  // accident or disease, or a monthly occupational allowance drawn for a
  // capacity loss of at least the row's 61%.
  BHXH_ASSIGN_OR_RETURN(int min_years, Int("survivor.min_years"));
  bool monthly_case = compulsory >= min_years * 12 || pensioner || f_.accident_death.value_or(false);
  if (f_.occupational_allowance) {
    BHXH_ASSIGN_OR_RETURN(int oa_loss, Int("survivor.min_occupational_loss_pct"));
    // The loss decides whether it is a monthly case: needed for the monthly
    // benefit and for the family's choice, not for a lump sum alone.
    if (!f_.capacity_loss_pct && (kind == "monthly" || !f_.relatives.empty()))
      return Status::Invalid("facts.capacity_loss_pct",
                             "Người chết hưởng trợ cấp TNLĐ-BNN hằng tháng: cần tỷ lệ suy giảm khả năng lao động "
                             "(facts.capacity_loss_pct)",
                             "capacity_loss_pct is required with occupational_allowance");
    const bool enough = f_.capacity_loss_pct && *f_.capacity_loss_pct >= oa_loss;
    monthly_case = monthly_case || enough;
    Step("occupational_allowance",
         "Người chết đang hưởng trợ cấp TNLĐ-BNN hằng tháng " + VndVi(*f_.occupational_allowance) +
             (f_.capacity_loss_pct ? ", suy giảm khả năng lao động " + std::to_string(*f_.capacity_loss_pct) + "% (" +
                                         (enough ? "từ " : "dưới ") + std::to_string(oa_loss) + "%)"
                                   : ""),
         "The deceased drew a monthly occupational allowance", LawName(Art("Điều 67.1.d", "Điều 86.1.d")));
  }
  if (kind == "monthly") {
    bool ok = monthly_case;
    if (!ok) {
      NotEligible("Người chết chưa đủ " + std::to_string(min_years) +
                      " năm đóng BHXH bắt buộc, không hưởng lương hưu, không chết do TNLĐ-BNN, không hưởng trợ cấp "
                      "TNLĐ-BNN hằng tháng với mức suy giảm đủ: thân nhân hưởng trợ cấp tuất một lần",
                  "monthly survivor benefit conditions not met");
      Step("conditions", "Không đủ điều kiện hưởng tuất hằng tháng", "Not eligible", LawName(Art("Điều 67", "Điều 86")));
      return Status::Ok();
    }
    BHXH_ASSIGN_OR_RETURN(int max_n, Int("survivor.max_dependants"));
    BHXH_ASSIGN_OR_RETURN(RateMicro p, Pct("survivor.monthly.percent"));
    BHXH_ASSIGN_OR_RETURN(RateMicro p70, Pct("survivor.monthly.no_carer_percent"));
    // One month's amount for n relatives of whom no_carer have no direct
    // carer, in words.
    auto amount_of = [&](int n, int no_carer, std::string* vi) {
      int counted = std::min(n, max_n);
      int counted70 = std::min(no_carer, counted);
      Vnd amount = ApplyRate(ref, p70) * counted70 + ApplyRate(ref, p) * (counted - counted70);
      *vi = std::to_string(counted - counted70) + " thân nhân × " + PctVi(p) + " × " + VndVi(ref) +
            (counted70 ? " + " + std::to_string(counted70) + " thân nhân không có người trực tiếp nuôi dưỡng × " +
                             PctVi(p70) + " × " + VndVi(ref)
                       : "") +
            (n > max_n ? " (tối đa " + std::to_string(max_n) + " người)" : "") + " = " + VndVi(amount);
      return amount;
    };
    const Month start = Month::OfDate(d_).Next();
    if (f_.relatives.empty()) {
      int n = f_.dependants.value_or(0);
      if (n <= 0)
        return Status::Invalid("facts.dependants",
                               "Cần số thân nhân hưởng tuất hằng tháng (facts.dependants) hoặc danh sách thân nhân "
                               "(facts.relatives)",
                               "facts.dependants or facts.relatives is required");
      std::string vi;
      Vnd amount = amount_of(n, std::min(f_.dependants_without_carer.value_or(0), n), &vi);
      Step("survivor_monthly", vi + " mỗi tháng, từ " + start.FirstDay().ToVi(), "Monthly survivor benefit",
           LawName(Art("Điều 68", "Điều 87")));
      Amount("monthly_survivor", "Trợ cấp tuất hằng tháng", amount, true, start);
      return Status::Ok();
    }
    BHXH_ASSIGN_OR_RETURN(auto chosen, QualifyingRelatives(ref));
    if (chosen.empty()) {
      NotEligible("Không có thân nhân đủ điều kiện hưởng trợ cấp tuất hằng tháng: thân nhân hưởng trợ cấp tuất một lần",
                  "no relative qualifies for the monthly survivor benefit: the survivors' lump sum applies");
      return Status::Ok();
    }
    // The family changes over time: a child born after the death comes in
    // from the month of birth, a child paid by age goes out after the month
    // set by the row. Each stretch between such months is one amount; in
    // each month those listed first are counted up to the most the law pays
    // for (the family's order, as the officer enters it). Amounts are at the
    // reference level of the event date; later changes of it are the
    // payroll's.
    std::vector<Month> cuts;
    for (const auto& e : chosen) {
      cuts.push_back(e.from);
      if (e.through) cuts.push_back(e.through->Next());
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    struct Stretch {
      Month from;
      int months = 0;  // 0: while entitled
      int counted = 0;
      Vnd amount = 0;
      std::string vi;
    };
    std::vector<Stretch> stretches;
    for (size_t c = 0; c < cuts.size(); ++c) {
      const Month from = cuts[c];
      int n = 0, no_carer = 0;
      for (const auto& e : chosen)
        if (e.from <= from && (!e.through || from <= *e.through)) {
          ++n;
          if (n <= max_n) no_carer += f_.relatives[e.index].no_carer ? 1 : 0;
        }
      const int months = c + 1 < cuts.size() ? cuts[c + 1].index() - from.index() : 0;
      if (n == 0) continue;
      std::string part;
      Vnd amount = amount_of(n, no_carer, &part);
      // One beyond the most paid for replacing one who left pays the same:
      // the stretch goes on (no two mixes of 50% and 70% shares of at most
      // four people give the same sum).
      if (!stretches.empty()) {
        Stretch& last = stretches.back();
        if (last.amount == amount && last.months > 0 && last.from.Add(last.months) == from) {
          last.months = months ? last.months + months : 0;
          continue;
        }
      }
      stretches.push_back({from, months, std::min(n, max_n), amount, part});
    }
    std::string vi;
    for (const auto& s : stretches) {
      vi += (vi.empty() ? "Từ " : "; từ ") + s.from.FirstDay().ToVi() + ": " + s.vi + " mỗi tháng" +
            (s.months ? " (" + std::to_string(s.months) + " tháng, đến hết " + s.from.Add(s.months - 1).ToVi() + ")"
                      : "");
      Amount("monthly_survivor", "Trợ cấp tuất hằng tháng (" + std::to_string(s.counted) + " thân nhân)", s.amount,
             true, s.from, s.months);
    }
    if (vi.empty()) {
      NotEligible("Thân nhân đủ điều kiện nhưng hết thời gian hưởng trước tháng bắt đầu hưởng " + start.ToVi() +
                      ": thân nhân hưởng trợ cấp tuất một lần",
                  "the relatives' entitlement ends before the first month paid: the survivors' lump sum applies");
      return Status::Ok();
    }
    Step("survivor_monthly", vi, "Monthly survivor benefit, month by month as the family changes",
         LawName(Art("Điều 68", "Điều 87")));
    // The area allowance paid once goes to the family of one who died
    // contributing (a pensioner had it with the pension).
    return pensioner ? Status::Ok() : AreaAllowanceOnce(Month::OfDate(d_));
  }
  if (kind != "lump_sum")
    return Status::Invalid("facts.kind", "facts.kind của chế độ tử tuất: lump_sum hoặc monthly",
                           "survivor kind must be lump_sum or monthly");
  if (!f_.relatives.empty()) {
    if (monthly_case) {
      BHXH_ASSIGN_OR_RETURN(bool allowed, LumpSumChoiceAllowed(ref));
      if (!allowed) return Status::Ok();
    } else {
      Step("lump_choice",
           "Người chết chưa đủ " + std::to_string(min_years) +
               " năm đóng BHXH bắt buộc, không hưởng lương hưu, không chết do TNLĐ-BNN: thân nhân hưởng trợ cấp tuất "
               "một lần, không xét điều kiện hưởng tuất hằng tháng của từng thân nhân",
           "The deceased was not in a monthly case: the lump sum, relatives not assessed",
           LawName(Art("Điều 69.1", "Điều 88.2.a")));
    }
  }
  if (f_.one_time_taken.value_or(false)) {
    // One who drew a monthly occupational allowance after leaving work and
    // had taken the one-time SI: 41/2024 Art.89.3 pays 3 months of the
    // allowance; the 2014 law has no such rule (the row is 0 there).
    BHXH_ASSIGN_OR_RETURN(int64_t oa_months, Micro("survivor.lump.occupational_months"));
    if (oa_months == 0)
      return Status::Invalid(
          "facts.one_time_taken",
          "Luật BHXH 58/2014/QH13 không quy định trợ cấp tuất một lần theo tháng trợ cấp TNLĐ-BNN của "
          "người đã hưởng BHXH một lần (quy định này có từ Luật 41/2024, Điều 89.3, áp dụng từ "
          "01/07/2025)",
          "the 2014 law has no lump sum in months of the occupational allowance (41/2024 Art.89.3)");
    if (!f_.occupational_allowance)
      return Status::Invalid("facts.occupational_allowance",
                             "Cần mức trợ cấp TNLĐ-BNN hằng tháng đang hưởng (facts.occupational_allowance)",
                             "occupational_allowance is required with one_time_taken");
    if (pensioner)
      return Status::Invalid("facts.one_time_taken", "Người đã hưởng BHXH một lần không đồng thời hưởng lương hưu",
                             "one who took the one-time SI draws no pension");
    Vnd amount = ApplyRate(*f_.occupational_allowance, oa_months);
    Step("survivor_lump",
         "Người hưởng trợ cấp TNLĐ-BNN hằng tháng đã nghỉ việc, đã hưởng BHXH một lần: " + DecimalVi(oa_months) +
             " tháng × " + VndVi(*f_.occupational_allowance) + " = " + VndVi(amount),
         "Lump sum in months of the occupational allowance", "Luật BHXH 41/2024/QH15, Điều 89.3");
    Amount("lump_sum", "Trợ cấp tuất một lần", amount);
    return Status::Ok();
  }
  if (pensioner) {
    if (!f_.monthly_pension || !f_.pension_months_received)
      return Status::Invalid("facts.monthly_pension",
                             "Người đang hưởng lương hưu chết: cần facts.monthly_pension và facts.pension_months_received",
                             "monthly_pension and pension_months_received are required");
    BHXH_ASSIGN_OR_RETURN(int64_t full, Micro("survivor.pensioner.months"));
    BHXH_ASSIGN_OR_RETURN(int64_t less, Micro("survivor.pensioner.less_per_month"));
    BHXH_ASSIGN_OR_RETURN(int64_t min_m, Micro("survivor.pensioner.min_months"));
    int got = *f_.pension_months_received;
    int64_t months = got <= 2 ? full : std::max<int64_t>(min_m, full - less * (got - 2));
    Vnd amount = ApplyRate(*f_.monthly_pension, months);
    Step("survivor_lump",
         "Người đang hưởng lương hưu chết sau " + std::to_string(got) + " tháng hưởng: " + DecimalVi(full) +
             " tháng" + (got > 2 ? " − " + DecimalVi(less) + " × " + std::to_string(got - 2) + " tháng" : "") +
             " (tối thiểu " + DecimalVi(min_m) + ") = " + DecimalVi(months) + " tháng × " +
             VndVi(*f_.monthly_pension) + " = " + VndVi(amount),
         "Lump sum for a pensioner's survivors", LawName(Art("Điều 70.2", "Điều 89.2")));
    Amount("lump_sum", "Trợ cấp tuất một lần", amount);
    return Status::Ok();
  }
  // One who contributed only voluntarily: under 41/2024 Art.110.2.c the
  // survivors of one with fewer than `paid_back_under_months` get the
  // contributions paid back (0 under the 2014 law: no such rule), and
  // Art.110.2 sets no floor (the 3 months of Art.89.1 and 110.3 are for
  // those with compulsory months).
  const bool voluntary_only = compulsory == 0 && total > 0;
  if (voluntary_only) {
    BHXH_ASSIGN_OR_RETURN(int under, Int("survivor.voluntary.paid_back_under_months"));
    if (total < under) {
      BHXH_ASSIGN_OR_RETURN(RateMicro rate, Pct("survivor.voluntary.contribution_rate"));
      Vnd paid = 0;
      for (const auto& r : months_) {
        BHXH_ASSIGN_OR_RETURN(Vnd s, NominalOf(r));
        paid += ApplyRate(s, rate);
      }
      Step("survivor_lump",
           "Trợ cấp tuất một lần: đóng BHXH tự nguyện " + std::to_string(total) + " tháng (dưới " +
               std::to_string(under) + " tháng): bằng số tiền đã đóng, " + PctVi(rate) + " thu nhập = " + VndVi(paid),
           "Survivors' lump sum: the contributions paid", "Luật BHXH 41/2024/QH15, Điều 110.2.c");
      Amount("lump_sum", "Trợ cấp tuất một lần", paid);
      return Status::Ok();
    }
  }
  BHXH_ASSIGN_OR_RETURN(Vnd avg, AverageSalary("survivors' lump sum"));
  BHXH_ASSIGN_OR_RETURN(int64_t m_before, Micro("survivor.lump.months_per_year.before_2014"));
  BHXH_ASSIGN_OR_RETURN(int64_t m_after, Micro("survivor.lump.months_per_year.from_2014"));
  BHXH_ASSIGN_OR_RETURN(int64_t min_m,
                        Micro(voluntary_only ? "survivor.lump.min_months.voluntary" : "survivor.lump.min_months"));
  BHXH_ASSIGN_OR_RETURN(YearsAt2014 y, SplitAt2014());
  int64_t months = y.DoubleMonthsMicro(m_before, m_after) / 2;
  std::string vi = y.Vi(m_before, m_after) + " = " + DecimalVi(months) + " tháng";
  if (months < min_m) vi += ", tối thiểu " + DecimalVi(min_m) + " tháng", months = min_m;
  Vnd amount = ApplyRate(avg, months);
  Step("survivor_lump", "Trợ cấp tuất một lần: " + vi + " × " + VndVi(avg) + " = " + VndVi(amount),
       "Survivors' lump sum", LawName(voluntary_only ? Art("Điều 81", "Điều 110.2") : Art("Điều 70.1", "Điều 89.1")));
  Amount("lump_sum", "Trợ cấp tuất một lần", amount);
  return AreaAllowanceOnce(Month::OfDate(d_));
}

// ---------------------------------------------------------------- unemployment

Status Calc::Unemployment() {
  BHXH_RETURN_IF_ERROR(ContributionStep());
  const char* law = d_ >= Date::FromYmd(2026, 1, 1) ? "Luật Việc làm 74/2025/QH15, Điều 38, 39"
                                                    : "Luật Việc làm 38/2013/QH13, Điều 49, 50";
  Month ev = Month::OfDate(d_);
  BHXH_ASSIGN_OR_RETURN(int min_months, Int("unemployment.min_months"));
  BHXH_ASSIGN_OR_RETURN(int window, Int("unemployment.window_months"));
  // The window is the `window` months before the contract ended: it ends
  // with the month of termination when that month was contributed, else
  // with the month before (Decree 28/2015/NĐ-CP Art.15 counts back from the
  // last month contributed before termination).
  Month end = ev.Prev();
  for (const auto& r : months_)
    if (IsUi(r) && r.m == ev) end = ev;
  int in_window = 0, all = 0;
  for (const auto& r : months_) {
    if (!IsUi(r)) continue;
    ++all;
    if (r.m <= end && r.m > end.Add(-window)) ++in_window;
  }
  all -= std::min(all, f_.ui_months_used.value_or(0));
  out_.eligible = in_window >= min_months;
  Step("conditions",
       "Đóng BHTN " + std::to_string(in_window) + " tháng trong " + std::to_string(window) +
           " tháng trước khi chấm dứt hợp đồng (cần " + std::to_string(min_months) + ")",
       std::to_string(in_window) + " UI months in the window", law);
  if (!out_.eligible) {
    NotEligible("Chưa đóng đủ " + std::to_string(min_months) + " tháng BHTN trong " + std::to_string(window) + " tháng",
                "not enough UI months");
    return Status::Ok();
  }
  BHXH_ASSIGN_OR_RETURN(int avg_months, Int("unemployment.average_months"));
  BHXH_ASSIGN_OR_RETURN(Vnd avg, AverageOfLast(avg_months, IsUi, ev.Next(), law));
  BHXH_ASSIGN_OR_RETURN(RateMicro rate, Pct("unemployment.rate"));
  Vnd monthly = ApplyRate(avg, rate);
  // Cap: 5 × the basis of the person's pay (State pay: base salary; employer pay: regional minimum wage).
  bool state = !months_.empty() && months_.back().state;
  BHXH_ASSIGN_OR_RETURN(LawParam basis, P(state ? "unemployment.cap_basis.state" : "unemployment.cap_basis.employer"));
  BHXH_ASSIGN_OR_RETURN(int64_t mult, Micro("unemployment.cap_multiple"));
  Vnd base = 0;
  std::string base_vi;
  if (basis.value == "reference_level") {
    BHXH_ASSIGN_OR_RETURN(base, RefLevel());
    base_vi = "mức lương cơ sở " + VndVi(base);
  } else {
    if (!f_.region)
      return Status::Invalid("facts.region", "Cần vùng lương tối thiểu nơi làm việc (facts.region 1-4) để tính mức trần",
                             "facts.region is required for the cap");
    std::string key = "region_min_wage." + std::to_string(*f_.region);
    auto p = law_.Param(key, d_);
    if (!p.ok()) return p.status();
    Cite(*p);
    BHXH_ASSIGN_OR_RETURN(base, ParseVnd(p->value, key));
    base_vi = "lương tối thiểu vùng " + std::to_string(*f_.region) + " " + VndVi(base);
  }
  Vnd cap = ApplyRate(base, mult);
  std::string vi = VndVi(avg) + " × " + PctVi(rate) + " = " + VndVi(monthly);
  if (monthly > cap) vi += "; vượt mức tối đa " + DecimalVi(mult) + " × " + base_vi + " = " + VndVi(cap), monthly = cap;
  BHXH_ASSIGN_OR_RETURN(int base_months, Int("unemployment.base_months"));
  BHXH_ASSIGN_OR_RETURN(int base_contrib, Int("unemployment.base_contribution_months"));
  BHXH_ASSIGN_OR_RETURN(int per, Int("unemployment.extra_per_months"));
  BHXH_ASSIGN_OR_RETURN(int max_months, Int("unemployment.max_months"));
  int duration = base_months + (all > base_contrib ? (all - base_contrib) / per : 0);
  duration = std::min(duration, max_months);
  Month start = ev.Next();
  Step("unemployment",
       "Mức hưởng hằng tháng: " + vi + ". Số tháng hưởng: đóng " + std::to_string(all) + " tháng → " +
           std::to_string(base_months) + " tháng cho " + std::to_string(base_contrib) + " tháng đầu, thêm 1 tháng mỗi " +
           std::to_string(per) + " tháng đóng, tối đa " + std::to_string(max_months) + " = " +
           std::to_string(duration) + " tháng",
       "Unemployment benefit " + std::to_string(monthly) + " for " + std::to_string(duration) + " months", law);
  Amount("monthly_unemployment", "Trợ cấp thất nghiệp hằng tháng", monthly, true, start, duration);
  return Status::Ok();
}

// ---------------------------------------------------------------- social pension, monthly allowance

Status Calc::SocialPension() {
  if (!law2024_)
    return Status::Invalid("event_date", "Trợ cấp hưu trí xã hội áp dụng từ 01/7/2025 (Luật BHXH 41/2024/QH15)",
                           "the social pension starts on 2025-07-01");
  bool poor = f_.poor_household.value_or(false);
  BHXH_ASSIGN_OR_RETURN(int age_needed, Int(poor ? "social_pension.age.poor" : "social_pension.age"));
  Date birth = req_.person.BirthDate();
  auto b = birth.ymd();
  Date reached = Date::FromYmd(b.year + age_needed, b.month, std::min(b.day, 28));
  out_.eligible = true;
  if (d_ < reached)
    NotEligible("Chưa đủ " + std::to_string(age_needed) + " tuổi (đủ ngày " + reached.ToVi() + ")", "too young");
  if (f_.receives_pension.value_or(false))
    NotEligible("Đang hưởng lương hưu hoặc trợ cấp BHXH hằng tháng", "already receives a pension");
  Step("conditions",
       std::string(out_.eligible ? "Đủ điều kiện: " : "Không đủ điều kiện: ") + "từ đủ " + std::to_string(age_needed) +
           " tuổi" + (poor ? " (hộ nghèo, cận nghèo)" : "") + ", không hưởng lương hưu hay trợ cấp BHXH hằng tháng",
       out_.eligible ? "Eligible" : "Not eligible", "Luật BHXH 41/2024/QH15, Điều 21");
  if (!out_.eligible) return Status::Ok();
  BHXH_ASSIGN_OR_RETURN(Vnd amount, Amt("social_pension.amount"));
  Month start = std::max(Month::OfDate(d_), Month::OfDate(reached)).Next();
  Step("social_pension", "Trợ cấp hưu trí xã hội hằng tháng " + VndVi(amount) + " từ " + start.FirstDay().ToVi(),
       "Social pension", "Luật BHXH 41/2024/QH15, Điều 22");
  Amount("monthly_social_pension", "Trợ cấp hưu trí xã hội", amount, true, start);
  return Status::Ok();
}

// 41/2024/QH15 Art.23: at retirement age without the years for a pension
// and without taking one-time SI, the person may draw a monthly allowance
// from their own contributions until the social pension age. The total is
// the one-time entitlement; each month at least the social pension amount.
Status Calc::MonthlyAllowance() {
  if (!law2024_)
    return Status::Invalid("event_date", "Trợ cấp hằng tháng theo Điều 23 áp dụng từ 01/7/2025",
                           "the monthly allowance starts on 2025-07-01");
  BHXH_RETURN_IF_ERROR(ContributionStep());
  BHXH_ASSIGN_OR_RETURN(int min_years, Int("pension.min_years"));
  BHXH_ASSIGN_OR_RETURN(auto age, bl_.RetirementDate(req_.person.sex, req_.person.BirthDate(), 0, d_));
  Cite(age.second.cite);
  out_.eligible = true;
  int total = static_cast<int>(months_.size());
  if (d_ < age.first) NotEligible("Chưa đủ tuổi nghỉ hưu (ngày " + age.first.ToVi() + ")", "below retirement age");
  if (total >= min_years * 12)
    NotEligible("Đã đủ " + std::to_string(min_years) + " năm đóng: hưởng lương hưu", "eligible for a pension instead");
  BHXH_ASSIGN_OR_RETURN(int sp_age, Int("social_pension.age"));
  auto b = req_.person.BirthDate().ymd();
  Month sp_month = Month::Of(b.year + sp_age, b.month);
  Month start = Month::OfDate(d_).Next();
  if (start >= sp_month) NotEligible("Đã đến tuổi hưởng trợ cấp hưu trí xã hội", "already at social pension age");
  Step("conditions", out_.eligible ? "Đủ điều kiện hưởng trợ cấp hằng tháng" : "Không đủ điều kiện", "Conditions",
       "Luật BHXH 41/2024/QH15, Điều 23");
  if (!out_.eligible) return Status::Ok();
  BHXH_ASSIGN_OR_RETURN(Vnd avg, AverageSalary("monthly allowance"));
  BHXH_ASSIGN_OR_RETURN(Vnd total_amount, OneTimeEntitlement(avg, true));
  BHXH_ASSIGN_OR_RETURN(Vnd floor, Amt("social_pension.amount"));
  int months = f_.allowance_months.value_or(sp_month.index() - start.index());
  months = std::max(1, std::min(months, sp_month.index() - start.index()));
  Vnd monthly = total_amount / months;
  std::string vi = "Tổng số được hưởng " + VndVi(total_amount) + " chia " + std::to_string(months) + " tháng = " +
                   VndVi(monthly);
  if (monthly < floor) {
    months = std::max<int>(1, static_cast<int>(total_amount / floor));
    monthly = total_amount / months;
    vi += "; thấp hơn mức trợ cấp hưu trí xã hội " + VndVi(floor) + " nên chia " + std::to_string(months) +
          " tháng = " + VndVi(monthly);
  }
  out_.warnings.push_back("Cách chia trợ cấp hằng tháng theo Nghị định 158/2025/NĐ-CP chưa được xác nhận");
  Step("monthly_allowance", vi, "Monthly allowance", "Luật BHXH 41/2024/QH15, Điều 23; Nghị định 158/2025/NĐ-CP");
  Amount("monthly_allowance", "Trợ cấp hằng tháng", monthly, true, start, months);
  return Status::Ok();
}

Status Calc::Run() {
  auto si_law = law_.Param("si_law", d_);
  if (!si_law.ok()) {
    if (si_law.status().code() != "not_found") return si_law.status();
    // No social-insurance law in the dated data on that day: the 2006 law
    // (events before 2016) is not in it.
    return Status::Invalid("event_date",
                           "Ngày sự kiện " + d_.ToVi() +
                               " trước ngày có hiệu lực của luật BHXH sớm nhất trong dữ liệu (tham số si_law); máy "
                               "tính chỉ áp dụng các luật có trong dữ liệu",
                           "no social-insurance law in the data is in force on " + d_.ToString() +
                               " (parameter si_law)");
  }
  out_.law = si_law->value;
  law2024_ = out_.law == "41/2024/QH15";
  out_.regime = req_.regime;
  out_.event_date = d_;
  auto kinds = RegimeKinds(req_.regime);
  // A man's maternity benefit is, unless said otherwise, his leave when his
  // wife gives birth (58/2014 Art.34.2, 41/2024 Art.53.2), not a mother's
  // six months.
  const bool father_default = req_.regime == Regime::kMaternity && req_.person.sex == Sex::kMale;
  out_.kind = f_.kind.value_or(father_default ? "father" : kinds.empty() ? "" : kinds.front());
  if (!kinds.empty() && std::find(kinds.begin(), kinds.end(), out_.kind) == kinds.end()) {
    std::string list;
    for (const auto& k : kinds) list += (list.empty() ? "" : ", ") + k;
    return Status::Invalid("facts.kind", "facts.kind của chế độ " + std::string(RegimeNameVi(req_.regime)) +
                                             " phải là một trong: " + list,
                           "facts.kind must be one of: " + list);
  }
  BHXH_RETURN_IF_ERROR(Expand());
  for (const auto& u : f_.unknown) out_.warnings.push_back("Không dùng dữ kiện facts." + u);
  switch (req_.regime) {
    case Regime::kPension: return Pension();
    case Regime::kOneTime: return OneTime();
    case Regime::kSickness: return Sickness();
    case Regime::kMaternity: return Maternity();
    case Regime::kOccupational: return Occupational();
    case Regime::kSurvivor: return Survivor();
    case Regime::kFuneral: return Funeral();
    case Regime::kUnemployment: return Unemployment();
    case Regime::kSocialPension: return SocialPension();
    case Regime::kMonthlyAllowance: return MonthlyAllowance();
  }
  return Status::Internal("unknown regime");
}

}  // namespace

const char* RegimeCode(Regime r) { return kRegimeCodes[static_cast<int>(r)]; }
const char* RegimeNameVi(Regime r) { return kRegimeNames[static_cast<int>(r)]; }
const char* WorkCode(Work w) { return kWorkCodes[static_cast<int>(w)]; }

Result<Regime> ParseRegime(std::string_view code) {
  for (int i = 0; i < 10; ++i)
    if (code == kRegimeCodes[i]) return static_cast<Regime>(i);
  return Status::Invalid("regime", "Chế độ không hợp lệ: \"" + std::string(code) + "\"",
                         "unknown regime \"" + std::string(code) + "\"");
}

std::vector<std::string> RegimeCodes() { return {std::begin(kRegimeCodes), std::end(kRegimeCodes)}; }

std::vector<std::string> RegimeKinds(Regime r) {
  switch (r) {
    case Regime::kSickness: return {"own", "child", "recovery"};
    case Regime::kMaternity:
      return {"birth",     "adoption",      "visit",    "miscarriage",   "father",         "father_care",
              "surrogate", "commissioning", "recovery", "contraception", "voluntary_grant"};
    case Regime::kOccupational: return {"injury", "death"};
    case Regime::kSurvivor: return {"lump_sum", "monthly"};
    default: return {};
  }
}

namespace {
Date EarliestOf(const PartialDate& birth) {
  int m = birth.month ? birth.month : 1, d = birth.day ? birth.day : 1;
  return Date::FromYmd(birth.year, m, d);
}
}  // namespace

Date BenefitPerson::BirthDate() const { return EarliestOf(birth); }
Date Relative::BirthDate() const { return EarliestOf(birth); }

// The first month's: a benefit paid in stretches (survivors whose family
// changes) counts only the amounts of its earliest month.
Vnd BenefitResult::Monthly() const {
  std::optional<Month> first;
  for (const auto& a : amounts)
    if (a.monthly && a.from) first = first ? std::min(*first, *a.from) : *a.from;
  Vnd s = 0;
  for (const auto& a : amounts) s += a.monthly && (!a.from || a.from == first) ? a.amount : 0;
  return s;
}
Vnd BenefitResult::LumpSum() const {
  Vnd s = 0;
  for (const auto& a : amounts) s += a.monthly ? 0 : a.amount;
  return s;
}

std::string VndVi(Vnd v) { return FormatVnd(v) + " đồng"; }
std::string PctVi(RateMicro r) { return DecimalVi(r * 100, 2) + "%"; }
std::string YearsMonthsVi(int months) {
  int y = months / 12, m = months % 12;
  if (y && m) return std::to_string(y) + " năm " + std::to_string(m) + " tháng";
  if (y) return std::to_string(y) + " năm";
  return std::to_string(m) + " tháng";
}
std::string AgeVi(int months) {
  int y = months / 12, m = months % 12;
  if (!m) return std::to_string(y) + " tuổi";
  return y ? std::to_string(y) + " tuổi " + std::to_string(m) + " tháng" : std::to_string(m) + " tháng tuổi";
}

Status Validate(const BenefitRequest& req) {
  if (req.person.birth.year == 0)
    return Status::Invalid("person.birth_date", "Cần ngày sinh", "birth_date is required");
  Date birth = req.person.BirthDate();
  if (req.event_date < birth)
    return Status::Invalid("event_date", "Ngày của sự kiện trước ngày sinh", "event_date is before the birth date");
  Month birth_m = Month::OfDate(birth);
  Month ev = Month::OfDate(req.event_date);
  std::vector<std::pair<Month, Month>> spans;
  for (size_t i = 0; i < req.history.size(); ++i) {
    const auto& h = req.history[i];
    std::string f = ItemField("history", i);
    if (h.to < h.from)
      return Status::Invalid(f + ".to", "Tháng kết thúc trước tháng bắt đầu", "to is before from");
    if (h.from < birth_m.Add(12 * 13))
      return Status::Invalid(f + ".from",
                             h.from < birth_m ? "Quá trình đóng bắt đầu trước ngày sinh"
                                              : "Quá trình đóng bắt đầu trước khi người tham gia đủ 13 tuổi",
                             "contributions start before the person was 13");
    if (h.from > ev)
      return Status::Invalid(f + ".from", "Quá trình đóng bắt đầu sau tháng của sự kiện (" + ev.ToVi() + ")",
                             "the period starts after the event");
    if (!h.salary && !h.salary_coefficient)
      return Status::Invalid(f + ".salary", "Cần tiền lương (salary) hoặc hệ số lương (salary_coefficient)",
                             "salary or salary_coefficient is required");
    if (h.salary && h.salary_coefficient)
      return Status::Invalid(f + ".salary", "Chỉ ghi một trong salary và salary_coefficient",
                             "give salary or salary_coefficient, not both");
    if (h.salary_coefficient && !h.state_pay)
      return Status::Invalid(f + ".salary_coefficient", "Hệ số lương chỉ dùng cho thang bảng lương Nhà nước (pay_scale state)",
                             "a salary coefficient needs pay_scale state");
    if (h.voluntary && h.state_pay)
      return Status::Invalid(f + ".pay_scale", "BHXH tự nguyện không theo thang bảng lương Nhà nước",
                             "voluntary contributions have no State pay scale");
    spans.push_back({h.from, h.to});
  }
  std::vector<size_t> order(spans.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return spans[a].first < spans[b].first; });
  for (size_t k = 1; k < order.size(); ++k) {
    const auto& a = spans[order[k - 1]];
    const auto& b = spans[order[k]];
    if (b.first <= a.second)
      return Status::Invalid(ItemField("history", order[k]) + ".from",
                             "Quá trình đóng chồng lên quá trình dòng " + std::to_string(order[k - 1] + 1) + " (" +
                                 a.first.ToVi() + " – " + a.second.ToVi() + "): một tháng chỉ tính một lần",
                             "the period overlaps " + ItemField("history", order[k - 1]));
  }
  std::set<std::pair<bool, int>> given;
  for (size_t i = 0; i < req.revaluation.size(); ++i) {
    const auto& g = req.revaluation[i];
    std::string f = ItemField("revaluation", i);
    if (g.contribution_year < kRevaluationFirstRow)
      return Status::Invalid(f + ".contribution_year",
                             "Các năm trước 1995 có một hệ số chung, ghi là năm 1994 (như bảng của thông tư)",
                             "the years before 1995 share one coefficient, given as 1994 (as in the circulars)");
    if (g.contribution_year > req.event_date.year())
      return Status::Invalid(f + ".contribution_year",
                             "Năm đóng sau năm của sự kiện (" + std::to_string(req.event_date.year()) + ")",
                             "the contribution year is after the event's year");
    if (g.coefficient <= 0)
      return Status::Invalid(f + ".coefficient", "Hệ số điều chỉnh phải lớn hơn 0", "the coefficient must be above 0");
    if (!given.insert({g.voluntary, g.contribution_year}).second)
      return Status::Invalid(f + ".contribution_year",
                             "Năm " + std::to_string(g.contribution_year) + " (" + (g.voluntary ? "tự nguyện" : "bắt buộc") +
                                 ") đã có hệ số ở một dòng trước",
                             "that year and scheme already has a coefficient on an earlier item");
  }
  const auto& f = req.facts;
  if (f.capacity_loss_pct && (*f.capacity_loss_pct < 0 || *f.capacity_loss_pct > 100))
    return Status::Invalid("facts.capacity_loss_pct", "Tỷ lệ suy giảm khả năng lao động phải từ 0 đến 100",
                           "capacity_loss_pct must be 0 to 100");
  if (f.days && (*f.days < 0 || *f.days > 366))
    return Status::Invalid("facts.days", "Số ngày phải từ 0 đến 366", "days must be 0 to 366");
  if (f.half_days && (*f.half_days < 0 || *f.half_days > 366))
    return Status::Invalid("facts.half_days", "Số lần nghỉ dưới nửa ngày phải từ 0 đến 366",
                           "half_days must be 0 to 366");
  if (f.children && (*f.children < 1 || *f.children > 10))
    return Status::Invalid("facts.children", "Số con phải từ 1 đến 10", "children must be 1 to 10");
  if (f.children_died && !f.child_died_on)
    return Status::Invalid("facts.children_died", "Cần ngày con chết (facts.child_died_on)",
                           "children_died needs facts.child_died_on");
  if (f.children_died && (*f.children_died < 1 || *f.children_died > f.children.value_or(1)))
    return Status::Invalid("facts.children_died", "Số con chết phải từ 1 đến số con được sinh ra (facts.children)",
                           "children_died must be 1 to the children born");
  if (f.dependants && (*f.dependants < 0 || *f.dependants > 20))
    return Status::Invalid("facts.dependants", "Số thân nhân phải từ 0 đến 20", "dependants must be 0 to 20");
  if (!f.relatives.empty() && (f.dependants || f.dependants_without_carer))
    return Status::Invalid("facts.relatives",
                           "Chỉ dùng một trong hai: danh sách thân nhân (facts.relatives) hoặc số thân nhân "
                           "(facts.dependants, facts.dependants_without_carer)",
                           "give either facts.relatives or facts.dependants, not both");
  if (f.relatives.size() > 20) return Status::Invalid("facts.relatives", "Tối đa 20 thân nhân", "at most 20 relatives");
  // Its presence says the deceased drew one (funeral, survivors): 0 is no allowance.
  if (f.occupational_allowance && *f.occupational_allowance <= 0)
    return Status::Invalid("facts.occupational_allowance", "Trợ cấp TNLĐ-BNN hằng tháng phải lớn hơn 0",
                           "the occupational allowance must be more than 0");
  for (size_t i = 0; i < f.relatives.size(); ++i) {
    const Relative& r = f.relatives[i];
    const std::string field = ItemField("facts.relatives", i);
    static const std::set<std::string> kRelations = {"child", "spouse", "parent", "parent_in_law", "other"};
    if (!kRelations.count(r.relation))
      return Status::Invalid(field + ".relation", "Quan hệ phải là child, spouse, parent, parent_in_law hoặc other",
                             "relation must be child, spouse, parent, parent_in_law or other");
    if (r.relation != "child" && !r.sex)
      return Status::Invalid(field + ".sex", "Cần giới tính của thân nhân (nam hoặc nữ) để xét tuổi",
                             "the relative's sex is required to judge the age");
    if (r.capacity_loss_pct < 0 || r.capacity_loss_pct > 100)
      return Status::Invalid(field + ".capacity_loss_pct", "Tỷ lệ suy giảm khả năng lao động phải từ 0 đến 100",
                             "capacity_loss_pct must be 0 to 100");
    if ((r.monthly_income && *r.monthly_income < 0) || (r.monthly_benefit && *r.monthly_benefit < 0))
      return Status::Invalid(field + ".monthly_income", "Thu nhập, trợ cấp không được âm", "must not be negative");
    const Date birth = r.BirthDate();
    if (r.birth.year < 1900)
      return Status::Invalid(field + ".birth_date", "Năm sinh phải từ 1900", "the birth year must be 1900 or later");
    // A child the mother was carrying when the father died is born within
    // the length of a pregnancy; nobody else is born after the death.
    if (birth > req.event_date && (r.relation != "child" || birth > req.event_date.AddMonths(10)))
      return Status::Invalid(field + ".birth_date",
                             "Ngày sinh sau ngày chết: chỉ con sinh sau khi người tham gia chết (trong 10 tháng)",
                             "born after the death: only a child born within ten months of it");
  }
  if (f.region && (*f.region < 1 || *f.region > 4))
    return Status::Invalid("facts.region", "Vùng phải từ 1 đến 4", "region must be 1 to 4");
  if (f.pension_months_received && *f.pension_months_received < 0)
    return Status::Invalid("facts.pension_months_received", "Số tháng đã hưởng không được âm", "must not be negative");
  return Status::Ok();
}

Result<BenefitResult> ComputeBenefit(const BenefitLaw& bl, const LawBook& law, const BenefitRequest& req) {
  BHXH_RETURN_IF_ERROR(Validate(req));
  BenefitResult out;
  Calc c(bl, law, req, out);
  BHXH_RETURN_IF_ERROR(c.Run());
  return out;
}

}  // namespace bhxh
