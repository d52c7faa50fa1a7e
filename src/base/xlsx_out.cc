#include "base/xlsx_out.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <filesystem>

#include "base/csv.h"

namespace bhxh {

XlsxCell DateCell(const std::string& text) {
  if (text.size() == 10) {
    auto d = Date::ParseIsoOrVi(text, "date");
    if (d.ok()) return *d;
  }
  return text;
}

Result<std::string> WriteXlsx(const std::vector<XlsxSheet>& sheets, const XlsxTitle& title) {
  char tmpl[] = "/tmp/bhxh-xlsx-XXXXXX";
  int fd = mkstemp(tmpl);
  if (fd < 0) return Status::Internal("cannot create a temporary file");
  close(fd);
  std::string path = tmpl;
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) {
    std::filesystem::remove(path);
    return Status::Internal("cannot create the workbook");
  }
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  format_set_text_wrap(bold);
  lxw_format* wrap = workbook_add_format(wb);
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* heading = workbook_add_format(wb);
  format_set_bold(heading);
  format_set_font_size(heading, 13);
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "dd/mm/yyyy");
  format_set_align(date, LXW_ALIGN_VERTICAL_TOP);
  const std::string as_of = "Số liệu đến ngày " + title.as_of.ToVi();
  constexpr lxw_row_t kHeader = 2;  // title, as-of line, header
  for (const auto& s : sheets) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, s.name.c_str());
    if (!ws) {
      workbook_close(wb);
      std::filesystem::remove(path);
      return Status::Internal("invalid sheet name " + s.name);
    }
    lxw_format* num = workbook_add_format(wb);
    format_set_num_format(num, s.number_format.c_str());
    format_set_align(num, LXW_ALIGN_VERTICAL_TOP);
    worksheet_write_string(ws, 0, 0, title.text.c_str(), heading);
    worksheet_write_string(ws, 1, 0, as_of.c_str(), nullptr);
    for (size_t c = 0; c < s.header.size(); ++c)
      worksheet_write_string(ws, kHeader, static_cast<lxw_col_t>(c), s.header[c].c_str(), bold);
    for (size_t r = 0; r < s.rows.size(); ++r)
      for (size_t c = 0; c < s.rows[r].size(); ++c) {
        auto row = static_cast<lxw_row_t>(kHeader + 1 + r);
        auto col = static_cast<lxw_col_t>(c);
        const XlsxCell& cell = s.rows[r][c];
        if (const auto* t = std::get_if<std::string>(&cell)) {
          worksheet_write_string(ws, row, col, t->c_str(), wrap);
        } else if (const auto* d = std::get_if<Date>(&cell)) {
          Ymd y = d->ymd();
          lxw_datetime dt = {y.year, y.month, y.day, 0, 0, 0.0};
          worksheet_write_datetime(ws, row, col, &dt, date);
        } else {
          worksheet_write_number(ws, row, col, std::get<double>(cell), num);
        }
      }
    for (size_t c = 0; c < s.widths.size(); ++c)
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), s.widths[c], nullptr);
    worksheet_freeze_panes(ws, kHeader + 1, 0);
  }
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    std::filesystem::remove(path);
    return Status::Internal(std::string("xlsx: ") + lxw_strerror(err));
  }
  auto bytes = ReadFile(path);
  std::filesystem::remove(path);
  return bytes;
}

}  // namespace bhxh
