// BenefitLaw: the benefit side of the law as dated data (data/benefits/).
//
//   parameters.csv        rates, multiples, day limits, minimum years ... (ParamTable format)
//   retirement_age.csv    the retirement age by the year it is reached and sex (Decree 135/2020)
//   averaging.csv         the State pay scale's averaging years by year of entry
//   revaluation.csv       revaluation coefficients, one table per year of decision
//   indexation.csv        pension increases by decree
//   one_time_reasons.csv  who may take one-time SI, under which law
//
// Every lookup names the row it used so that a computed amount can cite it;
// a missing row (a revaluation table for a year not yet published) is an
// error naming what is missing, never a default. Immutable after Load and
// shared between threads.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "base/cccd.h"
#include "base/date.h"
#include "base/money.h"
#include "base/status.h"
#include "law/params.h"

namespace bhxh {

// Sex comes from base/cccd.h; the benefit tables know only male and female
// (an undetermined sex is rejected when a request is read).
const char* SexWord(Sex s);  // "male" | "female"

struct RetirementAge {
  int years = 0, months = 0;
  LawParam cite;  // the row (key "retirement_age.<sex>", value "61y3m")
  int total_months() const { return years * 12 + months; }
};

struct Indexation {
  Date effective_from;
  RateMicro percent = 0;
  // A fixed top-up after the raise, for pensions that started before a date
  // (Decree 42/2023/NĐ-CP Art.2.2, 75/2024/NĐ-CP Art.2.2): a pension of at
  // most `topup_up_to` gains `topup_add`; one above it and below
  // `topup_floor` is raised to the floor. None when the date is absent.
  std::optional<Date> topup_started_before;
  Month topup_before_month;  // its month, computed once at load: a start month before it is due
  Vnd topup_up_to = 0, topup_add = 0, topup_floor = 0;
  // The pension after this decree: the raise, then the top-up where due.
  // `top_up`: the benefit is a pension (the top-up is the pensioners').
  Vnd Apply(Vnd monthly, Month pension_start, bool top_up) const;
  LawParam cite;
};

struct OneTimeReason {
  std::string reason;
  Date effective_from;
  bool allowed = false;
  std::optional<int> max_years;
  std::optional<Date> joined_before;
  std::string law, name_vi;
};

// The revaluation circulars print one row for 1994 that stands for every
// year before it too; a contribution year is found under this row's year,
// in the data's tables and in coefficients given with a request alike.
inline constexpr int kRevaluationFirstRow = 1994;
inline int RevaluationRowYear(int contribution_year) { return std::max(contribution_year, kRevaluationFirstRow); }
// A coefficient in millionths as the law files write it: "1.78", 5'600'000
// → "5.60", "1.785".
std::string CoefficientText(int64_t micro);

class BenefitLaw {
 public:
  static Result<BenefitLaw> Load(const std::string& dir);

  const ParamTable& params() const { return params_; }

  // The normal-conditions retirement age for someone who reaches it in
  // `year` (the row in force for that year). With `as_of`, only the rows of
  // the law in force on that day: a benefit decided in 2016 knows 60 and 55,
  // not the schedule the Labour Code 2019 brought in from 2021 (each row's
  // in_force_from).
  Result<RetirementAge> AgeForYear(Sex sex, int year, std::optional<Date> as_of = std::nullopt) const;
  // The date on which a person born on `birth` reaches the retirement age,
  // `reduce_months` lower than normal (heavy work, coal, capacity loss), and
  // the age applied: the first year Y whose age puts the date in Y or before.
  Result<std::pair<Date, RetirementAge>> RetirementDate(Sex sex, Date birth, int reduce_months,
                                                        std::optional<Date> as_of = std::nullopt) const;

  // Whether the data holds a table for benefits decided in `benefit_year`.
  bool HasRevaluation(int benefit_year, const std::string& scheme) const;
  // The coefficient (millionths) for a salary paid in `contribution_year`,
  // in a benefit decided in `benefit_year`; scheme "compulsory" | "voluntary".
  Result<std::pair<int64_t, LawParam>> Revaluation(int benefit_year, const std::string& scheme,
                                                   int contribution_year) const;
  // The State pay scale's averaging window in years (0 = whole career).
  Result<std::pair<int, LawParam>> AveragingYears(int entry_year) const;
  const std::vector<Indexation>& indexations() const { return indexation_; }
  Result<OneTimeReason> Reason(const std::string& reason, Date d) const;
  std::vector<std::string> ReasonCodes() const;

 private:
  struct AgeRow {
    Sex sex;
    int from_year, years, months;
    Date in_force_from;
    std::string law, source, note;
  };
  struct RevalRow {
    int benefit_year;
    std::string scheme;
    int contribution_year;
    int64_t coefficient;  // millionths
    std::string law, source, note;
  };
  struct AvgRow {
    int entry_from_year, years;
    std::string law, source, note;
  };
  ParamTable params_;
  std::vector<AgeRow> ages_;
  std::vector<RevalRow> reval_;
  std::vector<AvgRow> averaging_;
  std::vector<Indexation> indexation_;
  std::vector<OneTimeReason> reasons_;
};

}  // namespace bhxh
