// People's accounts: a user name and a password (stored as an Argon2id hash
// with libsodium's crypto_pwhash_str, never in clear), a session token on
// login that expires, logout. Repeated wrong passwords lock the account for
// a while that doubles with each further failure, and an unknown user name
// costs the same time as a known one (no way to learn which names exist).
// A session ends as an Actor, like a program's bearer token (accounts.h).
#pragma once

#include <chrono>
#include <string>

#include "platform/access/actor.h"
#include "store/db.h"

namespace bhxh {

struct UserInput {
  std::string username, password, display_name;
  std::vector<std::string> roles;
  std::string province, employer_code, facility_code, cccd;
};

struct Session {
  std::string token;       // shown once, to the client that logged in
  std::string expires_at;  // UTC, ISO 8601
  Actor actor;
  std::string display_name;
};

// Creates the user if the name is new (a second call is a no-op). The
// password must have 10 characters or more.
Status CreateUser(Db& db, const UserInput& in);
// Checks the password; a session valid for `ttl`. Errors: unauthenticated
// (wrong name or password, said the same way), rate_limited while locked.
Result<Session> Login(Db& db, const std::string& username, const std::string& password, std::chrono::seconds ttl);
// Ends the session of `token` (a second call is a no-op).
Status Logout(Db& db, const std::string& token);
// The actor of a live session token.
Result<Actor> ActorForSession(Db& db, const std::string& token);
// Session tokens start with this, account tokens never do.
constexpr const char* kSessionPrefix = "s.";

}  // namespace bhxh
