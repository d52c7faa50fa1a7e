// The importer on the five seed decisions (metadata, exact task counts,
// tasks field by field, 249's indicators, reports and targets) and on
// decisions of the same kind it has never seen.
#include "programmes/import.h"

#include <gtest/gtest.h>
#include <utf8proc.h>

#include <tuple>

#include "platform/jsonio/json.h"
#include "programmes/json.h"
#include "programmes/test_units.h"
#include "testing/test_support.h"

namespace bhxh {
namespace {

const UnitRegistry& Units() { return testing::ProgrammeUnits(); }

ImportedProgramme Import(const std::string& seed) {
  std::string text = testing::SeedText(seed);
  if (text.empty()) return {};
  auto p = ImportDecision(text, Units());
  EXPECT_TRUE(p.ok()) << p.status().ToString();
  return p.ok() ? *p : ImportedProgramme{};
}

const TaskRow& Task(const ImportedProgramme& p, const std::string& key) {
  for (const auto& t : p.tasks)
    if (t.row.key == key) return t.row;
  static TaskRow none;
  ADD_FAILURE() << "no task " << key;
  return none;
}

bool StartsWith(const std::string& s, const std::string& p) { return s.rfind(p, 0) == 0; }
bool EndsWith(const std::string& s, const std::string& p) {
  return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

#define NEED_SEED(p) \
  ASSERT_FALSE((p).decision.number.empty()) << "seed decision missing"

TEST(Import, ActionProgrammeForNinetyNineTasksOf51NQ1541) {
  auto p = Import("000_7318c461c9c33541.txt");
  NEED_SEED(p);
  EXPECT_EQ(p.decision.number, "1541/QĐ-BHXH");
  EXPECT_EQ(p.decision.date->ToString(), "2017-09-22");
  EXPECT_EQ(p.decision.signing_line, "KT. TỔNG GIÁM ĐỐC / PHÓ TỔNG GIÁM ĐỐC");
  EXPECT_EQ(p.decision.signer, "Đào Việt Ánh");
  EXPECT_EQ(p.tasks.size(), 33u);  // I: 15, II: 2, III: 3, IV: 6, V: 3, VI: 4
  EXPECT_TRUE(p.unplaced.empty());
  const TaskRow& t = Task(p, "I.5.7");  // "5" "." "7" on three lines
  EXPECT_TRUE(StartsWith(t.content, "Theo dõi, đôn đốc triển khai Quyết định số 45/2016/QĐ-TTg")) << t.content;
  EXPECT_EQ(t.group_key, "I.5");
  EXPECT_EQ(t.timeframe.kind, "period");
  EXPECT_EQ(t.timeframe.end->ToString(), "2020-12-31");
  const TaskRow& ii1 = Task(p, "II.1");  // "1" followed by the fragment "T" / "ă" / "ng cường"
  EXPECT_TRUE(StartsWith(ii1.content, "Tăng cường các giải pháp tổ chức chi trả")) << ii1.content;
  const TaskRow& i54 = Task(p, "I.5.4");  // the fifth column: the plan already assigned
  EXPECT_EQ(i54.plan, "Chương trình hành động thực hiện Nghị quyết 27/NQ-CP; Kế hoạch 595/KH-BHXH");
  EXPECT_EQ(Task(p, "I.2").plan,  // "01/N" / "Q" / "-CP hàng năm"
            "Chương trình hành động thực hiện Nghị quyết số 27/NQ-CP; Chương trình hành động thực hiện Nghị quyết số "
            "01/NQ-CP hàng năm");
  EXPECT_EQ(i54.lead_units, std::vector<std::string>{"TST"});  // "Ban Thu, Ban S" / "ổ, thẻ"
  const TaskRow& i55 =
      Task(p, "I.5.5");  // "Vụ T" "à" "i chính - Kế toán" then "T" "ru" "ng tâm Công ng" "hệ thông tin"
  EXPECT_EQ(i55.lead_units, std::vector<std::string>{"TCKT"});
  EXPECT_EQ(i55.coordinating_units, (std::vector<std::string>{"CNTT", "PC", "BHXH_TINH"}));
  // Quantitative targets of §I.2: 50% SI, 35% UI, over 90% HI by 2020.
  ASSERT_EQ(p.targets.size(), 3u);
  EXPECT_EQ(p.targets[0].value, 50);
  EXPECT_EQ(p.targets[0].qualifier, "khoảng");
  EXPECT_EQ(p.targets[1].value, 35);
  EXPECT_EQ(p.targets[2].value, 90);
  EXPECT_EQ(p.targets[2].qualifier, "trên");
  for (const auto& q : p.targets) EXPECT_EQ(q.year, 2020);
  // "Định kỳ hàng năm, trước ngày 15 tháng 11 ... gửi Vụ Kế hoạch và Đầu tư".
  ASSERT_EQ(p.reports.size(), 1u);
  EXPECT_EQ(p.reports[0].recurrence, "yearly");
  EXPECT_EQ(p.reports[0].day, 15);
  EXPECT_EQ(p.reports[0].month, 11);
  EXPECT_EQ(p.reports[0].recipient_units, std::vector<std::string>{"KHĐT"});
}

TEST(Import, StrategyProgramme249HasFourteenIndicatorsAndSixtyEightTasks) {
  auto p = Import("001_76d0ab86a136d09b.txt");
  NEED_SEED(p);
  EXPECT_EQ(p.decision.number, "249/QĐ-BHXH");
  EXPECT_EQ(p.decision.date->ToString(), "2024-02-29");
  EXPECT_EQ(p.decision.signer, "Nguyễn Thế Mạnh");
  ASSERT_EQ(p.decision.legal_bases.size(), 2u);
  EXPECT_EQ(p.decision.legal_bases[1].number, "38/QĐ-TTg");
  ASSERT_EQ(p.decision.articles.size(), 2u);
  EXPECT_TRUE(StartsWith(p.decision.articles[1].text, "Quyết định này có hiệu lực kể từ ngày ký."))
      << p.decision.articles[1].text;
  EXPECT_EQ(p.decision.recipients.back(), "Lưu: VT, KHĐT.");
  ASSERT_EQ(p.appendices.size(), 2u);
  EXPECT_EQ(p.appendices[0].kind, "indicators");
  EXPECT_EQ(p.appendices[1].kind, "tasks");
  // Appendix I: 14 indicators and the "Trong đó" sub-indicator of the first.
  ASSERT_EQ(p.indicators.size(), 15u);
  int top = 0;
  for (const auto& i : p.indicators) top += i.part_of.empty();
  EXPECT_EQ(top, 14);
  // Every target of Appendix I as the table writes it (one value across both years where the cell is merged).
  const std::vector<std::tuple<std::string, std::string, std::string>> expected = {{"1", "45", "60"},
                                                                                   {"1.1", "2,5", "5"},
                                                                                   {"2", "35", "45"},
                                                                                   {"3", "95", "97"},
                                                                                   {"4", "55", "60"},
                                                                                   {"5", "90", "95"},
                                                                                   {"6", "85", "90"},
                                                                                   {"7", "68", "75"},
                                                                                   {"8", "100", "100"},
                                                                                   {"9", "95", "100"},
                                                                                   {"10", "100", "100"},
                                                                                   {"11", "100", "100"},
                                                                                   {"12", "100", "100"},
                                                                                   {"13", "Hoàn thành", "Hoàn thành"},
                                                                                   {"14", "Hoàn thành", "Hoàn thành"}};
  for (size_t k = 0; k < expected.size(); ++k) {
    EXPECT_EQ(p.indicators[k].key, std::get<0>(expected[k]));
    EXPECT_EQ(p.indicators[k].targets.at("2025"), std::get<1>(expected[k])) << std::get<0>(expected[k]);
    EXPECT_EQ(p.indicators[k].targets.at("2030"), std::get<2>(expected[k])) << std::get<0>(expected[k]);
    EXPECT_FALSE(p.indicators[k].lead_units.empty()) << std::get<0>(expected[k]);
  }
  const IndicatorRow& si = p.indicators[0];
  EXPECT_EQ(si.name, "Tỷ lệ lực lượng lao động trong độ tuổi tham gia BHXH");
  EXPECT_EQ(si.measure, "%");
  EXPECT_EQ(si.targets.at("2025"), "45");
  EXPECT_EQ(si.targets.at("2030"), "60");
  EXPECT_EQ(si.lead_units, std::vector<std::string>{"KHĐT"});
  EXPECT_EQ(si.coordinating_units, std::vector<std::string>{"TST"});
  const IndicatorRow& vol = p.indicators[1];
  EXPECT_EQ(vol.part_of, "1");
  EXPECT_EQ(vol.targets.at("2025"), "2,5");
  EXPECT_EQ(vol.targets.at("2030"), "5");
  EXPECT_TRUE(vol.lead_inherited);  // the unit cells span rows
  const IndicatorRow& hi = p.indicators[3];
  EXPECT_EQ(hi.key, "3");
  EXPECT_EQ(hi.name, "Tỷ lệ dân số tham gia BHYT");
  EXPECT_EQ(hi.targets.at("2025"), "95");
  EXPECT_EQ(hi.targets.at("2030"), "97");
  const IndicatorRow& pension = p.indicators[4];
  EXPECT_EQ(pension.coordinating_units, std::vector<std::string>{"CSXH"});
  EXPECT_EQ(pension.lead_units, std::vector<std::string>{"KHĐT"});
  const IndicatorRow& db = p.indicators[13];
  EXPECT_EQ(db.key, "13");
  EXPECT_EQ(db.targets.at("2030"), "Hoàn thành");
  EXPECT_TRUE(db.targets_merged);
  // Appendix II: numbering restarts in every Roman section.
  EXPECT_EQ(p.tasks.size(), 68u);
  const TaskRow& first = Task(p, "I.a.1");
  EXPECT_TRUE(StartsWith(first.content, "Tiếp tục nghiên cứu, tham gia xây dựng Dự thảo Luật BHXH (sửa đổi)"))
      << first.content;
  EXPECT_TRUE(EndsWith(first.content, "ngay sau khi được Quốc hội thông qua.")) << first.content;
  EXPECT_EQ(first.lead_units, std::vector<std::string>{"CSXH"});
  EXPECT_EQ(first.coordinating_units, std::vector<std::string>{"LIEN_QUAN"});
  EXPECT_EQ(first.timeframe.start->ToString(), "2024-01-01");
  EXPECT_EQ(first.timeframe.end->ToString(), "2025-12-31");
  const TaskRow& eleven = Task(p, "II.c.11");  // written "1 1"
  EXPECT_TRUE(
      StartsWith(eleven.content, "Hoàn thiện đồng bộ các quy định của Ngành BHXH Việt Nam về công tác tài chính"));
  EXPECT_EQ(eleven.timeframe.recurrence, "ongoing");
  const TaskRow& twelve =
      Task(p, "II.c.12");  // "Ban Quản lý Thu-Sổ, Thẻ Vụ Quản lý Đầu tư quỹ": two units side by side
  EXPECT_NE(std::find(twelve.coordinating_units.begin(), twelve.coordinating_units.end(), "DTQ"),
            twelve.coordinating_units.end());
  for (const auto& t : p.tasks) EXPECT_TRUE(t.row.unknown_units.empty()) << t.row.key;
  EXPECT_TRUE(p.unplaced.empty());
  ASSERT_EQ(p.footnotes.size(), 1u);
  EXPECT_TRUE(StartsWith(p.footnotes[0].text, "Nghị quyết số 28-NQ/TW ngày 25/3/2018")) << p.footnotes[0].text;
  // §V.2: annual before 5 November, mid-term by 30/6/2025, final by 5/11/2030, to KHĐT and the Institute.
  std::map<std::string, const ReportDue*> by_kind;
  for (const auto& r : p.reports) by_kind[r.kind] = &r;
  ASSERT_TRUE(by_kind.count("annual") && by_kind.count("midterm") && by_kind.count("final"));
  EXPECT_EQ(by_kind["annual"]->day, 5);
  EXPECT_EQ(by_kind["annual"]->month, 11);
  EXPECT_EQ(by_kind["midterm"]->date->ToString(), "2025-06-30");
  EXPECT_EQ(by_kind["final"]->date->ToString(), "2030-11-05");
  EXPECT_EQ(by_kind["final"]->recipient_units, (std::vector<std::string>{"BHXH_VN", "KHĐT", "VKH"}));
  // §II.2: the 2025 and 2030 targets of the text.
  int y2025 = 0, y2030 = 0;
  for (const auto& q : p.targets) (q.year == 2025 ? y2025 : y2030) += q.year == 2025 || q.year == 2030;
  EXPECT_EQ(y2025, 12);
  EXPECT_EQ(y2030, 10);
  EXPECT_EQ(p.period_end->ToString(), "2030-12-31");
}

TEST(Import, CooperativeProgramme2422) {
  auto p = Import("002_dfc3ba65e88b699e.txt");
  NEED_SEED(p);
  EXPECT_EQ(p.decision.number, "2422/QĐ-BHXH");
  EXPECT_EQ(p.decision.date->ToString(), "2020-12-25");
  EXPECT_EQ(p.decision.legal_bases.size(), 3u);
  EXPECT_EQ(p.decision.legal_bases[1].number, "70-KL/TW");
  EXPECT_EQ(p.tasks.size(), 10u);
  const TaskRow& last = Task(p, "10");
  EXPECT_EQ(last.content, "Theo dõi, đôn đốc triển khai thực hiện Chương trình hành động");
  EXPECT_EQ(last.lead_units, std::vector<std::string>{"VP"});
  EXPECT_EQ(last.timeframe.text, "");  // the table has no time column
  ASSERT_EQ(p.reports.size(), 1u);
  EXPECT_EQ(p.reports[0].day, 10);
  EXPECT_EQ(p.reports[0].month, 12);
  EXPECT_EQ(p.reports[0].recipient_units, (std::vector<std::string>{"BHXH_VN", "KHĐT"}));
}

TEST(Import, KeyProgramme88ReproducesItsStatedCounts) {
  auto p = Import("003_254a1e4a17401211.txt");
  NEED_SEED(p);
  EXPECT_EQ(p.decision.number, "88/QĐ-BHXH");
  EXPECT_EQ(p.stated_total, 40);
  EXPECT_EQ(p.tasks.size(), 40u);
  ASSERT_EQ(p.groups.size(), 17u);
  for (const auto& g : p.groups) EXPECT_EQ(g.tasks, g.stated_count) << g.key;
  const TaskRow& t = Task(p, "13.1");
  EXPECT_NE(t.content.find("cảnh báo"), std::string::npos) << t.content;
  const TaskRow& t14 = Task(p, "1.4");  // a dashed coordinating list with a body outside the registry
  ASSERT_EQ(t14.unknown_units.size(), 1u);
  EXPECT_EQ(t14.unknown_units[0], "Cục quản lý giám sát kế toán, kiểm toán của Bộ Tài chính.");
  EXPECT_TRUE(EndsWith(t14.content, "hướng dẫn kế toán bảo hiểm xã hội.")) << t14.content;
}

TEST(Import, AntiCorruptionPlan1712SkipsSectionNumbers) {
  auto p = Import("004_85c8068c912dad62.txt");
  NEED_SEED(p);
  EXPECT_EQ(p.decision.number, "1712/QĐ-BHXH");
  EXPECT_EQ(p.decision.date->ToString(), "2023-11-29");
  EXPECT_EQ(p.decision.legal_bases.size(), 7u);
  EXPECT_EQ(p.tasks.size(), 19u);
  std::vector<std::string> groups;
  for (const auto& g : p.groups) groups.push_back(g.id);
  EXPECT_EQ(groups, (std::vector<std::string>{"I", "II", "III", "VI"}));
  const TaskRow& t = Task(p, "II.2");
  EXPECT_EQ(t.timeframe.kind, "open_ended");
  EXPECT_EQ(t.timeframe.start->ToString(), "2023-01-01");
  const TaskRow& last = Task(p, "VI.2");
  EXPECT_EQ(last.timeframe.text, "Kết thúc giai đoạn 1 Kế hoạch");
  // "sơ kết việc thực hiện vào năm 2026"
  ASSERT_EQ(p.reports.size(), 1u);
  EXPECT_EQ(p.reports[0].kind, "midterm");
  EXPECT_EQ(p.reports[0].date->ToString(), "2026-12-31");
}

TEST(Import, TheStableJsonShapeKeepsItsNames) {
  auto p = Import("003_254a1e4a17401211.txt");
  NEED_SEED(p);
  auto j = ToJson(p);
  for (const char* k : {"decision", "tasks", "indicators", "reports", "unplaced"}) EXPECT_TRUE(j.contains(k)) << k;
  EXPECT_EQ(j["decision"]["number"], "88/QĐ-BHXH");
  EXPECT_EQ(j["decision"]["date"], "2024-01-30");
  const auto& t = j["tasks"][0];
  for (const char* k : {"id", "group", "content", "lead_units", "coordinating_units", "timeframe", "leader"})
    EXPECT_TRUE(t.contains(k)) << k;
  EXPECT_EQ(t["timeframe"]["text"], "Tháng 01/2024 → Tháng 12/2024");
  EXPECT_EQ(t["timeframe"]["end"], "2024-12-31");
  EXPECT_EQ(t["leader"], "PTGĐ Lê Hùng Sơn");
}

TEST(Import, RejectsWhatIsNotADecision) {
  auto r = ImportDecision("Xin chào\nĐây là một bức thư.\n", Units());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), "not_a_decision");
  EXPECT_FALSE(ImportDecision(std::string("QUY\xff\xfe"), Units()).ok());
}

// A decision of the same kind none of the seeds looks like: a province's
// plan with "Phụ lục 01", an "STT" table whose columns are named
// differently, quarters and a date, a unit split across lines, an
// indicator table for 2026 and 2030, and a report due "chậm nhất ngày 15/12".
const char* kUnseen = R"(BẢO HIỂM XÃ HỘI VIỆT NAM
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 512/QĐ-BHXH
Hà Nội, ngày 15 tháng 4 năm 2025
QUYẾT ĐỊNH
VỀ VIỆC BAN HÀNH KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2025
TỔNG GIÁM ĐỐC BẢO HIỂM XÃ HỘI VIỆT NAM
Căn cứ Nghị định số
89/2020/NĐ-CP
ngày 04/8/2020 của Chính phủ;
Theo đề nghị của Giám đốc Trung tâm Công nghệ thông tin.
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số năm 2025.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Nơi nhận:
- Như Điều 2;
- Lưu: VT, CNTT.
KT. TỔNG GIÁM ĐỐC
PHÓ TỔNG GIÁM ĐỐC
Nguyễn Văn A
KẾ HOẠCH
CHUYỂN ĐỔI SỐ NĂM 2025
(Kèm theo Quyết định số 512/QĐ-BHXH ngày 15/4/2025)
I. MỤC TIÊU
1. Đến năm 2026, trên 80% hồ sơ được giải quyết trực tuyến; tối thiểu 60% người hưởng nhận qua tài khoản.
II. TỔ CHỨC THỰC HIỆN
1. Các đơn vị báo cáo kết quả gửi về Vụ Kế hoạch và Đầu tư chậm nhất ngày 15/12 hằng năm.
Phụ lục 01
CHỈ TIÊU
(Kèm theo Quyết định số 512/QĐ-BHXH)
TT
Chỉ tiêu
Đơn vị tính
Chỉ tiêu năm 2026
Chỉ tiêu năm 2030
Đơn vị chủ trì
Đơn vị phối hợp
1
Tỷ lệ hồ sơ giải quyết trực tuyến
%
80
95
Trung tâm Công nghệ
  thông tin
Văn phòng BHXH Việt Nam
2
Tỷ lệ người hưởng nhận qua tài khoản
%
60
80
Vụ Tài chính - Kế toán
Phụ lục 02
NHIỆM VỤ CỤ THỂ
(Kèm theo Quyết định số 512/QĐ-BHXH)
STT
Nội dung nhiệm vụ
Đơn vị chủ trì
Đơn vị phối hợp
Thời gian hoàn thành
I
Hạ tầng
1
Nâng cấp trung tâm dữ liệu dự phòng
Trung tâm Công nghệ thông tin
Văn phòng BHXH Việt Nam
Quý III/2025
2
Kết nối cơ sở dữ liệu quốc gia về dân cư với hệ thống thu
Ban Quản lý Thu - Sổ, thẻ
Trung tâm Công nghệ thông tin; Sở Tư pháp các tỉnh
30/9/2025
II
Dịch vụ công
1
Đánh giá mức độ hài lòng
Trung tâm Dịch vụ hỗ trợ, chăm sóc khách hàng
Các đơn vị liên quan
Hàng năm
Tải Văn bản tiếng Việt
)";

