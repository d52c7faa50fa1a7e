#include "funds/projection.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <random>
#include <thread>

#include "base/csv.h"
#include "base/parse.h"
#include "benefits/calc.h"

namespace bhxh {

// ------------------------------------------------------------ assumptions

Result<Assumptions> Assumptions::LoadFile(const std::string& path) {
  BHXH_ASSIGN_OR_RETURN(CsvTable t, ReadCsvFile(path));
  std::vector<int> c;
  for (const char* n : {"name", "value", "unit", "min", "max", "source", "note"}) {
    int i = t.Column(n);
    if (i < 0)
      return Status::Invalid(path, std::string("Thiếu cột \"") + n + "\" trong " + path,
                             std::string("missing column \"") + n + "\" in " + path);
    c.push_back(i);
  }
  Assumptions out;
  for (const auto& r : t.rows) {
    std::string where = path + ":" + std::to_string(r.line);
    Assumption a;
    a.name = r.cells[c[0]];
    BHXH_ASSIGN_OR_RETURN(a.value, ParseDouble(r.cells[c[1]], where + " value"));
    a.unit = r.cells[c[2]];
    BHXH_ASSIGN_OR_RETURN(a.min, ParseDouble(r.cells[c[3]], where + " min"));
    BHXH_ASSIGN_OR_RETURN(a.max, ParseDouble(r.cells[c[4]], where + " max"));
    a.source = r.cells[c[5]];
    a.note = r.cells[c[6]];
    if (a.name.empty() || out.index_.count(a.name))
      return Status::Invalid(where, "Tên giả định trống hoặc trùng: \"" + a.name + "\"",
                             "empty or repeated assumption name \"" + a.name + "\"");
    if (a.value < a.min || a.value > a.max)
      return Status::Invalid(where, "Giá trị của " + a.name + " ngoài khoảng cho phép",
                             a.name + " is outside its own range");
    out.index_[a.name] = out.items_.size();
    out.items_.push_back(std::move(a));
  }
  return out;
}

namespace {
std::string Num(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%g", v);
  return b;
}
}  // namespace

Status Assumptions::SetNumber(const std::string& name, double value) {
  auto it = index_.find(name);
  if (it == index_.end()) {
    std::string known;
    for (const auto& a : items_) known += (known.empty() ? "" : ", ") + a.name;
    return Status::Invalid(name, "Không có giả định \"" + name + "\". Các giả định: " + known,
                           "unknown assumption \"" + name + "\"; known: " + known);
  }
  Assumption& a = items_[it->second];
  if (!std::isfinite(value) || value < a.min || value > a.max)
    return Status::Invalid(name,
                           "Giả định " + name + " phải trong khoảng " + Num(a.min) + " đến " + Num(a.max) + " (" +
                               a.unit + "), nhận " + Num(value),
                           "assumption " + name + " must be between " + Num(a.min) + " and " + Num(a.max) + " " +
                               a.unit + ", got " + Num(value));
  a.value = value;
  a.overridden = true;
  return Status::Ok();
}

Status Assumptions::Set(const std::string& name, const std::string& value) {
  auto v = ParseDouble(value, name);
  if (!v.ok())
    return Status::Invalid(name, "Giá trị của giả định " + name + " không phải là số: \"" + value + "\"",
                           "assumption " + name + " is not a number: \"" + value + "\"");
  return SetNumber(name, *v);
}

double Assumptions::Get(const std::string& name) const {
  auto it = index_.find(name);
  return it == index_.end() ? 0 : items_[it->second].value;
}

bool Assumptions::Overridden(const std::string& name) const {
  auto it = index_.find(name);
  return it != index_.end() && items_[it->second].overridden;
}

// --------------------------------------------------------------- mortality

double MortalityLaw::Q(int age) const {
  double integral = a + (c == 1 ? b * 1.0 : b * std::pow(c, age) * (c - 1) / std::log(c));
  return std::clamp(1 - std::exp(-integral), 0.0, 1.0);
}

Result<std::array<MortalityLaw, 2>> LoadMortality(const std::string& path) {
  BHXH_ASSIGN_OR_RETURN(CsvTable t, ReadCsvFile(path));
  std::array<MortalityLaw, 2> out{};
  std::array<bool, 2> seen{};
  int cs = t.Column("sex"), ca = t.Column("a"), cb = t.Column("b"), cc = t.Column("c"), cso = t.Column("source"),
      cn = t.Column("note");
  if (cs < 0 || ca < 0 || cb < 0 || cc < 0 || cso < 0 || cn < 0)
    return Status::Invalid(path, "Thiếu cột sex, a, b, c, source hoặc note trong " + path,
                           "missing one of the columns sex, a, b, c, source, note in " + path);
  for (const auto& r : t.rows) {
    std::string where = path + ":" + std::to_string(r.line);
    int s = r.cells[cs] == "male" ? 0 : r.cells[cs] == "female" ? 1 : -1;
    if (s < 0) return Status::Invalid(where, "Giới tính phải là male hoặc female", "sex must be male or female");
    MortalityLaw m;
    BHXH_ASSIGN_OR_RETURN(m.a, ParseDouble(r.cells[ca], where + " a"));
    BHXH_ASSIGN_OR_RETURN(m.b, ParseDouble(r.cells[cb], where + " b"));
    BHXH_ASSIGN_OR_RETURN(m.c, ParseDouble(r.cells[cc], where + " c"));
    if (m.a < 0 || m.b < 0 || m.c < 1)
      return Status::Invalid(where, "Tham số tử vong phải có a ≥ 0, b ≥ 0, c ≥ 1", "mortality needs a, b >= 0, c >= 1");
    m.source = r.cells[cso];
    m.note = r.cells[cn];
    out[s] = m;  // the latest row of each sex wins (rows are in date order)
    seen[s] = true;
  }
  if (!seen[0] || !seen[1])
    return Status::Invalid(path, "Cần bảng tử vong cho cả nam và nữ", "mortality for both sexes is required");
  return out;
}

double SexAge::Sum() const {
  double s = 0;
  for (const auto& row : v)
    for (double x : row) s += x;
  return s;
}

// ------------------------------------------------------------------ rules

Result<ModelRules> DeriveRules(const BenefitLaw& bl, const LawBook& law, int rules_year, int start,
                               const std::optional<int>& age_male_months, const std::optional<int>& age_female_months,
                               int step_months) {
  ModelRules r;
  const int year = rules_year;
  Date event = Date::FromYmd(year, 12, 31);
  BHXH_ASSIGN_OR_RETURN(int64_t min_years, bl.params().Integer("pension.min_years", event));
  r.min_years = static_cast<int>(min_years);
  constexpr Vnd kWage = 10'000'000;
  for (int s = 0; s < 2; ++s) {
    for (int years = 1; years <= 60; ++years) {
      BenefitRequest req;
      req.regime = Regime::kPension;
      req.event_date = event;
      req.person.sex = s == 0 ? Sex::kMale : Sex::kFemale;
      // Born 80 years before: past any retirement age (no early reduction),
      // and 20 or older when a 60-year career began.
      BHXH_ASSIGN_OR_RETURN(req.person.birth, PartialDate::Parse(std::to_string(year - 80) + "-01-01", "birth"));
      HistoryItem h;
      h.from = Month::Of(year, 12).Add(-(years * 12 - 1));
      h.to = Month::Of(year, 12);
      h.salary = kWage;
      req.history.push_back(h);
      req.facts.average_salary = kWage;
      BHXH_ASSIGN_OR_RETURN(BenefitResult res, ComputeBenefit(bl, law, req));
      if (!res.eligible) continue;
      r.rate[s][years] = static_cast<double>(res.rate) / kMicroPerUnit;  // RateMicro: millionths
      r.lump_months[s][years] = static_cast<double>(res.LumpSum()) / kWage;
      if (years == 35 && s == 0)
        for (const auto& st : res.steps) r.cites.push_back(st.code + ": " + st.law);
    }
  }
  // Retirement age: the schedule of the law data (years before it keep its
  // first row), then the assumption.
  struct AgeTable {
    std::array<std::map<int, int>, 2> months;
  };
  auto table = std::make_shared<AgeTable>();
  for (int s = 0; s < 2; ++s) {
    std::optional<int> target = s == 0 ? age_male_months : age_female_months;
    int last = 0;
    for (int y = start; y <= start + 110; ++y) {
      auto a = bl.AgeForYear(s == 0 ? Sex::kMale : Sex::kFemale, y);
      if (!a.ok()) return a.status();
      int m = a->total_months();
      if (target) {
        if (*target < m) m = *target;
        else if (*target > m) m = std::min(*target, std::max(m, last + step_months));
      }
      table->months[s][y] = m;
      last = m;
    }
  }
  r.retirement_age_months = [table, start](int s, int y) {
    const auto& t = table->months[s];
    return t.find(std::clamp(y, start, start + 110))->second;
  };
  return r;
}

// ------------------------------------------------------------- projection

namespace {

// Career-average wage revalued by prices, as a share of the final wage,
// for a wage that grew at `g` real a year over `n` years.
double CareerAverageFactor(double n, double g) {
  int years = std::max(1, static_cast<int>(std::lround(n)));
  if (g == 0) return 1;
  double s = 0, f = 1;
  for (int k = 0; k < years; ++k) {
    s += f;
    f /= 1 + g;
  }
  return s / years;
}

// Weights of new contributors by age: a triangle from 15 to 45 peaking at
// the mean entry age.
AgeRow EntryWeights(double mean) {
  AgeRow w{};
  double lo = 15, hi = 45, peak = std::clamp(mean, lo + 1, hi - 1), sum = 0;
  for (int x = 15; x <= 45; ++x) {
    double v = x <= peak ? (x - lo + 1) / (peak - lo + 1) : (hi - x + 1) / (hi - peak + 1);
    w[x - kMinAge] = std::max(0.0, v);
    sum += w[x - kMinAge];
  }
  for (double& v : w) v /= sum;
  return w;
}

}  // namespace

Projection Project(const BasePopulation& base, const Assumptions& a, const ModelRules& rules,
                   const std::array<MortalityLaw, 2>& mortality, const std::vector<YearShock>& shocks) {
  const int years = static_cast<int>(a.Get("years"));
  const double rate = a.Get("contribution_rate_pension") / 100, hi_rate = a.Get("hi_rate_on_pensions") / 100;
  const double index_real = a.Get("pension_indexation_real") / 100, g_real = a.Get("wage_growth_real") / 100,
               inflation = a.Get("inflation") / 100, y_real = a.Get("yield_real") / 100;
  const double withdraw = a.Get("lump_sum_withdrawal_rate") / 100, lump_months = a.Get("lump_sum_months_per_year");
  const double density = a.Get("contribution_density") / 100, survivor_share = a.Get("survivor_cost_share") / 100;
  const double improvement = a.Get("mortality_improvement") / 100, lf_growth = a.Get("labour_force_growth") / 100;
  const bool closed = a.Has("closed_group") && a.Get("closed_group") != 0;
  const int t0 = base.year;

  SexAge A = base.contributors, W = base.wage, S = base.service, P = base.pensioners, B = base.pension;
  const double contributors0 = A.Sum();
  // Coverage path: from the start (contributors / labour force) to the
  // target in the target year, linearly; the labour force grows.
  const double lf0 = a.Get("labour_force") * 1e6;
  const double cov0 = lf0 > 0 ? contributors0 / lf0 : 0;
  const double cov_target = a.Get("coverage_target") / 100;
  const int cov_year = static_cast<int>(a.Get("coverage_target_year"));
  const AgeRow entry = EntryWeights(a.Get("entry_age"));
  // Sex split of entrants and their starting wage: as among the young in the base.
  double young[2] = {0, 0}, young_wage = 0, young_n = 0, all_wage = 0;
  for (int s = 0; s < 2; ++s)
    for (int i = 0; i < kAges; ++i) {
      all_wage += A.v[s][i] * W.v[s][i];
      if (i + kMinAge <= 29) {
        young[s] += A.v[s][i];
        young_wage += A.v[s][i] * W.v[s][i];
        young_n += A.v[s][i];
      }
    }
  double male_share = young[0] + young[1] > 0 ? young[0] / (young[0] + young[1]) : 0.5;
  double entry_wage = young_n > 0 ? young_wage / young_n : contributors0 > 0 ? all_wage / contributors0 : 0;

  Projection out;
  out.start_reserve = base.reserve;
  double reserve = base.reserve;
  double pv_exp = 0, pv_wages = 0, discount = 1;
  for (int k = 0; k < years; ++k) {
    const int t = t0 + k;
    const YearShock sh = k < static_cast<int>(shocks.size()) ? shocks[k] : YearShock{};
    const double g_nom = (1 + g_real + sh.wage) * (1 + inflation) - 1;
    const double yield_nom = (1 + y_real + sh.yield) * (1 + inflation) - 1;
    YearResult yr;
    yr.year = t;
    yr.retirement_age_male = rules.retirement_age_months(0, t) / 12.0;
    yr.retirement_age_female = rules.retirement_age_months(1, t) / 12.0;

    // 1. Contributions and benefits through the year.
    double wage_bill = 0, pension_exp = 0, wage_sum = 0, pension_sum = 0;
    for (int s = 0; s < 2; ++s)
      for (int i = 0; i < kAges; ++i) {
        wage_bill += A.v[s][i] * W.v[s][i] * 12;
        pension_exp += P.v[s][i] * B.v[s][i] * 12;
      }
    wage_sum = wage_bill / 12;
    pension_sum = pension_exp / 12;
    yr.contributors = A.Sum();
    yr.pensioners = P.Sum();
    yr.wage_bill = wage_bill;
    yr.revenue = wage_bill * density * rate;
    yr.pension_expenditure = pension_exp;
    yr.hi_contributions = pension_exp * hi_rate;
    yr.survivor_benefits = pension_exp * survivor_share;
    yr.average_wage = yr.contributors > 0 ? wage_sum / yr.contributors : 0;
    yr.average_pension = yr.pensioners > 0 ? pension_sum / yr.pensioners : 0;

    // 2. End of year: deaths, withdrawals, retirements, ageing.
    SexAge A2{}, W2{}, S2{}, P2{}, B2{};
    double lump_sums = 0, deaths = 0, withdrawals = 0, new_pensioners = 0;
    const double mort_level = std::pow(1 - improvement, t - t0) * sh.mortality;
    for (int s = 0; s < 2; ++s) {
      const int ra_next = rules.retirement_age_months(s, t + 1);
      for (int i = 0; i < kAges; ++i) {
        const int age = i + kMinAge;
        const double q = std::min(1.0, mortality[s].Q(age) * mort_level);
        // Pensioners.
        const double p_alive = P.v[s][i] * (1 - q);
        deaths += P.v[s][i] * q;
        const double b_next = B.v[s][i] * (1 + inflation) * (1 + index_real);
        // Contributors.
        const double a_alive = A.v[s][i] * (1 - q);
        deaths += A.v[s][i] * q;
        const double w_out = a_alive * withdraw;
        const double stay = a_alive - w_out;
        const double svc = S.v[s][i] + 1;  // completed by the end of the year
        const double avg_factor = CareerAverageFactor(svc, g_real);
        const double w_now = W.v[s][i];
        // A lump sum of one-time SI: months per year of service × career-average wage.
        lump_sums += w_out * lump_months * svc * w_now * avg_factor;
        withdrawals += w_out;
        // Who reaches the retirement age by the end of the year: exact ages
        // at 1 January next are spread evenly over [age + 1, age + 2).
        const double share_retire = std::clamp((age + 2) - ra_next / 12.0, 0.0, 1.0);
        const double retire = age == kMaxAge ? stay : stay * share_retire;
        const double remain = stay - retire;
        if (retire > 0) {
          const int whole = std::clamp(static_cast<int>(svc), 0, 60);
          const double r = rules.rate[s][whole];
          if (r > 0 && svc >= rules.min_years) {
            const double avg = w_now * avg_factor;
            const double new_b = avg * r;
            lump_sums += retire * rules.lump_months[s][whole] * avg;
            const int j = std::min(i + 1, kAges - 1);
            B2.v[s][j] = (B2.v[s][j] * P2.v[s][j] + new_b * retire) / (P2.v[s][j] + retire);
            P2.v[s][j] += retire;
            new_pensioners += retire;
          } else {
            // Not enough years for a pension: one-time SI.
            lump_sums += retire * lump_months * svc * w_now * avg_factor;
            withdrawals += retire;
          }
        }
        const int j = std::min(i + 1, kAges - 1);
        if (p_alive > 0) {
          B2.v[s][j] = (B2.v[s][j] * P2.v[s][j] + b_next * p_alive) / (P2.v[s][j] + p_alive);
          P2.v[s][j] += p_alive;
        }
        if (remain > 0 && age < kMaxAge) {
          const double wn = w_now * (1 + g_nom);
          W2.v[s][j] = (W2.v[s][j] * A2.v[s][j] + wn * remain) / (A2.v[s][j] + remain);
          S2.v[s][j] = (S2.v[s][j] * A2.v[s][j] + svc * remain) / (A2.v[s][j] + remain);
          A2.v[s][j] += remain;
        }
      }
    }
    // 3. New contributors: enough to follow the coverage path.
    entry_wage *= 1 + g_nom;
    double target = 0;
    if (!closed && cov0 > 0) {
      const double lf = lf0 * std::pow(1 + lf_growth, k + 1);
      const double frac = cov_year > t0 ? std::clamp(static_cast<double>(t + 1 - t0) / (cov_year - t0), 0.0, 1.0) : 1;
      const double cov = cov0 + (std::max(cov_target, 0.0) - cov0) * frac;
      target = lf * cov;
      yr.coverage_index = contributors0 > 0 ? target / contributors0 : 0;
    }
    const double gap_people = std::max(0.0, target - A2.Sum());
    if (gap_people > 0) {
      for (int s = 0; s < 2; ++s) {
        const double share = s == 0 ? male_share : 1 - male_share;
        for (int i = 0; i < kAges; ++i) {
          const double n = gap_people * share * entry[i];
          if (n <= 0) continue;
          W2.v[s][i] = (W2.v[s][i] * A2.v[s][i] + entry_wage * n) / (A2.v[s][i] + n);
          S2.v[s][i] = (S2.v[s][i] * A2.v[s][i]) / (A2.v[s][i] + n);
          A2.v[s][i] += n;
        }
      }
    }
    yr.entrants = gap_people;
    yr.deaths = deaths;
    yr.withdrawals = withdrawals;
    yr.new_pensioners = new_pensioners;
    yr.lump_sums = lump_sums;
    yr.expenditure = yr.pension_expenditure + yr.hi_contributions + yr.survivor_benefits + yr.lump_sums;
    yr.investment_income = reserve > 0 ? reserve * yield_nom : 0;
    if (!out.deficit_year && yr.revenue < yr.expenditure) out.deficit_year = t;
    reserve = reserve + yr.revenue + yr.investment_income - yr.expenditure;
    yr.reserve = reserve;
    if (!out.depletion_year && reserve < 0) out.depletion_year = t;
    yr.reserve_ratio = yr.expenditure > 0 ? reserve / yr.expenditure : 0;
    yr.dependency_ratio = yr.contributors > 0 ? 100 * yr.pensioners / yr.contributors : 0;
    yr.payg_cost_rate = wage_bill > 0 ? 100 * yr.expenditure / wage_bill : 0;
    // General average premium: present values at the nominal yield.
    pv_exp += yr.expenditure * discount;
    pv_wages += wage_bill * density * discount;
    discount /= 1 + yield_nom;
    out.years.push_back(yr);
    A = A2, W = W2, S = S2, P = P2, B = B2;
  }
  out.payg_cost_rate = out.years.empty() ? 0 : out.years.front().payg_cost_rate;
  out.gap = pv_wages > 0 ? 100 * std::max(0.0, pv_exp - base.reserve) / pv_wages : 0;
  return out;
}

StochasticResult ProjectStochastic(const BasePopulation& base, const Assumptions& a, const ModelRules& rules,
                                   const std::array<MortalityLaw, 2>& mortality, int threads) {
  auto t_start = std::chrono::steady_clock::now();
  const int paths = static_cast<int>(a.Get("paths")), years = static_cast<int>(a.Get("years"));
  const uint64_t seed = static_cast<uint64_t>(a.Get("seed"));
  const double sw = a.Get("wage_volatility") / 100, sy = a.Get("yield_volatility") / 100,
               sm = a.Get("mortality_volatility") / 100;
  std::vector<std::vector<double>> reserves(paths);
  std::vector<int> depletion(paths, 0);
  auto run = [&](int from, int to) {
    for (int p = from; p < to; ++p) {
      std::mt19937_64 gen(seed + static_cast<uint64_t>(p));
      std::normal_distribution<double> z(0, 1);
      std::vector<YearShock> shocks(years);
      for (auto& s : shocks) {
        s.wage = sw * z(gen);
        s.yield = sy * z(gen);
        s.mortality = std::exp(sm * z(gen) - sm * sm / 2);
      }
      Projection pr = Project(base, a, rules, mortality, shocks);
      reserves[p].reserve(pr.years.size());
      for (const auto& y : pr.years) reserves[p].push_back(y.reserve);
      depletion[p] = pr.depletion_year.value_or(0);
    }
  };
  threads = std::max(1, std::min(threads, paths));
  std::vector<std::thread> pool;
  for (int k = 0; k < threads; ++k) pool.emplace_back(run, paths * k / threads, paths * (k + 1) / threads);
  for (auto& th : pool) th.join();

  StochasticResult out;
  out.paths = paths;
  static constexpr double kP[5] = {0.05, 0.25, 0.50, 0.75, 0.95};
  std::vector<double> col(paths);
  for (int k = 0; k < years; ++k) {
    out.years.push_back(base.year + k);
    for (int p = 0; p < paths; ++p) col[p] = reserves[p][k];
    std::sort(col.begin(), col.end());
    std::array<double, 5> q{};
    for (int i = 0; i < 5; ++i) q[i] = col[static_cast<size_t>(std::lround(kP[i] * (paths - 1)))];
    out.reserve.push_back(q);
  }
  // Depletion percentiles: paths never depleted count as "after the horizon".
  std::vector<int> d(depletion);
  for (int& v : d)
    if (v == 0) v = std::numeric_limits<int>::max();
  std::sort(d.begin(), d.end());
  int depleted = 0;
  for (int v : depletion) depleted += v != 0;
  out.share_depleted = paths > 0 ? static_cast<double>(depleted) / paths : 0;
  for (int i = 0; i < 5; ++i) {
    int v = d[static_cast<size_t>(std::lround(kP[i] * (paths - 1)))];
    if (v != std::numeric_limits<int>::max()) out.depletion[i] = v;
  }
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t_start).count();
  return out;
}

}  // namespace bhxh
