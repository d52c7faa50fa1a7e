// Electronic identity: a citizen's account tied to their CCCD (enrolment
// against the record with a code sent to their phone) and the hand-off
// from an identity provider (VNeID) — identity.h has the rules.
#pragma once

#include "identity/identity.h"
#include "platform/context.h"

namespace bhxh {

class RouteTable;
class Shell;

extern const Capability kIdentity;
std::vector<Migration> IdentityMigrations();
void IdentityRoutes(RouteTable& t);
void IdentityCommands(Shell& sh);

class IdentityState : public CapabilityState {
 public:
  explicit IdentityState(std::vector<IdentityProvider> p) : providers_(std::move(p)) {}
  const std::vector<IdentityProvider>& providers() const { return providers_; }

 private:
  std::vector<IdentityProvider> providers_;
};

}  // namespace bhxh
