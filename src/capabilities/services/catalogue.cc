#include "services/catalogue.h"

#include <algorithm>

#include "base/csv.h"
#include "base/parse.h"
#include "base/text.h"

namespace bhxh {

namespace {

std::vector<std::string> SplitBar(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i <= s.size() && !s.empty()) {
    size_t j = s.find('|', i);
    if (j == std::string::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

}  // namespace

bool Procedure::MayFile(const std::string& filer_kind) const {
  return std::find(filers.begin(), filers.end(), filer_kind) != filers.end();
}

Result<ServicesData> ServicesData::Load(const std::string& dir) {
  ServicesData d;
  BHXH_ASSIGN_OR_RETURN(d.params_, ParamTable::LoadFile(dir + "/parameters.csv"));
  BHXH_ASSIGN_OR_RETURN(int64_t first, d.params_.Integer("calendar.first_year", Date::FromYmd(2025, 12, 31)));
  BHXH_ASSIGN_OR_RETURN(int64_t last, d.params_.Integer("calendar.last_year", Date::FromYmd(2025, 12, 31)));
  BHXH_ASSIGN_OR_RETURN(d.calendar_, WorkCalendar::LoadFile(dir + "/calendar.csv", static_cast<int>(first), static_cast<int>(last)));
  std::string path = dir + "/procedures.csv";
  BHXH_ASSIGN_OR_RETURN(CsvTable t, ReadCsvFile(path));
  const char* need[] = {"code", "name", "group", "forms", "deadline", "deadline_unit", "article", "filers",
                        "fully_online", "action", "regime", "cutoff", "valid_from", "source", "note"};
  std::vector<int> col;
  for (const char* n : need) {
    col.push_back(t.Column(n));
    if (col.back() < 0) return Status::Invalid(path, std::string("Thiếu cột ") + n, std::string("missing column ") + n);
  }
  for (const auto& r : t.rows) {
    std::string where = path + ":" + std::to_string(r.line);
    auto c = [&](int i) { return Trim(r.cells[col[i]]); };
    Procedure p;
    p.code = c(0);
    p.name = c(1);
    p.group = c(2);
    p.forms = SplitBar(c(3));
    auto dl = ParseInt(c(4), where, 0, 365);
    if (!dl.ok()) return dl.status();
    p.deadline = static_cast<int>(*dl);
    p.deadline_unit = c(5);
    p.article = c(6);
    p.filers = SplitBar(c(7));
    p.fully_online = c(8) == "yes";
    p.action = c(9);
    p.regime = c(10);
    p.cutoff = c(11);
    auto vf = Date::Parse(c(12), where);
    if (!vf.ok()) return vf.status();
    p.valid_from = *vf;
    p.source = c(13);
    p.note = c(14);
    if (p.code.empty() || p.name.empty()) return Status::Invalid(where, "Thiếu mã hoặc tên thủ tục", "code and name are required");
    if (d.Find(p.code)) return Status::Invalid(where, "Mã thủ tục " + p.code + " trùng", "duplicate procedure code");
    static const std::vector<std::string> kGroups = {"collection", "book_card", "si_benefits", "hi", "payment"};
    if (std::find(kGroups.begin(), kGroups.end(), p.group) == kGroups.end())
      return Status::Invalid(where, "Nhóm thủ tục không hợp lệ: " + p.group, "group must be collection, book_card, si_benefits, hi or payment");
    if (p.deadline_unit != "working_days" && p.deadline_unit != "days_excl_holidays" && p.deadline_unit != "days")
      return Status::Invalid(where, "Đơn vị thời hạn không hợp lệ: " + p.deadline_unit,
                             "deadline_unit must be working_days, days_excl_holidays or days");
    if (p.filers.empty()) return Status::Invalid(where, "Cần ít nhất một đối tượng nộp hồ sơ", "at least one filer kind");
    for (const auto& f : p.filers)
      if (f != "citizen" && f != "employer" && f != "facility")
        return Status::Invalid(where, "Đối tượng nộp không hợp lệ: " + f, "filers are citizen, employer or facility");
    static const std::vector<std::string> kActions = {"declaration", "hi_card_reissue", "hi_card_exchange", "benefit_case",
                                                      "voluntary_registration", "registered_info_correction", "none"};
    if (std::find(kActions.begin(), kActions.end(), p.action) == kActions.end())
      return Status::Invalid(where, "Tác vụ không hợp lệ: " + p.action, "unknown action");
    if ((p.action == "benefit_case") != !p.regime.empty())
      return Status::Invalid(where, "Chỉ thủ tục benefit_case có chế độ (regime)", "regime goes with benefit_case only");
    if (!p.cutoff.empty()) {
      auto cut = ParseClock(p.cutoff, where);
      if (!cut.ok()) return cut.status();
    }
    d.procedures_.push_back(std::move(p));
  }
  return d;
}

const Procedure* ServicesData::Find(const std::string& code) const {
  for (const auto& p : procedures_)
    if (p.code == code) return &p;
  return nullptr;
}

}  // namespace bhxh
