// Inspection on both backends, against values worked by hand from
// Decree 12/2022/NĐ-CP Art.39 and data/inspection/parameters.csv.
#include <gtest/gtest.h>

#include "collection/collect.h"
#include "collection/declarations.h"
#include "collection/payments.h"
#include "inspection/module.h"
#include "inspection/postaudit.h"
#include "inspection/records.h"
#include "inspection/risk.h"
#include "registry/registry.h"
#include "testing/backend_fixture.h"

namespace bhxh {
namespace {

const ParamTable& Params(AppContext& ctx) { return ctx.State<InspectionState>().params(); }

TEST(InspectionFine, RangesOfArticle39WorkedByHand) {
  auto p = ParamTable::LoadFile(std::string(BHXH_DEFAULT_DATA_DIR) + "/inspection/parameters.csv");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  Date on = Date::FromYmd(2026, 3, 2);
  // 39.5, an organisation, 100,000,000 due: 12–15% = 12,000,000–15,000,000
  // for an individual, ×2 = 24,000,000–30,000,000; the middle 27,000,000.
  auto f = ComputeFine(*p, "39.5", 100'000'000, true, "none", on);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->min, 24'000'000);
  EXPECT_EQ(f->max, 30'000'000);
  EXPECT_EQ(f->proposed, 27'000'000);
  EXPECT_EQ(f->basis.size(), 5u);  // pct_min, pct_max, cap, org_multiplier, default_point
  EXPECT_EQ(ComputeFine(*p, "39.5", 100'000'000, true, "mitigating", on)->proposed, 24'000'000);
  EXPECT_EQ(ComputeFine(*p, "39.5", 100'000'000, true, "aggravating", on)->proposed, 30'000'000);
  // A household business is fined as an individual: 12,000,000–15,000,000, middle 13,500,000.
  EXPECT_EQ(ComputeFine(*p, "39.5", 100'000'000, false, "none", on)->proposed, 13'500'000);
  // 1,000,000,000 due: 120,000,000–150,000,000 capped at 75,000,000; ×2 = 150,000,000.
  auto big = ComputeFine(*p, "39.5", 1'000'000'000, true, "none", on);
  EXPECT_EQ(big->min, 150'000'000);
  EXPECT_EQ(big->max, 150'000'000);
  // 39.6 (paying for none of the workers), 200,000,000 due: 18–20% = 36–40m, cap 75m → 72,000,000–80,000,000... capped:
  // individual 36,000,000–40,000,000 (under the cap) ×2 = 72,000,000–80,000,000; middle 76,000,000.
  EXPECT_EQ(ComputeFine(*p, "39.6", 200'000'000, true, "none", on)->proposed, 76'000'000);
  // 39.7 evasion, fixed 50–75m ×2 = 100,000,000–150,000,000; middle 125,000,000.
  auto ev = ComputeFine(*p, "39.7", 0, true, "none", on);
  EXPECT_EQ(ev->min, 100'000'000);
  EXPECT_EQ(ev->proposed, 125'000'000);
  // Not a clause with a range: named.
  auto bad = ComputeFine(*p, "39.9", 1, true, "none", on);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().field(), "clause");
  EXPECT_EQ(ComputeFine(*p, "39;5", 1, true, "none", on).status().field(), "clause");
  EXPECT_EQ(ComputeFine(*p, "39.5", 1, true, "lenient", on).status().field(), "circumstance");
  // Before the decree was in force there is no range.
  EXPECT_FALSE(ComputeFine(*p, "39.5", 1, true, "none", Date::FromYmd(2021, 12, 1)).ok());
}

class InspectionDb : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    Date::SetTodayForTesting(Date::FromYmd(2025, 7, 15));
    Registry reg(db(), ctx_->geo, ctx_->law);
    // Four enterprises of wage region I in Hà Nội (01):
    //  01A1: 1 worker at 10,000,000, never pays;
    //  01A2: 2 workers at 10,000,000, pays; the tax authority counts 10;
    //  01A3: 2 workers at 9,000,000 declared in 03/2025 from 01/2025 (late), pays;
    //  01A4: workers at 4,960,000 (region I minimum since 07/2024) and
    //        5,000,000, pays; from 01/2026 the minimum is 5,310,000 and both
    //        are below it unless raised.
    struct E {
      const char* code;
      const char* tax;
      const char* month;
      std::vector<std::pair<const char*, const char*>> workers;  // cccd, salary
    };
    std::vector<E> es = {{"01A1", "0100000001", "2025-01", {{"001090000001", "10000000"}}},
                         {"01A2", "0100000002", "2025-01", {{"001090000002", "10000000"}, {"001090000003", "10000000"}}},
                         {"01A3", "0100000003", "2025-03", {{"001090000004", "9000000"}, {"001090000005", "9000000"}}},
                         {"01A4", "0100000004", "2025-01", {{"001090000006", "4960000"}, {"001090000007", "5000000"}}}};
    for (const auto& e : es) {
      ASSERT_TRUE(reg.RegisterEmployer({e.code, e.tax, std::string("Công ty ") + e.code, "enterprise", "01", 1, "active", "2020-01-01"},
                                       testing::TestOfficer())
                      .ok());
      Declaration d{e.code, e.month, std::string("decl-") + e.code, {}};
      for (const auto& [cccd, salary] : e.workers) {
        DeclarationRow r;
        r.action = "join";
        r.cccd = cccd;
        r.effective_month = "2025-01";
        r.salary = salary;
        r.full_name = "Người lao động";
        r.dob = "1990-01-01";
        r.sex = "1";
        r.province = "01";
        d.rows.push_back(r);
      }
      auto res = SubmitDeclaration(db(), ctx_->geo, ctx_->law, d, testing::TestOfficer());
      ASSERT_TRUE(res.ok()) << res.status().ToString();
      ASSERT_TRUE(res->accepted) << e.code << ": " << (res->errors.empty() ? "" : res->errors[0].message_en);
      if (std::string(e.code) != "01A1") {
        PaymentInput p{e.code, "2025-01-10", "200000000", std::string("UNC-") + e.code, std::string("pay-") + e.code};
        ASSERT_TRUE(PostPayment(db(), p, testing::TestOfficer()).ok());
      }
    }
    for (int m = 1; m <= 6; ++m) {
      auto run = RunCollection(db(), ctx_->law, Month::Of(2025, m), testing::TestOfficer());
      ASSERT_TRUE(run.ok()) << "2025-" << m << ": " << run.status().ToString();
    }
  }
  void TearDown() override {
    Date::SetTodayForTesting(std::nullopt);
    BackendTest::TearDown();
  }
  const EmployerRisk* Find(const RiskRanking& r, const std::string& code) {
    for (const auto& e : r.top)
      if (e.code == code) return &e;
    return nullptr;
  }
  double Points(const EmployerRisk& e, const std::string& factor) {
    for (const auto& f : e.factors)
      if (f.factor == factor) return f.points;
    return -1;
  }
  Actor a_{"officer:a", {"officer"}, "", "", "", "", ""};
  Actor b_{"officer:b", {"officer"}, "", "", "", "", ""};
};

