#include "programmes/formats.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>
#include <utf8proc.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <pugixml.hpp>
#include <vector>

#include "base/parse.h"
#include "base/re.h"
#include "base/text.h"
#include "base/zip.h"
#include "programmes/document.h"
#include "programmes/pdf_rules.h"
#include "programmes/table.h"

namespace bhxh {
namespace {

Status FileError(const std::string& vi, const std::string& en) { return Status::Invalid("file", vi, en); }

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// A table cell as lines: its first paragraph carries the grid place, the
// rest follow indented (a continuation of the same cell).
void EmitCell(std::string& out, int column, int span, const std::vector<std::string>& paragraphs) {
  bool first = true;
  for (const auto& raw : paragraphs) {
    std::string p = Trim(CollapseSpaces(raw));
    if (p.empty()) continue;
    out += first ? StructuredCellLine(column, span, p) : StructuredParagraphLine(p);
    out.push_back('\n');
    first = false;
  }
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
      return false;
  return true;
}

std::string_view SkipBlank(std::string_view b) {
  if (b.substr(0, 3) == "\xEF\xBB\xBF") b.remove_prefix(3);
  while (!b.empty() && (b[0] == ' ' || b[0] == '\n' || b[0] == '\r' || b[0] == '\t')) b.remove_prefix(1);
  return b;
}

// ---------------------------------------------------------------- UTF-16

Result<std::string> Utf16ToUtf8(std::string_view b, bool little) {
  std::string out;
  auto unit = [&](size_t i) -> uint32_t {
    unsigned char a = static_cast<unsigned char>(b[i]), c = static_cast<unsigned char>(b[i + 1]);
    return little ? (a | (c << 8)) : ((a << 8) | c);
  };
  for (size_t i = 2; i + 1 < b.size(); i += 2) {
    uint32_t cp = unit(i);
    if (cp >= 0xD800 && cp < 0xDC00) {
      if (i + 3 >= b.size()) return FileError("Tệp UTF-16 bị cắt cụt", "truncated UTF-16 text");
      uint32_t lo = unit(i + 2);
      if (lo < 0xDC00 || lo >= 0xE000) return FileError("Tệp UTF-16 hỏng", "invalid UTF-16 surrogate pair");
      cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
      i += 2;
    } else if (cp >= 0xDC00 && cp < 0xE000) {
      return FileError("Tệp UTF-16 hỏng", "invalid UTF-16 surrogate");
    }
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
  return out;
}

// ---------------------------------------------------------------- DOCX

struct NumberingLevel {
  std::string format = "decimal", text = "%1.";
  int start = 1;
};

// word/numbering.xml: automatic numbers ("1.", "a)", "I.") are not in the
// paragraphs' text; Word draws them from the list definitions and counts.
class DocxNumbering {
 public:
  void Load(const std::string& xml) {
    pugi::xml_document d;
    if (!d.load_string(xml.c_str())) return;
    pugi::xml_node root = d.child("w:numbering");
    for (pugi::xml_node a : root.children("w:abstractNum")) {
      int id = a.attribute("w:abstractNumId").as_int(-1);
      for (pugi::xml_node l : a.children("w:lvl")) {
        NumberingLevel lv;
        lv.format = l.child("w:numFmt").attribute("w:val").as_string("decimal");
        lv.text = l.child("w:lvlText").attribute("w:val").as_string("");
        lv.start = l.child("w:start").attribute("w:val").as_int(1);
        abstract_[id][l.attribute("w:ilvl").as_int(0)] = lv;
      }
    }
    for (pugi::xml_node n : root.children("w:num"))
      num_[n.attribute("w:numId").as_int(-1)] = n.child("w:abstractNumId").attribute("w:val").as_int(-1);
  }

  // The number drawn before a paragraph of list `num_id` at level `ilvl`.
  std::string Next(int num_id, int ilvl) {
    auto n = num_.find(num_id);
    if (n == num_.end()) return "";
    auto a = abstract_.find(n->second);
    if (a == abstract_.end()) return "";
    auto& counts = counters_[num_id];
    if (counts.size() < 10) counts.assign(10, 0);
    if (ilvl < 0 || ilvl > 8) return "";
    auto lv = [&](int k) { return a->second.count(k) ? a->second.at(k) : NumberingLevel{}; };
    counts[ilvl] = counts[ilvl] == 0 ? lv(ilvl).start : counts[ilvl] + 1;
    for (int k = ilvl + 1; k < 10; ++k) counts[k] = 0;
    const NumberingLevel& me = lv(ilvl);
    if (me.format == "bullet") return "- ";
    if (me.format == "none") return "";
    std::string out;
    for (size_t i = 0; i < me.text.size(); ++i) {
      if (me.text[i] == '%' && i + 1 < me.text.size() && me.text[i + 1] >= '1' && me.text[i + 1] <= '9') {
        int k = me.text[i + 1] - '1';
        out += Format(lv(k).format, counts[k] == 0 ? lv(k).start : counts[k]);
        ++i;
      } else {
        out.push_back(me.text[i]);
      }
    }
    return out.empty() ? out : out + " ";
  }

 private:
  static std::string Roman(int n) {
    static const std::pair<int, const char*> parts[] = {{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"},
                                                        {90, "XC"},  {50, "L"},   {40, "XL"}, {10, "X"},   {9, "IX"},
                                                        {5, "V"},    {4, "IV"},   {1, "I"}};
    std::string out;
    for (const auto& [v, s] : parts)
      while (n >= v) out += s, n -= v;
    return out;
  }
  static std::string Format(const std::string& f, int n) {
    if (f == "upperRoman") return Roman(n);
    if (f == "lowerRoman") return CaseFold(Roman(n));
    if (n < 1) return std::to_string(n);  // "w:start 0": no letter or numeral for it
    if (f == "lowerLetter" || f == "upperLetter") {
      // Vietnamese documents letter their points a, b, c, d, đ, e, ...
      static const char* vi[] = {"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n",
                                 "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"};
      std::string s = vi[(n - 1) % 23];
      return f == "upperLetter" ? (s == "đ" ? "Đ" : std::string(1, static_cast<char>(s[0] - 32))) : s;
    }
    return std::to_string(n);
  }
  std::map<int, std::map<int, NumberingLevel>> abstract_;
  std::map<int, int> num_;
  std::map<int, std::vector<int>> counters_;
};

class DocxReader {
 public:
  explicit DocxReader(DocxNumbering* numbering) : numbering_(numbering) {}

  void Body(pugi::xml_node body, std::string& out) {
    for (pugi::xml_node n : body.children()) {
      std::string name = n.name();
      if (name == "w:p") {
        for (const auto& line : Paragraph(n)) {
          out += line;
          out.push_back('\n');
        }
      } else if (name == "w:tbl") {
        Table(n, out);
      } else if (name == "w:sdt") {
        Body(n.child("w:sdtContent"), out);
      }
    }
  }

 private:
  // A paragraph's lines: its text, a line break (w:br) starting a new line.
  std::vector<std::string> Paragraph(pugi::xml_node p) {
    std::string text;
    pugi::xml_node num = p.child("w:pPr").child("w:numPr");
    if (num) text = numbering_->Next(num.child("w:numId").attribute("w:val").as_int(0),
                                     num.child("w:ilvl").attribute("w:val").as_int(0));
    Runs(p, text);
    std::vector<std::string> lines;
    for (std::string& l : Split(text, '\n')) {
      // Leading tabs and spaces only indent; a tab inside a line separates
      // ("Số: 249/QĐ-BHXH<tab>Hà Nội, ngày ...") and is kept for the importer.
      size_t b = l.find_first_not_of(" \t");
      if (b != std::string::npos) lines.push_back(l.substr(b));
    }
    return lines;
  }

  void Runs(pugi::xml_node n, std::string& text, int depth = 0) {
    if (depth > 64) return;  // no real run nests this deep; a crafted file must not exhaust the stack
    for (pugi::xml_node c : n.children()) {
      std::string name = c.name();
      if (name == "w:t") {
        text += c.text().as_string();
      } else if (name == "w:tab" || name == "w:ptab") {
        text.push_back('\t');
      } else if (name == "w:br" || name == "w:cr") {
        if (std::string(c.attribute("w:type").as_string()) != "page") text.push_back('\n');
      } else if (name == "w:noBreakHyphen") {
        text.push_back('-');
      } else if (name == "w:del" || name == "w:pPr" || name == "w:rPr" || name == "mc:Fallback" ||
                 name == "w:footnoteReference" || name == "w:endnoteReference" || name == "w:commentReference") {
        continue;  // deleted text, properties, a drawing's duplicate, note marks
      } else {
        Runs(c, text, depth + 1);  // runs, hyperlinks, insertions, fields, content controls, text boxes
      }
    }
  }

  std::vector<std::string> CellParagraphs(pugi::xml_node tc) {
    std::vector<std::string> out;
    for (pugi::xml_node n : tc.children()) {
      std::string name = n.name();
      if (name == "w:p") {
        for (auto& l : Paragraph(n)) {
          std::replace(l.begin(), l.end(), '\t', ' ');
          out.push_back(std::move(l));
        }
      } else if (name == "w:tbl") {  // a table inside a cell: its text, cell by cell
        for (pugi::xml_node tr : n.children("w:tr"))
          for (pugi::xml_node inner : tr.children("w:tc"))
            for (auto& l : CellParagraphs(inner)) out.push_back(std::move(l));
      } else if (name == "w:sdt") {
        for (auto& l : CellParagraphs(n.child("w:sdtContent"))) out.push_back(std::move(l));
      }
    }
    return out;
  }

  void Table(pugi::xml_node tbl, std::string& out) {
    std::map<int, std::vector<std::string>> merged;  // column → the text of a vertical merge still open
    auto rows = [&](pugi::xml_node parent, auto&& self) -> void {
      for (pugi::xml_node tr : parent.children()) {
        std::string name = tr.name();
        if (name == "w:sdt") {
          self(tr.child("w:sdtContent"), self);
          continue;
        }
        if (name != "w:tr") continue;
        int col = tr.child("w:trPr").child("w:gridBefore").attribute("w:val").as_int(0);
        for (pugi::xml_node tc : tr.children("w:tc")) {
          pugi::xml_node pr = tc.child("w:tcPr");
          int span = std::max(1, pr.child("w:gridSpan").attribute("w:val").as_int(1));
          pugi::xml_node vm = pr.child("w:vMerge");
          std::string vmv = vm.attribute("w:val").as_string("");
          if (vm && vmv != "restart") {
            // The cell continues the one above: it belongs to this row too
            // (a unit in charge merged over several tasks), except an id.
            if (col > 0 && merged.count(col)) EmitCell(out, col, span, merged[col]);
          } else {
            std::vector<std::string> paragraphs = CellParagraphs(tc);
            if (vm) merged[col] = paragraphs;
            else merged.erase(col);
            EmitCell(out, col, span, paragraphs);
          }
          col += span;
        }
      }
    };
    rows(tbl, rows);
  }

  DocxNumbering* numbering_;
};

// ---------------------------------------------------------------- HTML

bool ChromeName(std::string v) {
  for (auto& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* w : {"menu", "nav", "breadcrumb", "footer", "sidebar", "related", "lienquan", "lien-quan",
                        "share", "social", "comment", "banner", "advert", "quangcao", "login", "search", "popup",
                        "modal", "cookie", "toolbar", "download"})
    if (v.find(w) != std::string::npos) return true;
  return false;
}

class HtmlReader {
 public:
  std::string Read(xmlNode* root) {
    Walk(root, out_, line_);
    Flush(out_, line_);
    return out_;
  }

 private:
  static std::string Name(xmlNode* n) {
    std::string s = n->name ? reinterpret_cast<const char*>(n->name) : "";
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }
  static std::string Attr(xmlNode* n, const char* a) {
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(a));
    std::string s = v ? reinterpret_cast<const char*>(v) : "";
    if (v) xmlFree(v);
    return s;
  }
  static bool Skip(xmlNode* n) {
    static const char* skip[] = {"script", "style",  "noscript", "template", "head",   "nav", "header",
                                 "footer", "aside",  "form",     "button",   "select", "iframe", "svg",
                                 "object", "embed",  "input",    "textarea", "menu",   "dialog"};
    std::string name = Name(n);
    for (const char* s : skip)
      if (name == s) return true;
    std::string style = Attr(n, "style");
    std::erase(style, ' ');
    if (style.find("display:none") != std::string::npos) return true;
    return ChromeName(Attr(n, "class")) || ChromeName(Attr(n, "id")) || Attr(n, "hidden") == "hidden";
  }
  static bool Block(const std::string& n) {
    static const char* blocks[] = {"p",  "div", "li",   "h1",   "h2",      "h3",      "h4",     "h5",
                                   "h6", "ul",  "ol",   "dl",   "dd",      "dt",      "section", "article",
                                   "main", "blockquote", "pre", "center", "address", "figure", "figcaption",
                                   "caption", "tr", "hr", "body", "html"};
    for (const char* b : blocks)
      if (n == b) return true;
    return false;
  }
  static void Flush(std::string& out, std::string& line) {
    std::string t = Trim(CollapseSpaces(line));
    if (!t.empty()) out += t + "\n";
    line.clear();
  }

  void Walk(xmlNode* n, std::string& out, std::string& line) {
    for (xmlNode* c = n; c; c = c->next) {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
        if (c->content) line += reinterpret_cast<const char*>(c->content);
        continue;
      }
      if (c->type != XML_ELEMENT_NODE || Skip(c)) continue;
      std::string name = Name(c);
      if (name == "br") {
        Flush(out, line);
        continue;
      }
      if (name == "table") {
        Flush(out, line);
        Table(c, out);
        continue;
      }
      bool block = Block(name);
      if (block) Flush(out, line);
      Walk(c->children, out, line);
      if (block) Flush(out, line);
    }
  }

  // A cell's paragraphs: its blocks and line breaks; a table inside it read flat.
  std::vector<std::string> CellParagraphs(xmlNode* td) {
    std::string text, line;
    Walk(td->children, text, line);
    Flush(text, line);
    std::vector<std::string> out;
    for (const auto& l : Split(text, '\n')) {
      std::string t(WithoutCellMark(l));  // a nested table's cells, read flat
      if (!Trim(t).empty()) out.push_back(std::move(t));
    }
    return out;
  }

  void Rows(xmlNode* parent, std::vector<xmlNode*>& rows) {
    for (xmlNode* c = parent->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      std::string name = Name(c);
      if (name == "tr")
        rows.push_back(c);
      else if (name == "thead" || name == "tbody" || name == "tfoot")
        Rows(c, rows);
    }
  }

  void Table(xmlNode* table, std::string& out) {
    std::vector<xmlNode*> rows;
    Rows(table, rows);
    struct Open {
      int rows_left = 0, span = 1;
      std::vector<std::string> text;
    };
    std::map<int, Open> open;  // column → a rowspan cell from above
    for (xmlNode* tr : rows) {
      int col = 0;
      auto fill_from_above = [&] {
        while (open.count(col) && open[col].rows_left > 0) {
          Open& o = open[col];
          if (col > 0) EmitCell(out, col, o.span, o.text);
          --o.rows_left;
          col += o.span;
        }
      };
      for (xmlNode* td = tr->children; td; td = td->next) {
        if (td->type != XML_ELEMENT_NODE) continue;
        std::string name = Name(td);
        if (name != "td" && name != "th") continue;
        fill_from_above();
        int span = std::clamp(DigitsValue(Attr(td, "colspan")), 1, 50);
        int down = std::clamp(DigitsValue(Attr(td, "rowspan")), 1, 1000);
        std::vector<std::string> paragraphs = CellParagraphs(td);
        EmitCell(out, col, span, paragraphs);
        if (down > 1) open[col] = {down - 1, span, paragraphs};
        col += span;
      }
      fill_from_above();
      // Columns whose rowspan cells lie beyond this row's last cell.
      for (auto& [c, o] : open)
        if (c >= col && o.rows_left > 0) {
          if (c > 0) EmitCell(out, c, o.span, o.text);
          --o.rows_left;
        }
    }
  }

  std::string out_, line_;
};

// ---------------------------------------------------------------- Markdown

// Emphasis, links, images, escapes and inline HTML out; the words stay.
std::string MarkdownInline(std::string s) {
  static const Regex image(R"(!\[[^\]]*\]\([^)]*\))");
  static const Regex link(R"(\[([^\]]*)\]\([^)]*\))");
  static const Regex ref_link(R"(\[([^\]]+)\]\[[^\]]*\])");
  static const Regex autolink(R"(<(https?|mailto):[^>]*>)");
  static const Regex tag(R"(</?[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?/?>)");
  s = image.ReplaceAll(s, "");
  s = link.ReplaceAll(s, "\\1");
  s = ref_link.ReplaceAll(s, "\\1");
  s = autolink.ReplaceAll(s, "");
  s = tag.ReplaceAll(s, "");
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\\' && i + 1 < s.size() && std::ispunct(static_cast<unsigned char>(s[i + 1]))) {
      out.push_back(s[++i]);  // "1\." "\-" "\*"
      continue;
    }
    if ((c == '*' || c == '_') && i + 1 < s.size() && s[i + 1] == c) {  // **, __, and *** (bold italics)
      while (i + 1 < s.size() && s[i + 1] == c) ++i;
      continue;
    }
    if (c == '*' || c == '_') {
      // A single marker opening or closing emphasis (next to a word on one
      // side, space or the edge on the other) goes; "(*)" and "a * b" stay.
      bool before = i > 0 && !std::isspace(static_cast<unsigned char>(s[i - 1])) && s[i - 1] != '(';
      bool after = i + 1 < s.size() && !std::isspace(static_cast<unsigned char>(s[i + 1])) && s[i + 1] != ')';
      if (before != after) continue;
    }
    out.push_back(c);
  }
  return out;
}

