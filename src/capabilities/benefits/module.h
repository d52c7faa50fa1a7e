// Benefits (M6): the calculator of every regime of the 2014 and 2024 laws,
// cases decided from the national record (prepared by one officer,
// approved by another), the register of beneficiaries, the monthly payroll
// (cashless and cash), deaths from the population database, and the fraud
// and error checks run on every payroll.
#pragma once

#include "benefits/benefit_law.h"
#include "platform/context.h"

namespace bhxh {

class RouteTable;
class Shell;

class BenefitsState : public CapabilityState {
 public:
  explicit BenefitsState(BenefitLaw law) : law_(std::move(law)) {}
  const BenefitLaw& law() const { return law_; }

 private:
  const BenefitLaw law_;
};

extern const Capability kBenefits;
std::vector<Migration> BenefitsMigrations();
void BenefitsRoutes(RouteTable& t);
void BenefitsCommands(Shell& sh);

}  // namespace bhxh
