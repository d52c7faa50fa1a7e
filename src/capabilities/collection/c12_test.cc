// The C12-TS notice on both backends, from the worked example of
// ../shared/domain/services-integrity.md §6.3: 2 workers × 5,310,000
// (region I minimum from 01/2026) → BHXH 25% 2,655,000, BHYT 4.5% 477,900,
// BHTN 2% 212,400, BHTNLĐ 0.5% 53,100: 3,398,400 a month.
#include <gtest/gtest.h>

#include "collection/c12.h"
#include "collection/collect.h"
#include "collection/declarations.h"
#include "collection/payments.h"
#include "base/zip.h"
#include "registry/registry.h"
#include "testing/backend_fixture.h"

namespace bhxh {
namespace {

class C12Test : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    Registry reg(db(), ctx_->geo, ctx_->law);
    auto e = reg.RegisterEmployer({"01C1", "0101212121", "Công ty Mẫu C12", "enterprise", "01", 1, "active", "2020-01-01"},
                                  testing::TestOfficer());
    ASSERT_TRUE(e.ok()) << e.status().ToString();
    id_ = e->id;
    Declaration d{"01C1", "2026-01", "c12-decl", {}};
    for (const char* cccd : {"001090001001", "001090001002"}) {
      DeclarationRow r;
      r.action = "join";
      r.cccd = cccd;
      r.effective_month = "2026-01";
      r.salary = "5310000";
      r.full_name = "Người lao động";
      r.dob = "1990-01-01";
      r.sex = "1";
      r.province = "01";
      d.rows.push_back(r);
    }
    auto res = SubmitDeclaration(db(), ctx_->geo, ctx_->law, d, testing::TestOfficer());
    ASSERT_TRUE(res.ok() && res->accepted);
    for (int m = 1; m <= 2; ++m) ASSERT_TRUE(RunCollection(db(), ctx_->law, Month::Of(2026, m), testing::TestOfficer()).ok());
    PaymentInput p{"01C1", "2026-02-10", "3000000", "UNC 15", "c12-pay"};
    ASSERT_TRUE(PostPayment(db(), p, testing::TestOfficer()).ok());
  }
  int64_t id_ = 0;
};

