// The card check's answers that the in-memory index cannot give alone
// (hi-claims.md §4), asked of the record and of dated data only when the
// index has no good answer, so the valid-card path stays in memory:
//   001/002 a card of a group managed by the Defence or the Police social
//           insurance (data/eligibility/managed_elsewhere.csv): its holders
//           are not in this database, so "no data" would mislead;
//   003/004 a superseded card of a person who has a newer one: the old one
//           has expired (003: valid as the new card is on the date) or is
//           still within its dates (004: valid); the answer carries the
//           new card;
//   130     a child under the age of the law parameter hi_child_age_years
//           (6; Law on HI Art. 12) found in the record without a card:
//           insured by the state budget, treated on the birth certificate
//           or CCCD at the children's level (group TE).
// Everything else is the index's own answer (card_index.h).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "eligibility/card_index.h"
#include "law/lawbook.h"
#include "store/db.h"

namespace bhxh {

struct ManagedElsewhere {
  std::string group;
  Date effective_from;
  std::string code;  // the portal's answer: "001" or "002"
  std::string managed_by;
};

Result<std::vector<ManagedElsewhere>> LoadManagedElsewhere(const std::string& csv_path);

// `open_db` is called only when the record must be read (an unusual
// answer), so the common check needs no connection.
Result<EligibilityAnswer> CheckCard(const CardIndex& cards, const LawBook& law, const std::vector<ManagedElsewhere>& elsewhere,
                                    const std::function<Result<Db*>()>& open_db, const EligibilityQuery& q);

}  // namespace bhxh
