#include "history/notice.h"

#include <algorithm>
#include <map>

#include "base/citation.h"
#include "base/html.h"
#include "base/money.h"

namespace bhxh {

namespace {

// The dues table's columns are named by the fund codes ("retirement_er").
std::string FundCol(int f) { return FundCode(static_cast<Fund>(f)); }

std::string Vi(Vnd v) { return FormatVnd(v); }

}  // namespace

Result<MonthlyNotice> BuildNotice(Db& db, const Geo& geo, const LawBook& law, const std::string& cccd, Month month,
                                  Date today) {
  if (month > Month::OfDate(today))
    return Status::Invalid("month", "Chưa có thông báo cho tháng sau tháng hiện tại", "no notice for a future month");
  MonthlyNotice n;
  n.month = month;
  // The notice date: the parameter's day of the following month, or today
  // when asked for earlier; before the parameter exists, on request.
  Date end = month.LastDay();
  auto day = law.Integer("participant_notice.day", end);
  if (day.ok()) {
    Month next = month.Next();
    Date issue = Date::FromYmd(next.year(), next.month(), static_cast<int>(std::clamp<int64_t>(*day, 1, 28)));
    n.issued_on = std::min(issue, today);
    auto row = law.Param("participant_notice.day", end);
    n.law = row.ok() ? CitationVi(row->law) : "";
    if (issue > today)
      n.notes.push_back("Thông báo lập trước ngày " + issue.ToVi() + " (ngày thông báo hằng tháng): số liệu tính đến hôm nay.");
  } else {
    n.issued_on = today;
    n.law = CitationVi("58/2014/QH13 Art.18.6");
    n.notes.push_back("Trước 01/07/2025, người lao động được đơn vị cung cấp thông tin đóng BHXH định kỳ 6 tháng "
                      "(Luật BHXH 2014 Điều 18.6); thông báo này lập theo yêu cầu.");
  }
  // The book as of the notice date: the months and which are unpaid.
  BHXH_ASSIGN_OR_RETURN(Book book, BuildBook(db, geo, law, cccd, n.issued_on));
  n.person = book.person;
  // Months counted per fund through the notice month.
  for (const auto& bp : book.periods) {
    Month last = std::min(book.counted_through, month);
    Month to = bp.period.to ? std::min(*bp.period.to, last) : last;
    int m = std::max(0, to.index() - bp.period.from.index() + 1);
    for (int f = 0; f < kFundCount; ++f)
      if (bp.period.funds & (1u << f)) n.months_by_fund[f] += m;
  }
  if (book.counted_through < month)
    n.notes.push_back("Tháng " + month.ToVi() + " chưa được tính số phải đóng (kỳ thu tháng này chưa chạy).");

  // The month's dues by employer, fund and party.
  std::string cols = "d.employer_id, e.code, e.name, d.group_code, d.total";
  for (int f = 0; f < kFundCount; ++f)
    cols += ", d." + FundCol(f) + "_base, d." + FundCol(f) + "_er, d." + FundCol(f) + "_ee";
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT " + cols + " FROM dues d JOIN employers e ON e.id = d.employer_id "
                                            "WHERE d.person_id = ? AND d.month = ? ORDER BY e.code"));
  st->BindInt(1, n.person.id);
  st->BindInt(2, month.index());
  std::map<int64_t, Ledger> ledgers;
  auto ledger = [&](int64_t eid) -> Result<const Ledger*> {
    if (!ledgers.count(eid)) {
      BHXH_ASSIGN_OR_RETURN(ledgers[eid], EmployerLedger(db, law, eid, n.issued_on));
    }
    return &ledgers[eid];
  };
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    NoticeContribution c;
    int64_t eid = st->Int(0);
    c.employer_code = st->Text(1);
    c.employer_name = st->Text(2);
    c.group = st->Text(3);
    c.total = st->Int(4);
    for (int f = 0; f < kFundCount; ++f) {
      c.base[f] = st->Int(5 + 3 * f);
      c.employer[f] = st->Int(6 + 3 * f);
      c.employee[f] = st->Int(7 + 3 * f);
    }
    BHXH_ASSIGN_OR_RETURN(const Ledger* l, ledger(eid));
    for (const auto& line : l->lines)
      if (line.month == month) {
        c.paid = line.balance == 0;
        c.deadline = line.deadline;
      }
    n.contributions.push_back(std::move(c));
  }
  // Earlier months unpaid past their deadline, as ranges per employer.
  std::map<std::string, std::string> names;
  for (const auto& bp : book.periods) names[bp.employer_code] = bp.employer_name;
  BHXH_ASSIGN_OR_RETURN(auto dues, db.Prepare("SELECT d.month, e.code, " + [] {
    std::string s;
    for (int f = 0; f < kFundCount; ++f)
      s += std::string(f ? ", " : "") + "d." + FundCol(f) + "_er + d." + FundCol(f) + "_ee";
    return s;
  }() + ", d.employer_id FROM dues d JOIN employers e ON e.id = d.employer_id WHERE d.person_id = ? AND d.month <= ? "
        "ORDER BY e.code, d.month"));
  dues->BindInt(1, n.person.id);
  dues->BindInt(2, month.index());
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, dues->Step());
    if (!row) break;
    Month m = Month::FromIndex(static_cast<int32_t>(dues->Int(0)));
    BHXH_ASSIGN_OR_RETURN(const Ledger* l, ledger(dues->Int(2 + kFundCount)));
    bool overdue = false;
    for (const auto& line : l->lines)
      if (line.month == m) overdue = line.balance > 0 && line.deadline < n.issued_on;
    if (!overdue) continue;
    std::string code = dues->Text(1);
    if (n.arrears.empty() || n.arrears.back().employer_code != code || n.arrears.back().to.Next() != m) {
      NoticeArrears a;
      a.employer_code = code;
      a.employer_name = names[code];
      a.from = m;
      a.to = m;
      n.arrears.push_back(a);
    }
    NoticeArrears& a = n.arrears.back();
    a.to = m;
    ++a.months;
    for (int f = 0; f < kFundCount; ++f) {
      a.by_fund[f] += dues->Int(2 + f);
      a.total += dues->Int(2 + f);
    }
  }
  for (const auto& a : n.arrears) n.arrears_total += a.total;
  return n;
}

