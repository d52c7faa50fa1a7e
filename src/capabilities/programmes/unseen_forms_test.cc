// Decisions of other issuers in the forms they are published in, none of
// them like the seeds: a Prime Minister's decision approving a scheme as a
// legal-document website converts it to Markdown (the header and signature
// in table cells, bold runs, the site's chrome), a provincial People's
// Committee's plan as its portal's HTML page (a sentence-case title, a unit
// merged down two rows, bodies whose names hold commas and "và", a "from
// ... to ..." time frame), and a ministry's plan for carrying out a law in
// plain text, its tasks set out as text with labelled lines instead of a
// table; and plans that give their tasks body by body under "Tổ chức thực
// hiện". Each field is checked against what the document says.
#include <gtest/gtest.h>

#include "programmes/import.h"
#include "programmes/test_units.h"
#include "testing/decision_forms.h"
#include "testing/test_support.h"

namespace bhxh {
namespace {

const UnitRegistry& Units() { return testing::ProgrammeUnits(); }

ImportedProgramme Import(const std::string& bytes, const std::string& format) {
  std::string text;
  auto p = ImportDecisionFile(bytes, Units(), &text);
  EXPECT_TRUE(p.ok()) << p.status().ToString();
  if (!p.ok()) return {};
  EXPECT_EQ(p->source_format, format);
  return *p;
}

const TaskRow* Find(const ImportedProgramme& p, const std::string& key) {
  for (const auto& t : p.tasks)
    if (t.row.key == key) return &t.row;
  ADD_FAILURE() << "no task " << key;
  return nullptr;
}

using V = std::vector<std::string>;
std::string D(const std::optional<Date>& d) { return d ? d->ToString() : "-"; }

const char* kSchemeMarkdown = R"MD([Trang chủ](https://example.vn/) › [Văn bản pháp luật](https://example.vn/van-ban) › Bảo hiểm

# Quyết định 317/QĐ-TTg năm 2026 phê duyệt Đề án nâng cao hiệu quả chi trả chế độ bảo hiểm xã hội không dùng tiền mặt

**Số hiệu:** 317/QĐ-TTg | **Loại văn bản:** Quyết định
**Nơi ban hành:** Thủ tướng Chính phủ | **Người ký:** Trần Hồng Hà
**Ngày ban hành:** 12/03/2026 | **Tình trạng:** Còn hiệu lực

[Tải văn bản](https://example.vn/tai/317.docx)

| **THỦ TƯỚNG CHÍNH PHỦ** -------- | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** **Độc lập - Tự do - Hạnh phúc** --------------- |
|---|---|
| Số: 317/QĐ-TTg | *Hà Nội, ngày 12 tháng 3 năm 2026* |

**QUYẾT ĐỊNH**

**PHÊ DUYỆT ĐỀ ÁN NÂNG CAO HIỆU QUẢ CHI TRẢ CHẾ ĐỘ BẢO HIỂM XÃ HỘI KHÔNG DÙNG TIỀN MẶT GIAI ĐOẠN 2026 - 2030**

**THỦ TƯỚNG CHÍNH PHỦ**

*Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;*

*Căn cứ Luật Bảo hiểm xã hội ngày 29 tháng 6 năm 2024;*

*Theo đề nghị của Bộ trưởng Bộ Nội vụ.*

**QUYẾT ĐỊNH:**

**Điều 1.** Phê duyệt Đề án nâng cao hiệu quả chi trả chế độ bảo hiểm xã hội không dùng tiền mặt giai đoạn 2026 - 2030 (sau đây gọi là Đề án) với các nội dung chủ yếu sau:

**I. MỤC TIÊU**

Đến năm 2030, 80% người hưởng ở đô thị nhận chế độ qua tài khoản.

**II. NHIỆM VỤ VÀ GIẢI PHÁP**

Chi tiết tại Phụ lục kèm theo Quyết định này.

**Điều 2.** Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.

**Điều 3.** Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương chịu trách nhiệm thi hành Quyết định này.

| ***Nơi nhận:*** - Ban Bí thư Trung ương Đảng; - Thủ tướng, các Phó Thủ tướng Chính phủ; - Lưu: VT, KGVX. | **KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG** **Trần Hồng Hà** |
|---|---|

**PHỤ LỤC**

**DANH MỤC NHIỆM VỤ THỰC HIỆN ĐỀ ÁN**
*(Kèm theo Quyết định số 317/QĐ-TTg ngày 12 tháng 3 năm 2026 của Thủ tướng Chính phủ)*

| **TT** | **Nhiệm vụ** | **Cơ quan chủ trì** | **Cơ quan phối hợp** | **Sản phẩm** | **Thời gian hoàn thành** |
|---|---|---|---|---|---|
| **I** | **Hoàn thiện thể chế** | | | | |
| 1 | Rà soát quy định về chi trả chế độ bảo hiểm xã hội qua tài khoản | Bộ Nội vụ | Bảo hiểm xã hội Việt Nam, Ngân hàng Nhà nước Việt Nam | Báo cáo rà soát | Năm 2026 |
| 2 | Sửa đổi quy trình chi trả lương hưu, trợ cấp bảo hiểm xã hội | Bảo hiểm xã hội Việt Nam | Bộ Nội vụ | Quyết định ban hành quy trình | Quý IV/2026 |
| **II** | **Phát triển hạ tầng thanh toán** | | | | |
| 3 | Mở rộng điểm chấp nhận thanh toán ở khu vực nông thôn | Ngân hàng Nhà nước Việt Nam | Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương | Mạng lưới điểm chấp nhận thanh toán | 2026 - 2028 |
| 4 | Kết nối dữ liệu người hưởng với tài khoản ngân hàng | Bảo hiểm xã hội Việt Nam | Bộ Công an; Ngân hàng Nhà nước Việt Nam | Dữ liệu được kết nối | Tháng 12/2027 |
| 5 | Tuyên truyền, vận động người hưởng nhận chế độ qua tài khoản | Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương | Bảo hiểm xã hội Việt Nam | Kế hoạch tuyên truyền | Hằng năm |

**Văn bản liên quan**

- [Luật Bảo hiểm xã hội 2024](https://example.vn/luat-bhxh-2024)
- [Nghị định 158/2025/NĐ-CP](https://example.vn/nd-158)

© 2026 Example Luật. Mọi quyền được bảo lưu.
)MD";

TEST(UnseenForms, APrimeMinistersSchemeAsAWebsitesMarkdown) {
  ImportedProgramme p = Import(kSchemeMarkdown, "markdown");
  EXPECT_EQ(p.decision.number, "317/QĐ-TTg");
  EXPECT_EQ(D(p.decision.date), "2026-03-12");
  EXPECT_EQ(p.decision.issuer, "THỦ TƯỚNG CHÍNH PHỦ") << "the rule under the issuer is not part of it";
  EXPECT_EQ(p.decision.title,
            "PHÊ DUYỆT ĐỀ ÁN NÂNG CAO HIỆU QUẢ CHI TRẢ CHẾ ĐỘ BẢO HIỂM XÃ HỘI KHÔNG DÙNG TIỀN MẶT GIAI ĐOẠN 2026 - 2030");
  // The signature cell's two bold runs are two lines, and the formula of
  // delegated signing its own two.
  EXPECT_EQ(p.decision.signing_line, "KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG");
  EXPECT_EQ(p.decision.signer, "Trần Hồng Hà");
  EXPECT_EQ(p.decision.recipients, (V{"Ban Bí thư Trung ương Đảng;", "Thủ tướng, các Phó Thủ tướng Chính phủ;",
                                      "Lưu: VT, KGVX."}));
  ASSERT_EQ(p.decision.articles.size(), 3u);
  EXPECT_EQ(p.decision.articles[2].text.find("Nơi nhận"), std::string::npos) << "Article 3 ends at the recipients";
  ASSERT_EQ(p.tasks.size(), 5u);
  const TaskRow* t1 = Find(p, "I.1");
  ASSERT_NE(t1, nullptr);
  EXPECT_EQ(t1->id, "1");
  EXPECT_EQ(t1->content, "Rà soát quy định về chi trả chế độ bảo hiểm xã hội qua tài khoản");
  EXPECT_EQ(t1->lead_units, V{});
  EXPECT_EQ(t1->coordinating_units, V{"BHXH_VN"});
  EXPECT_EQ(t1->unknown_units, (V{"Bộ Nội vụ", "Ngân hàng Nhà nước Việt Nam"}));
  EXPECT_EQ(t1->unknown_cells, (V{"lead", "coordinating"}));
  EXPECT_EQ(t1->product, "Báo cáo rà soát");
  EXPECT_EQ(D(t1->timeframe.end), "2026-12-31");
  const TaskRow* t3 = Find(p, "II.3");
  ASSERT_NE(t3, nullptr);
  EXPECT_EQ(t3->id, "3") << "numbering runs on across the groups";
  EXPECT_EQ(t3->unknown_units,
            (V{"Ngân hàng Nhà nước Việt Nam", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"}));
  EXPECT_EQ(t3->timeframe.kind, "period");
  EXPECT_EQ(D(t3->timeframe.start), "2026-01-01");
  EXPECT_EQ(D(t3->timeframe.end), "2028-12-31");
  const TaskRow* t4 = Find(p, "II.4");
  ASSERT_NE(t4, nullptr);
  EXPECT_EQ(t4->lead_units, V{"BHXH_VN"});
  EXPECT_EQ(t4->unknown_units, (V{"Bộ Công an", "Ngân hàng Nhà nước Việt Nam"}));
  EXPECT_EQ(D(t4->timeframe.end), "2027-12-31");
  const TaskRow* t5 = Find(p, "II.5");
  ASSERT_NE(t5, nullptr);
  EXPECT_EQ(t5->timeframe.recurrence, "yearly");
}

const char* kProvincialPlanHtml = R"HTML(<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Kế hoạch 85/KH-UBND năm 2026 thực hiện chính sách BHXH tỉnh Nghệ An</title>
<script>var x = 1;</script><style>.a{color:red}</style></head>
<body>
<header><nav><a href="/">Trang chủ</a> | <a href="/vb">Văn bản</a> | <a href="/login">Đăng nhập</a></nav></header>
<div class="content">
<table class="header">
<tr><td><p><b>ỦY BAN NHÂN DÂN<br>TỈNH NGHỆ AN</b></p><p>-------</p></td>
<td><p><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</b></p><p>---------------</p></td></tr>
<tr><td><p>Số: 85/KH-UBND</p></td><td><p><i>Nghệ An, ngày 20 tháng 01 năm 2026</i></p></td></tr>
</table>
<p align="center"><b>KẾ HOẠCH</b></p>
<p align="center"><b>Thực hiện chính sách bảo hiểm xã hội, bảo hiểm y tế trên địa bàn tỉnh năm 2026</b></p>
<p>Thực hiện Nghị quyết số 28-NQ/TW ngày 23/5/2018 của Ban Chấp hành Trung ương; Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:</p>
<p><b>I. MỤC ĐÍCH, YÊU CẦU</b></p>
<p>1. Phấn đấu đến hết năm 2026 có 45% lực lượng lao động tham gia bảo hiểm xã hội.</p>
<p>2. Tỷ lệ bao phủ bảo hiểm y tế đạt 95% dân số.</p>
<p><b>II. NHIỆM VỤ CỤ THỂ</b></p>
<p>(Chi tiết tại Phụ lục kèm theo)</p>
<p><b>III. TỔ CHỨC THỰC HIỆN</b></p>
<p>Các sở, ban, ngành, Ủy ban nhân dân các huyện, thành phố, thị xã báo cáo kết quả thực hiện về Bảo hiểm xã hội tỉnh trước ngày 15/12 hằng năm để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.</p>
<table class="sign"><tr>
<td><p><b><i>Nơi nhận:</i></b><br>- Bảo hiểm xã hội Việt Nam;<br>- Thường trực Tỉnh ủy;<br>- Lưu: VT, KGVX.</p></td>
<td><p align="center"><b>TM. ỦY BAN NHÂN DÂN<br>KT. CHỦ TỊCH<br>PHÓ CHỦ TỊCH<br><br><br>Bùi Đình Long</b></p></td>
</tr></table>
<p align="center"><b>PHỤ LỤC</b></p>
<p align="center"><b>NHIỆM VỤ THỰC HIỆN CHÍNH SÁCH BẢO HIỂM XÃ HỘI, BẢO HIỂM Y TẾ NĂM 2026</b><br><i>(Kèm theo Kế hoạch số 85/KH-UBND ngày 20/01/2026 của UBND tỉnh Nghệ An)</i></p>
<table border="1">
<tr><td><b>TT</b></td><td><b>Nội dung công việc</b></td><td><b>Cơ quan chủ trì</b></td><td><b>Cơ quan phối hợp</b></td><td><b>Thời gian thực hiện</b></td><td><b>Kết quả, sản phẩm</b></td></tr>
<tr><td><b>1</b></td><td colspan="5"><b>Công tác tuyên truyền</b></td></tr>
<tr><td>1.1</td><td>Tuyên truyền chính sách bảo hiểm xã hội tự nguyện đến người lao động khu vực phi chính thức</td><td rowspan="2">Bảo hiểm xã hội tỉnh</td><td>Sở Văn hóa, Thể thao và Du lịch</td><td>Thường xuyên</td><td>Các tin, bài tuyên truyền</td></tr>
<tr><td>1.2</td><td>Tổ chức hội nghị đối thoại với doanh nghiệp về đóng bảo hiểm xã hội</td><td>Liên đoàn Lao động tỉnh</td><td>Quý II/2026</td><td>Hội nghị đối thoại</td></tr>
<tr><td><b>2</b></td><td colspan="5"><b>Công tác kiểm tra, thanh tra</b></td></tr>
<tr><td>2.1</td><td>Thanh tra chuyên ngành đóng bảo hiểm xã hội tại các doanh nghiệp nợ kéo dài</td><td>Sở Nội vụ</td><td>Bảo hiểm xã hội tỉnh; Công an tỉnh</td><td>Từ tháng 3 đến tháng 10/2026</td><td>Kết luận thanh tra</td></tr>
<tr><td>2.2</td><td>Kiểm tra việc chi trả chế độ bảo hiểm xã hội không dùng tiền mặt</td><td>Bảo hiểm xã hội tỉnh</td><td>Ủy ban nhân dân cấp xã</td><td>Tháng 9/2026</td><td>Báo cáo kết quả kiểm tra</td></tr>
</table>
</div>
<footer><p>Văn bản liên quan</p><ul><li><a href="/x">Nghị quyết 28-NQ/TW</a></li></ul><p>© 2026 Cổng thông tin điện tử tỉnh</p></footer>
</body></html>
)HTML";

TEST(UnseenForms, AProvincialPlanAsItsPortalsPage) {
  ImportedProgramme p = Import(kProvincialPlanHtml, "html");
  EXPECT_EQ(p.decision.kind, "plan");
  EXPECT_EQ(p.decision.number, "85/KH-UBND");
  EXPECT_EQ(D(p.decision.date), "2026-01-20");
  EXPECT_EQ(p.decision.place, "Nghệ An");
  EXPECT_EQ(p.decision.issuer, "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN");
  EXPECT_EQ(p.decision.title, "Thực hiện chính sách bảo hiểm xã hội, bảo hiểm y tế trên địa bàn tỉnh năm 2026")
      << "a title in sentence case under KẾ HOẠCH";
  EXPECT_EQ(p.decision.signing_line, "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH");
  EXPECT_EQ(p.decision.signer, "Bùi Đình Long");
  ASSERT_EQ(p.tasks.size(), 4u);
  const TaskRow* t11 = Find(p, "1.1");
  ASSERT_NE(t11, nullptr);
  EXPECT_EQ(t11->content, "Tuyên truyền chính sách bảo hiểm xã hội tự nguyện đến người lao động khu vực phi chính thức");
  EXPECT_EQ(t11->lead_units, V{"BHXH_TINH"}) << "the province's VSS branch";
  EXPECT_EQ(t11->unknown_units, V{"Sở Văn hóa, Thể thao và Du lịch"}) << "one body, not three";
  EXPECT_EQ(t11->timeframe.recurrence, "ongoing");
  EXPECT_EQ(t11->product, "Các tin, bài tuyên truyền");
  const TaskRow* t12 = Find(p, "1.2");
  ASSERT_NE(t12, nullptr);
  EXPECT_EQ(t12->lead_units, V{"BHXH_TINH"}) << "the unit cell merged down two rows";
  EXPECT_EQ(t12->unknown_units, V{"Liên đoàn Lao động tỉnh"});
  EXPECT_EQ(D(t12->timeframe.start), "2026-04-01");
  EXPECT_EQ(D(t12->timeframe.end), "2026-06-30");
  const TaskRow* t21 = Find(p, "2.1");
  ASSERT_NE(t21, nullptr);
  EXPECT_EQ(t21->unknown_units, (V{"Sở Nội vụ", "Công an tỉnh"}));
  EXPECT_EQ(t21->unknown_cells, (V{"lead", "coordinating"}));
  EXPECT_EQ(t21->coordinating_units, V{"BHXH_TINH"});
  EXPECT_EQ(t21->timeframe.kind, "range");
  EXPECT_EQ(D(t21->timeframe.start), "2026-03-01") << "the start takes the end's year";
  EXPECT_EQ(D(t21->timeframe.end), "2026-10-31");
  ASSERT_EQ(p.reports.size(), 1u);
  EXPECT_EQ(p.reports[0].day, 15);
  EXPECT_EQ(p.reports[0].month, 12);
}

const char* kMinistryPlanText = R"TXT(BỘ NỘI VỤ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 1205/QĐ-BNV
Hà Nội, ngày 08 tháng 9 năm 2026
QUYẾT ĐỊNH
BAN HÀNH KẾ HOẠCH TRIỂN KHAI THI HÀNH LUẬT BẢO HIỂM XÃ HỘI NĂM 2026 - 2027
BỘ TRƯỞNG BỘ NỘI VỤ
Căn cứ Luật Bảo hiểm xã hội ngày 29 tháng 6 năm 2024;
Căn cứ Nghị định số 25/2025/NĐ-CP ngày 21 tháng 02 năm 2025 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ;
Theo đề nghị của Vụ trưởng Vụ Bảo hiểm xã hội.
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai thi hành Luật Bảo hiểm xã hội năm 2026 - 2027.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Chánh Văn phòng Bộ, Vụ trưởng Vụ Bảo hiểm xã hội và Thủ trưởng các đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này.
Nơi nhận:
- Như Điều 3;
- Lưu: VT, Vụ BHXH.
BỘ TRƯỞNG
Phạm Thị Thanh Trà

KẾ HOẠCH
TRIỂN KHAI THI HÀNH LUẬT BẢO HIỂM XÃ HỘI NĂM 2026 - 2027
(Kèm theo Quyết định số 1205/QĐ-BNV ngày 08 tháng 9 năm 2026 của Bộ trưởng Bộ Nội vụ)
I. MỤC ĐÍCH, YÊU CẦU
1. Bảo đảm Luật được thi hành thống nhất, kịp thời.
II. NỘI DUNG
1. Rà soát văn bản quy phạm pháp luật liên quan đến Luật Bảo hiểm xã hội
a) Cơ quan chủ trì: Vụ Pháp chế.
b) Cơ quan phối hợp: Vụ Bảo hiểm xã hội, Bảo hiểm xã hội Việt Nam.
c) Thời gian hoàn thành: Quý I/2027.
2. Tập huấn chuyên sâu cho cán bộ làm công tác bảo hiểm xã hội
a) Cơ quan chủ trì: Vụ Bảo hiểm xã hội.
b) Cơ quan phối hợp: Bảo hiểm xã hội Việt Nam; Sở Nội vụ các tỉnh, thành phố.
c) Thời gian thực hiện: Từ tháng 10/2026 đến tháng 6/2027.
3. Kiểm tra tình hình thi hành Luật tại các địa phương
- Cơ quan chủ trì: Thanh tra Bộ.
- Cơ quan phối hợp: Vụ Bảo hiểm xã hội.
- Thời gian thực hiện: Hằng năm.
III. TỔ CHỨC THỰC HIỆN
Các đơn vị báo cáo kết quả thực hiện về Bộ Nội vụ (qua Vụ Bảo hiểm xã hội) trước ngày 15 tháng 12 hằng năm.
)TXT";

