// Claims on a coordinator whose province 01 lives on a shard (PostgreSQL
// only: a second database reached through postgres_fdw, as
// scripts/shard/shard.sh places it). A facility's claims, lines and
// findings go straight to its province's shard in one prepared transaction
// that follows the coordinator's; a new version retires the old one there;
// the coordinator reads them back (settlement) through postgres_fdw.
#include <gtest/gtest.h>

#include "claims/catalogue.h"
#include "claims/module.h"
#include "claims/review.h"
#include "claims/settlement.h"
#include "claims/synth.h"
#include "eligibility/module.h"
#include "store/partitioned.h"
#include "testing/test_support.h"

namespace bhxh {
namespace {

using testing::TestOfficer;

class ClaimsSharding : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string why;
    set_ = testing::OpenCoordinatorWithShard(&why);
    ASSERT_TRUE(set_.ctx) << why;
    ctx_ = set_.ctx.get();
    shard_ = set_.shard.get();
    for (const char* p : {"claims_p01", "claim_lines_p01", "claim_findings_p01", "claim_keys_p01"})
      ASSERT_OK(PlaceEmptyPartition(db(), *shard_, p, "shard"));
    ctx_->State<EligibilityState>().cards().Build(SynthCards(8));
    const char* drugs =
        "facility,drug_code,name,tt_thau,unit_price,valid_from,valid_to\n"
        "01001,40.17,Paracetamol 500mg,QĐ123;G1;N4;2026,1100,2026-01-01,2026-12-31\n"
        "01001,40.678,Amoxicillin 500mg,QĐ123;G1;N4;2026,1000,2026-01-01,2026-12-31\n";  // claimed at 1,200
    ASSERT_TRUE(ImportCatalogue(db(), "drugs", drugs, TestOfficer())->accepted);
    ASSERT_OK(ctx_->State<ClaimsState>().ReloadCatalogue(*ctx_));
  }
  Db& db() { return set_.db(); }
  Result<ReviewResult> Submit(const std::string& key, int encounters = 3, const std::string& facility = "01001") {
    SynthOptions o;
    o.encounters = encounters;
    o.facility = facility;
    std::string xml = SynthEnvelope(ctx_->law, o);  // facility 01001: province 01 by its code
    auto cat = ctx_->State<ClaimsState>().catalogue();
    ReviewDeps deps{ctx_->State<ClaimsState>().schema, ctx_->law, ctx_->State<EligibilityState>().cards(), *cat};
    return SubmitClaims(db(), deps, xml, key, TestOfficer());
  }
  static std::string Text(Db& d, const std::string& sql) {
    auto st = d.Prepare(sql);
    if (!st.ok()) return st.status().ToString();
    auto row = (*st)->Step();
    if (!row.ok()) return row.status().ToString();
    return *row ? (*st)->Text(0) : "";
  }
  std::string Prepared() {
    return Text(*shard_, "SELECT COUNT(*) FROM pg_prepared_xacts WHERE database = current_database()");
  }

  testing::CoordinatorWithShard set_;
  AppContext* ctx_ = nullptr;
  Db* shard_ = nullptr;
};

TEST_F(ClaimsSharding, AFacilitysClaimsAreWrittenOnItsProvinceShardAndReadThroughTheCoordinator) {
  auto a = Submit("k1");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_EQ(a->encounters.size(), 3u);
  EXPECT_EQ(Prepared(), "0");
  // On the shard: the three claims, every line and finding, nothing on the
  // coordinator's own partitions.
  EXPECT_EQ(Text(*shard_, "SELECT COUNT(*) || ':' || MIN(province) || ':' || SUM(is_current) FROM claims_p01"), "3:01:3");
  size_t lines = 0, findings = 0;
  for (const auto& e : a->encounters) {
    lines += e.lines.size();
    findings += e.report.findings.size();
  }
  ASSERT_GT(lines, 0u);
  ASSERT_GT(findings, 0u);  // Amoxicillin claimed above its bid price
  EXPECT_EQ(Text(*shard_, "SELECT COUNT(*) FROM claim_lines_p01"), std::to_string(lines));
  EXPECT_EQ(Text(*shard_, "SELECT COUNT(*) FROM claim_findings_p01"), std::to_string(findings));
  EXPECT_EQ(Text(db(), "SELECT COUNT(*) FROM claims WHERE province <> '01'"), "0");
  // Each row in its month's partition on the shard (made there as the
  // envelope arrived), the lines and findings under their claim's day.
  for (const std::string t : {"claims_p01", "claim_lines_p01", "claim_findings_p01"})
    EXPECT_EQ(Text(*shard_, "SELECT COUNT(*) || ':' || bool_and(tableoid::regclass::text = '" + t +
                                "_m' || month) FROM " + t),
              (t == "claims_p01" ? "3" : t == "claim_lines_p01" ? std::to_string(lines) : std::to_string(findings)) +
                  ":true")
        << t;
  EXPECT_EQ(Text(db(), "SELECT COUNT(*) FROM claim_lines l JOIN claims c ON c.id = l.claim_id AND c.month = l.month "
                       "AND c.month = CAST(replace(substr(c.day, 1, 7), '-', '') AS INTEGER)"),
            std::to_string(lines));
  // The lines belong to the claims whose ids the coordinator gave out.
  EXPECT_EQ(Text(db(), "SELECT COUNT(*) FROM claim_lines l JOIN claims c ON c.id = l.claim_id"), std::to_string(lines));
  EXPECT_EQ(Text(db(), "SELECT COUNT(*) FROM claims WHERE id = " + std::to_string(a->encounters[0].claim_id)), "1");

  // Sent again: version 2 on the shard, version 1 retired there.
  auto b = Submit("k2");
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(b->encounters[0].version, 2);
  EXPECT_EQ(Text(*shard_, "SELECT COUNT(*) || ':' || SUM(is_current) || ':' || MAX(version) FROM claims_p01"), "6:3:2");
  // The facility's directory of current versions, beside its claims: one
  // row per encounter, naming the current claim and its month.
  EXPECT_EQ(Text(*shard_, "SELECT COUNT(*) || ':' || MIN(version) || ':' || MAX(version) FROM claim_keys_p01"), "3:2:2");
  EXPECT_EQ(Text(*shard_, "SELECT COUNT(*) FROM claim_keys_p01 k JOIN claims_p01 c ON c.id = k.claim_id "
                          "AND c.month = k.month AND c.is_current = 1 AND c.version = k.version"),
            "3");
  EXPECT_EQ(Prepared(), "0");
  // Settlement reads the current versions through the coordinator.
  auto s = SettleQuarter(db(), "01001", "2026-Q4");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->encounters, 3);
  int64_t approved = 0;
  for (const auto& e : b->encounters) approved += e.approved;
  EXPECT_EQ(s->approved, approved);
}

