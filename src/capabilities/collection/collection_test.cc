// The spine end to end on both backends. Amounts are worked out by hand:
// a worker on 10,000,000 VND in region I in 2025 owes 21.5% (employer,
// 2,150,000) + 10.5% (employee, 1,050,000) = 3,200,000 a month; late
// interest under the 2024 law is 0.03% a day.
#include "collection/arrears.h"
#include "collection/collect.h"
#include "collection/declarations.h"
#include "collection/ledger.h"
#include "collection/payments.h"
#include "eligibility/card_index.h"
#include "capabilities/all.h"
#include "history/book.h"
#include "history/notice.h"
#include "store/partitioned.h"
#include "testing/backend_fixture.h"

#include <thread>

namespace bhxh {
namespace {

using testing::BackendTest;
using testing::TestOfficer;

class Spine : public BackendTest {
 protected:
  Registry reg() { return Registry(db(), ctx_->geo, ctx_->law); }
  void AddEmployer(const std::string& code, const std::string& type = "enterprise", int region = 1,
                   const std::string& province = "01") {
    EmployerInput e{code,
                    code == "01A1" ? "0101234567" : "01" + std::to_string(10000000 + code.size() * 7 + code.back()),
                    "Công ty " + code,
                    type,
                    province,
                    region,
                    "active",
                    "2020-01-01"};
    auto r = reg().RegisterEmployer(e, TestOfficer());
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  }
  DeclarationResult Declare(const std::string& employer, const std::string& month, const std::string& key,
                            std::vector<DeclarationRow> rows) {
    Declaration d{employer, month, key, std::move(rows)};
    auto r = SubmitDeclaration(db(), ctx_->geo, ctx_->law, d, TestOfficer());
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : DeclarationResult{};
  }
  static DeclarationRow Join(const std::string& cccd, const std::string& month, const std::string& salary,
                             const std::string& name = "Nguyễn Văn An", const std::string& dob = "1985-03-02") {
    DeclarationRow r;
    r.action = "join";
    r.cccd = cccd;
    r.effective_month = month;
    r.salary = salary;
    r.full_name = name;
    r.dob = dob;
    r.sex = "1";
    return r;
  }
  void Collect(const std::string& month) {
    auto r = RunCollection(db(), ctx_->law, *Month::Parse(month, "m"), TestOfficer());
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  }
  int64_t EmployerId(const std::string& code) { return reg().EmployerByCode(code)->id; }
};

TEST_P(Spine, RegistryValidatesAndStoresNothingOnError) {
  PersonInput bad{"001085012345", "", "Nguyễn Văn An", "1986-01-01", "1", "01", "", ""};
  auto r = reg().RegisterPerson(bad, TestOfficer());
  EXPECT_EQ(r.status().code(), "invalid_cccd");
  EXPECT_EQ(Count("persons"), 0);
  PersonInput good{"001085012345", "0112345678", "Nguyễn Văn An", "1985-03-02", "1", "01", "00001", ""};
  ASSERT_TRUE(reg().RegisterPerson(good, TestOfficer()).ok());
  EXPECT_EQ(reg().RegisterPerson(good, TestOfficer()).status().code(), "conflict");
  auto found = reg().SearchPersons("nguyen van an", {}, 10, 0);
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->persons.size(), 1u);
  EXPECT_EQ(found->total, 1);
  EXPECT_EQ(found->persons[0].full_name, "Nguyễn Văn An");
  // Within a province: the person lives in 01, not in 79.
  EXPECT_EQ(reg().SearchPersons("nguyen van an", {"79"}, 10, 0)->total, 0);
  EXPECT_EQ(Count("persons"), 1);
  EXPECT_EQ(Count("audit_log"), 1);
}

TEST_P(Spine, EmployerStatusHistoryIsDated) {
  AddEmployer("01A1");
  EXPECT_EQ(reg()
                .RegisterEmployer({"01A2", "12345", "X", "enterprise", "01", 1, "active", ""}, TestOfficer())
                .status()
                .field(),
            "tax_code");
  ASSERT_TRUE(reg().SetEmployerStatus("01A1", "2025-03-01", "suspended", TestOfficer()).ok());
  ASSERT_TRUE(reg().SetEmployerStatus("01A1", "2025-09-01", "dissolved", TestOfficer()).ok());
  auto e = reg().EmployerByCode("01A1");
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->StatusOn(*Date::Parse("2025-02-28", "d")), "active");
  EXPECT_EQ(e->StatusOn(*Date::Parse("2025-05-01", "d")), "suspended");
  EXPECT_EQ(e->StatusOn(*Date::Parse("2025-09-01", "d")), "dissolved");
}

