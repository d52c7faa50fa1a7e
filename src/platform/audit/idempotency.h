// Idempotency keys: a submission retried with the same key is applied once.
//
// A key belongs to the actor and the operation that used it (two tenants
// may pick the same key without seeing each other's results), and is bound
// to the request it first came with: the same key with a different request
// is a conflict, never a silent replay. The key is checked and recorded
// inside the transaction that applies the request, so a crash between the
// two cannot apply twice.
#pragma once

#include <optional>
#include <string>

#include "platform/access/actor.h"
#include "store/db.h"

namespace bhxh {

struct IdempotencyRecord {
  int status = 0;        // the HTTP status first answered
  std::string response;  // the body first answered
};

// The stored answer of (actor, operation, key), if any. A different
// request under the same key is "idempotency_conflict" (409).
Result<std::optional<IdempotencyRecord>> IdempotentLookup(Db& db, const Actor& actor, const std::string& operation,
                                                          const std::string& key, const std::string& request_sha256);
Status IdempotentRecord(Db& db, const Actor& actor, const std::string& operation, const std::string& key,
                        const std::string& request_sha256, int status, const std::string& response);

}  // namespace bhxh
