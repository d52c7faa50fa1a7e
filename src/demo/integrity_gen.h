// Demo integrity and inspection data: the province office's officials in
// their posts (some with annual declarations, some overdue, some due to
// rotate), a few complaints at different steps, the tax authority's
// workforce for a few employers, an inspection of the employer ranked
// riskiest with a finding recorded by one officer (for another to
// conclude), and the audit chain sealed with the key kept next to the
// database.
#pragma once

#include "inspection/module.h"
#include "officials/module.h"
#include "platform/access/actor.h"
#include "store/db.h"

namespace bhxh {

struct IntegrityGenStats {
  int officials = 0, declarations = 0, complaints = 0, inspections = 0;
  std::string top_employer;
};

Result<IntegrityGenStats> GenerateIntegrity(Db& db, const LawBook& law, const Geo& geo, const OfficialsData& officials,
                                            const ParamTable& inspection, const std::string& province, Date today,
                                            const Actor& personnel, const Actor& inspector);

}  // namespace bhxh
