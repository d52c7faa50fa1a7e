// The schema, as an ordered list of versioned migrations.
//
// Migrate applies, each in its own transaction, every migration newer than
// the highest version recorded in schema_migrations; running it again is a
// no-op. SQL is shared by both dialects except {ID} (an auto-increment
// primary key), substituted per backend.
#pragma once

#include "store/db.h"

namespace bhxh {

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

const std::vector<Migration>& AllMigrations();
// Returns the number of migrations applied by this call.
Result<int> Migrate(Db& db);

}  // namespace bhxh
