#include "collection/payments.h"

#include "base/csv.h"
#include "base/text.h"

namespace bhxh {
namespace {

Result<Date> ParsePaidOn(const std::string& s) { return Date::ParseIsoOrVi(s, "paid_on"); }

struct Checked {
  int64_t employer_id = 0;
  Date paid_on;
  Vnd amount = 0;
};

Result<Checked> Check(Db& db, const PaymentInput& in) {
  Checked c;
  BHXH_ASSIGN_OR_RETURN(c.paid_on, ParsePaidOn(in.paid_on));
  if (c.paid_on > Date::Today())
    return Status::Invalid("paid_on", "Ngày nộp tiền không được sau hôm nay", "payment date is in the future");
  BHXH_ASSIGN_OR_RETURN(c.amount, ParseVnd(in.amount, "amount"));
  if (c.amount <= 0) return Status::Invalid("amount", "Số tiền phải lớn hơn 0", "amount must be positive");
  if (in.reference.empty() || in.reference.size() > 100)
    return Status::Invalid("reference", "Cần số chứng từ / mã giao dịch (tối đa 100 ký tự)",
                           "a payment reference of at most 100 characters is required");
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT id FROM employers WHERE code = ?"));
  st->Bind(in.employer_code);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row)
    return Status::NotFound("employer_code", "Không tìm thấy đơn vị " + in.employer_code,
                            "no employer " + in.employer_code);
  c.employer_id = st->Int(0);
  return c;
}

Result<int64_t> Insert(Db& db, const Checked& c, const PaymentInput& in, const std::string& key, const Actor& actor) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("INSERT INTO payments (employer_id, paid_on, amount, reference, source, "
                                            "idempotency_key, created_at, created_by) "
                                            "VALUES (?,?,?,?,?,?,?,?) RETURNING id"));
  st->Bind(c.employer_id, c.paid_on.ToString(), c.amount, in.reference, in.source, key, NowIsoUtc(), actor.id);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Status::Internal("insert payment returned no id");
  int64_t id = st->Int(0);
  BHXH_RETURN_IF_ERROR(WriteAudit(db, actor, "payment", "employer", in.employer_code,
                                  std::to_string(c.amount) + " on " + c.paid_on.ToString() + " ref " + in.reference));
  return id;
}

Result<std::optional<int64_t>> ExistingPayment(Db& db, const std::string& key) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT id FROM payments WHERE idempotency_key = ?"));
  st->Bind(key);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return std::optional<int64_t>{};
  return std::optional<int64_t>{st->Int(0)};
}

}  // namespace

Result<PaymentResult> PostPayment(Db& db, const PaymentInput& in, const Actor& actor) {
  if (in.idempotency_key.empty() || in.idempotency_key.size() > 200)
    return Status::Invalid("idempotency_key", "Cần khoá chống gửi trùng (idempotency_key, tối đa 200 ký tự)",
                           "an idempotency_key of at most 200 characters is required");
  BHXH_ASSIGN_OR_RETURN(Checked c, Check(db, in));
  PaymentResult r{0, false, c.employer_id, c.amount, c.paid_on};
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto existing, ExistingPayment(db, in.idempotency_key));
  if (existing) {
    r.payment_id = *existing;
    r.replayed = true;
    return r;
  }
  BHXH_ASSIGN_OR_RETURN(r.payment_id, Insert(db, c, in, in.idempotency_key, actor));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return r;
}

Result<BankImportResult> ImportBankStatement(Db& db, const std::string& text, const Actor& actor) {
  BankImportResult res;
  BHXH_ASSIGN_OR_RETURN(CsvTable t, ParseCsv(text, "bank_statement"));
  int ce = t.Column("employer_code"), cd = t.Column("paid_on"), ca = t.Column("amount"), cr = t.Column("reference");
  if (ce < 0 || cd < 0 || ca < 0 || cr < 0)
    return Status::Invalid("bank_statement", "Sao kê cần các cột employer_code, paid_on, amount, reference",
                           "statement needs columns employer_code, paid_on, amount, reference");
  std::vector<std::pair<Checked, PaymentInput>> rows;
  for (size_t i = 0; i < t.rows.size(); ++i) {
    const auto& r = t.rows[i];
    PaymentInput in{Trim(r.cells[ce]), Trim(r.cells[cd]), Trim(r.cells[ca]), Trim(r.cells[cr]), "", "bank_csv"};
    in.idempotency_key = "bank:" + in.reference;
    auto c = Check(db, in);
    if (!c.ok()) {
      res.errors.push_back(
          {r.line, c.status().field(), c.status().code(), c.status().message_vi(), c.status().message_en()});
      continue;
    }
    rows.emplace_back(*c, in);
  }
  if (!res.errors.empty()) return res;
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  for (const auto& [c, in] : rows) {
    BHXH_ASSIGN_OR_RETURN(auto existing, ExistingPayment(db, in.idempotency_key));
    if (existing) {
      ++res.duplicates;
      continue;
    }
    BHXH_ASSIGN_OR_RETURN(int64_t id, Insert(db, c, in, in.idempotency_key, actor));
    (void)id;
    ++res.applied;
    res.total += c.amount;
  }
  BHXH_RETURN_IF_ERROR(tx.Commit());
  res.accepted = true;
  return res;
}

}  // namespace bhxh
