// Accounts for programs: bearer tokens (stored as SHA-256, never in clear)
// mapped to actors, revocable. People log in with a user name and password
// (users.h); both end as an Actor.
#pragma once

#include <string>

#include "platform/access/actor.h"
#include "store/db.h"

namespace bhxh {

// Creates the account if the token is new (a second call is a no-op).
Status CreateAccount(Db& db, const std::string& token, const Actor& actor);
// The actor of a live token; "unauthenticated" for an unknown or revoked one.
Result<Actor> ActorForToken(Db& db, const std::string& token);
// Revokes the token of `actor_id`; not_found when none is live.
Status RevokeToken(Db& db, const std::string& actor_id, const Actor& by);

}  // namespace bhxh
