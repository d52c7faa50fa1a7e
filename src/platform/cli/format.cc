#include "platform/cli/format.h"

#include <utf8proc.h>

#include <cmath>
#include <cstdio>
#include <ostream>

#include "base/date.h"
#include "base/money.h"

namespace bhxh {

// The reports' grouping (base/money), so the CLI and the XLSX/PDF reports read alike.
std::string NumberVi(int64_t v) { return FormatVnd(v); }

std::string MoneyVi(int64_t v) { return NumberVi(v) + " đ"; }

std::string DecimalVi(double v, int decimals) {
  if (!std::isfinite(v)) return "—";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s(buf);
  size_t dot = s.find('.');
  std::string whole = s.substr(0, dot), frac = dot == std::string::npos ? "" : s.substr(dot + 1);
  bool neg = !whole.empty() && whole[0] == '-';
  if (neg) whole.erase(0, 1);
  int64_t w = 0;
  for (char c : whole) w = w * 10 + (c - '0');  // printed by snprintf above: digits only
  std::string out = NumberVi(w);
  if (!frac.empty()) out += "," + frac;
  return neg ? "-" + out : out;
}

std::string PercentTextVi(std::string_view text) {
  std::string s(text);
  for (auto& c : s)
    if (c == '.') c = ',';
  return s + "%";
}

std::string DateVi(std::string_view s) {
  auto digits = [&](size_t from, size_t n) {
    if (s.size() < from + n) return false;
    for (size_t i = from; i < from + n; ++i)
      if (s[i] < '0' || s[i] > '9') return false;
    return true;
  };
  if (s.size() >= 10 && digits(0, 4) && s[4] == '-' && digits(5, 2) && s[7] == '-' && digits(8, 2)) {
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int mo = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
    char buf[32];
    if (s.size() >= 16 && s[10] == 'T' && digits(11, 2) && digits(14, 2) && Date::IsValidYmd(y, mo, d)) {
      // UTC timestamps shown in Vietnam time (UTC+7, no daylight saving).
      int h = (s[11] - '0') * 10 + (s[12] - '0') + 7;
      Ymd local = Date::FromYmd(y, mo, d).AddDays(h / 24).ymd();
      std::snprintf(buf, sizeof buf, "%02d/%02d/%04d %02d:%c%c", local.day, local.month, local.year, h % 24, s[14], s[15]);
      return buf;
    }
    std::string out =
        std::string(s.substr(8, 2)) + "/" + std::string(s.substr(5, 2)) + "/" + std::string(s.substr(0, 4));
    return out;
  }
  if (s.size() == 7 && digits(0, 4) && s[4] == '-' && digits(5, 2))
    return std::string(s.substr(5, 2)) + "/" + std::string(s.substr(0, 4));
  return std::string(s);
}

size_t DisplayWidth(std::string_view s) {
  size_t w = 0;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t n = static_cast<utf8proc_ssize_t>(s.size()), i = 0;
  while (i < n) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate(p + i, n - i, &cp);
    if (len <= 0) {
      ++i;
      ++w;
      continue;
    }
    int cw = utf8proc_charwidth(cp);
    w += cw < 0 ? 0 : static_cast<size_t>(cw);
    i += len;
  }
  return w;
}

std::string FitWidth(std::string_view s, size_t width) {
  if (DisplayWidth(s) <= width) return std::string(s);
  std::string out;
  size_t w = 0;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t n = static_cast<utf8proc_ssize_t>(s.size()), i = 0;
  while (i < n) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate(p + i, n - i, &cp);
    if (len <= 0) break;
    int cw = std::max(0, utf8proc_charwidth(cp));
    if (w + static_cast<size_t>(cw) + 1 > width) break;
    out.append(s.substr(static_cast<size_t>(i), static_cast<size_t>(len)));
    w += static_cast<size_t>(cw);
    i += len;
  }
  return out + "…";
}

void TextTable::Row(std::vector<std::string> cells) {
  cells.resize(cols_.size());
  for (auto& c : cells)
    for (auto& ch : c)
      if (ch == '\n' || ch == '\t') ch = ' ';
  rows_.push_back(std::move(cells));
}

void TextTable::Print(std::ostream& out) const {
  std::vector<size_t> w(cols_.size());
  std::vector<std::vector<std::string>> fitted;
  for (size_t c = 0; c < cols_.size(); ++c) w[c] = DisplayWidth(cols_[c].title);
  for (const auto& r : rows_) {
    std::vector<std::string> f;
    for (size_t c = 0; c < cols_.size(); ++c) {
      f.push_back(FitWidth(r[c], cols_[c].max_width));
      w[c] = std::max(w[c], DisplayWidth(f.back()));
    }
    fitted.push_back(std::move(f));
  }
  auto cell = [&](const std::string& s, size_t c, bool last) {
    size_t pad = w[c] - std::min(w[c], DisplayWidth(s));
    std::string line;
    if (cols_[c].align == Align::kRight)
      line = std::string(pad, ' ') + s;
    else
      line = last ? s : s + std::string(pad, ' ');
    return line;
  };
  std::string head;
  for (size_t c = 0; c < cols_.size(); ++c) head += (c ? "  " : "") + cell(cols_[c].title, c, c + 1 == cols_.size());
  out << head << "\n";
  std::string rule;
  for (size_t c = 0; c < cols_.size(); ++c) {
    if (c) rule += "  ";
    for (size_t k = 0; k < w[c]; ++k) rule += "─";
  }
  out << rule << "\n";
  for (const auto& r : fitted) {
    std::string line;
    for (size_t c = 0; c < cols_.size(); ++c) line += (c ? "  " : "") + cell(r[c], c, c + 1 == cols_.size());
    out << line << "\n";
  }
}

void PrintFields(std::ostream& out, const std::vector<std::pair<std::string, std::string>>& fields, int indent) {
  size_t w = 0;
  for (const auto& [k, v] : fields) w = std::max(w, DisplayWidth(k));
  for (const auto& [k, v] : fields) {
    if (v.empty()) continue;
    out << std::string(indent, ' ') << k << ":" << std::string(w - DisplayWidth(k) + 1, ' ') << v << "\n";
  }
}

}  // namespace bhxh
