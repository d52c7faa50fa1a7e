// The programme routes through the router: import by POSTing the raw text
// (dry run, stored, replayed), decision numbers in paths, progress with an
// idempotency key, follow-up, reports in each format, deadlines, units.
#include <gtest/gtest.h>

#include "api/routes.h"
#include "testing/test_support.h"
#include "views/json_views.h"

namespace bhxh {
namespace {

class ProgrammeApi : public ::testing::Test {
 protected:
  void SetUp() override {
    text_ = testing::SeedText("003_254a1e4a17401211.txt");
    if (text_.empty()) GTEST_SKIP() << "seeds not found";
    std::string why;
    ctx_ = testing::FreshContext("sqlite", &why);
    ASSERT_TRUE(ctx_) << why;
    auto lease = ctx_->pool->Acquire();
    ASSERT_TRUE(lease.ok());
    ASSERT_TRUE(EnsureDemoAccounts(**lease, "01", "01A1").ok());
  }
  HttpResponse Call(const std::string& method, const std::string& path, const std::string& body = "",
                    std::map<std::string, std::string> query = {}, const std::string& token = "demo-officer-token",
                    std::map<std::string, std::string> headers = {}) {
    HttpRequest r{method, path, std::move(query), std::move(headers), body};
    r.headers["authorization"] = "Bearer " + token;
    return HandleApi(*ctx_, r);
  }
  static Json J(const HttpResponse& r) { return Json::parse(r.body); }
  std::string text_;
  std::unique_ptr<AppContext> ctx_;
};

TEST_F(ProgrammeApi, ImportFollowUpAndReport) {
  auto dry = Call("POST", "/api/v1/programmes", text_, {{"dry_run", "true"}});
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(J(dry)["tasks"].size(), 40u);
  EXPECT_EQ(J(Call("GET", "/api/v1/programmes"))["programmes"].size(), 0u);  // a dry run stores nothing
  EXPECT_EQ(Call("POST", "/api/v1/programmes", text_, {}, "demo-facility-token").status, 403);
  auto stored = Call("POST", "/api/v1/programmes", text_);
  ASSERT_EQ(stored.status, 201) << stored.body;
  EXPECT_EQ(Call("POST", "/api/v1/programmes", text_).status, 200);  // the same text again: a replay
  EXPECT_EQ(Call("POST", "/api/v1/programmes", "không phải quyết định").status, 422);
  // The decision number in a path, '/' written %2F.
  auto tasks = Call("GET", "/api/v1/programmes/88%2FQĐ-BHXH/tasks", "", {{"unit", "TCKT"}, {"as_of", "2024-06-01"}});
  ASSERT_EQ(tasks.status, 200) << tasks.body;
  EXPECT_EQ(J(tasks)["tasks"][0]["key"], "1.1");
  EXPECT_EQ(Call("GET", "/api/v1/programmes/99%2FQĐ-BHXH/tasks").status, 404);
  std::string body = R"({"unit":"TCKT","status":"in_progress","percent":60,"note":"Đã triển khai"})";
  auto p1 = Call("POST", "/api/v1/programmes/88%2FQĐ-BHXH/tasks/1.1/progress", body, {}, "demo-officer-token",
                 {{"idempotency-key", "p-1"}});
  ASSERT_EQ(p1.status, 201) << p1.body;
  auto p2 = Call("POST", "/api/v1/programmes/88%2FQĐ-BHXH/tasks/1.1/progress", body, {}, "demo-officer-token",
                 {{"idempotency-key", "p-1"}});
  EXPECT_EQ(p2.status, 200);
  EXPECT_EQ(J(p2)["progress"]["id"], J(p1)["progress"]["id"]);
  auto bad = Call("POST", "/api/v1/programmes/88%2FQĐ-BHXH/tasks/1.1/progress", R"({"unit":"TCKT","status":"xong"})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(J(bad)["error"]["field"], "status");
  auto fu = Call("GET", "/api/v1/followup", "", {{"leader", "Lê Hùng Sơn"}});
  ASSERT_EQ(fu.status, 200) << fu.body;
  EXPECT_EQ(J(fu)["by"], "leader");
  EXPECT_GT(J(fu)["groups"].size(), 0u);
  auto md = Call("GET", "/api/v1/programmes/88%2FQĐ-BHXH/report", "", {{"format", "md"}});
  ASSERT_EQ(md.status, 200);
  EXPECT_EQ(md.content_type, "text/markdown; charset=utf-8");
  EXPECT_NE(md.body.find("Đã triển khai"), std::string::npos);
  auto xlsx = Call("GET", "/api/v1/programmes/88%2FQĐ-BHXH/report", "", {{"format", "xlsx"}});
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  EXPECT_EQ(Call("GET", "/api/v1/programmes/88%2FQĐ-BHXH/report", "", {{"format", "pdf"}}).status, 422);
  auto dl = Call("GET", "/api/v1/deadlines", "", {{"from", "2024-01-01"}, {"to", "2024-03-31"}});
  ASSERT_EQ(dl.status, 200);
  for (const auto& d : J(dl)["deadlines"]) EXPECT_LE(d["date"].get<std::string>(), "2024-03-31");
  auto unknown = Call("GET", "/api/v1/units/unknown");
  ASSERT_EQ(unknown.status, 200);
  EXPECT_EQ(J(unknown)["unknown"][0]["tasks"][0]["key"], "1.4");
}

}  // namespace
}  // namespace bhxh
