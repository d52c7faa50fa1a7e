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
//
// Cut-off counts (số liệu chốt): counting reads every person, card and
// period — 8.5 s at 10M persons on PostgreSQL, so about 85 s nationally.
// SnapshotCoverage counts a day once for every residence code in one pass
// and keeps the figures (coverage_snapshots; run it at night, or for
// 31/12 once the year is closed); CountCoverage then answers from them in
// milliseconds and says so (`cut_off`: when they were counted). Without a
// snapshot for the day it counts as before.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/date.h"
#include "platform/access/actor.h"
#include "store/db.h"

namespace bhxh {

struct CoverageCounts {
  int64_t alive = 0;      // persons alive in the registry
  int64_t hi = 0;         // holding an active HI card valid on the day
  int64_t si = 0;         // in a period with the retirement fund covering the month
  int64_t ui = 0;         // ... with the unemployment fund
  int64_t voluntary = 0;  // SI without an employer (voluntary SI)
  std::string cut_off;    // from a snapshot: when it was counted (UTC); empty: counted now
};

struct CoverageSnapshot {
  Date day;
  int provinces = 0;        // residence codes with at least one person
  CoverageCounts country;   // the sum
  double seconds = 0;
};

// `provinces`: residence codes to count (two digits each); empty: the whole country.
Result<CoverageCounts> CountCoverage(Db& db, Date day, const std::vector<std::string>& provinces);

// Counts `day` for every residence code in one pass and replaces that day's
// snapshot (one transaction, audited).
[[nodiscard]] Result<CoverageSnapshot> SnapshotCoverage(Db& db, Date day, const Actor& actor);

}  // namespace bhxh
