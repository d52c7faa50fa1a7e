// Reading a VSS decision from the raw text of a web page (issue #3 §1):
// table cells come one per line, a cell's continuation lines are indented
// by two spaces, words are broken across lines even inside a syllable
// ("Nghị đ" / "ị" / "nh s" / "ố"), document numbers sit on lines of their
// own. JoinLines rejoins such lines into text using the document's own
// vocabulary: a break is glued when the pieces on either side are not words
// of the document (tokens seen inside lines) but their join is, or when
// neither piece is a word; otherwise it is a space. No fixed word list, so
// unseen decisions are read the same way.
//
// ReadDecisionHeader extracts the decision's metadata: number and symbol,
// place and date, issuer, title, the authority, its legal bases ("Căn cứ
// ...") as references (kind, number, date), the signing line and signer.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/status.h"

namespace bhxh {

struct SourceLine {
  int number = 0;         // 1-based line in the file
  bool indented = false;  // a continuation of the previous cell
  std::string text;       // trimmed
  // Set when the source knew its table structure (a Word or HTML table,
  // a Markdown pipe table, a PDF's columns): the line starts a cell of
  // grid column `column` spanning `span` columns. -1 for text whose cells
  // must be inferred.
  int column = -1, span = 1;
  // A further paragraph of a structured cell: indented (it continues the
  // cell) but a paragraph of its own, not a wrapped line.
  bool new_paragraph = false;
};

// The line of a structured cell's further paragraph.
std::string StructuredParagraphLine(std::string_view text);

// A line's text without the structured-cell mark, if it has one.
std::string_view WithoutCellMark(std::string_view line);

// The first letter is lower case (Vietnamese letters included).
bool StartsLowerCase(std::string_view s);

// The line that starts a table cell whose place the source knew; its
// further paragraphs follow as lines indented by two spaces.
// SplitSourceLines reads the mark back into SourceLine::column / span.
std::string StructuredCellLine(int column, int span, std::string_view text);

// The text as the readers expect it: NFC, non-breaking and zero-width
// spaces and the byte-order mark handled, Windows line ends and leading
// tabs (an indented cell) made plain, and a tab inside a line (table cells
// copied from a word processor) made a line break, one cell per line. Applied by ReadDecisionHeader and
// ImportDecision, so text saved from any editor or browser reads the same.
std::string CleanSourceText(std::string_view text);

std::vector<SourceLine> SplitSourceLines(std::string_view text);

// Words seen inside lines (not at a line's edge), case-folded.
std::set<std::string> DocumentVocabulary(const std::vector<SourceLine>& lines);

// Joins lines [from, to) into one string; `vocab` from DocumentVocabulary.
std::string JoinLines(const std::vector<SourceLine>& lines, size_t from, size_t to, const std::set<std::string>& vocab);

struct LegalReference {
  std::string text;  // the whole "Căn cứ ..." clause
  std::string kind;  // Luật, Nghị định, Quyết định, Nghị quyết, Kết luận, Thông tư, Chỉ thị, ...
  std::string number;  // e.g. 89/2020/NĐ-CP, 70-KL/TW (empty for a law cited by name)
  std::optional<Date> date;
};

struct Article {
  std::string number;  // "1" of "Điều 1."
  std::string text;
  int first_line = 0, last_line = 0;
};

// What a document of `kind` is called: Quyết định, Kế hoạch, Chương trình, Đề án.
std::string DocumentKindVi(const std::string& kind);

struct DecisionHeader {
  // decision (QUYẾT ĐỊNH ... QUYẾT ĐỊNH: Điều 1 ...), or a document issued
  // on its own: plan (KẾ HOẠCH), programme (CHƯƠNG TRÌNH), scheme (ĐỀ ÁN).
  std::string kind = "decision";
  std::string number;  // 249/QĐ-BHXH, 85/KH-UBND
  std::optional<Date> date;
  std::string place, issuer, title, authority;
  std::vector<LegalReference> legal_bases;
  std::string signing_line;  // e.g. "KT. TỔNG GIÁM ĐỐC / PHÓ TỔNG GIÁM ĐỐC"
  std::string signer;
  int body_start_line = 0;  // a decision: first line after the signature (the programme / appendix);
                            // a plan: first line of its body, after the title
  int body_end_line = 0;        // a plan: "Nơi nhận:" or the signature ends its body (0: no end)
  int appendix_start_line = 0;  // a plan: after the signer's name, where appendices may follow
  int articles_first_line = 0, articles_end_line = 0;  // the articles ("Điều 1. ..."), [first, end)
  std::vector<Article> articles;
  std::vector<std::string> recipients;  // "Nơi nhận:" — who receives the decision
};

// A line with letters and no lower-case ASCII letter (a heading in capitals).
bool IsUpperLine(const std::string& s);

// The document's number line: "Số: 112/KH-UBND", "Số 249/QĐ-BHXH".
bool IsNumberLine(std::string_view line);

// Fails with a clear error when the text is not such a decision.
Result<DecisionHeader> ReadDecisionHeader(std::string_view text);

}  // namespace bhxh
