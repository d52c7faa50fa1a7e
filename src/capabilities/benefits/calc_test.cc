// The benefit calculator against amounts worked out by hand from the law.
// Each expected value is derived in the comment above it from the formula
// and the dated parameters in data/benefits and data/law (base salary
// 1,390,000 from 2018-07-01 and 1,490,000 from 2019-07-01; 2,340,000 from
// 2024-07-01, which is also the 2024 law's reference level; region I
// minimum wage 5,310,000 from 2026-01-01). Revaluation coefficients are read
// from data/benefits/revaluation.csv; where a test uses them, the
// coefficients are listed in the comment.
#include <gtest/gtest.h>

#include "benefits/calc.h"
#include "benefits/json.h"
#include "testing/test_support.h"

namespace bhxh {
namespace {

const LawBook& Law() {
  static LawBook* law = new LawBook(*LawBook::Load(testing::DataDir() + "/law"));
  return *law;
}
const BenefitLaw& Bl() {
  static BenefitLaw* bl = [] {
    auto r = BenefitLaw::Load(testing::DataDir() + "/benefits");
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return new BenefitLaw(std::move(*r));
  }();
  return *bl;
}

Result<BenefitResult> Calc(const std::string& json) {
  Json j = Json::parse(json);
  BHXH_ASSIGN_OR_RETURN(BenefitRequest req, BenefitRequestFromJson(j));
  BHXH_RETURN_IF_ERROR(Validate(req));
  return ComputeBenefit(Bl(), Law(), req);
}

BenefitResult Ok(const std::string& json) {
  auto r = Calc(json);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : BenefitResult{};
}

Vnd AmountOf(const BenefitResult& r, const std::string& kind) {
  for (const auto& a : r.amounts)
    if (a.kind == kind) return a.amount;
  ADD_FAILURE() << "no amount " << kind;
  return -1;
}

// The parameter `key` as a step of the answer cites it; null when none does.
const LawParam* CitedParam(const BenefitResult& r, const std::string& key) {
  for (const auto& s : r.steps)
    for (const auto& p : s.params)
      if (p.key == key) return &p;
  return nullptr;
}

// The field a refused request names ("" when it was not refused).
std::string FieldOf(const std::string& json) {
  auto r = Calc(json);
  EXPECT_FALSE(r.ok());
  return r.ok() ? "" : r.status().field();
}

// The Vietnamese text of the step `code` ("" when there is none).
std::string StepText(const BenefitResult& r, const std::string& code) {
  for (const auto& s : r.steps)
    if (s.code == code) return s.text_vi;
  return "";
}

std::string StepLaw(const BenefitResult& r, const std::string& code) {
  for (const auto& s : r.steps)
    if (s.code == code) return s.law;
  return "";
}

bool HasStep(const BenefitResult& r, const std::string& code) {
  for (const auto& s : r.steps)
    if (s.code == code) return true;
  return false;
}

// A pension decided: the law applied, the months counted, the average, the
// rate (millionths) and the monthly amount.
struct PensionFigures {
  const char* law;
  int months;
  Vnd average;
  RateMicro rate;
  Vnd monthly;
};
void ExpectPension(const BenefitResult& r, const PensionFigures& f) {
  EXPECT_TRUE(r.eligible);
  EXPECT_EQ(r.law, f.law);
  EXPECT_EQ(r.contribution_months, f.months);
  EXPECT_EQ(r.average_salary, f.average);
  EXPECT_EQ(r.rate, f.rate);
  EXPECT_EQ(AmountOf(r, "monthly_pension"), f.monthly);
}

// --- Pension -----------------------------------------------------------

// Male, 2024 law, employer-set pay: 2000-01..2015-12 at 5,000,000 and
// 2016-01..2026-07 at 10,000,000 = 319 months (26y7m → 27 years for the
// rate: odd months over 6 count a year). Rate = 45% + 2% × 7 = 59%.
// Revalued with the 2026 table: 5,000,000 × 12 × (4.07+4.09+3.94+3.81+3.54+
// 3.27+3.05+2.81+2.29+2.14+1.96+1.65+1.51+1.42+1.36+1.36 = 43.27)
// = 2,596,200,000; 10,000,000 × 12 × (1.32+1.28+1.23+1.20+1.16+1.14+1.11+
// 1.07+1.03+1.00 = 11.54) = 1,384,800,000; 2026: 7 × 10,000,000 × 1.00 =
// 70,000,000. Sum 3,991,000,000 / 319 = 12,510,971.79 → 12,510,972.
// Pension = 12,510,972 × 59% = 7,381,473.48 → 7,381,473.
TEST(BenefitCalc, PensionLaw2024RevaluedEmployerPay) {
  auto r = Ok(R"({"regime":"pension","event_date":"2026-07-31","person":{"sex":"male","birth_date":"1965-01-15"},
    "history":[{"from":"2000-01","to":"2015-12","salary":5000000},{"from":"2016-01","to":"2026-07","salary":10000000}]})");
  ExpectPension(r, {"41/2024/QH15", 319, 12'510'972, 590'000, 7'381'473});
  // Reached 61y6m on 15/07/2026: paid from the next month.
  ASSERT_TRUE(r.amounts[0].from.has_value());
  EXPECT_EQ(r.amounts[0].from->ToString(), "2026-08");
  // The uncertain coefficient table is flagged, once.
  ASSERT_FALSE(r.warnings.empty());
  EXPECT_NE(r.warnings[0].find("revaluation.2026"), std::string::npos);
  EXPECT_EQ(r.warnings.size(), 1u);
}

// Female, 2014 law, State pay scale: coefficient 4.0 + 10% seniority from
// 1995-01 to 2019-02 (290 months = 24y2m → 24.5 years). Entry 1995 → the
// last 6 years are averaged, at the base salary at retirement (1,390,000):
// 4.0 × 1.10 × 1,390,000 = 6,116,000. Rate (2018+, women) 45% + 2% × 9.5 =
// 64%. Pension = 6,116,000 × 64% = 3,914,240.
TEST(BenefitCalc, PensionLaw2014StatePay) {
  auto r = Ok(R"({"regime":"pension","event_date":"2019-03-01","person":{"sex":"female","birth_date":"1964-02-10"},
    "history":[{"from":"1995-01","to":"2019-02","salary_coefficient":4.0,"allowances_pct":{"seniority":10},"pay_scale":"state"}]})");
  EXPECT_TRUE(r.eligible);
  EXPECT_EQ(r.law, "58/2014/QH13");
  EXPECT_EQ(r.average_salary, 6'116'000);
  EXPECT_EQ(r.rate, 640'000);
  EXPECT_EQ(AmountOf(r, "monthly_pension"), 3'914'240);
}

// Female, 35 years, 2024 law: 45% + 2% × 20 = 85%, capped at 75% (reached
// at 30 years). Lump sum for the 5 years above: 5 × 0.5 × 10,000,000 =
// 25,000,000. Pension 10,000,000 × 75% = 7,500,000.
// Female, 2024 law, 35 years (1991-01..2025-12), average given as
// 10,000,000: rate capped at 75% → 7,500,000. Five years above the 30 of
// Art.68.1. She reached her age (56y8m in 2025) on 01/09/2025 and went on
// contributing October to December (3 months → half a year), which Art.68.2
// counts at 2 months: 4.5 × 0.5 + 0.5 × 2 = 3.25 months × 10,000,000 =
// 32,500,000.
TEST(BenefitCalc, PensionCapAndLumpSumAboveMaximum) {
  auto r = Ok(R"({"regime":"pension","event_date":"2026-02-01","person":{"sex":"female","birth_date":"1969-01-01"},
    "history":[{"from":"1991-01","to":"2025-12","salary":5000000}],"facts":{"average_salary":10000000}})");
  EXPECT_EQ(r.rate, 750'000);
  EXPECT_EQ(AmountOf(r, "monthly_pension"), 7'500'000);
  EXPECT_EQ(r.LumpSum(), 32'500'000);
}

// 41/2024 Art.68.2. Male born 10/06/1963: his age (61 in 2024) was reached
// on 10/06/2024; he contributed 1988-01..2025-12 = 456 months = 38 years and
// retires on 01/01/2026. Three years above the 35 of Art.68.1; 2024-07..
// 2025-12 = 18 months (1.5 years: 6 odd months are half a year) came after
// he qualified, so 1.5 years count at 2 months and 1.5 years at 0.5 month:
// (1.5 × 0.5 + 1.5 × 2) × 10,000,000 = 37,500,000.
// Under the 2014 law (event 01/06/2025, history to 2025-05 = 449 months =
// 37y5m → 37.5 years) Art.58 counts every year alike: 2.5 × 0.5 ×
// 10,000,000 = 12,500,000.
TEST(BenefitCalc, YearsContributedAfterQualifyingCountDoubleUnderThe2024Law) {
  auto r = Ok(R"({"regime":"pension","event_date":"2026-01-01","person":{"sex":"male","birth_date":"1963-06-10"},
    "history":[{"from":"1988-01","to":"2025-12","salary":5000000}],"facts":{"average_salary":10000000}})");
  EXPECT_EQ(r.rate, 750'000);
  EXPECT_EQ(r.LumpSum(), 37'500'000);
  const LawParam* p = CitedParam(r, "pension.lump_sum.after_age_months_per_year");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->law, "41/2024/QH15 Art.68.2");

  auto old = Ok(R"({"regime":"pension","event_date":"2025-06-01","person":{"sex":"male","birth_date":"1963-06-10"},
    "history":[{"from":"1988-01","to":"2025-05","salary":5000000}],"facts":{"average_salary":10000000}})");
  EXPECT_EQ(old.LumpSum(), 12'500'000);
}

// Male, 65% capacity loss, retiring 01/03/2026 though his normal age
// (62 in 2028) falls on 15/01/2029: 34 months = 2y10m early. 25y2m →
// 25.5 years: 45% + 2% × 5.5 = 56%; reduction 2% × 2 + 1% (10 odd months,
// 6 or more) = 5% → 51%. 10,000,000 × 51% = 5,100,000.
TEST(BenefitCalc, PensionEarlyWithReducedCapacity) {
  auto r = Ok(R"({"regime":"pension","event_date":"2026-03-01","person":{"sex":"male","birth_date":"1967-01-15"},
    "history":[{"from":"2001-01","to":"2026-02","salary":5000000}],"facts":{"average_salary":10000000,"capacity_loss_pct":65}})");
  EXPECT_TRUE(r.eligible);
  EXPECT_EQ(r.rate, 510'000);
  EXPECT_EQ(AmountOf(r, "monthly_pension"), 5'100'000);
  EXPECT_TRUE(HasStep(r, "early_reduction"));
}

// The same man without reduced capacity is below the age: not eligible,
// which is an answer, not an error.
TEST(BenefitCalc, PensionBelowAgeIsNotEligible) {
  auto r = Ok(R"({"regime":"pension","event_date":"2026-03-01","person":{"sex":"male","birth_date":"1967-01-15"},
    "history":[{"from":"2001-01","to":"2026-02","salary":5000000}],"facts":{"average_salary":10000000}})");
  EXPECT_FALSE(r.eligible);
  ASSERT_FALSE(r.reasons_vi.empty());
  EXPECT_NE(r.reasons_vi.back().find("Chưa đủ tuổi"), std::string::npos);
  EXPECT_EQ(r.Monthly(), 0);
}

// --- Sickness, maternity -----------------------------------------------

// 9,000,000 × 75% / 24 × 5 days = 1,406,250 (under 15 years: 30 days a year).
TEST(BenefitCalc, Sickness) {
  auto r = Ok(R"({"regime":"sickness","event_date":"2026-03-02","person":{"sex":"female","birth_date":"1990-05-01"},
    "history":[{"from":"2015-01","to":"2026-02","salary":9000000}],"facts":{"days":5}})");
  EXPECT_TRUE(r.eligible);
  EXPECT_EQ(r.LumpSum(), 1'406'250);
}

// Part days (41/2024 Art.45.5): 2 days and one absence of less than half a
// day = 2,5 days: 9,000,000 × 75% / 24 × 2,5 = 703,125; one half day alone
// = 140,625; 29 days already paid this year and 1 day + 2 half days asked
// → 1 day left, 281,250, and a warning for the rest. Under the 2014 law
// half days are not counted: the 2 days, 562,500, and a warning.
TEST(BenefitCalc, HalfDaysOfSicknessFromThe2024Law) {
  auto sick = [](const char* date, const char* facts) {
    char buf[512];
    std::snprintf(buf, sizeof buf, R"({"regime":"sickness","event_date":"%s",
      "person":{"sex":"female","birth_date":"1990-05-01"},"history":[{"from":"2015-01","to":"2026-02","salary":9000000}],
      "facts":%s})",
                  date, facts);
    return Ok(buf);
  };
  EXPECT_EQ(sick("2026-03-02", R"({"days":2,"half_days":1})").LumpSum(), 703'125);
  EXPECT_EQ(sick("2026-03-02", R"({"half_days":1})").LumpSum(), 140'625);
  BenefitResult capped = sick("2026-03-02", R"({"days":1,"half_days":2,"days_used_this_year":29})");
  EXPECT_EQ(capped.LumpSum(), 281'250);
  ASSERT_FALSE(capped.warnings.empty());
  EXPECT_NE(capped.warnings.back().find("1 ngày vượt"), std::string::npos);
  BenefitResult old = sick("2025-03-03", R"({"days":2,"half_days":1})");
  EXPECT_EQ(old.LumpSum(), 562'500);
  ASSERT_FALSE(old.warnings.empty());
  EXPECT_FALSE(sick("2025-03-03", R"({"half_days":1})").eligible);  // nothing left to pay
}

// Sick in the month of return after a break (41/2024 Art.45.1.b): that
// month's salary, 9,000,000, not the 5,000,000 of 2015: 9,000,000 × 75% /
// 24 × 4 days = 1,125,000.
TEST(BenefitCalc, SickInTheMonthOfReturnIsPaidOnThatMonth) {
  auto r = Ok(R"({"regime":"sickness","event_date":"2026-03-10","person":{"sex":"female","birth_date":"1985-01-01"},
    "history":[{"from":"2010-01","to":"2015-12","salary":5000000},{"from":"2026-03","to":"2026-03","salary":9000000}],
    "facts":{"days":4}})");
  EXPECT_TRUE(r.eligible);
  EXPECT_EQ(r.LumpSum(), 1'125'000);
  EXPECT_TRUE(HasStep(r, "salary"));
}

// The year's days by years of contributions (58/2014 Art.26.1.a, 41/2024
// Art.43.1.a; the bands begin at sickness.band_from_years.2 and .3): 45 days
// asked at 9,000,000 (375,000 × 75% = 281,250 a day). 14 years 11 months:
// 30 days = 8,437,500; 15 years: 40 days = 11,250,000; 30 years: all 45 =
// 12,656,250.
TEST(BenefitCalc, SicknessDaysByYearsOfContributions) {
  auto days_paid = [](const char* from) {
    char buf[512];
    std::snprintf(buf, sizeof buf, R"({"regime":"sickness","event_date":"2026-03-02",
      "person":{"sex":"female","birth_date":"1970-05-01"},
      "history":[{"from":"%s","to":"2026-02","salary":9000000}],"facts":{"days":45}})",
                  from);
    return Ok(buf).LumpSum();
  };
  EXPECT_EQ(days_paid("2011-04"), 8'437'500);
  EXPECT_EQ(days_paid("2011-03"), 11'250'000);
  EXPECT_EQ(days_paid("1996-03"), 12'656'250);
  // Voluntary years do not count (41/2024 Art.43.1: "đóng bảo hiểm xã hội
  // bắt buộc"): 10 voluntary years and 5 compulsory = under 15: 30 days.
  auto mixed = Ok(R"({"regime":"sickness","event_date":"2026-03-02","person":{"sex":"female","birth_date":"1970-05-01"},
    "history":[{"from":"2011-03","to":"2021-02","salary":9000000,"scheme":"voluntary"},
               {"from":"2021-03","to":"2026-02","salary":9000000}],"facts":{"days":45}})");
  EXPECT_EQ(mixed.LumpSum(), 8'437'500);
}