// A decision of another body (the Prime Minister's strategy, 38/QĐ-TTg):
// a lower-case letter in the symbol, another head, the signature before
// the distribution list, and a programme of one task table.
const char* kPrimeMinister = R"(THỦ TƯỚNG CHÍNH PHỦ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 38/QĐ-TTg
Hà Nội, ngày 11 tháng 01 năm 2024
QUYẾT ĐỊNH
PHÊ DUYỆT CHIẾN LƯỢC PHÁT TRIỂN NGÀNH BẢO HIỂM XÃ HỘI VIỆT NAM ĐẾN NĂM 2030
THỦ TƯỚNG CHÍNH PHỦ
Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;
Căn cứ Luật Bảo hiểm xã hội ngày 20 tháng 11 năm 2014;
Xét đề nghị của Tổng Giám đốc Bảo hiểm xã hội Việt Nam,
QUYẾT ĐỊNH:
Điều 1. Phê duyệt Chiến lược phát triển ngành Bảo hiểm xã hội Việt Nam đến năm 2030.
Điều 2. Quyết định này có hiệu lực từ ngày ký.
KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG
Lê Minh Khái
Nơi nhận:
- Ban Bí thư Trung ương Đảng;
- Lưu: VT, KGVX.
PHỤ LỤC
NHIỆM VỤ
TT
Nội dung
Đơn vị chủ trì
Thời gian
1
Hoàn thành cơ sở dữ liệu quốc gia về bảo hiểm
Bảo hiểm xã hội Việt Nam
Năm 2030
)";