TEST(UnseenForms, AMinistrysPlanWithTasksSetOutAsText) {
  ImportedProgramme p = Import(kMinistryPlanText, "text");
  EXPECT_EQ(p.decision.number, "1205/QĐ-BNV");
  EXPECT_EQ(p.decision.authority, "BỘ TRƯỞNG BỘ NỘI VỤ");
  EXPECT_EQ(p.decision.signer, "Phạm Thị Thanh Trà");
  ASSERT_EQ(p.tasks.size(), 3u) << "labelled lines are part of their task, not tasks";
  const TaskRow* t1 = Find(p, "II.1");
  ASSERT_NE(t1, nullptr);
  EXPECT_EQ(p.tasks[0].appendix, -1) << "in the programme's text, not an appendix";
  EXPECT_EQ(t1->id, "1");
  EXPECT_EQ(t1->group_key, "II");
  EXPECT_EQ(t1->content, "Rà soát văn bản quy phạm pháp luật liên quan đến Luật Bảo hiểm xã hội");
  EXPECT_EQ(t1->lead_units, V{}) << "the Ministry's legal department, not VSS's Vụ Pháp chế";
  EXPECT_EQ(t1->coordinating_units, V{"BHXH_VN"});
  EXPECT_EQ(t1->unknown_units, (V{"Vụ Pháp chế", "Vụ Bảo hiểm xã hội"}));
  EXPECT_EQ(t1->unknown_cells, (V{"lead", "coordinating"}));
  EXPECT_EQ(t1->timeframe.kind, "quarter");
  EXPECT_EQ(D(t1->timeframe.end), "2027-03-31");
  const TaskRow* t2 = Find(p, "II.2");
  ASSERT_NE(t2, nullptr);
  EXPECT_EQ(t2->content, "Tập huấn chuyên sâu cho cán bộ làm công tác bảo hiểm xã hội");
  EXPECT_EQ(t2->unknown_units, (V{"Vụ Bảo hiểm xã hội", "Sở Nội vụ các tỉnh, thành phố"}));
  EXPECT_EQ(t2->unknown_cells, (V{"lead", "coordinating"}));
  EXPECT_EQ(D(t2->timeframe.start), "2026-10-01");
  EXPECT_EQ(D(t2->timeframe.end), "2027-06-30");
  const TaskRow* t3 = Find(p, "II.3");
  ASSERT_NE(t3, nullptr);
  EXPECT_EQ(t3->unknown_units, (V{"Thanh tra Bộ", "Vụ Bảo hiểm xã hội"})) << "labels under dashes too";
  EXPECT_EQ(t3->timeframe.recurrence, "yearly");
  ASSERT_EQ(p.groups.size(), 1u);
  EXPECT_EQ(p.groups[0].title, "NỘI DUNG");
  EXPECT_EQ(p.groups[0].tasks, 3);
  ASSERT_EQ(p.reports.size(), 1u);
  EXPECT_EQ(p.reports[0].day, 15);
}