// The heavy limits by place: under 58/2014 Art.26.1.b a place with an area
// allowance of 0.7 or more gives 40 days (under 15 years); 41/2024
// Art.43.1.b names an area of especially difficult socio-economic
// conditions instead, so 0.7 alone gives the ordinary 30 there. 35 days
// asked at 9,000,000 (281,250 a day): 40 days → 9,843,750 (all 35); 30 days
// → 8,437,500.
TEST(BenefitCalc, SicknessHeavyLimitsByPlaceUnderEachLaw) {
  auto paid = [](const char* event, const char* to, const char* facts) {
    char buf[512];
    std::snprintf(buf, sizeof buf, R"({"regime":"sickness","event_date":"%s",
      "person":{"sex":"female","birth_date":"1980-05-01"},
      "history":[{"from":"2016-01","to":"%s","salary":9000000,"area_coefficient":0.7}],"facts":{"days":35%s}})",
                  event, to, facts);
    return Ok(buf).LumpSum();
  };
  EXPECT_EQ(paid("2025-03-03", "2025-02", ""), 9'843'750);
  EXPECT_EQ(paid("2026-03-02", "2026-02", ""), 8'437'500);
  EXPECT_EQ(paid("2026-03-02", "2026-02", R"(,"disadvantaged_area":true)"), 9'843'750);
}

// A child's sickness (41/2024 Art.44.1; 58/2014 Art.27.1): 20 days a year
// for a child under 3, 15 from 3 to under 7, nothing from 7. 4,800,000 ×
// 75% / 24 = 150,000 a day; 20 days asked: 3,000,000 at 20 months old,
// 2,250,000 at 40 months.
TEST(BenefitCalc, AChildsSicknessByTheChildsAge) {
  auto child = [](int age_months) {
    char buf[512];
    std::snprintf(buf, sizeof buf, R"({"regime":"sickness","event_date":"2026-06-10",
      "person":{"sex":"female","birth_date":"1990-01-01"},"history":[{"from":"2012-01","to":"2026-05","salary":4800000}],
      "facts":{"kind":"child","child_age_months":%d,"days":20}})",
                  age_months);
    return Ok(buf);
  };
  EXPECT_EQ(child(20).LumpSum(), 3'000'000);
  BenefitResult older = child(40);
  EXPECT_EQ(older.LumpSum(), 2'250'000);
  const LawParam* p = CitedParam(older, "sickness.child_band_from_months.2");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->law, "41/2024/QH15 Art.44.1");
  BenefitResult seven = child(84);
  EXPECT_FALSE(seven.eligible);
  ASSERT_FALSE(seven.reasons_vi.empty());
  EXPECT_NE(seven.reasons_vi[0].find("Con từ 7 tuổi"), std::string::npos) << seven.reasons_vi[0];
}

// Sickness needs compulsory insurance when the leave starts: a voluntary
// participant has no sickness benefit, and one whose compulsory months
// ended in 2015 is not paid on her 2015 salary in 2026.
// Long-term illness, 50 days, 10y2m of contributions at 8,000,000. 2024 law
// (Art.43.2, 45.3): the year's ordinary 30 days (under 15 years) at 75%
// = 6,000,000 / 24 × 30 = 7,500,000, then 20 days at 50% = 4,000,000 / 24
// × 20 = 3,333,333.33 → 3,333,333; 10,833,333 in all. 2014 law (Art.26.2):
// the first 180 days at 75%, so all 50: 250,000 × 50 = 12,500,000.
TEST(BenefitCalc, LongTermIllnessUnderEachLaw) {
  auto r = Ok(R"({"regime":"sickness","event_date":"2026-03-02","person":{"sex":"female","birth_date":"1985-06-01"},
    "history":[{"from":"2016-01","to":"2026-02","salary":8000000}],"facts":{"kind":"own","long_term":true,"days":50}})");
  EXPECT_TRUE(r.eligible);
  EXPECT_EQ(r.LumpSum(), 10'833'333);
  const LawParam* p = CitedParam(r, "sickness.long_term.rate.1");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->law, "41/2024/QH15 Art.45.3.c");

  auto old = Ok(R"({"regime":"sickness","event_date":"2025-03-02","person":{"sex":"female","birth_date":"1985-06-01"},
    "history":[{"from":"2016-01","to":"2025-02","salary":8000000}],"facts":{"kind":"own","long_term":true,"days":50}})");
  EXPECT_EQ(old.LumpSum(), 12'500'000);
}

// Miscarriage at 23 weeks, at 7,200,000 a month before it. A day of it is
// the month / 30 (calendar days: 58/2014 Art.39.1.c, 41/2024 Art.59.3):
// 240,000. 2024 law, 5 months contributed (a birth's 6 of 12 not met, so
// Art.52.2 does not apply; the average is of the months paid, Art.59.1):
// Art.52.1.d, 22 weeks or more, 50 days = 12,000,000. 2014 law (Art.33.1,
// 13 to under 25 weeks): 40 days = 9,600,000.
TEST(BenefitCalc, MiscarriageBandsAndCalendarDaysUnderEachLaw) {
  auto r = Ok(R"({"regime":"maternity","event_date":"2026-03-10","person":{"sex":"female","birth_date":"1990-06-01"},
    "history":[{"from":"2025-10","to":"2026-02","salary":7200000}],"facts":{"kind":"miscarriage","pregnancy_weeks":23}})");
  EXPECT_EQ(r.LumpSum(), 12'000'000);
  EXPECT_FALSE(HasStep(r, "miscarriage_as_birth"));
  const LawParam* p = CitedParam(r, "maternity.miscarriage_weeks.4");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->value, "22");

  auto old = Ok(R"({"regime":"maternity","event_date":"2025-03-10","person":{"sex":"female","birth_date":"1990-06-01"},
    "history":[{"from":"2023-01","to":"2025-02","salary":7200000}],"facts":{"kind":"miscarriage","pregnancy_weeks":23}})");
  EXPECT_EQ(old.LumpSum(), 9'600'000);
}

// 41/2024 Art.52.2: from 22 weeks, a mother who meets a birth's conditions
// (26 months at 7,200,000 before, 12 of the last 12) takes a birth's leave:
// 6 months × 7,200,000 = 43,200,000, and no birth grant (Art.58 is for a
// child born). At 21 weeks the band of 13 to under 22 weeks applies: 40 days
// × 240,000 = 9,600,000.
TEST(BenefitCalc, AMiscarriageFrom22WeeksIsPaidTheLeaveOfABirth) {
  const std::string head =
      R"({"regime":"maternity","event_date":"2026-03-10","person":{"sex":"female","birth_date":"1990-06-01"},
    "history":[{"from":"2024-01","to":"2026-02","salary":7200000}],)";
  auto r = Ok(head + R"("facts":{"kind":"miscarriage","pregnancy_weeks":23}})");
  EXPECT_TRUE(r.eligible);
  EXPECT_TRUE(HasStep(r, "miscarriage_as_birth"));
  EXPECT_EQ(r.LumpSum(), 43'200'000);
  const LawParam* p = CitedParam(r, "maternity.miscarriage_as_birth.weeks");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->law, "41/2024/QH15 Art.52.2");

  auto early = Ok(head + R"("facts":{"kind":"miscarriage","pregnancy_weeks":21}})");
  EXPECT_FALSE(HasStep(early, "miscarriage_as_birth"));
  EXPECT_EQ(early.LumpSum(), 9'600'000);
}

// Rest ordered during the pregnancy lowers the condition to 3 of the 12
// months, for a mother with 12 months of compulsory SI in all (41/2024
// Art.50.3). Birth on 10/04/2026 after 5 months (11/2025-03/2026) at
// 8,000,000: with no earlier months she is not eligible (and told why);
// with 2023 paid too (17 months in all) she is: 6 × 8,000,000 = 48,000,000
// and the grant 4,680,000.
TEST(BenefitCalc, RestOrderedNeedsTwelveMonthsInAll) {
  const std::string head =
      R"({"regime":"maternity","event_date":"2026-04-10","person":{"sex":"female","birth_date":"1992-06-01"},)";
  const std::string facts = R"("facts":{"kind":"birth","rest_ordered_before_birth":true}})";
  auto short_career = Ok(head + R"("history":[{"from":"2025-11","to":"2026-03","salary":8000000}],)" + facts);
  EXPECT_FALSE(short_career.eligible);
  ASSERT_FALSE(short_career.warnings.empty());
  EXPECT_NE(short_career.warnings.back().find("đủ 12 tháng"), std::string::npos) << short_career.warnings.back();
  auto r = Ok(head + R"("history":[{"from":"2023-01","to":"2023-12","salary":8000000},
    {"from":"2025-11","to":"2026-03","salary":8000000}],)" +
              facts);
  EXPECT_TRUE(r.eligible);
  EXPECT_EQ(r.LumpSum(), 48'000'000 + 4'680'000);
  const LawParam* p = CitedParam(r, "maternity.rest_ordered.min_total_months");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->law, "41/2024/QH15 Art.50.3");
}

// Contraception (58/2014 Art.37; 41/2024 Art.57): at most 7 calendar days
// for an intrauterine device, 15 for sterilisation, a day the month / 30.
// 9,000,000 a month for the last six: 300,000 a day. A device with 10 days
// asked: 7 × 300,000 = 2,100,000 under either law; a man's sterilisation:
// 15 × 300,000 = 4,500,000.
TEST(BenefitCalc, ContraceptionDaysUnderEachLaw) {
  auto calc = [](const char* event, const char* to, const char* sex, const char* facts) {
    char buf[512];
    std::snprintf(buf, sizeof buf, R"({"regime":"maternity","event_date":"%s",
      "person":{"sex":"%s","birth_date":"1988-06-01"},
      "history":[{"from":"2019-01","to":"%s","salary":9000000}],"facts":{"kind":"contraception"%s}})",
                  event, sex, to, facts);
    return Calc(buf);
  };
  auto iud = calc("2026-03-10", "2026-02", "female", R"(,"contraception_method":"iud","days":10)");
  ASSERT_TRUE(iud.ok()) << iud.status().ToString();
  EXPECT_EQ(iud->LumpSum(), 2'100'000);
  const LawParam* p = CitedParam(*iud, "maternity.contraception_days.iud");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->law, "41/2024/QH15 Art.57.1");
  auto old = calc("2025-03-10", "2025-02", "female", R"(,"contraception_method":"iud","days":10)");
  ASSERT_TRUE(old.ok());
  EXPECT_EQ(old->law, "58/2014/QH13");
  EXPECT_EQ(old->LumpSum(), 2'100'000);
  auto man = calc("2026-03-10", "2026-02", "male", R"(,"contraception_method":"sterilisation")");
  ASSERT_TRUE(man.ok());
  EXPECT_EQ(man->LumpSum(), 4'500'000);
  auto wrong = calc("2026-03-10", "2026-02", "male", R"(,"contraception_method":"iud")");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.status().field(), "facts.contraception_method");
  auto missing = calc("2026-03-10", "2026-02", "female", "");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().field(), "facts.contraception_method");
}

// The voluntary participants' maternity grant (41/2024 Art.94.1, 95.1):
// 2,000,000 a child for a mother with 6 months paid in the 12 before the
// birth: twins after 8 voluntary months = 4,000,000; after 4 months, none;
// none under the 2014 law, which had no such grant.
TEST(BenefitCalc, VoluntaryMaternityGrant) {
  auto calc = [](const char* event, const char* from, const char* to) {
    char buf[512];
    std::snprintf(buf, sizeof buf, R"({"regime":"maternity","event_date":"%s",
      "person":{"sex":"female","birth_date":"1995-06-01"},
      "history":[{"from":"%s","to":"%s","salary":3000000,"scheme":"voluntary"}],
      "facts":{"kind":"voluntary_grant","children":2}})",
                  event, from, to);
    return Ok(buf);
  };
  BenefitResult twins = calc("2026-05-10", "2025-09", "2026-04");
  EXPECT_TRUE(twins.eligible);
  EXPECT_EQ(twins.LumpSum(), 4'000'000);
  const LawParam* p = CitedParam(twins, "maternity.voluntary_grant.min_months_in_12");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->law, "41/2024/QH15 Art.94.1");
  EXPECT_FALSE(calc("2026-05-10", "2026-01", "2026-04").eligible);
  EXPECT_FALSE(calc("2025-05-10", "2024-09", "2025-04").eligible);
}

// 41/2024 Art.50.5: a mother who left work for infertility treatment needs 6
// of the 24 months before the birth. Birth on 10/04/2026; 8 months in 2024
// (05-12) and 3 in 2026 (01-03) at 8,000,000: 3 of the last 12 (not enough
// alone), 11 of the last 24. Leave 6 × 8,000,000 = 48,000,000 (the last six
// months paid are all 8,000,000); grant 2 × 2,340,000 = 4,680,000. Without
// the fact, or under the 2014 law, which has no such condition, she is not
// eligible.
TEST(BenefitCalc, InfertilityTreatmentCountsSixOfTwentyFourMonths) {
  const std::string history = R"("history":[{"from":"2024-05","to":"2024-12","salary":8000000},
    {"from":"2026-01","to":"2026-03","salary":8000000}],)";
  const std::string person = R"("person":{"sex":"female","birth_date":"1990-06-01"},)";
  auto r = Ok(R"({"regime":"maternity","event_date":"2026-04-10",)" + person + history +
              R"("facts":{"kind":"birth","infertility_treatment":true}})");
  EXPECT_TRUE(r.eligible);
  EXPECT_EQ(r.LumpSum(), 48'000'000 + 4'680'000);
  const LawParam* p = CitedParam(r, "maternity.min_months_in_24.infertility");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->law, "41/2024/QH15 Art.50.5");

  auto without =
      Ok(R"({"regime":"maternity","event_date":"2026-04-10",)" + person + history + R"("facts":{"kind":"birth"}})");
  EXPECT_FALSE(without.eligible);

  auto old = Ok(R"({"regime":"maternity","event_date":"2025-04-10",)" + person +
                R"("history":[{"from":"2023-05","to":"2023-12","salary":8000000},
    {"from":"2025-01","to":"2025-03","salary":8000000}],"facts":{"kind":"birth","infertility_treatment":true}})");
  EXPECT_FALSE(old.eligible);
  ASSERT_FALSE(old.warnings.empty());
  EXPECT_NE(old.warnings.back().find("Điều 50.5"), std::string::npos) << old.warnings.back();
}

TEST(BenefitCalc, SicknessOnlyWhileCompulsorilyInsured) {
  auto r = Ok(R"({"regime":"sickness","event_date":"2026-06-10","person":{"sex":"female","birth_date":"1990-01-01"},
    "history":[{"from":"2020-01","to":"2026-05","salary":5000000,"scheme":"voluntary"}],"facts":{"days":3}})");
  EXPECT_FALSE(r.eligible);
  EXPECT_TRUE(r.amounts.empty());
  ASSERT_FALSE(r.reasons_vi.empty());
  EXPECT_NE(r.reasons_vi[0].find("tự nguyện không có chế độ ốm đau"), std::string::npos) << r.reasons_vi[0];
  r = Ok(R"({"regime":"sickness","event_date":"2026-06-10","person":{"sex":"female","birth_date":"1990-01-01"},
    "history":[{"from":"2012-01","to":"2015-12","salary":5000000}],"facts":{"days":3}})");
  EXPECT_FALSE(r.eligible);
  EXPECT_NE(r.reasons_vi[0].find("12/2015"), std::string::npos) << r.reasons_vi[0];
  // Insured in the month before the leave: paid (5,000,000 × 75% / 24 × 3 = 468,750).
  r = Ok(R"({"regime":"sickness","event_date":"2026-06-10","person":{"sex":"female","birth_date":"1990-01-01"},
    "history":[{"from":"2012-01","to":"2026-05","salary":5000000}],"facts":{"days":3}})");
  EXPECT_TRUE(r.eligible);
  EXPECT_EQ(r.LumpSum(), 468'750);
}

// A man's maternity benefit when his wife gives birth (the default kind for
// a man): 5 working days × 12,000,000 / 24 = 2,500,000 (41/2024 Art.53.2,
// 59); not the mother's six months. Asked explicitly as "birth" (he takes
// the mother's leave when she has died), it is computed with a warning.
TEST(BenefitCalc, AFathersMaternityIsHisLeave) {
  const char* req = R"({"regime":"maternity","event_date":"2026-06-10","person":{"sex":"male","birth_date":"1990-01-01"},
    "history":[{"from":"2020-01","to":"2026-05","salary":12000000}],"facts":{"children":1%s}})";
  char buf[512];
  std::snprintf(buf, sizeof buf, req, "");
  auto r = Ok(buf);
  EXPECT_EQ(r.kind, "father");
  EXPECT_TRUE(r.eligible);
  EXPECT_EQ(r.LumpSum(), 2'500'000);
  std::snprintf(buf, sizeof buf, req, R"(,"kind":"birth")");
  r = Ok(buf);
  EXPECT_EQ(r.LumpSum(), 72'000'000 + 4'680'000);
  ASSERT_FALSE(r.warnings.empty());
  EXPECT_NE(r.warnings[0].find("thay mẹ"), std::string::npos);
}

