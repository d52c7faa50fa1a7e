// Coverage counts behind the strategy indicators (issue #3 §6): persons
// with an HI card valid on a day, in SI / UI / voluntary SI that month,
// alive in the registry — per province and for the whole country.
//
// Compares, in the same run and on the same database, the engine's way
// (CountCoverage: three sequential reads into one byte of flags per person,
// counted in C++) with the natural alternative (one SQL aggregate per
// figure, COUNT(DISTINCT ...) joined to persons, as a first version did).
// Data: N persons over 20 provinces, 90% with a valid card, 40% in an SI
// period (of which 5% voluntary), 35% in UI; built with bulk writes.
//   bench_coverage [--sizes 1000000,5000000] [--db sqlite|postgres URL]
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>

#include "bench/bench_util.h"
#include "capabilities/all.h"
#include "law/contribution.h"
#include "programmes/coverage.h"

using namespace bhxh;

namespace {

Status Fill(Db& db, int64_t n) {
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> u(0, 1);
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  {
    BHXH_ASSIGN_OR_RETURN(auto w, db.Bulk("employers", {"id", "code", "tax_code", "name", "type", "province", "region",
                                                        "created_at", "created_by"}));
    for (int i = 1; i <= 1000; ++i) {
      w->Int(i);
      w->Text("E" + std::to_string(i));
      w->Text("T" + std::to_string(i));
      w->Text("Đơn vị " + std::to_string(i));
      w->Text("enterprise");
      w->Text("01");
      w->Int(1);
      w->Text("2026-01-01T00:00:00Z");
      w->Text("bench");
      BHXH_RETURN_IF_ERROR(w->EndRow());
    }
    BHXH_RETURN_IF_ERROR(w->Finish());
  }
  {
    BHXH_ASSIGN_OR_RETURN(auto w, db.Bulk("persons", {"id", "cccd", "full_name", "name_key", "dob", "sex", "province",
                                                      "commune", "created_at", "created_by"}));
    char cccd[32];
    for (int64_t i = 1; i <= n; ++i) {
      std::snprintf(cccd, sizeof cccd, "001%09lld", static_cast<long long>(i));
      w->Int(i);
      w->Text(cccd);
      w->Text("Nguyễn Văn A");
      w->Text("nguyen van a");
      w->Text(i % 10 == 0 ? "2028-01-01" : "1985-06-15");  // 10% not yet born on the day: not counted
      w->Int(1);
      char prov[8];
      std::snprintf(prov, sizeof prov, "%02d", static_cast<int>(1 + i % 20));
      w->Text(prov);
      w->Text("");
      w->Text("2026-01-01T00:00:00Z");
      w->Text("bench");
      BHXH_RETURN_IF_ERROR(w->EndRow());
    }
    BHXH_RETURN_IF_ERROR(w->Finish());
  }
  {
    BHXH_ASSIGN_OR_RETURN(auto w, db.Bulk("hi_cards", {"person_id", "code", "valid_from", "valid_to", "facility",
                                                       "status", "issued_by"}));
    for (int64_t i = 1; i <= n; ++i) {
      if (u(rng) > 0.9) continue;
      w->Int(i);
      w->Text("DN4010123456789");
      w->Text("2025-01-01");
      w->Text(u(rng) < 0.95 ? "2026-12-31" : "2025-06-30");
      w->Text("01001");
      w->Text("active");
      w->Text("bench");
      BHXH_RETURN_IF_ERROR(w->EndRow());
    }
    BHXH_RETURN_IF_ERROR(w->Finish());
  }
  {
    BHXH_ASSIGN_OR_RETURN(auto w, db.Bulk("periods", {"person_id", "employer_id", "from_month", "to_month", "salary",
                                                      "funds", "group_code"}));
    for (int64_t i = 1; i <= n; ++i) {
      if (u(rng) > 0.4) continue;
      bool voluntary = u(rng) < 0.05;
      w->Int(i);
      if (voluntary)
        w->Null();
      else
        w->Int(1 + static_cast<int64_t>(i % 1000));
      w->Int(2020 * 12);
      if (u(rng) < 0.9)
        w->Null();
      else
        w->Int(2025 * 12 + 5);
      w->Int(10'000'000);
      w->Int(voluntary ? FundBit(Fund::kRetirement) : (u(rng) < 0.88 ? kAllFunds : FundBit(Fund::kRetirement)));
      w->Text(voluntary ? "BHXHTN" : "DN");
      BHXH_RETURN_IF_ERROR(w->EndRow());
    }
    BHXH_RETURN_IF_ERROR(w->Finish());
  }
  return tx.Commit();
}

// The natural alternative: one aggregate query per figure.
Result<CoverageCounts> CountBySql(Db& db, Date day, const std::string& province) {
  std::string d = day.ToString();
  int64_t m = static_cast<int64_t>(day.year()) * 12 + (Month::OfDate(day).month() - 1);
  std::string alive = " AND p.dob <= '" + d +
                      "' AND (p.deceased_on IS NULL OR p.deceased_on = '' OR p.deceased_on > '" + d + "')" +
                      (province.empty() ? "" : " AND p.province = '" + province + "'");
  std::string period =
      "FROM periods pe JOIN persons p ON p.id = pe.person_id WHERE pe.from_month <= " + std::to_string(m) +
      " AND (pe.to_month IS NULL OR pe.to_month >= " + std::to_string(m) + ")" + alive;
  CoverageCounts c;
  BHXH_ASSIGN_OR_RETURN(c.alive, db.QueryInt("SELECT COUNT(*) FROM persons p WHERE 1 = 1" + alive));
  BHXH_ASSIGN_OR_RETURN(c.hi, db.QueryInt("SELECT COUNT(DISTINCT c.person_id) FROM hi_cards c JOIN persons p ON "
                                          "p.id = c.person_id WHERE c.status = 'active' AND c.valid_from <= '" +
                                          d + "' AND c.valid_to >= '" + d + "'" + alive));
  BHXH_ASSIGN_OR_RETURN(c.si,
                        db.QueryInt("SELECT COUNT(DISTINCT pe.person_id) " + period + " AND (pe.funds & 1) <> 0"));
  BHXH_ASSIGN_OR_RETURN(c.ui,
                        db.QueryInt("SELECT COUNT(DISTINCT pe.person_id) " + period + " AND (pe.funds & 8) <> 0"));
  BHXH_ASSIGN_OR_RETURN(c.voluntary, db.QueryInt("SELECT COUNT(DISTINCT pe.person_id) " + period +
                                                 " AND (pe.funds & 1) <> 0 AND pe.employer_id IS NULL"));
  return c;
}

bool Same(const CoverageCounts& a, const CoverageCounts& b) {
  return a.alive == b.alive && a.hi == b.hi && a.si == b.si && a.ui == b.ui && a.voluntary == b.voluntary;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<int64_t> sizes = {1'000'000};
  std::string url;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--sizes")) sizes = bench::ParseList<int64_t>(argv[i + 1]);
    if (!std::strcmp(argv[i], "--db")) url = argv[i + 1];
  }
  Date day = Date::FromYmd(2025, 12, 31);
  std::printf("%10s | %-26s | %-26s | %s\n", "persons", "columns (CountCoverage)", "SQL aggregates", "counts equal");
  std::printf("%10s | %12s %13s | %12s %13s |\n", "", "country s", "province s", "country s", "province s");
  for (int64_t n : sizes) {
    std::string path = "/tmp/bhxh-coverage-bench.db";
    std::filesystem::remove(path);
    auto db = Db::Open(url.empty() ? path : url);
    if (!db.ok()) {
      std::fprintf(stderr, "%s\n", db.status().ToString().c_str());
      return 1;
    }
    if (auto m = Migrate(**db, AllMigrations()); !m.ok()) {
      std::fprintf(stderr, "%s\n", m.status().ToString().c_str());
      return 1;
    }
    if (Status s = Fill(**db, n); !s.ok()) {
      std::fprintf(stderr, "%s\n", s.ToString().c_str());
      return 1;
    }
    bench::ResetPeak();
    double t0 = bench::Now();
    auto a = CountCoverage(**db, day, {});
    double t1 = bench::Now();
    auto ap = CountCoverage(**db, day, {"07"});
    double t2 = bench::Now();
    double peak = bench::PeakMiB();
    auto b = CountBySql(**db, day, "");
    double t3 = bench::Now();
    auto bp = CountBySql(**db, day, "07");
    double t4 = bench::Now();
    // The cut-off path: the day counted once for every province, then
    // the country and a province read from the snapshot.
    auto snap = SnapshotCoverage(**db, day, Actor{"bench", {"officer"}, "", "", "", ""});
    double t5 = bench::Now();
    auto sa = CountCoverage(**db, day, {});
    auto sp = CountCoverage(**db, day, {"07"});
    double t6 = bench::Now();
    if (!a.ok() || !ap.ok() || !b.ok() || !bp.ok() || !snap.ok() || !sa.ok() || !sp.ok()) {
      std::fprintf(stderr, "query failed\n");
      return 1;
    }
    std::printf(
        "%10lld | %12.2f %13.2f | %12.2f %13.2f | %s (alive %lld, HI %lld, SI %lld, UI %lld, voluntary %lld; peak %.0f "
        "MiB)\n",
        static_cast<long long>(n), t1 - t0, t2 - t1, t3 - t2, t4 - t3, Same(*a, *b) && Same(*ap, *bp) ? "yes" : "NO",
        static_cast<long long>(a->alive), static_cast<long long>(a->hi), static_cast<long long>(a->si),
        static_cast<long long>(a->ui), static_cast<long long>(a->voluntary), peak);
    std::printf("%10s | snapshot of every province %.2f s; country and province read from it %.2f ms; %s\n", "",
                t5 - t4, (t6 - t5) * 1000, Same(*sa, *a) && Same(*sp, *ap) ? "same counts" : "DIFFERENT");
    std::filesystem::remove(path);
  }
  return 0;
}
