// Online public services (M9): the procedure catalogue and working-day
// calendar, dossiers handled the one-stop way with their slips, the
// procedures that change the record, satisfaction, feedback and the
// service indicators.
#pragma once

#include "platform/context.h"
#include "services/catalogue.h"

namespace bhxh {

class RouteTable;
class Shell;

extern const Capability kServices;
std::vector<Migration> ServicesMigrations();
void ServicesRoutes(RouteTable& t);
void ServicesCommands(Shell& sh);

class ServicesState : public CapabilityState {
 public:
  explicit ServicesState(ServicesData d) : data_(std::move(d)) {}
  const ServicesData& data() const { return data_; }

 private:
  ServicesData data_;
};

}  // namespace bhxh
