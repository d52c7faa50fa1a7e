#include "collection/ledger.h"

#include <algorithm>
#include <deque>
#include <set>

#include "base/citation.h"

namespace bhxh {

Result<Ledger> ComputeLedger(const LawBook& law, std::vector<MonthDue> dues, std::vector<PaymentRow> payments,
                             Date as_of) {
  Ledger L;
  L.as_of = as_of;
  BHXH_ASSIGN_OR_RETURN(LawParam si_law, law.Param("si_law", as_of));
  L.law = si_law.value;
  std::sort(dues.begin(), dues.end(), [](const MonthDue& a, const MonthDue& b) { return a.month < b.month; });
  std::stable_sort(payments.begin(), payments.end(),
                   [](const PaymentRow& a, const PaymentRow& b) { return a.paid_on < b.paid_on; });
  for (const auto& d : dues) {
    if (d.month.FirstDay() > as_of) break;
    LedgerLine l;
    l.month = d.month;
    // 58/2014/QH13 Art.86: the last day of the month; 41/2024/QH15 Art.34.4.a:
    // the last day of the following month — by the law in force when the
    // contribution month ends.
    BHXH_ASSIGN_OR_RETURN(int64_t months, law.Integer("payment_deadline_months", d.month.LastDay()));
    BHXH_ASSIGN_OR_RETURN(int64_t grace, law.Integer("payment_deadline_days", d.month.LastDay()));
    l.deadline = d.month.Add(static_cast<int>(months)).LastDay().AddDays(static_cast<int>(grace));
    l.workers = d.workers;
    l.due = d.amount;
    l.balance = d.amount;
    L.lines.push_back(std::move(l));
  }
  std::vector<InterestAccumulator> acc(L.lines.size(), InterestAccumulator(law));
  std::set<std::string> rules;
  std::vector<InterestSegment> segs;
  auto accrue = [&](size_t i, Vnd amount, Date until_exclusive) -> Status {
    Date from = L.lines[i].deadline.AddDays(1);
    if (until_exclusive <= from) return Status::Ok();
    segs.clear();
    BHXH_RETURN_IF_ERROR(acc[i].Add(amount, from, until_exclusive, &segs));
    for (const auto& s : segs) rules.insert(s.rate_text + " (" + CitationVi(s.law) + ")");
    return Status::Ok();
  };

  std::deque<size_t> open;
  size_t next_due = 0, next_pay = 0;
  Vnd credit = 0;
  auto post_due = [&](size_t i) {
    LedgerLine& l = L.lines[i];
    if (credit > 0) {
      Vnd x = std::min(credit, l.balance);
      credit -= x;
      l.balance -= x;
      l.paid += x;
      l.allocations.push_back({l.month.FirstDay(), x});
    }
    if (l.balance > 0) open.push_back(i);
  };
  while (next_pay < payments.size() && payments[next_pay].paid_on <= as_of) {
    const PaymentRow& p = payments[next_pay];
    while (next_due < L.lines.size() && L.lines[next_due].month.FirstDay() <= p.paid_on) post_due(next_due++);
    Vnd a = p.amount;
    L.total_paid += a;
    while (a > 0 && !open.empty()) {
      LedgerLine& l = L.lines[open.front()];
      Vnd x = std::min(a, l.balance);
      BHXH_RETURN_IF_ERROR(accrue(open.front(), x, p.paid_on.AddDays(1)));
      l.balance -= x;
      l.paid += x;
      l.allocations.push_back({p.paid_on, x});
      a -= x;
      if (l.balance == 0) open.pop_front();
    }
    credit += a;
    ++next_pay;
  }
  while (next_due < L.lines.size()) post_due(next_due++);
  for (size_t i : open) BHXH_RETURN_IF_ERROR(accrue(i, L.lines[i].balance, as_of.AddDays(1)));

  for (size_t i = 0; i < L.lines.size(); ++i) {
    LedgerLine& l = L.lines[i];
    l.interest = acc[i].Total();
    L.total_due += l.due;
    L.balance += l.balance;
    L.interest += l.interest;
    if (l.balance > 0 && l.deadline < as_of) {
      ++L.months_owed;
      if (!L.oldest_unpaid) {
        L.oldest_unpaid = l.month;
        L.days_overdue = as_of.days() - l.deadline.days();
      }
    }
  }
  L.credit = credit;
  L.interest_rules.assign(rules.begin(), rules.end());
  L.classification = "none";
  if (L.months_owed > 0) {
    L.classification = "late";
    auto ev = law.Integer("evasion_after_days", as_of);
    if (ev.ok() && L.days_overdue > *ev) L.classification = "evasion";
  }
  return L;
}

Result<Ledger> EmployerLedger(Db& db, const LawBook& law, int64_t employer_id, Date as_of) {
  std::vector<MonthDue> dues;
  std::vector<PaymentRow> pays;
  BHXH_ASSIGN_OR_RETURN(
      auto st, db.Prepare("SELECT month, amount, workers FROM employer_dues WHERE employer_id = ? ORDER BY month"));
  st->Bind(employer_id);
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    dues.push_back({Month::FromIndex(static_cast<int32_t>(st->Int(0))), st->Int(1), static_cast<int>(st->Int(2))});
  }
  BHXH_ASSIGN_OR_RETURN(
      auto ps,
      db.Prepare("SELECT paid_on, amount, reference FROM payments WHERE employer_id = ? ORDER BY paid_on, id"));
  ps->Bind(employer_id);
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, ps->Step());
    if (!row) break;
    BHXH_ASSIGN_OR_RETURN(Date d, Date::Parse(ps->Text(0), "paid_on"));
    pays.push_back({d, ps->Int(1), ps->Text(2)});
  }
  return ComputeLedger(law, std::move(dues), std::move(pays), as_of);
}

}  // namespace bhxh
