// Writing simple workbooks with libxlsxwriter: named sheets of a bold
// header row and rows of text or number cells. libxlsxwriter writes only to
// files, so the workbook goes through a private temporary file and comes
// back as bytes.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "base/status.h"

namespace bhxh {

using XlsxCell = std::variant<std::string, double>;

struct XlsxSheet {
  std::string name;  // at most 31 characters, no []:*?/\ (Excel's rule)
  std::vector<std::string> header;
  std::vector<std::vector<XlsxCell>> rows;
  std::vector<double> widths;  // per column, optional
  std::string number_format = "#,##0.##";
};

Result<std::string> WriteXlsx(const std::vector<XlsxSheet>& sheets);

}  // namespace bhxh
