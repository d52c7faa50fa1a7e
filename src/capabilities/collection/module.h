// Contribution collection (M3, M14): declarations, the monthly run,
// payments, statements, arrears.
#pragma once

#include "platform/context.h"

namespace bhxh {

class RouteTable;
class Shell;

extern const Capability kCollection;
std::vector<Migration> CollectionMigrations();
void CollectionRoutes(RouteTable& t);
void CollectionCommands(Shell& sh);

}  // namespace bhxh
