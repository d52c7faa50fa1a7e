// The card check's answers that need the record, on SQLite and PostgreSQL.
//
// Lê Văn Cường (CCCD 001080012345, SI 0112345670) held a civil servant's
// card HC4010112345670 for 2025 and has a worker's card DN4010112345670 for
// 2026. His old code on 01/03/2026 answers 003 (expired 31/12/2025, new card
// issued) and is covered by the new one; on 01/06/2025 it answers 004 (still
// valid, a new card issued). An army card answers 001, a police card 002. A
// boy born 24/06/2023 without a card is under six on 20/11/2026: 130, level
// 1 (100%); a girl born 01/01/2019 is seven: 050.
#include "eligibility/record_check.h"

#include <gtest/gtest.h>

#include "eligibility/module.h"
#include "registry/registry.h"
#include "testing/backend_fixture.h"

namespace bhxh {
namespace {

class RecordCheck : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    Registry reg(db(), ctx_->geo, ctx_->law);
    auto officer = testing::TestOfficer();
    ASSERT_TRUE(reg.RegisterPerson({"001080012345", "0112345670", "Lê Văn Cường", "1980-05-05", "1", "01", "", ""}, officer).ok());
    ASSERT_TRUE(reg.RegisterPerson({"001223484066", "", "Nguyễn Công Việt", "2023-06-24", "1", "01", "", ""}, officer).ok());
    ASSERT_TRUE(reg.RegisterPerson({"001319000001", "", "Phạm Thu An", "2019-01-01", "2", "01", "", ""}, officer).ok());
    auto old = reg.IssueCard({"001080012345", "HC4010112345670", "2025-01-01", "2025-12-31", "01001", ""}, officer);
    ASSERT_TRUE(old.ok()) << old.status().ToString();
    auto now = reg.IssueCard({"001080012345", "DN4010112345670", "2026-01-01", "2026-12-31", "01001", ""}, officer);
    ASSERT_TRUE(now.ok()) << now.status().ToString();
    ASSERT_TRUE(ctx_->State<EligibilityState>().Reload(*ctx_).ok());
  }
  EligibilityAnswer Ask(const std::string& id, const std::string& date, const std::string& name = "") {
    auto a = ctx_->State<EligibilityState>().Check(*ctx_, {id, "", date, name, ""}, &db());
    EXPECT_TRUE(a.ok()) << a.status().ToString();
    return a.ok() ? *a : EligibilityAnswer{};
  }
};

TEST_P(RecordCheck, ASupersededCardSaysSoAndNamesTheNewOne) {
  EXPECT_EQ(Ask("DN4010112345670", "2026-03-01").code, "000");
  auto expired = Ask("HC4010112345670", "2026-03-01");
  EXPECT_EQ(expired.code, "003");
  EXPECT_TRUE(expired.valid);  // the new card covers the visit
  ASSERT_TRUE(expired.card.has_value());
  EXPECT_EQ(expired.card->card_code, "DN4010112345670");
  EXPECT_NE(expired.message_vi.find("31/12/2025"), std::string::npos) << expired.message_vi;
  auto still = Ask("HC4010112345670", "2025-06-01");
  EXPECT_EQ(still.code, "004");
  EXPECT_TRUE(still.valid);  // the old card is within its dates
  // The person's own checks still come first.
  EXPECT_EQ(Ask("HC4010112345670", "2026-03-01", "Lê Văn Cưởng Khác").code, "061");  // first letter right
  EXPECT_EQ(Ask("HC4010112345670", "2026-03-01", "Trần Văn Cưởng").code, "060");
  // A code nobody ever held is still a wrong code.
  EXPECT_EQ(Ask("HS4010112345670", "2026-03-01").code, "051");
}

TEST_P(RecordCheck, DefenceAndPoliceCardsAreNotNoData) {
  auto army = Ask("QN5010123456789", "2026-03-01");
  EXPECT_EQ(army.code, "001");
  EXPECT_NE(army.message_vi.find("BHXH Bộ Quốc phòng"), std::string::npos);
  EXPECT_EQ(Ask("CA5010123456789", "2026-03-01").code, "002");
}

TEST_P(RecordCheck, AChildUnderSixWithoutACardIsInsured) {
  auto boy = Ask("001223484066", "2026-11-20");
  EXPECT_EQ(boy.code, "130");
  EXPECT_TRUE(boy.valid);
  EXPECT_EQ(boy.group, "TE");
  EXPECT_EQ(boy.level, 1);
  EXPECT_EQ(Ask("001223484066", "2029-06-24").code, "050");  // six that day
  EXPECT_EQ(Ask("001223484066", "2029-06-23").code, "130");
  EXPECT_EQ(Ask("001319000001", "2026-11-20").code, "050");  // seven
  EXPECT_EQ(Ask("001099999999", "2026-11-20").code, "050");  // nobody
}

INSTANTIATE_TEST_SUITE_P(Backends, RecordCheck, ::testing::Values("sqlite", "postgres"), testing::BackendName);

}  // namespace
}  // namespace bhxh
