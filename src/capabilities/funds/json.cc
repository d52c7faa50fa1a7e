#include "funds/json.h"

namespace bhxh {

namespace schemas {

namespace {
Schema Line() {
  return Schema::Object({Req("account", S::Text(40)), Req("fund", S::Text(40)), Opt("province", S::Text(2)),
                         Opt("debit", S::Money()), Opt("credit", S::Money())})
      .Named("FundLine");
}
Schema Share() {
  return Schema::Object({Req("kind", S::Str()), Req("name", S::Str()), Req("amount", S::Money()),
                         Req("share", S::Num()), Opt("max_share", S::Num()), Opt("min_share", S::Num()),
                         Req("allowed", S::Bool()), Opt("problem", S::Str())})
      .Named("InvestmentShare");
}
Schema SpanS() {
  return Schema::Object({Req("from", S::Month()), Req("to", S::Month()), Req("label", S::Str())}).Named("FundSpan");
}
}  // namespace

Schema FundEntryInput() {
  return Schema::Object({Req("posted_on", S::Date()), Req("description", S::Text(500)),
                         Req("lines", Schema::Array(Line()).Items(2, 10000)), Opt("idempotency_key", S::Key())})
      .Named("FundEntryInput");
}
Schema FundEntry() {
  return Schema::Object({Req("id", S::Int(1, INT64_MAX)), Req("posted_on", S::Date()), Req("period", S::Month()),
                         Req("description", S::Str()), Req("source_kind", S::Str()), Req("source_ref", S::Str()),
                         Opt("reverses", S::Int(1, INT64_MAX)), Opt("reversed_by", S::Int(1, INT64_MAX)),
                         Req("lines", Schema::Array(Line())), Req("total", S::Money()),
                         Req("created_at", S::DateTime()), Req("created_by", S::Str()), Opt("replayed", S::Bool())})
      .Named("FundEntry");
}
Schema FundStatement() {
  Schema line = Schema::Object({Req("account", S::Str()), Req("name", S::Str()), Req("amount", S::SignedMoney())})
                    .Named("FundStatementLine");
  return Schema::Object({Req("span", SpanS()), Req("fund", S::Str()), Req("fund_name", S::Str()),
                         Req("province", S::Str()), Req("opening", S::SignedMoney()), Req("revenue", S::SignedMoney()),
                         Req("expenditure", S::SignedMoney()), Req("closing", S::SignedMoney()),
                         Req("revenues", Schema::Array(line)), Req("expenditures", Schema::Array(line)),
                         Req("assets", Schema::Array(line)), Req("liabilities", Schema::Array(line))})
      .Named("FundStatement");
}
Schema TrialBalance() {
  Schema row = Schema::Object({Req("account", S::Str()), Req("fund", S::Str()), Req("opening", S::SignedMoney()),
                               Req("debit", S::Money()), Req("credit", S::Money()), Req("closing", S::SignedMoney())});
  return Schema::Object({Req("span", SpanS()), Req("province", S::Str()), Req("rows", Schema::Array(row)),
                         Req("total_debit", S::Money()), Req("total_credit", S::Money()), Req("balanced", S::Bool())})
      .Named("TrialBalance");
}
Schema SourcesResult() {
  Schema p = Schema::Object({Req("kind", S::Str()), Req("ref", S::Str()), Opt("entry_id", S::Int(1, INT64_MAX)),
                             Req("amount", S::Money()), Req("lines", S::Int(0, INT32_MAX)), Req("note", S::Str()),
                             Req("seconds", S::Num())})
                 .Named("SourcePosting");
  return Schema::Object({Req("month", S::Month()), Req("postings", Schema::Array(p)), Req("budget_paid", S::Money()),
                         Req("seconds", S::Num())})
      .Named("FundSourcesResult");
}
Schema InvestmentInput() {
  return Schema::Object({Req("fund", S::Text(40)), Req("kind", S::Text(40)), Req("issuer", S::Text(200)),
                         Req("reference", S::Text(100)), Req("amount", S::Money()),
                         Req("rate", Schema::Number().RangeD(0, 30).Describe("%/năm / percent a year")),
                         Req("purchased_on", S::Date()), Req("matures_on", S::Date())})
      .Named("InvestmentInput");
}
Schema Investment() {
  return Schema::Object({Req("id", S::Int(1, INT64_MAX)), Req("fund", S::Str()), Req("kind", S::Str()),
                         Req("issuer", S::Str()), Req("reference", S::Str()), Req("amount", S::Money()),
                         Req("rate", S::Num()), Req("purchased_on", S::Date()), Req("matures_on", S::Date()),
                         Req("accrued", S::Money()), Req("entry_id", S::Int(0, INT64_MAX)), Opt("replayed", S::Bool())})
      .Named("Investment");
}
Schema Portfolio() {
  Schema ladder = Schema::Object({Req("year", S::Year()), Req("amount", S::Money()), Req("count", S::Int(0, INT32_MAX))});
  return Schema::Object({Req("as_of", S::Date()), Req("principal", S::Money()), Req("accrued", S::Money()),
                         Req("items", Schema::Array(Investment())), Req("ladder", Schema::Array(ladder)),
                         Req("structure", Schema::Array(Share()))})
      .Named("Portfolio");
}
Schema YieldResult() {
  return Schema::Object({Req("year", S::Year()), Req("interest", S::Money()), Req("average_principal", S::Num()),
                         Req("yield_percent", S::Num()), Req("method", S::Str())})
      .Named("YieldResult");
}
Schema PlanInput() {
  Schema row = Schema::Object({Req("kind", S::Text(40)), Req("amount", S::Money())});
  return Schema::Object({Req("rows", Schema::Array(row).Items(1, 50))}).Named("InvestmentPlanInput");
}
Schema PlanCheck() {
  return Schema::Object({Req("year", S::Year()), Req("planned", Schema::Array(Share())),
                         Req("realised", Schema::Array(Share())), Req("problems", Schema::Array(S::Str()))})
      .Named("InvestmentPlanCheck");
}
Schema ProjectionInput() {
  return Schema::Object({Opt("scenario", S::Text(60).Describe("Kịch bản trong data/funds/scenarios / a named scenario")),
                         Opt("base", S::OneOf({"national", "db"})), Opt("as_of", S::Month()),
                         Opt("set", Schema::Map(Schema::Number()).Describe(
                                        "Giả định thay đổi, theo tên / assumptions overridden, by name")),
                         Opt("stochastic", S::Bool())})
      .Named("ProjectionInput");
}
Schema Projection() {
  Schema year = Schema::Object({Req("year", S::Year()), Req("contributors", S::Num()), Req("pensioners", S::Num()),
                                Req("revenue", S::Num()), Req("expenditure", S::Num()),
                                Req("investment_income", S::Num()), Req("reserve", S::Num()),
                                Req("reserve_ratio", S::Num()), Req("dependency_ratio", S::Num()),
                                Req("payg_cost_rate", S::Num())})
                    .Open()
                    .Named("ProjectionYear");
  Schema pct = Schema::Object({Req("year", S::Year()), Req("p5", S::Num()), Req("p25", S::Num()), Req("p50", S::Num()),
                               Req("p75", S::Num()), Req("p95", S::Num())})
                   .Named("ReservePercentiles");
  Schema stoch = Schema::Object({Req("paths", S::Int(1, INT32_MAX)), Req("reserve_percentiles", Schema::Array(pct)),
                                 Req("depletion_year_percentiles", Schema::Map(S::Year().Nullable())),
                                 Req("share_depleted", S::Num()), Req("seconds", S::Num())})
                     .Named("StochasticProjection");
  return Schema::Object({Req("years", Schema::Array(year)), Req("deficit_year", S::Year().Nullable()),
                         Req("depletion_year", S::Year().Nullable()), Req("payg_cost_rate", S::Num()),
                         Req("gap", S::Num()), Req("start_year", S::Year()), Req("start_reserve", S::Num()),
                         Req("scenario", S::Str()), Req("title", S::Str()),
                         Req("base", S::Str()), Req("assumptions", Schema::Map(Schema().Describe("value, unit, source"))),
                         Req("rules", Schema().Describe("rules used / quy định áp dụng")),
                         Req("notes", Schema::Array(S::Str())), Req("seconds", S::Num()), Opt("stochastic", stoch)})
      .Named("Projection");
}
Schema ShortForecast() {
  Schema h = Schema::Object({Req("month", S::Month()), Req("revenue", S::SignedMoney()),
                             Req("expenditure", S::SignedMoney())});
  Schema f = Schema::Object({Req("month", S::Month()), Req("revenue", S::Num()), Req("expenditure", S::Num())});
  return Schema::Object({Req("fund", S::Str()), Req("history", Schema::Array(h)), Req("months", Schema::Array(f)),
                         Req("method", S::Str())})
      .Named("ShortForecast");
}
Schema MediumForecast() {
  Schema y = Schema::Object({Req("year", S::Year()), Req("revenue", S::Num()), Req("expenditure", S::Num()),
                             Req("balance", S::Num())});
  Schema f = Schema::Object({Req("fund", S::Str()), Req("fund_name", S::Str()), Req("base_revenue", S::Num()),
                             Req("base_expenditure", S::Num()), Req("years", Schema::Array(y)), Req("method", S::Str())});
  return Schema::Object({Req("funds", Schema::Array(f))}).Named("MediumForecast");
}
Schema Estimates() {
  Schema row = Schema::Object({Req("province", S::Str()), Req("fund", S::Str()), Req("kind", S::Str()),
                               Req("base", S::SignedMoney()), Req("amount", S::SignedMoney()),
                               Req("actual", S::SignedMoney()), Req("done", S::Num())});
  return Schema::Object({Req("year", S::Year()), Req("version", S::Int(1, INT32_MAX)), Req("method", S::Str()),
                         Req("growth", S::Num()), Req("created_at", S::DateTime()), Req("created_by", S::Str()),
                         Req("rows", Schema::Array(row))})
      .Named("FundEstimates");
}

Schema Statistics() {
  Schema persons = Schema::Object({Req("province", S::Str()), Req("retirement", S::Int(0, INT64_MAX)),
                                   Req("sickness", S::Int(0, INT64_MAX)), Req("accident", S::Int(0, INT64_MAX)),
                                   Req("unemployment", S::Int(0, INT64_MAX)), Req("health", S::Int(0, INT64_MAX))})
                       .Named("FundPersons");
  Schema regime = Schema::Object({Req("regime", S::Str()), Req("regime_name", S::Str()), Req("persons", S::Int(0, INT64_MAX)),
                                  Req("monthly", S::Money())});
  return Schema::Object({Req("year", S::Year()), Req("month", S::Month().Nullable()), Req("national", persons),
                         Req("by_province", Schema::Array(persons)), Req("beneficiaries", Schema::Array(regime)),
                         Req("finances", Schema::Array(FundStatement()))})
      .Named("FundStatistics");
}

}  // namespace schemas

Result<EntryInput> EntryInputFromJson(const Json& j) {
  EntryInput in;
  BHXH_ASSIGN_OR_RETURN(in.posted_on, Date::ParseIsoOrVi(j["posted_on"].get<std::string>(), "posted_on"));
  in.description = j["description"].get<std::string>();
  for (const auto& l : j["lines"])
    in.lines.push_back({l["account"].get<std::string>(), l["fund"].get<std::string>(), l.value("province", ""),
                        l.value("debit", int64_t{0}), l.value("credit", int64_t{0})});
  return in;
}

Json ToJson(const Entry& e) {
  Json lines = Json::array();
  for (const auto& l : e.lines) {
    Json x = {{"account", l.account}, {"fund", l.fund}, {"province", l.province}};
    if (l.debit) x["debit"] = l.debit;
    if (l.credit) x["credit"] = l.credit;
    lines.push_back(x);
  }
  Json j = {{"id", e.id},
            {"posted_on", e.posted_on.ToString()},
            {"period", e.period.ToString()},
            {"description", e.description},
            {"source_kind", e.source_kind},
            {"source_ref", e.source_ref},
            {"lines", lines},
            {"total", e.Total()},
            {"created_at", e.created_at},
            {"created_by", e.created_by}};
  if (e.reverses) j["reverses"] = *e.reverses;
  if (e.reversed_by) j["reversed_by"] = *e.reversed_by;
  if (e.replayed) j["replayed"] = true;
  return j;
}

namespace {
Json SpanJson(const Span& s) { return {{"from", s.from.ToString()}, {"to", s.to.ToString()}, {"label", s.label_vi}}; }
Json Lines(const std::vector<StatementLine>& v) {
  Json a = Json::array();
  for (const auto& l : v) a.push_back({{"account", l.account}, {"name", l.name_vi}, {"amount", l.amount}});
  return a;
}
Json ShareJson(const KindShare& s) {
  Json j = {{"kind", s.kind}, {"name", s.name_vi}, {"amount", s.amount}, {"share", std::round(s.share * 100) / 100},
            {"allowed", s.allowed}};
  if (s.max_share) j["max_share"] = *s.max_share;
  if (s.min_share) j["min_share"] = *s.min_share;
  if (!s.problem_vi.empty()) j["problem"] = s.problem_vi;
  return j;
}
}  // namespace

Json ToJson(const FundStatement& s) {
  return {{"span", SpanJson(s.span)},         {"fund", s.fund},
          {"fund_name", s.fund_name_vi},      {"province", s.province},
          {"opening", s.opening},             {"revenue", s.revenue},
          {"expenditure", s.expenditure},     {"closing", s.closing},
          {"revenues", Lines(s.revenues)},    {"expenditures", Lines(s.expenditures)},
          {"assets", Lines(s.assets)},        {"liabilities", Lines(s.liabilities)}};
}

Json ToJson(const TrialBalance& t) {
  Json rows = Json::array();
  for (const auto& r : t.rows)
    rows.push_back({{"account", r.account}, {"fund", r.fund}, {"opening", r.opening}, {"debit", r.debit},
                    {"credit", r.credit}, {"closing", r.closing}});
  return {{"span", SpanJson(t.span)}, {"province", t.province},         {"rows", rows},
          {"total_debit", t.total_debit}, {"total_credit", t.total_credit}, {"balanced", t.balanced()}};
}

Json ToJson(const SourcePosting& p) {
  Json j = {{"kind", p.kind},   {"ref", p.ref},        {"amount", p.amount},
            {"lines", p.lines}, {"note", p.note_vi},   {"seconds", std::round(p.seconds * 1000) / 1000}};
  if (p.entry_id) j["entry_id"] = *p.entry_id;
  return j;
}

Json ToJson(const SourcesResult& r) {
  Json p = Json::array();
  for (const auto& x : r.postings) p.push_back(ToJson(x));
  return {{"month", r.month.ToString()}, {"postings", p}, {"budget_paid", r.budget_paid}, {"seconds", r.seconds}};
}

Json ToJson(const Investment& v, Vnd accrued) {
  Json j = {{"id", v.id},
            {"fund", v.fund},
            {"kind", v.kind},
            {"issuer", v.issuer},
            {"reference", v.reference},
            {"amount", v.amount},
            {"rate", static_cast<double>(v.rate) / 10'000},  // millionths → percent
            {"purchased_on", v.purchased_on.ToString()},
            {"matures_on", v.matures_on.ToString()},
            {"accrued", accrued},
            {"entry_id", v.entry_id}};
  if (v.replayed) j["replayed"] = true;
  return j;
}

Json ToJson(const Portfolio& p) {
  Json items = Json::array(), ladder = Json::array(), structure = Json::array();
  for (size_t i = 0; i < p.items.size(); ++i) items.push_back(ToJson(p.items[i], p.accrued[i]));
  for (const auto& l : p.ladder) ladder.push_back({{"year", l.year}, {"amount", l.amount}, {"count", l.count}});
  for (const auto& s : p.structure) structure.push_back(ShareJson(s));
  return {{"as_of", p.as_of.ToString()}, {"principal", p.principal}, {"accrued", p.accrued_total},
          {"items", items},             {"ladder", ladder},         {"structure", structure}};
}

Json ToJson(const YieldResult& y) {
  return {{"year", y.year},
          {"interest", y.interest},
          {"average_principal", std::round(y.average_principal)},
          {"yield_percent", std::round(y.yield_percent * 10000) / 10000},
          {"method", y.method_vi}};
}

Json ToJson(const PlanCheck& c) {
  Json planned = Json::array(), realised = Json::array();
  for (const auto& s : c.planned) planned.push_back(ShareJson(s));
  for (const auto& s : c.realised) realised.push_back(ShareJson(s));
  return {{"year", c.year}, {"planned", planned}, {"realised", realised}, {"problems", c.problems_vi}};
}

Json ToJson(const ShortForecast& f) {
  Json h = Json::array(), m = Json::array();
  for (const auto& p : f.history)
    h.push_back({{"month", p.month.ToString()}, {"revenue", p.revenue}, {"expenditure", p.expenditure}});
  for (const auto& p : f.months)
    m.push_back({{"month", p.month.ToString()}, {"revenue", std::round(p.revenue)},
                 {"expenditure", std::round(p.expenditure)}});
  return {{"fund", f.fund}, {"history", h}, {"months", m}, {"method", f.method_vi}};
}

Json ToJson(const std::vector<MediumForecast>& v) {
  Json funds = Json::array();
  for (const auto& f : v) {
    Json ys = Json::array();
    for (const auto& y : f.years)
      ys.push_back({{"year", y.year}, {"revenue", std::round(y.revenue)}, {"expenditure", std::round(y.expenditure)},
                    {"balance", std::round(y.balance)}});
    funds.push_back({{"fund", f.fund}, {"fund_name", f.fund_name_vi}, {"base_revenue", std::round(f.base_revenue)},
                     {"base_expenditure", std::round(f.base_expenditure)}, {"years", ys}, {"method", f.method_vi}});
  }
  return {{"funds", funds}};
}

Json ToJson(const Estimates& e) {
  Json rows = Json::array();
  for (const auto& r : e.rows)
    rows.push_back({{"province", r.province}, {"fund", r.fund}, {"kind", r.kind}, {"base", r.base},
                    {"amount", r.amount}, {"actual", r.actual}, {"done", std::round(r.done * 100) / 100}});
  return {{"year", e.year},     {"version", e.version},       {"method", e.method_vi},
          {"growth", std::round(e.growth * 100) / 100}, {"created_at", e.created_at}, {"created_by", e.created_by},
          {"rows", rows}};
}

}  // namespace bhxh

namespace bhxh {

namespace {
Json PersonsJson(const FundPersons& f) {
  return {{"province", f.province}, {"retirement", f.retirement}, {"sickness", f.sickness},
          {"accident", f.accident}, {"unemployment", f.unemployment}, {"health", f.health}};
}
}  // namespace

Json ToJson(const YearStatistics& s) {
  Json prov = Json::array(), ben = Json::array(), fin = Json::array();
  for (const auto& f : s.by_province) prov.push_back(PersonsJson(f));
  for (const auto& r : s.beneficiaries)
    ben.push_back({{"regime", r.regime}, {"regime_name", r.name_vi}, {"persons", r.persons}, {"monthly", r.monthly}});
  for (const auto& f : s.finances) fin.push_back(ToJson(f));
  return {{"year", s.year},
          {"month", s.month ? Json(s.month->ToString()) : Json(nullptr)},
          {"national", PersonsJson(s.national)},
          {"by_province", prov},
          {"beneficiaries", ben},
          {"finances", fin}};
}

}  // namespace bhxh
