// Officials' integrity on both backends, against dates and amounts worked
// by hand from the Law on Anti-corruption 2018, Decree 130/2020, Decree
// 59/2019, the laws on complaints and denunciations and
// data/officials/*.csv.
#include <gtest/gtest.h>

#include "benefits/module.h"
#include "officials/complaints.h"
#include "officials/module.h"
#include "testing/backend_fixture.h"

namespace bhxh {
namespace {

class OfficialsDb : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    Date::SetTodayForTesting(Date::FromYmd(2025, 12, 5));
  }
  void TearDown() override {
    Date::SetTodayForTesting(std::nullopt);
    BackendTest::TearDown();
  }
  const OfficialsData& data() { return ctx_->State<OfficialsState>().data(); }
  void Add(const std::string& code, const std::string& unit, const std::string& position, const std::string& since,
           const std::string& birth = "1980-01-01", const std::string& sex = "female") {
    auto o = RegisterOfficial(db(), data(), {code, "Cán bộ " + code, sex, birth, unit, "01", position, since}, a_);
    ASSERT_TRUE(o.ok()) << o.status().ToString();
  }
  AssetDeclaration Declare(const std::string& code, const std::string& kind, int year, const std::string& on,
                           std::vector<AssetItem> items, Vnd income) {
    AssetDeclarationInput in{kind, on, code + "-" + kind + "-" + std::to_string(year), year, std::move(items), income};
    auto d = SubmitAssetDeclaration(db(), data(), code, in, a_);
    EXPECT_TRUE(d.ok()) << d.status().ToString();
    return d.ok() ? *d : AssetDeclaration{};
  }
  Actor a_{"officer:tccb", {"officer"}, "", "", "", "", ""};
};