TEST(Import, ADecisionOfAnotherBody) {
  auto r = ImportDecision(kPrimeMinister, Units());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->decision.number, "38/QĐ-TTg");
  EXPECT_EQ(r->decision.authority, "THỦ TƯỚNG CHÍNH PHỦ");
  EXPECT_EQ(r->decision.title, "PHÊ DUYỆT CHIẾN LƯỢC PHÁT TRIỂN NGÀNH BẢO HIỂM XÃ HỘI VIỆT NAM ĐẾN NĂM 2030");
  EXPECT_EQ(r->decision.signing_line, "KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG");
  EXPECT_EQ(r->decision.signer, "Lê Minh Khái");
  ASSERT_EQ(r->decision.legal_bases.size(), 2u);
  EXPECT_EQ(r->decision.legal_bases[1].kind, "Luật");
  ASSERT_EQ(r->decision.articles.size(), 2u);
  ASSERT_EQ(r->tasks.size(), 1u);
  EXPECT_EQ(r->tasks[0].row.lead_units, std::vector<std::string>{"BHXH_VN"});
  EXPECT_EQ(r->tasks[0].row.timeframe.end->ToString(), "2030-12-31");
}

std::string Decomposed(const std::string& s) {  // NFD: letters and combining marks apart
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()), &out,
                   static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STABLE));
  std::string r(reinterpret_cast<char*>(out), static_cast<size_t>(n));
  std::free(out);
  return r;
}