std::vector<std::string> MarkdownTableRow(const std::string& line) {
  std::string t = Trim(line);
  if (!t.empty() && t.front() == '|') t.erase(0, 1);
  if (!t.empty() && t.back() == '|' && (t.size() < 2 || t[t.size() - 2] != '\\')) t.pop_back();
  std::vector<std::string> cells(1);
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '\\' && i + 1 < t.size() && t[i + 1] == '|') {
      cells.back().push_back('|');
      ++i;
    } else if (t[i] == '|') {
      cells.emplace_back();
    } else {
      cells.back().push_back(t[i]);
    }
  }
  return cells;
}

// A pipe-table cell holds one line, so converters join a cell's paragraphs
// with spaces. The paragraphs of a decision's header and signature cells
// are told apart again where they show: one bold run ending and another
// beginning ("**KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG** **Trần Hồng Hà**"), a rule of
// dashes under the issuer ("**THỦ TƯỚNG CHÍNH PHỦ** --------"), and the
// items of the recipients' list ("Nơi nhận: - Như Điều 3; - Lưu: VT.").
std::vector<std::string> MarkdownCellParagraphs(const std::string& cell) {
  static const Regex br(R"(<br\s*/?>)");
  static const Regex bold_runs(R"((\*\*|__)\s+(\*\*|__))");
  static const Regex rule(R"(\s(-{3,})(\s|$))");
  static const Regex items(R"(([;:](\*{1,3}|_{1,3})?)\s+-\s)");
  std::string s = br.ReplaceAll(cell, "\n");
  s = bold_runs.ReplaceAll(s, "\\1\n\\2");
  s = rule.ReplaceAll(s, "\n\\1\n");
  s = items.ReplaceAll(s, "\\1\n- ");
  std::vector<std::string> paragraphs;
  for (auto& p : Split(s, '\n')) paragraphs.push_back(MarkdownInline(p));
  return paragraphs;
}

