// HI eligibility (M2): the card check at the hospital, answered from an
// in-memory index of every person's card in force.
#pragma once

#include <mutex>

#include "eligibility/card_index.h"
#include "eligibility/record_check.h"
#include "platform/context.h"
#include "platform/jsonio/json.h"

namespace bhxh {

class RouteTable;
class Shell;

// The card index, loaded on first use (serve loads it before listening) and
// kept current by the registry's "person.changed" events.
class EligibilityState : public CapabilityState {
 public:
  EligibilityState(const LawBook& law, std::vector<ManagedElsewhere> elsewhere)
      : law_(law), elsewhere_(std::move(elsewhere)), cards_(law) {}
  // Loads the index from the store once; later calls return at once.
  Status EnsureLoaded(AppContext& ctx);
  // Reloads the whole index.
  Status Reload(AppContext& ctx);
  // Replaces the index with `records` (benchmarks, tests) and counts it loaded.
  void Replace(std::vector<CardRecord> records);
  CardIndex& cards() { return cards_; }
  // The full answer (record_check.h): the index, and the record only when
  // the index cannot answer alone (a connection is leased from the pool
  // then, unless `db` is given).
  Result<EligibilityAnswer> Check(AppContext& ctx, const EligibilityQuery& q, Db* db = nullptr);

 private:
  const LawBook& law_;
  std::vector<ManagedElsewhere> elsewhere_;
  std::mutex mu_;
  bool loaded_ = false;
  CardIndex cards_;
};

extern const Capability kEligibility;
void EligibilityRoutes(RouteTable& t);
void EligibilityCommands(Shell& sh);
Json ToJson(const EligibilityAnswer& a);

}  // namespace bhxh
