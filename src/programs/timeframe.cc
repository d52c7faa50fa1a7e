#include "programs/timeframe.h"

#include <functional>
#include <regex>

#include "base/text.h"

namespace bhxh {
namespace {

int Roman(const std::string& r) {
  if (r == "i" || r == "1" || r == "01") return 1;
  if (r == "ii" || r == "2" || r == "02") return 2;
  if (r == "iii" || r == "3" || r == "03") return 3;
  if (r == "iv" || r == "4" || r == "04") return 4;
  return 0;
}

std::optional<Date> MakeDate(int y, int m, int d) {
  if (!Date::IsValidYmd(y, m, d)) return std::nullopt;
  return Date::FromYmd(y, m, d);
}

Date YearStart(int y) { return Date::FromYmd(y, 1, 1); }
Date YearEnd(int y) { return Date::FromYmd(y, 12, 31); }

}  // namespace

TimeFrame ParseTimeFrame(std::string_view text) {
  TimeFrame t;
  t.text = Trim(text);
  if (t.text.size() > 400) return t;  // not a time frame; and no pattern runs over a long text
  auto folded = FoldForSearch(t.text);
  if (!folded.ok()) return t;
  std::string s = *folded;
  std::smatch m;
  static const std::regex kRecurring(R"((^|\b)(hang|dinh ky hang) (nam|quy|thang)\b|^(nhiem vu )?thuong xuyen)");
  static const std::regex kConditional(R"(^(sau khi|theo huong dan|theo tien do|khi |phu thuoc|can cu))");
  static const std::regex kYearOnwards(R"((nam )?(\d{4}) va cac nam tiep theo)");
  static const std::regex kFrom(R"(^tu (nam |thang |quy )?(.+)$)");
  static const std::regex kEndOfPhase(R"(^ket thuc giai doan)");
  static const std::regex kPeriod(R"((giai doan )?(\d{4}) ?[-–] ?(\d{4}))");

  if (std::regex_search(s, kConditional)) {
    t.kind = "conditional";
    t.condition = t.text;
    return t;
  }
  if (std::regex_search(s, m, kYearOnwards)) {
    t.kind = "open_ended";
    t.start = YearStart(std::stoi(m[2]));
    t.recurrence = "yearly";
    return t;
  }
  if (std::regex_search(s, kEndOfPhase)) {
    t.kind = "open_ended";
    t.condition = t.text;
    return t;
  }
  if (std::regex_search(s, m, kRecurring)) {
    t.kind = "recurring";
    std::string unit = m[3];
    t.recurrence = unit == "nam" ? "yearly" : unit == "quy" ? "quarterly" : unit == "thang" ? "monthly" : "ongoing";
    if (std::string(m[0]).find("thuong xuyen") != std::string::npos) t.recurrence = "ongoing";
    // "Hàng năm, giai đoạn 2017-2020": recurring within a period.
    std::smatch p;
    if (std::regex_search(s, p, kPeriod)) {
      t.start = YearStart(std::stoi(p[2]));
      t.end = YearEnd(std::stoi(p[3]));
    }
    return t;
  }
  if (std::regex_search(s, m, kFrom)) {
    TimeFrame inner = ParseTimeFrame(std::string(m[2]));
    if (inner.start) {
      t.kind = "open_ended";
      t.start = inner.start;
      return t;
    }
  }
  // Concrete spans, most specific first; each match is blanked out so a
  // year inside a date is not read again. One span gives its own kind;
  // several ("Năm 2024, 2025", "Quý II/2025 - Quý IV/2025") make a range
  // from the earliest start to the latest end.
  struct Span { std::string kind; Date start, end; };
  std::vector<Span> spans;
  bool malformed = false;  // "Tháng 13/2025", "Quý V/2025", "31/2/2025": not read as something else
  std::string work = s;
  auto scan = [&](const std::regex& re, const std::function<std::optional<Span>(const std::smatch&)>& make) {
    std::smatch x;
    std::string::const_iterator from = work.cbegin();
    while (std::regex_search(from, work.cend(), x, re)) {
      size_t at = static_cast<size_t>(x.position(0) + (from - work.cbegin()));
      size_t len = static_cast<size_t>(x.length(0));
      if (auto sp = make(x)) {
        spans.push_back(*sp);
        work.replace(at, len, std::string(len, ' '));
      } else {
        malformed = true;
      }
      from = work.cbegin() + static_cast<std::ptrdiff_t>(at + std::max<size_t>(len, 1));
      if (from >= work.cend()) break;
    }
  };
  auto month_span = [](int y, int m1, int m2, const char* kind) -> std::optional<Span> {
    if (m1 < 1 || m2 > 12 || m1 > m2 || y < 1900 || y > 2200) return std::nullopt;
    return Span{kind, Month::Of(y, m1).FirstDay(), Month::Of(y, m2).LastDay()};
  };
  static const std::regex kDateRe(R"((\d{1,2}) ?/ ?(\d{1,2}) ?/ ?(\d{4}))");
  static const std::regex kMonthYear(R"(thang (\d{1,2}) nam (\d{4}))");
  static const std::regex kMonthRange(R"(thang (\d{1,2}) ?[-–] ?(\d{1,2}) ?/ ?(\d{4}))");
  static const std::regex kMonthRe(R"(thang (\d{1,2}) ?[/-] ?(\d{4}))");
  static const std::regex kQuarters(R"(quy ((?:[ivx]+|\d{1,2})(?: ?(?:,|va|-|–) ?(?:quy )?(?:[ivx]+|\d{1,2}))*) ?[/-] ?(\d{4}))");
  static const std::regex kHalf(R"(6 thang (dau|cuoi) nam (\d{4}))");
  static const std::regex kPeriodRe(R"((giai doan )?(\d{4}) ?[-–] ?(\d{4}))");
  static const std::regex kYearRe(R"((nam )?(\d{4}))");
  scan(kDateRe, [](const std::smatch& x) -> std::optional<Span> {
    auto d = MakeDate(std::stoi(x[3]), std::stoi(x[2]), std::stoi(x[1]));
    return d ? std::optional<Span>(Span{"date", *d, *d}) : std::nullopt;
  });
  scan(kMonthYear, [&](const std::smatch& x) { return month_span(std::stoi(x[2]), std::stoi(x[1]), std::stoi(x[1]), "month"); });
  scan(kMonthRange, [&](const std::smatch& x) { return month_span(std::stoi(x[3]), std::stoi(x[1]), std::stoi(x[2]), "month"); });
  scan(kMonthRe, [&](const std::smatch& x) { return month_span(std::stoi(x[2]), std::stoi(x[1]), std::stoi(x[1]), "month"); });
  scan(kQuarters, [&](const std::smatch& x) -> std::optional<Span> {
    int lo = 5, hi = 0;
    static const std::regex q(R"([ivx]+|\d{1,2})");
    std::string list = x[1];
    for (auto it = std::sregex_iterator(list.begin(), list.end(), q); it != std::sregex_iterator(); ++it) {
      int n = Roman(it->str());
      if (!n) return std::nullopt;
      lo = std::min(lo, n), hi = std::max(hi, n);
    }
    return month_span(std::stoi(x[2]), 3 * lo - 2, 3 * hi, "quarter");
  });
  scan(kHalf, [&](const std::smatch& x) {
    bool first = x[1] == "dau";
    return month_span(std::stoi(x[2]), first ? 1 : 7, first ? 6 : 12, "half_year");
  });
  scan(kPeriodRe, [](const std::smatch& x) -> std::optional<Span> {
    int a = std::stoi(x[2]), b = std::stoi(x[3]);
    if (a > b || a < 1900 || b > 2200) return std::nullopt;
    return Span{"period", YearStart(a), YearEnd(b)};
  });
  scan(kYearRe, [](const std::smatch& x) -> std::optional<Span> {
    int y = std::stoi(x[2]);
    if (y < 1900 || y > 2200) return std::nullopt;
    return Span{"year", YearStart(y), YearEnd(y)};
  });
  if (spans.empty() || malformed) return t;
  t.kind = spans.size() == 1 ? spans[0].kind : "range";
  t.start = spans[0].start;
  t.end = spans[0].end;
  for (const auto& sp : spans) {
    if (sp.start < *t.start) t.start = sp.start;
    if (*t.end < sp.end) t.end = sp.end;
  }
  return t;
}

TimeFrame CombineTimeFrames(const TimeFrame& from, const TimeFrame& to) {
  TimeFrame t;
  t.text = from.text + " → " + to.text;
  if (to.kind == "conditional" || to.kind == "recurring" || to.kind == "open_ended" || to.kind == "unknown") {
    t = to;
    t.text = from.text + " → " + to.text;
    if (from.start) t.start = from.start;
    return t;
  }
  t.kind = "range";
  t.start = from.start ? from.start : to.start;
  t.end = to.end;
  return t;
}

}  // namespace bhxh
