#include "platform/http/route_table.h"

#include <malloc.h>
#include <openssl/rand.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <filesystem>

#include "base/csv.h"
#include "base/parse.h"
#include "base/text.h"
#include "platform/audit/audit.h"
#include "platform/audit/idempotency.h"
#include "platform/context.h"
#include "platform/http/metrics.h"

namespace bhxh {

int HttpStatusFor(const Status& s) {
  static const std::map<std::string, int> kMap = {
      {"not_found", 404},
      {"conflict", 409},
      {"idempotency_conflict", 409},
      {"four_eyes", 409},  // segregation of duties: the state needs another person
      {"unauthenticated", 401},
      {"forbidden", 403},
      {"storage", 500},
      {"integrity", 500},  // stored data no longer matches its checksum
      {"internal", 500},
      {"malformed_json", 400},
      {"too_deep", 400},
      {"malformed_envelope", 400},
      {"bad_request", 400},
      {"payload_too_large", 413},
      {"method_not_allowed", 405},
      {"unsupported_media_type", 415},
      {"rate_limited", 429},
      {"busy", 503},
      {"unavailable", 503},
      {"not_implemented", 501},
  };
  auto it = kMap.find(s.code());
  return it == kMap.end() ? 422 : it->second;
}

int ExitCodeFor(int http_status) { return http_status >= 500 ? 3 : http_status >= 400 ? 2 : 0; }

HttpResponse JsonResponse(int status, const Json& j) {
  HttpResponse r;
  r.status = status;
  r.body = DumpJson(j);
  return r;
}

HttpResponse ErrorResponse(const Status& s) {
  Status shown = s;
  // Storage errors carry the engine's text (table and column names); the
  // client gets a plain message, the log keeps the detail.
  if (s.code() == "storage" || s.code() == "internal") {
    spdlog::error("{}", s.ToString());
    shown = Status::Error(s.code(), "", "Lỗi hệ thống khi xử lý yêu cầu; vui lòng thử lại hoặc báo quản trị viên",
                          "internal error while handling the request");
  }
  HttpResponse r = JsonResponse(HttpStatusFor(shown), ErrorJson(shown));
  if (r.status == 401) r.SetHeader("WWW-Authenticate", "Bearer");
  return r;
}

struct RouteTable::Node {
  std::map<std::string, std::unique_ptr<Node>> literal;
  std::unique_ptr<Node> param;
  std::string param_name;
  std::map<Method, const Route*> routes;
};

namespace {

constexpr std::string_view kApiPrefix = "/api/v1";

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    out.push_back(path.substr(i, j - i));
    i = j;
  }
  return out;
}

std::optional<Method> ParseMethod(const std::string& m) {
  if (m == "GET" || m == "HEAD") return Method::kGet;
  if (m == "POST") return Method::kPost;
  if (m == "PUT") return Method::kPut;
  if (m == "PATCH") return Method::kPatch;
  if (m == "DELETE") return Method::kDelete;
  return std::nullopt;
}

std::string RandomId() {
  unsigned char b[8];
  if (RAND_bytes(b, sizeof b) != 1) return "0000000000000000";
  static const char* hex = "0123456789abcdef";
  std::string s;
  for (unsigned char c : b) s.push_back(hex[c >> 4]), s.push_back(hex[c & 15]);
  return s;
}

// A query value as the JSON its schema expects.
Result<Json> ParamValue(const ParamSpec& p, const std::string& text) {
  switch (p.schema.kind()) {
    case Schema::Kind::kInteger: {
      auto v = ParseInt(text, p.name);
      if (!v.ok())
        return Status::Error("invalid_type", p.name, "Tham số \"" + p.name + "\" phải là số nguyên",
                             "parameter \"" + p.name + "\" must be an integer");
      return Json(*v);
    }
    case Schema::Kind::kNumber: {
      auto v = ParseDouble(text, p.name);
      if (!v.ok())
        return Status::Error("invalid_type", p.name, "Tham số \"" + p.name + "\" phải là số",
                             "parameter \"" + p.name + "\" must be a number");
      return Json(*v);
    }
    case Schema::Kind::kBoolean:
      if (text == "true" || text == "1") return Json(true);
      if (text == "false" || text == "0" || text.empty()) return Json(false);
      return Status::Error("invalid_type", p.name, "Tham số \"" + p.name + "\" là true hoặc false",
                           "parameter \"" + p.name + "\" must be true or false");
    default:
      return Json(text);
  }
}

