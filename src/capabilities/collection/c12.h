// The C12-TS notice ("Thông báo kết quả đóng BHXH, BHYT, BHTN,
// BHTNLĐ-BNN"): an employer's month as VSS sends it, by fund group —
// BHXH (retirement and survivors + sickness and maternity), BHYT, BHTN,
// BHTNLĐ-BNN — and in total.
//
// Contract: sections as the portal serves them (../shared/domain/
// services-integrity.md §6.3): A brought forward (headcount, overpaid,
// underpaid, interest owed) at the end of the month before; B this month
// (headcount with ups and downs, the wage fund, the amount due, the
// interest that accrued in the month); C the payments received in the month;
// D their allocation (to contributions; interest is tracked apart, so 0);
// Đ carried forward at the month's end. Balances come from the same ledger
// as the statement (ledger.h: payments oldest month first, deadlines by
// the law in force); a month's unpaid balance is split across the fund
// groups in proportion to that month's dues (largest remainder, so the
// columns add up to the total exactly).
#pragma once

#include <array>
#include <string>
#include <vector>

#include "collection/ledger.h"

namespace bhxh {

// bhxh, bhyt, bhtn, bhtnld, cong (total).
using C12Columns = std::array<Vnd, 5>;
const char* C12ColumnName(int i);  // "bhxh", ..., "cong"

struct C12 {
  std::string employer_code, employer_name;
  Month month;
  // A. Kỳ trước mang sang.
  int a_headcount = 0;
  C12Columns a_overpaid{}, a_underpaid{};
  Vnd a_interest = 0;
  // B. Phát sinh trong kỳ.
  int b_headcount = 0, b_up = 0, b_down = 0;
  C12Columns b_wage_fund{}, b_due{};
  Vnd b_interest = 0;
  // C. Số tiền đã nộp trong kỳ.
  std::vector<PaymentRow> c_payments;
  Vnd c_total = 0;
  // D. Phân bổ.
  Vnd d_contributions = 0, d_interest = 0;
  // Đ. Chuyển kỳ sau.
  int e_headcount = 0;
  C12Columns e_overpaid{}, e_underpaid{};
  Vnd e_interest = 0;
  std::string law;           // the SI law in force at the month's end
  std::string transfer_note;  // what to write on the payment order
};

[[nodiscard]] Result<C12> BuildC12(Db& db, const LawBook& law, int64_t employer_id, const std::string& employer_code,
                                   const std::string& employer_name, Month month);

}  // namespace bhxh
