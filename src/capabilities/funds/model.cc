#include "funds/model.h"

#include <chrono>
#include <cmath>

#include "funds/module.h"

namespace bhxh {

namespace {

// Default of an assumption the law data decides, unless overridden.
Status FromLaw(Assumptions& a, const std::string& name, double value, const std::string& note,
               std::vector<std::string>& notes) {
  if (a.Overridden(name)) return Status::Ok();
  BHXH_RETURN_IF_ERROR(a.SetNumber(name, value));
  notes.push_back(name + " = " + std::to_string(value) + " " + note);
  return Status::Ok();
}

double RateSum(const LawBook& law, const std::string& scheme, Fund fund, std::initializer_list<Party> parties, Date d) {
  double s = 0;
  for (const auto& r : law.Rates(scheme, d))
    if (r.fund == fund)
      for (Party p : parties)
        if (r.party == p) s += static_cast<double>(r.rate) / 10'000;  // millionths → percent
  return s;
}

}  // namespace

Result<ProjectionRun> RunProjection(Db* db, const FundsData& data, const BenefitLaw& bl, const LawBook& law,
                                    const ProjectionRequest& req) {
  auto t0 = std::chrono::steady_clock::now();
  ProjectionRun run;
  run.assumptions = data.assumptions;
  const Scenario* scenario = nullptr;
  if (!req.scenario.empty()) {
    scenario = data.FindScenario(req.scenario);
    if (!scenario) {
      std::string known;
      for (const auto& s : data.scenarios) known += (known.empty() ? "" : ", ") + s.name;
      return Status::Invalid("scenario", "Không có kịch bản \"" + req.scenario + "\". Các kịch bản: " + known,
                             "unknown scenario \"" + req.scenario + "\"; known: " + known);
    }
    run.scenario = scenario->name;
    run.title_vi = scenario->title_vi;
    for (const auto& [k, v] : scenario->set) BHXH_RETURN_IF_ERROR(run.assumptions.Set(k, v));
  }
  // The starting population.
  if (scenario && scenario->base) {
    run.base = *scenario->base;
  } else if (req.base == "national") {
    run.base = data.national_base;
  } else if (req.base == "db") {
    if (!db) return Status::Invalid("base", "Cần cơ sở dữ liệu cho base=db", "base=db needs a database");
    Month m = req.as_of.value_or(Month::OfDate(Date::Today()).Prev());
    BHXH_ASSIGN_OR_RETURN(run.base, BaseFromDb(*db, data.catalog, m));
  } else {
    return Status::Invalid("base", "Dân số gốc phải là national hoặc db: \"" + req.base + "\"",
                           "base must be national or db");
  }
  for (const auto& n : run.base.notes) run.notes.push_back(n);
  // Overrides first, so that law defaults do not replace them.
  for (const auto& [k, v] : req.set) BHXH_RETURN_IF_ERROR(run.assumptions.Set(k, v));
  Date start = Date::FromYmd(run.base.year, 1, 1);
  const int rules_year = run.assumptions.Get("rules_year") > 0 ? static_cast<int>(run.assumptions.Get("rules_year"))
                                                              : run.base.year;
  double rate = RateSum(law, "employee_private", Fund::kRetirement, {Party::kEmployer, Party::kEmployee}, start);
  if (rate > 0)
    BHXH_RETURN_IF_ERROR(FromLaw(run.assumptions, "contribution_rate_pension", rate,
                                 "(data/law/contribution_rates.csv, employee_private, " + start.ToVi() + ")", run.notes));
  double hi = RateSum(law, "pensioner_hi", Fund::kHealth, {Party::kSiFund}, start);
  if (hi > 0)
    BHXH_RETURN_IF_ERROR(FromLaw(run.assumptions, "hi_rate_on_pensions", hi,
                                 "(data/law/contribution_rates.csv, pensioner_hi, " + start.ToVi() + ")", run.notes));
  if (req.base == "db" && !run.assumptions.Overridden("labour_force")) {
    // A province's or a demo's record is not the national labour force:
    // without an entered figure, coverage stays at its starting level.
    if (!run.assumptions.Overridden("closed_group")) BHXH_RETURN_IF_ERROR(run.assumptions.SetNumber("closed_group", 1));
    run.notes.push_back("Chưa có lực lượng lao động cho dân số gốc từ cơ sở dữ liệu: không có người tham gia mới "
                        "(nhóm đóng) / no labour force for a database base: a closed group");
  }
  std::optional<int> male, female;
  if (run.assumptions.Overridden("retirement_age_male"))
    male = static_cast<int>(std::lround(run.assumptions.Get("retirement_age_male") * 12));
  if (run.assumptions.Overridden("retirement_age_female"))
    female = static_cast<int>(std::lround(run.assumptions.Get("retirement_age_female") * 12));
  BHXH_ASSIGN_OR_RETURN(run.rules, DeriveRules(bl, law, rules_year, run.base.year, male, female,
                                               static_cast<int>(run.assumptions.Get("retirement_age_step_months"))));
  run.central = Project(run.base, run.assumptions, run.rules, data.mortality);
  if (req.stochastic) run.stochastic = ProjectStochastic(run.base, run.assumptions, run.rules, data.mortality, req.threads);
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return run;
}

Result<Json> CompareScenarios(const FundsData& data, const BenefitLaw& bl, const LawBook& law) {
  std::vector<std::string> names = {""};
  for (const auto& s : data.scenarios) names.push_back(s.name);
  Json rows = Json::array();
  for (const auto& n : names) {
    ProjectionRequest req;
    req.scenario = n;
    BHXH_ASSIGN_OR_RETURN(ProjectionRun r, RunProjection(nullptr, data, bl, law, req));
    Json reserve = Json::object();
    for (size_t k : {9, 24, 49, 74})
      if (k < r.central.years.size())
        reserve[std::to_string(r.central.years[k].year)] = std::round(r.central.years[k].reserve);
    rows.push_back({{"scenario", n},
                    {"title", n.empty() ? std::string("Phương án cơ sở") : r.title_vi},
                    {"start_year", r.base.year},
                    {"deficit_year", r.central.deficit_year ? Json(*r.central.deficit_year) : Json(nullptr)},
                    {"depletion_year", r.central.depletion_year ? Json(*r.central.depletion_year) : Json(nullptr)},
                    {"payg_cost_rate", std::round(r.central.payg_cost_rate * 100) / 100},
                    {"gap", std::round(r.central.gap * 100) / 100},
                    {"reserve", reserve}});
  }
  return Json{{"scenarios", rows}};
}

namespace {
Json Opt(const std::optional<int>& v) { return v ? Json(*v) : Json(nullptr); }
double R(double v) { return std::round(v); }
double R2(double v) { return std::round(v * 100) / 100; }
}  // namespace

Json ToJson(const ProjectionRun& r) {
  Json years = Json::array();
  for (const auto& y : r.central.years)
    years.push_back({{"year", y.year},
                     {"contributors", R(y.contributors)},
                     {"pensioners", R(y.pensioners)},
                     {"new_pensioners", R(y.new_pensioners)},
                     {"entrants", R(y.entrants)},
                     {"deaths", R(y.deaths)},
                     {"withdrawals", R(y.withdrawals)},
                     {"revenue", R(y.revenue)},
                     {"expenditure", R(y.expenditure)},
                     {"pension_expenditure", R(y.pension_expenditure)},
                     {"lump_sums", R(y.lump_sums)},
                     {"survivor_benefits", R(y.survivor_benefits)},
                     {"hi_contributions", R(y.hi_contributions)},
                     {"investment_income", R(y.investment_income)},
                     {"reserve", R(y.reserve)},
                     {"wage_bill", R(y.wage_bill)},
                     {"reserve_ratio", R2(y.reserve_ratio)},
                     {"dependency_ratio", R2(y.dependency_ratio)},
                     {"payg_cost_rate", R2(y.payg_cost_rate)},
                     {"average_wage", R(y.average_wage)},
                     {"average_pension", R(y.average_pension)},
                     {"retirement_age_male", R2(y.retirement_age_male)},
                     {"retirement_age_female", R2(y.retirement_age_female)}});
  Json assumptions = Json::object();
  for (const auto& a : r.assumptions.all())
    assumptions[a.name] = {{"value", a.value}, {"unit", a.unit},     {"source", a.source},
                           {"note", a.note},   {"min", a.min},       {"max", a.max},
                           {"overridden", a.overridden}};
  Json out = {{"years", years},
              {"deficit_year", Opt(r.central.deficit_year)},
              {"depletion_year", Opt(r.central.depletion_year)},
              {"payg_cost_rate", R2(r.central.payg_cost_rate)},
              {"gap", R2(r.central.gap)},
              {"start_year", r.base.year},
              {"scenario", r.scenario},
              {"title", r.title_vi.empty() ? std::string("Phương án cơ sở") : r.title_vi},
              {"start_reserve", R(r.central.start_reserve)},
              {"base", r.base.source},
              {"assumptions", assumptions},
              {"rules", {{"min_years", r.rules.min_years}, {"cites", r.rules.cites}}},
              {"notes", r.notes},
              {"seconds", r.seconds}};
  Json rates = Json::object();
  for (int s = 0; s < 2; ++s) {
    Json row = Json::object();
    for (int y : {15, 20, 25, 30, 35}) row[std::to_string(y)] = R2(100 * r.rules.rate[s][y]);
    rates[s == 0 ? "male" : "female"] = row;
  }
  out["rules"]["replacement_rate_percent"] = rates;
  if (r.stochastic) {
    const auto& s = *r.stochastic;
    Json pct = Json::array();
    for (size_t i = 0; i < s.years.size(); ++i)
      pct.push_back({{"year", s.years[i]},
                     {"p5", R(s.reserve[i][0])},
                     {"p25", R(s.reserve[i][1])},
                     {"p50", R(s.reserve[i][2])},
                     {"p75", R(s.reserve[i][3])},
                     {"p95", R(s.reserve[i][4])}});
    out["stochastic"] = {{"paths", s.paths},
                         {"reserve_percentiles", pct},
                         {"depletion_year_percentiles",
                          {{"p5", Opt(s.depletion[0])},
                           {"p25", Opt(s.depletion[1])},
                           {"p50", Opt(s.depletion[2])},
                           {"p75", Opt(s.depletion[3])},
                           {"p95", Opt(s.depletion[4])}}},
                         {"share_depleted", R2(100 * s.share_depleted)},
                         {"seconds", s.seconds}};
  }
  return out;
}

}  // namespace bhxh
