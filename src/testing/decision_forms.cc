#include "testing/decision_forms.h"

#include <zip.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/csv.h"
#include "base/html.h"
#include "base/parse.h"
#include "base/text.h"
#include "programmes/document.h"
#include "programmes/table.h"
#include "programmes/timeframe.h"

namespace bhxh::testing {
namespace {

std::string XmlEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '"')
      out += "&quot;";
    else
      out.push_back(c);
  }
  return out;
}

// Cut at a code point near the middle, as Word splits a paragraph into runs.
std::pair<std::string, std::string> SplitRun(const std::string& s) {
  size_t at = s.size() / 2;
  while (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) ++at;
  return {s.substr(0, at), s.substr(at)};
}

std::string MarkdownCell(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') {  // a cell's paragraphs, as exports keep them
      out += "<br>";
      continue;
    }
    if (c == '|' || c == '_') out += "\\";  // as converters escape them
    out.push_back(c);
  }
  return out;
}

}  // namespace

std::vector<FormBlock> DecisionBlocks(std::string_view raw, const ImportedProgramme& p, const UnitRegistry& units) {
  std::string text = CleanSourceText(raw);
  std::vector<SourceLine> lines = SplitSourceLines(text);
  std::set<std::string> vocab = DocumentVocabulary(lines);
  auto index_of = [&](int number) {
    size_t i = 0;
    while (i < lines.size() && lines[i].number < number) ++i;
    return i;
  };
  std::vector<FormBlock> out;
  size_t i = 0;
  // A line and the indented lines that continue it are one paragraph (the
  // page wrapped it); a document keeps the paragraph whole.
  auto paragraphs = [&](size_t to) {
    while (i < to) {
      size_t j = i + 1;
      while (j < to && lines[j].indented) ++j;
      out.push_back({JoinLines(lines, i, j, vocab), {}});
      i = j;
    }
  };
  for (const auto& a : p.appendices) {
    size_t h = index_of(a.header_line), end = index_of(a.last_line + 1);
    paragraphs(h);
    std::vector<TableCell> cells = ReadTableCells(lines, h, end, vocab, [&](const std::string& t) {
      return units.Find(t) != nullptr;
    });
    FormBlock table;
    for (const auto& c : cells) {
      if (table.rows.empty() || (IsRowId(c.text) && a.kind == "tasks") ||
          (a.kind == "indicators" && IsDigits(c.text) && table.rows.back().size() > 2 &&
           DigitsValue(c.text) == static_cast<int>(table.rows.size())))
        table.rows.emplace_back();
      table.rows.back().push_back(c.text);
    }
    // A row the text reader split wider than the header (a content cell
    // broken at a capital) is one content cell in a document: rejoined as
    // the task reader joins content cells.
    if (a.kind == "tasks" && !table.rows.empty())
      for (auto& row : table.rows)
        while (row.size() > table.rows.front().size() && row.size() > 2 && !StartsLikeUnitName(row[2]) &&
               ParseTimeFrame(row[2]).kind == "unknown") {
          row[1] += " " + row[2];
          row.erase(row.begin() + 2);
        }
    out.push_back(std::move(table));
    i = end;
  }
  paragraphs(lines.size());
  return out;
}

