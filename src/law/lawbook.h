// LawBook: the law's parameters as dated data.
//
// Loads data/law/*.csv (parameters, schemes, contribution rates, participant
// groups, HI benefit levels, the D02-LT change codes). Every value is keyed by the date it takes
// effect; "what is in force on D" is the latest row with effective_from <= D.
// Every lookup returns the row itself (value, law, source) so that computed
// amounts can cite the parameters that produced them. Immutable after Load,
// so it is shared freely between threads.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/money.h"
#include "base/status.h"
#include "law/params.h"

namespace bhxh {

enum class Fund { kRetirement = 0, kSickness, kAccident, kUnemployment, kHealth };
constexpr int kFundCount = 5;
enum class Party { kEmployer = 0, kEmployee, kState, kSiFund };
constexpr int kPartyCount = 4;

const char* FundCode(Fund f);      // "retirement", ...
const char* FundNameVi(Fund f);    // "Hưu trí - tử tuất", ...
const char* PartyCode(Party p);    // "employer", ...
const char* PartyNameVi(Party p);  // "Người sử dụng lao động", ...
Result<Fund> ParseFund(std::string_view code);
Result<Party> ParseParty(std::string_view code);

struct SchemeRule {
  std::string scheme;
  Date effective_from;
  std::string base;   // "salary" | "reference_level"
  std::string floor;  // "region_min_wage" | "reference_level" | "rural_poverty_line" | "none"
  std::string description_vi;
};

struct RateRow {
  Date effective_from;
  std::string scheme;
  Fund fund;
  Party party;
  RateMicro rate;
  std::string law, source;
};

struct GroupRule {
  std::string group;
  Date effective_from;
  std::string scheme;  // empty: contribution not computed here
  int hi_level = 0;    // 0: no HI card for this group
  std::string name_vi;
};

struct HiLevel {
  int level;
  Date effective_from;
  RateMicro percent;
  std::string description_vi;
};

// A change code of the D02-LT declaration (plan_codes.csv): what the code
// does to the worker's participation.
struct PlanCode {
  std::string code;
  Date effective_from;
  std::string action;  // join | leave | suspend | resume | salary
  std::string name_vi, law;
};

class LawBook {
 public:
  // Loads every file of `dir`; any malformed row fails the load with its
  // file and line. Requires the six files to exist.
  static Result<LawBook> Load(const std::string& dir);

  // The row of `key` in force on `d`, or not_found naming the key and date.
  Result<LawParam> Param(const std::string& key, Date d) const;
  // Param parsed as a whole-dong amount / percent (micro) / integer.
  Result<Vnd> Amount(const std::string& key, Date d) const;
  Result<RateMicro> Percent(const std::string& key, Date d) const;
  Result<int64_t> Integer(const std::string& key, Date d) const;
  // Every parameter key with its row in force on `d` (keys with no row yet
  // in force are left out).
  std::vector<LawParam> InForce(Date d) const;
  // Full history of one key, oldest first.
  std::vector<LawParam> History(const std::string& key) const;
  const ParamTable& params() const { return params_; }
  // A value published by an engine (the funds' realised investment yield)
  // over the typed one of the same key and date. Only while the process
  // loads, before the book is shared between threads.
  void Publish(LawParam p) { params_.Put(std::move(p)); }

  Result<SchemeRule> Scheme(const std::string& scheme, Date d) const;
  Result<GroupRule> Group(const std::string& group, Date d) const;
  Result<HiLevel> Level(int level, Date d) const;
  // The rates of `scheme` in force on `d`, one per (fund, party) that has
  // ever been set for the scheme (a rate of 0 is kept: it was set to 0).
  std::vector<RateRow> Rates(const std::string& scheme, Date d) const;
  std::vector<std::string> GroupCodes() const;
  // The D02-LT change code in force on `d`.
  Result<PlanCode> Plan(const std::string& code, Date d) const;

 private:
  ParamTable params_;
  std::map<std::string, std::vector<SchemeRule>> schemes_;  // sorted by date
  std::map<std::string, std::vector<GroupRule>> groups_;    // sorted by date
  std::map<int, std::vector<HiLevel>> levels_;              // sorted by date
  std::vector<RateRow> rates_;                              // sorted by date
  std::map<std::string, std::vector<PlanCode>> plans_;      // sorted by date
};

}  // namespace bhxh
