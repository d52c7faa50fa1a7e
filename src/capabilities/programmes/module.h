// Programmes of the agency's decisions (M11, M12): a decision's text in,
// its tasks, indicators and reporting obligations out, then tracking,
// follow-up, reports and the strategy's indicators.
#pragma once

#include <memory>
#include <mutex>

#include "platform/context.h"
#include "programmes/indicator_values.h"
#include "programmes/units.h"

namespace bhxh {

class RouteTable;
class Shell;

// The unit registry (data/programmes/units.csv plus the names officers
// mapped; replaced whole when an alias is added, so an import in progress
// keeps the registry it started with) and the indicator measures.
class ProgrammesState : public CapabilityState {
 public:
  MeasureBook measures;
  std::shared_ptr<const UnitRegistry> units() const;
  void set_units(std::shared_ptr<const UnitRegistry> u);
  // Maps an unknown unit name to a unit: stored, applied to the stored tasks
  // that listed it, and to the registry in memory. Returns the tasks changed.
  Result<int> MapUnit(Db& db, const std::string& name, const std::string& unit_id, const Actor& actor);

 private:
  mutable std::mutex mu_;
  std::shared_ptr<const UnitRegistry> units_ = std::make_shared<UnitRegistry>();
};

extern const Capability kProgrammes;
std::vector<Migration> ProgrammesMigrations();
void ProgrammesRoutes(RouteTable& t);
void ProgrammesCommands(Shell& sh);

}  // namespace bhxh
