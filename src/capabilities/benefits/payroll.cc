#include "benefits/payroll.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <climits>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "base/csv.h"
#include "base/csv_out.h"
#include "base/xlsx_out.h"
#include "benefits/cases.h"
#include "platform/audit/audit.h"
#include "platform/jsonio/json.h"
#include "registry/registry.h"
#include "store/partitioned.h"
#include "store/session_settings.h"

namespace bhxh {

namespace {

constexpr int32_t kInOpen = INT32_MAX;  // Columns::end of an entry in force this month

using Clock = std::chrono::steady_clock;
double Since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// Raised by the indexation decrees (58/2014 Art.57, 41/2024 Art.67).
bool Indexed(std::string_view regime) { return regime == "pension" || regime == "occupational"; }
// A share of the month's reference level (58/2014 Art.68.1, 41/2024
// Art.87.1): paid at each month's level, not raised by the decrees.
bool ByReferenceLevel(std::string_view regime) { return regime == "survivor"; }

const char* RuleVi(const std::string& rule) {
  if (rule == "paid_after_death") return "Chi sau khi người hưởng đã chết";
  if (rule == "unemployment_while_employed") return "Hưởng trợ cấp thất nghiệp khi đã có việc làm, đang đóng BHXH bắt buộc";
  if (rule == "shared_bank_account") return "Một tài khoản nhận tiền cho nhiều người hưởng";
  if (rule == "overpaid_on_revision") return "Đã chi nhiều hơn số được hưởng sau khi điều chỉnh";
  return "";
}

// The decrees of `all` in force in month m, as text ("2024-07-01+150000;"):
// what a payroll records as applied, to see later that a decree came after.
std::string IndexationKey(const std::vector<Indexation>& all, int32_t m) {
  std::string key;
  const Date first = Month::FromIndex(m).FirstDay();
  for (const auto& x : all)
    if (x.effective_from <= first) {
      key += x.effective_from.ToString() + "+" + std::to_string(x.percent);
      if (x.topup_started_before)
        key += "/" + x.topup_started_before->ToString() + ":" + std::to_string(x.topup_up_to) + "+" +
               std::to_string(x.topup_add) + "<" + std::to_string(x.topup_floor);
      key += ";";
    }
  return key;
}

// A payroll already run, as the back pay needs it.
struct PastPayroll {
  int32_t month = 0;
  std::optional<std::string> indexations;  // absent in payrolls from before back pay
  std::optional<int64_t> max_beneficiary_id;
  Json summary;
};

struct BackPayLine {
  size_t row;
  int32_t for_month;
  Vnd amount;
  const char* reason;
};

// The beneficiaries of a month, as columns. Regime and province are small
// codes (an index into `regimes` / a two-digit number); the account is kept
// as a 64-bit hash for the shared-account check, its text only for rows
// that turn out to share one.
struct Columns {
  std::vector<int64_t> id, person;
  std::vector<uint8_t> regime, province, urban, cash;
  std::vector<Vnd> monthly;
  std::vector<Vnd> level;  // the reference level `monthly` was computed at (0: not recorded)
  std::vector<int32_t> start;
  // The last month due: kInOpen for the month's own entries (they run at
  // least to this month, so every earlier month is theirs); an entry that
  // ended before this month is in the columns only when it is new, for
  // the back pay of its months (`ended`).
  std::vector<int32_t> end;
  std::vector<uint8_t> ended;
  std::vector<int32_t> death_month;  // -1: alive
  std::vector<uint64_t> account;     // 0: cash
  std::vector<std::string> regimes;  // code of each regime index
  uint8_t RegimeIndex(std::string_view code) {
    for (size_t i = 0; i < regimes.size(); ++i)
      if (regimes[i] == code) return static_cast<uint8_t>(i);
    regimes.emplace_back(code);
    return static_cast<uint8_t>(regimes.size() - 1);
  }
};

uint64_t Fnv1a(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char ch : s) h = (h ^ ch) * 1099511628211ull;
  return h ? h : 1;
}

uint8_t ProvinceIndex(std::string_view p) {
  return p.size() == 2 && p[0] >= '0' && p[0] <= '9' && p[1] >= '0' && p[1] <= '9'
             ? static_cast<uint8_t>((p[0] - '0') * 10 + (p[1] - '0'))
             : 0;
}

std::string ProvinceCode(uint8_t i) {
  char b[4];
  std::snprintf(b, sizeof b, "%02d", i);
  return b;
}

}  // namespace

Result<PayrollStats> GetPayroll(Db& db, Month month) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT summary FROM benefit_payrolls WHERE month = ?"));
  st->Bind(static_cast<int64_t>(month.index()));
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row)
    return Status::NotFound("month", "Chưa chi trả tháng " + month.ToVi(), "no payroll for " + month.ToString());
  BHXH_ASSIGN_OR_RETURN(Json j, ParseJson(st->Text(0)));
  PayrollStats s;
  s.month = month;
  s.active = j["active"];
  s.paid = j["paid"];
  s.withheld = j["withheld"];
  s.indexed = j["indexed"];
  s.total = j["total"];
  for (auto& [k, v] : j["by_fund"].items()) s.by_fund[k] = v.get<Vnd>();
  for (const auto& p : j["provinces"])
    s.provinces.push_back({Txt(p, "province"), p["paid"], p["cashless"], p["amount"], p["cashless_amount"], p["urban"],
                           p["urban_cashless"]});
  s.findings_total = j["findings_total"];
  s.load_seconds = j["load_seconds"];
  s.compute_seconds = j["compute_seconds"];
  s.write_seconds = j["write_seconds"];
  s.created_at = Txt(j, "created_at");
  s.created_by = Txt(j, "created_by");
  s.back_paid = j.value("back_paid", int64_t{0});
  s.back_pay = j.value("back_pay", Vnd{0});
  BHXH_ASSIGN_OR_RETURN(auto fs, db.Prepare(
                                     "SELECT rule, beneficiary_id, cccd, amount, withheld, detail FROM benefit_findings "
                                     "WHERE month = ? ORDER BY id LIMIT 1000"));
  fs->Bind(static_cast<int64_t>(month.index()));
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool r, fs->Step());
    if (!r) break;
    s.findings.push_back({fs->Text(0), fs->Int(1), fs->Text(2), fs->Int(3), fs->Int(4) != 0, fs->Text(5)});
  }
  return s;
}

