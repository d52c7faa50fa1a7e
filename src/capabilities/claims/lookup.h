// Looking up what was submitted: a facility's submissions (newest first,
// with their totals), one submission as its encounters were reviewed
// (findings and every line's approved and rejected amounts), and every
// version of one encounter (MA_LK) with the one in force.
#pragma once

#include <string>
#include <vector>

#include "claims/review.h"
#include "store/db.h"

namespace bhxh {

struct SubmissionSummary {
  std::string txn, facility, received_at, created_by;
  int64_t encounters = 0;
  int64_t claimed = 0, approved = 0, rejected = 0;  // thousandths of a dong
};

struct SubmissionPage {
  std::vector<SubmissionSummary> items;
  int64_t total = 0;
};

// `facilities` empty: every facility.
Result<SubmissionPage> ListSubmissions(Db& db, const std::vector<std::string>& facilities, const std::string& from_day,
                                       const std::string& to_day, int limit, int64_t offset);
// The submission's review as stored (not_found for an unknown txn).
Result<ReviewResult> LoadSubmission(Db& db, const std::string& txn);
// The facility that made a submission (for the scope check).
Result<std::string> SubmissionFacility(Db& db, const std::string& txn);

struct ClaimVersion {
  int version = 0;
  bool current = false;
  std::string txn, received_at, day;
  int64_t claimed = 0, approved = 0, rejected = 0;
  ReviewedEncounter review;
};
Result<std::vector<ClaimVersion>> ClaimVersions(Db& db, const std::string& facility, const std::string& ma_lk);

}  // namespace bhxh
