// Strategy indicators over time (issue #3 §6, M11): values per year and
// province, entered by the reporting unit or computed from the national
// database, and each indicator's path to its targets.
//
// Computed values (data/programmes/indicator_measures.csv says which
// indicator is which measure), at 31 December of the year or today for the
// current year, for one province (residence) or the whole country:
//   hi_population_share   persons holding an active HI card valid that day
//                         / population (entered; else persons alive in
//                         the registry, and the method says so); a province
//                         counts the residents of the provinces merged into it
//   si_labour_share       persons with an SI period (retirement fund)
//                         covering that month / labour force (entered)
//   ui_labour_share       the same with the unemployment fund
//   voluntary_si_share    SI periods without an employer / labour force
//   other measures        computed by the capability that holds the data,
//                         registered on the MeasureBook as a provider
//                         (benefits: pension_share, urban_cashless_share);
//                         without one, refused with a message to enter it
// The method text of a computed value names the numerator, denominator
// and date, so a reader can check it.
//
// Path and status: the first value recorded is the baseline; the expected
// value of a later year lies on the straight line from the baseline to the
// next target year (then from target to target). The latest value is
// "achieved" at or beyond the last target; "no_baseline" while the latest
// value is the first one (there is no earlier point to draw the line from,
// so a value far below its target is not called on track); "on_track" at or
// above the line,
// "behind" below it; "no_data" without values. Text targets ("Hoàn thành")
// are achieved when the value says the same.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "geo/geo.h"
#include "programmes/store.h"

namespace bhxh {

struct MeasureRule {
  std::vector<std::string> all_of, none_of;
  std::string measure, denominator;
};

// What a provider counts at a date, for the provinces given (empty: the
// country). A provider that has its own denominator sets it; otherwise the
// rule's entered denominator is used.
struct MeasureCount {
  int64_t numerator = 0;
  std::string numerator_vi;
  std::optional<int64_t> denominator;
  std::string denominator_vi;
};
using MeasureProvider =
    std::function<Result<MeasureCount>(Db& db, Date at, const std::vector<std::string>& provinces)>;

class MeasureBook {
 public:
  static Result<MeasureBook> Load(const std::string& path);
  // The measure for an indicator name, or "" when the database cannot compute it.
  const MeasureRule* For(const std::string& indicator_name) const;
  // Measures computed by other capabilities (registered when they load,
  // before the server or a command runs).
  void AddProvider(const std::string& measure, MeasureProvider f) { providers_[measure] = std::move(f); }
  const MeasureProvider* Provider(const std::string& measure) const {
    auto it = providers_.find(measure);
    return it == providers_.end() ? nullptr : &it->second;
  }
  // True when the measure can be computed here (built in or provided).
  bool Computable(const std::string& measure) const;

 private:
  std::vector<MeasureRule> rules_;
  std::map<std::string, MeasureProvider> providers_;
};

struct IndicatorValue {
  int year = 0;
  std::string province, value, source, method, recorded_at, recorded_by;
};

struct IndicatorStatus {
  StoredIndicator indicator;
  std::string measure;                 // computable measure, or ""
  std::vector<IndicatorValue> values;  // by year
  std::optional<double> latest, expected;
  int latest_year = 0;
  std::map<int, double> path;  // year → expected value, baseline to last target
  std::string status;          // achieved | on_track | behind | no_baseline | no_data | in_progress
};

Result<IndicatorValue> RecordIndicatorValue(Db& db, int64_t programme_id, const std::string& key, int year,
                                            const std::string& province, const std::string& value, const Actor& actor);
// `geo`, when given, widens a province to the provinces merged into it.
Result<IndicatorValue> ComputeIndicatorValue(Db& db, const MeasureBook& measures, int64_t programme_id,
                                             const std::string& key, int year, const std::string& province, Date today,
                                             const Actor& actor, const Geo* geo = nullptr);
// kind: labour_force | population | retirement_age_population.
Status RecordDenominator(Db& db, const std::string& kind, const std::string& province, int year, int64_t value,
                         const std::string& source, const Actor& actor);
Result<std::vector<IndicatorStatus>> IndicatorStatuses(Db& db, const MeasureBook& measures, int64_t programme_id,
                                                       const std::string& province);

}  // namespace bhxh
