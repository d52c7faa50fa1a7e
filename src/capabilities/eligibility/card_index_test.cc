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
  EXPECT_EQ(Code(idx, {"001085012345", "", "2026-11-20", "Nguyễn Văn Anh", ""}), "061");  // first letter right
  EXPECT_EQ(Code(idx, {"001085012345", "", "2026-11-20", "nguyen van", ""}), "061");
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

// A card reported decreased by a leave covers through the last day of the
// last month contributed (valid_to, cut by the declaration); after it the
// portal's reason, before it the card is valid.
TEST(Eligibility, ADecreasedCardAnswersItsReason) {
  CardIndex idx(Law());
  std::vector<CardRecord> recs;
  const char* codes[] = {"121", "122", "123", "124"};
  for (int i = 0; i < 4; ++i) {
    CardRecord r = Rec();
    r.cccd = "00108501234" + std::to_string(i);
    r.si_number = "011234567" + std::to_string(i);
    r.card_code = "DN401" + r.si_number;
    r.valid_to = *Date::Parse("2026-03-31", "d");
    r.decrease_code = codes[i];
    recs.push_back(r);
  }
  idx.Build(recs);
  EXPECT_EQ(Code(idx, {"001085012340", "", "2026-03-31", "", ""}), "000");
  for (int i = 0; i < 4; ++i) EXPECT_EQ(Code(idx, {"00108501234" + std::to_string(i), "", "2026-04-01", "", ""}), codes[i]);
  auto a = idx.Check({"001085012343", "", "2026-05-01", "", ""});
  ASSERT_TRUE(a.ok());
  EXPECT_FALSE(a->valid);
  EXPECT_EQ(a->message_vi, "Thẻ đã báo giảm ngừng tham gia, hết giá trị từ ngày 01/04/2026");
  ASSERT_TRUE(a->card.has_value());
  EXPECT_EQ(a->card->decrease_code, "124");
  // The holder's own checks come first: a wrong name answers by name.
  EXPECT_EQ(Code(idx, {"001085012343", "", "2026-05-01", "Trần Văn An", ""}), "060");
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
