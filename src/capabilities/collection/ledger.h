// An employer's contribution ledger: dues, payments allocated oldest month
// first, balances, late-payment interest and the arrears classification.
//
// ComputeLedger is pure (no I/O) so the statement, the arrears report and
// the citizen's book derive the same allocation from the same rows. A
// month's contribution is due by the last day of the month under the 2014
// law and of the following month under the 2024 law (dated parameter
// `payment_deadline_months`, plus `payment_deadline_days`), by the law in
// force at the end of the contribution month; a payment made before a month's dues exist is a
// credit applied when they do. Interest runs on each unpaid dong from the
// day after the deadline to the day it is paid (or the as-of date), under
// the law in force on each day (law/interest.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "law/interest.h"
#include "registry/registry.h"
#include "store/db.h"

namespace bhxh {

struct MonthDue {
  Month month;
  Vnd amount = 0;
  int workers = 0;
};

struct PaymentRow {
  Date paid_on;
  Vnd amount = 0;
  std::string reference;
};

struct Allocation {
  Date paid_on;
  Vnd amount = 0;
};

struct LedgerLine {
  Month month;
  Date deadline;
  int workers = 0;
  Vnd due = 0, paid = 0, balance = 0, interest = 0;
  std::vector<Allocation> allocations;
};

struct Ledger {
  Date as_of;
  std::vector<LedgerLine> lines;  // oldest first
  Vnd total_due = 0, total_paid = 0, balance = 0, interest = 0, credit = 0;
  int months_owed = 0;  // months with a balance whose deadline has passed
  std::optional<Month> oldest_unpaid;
  int days_overdue = 0;                     // since the oldest unpaid deadline
  std::string classification;               // none | late | evasion
  std::vector<std::string> interest_rules;  // distinct rate descriptions used
  std::string law;                          // SI law in force on as_of
};

Result<Ledger> ComputeLedger(const LawBook& law, std::vector<MonthDue> dues, std::vector<PaymentRow> payments,
                             Date as_of);

// Loads one employer's dues and payments and computes its ledger.
Result<Ledger> EmployerLedger(Db& db, const LawBook& law, int64_t employer_id, Date as_of);

}  // namespace bhxh
