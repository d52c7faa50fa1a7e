#include "benefits/json.h"

#include <cmath>

#include "base/parse.h"
#include "reference/json.h"

namespace bhxh {

namespace schemas {

Schema BenefitRequest() {
  Schema history = Schema::Object({
      Req("from", S::Month()),
      Req("to", S::Month()),
      Opt("salary", S::Money().Describe("Tiền lương tháng đóng BHXH / monthly contribution salary")),
      Opt("salary_coefficient",
          Schema::Number().RangeD(0.01, 100).Describe("Hệ số lương theo thang bảng lương Nhà nước / State pay coefficient")),
      Opt("allowances_pct", Schema::Map(Schema::Number().RangeD(0, 1000))
                                .Describe("Phụ cấp theo % (thâm niên vượt khung, thâm niên nghề ...) / allowances in %")),
      Opt("scheme", S::OneOf({"compulsory", "voluntary"})),
      Opt("pay_scale", S::OneOf({"employer", "state"})),
      Opt("work", S::OneOf({"normal", "heavy", "especially_heavy", "underground_coal"})),
      Opt("area_coefficient", Schema::Number().RangeD(0, 2)),
      Opt("unemployment_insurance", S::Bool()),
      Opt("source", S::Text(200)),
  });
  // A birth date as papers give it: the year, the month, or the day.
  const Schema birth_date = S::Text(10).Pattern(R"(\d{4}(-\d{2}(-\d{2})?)?)", "YYYY, YYYY-MM hoặc YYYY-MM-DD",
                                                "YYYY, YYYY-MM or YYYY-MM-DD");
  Schema relative = Schema::Object({
      Req("relation", S::OneOf({"child", "spouse", "parent", "parent_in_law", "other"})
                          .Describe("Quan hệ với người chết: con, vợ/chồng, cha mẹ đẻ, cha mẹ vợ/chồng, thành viên "
                                    "khác đang phải nuôi dưỡng / relation to the deceased")),
      Opt("sex", S::OneOf({"male", "female"})),
      Req("birth_date", birth_date),
      Opt("capacity_loss_pct", S::Int(0, 100)),
      Opt("monthly_income", S::Money().Describe("Thu nhập hằng tháng (Luật 58/2014 Điều 67.3) / monthly income")),
      Opt("salaried_insured", S::Bool().Describe("Đang hưởng tiền lương và tham gia BHXH bắt buộc (Luật 41/2024 "
                                                 "Điều 86.3) / salaried under compulsory SI")),
      Opt("monthly_benefit", S::Money().Describe("Lương hưu, trợ cấp hằng tháng đang hưởng / a monthly pension or "
                                                 "allowance being paid")),
      Opt("no_carer", S::Bool().Describe("Không có người trực tiếp nuôi dưỡng (70%) / no direct carer")),
      Opt("other_deaths", S::Int(0, 10).Describe("Số người chết khác mà thân nhân đang hưởng tuất hằng tháng (tối "
                                                 "đa 2 lần mức trợ cấp: Luật 58/2014 Điều 68.2, Luật 41/2024 Điều "
                                                 "87.2) / other deceased whose monthly survivor benefit the "
                                                 "relative is paid")),
      Opt("name", S::Text(100)),
  });
  Schema facts =
      Schema::Object({
                         Opt("days", S::Int(0, 366)),
                         Opt("days_used_this_year", S::Int(0, 366)),
                         Opt("half_days", S::Int(0, 366)),
                         Opt("children", S::Int(1, 10)),
                         Opt("child_age_months", S::Int(0, 240)),
                         Opt("capacity_loss_pct", S::Int(0, 100)),
                         Opt("rest_ordered_before_birth", S::Bool()),
                         Opt("infertility_treatment", S::Bool()),
                         Opt("disadvantaged_area", S::Bool()),
                         Opt("long_term", S::Bool()),
                         Opt("surgery", S::Bool()),
                         Opt("pregnancy_weeks", S::Int(0, 45)),
                         Opt("visit_far_or_abnormal", S::Bool()),
                         Opt("mother_leave_months_used", S::Int(0, 24)),
                         Opt("child_died_on", S::Date()),
                         Opt("children_died", S::Int(1, 10).Describe("Sinh từ hai con: số con đã chết / of a "
                                                                     "multiple birth, how many died")),
                         Opt("handover_date", S::Date()),
                         Opt("leave_start", S::Date()),
                         Opt("surrogate_eligible", S::Bool()),
                         Opt("contraception_method", S::OneOf({"iud", "sterilisation"})),
                         Opt("kind", S::Text(40)),
                         Opt("reason", S::Text(60)),
                         Opt("pension_months_received", S::Int(0, 1200)),
                         Opt("monthly_pension", S::Money()),
                         Opt("monthly_benefit", S::Money()),
                         Opt("average_salary", S::Money()),
                         Opt("previous_month_salary", S::Money()),
                         Opt("dependants", S::Int(0, 20)),
                         Opt("dependants_without_carer", S::Int(0, 20)),
                         Opt("relatives", Schema::Array(relative).Items(1, 20).Describe(
                                              "Thân nhân của người chết, để xét ai hưởng tuất hằng tháng "
                                              "(thay cho dependants) / the family, for the engine to decide")),
                         Opt("pensioner", S::Bool()),
                         Opt("accident_death", S::Bool()),
                         Opt("occupational_allowance",
                             S::Money().Describe("Trợ cấp TNLĐ-BNN hằng tháng người chết đang hưởng (đã nghỉ việc) / "
                                                 "the monthly occupational allowance the deceased drew")),
                         Opt("one_time_taken", S::Bool().Describe("Người chết đã hưởng BHXH một lần (Luật 41/2024 "
                                                                  "Điều 89.3) / had taken the one-time SI")),
                         Opt("poor_household", S::Bool()),
                         Opt("receives_pension", S::Bool()),
                         Opt("mother_insured", S::Bool()),
                         Opt("mother_eligible",
                             S::Bool().Describe("Mẹ đủ điều kiện hưởng chế độ thai sản khi sinh con (false: cha được "
                                                "trợ cấp một lần) / the mother qualifies for the maternity benefit")),
                         Opt("region", S::Int(1, 4)),
                         Opt("state_support_received", S::Money()),
                         Opt("allowance_months", S::Int(1, 1200)),
                         Opt("ui_months_used", S::Int(0, 1200)),
                         Opt("first_joined", S::Month()),
                     })
          .Open()
          .Describe("Dữ kiện của hồ sơ; trường không dùng được báo lại trong warnings / facts of the case");
  return Schema::Object({
                            Req("regime", S::OneOf(RegimeCodes())),
                            Req("event_date", S::Date()),
                            Req("person", Schema::Object({Req("sex", S::OneOf({"male", "female"})), Req("birth_date", birth_date)})),
                            Opt("history", Schema::Array(history).Items(0, 200)),
                            Opt("facts", facts),
                            Opt("revaluation",
                                Schema::Array(Schema::Object({
                                                  Req("contribution_year", S::Int(kRevaluationFirstRow, 2100)),
                                                  Req("coefficient", Schema::Number().RangeD(0.01, 100)),
                                                  Opt("scheme", S::OneOf({"compulsory", "voluntary"})),
                                              }))
                                    .Items(1, 200)
                                    .Describe("Hệ số điều chỉnh tiền lương đã đóng của thông tư năm sự kiện, chỉ dùng "
                                              "khi dữ liệu chưa có bảng năm đó (1994 = các năm trước 1995) / "
                                              "revaluation coefficients of the event year's circular, used only while "
                                              "the data has no table for that year")),
                        })
      .Named("BenefitRequest");
}

Schema BenefitResult() {
  Schema step = Schema::Object({Req("code", Schema::String()), Req("text", Schema::String()),
                                Req("text_en", Schema::String()), Req("law", Schema::String()),
                                Req("params", Schema::Array(LawParam()))})
                    .Named("BenefitStep");
  Schema amount =
      Schema::Object(
          {Req("kind", Schema::String()), Req("label", Schema::String()), Req("amount", S::Money()),
           Req("monthly", S::Bool()), Opt("from", S::Month()),
           Opt("months", Schema::Integer().Describe("Số tháng hưởng; không có: hưởng đến khi hết điều kiện / months "
                                                    "paid; absent: while entitled"))})
          .Named("BenefitAmount");
  return Schema::Object(
             {
                 Req("regime", S::OneOf(RegimeCodes())),
                 Req("regime_name", Schema::String()),
                 Req("kind", Schema::String()),
                 Req("law", Schema::String()),
                 Req("event_date", S::Date()),
                 Req("eligible", S::Bool()),
                 Req("reasons", Schema::Array(Schema::String())),
                 Req("reasons_en", Schema::Array(Schema::String())),
                 Req("amounts", Schema::Array(amount)),
                 Req("monthly_total",
                     S::Money().Describe(
                         "Số tiền hằng tháng của tháng đầu tiên hưởng (chế độ trả theo từng giai đoạn: giai đoạn "
                         "đầu) / the first month's monthly amount (a benefit paid in stretches: the first)")),
                 Req("lump_sum_total", S::Money()),
                 Req("contribution_months", Schema::Integer()),
                 Req("average_salary", S::Money()),
                 Opt("rate_percent", Schema::String()),
                 Req("steps", Schema::Array(step)),
                 Req("warnings", Schema::Array(Schema::String())),
             })
      .Named("BenefitResult");
}


Schema CaseInput() {
  return Schema::Object({
                            Req("cccd", S::Cccd()),
                            Req("request", Schema::Object({Req("regime", S::OneOf(RegimeCodes())), Req("event_date", S::Date()),
                                                           Opt("facts", Schema::Object({}).Open()),
                                                           Opt("prior_history", Schema::Array(Schema::Object({}).Open()))})
                                               .Describe("Như yêu cầu của máy tính, không có person/history; quá trình "
                                                         "trước khi có dữ liệu ghi ở prior_history")),
                            Opt("payee", S::Text(200)),
                            Opt("bank", S::Text(100)),
                            Opt("bank_account", S::Text(20)),
                            Opt("cash_point", S::Text(200)),
                            Opt("supersedes", Schema::Integer().Describe("Hồ sơ được điều chỉnh / the case corrected")),
                        })
      .Named("BenefitCaseInput");
}

Schema RecordRequest() {
  return Schema::Object({
                            Req("request", BenefitRequest()),
                            Req("full_name", Schema::String()),
                            Req("counted_through",
                                S::Month().Describe("Dữ liệu tính đến hết tháng này / the record runs through this month")),
                            Req("excluded", Schema::Array(Schema::String())
                                                .Describe("Tháng không được tính và lý do / months not counted, why")),
                            Req("continued", S::Bool().Describe("Có dòng giả định tiếp tục đóng / an assumed item was added")),
                        })
      .Named("BenefitRecordRequest");
}

Schema Case() {
  return Schema::Object({
                            Req("id", Schema::Integer()), Req("version", Schema::Integer()),
                            Opt("supersedes", Schema::Integer()), Req("cccd", S::Cccd()), Req("full_name", Schema::String()),
                            Req("province", Schema::String()), Req("regime", Schema::String()),
                            Req("regime_name", Schema::String()), Req("event_date", S::Date()),
                            Req("status", S::OneOf({"prepared", "approved", "rejected", "superseded"})),
                            Req("eligible", S::Bool()), Req("monthly", S::Money()), Req("lump_sum", S::Money()),
                            Opt("result", BenefitResult()), Req("excluded", Schema::Array(Schema::String())),
                            Req("checks", Schema::Array(Schema::String())), Req("payee", Schema::String()),
                            Req("bank", Schema::String()), Req("bank_account", Schema::String()),
                            Req("cash_point", Schema::String()), Req("prepared_by", Schema::String()),
                            Req("prepared_at", Schema::String()), Opt("decided_by", Schema::String()),
                            Opt("decided_at", Schema::String()), Opt("note", Schema::String()), Opt("replayed", S::Bool()),
                        })
      .Named("BenefitCase");
}

Schema Beneficiary() {
  return Schema::Object({Req("id", Schema::Integer()), Req("case_id", Schema::Integer()), Req("cccd", S::Cccd()),
                         Req("full_name", Schema::String()), Req("province", Schema::String()),
                         Req("regime", Schema::String()), Req("regime_name", Schema::String()),
                         Req("monthly", S::Money()), Req("start", S::Month()), Opt("end", S::Month()),
                         Req("payee", Schema::String()), Req("bank", Schema::String()),
                         Req("bank_account", Schema::String()), Req("cash_point", Schema::String()),
                         Req("status", S::OneOf({"active", "stopped"})), Req("stop_reason", Schema::String())})
      .Named("Beneficiary");
}

Schema Payroll() {
  Schema prov = Schema::Object({Req("province", Schema::String()), Req("paid", Schema::Integer()),
                                Req("cashless", Schema::Integer()), Req("amount", S::Money()),
                                Req("cashless_amount", S::Money()), Req("cashless_pct", Schema::Number()),
                                Req("urban", Schema::Integer()), Req("urban_cashless", Schema::Integer())});
  Schema finding = Schema::Object({Req("rule", Schema::String()), Req("rule_name", Schema::String()),
                                   Req("beneficiary_id", Schema::Integer()), Req("cccd", S::Cccd()),
                                   Req("amount", S::Money()), Req("withheld", S::Bool()), Req("detail", Schema::String())});
  return Schema::Object({Req("month", S::Month()), Req("active", Schema::Integer()), Req("paid", Schema::Integer()),
                         Req("withheld", Schema::Integer()), Req("indexed", Schema::Integer()), Req("total", S::Money()),
                         Req("back_paid", Schema::Integer()), Req("back_pay", S::Money()),
                         Req("by_fund", Schema::Object({}).Open()), Req("provinces", Schema::Array(prov)),
                         Req("findings", Schema::Array(finding)), Req("findings_total", Schema::Integer()),
                         Req("load_seconds", Schema::Number()), Req("compute_seconds", Schema::Number()),
                         Req("write_seconds", Schema::Number()), Req("created_at", Schema::String()),
                         Req("created_by", Schema::String())})
      .Named("Payroll");
}

Schema DeathsResult() {
  return Schema::Object({Req("accepted", S::Bool()), Req("recorded", Schema::Integer()),
                         Req("already", Schema::Integer()), Req("stopped", Schema::Integer()),
                         Req("cases_opened", Schema::Integer()), Req("survivor_cases_opened", Schema::Integer()),
                         Req("overpaid", S::Money()), Req("notes", Schema::Array(Schema::String()))})
      .Named("DeathsResult");
}

}  // namespace schemas

namespace {

// A JSON number to millionths, rounded (6.2 → 6'200'000).
int64_t ToMicro(const Json& v) { return static_cast<int64_t>(std::llround(v.get<double>() * 1e6)); }

template <typename T>
void Get(const Json& f, const char* key, std::optional<T>& out) {
  if (f.contains(key) && !f[key].is_null()) out = f[key].get<T>();
}

}  // namespace

Result<bhxh::BenefitRequest> BenefitRequestFromJson(const Json& j) {
  bhxh::BenefitRequest r;
  BHXH_ASSIGN_OR_RETURN(r.regime, ParseRegime(Txt(j, "regime")));
  BHXH_ASSIGN_OR_RETURN(r.event_date, Date::Parse(Txt(j, "event_date"), "event_date"));
  const Json& p = j["person"];
  r.person.sex = Txt(p, "sex") == "female" ? Sex::kFemale : Sex::kMale;
  BHXH_ASSIGN_OR_RETURN(r.person.birth, PartialDate::Parse(Txt(p, "birth_date"), "person.birth_date"));
  if (j.contains("history")) {
    size_t i = 0;
    for (const auto& h : j["history"]) {
      std::string f = ItemField("history", i++);
      HistoryItem it;
      BHXH_ASSIGN_OR_RETURN(it.from, Month::Parse(Txt(h, "from"), f + ".from"));
      BHXH_ASSIGN_OR_RETURN(it.to, Month::Parse(Txt(h, "to"), f + ".to"));
      if (h.contains("salary")) it.salary = h["salary"].get<int64_t>();
      if (h.contains("salary_coefficient")) it.salary_coefficient = ToMicro(h["salary_coefficient"]);
      if (h.contains("allowances_pct"))
        for (const auto& [k, v] : h["allowances_pct"].items()) it.allowances += ToMicro(v) / 100;
      it.voluntary = Txt(h, "scheme") == "voluntary";
      it.state_pay = Txt(h, "pay_scale") == "state";
      std::string w = Txt(h, "work");
      it.work = w == "heavy"              ? Work::kHeavy
                : w == "especially_heavy" ? Work::kEspeciallyHeavy
                : w == "underground_coal" ? Work::kUndergroundCoal
                                          : Work::kNormal;
      if (h.contains("area_coefficient")) it.area_coefficient = ToMicro(h["area_coefficient"]);
      it.unemployment = h.contains("unemployment_insurance") ? h["unemployment_insurance"].get<bool>() : !it.voluntary;
      it.source = Txt(h, "source");
      r.history.push_back(it);
    }
  }
  if (j.contains("revaluation"))
    for (const auto& g : j["revaluation"])
      r.revaluation.push_back({g["contribution_year"].get<int>(), ToMicro(g["coefficient"]), Txt(g, "scheme") == "voluntary"});
  if (j.contains("facts")) {
    const Json& f = j["facts"];
    auto& o = r.facts;
    Get(f, "days", o.days);
    Get(f, "days_used_this_year", o.days_used_this_year);
    Get(f, "half_days", o.half_days);
    Get(f, "children", o.children);
    Get(f, "child_age_months", o.child_age_months);
    Get(f, "capacity_loss_pct", o.capacity_loss_pct);
    Get(f, "rest_ordered_before_birth", o.rest_ordered_before_birth);
    Get(f, "infertility_treatment", o.infertility_treatment);
    Get(f, "disadvantaged_area", o.disadvantaged_area);
    Get(f, "long_term", o.long_term);
    Get(f, "surgery", o.surgery);
    Get(f, "pregnancy_weeks", o.pregnancy_weeks);
    Get(f, "visit_far_or_abnormal", o.visit_far_or_abnormal);
    Get(f, "mother_leave_months_used", o.mother_leave_months_used);
    Get(f, "child_died_on", o.child_died_on);
    Get(f, "children_died", o.children_died);
    Get(f, "handover_date", o.handover_date);
    Get(f, "leave_start", o.leave_start);
    Get(f, "surrogate_eligible", o.surrogate_eligible);
    Get(f, "contraception_method", o.contraception_method);
    Get(f, "kind", o.kind);
    Get(f, "reason", o.reason);
    Get(f, "pension_months_received", o.pension_months_received);
    Get(f, "monthly_pension", o.monthly_pension);
    Get(f, "monthly_benefit", o.monthly_benefit);
    Get(f, "average_salary", o.average_salary);
    Get(f, "previous_month_salary", o.previous_month_salary);
    Get(f, "dependants", o.dependants);
    Get(f, "dependants_without_carer", o.dependants_without_carer);
    if (f.contains("relatives")) {
      size_t i = 0;
      for (const auto& x : f["relatives"]) {
        std::string field = ItemField("facts.relatives", i++);
        Relative rel;
        rel.relation = Txt(x, "relation");
        if (x.contains("sex")) rel.sex = Txt(x, "sex") == "female" ? Sex::kFemale : Sex::kMale;
        BHXH_ASSIGN_OR_RETURN(rel.birth, PartialDate::Parse(Txt(x, "birth_date"), field + ".birth_date"));
        if (x.contains("capacity_loss_pct")) rel.capacity_loss_pct = x["capacity_loss_pct"].get<int>();
        Get(x, "monthly_income", rel.monthly_income);
        Get(x, "monthly_benefit", rel.monthly_benefit);
        rel.salaried_insured = x.contains("salaried_insured") && x["salaried_insured"].get<bool>();
        rel.no_carer = x.contains("no_carer") && x["no_carer"].get<bool>();
        if (x.contains("other_deaths")) rel.other_deaths = x["other_deaths"].get<int>();
        rel.name = Txt(x, "name");
        o.relatives.push_back(std::move(rel));
      }
    }
    Get(f, "pensioner", o.pensioner);
    Get(f, "accident_death", o.accident_death);
    Get(f, "occupational_allowance", o.occupational_allowance);
    Get(f, "one_time_taken", o.one_time_taken);
    Get(f, "poor_household", o.poor_household);
    Get(f, "receives_pension", o.receives_pension);
    Get(f, "mother_insured", o.mother_insured);
    Get(f, "mother_eligible", o.mother_eligible);
    Get(f, "region", o.region);
    Get(f, "state_support_received", o.state_support_received);
    Get(f, "allowance_months", o.allowance_months);
    Get(f, "ui_months_used", o.ui_months_used);
    Get(f, "first_joined", o.first_joined);
    static const std::set<std::string> kKnown = {"days",
                                                 "days_used_this_year",
                                                 "half_days",
                                                 "children",
                                                 "child_age_months",
                                                 "capacity_loss_pct",
                                                 "rest_ordered_before_birth",
                                                 "infertility_treatment",
                                                 "disadvantaged_area",
                                                 "long_term",
                                                 "surgery",
                                                 "pregnancy_weeks",
                                                 "visit_far_or_abnormal",
                                                 "mother_leave_months_used",
                                                 "child_died_on",
                                                 "children_died",
                                                 "handover_date",
                                                 "leave_start",
                                                 "surrogate_eligible",
                                                 "contraception_method",
                                                 "kind",
                                                 "reason",
                                                 "pension_months_received",
                                                 "monthly_pension",
                                                 "monthly_benefit",
                                                 "average_salary",
                                                 "previous_month_salary",
                                                 "dependants",
                                                 "dependants_without_carer",
                                                 "relatives",
                                                 "pensioner",
                                                 "accident_death",
                                                 "occupational_allowance",
                                                 "one_time_taken",
                                                 "poor_household",
                                                 "receives_pension",
                                                 "mother_insured",
                                                 "mother_eligible",
                                                 "region",
                                                 "state_support_received",
                                                 "allowance_months",
                                                 "ui_months_used",
                                                 "first_joined"};
    for (const auto& [k, v] : f.items())
      if (!kKnown.count(k)) o.unknown.push_back(k);
  }
  return r;
}

Json ToJson(const bhxh::BenefitRequest& r) {
  Json h = Json::array();
  for (const auto& it : r.history) {
    Json x = {{"from", it.from.ToString()},
              {"to", it.to.ToString()},
              {"scheme", it.voluntary ? "voluntary" : "compulsory"},
              {"pay_scale", it.state_pay ? "state" : "employer"},
              {"work", WorkCode(it.work)},
              {"unemployment_insurance", it.unemployment}};
    if (it.salary) x["salary"] = *it.salary;
    if (it.salary_coefficient) x["salary_coefficient"] = static_cast<double>(*it.salary_coefficient) / 1e6;
    if (it.allowances) x["allowances_pct"] = {{"total", static_cast<double>(it.allowances) / 1e4}};
    if (it.area_coefficient) x["area_coefficient"] = static_cast<double>(it.area_coefficient) / 1e6;
    if (!it.source.empty()) x["source"] = it.source;
    h.push_back(x);
  }
  Json f = Json::object();
  const auto& o = r.facts;
  auto put = [&](const char* k, const auto& v) {
    if (v) f[k] = *v;
  };
  put("days", o.days);
  put("days_used_this_year", o.days_used_this_year);
  put("half_days", o.half_days);
  put("children", o.children);
  put("child_age_months", o.child_age_months);
  put("capacity_loss_pct", o.capacity_loss_pct);
  put("rest_ordered_before_birth", o.rest_ordered_before_birth);
  put("infertility_treatment", o.infertility_treatment);
  put("disadvantaged_area", o.disadvantaged_area);
  put("long_term", o.long_term);
  put("surgery", o.surgery);
  put("pregnancy_weeks", o.pregnancy_weeks);
  put("visit_far_or_abnormal", o.visit_far_or_abnormal);
  put("mother_leave_months_used", o.mother_leave_months_used);
  put("child_died_on", o.child_died_on);
  put("children_died", o.children_died);
  put("handover_date", o.handover_date);
  put("leave_start", o.leave_start);
  put("surrogate_eligible", o.surrogate_eligible);
  put("contraception_method", o.contraception_method);
  put("kind", o.kind);
  put("reason", o.reason);
  put("pension_months_received", o.pension_months_received);
  put("monthly_pension", o.monthly_pension);
  put("monthly_benefit", o.monthly_benefit);
  put("average_salary", o.average_salary);
  put("previous_month_salary", o.previous_month_salary);
  put("dependants", o.dependants);
  put("dependants_without_carer", o.dependants_without_carer);
  for (const auto& rel : o.relatives) {
    Json x = {{"relation", rel.relation}, {"birth_date", rel.birth.ToString()}};
    if (rel.sex) x["sex"] = SexWord(*rel.sex);
    if (rel.capacity_loss_pct) x["capacity_loss_pct"] = rel.capacity_loss_pct;
    if (rel.monthly_income) x["monthly_income"] = *rel.monthly_income;
    if (rel.salaried_insured) x["salaried_insured"] = true;
    if (rel.monthly_benefit) x["monthly_benefit"] = *rel.monthly_benefit;
    if (rel.no_carer) x["no_carer"] = true;
    if (rel.other_deaths) x["other_deaths"] = rel.other_deaths;
    if (!rel.name.empty()) x["name"] = rel.name;
    f["relatives"].push_back(x);
  }
  put("pensioner", o.pensioner);
  put("accident_death", o.accident_death);
  put("occupational_allowance", o.occupational_allowance);
  put("one_time_taken", o.one_time_taken);
  put("poor_household", o.poor_household);
  put("receives_pension", o.receives_pension);
  put("mother_insured", o.mother_insured);
  put("mother_eligible", o.mother_eligible);
  put("region", o.region);
  put("state_support_received", o.state_support_received);
  put("allowance_months", o.allowance_months);
  put("ui_months_used", o.ui_months_used);
  put("first_joined", o.first_joined);
  Json out = {{"regime", RegimeCode(r.regime)},
              {"event_date", r.event_date.ToString()},
              {"person", {{"sex", SexWord(r.person.sex)}, {"birth_date", r.person.birth.ToString()}}},
              {"history", h},
              {"facts", f}};
  for (const auto& g : r.revaluation)
    out["revaluation"].push_back({{"contribution_year", g.contribution_year},
                                  {"coefficient", static_cast<double>(g.coefficient) / 1e6},
                                  {"scheme", g.voluntary ? "voluntary" : "compulsory"}});
  return out;
}

Json ToJson(const bhxh::BenefitResult& r) {
  Json amounts = Json::array();
  for (const auto& a : r.amounts) {
    Json x = {{"kind", a.kind}, {"label", a.label_vi}, {"amount", a.amount}, {"monthly", a.monthly}};
    if (a.from) x["from"] = a.from->ToString();
    if (a.months) x["months"] = a.months;
    amounts.push_back(x);
  }
  Json steps = Json::array();
  for (const auto& s : r.steps) {
    Json params = Json::array();
    for (const auto& p : s.params) params.push_back(ToJson(p));
    steps.push_back({{"code", s.code}, {"text", s.text_vi}, {"text_en", s.text_en}, {"law", s.law}, {"params", params}});
  }
  Json j = {{"regime", RegimeCode(r.regime)},
            {"regime_name", RegimeNameVi(r.regime)},
            {"kind", r.kind},
            {"law", r.law},
            {"event_date", r.event_date.ToString()},
            {"eligible", r.eligible},
            {"reasons", r.reasons_vi},
            {"reasons_en", r.reasons_en},
            {"amounts", amounts},
            {"monthly_total", r.Monthly()},
            {"lump_sum_total", r.LumpSum()},
            {"contribution_months", r.contribution_months},
            {"average_salary", r.average_salary},
            {"steps", steps},
            {"warnings", r.warnings}};
  if (r.rate) j["rate_percent"] = PercentString(r.rate);
  return j;
}

}  // namespace bhxh

