// Who did what: actors, the audit trail and idempotency keys.
//
// Every write takes an Actor (from the API's bearer token or the CLI's
// operator) and records an audit row inside the same transaction as the
// change, so a change without its audit row cannot exist. Idempotency:
// a submission's key is looked up inside the transaction; a key seen
// before returns the stored response instead of applying twice.
#pragma once

#include <optional>
#include <string>

#include "store/db.h"

namespace bhxh {

struct Actor {
  std::string id;     // e.g. "officer:hn-001", "employer:0101234567", "cli:root"
  std::string role;   // officer | employer | facility | citizen | operator
  std::string province;
  std::string employer_code;  // for employer accounts
  std::string facility_code;  // for facility accounts
};

std::string NowIsoUtc();
std::string Sha256Hex(std::string_view data);

Status WriteAudit(Db& db, const Actor& actor, const std::string& action, const std::string& entity,
                  const std::string& entity_key, const std::string& detail);

// Stored response of (scope, key), if any.
Result<std::optional<std::string>> IdempotentLookup(Db& db, const std::string& scope,
                                                    const std::string& key);
Status IdempotentRecord(Db& db, const std::string& scope, const std::string& key,
                        const std::string& response);

// Accounts: bearer tokens (stored hashed) mapped to actors.
Status CreateAccount(Db& db, const std::string& token, const Actor& actor);
Result<Actor> ActorForToken(Db& db, const std::string& token);

struct AuditEntry {
  int64_t id;
  std::string at, actor, action, entity, entity_key, detail;
};
Result<std::vector<AuditEntry>> RecentAudit(Db& db, int limit, const std::string& entity_key = "");

}  // namespace bhxh
