#include "funds/sources.h"

#include <chrono>
#include <set>
#include <unordered_map>

#include "benefits/cases.h"
#include "claims/settlement.h"
#include "collection/ledger.h"

namespace bhxh {

namespace {

using Net = NetLines;

void Dr(Net& n, const std::string& acc, const std::string& fund, const std::string& prov, Vnd v) {
  if (v) n[{acc, fund, prov}] += v;
}
void Cr(Net& n, const std::string& acc, const std::string& fund, const std::string& prov, Vnd v) {
  if (v) n[{acc, fund, prov}] -= v;
}

// What is already posted for (kind, ref) and its adjustments "ref/N",
// including reversals of those entries; and how many entries there are.
Result<std::pair<Net, int>> Posted(Db& db, const std::string& kind, const std::string& ref) {
  const std::string match = "(source_kind = ? AND (source_ref = ? OR source_ref LIKE ?))";
  BHXH_ASSIGN_OR_RETURN(
      auto st, db.Prepare("SELECT l.account, l.fund, l.province, SUM(l.debit) - SUM(l.credit) FROM fund_lines l JOIN "
                          "fund_entries e ON e.id = l.entry_id WHERE e.id IN (SELECT id FROM fund_entries WHERE " +
                          match + ") OR e.reverses IN (SELECT id FROM fund_entries WHERE " + match +
                          ") GROUP BY l.account, l.fund, l.province"));
  std::string like = ref + "/%";
  st->Bind(kind, ref, like, kind, ref, like);
  Net n;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    if (st->Int(3)) n[{st->Text(0), st->Text(1), st->Text(2)}] = st->Int(3);
  }
  BHXH_ASSIGN_OR_RETURN(auto c, db.Prepare("SELECT COUNT(*) FROM fund_entries WHERE " + match));
  c->Bind(kind, ref, like);
  BHXH_ASSIGN_OR_RETURN(bool row, c->Step());
  return std::make_pair(std::move(n), row ? static_cast<int>(c->Int(0)) : 0);
}

}  // namespace

Result<SourcePosting> ReconcileSource(Db& db, const FundsCatalog& cat, const std::string& kind, const std::string& ref,
                                const std::string& description, const Net& target, Month month, const Actor& actor) {
  BHXH_ASSIGN_OR_RETURN(auto posted, Posted(db, kind, ref));
  Net diff = target;
  for (const auto& [k, v] : posted.first) diff[k] -= v;
  SourcePosting out{kind, ref, std::nullopt, 0, 0, ""};
  EntryInput in;
  for (const auto& [k, v] : diff) {
    if (!v) continue;
    const auto& [acc, fund, prov] = k;
    in.lines.push_back({acc, fund, prov, v > 0 ? v : 0, v < 0 ? -v : 0});
    if (v > 0) out.amount += v;
  }
  if (in.lines.empty()) {
    out.note_vi = posted.second ? "đã khớp, không ghi thêm" : "không có số liệu";
    return out;
  }
  std::string entry_ref = posted.second ? ref + "/" + std::to_string(posted.second + 1) : ref;
  in.posted_on = month.LastDay();
  in.description = posted.second ? description + " (điều chỉnh lần " + std::to_string(posted.second) + ")" : description;
  in.source_kind = kind;
  in.source_ref = entry_ref;
  in.idempotency_key = "funds:" + kind + ":" + entry_ref;
  BHXH_ASSIGN_OR_RETURN(Entry e, PostEntry(db, cat, in, actor));
  out.entry_id = e.id;
  out.lines = static_cast<int>(in.lines.size());
  out.note_vi = posted.second ? "ghi điều chỉnh" : "đã ghi sổ";
  return out;
}

