// Officials' integrity (M13): asset and income declarations with the yearly
// verification draw, job rotation, complaints and denunciations.
#pragma once

#include "officials/officials.h"
#include "platform/context.h"

namespace bhxh {

class RouteTable;
class Shell;

extern const Capability kOfficials;
std::vector<Migration> OfficialsMigrations();
void OfficialsRoutes(RouteTable& t);
void OfficialsCommands(Shell& sh);

class OfficialsState : public CapabilityState {
 public:
  explicit OfficialsState(OfficialsData d) : data_(std::move(d)) {}
  const OfficialsData& data() const { return data_; }

 private:
  OfficialsData data_;
};

}  // namespace bhxh
