#include "benefits/module.h"

#include "benefits/indicators.h"
#include "programmes/module.h"

namespace bhxh {

namespace {
Status Load(AppContext& ctx) {
  BHXH_ASSIGN_OR_RETURN(BenefitLaw law, BenefitLaw::Load(ctx.data_dir + "/benefits"));
  ctx.AddState(std::make_unique<BenefitsState>(std::move(law)));
  RegisterBenefitMeasures(ctx.State<ProgrammesState>().measures);
  return Status::Ok();
}
}  // namespace

const Capability kBenefits{
    .name = "benefits",
    .depends = {"registry", "collection", "history", "programmes"},
    .migrations = BenefitsMigrations,
    .load = Load,
    .warm = nullptr,
    .routes = BenefitsRoutes,
    .commands = BenefitsCommands,
};

}  // namespace bhxh
