#include "registry/labels.h"

#include <map>

namespace bhxh {
namespace {
std::string Look(const std::map<std::string, std::string>& m, const std::string& k) {
  auto it = m.find(k);
  return it == m.end() ? k : it->second;
}
}  // namespace

std::string EmployerTypeVi(const std::string& t) {
  static const std::map<std::string, std::string> m = {{"enterprise", "Doanh nghiệp"},
                                                       {"state_agency", "Cơ quan nhà nước"},
                                                       {"cooperative", "Hợp tác xã"},
                                                       {"household_business", "Hộ kinh doanh"},
                                                       {"foreign_organisation", "Tổ chức nước ngoài"},
                                                       {"other", "Khác"}};
  return Look(m, t);
}

std::string EmployerStatusVi(const std::string& s) {
  static const std::map<std::string, std::string> m = {{"active", "Đang hoạt động"},
                                                       {"suspended", "Tạm dừng hoạt động"},
                                                       {"dissolved", "Giải thể"},
                                                       {"bankrupt", "Phá sản"},
                                                       {"dissolved_bankrupt", "Giải thể, phá sản"}};
  return Look(m, s);
}

std::string SexVi(const std::string& c) {
  static const std::map<std::string, std::string> m = {{"1", "Nam"}, {"2", "Nữ"}, {"3", "Chưa xác định"}};
  return Look(m, c);
}

}  // namespace bhxh
