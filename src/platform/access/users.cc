#include "platform/access/users.h"

#include <sodium.h>

#include <cstring>
#include <ctime>

#include "base/parse.h"
#include "base/text.h"
#include "platform/access/second_factor.h"
#include "platform/audit/audit.h"

namespace bhxh {
namespace {

std::string IsoAfter(std::chrono::seconds d) { return IsoUtcAt(std::time(nullptr) + static_cast<std::time_t>(d.count())); }

Status Unauthenticated() {
  return Status::Error("unauthenticated", "password", "Tên đăng nhập hoặc mật khẩu không đúng", "wrong user name or password");
}

// Costs what a real verification costs, for user names that do not exist.
void Decoy(const std::string& password) {
  static const std::string hash = [] {
    char out[crypto_pwhash_STRBYTES];
    const char* p = "decoy-password-not-used";
    if (crypto_pwhash_str(out, p, std::strlen(p), crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
      return std::string();
    return std::string(out);
  }();
  if (!hash.empty() && crypto_pwhash_str_verify(hash.c_str(), password.c_str(), password.size()) == 0) return;
}

// The session row, its audit row and the account's last login, inside the
// caller's transaction.
Result<Session> OpenSessionIn(Db& db, int64_t id, const Actor& a, const std::string& display, std::chrono::seconds ttl,
                              const std::string& how) {
  Session s{RandomToken(kSessionPrefix), IsoAfter(ttl), a, display};
  if (s.token.empty()) return Status::Internal("no random bytes for a session");
  std::string now = NowIsoUtc();
  BHXH_ASSIGN_OR_RETURN(auto up, db.Prepare("UPDATE users SET last_login_at = ? WHERE id = ?"));
  BHXH_RETURN_IF_ERROR(up->Bind(now, id).Run());
  BHXH_ASSIGN_OR_RETURN(auto ins, db.Prepare("INSERT INTO sessions (token_sha256, user_id, created_at, expires_at) VALUES (?,?,?,?)"));
  BHXH_RETURN_IF_ERROR(ins->Bind(Sha256Hex(s.token), id, now, s.expires_at).Run());
  BHXH_RETURN_IF_ERROR(WriteAudit(db, a, "login", "user", a.id.substr(5), how));
  return s;
}

}  // namespace

Status CheckPassword(const std::string& password) {
  if (password.size() < 10)
    return Status::Invalid("password", "Mật khẩu cần ít nhất 10 ký tự", "passwords have at least 10 characters");
  if (password.size() > 1024)
    return Status::Invalid("password", "Mật khẩu dài tối đa 1024 ký tự", "passwords have at most 1024 characters");
  return Status::Ok();
}

Result<std::string> HashPassword(const std::string& password) {
  if (sodium_init() < 0) return Status::Internal("libsodium could not start");
  BHXH_RETURN_IF_ERROR(CheckPassword(password));
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, password.c_str(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    return Status::Internal("out of memory hashing a password");
  return std::string(hash);
}

Status CreateUser(Db& db, const UserInput& in, bool must_be_new) {
  if (in.username.size() < 3 || in.username.size() > 64 || HasControlChars(in.username))
    return Status::Invalid("username", "Tên đăng nhập từ 3 đến 64 ký tự", "user names have 3 to 64 characters");
  if (in.second_factor == "sms" ? in.phone.empty() : in.second_factor == "email" ? in.email.empty() : !in.second_factor.empty())
    return Status::Invalid("second_factor", "Xác thực hai lớp cần số điện thoại (sms) hoặc thư điện tử (email) của tài khoản",
                           "a second factor needs the account's phone (sms) or e-mail address (email)");
  BHXH_ASSIGN_OR_RETURN(auto dup, db.Prepare("SELECT 1 FROM users WHERE username = ?"));
  dup->Bind(in.username);
  BHXH_ASSIGN_OR_RETURN(bool exists, dup->Step());
  if (exists && must_be_new)
    return Status::Conflict("username", "Tên đăng nhập " + in.username + " đã được dùng", "the user name " + in.username + " is taken");
  if (exists) return Status::Ok();
  std::string hash = in.password_hash;
  if (hash.empty()) {
    BHXH_ASSIGN_OR_RETURN(hash, HashPassword(in.password));
  }
  std::string roles;
  for (const auto& r : in.roles) roles += (roles.empty() ? "" : ",") + r;
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(
      "INSERT INTO users (username, password_hash, display_name, roles, province, employer_code, facility_code, cccd, "
      "phone, email, second_factor, commune, failed_logins, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,0,?)"));
  st->Bind(in.username, hash, in.display_name, roles, in.province, in.employer_code, in.facility_code);
  // Absent is NULL, not "": the share of people with an account counts CCCDs.
  int i = 8;
  for (const std::string* v : {&in.cccd, &in.phone, &in.email, &in.second_factor, &in.commune}) {
    if (v->empty()) st->BindNull(i++); else st->BindText(i++, *v);
  }
  st->BindText(13, NowIsoUtc());
  return st->Run();
}

Result<LoginOutcome> Login(Db& db, const std::string& username, const std::string& password, std::chrono::seconds ttl) {
  if (sodium_init() < 0) return Status::Internal("libsodium could not start");
  if (username.empty() || username.size() > 64 || password.size() > 1024) return Unauthenticated();
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(
      "SELECT id, password_hash, display_name, roles, province, employer_code, facility_code, cccd, failed_logins, "
      "locked_until, disabled_at, second_factor, phone, email, commune FROM users WHERE username = ?"));
  st->Bind(username);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) {
    Decoy(password);
    return Unauthenticated();
  }
  int64_t id = st->Int(0);
  std::string hash = st->Text(1);
  Actor a{"user:" + username, ParseRoles(st->Text(3)), st->Text(4), st->Text(5), st->Text(6), st->Text(7), st->Text(2)};
  std::string display = st->Text(2);
  int64_t failures = st->Int(8);
  std::string locked_until = st->IsNull(9) ? "" : st->Text(9);
  bool disabled = !st->IsNull(10);
  a.commune = st->IsNull(14) ? "" : st->Text(14);
  std::string factor = st->IsNull(11) ? "" : st->Text(11);
  std::string recipient = factor == "sms" ? st->Text(12) : factor == "email" ? st->Text(13) : "";
  st->Reset();
  std::string now = NowIsoUtc();
  if (!locked_until.empty() && locked_until > now)
    return Status::Error("rate_limited", "password",
                         "Tài khoản tạm khoá do nhập sai mật khẩu nhiều lần; thử lại sau " + locked_until.substr(11, 5) + " (giờ UTC)",
                         "the account is locked after repeated wrong passwords until " + locked_until);
  bool good = crypto_pwhash_str_verify(hash.c_str(), password.c_str(), password.size()) == 0;
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  if (!good || disabled) {
    ++failures;
    // From the fifth failure on: 1, 2, 4, ... minutes, at most 60.
    std::string lock = failures >= 5 ? IsoAfter(std::chrono::minutes(std::min<int64_t>(60, int64_t{1} << std::min<int64_t>(failures - 5, 6))))
                                     : std::string();
    BHXH_ASSIGN_OR_RETURN(auto up, db.Prepare("UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?"));
    up->BindInt(1, failures);
    if (lock.empty()) up->BindNull(2); else up->BindText(2, lock);
    up->BindInt(3, id);
    BHXH_RETURN_IF_ERROR(up->Run());
    BHXH_RETURN_IF_ERROR(WriteAudit(db, a, "login-failed", "user", username, std::to_string(failures)));
    BHXH_RETURN_IF_ERROR(tx.Commit());
    return Unauthenticated();
  }
  BHXH_ASSIGN_OR_RETURN(auto up, db.Prepare("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?"));
  BHXH_RETURN_IF_ERROR(up->Bind(id).Run());
  LoginOutcome out;
  if (!factor.empty()) {
    BHXH_ASSIGN_OR_RETURN(ChallengeSent c, StartChallenge(db, "login", username, factor, recipient, "",
                                                          "BHXH Việt Nam: mã xác thực đăng nhập của bạn là {code}, "
                                                          "có hiệu lực 5 phút. Không cung cấp mã này cho bất kỳ ai."));
    BHXH_RETURN_IF_ERROR(WriteAudit(db, a, "login-code-sent", "user", username, factor));
    out.challenge = std::move(c);
  } else {
    BHXH_ASSIGN_OR_RETURN(Session s, OpenSessionIn(db, id, a, display, ttl, "password"));
    out.session = std::move(s);
  }
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<Session> CompleteLogin(Db& db, const std::string& challenge, const std::string& code, std::chrono::seconds ttl) {
  BHXH_ASSIGN_OR_RETURN(ChallengePassed p, PassChallenge(db, "login", challenge, code));
  return OpenSession(db, p.subject, ttl, "password+code");
}

Result<Session> OpenSession(Db& db, const std::string& username, std::chrono::seconds ttl, const std::string& how) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(
      "SELECT id, display_name, roles, province, employer_code, facility_code, cccd, commune FROM users WHERE username = ? "
      "AND disabled_at IS NULL"));
  st->Bind(username);
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Unauthenticated();
  int64_t id = st->Int(0);
  Actor a{"user:" + username, ParseRoles(st->Text(2)), st->Text(3), st->Text(4), st->Text(5), st->Text(6), st->Text(1)};
  a.commune = st->IsNull(7) ? "" : st->Text(7);
  std::string display = st->Text(1);
  st->Reset();
  Tx tx(db);
  BHXH_RETURN_IF_ERROR(tx.status());
  BHXH_ASSIGN_OR_RETURN(Session s, OpenSessionIn(db, id, a, display, ttl, how));
  BHXH_RETURN_IF_ERROR(tx.Commit());
  return s;
}

