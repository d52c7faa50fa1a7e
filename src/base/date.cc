#include "base/date.h"

#include <date/tz.h>

#include <atomic>
#include <chrono>
#include <cstdio>

namespace bhxh {
namespace {

bool AllDigits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

bool Date::IsValidYmd(int y, int m, int d) {
  if (y < 1800 || y > 2400 || m < 1 || m > 12 || d < 1) return false;
  return std::chrono::year_month_day(std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)).ok();
}

Date Date::FromYmd(int y, int m, int d) {
  std::chrono::sys_days sd =
      std::chrono::year_month_day(std::chrono::year(y), std::chrono::month(m), std::chrono::day(d));
  return FromDays(static_cast<int32_t>(sd.time_since_epoch().count()));
}

Ymd Date::ymd() const {
  std::chrono::year_month_day ymd{std::chrono::sys_days(std::chrono::days(days_))};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

Date Date::AddMonths(int n) const {
  Ymd y = ymd();
  Month m = Month::Of(y.year, y.month).Add(n);
  return FromYmd(m.year(), m.month(), std::min<int>(y.day, m.LastDay().ymd().day));
}

namespace {
std::atomic<int32_t> g_today_override{INT32_MIN};
}  // namespace

void Date::SetTodayForTesting(std::optional<Date> d) { g_today_override = d ? d->days() : INT32_MIN; }

Date Date::Today() {
  if (int32_t o = g_today_override.load(); o != INT32_MIN) return FromDays(o);
  // The agency works on Vietnam's calendar: between 00:00 and 07:00 there
  // it is already tomorrow in UTC's terms. The zone comes from the system's
  // tz database (Debian's tzdata) through the date library; Vietnam has kept
  // UTC+7 since 1975, which is the fallback if the database is missing.
  auto now = std::chrono::system_clock::now();
  static const date::time_zone* zone = []() -> const date::time_zone* {
    try {
      return date::locate_zone("Asia/Ho_Chi_Minh");
    } catch (...) {
      return nullptr;
    }
  }();
  std::chrono::sys_seconds s = std::chrono::floor<std::chrono::seconds>(now);
  int64_t local = zone ? date::zoned_seconds(zone, s).get_local_time().time_since_epoch().count()
                       : s.time_since_epoch().count() + 7 * 3600;
  int64_t days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
  return FromDays(static_cast<int32_t>(days));
}

Result<Date> Date::Parse(std::string_view t, const std::string& field) {
  if (t.size() == 10 && t[4] == '-' && t[7] == '-' && AllDigits(t.substr(0, 4)) && AllDigits(t.substr(5, 2)) &&
      AllDigits(t.substr(8, 2))) {
    int y = ToInt(t.substr(0, 4)), m = ToInt(t.substr(5, 2)), d = ToInt(t.substr(8, 2));
    if (IsValidYmd(y, m, d)) return FromYmd(y, m, d);
  }
  return Status::Invalid(field, "Ngày không hợp lệ: \"" + std::string(t) + "\" (định dạng YYYY-MM-DD)",
                         "invalid date \"" + std::string(t) + "\" (expected YYYY-MM-DD)");
}

Result<Date> Date::ParseCompact(std::string_view t, const std::string& field) {
  if (t.size() == 8 && AllDigits(t)) {
    int y = ToInt(t.substr(0, 4)), m = ToInt(t.substr(4, 2)), d = ToInt(t.substr(6, 2));
    if (IsValidYmd(y, m, d)) return FromYmd(y, m, d);
  }
  return Status::Invalid(field, "Ngày không hợp lệ: \"" + std::string(t) + "\" (định dạng yyyymmdd)",
                         "invalid date \"" + std::string(t) + "\" (expected yyyymmdd)");
}

std::string Date::ToString() const {
  auto v = ymd();
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", v.year, v.month, v.day);
  return buf;
}

Result<Month> Month::Parse(std::string_view t, const std::string& field) {
  int y = -1, m = -1;
  if (t.size() == 7 && t[4] == '-' && AllDigits(t.substr(0, 4)) && AllDigits(t.substr(5, 2))) {
    y = ToInt(t.substr(0, 4));
    m = ToInt(t.substr(5, 2));
  } else if (t.size() == 7 && t[2] == '/' && AllDigits(t.substr(0, 2)) && AllDigits(t.substr(3, 4))) {
    m = ToInt(t.substr(0, 2));
    y = ToInt(t.substr(3, 4));
  }
  if (y >= 1900 && y <= 2300 && m >= 1 && m <= 12) return Month::Of(y, m);
  return Status::Invalid(field, "Tháng không hợp lệ: \"" + std::string(t) + "\" (định dạng YYYY-MM)",
                         "invalid month \"" + std::string(t) + "\" (expected YYYY-MM)");
}

Result<Date> Date::ParseIsoOrVi(std::string_view s, const std::string& field) {
  if (s.size() == 10 && s[2] == '/' && s[5] == '/')
    return Parse(std::string(s.substr(6, 4)) + "-" + std::string(s.substr(3, 2)) + "-" + std::string(s.substr(0, 2)),
                 field);
  return Parse(s, field);
}

std::string Date::ToVi() const {
  auto v = ymd();
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", v.day, v.month, v.year);
  return buf;
}

std::string Month::ToVi() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%04d", month(), year());
  return buf;
}

std::string Month::ToString() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year(), month());
  return buf;
}

Result<PartialDate> PartialDate::Parse(std::string_view t, const std::string& field) {
  PartialDate p;
  auto bad = [&] {
    return Status::Invalid(field, "Ngày sinh không hợp lệ: \"" + std::string(t) + "\" (YYYY, YYYY-MM hoặc YYYY-MM-DD)",
                           "invalid date of birth \"" + std::string(t) + "\" (YYYY, YYYY-MM or YYYY-MM-DD)");
  };
  if (t.size() >= 4 && AllDigits(t.substr(0, 4)))
    p.year = ToInt(t.substr(0, 4));
  else
    return bad();
  if (t.size() == 4) {
  } else if (t.size() == 7 && t[4] == '-' && AllDigits(t.substr(5, 2))) {
    p.month = ToInt(t.substr(5, 2));
  } else if (t.size() == 10 && t[4] == '-' && t[7] == '-' && AllDigits(t.substr(5, 2)) && AllDigits(t.substr(8, 2))) {
    p.month = ToInt(t.substr(5, 2));
    p.day = ToInt(t.substr(8, 2));
  } else {
    return bad();
  }
  if (p.year < 1880 || p.year > 2300) return bad();
  if (p.month != 0 && (p.month < 1 || p.month > 12)) return bad();
  if (p.day != 0 && !Date::IsValidYmd(p.year, p.month, p.day)) return bad();
  return p;
}

namespace {
// The known parts, year first (ISO) or day first (as people write it).
std::string PartialText(const PartialDate& d, bool day_first) {
  char buf[16];
  if (d.month == 0)
    std::snprintf(buf, sizeof buf, "%04d", d.year);
  else if (d.day == 0 && day_first)
    std::snprintf(buf, sizeof buf, "%02d/%04d", d.month, d.year);
  else if (d.day == 0)
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  else if (day_first)
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day, d.month, d.year);
  else
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}
}  // namespace

std::string PartialDate::ToString() const { return PartialText(*this, false); }

std::string PartialDate::ToVi() const { return PartialText(*this, true); }

bool PartialDate::Matches(const PartialDate& o) const {
  if (year != o.year) return false;
  if (month && o.month && month != o.month) return false;
  if (day && o.day && day != o.day) return false;
  return true;
}

}  // namespace bhxh
