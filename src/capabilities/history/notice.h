// The participant's monthly notice (Law 41/2024/QH15 Art. 10.1.c and
// 10.2.e: participants receive, every month, information on their
// contributions): for one person and one contribution month, what each
// employer declared for them by fund and party, whether it has been paid,
// the months counted per fund through that month, and every earlier month
// an employer has not paid past its deadline — by employer, as ranges of
// months with the amount per fund (the shape of the VssID arrears alert).
//
// Derived from the same rows as the book and the employer's ledger; the day
// of the following month it is issued is the dated law parameter
// `participant_notice.day` (absent before 01/07/2025, when the 2014 law
// gave the information every six months through the employer, Art. 18.6:
// the notice is then produced on request and says so).
#pragma once

#include <array>
#include <string>
#include <vector>

#include "history/book.h"

namespace bhxh {

struct NoticeContribution {
  std::string employer_code, employer_name, group;
  std::array<Vnd, kFundCount> base{}, employer{}, employee{};
  Vnd total = 0;
  bool paid = false;        // the employer's month is fully paid as of the notice date
  Date deadline;            // the month's payment deadline
};

struct NoticeArrears {
  std::string employer_code, employer_name;
  Month from, to;
  int months = 0;
  std::array<Vnd, kFundCount> by_fund{};  // both parties
  Vnd total = 0;
};

struct MonthlyNotice {
  Person person;
  Month month;
  Date issued_on;            // the notice date (the parameter's day of the next month, or today)
  std::string law;           // the law and article the notice follows
  std::vector<NoticeContribution> contributions;  // the month's, by employer
  std::array<int, kFundCount> months_by_fund{};   // counted through the month
  std::vector<NoticeArrears> arrears;             // months up to the month past their deadline, unpaid
  Vnd arrears_total = 0;
  std::vector<std::string> notes;                 // Vietnamese, for the reader
};

// `today` bounds the notice date: a notice asked for before its issue day
// is as of today.
Result<MonthlyNotice> BuildNotice(Db& db, const Geo& geo, const LawBook& law, const std::string& cccd, Month month,
                                  Date today);

// The notice as a printable page (A4, Vietnamese).
std::string NoticeHtml(const MonthlyNotice& n);

}  // namespace bhxh