Result<PayrollStats> RunPayroll(Db& db, const LawBook& law, const BenefitLaw& bl, Month month, const Actor& actor) {
  const int64_t mi = month.index();
  {
    BHXH_ASSIGN_OR_RETURN(int64_t done, db.QueryInt("SELECT COUNT(*) FROM benefit_payrolls WHERE month = " +
                                                    std::to_string(mi)));
    if (done)
      return Status::Conflict("month", "Tháng " + month.ToVi() + " đã được chi trả; mỗi tháng chỉ chi một lần",
                              "the payroll of " + month.ToString() + " has already run");
  }
  PayrollStats stats;
  stats.month = month;
  // The reference level of a month (its first day), read once per month.
  std::unordered_map<int32_t, Vnd> levels;
  auto level_of = [&](int32_t m) -> Vnd {
    auto it = levels.find(m);
    if (it != levels.end()) return it->second;
    auto v = law.Amount("reference_level", Month::FromIndex(m).FirstDay());
    return levels[m] = v.ok() ? *v : 0;
  };
  // What a payroll records as applied in month m: the decrees and the
  // reference level, so that either entered late is paid back.
  auto payroll_key = [&](int32_t m) {
    return IndexationKey(bl.indexations(), m) + "ref=" + std::to_string(level_of(m)) + ";";
  };
  auto t0 = Clock::now();
  std::vector<PastPayroll> past;
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT month, summary FROM benefit_payrolls WHERE month < ? ORDER BY month"));
    st->Bind(mi);
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      PastPayroll p;
      p.month = static_cast<int32_t>(st->Int(0));
      BHXH_ASSIGN_OR_RETURN(p.summary, ParseJson(st->Text(1)));
      if (p.summary.contains("indexations")) p.indexations = p.summary["indexations"].get<std::string>();
      if (p.summary.contains("max_beneficiary_id")) p.max_beneficiary_id = p.summary["max_beneficiary_id"].get<int64_t>();
      past.push_back(std::move(p));
    }
  }
  BHXH_ASSIGN_OR_RETURN(const int64_t max_beneficiary, db.QueryInt("SELECT COALESCE(MAX(id), 0) FROM beneficiaries"));
  // Entries made after the last payroll (unknown before back pay existed:
  // then none is taken as new).
  const int64_t new_after =
      past.empty() || !past.back().max_beneficiary_id ? INT64_MAX : *past.back().max_beneficiary_id;
  Columns c;
  // Urban communes: a small table, held in memory ("pp:ccccc").
  std::unordered_set<std::string> urban;
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT province, commune FROM commune_types WHERE type = 'urban'"));
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      urban.insert(st->Text(0) + ":" + st->Text(1));
    }
  }
  {
    // "status || ''" (no index on it): a sequential scan of the register beats the index when
    // nearly every row is active. Persons are joined only for the commune
    // when the urban/rural list is loaded; deaths are read apart (below).
    const bool with_commune = !urban.empty();
    // Every row comes to this process, so PostgreSQL's parallel plan (the
    // join to persons split among workers) only adds the passing of rows
    // from the workers to the one backend that sends them, on cores the
    // payroll needs: for 3.3 million beneficiaries the read took 2.4–3.3 s
    // with it and 1.8–2.7 s without, seven runs alternating (BENCHMARKS.md).
    SessionSettings one_backend(db, {{"max_parallel_workers_per_gather", "0"}});
    // Streamed (Db::Stream): the rows are put in columns as the server sends them.
    BHXH_ASSIGN_OR_RETURN(
        auto st,
        db.Stream(
            std::string("SELECT b.id, b.person_id, b.province, b.regime, b.monthly, b.start_month, "
                        "b.bank_account, ") +
            (with_commune ? "p.commune" : "''") + ", COALESCE(b.reference_level, 0) FROM beneficiaries b " +
            (with_commune ? "JOIN persons p ON p.id = b.person_id " : "") +
            "WHERE b.status || '' = 'active' AND b.start_month <= ? AND (b.end_month IS NULL OR b.end_month >= ?)"));
    st->Bind(mi, mi);
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      c.id.push_back(st->Int(0));
      c.person.push_back(st->Int(1));
      const std::string_view prov = st->View(2);
      c.province.push_back(ProvinceIndex(prov));
      c.regime.push_back(c.RegimeIndex(st->View(3)));
      c.monthly.push_back(st->Int(4));
      c.start.push_back(static_cast<int32_t>(st->Int(5)));
      const std::string_view acct = st->View(6);
      c.cash.push_back(acct.empty() ? 1 : 0);
      c.account.push_back(acct.empty() ? 0 : Fnv1a(acct));
      c.death_month.push_back(-1);
      c.urban.push_back(with_commune && urban.count(std::string(prov) + ":" + st->Text(7)) ? 1 : 0);
      c.end.push_back(kInOpen);
      c.ended.push_back(0);
      c.level.push_back(st->Int(8));
    }
  }
  // Entries approved since the last payroll that ended before this month
  // (a survivors' stretch whose child came of age, an unemployment benefit
  // of a few months): nothing is due this month, but the months already
  // paid for others are owed (few rows: the register's newest ids).
  if (new_after != INT64_MAX) {
    BHXH_ASSIGN_OR_RETURN(
        auto st, db.Prepare("SELECT id, person_id, province, regime, monthly, start_month, "
                            "bank_account, end_month, COALESCE(reference_level, 0) FROM beneficiaries WHERE id > ? AND "
                            "status = 'active' AND end_month < ? AND start_month < ?"));
    st->Bind(new_after, mi, mi);
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      c.id.push_back(st->Int(0));
      c.person.push_back(st->Int(1));
      c.province.push_back(ProvinceIndex(st->View(2)));
      c.regime.push_back(c.RegimeIndex(st->View(3)));
      c.monthly.push_back(st->Int(4));
      c.start.push_back(static_cast<int32_t>(st->Int(5)));
      const std::string_view acct = st->View(6);
      c.cash.push_back(acct.empty() ? 1 : 0);
      c.account.push_back(0);  // not paid this month: not in the shared-account check
      c.death_month.push_back(-1);
      c.urban.push_back(0);
      c.end.push_back(static_cast<int32_t>(st->Int(7)));
      c.ended.push_back(1);
      c.level.push_back(st->Int(8));
    }
  }
  // Deaths recorded for persons in the register: from the dead (the partial
  // index persons_deceased) to their benefits (beneficiaries_person_status);
  // CROSS JOIN keeps SQLite from starting at the register's status index.
  {
    std::unordered_map<int64_t, int32_t> death;
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT b.id, p.deceased_on FROM persons p CROSS JOIN beneficiaries b "
                                              "WHERE b.person_id = p.id AND p.deceased_on IS NOT NULL AND "
                                              "b.status || '' = 'active'"));
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      auto d = Date::Parse(st->Text(1), "deceased_on");
      if (d.ok()) death[st->Int(0)] = Month::OfDate(*d).index();
    }
    if (!death.empty())
      for (size_t i = 0; i < c.id.size(); ++i)
        if (auto it = death.find(c.id[i]); it != death.end()) c.death_month[i] = it->second;
  }
  // Unemployment beneficiaries with dues in the month or the one before.
  std::unordered_set<int64_t> employed;
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(
                                       "SELECT DISTINCT b.id FROM beneficiaries b JOIN dues d ON d.person_id = b.person_id "
                                       "WHERE b.regime = 'unemployment' AND b.status || '' = 'active' AND d.month IN (?, ?) "
                                       "AND d.month >= b.start_month"));
    st->Bind(mi, mi - 1);
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      employed.insert(st->Int(0));
    }
  }
  stats.load_seconds = Since(t0);
  auto t1 = Clock::now();

  const size_t n = c.id.size();
  stats.active = static_cast<int64_t>(std::count(c.ended.begin(), c.ended.end(), 0));
  std::vector<Vnd> amount(n, 0);
  std::vector<uint8_t> pay(n, 1);
  // Per regime: indexed or not, its fund.
  std::vector<uint8_t> indexed(c.regimes.size()), by_level(c.regimes.size()), unemployment(c.regimes.size()),
      pension(c.regimes.size());
  std::vector<std::string> fund(c.regimes.size());
  for (size_t r = 0; r < c.regimes.size(); ++r) {
    indexed[r] = Indexed(c.regimes[r]);
    by_level[r] = ByReferenceLevel(c.regimes[r]);
    unemployment[r] = c.regimes[r] == "unemployment";
    pension[r] = c.regimes[r] == "pension";
    fund[r] = FundOfRegime(c.regimes[r]);
  }
  // Every indexation as (first month it applies in, the decree); month m
  // applies those effective by m's first day.
  struct Raise {
    int32_t month;
    const Indexation* decree;
  };
  std::vector<Raise> raises;
  for (const auto& x : bl.indexations()) raises.push_back({Month::OfDate(x.effective_from).index(), &x});
  // What row i was due for month m: the approved amount raised by each
  // decree in force in m that took effect after the benefit started
  // (its month is later than the start month), with the decree's fixed
  // top-up for pensions that started early enough.
  auto due_in = [&](size_t i, int32_t m, bool* raised) {
    Vnd a = c.monthly[i];
    if (by_level[c.regime[i]]) {
      // The share at month m's level. An entry without its level recorded
      // (approved before it was kept) was computed at the level of the
      // month before it started: the month of death.
      const Vnd at = c.level[i] ? c.level[i] : level_of(c.start[i] - 1);
      const Vnd now = level_of(m);
      if (at <= 0 || now <= 0 || now == at) return a;
      if (raised) *raised = true;
      return static_cast<Vnd>((static_cast<__int128>(a) * now + at / 2) / at);
    }
    if (!indexed[c.regime[i]]) return a;
    const Date first = Month::FromIndex(m).FirstDay();
    for (const auto& r : raises)
      if (r.decree->effective_from <= first && r.month > c.start[i]) {
        a = r.decree->Apply(a, Month::FromIndex(c.start[i]), pension[c.regime[i]]);
        if (raised) *raised = true;
      }
    return a;
  };
  std::array<PayrollProvince, 100> prov{};
  std::vector<Vnd> by_fund(c.regimes.size(), 0);
  for (size_t i = 0; i < n; ++i) {
    if (c.ended[i]) {
      pay[i] = 0;  // nothing of its own this month; back pay below
      continue;
    }
    bool raised = false;
    Vnd a = due_in(i, static_cast<int32_t>(mi), &raised);
    stats.indexed += raised;
    amount[i] = a;
    if (c.death_month[i] >= 0 && c.death_month[i] < mi) {
      pay[i] = 0;
      stats.findings.push_back({"paid_after_death", c.id[i], "", a, true,
                                std::string(RuleVi("paid_after_death")) + ": chết tháng " +
                                    Month::FromIndex(c.death_month[i]).ToVi() + ", không chi tháng " + month.ToVi()});
    } else if (unemployment[c.regime[i]] && employed.count(c.id[i])) {
      pay[i] = 0;
      stats.findings.push_back({"unemployment_while_employed", c.id[i], "", a, true,
                                std::string(RuleVi("unemployment_while_employed")) +
                                    ": có số phải đóng BHXH bắt buộc tháng " + month.Prev().ToVi() + " hoặc " +
                                    month.ToVi() + "; tạm dừng chi"});
    }
    if (!pay[i]) {
      ++stats.withheld;
      continue;
    }
    ++stats.paid;
    stats.total += a;
    by_fund[c.regime[i]] += a;
    auto& p = prov[c.province[i]];
    ++p.paid;
    p.amount += a;
    if (!c.cash[i]) {
      ++p.cashless;
      p.cashless_amount += a;
    }
    if (c.urban[i]) {
      ++p.urban;
      p.urban_cashless += !c.cash[i];
    }
  }
  // Back pay for months already paid (payroll.h).
  std::vector<Vnd> back(n, 0);
  std::vector<BackPayLine> back_lines;
  auto settle = [&](size_t i, int32_t m, Vnd due, Vnd paid, const char* reason) {
    if (due > paid) {
      back[i] += due - paid;
      back_lines.push_back({i, m, due - paid, reason});
    } else if (due < paid) {
      stats.findings.push_back({"overpaid_on_revision", c.id[i], "", paid - due, false,
                                std::string(RuleVi("overpaid_on_revision")) + ": tháng " + Month::FromIndex(m).ToVi() +
                                    " đã chi " + std::to_string(paid) + " đồng, nay được hưởng " + std::to_string(due) +
                                    " đồng; cán bộ thu hồi số chi thừa"});
    }
  };
  std::vector<int32_t> revised;  // paid months whose decrees changed, settled here
  for (const auto& p : past) {
    if (!p.indexations || *p.indexations == payroll_key(p.month)) continue;
    revised.push_back(p.month);
    std::unordered_map<int64_t, Vnd> paid;  // that month's payment and back pay since, by entry
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT beneficiary_id, amount FROM benefit_payments WHERE month = ? "
                                              "UNION ALL SELECT beneficiary_id, amount FROM benefit_back_pay "
                                              "WHERE for_month = ?"));
    st->Bind(static_cast<int64_t>(p.month), static_cast<int64_t>(p.month));
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      paid[st->Int(0)] += st->Int(1);
    }
    for (size_t i = 0; i < n; ++i) {
      if (!pay[i] || c.id[i] > new_after || c.start[i] > p.month) continue;
      auto it = paid.find(c.id[i]);
      if (it == paid.end()) continue;  // not paid that month: withheld, or not yet due
      settle(i, p.month, due_in(i, p.month, nullptr), it->second, "indexation");
    }
  }
  if (new_after != INT64_MAX) {
    // What the person was paid under the regime for each month since the
    // new entry's start, under any entry (a superseded one included).
    BHXH_ASSIGN_OR_RETURN(
        auto st, db.Prepare("SELECT t.m, SUM(t.a) FROM (SELECT y.month AS m, y.amount AS a FROM benefit_payments y "
                            "JOIN beneficiaries x ON x.id = y.beneficiary_id WHERE x.person_id = ? AND x.regime = ? "
                            "AND y.month >= ? UNION ALL SELECT k.for_month, k.amount FROM benefit_back_pay k "
                            "JOIN beneficiaries x ON x.id = k.beneficiary_id WHERE x.person_id = ? AND x.regime = ? "
                            "AND k.for_month >= ?) t GROUP BY t.m"));
    for (size_t i = 0; i < n; ++i) {
      if ((!pay[i] && !c.ended[i]) || c.id[i] <= new_after || c.start[i] >= mi) continue;
      const std::string& regime = c.regimes[c.regime[i]];
      const int64_t from = c.start[i];
      st->Reset();
      st->Bind(c.person[i], regime, from, c.person[i], regime, from);
      std::map<int32_t, Vnd> paid;
      while (true) {
        BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
        if (!row) break;
        paid[static_cast<int32_t>(st->Int(0))] = st->Int(1);
      }
      for (const auto& p : past)
        if (p.month >= c.start[i] && p.month <= c.end[i] && !(c.death_month[i] >= 0 && c.death_month[i] < p.month))
          settle(i, p.month, due_in(i, p.month, nullptr), paid[p.month], "late_start");
    }
  }
  for (size_t i = 0; i < n; ++i) {
    if (!back[i]) continue;
    ++stats.back_paid;
    stats.back_pay += back[i];
    stats.total += back[i];
    by_fund[c.regime[i]] += back[i];
    auto& p = prov[c.province[i]];
    p.amount += back[i];
    if (!c.cash[i]) p.cashless_amount += back[i];
  }
  // Accounts shared by different persons: sort (hash, person, row) and look
  // at runs of one hash.
  {
    std::vector<std::tuple<uint64_t, int64_t, uint32_t>> acc;
    acc.reserve(n);
    for (size_t i = 0; i < n; ++i)
      if (c.account[i]) acc.emplace_back(c.account[i], c.person[i], static_cast<uint32_t>(i));
    std::sort(acc.begin(), acc.end());
    for (size_t a = 0; a < acc.size();) {
      size_t b = a + 1;
      while (b < acc.size() && std::get<0>(acc[b]) == std::get<0>(acc[a])) ++b;
      if (std::get<1>(acc[b - 1]) != std::get<1>(acc[a])) {
        std::set<int64_t> persons;
        for (size_t k = a; k < b; ++k) persons.insert(std::get<1>(acc[k]));
        for (size_t k = a; k < b; ++k) {
          size_t i = std::get<2>(acc[k]);
          stats.findings.push_back({"shared_bank_account", c.id[i], "", amount[i], false,
                                    std::string(RuleVi("shared_bank_account")) + ": một tài khoản nhận cho " +
                                        std::to_string(persons.size()) + " người; cán bộ kiểm tra quan hệ"});
        }
      }
      a = b;
    }
  }
  // The CCCD of each finding (few rows: read back by id).
  if (!stats.findings.empty()) {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT cccd FROM beneficiaries WHERE id = ?"));
    for (auto& f : stats.findings) {
      st->Reset();
      st->Bind(f.beneficiary_id);
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (row) f.cccd = st->Text(0);
    }
  }
  for (size_t r = 0; r < c.regimes.size(); ++r)
    if (by_fund[r]) stats.by_fund[fund[r]] += by_fund[r];
  for (int i = 0; i < 100; ++i)
    if (prov[i].paid) {
      prov[i].province = ProvinceCode(static_cast<uint8_t>(i));
      stats.provinces.push_back(prov[i]);
    }
  stats.findings_total = static_cast<int64_t>(stats.findings.size());
  stats.compute_seconds = Since(t1);
  auto t2 = Clock::now();

  // Payments on shards (store/partitioned.h) that a coordinator which died
  // while committing left prepared: kept if their month's payroll is
  // recorded here.
  BHXH_ASSIGN_OR_RETURN(int settled,
                        ResolvePrepared(db, "benefit_payments",
                                        RecordedAs(db, "payroll", "SELECT COUNT(*) FROM benefit_payrolls WHERE month = ?")));
  (void)settled;
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  std::array<std::string, 100> province_codes;
  for (int i = 0; i < 100; ++i) province_codes[i] = ProvinceCode(static_cast<uint8_t>(i));
  {
    // Each province's payments go to the server holding its partition
    // (PostgreSQL; one table on SQLite), the coordinator's own partitions
    // dealt among several connections by their rows (store/partitioned.h).
    // Rows go out grouped by province within chunks of 64k, so every
    // connection has work all along and switches its COPY a few times a
    // chunk. (One payroll per month: benefit_payrolls' key refuses a
    // second, and with it its rows on every shard.)
    // A row for each payment of the month, and for an ended entry's back pay.
    auto written = [&](size_t i) { return pay[i] || (c.ended[i] && back[i]); };
    std::array<int64_t, 100> per_province{};
    for (size_t i = 0; i < n; ++i)
      if (written(i)) ++per_province[c.province[i]];
    BHXH_ASSIGN_OR_RETURN(int connections, BulkWriteConnections());
    WriteOptions spread{.connections = connections};
    for (int k = 0; k < 100; ++k)
      if (per_province[k]) spread.rows_by_key[province_codes[k]] = per_province[k];
    BHXH_ASSIGN_OR_RETURN(auto w, PartitionedWrite::Open(db, "benefit_payments",
                                                         {"month", "beneficiary_id", "province", "regime", "amount",
                                                          "channel", "back_pay"},
                                                         "payroll-" + std::to_string(mi), std::move(spread)));
    std::array<BulkWriter*, 100> writer{};
    constexpr size_t kChunk = size_t{1} << 16;
    std::vector<uint32_t> order;
    for (size_t s = 0; s < n; s += kChunk) {
      const size_t e = std::min(n, s + kChunk);
      std::array<uint32_t, 101> start{};
      for (size_t i = s; i < e; ++i)
        if (written(i)) ++start[c.province[i] + 1];
      for (size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
      order.resize(start[100]);
      for (size_t i = s; i < e; ++i)
        if (written(i)) order[start[c.province[i]]++] = static_cast<uint32_t>(i);
      for (uint32_t i : order) {
        BulkWriter*& wr = writer[c.province[i]];
        if (!wr) {
          BHXH_ASSIGN_OR_RETURN(wr, w->For(province_codes[c.province[i]]));
        }
        wr->Int(mi);
        wr->Int(c.id[i]);
        wr->Text(province_codes[c.province[i]]);
        wr->Text(c.regimes[c.regime[i]]);
        wr->Int(amount[i]);
        wr->Text(c.cash[i] ? "cash" : "bank");
        wr->Int(back[i]);
        BHXH_RETURN_IF_ERROR(wr->EndRow());
      }
    }
    BHXH_RETURN_IF_ERROR(w->Finish());
  }
  if (!back_lines.empty()) {
    BHXH_ASSIGN_OR_RETURN(auto w, db.Bulk("benefit_back_pay", {"month", "beneficiary_id", "for_month", "amount", "reason"}));
    for (const auto& l : back_lines) {
      w->Int(mi);
      w->Int(c.id[l.row]);
      w->Int(l.for_month);
      w->Int(l.amount);
      w->Text(l.reason);
      BHXH_RETURN_IF_ERROR(w->EndRow());
    }
    BHXH_RETURN_IF_ERROR(w->Finish());
  }
  // The months settled for a later decree now record it as applied.
  for (const auto& p : past) {
    if (std::find(revised.begin(), revised.end(), p.month) == revised.end()) continue;
    Json s = p.summary;
    s["indexations"] = payroll_key(p.month);
    s["indexations_settled_in"] = month.ToString();
    BHXH_ASSIGN_OR_RETURN(auto up, db.Prepare("UPDATE benefit_payrolls SET summary = ? WHERE month = ?"));
    BHXH_RETURN_IF_ERROR(up->Bind(DumpJson(s), static_cast<int64_t>(p.month)).Run());
  }
  if (!stats.findings.empty()) {
    BHXH_ASSIGN_OR_RETURN(auto w, db.Bulk("benefit_findings", {"month", "rule", "beneficiary_id", "cccd", "amount",
                                                               "withheld", "detail"}));
    for (const auto& f : stats.findings) {
      w->Int(mi);
      w->Text(f.rule);
      w->Int(f.beneficiary_id);
      w->Text(f.cccd);
      w->Int(f.amount);
      w->Int(f.withheld ? 1 : 0);
      w->Text(f.detail);
      BHXH_RETURN_IF_ERROR(w->EndRow());
    }
    BHXH_RETURN_IF_ERROR(w->Finish());
  }
  for (const auto& [fund, amt] : stats.by_fund) {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(
                                       "INSERT INTO fund_postings (month, fund, kind, source, amount, created_at) "
                                       "VALUES (?, ?, 'expenditure', 'benefits_payroll', ?, ?)"));
    BHXH_RETURN_IF_ERROR(st->Bind(mi, fund, amt, NowIsoUtc()).Run());
  }
  stats.write_seconds = Since(t2);
  stats.created_at = NowIsoUtc();
  stats.created_by = actor.id;
  Json provinces = Json::array();
  for (const auto& p : stats.provinces)
    provinces.push_back({{"province", p.province},
                         {"paid", p.paid},
                         {"cashless", p.cashless},
                         {"amount", p.amount},
                         {"cashless_amount", p.cashless_amount},
                         {"urban", p.urban},
                         {"urban_cashless", p.urban_cashless}});
  Json summary = {{"active", stats.active},
                  {"paid", stats.paid},
                  {"withheld", stats.withheld},
                  {"indexed", stats.indexed},
                  {"total", stats.total},
                  {"by_fund", stats.by_fund},
                  {"provinces", provinces},
                  {"findings_total", stats.findings_total},
                  {"load_seconds", stats.load_seconds},
                  {"compute_seconds", stats.compute_seconds},
                  {"write_seconds", stats.write_seconds},
                  {"created_at", stats.created_at},
                  {"created_by", stats.created_by},
                  {"back_paid", stats.back_paid},
                  {"back_pay", stats.back_pay},
                  {"indexations", payroll_key(static_cast<int32_t>(mi))},
                  {"max_beneficiary_id", max_beneficiary}};
  BHXH_ASSIGN_OR_RETURN(auto ins, db.Prepare(
                                      "INSERT INTO benefit_payrolls (month, paid, total, summary, created_at, created_by) "
                                      "VALUES (?, ?, ?, ?, ?, ?)"));
  BHXH_RETURN_IF_ERROR(ins->Bind(mi, stats.paid, stats.total, DumpJson(summary), stats.created_at, actor.id).Run());
  BHXH_RETURN_IF_ERROR(WriteAudit(db, actor, "benefit_payroll", "payroll", month.ToString(),
                                  std::to_string(stats.paid) + " paid, total " + std::to_string(stats.total)));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  if (stats.findings.size() > 1000) stats.findings.resize(1000);
  return stats;
}

