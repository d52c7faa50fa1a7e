// A table an officer uploads — CSV (',' or ';', with or without Excel's
// byte-order mark) or the first sheet of an XLSX workbook — read into one
// CsvTable so that every importer checks spreadsheets and CSV alike, and the
// lookup of a column by the headers people actually write ("Mã số thuế",
// "MST", "tax_code"): compared without diacritics, case, '_' or a note in
// parentheses.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/csv.h"

namespace bhxh {

// CSV text or XLSX bytes (recognised from the content, never the name).
Result<CsvTable> ReadTableBytes(std::string_view bytes, const std::string& source);

// A header as people write it: "Đơn giá (đồng)" → "don gia", "TT_THAU" →
// "tt thau".
std::string HeaderKey(const std::string& header);

// The column named `name` exactly, or the first whose HeaderKey is one of
// `aliases` (already folded, e.g. "ma so thue"); -1 when none.
int FindColumn(const CsvTable& t, const std::string& name, const std::vector<std::string>& aliases);

}  // namespace bhxh
