// Funds (M8, M15): the double-entry journal of every fund posted from the
// engines that move money, investment of the reserves, the fund-balance
// model with its long-term projection (deterministic and stochastic), the
// short- and medium-term forecasts and the annual estimates.
#pragma once

#include <array>
#include <optional>

#include "funds/journal.h"
#include "funds/investments.h"
#include "funds/projection.h"
#include "law/params.h"
#include "platform/context.h"

namespace bhxh {

class RouteTable;
class Shell;

// The funds' data (data/funds/), immutable after load.
// A named scenario (data/funds/scenarios/NAME.csv): a title, optionally its
// own starting population, and assumption overrides with their sources.
struct Scenario {
  std::string name, title_vi;
  std::optional<BasePopulation> base;
  std::vector<std::pair<std::string, std::string>> set;
};

struct FundsData {
  std::vector<Scenario> scenarios;
  const Scenario* FindScenario(const std::string& name) const;
  FundsCatalog catalog;
  ParamTable params;
  std::vector<InstrumentRule> instruments;
  Assumptions assumptions;
  std::array<MortalityLaw, 2> mortality;
  BasePopulation national_base;
  static Result<FundsData> Load(const std::string& dir);
};

class FundsState : public CapabilityState {
 public:
  explicit FundsState(FundsData d) : data_(std::move(d)) {}
  const FundsData& data() const { return data_; }

 private:
  const FundsData data_;
};

extern const Capability kFunds;
std::vector<Migration> FundsMigrations();
void FundsRoutes(RouteTable& t);
void FundsCommands(Shell& sh);

}  // namespace bhxh
