// The fund-balance model: small closed groups projected by hand, the
// accounts of every year, and the direction each assumption moves the
// results. No database.
#include <gtest/gtest.h>

#include "benefits/module.h"
#include "funds/model.h"
#include "funds/module.h"
#include "testing/test_support.h"

namespace bhxh {
namespace {

class Projections : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string why;
    ctx_ = testing::ContextWithoutDb(&why).release();
    ASSERT_NE(ctx_, nullptr) << why;
  }
  const FundsData& data() { return ctx_->State<FundsState>().data(); }
  const BenefitLaw& bl() { return ctx_->State<BenefitsState>().law(); }
  // Assumptions for arithmetic by hand: no deaths (mortality replaced), no
  // withdrawals, no entrants, no inflation or wage growth, every month paid.
  Assumptions Plain() {
    Assumptions a = data().assumptions;
    for (auto [k, v] : std::vector<std::pair<const char*, double>>{{"closed_group", 1},
                                                                   {"lump_sum_withdrawal_rate", 0},
                                                                   {"contribution_density", 100},
                                                                   {"survivor_cost_share", 0},
                                                                   {"hi_rate_on_pensions", 0},
                                                                   {"inflation", 0},
                                                                   {"wage_growth_real", 0},
                                                                   {"pension_indexation_real", 0},
                                                                   {"yield_real", 2},
                                                                   {"contribution_rate_pension", 22},
                                                                   {"years", 3}})
      EXPECT_TRUE(a.SetNumber(k, v).ok()) << k;
    return a;
  }
  static std::array<MortalityLaw, 2> NoDeaths() { return {MortalityLaw{0, 0, 1, "", ""}, MortalityLaw{0, 0, 1, "", ""}}; }
  ModelRules Rules(int year) {
    auto r = DeriveRules(bl(), ctx_->law, year, year, std::nullopt, std::nullopt, 3);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return *r;
  }
  static AppContext* ctx_;
};
AppContext* Projections::ctx_ = nullptr;

