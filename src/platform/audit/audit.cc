#include "platform/audit/audit.h"

#include <openssl/evp.h>

#include <ctime>

#include "platform/audit/chain.h"

namespace bhxh {

std::string NowIsoUtc() { return IsoUtcAt(std::time(nullptr)); }

std::string IsoUtcAt(std::time_t t) {
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
    return Status::Error("unauthenticated", "actor", "Thiếu người thực hiện thao tác", "every change needs an actor");
  return AppendAudit(db, NowIsoUtc(), actor.id, action, entity, entity_key, detail);
}

Result<std::vector<AuditEntry>> RecentAudit(Db& db, int limit, const std::string& entity_key, int64_t before_id) {
  std::string sql = "SELECT id, at, actor, action, entity, entity_key, detail FROM audit_log WHERE 1=1";
  if (!entity_key.empty()) sql += " AND entity_key = ?";
  if (before_id > 0) sql += " AND id < ?";
  sql += " ORDER BY id DESC LIMIT " + std::to_string(std::max(1, std::min(limit, 10000)));
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(sql));
  int k = 0;
  if (!entity_key.empty()) st->BindText(++k, entity_key);
  if (before_id > 0) st->BindInt(++k, before_id);
  std::vector<AuditEntry> out;
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    out.push_back({st->Int(0), st->Text(1), st->Text(2), st->Text(3), st->Text(4), st->Text(5), st->Text(6)});
  }
  return out;
}

}  // namespace bhxh
