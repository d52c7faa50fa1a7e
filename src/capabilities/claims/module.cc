#include "claims/module.h"

#include "eligibility/module.h"

namespace bhxh {

Status ClaimsState::EnsureCatalogue(AppContext& ctx) {
  {
    std::lock_guard lock(mu_);
    if (loaded_) return Status::Ok();
  }
  return ReloadCatalogue(ctx);
}

Status ClaimsState::ReloadCatalogue(AppContext& ctx) {
  BHXH_ASSIGN_OR_RETURN(auto lease, ctx.pool->Acquire());
  auto c = std::make_shared<Catalogue>();
  BHXH_RETURN_IF_ERROR(c->Load(*lease));
  std::lock_guard lock(mu_);
  catalogue_ = std::move(c);
  loaded_ = true;
  return Status::Ok();
}

std::shared_ptr<const Catalogue> ClaimsState::catalogue() const {
  std::lock_guard lock(mu_);
  return catalogue_;
}

namespace {
Status Load(AppContext& ctx) {
  auto st = std::make_unique<ClaimsState>();
  BHXH_ASSIGN_OR_RETURN(st->schema, ClaimSchema::Load(ctx.data_dir + "/claims"));
  BHXH_ASSIGN_OR_RETURN(st->alert_params, AlertParams::Load(ctx.data_dir + "/claims/alert_parameters.csv"));
  ctx.AddState(std::move(st));
  return Status::Ok();
}

Status Warm(AppContext& ctx) { return ctx.State<ClaimsState>().EnsureCatalogue(ctx); }
}  // namespace

const Capability kClaims{
    .name = "claims",
    .depends = {"registry", "eligibility"},
    .migrations = ClaimsMigrations,
    .load = Load,
    .warm = Warm,
    .routes = ClaimsRoutes,
    .commands = ClaimsCommands,
};

}  // namespace bhxh
