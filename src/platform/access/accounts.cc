#include "platform/access/accounts.h"

#include "platform/audit/audit.h"

namespace bhxh {

Status CreateAccount(Db& db, const std::string& token, const Actor& a) {
  BHXH_ASSIGN_OR_RETURN(
      auto st,
      db.Prepare("INSERT INTO accounts (token_sha256, actor, role, province, employer_code, facility_code, cccd, commune) "
                 "VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (token_sha256) DO NOTHING"));
  return st->Bind(Sha256Hex(token), a.id, a.RolesText(), a.province, a.employer_code, a.facility_code, a.cccd, a.commune).Run();
}

Result<Actor> ActorForToken(Db& db, const std::string& token) {
  BHXH_ASSIGN_OR_RETURN(auto st,
                        db.Prepare("SELECT actor, role, province, employer_code, facility_code, cccd, commune FROM accounts "
                                   "WHERE token_sha256 = ? AND revoked_at IS NULL"));
  st->Bind(Sha256Hex(token));
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row)
    return Status::Error("unauthenticated", "Authorization", "Mã truy cập không hợp lệ hoặc đã bị thu hồi",
                         "unknown or revoked bearer token");
  Actor a{st->Text(0), ParseRoles(st->Text(1)), st->Text(2), st->Text(3), st->Text(4), st->Text(5)};
  a.commune = st->IsNull(6) ? "" : st->Text(6);
  return a;
}

Status RevokeToken(Db& db, const std::string& actor_id, const Actor& by) {
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto q, db.Prepare("SELECT COUNT(*) FROM accounts WHERE actor = ? AND revoked_at IS NULL"));
  q->Bind(actor_id);
  BHXH_ASSIGN_OR_RETURN(bool row, q->Step());
  if (!row || q->Int(0) == 0)
    return Status::NotFound("actor", "Không có mã truy cập còn hiệu lực của " + actor_id,
                            "no live token for " + actor_id);
  BHXH_ASSIGN_OR_RETURN(auto st,
                        db.Prepare("UPDATE accounts SET revoked_at = ? WHERE actor = ? AND revoked_at IS NULL"));
  BHXH_RETURN_IF_ERROR(st->Bind(NowIsoUtc(), actor_id).Run());
  BHXH_RETURN_IF_ERROR(WriteAudit(db, by, "revoke-token", "account", actor_id, ""));
  return tx.Commit();
}

}  // namespace bhxh