// The father's birth grant when the mother is not insured (41/2024
// Art.58.1): he must meet Art.50.2, 6 of the 12 months before the birth. 8
// months at 12,000,000: 5 days (2,500,000) + 2 × 2,340,000 = 7,180,000; 4
// months: the 5 days only (2,500,000), and a warning says why.
TEST(BenefitCalc, AFathersBirthGrantNeedsSixOfTwelveMonths) {
  // A father's leave for a birth on `born`, contributing from `from` to the
  // month before.
  auto father = [](const char* born, const char* from, const char* to) {
    char buf[512];
    std::snprintf(buf, sizeof buf, R"({"regime":"maternity","event_date":"%s",
      "person":{"sex":"male","birth_date":"1990-01-01"},
      "history":[{"from":"%s","to":"%s","salary":12000000}],"facts":{"kind":"father","mother_insured":false}})",
                  born, from, to);
    return Ok(buf);
  };
  auto calc = [&](const char* from) { return father("2026-06-10", from, "2026-05"); };
  EXPECT_EQ(calc("2025-10").LumpSum(), 2'500'000 + 4'680'000);
  BenefitResult short_career = calc("2026-02");
  EXPECT_EQ(short_career.LumpSum(), 2'500'000);
  ASSERT_FALSE(short_career.warnings.empty());
  EXPECT_NE(short_career.warnings.back().find("không được trợ cấp một lần"), std::string::npos);
  // Under the 2014 law the same 6 of 12, from a row flagged uncertain that
  // the answer cites: 8 months, 2,500,000 + 2 × 1,800,000; 4 months, the
  // days only.
  auto calc2014 = [&](const char* from) { return father("2024-06-10", from, "2024-05"); };
  EXPECT_EQ(calc2014("2023-10").LumpSum(), 2'500'000 + 3'600'000);
  BenefitResult short2014 = calc2014("2024-02");
  EXPECT_EQ(short2014.LumpSum(), 2'500'000);
  const LawParam* p = CitedParam(short2014, "maternity.father_grant.min_months_in_12");
  ASSERT_NE(p, nullptr);
  EXPECT_TRUE(p->uncertain());
}

// The mother is insured but does not qualify for the maternity benefit:
// the father gets the grant as when she is not insured (58/2014 Art.38 as
// the ministry's letter 3432/LĐTBXH-BHXH of 08/09/2016, item 2.c, reads
// it; 41/2024 Art.58.1). 8 months at 12,000,000 before a birth on
// 10/06/2024: 5 days (2,500,000) + 2 × 1,800,000 = 6,100,000; she
// qualifies: the days only. The fact is for a father, and a mother not
// insured cannot qualify: the field is named.
TEST(BenefitCalc, AFatherGetsTheGrantWhenTheInsuredMotherDoesNotQualify) {
  auto father = [](const char* kind, const char* mother) {
    return std::string(R"({"regime":"maternity","event_date":"2024-06-10",
      "person":{"sex":"male","birth_date":"1990-01-01"},
      "history":[{"from":"2023-10","to":"2024-05","salary":12000000}],"facts":{"kind":")") +
           kind + R"(",)" + mother + "}}";
  };
  BenefitResult out = Ok(father("father", R"("mother_insured":true,"mother_eligible":false)"));
  EXPECT_EQ(out.LumpSum(), 2'500'000 + 3'600'000);
  EXPECT_EQ(AmountOf(out, "grant"), 3'600'000);
  const LawParam* p = CitedParam(out, "maternity.father_grant.min_months_in_12");
  ASSERT_NE(p, nullptr);
  EXPECT_NE(p->law.find("3432/LĐTBXH-BHXH"), std::string::npos);
  EXPECT_EQ(Ok(father("father", R"("mother_eligible":false)")).LumpSum(), 6'100'000);
  EXPECT_EQ(Ok(father("father", R"("mother_insured":true,"mother_eligible":true)")).LumpSum(), 2'500'000);
  EXPECT_EQ(FieldOf(father("father", R"("mother_insured":false,"mother_eligible":true)")), "facts.mother_eligible");
  EXPECT_EQ(
      FieldOf(father("father_care", R"("mother_insured":true,"mother_leave_months_used":2,"mother_eligible":false)")),
      "facts.mother_eligible");
}

// The father's leave must start within 60 days of the birth under 41/2024
// Art.53.3 (the 60th day after a birth on 10/08/2025 is 08/10/2025), within
// the first 30 under 58/2014 Art.34.2. At 12,000,000: 5 days = 2,500,000.
// Starting too late he is paid no days; the grant when the mother is not
// insured (2 × 1,800,000 in 2024) does not depend on it. Under the 2014 law
// it is the start (of the last part) that is within the 30 days, not every
// day (the ministry's letter 3432/LĐTBXH-BHXH of 08/09/2016, item 2.đ): a
// leave starting on 05/07, 06/07 or on the 30th day itself (09/07/2024
// after a birth on 10/06/2024) is paid its 5 days, 2,500,000; one starting
// on 10/07 none. Under the 2024 law a start on the 60th day is paid the 5
// days.
TEST(BenefitCalc, TheFathersLeaveStartsWithinTheLawsWindow) {
  auto father = [](const char* born, const char* to, const char* start, bool mother_insured) {
    char buf[640];
    std::snprintf(buf, sizeof buf, R"({"regime":"maternity","event_date":"%s",
      "person":{"sex":"male","birth_date":"1990-01-01"},"history":[{"from":"2022-01","to":"%s","salary":12000000}],
      "facts":{"kind":"father","leave_start":"%s","mother_insured":%s}})",
                  born, to, start, mother_insured ? "true" : "false");
    return Ok(buf);
  };
  EXPECT_EQ(father("2025-08-10", "2025-07", "2025-10-08", true).LumpSum(), 2'500'000);
  BenefitResult late = father("2025-08-10", "2025-07", "2025-10-09", true);
  EXPECT_FALSE(late.eligible);
  EXPECT_TRUE(HasStep(late, "father_window"));
  EXPECT_EQ(father("2024-06-10", "2024-05", "2024-07-05", true).LumpSum(), 2'500'000);
  EXPECT_EQ(father("2024-06-10", "2024-05", "2024-07-06", true).LumpSum(), 2'500'000);
  BenefitResult last_day = father("2024-06-10", "2024-05", "2024-07-09", true);
  EXPECT_EQ(last_day.LumpSum(), 2'500'000);
  EXPECT_TRUE(last_day.warnings.empty());
  EXPECT_NE(StepText(last_day, "father_window").find("ngày 09/07/2024: trong 30 ngày kể từ ngày sinh con (10/06/2024)"),
            std::string::npos)
      << StepText(last_day, "father_window");
  EXPECT_EQ(StepLaw(last_day, "father_window"), "Luật BHXH 58/2014/QH13, Điều 34.2");
  const LawParam* window = CitedParam(last_day, "maternity.father_days.start_within_days");
  ASSERT_NE(window, nullptr);
  EXPECT_NE(window->law.find("3432/LĐTBXH-BHXH"), std::string::npos);
  EXPECT_FALSE(window->uncertain());
  EXPECT_FALSE(father("2024-06-10", "2024-05", "2024-07-10", true).eligible);
  BenefitResult grant_only = father("2024-06-10", "2024-05", "2024-07-15", false);
  EXPECT_TRUE(grant_only.eligible);
  EXPECT_EQ(grant_only.LumpSum(), 3'600'000);
  EXPECT_EQ(
      FieldOf(R"({"regime":"maternity","event_date":"2025-08-10","person":{"sex":"male","birth_date":"1990-01-01"},
    "history":[{"from":"2022-01","to":"2025-07","salary":12000000}],"facts":{"kind":"father","leave_start":"2025-08-01"}})"),
      "facts.leave_start");
}

// Where the two laws' day counts differ, at 12,000,000 a month (500,000 a
// working day, the month / 24). A father of triplets by caesarean: 14 + 3
// days under 41/2024 Art.53.2.d = 8,500,000, 14 under 58/2014 Art.34.2.d =
// 7,000,000. Antenatal visits, 8 days asked: at most 5 visits of 2 days
// under Art.51.1 (all 8: 4,000,000), 5 days under Art.32.1 (2,500,000).
TEST(BenefitCalc, FathersTripletsAndVisitsUnderEachLaw) {
  auto paid = [](const char* event, const char* to, const char* sex, const char* facts) {
    char buf[512];
    std::snprintf(buf, sizeof buf, R"({"regime":"maternity","event_date":"%s",
      "person":{"sex":"%s","birth_date":"1990-01-01"},
      "history":[{"from":"2020-01","to":"%s","salary":12000000}],"facts":{%s}})",
                  event, sex, to, facts);
    return Ok(buf).LumpSum();
  };
  const char* triplets = R"("kind":"father","children":3,"surgery":true)";
  EXPECT_EQ(paid("2026-06-10", "2026-05", "male", triplets), 8'500'000);
  EXPECT_EQ(paid("2025-06-10", "2025-05", "male", triplets), 7'000'000);
  const char* visits = R"("kind":"visit","days":8)";
  EXPECT_EQ(paid("2026-06-10", "2026-05", "female", visits), 4'000'000);
  EXPECT_EQ(paid("2025-06-10", "2025-05", "female", visits), 2'500'000);
  // Far from a facility or an abnormal pregnancy: 2 days a visit under the
  // 2014 law too (Art.32.1), so all 8 days.
  EXPECT_EQ(paid("2025-06-10", "2025-05", "female", R"("kind":"visit","days":8,"visit_far_or_abnormal":true)"),
            4'000'000);
}

// A father on leave when the mother dies after the birth (41/2024
// Art.53.5-7), on his own average of 10,000,000. The mother was insured and
// had taken 2 of her 6 months: the 4 left = 40,000,000. She was not
// insured: until the child is 6 months old, the child being 1 month old = 5
// months = 50,000,000. Each case asks for its fact.
TEST(BenefitCalc, AFatherTakesOverTheMothersLeave) {
  auto calc = [](const char* facts) {
    char buf[512];
    std::snprintf(buf, sizeof buf, R"({"regime":"maternity","event_date":"2026-06-10",
      "person":{"sex":"male","birth_date":"1990-01-01"},
      "history":[{"from":"2022-01","to":"2026-05","salary":10000000}],"facts":{"kind":"father_care"%s}})",
                  facts);
    return Calc(buf);
  };
  auto rest = calc(R"(,"mother_insured":true,"mother_leave_months_used":2)");
  ASSERT_TRUE(rest.ok()) << rest.status().ToString();
  EXPECT_EQ(rest->LumpSum(), 40'000'000);
  auto until = calc(R"(,"mother_insured":false,"child_age_months":1)");
  ASSERT_TRUE(until.ok());
  EXPECT_EQ(until->LumpSum(), 50'000'000);
  const LawParam* p = CitedParam(*until, "maternity.until_child_months");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->law, "41/2024/QH15 Art.53.5; Art.53.7; Art.56.1");
  auto none_left = calc(R"(,"mother_insured":false,"child_age_months":7)");
  ASSERT_TRUE(none_left.ok());
  EXPECT_FALSE(none_left->eligible);
  auto missing = calc(R"(,"mother_insured":true)");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().field(), "facts.mother_leave_months_used");
  auto no_age = calc("");
  ASSERT_FALSE(no_age.ok());
  EXPECT_EQ(no_age.status().field(), "facts.child_age_months");
}

// Before the earliest law in the data (the 2006 law is not in it): an
// error on event_date, in both languages.
TEST(BenefitCalc, AnEventBeforeTheLawsInTheDataIsRefusedOnItsDate) {
  auto r = Calc(R"({"regime":"pension","event_date":"2010-06-30","person":{"sex":"male","birth_date":"1950"},
    "history":[{"from":"1980-01","to":"2010-05","salary":3000000}]})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().field(), "event_date");
  EXPECT_NE(r.status().message_vi().find("30/06/2010"), std::string::npos) << r.status().message_vi();
}

// Birth on 10/04/2026 (2024 law): 6 months × average of the last 6 months
// (8,000,000) = 48,000,000; grant 2 × 2,340,000 = 4,680,000.
TEST(BenefitCalc, MaternityBirthLaw2024) {
  auto r = Ok(R"({"regime":"maternity","event_date":"2026-04-10","person":{"sex":"female","birth_date":"1994-05-01"},
    "history":[{"from":"2024-01","to":"2026-03","salary":8000000},{"from":"2023-01","to":"2023-12","salary":6000000}],
    "facts":{"children":1}})");
  EXPECT_TRUE(r.eligible);
  EXPECT_EQ(r.LumpSum(), 48'000'000 + 4'680'000);
}

// Birth on 10/05/2020 (2014 law): 6 × 6,000,000 = 36,000,000; grant
// 2 × 1,490,000 = 2,980,000.
TEST(BenefitCalc, MaternityBirthLaw2014) {
  auto r = Ok(R"({"regime":"maternity","event_date":"2020-05-10","person":{"sex":"female","birth_date":"1994-05-01"},
    "history":[{"from":"2018-01","to":"2020-04","salary":6000000}],"facts":{"children":1}})");
  EXPECT_TRUE(r.eligible);
  EXPECT_EQ(r.law, "58/2014/QH13");
  EXPECT_EQ(r.LumpSum(), 36'000'000 + 2'980'000);
}

// Adopting a child of 2 months (41/2024 Art.56.1, 58.3): leave until the
// child is 6 months old, 4 × 8,000,000 = 32,000,000, and the grant 2 ×
// 2,340,000 = 4,680,000. A child of 7 months: not eligible.
TEST(BenefitCalc, AdoptionUntilTheChildIsSixMonths) {
  auto adopt = [](int age) {
    char buf[512];
    std::snprintf(buf, sizeof buf, R"({"regime":"maternity","event_date":"2026-04-10",
      "person":{"sex":"female","birth_date":"1990-05-01"},"history":[{"from":"2024-01","to":"2026-03","salary":8000000}],
      "facts":{"kind":"adoption","child_age_months":%d}})",
                  age);
    return Ok(buf);
  };
  BenefitResult r = adopt(2);
  EXPECT_TRUE(r.eligible);
  EXPECT_EQ(r.LumpSum(), 32'000'000 + 4'680'000);
  EXPECT_FALSE(adopt(7).eligible);
}

// A child's death after the birth. 58/2014 Art.34.3, on an average of
// 6,000,000: under 2 months old → 4 months from the birth (24,000,000);
// dying on 20/10/2023 after a birth on 10/07/2023 → to 20/12/2023, 5
// months and 10 days (30,000,000 + 6,000,000 / 30 × 10 = 32,000,000); dying
// on 01/12/2023 → 6 months 22 days, capped at the 6 months of Art.34.1
// (36,000,000). The grant stays (2 × 1,800,000). 41/2024 Art.53 has no such
// rule: a birth in August 2025 keeps its 6 months.
TEST(BenefitCalc, AChildsDeathShortensTheLeaveUnderThe2014LawOnly) {
  auto birth = [](const char* born, const char* from, const char* to, const char* died) {
    char buf[512];
    std::snprintf(buf, sizeof buf, R"({"regime":"maternity","event_date":"%s",
      "person":{"sex":"female","birth_date":"1995-03-02"},"history":[{"from":"%s","to":"%s","salary":6000000}],
      "facts":{"kind":"birth","child_died_on":"%s"}})",
                  born, from, to, died);
    return std::string(buf);
  };
  BenefitResult young = Ok(birth("2023-07-10", "2022-01", "2023-06", "2023-08-01"));
  EXPECT_EQ(AmountOf(young, "leave"), 24'000'000);
  EXPECT_EQ(AmountOf(young, "grant"), 3'600'000);
  EXPECT_EQ(AmountOf(Ok(birth("2023-07-10", "2022-01", "2023-06", "2023-10-20")), "leave"), 32'000'000);
  EXPECT_EQ(AmountOf(Ok(birth("2023-07-10", "2022-01", "2023-06", "2023-12-01")), "leave"), 36'000'000);
  BenefitResult now = Ok(birth("2025-08-10", "2024-01", "2025-07", "2025-08-20"));
  EXPECT_EQ(AmountOf(now, "leave"), 36'000'000);
  EXPECT_TRUE(HasStep(now, "child_death"));
  EXPECT_EQ(FieldOf(birth("2023-07-10", "2022-01", "2023-06", "2023-07-01")), "facts.child_died_on");
}

