// An employer's own records, newest first, a page at a time: the payments
// received from it and the declarations it submitted (with their rows as
// submitted).
#pragma once

#include <string>
#include <vector>

#include "base/date.h"
#include "base/money.h"
#include "store/db.h"

namespace bhxh {

struct PaymentRecord {
  int64_t id = 0;
  Date paid_on;
  Vnd amount = 0;
  std::string reference, source, created_at, created_by;
};

struct DeclarationRecord {
  int64_t id = 0;
  Month month;
  int rows = 0;
  std::string body;  // the rows as JSON text, as submitted
  std::string created_at, created_by;
};

template <typename T>
struct Page {
  std::vector<T> items;
  int64_t total = 0;
};

Result<Page<PaymentRecord>> PaymentsOf(Db& db, int64_t employer_id, int limit, int64_t offset);
Result<Page<DeclarationRecord>> DeclarationsOf(Db& db, int64_t employer_id, int limit, int64_t offset);

}  // namespace bhxh
