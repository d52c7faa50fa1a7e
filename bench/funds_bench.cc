// The funds (issue #13): two figures.
//
// 1. The fund-balance model: the 75-year projection by single age and sex,
//    central and with 1,000 stochastic paths (goal ≤ 2 s on 2 cores), on 1
//    and 2 threads, with the cohort-steps per second.
// 2. A year of fund postings at national volume: W workers a month over
//    W/20 employers in 34 provinces, dues and payments for 12 months; the
//    engine posts each month (contributions aggregated by province and
//    fund, payments allocated through the collection ledger), closes the
//    periods and reports the year (statements of every fund, trial
//    balance). Time and peak memory. The natural alternative in the same
//    run: a journal line per worker and fund (what posting each
//    contributor's allocation would store), timed for one month.
//   bench_funds [--workers 500000] [--months 12] [--paths 1000] [--db URL]
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <random>
#include <thread>

#include "bench/bench_util.h"
#include "benefits/module.h"
#include "capabilities/all.h"
#include "funds/model.h"
#include "funds/module.h"
#include "funds/sources.h"

using namespace bhxh;

namespace {

Status Fill(Db& db, int64_t workers, int months) {
  const int64_t employers = std::max<int64_t>(1, workers / 20);
  std::mt19937_64 rng(7);
  {
    Tx tx(db);
    BHXH_RETURN_IF_ERROR(tx.status());
    BHXH_ASSIGN_OR_RETURN(auto w, db.Bulk("employers", {"id", "code", "tax_code", "name", "type", "province", "region",
                                                        "created_at", "created_by"}));
    char code[32], tax[32], prov[8];
    for (int64_t e = 1; e <= employers; ++e) {
      std::snprintf(code, sizeof code, "B%09lld", static_cast<long long>(e));
      std::snprintf(tax, sizeof tax, "%010lld", static_cast<long long>(e));
      std::snprintf(prov, sizeof prov, "%02d", static_cast<int>(1 + e % 34));
      w->Int(e);
      w->Text(code);
      w->Text(tax);
      w->Text("Công ty");
      w->Text("enterprise");
      w->Text(prov);
      w->Int(1);
      w->Text("2020-01-01T00:00:00Z");
      w->Text("bench");
      BHXH_RETURN_IF_ERROR(w->EndRow());
    }
    BHXH_RETURN_IF_ERROR(w->Finish());
    BHXH_RETURN_IF_ERROR(tx.Commit());
  }
  for (int k = 0; k < months; ++k) {
    Month m = Month::Of(2025, 1).Add(k);
    Tx tx(db);
    BHXH_RETURN_IF_ERROR(tx.status());
    std::vector<Vnd> due(static_cast<size_t>(employers + 1), 0);
    {
      BHXH_ASSIGN_OR_RETURN(
          auto w, db.Bulk("dues", {"month", "employer_id", "person_id", "period_id", "run_id", "group_code",
                                   "retirement_base", "retirement_er", "retirement_ee", "sickness_base", "sickness_er",
                                   "sickness_ee", "accident_base", "accident_er", "accident_ee", "unemployment_base",
                                   "unemployment_er", "unemployment_ee", "health_base", "health_er", "health_ee",
                                   "total", "province"}));
      for (int64_t p = 1; p <= workers; ++p) {
        int64_t e = 1 + (p - 1) % employers;
        Vnd s = 5'000'000 + static_cast<Vnd>(rng() % 100) * 100'000;
        Vnd r_er = s * 14 / 100, r_ee = s * 8 / 100, sk = s * 3 / 100, ac = s / 200, u = s / 100, h_er = s * 3 / 100,
            h_ee = s * 15 / 1000;
        Vnd total = r_er + r_ee + sk + ac + 2 * u + h_er + h_ee;
        due[static_cast<size_t>(e)] += total;
        for (int64_t v : {static_cast<int64_t>(m.index()), e, p, p, int64_t{1}}) w->Int(v);
        w->Text("DN");
        for (int64_t v : {s, r_er, r_ee, s, sk, int64_t{0}, s, ac, int64_t{0}, s, u, u, s, h_er, h_ee, total}) w->Int(v);
        char prov[8];  // the employer's, as loaded above
        std::snprintf(prov, sizeof prov, "%02d", static_cast<int>(1 + e % 34));
        w->Text(prov);
        BHXH_RETURN_IF_ERROR(w->EndRow());
      }
      BHXH_RETURN_IF_ERROR(w->Finish());
    }
    {
      BHXH_ASSIGN_OR_RETURN(auto w, db.Bulk("employer_dues", {"month", "employer_id", "run_id", "workers", "amount"}));
      for (int64_t e = 1; e <= employers; ++e) {
        for (int64_t v : {static_cast<int64_t>(m.index()), e, int64_t{1}, int64_t{20}, due[static_cast<size_t>(e)]})
          w->Int(v);
        BHXH_RETURN_IF_ERROR(w->EndRow());
      }
      BHXH_RETURN_IF_ERROR(w->Finish());
    }
    {
      // 90% of employers pay the month in full on the 20th; the rest pay nothing.
      BHXH_ASSIGN_OR_RETURN(auto w, db.Bulk("payments", {"employer_id", "paid_on", "amount", "reference", "source",
                                                         "idempotency_key", "created_at", "created_by"}));
      char key[48];
      for (int64_t e = 1; e <= employers; ++e) {
        if (e % 10 == 0) continue;
        std::snprintf(key, sizeof key, "b-%lld-%d", static_cast<long long>(e), k);
        w->Int(e);
        w->Text(m.FirstDay().AddDays(19).ToString());
        w->Int(due[static_cast<size_t>(e)]);
        w->Text(key);
        w->Text("bench");
        w->Text(key);
        w->Text("2026-01-01T00:00:00Z");
        w->Text("bench");
        BHXH_RETURN_IF_ERROR(w->EndRow());
      }
      BHXH_RETURN_IF_ERROR(w->Finish());
    }
    BHXH_RETURN_IF_ERROR(tx.Commit());
  }
  return Status::Ok();
}

// A journal line per worker and fund for one month (the alternative).
Result<double> LinePerWorker(Db& db, int64_t workers) {
  BHXH_RETURN_IF_ERROR(db.Exec("CREATE TABLE alt_lines (entry_id BIGINT, person_id BIGINT, account TEXT, fund TEXT, "
                               "province TEXT, debit BIGINT, credit BIGINT)"));
  double t = bench::Now();
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto w, db.Bulk("alt_lines", {"entry_id", "person_id", "account", "fund", "province", "debit",
                                                      "credit"}));
  static const char* kFunds[] = {"retirement", "sickness", "accident", "unemployment", "health_medical", "health_reserve"};
  for (int64_t p = 1; p <= workers; ++p)
    for (const char* f : kFunds)
      for (int side = 0; side < 2; ++side) {
        w->Int(1);
        w->Int(p);
        w->Text(side ? "contribution_revenue" : "receivable_contributions");
        w->Text(f);
        w->Text("01");
        w->Int(side ? 0 : 100'000);
        w->Int(side ? 100'000 : 0);
        BHXH_RETURN_IF_ERROR(w->EndRow());
      }
  BHXH_RETURN_IF_ERROR(w->Finish());
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return bench::Now() - t;
}

}  // namespace

int main(int argc, char** argv) {
  int64_t workers = 500'000;
  int months = 12, paths = 1000;
  std::string url;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--workers")) workers = bench::ParseList<int64_t>(argv[i + 1])[0];
    if (!std::strcmp(argv[i], "--months")) months = bench::ParseList<int>(argv[i + 1])[0];
    if (!std::strcmp(argv[i], "--paths")) paths = bench::ParseList<int>(argv[i + 1])[0];
    if (!std::strcmp(argv[i], "--db")) url = argv[i + 1];
  }
  const char* data = std::getenv("BHXH_DATA");
  std::string dir = data && *data ? data : "data";
  std::printf("machine: %s, %u threads\n", bench::Cpu().c_str(), std::thread::hardware_concurrency());