// Some children of a multiple birth die (58/2014; Circular 59/2015
// Art.10.3): the leave counts every child born — twins, one dying two days
// after the birth on 10/03/2022: 6 + 1 months × 6,000,000 = 42,000,000 —
// and so does the grant since the ministry's letter 3432/LĐTBXH-BHXH of
// 08/09/2016 (item 2.a): 2 × 2 × 1,490,000 = 5,960,000; twins born on
// 10/03/2017 the same, at 2 × 2 × 1,210,000 = 4,840,000; twins born on
// 10/06/2016, before the letter, a grant for the living child only (the
// circular: "đối với con còn sống"), 2,420,000. Triplets of whom two died:
// 8 months, 48,000,000, and 3 grants, 8,940,000. Both twins dead, the last
// two days after the birth: the leave of Art.34.3 from the last death
// (the circular), 4 months from the birth, 24,000,000, and the grant all
// the same, 5,960,000. More dead than born, a count of deaths without a
// date or outside a birth: the field is named.
TEST(BenefitCalc, ChildrenOfAMultipleBirthWhoDiedAreCountedForTheLeave) {
  auto birth = [](const char* born, const char* from, const char* to, const char* facts) {
    return std::string(R"({"regime":"maternity","event_date":")") + born +
           R"(","person":{"sex":"female","birth_date":"1995-03-02"},"history":[{"from":")" + from + R"(","to":")" + to +
           R"(","salary":6000000}],"facts":{"kind":"birth",)" + facts + "}}";
  };
  BenefitResult twins = Ok(birth("2022-03-10", "2021-01", "2022-02", R"("children":2,"child_died_on":"2022-03-12")"));
  EXPECT_EQ(AmountOf(twins, "leave"), 42'000'000);
  EXPECT_EQ(AmountOf(twins, "grant"), 5'960'000);
  EXPECT_EQ(StepLaw(twins, "child_death"),
            "Thông tư 59/2015/TT-BLĐTBXH Điều 10.3; Công văn 3432/LĐTBXH-BHXH ngày 08/09/2016 mục 2.a");
  const LawParam* all = CitedParam(twins, "maternity.multiple_birth_death.grant_counts_all");
  EXPECT_EQ(all ? all->value : "", "1");
  EXPECT_FALSE(all && all->uncertain());
  BenefitResult early = Ok(birth("2017-03-10", "2016-01", "2017-02", R"("children":2,"child_died_on":"2017-03-11")"));
  EXPECT_EQ(AmountOf(early, "leave"), 42'000'000);
  EXPECT_EQ(AmountOf(early, "grant"), 4'840'000);
  BenefitResult circular =
      Ok(birth("2016-06-10", "2015-06", "2016-05", R"("children":2,"child_died_on":"2016-06-11")"));
  EXPECT_EQ(AmountOf(circular, "leave"), 42'000'000);
  EXPECT_EQ(AmountOf(circular, "grant"), 2'420'000);
  EXPECT_EQ(StepLaw(circular, "child_death"), "Thông tư 59/2015/TT-BLĐTBXH Điều 10.3");
  BenefitResult triplets =
      Ok(birth("2022-03-10", "2021-01", "2022-02", R"("children":3,"children_died":2,"child_died_on":"2022-03-12")"));
  EXPECT_EQ(AmountOf(triplets, "leave"), 48'000'000);
  EXPECT_EQ(AmountOf(triplets, "grant"), 8'940'000);
  BenefitResult both =
      Ok(birth("2022-03-10", "2021-01", "2022-02", R"("children":2,"children_died":2,"child_died_on":"2022-03-12")"));
  EXPECT_TRUE(both.eligible);
  EXPECT_EQ(AmountOf(both, "grant"), 5'960'000);
  EXPECT_EQ(AmountOf(both, "leave"), 24'000'000);
  EXPECT_NE(StepText(both, "child_death").find("tính theo con chết sau cùng (12/03/2022)"), std::string::npos)
      << StepText(both, "child_death");
  EXPECT_EQ(FieldOf(birth("2022-03-10", "2021-01", "2022-02",
                          R"("children":2,"children_died":3,"child_died_on":"2022-03-12")")),
            "facts.children_died");
  EXPECT_EQ(FieldOf(birth("2022-03-10", "2021-01", "2022-02", R"("children":2,"children_died":1)")),
            "facts.children_died");
  EXPECT_EQ(FieldOf(std::string(R"({"regime":"maternity","event_date":"2022-03-10",
    "person":{"sex":"male","birth_date":"1990-01-01"},"history":[{"from":"2021-01","to":"2022-02","salary":6000000}],
    "facts":{"kind":"father","children":2,"children_died":1,"child_died_on":"2022-03-12"}})")),
            "facts.children_died");
}

// A surrogate mother (41/2024 Art.54.3.a, 58.2) on 6,000,000: the child
// handed over 15 days after the birth → the 60 days' minimum, 12,000,000;
// handed over on 20/11 after a birth on 10/08/2025 → 3 months 10 days,
// 18,000,000 + 2,000,000 = 20,000,000; the grant 2 × 2,340,000 is hers.
// The mother who asked (Art.55.1): twins received at birth → 6 + 1 months
// = 42,000,000, and the grant 2 × 2 × 2,340,000 when the surrogate is not
// eligible; under 58/2014 Art.35.2 no month more: 36,000,000.
TEST(BenefitCalc, SurrogacyUnderEachLaw) {
  auto req = [](const char* date, const char* from, const char* to, const char* facts) {
    char buf[512];
    std::snprintf(buf, sizeof buf, R"({"regime":"maternity","event_date":"%s",
      "person":{"sex":"female","birth_date":"1995-03-02"},"history":[{"from":"%s","to":"%s","salary":6000000}],
      "facts":%s})",
                  date, from, to, facts);
    return std::string(buf);
  };
  BenefitResult short_stay =
      Ok(req("2025-08-10", "2024-01", "2025-07", R"({"kind":"surrogate","handover_date":"2025-08-25"})"));
  EXPECT_EQ(AmountOf(short_stay, "leave"), 12'000'000);
  EXPECT_EQ(AmountOf(short_stay, "grant"), 4'680'000);
  EXPECT_EQ(
      AmountOf(Ok(req("2025-08-10", "2024-01", "2025-07", R"({"kind":"surrogate","handover_date":"2025-11-20"})")),
               "leave"),
      20'000'000);
  // The child dying before the handover ends the leave, still at 60 days.
  EXPECT_EQ(AmountOf(Ok(req("2025-08-10", "2024-01", "2025-07",
                            R"({"kind":"surrogate","handover_date":"2025-11-20","child_died_on":"2025-08-12"})")),
                     "leave"),
            12'000'000);
  EXPECT_EQ(FieldOf(req("2025-08-10", "2024-01", "2025-07", R"({"kind":"surrogate"})")), "facts.handover_date");

  BenefitResult asked = Ok(req("2025-08-12", "2024-01", "2025-07", R"({"kind":"commissioning","children":2})"));
  EXPECT_EQ(AmountOf(asked, "leave"), 42'000'000);
  EXPECT_EQ(AmountOf(asked, "grant"), 9'360'000);
  BenefitResult hers =
      Ok(req("2025-08-12", "2024-01", "2025-07", R"({"kind":"commissioning","children":2,"surrogate_eligible":true})"));
  EXPECT_EQ(hers.LumpSum(), 42'000'000);  // the leave only: the grant is the surrogate's
  EXPECT_EQ(AmountOf(Ok(req("2023-08-12", "2022-01", "2023-07", R"({"kind":"commissioning","children":2})")), "leave"),
            36'000'000);
  // 4 of the 12 months before receiving the child: not eligible.
  EXPECT_FALSE(Ok(req("2025-08-12", "2025-04", "2025-07", R"({"kind":"commissioning"})")).eligible);
}

// Only 4 of the 12 months before the birth contributed (6 needed).
TEST(BenefitCalc, MaternityNeedsSixOfTwelveMonths) {
  auto r = Ok(R"({"regime":"maternity","event_date":"2026-04-10","person":{"sex":"female","birth_date":"1994-05-01"},
    "history":[{"from":"2025-12","to":"2026-03","salary":8000000}],"facts":{"children":1}})");
  EXPECT_FALSE(r.eligible);
}

// --- Occupational accident and disease ---------------------------------

// 20%: (5 + 0.5 × 15) × 2,340,000 = 29,250,000; 122 months = 10y2m →
// 10.5 years: (0.5 + 0.3 × 9.5) × 8,000,000 = 26,800,000. Total 56,050,000.
TEST(BenefitCalc, OccupationalLumpSum) {
  auto r = Ok(R"({"regime":"occupational","event_date":"2026-03-10","person":{"sex":"male","birth_date":"1985-06-01"},
    "history":[{"from":"2016-01","to":"2026-02","salary":8000000}],"facts":{"capacity_loss_pct":20}})");
  EXPECT_EQ(r.LumpSum(), 56'050'000);
  EXPECT_EQ(r.Monthly(), 0);
}

// 45%: (30% + 2% × 14) × 2,340,000 = 1,357,200; (0.5% + 0.3% × 9.5) ×
// 8,000,000 = 268,000. Monthly 1,625,200 from the next month.
TEST(BenefitCalc, OccupationalMonthly) {
  auto r = Ok(R"({"regime":"occupational","event_date":"2026-03-10","person":{"sex":"male","birth_date":"1985-06-01"},
    "history":[{"from":"2016-01","to":"2026-02","salary":8000000}],"facts":{"capacity_loss_pct":45}})");
  EXPECT_EQ(r.Monthly(), 1'625'200);
  EXPECT_EQ(r.amounts[0].from->ToString(), "2026-04");
}

// --- One-time SI, survivors, funeral -----------------------------------

// 2010-01..2013-12 (4 years × 1.5) and 2014-01..2024-06 (10.5 years × 2):
// 27 months. Average with the 2026 table: 4,000,000 × 12 × (1.96+1.65+1.51+
// 1.42 = 6.54) = 313,920,000; 8,000,000 × 12 × (1.36+1.36+1.32+1.28+1.23+
// 1.20+1.16+1.14+1.11+1.07 = 12.23) = 1,174,080,000; 8,000,000 × 6 × 1.03 =
// 49,440,000. 1,537,440,000 / 174 = 8,835,862.07 → 8,835,862; × 27 =
// 238,568,274.
TEST(BenefitCalc, OneTimeAfterTwelveMonthsOut) {
  auto r = Ok(R"({"regime":"one_time","event_date":"2026-03-10","person":{"sex":"male","birth_date":"1985-06-01"},
    "history":[{"from":"2010-01","to":"2013-12","salary":4000000},{"from":"2014-01","to":"2024-06","salary":8000000}],
    "facts":{"reason":"out_of_work_12_months"}})");
  EXPECT_TRUE(r.eligible);
  EXPECT_EQ(r.average_salary, 8'835'862);
  EXPECT_EQ(r.LumpSum(), 238'568'274);
}

// Odd months before 2014 are carried into the period from 2014 (Decree
// 115/2015 Art.19; Circular 59/2015 Art.19): 05/2008-12/2013 is 5 years 8
// months, 01/2014-09/2018 is 4 years 9 months. Before 2014: 5 years × 1.5 =
// 7.5 months; from 2014: 4y9m + 8m = 5y5m → 5.5 years × 2 = 11 months;
// 18.5 × 5,000,000 = 92,500,000 (2014 law: event in 2020).
TEST(BenefitCalc, OneTimeOddMonthsBefore2014AreCarriedForward) {
  auto r = Ok(R"({"regime":"one_time","event_date":"2020-03-10","person":{"sex":"female","birth_date":"1985-06-01"},
    "history":[{"from":"2008-05","to":"2013-12","salary":4000000},{"from":"2014-01","to":"2018-09","salary":5000000}],
    "facts":{"reason":"out_of_work_12_months","average_salary":5000000}})");
  EXPECT_TRUE(r.eligible);
  EXPECT_EQ(r.law, "58/2014/QH13");
  EXPECT_EQ(r.LumpSum(), 92'500'000);
}

// A pensioner settling abroad (41/2024 Art.76.2; event in 2026): 1996-01..
// 2013-12 = 18 years × 1.5 = 27 months, 2014-01..2021-12 = 8 years × 2 = 16
// months; 43 − 0.5 × 50 months drawn = 18 months × 6,000,000 = 108,000,000.
// After 90 months drawn 43 − 45 < 3, so the floor: 3 × 6,000,000 =
// 18,000,000. Under the 2014 law (Art.65.2, event in 2024) with 2005-03..
// 2020-10: 8 years before 2014 (12 months) and 10 odd months carried to
// 2014-01..2020-10 (82 + 10 = 92 months = 7y8m → 8 years, 16 months);
// 28 − 0.5 × 2 = 27 × 5,000,000 = 135,000,000. One drawing a monthly SI
// benefit of 4,000,000 gets 3 months of it (Art.76.3): 12,000,000.
TEST(BenefitCalc, EmigratingPensionerIsPaidInMonthsOfPension) {
  const std::string head =
      R"({"regime":"one_time","event_date":"2026-03-10","person":{"sex":"male","birth_date":"1960-06-01"},
    "history":[{"from":"1996-01","to":"2021-12","salary":5000000}],)";
  auto r = Ok(head + R"("facts":{"reason":"emigration","monthly_pension":6000000,"pension_months_received":50}})");
  EXPECT_TRUE(r.eligible);
  EXPECT_EQ(r.LumpSum(), 108'000'000);
  EXPECT_TRUE(HasStep(r, "emigrating_lump"));
  const LawParam* p = CitedParam(r, "one_time.emigrating.less_per_month");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->law, "41/2024/QH15 Art.76.2");

  auto floor = Ok(head + R"("facts":{"reason":"emigration","monthly_pension":6000000,"pension_months_received":90}})");
  EXPECT_EQ(floor.LumpSum(), 18'000'000);

  auto old = Ok(R"({"regime":"one_time","event_date":"2024-05-10","person":{"sex":"female","birth_date":"1966-06-01"},
    "history":[{"from":"2005-03","to":"2020-10","salary":5000000}],
    "facts":{"reason":"emigration","monthly_pension":5000000,"pension_months_received":2}})");
  EXPECT_EQ(old.law, "58/2014/QH13");
  EXPECT_EQ(old.LumpSum(), 135'000'000);

  auto monthly = Ok(head + R"("facts":{"reason":"emigration","monthly_benefit":4000000}})");
  EXPECT_EQ(monthly.LumpSum(), 12'000'000);

  // Drawing both: 108,000,000 for the pension and 3 × 4,000,000 for the benefit.
  auto both = Ok(head + R"("facts":{"reason":"emigration","monthly_pension":6000000,"pension_months_received":50,
    "monthly_benefit":4000000}})");
  EXPECT_EQ(both.LumpSum(), 120'000'000);
  EXPECT_TRUE(HasStep(both, "emigrating_benefit_lump"));
  EXPECT_TRUE(HasStep(both, "emigrating_total"));

  auto missing = Calc(head + R"("facts":{"reason":"emigration","pensioner":true,"monthly_pension":6000000}})");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().field(), "facts.monthly_pension");
}

// Still contributing: the 12 months out are not met.
TEST(BenefitCalc, OneTimeStillContributingIsRefused) {
  auto r = Ok(R"({"regime":"one_time","event_date":"2026-03-10","person":{"sex":"male","birth_date":"1985-06-01"},
    "history":[{"from":"2014-01","to":"2026-02","salary":8000000}],"facts":{"reason":"out_of_work_12_months"}})");
  EXPECT_FALSE(r.eligible);
}

// A pensioner dies after 30 months of pension: 48 − 0.5 × (30 − 2) = 34
// months × 9,000,000 = 306,000,000.
TEST(BenefitCalc, SurvivorLumpSumOfPensioner) {
  auto r = Ok(R"({"regime":"survivor","event_date":"2026-03-10","person":{"sex":"male","birth_date":"1960-06-01"},
    "history":[{"from":"1990-01","to":"2020-06","salary":8000000}],
    "facts":{"pensioner":true,"monthly_pension":9000000,"pension_months_received":30,"kind":"lump_sum"}})");
  EXPECT_EQ(r.LumpSum(), 306'000'000);
}

