// Helpers shared by the API's route files (internal to api/): replies and
// errors in one JSON shape, query and path parameters, the officer check.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "api/server.h"
#include "base/date.h"
#include "registry/audit.h"

namespace bhxh {

int HttpStatusFor(const Status& s);
HttpResponse Reply(int status, const nlohmann::json& j);
HttpResponse Error(const Status& s);
// A query parameter, or `def`.
std::string Q(const HttpRequest& r, const std::string& k, const std::string& def = "");
// A date parameter; today when absent.
Result<Date> DateParam(const HttpRequest& r, const std::string& k);
// Matches "/api/v1/<pattern>" with {x} segments (percent-decoded); fills `args`.
bool Match(const std::string& path, std::string_view pattern, std::vector<std::string>& args);
// The Idempotency-Key header, or the body's "idempotency_key".
std::string IdempotencyKey(const HttpRequest& r, const nlohmann::json& body);
Status RequireOfficer(const Actor& a);

}  // namespace bhxh
