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

namespace {

// Whole digits of `a`, grouped by thousands with '.' when asked.
std::string WholeDigits(uint64_t a, bool group) {
  std::string d = std::to_string(a);
  if (!group) return d;
  std::string out;
  out.reserve(d.size() + d.size() / 3);
  const size_t lead = d.size() % 3 == 0 ? 3 : d.size() % 3;
  for (size_t i = 0; i < d.size(); ++i) {
    if (i >= lead && (i - lead) % 3 == 0) out.push_back('.');
    out.push_back(d[i]);
  }
  return out;
}

}  // namespace

std::string FixedText(int64_t value, int64_t scale, char point, int min_decimals, bool group) {
  // Magnitude in unsigned arithmetic so INT64_MIN does not overflow.
  const uint64_t a = value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  const auto s = static_cast<uint64_t>(scale);
  std::string out = value < 0 ? "-" : "";
  out += WholeDigits(a / s, group);
  // The fraction with its leading zeros: (s + f) prints as "1" followed by them.
  std::string f = std::to_string(s + a % s).substr(1);
  while (f.size() > static_cast<size_t>(min_decimals) && f.back() == '0') f.pop_back();
  if (!f.empty()) out += point + f;
  return out;
}

std::string PercentString(RateMicro r) { return FixedText(r, 10'000, '.'); }

std::string FormatVnd(Vnd v) { return FixedText(v, 1, ',', 0, true); }

std::string FormatMilli(int64_t milli) { return FixedText(milli, 1000, ',', 0, true); }

}  // namespace bhxh
