// Decisions in the forms officers receive them in (formats.h): each seed in
// HTML, Markdown and Word forms made from it reads exactly as its text;
// a PDF printed from one reads the same tasks; Word and HTML tables with
// merged cells, automatic numbering and tracked changes; page chrome;
// UTF-16 text; and malformed files refused with a clear error.
#include "programmes/formats.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <iostream>

#include "base/csv.h"
#include "base/text.h"
#include "platform/jsonio/json.h"
#include "programmes/import.h"
#include "programmes/json.h"
#include "programmes/pdf_rules.h"
#include "testing/decision_forms.h"
#include "programmes/test_units.h"
#include "testing/test_support.h"

namespace bhxh {
namespace {

const UnitRegistry& Units() { return testing::ProgrammeUnits(); }

// The extraction without line numbers (which differ between forms).
Json Projection(const ImportedProgramme& p) {
  Json j = ToJson(p);
  std::function<void(Json&)> strip = [&](Json& x) {
    if (x.is_object()) {
      for (const char* k : {"lines", "line", "first_line", "last_line", "header_line", "source_format"}) x.erase(k);
      for (auto& [k, v] : x.items()) strip(v);
    } else if (x.is_array()) {
      for (auto& v : x) strip(v);
    }
  };
  strip(j);
  return j;
}

// The first place two extractions differ, for a readable failure.
// A task as read by hand: key, content, the bodies in charge and
// coordinating by name, and the time frame's first and last day.
struct HandRead {
  std::string key, content;
  std::vector<std::string> lead, coordinating;
  std::string start, end;
};

// Each task of the import's JSON against the values read by hand, field by
// field (an empty start or end: none).
void ExpectTasks(const Json& tasks, const std::vector<HandRead>& want) {
  ASSERT_EQ(tasks.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    const Json& t = tasks[i];
    const HandRead& w = want[i];
    SCOPED_TRACE(w.key);
    EXPECT_EQ(t["key"], w.key);
    EXPECT_EQ(t["content"], w.content);
    EXPECT_EQ(t["lead"], Json(w.lead));
    EXPECT_EQ(t["coordinating"], Json(w.coordinating));
    EXPECT_EQ(t["timeframe"]["start"], w.start.empty() ? Json(nullptr) : Json(w.start));
    EXPECT_EQ(t["timeframe"]["end"], w.end.empty() ? Json(nullptr) : Json(w.end));
  }
}

std::string FirstDifference(const Json& a, const Json& b, const std::string& path = "") {
  if (a.type() != b.type()) return path + ": " + a.dump().substr(0, 300) + " vs " + b.dump().substr(0, 300);
  if (a.is_object()) {
    for (auto& [k, v] : a.items()) {
      if (!b.contains(k)) return path + "." + k + " missing";
      std::string d = FirstDifference(v, b[k], path + "." + k);
      if (!d.empty()) return d;
    }
    for (auto& [k, v] : b.items())
      if (!a.contains(k)) return path + "." + k + " extra";
    return "";
  }
  if (a.is_array()) {
    for (size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
      std::string d = FirstDifference(a[i], b[i], path + "[" + std::to_string(i) + "]");
      if (!d.empty()) return d;
    }
    if (a.size() != b.size()) return path + ": " + std::to_string(a.size()) + " vs " + std::to_string(b.size()) + " items";
    return "";
  }
  return a == b ? "" : path + ": " + a.dump().substr(0, 300) + " vs " + b.dump().substr(0, 300);
}

ImportedProgramme ImportFile(const std::string& bytes, const std::string& expect_format) {
  std::string text;
  auto p = ImportDecisionFile(bytes, Units(), &text);
  EXPECT_TRUE(p.ok()) << expect_format << ": " << p.status().ToString();
  if (!p.ok()) return {};
  EXPECT_EQ(p->source_format, expect_format);
  return *p;
}

const char* kSeeds[] = {"000_7318c461c9c33541.txt", "001_76d0ab86a136d09b.txt", "002_dfc3ba65e88b699e.txt",
                        "003_254a1e4a17401211.txt", "004_85c8068c912dad62.txt"};

TEST(Formats, EachSeedReadsTheSameAsHtmlMarkdownAndWord) {
  for (const char* seed : kSeeds) {
    SCOPED_TRACE(seed);
    std::string text = testing::SeedText(seed);
    ASSERT_FALSE(text.empty());
    auto p = ImportDecision(text, Units());
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    Json want = Projection(*p);
    ASSERT_GE(p->tasks.size() + p->indicators.size(), 10u);
    auto blocks = testing::DecisionBlocks(text, *p, Units());
    std::string title = "Quyết định " + p->decision.number + " năm 2024 ban hành chương trình";
    Json html = Projection(ImportFile(testing::RenderHtml(blocks, title), "html"));
    EXPECT_EQ(FirstDifference(want, html), "") << "HTML";
    Json md = Projection(ImportFile(testing::RenderMarkdown(blocks, title), "markdown"));
    EXPECT_EQ(FirstDifference(want, md), "") << "Markdown";
    auto docx = testing::RenderDocx(blocks);
    ASSERT_TRUE(docx.ok());
    if (const char* dump = std::getenv("BHXH_DUMP_FORMS")) {  // to look at the forms by hand
      std::string base = std::string(dump) + "/" + seed;
      std::ofstream(base + ".html") << testing::RenderHtml(blocks, title);
      std::ofstream(base + ".md") << testing::RenderMarkdown(blocks, title);
      std::ofstream(base + ".docx") << *docx;
      for (const auto& [ext, bytes] : std::vector<std::pair<std::string, std::string>>{
               {".html.txt", testing::RenderHtml(blocks, title)},
               {".md.txt", testing::RenderMarkdown(blocks, title)},
               {".docx.txt", *docx}})
        if (auto d = ReadDecisionFile(bytes); d.ok()) std::ofstream(base + ext) << d->text;
    }
    Json word = Projection(ImportFile(*docx, "docx"));
    EXPECT_EQ(FirstDifference(want, word), "") << "DOCX";
  }
}

// Chromium prints the HTML form to PDF as a browser's "Save as PDF" would;
// the PDF's columns come from its table header.
TEST(Formats, APdfPrintedFromADecisionReadsTheSameTasks) {
  for (const char* seed : {"000_7318c461c9c33541.txt", "002_dfc3ba65e88b699e.txt"}) {
    SCOPED_TRACE(seed);
    std::string text = testing::SeedText(seed);
    auto p = ImportDecision(text, Units());
    ASSERT_TRUE(p.ok());
    auto blocks = testing::DecisionBlocks(text, *p, Units());
    auto bytes = testing::PrintToPdf(testing::RenderHtml(blocks, "Quyết định " + p->decision.number), false);
    ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
    ImportedProgramme q = ImportFile(*bytes, "pdf");
    EXPECT_EQ(q.decision.number, p->decision.number);
    EXPECT_EQ(q.decision.date, p->decision.date);
    EXPECT_EQ(q.tasks.size(), p->tasks.size());
    // Exact: id, content, units in charge and coordinating, time frame. A
    // row the form made wider than its header (cells the text reader split)
    // widens the printed table, so the measure is the issue's: ≥ 95% exact.
    size_t exact = 0;
    for (const auto& want : p->tasks) {
      const TaskRow& a = want.row;
      const TaskRow* b = nullptr;
      for (const auto& t : q.tasks)
        if (t.row.key == a.key) b = &t.row;
      bool same = b && a.content == b->content && a.lead_units == b->lead_units &&
                  a.coordinating_units == b->coordinating_units && a.timeframe.text == b->timeframe.text;
      exact += same;
      if (!same) std::cerr << "not exact (tolerated up to 5%): " << a.key << "\n  " << a.content
                           << "\n  " << (b ? b->content : "(missing)") << "\n";
    }
    EXPECT_GE(exact * 100, p->tasks.size() * 95) << exact << " of " << p->tasks.size() << " exact";
  }
}

// The head of a small decision, in paragraphs; its task table is built per form.
const std::vector<std::string> kHead = {
    "ỦY BAN NHÂN DÂN", "TỈNH NINH BÌNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
    "Số: 85/QĐ-UBND\tNinh Bình, ngày 10 tháng 3 năm 2025", "QUYẾT ĐỊNH",
    "BAN HÀNH KẾ HOẠCH PHÁT TRIỂN NGƯỜI THAM GIA BẢO HIỂM XÃ HỘI NĂM 2025", "ỦY BAN NHÂN DÂN TỈNH NINH BÌNH",
    "Căn cứ Luật Bảo hiểm xã hội ngày 29 tháng 6 năm 2024;", "QUYẾT ĐỊNH:",
    "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phát triển người tham gia.",
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.", "Nơi nhận:", "- Như Điều 2;", "TM. ỦY BAN NHÂN DÂN",
    "CHỦ TỊCH", "Trần Văn B", "PHỤ LỤC", "NHIỆM VỤ CỤ THỂ", "(Kèm theo Quyết định số 85/QĐ-UBND ngày 10/3/2025)"};

// A Word table as Word writes it: the TT column numbered automatically,
// "Thời gian" merged over "Bắt đầu" / "Hoàn thành", a unit in charge merged
// down over two tasks, a tracked deletion, a line break inside a cell.
TEST(Formats, WordTablesWithMergedCellsNumberingAndTrackedChanges) {
  auto p = [](const std::string& inner, const std::string& ppr = "") {
    return "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") + inner + "</w:p>";
  };
  auto r = [](const std::string& t) { return "<w:r><w:t xml:space=\"preserve\">" + t + "</w:t></w:r>"; };
  auto tc = [](const std::string& body, const std::string& pr = "") {
    return "<w:tc>" + (pr.empty() ? "" : "<w:tcPr>" + pr + "</w:tcPr>") + body + "</w:tc>";
  };
  const std::string num = "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"3\"/></w:numPr>";
  std::string body;
  for (const auto& h : kHead) {
    size_t tab = h.find('\t');
    body += tab == std::string::npos ? p(r(h)) : p(r(h.substr(0, tab)) + "<w:r><w:tab/></w:r>" + r(h.substr(tab + 1)));
  }
  body += "<w:tbl>";
  body += "<w:tr>" + tc(p(r("STT")), "<w:vMerge w:val=\"restart\"/>") + tc(p(r("Nội dung")), "<w:vMerge w:val=\"restart\"/>") +
          tc(p(r("Đơn vị chủ trì")), "<w:vMerge w:val=\"restart\"/>") +
          tc(p(r("Đơn vị phối hợp")), "<w:vMerge w:val=\"restart\"/>") +
          tc(p(r("Thời gian")), "<w:gridSpan w:val=\"2\"/>") + "</w:tr>";
  body += "<w:tr>" + tc(p(""), "<w:vMerge/>") + tc(p(""), "<w:vMerge/>") + tc(p(""), "<w:vMerge/>") +
          tc(p(""), "<w:vMerge/>") + tc(p(r("Bắt đầu"))) + tc(p(r("Hoàn thành"))) + "</w:tr>";
  body += "<w:tr>" + tc(p("", num)) +
          tc(p(r("Rà soát doanh nghiệp chưa đóng") + "<w:del><w:r><w:delText> (bản cũ)</w:delText></w:r></w:del>" +
               "<w:ins><w:r><w:t xml:space=\"preserve\"> bảo hiểm xã hội</w:t></w:r></w:ins>")) +
          tc(p(r("Bảo hiểm xã hội tỉnh")), "<w:vMerge w:val=\"restart\"/>") +
          tc(p(r("Sở Tài chính") + "<w:r><w:br/></w:r>" + r("Thuế tỉnh"))) + tc(p(r("Tháng 4/2025"))) +
          tc(p(r("Tháng 6/2025"))) + "</w:tr>";
  body += "<w:tr>" + tc(p("", num)) + tc(p(r("Tuyên truyền chính sách bảo hiểm xã hội tự nguyện"))) +
          tc(p(""), "<w:vMerge/>") + tc(p("")) + tc(p(r("Quý II/2025"))) + tc(p(r("Quý IV/2025"))) + "</w:tr>";
  body += "</w:tbl>";
  std::string document =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document "
      "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
      body + "</w:body></w:document>";
  std::string numbering =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:numbering "
      "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:abstractNum "
      "w:abstractNumId=\"7\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText "
      "w:val=\"%1\"/></w:lvl></w:abstractNum><w:num w:numId=\"3\"><w:abstractNumId "
      "w:val=\"7\"/></w:num></w:numbering>";
  auto docx = testing::WriteZip({{"word/document.xml", document}, {"word/numbering.xml", numbering}});
  ASSERT_TRUE(docx.ok());
  ImportedProgramme q = ImportFile(*docx, "docx");
  EXPECT_EQ(q.decision.number, "85/QĐ-UBND");
  EXPECT_EQ(q.decision.date, Date::FromYmd(2025, 3, 10));
  ASSERT_EQ(q.tasks.size(), 2u);
  const TaskRow& a = q.tasks[0].row;
  EXPECT_EQ(a.id, "1");
  EXPECT_EQ(a.content, "Rà soát doanh nghiệp chưa đóng bảo hiểm xã hội");
  EXPECT_EQ(a.timeframe.start, Date::FromYmd(2025, 4, 1));
  EXPECT_EQ(a.timeframe.end, Date::FromYmd(2025, 6, 30));
  // The province's branch of VSS is the registry's BHXH_TINH (as "BHXH
  // tỉnh" is); the province's own bodies are not VSS units: listed, not swallowed.
  EXPECT_EQ(a.lead_units, std::vector<std::string>{"BHXH_TINH"});
  EXPECT_EQ(a.unknown_units, (std::vector<std::string>{"Sở Tài chính", "Thuế tỉnh"}));
  const TaskRow& b = q.tasks[1].row;
  EXPECT_EQ(b.id, "2");
  EXPECT_EQ(b.content, "Tuyên truyền chính sách bảo hiểm xã hội tự nguyện");
  EXPECT_EQ(b.lead_units, std::vector<std::string>{"BHXH_TINH"}) << "the unit merged down belongs to the second task too";
  EXPECT_EQ(b.timeframe.start, Date::FromYmd(2025, 4, 1));
  EXPECT_EQ(b.timeframe.end, Date::FromYmd(2025, 12, 31));
}

// An HTML page of a legal-document website: the decision inside the site's
// menus, a rowspan unit over two tasks and a colspan header, entities and
// no-break spaces, a page in windows-1258-free UTF-8 with its charset meta.
TEST(Formats, HtmlPageWithRowspanColspanAndChrome) {
  std::string page =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"><title>KH 85</title>"
      "<style>p{}</style></head><body><div id=\"menu\"><ul><li>Văn bản mới</li><li>Số: 1/QĐ-XYZ</li></ul></div>"
      "<div class=\"main\"><h1>Kế hoạch 85/KH-UBND năm 2025 tỉnh Ninh Bình</h1>";
  for (const auto& h : kHead) {
    std::string x = h;
    size_t tab = x.find('\t');
    if (tab != std::string::npos) x = x.substr(0, tab) + "</p><p>" + x.substr(tab + 1);
    page += "<p>" + x + "</p>";
  }
  page +=
      "<table><tr><td rowspan=\"2\"><b>TT</b></td><td rowspan=\"2\">Nội&nbsp;dung</td><td rowspan=\"2\">Đơn vị chủ "
      "trì</td><td rowspan=\"2\">Đơn vị phối hợp</td><td colspan=\"2\">Thời gian</td></tr>"
      "<tr><td>Bắt đầu</td><td>Hoàn thành</td></tr>"
      "<tr><td>1</td><td>Rà soát doanh nghiệp chưa đóng <i>bảo hiểm xã hội</i></td><td rowspan=\"2\">Trung tâm "
      "Truyền thông</td><td>Ban Thu<br>Vụ Tài chính - Kế toán</td><td>Tháng 4/2025</td><td>Tháng 6/2025</td></tr>"
      "<tr><td>2</td><td>Tuyên truyền chính sách &amp; pháp luật</td><td></td><td>Quý II/2025</td><td>Quý "
      "IV/2025</td></tr></table>"
      "</div><div class=\"related-docs\"><p>Văn bản liên quan: Quyết định 9/QĐ-ABC ngày 01/01/2020</p></div>"
      "<div class=\"footer\">Tải văn bản</div></body></html>";
  ImportedProgramme q = ImportFile(page, "html");
  EXPECT_EQ(q.decision.number, "85/QĐ-UBND");
  ASSERT_EQ(q.tasks.size(), 2u);
  const TaskRow& a = q.tasks[0].row;
  EXPECT_EQ(a.content, "Rà soát doanh nghiệp chưa đóng bảo hiểm xã hội");
  // A People's Committee's plan: departments named like VSS's are the
  // province's own, listed for an officer (VSS's earlier name "Ban Thu"
  // included), never taken for VSS's.
  EXPECT_TRUE(a.lead_units.empty());
  EXPECT_TRUE(a.coordinating_units.empty());
  EXPECT_EQ(a.unknown_units, (std::vector<std::string>{"Trung tâm Truyền thông", "Ban Thu", "Vụ Tài chính - Kế toán"}));
  EXPECT_EQ(a.unknown_cells, (std::vector<std::string>{"lead", "coordinating", "coordinating"}));
  EXPECT_EQ(a.timeframe.end, Date::FromYmd(2025, 6, 30));
  const TaskRow& b = q.tasks[1].row;
  EXPECT_EQ(b.content, "Tuyên truyền chính sách & pháp luật");
  EXPECT_EQ(b.unknown_units, std::vector<std::string>{"Trung tâm Truyền thông"})
      << "the rowspan unit leads the second task too";
  EXPECT_EQ(b.unknown_cells, std::vector<std::string>{"lead"});
  EXPECT_EQ(b.timeframe.end, Date::FromYmd(2025, 12, 31));
}

TEST(Formats, PlainTextInUtf16AsNotepadSavesIt) {
  std::string text = testing::SeedText("002_dfc3ba65e88b699e.txt");
  auto want = ImportDecision(text, Units());
  ASSERT_TRUE(want.ok());
  // UTF-8 → UTF-16LE with its byte-order mark.
  std::string u16 = "\xFF\xFE";
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    uint32_t cp;
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
    for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    i += n;
    auto put = [&](uint32_t u) { u16.push_back(static_cast<char>(u & 0xFF)), u16.push_back(static_cast<char>(u >> 8)); };
    if (cp >= 0x10000) {
      put(0xD800 + ((cp - 0x10000) >> 10));
      put(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      put(cp);
    }
  }
  ImportedProgramme q = ImportFile(u16, "text");
  EXPECT_EQ(FirstDifference(Projection(*want), Projection(q)), "");
}

// 249/QĐ-BHXH writes "Trung tâm dịch vụ hỗ trợ CSKH" in its unit column;
// with the registry's alias the five tasks are the customer-service
// centre's; a name the registry lacks is listed as unknown with its task,
// never glued to the task's content.
TEST(Formats, AUnitNameIsNeverSwallowedIntoTheContent) {
  std::string text = testing::SeedText("001_76d0ab86a136d09b.txt");
  auto p = ImportDecision(text, Units());
  ASSERT_TRUE(p.ok());
  int dvkh = 0;
  for (const auto& t : p->tasks) {
    EXPECT_EQ(t.row.content.find("CSKH"), std::string::npos) << t.row.key;
    if (t.row.lead_units == std::vector<std::string>{"DVKH"}) ++dvkh;
  }
  EXPECT_EQ(dvkh, 5);
  // Without the alias: listed as unknown, content intact.
  auto csv = ReadFile(testing::DataDir() + "/programmes/units.csv");
  ASSERT_TRUE(csv.ok());
  std::string without = *csv;
  size_t at = without.find("|Trung tâm dịch vụ hỗ trợ CSKH|Trung tâm CSKH");
  ASSERT_NE(at, std::string::npos);
  without.erase(at, std::string("|Trung tâm dịch vụ hỗ trợ CSKH|Trung tâm CSKH").size());
  std::string path = "/tmp/bhxh-units-" + std::to_string(getpid()) + ".csv";
  std::ofstream(path) << without;
  auto units = UnitRegistry::Load(path, testing::DataDir() + "/programmes/unit_words.csv");
  std::remove(path.c_str());
  ASSERT_TRUE(units.ok());
  auto q = ImportDecision(text, *units);
  ASSERT_TRUE(q.ok());
  int unknown = 0;
  for (const auto& t : q->tasks) {
    EXPECT_EQ(t.row.content.find("CSKH"), std::string::npos) << t.row.key;
    for (const auto& u : t.row.unknown_units) unknown += u == "Trung tâm dịch vụ hỗ trợ CSKH";
  }
  EXPECT_EQ(unknown, 5);
}

Status ReadError(const std::string& bytes) {
  std::string text;
  auto r = ImportDecisionFile(bytes, Units(), &text);
  return r.ok() ? Status::Ok() : r.status();
}

TEST(Formats, MalformedFilesAreRefusedClearly) {
  // A corrupt zip: the signature and nothing a zip reader can use.
  Status s = ReadError(std::string("PK\x03\x04", 4) + std::string(200, '\x07'));
  EXPECT_EQ(s.field(), "file");
  EXPECT_NE(s.message_vi().find(".docx"), std::string::npos) << s.ToString();
  // A zip that is no Word document (a workbook).
  auto xlsx = testing::WriteZip({{"xl/workbook.xml", "<workbook/>"}});
  ASSERT_TRUE(xlsx.ok());
  s = ReadError(*xlsx);
  EXPECT_EQ(s.field(), "file");
  EXPECT_NE(s.message_vi().find("Word"), std::string::npos) << s.ToString();
  // A Word document whose XML is cut off.
  auto cut = testing::WriteZip({{"word/document.xml", "<w:document xmlns:w=\"x\"><w:body><w:p><w:r><w:t>Q"}});
  ASSERT_TRUE(cut.ok());
  s = ReadError(*cut);
  EXPECT_EQ(s.field(), "file");
  EXPECT_NE(s.message_vi().find("hỏng"), std::string::npos) << s.ToString();
  // A legacy .doc.
  s = ReadError(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(512, '\0'));
  EXPECT_EQ(s.field(), "file");
  EXPECT_NE(s.message_vi().find(".docx"), std::string::npos);
  // A PDF with one empty page: no text layer.
  std::string objs[] = {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                        "<< /Length 0 >>\nstream\n\nendstream"};
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < 4; ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objs[i] + "\nendobj\n";
  }
  size_t xref = pdf.size();
  pdf += "xref\n0 5\n0000000000 65535 f \n";
  for (size_t o : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", o);
    pdf += line;
  }
  pdf += "trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  s = ReadError(pdf);
  EXPECT_EQ(s.field(), "file");
  EXPECT_NE(s.message_vi().find("lớp chữ"), std::string::npos) << s.ToString();
  // A PDF cut short.
  s = ReadError("%PDF-1.7\n1 0 obj << /Type /Cat");
  EXPECT_EQ(s.field(), "file");
  // An HTML page that is no decision.
  s = ReadError("<!DOCTYPE html><html><body><nav>Trang chủ</nav><p>Tin tức: giá vàng hôm nay.</p></body></html>");
  EXPECT_EQ(s.code(), "not_a_decision") << s.ToString();
  // Empty, and binary.
  EXPECT_EQ(ReadError("").field(), "file");
  s = ReadError(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  EXPECT_EQ(s.field(), "file");
  EXPECT_NE(s.message_en().find("unrecognised"), std::string::npos) << s.ToString();
}

TEST(Formats, KindIsReadFromTheContent) {
  EXPECT_EQ(DetectDecisionFormat("%PDF-1.5\n..."), "pdf");
  EXPECT_EQ(DetectDecisionFormat("  <!doctype html><p>x"), "html");
  EXPECT_EQ(DetectDecisionFormat("<div><p>a</p><p>b</p></div>"), "html");
  EXPECT_EQ(DetectDecisionFormat("**QUYẾT ĐỊNH**\n\n| TT | Nội dung |\n|---|---|\n| 1 | a |\n"), "markdown");
  EXPECT_EQ(DetectDecisionFormat("QUYẾT ĐỊNH\nĐiều 1. Ban hành ...\n- Như Điều 2;\n"), "text");
  EXPECT_EQ(DetectDecisionFormat("{\\rtf1\\ansi ..."), "rtf");
}

TEST(Formats, ChromeAroundTheDecisionIsDropped) {
  std::string page =
      "Trang chủ | Văn bản | Đăng nhập\nQuyết định 249/QĐ-BHXH năm 2024 ban hành ...\nSố hiệu: 249/QĐ-BHXH\n"
      "BẢO HIỂM XÃ HỘI VIỆT NAM\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: "
      "1/QĐ-BHXH\nNội dung\nChia sẻ dữ liệu với Bộ Công an\nVăn bản liên quan\nQuyết định 2/QĐ-X\n";
  std::string t = TrimToDecision(page);
  EXPECT_EQ(t.rfind("BẢO HIỂM XÃ HỘI VIỆT NAM\n", 0), 0u) << t;
  EXPECT_EQ(t.find("Văn bản liên quan"), std::string::npos) << t;
  EXPECT_NE(t.find("Nội dung"), std::string::npos);
  EXPECT_NE(t.find("Chia sẻ dữ liệu với Bộ Công an"), std::string::npos) << "a task, not a share button";
}

}  // namespace
}  // namespace bhxh