// The same text saved by another editor: decomposed diacritics, Windows
// line ends, a no-break space after "Số:", a tab for the indentation, a BOM.
TEST(Import, TheSameDecisionFromAnotherEditorReadsTheSame) {
  std::string text = Decomposed(kUnseen);
  std::string crlf = "\xEF\xBB\xBF";
  for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  ASSERT_NE(text, std::string(kUnseen));  // "ệ" is now "e" + two combining marks
  size_t num = crlf.find("512/Q");
  ASSERT_NE(num, std::string::npos);
  crlf.replace(num - 1, 1, "\xC2\xA0");
  size_t indent = crlf.find("\r\n  thông");
  if (indent == std::string::npos) indent = crlf.find("\r\n  th");
  ASSERT_NE(indent, std::string::npos);
  crlf.replace(indent + 2, 2, "\t");
  auto a = ImportDecision(kUnseen, Units());
  auto b = ImportDecision(crlf, Units());
  ASSERT_TRUE(a.ok() && b.ok()) << b.status().ToString();
  EXPECT_EQ(ToJson(*a).dump(), ToJson(*b).dump());
}

TEST(Import, ADecisionOfTheSameKindNeverSeen) {
  auto r = ImportDecision(kUnseen, Units());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const ImportedProgramme& p = *r;
  EXPECT_EQ(p.decision.number, "512/QĐ-BHXH");
  EXPECT_EQ(p.decision.date->ToString(), "2025-04-15");
  EXPECT_EQ(p.decision.signing_line, "KT. TỔNG GIÁM ĐỐC / PHÓ TỔNG GIÁM ĐỐC");
  EXPECT_EQ(p.decision.signer, "Nguyễn Văn A");
  ASSERT_EQ(p.appendices.size(), 2u);
  EXPECT_EQ(p.appendices[0].label, "Phụ lục 01");
  EXPECT_EQ(p.appendices[0].kind, "indicators");
  ASSERT_EQ(p.indicators.size(), 2u);
  EXPECT_EQ(p.indicators[0].targets.at("2026"), "80");
  EXPECT_EQ(p.indicators[0].lead_units, std::vector<std::string>{"CNTT"});
  EXPECT_EQ(p.indicators[0].coordinating_units, std::vector<std::string>{"VP"});
  EXPECT_EQ(p.indicators[1].coordinating_units, std::vector<std::string>{"TCKT"});  // one cell: the right column
  EXPECT_TRUE(p.indicators[1].lead_inherited);
  ASSERT_EQ(p.tasks.size(), 3u);
  const TaskRow& t1 = Task(p, "I.1");
  EXPECT_EQ(t1.content, "Nâng cấp trung tâm dữ liệu dự phòng");
  EXPECT_EQ(t1.lead_units, std::vector<std::string>{"CNTT"});
  EXPECT_EQ(t1.coordinating_units, std::vector<std::string>{"VP"});
  EXPECT_EQ(t1.timeframe.kind, "quarter");
  EXPECT_EQ(t1.timeframe.end->ToString(), "2025-09-30");
  const TaskRow& t2 = Task(p, "I.2");
  EXPECT_EQ(t2.timeframe.end->ToString(), "2025-09-30");
  ASSERT_EQ(t2.unknown_units.size(), 1u);  // listed for an officer, not dropped
  EXPECT_EQ(t2.unknown_units[0], "Sở Tư pháp các tỉnh");
  EXPECT_EQ(Task(p, "II.1").timeframe.recurrence, "yearly");
  ASSERT_EQ(p.targets.size(), 2u);
  EXPECT_EQ(p.targets[0].value, 80);
  EXPECT_EQ(p.targets[0].year, 2026);
  EXPECT_EQ(p.targets[1].qualifier, "tối thiểu");
  ASSERT_EQ(p.reports.size(), 1u);
  EXPECT_EQ(p.reports[0].recurrence, "yearly");
  EXPECT_EQ(p.reports[0].day, 15);
  EXPECT_EQ(p.reports[0].month, 12);
  EXPECT_EQ(p.reports[0].recipient_units, std::vector<std::string>{"KHĐT"});
}

