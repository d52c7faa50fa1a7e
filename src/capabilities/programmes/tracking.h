// Following up the tasks of stored programmes (issue #3 §4): units post
// progress (status, percent, the period reported on, text, evidence,
// difficulties, lessons) and every post is kept, so a task's history can be
// read back. From the posts and the task's time frame:
//   - a task whose deadline (the end of its time frame) has passed and is
//     not done is overdue, by so many days;
//   - a recurring task (Hàng năm, Thường xuyên, Năm 2023 và các năm tiếp
//     theo, Hàng quý, Hàng tháng) expects one post per period (year, quarter
//     or month) that has ended since it began, up to the as-of date and the
//     programme's end; the periods without a post are listed;
//   - conditional time frames have no deadline until the condition is met.
// The follow-up list ("theo dõi, đôn đốc") groups the tasks not yet done by
// unit in charge, or by the leader responsible, overdue first. The deadline
// calendar lists every report due and task deadline in a window.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "programmes/store.h"
#include "programmes/units.h"

namespace bhxh {

struct ProgressInput {
  std::string programme;  // id or decision number
  std::string task_key, unit, status, percent, period, note, evidence, difficulties, lessons;
};

struct ProgressEntry {
  int64_t id = 0;
  std::string task_key, unit, status;
  int percent = 0;
  std::string period, note, evidence, difficulties, lessons, reported_at, reported_by;
};

struct ProgressOutcome {
  ProgressEntry entry;
  bool replayed = false;
};

// Validates every field (the status from the list, percent 0–100 and 100
// for done, the period as YYYY, YYYY-Hn, YYYY-Qn or YYYY-MM not after the as-of
// date, the unit known and named by the task unless an officer posts for
// any unit) and appends the post with its audit row; a repeated
// idempotency key returns the first post.
Result<ProgressOutcome> PostProgress(Db& db, const UnitRegistry& units, const ProgressInput& in, Date today,
                                     const Actor& actor);
Result<std::vector<ProgressEntry>> ProgressHistory(Db& db, int64_t programme_id, const std::string& task_key);

struct TaskState {
  StoredTask task;
  std::string status = "not_started";
  int percent = 0;
  std::string last_reported_at, last_note, last_unit;
  std::optional<Date> deadline;
  bool overdue = false;
  int days_overdue = 0;
  std::string expects;                       // yearly | quarterly | monthly | ""
  std::vector<std::string> missing_periods;  // periods ended without a post
};

// The state of every task of a programme (0: all) from the posts made up
// to the end of `as_of`.
Result<std::vector<TaskState>> TaskStates(Db& db, int64_t programme_id, Date as_of);

struct FollowUpGroup {
  std::string who, name;  // unit id and name, or the leader
  std::vector<TaskState> tasks;
  int overdue = 0, missing = 0;
};

struct FollowUpFilter {
  std::string unit;    // unit id
  std::string leader;  // matched ignoring diacritics and case
  bool by_leader = false;
  bool include_done = false;
};

// Tasks not done (or all with include_done), grouped by unit in charge
// (coordinating units see the task too, marked so by `who`) or by leader;
// overdue and missing reports first.
std::vector<FollowUpGroup> FollowUp(const std::vector<TaskState>& states, const UnitRegistry& units,
                                    const FollowUpFilter& f);

struct Deadline {
  Date date;
  std::string kind;  // report | task
  int64_t programme_id = 0;
  std::string programme_number, name, detail, task_key;
  int days_left = 0;  // from as_of; negative when past
};

// Report deadlines (yearly ones once per year within the programme's
// period) and the deadlines of tasks not done, in [from, to], by date.
Result<std::vector<Deadline>> DeadlineCalendar(Db& db, Date from, Date to, Date as_of);

}  // namespace bhxh