TEST_P(InspectionDb, RiskRankingExplainsEachScore) {
  Actor actor = testing::TestOfficer();
  auto tax = ImportTaxWorkforce(db(), "tax_code,year,employees\n0100000002,2025,10\n0109999999,2025,5\n", "Cục Thuế Hà Nội", actor);
  ASSERT_TRUE(tax.ok()) << tax.status().ToString();
  EXPECT_EQ(tax->rows, 2);
  ASSERT_EQ(tax->unknown_tax_codes.size(), 1u);  // kept: the firm may register later
  RiskOptions o;
  o.as_of = Date::FromYmd(2025, 7, 15);
  auto r = RankEmployers(db(), ctx_->law, ctx_->geo, Params(*ctx_), o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->employers, 4);
  EXPECT_TRUE(r->tax_data);
  EXPECT_EQ(r->mandatory, 1);
  // 01A1 owes 01–06/2025: six deadlines (last day of each month, 2014 law)
  // passed by 15/07/2025 → 25 × 6/12 = 12.5; the oldest is 165 days past
  // 31/01 (> 60 days, 2024 law Art.39) → evasion, 20 points. 32.5, mandatory.
  const EmployerRisk* e1 = Find(*r, "01A1");
  ASSERT_NE(e1, nullptr);
  EXPECT_EQ(e1->months_owed, 6);
  EXPECT_DOUBLE_EQ(Points(*e1, "arrears_months"), 12.5);
  EXPECT_DOUBLE_EQ(Points(*e1, "evasion"), 20);
  EXPECT_DOUBLE_EQ(e1->score, 32.5);
  EXPECT_TRUE(e1->mandatory);
  EXPECT_EQ(r->top[0].code, "01A1");
  // 01A4: averages {10.0, 10.0, 9.0, 4.98} million, median 9.5 million;
  // 01A4 is 1 − 4.98/9.5 = 47.58% below → 15 × (0.4758 − 0.2)/(0.6 − 0.2)
  // = 10.34 → 10.3. No salary below the 2025 minimum.
  const EmployerRisk* e4 = Find(*r, "01A4");
  ASSERT_NE(e4, nullptr);
  EXPECT_DOUBLE_EQ(Points(*e4, "salary_below_minimum"), 0);
  EXPECT_NEAR(Points(*e4, "salary_below_peers"), 15 * ((1 - 4.98 / 9.5) - 0.2) / 0.4, 1e-9);
  EXPECT_DOUBLE_EQ(e4->score, 10.3);
  EXPECT_FALSE(e4->mandatory);
  // 01A2: the tax authority counts 10, it declares 2 → 80% missing ≥ 50% → 20.
  const EmployerRisk* e2 = Find(*r, "01A2");
  EXPECT_DOUBLE_EQ(Points(*e2, "workforce_gap"), 20);
  EXPECT_DOUBLE_EQ(e2->score, 20);
  EXPECT_NE(e2->factors[0].explanation.find("10 lao động"), std::string::npos) << e2->factors[0].explanation;
  // 01A3: one declaration (03/2025) joining from 01/2025 → 5 × 1/6 = 0.83 → 0.8.
  const EmployerRisk* e3 = Find(*r, "01A3");
  EXPECT_NEAR(Points(*e3, "late_declarations"), 5.0 / 6, 1e-9);
  EXPECT_DOUBLE_EQ(e3->score, 0.8);
  // Order: 32.5, 20, 10.3, 0.8.
  ASSERT_EQ(r->top.size(), 4u);
  EXPECT_EQ(r->top[1].code, "01A2");
  EXPECT_EQ(r->top[2].code, "01A4");
  EXPECT_EQ(r->top[3].code, "01A3");
  // On 15/01/2026 the region I minimum is 5,310,000: both of 01A4's
  // workers are below it → share 1 → 10 more points: 20.34 → 20.3.
  RiskOptions o26 = o;
  o26.as_of = Date::FromYmd(2026, 1, 15);
  auto r26 = RankEmployers(db(), ctx_->law, ctx_->geo, Params(*ctx_), o26);
  ASSERT_TRUE(r26.ok());
  const EmployerRisk* e4b = Find(*r26, "01A4");
  ASSERT_NE(e4b, nullptr);
  EXPECT_DOUBLE_EQ(Points(*e4b, "salary_below_minimum"), 10);
  EXPECT_DOUBLE_EQ(e4b->score, 20.3);
  // A province with none of them ranks none.
  o.provinces = {"79"};
  EXPECT_EQ(RankEmployers(db(), ctx_->law, ctx_->geo, Params(*ctx_), o)->employers, 0);
}

