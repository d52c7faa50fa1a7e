#include "capabilities/all.h"

#include "benefits/module.h"
#include "claims/module.h"
#include "collection/module.h"
#include "development/module.h"
#include "eligibility/module.h"
#include "funds/module.h"
#include "history/module.h"
#include "identity/module.h"
#include "inspection/module.h"
#include "integrity/module.h"
#include "officials/module.h"
#include "programmes/module.h"
#include "reference/module.h"
#include "services/module.h"
#include "registry/module.h"

namespace bhxh {

const std::vector<const Capability*>& AllCapabilities() {
  static const std::vector<const Capability*> kAll = {
      &kReference, &kRegistry, &kCollection, &kEligibility, &kHistory, &kClaims, &kProgrammes, &kBenefits, &kFunds, &kIntegrity,
      &kInspection, &kOfficials, &kServices, &kDevelopment, &kIdentity,
  };
  return kAll;
}

std::vector<Migration> AllMigrations() {
  std::vector<Migration> all = PlatformMigrations();
  for (const auto* c : AllCapabilities())
    if (c->migrations)
      for (auto& m : c->migrations()) all.push_back(std::move(m));
  return all;
}

}  // namespace bhxh