// A join gives an SI number and an HI card (issue #9): employer 01A1 is in
// province 01, group DN has benefit level 4 (data/law/groups.csv), cards
// last hi_card.valid_months = 12 months from the effective month.
TEST_P(Spine, JoinIssuesSiNumberAndCard) {
  AddEmployer("01A1");
  AddEmployer("01B2");
  DeclarationRow a = Join("001085012345", "2025-08", "9000000");
  a.facility = "01001";
  DeclarationRow b = Join("001090012345", "2025-08", "9000000", "Trần Thị Bình", "1990-01-01");
  auto r = Declare("01A1", "2025-08", "k1", {a, b});
  ASSERT_TRUE(r.accepted) << (r.errors.empty() ? "" : r.errors[0].field + ": " + r.errors[0].message_en);
  ASSERT_EQ(r.cards.size(), 2u);
  EXPECT_EQ(r.cards[0].si_number, "0100000001");
  EXPECT_EQ(r.cards[0].card_code, "DN4010100000001");
  EXPECT_EQ(r.cards[0].valid_from, "2025-08-01");
  EXPECT_EQ(r.cards[0].valid_to, "2026-07-31");
  EXPECT_EQ(r.cards[0].facility, "01001");
  // No facility: the number is given, the card waits, and the answer says why.
  EXPECT_EQ(r.cards[1].si_number, "0100000002");
  EXPECT_EQ(r.cards[1].card_code, "");
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].find("001090012345"), std::string::npos);
  EXPECT_EQ(reg().PersonByCccd("001090012345")->si_number, "0100000002");
  auto person = reg().PersonByCccd("001085012345");
  ASSERT_TRUE(person.ok());
  EXPECT_EQ(person->si_number, "0100000001");
  EXPECT_EQ(reg().CardsOfPerson(person->id)->size(), 1u);
  // Moving to another employer of the province: the leave cuts the card to
  // 30/09/2025 (its issued end kept), the join issues the card of the new
  // period (same code: same group, province and number) and gives the old
  // one its reason, 122 (moved within the province).
  DeclarationRow leave;
  leave.action = "leave";
  leave.cccd = "001085012345";
  leave.effective_month = "2025-10";
  auto left = Declare("01A1", "2025-10", "k2", {leave});
  ASSERT_TRUE(left.accepted);
  ASSERT_EQ(left.decreased.size(), 1u);
  EXPECT_EQ(left.decreased[0].valid_to, "2025-09-30");
  EXPECT_EQ(left.decreased[0].code, "124");
  auto again = Declare("01B2", "2025-10", "k3", {Join("001085012345", "2025-10", "9500000")});
  ASSERT_TRUE(again.accepted);
  ASSERT_EQ(again.cards.size(), 1u);
  EXPECT_EQ(again.cards[0].card_code, "DN4010100000001");
  EXPECT_EQ(again.cards[0].valid_from, "2025-10-01");
  EXPECT_EQ(again.cards[0].facility, "01001");  // the registered facility carries over
  ASSERT_EQ(again.decreased.size(), 1u);
  EXPECT_EQ(again.decreased[0].code, "122");
  auto cards = reg().CardsOfPerson(person->id);
  ASSERT_TRUE(cards.ok());
  ASSERT_EQ(cards->size(), 2u);
  EXPECT_EQ((*cards)[0].decrease_code, "122");
  EXPECT_EQ((*cards)[0].valid_to.ToString(), "2025-09-30");
  EXPECT_EQ((*cards)[0].valid_to_issued->ToString(), "2026-07-31");
  // A facility code that is not 5 digits is refused and nothing is stored.
  DeclarationRow bad = Join("001070012345", "2025-10", "9000000", "Lê Văn Cường", "1970-05-05");
  bad.facility = "1A";
  auto refused = Declare("01A1", "2025-10", "k4", {bad});
  EXPECT_FALSE(refused.accepted);
  ASSERT_EQ(refused.errors.size(), 1u);
  EXPECT_EQ(refused.errors[0].field, "facility");
  EXPECT_FALSE(reg().PersonByCccd("001070012345").ok());
}

// The card check after a leave, from the record as the server loads it:
// valid through the last month contributed, then the portal's reason —
// 124 stopped, 123 back at the same employer, 121 gone to another
// province; a leave that removes the whole period leaves nothing covered.
TEST_P(Spine, ALeaveEndsTheCardWithThePortalsReason) {
  AddEmployer("01A1");
  AddEmployer("79B1", "enterprise", 1, "79");
  auto joined = [&](const std::string& cccd, const std::string& name, const std::string& key) {
    DeclarationRow j = Join(cccd, "2026-01", "9000000", name, "1988-08-08");
    j.facility = "01001";
    auto r = Declare("01A1", "2026-01", key, {j});
    EXPECT_TRUE(r.accepted) << (r.errors.empty() ? "" : r.errors[0].message_en);
    EXPECT_EQ(r.cards.size(), 1u);
  };
  auto leave = [](const std::string& cccd, const std::string& month) {
    DeclarationRow l;
    l.action = "leave";
    l.cccd = cccd;
    l.effective_month = month;
    return l;
  };
  auto code_on = [&](const std::string& cccd, const std::string& day) {
    CardIndex idx(ctx_->law);
    EXPECT_TRUE(idx.Load(db()).ok());
    auto a = idx.Check({cccd, "", day, "", ""});
    EXPECT_TRUE(a.ok()) << a.status().ToString();
    return a.ok() ? a->code : std::string();
  };
  joined("001088000001", "Phạm Văn Một", "a1");
  joined("001088000002", "Phạm Văn Hai", "a2");
  joined("001088000003", "Phạm Văn Ba", "a3");
  auto r = Declare("01A1", "2026-04", "l1", {leave("001088000001", "2026-04"), leave("001088000002", "2026-03")});
  ASSERT_TRUE(r.accepted);
  ASSERT_EQ(r.decreased.size(), 2u);
  EXPECT_EQ(r.decreased[0].valid_to, "2026-03-31");
  EXPECT_EQ(r.decreased[1].valid_to, "2026-02-28");
  EXPECT_EQ(code_on("001088000001", "2026-03-31"), "000");
  EXPECT_EQ(code_on("001088000001", "2026-04-01"), "124");
  // Back at the same employer from June: a new card, the old one 123.
  auto back = Declare("01A1", "2026-06", "b1", {Join("001088000001", "2026-06", "9000000", "Phạm Văn Một", "1988-08-08")});
  ASSERT_TRUE(back.accepted);
  ASSERT_EQ(back.cards.size(), 1u);
  EXPECT_EQ(back.cards[0].valid_from, "2026-06-01");
  ASSERT_EQ(back.decreased.size(), 1u);
  EXPECT_EQ(back.decreased[0].code, "123");
  EXPECT_EQ(code_on("001088000001", "2026-05-15"), "010");  // the new card starts in June
  EXPECT_EQ(code_on("001088000001", "2026-06-05"), "000");
  // To an employer in Hồ Chí Minh City: 121, and a card of province 79.
  auto moved = Declare("79B1", "2026-05", "m1", {Join("001088000002", "2026-05", "9000000", "Phạm Văn Hai", "1988-08-08")});
  ASSERT_TRUE(moved.accepted);
  ASSERT_EQ(moved.decreased.size(), 1u);
  EXPECT_EQ(moved.decreased[0].code, "121");
  ASSERT_EQ(moved.cards.size(), 1u);
  EXPECT_EQ(moved.cards[0].card_code.substr(0, 5), "DN479");
  // Left from the month the card began: the period goes, nothing is covered.
  auto gone = Declare("01A1", "2026-02", "g1", {leave("001088000003", "2026-01")});
  ASSERT_TRUE(gone.accepted);
  ASSERT_EQ(gone.decreased.size(), 1u);
  EXPECT_EQ(gone.decreased[0].valid_to, "2025-12-31");
  EXPECT_EQ(code_on("001088000003", "2026-01-10"), "124");
  // The new employer declared first: the leave finds the worker still
  // insured there, and the card goes on.
  joined("001088000004", "Phạm Văn Bốn", "a4");
  auto second = Declare("79B1", "2026-07", "s4", {Join("001088000004", "2026-07", "9000000", "Phạm Văn Bốn", "1988-08-08")});
  ASSERT_TRUE(second.accepted);
  EXPECT_TRUE(second.cards.empty());  // the card covers July already
  auto after = Declare("01A1", "2026-07", "l4", {leave("001088000004", "2026-07")});
  ASSERT_TRUE(after.accepted);
  EXPECT_TRUE(after.decreased.empty());
  EXPECT_EQ(code_on("001088000004", "2026-08-01"), "000");
}

