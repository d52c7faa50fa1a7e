// The natural alternative for claim review (issue #4): the same rules as
// SQL over PostgreSQL. Same synthetic envelopes as bench_claims; both paths
// parse with the same C++ code; then
//   engine: bhxh's review (pre-check + cards + catalogues + stored claims),
//           stored in PostgreSQL through COPY;
//   sql:    the parsed rows COPYed into staging tables, and the rules as
//           INSERT ... SELECT statements (line arithmetic, totals, card
//           validity against the card table, bid and service prices, orders
//           before admission, bed days) writing findings.
// It runs on a throwaway PostgreSQL started here (initdb + pg_ctl).
//
//   bench_claims_sql [--encounters 50000] [--mix national]
// --mix national: about ten lines an encounter, as national claims carry.
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "base/csv.h"
#include "base/parse.h"
#include "bench/bench_util.h"
#include "bench/claims_fixture.h"
#include "capabilities/all.h"
#include "claims/module.h"
#include "claims/review.h"
#include "claims/synth.h"
#include "eligibility/module.h"
#include "platform/context.h"
#include "testing/test_support.h"

using namespace bhxh;
using bhxh::bench::Now;

namespace {

const char* kSchema = R"SQL(
CREATE TABLE stg_x1 (ma_lk TEXT, card TEXT, gt_tu TEXT, gt_den TEXT, ngay_vao BIGINT, ngay_ra BIGINT, kind TEXT,
  so_ngay INT, t_bv BIGINT, t_bh BIGINT, t_bhtt BIGINT, t_bncct BIGINT);
CREATE TABLE stg_lines (ma_lk TEXT, tbl TEXT, stt TEXT, code TEXT, grp TEXT, qty BIGINT, price_bv BIGINT, price_bh BIGINT,
  rate_dv BIGINT, rate_bh BIGINT, bv BIGINT, bh BIGINT, bhtt BIGINT, bncct BIGINT, muc BIGINT, ngay_yl BIGINT);
CREATE TABLE ref_cards (card TEXT PRIMARY KEY, valid_from TEXT, valid_to TEXT);
CREATE TABLE ref_prices (code TEXT PRIMARY KEY, unit_price BIGINT);
CREATE TABLE sql_findings (ma_lk TEXT, rule TEXT, stt TEXT);
)SQL";

// Each rule as one statement (amounts in thousandths, as the engine).
const char* kRules[] = {
    "INSERT INTO sql_findings SELECT ma_lk, 'ARITH-LINE-BV', stt FROM stg_lines WHERE "
    "abs(bv - (qty * price_bv / 1000 * rate_dv / 100000)) > 1000",
    "INSERT INTO sql_findings SELECT ma_lk, 'ARITH-LINE-BH', stt FROM stg_lines WHERE "
    "abs(bh - (qty * price_bh / 1000 * rate_dv / 100000 * rate_bh / 100000)) > 1000",
    "INSERT INTO sql_findings SELECT ma_lk, 'ARITH-LINE-SPLIT', stt FROM stg_lines WHERE abs(bhtt + bncct - bh) > 1000",
    "INSERT INTO sql_findings SELECT x.ma_lk, 'ARITH-TOTAL', '' FROM stg_x1 x JOIN (SELECT ma_lk, SUM(bv) bv, SUM(bh) "
    "bh "
    "FROM stg_lines GROUP BY ma_lk) l ON l.ma_lk = x.ma_lk WHERE abs(x.t_bv - l.bv) > 1000 OR abs(x.t_bh - l.bh) > "
    "1000",
    "INSERT INTO sql_findings SELECT ma_lk, 'ARITH-BHTT', '' FROM stg_x1 WHERE abs(t_bhtt - (t_bh - t_bncct)) > 1000",
    "INSERT INTO sql_findings SELECT x.ma_lk, 'CARD-DB-NOT-VALID', '' FROM stg_x1 x LEFT JOIN ref_cards c ON c.card = "
    "x.card "
    "WHERE c.card IS NULL OR to_char(to_timestamp(x.ngay_vao * 60), 'YYYY-MM-DD') NOT BETWEEN c.valid_from AND "
    "c.valid_to",
    "INSERT INTO sql_findings SELECT l.ma_lk, 'PRICE-ABOVE-LIST', l.stt FROM stg_lines l JOIN ref_prices p ON p.code = "
    "l.code "
    "WHERE l.price_bh > p.unit_price",
    "INSERT INTO sql_findings SELECT l.ma_lk, 'TIME-ORDER-BEFORE-ADMISSION', l.stt FROM stg_lines l JOIN stg_x1 x "
    "ON x.ma_lk = l.ma_lk WHERE l.ngay_yl < x.ngay_vao",
    "INSERT INTO sql_findings SELECT x.ma_lk, 'TIME-BED-DAYS', '' FROM stg_x1 x JOIN (SELECT ma_lk, SUM(qty) q FROM "
    "stg_lines "
    "WHERE grp IN ('14','15') GROUP BY ma_lk) b ON b.ma_lk = x.ma_lk WHERE x.so_ngay > 0 AND b.q > x.so_ngay * 1000",
};

}  // namespace