// A plan whose table names its columns differently ("Số TT", "Đơn vị thực
// hiện", "Thời hạn") and also each task's product, with a row whose
// coordinating cell is empty (the page drops it), and no programme text.
const char* kWithProducts = R"(Số: 31/QĐ-BHXH
Hà Nội, ngày 05 tháng 3 năm 2026
QUYẾT ĐỊNH
VỀ VIỆC BAN HÀNH KẾ HOẠCH KIỂM TRA NĂM 2026
TỔNG GIÁM ĐỐC BẢO HIỂM XÃ HỘI VIỆT NAM
QUYẾT ĐỊNH:
Điều 1. Ban hành Kế hoạch kiểm tra năm 2026.
Nơi nhận:
- Lưu: VT.
TỔNG GIÁM ĐỐC
Nguyễn Văn C
KẾ HOẠCH KIỂM TRA NĂM 2026
Số TT
Nhiệm vụ
Đơn vị thực hiện
Đơn vị phối hợp
Thời hạn
Sản phẩm
1
Kiểm tra việc chi trả lương hưu qua tài khoản
Vụ Thanh tra - Kiểm tra
Vụ Tài chính - Kế toán
Tháng 6/2026
Báo cáo kết quả kiểm tra
2
Kiểm tra thu nợ đóng tại các đơn vị lớn
Vụ Thanh tra - Kiểm tra
Quý IV/2026
Danh sách đơn vị nợ đóng đã xử lý
)";

