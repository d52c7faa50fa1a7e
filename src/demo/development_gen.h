// Demo participant-development data, written through the same imports an
// officer uses: the tax authority's year of wage data for the demo
// province's employers (most matching the record, a few with workers or
// wages the record lacks), two businesses that pay wages but never
// registered, newly registered businesses past and within the registration
// deadline, the communes' targets — then a match run and one follow-up, so
// the console's lists have something real to show.
#pragma once

#include "development/development.h"
#include "geo/geo.h"
#include "law/lawbook.h"

namespace bhxh {

struct DevelopmentGenStats {
  int year = 0;
  int64_t tax_employers = 0, tax_workers = 0, findings = 0;
  Vnd at_stake = 0;
};

Result<DevelopmentGenStats> GenerateDevelopment(Db& db, const Geo& geo, const LawBook& law, const DevelopmentData& data,
                                                const std::string& province, Date today, const Actor& officer);

}  // namespace bhxh
