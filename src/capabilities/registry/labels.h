// Vietnamese labels for the registry's codes, as people read them in the
// CLI and reports ("cooperative" → "Hợp tác xã").
#pragma once

#include <string>

namespace bhxh {

std::string EmployerTypeVi(const std::string& type);
std::string EmployerStatusVi(const std::string& status);
std::string SexVi(const std::string& code);  // "1" → "Nam"

}  // namespace bhxh
