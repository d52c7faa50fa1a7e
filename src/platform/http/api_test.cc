// The HTTP API through its route table (no socket): authentication, status
// codes, error bodies naming the field, typed input, idempotency scoped to
// the submitter, paging, HEAD/OPTIONS/405, downloads — and the findings of
// the attack review, each a case that must get a clear error and store
// nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "platform/access/accounts.h"
#include "testing/api_fixture.h"

namespace bhxh {
namespace {

using Api = testing::ApiTest;

constexpr const char* kEmployerA =
    R"({"code":"01A1","tax_code":"0101234567","name":"Công ty A","type":"enterprise","province":"01","region":1})";
constexpr const char* kEmployerB =
    R"({"code":"01A2","tax_code":"0107654321","name":"Công ty B","type":"enterprise","province":"01","region":1})";
constexpr const char* kJoin =
    R"({"employer_code":"01A1","month":"2025-08","rows":[{"action":"join","cccd":"001085012345",
      "effective_month":"2025-08","salary":10000000,"full_name":"Nguyễn Văn An","dob":"1985-03-02","sex":"1"}]})";

int64_t Rows(AppContext& ctx, const std::string& table) {
  auto lease = ctx.pool->Acquire();
  auto n = (*lease)->QueryInt("SELECT COUNT(*) FROM " + table);
  return n.ok() ? *n : -1;
}

TEST_F(Api, RequiresABearerTokenAndSlowsGuessers) {
  EXPECT_EQ(Call("GET", "/api/v1/persons/001085012345", "", "").status, 401);
  EXPECT_EQ(Call("GET", "/api/v1/persons/001085012345", "", "wrong").status, 401);
  EXPECT_EQ(Call("GET", "/api/v1/health", "", "").status, 200);
  // A guessable name of the CLI's operator is not an account.
  EXPECT_EQ(Call("GET", "/api/v1/audit", "", "cli-cli:root").status, 401);
  // Guessing tokens from one address ends in 429 for the rest of the minute.
  int last = 0;
  for (int i = 0; i < 30; ++i) {
    HttpRequest r;
    r.method = "GET";
    r.path = "/api/v1/audit";
    r.remote = "203.0.113.9";
    r.headers["authorization"] = "Bearer guess-" + std::to_string(i);
    last = routes_->Dispatch(r).status;
  }
  EXPECT_EQ(last, 429);
}

TEST_F(Api, ARevokedTokenStopsWorkingAtOnce) {
  ASSERT_EQ(Call("POST", "/api/v1/employers", kEmployerA).status, 201);
  EXPECT_EQ(Call("GET", "/api/v1/employers/01A1", "", "demo-employer-token").status, 200);
  auto r = Call("POST", "/api/v1/accounts/employer:01A1/revoke", "");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Call("GET", "/api/v1/employers/01A1", "", "demo-employer-token").status, 401);
  EXPECT_EQ(Call("POST", "/api/v1/accounts/employer:01A1/revoke", "").status, 404);  // nothing live to revoke
  EXPECT_EQ(Call("POST", "/api/v1/accounts/officer:demo/revoke", "", "demo-facility-token").status, 403);
}

TEST_F(Api, OpenApiDocumentIsGeneratedFromTheRoutes) {
  auto r = Call("GET", "/api/v1/openapi.json", "", "");
  ASSERT_EQ(r.status, 200);
  Json doc = J(r);
  EXPECT_EQ(doc["openapi"], "3.0.3");
  // Every route is documented, with an operationId, a permission (or public) and its answers' schemas.
  for (const auto& route : routes_->routes()) {
    std::string m = MethodName(route->method());
    for (auto& c : m) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    ASSERT_TRUE(doc["paths"].contains(route->path())) << route->path();
    const Json& op = doc["paths"][route->path()][m];
    EXPECT_EQ(op["operationId"], route->operation_id());
    EXPECT_TRUE(route->is_public() || !route->permission().empty()) << route->path();
    bool described = false;
    for (const auto& [status, resp] : op["responses"].items())
      if (status[0] == '2') described |= resp.contains("content");
    EXPECT_TRUE(described) << route->path();
  }
  // Request bodies carry their schema: a declaration's rows, with required fields.
  const Json& decl = doc["components"]["schemas"]["Declaration"];
  EXPECT_EQ(decl["additionalProperties"], false);
  EXPECT_NE(std::find(decl["required"].begin(), decl["required"].end(), "rows"), decl["required"].end());
}