  // 1. The projection.
  {
    auto ctx = AppContext::Open({dir, "", AllCapabilities(), false});
    if (!ctx.ok()) {
      std::fprintf(stderr, "%s\n", ctx.status().ToString().c_str());
      return 1;
    }
    const FundsData& fd = (*ctx)->State<FundsState>().data();
    const BenefitLaw& bl = (*ctx)->State<BenefitsState>().law();
    ProjectionRequest req;
    double t = bench::Now();
    auto central = RunProjection(nullptr, fd, bl, (*ctx)->law, req);
    double central_s = bench::Now() - t;
    if (!central.ok()) {
      std::fprintf(stderr, "%s\n", central.status().ToString().c_str());
      return 1;
    }
    std::printf("\n== fund-balance model: 75 years x %d ages x 2 sexes ==\n", kAges);
    std::printf("central run (rules from the benefit calculator + projection): %.1f ms\n", central_s * 1e3);
    for (int threads : {1, 2}) {
      ProjectionRequest s;
      s.stochastic = true;
      s.threads = threads;
      s.set = {{"paths", std::to_string(paths)}};
      auto r = RunProjection(nullptr, fd, bl, (*ctx)->law, s);
      if (!r.ok()) return 1;
      double steps = static_cast<double>(paths) * 75 * kAges * 2;
      std::printf("%d paths, %d thread(s): %.3f s for the paths (%.1f M cohort-steps/s); depletion P50 %s, %.1f%% "
                  "of paths depleted\n",
                  paths, threads, r->stochastic->seconds, steps / r->stochastic->seconds / 1e6,
                  r->stochastic->depletion[2] ? std::to_string(*r->stochastic->depletion[2]).c_str() : "none",
                  100 * r->stochastic->share_depleted);
    }
  }