namespace {

Result<std::unique_ptr<Stmt>> PaymentRows(Db& db, Month month, const std::string& province, const std::string& channel) {
  std::string sql =
      "SELECT b.cccd, p.full_name, b.payee, b.bank, b.bank_account, b.cash_point, b.regime, y.amount + y.back_pay, "
      "b.province, y.back_pay "
      "FROM benefit_payments y JOIN beneficiaries b ON b.id = y.beneficiary_id JOIN persons p ON p.id = b.person_id "
      "WHERE y.month = ? AND y.channel = ?";
  if (!province.empty()) sql += " AND y.province = ?";
  sql += channel == "cash" ? " ORDER BY b.cash_point, b.id" : " ORDER BY b.bank, b.id";
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(sql));
  st->BindInt(1, month.index());
  st->BindText(2, channel);
  if (!province.empty()) st->BindText(3, province);
  return st;
}

Status NeedPayroll(Db& db, Month month) { return GetPayroll(db, month).status(); }

}  // namespace

Result<std::string> PayrollBankFile(Db& db, Month month, const std::string& province) {
  BHXH_RETURN_IF_ERROR(NeedPayroll(db, month));
  BHXH_ASSIGN_OR_RETURN(auto st, PaymentRows(db, month, province, "bank"));
  CsvWriter w;
  w.Row({"STT", "Số CCCD", "Họ và tên", "Người nhận", "Ngân hàng", "Số tài khoản", "Chế độ", "Số tiền", "Nội dung"});
  int k = 0;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    w.Row({std::to_string(++k), st->Text(0), st->Text(1), st->Text(2), st->Text(3), st->Text(4), st->Text(6),
           std::to_string(st->Int(7)),
           "BHXH chi tra thang " + month.ToVi() +
               (st->Int(9) ? " kem truy linh " + std::to_string(st->Int(9)) + " dong" : std::string())});
  }
  return w.text();
}

