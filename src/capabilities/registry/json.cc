#include "registry/json.h"

namespace bhxh {

namespace schemas {
Schema Sex() {
  return S::OneOf({"male", "female", "1", "2", "3", "nam", "nữ"})
      .Describe("Giới tính: male/nam/1, female/nữ/2, 3 chưa xác định / sex");
}
Schema PartialDob() {
  return Schema::String()
      .Pattern("\\d{4}(-\\d{2}(-\\d{2})?)?", "YYYY, YYYY-MM hoặc YYYY-MM-DD", "YYYY, YYYY-MM or YYYY-MM-DD")
      .Example("1985-03-12");
}
Schema PersonInput() {
  return Schema::Object({Req("cccd", S::Cccd()), Opt("si_number", S::SiNumber()),
                         Req("full_name", S::Text(100).Length(1, 100)), Req("dob", PartialDob()), Req("sex", Sex()),
                         Opt("province", S::ProvinceCode()), Opt("commune", S::Text(10)),
                         Opt("deceased_on", S::Date())})
      .Named("PersonInput");
}
Schema Person() {
  return Schema::Object({Req("cccd", S::Cccd()), Req("si_number", Schema::String()), Req("full_name", Schema::String()),
                         Req("dob", Schema::String()), Req("sex", S::OneOf({"1", "2", "3"})),
                         Req("province", Schema::String()), Req("commune", Schema::String()),
                         Req("deceased_on", S::Date().Nullable()), Opt("cards", Schema::Array(Card()))})
      .Named("Person");
}
Schema EmployerInput() {
  return Schema::Object(
             {Req("code", S::EmployerCode()),
              Req("tax_code", Schema::String().Pattern("\\d{10}(\\d{3})?", "10 hoặc 13 chữ số", "10 or 13 digits")),
              Req("name", S::Text(255).Length(1, 255)),
              Req("type", S::OneOf({"enterprise", "state_agency", "cooperative", "household_business",
                                    "foreign_organisation", "other"})),
              Req("province", S::ProvinceCode()),
              Req("region", S::Int(1, 4).Describe("Vùng lương tối thiểu / wage region")),
              Opt("status", S::OneOf({"active", "suspended", "dissolved", "bankrupt"})), Opt("status_from", S::Date())})
      .Named("EmployerInput");
}
Schema Employer() {
  return Schema::Object(
             {Req("code", Schema::String()), Req("tax_code", Schema::String()), Req("name", Schema::String()),
              Req("type", Schema::String()), Req("province", Schema::String()), Req("region", S::Int(1, 4)),
              Req("status", S::OneOf({"active", "suspended", "dissolved", "bankrupt"})),
              Req("status_history",
                  Schema::Array(Schema::Object({Req("effective_from", S::Date()), Req("status", Schema::String())})))})
      .Named("Employer");
}
Schema CardInput() {
  return Schema::Object({Req("cccd", S::Cccd()), Req("code", S::CardCode()), Req("valid_from", S::Date()),
                         Req("valid_to", S::Date()), Req("facility", S::FacilityCode()),
                         Opt("five_year_date", S::Date())})
      .Named("CardInput");
}
Schema Card() {
  return Schema::Object({Req("code", Schema::String()), Req("group", Schema::String()), Req("level", S::Int(1, 5)),
                         Req("province", Schema::String()), Req("si_number", Schema::String()),
                         Req("valid_from", S::Date()), Req("valid_to", S::Date()), Req("facility", Schema::String()),
                         Req("status", Schema::String()), Req("five_year_date", S::Date().Nullable()),
                         Opt("decrease_code", Schema::String().Describe(
                                                  "Thẻ đã báo giảm: mã kết quả tra cứu (121–124); valid_to là ngày cuối "
                                                  "còn giá trị / reported decreased: the card check's code")),
                         Opt("valid_to_issued", S::Date().Describe("Hạn in trên thẻ trước khi báo giảm / the end "
                                                                   "printed on the card"))})
      .Named("Card");
}
Schema PeriodInput() {
  return Schema::Object({Req("cccd", S::Cccd()), Req("group", S::Text(10).Length(2, 10)), Req("from_month", S::Month()),
                         Opt("to_month", S::Month()), Opt("salary", S::Money()),
                         Opt("funds", S::Text(60).Describe("Các quỹ, ví dụ HT,TT / funds, e.g. HT,TT"))})
      .Named("PeriodInput");
}
Schema Period() {
  return Schema::Object({Req("id", Schema::Integer()), Req("from", S::Month()), Req("to", S::Month().Nullable()),
                         Req("salary", S::Money()), Req("group", Schema::String()), Req("funds", Schema::String())})
      .Named("Period");
}
}  // namespace schemas

PersonInput PersonInputFromJson(const Json& j) {
  PersonInput p;
  p.cccd = Txt(j, "cccd");
  p.si_number = Txt(j, "si_number");
  p.full_name = Txt(j, "full_name");
  p.dob = Txt(j, "dob");
  p.sex = Txt(j, "sex");
  p.province = Txt(j, "province");
  p.commune = Txt(j, "commune");
  p.deceased_on = Txt(j, "deceased_on");
  return p;
}

EmployerInput EmployerInputFromJson(const Json& j) {
  EmployerInput e;
  e.code = Txt(j, "code");
  e.tax_code = Txt(j, "tax_code");
  e.name = Txt(j, "name");
  e.type = Txt(j, "type");
  e.province = Txt(j, "province");
  e.region = j.value("region", 0);
  if (j.contains("status")) e.status = Txt(j, "status");
  e.status_from = Txt(j, "status_from");
  return e;
}

CardInput CardInputFromJson(const Json& j) {
  return {Txt(j, "cccd"),     Txt(j, "code"),     Txt(j, "valid_from"),
          Txt(j, "valid_to"), Txt(j, "facility"), Txt(j, "five_year_date")};
}

PeriodInput PeriodInputFromJson(const Json& j) {
  return {Txt(j, "cccd"), Txt(j, "group"), Txt(j, "from_month"), Txt(j, "to_month"), Txt(j, "salary"), Txt(j, "funds")};
}

Json ToJson(const Person& p) {
  Json j = {{"cccd", p.cccd},        {"si_number", p.si_number}, {"full_name", p.full_name}, {"dob", p.dob.ToString()},
            {"sex", SexCode(p.sex)}, {"province", p.province},   {"commune", p.commune}};
  j["deceased_on"] = p.deceased_on ? Json(p.deceased_on->ToString()) : Json(nullptr);
  return j;
}

Json ToJson(const Employer& e, Date on) {
  Json h = Json::array();
  for (const auto& s : e.history) h.push_back({{"effective_from", s.effective_from.ToString()}, {"status", s.status}});
  return {{"code", e.code},         {"tax_code", e.tax_code}, {"name", e.name},           {"type", e.type},
          {"province", e.province}, {"region", e.region},     {"status", e.StatusOn(on)}, {"status_history", h}};
}

Json ToJson(const Card& c) {
  Json j = {
      {"code", c.code.ToString()},         {"group", c.code.group},         {"level", c.code.level},
      {"province", c.code.province},       {"si_number", c.code.si_number}, {"valid_from", c.valid_from.ToString()},
      {"valid_to", c.valid_to.ToString()}, {"facility", c.facility},        {"status", c.status}};
  j["five_year_date"] = c.five_year_date ? Json(c.five_year_date->ToString()) : Json(nullptr);
  if (!c.decrease_code.empty()) j["decrease_code"] = c.decrease_code;
  if (c.valid_to_issued) j["valid_to_issued"] = c.valid_to_issued->ToString();
  return j;
}

Json ToJson(const Period& p) {
  Json j = {{"id", p.id},
            {"from", p.from.ToString()},
            {"salary", p.salary},
            {"group", p.group},
            {"funds", FundMaskString(p.funds)}};
  j["to"] = p.to ? Json(p.to->ToString()) : Json(nullptr);
  return j;
}

}  // namespace bhxh