TEST_P(InspectionDb, ATaxFileWithBadRowsIsRefusedWholeAndNamed) {
  auto tax = ImportTaxWorkforce(db(), "tax_code,year,employees\n0100000002,2025,10\n12AB,2025,3\n0100000003,20x5,4\n", "x",
                                testing::TestOfficer());
  ASSERT_TRUE(tax.ok());
  ASSERT_EQ(tax->errors.size(), 2u);
  EXPECT_EQ(tax->errors[0].row, 3);
  EXPECT_EQ(tax->errors[0].field, "tax_code");
  EXPECT_EQ(tax->errors[1].field, "year");
  EXPECT_EQ(Count("tax_workforce"), 0);
  auto nohead = ImportTaxWorkforce(db(), "mst,nam\n1,2\n", "x", testing::TestOfficer());
  ASSERT_FALSE(nohead.ok());
  EXPECT_EQ(nohead.status().field(), "header");
}

TEST_P(InspectionDb, AnInspectionIsConcludedByAnotherAndFollowedUntilRecovered) {
  InspectionOpenInput in;
  in.employer_code = "01A1";
  in.decision_no = "15/QĐ-TTr";
  in.decided_on = "2025-07-01";
  in.kind = "unannounced";
  in.idempotency_key = "k1";
  auto opened = OpenInspection(db(), in, a_);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ(opened->status, "open");
  auto again = OpenInspection(db(), in, a_);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(again->id, opened->id);
  EXPECT_EQ(Count("inspections"), 1);
  // Recovery before a conclusion: refused.
  EXPECT_EQ(RecordRecovery(db(), opened->id, 1, 1, "2025-07-20", "BL", a_).status().code(), "conflict");
  InspectionFindingInput f;
  f.clause = "39.5";
  f.description = "Chậm đóng 6 tháng cho 1 lao động";
  f.total_due = 100'000'000;
  f.workers = 1;
  auto rec = RecordFinding(db(), Params(*ctx_), opened->id, f, a_);
  ASSERT_TRUE(rec.ok()) << rec.status().ToString();
  ASSERT_EQ(rec->findings.size(), 1u);
  EXPECT_EQ(rec->findings[0].fine.proposed, 27'000'000);  // an enterprise: the organisation's range
  EXPECT_EQ(rec->to_recover, 100'000'000);
  EXPECT_EQ(rec->outstanding, 127'000'000);
  // Four eyes: a, who recorded the finding, cannot conclude.
  auto self = ConcludeInspection(db(), opened->id, "2025-07-20", a_);
  ASSERT_FALSE(self.ok());
  EXPECT_EQ(self.status().code(), "four_eyes");
  EXPECT_EQ(ConcludeInspection(db(), opened->id, "2025-06-20", b_).status().field(), "concluded_on");
  auto done = ConcludeInspection(db(), opened->id, "2025-07-20", b_);
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  EXPECT_EQ(done->status, "concluded");
  EXPECT_EQ(done->concluded_by, "officer:b");
  // No more findings once concluded.
  EXPECT_EQ(RecordFinding(db(), Params(*ctx_), opened->id, f, a_).status().code(), "conflict");
  int64_t fid = done->findings[0].id;
  auto r1 = RecordRecovery(db(), opened->id, fid, 100'000'000, "2025-08-01", "UNC-1", a_);
  ASSERT_TRUE(r1.ok()) << r1.status().ToString();
  EXPECT_EQ(r1->outstanding, 27'000'000);
  EXPECT_EQ(r1->status, "concluded");
  EXPECT_EQ(RecordRecovery(db(), opened->id, fid, 27'000'001, "2025-08-02", "UNC-2", a_).status().field(), "amount");
  auto r2 = RecordRecovery(db(), opened->id, fid, 27'000'000, "2025-08-02", "BL-2", a_);
  ASSERT_TRUE(r2.ok());
  EXPECT_EQ(r2->outstanding, 0);
  EXPECT_EQ(r2->status, "recovered");
  auto list = ListInspections(db(), "recovered", {"01"}, 10);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->size(), 1u);
  EXPECT_TRUE(ListInspections(db(), "", {"79"}, 10)->empty());
  // Recoveries are append-only in the database itself.
  EXPECT_FALSE(db().Exec("UPDATE inspection_recoveries SET amount = 1").ok());
}

