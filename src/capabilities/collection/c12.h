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
// Đ carried forward at the month's end. B.4 lists the changes to earlier
// months recorded in this month (a re-run after a retroactive declaration,
// collect.h): increases and decreases by fund group, each with the part
// for months of earlier years, and the net; every month before is read as it
// was known at its end (its dues less the changes recorded after it), so a
// notice once issued reads the same later and A + B.3 + B.4 − C = Đ.
// Balances come from the same ledger
// as the statement (ledger.h: payments oldest month first, deadlines by
// the law in force); a month's unpaid balance is split across the fund
// groups in proportion to that month's dues (largest remainder, so the
// columns add up to the total exactly).
#pragma once

#include <array>
#include <optional>
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
  // B.4 Điều chỉnh kỳ trước: 4.1 increases, 4.2 decreases (as positive
  // amounts), each "trong đó năm trước"; 4.3 net = 4.1 − 4.2.
  C12Columns b4_up{}, b4_up_prior_year{}, b4_down{}, b4_down_prior_year{}, b4_net{};
  struct Adjusted {
    Month month;
    int workers_before = 0, workers_after = 0;
    C12Columns amount{};  // signed
  };
  std::vector<Adjusted> b4_months;  // the months adjusted, oldest first
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

// The notice as printed, line by line: a label and either the five columns
// or one amount (shown under "Cộng"); a heading has neither.
struct C12Line {
  std::string label;
  std::optional<C12Columns> cols;
  std::optional<Vnd> total;
};
std::vector<C12Line> C12Lines(const C12& c);

// The printable page (administrative layout, Decree 30/2020/NĐ-CP; the
// issuing body is the provincial office of `province_name`) and the
// workbook (numbers as numbers, title and as-of date).
std::string C12Html(const C12& c, const std::string& province_name);
[[nodiscard]] Result<std::string> C12Xlsx(const C12& c);

[[nodiscard]] Result<C12> BuildC12(Db& db, const LawBook& law, int64_t employer_id, const std::string& employer_code,
                                   const std::string& employer_name, Month month);

}  // namespace bhxh
