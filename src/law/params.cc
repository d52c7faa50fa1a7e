#include "law/params.h"

#include <algorithm>

#include "base/csv.h"
#include "base/parse.h"

namespace bhxh {

void CiteOnce(std::vector<LawParam>& cited, const LawParam& p) {
  for (const auto& c : cited)
    if (c.key == p.key && c.effective_from == p.effective_from) return;
  cited.push_back(p);
}

Result<ParamTable> ParamTable::LoadFile(const std::string& path) {
  BHXH_ASSIGN_OR_RETURN(CsvTable t, ReadCsvFile(path));
  std::vector<int> c;
  for (const char* n : {"key", "effective_from", "value", "unit", "law", "source", "note"}) {
    int i = t.Column(n);
    if (i < 0)
      return Status::Invalid(path, std::string("Thiếu cột \"") + n + "\" trong " + path,
                             std::string("missing column \"") + n + "\" in " + path);
    c.push_back(i);
  }
  ParamTable out;
  for (const auto& r : t.rows) {
    std::string where = path + ":" + std::to_string(r.line);
    LawParam p;
    p.key = r.cells[c[0]];
    if (p.key.empty()) return Status::Invalid(where, "Thiếu khoá tham số", "empty key");
    BHXH_ASSIGN_OR_RETURN(p.effective_from, Date::Parse(r.cells[c[1]], where));
    p.value = r.cells[c[2]];
    p.unit = r.cells[c[3]];
    p.law = r.cells[c[4]];
    p.source = r.cells[c[5]];
    p.note = r.cells[c[6]];
    if (p.unit == "VND" && !ParseVnd(p.value, "").ok())
      return Status::Invalid(where, "Giá trị tiền không hợp lệ: \"" + p.value + "\"", "bad VND value");
    if (p.unit == "percent" && !ParsePercent(p.value, "").ok())
      return Status::Invalid(where, "Giá trị tỷ lệ không hợp lệ: \"" + p.value + "\"", "bad percent value");
    if ((p.unit == "multiple" || p.unit == "months" || p.unit == "years") && !ParseScaled(p.value, 6, "").ok())
      return Status::Invalid(where, "Giá trị số không hợp lệ: \"" + p.value + "\"", "bad number");
    // A signed number of months from a month the key names (-1: the month before).
    if (p.unit == "month_offset" && !ParseInt(p.value, "", -1200, 1200).ok())
      return Status::Invalid(where, "Giá trị số tháng không hợp lệ: \"" + p.value + "\"", "bad month offset");
    if ((p.unit == "days" || p.unit == "count") && !ParseInt(p.value, "").ok())
      return Status::Invalid(where, "Giá trị số nguyên không hợp lệ: \"" + p.value + "\"", "bad integer");
    out.params_[p.key].push_back(std::move(p));
  }
  for (auto& [k, v] : out.params_) {
    std::stable_sort(v.begin(), v.end(),
                     [](const LawParam& a, const LawParam& b) { return a.effective_from < b.effective_from; });
    for (size_t i = 1; i < v.size(); ++i)
      if (v[i].effective_from == v[i - 1].effective_from)
        return Status::Invalid(path, "Tham số \"" + k + "\" có hai giá trị cùng ngày " + v[i].effective_from.ToString(),
                               "two values of \"" + k + "\" from the same date");
  }
  return out;
}

Result<LawParam> ParamTable::Param(const std::string& key, Date d) const {
  auto it = params_.find(key);
  const LawParam* best = nullptr;
  if (it != params_.end())
    for (const auto& r : it->second) {
      if (r.effective_from > d) break;
      best = &r;
    }
  if (!best)
    return Status::NotFound(key, "Chưa có tham số \"" + key + "\" có hiệu lực ngày " + d.ToVi(),
                            "no value of \"" + key + "\" in force on " + d.ToString());
  return *best;
}

Result<Vnd> ParamTable::Amount(const std::string& key, Date d) const {
  BHXH_ASSIGN_OR_RETURN(LawParam p, Param(key, d));
  return ParseVnd(p.value, key);
}

Result<RateMicro> ParamTable::Percent(const std::string& key, Date d) const {
  BHXH_ASSIGN_OR_RETURN(LawParam p, Param(key, d));
  return ParsePercent(p.value, key);
}

Result<int64_t> ParamTable::Integer(const std::string& key, Date d) const {
  BHXH_ASSIGN_OR_RETURN(LawParam p, Param(key, d));
  return ParseInt(p.value, key);
}

Result<int64_t> ParamTable::Micro(const std::string& key, Date d) const {
  BHXH_ASSIGN_OR_RETURN(LawParam p, Param(key, d));
  return ParseScaled(p.value, 6, key);
}

std::vector<LawParam> ParamTable::InForce(Date d) const {
  std::vector<LawParam> out;
  for (const auto& [k, v] : params_) {
    const LawParam* best = nullptr;
    for (const auto& r : v) {
      if (r.effective_from > d) break;
      best = &r;
    }
    if (best) out.push_back(*best);
  }
  return out;
}

void ParamTable::Put(LawParam p) {
  auto& v = params_[p.key];
  auto it = std::find_if(v.begin(), v.end(), [&](const LawParam& r) { return r.effective_from == p.effective_from; });
  if (it != v.end()) {
    *it = std::move(p);
    return;
  }
  v.insert(std::upper_bound(v.begin(), v.end(), p.effective_from,
                            [](Date d, const LawParam& r) { return d < r.effective_from; }),
           std::move(p));
}

std::vector<LawParam> ParamTable::History(const std::string& key) const {
  auto it = params_.find(key);
  return it == params_.end() ? std::vector<LawParam>{} : it->second;
}

}  // namespace bhxh
