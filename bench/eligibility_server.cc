// Eligibility benchmark server (issue #2): builds the in-memory card index
// with N synthetic persons, measures in-process lookups against the natural
// alternative (an indexed SQLite lookup per query), writes a sample of IDs
// for wrk, then serves the real API (the route table over the Beast server).
//
//   bench_eligibility_server --persons 1000000 --port 18181 --ids /tmp/ids.txt
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <thread>

#include "base/parse.h"
#include "bench/bench_util.h"
#include "capabilities/all.h"
#include "claims/module.h"
#include "demo/demo.h"
#include "demo/generator.h"
#include "eligibility/module.h"
#include "platform/context.h"
#include "platform/http/route_table.h"
#include "platform/http/server.h"
#include "platform/routes.h"

using namespace bhxh;
using bhxh::bench::Now;

namespace {

CardRecord Synthetic(int64_t i, Rng& rng) {
  static const char* kProv[] = {"001", "079", "031", "048", "092", "024", "038", "040", "075", "056"};
  CardRecord r;
  int year = 1940 + static_cast<int>(i % 80);
  bool female = (i / 80) % 2;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%d%02d%06lld", kProv[(i / 160) % 10], (year >= 2000 ? 2 : 0) + female, year % 100,
                static_cast<long long>(i / 1600));
  r.cccd = buf;
  std::snprintf(buf, sizeof buf, "01%08lld", static_cast<long long>(i));
  r.si_number = buf;
  r.full_name = "Nguyễn Văn An";
  r.dob = {year, 1 + static_cast<int>(rng.Next() % 12), 1 + static_cast<int>(rng.Next() % 28)};
  r.sex = female ? Sex::kFemale : Sex::kMale;
  r.card_code = "DN401" + r.si_number;
  r.valid_from = Date::FromYmd(2026, 1, 1);
  r.valid_to = Date::FromYmd(rng.Next() % 25 == 0 ? 2025 : 2026, 12, 31);
  std::snprintf(buf, sizeof buf, "01%03d", static_cast<int>(rng.Next() % 40));
  r.facility = buf;
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  int64_t persons = 1'000'000;
  int port = 18181, threads = 2;
  std::string ids_path = "/tmp/bhxh_ids.txt";
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--persons")
      persons = ParseInt(argv[i + 1], "persons", 1, 200'000'000).value();
    else if (a == "--port")
      port = ParseInt32(argv[i + 1], "port", 0, 65535).value();
    else if (a == "--ids")
      ids_path = argv[i + 1];
    else if (a == "--threads")
      threads = ParseInt32(argv[i + 1], "threads", 1, 64).value();
  }
  std::string db_path = "/tmp/bhxh_elig_bench.db";
  for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(db_path + ext);
  auto ctx = AppContext::Open({DefaultDataDir(), db_path, AllCapabilities(), true});
  if (!ctx.ok()) {
    std::fprintf(stderr, "%s\n", ctx.status().ToString().c_str());
    return 1;
  }
  {
    auto lease = (*ctx)->pool->Acquire();
    if (!EnsureDemoAccounts(**lease, "01", "").ok()) return 1;
  }
  double rss0 = bench::RssMiB();
  double t0 = Now();
  Rng rng(7);
  std::vector<CardRecord> recs;
  recs.reserve(persons);
  for (int64_t i = 0; i < persons; ++i) recs.push_back(Synthetic(i, rng));
  std::vector<std::string> sample;
  for (int64_t i = 0; i < 100000 && i < persons; ++i) sample.push_back(recs[rng.Next() % recs.size()].cccd);
  // The alternative: the same rows in an indexed SQLite table (1M at most, to keep the run short).
  int64_t sql_rows = std::min<int64_t>(persons, 1'000'000);
  auto sdb = Db::Open("/tmp/bhxh_elig_sql.db");
  if (!sdb.ok()) return 1;
  (void)(*sdb)->Exec(
      "DROP TABLE IF EXISTS cards; CREATE TABLE cards (cccd TEXT PRIMARY KEY, code TEXT, valid_from TEXT, valid_to "
      "TEXT, facility TEXT, full_name TEXT, dob TEXT)");
  {
    Tx tx(**sdb);
    auto w = (*sdb)->Bulk("cards", {"cccd", "code", "valid_from", "valid_to", "facility", "full_name", "dob"});
    for (int64_t i = 0; i < sql_rows; ++i) {
      const auto& r = recs[i];
      (*w)->Text(r.cccd);
      (*w)->Text(r.card_code);
      (*w)->Text(r.valid_from.ToString());
      (*w)->Text(r.valid_to.ToString());
      (*w)->Text(r.facility);
      (*w)->Text(r.full_name);
      (*w)->Text(r.dob.ToString());
      (void)(*w)->EndRow();
    }
    (void)(*w)->Finish();
    (void)tx.Commit();
  }
  (*ctx)->State<EligibilityState>().Replace(std::move(recs));
  double build = Now() - t0;
  double rss = bench::RssMiB();

  // In-process: index vs SQLite lookups for the same IDs (within the SQL table's range).
  std::vector<std::string> q;
  for (int64_t i = 0; i < 200000; ++i) q.push_back(sample[i % sample.size()]);
  t0 = Now();
  int ok = 0;
  for (const auto& id : q)
    ok += (*ctx)->State<EligibilityState>().cards().Check({id, "01001", "2026-11-20", "", ""})->valid;
  double idx_s = Now() - t0;
  auto st = (*sdb)->Prepare("SELECT code, valid_from, valid_to, facility FROM cards WHERE cccd = ?");
  t0 = Now();
  int found = 0;
  for (const auto& id : q) {
    (*st)->Reset();
    (*st)->Bind(id);
    found += *(*st)->Step() ? 1 : 0;
  }
  double sql_s = Now() - t0;
  std::printf("persons=%lld build_s=%.2f index_rss_MiB=%.0f process_rss_MiB=%.0f index_bytes_MiB=%.0f\n",
              static_cast<long long>(persons), build, rss - rss0, rss,
              (*ctx)->State<EligibilityState>().cards().MemoryBytes() / 1048576.0);
  std::printf("in_process_lookups_per_s index=%.0f sqlite(%lld rows)=%.0f (valid=%d found=%d)\n", q.size() / idx_s,
              static_cast<long long>(sql_rows), q.size() / sql_s, ok, found);
  {
    FILE* f = std::fopen(ids_path.c_str(), "w");
    for (const auto& s : sample) std::fprintf(f, "%s\n", s.c_str());
    std::fclose(f);
  }
  std::fflush(stdout);
  ServerOptions so;
  so.port = static_cast<unsigned short>(port);
  so.io_threads = threads;
  so.workers = threads;
  so.access_log = false;
  RouteTable table(**ctx, {});
  PlatformRoutes(table);
  for (const auto* cap : (*ctx)->capabilities())
    if (cap->routes) cap->routes(table);
  std::printf("ready\n");
  std::fflush(stdout);
  Status s = Serve(so, table);
  return s.ok() ? 0 : 1;
}
