// Late-payment interest under the law in force on each day.
//
// 58/2014/QH13 Art.122 (to 2025-06-30): yearly rate = 2 × the SI fund's
// investment yield of the previous year, spread over `late_interest.day_count`
// days. 41/2024/QH15 Art.40 (from 2025-07-01): 0.03% per day. Which rule
// applies on a day is itself the dated parameter `late_interest.rule`, so
// an amount late across 2025-07-01 accrues under each law for its own days.
// The computation splits [from, to) into segments of constant rate and sums
// exactly (128-bit), rounding once at the end, half up, to the dong.
#pragma once

#include <string>
#include <vector>

#include "base/date.h"
#include "base/money.h"
#include "law/lawbook.h"

namespace bhxh {

struct InterestSegment {
  Date from, to;  // [from, to)
  int days = 0;
  Vnd principal = 0;
  std::string rule;       // "double_prev_year_yield" | "daily_rate"
  std::string rate_text;  // e.g. "2 × 4.2%/năm ÷ 365" or "0.03%/ngày"
  std::string law;
};

struct InterestResult {
  Vnd interest = 0;
  std::vector<InterestSegment> segments;
};

// Interest on `principal` outstanding on every day of [from, to).
// Returns an error naming the missing parameter if a day has no rule.
Result<InterestResult> LateInterest(const LawBook& law, Vnd principal, Date from, Date to);

// Accumulates several pieces exactly before one final rounding.
class InterestAccumulator {
 public:
  explicit InterestAccumulator(const LawBook& law) : law_(law) {}
  Status Add(Vnd principal, Date from, Date to, std::vector<InterestSegment>* explain = nullptr);
  Vnd Total() const;

 private:
  const LawBook& law_;
  __int128 numer_ = 0;  // in units of 1 / (1e6 * 365 * 1e4)
};

}  // namespace bhxh