std::string ContentTypeOf(const std::string& path) {
  static const std::map<std::string, std::string> kTypes = {{".html", "text/html; charset=utf-8"},
                                                            {".js", "text/javascript; charset=utf-8"},
                                                            {".mjs", "text/javascript; charset=utf-8"},
                                                            {".css", "text/css; charset=utf-8"},
                                                            {".json", "application/json; charset=utf-8"},
                                                            {".svg", "image/svg+xml"},
                                                            {".png", "image/png"},
                                                            {".ico", "image/x-icon"},
                                                            {".woff2", "font/woff2"},
                                                            {".woff", "font/woff"},
                                                            {".txt", "text/plain; charset=utf-8"},
                                                            {".map", "application/json; charset=utf-8"},
                                                            {".webmanifest", "application/manifest+json"}};
  auto dot = path.rfind('.');
  if (dot == std::string::npos) return "application/octet-stream";
  auto it = kTypes.find(path.substr(dot));
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

std::string RouteLabel(const Route* r, const HttpRequest& req) {
  if (r) return std::string(MethodName(r->method())) + " " + r->path();
  return req.method + " (other)";
}

}  // namespace

RouteTable::RouteTable(AppContext& ctx, TableOptions opt)
    : ctx_(ctx), opt_(std::move(opt)), root_(std::make_unique<Node>()) {}
RouteTable::~RouteTable() = default;

void RouteTable::Add(Route r) {
  auto die = [&](const std::string& why) {
    spdlog::critical("route {} {}: {}", MethodName(r.method()), r.path(), why);
    std::abort();
  };
  if (!r.handler()) die("no handler");
  if (r.summary_vi().empty() || r.summary_en().empty()) die("no summary");
  if (!r.is_public() && r.permission().empty()) die("no permission (deny by default: declare one, or Public())");
  if (r.operation_id().empty()) die("no operationId");
  if (r.responses().empty()) die("no response declared");
  for (const auto& other : routes_)
    if (other->operation_id() == r.operation_id()) die("duplicate operationId " + r.operation_id());
  Node* n = root_.get();
  for (auto seg : Segments(r.path())) {
    if (seg.size() > 2 && seg.front() == '{' && seg.back() == '}') {
      std::string name(seg.substr(1, seg.size() - 2));
      if (!n->param) {
        n->param = std::make_unique<Node>();
        n->param_name = name;
      } else if (n->param_name != name) {
        die("path parameter {" + name + "} where another route names it {" + n->param_name + "}");
      }
      bool declared = false;
      for (const auto& p : r.params()) declared |= p.in_path && p.name == name;
      if (!declared) die("path parameter {" + name + "} not declared");
      n = n->param.get();
    } else {
      auto& child = n->literal[std::string(seg)];
      if (!child) child = std::make_unique<Node>();
      n = child.get();
    }
  }
  if (n->routes.count(r.method())) die("duplicate route");
  routes_.push_back(std::make_unique<Route>(std::move(r)));
  n->routes[routes_.back()->method()] = routes_.back().get();
}

const Route* RouteTable::Find(Method m, const std::string& pattern) const {
  for (const auto& r : routes_)
    if (r->method() == m && r->path() == pattern) return r.get();
  return nullptr;
}

const Route* RouteTable::Match(const std::string& path, Method m, std::map<std::string, std::string>* args,
                               std::vector<std::string>* allowed) const {
  std::string_view p(path);
  p.remove_prefix(kApiPrefix.size());
  const Node* n = root_.get();
  std::vector<std::pair<std::string, std::string>> found;
  for (auto seg : Segments(p)) {
    auto it = n->literal.find(std::string(seg));
    if (it != n->literal.end()) {
      n = it->second.get();
    } else if (n->param) {
      found.emplace_back(n->param_name, PercentDecode(seg, false));
      n = n->param.get();
    } else {
      return nullptr;
    }
  }
  if (n->routes.empty()) return nullptr;
  for (const auto& [meth, r] : n->routes) allowed->push_back(MethodName(meth));
  if (std::find(allowed->begin(), allowed->end(), "GET") != allowed->end()) allowed->push_back("HEAD");
  allowed->push_back("OPTIONS");
  auto it = n->routes.find(m);
  if (it == n->routes.end()) return nullptr;
  for (auto& [k, v] : found) (*args)[k] = std::move(v);
  return it->second;
}

