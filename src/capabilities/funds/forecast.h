// Short- and medium-term forecasts of every fund and the annual revenue
// and expenditure estimates (dự toán thu, chi), from the fund journal.
//
// Contract:
//  - Monthly series come from the journal: revenue = revenue accounts,
//    expenditure = expense accounts, per fund (and province for estimates).
//  - Short term (12 months, any fund; the HI and sickness funds are the ones
//    with seasons): with 24 months of history, the same month a year before
//    times the growth of the last 12 months over the 12 before; with 12 to
//    23, the same month a year before times the assumed nominal wage growth;
//    with fewer, the average month. The method is stated with the numbers.
//  - Medium term (5 years, every fund): the last 12 months, grown each year
//    by nominal wages and the labour force (assumptions), except the
//    retirement fund's expenditure, which follows the fund-balance model's
//    own path (year k / year 0 of the central projection).
//  - Estimates for a year: the 12 months before `as_of` per province, fund
//    and kind, grown as above, plus the organisation and operation cost of
//    41/2024/QH15 Art.120 (dated shares in data/funds/parameters.csv);
//    stored as a version (never overwritten), and compared later with the
//    year's actual journal.
#pragma once

#include "funds/journal.h"
#include "funds/projection.h"
#include "law/params.h"

namespace bhxh {

struct SeriesPoint {
  Month month;
  Vnd revenue = 0, expenditure = 0;
};
// Monthly revenue and expenditure of `fund` ("" = all) from `from` to `to`.
Result<std::vector<SeriesPoint>> FundSeries(Db& db, const FundsCatalog& cat, const std::string& fund, Month from,
                                            Month to);

struct MonthForecast {
  Month month;
  double revenue = 0, expenditure = 0;
};
struct ShortForecast {
  std::string fund;
  std::vector<SeriesPoint> history;
  std::vector<MonthForecast> months;
  std::string method_vi;
};
Result<ShortForecast> ForecastShort(Db& db, const FundsCatalog& cat, const Assumptions& a, const std::string& fund,
                                    Month last_actual);

struct YearForecast {
  int year = 0;
  double revenue = 0, expenditure = 0, balance = 0;  // balance: revenue − expenditure of the year
};
struct MediumForecast {
  std::string fund, fund_name_vi;
  double base_revenue = 0, base_expenditure = 0;
  std::vector<YearForecast> years;
  std::string method_vi;
};
// `model` is the central projection (for the retirement fund's expenditure path).
Result<std::vector<MediumForecast>> ForecastMedium(Db& db, const FundsCatalog& cat, const Assumptions& a,
                                                   const Projection& model, Month last_actual);

struct EstimateRow {
  std::string province, fund, kind;  // kind: revenue | expenditure | management_cost (national)
  Vnd base = 0, amount = 0;
  Vnd actual = 0;      // filled by CompareEstimates
  double done = 0;     // actual / amount, percent
};
struct Estimates {
  int year = 0, version = 0;
  Month base_from, base_to;
  double growth = 0;  // percent applied to the base
  std::string method_vi, created_at, created_by;
  std::vector<EstimateRow> rows;
};
Result<Estimates> MakeEstimates(Db& db, const FundsCatalog& cat, const ParamTable& params, const Assumptions& a,
                                int year, Month as_of, const Actor& actor);
// The latest version for `year`, with the actual journal of the year beside it.
Result<Estimates> CompareEstimates(Db& db, const FundsCatalog& cat, int year);

}  // namespace bhxh
