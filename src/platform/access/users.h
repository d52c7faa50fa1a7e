// People's accounts: a user name and a password (stored as an Argon2id hash
// with libsodium's crypto_pwhash_str, never in clear), a session token on
// login that expires, logout. Repeated wrong passwords lock the account for
// a while that doubles with each further failure, and an unknown user name
// costs the same time as a known one (no way to learn which names exist).
// A session ends as an Actor, like a program's bearer token (accounts.h).
//
// An account with a second factor (a phone or an e-mail address and
// `second_factor` set) does not get a session from its password alone: the
// login answers a challenge and sends a code (second_factor.h); the session
// opens when the code comes back (CompleteLogin). Accounts opened through
// an identity provider (the national e-ID's hand-off) have no password that
// can log in: their hash is a marker no password verifies against.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "platform/access/actor.h"
#include "platform/access/second_factor.h"
#include "store/db.h"

namespace bhxh {

struct UserInput {
  std::string username, password, display_name;
  std::vector<std::string> roles;
  std::string province, employer_code, facility_code, cccd;
  std::string phone, email;
  std::string second_factor;  // "", "sms" or "email" (the channel the code goes by)
  std::string password_hash;  // when set, used instead of hashing `password` (an enrolment hashed it already)
  std::string commune;        // commune scope: a commune of `province`
};

struct Session {
  std::string token;       // shown once, to the client that logged in
  std::string expires_at;  // UTC, ISO 8601
  Actor actor;
  std::string display_name;
};

// Either a session, or (for an account with a second factor) the challenge
// whose code was sent.
struct LoginOutcome {
  std::optional<Session> session;
  std::optional<ChallengeSent> challenge;
};

// Checks a new password's rule (10 characters or more, at most 1024).
[[nodiscard]] Status CheckPassword(const std::string& password);
// An Argon2id hash of a password that passed CheckPassword.
Result<std::string> HashPassword(const std::string& password);
// The hash stored for accounts that cannot log in with a password.
constexpr const char* kNoPassword = "!no-password";

// Creates the user if the name is new (a second call is a no-op; with
// `must_be_new`, a conflict). The password must have 10 characters or
// more. A second factor needs its channel's address (a phone for sms, an
// address for email).
[[nodiscard]] Status CreateUser(Db& db, const UserInput& in, bool must_be_new = false);
// Checks the password; a session valid for `ttl`, or a challenge when the
// account has a second factor. Errors: unauthenticated (wrong name or
// password, said the same way), rate_limited while locked.
Result<LoginOutcome> Login(Db& db, const std::string& username, const std::string& password, std::chrono::seconds ttl);
// The code of a login's challenge: the session. Errors as PassChallenge.
Result<Session> CompleteLogin(Db& db, const std::string& challenge, const std::string& code, std::chrono::seconds ttl);
// Opens a session for an existing, enabled account without a password:
// after an enrolment's code or an identity provider's assertion was
// checked by the caller. `how` goes into the audit row.
Result<Session> OpenSession(Db& db, const std::string& username, std::chrono::seconds ttl, const std::string& how);
// The user name of the enabled account with `role` for a CCCD, if any.
Result<std::optional<std::string>> UserForCccd(Db& db, const std::string& cccd, const std::string& role);
// Ends the session of `token` (a second call is a no-op).
Status Logout(Db& db, const std::string& token);
// The actor of a live session token.
Result<Actor> ActorForSession(Db& db, const std::string& token);
// Session tokens start with this, account tokens never do.
constexpr const char* kSessionPrefix = "s.";

}  // namespace bhxh
