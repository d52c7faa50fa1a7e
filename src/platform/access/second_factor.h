// Codes the system sends to prove a person holds a phone or a mailbox: the
// second factor of a login and the check of an account's enrolment.
//
// A challenge has an id (random, shown once, stored as its SHA-256, like a
// session token) and a six-digit code sent through the outbox
// (platform/messages/outbox.h) in the same transaction. The code is stored
// only as SHA-256(id | code); it lives five minutes, allows five tries, and
// is used once. A subject may start at most five challenges of a purpose an
// hour, so the system cannot be made to flood a phone. What the purpose
// needs once the code is right (an enrolment's particulars) travels in the
// challenge's payload, so nothing half-done exists outside it.
#pragma once

#include <chrono>
#include <string>

#include "store/db.h"

namespace bhxh {

struct ChallengeSettings {
  std::chrono::seconds ttl{300};
  int max_attempts = 5;
  int max_per_hour = 5;  // challenges of one purpose for one subject
};

struct ChallengeSent {
  std::string id;          // shown once, to the client that asked
  std::string channel;     // "sms" or "email"
  std::string sent_to;     // masked recipient, for the screen
  std::string expires_at;  // UTC, ISO 8601
};

struct ChallengePassed {
  std::string subject, payload;
};

// Starts a challenge; `message` is the text sent, with "{code}" replaced by
// the code. Call inside the caller's transaction. Errors: rate_limited.
Result<ChallengeSent> StartChallenge(Db& db, const std::string& purpose, const std::string& subject, const std::string& channel,
                                     const std::string& recipient, const std::string& payload, const std::string& message,
                                     const ChallengeSettings& settings = {});

// Checks a code against a live challenge of `purpose` and uses it up. A
// wrong code counts a try (committed even though the answer is an error).
// Errors: unauthenticated (unknown, expired, used, or wrong code — the
// tries left are said), rate_limited (no tries left).
Result<ChallengePassed> PassChallenge(Db& db, const std::string& purpose, const std::string& id, const std::string& code,
                                      const ChallengeSettings& settings = {});

// A random URL-safe token with `prefix` (32 random bytes); empty when the
// system has no random bytes.
std::string RandomToken(const std::string& prefix);

}  // namespace bhxh
