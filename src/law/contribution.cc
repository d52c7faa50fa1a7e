#include "law/contribution.h"

#include <algorithm>

#include "base/text.h"

namespace bhxh {

FundMask FundBit(Fund f) { return static_cast<FundMask>(1u << static_cast<int>(f)); }

Result<FundMask> ParseFundMask(std::string_view text, const std::string& field) {
  static const char* kShort[] = {"HT", "OM", "TN", "BHTN", "BHYT"};
  FundMask m = 0;
  for (const std::string& raw : Split(text, ',')) {
    std::string t = Trim(raw);
    if (t.empty()) continue;
    bool found = false;
    for (int i = 0; i < kFundCount; ++i) {
      if (t == FundCode(static_cast<Fund>(i)) || t == kShort[i]) {
        m |= FundBit(static_cast<Fund>(i));
        found = true;
      }
    }
    if (t == "all") {
      m = kAllFunds;
      found = true;
    }
    if (!found)
      return Status::Invalid(field, "Quỹ không hợp lệ: \"" + t + "\" (HT, OM, TN, BHTN, BHYT)",
                             "unknown fund \"" + t + "\"");
  }
  if (m == 0) return Status::Invalid(field, "Phải có ít nhất một quỹ", "at least one fund is required");
  return m;
}

std::string FundMaskString(FundMask m) {
  std::string s;
  for (int i = 0; i < kFundCount; ++i)
    if (m & (1u << i)) {
      if (!s.empty()) s += ",";
      s += FundCode(static_cast<Fund>(i));
    }
  return s;
}

Result<RateCard> BuildRateCard(const LawBook& law, const std::string& scheme_code, Month month, int region,
                               int household_member) {
  Date d = month.FirstDay();
  RateCard card;
  card.scheme = scheme_code;
  card.month = month;
  card.region = region;
  card.household_member = household_member;
  BHXH_ASSIGN_OR_RETURN(SchemeRule scheme, law.Scheme(scheme_code, d));
  BHXH_ASSIGN_OR_RETURN(LawParam si_law, law.Param("si_law", d));
  card.law = si_law.value;
  card.params.push_back(si_law);
  BHXH_ASSIGN_OR_RETURN(LawParam ref, law.Param("reference_level", d));
  card.params.push_back(ref);
  BHXH_ASSIGN_OR_RETURN(card.reference_level, ParseVnd(ref.value, "reference_level"));
  card.base_is_reference_level = scheme.base == "reference_level";
  card.floor_rule = scheme.floor;
  card.rates = law.Rates(scheme_code, d);
  if (card.rates.empty())
    return Status::NotFound("scheme", "Chưa có tỷ lệ đóng cho " + scheme_code + " tháng " + month.ToVi(),
                            "no rates for scheme " + scheme_code + " in " + month.ToString());

  Vnd region_min = 0;
  auto load_region = [&]() -> Status {
    if (region < 1 || region > 4)
      return Status::Invalid("region", "Vùng lương tối thiểu phải là 1, 2, 3 hoặc 4",
                             "wage region must be 1, 2, 3 or 4");
    BHXH_ASSIGN_OR_RETURN(LawParam p, law.Param("region_min_wage." + std::to_string(region), d));
    card.params.push_back(p);
    BHXH_ASSIGN_OR_RETURN(region_min, ParseVnd(p.value, p.key));
    return Status::Ok();
  };
  Vnd floor = 0;
  if (scheme.floor == "region_min_wage") {
    BHXH_RETURN_IF_ERROR(load_region());
    floor = region_min;
  } else if (scheme.floor == "reference_level") {
    floor = card.reference_level;
  } else if (scheme.floor == "rural_poverty_line") {
    BHXH_ASSIGN_OR_RETURN(LawParam p, law.Param("rural_poverty_line", d));
    card.params.push_back(p);
    BHXH_ASSIGN_OR_RETURN(floor, ParseVnd(p.value, p.key));
  }

  card.reference_base = card.reference_level;
  if (scheme_code == "household_hi") {
    if (household_member < 1)
      return Status::Invalid("household_member", "BHYT hộ gia đình cần thứ tự thành viên (1, 2, 3, ...)",
                             "household HI needs the member's order (1, 2, 3, ...)");
    int k = std::min(household_member, 5);
    BHXH_ASSIGN_OR_RETURN(LawParam p, law.Param("hi_household_factor." + std::to_string(k), d));
    card.params.push_back(p);
    BHXH_ASSIGN_OR_RETURN(RateMicro f, ParsePercent(p.value, p.key));
    // The factor scales the first member's contribution; applying it to the
    // base keeps the per-fund rate as published (4.5%).
    card.reference_base = ApplyRate(card.reference_level, f);
  }

  auto cap_of = [&](const char* key, Vnd unit) -> Result<Vnd> {
    BHXH_ASSIGN_OR_RETURN(LawParam p, law.Param(key, d));
    card.params.push_back(p);
    BHXH_ASSIGN_OR_RETURN(int64_t mult, law.Integer(key, d));
    return mult * unit;
  };
  for (const RateRow& r : card.rates) {
    FundTerms& t = card.funds[static_cast<int>(r.fund)];
    t.present = true;
    t.rate[static_cast<int>(r.party)] = r.rate;
    card.scheme_funds |= FundBit(r.fund);
  }
  for (int i = 0; i < kFundCount; ++i) {
    FundTerms& t = card.funds[i];
    if (!t.present || card.base_is_reference_level) continue;
    t.floor = floor;
    Fund f = static_cast<Fund>(i);
    if (f == Fund::kUnemployment) {
      if (scheme.floor == "region_min_wage") {
        BHXH_ASSIGN_OR_RETURN(t.cap, cap_of("cap_multiple.ui", region_min));
      } else {
        BHXH_ASSIGN_OR_RETURN(t.cap, cap_of("cap_multiple.ui", card.reference_level));
      }
    } else if (f == Fund::kHealth) {
      BHXH_ASSIGN_OR_RETURN(t.cap, cap_of("cap_multiple.hi", card.reference_level));
    } else {
      BHXH_ASSIGN_OR_RETURN(t.cap, cap_of("cap_multiple.si", card.reference_level));
    }
  }
  // Caps are read once per fund; cite each row once.
  std::vector<LawParam> uniq;
  for (const auto& p : card.params) CiteOnce(uniq, p);
  card.params = std::move(uniq);
  card.rule_vi = card.base_is_reference_level
                     ? "Số phải đóng = mức tham chiếu (lương cơ sở)" +
                           std::string(household_member > 0 ? " × hệ số thành viên hộ" : "") + " × tỷ lệ đóng"
                     : "Số phải đóng = min(max(tiền lương, mức sàn), mức trần) × tỷ lệ đóng";
  return card;
}

Breakdown ApplyCard(const RateCard& card, Vnd salary, FundMask mask) {
  Breakdown b;
  for (int i = 0; i < kFundCount; ++i) {
    FundLine& l = b.lines[i];
    l.fund = static_cast<Fund>(i);
    const FundTerms& t = card.funds[i];
    if (!t.present || !(mask & (1u << i))) continue;
    l.covered = true;
    Vnd base = card.base_is_reference_level ? card.reference_base : salary;
    if (t.floor && base < t.floor) {
      base = t.floor;
      l.floor_applied = true;
    }
    if (t.cap && base > t.cap) {
      base = t.cap;
      l.cap_applied = true;
    }
    l.base = base;
    for (int p = 0; p < kPartyCount; ++p) {
      if (!t.rate[p]) continue;
      l.amount[p] = ApplyRate(base, t.rate[p]);
      b.party_total[p] += l.amount[p];
      b.total += l.amount[p];
    }
  }
  return b;
}

Result<CalcResult> CalculateContribution(const LawBook& law, const CalcRequest& req) {
  CalcResult r;
  r.request = req;
  if (req.salary < 0) return Status::Invalid("salary", "Tiền lương không được âm", "salary must not be negative");
  if (req.salary > 100'000'000'000LL)
    return Status::Invalid("salary", "Tiền lương vượt quá giới hạn hợp lý (100 tỷ đồng)",
                           "salary above the sanity limit (100 billion VND)");
  BHXH_ASSIGN_OR_RETURN(r.group, law.Group(req.group, req.month.FirstDay()));
  if (r.group.scheme.empty())
    return Status::Invalid("group", "Đối tượng " + req.group + " không thuộc diện tính mức đóng tại đây",
                           "group " + req.group + " has no contribution scheme here");
  BHXH_ASSIGN_OR_RETURN(r.card, BuildRateCard(law, r.group.scheme, req.month, req.region, req.household_member));
  if (!r.card.base_is_reference_level && req.salary == 0)
    return Status::Invalid("salary", "Cần tiền lương đóng BHXH (lớn hơn 0)",
                           "a contribution salary greater than 0 is required");
  r.breakdown = ApplyCard(r.card, req.salary, req.funds);
  return r;
}

}  // namespace bhxh
