// The working-day calendar of the one-stop desks and the deadline of a
// dossier (Decree 118/2025/NĐ-CP; Labour Code 45/2019/QH14 Art.111–112).
//
// Contract:
//  - A day is a working day when it is Monday–Friday and not a holiday or
//    a declared day off, or when it is a Saturday/Sunday declared a working
//    day (a make-up day). Holidays and declared days come from
//    data/services/calendar.csv, overridden day by day by an officer's
//    corrections stored in the database (`service_calendar`).
//  - A deadline of N working days ends on the N-th working day after the
//    day the count starts; the count starts on the day of receipt when it
//    is a working day and the dossier arrived before the cut-off time, else
//    on the next working day. "Days excluding holidays" skip holidays and
//    declared days off but not weekends; "days" are calendar days.
//  - The calendar knows which years it holds completely
//    (calendar.first_year..calendar.last_year); a count that reaches
//    another year is still computed (weekends only) and flagged.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/status.h"

namespace bhxh {

struct CalendarDay {
  Date date;
  std::string kind;  // holiday | day_off | working_day
  std::string name, source, note;
};

// A local time in Vietnam (UTC+7 since 1975, no daylight saving).
struct LocalTime {
  Date date;
  int minutes = 0;  // since midnight
  std::string ToString() const;  // YYYY-MM-DDTHH:MM
  std::string ToVi() const;      // HH giờ MM, dd/mm/yyyy
  static Result<LocalTime> Parse(std::string_view text, const std::string& field);  // YYYY-MM-DDTHH:MM[:SS]
  static LocalTime Now();  // follows Date::SetTodayForTesting for the date
};

// "HH:MM" → minutes since midnight.
Result<int> ParseClock(std::string_view text, const std::string& field);

class WorkCalendar {
 public:
  static Result<WorkCalendar> LoadFile(const std::string& path, int first_year, int last_year);
  // An officer's correction (replaces the file's row of the same day).
  void Set(const CalendarDay& d) { days_[d.date.days()] = d; }

  bool IsWorkingDay(Date d) const;
  // `d` when it is a working day, else the next one.
  Date NextWorkingDay(Date d) const;
  // The n-th working day after `start` (start itself not counted).
  Date AddWorkingDays(Date start, int n) const;
  // The n-th day after `start` that is not a holiday or declared day off.
  Date AddDaysExclHolidays(Date start, int n) const;
  // Working days in (a, b]; negative when b < a.
  int WorkingDaysBetween(Date a, Date b) const;
  bool Covers(Date d) const { return d.year() >= first_year_ && d.year() <= last_year_; }
  const CalendarDay* Find(Date d) const;
  std::vector<CalendarDay> DaysOfYear(int year) const;
  int first_year() const { return first_year_; }
  int last_year() const { return last_year_; }

 private:
  std::map<int32_t, CalendarDay> days_;
  int first_year_ = 0, last_year_ = 0;
};

// 0 = Sunday … 6 = Saturday.
inline int Weekday(Date d) { return ((d.days() + 4) % 7 + 7) % 7; }

struct Deadline {
  LocalTime received;
  Date counted_from;
  Date due;
  int amount = 0;
  std::string unit;                // working_days | days_excl_holidays | days
  bool after_cutoff = false;       // received at or after the cut-off time
  bool beyond_calendar = false;    // the count reached a year the calendar does not hold
  std::vector<std::string> notes;  // Vietnamese, for the slip and the officer
};

[[nodiscard]] Result<Deadline> ComputeDeadline(const WorkCalendar& cal, LocalTime received, int cutoff_minutes,
                                               int amount, const std::string& unit);

}  // namespace bhxh
