#include "cli/common.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "api/routes.h"

namespace bhxh {

int Fail(const Status& s, bool json) {
  if (json) std::cout << ErrorJson(s).dump(2) << "\n";
  else std::cerr << "Lỗi [" << s.code() << (s.field().empty() ? "" : " · " + s.field()) << "]: " << s.message_vi()
                 << "\n  (" << s.message_en() << ")\n";
  return (s.code() == "storage" || s.code() == "internal" || s.code() == "bind_failed") ? 3 : 2;
}

Actor Operator(const Globals& g) {
  std::string who = g.op;
  if (who.empty()) {
    const char* u = std::getenv("USER");
    who = u && *u ? u : "operator";
  }
  return {"cli:" + who, "officer", "", "", ""};
}

Result<std::unique_ptr<AppContext>> OpenCtx(const Globals& g) { return AppContext::Open(g.data, g.db); }

void Print(const Json& j) { std::cout << j.dump(2) << "\n"; }

int ExitCodeFor(int http_status) { return http_status >= 500 ? 3 : http_status >= 400 ? 2 : 0; }

HttpResponse CallApi(const Globals& g, AppContext& ctx, const std::string& method, const std::string& path,
                     const std::string& body, const std::map<std::string, std::string>& query) {
  // The CLI's actor is the operator, through a token that lives only in this process.
  std::string token = ctx.SessionToken(Operator(g));
  HttpRequest req;
  req.method = method;
  req.path = "/api/v1" + path;
  req.query = query;
  req.body = body;
  req.headers["authorization"] = "Bearer " + token;
  return HandleApi(ctx, req);
}

int ApiCommand(const Globals& g, const std::string& method, const std::string& path, const std::string& body,
               const std::map<std::string, std::string>& query) {
  auto ctx = OpenCtx(g);
  if (!ctx.ok()) return Fail(ctx.status(), g.json);
  if (path.find("/eligibility") != std::string::npos || path == "/claims") {
    Status s = (*ctx)->LoadCards();  // also loads the catalogue
    if (!s.ok()) return Fail(s, g.json);
  } else {
    Status s = (*ctx)->LoadCatalogue();
    if (!s.ok()) return Fail(s, g.json);
  }
  HttpResponse resp = CallApi(g, **ctx, method, path, body, query);
  auto j = Json::parse(resp.body, nullptr, false);
  std::cout << (j.is_discarded() ? resp.body : j.dump(2)) << "\n";
  return ExitCodeFor(resp.status);
}

std::string PathSegment(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c >= 0x80) out.push_back(static_cast<char>(c));
    else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

}  // namespace bhxh
