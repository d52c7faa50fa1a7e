#include "base/zip.h"

#include <zip.h>

namespace bhxh {

struct ZipPackage::Archive {
  zip_t* z = nullptr;
  ~Archive() {
    if (z) zip_discard(z);
  }
};

Result<ZipPackage> ZipPackage::Open(std::string_view bytes, const std::string& what) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (!src) return Status::Invalid("file", "Không mở được tệp " + what, "cannot open the " + what + " data");
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &err);
  zip_error_fini(&err);
  if (!z) {
    zip_source_free(src);
    return Status::Invalid("file", "Tệp " + what + " hỏng hoặc không phải gói zip",
                           "the " + what + " file is corrupt or not a zip package");
  }
  ZipPackage p;
  p.archive_ = std::make_shared<Archive>();
  p.archive_->z = z;
  p.what_ = what;
  return p;
}

bool ZipPackage::Has(const std::string& name) const {
  zip_stat_t st;
  return zip_stat(archive_->z, name.c_str(), 0, &st) == 0;
}

Result<std::string> ZipPackage::Read(const std::string& name, size_t max_entry_bytes) const {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(archive_->z, name.c_str(), 0, &st) != 0)
    return Status::NotFound("file", "Thiếu phần " + name + " trong tệp " + what_,
                            "missing " + name + " in the " + what_ + " package");
  if (!(st.valid & ZIP_STAT_SIZE) || st.size > max_entry_bytes)
    return Status::Invalid("file", "Phần " + name + " của tệp " + what_ + " quá lớn",
                           name + " in the " + what_ + " package is too large");
  zip_file_t* f = zip_fopen(archive_->z, name.c_str(), 0);
  if (!f) return Status::Invalid("file", "Không đọc được " + name, "cannot read " + name);
  std::string out(st.size, '\0');
  zip_int64_t n = zip_fread(f, out.data(), st.size);
  zip_fclose(f);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size)
    return Status::Invalid("file", "Tệp " + what_ + " hỏng (" + name + ")", "corrupt " + what_ + " entry " + name);
  return out;
}

}  // namespace bhxh