bool MarkdownDelimiterRow(const std::string& line) {
  static const Regex delim(R"(\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*)");
  return delim.FullMatch(line);
}

// Capitals only (Vietnamese ones included): the issuer's block, even
// broken into pieces ("BẢO" / "HI" / "Ể" / "M XÃ HỘI VIỆT NAM").
bool CapitalsOnly(const std::string& s) {
  bool upper = false;
  utf8proc_int32_t cp;
  for (size_t i = 0; i < s.size();) {
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                          static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) return false;
    i += static_cast<size_t>(n);
    utf8proc_category_t cat = utf8proc_category(cp);
    if (cat == UTF8PROC_CATEGORY_LL) return false;
    upper |= cat == UTF8PROC_CATEGORY_LU;
  }
  return upper;
}

bool ChromeLine(const std::string& text) {
  if (text.size() > 80) return false;
  std::string f = FoldOrSelf(text);
  while (!f.empty() && (f.back() == ':' || f.back() == ' ')) f.pop_back();
  // Phrases only a website's own blocks start with.
  for (const char* w : {"tai van ban", "van ban lien quan", "van ban goc", "luoc do", "bai viet lien quan",
                        "tin lien quan", "ban quyen", "copyright", "theo doi hieu luc", "van ban cung linh vuc",
                        "tra cuu van ban"})
    if (f.rfind(w, 0) == 0) return true;
  // Words a decision may start a sentence with ("Chia sẻ dữ liệu với ..."):
  // chrome only as a line of their own (a button).
  for (const char* w : {"tai ve", "download", "in van ban", "chia se", "dang nhap"})
    if (f == w) return true;
  return text.rfind("©", 0) == 0;
}


// ---------------------------------------------------------------- PDF

struct Word {
  double x0, x1, y0, y1;
  std::string text;
  bool space_after;
  bool bold;  // set in a bold face (a table's header usually is)
  // Between each two characters: where one ends and the next begins (x),
  // and the byte of `text` where the next begins. Text set without a gap
  // across a drawn border ("TTNhiệm" over two cells touching) is one word
  // to poppler; the border parts it here.
  std::vector<std::pair<float, uint32_t>> cuts;
};

// The word's characters' boundaries (Word::cuts), from poppler's box of
// each character (one per code point of the text).
std::vector<std::pair<float, uint32_t>> CharCuts(const poppler::text_box& b, const std::string& t) {
  std::vector<std::pair<float, uint32_t>> cuts;
  size_t i = 0, k = 0;
  while (i < t.size()) {
    size_t next = i + 1;
    while (next < t.size() && (static_cast<unsigned char>(t[next]) & 0xC0) == 0x80) ++next;
    if (next < t.size()) {
      poppler::rectf a = b.char_bbox(k), c = b.char_bbox(k + 1);
      if (c.width() <= 0 && c.x() == 0) break;  // fewer boxes than code points
      cuts.push_back({static_cast<float>((a.x() + a.width() + c.x()) / 2), static_cast<uint32_t>(next)});
    }
    i = next, ++k;
  }
  return cuts;
}

// The word parted where a border of grid `g` runs through it (a boundary
// with different cells on its two sides at the word's height); the word
// itself when none does.
std::vector<Word> SplitAtBorders(const Word& w, const PdfGrid& g) {
  std::vector<Word> out{w};
  const double y = (w.y0 + w.y1) / 2;
  for (double x : g.xs) {
    Word& last = out.back();
    if (last.x0 > x - 1 || last.x1 < x + 1 || g.CellAt(x - 1.5, y) == g.CellAt(x + 1.5, y)) continue;
    const auto& cuts = last.cuts;
    auto best = cuts.end();
    for (auto it = cuts.begin(); it != cuts.end(); ++it)
      if (it->second > 0 && it->second < last.text.size() &&
          (best == cuts.end() || std::abs(it->first - x) < std::abs(best->first - x)))
        best = it;
    if (best == cuts.end() || std::abs(best->first - x) > 2) continue;
    Word right = last;
    right.text = last.text.substr(best->second);
    right.x0 = best->first;
    right.cuts.clear();
    for (auto it = best + 1; it != cuts.end(); ++it) right.cuts.push_back({it->first, it->second - best->second});
    last.text.resize(best->second);
    last.x1 = best->first;
    last.cuts.erase(best, last.cuts.end());
    out.push_back(std::move(right));
  }
  return out;
}

bool BoldFont(const std::string& name) {
  std::string f = name;
  for (auto& c : f) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return f.find("bold") != std::string::npos || f.find("black") != std::string::npos ||
         f.find("heavy") != std::string::npos;
}

struct Segment {  // words of a line closer than a column gap
  double x0, x1;
  std::string text;
};

// Word `w` is one of segment `s`'s (segments are runs of a line's words).
bool InSegment(const Word& w, const Segment& s) { return w.x0 >= s.x0 - 0.5 && w.x1 <= s.x1 + 0.5; }

struct PdfLine {
  double y0, y1;
  std::vector<Segment> segments;
  std::vector<Word> words;  // left to right: placed one by one inside a table
};

bool IsTableHeaderWord(const std::string& t) {
  std::string f = FoldOrSelf(t);
  return f == "tt" || f == "stt" || f == "so tt" || f == "tt." || f == "stt.";
}

// "STT Tên nhiệm vụ" set close together in narrow columns: the number
// column's heading is a column of its own when a column's heading follows.
bool HeaderWordBeforeColumn(const Segment& s, const std::vector<Word>& r, size_t i) {
  if (i != 1 || s.text != r[0].text || !IsTableHeaderWord(s.text)) return false;
  std::string next = FoldOrSelf(r[i].text);
  for (const char* w : {"noi", "ten", "nhiem", "cong", "chi", "co", "don", "hoat", "giai", "muc", "van"})
    if (next == w) return true;
  return false;
}

std::vector<PdfLine> PdfPageLines(const poppler::page& page) {
  std::vector<Word> words;
  for (const auto& b : page.text_list(poppler::page::text_list_include_font)) {
    poppler::rectf r = b.bbox();
    poppler::byte_array u = b.text().to_utf8();
    std::string t(u.begin(), u.end());
    if (Trim(t).empty()) continue;
    words.push_back({r.x(), r.x() + r.width(), r.y(), r.y() + r.height(), t, b.has_space_after(),
                     b.has_font_info() && BoldFont(b.get_font_name()), CharCuts(b, t)});
  }
  // Lines: words whose vertical middles are within half a word's height.
  std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
    return (a.y0 + a.y1) / 2 < (b.y0 + b.y1) / 2;
  });
  std::vector<std::vector<Word>> rows;
  for (const auto& w : words) {
    double mid = (w.y0 + w.y1) / 2, h = w.y1 - w.y0;
    if (!rows.empty()) {
      const Word& last = rows.back().front();
      if (std::abs(mid - (last.y0 + last.y1) / 2) < 0.5 * std::max(h, last.y1 - last.y0)) {
        rows.back().push_back(w);
        continue;
      }
    }
    rows.push_back({w});
  }
  std::vector<PdfLine> lines;
  for (auto& r : rows) {
    std::sort(r.begin(), r.end(), [](const Word& a, const Word& b) { return a.x0 < b.x0; });
    PdfLine l{r.front().y0, r.front().y1, {}, r};
    for (size_t i = 0; i < r.size(); ++i) {
      const Word& w = r[i];
      l.y0 = std::min(l.y0, w.y0), l.y1 = std::max(l.y1, w.y1);
      double h = w.y1 - w.y0;
      // A new segment where the text flow ends (poppler puts no space after
      // the last word of a cell's line) or the gap is wider than a word's
      // height (a column gap, not a space).
      if (l.segments.empty() || !r[i - 1].space_after || w.x0 - l.segments.back().x1 > 1.0 * h ||
          HeaderWordBeforeColumn(l.segments.back(), r, i)) {
        l.segments.push_back({w.x0, w.x1, w.text});
      } else {
        Segment& s = l.segments.back();
        s.text += " " + w.text;
        s.x1 = std::max(s.x1, w.x1);
      }
    }
    lines.push_back(std::move(l));
  }
  return lines;
}

// A browser's page header and footer, printed when "Headers and footers"
// is ticked in "Save as PDF": the date and time and the page's title
// above, its address and "2/3" below, in the page's margins.
bool BrowserFurniture(const PdfLine& l, double page_height) {
  if (l.y1 > page_height * 0.05 && l.y0 < page_height * 0.95) return false;
  static const Regex datetime(R"(\d{1,2}/\d{1,2}/\d{2,4},? \d{1,2}:\d{2}(?: ?[AaPp][Mm])?)");
  static const Regex counter(R"(\d{1,3} ?/ ?\d{1,3})");
  for (const auto& s : l.segments)
    if (s.text.find("://") != std::string::npos || datetime.FullMatch(s.text) || counter.FullMatch(s.text)) return true;
  return false;
}

