// Participant development (M4; 249/QĐ-BHXH Appendix II §II.a): finding the
// employers and the people not yet covered.
//
//   * Imports of the tax authority's wage data (per employer per year, and
//     optionally per worker) and of the business register, CSV or XLSX with
//     the headers the sources write; every row checked, nothing stored when
//     a row is wrong; the same file again is a replay (SHA-256), a corrected
//     file replaces the rows it names.
//   * A match run (match.h) stored with its parameters; its findings ranked by
//     the contributions at stake, by province and commune, exportable, each
//     with a follow-up status (open → contacted → registered | referred to
//     inspection | closed) kept per finding key across runs.
//   * Coverage by commune: working-age residents with no compulsory or
//     voluntary participation and no pension (potential voluntary
//     participants), people whose HI card has lapsed, the commune's targets
//     and the progress against them.
// Parameters (deadlines, tolerance, working age) are dated rows of
// data/development/parameters.csv; the rates are the law's.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/row_error.h"
#include "development/match.h"
#include "law/params.h"
#include "platform/access/actor.h"
#include "store/db.h"

namespace bhxh {

class LawBook;
class BenefitLaw;
class Geo;

struct DevelopmentData {
  ParamTable params;
  static Result<DevelopmentData> Load(const std::string& dir);
};

// --- imports ---------------------------------------------------------------

// kind: tax_employers | tax_workers | business_register | commune_targets.
// `year` is required for the tax files (the income year) and the targets.
struct DevImport {
  std::string kind;
  int year = 0;
  int64_t rows = 0;
  bool replayed = false;
  std::string sha256;
  std::vector<RowError> errors;
};
const std::vector<std::string>& DevImportKinds();
Result<DevImport> ImportDevelopmentFile(Db& db, const Geo& geo, const std::string& kind, std::string_view bytes,
                                        int year, const Actor& actor);

// --- the match -------------------------------------------------------------

struct MatchRun {
  int64_t id = 0;
  int year = 0;
  Date as_of;
  std::string ran_at, ran_by;
  int64_t findings = 0, unregistered = 0, under_declared = 0;
  Vnd at_stake = 0;
  std::vector<LawParam> cited;
  double seconds_load = 0, seconds_match = 0, seconds_store = 0;
};

// `helper`, when given, is a second connection to the same database: the
// tax workers are read on it in parallel (nullptr: one connection).
Result<MatchColumns> LoadMatchColumns(Db& db, Db* helper, int year, Date as_of);
Result<MatchParams> MatchParamsFor(const DevelopmentData& data, const LawBook& law, int year, Date as_of,
                                   std::vector<LawParam>* cited);
// Runs the match for the income `year` and stores its findings in place of
// the previous run's for that year.
Result<MatchRun> RunMatch(Db& db, Db* helper, const DevelopmentData& data, const LawBook& law, int year, Date as_of,
                          const Actor& actor);
Result<std::vector<MatchRun>> ListRuns(Db& db);

struct StoredFinding {
  int64_t id = 0, run_id = 0;
  int year = 0;
  std::string kind, tax_code, employer_code, name, province, commune, stage;
  int64_t tax_workers = 0, si_workers = 0, gap_people = 0;
  Vnd tax_wage = 0, si_wage = 0, gap_wage = 0, missing_income = 0, at_stake = 0;
  std::optional<int> days_past_deadline;
  bool new_business = false, estimated = false;
  std::string registered_on;
  std::string follow_up = "open", follow_up_note, follow_up_at, follow_up_by;
};
struct FindingPerson {
  std::string cccd, full_name;
  Vnd income = 0;
  bool known = false;  // in the national record (under another employer or none)
};
struct FindingFilter {
  int year = 0;  // 0: the latest run's year
  std::vector<std::string> provinces;  // scope: empty = national
  std::string province, commune, kind, follow_up;
  int64_t limit = 50, offset = 0;
};
struct FindingPage {
  std::optional<MatchRun> run;
  int64_t total = 0;
  Vnd total_at_stake = 0;
  std::vector<StoredFinding> items;
};
Result<FindingPage> ListFindings(Db& db, const FindingFilter& f);
Result<StoredFinding> GetFinding(Db& db, int64_t id);
Result<std::vector<FindingPerson>> FindingPeople(Db& db, int64_t id);

struct FollowUp {
  std::string status, note, at, by;
};
const std::vector<std::string>& FollowUpStatuses();
Result<StoredFinding> SetFollowUp(Db& db, int64_t finding_id, const std::string& status, const std::string& note,
                                  const Actor& actor);
Result<std::vector<FollowUp>> FollowUpHistory(Db& db, int64_t finding_id);

// The list as an Excel-ready CSV (BOM, Vietnamese headers).
std::string FindingsCsv(const std::vector<StoredFinding>& items);

// --- coverage by commune -----------------------------------------------------

struct CommuneCoverage {
  std::string province, commune;
  int64_t residents = 0, working_age = 0, compulsory = 0, voluntary = 0, pensioners = 0;
  int64_t potential_voluntary = 0, hi_valid = 0, hi_lapsed = 0;
  std::optional<int64_t> voluntary_target, hi_target;
  std::optional<double> voluntary_progress, hi_progress;  // percent of the target
};
struct PotentialPerson {
  std::string cccd, full_name, dob, sex, province, commune, reason;  // reason: voluntary | hi_lapsed
  std::string hi_valid_to;  // the lapsed card's last day
};
struct CoverageQuery {
  Date as_of;
  std::vector<std::string> provinces;  // scope
  std::string province, commune;
};
Result<std::vector<CommuneCoverage>> Coverage(Db& db, const DevelopmentData& data, const LawBook& law,
                                              const BenefitLaw& blaw, const CoverageQuery& q,
                                              std::vector<LawParam>* cited);
// People of one commune: reason "voluntary" (potential voluntary
// participants) or "hi_lapsed".
Result<std::vector<PotentialPerson>> PotentialPeople(Db& db, const DevelopmentData& data, const LawBook& law,
                                                     const BenefitLaw& blaw, const CoverageQuery& q,
                                                     const std::string& reason);

}  // namespace bhxh
