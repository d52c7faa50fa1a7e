// Schema migrations, contributed by the platform and each capability.
//
// A migration has a version that is unique across the system (1-8 were
// numbered in sequence; later ones use YYYYMMDDNN, so work in separate
// folders does not collide) and SQL shared by both dialects except {ID}
// (an auto-increment primary key) and {APPEND_ONLY table} (triggers that
// refuse UPDATE and DELETE), substituted per backend. A migration whose
// shapes differ by backend (PostgreSQL's declarative partitioning) gives
// its PostgreSQL text in postgres_sql; there {PARTITIONS_BY_PROVINCE t}
// becomes one LIST partition of t per province group of the layout (a
// unit in force and the older codes merged into it, so history recorded
// under a code of 2024 lands with today's province) and a DEFAULT
// partition for codes no group names. Migrate
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
  std::string postgres_sql = {};  // empty: `sql` serves both backends
};

// The province groups partitions are made of: the partition's suffix (the
// unit's code) and every code whose rows it holds. Empty: tables
// partitioned by province get only their DEFAULT partition.
struct SchemaLayout {
  std::vector<std::pair<std::string, std::vector<std::string>>> provinces;
};

// Returns the number of migrations applied by this call.
Result<int> Migrate(Db& db, std::vector<Migration> migrations, const SchemaLayout& layout = {});

}  // namespace bhxh
