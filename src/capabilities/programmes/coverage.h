// Coverage counts behind the strategy indicators (249/QĐ-BHXH Appendix I,
// rows 1-3), counted over columns loaded in bulk rather than joined in SQL:
// three sequential reads (persons, HI cards valid that day, participation
// periods covering that month) fill one byte of flags per person, indexed
// by person id, and the counts are one pass over those bytes. About two
// bytes per person, so the national registry (100M) needs ~200 MB.
//
// A person counts when alive on the day (born by then, not deceased) and,
// for a province, resident there (the codes given, which include the old
// provinces merged into it).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/date.h"
#include "store/db.h"

namespace bhxh {

struct CoverageCounts {
  int64_t alive = 0;      // persons alive in the registry
  int64_t hi = 0;         // holding an active HI card valid on the day
  int64_t si = 0;         // in a period with the retirement fund covering the month
  int64_t ui = 0;         // ... with the unemployment fund
  int64_t voluntary = 0;  // SI without an employer (voluntary SI)
};

// `provinces`: residence codes to count (two digits each); empty: the whole country.
Result<CoverageCounts> CountCoverage(Db& db, Date day, const std::vector<std::string>& provinces);

}  // namespace bhxh
