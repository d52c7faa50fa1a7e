// The same decision in the other forms officers receive it in, made from a
// decision's page text for the format tests and benchmarks: an HTML page
// of a legal-document website (with its own header, menu, "văn bản liên
// quan" list and footer around the decision), a Markdown conversion of
// such a page (bold markers, links, pipe tables, escapes), and a Word
// .docx (paragraphs split into runs, real tables, bold headings).
//
// The text's paragraphs stay paragraphs, one per line of the text; each
// appendix table becomes a real table whose cells are the cells the text
// reader finds, one row per row id — so reading a form back must give the
// extraction of the text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "programmes/import.h"

namespace bhxh::testing {

struct FormBlock {
  std::string paragraph;                      // a paragraph, or
  std::vector<std::vector<std::string>> rows;  // a table (first row: the header)
  // In Word: a row of one cell is merged across the table (gridSpan), as
  // group rows are. A cell's "\n" separates its paragraphs (Word's
  // paragraphs, Markdown's "<br>").
  bool span_lone_cells = false;
};

std::vector<FormBlock> DecisionBlocks(std::string_view text, const ImportedProgramme& p, const UnitRegistry& units);

std::string RenderHtml(const std::vector<FormBlock>& blocks, const std::string& title);
std::string RenderMarkdown(const std::vector<FormBlock>& blocks, const std::string& title);
Result<std::string> RenderDocx(const std::vector<FormBlock>& blocks);

// The page printed to PDF by Debian's chromium, as a browser's "Save as
// PDF" would; with `headers_and_footers` the browser's own page header
// (date, title) and footer (address, "1/3") are printed too. An error
// names what is missing when chromium is not there or prints nothing.
Result<std::string> PrintToPdf(const std::string& html, bool headers_and_footers);

// A zip package of the given entries (name, content), for DOCX forms and
// deliberately broken packages.
Result<std::string> WriteZip(const std::vector<std::pair<std::string, std::string>>& entries);

}  // namespace bhxh::testing