std::string RenderHtml(const std::vector<FormBlock>& blocks, const std::string& title) {
  std::ostringstream o;
  o << "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" << HtmlEscape(title)
    << "</title>\n<style>table{border-collapse:collapse;width:100%}td,th{border:1px solid #000;padding:3px;"
       "vertical-align:top;font-size:11pt}body{font-family:serif}</style>\n"
       "<script>window.dataLayer=[];</script></head>\n<body>\n"
       "<header class=\"site-header\"><a href=\"/\">Trang chủ</a> <a href=\"/van-ban\">Văn bản pháp luật</a>"
       " <form class=\"search\"><input name=\"q\"> Tìm kiếm</form></header>\n"
       "<nav class=\"breadcrumb\"><a href=\"/\">Trang chủ</a> › Bảo hiểm › "
    << HtmlEscape(title) << "</nav>\n<div class=\"doc-title\"><h1>" << HtmlEscape(title)
    << "</h1><p>Cập nhật: 01/12/2026 · Lượt xem: 1.234</p></div>\n<div id=\"noidung\" class=\"content\">\n";
  for (const auto& b : blocks) {
    if (b.rows.empty()) {
      // Capitals in bold; words cut by a span as pages do; a no-break space.
      if (IsUpperLine(b.paragraph)) {
        o << "<p align=\"center\"><b>" << HtmlEscape(b.paragraph) << "</b></p>\n";
      } else {
        auto [x, y] = SplitRun(b.paragraph);
        o << "<p style=\"text-align:justify\"><span lang=\"vi\">" << HtmlEscape(x) << "</span><span>"
          << HtmlEscape(y) << "</span></p>\n";
      }
      continue;
    }
    o << "<table border=\"1\" cellspacing=\"0\">\n";
    for (size_t r = 0; r < b.rows.size(); ++r) {
      o << (r == 0 ? "<thead>" : "") << "<tr>";
      for (const auto& c : b.rows[r]) {
        o << (r == 0 ? "<th>" : "<td>");
        for (const auto& paragraph : Split(c, '\n')) o << "<p>" << HtmlEscape(paragraph) << "</p>";
        o << (r == 0 ? "</th>" : "</td>");
      }
      o << "</tr>" << (r == 0 ? "</thead>\n<tbody>" : "") << "\n";
    }
    o << "</tbody></table>\n";
  }
  o << "</div>\n<div class=\"vb-lienquan\"><h3>Văn bản liên quan</h3><ul><li><a href=\"/vb/1\">Quyết định "
       "38/QĐ-TTg ngày 11/01/2024 của Thủ tướng Chính phủ</a></li><li><a href=\"/vb/2\">Luật Bảo hiểm xã hội "
       "2024</a></li></ul></div>\n<div class=\"download\"><a href=\"/tai/1.docx\">Tải văn bản (.docx)</a></div>\n"
       "<footer>Bản quyền © 2026 Cổng thông tin văn bản. Địa chỉ: 1 Đường A, Hà Nội.</footer>\n</body></html>\n";
  return o.str();
}

std::string RenderMarkdown(const std::vector<FormBlock>& blocks, const std::string& title) {
  std::ostringstream o;
  o << "[Trang chủ](/) · [Văn bản pháp luật](/van-ban) · [Đăng nhập](/login)\n\n# " << title
    << "\n\n*Cập nhật: 01/12/2026*\n\n---\n\n";
  for (const auto& b : blocks) {
    if (b.rows.empty()) {
      std::string t = b.paragraph;
      // A number at the start of a line would be a Markdown list: converters escape it.
      size_t d = 0;
      while (d < t.size() && std::isdigit(static_cast<unsigned char>(t[d]))) ++d;
      if (d > 0 && d < t.size() && t[d] == '.') t.insert(d, "\\");
      if (t.rfind("- ", 0) == 0 || t.rfind("+ ", 0) == 0) t.insert(0, "\\");
      o << (IsUpperLine(b.paragraph) ? "**" + t + "**" : t) << "\n\n";
      continue;
    }
    size_t width = 0;
    for (const auto& r : b.rows) width = std::max(width, r.size());
    for (size_t r = 0; r < b.rows.size(); ++r) {
      o << "|";
      for (size_t c = 0; c < width; ++c) o << " " << (c < b.rows[r].size() ? MarkdownCell(b.rows[r][c]) : "") << " |";
      o << "\n";
      if (r == 0) {
        o << "|";
        for (size_t c = 0; c < width; ++c) o << " --- |";
        o << "\n";
      }
    }
    o << "\n";
  }
  o << "## Văn bản liên quan\n\n- [Quyết định 38/QĐ-TTg ngày 11/01/2024](/vb/1)\n- [Luật Bảo hiểm xã hội "
       "2024](/vb/2)\n\nTải văn bản\n\nBản quyền © 2026 Cổng thông tin văn bản\n";
  return o.str();
}