// The labels in one sentence, in parentheses, and the product named.
TEST(UnseenForms, LabelsInOneSentence) {
  std::string text = kMinistryPlanText;
  const std::string from = "1. Rà soát", to = "3. Kiểm tra";
  size_t a = text.find(from), b = text.find(to);
  ASSERT_TRUE(a != std::string::npos && b != std::string::npos);
  text.replace(a, b - a,
               "1. Rà soát văn bản quy phạm pháp luật (cơ quan chủ trì: Vụ Pháp chế; cơ quan phối hợp: Bảo hiểm xã "
               "hội Việt Nam; sản phẩm: báo cáo rà soát; thời hạn: tháng 12/2026).\n");
  ImportedProgramme p = Import(text, "text");
  ASSERT_EQ(p.tasks.size(), 2u);
  const TaskRow* t1 = Find(p, "II.1");
  ASSERT_NE(t1, nullptr);
  EXPECT_EQ(t1->content, "Rà soát văn bản quy phạm pháp luật");
  EXPECT_EQ(t1->coordinating_units, V{"BHXH_VN"});
  EXPECT_EQ(t1->product, "báo cáo rà soát");
  EXPECT_EQ(D(t1->timeframe.start), "2026-12-01");
  EXPECT_EQ(D(t1->timeframe.end), "2026-12-31");
}

