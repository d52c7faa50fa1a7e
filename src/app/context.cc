#include "app/context.h"

#include <openssl/rand.h>

#include <cstdlib>
#include <stdexcept>

#include "programs/store.h"
#include "store/migrations.h"

namespace bhxh {

Result<DbPool::Lease> DbPool::Acquire() {
  {
    std::lock_guard lock(mu_);
    if (!idle_.empty()) {
      auto db = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(db));
    }
  }
  BHXH_ASSIGN_OR_RETURN(auto db, Db::Open(url_));
  return Lease(this, std::move(db));
}

void DbPool::Return(std::unique_ptr<Db> db) {
  // A connection left inside a transaction is rolled back, or dropped.
  if (db->InTransaction() && (!db->Rollback().ok() || db->InTransaction())) return;
  std::lock_guard lock(mu_);
  if (idle_.size() < 16) idle_.push_back(std::move(db));
}

std::string DefaultDataDir() {
  const char* e = std::getenv("BHXH_DATA");
  return e && *e ? e : BHXH_DEFAULT_DATA_DIR;
}

std::string DefaultDbUrl() {
  const char* e = std::getenv("BHXH_DB");
  return e && *e ? e : "bhxh.db";
}

Result<std::unique_ptr<AppContext>> AppContext::Open(const std::string& data_dir, const std::string& db_url) {
  auto ctx = std::make_unique<AppContext>();
  ctx->data_dir = data_dir;
  BHXH_ASSIGN_OR_RETURN(ctx->law, LawBook::Load(data_dir + "/law"));
  BHXH_ASSIGN_OR_RETURN(ctx->geo, Geo::Load(data_dir + "/geo/provinces.csv"));
  BHXH_ASSIGN_OR_RETURN(ctx->claims, ClaimSchema::Load(data_dir + "/claims"));
  BHXH_ASSIGN_OR_RETURN(ctx->alert_params, AlertParams::Load(data_dir + "/claims/alert_parameters.csv"));
  ctx->pool = std::make_unique<DbPool>(db_url);
  {
    BHXH_ASSIGN_OR_RETURN(auto lease, ctx->pool->Acquire());
    BHXH_ASSIGN_OR_RETURN(int applied, Migrate(*lease));
    (void)applied;
  }
  ctx->cards = std::make_unique<CardIndex>(ctx->law);
  BHXH_ASSIGN_OR_RETURN(UnitRegistry units, UnitRegistry::Load(data_dir + "/programs/units.csv"));
  {
    BHXH_ASSIGN_OR_RETURN(auto lease, ctx->pool->Acquire());
    BHXH_ASSIGN_OR_RETURN(auto aliases, LoadUnitAliases(*lease));
    for (const auto& [name, id] : aliases) (void)units.AddAlias(name, id);  // a unit since removed from the file: skipped
  }
  ctx->units = std::make_shared<UnitRegistry>(std::move(units));
  BHXH_ASSIGN_OR_RETURN(ctx->measures, MeasureBook::Load(data_dir + "/programs/indicator_measures.csv"));
  return ctx;
}

Status AppContext::LoadCards() {
  {
    BHXH_ASSIGN_OR_RETURN(auto lease, pool->Acquire());
    BHXH_RETURN_IF_ERROR(cards->Load(*lease));
  }
  return LoadCatalogue();
}

Status AppContext::LoadCatalogue() {
  BHXH_ASSIGN_OR_RETURN(auto lease, pool->Acquire());
  auto c = std::make_shared<Catalogue>();
  BHXH_RETURN_IF_ERROR(c->Load(*lease));
  std::lock_guard lock(catalogue_mu_);
  catalogue = std::move(c);
  return Status::Ok();
}

std::shared_ptr<const UnitRegistry> AppContext::CurrentUnits() {
  std::lock_guard lock(units_mu_);
  return units;
}

Result<int> AppContext::MapUnit(const std::string& name, const std::string& unit_id, const Actor& actor) {
  auto next = std::make_shared<UnitRegistry>(*CurrentUnits());
  BHXH_RETURN_IF_ERROR(next->AddAlias(name, unit_id));
  BHXH_ASSIGN_OR_RETURN(auto lease, pool->Acquire());
  BHXH_ASSIGN_OR_RETURN(int changed, ApplyUnitAlias(*lease, name, unit_id, actor));
  std::lock_guard lock(units_mu_);
  units = std::move(next);
  return changed;
}

std::shared_ptr<const Catalogue> AppContext::CurrentCatalogue() {
  std::lock_guard lock(catalogue_mu_);
  return catalogue;
}

Result<Actor> AppContext::Authenticate(const std::string& token) {
  {
    std::lock_guard lock(accounts_mu_);
    auto it = accounts_.find(token);
    if (it != accounts_.end()) return it->second;
  }
  BHXH_ASSIGN_OR_RETURN(auto lease, pool->Acquire());
  BHXH_ASSIGN_OR_RETURN(Actor a, ActorForToken(*lease, token));
  std::lock_guard lock(accounts_mu_);
  accounts_[token] = a;
  return a;
}

std::string AppContext::SessionToken(const Actor& actor) {
  unsigned char buf[32];
  std::string token = "session-";
  if (RAND_bytes(buf, sizeof buf) != 1) throw std::runtime_error("no random bytes for a session token");
  token += Sha256Hex(std::string_view(reinterpret_cast<char*>(buf), sizeof buf));
  std::lock_guard lock(accounts_mu_);
  accounts_[token] = actor;
  return token;
}

Status EnsureDemoAccounts(Db& db, const std::string& province, const std::string& employer_code) {
  BHXH_RETURN_IF_ERROR(CreateAccount(db, "demo-officer-token", {"officer:demo", "officer", province, "", ""}));
  BHXH_RETURN_IF_ERROR(CreateAccount(db, "demo-facility-token", {"facility:" + province + "001", "facility", province, "",
                                                                 province + "001"}));
  if (!employer_code.empty())
    BHXH_RETURN_IF_ERROR(CreateAccount(db, "demo-employer-token",
                                       {"employer:" + employer_code, "employer", province, employer_code, ""}));
  return Status::Ok();
}

}  // namespace bhxh
