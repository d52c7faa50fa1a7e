#include "history/book.h"

#include <algorithm>
#include <map>

namespace bhxh {

Result<Book> BuildBook(Db& db, const Geo& geo, const LawBook& law, const std::string& cccd, Date as_of) {
  Registry reg(db, geo, law);
  Book b;
  b.as_of = as_of;
  BHXH_ASSIGN_OR_RETURN(b.person, reg.PersonByCccd(cccd));
  BHXH_ASSIGN_OR_RETURN(std::vector<Period> periods, reg.PeriodsOfPerson(b.person.id));
  BHXH_ASSIGN_OR_RETURN(b.cards, reg.CardsOfPerson(b.person.id));
  // Months count through the last month the collection has run (not the
  // as-of month, whose contributions are not yet computed); with no run
  // yet, through the month before the as-of month.
  Month last = Month::OfDate(as_of).Prev();
  {
    BHXH_ASSIGN_OR_RETURN(int64_t run, db.QueryInt("SELECT COALESCE(MAX(month), -1) FROM collection_runs WHERE month <= " +
                                                   std::to_string(Month::OfDate(as_of).index())));
    if (run >= 0) last = Month::FromIndex(static_cast<int32_t>(run));
  }
  b.counted_through = last;
  std::map<int64_t, Employer> emps;
  for (const Period& p : periods) {
    BookPeriod bp;
    bp.period = p;
    if (p.employer_id) {
      if (!emps.count(p.employer_id)) {
        BHXH_ASSIGN_OR_RETURN(emps[p.employer_id], reg.EmployerById(p.employer_id));
      }
      bp.employer_code = emps[p.employer_id].code;
      bp.employer_name = emps[p.employer_id].name;
    }
    Month end = p.to ? std::min(*p.to, last) : last;
    bp.months = std::max(0, end.index() - p.from.index() + 1);
    for (int f = 0; f < kFundCount; ++f)
      if (p.funds & (1u << f)) b.months_by_fund[f] += bp.months;
    b.periods.push_back(std::move(bp));
  }
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT month, employer_id, retirement_base, total, unemployment_base FROM dues WHERE "
                                            "person_id = ? ORDER BY month, employer_id"));
  st->Bind(b.person.id);
  std::map<int64_t, Ledger> ledgers;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    Month m = Month::FromIndex(static_cast<int32_t>(st->Int(0)));
    if (m > last) continue;
    int64_t eid = st->Int(1);
    if (!ledgers.count(eid)) {
      BHXH_ASSIGN_OR_RETURN(ledgers[eid], EmployerLedger(db, law, eid, as_of));
    }
    if (!emps.count(eid)) {
      BHXH_ASSIGN_OR_RETURN(emps[eid], reg.EmployerById(eid));
    }
    BookMonth bm{m, emps[eid].code, st->Int(2), st->Int(3), true, st->Int(4) > 0};
    for (const auto& l : ledgers[eid].lines)
      if (l.month == m) bm.paid = l.balance == 0;
    b.months.push_back(bm);
    if (!bm.paid) b.unpaid.push_back(bm);
  }
  return b;
}

}  // namespace bhxh