// A provincial plan that gives its tasks under "Tổ chức thực hiện" body by
// body: a body's name on its own line with its items below, the name and
// its duty after a colon, the name on a line with its duty on the next,
// and "Ủy ban nhân dân các xã, phường có trách nhiệm:" with lettered items;
// the plan's closing paragraph runs on after the last item.
const char* kAssignedPlanText = R"TXT(ỦY BAN NHÂN DÂN
TỈNH ĐẮK LẮK
--------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 214/KH-UBND
Đắk Lắk, ngày 18 tháng 8 năm 2026

KẾ HOẠCH
Thực hiện chỉ tiêu bao phủ bảo hiểm xã hội, bảo hiểm y tế trên địa bàn tỉnh năm 2026 - 2027

Thực hiện Nghị quyết số 28-NQ/TW ngày 23/5/2018 của Hội nghị lần thứ bảy Ban Chấp hành Trung ương Đảng khóa XII về cải cách chính sách bảo hiểm xã hội; Quyết định số 546/QĐ-TTg ngày 29/4/2022 của Thủ tướng Chính phủ giao chỉ tiêu thực hiện bao phủ bảo hiểm y tế; Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Huy động sự vào cuộc của cả hệ thống chính trị để hoàn thành chỉ tiêu bao phủ bảo hiểm xã hội, bảo hiểm y tế được giao.
2. Yêu cầu
Các sở, ban, ngành, địa phương xác định nhiệm vụ cụ thể, phân công rõ trách nhiệm.

II. CHỈ TIÊU
1. Đến hết năm 2026, tỷ lệ người tham gia bảo hiểm xã hội đạt 30% lực lượng lao động trong độ tuổi.
2. Đến hết năm 2027, tỷ lệ bao phủ bảo hiểm y tế đạt 95% dân số.

III. NHIỆM VỤ, GIẢI PHÁP
1. Tăng cường sự lãnh đạo, chỉ đạo của cấp ủy, chính quyền các cấp.
2. Đẩy mạnh công tác thông tin, tuyên truyền về chính sách bảo hiểm xã hội, bảo hiểm y tế.
3. Đẩy mạnh cải cách thủ tục hành chính, ứng dụng công nghệ thông tin.

IV. TỔ CHỨC THỰC HIỆN
1. Bảo hiểm xã hội tỉnh
- Chủ trì, phối hợp với Sở Y tế, Sở Nội vụ tổ chức triển khai Kế hoạch này; hướng dẫn Bảo hiểm xã hội cơ sở phối hợp với Ủy ban nhân dân cấp xã rà soát người chưa tham gia bảo hiểm y tế, hoàn thành trước ngày 30/9/2026.
- Đẩy mạnh giao dịch điện tử, chi trả các chế độ bảo hiểm xã hội không dùng tiền mặt.
- Định kỳ 6 tháng, hằng năm tổng hợp kết quả thực hiện, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12 hằng năm.
2. Sở Y tế
- Chỉ đạo các cơ sở khám bệnh, chữa bệnh nâng cao chất lượng khám bệnh, chữa bệnh bảo hiểm y tế.
- Phối hợp với Bảo hiểm xã hội tỉnh kiểm soát chi phí khám bệnh, chữa bệnh bảo hiểm y tế, hoàn thành trong Quý IV/2026.
3. Sở Tài chính: Tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí hỗ trợ đóng bảo hiểm y tế cho các đối tượng theo quy định, hoàn thành trước ngày 31/12/2026.
4. Sở Văn hóa, Thể thao và Du lịch
Chỉ đạo các cơ quan báo chí trên địa bàn tuyên truyền chính sách bảo hiểm xã hội, bảo hiểm y tế thường xuyên.
5. Ủy ban nhân dân các xã, phường có trách nhiệm:
a) Giao chỉ tiêu phát triển người tham gia bảo hiểm xã hội, bảo hiểm y tế cho các thôn, buôn, tổ dân phố trong tháng 9/2026.
b) Chỉ đạo rà soát, lập danh sách người thuộc hộ nghèo, hộ cận nghèo tham gia bảo hiểm y tế.
Trên đây là Kế hoạch thực hiện chỉ tiêu bao phủ bảo hiểm xã hội, bảo hiểm y tế trên địa bàn tỉnh năm 2026 - 2027. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị báo cáo về Bảo hiểm xã hội tỉnh để tổng hợp, báo cáo Ủy ban nhân dân tỉnh xem xét, giải quyết./.

Nơi nhận:
- Bảo hiểm xã hội Việt Nam;
- Thường trực Tỉnh ủy;
- Các sở, ban, ngành;
- Lưu: VT, KGVX.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Thiên Văn
)TXT";