// Rows of a month written before its partition existed (a month made
// while its locks were busy, a claim written by hand) wait in the
// province's DEFAULT month partition; making the month moves them into it,
// on the coordinator and on a shard alike, and nothing is lost or doubled.
TEST_F(ClaimsSharding, RowsOfAMonthWrittenBeforeItsPartitionAreMovedIntoIt) {
  auto cols = [](const std::string& table) {
    return "INSERT INTO " + table + " (id, facility, ma_lk, version, is_current, submission_id, patient_key, card_code, kind, day, "
      "treatment_days, total_bv, claimed, approved, rejected, drug_lines, high_cost, xml1, others, province, month) "
           "VALUES ";
  };
  ASSERT_OK(db().Exec(cols("claims") + "(1, '79001', 'A', 1, 1, 1, 'p', 'c', '01', '2025-03-15', 0, 0, 100, 100, 0, 0, 0, '', "
                             "'[]', '79', 202503), (2, '79001', 'B', 1, 1, 1, 'p', 'c', '01', '2025-04-01', 0, 0, 50, 50, 0, "
                             "0, 0, '', '[]', '79', 202504)"));
  ASSERT_OK(shard_->Exec(cols("claims_p01") + "(3, '01001', 'C', 1, 1, 1, 'p', 'c', '01', '2025-04-02', 0, 0, 70, 70, 0, 0, 0, '', "
                                "'[]', '01', 202504)"));
  auto where = [&](Db& d, const std::string& table) {
    return Text(d, "SELECT string_agg(ma_lk || ' ' || tableoid::regclass::text, ',' ORDER BY ma_lk) FROM " + table);
  };
  EXPECT_EQ(where(db(), "claims_p79"), "A claims_p79_other,B claims_p79_other");
  EXPECT_EQ(where(*shard_, "claims_p01"), "C claims_p01_other");

  ASSERT_OK(EnsureMonths(db(), "claims", "79", {202503}));
  EXPECT_EQ(where(db(), "claims_p79"), "A claims_p79_m202503,B claims_p79_other");
  ASSERT_OK(EnsureMonths(db(), "claims", "74", {202503, 202504}));  // 74 merged into 79: its partition
  EXPECT_EQ(where(db(), "claims_p79"), "A claims_p79_m202503,B claims_p79_m202504");
  ASSERT_OK(EnsureMonths(db(), "claims", "01", {202504}));  // on the shard
  EXPECT_EQ(where(*shard_, "claims_p01"), "C claims_p01_m202504");
  ASSERT_OK(EnsureMonths(db(), "claims", "01", {202504}));  // made already: nothing to do
  EXPECT_EQ(Text(db(), "SELECT COUNT(*) || ':' || SUM(claimed) FROM claims"), "3:220");
  // The month's range is the month: its last day in, the next month's first out.
  EXPECT_EQ(Text(db(), "SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname = 'claims_p79_m202503'"),
            "FOR VALUES FROM (202503) TO (202504)");
  EXPECT_EQ(Text(db(), "SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname = 'claims_p79_m202512'"), "");
  ASSERT_OK(EnsureMonths(db(), "claims", "79", {202512}));
  EXPECT_EQ(Text(db(), "SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname = 'claims_p79_m202512'"),
            "FOR VALUES FROM (202512) TO (202601)");
  // A month that is not one is refused by name; a table not split by month is left alone.
  for (int bad : {202513, 202500, 20253, 189912, 999901, 0}) {
    Status s = EnsureMonths(db(), "claims", "79", {bad});
    EXPECT_EQ(s.code(), "invalid_input") << bad;
    EXPECT_EQ(s.field(), "month") << bad;
  }
  ASSERT_OK(EnsureMonths(db(), "dues", "79", {202503}));
  EXPECT_EQ(Text(db(), "SELECT COUNT(*) FROM pg_class WHERE relname ~ '^dues_p79_m[0-9]{6}$'"), "0");
}

