// The benefit calculator (issue #12): requests per second for one pension
// request (a 26-year career in two salary periods, revalued with the 2026
// table), three ways in the same run:
//   engine     ComputeBenefit on a parsed request (the arithmetic alone);
//   route      the same JSON through the route table in process (parse,
//              schema validation, access, the answer serialised) — what the
//              CLI and every HTTP worker do per request;
//   HTTP       bench/calc_http.sh drives `bhxh serve` with wrk (loopback).
//   bench_calc [--seconds 3]
#include <cstdio>
#include <cstring>
#include <string>

#include "bench/bench_util.h"
#include "benefits/json.h"
#include "benefits/module.h"
#include "capabilities/all.h"
#include "demo/demo.h"
#include "platform/context.h"
#include "platform/http/route_table.h"
#include "platform/routes.h"

using namespace bhxh;

constexpr const char* kRequest =
    R"({"regime":"pension","event_date":"2026-07-31","person":{"sex":"male","birth_date":"1965-01-15"},)"
    R"("history":[{"from":"2000-01","to":"2015-12","salary":5000000},{"from":"2016-01","to":"2026-07","salary":10000000}]})";

int main(int argc, char** argv) {
  double seconds = 3;
  for (int i = 1; i + 1 < argc; i += 2)
    if (!std::strcmp(argv[i], "--seconds")) seconds = std::stod(argv[i + 1]);
  auto ctx = AppContext::Open({DefaultDataDir(), ":memory:", AllCapabilities(), true});
  if (!ctx.ok()) {
    std::fprintf(stderr, "%s\n", ctx.status().ToString().c_str());
    return 1;
  }
  {
    auto lease = (*ctx)->pool->Acquire();
    if (!lease.ok() || !EnsureDemoAccounts(**lease, "01", "").ok()) return 1;
  }
  auto req = BenefitRequestFromJson(Json::parse(kRequest));
  if (!req.ok()) return 1;
  const BenefitLaw& bl = (*ctx)->State<BenefitsState>().law();
  int64_t n = 0;
  Vnd check = 0;
  double t0 = bench::Now();
  while (bench::Now() - t0 < seconds) {
    for (int k = 0; k < 100; ++k) {
      auto r = ComputeBenefit(bl, (*ctx)->law, *req);
      check += r.ok() ? r->Monthly() : -1;
    }
    n += 100;
  }
  double engine = static_cast<double>(n) / (bench::Now() - t0);

  RouteTable table(**ctx, {});
  PlatformRoutes(table);
  for (const auto* cap : (*ctx)->capabilities())
    if (cap->routes) cap->routes(table);
  int64_t m = 0, bad = 0;
  t0 = bench::Now();
  while (bench::Now() - t0 < seconds) {
    for (int k = 0; k < 100; ++k) {
      HttpRequest h;
      h.method = "POST";
      h.target = h.path = "/api/v1/calc/benefit";
      h.headers["authorization"] = "Bearer demo-officer-token";
      h.headers["content-type"] = "application/json";
      h.body = kRequest;
      auto r = table.Dispatch(std::move(h));
      bad += r.status != 200;
    }
    m += 100;
  }
  double route = static_cast<double>(m) / (bench::Now() - t0);
  std::printf("engine: %.0f requests/s (monthly pension %lld)\nroute table in process: %.0f requests/s (%lld not 200)\n",
              engine, static_cast<long long>(check / n), route, static_cast<long long>(bad));
  return bad ? 1 : 0;
}
