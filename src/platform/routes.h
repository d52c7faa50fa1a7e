// The platform's own routes, which know no domain: health and readiness,
// Prometheus metrics, the OpenAPI document, the audit trail, logins with
// their second factor, the outbox, and token revocation.
#pragma once

#include "platform/access/users.h"
#include "platform/jsonio/json.h"
#include "platform/jsonio/schema.h"

namespace bhxh {

class RouteTable;
void PlatformRoutes(RouteTable& t);

// The answers of a login, shared with the capabilities that open sessions
// (an enrolment, an identity provider's hand-off): same shape everywhere.
Json SessionJson(const Session& s);
Json ChallengeJson(const ChallengeSent& c);
Schema UserSchema();
Schema SessionSchema();
Schema ChallengeSchema();

}  // namespace bhxh
