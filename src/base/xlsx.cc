#include "base/xlsx.h"

#include <pugixml.hpp>

#include <map>

#include "base/date.h"
#include "base/parse.h"
#include "base/text.h"
#include "base/zip.h"

namespace bhxh {
namespace {

int ColumnIndex(const std::string& ref) {  // "C12" → 2
  int c = 0;
  for (char ch : ref) {
    if (ch < 'A' || ch > 'Z') break;
    c = c * 26 + (ch - 'A' + 1);
  }
  return c - 1;
}

std::string InlineText(const pugi::xml_node& n) {  // <si> or <is>: <t> or rich runs <r><t>
  std::string s = n.child("t").text().as_string();
  for (pugi::xml_node r : n.children("r")) s += r.child("t").text().as_string();
  return s;
}

}  // namespace

bool LooksLikeXlsx(std::string_view b) { return b.size() > 4 && b.substr(0, 2) == "PK"; }

std::string ExcelSerialToIso(const std::string& cell) {
  if (cell.empty()) return cell;
  size_t dot = cell.find('.');
  std::string whole = cell.substr(0, dot);
  if (!IsDigits(whole) || whole.size() > 6) return cell;
  int n = DigitsValue(whole);
  if (n < 20000 || n > 80000) return cell;  // 1954..2119: anything else is not a date
  return Date::FromYmd(1899, 12, 30).AddDays(n).ToString();
}

Result<CsvTable> ReadXlsxFirstSheet(std::string_view bytes, const std::string& source) {
  auto pkg = ZipPackage::Open(bytes, "XLSX");
  if (!pkg.ok())
    return Status::Invalid(source, "Tệp không phải XLSX hợp lệ (không phải gói zip)", "not a valid XLSX (zip) file");
  auto ReadEntry = [&](const std::string& name) { return pkg->Read(name); };
  // The first sheet: workbook.xml's first <sheet>, through the relations.
  std::string sheet_path = "xl/worksheets/sheet1.xml";
  if (auto wb = ReadEntry("xl/workbook.xml"); wb.ok()) {
    pugi::xml_document d;
    if (d.load_string(wb->c_str())) {
      std::string rid = d.child("workbook").child("sheets").child("sheet").attribute("r:id").as_string();
      if (auto rels = ReadEntry("xl/_rels/workbook.xml.rels"); rels.ok() && !rid.empty()) {
        pugi::xml_document r;
        if (r.load_string(rels->c_str()))
          for (pugi::xml_node rel : r.child("Relationships").children("Relationship"))
            if (rid == rel.attribute("Id").as_string()) {
              std::string t = rel.attribute("Target").as_string();
              sheet_path = t.rfind("/", 0) == 0 ? t.substr(1) : "xl/" + t;
            }
      }
    }
  }
  std::vector<std::string> shared;
  if (auto ss = ReadEntry("xl/sharedStrings.xml"); ss.ok()) {
    pugi::xml_document d;
    if (d.load_string(ss->c_str()))
      for (pugi::xml_node si : d.child("sst").children("si")) shared.push_back(InlineText(si));
  }
  BHXH_ASSIGN_OR_RETURN(std::string sheet, ReadEntry(sheet_path));
  pugi::xml_document d;
  if (!d.load_string(sheet.c_str()))
    return Status::Invalid(source, "Trang tính XLSX không đọc được", "the worksheet XML is malformed");
  // Rows with something in them; then the header is the first row unless
  // it is a title line (one cell) above a wider row, as the system's own
  // workbooks and many officers' open with ("Danh sách …", "Số liệu đến
  // ngày …").
  struct RawRow {
    int number;
    std::map<int, std::string> cells;
    int filled;
  };
  std::vector<RawRow> raw;
  for (pugi::xml_node row : d.child("worksheet").child("sheetData").children("row")) {
    std::map<int, std::string> cells;
    int last = -1;
    for (pugi::xml_node c : row.children("c")) {
      int col = ColumnIndex(c.attribute("r").as_string());
      if (col < 0) col = last + 1;
      last = col;
      std::string type = c.attribute("t").as_string(), v = c.child("v").text().as_string();
      if (type == "s") {
        int si = DigitsValue(v);
        size_t i = si < 0 ? SIZE_MAX : static_cast<size_t>(si);
        v = i < shared.size() ? shared[i] : "";
      } else if (type == "inlineStr") {
        v = InlineText(c.child("is"));
      }
      cells[col] = Trim(v);
    }
    int filled = 0;
    for (const auto& [col, v] : cells) filled += v.empty() ? 0 : 1;
    if (filled) raw.push_back({row.attribute("r").as_int(), std::move(cells), filled});
  }
  size_t head = 0;
  for (size_t i = 0; i < raw.size() && i < 6; ++i)
    if (raw[i].filled >= 2) {
      head = i;
      break;
    }
  CsvTable t;
  for (size_t i = head; i < raw.size(); ++i) {
    const auto& cells = raw[i].cells;
    int width = t.header.empty() ? cells.rbegin()->first + 1 : static_cast<int>(t.header.size());
    std::vector<std::string> out(static_cast<size_t>(width));
    bool any = false;
    for (const auto& [col, v] : cells)
      if (col < width) {
        out[static_cast<size_t>(col)] = v;
        any |= !v.empty();
      }
    if (!any) continue;
    if (t.header.empty())
      t.header = std::move(out);
    else
      t.rows.push_back({raw[i].number, std::move(out)});
  }
  if (t.header.empty()) return Status::Invalid(source, "Trang tính trống", "the first worksheet is empty");
  return t;
}

}  // namespace bhxh
