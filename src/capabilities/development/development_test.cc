// Participant development against figures worked by hand.
//
// Income year 2025, run on 15/03/2026. Rates of a private employer's worker
// on 31/12/2025 (data/law/contribution_rates.csv): retirement 14 + 8,
// sickness 3, accident 0.5, unemployment 1 + 1, health 3 + 1.5 = 32%.
// The lowest regional minimum wage on 15/03/2026 is 3,700,000 (region IV,
// Decree 293/2025).
//
//   0101234567 (01A1, in SI): one worker at 10,000,000 × 12 = 120,000,000 in
//     SI; tax: 2 workers, 240,000,000, listing A (in SI) and B (not) at
//     120,000,000 each → 1 person and 120,000,000 missing; at stake
//     120,000,000 × 32% = 38,400,000.
//   0101234568 (01A2, in SI): 120,000,000 in SI against 125,000,000 for tax:
//     5,000,000 is under the 10% tolerance (12,500,000) → nothing.
//   0109999999 (tax only, registered 01/05/2024): 3 workers, 180,000,000 →
//     unregistered, 57,600,000 at stake; its deadline 31/05/2024, so 653 days
//     past it on 15/03/2026 (365 to 31/05/2025, 273 to 28/02/2026, 15):
//     evasion.
//   0108888888 (register only, 20/01/2026, 5 workers): deadline 19/02/2026,
//     24 days past → late, newly registered; at stake 5 × 3,700,000 × 12 ×
//     32% = 71,040,000 (an estimate).
//   0107777777 (registered 01/03/2026: still within 30 days), 0106666666
//     (dissolved), 0105555555 (no declared worker) → nothing.
#include <gtest/gtest.h>

#include "benefits/module.h"
#include "collection/declarations.h"
#include "development/module.h"
#include "registry/registry.h"
#include "testing/backend_fixture.h"
#include "testing/worker_fixture.h"

namespace bhxh {
namespace {

const DevelopmentData& DevData() {
  static const DevelopmentData d = [] {
    auto r = DevelopmentData::Load(testing::DataDir() + "/development");
    if (!r.ok()) throw std::runtime_error(r.status().ToString());
    return std::move(r).value();
  }();
  return d;
}

class Development : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    Date::SetTodayForTesting(Date::FromYmd(2026, 3, 15));
    ASSERT_TRUE(testing::JoinTestWorker(db(), *ctx_).ok());
    Registry reg(db(), ctx_->geo, ctx_->law);
    ASSERT_TRUE(reg.RegisterEmployer({"01A2", "0101234568", "Công ty 01A2", "enterprise", "01", 1, "active", "2020-01-01"},
                                     testing::TestOfficer())
                    .ok());
    DeclarationRow r;
    r.action = "join";
    r.cccd = "001090000003";
    r.effective_month = "2025-01";
    r.salary = "10000000";
    r.full_name = "Phạm Văn Cường";
    r.dob = "1990-06-01";
    r.sex = "1";
    r.province = "01";
    auto d = SubmitDeclaration(db(), ctx_->geo, ctx_->law, {"01A2", "2025-01", "decl-2", {r}}, testing::TestOfficer());
    ASSERT_TRUE(d.ok() && d->accepted) << (d.ok() ? "" : d.status().ToString());
  }
  void TearDown() override {
    Date::SetTodayForTesting(std::nullopt);
    BackendTest::TearDown();
  }
  Result<DevImport> Import(const std::string& kind, const std::string& text, int year = 2025) {
    return ImportDevelopmentFile(db(), ctx_->geo, kind, text, year, testing::TestOfficer());
  }
  void LoadSources() {
    auto a = Import("tax_employers",
                    "tax_code,name,workers,wage_cost\n0101234567,Công ty 01A1,2,240000000\n"
                    "0101234568,Công ty 01A2,1,125000000\n0109999999,Công ty Chưa Đăng Ký,3,180000000\n");
    ASSERT_TRUE(a.ok() && a->errors.empty() && a->rows == 3);
    // The tax authority's own headers, Excel's ';' and BOM.
    auto b = Import("tax_workers",
                    "\xEF\xBB\xBFMã số thuế;Số định danh cá nhân;Họ và tên;Tổng thu nhập\n"
                    "0101234567;001166012345;Trần Thị Bình;120.000.000\n"
                    "0101234567;001085000002;Lê Văn Bình;120.000.000\n");
    ASSERT_TRUE(b.ok() && b->errors.empty() && b->rows == 2) << (b.ok() ? "" : b.status().ToString());
    auto c = Import("business_register",
                    "Mã số doanh nghiệp,Tên doanh nghiệp,Địa chỉ trụ sở,Mã tỉnh,Mã xã,Ngày thành lập,Tình trạng,Số lao động\n"
                    "0101234567,Công ty 01A1,Hà Nội,01,00004,01/01/2020,Đang hoạt động,2\n"
                    "0109999999,Công ty Chưa Đăng Ký,Hà Nội,01,00007,2024-05-01,Đang hoạt động,3\n"
                    "0108888888,Công ty Mới,Hà Nội,01,00007,20/01/2026,Đang hoạt động,5\n"
                    "0107777777,Công ty Trong Hạn,Hà Nội,01,00007,01/03/2026,Đang hoạt động,4\n"
                    "0106666666,Công ty Giải Thể,Hà Nội,01,00007,01/01/2019,Đã giải thể,9\n"
                    "0105555555,Hộ Một Người,Hà Nội,01,00007,01/01/2019,Đang hoạt động,0\n",
                    0);
    ASSERT_TRUE(c.ok() && c->errors.empty() && c->rows == 6) << (c.ok() ? "" : c.status().ToString());
  }
};