TEST_P(C12Test, TheWorkedExampleByFund) {
  auto jan = BuildC12(db(), ctx_->law, id_, "01C1", "Công ty Mẫu C12", Month::Of(2026, 1));
  ASSERT_TRUE(jan.ok()) << jan.status().ToString();
  EXPECT_EQ(jan->b_headcount, 2);
  EXPECT_EQ(jan->b_up, 2);
  EXPECT_EQ(jan->b_due, (C12Columns{2'655'000, 477'900, 212'400, 53'100, 3'398'400}));
  EXPECT_EQ(jan->b_wage_fund[0], 10'620'000);
  EXPECT_EQ(jan->a_underpaid[4], 0);
  EXPECT_EQ(jan->e_underpaid, (C12Columns{2'655'000, 477'900, 212'400, 53'100, 3'398'400}));
  EXPECT_EQ(jan->law, "41/2024/QH15");
  // February: 3,000,000 paid on 10/02 goes to January first (oldest month);
  // January's 398,400 left splits 25 : 4.5 : 2 : 0.5 → 311,250 / 56,025 /
  // 24,900 / 6,225; with February's full dues carried forward: 2,966,250 /
  // 533,925 / 237,300 / 59,325 = 3,796,800. January is due by 28/02/2026
  // (2024 law: the last day of the following month): no interest yet.
  auto feb = BuildC12(db(), ctx_->law, id_, "01C1", "Công ty Mẫu C12", Month::Of(2026, 2));
  ASSERT_TRUE(feb.ok()) << feb.status().ToString();
  EXPECT_EQ(feb->a_headcount, 2);
  EXPECT_EQ(feb->a_underpaid, (C12Columns{2'655'000, 477'900, 212'400, 53'100, 3'398'400}));
  EXPECT_EQ(feb->b_up, 0);
  ASSERT_EQ(feb->c_payments.size(), 1u);
  EXPECT_EQ(feb->c_total, 3'000'000);
  EXPECT_EQ(feb->d_contributions, 3'000'000);
  EXPECT_EQ(feb->e_underpaid, (C12Columns{2'966'250, 533'925, 237'300, 59'325, 3'796'800}));
  EXPECT_EQ(feb->e_overpaid[4], 0);
  EXPECT_EQ(feb->e_interest, 0);
  EXPECT_EQ(feb->b_interest, 0);
  EXPECT_EQ(feb->transfer_note, "01C1 Công ty Mẫu C12 đóng BHXH tháng 2 năm 2026");
  // A later month with no dues run yet: brought forward = carried forward of February.
  auto mar = BuildC12(db(), ctx_->law, id_, "01C1", "Công ty Mẫu C12", Month::Of(2026, 3));
  ASSERT_TRUE(mar.ok());
  EXPECT_EQ(mar->a_underpaid, feb->e_underpaid);
  EXPECT_EQ(mar->b_due[4], 0);
  // By 31/03 January's 398,400 is 31 days past 28/02 → interest accrues.
  EXPECT_GT(mar->e_interest, 0);
}

// A month with a maternity leave and a month with unpaid leave (D02-LT TS
// and KL suspend the period: nothing is due; Law 41/2024 Art. 33, 36).
// Worker 2 goes on maternity leave from 03/2026, worker 1 on unpaid leave
// in 04/2026; both return in 05/2026. March: worker 1 alone, 1,699,200
// (1,327,500 / 238,950 / 106,200 / 26,550), one down; April: nothing due,
// one more down; May: both, 3,398,400, two up. Nothing is paid after
// 10/02: January's 398,400 + February's 3,398,400 + March's 1,699,200 =
// 5,496,000 owed at the end of April.
TEST_P(C12Test, AMonthOfMaternityLeaveAndAMonthOfUnpaidLeave) {
  auto declare = [&](const std::string& month, const std::string& key, const char* plan, const char* cccd) {
    DeclarationRow r;
    r.plan = plan;
    r.cccd = cccd;
    r.effective_month = month;
    Declaration d{"01C1", month, key, {r}};
    auto res = SubmitDeclaration(db(), ctx_->geo, ctx_->law, d, testing::TestOfficer());
    ASSERT_TRUE(res.ok()) << res.status().ToString();
    ASSERT_TRUE(res->accepted) << (res->errors.empty() ? "" : res->errors[0].message_en);
  };
  declare("2026-03", "ts-2", "TS", "001090001002");
  declare("2026-04", "kl-1", "KL", "001090001001");
  declare("2026-05", "on-1", "ON", "001090001001");
  declare("2026-05", "on-2", "ON", "001090001002");
  for (int m = 3; m <= 5; ++m) ASSERT_TRUE(RunCollection(db(), ctx_->law, Month::Of(2026, m), testing::TestOfficer()).ok());
  auto mar = BuildC12(db(), ctx_->law, id_, "01C1", "Công ty Mẫu C12", Month::Of(2026, 3));
  ASSERT_TRUE(mar.ok()) << mar.status().ToString();
  EXPECT_EQ(mar->b_headcount, 1);
  EXPECT_EQ(mar->b_down, 1);
  EXPECT_EQ(mar->b_due, (C12Columns{1'327'500, 238'950, 106'200, 26'550, 1'699'200}));
  EXPECT_EQ(mar->b_wage_fund[0], 5'310'000);
  auto apr = BuildC12(db(), ctx_->law, id_, "01C1", "Công ty Mẫu C12", Month::Of(2026, 4));
  ASSERT_TRUE(apr.ok()) << apr.status().ToString();
  EXPECT_EQ(apr->a_headcount, 1);
  EXPECT_EQ(apr->b_headcount, 0);
  EXPECT_EQ(apr->b_down, 1);
  EXPECT_EQ(apr->b_due[4], 0);
  EXPECT_EQ(apr->a_underpaid[4], 398'400 + 3'398'400 + 1'699'200);
  EXPECT_EQ(apr->e_underpaid[4], 5'496'000);
  EXPECT_EQ(apr->c_total, 0);
  EXPECT_GT(apr->e_interest, apr->a_interest);  // January and February are past their deadlines
  auto may = BuildC12(db(), ctx_->law, id_, "01C1", "Công ty Mẫu C12", Month::Of(2026, 5));
  ASSERT_TRUE(may.ok());
  EXPECT_EQ(may->b_headcount, 2);
  EXPECT_EQ(may->b_up, 2);
  EXPECT_EQ(may->b_due[4], 3'398'400);
  EXPECT_EQ(may->e_underpaid[4], 5'496'000 + 3'398'400);
}

// The printable page and the workbook say what the JSON says.
TEST_P(C12Test, ThePrintedNoticeAndTheWorkbook) {
  auto jan = BuildC12(db(), ctx_->law, id_, "01C1", "Công ty Mẫu C12", Month::Of(2026, 1));
  ASSERT_TRUE(jan.ok());
  std::string html = C12Html(*jan, "Hà Nội");
  EXPECT_NE(html.find("Mẫu C12-TS"), std::string::npos);
  EXPECT_NE(html.find("THÔNG BÁO KẾT QUẢ ĐÓNG BHXH, BHYT, BHTN, BHTNLĐ-BNN THÁNG 01/2026"), std::string::npos);
  EXPECT_NE(html.find("Độc lập - Tự do - Hạnh phúc"), std::string::npos);
  EXPECT_NE(html.find("Hà Nội, ngày "), std::string::npos);
  EXPECT_NE(html.find("<td class=\"num\">3.398.400</td>"), std::string::npos);
  EXPECT_NE(html.find("B.4.3 Điều chỉnh thuần"), std::string::npos);
  EXPECT_NE(html.find("01C1 Công ty Mẫu C12 đóng BHXH tháng 1 năm 2026"), std::string::npos);
  auto x = C12Xlsx(*jan);
  ASSERT_TRUE(x.ok()) << x.status().ToString();
  auto zip = ZipPackage::Open(*x, "XLSX");
  ASSERT_TRUE(zip.ok());
  auto sheet = zip->Read("xl/worksheets/sheet1.xml");
  ASSERT_TRUE(sheet.ok());
  // Row 10 is B.3 (title, as-of line, header, then A's four lines, B's
  // heading and B.2): its total 3,398,400 is a number, not text.
  size_t f10 = sheet->find("<c r=\"F10\"");
  ASSERT_NE(f10, std::string::npos);
  std::string cell = sheet->substr(f10, sheet->find("</c>", f10) - f10);
  EXPECT_EQ(cell.find("t=\"s\""), std::string::npos) << cell;
  EXPECT_NE(cell.find("<v>3398400</v>"), std::string::npos) << cell;
  EXPECT_NE(zip->Read("xl/sharedStrings.xml")->find("B.3 Số phải đóng"), std::string::npos);
}

// B.4, worked by hand. On 15/01/2027 the employer declares that worker 2
// left from 01/2026 (never worked in the year: his period goes) and that a
// worker 3 joined from 02/2026 at 6,000,000 (32%: 1,500,000 / 270,000 /
// 120,000 / 30,000 = 1,920,000). January and February 2026 are run again:
// January loses 1,699,200 (1,327,500 / 238,950 / 106,200 / 26,550),
// February gains 1,920,000 − 1,699,200 = 220,800 (172,500 / 31,050 /
// 13,800 / 3,450). Both are recorded in 01/2027, both in an earlier year.
TEST_P(C12Test, ARetroactiveDeclarationIsAdjustedInTheMonthItIsMade) {
  struct TodayGuard {
    ~TodayGuard() { Date::SetTodayForTesting(std::nullopt); }
  } guard;
  auto feb_before = BuildC12(db(), ctx_->law, id_, "01C1", "Công ty Mẫu C12", Month::Of(2026, 2));
  ASSERT_TRUE(feb_before.ok()) << feb_before.status().ToString();
  Date::SetTodayForTesting(Date::Parse("2027-01-15", "today").value());
  // A month run for the first time after it ended changes nothing notified.
  auto march = RunCollection(db(), ctx_->law, Month::Of(2026, 3), testing::TestOfficer());
  ASSERT_TRUE(march.ok()) << march.status().ToString();
  EXPECT_EQ(march->adjusted_employers, 0);
  ASSERT_TRUE(db().Exec("DELETE FROM employer_dues WHERE month = " + std::to_string(Month::Of(2026, 3).index())).ok());
  ASSERT_TRUE(db().Exec("DELETE FROM collection_runs WHERE month = " + std::to_string(Month::Of(2026, 3).index())).ok());

  Declaration d{"01C1", "2027-01", "c12-retro", {}};
  DeclarationRow leave;
  leave.action = "leave";
  leave.cccd = "001090001002";
  leave.effective_month = "2026-01";
  d.rows.push_back(leave);
  DeclarationRow join;
  join.action = "join";
  join.cccd = "001190001003";
  join.effective_month = "2026-02";
  join.salary = "6000000";
  join.full_name = "Người lao động thứ ba";
  join.dob = "1990-05-05";
  join.sex = "2";
  join.province = "01";
  d.rows.push_back(join);
  auto res = SubmitDeclaration(db(), ctx_->geo, ctx_->law, d, testing::TestOfficer());
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  ASSERT_TRUE(res->accepted) << (res->errors.empty() ? "" : res->errors[0].message_en);
  auto jan = RunCollection(db(), ctx_->law, Month::Of(2026, 1), testing::TestOfficer());
  ASSERT_TRUE(jan.ok()) << jan.status().ToString();
  EXPECT_EQ(jan->adjusted_employers, 1);
  EXPECT_EQ(jan->adjustment_net, -1'699'200);
  EXPECT_EQ(jan->adjustment_month, Month::Of(2027, 1));
  auto feb = RunCollection(db(), ctx_->law, Month::Of(2026, 2), testing::TestOfficer());
  ASSERT_TRUE(feb.ok()) << feb.status().ToString();
  EXPECT_EQ(feb->adjustment_net, 220'800);
  // The current month, run and run again, is its own B.3, never B.4.
  for (int i = 0; i < 2; ++i) {
    auto now = RunCollection(db(), ctx_->law, Month::Of(2027, 1), testing::TestOfficer());
    ASSERT_TRUE(now.ok()) << now.status().ToString();
    EXPECT_EQ(now->adjusted_employers, 0);
  }
  EXPECT_EQ(db().QueryInt("SELECT COUNT(*) FROM dues_adjustments").value(), 2);

  auto c = BuildC12(db(), ctx_->law, id_, "01C1", "Công ty Mẫu C12", Month::Of(2027, 1));
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->b4_up, (C12Columns{172'500, 31'050, 13'800, 3'450, 220'800}));
  EXPECT_EQ(c->b4_up_prior_year, c->b4_up);
  EXPECT_EQ(c->b4_down, (C12Columns{1'327'500, 238'950, 106'200, 26'550, 1'699'200}));
  EXPECT_EQ(c->b4_down_prior_year, c->b4_down);
  EXPECT_EQ(c->b4_net, (C12Columns{-1'155'000, -207'900, -92'400, -23'100, -1'478'400}));
  ASSERT_EQ(c->b4_months.size(), 2u);
  EXPECT_EQ(c->b4_months[0].month, Month::Of(2026, 1));
  EXPECT_EQ(c->b4_months[0].workers_before, 2);
  EXPECT_EQ(c->b4_months[0].workers_after, 1);
  EXPECT_EQ(c->b4_months[1].amount[4], 220'800);
  // Brought forward: the end of 12/2026 as it was known then — January's
  // 398,400 left and February's 3,398,400, as February's notice said.
  EXPECT_EQ(c->a_underpaid, (C12Columns{2'966'250, 533'925, 237'300, 59'325, 3'796'800}));
  EXPECT_EQ(c->a_headcount, 0);  // 12/2026 was never run: no workers counted for it
  // This month: workers 1 and 3, 1,699,200 + 1,920,000 = 3,619,200.
  // Carried forward on the dues as they are now: 3,000,000 pays January's
  // 1,699,200 and 1,300,800 of February's 3,619,200, leaving 2,318,400 of
  // February (split 2,827,500 : 508,950 : 226,200 : 56,550) and this month
  // whole — which is A + B.3 + B.4.3 − C = 3,796,800 + 3,619,200 − 1,478,400.
  EXPECT_EQ(c->b_due[4], 3'619'200);
  EXPECT_EQ(c->b_headcount, 2);
  EXPECT_EQ(c->e_underpaid[4], 3'796'800 + 3'619'200 - 1'478'400);
  EXPECT_EQ(c->e_underpaid, (C12Columns{1'811'250 + 2'827'500, 326'025 + 508'950, 144'900 + 226'200, 36'225 + 56'550,
                                        2'318'400 + 3'619'200}));
  // February's notice, built again, reads as it did when it was issued.
  auto feb_after = BuildC12(db(), ctx_->law, id_, "01C1", "Công ty Mẫu C12", Month::Of(2026, 2));
  ASSERT_TRUE(feb_after.ok()) << feb_after.status().ToString();
  EXPECT_EQ(feb_after->b_due, feb_before->b_due);
  EXPECT_EQ(feb_after->e_underpaid, feb_before->e_underpaid);
  EXPECT_EQ(feb_after->b_headcount, 2);
  EXPECT_EQ(feb_after->b4_net[4], 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, C12Test, ::testing::Values("sqlite", "postgres"), testing::BackendName);

}  // namespace
}  // namespace bhxh
