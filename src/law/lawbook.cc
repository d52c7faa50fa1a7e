#include "law/lawbook.h"

#include <algorithm>

#include "base/csv.h"
#include "base/parse.h"
#include "base/text.h"

namespace bhxh {

namespace {
const char* kFundCodes[] = {"retirement", "sickness", "accident", "unemployment", "health"};
const char* kFundNamesVi[] = {"Hưu trí - tử tuất", "Ốm đau - thai sản", "Tai nạn lao động - bệnh nghề nghiệp",
                              "Bảo hiểm thất nghiệp", "Bảo hiểm y tế"};
const char* kPartyCodes[] = {"employer", "employee", "state", "si_fund"};
const char* kPartyNamesVi[] = {"Người sử dụng lao động", "Người lao động", "Ngân sách nhà nước", "Quỹ BHXH"};

// Finds the last element with effective_from <= d in a date-sorted vector.
template <typename T>
const T* InForceAt(const std::vector<T>& rows, Date d) {
  const T* best = nullptr;
  for (const auto& r : rows) {
    if (r.effective_from <= d)
      best = &r;
    else
      break;
  }
  return best;
}

template <typename T>
void SortByDate(std::map<std::string, std::vector<T>>& m) {
  for (auto& [k, v] : m)
    std::stable_sort(v.begin(), v.end(), [](const T& a, const T& b) { return a.effective_from < b.effective_from; });
}

// Reads a CSV and checks its columns; `cols` receives their indices.
Result<CsvTable> Open(const std::string& path, const std::vector<std::string>& names, std::vector<int>& cols) {
  BHXH_ASSIGN_OR_RETURN(CsvTable t, ReadCsvFile(path));
  cols.clear();
  for (const auto& n : names) {
    int c = t.Column(n);
    if (c < 0)
      return Status::Invalid(path, "Thiếu cột \"" + n + "\" trong " + path, "missing column \"" + n + "\" in " + path);
    cols.push_back(c);
  }
  return t;
}

std::string Where(const std::string& path, const CsvRow& r) { return path + ":" + std::to_string(r.line); }

}  // namespace

const char* FundCode(Fund f) { return kFundCodes[static_cast<int>(f)]; }
const char* FundNameVi(Fund f) { return kFundNamesVi[static_cast<int>(f)]; }
const char* PartyCode(Party p) { return kPartyCodes[static_cast<int>(p)]; }
const char* PartyNameVi(Party p) { return kPartyNamesVi[static_cast<int>(p)]; }

Result<Fund> ParseFund(std::string_view code) {
  for (int i = 0; i < kFundCount; ++i)
    if (code == kFundCodes[i]) return static_cast<Fund>(i);
  return Status::Invalid("fund", "Quỹ không hợp lệ: \"" + std::string(code) + "\"",
                         "unknown fund \"" + std::string(code) + "\"");
}

Result<Party> ParseParty(std::string_view code) {
  for (int i = 0; i < kPartyCount; ++i)
    if (code == kPartyCodes[i]) return static_cast<Party>(i);
  return Status::Invalid("party", "Bên đóng không hợp lệ: \"" + std::string(code) + "\"",
                         "unknown party \"" + std::string(code) + "\"");
}

Result<LawBook> LawBook::Load(const std::string& dir) {
  LawBook b;
  std::vector<int> c;
  BHXH_ASSIGN_OR_RETURN(b.params_, ParamTable::LoadFile(dir + "/parameters.csv"));
  {
    std::string path = dir + "/schemes.csv";
    BHXH_ASSIGN_OR_RETURN(CsvTable t, Open(path, {"scheme", "effective_from", "base", "floor", "description_vi"}, c));
    for (const auto& r : t.rows) {
      SchemeRule s;
      s.scheme = r.cells[c[0]];
      BHXH_ASSIGN_OR_RETURN(s.effective_from, Date::Parse(r.cells[c[1]], Where(path, r)));
      s.base = r.cells[c[2]];
      s.floor = r.cells[c[3]];
      s.description_vi = r.cells[c[4]];
      if (s.base != "salary" && s.base != "reference_level")
        return Status::Invalid(Where(path, r), "Cơ sở tính không hợp lệ", "base must be salary or reference_level");
      if (s.floor != "region_min_wage" && s.floor != "reference_level" && s.floor != "rural_poverty_line" &&
          s.floor != "none")
        return Status::Invalid(Where(path, r), "Mức sàn không hợp lệ", "unknown floor rule");
      b.schemes_[s.scheme].push_back(std::move(s));
    }
    SortByDate(b.schemes_);
  }
  {
    std::string path = dir + "/contribution_rates.csv";
    BHXH_ASSIGN_OR_RETURN(
        CsvTable t, Open(path, {"effective_from", "scheme", "fund", "party", "rate_percent", "law", "source"}, c));
    for (const auto& r : t.rows) {
      RateRow x;
      std::string w = Where(path, r);
      BHXH_ASSIGN_OR_RETURN(x.effective_from, Date::Parse(r.cells[c[0]], w));
      x.scheme = r.cells[c[1]];
      if (!b.schemes_.count(x.scheme))
        return Status::Invalid(w, "Chế độ đóng chưa khai báo: " + x.scheme, "unknown scheme " + x.scheme);
      auto f = ParseFund(r.cells[c[2]]);
      if (!f.ok()) return f.status().WithFieldPrefix(w + ".");
      auto p = ParseParty(r.cells[c[3]]);
      if (!p.ok()) return p.status().WithFieldPrefix(w + ".");
      BHXH_ASSIGN_OR_RETURN(x.rate, ParsePercent(r.cells[c[4]], w));
      x.fund = *f;
      x.party = *p;
      x.law = r.cells[c[5]];
      x.source = r.cells[c[6]];
      b.rates_.push_back(std::move(x));
    }
    std::stable_sort(b.rates_.begin(), b.rates_.end(),
                     [](const RateRow& a, const RateRow& z) { return a.effective_from < z.effective_from; });
  }
  {
    std::string path = dir + "/groups.csv";
    BHXH_ASSIGN_OR_RETURN(CsvTable t, Open(path, {"group", "effective_from", "scheme", "hi_level", "name_vi"}, c));
    for (const auto& r : t.rows) {
      GroupRule g;
      std::string w = Where(path, r);
      g.group = r.cells[c[0]];
      BHXH_ASSIGN_OR_RETURN(g.effective_from, Date::Parse(r.cells[c[1]], w));
      g.scheme = r.cells[c[2]];
      if (!g.scheme.empty() && !b.schemes_.count(g.scheme))
        return Status::Invalid(w, "Chế độ đóng chưa khai báo: " + g.scheme, "unknown scheme " + g.scheme);
      const std::string& lv = r.cells[c[3]];
      if (!lv.empty()) {
        if (lv.size() != 1 || lv[0] < '1' || lv[0] > '5')
          return Status::Invalid(w, "Mức hưởng phải từ 1 đến 5", "hi_level must be 1..5");
        g.hi_level = lv[0] - '0';
      }
      g.name_vi = r.cells[c[4]];
      b.groups_[g.group].push_back(std::move(g));
    }
    SortByDate(b.groups_);
  }
  {
    std::string path = dir + "/hi_levels.csv";
    BHXH_ASSIGN_OR_RETURN(CsvTable t, Open(path, {"level", "effective_from", "percent", "description_vi"}, c));
    for (const auto& r : t.rows) {
      HiLevel h;
      std::string w = Where(path, r);
      BHXH_ASSIGN_OR_RETURN(h.level, ParseInt32(r.cells[c[0]], w + " level", 1, 9));
      BHXH_ASSIGN_OR_RETURN(h.effective_from, Date::Parse(r.cells[c[1]], w));
      BHXH_ASSIGN_OR_RETURN(h.percent, ParsePercent(r.cells[c[2]], w));
      h.description_vi = r.cells[c[3]];
      b.levels_[h.level].push_back(std::move(h));
    }
    for (auto& [k, v] : b.levels_)
      std::stable_sort(v.begin(), v.end(),
                       [](const HiLevel& a, const HiLevel& z) { return a.effective_from < z.effective_from; });
  }
  {
    std::string path = dir + "/plan_codes.csv";
    BHXH_ASSIGN_OR_RETURN(CsvTable t, Open(path, {"code", "effective_from", "action", "name_vi", "law"}, c));
    for (const auto& r : t.rows) {
      PlanCode p;
      std::string w = Where(path, r);
      p.code = r.cells[c[0]];
      BHXH_ASSIGN_OR_RETURN(p.effective_from, Date::Parse(r.cells[c[1]], w));
      p.action = r.cells[c[2]];
      if (p.action != "join" && p.action != "leave" && p.action != "suspend" && p.action != "resume" && p.action != "salary")
        return Status::Invalid(w, "action phải là join, leave, suspend, resume hoặc salary",
                               "action must be join, leave, suspend, resume or salary");
      p.name_vi = r.cells[c[3]];
      p.law = r.cells[c[4]];
      b.plans_[p.code].push_back(std::move(p));
    }
    SortByDate(b.plans_);
  }
  return b;
}

Result<PlanCode> LawBook::Plan(const std::string& code, Date d) const {
  auto it = plans_.find(code);
  const PlanCode* p = it == plans_.end() ? nullptr : InForceAt(it->second, d);
  if (!p)
    return Status::Invalid("plan", "Mã phương án không hợp lệ: \"" + code + "\" (TM, TD, TC, GH, KL, OF, TS, ON, DC)",
                           "unknown D02-LT change code \"" + code + "\"");
  return *p;
}

Result<LawParam> LawBook::Param(const std::string& key, Date d) const { return params_.Param(key, d); }
Result<Vnd> LawBook::Amount(const std::string& key, Date d) const { return params_.Amount(key, d); }
Result<RateMicro> LawBook::Percent(const std::string& key, Date d) const { return params_.Percent(key, d); }
Result<int64_t> LawBook::Integer(const std::string& key, Date d) const { return params_.Integer(key, d); }
std::vector<LawParam> LawBook::InForce(Date d) const { return params_.InForce(d); }
std::vector<LawParam> LawBook::History(const std::string& key) const { return params_.History(key); }

Result<SchemeRule> LawBook::Scheme(const std::string& scheme, Date d) const {
  auto it = schemes_.find(scheme);
  const SchemeRule* s = it == schemes_.end() ? nullptr : InForceAt(it->second, d);
  if (!s)
    return Status::NotFound("scheme", "Không có chế độ đóng \"" + scheme + "\"",
                            "no scheme \"" + scheme + "\" in force on " + d.ToString());
  return *s;
}

Result<GroupRule> LawBook::Group(const std::string& group, Date d) const {
  auto it = groups_.find(group);
  const GroupRule* g = it == groups_.end() ? nullptr : InForceAt(it->second, d);
  if (!g)
    return Status::Invalid("group", "Mã đối tượng tham gia không hợp lệ: \"" + group + "\"",
                           "unknown participant group \"" + group + "\" on " + d.ToString());
  return *g;
}

Result<HiLevel> LawBook::Level(int level, Date d) const {
  auto it = levels_.find(level);
  const HiLevel* h = it == levels_.end() ? nullptr : InForceAt(it->second, d);
  if (!h)
    return Status::Invalid("level", "Mức hưởng BHYT không hợp lệ: " + std::to_string(level),
                           "unknown HI benefit level " + std::to_string(level));
  return *h;
}

std::vector<RateRow> LawBook::Rates(const std::string& scheme, Date d) const {
  std::map<std::pair<int, int>, const RateRow*> latest;
  for (const auto& r : rates_) {
    if (r.effective_from > d) break;
    if (r.scheme == scheme) latest[{static_cast<int>(r.fund), static_cast<int>(r.party)}] = &r;
  }
  std::vector<RateRow> out;
  for (const auto& [k, r] : latest) out.push_back(*r);
  return out;
}

std::vector<std::string> LawBook::GroupCodes() const {
  std::vector<std::string> out;
  for (const auto& [k, v] : groups_) out.push_back(k);
  return out;
}

}  // namespace bhxh
