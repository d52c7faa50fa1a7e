// What a running bhxh process holds: the law book, the geography, the
// access policy, a pool of store connections, the token cache, and each
// capability's own in-memory state (the card index, the catalogue, the
// unit registry, ...), created by the capabilities at Open.
//
// Thread-safety: law, geo, policy, data_dir and pool are set by Open and
// never changed after, so they are read without locks. Capability states
// are created at Open and are responsible for their own locking. The token
// cache is guarded by its mutex; entries expire so that a token revoked by
// another process stops working within the cache's lifetime.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <typeindex>
#include <unordered_map>
#include <vector>

#include "geo/geo.h"
#include "law/lawbook.h"
#include "platform/access/policy.h"
#include "platform/jobs.h"
#include "platform/migrations.h"
#include "store/db.h"

namespace bhxh {

class AppContext;
class RouteTable;
class Shell;

// Connections handed out one per request; a request holds its lease for
// its whole duration so a transaction never spans two connections.
class DbPool {
 public:
  explicit DbPool(std::string url, size_t max_idle = 16) : url_(std::move(url)), max_idle_(max_idle) {}
  class Lease {
   public:
    Lease(DbPool* pool, std::unique_ptr<Db> db) : pool_(pool), db_(std::move(db)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (db_) pool_->Return(std::move(db_));
    }
    Db& operator*() { return *db_; }
    Db* operator->() { return db_.get(); }

   private:
    DbPool* pool_;
    std::unique_ptr<Db> db_;
  };
  Result<Lease> Acquire();
  const std::string& url() const { return url_; }
  int in_use() const { return in_use_.load(); }
  int idle() const;

 private:
  void Return(std::unique_ptr<Db> db);
  std::string url_;
  size_t max_idle_;
  mutable std::mutex mu_;
  std::vector<std::unique_ptr<Db>> idle_;
  std::atomic<int> in_use_{0};
};

// A capability's in-memory state (see Capability::load).
class CapabilityState {
 public:
  virtual ~CapabilityState() = default;
};

// One capability: what it contributes to a process. Declared in its
// folder's module.cc and listed once in capabilities/all.cc.
struct Capability {
  std::string name;                  // as the API spells it: "claims", "programmes"
  std::vector<std::string> depends;  // capabilities it builds on (listed before it)
  std::function<std::vector<Migration>()> migrations;
  std::function<Status(AppContext&)> load;  // creates its state (cheap)
  std::function<Status(AppContext&)> warm;  // loads what serving keeps in memory
  std::function<void(RouteTable&)> routes;
  std::function<void(Shell&)> commands;
};

class AppContext {
 public:
  struct Options {
    std::string data_dir;
    std::string db_url;
    std::vector<const Capability*> capabilities;
    bool migrate = true;
  };
  static Result<std::unique_ptr<AppContext>> Open(const Options& opt);

  std::string data_dir;
  LawBook law;
  Geo geo;
  AccessPolicy policy;
  std::unique_ptr<DbPool> pool;
  Jobs jobs;
  const std::vector<const Capability*>& capabilities() const { return caps_; }

  // The state a capability registered, by type.
  template <typename T>
  T& State() {
    auto it = states_.find(std::type_index(typeid(T)));
    if (it == states_.end())
      throw std::logic_error(std::string("capability state not registered: ") + typeid(T).name());
    return static_cast<T&>(*it->second);
  }
  template <typename T>
  bool HasState() const {
    return states_.count(std::type_index(typeid(T))) > 0;
  }
  template <typename T>
  void AddState(std::unique_ptr<T> s) {
    states_[std::type_index(typeid(T))] = std::move(s);
  }

  // Events between capabilities that do not depend on each other: the
  // registry publishes "person.changed" (a CCCD), and eligibility, which
  // builds on the registry, keeps its index current. Subscribe at load;
  // listeners run on the publishing thread and must not throw.
  using Listener = std::function<void(const std::string& key)>;
  void Subscribe(const std::string& topic, Listener l) { listeners_[topic].push_back(std::move(l)); }
  void Publish(const std::string& topic, const std::string& key) const {
    auto it = listeners_.find(topic);
    if (it != listeners_.end())
      for (const auto& l : it->second) l(key);
  }

  // Runs every capability's warm step (serve does this before listening).
  Status Warm();

  // The actor of a bearer token (cached for a short time).
  Result<Actor> Authenticate(const std::string& token);
  // Forgets a cached token's actor (after a revocation in this process).
  void ForgetActor(const std::string& actor_id);
  void ForgetToken(const std::string& token);
  // Codes (old and new) covered by a province today: for provincial scope.
  std::vector<std::string> ProvincesCovering(const std::string& code) const;

 private:
  std::vector<const Capability*> caps_;
  std::unordered_map<std::type_index, std::unique_ptr<CapabilityState>> states_;
  std::unordered_map<std::string, std::vector<Listener>> listeners_;
  std::mutex accounts_mu_;
  struct Cached {
    Actor actor;
    std::chrono::steady_clock::time_point at;
  };
  std::unordered_map<std::string, Cached> accounts_;
};

// Default locations: $BHXH_DATA or the source tree's data/; $BHXH_DB or ./bhxh.db.
std::string DefaultDataDir();
std::string DefaultDbUrl();

}  // namespace bhxh