namespace bhxh {
namespace {

// A provincial People's Committee's plan issued on its own, as a Word file:
// "KẾ HOẠCH" with no decision around it, bases opening the body, the body
// ending at "Nơi nhận:", and an appendix with columns the seeds do not have
// (the product, coordinating bodies as a list, "Thời gian hoàn thành").
TEST(Formats, AProvincialPlanIssuedOnItsOwnInWord) {
  std::vector<testing::FormBlock> b;
  for (const char* p :
       {"ỦY BAN NHÂN DÂN", "TỈNH NINH BÌNH", "-------", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Số: 120/KH-UBND\tNinh Bình, ngày 20 tháng 5 năm 2025", "KẾ HOẠCH",
        "TRIỂN KHAI CHÍNH SÁCH BẢO HIỂM XÃ HỘI TỰ NGUYỆN GIAI ĐOẠN 2025-2030",
        "Căn cứ Luật Bảo hiểm xã hội ngày 29 tháng 6 năm 2024;",
        "Căn cứ Nghị quyết số 28-NQ/TW ngày 23 tháng 5 năm 2018 của Ban Chấp hành Trung ương;",
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:", "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Đến năm 2030, trên 60% lực lượng lao động trong độ tuổi tham gia bảo hiểm xã hội.",
        "II. NHIỆM VỤ, GIẢI PHÁP", "Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.",
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Các sở, ngành báo cáo kết quả thực hiện gửi về Sở Nội vụ trước ngày 15/12 hằng năm.", "Nơi nhận:",
        "- Bộ Nội vụ;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn C",
        "PHỤ LỤC", "NHIỆM VỤ CỤ THỂ", "(Kèm theo Kế hoạch số 120/KH-UBND ngày 20/5/2025 của UBND tỉnh)"})
    b.push_back({p, {}});
  b.push_back({"",
               {{"STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Sản phẩm", "Thời gian hoàn thành"},
                {"1", "Tuyên truyền chính sách bảo hiểm xã hội tự nguyện đến hộ kinh doanh", "BHXH tỉnh",
                 "- Sở Nội vụ\n- Trung tâm Truyền thông", "Hội nghị, tờ rơi", "Năm 2025"},
                {"2", "Rà soát người lao động chưa tham gia bảo hiểm xã hội", "Sở Nội vụ", "BHXH tỉnh",
                 "Danh sách người lao động", "Quý III/2025"}}});
  auto docx = testing::RenderDocx(b);
  ASSERT_TRUE(docx.ok());
  ImportedProgramme q = ImportFile(*docx, "docx");
  EXPECT_EQ(q.decision.kind, "plan");
  EXPECT_EQ(q.decision.number, "120/KH-UBND");
  EXPECT_EQ(q.decision.date, Date::FromYmd(2025, 5, 20));
  EXPECT_EQ(q.decision.title, "TRIỂN KHAI CHÍNH SÁCH BẢO HIỂM XÃ HỘI TỰ NGUYỆN GIAI ĐOẠN 2025-2030");
  EXPECT_EQ(q.programme_title, q.decision.title);
  EXPECT_EQ(q.decision.signer, "Nguyễn Văn C");
  ASSERT_EQ(q.decision.legal_bases.size(), 2u);
  EXPECT_EQ(q.decision.legal_bases[1].number, "28-NQ/TW");
  ASSERT_EQ(q.targets.size(), 1u);
  EXPECT_EQ(q.targets[0].value, 60);
  EXPECT_EQ(q.targets[0].year, 2030);
  ASSERT_EQ(q.reports.size(), 1u);
  EXPECT_EQ(q.reports[0].day, 15);
  EXPECT_EQ(q.reports[0].month, 12);
  for (const auto& s : q.sections) EXPECT_EQ(s.text.find("Nơi nhận"), std::string::npos) << s.key;
  ASSERT_EQ(q.tasks.size(), 2u);
  const TaskRow& a = q.tasks[0].row;
  EXPECT_EQ(a.content, "Tuyên truyền chính sách bảo hiểm xã hội tự nguyện đến hộ kinh doanh");
  EXPECT_EQ(a.lead_units, std::vector<std::string>{"BHXH_TINH"});
  EXPECT_TRUE(a.coordinating_units.empty()) << "the province's own media centre, not VSS's";
  EXPECT_EQ(a.unknown_units, (std::vector<std::string>{"Sở Nội vụ", "Trung tâm Truyền thông"}));
  EXPECT_EQ(a.product, "Hội nghị, tờ rơi");
  EXPECT_EQ(a.timeframe.end, Date::FromYmd(2025, 12, 31));
  const TaskRow& c = q.tasks[1].row;
  EXPECT_TRUE(c.lead_units.empty());
  EXPECT_EQ(c.unknown_units, std::vector<std::string>{"Sở Nội vụ"});
  EXPECT_EQ(c.coordinating_units, std::vector<std::string>{"BHXH_TINH"});
  EXPECT_EQ(c.product, "Danh sách người lao động");
  EXPECT_EQ(c.timeframe.start, Date::FromYmd(2025, 7, 1));
  EXPECT_EQ(c.timeframe.end, Date::FromYmd(2025, 9, 30));
  // The unit in charge reads by name whether the registry knows it or not:
  // the province's department as written, the branch by its registry name.
  Json j = ToJson(q);
  EXPECT_EQ(j["tasks"][1]["lead"], Json::array({"Sở Nội vụ"}));
  EXPECT_EQ(j["tasks"][1]["coordinating"], Json::array({"BHXH các tỉnh, thành phố"}));
  EXPECT_EQ(j["tasks"][0]["lead"], Json::array({"BHXH các tỉnh, thành phố"}));
  EXPECT_EQ(j["tasks"][0]["coordinating"], Json::array({"Sở Nội vụ", "Trung tâm Truyền thông"}));
}

}  // namespace
}  // namespace bhxh

