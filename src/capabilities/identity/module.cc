#include "identity/module.h"

namespace bhxh {

namespace {
Status Load(AppContext& ctx) {
  BHXH_ASSIGN_OR_RETURN(auto providers, LoadIdentityProviders(ctx.data_dir + "/identity/providers.csv"));
  ctx.AddState(std::make_unique<IdentityState>(std::move(providers)));
  return Status::Ok();
}
}  // namespace

const Capability kIdentity{
    .name = "identity",
    .depends = {"reference", "registry"},
    .migrations = IdentityMigrations,
    .load = Load,
    .warm = nullptr,
    .routes = IdentityRoutes,
    .commands = IdentityCommands,
};

}  // namespace bhxh
