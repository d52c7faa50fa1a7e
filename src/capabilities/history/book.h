// A citizen's social-insurance book (M5): by CCCD, the periods with their
// employers and salaries, the months contributed per fund, and every month
// whose contribution the employer has not paid (so a worker can see unpaid
// contributions). Paid/unpaid comes from the employer's ledger (oldest
// month first), the same derivation as the employer's statement.
#pragma once

#include <string>
#include <vector>

#include "collection/ledger.h"
#include "registry/registry.h"

namespace bhxh {

struct BookPeriod {
  Period period;
  std::string employer_code, employer_name;  // empty: voluntary or household
  int months = 0;                            // months up to Book::counted_through
};

struct BookMonth {
  Month month;
  std::string employer_code;
  Vnd salary_base = 0;  // retirement base
  Vnd due = 0;          // this worker's dues for the month, both parties
  bool paid = false;    // the employer's month is fully paid
  bool ui = false;      // unemployment insurance was due for the month
};

struct Book {
  Person person;
  Date as_of;
  std::vector<BookPeriod> periods;
  Month counted_through;  // the last month counted: the last collection run up to as_of
  std::array<int, kFundCount> months_by_fund{};
  std::vector<BookMonth> months;  // months with dues recorded
  std::vector<BookMonth> unpaid;  // subset: employer has not paid
  std::vector<Card> cards;
};

Result<Book> BuildBook(Db& db, const Geo& geo, const LawBook& law, const std::string& cccd, Date as_of);

}  // namespace bhxh
