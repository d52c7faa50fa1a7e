// Payments received from employers: posted one at a time (API/CLI) or
// imported from a bank statement CSV. Each payment carries an idempotency
// key (for bank rows: "bank:" + the bank's reference), so the same transfer
// is never counted twice. A statement file is validated whole and applied
// in one transaction; rows already imported are reported as duplicates.
// Allocation to debts is derived, oldest month first, by the ledger.
#pragma once

#include <string>
#include <vector>

#include "collection/declarations.h"
#include "store/db.h"

namespace bhxh {

struct PaymentInput {
  std::string employer_code, paid_on, amount, reference, idempotency_key;
  std::string source = "api";
};

struct PaymentResult {
  int64_t payment_id = 0;
  bool replayed = false;
  int64_t employer_id = 0;
  Vnd amount = 0;
  Date paid_on;
};

Result<PaymentResult> PostPayment(Db& db, const PaymentInput& in, const Actor& actor);

struct BankImportResult {
  bool accepted = false;
  int applied = 0, duplicates = 0;
  Vnd total = 0;
  std::vector<RowError> errors;
};

// CSV header: employer_code,paid_on,amount,reference (paid_on YYYY-MM-DD or
// DD/MM/YYYY as banks print it).
Result<BankImportResult> ImportBankStatement(Db& db, const std::string& csv_text, const Actor& actor);

}  // namespace bhxh
