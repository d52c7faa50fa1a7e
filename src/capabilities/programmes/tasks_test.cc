// 88/QĐ-BHXH: 40 tasks under 17 units, with the counts the document states.
#include "programmes/tasks.h"

#include <gtest/gtest.h>

#include "base/csv.h"
#include "programmes/test_units.h"
#include "testing/test_support.h"

namespace bhxh {
namespace {

std::string Seed(const std::string& name) { return testing::SeedText(name); }

const UnitRegistry& Units();

Result<TaskTable> ReadSeedTable(const std::string& text) {
  auto header = ReadDecisionHeader(text);
  if (!header.ok()) return header.status();
  auto lines = SplitSourceLines(text);
  auto vocab = DocumentVocabulary(lines);
  size_t from = 0;
  while (from < lines.size() && lines[from].number < header->body_start_line) ++from;
  return ReadTaskTable(lines, from, lines.size(), vocab, Units());
}

const UnitRegistry& Units() { return testing::ProgrammeUnits(); }

TEST(Tasks, KeyProgramme2024HasFortyTasksUnderSeventeenUnits) {
  std::string text = Seed("003_254a1e4a17401211.txt");
  if (text.empty()) return;  // SeedText has failed the test
  auto t = ReadSeedTable(text);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->stated_total, 40);
  EXPECT_EQ(t->tasks.size(), 40u);
  ASSERT_EQ(t->groups.size(), 17u);
  for (const auto& g : t->groups) {
    EXPECT_EQ(g.tasks, g.stated_count) << "group " << g.id << " " << g.title;
    EXPECT_FALSE(g.units.empty()) << "group " << g.id << " " << g.title;
  }
  EXPECT_TRUE(t->unplaced.empty()) << t->unplaced[0].text;
  // A sample, field by field.
  const TaskRow* t11 = nullptr;
  const TaskRow* t13 = nullptr;
  const TaskRow* t61 = nullptr;
  const TaskRow* t153 = nullptr;
  for (const auto& x : t->tasks) {
    if (x.id == "1.1") t11 = &x;
    if (x.id == "1.3") t13 = &x;
    if (x.id == "6.1") t61 = &x;
    if (x.id == "15.3") t153 = &x;
  }
  ASSERT_TRUE(t11 && t13 && t61 && t153);
  EXPECT_EQ(t11->content.rfind("Đẩy mạnh thực hiện chi trả các chế độ BHXH, trợ cấp thất nghiệp", 0), 0u)
      << t11->content;
  EXPECT_NE(t11->content.find("Quyết định số 1813/QĐ-TTg ngày 28/10/2021"), std::string::npos) << t11->content;
  EXPECT_EQ(t11->lead_units, std::vector<std::string>{"TCKT"});
  EXPECT_EQ(t11->coordinating_units, std::vector<std::string>{"BHXH_TINH"});
  EXPECT_EQ(t11->timeframe.kind, "range");
  EXPECT_EQ(t11->timeframe.end->ToString(), "2024-12-31");
  EXPECT_EQ(t11->leader, "PTGĐ Lê Hùng Sơn");
  EXPECT_EQ(t13->timeframe.kind, "conditional");
  EXPECT_NE(t61->content.find("Luật BHXH (sửa đổi) tại kỳ họp thứ 6"), std::string::npos) << t61->content;
  EXPECT_EQ(t153->leader, "PTGĐ Trần Đình Liệu; PTGĐ Chu Mạnh Sinh");
  EXPECT_EQ(t153->timeframe.start->ToString(), "2023-01-01");
  EXPECT_EQ(t153->timeframe.end->ToString(), "2025-12-31");
}

TEST(Tasks, CooperativeProgrammeHasTenTasksWithLeadAndCoordinatingUnits) {
  std::string text = Seed("002_dfc3ba65e88b699e.txt");
  if (text.empty()) return;  // SeedText has failed the test
  auto t = ReadSeedTable(text);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  ASSERT_EQ(t->tasks.size(), 10u);
  EXPECT_TRUE(t->unplaced.empty());
  const TaskRow& first = t->tasks[0];
  EXPECT_EQ(first.id, "1");
  EXPECT_EQ(first.content.rfind("Tổ chức rà soát việc thực hiện chính sách, chế độ BHXH, BHYT, BHTN", 0), 0u)
      << first.content;
  EXPECT_EQ(first.lead_units, std::vector<std::string>{"TST"});
  EXPECT_EQ(first.coordinating_units, (std::vector<std::string>{"CSXH", "CSYT", "CNTT", "BHXH_TINH"}));
  const TaskRow& eighth = t->tasks[7];
  EXPECT_NE(eighth.content.find("tuyên truyền, phổ biến những điểm mới"), std::string::npos) << eighth.content;
  const TaskRow& last = t->tasks[9];
  EXPECT_EQ(last.content, "Theo dõi, đôn đốc triển khai thực hiện Chương trình hành động");
  EXPECT_EQ(last.lead_units, std::vector<std::string>{"VP"});
  EXPECT_EQ(last.coordinating_units, std::vector<std::string>{"KHĐT"});
  for (const auto& x : t->tasks) EXPECT_TRUE(x.unknown_units.empty()) << x.id;
}

}  // namespace
}  // namespace bhxh
