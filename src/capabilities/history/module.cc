#include "history/module.h"

namespace bhxh {

const Capability kHistory{
    .name = "history",
    .depends = {"registry", "collection"},
    .migrations = nullptr,
    .load = nullptr,
    .warm = nullptr,
    .routes = HistoryRoutes,
    .commands = HistoryCommands,
};

}  // namespace bhxh
