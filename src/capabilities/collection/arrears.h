// Arrears reports (M3, M14): every employer's ledger as of a date, loaded in
// bulk (three queries, no per-employer round trips), aggregated by province
// (as recorded, or mapped to today's 34 units), employer type and status;
// and the cooperative statistics of 2422/QĐ-BHXH §II.2: cooperatives owing
// 1+ and 3+ months among those active, suspended, and dissolved/bankrupt,
// with the amount and months owed per worker for the last group.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "collection/ledger.h"
#include "geo/geo.h"

namespace bhxh {

struct ArrearsBucket {
  int employers = 0;    // employers in the bucket
  int owing = 0;        // with at least one month owed
  int owing_1plus = 0;  // 1+ month owed (same as owing; kept for the 2422 form)
  int owing_3plus = 0;  // 3 or more months owed
  int late = 0, evasion = 0;
  Vnd owed = 0, interest = 0;
  int workers_owed = 0;  // workers of the oldest unpaid month, summed
};

struct WorkerDebt {
  std::string employer_code, employer_name, status, cccd, full_name;
  int months_owed = 0;
  Vnd amount_owed = 0;
};

struct EmployerArrears {
  std::string code, name, type, province, status;
  Ledger ledger;
};

struct ArrearsReport {
  Date as_of;
  bool current_units = false;
  std::map<std::string, ArrearsBucket> by_province, by_type, by_status;
  // Employers owing, by how many months they owe: "1-2", "3-5", "6-11", "12+".
  std::map<std::string, ArrearsBucket> by_age;
  ArrearsBucket total;
  // 2422 §II.2: cooperatives by status group: active, suspended, dissolved_bankrupt.
  std::map<std::string, ArrearsBucket> cooperatives;
  std::vector<WorkerDebt> cooperative_workers;  // dissolved or bankrupt cooperatives
  std::vector<EmployerArrears> top;             // largest balances, up to `top_n`
};

struct ArrearsOptions {
  Date as_of;
  bool current_units = true;        // map old province codes to today's units
  std::string province;             // filter (after mapping); empty = all
  std::vector<std::string> within;  // only employers recorded in these codes (a provincial officer's); empty = all
  int top_n = 20;
};

// The age band of a debt of `months_owed` months (at least 1).
std::string AgeBand(int months_owed);

Result<ArrearsReport> BuildArrearsReport(Db& db, const LawBook& law, const Geo& geo, const ArrearsOptions& opt);

}  // namespace bhxh
