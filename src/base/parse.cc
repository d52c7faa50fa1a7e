#include "base/parse.h"

#include <charconv>
#include <cmath>

namespace bhxh {
namespace {

Status NotANumber(std::string_view t, const std::string& field, const std::string& want_vi,
                  const std::string& want_en) {
  std::string shown(t.substr(0, 40));
  return Status::Invalid(field, "\"" + shown + "\" không phải " + want_vi, "\"" + shown + "\" is not " + want_en);
}

Status OutOfRange(const std::string& field, int64_t min, int64_t max) {
  return Status::Error("out_of_range", field,
                       "Giá trị ngoài khoảng cho phép [" + std::to_string(min) + ", " + std::to_string(max) + "]",
                       "value outside [" + std::to_string(min) + ", " + std::to_string(max) + "]");
}

}  // namespace

Result<int64_t> ParseInt(std::string_view t, const std::string& field, int64_t min, int64_t max) {
  if (t.empty() || t.size() > 24) return NotANumber(t, field, "một số nguyên", "a whole number");
  if (t[0] == '+') t.remove_prefix(1);
  int64_t v = 0;
  auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec == std::errc::result_out_of_range) return OutOfRange(field, min, max);
  if (ec != std::errc() || p != t.data() + t.size() || t.empty() || (t[0] != '-' && (t[0] < '0' || t[0] > '9')))
    return NotANumber(t, field, "một số nguyên", "a whole number");
  if (v < min || v > max) return OutOfRange(field, min, max);
  return v;
}

Result<int> ParseInt32(std::string_view t, const std::string& field, int min, int max) {
  BHXH_ASSIGN_OR_RETURN(int64_t v, ParseInt(t, field, min, max));
  return static_cast<int>(v);
}

Result<int64_t> ParseScaled(std::string_view t, int scale, const std::string& field, bool allow_negative) {
  auto bad = [&] {
    return NotANumber(t, field, "một số thập phân (dấu chấm, tối đa " + std::to_string(scale) + " chữ số lẻ)",
                      "a decimal number (point, at most " + std::to_string(scale) + " decimals)");
  };
  if (t.empty() || t.size() > 32 || scale < 0 || scale > 9) return bad();
  bool neg = false;
  if (t[0] == '-' || t[0] == '+') {
    neg = t[0] == '-';
    t.remove_prefix(1);
    if (neg && !allow_negative)
      return Status::Error("out_of_range", field, "Giá trị không được âm", "value must not be negative");
  }
  __int128 v = 0;
  int frac = -1, digits = 0;
  for (char c : t) {
    if (c == '.') {
      if (frac >= 0) return bad();
      frac = 0;
      continue;
    }
    if (c < '0' || c > '9') return bad();
    if (frac >= 0 && ++frac > scale) return bad();
    v = v * 10 + (c - '0');
    ++digits;
    if (v > static_cast<__int128>(INT64_MAX)) return OutOfRange(field, allow_negative ? INT64_MIN : 0, INT64_MAX);
  }
  if (digits == 0) return bad();
  for (int k = frac < 0 ? 0 : frac; k < scale; ++k) {
    v *= 10;
    if (v > static_cast<__int128>(INT64_MAX)) return OutOfRange(field, allow_negative ? INT64_MIN : 0, INT64_MAX);
  }
  return static_cast<int64_t>(neg ? -v : v);
}

Result<double> ParseDouble(std::string_view t, const std::string& field) {
  if (t.empty() || t.size() > 40) return NotANumber(t, field, "một số", "a number");
  if (t[0] == '+') t.remove_prefix(1);
  double v = 0;
  auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v, std::chars_format::fixed);
  if (ec != std::errc() || p != t.data() + t.size() || !std::isfinite(v))
    return NotANumber(t, field, "một số", "a number");
  return v;
}

int DigitsValue(std::string_view s) {
  if (s.empty() || s.size() > 9) return -1;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace bhxh
