// Inspection records (M10): an inspection of one employer, its findings
// with the amounts to recover and the fine of Decree 12/2022/NĐ-CP Art.39
// (ranges as dated data), the conclusion under four eyes, and the
// follow-up of what was recovered.
//
// Contract:
//  - The fine of a finding is computed, never typed: the clause's range for
//    an individual (a share of the total due with a cap, or fixed amounts),
//    times `fine.org_multiplier` for an organisation (Art.6.1); the amount
//    proposed is the middle of the range (Law 15/2012/QH13 Art.23.4), the
//    minimum with mitigating and the maximum with aggravating circumstances.
//  - Segregation of duties: whoever recorded a finding of an inspection
//    cannot conclude it (the conclusion fixes the money to recover).
//  - Every write is one transaction with its audit row; opening takes an
//    idempotency key.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/money.h"
#include "law/params.h"
#include "platform/access/actor.h"
#include "store/db.h"

namespace bhxh {

struct FineRange {
  std::string clause;  // "39.5"
  Vnd min = 0, max = 0, proposed = 0;
  std::string circumstance;          // none | mitigating | aggravating
  std::vector<std::string> basis;    // "fine.39_5.pct_min = 12 (Decree 12/2022/NĐ-CP Art.39.5)", ...
  std::string explanation;           // Vietnamese
};
[[nodiscard]] Result<FineRange> ComputeFine(const ParamTable& p, const std::string& clause, Vnd total_due,
                                            bool organisation, const std::string& circumstance, Date on);

struct InspectionFinding {
  int64_t id = 0;
  std::string clause, description;
  Vnd total_due = 0;  // the amount the finding says is due (to recover)
  int workers = 0;
  FineRange fine;
  Vnd recovered = 0;
  std::string recorded_by, recorded_at;
};

struct Inspection {
  int64_t id = 0;
  std::string employer_code, employer_name, province;
  std::string decision_no, decided_on, kind;  // planned | unannounced
  double risk_score = 0;
  std::string status;  // open | concluded | recovered
  std::string opened_by, opened_at, concluded_by, concluded_on;
  std::vector<InspectionFinding> findings;
  Vnd to_recover = 0, fines = 0, recovered = 0, outstanding = 0;
  bool replayed = false;
};

struct InspectionOpenInput {
  std::string employer_code, decision_no, decided_on, kind = "planned", idempotency_key;
  double risk_score = 0;
};
[[nodiscard]] Result<Inspection> OpenInspection(Db& db, const InspectionOpenInput& in, const Actor& by);

struct InspectionFindingInput {
  std::string clause, description, circumstance = "none";
  Vnd total_due = 0;
  int workers = 0;
};
[[nodiscard]] Result<Inspection> RecordFinding(Db& db, const ParamTable& p, int64_t inspection_id, const InspectionFindingInput& in,
                                               const Actor& by);
[[nodiscard]] Result<Inspection> ConcludeInspection(Db& db, int64_t inspection_id, const std::string& concluded_on,
                                                    const Actor& by);
[[nodiscard]] Result<Inspection> RecordRecovery(Db& db, int64_t inspection_id, int64_t finding_id, Vnd amount,
                                                const std::string& paid_on, const std::string& reference, const Actor& by);
[[nodiscard]] Result<Inspection> LoadInspection(Db& db, int64_t id);
// Newest first; `status` and `provinces` filter when not empty.
[[nodiscard]] Result<std::vector<Inspection>> ListInspections(Db& db, const std::string& status,
                                                              const std::vector<std::string>& provinces, int limit);
// The province of an inspection's employer (for scope checks).
[[nodiscard]] Result<std::string> InspectionProvince(Db& db, int64_t id);

}  // namespace bhxh
