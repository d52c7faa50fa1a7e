// What a running bhxh process holds: the law book, the geography, a pool
// of store connections, the in-memory card index and a cache of accounts.
// Both shells (API and CLI) open one AppContext and call engines with it.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "claims/alerts.h"
#include "claims/catalogue.h"
#include "claims/xml130.h"
#include "eligibility/card_index.h"
#include "law/lawbook.h"
#include "programs/indicator_values.h"
#include "programs/units.h"
#include "registry/audit.h"
#include "registry/geo.h"
#include "store/db.h"

namespace bhxh {

// Connections handed out one per request; a request holds its lease for
// its whole duration so a transaction never spans two connections.
class DbPool {
 public:
  explicit DbPool(std::string url) : url_(std::move(url)) {}
  class Lease {
   public:
    Lease(DbPool* pool, std::unique_ptr<Db> db) : pool_(pool), db_(std::move(db)) {}
    Lease(Lease&&) = default;
    ~Lease() { if (db_) pool_->Return(std::move(db_)); }
    Db& operator*() { return *db_; }
    Db* operator->() { return db_.get(); }

   private:
    DbPool* pool_;
    std::unique_ptr<Db> db_;
  };
  Result<Lease> Acquire();
  const std::string& url() const { return url_; }

 private:
  void Return(std::unique_ptr<Db> db);
  std::string url_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Db>> idle_;
};

struct AppContext {
  std::string data_dir;
  LawBook law;
  Geo geo;
  ClaimSchema claims;
  AlertParams alert_params;
  std::unique_ptr<DbPool> pool;
  std::unique_ptr<CardIndex> cards;
  // Facilities' approved lists; replaced whole on reload (shared_ptr swap),
  // so a review in progress keeps the list it started with.
  std::shared_ptr<const Catalogue> catalogue = std::make_shared<Catalogue>();
  Status LoadCatalogue();
  std::shared_ptr<const Catalogue> CurrentCatalogue();
  // VSS units (data/programs/units.csv plus the aliases officers mapped);
  // replaced whole when an alias is added, like the catalogue.
  std::shared_ptr<const UnitRegistry> units = std::make_shared<UnitRegistry>();
  std::shared_ptr<const UnitRegistry> CurrentUnits();
  // Maps an unknown unit name to a unit: stored, applied to the stored tasks
  // that listed it, and to the registry in memory. Returns the tasks changed.
  Result<int> MapUnit(const std::string& name, const std::string& unit_id, const Actor& actor);
  MeasureBook measures;

  // Loads law and geography from `data_dir`, opens (and migrates) the store.
  static Result<std::unique_ptr<AppContext>> Open(const std::string& data_dir, const std::string& db_url);
  // Loads the card index from the store.
  Status LoadCards();
  // Resolves a bearer token (cached after the first lookup).
  Result<Actor> Authenticate(const std::string& token);
  // A token valid only inside this process (the CLI's operator): random,
  // never stored, so it cannot be replayed against a server.
  std::string SessionToken(const Actor& actor);

 private:
  std::mutex accounts_mu_, catalogue_mu_, units_mu_;
  std::unordered_map<std::string, Actor> accounts_;
};

// Default locations: $BHXH_DATA or the source tree's data/; $BHXH_DB or ./bhxh.db.
std::string DefaultDataDir();
std::string DefaultDbUrl();

// Creates the demo accounts (tokens printed in the README) if missing.
Status EnsureDemoAccounts(Db& db, const std::string& province, const std::string& employer_code);

}  // namespace bhxh
