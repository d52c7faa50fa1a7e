// Integrity (issue #15): what the access check and the chained audit row
// cost, and `audit verify` over a long chain.
//
// 1. Access check: Authorize() with the real data/access/roles.csv for a
//    national, a provincial (with the 63 → 34 expansion) and an own-scope
//    grant, per call.
// 2. One audited write per transaction, as a request makes it: the chained
//    row (head lock, hash, insert, head update) against the plain INSERT of
//    the same row (the trail before the chain), in the same run; and a bulk
//    job's rows in one transaction.
// 3. `audit verify` over N rows (default 10,000,000): the chain is filled in
//    bulk (hashes computed here, the rows written with the bulk writer),
//    then walked with every hash recomputed; the floor is reading the same
//    rows without hashing.
//   bench_integrity [--rows 10000000] [--writes 20000] [--db URL]
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <thread>

#include "bench/bench_context.h"
#include "bench/bench_util.h"
#include "capabilities/all.h"
#include "platform/access/policy.h"
#include "platform/audit/audit.h"
#include "platform/audit/chain.h"
#include "platform/context.h"

using namespace bhxh;

int main(int argc, char** argv) {
  int64_t rows = 10'000'000, writes = 20'000;
  std::string url;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--rows")) rows = std::atoll(argv[i + 1]);
    if (!std::strcmp(argv[i], "--writes")) writes = std::atoll(argv[i + 1]);
    if (!std::strcmp(argv[i], "--db")) url = argv[i + 1];
  }
  std::string data = std::getenv("BHXH_DATA") ? std::getenv("BHXH_DATA") : "data";
  std::printf("machine: %s, %u threads\n", bench::Cpu().c_str(), std::thread::hardware_concurrency());

  std::string dir;
  auto ctx = bench::OpenBenchContext("integrity", data, url, &dir);
  if (!ctx.ok()) {
    std::fprintf(stderr, "%s\n", ctx.status().ToString().c_str());
    return 1;
  }
  AppContext& c = **ctx;

  // 1. The access check.
  {
    auto expand = [&c](const std::string& p) { return c.ProvincesCovering(p); };
    struct Case {
      const char* what;
      Actor actor;
      const char* permission;
      Owner owner;
    } cases[] = {
        {"national (officer, registry.persons.read)", {"officer:x", {"officer"}, "", "", "", "", ""}, "registry.persons.read", {"79", "", "", "079085054321"}},
        {"province (provincial_officer 01, an object of 01)", {"user:p", {"provincial_officer"}, "01", "", "", "", ""}, "registry.persons.read", {"01", "", "", "001085012345"}},
        {"own (employer, its statement)", {"employer:01A1", {"employer"}, "", "01A1", "", "", ""}, "collection.statement.read", {"01", "01A1", "", ""}},
        {"denied (citizen, funds.read)", {"citizen:1", {"citizen"}, "", "", "", "001085012345", ""}, "funds.read", {}},
    };
    for (auto& k : cases) {
      const int n = 1'000'000;
      int ok = 0;
      double t0 = bench::Now();
      for (int i = 0; i < n; ++i) ok += Authorize(c.policy, k.actor, k.permission, &k.owner, expand).ok();
      double t = bench::Now() - t0;
      std::printf("access check, %s: %.0f ns per check (%d allowed)\n", k.what, t / n * 1e9, ok);
    }
  }

  auto lease = c.pool->Acquire();
  if (!lease.ok()) return 1;
  Db& db = **lease;
  Actor actor{"officer:bench", {"officer"}, "01", "", "", "", ""};

  // 2. Audited writes.
  {
    auto plain = db.Prepare("INSERT INTO audit_log (at, actor, action, entity, entity_key, detail) VALUES (?,?,?,?,?,?)");
    double t0 = bench::Now();
    for (int64_t i = 0; i < writes; ++i) {
      Tx tx(db);
      (*plain)->Reset();
      (void)(*plain)->Bind(NowIsoUtc(), actor.id, "declare", "declaration", "01A1", "declaration 42: 3 rows").Run();
      (void)tx.Commit();
    }
    double tp = bench::Now() - t0;
    if (!db.Exec("DELETE FROM audit_log").ok()) return 1;
    t0 = bench::Now();
    for (int64_t i = 0; i < writes; ++i) {
      Tx tx(db);
      if (!WriteAudit(db, actor, "declare", "declaration", "01A1", "declaration 42: 3 rows").ok()) return 1;
      (void)tx.Commit();
    }
    double tc = bench::Now() - t0;
    std::printf("one audited write per transaction (%lld): plain INSERT %.1f µs, chained %.1f µs (+%.1f µs a request)\n",
                static_cast<long long>(writes), tp / writes * 1e6, tc / writes * 1e6, (tc - tp) / writes * 1e6);
    t0 = bench::Now();
    {
      Tx tx(db);
      for (int64_t i = 0; i < writes; ++i)
        if (!WriteAudit(db, actor, "collect", "dues", "2026-10", "employer 1").ok()) return 1;
      (void)tx.Commit();
    }
    double tb = bench::Now() - t0;
    std::printf("a bulk job's %lld audit rows in one transaction: %.1f µs a row\n", static_cast<long long>(writes),
                tb / writes * 1e6);
    auto v = VerifyAuditChain(db, {});
    std::printf("  chain after the writes: %s, %lld rows\n", v.ok() && v->ok() ? "intact" : "BROKEN",
                v.ok() ? static_cast<long long>(v->rows) : -1LL);
  }

  // 3. Verify over `rows` rows.
  {
    if (!db.Exec("DELETE FROM audit_log").ok()) return 1;
    if (!db.Exec("UPDATE audit_head SET seq = 0, hash = '" + std::string(kAuditGenesis) + "' WHERE id = 1").ok()) return 1;
    double t0 = bench::Now();
    std::string prev = kAuditGenesis;
    {
      Tx tx(db);
      auto w = db.Bulk("audit_log", {"at", "actor", "action", "entity", "entity_key", "detail", "seq", "prev_hash", "row_hash"});
      if (!w.ok()) return 1;
      char key[32], detail[64];
      for (int64_t s = 1; s <= rows; ++s) {
        std::snprintf(key, sizeof key, "%012lld", static_cast<long long>(s % 100'000'000));
        std::snprintf(detail, sizeof detail, "GET /api/v1/persons/%s", key);
        std::string at = "2026-12-01T08:00:00Z";
        std::string h = AuditRowHash(s, at, "user:kiemtoan", "read", "person", key, detail, prev);
        (*w)->Text(at);
        (*w)->Text("user:kiemtoan");
        (*w)->Text("read");
        (*w)->Text("person");
        (*w)->Text(key);
        (*w)->Text(detail);
        (*w)->Int(s);
        (*w)->Text(prev);
        (*w)->Text(h);
        if (!(*w)->EndRow().ok()) return 1;
        prev = std::move(h);
      }
      if (!(*w)->Finish().ok()) return 1;
      auto up = db.Prepare("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1");
      if (!(*up)->Bind(rows, prev).Run().ok()) return 1;
      if (!tx.Commit().ok()) return 1;
    }
    double tf = bench::Now() - t0;
    std::printf("filled a chain of %lld rows in %.1f s\n", static_cast<long long>(rows), tf);
    bench::ResetPeak();
    // The floor: the same rows read, in the same pages, without hashing.
    t0 = bench::Now();
    {
      auto st = db.Prepare("SELECT seq, id, at, actor, action, entity, entity_key, detail, prev_hash, row_hash FROM audit_log "
                           "WHERE seq > ? ORDER BY seq LIMIT 20000");
      int64_t after = 0, n = 0;
      size_t bytes = 0;
      while (true) {
        (*st)->Reset();
        (*st)->BindInt(1, after);
        int got = 0;
        while (*(*st)->Step()) {
          ++got;
          after = (*st)->Int(0);
          for (int k = 2; k < 10; ++k) bytes += (*st)->Text(k).size();
        }
        n += got;
        if (got < 20000) break;
      }
      std::printf("reading the %lld rows without hashing: %.1f s (%zu bytes)\n", static_cast<long long>(n), bench::Now() - t0, bytes);
    }
    t0 = bench::Now();
    auto v = VerifyAuditChain(db, {});
    double tv = bench::Now() - t0;
    if (!v.ok()) return 1;
    std::printf("audit verify over %lld rows: %.1f s (%.0f rows/s), %s; peak memory %.0f MiB\n",
                static_cast<long long>(v->rows), tv, v->rows / tv, v->ok() ? "intact" : "BROKEN", bench::PeakMiB());
  }
  std::filesystem::remove_all(dir);
  return 0;
}
