#include "law/interest.h"

#include <algorithm>

namespace bhxh {
namespace {

// Common denominator: rates are micro (1e6), yearly rates divide by a day
// count (365 or 366: use 365*366 to stay exact for both).
constexpr int64_t kDayCountLcm = 365LL * 366LL;
constexpr __int128 kDenominator = static_cast<__int128>(kMicroPerUnit) * kDayCountLcm;

struct DayRate {
  __int128 per_day_numer;  // interest per dong per day, in 1/kDenominator
  std::string rule, text, law;
};

Result<DayRate> RateOn(const LawBook& law, Date d) {
  BHXH_ASSIGN_OR_RETURN(LawParam rule, law.Param("late_interest.rule", d));
  DayRate r;
  r.rule = rule.value;
  r.law = rule.law;
  if (rule.value == "daily_rate") {
    BHXH_ASSIGN_OR_RETURN(RateMicro daily, law.Percent("late_interest.daily_rate", d));
    r.per_day_numer = static_cast<__int128>(daily) * kDayCountLcm;
    r.text = PercentString(daily) + "%/ngày";
  } else if (rule.value == "double_prev_year_yield") {
    Date prev = Date::FromYmd(d.year() - 1, 1, 1);
    BHXH_ASSIGN_OR_RETURN(RateMicro yield, law.Percent("fund_investment_yield", prev));
    BHXH_ASSIGN_OR_RETURN(int64_t days, law.Integer("late_interest.day_count", d));
    if (days <= 0 || kDayCountLcm % days != 0)
      return Status::Invalid("late_interest.day_count", "Số ngày quy đổi lãi phải là 365 hoặc 366",
                             "day count must be 365 or 366");
    r.per_day_numer = static_cast<__int128>(2 * yield) * (kDayCountLcm / days);
    r.text = "2 × " + PercentString(yield) + "%/năm (lợi suất đầu tư quỹ năm " + std::to_string(d.year() - 1) + ") ÷ " +
             std::to_string(days) + " ngày";
  } else {
    return Status::Invalid("late_interest.rule", "Quy tắc tính lãi không hỗ trợ: " + rule.value,
                           "unsupported interest rule " + rule.value);
  }
  return r;
}

// The first day after `d` on which the rate could change.
Date NextChange(const LawBook& law, Date d) {
  Date next = Date::FromYmd(d.year() + 1, 1, 1);
  for (const char* key : {"late_interest.rule", "late_interest.daily_rate", "late_interest.day_count"})
    for (const auto& p : law.History(key))
      if (p.effective_from > d && p.effective_from < next) next = p.effective_from;
  return next;
}

}  // namespace

Status InterestAccumulator::Add(Vnd principal, Date from, Date to, std::vector<InterestSegment>* explain) {
  if (principal <= 0 || from >= to) return Status::Ok();
  Date d = from;
  while (d < to) {
    Date end = std::min(NextChange(law_, d), to);
    BHXH_ASSIGN_OR_RETURN(DayRate r, RateOn(law_, d));
    int days = end.days() - d.days();
    numer_ += static_cast<__int128>(principal) * r.per_day_numer * days;
    if (explain) explain->push_back({d, end, days, principal, r.rule, r.text, r.law});
    d = end;
  }
  return Status::Ok();
}

Vnd InterestAccumulator::Total() const {
  __int128 q = numer_ / kDenominator, rem = numer_ % kDenominator;
  if (rem * 2 >= kDenominator) ++q;
  return static_cast<Vnd>(q);
}

Result<InterestResult> LateInterest(const LawBook& law, Vnd principal, Date from, Date to) {
  InterestAccumulator acc(law);
  InterestResult r;
  BHXH_RETURN_IF_ERROR(acc.Add(principal, from, to, &r.segments));
  r.interest = acc.Total();
  return r;
}

}  // namespace bhxh
