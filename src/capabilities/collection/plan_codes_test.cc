// The D02-LT change codes on both backends: a worker joins (TM) in 01/2026
// at 10,000,000, takes unpaid leave (KL) from 03/2026, returns (ON) in
// 05/2026 at the same salary, and gets a raise (DC) to 12,000,000 in
// 06/2026. At 32% (BHXH 25%, BHYT 4.5%, BHTN 2%, BHTNLĐ 0.5%) the dues are
// 3,200,000 for 01, 02 and 05, nothing for 03 and 04, 3,840,000 for 06:
// 13,440,000 in all.
#include <gtest/gtest.h>

#include "collection/collect.h"
#include "collection/declarations.h"
#include "registry/registry.h"
#include "testing/backend_fixture.h"

namespace bhxh {
namespace {

class PlanCodes : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    Registry reg(db(), ctx_->geo, ctx_->law);
    ASSERT_TRUE(reg.RegisterEmployer({"01P1", "0101313131", "Công ty Phương Án", "enterprise", "01", 1, "active", "2020-01-01"},
                                     testing::TestOfficer())
                    .ok());
  }
  Result<DeclarationResult> Declare(const std::string& month, const std::string& key, DeclarationRow r) {
    r.cccd = r.cccd.empty() ? "001192002001" : r.cccd;
    return SubmitDeclaration(db(), ctx_->geo, ctx_->law, {"01P1", month, key, {r}}, testing::TestOfficer());
  }
  static DeclarationRow Row(const std::string& plan, const std::string& month, const std::string& salary = "") {
    DeclarationRow r;
    r.plan = plan;
    r.effective_month = month;
    r.salary = salary;
    return r;
  }
};

TEST_P(PlanCodes, LeaveAndReturnChangeWhatIsDue) {
  DeclarationRow tm = Row("TM", "2026-01", "10000000");
  tm.full_name = "Lê Thị Phương";
  tm.dob = "1992-02-02";
  tm.sex = "2";
  tm.province = "01";
  auto j = Declare("2026-01", "p-tm", tm);
  ASSERT_TRUE(j.ok() && j->accepted) << (j.ok() && !j->errors.empty() ? j->errors[0].message_en : "");
  EXPECT_EQ(j->joined, 1);
  auto kl = Declare("2026-03", "p-kl", Row("KL", "2026-03"));
  ASSERT_TRUE(kl.ok() && kl->accepted);
  EXPECT_EQ(kl->suspended, 1);
  // ON while still suspended is fine only after; a second KL has nothing open.
  auto kl2 = Declare("2026-04", "p-kl2", Row("KL", "2026-04"));
  ASSERT_TRUE(kl2.ok());
  EXPECT_FALSE(kl2->accepted);
  auto on = Declare("2026-05", "p-on", Row("ON", "2026-05"));
  ASSERT_TRUE(on.ok() && on->accepted) << (on.ok() && !on->errors.empty() ? on->errors[0].message_en : "");
  EXPECT_EQ(on->resumed, 1);
  auto on2 = Declare("2026-05", "p-on2", Row("ON", "2026-05"));
  ASSERT_TRUE(on2.ok());
  EXPECT_FALSE(on2->accepted);
  EXPECT_EQ(on2->errors[0].code, "conflict");
  auto dc = Declare("2026-06", "p-dc", Row("DC", "2026-06", "12000000"));
  ASSERT_TRUE(dc.ok() && dc->accepted);
  EXPECT_EQ(dc->salary_changes, 1);
  for (int m = 1; m <= 6; ++m) ASSERT_TRUE(RunCollection(db(), ctx_->law, Month::Of(2026, m), testing::TestOfficer()).ok());
  auto month_due = [&](int m) {
    auto v = db().QueryInt("SELECT COALESCE(SUM(amount), 0) FROM employer_dues WHERE month = " + std::to_string(Month::Of(2026, m).index()));
    return v.ok() ? *v : -1;
  };
  EXPECT_EQ(month_due(1), 3'200'000);
  EXPECT_EQ(month_due(2), 3'200'000);
  EXPECT_EQ(month_due(3), 0);
  EXPECT_EQ(month_due(4), 0);
  EXPECT_EQ(month_due(5), 3'200'000);
  EXPECT_EQ(month_due(6), 3'840'000);
}

TEST_P(PlanCodes, AnUnknownOrContradictoryCodeIsNamed) {
  auto bad = Declare("2026-01", "p-x", Row("XX", "2026-01", "10000000"));
  ASSERT_TRUE(bad.ok());
  ASSERT_FALSE(bad->accepted);
  EXPECT_EQ(bad->errors[0].field, "plan");
  DeclarationRow both = Row("GH", "2026-01");
  both.action = "join";
  auto contra = Declare("2026-01", "p-y", both);
  ASSERT_TRUE(contra.ok());
  ASSERT_FALSE(contra->accepted);
  EXPECT_EQ(contra->errors[0].field, "plan");
  // ON for someone who never worked here.
  auto never = Declare("2026-01", "p-z", Row("ON", "2026-01"));
  ASSERT_TRUE(never.ok());
  ASSERT_FALSE(never->accepted);
  EXPECT_EQ(never->errors[0].code, "not_found");
}

INSTANTIATE_TEST_SUITE_P(Backends, PlanCodes, ::testing::Values("sqlite", "postgres"), testing::BackendName);

}  // namespace
}  // namespace bhxh
