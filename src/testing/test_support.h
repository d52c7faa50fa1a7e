// Test support: the data directory, fresh databases on both backends, and a
// throwaway PostgreSQL server (initdb + pg_ctl on a temporary directory,
// Unix socket only) started once per test binary and stopped at exit.
#pragma once

#include <memory>
#include <string>

#include "capabilities/all.h"
#include "platform/context.h"
#include "store/migrations.h"

// A Status expression that must succeed: otherwise the test stops there
// with the status's code, field and message (needs <gtest/gtest.h>).
#define ASSERT_OK(expr)                    \
  do {                                     \
    ::bhxh::Status s_ = (expr);            \
    ASSERT_TRUE(s_.ok()) << s_.ToString(); \
  } while (0)

namespace bhxh::testing {

std::string DataDir();

// "sqlite" or "postgres". Returns the URL of a new, empty database; for
// postgres, an empty string when no server could be started (the reason is
// in *why).
std::string FreshDatabaseUrl(const std::string& backend, std::string* why);
// A connection to such a database; the error says why there is none.
Result<std::unique_ptr<Db>> OpenFreshDatabase(const std::string& backend);

// Opens a fresh AppContext with every capability on `backend`; nullptr
// (with the reason in *why) if the database cannot be made. With
// $BHXH_TEST_SHARDS ("host=.. port=.. user=..;host=.. ..", set by
// scripts/shard/engines_test.sh) a PostgreSQL context is a coordinator:
// every province partition lives on one of those servers, in turn, so the
// engine tests run as a sharded deployment runs.
std::unique_ptr<AppContext> FreshContext(const std::string& backend, std::string* why);
// A coordinator and one shard, for tests of the sharded write: a fresh
// PostgreSQL database opened as a context with every capability (its own,
// never placed by $BHXH_TEST_SHARDS), a lease on it, and a second fresh
// database added to it as the postgres_fdw server "shard". The test places
// the partitions it needs (PlaceEmptyPartition). Null ctx: the reason is
// in *why.
struct CoordinatorWithShard {
  std::unique_ptr<AppContext> ctx;
  std::unique_ptr<DbPool::Lease> lease;
  std::unique_ptr<Db> shard;
  Db& db() { return **lease; }
};
CoordinatorWithShard OpenCoordinatorWithShard(std::string* why);

// A fresh database on `backend` with every migration older than `version`
// applied (rows are then written the old way, and a test applies the rest
// with Migrate(*db, AllMigrations(), *layout) to see what the migration
// does to them). Null with the reason in *why.
std::unique_ptr<Db> DatabaseBefore(const std::string& backend, int64_t version, const SchemaLayout& layout,
                                   std::string* why);

// A context with every capability and no database (pre-checks, imports).
std::unique_ptr<AppContext> ContextWithoutDb(std::string* why);

Actor TestOfficer();

// A seed decision's text from shared/seeds beside the repository
// ($BHXH_SEEDS, set by CMake). A missing seed fails the calling test (it is
// an input, not an option) and returns "", after which the caller stops.
std::string SeedText(const std::string& file_name);

}  // namespace bhxh::testing
