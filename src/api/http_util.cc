#include "api/http_util.h"

#include "views/json_views.h"

namespace bhxh {
int HttpStatusFor(const Status& s) {
  const std::string& c = s.code();
  if (c == "not_found") return 404;
  if (c == "conflict") return 409;
  if (c == "unauthenticated") return 401;
  if (c == "forbidden") return 403;
  if (c == "storage" || c == "internal") return 500;
  if (c == "malformed_json" || c == "malformed_envelope") return 400;
  return 422;
}

HttpResponse Reply(int status, const nlohmann::json& j) {
  return {status, "application/json; charset=utf-8", j.dump()};
}
HttpResponse Error(const Status& s) { return Reply(HttpStatusFor(s), ErrorJson(s)); }

std::string Q(const HttpRequest& r, const std::string& k, const std::string& def) {
  auto it = r.query.find(k);
  return it == r.query.end() ? def : it->second;
}

Result<Date> DateParam(const HttpRequest& r, const std::string& k) {
  std::string v = Q(r, k);
  if (v.empty()) return Date::Today();
  return Date::Parse(v, k);
}

bool Match(const std::string& path, std::string_view pattern, std::vector<std::string>& args) {
  args.clear();
  std::string_view p(path);
  const std::string_view prefix = "/api/v1";
  if (p.substr(0, prefix.size()) != prefix) return false;
  p.remove_prefix(prefix.size());
  size_t i = 0, j = 0;
  while (i < pattern.size() && j <= p.size()) {
    if (pattern[i] == '{') {
      size_t close = pattern.find('}', i);
      size_t end = p.find('/', j);
      if (end == std::string_view::npos) end = p.size();
      if (end == j) return false;
      args.push_back(PercentDecode(p.substr(j, end - j)));
      i = close + 1;
      j = end;
    } else {
      if (j >= p.size() || pattern[i] != p[j]) return false;
      ++i;
      ++j;
    }
  }
  return i == pattern.size() && j == p.size();
}

std::string IdempotencyKey(const HttpRequest& r, const nlohmann::json& body) {
  auto it = r.headers.find("idempotency-key");
  if (it != r.headers.end()) return it->second;
  if (body.is_object() && body.contains("idempotency_key") && body["idempotency_key"].is_string())
    return body["idempotency_key"].get<std::string>();
  return "";
}

Status RequireOfficer(const Actor& a) {
  if (a.role == "officer") return Status::Ok();
  return Status::Error("forbidden", "Authorization", "Thao tác này chỉ dành cho cán bộ BHXH",
                       "this operation is for VSS officers");
}


}  // namespace bhxh
