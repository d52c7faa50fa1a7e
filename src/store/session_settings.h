// SessionSettings: PostgreSQL settings of this session for one piece of
// work (a planner choice the statistics or the default costs get wrong for
// it), each set back to the server's value when the guard ends, also on an
// early return. Nothing on SQLite. The settings are the caller's literals,
// never user input. Outside a transaction a SET lasts until the RESET here;
// inside one that fails, the SET goes with the rolled-back transaction.
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
    std::string set;
    for (const auto& [name, value] : settings) {
      set += "SET " + std::string(name) + " = " + std::string(value) + ";";
      names_.emplace_back(name);
    }
    // A setting the server refuses leaves the plans as they were: slower,
    // never wrong.
    if (!db_->Exec(set).ok()) db_ = nullptr;
  }
  ~SessionSettings() {
    if (!db_) return;
    std::string reset;
    for (const auto& n : names_) reset += "RESET " + n + ";";
    (void)db_->Exec(reset);  // a connection that fails here is broken and dropped anyway
  }
  SessionSettings(const SessionSettings&) = delete;
  SessionSettings& operator=(const SessionSettings&) = delete;

 private:
  Db* db_;
  std::vector<std::string> names_;
};

}  // namespace bhxh