// A page's lines into the importer's text: plain lines outside tables, a
// table's cells by its columns. The columns are first marked out by the
// header's text (cells separated by gaps); a header centred in a wide
// column says little about where the column starts, so each border is
// then moved to where the body's cell lines start (text in a cell is
// left-aligned: its lines begin at the column's left edge). A table is
// buffered until it ends, so the borders use all its rows.
class PdfTables {
 public:
  // `grids`: the page's tables drawn with borders (PdfGrids); their lines
  // are read by the grid, the rest of the page as below.
  void Page(const std::vector<PdfLine>& lines, double page_height, const std::vector<PdfGrid>& grids,
            std::string& out) {
    ++page_;
    std::vector<int> grid_of(lines.size(), -1);
    for (size_t i = 0; i < lines.size(); ++i) grid_of[i] = GridOf(lines[i], grids);
    std::vector<bool> read(grids.size(), false);
    for (size_t i = 0; i < lines.size(); ++i) {
      const PdfLine& l = lines[i];
      if (BrowserFurniture(l, page_height)) continue;
      // A page number alone at the top or bottom of the page.
      if (l.segments.size() == 1 && IsDigits(l.segments[0].text) &&
          (l.y1 < page_height * 0.08 || l.y0 > page_height * 0.9))
        continue;
      if (int g = grid_of[i]; g >= 0) {
        if (!read[static_cast<size_t>(g)]) {
          CloseTable(out);
          std::vector<const PdfLine*> mine;
          for (size_t j = i; j < lines.size(); ++j)
            if (grid_of[j] == g) mine.push_back(&lines[j]);
          Ruled(grids[static_cast<size_t>(g)], mine, out);
          read[static_cast<size_t>(g)] = true;
        }
        continue;
      }
      FlushRuled(out);
      ruled_.open = false;
      bool header = !l.segments.empty() && IsTableHeaderWord(l.segments[0].text) && l.segments.size() >= 2;
      if (header && in_table_ && FirstLineText(l) == header_text_) {
        // The header repeated at the top of a page: drop it, keep the rows.
        size_t b = i >= band_above_ ? i - band_above_ : 0;
        std::erase_if(body_, [&](const Buffered& x) { return x.page == page_ && x.index >= b; });
        i = std::min(lines.size(), i + band_below_) - 1;
        continue;
      }
      if (header) {
        CloseTable(out);
        StartTable(lines, i, out);
        i += band_below_ - 1;
        continue;
      }
      if (in_table_ && EndsTable(l) && !GroupRowAt(lines, i)) CloseTable(out);
      if (in_table_) {
        body_.push_back({page_, i, l});
        continue;
      }
      // Two blocks side by side (the issuer beside the motto, the
      // recipients beside the signature): the left block, then the right,
      // as the text form has them.
      if (auto [run, mid] = SideBySide(lines, i); run > 1) {
        for (bool right : {false, true})
          for (size_t j = i; j < i + run; ++j)
            for (const auto& s : lines[j].segments)
              if ((s.x0 >= mid) == right) out += s.text + "\n";
        i += run - 1;
        continue;
      }
      for (const auto& s : l.segments) out += s.text + "\n";
    }
  }
  void Finish(std::string& out) {
    CloseTable(out);
    FlushRuled(out);
  }

 private:
  // The grid a line lies in (its middle inside the grid's height, its first
  // word inside its width), or -1.
  static int GridOf(const PdfLine& l, const std::vector<PdfGrid>& grids) {
    if (l.words.empty()) return -1;
    const double y = (l.y0 + l.y1) / 2, x = (l.words.front().x0 + l.words.front().x1) / 2;
    for (size_t g = 0; g < grids.size(); ++g)
      if (grids[g].CellAt(x, y) >= 0) return static_cast<int>(g);
    return -1;
  }

  struct RuledCell {
    int col, span;
    std::string text;
  };

  // A word added to a cell's text; a line wrapped after "63/NQ-" or
  // "595/KH-" continues the same word.
  static void Append(std::string& cell, const std::string& word) {
    bool glue = cell.size() >= 2 && (cell.back() == '-' || cell.back() == '/') && cell[cell.size() - 2] != ' ';
    cell += (cell.empty() || glue ? "" : " ") + word;
  }
  // Each word of `text` added so.
  static void AppendAll(std::string& cell, const std::string& text) {
    for (const auto& w : Split(text, ' '))
      if (!w.empty()) Append(cell, w);
  }

