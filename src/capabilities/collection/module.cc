#include "collection/module.h"

namespace bhxh {

const Capability kCollection{
    .name = "collection",
    .depends = {"reference", "registry"},
    .migrations = CollectionMigrations,
    .load = nullptr,
    .warm = nullptr,
    .routes = CollectionRoutes,
    .commands = CollectionCommands,
};

}  // namespace bhxh
