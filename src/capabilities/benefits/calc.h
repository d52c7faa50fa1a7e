// The benefit calculator: one request (a regime, the event, the person, the
// contribution history and the facts of the case) in, every amount out with
// the steps that produced it.
//
// Pure: no database, no clock. The law in force on the event date applies
// (si_law in data/law/parameters.csv: 58/2014/QH13 before 2025-07-01,
// 41/2024/QH15 from then); every parameter is read from BenefitLaw or
// LawBook for that date and cited in the step that used it. Amounts are whole
// dong, rounded half up once per amount; averages are exact fractions until
// they are rounded. The same code decides a case from the national record
// (cases.h builds the history from the periods and dues).
//
// Validate() checks a request as a whole and names the field at fault
// (history[2].from, facts.capacity_loss_pct, ...). Compute() refuses what the
// data cannot answer (a revaluation table missing for the year) with an error;
// an ineligible person is not an error: eligible = false with the reasons.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/money.h"
#include "base/status.h"
#include "benefits/benefit_law.h"
#include "law/lawbook.h"

namespace bhxh {

enum class Regime {
  kSickness,
  kMaternity,
  kOccupational,
  kPension,
  kOneTime,
  kSurvivor,
  kFuneral,
  kUnemployment,
  kSocialPension,
  kMonthlyAllowance,
};
const char* RegimeCode(Regime r);    // "sickness", ...
const char* RegimeNameVi(Regime r);  // "Ốm đau", ...
Result<Regime> ParseRegime(std::string_view code);
std::vector<std::string> RegimeCodes();

enum class Work { kNormal, kHeavy, kEspeciallyHeavy, kUndergroundCoal };
const char* WorkCode(Work w);

// One stretch of the contribution history, months inclusive.
struct HistoryItem {
  Month from, to;
  std::optional<Vnd> salary;                  // the monthly contribution salary, or
  std::optional<int64_t> salary_coefficient;  // a State pay scale coefficient, millionths
  RateMicro allowances = 0;                   // State pay allowances in percent (seniority ...), summed
  bool voluntary = false;                     // scheme: compulsory | voluntary
  bool state_pay = false;                     // pay_scale: employer | state
  Work work = Work::kNormal;
  int64_t area_coefficient = 0;               // area allowance coefficient, millionths (0.7 → 700000)
  bool unemployment = true;                   // UI contributed (compulsory employees)
  std::string source;                         // where it came from (an employer, "declared")
};

struct BenefitPerson {
  Sex sex = Sex::kMale;
  PartialDate birth;
  Date BirthDate() const;  // unknown month or day → January / the 1st (Decree 115/2015)
};

// A relative of one who died, for the engine to decide who qualifies for
// the monthly survivor benefit (58/2014 Art.67.2-3; 41/2024 Art.86.2-3)
// instead of being told how many do.
struct Relative {
  std::string relation;       // child | spouse | parent | parent_in_law | other (one the deceased had to support)
  std::optional<Sex> sex;     // required except for a child
  PartialDate birth;          // a child born after the death is counted from the month of birth
  int capacity_loss_pct = 0;  // as the medical assessment council found
  std::optional<Vnd> monthly_income;   // 58/2014 Art.67.3: below the base salary
  bool salaried_insured = false;       // works for a wage under compulsory SI (41/2024 Art.86.3)
  std::optional<Vnd> monthly_benefit;  // a pension or monthly allowance being paid (41/2024 Art.86.3)
  bool no_carer = false;               // no one directly raises them: 70% (Art.68.1 / 87.1)
  int other_deaths = 0;                // other deceased whose monthly survivor benefit they are paid (Art.68.2 / 87.2)
  std::string name;
  Date BirthDate() const;  // unknown month or day → January / the 1st, as for the insured
};

// Facts of the case; each is optional and used only by the regimes that need it.
struct BenefitFacts {
  std::optional<int> days;                       // sickness / maternity days asked for
  std::optional<int> days_used_this_year;        // sickness days already paid this year
  std::optional<int> half_days;                  // sickness: days off of less than half a day (41/2024 Art.45.5)
  std::optional<int> children;                   // born or adopted together
  std::optional<int> child_age_months;           // child's age (child sickness, adoption)
  std::optional<int> capacity_loss_pct;          // 0-100
  std::optional<bool> rest_ordered_before_birth;
  std::optional<bool> infertility_treatment;     // left work for infertility treatment (41/2024 Art.50.5)
  std::optional<bool> disadvantaged_area;        // sickness: works in an especially difficult area (41/2024 Art.43.1.b)
  std::optional<bool> long_term;                 // long-term illness (Circular 46/2016 list)
  std::optional<bool> surgery;
  std::optional<int> pregnancy_weeks;            // miscarriage
  std::optional<bool> visit_far_or_abnormal;     // antenatal visits: far from a facility or abnormal (58/2014 Art.32.1)
  std::optional<int> mother_leave_months_used;   // father_care: months of leave the insured mother had taken
  std::optional<std::string> child_died_on;      // birth (58/2014 Art.34.3), surrogate: the child's death, YYYY-MM-DD
  std::optional<int> children_died;  // birth of several: how many of them died (with child_died_on; 1 if absent)
  std::optional<std::string> leave_start;        // father: the first day of his leave (of its last part), YYYY-MM-DD
  std::optional<std::string> handover_date;      // surrogate: the child handed to the commissioning side, YYYY-MM-DD
  std::optional<bool> surrogate_eligible;  // commissioning: the surrogate meets the conditions (the grant is hers)
  std::optional<std::string> contraception_method;  // "iud" or "sterilisation" (58/2014 Art.37, 41/2024 Art.57)
  std::optional<std::string> kind;               // regime-specific: see RegimeKinds()
  std::optional<std::string> reason;             // one-time SI reason (one_time_reasons.csv)
  std::optional<int> pension_months_received;    // survivors of a pensioner
  std::optional<Vnd> monthly_pension;            // the pension being paid (at death; when emigrating)
  std::optional<Vnd> monthly_benefit;            // a monthly SI benefit being paid, when emigrating
  std::optional<Vnd> average_salary;             // given instead of computed (officer's override)
  std::optional<Vnd> previous_month_salary;      // sickness, accident: the month before the event
  std::optional<int> dependants;                 // survivors: monthly, at most survivor.max_dependants
  std::optional<int> dependants_without_carer;   // of those, without a direct carer (70%)
  std::vector<Relative> relatives;               // survivors: the family, decided by the engine (instead of dependants)
  std::optional<bool> pensioner;                 // the deceased was drawing a pension
  std::optional<bool> accident_death;            // death from an occupational accident or disease
  std::optional<Vnd> occupational_allowance;     // the deceased drew a monthly OA/OD allowance, having left work
  std::optional<bool> one_time_taken;            // ... and had taken the one-time SI (41/2024 Art.89.3)
  std::optional<bool> poor_household;            // social pension from 70
  std::optional<bool> receives_pension;          // social pension: already has a pension or monthly SI
  std::optional<bool> mother_insured;            // father's birth grant when the mother is not insured
  std::optional<bool> mother_eligible;           // ... or is insured but does not qualify (false; kind father)
  std::optional<int> region;                     // wage region 1-4 (unemployment cap)
  std::optional<Vnd> state_support_received;     // voluntary SI support to give back on one-time SI
  std::optional<int> allowance_months;           // monthly allowance (2024 law Art.23): months chosen
  std::optional<int> ui_months_used;             // UI months already used by an earlier benefit
  std::optional<std::string> first_joined;       // YYYY-MM, when the record starts later than the career
  std::vector<std::string> unknown;              // fields the calculator does not use (reported back)
};

// A revaluation coefficient given with a request: the circular of a benefit
// year whose table data/benefits/revaluation.csv does not hold yet, read by
// the officer (or a published worked example that states its coefficients).
// Used only while the data has no table for that year and scheme — the
// data's table always wins — and cited as given, never as the law's.
struct GivenCoefficient {
  int contribution_year = 0;  // 1994 stands for 1994 and every year before it, as in the circulars
  int64_t coefficient = 0;    // millionths (1.78 → 1'780'000)
  bool voluntary = false;     // scheme: compulsory | voluntary
};

struct BenefitRequest {
  Regime regime = Regime::kPension;
  Date event_date;
  BenefitPerson person;
  std::vector<HistoryItem> history;
  BenefitFacts facts;
  std::vector<GivenCoefficient> revaluation;
};

// Which facts.kind values each regime accepts (first is the default).
std::vector<std::string> RegimeKinds(Regime r);

struct BenefitStep {
  std::string code;     // contribution_time, average_salary, rate, ...
  std::string text_vi;  // the arithmetic in words, Vietnamese numbers
  std::string text_en;
  std::string law;      // law and article
  std::vector<LawParam> params;
};

struct BenefitAmount {
  std::string kind;      // monthly_pension, lump_sum, grant, daily ...
  std::string label_vi;
  Vnd amount = 0;
  bool monthly = false;  // paid every month (from `from`, for `months` months or while entitled)
  std::optional<Month> from;
  int months = 0;        // monthly: how many months (0 = while entitled)
};

struct BenefitResult {
  Regime regime;
  std::string kind;
  std::string law;  // si_law in force on the event date
  Date event_date;
  bool eligible = false;
  std::vector<std::string> reasons_vi, reasons_en;  // why not eligible, or conditions met
  std::vector<BenefitAmount> amounts;
  std::vector<BenefitStep> steps;
  int contribution_months = 0;
  Vnd average_salary = 0;
  RateMicro rate = 0;  // pension rate, when there is one
  std::vector<std::string> warnings;  // uncertain parameters used, facts ignored
  Vnd Monthly() const;
  Vnd LumpSum() const;
};

// Field-named checks on the request (order of history items, overlaps,
// dates before birth, ranges, facts the regime needs).
[[nodiscard]] Status Validate(const BenefitRequest& req);

Result<BenefitResult> ComputeBenefit(const BenefitLaw& bl, const LawBook& law, const BenefitRequest& req);

// Vietnamese renderings used in steps: "1.234.567 đồng", "61,5%", "25 năm 6 tháng".
std::string VndVi(Vnd v);
std::string PctVi(RateMicro r);
std::string YearsMonthsVi(int months);
std::string AgeVi(int months);  // an age in months: "3 tuổi", "6 tháng tuổi", "55 tuổi 8 tháng"

}  // namespace bhxh
