// HI eligibility (M2): the card check at the hospital, answered from an
// in-memory index of every person's card in force.
#pragma once

#include <mutex>

#include "eligibility/card_index.h"
#include "platform/context.h"
#include "platform/jsonio/json.h"

namespace bhxh {

class RouteTable;
class Shell;

// The card index, loaded on first use (serve loads it before listening) and
// kept current by the registry's "person.changed" events.
class EligibilityState : public CapabilityState {
 public:
  explicit EligibilityState(const LawBook& law) : cards_(law) {}
  // Loads the index from the store once; later calls return at once.
  Status EnsureLoaded(AppContext& ctx);
  // Reloads the whole index.
  Status Reload(AppContext& ctx);
  // Replaces the index with `records` (benchmarks, tests) and counts it loaded.
  void Replace(std::vector<CardRecord> records);
  CardIndex& cards() { return cards_; }

 private:
  std::mutex mu_;
  bool loaded_ = false;
  CardIndex cards_;
};

extern const Capability kEligibility;
void EligibilityRoutes(RouteTable& t);
void EligibilityCommands(Shell& sh);
Json ToJson(const EligibilityAnswer& a);

}  // namespace bhxh
