// A fixture for the HTTP API through its router (no socket): a fresh
// SQLite database with the demo accounts (demo-officer-token,
// demo-employer-token, demo-facility-token).
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

#include "api/routes.h"
#include "testing/test_support.h"
#include "views/json_views.h"

namespace bhxh::testing {

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string why;
    ctx_ = FreshContext("sqlite", &why);
    ASSERT_TRUE(ctx_) << why;
    auto lease = ctx_->pool->Acquire();
    ASSERT_TRUE(lease.ok());
    ASSERT_TRUE(EnsureDemoAccounts(**lease, "01", "01A1").ok());
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
    return HandleApi(*ctx_, r);
  }
  static Json J(const HttpResponse& r) { return Json::parse(r.body); }
  std::unique_ptr<AppContext> ctx_;
};

}  // namespace bhxh::testing
