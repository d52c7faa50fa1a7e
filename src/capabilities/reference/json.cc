#include "reference/json.h"

namespace bhxh {

namespace schemas {
Schema LawParam() {
  return Schema::Object({Req("key", Schema::String()), Req("effective_from", S::Date()), Req("value", Schema::String()),
                         Req("unit", Schema::String()), Req("law", Schema::String()), Req("source", Schema::String()),
                         Opt("note", Schema::String())})
      .Named("LawParam");
}
Schema CalcRequest() {
  return Schema::Object({Req("month", S::Month()), Opt("salary", S::Money()),
                         Opt("region", S::Int(0, 4).Describe("Vùng lương tối thiểu 1-4 (0: không áp dụng)")),
                         Opt("group", S::Text(10).Describe("Đối tượng tham gia (DN, HC, HX, GD, HS, BHXHTN, ...)")),
                         Opt("household_member", S::Int(0, 20).Describe("Thứ tự thành viên hộ gia đình")),
                         Opt("funds", S::Text(60).Describe("Các quỹ, ví dụ HT,OM,TN,BHTN,BHYT"))})
      .Named("ContributionRequest");
}
Schema CalcResult() {
  Schema line =
      Schema::Object({Req("fund", Schema::String()), Req("fund_name", Schema::String()), Req("party", Schema::String()),
                      Req("party_name", Schema::String()), Req("base", S::Money()),
                      Req("rate_percent", Schema::String()), Req("amount", S::Money()), Req("floor", S::Money()),
                      Req("cap", S::Money()), Req("floor_applied", S::Bool()), Req("cap_applied", S::Bool())});
  Schema rate = Schema::Object({Req("fund", Schema::String()), Req("party", Schema::String()),
                                Req("rate_percent", Schema::String()), Req("effective_from", S::Date()),
                                Req("law", Schema::String()), Req("source", Schema::String())});
  return Schema::Object({Req("month", S::Month()), Req("group", Schema::String()), Req("group_name", Schema::String()),
                         Req("scheme", Schema::String()), Req("region", Schema::Integer()), Req("salary", S::Money()),
                         Req("law", Schema::String()), Req("rule", Schema::String()), Req("lines", Schema::Array(line)),
                         Req("totals", Schema::Map(S::Money())), Req("parameters", Schema::Array(LawParam())),
                         Req("rates", Schema::Array(rate))})
      .Named("ContributionResult");
}
}  // namespace schemas

Json ToJson(const LawParam& p) {
  Json j = {{"key", p.key},     {"effective_from", p.effective_from.ToString()},
            {"value", p.value}, {"unit", p.unit},
            {"law", p.law},     {"source", p.source}};
  if (!p.note.empty()) j["note"] = p.note;
  return j;
}

Json ToJson(const CalcResult& r) {
  Json lines = Json::array();
  for (const FundLine& l : r.breakdown.lines) {
    if (!l.covered) continue;
    const FundTerms& t = r.card.funds[static_cast<int>(l.fund)];
    for (int p = 0; p < kPartyCount; ++p) {
      if (!t.rate[p]) continue;
      lines.push_back({{"fund", FundCode(l.fund)},
                       {"fund_name", FundNameVi(l.fund)},
                       {"party", PartyCode(static_cast<Party>(p))},
                       {"party_name", PartyNameVi(static_cast<Party>(p))},
                       {"base", l.base},
                       {"rate_percent", PercentString(t.rate[p])},
                       {"amount", l.amount[p]},
                       {"floor", t.floor},
                       {"cap", t.cap},
                       {"floor_applied", l.floor_applied},
                       {"cap_applied", l.cap_applied}});
    }
  }
  Json totals = Json::object();
  for (int p = 0; p < kPartyCount; ++p)
    if (r.breakdown.party_total[p]) totals[PartyCode(static_cast<Party>(p))] = r.breakdown.party_total[p];
  totals["total"] = r.breakdown.total;
  Json params = Json::array();
  for (const auto& p : r.card.params) params.push_back(ToJson(p));
  Json rates = Json::array();
  for (const auto& x : r.card.rates)
    rates.push_back({{"fund", FundCode(x.fund)},
                     {"party", PartyCode(x.party)},
                     {"rate_percent", PercentString(x.rate)},
                     {"effective_from", x.effective_from.ToString()},
                     {"law", x.law},
                     {"source", x.source}});
  return {{"month", r.request.month.ToString()},
          {"group", r.group.group},
          {"group_name", r.group.name_vi},
          {"scheme", r.card.scheme},
          {"region", r.request.region},
          {"salary", r.request.salary},
          {"law", r.card.law},
          {"rule", r.card.rule_vi},
          {"lines", lines},
          {"totals", totals},
          {"parameters", params},
          {"rates", rates}};
}

Result<CalcRequest> CalcRequestFromJson(const Json& j) {
  CalcRequest r;
  BHXH_ASSIGN_OR_RETURN(r.month, Month::Parse(Txt(j, "month"), "month"));
  r.salary = j.value("salary", int64_t{0});
  r.region = j.value("region", 0);
  r.group = j.contains("group") ? Txt(j, "group") : "DN";
  r.household_member = j.value("household_member", 0);
  if (j.contains("funds") && !Txt(j, "funds").empty()) {
    BHXH_ASSIGN_OR_RETURN(r.funds, ParseFundMask(Txt(j, "funds"), "funds"));
  }
  return r;
}

}  // namespace bhxh
