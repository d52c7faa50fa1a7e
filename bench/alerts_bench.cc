// Daily alerts benchmark (issue #4): a year of current claims for F
// facilities at V visits per facility-day, then DailyAlerts for the last
// day. Two scales show how the run grows; the national figure (12,851
// facilities, ~510k visits a day) is extrapolated from them.
//
//   bench_alerts [--scales 0.01,0.02]   (fraction of the national volume)
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "bench/bench_util.h"
#include "capabilities/all.h"
#include "claims/alerts.h"
#include "claims/catalogue.h"

using namespace bhxh;
using bhxh::bench::Now;

int main(int argc, char** argv) {
  std::vector<double> scales = {0.01, 0.02};
  for (int i = 1; i + 1 < argc; i += 2)
    if (std::string(argv[i]) == "--scales") scales = bench::ParseList<double>(argv[i + 1]);
  std::printf("# bench_alerts — %s, %u cores\n", bench::Cpu().c_str(), std::thread::hardware_concurrency());
  std::printf("%-7s %-10s %-12s %9s %10s %12s %8s\n", "scale", "facilities", "claims_year", "load_s", "alerts_s",
              "rows_read", "alerts");
  Date last = Date::FromYmd(2026, 11, 20);
  for (double scale : scales) {
    int facilities = std::max(10, static_cast<int>(12'851 * scale));
    int per_day = 40;  // 12,851 × 40 ≈ 514k visits a day nationally
    std::string path = "/tmp/bhxh_alerts_bench.db";
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path + ext);
    auto db = Db::Open(path);
    if (!db.ok() || !Migrate(**db, AllMigrations()).ok()) return 1;
    double t0 = Now();
    int64_t rows = 0;
    {
      Tx tx(**db);
      auto w = (*db)->Bulk("claims", {"facility",    "ma_lk",          "version",   "is_current",  "submission_id",
                                      "patient_key", "card_code",      "kind",      "admitted_at", "discharged_at",
                                      "day",         "treatment_days", "total_bv",  "claimed",     "approved",
                                      "rejected",    "drug_lines",     "high_cost", "xml1",        "others"});
      uint64_t x = 12345;
      for (int d = 364; d >= 0; --d) {
        std::string day = last.AddDays(-d).ToString();
        for (int f = 0; f < facilities; ++f) {
          char fac[16];
          std::snprintf(fac, sizeof fac, "%05d", 10000 + f);
          bool jump = d == 0 && f % 97 == 0;
          for (int v = 0; v < per_day; ++v) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            bool inpatient = x % 4 == 0;
            int64_t cost = (inpatient ? 1'200'000 : 250'000) + static_cast<int64_t>(x % 50'000);
            if (jump) cost *= 3;
            (*w)->Text(fac);
            (*w)->Text(std::to_string(rows));
            (*w)->Int(1);
            (*w)->Int(1);
            (*w)->Int(0);
            (*w)->Text("p");
            (*w)->Text("");
            (*w)->Text(inpatient ? "03" : "01");
            (*w)->Int(0);
            (*w)->Int(0);
            (*w)->Text(day);
            (*w)->Int(inpatient ? 5 : 0);
            (*w)->Int(cost * 1000);
            (*w)->Int(cost * 1000);
            (*w)->Int(cost * 1000);
            (*w)->Int(0);
            (*w)->Int(3);
            (*w)->Int(0);
            (*w)->Text("{}");
            (*w)->Text("[]");
            if (!(*w)->EndRow().ok()) return 1;
            ++rows;
          }
        }
      }
      if (!(*w)->Finish().ok() || !tx.Commit().ok()) return 1;
    }
    double load = Now() - t0;
    Catalogue cat;
    AlertParams p;
    t0 = Now();
    auto run = DailyAlerts(**db, cat, p, last);
    double secs = Now() - t0;
    if (!run.ok()) {
      std::fprintf(stderr, "%s\n", run.status().ToString().c_str());
      return 1;
    }
    std::printf("%-7.3f %-10d %-12lld %9.1f %10.2f %12lld %8zu\n", scale, facilities, static_cast<long long>(rows),
                load, secs, static_cast<long long>(run->claims_read), run->alerts.size());
    std::fflush(stdout);
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path + ext);
  }
  return 0;
}
