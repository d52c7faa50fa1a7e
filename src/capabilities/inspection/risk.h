// The risk ranking of employers for the annual contribution-inspection plan
// (Law 41/2024/QH15 Art.16–17; CV 3511/BHXH-TST; M10).
//
// Contract: every employer (of the given provinces, or all) gets a score of
// 0–100, the sum of its factors' points; each factor says its value, the
// parameters that turned it into points (weight, threshold, full — dated
// rows of data/inspection/parameters.csv) and a sentence in Vietnamese.
// points = weight × clamp((value − threshold) / (full − threshold), 0, 1).
// An employer owing `risk.mandatory_arrears_months` or more is flagged
// mandatory whatever its score (CV 3511: unannounced inspection).
//
// Inputs are loaded in bulk (employers, open periods at the as-of date,
// ledgers through the arrears report, declarations, sickness cases, tax
// workforce when loaded): no per-employer round trips.
#pragma once

#include <string>
#include <vector>

#include "geo/geo.h"
#include "law/lawbook.h"
#include "law/params.h"
#include "base/row_error.h"
#include "platform/access/actor.h"
#include "store/db.h"

namespace bhxh {

struct RiskFactor {
  std::string factor;  // arrears_months | evasion | salary_below_minimum | salary_below_peers | workforce_gap | late_declarations | sickness_above_peers
  double value = 0;
  double points = 0;
  double weight = 0, threshold = 0, full = 0;
  std::string explanation;  // Vietnamese
  std::string source;       // the law or document behind the factor
};

struct EmployerRisk {
  std::string code, name, tax_code, type, province;
  int region = 0;
  int workers = 0;
  double score = 0;
  bool mandatory = false;  // owes at least the mandatory months
  int months_owed = 0;
  int64_t balance = 0;
  std::vector<RiskFactor> factors;  // those with points > 0 first, all listed
};

struct RiskOptions {
  Date as_of;
  std::vector<std::string> provinces;  // empty: all
  int limit = 100;
  double min_score = 0;
};

struct RiskRanking {
  Date as_of;
  int employers = 0;           // ranked
  int mandatory = 0;           // flagged by months owed
  bool tax_data = false;       // a tax workforce year was loaded
  std::vector<EmployerRisk> top;  // by score (mandatory first on ties), up to limit
  std::vector<std::string> parameters;  // "key = value (source)" cited
};

[[nodiscard]] Result<RiskRanking> RankEmployers(Db& db, const LawBook& law, const Geo& geo, const ParamTable& params,
                                                const RiskOptions& opt);

// Tax authority workforce data (Law 41/2024 Art.17): CSV tax_code,year,employees[,wage_bill].
struct TaxImport {
  int rows = 0;
  std::vector<RowError> errors;  // every bad row; any error refuses the whole file
  std::vector<std::string> unknown_tax_codes;  // not an employer of the registry (kept: they may register later)
};
[[nodiscard]] Result<TaxImport> ImportTaxWorkforce(Db& db, const std::string& csv, const std::string& source,
                                                   const Actor& actor);

}  // namespace bhxh