TEST_P(Spine, DeclarationReportsEveryBadRowAndAppliesNothing) {
  AddEmployer("01A1");
  DeclarationRow low = Join("001085012345", "2025-08", "4000000");  // below 4,960,000
  DeclarationRow badid = Join("00108501234", "2025-08", "9000000");
  DeclarationRow badmonth = Join("001090012345", "2025-13", "9000000", "Trần Thị Bình", "1990-01-01");
  auto r = Declare("01A1", "2025-08", "k1", {low, badid, badmonth});
  EXPECT_FALSE(r.accepted);
  ASSERT_EQ(r.errors.size(), 3u);
  EXPECT_EQ(r.errors[0].row, 1);
  EXPECT_EQ(r.errors[0].field, "salary");
  EXPECT_EQ(r.errors[1].row, 2);
  EXPECT_EQ(r.errors[1].field, "cccd");
  EXPECT_EQ(r.errors[2].field, "effective_month");
  EXPECT_EQ(Count("periods"), 0);
  EXPECT_EQ(Count("persons"), 0);
  EXPECT_EQ(Count("declarations"), 0);
}

TEST_P(Spine, StateConflictsRollBackTheWholeDeclaration) {
  AddEmployer("01A1");
  DeclarationRow leave;
  leave.action = "leave";
  leave.cccd = "001090012345";
  leave.effective_month = "2025-08";
  auto r = Declare("01A1", "2025-08", "k1", {Join("001085012345", "2025-08", "10000000"), leave});
  EXPECT_FALSE(r.accepted);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].row, 2);
  EXPECT_EQ(Count("periods"), 0);
  EXPECT_EQ(Count("persons"), 0);  // the join's new person was rolled back too
}

TEST_P(Spine, SameKeyIsNeverAppliedTwice) {
  // The API answers a retry with the first answer (platform/http api_test);
  // the engine itself refuses a second declaration under a submitter's key.
  AddEmployer("01A1");
  auto a = Declare("01A1", "2025-08", "same-key", {Join("001085012345", "2025-08", "10000000")});
  EXPECT_TRUE(a.accepted);
  DeclarationRow row = Join("001085012345", "2025-08", "10000000");
  Declaration d{"01A1", "2025-08", "same-key", {row}};
  auto b = SubmitDeclaration(db(), ctx_->geo, ctx_->law, d, TestOfficer());
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.status().code(), "conflict");
  EXPECT_EQ(Count("periods"), 1);
  EXPECT_EQ(Count("declarations"), 1);
}