TEST(Import, ATableWithProductsAndADroppedCell) {
  auto r = ImportDecision(kWithProducts, Units());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->tasks.size(), 2u);
  const TaskRow& a = r->tasks[0].row;  // one cell per column: read by the header
  EXPECT_EQ(a.content, "Kiểm tra việc chi trả lương hưu qua tài khoản");
  EXPECT_EQ(a.lead_units, std::vector<std::string>{"TTKT"});
  EXPECT_EQ(a.coordinating_units, std::vector<std::string>{"TCKT"});
  EXPECT_EQ(a.timeframe.end->ToString(), "2026-06-30");
  EXPECT_EQ(a.product, "Báo cáo kết quả kiểm tra");
  const TaskRow& b = r->tasks[1].row;  // the coordinating cell is missing: read by type
  EXPECT_EQ(b.content, "Kiểm tra thu nợ đóng tại các đơn vị lớn");
  EXPECT_EQ(b.lead_units, std::vector<std::string>{"TTKT"});
  EXPECT_TRUE(b.coordinating_units.empty());
  EXPECT_EQ(b.timeframe.end->ToString(), "2026-12-31");
  EXPECT_EQ(b.product, "Danh sách đơn vị nợ đóng đã xử lý");
  EXPECT_TRUE(r->unplaced.empty());
}