// A facility whose first claims were filed under its old province code (74,
// Bình Dương, merged into 79 in 2025) and that is then registered under 79:
// its next envelope still finds and retires them (same partition).
TEST_F(ClaimsSharding, VersionsAreFoundUnderAProvinceCodeSinceMerged) {
  auto a = Submit("k1", 2, "74001");  // not in the catalogue: province 74 by its code
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(Text(db(), "SELECT string_agg(DISTINCT province || ' ' || tableoid::regclass::text, ',') FROM claims "
                       "WHERE tableoid::regclass::text LIKE 'claims_p79_m%'"),
            "74 " + Text(db(), "SELECT 'claims_p79_m' || MIN(month) FROM claims"));
  ASSERT_TRUE(ImportCatalogue(db(), "facilities", "code,name,level,province\n74001,Bệnh viện,province,79\n",
                              TestOfficer())
                  ->accepted);
  auto b = Submit("k2", 2, "74001");
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(b->encounters[0].version, 2);
  EXPECT_EQ(Text(db(), "SELECT COUNT(*) || ':' || SUM(is_current) || ':' || string_agg(DISTINCT province, ',') "
                       "FROM claims_p79"),
            "4:2:74,79");
}

const char* kFacilityLocks =
    "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
    "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";

TEST_F(ClaimsSharding, ShardWorkRollsBackWithTheCoordinator) {
  {
    Tx outer(db());  // the submission inside a request that then fails
    auto a = Submit("k1");
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    EXPECT_EQ(Prepared(), "1");  // one for the three tables
    EXPECT_EQ(Text(*shard_, "SELECT COUNT(*) FROM claims_p01"), "0");  // not visible before the commit
    // The facility stays locked until the outer transaction has ended and
    // the shard has followed it.
    EXPECT_EQ(Text(db(), kFacilityLocks), "1");
  }
  EXPECT_EQ(Text(db(), kFacilityLocks), "0");
  EXPECT_EQ(Prepared(), "0");
  EXPECT_EQ(Text(*shard_, "SELECT COUNT(*) FROM claims_p01"), "0");
  EXPECT_EQ(Text(*shard_, "SELECT COUNT(*) FROM claim_lines_p01"), "0");
  EXPECT_EQ(Text(db(), "SELECT COUNT(*) FROM claim_submissions"), "0");
  // The same key is then taken as new, once.
  auto again = Submit("k1");
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_FALSE(again->replayed);
  EXPECT_EQ(Text(*shard_, "SELECT COUNT(*) FROM claims_p01"), "3");
}

// What a coordinator that died between prepare and commit leaves: claims
// prepared on the shard. Kept when their submission is recorded; an
// unrecorded one is left alone while it may still be committing.
TEST_F(ClaimsSharding, ClaimsLeftPreparedAreSettledByTheirSubmission) {
  auto a = Submit("k1", 1);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  std::string sub = Text(db(), "SELECT MAX(id) FROM claim_submissions");
  std::string dbname = Text(*shard_, "SELECT current_database()");
  auto leave = [&](const std::string& token, const std::string& ma_lk) {
    ASSERT_OK(shard_->Exec("BEGIN; INSERT INTO claims_p01 (id, facility, ma_lk, version, is_current, submission_id, "
                           "patient_key, card_code, kind, day, treatment_days, total_bv, claimed, approved, rejected, "
                           "drug_lines, high_cost, xml1, others, province, month) VALUES (900000, '01001', '" + ma_lk +
                           "', 1, 1, 0, 'p', 'c', '01', '2026-11-20', 0, 0, 0, 0, 0, 0, 0, '', '[]', '01', 202611); "
                           "PREPARE TRANSACTION 'bhxh/claims/" + token + "/shard/" + dbname + "'"));
  };
  leave("claims-" + sub, "LEFT-KEPT");
  leave("claims-987654", "LEFT-DROPPED");
  EXPECT_EQ(Prepared(), "2");
  auto n = SettleLeftClaims(db(), std::chrono::seconds(0));
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(*n, 1);
  EXPECT_EQ(Text(db(), "SELECT COUNT(*) FROM claims WHERE ma_lk = 'LEFT-KEPT'"), "1");
  EXPECT_EQ(Prepared(), "1");
  ASSERT_OK(shard_->Exec("ROLLBACK PREPARED 'bhxh/claims/claims-987654/shard/" + dbname + "'"));
  EXPECT_EQ(Text(db(), "SELECT COUNT(*) FROM claims WHERE ma_lk = 'LEFT-DROPPED'"), "0");
}

}  // namespace
}  // namespace bhxh