  // A table drawn with borders: each cell's words by the grid, written as
  // a page's table gives them (a cell merged over rows is repeated in
  // each, its first column's id once; a cell over columns once, with its
  // span). A row is a band in which a cell with text begins: a band
  // holding only empty ends of cells (a merged cell taller than its
  // neighbours, broken over a page; the table's frame below its last row)
  // belongs to the row above. A table continued on the next page (the
  // same columns, nothing else between) drops its repeated header and
  // continues what the page before left open at its end (columns no rule
  // closed): a first row with no id adds to the row above (a row broken
  // over the page), and otherwise a column left open is a cell merged
  // over rows going on, its text (printed whole above the break, or split
  // by it) in each row it spans here.
  void Ruled(const PdfGrid& g, const std::vector<const PdfLine*>& lines, std::string& out) {
    const int nc = g.columns(), nb = g.bands();
    std::vector<std::string> text(g.cells.size());
    std::string outside;
    for (const PdfLine* l : lines)
      for (const auto& whole : l->words)
        for (const auto& w : SplitAtBorders(whole, g)) {
          int id = g.CellAt((w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2);
          Append(id >= 0 ? text[static_cast<size_t>(id)] : outside, w.text);
        }
    auto cid_at = [&](int b, int c) { return g.owner[static_cast<size_t>(b * nc + c)]; };
    std::map<int, std::string> carry;  // cell → its text in the rows it spans on this page
    std::vector<int> firsts;  // each row's first band
    for (int b = 0; b < nb; ++b) {
      bool starts = b == 0;
      for (int c = 0; c < nc && !starts; ++c)
        starts = g.At(b, c).row == b && g.At(b, c).col == c && !text[static_cast<size_t>(cid_at(b, c))].empty();
      if (starts) firsts.push_back(b);
    }
    // Row r's cells, left to right: those beginning in it (a column's
    // cells one after another) and, past the first column, those merged
    // down into it from above.
    auto row_cells = [&](size_t r) {
      const int b0 = firsts[r], b1 = r + 1 < firsts.size() ? firsts[r + 1] : nb;
      std::map<int, RuledCell> by_col;
      std::map<int, int> first_cell;  // column → the cell giving its text first
      std::vector<bool> seen(g.cells.size(), false);
      for (int b = b0; b < b1; ++b)
        for (int c = 0; c < nc; ++c) {
          const int cid = cid_at(b, c);
          const PdfGridCell& cell = g.cells[static_cast<size_t>(cid)];
          if (cell.col != c || seen[static_cast<size_t>(cid)]) continue;
          seen[static_cast<size_t>(cid)] = true;
          if (cell.row < b0 && c == 0) continue;
          auto [it, fresh] = by_col.try_emplace(c, RuledCell{c, cell.cols, ""});
          if (fresh) first_cell[c] = cid;
          auto carried = carry.find(cid);
          const std::string& t = carried != carry.end() ? carried->second : text[static_cast<size_t>(cid)];
          AppendAll(it->second.text, t);
        }
      std::vector<RuledCell> cells;
      for (auto& [c, cell] : by_col) cells.push_back(std::move(cell));
      return std::make_pair(cells, first_cell);
    };
    auto row_text = [&](size_t r) {
      std::string t;
      for (const auto& c : row_cells(r).first) t += c.text + "|";
      return t;
    };
    const bool continued = ruled_.open && ruled_.page == page_ - 1 && ruled_.columns == nc &&
                           std::abs(ruled_.left - g.xs.front()) < 4 && std::abs(ruled_.right - g.xs.back()) < 4;
    size_t r = 0;
    if (continued) {
      if (!firsts.empty() && row_text(0) == ruled_.first_row) {
        // The header repeated: its first row and the rows its cells span
        // (a two-row header under a heading over two columns).
        int bands = 1;
        for (int c = 0; c < nc; ++c) bands = std::max(bands, g.At(0, c).rows);
        while (r < firsts.size() && firsts[r] < bands) ++r;
      }
      if (r < firsts.size()) {
        auto [cells, first_cell] = row_cells(r);
        const bool left_open = std::find(ruled_.open_below.begin(), ruled_.open_below.end(), true) != ruled_.open_below.end();
        const bool broken_row =
            left_open && (cells.empty() || cells.front().col != 0 || cells.front().text.empty());
        for (const auto& cell : cells) {
          RuledCell* above = nullptr;
          for (auto& p : pending_)
            if (p.col == cell.col) above = &p;
          const int cid = first_cell[cell.col];
          if (broken_row) {
            if (!above) above = &pending_.emplace_back(RuledCell{cell.col, cell.span, ""});
            AppendAll(above->text, cell.text);
            carry[cid] = above->text;
          } else if (above && ruled_.open_below[static_cast<size_t>(cell.col)]) {
            // A merged cell going on from the page before (the rows above
            // it ended on that page, closed, but it did not): the rest of
            // its text, if any, follows what was printed there.
            AppendAll(above->text, cell.text);
            carry[cid] = above->text;
          }
        }
        if (broken_row) ++r;
      }
    } else {
      FlushRuled(out);
      ruled_.first_row = firsts.empty() ? "" : row_text(0);
    }
    for (; r < firsts.size(); ++r) {
      FlushRuled(out);
      pending_ = row_cells(r).first;
    }
    ruled_.open = true;
    ruled_.page = page_;
    ruled_.columns = nc;
    ruled_.left = g.xs.front(), ruled_.right = g.xs.back();
    // A column is left open at the page's end when no rule closes it,
    // unless what is open is only the empty end of the table's frame
    // below cells closed above it.
    ruled_.open_below.assign(static_cast<size_t>(nc), false);
    for (int c = 0; c < nc; ++c) {
      const int cid = cid_at(nb - 1, c);
      const bool empty_end = nb >= 2 && g.cells[static_cast<size_t>(cid)].row == nb - 1 &&
                             text[static_cast<size_t>(cid)].empty() && g.PartedBelow(nb - 2, c);
      ruled_.open_below[static_cast<size_t>(c)] = !g.closed_below[static_cast<size_t>(c)] && !empty_end;
    }
    if (!outside.empty()) {
      FlushRuled(out);
      out += outside + "\n";
      ruled_.open = false;
    }
  }

  void FlushRuled(std::string& out) {
    for (const auto& c : pending_)
      if (!c.text.empty()) out += StructuredCellLine(c.col, c.span, c.text) + "\n";
    pending_.clear();
  }

  struct RuledState {
    bool open = false;  // the last thing read was a ruled table
    int page = 0, columns = 0;
    double left = 0, right = 0;
    std::string first_row;
    std::vector<bool> open_below;  // columns whose cell the page's end left open
  };
  RuledState ruled_;
  std::vector<RuledCell> pending_;  // the last row read, kept open for its continuation
  struct Buffered {
    int page;
    size_t index;
    PdfLine line;
  };

  static std::string FirstLineText(const PdfLine& l) {
    std::string t;
    for (const auto& s : l.segments) t += s.text + "|";
    return t;
  }

  void StartTable(const std::vector<PdfLine>& lines, size_t h, std::string& out) {
    // The band: lines above the "TT" line whose text lies right of it
    // (header text centred vertically), and lines below it until a row id
    // or a group row. A header's wrapped lines follow each other closely;
    // a gap of most of a line's height is the edge of the header row.
    double tt_x1 = lines[h].segments[0].x1;
    // The height of a word, not of the "TT" line: a centred header's line
    // may also hold words of its neighbours set half a line lower.
    double line_h = lines[h].words.front().y1 - lines[h].words.front().y0;
    size_t b = h;
    while (b > 0 && h - b < 4) {
      const PdfLine& up = lines[b - 1];
      if (up.segments.empty() || up.segments[0].x0 < tt_x1 || up.y1 < lines[h].y0 - 3 * line_h ||
          up.y1 < lines[b].y0 - 0.8 * line_h)
        break;
      --b;
    }
    size_t end = h + 1;
    double bottom = lines[h].y1;
    while (end < lines.size() && end < h + 8) {
      // A header centred vertically (a web page's) has as many wrapped
      // lines below the "TT" line as above it, give or take one: more are
      // the first row's, whose cells are centred too.
      if (h > b && end - h - 1 > h - b) break;
      // ... and each of its cells is centred on the "TT" line: a line
      // that would move a cell's middle off it (a table without padding
      // puts the first row's top lines right under the header) is the
      // first row's.
      if (h > b && !CentredWith(lines, b, end, h)) break;
      // A bold header ends at the first line with no bold word.
      if (lines[h].words.front().bold &&
          std::none_of(lines[end].words.begin(), lines[end].words.end(), [](const Word& w) { return w.bold; }))
        break;
      const auto& s = lines[end].segments;
      if (!s.empty() && s[0].x0 < tt_x1 + 2 && (IsRowId(s[0].text) || NumberedTitle(s[0].text))) break;
      if (lines[end].y0 > bottom + 0.45 * line_h) break;
      bottom = std::max(bottom, lines[end].y1);
      ++end;
    }
    // Lines above the "TT" line were already written as text; take them back.
    for (size_t k = h; k-- > b;)
      for (size_t j = lines[k].segments.size(); j-- > 0;) {
        std::string written = lines[k].segments[j].text + "\n";
        if (out.size() >= written.size() && out.compare(out.size() - written.size(), written.size(), written) == 0)
          out.resize(out.size() - written.size());
      }
    header_.assign(lines.begin() + static_cast<long>(b), lines.begin() + static_cast<long>(end));
    header_text_ = FirstLineText(lines[h]);
    line_h_ = line_h;
    band_above_ = h - b;
    band_below_ = end - h;
    left_ = lines[h].segments[0].x0;
    SplitHeaderSegments();
    HeaderCells();
    header_cols_ = HeaderColumns();
    in_table_ = true;
  }

  // The height of the words of segment `s` of line `l`.
  static std::pair<double, double> SegmentHeight(const PdfLine& l, const Segment& s) {
    double y0 = 1e9, y1 = -1e9;
    for (const auto& w : l.words)
      if (InSegment(w, s)) y0 = std::min(y0, w.y0), y1 = std::max(y1, w.y1);
    return {y0, y1};
  }

  // Whether line `e`, added to the header lines b..e-1, leaves every cell
  // it joins (the header's segments above it overlapping in x) centred on
  // line `h`'s "TT" within a third of a line.
  static bool CentredWith(const std::vector<PdfLine>& lines, size_t b, size_t e, size_t h) {
    const Word& tt = lines[h].words.front();
    const double mid = (tt.y0 + tt.y1) / 2, tolerance = 0.35 * (tt.y1 - tt.y0);
    for (const auto& s : lines[e].segments) {
      auto [lo, hi] = SegmentHeight(lines[e], s);
      for (size_t j = b; j < e; ++j)
        for (const auto& t : lines[j].segments)
          if (t.x0 < s.x1 && t.x1 > s.x0) {
            auto [y0, y1] = SegmentHeight(lines[j], t);
            lo = std::min(lo, y0), hi = std::max(hi, y1);
          }
      if (std::abs((lo + hi) / 2 - mid) > tolerance) return false;
    }
    return true;
  }

  bool EndsTable(const PdfLine& l) const {
    if (l.segments.empty()) return false;
    const Segment& s = l.segments[0];
    if (s.x0 < left_ - 8) return true;  // well left of the table (a centred "TT" starts right of its column)
    // A paragraph: from the first column across the next two, in one run.
    if (header_cols_.size() >= 3 && s.x0 < header_cols_[0].second && s.x1 > header_cols_[2].first &&
        !IsRowId(l.words.front().text))
      return true;
    std::string f = FoldOrSelf(s.text);
    return f.rfind("phu luc", 0) == 0 || f.rfind("noi nhan", 0) == 0 || ChromeLine(s.text);
  }

  // The lines from `i` that form two blocks side by side, and the x
  // between them: the first line is two pieces of text apart, the next
  // lines follow closely, none crosses the gap, none opens a table. A run
  // of 0 or 1 when line `i` does not start such blocks.
  static std::pair<size_t, double> SideBySide(const std::vector<PdfLine>& lines, size_t i) {
    const auto& first = lines[i].segments;
    if (first.size() != 2) return {0, 0};
    // The right block's text may be centred (a signature): its lines start
    // at or right of the first one's, so the left block ends before it.
    const double mid = first[1].x0 - 1;
    auto sides = [&](const PdfLine& l) {
      int left = 0, right = 0;
      for (const auto& s : l.segments) {
        if (s.x0 < mid && s.x1 > mid) return -1;
        (s.x1 <= mid ? left : right) = 1;
      }
      return left + 2 * right;
    };
    size_t j = i + 1;
    while (j < lines.size() && j < i + 16 && sides(lines[j]) > 0 && !lines[j].segments.empty() &&
           !IsTableHeaderWord(lines[j].segments[0].text) &&
           lines[j].y0 < lines[j - 1].y1 + (lines[j].y1 - lines[j].y0))
      ++j;
    return {j - i, mid};
  }

  // A numbered title across the table ("II. Rà soát, phát triển người tham
  // gia") followed by a row of the table is a group row, not a paragraph
  // after the table.
  bool GroupRowAt(const std::vector<PdfLine>& lines, size_t i) const {
    if (lines[i].segments.size() != 1 || !NumberedTitle(lines[i].segments[0].text) || header_cols_.empty()) return false;
    for (size_t j = i + 1; j < lines.size() && j < i + 12; ++j) {
      const PdfLine& l = lines[j];
      if (l.segments.empty()) continue;
      if (l.segments[0].x0 < header_cols_[0].second && IsRowId(l.words.front().text)) return true;
      if (EndsTable(l)) return false;
    }
    return false;
  }

  size_t Column(double x) const {
    size_t c = 0;
    while (c < bounds_.size() && x > bounds_[c]) ++c;
    return c;
  }

  // A table printed without padding sets the headings of narrow columns
  // side by side with little more than a space between them ("Cơ quan
  // chủ trì" beside "Cơ quan phối hợp"). A header is not justified: its
  // spaces are all alike, so a gap of twice the usual space parts columns.
  void SplitHeaderSegments() {
    std::vector<double> spaces;
    for (const auto& l : header_)
      for (size_t i = 1; i < l.words.size(); ++i)
        if (l.words[i - 1].space_after) spaces.push_back(l.words[i].x0 - l.words[i - 1].x1);
    if (spaces.size() < 4) return;
    std::nth_element(spaces.begin(), spaces.begin() + static_cast<long>(spaces.size() / 2), spaces.end());
    const double wide = 1.8 * std::max(spaces[spaces.size() / 2], 0.5);
    SplitHeader([&](const Word& before, const Word& w) { return w.x0 - before.x1 > wide; });
  }

  // Each header segment parted before every word `parts(word before, word)`
  // says starts a new one; whether any was.
  template <typename Parts>
  bool SplitHeader(const Parts& parts) {
    bool split = false;
    for (auto& l : header_) {
      std::vector<Segment> out;
      for (const auto& s : l.segments) {
        const Word* before = nullptr;
        for (const auto& w : l.words) {
          if (!InSegment(w, s)) continue;
          if (!before || parts(*before, w)) {
            split |= before != nullptr;
            out.push_back({w.x0, w.x1, w.text});
          } else {
            out.back().text += " " + w.text, out.back().x1 = std::max(out.back().x1, w.x1);
          }
          before = &w;
        }
      }
      l.segments = std::move(out);
    }
    return split;
  }

  // The header's cells: a segment and the lines wrapped under it (close
  // below, overlapping in x). A cell standing over two or more cells of
  // the header set apart side by side ("Thời gian thực hiện" over "Bắt
  // đầu" and "Hoàn thành") spans their columns: it marks out no column.
  void HeaderCells() {
    struct Cell {
      double x0, x1, y0, y1;
    };
    std::vector<Cell> cells;
    std::vector<size_t> cell_of;  // each segment's cell, line by line
    for (size_t li = 0; li < header_.size(); ++li)
      for (const auto& s : header_[li].segments) {
        auto [y0, y1] = SegmentHeight(header_[li], s);
        size_t c = cells.size();
        for (size_t j = 0; j < cells.size(); ++j)
          if (s.x0 < cells[j].x1 && s.x1 > cells[j].x0 && y0 >= cells[j].y1 - 0.5 * line_h_ &&
              y0 - cells[j].y1 < 0.3 * line_h_)
            c = j;
        if (c == cells.size())
          cells.push_back({s.x0, s.x1, y0, y1});
        else
          cells[c] = {std::min(cells[c].x0, s.x0), std::max(cells[c].x1, s.x1), cells[c].y0, std::max(cells[c].y1, y1)};
        cell_of.push_back(c);
      }
    spanning_.assign(header_.size(), {});
    group_spans_.clear();
    std::vector<bool> group(cells.size(), false);
    for (size_t g = 0; g < cells.size(); ++g) {
      std::vector<std::pair<double, double>> under;
      for (size_t j = 0; j < cells.size(); ++j)
        if (j != g && cells[j].y0 > cells[g].y1 && cells[j].x0 < cells[g].x1 && cells[j].x1 > cells[g].x0)
          under.push_back({cells[j].x0, cells[j].x1});
      std::sort(under.begin(), under.end());
      for (size_t u = 1; u < under.size() && !group[g]; ++u) group[g] = under[u].first > under[u - 1].second + 1;
    }
    std::vector<int> index(cells.size(), -1);
    for (size_t g = 0; g < cells.size(); ++g)
      if (group[g]) index[g] = static_cast<int>(group_spans_.size()), group_spans_.push_back({cells[g].x0, cells[g].x1});
    size_t n = 0;
    for (size_t li = 0; li < header_.size(); ++li)
      for (size_t si = 0; si < header_[li].segments.size(); ++si, ++n) spanning_[li].push_back(index[cell_of[n]]);
  }

  // The columns: the header's segments that span no others, overlapping
  // in x, are one column.
  std::vector<std::pair<double, double>> HeaderColumns() const {
    std::vector<std::pair<double, double>> spans;
    for (size_t li = 0; li < header_.size(); ++li)
      for (size_t si = 0; si < header_[li].segments.size(); ++si)
        if (spanning_[li][si] < 0) spans.push_back({header_[li].segments[si].x0, header_[li].segments[si].x1});
    std::sort(spans.begin(), spans.end());
    std::vector<std::pair<double, double>> cols;
    for (const auto& s : spans)
      if (!cols.empty() && s.first <= cols.back().second + 1)
        cols.back().second = std::max(cols.back().second, s.second);
      else
        cols.push_back(s);
    return cols;
  }

  // Where cell lines start in the body, counted to the half point.
  std::map<long, int> BodyStarts() const {
    std::map<long, int> starts;
    for (const auto& x : body_) {
      const auto& w = x.line.words;
      for (size_t k = 0; k < w.size(); ++k) {
        double h = w[k].y1 - w[k].y0;
        if (k == 0 || !w[k - 1].space_after || w[k].x0 - w[k - 1].x1 > h) ++starts[std::lround(w[k].x0 * 2)];
      }
    }
    return starts;
  }

  // Headings left-aligned in cells with no padding may run together with
  // a space between them ("Cơ quan phối hợp Sản phẩm"): a heading's word
  // that starts where the body's cell lines start (twice or more) while
  // the word before it is not a column's first starts a column.
  void SplitHeaderAtBodyStarts() {
    std::map<long, int> starts = BodyStarts();
    auto starts_cell = [&](double x) {
      for (long k = std::lround(x * 2) - 1; k <= std::lround(x * 2) + 1; ++k)
        if (auto it = starts.find(k); it != starts.end() && it->second >= 2) return true;
      return false;
    };
    if (SplitHeader([&](const Word&, const Word& w) { return starts_cell(w.x0); }))
      HeaderCells(), header_cols_ = HeaderColumns();
  }

  void Borders() {
    const std::vector<std::pair<double, double>>& cols = header_cols_;
    std::map<long, int> starts = BodyStarts();
    bounds_.clear();
    for (size_t k = 1; k < cols.size(); ++k) {
      double lo = cols[k - 1].second, hi = cols[k].first;
      double border = (lo + hi) / 2;
      int best = 1;
      for (auto it = starts.lower_bound(std::lround(lo * 2) + 1); it != starts.end() && it->first <= std::lround(hi * 2);
           ++it)
        if (it->second > best) best = it->second, border = it->first / 2.0 - 1;
      bounds_.push_back(border);
    }
    ncols_ = cols.size();
  }

  // Rows printed close together with their cells centred vertically (a
  // browser's table without padding: the id sits in the middle of its row,
  // lines of a tall cell above it): within a column, a cell's lines follow
  // at the line pitch and the next row's start after a wider gap; a row is
  // where the cells of all columns overlap in height. Tried with gaps from
  // wide to narrow; a split is taken only when each of its rows holds
  // exactly one id; otherwise the split with most rows of one id, whose
  // other parts are read line by line (a cell spanning two rows, centred
  // between them, joins them). Gives the first line of each part and its
  // count of ids, or nothing.
  template <typename RowId>
  std::vector<std::pair<size_t, int>> RowsByCells(size_t k, size_t e, const RowId& row_id,
                                                  bool continuation = false) const {
    std::vector<std::pair<size_t, int>> best;
    int best_score = 0;
    const auto spans = ColumnSpans(k, e);
    for (double gap : {0.6, 0.45, 0.3, 0.2}) {
      // A column's spans joined into cells where they follow within `gap` lines.
      std::vector<std::pair<double, double>> cells;
      for (const auto& col : spans)
        for (size_t i = 0; i < col.size(); ++i) {
          if (i > 0 && col[i].first <= cells.back().second + gap * line_h_)
            cells.back().second = std::max(cells.back().second, col[i].second);
          else
            cells.push_back(col[i]);
        }
      // Rows: cells overlapping in height, across the columns.
      std::sort(cells.begin(), cells.end());
      std::vector<double> row_tops;
      double bottom = -1e9;
      for (const auto& c : cells) {
        if (row_tops.empty() || c.first > bottom) row_tops.push_back(c.first);
        bottom = std::max(bottom, c.second);
      }
      std::vector<size_t> firsts;
      std::vector<int> ids(row_tops.size(), 0);
      for (size_t j = k, r = 0; j < e; ++j) {
        while (r + 1 < row_tops.size() && body_[j].line.y0 >= row_tops[r + 1]) ++r;
        if (firsts.size() <= r) firsts.resize(r + 1, j);
        ids[r] += row_id(body_[j].line) >= 0;
      }
      if (firsts.size() != row_tops.size()) continue;
      std::vector<std::pair<size_t, int>> parts;
      int score = 0;
      for (size_t r = 0; r < firsts.size(); ++r) parts.push_back({firsts[r], ids[r]}), score += ids[r] == 1;
      if (score == static_cast<int>(parts.size()) && !continuation) return parts;
      // At a page's top: the lines of a row broken over the page, then rows.
      if (continuation && parts.size() >= 2 && parts[0].second == 0 && score + 1 == static_cast<int>(parts.size()))
        return parts;
      // Lines before the first id (a header's end carried over a page)
      // continue what came before; no other part may lack an id.
      bool placed = true;
      for (size_t r = 1; r < ids.size(); ++r) placed &= ids[r] > 0;
      if (score > best_score && placed) best = std::move(parts), best_score = score;
    }
    return best;
  }

  // Per column, the height each of lines k..e takes in it, top to bottom.
  // (A line here may hold words of neighbouring cells set half a line
  // apart, so each column's span is its own words' heights.)
  std::vector<std::vector<std::pair<double, double>>> ColumnSpans(size_t k, size_t e) const {
    std::vector<std::vector<std::pair<double, double>>> spans(ncols_ + 1);
    for (size_t j = k; j < e; ++j) {
      std::map<size_t, std::pair<double, double>> here;
      for (const auto& w : body_[j].line.words) {
        auto [it, fresh] = here.try_emplace(Column((w.x0 + w.x1) / 2), w.y0, w.y1);
        if (!fresh) it->second = {std::min(it->second.first, w.y0), std::max(it->second.second, w.y1)};
      }
      for (const auto& [c, span] : here) spans[c].push_back(span);
    }
    for (auto& col : spans) std::sort(col.begin(), col.end());
    return spans;
  }

  // Per column, the text of lines k..e when the column holds a single
  // cell over them (its lines follow at the line pitch, no gap) that runs
  // across every gap between the cells of the column holding most;
  // empty otherwise (a row's cell left empty spans nothing).
  std::vector<std::string> SpanningCells(size_t k, size_t e) const {
    const auto spans = ColumnSpans(k, e);
    std::vector<std::string> text(ncols_ + 1);
    for (size_t j = k; j < e; ++j)
      for (const auto& w : body_[j].line.words) {
        std::string& t = text[Column((w.x0 + w.x1) / 2)];
        t += (t.empty() ? "" : " ") + w.text;
      }
    std::vector<std::vector<std::pair<double, double>>> cells(ncols_ + 1);
    size_t most = 1;
    for (size_t c = 1; c < spans.size(); ++c) {
      const auto& col = spans[c];
      for (size_t i = 0; i < col.size(); ++i)
        if (i == 0 || col[i].first > cells[c].back().second + 0.2 * line_h_)
          cells[c].push_back(col[i]);
        else
          cells[c].back().second = std::max(cells[c].back().second, col[i].second);
      if (cells[c].size() > cells[most].size()) most = c;
    }
    std::vector<std::string> out(ncols_ + 1);
    if (most >= cells.size() || cells[most].size() < 2) return out;
    for (size_t c = 1; c < cells.size(); ++c) {
      if (cells[c].size() != 1) continue;
      bool across = true;
      for (size_t i = 1; i < cells[most].size(); ++i) {
        double gap = (cells[most][i - 1].second + cells[most][i].first) / 2;
        across &= cells[c][0].first < gap && cells[c][0].second > gap;
      }
      if (across) out[c] = text[c];
    }
    return out;
  }

  void CloseTable(std::string& out) {
    if (!in_table_) return;
    in_table_ = false;
    SplitHeaderAtBodyStarts();
    Borders();
    // The header row, one cell per column; with spanning cells, two rows
    // as a page's colspan gives them: the spanning cells over their
    // columns, then every column (the first's "TT" once).
    std::vector<std::string> cells(ncols_);
    std::vector<std::string> groups(group_spans_.size());
    for (size_t li = 0; li < header_.size(); ++li)
      for (const auto& w : header_[li].words) {
        int g = -1;
        for (size_t si = 0; si < header_[li].segments.size(); ++si)
          if (InSegment(w, header_[li].segments[si])) g = spanning_[li][si];
        std::string& c = g >= 0 ? groups[static_cast<size_t>(g)] : cells[Column((w.x0 + w.x1) / 2)];
        c += (c.empty() ? "" : " ") + w.text;
      }
    std::vector<int> span_at(ncols_, 0), covered_by(ncols_, -1);
    for (size_t g = 0; g < group_spans_.size(); ++g) {
      size_t first = Column(group_spans_[g].first + 1), last = Column(group_spans_[g].second - 1);
      span_at[first] = static_cast<int>(last - first + 1);
      for (size_t c = first; c <= last; ++c) covered_by[c] = static_cast<int>(g);
    }
    for (size_t c = 0; c < cells.size(); ++c) {
      if (covered_by[c] >= 0) {
        if (span_at[c] > 0) out += StructuredCellLine(static_cast<int>(c), span_at[c], groups[static_cast<size_t>(covered_by[c])]) + "\n";
        continue;
      }
      if (!cells[c].empty()) out += StructuredCellLine(static_cast<int>(c), 1, cells[c]) + "\n";
    }
    if (!group_spans_.empty())
      for (size_t c = 1; c < cells.size(); ++c)
        if (!cells[c].empty()) out += StructuredCellLine(static_cast<int>(c), 1, cells[c]) + "\n";
    // Rows: a new one at an id alone at the head of the first column.
    std::fill(cells.begin(), cells.end(), "");
    bool open = false;
    auto flush = [&] {
      if (open)
        for (size_t c = 0; c < cells.size(); ++c)
          if (!cells[c].empty()) out += StructuredCellLine(static_cast<int>(c), 1, cells[c]) + "\n";
      std::fill(cells.begin(), cells.end(), "");
      open = false;
    };
    // A group row merged across the table ("I. Tuyên truyền, vận động"):
    // one cell over every column, as a page's colspan gives it.
    // Its number is marked ("I", "2.", "a)"), so a row whose id ran into
    // its content ("1 Tuyên truyền ...") is not taken for one.
    auto group_row = [&](const PdfLine& l) {
      const auto& s = l.segments;
      return s.size() == 1 && Column(s[0].x0) == 0 && Column(s[0].x1) >= 1 && NumberedTitle(s[0].text, true);
    };
    // The word that opens a row: an id alone at the head of the first column.
    auto row_id = [&](const PdfLine& l) -> long {
      const auto& w = l.words;
      for (size_t k = 0; k < w.size(); ++k) {
        if (Column((w[k].x0 + w[k].x1) / 2) != 0) continue;
        bool alone = k + 1 == w.size() || Column((w[k + 1].x0 + w[k + 1].x1) / 2) > 0;
        return alone && IsRowId(w[k].text) ? static_cast<long>(k) : -1;
      }
      return -1;
    };
    auto place = [&](const PdfLine& l, long opens_at, const std::vector<std::string>* spanning = nullptr) {
      const auto& w = l.words;
      for (size_t k = 0; k < w.size(); ++k) {
        if (spanning && !(*spanning)[Column((w[k].x0 + w[k].x1) / 2)].empty()) continue;
        if (static_cast<long>(k) == opens_at) {
          flush();
          open = true;
        }
        if (!open) {  // text between the header and the first row
          out += w[k].text + "\n";
          continue;
        }
        Append(cells[Column((w[k].x0 + w[k].x1) / 2)], w[k].text);
      }
    };
    // Rows are blocks of lines between gaps (a row's border and padding);
    // a block with one id is one row wherever its id sits, so a row whose
    // cells are centred vertically keeps the lines above its id. A block
    // with several ids (a table printed without padding) opens a row at
    // each id.
    for (size_t k = 0; k < body_.size();) {
      if (group_row(body_[k].line)) {
        flush();
        out += StructuredCellLine(0, static_cast<int>(ncols_), body_[k].line.segments[0].text) + "\n";
        ++k;
        continue;
      }
      size_t e = k + 1;
      double bottom = body_[k].line.y1;
      while (e < body_.size() && body_[e].page == body_[k].page && body_[e].line.y0 <= bottom + 0.8 * line_h_ &&
             !group_row(body_[e].line))
        bottom = std::max(bottom, body_[e].line.y1), ++e;
      size_t ids = 0;
      for (size_t j = k; j < e; ++j) ids += row_id(body_[j].line) >= 0;
      std::vector<std::pair<size_t, int>> rows;
      if (ids != 1) {
        rows = RowsByCells(k, e, row_id);
      } else if (open && k > 0 && body_[k - 1].page != body_[k].page) {
        // A row broken over a page (no padding: its last lines run straight
        // into the next row's at the top of the new page) continues first.
        rows = RowsByCells(k, e, row_id, true);
        if (rows.size() < 2 || rows[0].second != 0) rows.clear();
      }
      if (ids == 1 && rows.empty()) {
        // the whole block is the row, its id placed in the first column with its line
        flush();
        open = true;
        for (size_t j = k; j < e; ++j) place(body_[j].line, -1);
      } else if (!rows.empty()) {
        for (size_t r = 0; r < rows.size(); ++r) {
          const size_t to = r + 1 < rows.size() ? rows[r + 1].first : e;
          if (rows[r].second == 1) {
            flush();
            open = true;
            for (size_t j = rows[r].first; j < to; ++j) place(body_[j].line, -1);
          } else if (rows[r].second > 1 && row_id(body_[rows[r].first].line) < 0) {
            // Centred cells (lines above the first id): each line goes to
            // the row whose id is nearest in height.
            std::vector<size_t> at;
            for (size_t j = rows[r].first; j < to; ++j)
              if (row_id(body_[j].line) >= 0) at.push_back(j);
            auto mid = [&](size_t j) { return (body_[j].line.y0 + body_[j].line.y1) / 2; };
            // A column holding one unbroken cell across these rows is a
            // cell merged over them (a page's rowspan, centred between its
            // rows): it belongs to each of them.
            std::vector<std::string> spanning = SpanningCells(rows[r].first, to);
            size_t current = at.size();
            for (size_t j = rows[r].first; j < to; ++j) {
              size_t near = 0;
              for (size_t a = 1; a < at.size(); ++a)
                if (std::abs(mid(j) - mid(at[a])) < std::abs(mid(j) - mid(at[near]))) near = a;
              if (near != current) {
                flush(), open = true, current = near;
                for (size_t c = 0; c < cells.size(); ++c)
                  if (!spanning[c].empty()) cells[c] = spanning[c];
              }
              place(body_[j].line, -1, &spanning);
            }
          } else {
            for (size_t j = rows[r].first; j < to; ++j) place(body_[j].line, row_id(body_[j].line));
          }
        }
      } else {
        for (size_t j = k; j < e; ++j) place(body_[j].line, row_id(body_[j].line));
      }
      k = e;
    }
    flush();
    body_.clear();
    header_.clear();
  }

  int page_ = 0;
  bool in_table_ = false;
  std::vector<PdfLine> header_;
  std::vector<Buffered> body_;
  std::string header_text_;
  size_t band_above_ = 0, band_below_ = 1, ncols_ = 0;
  double left_ = 0, line_h_ = 10;
  std::vector<double> bounds_;
  std::vector<std::pair<double, double>> header_cols_;
  std::vector<std::vector<int>> spanning_;                // header segment -> its spanning cell, or -1
  std::vector<std::pair<double, double>> group_spans_;  // spanning cells' x extents
};

// ---------------------------------------------------------------- trimming

}  // namespace

