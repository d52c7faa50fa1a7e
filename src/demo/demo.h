// The demo province: `bhxh init --demo` and `bhxh generate`, through the
// real engines, with demo accounts for each role.
#pragma once

#include <string>

#include "store/db.h"

namespace bhxh {

class Shell;

// Creates the demo accounts (tokens printed by `init` and in the README) if missing.
// A citizen's account is made when `citizen_cccd` is given.
// The facility account is `facility` (default: the province's code + "001").
Status EnsureDemoAccounts(Db& db, const std::string& province, const std::string& employer_code,
                          const std::string& citizen_cccd = "", const std::string& facility = "");
// People's demo accounts (user name and password), one per role; the
// password is kDemoPassword. Slow on purpose (Argon2id), so apart from
// EnsureDemoAccounts.
constexpr const char* kDemoPassword = "Demo@2026bhxh";
// `commune`: the commune of the commune officer's account (canboxa), if any.
Status EnsureDemoUsers(Db& db, const std::string& province, const std::string& employer_code,
                       const std::string& citizen_cccd, const std::string& facility = "", const std::string& commune = "");
void DemoCommands(Shell& sh);

}  // namespace bhxh