TEST(Import, TableRowsCopiedWithTabsBetweenCells) {
  std::string text = kWithProducts;
  size_t at = text.find("1\nKiểm tra việc chi trả");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, std::string("1\nKiểm tra việc chi trả lương hưu qua tài khoản\nVụ Thanh tra - Kiểm tra\n").size(),
               "1\tKiểm tra việc chi trả lương hưu qua tài khoản\tVụ Thanh tra - Kiểm tra\t");
  auto a = ImportDecision(kWithProducts, Units());
  auto b = ImportDecision(text, Units());
  ASSERT_TRUE(a.ok() && b.ok()) << b.status().ToString();
  ASSERT_EQ(b->tasks.size(), 2u);
  EXPECT_EQ(b->tasks[0].row.content, a->tasks[0].row.content);
  EXPECT_EQ(b->tasks[0].row.lead_units, std::vector<std::string>{"TTKT"});
  EXPECT_EQ(b->tasks[0].row.product, "Báo cáo kết quả kiểm tra");
}

TEST(Import, TwoTaskAppendicesKeepTheirKeysApart) {
  std::string text = std::string(kWithProducts) +
                     "PHỤ LỤC 2\nNHIỆM VỤ CỦA BHXH CÁC TỈNH\nTT\nNội dung\nĐơn vị chủ trì\nThời gian\n1\n"
                     "Tự kiểm tra chi trả tại địa phương\nBHXH các tỉnh, thành phố\nQuý III/2026\n";
  auto r = ImportDecision(text, Units());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->appendices.size(), 2u);
  EXPECT_EQ(r->appendices[1].label, "PHỤ LỤC 2");
  ASSERT_EQ(r->tasks.size(), 3u);
  EXPECT_EQ(r->tasks[0].row.key, "PL1.1");
  EXPECT_EQ(r->tasks[2].row.key, "PL2.1");
  EXPECT_EQ(r->tasks[2].row.id, "1");
  EXPECT_EQ(r->tasks[2].row.lead_units, std::vector<std::string>{"BHXH_TINH"});
}

