#include "collection/c12.h"

#include <algorithm>
#include <map>

namespace bhxh {

const char* C12ColumnName(int i) {
  static const char* kNames[] = {"bhxh", "bhyt", "bhtn", "bhtnld", "cong"};
  return i >= 0 && i < 5 ? kNames[i] : "";
}

namespace {

struct MonthFunds {
  C12Columns due{};   // by group, [4] = total
  C12Columns base{};  // wage fund by group, [4] = the SI base
  int workers = 0;
};

// `amount` split over the four groups in proportion to `weights`, largest
// remainder first, so the parts add up to `amount` exactly.
C12Columns Split(Vnd amount, const C12Columns& weights) {
  C12Columns out{};
  Vnd total = weights[0] + weights[1] + weights[2] + weights[3];
  if (amount == 0 || total == 0) {
    out[0] = amount;  // nothing to split by: all to BHXH
    out[4] = amount;
    return out;
  }
  std::array<std::pair<__int128, int>, 4> rem;
  Vnd given = 0;
  for (int k = 0; k < 4; ++k) {
    __int128 num = static_cast<__int128>(amount) * weights[k];
    out[k] = static_cast<Vnd>(num / total);
    rem[k] = {num % total, k};
    given += out[k];
  }
  std::sort(rem.begin(), rem.end(), [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
  for (int i = 0; given < amount; ++i, ++given) ++out[rem[static_cast<size_t>(i % 4)].second];
  out[4] = amount;
  return out;
}

void Add(C12Columns& a, const C12Columns& b) {
  for (int k = 0; k < 5; ++k) a[k] += b[k];
}

struct State {
  C12Columns overpaid{}, underpaid{};
  Vnd interest = 0;
  int headcount = 0;
  Vnd credit = 0, applied = 0;
};

// The ledger at the end of `through` over the dues of months up to it.
Result<State> StateAt(const LawBook& law, const std::vector<MonthDue>& all_dues, const std::vector<PaymentRow>& pays,
                      const std::map<int32_t, MonthFunds>& funds, Month through) {
  std::vector<MonthDue> dues;
  for (const auto& d : all_dues)
    if (d.month <= through) dues.push_back(d);
  BHXH_ASSIGN_OR_RETURN(Ledger L, ComputeLedger(law, dues, pays, through.LastDay()));
  State s;
  for (const auto& l : L.lines) {
    auto it = funds.find(l.month.index());
    C12Columns w = it != funds.end() ? it->second.due : C12Columns{l.due, 0, 0, 0, l.due};
    if (l.balance > 0) Add(s.underpaid, Split(l.balance, w));
    s.applied += l.paid;
  }
  if (L.credit > 0) s.overpaid = Split(L.credit, C12Columns{1, 0, 0, 0, 1});  // a credit is not yet any fund's
  s.credit = L.credit;
  s.interest = L.interest;
  if (auto it = funds.find(through.index()); it != funds.end()) s.headcount = it->second.workers;
  return s;
}

}  // namespace

Result<C12> BuildC12(Db& db, const LawBook& law, int64_t employer_id, const std::string& employer_code,
                     const std::string& employer_name, Month month) {
  C12 c;
  c.employer_code = employer_code;
  c.employer_name = employer_name;
  c.month = month;
  // The employer's months as the run recorded them (collect.h): one row a
  // month, with the fund groups' dues and wage bases.
  std::map<int32_t, MonthFunds> funds;
  std::vector<MonthDue> dues;
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(
        "SELECT month, amount, workers, bhxh_due, bhyt_due, bhtn_due, bhtnld_due, retirement_base, health_base, "
        "unemployment_base, accident_base FROM employer_dues WHERE employer_id = ? AND month <= ? ORDER BY month"));
    st->Bind(employer_id, static_cast<int64_t>(month.index()));
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      dues.push_back({Month::FromIndex(static_cast<int32_t>(st->Int(0))), st->Int(1), static_cast<int>(st->Int(2))});
      MonthFunds f;
      for (int k = 0; k < 4; ++k) {
        f.due[k] = st->Int(3 + k);
        f.base[k] = st->Int(7 + k);
      }
      f.due[4] = f.due[0] + f.due[1] + f.due[2] + f.due[3];
      f.base[4] = f.base[0];
      f.workers = static_cast<int>(st->Int(2));
      funds[static_cast<int32_t>(st->Int(0))] = f;
    }
  }
  std::vector<PaymentRow> pays;
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT paid_on, amount, reference FROM payments WHERE employer_id = ? AND paid_on <= ? "
                                              "ORDER BY paid_on, id"));
    st->Bind(employer_id, month.LastDay().ToString());
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      BHXH_ASSIGN_OR_RETURN(Date d, Date::Parse(st->Text(0), "paid_on"));
      PaymentRow p{d, st->Int(1), st->Text(2)};
      if (d >= month.FirstDay()) {
        c.c_payments.push_back(p);
        c.c_total += p.amount;
      }
      pays.push_back(std::move(p));
    }
  }
  BHXH_ASSIGN_OR_RETURN(State before, StateAt(law, dues, pays, funds, month.Prev()));
  BHXH_ASSIGN_OR_RETURN(State after, StateAt(law, dues, pays, funds, month));
  c.a_headcount = before.headcount;
  c.a_overpaid = before.overpaid;
  c.a_underpaid = before.underpaid;
  c.a_interest = before.interest;
  if (auto it = funds.find(month.index()); it != funds.end()) {
    c.b_headcount = it->second.workers;
    c.b_due = it->second.due;
    c.b_wage_fund = it->second.base;
  }
  c.b_interest = after.interest - before.interest;
  // Ups and downs: workers whose period with this employer starts this
  // month, and whose period ended with the month before.
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT COUNT(DISTINCT CASE WHEN from_month = ? THEN person_id END), "
                                              "COUNT(DISTINCT CASE WHEN to_month = ? THEN person_id END) FROM periods "
                                              "WHERE employer_id = ?"));
    st->Bind(static_cast<int64_t>(month.index()), static_cast<int64_t>(month.index() - 1), employer_id);
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (row) {
      c.b_up = static_cast<int>(st->Int(0));
      c.b_down = static_cast<int>(st->Int(1));
    }
  }
  // Dues settled during the month, by its payments or by a credit carried
  // in (interest is tracked apart in this ledger, never paid out of it).
  c.d_contributions = after.applied - before.applied;
  c.d_interest = 0;
  c.e_headcount = after.headcount;
  c.e_overpaid = after.overpaid;
  c.e_underpaid = after.underpaid;
  c.e_interest = after.interest;
  c.law = law.Param("si_law", month.LastDay()).ok() ? law.Param("si_law", month.LastDay())->value : "";
  c.transfer_note = employer_code + " " + employer_name + " đóng BHXH tháng " + std::to_string(month.month()) + " năm " +
                    std::to_string(month.year());
  return c;
}

}  // namespace bhxh