TEST(UnseenForms, APlanAssigningWorkBodyByBody) {
  ImportedProgramme p = Import(kAssignedPlanText, "text");
  EXPECT_EQ(p.decision.kind, "plan");
  EXPECT_EQ(p.decision.number, "214/KH-UBND");
  EXPECT_EQ(p.decision.signer, "Nguyễn Thiên Văn");
  ASSERT_EQ(p.tasks.size(), 9u) << "items under the bodies, not the plan's unassigned solutions (III)";
  const TaskRow* t = Find(p, "IV.1.1");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->id, "1.1");
  EXPECT_EQ(t->group_key, "IV.1");
  EXPECT_EQ(t->content,
            "Chủ trì, phối hợp với Sở Y tế, Sở Nội vụ tổ chức triển khai Kế hoạch này; hướng dẫn Bảo hiểm xã hội cơ sở "
            "phối hợp với Ủy ban nhân dân cấp xã rà soát người chưa tham gia bảo hiểm y tế, hoàn thành trước ngày "
            "30/9/2026");
  EXPECT_EQ(t->lead_units, V{"BHXH_TINH"});
  EXPECT_EQ(t->coordinating_units, V{}) << "bodies the registry does not know stay in the sentence";
  EXPECT_EQ(t->timeframe.kind, "date");
  EXPECT_EQ(D(t->timeframe.end), "2026-09-30");
  t = Find(p, "IV.1.2");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->timeframe.kind, "unknown") << "no time named";
  EXPECT_EQ(t->timeframe.text, "");
  t = Find(p, "IV.1.3");
  ASSERT_NE(t, nullptr);
  // "Định kỳ 6 tháng, hằng năm tổng hợp …, báo cáo … trước ngày 15/12 hằng
  // năm": a post every half year (the second is the year's); a day without
  // a year is no deadline.
  EXPECT_EQ(t->timeframe.kind, "recurring");
  EXPECT_EQ(t->timeframe.recurrence, "half_yearly");
  t = Find(p, "IV.2.2");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->id, "2.2");
  EXPECT_EQ(t->lead_units, V{});
  EXPECT_EQ(t->unknown_units, V{"Sở Y tế"});
  EXPECT_EQ(t->unknown_cells, V{"lead"});
  EXPECT_EQ(t->coordinating_units, V{"BHXH_TINH"}) << "phối hợp với Bảo hiểm xã hội tỉnh";
  EXPECT_EQ(t->timeframe.kind, "quarter");
  EXPECT_EQ(D(t->timeframe.start), "2026-10-01");
  EXPECT_EQ(D(t->timeframe.end), "2026-12-31");
  t = Find(p, "IV.3");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->id, "3");
  EXPECT_EQ(t->content,
            "Tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí hỗ trợ đóng bảo hiểm y tế cho các đối tượng theo quy định, "
            "hoàn thành trước ngày 31/12/2026");
  EXPECT_EQ(t->unknown_units, V{"Sở Tài chính"});
  EXPECT_EQ(D(t->timeframe.end), "2026-12-31");
  t = Find(p, "IV.4");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->content,
            "Chỉ đạo các cơ quan báo chí trên địa bàn tuyên truyền chính sách bảo hiểm xã hội, bảo hiểm y tế thường "
            "xuyên");
  EXPECT_EQ(t->unknown_units, V{"Sở Văn hóa, Thể thao và Du lịch"});
  EXPECT_EQ(t->timeframe.recurrence, "ongoing");
  t = Find(p, "IV.5.a");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->id, "5.a");
  EXPECT_EQ(t->unknown_units, V{"Ủy ban nhân dân các xã, phường"}) << "\"có trách nhiệm\" is not part of the name";
  EXPECT_EQ(t->timeframe.kind, "month");
  EXPECT_EQ(D(t->timeframe.end), "2026-09-30");
  t = Find(p, "IV.5.b");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->content,
            "Chỉ đạo rà soát, lập danh sách người thuộc hộ nghèo, hộ cận nghèo tham gia bảo hiểm y tế")
      << "the closing paragraph is not the last item's";
  ASSERT_EQ(p.groups.size(), 5u);
  EXPECT_EQ(p.groups[0].title, "Bảo hiểm xã hội tỉnh");
  EXPECT_EQ(p.groups[0].tasks, 3);
  EXPECT_EQ(p.groups[4].title, "Ủy ban nhân dân các xã, phường");
  ASSERT_EQ(p.targets.size(), 2u) << "a \"CHỈ TIÊU\" section holds the plan's targets";
  EXPECT_EQ(p.targets[0].value, 30);
  EXPECT_EQ(p.targets[0].year, 2026);
  EXPECT_EQ(p.targets[1].value, 95);
  EXPECT_EQ(p.targets[1].year, 2027);
  ASSERT_EQ(p.reports.size(), 1u);
  EXPECT_EQ(p.reports[0].day, 15);
  EXPECT_EQ(p.reports[0].month, 12);
  EXPECT_EQ(D(p.period_end), "2027-12-31");

  // The same plan as its portal's page and as the Word file it was written
  // in reads the same tasks.
  auto blocks = testing::DecisionBlocks(kAssignedPlanText, p, Units());
  auto docx = testing::RenderDocx(blocks);
  ASSERT_TRUE(docx.ok()) << docx.status().ToString();
  for (const auto& [form, q] : {std::pair{"html", Import(testing::RenderHtml(blocks, "Kế hoạch 214/KH-UBND"), "html")},
                                std::pair{"docx", Import(*docx, "docx")}}) {
    SCOPED_TRACE(form);
    ASSERT_EQ(q.tasks.size(), p.tasks.size());
    for (size_t i = 0; i < p.tasks.size(); ++i) {
      const TaskRow &a = p.tasks[i].row, &b = q.tasks[i].row;
      EXPECT_EQ(b.key, a.key);
      EXPECT_EQ(b.id, a.id);
      EXPECT_EQ(b.content, a.content);
      EXPECT_EQ(b.lead_units, a.lead_units);
      EXPECT_EQ(b.unknown_units, a.unknown_units);
      EXPECT_EQ(b.coordinating_units, a.coordinating_units);
      EXPECT_EQ(b.timeframe.text, a.timeframe.text);
    }
  }
}

// Bodies as lettered and dashed items under headings that group them, one
// asked ("Đề nghị ..."), one named before "là cơ quan thường trực".
TEST(UnseenForms, BodiesGroupedUnderHeadings) {
  std::string text = kAssignedPlanText;
  const size_t a = text.find("IV. TỔ CHỨC THỰC HIỆN"), b = text.find("Trên đây là");
  ASSERT_TRUE(a != std::string::npos && b != std::string::npos);
  text.replace(a, b - a, R"TXT(IV. TỔ CHỨC THỰC HIỆN
1. Các sở, ban, ngành
a) Sở Y tế: Chỉ đạo các cơ sở khám bệnh, chữa bệnh bảo đảm quyền lợi người tham gia bảo hiểm y tế.
b) Sở Tài chính: Bố trí kinh phí hỗ trợ đóng bảo hiểm y tế, hoàn thành trước ngày 31/12/2026.
2. Các địa phương
- Ủy ban nhân dân các xã, phường: Giao chỉ tiêu phát triển người tham gia trong tháng 9/2026.
- Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp vận động đoàn viên, hội viên tham gia bảo hiểm xã hội tự nguyện.
3. Bảo hiểm xã hội tỉnh là cơ quan thường trực, theo dõi, đôn đốc việc thực hiện Kế hoạch này.
)TXT");
  ImportedProgramme p = Import(text, "text");
  ASSERT_EQ(p.tasks.size(), 5u);
  const TaskRow* t = Find(p, "IV.1.b");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->id, "1.b");
  EXPECT_EQ(t->unknown_units, V{"Sở Tài chính"});
  EXPECT_EQ(t->content, "Bố trí kinh phí hỗ trợ đóng bảo hiểm y tế, hoàn thành trước ngày 31/12/2026");
  t = Find(p, "IV.2.1");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->id, "2.1") << "a dashed body numbered under its heading";
  EXPECT_EQ(D(t->timeframe.end), "2026-09-30");
  t = Find(p, "IV.2.2");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->unknown_units, V{"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"});
  EXPECT_EQ(t->content, "Phối hợp vận động đoàn viên, hội viên tham gia bảo hiểm xã hội tự nguyện");
  t = Find(p, "IV.3");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->lead_units, V{"BHXH_TINH"});
  EXPECT_EQ(t->content, "Là cơ quan thường trực, theo dõi, đôn đốc việc thực hiện Kế hoạch này");
  EXPECT_EQ(p.groups.size(), 5u) << "the bodies, not the headings above them";
}

// A VSS plan assigning its departments: the name with its duty on one line
// ("Trung tâm Truyền thông chủ trì, phối hợp với ..."), a department the
// registry knows as coordinating, and VSS's own departments resolved.
TEST(UnseenForms, AVssPlanAssigningItsDepartments) {
  const std::string text = R"TXT(BẢO HIỂM XÃ HỘI VIỆT NAM
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 3120/KH-BHXH
Hà Nội, ngày 02 tháng 11 năm 2026
KẾ HOẠCH
Tuyên truyền Luật Bảo hiểm xã hội năm 2024 đến người lao động khu vực phi chính thức
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao hiểu biết của người lao động về bảo hiểm xã hội tự nguyện.
II. TỔ CHỨC THỰC HIỆN
1. Trung tâm Truyền thông chủ trì, phối hợp với Ban Quản lý Thu - Sổ, thẻ xây dựng tài liệu tuyên truyền, hoàn thành trước ngày 31/01/2027.
2. Vụ Pháp chế: Rà soát nội dung tài liệu bảo đảm đúng quy định của pháp luật.
3. Đề nghị Bảo hiểm xã hội các tỉnh, thành phố
a) Tổ chức hội nghị đối thoại với người lao động từ tháng 3/2027 đến tháng 6/2027.
b) Báo cáo kết quả về Bảo hiểm xã hội Việt Nam trước ngày 15/7/2027.
Nơi nhận:
- Như mục II;
- Lưu: VT, TTTT.
KT. TỔNG GIÁM ĐỐC
PHÓ TỔNG GIÁM ĐỐC
Lê Hùng Sơn
)TXT";
  ImportedProgramme p = Import(text, "text");
  ASSERT_EQ(p.tasks.size(), 4u);
  const TaskRow* t = Find(p, "II.1");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->content, "Chủ trì, phối hợp với Ban Quản lý Thu - Sổ, thẻ xây dựng tài liệu tuyên truyền, hoàn thành "
                        "trước ngày 31/01/2027");
  EXPECT_EQ(t->lead_units, V{"TTTT"});
  EXPECT_EQ(t->coordinating_units, V{"TST"});
  EXPECT_EQ(D(t->timeframe.end), "2027-01-31");
  t = Find(p, "II.2");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->lead_units, V{"PC"}) << "VSS's own legal department in VSS's plan";
  EXPECT_EQ(t->content, "Rà soát nội dung tài liệu bảo đảm đúng quy định của pháp luật");
  t = Find(p, "II.3.a");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->lead_units, V{"BHXH_TINH"}) << "\"Đề nghị\" is not part of the name";
  EXPECT_EQ(t->timeframe.kind, "range");
  EXPECT_EQ(D(t->timeframe.start), "2027-03-01");
  EXPECT_EQ(D(t->timeframe.end), "2027-06-30");
  t = Find(p, "II.3.b");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(D(t->timeframe.end), "2027-07-15");
}

