#include "programs/timeframe.h"

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
  auto folded = FoldForSearch(t.text);
  if (!folded.ok()) return t;
  std::string s = *folded;
  std::smatch m;
  static const std::regex kRecurring(R"(^(nhiem vu )?(hang|hang) (nam|quy|thang)\b|^(nhiem vu )?thuong xuyen)");
  static const std::regex kConditional(R"(^(sau khi|theo huong dan|theo tien do|khi |phu thuoc|can cu))");
  static const std::regex kYearOnwards(R"((nam )?(\d{4}) va cac nam tiep theo)");
  static const std::regex kFrom(R"(^tu (nam |thang |quy )?(.+)$)");
  static const std::regex kEndOfPhase(R"(^ket thuc giai doan)");
  static const std::regex kPeriod(R"((giai doan )?(\d{4}) ?[-–] ?(\d{4}))");
  static const std::regex kQuarter(R"(quy ([ivx]+|\d{1,2}) ?[/-] ?(\d{4}))");
  static const std::regex kMonth(R"(thang (\d{1,2}) ?[/-] ?(\d{4}))");
  static const std::regex kDate(R"((\d{1,2}) ?/ ?(\d{1,2}) ?/ ?(\d{4}))");
  static const std::regex kYear(R"((nam )?(\d{4}))");

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
  if (std::regex_search(s, m, kPeriod)) {
    int a = std::stoi(m[2]), b = std::stoi(m[3]);
    if (a <= b && a > 1900 && b < 2200) {
      t.kind = "period";
      t.start = YearStart(a);
      t.end = YearEnd(b);
      return t;
    }
  }
  if (std::regex_search(s, m, kQuarter)) {
    int q = Roman(m[1]), y = std::stoi(m[2]);
    if (q) {
      t.kind = "quarter";
      Month first = Month::Of(y, 3 * (q - 1) + 1);
      t.start = first.FirstDay();
      t.end = first.Add(2).LastDay();
      return t;
    }
  }
  if (std::regex_search(s, m, kMonth)) {
    int mo = std::stoi(m[1]), y = std::stoi(m[2]);
    if (mo >= 1 && mo <= 12) {
      t.kind = "month";
      t.start = Month::Of(y, mo).FirstDay();
      t.end = Month::Of(y, mo).LastDay();
      return t;
    }
  }
  if (std::regex_search(s, m, kDate)) {
    if (auto d = MakeDate(std::stoi(m[3]), std::stoi(m[2]), std::stoi(m[1]))) {
      t.kind = "date";
      t.start = t.end = d;
      return t;
    }
  }
  if (std::regex_search(s, m, kYear)) {
    int y = std::stoi(m[2]);
    if (y > 1900 && y < 2200) {
      t.kind = "year";
      t.start = YearStart(y);
      t.end = YearEnd(y);
      return t;
    }
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