bool RouteTable::Throttled(const std::string& remote) {
  if (remote.empty()) return false;
  int64_t minute =
      std::chrono::duration_cast<std::chrono::minutes>(std::chrono::steady_clock::now().time_since_epoch()).count();
  std::lock_guard lock(throttle_mu_);
  auto it = failures_.find(remote);
  return it != failures_.end() && it->second.first == minute && it->second.second >= opt_.auth_failures_per_minute;
}

void RouteTable::NoteAuthFailure(const std::string& remote) {
  int64_t minute =
      std::chrono::duration_cast<std::chrono::minutes>(std::chrono::steady_clock::now().time_since_epoch()).count();
  int count;
  {
    std::lock_guard lock(throttle_mu_);
    auto& f = failures_[remote];
    if (f.first != minute) f = {minute, 0};
    count = ++f.second;
    if (failures_.size() > 100000) failures_.clear();  // bounded memory under a spray of addresses
  }
  if (count <= 3 || count == opt_.auth_failures_per_minute)
    spdlog::warn("xác thực thất bại từ {} ({} lần trong phút này)", remote.empty() ? "trong tiến trình" : remote,
                 count);
}

void RouteTable::Cors(const HttpRequest& req, HttpResponse& resp, bool preflight, const std::string& allow) const {
  const std::string* origin = req.Header("origin");
  if (!origin || opt_.cors_origins.empty()) return;
  bool ok = std::find(opt_.cors_origins.begin(), opt_.cors_origins.end(), "*") != opt_.cors_origins.end() ||
            std::find(opt_.cors_origins.begin(), opt_.cors_origins.end(), *origin) != opt_.cors_origins.end();
  if (!ok) return;
  resp.SetHeader("Access-Control-Allow-Origin", *origin);
  resp.SetHeader("Vary", "Origin");
  resp.SetHeader("Access-Control-Expose-Headers", "X-Request-Id, Idempotent-Replayed, Content-Disposition");
  if (preflight) {
    resp.SetHeader("Access-Control-Allow-Methods", allow);
    resp.SetHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, Idempotency-Key, X-Request-Id");
    resp.SetHeader("Access-Control-Max-Age", "600");
  }
}