// A commune's plan, as the commune's Word file and as its portal's page
// (after 01/07/2025 communes carry the work districts did): the task table
// has the columns commune plans use (STT | Tên nhiệm vụ | Cơ quan chủ trì |
// Cơ quan phối hợp | Kết quả/Sản phẩm | Thời gian | Ghi chú), group rows
// merged across the table with their number and title in one cell, the
// commune's bodies abbreviated as its plans write them (Phòng VH-XH, TT
// PVHCC, ...), the number under the issuer beside the motto, the rule drawn
// with underscores, and VSS's grassroots office ("Bảo hiểm xã hội cơ sở")
// coordinating.
const char* kCommunePlanHtml = R"HTML(<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Kế hoạch 112/KH-UBND phát triển người tham gia BHXH, BHYT xã An Thới Đông năm 2026</title></head>
<body>
<div class="WordSection1">
<table class="MsoNormalTable" border="0">
<tr><td><p class="MsoNormal" align="center"><b>ỦY BAN NHÂN DÂN<br>XÃ AN THỚI ĐÔNG</b></p><p align="center">_______</p><p align="center">Số: 112/KH-UBND</p></td>
<td><p align="center"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b></p><p align="center"><b>Độc lập - Tự do - Hạnh phúc</b></p><p align="center">_______________________</p><p align="center"><i>An Thới Đông, ngày 15 tháng 01 năm 2026</i></p></td></tr>
</table>
<p class="MsoNormal" align="center"><b><span style="font-size:14.0pt">KẾ HOẠCH</span></b></p>
<p class="MsoNormal" align="center"><b>Phát triển người tham gia bảo hiểm xã hội, bảo hiểm y tế trên địa bàn xã năm 2026</b></p>
<p class="MsoNormal">Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;</p>
<p class="MsoNormal">Căn cứ Nghị quyết số 28-NQ/TW ngày 23 tháng 5 năm 2018 của Ban Chấp hành Trung ương về cải cách chính sách bảo hiểm xã hội;</p>
<p class="MsoNormal">Ủy ban nhân dân xã ban hành Kế hoạch phát triển người tham gia bảo hiểm xã hội, bảo hiểm y tế trên địa bàn xã năm 2026 như sau:</p>
<p class="MsoNormal"><b>I. MỤC ĐÍCH, YÊU CẦU</b></p>
<p class="MsoNormal">1. Nâng cao nhận thức của người dân về chính sách bảo hiểm xã hội, bảo hiểm y tế.</p>
<p class="MsoNormal">2. Phân công cụ thể cho từng cơ quan, đơn vị; gắn trách nhiệm của người đứng đầu.</p>
<p class="MsoNormal"><b>II. CHỈ TIÊU</b></p>
<p class="MsoNormal">1. Phấn đấu đến hết năm 2026 có 45% lực lượng lao động trong độ tuổi tham gia bảo hiểm xã hội.</p>
<p class="MsoNormal">2. Tỷ lệ dân số tham gia bảo hiểm y tế đạt 95,5%.</p>
<p class="MsoNormal"><b>III. NHIỆM VỤ, GIẢI PHÁP</b></p>
<p class="MsoNormal"><i>(Chi tiết tại Phụ lục kèm theo)</i></p>
<p class="MsoNormal"><b>IV. TỔ CHỨC THỰC HIỆN</b></p>
<p class="MsoNormal">1. Phòng Văn hóa - Xã hội là cơ quan thường trực, tham mưu Ủy ban nhân dân xã theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp, báo cáo kết quả về Ủy ban nhân dân xã trước ngày 10/12/2026.</p>
<p class="MsoNormal">2. Các cơ quan, đơn vị được phân công chủ động triển khai thực hiện các nhiệm vụ tại Phụ lục kèm theo.</p>
<table class="MsoNormalTable" border="0"><tr>
<td><p><b><i>Nơi nhận:</i></b></p><p>- UBND Thành phố (để báo cáo);</p><p>- Bảo hiểm xã hội Thành phố;</p><p>- Thường trực Đảng ủy xã;</p><p>- Lưu: VT, VHXH.</p></td>
<td><p align="center"><b>TM. ỦY BAN NHÂN DÂN</b></p><p align="center"><b>CHỦ TỊCH</b></p><p>&nbsp;</p><p>&nbsp;</p><p align="center"><b>Nguyễn Văn Hùng</b></p></td>
</tr></table>
<p class="MsoNormal" align="center"><b>PHỤ LỤC</b></p>
<p class="MsoNormal" align="center"><b>BẢNG PHÂN CÔNG CHI TIẾT NHIỆM VỤ PHÁT TRIỂN NGƯỜI THAM GIA BẢO HIỂM XÃ HỘI, BẢO HIỂM Y TẾ NĂM 2026</b></p>
<p class="MsoNormal" align="center"><i>(Ban hành kèm theo Kế hoạch số 112/KH-UBND ngày 15/01/2026</i></p>
<p class="MsoNormal" align="center"><i>của Ủy ban nhân dân xã An Thới Đông)</i></p>
<table class="MsoTableGrid" border="1">
<tr><td><p><b>STT</b></p></td><td><p><b>Tên nhiệm vụ</b></p></td><td><p><b>Cơ quan chủ trì</b></p></td><td><p><b>Cơ quan phối hợp</b></p></td><td><p><b>Kết quả/Sản phẩm</b></p></td><td><p><b>Thời gian</b></p></td><td><p><b>Ghi chú</b></p></td></tr>
<tr><td colspan="7"><p><b>I. Tuyên truyền, vận động</b></p></td></tr>
<tr><td><p>1</p></td><td><p>Tuyên truyền chính sách bảo hiểm xã hội tự nguyện, bảo hiểm y tế hộ gia đình trên hệ thống loa truyền thanh của xã</p></td><td><p>TT CUDVC</p></td><td><p>Phòng VH-XH</p></td><td><p>Tin, bài phát trên loa truyền thanh</p></td><td><p>Hằng tháng</p></td><td><p></p></td></tr>
<tr><td><p>2</p></td><td><p>Tổ chức hội nghị tư vấn, vận động người dân tham gia bảo hiểm xã hội tự nguyện tại 12 ấp</p></td><td><p>Phòng VH-XH</p></td><td><p>UBMTTQ; Tổ CNSCĐ 12 ấp; Bảo hiểm xã hội cơ sở</p></td><td><p>12 hội nghị</p></td><td><p>Quý II, Quý III/2026</p></td><td><p></p></td></tr>
<tr><td colspan="7"><p><b>II. Rà soát, phát triển người tham gia</b></p></td></tr>
<tr><td><p>3</p></td><td><p>Rà soát, lập danh sách người chưa tham gia bảo hiểm y tế từ Cơ sở dữ liệu quốc gia về dân cư</p></td><td><p>Công an xã</p></td><td><p>TT PVHCC; Trạm Y tế</p></td><td><p>Danh sách người chưa tham gia bảo hiểm y tế</p></td><td><p>Trước 30/6/2026</p></td><td><p></p></td></tr>
<tr><td><p>4</p></td><td><p>Lập danh sách đề nghị cấp thẻ bảo hiểm y tế cho người thuộc hộ cận nghèo, người cao tuổi</p></td><td><p>Phòng VH-XH</p></td><td><p>Trạm Y tế</p></td><td><p>Danh sách đề nghị cấp thẻ</p></td><td><p>Tháng 3/2026</p></td><td><p>Gửi Bảo hiểm xã hội cơ sở</p></td></tr>
<tr><td><p>5</p></td><td><p>Hướng dẫn người dân cài đặt, sử dụng ứng dụng VssID</p></td><td><p>TT PVHCC</p></td><td><p>Xã đoàn; các đơn vị liên quan</p></td><td><p>Số tài khoản được kích hoạt</p></td><td><p>Thường xuyên</p></td><td><p></p></td></tr>
<tr><td colspan="7"><p><b>III. Kiểm tra, giám sát</b></p></td></tr>
<tr><td><p>6</p></td><td><p>Kiểm tra việc đóng bảo hiểm xã hội, bảo hiểm y tế của các doanh nghiệp trên địa bàn</p></td><td><p>Phòng Kinh tế</p></td><td><p>Bảo hiểm xã hội cơ sở; Công an xã</p></td><td><p>Biên bản kiểm tra</p></td><td><p>Từ tháng 5 đến tháng 9/2026</p></td><td><p></p></td></tr>
<tr><td><p>7</p></td><td><p>Tổng hợp, báo cáo kết quả thực hiện Kế hoạch</p></td><td><p>Phòng VH-XH</p></td><td><p>Các đơn vị liên quan</p></td><td><p>Báo cáo 6 tháng, năm</p></td><td><p>Trước ngày 10/6 và 10/12/2026</p></td><td><p></p></td></tr>
</table>
</div>
</body></html>
)HTML";

