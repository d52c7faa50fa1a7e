#include "programmes/timeframe.h"

#include <functional>

#include "base/parse.h"
#include "base/re.h"
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
  Regex::Groups m;
  static const Regex kRecurring(R"((^|\b)(hang|dinh ky hang) (nam|quy|thang)\b|^(nhiem vu )?thuong xuyen)");
  // "Định kỳ 6 tháng, năm", "định kỳ sáu tháng", "6 tháng một lần": a post
  // every half year (the year's own report falls on the second half).
  static const Regex kHalfYearly(R"(\bdinh ky (6|sau) thang\b|\bdinh ky nua nam\b|(^|\b)(6|sau) thang mot lan\b)");
  static const Regex kConditional(R"(^(sau khi|theo huong dan|theo tien do|khi |phu thuoc|can cu))");
  static const Regex kYearOnwards(R"((nam )?(\d{4}) va cac nam tiep theo)");
  static const Regex kFrom(R"(^tu (.+)$)");  // the unit stays: "từ tháng 7/2026" is July's
  static const Regex kEndOfPhase(R"(^ket thuc giai doan)");
  static const Regex kPeriod(R"((giai doan )?(\d{4}) ?[-–] ?(\d{4}))");

  if (kConditional.Search(s)) {
    t.kind = "conditional";
    t.condition = t.text;
    return t;
  }
  if (kYearOnwards.Search(s, &m) && DigitsValue(m[2]) >= 1900 && DigitsValue(m[2]) <= 2200) {
    t.kind = "open_ended";
    t.start = YearStart(DigitsValue(m[2]));
    t.recurrence = "yearly";
    return t;
  }
  if (kEndOfPhase.Search(s)) {
    t.kind = "open_ended";
    t.condition = t.text;
    return t;
  }
  const bool half_yearly = kHalfYearly.Search(s);
  if (half_yearly || kRecurring.Search(s, &m)) {
    t.kind = "recurring";
    std::string unit = half_yearly ? "" : Str(m, 3);
    t.recurrence = half_yearly      ? "half_yearly"
                   : unit == "nam"  ? "yearly"
                   : unit == "quy"  ? "quarterly"
                   : unit == "thang" ? "monthly"
                                     : "ongoing";
    if (!half_yearly && std::string(m[0]).find("thuong xuyen") != std::string::npos) t.recurrence = "ongoing";
    // "Hàng năm, giai đoạn 2017-2020": recurring within a period.
    Regex::Groups p;
    if (kPeriod.Search(s, &p) && DigitsValue(p[2]) >= 1900 && DigitsValue(p[3]) <= 2200) {
      t.start = YearStart(DigitsValue(p[2]));
      t.end = YearEnd(DigitsValue(p[3]));
    }
    return t;
  }
  // "Từ tháng 3 đến tháng 10/2026", "từ Quý II đến hết Quý IV/2026": a
  // span whose start may leave its year to the end's ("từ tháng 10 đến
  // tháng 3/2026" then starts the year before: a span runs forwards).
  static const Regex kFromTo(R"(^tu (.+?) (?:den het|den|toi) (.+)$)");
  static const Regex kHasYear(R"(\d{4})");
  if (kFromTo.Search(s, &m)) {
    TimeFrame to = ParseTimeFrame(Str(m, 2));
    const std::string left = Str(m, 1);
    // "Từ nay đến năm 2030": from the document's own date, which the
    // phrase does not give; the end is the deadline.
    if ((left == "nay" || left == "bay gio") && to.end) {
      t.kind = "range";
      t.end = to.end;
      return t;
    }
    const bool own_year = kHasYear.Search(left);
    for (int back = 0; to.end && back <= (own_year ? 0 : 1); ++back) {
      TimeFrame from = ParseTimeFrame(own_year ? left : left + "/" + std::to_string(to.end->year() - back));
      if (!from.start) break;
      if (!(*to.end < *from.start)) {
        t.kind = "range";
        t.start = from.start;
        t.end = to.end;
        return t;
      }
      if (back == (own_year ? 0 : 1)) return t;  // a span that runs backwards: not guessed
    }
  }
  if (kFrom.Search(s, &m)) {
    TimeFrame inner = ParseTimeFrame(Str(m, 1));
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
  struct Span {
    std::string kind;
    Date start, end;
  };
  std::vector<Span> spans;
  bool malformed = false;  // "Tháng 13/2025", "Quý V/2025", "31/2/2025": not read as something else
  std::string work = s;
  auto scan = [&](const Regex& re, const std::function<std::optional<Span>(const Regex::Groups&)>& make) {
    Regex::Groups x;
    size_t from = 0;
    while (from < work.size() && re.SearchFrom(work, from, &x)) {
      size_t at = static_cast<size_t>(x[0].data() - work.data());
      size_t len = x[0].size();
      if (auto sp = make(x)) {
        spans.push_back(*sp);
        work.replace(at, len, std::string(len, ' '));  // same length: positions stay valid
      } else {
        malformed = true;
      }
      from = at + std::max<size_t>(len, 1);
    }
  };
  auto month_span = [](int y, int m1, int m2, const char* kind) -> std::optional<Span> {
    if (m1 < 1 || m2 > 12 || m1 > m2 || y < 1900 || y > 2200) return std::nullopt;
    return Span{kind, Month::Of(y, m1).FirstDay(), Month::Of(y, m2).LastDay()};
  };
  static const Regex kDateRe(R"((\d{1,2}) ?/ ?(\d{1,2}) ?/ ?(\d{4}))");
  // "ngày 15 tháng 12 năm 2026", as formal text writes a date.
  static const Regex kDayMonthYear(R"(ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4}))");
  static const Regex kMonthYear(R"(thang (\d{1,2}) nam (\d{4}))");
  // "Tháng 3-6/2025", "tháng 3 - tháng 6/2026", "tháng 9, 10/2026", "tháng 9 và 10/2026".
  static const Regex kMonthRange(R"(thang (\d{1,2}(?: ?(?:,|va|-|–) ?(?:thang )?\d{1,2})+) ?/ ?(\d{4}))");
  static const Regex kMonthRe(R"(thang (\d{1,2}) ?[/-] ?(\d{4}))");
  static const Regex kQuarters(
      R"(quy ((?:[ivx]+|\d{1,2})(?: ?(?:,|va|-|–) ?(?:quy )?(?:[ivx]+|\d{1,2}))*)(?: ?[/-] ?| nam )(\d{4}))");
  static const Regex kHalf(R"(6 thang (dau|cuoi) nam (\d{4}))");
  // "Đầu năm 2026", "Giữa năm 2026", "Cuối năm 2026": the first quarter,
  // June and July, the last quarter — the deadline a reader would hold the
  // task to (the end of the year only for "cuối năm").
  static const Regex kYearPart(R"(\b(dau|giua|cuoi) nam (\d{4}))");
  static const Regex kPeriodRe(R"((giai doan )?(\d{4}) ?[-–] ?(\d{4}))");
  static const Regex kYearRe(R"((nam )?(\d{4}))");
  // "03/2026" alone, as columns "Bắt đầu" / "Hoàn thành" write a month
  // (read after dates and quarters, so "31/03/2026" and "Quý 1/2026" are
  // already taken).
  static const Regex kBareMonth(R"((^|[^\d/])(\d{1,2}) ?/ ?(\d{4})\b)");
  // "10/6 và 10/12/2026", "15/3, 15/6 và 15/9/2026": days that leave their
  // year to the last date of the list — two deadlines of one task, read as
  // the span from the first to the last (as "Tháng 6/2026 và tháng
  // 12/2026"), not as the last date alone. A day after the last one's
  // month and day is the year before's ("10/12 và 10/6/2027").
  static const Regex kDateList(
      R"(\b(\d{1,2} ?/ ?\d{1,2}(?: ?(?:,|;|va) ?(?:ngay )?\d{1,2} ?/ ?\d{1,2})*) ?(?:,|;|va) ?(?:ngay )?(\d{1,2}) ?/ ?(\d{1,2}) ?/ ?(\d{4}))");
  scan(kDateList, [](const Regex::Groups& x) -> std::optional<Span> {
    const int y = DigitsValue(x[4]);
    auto last = MakeDate(y, DigitsValue(x[3]), DigitsValue(x[2]));
    if (!last) return std::nullopt;
    Span sp{"range", *last, *last};
    static const Regex kDayMonth(R"((\d{1,2}) ?/ ?(\d{1,2}))");
    Regex::Groups g;
    size_t from = 0;
    const std::string items(x[1]);
    while (from < items.size() && kDayMonth.SearchFrom(items, from, &g)) {
      const int d = DigitsValue(g[1]), m = DigitsValue(g[2]);
      auto day = MakeDate(y, m, d);
      if (day && *last < *day) day = MakeDate(y - 1, m, d);
      if (!day) return std::nullopt;
      if (*day < sp.start) sp.start = *day;
      from = static_cast<size_t>(g[0].data() - items.data()) + g[0].size();
    }
    return sp;
  });
  scan(kDateRe, [](const Regex::Groups& x) -> std::optional<Span> {
    auto d = MakeDate(DigitsValue(x[3]), DigitsValue(x[2]), DigitsValue(x[1]));
    return d ? std::optional<Span>(Span{"date", *d, *d}) : std::nullopt;
  });
  scan(kDayMonthYear, [](const Regex::Groups& x) -> std::optional<Span> {
    auto d = MakeDate(DigitsValue(x[3]), DigitsValue(x[2]), DigitsValue(x[1]));
    return d ? std::optional<Span>(Span{"date", *d, *d}) : std::nullopt;
  });
  scan(kMonthYear, [&](const Regex::Groups& x) {
    return month_span(DigitsValue(x[2]), DigitsValue(x[1]), DigitsValue(x[1]), "month");
  });
  scan(kMonthRange, [&](const Regex::Groups& x) -> std::optional<Span> {
    int lo = 13, hi = 0;
    static const Regex n(R"(\d{1,2})");
    for (const auto& g : n.FindAll(x[1])) {
      int v = DigitsValue(Str(g, 0));
      lo = std::min(lo, v), hi = std::max(hi, v);
    }
    return month_span(DigitsValue(x[2]), lo, hi, "month");
  });
  scan(kMonthRe, [&](const Regex::Groups& x) {
    return month_span(DigitsValue(x[2]), DigitsValue(x[1]), DigitsValue(x[1]), "month");
  });
  scan(kQuarters, [&](const Regex::Groups& x) -> std::optional<Span> {
    int lo = 5, hi = 0;
    static const Regex q(R"(\b(?:[ivx]+|\d{1,2})\b)");  // whole words: the v of "và" is no quarter
    for (const auto& g : q.FindAll(x[1])) {
      int n = Roman(Str(g, 0));
      if (!n) return std::nullopt;
      lo = std::min(lo, n), hi = std::max(hi, n);
    }
    return month_span(DigitsValue(x[2]), 3 * lo - 2, 3 * hi, "quarter");
  });
  scan(kHalf, [&](const Regex::Groups& x) {
    bool first = x[1] == "dau";
    return month_span(DigitsValue(x[2]), first ? 1 : 7, first ? 6 : 12, "half_year");
  });
  scan(kYearPart, [&](const Regex::Groups& x) {
    int y = DigitsValue(x[2]);
    if (x[1] == "dau") return month_span(y, 1, 3, "quarter");
    if (x[1] == "giua") return month_span(y, 6, 7, "month");
    return month_span(y, 10, 12, "quarter");
  });
  scan(kBareMonth, [&](const Regex::Groups& x) {
    return month_span(DigitsValue(x[3]), DigitsValue(x[2]), DigitsValue(x[2]), "month");
  });
  scan(kPeriodRe, [](const Regex::Groups& x) -> std::optional<Span> {
    int a = DigitsValue(x[2]), b = DigitsValue(x[3]);
    if (a > b || a < 1900 || b > 2200) return std::nullopt;
    return Span{"period", YearStart(a), YearEnd(b)};
  });
  scan(kYearRe, [](const Regex::Groups& x) -> std::optional<Span> {
    int y = DigitsValue(x[2]);
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

TimeFrame TimeFrameIn(std::string_view sentence) {
  // A point in time as the decisions write it after a preposition.
  // Dates first as lists ("10/6 và 10/12/2026", "30/6/2026, 31/12/2026"),
  // so that a deadline in a sentence is the whole phrase a cell would hold.
  static const std::string kWhen =
      R"((?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?(?:\s*(?:,|;|và)\s*(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?)*)"
      R"(\s*(?:,|;|và)\s*(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})"
      R"(|(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|quý\s+[IVX\d]{1,4}\s*(?:/|năm)\s*\d{4}|tháng\s+\d{1,2}\s*/\s*\d{4})"
      R"(|tháng\s+\d{1,2}\s+năm\s+\d{4}|6 tháng (?:đầu|cuối) năm\s+\d{4}|(?:đầu|giữa|cuối)\s+năm\s+\d{4})"
      R"(|giai đoạn\s+\d{4}\s*[-–]\s*\d{4}|năm\s+\d{4})";
  static const Regex kSpan("từ\\s+(?:" + kWhen + R"(|(?:tháng|quý)\s+[IVX\d]{1,4})\s+(?:đến hết|đến)\s+(?:)" + kWhen + ")",
                           true);
  // Also the labels tables and lists put before a time ("Thời hạn: Quý
  // III/2026", "Thời gian hoàn thành: tháng 10/2026").
  static const Regex kDeadline(
      R"((?:trước|chậm nhất(?: là)?|hoàn thành(?: trong| trước)?|xong trước|trong|vào|đến hết|đến)"
      R"(|thời hạn\s*:?|thời gian(?: hoàn thành| thực hiện)?\s*:)\s+(?:)" +
          kWhen + ")",
      true);
  // "Triển khai từ ngày 01/01/2027", "kể từ tháng 7/2026": a start with no end.
  static const Regex kFromOnly("từ\\s+(?:" + kWhen + ")", true);
  static const Regex kRepeat(
      R"(định kỳ\s+(?:6|sáu)\s+tháng|(?:định kỳ\s+)?(?:hằng|hàng)\s+(?:năm|quý|tháng)|thường xuyên)", true);
  const std::string s = Utf8Prefix(sentence, 4000);  // a sentence, not a document
  for (const Regex* re : {&kSpan, &kDeadline, &kFromOnly, &kRepeat}) {
    Regex::Groups m;
    if (!re->Search(s, &m)) continue;
    TimeFrame t = ParseTimeFrame(m[0]);
    if (t.kind != "unknown") return t;
  }
  return TimeFrame{};
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
