// The fund journal, postings from the engines, investments, forecasts and
// estimates, on both backends. Values are worked out by hand in comments.
//
// The worker (as in benefits' cases_test): 10,000,000 a month from 01/2025
// at employer 01A1 (province 01). Dues a month by fund (data/law,
// employee_private): retirement 14% + 8% = 2,200,000; sickness 3% =
// 300,000; accident 0.5% = 50,000; unemployment 1% + 1% = 200,000; health
// 3% + 1.5% = 450,000 — 3,200,000 in all. Health is split by
// hi.medical_share: 90% before 01/07/2025 (405,000 / 45,000), 92% from
// then (414,000 / 36,000).
#include "collection/collect.h"
#include "collection/declarations.h"
#include "collection/payments.h"
#include "funds/forecast.h"
#include "funds/investments.h"
#include "funds/journal.h"
#include "funds/module.h"
#include "funds/proposals.h"
#include "funds/sources.h"
#include "funds/stats.h"
#include "registry/registry.h"
#include "testing/backend_fixture.h"
#include "testing/worker_fixture.h"

namespace bhxh {
namespace {

using testing::BackendTest;
using testing::TestOfficer;

class Funds : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure() || IsSkipped()) return;
    data_ = &ctx_->State<FundsState>().data();
  }
  const FundsCatalog& cat() { return data_->catalog; }
  EntryInput Manual(const std::string& key, const std::string& date, std::vector<PostingLine> lines) {
    EntryInput in;
    in.posted_on = *Date::Parse(date, "d");
    in.description = "Bút toán thử " + key;
    in.idempotency_key = key;
    in.lines = std::move(lines);
    return in;
  }
  // Net (debit − credit) of an account in a fund over every period.
  Vnd Net(const std::string& account, const std::string& fund, const std::string& kind = "") {
    std::string sql = "SELECT COALESCE(SUM(l.debit) - SUM(l.credit), 0) FROM fund_lines l JOIN fund_entries e ON "
                      "e.id = l.entry_id WHERE l.account = '" + account + "' AND l.fund = '" + fund + "'";
    if (!kind.empty()) sql += " AND e.source_kind = '" + kind + "'";
    auto v = db().QueryInt(sql);
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    return v.ok() ? *v : -1;
  }
  void Worker() {
    Status joined = testing::JoinTestWorker(db(), *ctx_);
    ASSERT_TRUE(joined.ok()) << joined.ToString();
  }
  const FundsData* data_ = nullptr;
};

TEST_P(Funds, BalancedEntriesOnlyAndNothingStoredOnRefusal) {
  auto ok = PostEntry(db(), cat(),
                      Manual("k1", "2026-06-30",
                             {{"management_cost", "retirement", "01", 1'000'000, 0}, {"cash", "retirement", "01", 0, 1'000'000}}),
                      TestOfficer());
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->Total(), 1'000'000);
  // Unbalanced within a fund, even though the entry's totals agree.
  auto bad = PostEntry(db(), cat(),
                       Manual("k2", "2026-06-30",
                              {{"management_cost", "retirement", "", 500, 0}, {"cash", "sickness", "", 0, 500}}),
                       TestOfficer());
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), "unbalanced");
  EXPECT_EQ(bad.status().field(), "lines");
  for (auto [lines, field] :
       std::vector<std::pair<std::vector<PostingLine>, std::string>>{
           {{{"no_such", "retirement", "", 5, 0}, {"cash", "retirement", "", 0, 5}}, "lines[1].account"},
           {{{"cash", "no_fund", "", 5, 0}, {"cash", "retirement", "", 0, 5}}, "lines[1].fund"},
           {{{"cash", "retirement", "1", 5, 0}, {"cash", "retirement", "", 0, 5}}, "lines[1].province"},
           {{{"cash", "retirement", "", 5, 5}, {"cash", "retirement", "", 0, 0}}, "lines[1].debit"},
           {{{"cash", "retirement", "", -5, 0}, {"cash", "retirement", "", 0, -5}}, "lines[1].debit"},
           {{{"cash", "retirement", "", 5, 0}}, "lines"}}) {
    auto r = PostEntry(db(), cat(), Manual("k3", "2026-06-30", lines), TestOfficer());
    ASSERT_FALSE(r.ok()) << field;
    EXPECT_EQ(r.status().field(), field);
  }
  EXPECT_EQ(Count("fund_entries"), 1);
  EXPECT_EQ(Count("fund_lines"), 2);
  // Replay returns the stored entry; the same key with other lines is a conflict.
  auto again = PostEntry(db(), cat(),
                         Manual("k1", "2026-06-30",
                                {{"management_cost", "retirement", "01", 1'000'000, 0},
                                 {"cash", "retirement", "01", 0, 1'000'000}}),
                         TestOfficer());
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(again->id, ok->id);
  auto other = PostEntry(db(), cat(),
                         Manual("k1", "2026-06-30",
                                {{"management_cost", "retirement", "01", 2, 0}, {"cash", "retirement", "01", 0, 2}}),
                         TestOfficer());
  EXPECT_EQ(other.status().code(), "conflict");
}

