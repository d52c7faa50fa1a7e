// What people read: Vietnamese numbers and dates, and tables aligned by the
// columns a terminal shows, not by bytes.
#include "platform/cli/format.h"

#include <gtest/gtest.h>

#include <sstream>

namespace bhxh {
namespace {

TEST(Format, NumbersMoneyAndDatesTheVietnameseWay) {
  EXPECT_EQ(NumberVi(0), "0");
  EXPECT_EQ(NumberVi(1234567), "1.234.567");
  EXPECT_EQ(NumberVi(-1000), "-1.000");
  EXPECT_EQ(MoneyVi(3200000), "3.200.000 đ");
  EXPECT_EQ(DecimalVi(12.5, 1), "12,5");
  EXPECT_EQ(DecimalVi(1234.567, 2), "1.234,57");
  EXPECT_EQ(PercentTextVi("0.5"), "0,5%");
  EXPECT_EQ(DateVi("2025-07-01"), "01/07/2025");
  EXPECT_EQ(DateVi("2025-07"), "07/2025");
  // A UTC timestamp is shown in Vietnam's time, the next day after 17:00 UTC.
  EXPECT_EQ(DateVi("2026-11-30T18:05:00Z"), "01/12/2026 01:05");
  EXPECT_EQ(DateVi("2026-11-30T03:05:00Z"), "30/11/2026 10:05");
  EXPECT_EQ(DateVi("không phải ngày"), "không phải ngày");
}

TEST(Format, DisplayWidthCountsWhatTheTerminalShows) {
  EXPECT_EQ(DisplayWidth("Hợp tác xã"), 10u);          // 14 bytes
  EXPECT_EQ(DisplayWidth("Nguyễn Thị Ánh"), 14u);
  EXPECT_EQ(DisplayWidth("Ho\xCC\x9B\xCC\xA3p"), 3u);  // combining marks take no column
  EXPECT_EQ(DisplayWidth("漢字"), 4u);                  // wide characters take two
  EXPECT_EQ(FitWidth("Bảo hiểm xã hội Việt Nam", 10), "Bảo hiểm …");
}

TEST(Format, TableColumnsLineUpWithDiacritics) {
  TextTable t({{"Tỉnh"}, {"Loại hình"}, {"Số nợ", TextTable::Align::kRight}});
  t.Row({"Hà Nội", "Hợp tác xã", MoneyVi(12500000)});
  t.Row({"Thành phố Hồ Chí Minh", "Doanh nghiệp", MoneyVi(900)});
  std::ostringstream out;
  t.Print(out);
  std::istringstream lines(out.str());
  std::string line;
  std::vector<std::string> all;
  while (std::getline(lines, line)) all.push_back(line);
  ASSERT_EQ(all.size(), 4u);
  // Every line is as wide as the header on screen, and the second column
  // starts at the same screen column on every line.
  size_t width = DisplayWidth(all[0]);
  for (const auto& l : all) EXPECT_EQ(DisplayWidth(l), width) << l;
  auto col2 = [](const std::string& l, const std::string& cell) { return DisplayWidth(l.substr(0, l.find(cell))); };
  EXPECT_EQ(col2(all[0], "Loại hình"), col2(all[2], "Hợp tác xã"));
  EXPECT_EQ(col2(all[2], "Hợp tác xã"), col2(all[3], "Doanh nghiệp"));
  EXPECT_EQ(all[2].substr(all[2].size() - std::string("12.500.000 đ").size()), "12.500.000 đ");
}

}  // namespace
}  // namespace bhxh
