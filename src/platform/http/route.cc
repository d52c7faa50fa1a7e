#include "platform/http/route.h"

#include <cstdio>

namespace bhxh {

const char* MethodName(Method m) {
  switch (m) {
    case Method::kGet:
      return "GET";
    case Method::kPost:
      return "POST";
    case Method::kPut:
      return "PUT";
    case Method::kPatch:
      return "PATCH";
    case Method::kDelete:
      return "DELETE";
  }
  return "";
}

Route::Route(Method m, std::string path, std::string operation_id)
    : method_(m), path_(std::move(path)), operation_id_(std::move(operation_id)) {}

Route& Route::Tag(std::string t) {
  tag_ = std::move(t);
  return *this;
}
Route& Route::Summary(std::string vi, std::string en) {
  summary_vi_ = std::move(vi);
  summary_en_ = std::move(en);
  return *this;
}
Route& Route::Describe(std::string text) {
  description_ = std::move(text);
  return *this;
}
Route& Route::PathParam(std::string name, Schema s, std::string d) {
  params_.push_back({std::move(name), true, true, std::move(s), std::move(d)});
  return *this;
}
Route& Route::Query(std::string name, Schema s, std::string d, bool required) {
  params_.push_back({std::move(name), false, required, std::move(s), std::move(d)});
  return *this;
}
Route& Route::JsonBody(Schema s, size_t max_bytes) {
  body_.kind = BodySpec::Kind::kJson;
  body_.schema = std::move(s);
  body_.media_types = {"application/json"};
  body_.max_bytes = max_bytes;
  body_.required = true;
  return *this;
}
Route& Route::OptionalJsonBody(Schema s, size_t max_bytes) {
  JsonBody(std::move(s), max_bytes);
  body_.required = false;
  return *this;
}
Route& Route::RawBody(std::vector<std::string> types, std::string d, size_t max_bytes) {
  body_.kind = BodySpec::Kind::kRaw;
  body_.media_types = std::move(types);
  body_.description = std::move(d);
  body_.max_bytes = max_bytes;
  return *this;
}
Route& Route::BodyExample(Json e) {
  body_.example = std::move(e);
  return *this;
}
Route& Route::Returns(int status, Schema s, std::string d) {
  responses_.push_back({status, std::move(d), std::move(s), {}});
  return *this;
}
Route& Route::ReturnsFile(int status, std::vector<std::string> types, std::string d) {
  responses_.push_back({status, std::move(d), std::nullopt, std::move(types)});
  return *this;
}
Route& Route::Permission(std::string p) {
  permission_ = std::move(p);
  return *this;
}
Route& Route::Public() {
  public_ = true;
  return *this;
}
Route& Route::CommuneScoped() {
  commune_scoped_ = true;
  return *this;
}
Route& Route::OwnedBy(OwnerResolver r) {
  owner_ = std::move(r);
  return *this;
}
Route& Route::Idempotent(Idempotency k) {
  idempotency_ = k;
  return *this;
}
Route& Route::Paged(int def, int max) {
  paged_ = true;
  default_limit_ = def;
  max_limit_ = max;
  return *this;
}
Route& Route::Heavy() {
  heavy_ = true;
  return *this;
}
Route& Route::NoDb() {
  needs_db_ = false;
  return *this;
}
Route& Route::Handle(Handler h) {
  handler_ = std::move(h);
  return *this;
}

const ResponseSpec* Route::ResponseFor(int status) const {
  for (const auto& r : responses_)
    if (r.status == status) return &r;
  return nullptr;
}

const std::string& Call::Path(const std::string& name) const {
  static const std::string kEmpty;
  auto it = path_args_.find(name);
  return it == path_args_.end() ? kEmpty : it->second;
}

bool Call::Has(const std::string& name) const { return params_.count(name) > 0; }

std::string Call::Str(const std::string& name, const std::string& def) const {
  auto it = params_.find(name);
  if (it == params_.end()) return def;
  return JsonText(it->second);
}

int64_t Call::Int(const std::string& name, int64_t def) const {
  auto it = params_.find(name);
  return it != params_.end() && it->second.is_number_integer() ? it->second.get<int64_t>() : def;
}

double Call::Num(const std::string& name, double def) const {
  auto it = params_.find(name);
  return it != params_.end() && it->second.is_number() ? it->second.get<double>() : def;
}

bool Call::Bool(const std::string& name, bool def) const {
  auto it = params_.find(name);
  return it != params_.end() && it->second.is_boolean() ? it->second.get<bool>() : def;
}

Date Call::DateOr(const std::string& name, Date def) const {
  auto it = params_.find(name);
  if (it == params_.end() || !it->second.is_string()) return def;
  auto d = Date::Parse(it->second.get<std::string>(), name);
  return d.ok() ? *d : def;  // validated already
}

std::string Call::BodyStr(const std::string& name) const {
  if (!body_.is_object()) return "";
  auto it = body_.find(name);
  if (it == body_.end() || it->is_null()) return "";
  return JsonText(*it);
}

Schema PageSchema() {
  return Schema::Object(
             {Req("limit", S::Int(1, 10000)), Req("total", S::Int(0, INT64_MAX)),
              Req("next_cursor", Schema::String().Nullable().Describe(
                                     "Con trỏ trang sau (null: hết) / cursor of the next page (null: last)"))})
      .Named("Page");
}

void Call::PageInfo(Json& out, int64_t total, int64_t returned) const {
  int64_t next = page_.offset + returned;
  out["page"] = {{"limit", page_.limit},
                 {"total", total},
                 {"next_cursor", next < total ? Json("o" + std::to_string(next)) : Json(nullptr)}};
}

void Call::Paginate(Json& out, const std::string& key, Json all) const {
  int64_t total = static_cast<int64_t>(all.size());
  Json items = Json::array();
  for (int64_t i = page_.offset; i < total && i < page_.offset + page_.limit; ++i) items.push_back(std::move(all[i]));
  int64_t n = static_cast<int64_t>(items.size());
  out[key] = std::move(items);
  PageInfo(out, total, n);
}

}  // namespace bhxh