TEST_P(OfficialsDb, WhoMustDeclareByWhenAndTheChangeThatNeedsExplaining) {
  Add("KT01", "Phòng KHTC", "ke_toan", "2020-01-01");      // accountant: annual declarant
  Add("THU01", "Phòng Thu", "thu_bhxh", "2025-11-20");     // first declaration within 10 days: by 30/11/2025
  Add("CV01", "Phòng Thu", "chuyen_vien", "2025-11-28");   // by 08/12/2025
  auto st = DeclarationStatus(db(), data(), 2025, Date::Today(), "", {});
  ASSERT_TRUE(st.ok()) << st.status().ToString();
  auto find = [&](const std::vector<DeclarationDue>& v, const std::string& code, const std::string& kind) -> const DeclarationDue* {
    for (const auto& r : v)
      if (r.official.code == code && r.kind == kind) return &r;
    return nullptr;
  };
  const DeclarationDue* thu = find(*st, "THU01", "first");
  ASSERT_NE(thu, nullptr);
  EXPECT_EQ(thu->deadline, "2025-11-30");
  EXPECT_EQ(thu->status, "overdue");  // 05/12 > 30/11, nothing submitted
  EXPECT_EQ(find(*st, "CV01", "first")->status, "due");
  EXPECT_EQ(find(*st, "CV01", "first")->deadline, "2025-12-08");
  const DeclarationDue* kt = find(*st, "KT01", "annual");
  ASSERT_NE(kt, nullptr);
  EXPECT_EQ(kt->deadline, "2025-12-31");
  EXPECT_EQ(kt->status, "due");
  EXPECT_EQ(find(*st, "THU01", "annual"), nullptr);  // not an annual declarant

  // 2024: 2,000,000,000 of assets + 300,000,000 income = 2,300,000,000.
  auto d24 = Declare("KT01", "annual", 2024, "2024-12-20", {{"house", "Nhà ở tại Cầu Giấy", 2'000'000'000}}, 300'000'000);
  EXPECT_FALSE(d24.change.has_value());
  // 2025: 2,470,000,000 + 30,000,000 cash + 200,000,000 income = 2,700,000,000:
  // +400,000,000 ≥ 300,000,000 (Art.36.2) → to be explained; the cash is
  // under 50,000,000 (Art.35), noted.
  auto d25 = Declare("KT01", "annual", 2025, "2025-12-04",
                     {{"house", "Nhà ở tại Cầu Giấy", 2'470'000'000}, {"cash", "Tiền mặt", 30'000'000}}, 200'000'000);
  ASSERT_TRUE(d25.change.has_value());
  EXPECT_EQ(*d25.change, 400'000'000);
  EXPECT_TRUE(d25.over_additional_threshold);
  EXPECT_EQ(d25.assets, 2'500'000'000);
  ASSERT_EQ(d25.notes.size(), 2u);
  EXPECT_NE(d25.notes[0].find("Điều 35"), std::string::npos);
  st = DeclarationStatus(db(), data(), 2025, Date::Today(), "", {});
  EXPECT_EQ(find(*st, "KT01", "annual")->status, "submitted");
  // The same key again: the same declaration, nothing new.
  auto again = SubmitAssetDeclaration(db(), data(), "KT01",
                                      {"annual", "2025-12-04", "KT01-annual-2025", 2025, {{"cash", "x", 1}}, 0}, a_);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(Count("asset_declarations"), 2);
  // Bad input is named.
  EXPECT_EQ(SubmitAssetDeclaration(db(), data(), "KT01", {"yearly", "2025-12-04", "k9", 2025, {}, 0}, a_).status().field(), "kind");
  EXPECT_EQ(SubmitAssetDeclaration(db(), data(), "KT01", {"annual", "2025-12-04", "k9", 2025, {{"yacht", "x", 1}}, 0}, a_)
                .status()
                .field(),
            "items[1].kind");
  EXPECT_EQ(SubmitAssetDeclaration(db(), data(), "NOBODY", {"annual", "2025-12-04", "k9", 2025, {}, 0}, a_).status().code(),
            "not_found");
  // Declarations are never edited in place.
  EXPECT_FALSE(db().Exec("UPDATE asset_declarations SET assets = 0").ok());
}

TEST_P(OfficialsDb, TheVerificationDrawIsReproducibleWithALeader) {
  // 12 accountants and a head of division, all declared for 2025; the 2026
  // draw takes ⌈13 × 10%⌉ = 2, at least one of them the head.
  for (int i = 1; i <= 12; ++i) {
    std::string code = "KT" + std::string(i < 10 ? "0" : "") + std::to_string(i);
    Add(code, "Phòng KHTC", "ke_toan", "2020-01-01");
    Declare(code, "annual", 2025, "2025-12-01", {{"house", "Nhà", 1'000'000'000}}, 100'000'000);
  }
  Add("TP01", "Phòng KHTC", "truong_phong", "2019-01-01");
  Declare("TP01", "annual", 2025, "2025-12-01", {{"house", "Nhà", 3'000'000'000}}, 400'000'000);
  Add("KT99", "Phòng KHTC", "ke_toan", "2020-01-01");  // did not declare for 2025: not eligible
  Date::SetTodayForTesting(Date::FromYmd(2026, 1, 20));
  auto d = DrawVerification(db(), data(), 2026, "Phòng KHTC", a_);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->eligible, 13);
  ASSERT_EQ(d->items.size(), 2u);
  EXPECT_EQ(d->items[0].official_code, "TP01");
  EXPECT_TRUE(d->items[0].leader);
  std::string other = d->items[1].official_code;
  EXPECT_NE(other, "KT99");
  // The same year and unit: the same draw.
  auto again = DrawVerification(db(), data(), 2026, "Phòng KHTC", a_);
  EXPECT_TRUE(again->replayed);
  // Drawn afresh from nothing, the same people come out.
  ASSERT_TRUE(db().Exec("DELETE FROM verification_items").ok());
  ASSERT_TRUE(db().Exec("DELETE FROM verification_draws").ok());
  auto redo = DrawVerification(db(), data(), 2026, "Phòng KHTC", a_);
  ASSERT_TRUE(redo.ok());
  EXPECT_EQ(redo->items[1].official_code, other);
  EXPECT_EQ(redo->seed, d->seed);
  // Results.
  EXPECT_EQ(RecordVerificationResult(db(), redo->id, "TP01", "inconsistent", "", a_).status().field(), "note");
  auto r = RecordVerificationResult(db(), redo->id, "TP01", "inconsistent", "Không kê khai căn hộ tại Đà Nẵng", a_);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->items[0].result, "inconsistent");
  EXPECT_EQ(RecordVerificationResult(db(), redo->id, "TP01", "consistent", "", a_).status().code(), "conflict");
  EXPECT_EQ(RecordVerificationResult(db(), redo->id, "KT99", "consistent", "", a_).status().code(), "not_found");
}

TEST_P(OfficialsDb, TheRotationPlanNamesWhoIsDueOverdueOrExempt) {
  Add("THU01", "Phòng Thu", "thu_bhxh", "2022-03-01");       // 3 years: due 01/03/2025 → overdue on 05/12/2025
  Add("GD01", "Phòng Giám định", "giam_dinh_bhyt", "2024-01-01");  // due 01/01/2027: not in 2025's plan
  Add("MC01", "Bộ phận một cửa", "mot_cua", "2023-06-01", "1965-05-01", "male");  // due 01/06/2025, retires in 2026
  Add("CV01", "Phòng Thu", "chuyen_vien", "2010-01-01");     // not a rotating position
  auto plan = RotationPlan(db(), data(), ctx_->State<BenefitsState>().law(), 2025, Date::Today(), {});
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  ASSERT_EQ(plan->size(), 3u);
  std::map<std::string, RotationRow> by;
  for (const auto& r : *plan) by[r.official.code] = r;
  EXPECT_EQ(by["THU01"].due_on, "2025-03-01");
  EXPECT_EQ(by["THU01"].status, "overdue");
  EXPECT_EQ(by["THU01"].period_years, 3);
  EXPECT_EQ(by["GD01"].status, "not_due");
  EXPECT_EQ(by["GD01"].due_on, "2027-01-01");
  // A man born 05/1965 reaches 61y6m (Decree 135/2020 for 2026) in 11/2026:
  // within 18 months of the due date 01/06/2025 (→ 01/12/2026): exempt.
  EXPECT_EQ(by["MC01"].status, "exempt_retirement");
  EXPECT_EQ(by["MC01"].retirement_on.substr(0, 7), "2026-11");
  // Rotated: a new post from a date resets the time in post.
  auto moved = AssignPosition(db(), data(), "THU01", "giam_dinh_bhyt", "2025-12-01", a_);
  ASSERT_TRUE(moved.ok()) << moved.status().ToString();
  plan = RotationPlan(db(), data(), ctx_->State<BenefitsState>().law(), 2025, Date::Today(), {});
  for (const auto& r : *plan) {
    if (r.official.code == "THU01") {
      EXPECT_EQ(r.status, "not_due");
    }
  }
  EXPECT_EQ(AssignPosition(db(), data(), "THU01", "ke_toan", "2025-11-01", a_).status().field(), "since");
  EXPECT_EQ(AssignPosition(db(), data(), "THU01", "captain", "2025-12-03", a_).status().field(), "position");
}

TEST_P(OfficialsDb, ComplaintsMoveThroughTheirDeadlines) {
  // Received 03/11/2025: accepted or refused within 10 days → by 13/11.
  auto c = ReceiveComplaint(db(), data(), {"complaint", "2025-11-03", "Nguyễn Văn B", "Chậm chi trợ cấp ốm đau", "Phòng Chế độ", "01", "c1"}, a_);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->accept_by, "2025-11-13");
  EXPECT_EQ(c->timeliness, "overdue");  // 05/12, still not accepted
  // Accepted 10/11 (on time), not complex: resolved within 30 days → by 10/12.
  auto a = DecideComplaint(db(), data(), c->id, true, "2025-11-10", "Phòng Chế độ", false, "", a_);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->resolve_by, "2025-12-10");
  EXPECT_EQ(a->timeliness, "pending");
  EXPECT_EQ(DecideComplaint(db(), data(), c->id, false, "2025-11-11", "", false, "x", a_).status().code(), "conflict");
  Date::SetTodayForTesting(Date::FromYmd(2025, 12, 15));
  EXPECT_EQ(AnswerComplaint(db(), c->id, "2025-11-01", "Trả lời", a_).status().field(), "on");
  auto ans = AnswerComplaint(db(), c->id, "2025-12-12", "Đã chi trả bổ sung", a_);
  ASSERT_TRUE(ans.ok());
  EXPECT_EQ(ans->status, "answered");
  EXPECT_EQ(ans->timeliness, "late");  // 12/12 after 10/12
  // A denunciation, complex: accepted within 7 days, resolved within 60.
  auto d = ReceiveComplaint(db(), data(), {"denunciation", "2025-12-01", "Ẩn danh", "Cán bộ thu nhận tiền", "Thanh tra", "01", "d1"}, a_);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->accept_by, "2025-12-08");
  auto da = DecideComplaint(db(), data(), d->id, true, "2025-12-05", "Đoàn thanh tra", true, "", a_);
  EXPECT_EQ(da->resolve_by, "2026-02-03");
  // Refusing needs a reason; receiving twice with one key stores one.
  auto e = ReceiveComplaint(db(), data(), {"complaint", "2025-12-10", "Lê C", "Nội dung", "Phòng Thu", "01", "e1"}, a_);
  EXPECT_EQ(DecideComplaint(db(), data(), e->id, false, "2025-12-11", "", false, "", a_).status().field(), "reason");
  EXPECT_TRUE(ReceiveComplaint(db(), data(), {"complaint", "2025-12-10", "Lê C", "Nội dung", "Phòng Thu", "01", "e1"}, a_)->replayed);
  EXPECT_EQ(Count("complaints"), 3);
  auto list = ListComplaints(db(), "accepted", {"01"}, Date::Today());
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, OfficialsDb, ::testing::Values("sqlite", "postgres"), testing::BackendName);

}  // namespace
}  // namespace bhxh