Result<std::string> RenderDocx(const std::vector<FormBlock>& blocks) {
  auto run = [](const std::string& t, bool bold) {
    return std::string("<w:r>") + (bold ? "<w:rPr><w:b/></w:rPr>" : "") + "<w:t xml:space=\"preserve\">" +
           XmlEscape(t) + "</w:t></w:r>";
  };
  std::ostringstream d;
  d << "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
       "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
       "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>";
  for (const auto& b : blocks) {
    if (b.rows.empty()) {
      bool bold = IsUpperLine(b.paragraph);
      auto [x, y] = SplitRun(b.paragraph);
      d << "<w:p><w:pPr><w:jc w:val=\"" << (bold ? "center" : "both") << "\"/></w:pPr>" << run(x, bold)
        << "<w:proofErr w:type=\"spellStart\"/>" << run(y, bold) << "</w:p>";
      continue;
    }
    size_t width = 0;
    for (const auto& r : b.rows) width = std::max(width, r.size());
    d << "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/></w:tblPr><w:tblGrid>";
    for (size_t c = 0; c < width; ++c) d << "<w:gridCol w:w=\"1800\"/>";
    d << "</w:tblGrid>";
    for (size_t r = 0; r < b.rows.size(); ++r) {
      d << "<w:tr>" << (r == 0 ? "<w:trPr><w:tblHeader/></w:trPr>" : "");
      const bool merged = b.span_lone_cells && b.rows[r].size() == 1 && width > 1;
      for (size_t c = 0; c < (merged ? 1 : width); ++c) {
        d << "<w:tc><w:tcPr><w:tcW w:w=\"1800\" w:type=\"dxa\"/>";
        if (merged) d << "<w:gridSpan w:val=\"" << width << "\"/>";
        d << "</w:tcPr><w:p>";
        if (c < b.rows[r].size()) {
          std::vector<std::string> paragraphs = Split(b.rows[r][c], '\n');
          for (size_t k = 0; k < paragraphs.size(); ++k) d << (k ? "</w:p><w:p>" : "") << run(paragraphs[k], r == 0);
        }
        d << "</w:p></w:tc>";
      }
      d << "</w:tr>";
    }
    d << "</w:tbl><w:p/>";
  }
  d << "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>";
  return WriteZip(
      {{"[Content_Types].xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types "
        "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" "
        "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" "
        "ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"},
       {"_rels/.rels",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
        "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
        "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
        "Target=\"word/document.xml\"/></Relationships>"},
       {"word/document.xml", d.str()}});
}

Result<std::string> PrintToPdf(const std::string& html, bool headers_and_footers) {
  const std::string chromium = "/usr/bin/chromium";
  if (access(chromium.c_str(), X_OK) != 0)
    return Status::Internal("Debian's chromium (/usr/bin/chromium) is needed to print the PDF form");
  char dir[] = "/tmp/bhxh-pdf-XXXXXX";
  if (!mkdtemp(dir)) return Status::Internal("mkdtemp");
  const std::string page = std::string(dir) + "/d.html", pdf = std::string(dir) + "/d.pdf";
  std::ofstream(page) << html;
  const std::string cmd = chromium + " --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir=" + dir +
                          "/profile" + (headers_and_footers ? "" : " --no-pdf-header-footer") +
                          " --print-to-pdf=" + pdf + " file://" + page + " >/dev/null 2>&1";
  const bool printed = std::system(cmd.c_str()) == 0;
  auto bytes = printed ? ReadFile(pdf) : Result<std::string>(Status::Internal("chromium failed"));
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);
  if (!printed) return Status::Internal("chromium failed: " + cmd);
  if (!bytes.ok()) return Status::Internal("chromium wrote no PDF: " + cmd);
  return *bytes;
}

Result<std::string> WriteZip(const std::vector<std::pair<std::string, std::string>>& entries) {
  char path[] = "/tmp/bhxh-zip-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return Status::Internal("mkstemp");
  close(fd);
  int err = 0;
  zip_t* z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (!z) return Status::Internal("zip_open");
  for (const auto& [name, content] : entries) {
    zip_source_t* s = zip_source_buffer(z, content.data(), content.size(), 0);
    if (!s || zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8) < 0) {
      zip_source_free(s);
      zip_discard(z);
      return Status::Internal("zip_file_add");
    }
  }
  if (zip_close(z) != 0) return Status::Internal("zip_close");
  std::ifstream in(path, std::ios::binary);
  std::string out((std::istreambuf_iterator<char>(in)), {});
  std::remove(path);
  return out;
}

}  // namespace bhxh::testing
