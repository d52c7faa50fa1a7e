#include "collection/c12.h"

#include <algorithm>
#include <map>

#include "base/html.h"
#include "base/money.h"
#include "base/xlsx_out.h"

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
  Vnd amount = 0;  // as the run recorded it (the ledger's due)
};

struct Adjustment {
  Month for_month, recorded;
  int workers_before = 0, workers_after = 0;
  C12Columns amount{};  // by group, [4] = the amount's change
};

// The months as they were known at the end of `known_at`: each less the
// changes recorded after it. A month created by a later change is 0 then.
std::map<int32_t, MonthFunds> KnownAt(std::map<int32_t, MonthFunds> funds, const std::vector<Adjustment>& adj,
                                      Month known_at) {
  for (const auto& a : adj) {
    if (a.recorded <= known_at || a.for_month > known_at) continue;
    MonthFunds& f = funds[a.for_month.index()];
    for (int k = 0; k < 4; ++k) f.due[k] -= a.amount[k];
    f.due[4] = f.due[0] + f.due[1] + f.due[2] + f.due[3];
    f.amount -= a.amount[4];
    f.workers -= a.workers_after - a.workers_before;
  }
  return funds;
}

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

// The ledger at the end of `through` over the dues of months up to it, as
// they were known then.
Result<State> StateAt(const LawBook& law, const std::vector<PaymentRow>& pays, const std::map<int32_t, MonthFunds>& now,
                      const std::vector<Adjustment>& adj, Month through) {
  const std::map<int32_t, MonthFunds> funds = KnownAt(now, adj, through);
  std::vector<MonthDue> dues;
  for (const auto& [m, f] : funds)
    if (m <= through.index()) dues.push_back({Month::FromIndex(m), f.amount, f.workers});
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
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(
        "SELECT month, amount, workers, bhxh_due, bhyt_due, bhtn_due, bhtnld_due, retirement_base, health_base, "
        "unemployment_base, accident_base FROM employer_dues WHERE employer_id = ? AND month <= ? ORDER BY month"));
    st->Bind(employer_id, static_cast<int64_t>(month.index()));
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      MonthFunds f;
      f.amount = st->Int(1);
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
  // Changes to its months recorded up to now (collect.h).
  std::vector<Adjustment> adj;
  {
    BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT for_month, recorded_month, workers_before, workers_after, bhxh, bhyt, "
                                              "bhtn, bhtnld, amount FROM dues_adjustments WHERE employer_id = ? AND "
                                              "for_month <= ? ORDER BY for_month, id"));
    st->Bind(employer_id, static_cast<int64_t>(month.index()));
    while (true) {
      BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      Adjustment a;
      a.for_month = Month::FromIndex(static_cast<int32_t>(st->Int(0)));
      a.recorded = Month::FromIndex(static_cast<int32_t>(st->Int(1)));
      a.workers_before = static_cast<int>(st->Int(2));
      a.workers_after = static_cast<int>(st->Int(3));
      for (int k = 0; k < 5; ++k) a.amount[k] = st->Int(4 + k);
      adj.push_back(a);
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
  BHXH_ASSIGN_OR_RETURN(State before, StateAt(law, pays, funds, adj, month.Prev()));
  BHXH_ASSIGN_OR_RETURN(State after, StateAt(law, pays, funds, adj, month));
  c.a_headcount = before.headcount;
  c.a_overpaid = before.overpaid;
  c.a_underpaid = before.underpaid;
  c.a_interest = before.interest;
  {
    const std::map<int32_t, MonthFunds> known = KnownAt(funds, adj, month);
    if (auto it = known.find(month.index()); it != known.end()) {
      c.b_headcount = it->second.workers;
      c.b_due = it->second.due;
      c.b_wage_fund = it->second.base;
    }
  }
  // B.4: this month's changes to earlier months, one line per month
  // adjusted (a month re-run twice in the month adds up).
  for (const auto& a : adj) {
    if (a.recorded != month) continue;
    const bool prior_year = a.for_month.year() < month.year();
    for (int k = 0; k < 4; ++k) {
      const Vnd v = a.amount[k];
      (v > 0 ? c.b4_up : c.b4_down)[k] += v > 0 ? v : -v;
      if (prior_year) (v > 0 ? c.b4_up_prior_year : c.b4_down_prior_year)[k] += v > 0 ? v : -v;
    }
    if (c.b4_months.empty() || c.b4_months.back().month != a.for_month)
      c.b4_months.push_back({a.for_month, a.workers_before, a.workers_after, {}});
    C12::Adjusted& m = c.b4_months.back();
    m.workers_after = a.workers_after;
    for (int k = 0; k < 4; ++k) m.amount[k] += a.amount[k];
    m.amount[4] = m.amount[0] + m.amount[1] + m.amount[2] + m.amount[3];
  }
  for (C12Columns* cols : {&c.b4_up, &c.b4_up_prior_year, &c.b4_down, &c.b4_down_prior_year})
    (*cols)[4] = (*cols)[0] + (*cols)[1] + (*cols)[2] + (*cols)[3];
  for (int k = 0; k < 5; ++k) c.b4_net[k] = c.b4_up[k] - c.b4_down[k];
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

std::vector<C12Line> C12Lines(const C12& c) {
  std::vector<C12Line> out;
  auto cols = [&out](std::string label, const C12Columns& v) { out.push_back({std::move(label), v, std::nullopt}); };
  auto one = [&out](std::string label, Vnd v) { out.push_back({std::move(label), std::nullopt, v}); };
  auto head = [&out](std::string label) { out.push_back({std::move(label), std::nullopt, std::nullopt}); };
  head("A. Kỳ trước mang sang — 1. Số lao động: " + std::to_string(c.a_headcount));
  cols("A.2.1 Số tiền đóng thừa", c.a_overpaid);
  cols("A.2.2 Số tiền còn thiếu", c.a_underpaid);
  one("A.3 Thiếu lãi", c.a_interest);
  head("B. Phát sinh trong kỳ — 1. Số lao động: " + std::to_string(c.b_headcount) + " (tăng " + std::to_string(c.b_up) +
       ", giảm " + std::to_string(c.b_down) + ")");
  cols("B.2 Quỹ tiền lương", c.b_wage_fund);
  cols("B.3 Số phải đóng", c.b_due);
  cols("B.4.1 Điều chỉnh tăng kỳ trước", c.b4_up);
  cols("      trong đó năm trước", c.b4_up_prior_year);
  cols("B.4.2 Điều chỉnh giảm kỳ trước", c.b4_down);
  cols("      trong đó năm trước", c.b4_down_prior_year);
  cols("B.4.3 Điều chỉnh thuần", c.b4_net);
  for (const auto& m : c.b4_months)
    cols("      tháng " + m.month.ToVi() + " (lao động " + std::to_string(m.workers_before) + " → " +
             std::to_string(m.workers_after) + ")",
         m.amount);
  one("B.5 Lãi chậm đóng phát sinh", c.b_interest);
  for (const auto& p : c.c_payments) one("C. " + p.reference + ", ngày " + p.paid_on.ToVi(), p.amount);
  one("C. Tổng số tiền đã nộp trong kỳ", c.c_total);
  one("D.1 Phân bổ vào số phải đóng", c.d_contributions);
  one("D.2 Phân bổ vào lãi", c.d_interest);
  head("Đ. Chuyển kỳ sau — 1. Số lao động: " + std::to_string(c.e_headcount));
  cols("Đ.2.1 Số tiền đóng thừa", c.e_overpaid);
  cols("Đ.2.2 Số tiền còn thiếu", c.e_underpaid);
  one("Đ.2.3 Thiếu lãi", c.e_interest);
  return out;
}

std::string C12Html(const C12& c, const std::string& province_name) {
  std::string b = "<p>Kính gửi: <b>" + HtmlEscape(c.employer_name) + "</b> (mã đơn vị " + HtmlEscape(c.employer_code) +
                  ")</p><p>Cơ quan BHXH thông báo kết quả đóng BHXH, BHYT, BHTN, BHTNLĐ-BNN của đơn vị tháng " +
                  c.month.ToVi() + " (căn cứ Luật " + HtmlEscape(c.law) + "), đơn vị tính: đồng.</p>";
  b += "<table><tr><th>Chỉ tiêu</th><th>BHXH</th><th>BHYT</th><th>BHTN</th><th>BHTNLĐ-BNN</th><th>Cộng</th></tr>";
  for (const auto& l : C12Lines(c)) {
    if (!l.cols && !l.total) {
      b += "<tr><th colspan=\"6\" style=\"text-align:left\">" + HtmlEscape(l.label) + "</th></tr>";
      continue;
    }
    b += "<tr><td>" + HtmlEscape(l.label) + "</td>";
    if (l.cols) {
      for (int k = 0; k < 5; ++k) b += "<td class=\"num\">" + FormatVnd((*l.cols)[k]) + "</td>";
    } else {
      b += "<td colspan=\"4\"></td><td class=\"num\">" + FormatVnd(*l.total) + "</td>";
    }
    b += "</tr>";
  }
  b += "</table><p>Nội dung chuyển tiền: <b>" + HtmlEscape(c.transfer_note) + "</b></p>";
  const Date today = Date::Today();
  char when[64];
  std::snprintf(when, sizeof when, ", ngày %02d tháng %02d năm %d", today.ymd().day, today.ymd().month, today.year());
  return OfficialPage("Mẫu C12-TS",
                      "<b>BẢO HIỂM XÃ HỘI VIỆT NAM</b><br>Bảo hiểm xã hội " + HtmlEscape(province_name),
                      "THÔNG BÁO KẾT QUẢ ĐÓNG BHXH, BHYT, BHTN, BHTNLĐ-BNN THÁNG " + c.month.ToVi(), b,
                      HtmlEscape(province_name) + when);
}

Result<std::string> C12Xlsx(const C12& c) {
  XlsxSheet s;
  s.name = "C12-TS " + std::to_string(c.month.month()) + "-" + std::to_string(c.month.year());
  s.header = {"Chỉ tiêu", "BHXH", "BHYT", "BHTN", "BHTNLĐ-BNN", "Cộng"};
  s.widths = {52, 16, 16, 16, 16, 16};
  s.number_format = "#,##0";
  for (const auto& l : C12Lines(c)) {
    std::vector<XlsxCell> row{l.label};
    if (l.cols) {
      for (int k = 0; k < 5; ++k) row.push_back(static_cast<double>((*l.cols)[k]));
    } else if (l.total) {
      row.insert(row.end(), {std::string(), std::string(), std::string(), std::string(), static_cast<double>(*l.total)});
    }
    s.rows.push_back(std::move(row));
  }
  s.rows.push_back({"Nội dung chuyển tiền: " + c.transfer_note});
  return WriteXlsx({s}, {"Thông báo kết quả đóng BHXH, BHYT, BHTN, BHTNLĐ-BNN (C12-TS) tháng " + c.month.ToVi() + " — " +
                             c.employer_name + " (" + c.employer_code + ")",
                         c.month.LastDay() < Date::Today() ? c.month.LastDay() : Date::Today()});
}

}  // namespace bhxh