// A contributor dies (2014 law's Art.70.1 rates, 2024 law in force):
// 2010-03..2013-12 is 3 years 10 months: 3 × 1.5 = 4.5 months, the 10 odd
// months carried to 2014-01..2026-02 (146 + 10 = 156 months = 13 years × 2 =
// 26): 30.5 × 6,000,000 = 183,000,000. Nine months only (2025-06..2026-02)
// round to a year × 2 = 2 months, under the floor of 3: 18,000,000.
TEST(BenefitCalc, SurvivorLumpSumOfAContributor) {
  auto r = Ok(R"({"regime":"survivor","event_date":"2026-03-10","person":{"sex":"male","birth_date":"1980-06-01"},
    "history":[{"from":"2010-03","to":"2026-02","salary":5000000}],
    "facts":{"kind":"lump_sum","average_salary":6000000}})");
  EXPECT_EQ(r.LumpSum(), 183'000'000);
  auto short_career =
      Ok(R"({"regime":"survivor","event_date":"2026-03-10","person":{"sex":"male","birth_date":"1980-06-01"},
    "history":[{"from":"2025-06","to":"2026-02","salary":5000000}],
    "facts":{"kind":"lump_sum","average_salary":6000000}})");
  EXPECT_EQ(short_career.LumpSum(), 18'000'000);
}

// One who contributed only voluntarily (41/2024 Art.110.2): under 60 months
// the survivors get the contributions paid back — 8 months × 5,000,000 ×
// 22% = 8,800,000 (where a compulsory career of the same length gets the 3
// months' floor above) —; from 60 months the years count with no floor: 7
// years 2 months from 2019 (2 months → half a year) = 7.5 × 2 = 15 months ×
// 5,000,000 (average given) = 75,000,000. Under the 2014 law (Art.81) the
// 8 months get the 3 months' floor: 3 × 5,000,000 = 15,000,000.
TEST(BenefitCalc, SurvivorLumpSumOfAVoluntaryContributor) {
  auto calc = [](const char* event, const char* from, const char* to, const char* extra) {
    char buf[512];
    std::snprintf(buf, sizeof buf, R"({"regime":"survivor","event_date":"%s",
      "person":{"sex":"female","birth_date":"1975-06-01"},
      "history":[{"from":"%s","to":"%s","salary":5000000,"scheme":"voluntary"}],"facts":{"kind":"lump_sum"%s}})",
                  event, from, to, extra);
    return Ok(buf);
  };
  BenefitResult short_career = calc("2026-03-10", "2025-07", "2026-02", "");
  EXPECT_EQ(short_career.LumpSum(), 8'800'000);
  const LawParam* p = CitedParam(short_career, "survivor.voluntary.paid_back_under_months");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->law, "41/2024/QH15 Art.110.2.c");
  EXPECT_EQ(calc("2026-03-10", "2019-01", "2026-02", R"(,"average_salary":5000000)").LumpSum(), 75'000'000);
  EXPECT_EQ(calc("2025-03-10", "2024-07", "2025-02", R"(,"average_salary":5000000)").LumpSum(), 15'000'000);
}

// Two dependants, one without a carer: 50% + 70% of 2,340,000 = 2,808,000.
TEST(BenefitCalc, SurvivorMonthly) {
  auto r = Ok(R"({"regime":"survivor","event_date":"2026-03-10","person":{"sex":"male","birth_date":"1975-06-01"},
    "history":[{"from":"2006-01","to":"2026-02","salary":8000000}],
    "facts":{"kind":"monthly","dependants":2,"dependants_without_carer":1}})");
  EXPECT_EQ(r.Monthly(), 2'808'000);
}

// The family, decided by the engine (41/2024 Art.86.2-3; death 10/03/2026,
// reference level 2,340,000): a son of 13 qualifies by age; the wife, 53,
// is under her retirement age (57 in 2026) and not disabled; the mother, 76,
// draws a pension of 3,000,000, not less than the reference level
// (excluded by Art.86.3); the father, 78, with no income and no carer,
// qualifies at 70%; a daughter of 26 with an 85% capacity loss qualifies.
// 2 × 50% × 2,340,000 + 70% × 2,340,000 = 2,340,000 + 1,638,000 =
// 3,978,000. The same daughter in salaried work under compulsory SI is
// excluded by Art.86.3 too: 1,170,000 + 1,638,000 = 2,808,000.
// The son turns 18 on 20/05/2030 and is paid through the month before,
// 04/2030 (his age counted by months, as for the 2014 law; a row flagged
// uncertain under this one): 3,978,000 for the 49 months 04/2026-04/2030,
// then the father and the daughter, 2,808,000, from 05/2030 while entitled.
TEST(BenefitCalc, SurvivorMonthlyRelativesUnderThe2024Law) {
  auto calc = [](const char* daughter_extra) {
    std::string json = R"({"regime":"survivor","event_date":"2026-03-10",
      "person":{"sex":"male","birth_date":"1975-06-01"},
      "history":[{"from":"2005-01","to":"2026-02","salary":8000000}],
      "facts":{"kind":"monthly","relatives":[
        {"relation":"child","birth_date":"2012-05-20","name":"An"},
        {"relation":"spouse","sex":"female","birth_date":"1972-04-01"},
        {"relation":"parent","sex":"female","birth_date":"1950-01-01","monthly_benefit":3000000},
        {"relation":"parent","sex":"male","birth_date":"1948","no_carer":true},
        {"relation":"child","birth_date":"2000-01-01","capacity_loss_pct":85)" +
                       std::string(daughter_extra) + "}]}}";
    return Ok(json);
  };
  BenefitResult r = calc("");
  EXPECT_TRUE(r.eligible);
  EXPECT_EQ(r.Monthly(), 3'978'000);
  const LawParam* rule = CitedParam(r, "survivor.relative.age_rule");
  EXPECT_EQ(rule ? rule->value : "", "retirement_age");
  std::string relatives = StepText(r, "relatives");
  EXPECT_NE(relatives.find("Con An (sinh 20/05/2012): 13 tuổi"), std::string::npos) << relatives;
  EXPECT_NE(relatives.find("Đủ điều kiện: 3/5 người"), std::string::npos) << relatives;
  EXPECT_NE(relatives.find("hết tháng 04/2030"), std::string::npos) << relatives;
  ASSERT_EQ(r.amounts.size(), 2u);
  EXPECT_EQ(r.amounts[0].from, Month::Of(2026, 4));
  EXPECT_EQ(r.amounts[0].months, 49);
  EXPECT_EQ(r.amounts[1].from, Month::Of(2030, 5));
  EXPECT_EQ(r.amounts[1].amount, 2'808'000);
  EXPECT_EQ(r.amounts[1].months, 0);
  EXPECT_NE(StepText(r, "survivor_monthly").find("từ 01/05/2030: 1 thân nhân"), std::string::npos)
      << StepText(r, "survivor_monthly");
  EXPECT_EQ(calc(R"(,"salaried_insured":true)").Monthly(), 2'808'000);
}

// The same family under the 2014 law (death 10/09/2024, base salary
// 2,340,000; Art.67.2-3): the wife, 55, is of age (55 for a woman) with an
// income of 2,000,000 below the base salary; the mother's pension of
// 3,000,000 is an income not below it; the salaried disabled daughter
// qualifies (the income condition is not for children); a second son, born
// 2015, is the fifth who qualifies, beyond the four paid for: the first
// four listed — son, wife, father (70%), daughter: 3 × 1,170,000 +
// 1,638,000 = 5,148,000. When the first son is paid out (18 on 20/05/2030,
// paid through 04/2030: the ministry's letter 3432/LĐTBXH-BHXH, item 4.a)
// the second comes in among the four: still 5,148,000, one stretch of 100
// months (10/2024-01/2033); the second son turns 18 on 01/02/2033, and from
// 02/2033 the wife, the father and the daughter get 3,978,000.
TEST(BenefitCalc, SurvivorMonthlyRelativesUnderThe2014Law) {
  auto r = Ok(R"({"regime":"survivor","event_date":"2024-09-10",
    "person":{"sex":"male","birth_date":"1970-06-01"},
    "history":[{"from":"2000-01","to":"2024-08","salary":8000000}],
    "facts":{"kind":"monthly","relatives":[
      {"relation":"child","birth_date":"2012-05-20"},
      {"relation":"spouse","sex":"female","birth_date":"1969-06-01","monthly_income":2000000},
      {"relation":"parent","sex":"female","birth_date":"1950-01-01","monthly_benefit":3000000},
      {"relation":"parent","sex":"male","birth_date":"1948","no_carer":true},
      {"relation":"child","birth_date":"2000-01-01","capacity_loss_pct":85,"salaried_insured":true},
      {"relation":"child","birth_date":"2015-02-01"}]}})");
  EXPECT_TRUE(r.eligible);
  EXPECT_EQ(r.Monthly(), 5'148'000);
  const LawParam* rule = CitedParam(r, "survivor.relative.age_rule");
  EXPECT_EQ(rule ? rule->value : "", "fixed");
  EXPECT_NE(StepText(r, "survivor_monthly").find("(tối đa 4 người)"), std::string::npos);
  ASSERT_EQ(r.amounts.size(), 2u);
  EXPECT_EQ(r.amounts[0].from, Month::Of(2024, 10));
  EXPECT_EQ(r.amounts[0].months, 100);
  EXPECT_EQ(r.amounts[1].from, Month::Of(2033, 2));
  EXPECT_EQ(r.amounts[1].amount, 3'978'000);
}

// A relative of two or more who died is paid twice the rate (58/2014
// Art.68.2, 41/2024 Art.87.2): one rate from each death, two at most. The
// son dies on 10/09/2024 (base salary 2,340,000); his father, 76, is already
// paid from two other deaths (two rates: nothing more from this one, and he
// is not counted); his mother, 74, from one (she is paid a second rate from
// this death); his son of 12 qualifies by age. 2 × 50% × 2,340,000 =
// 2,340,000 through 04/2030 (the boy is 18 in 05/2030), then 1,170,000. The
// father alone: nobody qualifies, the lump sum applies (Art.69.2).
TEST(BenefitCalc, SurvivorRelativeOfSeveralDeathsIsPaidTwoRatesAtMost) {
  auto calc = [](const std::string& relatives) {
    return Ok(R"({"regime":"survivor","event_date":"2024-09-10",
      "person":{"sex":"male","birth_date":"1975-06-01"},
      "history":[{"from":"2000-01","to":"2024-08","salary":8000000}],
      "facts":{"kind":"monthly","relatives":[)" +
              relatives + "]}}");
  };
  const std::string father = R"({"relation":"parent","sex":"male","birth_date":"1948","other_deaths":2})";
  BenefitResult r = calc(father + R"(,{"relation":"parent","sex":"female","birth_date":"1950-01-01","other_deaths":1},
      {"relation":"child","birth_date":"2012-05-20"})");
  EXPECT_TRUE(r.eligible);
  EXPECT_EQ(r.Monthly(), 2'340'000);
  ASSERT_EQ(r.amounts.size(), 2u);
  EXPECT_EQ(r.amounts[0].from, Month::Of(2024, 10));
  EXPECT_EQ(r.amounts[1].amount, 1'170'000);
  const std::string relatives = StepText(r, "relatives");
  EXPECT_NE(relatives.find("đang hưởng tuất hằng tháng của 2 người chết khác: đã đủ 2 lần mức trợ cấp — không đủ"),
            std::string::npos)
      << relatives;
  EXPECT_NE(relatives.find("của 1 người chết khác: hưởng thêm mức của người chết này"), std::string::npos) << relatives;
  EXPECT_NE(relatives.find("Đủ điều kiện: 2/3 người"), std::string::npos) << relatives;
  EXPECT_EQ(StepLaw(r, "relatives"), "Luật BHXH 58/2014/QH13, Điều 67.2, 67.3, 68.2");
  const LawParam* rates = CitedParam(r, "survivor.relative.max_rates");
  EXPECT_EQ(rates ? rates->value : "", "2");

  BenefitResult alone = calc(father);
  EXPECT_FALSE(alone.eligible);
  EXPECT_EQ(alone.Monthly(), 0);
}

// Nobody qualifies (a wife of 40 in work, a son of 20): no monthly benefit,
// the survivors' lump sum instead (41/2024 Art.88.2.b). A child born after
// the death (02/07/2026) is paid from the month of birth through the month
// before that of the 18th birthday: 07/2026-06/2044, 216 months.
TEST(BenefitCalc, SurvivorMonthlyRelativesNoneQualifyOrBornAfter) {
  auto none = Ok(R"({"regime":"survivor","event_date":"2026-03-10",
    "person":{"sex":"male","birth_date":"1980-06-01"},
    "history":[{"from":"2005-01","to":"2026-02","salary":8000000}],
    "facts":{"kind":"monthly","relatives":[
      {"relation":"spouse","sex":"female","birth_date":"1986-01-01","salaried_insured":true},
      {"relation":"child","birth_date":"2006-01-01"}]}})");
  EXPECT_FALSE(none.eligible);
  EXPECT_EQ(none.Monthly(), 0);
  auto after = Ok(R"({"regime":"survivor","event_date":"2026-03-10",
    "person":{"sex":"male","birth_date":"1980-06-01"},
    "history":[{"from":"2005-01","to":"2026-02","salary":8000000}],
    "facts":{"kind":"monthly","relatives":[{"relation":"child","birth_date":"2026-07-02"}]}})");
  EXPECT_TRUE(after.eligible);
  EXPECT_EQ(after.Monthly(), 1'170'000);
  ASSERT_EQ(after.amounts.size(), 1u);
  EXPECT_EQ(after.amounts[0].from, Month::Of(2026, 7));
  EXPECT_EQ(after.amounts[0].months, 216);
}

// A child's age for the survivors' benefit is counted by months (the
// ministry's letter 3432/LĐTBXH-BHXH of 08/09/2016, item 4.a): under 18
// through the month before the birthday's month in the 18th year. A death
// on 10/09/2024 (58/2014, base salary 2,340,000): a son born 25/09/2006 is
// 17 by the day but of age by the month (09/2024) and does not qualify; a
// son born 01/10/2006 qualifies but is under 18 only through 09/2024, before
// the first month paid (10/2024): nothing monthly; a daughter born
// 15/03/2010 is paid 1,170,000 from 10/2024 through 02/2028, 41 months. The
// family's choice of the lump sum is barred by a child under 6 counted the
// same way: born 20/09/2018, 6 by the month, does not bar it; born
// 01/10/2018 does.
TEST(BenefitCalc, AChildsAgeForSurvivorsIsCountedByMonths) {
  auto calc = [](const char* kind, const std::string& relatives) {
    return Ok(std::string(R"({"regime":"survivor","event_date":"2024-09-10",
      "person":{"sex":"male","birth_date":"1975-06-01"},
      "history":[{"from":"2000-01","to":"2024-08","salary":8000000}],
      "facts":{"kind":")") +
              kind + R"(","average_salary":8000000,"relatives":[)" + relatives + "]}}");
  };
  BenefitResult of_age = calc("monthly", R"({"relation":"child","birth_date":"2006-09-25"})");
  EXPECT_FALSE(of_age.eligible);
  EXPECT_NE(StepText(of_age, "relatives").find("17 tuổi (tính đủ 18 tuổi từ tháng 09/2024)"), std::string::npos)
      << StepText(of_age, "relatives");
  EXPECT_FALSE(calc("monthly", R"({"relation":"child","birth_date":"2006-10-01"})").eligible);
  BenefitResult paid = calc("monthly", R"({"relation":"child","birth_date":"2010-03-15"})");
  EXPECT_TRUE(paid.eligible);
  ASSERT_EQ(paid.amounts.size(), 1u);
  EXPECT_EQ(paid.amounts[0].amount, 1'170'000);
  EXPECT_EQ(paid.amounts[0].from, Month::Of(2024, 10));
  EXPECT_EQ(paid.amounts[0].months, 41);
  const LawParam* row = CitedParam(paid, "survivor.relative.child_paid_through");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->value, "-1");
  EXPECT_FALSE(row->uncertain());
  const std::string wife = R"({"relation":"spouse","sex":"female","birth_date":"1960-06-01"},)";
  EXPECT_TRUE(calc("lump_sum", wife + R"({"relation":"child","birth_date":"2018-09-20"})").eligible);
  BenefitResult barred = calc("lump_sum", wife + R"({"relation":"child","birth_date":"2018-10-01"})");
  EXPECT_FALSE(barred.eligible);
  EXPECT_NE(StepText(barred, "lump_choice").find("dưới 6 tuổi"), std::string::npos);
}

