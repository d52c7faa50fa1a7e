#include "registry/module.h"

namespace bhxh {

const Capability kRegistry{
    .name = "registry",
    .depends = {},
    .migrations = RegistryMigrations,
    .load = nullptr,
    .warm = nullptr,
    .routes = RegistryRoutes,
    .commands = RegistryCommands,
};

}  // namespace bhxh
