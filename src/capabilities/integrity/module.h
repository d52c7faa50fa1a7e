// Integrity and control (M13, 1712/QĐ-BHXH; Decree 13/2023/NĐ-CP): the
// tamper-evident audit trail seen from outside — verify the chain, seal its
// head each day with a key kept apart from the database, export it for the
// inspectors and verify an export away from the system.
//
// The chain itself is the platform's (platform/audit/chain.h): every
// capability writes through WriteAudit and knows nothing of this folder.
#pragma once

#include <string>

#include "platform/context.h"

namespace bhxh {

class RouteTable;
class Shell;

extern const Capability kIntegrity;
void IntegrityRoutes(RouteTable& t);
void IntegrityCommands(Shell& sh);

// Where this process finds its signing key (SealKey::DefaultPath of its
// database, or $BHXH_AUDIT_KEY).
class IntegrityState : public CapabilityState {
 public:
  explicit IntegrityState(std::string key_path) : key_path_(std::move(key_path)) {}
  const std::string& key_path() const { return key_path_; }

 private:
  std::string key_path_;
};

}  // namespace bhxh
