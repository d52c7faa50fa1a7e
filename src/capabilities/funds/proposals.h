// Manual journal entries under four eyes (segregation of duties, 1712/QĐ-BHXH
// §II.2: where a decision moves money, the one who prepares it cannot
// approve it).
//
// Contract: a manual entry is first a proposal — validated like an entry
// (ValidateEntry) and stored with who prepared it; it reaches the journal
// only when another person approves it, in the same transaction as the
// approval; a rejection needs its reason. A reversal of a posted entry is a
// proposal too (`reverses` names the entry): its lines are the entry's with
// sides swapped, and approving it posts the reversal. Entries the engines post (dues,
// payments, payroll, settlement, investments) are computed from records
// already decided and post directly. Each step is an audit row; proposing
// takes an idempotency key.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "funds/journal.h"

namespace bhxh {

struct FundProposal {
  int64_t id = 0;
  std::string status;  // pending | posted | rejected
  EntryInput input;
  Vnd total = 0;
  std::string prepared_by, prepared_at, decided_by, decided_at, note;
  std::optional<int64_t> entry_id;
  std::optional<int64_t> reverses;  // a reversal of this entry
  std::string reason;               // why it is reversed
  bool replayed = false;
};

[[nodiscard]] Result<FundProposal> ProposeEntry(Db& db, const FundsCatalog& cat, const EntryInput& in, const Actor& by);
[[nodiscard]] Result<FundProposal> ProposeReversal(Db& db, const FundsCatalog& cat, int64_t entry_id, Date on,
                                                   const std::string& reason, const std::string& idempotency_key,
                                                   const Actor& by);
[[nodiscard]] Result<FundProposal> DecideProposal(Db& db, const FundsCatalog& cat, int64_t id, bool approve,
                                                  const std::string& note, const Actor& by);
[[nodiscard]] Result<std::vector<FundProposal>> ListProposals(Db& db, const std::string& status, int limit);

}  // namespace bhxh
