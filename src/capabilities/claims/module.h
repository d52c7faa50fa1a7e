// HI claim review (M7): XML 130 intake, rules, review, settlement,
// published drug prices, daily cost alerts.
#pragma once

#include <memory>
#include <mutex>

#include "claims/alerts.h"
#include "claims/catalogue.h"
#include "claims/xml130.h"
#include "platform/context.h"

namespace bhxh {

class RouteTable;
class Shell;

// What the claims capability keeps in memory: the standard's fields and
// the rules (data/claims), the alert thresholds, and the facilities'
// approved lists (replaced whole on reload, so a review in progress keeps
// the list it started with).
class ClaimsState : public CapabilityState {
 public:
  ClaimSchema schema;
  AlertParams alert_params;
  // Loads the catalogue once (later calls return at once).
  Status EnsureCatalogue(AppContext& ctx);
  Status ReloadCatalogue(AppContext& ctx);
  std::shared_ptr<const Catalogue> catalogue() const;

 private:
  mutable std::mutex mu_;
  bool loaded_ = false;
  std::shared_ptr<const Catalogue> catalogue_ = std::make_shared<Catalogue>();
};

extern const Capability kClaims;
std::vector<Migration> ClaimsMigrations();
void ClaimsRoutes(RouteTable& t);
void ClaimsCommands(Shell& sh);

}  // namespace bhxh