TEST_P(Funds, JournalIsAppendOnlyAndCorrectedByReversal) {
  auto e = PostEntry(db(), cat(),
                     Manual("k1", "2026-05-31",
                            {{"benefit_expense", "sickness", "01", 750'000, 0}, {"cash", "sickness", "01", 0, 750'000}}),
                     TestOfficer());
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  // Direct changes are refused by the database itself.
  EXPECT_FALSE(db().Exec("UPDATE fund_lines SET debit = 1 WHERE entry_id = " + std::to_string(e->id)).ok());
  EXPECT_FALSE(db().Exec("DELETE FROM fund_lines").ok());
  EXPECT_FALSE(db().Exec("UPDATE fund_entries SET description = 'x'").ok());
  EXPECT_FALSE(db().Exec("DELETE FROM fund_entries").ok());
  EXPECT_EQ(Net("benefit_expense", "sickness"), 750'000);
  // A reversal swaps the sides; the entry is reversed once.
  auto r = ReverseEntry(db(), cat(), e->id, *Date::Parse("2026-06-01", "d"), "Nhập sai số tiền", "rev-1", TestOfficer());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(*r->reverses, e->id);
  EXPECT_EQ(r->lines[0].credit, 750'000);
  EXPECT_EQ(Net("benefit_expense", "sickness"), 0);
  auto twice = ReverseEntry(db(), cat(), e->id, *Date::Parse("2026-06-02", "d"), "Lần nữa", "rev-2", TestOfficer());
  EXPECT_EQ(twice.status().code(), "conflict");
  EXPECT_EQ(GetEntry(db(), e->id)->reversed_by, r->id);
  auto early = ReverseEntry(db(), cat(), e->id, *Date::Parse("2026-05-01", "d"), "Trước ngày", "rev-3", TestOfficer());
  EXPECT_EQ(early.status().field(), "posted_on");
}

TEST_P(Funds, ClosedPeriodAcceptsNothingAndStaysClosed) {
  Month jan = *Month::Parse("2026-01", "m");
  ASSERT_TRUE(ClosePeriod(db(), jan, TestOfficer()).ok());
  auto r = PostEntry(db(), cat(),
                     Manual("k1", "2026-01-15", {{"cash", "retirement", "", 5, 0}, {"other_revenue", "retirement", "", 0, 5}}),
                     TestOfficer());
  EXPECT_EQ(r.status().code(), "period_closed");
  EXPECT_EQ(Count("fund_entries"), 0);
  EXPECT_EQ(ClosePeriod(db(), jan, TestOfficer()).code(), "period_closed");
  EXPECT_FALSE(db().Exec("DELETE FROM fund_periods").ok());
  // The current month has not ended.
  EXPECT_EQ(ClosePeriod(db(), Month::OfDate(Date::Today()), TestOfficer()).field(), "period");
}

TEST_P(Funds, PostingsFollowDuesPaymentsAndPayroll) {
  Worker();
  for (const char* m : {"2025-01", "2025-02", "2025-03"})
    ASSERT_TRUE(RunCollection(db(), ctx_->law, *Month::Parse(m, "m"), TestOfficer()).ok());
  ASSERT_TRUE(PostPayment(db(), {"01A1", "2025-03-10", "6400000", "UNC-1", "pay-1"}, TestOfficer()).ok());
  // A pension paid in 03/2025 from the payroll.
  ASSERT_TRUE(db().Exec("INSERT INTO benefit_payments (month, beneficiary_id, province, regime, amount, channel) VALUES (" +
                        std::to_string(Month::Of(2025, 3).index()) +
                        ", 1, '01', 'pension', 7400000, 'bank')")
                  .ok());
  for (const char* m : {"2025-01", "2025-02", "2025-03"}) {
    auto r = PostSources(db(), ctx_->law, data_->params, cat(), *Month::Parse(m, "m"), TestOfficer());
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  }
  // Three months of dues receivable by fund.
  EXPECT_EQ(Net("contribution_revenue", "retirement"), -3 * 2'200'000);
  EXPECT_EQ(Net("contribution_revenue", "sickness"), -3 * 300'000);
  EXPECT_EQ(Net("contribution_revenue", "accident"), -3 * 50'000);
  EXPECT_EQ(Net("contribution_revenue", "unemployment"), -3 * 200'000);
  EXPECT_EQ(Net("contribution_revenue", "health_medical"), -3 * 405'000);
  EXPECT_EQ(Net("contribution_revenue", "health_reserve"), -3 * 45'000);
  // 6,400,000 paid 10/03/2025 settles 01 and 02/2025 (oldest first): two
  // months of each fund reach the fund's bank account.
  EXPECT_EQ(Net("cash", "retirement", "payments"), 4'400'000);
  EXPECT_EQ(Net("cash", "sickness", "payments"), 600'000);
  EXPECT_EQ(Net("cash", "accident", "payments"), 100'000);
  EXPECT_EQ(Net("cash", "unemployment", "payments"), 400'000);
  EXPECT_EQ(Net("cash", "health_medical", "payments"), 810'000);
  EXPECT_EQ(Net("cash", "health_reserve", "payments"), 90'000);
  EXPECT_EQ(Net("receivable_contributions", "retirement"), 2'200'000);  // 03/2025 still owed
  // The pension is the retirement fund's expenditure.
  EXPECT_EQ(Net("benefit_expense", "retirement"), 7'400'000);
  // Posting again changes nothing.
  int64_t entries = Count("fund_entries");
  auto again = PostSources(db(), ctx_->law, data_->params, cat(), *Month::Parse("2025-03", "m"), TestOfficer());
  ASSERT_TRUE(again.ok());
  for (const auto& p : again->postings) EXPECT_FALSE(p.entry_id) << p.kind;
  EXPECT_EQ(Count("fund_entries"), entries);
  // The journal balances; the retirement fund's statement for Q1/2025:
  // revenue 6,600,000 − pension 7,400,000 = −800,000.
  auto tb = ComputeTrialBalance(db(), cat(), *ParseSpan("2025", "p"), "");
  ASSERT_TRUE(tb.ok());
  EXPECT_TRUE(tb->balanced());
  auto st = ComputeStatement(db(), cat(), "retirement", *ParseSpan("2025-Q1", "p"), "");
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->revenue, 6'600'000);
  EXPECT_EQ(st->expenditure, 7'400'000);
  EXPECT_EQ(st->closing, -800'000);
  // A later month under the 2024 law's HI share: 92% of 450,000.
  ASSERT_TRUE(RunCollection(db(), ctx_->law, Month::Of(2025, 7), TestOfficer()).ok());
  ASSERT_TRUE(PostSources(db(), ctx_->law, data_->params, cat(), Month::Of(2025, 7), TestOfficer()).ok());
  EXPECT_EQ(Net("contribution_revenue", "health_medical"), -(3 * 405'000 + 414'000));
  EXPECT_EQ(Net("contribution_revenue", "health_reserve"), -(3 * 45'000 + 36'000));
  // The year's statistical tables: one worker in every fund (counted in
  // 07/2025, the year's last month with dues); the retirement fund's year:
  // 4 months of dues (8,800,000) less the pension (7,400,000).
  auto stats = ComputeStatistics(db(), cat(), 2025, "");
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->month, Month::Of(2025, 7));
  EXPECT_EQ(stats->national.retirement, 1);
  EXPECT_EQ(stats->national.health, 1);
  ASSERT_EQ(stats->by_province.size(), 1u);
  EXPECT_EQ(stats->by_province[0].province, "01");
  for (const auto& f : stats->finances) {
    if (f.fund == "retirement") {
      EXPECT_EQ(f.revenue - f.expenditure, 8'800'000 - 7'400'000);
    }
  }
  // A closed month is not posted again.
  ASSERT_TRUE(ClosePeriod(db(), Month::Of(2025, 2), TestOfficer()).ok());
  EXPECT_EQ(PostSources(db(), ctx_->law, data_->params, cat(), Month::Of(2025, 2), TestOfficer()).status().code(),
            "period_closed");
}

TEST_P(Funds, InvestmentInterestYieldAndPlan) {
  InvestmentInput in{"retirement", "government_bond", "Kho bạc Nhà nước", "TD2601", "1000000000", "3.65",
                     "2026-01-01", "2027-01-01", "inv-1"};
  auto v = AddInvestment(db(), cat(), data_->instruments, in, TestOfficer());
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ(Net("investments", "retirement"), 1'000'000'000);
  EXPECT_EQ(Net("cash", "retirement"), -1'000'000'000);
  // 1,000,000,000 × 3.65% × 31 / 365 = 3,100,000 for January.
  EXPECT_EQ(v->AccruedThrough(*Date::Parse("2026-01-31", "d"), 365), 3'100'000);
  auto p = AccrueInterest(db(), cat(), data_->params, Month::Of(2026, 1), TestOfficer());
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(Net("investment_income", "retirement"), -3'100'000);
  EXPECT_FALSE(AccrueInterest(db(), cat(), data_->params, Month::Of(2026, 1), TestOfficer())->entry_id);
  // The whole of 2026: 36,500,000 on an average principal of 1,000,000,000.
  auto y = RealisedYield(db(), data_->params, 2026);
  ASSERT_TRUE(y.ok());
  EXPECT_EQ(y->interest, 36'500'000);
  EXPECT_NEAR(y->yield_percent, 3.65, 1e-9);
  // Not allowed after the 2024 law: loans to the State budget.
  in.kind = "state_budget_loan";
  in.reference = "NS-1";
  EXPECT_EQ(AddInvestment(db(), cat(), data_->instruments, in, TestOfficer()).status().field(), "kind");
  in.kind = "government_bond";
  in.rate = "-1";
  EXPECT_EQ(AddInvestment(db(), cat(), data_->instruments, in, TestOfficer()).status().field(), "rate");
  // The plan 80% bonds / 20% deposits against a portfolio of bonds only.
  ASSERT_TRUE(SavePlan(db(), 2026, {{"government_bond", 800'000'000}, {"bank_deposit", 200'000'000}},
                       data_->instruments, TestOfficer())
                  .ok());
  auto pc = CheckPlan(db(), 2026, data_->instruments, data_->params);
  ASSERT_TRUE(pc.ok()) << pc.status().ToString();
  EXPECT_EQ(pc->problems_vi.size(), 2u);  // bonds 100% vs 80%, deposits 0% vs 20%
  EXPECT_FALSE(SavePlan(db(), 2026, {{"state_budget_loan", 1}}, data_->instruments, TestOfficer()).ok());
  // Publishing the yield of an ended year, then the law book takes it.
  EXPECT_EQ(PublishYield(db(), data_->params, 2026, TestOfficer()).status().field(), "year");
  Date::SetTodayForTesting(*Date::Parse("2027-02-01", "d"));
  auto pub = PublishYield(db(), data_->params, 2026, TestOfficer());
  Date::SetTodayForTesting(std::nullopt);
  ASSERT_TRUE(pub.ok()) << pub.status().ToString();
  auto rows = PublishedParameters(db());
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  LawBook law = ctx_->law;
  law.Publish((*rows)[0]);
  EXPECT_EQ(*law.Percent("fund_investment_yield", *Date::Parse("2027-03-01", "d")), 36'500);  // 3.65%
}

TEST_P(Funds, ForecastAndEstimatesFromTheJournal) {
  // Sickness contributions: 1,000,000 in each month of 2025 for province 01.
  for (int m = 1; m <= 12; ++m) {
    char d[16];
    std::snprintf(d, sizeof d, "2025-%02d-28", m);
    ASSERT_TRUE(PostEntry(db(), cat(),
                          Manual("s" + std::to_string(m), d,
                                 {{"receivable_contributions", "sickness", "01", 1'000'000, 0},
                                  {"contribution_revenue", "sickness", "01", 0, 1'000'000}}),
                          TestOfficer())
                    .ok());
  }
  const double g = 1.04 * 1.035 * 1.005 - 1;  // wage_growth_real, inflation, labour_force_growth
  auto f = ForecastShort(db(), cat(), data_->assumptions, "sickness", Month::Of(2025, 12));
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  ASSERT_EQ(f->months.size(), 12u);
  EXPECT_NEAR(f->months[0].revenue, 1'000'000 * (1 + g), 1e-6);
  auto e = MakeEstimates(db(), cat(), data_->params, data_->assumptions, 2026, Month::Of(2025, 12), TestOfficer());
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  ASSERT_EQ(e->rows.size(), 2u);
  EXPECT_EQ(e->rows[0].base, 12'000'000);
  const Vnd revenue = static_cast<Vnd>(std::llround(12'000'000 * (1 + g)));
  EXPECT_EQ(e->rows[0].amount, revenue);
  // The operation cost of 2026 (Res. 89/2025/UBTVQH15): 1.26% of SI revenue + expenditure.
  EXPECT_EQ(e->rows[1].kind, "management_cost");
  EXPECT_EQ(e->rows[1].fund, "retirement");
  EXPECT_EQ(e->rows[1].amount, ApplyRate(revenue, 12'600));
  auto cmp = CompareEstimates(db(), cat(), 2026);
  ASSERT_TRUE(cmp.ok());
  EXPECT_EQ(cmp->rows[0].actual, 0);
  EXPECT_EQ(MakeEstimates(db(), cat(), data_->params, data_->assumptions, 2020, Month::Of(2025, 12), TestOfficer()).status().field(),
            "year");
}

// Segregation of duties: a manual entry is a proposal until another person
// approves it; only then is it in the journal.
TEST_P(Funds, AManualEntryIsPostedOnlyWhenAnotherApprovesIt) {
  Actor lan{"user:canbo", {"officer"}, "01", "", "", "", "Lan"}, hung{"user:lanhdao", {"officer"}, "01", "", "", "", "Hùng"};
  auto in = Manual("p1", "2026-06-30", {{"management_cost", "retirement", "", 1'500'000, 0}, {"cash", "retirement", "", 0, 1'500'000}});
  auto p = ProposeEntry(db(), cat(), in, lan);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->status, "pending");
  EXPECT_EQ(p->total, 1'500'000);
  EXPECT_EQ(Count("fund_entries"), 0);  // nothing in the journal yet
  EXPECT_TRUE(ProposeEntry(db(), cat(), in, lan)->replayed);
  // An unbalanced proposal is refused like an entry, naming the field.
  auto bad = ProposeEntry(db(), cat(), Manual("p2", "2026-06-30", {{"management_cost", "retirement", "", 1000, 0}, {"cash", "retirement", "", 0, 999}}), lan);
  EXPECT_FALSE(bad.ok());
  // The preparer cannot approve; a rejection needs a reason.
  auto self = DecideProposal(db(), cat(), p->id, true, "", lan);
  ASSERT_FALSE(self.ok());
  EXPECT_EQ(self.status().code(), "four_eyes");
  EXPECT_EQ(DecideProposal(db(), cat(), p->id, false, "", hung).status().field(), "note");
  auto ok = DecideProposal(db(), cat(), p->id, true, "", hung);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->status, "posted");
  ASSERT_TRUE(ok->entry_id.has_value());
  EXPECT_EQ(Net("management_cost", "retirement"), 1'500'000);
  auto e = GetEntry(db(), *ok->entry_id);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->created_by, "user:lanhdao");
  EXPECT_EQ(DecideProposal(db(), cat(), p->id, true, "", hung).status().code(), "conflict");
  // A proposal for a closed month is refused at once.
  ASSERT_TRUE(ClosePeriod(db(), Month::Of(2026, 5), hung).ok());
  EXPECT_FALSE(ProposeEntry(db(), cat(), Manual("p3", "2026-05-31", {{"management_cost", "retirement", "", 1, 0}, {"cash", "retirement", "", 0, 1}}), lan).ok());
}

// A reversal moves money back, so it waits for a second person as well.
TEST_P(Funds, AReversalIsPostedOnlyWhenAnotherApprovesIt) {
  Actor lan{"user:canbo", {"officer"}, "01", "", "", "", "Lan"}, hung{"user:lanhdao", {"officer"}, "01", "", "", "", "Hùng"};
  auto p = ProposeEntry(db(), cat(), Manual("r1", "2026-06-30", {{"management_cost", "retirement", "", 2'000'000, 0}, {"cash", "retirement", "", 0, 2'000'000}}), lan);
  ASSERT_TRUE(p.ok());
  auto posted = DecideProposal(db(), cat(), p->id, true, "", hung);
  ASSERT_TRUE(posted.ok());
  int64_t entry = *posted->entry_id;
  Date jul1 = *Date::Parse("2026-07-01", "d");
  auto rev = ProposeReversal(db(), cat(), entry, jul1, "Ghi nhầm quỹ", "rev-a", lan);
  ASSERT_TRUE(rev.ok()) << rev.status().ToString();
  EXPECT_EQ(rev->status, "pending");
  EXPECT_EQ(*rev->reverses, entry);
  EXPECT_EQ(rev->input.lines[0].credit, 2'000'000);  // sides swapped
  EXPECT_EQ(Net("management_cost", "retirement"), 2'000'000);  // not yet reversed
  EXPECT_TRUE(ProposeReversal(db(), cat(), entry, jul1, "Ghi nhầm quỹ", "rev-a", lan)->replayed);
  EXPECT_EQ(ProposeReversal(db(), cat(), entry, *Date::Parse("2026-06-01", "d"), "Sớm", "rev-b", lan).status().field(),
            "posted_on");
  EXPECT_EQ(ProposeReversal(db(), cat(), entry, jul1, "", "rev-c", lan).status().field(), "reason");
  EXPECT_EQ(DecideProposal(db(), cat(), rev->id, true, "", lan).status().code(), "four_eyes");
  auto ok = DecideProposal(db(), cat(), rev->id, true, "", hung);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->status, "posted");
  EXPECT_EQ(Net("management_cost", "retirement"), 0);
  EXPECT_EQ(GetEntry(db(), entry)->reversed_by, ok->entry_id);
  EXPECT_EQ(GetEntry(db(), *ok->entry_id)->created_by, "user:lanhdao");
  // Once reversed, a new proposal to reverse it is refused at once.
  EXPECT_EQ(ProposeReversal(db(), cat(), entry, jul1, "Lần nữa", "rev-d", lan).status().code(), "conflict");
}

INSTANTIATE_TEST_SUITE_P(Backends, Funds, ::testing::Values("sqlite", "postgres"), testing::BackendName);

}  // namespace
}  // namespace bhxh
