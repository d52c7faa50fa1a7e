#include "collection/payments.h"

#include <algorithm>
#include <atomic>
#include <unordered_map>

#include "base/csv.h"
#include "base/text.h"
#include "store/partitioned.h"

namespace bhxh {
namespace {

Result<Date> ParsePaidOn(const std::string& s) { return Date::ParseIsoOrVi(s, "paid_on"); }

struct Checked {
  int64_t employer_id = 0;
  std::string province;
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
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT id, province FROM employers WHERE code = ?"));
  st->Bind(in.employer_code);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row)
    return Status::NotFound("employer_code", "Không tìm thấy đơn vị " + in.employer_code,
                            "no employer " + in.employer_code);
  c.employer_id = st->Int(0);
  c.province = st->Text(1);
  return c;
}

NewPayment RowOf(const Checked& c, const PaymentInput& in) {
  return {c.employer_id, c.province, c.paid_on, c.amount, in.reference, in.source, in.idempotency_key};
}

Status Audit(Db& db, const Actor& actor, const PaymentInput& in, const Checked& c) {
  return WriteAudit(db, actor, "payment", "employer", in.employer_code,
                    std::to_string(c.amount) + " on " + c.paid_on.ToString() + " ref " + in.reference);
}

const char kPaymentToken[] = "payment";

}  // namespace

Result<std::vector<StoredPayment>> StorePayments(Db& db, const std::vector<NewPayment>& rows,
                                                 const std::string& actor_id) {
  if (!db.InTransaction()) return Status::Internal("StorePayments runs inside the caller's transaction");
  std::vector<StoredPayment> out(rows.size());
  // Keys entered before this call, and keys repeated within it.
  std::unordered_map<std::string, size_t> first;
  std::vector<size_t> fresh;
  {
    BHXH_ASSIGN_OR_RETURN(auto find, db.Prepare("SELECT payment_id FROM payment_keys WHERE idempotency_key = ?"));
    for (size_t i = 0; i < rows.size(); ++i) {
      auto [it, added] = first.emplace(rows[i].idempotency_key, i);
      if (!added) {
        out[i].replayed = true;  // its id once the first is numbered
        continue;
      }
      find->Reset();
      find->Bind(rows[i].idempotency_key);
      BHXH_ASSIGN_OR_RETURN(bool row, find->Step());
      if (row) {
        out[i] = {find->Int(0), true};
      } else {
        fresh.push_back(i);
      }
    }
  }
  BHXH_ASSIGN_OR_RETURN(std::vector<int64_t> ids, NewIds(db, "payments", fresh.size()));
  std::vector<size_t> written;
  {
    // A key entered by another transaction since the look-up above (two
    // posts at once on PostgreSQL): the insert waits for it and then does
    // nothing, and this row answers the payment that was stored.
    BHXH_ASSIGN_OR_RETURN(auto add, db.Prepare("INSERT INTO payment_keys (idempotency_key, payment_id, province) "
                                               "VALUES (?,?,?) ON CONFLICT (idempotency_key) DO NOTHING "
                                               "RETURNING payment_id"));
    BHXH_ASSIGN_OR_RETURN(auto find, db.Prepare("SELECT payment_id FROM payment_keys WHERE idempotency_key = ?"));
    for (size_t k = 0; k < fresh.size(); ++k) {
      size_t i = fresh[k];
      add->Reset();
      add->Bind(rows[i].idempotency_key, ids[k], rows[i].province);
      BHXH_ASSIGN_OR_RETURN(bool row, add->Step());
      if (row) {
        out[i] = {ids[k], false};
        written.push_back(i);
        continue;
      }
      find->Reset();
      find->Bind(rows[i].idempotency_key);
      BHXH_ASSIGN_OR_RETURN(bool found, find->Step());
      if (!found) return Status::Internal("payment key neither new nor found: " + rows[i].idempotency_key);
      out[i] = {find->Int(0), true};
    }
  }
  for (size_t i = 0; i < rows.size(); ++i)
    if (out[i].replayed && out[i].id == 0) out[i].id = out[first[rows[i].idempotency_key]].id;
  if (written.empty()) return out;
  // Grouped by province: a shard's connection takes one COPY at a time.
  std::stable_sort(written.begin(), written.end(),
                   [&](size_t a, size_t b) { return rows[a].province < rows[b].province; });
  BHXH_ASSIGN_OR_RETURN(auto w, PartitionedWrite::Open(db, "payments",
                                                       {"id", "employer_id", "paid_on", "amount", "reference",
                                                        "source", "idempotency_key", "created_at", "created_by",
                                                        "province"},
                                                       std::string(kPaymentToken) + "-" +
                                                           std::to_string(out[written.front()].id)));
  const std::string now = NowIsoUtc();
  for (size_t i : written) {
    const NewPayment& p = rows[i];
    BHXH_ASSIGN_OR_RETURN(BulkWriter * wr, w->For(p.province));
    wr->Int(out[i].id);
    wr->Int(p.employer_id);
    wr->Text(p.paid_on.ToString());
    wr->Int(p.amount);
    wr->Text(p.reference);
    wr->Text(p.source);
    wr->Text(p.idempotency_key);
    wr->Text(now);
    wr->Text(actor_id);
    wr->Text(p.province);
    BHXH_RETURN_IF_ERROR(wr->EndRow());
  }
  BHXH_RETURN_IF_ERROR(w->Finish());
  return out;
}

Result<int> SettleLeftPayments(Db& db, std::chrono::seconds every) {
  static std::atomic<int64_t> last{0};
  if (!DueEvery(last, every)) return 0;
  // The work is named by the first payment's id, entered with its key.
  return ResolvePrepared(db, "payments",
                         RecordedAs(db, kPaymentToken, "SELECT COUNT(*) FROM payment_keys WHERE payment_id = ?"));
}

Result<PaymentResult> PostPayment(Db& db, const PaymentInput& in, const Actor& actor) {
  if (in.idempotency_key.empty() || in.idempotency_key.size() > 200)
    return Status::Invalid("idempotency_key", "Cần khoá chống gửi trùng (idempotency_key, tối đa 200 ký tự)",
                           "an idempotency_key of at most 200 characters is required");
  BHXH_ASSIGN_OR_RETURN(Checked c, Check(db, in));
  PaymentResult r{0, false, c.employer_id, c.amount, c.paid_on};
  (void)SettleLeftPayments(db, std::chrono::minutes(5));
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto stored, StorePayments(db, {RowOf(c, in)}, actor.id));
  r.payment_id = stored[0].id;
  r.replayed = stored[0].replayed;
  if (r.replayed) return r;
  BHXH_RETURN_IF_ERROR(Audit(db, actor, in, c));
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
  (void)SettleLeftPayments(db, std::chrono::minutes(5));
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  std::vector<NewPayment> store;
  store.reserve(rows.size());
  for (const auto& [c, in] : rows) store.push_back(RowOf(c, in));
  BHXH_ASSIGN_OR_RETURN(auto stored, StorePayments(db, store, actor.id));
  for (size_t i = 0; i < rows.size(); ++i) {
    if (stored[i].replayed) {
      ++res.duplicates;
      continue;
    }
    BHXH_RETURN_IF_ERROR(Audit(db, actor, rows[i].second, rows[i].first));
    ++res.applied;
    res.total += rows[i].first.amount;
  }
  BHXH_RETURN_IF_ERROR(tx.Commit());
  res.accepted = true;
  return res;
}

}  // namespace bhxh