RouteTable::Admission RouteTable::Admit(const HttpRequest& head) {
  Admission adm;
  adm.head = head.method == "HEAD";
  bool api = head.path == kApiPrefix || head.path.rfind(std::string(kApiPrefix) + "/", 0) == 0;
  if (!api) {
    if (head.method != "GET" && head.method != "HEAD") {
      HttpResponse r = ErrorResponse(Status::Error("method_not_allowed", "method", "Chỉ GET hoặc HEAD cho trang tĩnh",
                                                   "only GET or HEAD for static pages"));
      r.status = 405;
      r.SetHeader("Allow", "GET, HEAD");
      adm.reject = r;
      return adm;
    }
    adm.is_static = true;
    return adm;
  }
  std::vector<std::string> allowed;
  auto m = ParseMethod(head.method);
  const Route* route = m ? Match(head.path, *m, &adm.path_args, &allowed) : nullptr;
  if (!route && allowed.empty() && head.method == "OPTIONS") {
    Match(head.path, Method::kGet, &adm.path_args, &allowed);
  }
  std::string allow;
  for (const auto& a : allowed) allow += (allow.empty() ? "" : ", ") + a;
  if (head.method == "OPTIONS" && !allowed.empty()) {
    HttpResponse r;
    r.status = 204;
    r.content_type = "";
    r.SetHeader("Allow", allow);
    Cors(head, r, true, allow);
    adm.reject = r;
    return adm;
  }
  if (!route) {
    if (!allowed.empty()) {
      HttpResponse r = ErrorResponse(
          Status::Error("method_not_allowed", "method",
                        "Phương thức " + head.method + " không dùng được cho " + head.path + " (dùng: " + allow + ")",
                        "method " + head.method + " not allowed on " + head.path + " (allowed: " + allow + ")"));
      r.SetHeader("Allow", allow);
      adm.reject = r;
    } else {
      adm.reject = ErrorResponse(Status::Error("not_found", "path",
                                               "Không có đường dẫn " + head.method + " " + Utf8Prefix(head.path, 200),
                                               "no route " + head.method + " " + Utf8Prefix(head.path, 200)));
    }
    return adm;
  }
  adm.route = route;
  adm.body_limit = route->body().kind == BodySpec::Kind::kNone ? 64 * 1024 : route->body().max_bytes;
  if (route->is_public()) return adm;

  if (Throttled(head.remote)) {
    HttpResponse r = ErrorResponse(Status::Error(
        "rate_limited", "Authorization", "Quá nhiều lần xác thực sai từ địa chỉ này; thử lại sau một phút",
        "too many failed authentications from this address; retry in a minute"));
    r.SetHeader("Retry-After", "60");
    adm.reject = r;
    return adm;
  }
  const std::string* auth = head.Header("authorization");
  if (!auth || auth->rfind("Bearer ", 0) != 0 || auth->size() <= 7) {
    adm.reject = ErrorResponse(Status::Error("unauthenticated", "Authorization",
                                             "Cần đăng nhập hoặc mã truy cập (Authorization: Bearer ...)",
                                             "a bearer token is required"));
    return adm;
  }
  auto actor = ctx_.Authenticate(auth->substr(7));
  if (!actor.ok()) {
    if (actor.status().code() == "unauthenticated") NoteAuthFailure(head.remote);
    adm.reject = ErrorResponse(actor.status());
    return adm;
  }
  adm.actor = *actor;
  auto granted = Authorize(ctx_.policy, adm.actor, route->permission(), nullptr,
                           [this](const std::string& c) { return ctx_.ProvincesCovering(c); });
  if (!granted.ok()) {
    adm.reject = ErrorResponse(granted.status());
    return adm;
  }
  if (route->heavy()) {
    if (heavy_in_flight_.fetch_add(1) >= opt_.heavy_limit) {
      heavy_in_flight_.fetch_sub(1);
      HttpResponse r = ErrorResponse(
          Status::Error("busy", "", "Hệ thống đang xử lý các yêu cầu lớn khác; vui lòng gửi lại sau ít phút",
                        "the server is busy with other large requests; retry shortly"));
      r.SetHeader("Retry-After", "5");
      adm.reject = r;
      return adm;
    }
    adm.heavy_slot = true;
  }
  return adm;
}

void RouteTable::Abandon(Admission& adm) {
  if (adm.heavy_slot) {
    heavy_in_flight_.fetch_sub(1);
    adm.heavy_slot = false;
  }
}

HttpResponse RouteTable::Finish(const HttpRequest& req, Admission& adm, HttpResponse resp) const {
  if (adm.heavy_slot) {
    const_cast<std::atomic<int>&>(heavy_in_flight_).fetch_sub(1);
    adm.heavy_slot = false;
    // A large envelope's parse leaves hundreds of MB in the allocator's free
    // lists; give them back to the system instead of keeping the peak.
    malloc_trim(0);
  }
  if (!req.request_id.empty()) resp.SetHeader("X-Request-Id", req.request_id);
  Cors(req, resp, false, "");
  return resp;
}

