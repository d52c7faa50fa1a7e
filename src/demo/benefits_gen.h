// Demo beneficiaries for the demo province: pension cases decided from the
// generated record plus a paper-book career before it (some on the State
// pay scale), approved by a second officer; survivors' and unemployment
// benefits; open cases at each step (prepared, rejected); the payroll of
// the last collected month; and planted problems for the checks: deaths
// known to the population database but not yet notified (a CSV the officer
// can load with `bhxh benefits deaths`), an unemployment beneficiary back
// at work, and one bank account receiving for unrelated people. The demo
// communes get an urban/rural type (made up, like the communes themselves).
#pragma once

#include <string>

#include "benefits/benefit_law.h"
#include "geo/geo.h"
#include "law/lawbook.h"
#include "platform/access/actor.h"
#include "store/db.h"

namespace bhxh {

struct BenefitsGenStats {
  int pensioners = 0, other_monthly = 0, open_cases = 0, deaths_pending = 0;
  std::string deaths_csv;  // cccd,death_date of the deaths not yet notified
};

Result<BenefitsGenStats> GenerateBenefits(Db& db, const Geo& geo, const LawBook& law, const BenefitLaw& bl,
                                          const std::string& province, Month last_month, uint64_t seed,
                                          const Actor& preparer, const Actor& approver);

}  // namespace bhxh