TEST_F(Api, CalculatorAnswersWithRulesAndParameters) {
  auto r =
      Call("POST", "/api/v1/calc/contribution", R"({"month":"2025-08","salary":10000000,"region":1,"group":"DN"})");
  ASSERT_EQ(r.status, 200) << r.body;
  Json j = J(r);
  EXPECT_EQ(j["totals"]["employer"], 2'150'000);
  EXPECT_EQ(j["totals"]["employee"], 1'050'000);
  EXPECT_EQ(j["law"], "41/2024/QH15");
  bool cites_reference = false;
  for (const auto& p : j["parameters"]) cites_reference |= p["key"] == "reference_level" && p["value"] == "2340000";
  EXPECT_TRUE(cites_reference);
}

TEST_F(Api, TypedInputUnknownFieldsAndMoney) {
  // A salary sent as a string, a decimal amount, an unknown field: each named.
  auto r = Call("POST", "/api/v1/calc/contribution", R"({"month":"2025-08","salary":"10000000"})");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(J(r)["error"]["field"], "salary");
  EXPECT_EQ(J(r)["error"]["code"], "invalid_type");
  r = Call("POST", "/api/v1/calc/contribution", R"({"month":"2025-08","salary":1000.5})");
  EXPECT_EQ(J(r)["error"]["field"], "salary");
  r = Call("POST", "/api/v1/calc/contribution", R"({"month":"2025-08","salry":1000})");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(J(r)["error"]["code"], "unknown_field");
  EXPECT_EQ(J(r)["error"]["field"], "salry");
  ASSERT_EQ(Call("POST", "/api/v1/employers", kEmployerA).status, 201);
  r = Call("POST", "/api/v1/payments",
           R"({"employer_code":"01A1","paid_on":"2025-01-01","amount":"1000.50","reference":"x"})",
           "demo-officer-token", {}, {{"idempotency-key", "m1"}});
  EXPECT_EQ(J(r)["error"]["field"], "amount");
  r = Call("POST", "/api/v1/advances",
           R"({"facility":"01001","quarter":"2026-Q1","amount":1000.5,"paid_on":"2026-01-05","reference":"TU1"})",
           "demo-officer-token", {}, {{"idempotency-key", "a1"}});
  EXPECT_EQ(J(r)["error"]["field"], "amount");
  // Unknown query parameters are named too.
  r = Call("GET", "/api/v1/arrears", "", "demo-officer-token", {{"as_off", "2025-01-01"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(J(r)["error"]["field"], "as_off");
  EXPECT_EQ(Rows(*ctx_, "payments"), 0);
  EXPECT_EQ(Rows(*ctx_, "advances"), 0);
}

TEST_F(Api, BadInputIsAClearJsonErrorAndNothingIsStored) {
  auto r = Call("POST", "/api/v1/persons", "{not json");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(J(r)["error"]["code"], "malformed_json");
  r = Call("POST", "/api/v1/persons",
           R"({"cccd":"001085012345","full_name":"Nguyễn Văn An","dob":"1986-01-01","sex":"1"})");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(J(r)["error"]["field"], "cccd");
  EXPECT_FALSE(J(r)["error"]["message"].get<std::string>().empty());
  r = Call("POST", "/api/v1/persons",
           R"({"cccd":"001085012345","full_name":"Nguyễn Văn An","dob":"1985-02-30","sex":"1"})");
  EXPECT_EQ(J(r)["error"]["field"], "dob");
  r = Call("POST", "/api/v1/persons", R"({"cccd":12,"full_name":["x"],"dob":"1985","sex":"1"})");
  EXPECT_EQ(J(r)["error"]["field"], "cccd");
  // NUL bytes and control characters in a name; a death in the future or before the birth.
  r = Call("POST", "/api/v1/persons",
           "{\"cccd\":\"001085012345\",\"full_name\":\"An\\u0000\",\"dob\":\"1985-03-02\",\"sex\":\"1\"}");
  EXPECT_EQ(J(r)["error"]["field"], "full_name");
  r = Call("POST", "/api/v1/persons",
           R"({"cccd":"001085012345","full_name":"An","dob":"1985-03-02","sex":"1","deceased_on":"2999-01-01"})");
  EXPECT_EQ(J(r)["error"]["field"], "deceased_on");
  r = Call("POST", "/api/v1/persons",
           R"({"cccd":"001085012345","full_name":"An","dob":"1985-03-02","sex":"1","deceased_on":"1980-01-01"})");
  EXPECT_EQ(J(r)["error"]["field"], "deceased_on");
  r = Call("POST", "/api/v1/persons",
           R"({"cccd":"001085012345","full_name":"An","dob":"1985-03-02","sex":"1","province":"99"})");
  EXPECT_EQ(J(r)["error"]["field"], "province");
  r = Call("POST", "/api/v1/payments", R"({"employer_code":"NOPE","paid_on":"2025-01-01","amount":5,"reference":"x"})",
           "demo-officer-token", {}, {{"idempotency-key", "k"}});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(J(r)["error"]["field"], "employer_code");
  r = Call("POST", "/api/v1/payments", R"({"employer_code":"NOPE","paid_on":"2025-01-01","amount":-5,"reference":"x"})",
           "demo-officer-token", {}, {{"idempotency-key", "k"}});
  EXPECT_EQ(J(r)["error"]["field"], "amount");
  EXPECT_EQ(Rows(*ctx_, "persons"), 0);
  EXPECT_EQ(Rows(*ctx_, "payments"), 0);
}

TEST_F(Api, DeepJsonIsRefusedBeforeItIsWalked) {
  std::string deep = "{\"name\":\"x\",\"unit\":";
  for (int i = 0; i < 70000; ++i) deep += "[";
  for (int i = 0; i < 70000; ++i) deep += "]";
  deep += "}";
  for (const char* path : {"/api/v1/units/aliases", "/api/v1/denominators", "/api/v1/advances"}) {
    auto r = Call("POST", path, deep, "demo-officer-token", {}, {{"idempotency-key", "deep"}});
    EXPECT_EQ(r.status, 400) << path;
    EXPECT_EQ(J(r)["error"]["code"], "too_deep") << path;
  }
}

TEST_F(Api, InvalidUtf8IsAnErrorNotACrash) {
  auto r = Call("POST", "/api/v1/persons",
                "{\"cccd\":\"001085012345\",\"full_name\":\"\xC3\x28\",\"dob\":\"1985\",\"sex\":\"1\"}");
  EXPECT_EQ(r.status, 400);
  r = Call("GET", "/api/v1/persons", "", "demo-officer-token", {{"q", "\xff\xfe"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(J(r)["error"]["field"], "q");
}

TEST_F(Api, DeclarationRetriedWithTheSameKeyIsAppliedOnce) {
  ASSERT_EQ(Call("POST", "/api/v1/employers", kEmployerA).status, 201);
  auto a = Call("POST", "/api/v1/declarations", kJoin, "demo-employer-token", {}, {{"idempotency-key", "abc"}});
  ASSERT_EQ(a.status, 201) << a.body;
  auto b = Call("POST", "/api/v1/declarations", kJoin, "demo-employer-token", {}, {{"idempotency-key", "abc"}});
  EXPECT_EQ(b.status, 200);
  EXPECT_TRUE(J(b)["replayed"].get<bool>());
  EXPECT_EQ(J(b)["declaration_id"], J(a)["declaration_id"]);
  auto none = Call("POST", "/api/v1/declarations", kJoin, "demo-employer-token");
  EXPECT_EQ(none.status, 422);
  EXPECT_EQ(J(none)["error"]["field"], "Idempotency-Key");
  // The same key with a different body is a conflict, not a silent replay.
  std::string changed = kJoin;
  changed.replace(changed.find("10000000"), 8, "12000000");
  auto c = Call("POST", "/api/v1/declarations", changed, "demo-employer-token", {}, {{"idempotency-key", "abc"}});
  EXPECT_EQ(c.status, 409);
  EXPECT_EQ(J(c)["error"]["code"], "idempotency_conflict");
  // An employer may declare only for itself.
  ASSERT_EQ(Call("POST", "/api/v1/employers", kEmployerB).status, 201);
  std::string other = kJoin;
  other.replace(other.find("01A1"), 4, "01A2");
  EXPECT_EQ(Call("POST", "/api/v1/declarations", other, "demo-employer-token", {}, {{"idempotency-key", "x"}}).status,
            403);
  EXPECT_EQ(Rows(*ctx_, "declarations"), 1);
  // Then the collection run, the statement and the citizen's history.
  EXPECT_EQ(Call("POST", "/api/v1/collections", R"({"month":"2025-08"})").status, 201);
  // August 2025 is due by 30/09 (2024 law): owed from 01/10.
  auto st = Call("GET", "/api/v1/employers/01A1/statement", "", "demo-employer-token", {{"as_of", "2025-10-01"}});
  ASSERT_EQ(st.status, 200) << st.body;
  EXPECT_EQ(J(st)["balance"], 3'200'000);
  EXPECT_EQ(J(st)["months_owed"], 1);
  EXPECT_EQ(Call("GET", "/api/v1/employers/01A2/statement", "", "demo-employer-token").status, 403);
  auto h = Call("GET", "/api/v1/persons/001085012345/history", "", "demo-officer-token", {{"as_of", "2025-09-30"}});
  ASSERT_EQ(h.status, 200) << h.body;
  EXPECT_EQ(J(h)["unpaid_months"].size(), 1u);
}

TEST_F(Api, ConcurrentRetriesWithOneKeyApplyOnceAndAllGetTheAnswer) {
  ASSERT_EQ(Call("POST", "/api/v1/employers", kEmployerA).status, 201);
  std::vector<std::thread> th;
  std::vector<int> status(12);
  std::vector<std::string> ids(12);
  for (int i = 0; i < 12; ++i)
    th.emplace_back([&, i] {
      auto r = Call("POST", "/api/v1/declarations", kJoin, "demo-employer-token", {}, {{"idempotency-key", "race"}});
      status[i] = r.status;
      if (r.status < 300) ids[i] = Json::parse(r.body)["declaration_id"].dump();
    });
  for (auto& t : th) t.join();
  for (int i = 0; i < 12; ++i) {
    EXPECT_TRUE(status[i] == 200 || status[i] == 201) << i << ": " << status[i];
    EXPECT_EQ(ids[i], ids[0]);
  }
  EXPECT_EQ(std::count(status.begin(), status.end(), 201), 1);
  EXPECT_EQ(Rows(*ctx_, "declarations"), 1);
}

TEST_F(Api, IdempotencyKeysBelongToTheirSubmitter) {
  // Two tenants pick the same key: neither sees the other's answer.
  ASSERT_EQ(Call("POST", "/api/v1/employers", kEmployerA).status, 201);
  auto lease = ctx_->pool->Acquire();
  ASSERT_TRUE(CreateAccount(**lease, "tenant-b-token", {"officer:b", {"officer"}, "01", "", "", ""}).ok());
  std::string pay = R"({"employer_code":"01A1","paid_on":"2025-09-01","amount":1000000,"reference":"UNC-1"})";
  auto a = Call("POST", "/api/v1/payments", pay, "demo-officer-token", {}, {{"idempotency-key", "same"}});
  ASSERT_EQ(a.status, 201) << a.body;
  std::string pay2 = R"({"employer_code":"01A1","paid_on":"2025-09-02","amount":2000000,"reference":"UNC-2"})";
  auto b = Call("POST", "/api/v1/payments", pay2, "tenant-b-token", {}, {{"idempotency-key", "same"}});
  ASSERT_EQ(b.status, 201) << b.body;
  EXPECT_NE(J(a)["payment_id"], J(b)["payment_id"]);
  EXPECT_EQ(J(b)["amount"], 2000000);
  EXPECT_EQ(Rows(*ctx_, "payments"), 2);
}

TEST_F(Api, OutOfScopeReadsAreRefused) {
  ASSERT_EQ(Call("POST", "/api/v1/employers", kEmployerA).status, 201);
  ASSERT_EQ(Call("POST", "/api/v1/persons",
                 R"({"cccd":"001085012345","full_name":"Nguyễn Văn An","dob":"1985-03-02","sex":"1","province":"01"})")
                .status,
            201);
  for (const char* token : {"demo-employer-token", "demo-facility-token"}) {
    EXPECT_EQ(Call("GET", "/api/v1/persons", "", token, {{"q", "nguyen"}}).status, 403) << token;
    EXPECT_EQ(Call("GET", "/api/v1/persons/001085012345", "", token).status, 403) << token;
    EXPECT_EQ(Call("GET", "/api/v1/persons/001085012345/history", "", token).status, 403) << token;
    EXPECT_EQ(Call("GET", "/api/v1/arrears", "", token).status, 403) << token;
    EXPECT_EQ(
        Call("POST", "/api/v1/persons", R"({"cccd":"001085099999","full_name":"X","dob":"1985","sex":"1"})", token)
            .status,
        403);
  }
  EXPECT_EQ(Call("GET", "/api/v1/employers/01A1/statement", "", "demo-facility-token").status, 403);
  EXPECT_EQ(
      Call("GET", "/api/v1/settlements", "", "demo-employer-token", {{"facility", "01001"}, {"quarter", "2026-Q4"}})
          .status,
      403);
  EXPECT_EQ(Call("GET", "/api/v1/alerts", "", "demo-employer-token").status, 403);
  // A facility files no declarations.
  EXPECT_EQ(Call("POST", "/api/v1/declarations", kJoin, "demo-facility-token", {}, {{"idempotency-key", "f"}}).status,
            403);
  EXPECT_EQ(Rows(*ctx_, "declarations"), 0);
}

TEST_F(Api, MethodsHeadOptionsAndCors) {
  auto r = Call("DELETE", "/api/v1/persons");
  EXPECT_EQ(r.status, 405);
  bool allow = false;
  for (const auto& [k, v] : r.headers)
    allow |= k == "Allow" && v.find("POST") != std::string::npos && v.find("GET") != std::string::npos;
  EXPECT_TRUE(allow);
  EXPECT_EQ(Call("GET", "/api/v1/no-such-thing").status, 404);
  r = Call("HEAD", "/api/v1/health", "", "");
  EXPECT_EQ(r.status, 200);
  r = Call("OPTIONS", "/api/v1/persons", "", "", {}, {{"origin", "https://console.example"}});
  EXPECT_EQ(r.status, 204);
}

TEST_F(Api, LongListsArePaged) {
  for (int i = 0; i < 5; ++i) {
    std::string cccd = "00108501234" + std::to_string(i);
    ASSERT_EQ(
        Call("POST", "/api/v1/persons",
             R"({"cccd":")" + cccd + R"(","full_name":"Trần Thị Bình","dob":"1985-03-02","sex":"1","province":"01"})")
            .status,
        201);
  }
  auto p1 = Call("GET", "/api/v1/persons", "", "demo-officer-token", {{"q", "tran thi"}, {"limit", "2"}});
  ASSERT_EQ(p1.status, 200) << p1.body;
  EXPECT_EQ(J(p1)["persons"].size(), 2u);
  EXPECT_EQ(J(p1)["page"]["total"], 5);
  std::string cursor = J(p1)["page"]["next_cursor"];
  auto p3 =
      Call("GET", "/api/v1/persons", "", "demo-officer-token", {{"q", "tran thi"}, {"limit", "2"}, {"cursor", "o4"}});
  EXPECT_EQ(J(p3)["persons"].size(), 1u);
  EXPECT_TRUE(J(p3)["page"]["next_cursor"].is_null());
  EXPECT_EQ(Call("GET", "/api/v1/persons", "", "demo-officer-token", {{"q", "tran"}, {"cursor", "zz"}}).status, 422);
  EXPECT_EQ(Call("GET", "/api/v1/persons", "", "demo-officer-token", {{"q", "tran"}, {"limit", "0"}}).status, 422);
}

TEST_F(Api, DownloadsSayTheirFileName) {
  auto r = Call("GET", "/api/v1/drug-prices", "", "demo-officer-token", {{"format", "csv"}});
  ASSERT_EQ(r.status, 200);
  bool named = false;
  for (const auto& [k, v] : r.headers) named |= k == "Content-Disposition" && v.find("attachment") != std::string::npos;
  EXPECT_TRUE(named);
}

TEST_F(Api, CardIssuedOverTheApiIsEligibleAtOnce) {
  ASSERT_EQ(Call("POST", "/api/v1/persons",
                 R"({"cccd":"001085012345","full_name":"Nguyễn Văn An","dob":"1985-03-02","sex":"1","province":"01"})")
                .status,
            201);
  auto bad = Call(
      "POST", "/api/v1/cards",
      R"({"cccd":"001085012345","code":"DN3010112345678","valid_from":"2026-01-01","valid_to":"2026-12-31","facility":"01001"})");
  EXPECT_EQ(bad.status, 422);  // DN is level 4, not 3
  EXPECT_EQ(J(bad)["error"]["field"], "code");
  auto ok = Call(
      "POST", "/api/v1/cards",
      R"({"cccd":"001085012345","code":"DN4010112345678","valid_from":"2026-01-01","valid_to":"2026-12-31","facility":"01001"})");
  ASSERT_EQ(ok.status, 201) << ok.body;
  auto e = Call("GET", "/api/v1/eligibility", "", "demo-facility-token",
                {{"id", "001085012345"}, {"facility", "01001"}, {"date", "2026-11-20"}});
  ASSERT_EQ(e.status, 200) << e.body;
  EXPECT_EQ(J(e)["code"], "000");
  EXPECT_EQ(J(e)["benefit_percent"], "80");
  // A death recorded over the API answers 120 at once.
  ASSERT_EQ(Call("POST", "/api/v1/persons/001085012345/deceased", R"({"deceased_on":"2026-01-10"})").status, 200);
  e = Call("GET", "/api/v1/eligibility", "", "demo-facility-token",
           {{"id", "001085012345"}, {"facility", "01001"}, {"date", "2026-11-20"}});
  EXPECT_EQ(J(e)["code"], "120");
}

// A worker who joins gets an SI number and a card, and the hospital's card
// check finds it as soon as the declaration commits (issue #9: before, the
// check answered 050 for someone whose employer was paying).
TEST_F(Api, AWorkerWhoJoinsIsEligibleAtOnce) {
  ASSERT_EQ(Call("POST", "/api/v1/employers",
                 R"({"code":"01A1","tax_code":"0101234567","name":"Công ty A","type":"enterprise","province":"01","region":1})")
                .status,
            201);
  auto before = Call("GET", "/api/v1/eligibility", "", "demo-facility-token",
                     {{"id", "001085012345"}, {"facility", "01001"}, {"date", "2026-11-20"}});
  EXPECT_NE(J(before)["code"], "000");
  auto d = Call("POST", "/api/v1/declarations",
                R"({"employer_code":"01A1","month":"2026-11","rows":[{"action":"join","cccd":"001085012345","effective_month":"2026-11","salary":10000000,"full_name":"Nguyễn Văn An","dob":"1985-03-02","sex":"1","province":"01","facility":"01001"}]})",
                "demo-officer-token", {}, {{"idempotency-key", "join-1"}});
  ASSERT_EQ(d.status, 201) << d.body;
  ASSERT_EQ(J(d)["cards"].size(), 1u);
  EXPECT_EQ(J(d)["cards"][0]["card_code"], "DN4010100000001");
  auto e = Call("GET", "/api/v1/eligibility", "", "demo-facility-token",
                {{"id", "001085012345"}, {"facility", "01001"}, {"date", "2026-11-20"}});
  ASSERT_EQ(e.status, 200) << e.body;
  EXPECT_EQ(J(e)["code"], "000");
  EXPECT_EQ(J(e)["card"]["code"], "DN4010100000001");
}

TEST_F(Api, VoluntaryPeriodsRespectTheFloorAndDoNotOverlap) {
  ASSERT_EQ(Call("POST", "/api/v1/persons",
                 R"({"cccd":"001085012345","full_name":"Nguyễn Văn An","dob":"1985-03-02","sex":"1"})")
                .status,
            201);
  auto low = Call("POST", "/api/v1/periods",
                  R"({"cccd":"001085012345","group":"BHXHTN","from_month":"2025-01","salary":1000000})");
  EXPECT_EQ(low.status, 422);  // below the 1,500,000 rural poverty line
  EXPECT_EQ(J(low)["error"]["field"], "salary");
  auto emp = Call("POST", "/api/v1/periods",
                  R"({"cccd":"001085012345","group":"DN","from_month":"2025-01","salary":9000000})");
  EXPECT_EQ(J(emp)["error"]["field"], "group");
  auto ok =
      Call("POST", "/api/v1/periods",
           R"({"cccd":"001085012345","group":"BHXHTN","from_month":"2025-01","to_month":"2025-12","salary":2000000})");
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(J(ok)["funds"], "retirement");
  auto dup = Call("POST", "/api/v1/periods",
                  R"({"cccd":"001085012345","group":"BHXHTN","from_month":"2025-06","salary":2000000})");
  EXPECT_EQ(dup.status, 409);
  auto h = Call("GET", "/api/v1/persons/001085012345/history", "", "demo-officer-token", {{"as_of", "2026-03-01"}});
  EXPECT_EQ(J(h)["months_by_fund"]["retirement"], 12);
}

TEST_F(Api, NegativeClaimAmountsAreRejectedNotSettled) {
  std::string xml =
      "<GIAMDINHHS><THONGTINDONVI><MACSKCB>01001</MACSKCB></THONGTINDONVI><THONGTINHOSO><NGAYLAP>20261120</NGAYLAP>"
      "<SOLUONGHOSO>1</SOLUONGHOSO></THONGTINHOSO></GIAMDINHHS>";
  auto r = Call("POST", "/api/v1/claims/check", xml, "demo-facility-token", {}, {{"content-type", "application/xml"}});
  EXPECT_EQ(r.status, 200) << r.body;
}

}  // namespace
}  // namespace bhxh
