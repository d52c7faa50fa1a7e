// Post-audit of electronic transactions (hậu kiểm giao dịch điện tử;
// 249/QĐ-BHXH Appendix II §II.a.8; Decree 63/2024/NĐ-CP Art.4): a random
// sample of a period's transactions, stratified by kind, to re-check after
// the fact, with the result of each check.
//
// Contract:
//  - Strata: declaration (employer declarations received in the period),
//    claims_envelope (claim submissions received), benefit_payment (benefit
//    payments of the period's months). Each stratum draws
//    max(post_audit.min_per_stratum, ⌈N × post_audit.share.<kind>⌉), or all
//    N when fewer (dated parameters).
//  - Reproducible: the draw is a function of the label and the period only
//    (SHA-256 of them seeds the generator; candidates in id order, a partial
//    Fisher–Yates shuffle). The same label and period draw the same items;
//    a label is used once (a second request returns the first draw).
//  - The draw and every result are audit rows.
#pragma once

#include <string>
#include <vector>

#include "law/params.h"
#include "platform/access/actor.h"
#include "store/db.h"

namespace bhxh {

struct PostAuditItem {
  std::string kind, ref, summary;
  std::string result = "pending";  // pending | ok | discrepancy
  std::string note, checked_by, checked_at;
};

struct PostAuditStratum {
  std::string kind;
  int64_t population = 0;
  int drawn = 0;
  std::string share;  // the parameter's value, e.g. "2" (%)
};

struct PostAudit {
  int64_t id = 0;
  std::string label, from, to, seed, created_by, created_at;
  std::vector<PostAuditStratum> strata;
  std::vector<PostAuditItem> items;
  int pending = 0, ok = 0, discrepancies = 0;
  bool replayed = false;
};

[[nodiscard]] Result<PostAudit> DrawPostAudit(Db& db, const ParamTable& p, const std::string& label, const std::string& from,
                                              const std::string& to, const Actor& by);
[[nodiscard]] Result<PostAudit> LoadPostAudit(Db& db, int64_t id);
[[nodiscard]] Result<PostAudit> RecordPostAuditResult(Db& db, int64_t id, const std::string& kind, const std::string& ref,
                                                      const std::string& result, const std::string& note, const Actor& by);

}  // namespace bhxh