namespace {

// The contribution buckets of a dues row, in the funds of the journal.
struct Buckets {
  Vnd sickness = 0, accident = 0, retirement = 0, retirement_voluntary = 0, unemployment = 0, health = 0;
  Vnd Total() const { return sickness + accident + retirement + retirement_voluntary + unemployment + health; }
};

Result<bool> IsVoluntary(const LawBook& law, const std::string& group, Date d,
                         std::unordered_map<std::string, bool>& cache) {
  auto it = cache.find(group);
  if (it != cache.end()) return it->second;
  auto g = law.Group(group, d);
  bool v = g.ok() && g->scheme == "voluntary";
  cache[group] = v;
  return v;
}

// Splits `amount` of the health fund between medical care and the reserve.
Result<std::pair<Vnd, Vnd>> HealthSplit(const ParamTable& p, Vnd amount, Date d) {
  BHXH_ASSIGN_OR_RETURN(RateMicro share, p.Percent("hi.medical_share", d));
  Vnd medical = ApplyRate(amount, share);
  return std::make_pair(medical, amount - medical);
}

// Adds the buckets as lines on both sides (account_dr / account_cr).
Status AddBuckets(Net& n, const ParamTable& p, const Buckets& b, const std::string& prov, Date d,
                  const std::string& acc_dr, const std::string& acc_cr) {
  BHXH_ASSIGN_OR_RETURN(auto hs, HealthSplit(p, b.health, d));
  const std::pair<const char*, Vnd> parts[] = {{"sickness", b.sickness},
                                               {"accident", b.accident},
                                               {"retirement", b.retirement},
                                               {"retirement_voluntary", b.retirement_voluntary},
                                               {"unemployment", b.unemployment},
                                               {"health_medical", hs.first},
                                               {"health_reserve", hs.second}};
  for (const auto& [fund, v] : parts) {
    Dr(n, acc_dr, fund, prov, v);
    Cr(n, acc_cr, fund, prov, v);
  }
  return Status::Ok();
}

constexpr const char* kDuesSums =
    "SUM(d.sickness_er + d.sickness_ee), SUM(d.accident_er + d.accident_ee), SUM(d.retirement_er + d.retirement_ee), "
    "SUM(d.unemployment_er + d.unemployment_ee), SUM(d.health_er + d.health_ee)";

// One month of the collection's dues per employer, by fund: one indexed
// range of `dues` (dues_month), shared by the contributions and the
// payments of the month.
struct EmployerMonth {
  std::string province;
  Buckets funds;
};
using MonthDues = std::unordered_map<int64_t, EmployerMonth>;

Result<MonthDues> LoadMonthDues(Db& db, const LawBook& law, Month m) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(std::string("SELECT d.employer_id, MIN(COALESCE(e.province, '')), "
                                                        "d.group_code, ") +
                                            kDuesSums +
                                            " FROM dues d LEFT JOIN employers e ON e.id = d.employer_id WHERE d.month "
                                            "= ? GROUP BY d.employer_id, d.group_code"));
  st->Bind(static_cast<int64_t>(m.index()));
  std::unordered_map<std::string, bool> vol;
  MonthDues out;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    EmployerMonth& e = out[st->Int(0)];
    e.province = st->Text(1);
    BHXH_ASSIGN_OR_RETURN(bool v, IsVoluntary(law, st->Text(2), m.FirstDay(), vol));
    Buckets& b = e.funds;
    b.sickness += st->Int(3);
    b.accident += st->Int(4);
    (v ? b.retirement_voluntary : b.retirement) += st->Int(5);
    b.unemployment += st->Int(6);
    b.health += st->Int(7);
  }
  return out;
}

Result<Net> ContributionsTarget(const ParamTable& p, const MonthDues& dues, Month m) {
  std::map<std::string, Buckets> by_prov;
  for (const auto& [id, e] : dues) {
    Buckets& b = by_prov[e.province];
    b.sickness += e.funds.sickness;
    b.accident += e.funds.accident;
    b.retirement += e.funds.retirement;
    b.retirement_voluntary += e.funds.retirement_voluntary;
    b.unemployment += e.funds.unemployment;
    b.health += e.funds.health;
  }
  Net n;
  for (const auto& [prov, b] : by_prov)
    BHXH_RETURN_IF_ERROR(AddBuckets(n, p, b, prov, m.FirstDay(), "receivable_contributions", "contribution_revenue"));
  return n;
}

