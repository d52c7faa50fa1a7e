// Monthly collection benchmark (issue #2): from the store to recorded dues,
// for N workers and N/20 employers, in a fresh database.
//
// For each size it loads synthetic registry rows in bulk, then times
//   (a) the engine: RunCollection (bulk read into columns, RateCards,
//       ApplyCard, bulk write of per-worker dues and employer totals);
//   (b) the natural alternative: the same computation written as one SQL
//       INSERT ... SELECT inside the same database (floors, caps and rates
//       of the same month passed in as a table), then the employer totals;
// and checks both produce the same grand total.
//
// With --shards (PostgreSQL servers without dbname, ';'-separated) a third
// run per size uses a coordinator database URL-PREFIX<N>s whose province
// partitions are placed on the shards in turn: the engine writes each
// province's dues straight to its shard (store/partitioned.h).
//
// On a single PostgreSQL server the engine writes through as many
// connections as BulkWriteConnections() gives (the machine's cores); it is
// also run with one connection (BHXH_WRITE_CONNECTIONS=1) first, in a
// transaction rolled back (the dead rows it leaves only make the timed
// run's table and indexes larger): engine1_s.
//
//   bench_collect [--sizes 1000000,2000000] [--db-dir /tmp] [--postgres URL-PREFIX] [--shards A;B]
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "bench/bench_util.h"
#include "capabilities/all.h"
#include "claims/module.h"
#include "collection/collect.h"
#include "eligibility/module.h"
#include "law/contribution.h"
#include "platform/context.h"
#include "store/partitioned.h"

using namespace bhxh;
using bhxh::bench::Now;