std::string DetectDecisionFormat(std::string_view bytes) {
  if (bytes.substr(0, 5) == "%PDF-") return "pdf";
  if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)) {
    auto z = ZipPackage::Open(bytes, "DOCX");
    return z.ok() && z->Has("word/document.xml") ? "docx" : "zip";
  }
  if (bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) return "doc";
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") return "text";  // UTF-16
  std::string_view b = SkipBlank(bytes);
  if (b.substr(0, 5) == "{\\rtf") return "rtf";
  if (bytes.find('\0') != std::string_view::npos) return "binary";
  std::string_view head = b.substr(0, 4096);
  if (StartsWithNoCase(head, "<!doctype html") || StartsWithNoCase(head, "<html") ||
      StartsWithNoCase(head, "<?xml") || StartsWithNoCase(head, "<head") || StartsWithNoCase(head, "<body"))
    return "html";
  // Markdown: a pipe table's delimiter row (its cells may keep "<br>"
  // between paragraphs, so this is asked before counting tags), or several
  // of its marks.
  const std::vector<std::string> lines = Split(b.substr(0, 200000), '\n');
  for (const std::string& line : lines)
    if (MarkdownDelimiterRow(line) && line.find('|') != std::string::npos) return "markdown";
  {
    std::string lower(head);
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    int tags = 0;
    for (const char* t : {"<p>", "<p ", "<div", "<table", "<td", "<br", "<span"})
      for (size_t at = lower.find(t); at != std::string::npos; at = lower.find(t, at + 1)) ++tags;
    if (tags >= 3) return "html";
  }
  int marks = 0;
  for (const std::string& line : lines) {
    std::string t = Trim(line);
    if (t.rfind("# ", 0) == 0 || t.rfind("## ", 0) == 0 || t.rfind("### ", 0) == 0) ++marks;
    if (t.find("**") != std::string::npos) ++marks;
    if (t.find("](") != std::string::npos && t.find('[') != std::string::npos) ++marks;
  }
  return marks >= 3 ? "markdown" : "text";
}

