// A route: one operation of the API, declared once with everything the
// platform needs to serve, check and describe it — method and path, a
// bilingual summary, typed parameters, the request body's schema, the
// answers' schemas, the permission it needs and how to find the owner of
// the object it touches, idempotency, paging, and the handler.
//
// The route table (route_table.h) dispatches on these declarations,
// authenticates, checks the permission once (deny by default), validates
// parameters and bodies, maps a Status to HTTP in one place, and writes
// the OpenAPI document from them. A handler therefore starts from valid,
// typed input and an authorised actor, calls one engine and returns a
// Reply. Routes are declared by each capability in its routes.cc.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "platform/access/policy.h"
#include "platform/http/http.h"
#include "platform/jsonio/schema.h"

namespace bhxh {

class AppContext;
class Db;
class Call;

enum class Method { kGet, kPost, kPut, kPatch, kDelete };
const char* MethodName(Method m);

// What a handler answers: JSON (the default), or bytes of a file.
struct Reply {
  int status = 200;
  Json json;
  std::string bytes;         // when content_type is set
  std::string content_type;  // empty: JSON
  std::string filename;      // Content-Disposition: attachment; filename=...
  static Reply Ok(Json j) { return Reply{200, std::move(j), "", "", ""}; }
  static Reply Created(Json j) { return Reply{201, std::move(j), "", "", ""}; }
  static Reply With(int status, Json j) { return Reply{status, std::move(j), "", "", ""}; }
  static Reply File(std::string bytes, std::string content_type, std::string filename) {
    return Reply{200, Json(), std::move(bytes), std::move(content_type), std::move(filename)};
  }
  static Reply Inline(std::string bytes, std::string content_type) {
    return Reply{200, Json(), std::move(bytes), std::move(content_type), ""};
  }
};

using Handler = std::function<Result<Reply>(Call&)>;
// Finds who owns the object a request is about (for the scope check).
using OwnerResolver = std::function<Result<Owner>(Call&)>;

struct ParamSpec {
  std::string name;
  bool in_path = false;
  bool required = false;
  Schema schema;  // string, integer, number or boolean; values arrive as text and are converted first
  std::string description;
};

struct BodySpec {
  enum class Kind { kNone, kJson, kRaw } kind = Kind::kNone;
  Schema schema;                         // kJson
  std::vector<std::string> media_types;  // kRaw: accepted Content-Types (first is documented first)
  std::string description;
  size_t max_bytes = 1 << 20;
  bool required = true;
  Json example;
};

struct ResponseSpec {
  int status = 200;
  std::string description;
  std::optional<Schema> schema;          // JSON answer
  std::vector<std::string> media_types;  // file answers
};

enum class Idempotency { kNone, kOptional, kRequired };

class Route {
 public:
  Route(Method m, std::string path, std::string operation_id);
  static Route Get(std::string path, std::string id) { return Route(Method::kGet, std::move(path), std::move(id)); }
  static Route Post(std::string path, std::string id) { return Route(Method::kPost, std::move(path), std::move(id)); }
  static Route Put(std::string path, std::string id) { return Route(Method::kPut, std::move(path), std::move(id)); }
  static Route Delete(std::string path, std::string id) {
    return Route(Method::kDelete, std::move(path), std::move(id));
  }

  Route& Tag(std::string t);
  Route& Summary(std::string vi, std::string en);
  Route& Describe(std::string text);
  Route& PathParam(std::string name, Schema s, std::string description);
  Route& Query(std::string name, Schema s, std::string description, bool required = false);
  Route& JsonBody(Schema s, size_t max_bytes = 1 << 20);
  Route& OptionalJsonBody(Schema s, size_t max_bytes = 1 << 20);
  Route& RawBody(std::vector<std::string> media_types, std::string description, size_t max_bytes);
  Route& BodyExample(Json example);
  Route& Returns(int status, Schema s, std::string description = "");
  Route& ReturnsFile(int status, std::vector<std::string> media_types, std::string description);
  Route& Permission(std::string p);
  // No authentication (health, the OpenAPI document).
  Route& Public();
  Route& OwnedBy(OwnerResolver r);
  // The handler filters by c.scope().commune (or its owner names the
  // commune): a commune grant may use it. Without this, a commune grant is
  // refused here (policy.h says why).
  Route& CommuneScoped();
  Route& Idempotent(Idempotency k);
  Route& Paged(int default_limit = 50, int max_limit = 1000);
  // Costly work (an envelope review, a collection run): limited in number at once.
  Route& Heavy();
  Route& NoDb();
  Route& Handle(Handler h);

