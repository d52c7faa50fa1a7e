// Result codes follow the portal's convention (hi-claims.md §4).
#include "eligibility/card_index.h"

#include <gtest/gtest.h>

#include "testing/test_support.h"

namespace bhxh {
namespace {

const LawBook& Law() {
  static LawBook* law = new LawBook(*LawBook::Load(testing::DataDir() + "/law"));
  return *law;
}

CardRecord Rec() {
  CardRecord r;
  r.cccd = "001085012345";
  r.si_number = "0112345678";
  r.full_name = "Nguyễn Văn An";
  r.dob = {1985, 3, 2};
  r.sex = Sex::kMale;
  r.card_code = "DN4010112345678";
  r.valid_from = *Date::Parse("2026-01-01", "d");
  r.valid_to = *Date::Parse("2026-12-31", "d");
  r.facility = "01001";
  r.five_year_date = *Date::Parse("2024-05-01", "d");
  return r;
}

std::string Code(const CardIndex& idx, EligibilityQuery q) {
  auto a = idx.Check(q);
  EXPECT_TRUE(a.ok()) << a.status().ToString();
  return a.ok() ? a->code : "";
}

TEST(Eligibility, ValidCardByEveryIdentifier) {
  CardIndex idx(Law());
  idx.Build({Rec()});
  auto a = idx.Check({"001085012345", "01001", "2026-11-20", "", ""});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->code, "000");
  EXPECT_TRUE(a->valid);
  EXPECT_EQ(a->level, 4);
  EXPECT_EQ(a->percent, 800'000);  // 80%
  EXPECT_TRUE(a->registered_here);
  EXPECT_TRUE(a->five_years_reached);
  EXPECT_EQ(Code(idx, {"0112345678", "", "2026-11-20", "", ""}), "000");
  EXPECT_EQ(Code(idx, {"DN4010112345678", "", "2026-11-20", "", ""}), "000");
}

TEST(Eligibility, EachMismatchHasItsCode) {
  CardIndex idx(Law());
  idx.Build({Rec()});
  EXPECT_EQ(Code(idx, {"001085012345", "", "2027-01-01", "", ""}), "010");                // expired
  EXPECT_EQ(Code(idx, {"001085012345", "", "2025-12-31", "", ""}), "010");                // not yet valid
  EXPECT_EQ(Code(idx, {"001099999999", "", "2026-11-20", "", ""}), "050");                // no data
  EXPECT_EQ(Code(idx, {"DN3010112345678", "", "2026-11-20", "", ""}), "053");             // benefit digit
  EXPECT_EQ(Code(idx, {"DN4790112345678", "", "2026-11-20", "", ""}), "052");             // province
  EXPECT_EQ(Code(idx, {"HS4010112345678", "", "2026-11-20", "", ""}), "051");             // group
  EXPECT_EQ(idx.Check({"DN40101123", "", "2026-11-20", "", ""}).status().field(), "id");  // malformed: an error
  EXPECT_EQ(Code(idx, {"001085012345", "", "2026-11-20", "nguyen van an", ""}), "000");   // diacritics ignored
  EXPECT_EQ(Code(idx, {"001085012345", "", "2026-11-20", "Nguyễn Văn Ân", "1985-03-02"}), "000");
  EXPECT_EQ(Code(idx, {"001085012345", "", "2026-11-20", "Trần Văn An", ""}), "060");
  EXPECT_EQ(Code(idx, {"001085012345", "", "2026-11-20", "", "1985-03-03"}), "070");
  EXPECT_EQ(Code(idx, {"001085012345", "", "2026-11-20", "", "1985"}), "000");  // partial date agrees
}

TEST(Eligibility, MalformedQueriesAreErrorsNamingTheField) {
  CardIndex idx(Law());
  idx.Build({Rec()});
  EXPECT_EQ(idx.Check({"12345", "", "", "", ""}).status().field(), "id");
  EXPECT_EQ(idx.Check({"001085012345", "0100", "", "", ""}).status().field(), "facility");
  EXPECT_EQ(idx.Check({"001085012345", "", "2026-02-30", "", ""}).status().field(), "date");
}

TEST(Eligibility, DeathAndWithdrawalEndTheCard) {
  CardIndex idx(Law());
  CardRecord dead = Rec();
  dead.deceased_on = *Date::Parse("2026-06-01", "d");
  CardRecord gone = Rec();
  gone.cccd = "001090012345";
  gone.si_number = "0199999999";
  gone.card_code = "DN4010199999999";
  gone.withdrawn = true;
  idx.Build({dead, gone});
  EXPECT_EQ(Code(idx, {"001085012345", "", "2026-05-31", "", ""}), "000");
  EXPECT_EQ(Code(idx, {"001085012345", "", "2026-07-01", "", ""}), "120");
  EXPECT_EQ(Code(idx, {"001090012345", "", "2026-07-01", "", ""}), "110");
}

TEST(Eligibility, UpsertedCardsAreSeenWithoutReload) {
  CardIndex idx(Law());
  idx.Build({});
  EXPECT_EQ(Code(idx, {"001085012345", "", "2026-11-20", "", ""}), "050");
  idx.Upsert(Rec());
  EXPECT_EQ(Code(idx, {"001085012345", "", "2026-11-20", "", ""}), "000");
  EXPECT_EQ(Code(idx, {"0112345678", "", "2026-11-20", "", ""}), "000");
}

}  // namespace
}  // namespace bhxh