namespace bhxh {

namespace {
std::string RegimeNameOf(const std::string& code) {
  auto r = ParseRegime(code);
  return r.ok() ? RegimeNameVi(*r) : code;
}
const char* FindingName(const std::string& rule) {
  if (rule == "paid_after_death") return "Chi sau khi người hưởng đã chết";
  if (rule == "unemployment_while_employed") return "Hưởng TCTN khi đang đóng BHXH bắt buộc";
  if (rule == "shared_bank_account") return "Một tài khoản nhận cho nhiều người";
  if (rule == "overpaid_on_revision") return "Chi thừa sau khi điều chỉnh";
  return "";
}
}  // namespace

CaseInput CaseInputFromJson(const Json& j) {
  CaseInput in;
  in.cccd = Txt(j, "cccd");
  in.request = j["request"];
  in.payee = Txt(j, "payee");
  in.bank = Txt(j, "bank");
  in.bank_account = Txt(j, "bank_account");
  in.cash_point = Txt(j, "cash_point");
  if (j.contains("supersedes") && j["supersedes"].is_number_integer()) in.supersedes = j["supersedes"].get<int64_t>();
  return in;
}

Json ToJson(const RecordRequest& r) {
  return {{"request", r.request},
          {"full_name", r.full_name},
          {"counted_through", r.counted_through.ToString()},
          {"excluded", r.excluded},
          {"continued", r.continued}};
}

Json ToJson(const CaseView& c) {
  Json j = {{"id", c.id},
            {"version", c.version},
            {"cccd", c.cccd},
            {"full_name", c.full_name},
            {"province", c.province},
            {"regime", c.regime},
            {"regime_name", RegimeNameOf(c.regime)},
            {"event_date", c.event_date.ToString()},
            {"status", c.status},
            {"eligible", c.eligible},
            {"monthly", c.monthly},
            {"lump_sum", c.lump_sum},
            {"excluded", c.excluded},
            {"checks", c.checks},
            {"payee", c.payee},
            {"bank", c.bank},
            {"bank_account", c.bank_account},
            {"cash_point", c.cash_point},
            {"prepared_by", c.prepared_by},
            {"prepared_at", c.prepared_at}};
  if (c.supersedes) j["supersedes"] = *c.supersedes;
  if (!c.result.is_null()) j["result"] = c.result;
  if (!c.decided_by.empty()) j["decided_by"] = c.decided_by;
  if (!c.decided_at.empty()) j["decided_at"] = c.decided_at;
  if (!c.note.empty()) j["note"] = c.note;
  if (c.replayed) j["replayed"] = true;
  return j;
}

Json ToJson(const BeneficiaryView& b) {
  Json j = {{"id", b.id},
            {"case_id", b.case_id},
            {"cccd", b.cccd},
            {"full_name", b.full_name},
            {"province", b.province},
            {"regime", b.regime},
            {"regime_name", RegimeNameOf(b.regime)},
            {"monthly", b.monthly},
            {"start", b.start.ToString()},
            {"payee", b.payee},
            {"bank", b.bank},
            {"bank_account", b.bank_account},
            {"cash_point", b.cash_point},
            {"status", b.status},
            {"stop_reason", b.stop_reason}};
  if (b.end) j["end"] = b.end->ToString();
  return j;
}

Json ToJson(const PayrollStats& p) {
  Json prov = Json::array();
  for (const auto& x : p.provinces)
    prov.push_back({{"province", x.province},
                    {"paid", x.paid},
                    {"cashless", x.cashless},
                    {"amount", x.amount},
                    {"cashless_amount", x.cashless_amount},
                    {"cashless_pct", x.paid ? 100.0 * static_cast<double>(x.cashless) / static_cast<double>(x.paid) : 0.0},
                    {"urban", x.urban},
                    {"urban_cashless", x.urban_cashless}});
  Json f = Json::array();
  for (const auto& x : p.findings)
    f.push_back({{"rule", x.rule},
                 {"rule_name", FindingName(x.rule)},
                 {"beneficiary_id", x.beneficiary_id},
                 {"cccd", x.cccd},
                 {"amount", x.amount},
                 {"withheld", x.withheld},
                 {"detail", x.detail}});
  return {{"month", p.month.ToString()},
          {"active", p.active},
          {"paid", p.paid},
          {"withheld", p.withheld},
          {"indexed", p.indexed},
          {"total", p.total},
          {"back_paid", p.back_paid},
          {"back_pay", p.back_pay},
          {"by_fund", p.by_fund},
          {"provinces", prov},
          {"findings", f},
          {"findings_total", p.findings_total},
          {"load_seconds", p.load_seconds},
          {"compute_seconds", p.compute_seconds},
          {"write_seconds", p.write_seconds},
          {"created_at", p.created_at},
          {"created_by", p.created_by}};
}

Json ToJson(const DeathsResult& d) {
  return {{"accepted", d.accepted},         {"recorded", d.recorded},
          {"already", d.already},           {"stopped", d.stopped},
          {"cases_opened", d.cases_opened}, {"survivor_cases_opened", d.survivor_cases_opened},
          {"overpaid", d.overpaid},         {"notes", d.notes}};
}

}  // namespace bhxh
