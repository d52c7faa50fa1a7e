// Reference data: the law's parameters, the provinces, the contribution
// calculator. Needs no database.
#pragma once

#include "platform/context.h"

namespace bhxh {

class RouteTable;
class Shell;

extern const Capability kReference;
void ReferenceRoutes(RouteTable& t);
void ReferenceCommands(Shell& sh);

}  // namespace bhxh