TEST_P(Development, TheMatchFindsThePlantedGapsAndNothingElse) {
  LoadSources();
  // The tax workers read on a second connection, as the API does.
  auto helper = ctx_->pool->Acquire();
  ASSERT_TRUE(helper.ok());
  auto run = RunMatch(db(), &**helper, DevData(), ctx_->law, 2025, Date::Today(), testing::TestOfficer());
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(run->findings, 3);
  EXPECT_EQ(run->unregistered, 2);
  EXPECT_EQ(run->under_declared, 1);
  EXPECT_EQ(run->at_stake, 71'040'000 + 57'600'000 + 38'400'000);
  auto page = ListFindings(db(), {});
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->items.size(), 3u);
  const auto& fresh = page->items[0];
  EXPECT_EQ(fresh.tax_code, "0108888888");
  EXPECT_EQ(fresh.kind, "unregistered");
  EXPECT_EQ(fresh.at_stake, 71'040'000);
  EXPECT_TRUE(fresh.estimated);
  EXPECT_TRUE(fresh.new_business);
  EXPECT_EQ(fresh.days_past_deadline, 24);
  EXPECT_EQ(fresh.stage, "late");
  EXPECT_EQ(fresh.commune, "00007");
  const auto& evader = page->items[1];
  EXPECT_EQ(evader.tax_code, "0109999999");
  EXPECT_EQ(evader.at_stake, 57'600'000);
  EXPECT_EQ(evader.gap_people, 3);
  EXPECT_EQ(evader.days_past_deadline, 653);
  EXPECT_EQ(evader.stage, "evasion");
  EXPECT_FALSE(evader.estimated);
  const auto& under = page->items[2];
  EXPECT_EQ(under.tax_code, "0101234567");
  EXPECT_EQ(under.kind, "under_declared");
  EXPECT_EQ(under.employer_code, "01A1");
  EXPECT_EQ(under.si_workers, 1);
  EXPECT_EQ(under.tax_workers, 2);
  EXPECT_EQ(under.gap_people, 1);
  EXPECT_EQ(under.si_wage, 120'000'000);
  EXPECT_EQ(under.gap_wage, 120'000'000);
  EXPECT_EQ(under.at_stake, 38'400'000);
  EXPECT_EQ(under.commune, "00004");
  auto people = FindingPeople(db(), under.id);
  ASSERT_TRUE(people.ok());
  ASSERT_EQ(people->size(), 1u);
  EXPECT_EQ((*people)[0].cccd, "001085000002");
  EXPECT_EQ((*people)[0].full_name, "Lê Văn Bình");
  EXPECT_FALSE((*people)[0].known);
  // The parameters that produced it are cited (the rates and the deadline).
  bool cites_deadline = false;
  for (const auto& p : run->cited) cites_deadline = cites_deadline || p.key == "registration.deadline_days";
  EXPECT_TRUE(cites_deadline);

  // Filters: by kind and by commune; the CSV opens in Excel (BOM) with
  // Vietnamese headers.
  FindingFilter f;
  f.kind = "unregistered";
  EXPECT_EQ(ListFindings(db(), f)->total, 2);
  f = {};
  f.commune = "00004";
  EXPECT_EQ(ListFindings(db(), f)->total, 1);
  std::string csv = FindingsCsv(page->items);
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBFMã số thuế", 0), 0u);
  EXPECT_NE(csv.find("0108888888"), std::string::npos);

  // A follow-up stays with the employer when the match runs again.
  auto fu = SetFollowUp(db(), under.id, "contacted", "Đã gọi điện cho kế toán", testing::TestOfficer());
  ASSERT_TRUE(fu.ok()) << fu.status().ToString();
  EXPECT_EQ(fu->follow_up, "contacted");
  EXPECT_EQ(SetFollowUp(db(), under.id, "closed", "", testing::TestOfficer()).status().field(), "note");
  EXPECT_EQ(SetFollowUp(db(), under.id, "done", "x", testing::TestOfficer()).status().field(), "status");
  auto again = RunMatch(db(), nullptr, DevData(), ctx_->law, 2025, Date::Today(), testing::TestOfficer());
  ASSERT_TRUE(again.ok());
  f = {};
  f.follow_up = "contacted";
  auto contacted = ListFindings(db(), f);
  ASSERT_TRUE(contacted.ok());
  ASSERT_EQ(contacted->items.size(), 1u);
  EXPECT_EQ(contacted->items[0].tax_code, "0101234567");
  EXPECT_NE(contacted->items[0].id, under.id);  // the new run's row
  EXPECT_EQ(Count("dev_findings"), 3);          // the old run's rows replaced
  EXPECT_EQ(FollowUpHistory(db(), contacted->items[0].id)->size(), 1u);

  // A province's officer sees only the province's list.
  f = {};
  f.provinces = {"79"};
  EXPECT_EQ(ListFindings(db(), f)->total, 0);
}