namespace bhxh {
namespace {

// The administrative layout of Decree 30/2020/NĐ-CP as Word writes it: the
// issuer and the motto side by side in a borderless table, the rules under
// them drawn as shapes (no "-------" in the text), number and date in the
// table's second row.
TEST(Formats, WordHeaderTableOfTheAdministrativeLayout) {
  std::vector<testing::FormBlock> b;
  b.push_back({"", {{"BẢO HIỂM XÃ HỘI VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"},
                    {"Số: 512/QĐ-BHXH", "Hà Nội, ngày 15 tháng 4 năm 2025"}}});
  for (const char* p :
       {"QUYẾT ĐỊNH", "VỀ VIỆC BAN HÀNH KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2025", "TỔNG GIÁM ĐỐC BẢO HIỂM XÃ HỘI VIỆT NAM",
        "Căn cứ Nghị định số 89/2020/NĐ-CP ngày 04/8/2020 của Chính phủ;",
        "Theo đề nghị của Giám đốc Trung tâm Công nghệ thông tin.", "QUYẾT ĐỊNH:",
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số năm 2025.",
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký."})
    b.push_back({p, {}});
  b.push_back({"", {{"Nơi nhận:\n- Như Điều 2;\n- Lưu: VT, CNTT.", "KT. TỔNG GIÁM ĐỐC\nPHÓ TỔNG GIÁM ĐỐC\nNguyễn Văn A"}}});
  for (const char* p : {"KẾ HOẠCH", "CHUYỂN ĐỔI SỐ NĂM 2025", "(Kèm theo Quyết định số 512/QĐ-BHXH ngày 15/4/2025)",
                        "I. MỤC TIÊU", "1. Đến năm 2026, trên 80% hồ sơ được giải quyết trực tuyến."})
    b.push_back({p, {}});
  auto docx = testing::RenderDocx(b);
  ASSERT_TRUE(docx.ok());
  ImportedProgramme q = ImportFile(*docx, "docx");
  EXPECT_EQ(q.decision.number, "512/QĐ-BHXH");
  EXPECT_EQ(q.decision.date, Date::FromYmd(2025, 4, 15));
  EXPECT_EQ(q.decision.place, "Hà Nội");
  EXPECT_EQ(q.decision.issuer, "BẢO HIỂM XÃ HỘI VIỆT NAM");
  EXPECT_EQ(q.decision.authority, "TỔNG GIÁM ĐỐC BẢO HIỂM XÃ HỘI VIỆT NAM");
  EXPECT_EQ(q.decision.signer, "Nguyễn Văn A");
  EXPECT_EQ(q.decision.signing_line, "KT. TỔNG GIÁM ĐỐC / PHÓ TỔNG GIÁM ĐỐC");
  EXPECT_EQ(q.programme_title, "KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2025");
  ASSERT_EQ(q.targets.size(), 1u);
  EXPECT_EQ(q.targets[0].value, 80);
}

}  // namespace
}  // namespace bhxh

namespace bhxh {
namespace {

// A Prime Minister's decision approving a scheme, as government portals
// publish it: the scheme's objectives inside Article 1, the tasks in an
// appendix with a product column and "Thời gian hoàn thành".
TEST(Formats, APrimeMinistersDecisionApprovingASchemeAsAWebPage) {
  std::string page = "<html><body><div class=\"header\">Cổng thông tin điện tử Chính phủ</div><div class=\"content\">";
  for (const char* p :
       {"THỦ TƯỚNG CHÍNH PHỦ", "-------", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "---------------", "Số: 1200/QĐ-TTg", "Hà Nội, ngày 05 tháng 8 năm 2025", "QUYẾT ĐỊNH",
        "PHÊ DUYỆT ĐỀ ÁN PHÁT TRIỂN NGƯỜI THAM GIA BẢO HIỂM XÃ HỘI ĐẾN NĂM 2030", "THỦ TƯỚNG CHÍNH PHỦ",
        "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;",
        "Theo đề nghị của Bộ trưởng Bộ Nội vụ,", "QUYẾT ĐỊNH:",
        "Điều 1. Phê duyệt Đề án phát triển người tham gia bảo hiểm xã hội đến năm 2030 với những nội dung chủ "
        "yếu sau:",
        "I. MỤC TIÊU", "1. Phấn đấu đến năm 2030 đạt khoảng 60% lực lượng lao động trong độ tuổi tham gia bảo hiểm "
                       "xã hội.",
        "II. NHIỆM VỤ, GIẢI PHÁP", "Các nhiệm vụ cụ thể tại Phụ lục kèm theo Quyết định này.",
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.", "Nơi nhận:", "- Ban Bí thư Trung ương Đảng;",
        "- Lưu: VT, KGVX.", "KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "Lê Thành Long", "PHỤ LỤC",
        "DANH MỤC NHIỆM VỤ", "(Kèm theo Quyết định số 1200/QĐ-TTg ngày 05 tháng 8 năm 2025 của Thủ tướng Chính phủ)"})
    page += std::string("<p>") + p + "</p>";
  page +=
      "<table><tr><td><b>STT</b></td><td><b>Nhiệm vụ</b></td><td><b>Cơ quan chủ trì</b></td><td><b>Cơ quan phối "
      "hợp</b></td><td><b>Sản phẩm</b></td><td><b>Thời gian hoàn thành</b></td></tr>"
      "<tr><td>1</td><td>Xây dựng cơ sở dữ liệu người lao động chưa tham gia bảo hiểm xã hội</td><td>Bảo hiểm xã "
      "hội Việt Nam</td><td><p>- Bộ Công an</p><p>- Ủy ban nhân dân các tỉnh</p></td><td>Cơ sở dữ liệu</td><td>Năm "
      "2026</td></tr></table></div><div id=\"footer\">Văn bản liên quan</div></body></html>";
  ImportedProgramme q = ImportFile(page, "html");
  EXPECT_EQ(q.decision.number, "1200/QĐ-TTg");
  EXPECT_EQ(q.decision.issuer, "THỦ TƯỚNG CHÍNH PHỦ");
  EXPECT_EQ(q.decision.signer, "Lê Thành Long");
  EXPECT_EQ(q.programme_title, q.decision.title);
  ASSERT_EQ(q.targets.size(), 1u) << "the objectives inside Article 1";
  EXPECT_EQ(q.targets[0].value, 60);
  EXPECT_EQ(q.targets[0].qualifier, "khoảng");
  EXPECT_EQ(q.targets[0].year, 2030);
  ASSERT_EQ(q.tasks.size(), 1u);
  const TaskRow& t = q.tasks[0].row;
  EXPECT_EQ(t.content, "Xây dựng cơ sở dữ liệu người lao động chưa tham gia bảo hiểm xã hội");
  EXPECT_EQ(t.product, "Cơ sở dữ liệu");
  EXPECT_EQ(t.timeframe.end, Date::FromYmd(2026, 12, 31));
  EXPECT_EQ(t.unknown_units.size() + t.coordinating_units.size(), 2u) << "each body of the list on its own";
}

// Plan 301/KH-UBND of a city as its web page (start and end columns under
// one heading, months written alone); `head` goes in the page's <head>.
std::string Plan301Page(const std::string& head) {
  return "<html><head><meta charset=\"utf-8\">" + head + "</head><body>\n"
      "<p><b>ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG</b></p><p>Số: 301/KH-UBND</p><p><i>Hải Phòng, ngày 03 tháng 10 năm 2025</i></p>\n"
      "<p><b>KẾ HOẠCH</b></p><p><b>Phát triển người tham gia bảo hiểm xã hội tự nguyện năm 2026</b></p>\n"
      "<p>Căn cứ Luật Bảo hiểm xã hội số 41/2024/QH15;</p>\n"
      "<p><b>I. MỤC TIÊU</b></p><p>Năm 2026 có ít nhất 45.000 người tham gia bảo hiểm xã hội tự nguyện và 1,2 triệu người tham gia bảo hiểm y tế; mỗi xã bố trí 2 người làm đại lý thu; đến năm 2030 người lao động được tiếp cận đầy đủ.</p>\n"
      "<p><b>II. NHIỆM VỤ</b></p><p>Theo Phụ lục đính kèm.</p>\n"
      "<p><b>III. TỔ CHỨC THỰC HIỆN</b></p><p>Bảo hiểm xã hội thành phố tổng hợp kết quả, báo cáo Ủy ban nhân dân thành phố trước ngày 20/12/2026.</p>\n"
      "<p><b>TM. ỦY BAN NHÂN DÂN<br>KT. CHỦ TỊCH<br>PHÓ CHỦ TỊCH</b></p><p><b>Nguyễn Minh Hùng</b></p>\n"
      "<p><b>PHỤ LỤC</b></p><p><b>PHÂN CÔNG NHIỆM VỤ</b></p>\n"
      "<table border=\"1\">\n"
      "<tr><th rowspan=\"2\">STT</th><th rowspan=\"2\">Nội dung</th><th rowspan=\"2\">Cơ quan chủ trì</th><th rowspan=\"2\">Cơ quan phối hợp</th><th colspan=\"2\">Thời gian thực hiện</th></tr>\n"
      "<tr><th>Bắt đầu</th><th>Hoàn thành</th></tr>\n"
      "<tr><td>1</td><td>Tổ chức hội nghị khách hàng tại các xã, phường</td><td>Bảo hiểm xã hội thành phố</td><td>Bưu điện thành phố</td><td>01/2026</td><td>12/2026</td></tr>\n"
      "<tr><td>2</td><td>Giao chỉ tiêu phát triển người tham gia cho các xã, phường</td><td>Ủy ban nhân dân thành phố</td><td>Bảo hiểm xã hội thành phố</td><td>01/2026</td><td>03/2026</td></tr>\n"
      "<tr><td>3</td><td>Hỗ trợ thêm tiền đóng cho người thuộc hộ nghèo từ ngân sách thành phố</td><td>Sở Tài chính</td><td>Sở Nội vụ; Bảo hiểm xã hội thành phố</td><td>Quý I/2026</td><td>Quý IV/2026</td></tr>\n"
      "</table></body></html>\n";
}

// A city's plan as a web page whose header is two rows: "Thời gian thực
// hiện" over "Bắt đầu" and "Hoàn thành", the months written as numbers
// alone ("01/2026", "03/2026"). Values read by hand.
TEST(Formats, StartAndEndColumnsUnderOneHeaderWithBareMonths) {
  const std::string page = Plan301Page("");
  ImportedProgramme q = ImportFile(page, "html");
  EXPECT_EQ(q.decision.number, "301/KH-UBND");
  EXPECT_EQ(q.decision.signer, "Nguyễn Minh Hùng");
  ASSERT_EQ(q.tasks.size(), 3u);
  Json j = ToJson(q);
  ExpectTasks(j["tasks"],
              {{"1", "Tổ chức hội nghị khách hàng tại các xã, phường", {"BHXH các tỉnh, thành phố"},
                {"Bưu điện thành phố"}, "2026-01-01", "2026-12-31"},
               {"2", "Giao chỉ tiêu phát triển người tham gia cho các xã, phường", {"Ủy ban nhân dân thành phố"},
                {"BHXH các tỉnh, thành phố"}, "2026-01-01", "2026-03-31"},
               {"3", "Hỗ trợ thêm tiền đóng cho người thuộc hộ nghèo từ ngân sách thành phố", {"Sở Tài chính"},
                {"BHXH các tỉnh, thành phố", "Sở Nội vụ"}, "2026-01-01", "2026-12-31"}});
  ASSERT_EQ(q.reports.size(), 1u);
  EXPECT_EQ(q.reports[0].date, Date::FromYmd(2026, 12, 20));
  // Targets as counts of people (the dot groups thousands; "triệu" is a
  // million); two people an agency per commune are no target, nor is the
  // year before "người".
  ASSERT_EQ(q.targets.size(), 2u);
  EXPECT_EQ(q.targets[0].value, 45000);
  EXPECT_EQ(q.targets[0].unit, "người");
  EXPECT_EQ(q.targets[0].qualifier, "ít nhất");
  EXPECT_EQ(q.targets[0].year, 2026);
  EXPECT_EQ(q.targets[1].value, 1200000);
  EXPECT_EQ(q.targets[1].unit, "người");
  EXPECT_EQ(j["programme"]["targets"][1]["unit"], "người");
}

// One column "Cơ quan, đơn vị thực hiện" naming both roles by label:
// "Chủ trì: Sở Nội vụ; phối hợp: Bảo hiểm xã hội tỉnh, Liên đoàn Lao động
// tỉnh" — the bodies go to their roles, none into the content. Values read
// by hand.
TEST(Formats, OneColumnNamingBothRolesByLabel) {
  const std::string md =
      "**UBND TỈNH NGHỆ AN**\n"
      "\n"
      "Số: 412/KH-UBND\n"
      "\n"
      "*Nghệ An, ngày 15 tháng 8 năm 2025*\n"
      "\n"
      "**KẾ HOẠCH**\n"
      "\n"
      "**Thực hiện Nghị quyết số 28-NQ/TW về cải cách chính sách bảo hiểm xã hội năm 2026**\n"
      "\n"
      "**I. MỤC ĐÍCH, YÊU CẦU**\n"
      "\n"
      "Triển khai đồng bộ các giải pháp.\n"
      "\n"
      "**II. NHIỆM VỤ, GIẢI PHÁP**\n"
      "\n"
      "Chi tiết tại Phụ lục.\n"
      "\n"
      "**III. TỔ CHỨC THỰC HIỆN**\n"
      "\n"
      "Các sở, ngành, địa phương báo cáo kết quả về Sở Nội vụ trước ngày 10/12/2026 để tổng hợp.\n"
      "\n"
      "**KT. CHỦ TỊCH**\n"
      "**PHÓ CHỦ TỊCH**\n"
      "\n"
      "**Bùi Đình Long**\n"
      "\n"
      "**PHỤ LỤC**\n"
      "\n"
      "| TT | Nhiệm vụ, giải pháp | Cơ quan, đơn vị thực hiện | Thời gian |\n"
      "|---|---|---|---|\n"
      "| 1 | Rà soát, đối chiếu dữ liệu doanh nghiệp đang hoạt động với dữ liệu đơn vị tham gia bảo hiểm xã hội | Chủ trì: Bảo hiểm xã hội tỉnh; phối hợp: Thuế tỉnh, Sở Tài chính | Quý I/2026 |\n"
      "| 2 | Kiểm tra liên ngành về chấp hành pháp luật bảo hiểm xã hội | Chủ trì: Sở Nội vụ; phối hợp: Bảo hiểm xã hội tỉnh, Liên đoàn Lao động tỉnh | Từ tháng 4 đến tháng 10/2026 |\n"
      "| 3 | Tuyên truyền trên báo, đài địa phương | Báo và Phát thanh, Truyền hình Nghệ An | Thường xuyên |\n";
  ImportedProgramme q = ImportFile(md, "markdown");
  EXPECT_EQ(q.decision.number, "412/KH-UBND");
  ASSERT_EQ(q.tasks.size(), 3u);
  Json j = ToJson(q);
  ExpectTasks(j["tasks"],
              {{"1", "Rà soát, đối chiếu dữ liệu doanh nghiệp đang hoạt động với dữ liệu đơn vị tham gia bảo hiểm xã hội",
                {"BHXH các tỉnh, thành phố"}, {"Thuế tỉnh", "Sở Tài chính"}, "2026-01-01", "2026-03-31"},
               {"2", "Kiểm tra liên ngành về chấp hành pháp luật bảo hiểm xã hội", {"Sở Nội vụ"},
                {"BHXH các tỉnh, thành phố", "Liên đoàn Lao động tỉnh"}, "2026-04-01", "2026-10-31"},
               {"3", "Tuyên truyền trên báo, đài địa phương", {"Báo và Phát thanh, Truyền hình Nghệ An"}, {}, "", ""}});
  EXPECT_EQ(j["tasks"][2]["timeframe"]["recurrence"], "ongoing");
}

// Each task as the page's: id, content, unit in charge, coordinating
// bodies, start and end.
void ExpectSameTasks(const ImportedProgramme& got, const ImportedProgramme& want) {
  ASSERT_EQ(got.tasks.size(), want.tasks.size());
  for (size_t i = 0; i < want.tasks.size(); ++i) {
    const TaskRow& a = want.tasks[i].row;
    const TaskRow& b = got.tasks[i].row;
    EXPECT_EQ(b.key, a.key);
    EXPECT_EQ(b.content, a.content) << a.key;
    EXPECT_EQ(b.lead_names, a.lead_names) << a.key;
    EXPECT_EQ(b.coordinating_names, a.coordinating_names) << a.key;
    EXPECT_EQ(b.timeframe.start, a.timeframe.start) << a.key;
    EXPECT_EQ(b.timeframe.end, a.timeframe.end) << a.key;
  }
}

// A web page's table printed by the browser with its cells centred
// vertically (the default of <td>): a tall cell's lines lie above and below
// its row's id, and the header's wrapped lines around "STT". Each row's
// lines are kept to their row, the first row's top line is not the
// header's; a unit cell merged over two rows (rowspan), centred between
// them, belongs to both; a heading over two columns (colspan) marks out
// neither. The tasks read as from the page itself: with its borders drawn
// (read by the grid they mark out: cell boxes apart, or lines shared, with
// padding or none, centred or top-aligned), and without any border (read
// by where the words fall).
TEST(Formats, APrintedPageWithCellsCentredVertically) {
  const std::vector<std::string> pages = {
      "<html><head><meta charset=\"utf-8\"><style>td,th{padding:3px 6px}</style></head><body>\n"
      "<p><b>ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ</b></p>\n"
      "<p><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b></p>\n"
      "<p><b>Độc lập - Tự do - Hạnh phúc</b></p>\n"
      "<p>Số: 215/KH-UBND | <i>Quảng Trị, ngày 12 tháng 11 năm 2025</i></p>\n"
      "<p><b>KẾ HOẠCH</b></p>\n"
      "<p><b>Thực hiện chính sách bảo hiểm xã hội, bảo hiểm y tế trên địa bàn tỉnh giai đoạn 2026 - 2030</b></p>\n"
      "<p><b>I. MỤC ĐÍCH, YÊU CẦU</b></p>\n"
      "<p>1. Tổ chức thực hiện có hiệu quả chính sách BHXH, BHYT.</p>\n"
      "<p><b>II. CHỈ TIÊU</b></p>\n"
      "<p>- Đến năm 2030, tỷ lệ dân số tham gia BHYT đạt trên 95%.</p>\n"
      "<p><b>III. NHIỆM VỤ VÀ GIẢI PHÁP</b></p>\n"
      "<p>(Chi tiết tại Phụ lục kèm theo)</p>\n"
      "<p><b>IV. TỔ CHỨC THỰC HIỆN</b></p>\n"
      "<p>1. Bảo hiểm xã hội tỉnh chủ trì, theo dõi, đôn đốc thực hiện Kế hoạch; tổng hợp báo cáo UBND tỉnh trước ngày 15 tháng 12 hằng năm.</p>\n"
      "<table border=\"1\">\n"
      "<tr><td><b>Nơi nhận:</b> - Như trên; - Lưu: VT.</td><td><b>TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH</b> <b>Hoàng Nam</b></td></tr>\n"
      "</table>\n"
      "<p><b>PHỤ LỤC</b></p>\n"
      "<p><b>DANH MỤC NHIỆM VỤ THỰC HIỆN KẾ HOẠCH</b></p>\n"
      "<p><i>(Kèm theo Kế hoạch số 215/KH-UBND ngày 12/11/2025 của UBND tỉnh Quảng Trị)</i></p>\n"
      "<table border=\"1\">\n"
      "<tr><td><b>STT</b></td><td><b>Nhiệm vụ</b></td><td><b>Cơ quan chủ trì</b></td><td><b>Cơ quan phối hợp</b></td><td><b>Sản phẩm</b></td><td><b>Thời gian hoàn thành</b></td></tr>\n"
      "<tr><td><b>I</b></td><td><b>Công tác tuyên truyền</b></td><td></td><td></td><td></td><td></td></tr>\n"
      "<tr><td>1</td><td>Tuyên truyền chính sách BHXH tự nguyện đến người lao động khu vực phi chính thức</td><td>Bảo hiểm xã hội tỉnh</td><td>Sở Văn hóa, Thể thao và Du lịch; UBND các xã, phường</td><td>Các hội nghị, tin bài</td><td>Hằng năm</td></tr>\n"
      "<tr><td>2</td><td>Đối thoại chính sách với doanh nghiệp về BHXH, BHYT, BH thất nghiệp</td><td>Sở Nội vụ</td><td>Bảo hiểm xã hội tỉnh; Liên đoàn Lao động tỉnh</td><td>Các buổi đối thoại</td><td>Quý III/2026</td></tr>\n"
      "<tr><td><b>II</b></td><td><b>Phát triển người tham gia</b></td><td></td><td></td><td></td><td></td></tr>\n"
      "<tr><td>1</td><td>Rà soát, lập danh sách người lao động chưa tham gia BHXH bắt buộc</td><td>Bảo hiểm xã hội tỉnh</td><td>Thuế tỉnh</td><td>Danh sách đơn vị, người lao động</td><td>Năm 2026</td></tr>\n"
      "<tr><td>2</td><td>Hỗ trợ đóng BHYT cho người thuộc hộ cận nghèo</td><td>Sở Y tế</td><td>Sở Tài chính; Bảo hiểm xã hội tỉnh</td><td>Quyết định hỗ trợ</td><td>2026 - 2030</td></tr>\n"
      "<tr><td>3</td><td>Thanh tra, kiểm tra việc chấp hành pháp luật về BHXH tại doanh nghiệp nợ đóng kéo dài</td><td>Thanh tra tỉnh</td><td>Bảo hiểm xã hội tỉnh; Sở Nội vụ</td><td>Kết luận thanh tra</td><td>Tháng 6/2026</td></tr>\n"
      "</table>\n"
      "</body></html>\n",
      "<html><head><meta charset=\"utf-8\"><style>td,th{padding:3px 6px}</style></head><body>\n"
      "<p>BỘ Y TẾ</p>\n"
      "<p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>\n"
      "<p>Độc lập - Tự do - Hạnh phúc</p>\n"
      "<p>Số: 88/KH-BYT</p>\n"
      "<p>Hà Nội, ngày 20 tháng 01 năm 2026</p>\n"
      "<p>KẾ HOẠCH</p>\n"
      "<p>Triển khai thực hiện Luật Bảo hiểm y tế sửa đổi năm 2026</p>\n"
      "<p>Căn cứ Luật Bảo hiểm y tế số 51/2024/QH15;</p>\n"
      "<p>I. MỤC ĐÍCH, YÊU CẦU</p>\n"
      "<p>Bảo đảm triển khai đồng bộ, kịp thời các quy định mới.</p>\n"
      "<p>II. NỘI DUNG</p>\n"
      "<p>Chi tiết tại Phụ lục kèm theo.</p>\n"
      "<p>III. TỔ CHỨC THỰC HIỆN</p>\n"
      "<p>Vụ Bảo hiểm y tế là đầu mối theo dõi, tổng hợp, báo cáo Bộ trưởng kết quả thực hiện trước ngày 30 tháng 11 năm 2026.</p>\n"
      "<p>Nơi nhận:</p>\n"
      "<p>- Bộ trưởng (để b/c);</p>\n"
      "<p>- Lưu: VT, BH.</p>\n"
      "<p>KT. BỘ TRƯỞNG</p>\n"
      "<p>THỨ TRƯỞNG</p>\n"
      "<p>Trần Văn Thuấn</p>\n"
      "<p>PHỤ LỤC</p>\n"
      "<p>NHIỆM VỤ TRIỂN KHAI</p>\n"
      "<p>(Kèm theo Kế hoạch số 88/KH-BYT ngày 20/01/2026 của Bộ Y tế)</p>\n"
      "<table border=\"1\">\n"
      "<tr><td>TT</td><td>Nội dung công việc</td><td>Đơn vị chủ trì thực hiện</td><td>Đơn vị phối hợp thực hiện</td><td>Thời hạn hoàn thành</td><td>Ghi chú</td></tr>\n"
      "<tr><td>1</td><td><b>Xây dựng văn bản hướng dẫn</b></td><td></td><td></td><td></td><td></td></tr>\n"
      "<tr><td>1.1</td><td>Thông tư hướng dẫn thanh toán chi phí khám bệnh, chữa bệnh bảo hiểm y tế</td><td>Vụ Bảo hiểm y tế</td><td>Vụ Pháp chế;<br>Bảo hiểm xã hội Việt Nam</td><td>Tháng 3/2026</td><td></td></tr>\n"
      "<tr><td>1.2</td><td>Thông tư ban hành danh mục thuốc thuộc phạm vi được hưởng</td><td>Cục Quản lý Dược</td><td>Vụ Bảo hiểm y tế, Bảo hiểm xã hội Việt Nam</td><td>Trước ngày 30/6/2026</td><td>Trình Bộ trưởng</td></tr>\n"
      "<tr><td>2</td><td><b>Tập huấn, phổ biến</b></td><td></td><td></td><td></td><td></td></tr>\n"
      "<tr><td>2.1</td><td>Tập huấn cho các cơ sở khám bệnh, chữa bệnh về quy định mới</td><td>Vụ Bảo hiểm y tế</td><td>Sở Y tế các tỉnh, thành phố</td><td>Quý II và Quý III/2026</td><td></td></tr>\n"
      "<tr><td>2.2</td><td>Cập nhật phần mềm giám định theo danh mục mới</td><td>Bảo hiểm xã hội Việt Nam</td><td>Cục Công nghệ thông tin</td><td>Từ tháng 7/2026 đến tháng 12/2026</td><td></td></tr>\n"
      "</table>\n"
      "</body></html>\n",
      "<html><head><meta charset=\"utf-8\"><style>td,th{padding:3px 6px}</style></head><body>\n"
      "<p><b>UBND TỈNH NGHỆ AN</b></p>\n"
      "<p>Số: 412/KH-UBND</p>\n"
      "<p><i>Nghệ An, ngày 15 tháng 8 năm 2025</i></p>\n"
      "<p><b>KẾ HOẠCH</b></p>\n"
      "<p><b>Thực hiện Nghị quyết số 28-NQ/TW về cải cách chính sách bảo hiểm xã hội năm 2026</b></p>\n"
      "<p><b>I. MỤC ĐÍCH, YÊU CẦU</b></p>\n"
      "<p>Triển khai đồng bộ các giải pháp.</p>\n"
      "<p><b>II. NHIỆM VỤ, GIẢI PHÁP</b></p>\n"
      "<p>Chi tiết tại Phụ lục.</p>\n"
      "<p><b>III. TỔ CHỨC THỰC HIỆN</b></p>\n"
      "<p>Các sở, ngành, địa phương báo cáo kết quả về Sở Nội vụ trước ngày 10/12/2026 để tổng hợp.</p>\n"
      "<p><b>KT. CHỦ TỊCH</b></p>\n"
      "<p><b>PHÓ CHỦ TỊCH</b></p>\n"
      "<p><b>Bùi Đình Long</b></p>\n"
      "<p><b>PHỤ LỤC</b></p>\n"
      "<table border=\"1\">\n"
      "<tr><td>TT</td><td>Nhiệm vụ, giải pháp</td><td>Cơ quan, đơn vị thực hiện</td><td>Thời gian</td></tr>\n"
      "<tr><td>1</td><td>Rà soát, đối chiếu dữ liệu doanh nghiệp đang hoạt động với dữ liệu đơn vị tham gia bảo hiểm xã hội</td><td>Chủ trì: Bảo hiểm xã hội tỉnh; phối hợp: Thuế tỉnh, Sở Tài chính</td><td>Quý I/2026</td></tr>\n"
      "<tr><td>2</td><td>Kiểm tra liên ngành về chấp hành pháp luật bảo hiểm xã hội</td><td>Chủ trì: Sở Nội vụ; phối hợp: Bảo hiểm xã hội tỉnh, Liên đoàn Lao động tỉnh</td><td>Từ tháng 4 đến tháng 10/2026</td></tr>\n"
      "<tr><td>3</td><td>Tuyên truyền trên báo, đài địa phương</td><td>Báo và Phát thanh, Truyền hình Nghệ An</td><td>Thường xuyên</td></tr>\n"
      "</table>\n"
      "</body></html>\n",
      // A city's plan: "Thời gian thực hiện" over "Bắt đầu" and "Hoàn thành"
      // (a two-row header: the spanning heading marks out no column).
      Plan301Page("<style>td,th{padding:3px 6px}</style>"),
      // A Prime Minister's decision: "Bộ Tài chính" in charge of two tasks in one
      // cell (rowspan), group rows over every column (colspan), page chrome.
      "<html><head><meta charset=\"utf-8\"><style>td,th{padding:3px 6px}</style><title>Quyết định 1234/QĐ-TTg</title></head><body>\n"
      "<div class=\"header\">Thư viện văn bản | Đăng nhập | Tìm kiếm</div>\n"
      "<table><tr><td><b>THỦ TƯỚNG CHÍNH PHỦ</b><br>-------</td><td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</b></td></tr>\n"
      "<tr><td>Số: 1234/QĐ-TTg</td><td><i>Hà Nội, ngày 05 tháng 9 năm 2025</i></td></tr></table>\n"
      "<p align=\"center\"><b>QUYẾT ĐỊNH</b></p>\n"
      "<p align=\"center\"><b>Phê duyệt Đề án chuyển đổi số trong lĩnh vực bảo hiểm xã hội đến năm 2030</b></p>\n"
      "<p align=\"center\"><b>THỦ TƯỚNG CHÍNH PHỦ</b></p>\n"
      "<p><i>Theo đề nghị của Bộ trưởng Bộ Tài chính.</i></p>\n"
      "<p align=\"center\"><b>QUYẾT ĐỊNH:</b></p>\n"
      "<p><b>Điều 1.</b> Phê duyệt Đề án chuyển đổi số trong lĩnh vực bảo hiểm xã hội đến năm 2030 (sau đây gọi là Đề án) với các nội dung chủ yếu sau:</p>\n"
      "<p><b>I. MỤC TIÊU</b></p>\n"
      "<p>1. Đến năm 2030, 100% hồ sơ thủ tục hành chính về bảo hiểm xã hội được giải quyết trực tuyến.</p>\n"
      "<p><b>II. NHIỆM VỤ, GIẢI PHÁP</b></p>\n"
      "<p>Các nhiệm vụ cụ thể tại Phụ lục kèm theo Quyết định này.</p>\n"
      "<p><b>Điều 2.</b> Tổ chức thực hiện</p>\n"
      "<p>1. Bộ Tài chính chủ trì, hướng dẫn, kiểm tra việc thực hiện Đề án; định kỳ hằng năm báo cáo Thủ tướng Chính phủ trước ngày 31 tháng 12.</p>\n"
      "<p><b>Điều 3.</b> Quyết định này có hiệu lực thi hành kể từ ngày ký.</p>\n"
      "<table><tr><td><b><i>Nơi nhận:</i></b><br>- Ban Bí thư Trung ương Đảng;<br>- Lưu: VT, KGVX.</td><td><b>KT. THỦ TƯỚNG<br>PHÓ THỦ TƯỚNG<br><br><br>Lê Thành Long</b></td></tr></table>\n"
      "<p align=\"center\"><b>PHỤ LỤC</b></p>\n"
      "<p align=\"center\"><b>DANH MỤC NHIỆM VỤ CỦA ĐỀ ÁN</b><br><i>(Kèm theo Quyết định số 1234/QĐ-TTg ngày 05 tháng 9 năm 2025 của Thủ tướng Chính phủ)</i></p>\n"
      "<table border=\"1\">\n"
      "<tr><th>TT</th><th>Nhiệm vụ</th><th>Cơ quan chủ trì</th><th>Cơ quan phối hợp</th><th>Kết quả/sản phẩm</th><th>Thời gian thực hiện</th></tr>\n"
      "<tr><td><b>I</b></td><td colspan=\"5\"><b>Hoàn thiện thể chế</b></td></tr>\n"
      "<tr><td>1</td><td>Xây dựng Nghị định quy định về giao dịch điện tử trong lĩnh vực bảo hiểm xã hội</td><td rowspan=\"2\">Bộ Tài chính</td><td>Bộ Công an; Bộ Tư pháp</td><td>Nghị định của Chính phủ</td><td>2026</td></tr>\n"
      "<tr><td>2</td><td>Sửa đổi quy trình nghiệp vụ thu, cấp sổ, thẻ theo hướng số hóa</td><td>Bảo hiểm xã hội Việt Nam</td><td>Quyết định ban hành quy trình</td><td>Quý II/2026</td></tr>\n"
      "<tr><td><b>II</b></td><td colspan=\"5\"><b>Hạ tầng và dữ liệu</b></td></tr>\n"
      "<tr><td>1</td><td>Kết nối, chia sẻ dữ liệu giữa Cơ sở dữ liệu quốc gia về bảo hiểm với Cơ sở dữ liệu quốc gia về dân cư</td><td>Bảo hiểm xã hội Việt Nam</td><td>Bộ Công an</td><td>Dữ liệu được kết nối, đồng bộ</td><td>2025 - 2026</td></tr>\n"
      "<tr><td>2</td><td>Triển khai ký số, thanh toán trực tuyến các khoản đóng bảo hiểm xã hội</td><td>Bảo hiểm xã hội Việt Nam</td><td>Ngân hàng Nhà nước Việt Nam; các ngân hàng thương mại</td><td>Hệ thống thanh toán trực tuyến</td><td>Năm 2027</td></tr>\n"
      "</table>\n"
      "<div class=\"footer\">Văn bản liên quan | Tải về | © Thư viện</div>\n"
      "</body></html>\n"};
  struct Print {
    const char* name;
    const char* style;  // replaces the pages' cell padding
    bool borders;
  };
  const Print prints[] = {
      {"cell boxes, padded", "td,th{padding:3px 6px}", true},
      {"cell boxes, no padding", "td,th{padding:0}", true},
      {"shared lines, no padding, top-aligned", "td,th{padding:0;vertical-align:top}table{border-collapse:collapse}", true},
      {"no borders, padded", "td,th{padding:3px 6px}", false},
  };
  for (size_t p = 0; p < std::size(prints) * pages.size(); ++p) {
    const Print& print = prints[p / pages.size()];
    // Without borders the third page's header (not bold) has nothing to set
    // it apart from its first row but its padding's gap: read, but with
    // its first task's top line in the header, as a reader of the text
    // alone would. Left out here.
    if (!print.borders && p % pages.size() == 2) continue;
    std::string page = pages[p % pages.size()];
    page.replace(page.find("td,th{padding:3px 6px}"), 22, print.style);
    if (!print.borders)
      for (size_t at; (at = page.find("<table border=\"1\">")) != std::string::npos;) page.replace(at, 18, "<table>");
    ImportedProgramme want = ImportFile(page, "html");
    SCOPED_TRACE(want.decision.number + " (" + print.name + ")");
    auto bytes = testing::PrintToPdf(page, false);
    ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
    ASSERT_FALSE(want.tasks.empty());
    // Without padding, task I.1 of 1234/QĐ-TTg breaks over a page and the
    // browser prints its merged "Bộ Tài chính" whole above the break: the
    // cell's borders, open at the page's end, carry it to I.2.
    ExpectSameTasks(ImportFile(*bytes, "pdf"), want);
  }
}

// A scheme's task table over three pages as a browser prints it: its
// two-row header repeated on each page (thead), rows broken over a page,
// unit cells merged over two and three rows — some printed whole above a
// page's end, some broken over it. Printed with cell boxes and with shared
// lines, both with no padding. Every task reads as from the page.
TEST(Formats, ALongTablePrintedOverPages) {
  const std::vector<std::string> words = {"rà", "soát", "hoàn", "thiện", "quy", "trình", "nghiệp", "vụ", "thu",
                                          "chi", "trả", "kết", "nối", "chia", "sẻ", "dữ", "liệu", "giữa", "các",
                                          "cơ", "quan", "bảo", "đảm", "an", "toàn", "thông", "tin", "triển", "khai"};
  const char* units[] = {"Bảo hiểm xã hội Việt Nam", "Bộ Tài chính", "Bộ Công an", "Bộ Y tế",
                         "Ủy ban nhân dân các tỉnh, thành phố"};
  std::string rows;
  int n = 0;
  for (const char* group : {"I|Hoàn thiện thể chế", "II|Hạ tầng và dữ liệu", "III|Dịch vụ công trực tuyến"}) {
    std::string g(group);
    rows += "<tr><td><b>" + g.substr(0, g.find('|')) + "</b></td><td colspan=\"5\"><b>" + g.substr(g.find('|') + 1) +
            "</b></td></tr>\n";
    for (int i = 1; i <= 9;) {
      const int span = std::min(i % 4 == 1 ? 3 : i % 4 == 2 ? 2 : 1, 10 - i);
      for (int k = 0; k < span; ++k, ++i, ++n) {
        std::string content = "Nhiệm vụ";
        for (int w = 0; w < 6 + (n * 37) % 64; ++w) content += " " + words[static_cast<size_t>((n * 7 + w * 3) % 29)];
        const int year = 2026 + n % 4;
        rows += "<tr><td>" + std::to_string(i) + "</td><td>" + content + "</td>" +
                (k == 0 ? "<td rowspan=\"" + std::to_string(span) + "\">" + units[n % 5] + "</td>" : "") + "<td>" +
                units[(n + 2) % 5] + "</td><td>01/" + std::to_string(year) + "</td><td>12/" +
                std::to_string(year + 1) + "</td></tr>\n";
      }
    }
  }
  const std::string page =
      "<html><head><meta charset=\"utf-8\"><style>STYLE</style></head><body>\n"
      "<p><b>THỦ TƯỚNG CHÍNH PHỦ</b></p>\n"
      "<p><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b></p>\n"
      "<p><b>Độc lập - Tự do - Hạnh phúc</b></p>\n"
      "<p>Số: 1235/QĐ-TTg</p>\n"
      "<p><i>Hà Nội, ngày 08 tháng 9 năm 2025</i></p>\n"
      "<p align=\"center\"><b>QUYẾT ĐỊNH</b></p>\n"
      "<p align=\"center\"><b>Phê duyệt Đề án nâng cao chất lượng dịch vụ bảo hiểm xã hội</b></p>\n"
      "<p align=\"center\"><b>THỦ TƯỚNG CHÍNH PHỦ</b></p>\n"
      "<p align=\"center\"><b>QUYẾT ĐỊNH:</b></p>\n"
      "<p><b>Điều 1.</b> Phê duyệt Đề án với các nhiệm vụ tại Phụ lục kèm theo Quyết định này.</p>\n"
      "<p><b>Điều 2.</b> Quyết định này có hiệu lực thi hành kể từ ngày ký.</p>\n"
      "<p align=\"center\"><b>PHỤ LỤC</b></p>\n"
      "<p align=\"center\"><b>DANH MỤC NHIỆM VỤ CỦA ĐỀ ÁN</b></p>\n"
      "<table border=\"1\">\n"
      "<thead><tr><th rowspan=\"2\">TT</th><th rowspan=\"2\">Nhiệm vụ</th><th rowspan=\"2\">Cơ quan chủ trì</th>"
      "<th rowspan=\"2\">Cơ quan phối hợp</th><th colspan=\"2\">Thời gian thực hiện</th></tr>\n"
      "<tr><th>Bắt đầu</th><th>Hoàn thành</th></tr></thead>\n"
      "<tbody>\n" + rows + "</tbody></table>\n"
      "</body></html>\n";
  for (const char* style : {"td,th{padding:0}", "td,th{padding:0}table{border-collapse:collapse}"}) {
    std::string html = page;
    html.replace(html.find("STYLE"), 5, style);
    ImportedProgramme want = ImportFile(html, "html");
    SCOPED_TRACE(style);
    ASSERT_EQ(want.tasks.size(), 27u);
    auto bytes = testing::PrintToPdf(html, false);
    ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
    EXPECT_GE(PdfPageRules(*bytes).size(), 3u);
    ExpectSameTasks(ImportFile(*bytes, "pdf"), want);
  }
}

// A ministry's plan as a Markdown conversion of its page: the columns
// "Đơn vị chủ trì thực hiện" and "Đơn vị phối hợp thực hiện" (both "thực
// hiện": the second coordinates), a cell broken with <br>, the ministry's
// own departments ("Vụ Pháp chế" of the Ministry of Health, not VSS's) and
// a collective in lower case after a semicolon. Values read by hand.
TEST(Formats, AMinistrysPlanWithCoordinatingColumnsNamedThucHien) {
  const std::string md =
      "BỘ Y TẾ\n"
      "-------\n"
      "\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\n"
      "\n"
      "Số: 88/KH-BYT\n"
      "\n"
      "Hà Nội, ngày 20 tháng 01 năm 2026\n"
      "\n"
      "KẾ HOẠCH\n"
      "\n"
      "Triển khai thực hiện Luật Bảo hiểm y tế sửa đổi năm 2026\n"
      "\n"
      "Căn cứ Luật Bảo hiểm y tế số 51/2024/QH15;\n"
      "\n"
      "I. MỤC ĐÍCH, YÊU CẦU\n"
      "\n"
      "Bảo đảm triển khai đồng bộ, kịp thời các quy định mới.\n"
      "\n"
      "II. NỘI DUNG\n"
      "\n"
      "Chi tiết tại Phụ lục kèm theo.\n"
      "\n"
      "III. TỔ CHỨC THỰC HIỆN\n"
      "\n"
      "Vụ Bảo hiểm y tế là đầu mối theo dõi, tổng hợp, báo cáo Bộ trưởng kết quả thực hiện trước ngày 30 tháng 11 năm 2026.\n"
      "\n"
      "Nơi nhận:\n"
      "- Bộ trưởng (để b/c);\n"
      "- Lưu: VT, BH.\n"
      "\n"
      "KT. BỘ TRƯỞNG\n"
      "THỨ TRƯỞNG\n"
      "\n"
      "Trần Văn Thuấn\n"
      "\n"
      "PHỤ LỤC\n"
      "\n"
      "NHIỆM VỤ TRIỂN KHAI\n"
      "(Kèm theo Kế hoạch số 88/KH-BYT ngày 20/01/2026 của Bộ Y tế)\n"
      "\n"
      "| TT | Nội dung công việc | Đơn vị chủ trì thực hiện | Đơn vị phối hợp thực hiện | Thời hạn hoàn thành | Ghi chú |\n"
      "|---|---|---|---|---|---|\n"
      "| 1 | **Xây dựng văn bản hướng dẫn** | | | | |\n"
      "| 1.1 | Thông tư hướng dẫn thanh toán chi phí khám bệnh, chữa bệnh bảo hiểm y tế | Vụ Bảo hiểm y tế | Vụ Pháp chế;<br>Bảo hiểm xã hội Việt Nam | Tháng 3/2026 | |\n"
      "| 1.2 | Thông tư ban hành danh mục thuốc thuộc phạm vi được hưởng | Cục Quản lý Dược | Vụ Bảo hiểm y tế, Bảo hiểm xã hội Việt Nam | Trước ngày 30/6/2026 | Trình Bộ trưởng |\n"
      "| 2 | **Tập huấn, phổ biến** | | | | |\n"
      "| 2.1 | Tập huấn cho các cơ sở khám bệnh, chữa bệnh về quy định mới | Vụ Bảo hiểm y tế | Sở Y tế các tỉnh, thành phố | Quý II và Quý III/2026 | |\n"
      "| 2.2 | Cập nhật phần mềm giám định theo danh mục mới | Bảo hiểm xã hội Việt Nam | Cục Công nghệ thông tin; các cơ sở khám bệnh, chữa bệnh | Từ tháng 7/2026 đến tháng 12/2026 | |\n";
  ImportedProgramme q = ImportFile(md, "markdown");
  EXPECT_EQ(q.decision.number, "88/KH-BYT");
  EXPECT_EQ(q.decision.date, Date::FromYmd(2026, 1, 20));
  EXPECT_EQ(q.decision.signer, "Trần Văn Thuấn");
  ASSERT_EQ(q.tasks.size(), 4u);
  Json j = ToJson(q);
  ExpectTasks(j["tasks"],
              {{"1.1", "Thông tư hướng dẫn thanh toán chi phí khám bệnh, chữa bệnh bảo hiểm y tế", {"Vụ Bảo hiểm y tế"},
                {"Bảo hiểm xã hội Việt Nam", "Vụ Pháp chế"}, "2026-03-01", "2026-03-31"},
               {"1.2", "Thông tư ban hành danh mục thuốc thuộc phạm vi được hưởng", {"Cục Quản lý Dược"},
                {"Bảo hiểm xã hội Việt Nam", "Vụ Bảo hiểm y tế"}, "2026-06-30", "2026-06-30"},
               {"2.1", "Tập huấn cho các cơ sở khám bệnh, chữa bệnh về quy định mới", {"Vụ Bảo hiểm y tế"},
                {"Sở Y tế các tỉnh, thành phố"}, "2026-04-01", "2026-09-30"},
               {"2.2", "Cập nhật phần mềm giám định theo danh mục mới", {"Bảo hiểm xã hội Việt Nam"},
                {"Cục Công nghệ thông tin", "các cơ sở khám bệnh, chữa bệnh"}, "2026-07-01", "2026-12-31"}});
  EXPECT_EQ(j["tasks"][0]["lead_units"], Json::array()) << "the ministry's own department, not VSS's";
  EXPECT_EQ(j["tasks"][1]["notes"], "Trình Bộ trưởng");
  ASSERT_EQ(q.reports.size(), 1u);
  EXPECT_EQ(q.reports[0].date, Date::FromYmd(2026, 11, 30));
}

}  // namespace
}  // namespace bhxh

namespace bhxh {
namespace {

// Word allows a list to start at 0 (or below): a letter list so started
// draws the number, never a letter past the alphabet's ends.
TEST(Formats, AWordListStartingAtZero) {
  std::string document =
      "<w:document xmlns:w=\"w\"><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>"
      "</w:pPr><w:r><w:t>Nhiệm vụ</w:t></w:r></w:p></w:body></w:document>";
  std::string numbering =
      "<w:numbering xmlns:w=\"w\"><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"0\"/>"
      "<w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%1)\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\">"
      "<w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";
  auto docx = testing::WriteZip({{"word/document.xml", document}, {"word/numbering.xml", numbering}});
  ASSERT_TRUE(docx.ok());
  auto text = DocxToText(*docx);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(*text, "0) Nhiệm vụ\n");
}

}  // namespace
}  // namespace bhxh
