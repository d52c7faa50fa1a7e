// The HTTP API through its router (no socket): status codes, error bodies
// naming the field, authentication, idempotency over HTTP.
#include "api/routes.h"

#include <gtest/gtest.h>

#include "testing/api_fixture.h"

namespace bhxh {
namespace {

using Api = testing::ApiTest;

TEST_F(Api, RequiresABearerToken) {
  EXPECT_EQ(Call("GET", "/api/v1/persons/001085012345", "", "").status, 401);
  EXPECT_EQ(Call("GET", "/api/v1/persons/001085012345", "", "wrong").status, 401);
  EXPECT_EQ(Call("GET", "/api/v1/health", "", "").status, 200);
}

TEST_F(Api, CommandLineSessionsAreInProcessOnly) {
  // The CLI's operator gets a random token that is never stored: a guessable
  // name is not an account, and the session works only inside this process.
  EXPECT_EQ(Call("GET", "/api/v1/audit", "", "cli-cli:root").status, 401);
  std::string token = ctx_->SessionToken({"cli:tester", "officer", "", "", ""});
  EXPECT_EQ(token.size(), std::string("session-").size() + 64);
  EXPECT_EQ(Call("GET", "/api/v1/audit", "", token).status, 200);
  auto lease = ctx_->pool->Acquire();
  EXPECT_EQ(*(*lease)->QueryInt("SELECT COUNT(*) FROM accounts WHERE actor = 'cli:tester'"), 0);
}

TEST_F(Api, OpenApiDocumentDescribesTheRoutes) {
  auto r = Call("GET", "/api/v1/openapi.json", "", "");
  ASSERT_EQ(r.status, 200);
  Json doc = J(r);
  EXPECT_EQ(doc["openapi"], "3.0.3");
  for (const char* p : {"/calc/contribution", "/eligibility", "/declarations", "/payments", "/arrears",
                        "/persons/{cccd}/history", "/employers/{code}/statement", "/programmes",
                        "/programmes/{ref}/tasks/{key}/progress", "/followup", "/deadlines", "/programmes/{ref}/indicators"})
    EXPECT_TRUE(doc["paths"].contains(p)) << p;
}

TEST_F(Api, CalculatorAnswersWithRulesAndParameters) {
  auto r = Call("POST", "/api/v1/calc/contribution", R"({"month":"2025-08","salary":10000000,"region":1,"group":"DN"})");
  ASSERT_EQ(r.status, 200) << r.body;
  Json j = J(r);
  EXPECT_EQ(j["totals"]["employer"], 2'150'000);
  EXPECT_EQ(j["totals"]["employee"], 1'050'000);
  EXPECT_EQ(j["law"], "41/2024/QH15");
  bool cites_reference = false;
  for (const auto& p : j["parameters"]) cites_reference |= p["key"] == "reference_level" && p["value"] == "2340000";
  EXPECT_TRUE(cites_reference);
}

TEST_F(Api, BadInputIsAClearJsonErrorAndNothingIsStored) {
  auto r = Call("POST", "/api/v1/persons", "{not json");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(J(r)["error"]["code"], "malformed_json");
  r = Call("POST", "/api/v1/persons", R"({"cccd":"001085012345","full_name":"Nguyễn Văn An","dob":"1986-01-01","sex":"1"})");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(J(r)["error"]["field"], "cccd");
  EXPECT_FALSE(J(r)["error"]["message"].get<std::string>().empty());
  r = Call("POST", "/api/v1/persons", R"({"cccd":"001085012345","full_name":"Nguyễn Văn An","dob":"1985-02-30","sex":"1"})");
  EXPECT_EQ(J(r)["error"]["field"], "dob");
  r = Call("POST", "/api/v1/persons", R"({"cccd":12,"full_name":["x"],"dob":"1985","sex":"1"})");
  EXPECT_EQ(J(r)["error"]["field"], "full_name");
  r = Call("POST", "/api/v1/payments", R"({"employer_code":"NOPE","paid_on":"2025-01-01","amount":"5","reference":"x","idempotency_key":"k"})");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(J(r)["error"]["field"], "employer_code");
  r = Call("POST", "/api/v1/payments", R"({"employer_code":"NOPE","paid_on":"2025-01-01","amount":"-5","reference":"x","idempotency_key":"k"})");
  EXPECT_EQ(J(r)["error"]["field"], "amount");
  auto lease = ctx_->pool->Acquire();
  EXPECT_EQ(*(*lease)->QueryInt("SELECT COUNT(*) FROM persons"), 0);
  EXPECT_EQ(*(*lease)->QueryInt("SELECT COUNT(*) FROM payments"), 0);
}

TEST_F(Api, DeclarationRetriedWithTheSameKeyIsAppliedOnce) {
  ASSERT_EQ(Call("POST", "/api/v1/employers",
                 R"({"code":"01A1","tax_code":"0101234567","name":"Công ty A","type":"enterprise","province":"01","region":1})")
                .status, 201);
  std::string body = R"({"employer_code":"01A1","month":"2025-08","rows":[{"action":"join","cccd":"001085012345",
      "effective_month":"2025-08","salary":"10000000","full_name":"Nguyễn Văn An","dob":"1985-03-02","sex":"1"}]})";
  auto a = Call("POST", "/api/v1/declarations", body, "demo-employer-token", {}, {{"idempotency-key", "abc"}});
  ASSERT_EQ(a.status, 201) << a.body;
  auto b = Call("POST", "/api/v1/declarations", body, "demo-employer-token", {}, {{"idempotency-key", "abc"}});
  EXPECT_EQ(b.status, 200);
  EXPECT_TRUE(J(b)["replayed"].get<bool>());
  auto none = Call("POST", "/api/v1/declarations", body, "demo-employer-token");
  EXPECT_EQ(none.status, 422);
  EXPECT_EQ(J(none)["error"]["field"], "idempotency_key");
  // An employer may declare only for itself.
  ASSERT_EQ(Call("POST", "/api/v1/employers",
                 R"({"code":"01A2","tax_code":"0107654321","name":"Công ty B","type":"enterprise","province":"01","region":1})")
                .status, 201);
  std::string other = body;
  other.replace(other.find("01A1"), 4, "01A2");
  EXPECT_EQ(Call("POST", "/api/v1/declarations", other, "demo-employer-token", {}, {{"idempotency-key", "x"}}).status, 403);
  // Then the collection run, the statement and the citizen's history.
  EXPECT_EQ(Call("POST", "/api/v1/collections", R"({"month":"2025-08"})").status, 201);
  auto st = Call("GET", "/api/v1/employers/01A1/statement", "", "demo-employer-token", {{"as_of", "2025-09-30"}});
  ASSERT_EQ(st.status, 200) << st.body;
  EXPECT_EQ(J(st)["balance"], 3'200'000);
  EXPECT_EQ(J(st)["months_owed"], 1);
  auto h = Call("GET", "/api/v1/persons/001085012345/history", "", "demo-officer-token", {{"as_of", "2025-09-30"}});
  ASSERT_EQ(h.status, 200) << h.body;
  EXPECT_EQ(J(h)["unpaid_months"].size(), 1u);
}