HttpResponse RouteTable::Handle(HttpRequest& req, Admission& adm) {
  auto t0 = std::chrono::steady_clock::now();
  HttpResponse resp;
  if (adm.reject) {
    resp = *adm.reject;
  } else if (adm.is_static) {
    resp = Static(req, adm.head);
  } else {
    try {
      resp = Run(req, adm);
    } catch (const std::exception& e) {
      spdlog::error("request {} {} [{}] failed: {}", req.method, req.path, req.request_id, e.what());
      resp = ErrorResponse(Status::Internal(e.what()));
    }
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  Metrics::Get().Request(adm.is_static ? "GET (static)" : RouteLabel(adm.route, req), resp.status, secs);
  return Finish(req, adm, std::move(resp));
}

HttpResponse RouteTable::Dispatch(HttpRequest req) {
  if (req.request_id.empty()) req.request_id = RandomId();
  Admission adm = Admit(req);
  if (!adm.reject && req.body.size() > adm.body_limit && !adm.is_static)
    adm.reject = ErrorResponse(Status::Error(
        "payload_too_large", "body", "Nội dung yêu cầu quá lớn (tối đa " + std::to_string(adm.body_limit) + " byte)",
        "request body too large"));
  return Handle(req, adm);
}

HttpResponse RouteTable::DispatchAs(const Actor& actor, HttpRequest req) {
  if (req.request_id.empty()) req.request_id = RandomId();
  Admission adm;
  std::vector<std::string> allowed;
  auto m = ParseMethod(req.method);
  const Route* route = m ? Match(req.path, *m, &adm.path_args, &allowed) : nullptr;
  if (!route) {
    adm.reject = ErrorResponse(Status::Error("not_found", "path", "Không có đường dẫn " + req.method + " " + req.path,
                                             "no route " + req.method + " " + req.path));
    return Handle(req, adm);
  }
  adm.route = route;
  adm.actor = actor;
  if (!route->is_public()) {
    auto granted = Authorize(ctx_.policy, actor, route->permission(), nullptr,
                             [this](const std::string& c) { return ctx_.ProvincesCovering(c); });
    if (!granted.ok()) adm.reject = ErrorResponse(granted.status());
  }
  return Handle(req, adm);
}

HttpResponse RouteTable::Run(HttpRequest& req, Admission& adm) {
  const Route& route = *adm.route;
  Call call(ctx_, route, req, adm.actor);
  call.path_args_ = adm.path_args;

  // Unknown query parameters first (a misspelt name is the likelier mistake), then each declared one.
  for (const auto& [k, v] : req.query) {
    bool known = (route.paged() && (k == "limit" || k == "cursor"));
    for (const auto& p : route.params()) known |= !p.in_path && p.name == k;
    if (!known) {
      std::vector<std::string> names;
      for (const auto& p : route.params())
        if (!p.in_path) names.push_back(p.name);
      if (route.paged()) names.insert(names.end(), {"limit", "cursor"});
      std::string list;
      for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
      std::string shown = Utf8Prefix(k, 60);
      return ErrorResponse(Status::Error(
          "unknown_field", shown,
          "Tham số \"" + shown + "\" không được hỗ trợ" + (list.empty() ? "" : " (các tham số: " + list + ")"),
          "unknown parameter \"" + shown + "\"" + (list.empty() ? "" : " (parameters: " + list + ")")));
    }
  }
  for (const auto& p : route.params()) {
    std::string text;
    bool present;
    if (p.in_path) {
      auto it = adm.path_args.find(p.name);
      present = it != adm.path_args.end();
      if (present) text = it->second;
    } else {
      auto it = req.query.find(p.name);
      present = it != req.query.end() && !(it->second.empty() && p.schema.kind() != Schema::Kind::kBoolean);
      if (present) text = it->second;
    }
    if (!present) {
      if (p.required)
        return ErrorResponse(Status::Error("missing_field", p.name, "Thiếu tham số bắt buộc \"" + p.name + "\"",
                                           "missing required parameter \"" + p.name + "\""));
      continue;
    }
    if (!IsValidUtf8(text) || text.find('\0') != std::string::npos)
      return ErrorResponse(Status::Error("invalid_value", p.name,
                                         "Tham số \"" + p.name + "\" không phải văn bản UTF-8 hợp lệ",
                                         "parameter \"" + p.name + "\" is not valid UTF-8 text"));
    auto v = ParamValue(p, text);
    if (!v.ok()) return ErrorResponse(v.status());
    if (Status s = p.schema.Validate(*v, p.name); !s.ok()) return ErrorResponse(s);
    call.params_[p.name] = std::move(*v);
  }
  if (route.paged()) {
    call.page_.limit = route.default_limit();
    if (auto it = req.query.find("limit"); it != req.query.end() && !it->second.empty()) {
      auto l = ParseInt(it->second, "limit", 1, route.max_limit());
      if (!l.ok()) return ErrorResponse(l.status());
      call.page_.limit = static_cast<int>(*l);
    }
    if (auto it = req.query.find("cursor"); it != req.query.end() && !it->second.empty()) {
      auto o = it->second.size() > 1 && it->second[0] == 'o' ? ParseInt(it->second.substr(1), "cursor", 0, INT64_MAX)
                                                             : Result<int64_t>(Status::Invalid("cursor", "", ""));
      if (!o.ok())
        return ErrorResponse(Status::Invalid("cursor", "Con trỏ trang không hợp lệ (dùng next_cursor của trang trước)",
                                             "invalid cursor (use the previous page's next_cursor)"));
      call.page_.offset = *o;
    }
  }

  // Body.
  const BodySpec& b = route.body();
  const std::string* ctype = req.Header("content-type");
  std::string media = ctype ? Trim(ctype->substr(0, ctype->find(';'))) : "";
  for (auto& c : media) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // curl's -d and --data-binary label every body a form; no route takes
  // forms, so that label is read as "unspecified".
  if (media == "application/x-www-form-urlencoded") media.clear();
  if (b.kind == BodySpec::Kind::kJson) {
    if (!media.empty() && media != "application/json" && media != "text/plain")
      return ErrorResponse(Status::Error("unsupported_media_type", "Content-Type",
                                         "Nội dung phải là application/json, nhận " + media,
                                         "body must be application/json, got " + media));
    if (req.body.empty() || Trim(req.body).empty()) {
      if (b.required)
        return ErrorResponse(
            Status::Error("missing_field", "body", "Thiếu nội dung JSON của yêu cầu", "a JSON body is required"));
      call.body_ = Json::object();
    } else {
      auto j = ParseJson(req.body);
      if (!j.ok()) return ErrorResponse(j.status());
      if (Status s = b.schema.Validate(*j); !s.ok()) return ErrorResponse(s);
      call.body_ = std::move(*j);
    }
  } else if (b.kind == BodySpec::Kind::kRaw) {
    if (!media.empty() && media != "application/octet-stream" &&
        std::find(b.media_types.begin(), b.media_types.end(), media) == b.media_types.end()) {
      std::string list;
      for (const auto& t : b.media_types) list += (list.empty() ? "" : ", ") + t;
      return ErrorResponse(Status::Error("unsupported_media_type", "Content-Type",
                                         "Kiểu nội dung phải là: " + list + " (nhận " + media + ")",
                                         "Content-Type must be one of: " + list + " (got " + media + ")"));
    }
    if (req.body.empty())
      return ErrorResponse(Status::Error("missing_field", "body", "Thiếu nội dung của yêu cầu (" + b.description + ")",
                                         "the request needs a body (" + b.description + ")"));
  }

  // Idempotency key: the header, or the body's idempotency_key.
  if (route.idempotency() != Idempotency::kNone) {
    if (const std::string* k = req.Header("idempotency-key"))
      call.idempotency_key_ = *k;
    else
      call.idempotency_key_ = call.BodyStr("idempotency_key");
    if (call.idempotency_key_.empty() && route.idempotency() == Idempotency::kRequired)
      return ErrorResponse(
          Status::Error("missing_field", "Idempotency-Key",
                        "Cần khoá chống gửi trùng (tiêu đề Idempotency-Key hoặc trường idempotency_key)",
                        "an idempotency key is required (Idempotency-Key header or idempotency_key field)"));
    if (!call.idempotency_key_.empty()) {
      if (Status s = S::Key().Validate(Json(call.idempotency_key_), "Idempotency-Key"); !s.ok())
        return ErrorResponse(s);
    }
  }

  std::optional<DbPool::Lease> lease;
  if (route.needs_db()) {
    if (!ctx_.pool)
      return ErrorResponse(
          Status::Error("unavailable", "db", "Thao tác này cần cơ sở dữ liệu", "this operation needs a database"));
    auto l = ctx_.pool->Acquire();
    if (!l.ok()) return ErrorResponse(l.status());
    lease.emplace(std::move(*l));
    call.db_ = &**lease;
  }
  auto expand = [this](const std::string& c) { return ctx_.ProvincesCovering(c); };
  std::string person_read;  // the CCCD whose data this read shows, when it is one person's
  if (!route.is_public()) {
    Result<AccessScope> granted = Status::Ok();
    if (route.owner()) {
      auto owner = route.owner()(call);
      if (owner.ok() && route.method() == Method::kGet) person_read = owner->cccd;
      if (!owner.ok()) {
        // Whether an object exists is itself data: callers without national
        // scope learn only that it is not theirs.
        auto widest = ctx_.policy.Widest(call.actor_, route.permission());
        if (owner.status().code() == "not_found" && widest && *widest != GrantScope::kNational)
          return ErrorResponse(Status::Error("forbidden", "Authorization",
                                             "Chỉ được truy cập dữ liệu trong phạm vi của mình",
                                             "outside the account's scope"));
        return ErrorResponse(owner.status());
      }
      granted = Authorize(ctx_.policy, call.actor_, route.permission(), &*owner, expand);
    } else {
      granted = Authorize(ctx_.policy, call.actor_, route.permission(), nullptr, expand);
    }
    if (!granted.ok()) return ErrorResponse(granted.status());
    if (granted->scope == GrantScope::kCommune && !route.commune_scoped())
      return ErrorResponse(Status::Error("forbidden", "Authorization",
                                         "Thao tác này không dành cho tài khoản cấp xã (quyền " + route.permission() + ")",
                                         "not available to a commune account (permission " + route.permission() + ")"));
    call.scope_ = *granted;
  }

  auto to_http = [&](const Reply& r) {
    HttpResponse h;
    h.status = r.status;
    if (r.content_type.empty()) {
      h.body = DumpJson(r.json);
    } else {
      h.content_type = r.content_type;
      h.body = r.bytes;
      if (!r.filename.empty()) {
        // RFC 6266: an ASCII fallback and the UTF-8 name.
        std::string ascii;
        for (unsigned char c : FoldOrSelf(r.filename))
          ascii.push_back(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? static_cast<char>(c) : '_');
        h.SetHeader("Content-Disposition",
                    "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + PercentEncodeSegment(r.filename));
      }
    }
    return h;
  };
  auto validate = [&](HttpResponse& h) {
    if (!opt_.validate_responses || h.status >= 400 || !h.content_type.starts_with("application/json")) return;
    const ResponseSpec* spec = route.ResponseFor(h.status);
    Status s = Status::Ok();
    if (!spec) {
      s = Status::Internal("status " + std::to_string(h.status) + " not declared");
    } else if (spec->schema) {
      auto j = ParseJson(h.body, 256);
      s = j.ok() ? spec->schema->Validate(*j, "response") : j.status();
    }
    if (!s.ok()) {
      spdlog::error("{} {}: answer does not match its declared schema: {}", MethodName(route.method()), route.path(),
                    s.ToString());
      h = JsonResponse(500, ErrorJson(Status::Error("response_schema", s.field(), s.message_vi(), s.message_en())));
    }
  };

  auto committed = [&call] {
    for (auto& f : call.after_commit_) f();
    call.after_commit_.clear();
  };
  if (route.idempotency() == Idempotency::kNone || call.idempotency_key_.empty()) {
    auto r = route.handler()(call);
    if (!r.ok()) return ErrorResponse(r.status());
    HttpResponse h = to_http(*r);
    // Who looked at whom (Decree 13/2023/NĐ-CP Art.27: processing of personal
    // data is logged), and every read of the roles whose reads are logged
    // (the auditor's). Written after the answer is ready and only when it
    // was given; a read that cannot be logged is not given.
    if (h.status < 300 && route.method() == Method::kGet && call.db_ && !call.actor_.id.empty() &&
        (!person_read.empty() || ctx_.policy.Widest(call.actor_, "log.reads").has_value())) {
      std::string reason;
      if (const std::string* rs = req.Header("x-access-reason")) reason = Utf8Prefix(*rs, 300);
      std::string detail = "GET " + Utf8Prefix(req.path, 300) + (reason.empty() ? "" : " | lý do: " + reason);
      if (Status s = WriteAudit(call.db(), call.actor_, "read", person_read.empty() ? route.operation_id() : "person",
                                person_read, detail);
          !s.ok())
        return ErrorResponse(s);
    }
    if (h.status < 300) committed();
    validate(h);
    return h;
  }

  // The key is looked up and recorded in the same transaction as the work;
  // a second request racing on the same key waits (SQLite) or fails its
  // insert (PostgreSQL) and then finds the first one's answer.
  std::string canonical = req.method + " " + req.path + "\n";
  for (const auto& [k, v] : req.query) canonical += k + "=" + v + "&";
  canonical += "\n" + req.body;
  std::string hash = Sha256Hex(canonical);
  std::string operation = std::string(MethodName(route.method())) + " " + route.path();
  for (int attempt = 0; attempt < 3; ++attempt) {
    Tx tx(call.db());
    if (!tx.status().ok()) return ErrorResponse(tx.status());
    auto prior = IdempotentLookup(call.db(), call.actor_, operation, call.idempotency_key_, hash);
    if (!prior.ok()) return ErrorResponse(prior.status());
    if (*prior) {
      HttpResponse h;
      h.status = (*prior)->status == 201 ? 200 : (*prior)->status;
      h.body = (*prior)->response;
      // Answers that say whether they are a replay say so now.
      if (auto j = ParseJson(h.body, 256);
          j.ok() && j->is_object() && j->contains("replayed") && (*j)["replayed"].is_boolean()) {
        (*j)["replayed"] = true;
        h.body = DumpJson(*j);
      }
      h.SetHeader("Idempotent-Replayed", "true");
      return h;
    }
    call.after_commit_.clear();
    auto r = route.handler()(call);
    if (!r.ok()) return ErrorResponse(r.status());  // the transaction rolls back: nothing stored
    HttpResponse h = to_http(*r);
    if (h.status >= 300) return h;  // a refusal stores nothing and records no key
    Status s = IdempotentRecord(call.db(), call.actor_, operation, call.idempotency_key_, hash, h.status, h.body);
    if (s.ok()) s = tx.Commit();
    if (s.ok()) {
      committed();
      validate(h);
      return h;
    }
    spdlog::warn("idempotency key {} of {}: {} (attempt {})", call.idempotency_key_, call.actor_.id, s.ToString(),
                 attempt + 1);
  }
  return ErrorResponse(Status::Error("conflict", "Idempotency-Key", "Yêu cầu trùng khoá đang được xử lý; thử lại sau",
                                     "a request with the same key is in progress; retry"));
}

HttpResponse RouteTable::Static(const HttpRequest& req, bool head) const {
  namespace fs = std::filesystem;
  auto not_found = [&] {
    return ErrorResponse(Status::Error("not_found", "path", "Không có trang " + Utf8Prefix(req.path, 200),
                                       "no page " + Utf8Prefix(req.path, 200)));
  };
  if (req.path == "/api/docs" || req.path == "/api/docs/") {
    if (opt_.docs_html.empty()) return not_found();
    HttpResponse r;
    r.content_type = "text/html; charset=utf-8";
    r.body = head ? "" : opt_.docs_html;
    r.SetHeader("Cache-Control", "no-cache");
    return r;
  }
  if (opt_.static_dir.empty()) return not_found();
  std::string rel = PercentDecode(req.path, false);
  if (rel.find("..") != std::string::npos || rel.find('\0') != std::string::npos || rel.empty() || rel[0] != '/')
    return not_found();
  fs::path root(opt_.static_dir);
  fs::path file = root / rel.substr(1);
  std::error_code ec;
  bool spa = false;
  if (rel == "/" || !fs::is_regular_file(file, ec)) {
    // Client-side routes (no extension) get the application's page.
    std::string last = rel.substr(rel.rfind('/') + 1);
    if (last.find('.') != std::string::npos) return not_found();
    file = root / "index.html";
    spa = true;
  }
  std::string path = file.string();
  bool gz = false;
  if (const std::string* ae = req.Header("accept-encoding");
      ae && ae->find("gzip") != std::string::npos && fs::is_regular_file(path + ".gz", ec)) {
    gz = true;
  }
  auto body = ReadFile(gz ? path + ".gz" : path);
  if (!body.ok()) return not_found();
  HttpResponse r;
  r.content_type = ContentTypeOf(path);
  if (!head) r.body = std::move(body).value();
  if (gz) r.SetHeader("Content-Encoding", "gzip");
  r.SetHeader("Vary", "Accept-Encoding");
  bool hashed = rel.rfind("/assets/", 0) == 0;
  r.SetHeader("Cache-Control", spa || !hashed ? "no-cache" : "public, max-age=31536000, immutable");
  r.SetHeader("X-Content-Type-Options", "nosniff");
  if (spa)
    r.SetHeader("Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
  return r;
}

}  // namespace bhxh
