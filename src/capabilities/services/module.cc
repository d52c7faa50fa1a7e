#include "services/module.h"

#include "programmes/module.h"
#include "services/quality.h"

namespace bhxh {

namespace {
Status Load(AppContext& ctx) {
  BHXH_ASSIGN_OR_RETURN(ServicesData d, ServicesData::Load(ctx.data_dir + "/services"));
  ctx.AddState(std::make_unique<ServicesState>(std::move(d)));
  RegisterServiceMeasures(ctx.State<ProgrammesState>().measures, &ctx.State<ServicesState>().data());
  return Status::Ok();
}
}  // namespace

const Capability kServices{
    .name = "services",
    .depends = {"registry", "collection", "benefits", "programmes"},
    .migrations = ServicesMigrations,
    .load = Load,
    .warm = nullptr,
    .routes = ServicesRoutes,
    .commands = ServicesCommands,
};

}  // namespace bhxh
