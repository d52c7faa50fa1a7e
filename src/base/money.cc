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
  if (t[0] == '-') {
    neg = true;
    i = 1;
  }
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
  while (frac_digits < 4) {
    frac *= 10;
    ++frac_digits;
  }
  RateMicro r = whole * 10'000 + frac;
  return neg ? -r : r;
}

Result<Vnd> ParseVnd(std::string_view t, const std::string& field) {
  auto bad = [&] {
    std::string shown(t.substr(0, 40));
    return Status::Invalid(
        field,
        "Số tiền không hợp lệ: \"" + shown +
            "\" (số đồng nguyên, không âm; nhóm nghìn bằng dấu chấm, phẩy hoặc khoảng trắng)",
        "invalid amount \"" + shown + "\" (whole dong, not negative; thousands grouped by '.', ',' or ' ')");
  };
  if (t.empty() || t.size() > 32) return bad();
  // Grouping is allowed only as written in Vietnamese or English: one
  // separator character, every group after the first exactly three digits.
  // "1000.50" is therefore refused rather than read as 100,050 đ.
  char sep = 0;
  int group = 0;  // digits since the last separator
  bool grouped = false;
  Vnd v = 0;
  for (char c : t) {
    if (c >= '0' && c <= '9') {
      v = v * 10 + (c - '0');
      ++group;
      if (v > 1'000'000'000'000'000LL) return bad();
    } else if (c == ',' || c == '.' || c == ' ') {
      if (group == 0 || (sep && c != sep) || (grouped && group != 3) || (!grouped && group > 3)) return bad();
      sep = c;
      grouped = true;
      group = 0;
    } else {
      return bad();
    }
  }
  if (group == 0 || (grouped && group != 3)) return bad();
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

std::string FormatMilli(int64_t milli) {
  const uint64_t a = milli < 0 ? 0 - static_cast<uint64_t>(milli) : static_cast<uint64_t>(milli);
  std::string s = (milli < 0 ? "-" : "") + FormatVnd(static_cast<Vnd>(a / 1000));
  if (const uint64_t f = a % 1000) {
    std::string d = std::to_string(1000 + f).substr(1);
    while (d.back() == '0') d.pop_back();
    s += "," + d;
  }
  return s;
}

}  // namespace bhxh
