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

#define ASSERT_OK(expr)                    \
  do {                                     \
    Status s_ = (expr);                    \
    ASSERT_TRUE(s_.ok()) << s_.ToString(); \
  } while (0)

class ClaimsSharding : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string why;
    set_ = testing::OpenCoordinatorWithShard(&why);
    ASSERT_TRUE(set_.ctx) << why;
    ctx_ = set_.ctx.get();
    shard_ = set_.shard.get();
    for (const char* p : {"claims_p01", "claim_lines_p01", "claim_findings_p01"})
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
  // The lines belong to the claims whose ids the coordinator gave out.
  EXPECT_EQ(Text(db(), "SELECT COUNT(*) FROM claim_lines l JOIN claims c ON c.id = l.claim_id"), std::to_string(lines));
  EXPECT_EQ(Text(db(), "SELECT COUNT(*) FROM claims WHERE id = " + std::to_string(a->encounters[0].claim_id)), "1");

  // Sent again: version 2 on the shard, version 1 retired there.
  auto b = Submit("k2");
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(b->encounters[0].version, 2);
  EXPECT_EQ(Text(*shard_, "SELECT COUNT(*) || ':' || SUM(is_current) || ':' || MAX(version) FROM claims_p01"), "6:3:2");
  EXPECT_EQ(Prepared(), "0");
  // Settlement reads the current versions through the coordinator.
  auto s = SettleQuarter(db(), "01001", "2026-Q4");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->encounters, 3);
  int64_t approved = 0;
  for (const auto& e : b->encounters) approved += e.approved;
  EXPECT_EQ(s->approved, approved);
}

// A facility whose first claims were filed under its old province code (74,
// Bình Dương, merged into 79 in 2025) and that is then registered under 79:
// its next envelope still finds and retires them (same partition).
TEST_F(ClaimsSharding, VersionsAreFoundUnderAProvinceCodeSinceMerged) {
  auto a = Submit("k1", 2, "74001");  // not in the catalogue: province 74 by its code
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(Text(db(), "SELECT string_agg(DISTINCT province || ' ' || tableoid::regclass::text, ',') FROM claims"),
            "74 claims_p79");
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
                           "drug_lines, high_cost, xml1, others, province) VALUES (900000, '01001', '" + ma_lk +
                           "', 1, 1, 0, 'p', 'c', '01', '2026-11-20', 0, 0, 0, 0, 0, 0, 0, '', '[]', '01'); "
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
