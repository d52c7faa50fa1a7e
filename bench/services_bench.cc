// Public services (issue #14): deadline arithmetic and the dossier list of
// a province with 100,000 open dossiers, per request.
//
// 1. Deadline arithmetic: ComputeDeadline over the in-memory working-day
//    calendar (file + corrections), for receipts spread over 2025–2026, per
//    call; beside it the natural alternative, the same count asked of the
//    database (a calendar table of every day with a working flag, the N-th
//    working day after the start by ORDER BY … LIMIT 1 OFFSET N-1).
// 2. The dossier list: N open dossiers (default 100,000) in one province,
//    written in bulk; the officer's lists — the first page of open
//    dossiers by due date, those needing an apology, a later page, and one
//    dossier with its steps — per request through the engine; beside it
//    the alternative of loading every open dossier and sorting in memory.
//   bench_services [--dossiers 100000] [--db URL]
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <thread>

#include "bench/bench_context.h"
#include "bench/bench_util.h"
#include "capabilities/all.h"
#include "platform/context.h"
#include "services/dossiers.h"
#include "services/module.h"

using namespace bhxh;

int main(int argc, char** argv) {
  int64_t n = 100'000;
  std::string url;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--dossiers")) n = std::atoll(argv[i + 1]);
    if (!std::strcmp(argv[i], "--db")) url = argv[i + 1];
  }
  std::string data = std::getenv("BHXH_DATA") ? std::getenv("BHXH_DATA") : "data";
  std::printf("machine: %s, %u threads\n", bench::Cpu().c_str(), std::thread::hardware_concurrency());
  std::string dir;
  auto ctx = bench::OpenBenchContext("services", data, url, &dir);
  if (!ctx.ok()) {
    std::fprintf(stderr, "%s\n", ctx.status().ToString().c_str());
    return 1;
  }
  AppContext& c = **ctx;
  const ServicesData& sd = c.State<ServicesState>().data();
  auto lease = c.pool->Acquire();
  if (!lease.ok()) return 1;
  Db& db = **lease;
  auto die = [](const Status& s) {
    std::fprintf(stderr, "%s\n", s.ToString().c_str());
    std::exit(1);
  };

  // 1. Deadlines.
  {
    auto cal = LoadCalendar(db, sd);
    if (!cal.ok()) die(cal.status());
    const int calls = 200'000;
    double t0 = bench::Now();
    int64_t check = 0;
    for (int i = 0; i < calls; ++i) {
      LocalTime at{Date::FromYmd(2025, 1, 2).AddDays(i % 700), 8 * 60 + (i % 600)};
      auto d = ComputeDeadline(*cal, at, 17 * 60, 5 + i % 16, "working_days");
      check += d->due.days();
    }
    double mem = (bench::Now() - t0) / calls;
    // The alternative: the calendar as a table, the count as a query.
    if (!db.Exec("CREATE TABLE bench_days (day TEXT PRIMARY KEY, working INTEGER NOT NULL)").ok()) return 1;
    {
      Tx tx(db);
      auto ins = db.Prepare("INSERT INTO bench_days (day, working) VALUES (?, ?)");
      for (Date d = Date::FromYmd(2025, 1, 1); d <= Date::FromYmd(2027, 12, 31); d = d.AddDays(1)) {
        (*ins)->Reset();
        if (Status s = (*ins)->Bind(d.ToString(), cal->IsWorkingDay(d) ? 1 : 0).Run(); !s.ok()) die(s);
      }
      if (!tx.Commit().ok()) return 1;
    }
    auto q = db.Prepare("SELECT day FROM bench_days WHERE working = 1 AND day > ? ORDER BY day LIMIT 1 OFFSET ?");
    const int qcalls = 20'000;
    int64_t found = 0;
    std::vector<int32_t> sql_due;
    sql_due.reserve(qcalls);
    t0 = bench::Now();
    for (int i = 0; i < qcalls; ++i) {
      Date start = Date::FromYmd(2025, 1, 2).AddDays(i % 700);
      if (!cal->IsWorkingDay(start)) start = cal->NextWorkingDay(start);
      (*q)->Reset();
      (*q)->Bind(start.ToString(), static_cast<int64_t>(5 + i % 16 - 1));
      auto row = (*q)->Step();
      if (row.ok() && *row) {
        ++found;
        sql_due.push_back(Date::Parse((*q)->Text(0), "d")->days());
      } else {
        sql_due.push_back(-1);
      }
    }
    double sql = (bench::Now() - t0) / qcalls;
    // The two answer the same.
    int64_t differ = 0;
    for (int i = 0; i < qcalls; ++i) {
      LocalTime at{Date::FromYmd(2025, 1, 2).AddDays(i % 700), 8 * 60};
      auto d = ComputeDeadline(*cal, at, 17 * 60, 5 + i % 16, "working_days");
      if (d->due.days() != sql_due[i]) ++differ;
    }
    std::printf("deadline: in memory %.2f µs/call (%d calls, checksum %lld), as a SQL query %.2f µs/call (%d calls) — %.0f×; "
                "%lld of %d answers found by SQL, %lld differ\n",
                mem * 1e6, calls, static_cast<long long>(check % 1000), sql * 1e6, qcalls, sql / mem,
                static_cast<long long>(found), qcalls, static_cast<long long>(differ));
  }

  // 2. N open dossiers in province 01, written in bulk.
  {
    double t0 = bench::Now();
    auto cal = LoadCalendar(db, sd);
    auto bulk = db.Bulk("dossiers", {"number", "procedure", "province", "channel", "filer_kind", "filer_id", "filer_name", "cccd",
                                     "employer_code", "contact", "payload", "received_at", "counted_from", "due_on",
                                     "deadline_notes", "status", "holder_unit", "holder_officer", "idempotency_key",
                                     "created_by"});
    if (!bulk.ok()) die(bulk.status());
    const char* procs[] = {"600", "SO-01", "THE-02", "CD-01", "TN-01"};
    for (int64_t i = 0; i < n; ++i) {
      Date rec = Date::FromYmd(2026, 9, 1).AddDays(static_cast<int>(i % 90));
      Date due = cal->AddWorkingDays(cal->NextWorkingDay(rec), 5 + static_cast<int>(i % 10));
      auto& w = **bulk;
      w.Text("BHXH.01-B-" + std::to_string(i));
      w.Text(procs[i % 5]);
      w.Text("01");
      w.Text(i % 3 ? "online" : "desk");
      w.Text("citizen");
      w.Text(std::to_string(1000000 + i));
      w.Text("Người nộp " + std::to_string(i));
      w.Null();
      w.Null();
      w.Text("");
      w.Text("{}");
      w.Text(rec.ToString() + "T09:00");
      w.Text(rec.ToString());
      w.Text(due.ToString());
      w.Text("[]");
      w.Text(i % 4 ? "processing" : "received");
      w.Text("Bộ phận một cửa");
      w.Text("mc");
      w.Text("bench-" + std::to_string(i));
      w.Text("bench");
      if (Status s = w.EndRow(); !s.ok()) die(s);
    }
    if (Status s = (*bulk)->Finish(); !s.ok()) die(s);
    std::printf("dossiers: %lld open dossiers written in %.1f s\n", static_cast<long long>(n), bench::Now() - t0);
    (void)db.Exec("ANALYZE");

    Date today = Date::FromYmd(2026, 11, 20);
    auto time = [&](const char* what, auto f) {
      const int reps = 50;
      f();  // warm
      double t = bench::Now();
      for (int i = 0; i < reps; ++i) f();
      std::printf("  %-52s %8.2f ms/request\n", what, (bench::Now() - t) / reps * 1e3);
    };
    DossierFilter open;
    open.provinces = {"01"};
    open.open_only = true;
    time("first page of open dossiers by due date (50)", [&] { (void)ListDossiers(db, sd, open, today, 50, 0); });
    time("page 100 of open dossiers", [&] { (void)ListDossiers(db, sd, open, today, 50, 50 * 99); });
    DossierFilter apology = open;
    apology.needs_apology = true;
    time("needing an apology, first page", [&] { (void)ListDossiers(db, sd, apology, today, 50, 0); });
    time("one dossier with its steps", [&] { (void)GetDossier(db, 1 + n / 2); });
    time("alternative: load every open dossier, sort in memory", [&] {
      auto st = db.Prepare("SELECT id, due_on, number, procedure, filer_name FROM dossiers WHERE province = '01' AND "
                           "status IN ('received','processing','supplement')");
      std::vector<std::pair<std::string, int64_t>> rows;
      while (true) {
        auto r = (*st)->Step();
        if (!r.ok() || !*r) break;
        rows.push_back({(*st)->Text(1), (*st)->Int(0)});
      }
      std::partial_sort(rows.begin(), rows.begin() + std::min<size_t>(50, rows.size()), rows.end());
    });
  }
  std::filesystem::remove_all(dir);
  return 0;
}
