// Reading entries of a zip package held in memory (XLSX workbooks, DOCX
// documents). libzip does the work; this wraps its handles so a caller
// gets a Result and never a leaked archive. An entry larger than
// `max_entry_bytes` is refused before it is inflated (a "zip bomb" of a few
// kilobytes can expand to gigabytes).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"

namespace bhxh {

class ZipPackage {
 public:
  // `what` names the file kind in messages ("XLSX", "DOCX"). The bytes must
  // outlive the package.
  [[nodiscard]] static Result<ZipPackage> Open(std::string_view bytes, const std::string& what);
  [[nodiscard]] bool Has(const std::string& name) const;
  [[nodiscard]] Result<std::string> Read(const std::string& name, size_t max_entry_bytes = 64u << 20) const;

 private:
  struct Archive;
  std::shared_ptr<Archive> archive_;
  std::string what_;
};

}  // namespace bhxh
