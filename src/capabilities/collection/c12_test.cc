// The C12-TS notice on both backends, from the worked example of
// ../shared/domain/services-integrity.md §6.3: 2 workers × 5,310,000
// (region I minimum from 01/2026) → BHXH 25% 2,655,000, BHYT 4.5% 477,900,
// BHTN 2% 212,400, BHTNLĐ 0.5% 53,100: 3,398,400 a month.
#include <gtest/gtest.h>

#include "collection/c12.h"
#include "collection/collect.h"
#include "collection/declarations.h"
#include "collection/payments.h"
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

INSTANTIATE_TEST_SUITE_P(Backends, C12Test, ::testing::Values("sqlite", "postgres"), testing::BackendName);

}  // namespace
}  // namespace bhxh