std::string NoticeHtml(const MonthlyNotice& n) {
  std::string b;
  b += "<p>Kính gửi: <b>" + HtmlEscape(n.person.full_name) + "</b> — số định danh " + HtmlEscape(n.person.cccd) +
       (n.person.si_number.empty() ? "" : ", mã số BHXH " + HtmlEscape(n.person.si_number)) + "</p>";
  b += "<p>Cơ quan BHXH thông báo tình hình đóng bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp, bảo hiểm tai nạn "
       "lao động, bệnh nghề nghiệp của Ông/Bà tháng " +
       n.month.ToVi() + " (căn cứ " + HtmlEscape(n.law) + "), lập ngày " + n.issued_on.ToVi() + ".</p>";
  b += "<h2>1. Số phải đóng tháng " + n.month.ToVi() + "</h2>";
  if (n.contributions.empty()) {
    b += "<p>Không có số phải đóng qua đơn vị trong tháng.</p>";
  } else {
    for (const auto& c : n.contributions) {
      b += "<p>Đơn vị: <b>" + HtmlEscape(c.employer_name) + "</b> (mã " + HtmlEscape(c.employer_code) + ") — " +
           (c.paid ? "đã đóng đủ" : "chưa đóng đủ, hạn đóng " + c.deadline.ToVi()) + "</p>";
      b += "<table><tr><th>Quỹ</th><th>Tiền lương làm căn cứ đóng</th><th>Đơn vị đóng</th><th>Người lao động đóng</th></tr>";
      for (int f = 0; f < kFundCount; ++f) {
        if (!c.base[f] && !c.employer[f] && !c.employee[f]) continue;
        b += std::string("<tr><td>") + FundNameVi(static_cast<Fund>(f)) + "</td><td class=\"num\">" + Vi(c.base[f]) +
             "</td><td class=\"num\">" + Vi(c.employer[f]) + "</td><td class=\"num\">" + Vi(c.employee[f]) + "</td></tr>";
      }
      Vnd er = 0, ee = 0;
      for (int f = 0; f < kFundCount; ++f) er += c.employer[f], ee += c.employee[f];
      b += "<tr><th colspan=\"2\">Cộng</th><th class=\"num\">" + Vi(er) + "</th><th class=\"num\">" + Vi(ee) +
           "</th></tr><tr><th colspan=\"3\">Tổng số phải đóng</th><th class=\"num\">" + Vi(c.total) + "</th></tr></table>";
    }
  }
  b += "<h2>2. Thời gian đã đóng tính đến hết tháng " + n.month.ToVi() + "</h2><table><tr>";
  for (int f = 0; f < kFundCount; ++f) b += std::string("<th>") + FundNameVi(static_cast<Fund>(f)) + "</th>";
  b += "</tr><tr>";
  for (int f = 0; f < kFundCount; ++f) b += "<td class=\"num\">" + std::to_string(n.months_by_fund[f]) + " tháng</td>";
  b += "</tr></table>";
  b += "<h2>3. Các tháng đơn vị chưa đóng quá hạn</h2>";
  if (n.arrears.empty()) {
    b += "<p>Không có.</p>";
  } else {
    b += "<table><tr><th>Đơn vị</th><th>Từ tháng</th><th>Đến tháng</th><th>Số tháng</th>";
    for (int f = 0; f < kFundCount; ++f) b += std::string("<th>") + FundNameVi(static_cast<Fund>(f)) + "</th>";
    b += "<th>Tổng</th></tr>";
    for (const auto& a : n.arrears) {
      b += "<tr><td>" + HtmlEscape(a.employer_name) + " (" + HtmlEscape(a.employer_code) + ")</td><td>" + a.from.ToVi() +
           "</td><td>" + a.to.ToVi() + "</td><td class=\"num\">" + std::to_string(a.months) + "</td>";
      for (int f = 0; f < kFundCount; ++f) b += "<td class=\"num\">" + Vi(a.by_fund[f]) + "</td>";
      b += "<td class=\"num\">" + Vi(a.total) + "</td></tr>";
    }
    b += "</table><p>Đơn vị còn nợ các tháng trên; Ông/Bà có quyền yêu cầu đơn vị đóng đủ và đề nghị cơ quan BHXH, "
         "thanh tra lao động can thiệp.</p>";
  }
  for (const auto& note : n.notes) b += "<p><i>" + HtmlEscape(note) + "</i></p>";
  return OfficialPage("", "<b>BẢO HIỂM XÃ HỘI VIỆT NAM</b><br>Hệ thống thông tin BHXH", "THÔNG BÁO TÌNH HÌNH ĐÓNG BHXH, BHYT, BHTN "
                      "THÁNG " + n.month.ToVi(), b);
}

}  // namespace bhxh
