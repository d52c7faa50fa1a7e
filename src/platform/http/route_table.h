// The route table: every API operation of every capability, dispatched,
// checked and documented from its declaration (route.h).
//
// Serving a request has two steps so that nothing is read from a client
// before it has proved who it is:
//   Admit(head)   after the request line and headers: finds the route (404,
//                 or 405 with Allow), answers OPTIONS (CORS) itself,
//                 authenticates (401; repeated failures from one address are
//                 slowed to 429), checks the permission without the object
//                 (403), reserves a slot for heavy work (503), and says how
//                 large a body may be read.
//   Handle(req)   after the body: validates parameters and body against
//                 their schemas (422 naming the field), resolves the
//                 object's owner and checks the scope (403), applies the
//                 idempotency key (a replay, or 409 for a different request
//                 under the same key), runs the handler and maps its Status
//                 to HTTP, one map for the whole system.
// Dispatch() does both for callers in the same process (the CLI, tests).
// The OpenAPI document is generated from the same declarations.
//
// Thread-safe: routes are added before serving; the table is then read-only
// except for counters and the failure throttle, which are synchronised.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "platform/http/route.h"

namespace bhxh {

// The HTTP status of an error code: one map for the API and the CLI's exit codes.
int HttpStatusFor(const Status& s);
// The CLI's exit code for an HTTP status: 0 ok, 2 rejected input, 3 storage or internal failure.
int ExitCodeFor(int http_status);
HttpResponse JsonResponse(int status, const Json& j);
HttpResponse ErrorResponse(const Status& s);

struct TableOptions {
  std::vector<std::string> cors_origins;  // exact origins allowed, "*" for any
  int heavy_limit = 2;                    // heavy requests at once
  int auth_failures_per_minute = 20;      // per client address, before 429
  bool validate_responses = false;        // tests: every JSON answer checked against its schema
  std::string static_dir;                 // the web console (served at /), empty: none
  std::string docs_html;                  // the API reference page (served at /api/docs)
};

class RouteTable {
 public:
  RouteTable(AppContext& ctx, TableOptions opt);
  ~RouteTable();

  // Adds a route; a duplicate method and path, a route without a handler, a
  // summary or a permission (unless public) stops the program at start-up.
  void Add(Route r);
  // Describes a tag (one per capability, in the OpenAPI document).
  void AddTag(const std::string& name, const std::string& description) { tags_[name] = description; }
  const std::vector<std::unique_ptr<Route>>& routes() const { return routes_; }
  const Route* Find(Method m, const std::string& pattern) const;

  struct Admission {
    std::optional<HttpResponse> reject;  // answer at once, read no body
    size_t body_limit = 0;
    const Route* route = nullptr;
    Actor actor;
    std::map<std::string, std::string> path_args;
    bool heavy_slot = false;
    bool head = false;       // HEAD: answer as GET without the body
    bool is_static = false;  // the console or the docs page
  };
  Admission Admit(const HttpRequest& head);
  HttpResponse Handle(HttpRequest& req, Admission& adm);
  // Gives back what Admit reserved when the request is dropped unanswered.
  void Abandon(Admission& adm);
  // Admit + Handle for a request already read whole (CLI, tests).
  HttpResponse Dispatch(HttpRequest req);
  // Dispatch as a known actor (the CLI's operator), skipping authentication.
  HttpResponse DispatchAs(const Actor& actor, HttpRequest req);

  Json OpenApi() const;
  std::string OpenApiText() const;
  const TableOptions& options() const { return opt_; }
  void set_validate_responses(bool v) { opt_.validate_responses = v; }

 private:
  struct Node;
  const Route* Match(const std::string& path, Method m, std::map<std::string, std::string>* args,
                     std::vector<std::string>* allowed) const;
  HttpResponse Run(HttpRequest& req, Admission& adm);
  HttpResponse Static(const HttpRequest& req, bool head) const;
  void Cors(const HttpRequest& req, HttpResponse& resp, bool preflight, const std::string& allow) const;
  bool Throttled(const std::string& remote);
  void NoteAuthFailure(const std::string& remote);
  HttpResponse Finish(const HttpRequest& req, Admission& adm, HttpResponse resp) const;

  AppContext& ctx_;
  TableOptions opt_;
  std::vector<std::unique_ptr<Route>> routes_;
  std::map<std::string, std::string> tags_;
  std::unique_ptr<Node> root_;
  std::atomic<int> heavy_in_flight_{0};
  std::mutex throttle_mu_;
  std::map<std::string, std::pair<int64_t, int>> failures_;  // remote -> (minute, count)
};

}  // namespace bhxh
