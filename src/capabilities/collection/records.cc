#include "collection/records.h"

#include <algorithm>

namespace bhxh {
namespace {
std::string Limits(int limit, int64_t offset) {
  return " LIMIT " + std::to_string(std::clamp(limit, 1, 1000)) + " OFFSET " + std::to_string(std::max<int64_t>(0, offset));
}
Result<int64_t> CountOf(Db& db, const std::string& table, int64_t employer_id) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT COUNT(*) FROM " + table + " WHERE employer_id = ?"));
  st->Bind(employer_id);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  return row ? st->Int(0) : 0;
}
}  // namespace

Result<Page<PaymentRecord>> PaymentsOf(Db& db, int64_t employer_id, int limit, int64_t offset) {
  Page<PaymentRecord> page;
  BHXH_ASSIGN_OR_RETURN(page.total, CountOf(db, "payments", employer_id));
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT id, paid_on, amount, reference, source, created_at, created_by FROM payments "
                                            "WHERE employer_id = ? ORDER BY paid_on DESC, id DESC" +
                                            Limits(limit, offset)));
  st->Bind(employer_id);
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    PaymentRecord p;
    p.id = st->Int(0);
    BHXH_ASSIGN_OR_RETURN(p.paid_on, Date::Parse(st->Text(1), "paid_on"));
    p.amount = st->Int(2);
    p.reference = st->Text(3), p.source = st->Text(4), p.created_at = st->Text(5), p.created_by = st->Text(6);
    page.items.push_back(std::move(p));
  }
  return page;
}

Result<Page<DeclarationRecord>> DeclarationsOf(Db& db, int64_t employer_id, int limit, int64_t offset) {
  Page<DeclarationRecord> page;
  BHXH_ASSIGN_OR_RETURN(page.total, CountOf(db, "declarations", employer_id));
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT id, month, row_count, body, created_at, created_by FROM declarations "
                                            "WHERE employer_id = ? ORDER BY id DESC" +
                                            Limits(limit, offset)));
  st->Bind(employer_id);
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    DeclarationRecord d;
    d.id = st->Int(0);
    d.month = Month::FromIndex(static_cast<int32_t>(st->Int(1)));
    d.rows = static_cast<int>(st->Int(2));
    d.body = st->Text(3), d.created_at = st->Text(4), d.created_by = st->Text(5);
    page.items.push_back(std::move(d));
  }
  return page;
}

}  // namespace bhxh
