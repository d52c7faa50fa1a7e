// JSON of the funds capability: entries, statements, the portfolio, the
// projection request, forecasts and estimates, with their schemas (the
// public contract of /api/v1/funds/...).
#pragma once

#include "funds/forecast.h"
#include "funds/investments.h"
#include "funds/journal.h"
#include "funds/model.h"
#include "funds/sources.h"
#include "funds/stats.h"
#include "platform/jsonio/schema.h"

namespace bhxh {

namespace schemas {
Schema FundEntryInput();
Schema FundEntry();
Schema FundStatement();
Schema TrialBalance();
Schema SourcesResult();
Schema InvestmentInput();
Schema Investment();
Schema Portfolio();
Schema YieldResult();
Schema PlanInput();
Schema PlanCheck();
Schema ProjectionInput();
Schema Projection();
Schema ShortForecast();
Schema MediumForecast();
Schema Estimates();
Schema Statistics();
}  // namespace schemas

Result<EntryInput> EntryInputFromJson(const Json& j);
Json ToJson(const Entry& e);
Json ToJson(const FundStatement& s);
Json ToJson(const TrialBalance& t);
Json ToJson(const SourcesResult& r);
Json ToJson(const SourcePosting& p);
Json ToJson(const Investment& v, Vnd accrued);
Json ToJson(const Portfolio& p);
Json ToJson(const YieldResult& y);
Json ToJson(const PlanCheck& c);
Json ToJson(const ShortForecast& f);
Json ToJson(const std::vector<MediumForecast>& m);
Json ToJson(const Estimates& e);
Json ToJson(const YearStatistics& s);

}  // namespace bhxh
