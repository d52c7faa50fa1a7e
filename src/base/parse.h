// Numbers from outside the process, parsed without exceptions.
//
// Every number read from a request, a file or a command line goes through
// these: they accept only the written form (ASCII digits, an optional sign
// where allowed, a '.' decimal point for decimals), check the range, and
// return a Status naming the field otherwise — never std::sto* (which
// throws on overflow and on junk and would end the process outside a
// handler's catch).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace bhxh {

// A whole number in [min, max], e.g. "42", "-7" (when min < 0).
Result<int64_t> ParseInt(std::string_view text, const std::string& field, int64_t min = INT64_MIN,
                         int64_t max = INT64_MAX);
// Like ParseInt, for values that fit an int.
Result<int> ParseInt32(std::string_view text, const std::string& field, int min = INT32_MIN, int max = INT32_MAX);
// A decimal number with at most `scale` digits after the point, returned
// as an integer scaled by 10^scale: ParseScaled("12.5", 3) == 12500.
// Accepts "12", "12.", "12.50", "-3.2" when allow_negative; not exponents.
Result<int64_t> ParseScaled(std::string_view text, int scale, const std::string& field, bool allow_negative = false);
// A finite decimal number ("61", "6.2", "-0.5"), for ratios and
// assumptions where exactness is not the law's (never for money).
Result<double> ParseDouble(std::string_view text, const std::string& field);

// Fixed-width digits without a Status, for callers that have checked the
// shape already ("2025" at s[0..4)): returns -1 if any byte is not a digit.
int DigitsValue(std::string_view s);

}  // namespace bhxh
