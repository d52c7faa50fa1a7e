// The audit trail as a tamper-evident record (Decree 13/2023/NĐ-CP on
// personal data: every processing accountable; 1712/QĐ-BHXH §II.2: the
// agency's work transparent through software).
//
// Contract:
//  - Every audit row has a place in one chain: seq 1, 2, 3 … with no gaps,
//    prev_hash = the previous row's row_hash (64 zeros before the first),
//    row_hash = SHA-256 over the row's content and prev_hash
//    (AuditRowHash). WriteAudit (audit.h) appends in the caller's
//    transaction and serialises writers on the chain head.
//  - A seal is the chain head (seq, hash) signed with Ed25519 by a key kept
//    outside the database (a file, mode 0600). One seal a day is enough;
//    more are allowed. A seal fixes everything up to its seq: changing any
//    earlier row, even with every hash after it recomputed, no longer
//    matches the signed head.
//  - VerifyAuditChain walks the chain in seq order, streaming, and names the
//    first row that was changed, removed or inserted, and the first seal
//    that no longer matches or whose signature is not by a trusted key.
//  - Rows written before the chain existed are chained once, in id order
//    (ChainUnchainedAudit, run when the process opens the database).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "platform/access/actor.h"
#include "store/db.h"

namespace bhxh {

inline constexpr const char* kAuditGenesis = "0000000000000000000000000000000000000000000000000000000000000000";

std::string AuditRowHash(int64_t seq, const std::string& at, const std::string& actor, const std::string& action,
                         const std::string& entity, const std::string& entity_key, const std::string& detail,
                         const std::string& prev_hash);

// Appends one row to the chain (its own savepoint when the caller has a
// transaction open, else a transaction of its own).
[[nodiscard]] Status AppendAudit(Db& db, const std::string& at, const std::string& actor, const std::string& action,
                                 const std::string& entity, const std::string& entity_key, const std::string& detail);

// Chains rows written before the chain existed, in id order, once: only
// while the chain is still empty. Returns how many.
[[nodiscard]] Result<int64_t> ChainUnchainedAudit(Db& db);

// The signing key: a 64-byte Ed25519 secret key in a file of its own.
class SealKey {
 public:
  // Reads the key file, or creates it (0600) when `create` and it does not exist.
  static Result<SealKey> Load(const std::string& path, bool create);
  // Where the key lives: $BHXH_AUDIT_KEY, else next to an SQLite database
  // ("<db>.audit-key"), else ~/.local/state/bhxh/audit-seal.key.
  static std::string DefaultPath(const std::string& db_url);
  const std::string& public_hex() const { return public_hex_; }
  std::string key_id() const;
  std::string Sign(const std::string& message) const;  // hex

 private:
  std::string secret_;  // 64 bytes
  std::string public_hex_;
};

// The text a seal signs.
std::string SealMessage(const std::string& day, int64_t seq, const std::string& head_hash);
// Checks an Ed25519 signature (hex) by a public key (hex).
bool VerifySignature(const std::string& public_hex, const std::string& message, const std::string& signature_hex);
std::string KeyIdOf(const std::string& public_hex);

struct AuditSeal {
  int64_t seq = 0;
  std::string day, head_hash, key_id, public_key, signature, sealed_at, sealed_by;
  bool replayed = false;  // the head was already sealed
};
// Signs the current chain head for `day` (YYYY-MM-DD). When the head is
// already sealed, returns that seal (replayed).
[[nodiscard]] Result<AuditSeal> SealAuditChain(Db& db, const SealKey& key, const std::string& day, const Actor& by);
[[nodiscard]] Result<std::vector<AuditSeal>> ListSeals(Db& db, int limit);

struct AuditProblem {
  std::string kind;  // changed | removed | inserted | link_broken | seal_mismatch | seal_signature | seal_untrusted | truncated
  int64_t seq = 0;   // the row (or the seal's seq)
  int64_t id = 0;    // the row's database id, 0 when there is none
  std::string message_vi, message_en;
};
struct AuditVerifyReport {
  int64_t rows = 0;
  int64_t head_seq = 0;
  std::string head_hash;
  int64_t seals = 0;
  int64_t last_sealed_seq = 0;     // the newest seal that checked out
  std::vector<AuditProblem> problems;  // the first of each kind, in the order found (at most 20)
  double seconds = 0;
  bool ok() const { return problems.empty(); }
};
// `trusted_keys`: public keys (hex) whose seals count; empty trusts the
// keys recorded in the seals themselves (only the hash chain and the
// signatures' validity are then checked).
[[nodiscard]] Result<AuditVerifyReport> VerifyAuditChain(Db& db, const std::vector<std::string>& trusted_keys);

// The same checks over an export (ExportAuditChain), away from the database:
// the first row's prev_hash is taken as given unless it is row 1.
[[nodiscard]] Result<AuditVerifyReport> VerifyAuditExport(const std::string& jsonl,
                                                          const std::vector<std::string>& trusted_keys);

// The chain from `from_seq` to `to_seq` (0: the head) with the seals that
// fall in it, as JSON Lines an inspector can verify away from the system:
// one {"seq",...,"row_hash"} per row, then {"seal":...} lines.
[[nodiscard]] Result<std::string> ExportAuditChain(Db& db, int64_t from_seq, int64_t to_seq);

}  // namespace bhxh
