#include "officials/module.h"

namespace bhxh {

namespace {
Status Load(AppContext& ctx) {
  BHXH_ASSIGN_OR_RETURN(OfficialsData d, OfficialsData::Load(ctx.data_dir + "/officials"));
  ctx.AddState(std::make_unique<OfficialsState>(std::move(d)));
  return Status::Ok();
}
}  // namespace

const Capability kOfficials{
    .name = "officials",
    .depends = {"benefits"},
    .migrations = OfficialsMigrations,
    .load = Load,
    .warm = nullptr,
    .routes = OfficialsRoutes,
    .commands = OfficialsCommands,
};

}  // namespace bhxh
