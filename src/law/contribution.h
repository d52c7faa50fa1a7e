// Contribution calculation: what each party owes per fund for one month.
//
// A RateCard compiles, once per (scheme, month, wage region), everything the
// law sets for that month: per fund the floor, the ceiling and the rate of
// each party, with the dated parameters that produced them. ApplyCard then
// costs one worker with integer arithmetic only, so the monthly collection
// run (millions of workers) and the calculator share exactly this code.
//
// Rules (shared/domain/si-rules.md §1): base = min(max(salary, floor), cap),
// where floor follows the scheme (regional minimum wage for employer-set
// pay, reference level for the state pay scale, rural poverty line for
// voluntary SI), SI and HI caps are cap_multiple × reference level and the
// UI cap is cap_multiple.ui × regional minimum (× reference level for the
// state pay scale). Schemes based on the reference level (household,
// student, state-funded HI) use it as the base; household HI scales it by
// the member's factor. Parameters in force on the month's first day apply.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/money.h"
#include "law/lawbook.h"

namespace bhxh {

using FundMask = uint8_t;  // bit i set: Fund(i) covered
constexpr FundMask kAllFunds = 0x1F;
FundMask FundBit(Fund f);
// Parses "retirement,sickness,..." or the short form "HT,OM,TN,BHTN,BHYT".
Result<FundMask> ParseFundMask(std::string_view text, const std::string& field);
std::string FundMaskString(FundMask m);

struct FundTerms {
  bool present = false;  // the scheme has a rate for this fund
  Vnd floor = 0;         // 0: no floor
  Vnd cap = 0;           // 0: no cap
  std::array<RateMicro, kPartyCount> rate{};
};

struct RateCard {
  std::string scheme;
  Month month;
  int region = 0;
  int household_member = 0;
  bool base_is_reference_level = false;
  Vnd reference_level = 0;
  Vnd reference_base = 0;  // reference level × household factor, when the base is the reference level
  std::string law;         // the SI law in force that month
  std::array<FundTerms, kFundCount> funds{};
  FundMask scheme_funds = 0;
  std::vector<LawParam> params;  // every parameter that went into the card
  std::vector<RateRow> rates;    // the rate rows in force
  std::string floor_rule, rule_vi;
};

// Builds the card. `region` (1-4) is required when the floor or a cap uses
// the regional minimum wage; `household_member` (1..) only for household HI.
Result<RateCard> BuildRateCard(const LawBook& law, const std::string& scheme, Month month, int region,
                               int household_member = 0);

struct FundLine {
  Fund fund{};
  bool covered = false;
  Vnd base = 0;
  bool floor_applied = false, cap_applied = false;
  std::array<Vnd, kPartyCount> amount{};
};

struct Breakdown {
  std::array<FundLine, kFundCount> lines{};
  std::array<Vnd, kPartyCount> party_total{};
  Vnd total = 0;
};

// Costs one participant. `salary` is ignored when the base is the reference
// level. Funds outside `mask` or without a rate in the scheme owe nothing.
Breakdown ApplyCard(const RateCard& card, Vnd salary, FundMask mask);

struct CalcRequest {
  Month month;
  Vnd salary = 0;
  int region = 0;
  std::string group;
  int household_member = 0;
  FundMask funds = kAllFunds;
};

struct CalcResult {
  CalcRequest request;
  GroupRule group;
  RateCard card;
  Breakdown breakdown;
};

// The calculator of issue #2 §8: validates the request (field-named errors)
// and costs it with the same card the collection run uses.
Result<CalcResult> CalculateContribution(const LawBook& law, const CalcRequest& req);

}  // namespace bhxh