std::vector<testing::FormBlock> CommunePlanBlocks() {
  using Rows = std::vector<std::vector<std::string>>;
  std::vector<testing::FormBlock> b;
  auto para = [&](const std::string& s) { b.push_back({s, {}}); };
  b.push_back({"", Rows{{"ỦY BAN NHÂN DÂN\nXÃ AN THỚI ĐÔNG\n_______\nSố: 112/KH-UBND",
                         "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n_______________________\n"
                         "An Thới Đông, ngày 15 tháng 01 năm 2026"}}});
  for (const char* s :
       {"KẾ HOẠCH", "Phát triển người tham gia bảo hiểm xã hội, bảo hiểm y tế trên địa bàn xã năm 2026",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
        "Căn cứ Nghị quyết số 28-NQ/TW ngày 23 tháng 5 năm 2018 của Ban Chấp hành Trung ương về cải cách chính sách bảo "
        "hiểm xã hội;",
        "Ủy ban nhân dân xã ban hành Kế hoạch phát triển người tham gia bảo hiểm xã hội, bảo hiểm y tế trên địa bàn xã "
        "năm 2026 như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU", "1. Nâng cao nhận thức của người dân về chính sách bảo hiểm xã hội, bảo hiểm y tế.",
        "2. Phân công cụ thể cho từng cơ quan, đơn vị; gắn trách nhiệm của người đứng đầu.", "II. CHỈ TIÊU",
        "1. Phấn đấu đến hết năm 2026 có 45% lực lượng lao động trong độ tuổi tham gia bảo hiểm xã hội.",
        "2. Tỷ lệ dân số tham gia bảo hiểm y tế đạt 95,5%.", "III. NHIỆM VỤ, GIẢI PHÁP", "(Chi tiết tại Phụ lục kèm theo)",
        "IV. TỔ CHỨC THỰC HIỆN",
        "1. Phòng Văn hóa - Xã hội là cơ quan thường trực, tham mưu Ủy ban nhân dân xã theo dõi, đôn đốc việc thực hiện "
        "Kế hoạch; tổng hợp, báo cáo kết quả về Ủy ban nhân dân xã trước ngày 10/12/2026.",
        "2. Các cơ quan, đơn vị được phân công chủ động triển khai thực hiện các nhiệm vụ tại Phụ lục kèm theo."})
    para(s);
  b.push_back({"", Rows{{"Nơi nhận:\n- UBND Thành phố (để báo cáo);\n- Bảo hiểm xã hội Thành phố;\n- Thường trực Đảng "
                         "ủy xã;\n- Lưu: VT, VHXH.",
                         "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n\nNguyễn Văn Hùng"}}});
  for (const char* s : {"PHỤ LỤC",
                        "BẢNG PHÂN CÔNG CHI TIẾT NHIỆM VỤ PHÁT TRIỂN NGƯỜI THAM GIA BẢO HIỂM XÃ HỘI, BẢO HIỂM Y TẾ NĂM 2026",
                        "(Ban hành kèm theo Kế hoạch số 112/KH-UBND ngày 15/01/2026",
                        "của Ủy ban nhân dân xã An Thới Đông)"})
    para(s);
  testing::FormBlock table{"", Rows{
      {"STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Kết quả/Sản phẩm", "Thời gian", "Ghi chú"},
      {"I. Tuyên truyền, vận động"},
      {"1", "Tuyên truyền chính sách bảo hiểm xã hội tự nguyện, bảo hiểm y tế hộ gia đình trên hệ thống loa truyền thanh của xã",
       "TT CUDVC", "Phòng VH-XH", "Tin, bài phát trên loa truyền thanh", "Hằng tháng", ""},
      {"2", "Tổ chức hội nghị tư vấn, vận động người dân tham gia bảo hiểm xã hội tự nguyện tại 12 ấp", "Phòng VH-XH",
       "UBMTTQ; Tổ CNSCĐ 12 ấp; Bảo hiểm xã hội cơ sở", "12 hội nghị", "Quý II, Quý III/2026", ""},
      {"II. Rà soát, phát triển người tham gia"},
      {"3", "Rà soát, lập danh sách người chưa tham gia bảo hiểm y tế từ Cơ sở dữ liệu quốc gia về dân cư", "Công an xã",
       "TT PVHCC; Trạm Y tế", "Danh sách người chưa tham gia bảo hiểm y tế", "Trước 30/6/2026", ""},
      {"4", "Lập danh sách đề nghị cấp thẻ bảo hiểm y tế cho người thuộc hộ cận nghèo, người cao tuổi", "Phòng VH-XH",
       "Trạm Y tế", "Danh sách đề nghị cấp thẻ", "Tháng 3/2026", "Gửi Bảo hiểm xã hội cơ sở"},
      {"5", "Hướng dẫn người dân cài đặt, sử dụng ứng dụng VssID", "TT PVHCC", "Xã đoàn; các đơn vị liên quan",
       "Số tài khoản được kích hoạt", "Thường xuyên", ""},
      {"III. Kiểm tra, giám sát"},
      {"6", "Kiểm tra việc đóng bảo hiểm xã hội, bảo hiểm y tế của các doanh nghiệp trên địa bàn", "Phòng Kinh tế",
       "Bảo hiểm xã hội cơ sở; Công an xã", "Biên bản kiểm tra", "Từ tháng 5 đến tháng 9/2026", ""},
      {"7", "Tổng hợp, báo cáo kết quả thực hiện Kế hoạch", "Phòng VH-XH", "Các đơn vị liên quan", "Báo cáo 6 tháng, năm",
       "Trước ngày 10/6 và 10/12/2026", ""}}};
  table.span_lone_cells = true;
  b.push_back(std::move(table));
  return b;
}

