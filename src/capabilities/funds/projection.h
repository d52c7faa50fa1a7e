// The fund-balance model of the retirement and survivors fund: a cohort
// projection by single age (15-100) and sex, year by year, in the ILO-PENS /
// PROST family (si-rules.md §4.2-4.3).
//
// Contract:
//  - Inputs are a starting population (contributors and pensioners by age
//    and sex with their average wage, service and pension, and the reserve),
//    named assumptions (data/funds/assumptions.csv, each overridable and
//    range-checked), a mortality law (data/funds/mortality.csv) and the
//    benefit rules: the replacement rate of a new pension and the one-time
//    lump sum above the maximum rate are computed by the benefits
//    capability's own calculator (ComputeBenefit), and the retirement age by
//    Decree 135/2020's schedule (data/benefits/retirement_age.csv) — one copy
//    of each formula.
//  - Every projected year keeps its accounts: reserve(t) = reserve(t-1) +
//    revenue + investment income - expenditure, exactly (in doubles, VND).
//  - Year t runs from 1 January; contributions and benefits are paid through
//    the year on the population at its start; investment income is the
//    yield on the reserve at the start of the year (none on a deficit);
//    deaths, withdrawals and retirements happen at the end of the year, when
//    everyone ages by one year and new contributors enter.
//  - Deterministic: the same inputs give the same numbers; the stochastic
//    run draws wage growth, yield and the mortality level per year and path
//    from a seeded generator (path k uses seed + k), so it is reproducible
//    whatever the number of threads.
//  - Pure computation: no I/O. The starting population is built by
//    base.h (national file or database).
#pragma once

#include <array>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/cccd.h"
#include "base/status.h"
#include "benefits/benefit_law.h"
#include "law/lawbook.h"

namespace bhxh {

constexpr int kMinAge = 15, kMaxAge = 100, kAges = kMaxAge - kMinAge + 1;

// One named assumption (data/funds/assumptions.csv).
struct Assumption {
  std::string name;
  double value = 0;
  std::string unit;
  double min = 0, max = 0;
  std::string source, note;
  bool overridden = false;  // set by --set / the request
};

class Assumptions {
 public:
  static Result<Assumptions> LoadFile(const std::string& path);
  // "name=value": an unknown name, a value that is not a number, or one out
  // of its range is an error naming the assumption and the range.
  [[nodiscard]] Status Set(const std::string& name, const std::string& value);
  [[nodiscard]] Status SetNumber(const std::string& name, double value);
  double Get(const std::string& name) const;  // a name not in the file is a programming error: 0
  bool Has(const std::string& name) const { return index_.count(name) > 0; }
  bool Overridden(const std::string& name) const;
  const std::vector<Assumption>& all() const { return items_; }

 private:
  std::vector<Assumption> items_;
  std::map<std::string, size_t> index_;
};

// Gompertz-Makeham parameters of one sex.
struct MortalityLaw {
  double a = 0, b = 0, c = 1;
  std::string source, note;
  double Q(int age) const;  // one-year death probability at `age`
};
Result<std::array<MortalityLaw, 2>> LoadMortality(const std::string& path);

// Per sex (0 male, 1 female) and age index (age - kMinAge).
using AgeRow = std::array<double, kAges>;
struct SexAge {
  std::array<AgeRow, 2> v{};
  double Sum() const;
};

struct BasePopulation {
  int year = 0;           // the first projected year
  SexAge contributors;    // persons
  SexAge wage;            // average monthly contribution wage, VND
  SexAge service;         // average years of contributions
  SexAge pensioners;      // persons
  SexAge pension;         // average monthly pension, VND
  double reserve = 0;     // VND at 1 January of `year`
  std::string source;     // "national file ...", "database as of ..."
  std::vector<std::string> notes;
};

// The benefit rules the model applies, derived from the law data.
struct ModelRules {
  // Retirement age in months by sex for each projected year.
  std::function<int(int sex, int year)> retirement_age_months;
  int min_years = 15;  // years of contributions for a pension (latest law in the data)
  // Replacement rate (fraction) and lump sum (months of the average wage)
  // of a new pension by sex and whole years of contributions 0..60;
  // rate 0 = no pension (lump-sum exit instead).
  std::array<std::array<double, 61>, 2> rate{};
  std::array<std::array<double, 61>, 2> lump_months{};
  std::vector<std::string> cites;  // the laws and rows used
};

// Builds the rules by running the benefits calculator on standard careers
// (a pension decided on 31 December of `year`, average wage 10,000,000).
// `rules_year`: the year whose benefit law applies; `start`: the first projected year.
Result<ModelRules> DeriveRules(const BenefitLaw& bl, const LawBook& law, int rules_year, int start,
                               const std::optional<int>& age_male_months, const std::optional<int>& age_female_months,
                               int step_months);

struct YearResult {
  int year = 0;
  double contributors = 0, pensioners = 0, new_pensioners = 0, deaths = 0, withdrawals = 0, entrants = 0;
  double revenue = 0, expenditure = 0, pension_expenditure = 0, lump_sums = 0, survivor_benefits = 0,
         hi_contributions = 0;
  double investment_income = 0, reserve = 0;
  double wage_bill = 0;           // annual insurable wages (before density)
  double reserve_ratio = 0;       // reserve at end / expenditure of the year
  double dependency_ratio = 0;    // pensioners per 100 contributors
  double payg_cost_rate = 0;      // expenditure / wage bill, percent
  double average_wage = 0, average_pension = 0;
  double retirement_age_male = 0, retirement_age_female = 0;  // years (fractional)
  double coverage_index = 0;      // contributors target relative to the start
};

struct Projection {
  std::vector<YearResult> years;
  std::optional<int> deficit_year;    // first year contributions fall short of expenditure (as MOL15 and the ILO state it)
  std::optional<int> depletion_year;  // first year the reserve ends below zero
  double payg_cost_rate = 0;          // of the first year, percent
  double gap = 0;                     // general average premium over the horizon, percent of wages
  double start_reserve = 0;
};

// One deterministic run. `shocks` (per year: wage growth, yield, mortality
// multiplier deltas) is empty for the central run.
struct YearShock {
  double wage = 0, yield = 0, mortality = 1;
};
Projection Project(const BasePopulation& base, const Assumptions& a, const ModelRules& rules,
                   const std::array<MortalityLaw, 2>& mortality, const std::vector<YearShock>& shocks = {});

// Percentiles of the stochastic run.
struct StochasticResult {
  int paths = 0;
  std::vector<int> years;
  // reserve percentiles per year: p5, p25, p50, p75, p95
  std::vector<std::array<double, 5>> reserve;
  std::array<std::optional<int>, 5> depletion;  // p5..p95 of the depletion year (nullopt: after the horizon)
  double share_depleted = 0;                    // share of paths depleted within the horizon
  double seconds = 0;
};
StochasticResult ProjectStochastic(const BasePopulation& base, const Assumptions& a, const ModelRules& rules,
                                   const std::array<MortalityLaw, 2>& mortality, int threads);

}  // namespace bhxh
