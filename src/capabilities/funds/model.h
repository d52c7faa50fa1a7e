// Running the fund-balance model for a shell: assumptions from the data
// with the caller's overrides, the starting population (national file or
// database), the benefit rules, the central run, and optionally the
// stochastic run and named scenarios side by side.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "benefits/benefit_law.h"
#include "funds/base.h"
#include "funds/journal.h"
#include "funds/projection.h"
#include "law/lawbook.h"
#include "platform/jsonio/json.h"

namespace bhxh {

struct FundsData;  // module.h

struct ProjectionRequest {
  std::string scenario;                   // data/funds/scenarios/NAME.csv ("" = central)
  std::string base = "national";          // national | db
  std::optional<Month> as_of;             // db: the month of the starting population
  std::vector<std::pair<std::string, std::string>> set;  // assumption overrides, in order
  bool stochastic = false;
  int threads = 2;
};

struct ProjectionRun {
  std::string scenario, title_vi;
  Assumptions assumptions;
  BasePopulation base;
  ModelRules rules;
  Projection central;
  std::optional<StochasticResult> stochastic;
  std::vector<std::string> notes;  // where defaults came from (law data), base notes
  double seconds = 0;
};

Result<ProjectionRun> RunProjection(Db* db, const FundsData& data, const BenefitLaw& bl, const LawBook& law,
                                    const ProjectionRequest& req);

// The central run and every scenario of data/funds/scenarios side by side
// (national base unless the scenario has its own): the years of first
// deficit and depletion, the first year's PAYG cost rate, the GAP and the
// reserve after 10, 25, 50 and 75 years.
Result<Json> CompareScenarios(const FundsData& data, const BenefitLaw& bl, const LawBook& law);

// The JSON of `bhxh funds project --json` and POST /funds/projection: the
// field names of issue #13 (years[].year, contributors, pensioners,
// revenue, expenditure, investment_income, reserve; deficit_year,
// depletion_year, payg_cost_rate, gap, assumptions) are a public contract.
Json ToJson(const ProjectionRun& r);

}  // namespace bhxh