// The family may take the survivors' lump sum instead of the monthly
// benefit (58/2014 Art.69.3; 41/2024 Art.88.2.c). Under the 2014 law not a
// family with a child under 6 or a disabled child or spouse: the 2014 family
// above with its daughter of 85% is refused, and so is a family with a son
// of 3; without them the choice stands and the lump sum is the one computed
// without relatives. Under the 2024 law no exception: the 2024 family with
// its disabled daughter takes the lump sum. A deceased who was not in a
// monthly case (10 years of contributions) leaves the lump sum, whoever the
// relatives are (Art.69.1). The 2014 cases give the average salary (no
// revaluation table for 2024 yet).
TEST(BenefitCalc, SurvivorLumpSumChosenByTheFamily) {
  const std::string y2014 = R"({"regime":"survivor","event_date":"2024-09-10",
    "person":{"sex":"male","birth_date":"1970-06-01"},
    "history":[{"from":"2000-01","to":"2024-08","salary":8000000}],
    "facts":{"kind":"lump_sum","average_salary":8000000)";
  const std::string wife = R"({"relation":"spouse","sex":"female","birth_date":"1969-06-01"})";
  auto disabled = Ok(y2014 + R"(,"relatives":[)" + wife +
                     R"(,{"relation":"child","birth_date":"2000-01-01","capacity_loss_pct":85}]}})");
  EXPECT_FALSE(disabled.eligible);
  EXPECT_EQ(disabled.LumpSum(), 0);
  EXPECT_NE(StepText(disabled, "lump_choice").find("suy giảm khả năng lao động 85%"), std::string::npos)
      << StepText(disabled, "lump_choice");
  auto young = Ok(y2014 + R"(,"relatives":[)" + wife + R"(,{"relation":"child","birth_date":"2021-03-01"}]}})");
  EXPECT_FALSE(young.eligible);
  EXPECT_NE(StepText(young, "lump_choice").find("dưới 6 tuổi"), std::string::npos);
  auto chosen = Ok(y2014 + R"(,"relatives":[)" + wife + R"(,{"relation":"child","birth_date":"2012-05-20"}]}})");
  auto plain = Ok(y2014 + "}}");
  EXPECT_TRUE(chosen.eligible);
  EXPECT_GT(plain.LumpSum(), 0);
  EXPECT_EQ(chosen.LumpSum(), plain.LumpSum());
  EXPECT_NE(StepText(chosen, "lump_choice").find("2 thân nhân đủ điều kiện"), std::string::npos);

  auto y2024 = Ok(R"({"regime":"survivor","event_date":"2026-03-10",
    "person":{"sex":"male","birth_date":"1975-06-01"},
    "history":[{"from":"2005-01","to":"2026-02","salary":8000000}],
    "facts":{"kind":"lump_sum","relatives":[{"relation":"child","birth_date":"2023-05-20"},
      {"relation":"child","birth_date":"2000-01-01","capacity_loss_pct":85}]}})");
  EXPECT_TRUE(y2024.eligible);
  EXPECT_GT(y2024.LumpSum(), 0);
  EXPECT_EQ(StepLaw(y2024, "lump_choice"), "Luật BHXH 41/2024/QH15, Điều 88.2.c");

  auto short_career = Ok(R"({"regime":"survivor","event_date":"2024-09-10",
    "person":{"sex":"male","birth_date":"1980-06-01"},
    "history":[{"from":"2014-09","to":"2024-08","salary":8000000}],
    "facts":{"average_salary":8000000,"relatives":[{"relation":"child","birth_date":"2021-03-01"}]}})");
  EXPECT_TRUE(short_career.eligible);
  // 10 years from 2014 × 2 months × 8,000,000 = 160,000,000.
  EXPECT_EQ(short_career.LumpSum(), 160'000'000);
  EXPECT_EQ(StepLaw(short_career, "lump_choice"), "Luật BHXH 58/2014/QH13, Điều 69.1");
}

// Relatives refused with the field named: both forms at once; a spouse
// without a sex; a parent born after the death; a child born more than ten
// months after it.
// One who drew a monthly occupational allowance after leaving work
// (3,000,000 for a 65% loss) with 8 years of contributions: a monthly case
// all the same (41/2024 Art.86.1.d: from 61%); a son of 10 gets 50% of the
// reference level 2,340,000 = 1,170,000. With a 50% loss not a monthly
// case. Having taken the one-time SI, his survivors' lump sum is 3 months
// of the allowance, 9,000,000 (Art.89.3); the 2014 law has no such rule and
// says so on the field. His funeral grant needs no 12 months: 10 × 2,340,000.
TEST(BenefitCalc, SurvivorsOfOneDrawingAnOccupationalAllowance) {
  auto req = [](const std::string& facts, const char* date = "2026-03-10") {
    return std::string(R"({"regime":"survivor","event_date":")") + date + R"(",
      "person":{"sex":"male","birth_date":"1975-06-01"},
      "history":[{"from":"2010-01","to":"2017-12","salary":6000000}],
      "facts":{)" +
           facts + "}}";
  };
  const std::string son = R"("relatives":[{"relation":"child","birth_date":"2015-04-01"}])";
  auto monthly = Ok(req(R"("kind":"monthly","occupational_allowance":3000000,"capacity_loss_pct":65,)" + son));
  EXPECT_TRUE(monthly.eligible);
  EXPECT_EQ(monthly.Monthly(), 1'170'000);
  EXPECT_EQ(StepLaw(monthly, "occupational_allowance"), "Luật BHXH 41/2024/QH15, Điều 86.1.d");
  auto low = Ok(req(R"("kind":"monthly","occupational_allowance":3000000,"capacity_loss_pct":50,)" + son));
  EXPECT_FALSE(low.eligible);
  auto none = Ok(req(R"("kind":"monthly",)" + son));
  EXPECT_FALSE(none.eligible);
  auto lump =
      Ok(req(R"("kind":"lump_sum","occupational_allowance":3000000,"capacity_loss_pct":65,"one_time_taken":true)"));
  EXPECT_TRUE(lump.eligible);
  EXPECT_EQ(lump.LumpSum(), 9'000'000);
  EXPECT_EQ(StepLaw(lump, "survivor_lump"), "Luật BHXH 41/2024/QH15, Điều 89.3");
  auto old =
      Calc(req(R"("kind":"lump_sum","occupational_allowance":3000000,"capacity_loss_pct":65,"one_time_taken":true)",
               "2024-09-10"));
  ASSERT_FALSE(old.ok());
  EXPECT_EQ(old.status().field(), "facts.one_time_taken");
  auto no_loss = Calc(req(R"("kind":"monthly","occupational_allowance":3000000,)" + son));
  ASSERT_FALSE(no_loss.ok());
  EXPECT_EQ(no_loss.status().field(), "facts.capacity_loss_pct");
  auto funeral = Ok(R"({"regime":"funeral","event_date":"2026-03-10","person":{"sex":"male","birth_date":"1975-06-01"},
    "history":[{"from":"2017-01","to":"2017-08","salary":6000000}],"facts":{"occupational_allowance":3000000}})");
  EXPECT_TRUE(funeral.eligible);
  EXPECT_EQ(funeral.LumpSum(), 23'400'000);
  // An allowance of 0 is no allowance: refused, not counted as drawn.
  auto zero = Calc(R"({"regime":"funeral","event_date":"2026-03-10","person":{"sex":"male","birth_date":"1975-06-01"},
    "history":[{"from":"2017-01","to":"2017-08","salary":6000000}],"facts":{"occupational_allowance":0}})");
  ASSERT_FALSE(zero.ok());
  EXPECT_EQ(zero.status().field(), "facts.occupational_allowance");
}

TEST(BenefitCalc, SurvivorRelativesRefusedWithTheirField) {
  auto req = [](const std::string& facts) {
    return R"({"regime":"survivor","event_date":"2026-03-10","person":{"sex":"male","birth_date":"1980-06-01"},
      "history":[{"from":"2005-01","to":"2026-02","salary":8000000}],"facts":{"kind":"monthly",)" +
           facts + "}}";
  };
  EXPECT_EQ(FieldOf(req(R"("dependants":1,"relatives":[{"relation":"child","birth_date":"2012"}])")),
            "facts.relatives");
  EXPECT_EQ(FieldOf(req(R"("relatives":[{"relation":"spouse","birth_date":"1980"}])")), "facts.relatives[1].sex");
  EXPECT_EQ(FieldOf(req(R"("relatives":[{"relation":"child","birth_date":"2012"},
                                        {"relation":"parent","sex":"male","birth_date":"2026-04-01"}])")),
            "facts.relatives[2].birth_date");
  EXPECT_EQ(FieldOf(req(R"("relatives":[{"relation":"child","birth_date":"2027-03-01"}])")),
            "facts.relatives[1].birth_date");
}

// Funeral grant: 10 × the base salary / reference level of the month of death.
TEST(BenefitCalc, FuneralUnderBothLaws) {
  auto a = Ok(R"({"regime":"funeral","event_date":"2026-03-10","person":{"sex":"male","birth_date":"1970"},
    "history":[{"from":"2010-01","to":"2026-02","salary":7000000}]})");
  EXPECT_EQ(a.LumpSum(), 23'400'000);
  auto b = Ok(R"({"regime":"funeral","event_date":"2019-03-10","person":{"sex":"male","birth_date":"1970"},
    "history":[{"from":"2010-01","to":"2019-02","salary":7000000}]})");
  EXPECT_EQ(b.LumpSum(), 13'900'000);
}

// --- Unemployment, social pension --------------------------------------

// 60% of 12,000,000 = 7,200,000; 88 months: 3 + (88 − 36) / 12 = 7 months.
TEST(BenefitCalc, Unemployment) {
  auto r = Ok(R"({"regime":"unemployment","event_date":"2026-05-04","person":{"sex":"male","birth_date":"1988"},
    "history":[{"from":"2019-01","to":"2026-04","salary":12000000}],"facts":{"region":1}})");
  EXPECT_EQ(r.Monthly(), 7'200'000);
  EXPECT_EQ(r.amounts[0].months, 7);
}

// 60% of 50,000,000 = 30,000,000 capped at 5 × 5,310,000 = 26,550,000.
TEST(BenefitCalc, UnemploymentCap) {
  auto r = Ok(R"({"regime":"unemployment","event_date":"2026-05-04","person":{"sex":"male","birth_date":"1988"},
    "history":[{"from":"2023-01","to":"2026-04","salary":50000000}],"facts":{"region":1}})");
  EXPECT_EQ(r.Monthly(), 26'550'000);
  EXPECT_EQ(r.amounts[0].months, 3);
}

TEST(BenefitCalc, SocialPensionAge) {
  auto old = Ok(R"({"regime":"social_pension","event_date":"2026-03-10","person":{"sex":"female","birth_date":"1950-01-01"}})");
  EXPECT_TRUE(old.eligible);
  EXPECT_EQ(old.Monthly(), 500'000);
  EXPECT_FALSE(old.warnings.empty());  // the amount is an unconfirmed parameter
  auto young = Ok(R"({"regime":"social_pension","event_date":"2026-03-10","person":{"sex":"female","birth_date":"1954-01-01"}})");
  EXPECT_FALSE(young.eligible);
  auto poor = Ok(R"({"regime":"social_pension","event_date":"2026-03-10","person":{"sex":"female","birth_date":"1954-01-01"},
    "facts":{"poor_household":true}})");
  EXPECT_TRUE(poor.eligible);
}

// --- Bad input ----------------------------------------------------------

TEST(BenefitCalc, BadInputNamesTheField) {
  // A history that overlaps itself.
  EXPECT_EQ(FieldOf(R"({"regime":"pension","event_date":"2026-03-01","person":{"sex":"male","birth_date":"1960"},
    "history":[{"from":"2000-01","to":"2010-12","salary":5000000},{"from":"2010-06","to":"2020-12","salary":5000000}]})"),
            "history[2].from");
  // Contributions before birth.
  EXPECT_EQ(FieldOf(R"({"regime":"pension","event_date":"2026-03-01","person":{"sex":"male","birth_date":"1990"},
    "history":[{"from":"1985-01","to":"2010-12","salary":5000000}]})").rfind("history[1]", 0),
            0u);
  // A period ending before it starts.
  EXPECT_EQ(FieldOf(R"({"regime":"pension","event_date":"2026-03-01","person":{"sex":"male","birth_date":"1960"},
    "history":[{"from":"2010-01","to":"2009-12","salary":5000000}]})").rfind("history[1]", 0),
            0u);
  // Salary and coefficient together.
  EXPECT_EQ(FieldOf(R"({"regime":"pension","event_date":"2026-03-01","person":{"sex":"male","birth_date":"1960"},
    "history":[{"from":"2010-01","to":"2012-12","salary":5000000,"salary_coefficient":2.34}]})").rfind("history[1]", 0),
            0u);
}

// The request schema (types, ranges) and the calculator (dates, overlaps)
// name the same item the same way, counted from 1 as people count rows:
// the console marks the row the message names.
TEST(BenefitCalc, SchemaAndCalculatorNameAHistoryItemAlike) {
  auto field = [](const std::string& text) -> std::string {
    Json j = Json::parse(text);
    Status s = schemas::BenefitRequest().Validate(j);
    if (!s.ok()) return "schema:" + s.field();
    return "calc:" + FieldOf(text);
  };
  const std::string head = R"({"regime":"pension","event_date":"2026-03-01","person":{"sex":"male","birth_date":"1990"},"history":[)";
  EXPECT_EQ(field(head + R"({"from":"2010-01","to":"2012-12","salary":-5}]})"), "schema:history[1].salary");
  EXPECT_EQ(field(head + R"({"from":"1985-01","to":"2012-12","salary":5000000}]})"), "calc:history[1].from");
  EXPECT_EQ(field(head + R"({"from":"2010-01","to":"2012-12","salary":5000000},{"from":"2013-01","to":"2014-12","salary":-5}]})"),
            "schema:history[2].salary");
  EXPECT_EQ(field(head + R"({"from":"2010-01","to":"2012-12","salary":5000000},{"from":"2013-01","to":"2012-12","salary":5000000}]})"),
            "calc:history[2].to");
  // The range is written the Vietnamese way.
  Status s = schemas::BenefitRequest().Validate(Json::parse(head + R"({"from":"2010-01","to":"2012-12","salary":-5}]})"));
  EXPECT_NE(s.message_vi().find("1.000.000"), std::string::npos) << s.message_vi();
}

TEST(BenefitCalc, UnknownRegimeIsAnError) {
  auto r = ParseRegime("pensionn");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().field(), "regime");
}

// No revaluation table for benefits decided in 2031: an explicit error,
// never a silent coefficient of 1.
TEST(BenefitCalc, MissingRevaluationTableIsAnError) {
  auto r = Calc(R"({"regime":"pension","event_date":"2031-06-01","person":{"sex":"male","birth_date":"1965-01-15"},
    "history":[{"from":"2000-01","to":"2031-05","salary":5000000}]})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), "missing_revaluation");
  EXPECT_NE(r.status().message_vi().find("2031"), std::string::npos);
}

// Benefits decided in 2023 read the table of Circular 01/2023/TT-BLĐTBXH
// (marked unconfirmed in the data, and the answer says so). By hand, 58/2014
// Art.60.2.c: seven months (03–09/2022) at 5,100,000; contributions paid
// 22% × 5,100,000 × 7 = 7,854,000; the cap, two months of the average
// salary revalued with 2022's coefficient 1.03: 5,100,000 × 1.03 = 5,253,000,
// × 2 = 10,506,000; the lump sum is the smaller, 7,854,000. Twelve months
// after the last contribution (09/2022) fall in 09/2023: on 01/11/2023 the
// condition holds.
TEST(BenefitCalc, BenefitsOf2023ReadThatYearsTable) {
  BenefitResult r = Ok(R"({"regime":"one_time","event_date":"2023-11-01",
    "person":{"sex":"female","birth_date":"1990-02-10"},"facts":{"reason":"out_of_work_12_months"},
    "history":[{"from":"2022-03","to":"2022-09","salary":5100000}]})");
  EXPECT_EQ(r.average_salary, 5'253'000);
  EXPECT_EQ(AmountOf(r, "lump_sum"), 7'854'000);
  const LawParam* p = CitedParam(r, "revaluation.2023.compulsory.2022");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->value, "1.03");
  EXPECT_EQ(p->law, "Circular 01/2023/TT-BLĐTBXH");
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].find("revaluation.2023.compulsory.2022"), std::string::npos) << r.warnings[0];
}

