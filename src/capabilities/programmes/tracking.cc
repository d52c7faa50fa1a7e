#include "programmes/tracking.h"

#include <algorithm>
#include <map>

#include "base/parse.h"
#include "base/re.h"
#include "base/text.h"

namespace bhxh {
namespace {

const std::vector<std::string>& Statuses() {
  static const std::vector<std::string> k = {"not_started", "in_progress", "done", "blocked"};
  return k;
}

// First and last day of a reported period: YYYY, YYYY-Hn, YYYY-Qn or YYYY-MM.
std::optional<std::pair<Date, Date>> PeriodRange(const std::string& p) {
  static const Regex year(R"((\d{4}))"), half(R"((\d{4})-H([12]))"), quarter(R"((\d{4})-Q([1-4]))"),
      month(R"((\d{4})-(\d{2}))");
  Regex::Groups m;
  if (half.FullMatch(p, &m)) {
    int y = DigitsValue(m[1]), h = DigitsValue(m[2]);
    return std::make_pair(Date::FromYmd(y, h * 6 - 5, 1), Month::Of(y, h * 6).LastDay());
  }
  if (year.FullMatch(p, &m)) {
    int y = DigitsValue(m[1]);
    return std::make_pair(Date::FromYmd(y, 1, 1), Date::FromYmd(y, 12, 31));
  }
  if (quarter.FullMatch(p, &m)) {
    int y = DigitsValue(m[1]), q = DigitsValue(m[2]);
    return std::make_pair(Date::FromYmd(y, q * 3 - 2, 1), Month::Of(y, q * 3).LastDay());
  }
  if (month.FullMatch(p, &m)) {
    int y = DigitsValue(m[1]), mo = DigitsValue(m[2]);
    if (mo < 1 || mo > 12) return std::nullopt;
    return std::make_pair(Date::FromYmd(y, mo, 1), Month::Of(y, mo).LastDay());
  }
  return std::nullopt;
}

std::string ExpectedCycle(const TimeFrame& tf) {
  if (tf.recurrence == "quarterly" || tf.recurrence == "monthly" || tf.recurrence == "half_yearly")
    return tf.recurrence;
  if (tf.recurrence == "yearly" || tf.recurrence == "ongoing" || tf.kind == "recurring" || tf.kind == "open_ended")
    return tf.kind == "open_ended" && tf.recurrence.empty() ? "" : "yearly";
  return "";
}

// Periods of `cycle` that ended within [from, to].
std::vector<std::string> EndedPeriods(const std::string& cycle, Date from, Date to) {
  std::vector<std::string> out;
  if (to < from) return out;
  Month m = Month::OfDate(from);
  for (int guard = 0; guard < 400; ++guard, m = m.Next()) {
    if (cycle == "monthly") {
      if (m.LastDay() > to) break;
      out.push_back(m.ToString());
    } else if (cycle == "half_yearly") {
      if (m.month() % 6 != 0) continue;
      if (m.LastDay() > to) break;
      out.push_back(std::to_string(m.year()) + "-H" + std::to_string(m.month() / 6));
    } else if (cycle == "quarterly") {
      int q = (m.month() - 1) / 3 + 1;
      if (m.month() % 3 != 0) continue;
      if (m.LastDay() > to) break;
      out.push_back(std::to_string(m.year()) + "-Q" + std::to_string(q));
    } else {  // yearly
      if (m.month() != 12) continue;
      if (m.LastDay() > to) break;
      out.push_back(std::to_string(m.year()));
    }
  }
  return out;
}

bool TaskNamesUnit(const StoredTask& t, const std::string& unit, const UnitRegistry& units) {
  for (const auto* list : {&t.lead_units, &t.coordinating_units})
    for (const auto& u : *list) {
      if (u == unit) return true;
      const Unit* x = units.ById(u);
      if (x && x->kind == "collective") return true;  // "Các đơn vị liên quan": any unit may report
      const Unit* me = units.ById(unit);
      if (x && me && x->kind == "local" && me->kind == "local") return true;
    }
  return false;
}

ProgressEntry ReadEntry(Stmt& st) {
  ProgressEntry e;
  e.id = st.Int(0);
  e.task_key = st.Text(1);
  e.unit = st.Text(2);
  e.status = st.Text(3);
  e.percent = static_cast<int>(st.Int(4));
  e.period = st.Text(5);
  e.note = st.Text(6);
  e.evidence = st.Text(7);
  e.difficulties = st.Text(8);
  e.lessons = st.Text(9);
  e.reported_at = st.Text(10);
  e.reported_by = st.Text(11);
  return e;
}

constexpr const char* kEntryColumns =
    "id, task_key, unit, status, percent, period, note, evidence, difficulties, lessons, reported_at, reported_by";

}  // namespace

Result<ProgressOutcome> PostProgress(Db& db, const UnitRegistry& units, const ProgressInput& in, Date today,
                                     const Actor& actor) {
  // Who may post is the route's permission (data/access/roles.csv); a
  // retry is answered once by the API's idempotency key.
  BHXH_ASSIGN_OR_RETURN(StoredProgramme prog, FindProgramme(db, in.programme));
  BHXH_ASSIGN_OR_RETURN(auto tasks, LoadTasks(db, prog.id));
  auto task = std::find_if(tasks.begin(), tasks.end(), [&](const StoredTask& t) { return t.key == in.task_key; });
  if (task == tasks.end())
    return Status::NotFound("task_key", "Chương trình " + prog.number + " không có nhiệm vụ " + in.task_key,
                            "no task " + in.task_key + " in " + prog.number);
  if (std::find(Statuses().begin(), Statuses().end(), in.status) == Statuses().end())
    return Status::Invalid("status",
                           "Trạng thái phải là not_started (chưa bắt đầu), in_progress (đang thực hiện), "
                           "done (hoàn thành) hoặc blocked (vướng mắc)",
                           "status must be not_started, in_progress, done or blocked");
  int percent = in.status == "done" ? 100 : in.status == "not_started" ? 0 : -1;
  if (!in.percent.empty()) {
    auto parsed = ParseInt32(in.percent, "percent", 0, 100);
    if (!parsed.ok())
      return Status::Invalid("percent", "Tỷ lệ hoàn thành là số nguyên từ 0 đến 100", "percent must be 0-100");
    int p = *parsed;
    if (in.status == "done" && p != 100)
      return Status::Invalid("percent", "Nhiệm vụ hoàn thành phải có tỷ lệ 100%", "a done task is at 100 percent");
    percent = p;
  }
  if (percent < 0)
    return Status::Invalid("percent", "Cần tỷ lệ hoàn thành (0–100) cho trạng thái này", "percent is required");
  std::string period = in.period.empty() ? std::to_string(today.year()) : in.period;
  auto range = PeriodRange(period);
  if (!range)
    return Status::Invalid("period", "Kỳ báo cáo phải có dạng YYYY, YYYY-Hn (nửa năm), YYYY-Qn hoặc YYYY-MM",
                           "period must be YYYY, YYYY-Hn (half year), YYYY-Qn or YYYY-MM");
  if (range->first > today) return Status::Invalid("period", "Kỳ báo cáo chưa bắt đầu", "the period has not started");
  const Unit* unit = units.Find(in.unit);
  if (!unit) unit = units.ById(in.unit);
  if (!unit)
    return Status::Invalid("unit", "Không có đơn vị \"" + in.unit + "\" trong danh mục đơn vị",
                           "unknown unit " + in.unit);
  if (!TaskNamesUnit(*task, unit->id, units))
    return Status::Error("forbidden", "unit", "Đơn vị " + unit->name + " không được giao nhiệm vụ " + in.task_key,
                         "the unit is not named by the task");
  for (const auto* f : {&in.note, &in.evidence, &in.difficulties, &in.lessons})
    if (f->size() > 20000 || !IsValidUtf8(*f))
      return Status::Invalid("note", "Nội dung báo cáo quá dài (tối đa 20.000 ký tự) hoặc không phải UTF-8",
                             "text fields are at most 20,000 bytes of UTF-8");

  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto ins,
                        db.Prepare("INSERT INTO task_progress (programme_id, task_key, unit, status, percent, period, "
                                   "note, evidence, difficulties, "
                                   "lessons, reported_at, reported_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id"));
  ProgressEntry e{0,
                  in.task_key,
                  unit->id,
                  in.status,
                  percent,
                  period,
                  Trim(in.note),
                  Trim(in.evidence),
                  Trim(in.difficulties),
                  Trim(in.lessons),
                  NowIsoUtc(),
                  actor.id};
  ins->Bind(prog.id, e.task_key, e.unit, e.status, e.percent, e.period, e.note, e.evidence, e.difficulties, e.lessons,
            e.reported_at, e.reported_by);
  BHXH_ASSIGN_OR_RETURN(bool row, ins->Step());
  if (!row) return Status::Internal("insert progress returned no id");
  e.id = ins->Int(0);
  ins->Reset();
  BHXH_RETURN_IF_ERROR(WriteAudit(db, actor, "progress", "task", prog.number + "#" + e.task_key,
                                  e.unit + " " + e.status + " " + std::to_string(e.percent) + "% " + e.period));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return ProgressOutcome{e, false};
}

