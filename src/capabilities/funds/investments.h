// Investment of the funds: the portfolio, interest accrued by day, the
// maturity ladder, the annual plan checked against the structure the law
// permits, and the year's realised yield.
//
// Contract:
//  - An instrument is bought with a posting (Dr investments / Cr cash of its
//    fund) in the same transaction; its kind must be allowed on the purchase
//    date (data/funds/instruments.csv: Law 58/2014 Art.91, Law 41/2024
//    Art.121); the reference is unique and the purchase idempotent.
//  - Interest accrues by the actual number of days over the day count of
//    data/funds/parameters.csv (investment.day_count), from the purchase day
//    to the day before maturity; AccrueInterest(month) posts the month's
//    interest (Dr interest_receivable / Cr investment_income) and the
//    instruments that matured (Dr cash / Cr investments and the interest
//    receivable) through ReconcileSource, so it is idempotent.
//  - The realised yield of a year = interest accrued in the year / average
//    daily principal outstanding. Publishing it records the value of
//    `fund_investment_yield` in force from 1 January of the next year (the
//    2014 law's late-payment interest is twice the previous year's yield,
//    Art.122.3); the law book takes published values over the typed ones
//    when a process starts.
#pragma once

#include "funds/journal.h"
#include "funds/sources.h"
#include "law/params.h"

namespace bhxh {

struct InstrumentRule {
  std::string kind;
  Date allowed_from;
  std::optional<Date> allowed_until;
  std::optional<double> min_share, max_share;  // percent of the portfolio
  std::string name_vi, law, note;
};
Result<std::vector<InstrumentRule>> LoadInstruments(const std::string& path);

struct InvestmentInput {
  std::string fund, kind, issuer, reference, amount, rate, purchased_on, matures_on, idempotency_key;
};

struct Investment {
  int64_t id = 0;
  std::string fund, kind, issuer, reference;
  Vnd amount = 0;
  RateMicro rate = 0;  // a year, in millionths (1% = 10,000)
  Date purchased_on, matures_on;
  int64_t entry_id = 0;
  std::string created_at, created_by;
  bool replayed = false;
  // Interest accrued from purchase to the end of `through` (inclusive), capped at maturity.
  Vnd AccruedThrough(Date through, int day_count) const;
};

Result<Investment> AddInvestment(Db& db, const FundsCatalog& cat, const std::vector<InstrumentRule>& rules,
                                 const InvestmentInput& in, const Actor& actor);

struct LadderRow {
  int year = 0;
  Vnd amount = 0;
  int count = 0;
};
struct KindShare {
  std::string kind, name_vi;
  Vnd amount = 0;
  double share = 0;  // percent
  std::optional<double> max_share, min_share;
  bool allowed = true;
  std::string problem_vi;  // empty when within the rules
};
struct Portfolio {
  Date as_of;
  std::vector<Investment> items;  // outstanding on as_of
  std::vector<Vnd> accrued;       // per item, through as_of
  Vnd principal = 0, accrued_total = 0;
  std::vector<LadderRow> ladder;
  std::vector<KindShare> structure;
};
Result<Portfolio> LoadPortfolio(Db& db, const std::vector<InstrumentRule>& rules, const ParamTable& params, Date as_of);

Result<SourcePosting> AccrueInterest(Db& db, const FundsCatalog& cat, const ParamTable& params, Month month,
                                     const Actor& actor);

struct YieldResult {
  int year = 0;
  Vnd interest = 0;
  double average_principal = 0;
  double yield_percent = 0;
  std::string method_vi;
};
Result<YieldResult> RealisedYield(Db& db, const ParamTable& params, int year);

// Plans: one amount per kind per year; Check compares it with the rules and
// with the portfolio at the end of the year (or today).
struct PlanRow {
  std::string kind;
  Vnd amount = 0;
};
Status SavePlan(Db& db, int year, const std::vector<PlanRow>& rows, const std::vector<InstrumentRule>& rules,
                const Actor& actor);
struct PlanCheck {
  int year = 0;
  std::vector<KindShare> planned, realised;
  std::vector<std::string> problems_vi;
};
Result<PlanCheck> CheckPlan(Db& db, int year, const std::vector<InstrumentRule>& rules, const ParamTable& params);

// Publishing the yield of `year` as fund_investment_yield from 1/1 of year+1.
Result<YieldResult> PublishYield(Db& db, const ParamTable& params, int year, const Actor& actor);
// The published values, to overlay on the law book at load.
Result<std::vector<LawParam>> PublishedParameters(Db& db);

}  // namespace bhxh