TEST_F(Projections, ContributorsOnlyByHand) {
  // 100 men aged 40 on 10,000,000 a month, reserve 1,000,000,000, yield 2%.
  BasePopulation b;
  b.year = 2030;
  b.reserve = 1'000'000'000;
  b.contributors.v[0][40 - kMinAge] = 100;
  b.wage.v[0][40 - kMinAge] = 10'000'000;
  b.service.v[0][40 - kMinAge] = 20;
  Projection p = Project(b, Plain(), Rules(2030), NoDeaths());
  ASSERT_EQ(p.years.size(), 3u);
  // Revenue 100 × 10,000,000 × 12 × 22% = 2,640,000,000 each year.
  // Year 1: + 2% × 1,000,000,000 = 20,000,000 → 3,660,000,000.
  // Year 2: + 2% × 3,660,000,000 = 73,200,000 → 6,373,200,000.
  // Year 3: + 2% × 6,373,200,000 = 127,464,000 → 9,140,664,000.
  // (Within a hundredth of a dong: the yield is (1 + 2%) × (1 + 0%) − 1 in doubles.)
  EXPECT_DOUBLE_EQ(p.years[0].revenue, 2'640'000'000);
  EXPECT_NEAR(p.years[0].investment_income, 20'000'000, 0.01);
  EXPECT_NEAR(p.years[0].reserve, 3'660'000'000, 0.01);
  EXPECT_NEAR(p.years[1].reserve, 6'373'200'000, 0.01);
  EXPECT_NEAR(p.years[2].reserve, 9'140'664'000, 0.01);
  EXPECT_DOUBLE_EQ(p.years[2].expenditure, 0);
  EXPECT_FALSE(p.deficit_year);
  EXPECT_FALSE(p.depletion_year);
}

TEST_F(Projections, PensionersAndNewPensionByHand) {
  Assumptions a = Plain();
  ASSERT_TRUE(a.SetNumber("survivor_cost_share", 8).ok());
  ASSERT_TRUE(a.SetNumber("hi_rate_on_pensions", 4.5).ok());
  ASSERT_TRUE(a.SetNumber("yield_real", 0).ok());
  BasePopulation b;
  b.year = 2030;
  // 10 women of 70 with 5,000,000 a month.
  b.pensioners.v[1][70 - kMinAge] = 10;
  b.pension.v[1][70 - kMinAge] = 5'000'000;
  // 100 men of 61 with 30 years and 10,000,000: in 2030 the age is 62
  // (Decree 135/2020), reached by all of them at the end of the year.
  b.contributors.v[0][61 - kMinAge] = 100;
  b.wage.v[0][61 - kMinAge] = 10'000'000;
  b.service.v[0][61 - kMinAge] = 30;
  Projection p = Project(b, a, Rules(2030), NoDeaths());
  // Year 1: pensions 10 × 5,000,000 × 12 = 600,000,000; survivors 8% =
  // 48,000,000; HI 4.5% = 27,000,000 → 675,000,000.
  EXPECT_DOUBLE_EQ(p.years[0].pension_expenditure, 600'000'000);
  EXPECT_DOUBLE_EQ(p.years[0].expenditure, 675'000'000);
  EXPECT_DOUBLE_EQ(p.years[0].new_pensioners, 100);
  // New pension, 2024 law (Art.66): 31 years for a man = 45% for 20 years +
  // 2% × 11 = 67% of 10,000,000 = 6,700,000 (no wage growth: the career
  // average is the wage). Year 2: 100 × 6,700,000 × 12 = 8,040,000,000
  // plus the women's 600,000,000.
  EXPECT_DOUBLE_EQ(p.years[1].pension_expenditure, 8'040'000'000.0 + 600'000'000);
  EXPECT_DOUBLE_EQ(p.years[1].contributors, 0);
  // Revenue of year 1: 100 × 10,000,000 × 12 × 22% = 2,640,000,000 covers
  // 675,000,000; in year 2 nobody contributes.
  EXPECT_DOUBLE_EQ(p.years[0].revenue, 2'640'000'000);
  EXPECT_EQ(p.deficit_year, 2031);
}

TEST_F(Projections, AccountsHoldEveryYearAndAssumptionsMoveResultsTheRightWay) {
  auto run = [&](std::vector<std::pair<std::string, std::string>> set) {
    ProjectionRequest req;
    req.set = std::move(set);
    auto r = RunProjection(nullptr, data(), bl(), ctx_->law, req);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return *r;
  };
  ProjectionRun base = run({});
  ASSERT_EQ(base.central.years.size(), 75u);
  double reserve = base.central.start_reserve;
  for (const auto& y : base.central.years) {
    EXPECT_NEAR(y.reserve, reserve + y.revenue + y.investment_income - y.expenditure, 1e-6 * std::abs(y.reserve) + 1)
        << y.year;
    reserve = y.reserve;
  }
  auto end = [](const ProjectionRun& r) { return r.central.years.back().reserve; };
  EXPECT_GT(end(run({{"retirement_age_male", "65"}, {"retirement_age_female", "65"}})), end(base));
  EXPECT_GT(end(run({{"contribution_rate_pension", "25"}})), end(base));
  EXPECT_LT(end(run({{"pension_indexation_real", "2"}})), end(base));
  EXPECT_LT(end(run({{"mortality_improvement", "2"}})), end(base));
  // The ILO 2013 calibration lands within a few years of the published
  // depletion (2034): see docs/FUND_MODEL.md for the comparison.
  ProjectionRequest ilo;
  ilo.scenario = "ilo2013";
  auto r = RunProjection(nullptr, data(), bl(), ctx_->law, ilo);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_TRUE(r->central.depletion_year);
  EXPECT_NEAR(*r->central.depletion_year, 2034, 5);
}

TEST_F(Projections, BadAssumptionsAreNamed) {
  Assumptions a = data().assumptions;
  Status s = a.Set("retirement_age_men", "65");
  EXPECT_EQ(s.field(), "retirement_age_men");
  EXPECT_NE(s.message_vi().find("retirement_age_male"), std::string::npos);  // lists the known names
  EXPECT_EQ(a.Set("contribution_rate_pension", "-1").field(), "contribution_rate_pension");
  EXPECT_EQ(a.Set("inflation", "abc").field(), "inflation");
  ProjectionRequest req;
  req.scenario = "no_such";
  EXPECT_EQ(RunProjection(nullptr, data(), bl(), ctx_->law, req).status().field(), "scenario");
}

TEST_F(Projections, StochasticRunIsReproducibleAndOrdered) {
  ProjectionRequest req;
  req.stochastic = true;
  req.set = {{"paths", "200"}};
  auto a = RunProjection(nullptr, data(), bl(), ctx_->law, req);
  req.threads = 1;
  auto b = RunProjection(nullptr, data(), bl(), ctx_->law, req);
  ASSERT_TRUE(a.ok() && b.ok());
  const auto& sa = *a->stochastic;
  const auto& sb = *b->stochastic;
  ASSERT_EQ(sa.reserve.size(), 75u);
  for (size_t i = 0; i < sa.reserve.size(); ++i) {
    EXPECT_EQ(sa.reserve[i], sb.reserve[i]) << i;  // same seed, any number of threads
    EXPECT_LE(sa.reserve[i][0], sa.reserve[i][2]);
    EXPECT_LE(sa.reserve[i][2], sa.reserve[i][4]);
  }
  EXPECT_GT(sa.reserve.back()[4], sa.reserve.back()[0]);  // the paths do spread
}

}  // namespace
}  // namespace bhxh
