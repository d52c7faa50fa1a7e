// Reading a decision from the file an officer actually has: plain text
// (UTF-8, or UTF-16 as Windows Notepad saves "Unicode" text), Word .docx,
// PDF with a text layer, an HTML page of a legal-document website, or a
// Markdown conversion of one. The kind is recognised from the content,
// never from a file name or a media type.
//
// Every form is turned into the text the importer reads — one paragraph a
// line — and every table whose grid the file knows (a Word table, an HTML
// table with its colspan/rowspan, a Markdown pipe table, a PDF table's
// columns found from its header) into cell lines that carry their grid
// column (StructuredCellLine), so cells are placed by column instead of
// guessed from line breaks. A cell merged over several rows (Word's
// vMerge, HTML's rowspan) belongs to each of them and is repeated, except
// in the first ("TT") column.
//
// Page chrome is dropped twice: by the page's own markup (navigation,
// header, footer, forms, scripts, blocks whose class or id names a menu,
// breadcrumb, related documents, share buttons, ...) and, for every form,
// by TrimToDecision on the text: the decision starts with the issuer's
// block above the national motto and ends before a website's "Tải văn
// bản" / "Văn bản liên quan" / "Lược đồ" lines.
//
// Refused with a clear error, field "file": a zip that is not a Word
// document or is corrupt, a legacy .doc or RTF (save as .docx), a PDF that
// is encrypted or has no text layer (a scan: run OCR first), any other
// binary content.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace bhxh {

// text | docx | pdf | html | markdown, or doc | rtf | zip | binary (refused).
std::string DetectDecisionFormat(std::string_view bytes);

struct DecisionText {
  std::string format;  // as DetectDecisionFormat
  std::string text;    // the importer's input, trimmed to the decision
};

[[nodiscard]] Result<DecisionText> ReadDecisionFile(std::string_view bytes);

// The decision inside a page's text: from the issuer's block above the
// motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" / "Độc lập - Tự do - Hạnh
// phúc") to the line before a website's own footer. Unchanged when no
// motto is found (the header reader then says it is not a decision).
std::string TrimToDecision(std::string_view text);

// The separate readers, each returning the importer's text (untrimmed).
[[nodiscard]] Result<std::string> DocxToText(std::string_view bytes);
[[nodiscard]] Result<std::string> HtmlToText(std::string_view bytes);
[[nodiscard]] Result<std::string> MarkdownToText(std::string_view text);
[[nodiscard]] Result<std::string> PdfToText(std::string_view bytes);

}  // namespace bhxh
