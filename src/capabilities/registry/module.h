// The registry capability (M1, M5): persons by CCCD, employers with their
// dated status, HI cards, periods without an employer.
#pragma once

#include "platform/context.h"

namespace bhxh {

class RouteTable;
class Shell;

extern const Capability kRegistry;

std::vector<Migration> RegistryMigrations();
void RegistryRoutes(RouteTable& t);
void RegistryCommands(Shell& sh);

}  // namespace bhxh