Result<std::string> DocxToText(std::string_view bytes) {
  BHXH_ASSIGN_OR_RETURN(ZipPackage z, ZipPackage::Open(bytes, "DOCX"));
  if (!z.Has("word/document.xml"))
    return FileError("Gói zip không phải văn bản Word (.docx): thiếu word/document.xml",
                     "the zip package is not a Word document: word/document.xml is missing");
  BHXH_ASSIGN_OR_RETURN(std::string xml, z.Read("word/document.xml"));
  DocxNumbering numbering;
  if (z.Has("word/numbering.xml")) {
    BHXH_ASSIGN_OR_RETURN(std::string n, z.Read("word/numbering.xml"));
    numbering.Load(n);
  }
  pugi::xml_document d;
  pugi::xml_parse_result ok = d.load_buffer(xml.data(), xml.size());
  if (!ok)
    return FileError("Tệp Word hỏng: word/document.xml không đọc được (" + std::string(ok.description()) + ")",
                     "corrupt Word document: word/document.xml does not parse (" + std::string(ok.description()) + ")");
  pugi::xml_node body = d.child("w:document").child("w:body");
  if (!body) return FileError("Tệp Word không có thân văn bản", "the Word document has no body");
  std::string out;
  DocxReader(&numbering).Body(body, out);
  return out;
}

