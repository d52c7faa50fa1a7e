#include "platform/context.h"

#include <spdlog/spdlog.h>

#include <cstdlib>
#include <set>

#include "platform/access/accounts.h"
#include "platform/access/users.h"
#include "platform/audit/chain.h"

namespace bhxh {

Result<DbPool::Lease> DbPool::Acquire() {
  {
    std::lock_guard lock(mu_);
    while (!idle_.empty()) {
      auto db = std::move(idle_.back());
      idle_.pop_back();
      if (!db->Usable()) continue;  // opened before its server was lost (a failover): reconnect
      ++in_use_;
      return Lease(this, std::move(db));
    }
  }
  BHXH_ASSIGN_OR_RETURN(auto db, Db::Open(url_));
  ++in_use_;
  return Lease(this, std::move(db));
}

int DbPool::idle() const {
  std::lock_guard lock(mu_);
  return static_cast<int>(idle_.size());
}

void DbPool::Return(std::unique_ptr<Db> db) {
  --in_use_;
  if (!db->Usable()) return;  // its server went away or failed over
  // A connection left inside a transaction is rolled back, or dropped.
  if (db->InTransaction() && (!db->Rollback().ok() || db->InTransaction())) return;
  std::lock_guard lock(mu_);
  if (idle_.size() < max_idle_) idle_.push_back(std::move(db));
}

std::string DefaultDataDir() {
  const char* e = std::getenv("BHXH_DATA");
  return e && *e ? e : BHXH_DEFAULT_DATA_DIR;
}

std::string DefaultDbUrl() {
  const char* e = std::getenv("BHXH_DB");
  return e && *e ? e : "bhxh.db";
}

Result<std::unique_ptr<AppContext>> AppContext::Open(const Options& opt) {
  auto ctx = std::make_unique<AppContext>();
  ctx->data_dir = opt.data_dir;
  ctx->caps_ = opt.capabilities;
  BHXH_ASSIGN_OR_RETURN(ctx->law, LawBook::Load(opt.data_dir + "/law"));
  BHXH_ASSIGN_OR_RETURN(ctx->geo, Geo::Load(opt.data_dir + "/geo/provinces.csv"));
  BHXH_ASSIGN_OR_RETURN(ctx->policy, AccessPolicy::Load(opt.data_dir + "/access/roles.csv"));
  // Capabilities come in dependency order.
  std::set<std::string> seen;
  for (const auto* c : ctx->caps_) {
    for (const auto& d : c->depends)
      if (!seen.count(d))
        return Status::Internal("capability " + c->name + " depends on " + d + ", which is not listed before it");
    seen.insert(c->name);
  }
  if (!opt.db_url.empty()) {
    ctx->pool = std::make_unique<DbPool>(opt.db_url);
    if (opt.migrate) {
      std::vector<Migration> all = PlatformMigrations();
      for (const auto* c : ctx->caps_)
        if (c->migrations)
          for (auto& m : c->migrations()) all.push_back(std::move(m));
      BHXH_ASSIGN_OR_RETURN(auto lease, ctx->pool->Acquire());
      BHXH_ASSIGN_OR_RETURN(int applied, Migrate(*lease, all, SchemaLayout{ctx->geo.ProvinceGroups()}));
      if (applied > 0) spdlog::debug("applied {} migrations", applied);
      // Audit rows written before the chain existed take their place in it.
      BHXH_ASSIGN_OR_RETURN(int64_t chained, ChainUnchainedAudit(*lease));
      if (chained > 0) spdlog::info("chained {} earlier audit rows", chained);
    }
  }
  for (const auto* c : ctx->caps_)
    if (c->load) {
      Status s = c->load(*ctx);
      if (!s.ok())
        return Status::Error(s.code(), s.field(), c->name + ": " + s.message_vi(), c->name + ": " + s.message_en());
    }
  return ctx;
}

Status AppContext::Warm() {
  for (const auto* c : caps_)
    if (c->warm) BHXH_RETURN_IF_ERROR(c->warm(*this));
  return Status::Ok();
}

Result<Actor> AppContext::Authenticate(const std::string& token) {
  constexpr auto kTtl = std::chrono::seconds(30);
  auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(accounts_mu_);
    auto it = accounts_.find(token);
    if (it != accounts_.end() && now - it->second.at < kTtl) return it->second.actor;
  }
  if (!pool)
    return Status::Error("unauthenticated", "Authorization", "Không có cơ sở dữ liệu tài khoản", "no account store");
  BHXH_ASSIGN_OR_RETURN(auto lease, pool->Acquire());
  // Sessions of people who logged in, or tokens of programs.
  BHXH_ASSIGN_OR_RETURN(Actor a, token.rfind(kSessionPrefix, 0) == 0 ? ActorForSession(*lease, token) : ActorForToken(*lease, token));
  std::lock_guard lock(accounts_mu_);
  if (accounts_.size() > 100000) accounts_.clear();
  accounts_[token] = {a, now};
  return a;
}

void AppContext::ForgetToken(const std::string& token) {
  std::lock_guard lock(accounts_mu_);
  accounts_.erase(token);
}

void AppContext::ForgetActor(const std::string& actor_id) {
  std::lock_guard lock(accounts_mu_);
  std::erase_if(accounts_, [&](const auto& kv) { return kv.second.actor.id == actor_id; });
}

std::vector<std::string> AppContext::ProvincesCovering(const std::string& code) const {
  auto cur = geo.CurrentCode(code);
  if (!cur.ok()) return {code};
  std::vector<std::string> out = {*cur};
  for (const auto& old : geo.MergedFrom(*cur))
    if (old != *cur) out.push_back(old);
  return out;
}

}  // namespace bhxh