TEST_P(Development, ABadFileIsRefusedWholeAndTheSameFileIsAReplay) {
  auto bad = Import("tax_workers",
                    "tax_code,cccd,full_name,income\n0101234567,001085000002,Lê Văn Bình,120000000\n"
                    "01012345,001085000009,Sai Mã Thuế,1\n0101234567,12345,Sai CCCD,1\n0101234567,001085000007,Âm,-5\n"
                    "0101234567,001085000002,Trùng,1\n");
  ASSERT_TRUE(bad.ok()) << bad.status().ToString();
  ASSERT_EQ(bad->errors.size(), 4u);
  EXPECT_EQ(bad->errors[0].row, 3);
  EXPECT_EQ(bad->errors[0].field, "tax_code");
  EXPECT_EQ(bad->errors[1].field, "cccd");
  EXPECT_EQ(bad->errors[2].field, "income");
  EXPECT_EQ(bad->errors[3].row, 6);  // the same person at the same employer twice
  EXPECT_EQ(Count("tax_workers"), 0);
  EXPECT_EQ(Count("dev_imports"), 0);
  // A file without the columns the kind needs names them.
  auto cols = Import("tax_employers", "tax_code,name\n0101234567,X\n");
  EXPECT_EQ(cols.status().code(), "invalid_input");
  EXPECT_NE(cols.status().message_vi().find("workers"), std::string::npos);
  EXPECT_EQ(Import("tax_employers", "tax_code,workers,wage_cost\n0101234567,1,1\n", 0).status().field(), "year");
  EXPECT_EQ(Import("unknown", "a\n1\n").status().field(), "kind");
  auto reg = Import("business_register",
                    "tax_code,name,province,registered_on,status\n0101234567,X,99,2020-01-01,active\n"
                    "0101234568,Y,01,31/02/2020,đang hoạt động\n0101234569,Z,01,2020-01-01,không rõ\n",
                    0);
  ASSERT_TRUE(reg.ok());
  ASSERT_EQ(reg->errors.size(), 3u);
  EXPECT_EQ(reg->errors[0].field, "province");
  EXPECT_EQ(reg->errors[1].field, "registered_on");
  EXPECT_EQ(reg->errors[2].field, "status");

  const std::string good = "tax_code,workers,wage_cost\n0101234567,2,240000000\n";
  auto first = Import("tax_employers", good);
  ASSERT_TRUE(first.ok() && !first->replayed && first->rows == 1);
  auto second = Import("tax_employers", good);
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(second->replayed);
  EXPECT_EQ(Count("dev_imports"), 1);
  // A corrected file replaces the rows it names (and the inspection's risk
  // ranking reads the same table).
  ASSERT_TRUE(Import("tax_employers", "tax_code,workers,wage_cost\n0101234567,3,360000000\n").ok());
  EXPECT_EQ(*db().QueryInt("SELECT employees FROM tax_workforce WHERE tax_code = '0101234567' AND year = 2025"), 3);
  // Without any source the match says what is missing.
  EXPECT_EQ(RunMatch(db(), nullptr, DevData(), ctx_->law, 2024, Date::Today(), testing::TestOfficer()).status().code(), "not_found");
  EXPECT_EQ(RunMatch(db(), nullptr, DevData(), ctx_->law, 2027, Date::Today(), testing::TestOfficer()).status().field(), "year");
}