TEST(Import, RefusesOversizedInputBeforeReadingIt) {
  std::string text = std::string(kUnseen);
  text.insert(text.find("KẾ HOẠCH\nCHUYỂN"), "- " + std::string(100000, 'a') + "\n");
  auto r = ImportDecision(text, Units());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().field(), "text");
  EXPECT_NE(r.status().message_en().find("line 24 is longer than 8000 bytes"), std::string::npos)
      << r.status().message_en();
  EXPECT_FALSE(ImportDecision(std::string(kMaxDecisionBytes + 1, 'x'), Units()).ok());
  EXPECT_EQ(ParseTimeFrame("Từ " + std::string(1000, 'x')).kind, "unknown");
}

TEST(Import, ShortRealisticTextsThatOnceEndedTheProgram) {
  // A row id or a stated total too large for an int.
  std::string text = std::string(kUnseen);
  text.insert(text.find("KẾ HOẠCH\nCHUYỂN"), "Tổng số\n99999999999999999999\n");
  auto r = ImportDecision(text, Units());
  if (r.ok()) {
    EXPECT_NO_THROW((void)DumpJson(ToJson(*r)));
  }
  // Text cut inside a UTF-8 sequence (a copy that lost its last byte) is refused, or read and printed.
  std::string cut = std::string(kUnseen).substr(0, 1500);
  while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) cut.pop_back();
  cut += "\xE1\xBB";  // the first two bytes of a three-byte letter
  auto c = ImportDecision(cut, Units());
  if (c.ok())
    EXPECT_NO_THROW((void)DumpJson(ToJson(*c)));
  else
    EXPECT_EQ(c.status().field(), "text");
}

}  // namespace
}  // namespace bhxh
