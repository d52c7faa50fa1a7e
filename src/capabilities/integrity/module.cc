#include "integrity/module.h"

#include "platform/audit/chain.h"

namespace bhxh {

namespace {
Status Load(AppContext& ctx) {
  ctx.AddState(std::make_unique<IntegrityState>(SealKey::DefaultPath(ctx.pool ? ctx.pool->url() : "")));
  return Status::Ok();
}
}  // namespace

const Capability kIntegrity{
    .name = "integrity",
    .depends = {},
    .migrations = nullptr,
    .load = Load,
    .warm = nullptr,
    .routes = IntegrityRoutes,
    .commands = IntegrityCommands,
};

}  // namespace bhxh