  // 2. A year of postings.
  std::string path = "/tmp/bhxh-funds-bench.db";
  std::filesystem::remove(path);
  auto ctx = AppContext::Open({dir, url.empty() ? path : url, AllCapabilities(), true});
  if (!ctx.ok()) {
    std::fprintf(stderr, "%s\n", ctx.status().ToString().c_str());
    return 1;
  }
  auto lease = (*ctx)->pool->Acquire();
  if (!lease.ok()) return 1;
  Db& db = **lease;
  std::printf("\n== a year of fund postings: %lld workers a month, %lld employers, %d months, %s ==\n",
              static_cast<long long>(workers), static_cast<long long>(workers / 20), months,
              url.empty() ? "SQLite" : "PostgreSQL");
  double t = bench::Now();
  if (Status s = Fill(db, workers, months); !s.ok()) {
    std::fprintf(stderr, "%s\n", s.ToString().c_str());
    return 1;
  }
  std::printf("generated in %.1f s\n", bench::Now() - t);
  const FundsData& fd = (*ctx)->State<FundsState>().data();
  Actor actor{"bench", {"operator"}, "", "", "", "", ""};
  bench::ResetPeak();
  double total = 0, worst = 0;
  std::map<std::string, double> by_source;
  for (int k = 0; k < months; ++k) {
    Month m = Month::Of(2025, 1).Add(k);
    t = bench::Now();
    auto r = PostSources(db, (*ctx)->law, fd.params, fd.catalog, m, actor);
    double s = bench::Now() - t;
    if (!r.ok()) {
      std::fprintf(stderr, "%s\n", r.status().ToString().c_str());
      return 1;
    }
    total += s;
    worst = std::max(worst, s);
    for (const auto& p : r->postings) by_source[p.kind] += p.seconds;
  }
  for (const auto& [kind, sec] : by_source) std::printf("  %s: %.1f s over the year\n", kind.c_str(), sec);
  t = bench::Now();
  for (int k = 0; k < months; ++k)
    if (Status s = ClosePeriod(db, Month::Of(2025, 1).Add(k), actor); !s.ok()) return 1;
  double close_s = bench::Now() - t;
  t = bench::Now();
  Span year{Month::Of(2025, 1), Month::Of(2025, 1).Add(months - 1), "năm"};
  Vnd revenue = 0;
  for (const auto& f : fd.catalog.funds()) {
    auto st = ComputeStatement(db, fd.catalog, f.code, year, "");
    if (!st.ok()) return 1;
    revenue += st->revenue;
  }
  auto tb = ComputeTrialBalance(db, fd.catalog, year, "");
  double report_s = bench::Now() - t;
  auto lines = db.QueryInt("SELECT COUNT(*) FROM fund_lines");
  std::printf("posting %d months: %.1f s (%.2f s a month, worst %.2f s); closing %.3f s; statements of every fund and "
              "the trial balance: %.3f s (balanced: %s; revenue %.0f bn VND); journal lines: %lld; peak memory %.0f MiB\n",
              months, total, total / months, worst, close_s, report_s, tb.ok() && tb->balanced() ? "yes" : "NO",
              static_cast<double>(revenue) / 1e9, lines.ok() ? static_cast<long long>(*lines) : -1LL, bench::PeakMiB());
  auto alt = LinePerWorker(db, workers);
  if (!alt.ok()) {
    std::fprintf(stderr, "%s\n", alt.status().ToString().c_str());
    return 1;
  }
  std::printf("alternative, a line per worker and fund for ONE month: %.1f s for %lld lines (vs %.2f s a month "
              "aggregated)\n",
              *alt, static_cast<long long>(workers * 12), total / months);
  return 0;
}
