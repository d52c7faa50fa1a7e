// The HTTP API under /api/v1: a thin shell that authenticates the bearer
// token into an Actor, parses the request with views/, calls one engine and
// renders its answer. HandleApi needs no socket, so tests call it directly.
#pragma once

#include <optional>

#include "api/server.h"
#include "app/context.h"

namespace bhxh {

HttpResponse HandleApi(AppContext& ctx, const HttpRequest& req);
// Programmes, tasks, progress, reports, deadlines, units and indicators;
// nullopt when the request is for another route.
std::optional<HttpResponse> HandleProgrammeRoutes(AppContext& ctx, Db& db, const HttpRequest& req, const Actor& actor);
std::string OpenApiDocument();

}  // namespace bhxh