TEST_P(InspectionDb, APostAuditSampleIsReproducibleAndEachCheckRecorded) {
  Date::SetTodayForTesting(std::nullopt);  // declarations carry today's (real) timestamp
  Date today = Date::Today();
  std::string from = today.AddDays(-1).ToString(), to = today.ToString();
  auto pa = DrawPostAudit(db(), Params(*ctx_), "Hậu kiểm thử", from, to, a_);
  ASSERT_TRUE(pa.ok()) << pa.status().ToString();
  // 4 declarations: ⌈4 × 2%⌉ = 1 < the minimum 5 → all 4. No claims, no payments.
  ASSERT_EQ(pa->strata.size(), 3u);
  EXPECT_EQ(pa->strata[0].kind, "declaration");
  EXPECT_EQ(pa->strata[0].population, 4);
  EXPECT_EQ(pa->strata[0].drawn, 4);
  EXPECT_EQ(pa->strata[1].drawn, 0);
  EXPECT_EQ(pa->pending, 4);
  std::vector<std::string> order;
  for (const auto& i : pa->items) order.push_back(i.ref);
  // The same label and period: the same draw, nothing new stored.
  auto again = DrawPostAudit(db(), Params(*ctx_), "Hậu kiểm thử", from, to, a_);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(again->seed, pa->seed);
  EXPECT_EQ(Count("post_audits"), 1);
  // Drawn afresh (the rows removed), the label and period give the same order.
  ASSERT_TRUE(db().Exec("DELETE FROM post_audit_items").ok());
  ASSERT_TRUE(db().Exec("DELETE FROM post_audits").ok());
  auto redo = DrawPostAudit(db(), Params(*ctx_), "Hậu kiểm thử", from, to, a_);
  ASSERT_TRUE(redo.ok());
  std::vector<std::string> order2;
  for (const auto& i : redo->items) order2.push_back(i.ref);
  EXPECT_EQ(order, order2);
  EXPECT_EQ(redo->seed, pa->seed);
  // The label is bound to its period.
  EXPECT_EQ(DrawPostAudit(db(), Params(*ctx_), "Hậu kiểm thử", from, from, a_).status().code(), "conflict");
  // Results: a discrepancy needs a note; each item is checked once.
  const std::string ref = redo->items[0].ref;
  EXPECT_EQ(RecordPostAuditResult(db(), redo->id, "declaration", ref, "discrepancy", "", b_).status().field(), "note");
  auto checked = RecordPostAuditResult(db(), redo->id, "declaration", ref, "discrepancy", "Sai mức lương so với hợp đồng", b_);
  ASSERT_TRUE(checked.ok()) << checked.status().ToString();
  EXPECT_EQ(checked->discrepancies, 1);
  EXPECT_EQ(checked->pending, 3);
  EXPECT_EQ(RecordPostAuditResult(db(), redo->id, "declaration", ref, "ok", "", b_).status().code(), "conflict");
  EXPECT_EQ(RecordPostAuditResult(db(), redo->id, "declaration", "999999", "ok", "", b_).status().code(), "not_found");
  // A period in the future is refused.
  EXPECT_EQ(DrawPostAudit(db(), Params(*ctx_), "Tương lai", to, today.AddDays(30).ToString(), a_).status().field(), "to");
}

INSTANTIATE_TEST_SUITE_P(Backends, InspectionDb, ::testing::Values("sqlite", "postgres"), testing::BackendName);

}  // namespace
}  // namespace bhxh
