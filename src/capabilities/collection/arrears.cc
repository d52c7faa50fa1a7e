#include "collection/arrears.h"

#include <algorithm>
#include <unordered_map>

namespace bhxh {
namespace {

struct EmpRow {
  std::string code, name, type, province;
  std::vector<StatusChange> history;
  std::vector<MonthDue> dues;
  std::vector<PaymentRow> pays;
};

std::string StatusAt(const std::vector<StatusChange>& h, Date d) {
  std::string s = "active";
  for (const auto& c : h)
    if (c.effective_from <= d) s = c.status;
  return s;
}

void Add(ArrearsBucket& b, const Ledger& L) {
  ++b.employers;
  if (L.months_owed > 0) {
    ++b.owing;
    ++b.owing_1plus;
    if (L.months_owed >= 3) ++b.owing_3plus;
    if (L.classification == "evasion")
      ++b.evasion;
    else
      ++b.late;
    for (const auto& l : L.lines)
      if (l.balance > 0 && L.oldest_unpaid && l.month == *L.oldest_unpaid) b.workers_owed += l.workers;
  }
  b.owed += L.balance;
  b.interest += L.interest;
}

}  // namespace

std::string AgeBand(int months_owed) {
  if (months_owed >= 12) return "12+";
  if (months_owed >= 6) return "6-11";
  if (months_owed >= 3) return "3-5";
  return "1-2";
}

Result<ArrearsReport> BuildArrearsReport(Db& db, const LawBook& law, const Geo& geo, const ArrearsOptions& opt) {
  ArrearsReport rep;
  rep.as_of = opt.as_of;
  rep.current_units = opt.current_units;
  std::unordered_map<int64_t, EmpRow> emps;
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT id, code, name, type, province FROM employers"));
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      EmpRow e{st->Text(1), st->Text(2), st->Text(3), st->Text(4), {}, {}, {}};
      if (!opt.within.empty() && std::find(opt.within.begin(), opt.within.end(), e.province) == opt.within.end())
        continue;
      if (opt.current_units) {
        auto c = geo.CurrentCode(e.province);
        if (c.ok()) e.province = *c;
      }
      if (!opt.province.empty() && e.province != opt.province) continue;
      emps.emplace(st->Int(0), std::move(e));
    }
  }
  {
    BHXH_ASSIGN_OR_RETURN(
        auto st,
        db.Prepare(
            "SELECT employer_id, effective_from, status FROM employer_status ORDER BY employer_id, effective_from"));
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      auto it = emps.find(st->Int(0));
      if (it == emps.end()) continue;
      BHXH_ASSIGN_OR_RETURN(Date d, Date::Parse(st->Text(1), "effective_from"));
      it->second.history.push_back({d, st->Text(2)});
    }
  }
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT employer_id, month, amount, workers FROM employer_dues"));
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      auto it = emps.find(st->Int(0));
      if (it == emps.end()) continue;
      it->second.dues.push_back(
          {Month::FromIndex(static_cast<int32_t>(st->Int(1))), st->Int(2), static_cast<int>(st->Int(3))});
    }
  }
  {
    BHXH_ASSIGN_OR_RETURN(
        auto st, db.Prepare("SELECT employer_id, paid_on, amount, reference FROM payments WHERE paid_on <= ?"));
    st->Bind(opt.as_of.ToString());
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      auto it = emps.find(st->Int(0));
      if (it == emps.end()) continue;
      BHXH_ASSIGN_OR_RETURN(Date d, Date::Parse(st->Text(1), "paid_on"));
      it->second.pays.push_back({d, st->Int(2), st->Text(3)});
    }
  }

  std::vector<EmployerArrears> owing;
  std::unordered_map<int64_t, const EmployerArrears*> dissolved_coops;
  owing.reserve(emps.size());
  for (auto& [id, e] : emps) {
    BHXH_ASSIGN_OR_RETURN(Ledger L, ComputeLedger(law, std::move(e.dues), std::move(e.pays), opt.as_of));
    std::string status = StatusAt(e.history, opt.as_of);
    Add(rep.total, L);
    Add(rep.by_province[e.province], L);
    Add(rep.by_type[e.type], L);
    Add(rep.by_status[status], L);
    if (L.months_owed > 0) Add(rep.by_age[AgeBand(L.months_owed)], L);
    if (e.type == "cooperative") {
      std::string group = (status == "dissolved" || status == "bankrupt") ? "dissolved_bankrupt" : status;
      Add(rep.cooperatives[group], L);
    }
    if (L.balance > 0) owing.push_back({e.code, e.name, e.type, e.province, status, std::move(L)});
  }
  for (const char* g : {"active", "suspended", "dissolved_bankrupt"}) rep.cooperatives[g];  // always present

  // Per-worker debts of dissolved or bankrupt cooperatives.
  std::unordered_map<std::string, const EmployerArrears*> by_code;
  for (const auto& e : owing)
    if (e.type == "cooperative" && (e.status == "dissolved" || e.status == "bankrupt")) by_code[e.code] = &e;
  if (!by_code.empty()) {
    BHXH_ASSIGN_OR_RETURN(
        auto st,
        db.Prepare(
            "SELECT e.code, d.month, d.total, p.cccd, p.full_name FROM dues d JOIN employers e ON e.id = d.employer_id "
            "JOIN persons p ON p.id = d.person_id WHERE e.type = 'cooperative' ORDER BY e.code, p.cccd, d.month"));
    std::map<std::pair<std::string, std::string>, WorkerDebt> workers;
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      auto it = by_code.find(st->Text(0));
      if (it == by_code.end()) continue;
      Month m = Month::FromIndex(static_cast<int32_t>(st->Int(1)));
      for (const auto& l : it->second->ledger.lines) {
        if (l.month != m || l.balance <= 0 || l.due <= 0) continue;
        auto& w = workers[{it->first, st->Text(3)}];
        w.employer_code = it->first;
        w.employer_name = it->second->name;
        w.status = it->second->status;
        w.cccd = st->Text(3);
        w.full_name = st->Text(4);
        ++w.months_owed;
        // The worker's share of the month's unpaid balance.
        w.amount_owed += static_cast<Vnd>(static_cast<__int128>(st->Int(2)) * l.balance / l.due);
      }
    }
    for (auto& [k, w] : workers) rep.cooperative_workers.push_back(std::move(w));
  }

  std::sort(owing.begin(), owing.end(),
            [](const EmployerArrears& a, const EmployerArrears& b) { return a.ledger.balance > b.ledger.balance; });
  if (static_cast<int>(owing.size()) > opt.top_n) owing.resize(opt.top_n);
  rep.top = std::move(owing);
  return rep;
}

}  // namespace bhxh