TEST_F(Api, CardIssuedOverTheApiIsEligibleAtOnce) {
  ASSERT_EQ(Call("POST", "/api/v1/persons",
                 R"({"cccd":"001085012345","full_name":"Nguyễn Văn An","dob":"1985-03-02","sex":"1","province":"01"})")
                .status, 201);
  auto bad = Call("POST", "/api/v1/cards", R"({"cccd":"001085012345","code":"DN3010112345678","valid_from":"2026-01-01","valid_to":"2026-12-31","facility":"01001"})");
  EXPECT_EQ(bad.status, 422);  // DN is level 4, not 3
  EXPECT_EQ(J(bad)["error"]["field"], "code");
  auto ok = Call("POST", "/api/v1/cards", R"({"cccd":"001085012345","code":"DN4010112345678","valid_from":"2026-01-01","valid_to":"2026-12-31","facility":"01001"})");
  ASSERT_EQ(ok.status, 201) << ok.body;
  auto e = Call("GET", "/api/v1/eligibility", "", "demo-facility-token",
                {{"id", "001085012345"}, {"facility", "01001"}, {"date", "2026-11-20"}});
  ASSERT_EQ(e.status, 200);
  EXPECT_EQ(J(e)["code"], "000");
  EXPECT_EQ(J(e)["benefit_percent"], "80");
}

TEST_F(Api, VoluntaryPeriodsRespectTheFloorAndDoNotOverlap) {
  ASSERT_EQ(Call("POST", "/api/v1/persons",
                 R"({"cccd":"001085012345","full_name":"Nguyễn Văn An","dob":"1985-03-02","sex":"1"})").status, 201);
  auto low = Call("POST", "/api/v1/periods", R"({"cccd":"001085012345","group":"BHXHTN","from_month":"2025-01","salary":"1000000"})");
  EXPECT_EQ(low.status, 422);  // below the 1,500,000 rural poverty line
  EXPECT_EQ(J(low)["error"]["field"], "salary");
  auto emp = Call("POST", "/api/v1/periods", R"({"cccd":"001085012345","group":"DN","from_month":"2025-01","salary":"9000000"})");
  EXPECT_EQ(J(emp)["error"]["field"], "group");
  auto ok = Call("POST", "/api/v1/periods", R"({"cccd":"001085012345","group":"BHXHTN","from_month":"2025-01","to_month":"2025-12","salary":"2000000"})");
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(J(ok)["funds"], "retirement");
  auto dup = Call("POST", "/api/v1/periods", R"({"cccd":"001085012345","group":"BHXHTN","from_month":"2025-06","salary":"2000000"})");
  EXPECT_EQ(dup.status, 409);
  auto h = Call("GET", "/api/v1/persons/001085012345/history", "", "demo-officer-token", {{"as_of", "2026-03-01"}});
  EXPECT_EQ(J(h)["months_by_fund"]["retirement"], 12);
}

}  // namespace
}  // namespace bhxh