Result<std::string> PayrollCashList(Db& db, Month month, const std::string& province) {
  BHXH_RETURN_IF_ERROR(NeedPayroll(db, month));
  BHXH_ASSIGN_OR_RETURN(auto st, PaymentRows(db, month, province, "cash"));
  CsvWriter w;
  w.Row({"Điểm chi trả", "STT", "Số CCCD", "Họ và tên", "Người nhận", "Chế độ", "Số tiền", "Trong đó truy lĩnh",
         "Ký nhận"});
  int k = 0;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    w.Row({st->Text(5), std::to_string(++k), st->Text(0), st->Text(1), st->Text(2), st->Text(6),
           std::to_string(st->Int(7)), std::to_string(st->Int(9)), ""});
  }
  return w.text();
}

Result<std::string> PayrollXlsx(Db& db, Month month) {
  BHXH_ASSIGN_OR_RETURN(PayrollStats s, GetPayroll(db, month));
  XlsxSheet prov{"Theo tỉnh", {"Tỉnh", "Số người được chi", "Số tiền", "Qua tài khoản (người)",
                               "Qua tài khoản (tiền)", "Tỷ lệ không dùng tiền mặt (%)"}, {}, {10, 18, 20, 20, 22, 26}};
  for (const auto& p : s.provinces)
    prov.rows.push_back({p.province, static_cast<double>(p.paid), static_cast<double>(p.amount),
                         static_cast<double>(p.cashless), static_cast<double>(p.cashless_amount),
                         p.paid ? 100.0 * static_cast<double>(p.cashless) / static_cast<double>(p.paid) : 0.0});
  XlsxSheet funds{"Theo quỹ", {"Quỹ", "Số tiền chi"}, {}, {20, 20}};
  for (const auto& [f, a] : s.by_fund) funds.rows.push_back({f, static_cast<double>(a)});
  XlsxSheet finds{"Kiểm tra", {"Quy tắc", "Số CCCD", "Số tiền", "Đã dừng chi", "Chi tiết"}, {}, {30, 16, 16, 12, 80}};
  for (const auto& f : s.findings)
    finds.rows.push_back({RuleVi(f.rule), f.cccd, static_cast<double>(f.amount), f.withheld ? "có" : "không", f.detail});
  return WriteXlsx({prov, funds, finds},
                   {"Tổng hợp chi trả lương hưu, trợ cấp BHXH tháng " + month.ToVi(), Date::Today()});
}