namespace {

std::vector<std::string> provinces;  // today's units; employers are spread over them
std::vector<std::string> shards;     // --shards: servers the provinces are placed on, in turn

// A coordinator whose province partitions of dues are placed on the shards
// in turn (a fresh database per size on each), the default partition kept.
Status PlaceOnShards(Db& coord, const std::vector<std::string>& servers, int64_t n) {
  std::vector<std::unique_ptr<Db>> dbs;
  for (size_t k = 0; k < servers.size(); ++k) {
    std::string name = "collshard" + std::to_string(n) + "_" + std::to_string(k);
    BHXH_ASSIGN_OR_RETURN(auto admin, Db::Open(servers[k] + " dbname=postgres"));
    BHXH_RETURN_IF_ERROR(admin->Exec("DROP DATABASE IF EXISTS " + name));
    BHXH_RETURN_IF_ERROR(admin->Exec("CREATE DATABASE " + name));
    BHXH_RETURN_IF_ERROR(AddShardServer(coord, "shard" + std::to_string(k), servers[k] + " dbname=" + name));
    BHXH_ASSIGN_OR_RETURN(auto db, Db::Open(servers[k] + " dbname=" + name));
    dbs.push_back(std::move(db));
  }
  for (size_t i = 0; i < provinces.size(); ++i)
    BHXH_RETURN_IF_ERROR(PlaceEmptyPartition(coord, *dbs[i % dbs.size()], "dues_p" + provinces[i],
                                             "shard" + std::to_string(i % dbs.size())));
  return Status::Ok();
}

Status Load(Db& db, int64_t workers, int64_t employers) {
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(
      auto pe, db.Bulk("persons", {"id", "cccd", "full_name", "name_key", "dob", "sex", "created_at", "created_by"}));
  char buf[32];
  for (int64_t i = 1; i <= workers; ++i) {
    std::snprintf(buf, sizeof buf, "0010%02lld%06lld", static_cast<long long>(70 + i / 1000000),
                  static_cast<long long>(i % 1000000));
    pe->Int(i);
    pe->Text(buf);
    pe->Text("Nguyễn Văn An");
    pe->Text("nguyen van an");
    pe->Text("1980-01-01");
    pe->Int(1);
    pe->Text("2025-01-01");
    pe->Text("bench");
    BHXH_RETURN_IF_ERROR(pe->EndRow());
  }
  BHXH_RETURN_IF_ERROR(pe->Finish());
  BHXH_ASSIGN_OR_RETURN(auto em, db.Bulk("employers", {"id", "code", "tax_code", "name", "type", "province", "region",
                                                       "created_at", "created_by"}));
  for (int64_t e = 1; e <= employers; ++e) {
    std::snprintf(buf, sizeof buf, "01A%07lld", static_cast<long long>(e));
    em->Int(e);
    em->Text(buf);
    std::snprintf(buf, sizeof buf, "01%08lld", static_cast<long long>(e));
    em->Text(buf);
    em->Text("Công ty");
    em->Text(e % 20 == 0 ? "state_agency" : "enterprise");
    em->Text(provinces[static_cast<size_t>(e) % provinces.size()]);  // spread over today's 34 units
    em->Int(1 + e % 3);
    em->Text("2025-01-01");
    em->Text("bench");
    BHXH_RETURN_IF_ERROR(em->EndRow());
  }
  BHXH_RETURN_IF_ERROR(em->Finish());
  BHXH_ASSIGN_OR_RETURN(auto es,
                        db.Bulk("employer_status", {"employer_id", "effective_from", "status", "recorded_by"}));
  for (int64_t e = 1; e <= employers; ++e) {
    es->Int(e);
    es->Text("2015-01-01");
    es->Text("active");
    es->Text("bench");
    BHXH_RETURN_IF_ERROR(es->EndRow());
  }
  BHXH_RETURN_IF_ERROR(es->Finish());
  BHXH_ASSIGN_OR_RETURN(auto pw, db.Bulk("periods", {"person_id", "employer_id", "from_month", "to_month", "salary",
                                                     "funds", "group_code", "province"}));
  uint64_t x = 88172645463325252ULL;
  for (int64_t i = 1; i <= workers; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    int64_t e = 1 + static_cast<int64_t>(x % static_cast<uint64_t>(employers));
    pw->Int(i);
    pw->Int(e);
    pw->Int(Month::Of(2024, 1).index());
    pw->Null();
    pw->Int(4'000'000 + static_cast<int64_t>((x >> 20) % 60'000'000));  // some below the floor, some above caps
    pw->Int(kAllFunds);
    pw->Text(e % 20 == 0 ? "HC" : "DN");
    pw->Text(provinces[static_cast<size_t>(e) % provinces.size()]);  // the employer's
    BHXH_RETURN_IF_ERROR(pw->EndRow());
  }
  BHXH_RETURN_IF_ERROR(pw->Finish());
  return tx.Commit();
}

// The SQL alternative: the month's cards as a table, one INSERT ... SELECT.
Result<int64_t> CollectInSql(Db& db, const LawBook& law, Month month) {
  BHXH_RETURN_IF_ERROR(db.Exec("DROP TABLE IF EXISTS bench_cards"));
  BHXH_RETURN_IF_ERROR(db.Exec("DROP TABLE IF EXISTS bench_dues"));
  BHXH_RETURN_IF_ERROR(
      db.Exec("CREATE TABLE bench_cards (group_code TEXT, region INTEGER, fund INTEGER, floor BIGINT, cap BIGINT, er "
              "BIGINT, ee BIGINT)"));
  BHXH_RETURN_IF_ERROR(
      db.Exec("CREATE TABLE bench_dues (period_id BIGINT, employer_id BIGINT, fund INTEGER, base BIGINT, er BIGINT, ee "
              "BIGINT)"));
  BHXH_ASSIGN_OR_RETURN(auto w, db.Bulk("bench_cards", {"group_code", "region", "fund", "floor", "cap", "er", "ee"}));
  for (const char* g : {"DN", "HC"})
    for (int region = 1; region <= 4; ++region) {
      BHXH_ASSIGN_OR_RETURN(GroupRule gr, law.Group(g, month.FirstDay()));
      BHXH_ASSIGN_OR_RETURN(RateCard c, BuildRateCard(law, gr.scheme, month, region));
      for (int f = 0; f < kFundCount; ++f) {
        if (!c.funds[f].present) continue;
        w->Text(g);
        w->Int(region);
        w->Int(f);
        w->Int(c.funds[f].floor);
        w->Int(c.funds[f].cap);
        w->Int(c.funds[f].rate[0]);
        w->Int(c.funds[f].rate[1]);
        BHXH_RETURN_IF_ERROR(w->EndRow());
      }
    }
  BHXH_RETURN_IF_ERROR(w->Finish());
  std::string m = std::to_string(month.index());
  // base = min(max(salary, floor), cap); amount = round_half_up(base × rate / 1e6)
  std::string sql =
      "INSERT INTO bench_dues SELECT p.id, p.employer_id, c.fund, b.base, (b.base * c.er + 500000) / 1000000, "
      "(b.base * c.ee + 500000) / 1000000 FROM periods p JOIN employers e ON e.id = p.employer_id "
      "JOIN bench_cards c ON c.group_code = p.group_code AND c.region = e.region "
      "CROSS JOIN LATERAL (SELECT CASE WHEN p.salary < c.floor THEN CASE WHEN c.floor > c.cap THEN c.cap ELSE c.floor "
      "END "
      "WHEN p.salary > c.cap THEN c.cap ELSE p.salary END AS base) b "
      "WHERE p.from_month <= " +
      m + " AND (p.to_month IS NULL OR p.to_month >= " + m +
      ") "
      "AND (p.funds & (1 << c.fund)) <> 0";
  if (db.dialect() == Dialect::kSqlite) {
    // SQLite has no LATERAL; inline the base expression.
    std::string base = "(CASE WHEN p.salary < c.floor THEN c.floor WHEN p.salary > c.cap THEN c.cap ELSE p.salary END)";
    sql = "INSERT INTO bench_dues SELECT p.id, p.employer_id, c.fund, " + base + ", (" + base +
          " * c.er + 500000) / 1000000, (" + base +
          " * c.ee + 500000) / 1000000 FROM periods p JOIN employers e ON e.id = p.employer_id "
          "JOIN bench_cards c ON c.group_code = p.group_code AND c.region = e.region "
          "WHERE p.from_month <= " +
          m + " AND (p.to_month IS NULL OR p.to_month >= " + m +
          ") "
          "AND (p.funds & (1 << c.fund)) <> 0";
  }
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_RETURN_IF_ERROR(db.Exec(sql));
  BHXH_RETURN_IF_ERROR(db.Exec("CREATE TABLE IF NOT EXISTS bench_employer_dues (employer_id BIGINT, amount BIGINT)"));
  BHXH_RETURN_IF_ERROR(
      db.Exec("INSERT INTO bench_employer_dues SELECT employer_id, SUM(er + ee) FROM bench_dues GROUP BY employer_id"));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return db.QueryInt("SELECT SUM(amount) FROM bench_employer_dues");
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<int64_t> sizes = {1'000'000, 2'000'000};
  std::string dir = "/tmp", pg;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--sizes") {
      sizes = bench::ParseList<int64_t>(argv[i + 1]);
    } else if (a == "--db-dir")
      dir = argv[i + 1];
    else if (a == "--postgres")
      pg = argv[i + 1];
    else if (a == "--shards") {  // "host=... port=... user=...;host=... ..." (no dbname)
      std::istringstream in(argv[i + 1]);
      for (std::string s; std::getline(in, s, ';');)
        if (!s.empty()) shards.push_back(s);
    }
  }
  auto law = LawBook::Load(DefaultDataDir() + "/law");
  if (!law.ok()) {
    std::fprintf(stderr, "%s\n", law.status().ToString().c_str());
    return 1;
  }
  auto geo = Geo::Load(DefaultDataDir() + "/geo/provinces.csv");
  if (!geo.ok()) {
    std::fprintf(stderr, "%s\n", geo.status().ToString().c_str());
    return 1;
  }
  SchemaLayout layout{geo->ProvinceGroups()};  // dues partitioned by province on PostgreSQL, as deployed
  for (const auto& g : layout.provinces) provinces.push_back(g.first);
  Month month = Month::Of(2025, 8);
  Actor actor{"bench", {"officer"}, "", "", "", ""};
  auto wc = BulkWriteConnections();
  if (!wc.ok()) {
    std::fprintf(stderr, "%s\n", wc.status().ToString().c_str());
    return 1;
  }
  const int connections = *wc;
  std::printf("# bench_collect — %s, %u cores\n", bench::Cpu().c_str(), std::thread::hardware_concurrency());
  std::printf("# engine_s: the run writing through %d connection(s) to the server; engine1_s: through one\n",
              connections);
  std::printf("%-9s %-10s %9s %9s %9s %9s %10s %12s %10s %10s %s\n", "backend", "workers", "load_s", "engine_s",
              "read_s", "write_s", "peak_MiB", "w/s", "engine1_s", "sql_s", "totals");
  for (int64_t n : sizes) {
    std::vector<std::string> urls;
    std::string path = dir + "/bhxh_bench_" + std::to_string(n) + ".db";
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path + ext);
    urls.push_back(path);
    if (!pg.empty()) urls.push_back(pg + std::to_string(n));
    if (!pg.empty() && !shards.empty()) urls.push_back(pg + std::to_string(n) + "s");  // the coordinator of shards
    for (const std::string& url : urls) {
      auto db = Db::Open(url);
      if (!db.ok()) {
        std::fprintf(stderr, "%s\n", db.status().ToString().c_str());
        return 1;
      }
      if (!Migrate(**db, AllMigrations(), layout).ok()) return 1;
      bool sharded = url.back() == 's';
      if (sharded) {
        Status s = PlaceOnShards(**db, shards, n);
        if (!s.ok()) {
          std::fprintf(stderr, "%s\n", s.ToString().c_str());
          return 1;
        }
      }
      double t0 = Now();
      Status s = Load(**db, n, n / 20);
      if (!s.ok()) {
        std::fprintf(stderr, "%s\n", s.ToString().c_str());
        return 1;
      }
      double load = Now() - t0;
      // A register in service has long been vacuumed and analysed: so is
      // this one before the timed runs, or the server's autovacuum of the
      // fresh tables would share the two cores with them.
      if ((*db)->dialect() == Dialect::kPostgres && !sharded)
        if (Status v = (*db)->Exec("VACUUM (ANALYZE) persons, employers, employer_status, periods"); !v.ok()) {
          std::fprintf(stderr, "%s\n", v.ToString().c_str());
          return 1;
        }
      double engine1 = 0;
      if ((*db)->dialect() == Dialect::kPostgres && !sharded) {
        const std::string spread = std::to_string(connections);
        setenv("BHXH_WRITE_CONNECTIONS", "1", 1);
        Tx outer(**db);  // rolled back: the timed run below writes the same month
        t0 = Now();
        auto one = RunCollection(**db, *law, month, actor);
        engine1 = Now() - t0;
        setenv("BHXH_WRITE_CONNECTIONS", spread.c_str(), 1);
        if (!one.ok()) {
          std::fprintf(stderr, "%s\n", one.status().ToString().c_str());
          return 1;
        }
      }
      // The one-connection run's rows, rolled back, are cleared before the
      // timed run (as autovacuum would soon do).
      if ((*db)->dialect() == Dialect::kPostgres && !sharded)
        if (Status v = (*db)->Exec("VACUUM dues, employer_dues"); !v.ok()) {
          std::fprintf(stderr, "%s\n", v.ToString().c_str());
          return 1;
        }
      bench::ResetPeak();
      double base_rss = bench::RssMiB();
      t0 = Now();
      auto r = RunCollection(**db, *law, month, actor);
      double engine = Now() - t0;
      if (!r.ok()) {
        std::fprintf(stderr, "%s\n", r.status().ToString().c_str());
        return 1;
      }
      double peak = bench::PeakMiB() - base_rss;
      t0 = Now();
      // The SQL alternative runs on one server (its INSERT ... SELECT into
      // foreign tables would go row batch by row batch through the coordinator).
      auto sql_total = sharded ? Result<Vnd>(r->total) : CollectInSql(**db, *law, month);
      double sql = sharded ? 0 : Now() - t0;
      if (!sql_total.ok()) {
        std::fprintf(stderr, "%s\n", sql_total.status().ToString().c_str());
        return 1;
      }
      std::printf("%-9s %-10lld %9.2f %9.2f %9.2f %9.2f %10.0f %12.0f %10.2f %10.2f %s\n",
                  (*db)->dialect() == Dialect::kSqlite ? "sqlite"
                  : sharded                            ? "pg+2shard"
                                                       : "postgres",
                  static_cast<long long>(n), load, engine, r->load_seconds + r->compute_seconds, r->write_seconds, peak,
                  n / engine, engine1, sql,
                  *sql_total == r->total
                      ? "equal"
                      : ("DIFFER " + std::to_string(*sql_total) + " vs " + std::to_string(r->total)).c_str());
      std::fflush(stdout);
    }
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path + ext);
  }
  return 0;
}
