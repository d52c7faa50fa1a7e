// The table primitives of a decision's appendices, shared by task tables
// and indicator tables. A web page's table arrives one cell per line: a
// line starts a new cell unless it continues the previous one (indented, a
// document number, a lower-case or punctuation start, a fragment without a
// vowel, or a syllable broken across lines). Rows start at hierarchical ids
// (I, 1, 1.1, a)); "1 1" is 11 broken by the page.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "programmes/document.h"

namespace bhxh {

struct TableCell {
  size_t begin = 0, end = 0;  // indices into the lines, [begin, end)
  int first = 0, last = 0;    // line numbers in the file
  std::string text;           // rejoined
  int column = -1, span = 1;  // when the source knew the table's grid (SourceLine::column)
  std::vector<std::string> parts;  // then: the cell's paragraphs ("Sở Tài chính" / "Cục Thuế tỉnh")
};

// An id that starts a row: 1, 1.1, 1.1., 11 written "1 1", IV, a).
bool IsRowId(const std::string& s);
// A group row written as one cell across the table, its id and title
// together ("I. Tuyên truyền, vận động", "2 - Kiểm tra"): the id (as
// IsRowId takes it) and the title; nothing for any other text. `marked`:
// only when the number is marked as a heading's ("I", "2.", "a)"), so a
// row whose id ran into its content ("1 Tuyên truyền ...") is not one.
std::optional<std::pair<std::string, std::string>> NumberedTitle(const std::string& s, bool marked = false);
// "1 1" → "11", "1.1." → "1.1".
std::string NormalizeRowId(std::string id);
// Roman "R", letter "L", or "N<dots>": rows nest by these forms.
std::string RowIdForm(const std::string& id);

// A cell that starts like the name of a body ("Vụ ...", "Ban Thực hiện",
// "BHXH các tỉnh", "Các đơn vị ...") rather than like a sentence ("Ban hành").
bool StartsLikeUnitName(const std::string& s);

// A short cell shaped like a name ("Trung tâm dịch vụ hỗ trợ CSKH"): a
// capital first letter, a dozen words at most, not a sentence. In a unit
// column such a cell is a unit the registry does not know yet, listed as
// unknown rather than read as part of the task's content.
bool ShapedLikeName(const std::string& s);

// Index of the header line ("TT" or "STT") in [from, end), or `end`.
size_t FindTableHeader(const std::vector<SourceLine>& lines, size_t from, size_t end);
// The header cells after the "TT"/"STT" line at `h`, up to the first row id;
// `*body` receives the index of the first body line.
std::vector<std::string> ReadHeaderCells(const std::vector<SourceLine>& lines, size_t h, size_t end, size_t* body);
// The same when the source knew its grid (SourceLine::column >= 0): the
// text of each grid column after the "TT" column, from every header row
// (a merged "Thời gian" over "Bắt đầu" / "Hoàn thành" gives both), and a
// row that only numbers the columns ("1", "2", ... or "(1)", "(2)", ...) skipped.
std::vector<std::string> ReadHeaderColumns(const std::vector<SourceLine>& lines, size_t h, size_t end, size_t* body);

// The body cells in [from, end); stops early at the page's footer ("Tải văn bản").
// `complete`, when given, says a cell's text is already whole (a known unit
// name): a capital fragment after it ("Vụ Tài chính - Kế toán" / "T" / "ru" /
// "ng tâm ...") then starts a new cell instead of continuing it.
std::vector<TableCell> ReadTableCells(const std::vector<SourceLine>& lines, size_t from, size_t end,
                                      const std::set<std::string>& vocab,
                                      const std::function<bool(const std::string&)>& complete = {});

}  // namespace bhxh