Result<DeathsResult> ProcessDeaths(Db& db, const Geo& geo, const LawBook& law, const BenefitLaw& bl,
                                   const std::string& csv_text, const Actor& actor) {
  BHXH_ASSIGN_OR_RETURN(CsvTable t, ParseCsv(csv_text, "deaths"));
  int ccol = t.Column("cccd"), dcol = t.Column("death_date");
  if (ccol < 0 || dcol < 0)
    return Status::Invalid("header", "Tệp cần các cột cccd, death_date", "the file needs columns cccd, death_date");
  DeathsResult out;
  Registry reg(db, geo, law);
  struct Row {
    std::string cccd;
    Date date;
  };
  std::vector<Row> rows;
  std::set<std::string> seen;
  for (const auto& r : t.rows) {
    auto cell = [&](int col) { return col < static_cast<int>(r.cells.size()) ? r.cells[col] : std::string(); };
    auto d = Date::ParseIsoOrVi(cell(dcol), "death_date");
    if (!d.ok()) {
      out.errors.push_back({r.line, "death_date", d.status().code(), d.status().message_vi(), d.status().message_en()});
      continue;
    }
    if (*d > Date::Today()) {
      out.errors.push_back({r.line, "death_date", "invalid_input", "Ngày chết sau ngày hôm nay", "date in the future"});
      continue;
    }
    auto p = reg.PersonByCccd(cell(ccol));
    if (!p.ok()) {
      out.errors.push_back({r.line, "cccd", p.status().code(), p.status().message_vi(), p.status().message_en()});
      continue;
    }
    if (!seen.insert(cell(ccol)).second) {
      out.errors.push_back({r.line, "cccd", "invalid_input", "CCCD lặp lại trong tệp: mỗi người chỉ một dòng",
                            "the CCCD appears twice in the file"});
      continue;
    }
    rows.push_back({cell(ccol), *d});
  }
  if (!out.errors.empty()) return out;

  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  for (const auto& r : rows) {
    BHXH_ASSIGN_OR_RETURN(Person p, reg.PersonByCccd(r.cccd));
    if (p.deceased_on && *p.deceased_on == r.date) {
      ++out.already;
      continue;
    }
    BHXH_RETURN_IF_ERROR(reg.MarkDeceased(r.cccd, r.date.ToString(), actor));
    ++out.recorded;
    const int64_t dm = Month::OfDate(r.date).index();
    // Stop every active benefit from the following month; what was paid for
    // later months is to be recovered.
    BHXH_ASSIGN_OR_RETURN(auto bs, db.Prepare("SELECT id, regime, monthly, start_month FROM beneficiaries WHERE "
                                              "person_id = ? AND status = 'active'"));
    bs->Bind(p.id);
    struct Active {
      int64_t id;
      std::string regime;
      Vnd monthly;
      int64_t start;
    };
    std::vector<Active> active;
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, bs->Step());
      if (!row) break;
      active.push_back({bs->Int(0), bs->Text(1), bs->Int(2), bs->Int(3)});
    }
    bs.reset();
    bool was_pensioner = false;
    // What the survivors' lump sum is counted in (58/2014 Art.70.2-3;
    // 41/2024 Art.89.2-3): the pension or the occupational allowance of the
    // month of death — the last month paid up to it, back pay left out, else
    // the register's amount — and the months of pension received.
    Json survivor_facts = {{"kind", "lump_sum"}};
    for (const auto& a : active) {
      if (a.regime != "pension" && a.regime != "occupational") continue;
      if (a.start > dm) continue;
      BHXH_ASSIGN_OR_RETURN(auto last, db.Prepare("SELECT amount - back_pay FROM benefit_payments WHERE "
                                                  "beneficiary_id = ? AND month <= ? ORDER BY month DESC LIMIT 1"));
      last->Bind(a.id, dm);
      BHXH_ASSIGN_OR_RETURN(bool paid, last->Step());
      const Vnd monthly = paid ? last->Int(0) : a.monthly;
      if (a.regime == "pension") {
        survivor_facts["pensioner"] = true;
        survivor_facts["monthly_pension"] = monthly;
        survivor_facts["pension_months_received"] = dm - a.start + 1;
      } else {
        survivor_facts["occupational_allowance"] = monthly;
      }
    }
    for (const auto& [bid, regime, monthly_amount, start_month] : active) {
      was_pensioner = was_pensioner || regime == "pension";
      BHXH_ASSIGN_OR_RETURN(auto up, db.Prepare("UPDATE beneficiaries SET status = 'stopped', stop_reason = 'death', "
                                                "end_month = ? WHERE id = ?"));
      BHXH_RETURN_IF_ERROR(up->Bind(dm, bid).Run());
      ++out.stopped;
      BHXH_ASSIGN_OR_RETURN(auto over, db.Prepare("SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM benefit_payments "
                                                  "WHERE beneficiary_id = ? AND month > ?"));
      over->Bind(bid, dm);
      BHXH_ASSIGN_OR_RETURN(bool got, over->Step());
      int64_t months = got ? over->Int(0) : 0;
      Vnd amt = got ? over->Int(1) : 0;
      over.reset();
      if (amt > 0) {
        BHXH_ASSIGN_OR_RETURN(auto ins, db.Prepare(
                                            "INSERT INTO benefit_overpayments (beneficiary_id, cccd, death_date, months, "
                                            "amount, status, created_at, created_by) VALUES (?, ?, ?, ?, ?, 'to_recover', ?, ?)"));
        BHXH_RETURN_IF_ERROR(ins->Bind(bid, r.cccd, r.date.ToString(), months, amt, NowIsoUtc(), actor.id).Run());
        out.overpaid += amt;
        out.notes.push_back(r.cccd + ": đã chi " + std::to_string(months) + " tháng sau tháng chết, cần thu hồi " +
                            FormatVnd(amt) + " đồng");
      }
    }
    // The survivors' funeral grant, prepared from the record.
    CaseInput ci;
    ci.cccd = r.cccd;
    ci.request = {{"regime", "funeral"}, {"event_date", r.date.ToString()}};
    if (was_pensioner) ci.request["facts"] = {{"pensioner", true}};
    ci.payee = "Thân nhân của " + p.full_name;
    ci.idempotency_key = "death:" + r.cccd + ":" + r.date.ToString();
    auto cv = PrepareCase(db, geo, law, bl, ci, actor);
    if (cv.ok()) {
      ++out.cases_opened;
      out.notes.push_back(r.cccd + ": đã lập hồ sơ trợ cấp mai táng số " + std::to_string(cv->id) +
                          (cv->eligible ? "" : " (không đủ điều kiện theo dữ liệu hiện có)"));
    } else {
      out.notes.push_back(r.cccd + ": chưa lập được hồ sơ mai táng: " + cv.status().message_vi());
    }
    // The survivors' case, for one who contributed or drew a pension or an
    // occupational allowance: prepared as the lump sum, which needs no one
    // to qualify; when the family's declaration shows a relative who does
    // (Art.67 / 86) an officer corrects it to the monthly benefit as a new
    // version, with the relatives listed.
    const bool contributed = cv.ok() && cv->result.value("contribution_months", 0) > 0;
    if (contributed || survivor_facts.size() > 1) {
      CaseInput si;
      si.cccd = r.cccd;
      si.request = {{"regime", "survivor"}, {"event_date", r.date.ToString()}, {"facts", survivor_facts}};
      si.payee = ci.payee;
      si.idempotency_key = "death-survivors:" + r.cccd + ":" + r.date.ToString();
      auto sv = PrepareCase(db, geo, law, bl, si, actor);
      if (sv.ok()) {
        ++out.survivor_cases_opened;
        out.notes.push_back(r.cccd + ": đã lập hồ sơ trợ cấp tuất số " + std::to_string(sv->id) + " (tuất một lần " +
                            FormatVnd(sv->lump_sum) + " đồng; chờ tờ khai của thân nhân để xét tuất hằng tháng)");
      } else {
        out.notes.push_back(r.cccd + ": chưa lập được hồ sơ tử tuất: " + sv.status().message_vi());
      }
    }
  }
  BHXH_RETURN_IF_ERROR(WriteAudit(db, actor, "benefit_deaths", "deaths", "file",
                                  std::to_string(out.recorded) + " recorded, " + std::to_string(out.stopped) + " stopped"));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  out.accepted = true;
  return out;
}

