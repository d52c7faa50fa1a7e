// Schema migrations, contributed by the platform and each capability.
//
// A migration has a version that is unique across the system (1-8 were
// numbered in sequence; later ones use YYYYMMDDNN, so work in separate
// folders does not collide) and SQL shared by both dialects except {ID}
// (an auto-increment primary key) and {APPEND_ONLY table} (triggers that
// refuse UPDATE and DELETE), substituted per backend. Migrate
// applies, each in its own transaction and in version order, every
// migration not yet recorded in schema_migrations; running it again is a
// no-op. Two migrations with one version stop it before anything runs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/db.h"

namespace bhxh {

struct Migration {
  int64_t version;
  std::string name;
  std::string sql;
};

// Returns the number of migrations applied by this call.
Result<int> Migrate(Db& db, std::vector<Migration> migrations);

}  // namespace bhxh