// A benefit year whose table the data does not hold (2022): the officer
// gives the circular's coefficients with the request. By hand, 58/2014
// Art.60.2 and 62: 12 months at 4,000,000 × 1.60 and 12 at 5,000,000 × 1.50
// average (76,800,000 + 90,000,000) / 24 = 6,950,000; two years before
// 2014 at 1.5 months each: 3 × 6,950,000 = 20,850,000. (The coefficients
// are the test's, not the circular's.)
TEST(BenefitCalc, CoefficientsGivenWithTheRequestWhenTheDataHasNoTable) {
  const std::string head = R"({"regime":"one_time","event_date":"2022-06-01",
    "person":{"sex":"female","birth_date":"1985-02-10"},"facts":{"reason":"out_of_work_12_months"},
    "history":[{"from":"2011-01","to":"2011-12","salary":4000000},{"from":"2012-01","to":"2012-12","salary":5000000}])";
  auto without = Calc(head + "}");
  ASSERT_FALSE(without.ok());
  EXPECT_EQ(without.status().code(), "missing_revaluation");
  EXPECT_NE(without.status().message_vi().find("revaluation"), std::string::npos) << without.status().message_vi();

  BenefitResult r = Ok(head + R"(,"revaluation":[{"contribution_year":2011,"coefficient":1.6},
    {"contribution_year":2012,"coefficient":1.5}]})");
  EXPECT_EQ(r.average_salary, 6'950'000);
  EXPECT_EQ(AmountOf(r, "lump_sum"), 20'850'000);
  const LawParam* p = CitedParam(r, "revaluation.2022.compulsory.2011");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->value, "1.60");
  EXPECT_EQ(p->law, "hệ số ghi trong yêu cầu");
  bool warned = false;
  for (const auto& w : r.warnings) warned |= w.find("hệ số do người yêu cầu ghi") != std::string::npos;
  EXPECT_TRUE(warned) << "an answer on given coefficients says so";

  // A year the given table lacks is named, on the request's field.
  auto gap = Calc(head + R"(,"revaluation":[{"contribution_year":2011,"coefficient":1.6}]})");
  ASSERT_FALSE(gap.ok());
  EXPECT_EQ(gap.status().field(), "revaluation");
  EXPECT_NE(gap.status().message_vi().find("2012"), std::string::npos);

  // Years before 1995 are one row, 1994; a year twice is refused at the second.
  auto early = Calc(head + R"(,"revaluation":[{"contribution_year":1990,"coefficient":5.6}]})");
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.status().field(), "revaluation[1].contribution_year");
  auto twice = Calc(head + R"(,"revaluation":[{"contribution_year":2011,"coefficient":1.6},
    {"contribution_year":2011,"coefficient":1.7}]})");
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.status().field(), "revaluation[2].contribution_year");
}

// Where the data has the year's table, it wins over coefficients in the
// request, and the answer says they were not used.
TEST(BenefitCalc, TheDataTableWinsOverGivenCoefficients) {
  const std::string head = R"({"regime":"one_time","event_date":"2026-06-01",
    "person":{"sex":"female","birth_date":"1985-02-10"},"facts":{"reason":"out_of_work_12_months"},
    "history":[{"from":"2011-01","to":"2012-12","salary":4000000}])";
  BenefitResult plain = Ok(head + "}");
  BenefitResult given = Ok(head + R"(,"revaluation":[{"contribution_year":2011,"coefficient":9},
    {"contribution_year":2012,"coefficient":9}]})");
  EXPECT_GT(plain.average_salary, 4'000'000);
  EXPECT_EQ(given.average_salary, plain.average_salary);
  EXPECT_EQ(AmountOf(given, "lump_sum"), AmountOf(plain, "lump_sum"));
  bool warned = false;
  for (const auto& w : given.warnings) warned |= w.find("Không dùng các hệ số") != std::string::npos;
  EXPECT_TRUE(warned);
}

// --- Examples published by others, built into the request shape ---------
//
// Each test below holds an example as a newspaper or an employers' advice
// page published it, with its source; the expected values are the published
// ones, checked by hand against the formula before being written here.

// Lao Động, "Cách tính chi tiết tỉ lệ hưởng lương hưu hằng tháng" (reprinted
// at vntin.net): "Ông A đóng BHXH được 25 năm. Năm 2021, ông A nghỉ hưu ...
// 19 năm đóng BHXH: hưởng 45%; 6 năm còn lại: 6 × 2% = 12%; tổng 57%" and
// "Bà A đóng BHXH được 28 năm. Năm 2021 ... 15 năm: 45%; 13 năm còn lại:
// 13 × 2% = 26%; tổng 71%" (58/2014/QH13 Art.56.2). Birth dates are chosen
// so that each reaches the 2021 age (60y3m, 55y4m; Decree 135/2020) just
// before the event; the average salary is given so the rate is what is read.
TEST(BenefitCalc, PublishedPensionRatesOf2021) {
  auto pension = [](const char* event, const char* sex, const char* birth, const char* from, const char* to) {
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  R"({"regime":"pension","event_date":"%s","person":{"sex":"%s","birth_date":"%s"},
                      "history":[{"from":"%s","to":"%s","salary":5000000}],"facts":{"average_salary":10000000}})",
                  event, sex, birth, from, to);
    BenefitResult r = Ok(buf);
    EXPECT_TRUE(r.eligible) << event;
    return r;
  };
  BenefitResult man = pension("2021-04-01", "male", "1960-12-15", "1996-04", "2021-03");
  EXPECT_EQ(man.law, "58/2014/QH13");
  EXPECT_EQ(man.contribution_months, 300);
  EXPECT_EQ(man.rate, 570'000);
  EXPECT_EQ(AmountOf(man, "monthly_pension"), 5'700'000);
  BenefitResult woman = pension("2021-02-01", "female", "1965-09-10", "1993-02", "2021-01");
  EXPECT_EQ(woman.contribution_months, 336);
  EXPECT_EQ(woman.rate, 710'000);
  EXPECT_EQ(AmountOf(woman, "monthly_pension"), 7'100'000);
  // The same man a year later needs 20 years for 45% (Art.56.2.b): 45% +
  // 2% × 5 = 55% with 25 years.
  EXPECT_EQ(pension("2022-08-01", "male", "1961-12-15", "1997-07", "2022-06").rate, 550'000);
}

// ketoantinviet.vn, "Điểm mới về chế độ ốm đau cho người lao động" (2024):
// convalescence after sickness is 30% of the base salary a day (58/2014/QH13
// Art.29.3): 540,000 a day while the base salary was 1,800,000 (Decree
// 24/2023), 702,000 a day from 01/07/2024 (Decree 73/2024, 2,340,000).
// Five days (the limit for an ordinary illness, Art.29.2.c) each side.
TEST(BenefitCalc, PublishedConvalescenceBeforeAndAfterJuly2024) {
  const char* req = R"({"regime":"sickness","event_date":"%s","person":{"sex":"female","birth_date":"1990-01-01"},
    "history":[{"from":"2015-01","to":"%s","salary":9000000}],"facts":{"kind":"recovery","days":%d}})";
  char buf[512];
  std::snprintf(buf, sizeof buf, req, "2024-06-10", "2024-05", 5);
  auto r = Ok(buf);
  EXPECT_TRUE(r.eligible);
  EXPECT_EQ(r.LumpSum(), 5 * 540'000);
  std::snprintf(buf, sizeof buf, req, "2024-07-15", "2024-06", 5);
  r = Ok(buf);
  EXPECT_EQ(r.LumpSum(), 5 * 702'000);
  // Asked for seven days after an ordinary illness, five are paid.
  std::snprintf(buf, sizeof buf, req, "2024-07-15", "2024-06", 7);
  r = Ok(buf);
  EXPECT_EQ(r.LumpSum(), 5 * 702'000);
}

// Circular 59/2015/TT-BLĐTBXH's own worked examples (the ministry's
// circular guiding the 2014 law; its text as published, read on
// 2026-12-07), built into requests; the amounts by hand where the circular
// gives only days or averages, at a salary of 6,000,000 where it gives none.
// Example 2: Bà A, 13 years of contributions, moved to heavy work in
// 10/2016, had 30 sick days in 2016; sick on 25/10/2016 for 7 working days:
// her limit is heavy work's 40, all 7 are paid: 6,000,000 × 75% / 24 × 7 =
// 1,312,500. Example 3: Bà B, 10 years, heavy work to 08/2016 then normal,
// 37 sick days in 2016; sick on 26/09/2016 for 3 days: the limit is that of
// the work when the sickness starts, 30, and nothing is paid. Example 11:
// Ông Ph took 5 days of convalescence in 2016; after surgery in 09/2016 he
// has 7 − 5 = 2 days left: 2 × 30% × 1,210,000 = 726,000. Example 16: Chị C
// gives birth on 16/03/2016, 10/2015-01/2016 at 5,000,000, 02-03/2016 at
// 6,500,000: the birth month counts (born on or after the 15th, paid), the
// average is 5,500,000: 6 months = 33,000,000, grant 2 × 1,150,000.
// Example 17: Chị D, rest ordered during pregnancy, gives birth on
// 13/05/2017; 05/2014-04/2016 at 8,500,000, 05-08/2016 at 7,000,000, none
// after: the average of the last six months paid is 7,500,000: 45,000,000,
// grant 2 × 1,210,000. Examples 13 and 14, the 12 months before a birth:
// born on 18/01/2017 with January paid, 02/2016-01/2017, so 08/2016-01/2017
// are 6 months and she qualifies (36,000,000 at 6,000,000); born on the
// 14th, January does not count and 5 months do not qualify; born on
// 14/12/2017 after leaving in 08/2017, 12/2016-11/2017 holds 03-08/2017.
TEST(BenefitCalc, PublishedCircular59Examples) {
  auto sick = [](const char* date, const char* history, const char* facts) {
    return Ok(std::string(R"({"regime":"sickness","event_date":")") + date +
              R"(","person":{"sex":"female","birth_date":"1980-01-01"},"history":[)" + history + R"(],"facts":)" +
              facts + "}");
  };
  BenefitResult a = sick("2016-10-25",
                         R"({"from":"2003-10","to":"2016-09","salary":6000000},
                            {"from":"2016-10","to":"2016-10","salary":6000000,"work":"heavy"})",
                         R"({"kind":"own","days":7,"days_used_this_year":30})");
  EXPECT_EQ(a.LumpSum(), 1'312'500);
  EXPECT_NE(StepText(a, "sickness").find("tối đa 40 ngày/năm"), std::string::npos) << StepText(a, "sickness");
  BenefitResult b = sick("2016-09-26",
                         R"({"from":"2006-09","to":"2016-08","salary":6000000,"work":"heavy"},
                            {"from":"2016-09","to":"2016-09","salary":6000000})",
                         R"({"kind":"own","days":3,"days_used_this_year":37})");
  EXPECT_EQ(b.LumpSum(), 0);
  EXPECT_NE(StepText(b, "sickness").find("tối đa 30 ngày/năm"), std::string::npos) << StepText(b, "sickness");
  BenefitResult ph = sick("2016-10-03", R"({"from":"2010-01","to":"2016-09","salary":6000000,"work":"heavy"})",
                          R"({"kind":"recovery","surgery":true,"days":7,"days_used_this_year":5})");
  EXPECT_EQ(ph.LumpSum(), 726'000);
  auto birth = [](const char* date, const char* history, const char* extra) {
    return Ok(std::string(R"({"regime":"maternity","event_date":")") + date +
              R"(","person":{"sex":"female","birth_date":"1990-01-01"},"history":[)" + history +
              R"(],"facts":{"kind":"birth")" + extra + "}}");
  };
  BenefitResult c = birth("2016-03-16",
                          R"({"from":"2015-10","to":"2016-01","salary":5000000},
                             {"from":"2016-02","to":"2016-03","salary":6500000})",
                          "");
  EXPECT_EQ(AmountOf(c, "leave"), 33'000'000);
  EXPECT_EQ(AmountOf(c, "grant"), 2'300'000);
  BenefitResult d = birth("2017-05-13",
                          R"({"from":"2014-05","to":"2016-04","salary":8500000},
                             {"from":"2016-05","to":"2016-08","salary":7000000})",
                          R"(,"rest_ordered_before_birth":true)");
  EXPECT_EQ(AmountOf(d, "leave"), 45'000'000);
  EXPECT_EQ(AmountOf(d, "grant"), 2'420'000);
  const char* to_january = R"({"from":"2016-08","to":"2017-01","salary":6000000})";
  BenefitResult a13 = birth("2017-01-18", to_january, "");
  EXPECT_EQ(AmountOf(a13, "leave"), 36'000'000);
  EXPECT_NE(StepText(a13, "window").find("(02/2016 – 01/2017)"), std::string::npos) << StepText(a13, "window");
  EXPECT_EQ(StepLaw(a13, "window"), "Thông tư 59/2015/TT-BLĐTBXH Điều 9.1");
  EXPECT_FALSE(birth("2017-01-14", to_january, "").eligible);
  EXPECT_TRUE(birth("2017-12-14", R"({"from":"2017-03","to":"2017-08","salary":6000000})", "").eligible);
}

// Post-natal convalescence (58/2014 Art.41): at most 7 days after a
// caesarean, for a calendar year, holidays counted (the ministry's letter
// 3432/LĐTBXH-BHXH of 08/09/2016, item 2.e), at 30% of the base salary,
// 702,000 a day from 01/07/2024. Asked for 7 days on 15/08/2024: 7 ×
// 702,000 = 4,914,000; with 4 days already taken in 2024: 3 days,
// 2,106,000; with 7 taken: none left.
TEST(BenefitCalc, PostNatalConvalescenceIsCountedByCalendarYear) {
  auto calc = [](int used) {
    return Ok(R"({"regime":"maternity","event_date":"2024-08-15","person":{"sex":"female","birth_date":"1990-01-01"},
      "history":[{"from":"2015-01","to":"2024-07","salary":9000000}],
      "facts":{"kind":"recovery","surgery":true,"days":7,"days_used_this_year":)" +
              std::to_string(used) + "}}");
  };
  EXPECT_EQ(calc(0).LumpSum(), 4'914'000);
  BenefitResult three = calc(4);
  EXPECT_EQ(three.LumpSum(), 2'106'000);
  EXPECT_NE(StepText(three, "recovery").find("tối đa 7 ngày trong năm 2024, đã nghỉ 4"), std::string::npos)
      << StepText(three, "recovery");
  const LawParam* row = CitedParam(three, "maternity.recovery_days.per_calendar_year");
  ASSERT_NE(row, nullptr);
  EXPECT_NE(row->law.find("3432/LĐTBXH-BHXH"), std::string::npos);
  BenefitResult none = calc(7);
  EXPECT_FALSE(none.eligible);
  EXPECT_EQ(none.LumpSum(), 0);
  // The days of a year are convalescence's: not a fact of a birth.
  EXPECT_EQ(
      FieldOf(R"({"regime":"maternity","event_date":"2024-08-15","person":{"sex":"female","birth_date":"1990-01-01"},
      "history":[{"from":"2015-01","to":"2024-07","salary":9000000}],"facts":{"kind":"birth","days_used_this_year":3}})"),
      "facts.days_used_this_year");
}

