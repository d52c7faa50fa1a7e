// SessionSettings: PostgreSQL settings of this session for one piece of
// work (a planner choice the statistics or the default costs get wrong for
// it), each put back to the value it had before when the guard ends, also
// on an early return (so a caller's own setting survives). Nothing on
// SQLite. Names and values go to set_config() as bound parameters.
//
// Failure: the settings are only a plan choice, so a server that refuses
// them leaves the work to run with the plans it had. Inside a transaction a
// refused statement would abort it; that happens only on a broken
// connection, where the transaction is lost anyway. A SET made inside a
// transaction or savepoint that is rolled back is undone with it.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/db.h"

namespace bhxh {

class SessionSettings {
 public:
  // Each pair: a setting's name and its value for the guard's lifetime.
  SessionSettings(Db& db, std::initializer_list<std::pair<std::string_view, std::string_view>> settings)
      : db_(db.dialect() == Dialect::kPostgres ? &db : nullptr) {
    if (!db_) return;
    for (const auto& [name, value] : settings) wanted_.emplace_back(std::string(name), std::string(value));
    if (!Read() || !Apply(wanted_)) db_ = nullptr;
  }
  ~SessionSettings() {
    if (db_) (void)Apply(before_);  // a connection that fails here is broken and dropped anyway
  }
  SessionSettings(const SessionSettings&) = delete;
  SessionSettings& operator=(const SessionSettings&) = delete;

 private:
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  // The current values, in one statement.
  bool Read() {
    std::string sql = "SELECT ";
    for (size_t i = 0; i < wanted_.size(); ++i) sql += i ? ", current_setting(?)" : "current_setting(?)";
    auto st = db_->Prepare(sql);
    if (!st.ok()) return false;
    for (size_t i = 0; i < wanted_.size(); ++i) (*st)->BindText(static_cast<int>(i) + 1, wanted_[i].first);
    auto row = (*st)->Step();
    if (!row.ok() || !*row) return false;
    for (size_t i = 0; i < wanted_.size(); ++i) before_.emplace_back(wanted_[i].first, (*st)->Text(static_cast<int>(i)));
    return true;
  }
  // The values given, in one statement (set_config(name, value, false):
  // for the session, as SET).
  bool Apply(const Pairs& values) {
    std::string sql = "SELECT ";
    for (size_t i = 0; i < values.size(); ++i) sql += i ? ", set_config(?, ?, false)" : "set_config(?, ?, false)";
    auto st = db_->Prepare(sql);
    if (!st.ok()) return false;
    for (size_t i = 0; i < values.size(); ++i) {
      (*st)->BindText(static_cast<int>(2 * i) + 1, values[i].first);
      (*st)->BindText(static_cast<int>(2 * i) + 2, values[i].second);
    }
    auto row = (*st)->Step();
    return row.ok();
  }

  Db* db_;
  Pairs wanted_, before_;
};

}  // namespace bhxh
