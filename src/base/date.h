// Calendar dates and months for the insurance domain.
//
// Date is a day count (days since 1970-01-01) so that arithmetic and
// comparisons are integer operations; Month is year*12+month-1 for the same
// reason (contributions, periods and dues are monthly). Parsing validates
// and reports the field; formatting is ISO (YYYY-MM-DD, YYYY-MM).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace bhxh {

struct Ymd {
  int year = 0, month = 0, day = 0;
};

class Date {
 public:
  Date() = default;
  static Date FromDays(int32_t days) {
    Date d;
    d.days_ = days;
    return d;
  }
  // Requires a valid calendar date (checked with IsValidYmd first).
  static Date FromYmd(int y, int m, int d);
  static bool IsValidYmd(int y, int m, int d);
  // Parses "YYYY-MM-DD". `field` names the input in the error.
  static Result<Date> Parse(std::string_view text, const std::string& field);
  // Parses "YYYYMMDD" (the XML 130 date form).
  static Result<Date> ParseCompact(std::string_view text, const std::string& field);
  // YYYY-MM-DD, or DD/MM/YYYY as people and banks write it.
  static Result<Date> ParseIsoOrVi(std::string_view text, const std::string& field);
  // Today in Vietnam (Asia/Ho_Chi_Minh), whatever the server's zone.
  static Date Today();
  // Makes Today() answer `d` (tests of deadlines and overdue days); nullopt
  // restores the clock.
  static void SetTodayForTesting(std::optional<Date> d);

  int32_t days() const { return days_; }
  Ymd ymd() const;
  int year() const { return ymd().year; }
  std::string ToString() const;  // YYYY-MM-DD
  std::string ToVi() const;      // dd/mm/yyyy, as people read it
  Date AddDays(int n) const { return FromDays(days_ + n); }
  // The same day `n` months later (or earlier), or the month's last day when
  // it has no such day: 31/01 + 1 → 28/02 (29/02 in a leap year), 29/02 + 12
  // → 28/02. How ages and terms are counted from a birth or a start date.
  Date AddMonths(int n) const;
  auto operator<=>(const Date&) const = default;

 private:
  int32_t days_ = 0;
};

class Month {
 public:
  Month() = default;
  static Month Of(int year, int month) {
    Month m;
    m.index_ = year * 12 + (month - 1);
    return m;
  }
  static Month FromIndex(int32_t index) {
    Month m;
    m.index_ = index;
    return m;
  }
  static Month OfDate(Date d) {
    auto y = d.ymd();
    return Of(y.year, y.month);
  }
  // Parses "YYYY-MM" (also accepts "MM/YYYY" as officers write it).
  static Result<Month> Parse(std::string_view text, const std::string& field);

  int32_t index() const { return index_; }
  int year() const { return index_ / 12; }
  int month() const { return index_ % 12 + 1; }
  Date FirstDay() const { return Date::FromYmd(year(), month(), 1); }
  Date LastDay() const { return Next().FirstDay().AddDays(-1); }
  Month Next() const { return FromIndex(index_ + 1); }
  Month Prev() const { return FromIndex(index_ - 1); }
  Month Add(int n) const { return FromIndex(index_ + n); }
  std::string ToString() const;  // YYYY-MM
  std::string ToVi() const;      // mm/yyyy
  auto operator<=>(const Month&) const = default;

 private:
  int32_t index_ = 0;
};

// A date of birth as the XML standard allows it: full, year-month, or year.
struct PartialDate {
  int year = 0, month = 0, day = 0;  // 0 = unknown part
  static Result<PartialDate> Parse(std::string_view text, const std::string& field);
  std::string ToString() const;  // YYYY, YYYY-MM or YYYY-MM-DD
  std::string ToVi() const;      // yyyy, mm/yyyy or dd/mm/yyyy, as people read it
  // True when `d` is consistent with the known parts.
  bool Matches(const PartialDate& other) const;
  auto operator<=>(const PartialDate&) const = default;
};

}  // namespace bhxh