// BHXH tỉnh Cao Bằng (caobang.bhxh.gov.vn), "3. Trường hợp người lao động
// nghỉ việc có đủ 20 năm đóng BHXH trở lên được hưởng lương hưu với mức thấp
// hơn nếu bị suy giảm khả năng lao động từ 61% đến 80%", VD4: "Bà A đủ 53
// tuổi, làm việc trong điều kiện bình thường, bị suy giảm khả năng lao động
// 61%, có 26 năm 04 tháng đóng bảo hiểm xã hội, nghỉ hưu tháng 6/2017": 15
// years 45%, years 16 to 26 11 × 3% = 33%, 4 months as half a year 1.5%,
// 79.5% capped at 75%; 2 years before 55, 2 × 2% = 4%: 71% (58/2014/QH13
// Art.55.1.a, 56.1, 56.3). Pay scale of the State, last five years
// (joined before 1995): 40 months at coefficient 4.58 and 20 at 4.89, at the
// base salary of June 2017, 1,210,000: 221,672,000 + 118,338,000 =
// 340,010,000 / 60 = 5,666,833 (the page's own figures, Art.62.1.a, 63.1).
// The page stops before the amount; by hand 5,666,833 × 71% = 4,023,451.
// She is 53 years old to the month when she stops (born 15/05/1964, last day
// 31/05/2017, pension from June); the years before 06/2012 count for time
// only, at a coefficient the example does not give.
TEST(BenefitCalc, PublishedReducedCapacityPensionOf2017) {
  auto r = Ok(R"({"regime":"pension","event_date":"2017-05-31","person":{"sex":"female","birth_date":"1964-05-15"},
    "history":[{"from":"1991-02","to":"2012-05","salary_coefficient":3.0,"pay_scale":"state"},
               {"from":"2012-06","to":"2015-09","salary_coefficient":4.58,"pay_scale":"state"},
               {"from":"2015-10","to":"2017-05","salary_coefficient":4.89,"pay_scale":"state"}],
    "facts":{"capacity_loss_pct":61}})");
  ExpectPension(r, {"58/2014/QH13", 316, 5'666'833, 710'000, 4'023'451});
  EXPECT_TRUE(HasStep(r, "early_reduction"));
  const LawParam* p = CitedParam(r, "reference_level");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->value, "1210000");
}

// Circular 59/2015/TT-BLĐTBXH's examples of reduced-capacity pension rates
// (Art.17; 58/2014 Art.55, 56; Decree 115/2015 Art.7), each at 61% loss and
// an average given (10,000,000; the examples give rates only):
// 25 — Bà K, 50 years 1 month in 01/2019, 28 years: 45% + 13 × 2% = 71%,
//      4 years 11 months early (the odd month of her age ≤ 6: 1%): 9%, 62%;
// 26 — Ông Q, 49 in 04/2017, 27 years with 15 in underground coal: 45% +
//      12 × 2% = 69%, a year before 50: 67%;
// 27 — Bà M, only "born 1962" (01/01/1962), 25 years, from 01/03/2016:
//      45% + 10 × 3% = 75%, 54 years 1 month: 1%, 74%;
// 28 — Ông G, 56 years 7 months in 2018, 29 years 7 months (7 odd months
//      make a year: 30): 45% for 16 years + 14 × 2% = 73%, 3 years 5 months
//      early: 6%, 67%;
// 29 — Ông S, 51 in 2016, 15 years of especially heavy work, 27 years 3
//      months (27.5): 45% + 12.5 × 2% = 70%, 4 years before 55: 62%.
TEST(BenefitCalc, PublishedCircular59ReducedCapacityRates) {
  auto rate = [](const char* event, const char* sex, const char* born, const std::string& history) {
    BenefitResult r = Ok(std::string(R"({"regime":"pension","event_date":")") + event + R"(","person":{"sex":")" + sex +
                         R"(","birth_date":")" + born + R"("},"history":[)" + history +
                         R"(],"facts":{"capacity_loss_pct":61,"average_salary":10000000}})");
    EXPECT_TRUE(r.eligible) << event;
    EXPECT_EQ(AmountOf(r, "monthly_pension"), r.rate * 10);
    return r.rate;
  };
  EXPECT_EQ(rate("2018-12-31", "female", "1968-11-15", R"({"from":"1991-01","to":"2018-12","salary":6000000})"),
            620'000);
  EXPECT_EQ(rate("2017-03-31", "male", "1968-03-15",
                 R"({"from":"1990-04","to":"2002-03","salary":6000000},
                    {"from":"2002-04","to":"2017-03","salary":6000000,"work":"underground_coal"})"),
            670'000);
  EXPECT_EQ(rate("2016-02-29", "female", "1962", R"({"from":"1991-03","to":"2016-02","salary":6000000})"), 740'000);
  EXPECT_EQ(rate("2018-06-30", "male", "1961-11-15", R"({"from":"1988-12","to":"2018-06","salary":6000000})"), 670'000);
  EXPECT_EQ(rate("2016-06-30", "male", "1965-06-15",
                 R"({"from":"1989-04","to":"2001-06","salary":6000000},
                    {"from":"2001-07","to":"2016-06","salary":6000000,"work":"especially_heavy"})"),
            620'000);
}

// More of Circular 59/2015's examples. 30-32, when the age is reached
// (Art.18): a man born 01/03/1956 is paid from 01/04/2016; born 01/12/1956,
// from 01/01/2017 (not yet at the end of 11/2016); a woman whose record
// says only "born 1961", from 01/01/2017 (not yet in mid-2016). 34, the
// one-time benefit with months before and after 2014: 16 years 4 months,
// 10 years 2 months before 2014 — the 2 odd months carried over, 10 × 1.5
// + 6.5 × 2 = 28 months of the average (10,000,000 here: 280,000,000). 39,
// Ông M on the State's scale with a seniority allowance, from 01/04/2016 at
// the base salary of 1,150,000: 36 months at 5.76 × 1.25 and 24 at 6.10 ×
// 1.27 = 511,897,200 / 60 = 8,531,620, × 69% (27 years) = 5,886,818.
TEST(BenefitCalc, PublishedCircular59PensionStartsOneTimeAndSeniority) {
  auto pension = [](const char* event, const char* sex, const char* born) {
    return Ok(std::string(R"({"regime":"pension","event_date":")") + event + R"(","person":{"sex":")" + sex +
              R"(","birth_date":")" + born + R"("},"history":[{"from":"1991-01","to":")" +
              std::string(event).substr(0, 7) + R"(","salary":6000000}],"facts":{"average_salary":10000000}})");
  };
  auto start = [](const BenefitResult& r) { return r.amounts.empty() ? Month() : r.amounts[0].from; };
  EXPECT_EQ(start(pension("2016-03-31", "male", "1956-03-01")), Month::Of(2016, 4));
  EXPECT_EQ(start(pension("2016-12-31", "male", "1956-12-01")), Month::Of(2017, 1));
  EXPECT_FALSE(pension("2016-11-30", "male", "1956-12-01").eligible);
  EXPECT_FALSE(pension("2016-06-30", "female", "1961").eligible);
  BenefitResult c = pension("2016-12-31", "female", "1961");
  EXPECT_EQ(start(c), Month::Of(2017, 1));
  const LawParam* row = CitedParam(c, "pension.unknown_birth_month.counts_as");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->value, "12");

  BenefitResult t = Ok(R"({"regime":"one_time","event_date":"2021-03-01",
    "person":{"sex":"male","birth_date":"1980-01-01"},
    "history":[{"from":"2003-11","to":"2013-12","salary":6000000},{"from":"2014-01","to":"2020-02","salary":6000000}],
    "facts":{"reason":"out_of_work_12_months","average_salary":10000000}})");
  EXPECT_EQ(t.LumpSum(), 280'000'000);

  BenefitResult m = Ok(R"({"regime":"pension","event_date":"2016-03-31",
    "person":{"sex":"male","birth_date":"1956-02-10"},
    "history":[{"from":"1989-04","to":"2011-03","salary_coefficient":4.0,"pay_scale":"state"},
      {"from":"2011-04","to":"2014-03","salary_coefficient":5.76,"pay_scale":"state","allowances_pct":{"seniority":25}},
      {"from":"2014-04","to":"2016-03","salary_coefficient":6.10,"pay_scale":"state","allowances_pct":{"seniority":27}}]})");
  ExpectPension(m, {"58/2014/QH13", 324, 8'531'620, 690'000, 5'886'818});
}

// Circular 59/2015's example 52, the area allowance paid once: a pension
// from 03/2016 after 24 months at a place of coefficient 0.5 and 72 at 0.7,
// at the base salary of 1,150,000: (0.5 × 24 × 15% + 0.7 × 72 × 15%) ×
// 1,150,000 = 10,764,000, beside the pension; one-time SI and the
// survivors of one who died contributing the same.
TEST(BenefitCalc, PublishedCircular59AreaAllowancePaidOnce) {
  const std::string history = R"("history":[{"from":"1990-01","to":"1997-12","salary":4000000},
      {"from":"1998-01","to":"1999-12","salary":4000000,"area_coefficient":0.5},
      {"from":"2000-01","to":"2005-12","salary":4000000,"area_coefficient":0.7},
      {"from":"2006-01","to":"2016-02","salary":4000000}])";
  BenefitResult p = Ok(R"({"regime":"pension","event_date":"2016-02-29",
    "person":{"sex":"male","birth_date":"1956-01-10"},)" +
                       history + R"(,"facts":{"average_salary":8000000}})");
  EXPECT_EQ(AmountOf(p, "area_allowance"), 10'764'000);
  EXPECT_EQ(AmountOf(p, "monthly_pension"), 5'440'000);
  EXPECT_EQ(StepLaw(p, "area_allowance"), "Nghị định 115/2015/NĐ-CP Điều 21.2; Thông tư 59/2015/TT-BLĐTBXH Điều 31.2");
  BenefitResult o = Ok(R"({"regime":"one_time","event_date":"2016-03-10",
    "person":{"sex":"male","birth_date":"1976-01-10"},)" +
                       history + R"(,"facts":{"reason":"emigration","average_salary":8000000}})");
  EXPECT_EQ(AmountOf(o, "area_allowance"), 10'764'000);
  // The family of one who died contributing, in 03/2016: the same.
  BenefitResult s = Ok(R"({"regime":"survivor","event_date":"2016-03-10",
    "person":{"sex":"male","birth_date":"1976-01-10"},)" +
                       history + R"(,"facts":{"kind":"lump_sum","average_salary":8000000}})");
  EXPECT_EQ(AmountOf(s, "area_allowance"), 10'764'000);
}

// Circular 59/2015's examples 41-42, 44-45 and 51. 41: a pensioner of 24
// years (22 before 2014) who has drawn 12 months of 4,000,000 emigrates:
// (22 × 1.5 + 2 × 2 − 12 × 0.5) × 4,000,000 = 124,000,000. 42: 25 years,
// 120 months drawn of 3,500,000: below the floor, 3 months, 10,500,000. 44:
// ten months compulsory, a death not at work: no funeral grant. 45: 4 years
// 2 months voluntary and 10 months compulsory make the 60 months: 10 ×
// 1,210,000. 51: contributions 10/2005-03/2017 at an average of 5,000,000,
// 8 years 3 months before 2014 (3 months carried), 3 years 6 months after:
// (8 × 1.5 + 3.5 × 2) × 5,000,000 = 95,000,000.
TEST(BenefitCalc, PublishedCircular59EmigrationFuneralAndSurvivorsLumpSum) {
  auto emigrates = [](const char* history, int months, const char* pension) {
    return Ok(std::string(R"({"regime":"one_time","event_date":"2017-01-15",
      "person":{"sex":"female","birth_date":"1960-01-01"},"history":[)") +
              history + R"(],"facts":{"reason":"emigration","pension_months_received":)" + std::to_string(months) +
              R"(,"monthly_pension":)" + pension + "}}");
  };
  EXPECT_EQ(emigrates(R"({"from":"1992-01","to":"2015-12","salary":6000000})", 12, "4000000").LumpSum(), 124'000'000);
  EXPECT_EQ(emigrates(R"({"from":"1983-01","to":"2007-12","salary":6000000})", 120, "3500000").LumpSum(), 10'500'000);
  auto funeral = [](const char* history) {
    return Ok(std::string(R"({"regime":"funeral","event_date":"2017-06-10",
      "person":{"sex":"female","birth_date":"1980-01-01"},"history":[)") +
              history + "]}");
  };
  EXPECT_FALSE(funeral(R"({"from":"2016-08","to":"2017-05","salary":6000000})").eligible);
  BenefitResult t = funeral(R"({"from":"2012-01","to":"2016-02","salary":3000000,"scheme":"voluntary"},
                               {"from":"2016-08","to":"2017-05","salary":6000000})");
  EXPECT_TRUE(t.eligible);
  EXPECT_EQ(t.LumpSum(), 12'100'000);
  BenefitResult lump = Ok(R"({"regime":"survivor","event_date":"2017-04-10",
    "person":{"sex":"male","birth_date":"1980-01-01"},
    "history":[{"from":"2005-10","to":"2017-03","salary":6000000}],
    "facts":{"kind":"lump_sum","average_salary":5000000}})");
  EXPECT_EQ(lump.LumpSum(), 95'000'000);
}

// BHXH Việt Nam's answer to a reader (reprinted at vnwired.com, "Mức hưởng
// trợ cấp thai sản"): "nếu bà đóng BHXH liên tục đến hết tháng 2-2020 với
// mức lương 4,5 triệu đồng thì mức hưởng trợ cấp thai sản của bà là: 4,5
// triệu đồng x 6 = 27 triệu đồng ... trợ cấp một lần khi sinh con bằng 2 lần
// mức lương cơ sở tại tháng sinh con ... 2 x 1,49 triệu đồng = 2,98 triệu
// đồng" (58/2014/QH13 Art.38, 39; Circular 59/2015 Art.12.1.a). The answer
// does not say when she joined; three years before the birth is assumed, and
// the birth in March 2020.
TEST(BenefitCalc, PublishedMaternityAnswerOf2020) {
  auto r = Ok(R"({"regime":"maternity","event_date":"2020-03-16","person":{"sex":"female","birth_date":"1992-08-01"},
    "history":[{"from":"2017-03","to":"2020-02","salary":4500000}],"facts":{"kind":"birth"}})");
  EXPECT_TRUE(r.eligible);
  EXPECT_EQ(r.law, "58/2014/QH13");
  EXPECT_EQ(AmountOf(r, "leave"), 27'000'000);
  EXPECT_EQ(AmountOf(r, "grant"), 2'980'000);
}

// A retirement before 2021 is decided with the law of its day: the normal age
// was 55 for women (58/2014/QH13 Art.54; the Labour Code 2019's schedule came
// into force on 01/01/2021), and with a capacity loss of 61% to 80% a woman
// could retire from 46 in 2016 (Art.55.1.a as first enacted), 2% less per
// year before 55 (Art.56.3; Decree 115/2015 Art.7: odd months of 6 or more
// cost 1%). Born 20/05/1966, retiring 01/07/2016 with 25 years 2 months:
// 45% + 3% × 10.5 years = 76.5% → 75%; 4 years 10 months early → 9%: 66%.
// The same woman under today's schedule would have been 5 years 2 months
// early (55 years 4 months, Decree 135/2020), 10%.
TEST(BenefitCalc, ARetirementBefore2021UsesTheAgesOfItsDay) {
  auto r = Ok(R"({"regime":"pension","event_date":"2016-07-01","person":{"sex":"female","birth_date":"1966-05-20"},
    "history":[{"from":"1991-05","to":"2016-06","salary":6000000}],"facts":{"capacity_loss_pct":62,"average_salary":6000000}})");
  EXPECT_TRUE(r.eligible);
  EXPECT_EQ(r.rate, 660'000);
  EXPECT_EQ(AmountOf(r, "monthly_pension"), 3'960'000);
  // A man with 61% in 2016 needed 51: at 50 he is refused, at 52 he retires
  // (60 − 52 years 1 month → 7 years 10 months early: 15%).
  auto young = Ok(R"({"regime":"pension","event_date":"2016-03-01","person":{"sex":"male","birth_date":"1966-01-10"},
    "history":[{"from":"1990-01","to":"2016-02","salary":6000000}],"facts":{"capacity_loss_pct":61,"average_salary":6000000}})");
  EXPECT_FALSE(young.eligible);
  auto older = Ok(R"({"regime":"pension","event_date":"2016-03-01","person":{"sex":"male","birth_date":"1964-01-10"},
    "history":[{"from":"1990-01","to":"2016-02","salary":6000000}],"facts":{"capacity_loss_pct":61,"average_salary":6000000}})");
  EXPECT_TRUE(older.eligible);
  // 26 years 2 months: 45% + 2% × 11.5 = 68%, less 15% = 53%.
  EXPECT_EQ(older.rate, 530'000);
}

// Every step of a result cites a law; every parameter cited has a source.
TEST(BenefitCalc, EveryStepCitesItsLaw) {
  auto r = Ok(R"({"regime":"pension","event_date":"2026-07-31","person":{"sex":"male","birth_date":"1965-01-15"},
    "history":[{"from":"2000-01","to":"2026-07","salary":10000000}]})");
  ASSERT_FALSE(r.steps.empty());
  for (const auto& s : r.steps) {
    EXPECT_FALSE(s.law.empty()) << s.code;
    for (const auto& p : s.params) EXPECT_FALSE(p.law.empty()) << p.key;
  }
}

}  // namespace
}  // namespace bhxh