  Method method() const { return method_; }
  const std::string& path() const { return path_; }
  const std::string& operation_id() const { return operation_id_; }
  const std::string& tag() const { return tag_; }
  const std::string& summary_vi() const { return summary_vi_; }
  const std::string& summary_en() const { return summary_en_; }
  const std::string& description() const { return description_; }
  const std::vector<ParamSpec>& params() const { return params_; }
  const BodySpec& body() const { return body_; }
  const std::vector<ResponseSpec>& responses() const { return responses_; }
  const std::string& permission() const { return permission_; }
  bool is_public() const { return public_; }
  bool commune_scoped() const { return commune_scoped_; }
  const OwnerResolver& owner() const { return owner_; }
  Idempotency idempotency() const { return idempotency_; }
  bool paged() const { return paged_; }
  int default_limit() const { return default_limit_; }
  int max_limit() const { return max_limit_; }
  bool heavy() const { return heavy_; }
  bool needs_db() const { return needs_db_; }
  const Handler& handler() const { return handler_; }
  const ResponseSpec* ResponseFor(int status) const;

 private:
  Method method_;
  std::string path_, operation_id_, tag_, summary_vi_, summary_en_, description_, permission_;
  std::vector<ParamSpec> params_;
  BodySpec body_;
  std::vector<ResponseSpec> responses_;
  bool public_ = false, paged_ = false, heavy_ = false, needs_db_ = true, commune_scoped_ = false;
  int default_limit_ = 50, max_limit_ = 1000;
  OwnerResolver owner_;
  Idempotency idempotency_ = Idempotency::kNone;
  Handler handler_;
};

struct PageRequest {
  int limit = 50;
  int64_t offset = 0;
};

// What a handler sees: the context, the authorised actor and its scope for
// this permission, the validated parameters and body, a database
// connection (leased for the whole request), and paging.
class Call {
 public:
  Call(AppContext& ctx, const Route& route, const HttpRequest& req, const Actor& actor)
      : ctx_(ctx), route_(route), req_(req), actor_(actor) {}

  AppContext& ctx() { return ctx_; }
  const Route& route() const { return route_; }
  const HttpRequest& request() const { return req_; }
  const Actor& actor() const { return actor_; }
  const AccessScope& scope() const { return scope_; }
  Db& db() { return *db_; }
  bool has_db() const { return db_ != nullptr; }

  // A path parameter, decoded.
  const std::string& Path(const std::string& name) const;
  // Query parameters, validated against their schemas.
  bool Has(const std::string& name) const;
  std::string Str(const std::string& name, const std::string& def = "") const;
  int64_t Int(const std::string& name, int64_t def = 0) const;
  double Num(const std::string& name, double def = 0) const;
  bool Bool(const std::string& name, bool def = false) const;
  Date DateOr(const std::string& name, Date def) const;
  // The JSON body (validated), or null when there is none.
  const Json& Body() const { return body_; }
  // A body field as text ("" when absent).
  std::string BodyStr(const std::string& name) const;
  const std::string& RawBody() const { return req_.body; }
  const std::string& idempotency_key() const { return idempotency_key_; }
  PageRequest page() const { return page_; }
  // A page of an array built in memory: {"items" or `key`: [...], "page": {...}} fields set on `out`.
  void Paginate(Json& out, const std::string& key, Json all) const;
  // Sets the "page" object for a list paged by the engine: `total` rows.
  void PageInfo(Json& out, int64_t total, int64_t returned) const;
  // Runs `f` once the request's work is committed (never when it is
  // refused or rolled back): events that make other parts of the process
  // read what this request wrote (a card index refreshing a person) must
  // not run before the transaction that wrote it commits.
  void AfterCommit(std::function<void()> f) { after_commit_.push_back(std::move(f)); }

 private:
  friend class RouteTable;
  std::vector<std::function<void()>> after_commit_;
  AppContext& ctx_;
  const Route& route_;
  const HttpRequest& req_;
  const Actor& actor_;
  AccessScope scope_;
  Db* db_ = nullptr;
  std::map<std::string, std::string> path_args_;
  std::map<std::string, Json> params_;
  Json body_;
  std::string idempotency_key_;
  PageRequest page_;
};

// The schema of the "page" object of paged answers.
Schema PageSchema();

}  // namespace bhxh
