#include "base/csv.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace bhxh {

int CsvTable::Column(std::string_view name) const {
  for (size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return static_cast<int>(i);
  return -1;
}

namespace {
// The separator of a file: ',' as written by most tools, or ';' as written
// by Excel in Vietnamese (where ',' is the decimal mark). Decided by the
// first line that is not a comment, outside quotes.
char DetectSeparator(std::string_view t) {
  size_t i = 0;
  while (i < t.size() && t[i] == '#') {
    size_t nl = t.find('\n', i);
    if (nl == std::string_view::npos) return ',';
    i = nl + 1;
  }
  int commas = 0, semis = 0;
  bool q = false;
  for (; i < t.size() && (q || t[i] != '\n'); ++i) {
    if (t[i] == '"')
      q = !q;
    else if (!q && t[i] == ',')
      ++commas;
    else if (!q && t[i] == ';')
      ++semis;
  }
  return semis > commas ? ';' : ',';
}
}  // namespace

Result<CsvTable> ParseCsv(std::string_view t, const std::string& source) {
  if (t.size() >= 3 && t.substr(0, 3) == "\xEF\xBB\xBF") t.remove_prefix(3);  // Excel's "CSV UTF-8" starts with a BOM
  const char sep = DetectSeparator(t);
  CsvTable table;
  std::vector<std::string> cells;
  std::string cell;
  bool in_quotes = false, row_has_content = false, at_line_start = true;
  int line = 1, row_line = 1;
  auto end_row = [&] {
    cells.push_back(std::move(cell));
    cell.clear();
    if (row_has_content) {
      if (table.header.empty())
        table.header = std::move(cells);
      else
        table.rows.push_back({row_line, std::move(cells)});
    }
    cells.clear();
    row_has_content = false;
  };
  for (size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (at_line_start && !in_quotes) {
      row_line = line;
      at_line_start = false;
      if (c == '#' && table.header.empty()) {
        while (i < t.size() && t[i] != '\n') ++i;
        ++line;
        at_line_start = true;
        continue;
      }
    }
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < t.size() && t[i + 1] == '"') {
          cell.push_back('"');
          ++i;
        } else
          in_quotes = false;
      } else {
        if (c == '\n') ++line;
        cell.push_back(c);
      }
      continue;
    }
    switch (c) {
      case '"':
        in_quotes = true;
        row_has_content = true;
        break;
      case ',':
      case ';':
        if (c != sep) {
          cell.push_back(c);
          row_has_content = true;
          break;
        }
        cells.push_back(std::move(cell));
        cell.clear();
        row_has_content = true;
        break;
      case '\r':
        break;
      case '\n':
        end_row();
        ++line;
        at_line_start = true;
        break;
      default:
        cell.push_back(c);
        row_has_content = true;
    }
  }
  if (in_quotes)
    return Status::Invalid(source, "Tệp CSV có dấu ngoặc kép chưa đóng", "CSV has an unterminated quoted field");
  if (row_has_content || !cell.empty()) end_row();
  if (table.header.empty()) return Status::Invalid(source, "Tệp CSV rỗng", "CSV file is empty");
  for (const auto& r : table.rows)
    if (r.cells.size() != table.header.size())
      return Status::Invalid(source + ":" + std::to_string(r.line),
                             "Dòng " + std::to_string(r.line) + " có " + std::to_string(r.cells.size()) + " cột, cần " +
                                 std::to_string(table.header.size()),
                             "line " + std::to_string(r.line) + " has " + std::to_string(r.cells.size()) +
                                 " cells, header has " + std::to_string(table.header.size()));
  return table;
}

namespace {
// Why a file could not be read, for the officer (Vietnamese) and the log.
std::string WhyVi(int err) {
  switch (err) {
    case ENOENT: return "không tồn tại";
    case EACCES: return "không có quyền đọc";
    case EISDIR: return "đây là một thư mục, không phải tệp";
    case EIO: return "lỗi đọc thiết bị lưu trữ";
    default: return std::strerror(err);
  }
}
}  // namespace

// One read into a buffer of the file's size (claim envelopes are megabytes:
// a stream copied through a growing buffer, then copied out, cost 8-10% of
// the review's CPU); pipes and other files without a size are read in
// chunks until their end.
Result<std::string> ReadFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    return Status::NotFound("file", "Không mở được tệp " + path + ": " + WhyVi(err),
                            "cannot open file " + path + ": " + std::strerror(err));
  }
  struct stat st {};
  // One byte more than the size, so that the end is seen without growing.
  const bool sized = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0;
  std::string out(sized ? static_cast<size_t>(st.st_size) + 1 : 65536, '\0');
  size_t used = 0;
  while (true) {
    if (used == out.size()) out.resize(out.size() * 2);
    ssize_t n = ::read(fd, out.data() + used, out.size() - used);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int err = errno;
      ::close(fd);
      return Status::Invalid("file", "Không đọc được tệp " + path + ": " + WhyVi(err),
                             "cannot read file " + path + ": " + std::strerror(err));
    }
    if (n == 0) break;
    used += static_cast<size_t>(n);
  }
  ::close(fd);
  out.resize(used);
  return out;
}

Result<CsvTable> ReadCsvFile(const std::string& path) {
  BHXH_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  return ParseCsv(text, path);
}

}  // namespace bhxh
