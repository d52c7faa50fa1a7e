// The audit trail: who changed what, written in the same transaction as
// the change, so a change without its audit row cannot exist.
#pragma once

#include <cstdint>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

#include "platform/access/actor.h"
#include "store/db.h"

namespace bhxh {

// UTC timestamp "YYYY-MM-DDTHH:MM:SSZ", now or at `t`.
std::string NowIsoUtc();
std::string IsoUtcAt(std::time_t t);
std::string Sha256Hex(std::string_view data);

Status WriteAudit(Db& db, const Actor& actor, const std::string& action, const std::string& entity,
                  const std::string& entity_key, const std::string& detail);

struct AuditEntry {
  int64_t id;
  std::string at, actor, action, entity, entity_key, detail;
};
// Newest first; `entity_key` filters when not empty; `before_id` pages (0: from the newest).
Result<std::vector<AuditEntry>> RecentAudit(Db& db, int limit, const std::string& entity_key = "",
                                            int64_t before_id = 0);

}  // namespace bhxh
