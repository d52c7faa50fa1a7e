#include "geo/geo.h"

#include <climits>

#include "base/csv.h"
#include "base/text.h"

namespace bhxh {

Result<Geo> Geo::Load(const std::string& path) {
  BHXH_ASSIGN_OR_RETURN(CsvTable t, ReadCsvFile(path));
  int oc = t.Column("old_code"), on = t.Column("old_name"), cc = t.Column("cccd_code"), nc = t.Column("new_code"),
      nn = t.Column("new_name");
  if (oc < 0 || on < 0 || cc < 0 || nc < 0 || nn < 0)
    return Status::Invalid(path, "Tệp đơn vị hành chính thiếu cột", "provinces file lacks columns");
  Geo g;
  Date open = Date::FromDays(INT32_MAX), merger = MergerDate(), epoch = Date::FromYmd(1976, 1, 1);
  for (const auto& r : t.rows) {
    const auto& c = r.cells;
    if (c[oc].size() != 2 || !IsDigits(c[oc]) || c[nc].size() != 2 || !IsDigits(c[nc]) || c[cc].size() != 3 ||
        !IsDigits(c[cc]))
      return Status::Invalid(path + ":" + std::to_string(r.line), "Mã đơn vị không hợp lệ", "bad unit code");
    g.old_[c[oc]] = {c[oc], c[on], epoch, merger};
    g.new_[c[nc]] = {c[nc], c[nn], merger, open};
    g.old_to_new_[c[oc]] = c[nc];
    g.cccd_.insert(c[cc]);
  }
  return g;
}

Result<Province> Geo::At(const std::string& code, Date d) const {
  const auto& m = d < MergerDate() ? old_ : new_;
  auto it = m.find(code);
  if (it == m.end())
    return Status::Invalid("province", "Mã tỉnh \"" + code + "\" không có hiệu lực ngày " + d.ToVi(),
                           "province code \"" + code + "\" not in force on " + d.ToString());
  return it->second;
}

Result<std::string> Geo::CurrentCode(const std::string& code) const {
  auto it = old_to_new_.find(code);
  if (it != old_to_new_.end()) return it->second;
  if (new_.count(code)) return code;
  return Status::Invalid("province", "Mã tỉnh không tồn tại: \"" + code + "\"",
                         "unknown province code \"" + code + "\"");
}

std::vector<Province> Geo::InForce(Date d) const {
  std::vector<Province> out;
  for (const auto& [k, v] : d < MergerDate() ? old_ : new_) out.push_back(v);
  return out;
}

std::vector<std::pair<std::string, std::vector<std::string>>> Geo::ProvinceGroups() const {
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  for (const auto& [code, unit] : new_) {
    std::vector<std::string> codes = {code};
    for (const auto& old : MergedFrom(code))
      if (old != code) codes.push_back(old);
    out.emplace_back(code, std::move(codes));
  }
  return out;
}

std::vector<std::string> Geo::MergedFrom(const std::string& new_code) const {
  std::vector<std::string> out;
  for (const auto& [o, n] : old_to_new_)
    if (n == new_code) out.push_back(o);
  return out;
}

}  // namespace bhxh