Result<std::string> HtmlToText(std::string_view bytes) {
  // The page's own charset when it is not UTF-8 (libxml2 reads the meta tag).
  const char* encoding = IsValidUtf8(bytes) ? "UTF-8" : nullptr;
  htmlDocPtr doc = htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, encoding,
                                  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  if (!doc) return FileError("Không đọc được trang HTML", "the HTML page cannot be parsed");
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> guard(doc, xmlFreeDoc);
  xmlNode* root = xmlDocGetRootElement(doc);
  if (!root) return FileError("Trang HTML rỗng", "the HTML page is empty");
  return HtmlReader().Read(root);
}

Result<std::string> MarkdownToText(std::string_view text) {
  std::string out;
  std::vector<std::string> lines = Split(text, '\n');
  bool fence = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string line = lines[i];
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string t = Trim(line);
    if (t.rfind("```", 0) == 0 || t.rfind("~~~", 0) == 0) {
      fence = !fence;
      continue;
    }
    // A pipe table: a row of cells, then its delimiter row, then rows.
    if (!fence && t.find('|') != std::string::npos && i + 1 < lines.size() && MarkdownDelimiterRow(lines[i + 1])) {
      size_t j = i;
      for (; j < lines.size(); ++j) {
        std::string r = Trim(lines[j]);
        if (r.empty() || r.find('|') == std::string::npos) break;
        if (j == i + 1) continue;  // the delimiter row
        std::vector<std::string> cells = MarkdownTableRow(r);
        for (size_t c = 0; c < cells.size(); ++c)
          EmitCell(out, static_cast<int>(c), 1, MarkdownCellParagraphs(cells[c]));
      }
      i = j - 1;
      continue;
    }
    if (fence) {
      out += line + "\n";
      continue;
    }
    static const Regex heading(R"(#{1,6}\s+(.*?)\s*#*\s*)");
    static const Regex rule(R"(\s*(\*\s*){3,}|\s*(_\s*){3,})");
    static const Regex quote(R"(>\s?(.*))");
    Regex::Groups g;
    if (heading.FullMatch(t, &g)) t = Str(g, 1);
    if (quote.FullMatch(t, &g)) t = Str(g, 1);
    if (rule.FullMatch(t)) continue;  // "***", "___": a thematic break; the decisions' own "-------" rules stay
    // "* item" / "+ item": a list item; the documents' own "- " stays.
    if (t.size() > 2 && (t[0] == '*' || t[0] == '+') && t[1] == ' ') t = "- " + t.substr(2);
    static const Regex br(R"(<br\s*/?>)");
    for (auto& part : Split(br.ReplaceAll(t, "\n"), '\n')) {
      std::string p = Trim(MarkdownInline(part));
      if (!p.empty()) out += p + "\n";
    }
  }
  return out;
}

Result<std::string> PdfToText(std::string_view bytes) {
  // Poppler reports what it repairs on stderr; the importer reports for itself.
  static const bool quiet = [] {
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
    return true;
  }();
  (void)quiet;
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) return FileError("Tệp PDF hỏng, không mở được", "the PDF file is corrupt and cannot be opened");
  if (doc->is_locked())
    return FileError("Tệp PDF có mật khẩu; hãy gửi bản không khóa", "the PDF is encrypted; send an unlocked copy");
  std::string out;
  PdfTables tables;
  const std::vector<std::vector<PdfRule>> rules = PdfPageRules(bytes);
  bool any_text = false;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    std::vector<PdfLine> lines = PdfPageLines(*page);
    any_text |= !lines.empty();
    tables.Page(lines, page->page_rect().height(),
                static_cast<size_t>(i) < rules.size() ? PdfGrids(rules[static_cast<size_t>(i)]) : std::vector<PdfGrid>{},
                out);
  }
  tables.Finish(out);
  if (!any_text)
    return FileError("Tệp PDF không có lớp chữ (bản quét): cần nhận dạng chữ (OCR) trước khi nhập",
                     "the PDF has no text layer (a scan): run OCR on it before importing");
  return out;
}

std::string TrimToDecision(std::string_view text) {
  std::vector<std::string> lines = Split(text, '\n');
  auto plain = [](const std::string& l) { return Trim(WithoutCellMark(l)); };
  size_t motto = lines.size();
  for (size_t i = 0; i < lines.size() && motto == lines.size(); ++i) {
    std::string f = FoldOrSelf(plain(lines[i]));
    if ((f.find("doc lap") != std::string::npos && f.find("hanh phuc") != std::string::npos) ||
        f.find("xa hoi chu nghia viet nam") != std::string::npos)
      motto = i;
  }
  if (motto == lines.size()) return std::string(text);
  // Back over the issuer's block: lines in capitals, rules, broken pieces,
  // and the number when the issuer's cell ends with it ("Số: 112/KH-UBND"
  // under the issuer, beside the motto).
  size_t start = motto;
  while (start > 0 && motto - start < 12) {
    std::string p = plain(lines[start - 1]);
    if (!p.empty() && !CapitalsOnly(p) && p.find_first_not_of("-_=. ") != std::string::npos && !IsNumberLine(p)) break;
    --start;
  }
  while (start < motto && plain(lines[start]).find_first_not_of("-_=. ") == std::string::npos) ++start;
  size_t end = lines.size();
  for (size_t i = motto + 1; i < lines.size(); ++i)
    if (ChromeLine(plain(lines[i]))) {
      end = i;
      break;
    }
  std::string out;
  for (size_t i = start; i < end; ++i) out += lines[i] + "\n";
  return out;
}

Result<DecisionText> ReadDecisionFile(std::string_view bytes) {
  if (bytes.empty()) return FileError("Tệp rỗng", "the file is empty");
  DecisionText d;
  d.format = DetectDecisionFormat(bytes);
  std::string text;
  if (d.format == "doc")
    return FileError("Tệp Word cũ (.doc) chưa đọc được: hãy lưu lại thành .docx (Word: Lưu thành, Word Document)",
                     "legacy Word .doc files are not read: save it as .docx");
  if (d.format == "rtf")
    return FileError("Tệp RTF chưa đọc được: hãy lưu lại thành .docx", "RTF is not read: save it as .docx");
  if (d.format == "zip")
    return FileError("Gói zip không phải văn bản Word (.docx)", "the zip package is not a Word (.docx) document");
  if (d.format == "binary")
    return FileError("Không nhận ra loại tệp (không phải văn bản, .docx, PDF, HTML hay Markdown)",
                     "unrecognised file: not text, .docx, PDF, HTML or Markdown");
  if (d.format == "docx") {
    BHXH_ASSIGN_OR_RETURN(text, DocxToText(bytes));
  } else if (d.format == "pdf") {
    BHXH_ASSIGN_OR_RETURN(text, PdfToText(bytes));
  } else if (d.format == "html") {
    BHXH_ASSIGN_OR_RETURN(text, HtmlToText(bytes));
  } else {
    std::string plain;
    if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
      BHXH_ASSIGN_OR_RETURN(plain, Utf16ToUtf8(bytes, bytes[0] == '\xFF'));
    } else {
      plain = std::string(bytes);
    }
    if (!IsValidUtf8(plain))
      return Status::Invalid("text", "Văn bản không phải UTF-8 hợp lệ (hãy lưu với mã UTF-8)",
                             "the text is not valid UTF-8 (save it as UTF-8)");
    if (d.format == "markdown") {
      BHXH_ASSIGN_OR_RETURN(text, MarkdownToText(plain));
    } else {
      text = std::move(plain);
    }
  }
  if (!IsValidUtf8(text))
    return Status::Invalid("text", "Nội dung tệp không phải UTF-8 hợp lệ", "the file's text is not valid UTF-8");
  d.text = TrimToDecision(text);
  return d;
}

}  // namespace bhxh
