#include "base/money.h"

namespace bhxh {

Result<RateMicro> ParsePercent(std::string_view t, const std::string& field) {
  auto bad = [&] {
    return Status::Invalid(field, "Tỷ lệ không hợp lệ: \"" + std::string(t) + "\"",
                           "invalid percent \"" + std::string(t) + "\"");
  };
  if (t.empty()) return bad();
  bool neg = false;
  size_t i = 0;
  if (t[0] == '-') { neg = true; i = 1; }
  int64_t whole = 0, frac = 0;
  int frac_digits = 0;
  bool seen_dot = false, any = false;
  for (; i < t.size(); ++i) {
    char c = t[i];
    if (c == '.') {
      if (seen_dot) return bad();
      seen_dot = true;
    } else if (c >= '0' && c <= '9') {
      any = true;
      if (!seen_dot) {
        whole = whole * 10 + (c - '0');
        if (whole > 1'000'000) return bad();
      } else {
        if (frac_digits >= 4) return bad();  // micro of a percent = 4 decimals
        frac = frac * 10 + (c - '0');
        ++frac_digits;
      }
    } else {
      return bad();
    }
  }
  if (!any) return bad();
  while (frac_digits < 4) { frac *= 10; ++frac_digits; }
  RateMicro r = whole * 10'000 + frac;
  return neg ? -r : r;
}

Result<Vnd> ParseVnd(std::string_view t, const std::string& field) {
  auto bad = [&] {
    return Status::Invalid(field,
                           "Số tiền không hợp lệ: \"" + std::string(t) +
                               "\" (số đồng nguyên, không âm)",
                           "invalid amount \"" + std::string(t) +
                               "\" (whole dong, not negative)");
  };
  if (t.empty()) return bad();
  Vnd v = 0;
  bool any = false;
  for (char c : t) {
    if (c >= '0' && c <= '9') {
      any = true;
      v = v * 10 + (c - '0');
      if (v > 1'000'000'000'000'000LL) return bad();
    } else if (c == ',' || c == '.' || c == ' ') {
      continue;
    } else {
      return bad();
    }
  }
  if (!any) return bad();
  return v;
}

std::string PercentString(RateMicro r) {
  std::string s = std::to_string(r / 10'000);
  int64_t frac = (r < 0 ? -r : r) % 10'000;
  if (frac) {
    std::string f = std::to_string(frac + 10'000).substr(1);
    while (!f.empty() && f.back() == '0') f.pop_back();
    s += "." + f;
  }
  return s;
}

std::string FormatVnd(Vnd v) {
  std::string d = std::to_string(v < 0 ? -v : v), out;
  int n = 0;
  for (auto it = d.rbegin(); it != d.rend(); ++it) {
    if (n && n % 3 == 0) out.push_back('.');
    out.push_back(*it);
    ++n;
  }
  if (v < 0) out.push_back('-');
  return std::string(out.rbegin(), out.rend());
}

}  // namespace bhxh