int main(int argc, char** argv) {
  int n = 50'000, per = 500;
  bool national = false;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::string(argv[i]) == "--encounters") n = ParseInt32(argv[i + 1], "encounters", 1, 10000000).value();
    if (std::string(argv[i]) == "--mix") national = std::string(argv[i + 1]) == "national";
  }
  std::string why;
  std::string url_engine = testing::FreshDatabaseUrl("postgres", &why);
  std::string url_sql = testing::FreshDatabaseUrl("postgres", &why);
  if (url_engine.empty() || url_sql.empty()) {
    std::fprintf(stderr, "no PostgreSQL: %s\n", why.c_str());
    return 1;
  }
  auto ctx = AppContext::Open({DefaultDataDir(), url_engine, AllCapabilities(), true});
  if (!ctx.ok()) {
    std::fprintf(stderr, "%s\n", ctx.status().ToString().c_str());
    return 1;
  }
  std::vector<CardRecord> recs = SynthCards(n);
  Actor op{"bench", {"officer"}, "", "", "", ""};
  bench::PrepareSynthStore(**ctx, n, op, national);
  std::string dir = "/tmp/bhxh_claims_sql_bench";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::vector<std::string> files = bench::WriteSynthEnvelopes((*ctx)->law, n, per, dir, national).paths;
  std::printf("# bench_claims_sql — %s, %u cores, PostgreSQL 15 (throwaway, fsync off)\n", bench::Cpu().c_str(),
              std::thread::hardware_concurrency());
  // Engine, storing into PostgreSQL.
  double t0 = Now(), cpu0 = bench::CpuSeconds(), busy0 = bench::MachineBusySeconds();
  {
    auto lease = (*ctx)->pool->Acquire();
    auto cat = (*ctx)->State<ClaimsState>().catalogue();
    ReviewDeps deps{(*ctx)->State<ClaimsState>().schema, (*ctx)->law, (*ctx)->State<EligibilityState>().cards(), *cat};
    Status s = SubmitFiles(**lease, deps, files, op, nullptr);
    if (!s.ok()) {
      std::fprintf(stderr, "%s\n", s.ToString().c_str());
      return 1;
    }
  }
  double engine = Now() - t0, engine_cpu = bench::CpuSeconds() - cpu0;
  double engine_others = bench::MachineBusySeconds() - busy0 - engine_cpu;

  // SQL alternative: parse, COPY into staging, rules as SQL.
  auto db = Db::Open(url_sql);
  if (!db.ok() || !(*db)->Exec(kSchema).ok()) return 1;
  {
    Tx tx(**db);
    auto wc = (*db)->Bulk("ref_cards", {"card", "valid_from", "valid_to"});
    for (const auto& r : recs) {
      (*wc)->Text(r.card_code);
      (*wc)->Text("2026-01-01");
      (*wc)->Text("2026-12-31");
      (void)(*wc)->EndRow();
    }
    (void)(*wc)->Finish();
    (void)(*db)->Exec(
        "INSERT INTO ref_prices VALUES ('40.17',1100000),('40.678',1200000),('02.1896',38700000),"
        "('22.0120.1370',46200000),('K01.1911',199100000),('40.15',900000),('40.1010',300000),"
        "('40.338',700000),('40.990',9000000),('40.170',25000000),('23.0075.1494',21500000),"
        "('23.0020.1494',21500000),('23.0166.1596',29000000),('18.0119.0028',65400000)");
    (void)tx.Commit();
  }
  t0 = Now();
  double parse_s = 0, load_s = 0;
  for (const auto& path : files) {
    double a = Now();
    auto text = ReadFile(path);
    auto env = ParseEnvelope(*text);
    std::vector<EnvelopeError> errs;
    auto encs = ReadEncounters(*env, &errs);
    double b = Now();
    parse_s += b - a;
    Tx tx(**db);
    auto wx = (*db)->Bulk("stg_x1", {"ma_lk", "card", "gt_tu", "gt_den", "ngay_vao", "ngay_ra", "kind", "so_ngay",
                                     "t_bv", "t_bh", "t_bhtt", "t_bncct"});
    for (const auto& e : encs) {
      const Record& x = *e.xml1;
      (*wx)->Text(e.ma_lk);
      (*wx)->Text(x.Get("MA_THE_BHYT"));
      (*wx)->Text(x.Get("GT_THE_TU"));
      (*wx)->Text(x.Get("GT_THE_DEN"));
      (*wx)->Int(Minutes12(x.Get("NGAY_VAO")).value_or(0));
      (*wx)->Int(Minutes12(x.Get("NGAY_RA")).value_or(0));
      (*wx)->Text(x.Get("MA_LOAI_KCB"));
      (*wx)->Int(std::max(0, DigitsValue(x.Get("SO_NGAY_DTRI"))));
      (*wx)->Int(Milli(x.Get("T_TONGCHI_BV")).value_or(0));
      (*wx)->Int(Milli(x.Get("T_TONGCHI_BH")).value_or(0));
      (*wx)->Int(Milli(x.Get("T_BHTT")).value_or(0));
      (*wx)->Int(Milli(x.Get("T_BNCCT")).value_or(0));
      (void)(*wx)->EndRow();
    }
    (void)(*wx)->Finish();
    auto wl = (*db)->Bulk("stg_lines", {"ma_lk", "tbl", "stt", "code", "grp", "qty", "price_bv", "price_bh", "rate_dv",
                                        "rate_bh", "bv", "bh", "bhtt", "bncct", "muc", "ngay_yl"});
    for (const auto& e : encs)
      for (const auto* lines : {&e.xml2, &e.xml3})
        for (const auto& r : *lines) {
          bool x2 = r.table == "XML2";
          (*wl)->Text(e.ma_lk);
          (*wl)->Text(r.table);
          (*wl)->Text(r.Get("STT"));
          (*wl)->Text(x2 ? r.Get("MA_THUOC") : r.Get("MA_DICH_VU"));
          (*wl)->Text(r.Get("MA_NHOM"));
          (*wl)->Int(Milli(r.Get("SO_LUONG")).value_or(0));
          (*wl)->Int(Milli(r.Get(x2 ? "DON_GIA" : "DON_GIA_BV")).value_or(0));
          (*wl)->Int(Milli(r.Get(x2 ? "DON_GIA" : "DON_GIA_BH")).value_or(0));
          (*wl)->Int(x2 ? 100000 : Milli(r.Get("TYLE_TT_DV")).value_or(0));
          (*wl)->Int(Milli(r.Get("TYLE_TT_BH")).value_or(0));
          (*wl)->Int(Milli(r.Get("THANH_TIEN_BV")).value_or(0));
          (*wl)->Int(Milli(r.Get("THANH_TIEN_BH")).value_or(0));
          (*wl)->Int(Milli(r.Get("T_BHTT")).value_or(0));
          (*wl)->Int(Milli(r.Get("T_BNCCT")).value_or(0));
          (*wl)->Int(Milli(r.Get("MUC_HUONG")).value_or(0));
          (*wl)->Int(Minutes12(r.Get("NGAY_YL")).value_or(0));
          (void)(*wl)->EndRow();
        }
    (void)(*wl)->Finish();
    (void)tx.Commit();
    load_s += Now() - b;
  }
  double rules0 = Now();
  (void)(*db)->Exec(
      "CREATE INDEX ON stg_lines(ma_lk); CREATE INDEX ON stg_x1(ma_lk); ANALYZE stg_lines; ANALYZE stg_x1;");
  for (const char* r : kRules) {
    Status s = (*db)->Exec(r);
    if (!s.ok()) {
      std::fprintf(stderr, "%s\n", s.ToString().c_str());
      return 1;
    }
  }
  double rules_s = Now() - rules0;
  double sql_total = Now() - t0;
  auto found = (*db)->QueryInt("SELECT COUNT(*) FROM sql_findings");
  auto lines = (*db)->QueryInt("SELECT COUNT(*) FROM stg_lines");
  std::printf("encounters=%d lines=%lld\n", n, static_cast<long long>(lines.ok() ? *lines : 0));
  std::printf("engine (review + store in PostgreSQL): %.2f s, %.0f encounters/s (CPU: client %.2f s, "
              "server and the rest of the machine %.2f s)\n",
              engine, n / engine, engine_cpu, engine_others);
  std::printf(
      "sql: parse %.2f s + COPY %.2f s + %zu rules %.2f s = %.2f s, %.0f encounters/s (%lld findings, 9 rules)\n",
      parse_s, load_s, sizeof(kRules) / sizeof(kRules[0]), rules_s, sql_total, n / sql_total,
      static_cast<long long>(found.ok() ? *found : 0));
  std::filesystem::remove_all(dir);
  return 0;
}
