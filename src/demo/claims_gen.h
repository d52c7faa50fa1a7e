// Demo claims for the demo province (issue #4 §6): facilities of several
// levels with drug and service catalogues, and for each of the last `days`
// days an XML 130 envelope per facility, built from real persons with
// their real cards (so expired cards, levels 1-5 and the 15% rule occur as
// they would), with a known share of injected defects (prices over the
// bid, overlapping stays, exam-fee rates, ...) and one district hospital
// whose costs jump on the last two days. Envelopes go through the real
// review (PrepareReview / CommitReview) and are written to `out_dir`
// when given, so they can be re-sent or inspected.
#pragma once

#include <string>

#include "claims/review.h"

namespace bhxh {

struct ClaimsGenOptions {
  uint64_t seed = 1;
  std::string province = "01";
  Date last_day;
  int days = 28;
  double volume = 1.0;  // scales visits per facility-day
  std::string out_dir;  // optional
};

struct ClaimsGenStats {
  int facilities = 0, envelopes = 0;
  int64_t encounters = 0, rejected_encounters = 0;
  std::string jump_facility;
};

// `deps.catalogue` is refreshed by the caller after this returns (the
// catalogues are written here first).
Result<ClaimsGenStats> GenerateClaims(Db& db, const ClaimSchema& schema, const LawBook& law, const CardIndex& cards,
                                      const ClaimsGenOptions& opt, const Actor& actor);

}  // namespace bhxh