Result<CommuneTypesResult> ImportCommuneTypes(Db& db, const std::string& csv_text, const Actor& actor) {
  BHXH_ASSIGN_OR_RETURN(CsvTable t, ParseCsv(csv_text, "commune_types"));
  int pc = t.Column("province"), cc = t.Column("commune"), tc = t.Column("type");
  if (pc < 0 || cc < 0 || tc < 0)
    return Status::Invalid("header", "Tệp cần các cột province, commune, type", "columns province, commune, type needed");
  CommuneTypesResult out;
  for (const auto& r : t.rows) {
    auto cell = [&](int col) { return col < static_cast<int>(r.cells.size()) ? r.cells[col] : std::string(); };
    if (cell(pc).size() != 2 || cell(pc).find_first_not_of("0123456789") != std::string::npos)
      out.errors.push_back({r.line, "province", "invalid_input", "Mã tỉnh gồm 2 chữ số", "province is 2 digits"});
    else if (cell(cc).empty() || cell(cc).size() > 10)
      out.errors.push_back({r.line, "commune", "invalid_input", "Mã xã 1-10 ký tự", "commune code 1-10 characters"});
    else if (cell(tc) != "urban" && cell(tc) != "rural")
      out.errors.push_back({r.line, "type", "invalid_input", "Loại xã là urban (phường) hoặc rural (xã)",
                            "type is urban or rural"});
  }
  if (!out.errors.empty()) return out;
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto del, db.Prepare("DELETE FROM commune_types WHERE province = ? AND commune = ?"));
  BHXH_ASSIGN_OR_RETURN(auto ins, db.Prepare("INSERT INTO commune_types (province, commune, type) VALUES (?, ?, ?)"));
  for (const auto& r : t.rows) {
    BHXH_RETURN_IF_ERROR(del->Bind(r.cells[pc], r.cells[cc]).Run());
    del->Reset();
    BHXH_RETURN_IF_ERROR(ins->Bind(r.cells[pc], r.cells[cc], r.cells[tc]).Run());
    ins->Reset();
    ++out.applied;
  }
  BHXH_RETURN_IF_ERROR(WriteAudit(db, actor, "commune_types", "commune_types", "file", std::to_string(out.applied)));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return out;
}

}  // namespace bhxh