Result<std::optional<std::string>> UserForCccd(Db& db, const std::string& cccd, const std::string& role) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT username, roles FROM users WHERE cccd = ? AND disabled_at IS NULL ORDER BY id"));
  st->Bind(cccd);
  while (true) {
    BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    for (const auto& r : ParseRoles(st->Text(1)))
      if (r == role) return std::optional<std::string>(st->Text(0));
  }
  return std::optional<std::string>();
}

Status Logout(Db& db, const std::string& token) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare("UPDATE sessions SET revoked_at = ? WHERE token_sha256 = ? AND revoked_at IS NULL"));
  return st->Bind(NowIsoUtc(), Sha256Hex(token)).Run();
}

Result<Actor> ActorForSession(Db& db, const std::string& token) {
  BHXH_ASSIGN_OR_RETURN(auto st, db.Prepare(
      "SELECT u.username, u.roles, u.province, u.employer_code, u.facility_code, u.cccd, u.display_name, u.commune FROM sessions s "
      "JOIN users u ON u.id = s.user_id WHERE s.token_sha256 = ? AND s.revoked_at IS NULL AND s.expires_at > ? "
      "AND u.disabled_at IS NULL"));
  st->Bind(Sha256Hex(token), NowIsoUtc());
  BHXH_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row)
    return Status::Error("unauthenticated", "Authorization", "Phiên đăng nhập đã hết hạn hoặc đã đăng xuất; vui lòng đăng nhập lại",
                         "the session has expired or ended; log in again");
  Actor a{"user:" + st->Text(0), ParseRoles(st->Text(1)), st->Text(2), st->Text(3), st->Text(4), st->Text(5), st->Text(6)};
  a.commune = st->IsNull(7) ? "" : st->Text(7);
  return a;
}

}  // namespace bhxh
