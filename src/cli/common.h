// What the CLI's command files share: global options, the error printer
// and exit codes (0 success; 1 usage; 2 rejected input; 3 storage or
// internal failure), the operator's actor, and calls into the HTTP API's
// handler in-process so `--json` prints exactly what the API answers.
#pragma once

#include <CLI/CLI.hpp>

#include <map>
#include <string>

#include "api/server.h"
#include "app/context.h"
#include "views/json_views.h"

namespace bhxh {

struct Globals {
  std::string db = DefaultDbUrl();
  std::string data = DefaultDataDir();
  std::string op;
  bool json = false;
};

int Fail(const Status& s, bool json);
Actor Operator(const Globals& g);
Result<std::unique_ptr<AppContext>> OpenCtx(const Globals& g);
void Print(const Json& j);

// Runs one API request as the operator; the response is returned as is.
HttpResponse CallApi(const Globals& g, AppContext& ctx, const std::string& method, const std::string& path,
                     const std::string& body, const std::map<std::string, std::string>& query);
// Opens the context, runs the request, prints the JSON answer; returns the exit code.
int ApiCommand(const Globals& g, const std::string& method, const std::string& path, const std::string& body,
               const std::map<std::string, std::string>& query);
// The exit code for an HTTP status.
int ExitCodeFor(int http_status);
// A path segment with '/' and other reserved bytes percent-encoded ("249/QĐ-BHXH").
std::string PathSegment(const std::string& s);

// `bhxh programs ...` (issue #3), defined in programs_cmd.cc.
void AddProgrammeCommands(CLI::App& app, Globals& g, int& rc);

}  // namespace bhxh
