#include "platform/audit/idempotency.h"

#include "platform/audit/audit.h"

namespace bhxh {

Result<std::optional<IdempotencyRecord>> IdempotentLookup(Db& db, const Actor& actor, const std::string& operation,
                                                          const std::string& key, const std::string& request_sha256) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT request_sha256, status, response FROM idempotency_keys WHERE actor "
                                            "= ? AND operation = ? AND key = ?"));
  st->Bind(actor.id, operation, key);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return std::optional<IdempotencyRecord>{};
  if (st->Text(0) != request_sha256)
    return Status::Error("idempotency_conflict", "Idempotency-Key",
                         "Khoá chống gửi trùng \"" + key + "\" đã được dùng cho một yêu cầu khác; hãy dùng khoá mới",
                         "idempotency key \"" + key + "\" was used for a different request; use a new key");
  return std::optional<IdempotencyRecord>{IdempotencyRecord{static_cast<int>(st->Int(1)), st->Text(2)}};
}

Status IdempotentRecord(Db& db, const Actor& actor, const std::string& operation, const std::string& key,
                        const std::string& request_sha256, int status, const std::string& response) {
  BHXH_ASSIGN_OR_RETURN(
      auto st,
      db.Prepare("INSERT INTO idempotency_keys (actor, operation, key, request_sha256, status, response, created_at) "
                 "VALUES (?,?,?,?,?,?,?)"));
  return st->Bind(actor.id, operation, key, request_sha256, static_cast<int64_t>(status), response, NowIsoUtc()).Run();
}

}  // namespace bhxh
