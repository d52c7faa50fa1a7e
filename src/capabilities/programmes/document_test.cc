// The five seed decisions' metadata, read from their raw text.
#include "programmes/document.h"

#include <gtest/gtest.h>

#include "base/csv.h"
#include "testing/test_support.h"

namespace bhxh {
namespace {

std::string Seed(const std::string& name) { return testing::SeedText(name); }

TEST(Document, BrokenWordsAreRejoinedWithTheDocumentsOwnVocabulary) {
  std::string text =
      "Căn cứ Nghị đ\nị\nnh s\nố\n01/2016/NĐ-CP ngày 05 tháng 01 năm 2016 của Chính phủ quy định;\n"
      "Tiếp tục phát triển đối tượng th\na\nm gia BHXH, tăng c\nườ\nng quản lý và các đơn vị liên quan\n"
      "Đơn\n  vị chủ trì có li\nên quan đến định số;\nSố:\n1541\n/QĐ-BHXH\n";
  auto lines = SplitSourceLines(text);
  auto vocab = DocumentVocabulary(lines);
  std::string joined = JoinLines(lines, 0, lines.size(), vocab);
  EXPECT_NE(joined.find("Căn cứ Nghị định số 01/2016/NĐ-CP"), std::string::npos) << joined;
  EXPECT_NE(joined.find("đối tượng tham gia"), std::string::npos) << joined;
  EXPECT_NE(joined.find("tăng cường quản lý"), std::string::npos) << joined;
  EXPECT_NE(joined.find("Đơn vị chủ trì có liên quan"), std::string::npos) << joined;
  EXPECT_NE(joined.find("Số: 1541/QĐ-BHXH"), std::string::npos) << joined;
}

TEST(Document, SeedMetadata) {
  struct Case {
    const char* file;
    const char* number;
    const char* date;
    const char* signer;
    const char* signing;
    const char* title_start;
    size_t bases;
  };
  const Case cases[] = {
      {"000_7318c461c9c33541.txt", "1541/QĐ-BHXH", "2017-09-22", "Đào Việt Ánh",
       "KT. TỔNG GIÁM ĐỐC / PHÓ TỔNG GIÁM ĐỐC", "BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG", 2},
      {"001_76d0ab86a136d09b.txt", "249/QĐ-BHXH", "2024-02-29", "Nguyễn Thế Mạnh", "TỔNG GIÁM ĐỐC",
       "BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG", 2},
      {"002_dfc3ba65e88b699e.txt", "2422/QĐ-BHXH", "2020-12-25", "Nguyễn Thế Mạnh", "TỔNG GIÁM ĐỐC",
       "BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG", 3},
      {"003_254a1e4a17401211.txt", "88/QĐ-BHXH", "2024-01-30", "Nguyễn Thế Mạnh", "TỔNG GIÁM ĐỐC",
       "VỀ VIỆC BAN HÀNH CHƯƠNG TRÌNH CÔNG TÁC TRỌNG TÂM", 3},
      {"004_85c8068c912dad62.txt", "1712/QĐ-BHXH", "2023-11-29", "Nguyễn Thế Mạnh", "TỔNG GIÁM ĐỐC",
       "VỀ VIỆC BAN HÀNH KẾ HOẠCH", 0},
  };
  for (const Case& c : cases) {
    std::string text = Seed(c.file);
    if (text.empty()) return;  // SeedText has failed the test
    auto h = ReadDecisionHeader(text);
    ASSERT_TRUE(h.ok()) << c.file << ": " << h.status().ToString();
    EXPECT_EQ(h->number, c.number) << c.file;
    ASSERT_TRUE(h->date.has_value()) << c.file;
    EXPECT_EQ(h->date->ToString(), c.date) << c.file;
    EXPECT_EQ(h->place, "Hà Nội") << c.file;
    EXPECT_EQ(h->issuer, "BẢO HIỂM XÃ HỘI VIỆT NAM") << c.file;
    EXPECT_EQ(h->authority, "TỔNG GIÁM ĐỐC BẢO HIỂM XÃ HỘI VIỆT NAM") << c.file;
    EXPECT_EQ(h->signer, c.signer) << c.file;
    EXPECT_EQ(h->signing_line, c.signing) << c.file;
    EXPECT_EQ(h->title.rfind(c.title_start, 0), 0u) << c.file << ": " << h->title;
    if (c.bases) {
      EXPECT_GE(h->legal_bases.size(), c.bases) << c.file;
    }
  }
}

TEST(Document, LegalBasesAreReferences) {
  std::string text = Seed("001_76d0ab86a136d09b.txt");
  if (text.empty()) return;  // SeedText has failed the test
  auto h = ReadDecisionHeader(text);
  ASSERT_TRUE(h.ok());
  ASSERT_EQ(h->legal_bases.size(), 2u);
  EXPECT_EQ(h->legal_bases[0].kind, "Nghị định");
  EXPECT_EQ(h->legal_bases[0].number, "89/2020/NĐ-CP");
  EXPECT_EQ(h->legal_bases[0].date->ToString(), "2020-08-04");
  EXPECT_EQ(h->legal_bases[1].kind, "Quyết định");
  EXPECT_EQ(h->legal_bases[1].number, "38/QĐ-TTg");
  EXPECT_EQ(h->legal_bases[1].date->ToString(), "2024-01-11");
}

TEST(Document, OtherTextIsRejectedClearly) {
  auto h = ReadDecisionHeader("Biên bản họp giao ban\nNgày 1/1/2024\nNội dung: ...\n");
  EXPECT_EQ(h.status().code(), "not_a_decision");
}

}  // namespace
}  // namespace bhxh
