// Cells of the seeds' task tables resolve to registry entries; abbreviations
// and earlier names too; unknown names are returned, not dropped.
#include "programmes/units.h"

#include <gtest/gtest.h>

#include "programmes/test_units.h"
#include "testing/test_support.h"

namespace bhxh {
namespace {

const UnitRegistry& R() { return testing::ProgrammeUnits(); }

std::vector<std::string> Ids(const std::string& cell) { return R().ResolveList(cell).ids; }

TEST(Units, AbbreviationListsOfThe2024Programme) {
  // 88/QĐ-BHXH task 7.1.
  EXPECT_EQ(Ids("Các đơn vị: TCCB, PC, GĐĐT, TST, CSXH, TTKT, TCKT, HTQT và BHXH các tỉnh, thành phố"),
            (std::vector<std::string>{"TCCB", "PC", "GĐĐT", "TST", "CSXH", "TTKT", "TCKT", "HTQT", "BHXH_TINH"}));
  EXPECT_EQ(Ids("Các đơn vị: KTNB, TTKT, GĐĐT"), (std::vector<std::string>{"KTNB", "TTKT", "GĐĐT"}));
  EXPECT_EQ(Ids("Bộ Y tế; Các đơn vị: TCKT, GĐĐT, TTKT, KTNB, PC"),
            (std::vector<std::string>{"BYT", "TCKT", "GĐĐT", "TTKT", "KTNB", "PC"}));
}

TEST(Units, NamesEarlierNamesAndCollectives) {
  EXPECT_EQ(R().Find("Ban Thu")->id, "TST");      // earlier name, 1541/QĐ-BHXH
  EXPECT_EQ(R().Find("ban so, the")->id, "TST");  // diacritics and case ignored
  EXPECT_EQ(R().Find("Vụ Kế hoạch và đầu tư")->id, "KHĐT");
  EXPECT_EQ(Ids("Trung tâm CNTT;\nBan Thực hiện chính sách BHYT"), (std::vector<std::string>{"CNTT", "CSYT"}));
  EXPECT_EQ(Ids("Các đơn vị liên quan"), (std::vector<std::string>{"LIEN_QUAN"}));
  EXPECT_EQ(Ids("BHXH các tỉnh, thành phố trực thuộc Trung ương (Địa phương được lựa chọn tổ chức chương trình)"),
            (std::vector<std::string>{"BHXH_TINH"}));
  EXPECT_EQ(Ids("- Các Vụ, Ban liên quan của BHXH"), std::vector<std::string>{"LIEN_QUAN"});  // "of VSS" adds nothing
  EXPECT_EQ(Ids("Vụ Thanh tra-Kiểm tra"), std::vector<std::string>{"TTKT"});                  // spacing around a hyphen
  // Two names the page put side by side, and an abbreviation glued to the next word.
  EXPECT_EQ(Ids("Vụ Tài chính - Kế toán Ban Thực hiện chính sách BHXH"), (std::vector<std::string>{"TCKT", "CSXH"}));
  EXPECT_EQ(Ids("Ban Quản lý Thu-Sổ, Thẻ Vụ Quản lý Đầu tư quỹ"), (std::vector<std::string>{"TST", "DTQ"}));
  EXPECT_EQ(Ids("BHXHcác tỉnh, thành phố"), std::vector<std::string>{"BHXH_TINH"});
}

TEST(Units, UnknownNamesAreListedForAnOfficer) {
  UnitResolution r = R().ResolveList("Vụ Pháp chế; Cục quản lý giám sát kế toán, kiểm toán của Bộ Tài chính");
  EXPECT_EQ(r.ids, (std::vector<std::string>{"PC"}));
  ASSERT_FALSE(r.unknown.empty());
  EXPECT_EQ(r.unknown[0],
            "Cục quản lý giám sát kế toán, kiểm toán của Bộ Tài chính");  // one name, not cut at its comma
}

// Names of bodies outside VSS hold commas and "và" themselves; a piece
// that does not start a body's name (data/programmes/unit_words.csv)
// continues the one before it.
TEST(Units, ABodysNameKeepsItsCommasAndVa) {
  EXPECT_EQ(R().ResolveList("Sở Văn hóa, Thể thao và Du lịch; Công an tỉnh").unknown,
            (std::vector<std::string>{"Sở Văn hóa, Thể thao và Du lịch", "Công an tỉnh"}));
  EXPECT_EQ(R().ResolveList("Sở Tài nguyên và Môi trường, UBND các huyện, Sở Y tế và Công an tỉnh").unknown,
            (std::vector<std::string>{"Sở Tài nguyên và Môi trường", "UBND các huyện", "Sở Y tế", "Công an tỉnh"}));
  EXPECT_EQ(R().ResolveList("Bộ Thông tin và Truyền thông, KGVX").unknown,
            (std::vector<std::string>{"Bộ Thông tin và Truyền thông", "KGVX"}))
      << "an abbreviation is a body of its own";
  UnitResolution r = R().ResolveList("Bộ Lao động - Thương binh và Xã hội, Bảo hiểm xã hội tỉnh và Sở Nội vụ");
  EXPECT_EQ(r.ids, (std::vector<std::string>{"BLDTBXH", "BHXH_TINH"}));
  EXPECT_EQ(r.unknown, std::vector<std::string>{"Sở Nội vụ"});
}

// A collective in lower case after a separator is a body of its own, not
// the rest of the name before it.
TEST(Units, ALowerCaseCollectiveStartsAName) {
  EXPECT_EQ(R().ResolveList("Ngân hàng Nhà nước Việt Nam; các ngân hàng thương mại").unknown,
            (std::vector<std::string>{"Ngân hàng Nhà nước Việt Nam", "các ngân hàng thương mại"}));
  EXPECT_EQ(R().ResolveList("Bộ Công an, các bộ, ngành liên quan").unknown,
            (std::vector<std::string>{"Bộ Công an", "các bộ, ngành liên quan"}));
  // A name that holds "các" inside it stays whole.
  EXPECT_EQ(R().ResolveList("Sở Tư pháp các tỉnh; Bộ Công an").unknown,
            (std::vector<std::string>{"Sở Tư pháp các tỉnh", "Bộ Công an"}));
}

}  // namespace
}  // namespace bhxh