// Commune 01/00001 on 15/03/2026: the worker of 01A1 (born 1966, past the
// retirement age, insured), P1 born 1990 with nothing (potential), P2 born
// 1992 in voluntary SI with a 2026 card, P3 aged 11, P4 born 1988 whose card
// ended 31/12/2025 (potential and lapsed), P5 born 1960 (past the age).
TEST_P(Development, CoverageByCommuneCountsWorkingAgePeopleWithNothing) {
  ASSERT_TRUE(db().Exec("UPDATE persons SET commune = '00001' WHERE cccd = '001166012345'").ok());
  Registry reg(db(), ctx_->geo, ctx_->law);
  for (const PersonInput& p : std::vector<PersonInput>{{"001090000011", "", "Nguyễn Văn Một", "1990-05-05", "1", "01", "00001", ""},
                                                       {"001192000012", "", "Lê Thị Hai", "1992-02-02", "2", "01", "00001", ""},
                                                       {"001215000013", "", "Trần Văn Ba", "2015-01-01", "1", "01", "00001", ""},
                                                       {"001088000014", "", "Phạm Văn Bốn", "1988-08-08", "1", "01", "00001", ""},
                                                       {"001060000015", "", "Võ Văn Năm", "1960-01-01", "1", "01", "00001", ""}})
    ASSERT_TRUE(reg.RegisterPerson(p, testing::TestOfficer()).ok()) << p.cccd;
  int64_t p2 = *db().QueryInt("SELECT id FROM persons WHERE cccd = '001192000012'");
  int64_t p4 = *db().QueryInt("SELECT id FROM persons WHERE cccd = '001088000014'");
  ASSERT_TRUE(db().Exec("INSERT INTO periods (person_id, employer_id, from_month, to_month, salary, funds, group_code) VALUES (" +
                        std::to_string(p2) + ", NULL, " + std::to_string(2025 * 12) + ", NULL, 3000000, 1, 'BHXHTN')")
                  .ok());
  ASSERT_TRUE(db().Exec("INSERT INTO hi_cards (person_id, code, valid_from, valid_to, facility, status, issued_by) VALUES (" +
                        std::to_string(p2) + ", 'GD4010100000012', '2026-01-01', '2026-12-31', '01001', 'active', 't'), (" +
                        std::to_string(p4) + ", 'GD4010100000014', '2025-01-01', '2025-12-31', '01001', 'active', 't')")
                  .ok());
  ASSERT_TRUE(Import("commune_targets", "Mã tỉnh,Mã xã,Chỉ tiêu BHXH tự nguyện,Chỉ tiêu BHYT\n01,00001,4,5\n01,00009,10,\n", 2026).ok());

  const BenefitLaw& blaw = ctx_->State<BenefitsState>().law();
  CoverageQuery q;
  q.as_of = Date::FromYmd(2026, 3, 15);
  std::vector<LawParam> cited;
  auto rows = Coverage(db(), DevData(), ctx_->law, blaw, q, &cited);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 2u);  // 00001, and 00009 known only by its target
  const CommuneCoverage& c = (*rows)[0];
  EXPECT_EQ(c.commune, "00001");
  EXPECT_EQ(c.residents, 6);
  EXPECT_EQ(c.working_age, 3);
  EXPECT_EQ(c.compulsory, 1);
  EXPECT_EQ(c.voluntary, 1);
  EXPECT_EQ(c.potential_voluntary, 2);
  EXPECT_EQ(c.hi_valid, 1);
  EXPECT_EQ(c.hi_lapsed, 1);
  EXPECT_EQ(c.voluntary_target, 4);
  ASSERT_TRUE(c.voluntary_progress.has_value());
  EXPECT_DOUBLE_EQ(*c.voluntary_progress, 25.0);
  EXPECT_DOUBLE_EQ(*c.hi_progress, 20.0);
  EXPECT_EQ((*rows)[1].residents, 0);
  EXPECT_FALSE((*rows)[1].hi_target.has_value());
  EXPECT_FALSE(cited.empty());

  q.province = "01";
  q.commune = "00001";
  auto potential = PotentialPeople(db(), DevData(), ctx_->law, blaw, q, "voluntary");
  ASSERT_TRUE(potential.ok());
  ASSERT_EQ(potential->size(), 2u);
  EXPECT_EQ((*potential)[0].cccd, "001088000014");
  EXPECT_EQ((*potential)[1].cccd, "001090000011");
  auto lapsed = PotentialPeople(db(), DevData(), ctx_->law, blaw, q, "hi_lapsed");
  ASSERT_TRUE(lapsed.ok());
  ASSERT_EQ(lapsed->size(), 1u);
  EXPECT_EQ((*lapsed)[0].hi_valid_to, "2025-12-31");
  EXPECT_EQ(PotentialPeople(db(), DevData(), ctx_->law, blaw, q, "x").status().field(), "reason");
}

INSTANTIATE_TEST_SUITE_P(Backends, Development, ::testing::Values("sqlite", "postgres"), testing::BackendName);

}  // namespace
}  // namespace bhxh
