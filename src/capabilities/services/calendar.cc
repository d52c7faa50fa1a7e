#include "services/calendar.h"

#include <chrono>
#include <cstdio>

#include "base/csv.h"
#include "base/parse.h"

namespace bhxh {

namespace {

std::string Two(int v) {
  char b[16];
  std::snprintf(b, sizeof b, "%02d", v);
  return b;
}

}  // namespace

std::string LocalTime::ToString() const { return date.ToString() + "T" + Two(minutes / 60) + ":" + Two(minutes % 60); }

std::string LocalTime::ToVi() const { return Two(minutes / 60) + " giờ " + Two(minutes % 60) + ", ngày " + date.ToVi(); }

Result<int> ParseClock(std::string_view text, const std::string& field) {
  auto bad = [&] {
    return Status::Invalid(field, "Giờ phải có dạng HH:MM (00:00–23:59): \"" + std::string(text) + "\"",
                           "a time must be HH:MM (00:00–23:59)");
  };
  if (text.size() != 5 || text[2] != ':') return bad();
  auto h = ParseInt(text.substr(0, 2), field, 0, 23);
  auto m = ParseInt(text.substr(3, 2), field, 0, 59);
  if (!h.ok() || !m.ok()) return bad();
  return static_cast<int>(*h * 60 + *m);
}

Result<LocalTime> LocalTime::Parse(std::string_view text, const std::string& field) {
  // YYYY-MM-DDTHH:MM, seconds allowed and ignored; a space may stand for T.
  if (text.size() < 16 || (text[10] != 'T' && text[10] != ' '))
    return Status::Invalid(field, "Thời điểm phải có dạng YYYY-MM-DDTHH:MM: \"" + std::string(text) + "\"",
                           "a time must be YYYY-MM-DDTHH:MM (Vietnam time)");
  BHXH_ASSIGN_OR_RETURN(Date d, Date::Parse(text.substr(0, 10), field));
  BHXH_ASSIGN_OR_RETURN(int m, ParseClock(text.substr(11, 5), field));
  if (text.size() > 16 && !(text.size() == 19 && text[16] == ':'))
    return Status::Invalid(field, "Thời điểm phải có dạng YYYY-MM-DDTHH:MM", "a time must be YYYY-MM-DDTHH:MM");
  return LocalTime{d, m};
}

LocalTime LocalTime::Now() {
  // Vietnam has kept UTC+7 without daylight saving since 1975.
  auto s = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()).time_since_epoch().count() + 7 * 3600;
  int64_t sec_of_day = ((s % 86400) + 86400) % 86400;
  return LocalTime{Date::Today(), static_cast<int>(sec_of_day / 60)};
}

Result<WorkCalendar> WorkCalendar::LoadFile(const std::string& path, int first_year, int last_year) {
  WorkCalendar cal;
  cal.first_year_ = first_year;
  cal.last_year_ = last_year;
  BHXH_ASSIGN_OR_RETURN(CsvTable t, ReadCsvFile(path));
  int cd = t.Column("date"), ck = t.Column("kind"), cn = t.Column("name"), cs = t.Column("source"), co = t.Column("note");
  if (cd < 0 || ck < 0 || cn < 0)
    return Status::Invalid(path, "Thiếu cột date, kind, name", "calendar.csv needs date, kind, name");
  for (const auto& r : t.rows) {
    std::string where = path + ":" + std::to_string(r.line);
    auto d = Date::Parse(r.cells[cd], where);
    if (!d.ok()) return d.status();
    const std::string& k = r.cells[ck];
    if (k != "holiday" && k != "day_off" && k != "working_day")
      return Status::Invalid(where, "kind phải là holiday, day_off hoặc working_day", "kind must be holiday, day_off or working_day");
    if (cal.days_.count(d->days()))
      return Status::Invalid(where, "Ngày " + d->ToVi() + " có hai dòng", "the day appears twice");
    cal.days_[d->days()] = CalendarDay{*d, k, r.cells[cn], cs >= 0 ? r.cells[cs] : "", co >= 0 ? r.cells[co] : ""};
  }
  return cal;
}

const CalendarDay* WorkCalendar::Find(Date d) const {
  auto it = days_.find(d.days());
  return it == days_.end() ? nullptr : &it->second;
}

bool WorkCalendar::IsWorkingDay(Date d) const {
  if (const CalendarDay* c = Find(d)) return c->kind == "working_day";
  int w = Weekday(d);
  return w != 0 && w != 6;
}

Date WorkCalendar::NextWorkingDay(Date d) const {
  while (!IsWorkingDay(d)) d = d.AddDays(1);
  return d;
}

Date WorkCalendar::AddWorkingDays(Date start, int n) const {
  Date d = start;
  for (int left = n; left > 0;) {
    d = d.AddDays(1);
    if (IsWorkingDay(d)) --left;
  }
  return d;
}

Date WorkCalendar::AddDaysExclHolidays(Date start, int n) const {
  Date d = start;
  for (int left = n; left > 0;) {
    d = d.AddDays(1);
    const CalendarDay* c = Find(d);
    if (!c || c->kind == "working_day") --left;
  }
  return d;
}

int WorkCalendar::WorkingDaysBetween(Date a, Date b) const {
  if (b < a) return -WorkingDaysBetween(b, a);
  int n = 0;
  for (Date d = a.AddDays(1); d <= b; d = d.AddDays(1))
    if (IsWorkingDay(d)) ++n;
  return n;
}

std::vector<CalendarDay> WorkCalendar::DaysOfYear(int year) const {
  std::vector<CalendarDay> out;
  for (const auto& [k, d] : days_)
    if (d.date.year() == year) out.push_back(d);
  return out;
}

Result<Deadline> ComputeDeadline(const WorkCalendar& cal, LocalTime received, int cutoff_minutes, int amount,
                                 const std::string& unit) {
  if (amount < 0) return Status::Invalid("deadline", "Thời hạn không được âm", "a deadline cannot be negative");
  Deadline dl;
  dl.received = received;
  dl.amount = amount;
  dl.unit = unit;
  dl.after_cutoff = received.minutes >= cutoff_minutes;
  Date start = received.date;
  if (!cal.IsWorkingDay(start)) {
    start = cal.NextWorkingDay(start);
    dl.notes.push_back("Nhận vào ngày nghỉ: thời hạn tính từ ngày làm việc tiếp theo (" + start.ToVi() + ")");
  } else if (dl.after_cutoff) {
    start = cal.NextWorkingDay(start.AddDays(1));
    dl.notes.push_back("Nhận sau giờ làm việc: thời hạn tính từ ngày làm việc tiếp theo (" + start.ToVi() + ")");
  }
  dl.counted_from = start;
  if (unit == "working_days") {
    dl.due = cal.AddWorkingDays(start, amount);
  } else if (unit == "days_excl_holidays") {
    dl.due = cal.AddDaysExclHolidays(start, amount);
  } else if (unit == "days") {
    dl.due = start.AddDays(amount);
  } else {
    return Status::Invalid("deadline_unit", "Đơn vị thời hạn không hợp lệ: " + unit,
                           "deadline unit must be working_days, days_excl_holidays or days");
  }
  if (!cal.Covers(received.date) || !cal.Covers(dl.due)) {
    dl.beyond_calendar = true;
    dl.notes.push_back("Lịch ngày nghỉ chưa có năm " + std::to_string(cal.Covers(received.date) ? dl.due.year() : received.date.year()) +
                       ": chỉ trừ thứ Bảy, Chủ nhật; cần kiểm tra lại khi có lịch nghỉ");
  }
  return dl;
}

}  // namespace bhxh
