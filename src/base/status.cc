#include "base/status.h"

namespace bhxh {

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string s = code_;
  if (!field_.empty()) s += " [" + field_ + "]";
  s += ": " + message_en_;
  return s;
}

}  // namespace bhxh