// The money received in `m`, allocated as the collection ledger allocates
// it. Two passes keep the work proportional to the month, not the history:
//  1. per employer with payments, the ledger at the end of `m` and at the
//     end of the month before (employer_dues and payments only); the
//     difference is what `m` settled, per due month, and the change of the
//     employer's credit (an advance, or an advance applied);
//  2. the dues by fund of just the due months that received money, to split
//     each settled amount over the funds in proportion to that month's dues.
// Lines: Dr cash / Cr receivable per fund and province; advances Dr cash /
// Cr advances_received in `unallocated` (applied advances: the reverse,
// with the funds' cash and receivable moving as for a payment).
Result<Net> PaymentsOfMonth(Db& db, const LawBook& law, Month m, const MonthDues* current) {
  struct Emp {
    std::string province;
    std::vector<MonthDue> dues;
    std::vector<PaymentRow> pays;
  };
  std::unordered_map<int64_t, Emp> emps;
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT p.employer_id, p.paid_on, p.amount, e.province FROM payments p "
                                              "JOIN employers e ON e.id = p.employer_id WHERE p.paid_on <= ?"));
    st->Bind(m.LastDay().ToString());
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      Emp& e = emps[st->Int(0)];
      e.province = st->Text(3);
      BHXH_ASSIGN_OR_RETURN(Date d, Date::Parse(st->Text(1), "paid_on"));
      e.pays.push_back({d, st->Int(2), ""});
    }
  }
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT employer_id, month, amount, workers FROM employer_dues WHERE "
                                              "month <= ?"));
    st->Bind(static_cast<int64_t>(m.index()));
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      auto it = emps.find(st->Int(0));
      if (it == emps.end()) continue;  // never paid: nothing to allocate
      it->second.dues.push_back(
          {Month::FromIndex(static_cast<int32_t>(st->Int(1))), st->Int(2), static_cast<int>(st->Int(3))});
    }
  }
  // Pass 1: what the month settled, per (employer, due month).
  std::map<std::pair<int64_t, int32_t>, Vnd> settled;
  Net n;
  for (auto& [id, e] : emps) {
    BHXH_ASSIGN_OR_RETURN(Ledger now, ComputeLedger(law, e.dues, e.pays, m.LastDay()));
    BHXH_ASSIGN_OR_RETURN(Ledger before, ComputeLedger(law, e.dues, e.pays, m.Prev().LastDay()));
    std::unordered_map<int32_t, Vnd> paid_before;
    for (const auto& l : before.lines) paid_before[l.month.index()] = l.paid;
    for (const auto& l : now.lines) {
      Vnd d = l.paid - paid_before[l.month.index()];
      if (d) settled[{id, l.month.index()}] += d;
    }
    Vnd credit = now.credit - before.credit;
    Dr(n, "cash", "unallocated", e.province, credit);
    Cr(n, "advances_received", "unallocated", e.province, credit);
  }
  // Pass 2: the funds' shares of the due months that received money.
  std::set<int32_t> months;
  for (const auto& [k, v] : settled) months.insert(k.second);
  std::map<std::pair<int64_t, int32_t>, Buckets> buckets;
  for (int32_t dm : months) {
    MonthDues loaded;
    const MonthDues* md = nullptr;
    if (current && dm == m.index()) {
      md = current;
    } else {
      BHXH_ASSIGN_OR_RETURN(loaded, LoadMonthDues(db, law, Month::FromIndex(dm)));
      md = &loaded;
    }
    for (const auto& [key, paid] : settled)
      if (key.second == dm) {
        auto it = md->find(key.first);
        if (it != md->end()) buckets[key] = it->second.funds;
      }
  }
  for (const auto& [key, paid] : settled) {
    const std::string& prov = emps[key.first].province;
    Buckets part;
    const Buckets& b = buckets[key];
    Vnd total = b.Total();
    if (total <= 0) {
      part.retirement = paid;  // no per-fund dues recorded: the retirement fund takes it
    } else {
      // Proportional split (signed: a payment moved to another month is
      // negative), the remainder to the largest fund.
      Vnd* dst[] = {&part.sickness, &part.accident, &part.retirement, &part.retirement_voluntary, &part.unemployment,
                    &part.health};
      const Vnd src[] = {b.sickness, b.accident, b.retirement, b.retirement_voluntary, b.unemployment, b.health};
      Vnd given = 0;
      int largest = 0;
      for (int i = 0; i < 6; ++i) {
        Vnd x = static_cast<Vnd>(static_cast<__int128>(paid) * src[i] / total);
        *dst[i] += x;
        given += x;
        if (src[i] > src[largest]) largest = i;
      }
      *dst[largest] += paid - given;
    }
    const std::pair<const char*, Vnd> parts[] = {{"sickness", part.sickness},
                                                 {"accident", part.accident},
                                                 {"retirement", part.retirement},
                                                 {"retirement_voluntary", part.retirement_voluntary},
                                                 {"unemployment", part.unemployment},
                                                 {"health", part.health}};
    // Health is kept whole here and split by the caller (SplitHealth) with
    // the share in force in the posted month.
    for (const auto& [fund, v] : parts) {
      Dr(n, "cash", fund, prov, v);
      Cr(n, "receivable_contributions", fund, prov, v);
    }
  }
  // An advance applied this month: the credit fell, so `unallocated` gives
  // up the cash (credit change < 0 above) that the funds receive here.
  return n;
}

// Replaces the unsplit "health" lines by the medical / reserve split.
Result<Net> SplitHealth(const ParamTable& p, const Net& in, Date d) {
  Net out;
  for (const auto& [k, v] : in) {
    const auto& [acc, fund, prov] = k;
    if (fund != "health") {
      out[k] += v;
      continue;
    }
    Vnd a = v < 0 ? -v : v;
    BHXH_ASSIGN_OR_RETURN(auto hs, HealthSplit(p, a, d));
    Vnd sign = v < 0 ? -1 : 1;
    out[{acc, "health_medical", prov}] += sign * hs.first;
    out[{acc, "health_reserve", prov}] += sign * hs.second;
  }
  return out;
}

