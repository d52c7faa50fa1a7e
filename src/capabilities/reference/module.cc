#include "reference/module.h"

namespace bhxh {

const Capability kReference{
    .name = "reference",
    .depends = {},
    .migrations = nullptr,
    .load = nullptr,
    .warm = nullptr,
    .routes = ReferenceRoutes,
    .commands = ReferenceCommands,
};

}  // namespace bhxh