TEST_P(Spine, CollectionComputesDuesPerWorkerFundAndParty) {
  AddEmployer("01A1");
  ASSERT_TRUE(Declare("01A1", "2025-08", "k1",
                      {Join("001085012345", "2025-08", "10000000"),
                       Join("001090012345", "2025-08", "60000000", "Trần Thị Bình", "1990-01-01")})
                  .accepted);
  auto r = RunCollection(db(), ctx_->law, Month::Of(2025, 8), TestOfficer());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->workers, 2);
  // Worker 2 is capped: SI and HI base 46,800,000 (20 × 2,340,000):
  // 46.8M × (14+3+0.5+8+3+1.5)% = 14,040,000; UI 60M × 2% = 1,200,000.
  EXPECT_EQ(r->total, 3'200'000 + 14'040'000 + 1'200'000);
  EXPECT_EQ(r->law, "41/2024/QH15");
  auto st = db().Prepare("SELECT retirement_base, retirement_ee, health_er, total FROM dues ORDER BY total");
  ASSERT_TRUE(st.ok());
  ASSERT_TRUE(*(*st)->Step());
  EXPECT_EQ((*st)->Int(0), 10'000'000);
  EXPECT_EQ((*st)->Int(1), 800'000);
  EXPECT_EQ((*st)->Int(2), 300'000);
  EXPECT_EQ((*st)->Int(3), 3'200'000);
  // Re-running the month replaces, never adds.
  Collect("2025-08");
  EXPECT_EQ(Count("dues"), 2);
  EXPECT_EQ(Count("employer_dues"), 1);
}

// Dues are kept under the employer's province; on PostgreSQL that is the
// partition of today's unit, and a code of before the 2025 merger (02 Hà
// Giang, now part of 08 Tuyên Quang) lands in today's unit's partition.
TEST_P(Spine, DuesAreKeptUnderTheEmployersProvince) {
  AddEmployer("01A1");
  AddEmployer("79B2", "enterprise", 1, "79");
  AddEmployer("02C3", "enterprise", 3, "02");
  ASSERT_TRUE(Declare("01A1", "2025-08", "k1", {Join("001085012345", "2025-08", "10000000")}).accepted);
  ASSERT_TRUE(Declare("79B2", "2025-08", "k2", {Join("079090001234", "2025-08", "10000000", "Trần Văn Bình", "1990-05-06")}).accepted);
  ASSERT_TRUE(Declare("02C3", "2025-08", "k3", {Join("002088004321", "2025-08", "10000000", "Lò Văn Cường", "1988-01-01")}).accepted);
  Collect("2025-08");
  std::string sql = "SELECT province, COUNT(*), SUM(total) FROM dues GROUP BY province ORDER BY province";
  if (GetParam() == "postgres")
    sql = "SELECT province || ' ' || tableoid::regclass::text, COUNT(*), SUM(total) FROM dues GROUP BY 1 ORDER BY 1";
  auto st = db().Prepare(sql);
  ASSERT_TRUE(st.ok()) << st.status().ToString();
  std::vector<std::string> got;
  while (*(*st)->Step()) got.push_back((*st)->Text(0) + ":" + std::to_string((*st)->Int(1)) + ":" + std::to_string((*st)->Int(2)));
  // 3,200,000 a month on 10,000,000 (see the top of this file).
  if (GetParam() == "postgres")
    EXPECT_EQ(got, (std::vector<std::string>{"01 dues_p01:1:3200000", "02 dues_p08:1:3200000", "79 dues_p79:1:3200000"}));
  else
    EXPECT_EQ(got, (std::vector<std::string>{"01:1:3200000", "02:1:3200000", "79:1:3200000"}));
  // Re-running the month replaces in every partition.
  Collect("2025-08");
  EXPECT_EQ(Count("dues"), 3);
}

// Periods are kept under the province that records them: a period of work
// under its employer's, a voluntary period under the person's residence; on
// PostgreSQL each in the partition of today's unit (02 Hà Giang, merged into
// 08 Tuyên Quang, in periods_p08). A leave closes the period where it lies,
// and the open periods of the month are what the collection reads.
TEST_P(Spine, PeriodsAreKeptUnderTheirProvince) {
  AddEmployer("79B2", "enterprise", 1, "79");
  AddEmployer("02C3", "enterprise", 3, "02");
  ASSERT_TRUE(Declare("79B2", "2025-08", "k1", {Join("079090001234", "2025-08", "10000000", "Trần Văn Bình", "1990-05-06")})
                  .accepted);
  ASSERT_TRUE(Declare("02C3", "2025-08", "k2", {Join("002088004321", "2025-08", "10000000", "Lò Văn Cường", "1988-01-01")})
                  .accepted);
  auto person = reg().RegisterPerson({"046195001122", "", "Hồ Thị Hoa", "1995-02-03", "2", "46", "", ""}, TestOfficer());
  ASSERT_TRUE(person.ok()) << person.status().ToString();
  auto voluntary = reg().AddPeriod({"046195001122", "BHXHTN", "2025-09", "", "5000000", ""}, TestOfficer());
  ASSERT_TRUE(voluntary.ok()) << voluntary.status().ToString();
  EXPECT_EQ(voluntary->province, "46");
  DeclarationRow leave;
  leave.action = "leave";
  leave.cccd = "079090001234";
  leave.effective_month = "2025-10";
  ASSERT_TRUE(Declare("79B2", "2025-10", "k3", {leave}).accepted);
  const bool pg = GetParam() == "postgres";
  const std::string got = Joined(std::string("SELECT province") + (pg ? " || ' ' || tableoid::regclass::text" : "") +
                                 " || ':' || COALESCE(to_month, -1) FROM periods ORDER BY province");
  const std::string closed = std::to_string(Month::Of(2025, 9).index());  // the month before the leave
  EXPECT_EQ(got, pg ? "02 periods_p08:-1,46 periods_p46:-1,79 periods_p79:" + closed : "02:-1,46:-1,79:" + closed);
  auto periods = reg().PeriodsOfPerson(person->id);
  ASSERT_TRUE(periods.ok()) << periods.status().ToString();
  ASSERT_EQ(periods->size(), 1u);
  EXPECT_EQ((*periods)[0].province, "46");
  // October: only 02C3's worker is at an employer (the voluntary period is
  // collected through its own channel).
  Collect("2025-10");
  EXPECT_EQ(Count("dues"), 1);
}

// Periods written before the migration get their employer's province, or
// the person's residence without an employer (on PostgreSQL they move into
// the partitions), and new ids follow the old.
TEST_P(Spine, MigrationGivesExistingPeriodsTheirProvince) {
  std::string why;
  SchemaLayout layout{ctx_->geo.ProvinceGroups()};
  auto raw = testing::DatabaseBefore(GetParam(), 2026121601, layout, &why);
  ASSERT_TRUE(raw) << why;
  Db& d = *raw;
  ASSERT_TRUE(d.Exec("INSERT INTO employers (id, code, tax_code, name, type, province, region, created_at, created_by) "
                     "VALUES (1, '74A1', '0301234567', 'Công ty', 'enterprise', '74', 1, 'x', 'x')")
                  .ok());
  ASSERT_TRUE(d.Exec("INSERT INTO persons (id, cccd, full_name, name_key, dob, sex, province, created_at, created_by) "
                     "VALUES (1, '074085000001', 'A', 'a', '1985', 1, '01', 'x', 'x'), "
                     "(2, '046085000002', 'B', 'b', '1985', 1, '46', 'x', 'x'), "
                     "(3, '046085000003', 'C', 'c', '1985', 1, NULL, 'x', 'x')")
                  .ok());
  ASSERT_TRUE(d.Exec("INSERT INTO periods (person_id, employer_id, from_month, to_month, salary, funds, group_code) "
                     "VALUES (1, 1, 24300, NULL, 100, 31, 'DN'), (2, NULL, 24301, 24310, 200, 1, 'BHXHTN'), "
                     "(3, NULL, 24302, NULL, 300, 1, 'BHXHTN')")
                  .ok());
  auto applied = Migrate(d, AllMigrations(), layout);
  ASSERT_TRUE(applied.ok()) << applied.status().ToString();
  std::string where = GetParam() == "postgres" ? " || ' ' || tableoid::regclass::text" : "";
  auto st = d.Prepare("SELECT province" + where + ", id, salary FROM periods ORDER BY id");
  ASSERT_TRUE(st.ok()) << st.status().ToString();
  std::vector<std::string> got;
  while (*(*st)->Step())
    got.push_back((*st)->Text(0) + ":" + std::to_string((*st)->Int(1)) + ":" + std::to_string((*st)->Int(2)));
  // 74 (Bình Dương) is part of today's 79; a person without a residence
  // stays in the DEFAULT partition.
  if (GetParam() == "postgres")
    EXPECT_EQ(got, (std::vector<std::string>{"74 periods_p79:1:100", "46 periods_p46:2:200", " periods_pother:3:300"}));
  else
    EXPECT_EQ(got, (std::vector<std::string>{"74:1:100", "46:2:200", ":3:300"}));
  ASSERT_TRUE(d.Exec("INSERT INTO periods (person_id, employer_id, from_month, salary, funds, group_code, province) "
                     "VALUES (2, NULL, 24311, 400, 1, 'BHXHTN', '46')")
                  .ok());
  auto next = d.Prepare("SELECT MAX(id) FROM periods");
  ASSERT_TRUE(next.ok());
  ASSERT_TRUE(*(*next)->Step());
  EXPECT_EQ((*next)->Int(0), 4);
}

// Dues written before the migration get the province of their employer; on
// PostgreSQL they move into the partitions.
TEST_P(Spine, MigrationGivesExistingDuesTheirProvince) {
  std::string why;
  SchemaLayout layout{ctx_->geo.ProvinceGroups()};
  auto raw = testing::DatabaseBefore(GetParam(), 2026120801, layout, &why);
  ASSERT_TRUE(raw) << why;
  Db& d = *raw;
  ASSERT_TRUE(d.Exec("INSERT INTO employers (id, code, tax_code, name, type, province, region, created_at, created_by) "
                     "VALUES (1, '79A1', '0301234567', 'Công ty', 'enterprise', '79', 1, 'x', 'x'), "
                     "(2, '46A1', '3301234567', 'Công ty', 'enterprise', '46', 1, 'x', 'x')")
                  .ok());
  std::string cols =
      "INSERT INTO dues (month, employer_id, person_id, period_id, run_id, group_code, retirement_base, retirement_er, "
      "retirement_ee, sickness_base, sickness_er, sickness_ee, accident_base, accident_er, accident_ee, "
      "unemployment_base, unemployment_er, unemployment_ee, health_base, health_er, health_ee, total) VALUES ";
  ASSERT_TRUE(d.Exec(cols + "(24307, 1, 1, 1, 1, 'DN', 0,0,0, 0,0,0, 0,0,0, 0,0,0, 0,0,0, 100), "
                            "(24307, 2, 2, 2, 1, 'DN', 0,0,0, 0,0,0, 0,0,0, 0,0,0, 0,0,0, 200)")
                  .ok());
  auto applied = Migrate(d, AllMigrations(), layout);
  ASSERT_TRUE(applied.ok()) << applied.status().ToString();
  EXPECT_GE(*applied, 1);
  // 46 (Thừa Thiên Huế) is today's 46 Huế; 79 is Hồ Chí Minh City.
  std::string where = GetParam() == "postgres" ? " || ' ' || tableoid::regclass::text" : "";
  auto st = d.Prepare("SELECT province" + where + ", total FROM dues ORDER BY total");
  ASSERT_TRUE(st.ok());
  std::vector<std::string> got;
  while (*(*st)->Step()) got.push_back((*st)->Text(0) + ":" + std::to_string((*st)->Int(1)));
  if (GetParam() == "postgres")
    EXPECT_EQ(got, (std::vector<std::string>{"79 dues_p79:100", "46 dues_p46:200"}));
  else
    EXPECT_EQ(got, (std::vector<std::string>{"79:100", "46:200"}));
}

// Payments stored before the migration get their employer's province (on
// PostgreSQL they move into its partition: 74, merged into today's 79, into
// payments_p79) and their keys enter payment_keys, so a replay of an old key
// still answers its payment and new ids follow the old.
TEST_P(Spine, MigrationGivesExistingPaymentsTheirProvinceAndKeys) {
  std::string why;
  SchemaLayout layout{ctx_->geo.ProvinceGroups()};
  auto raw = testing::DatabaseBefore(GetParam(), 2026121201, layout, &why);
  ASSERT_TRUE(raw) << why;
  Db& d = *raw;
  ASSERT_TRUE(d.Exec("INSERT INTO employers (id, code, tax_code, name, type, province, region, created_at, created_by) "
                     "VALUES (1, '74A1', '0301234567', 'Công ty', 'enterprise', '74', 1, 'x', 'x'), "
                     "(2, '46A1', '3301234567', 'Công ty', 'enterprise', '46', 1, 'x', 'x')")
                  .ok());
  ASSERT_TRUE(d.Exec("INSERT INTO payments (employer_id, paid_on, amount, reference, source, idempotency_key, "
                     "created_at, created_by) VALUES (1, '2025-09-10', 100, 'UNC-1', 'api', 'k-1', 'x', 'x'), "
                     "(2, '2025-09-11', 200, 'UNC-2', 'api', 'k-2', 'x', 'x')")
                  .ok());
  auto applied = Migrate(d, AllMigrations(), layout);
  ASSERT_TRUE(applied.ok()) << applied.status().ToString();
  std::string where = GetParam() == "postgres" ? " || ' ' || tableoid::regclass::text" : "";
  auto st = d.Prepare("SELECT province" + where + ", id, amount FROM payments ORDER BY id");
  ASSERT_TRUE(st.ok());
  std::vector<std::string> got;
  while (*(*st)->Step())
    got.push_back((*st)->Text(0) + ":" + std::to_string((*st)->Int(1)) + ":" + std::to_string((*st)->Int(2)));
  if (GetParam() == "postgres")
    EXPECT_EQ(got, (std::vector<std::string>{"74 payments_p79:1:100", "46 payments_p46:2:200"}));
  else
    EXPECT_EQ(got, (std::vector<std::string>{"74:1:100", "46:2:200"}));
  auto keys = d.Prepare("SELECT idempotency_key || '=' || payment_id || '@' || province FROM payment_keys "
                        "ORDER BY payment_id");
  ASSERT_TRUE(keys.ok());
  got.clear();
  while (*(*keys)->Step()) got.push_back((*keys)->Text(0));
  EXPECT_EQ(got, (std::vector<std::string>{"k-1=1@74", "k-2=2@46"}));
  Tx tx(d);
  ASSERT_TRUE(tx.status().ok());
  NewPayment again{1, "74", *Date::Parse("2025-09-10", "d"), 100, "UNC-1", "api", "k-1"};
  NewPayment fresh{2, "46", *Date::Parse("2025-10-10", "d"), 300, "UNC-3", "api", "k-3"};
  auto stored = StorePayments(d, {again, fresh, fresh}, "x");
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  EXPECT_TRUE((*stored)[0].replayed);
  EXPECT_EQ((*stored)[0].id, 1);
  EXPECT_FALSE((*stored)[1].replayed);
  EXPECT_EQ((*stored)[1].id, 3);  // after the old ids
  EXPECT_TRUE((*stored)[2].replayed);  // the same key twice in one batch: stored once
  EXPECT_EQ((*stored)[2].id, 3);
  ASSERT_TRUE(tx.Commit().ok());
  EXPECT_EQ(*d.QueryInt("SELECT COUNT(*) FROM payments"), 3);
  EXPECT_EQ(*d.QueryInt("SELECT SUM(amount) FROM payments"), 600);
}

// Two posts of one key at the same time (a retried request racing the
// first): the second waits for the first's key and answers its payment.
TEST_P(Spine, TwoPostsOfOneKeyAtOnceStoreOnePayment) {
  AddEmployer("01A1");
  auto other = ctx_->pool->Acquire();
  ASSERT_TRUE(other.ok()) << other.status().ToString();
  NewPayment p{EmployerId("01A1"), "01", *Date::Parse("2025-09-10", "d"), 4'800'000, "UNC-9", "api", "same-key"};
  Tx tx(db());
  ASSERT_TRUE(tx.status().ok());
  auto first = StorePayments(db(), {p}, "officer-1");
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_FALSE((*first)[0].replayed);
  Result<PaymentResult> second = Status::Internal("not run");
  std::thread t([&] {
    PaymentInput in{"01A1", "2025-09-10", "4800000", "UNC-9", "same-key"};
    second = PostPayment(**other, in, TestOfficer());
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the second is now waiting for the first
  ASSERT_TRUE(tx.Commit().ok());
  t.join();
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_TRUE(second->replayed);
  EXPECT_EQ(second->payment_id, (*first)[0].id);
  EXPECT_EQ(Count("payments"), 1);
  EXPECT_EQ(Count("payment_keys"), 1);
}

TEST_P(Spine, LeaveAndSalaryChangeTakeEffectFromTheirMonth) {
  AddEmployer("01A1");
  ASSERT_TRUE(Declare("01A1", "2025-08", "k1", {Join("001085012345", "2025-08", "10000000")}).accepted);
  DeclarationRow raise;
  raise.action = "salary";
  raise.cccd = "001085012345";
  raise.effective_month = "2025-09";
  raise.salary = "20000000";
  ASSERT_TRUE(Declare("01A1", "2025-09", "k2", {raise}).accepted);
  DeclarationRow leave;
  leave.action = "leave";
  leave.cccd = "001085012345";
  leave.effective_month = "2025-10";
  ASSERT_TRUE(Declare("01A1", "2025-10", "k3", {leave}).accepted);
  Collect("2025-08");
  Collect("2025-09");
  Collect("2025-10");
  auto L = EmployerLedger(db(), ctx_->law, EmployerId("01A1"), *Date::Parse("2025-10-31", "d"));
  ASSERT_TRUE(L.ok());
  ASSERT_EQ(L->lines.size(), 2u);  // nothing due for October
  EXPECT_EQ(L->lines[0].due, 3'200'000);
  EXPECT_EQ(L->lines[1].due, 6'400'000);  // 32% of 20,000,000
}

TEST_P(Spine, PaymentsGoToTheOldestMonthAndLateDaysAccrueInterest) {
  AddEmployer("01A1");
  ASSERT_TRUE(Declare("01A1", "2025-08", "k1", {Join("001085012345", "2025-08", "10000000")}).accepted);
  Collect("2025-08");
  Collect("2025-09");
  PaymentInput p{"01A1", "2025-09-10", "4800000", "UNC-001", "pay-1"};
  auto pr = PostPayment(db(), p, TestOfficer());
  ASSERT_TRUE(pr.ok()) << pr.status().ToString();
  EXPECT_TRUE(PostPayment(db(), p, TestOfficer())->replayed);
  EXPECT_EQ(Count("payments"), 1);

  // Under the 2024 law a month is due by the last day of the following
  // month (41/2024/QH15 Art.34.4.a): August by 30/9, September by 31/10.
  auto L = EmployerLedger(db(), ctx_->law, EmployerId("01A1"), *Date::Parse("2025-11-15", "d"));
  ASSERT_TRUE(L.ok()) << L.status().ToString();
  ASSERT_EQ(L->lines.size(), 2u);
  EXPECT_EQ(L->lines[0].deadline.ToString(), "2025-09-30");
  EXPECT_EQ(L->lines[1].deadline.ToString(), "2025-10-31");
  // August paid on 10/9, before its deadline: no interest.
  EXPECT_EQ(L->lines[0].paid, 3'200'000);
  EXPECT_EQ(L->lines[0].interest, 0);
  // September: 1,600,000 paid early, 1,600,000 open 1/11..15/11 = 15 days
  // × 0.03% = 7,200.
  EXPECT_EQ(L->lines[1].paid, 1'600'000);
  EXPECT_EQ(L->lines[1].balance, 1'600'000);
  EXPECT_EQ(L->lines[1].interest, 7'200);
  EXPECT_EQ(L->interest, 7'200);
  EXPECT_EQ(L->months_owed, 1);
  EXPECT_EQ(L->classification, "late");
  // On 15/01/2026 September is 76 days past its deadline (30 + 31 + 15):
  // evasion under the 2024 law (> 60 days); 76 × 0.03% × 1,600,000 = 36,480.
  auto later = EmployerLedger(db(), ctx_->law, EmployerId("01A1"), *Date::Parse("2026-01-15", "d"));
  ASSERT_TRUE(later.ok());
  EXPECT_EQ(later->classification, "evasion");
  EXPECT_EQ(later->interest, 36'480);
}

// The deadline follows the law in force when the contribution month ends:
// June 2025 (2014 law, Art.86) is due by 30/06/2025; July 2025 (2024 law)
// by 31/08/2025.
TEST_P(Spine, TheDeadlineMovesWithThe2024Law) {
  AddEmployer("01A1");
  ASSERT_TRUE(Declare("01A1", "2025-06", "k1", {Join("001085012345", "2025-06", "10000000")}).accepted);
  Collect("2025-06");
  Collect("2025-07");
  auto L = EmployerLedger(db(), ctx_->law, EmployerId("01A1"), *Date::Parse("2025-09-15", "d"));
  ASSERT_TRUE(L.ok()) << L.status().ToString();
  ASSERT_EQ(L->lines.size(), 2u);
  EXPECT_EQ(L->lines[0].deadline.ToString(), "2025-06-30");
  EXPECT_EQ(L->lines[1].deadline.ToString(), "2025-08-31");
}

TEST_P(Spine, BankStatementIsAllOrNothingAndNeverCountedTwice) {
  AddEmployer("01A1");
  std::string bad = "employer_code,paid_on,amount,reference\n01A1,2025-09-10,1000000,FT1\nNOPE,2025-09-11,5,FT2\n";
  auto r = ImportBankStatement(db(), bad, TestOfficer());
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->accepted);
  ASSERT_EQ(r->errors.size(), 1u);
  EXPECT_EQ(r->errors[0].row, 3);
  EXPECT_EQ(r->errors[0].field, "employer_code");
  EXPECT_EQ(Count("payments"), 0);
  std::string good =
      "employer_code,paid_on,amount,reference\n01A1,10/09/2025,1000000,FT1\n01A1,2025-09-11,2000000,FT2\n";
  auto a = ImportBankStatement(db(), good, TestOfficer());
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->applied, 2);
  EXPECT_EQ(a->total, 3'000'000);
  auto b = ImportBankStatement(db(), good, TestOfficer());
  EXPECT_EQ(b->applied, 0);
  EXPECT_EQ(b->duplicates, 2);
  EXPECT_EQ(Count("payments"), 2);
}

TEST_P(Spine, CooperativeArrearsByStatusWithPerWorkerDebts) {
  AddEmployer("01X1", "cooperative");
  ASSERT_TRUE(Declare("01X1", "2025-08", "k1", {Join("001085012345", "2025-08", "10000000")}).accepted);
  Collect("2025-08");
  Collect("2025-09");
  ASSERT_TRUE(reg().SetEmployerStatus("01X1", "2025-10-01", "dissolved", TestOfficer()).ok());
  Collect("2025-10");  // dissolved: nothing more is due
  ArrearsOptions opt;
  opt.as_of = *Date::Parse("2025-11-30", "d");
  auto rep = BuildArrearsReport(db(), ctx_->law, ctx_->geo, opt);
  ASSERT_TRUE(rep.ok()) << rep.status().ToString();
  const ArrearsBucket& d = rep->cooperatives.at("dissolved_bankrupt");
  EXPECT_EQ(d.employers, 1);
  EXPECT_EQ(d.owing_1plus, 1);
  EXPECT_EQ(d.owing_3plus, 0);
  EXPECT_EQ(d.owed, 6'400'000);
  EXPECT_EQ(rep->cooperatives.at("active").employers, 0);
  ASSERT_EQ(rep->cooperative_workers.size(), 1u);
  EXPECT_EQ(rep->cooperative_workers[0].months_owed, 2);
  EXPECT_EQ(rep->cooperative_workers[0].amount_owed, 6'400'000);
  EXPECT_EQ(rep->by_province.count("01"), 1u);
}

TEST_P(Spine, CitizenSeesUnpaidMonthsInTheirBook) {
  AddEmployer("01A1");
  ASSERT_TRUE(Declare("01A1", "2025-08", "k1", {Join("001085012345", "2025-08", "10000000")}).accepted);
  Collect("2025-08");
  Collect("2025-09");
  ASSERT_TRUE(PostPayment(db(), {"01A1", "2025-09-05", "3200000", "UNC-1", "p1"}, TestOfficer()).ok());
  auto b = BuildBook(db(), ctx_->geo, ctx_->law, "001085012345", *Date::Parse("2025-10-20", "d"));
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  ASSERT_EQ(b->periods.size(), 1u);
  // Aug and Sep: October is not collected yet, so it is not counted (issue
  // #9: the book counted through the as-of month, 25 months against 23 listed).
  EXPECT_EQ(b->counted_through.ToString(), "2025-09");
  EXPECT_EQ(b->periods[0].months, 2);
  EXPECT_EQ(b->months_by_fund[static_cast<int>(Fund::kRetirement)], 2);
  ASSERT_EQ(b->months.size(), 2u);
  EXPECT_TRUE(b->months[0].paid);
  ASSERT_EQ(b->unpaid.size(), 1u);
  EXPECT_EQ(b->unpaid[0].month.ToString(), "2025-09");
}

// The monthly notice for 10/2025 (Law 41/2024 Art.10), issued on 10/11/2025
// (participant_notice.day = 10). 10,000,000 a month from 08/2025 at 32%:
// the employer 21.5% (retirement 14, sickness 3, accident 0.5, UI 1, HI 3)
// = 2,150,000, the worker 10.5% (8 + 1 + 1.5) = 1,050,000. August is paid;
// September's deadline (31/10, the month after, Art. 34.4.a) has passed
// unpaid: arrears; October's (30/11) has not: unpaid, not yet arrears.
TEST_P(Spine, TheMonthlyNoticeShowsTheMonthByFundAndTheArrears) {
  AddEmployer("01A1");
  ASSERT_TRUE(Declare("01A1", "2025-08", "k1", {Join("001085012345", "2025-08", "10000000")}).accepted);
  Collect("2025-08");
  Collect("2025-09");
  Collect("2025-10");
  ASSERT_TRUE(PostPayment(db(), {"01A1", "2025-09-05", "3200000", "UNC-1", "p1"}, TestOfficer()).ok());
  Date today = *Date::Parse("2025-11-20", "d");
  auto n = BuildNotice(db(), ctx_->geo, ctx_->law, "001085012345", *Month::Parse("2025-10", "m"), today);
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(n->issued_on.ToString(), "2025-11-10");
  EXPECT_EQ(n->law, "Luật 41/2024/QH15, Điều 10.1.c");
  ASSERT_EQ(n->contributions.size(), 1u);
  const NoticeContribution& c = n->contributions[0];
  const int r = static_cast<int>(Fund::kRetirement), u = static_cast<int>(Fund::kUnemployment), h = static_cast<int>(Fund::kHealth);
  EXPECT_EQ(c.base[r], 10'000'000);
  EXPECT_EQ(c.employer[r], 1'400'000);
  EXPECT_EQ(c.employee[r], 800'000);
  EXPECT_EQ(c.employer[u], 100'000);
  EXPECT_EQ(c.employee[u], 100'000);
  EXPECT_EQ(c.employer[h], 300'000);
  EXPECT_EQ(c.employee[h], 150'000);
  Vnd er = 0, ee = 0;
  for (int f = 0; f < kFundCount; ++f) er += c.employer[f], ee += c.employee[f];
  EXPECT_EQ(er, 2'150'000);
  EXPECT_EQ(ee, 1'050'000);
  EXPECT_EQ(c.total, 3'200'000);
  EXPECT_FALSE(c.paid);
  EXPECT_EQ(c.deadline.ToString(), "2025-11-30");
  EXPECT_EQ(n->months_by_fund[r], 3);
  ASSERT_EQ(n->arrears.size(), 1u);
  EXPECT_EQ(n->arrears[0].from.ToString(), "2025-09");
  EXPECT_EQ(n->arrears[0].to.ToString(), "2025-09");
  EXPECT_EQ(n->arrears[0].months, 1);
  EXPECT_EQ(n->arrears[0].by_fund[r], 2'200'000);
  EXPECT_EQ(n->arrears_total, 3'200'000);
  std::string page = NoticeHtml(*n);
  EXPECT_NE(page.find("THÔNG BÁO TÌNH HÌNH ĐÓNG BHXH, BHYT, BHTN THÁNG 10/2025"), std::string::npos);
  EXPECT_NE(page.find("2.150.000"), std::string::npos);
  EXPECT_NE(page.find("Độc lập - Tự do - Hạnh phúc"), std::string::npos);
  // Asked for before its issue day, it is as of today and says so.
  auto early = BuildNotice(db(), ctx_->geo, ctx_->law, "001085012345", *Month::Parse("2025-10", "m"), *Date::Parse("2025-11-05", "d"));
  ASSERT_TRUE(early.ok());
  EXPECT_EQ(early->issued_on.ToString(), "2025-11-05");
  EXPECT_FALSE(early->notes.empty());
  // Before the 2024 law, on request, citing the 2014 law's six-monthly rule.
  auto old = BuildNotice(db(), ctx_->geo, ctx_->law, "001085012345", *Month::Parse("2025-05", "m"), today);
  ASSERT_TRUE(old.ok());
  EXPECT_EQ(old->law, "Luật 58/2014/QH13, Điều 18.6");  // cited for people
  EXPECT_TRUE(old->contributions.empty());
  EXPECT_EQ(BuildNotice(db(), ctx_->geo, ctx_->law, "001085012345", *Month::Parse("2025-12", "m"), today).status().field(), "month");
}

TEST_P(Spine, EveryChangeRecordsItsActor) {
  AddEmployer("01A1");
  ASSERT_TRUE(Declare("01A1", "2025-08", "k1", {Join("001085012345", "2025-08", "10000000")}).accepted);
  Collect("2025-08");
  auto entries = RecentAudit(db(), 10);
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries->size(), 3u);  // register employer, declare, collect
  for (const auto& e : *entries) EXPECT_EQ(e.actor, "officer:test");
  EXPECT_EQ((*entries)[0].action, "collect");
}

INSTANTIATE_TEST_SUITE_P(Backends, Spine, ::testing::Values("sqlite", "postgres"), testing::BackendName);

}  // namespace
}  // namespace bhxh
