// The programme routes through the router: import by POSTing the raw text
// (dry run, stored, replayed), decision numbers in paths, progress with an
// idempotency key, follow-up, reports in each format, deadlines, units.
#include <gtest/gtest.h>

#include "programmes/import.h"
#include "testing/api_fixture.h"
#include "testing/decision_forms.h"

namespace bhxh {
namespace {

class ProgrammeApi : public testing::ApiTest {
 protected:
  void SetUp() override {
    text_ = testing::SeedText("003_254a1e4a17401211.txt");
    ASSERT_FALSE(text_.empty());  // SeedText has failed the test already
    ApiTest::SetUp();
  }
  std::string text_;
};

// The file as officers have it: a Word document uploaded with its media
// type (or as application/octet-stream: the kind is read from the content),
// stored as the text read from it; a corrupt file refused, nothing stored.
TEST_F(ProgrammeApi, ImportAWordFileAndRefuseACorruptOne) {
  auto units = UnitRegistry::Load(testing::DataDir() + "/programmes/units.csv",
                                  testing::DataDir() + "/programmes/unit_words.csv");
  ASSERT_TRUE(units.ok());
  auto p = ImportDecision(text_, *units);
  ASSERT_TRUE(p.ok());
  auto docx = testing::RenderDocx(testing::DecisionBlocks(text_, *p, *units));
  ASSERT_TRUE(docx.ok());
  const std::string word = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  auto bad = Call("POST", "/api/v1/programmes", std::string("PK\x03\x04", 4) + std::string(64, 'x'),
                  "demo-officer-token", {}, {{"content-type", word}});
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(J(bad)["error"]["field"], "file");
  EXPECT_EQ(J(Call("GET", "/api/v1/programmes"))["programmes"].size(), 0u);
  auto stored = Call("POST", "/api/v1/programmes", *docx, "demo-officer-token", {}, {{"content-type", word}});
  ASSERT_EQ(stored.status, 201) << stored.body;
  EXPECT_EQ(J(stored)["source_format"], "docx");
  EXPECT_EQ(J(stored)["tasks"].size(), 40u);
  auto again = Call("POST", "/api/v1/programmes", *docx, "demo-officer-token", {},
                    {{"content-type", "application/octet-stream"}});
  EXPECT_EQ(again.status, 200) << again.body;  // the same file: a replay
  EXPECT_TRUE(J(again)["stored"]["replayed"].get<bool>());
}

TEST_F(ProgrammeApi, ImportFollowUpAndReport) {
  auto dry = Call("POST", "/api/v1/programmes", text_, "demo-officer-token", {{"dry_run", "true"}},
                  {{"content-type", "text/plain"}});
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(J(dry)["tasks"].size(), 40u);
  EXPECT_EQ(J(Call("GET", "/api/v1/programmes"))["programmes"].size(), 0u);  // a dry run stores nothing
  EXPECT_EQ(Call("POST", "/api/v1/programmes", text_, "demo-facility-token").status, 403);
  EXPECT_EQ(Call("GET", "/api/v1/programmes", "", "demo-employer-token").status, 403);  // internal to the agency
  EXPECT_EQ(Call("GET", "/api/v1/followup", "", "demo-facility-token").status, 403);
  auto stored = Call("POST", "/api/v1/programmes", text_);
  ASSERT_EQ(stored.status, 201) << stored.body;
  EXPECT_EQ(Call("POST", "/api/v1/programmes", text_).status, 200);  // the same text again: a replay
  EXPECT_EQ(Call("POST", "/api/v1/programmes", "không phải quyết định").status, 422);
  // The decision number in a path, '/' written %2F.
  auto tasks = Call("GET", "/api/v1/programmes/88%2FQĐ-BHXH/tasks", "", "demo-officer-token",
                    {{"unit", "TCKT"}, {"as_of", "2024-06-01"}});
  ASSERT_EQ(tasks.status, 200) << tasks.body;
  EXPECT_EQ(J(tasks)["tasks"][0]["key"], "1.1");
  EXPECT_EQ(Call("GET", "/api/v1/programmes/99%2FQĐ-BHXH/tasks").status, 404);
  std::string body = R"({"unit":"TCKT","status":"in_progress","percent":60,"note":"Đã triển khai"})";
  auto p1 = Call("POST", "/api/v1/programmes/88%2FQĐ-BHXH/tasks/1.1/progress", body, "demo-officer-token", {},
                 {{"idempotency-key", "p-1"}});
  ASSERT_EQ(p1.status, 201) << p1.body;
  auto p2 = Call("POST", "/api/v1/programmes/88%2FQĐ-BHXH/tasks/1.1/progress", body, "demo-officer-token", {},
                 {{"idempotency-key", "p-1"}});
  EXPECT_EQ(p2.status, 200);
  EXPECT_EQ(J(p2)["progress"]["id"], J(p1)["progress"]["id"]);
  auto bad = Call("POST", "/api/v1/programmes/88%2FQĐ-BHXH/tasks/1.1/progress", R"({"unit":"TCKT","status":"xong"})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(J(bad)["error"]["field"], "status");
  auto fu = Call("GET", "/api/v1/followup", "", "demo-officer-token", {{"leader", "Lê Hùng Sơn"}});
  ASSERT_EQ(fu.status, 200) << fu.body;
  EXPECT_EQ(J(fu)["by"], "leader");
  EXPECT_GT(J(fu)["groups"].size(), 0u);
  auto md = Call("GET", "/api/v1/programmes/88%2FQĐ-BHXH/report", "", "demo-officer-token", {{"format", "md"}});
  ASSERT_EQ(md.status, 200);
  EXPECT_EQ(md.content_type, "text/markdown; charset=utf-8");
  EXPECT_NE(md.body.find("Đã triển khai"), std::string::npos);
  auto xlsx = Call("GET", "/api/v1/programmes/88%2FQĐ-BHXH/report", "", "demo-officer-token", {{"format", "xlsx"}});
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  EXPECT_EQ(Call("GET", "/api/v1/programmes/88%2FQĐ-BHXH/report", "", "demo-officer-token", {{"format", "pdf"}}).status,
            422);
  auto dl = Call("GET", "/api/v1/deadlines", "", "demo-officer-token", {{"from", "2024-01-01"}, {"to", "2024-03-31"}});
  ASSERT_EQ(dl.status, 200);
  const Json deadlines = J(dl)["deadlines"];  // a copy: the parsed temporary would die before the loop
  EXPECT_FALSE(deadlines.empty());
  for (const auto& d : deadlines) EXPECT_LE(d["date"].get<std::string>(), "2024-03-31");
  auto unknown = Call("GET", "/api/v1/units/unknown");
  ASSERT_EQ(unknown.status, 200);
  EXPECT_EQ(J(unknown)["unknown"][0]["tasks"][0]["key"], "1.4");
}

}  // namespace
}  // namespace bhxh
