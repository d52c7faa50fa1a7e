// Reading the first worksheet of an XLSX workbook into the same table shape
// as a CSV file (header row + rows with their sheet row numbers), so every
// importer validates spreadsheets and CSV alike. The package is a zip
// (libzip); the sheet, shared strings and workbook relations are XML
// (pugixml). Dates stored as Excel serial numbers are left as numbers;
// ExcelSerialToIso converts them where a column is known to hold dates.
#pragma once

#include <string>
#include <string_view>

#include "base/csv.h"

namespace bhxh {

// The first worksheet as a table: its header is the first row with two or
// more cells, after at most five title lines of one cell each ("Danh sách
// …", "Số liệu đến ngày …"), as the system's own workbooks open.
Result<CsvTable> ReadXlsxFirstSheet(std::string_view bytes, const std::string& source);
// "46023" → "2026-01-01" (1900 date system); other text unchanged.
std::string ExcelSerialToIso(const std::string& cell);
bool LooksLikeXlsx(std::string_view bytes);

}  // namespace bhxh
