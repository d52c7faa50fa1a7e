#include "eligibility/module.h"

#include <spdlog/spdlog.h>

namespace bhxh {

Status EligibilityState::EnsureLoaded(AppContext& ctx) {
  std::lock_guard lock(mu_);
  if (loaded_) return Status::Ok();
  BHXH_ASSIGN_OR_RETURN(auto lease, ctx.pool->Acquire());
  BHXH_RETURN_IF_ERROR(cards_.Load(*lease));
  loaded_ = true;
  return Status::Ok();
}

Status EligibilityState::Reload(AppContext& ctx) {
  std::lock_guard lock(mu_);
  BHXH_ASSIGN_OR_RETURN(auto lease, ctx.pool->Acquire());
  BHXH_RETURN_IF_ERROR(cards_.Load(*lease));
  loaded_ = true;
  return Status::Ok();
}

Result<EligibilityAnswer> EligibilityState::Check(AppContext& ctx, const EligibilityQuery& q, Db* db) {
  std::optional<DbPool::Lease> lease;
  auto open = [&]() -> Result<Db*> {
    if (db) return db;
    if (!lease) {
      BHXH_ASSIGN_OR_RETURN(auto l, ctx.pool->Acquire());
      lease.emplace(std::move(l));
    }
    return &**lease;
  };
  return CheckCard(cards_, law_, elsewhere_, open, q);
}

void EligibilityState::Replace(std::vector<CardRecord> records) {
  std::lock_guard lock(mu_);
  cards_.Build(std::move(records));
  loaded_ = true;
}

namespace {

Status Load(AppContext& ctx) {
  BHXH_ASSIGN_OR_RETURN(auto elsewhere, LoadManagedElsewhere(ctx.data_dir + "/eligibility/managed_elsewhere.csv"));
  ctx.AddState(std::make_unique<EligibilityState>(ctx.law, std::move(elsewhere)));
  AppContext* c = &ctx;
  ctx.Subscribe("person.changed", [c](const std::string& cccd) {
    auto& st = c->State<EligibilityState>();
    if (!c->pool) return;
    auto lease = c->pool->Acquire();
    Status s = lease.ok() ? st.cards().Refresh(**lease, cccd) : lease.status();
    if (!s.ok()) spdlog::warn("không cập nhật được thẻ của {} vào bộ nhớ: {}", cccd, s.ToString());
  });
  return Status::Ok();
}

Status Warm(AppContext& ctx) {
  BHXH_RETURN_IF_ERROR(ctx.State<EligibilityState>().EnsureLoaded(ctx));
  spdlog::info("Đã nạp {} thẻ BHYT vào bộ nhớ", ctx.State<EligibilityState>().cards().size());
  return Status::Ok();
}

}  // namespace

const Capability kEligibility{
    .name = "eligibility",
    .depends = {"registry"},
    .migrations = nullptr,
    .load = Load,
    .warm = Warm,
    .routes = EligibilityRoutes,
    .commands = EligibilityCommands,
};

}  // namespace bhxh