Result<Net> PaymentsTarget(Db& db, const LawBook& law, const ParamTable& p, Month m, const MonthDues& current) {
  BHXH_ASSIGN_OR_RETURN(Net n, PaymentsOfMonth(db, law, m, &current));
  return SplitHealth(p, n, m.FirstDay());
}

Result<Net> BenefitsTarget(Db& db, Month m, Vnd* budget) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT province, regime, SUM(amount + back_pay) FROM benefit_payments WHERE month = ? "
                                            "GROUP BY province, regime"));
  st->Bind(static_cast<int64_t>(m.index()));
  Net n;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    std::string fund = FundOfRegime(st->Text(1));
    if (fund == "budget") {
      *budget += st->Int(2);
      continue;
    }
    Dr(n, "benefit_expense", fund, st->Text(0), st->Int(2));
    Cr(n, "cash", fund, st->Text(0), st->Int(2));
  }
  return n;
}

Result<Net> SettlementTarget(Db& db, const std::string& quarter) {
  std::vector<std::pair<std::string, std::string>> facilities;
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT code, province FROM facilities ORDER BY code"));
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      facilities.emplace_back(st->Text(0), st->Text(1));
    }
  }
  Net n;
  for (const auto& [code, prov] : facilities) {
    BHXH_ASSIGN_OR_RETURN(Settlement s, SettleQuarter(db, code, quarter));
    Vnd approved = (s.approved + 500) / 1000;  // thousandths of a dong → dong
    Dr(n, "hi_medical_expense", "health_medical", prov, approved);
    Cr(n, "payable_facilities", "health_medical", prov, approved);
    Dr(n, "payable_facilities", "health_medical", prov, s.advances);
    Cr(n, "cash", "health_medical", prov, s.advances);
  }
  return n;
}

}  // namespace

Result<SourcesResult> PostSources(Db& db, const LawBook& law, const ParamTable& fund_params, const FundsCatalog& cat,
                                  Month month, const Actor& actor) {
  auto t0 = std::chrono::steady_clock::now();
  BHXH_RETURN_IF_ERROR(RequireOpen(db, month));
  if (month > Month::OfDate(Date::Today()))
    return Status::Invalid("month", "Không ghi sổ cho tháng chưa đến (" + month.ToVi() + ")",
                           "cannot post a month that has not begun");
  SourcesResult out;
  out.month = month;
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  const std::string ref = month.ToString();
  auto since = [](std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
  };
  auto ts = std::chrono::steady_clock::now();
  BHXH_ASSIGN_OR_RETURN(MonthDues dues, LoadMonthDues(db, law, month));
  {
    BHXH_ASSIGN_OR_RETURN(Net t, ContributionsTarget(fund_params, dues, month));
    BHXH_ASSIGN_OR_RETURN(SourcePosting p, ReconcileSource(db, cat, "contributions", ref,
                                                     "Số phải thu đóng BHXH, BHYT, BHTN tháng " + month.ToVi(), t,
                                                     month, actor));
    p.seconds = since(ts);
    out.postings.push_back(p);
    ts = std::chrono::steady_clock::now();
  }
  {
    BHXH_ASSIGN_OR_RETURN(Net t, PaymentsTarget(db, law, fund_params, month, dues));
    BHXH_ASSIGN_OR_RETURN(SourcePosting p,
                          ReconcileSource(db, cat, "payments", ref, "Tiền đóng nhận được và phân bổ vào các quỹ tháng " +
                                                                  month.ToVi(), t, month, actor));
    p.seconds = since(ts);
    out.postings.push_back(p);
    ts = std::chrono::steady_clock::now();
  }
  {
    BHXH_ASSIGN_OR_RETURN(Net t, BenefitsTarget(db, month, &out.budget_paid));
    BHXH_ASSIGN_OR_RETURN(SourcePosting p, ReconcileSource(db, cat, "benefits", ref,
                                                     "Chi trả các chế độ BHXH tháng " + month.ToVi(), t, month, actor));
    p.seconds = since(ts);
    out.postings.push_back(p);
    ts = std::chrono::steady_clock::now();
  }
  if (month.month() % 3 == 0) {
    std::string q = std::to_string(month.year()) + "-Q" + std::to_string(month.month() / 3);
    BHXH_ASSIGN_OR_RETURN(Net t, SettlementTarget(db, q));
    BHXH_ASSIGN_OR_RETURN(SourcePosting p,
                          ReconcileSource(db, cat, "hi_settlement", q, "Chi phí KCB BHYT được duyệt quý " + q, t, month, actor));
    p.seconds = since(ts);
    out.postings.push_back(p);
    ts = std::chrono::steady_clock::now();
  }
  BHXH_RETURN_IF_ERROR(tx.Commit());
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return out;
}

}  // namespace bhxh
