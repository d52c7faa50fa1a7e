// Inspection and post-audit (M10; Law 41/2024/QH15 Art.16–17; Decree
// 12/2022/NĐ-CP Art.39; 249/QĐ-BHXH Appendix II §II.a.8): the risk ranking
// of employers for the annual plan, inspection records with findings, fines
// and recovery, the tax authority's workforce data, and the post-audit of
// electronic transactions.
#pragma once

#include "law/params.h"
#include "platform/context.h"

namespace bhxh {

class RouteTable;
class Shell;

extern const Capability kInspection;
std::vector<Migration> InspectionMigrations();
void InspectionRoutes(RouteTable& t);
void InspectionCommands(Shell& sh);

class InspectionState : public CapabilityState {
 public:
  explicit InspectionState(ParamTable p) : params_(std::move(p)) {}
  const ParamTable& params() const { return params_; }

 private:
  ParamTable params_;
};

}  // namespace bhxh
