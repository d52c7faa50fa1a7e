#include "programmes/coverage.h"

#include "base/text.h"
#include "law/contribution.h"

namespace bhxh {
namespace {

enum : uint8_t { kInScope = 1, kHi = 2, kSi = 4, kUi = 8, kVoluntary = 16 };

}  // namespace

Result<CoverageCounts> CountCoverage(Db& db, Date day, const std::vector<std::string>& provinces) {
  std::string in;
  for (const auto& p : provinces) {
    if (p.size() != 2 || !IsDigits(p))
      return Status::Invalid("province", "Mã tỉnh gồm 2 chữ số", "province is 2 digits");
    in += (in.empty() ? "'" : ",'") + p + "'";  // digits only: safe to write inline
  }
  BHXH_ASSIGN_OR_RETURN(int64_t max_id, db.QueryInt("SELECT COALESCE(MAX(id), 0) FROM persons"));
  std::vector<uint8_t> flags(static_cast<size_t>(max_id) + 1, 0);
  std::string d = day.ToString();
  {
    BHXH_ASSIGN_OR_RETURN(
        auto st,
        db.Prepare(
            "SELECT id FROM persons WHERE dob <= ? AND (deceased_on IS NULL OR deceased_on = '' OR deceased_on > ?)" +
            (in.empty() ? std::string() : " AND province IN (" + in + ")")));
    st->Bind(d, d);
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      flags[static_cast<size_t>(st->Int(0))] = kInScope;
    }
  }
  {
    BHXH_ASSIGN_OR_RETURN(
        auto st,
        db.Prepare("SELECT person_id FROM hi_cards WHERE status = 'active' AND valid_from <= ? AND valid_to >= ?"));
    st->Bind(d, d);
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      int64_t id = st->Int(0);
      if (id > 0 && id <= max_id) flags[static_cast<size_t>(id)] |= kHi;
    }
  }
  {
    int64_t month = static_cast<int64_t>(day.year()) * 12 + (Month::OfDate(day).month() - 1);
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT person_id, employer_id IS NULL, funds FROM periods "
                                              "WHERE from_month <= ? AND (to_month IS NULL OR to_month >= ?)"));
    st->Bind(month, month);
    const int64_t si = FundBit(Fund::kRetirement), ui = FundBit(Fund::kUnemployment);
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      int64_t id = st->Int(0);
      if (id <= 0 || id > max_id) continue;
      int64_t funds = st->Int(2);
      uint8_t& f = flags[static_cast<size_t>(id)];
      if (funds & si) f |= st->Int(1) ? (kSi | kVoluntary) : kSi;
      if (funds & ui) f |= kUi;
    }
  }
  CoverageCounts c;
  for (uint8_t f : flags) {
    if (!(f & kInScope)) continue;
    ++c.alive;
    c.hi += (f & kHi) != 0;
    c.si += (f & kSi) != 0;
    c.ui += (f & kUi) != 0;
    c.voluntary += (f & kVoluntary) != 0;
  }
  return c;
}

}  // namespace bhxh
