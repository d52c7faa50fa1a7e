#include "registry/audit.h"

#include <openssl/evp.h>

#include <ctime>

namespace bhxh {

std::string NowIsoUtc() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string Sha256Hex(std::string_view data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), md, &len, EVP_sha256(), nullptr);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < len; ++i) {
    out.push_back(hex[md[i] >> 4]);
    out.push_back(hex[md[i] & 15]);
  }
  return out;
}

Status WriteAudit(Db& db, const Actor& actor, const std::string& action, const std::string& entity,
                  const std::string& entity_key, const std::string& detail) {
  if (actor.id.empty())
    return Status::Error("unauthenticated", "actor", "Thiếu người thực hiện thao tác",
                         "every change needs an actor");
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(
      "INSERT INTO audit_log (at, actor, action, entity, entity_key, detail) VALUES (?,?,?,?,?,?)"));
  return st->Bind(NowIsoUtc(), actor.id, action, entity, entity_key, detail).Run();
}

Result<std::optional<std::string>> IdempotentLookup(Db& db, const std::string& scope,
                                                    const std::string& key) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT response FROM idempotency WHERE scope = ? AND key = ?"));
  st->Bind(scope, key);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return std::optional<std::string>{};
  return std::optional<std::string>{st->Text(0)};
}

Status IdempotentRecord(Db& db, const std::string& scope, const std::string& key,
                        const std::string& response) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(
      "INSERT INTO idempotency (scope, key, response, created_at) VALUES (?,?,?,?)"));
  return st->Bind(scope, key, response, NowIsoUtc()).Run();
}

Status CreateAccount(Db& db, const std::string& token, const Actor& a) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(
      "INSERT INTO accounts (token_sha256, actor, role, province, employer_code, facility_code) "
      "VALUES (?,?,?,?,?,?) ON CONFLICT (token_sha256) DO NOTHING"));
  return st->Bind(Sha256Hex(token), a.id, a.role, a.province, a.employer_code, a.facility_code).Run();
}

Result<Actor> ActorForToken(Db& db, const std::string& token) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(
      "SELECT actor, role, province, employer_code, facility_code FROM accounts WHERE token_sha256 = ?"));
  st->Bind(Sha256Hex(token));
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row)
    return Status::Error("unauthenticated", "Authorization", "Mã truy cập không hợp lệ",
                         "unknown bearer token");
  return Actor{st->Text(0), st->Text(1), st->Text(2), st->Text(3), st->Text(4)};
}

Result<std::vector<AuditEntry>> RecentAudit(Db& db, int limit, const std::string& entity_key) {
  std::string sql = "SELECT id, at, actor, action, entity, entity_key, detail FROM audit_log";
  if (!entity_key.empty()) sql += " WHERE entity_key = ?";
  sql += " ORDER BY id DESC LIMIT " + std::to_string(limit);
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(sql));
  if (!entity_key.empty()) st->Bind(entity_key);
  std::vector<AuditEntry> out;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    out.push_back({st->Int(0), st->Text(1), st->Text(2), st->Text(3), st->Text(4), st->Text(5), st->Text(6)});
  }
  return out;
}

}  // namespace bhxh
