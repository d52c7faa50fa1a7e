// Daily alerts on a hand-built history: six district hospitals of one
// province with steady costs for eight weeks; on the day, one of them
// doubles its cost per visit. It alone is alerted, on the indicators that
// rose, against its own weeks and its peers, with the figures explained.
#include "claims/alerts.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "claims/catalogue.h"
#include "testing/backend_fixture.h"

namespace bhxh {
namespace {

class Alerts : public testing::BackendTest {
 protected:
  void Insert(const std::string& facility, Date day, int visits, int64_t cost_each) {
    auto st = db().Prepare(
        "INSERT INTO claims (facility, ma_lk, version, is_current, submission_id, patient_key, card_code, kind, "
        "admitted_at, discharged_at, day, treatment_days, total_bv, claimed, approved, rejected, drug_lines, "
        "high_cost, "
        "xml1, others, month) VALUES (?,?,1,1,0,?,'',?,0,0,?,0,?,?,?,0,3,0,'{}','[]',?)");
    ASSERT_TRUE(st.ok());
    for (int i = 0; i < visits; ++i) {
      (*st)->Reset();
      std::string lk = facility + day.ToString() + "-" + std::to_string(i);
      ASSERT_TRUE(
          (*st)
              ->Bind(facility, lk, "p" + lk, "01", day.ToString(), cost_each * 1000, cost_each * 1000, cost_each * 1000,
                     day.ymd().year * 100 + day.ymd().month)
              .Run()
              .ok());
    }
  }
};

TEST_P(Alerts, OnlyTheFacilityWhoseCostsJumpIsAlertedWithItsReasons) {
  std::string fac = "code,name,level,province\n";
  for (int f = 1; f <= 6; ++f)
    fac += "0100" + std::to_string(f) + ",Bệnh viện huyện " + std::to_string(f) + ",district,01\n";
  ASSERT_TRUE(ImportCatalogue(db(), "facilities", fac, testing::TestOfficer())->accepted);
  Catalogue cat;
  ASSERT_TRUE(cat.Load(db()).ok());
  Date day = Date::FromYmd(2026, 11, 20);
  {
    Tx tx(db());
    for (int w = 0; w <= 8; ++w)
      for (int f = 1; f <= 6; ++f) {
        int64_t cost = 300'000 + f * 5'000 + (w % 3) * 2'000;  // steady, a little noise
        if (w == 0 && f == 3) cost = 650'000;                  // the jump, on the day
        Insert("0100" + std::to_string(f), day.AddDays(-7 * w), 40 + (w % 2), cost);
      }
    ASSERT_TRUE(tx.Commit().ok());
  }
  AlertParams p;
  auto run = DailyAlerts(db(), cat, p, day);
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(run->facilities_checked, 6);
  ASSERT_FALSE(run->alerts.empty());
  std::set<std::string> seen;
  for (const auto& a : run->alerts) {
    EXPECT_EQ(a.facility, "01003");
    seen.insert(a.indicator + "/" + a.baseline);
    EXPECT_GE(a.rise_percent, 30);
    EXPECT_FALSE(a.message_vi.empty());
  }
  EXPECT_TRUE(seen.count("cost_per_visit/own_weeks"));
  EXPECT_TRUE(seen.count("cost_per_visit/peers"));
  EXPECT_TRUE(seen.count("fund_cost/own_weeks"));
  EXPECT_FALSE(seen.count("visits/own_weeks"));  // volume did not jump
  // 650,000 against a median of 317,000 (own weeks 1-8: 317k/319k/315k...): about +105%.
  for (const auto& a : run->alerts)
    if (a.indicator == "cost_per_visit" && a.baseline == "own_weeks") {
      EXPECT_NEAR(a.value, 650'000, 1);
      EXPECT_NEAR(a.rise_percent, 105, 3);
    }
  // Below the minimum volume nothing is judged.
  p.min_visits = 1000;
  EXPECT_TRUE(DailyAlerts(db(), cat, p, day)->alerts.empty());
}

TEST(AlertParameters, LoadedFromDataAndValidated) {
  auto p = AlertParams::Load(testing::DataDir() + "/claims/alert_parameters.csv");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_DOUBLE_EQ(p->z_threshold, 3.5);
  EXPECT_EQ(p->min_visits, 20);
  std::string path = std::filesystem::temp_directory_path() / ("bhxh_alert_" + std::to_string(::getpid()) + ".csv");
  std::ofstream(path) << "key,value,note\nz_threshold,three,\n";
  EXPECT_NE(AlertParams::Load(path).status().field().find(":2"), std::string::npos);
  std::ofstream(path) << "key,value,note\nz_treshold,3.5,\n";  // a typo in the key
  EXPECT_FALSE(AlertParams::Load(path).ok());
  std::filesystem::remove(path);
}

INSTANTIATE_TEST_SUITE_P(Backends, Alerts, ::testing::Values("sqlite", "postgres"), testing::BackendName);

}  // namespace
}  // namespace bhxh
