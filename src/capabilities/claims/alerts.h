// Daily alerts to facilities whose HI costs rise abnormally (88/QĐ-BHXH
// task 13.1). For one day and every facility, seven indicators — fund cost,
// visits, cost per visit, inpatient days, cost per inpatient day, share of
// high-cost services, drugs per visit — are compared with three baselines:
// the facility's same weekday over previous weeks, the same dates last
// year, and its peers (same level and province) that day. A rise is
// flagged by a transparent rule: robust z-score over the baseline
// (median, MAD) at or above a threshold, a minimum rise and a minimum
// volume (data/claims/alert_parameters.csv). Each alert explains itself.
//
// The engine streams the current claims of the window out of the store
// once, aggregating into facility×day cells in memory (no per-facility
// queries), so its cost is linear in the claims read.
#pragma once

#include <string>
#include <vector>

#include "base/date.h"
#include "claims/catalogue.h"
#include "store/db.h"

namespace bhxh {

struct AlertParams {
  double z_threshold = 3.5, min_rise_percent = 30;
  int min_visits = 20, own_weeks = 8, last_year_days = 3, min_peers = 5;
  static Result<AlertParams> Load(const std::string& path);
};

struct CostAlert {
  std::string facility, facility_name, province, level;
  Date day;
  std::string indicator;  // fund_cost, visits, cost_per_visit, inpatient_days, cost_per_inpatient_day,
                          // high_cost_share, drugs_per_visit
  std::string baseline;   // own_weeks | last_year | peers
  double value = 0, baseline_median = 0, z = 0, rise_percent = 0;
  int baseline_points = 0;
  std::string message_vi;
};

struct AlertRun {
  Date day;
  int facilities_checked = 0;
  int64_t claims_read = 0;
  std::vector<CostAlert> alerts;
};

// `province` filters the facilities alerted (empty = all).
Result<AlertRun> DailyAlerts(Db& db, const Catalogue& catalogue, const AlertParams& p, Date day,
                             const std::string& province = "");
std::string AlertsCsv(const AlertRun& run);
// The latest day with current claims, or `fallback` when there are none.
Result<Date> LatestClaimDay(Db& db, Date fallback);

}  // namespace bhxh
