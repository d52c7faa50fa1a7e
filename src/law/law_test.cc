// Expected amounts are worked out by hand from shared/domain/si-rules.md.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "law/contribution.h"
#include "law/interest.h"
#include "law/lawbook.h"

namespace bhxh {
namespace {

const LawBook& Law() {
  static LawBook* law = [] {
    const char* d = std::getenv("BHXH_DATA");
    auto r = LawBook::Load(std::string(d ? d : BHXH_DEFAULT_DATA_DIR) + "/law");
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return new LawBook(std::move(r).value());
  }();
  return *law;
}

Vnd Amount(const CalcResult& r, Fund f, Party p) {
  return r.breakdown.lines[static_cast<int>(f)].amount[static_cast<int>(p)];
}

CalcResult Calc(const std::string& month, Vnd salary, int region, const std::string& group, int member = 0) {
  CalcRequest q;
  q.month = *Month::Parse(month, "m");
  q.salary = salary;
  q.region = region;
  q.group = group;
  q.household_member = member;
  auto r = CalculateContribution(Law(), q);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : CalcResult{};
}

TEST(LawBook, ValueInForceIsTheLatestRowOnOrBeforeTheDate) {
  EXPECT_EQ(*Law().Amount("reference_level", *Date::Parse("2024-06-30", "d")), 1'800'000);
  EXPECT_EQ(*Law().Amount("reference_level", *Date::Parse("2024-07-01", "d")), 2'340'000);
  EXPECT_EQ(*Law().Amount("region_min_wage.1", *Date::Parse("2026-01-01", "d")), 5'310'000);
  EXPECT_EQ(Law().Param("si_law", *Date::Parse("2025-06-30", "d"))->value, "58/2014/QH13");
  EXPECT_EQ(Law().Param("si_law", *Date::Parse("2025-07-01", "d"))->value, "41/2024/QH15");
  auto none = Law().Param("reference_level", *Date::Parse("2000-01-01", "d"));
  EXPECT_EQ(none.status().code(), "not_found");
  EXPECT_EQ(none.status().field(), "reference_level");
}

TEST(Contribution, EnterpriseWorkerTenMillionAugust2025) {
  // 10,000,000 between floor 4,960,000 (region I) and caps; 32% in all.
  CalcResult r = Calc("2025-08", 10'000'000, 1, "DN");
  EXPECT_EQ(Amount(r, Fund::kRetirement, Party::kEmployer), 1'400'000);
  EXPECT_EQ(Amount(r, Fund::kRetirement, Party::kEmployee), 800'000);
  EXPECT_EQ(Amount(r, Fund::kSickness, Party::kEmployer), 300'000);
  EXPECT_EQ(Amount(r, Fund::kAccident, Party::kEmployer), 50'000);
  EXPECT_EQ(Amount(r, Fund::kUnemployment, Party::kEmployer), 100'000);
  EXPECT_EQ(Amount(r, Fund::kUnemployment, Party::kEmployee), 100'000);
  EXPECT_EQ(Amount(r, Fund::kHealth, Party::kEmployer), 300'000);
  EXPECT_EQ(Amount(r, Fund::kHealth, Party::kEmployee), 150'000);
  EXPECT_EQ(r.breakdown.party_total[static_cast<int>(Party::kEmployer)], 2'150'000);  // 21.5%
  EXPECT_EQ(r.breakdown.party_total[static_cast<int>(Party::kEmployee)], 1'050'000);  // 10.5%
  EXPECT_EQ(r.breakdown.total, 3'200'000);
  EXPECT_EQ(r.card.law, "41/2024/QH15");
}

TEST(Contribution, CapsAreTwentyReferenceLevelsForSiAndHiAndTwentyRegionalMinimumsForUi) {
  CalcResult r = Calc("2025-08", 60'000'000, 1, "DN");
  const auto& ret = r.breakdown.lines[static_cast<int>(Fund::kRetirement)];
  EXPECT_EQ(ret.base, 46'800'000);  // 20 × 2,340,000
  EXPECT_TRUE(ret.cap_applied);
  EXPECT_EQ(Amount(r, Fund::kRetirement, Party::kEmployer), 6'552'000);
  EXPECT_EQ(Amount(r, Fund::kRetirement, Party::kEmployee), 3'744'000);
  EXPECT_EQ(Amount(r, Fund::kHealth, Party::kEmployee), 702'000);
  // UI cap 20 × 4,960,000 = 99,200,000 > 60,000,000: not capped.
  EXPECT_EQ(r.breakdown.lines[static_cast<int>(Fund::kUnemployment)].base, 60'000'000);
  EXPECT_EQ(Amount(r, Fund::kUnemployment, Party::kEmployee), 600'000);
}

TEST(Contribution, FloorIsTheRegionalMinimumInForceThatMonth) {
  CalcResult r = Calc("2026-02", 4'000'000, 1, "DN");
  const auto& ret = r.breakdown.lines[static_cast<int>(Fund::kRetirement)];
  EXPECT_EQ(ret.base, 5'310'000);  // Decree 293/2025 from 2026-01-01
  EXPECT_TRUE(ret.floor_applied);
  EXPECT_EQ(Amount(r, Fund::kRetirement, Party::kEmployee), 424'800);
}

TEST(Contribution, DatedRatesApplyToTheirMonths) {
  // Resolution 116: employer UI rate 0 from 2021-10 to 2022-09.
  CalcResult r = Calc("2021-11", 10'000'000, 1, "DN");
  EXPECT_EQ(Amount(r, Fund::kUnemployment, Party::kEmployer), 0);
  EXPECT_EQ(Amount(r, Fund::kUnemployment, Party::kEmployee), 100'000);
  CalcResult back = Calc("2022-10", 10'000'000, 1, "DN");
  EXPECT_EQ(Amount(back, Fund::kUnemployment, Party::kEmployer), 100'000);
  // Accident 1% before 2017-06, 0.5% after (Decree 44/2017).
  EXPECT_EQ(Amount(Calc("2017-05", 10'000'000, 1, "DN"), Fund::kAccident, Party::kEmployer), 100'000);
  EXPECT_EQ(Amount(Calc("2017-06", 10'000'000, 1, "DN"), Fund::kAccident, Party::kEmployer), 50'000);
}

TEST(Contribution, HouseholdHiFollowsTheMemberOrder) {
  // 4.5% × 2,340,000 = 105,300; then 70%, 60%, 50%, 40% (si-rules §1.6).
  EXPECT_EQ(Calc("2025-01", 0, 0, "GD", 1).breakdown.total, 105'300);
  EXPECT_EQ(Calc("2025-01", 0, 0, "GD", 2).breakdown.total, 73'710);
  EXPECT_EQ(Calc("2025-01", 0, 0, "GD", 3).breakdown.total, 63'180);
  EXPECT_EQ(Calc("2025-01", 0, 0, "GD", 4).breakdown.total, 52'650);
  EXPECT_EQ(Calc("2025-01", 0, 0, "GD", 7).breakdown.total, 42'120);
}

TEST(Contribution, VoluntaryMinimumIsTwentyTwoPercentOfThePovertyLine) {
  EXPECT_EQ(Calc("2025-03", 1'000'000, 0, "BHXHTN").breakdown.total, 330'000);  // floor 1,500,000
  EXPECT_EQ(Calc("2019-03", 700'000, 0, "BHXHTN").breakdown.total, 154'000);
}

TEST(Contribution, BadRequestsNameTheField) {
  CalcRequest q;
  q.month = Month::Of(2025, 8);
  q.salary = 10'000'000;
  q.region = 7;
  q.group = "DN";
  EXPECT_EQ(CalculateContribution(Law(), q).status().field(), "region");
  q.region = 1;
  q.group = "ZZ";
  EXPECT_EQ(CalculateContribution(Law(), q).status().field(), "group");
  q.group = "GD";
  EXPECT_EQ(CalculateContribution(Law(), q).status().field(), "household_member");
}

// A small law directory with round numbers, so interest can be checked by hand.
std::string TestLawDir() {
  auto dir = std::filesystem::temp_directory_path() / ("bhxh_law_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "parameters.csv")
      << "key,effective_from,value,unit,law,source,note\n"
         "si_law,2016-01-01,58/2014/QH13,text,58/2014/QH13,t,\n"
         "si_law,2025-07-01,41/2024/QH15,text,41/2024/QH15,t,\n"
         "late_interest.rule,2016-01-01,double_prev_year_yield,text,58/2014/QH13 Art.122,t,\n"
         "late_interest.rule,2025-07-01,daily_rate,text,41/2024/QH15 Art.40,t,\n"
         "late_interest.daily_rate,2025-07-01,0.03,percent,41/2024/QH15,t,\n"
         "late_interest.day_count,2016-01-01,365,days,t,t,\n"
         "fund_investment_yield,2024-01-01,4.5,percent,t,t,\n"
         "payment_deadline_days,2016-01-01,0,days,t,t,\n"
         "evasion_after_days,2025-07-01,60,days,t,t,\n";
  std::ofstream(dir / "schemes.csv") << "scheme,effective_from,base,floor,description_vi\n";
  std::ofstream(dir / "contribution_rates.csv") << "effective_from,scheme,fund,party,rate_percent,law,source\n";
  std::ofstream(dir / "groups.csv") << "group,effective_from,scheme,hi_level,name_vi\n";
  std::ofstream(dir / "hi_levels.csv") << "level,effective_from,percent,description_vi\n";
  std::ofstream(dir / "plan_codes.csv") << "code,effective_from,action,name_vi,law\n";
  return dir.string();
}

TEST(Interest, TwentyFourLawIsThreeBasisPointsPerDay) {
  auto law = LawBook::Load(TestLawDir());
  ASSERT_TRUE(law.ok()) << law.status().ToString();
  // 10,000,000 × 0.03% × 30 days = 90,000.
  auto r = LateInterest(*law, 10'000'000, *Date::Parse("2025-08-01", "d"), *Date::Parse("2025-08-31", "d"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->interest, 90'000);
}

TEST(Interest, FourteenLawIsTwiceLastYearsYieldOverThreeSixtyFive) {
  auto law = LawBook::Load(TestLawDir());
  ASSERT_TRUE(law.ok());
  // 36,500,000 × 2 × 4.5% / 365 × 10 days = 90,000 (2025 uses the 2024 yield).
  auto r = LateInterest(*law, 36'500'000, *Date::Parse("2025-03-01", "d"), *Date::Parse("2025-03-11", "d"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->interest, 90'000);
}

TEST(Interest, EachDayUsesTheLawInForceThatDay) {
  auto law = LawBook::Load(TestLawDir());
  ASSERT_TRUE(law.ok());
  // 10 days of June under 2014 law: 36,500,000 × 0.09 / 365 × 10 = 90,000;
  // 10 days of July under 2024 law: 36,500,000 × 0.0003 × 10 = 109,500.
  auto r = LateInterest(*law, 36'500'000, *Date::Parse("2025-06-21", "d"), *Date::Parse("2025-07-11", "d"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->interest, 199'500);
  ASSERT_EQ(r->segments.size(), 2u);
  EXPECT_EQ(r->segments[0].days, 10);
  EXPECT_EQ(r->segments[0].rule, "double_prev_year_yield");
  EXPECT_EQ(r->segments[1].rule, "daily_rate");
}

TEST(Interest, MissingParameterIsAnErrorNamingIt) {
  auto law = LawBook::Load(TestLawDir());
  ASSERT_TRUE(law.ok());
  // No yield for 2019 in the test data.
  auto r = LateInterest(*law, 1'000'000, *Date::Parse("2020-01-01", "d"), *Date::Parse("2020-01-05", "d"));
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().field(), "fund_investment_yield");
}

}  // namespace
}  // namespace bhxh