Result<std::vector<ProgressEntry>> ProgressHistory(Db& db, int64_t programme_id, const std::string& task_key) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(std::string("SELECT ") + kEntryColumns +
                                            " FROM task_progress WHERE programme_id = ? AND task_key = ? ORDER BY id"));
  st->Bind(programme_id, task_key);
  std::vector<ProgressEntry> out;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    out.push_back(ReadEntry(*st));
  }
  return out;
}

Result<std::vector<TaskState>> TaskStates(Db& db, int64_t programme_id, Date as_of) {
  BHXH_ASSIGN_OR_RETURN(auto tasks, LoadTasks(db, programme_id));
  BHXH_ASSIGN_OR_RETURN(auto programmes, ListProgrammes(db));
  std::map<int64_t, StoredProgramme> by_id;
  for (auto& p : programmes) by_id[p.id] = p;
  // Posts up to the end of as_of, in order: the last one is the state. A
  // post about a period of as_of's year or before counts even when it was
  // made later (a 2024 result reported in 2026 belongs in the 2024 report).
  BHXH_ASSIGN_OR_RETURN(
      auto st,
      db.Prepare("SELECT programme_id, task_key, status, percent, period, note, reported_at, unit FROM task_progress "
                 "WHERE (? = 0 OR programme_id = ?) AND (reported_at <= ? OR (period <> '' AND substr(period, 1, 4) "
                 "<= ?)) ORDER BY id"));
  st->Bind(programme_id, programme_id, as_of.ToString() + "T23:59:59Z", std::to_string(as_of.ymd().year));
  struct Last {
    std::string status, note, at, unit;
    int percent = 0;
    std::set<std::string> periods;
  };
  std::map<std::pair<int64_t, std::string>, Last> last;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    Last& l = last[{st->Int(0), st->Text(1)}];
    l.status = st->Text(2);
    l.percent = static_cast<int>(st->Int(3));
    l.periods.insert(st->Text(4));
    l.note = st->Text(5);
    l.at = st->Text(6);
    l.unit = st->Text(7);
  }
  std::vector<TaskState> out;
  for (auto& t : tasks) {
    TaskState s;
    s.task = t;
    auto it = last.find({t.programme_id, t.key});
    if (it != last.end()) {
      s.status = it->second.status;
      s.percent = it->second.percent;
      s.last_note = it->second.note;
      s.last_reported_at = it->second.at;
      s.last_unit = it->second.unit;
    }
    const TimeFrame& tf = t.timeframe;
    const StoredProgramme& prog = by_id[t.programme_id];
    s.expects = ExpectedCycle(tf);
    if (s.expects.empty()) {
      if (tf.kind != "conditional" && tf.end) s.deadline = tf.end;
      if (s.deadline && *s.deadline < as_of && s.status != "done") {
        s.overdue = true;
        s.days_overdue = as_of.days() - s.deadline->days();
      }
    } else {
      Date from = tf.start ? *tf.start : prog.period_start ? *prog.period_start : as_of;
      Date to = as_of;
      if (prog.period_end && *prog.period_end < to) to = *prog.period_end;
      if (tf.end && *tf.end < to) to = *tf.end;
      std::set<std::string> seen = it == last.end() ? std::set<std::string>{} : it->second.periods;
      for (const auto& p : EndedPeriods(s.expects, from, to)) {
        // A post covers an expected period that holds it or that it holds: a
        // yearly post covers its halves, quarters and months; a post of a
        // quarter or month covers its half and its year.
        auto want = PeriodRange(p);
        bool covered = false;
        for (const auto& x : seen) {
          auto got = PeriodRange(x);
          auto within = [](const auto& a, const auto& b) { return !(a.first < b.first) && !(b.second < a.second); };
          covered |= got && want && (within(*got, *want) || within(*want, *got));
        }
        if (!covered) s.missing_periods.push_back(p);
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<FollowUpGroup> FollowUp(const std::vector<TaskState>& states, const UnitRegistry& units,
                                    const FollowUpFilter& f) {
  std::map<std::string, FollowUpGroup> groups;
  auto fold = [](const std::string& s) {
    auto x = FoldForSearch(s);
    return x.ok() ? *x : s;
  };
  for (const auto& s : states) {
    bool open = s.status != "done" || !s.missing_periods.empty();
    if (!open && !f.include_done) continue;
    std::vector<std::string> whos;
    if (f.by_leader) {
      for (const auto& l : Split(s.task.leader, ';'))
        if (!Trim(l).empty()) whos.push_back(Trim(l));
      if (whos.empty()) whos.push_back("(chưa phân công lãnh đạo)");
    } else {
      whos = s.task.lead_units;
      if (whos.empty()) whos.push_back("(chưa xác định đơn vị chủ trì)");
      if (!f.unit.empty())
        for (const auto& c : s.task.coordinating_units)
          if (c == f.unit) whos.push_back(c);
    }
    for (const auto& w : whos) {
      if (!f.unit.empty() && !f.by_leader && w != f.unit) continue;
      if (!f.leader.empty() && fold(w).find(fold(f.leader)) == std::string::npos) continue;
      FollowUpGroup& g = groups[w];
      g.who = w;
      const Unit* u = units.ById(w);
      g.name = u ? u->name : w;
      if (std::any_of(g.tasks.begin(), g.tasks.end(), [&](const TaskState& x) {
            return x.task.programme_id == s.task.programme_id && x.task.key == s.task.key;
          }))
        continue;
      g.tasks.push_back(s);
      g.overdue += s.overdue;
      g.missing += !s.missing_periods.empty();
    }
  }
  std::vector<FollowUpGroup> out;
  for (auto& [k, g] : groups) {
    std::stable_sort(g.tasks.begin(), g.tasks.end(), [](const TaskState& a, const TaskState& b) {
      auto rank = [](const TaskState& s) {
        return s.overdue ? 0 : !s.missing_periods.empty() ? 1 : s.status == "blocked" ? 2 : 3;
      };
      if (rank(a) != rank(b)) return rank(a) < rank(b);
      return a.days_overdue > b.days_overdue;
    });
    out.push_back(std::move(g));
  }
  std::sort(out.begin(), out.end(), [](const FollowUpGroup& a, const FollowUpGroup& b) {
    if (a.overdue != b.overdue) return a.overdue > b.overdue;
    return a.who < b.who;
  });
  return out;
}

Result<std::vector<Deadline>> DeadlineCalendar(Db& db, Date from, Date to, Date as_of) {
  if (to < from) return Status::Invalid("to", "Ngày kết thúc phải sau ngày bắt đầu", "to must not be before from");
  if (to.days() - from.days() > 366 * 10)
    return Status::Invalid("to", "Khoảng thời gian tối đa 10 năm", "the window is at most 10 years");
  std::vector<Deadline> out;
  BHXH_ASSIGN_OR_RETURN(auto programmes, ListProgrammes(db));
  std::map<int64_t, StoredProgramme> by_id;
  for (auto& p : programmes) by_id[p.id] = p;
  BHXH_ASSIGN_OR_RETURN(auto reports, LoadReports(db, 0));
  for (const auto& r : reports) {
    const StoredProgramme& p = by_id[r.programme_id];
    auto add = [&](Date d) {
      if (d < from || to < d) return;
      out.push_back(
          {d, "report", r.programme_id, r.programme_number, r.name, r.recipients, "", d.days() - as_of.days()});
    };
    if (r.recurrence == "once" && r.date) add(*r.date);
    if (r.recurrence == "yearly") {
      int y0 = std::max(from.year(), p.period_start ? p.period_start->year() : from.year());
      int y1 = std::min(to.year(), p.period_end ? p.period_end->year() : to.year());
      for (int y = y0; y <= y1; ++y)
        if (Date::IsValidYmd(y, r.month, r.day)) {
          Date d = Date::FromYmd(y, r.month, r.day);
          if (!p.period_start || !(d < *p.period_start)) add(d);
        }
    }
  }
  BHXH_ASSIGN_OR_RETURN(auto states, TaskStates(db, 0, as_of));
  for (const auto& s : states) {
    if (!s.deadline || s.status == "done" || *s.deadline < from || to < *s.deadline) continue;
    out.push_back({*s.deadline, "task", s.task.programme_id, s.task.programme_number, s.task.content,
                   JoinIds(s.task.lead_units), s.task.key, s.deadline->days() - as_of.days()});
  }
  std::stable_sort(out.begin(), out.end(), [](const Deadline& a, const Deadline& b) { return a.date < b.date; });
  return out;
}

}  // namespace bhxh