// Checked by hand against the table above.
void ExpectCommunePlan(const ImportedProgramme& p) {
  EXPECT_EQ(p.decision.kind, "plan");
  EXPECT_EQ(p.decision.number, "112/KH-UBND") << "the number under the issuer, beside the motto";
  EXPECT_EQ(D(p.decision.date), "2026-01-15");
  EXPECT_EQ(p.decision.issuer, "ỦY BAN NHÂN DÂN XÃ AN THỚI ĐÔNG") << "up to the rule of underscores";
  EXPECT_EQ(p.decision.place, "An Thới Đông") << "after the motto, not the motto";
  EXPECT_EQ(p.decision.title, "Phát triển người tham gia bảo hiểm xã hội, bảo hiểm y tế trên địa bàn xã năm 2026");
  EXPECT_EQ(p.decision.signing_line, "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH");
  EXPECT_EQ(p.decision.signer, "Nguyễn Văn Hùng");
  ASSERT_EQ(p.groups.size(), 3u) << "number and title in one merged cell";
  EXPECT_EQ(p.groups[0].id, "I");
  EXPECT_EQ(p.groups[0].title, "Tuyên truyền, vận động");
  EXPECT_EQ(p.groups[0].tasks, 2);
  EXPECT_EQ(p.groups[1].title, "Rà soát, phát triển người tham gia");
  EXPECT_EQ(p.groups[1].tasks, 3);
  EXPECT_EQ(p.groups[2].title, "Kiểm tra, giám sát");
  EXPECT_EQ(p.groups[2].tasks, 2);
  ASSERT_EQ(p.tasks.size(), 7u);
  const TaskRow* t = Find(p, "I.1");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->id, "1");
  EXPECT_EQ(t->group_id, "I");
  EXPECT_EQ(t->content,
            "Tuyên truyền chính sách bảo hiểm xã hội tự nguyện, bảo hiểm y tế hộ gia đình trên hệ thống loa truyền "
            "thanh của xã");
  EXPECT_EQ(t->lead_units, V{});
  EXPECT_EQ(t->unknown_units, (V{"TT CUDVC", "Phòng VH-XH"})) << "the commune's bodies, each in its cell";
  EXPECT_EQ(t->unknown_cells, (V{"lead", "coordinating"}));
  EXPECT_EQ(t->product, "Tin, bài phát trên loa truyền thanh");
  EXPECT_EQ(t->timeframe.recurrence, "monthly");
  t = Find(p, "I.2");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->coordinating_units, V{"BHXH_CO_SO"}) << "VSS's grassroots office";
  EXPECT_EQ(t->unknown_units, (V{"Phòng VH-XH", "UBMTTQ", "Tổ CNSCĐ 12 ấp"}));
  EXPECT_EQ(t->timeframe.kind, "quarter");
  EXPECT_EQ(D(t->timeframe.start), "2026-04-01");
  EXPECT_EQ(D(t->timeframe.end), "2026-09-30");
  EXPECT_EQ(t->product, "12 hội nghị");
  t = Find(p, "II.3");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->group_id, "II");
  EXPECT_EQ(t->unknown_units, (V{"Công an xã", "TT PVHCC", "Trạm Y tế"}));
  EXPECT_EQ(t->timeframe.kind, "date");
  EXPECT_EQ(D(t->timeframe.end), "2026-06-30");
  t = Find(p, "II.4");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->notes, "Gửi Bảo hiểm xã hội cơ sở");
  EXPECT_EQ(t->timeframe.kind, "month");
  EXPECT_EQ(D(t->timeframe.start), "2026-03-01");
  EXPECT_EQ(D(t->timeframe.end), "2026-03-31");
  t = Find(p, "II.5");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->coordinating_units, V{"LIEN_QUAN"});
  EXPECT_EQ(t->unknown_units, (V{"TT PVHCC", "Xã đoàn"}));
  EXPECT_EQ(t->timeframe.recurrence, "ongoing");
  t = Find(p, "III.6");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->content, "Kiểm tra việc đóng bảo hiểm xã hội, bảo hiểm y tế của các doanh nghiệp trên địa bàn");
  EXPECT_EQ(t->coordinating_units, V{"BHXH_CO_SO"});
  EXPECT_EQ(t->unknown_units, (V{"Phòng Kinh tế", "Công an xã"}));
  EXPECT_EQ(t->timeframe.kind, "range");
  EXPECT_EQ(D(t->timeframe.start), "2026-05-01");
  EXPECT_EQ(D(t->timeframe.end), "2026-09-30");
  t = Find(p, "III.7");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->product, "Báo cáo 6 tháng, năm");
  EXPECT_EQ(D(t->timeframe.end), "2026-12-10") << "the last of the two deadlines";
  ASSERT_EQ(p.reports.size(), 1u);
  EXPECT_EQ(p.reports[0].recurrence, "once");
  EXPECT_EQ(D(p.reports[0].date), "2026-12-10");
}

TEST(UnseenForms, ACommunesPlanInEachForm) {
  ExpectCommunePlan(Import(kCommunePlanHtml, "html"));
  auto docx = testing::RenderDocx(CommunePlanBlocks());
  ASSERT_TRUE(docx.ok()) << docx.status().ToString();
  ExpectCommunePlan(Import(*docx, "docx"));
  // A website's Markdown export and a page without colspan: the group row's
  // cell stands alone in its row, the rest of the row empty.
  ExpectCommunePlan(Import(testing::RenderMarkdown(CommunePlanBlocks(), "Kế hoạch 112/KH-UBND"), "markdown"));
  ExpectCommunePlan(Import(testing::RenderHtml(CommunePlanBlocks(), "Kế hoạch 112/KH-UBND"), "html"));
}

// The page saved as PDF by a browser, with and without the browser's page
// header and footer: narrow columns wrap the header ("Cơ" / "quan" / "chủ
// trì") and centre each row's cells on its id, the group rows cross the
// columns, and the browser prints the date, title, address and "1/3" in
// the margins. The tasks come out as from the page.
TEST(UnseenForms, ACommunesPlanSavedAsPdf) {
  for (bool furniture : {true, false}) {
    SCOPED_TRACE(furniture ? "with the browser's headers and footers" : "without");
    auto pdf = testing::PrintToPdf(kCommunePlanHtml, furniture);
    ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
    ImportedProgramme p = Import(*pdf, "pdf");
    EXPECT_EQ(p.decision.number, "112/KH-UBND");
    EXPECT_EQ(p.decision.issuer, "ỦY BAN NHÂN DÂN XÃ AN THỚI ĐÔNG") << "the issuer's block, then the motto's";
    EXPECT_EQ(p.decision.place, "An Thới Đông");
    EXPECT_EQ(p.decision.title, "Phát triển người tham gia bảo hiểm xã hội, bảo hiểm y tế trên địa bàn xã năm 2026")
        << "the title's two printed lines";
    EXPECT_EQ(p.decision.signing_line, "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH") << "the signature beside the recipients";
    ImportedProgramme page = Import(kCommunePlanHtml, "html");
    ASSERT_EQ(p.tasks.size(), page.tasks.size());
    for (size_t k = 0; k < p.tasks.size(); ++k) {
      const TaskRow &a = page.tasks[k].row, &b = p.tasks[k].row;
      SCOPED_TRACE(a.key);
      EXPECT_EQ(b.key, a.key);
      EXPECT_EQ(b.content, a.content);
      EXPECT_EQ(b.lead_units, a.lead_units);
      EXPECT_EQ(b.coordinating_units, a.coordinating_units);
      EXPECT_EQ(b.unknown_units, a.unknown_units);
      EXPECT_EQ(b.timeframe.text, a.timeframe.text);
      EXPECT_EQ(b.product, a.product);
      EXPECT_EQ(b.notes, a.notes);
    }
    ASSERT_EQ(p.groups.size(), 3u);
    EXPECT_EQ(p.groups[2].title, "Kiểm tra, giám sát");
  }
}

}  // namespace
}  // namespace bhxh
