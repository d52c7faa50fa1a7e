#include "inspection/module.h"

namespace bhxh {

namespace {
Status Load(AppContext& ctx) {
  BHXH_ASSIGN_OR_RETURN(ParamTable p, ParamTable::LoadFile(ctx.data_dir + "/inspection/parameters.csv"));
  ctx.AddState(std::make_unique<InspectionState>(std::move(p)));
  return Status::Ok();
}
}  // namespace

const Capability kInspection{
    .name = "inspection",
    .depends = {"registry", "collection", "claims", "benefits"},
    .migrations = InspectionMigrations,
    .load = Load,
    .warm = nullptr,
    .routes = InspectionRoutes,
    .commands = InspectionCommands,
};

}  // namespace bhxh
