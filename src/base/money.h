// Money and rates with exact integer arithmetic.
//
// Amounts are whole Vietnamese dong in int64 (the đồng has no minor unit in
// practice). Rates are integers in millionths ("micro"): 8% = 80'000,
// 0.03% = 300. Applying a rate rounds half up to the dong, as the collection
// forms do; intermediate products use 128-bit integers so no base or period
// can overflow.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace bhxh {

using Vnd = int64_t;
using RateMicro = int64_t;  // millionths: 1% == 10'000

constexpr RateMicro kMicroPerUnit = 1'000'000;

// round_half_up(amount * rate / 1e6)
inline Vnd ApplyRate(Vnd amount, RateMicro rate) {
  __int128 p = static_cast<__int128>(amount) * rate;
  __int128 q = p / kMicroPerUnit, r = p % kMicroPerUnit;
  if (r * 2 >= kMicroPerUnit)
    ++q;
  else if (r * 2 <= -kMicroPerUnit)
    --q;
  return static_cast<Vnd>(q);
}

// Parses a decimal percent such as "17.5" or "0.03" into micro units.
Result<RateMicro> ParsePercent(std::string_view text, const std::string& field);
// Parses a non-negative whole-dong amount ("10000000"; "10,000,000" and
// "10.000.000" grouping accepted).
Result<Vnd> ParseVnd(std::string_view text, const std::string& field);
// A fixed-point number as text: `value` counts 1/`scale` units (`scale` a
// power of ten, 10 to 10^9), `point` is the decimal mark, trailing zeros of
// the fraction are trimmed down to `min_decimals`, and the whole part is
// grouped by thousands with '.' when `group` is set. The sign is kept even
// when the whole part is zero ("-0.5"). Every "thousandths/millionths to
// text" in the system goes through here so they cannot drift apart.
std::string FixedText(int64_t value, int64_t scale, char point, int min_decimals = 0, bool group = false);
// "17.5" from 175'000 (percent form, trailing zeros trimmed).
std::string PercentString(RateMicro r);
// "10.000.000" (Vietnamese grouping) for reports.
std::string FormatVnd(Vnd v);
// An amount or quantity held in thousandths (as claims hold the standard's
// decimals), the Vietnamese way: "3.751,5" from 3'751'500, "-0,25" from
// -250; no decimals when it is whole.
std::string FormatMilli(int64_t milli);

}  // namespace bhxh
