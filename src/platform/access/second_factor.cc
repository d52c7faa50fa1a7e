#include "platform/access/second_factor.h"

#include <openssl/rand.h>

#include <ctime>

#include "platform/audit/audit.h"
#include "platform/messages/outbox.h"

namespace bhxh {
namespace {

Status WrongCode(int left) {
  return Status::Error("unauthenticated", "code",
                       "Mã xác thực không đúng hoặc đã hết hạn" + (left > 0 ? "; còn " + std::to_string(left) + " lần thử" : std::string()),
                       "the code is wrong or has expired" + (left > 0 ? "; " + std::to_string(left) + " tries left" : std::string()));
}

}  // namespace

std::string RandomToken(const std::string& prefix) {
  unsigned char b[32];
  if (RAND_bytes(b, sizeof b) != 1) return "";
  static const char* a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string s = prefix;
  for (unsigned char c : b) s.push_back(a[c & 63]);
  return s;
}

Result<ChallengeSent> StartChallenge(Db& db, const std::string& purpose, const std::string& subject, const std::string& channel,
                                     const std::string& recipient, const std::string& payload, const std::string& message,
                                     const ChallengeSettings& settings) {
  std::time_t now = std::time(nullptr);
  BHXH_ASSIGN_OR_RETURN(auto recent, db.Prepare(
      "SELECT COUNT(*) FROM auth_challenges WHERE purpose = ? AND subject = ? AND created_at > ?"));
  recent->Bind(purpose, subject, IsoUtcAt(now - 3600));
  BHXH_ASSIGN_OR_RETURN(bool row, recent->Step());
  if (row && recent->Int(0) >= settings.max_per_hour)
    return Status::Error("rate_limited", "code", "Đã gửi quá nhiều mã xác thực trong một giờ; vui lòng thử lại sau",
                         "too many codes sent within an hour; try again later");
  recent->Reset();
  // Six digits, uniform: reject the top of the 32-bit range that would bias them.
  uint32_t r = 0;
  do {
    if (RAND_bytes(reinterpret_cast<unsigned char*>(&r), sizeof r) != 1) return Status::Internal("no random bytes for a code");
  } while (r >= 4'294'000'000u);
  char code[8];
  std::snprintf(code, sizeof code, "%06u", r % 1'000'000u);
  std::string id = RandomToken("c.");
  if (id.empty()) return Status::Internal("no random bytes for a challenge");
  ChallengeSent sent{id, channel, MaskRecipient(channel, recipient), IsoUtcAt(now + settings.ttl.count())};
  BHXH_ASSIGN_OR_RETURN(auto ins, db.Prepare(
      "INSERT INTO auth_challenges (id_sha256, purpose, subject, code_hash, channel, recipient, payload, attempts, created_at, "
      "expires_at) VALUES (?,?,?,?,?,?,?,0,?,?)"));
  BHXH_RETURN_IF_ERROR(ins->Bind(Sha256Hex(id), purpose, subject, Sha256Hex(id + "|" + code), channel, recipient, payload,
                                 IsoUtcAt(now), sent.expires_at)
                           .Run());
  std::string text = message;
  if (size_t p = text.find("{code}"); p != std::string::npos) text.replace(p, 6, code);
  BHXH_RETURN_IF_ERROR(QueueMessage(db, channel, recipient, purpose, text));
  return sent;
}

Result<ChallengePassed> PassChallenge(Db& db, const std::string& purpose, const std::string& id, const std::string& code,
                                      const ChallengeSettings& settings) {
  if (id.size() > 80 || code.size() > 16) return WrongCode(0);
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(
      "SELECT code_hash, attempts, expires_at, used_at, subject, payload FROM auth_challenges WHERE id_sha256 = ? AND purpose = ?"));
  st->Bind(Sha256Hex(id), purpose);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return WrongCode(0);
  std::string hash = st->Text(0);
  int attempts = static_cast<int>(st->Int(1));
  std::string expires = st->Text(2);
  bool used = !st->IsNull(3);
  ChallengePassed p{st->Text(4), st->Text(5)};
  st->Reset();
  if (used || expires <= NowIsoUtc()) return WrongCode(0);
  if (attempts >= settings.max_attempts)
    return Status::Error("rate_limited", "code", "Đã nhập sai mã quá số lần cho phép; vui lòng yêu cầu mã mới",
                         "too many wrong codes; ask for a new one");
  bool good = Sha256Hex(id + "|" + code) == hash;
  BHXH_ASSIGN_OR_RETURN(auto up, db.Prepare(good ? "UPDATE auth_challenges SET used_at = ? WHERE id_sha256 = ?"
                                                 : "UPDATE auth_challenges SET attempts = attempts + 1 WHERE id_sha256 = ?"));
  if (good)
    up->Bind(NowIsoUtc(), Sha256Hex(id));
  else
    up->Bind(Sha256Hex(id));
  BHXH_RETURN_IF_ERROR(up->Run());
  BHXH_RETURN_IF_ERROR(tx.Commit());
  if (!good) return WrongCode(settings.max_attempts - attempts - 1);
  return p;
}

}  // namespace bhxh
