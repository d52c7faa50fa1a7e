// A fixture for the HTTP API through its route table (no socket): a fresh
// SQLite database with the demo accounts (demo-officer-token,
// demo-employer-token for employer 01A1, demo-facility-token for 01001,
// demo-citizen-token for CCCD 001085012345),
// every capability's routes, and every JSON answer checked against the
// schema its route declares.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

#include "demo/demo.h"
#include "platform/http/route_table.h"
#include "platform/jsonio/json.h"
#include "platform/routes.h"
#include "testing/test_support.h"

namespace bhxh::testing {

inline std::unique_ptr<RouteTable> FullRouteTable(AppContext& ctx) {
  TableOptions opt;
  opt.validate_responses = true;
  auto t = std::make_unique<RouteTable>(ctx, opt);
  PlatformRoutes(*t);
  for (const auto* c : ctx.capabilities())
    if (c->routes) c->routes(*t);
  return t;
}

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string why;
    ctx_ = FreshContext("sqlite", &why);
    ASSERT_TRUE(ctx_) << why;
    auto lease = ctx_->pool->Acquire();
    ASSERT_TRUE(lease.ok());
    ASSERT_TRUE(EnsureDemoAccounts(**lease, "01", "01A1", "001085012345").ok());
    routes_ = FullRouteTable(*ctx_);
  }
  HttpResponse Call(const std::string& method, const std::string& path, const std::string& body = "",
                    const std::string& token = "demo-officer-token", std::map<std::string, std::string> query = {},
                    std::map<std::string, std::string> headers = {}) {
    HttpRequest r;
    r.method = method;
    r.path = path;
    r.body = body;
    r.query = std::move(query);
    r.headers = std::move(headers);
    if (!token.empty()) r.headers["authorization"] = "Bearer " + token;
    return routes_->Dispatch(std::move(r));
  }
  static Json J(const HttpResponse& r) { return Json::parse(r.body); }
  std::unique_ptr<AppContext> ctx_;
  std::unique_ptr<RouteTable> routes_;
};

}  // namespace bhxh::testing
