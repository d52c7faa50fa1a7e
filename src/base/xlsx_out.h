// Writing simple workbooks with libxlsxwriter: named sheets of a bold
// header row and rows of text, number or date cells. Every workbook says
// what it is and as of when: each sheet opens with the title and a line
// "Số liệu đến ngày dd/mm/yyyy" above its header (the readers of
// base/xlsx.h skip such lines), dates are Excel dates shown dd/mm/yyyy,
// numbers are numbers. libxlsxwriter writes only to files, so the workbook
// goes through a private temporary file and comes back as bytes.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "base/date.h"
#include "base/status.h"

namespace bhxh {

inline constexpr const char* kXlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

using XlsxCell = std::variant<std::string, double, Date>;

struct XlsxSheet {
  std::string name;  // at most 31 characters, no []:*?/\ (Excel's rule)
  std::vector<std::string> header;
  std::vector<std::vector<XlsxCell>> rows;
  std::vector<double> widths;  // per column, optional
  std::string number_format = "#,##0.##";
};

struct XlsxTitle {
  std::string text;  // "Danh sách chi trả tháng 11/2026"
  Date as_of;        // the date the figures stand at
};

Result<std::string> WriteXlsx(const std::vector<XlsxSheet>& sheets, const XlsxTitle& title);

// A cell for a date the program holds as text: ISO (YYYY-MM-DD) or dd/mm/yyyy
// becomes a date, anything else (empty, "—") stays text.
XlsxCell DateCell(const std::string& text);

}  // namespace bhxh
