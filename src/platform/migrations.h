// The platform's schema migrations (accounts, audit, idempotency).
#pragma once

#include <vector>

#include "store/migrations.h"

namespace bhxh {

std::vector<Migration> PlatformMigrations();

}  // namespace bhxh
