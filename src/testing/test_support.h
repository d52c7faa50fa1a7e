// Test support: the data directory, fresh databases on both backends, and a
// throwaway PostgreSQL server (initdb + pg_ctl on a temporary directory,
// Unix socket only) started once per test binary and stopped at exit.
#pragma once

#include <memory>
#include <string>

#include "app/context.h"

namespace bhxh::testing {

std::string DataDir();

// "sqlite" or "postgres". Returns the URL of a new, empty database; for
// postgres, an empty string when no server could be started (the reason is
// in *why).
std::string FreshDatabaseUrl(const std::string& backend, std::string* why);

// Opens a fresh AppContext on `backend`; skips (or fails when
// BHXH_REQUIRE_PG=1) if PostgreSQL is unavailable.
std::unique_ptr<AppContext> FreshContext(const std::string& backend, std::string* why);

Actor TestOfficer();

// A seed decision's text from shared/seeds beside the repository
// ($BHXH_SEEDS, set by CMake); empty when not found.
std::string SeedText(const std::string& file_name);

}  // namespace bhxh::testing
