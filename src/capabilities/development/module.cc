#include "development/module.h"

namespace bhxh {

namespace {
Status Load(AppContext& ctx) {
  BHXH_ASSIGN_OR_RETURN(DevelopmentData d, DevelopmentData::Load(ctx.data_dir + "/development"));
  ctx.AddState(std::make_unique<DevelopmentState>(std::move(d)));
  return Status::Ok();
}
}  // namespace

const Capability kDevelopment{
    .name = "development",
    .depends = {"reference", "registry", "collection", "benefits", "inspection"},
    .migrations = DevelopmentMigrations,
    .load = Load,
    .warm = nullptr,
    .routes = DevelopmentRoutes,
    .commands = DevelopmentCommands,
};

}  // namespace bhxh
