// Payments received from employers: posted one at a time (API/CLI) or
// imported from a bank statement CSV. Each payment carries an idempotency
// key (for bank rows: "bank:" + the bank's reference), so the same transfer
// is never counted twice. A statement file is validated whole and applied
// in one transaction; rows already imported are reported as duplicates.
// Allocation to debts is derived, oldest month first, by the ledger.
//
// Where payments live: a payment row carries its employer's province and,
// on PostgreSQL, is written to that province's partition, which may be on
// a shard (store/partitioned.h); its idempotency key is entered first in
// payment_keys on the coordinator, whose primary key is what makes the key
// nationally unique — two posts of one key at once: the second waits for
// the first and answers its payment.
#pragma once

#include <chrono>
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

// One payment to store, already checked.
struct NewPayment {
  int64_t employer_id = 0;
  std::string province;  // the employer's, as registered
  Date paid_on;
  Vnd amount = 0;
  std::string reference, source, idempotency_key;
};
struct StoredPayment {
  int64_t id = 0;
  bool replayed = false;  // the key was entered before: `id` is that payment
};
// Stores `rows` inside the caller's transaction: each new key in
// payment_keys, then the rows by province where their partitions live
// (a shard's part prepared, committing with the caller's transaction). A
// key entered before — in an earlier transaction or earlier in `rows` —
// stores nothing and answers the payment it named. Writes no audit row.
[[nodiscard]] Result<std::vector<StoredPayment>> StorePayments(Db& db, const std::vector<NewPayment>& rows,
                                                               const std::string& actor_id);
// Payments a coordinator that died while committing left prepared on its
// shards: committed if their keys were, rolled back otherwise (after the
// grace of ResolvePrepared). Runs at most every `every` per process.
[[nodiscard]] Result<int> SettleLeftPayments(Db& db, std::chrono::seconds every);

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
