// Participant development (M4): the tax and business-register imports, the
// cross-match with its ranked findings and follow-ups, and coverage by
// commune with its targets.
#pragma once

#include "development/development.h"
#include "platform/context.h"

namespace bhxh {

class RouteTable;
class Shell;

extern const Capability kDevelopment;
std::vector<Migration> DevelopmentMigrations();
void DevelopmentRoutes(RouteTable& t);
void DevelopmentCommands(Shell& sh);

class DevelopmentState : public CapabilityState {
 public:
  explicit DevelopmentState(DevelopmentData d) : data_(std::move(d)) {}
  const DevelopmentData& data() const { return data_; }

 private:
  DevelopmentData data_;
};

}  // namespace bhxh
