// The OpenAPI 3 document, generated from the route table: paths,
// parameters, bodies and answers with their schemas, security, tags.
#include <set>

#include "platform/http/route_table.h"

namespace bhxh {
namespace {

Json ErrorSchema() {
  return {
      {"type", "object"},
      {"required", {"error"}},
      {"additionalProperties", false},
      {"properties",
       {{"error",
         {{"type", "object"},
          {"required", {"code", "field", "message", "message_en"}},
          {"additionalProperties", false},
          {"properties",
           {{"code",
             {{"type", "string"}, {"description", "Mã lỗi ổn định / stable error code"}, {"example", "invalid_input"}}},
            {"field",
             {{"type", "string"}, {"description", "Trường có lỗi / the field at fault"}, {"example", "salary"}}},
            {"message",
             {{"type", "string"}, {"description", "Thông báo tiếng Việt"}, {"example", "Số tiền không hợp lệ"}}},
            {"message_en", {{"type", "string"}, {"description", "English message"}, {"example", "invalid amount"}}}}}}},
        {"errors",
         {{"type", "array"},
          {"description", "Lỗi từng dòng khi một tệp hay tờ khai bị từ chối (dòng đánh số từ 1) / each row's problem"},
          {"items",
           {{"type", "object"},
            {"additionalProperties", false},
            {"required", {"row", "field", "code", "message", "message_en"}},
            {"properties",
             {{"row", {{"type", "integer"}}},
              {"field", {{"type", "string"}}},
              {"code", {{"type", "string"}}},
              {"message", {{"type", "string"}}},
              {"message_en", {{"type", "string"}}}}}}}}}}}};
}

Json ErrorResponseRef(const char* name) { return {{"$ref", std::string("#/components/responses/") + name}}; }

}  // namespace

Json RouteTable::OpenApi() const {
  std::map<std::string, Json> components;
  Json paths = Json::object();
  std::set<std::string> used_tags;
  for (const auto& rp : routes_) {
    const Route& r = *rp;
    Json op = Json::object();
    op["operationId"] = r.operation_id();
    op["summary"] = r.summary_vi() + " / " + r.summary_en();
    std::string desc = r.description();
    if (!r.is_public())
      desc += std::string(desc.empty() ? "" : "\n\n") + "Quyền / permission: `" + r.permission() + "`.";
    if (r.heavy())
      desc += "\n\nYêu cầu nặng: giới hạn số yêu cầu đồng thời (503 khi bận) / heavy: limited concurrency.";
    if (!desc.empty()) op["description"] = desc;
    if (!r.tag().empty()) {
      op["tags"] = {r.tag()};
      used_tags.insert(r.tag());
    }
    Json params = Json::array();
    for (const auto& p : r.params()) {
      Json pj = {{"name", p.name},
                 {"in", p.in_path ? "path" : "query"},
                 {"required", p.in_path || p.required},
                 {"schema", p.schema.ToOpenApi(&components)}};
      if (!p.description.empty()) pj["description"] = p.description;
      params.push_back(pj);
    }
    if (r.paged()) {
      params.push_back(
          {{"name", "limit"},
           {"in", "query"},
           {"required", false},
           {"description", "Số dòng mỗi trang / rows per page"},
           {"schema",
            {{"type", "integer"}, {"minimum", 1}, {"maximum", r.max_limit()}, {"default", r.default_limit()}}}});
      params.push_back({{"name", "cursor"},
                        {"in", "query"},
                        {"required", false},
                        {"description", "next_cursor của trang trước / the previous page's next_cursor"},
                        {"schema", {{"type", "string"}, {"pattern", "^o[0-9]+$"}}}});
    }
    if (r.idempotency() != Idempotency::kNone)
      params.push_back(
          {{"name", "Idempotency-Key"},
           {"in", "header"},
           {"required", r.idempotency() == Idempotency::kRequired},
           {"description",
            "Khoá chống gửi trùng: gửi lại cùng khoá và cùng nội dung được trả lại kết quả lần đầu; "
            "cùng khoá khác nội dung là 409 / a retry with the same key and body replays the first answer"},
           {"schema", {{"type", "string"}, {"minLength", 1}, {"maxLength", 200}}}});
    if (!params.empty()) op["parameters"] = params;
    const BodySpec& b = r.body();
    if (b.kind == BodySpec::Kind::kJson) {
      Json media = {{"schema", b.schema.ToOpenApi(&components)}};
      if (!b.example.is_null()) media["example"] = b.example;
      op["requestBody"] = {{"required", b.required}, {"content", {{"application/json", media}}}};
    } else if (b.kind == BodySpec::Kind::kRaw) {
      Json content = Json::object();
      for (const auto& t : b.media_types)
        content[t] = {{"schema", {{"type", "string"}, {"format", t.find("text") == 0 ? "" : "binary"}}}};
      for (auto& [t, c] : content.items())
        if (c["schema"]["format"] == "") c["schema"].erase("format");
      op["requestBody"] = {{"required", true}, {"description", b.description}, {"content", content}};
    }
    Json responses = Json::object();
    for (const auto& resp : r.responses()) {
      std::string d =
          resp.description.empty() ? (resp.status == 201 ? "Đã tạo / created" : "Kết quả / result") : resp.description;
      Json rj = {{"description", d}};
      std::string key = std::to_string(resp.status);
      if (responses.contains(key)) rj = responses[key];  // several kinds of answer under one status
      if (!rj.contains("content")) rj["content"] = Json::object();
      if (resp.schema) {
        rj["content"]["application/json"] = {{"schema", resp.schema->ToOpenApi(&components)}};
      } else {
        for (const auto& t : resp.media_types)
          rj["content"][t] = {{"schema", {{"type", "string"}, {"format", "binary"}}}};
        rj["description"] = rj["description"].get<std::string>() + (responses.contains(key) ? "; " + d : "");
      }
      responses[key] = rj;
    }
    bool has_path = false;
    for (const auto& p : r.params()) has_path |= p.in_path;
    responses["422"] = ErrorResponseRef("Invalid");  // every route refuses unknown query parameters
    if (b.kind != BodySpec::Kind::kNone) {
      responses["400"] = ErrorResponseRef("Malformed");
      responses["413"] = ErrorResponseRef("TooLarge");
      responses["415"] = ErrorResponseRef("UnsupportedMediaType");
    }
    if (!r.is_public()) {
      responses["401"] = ErrorResponseRef("Unauthenticated");
      responses["403"] = ErrorResponseRef("Forbidden");
      responses["429"] = ErrorResponseRef("RateLimited");
    } else {
      op["security"] = Json::array();
    }
    if (has_path) responses["404"] = ErrorResponseRef("NotFound");
    if (r.idempotency() != Idempotency::kNone) responses["409"] = ErrorResponseRef("Conflict");
    if (r.heavy()) responses["503"] = ErrorResponseRef("Busy");
    responses["500"] = ErrorResponseRef("ServerError");
    op["responses"] = responses;
    std::string m = MethodName(r.method());
    for (auto& c : m) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    paths[r.path()][m] = op;
  }
  Json schemas = Json::object();
  for (auto& [k, v] : components) schemas[k] = v;
  schemas["Error"] = ErrorSchema();
  auto err = [](const char* d) {
    return Json{{"description", d},
                {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}};
  };
  Json tags = Json::array();
  for (const auto& t : used_tags) {
    auto it = tags_.find(t);
    tags.push_back({{"name", t}, {"description", it == tags_.end() ? t : it->second}});
  }
  Json doc = {
      {"openapi", "3.0.3"},
      {"info",
       {{"title", "bhxh — Hệ thống thông tin BHXH Việt Nam"},
        {"version", "1.0.0"},
        {"license",
         {{"name", "Bảo hiểm xã hội Việt Nam — sử dụng nội bộ / internal use"},
          {"url", "https://baohiemxahoi.gov.vn"}}},
        {"description",
         "API của cơ sở dữ liệu quốc gia về bảo hiểm / the API of the national insurance database. "
         "Lỗi là JSON với mã ổn định, thông báo tiếng Việt, tiếng Anh và trường có lỗi / errors are JSON with a stable "
         "code, "
         "a Vietnamese and an English message and the field at fault. Tiền là số đồng nguyên / money is whole dong. "
         "Danh sách dài được phân trang (limit, cursor) / long lists are paged."}}},
      {"servers", Json::array({{{"url", "/api/v1"}, {"description", "Máy chủ này / this server"}}})},
      {"security", Json::array({{{"bearer", Json::array()}}})},
      {"tags", tags},
      {"paths", paths},
      {"components",
       {{"securitySchemes",
         {{"bearer",
           {{"type", "http"},
            {"scheme", "bearer"},
            {"description", "Mã truy cập hoặc phiên đăng nhập / token or login session"}}}}},
        {"schemas", schemas},
        {"responses",
         {{"Invalid", err("Dữ liệu không hợp lệ (trường có lỗi trong field) / invalid input")},
          {"Malformed", err("JSON hoặc tệp không đọc được / malformed body")},
          {"TooLarge", err("Nội dung quá lớn / body too large")},
          {"UnsupportedMediaType", err("Kiểu nội dung không hỗ trợ / unsupported Content-Type")},
          {"Unauthenticated", err("Chưa xác thực / not authenticated")},
          {"Forbidden", err("Không có quyền hoặc ngoài phạm vi / not permitted or out of scope")},
          {"RateLimited", err("Quá nhiều lần xác thực sai / too many failed authentications")},
          {"NotFound", err("Không tìm thấy / not found")},
          {"Conflict", err("Xung đột, hoặc khoá chống gửi trùng đã dùng cho yêu cầu khác / conflict")},
          {"Busy", err("Máy chủ bận, thử lại sau / busy, retry later")},
          {"ServerError", err("Lỗi hệ thống / server error")}}}}}};
  return doc;
}

std::string RouteTable::OpenApiText() const { return DumpJson(OpenApi(), 2); }

}  // namespace bhxh
