// Participant development (issue #14): cross-matching a national year of tax
// data — about 900,000 employers and 25 million people with wage income —
// against the national record. Goal: ≤ 30 s on this 2-core machine.
//
// 1. The match over columns at national scale (--employers, --workers):
//    CrossMatch on generated columns with planted gaps; the findings are
//    counted against the plant (every planted gap found, nothing else).
// 2. Through the database at --db-scale (default 0.1 of national): the same
//    kind of data written to the real tables (persons, employers, periods,
//    tax_workforce, tax_workers, business_register), then the engine's
//    RunMatch (bulk load into columns, match, store the findings) beside the
//    natural alternative, the same match as SQL (aggregates, an anti-join
//    for the missing people, the unregistered by outer joins); the two must
//    find the same employers.
//   bench_development [--employers 900000] [--workers 25000000] [--db-scale 0.1] [--db URL]
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <set>
#include <thread>

#include <boost/sort/spreadsort/integer_sort.hpp>

#include "bench/bench_context.h"
#include "bench/bench_util.h"
#include "capabilities/all.h"
#include "development/module.h"
#include "law/contribution.h"
#include "platform/context.h"

using namespace bhxh;

namespace {

// The plant, by employer index i of n:
//   i % 20 == 0  pays wages, has no SI registration           → unregistered
//   i % 20 == 1  one listed worker missing in SI               → under_declared
//   i % 20 == 2  SI salaries 20% below the tax wage            → under_declared
//   otherwise    SI matches tax exactly                         → nothing
// and register-only businesses r of m: r % 4 == 0 no declared workers,
// r % 4 == 1 registered 10 days ago (within the deadline), otherwise
// declared workers past the deadline → unregistered.
struct Plan {
  int64_t employers, workers, register_only;
  int year = 2025;
  Date as_of = Date::FromYmd(2026, 3, 15);
  int WorkersOf(int64_t i) const { return static_cast<int>(1 + (i * 7919) % (2 * workers / employers - 1)); }
  int64_t Expected() const {
    int64_t e = 0;
    for (int64_t i = 0; i < employers; ++i) e += (i % 20) <= 2;
    for (int64_t r = 0; r < register_only; ++r) e += (r % 4) >= 2;
    return e;
  }
};

std::string TaxCode(int64_t i) { return std::to_string(1'000'000'000 + i); }  // 10 digits
uint64_t Cccd(int64_t k) { return 100'000'000'000ULL + static_cast<uint64_t>(k); }
constexpr int64_t kSalary = 8'000'000;

MatchColumns Columns(const Plan& p, int64_t* tax_rows) {
  MatchColumns c;
  int64_t k = 0;
  for (int64_t i = 0; i < p.employers; ++i) {
    std::string code = TaxCode(i);
    int w = p.WorkersOf(i);
    bool in_si = i % 20 != 0;
    uint32_t si = 0;
    if (in_si) {
      si = static_cast<uint32_t>(c.si_tax_code.size());
      c.si_tax_code.Add(code);
      c.si_code.Add("E" + std::to_string(i));
      c.si_name.Add("Công ty");
      c.si_province.Add("01");
    }
    uint32_t tx = static_cast<uint32_t>(c.tx_tax_code.size());
    c.tx_tax_code.Add(code);
    c.tx_name.Add("Công ty");
    c.tx_province.Add("01");
    c.tx_workers.push_back(w);
    c.tx_wage.push_back(w * kSalary * 12);
    for (int j = 0; j < w; ++j, ++k) {
      c.tw_employer.push_back(tx);
      c.tw_cccd.push_back(Cccd(k));
      c.tw_income.push_back(kSalary * 12);
      if (!in_si || (i % 20 == 1 && j == 0)) continue;
      c.eng_employer.push_back(si);
      c.eng_cccd.push_back(Cccd(k));
      c.eng_wage.push_back((i % 20 == 2 ? kSalary * 8 / 10 : kSalary) * 12);
    }
    c.br_tax_code.Add(code);
    c.br_name.Add("Công ty");
    c.br_province.Add("01");
    c.br_commune.Add("00001");
    c.br_registered.push_back(Date::FromYmd(2020, 1, 1).days());
    c.br_active.push_back(1);
    c.br_labour.push_back(w);
  }
  for (int64_t r = 0; r < p.register_only; ++r) {
    c.br_tax_code.Add(TaxCode(p.employers + r));
    c.br_name.Add("Hộ kinh doanh");
    c.br_province.Add("01");
    c.br_commune.Add("00002");
    c.br_registered.push_back(r % 4 == 1 ? p.as_of.AddDays(-10).days() : Date::FromYmd(2024, 6, 1).days());
    c.br_active.push_back(1);
    c.br_labour.push_back(r % 4 == 0 ? 0 : 3);
  }
  *tax_rows = k;
  return c;
}

void Die(const Status& s) {
  std::fprintf(stderr, "%s\n", s.ToString().c_str());
  std::exit(1);
}

// The plan written to the real tables.
void Write(Db& db, const Plan& p) {
  auto bulk = [&](const char* table, std::vector<std::string> cols) {
    auto w = db.Bulk(table, cols);
    if (!w.ok()) Die(w.status());
    return std::move(w).value();
  };
  const std::string now = "2026-03-15T00:00:00Z";
  {
    auto w = bulk("employers", {"id", "code", "tax_code", "name", "type", "province", "region", "created_at", "created_by"});
    for (int64_t i = 0; i < p.employers; ++i) {
      if (i % 20 == 0) continue;
      w->Int(i + 1);
      w->Text("E" + std::to_string(i));
      w->Text(TaxCode(i));
      w->Text("Công ty");
      w->Text("enterprise");
      w->Text("01");
      w->Int(1);
      w->Text(now);
      w->Text("bench");
      if (Status s = w->EndRow(); !s.ok()) Die(s);
    }
    if (Status s = w->Finish(); !s.ok()) Die(s);
  }
  {
    auto w = bulk("persons", {"id", "cccd", "full_name", "name_key", "dob", "sex", "province", "created_at", "created_by"});
    int64_t k = 0;
    for (int64_t i = 0; i < p.employers; ++i)
      for (int j = 0; j < p.WorkersOf(i); ++j, ++k) {
        w->Int(k + 1);
        w->Text(std::to_string(Cccd(k)));
        w->Text("Người lao động");
        w->Text("nguoi lao dong");
        w->Text("1990");
        w->Int(1);
        w->Text("01");
        w->Text(now);
        w->Text("bench");
        if (Status s = w->EndRow(); !s.ok()) Die(s);
      }
    if (Status s = w->Finish(); !s.ok()) Die(s);
  }
  {
    auto w = bulk("periods", {"person_id", "employer_id", "from_month", "to_month", "salary", "funds", "group_code"});
    int64_t k = 0;
    for (int64_t i = 0; i < p.employers; ++i)
      for (int j = 0; j < p.WorkersOf(i); ++j, ++k) {
        if (i % 20 == 0 || (i % 20 == 1 && j == 0)) continue;
        w->Int(k + 1);
        w->Int(i + 1);
        w->Int(Month::Of(2022, 1).index());
        w->Null();
        w->Int(i % 20 == 2 ? kSalary * 8 / 10 : kSalary);
        w->Int(kAllFunds);
        w->Text("DN");
        if (Status s = w->EndRow(); !s.ok()) Die(s);
      }
    if (Status s = w->Finish(); !s.ok()) Die(s);
  }
  {
    auto w = bulk("tax_workforce", {"tax_code", "year", "employees", "wage_bill", "source", "loaded_at", "loaded_by", "name", "province"});
    for (int64_t i = 0; i < p.employers; ++i) {
      w->Text(TaxCode(i));
      w->Int(p.year);
      w->Int(p.WorkersOf(i));
      w->Int(p.WorkersOf(i) * kSalary * 12);
      w->Text("bench");
      w->Text(now);
      w->Text("bench");
      w->Text("Công ty");
      w->Text("01");
      if (Status s = w->EndRow(); !s.ok()) Die(s);
    }
    if (Status s = w->Finish(); !s.ok()) Die(s);
  }
  {
    auto w = bulk("tax_workers", {"year", "tax_code", "cccd", "full_name", "income", "import_id"});
    int64_t k = 0;
    for (int64_t i = 0; i < p.employers; ++i) {
      std::string code = TaxCode(i);
      for (int j = 0; j < p.WorkersOf(i); ++j, ++k) {
        w->Int(p.year);
        w->Text(code);
        w->Text(std::to_string(Cccd(k)));
        w->Text("Người lao động");
        w->Int(kSalary * 12);
        w->Int(0);
        if (Status s = w->EndRow(); !s.ok()) Die(s);
      }
    }
    if (Status s = w->Finish(); !s.ok()) Die(s);
  }
  {
    auto w = bulk("business_register", {"tax_code", "name", "address", "province", "commune", "registered_on", "status",
                                        "declared_labour", "import_id"});
    auto row = [&](const std::string& code, const std::string& commune, Date reg, int64_t labour) {
      w->Text(code);
      w->Text("Công ty");
      w->Text("");
      w->Text("01");
      w->Text(commune);
      w->Text(reg.ToString());
      w->Text("active");
      w->Int(labour);
      w->Int(0);
      if (Status s = w->EndRow(); !s.ok()) Die(s);
    };
    for (int64_t i = 0; i < p.employers; ++i) row(TaxCode(i), "00001", Date::FromYmd(2020, 1, 1), p.WorkersOf(i));
    for (int64_t r = 0; r < p.register_only; ++r)
      row(TaxCode(p.employers + r), "00002", r % 4 == 1 ? p.as_of.AddDays(-10) : Date::FromYmd(2024, 6, 1), r % 4 == 0 ? 0 : 3);
    if (Status s = w->Finish(); !s.ok()) Die(s);
  }
}

// The same match in SQL (SQLite): employers found, by kind.
std::pair<int64_t, int64_t> SqlMatch(Db& db, const Plan& p) {
  int32_t first = Month::Of(p.year, 1).index(), last = Month::Of(p.year, 12).index();
  std::string F = std::to_string(first), L = std::to_string(last), Y = std::to_string(p.year);
  std::string deadline = p.as_of.AddDays(-30).ToString();
  auto exec = [&](const std::string& sql) {
    if (Status s = db.Exec(sql); !s.ok()) Die(s);
  };
  exec("DROP TABLE IF EXISTS temp.si_emp; DROP TABLE IF EXISTS temp.missing");
  exec("CREATE TEMP TABLE si_emp AS SELECT e.tax_code AS tax_code, COUNT(DISTINCT p.person_id) AS workers, "
       "SUM(p.salary * (MIN(COALESCE(p.to_month, " + L + "), " + L + ") - MAX(p.from_month, " + F + ") + 1)) AS wage "
       "FROM periods p JOIN employers e ON e.id = p.employer_id WHERE p.from_month <= " + L +
       " AND (p.to_month IS NULL OR p.to_month >= " + F + ") GROUP BY e.tax_code");
  exec("CREATE TEMP TABLE missing AS SELECT tw.tax_code AS tax_code, COUNT(*) AS people, SUM(tw.income) AS income "
       "FROM tax_workers tw JOIN employers e ON e.tax_code = tw.tax_code WHERE tw.year = " + Y +
       " AND NOT EXISTS (SELECT 1 FROM periods p JOIN persons pe ON pe.id = p.person_id WHERE p.employer_id = e.id "
       "AND pe.cccd = tw.cccd AND p.from_month <= " + L + " AND (p.to_month IS NULL OR p.to_month >= " + F + ")) "
       "GROUP BY tw.tax_code");
  auto under = db.QueryInt(
      "SELECT COUNT(*) FROM tax_workforce t JOIN employers e ON e.tax_code = t.tax_code LEFT JOIN si_emp s ON "
      "s.tax_code = t.tax_code LEFT JOIN missing m ON m.tax_code = t.tax_code WHERE t.year = " + Y +
      " AND (COALESCE(m.people, 0) > 0 OR t.wage_bill - COALESCE(s.wage, 0) > t.wage_bill / 10)");
  auto unreg = db.QueryInt(
      "SELECT (SELECT COUNT(*) FROM tax_workforce t WHERE t.year = " + Y +
      " AND NOT EXISTS (SELECT 1 FROM employers e WHERE e.tax_code = t.tax_code)) + (SELECT COUNT(*) FROM "
      "business_register b WHERE b.status = 'active' AND b.declared_labour > 0 AND b.registered_on < '" + deadline +
      "' AND NOT EXISTS (SELECT 1 FROM employers e WHERE e.tax_code = b.tax_code) AND NOT EXISTS (SELECT 1 FROM "
      "tax_workforce t WHERE t.tax_code = b.tax_code AND t.year = " + Y + "))");
  if (!under.ok()) Die(under.status());
  if (!unreg.ok()) Die(unreg.status());
  return {*unreg, *under};
}

}  // namespace

int main(int argc, char** argv) {
  int64_t employers = 900'000, workers = 25'000'000;
  double db_scale = 0.1;
  std::string url;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--employers")) employers = std::atoll(argv[i + 1]);
    if (!std::strcmp(argv[i], "--workers")) workers = std::atoll(argv[i + 1]);
    if (!std::strcmp(argv[i], "--db-scale")) db_scale = std::atof(argv[i + 1]);
    if (!std::strcmp(argv[i], "--db")) url = argv[i + 1];
  }
  std::printf("machine: %s, %u threads\n", bench::Cpu().c_str(), std::thread::hardware_concurrency());
  std::string data = std::getenv("BHXH_DATA") ? std::getenv("BHXH_DATA") : "data";
  auto dd = DevelopmentData::Load(data + "/development");
  auto law = LawBook::Load(data + "/law");
  if (!dd.ok()) Die(dd.status());
  if (!law.ok()) Die(law.status());

  // 1. National scale over columns.
  Plan national{employers, workers, employers / 3};
  bench::ResetPeak();
  double t0 = bench::Now();
  int64_t tax_rows = 0;
  MatchColumns cols = Columns(national, &tax_rows);
  double t1 = bench::Now();
  std::vector<LawParam> cited;
  auto params = MatchParamsFor(*dd, *law, national.year, national.as_of, &cited);
  if (!params.ok()) Die(params.status());
  std::vector<MatchFinding> found = CrossMatch(cols, *params);
  double t2 = bench::Now();
  std::printf("national columns: %lld tax employers, %lld tax workers, %zu SI rows, %zu register rows (built in %.1f s)\n",
              static_cast<long long>(employers), static_cast<long long>(tax_rows), cols.eng_cccd.size(), cols.br_tax_code.size(),
              t1 - t0);
  std::printf("  CrossMatch: %.2f s, %zu findings (planted %lld) %s; peak memory %.0f MiB\n", t2 - t1, found.size(),
              static_cast<long long>(national.Expected()),
              static_cast<int64_t>(found.size()) == national.Expected() ? "= plant" : "!= PLANT", bench::PeakMiB());
  if (static_cast<int64_t>(found.size()) != national.Expected()) return 1;
  {
    // The sort inside the match, alone: Boost's spreadsort against std::sort
    // on the same (employer, person) keys.
    std::vector<uint64_t> a(cols.eng_employer.size());
    for (size_t i = 0; i < a.size(); ++i) a[i] = cols.eng_employer[i] * 1'000'000'000'000ULL + cols.eng_cccd[i];
    // In the order a national table returns them: not sorted (the plan
    // writes them sorted, which would flatter both).
    std::shuffle(a.begin(), a.end(), std::mt19937_64(42));
    std::vector<uint64_t> b = a;
    double s0 = bench::Now();
    std::sort(a.begin(), a.end());
    double s1 = bench::Now();
    boost::sort::spreadsort::integer_sort(b.begin(), b.end());
    double s2 = bench::Now();
    std::printf("  sorting %zu shuffled keys: std::sort %.2f s, spreadsort %.2f s (%s)\n", a.size(), s1 - s0, s2 - s1,
                a == b ? "same order" : "DIFFERENT");
  }
  cols = MatchColumns();

  // 2. Through the database, engine beside SQL.
  Plan scaled{static_cast<int64_t>(employers * db_scale), static_cast<int64_t>(workers * db_scale),
              static_cast<int64_t>(employers * db_scale) / 3};
  std::string dir;
  auto ctx = bench::OpenBenchContext("development", data, url, &dir);
  if (!ctx.ok()) Die(ctx.status());
  AppContext& c = **ctx;
  auto lease = c.pool->Acquire();
  if (!lease.ok()) Die(lease.status());
  Db& db = **lease;
  double w0 = bench::Now();
  Write(db, scaled);
  double w1 = bench::Now();
  std::printf("database (%s) at scale %.2f: %lld tax employers, written in %.1f s\n",
              db.dialect() == Dialect::kSqlite ? "SQLite" : "PostgreSQL", db_scale, static_cast<long long>(scaled.employers),
              w1 - w0);
  Actor bench_actor{"cli:bench", {"officer"}, "", "", "", "", "bench"};
  auto helper = c.pool->Acquire();
  if (!helper.ok()) Die(helper.status());
  for (Db* h : {static_cast<Db*>(nullptr), &**helper, static_cast<Db*>(nullptr), &**helper}) {
    double l0 = bench::Now();
    auto cols2 = LoadMatchColumns(db, h, scaled.year, scaled.as_of);
    if (!cols2.ok()) Die(cols2.status());
    std::printf("  loading the columns on %s: %.2f s\n", h ? "two connections" : "one connection", bench::Now() - l0);
  }
  auto run = RunMatch(db, &**helper, *dd, *law, scaled.year, scaled.as_of, bench_actor);
  if (!run.ok()) Die(run.status());
  double engine = run->seconds_load + run->seconds_match + run->seconds_store;
  std::printf("  engine RunMatch: %.2f s (load %.2f, match %.2f, store %.2f), %lld findings (planted %lld)\n", engine,
              run->seconds_load, run->seconds_match, run->seconds_store, static_cast<long long>(run->findings),
              static_cast<long long>(scaled.Expected()));
  if (db.dialect() == Dialect::kSqlite) {
    double s0 = bench::Now();
    auto [unreg, under] = SqlMatch(db, scaled);
    double s1 = bench::Now();
    std::printf("  same match in SQL: %.2f s, %lld unregistered + %lld under-declared (engine %lld + %lld) %s\n", s1 - s0,
                static_cast<long long>(unreg), static_cast<long long>(under), static_cast<long long>(run->unregistered),
                static_cast<long long>(run->under_declared),
                unreg == run->unregistered && under == run->under_declared ? "same" : "DIFFERENT");
    std::printf("  projected to national (×%.0f): engine %.1f s, SQL %.1f s\n", 1 / db_scale, engine / db_scale,
                (s1 - s0) / db_scale);
  }
  std::filesystem::remove_all(dir);
  return run->findings == scaled.Expected() ? 0 : 1;
}
