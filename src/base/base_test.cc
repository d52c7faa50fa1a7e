#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "base/cccd.h"
#include "base/citation.h"
#include "base/csv.h"
#include "base/date.h"
#include "base/money.h"
#include "base/text.h"

namespace bhxh {
namespace {

bool KnownProvince(std::string_view c) { return c == "001" || c == "079" || c == "074"; }

TEST(Cccd, AcceptsWellFormedNumberAgreeingWithBirthYearAndSex) {
  // 001 Hà Nội, digit 4 = 0 (male, 1900s), 85 = 1985.
  EXPECT_TRUE(ValidateCccd("001085012345", KnownProvince, PartialDate{1985, 3, 2}, Sex::kMale).ok());
  // 3 = female born 2000-2099; 05 = 2005.
  EXPECT_TRUE(ValidateCccd("079305000001", KnownProvince, PartialDate{2005, 0, 0}, Sex::kFemale).ok());
}

TEST(Cccd, RejectsEachBrokenRuleWithTheField) {
  auto s = ValidateCccd("00108501234", KnownProvince, std::nullopt, std::nullopt);
  EXPECT_EQ(s.code(), "invalid_cccd");
  EXPECT_EQ(s.field(), "cccd");
  EXPECT_FALSE(ValidateCccd("00108501234a", KnownProvince, std::nullopt, std::nullopt).ok());
  EXPECT_FALSE(ValidateCccd("099085012345", KnownProvince, std::nullopt, std::nullopt).ok());  // unknown province
  EXPECT_FALSE(ValidateCccd("001085012345", KnownProvince, PartialDate{1985, 1, 1}, Sex::kFemale).ok());  // sex digit
  EXPECT_FALSE(ValidateCccd("001085012345", KnownProvince, PartialDate{1986, 1, 1}, Sex::kMale).ok());    // year
  EXPECT_FALSE(ValidateCccd("001285012345", KnownProvince, PartialDate{1985, 1, 1}, Sex::kMale).ok());    // century
}

TEST(CardCode, ParsesTheFifteenCharacterLayout) {
  auto c = ParseCardCode("HS4010120878811");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->group, "HS");
  EXPECT_EQ(c->level, 4);
  EXPECT_EQ(c->province, "01");
  EXPECT_EQ(c->si_number, "0120878811");
  EXPECT_FALSE(ParseCardCode("HS6010120878811").ok());  // benefit digit 6
  EXPECT_FALSE(ParseCardCode("hs4010120878811").ok());
  EXPECT_FALSE(ParseCardCode("HS401012087881").ok());
}

TEST(Text, FoldingIgnoresDiacriticsCaseAndSpacing) {
  EXPECT_EQ(*FoldForSearch("Nguyễn Văn An"), "nguyen van an");
  EXPECT_EQ(*FoldForSearch("  ĐẶNG   Thị Ánh "), "dang thi anh");
  EXPECT_EQ(*FoldForSearch("Đỗ Đức Được"), "do duc duoc");
  EXPECT_FALSE(FoldForSearch(std::string("\xff\xfe", 2)).ok());
}

// RFC 3629 at every offset, so both the eight-byte ASCII path and the
// byte-by-byte path meet each case.
TEST(Text, Utf8IsCheckedByteByByteAndEightAtATime) {
  const std::string ascii = "<MA_LK>LK1</MA_LK>";
  for (size_t at = 0; at <= ascii.size(); ++at) {
    auto with = [&](std::string_view bytes) { return ascii.substr(0, at) + std::string(bytes) + ascii.substr(at); };
    EXPECT_TRUE(IsValidUtf8(with("Nguyễn")));               // 2- and 3-byte sequences
    EXPECT_TRUE(IsValidUtf8(with("\xF0\x9F\x98\x80")));      // U+1F600
    EXPECT_FALSE(IsValidUtf8(with("\xC0\x80")));            // overlong NUL
    EXPECT_FALSE(IsValidUtf8(with("\xE0\x80\xAF")));        // overlong '/'
    EXPECT_FALSE(IsValidUtf8(with("\xED\xA0\x80")));        // a surrogate
    EXPECT_FALSE(IsValidUtf8(with("\xF4\x90\x80\x80")));    // above U+10FFFF
    EXPECT_FALSE(IsValidUtf8(with("\xFF")));
    EXPECT_FALSE(IsValidUtf8(with("\x80")));                // a continuation alone
  }
  EXPECT_FALSE(IsValidUtf8(ascii + "\xE1\xBB"));  // cut short at the end
  EXPECT_TRUE(IsValidUtf8(""));
}

TEST(Text, UpperFirstTakesTheWholeLetter) {
  EXPECT_EQ(UpperFirst("chủ trì, phối hợp"), "Chủ trì, phối hợp");
  EXPECT_EQ(UpperFirst("đề nghị"), "Đề nghị");
  EXPECT_EQ(UpperFirst("ứng dụng"), "Ứng dụng");
  EXPECT_EQ(UpperFirst(""), "");
  EXPECT_EQ(UpperFirst("2026"), "2026");
}

// The data's citations as people read them; Vietnamese ones unchanged.
TEST(Text, CitationsInVietnamese) {
  EXPECT_EQ(CitationVi("Decree 115/2015/NĐ-CP Art.7"), "Nghị định 115/2015/NĐ-CP, Điều 7");
  EXPECT_EQ(CitationVi("41/2024/QH15 Art.70.1.a"), "Luật 41/2024/QH15, Điều 70.1.a");
  EXPECT_EQ(CitationVi("Employment Law 38/2013/QH13 Art.50.1"), "Luật Việc làm 38/2013/QH13, Điều 50.1");
  EXPECT_EQ(CitationVi("58/2014/QH13 Art.38; Official letter 3432/LĐTBXH-BHXH (08/09/2016) mục 2.a"),
            "Luật 58/2014/QH13, Điều 38; Công văn 3432/LĐTBXH-BHXH (08/09/2016) mục 2.a");
  EXPECT_EQ(CitationVi("Labour Code 45/2019/QH14 Art.219.2 (amending 58/2014/QH13 Art.55)"),
            "Bộ luật Lao động 45/2019/QH14, Điều 219.2 (sửa đổi 58/2014/QH13, Điều 55)");
  EXPECT_EQ(CitationVi("Joint Circular 01/2017"), "Thông tư liên tịch 01/2017");
  EXPECT_EQ(CitationVi("Circular 01/2025/TT-BLĐTBXH"), "Thông tư 01/2025/TT-BLĐTBXH");
  EXPECT_EQ(CitationVi("Resolution 93/2015/QH13"), "Nghị quyết 93/2015/QH13");
  EXPECT_EQ(CitationVi("Law on HI 25/2008 Art.12.3 (amended by 46/2014)"),
            "Luật Bảo hiểm y tế 25/2008, Điều 12.3 (được sửa đổi bởi 46/2014)");
  EXPECT_EQ(CitationVi("Luật BHXH 58/2014/QH13, Điều 60.2"), "Luật BHXH 58/2014/QH13, Điều 60.2");
  EXPECT_EQ(CitationVi(""), "");
}

TEST(Dates, ParseValidateAndStepMonths) {
  EXPECT_TRUE(Date::Parse("2024-02-29", "d").ok());
  EXPECT_FALSE(Date::Parse("2023-02-29", "d").ok());
  EXPECT_EQ(Date::Parse("2023-13-01", "d").status().field(), "d");
  Month m = *Month::Parse("2025-12", "m");
  EXPECT_EQ(m.Next().ToString(), "2026-01");
  EXPECT_EQ(m.LastDay().ToString(), "2025-12-31");
  EXPECT_EQ(Month::Parse("02/2024", "m")->ToString(), "2024-02");
  EXPECT_EQ(Month::Of(2024, 2).LastDay().ToString(), "2024-02-29");
  // Months added to a day keep the day, or the month's last when it has none.
  EXPECT_EQ(Date::FromYmd(2025, 1, 31).AddMonths(1).ToString(), "2025-02-28");
  EXPECT_EQ(Date::FromYmd(2024, 1, 31).AddMonths(1).ToString(), "2024-02-29");
  EXPECT_EQ(Date::FromYmd(2024, 2, 29).AddMonths(12).ToString(), "2025-02-28");
  EXPECT_EQ(Date::FromYmd(2024, 2, 29).AddMonths(48).ToString(), "2028-02-29");
  EXPECT_EQ(Date::FromYmd(1966, 5, 20).AddMonths(55 * 12 + 4).ToString(), "2021-09-20");
  EXPECT_EQ(Date::FromYmd(2026, 3, 31).AddMonths(-1).ToString(), "2026-02-28");
  auto p = PartialDate::Parse("1950", "dob");
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(p->Matches(PartialDate{1950, 4, 1}));
  EXPECT_FALSE(PartialDate::Parse("1950-13", "dob").ok());
}

TEST(Money, RatesRoundHalfUpToTheDong) {
  EXPECT_EQ(ApplyRate(10'000'000, 80'000), 800'000);  // 8%
  EXPECT_EQ(ApplyRate(4'410'000, 5'000), 22'050);     // 0.5%
  EXPECT_EQ(ApplyRate(3'333'333, 15'000), 50'000);    // 1.5% of 3,333,333 = 49,999.995
  EXPECT_EQ(*ParsePercent("17.5", "r"), 175'000);
  EXPECT_EQ(*ParsePercent("0.03", "r"), 300);
  EXPECT_FALSE(ParsePercent("1.23456", "r").ok());
  EXPECT_EQ(*ParseVnd("10.000.000", "a"), 10'000'000);
  EXPECT_FALSE(ParseVnd("-5", "a").ok());
  EXPECT_EQ(FormatVnd(1234567), "1.234.567");
  // Thousandths: dots between thousands, a decimal comma, no trailing zeros.
  EXPECT_EQ(FormatMilli(3'751'500), "3.751,5");
  EXPECT_EQ(FormatMilli(26'000'000), "26.000");
  EXPECT_EQ(FormatMilli(850'505), "850,505");
  EXPECT_EQ(FormatMilli(-250), "-0,25");
  EXPECT_EQ(FormatMilli(-1'234'567'001), "-1.234.567,001");
  EXPECT_EQ(FormatMilli(0), "0");
  // Percent text keeps the sign of a rate between 0 and -1% (-0.5% once read "0.5").
  EXPECT_EQ(PercentString(175'000), "17.5");
  EXPECT_EQ(PercentString(300), "0.03");
  EXPECT_EQ(PercentString(-5'000), "-0.5");
  EXPECT_EQ(PercentString(-1'250'000), "-125");
  EXPECT_EQ(PercentString(0), "0");
  // The shared fixed-point text: a coefficient keeps two decimals at least,
  // an open-data price has a '.' and no grouping, whole đồng are grouped.
  EXPECT_EQ(FixedText(1'000'000, 1'000'000, '.', 2), "1.00");
  EXPECT_EQ(FixedText(5'430'000, 1'000'000, '.', 2), "5.43");
  EXPECT_EQ(FixedText(1'034'500, 1'000'000, '.', 2), "1.0345");
  EXPECT_EQ(FixedText(1'250'500, 1000, '.'), "1250.5");
  EXPECT_EQ(FixedText(999, 1, ',', 0, true), "999");
  EXPECT_EQ(FixedText(1000, 1, ',', 0, true), "1.000");
  EXPECT_EQ(FixedText(-123'456, 1, ',', 0, true), "-123.456");
  EXPECT_EQ(FixedText(INT64_MIN, 1, ',', 0, true), "-9.223.372.036.854.775.808");
}

TEST(Csv, QuotedFieldsAndLineNumbers) {
  auto t = ParseCsv("# comment\na,b\n1,\"x, \"\"y\"\"\"\n\n2,z\n", "t");
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0].cells[1], "x, \"y\"");
  EXPECT_EQ(t->rows[1].line, 5);
  auto bad = ParseCsv("a,b\n1,2,3\n", "t");
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().field(), "t:2");
}

// A file is read whole and exactly, whatever its size says: a regular file
// of 200,003 bytes (more than one chunk, every byte value), an empty one, a
// file whose size the kernel reports as 0 though it has content, a missing
// path and a directory.
TEST(ReadFile, ReadsEveryByteAndNamesWhatFails) {
  const std::string dir = ::testing::TempDir() + "/bhxh_readfile";
  std::filesystem::create_directories(dir);
  std::string bytes;
  for (int i = 0; i < 200'003; ++i) bytes.push_back(static_cast<char>((i * 7919) % 256));
  {
    std::ofstream(dir + "/big.bin", std::ios::binary) << bytes;
    std::ofstream(dir + "/empty.bin", std::ios::binary);
  }
  auto big = ReadFile(dir + "/big.bin");
  ASSERT_TRUE(big.ok()) << big.status().ToString();
  EXPECT_EQ(big->size(), 200'003u);
  EXPECT_TRUE(*big == bytes);
  auto empty = ReadFile(dir + "/empty.bin");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
  auto proc = ReadFile("/proc/self/status");  // st_size 0, content read in chunks
  ASSERT_TRUE(proc.ok());
  EXPECT_NE(proc->find("Name:"), std::string::npos);
  auto missing = ReadFile(dir + "/none.xml");
  EXPECT_EQ(missing.status().code(), "not_found");
  EXPECT_EQ(missing.status().field(), "file");
  auto directory = ReadFile(dir);
  ASSERT_FALSE(directory.ok());
  EXPECT_NE(directory.status().message_en().find("cannot read file"), std::string::npos);
  EXPECT_NE(directory.status().message_vi().find("đây là một thư mục"), std::string::npos);
  EXPECT_NE(missing.status().message_vi().find("không tồn tại"), std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace bhxh

namespace bhxh {
namespace {
// Dates in Vietnamese text read day first; a birth date may lack its day or month.
TEST(Dates, ReadAsPeopleWriteThem) {
  EXPECT_EQ(PartialDate({1966, 3, 2}).ToVi(), "02/03/1966");
  EXPECT_EQ(PartialDate({1966, 3, 0}).ToVi(), "03/1966");
  EXPECT_EQ(PartialDate({1966, 0, 0}).ToVi(), "1966");
  EXPECT_EQ(Date::Parse("2026-01-31", "d")->ToVi(), "31/01/2026");
}
}  // namespace
}  // namespace bhxh
